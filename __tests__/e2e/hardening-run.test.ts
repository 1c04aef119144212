// The attacker review's findings against the bundled action (dist/index.js) and the GitHub
// stand-in: one plan cannot sink the run (a reference path the URL encoder throws on, a read
// GitHub keeps refusing); each finding's test names what held before the fix.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/index.js';
import { VALID_PLAN } from '../fixtures/hostile/cases.js';
import { scratchFolder } from '../scratch.js';
import { ensureFreshBundle } from './bundle.js';
import { addCommit, createState, startStandIn, type StandIn, type StandInState } from './stand-in/server.mjs';
import { runPullRequest, type ActionRun } from './stand-in/run-action.mjs';

const HEAD = '6'.repeat(40);
const BASE = '5'.repeat(40);
const MARKER = '<!-- parallel-plan-check:sticky check-name="parallel-plan-check" -->';
/** A plan that fails: 8B on one H100 cannot give 0.01 ms per token. */
const FAILING_PLAN = VALID_PLAN.replace('  tpot: 30 ms', '  tpot: 0.01 ms');

let server: StandIn | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
beforeAll(() => ensureFreshBundle(), 180_000);

interface PullRequest {
  head: Record<string, string>;
  base?: Record<string, string>;
  /** the changed files; default: every file of `head`, added */
  files?: { filename: string; status: 'added' | 'modified' }[];
  setup?: (state: StandInState) => void;
  env?: Record<string, string>;
  inputs?: Record<string, string>;
  /** files of a checkout of HEAD (the run reads the workspace); default: no checkout */
  workspace?: Record<string, string>;
}

function checkout(files: Record<string, string>): string {
  const root = scratchFolder('ppc-run-ws-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function pullRequest(pr: PullRequest): Promise<{ state: StandInState; result: ActionRun; report: Report | null }> {
  const state = createState();
  addCommit(state, HEAD, pr.head);
  addCommit(state, BASE, pr.base ?? {});
  const files = pr.files ?? Object.keys(pr.head).map((filename) => ({ filename, status: 'added' as const }));
  state.pulls.set(9, { files });
  pr.setup?.(state);
  server = await startStandIn(state);
  const result = await runPullRequest(
    server.url,
    state,
    { number: 9, headSha: HEAD, baseSha: BASE, changedFiles: files.length },
    {
      timeoutMs: 120_000,
      ...(pr.env ? { env: pr.env } : {}),
      ...(pr.inputs ? { inputs: pr.inputs } : {}),
      ...(pr.workspace ? { workspace: checkout(pr.workspace), checkedOut: HEAD } : {}),
    },
  );
  const path = result.outputs['report-json'];
  const report = path ? (JSON.parse(readFileSync(path, 'utf8')) as Report) : null;
  return { state, result, report };
}

const verdicts = (report: Report | null) => Object.fromEntries((report?.plans ?? []).map((p) => [p.file, p.verdict]));

describe('one plan cannot sink the run', () => {
  it('a reference path with a lone surrogate is that plan\'s error; the others are verified and posted (before: "URI malformed", nothing posted)', async () => {
    const head = {
      'plans/a-failing.plan.yaml': FAILING_PLAN,
      'plans/b-valid.plan.yaml': VALID_PLAN,
      'plans/c-hostile.plan.yaml': VALID_PLAN.replace('  preset: llama-3.1-8b', '  hf_config: "x\\ud800.json"'),
    };
    const { state, result, report } = await pullRequest({ head });
    expect(state.rejected).toEqual([]);
    expect(result.stdout).not.toContain('URI malformed');
    expect(verdicts(report)).toEqual({ 'plans/a-failing.plan.yaml': 'fail', 'plans/b-valid.plan.yaml': 'pass', 'plans/c-hostile.plan.yaml': 'error' });
    const hostile = report?.plans.find((p) => p.file === 'plans/c-hostile.plan.yaml');
    expect(hostile?.errors[0]?.message).toMatch(/not well-formed Unicode/);
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]?.body.startsWith(MARKER)).toBe(true);
    expect(state.checkRuns).toHaveLength(3);
    expect(result.exitCode).toBe(1);
    // no request was made for the lone-surrogate path
    expect(state.requests.filter((r) => r.operationId === 'repos/get-content').map((r) => r.path)).not.toContainEqual(expect.stringContaining('x%'));
  });

  it('a reference GitHub keeps refusing (502 after the retries) costs only its plan, and the job fails saying so', async () => {
    const head = {
      'plans/a-valid.plan.yaml': VALID_PLAN,
      'plans/b-config.plan.yaml': VALID_PLAN.replace('  preset: llama-3.1-8b', '  hf_config: config.json'),
      'plans/config.json': '{}',
    };
    const { state, result, report } = await pullRequest({
      head,
      files: [
        { filename: 'plans/a-valid.plan.yaml', status: 'added' },
        { filename: 'plans/b-config.plan.yaml', status: 'added' },
      ],
      inputs: { 'fail-on': 'never' },
      setup: (s) => s.faults.push({ operationId: 'repos/get-content', status: 502, times: 100, pathIncludes: 'plans/config.json' }),
    });
    expect(verdicts(report)).toEqual({ 'plans/a-valid.plan.yaml': 'pass', 'plans/b-config.plan.yaml': 'error' });
    const failed = report?.plans.find((p) => p.file === 'plans/b-config.plan.yaml');
    expect(failed?.errors[0]?.message).toBe('plans/b-config.plan.yaml could not be verified: GitHub answered 502 to a read, after its retries.');
    expect(state.comments).toHaveLength(1);
    expect(state.checkRuns).toHaveLength(2);
    // even with fail-on: never, a plan not verified for GitHub's sake fails the job: it was never seen
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/::error::.*1 plan\(s\) could not be verified, for a reason not in the plan \(plans\/b-config\.plan\.yaml\)/);
  });
});

describe('memory', () => {
  it('24 plans importing the same 16 files of 4 MiB verify in a 320 MB heap (before: every plan kept its 64 MiB of imports, the heap ran out)', async () => {
    const big = `a: ${'x'.repeat(4 * 1024 * 1024 - 10)}\n`;
    const workspace: Record<string, string> = {};
    for (let i = 0; i < 16; i++) workspace[`shared/f${i}.yaml`] = big;
    const from = Array.from({ length: 16 }, (_, i) => `../shared/f${i}.yaml`).join(', ');
    const head: Record<string, string> = {};
    for (let p = 0; p < 24; p++) head[`plans/p${String(p).padStart(2, '0')}.plan.yaml`] = `${FAILING_PLAN}\ndeployment:\n  engine: vllm\n  from: [${from}]\n`;
    head['plans/z-valid.plan.yaml'] = VALID_PLAN;
    const { state, result, report } = await pullRequest({
      head,
      workspace: { ...workspace, ...head },
      env: { NODE_OPTIONS: '--max-old-space-size=320' },
    });
    expect(result.stderr).not.toMatch(/heap out of memory/);
    expect(report?.plans).toHaveLength(25);
    // each plan fails closed on its imports (a YAML file over 1 MiB), with its own error
    expect(report?.plans.filter((p) => p.verdict === 'error')).toHaveLength(24);
    expect(verdicts(report)['plans/z-valid.plan.yaml']).toBe('pass');
    expect(state.comments).toHaveLength(1);
    expect(state.checkRuns).toHaveLength(25);
  }, 120_000);
});
