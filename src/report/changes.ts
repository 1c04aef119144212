// What changed between the base branch and this one, in words a reviewer reads at a glance:
// which way each figure moved, whether that is better or worse, and whether it moved enough
// (at least `minChange` percent) to be worth saying at all.
import type { Metrics, PlanReport } from '../core/types.js';
import { metricLabel, metricUnit, poolSuffix } from './summary.js';
import { formatQuantity, MINUS } from './format.js';

export type Direction = 'higher-is-better' | 'lower-is-better' | 'neutral';

/** Changes below this many percent are not reported (the action's `min-change` input). */
export const DEFAULT_MIN_CHANGE_PERCENT = 1;

/** Which way is better for a metric, by its contract name. */
export function metricDirection(key: string): Direction {
  if (/throughput|kv_cache_capacity|tokens_per_joule|request_rate|max_running_sequences|max_concurrency|usable|capacity_gib/.test(key))
    return 'higher-is-better';
  if (/_ms$|_gib$|cost_per_million|utilization$|bubble/.test(key)) return 'lower-is-better';
  return 'neutral';
}

/** The figures a reviewer weighs first: what the plan serves, how fast, in how much memory, at what price. */
const PRIMARY_METRICS: readonly string[] = ['throughput_tokens_per_s', 'tpot_ms', 'ttft_ms', 'memory_per_gpu_gib', 'cost_per_million_tokens'];

/** The figures whose change a headline and the summary talk about: the primary ones, then the rest. */
export const KEY_METRICS: readonly string[] = [
  ...PRIMARY_METRICS,
  'tokens_per_joule',
  'max_request_rate',
  'ttft_p99_ms',
  'tpot_p99_ms',
  'e2e_p99_ms',
  'kv_cache_capacity_tokens',
];

export interface Change {
  key: string;
  current: number;
  base: number;
  /** relative change (current - base) / |base|; null when the base is 0 */
  relative: number | null;
  /** true better, false worse, null neutral */
  better: boolean | null;
}

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** The change of one figure when it moved by at least `minChange` percent, else null. */
export function significantChange(
  key: string,
  current: number | null | undefined,
  base: number | null | undefined,
  minChange = DEFAULT_MIN_CHANGE_PERCENT,
  direction: Direction = metricDirection(key),
): Change | null {
  if (!finite(current) || !finite(base) || current === base) return null;
  const relative = base === 0 ? null : (current - base) / Math.abs(base);
  if (relative !== null && Math.abs(relative) * 100 < minChange) return null;
  const better = direction === 'neutral' ? null : current > base === (direction === 'higher-is-better');
  return { key, current, base, relative, better };
}

/** "43%" or "4.2%" (at least two significant digits for small changes). */
export function percentText(relative: number): string {
  const pct = Math.abs(relative * 100);
  return `${pct >= 10 ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

export const BETTER = '🟢';
export const WORSE = '🔴';

/** "🔴 43% worse", "🟢 12% better", "+2" for a neutral figure; '' when nothing worth saying changed. */
export function changeWords(change: Change | null, unit?: string): string {
  if (!change) return '';
  if (change.better === null) {
    const delta = change.current - change.base;
    return `${delta > 0 ? '+' : MINUS}${formatQuantity(Math.abs(delta), unit)}`;
  }
  const symbol = change.better ? BETTER : WORSE;
  const word = change.better ? 'better' : 'worse';
  return change.relative === null ? `${symbol} ${word}, was ${formatQuantity(change.base, unit)}` : `${symbol} ${percentText(change.relative)} ${word}`;
}

/** A figure with its change, when it changed enough: "30.9 ms (🔴 43% worse)". */
export function withChange(text: string, key: string, current: number | null | undefined, base: number | null | undefined, minChange?: number): string {
  if (base === undefined) return text;
  if (finite(current) && !finite(base)) return `${text} (was not computable)`;
  if (!finite(current) && finite(base)) return `${text} (was ${formatQuantity(base, metricUnit(key))})`;
  const words = changeWords(significantChange(key, current, base, minChange), metricUnit(key));
  return words ? `${text} (${words})` : text;
}

/** The key figures of a plan that moved by at least `minChange` percent: primary figures first, each group largest move first. */
export function keyChanges(plan: PlanReport, base: PlanReport, minChange = DEFAULT_MIN_CHANGE_PERCENT): Change[] {
  const out: Change[] = [];
  for (const key of KEY_METRICS) {
    const c = significantChange(key, plan.metrics?.[key], base.metrics?.[key], minChange);
    if (c) out.push(c);
  }
  const tier = (c: Change) => (PRIMARY_METRICS.includes(c.key) ? 0 : 1);
  return out.sort((a, b) => tier(a) - tier(b) || Math.abs(b.relative ?? Infinity) - Math.abs(a.relative ?? Infinity));
}

/** Figures that became computable or stopped being so. */
function computabilityChanged(plan: PlanReport, base: PlanReport): boolean {
  return KEY_METRICS.some((key) => finite(plan.metrics?.[key]) !== finite(base.metrics?.[key]));
}

/** Check statuses that differ from the base (a check new on either side counts). */
function checksChanged(plan: PlanReport, base: PlanReport): boolean {
  const before = new Map(base.checks.map((c) => [c.id, c.status]));
  return plan.checks.length !== base.checks.length || plan.checks.some((c) => before.get(c.id) !== c.status);
}

/**
 * Whether a plan differs from its base enough to report: verdict, any check's status, a key
 * figure becoming (not) computable, or a key figure moving by at least `minChange` percent.
 */
export function planChanged(plan: PlanReport, base: PlanReport, minChange = DEFAULT_MIN_CHANGE_PERCENT): boolean {
  return plan.verdict !== base.verdict || checksChanged(plan, base) || computabilityChanged(plan, base) || keyChanges(plan, base, minChange).length > 0;
}

/**
 * "TPOT 30.9 ms, 43% worse than main" for the first change; "cost per million tokens −12%" for the rest.
 * `metrics`, the plan's: a disaggregated plan's figure of one pool says whose ("memory per GPU (prefill pool)").
 */
export function changeSentence(changes: readonly Change[], baseName: string, limit = 3, metrics?: Metrics | null): string {
  return changes
    .slice(0, limit)
    .map((c, i) => {
      const unit = metricUnit(c.key);
      const label = metricLabel(c.key) + poolSuffix(metrics, c.key);
      if (c.relative === null) return `${label} ${formatQuantity(c.current, unit)}, was ${formatQuantity(c.base, unit)}`;
      const word = c.better === null ? 'changed' : c.better ? 'better' : 'worse';
      if (i === 0) return `${label} ${formatQuantity(c.current, unit)}, ${percentText(c.relative)} ${word} than ${baseName}`;
      const sign = c.current > c.base ? '+' : MINUS;
      return `${label} ${sign}${percentText(c.relative)}${c.better === null ? '' : ` (${word})`}`;
    })
    .join('; ');
}
