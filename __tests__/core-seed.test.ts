// The seed report's plan (examples/seed.plan.yaml): what issue 2's "done when" asks, with the
// bound worked out by hand.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, load } from './core-helpers.js';
import { verifyLoadedPlan } from '../src/core/verify.js';

const report = verifyLoadedPlan(load(readFileSync('examples/seed.plan.yaml', 'utf8'), 'examples/seed.plan.yaml'));

describe('seed plan', () => {
  it('fails', () => {
    expect(report.verdict).toBe('fail');
  });

  it('TP2 x EP2 x PP2 on 4 devices is a valid layout, not "8 parts on 4 GPUs"', () => {
    expect(check(report, 'layout.world_size').status).toBe('pass');
    expect(check(report, 'layout.moe_regroup').status).toBe('pass');
  });

  it('the decode ceiling by hand: 128 sequences over 2 microbatches; any routing reads at least top-k of the 16 experts', () => {
    // 10B fp16 parameters = 20 GB over tp 2 x pp 2 (experts over ep 2 x pp 2): 5 GB per device,
    // 8 of the 16 experts each. Unknown hidden size: all parameters may be expert weights (cheapest
    // to read). Unknown top-k: 1 (cheapest). A skewed router may send all 64 tokens of a microbatch
    // to one expert, so some expert rank reads at least ceil(1/2) = 1 of its 8 experts, 1/8 of its
    // 5 GB: the bound must hold for that routing too (uniform routing would touch 1-(15/16)^64 = 98%
    // of them, the estimate's expected case).
    const stageSeconds = 5e9 / 8 / 1.8e12;
    const step = 2 * stageSeconds; // max(microbatches, stages) = 2 slots per step
    const ceiling = 128 / step;
    expect(report.metrics!.throughput_upper_bound_tokens_per_s).toBeCloseTo(ceiling, -1);
    expect(ceiling).toBeLessThan(850_000 / 2); // under half the 850 tokens/ms claimed
  });

  it('the throughput claim fails as physically impossible, with the bound as the limit; the requirement is not ruled out', () => {
    const bound = report.metrics!.throughput_upper_bound_tokens_per_s!;
    const c = check(report, 'claims.throughput');
    expect(c.status).toBe('fail');
    expect(c.limit).toBeCloseTo(bound, 0);
    expect(c.unit).toBe('tokens/s');
    expect(c.detail).toContain('physically impossible');
    expect(c.line).toBeGreaterThan(0);
    expect(c.value).toBe(850_000);
    // 100 tokens/ms is under the ceiling of the most favourable routing: without the model's shape
    // and the prompt and output lengths it cannot be estimated, so it is unverified, never passed.
    const req = check(report, 'requirements.throughput');
    expect(req.status).toBe('unverified');
    expect(req.missing).toEqual(expect.arrayContaining(['model.hidden_size', 'workload.input_tokens']));
  });

  it('the KV-cache claim is unverified and names the missing keys', () => {
    const c = check(report, 'claims.kv_cache_per_gpu');
    expect(c.status).toBe('unverified');
    expect(c.missing).toEqual(expect.arrayContaining(['model.hidden_size', 'model.heads', 'model.kv_heads']));
  });

  it('12% compute utilization contradicts 850 tokens/ms: 2 FLOPs x 0.625B active parameters x 850k tokens/s over 4 x 400 TFLOPS', () => {
    const c = check(report, 'claims.compute_utilization');
    expect(c.status).toBe('fail');
    expect(c.limit).toBeCloseTo((2 * (10e9 / 16) * 850_000) / (4 * 400e12), 3);
    expect(c.detail).toContain('contradicts claims.throughput');
  });

  it('weights per GPU: the claimed 5 GB is exactly the floor (20 GB over 4 devices), so it is not impossible', () => {
    expect(report.metrics!.weights_per_gpu_lower_bound_gib).toBeCloseTo(5e9 / 1024 ** 3, 2);
    expect(check(report, 'claims.weights_per_gpu').status).toBe('unverified');
  });

  it('metrics it cannot compute are null, never 0', () => {
    expect(report.metrics!.memory_per_gpu_gib).toBeNull();
    expect(report.metrics!.ttft_ms).toBeNull();
    expect(report.metrics!.kv_cache_capacity_tokens).toBeNull();
  });
});
