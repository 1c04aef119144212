// Runs the real verifier on a candidate and reads off what `suggest` needs: status, figures,
// margins on each requirement and the objective's score.
import { verifyLoadedPlan } from '../core/verify.js';
import type { Check, LoadedPlan, Metrics, PlanReport } from '../core/types.js';
import { carriedPlacement } from './candidate.js';
import { buildVariationPlan } from './disagg-candidate.js';
import {
  type Candidate,
  type CarriedPlacement,
  type CandidateFigures,
  type CandidateStatus,
  MET_FROM_BELOW,
  type Objective,
  PERCENTILE_FIGURES,
  requirementKeyOf,
  type RequirementMargin,
  type Variation,
} from './types.js';

/** Which bound metric stands in for each requirement's estimate when the estimate is not computable. */
const BOUND_METRIC: Record<string, keyof Metrics> = {
  'requirements.throughput': 'throughput_upper_bound_tokens_per_s',
  'requirements.ttft': 'ttft_lower_bound_ms',
  'requirements.tpot': 'tpot_lower_bound_ms',
  'memory.fits': 'memory_per_gpu_lower_bound_gib',
  'requirements.cost_per_million_tokens': 'cost_per_million_tokens_lower_bound',
};
const ESTIMATE_METRIC: Record<string, keyof Metrics> = {
  'requirements.throughput': 'throughput_tokens_per_s',
  'requirements.ttft': 'ttft_ms',
  'requirements.tpot': 'tpot_ms',
  'memory.fits': 'memory_per_gpu_gib',
  'requirements.cost_per_million_tokens': 'cost_per_million_tokens',
};

const isJudged = (c: Check): boolean => c.id === 'memory.fits' || c.id.startsWith('requirements.');

function margin(check: Check, metrics: Metrics | null): RequirementMargin {
  // memory.fits holds the need in `value` and the usable memory in `limit`; requirements the reverse.
  const isMemory = check.id === 'memory.fits';
  const required = (isMemory ? check.limit : check.value) ?? null;
  const estimateKey = ESTIMATE_METRIC[check.id];
  const boundKey = BOUND_METRIC[check.id];
  const estimate = estimateKey ? (metrics?.[estimateKey] ?? null) : null;
  const bound = boundKey ? (metrics?.[boundKey] ?? null) : null;
  // the utilization requirement judges what the engine holds from start-up, not memory_utilization
  // (what the sequences need): its check's limit is that estimate
  const held = check.id === 'requirements.max_memory_utilization' ? (check.limit ?? null) : null;
  // memory.fits judges one request of the longest stated length (its `value`); the load's own figure,
  // capped at the engine's KV pool, read "+0%" whenever the load could fill the pool, on a plan that fits
  const needed = isMemory ? (check.value ?? null) : null;
  let achieved: number | null = held ?? needed ?? estimate;
  let basis: RequirementMargin['basis'] = achieved === null ? null : (held !== null || needed !== null) && check.basis === 'bound' ? 'bound' : 'estimate';
  if (achieved === null && bound !== null) {
    achieved = bound;
    basis = 'bound';
  }
  // requirements without a metric of their own here (percentiles, request_rate): the check's limit is the
  // estimate or the bound, as its basis says
  if (achieved === null && !isMemory && check.limit != null) {
    achieved = check.limit;
    basis = check.basis ?? 'bound';
  }
  let m: number | null = null;
  if (required !== null && required !== 0 && achieved !== null) {
    m = MET_FROM_BELOW.has(check.id) ? (achieved - required) / required : (required - achieved) / required;
  }
  const beyondBound = check.status === 'fail' && check.basis === 'bound';
  return { id: check.id, status: check.status, required, achieved, unit: check.unit ?? '', margin: m, basis, ...(beyondBound ? { beyondBound } : {}) };
}

/** `judged`: the ids of the report's requirement checks, whose percentiles the figures carry. */
function figures(m: Metrics | null, gpus: number, judged: ReadonlySet<string>): CandidateFigures {
  const get = (k: keyof Metrics): number | null => m?.[k] ?? null;
  const tput = get('throughput_tokens_per_s');
  const f: CandidateFigures = {
    throughput_tokens_per_s: tput,
    throughput_upper_bound_tokens_per_s: get('throughput_upper_bound_tokens_per_s'),
    throughput_per_gpu_tokens_per_s: tput === null ? null : Math.round((tput / gpus) * 10) / 10,
    ttft_ms: get('ttft_ms'),
    ttft_lower_bound_ms: get('ttft_lower_bound_ms'),
    tpot_ms: get('tpot_ms'),
    tpot_lower_bound_ms: get('tpot_lower_bound_ms'),
    memory_per_gpu_gib: get('memory_per_gpu_gib'),
    memory_per_gpu_lower_bound_gib: get('memory_per_gpu_lower_bound_gib'),
    kv_cache_capacity_tokens: get('kv_cache_capacity_tokens'),
  };
  // a percentile requirement is judged on its percentile, not the mean: carry the figure it reads
  for (const k of PERCENTILE_FIGURES) if (judged.has(`requirements.${requirementKeyOf(k)}`)) f[k] = get(k);
  // a required request rate is out of reach where its ceiling is (reach.ts)
  if (judged.has('requirements.request_rate')) f.request_rate_upper_bound = get('request_rate_upper_bound');
  return f;
}

/** The objective's value for ranking: estimate where there is one, else the physical bound. */
export function score(objective: Objective, f: CandidateFigures, gpus: number): { score: number | null; basis: Candidate['scoreBasis'] } {
  const pick = (estimate: number | null, bound: number | null) =>
    estimate !== null
      ? { score: estimate, basis: 'estimate' as const }
      : bound !== null
        ? { score: bound, basis: 'bound' as const }
        : { score: null, basis: null };
  switch (objective) {
    case 'throughput-per-gpu': {
      const r = pick(f.throughput_tokens_per_s, f.throughput_upper_bound_tokens_per_s);
      return r.score === null ? r : { score: r.score / gpus, basis: r.basis };
    }
    case 'ttft':
      return pick(f.ttft_ms, f.ttft_lower_bound_ms);
    case 'tpot':
      return pick(f.tpot_ms, f.tpot_lower_bound_ms);
    case 'gpus':
      return { score: gpus, basis: 'estimate' };
  }
}

/** Which metric's range the objective's score follows (scaled as the score). */
const SCORE_METRIC: Record<Objective, string | null> = {
  'throughput-per-gpu': 'throughput_tokens_per_s',
  ttft: 'ttft_ms',
  tpot: 'tpot_ms',
  gpus: null,
};

function scoreRange(objective: Objective, report: PlanReport, basis: Candidate['scoreBasis'], gpus: number): [number, number] | null {
  const key = SCORE_METRIC[objective];
  const range = key && basis === 'estimate' ? report.ranges?.[key] : undefined;
  if (!range) return null;
  const scale = objective === 'throughput-per-gpu' ? 1 / gpus : 1;
  return [range[0] * scale, range[1] * scale];
}

/**
 * Status of a verified candidate. Warnings (stage balance, part-filled nodes) do not stop a
 * layout passing; an unverified check does: it says the plan lacks what would prove it.
 */
export function statusOf(report: PlanReport, requirements: readonly RequirementMargin[]): CandidateStatus {
  if (report.verdict === 'error' || report.checks.some((c) => c.status === 'fail')) return 'fail';
  if (report.checks.some((c) => c.status === 'unverified')) return 'possible';
  // memory.fits warns only when its figures assume a memory flag the plan does not state (the engine's
  // default leaves one request no room): that candidate needs the flag raised, so it is not proven.
  // A requirement that warns because its estimate misses (only the range's good end meets it) is not
  // met either; one met by the estimate but at risk is.
  const met = (r: RequirementMargin): boolean =>
    r.status === 'pass' || (r.status === 'warn' && r.id !== 'memory.fits' && !(r.basis === 'estimate' && r.margin !== null && r.margin < 0));
  return requirements.every(met) ? 'pass' : 'possible';
}

/** `placement`: the placement keys the candidate's plan carries (candidate.ts carriedPlacement). */
export function candidateFromReport(variation: Variation, report: PlanReport, objective: Objective, placement?: CarriedPlacement): Candidate {
  const f = figures(report.metrics, variation.gpus, new Set(report.checks.map((c) => c.id)));
  const s = score(objective, f, variation.gpus);
  const unverifiedChecks = report.checks.filter((c) => c.status === 'unverified');
  const requirements = report.checks.filter(isJudged).map((c) => margin(c, report.metrics));
  return {
    variation,
    ...(placement ? { placement } : {}),
    status: statusOf(report, requirements),
    figures: f,
    requirements,
    failing: report.checks.filter((c) => c.status === 'fail').map((c) => c.id),
    warnings: report.checks.filter((c) => c.status === 'warn').map((c) => c.id),
    unverified: unverifiedChecks.map((c) => c.id),
    missing: [...new Set(unverifiedChecks.flatMap((c) => c.missing ?? []))],
    score: s.score,
    scoreBasis: s.basis,
    scoreRange: scoreRange(objective, report, s.basis, variation.gpus),
  };
}

/**
 * Builds the candidate plan, verifies it with the core, and summarises the report. A search screens
 * candidates with the shorter steady state (`screen`); what it shows is verified again in full.
 */
export function evaluate(base: LoadedPlan, variation: Variation, objective: Objective, screen = false): { candidate: Candidate; report: PlanReport } {
  const loaded = buildVariationPlan(base, variation);
  const report = verifyLoadedPlan(loaded, { details: false, quick: screen });
  return { candidate: candidateFromReport(variation, report, objective, carriedPlacement(loaded.plan)), report };
}
