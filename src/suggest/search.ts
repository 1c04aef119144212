// The search: every layout the engine rules allow, for every device count in range, each one
// verified by the core; then what would make the plan pass, axis by axis.
import type { LoadedPlan } from '../core/types.js';
import { checkDeadline } from '../core/work-budget.js';
import { buildCandidatePlan, isWiderThanFp8, layoutText, planLayout } from './candidate.js';
import { planVariation } from './disagg-candidate.js';
import { disaggNotes, searchDisaggregated } from './disagg-search.js';
import { boundReason } from './bound-reason.js';
import { enumerateLayouts, gpuCounts } from './enumerate.js';
import { evaluate } from './evaluate.js';
import { best, compareByShortfall, compareCandidates } from './rank.js';
import type { LayoutChoice, RuleOptions } from './rules.js';
import type { AxisSuggestion, Candidate, Impossibility, Objective, Shortfall, SuggestOptions, SuggestResult } from './types.js';

/** Without --max-gpus, "more devices" looks this many times past the plan's count. */
export const DEFAULT_GROWTH = 16;
/** ... but never past this many devices. */
export const DEFAULT_SCAN_CAP = 8192;
/** The ranked search verifies every layout of every count up to here (about a minute at this size). */
export const MAX_SEARCH_GPUS = 16_384;

/** Keys of a workload or model change: candidates of one variant share them. */
interface Variant {
  weight_dtype?: 'fp8';
  kv_cache_dtype?: 'fp8';
  concurrency?: number;
  max_input_tokens?: number;
}

export class LayoutSearch {
  readonly planGpus: number;
  /** node size used to pick whole-node device counts */
  readonly nodeSize: number;
  private readonly cache = new Map<string, Candidate[]>();
  private readonly single = new Map<string, Candidate>();
  layoutsSeen = 0;
  verified = 0;

  constructor(
    readonly base: LoadedPlan,
    readonly options: SuggestOptions,
  ) {
    const p = base.plan;
    const l = planLayout(p);
    this.planGpus = p.hardware.gpus ?? l.tp * l.pp * l.dp * l.cp;
    this.nodeSize = p.hardware.gpus_per_node ?? 8;
  }

  ruleOptions(gpus: number, variant: Variant): RuleOptions {
    const hw = this.base.plan.hardware;
    const w = this.base.plan.workload;
    const maxIn = variant.max_input_tokens ?? w.max_input_tokens ?? w.input_tokens;
    const maxOut = w.max_output_tokens ?? w.output_tokens;
    const planCp = (this.base.plan.parallelism.cp ?? 1) > 1;
    return {
      // the core's default when the plan gives no node size
      gpusPerNode: hw.gpus_per_node ?? Math.min(8, gpus),
      allowCrossNodeTp: this.options.allowCrossNodeTp,
      allowCp: this.options.allowCp || planCp,
      maxContext: maxIn !== undefined && maxOut !== undefined ? maxIn + maxOut : undefined,
    };
  }

  private variantKey(gpus: number, variant: Variant): string {
    return `${gpus}|${variant.weight_dtype ?? ''}|${variant.kv_cache_dtype ?? ''}|${variant.concurrency ?? ''}|${variant.max_input_tokens ?? ''}`;
  }

  /** One layout under a variant, verified once (cached). */
  one(gpus: number, layout: LayoutChoice, variant: Variant = {}): Candidate {
    const key = `${this.variantKey(gpus, variant)}|${layoutText(layout)}`;
    let c = this.single.get(key);
    if (!c) {
      checkDeadline(); // the action's Alternatives section runs under a total time budget
      this.verified++;
      c = evaluate(this.base, { gpus, layout, ...variant }, this.options.objective, true).candidate;
      this.single.set(key, c);
    }
    return c;
  }

  /** Every allowed layout of `gpus` devices under a variant, verified (cached). */
  at(gpus: number, variant: Variant = {}): Candidate[] {
    const key = this.variantKey(gpus, variant);
    const hit = this.cache.get(key);
    if (hit) return hit;
    const layouts = enumerateLayouts(this.base.plan.model, gpus, this.ruleOptions(gpus, variant));
    this.layoutsSeen += layouts.length;
    const out = layouts.map((layout) => this.one(gpus, layout, variant));
    this.cache.set(key, out);
    return out;
  }

  counts(from: number, to: number): number[] {
    const counts = gpuCounts(from, to, this.nodeSize, this.options.anyGpuCount);
    if (this.planGpus >= from && this.planGpus <= to && !counts.includes(this.planGpus)) {
      counts.push(this.planGpus);
      counts.sort((a, b) => a - b);
    }
    return counts;
  }

  /** How far "more devices" looks. */
  scanLimit(): number {
    return this.options.maxGpus ?? Math.max(this.planGpus, Math.min(DEFAULT_SCAN_CAP, this.planGpus * DEFAULT_GROWTH));
  }

  bestAt(gpus: number, variant: Variant = {}): Candidate | null {
    return best(this.at(gpus, variant), this.options.objective);
  }
}

/** Why a candidate is only possible: what its checks lack, else the requirement its estimate misses. */
function whyPossible(c: Candidate): string {
  if (c.missing.length > 0 || c.unverified.length > 0) return `unverified: ${c.missing.join(', ') || c.unverified.join(', ')}`;
  const missed = c.requirements.filter((r) => r.basis === 'estimate' && r.margin !== null && r.margin < 0).map((r) => r.id);
  return missed.length > 0 ? `its estimate misses ${missed.join(', ')}, which its range does not rule out` : 'a check warns';
}

function found(c: Candidate | null): 'found' | 'possible' | 'none' {
  return c === null ? 'none' : c.status === 'pass' ? 'found' : c.status === 'possible' ? 'possible' : 'none';
}

const describe = (c: Candidate): string => `${c.variation.gpus} devices, ${layoutText(c.variation.layout)}`;

/**
 * First element of `items` that satisfies `ok`, by galloping (1st, 2nd, 3rd, 5th, 9th, ...) and
 * then bisecting the last gap: O(log n) probes. Exact when, past the first success, every later
 * item succeeds too (more devices never lower the best bound or turn a pass into a failure),
 * which holds for the figures here up to the rounding of layouts to divisors.
 */
export function gallopFirst<T, R>(items: readonly T[], ok: (item: T) => R | null): { item: T; result: R } | null {
  // items[lo..hi]: items[hi] passed with `found`; everything before lo failed
  const bisect = (lo: number, hi: number, found: R): { item: T; result: R } => {
    let best = { item: items[hi]!, result: found };
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = ok(items[mid]!);
      if (m !== null) {
        hi = mid;
        best = { item: items[mid]!, result: m };
      } else lo = mid + 1;
    }
    return best;
  };
  let lastBad = -1;
  let step = 1;
  for (let i = 0; i < items.length; i += step, step = i >= 2 ? step * 2 : step) {
    const r = ok(items[i]!);
    if (r !== null) return bisect(lastBad + 1, i, r);
    lastBad = i;
  }
  const last = items.length - 1;
  if (lastBad < last) {
    const r = ok(items[last]!);
    if (r !== null) return bisect(lastBad + 1, last, r);
  }
  return null;
}

/** Smallest device count with a passing layout (else one the bounds allow): exhaustive up to the searched range, galloping past it. */
function gpuAxis(s: LayoutSearch, searchedTo: number): AxisSuggestion {
  const limit = Math.max(searchedTo, s.scanLimit());
  const within = s.counts(1, searchedTo);
  const beyond = s.counts(searchedTo + 1, limit);
  const firstWith = (want: Candidate['status']): Candidate | null => {
    const pick = (n: number): Candidate | null => {
      const top = s.bestAt(n);
      return top !== null && top.status === want ? top : want === 'possible' && top?.status === 'pass' ? top : null;
    };
    for (const n of within) {
      const c = pick(n);
      if (c) return c;
    }
    return gallopFirst(beyond, pick)?.result ?? null;
  };
  const top = firstWith('pass');
  if (top) {
    const n = top.variation.gpus;
    const detail =
      n === s.planGpus
        ? `${n} devices is already the smallest count that passes`
        : n < s.planGpus
          ? `${n} devices suffice (${describe(top)})`
          : `${n} devices are the fewest that pass (${describe(top)})`;
    return { axis: 'gpus', change: `hardware.gpus: ${n}`, outcome: 'found', candidate: top, detail };
  }
  const possible = firstWith('possible');
  if (possible) {
    return {
      axis: 'gpus',
      change: `hardware.gpus: ${possible.variation.gpus}`,
      outcome: 'possible',
      candidate: possible,
      detail: `no count up to ${limit} devices passes on the estimates; ${describe(possible)} is the smallest the bounds do not rule out (${whyPossible(possible)})`,
    };
  }
  return { axis: 'gpus', change: 'hardware.gpus', outcome: 'none', candidate: null, detail: `no device count from 1 to ${limit} passes` };
}

/** Whether a candidate counts under `want`: a pass, or (want possible) one the bounds leave open. */
const counts = (c: Candidate, want: 'pass' | 'possible'): boolean => c.status === 'pass' || (want === 'possible' && c.status === 'possible');

/**
 * A what-if on the plan's devices (fp8 weights, fp8 KV cache): first on the plan's own layout; else
 * on another layout, but only one that does not already pass without the change (offering "fp8 and
 * layout X" when layout X passes as it is would be a change for nothing: the layout axis says it).
 */
function sameGpusAxis(s: LayoutSearch, axis: AxisSuggestion['axis'], change: string, variant: Variant): AxisSuggestion {
  if (axis === 'layout') {
    const top = s.bestAt(s.planGpus, variant);
    const outcome = found(top);
    const detail =
      outcome === 'found'
        ? `passes with ${describe(top!)}`
        : outcome === 'possible'
          ? `not ruled out by the bounds with ${describe(top!)}, but unverified (${top!.missing.join(', ') || top!.unverified.join(', ')})`
          : `no layout of ${s.planGpus} devices passes`;
    return { axis, change, outcome, candidate: outcome === 'none' ? null : top, detail };
  }
  const own = planLayout(s.base.plan);
  for (const want of ['pass', 'possible'] as const) {
    const mine = s.one(s.planGpus, own, variant);
    if (counts(mine, want)) return withOutcome(axis, change, mine, `on the plan's own layout (${layoutText(own)})`);
    const needed = s.at(s.planGpus, variant).filter((c) => counts(c, want) && !counts(s.one(s.planGpus, c.variation.layout), want));
    const top = best(needed, s.options.objective);
    if (top) return withOutcome(axis, change, top, `with ${describe(top)} (the plan's own layout does not pass even with it)`);
  }
  const alreadyPassing = s.at(s.planGpus).some((c) => c.status === 'pass');
  return {
    axis,
    change,
    outcome: 'none',
    candidate: null,
    detail: alreadyPassing
      ? `not needed: a layout of ${s.planGpus} devices passes without it (see parallelism), and the plan's own layout does not pass with it`
      : `no layout of ${s.planGpus} devices passes with it`,
  };
}

function withOutcome(axis: AxisSuggestion['axis'], change: string, c: Candidate, where: string): AxisSuggestion {
  const outcome = found(c);
  const detail =
    outcome === 'found' ? `passes ${where}` : `is not ruled out by the bounds ${where}, but unverified (${c.missing.join(', ') || c.unverified.join(', ')})`;
  return { axis, change, outcome, candidate: c, detail };
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
 * verifications, and it passes unless the interval is empty.
 */
export function largestOnLayout(
  s: LayoutSearch,
  layout: LayoutChoice,
  lo: number,
  hi: number,
  variantFor: (v: number) => Variant,
  helpedByMore: ReadonlySet<string>,
  want: 'pass' | 'possible',
): { value: number; candidate: Candidate } | null {
  if (hi < lo) return null;
  const at = (v: number) => s.one(s.planGpus, layout, variantFor(v));
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
  const own = planLayout(s.base.plan);
  const others = s
    .at(s.planGpus)
    .slice()
    .sort(compareCandidates(s.options.objective))
    .filter((c) => layoutText(c.variation.layout) !== layoutText(own) && c.status !== 'pass')
    .slice(0, PROBE_LAYOUTS)
    .map((c) => c.variation.layout);
  for (const want of ['pass', 'possible'] as const) {
    const mine = largestOnLayout(s, own, lo, hi, variantFor, HELPED_BY_MORE[axis], want);
    if (mine) return { ...mine, own: true };
    const found = others.map((l) => largestOnLayout(s, l, lo, hi, variantFor, HELPED_BY_MORE[axis], want)).filter((r) => r !== null);
    // the highest value wins; among equals the best-ranked layout (the list's order)
    const top = found.reduce<{ value: number; candidate: Candidate } | null>((acc, r) => (acc === null || r!.value > acc.value ? r : acc), null);
    if (top) return { ...top, own: false };
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
      detail: `no concurrency below ${c0} passes on ${s.planGpus} devices`,
    };
  const where = r.own
    ? `on the plan's own layout (${layoutText(r.candidate.variation.layout)})`
    : `with ${describe(r.candidate)} (the plan's own layout passes at no concurrency below ${c0})`;
  return {
    axis: 'concurrency',
    change: `workload.concurrency: ${r.value}`,
    outcome: found(r.candidate),
    candidate: r.candidate,
    detail: `${r.candidate.status === 'pass' ? 'passes' : 'is not ruled out by the bounds'} at ${r.value} sequences in flight (of ${c0}) ${where}`,
  };
}

function contextAxis(s: LayoutSearch): AxisSuggestion {
  const w = s.base.plan.workload;
  const maxIn = w.max_input_tokens ?? w.input_tokens;
  if (maxIn === undefined)
    return { axis: 'max-context', change: 'workload.max_input_tokens', outcome: 'not-applicable', candidate: null, detail: 'the plan gives no context length' };
  // A shorter max context still has to hold the typical prompt.
  const lo = Math.max(1, w.input_tokens ?? 1);
  if (lo > maxIn - 1)
    return {
      axis: 'max-context',
      change: 'workload.max_input_tokens',
      outcome: 'not-applicable',
      candidate: null,
      detail: 'the max context is already the typical prompt',
    };
  const r = largestPassing(s, 'max-context', lo, maxIn - 1, (v) => ({ max_input_tokens: v }));
  if (!r)
    return {
      axis: 'max-context',
      change: 'workload.max_input_tokens',
      outcome: 'none',
      candidate: null,
      detail: `no max input from ${lo} to ${maxIn - 1} tokens passes on ${s.planGpus} devices`,
    };
  const where = r.own ? `on the plan's own layout (${layoutText(r.candidate.variation.layout)})` : `on ${describe(r.candidate)}`;
  return {
    axis: 'max-context',
    change: `workload.max_input_tokens: ${r.value}`,
    outcome: found(r.candidate),
    candidate: r.candidate,
    detail: `${r.candidate.status === 'pass' ? 'passes' : 'is not ruled out by the bounds'} with prompts of at most ${r.value} tokens (of ${maxIn}) ${where}`,
  };
}

function whatIf(s: LayoutSearch, planPasses: boolean, searchedTo: number): AxisSuggestion[] {
  const model = s.base.plan.model;
  const out: AxisSuggestion[] = [gpuAxis(s, searchedTo), sameGpusAxis(s, 'layout', `parallelism on ${s.planGpus} devices`, {})];
  if (planPasses) {
    // nothing to fix: only fewer devices or a better layout are worth saying
    const skip = (axis: AxisSuggestion['axis'], change: string): AxisSuggestion => ({
      axis,
      change,
      outcome: 'not-applicable',
      candidate: null,
      detail: 'the plan already passes',
    });
    return [
      ...out,
      skip('fp8-weights', 'model.weight_dtype: fp8'),
      skip('fp8-kv-cache', 'model.kv_cache_dtype: fp8'),
      skip('concurrency', 'workload.concurrency'),
      skip('max-context', 'workload.max_input_tokens'),
    ];
  }
  const weights = [model.weight_dtype, ...Object.values(model.weight_dtypes ?? {})];
  if (weights.some((d) => isWiderThanFp8(d))) out.push(sameGpusAxis(s, 'fp8-weights', 'model.weight_dtype: fp8', { weight_dtype: 'fp8' }));
  else
    out.push({
      axis: 'fp8-weights',
      change: 'model.weight_dtype: fp8',
      outcome: 'not-applicable',
      candidate: null,
      detail: 'the weights are already 8-bit or narrower',
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
  out.push(concurrencyAxis(s), contextAxis(s));
  return out;
}

/** For each requirement: the best bound any layout reaches, per device count. */
function bestBound(cands: readonly Candidate[], id: string): { value: number; candidate: Candidate } | null {
  let top: { value: number; candidate: Candidate } | null = null;
  const higher = id === 'requirements.throughput';
  for (const c of cands) {
    const f = c.figures;
    const v =
      id === 'requirements.throughput'
        ? f.throughput_upper_bound_tokens_per_s
        : id === 'requirements.ttft'
          ? f.ttft_lower_bound_ms
          : id === 'requirements.tpot'
            ? f.tpot_lower_bound_ms
            : id === 'memory.fits'
              ? f.memory_per_gpu_lower_bound_gib
              : null;
    if (v === null) continue;
    if (top === null || (higher ? v > top.value : v < top.value)) top = { value: v, candidate: c };
  }
  return top;
}

const meets = (id: string, bound: number, required: number): boolean => (id === 'requirements.throughput' ? bound >= required : bound <= required);

function impossibilities(s: LayoutSearch, plan: Candidate): Impossibility[] {
  const out: Impossibility[] = [];
  const here = s.at(s.planGpus);
  for (const req of plan.requirements) {
    if (req.required === null) continue;
    const b = bestBound(here, req.id);
    if (b === null || meets(req.id, b.value, req.required)) continue;
    const limit = s.scanLimit();
    const required = req.required;
    const smallest =
      gallopFirst(s.counts(s.planGpus + 1, limit), (n) => {
        const bn = bestBound(s.at(n), req.id);
        return bn !== null && meets(req.id, bn.value, required) ? bn : null;
      })?.result ?? null;
    const reason = boundReason(buildCandidatePlan(s.base, b.candidate.variation), req.id) ?? 'the physical bound (every efficiency at 1)';
    out.push({
      id: req.id,
      required: req.required,
      unit: req.unit,
      best_bound: b.value,
      best_layout: b.candidate.variation.layout,
      reason,
      smallest_gpus: smallest?.candidate.variation.gpus ?? null,
      smallest_layout: smallest?.candidate.variation.layout ?? null,
      smallest_bound: smallest?.value ?? null,
      scanned_up_to: limit,
    });
  }
  return out;
}

/** Requirements that every layout of the plan's devices misses on its estimate, with the best estimate. */
function shortfalls(s: LayoutSearch, plan: Candidate, impossible: readonly Impossibility[]): Shortfall[] {
  const out: Shortfall[] = [];
  const here = s.at(s.planGpus);
  for (const req of plan.requirements) {
    if (req.required === null || impossible.some((i) => i.id === req.id)) continue;
    let top: { value: number; candidate: Candidate; margin: number } | null = null;
    for (const c of here) {
      const m = c.requirements.find((r) => r.id === req.id);
      if (m?.basis !== 'estimate' || m.margin === null || m.achieved === null) continue;
      if (top === null || m.margin > top.margin) top = { value: m.achieved, candidate: c, margin: m.margin };
    }
    if (top !== null && top.margin < 0) {
      out.push({ id: req.id, required: req.required, unit: req.unit, best_estimate: top.value, best_layout: top.candidate.variation.layout });
    }
  }
  return out;
}

/**
 * Neighbours in the list whose order the ranges cannot tell apart: each one's estimate lies inside
 * the other's range (issue 13: say so rather than rank on noise).
 */
export function unreliableOrder(top: readonly Candidate[], objective: Objective): string[] {
  const out: string[] = [];
  const inside = (x: number, r: [number, number]): boolean => x >= r[0] && x <= r[1];
  for (let i = 0; i + 1 < top.length; i++) {
    const a = top[i]!;
    const b = top[i + 1]!;
    if (a.score === null || b.score === null || !a.scoreRange || !b.scoreRange) continue;
    if (inside(a.score, b.scoreRange) && inside(b.score, a.scoreRange)) {
      out.push(
        `#${i + 1} (${layoutText(a.variation.layout)}) and #${i + 2} (${layoutText(b.variation.layout)}): each one's ${objective} estimate lies inside the other's range, so their order is not reliable`,
      );
    }
  }
  return out;
}

export function suggest(base: LoadedPlan, options: SuggestOptions, planVerdict: SuggestResult['plan_verdict']): SuggestResult {
  const s = new LayoutSearch(base, options);
  const wanted = Math.max(s.planGpus, options.maxGpus ?? s.planGpus);
  const to = Math.min(wanted, MAX_SEARCH_GPUS);
  const counts = s.counts(1, to);
  const all = counts.flatMap((n) => s.at(n));
  const passing = all.filter((c) => c.status === 'pass');
  const possible = all.filter((c) => c.status === 'possible');
  // nothing passes or stays open: show the layouts closest to passing instead
  const order = passing.length > 0 || possible.length > 0 ? compareCandidates(options.objective) : compareByShortfall(options.objective);
  const ranked = (passing.length > 0 ? passing : possible.length > 0 ? possible : all).slice().sort(order);
  // the listed layouts were screened on a short simulation: verified again in full, then ranked on those figures
  const top = ranked
    .slice(0, options.top)
    .map((c) => evaluate(base, c.variation, options.objective).candidate)
    .sort(order);
  const plan = evaluate(base, planVariation(base.plan, s.planGpus), options.objective).candidate;
  const impossible = impossibilities(s, plan);
  const unmet = shortfalls(s, plan, impossible);
  const what = whatIf(s, plan.status === 'pass', to);
  const notes: string[] = [];
  if (to < wanted) notes.push(`the ranked search stops at ${MAX_SEARCH_GPUS} devices (asked: ${wanted})`);
  if (passing.length === 0 && possible.length === 0 && ranked.length > 0)
    notes.push('no layout passes; the list shows the layouts closest to passing (smallest shortfall on their worst requirement)');
  if (passing.length === 0 && possible.length > 0)
    notes.push('no layout passes on the estimates; the list shows layouts the physical bounds do not rule out, ranked by their bounds');
  notes.push(...unreliableOrder(top, options.objective));
  // Disaggregated layouts of the same devices beside the aggregated ones (disagg-search.ts).
  // the best aggregated layout of the plan's devices, screened like the rest: verified again in full to be compared
  const screenedBest = s.bestAt(s.planGpus);
  const bestAggregated = screenedBest ? evaluate(base, screenedBest.variation, options.objective).candidate : null;
  const disaggregated = searchDisaggregated(base, s.planGpus, options.objective, (g) => s.ruleOptions(g, {}), bestAggregated);
  notes.push(...disaggNotes(disaggregated, plan));
  return {
    disaggregated,
    file: base.file,
    name: base.plan.name,
    objective: options.objective,
    plan_gpus: s.planGpus,
    plan_verdict: planVerdict,
    plan,
    top,
    search: {
      gpus_from: 1,
      gpus_to: to,
      gpu_counts: counts.length,
      layouts: all.length,
      verified: s.verified,
      passing: passing.length,
      possible: possible.length,
    },
    what_if: what,
    impossible,
    unmet,
    notes,
  };
}
