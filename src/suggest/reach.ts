// What no layout of the plan's devices reaches: requirements out of physical reach (with the
// resource that sets the bound and the smallest device count that would do), and requirements the
// bounds allow but no estimate meets.
import { boundedAs, boundReason } from './bound-reason.js';
import { buildCandidatePlan } from './candidate.js';
import { gallopFirst, type LayoutSearch } from './layout-search.js';
import { fits } from './rank.js';
import { MET_FROM_BELOW, type Candidate, type Impossibility, type Shortfall } from './types.js';

/** For each requirement: the best bound any layout reaches, per device count (a layout that does not fit reaches no speed). */
function bestBound(cands: readonly Candidate[], requirement: string): { value: number; candidate: Candidate } | null {
  let top: { value: number; candidate: Candidate } | null = null;
  const id = boundedAs(requirement);
  const higher = MET_FROM_BELOW.has(id);
  for (const c of cands) {
    if (id !== 'memory.fits' && !fits(c)) continue;
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
              : id === 'requirements.request_rate'
                ? (f.request_rate_upper_bound ?? null)
                : null;
    if (v === null) continue;
    if (top === null || (higher ? v > top.value : v < top.value)) top = { value: v, candidate: c };
  }
  return top;
}

const meets = (id: string, bound: number, required: number): boolean => (MET_FROM_BELOW.has(id) ? bound >= required : bound <= required);

/**
 * Requirements no layout of the plan's devices can meet by the physical bound: neither an aggregated
 * layout of the search nor one `beside` it (the plan's own pools, the disaggregated mixes).
 */
export function impossibilities(s: LayoutSearch, plan: Candidate, beside: readonly Candidate[]): Impossibility[] {
  const out: Impossibility[] = [];
  const here = s.at(s.planGpus);
  for (const req of plan.requirements) {
    if (req.required === null) continue;
    const b = bestBound(here, req.id);
    if (b === null || meets(req.id, b.value, req.required)) continue;
    const other = bestBound(beside, req.id);
    if (other !== null && meets(req.id, other.value, req.required)) continue;
    const limit = s.scanLimit();
    const required = req.required;
    const smallest =
      gallopFirst(s.counts(s.planGpus + 1, limit), (n) => {
        const bn = bestBound(s.at(n), req.id);
        return bn !== null && meets(req.id, bn.value, required) ? bn : null;
      })?.result ?? null;
    const reason = boundReason(buildCandidatePlan(s.base, b.candidate.variation), req.id, b.value) ?? 'the physical bound (every efficiency at 1)';
    out.push({
      id: req.id,
      required: req.required,
      unit: req.unit,
      best_bound: b.value,
      best_layout: b.candidate.variation.layout,
      ...(b.candidate.placement ? { best_placement: b.candidate.placement } : {}),
      reason,
      smallest_gpus: smallest?.candidate.variation.gpus ?? null,
      smallest_layout: smallest?.candidate.variation.layout ?? null,
      ...(smallest?.candidate.placement ? { smallest_placement: smallest.candidate.placement } : {}),
      smallest_bound: smallest?.value ?? null,
      scanned_up_to: limit,
    });
  }
  return out;
}

/** The candidate whose estimate comes closest to (or beyond) a requirement, among those that fit. */
function bestEstimate(cands: readonly Candidate[], id: string): { value: number; candidate: Candidate; margin: number } | null {
  let top: { value: number; candidate: Candidate; margin: number } | null = null;
  for (const c of cands) {
    if (id !== 'memory.fits' && !fits(c)) continue;
    const m = c.requirements.find((r) => r.id === id);
    if (m?.basis !== 'estimate' || m.margin === null || m.achieved === null) continue;
    if (top === null || m.margin > top.margin) top = { value: m.achieved, candidate: c, margin: m.margin };
  }
  return top;
}

/**
 * Requirements that every layout of the plan's devices misses on its estimate, with the best estimate:
 * over the aggregated layouts (the screen picks one, whose figure is then the full verification's, the
 * one shown for it elsewhere) and the candidates verified in full beside them (the plan's own layout,
 * the disaggregated mixes).
 */
export function shortfalls(s: LayoutSearch, plan: Candidate, impossible: readonly Impossibility[], beside: readonly Candidate[]): Shortfall[] {
  const out: Shortfall[] = [];
  const here = s.at(s.planGpus);
  for (const req of plan.requirements) {
    if (req.required === null || impossible.some((i) => i.id === req.id)) continue;
    const screened = bestEstimate(here, req.id);
    const top = bestEstimate([...(screened ? [s.confirm(screened.candidate)] : []), ...beside], req.id);
    if (top && top.margin < 0) {
      const v = top.candidate.variation;
      out.push({
        id: req.id,
        required: req.required,
        unit: req.unit,
        best_estimate: top.value,
        best_layout: v.layout,
        ...(v.disaggregation ? { best_disaggregation: v.disaggregation } : {}),
        ...(top.candidate.placement ? { best_placement: top.candidate.placement } : {}),
      });
    }
  }
  return out;
}
