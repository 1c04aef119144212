import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { loadPlan } from '../src/plan/load.js';
import { parseQuantity } from '../src/plan/units.js';
import { noReferences } from './loader-helpers.js';

describe('properties', () => {
  test('loadPlan never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const result = loadPlan('f.plan.yaml', text, noReferences);
        return result.ok || result.errors.length > 0;
      }),
      { numRuns: 500 },
    );
  });

  test('loadPlan never throws on arbitrary YAML values, and never pollutes Object.prototype', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true }), (value) => {
        let text: string;
        try {
          // JSON.parse makes __proto__ an own key (an object literal would set the prototype instead)
          const claims = JSON.parse('{"__proto__": {"polluted": true}}') as object;
          text = stringify({ version: 1, model: value, hardware: value, claims });
        } catch {
          return true; // not representable as YAML: nothing to load
        }
        const result = loadPlan('f.plan.yaml', text, noReferences);
        expect(result.ok || result.errors.length > 0).toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        return true;
      }),
      { numRuns: 300 },
    );
  });

  test('"<x> GiB" is x * 2^30 bytes and "<x> GB" x * 10^9', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 1e6, noNaN: true }), (x) => {
        const gib = parseQuantity('bytes', `${x} GiB`);
        const gb = parseQuantity('bytes', `${x} GB`);
        expect(gib.ok && Math.abs(gib.value - x * 2 ** 30)).toBeLessThanOrEqual(x * 2 ** 30 * 1e-12);
        expect(gb.ok && Math.abs(gb.value - x * 1e9)).toBeLessThanOrEqual(x * 1e9 * 1e-12);
      }),
    );
  });

  test('a whole tp in range loads; every other number is an error naming the range', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -10, max: 70_000 }), fc.double()), (tp) => {
        const text = `version: 1\nparallelism:\n  tp: ${Number.isNaN(tp) ? '.nan' : tp === Infinity ? '.inf' : tp === -Infinity ? '-.inf' : tp}\n`;
        const result = loadPlan('f.plan.yaml', text, noReferences);
        const valid = Number.isInteger(tp) && tp >= 1 && tp <= 65536 && !Object.is(tp, -0);
        if (valid) expect(result.ok && result.loaded.plan.parallelism.tp).toBe(tp);
        else expect(!result.ok && result.errors[0]?.message).toMatch(/^parallelism.tp: must be a whole number from 1 to 65536, got /);
      }),
      { numRuns: 300 },
    );
  });
});
