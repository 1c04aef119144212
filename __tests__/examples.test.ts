// The bundled example plans: the real deployments pass layout and memory, and their figures sit
// where published measurements of the same model and layout put them.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, GIB } from './core-helpers.js';
import { loadPlan } from '../src/plan/load.js';
import { verifyLoadedPlan } from '../src/core/verify.js';
import type { LoadedPlan, PlanReport } from '../src/core/types.js';

const dir = 'examples';
/** An example loaded as the action loads it: the files it imports (deployment.from) read beside it. */
function load(yaml: string, file: string): LoadedPlan {
  const r = loadPlan(file, yaml, (plan, ref) => {
    try {
      return { text: readFileSync(join(dirname(plan), ref), 'utf8') };
    } catch (err) {
      return { error: String(err) };
    }
  });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}: ${e.message}`).join('\n'));
  return r.loaded;
}
const reports = new Map<string, PlanReport>();
for (const f of readdirSync(dir).filter((n) => n.endsWith('.plan.yaml'))) {
  reports.set(f, verifyLoadedPlan(load(readFileSync(`${dir}/${f}`, 'utf8'), `${dir}/${f}`)));
}
const real = [...reports.keys()].filter((f) => f !== 'seed.plan.yaml');

/** The same example with other hardware or workload lines, to meet a published benchmark's conditions. */
function variant(file: string, edit: (yaml: string) => string): PlanReport {
  return verifyLoadedPlan(load(edit(readFileSync(`${dir}/${file}`, 'utf8')), `${dir}/${file}`));
}

describe('real deployments', () => {
  it('there are at least three', () => {
    expect(real.length).toBeGreaterThanOrEqual(3);
  });
  for (const f of real) {
    it(`${f}: no check fails; layout and memory pass; the estimate stays within its bound`, () => {
      const r = reports.get(f)!;
      expect(r.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual([]);
      // a disaggregated plan's layout and memory checks carry their pool's prefix
      const pools = r.checks.some((c) => c.id.startsWith('decode.')) ? ['prefill.', 'decode.'] : [''];
      for (const c of r.checks.filter((x) => /^((prefill|decode)\.)?layout\./.test(x.id) && !x.id.endsWith('layout.stage_balance')))
        expect(c.status, c.id).toBe('pass');
      for (const pool of pools) expect(check(r, `${pool}memory.fits`).status).toBe('pass');
      const m = r.metrics!;
      expect(m.throughput_tokens_per_s!).toBeLessThanOrEqual(m.throughput_upper_bound_tokens_per_s!);
      expect(m.ttft_ms!).toBeGreaterThanOrEqual(m.ttft_lower_bound_ms!);
    });
  }
});

describe('the disaggregated example (DeepSeek-R1 on GB200, imported from its Dynamo manifest)', () => {
  const r = reports.get('deepseek-r1-disagg-gb200.plan.yaml')!;
  it('reads both pools from the manifest and verifies them under their prefixes', () => {
    expect(r.metrics!.world_size).toBe(40);
    expect(r.details!.disaggregation!.prefill).toMatchObject({ workers: 6, gpus_per_worker: 4, layout: 'tp=1 dp=4 ep=4' });
    expect(r.details!.disaggregation!.decode).toMatchObject({ workers: 1, gpus_per_worker: 16, layout: 'tp=1 dp=16 ep=16' });
    expect(check(r, 'decode.memory.kv_capacity').status).toBe('pass');
    expect(r.metrics!.kv_transfer_ms!).toBeGreaterThanOrEqual(r.metrics!.kv_transfer_lower_bound_ms!);
    // met on the estimate (a warning only says the range of a disaggregated estimate is wide)
    expect(check(r, 'requirements.tpot').status).not.toBe('fail');
    expect(r.metrics!.tpot_ms!).toBeLessThan(30);
  });
});

describe('published anchors', () => {
  it('Llama 3.1 8B bf16 on one GPU: weights 14.96 GiB; vLLM logs "Loading model weights took 14.9888 GB" (GiB) — vllm-project/vllm#10517', () => {
    const w = reports.get('llama-3.1-8b-1xh100.plan.yaml')!.metrics!.weights_per_gpu_gib!;
    expect(Math.abs(w / 14.9888 - 1)).toBeLessThan(0.01);
  });

  it('Llama 3.1 70B TP8, at the SGLang cookbook conditions (8x A100 80GB, concurrency 1, 610 in / 422 out): TPOT within 25% of the measured 18.63 ms, and not below the floor', () => {
    // sgl-project/sgl-cookbook docs/autoregressive/Llama/Llama3.1.md, 5.1.1.1 Low Concurrency (SGLang 0.5.6).
    const r = variant('llama-3.1-70b-8xh100-tp8.plan.yaml', (y) =>
      y
        .replace('preset: h100-sxm', 'preset: a100-80gb')
        .replace('concurrency: 64', 'concurrency: 1')
        .replace('input_tokens: 2048', 'input_tokens: 610')
        .replace('output_tokens: 256', 'output_tokens: 422'),
    );
    const m = r.metrics!;
    expect(Math.abs(m.tpot_ms! / 18.63 - 1)).toBeLessThan(0.25);
    expect(m.tpot_lower_bound_ms!).toBeLessThan(18.63);
    expect(m.throughput_upper_bound_tokens_per_s!).toBeGreaterThan(52.88);
  });

  it('DeepSeek V3/R1 FP8 TP8 on 8x H200 at concurrency 8, 1k/1k: TPOT within 25% of the measured 12.8 ms — SemiAnalysis InferenceX #870 (SGLang 0.5.7)', () => {
    const r = variant('deepseek-v3-fp8-8xh200.plan.yaml', (y) =>
      y.replace('concurrency: 32', 'concurrency: 8').replace('input_tokens: 4096', 'input_tokens: 1024').replace('output_tokens: 1024', 'output_tokens: 1024'),
    );
    const m = r.metrics!;
    expect(Math.abs(m.tpot_ms! / 12.8 - 1)).toBeLessThan(0.25);
    expect(m.tpot_lower_bound_ms!).toBeLessThan(12.8);
  });

  it('Mixtral 8x7B TP2: 46.7B bf16 parameters (Mistral AI: "46.7B total") split in two — 43.5 GiB per device by hand', () => {
    const w = reports.get('mixtral-8x7b-2xa100-tp2.plan.yaml')!.metrics!.weights_per_gpu_gib!;
    // Per layer: attention 2*4096*4096 + 2*4096*1024, 8 experts of 3*4096*14336, router 4096*8; embeddings 2*32000*4096.
    const params = 32 * (2 * 4096 * 4096 + 2 * 4096 * 1024 + 8 * 3 * 4096 * 14336 + 4096 * 8) + 2 * 32000 * 4096;
    expect(params / 1e9).toBeCloseTo(46.7, 1);
    expect(Math.abs(w - (params * 2) / 2 / GIB)).toBeLessThan(0.01);
  });

  it('DeepSeek-V3 FP8 TP8 on H200: the MLA cache, whole on every rank, is what limits the concurrency', () => {
    const r = reports.get('deepseek-v3-fp8-8xh200.plan.yaml')!;
    const m = r.metrics!;
    // One token of MLA cache on every rank: 576 values x 2 bytes x 61 layers. 32 sequences at the
    // longest context (16,384 + 4,096 tokens) would need 42.9 GiB per device: more than the pool holds.
    const perToken = 576 * 2 * 61;
    expect((32 * 20480 * perToken) / GIB).toBeGreaterThan((m.kv_cache_capacity_tokens! * perToken) / GIB);
    expect(m.max_concurrency_at_max_context).toBe(Math.floor(m.kv_cache_capacity_tokens! / 20480));
    expect(m.max_concurrency_at_max_context).toBeLessThan(32);
    // The device holds the pool, not the demand; and one request of the longest length fits.
    expect(m.kv_cache_per_gpu_gib).toBeCloseTo(r.details!.devices[0]!.kv_pool_gib!, 2);
    expect(r.checks.find((c) => c.id === 'memory.fits')!.status).toBe('pass');
  });
});
