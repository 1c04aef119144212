// A run that did not verify every plan in scope never says pass: its verdict output is error, the
// comment and job summary open with how many plans were not verified, and the outputs count them.
// Each case runs the bundled action (dist/index.js) against the local GitHub stand-in.
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/index.js';
import { FAILING_PLAN, VALID_PLAN } from '../fixtures/hostile/cases.js';
import { ensureFreshBundle } from './bundle.js';
import { addCommit, type ChangedFile, createState, type StandIn, type StandInState, startStandIn } from './stand-in/server.mjs';
import { type ActionRun, runPullRequest } from './stand-in/run-action.mjs';

const HEAD = '6'.repeat(40);
const BASE = '5'.repeat(40);

let server: StandIn | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
beforeAll(() => ensureFreshBundle(), 180_000);

async function pullRequest(
  head: Record<string, string>,
  options: { env?: Record<string, string>; setup?: (state: StandInState) => void; files?: ChangedFile[]; base?: Record<string, string> } = {},
): Promise<{ state: StandInState; result: ActionRun }> {
  const state = createState();
  addCommit(state, HEAD, head);
  addCommit(state, BASE, options.base ?? {});
  const files = options.files ?? Object.keys(head).map((filename) => ({ filename, status: 'added' as const }));
  state.pulls.set(9, { files });
  options.setup?.(state);
  server = await startStandIn(state);
  const result = await runPullRequest(
    server.url,
    state,
    { number: 9, headSha: HEAD, baseSha: BASE, changedFiles: files.length },
    { env: options.env ?? {}, timeoutMs: 120_000 },
  );
  expect(state.rejected).toEqual([]);
  return { state, result };
}

/** The report's first line (after the hidden marker lines of a comment). */
const firstLine = (markdown: string) => markdown.split('\n').find((l) => l.trim() !== '' && !l.startsWith('<!--')) ?? '';

describe('plans in scope that were not verified', () => {
  it('over the plan cap: verdict error, the skipped plan counted and named before any pass wording', async () => {
    const head = { 'a.plan.yaml': VALID_PLAN, 'b.plan.yaml': VALID_PLAN, 'c.plan.yaml': FAILING_PLAN };
    const { state, result } = await pullRequest(head, { env: { PARALLEL_PLAN_CHECK_MAX_PLANS: '2' } });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.verdict).toBe('error');
    expect(result.outputs['plans-passed']).toBe('2');
    expect(result.outputs['plans-unverified']).toBe('1');
    expect(result.outputs['plans-errored']).toBe('0');
    const json = JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8')) as Report;
    expect(json.verdict).toBe('error');
    for (const text of [state.comments[0]!.body, result.summary, readFileSync(result.outputs['report-markdown']!, 'utf8')]) {
      const line = firstLine(text);
      expect(line).not.toMatch(/✅|: pass\*\*/);
      expect(line).toMatch(/🛑 \*\*parallel-plan-check: error\*\* — 1 plan NOT verified \(c\.plan\.yaml\); verified: 2 plans: 2 pass/);
    }
    expect(result.stdout).not.toMatch(/Verdict: pass/);
  });

  it('the pull request moved on after the event: verdict error, never pass', async () => {
    const { state, result } = await pullRequest(
      { 'a.plan.yaml': VALID_PLAN },
      {
        setup: (s) => {
          s.pulls.get(9)!.headSha = 'c'.repeat(40);
        },
      },
    );
    expect(result.exitCode).toBe(1);
    expect(result.outputs.verdict).toBe('error');
    expect(result.outputs['plans-unverified']).toBe('0');
    expect(firstLine(state.comments[0]!.body)).toMatch(/^🛑 \*\*parallel-plan-check: error\*\* — plans may have gone unverified/);
    expect(firstLine(result.summary)).toMatch(/^🛑 .*error\*\* — plans may have gone unverified/);
  });

  it('a plan whose read the budget refused is not verified, not "not a valid plan", and is counted as such', async () => {
    const head = { 'a.plan.yaml': VALID_PLAN, 'b.plan.yaml': VALID_PLAN };
    const { state, result } = await pullRequest(head, { env: { PARALLEL_PLAN_CHECK_MAX_READS: '1' } });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.verdict).toBe('error');
    expect(result.outputs['plans-unverified']).toBe('1');
    expect(result.outputs['plans-errored']).toBe('0');
    const body = state.comments[0]!.body;
    expect(firstLine(body)).toMatch(/— 1 plan NOT verified \(b\.plan\.yaml\); verified: 1 plan: 1 pass/);
    expect(body).toMatch(/\*\*b\.plan\.yaml\*\* is NOT verified: b\.plan\.yaml is not verified \(read budget spent\)/);
    expect(body).not.toMatch(/is not a valid plan/);
  });
});

describe('the read budget goes to the head versions first', () => {
  it('base comparisons that do not fit are dropped with one note; every head is verified', async () => {
    const head: Record<string, string> = {};
    const base: Record<string, string> = {};
    for (const name of ['a', 'b', 'c', 'd']) {
      head[`plans/${name}.plan.yaml`] = VALID_PLAN.replace('tpot: 30 ms', 'tpot: 31 ms');
      base[`plans/${name}.plan.yaml`] = VALID_PLAN;
    }
    const files = Object.keys(head).map((filename) => ({ filename, status: 'modified' as const }));
    // 4 head reads and 1 base read fit: the other 3 bases do not
    const { state, result } = await pullRequest(head, { env: { PARALLEL_PLAN_CHECK_MAX_READS: '5' }, files, base });
    expect(result.outputs.verdict).toBe('pass');
    expect(result.outputs['plans-passed']).toBe('4');
    expect(result.outputs['plans-unverified']).toBe('0');
    expect(result.exitCode).toBe(0);
    const body = state.comments[0]!.body;
    expect(body).not.toMatch(/not a valid plan|NOT verified/);
    expect(body).toMatch(/3 plans shown without a comparison to the base/);
    const reads = state.requests.filter((r) => r.operationId === 'repos/get-content');
    expect(reads).toHaveLength(5);
  });
});
