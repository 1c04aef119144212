// The galloping scan over device counts: the first item that passes, in O(log n) probes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gallopFirst } from '../src/suggest/search.js';

describe('gallopFirst', () => {
  it('finds the first item of a monotone predicate, whatever the threshold, in O(log n) probes', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 0, max: 2100 }), (n, threshold) => {
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
    }), { numRuns: 500 });
  });

  it('handles the edges: empty list, first item, only the last item', () => {
    expect(gallopFirst([], () => 1)).toBeNull();
    expect(gallopFirst([5, 6, 7], (x) => x)).toEqual({ item: 5, result: 5 });
    expect(gallopFirst([1, 2, 3, 4, 5, 6], (x) => (x === 6 ? 'yes' : null))).toEqual({ item: 6, result: 'yes' });
  });
});
