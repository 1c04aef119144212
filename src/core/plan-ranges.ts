// The ranges of one plan's estimates (ranges.ts applied to its figures): which track record applies
// (engine, GPU family, load), and the range of each estimated time and rate.
import { hardwareFamily } from './engines.js';
import { e2eFloor, type Computed } from './estimates.js';
import { round as roundTo, roundFine } from './figures.js';
import { concurrencyBand, queueBand, RANGE_COVERAGE, rangeOf, residualsFor, type RangeContext, type RangeKind, type Residuals } from './ranges.js';
import { economyRanges, type ServingEconomy } from './cost.js';
import type { Resolved } from './resolve.js';
import type { Plan } from './types.js';

export interface PlanRanges {
  /** metric name -> [low, high] in the metric's unit */
  ranges: Record<string, [number, number]>;
  /** the throughput's range unrounded (tokens/s), when there is a throughput */
  throughput: [number, number] | undefined;
  ttft: Residuals;
  ttftIdle: Residuals;
  tpot: Residuals;
  /** why the ranges are wider than validated (shown in the report) */
  why: string[];
}

/** The plan's engine, GPU family and load band, as the track record is kept. */
export function rangeContext(plan: Plan, r: Resolved, c: Computed, idle = false): RangeContext {
  const wl = r.workload;
  const running = c.load ? c.load.outcome.meanBatch * r.layout.dp : (wl.concurrency ?? 1);
  return {
    engine: wl.engine,
    family: hardwareFamily(plan.hardware.preset, plan.hardware.name),
    band: idle ? '1-4' : concurrencyBand(Math.max(1, Math.round(wl.concurrency ?? running))),
    ...(idle ? { idle: true } : {}),
    // a closed loop of the stated lengths, no run declared, goes in lockstep waves (ranges.ts, LoadLengths)
    ...(!idle && (wl.concurrency !== undefined || wl.requestRate !== undefined)
      ? { lengths: wl.requestRate === undefined && wl.benchmark === null ? ('steady' as const) : ('run' as const) }
      : {}),
    engineDefaulted: plan.deployment?.engine === undefined,
    routedExperts: c.routedExperts,
    ...(r.layout.pp > 1 ? { pipelineStages: r.layout.pp } : {}),
    ...(plan.disaggregation !== undefined ? { disaggregated: true, ...queueOf(idle ? c.ttftIdle : c.ttft, c.ttftIdle) } : {}),
  };
}

/**
 * The track record of a loaded TTFT figure (the mean, a percentile), seconds. A disaggregated plan's
 * is kept by the figure's own lift over the idle TTFT: a percentile judged at the mean's regime would
 * take a heavier regime's low end relative to the mean, and a median that rises more slowly than the
 * mean would see that end fall as the load grows (range-bands.ts: at its own lift it stays put).
 */
export function loadedTtftResiduals(plan: Plan, r: Resolved, c: Computed, figure: number | null): Residuals {
  if (!c.load) return residualsFor('ttft', rangeContext(plan, r, c, true));
  const ctx = rangeContext(plan, r, c);
  return residualsFor('ttft', ctx.disaggregated && figure !== null ? { ...ctx, ...queueOf(figure, c.ttftIdle) } : ctx);
}

/** A disaggregated TTFT's load regime and its lift over the idle TTFT (ranges.ts, queueBand). */
function queueOf(ttft: number | null, idle: number | null): Pick<RangeContext, 'queue' | 'lift'> {
  const queue = queueBand(ttft, idle);
  return ttft !== null && idle !== null && idle > 0 && ttft > 0 ? { queue, lift: ttft / idle } : { queue };
}

/** KV capacity follows the engine's accounting closely (validation: median error 1%); its range is a flat +-10%. */
const KV_CAPACITY_SPREAD = 0.1;

/**
 * A report's ranges, the serving economy's included, and why they are wider than validated; none for a
 * screened candidate (VerifyOptions.quick: suggest shows only what it verified again in full). Sets
 * the coverage they are built for in `metrics`.
 */
export function reportRanges(
  plan: Plan,
  r: Resolved,
  c: Computed,
  metrics: Record<string, number | null>,
  economy: ServingEconomy,
  screened: boolean,
): { ranges: Record<string, [number, number]>; why: string[] } {
  const pr = screened ? null : planRanges(plan, r, c, metrics);
  metrics.range_coverage = RANGE_COVERAGE;
  if (pr === null) return { ranges: {}, why: [] };
  const ranges = Object.assign({}, pr.ranges, economyRanges(economy, pr.throughput));
  // no figure to range (not one request fits): nothing is wider than validated
  return { ranges, why: Object.keys(ranges).length > 0 ? pr.why : [] };
}

export function planRanges(plan: Plan, r: Resolved, c: Computed, metrics: Record<string, number | null>): PlanRanges {
  const ctx = rangeContext(plan, r, c);
  const ttftIdle = residualsFor('ttft', rangeContext(plan, r, c, true));
  // without a simulated load the TTFT is the idle one, and takes its track record (as its verdicts do)
  const ttft = loadedTtftResiduals(plan, r, c, c.ttft);
  const tpot = residualsFor('tpot', ctx);
  const ranges: Record<string, [number, number]> = {};
  /**
   * `bound`: the bound itself in the metric's unit, as computed: the metrics' bounds are rounded outward,
   * and a range clipped to a rounded ceiling could end past the true one
   */
  const put = (key: string, res: Residuals, kind: RangeKind, bound: number | null, slowStop: number | null = null): void => {
    const v = metrics[key];
    if (v === null || v === undefined || !(v > 0)) return;
    const [lo, hi] = rangeOf(v, res, kind, bound, slowStop);
    const [a, b] = shownInside(round(lo), round(hi), kind, bound, key);
    // the estimate as shown stays inside: a throughput at its ceiling of 2.5995 tokens/s shows as 2.6,
    // and its range, clipped there and rounded to 3 decimals, ended at 2.599
    ranges[key] = [Math.min(a, v), Math.max(b, v)];
  };
  const ms = (s: number | null): number | null => (s === null ? null : s * 1000);
  // A loaded TTFT is never below the idle one (queueing adds, and a mix of prompt lengths costs at
  // least its mean length): its range starts no lower than the idle range does.
  const stops = rangeStops(r, c, ttftIdle, tpot, metrics.throughput_tokens_per_s ?? null);
  put('ttft_ms', ttft, 'time', ms(stops.ttftLow ?? c.ttftFloor));
  put('ttft_idle_ms', ttftIdle, 'time', ms(c.ttftFloor));
  put('tpot_ms', tpot, 'time', ms(c.tpotFloor));
  put('decode_step_ms', tpot, 'time', ms(c.stepFloor));
  put('throughput_tokens_per_s', tpot, 'rate', stops.throughputCeiling, stops.throughputLow);
  const out = c.load?.outcome;
  for (const p of ['p50', 'p90', 'p99'] as const) {
    put(`ttft_${p}_ms`, loadedTtftResiduals(plan, r, c, out?.ttft[p] ?? null), 'time', ms(stops.ttftPercentileLow ?? c.ttftFloor));
    put(`tpot_${p}_ms`, tpot, 'time', ms(c.tpotFloor));
  }
  put('e2e_p99_ms', tpot, 'time', ms(e2eFloor(c, r.workload.outputTokens)));
  put('max_request_rate', tpot, 'rate', c.requestRateBound);
  // A disaggregated plan's KV transfer is measured only inside its TTFT: it takes the TTFT's track record.
  put('kv_transfer_ms', ttft, 'time', metrics.kv_transfer_lower_bound_ms ?? null);
  const kv = metrics.kv_cache_capacity_tokens;
  if (kv !== null && kv !== undefined && kv > 0)
    ranges.kv_cache_capacity_tokens = [Math.floor(kv * (1 - KV_CAPACITY_SPREAD)), Math.ceil(kv * (1 + KV_CAPACITY_SPREAD))];
  // the throughput's range before rounding, for the cost and energy ranges that follow from it
  const throughput = c.throughput !== null && c.throughput > 0 ? rangeOf(c.throughput, tpot, 'rate', stops.servedCeiling, stops.throughputLow) : undefined;
  return { ranges, throughput, ttft, ttftIdle, tpot, why: mergedWhy(ttft.why, tpot.why) };
}

const WIDER_THAN = ' wider than ';

/**
 * TTFT's and TPOT's reasons as one list: a reason both state against different track records ("1.5x
 * wider than disaggregated runs whose TTFT ..." and "... than disaggregated runs") is said once, each
 * record named with its metric, where the report repeated the whole sentence.
 */
export function mergedWhy(ttft: readonly string[], tpot: readonly string[]): string[] {
  const out = [...new Set(ttft)];
  for (const w of tpot) {
    if (out.includes(w)) continue;
    const cut = w.indexOf(WIDER_THAN);
    const head = cut >= 0 ? w.slice(0, cut) : null;
    const i = head === null ? -1 : out.findIndex((o) => o.startsWith(head + WIDER_THAN) && ttft.includes(o));
    if (i < 0) {
      out.push(w);
      continue;
    }
    const mine = out[i]!.slice(head!.length + WIDER_THAN.length);
    out[i] = `${head}${WIDER_THAN}${mine} (TTFT) and ${w.slice(cut + WIDER_THAN.length)} (TPOT)`;
  }
  return out;
}

/** Where a plan's ranges stop short of its physical bounds; the verdicts judge against the same ranges. */
export interface RangeStops {
  /** a loaded TTFT's low end, seconds: the idle TTFT's (queueing only adds); null without an idle figure */
  ttftLow: number | null;
  /** its percentiles' low end: the same with one fixed prompt length (every request waits its idle prefill), else null */
  ttftPercentileLow: number | null;
  /** the throughput's ceiling, tokens/s */
  throughputCeiling: number | null;
  /** the same before the shown estimate's rounding: cost and energy, from the unrounded throughput, stop here */
  servedCeiling: number | null;
  /** where the throughput's low end stops falling, tokens/s: an open loop that keeps up (offeredFloor); else null */
  throughputLow: number | null;
}

/**
 * `idle`: the idle TTFT's track record; `tpot`: the TPOT's, which rates follow; `shownThroughput`: the
 * throughput as the metrics show it (rounded), when known.
 */
export function rangeStops(r: Resolved, c: Computed, idle: Residuals, tpot: Residuals, shownThroughput: number | null): RangeStops {
  const ttftLow = c.ttftIdle !== null && c.ttftIdle > 0 ? rangeOf(c.ttftIdle, idle, 'time', c.ttftFloor)[0] : null;
  const fixedLengths = (r.workload.benchmark?.inputRangeRatio ?? 1) === 1;
  return {
    ttftLow,
    ttftPercentileLow: fixedLengths ? ttftLow : null,
    throughputCeiling: offeredCeiling(r, c, shownThroughput),
    servedCeiling: offeredCeiling(r, c, null),
    throughputLow: offeredFloor(r, c, tpot),
  };
}

/**
 * The throughput range's low end for an open loop that keeps up. Its output is its arrivals' (rate x
 * output tokens) whatever its speed, as long as it keeps up: the range's slow end is the deployment
 * with every cost e^hi times longer, which serves arrivals e^hi times too fast for the estimated one
 * as that one would, in slow motion. It keeps up while that is within the estimated capacity (a
 * closed loop at the running cap): the slow end serves min(offered output, capacity x e^-hi), the
 * capacity's own slow end. Llama 3.1 8B on one H100 at 0.2 requests/s of 1024/256 (capacity about
 * 12k tokens/s) read 23.3 to 51.5 tokens/s, the low end less than half of the 51.2 it serves; now
 * 51.2 to 51.5.
 */
function offeredFloor(r: Resolved, c: Computed, tpot: Residuals): number | null {
  const wl = r.workload;
  if (wl.requestRate === undefined || wl.outputTokens === undefined || c.throughput === null || c.capacity === null) return null;
  const offered = wl.requestRate * wl.outputTokens;
  return Math.min(offered, rangeOf(c.capacity, tpot, 'rate', null)[0]);
}

/**
 * The throughput range's ceiling: the physical bound and, in an open loop, what its arrivals offer
 * (rate x output tokens; the estimate where a finite window ran a little above it). An estimator's
 * error decides whether the deployment keeps up, not how much more than the offered load it serves.
 */
function offeredCeiling(r: Resolved, c: Computed, shown: number | null): number | null {
  const wl = r.workload;
  if (wl.requestRate === undefined || wl.outputTokens === undefined || c.throughput === null) return c.throughputBound;
  // the estimate as the metrics show it (rounded, possibly up) stays inside its range
  const offered = Math.max(c.throughput, shown ?? 0, wl.requestRate * wl.outputTokens);
  return c.throughputBound === null ? offered : Math.min(c.throughputBound, offered);
}

/**
 * A range as shown never reads past its bound as the metrics show it: ranges carry fewer decimals than
 * the floors (4, rounded down), so a low end at its floor of 0.4321 ms read 0.432. The shown bound
 * lies between the true one and the rounded end, and the estimate (at or beyond the bound) stays inside.
 */
function shownInside(lo: number, hi: number, kind: RangeKind, bound: number | null, key: string): [number, number] {
  if (bound === null) return [lo, hi];
  if (kind === 'time') {
    // a bound already shown (kv_transfer_lower_bound_ms) stays as shown: 4.8424 x 1e4 is 48423.99...
    const nearest = roundTo(bound, 4) ?? bound;
    const floor = Math.abs(bound - nearest) < 1e-9 ? nearest : (roundTo(bound, 4, 'down') ?? bound);
    return [Math.max(lo, floor), Math.max(hi, floor)];
  }
  const ceiling = (key === 'max_request_rate' ? roundFine(bound, 3, 3, 'up') : roundFine(bound, 1, 2, 'up')) ?? bound;
  return [Math.min(lo, ceiling), Math.min(hi, ceiling)];
}

/** 1 decimal from 100 up, else 3, or 3 significant figures below 0.1 (a light load's rates must not round to 0) */
const round = (v: number): number => (v >= 100 ? Math.round(v * 10) / 10 : (roundFine(v, 3, 3) ?? v));
