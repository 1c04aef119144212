// Orders candidates: passing before possible before failing, then by the objective, then by
// fewer devices and simpler layouts (deterministic ties).
import type { LayoutChoice } from './rules.js';
import type { Candidate, CandidateStatus, Objective } from './types.js';

const STATUS_ORDER: Record<CandidateStatus, number> = { pass: 0, possible: 1, fail: 2 };

/** Higher is better for throughput per device; lower for times and device counts. */
export function higherIsBetter(objective: Objective): boolean {
  return objective === 'throughput-per-gpu';
}

const layoutKey = (l: LayoutChoice): number[] => [l.tp * l.pp * l.cp, l.tp, l.pp, l.cp, l.ep, l.etp ?? 0];

function compareLayouts(a: LayoutChoice, b: LayoutChoice): number {
  const ka = layoutKey(a);
  const kb = layoutKey(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
  return 0;
}

function throughputPerGpu(c: Candidate): number {
  const t = c.figures.throughput_tokens_per_s ?? c.figures.throughput_upper_bound_tokens_per_s;
  return t === null ? -Infinity : t / c.variation.gpus;
}

/**
 * Whether the layout holds the weights and one request of the longest stated length: one that does not
 * serves nothing, so its throughput and latency bounds are no figures to rank or show.
 */
export function fits(c: Candidate): boolean {
  return !c.failing.some((id) => id === 'memory.fits' || id.endsWith('.memory.fits'));
}

/** A requirement the candidate's estimate misses (memory.fits aside: it is no estimate of the load). */
const missedOnEstimate = (c: Candidate, id?: string): boolean =>
  c.requirements.some(
    (r) => (id === undefined || r.id === id) && r.id !== 'memory.fits' && r.basis === 'estimate' && !r.beyondBound && r.margin !== null && r.margin < 0,
  );

/**
 * How close a candidate is to passing, for ranking: 0 passes; 1 not ruled out with every requirement met
 * by its estimate (a check unverified, or memory's flag unstated); 2 misses a requirement on its estimate,
 * whether its range's good end still meets it ("not ruled out") or not (fails), and fails on nothing
 * else; 3 fails otherwise (layout, memory, a bound). Within tier 2 the smaller shortfall ranks first: a
 * wider range is no merit, and a mix whose TTFT p99 misses 3 s by 196% was shown ahead of a layout
 * missing it by 112% because only its range reached the requirement.
 */
export function rankTier(c: Candidate): 0 | 1 | 2 | 3 {
  if (c.status === 'pass') return 0;
  if (c.status === 'possible') return missedOnEstimate(c) ? 2 : 1;
  return c.failing.length > 0 && c.failing.every((id) => missedOnEstimate(c, id)) ? 2 : 3;
}

export function compareCandidates(objective: Objective): (a: Candidate, b: Candidate) => number {
  const sign = higherIsBetter(objective) ? -1 : 1;
  return (a, b) => {
    const ta = rankTier(a);
    const tb = rankTier(b);
    if (ta !== tb) return ta - tb;
    const s = STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    const f = Number(fits(b)) - Number(fits(a));
    if (f !== 0) return f;
    if (ta === 2) {
      const d = worstMargin(b) - worstMargin(a);
      if (d !== 0 && !Number.isNaN(d)) return d;
    }
    if (s !== 0) return s;
    // an estimate outranks a bound: the bound only says "not ruled out"
    const basis = (a.scoreBasis === 'estimate' ? 0 : 1) - (b.scoreBasis === 'estimate' ? 0 : 1);
    if (basis !== 0) return basis;
    if (a.score !== b.score) {
      if (a.score === null) return 1;
      if (b.score === null) return -1;
      return sign * (a.score - b.score);
    }
    if (a.variation.gpus !== b.variation.gpus) return a.variation.gpus - b.variation.gpus;
    const t = throughputPerGpu(b) - throughputPerGpu(a);
    if (t !== 0 && Number.isFinite(t)) return t;
    return compareLayouts(a.variation.layout, b.variation.layout);
  };
}

export function best(candidates: readonly Candidate[], objective: Objective): Candidate | null {
  let top: Candidate | null = null;
  const cmp = compareCandidates(objective);
  for (const c of candidates) if (top === null || cmp(c, top) < 0) top = c;
  return top;
}

/**
 * A candidate's worst known requirement margin (how far its tightest requirement falls short); -Infinity
 * when none is known. For a layout that does not fit, only memory counts: how far it is from fitting.
 */
export function worstMargin(c: Candidate): number {
  let worst = Infinity;
  const counted = fits(c) ? c.requirements : c.requirements.filter((r) => r.id === 'memory.fits');
  for (const r of counted) if (r.margin !== null) worst = Math.min(worst, r.margin);
  return worst === Infinity ? -Infinity : worst;
}

/**
 * For when nothing passes: the candidates closest to passing first (smallest shortfall on their worst
 * requirement), every layout that fits before any that does not.
 */
export function compareByShortfall(objective: Objective): (a: Candidate, b: Candidate) => number {
  const byObjective = compareCandidates(objective);
  return (a, b) => {
    const fa = a.failing.length === 0 ? 0 : 1;
    const fb = b.failing.length === 0 ? 0 : 1;
    if (fa !== fb) return fa - fb;
    const f = Number(fits(b)) - Number(fits(a));
    if (f !== 0) return f;
    const d = worstMargin(b) - worstMargin(a);
    return d !== 0 && !Number.isNaN(d) ? d : byObjective(a, b);
  };
}
