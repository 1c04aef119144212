// Ranking candidates that miss a requirement on their estimates: by how far they miss, not by how wide
// their range is (a mix whose TTFT p99 missed 3 s by 196% was ranked, and called the winner, ahead of a
// layout missing it by 47.6%, because only the mix's range still reached the requirement).
import { describe, expect, it } from 'vitest';
import { compareCandidates, rankTier, worstMargin } from '../src/suggest/rank.js';
import { suggest } from '../src/suggest/index.js';
import { load } from './core-helpers.js';
import type { Candidate, RequirementMargin } from '../src/suggest/types.js';

const requirement = (id: string, margin: number, basis: 'estimate' | 'bound' = 'estimate'): RequirementMargin => ({
  id,
  status: margin >= 0 ? 'pass' : 'warn',
  required: 3000,
  achieved: 3000 * (1 - margin),
  unit: 'ms',
  margin,
  basis,
});

const candidate = (tp: number, status: Candidate['status'], requirements: RequirementMargin[], failing: string[] = [], score = 100): Candidate => ({
  variation: { gpus: tp, layout: { tp, pp: 1, dp: 1, cp: 1, ep: 1 } },
  status,
  figures: {} as Candidate['figures'],
  requirements,
  failing,
  warnings: [],
  unverified: [],
  missing: [],
  score,
  scoreBasis: 'estimate',
  scoreRange: null,
});

describe('rank tiers', () => {
  const fits = requirement('memory.fits', 0.4);
  // its estimate misses by 196%, its wide range still reaches the requirement: "not ruled out"
  const wideMiss = candidate(8, 'possible', [fits, requirement('requirements.ttft_p99', -1.96)], [], 200);
  // misses by 47.6% at both ends of its range: "fails", on that requirement alone
  const nearMiss = candidate(4, 'fail', [fits, requirement('requirements.ttft_p99', -0.476)], ['requirements.ttft_p99'], 100);
  // unverified, every requirement met on its estimate
  const open = candidate(2, 'possible', [fits, requirement('requirements.ttft_p99', 0.2)], [], 50);
  // does not fit: fails on memory
  const noRoom = candidate(1, 'fail', [requirement('memory.fits', -0.1), requirement('requirements.ttft_p99', 0.5)], ['memory.fits'], 500);
  const passing = candidate(16, 'pass', [fits, requirement('requirements.ttft_p99', 0.1)], [], 10);

  it('puts the misses on the estimate in one tier, failing or not ruled out', () => {
    expect([passing, open, wideMiss, nearMiss, noRoom].map(rankTier)).toEqual([0, 1, 2, 2, 3]);
  });

  it('ranks the smaller shortfall first within that tier, whatever the status and the objective say', () => {
    const order = [noRoom, wideMiss, open, nearMiss, passing].sort(compareCandidates('throughput-per-gpu'));
    expect(order.map((c) => c.variation.gpus)).toEqual([16, 2, 4, 8, 1]);
  });

  it('keeps a failure on a bound out of that tier: only misses on the estimate share it', () => {
    const beyondBound = candidate(4, 'fail', [fits, requirement('requirements.ttft_p99', -0.2, 'bound')], ['requirements.ttft_p99']);
    expect(rankTier(beyondBound)).toBe(3);
  });

  it('a requirement below its physical floor is no miss on the estimate, though its margin is read on the estimate', () => {
    // Llama 3.1 8B on one H100: TTFT 1 ms is below the idle prompt's floor; the margin is the estimate's
    const r = suggest(
      load(`version: 1
name: ttft-below-floor
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1}
deployment: {engine: vllm}
workload: {concurrency: 4, input_tokens: 1024, output_tokens: 256}
requirements: {ttft: 1 ms}
`),
      { objective: 'throughput-per-gpu', top: 5, allowCrossNodeTp: false, allowCp: false, anyGpuCount: false },
      'fail',
    );
    const ttft = r.plan.requirements.find((x) => x.id === 'requirements.ttft')!;
    expect(ttft).toMatchObject({ status: 'fail', basis: 'estimate', beyondBound: true });
    expect(rankTier(r.plan)).toBe(3);
  });
});

describe('aggregated against disaggregated when both miss on their estimates', () => {
  // Llama 3.1 70B on 8 H100 with p99 targets no layout meets: the best mix's TTFT p99 misses 3 s by about
  // 200% (its range still reaches 3 s), the best aggregated layout's by under 50%.
  const PLAN = `version: 1
name: llama70b-p99-targets
model: {preset: llama-3.1-70b}
hardware: {preset: h100-sxm, gpus: 8}
deployment: {engine: vllm}
parallelism: {tp: 4, pp: 2}
workload: {concurrency: 64, input_tokens: 2048, output_tokens: 256, max_input_tokens: 8192, max_output_tokens: 1024, benchmark: {requests: 640, input_range_ratio: 0.8}}
requirements: {ttft_p99: 3 s, tpot_p90: 35 ms, throughput: 1200 tokens/s}
`;
  const OPTIONS = { objective: 'throughput-per-gpu' as const, top: 5, allowCrossNodeTp: false, allowCp: false, anyGpuCount: false };
  const r = suggest(load(PLAN), OPTIONS, 'fail');

  it('names the one that misses by less as closer, not the one whose range alone reaches the target', () => {
    const d = r.disaggregated!;
    expect(d.winner).toBe('aggregated');
    expect(d.detail).toMatch(
      /^neither meets every requirement on its estimates; the aggregated layout misses by less \(worst margin TTFT p99 −\d+(\.\d+)?%, against TTFT p99 −\d+(\.\d+)?%\)$/,
    );
    expect(worstMargin(d.best_aggregated!)).toBeGreaterThan(worstMargin(d.top[0]!));
  });
});

// compare (disagg-search.ts): when the tiers decide, the detail says what the winner has that the other
// lacks; two layouts not ruled out, or two that fail, are not "only one not ruled out".
describe('aggregated against disaggregated, decided by tier', () => {
  const fits = requirement('memory.fits', 0.4);
  const meets = candidate(8, 'possible', [fits, requirement('requirements.ttft_p99', 0.2)], [], 50);
  const wideMiss = candidate(8, 'possible', [fits, requirement('requirements.ttft_p99', -0.5)], [], 200);
  const nearMiss = candidate(8, 'fail', [fits, requirement('requirements.ttft_p99', -0.3)], ['requirements.ttft_p99'], 50);
  const noRoom = candidate(8, 'fail', [requirement('memory.fits', -0.1)], ['memory.fits'], 200);

  it('two layouts not ruled out: the one meeting every requirement on its estimates', async () => {
    const { compare } = await import('../src/suggest/disagg-search.js');
    const c = compare(wideMiss, meets, 'throughput-per-gpu');
    expect(c.winner).toBe('aggregated');
    expect(c.detail).not.toMatch(/only the aggregated layout is not ruled out/);
    expect(c.detail).toMatch(/only the aggregated layout meets every requirement on its estimates/);
  });

  it('two failing layouts: the one that misses only on its estimates, not called "not ruled out"', async () => {
    const { compare } = await import('../src/suggest/disagg-search.js');
    const c = compare(nearMiss, noRoom, 'throughput-per-gpu');
    expect(c.winner).toBe('disaggregated');
    expect(c.detail).not.toMatch(/not ruled out|passes/);
    expect(c.detail).toMatch(/only the disaggregated layout misses requirements on its estimates alone/);
  });
});
