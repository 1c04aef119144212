// The bundled action on a pull request whose named files give values past the plan format's ranges (an
// attacker review of the newer inputs): a Llama 4 config.json whose vision_config has hidden_size 1e300,
// and a trtllm-serve disaggregated config of num_instances 1e300. Each plan is an error naming the key and
// the file:line, the valid plan is verified, the comment posts, and no Infinity, NaN or 1e+300 figure
// reaches any output (before: 'InfinityB parameters', 'NaN GiB vLLM may use', '1e+300 = hardware.gpus').
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PlanReport } from '../../src/core/index.js';
import { VALID_PLAN } from '../fixtures/hostile/cases.js';
import { ensureFreshBundle } from './bundle.js';
import { addCommit, createState, type StandIn, startStandIn } from './stand-in/server.mjs';
import { annotationsIn, runPullRequest } from './stand-in/run-action.mjs';

const HEAD = '4'.repeat(40);
const BASE = '3'.repeat(40);

let server: StandIn | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
beforeAll(() => ensureFreshBundle(), 180_000);

const scout = JSON.parse(readFileSync('__tests__/fixtures/hf/llama-4-scout.config.json', 'utf8')) as Record<string, Record<string, unknown>>;
scout.vision_config!.hidden_size = 1e300;

const HEAD_FILES: Record<string, string> = {
  'plans/valid.plan.yaml': VALID_PLAN,
  'plans/scout.config.json': JSON.stringify(scout, null, 2),
  'plans/vision.plan.yaml': [
    'version: 1',
    'model:',
    '  hf_config: scout.config.json',
    'hardware:',
    '  preset: h100-sxm',
    '  gpus: 8',
    'parallelism:',
    '  tp: 8',
    'workload:',
    '  concurrency: 8',
    '  input_tokens: 1024',
    '  output_tokens: 256',
    '',
  ].join('\n'),
  'plans/disagg.yaml': [
    'model: meta-llama/Llama-3.1-8B-Instruct',
    'context_servers:',
    '  num_instances: 1e300',
    '  tensor_parallel_size: 1',
    'generation_servers:',
    '  num_instances: 1',
    '  tensor_parallel_size: 1',
    '',
  ].join('\n'),
  'plans/disagg.plan.yaml': [
    'version: 1',
    'deployment:',
    '  from: disagg.yaml',
    '  engine: trtllm',
    'hardware:',
    '  preset: h200',
    'workload:',
    '  concurrency: 8',
    '  input_tokens: 1024',
    '  output_tokens: 256',
    '',
  ].join('\n'),
};

describe('values past the format ranges in files a plan names', () => {
  it('are errors naming key and file:line; the valid plan is verified and the comment posts, with no Infinity or NaN anywhere', async () => {
    const state = createState();
    addCommit(state, HEAD, HEAD_FILES);
    addCommit(state, BASE, {});
    const files = Object.keys(HEAD_FILES).map((filename) => ({ filename, status: 'added' as const }));
    state.pulls.set(5, { files });
    server = await startStandIn(state);
    const result = await runPullRequest(server.url, state, { number: 5, headSha: HEAD, baseSha: BASE, changedFiles: files.length }, { timeoutMs: 120_000 });
    expect(state.rejected).toEqual([]);
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+/);
    const plans = (JSON.parse(readFileSync(result.outputs['report-json'] as string, 'utf8')) as { plans: PlanReport[] }).plans;
    const byFile = (f: string) => plans.find((p) => p.file === f)!;

    const vision = byFile('plans/vision.plan.yaml');
    expect(vision.verdict).toBe('error');
    expect(vision.errors.some((e) => e.path === 'model.vision.params' && e.line === 3 && /scout\.config\.json:\d+/.test(e.message))).toBe(true);
    const disagg = byFile('plans/disagg.plan.yaml');
    expect(disagg.verdict).toBe('error');
    expect(disagg.errors.some((e) => e.path === 'disaggregation.prefill.workers' && e.line === 3 && e.message.includes('disagg.yaml:3'))).toBe(true);
    expect(byFile('plans/valid.plan.yaml').verdict).not.toBe('error');

    expect(state.comments).toHaveLength(1);
    expect(state.checkRuns.map((r) => r.name.split(' / ')[1]).sort()).toEqual(['plans/disagg.plan.yaml', 'plans/valid.plan.yaml', 'plans/vision.plan.yaml']);
    const errorAnnotations = annotationsIn(result.stdout).filter((a) => a.level === 'error');
    expect(errorAnnotations.some((a) => a.file === 'plans/vision.plan.yaml' && a.line === '3')).toBe(true);
    expect(errorAnnotations.some((a) => a.file === 'plans/disagg.plan.yaml' && a.line === '3')).toBe(true);
    const outputs = [state.comments[0]!.body, result.summary, result.stdout, JSON.stringify(state.checkRuns)].join('\n');
    expect(outputs).not.toMatch(/Infinity|NaN|e\+300/);
    expect(result.outputs.verdict).toBe('error');
    expect(result.exitCode).toBe(1);
  });
});
