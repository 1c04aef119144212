// How sure an estimate is (contract 1.1, "How sure: ranges on estimates"): [low, high] per metric,
// shown beside the figure wherever it appears: "43.7 ms (38–51)". The core keeps them on the plan's
// report (PlanReport.ranges); the JSON puts them in metrics.ranges, as the contract says: both are read.
import { formatQuantity } from './format.js';
import { metricUnit } from './summary.js';

/** A plan's report, or its metrics: whichever carries `ranges`. */
export type RangeSource = object | null | undefined;

function rangesIn(source: RangeSource): Record<string, unknown> | null {
  const own = (source as { ranges?: unknown } | null | undefined)?.ranges;
  const nested = ((source as { metrics?: unknown } | null | undefined)?.metrics as { ranges?: unknown } | null | undefined)?.ranges;
  const ranges = own ?? nested;
  return ranges !== null && typeof ranges === 'object' && !Array.isArray(ranges) ? (ranges as Record<string, unknown>) : null;
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
 * One end of a range, shorter than the figure itself (decimals of a number of two digits or more
 * dropped), rounded outward so the range shown holds the range computed: 25.26-56.87 -> 25-57.
 */
function endText(value: number, unit: string | undefined, end: 'low' | 'high'): string {
  const round = end === 'low' ? Math.floor : Math.ceil;
  return formatQuantity(value, unit).replace(/(\d{2,}\.\d+)/, (n) => String(round(Number(n))));
}

/** "38–51" (unit dropped when both ends share the figure's unit), or "40 ms–1.2 s" when they differ. */
export function rangeText(range: [number, number], unit: string | undefined): string {
  const [lo, hi] = [endText(range[0], unit, 'low'), endText(range[1], unit, 'high')];
  // formatted figures are "<number> <unit>": the unit is what follows the first space
  const split = (t: string): [string, string] => {
    const space = t.indexOf(' ');
    return space < 0 ? [t, ''] : [t.slice(0, space), t.slice(space + 1)];
  };
  const [loNumber, loUnit] = split(lo);
  const [hiNumber, hiUnit] = split(hi);
  return loUnit === hiUnit ? `${loNumber}–${hiNumber}` : `${lo}–${hi}`;
}

/** A figure's text with its range: "43.7 ms (38–51)"; as is when there is no range. */
export function withRange(text: string, source: RangeSource, key: string): string {
  const range = rangeOf(source, key);
  return range ? `${text} (${rangeText(range, metricUnit(key))})` : text;
}
