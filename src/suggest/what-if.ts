// "What would make it pass", axis by axis: more or fewer devices, another layout of the plan's
// devices, fp8 weights or KV cache, a lower concurrency, a shorter max context, a lower memory flag
// (docs/suggest.md).
import { fp8WouldNarrow, isWiderThanFp8, layoutText, layoutWithKeys } from './candidate.js';
import { gallopFirst, type LayoutSearch, type Variant } from './layout-search.js';
import { best, compareCandidates } from './rank.js';
import type { LayoutChoice } from './rules.js';
import type { AxisSuggestion, Candidate } from './types.js';
import { placementText, variationText, warningsText, whyOpen } from './words.js';
import { planVariation } from './disagg-candidate.js';
import { countOf } from '../core/figures.js';
import { DEFAULT_WEIGHT_DTYPE } from '../core/defaults.js';
import type { ModelSpec } from '../core/types.js';
import { resolvePlan } from '../core/resolve.js';

function found(c: Candidate | null): 'found' | 'possible' | 'none' {
  return c === null ? 'none' : c.status === 'pass' ? 'found' : c.status === 'possible' ? 'possible' : 'none';
}

/** "8 devices, tp=1 pp=1 dp=8 ep=8 etp=1 dense_tp=1": a candidate's devices and layout, with the placement keys it carries. */
const describe = (c: Candidate): string =>
  `${countOf(c.variation.gpus, 'device')}, ${placementText(c.variation.layout, c.variation.disaggregation, c.placement)}`;

/**
 * "passes" only where verify would pass it (a change met on the estimates with warnings left meets its
 * requirements, and verify warns), or why a candidate only stays open: never an empty "unverified ()".
 */
const outcomeWords = (c: Candidate): string =>
  c.status === 'pass' ? (warningsText(c) ? 'meets its requirements on the estimates' : 'passes') : `is not ruled out (${whyOpen(c)})`;

/** After the where of a change that passes: what verify would still warn about ("; at risk: requirements.ttft"). */
const warningsTail = (c: Candidate): string => (c.status === 'pass' && warningsText(c) ? `; ${warningsText(c)}` : '');

/** Whether a candidate counts under `want`: a pass, or (want possible) one the bounds leave open. */
const counts = (c: Candidate, want: 'pass' | 'possible'): boolean => c.status === 'pass' || (want === 'possible' && c.status === 'possible');

/** Whether a candidate counts under `want` on the screen and still once verified in full (search.ts counts so). */
const countsInFull = (s: LayoutSearch, c: Candidate, want: 'pass' | 'possible'): boolean => counts(c, want) && counts(s.confirm(c), want);

/** Screened candidates verified in full before one is given up on (the screen's best rarely fails the full run). */
const CONFIRM_TRIES = 3;

/**
 * The best of `cands` by the objective that still counts under `want` once verified in full (the
 * search decides on its screen; what it offers carries the full verification's status and figures).
 */
function bestConfirmed(s: LayoutSearch, cands: readonly Candidate[], want: 'pass' | 'possible'): Candidate | null {
  // the screen reads low: one it leaves open only on an estimate may pass in full (one that lacks inputs cannot)
  const worth = (c: Candidate): boolean => counts(c, want) || (c.status === 'possible' && c.unverified.length === 0);
  const ranked = cands.filter(worth).sort(compareCandidates(s.options.objective));
  for (const c of ranked.slice(0, CONFIRM_TRIES)) {
    const full = s.confirm(c);
    if (counts(full, want)) return full;
  }
  return null;
}
/**
 * Smallest device count with a passing layout (else one the bounds allow): exhaustive up to the searched
 * range, galloping past it. The layouts `beside` the aggregated search (a disaggregated plan's own pools,
 * the disaggregated mixes, each judged on the devices it uses) count as well: they were searched on the
 * plan's devices only, so nothing past them is scanned once one of them passes.
 */
function gpuAxis(s: LayoutSearch, searchedTo: number, beside: readonly Candidate[]): AxisSuggestion {
  const limit = Math.max(searchedTo, s.scanLimit());
  const within = s.counts(1, searchedTo);
  const beyond = s.counts(searchedTo + 1, limit);
  const firstWith = (want: 'pass' | 'possible'): Candidate | null => {
    const other = best(
      beside.filter((c) => counts(c, want)),
      s.options.objective,
    );
    const pick = (n: number): Candidate | null => bestConfirmed(s, s.at(n), want);
    for (const n of within) {
      if (other && n > other.variation.gpus) return other;
      const c = pick(n);
      if (c) return other && other.variation.gpus === n ? best([c, other], s.options.objective) : c;
    }
    return other ?? gallopFirst(beyond, pick)?.result ?? null;
  };
  const only = (c: Candidate): string =>
    c.variation.disaggregation ? `; disaggregated layouts were searched on the plan's ${countOf(s.planGpus, 'device')} only` : '';
  const top = firstWith('pass');
  if (top) {
    const n = top.variation.gpus;
    const detail =
      n === s.planGpus
        ? `${countOf(n, 'device')} is already the smallest count that ${warningsText(top) ? 'meets the requirements on the estimates' : 'passes'} (${describe(top)}${only(top)})${warningsTail(top)}`
        : n < s.planGpus
          ? `${countOf(n, 'device')} ${n === 1 ? 'suffices' : 'suffice'} (${describe(top)}${only(top)})${warningsTail(top)}`
          : `${countOf(n, 'device')} ${n === 1 ? 'is' : 'are'} the fewest that ${warningsText(top) ? 'meet the requirements on the estimates' : 'pass'} (${describe(top)})${warningsTail(top)}`;
    return { axis: 'gpus', change: `hardware.gpus: ${n}`, outcome: 'found', candidate: top, detail };
  }
  const possible = firstWith('possible');
  if (possible) {
    return {
      axis: 'gpus',
      change: `hardware.gpus: ${possible.variation.gpus}`,
      outcome: 'possible',
      candidate: possible,
      detail: `no count up to ${countOf(limit, 'device')} passes on the estimates; ${describe(possible)} is the smallest the bounds do not rule out (${whyOpen(possible)})`,
    };
  }
  return { axis: 'gpus', change: 'hardware.gpus', outcome: 'none', candidate: null, detail: `no device count from 1 to ${limit} passes` };
}

/**
 * The best layout of the plan's devices: aggregated, or one `beside` the search (the disaggregated
 * mixes); the plan's own layout, as open as it is, is no change.
 */
function layoutAxis(s: LayoutSearch, beside: readonly Candidate[]): AxisSuggestion {
  const layouts = s.at(s.planGpus);
  const ownOpen = counts(s.asWritten(), 'possible');
  const own = planVariation(s.base.plan, s.planGpus);
  const isOwn = (c: Candidate): boolean => variationText(c.variation) === variationText(own);
  const bestOf = (want: 'pass' | 'possible'): Candidate | null => {
    const aggregated = bestConfirmed(s, ownOpen && want === 'possible' ? layouts.filter((c) => !isOwn(c)) : layouts, want);
    const others = beside.filter((c) => counts(c, want) && !(ownOpen && want === 'possible' && isOwn(c)));
    return best([...(aggregated ? [aggregated] : []), ...others], s.options.objective);
  };
  const top = bestOf('pass') ?? bestOf('possible');
  const outcome = found(top);
  const detail = top ? `${outcomeWords(top)} with ${describe(top)}${warningsTail(top)}` : `no layout of ${countOf(s.planGpus, 'device')} passes`;
  return { axis: 'layout', change: `parallelism on ${countOf(s.planGpus, 'device')}`, outcome, candidate: outcome === 'none' ? null : top, detail };
}

/**
 * A what-if on the plan's devices (fp8 weights, fp8 KV cache): first on the plan's own layout; else
 * on another layout, but only one that does not already pass without the change (offering "fp8 and
 * layout X" when layout X passes as it is would be a change for nothing: the layout axis says it).
 */
function sameGpusAxis(s: LayoutSearch, axis: AxisSuggestion['axis'], change: string, variant: Variant): AxisSuggestion {
  // a disaggregated plan's own pools are no layout of the search: its change is tried on aggregated layouts only
  const own = s.ownLayout;
  for (const want of ['pass', 'possible'] as const) {
    // a change that leaves the plan's own layout as open as it was is no change
    const mine = own && !counts(s.asWritten(), want) ? s.inFull(s.planGpus, own, variant) : null;
    if (own && mine && counts(mine, want)) return withOutcome(axis, change, mine, `on the plan's own layout (${layoutWithKeys(own, mine.placement)})`);
    // a layout that counts only on the screen (its full verification does not) still needs the change
    const needed = s.at(s.planGpus, variant).filter((c) => !countsInFull(s, s.one(s.planGpus, c.variation.layout), want));
    const top = bestConfirmed(s, needed, want);
    if (top) return withOutcome(axis, change, top, `with ${describe(top)}${own ? " (the plan's own layout does not pass even with it)" : ''}`);
  }
  const alreadyPassing = s.at(s.planGpus).some((c) => countsInFull(s, c, 'pass'));
  return {
    axis,
    change,
    outcome: 'none',
    candidate: null,
    detail: alreadyPassing
      ? `not needed: a layout of ${countOf(s.planGpus, 'device')} passes without it (see parallelism)${own ? ", and the plan's own layout does not pass with it" : ''}`
      : `no layout of ${countOf(s.planGpus, 'device')} passes with it`,
  };
}

function withOutcome(axis: AxisSuggestion['axis'], change: string, c: Candidate, where: string): AxisSuggestion {
  return { axis, change, outcome: found(c), candidate: c, detail: `${outcomeWords(c)} ${where}${warningsTail(c)}` };
}

/** Layouts tried when concurrency or context change, after the plan's own: the best-ranked ones of its device count. */
export const PROBE_LAYOUTS = 16;

/** Requirements that a larger value of the axis helps (more sequences in flight: more throughput, lower cost per token). */
const HELPED_BY_MORE: Record<'concurrency' | 'max-context', ReadonlySet<string>> = {
  concurrency: new Set(['requirements.throughput', 'requirements.cost_per_million_tokens', 'requirements.request_rate']),
  'max-context': new Set(),
};

/**
 * Largest value in [lo, hi] at which `layout` passes (or, want possible, stays open). Lowering
 * concurrency helps memory and latency but costs throughput, so the values that pass form an
 * interval [a, b]: a value is "too high" when some check it fails is not helped by a larger value.
 * Bisection over the whole range finds the largest value that is not too high, in about log2(hi - lo)
 * verifications, and it passes unless the interval is empty. On the screen, or `inFull`.
 */
export function largestOnLayout(
  s: LayoutSearch,
  layout: LayoutChoice,
  lo: number,
  hi: number,
  variantFor: (v: number) => Variant,
  helpedByMore: { has(id: string): boolean },
  want: 'pass' | 'possible',
  inFull = false,
): { value: number; candidate: Candidate } | null {
  if (hi < lo) return null;
  const at = (v: number) => (inFull ? s.inFull : s.one).call(s, s.planGpus, layout, variantFor(v));
  const tooHigh = (c: Candidate): boolean => {
    if (counts(c, want)) return false;
    const blocking = [...c.failing, ...(want === 'pass' ? c.unverified : [])];
    return blocking.length === 0 || blocking.some((id) => !helpedByMore.has(id));
  };
  if (tooHigh(at(lo))) return null;
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = Math.floor((a + b + 1) / 2);
    if (tooHigh(at(mid))) b = mid - 1;
    else a = mid;
  }
  const c = at(a);
  return counts(c, want) ? { value: a, candidate: c } : null;
}

/**
 * The largest value that passes: on the plan's own layout first; else on the best-ranked other
 * layouts of its devices that do not already pass at the plan's value (those need no change here).
 */
function largestPassing(
  s: LayoutSearch,
  axis: 'concurrency' | 'max-context',
  lo: number,
  hi: number,
  variantFor: (v: number) => Variant,
): { value: number; candidate: Candidate; own: boolean } | null {
  const own = s.ownLayout;
  const ranked = s.at(s.planGpus).slice().sort(compareCandidates(s.options.objective));
  // layouts that count as they are need no change (and the plan's own is tried first)
  const others = (want: 'pass' | 'possible') =>
    ranked
      .filter((c) => (own === null || layoutText(c.variation.layout) !== layoutText(own)) && !counts(c, want))
      .slice(0, PROBE_LAYOUTS)
      .map((c) => c.variation.layout);
  // the value found on the screen, verified in full: it is offered only if it still counts
  const confirmed = (r: { value: number; candidate: Candidate } | null, want: 'pass' | 'possible') => {
    const full = r && s.confirm(r.candidate);
    return full && counts(full, want) ? { value: r.value, candidate: full } : null;
  };
  for (const want of ['pass', 'possible'] as const) {
    // the plan's own layout is bisected in full: "passes at no value below" must hold for what verify says
    const mine = own && !counts(s.asWritten(), want) ? largestOnLayout(s, own, lo, hi, variantFor, HELPED_BY_MORE[axis], want, true) : null;
    if (mine) return { ...mine, own: true };
    const found = others(want)
      .map((l) => largestOnLayout(s, l, lo, hi, variantFor, HELPED_BY_MORE[axis], want))
      .filter((r) => r !== null);
    // the highest value wins; among equals the best-ranked layout (the list's order; a stable sort keeps it)
    for (const r of found.sort((a, b) => b.value - a.value).slice(0, CONFIRM_TRIES)) {
      const top = confirmed(r, want);
      if (top) return { ...top, own: false };
    }
  }
  return null;
}

function concurrencyAxis(s: LayoutSearch): AxisSuggestion {
  const c0 = s.base.plan.workload.concurrency;
  if (c0 === undefined || c0 <= 1)
    return {
      axis: 'concurrency',
      change: 'workload.concurrency',
      outcome: 'not-applicable',
      candidate: null,
      detail: c0 === undefined ? 'the plan gives no concurrency' : 'concurrency is already 1',
    };
  const r = largestPassing(s, 'concurrency', 1, c0 - 1, (v) => ({ concurrency: v }));
  if (!r)
    return {
      axis: 'concurrency',
      change: 'workload.concurrency',
      outcome: 'none',
      candidate: null,
      detail: `no concurrency below ${c0} passes on ${countOf(s.planGpus, 'device')}`,
    };
  const where = r.own
    ? `on the plan's own layout (${layoutText(r.candidate.variation.layout)})`
    : `with ${describe(r.candidate)}${s.ownLayout ? ` (the plan's own layout passes at no concurrency below ${c0})` : ''}`;
  return {
    axis: 'concurrency',
    change: `workload.concurrency: ${r.value}`,
    outcome: found(r.candidate),
    candidate: r.candidate,
    detail: `${outcomeWords(r.candidate)} at ${countOf(r.value, 'sequence')} in flight (of ${c0}) ${where}${warningsTail(r.candidate)}`,
  };
}

/**
 * A shorter max context is offered only as a real change: at least this fraction below the plan's (a
 * few tokens less is no plan, and within the estimates' own error), at a size deployments set.
 */
export const MIN_CONTEXT_CUT = 0.1;

/** The size a deployment would set at or below `most` tokens, not below `least`: a power of two, else whole thousands (1,024), else `most`. */
export function usualContext(least: number, most: number): number {
  const power = 2 ** Math.floor(Math.log2(most));
  if (power >= least) return power;
  const kilo = Math.floor(most / 1024) * 1024;
  return kilo >= least ? kilo : most;
}

function contextAxis(s: LayoutSearch): AxisSuggestion {
  const w = s.base.plan.workload;
  const maxIn = w.max_input_tokens ?? w.input_tokens;
  const none = (outcome: 'none' | 'not-applicable', detail: string): AxisSuggestion => ({
    axis: 'max-context',
    change: 'workload.max_input_tokens',
    outcome,
    candidate: null,
    detail,
  });
  if (maxIn === undefined) return none('not-applicable', 'the plan gives no context length');
  // A shorter max context still has to hold the typical prompt.
  const lo = Math.max(1, w.input_tokens ?? 1);
  const hi = Math.min(maxIn - 1, Math.floor(maxIn * (1 - MIN_CONTEXT_CUT)));
  if (lo > hi) return none('not-applicable', `the typical prompt (${lo} tokens) leaves no shorter max context worth setting`);
  const r = largestPassing(s, 'max-context', lo, hi, (v) => ({ max_input_tokens: v }));
  if (!r) {
    const below = `at least ${Math.round(MIN_CONTEXT_CUT * 100)}% below the plan's ${maxIn.toLocaleString('en-US')}`;
    return none(
      'none',
      `no max input ${below} (${lo.toLocaleString('en-US')} to ${hi.toLocaleString('en-US')} tokens) passes on ${countOf(s.planGpus, 'device')}`,
    );
  }
  // Every value below one that passes passes too (a shorter context only frees memory): round down
  // to the size a deployment sets, and keep the exact value only if the rounded one reads otherwise.
  const usual = usualContext(lo, r.value);
  const rounded = s.confirm(s.one(r.candidate.variation.gpus, r.candidate.variation.layout, { max_input_tokens: usual }));
  const { value, candidate } = rounded.status === r.candidate.status ? { value: usual, candidate: rounded } : r;
  const where = r.own ? `on the plan's own layout (${layoutWithKeys(candidate.variation.layout, candidate.placement)})` : `on ${describe(candidate)}`;
  return {
    axis: 'max-context',
    change: `workload.max_input_tokens: ${value}`,
    outcome: found(candidate),
    candidate,
    detail: `${outcomeWords(candidate)} with prompts of at most ${value} tokens (of ${maxIn}) ${where}${warningsTail(candidate)}`,
  };
}

/** The requirement a lower memory flag helps: the engines allocate their KV pool whole, so it sets what the device holds. */
const CAPPED_BY_FRACTION = 'requirements.max_memory_utilization';
/** The lowest memory flag offered: below it a 16-bit model's weights rarely leave any KV pool. */
const MIN_MEMORY_PERCENT = 10;

/**
 * The highest memory flag (workload.memory_fraction, by hundredths) at which the plan's own layout
 * passes, where the engine's whole-pool allocation is what misses requirements.max_memory_utilization
 * (the check's message names the flag; a reviewer found suggest never offered it). A lower flag only
 * shrinks the KV pool: every other check is helped by a higher one, so the passing values are an
 * interval, bisected as concurrency is.
 */
function memoryFractionAxis(s: LayoutSearch): AxisSuggestion {
  const none = (outcome: 'none' | 'not-applicable', detail: string): AxisSuggestion => ({
    axis: 'memory-fraction',
    change: 'workload.memory_fraction',
    outcome,
    candidate: null,
    detail,
  });
  const plan = s.base.plan;
  const own = s.ownLayout;
  if (plan.requirements.max_memory_utilization === undefined) return none('not-applicable', 'the plan states no requirements.max_memory_utilization');
  if (own === null) return none('not-applicable', "a disaggregated plan's pools each keep their own flag");
  const written = s.asWritten();
  if (![...written.failing, ...written.warnings].includes(CAPPED_BY_FRACTION)) return none('not-applicable', 'requirements.max_memory_utilization is met');
  const pool =
    plan.workload.kv_cache_memory !== undefined ? 'workload.kv_cache_memory' : plan.workload.kv_cache_tokens !== undefined ? 'workload.kv_cache_tokens' : null;
  if (pool) return none('not-applicable', `the plan sets the KV pool itself (${pool}): lower that instead`);
  const current = resolvePlan(plan, s.base.origins).workload.memoryFraction;
  const hi = Math.ceil(current * 100) - 1;
  if (hi < MIN_MEMORY_PERCENT) return none('not-applicable', `the flag is already ${current}`);
  const helped = { has: (id: string) => id !== CAPPED_BY_FRACTION };
  const variant = (v: number) => ({ memory_fraction: v / 100 });
  for (const want of ['pass', 'possible'] as const) {
    const r = largestOnLayout(s, own, MIN_MEMORY_PERCENT, hi, variant, helped, want, true);
    if (r)
      return {
        axis: 'memory-fraction',
        change: `workload.memory_fraction: ${r.value / 100}`,
        outcome: found(r.candidate),
        candidate: r.candidate,
        detail: `${outcomeWords(r.candidate)} with the engine's memory flag at ${r.value / 100} (of ${current}) on the plan's own layout (${layoutText(own)})${warningsTail(r.candidate)}`,
      };
  }
  return none('none', `no memory flag from ${MIN_MEMORY_PERCENT / 100} to ${hi / 100} passes on the plan's own layout (${layoutText(own)})`);
}

/**
 * The fp8 change as a plan writes it: the candidate keeps the embedding and LM head at their dtype (as
 * the engines' fp8 quantization does), which a plan must state, since weight_dtypes.embeddings
 * follows weight_dtype where not given.
 */
function fp8WeightsChange(model: ModelSpec): string {
  const embeddings = model.weight_dtypes?.embeddings ?? model.weight_dtype ?? DEFAULT_WEIGHT_DTYPE;
  return isWiderThanFp8(embeddings) ? `model.weight_dtype: fp8 with weight_dtypes.embeddings: ${embeddings}` : 'model.weight_dtype: fp8';
}

/** Every axis; `beside`: full-verified candidates of the plan's devices outside the aggregated search (see gpuAxis). */
export function whatIf(s: LayoutSearch, planPasses: boolean, searchedTo: number, beside: readonly Candidate[] = []): AxisSuggestion[] {
  const model = s.base.plan.model;
  const out: AxisSuggestion[] = [gpuAxis(s, searchedTo, beside), layoutAxis(s, beside)];
  if (planPasses) {
    // nothing to fix: only fewer devices or a better layout are worth saying
    const skip = (axis: AxisSuggestion['axis'], change: string): AxisSuggestion => ({
      axis,
      change,
      outcome: 'not-applicable',
      candidate: null,
      detail: "not searched: the plan's estimates already meet every requirement",
    });
    return [
      ...out,
      skip('fp8-weights', 'model.weight_dtype: fp8'),
      skip('fp8-kv-cache', 'model.kv_cache_dtype: fp8'),
      skip('concurrency', 'workload.concurrency'),
      skip('max-context', 'workload.max_input_tokens'),
      skip('memory-fraction', 'workload.memory_fraction'),
    ];
  }
  if (fp8WouldNarrow(model)) out.push(sameGpusAxis(s, 'fp8-weights', fp8WeightsChange(model), { weight_dtype: 'fp8' }));
  else
    out.push({
      axis: 'fp8-weights',
      change: 'model.weight_dtype: fp8',
      outcome: 'not-applicable',
      candidate: null,
      detail: 'the linear layers are already 8-bit or narrower (fp8 keeps the embedding and LM head in 16 bits)',
    });
  const kv = model.kv_cache_dtype ?? (isWiderThanFp8(model.weight_dtype) ? model.weight_dtype : 'bf16');
  if (isWiderThanFp8(kv)) out.push(sameGpusAxis(s, 'fp8-kv-cache', 'model.kv_cache_dtype: fp8', { kv_cache_dtype: 'fp8' }));
  else
    out.push({
      axis: 'fp8-kv-cache',
      change: 'model.kv_cache_dtype: fp8',
      outcome: 'not-applicable',
      candidate: null,
      detail: 'the KV cache is already 8-bit',
    });
  out.push(concurrencyAxis(s), contextAxis(s), memoryFractionAxis(s));
  return out;
}
