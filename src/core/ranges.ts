// How sure: a range around every estimated time and rate, from how far this estimator has been
// from measured serving runs of the same engine, GPU family and load (docs/formulas.md, "How sure").
// The range is not the bound: the bound is physics, the range is the estimator's track record.
import { otherBands } from './range-bands.js';
import { RESIDUALS } from './ranges-table.js';

/** Quantiles the residual table holds, of ln(measured / estimate). */
export const RANGE_QUANTILES: readonly number[] = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];
/** Share of validated deployments whose measurement falls inside their own range. */
export const RANGE_COVERAGE = 0.8;
/** Fewest runs a bucket of the table needs before it is used rather than a coarser one. */
export const MIN_BUCKET = 30;

export interface ResidualBucket {
  /** runs behind the bucket */
  n: number;
  /** ln(measured / estimate) at RANGE_QUANTILES */
  q: number[];
}
export interface ResidualTable {
  ttft: Record<string, ResidualBucket>;
  tpot: Record<string, ResidualBucket>;
  /** spread multiplier per metric that covers layouts outside the data the quantiles came from */
  widen?: { ttft: number; tpot: number };
  /** the same for disaggregated deployments (their buckets are kept apart, prefixed disagg|) */
  widenDisagg?: { ttft: number; tpot: number };
}

export { concurrencyBand, queueBand } from './range-bands.js';

/**
 * Whether a plan's track records are kept by load band: a disaggregated plan's only. An aggregated
 * plan's TPOT error hardly moves with load (median estimate/measured 0.90-1.02 across the
 * concurrency bands of the calibration half; wider only above 128 in flight), and its TTFT error's
 * spread inside one band is larger than the shift of its median from band to band. Keeping them by
 * band made their ranges nest across bands (a heavier band's high end lifted to a lighter one's),
 * which cost more width than the bands saved. Held out: TPOT 83% of runs inside ranges 1.98x wide by
 * band, 79% inside 1.76x pooled; TTFT 79% inside 3.11x by band, 80% inside 2.78x pooled by engine,
 * GPU family and how the load's requests fall (`RangeContext.lengths`; validation/README.md).
 */
export function keptByLoad(disaggregated: boolean): boolean {
  return disaggregated;
}

/**
 * Buckets from the finest to the coarsest, for one metric, engine, GPU family and band. Disaggregated
 * deployments keep a track record of their own (their TTFT adds a queue for a prefill worker and a
 * KV transfer), falling back to all runs only when none of theirs applies; given `queue`, their
 * buckets follow that load regime first (the TTFT's), then engine and family. A metric not kept by
 * load (keptByLoad) starts at engine and family; an aggregated TTFT given `lengths` at engine, family
 * and how the requests fall.
 */
export function bucketKeys(
  metric: 'ttft' | 'tpot',
  engine: string,
  family: string,
  band: string,
  disaggregated = false,
  queue?: string,
  lengths?: LoadLengths,
): string[] {
  if (disaggregated && queue !== undefined)
    return [`disagg|${engine}|${family}|${queue}`, `disagg|${engine}|${queue}`, `disagg|${queue}`, `disagg|${engine}|${family}`, `disagg|${engine}`, 'disagg'];
  if (disaggregated) return [`disagg|${engine}|${family}|${band}`, `disagg|${engine}|${family}`, `disagg|${engine}`, 'disagg'];
  // an aggregated record is not kept by load (keptByLoad)
  const byFamily = [`${engine}|${family}`, engine, 'all'];
  return metric === 'ttft' && lengths !== undefined ? [`${engine}|${family}|${lengths}`, ...byFamily] : byFamily;
}

/**
 * How a load's requests fall: 'steady', a closed loop of equal requests with no declared run, whose
 * clients go in lockstep waves (docs/formulas.md, "Serving under load"), so a first token lands a
 * whole pass early or late; 'run', lengths or arrivals that spread (a declared benchmark run, an
 * open loop). The steady loops' TTFT misses more widely (10-90% spread of measured/estimate about
 * 2.5x against 1.9x for declared runs in the calibration half's fitting part).
 */
export type LoadLengths = 'steady' | 'run';

export interface RangeContext {
  engine: string;
  family: string;
  band: string;
  /** the engine was defaulted (the plan does not name it) */
  engineDefaulted: boolean;
  /** routed experts of a MoE model (0 or absent: dense) */
  routedExperts?: number;
  /** a disaggregated deployment (prefill and decode pools) */
  disaggregated?: boolean;
  /** a disaggregated deployment's TTFT regime (queueBand), which its TTFT buckets follow */
  queue?: string;
  /** the TTFT under load over the idle one, whose regime `queue` is (where the regime's edges lie) */
  lift?: number;
  /** a figure of no load (the idle TTFT): its band is not nested with the loaded ones' */
  idle?: boolean;
  /** how the load's requests fall (LoadLengths); absent for an idle figure or a deployment without load */
  lengths?: LoadLengths;
  /** pipeline stages of the layout (absent or 1: none) */
  pipelineStages?: number;
}

/** The residuals that apply to a plan, how much wider to make them, and why. */
export interface Residuals {
  q: number[];
  /** bucket used */
  bucket: string;
  /** spread multiplier (1: as validated) */
  widen: number;
  why: string[];
  /**
   * The quantiles of the same engine and GPU family at lighter and at heavier load (each band's
   * bucket, as found for it), with ln(that band's estimate / this one) where it applies
   * (range-bands.ts). Bands nest: a range's high end is never below a lighter band's, its low end
   * never above a heavier band's, so more load with an estimate no lower never turns a verdict better.
   */
  lighter?: { q: number[]; shift: number }[];
  heavier?: { q: number[]; shift: number }[];
}

/** Spread added when the plan leaves the validated region (engines x GPU families of the sample). */
const OUTSIDE_WIDEN = 1.5;
/**
 * The validated MoE models route among 128 to 512 fine-grained experts (DeepSeek-V3/R1, Kimi-K2.5,
 * GLM-5, MiniMax-M2.5, Qwen3-235B, Qwen3.5-397B, gpt-oss-120b): their fitted expert-GEMM efficiency
 * (engines.ts) is what grouped GEMMs reach at their small per-expert batches. A model of fewer,
 * wider experts (Mixtral's 8) runs far larger ones, likely faster than that: outside the region.
 */
const VALIDATED_MIN_EXPERTS = 128;
/** Spread added when the plan does not name its engine (vLLM's behaviour is assumed). */
const DEFAULTED_ENGINE_WIDEN = 1.25;

/**
 * The residuals of the validated table, remembered by their context: a layout search asks for the
 * same few thousands of times (every candidate's engine, family and band), and each answer is a
 * pure function of the context. Callers only read what they get.
 */
const remembered = new Map<string, Residuals>();
const REMEMBER_AT_MOST = 512;

export function residualsFor(metric: 'ttft' | 'tpot', ctx: RangeContext, table: ResidualTable = RESIDUALS): Residuals {
  if (table !== RESIDUALS) return computeResiduals(metric, ctx, table);
  const key = `${metric}|${ctx.engine}|${ctx.family}|${ctx.band}|${ctx.engineDefaulted}|${ctx.routedExperts ?? 0}|${ctx.disaggregated === true}|${ctx.queue}|${ctx.lift}|${ctx.idle === true}|${ctx.lengths}|${ctx.pipelineStages ?? 1}`;
  let r = remembered.get(key);
  if (r === undefined) {
    if (remembered.size >= REMEMBER_AT_MOST) remembered.clear();
    r = computeResiduals(metric, ctx, table);
    remembered.set(key, r);
  }
  return r;
}

/**
 * A residual bucket's key in words, for the report: "disagg|queue<1.5" -> "disaggregated runs whose TTFT
 * under load is below 1.5x the idle one", "sglang|hopper" -> "sglang runs on hopper GPUs", "all" -> "all runs".
 */
export function bucketWords(bucket: string): string {
  if (bucket === 'all') return 'all runs';
  const parts = bucket.split('|');
  const disagg = parts[0] === 'disagg';
  const rest = disagg ? parts.slice(1) : parts;
  const queue = rest.find((p) => p.startsWith('queue'));
  const lengths = rest.find((p) => p === 'steady' || p === 'run');
  const [engine, family] = rest.filter((p) => p !== queue && p !== lengths);
  const words = [disagg ? 'disaggregated' : '', engine ?? '', 'runs', family ? `on ${family} GPUs` : ''];
  if (lengths === 'steady') words.push('of steady loops of equal requests');
  if (lengths === 'run') words.push('of declared runs or open loops');
  if (queue) {
    const m = /^queue(?:<([\d.]+)|([\d.]+)-([\d.]+)|>([\d.]+))$/.exec(queue);
    if (m?.[1]) words.push(`whose TTFT under load is below ${m[1]}x the idle one`);
    else if (m?.[2]) words.push(`whose TTFT under load is ${m[2]}x to ${m[3]}x the idle one`);
    else if (m?.[4]) words.push(`whose TTFT under load is above ${m[4]}x the idle one`);
  }
  return words.filter((w) => w !== '').join(' ');
}

// A field added to RangeContext must join the key above, or contexts that differ in it would share residuals.
type KeyedContext =
  | 'engine'
  | 'family'
  | 'band'
  | 'engineDefaulted'
  | 'routedExperts'
  | 'disaggregated'
  | 'queue'
  | 'lift'
  | 'idle'
  | 'lengths'
  | 'pipelineStages';
const everyContextFieldKeyed: [Exclude<keyof RangeContext, KeyedContext>] extends [never] ? true : never = true;
void everyContextFieldKeyed;

function computeResiduals(metric: 'ttft' | 'tpot', ctx: RangeContext, table: ResidualTable): Residuals {
  const disaggregated = ctx.disaggregated === true;
  const keysAt = (band: string, queue: string | undefined): string[] =>
    bucketKeys(metric, ctx.engine, ctx.family, band, disaggregated, metric === 'ttft' ? queue : undefined, ctx.idle ? undefined : ctx.lengths);
  const bucketOf = (keys: string[]): string => keys.find((k) => table[metric][k] !== undefined) ?? 'all';
  const keys = keysAt(ctx.band, ctx.queue);
  const why: string[] = [];
  // Validated layouts differ from the ones the quantiles came from: widened as much as it takes to
  // cover 80% of layouts held aside (validation/build-ranges.mjs).
  let widen = (disaggregated ? table.widenDisagg : table.widen)?.[metric] ?? 1;
  const bucket = bucketOf(keys);
  // Inside the validated region: the engine on this GPU family has a track record of its own.
  const familyKey = `${disaggregated ? 'disagg|' : ''}${ctx.engine}|${ctx.family}`;
  if (bucket !== keys[0] && table[metric][familyKey] === undefined) {
    widen *= OUTSIDE_WIDEN;
    why.push(`${ctx.engine} on ${ctx.family} GPUs is outside the validated runs: ${OUTSIDE_WIDEN}x wider than ${bucketWords(bucket)}`);
  }
  const experts = ctx.routedExperts ?? 0;
  if (experts > 0 && experts < VALIDATED_MIN_EXPERTS) {
    widen *= OUTSIDE_WIDEN;
    why.push(`a MoE of ${experts} experts is outside the validated runs (${VALIDATED_MIN_EXPERTS} to 512 experts): ${OUTSIDE_WIDEN}x wider`);
  }
  // Every run of the measured sample has pp 1: a pipeline's bubbles and stage hand-offs have no track record.
  if ((ctx.pipelineStages ?? 1) > 1) {
    widen *= OUTSIDE_WIDEN;
    why.push(`pipeline parallelism (pp ${ctx.pipelineStages}) is outside the validated runs (all pp 1): ${OUTSIDE_WIDEN}x wider`);
  }
  if (ctx.engineDefaulted) {
    widen *= DEFAULTED_ENGINE_WIDEN;
    why.push(`deployment.engine is not given (vLLM assumed): ${DEFAULTED_ENGINE_WIDEN}x wider`);
  }
  const qOf = (b: string): number[] => table[metric][b]?.q ?? RANGE_QUANTILES.map(() => 0);
  // The bands lighter and heavier than this one, by the load regime the buckets follow.
  const byQueue = disaggregated && metric === 'ttft' && ctx.queue !== undefined;
  // (none for an idle figure, whose band is not nested with the loaded ones, nor for a record not kept by load)
  const others = ctx.idle || !keptByLoad(disaggregated) ? { lighter: [], heavier: [] } : otherBands(byQueue ? (ctx.queue ?? '') : ctx.band, byQueue, ctx.lift);
  const at = (o: { band: string; shift: number }) => ({
    q: qOf(bucketOf(byQueue ? keysAt(ctx.band, o.band) : keysAt(o.band, ctx.queue))),
    shift: o.shift,
  });
  return { q: qOf(bucket), bucket, widen, why, lighter: others.lighter.map(at), heavier: others.heavier.map(at) };
}

/** ln(measured / estimate) at quantile p, the spread about the median widened. */
function residualAt(r: Pick<Residuals, 'q' | 'widen'>, p: number): number {
  const qs = RANGE_QUANTILES;
  let v: number;
  if (p <= qs[0]!) v = r.q[0]!;
  else if (p >= qs[qs.length - 1]!) v = r.q[r.q.length - 1]!;
  else {
    let i = 0;
    while (qs[i + 1]! < p) i++;
    const t = (p - qs[i]!) / (qs[i + 1]! - qs[i]!);
    v = r.q[i]! + t * (r.q[i + 1]! - r.q[i]!);
  }
  const median = r.q[qs.indexOf(0.5)]!;
  return median + (v - median) * r.widen;
}

/**
 * How a figure moves with load, which decides how the load bands nest: a latency worsens (its range's
 * high end never below a lighter band's, its low end never above a heavier band's); a throughput,
 * and the cost per token that follows from it, improves (the other way round). Either way more load
 * with an estimate no worse never turns a verdict better, nor less load a verdict worse.
 */
export type LoadTrend = 'worsens' | 'improves';

/** The bands whose high end (`side` 'high') or low end ('low') a figure of this trend's range reaches to. */
function nestedWith(r: Residuals, trend: LoadTrend, side: 'high' | 'low'): { q: number[]; shift: number }[] {
  const lighter = (trend === 'worsens') === (side === 'high');
  return (lighter ? r.lighter : r.heavier) ?? [];
}

/** ln(measured / estimate) at the range's ends: this band's, reaching to the bands it nests with. */
function rangeEnds(r: Residuals, trend: LoadTrend): [number, number] {
  const tail = (1 - RANGE_COVERAGE) / 2;
  const at = (q: number[], p: number): number => residualAt({ q, widen: r.widen }, p);
  const lo = Math.min(at(r.q, tail), ...nestedWith(r, trend, 'low').map((b) => b.shift + at(b.q, tail)));
  const hi = Math.max(at(r.q, 1 - tail), ...nestedWith(r, trend, 'high').map((b) => b.shift + at(b.q, 1 - tail)));
  return [lo, hi];
}

/** Share of validated runs whose ln(measured / estimate) is at most x (the residual's distribution function). */
function residualCdf(r: Pick<Residuals, 'q' | 'widen'>, x: number): number {
  const qs = RANGE_QUANTILES;
  const vals = qs.map((p) => residualAt(r, p));
  if (x <= vals[0]!) return qs[0]! * Math.max(0, 1 - (vals[0]! - x) / Math.max(1e-9, vals[1]! - vals[0]!));
  if (x >= vals[vals.length - 1]!)
    return 1 - (1 - qs[qs.length - 1]!) * Math.max(0, 1 - (x - vals[vals.length - 1]!) / Math.max(1e-9, vals[vals.length - 1]! - vals[vals.length - 2]!));
  let i = 0;
  while (vals[i + 1]! < x) i++;
  const t = (x - vals[i]!) / Math.max(1e-12, vals[i + 1]! - vals[i]!);
  return qs[i]! + t * (qs[i + 1]! - qs[i]!);
}

/**
 * The distribution function the range's ends are quantiles of: where the estimate meets the
 * requirement (x >= 0), the least of this band's and those of the bands its high end reaches to
 * (whose 90% quantile is the greatest of theirs: the high end); where it misses, the greatest of
 * this band's and those its low end reaches to.
 */
function nestedCdf(r: Residuals, trend: LoadTrend, x: number): number {
  const side = x >= 0 ? 'high' : 'low';
  const all = [residualCdf(r, x), ...nestedWith(r, trend, side).map((b) => residualCdf({ q: b.q, widen: r.widen }, x - b.shift))];
  return side === 'high' ? Math.min(...all) : Math.max(...all);
}

export type RangeKind = 'time' | 'rate';

/**
 * The range of an estimate at RANGE_COVERAGE: the central quantiles of the measured/estimate
 * ratio, the load bands nested by how the figure moves with load (a time worsens, a rate improves,
 * by default). A rate errs the other way from the time it derives from (throughput ~ 1 / TPOT). The
 * range never crosses the physical bound: a time's low end stays at or above its floor, a rate's
 * high end at or below its ceiling. `slowStop`: where the range stops on its slow side, never past
 * the estimate: a rate's low end, or the high end of a cost per token, which is a time's kind (an
 * open loop that keeps up serves its arrivals, plan-ranges.ts).
 */
export function rangeOf(
  estimate: number,
  r: Residuals,
  kind: RangeKind,
  bound: number | null,
  slowStop: number | null = null,
  trend: LoadTrend = kind === 'time' ? 'worsens' : 'improves',
): [number, number] {
  const [lo, hi] = rangeEnds(r, trend);
  let low = kind === 'time' ? estimate * Math.exp(lo) : estimate * Math.exp(-hi);
  let high = kind === 'time' ? estimate * Math.exp(hi) : estimate * Math.exp(-lo);
  if (slowStop !== null) {
    if (kind === 'rate') low = Math.max(low, Math.min(slowStop, estimate));
    else high = Math.min(high, Math.max(slowStop, estimate));
  }
  if (bound !== null) {
    if (kind === 'time') low = Math.max(low, bound);
    else high = Math.min(high, bound);
    if (low > high) [low, high] = kind === 'time' ? [low, low] : [high, high];
  }
  return [low, high];
}

/**
 * Share of validated deployments with this estimate that would miss `required`: for a time,
 * measured > required; for a rate, measured < required. Nested as the range is: a requirement at the
 * range's bad end misses 1 in 10.
 */
export function missProbability(
  estimate: number,
  required: number,
  r: Residuals,
  kind: RangeKind,
  trend: LoadTrend = kind === 'time' ? 'worsens' : 'improves',
): number {
  if (estimate <= 0 || required <= 0) return 1;
  const x = Math.log(required / estimate);
  // The residuals are ln(measured / estimate) of times. A time misses when that exceeds x. A rate's
  // ln(measured / estimate) mirrors its time's (-residual), so it misses when -residual < x, that is
  // when the residual exceeds -x.
  return 1 - nestedCdf(r, trend, kind === 'time' ? x : -x);
}

/** Simple fractions above one half, for "about 3 in 4" rather than a rounded "1 in 1". */
const MOST: [number, number][] = [
  [1, 2],
  [3, 5],
  [2, 3],
  [3, 4],
  [4, 5],
  [9, 10],
];

/** "about 1 in 4", "about 3 in 4" for a probability, in words a reviewer reads at a glance. */
export function oneIn(p: number): string {
  if (p >= 0.95) return 'nearly all';
  if (p <= 0.02) return 'under 1 in 50';
  if (p < 0.5) return `about 1 in ${Math.max(2, Math.round(1 / p))}`;
  let best = MOST[0]!;
  for (const f of MOST) if (Math.abs(f[0] / f[1] - p) < Math.abs(best[0] / best[1] - p)) best = f;
  return `about ${best[0]} in ${best[1]}`;
}
