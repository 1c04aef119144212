// The fuzz targets (__tests__/fuzz/targets.ts), one per parser, each input held to a time budget.
// CI runs this slice with a fixed seed; `npm run fuzz` runs it (and the robustness properties)
// PPC_FUZZ_SCALE times longer with a fresh seed, and the growth target up to the size limits.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FUZZ_SCALE, FUZZ_SEED, runs } from './fixtures/hostile/arbitraries.js';
import { FUZZ_TARGETS, growthTarget, type FuzzTarget } from './fuzz/targets.js';

/** CPU milliseconds one input may take (PPC_FUZZ_BUDGET_MS); a plan of a few KiB takes a few. */
const BUDGET_MS = Number(process.env.PPC_FUZZ_BUDGET_MS) > 0 ? Number(process.env.PPC_FUZZ_BUDGET_MS) : 1000;
/** Size the growth target repeats its piece to: 256 KiB in CI, 1 MiB in `npm run fuzz` (PPC_FUZZ_GROWTH_BYTES). */
const GROWTH_BYTES = Number(process.env.PPC_FUZZ_GROWTH_BYTES) > 0 ? Number(process.env.PPC_FUZZ_GROWTH_BYTES) : 256 * 1024;

function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function fuzz<T>(target: FuzzTarget<T>): void {
  test(`${target.name}: ${runs(target.ciRuns)} inputs, each within ${BUDGET_MS} ms`, () => {
    let slowest = 0;
    fc.assert(
      fc.property(target.input, (input) => {
        const ms = cpuMs(() => target.check(input));
        slowest = Math.max(slowest, ms);
        // once more before failing: a garbage collection or a neighbour's burst is not the input's cost
        if (ms > BUDGET_MS)
          expect(
            cpuMs(() => target.check(input)),
            'CPU ms for one input',
          ).toBeLessThanOrEqual(BUDGET_MS);
      }),
      { numRuns: runs(target.ciRuns), seed: FUZZ_SEED },
    );
    console.log(`fuzz ${target.name}: ${runs(target.ciRuns)} inputs, slowest ${slowest.toFixed(1)} ms (seed ${FUZZ_SEED}, scale ${FUZZ_SCALE})`);
  }, 600_000);
}

describe('fuzz targets', () => {
  for (const target of FUZZ_TARGETS) fuzz(target);
  fuzz(growthTarget(GROWTH_BYTES));
});
