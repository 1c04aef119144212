// The acceptance case: the seed plan (10B MoE, 16 experts, fp16, 4 x 64 GB at 1.8 TB/s,
// 100 tokens/ms required). Its hidden size, heads and top-k are unknown, so only bounds exist;
// `suggest` must say from the bound that no layout of 4 devices reaches 100 tokens/ms, and the
// smallest device count whose bound does.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyLoadedPlan } from '../src/core/verify.js';
import { suggest, type SuggestOptions } from '../src/suggest/index.js';
import { load } from './core-helpers.js';

const seed = load(readFileSync('examples/seed.plan.yaml', 'utf8'), 'examples/seed.plan.yaml');
const options: SuggestOptions = { objective: 'throughput-per-gpu', top: 5, allowCrossNodeTp: false, allowCp: false, anyGpuCount: false };

/**
 * Decode-only ceiling by hand (docs/formulas.md, "bounds from partial facts"): every unknown
 * parameter sits in the 16 routed experts, top-k is 1, so the 128 sequences touch
 * 1 - (15/16)^128 of the 20 GB (10B x 2 bytes) each step. With the experts sharded over all N
 * devices (tp=1, dp=N, etp=N), each device reads 1/N of that at 1.8 TB/s; output length unknown,
 * so throughput <= 128 / step.
 */
function handBound(devices: number): number {
  const touched = 1 - (15 / 16) ** 128;
  const step = (20e9 * touched) / devices / 1.8e12;
  return 128 / step;
}

describe('suggest on the seed plan', () => {
  const result = suggest(seed, options, verifyLoadedPlan(seed).verdict);

  it('says no layout of 4 devices can reach 100 tokens/ms, by the physical bound', () => {
    const imp = result.impossible.find((i) => i.id === 'requirements.throughput');
    expect(imp).toBeDefined();
    expect(imp!.required).toBe(100_000);
    expect(handBound(4)).toBeCloseTo(46_092, -1);
    expect(imp!.best_bound).toBeCloseTo(handBound(4), -2);
    expect(imp!.best_bound).toBeLessThan(100_000);
    expect(imp!.reason).toMatch(/HBM bandwidth/);
    expect(imp!.reason).toMatch(/5\.00 GB/); // 20 GB x 0.99974 / 4 devices
    // nothing passes or stays open: the list holds the closest layouts, the best-bound one first
    expect(result.top.every((c) => c.status === 'fail')).toBe(true);
    expect(result.top[0]!.figures.throughput_upper_bound_tokens_per_s).toBeCloseTo(handBound(4), -2);
  });

  it('the plan as written stays at the contract\'s ~23 tokens/ms ceiling (2 microbatches of 64 over 2 stages)', () => {
    expect(result.plan.status).toBe('fail');
    expect(result.plan.figures.throughput_upper_bound_tokens_per_s! / 1000).toBeGreaterThan(23);
    expect(result.plan.figures.throughput_upper_bound_tokens_per_s! / 1000).toBeLessThan(24);
  });

  it('names the smallest device count whose bound reaches it: 16 in whole nodes of 8 (8 gives 92 tokens/ms)', () => {
    const imp = result.impossible.find((i) => i.id === 'requirements.throughput')!;
    expect(handBound(8)).toBeLessThan(100_000);
    expect(handBound(16)).toBeGreaterThan(100_000);
    expect(imp.smallest_gpus).toBe(16);
    expect(imp.smallest_bound).toBeCloseTo(handBound(16), -2);
  });

  it('with every device count allowed, the smallest is 9', () => {
    const any = suggest(seed, { ...options, anyGpuCount: true }, 'fail');
    const imp = any.impossible.find((i) => i.id === 'requirements.throughput')!;
    expect(handBound(9)).toBeGreaterThan(100_000);
    expect(imp.smallest_gpus).toBe(9);
  });

  it('does not claim success: more devices are only "possible" while the model\'s shape is unknown', () => {
    const gpus = result.what_if.find((a) => a.axis === 'gpus')!;
    expect(gpus.outcome).toBe('possible');
    expect(gpus.candidate!.variation.gpus).toBe(16);
    expect(gpus.candidate!.missing).toContain('model.hidden_size');
    expect(result.what_if.some((a) => a.outcome === 'found')).toBe(false);
  });
});
