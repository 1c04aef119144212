// The ranked search's store: every allowed layout of a device count under one workload or dtype
// variant, verified by the core (cached), and the galloping scan over device counts.
import type { LoadedPlan } from '../core/types.js';
import { checkDeadline } from '../core/work-budget.js';
import { layoutText, planLayout } from './candidate.js';
import { planVariation } from './disagg-candidate.js';
import { enumerateLayouts, gpuCounts } from './enumerate.js';
import { evaluate } from './evaluate.js';
import { best } from './rank.js';
import type { LayoutChoice, RuleOptions } from './rules.js';
import type { Candidate, SuggestOptions } from './types.js';

/** Without --max-gpus, "more devices" looks this many times past the plan's count. */
export const DEFAULT_GROWTH = 16;
/** ... but never past this many devices. */
export const DEFAULT_SCAN_CAP = 8192;
/** The ranked search verifies every layout of every count up to here (about a minute at this size). */
export const MAX_SEARCH_GPUS = 16_384;

/** Keys of a workload or model change: candidates of one variant share them. */
export interface Variant {
  weight_dtype?: 'fp8';
  kv_cache_dtype?: 'fp8';
  concurrency?: number;
  max_input_tokens?: number;
  memory_fraction?: number;
}
export class LayoutSearch {
  readonly planGpus: number;
  /** node size used to pick whole-node device counts */
  readonly nodeSize: number;
  /** the plan's own layout; null for a disaggregated plan (its pools are no layout of this search) */
  readonly ownLayout: LayoutChoice | null;
  private written: Candidate | null = null;
  private readonly cache = new Map<string, Candidate[]>();
  private readonly single = new Map<string, Candidate>();
  /** candidates the screen made, and the full verifications by layout and variant */
  private readonly screened = new WeakSet<Candidate>();
  private readonly full = new Map<string, Candidate>();
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
    this.ownLayout = p.disaggregation ? null : l;
  }

  /** The plan's own layout (its pools, when it is disaggregated), claims left out, verified in full once. */
  asWritten(): Candidate {
    if (this.ownLayout) return this.inFull(this.planGpus, this.ownLayout);
    this.written ??= evaluate(this.base, planVariation(this.base.plan, this.planGpus), this.options.objective).candidate;
    return this.written;
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
    return `${gpus}|${variant.weight_dtype ?? ''}|${variant.kv_cache_dtype ?? ''}|${variant.concurrency ?? ''}|${variant.max_input_tokens ?? ''}|${variant.memory_fraction ?? ''}`;
  }

  private layoutKey(gpus: number, layout: LayoutChoice, variant: Variant = {}): string {
    return `${this.variantKey(gpus, variant)}|${layoutText(layout)}`;
  }

  /** One layout under a variant, screened once (cached): the search decides on these. */
  one(gpus: number, layout: LayoutChoice, variant: Variant = {}): Candidate {
    const key = this.layoutKey(gpus, layout, variant);
    let c = this.single.get(key);
    if (!c) {
      checkDeadline(); // the action's Alternatives section runs under a total time budget
      this.verified++;
      c = evaluate(this.base, { gpus, layout, ...variant }, this.options.objective, true).candidate;
      this.single.set(key, c);
      this.screened.add(c);
    }
    return c;
  }

  /** One layout under a variant, verified in full once (cached): what `verify` says of it. */
  inFull(gpus: number, layout: LayoutChoice, variant: Variant = {}): Candidate {
    const key = this.layoutKey(gpus, layout, variant);
    let c = this.full.get(key);
    if (!c) {
      checkDeadline();
      this.verified++;
      c = evaluate(this.base, { gpus, layout, ...variant }, this.options.objective).candidate;
      this.full.set(key, c);
    }
    return c;
  }

  /**
   * A screened candidate verified again in full; any other candidate as it is. The screen's shorter
   * simulation can read tens of percent off the full one: every candidate `suggest` shows or offers
   * goes through here, so that its figures are the ones `verify` gives for it.
   */
  confirm(c: Candidate): Candidate {
    if (!this.screened.has(c)) return c;
    const { gpus, layout, disaggregation: _none, ...variant } = c.variation;
    return this.inFull(gpus, layout, variant);
  }

  /**
   * The screened candidates of every layout of `gpus` devices (no variant), as `at(gpus)` would make
   * them, made elsewhere (another thread, screen-threads.ts): counted and cached as if made here.
   */
  adopt(gpus: number, candidates: Candidate[]): void {
    const key = this.variantKey(gpus, {});
    if (this.cache.has(key)) return;
    this.layoutsSeen += candidates.length;
    this.verified += candidates.length;
    for (const c of candidates) {
      this.single.set(this.layoutKey(gpus, c.variation.layout), c);
      this.screened.add(c);
    }
    this.cache.set(key, candidates);
  }

  /** Whether `at(gpus)` (no variant) is already made. */
  has(gpus: number): boolean {
    return this.cache.has(this.variantKey(gpus, {}));
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
