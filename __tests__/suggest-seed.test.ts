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
 * parameter sits in the 16 routed experts and top-k is 1. A skewed router may send all 128 tokens
 * to one expert, so a step reads at least 1 of the 16 experts on the busiest rank: with the experts
 * sharded over all N devices (etp = N), each device reads 1/16 of the 20 GB (10B x 2 bytes) over N
 * at 1.8 TB/s; output length unknown, so throughput <= 128 / step.
 */
function handBound(devices: number): number {
  const step = 20e9 / 16 / devices / 1.8e12;
  return 128 / step;
}

describe('suggest on the seed plan', () => {
  const result = suggest(seed, options, verifyLoadedPlan(seed).verdict);

  it('rules nothing out: under the most favourable routing even one device may reach 100 tokens/ms', () => {
    // Issue 11: a bound must hold for any expert routing, so the uniform-routing ceiling (46 tokens/ms
    // on 4 devices) is no bound; the requirement cannot be estimated without the model's shape.
    expect(result.impossible).toEqual([]);
    expect(handBound(1)).toBeGreaterThan(100_000);
    const one = result.top.find((c) => c.variation.gpus === 1)!;
    expect(one.figures.throughput_upper_bound_tokens_per_s).toBeCloseTo(handBound(1), -2);
  });

  it('the plan as written: 2 microbatches of 64 over 2 stages, 1 of the 8 experts per rank read at least', () => {
    expect(result.plan.status).toBe('possible');
    // each stage device holds 5 GB: 8 experts x 0.625 GB; one of them is read per slot, 2 slots per step
    expect(result.plan.figures.throughput_upper_bound_tokens_per_s).toBeCloseTo(128 / ((2 * 5e9) / 8 / 1.8e12), -2);
  });

  it('does not claim success: every layout is only "possible" while the model\'s shape is unknown', () => {
    expect(result.top.every((c) => c.status === 'possible')).toBe(true);
    expect(result.top[0]!.missing).toContain('model.hidden_size');
    expect(result.what_if.some((a) => a.outcome === 'found')).toBe(false);
  });
});
