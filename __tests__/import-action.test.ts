// Done-when for issue 7 in the action: a pull request that touches only a manifest re-verifies every
// plan importing it, against the plan's base version, and the comment shows the change. The bundled
// action (dist/index.js) runs against the OpenAPI-validating stand-in for GitHub (__tests__/e2e).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyPlanText } from '../src/core/index.js';
import { withChange } from '../src/report/changes.js';
import { formatQuantity } from '../src/report/format.js';
import { ensureFreshBundle } from './e2e/bundle.js';
import { addCommit, createState, startStandIn, type StandIn } from './e2e/stand-in/server.mjs';
import { pullRequestPayload, runAction } from './e2e/stand-in/run-action.mjs';

const HEAD = '3'.repeat(40);
const BASE = '4'.repeat(40);
const PLAN = ['version: 1', 'deployment: {from: ../k8s/decode.yaml, engine: vllm}', 'workload: {input_tokens: 1024, output_tokens: 256}'].join('\n');
const OTHER_PLAN = 'version: 1\nmodel: {preset: llama-3.1-8b}\nhardware: {preset: h100-sxm, gpus: 1}\n';
const manifest = (tp: number) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: decode}',
    'spec:',
    '  replicas: 1',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: vllm',
    `          env: [{name: TP, value: "${tp}"}]`,
    '          command: ["sh", "-c", "vllm serve meta-llama/Llama-3.1-70B-Instruct --tensor-parallel-size $TP --max-num-seqs 64 --max-model-len 8192"]',
    `          resources: {limits: {nvidia.com/gpu: ${tp}}}`,
    '      nodeSelector: {nvidia.com/gpu.product: NVIDIA-H100-80GB-HBM3}',
  ].join('\n');

let server: StandIn | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
beforeAll(() => ensureFreshBundle(), 180_000);

describe('a pull request that changes only an imported manifest', () => {
  it('re-verifies the plan importing it and shows the delta against the base branch', async () => {
    const head = { 'plans/decode.plan.yaml': PLAN, 'plans/other.plan.yaml': OTHER_PLAN, 'k8s/decode.yaml': manifest(4) };
    const base = { 'plans/decode.plan.yaml': PLAN, 'plans/other.plan.yaml': OTHER_PLAN, 'k8s/decode.yaml': manifest(8) };
    const state = createState();
    addCommit(state, HEAD, head);
    addCommit(state, BASE, base);
    state.pulls.set(7, { files: [{ filename: 'k8s/decode.yaml', status: 'modified' }] });
    server = await startStandIn(state);
    const run = await runAction({
      apiUrl: server.url,
      token: state.token,
      owner: state.owner,
      repo: state.repo,
      eventName: 'pull_request',
      payload: pullRequestPayload({ owner: state.owner, repo: state.repo, number: 7, headSha: HEAD, baseSha: BASE, changedFiles: 1 }),
    });
    expect(state.rejected).toEqual([]);
    expect(run.stderr).not.toMatch(/TypeError|ReferenceError/);
    // only the importing plan, not the unrelated one
    expect(state.checkRuns.map((c) => c.name)).toEqual(['parallel-plan-check / plans/decode.plan.yaml']);

    // the expected delta, from the core on the same files (never typed in here)
    const reader = (files: Record<string, string>) => (planFile: string, ref: string) => {
      const path = `${planFile.split('/').slice(0, -1).join('/')}/${ref}`.replace(/[^/]+\/\.\.\//g, '');
      return path in files ? { text: files[path] as string } : { error: `missing ${path}` };
    };
    const now = verifyPlanText('plans/decode.plan.yaml', PLAN, reader(head));
    const before = verifyPlanText('plans/decode.plan.yaml', PLAN, reader(base));
    expect(now.metrics?.world_size).toBe(4);
    expect(before.metrics?.world_size).toBe(8);
    const memory = withChange(
      formatQuantity(now.metrics?.memory_per_gpu_gib, 'GiB'),
      'memory_per_gpu_gib',
      now.metrics?.memory_per_gpu_gib,
      before.metrics?.memory_per_gpu_gib ?? null,
    );
    expect(memory).toMatch(/\(/);
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]?.body).toContain(memory);
    expect(state.comments[0]?.body).toContain(
      'Verified because a file they read changed (an import, an hf\\_config, or a file one of them names): plans/decode.plan.yaml',
    );
  }, 120_000);
});
