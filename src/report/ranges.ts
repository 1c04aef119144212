// How sure an estimate is (contract 1.1, "How sure: ranges on estimates"): [low, high] per metric,
// shown beside the figure wherever it appears: "43.7 ms (38–51)". The core keeps them on the plan's
// report (PlanReport.ranges); the JSON puts them in metrics.ranges, as the contract says: both are read.
import type { PlanReport } from '../core/types.js';
import { formatRangeEnds } from './format.js';
import { metricUnit } from './summary.js';

/** A plan's report, or its metrics: whichever carries `ranges`. */
export type RangeSource = object | null | undefined;

function rangesIn(source: RangeSource): Record<string, unknown> | null {
  const own = (source as { ranges?: unknown } | null | undefined)?.ranges;
  const nested = ((source as { metrics?: unknown } | null | undefined)?.metrics as { ranges?: unknown } | null | undefined)?.ranges;
  const ranges = own ?? nested;
  return ranges !== null && typeof ranges === 'object' && !Array.isArray(ranges) ? (ranges as Record<string, unknown>) : null;
}

/** Whether the report shows any range (none where not one request fits). */
export function hasRanges(source: RangeSource): boolean {
  return Object.keys(rangesIn(source) ?? {}).length > 0;
}

/** The range of a metric, when the report gives a well-formed one. */
export function rangeOf(source: RangeSource, key: string): [number, number] | null {
  const ranges = rangesIn(source);
  if (!ranges) return null;
  const r = ranges[key];
  if (!Array.isArray(r) || r.length !== 2) return null;
  const [lo, hi] = r as unknown[];
  return typeof lo === 'number' && typeof hi === 'number' && Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi ? [lo, hi] : null;
}

/**
 * "38–51": the ends in the figure's unit and scale, rounded outward (format.ts, formatRangeEnds), the
 * unit said once by the figure beside it ("621 ms (40–22,700)", never "621 ms (40 ms–23 s)").
 */
export function rangeText(range: [number, number], unit: string | undefined, figure?: number | null): string {
  const ends = formatRangeEnds(range, unit, figure, true);
  return `${ends.low}–${ends.high}`;
}

/** A figure's text with its range: "43.7 ms (38–51)"; as is when there is no range. `figure`: the value the text shows. */
export function withRange(text: string, source: RangeSource, key: string, figure?: number | null): string {
  const range = rangeOf(source, key);
  return range ? `${text} (${rangeText(range, metricUnit(key), figure)})` : text;
}

/**
 * Why the plan's ranges are wider than validated (a GPU family or engine outside the validated runs,
 * a MoE of fewer experts than the validated ones, a defaulted engine), as the core states each in an
 * assumption named `ranges`: "a MoE of 8 experts is outside the validated runs (128 to 512 experts): 1.5x wider".
 */
export function widerReasons(plan: Pick<PlanReport, 'details'>): string[] {
  return (plan.details?.assumptions ?? []).filter((a) => a.name === 'ranges' && typeof a.value === 'string').map((a) => a.value);
}

/**
 * How the TTFT under load was read, where a plan judges a TTFT and the core assumed a steady loop of
 * equal requests in step (its assumption 'workload lengths'): the queue of a wave, which mixed
 * traffic spreads out, so the verdict holds only for such a load (a new user's review: one line of
 * JSON, never in the text or the comment, while a 5% spread of lengths moved TTFT 3 to 6 times).
 */
export function lockstepNote(plan: Pick<PlanReport, 'details' | 'checks'>): string | null {
  if (!plan.checks.some((c) => /^(requirements|claims)\.ttft/.test(c.id))) return null;
  const a = (plan.details?.assumptions ?? []).find((x) => x.name === 'workload lengths');
  return a !== undefined && typeof a.value === 'string' ? `TTFT under load assumes ${a.value}` : null;
}
