// End-to-end: a pull request that changes only files an unchanged plan reads, not through its own
// deployment.from (a model.hf_config, an engine --config named by an imported script), must get
// those plans verified again, through the contents API and from a checked-out workspace alike.
// Expected verdicts come from the core run in-process on the head's files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type PlanReport, verifyPlanText } from '../../src/core/index.js';
import { VALID_PLAN, llama8bConfig } from '../fixtures/hostile/cases.js';
import { ensureFreshBundle } from './bundle.js';
import { addCommit, type ChangedFile, createState, type StandIn, startStandIn } from './stand-in/server.mjs';
import { type ActionRun, runPullRequest } from './stand-in/run-action.mjs';

const HEAD = '6'.repeat(40);
const BASE = '5'.repeat(40);

let server: StandIn | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
beforeAll(() => ensureFreshBundle(), 180_000);

const config = (layers: number) =>
  llama8bConfig({
    model_type: 'llama',
    architectures: ['LlamaForCausalLM'],
    num_hidden_layers: layers,
    torch_dtype: 'bfloat16',
    max_position_embeddings: 131072,
  });
const HF_PLAN = VALID_PLAN.replace('  preset: llama-3.1-8b', '  hf_config: config.json');
const SERVE_PLAN = `${VALID_PLAN.replace('parallelism:\n  tp: 1\n', '')}\ndeployment:\n  engine: vllm\n  from: serve.sh\n`;
const BASE_FILES: Record<string, string> = {
  'deploy/hf.plan.yaml': HF_PLAN,
  'deploy/config.json': config(32),
  'deploy/serve.plan.yaml': SERVE_PLAN,
  'deploy/serve.sh': 'vllm serve meta-llama/Llama-3.1-8B --config engine.yaml\n',
  'deploy/engine.yaml': 'tensor-parallel-size: 1\n',
  'deploy/plain.plan.yaml': VALID_PLAN,
};
const HEAD_FILES: Record<string, string> = {
  ...BASE_FILES,
  'deploy/config.json': config(3200),
  'deploy/engine.yaml': 'tensor-parallel-size: 8\npipeline-parallel-size: 4\n',
};

function coreReport(file: string, files: Record<string, string>): PlanReport {
  return verifyPlanText(file, files[file] as string, (planFile, ref) => {
    const path = join(planFile, '..', ref);
    return path in files ? { text: files[path] as string } : { error: 'missing' };
  });
}

async function pullRequest(
  files: ChangedFile[],
  head: Record<string, string>,
  workspace: boolean,
): Promise<{ result: ActionRun; json: { plans: PlanReport[] } }> {
  const state = createState();
  addCommit(state, HEAD, head);
  addCommit(state, BASE, BASE_FILES);
  state.pulls.set(9, { files });
  server = await startStandIn(state);
  const result = await runPullRequest(
    server.url,
    state,
    { number: 9, headSha: HEAD, baseSha: BASE, changedFiles: files.length },
    { ...(workspace ? { files: head, checkedOut: HEAD } : {}), timeoutMs: 120_000 },
  );
  expect(state.rejected).toEqual([]);
  return { result, json: JSON.parse(readFileSync(result.outputs['report-json'] as string, 'utf8')) as { plans: PlanReport[] } };
}

describe('plans whose read files change are verified again', () => {
  for (const workspace of [false, true]) {
    it(`an hf_config and a --config named by an imported script (${workspace ? 'workspace' : 'contents API'})`, async () => {
      const files: ChangedFile[] = [
        { filename: 'deploy/config.json', status: 'modified' },
        { filename: 'deploy/engine.yaml', status: 'modified' },
      ];
      const { result, json } = await pullRequest(files, HEAD_FILES, workspace);
      const verdicts = Object.fromEntries(json.plans.map((p) => [p.file, p.verdict]));
      // the plan that reads neither file is not verified; the two that do fail, as the core says they do
      expect(verdicts).toEqual({
        'deploy/hf.plan.yaml': coreReport('deploy/hf.plan.yaml', HEAD_FILES).verdict,
        'deploy/serve.plan.yaml': coreReport('deploy/serve.plan.yaml', HEAD_FILES).verdict,
      });
      expect(verdicts['deploy/hf.plan.yaml']).toBe('fail');
      expect(verdicts['deploy/serve.plan.yaml']).toBe('fail');
      expect(result.exitCode).toBe(1);
    });
  }

  it('a read file removed by the pull request', async () => {
    const { 'deploy/engine.yaml': _removed, ...head } = BASE_FILES;
    const { result, json } = await pullRequest([{ filename: 'deploy/engine.yaml', status: 'removed' }], head, false);
    // verified again, and told that the --config it names is gone
    expect(json.plans.map((p) => [p.file, p.verdict])).toEqual([['deploy/serve.plan.yaml', coreReport('deploy/serve.plan.yaml', head).verdict]]);
    expect(JSON.stringify(json.plans[0])).toMatch(/engine\.yaml/);
    expect(result.stdout).toMatch(/1 unchanged plan imports a changed file and is verified too/);
  });
});

describe('the search for plans that read a changed file fails closed', () => {
  it("when GitHub cuts the head's tree listing short, the job fails instead of passing a plan it never listed", async () => {
    // Under GitHub's 3,000-file cap, so the pull request's own list is whole; but the head's tree
    // listing (100,000 entries or 7 MB, which long paths reach with a few thousand files) is cut:
    // the unchanged plan that reads the changed engine.yaml may be among the entries left out.
    const junk = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`a-junk/${'x'.repeat(200)}/${i}.txt`, 'x\n']));
    const head = { ...junk, ...HEAD_FILES };
    const state = createState();
    addCommit(state, HEAD, head);
    addCommit(state, BASE, { ...junk, ...BASE_FILES });
    state.truncatedTrees.add(HEAD);
    state.pulls.set(9, { files: [{ filename: 'deploy/engine.yaml', status: 'modified' }] });
    server = await startStandIn(state);
    const result = await runPullRequest(server.url, state, { number: 9, headSha: HEAD, baseSha: BASE, changedFiles: 1 }, { timeoutMs: 120_000 });
    expect(state.rejected).toEqual([]);
    const json = JSON.parse(readFileSync(result.outputs['report-json'] as string, 'utf8')) as { plans: PlanReport[] };
    // the listing kept the junk and cut the plans: serve.plan.yaml, which fails at the head, was never seen
    expect(json.plans.map((p) => p.file)).not.toContain('deploy/serve.plan.yaml');
    expect(coreReport('deploy/serve.plan.yaml', HEAD_FILES).verdict).toBe('fail');
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/::error::parallel-plan-check: .*cut its listing of the repository's tree.*short/);
  });
});

describe('a sparse checkout is not the head commit in full', () => {
  it('files are read through the contents API, so a plan outside the sparse cone that reads a changed file is still verified', async () => {
    // actions/checkout's sparse-checkout input: only k8s/ is in the workspace, the plan is not
    const plan = `${VALID_PLAN.replace('parallelism:\n  tp: 1\n', '')}\ndeployment:\n  engine: vllm\n  from: ../k8s/serve.sh\n`;
    const base = {
      'plans/serve.plan.yaml': plan,
      'k8s/serve.sh': 'vllm serve meta-llama/Llama-3.1-8B --config engine.yaml\n',
      'k8s/engine.yaml': 'tensor-parallel-size: 1\n',
    };
    const head = { ...base, 'k8s/engine.yaml': 'tensor-parallel-size: 8\npipeline-parallel-size: 4\n' };
    const state = createState();
    addCommit(state, HEAD, head);
    addCommit(state, BASE, base);
    state.pulls.set(9, { files: [{ filename: 'k8s/engine.yaml', status: 'modified' }] });
    server = await startStandIn(state);
    const sparse = { 'k8s/serve.sh': head['k8s/serve.sh'], 'k8s/engine.yaml': head['k8s/engine.yaml'], '.git/info/sparse-checkout': '/*\n!/*/\n/k8s/\n' };
    const result = await runPullRequest(
      server.url,
      state,
      { number: 9, headSha: HEAD, baseSha: BASE, changedFiles: 1 },
      { files: sparse, checkedOut: HEAD, timeoutMs: 120_000 },
    );
    expect(state.rejected).toEqual([]);
    const json = JSON.parse(readFileSync(result.outputs['report-json'] as string, 'utf8')) as { plans: PlanReport[] };
    expect(json.plans.map((p) => [p.file, p.verdict])).toEqual([['plans/serve.plan.yaml', 'fail']]);
    expect(result.exitCode).toBe(1);
  });
});
