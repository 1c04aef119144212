// An unverified memory.fits compares its floor with the most the engine could use under the plan: the
// stated workload.memory_fraction, or, where none is stated, the highest flag the estimate itself
// raises to (TIGHT_MEMORY_FRACTIONS, 0.99), since a deployment this tight may set it. A floor fails only
// past that. The words say which fraction the limit is at and, where the plan states none, what the
// engine's default gives (vLLM 0.9 x 79.19 GiB = 71.27 GiB on an H100), so "78.40 GiB" is not read as
// what vLLM uses.
import { describe, expect, it } from 'vitest';
import { check, verify } from './core-helpers.js';

const plan = (params: string, workload: string) => `version: 1
model: {params: ${params}}
hardware: {preset: h100-sxm, gpus: 1}
deployment: {engine: vllm}
workload:
  concurrency: 1${workload}
`;

describe("an unverified memory.fits names the fraction its floor's limit is at", () => {
  it("stated: the limit is at the plan's fraction, and the words say so", () => {
    const fits = check(verify(plan('30B', '\n  memory_fraction: 0.9')), 'memory.fits');
    expect(fits.status).toBe('unverified');
    expect(fits.limit).toBeCloseTo(71.271, 2);
    expect(fits.detail).toMatch(/; the lower bound 55\.88 GiB fits in the 71\.27 GiB vLLM could give weights and KV cache at workload\.memory_fraction 0\.9$/);
  });
  it("unstated: the limit is at 0.99, the most the plan's deployment may set, and vLLM's default figure is named beside it", () => {
    const fits = check(verify(plan('30B', '')), 'memory.fits');
    expect(fits.status).toBe('unverified');
    expect(fits.limit).toBeCloseTo(78.398, 2);
    expect(fits.detail).toMatch(
      /; the lower bound 55\.88 GiB fits in the 78\.40 GiB vLLM could give weights and KV cache at gpu_memory_utilization 0\.99, the most a deployment sets where the plan states no workload\.memory_fraction \(71\.27 GiB at vLLM's default 0\.9\)$/,
    );
  });
  it('unstated, a floor past the default but within 0.99 is not failed: the words say the flag must be raised', () => {
    // 40B in bf16: 74.51 GiB of weights, under 78.40 but over 71.27
    const fits = check(verify(plan('40B', '')), 'memory.fits');
    expect(fits.status).toBe('unverified');
    expect(fits.detail).toMatch(/\(more than the 71\.27 GiB at vLLM's default 0\.9: it starts only with the flag raised; state workload\.memory_fraction\)$/);
  });
  it('a floor past even 0.99 fails, naming the fraction: weights alone past the device too (200B in bf16 on one H100 read "the lower bound 372.53 GiB fits")', () => {
    for (const params of ['45B', '200B']) {
      const fits = check(verify(plan(params, '')), 'memory.fits');
      expect(fits.status).toBe('fail');
      expect(fits.limit).toBeCloseTo(78.398, 2);
    }
    for (const engine of ['sglang', 'trtllm']) {
      const fits = check(verify(plan('200B', '').replace('engine: vllm', `engine: ${engine}`)), 'memory.fits');
      expect(fits.status).toBe('fail');
      expect(fits.limit!).toBeLessThanOrEqual(79.19);
    }
    const fits = check(verify(plan('45B', '')), 'memory.fits');
    expect(fits.detail).toMatch(/exceeds the 78\.40 GiB vLLM could give weights and KV cache at most \(at gpu_memory_utilization 0\.99\)$/);
  });
});
