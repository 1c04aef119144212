// A plan that writes an accelerator's printed capacity ("memory: 80GB" with the h100-sxm preset)
// overrides the capacity the device reports with a figure it does not have: 80 GB is 74.5 GiB,
// less than the 79.6 GiB an H100 reports, and 80 GiB is more. Say so, with both figures.
import type { PlanError } from '../core/types.js';

const GB = 1e9;
const GIB = 2 ** 30;
/** a written figure this close to a printed one is that printed figure */
const SAME = 0.005;
/** ... and it matters when it is this far from what the device reports */
const DIFFERENT = 0.01;

const gib = (bytes: number): string => `${(bytes / GIB).toFixed(1)} GiB`;

/**
 * The warning for `hardware.memory` when it equals the preset's printed capacity in GB or GiB and
 * differs from what the device reports; null otherwise.
 */
export function printedMemoryWarning(
  written: number,
  presetId: string,
  presetName: string,
  reported: number,
  printedGb: readonly number[],
  line: number | undefined,
): PlanError | null {
  if (Math.abs(written - reported) <= reported * DIFFERENT) return null;
  for (const gb of printedGb) {
    for (const [unit, bytes] of [
      ['GB', gb * GB],
      ['GiB', gb * GIB],
    ] as const) {
      if (Math.abs(written - bytes) > bytes * SAME) continue;
      const effect = written < reported ? `less than the ${gib(reported)} the device reports` : `more than the ${gib(reported)} the device reports`;
      const message = `${gb} ${unit} is the ${presetName}'s printed capacity: written here it means ${gib(written)}, ${effect} (the capacity preset ${presetId} uses). Leave hardware.memory out to use the preset's figure, or give what your runtime reports.`;
      return { message, path: 'hardware.memory', ...(line !== undefined ? { line } : {}) };
    }
  }
  return null;
}
