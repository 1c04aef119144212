// How sure an estimate is (contract 1.1, "How sure: ranges on estimates"): metrics.ranges holds
// [low, high] per metric, shown beside the figure wherever it appears: "43.7 ms (38-51)".
import type { Metrics } from '../core/types.js';
import { formatQuantity } from './format.js';
import { metricUnit } from './summary.js';

/** The range of a metric, when the core gives a well-formed one. */
export function rangeOf(metrics: Metrics | null | undefined, key: string): [number, number] | null {
  const ranges = (metrics as Record<string, unknown> | null | undefined)?.ranges;
  if (ranges === null || typeof ranges !== 'object' || Array.isArray(ranges)) return null;
  const r = (ranges as Record<string, unknown>)[key];
  if (!Array.isArray(r) || r.length !== 2) return null;
  const [lo, hi] = r as unknown[];
  return typeof lo === 'number' && typeof hi === 'number' && Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi ? [lo, hi] : null;
}

/** One end of a range, shorter than the figure itself: two or three significant digits. */
function endText(value: number, unit: string | undefined): string {
  return formatQuantity(value, unit).replace(/(\d{2,})\.\d+/, '$1');
}

/** "38-51" (unit dropped when both ends share the figure's unit), or "40 ms-1.2 s" when they differ. */
export function rangeText(range: [number, number], unit: string | undefined): string {
  const [lo, hi] = [endText(range[0], unit), endText(range[1], unit)];
  // formatted figures are "<number> <unit>": the unit is what follows the first space
  const split = (t: string): [string, string] => {
    const space = t.indexOf(' ');
    return space < 0 ? [t, ''] : [t.slice(0, space), t.slice(space + 1)];
  };
  const [loNumber, loUnit] = split(lo);
  const [hiNumber, hiUnit] = split(hi);
  return loUnit === hiUnit ? `${loNumber}-${hiNumber}` : `${lo}-${hi}`;
}

/** A figure's text with its range: "43.7 ms (38-51)"; as is when there is no range. */
export function withRange(text: string, metrics: Metrics | null | undefined, key: string): string {
  const range = rangeOf(metrics, key);
  return range ? `${text} (${rangeText(range, metricUnit(key))})` : text;
}
