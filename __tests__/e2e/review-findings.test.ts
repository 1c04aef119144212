// End-to-end checks of an attacker review's findings against the bundled action (dist/index.js) and
// the local GitHub stand-in: each runs a pull request the way the review's reproduction did.
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PlanReport } from '../../src/core/index.js';
import { FAILING_PLAN, VALID_PLAN, llama8bConfig } from '../fixtures/hostile/cases.js';
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

interface PullRequest {
  head: Record<string, string>;
  base?: Record<string, string>;
  files?: ChangedFile[];
  /** check the head out into the workspace */
  workspace?: boolean;
  /** files an earlier step wrote into the workspace, beside the checkout */
  untracked?: Record<string, string>;
}

async function pullRequest(pr: PullRequest): Promise<{ state: StandInState; result: ActionRun; plans: PlanReport[] }> {
  const state = createState();
  addCommit(state, HEAD, pr.head);
  addCommit(state, BASE, pr.base ?? {});
  const files = pr.files ?? Object.keys(pr.head).map((filename) => ({ filename, status: 'added' as const }));
  state.pulls.set(9, { files });
  server = await startStandIn(state);
  const result = await runPullRequest(
    server.url,
    state,
    { number: 9, headSha: HEAD, baseSha: BASE, changedFiles: files.length },
    { ...(pr.workspace ? { files: { ...pr.head, ...pr.untracked }, checkedOut: HEAD } : {}), timeoutMs: 120_000 },
  );
  expect(state.rejected).toEqual([]);
  const plans = (JSON.parse(readFileSync(result.outputs['report-json'] as string, 'utf8')) as { plans: PlanReport[] }).plans;
  return { state, result, plans };
}

describe.skipIf(process.platform === 'win32')('a backslash in a plan file name', () => {
  for (const workspace of [true, false]) {
    it(`verifies that file, not the one with a slash in its place (${workspace ? 'workspace' : 'contents API'})`, async () => {
      const head = { 'deploy\\prod.plan.yaml': FAILING_PLAN, 'deploy/prod.plan.yaml': VALID_PLAN };
      const { result, plans } = await pullRequest({ head, files: [{ filename: 'deploy\\prod.plan.yaml', status: 'added' }], workspace });
      expect(plans.map((p) => [p.file, p.verdict])).toEqual([['deploy\\prod.plan.yaml', 'fail']]);
      expect(result.exitCode).toBe(1);
    });
  }
});

describe('plan names that GitHub would autolink', () => {
  it('reach the comment, the job summary and the check runs with every link broken', async () => {
    const names = ['Login_https://evil.example/verify', 'v2_www.evil.example', 'prod-1https://evil.example/x', 'mail a@_evil.example'];
    const head = Object.fromEntries(names.map((name, i) => [`plans/p${i}.plan.yaml`, VALID_PLAN.replace('name: llama-3.1-8b-1xh100', `name: "${name}"`)]));
    const { state, result } = await pullRequest({ head });
    const markdown = [state.comments[0]?.body ?? '', result.summary, ...state.checkRuns.map((c) => `${c.output?.title}\n${c.output?.summary}`)];
    expect(state.comments).toHaveLength(1);
    expect(state.checkRuns).toHaveLength(4);
    for (const text of markdown) {
      expect(text).toContain('evil.example'); // the names are there...
      expect(text).not.toMatch(/:\/\/evil|www\.evil|@\\?_?evil/i); // ...with no link left in them
    }
  });
});

describe('a plan replaced by one null value', () => {
  it('is an error (version missing, line 1), as `{}` is, never a neutral check run', async () => {
    const head = { 'deploy/a.plan.yaml': '---\n', 'deploy/b.plan.yaml': 'null\n', 'deploy/c.plan.yaml': '~\n', 'deploy/d.plan.json': '{}' };
    const base = Object.fromEntries(Object.keys(head).map((path) => [path, VALID_PLAN]));
    const files = Object.keys(head).map((filename) => ({ filename, status: 'modified' as const }));
    const { state, result, plans } = await pullRequest({ head, base, files });
    for (const plan of plans) {
      expect(plan.verdict, plan.file).toBe('error');
      expect(plan.errors[0], plan.file).toMatchObject({ message: expect.stringMatching(/^version: missing/), line: 1 });
    }
    expect(plans).toHaveLength(4);
    expect(state.checkRuns.map((c) => c.conclusion)).toEqual(['failure', 'failure', 'failure', 'failure']);
    expect(result.exitCode).toBe(1);
  });
});

describe('values of a file a plan names, which an earlier step may have written', () => {
  it('reach no output: warnings describe a model_type, a torch_dtype or a served model they do not know', async () => {
    const CANARY = 'canaryCredential0123456789abcdef';
    const credentials = llama8bConfig({ type: 'service_account', private_key_id: CANARY, model_type: CANARY, torch_dtype: CANARY });
    const head = {
      'plans/hf.plan.yaml': VALID_PLAN.replace('  preset: llama-3.1-8b', '  hf_config: ../gha-creds-1.json'),
      'plans/run.plan.yaml': `${VALID_PLAN.replace('model:\n  preset: llama-3.1-8b\n', '')}\ndeployment:\n  engine: vllm\n  from: ../run.sh\n`,
    };
    const untracked = { 'gha-creds-1.json': credentials, 'run.sh': `vllm serve ${CANARY} --tensor-parallel-size 1\n` };
    const { state, result, plans } = await pullRequest({ head, workspace: true, untracked });
    expect(plans.map((p) => p.file).sort()).toEqual(['plans/hf.plan.yaml', 'plans/run.plan.yaml']);
    const everything = [
      JSON.stringify(state.comments),
      JSON.stringify(state.checkRuns),
      result.summary,
      result.stdout,
      result.stderr,
      readFileSync(result.outputs['report-json'] as string, 'utf8'),
    ].join('\n');
    expect(everything).toMatch(/model_type \(a value of 32 characters, not shown\)/);
    expect(everything).toMatch(/model \(a value of 32 characters, not shown\) matches no model preset/);
    expect(everything).not.toContain(CANARY.slice(0, 16));
  });
});
