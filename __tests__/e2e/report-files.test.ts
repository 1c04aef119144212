// Two steps of one job share RUNNER_TEMP (the README's gpu-plans and tpu-plans): each step's
// report-markdown and report-json outputs must still point at its own report after the other ran.
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/index.js';
import { FAILING_PLAN, VALID_PLAN } from '../fixtures/hostile/cases.js';
import { scratchFolder } from '../scratch.js';
import { ensureFreshBundle } from './bundle.js';
import { addCommit, createState, type StandIn, startStandIn } from './stand-in/server.mjs';
import { runPullRequest } from './stand-in/run-action.mjs';

const HEAD = '6'.repeat(40);
const BASE = '5'.repeat(40);

let server: StandIn | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
beforeAll(() => ensureFreshBundle(), 180_000);

describe('report files', () => {
  it('two steps sharing RUNNER_TEMP keep their own report files', async () => {
    const head = { 'gpu/a.plan.yaml': VALID_PLAN, 'tpu/b.plan.yaml': FAILING_PLAN };
    const state = createState();
    addCommit(state, HEAD, head);
    addCommit(state, BASE, {});
    state.pulls.set(9, { files: Object.keys(head).map((filename) => ({ filename, status: 'added' as const })) });
    server = await startStandIn(state);
    const runnerTemp = scratchFolder('ppc-runner-temp-');
    const step = (checkName: string, plans: string) =>
      runPullRequest(
        server!.url,
        state,
        { number: 9, headSha: HEAD, baseSha: BASE, changedFiles: 2 },
        { inputs: { 'check-name': checkName, plans }, env: { RUNNER_TEMP: runnerTemp }, timeoutMs: 120_000 },
      );
    const gpu = await step('gpu-plans', 'gpu/**/*.plan.yaml');
    const tpu = await step('tpu-plans', 'tpu/**/*.plan.yaml');
    expect(state.rejected).toEqual([]);
    for (const key of ['report-json', 'report-markdown'] as const) {
      expect(gpu.outputs[key]!.startsWith(runnerTemp)).toBe(true);
      expect(gpu.outputs[key]).not.toBe(tpu.outputs[key]);
    }
    const files = (run: typeof gpu) => (JSON.parse(readFileSync(run.outputs['report-json']!, 'utf8')) as Report).plans.map((p) => p.file);
    expect(files(gpu)).toEqual(['gpu/a.plan.yaml']);
    expect(files(tpu)).toEqual(['tpu/b.plan.yaml']);
    expect(readFileSync(gpu.outputs['report-markdown']!, 'utf8')).toContain('gpu-plans');
  });
});
