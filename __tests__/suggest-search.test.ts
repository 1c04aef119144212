// The galloping scan over device counts: the first item that passes, in O(log n) probes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gallopFirst, unreliableOrder } from '../src/suggest/search.js';
import type { PlanReport } from '../src/core/types.js';
import { candidateFromReport } from '../src/suggest/evaluate.js';
import type { Candidate } from '../src/suggest/types.js';

describe('gallopFirst', () => {
  it('finds the first item of a monotone predicate, whatever the threshold, in O(log n) probes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 0, max: 2100 }), (n, threshold) => {
        const items = Array.from({ length: n }, (_, i) => i);
        let probes = 0;
        const r = gallopFirst(items, (x) => {
          probes++;
          return x >= threshold ? x : null;
        });
        if (threshold >= n) expect(r).toBeNull();
        else expect(r!.item).toBe(threshold);
        // 2 log2(n) + a few: galloping up, then bisecting one gap, then the last item
        expect(probes).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(n + 1)) + 4);
      }),
      { numRuns: 500 },
    );
  });

  it('handles the edges: empty list, first item, only the last item', () => {
    expect(gallopFirst([], () => 1)).toBeNull();
    expect(gallopFirst([5, 6, 7], (x) => x)).toEqual({ item: 5, result: 5 });
    expect(gallopFirst([1, 2, 3, 4, 5, 6], (x) => (x === 6 ? 'yes' : null))).toEqual({ item: 6, result: 'yes' });
  });
});

describe('unreliableOrder (issue 13: ranges that cannot tell two alternatives apart)', () => {
  const candidate = (tp: number, score: number, range: [number, number] | null): Candidate => ({
    variation: { gpus: 8, layout: { tp, pp: 1, dp: 8 / tp, ep: 1, cp: 1 } as Candidate['variation']['layout'] },
    status: 'pass',
    figures: {} as Candidate['figures'],
    requirements: [],
    failing: [],
    warnings: [],
    unverified: [],
    missing: [],
    score,
    scoreBasis: 'estimate',
    scoreRange: range,
  });

  it("flags neighbours whose estimates each lie inside the other one's range", () => {
    // 1,000 (800-1,250) and 950 (760-1,190): each estimate inside the other's range
    const notes = unreliableOrder([candidate(8, 1000, [800, 1250]), candidate(4, 950, [760, 1190])], 'throughput-per-gpu');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('#1');
    expect(notes[0]).toContain('#2');
    expect(notes[0]).toContain('not reliable');
  });

  it('keeps an order the ranges support, and says nothing without ranges', () => {
    // 1,000 (900-1,100) against 700 (600-820): 700 is outside the first range
    expect(unreliableOrder([candidate(8, 1000, [900, 1100]), candidate(4, 700, [600, 820])], 'throughput-per-gpu')).toEqual([]);
    expect(unreliableOrder([candidate(8, 1000, null), candidate(4, 999, null)], 'throughput-per-gpu')).toEqual([]);
  });
});

describe('a requirement the estimate misses is not met, whatever the range says', () => {
  const report = (ttftStatus: 'pass' | 'warn', ttftEstimate: number): PlanReport => ({
    file: 'p.plan.yaml',
    name: 'p',
    verdict: ttftStatus,
    checks: [
      { id: 'memory.fits', status: 'pass', title: 'Memory', value: 60, limit: 70, unit: 'GiB', detail: '' },
      { id: 'requirements.ttft', status: ttftStatus, title: 'TTFT', value: 500, limit: ttftEstimate, unit: 'ms', detail: '', basis: 'estimate' },
    ],
    metrics: { ttft_ms: ttftEstimate } as PlanReport['metrics'],
    errors: [],
  });
  const variation = { gpus: 8, layout: { tp: 8, pp: 1, dp: 1, ep: 1, cp: 1 } as Candidate['variation']['layout'] };

  it('at risk (estimate 450 ms meets 500 ms, the range does not): still passing', () => {
    expect(candidateFromReport(variation, report('warn', 450), 'ttft').status).toBe('pass');
  });

  it('missed by the estimate (550 ms against 500 ms) but not at the good end: possible, not passing', () => {
    const c = candidateFromReport(variation, report('warn', 550), 'ttft');
    expect(c.status).toBe('possible');
    expect(c.requirements.find((r) => r.id === 'requirements.ttft')?.margin).toBeCloseTo(-0.1, 9);
  });
});
