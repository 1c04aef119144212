// What `suggest` returns: ranked layouts that meet the plan's requirements, the smallest change
// on each axis that would make a failing plan pass, and the physical bounds nothing can beat.
import type { Verdict } from '../core/types.js';
import type { LayoutChoice } from './rules.js';

export type Objective = 'throughput-per-gpu' | 'ttft' | 'tpot' | 'gpus';
export const OBJECTIVES: readonly Objective[] = ['throughput-per-gpu', 'ttft', 'tpot', 'gpus'];

/**
 * pass: no failing check, and memory and every requirement met by the estimate (with the reserve);
 * possible: nothing fails, but some check is unverified (missing inputs): the bounds do not rule it out;
 * fail: some check fails.
 */
export type CandidateStatus = 'pass' | 'possible' | 'fail';

/** How one requirement (or memory.fits) fares: positive margin is headroom, as a fraction of the requirement. */
export interface RequirementMargin {
  id: string;
  status: 'pass' | 'warn' | 'fail' | 'unverified';
  /** the requirement, in `unit` (memory.fits: usable GiB) */
  required: number | null;
  /** the estimate, or the bound when no estimate exists (see basis) */
  achieved: number | null;
  unit: string;
  /** (achieved - required) / required for rates, (required - achieved) / required for times and memory */
  margin: number | null;
  basis: 'estimate' | 'bound' | null;
  /** failed on the physical bound (physically impossible), whatever estimate the margin is read on */
  beyondBound?: boolean;
}

/** The figures of one candidate, as the core's real verification computed them (null: not computable). */
export interface CandidateFigures {
  throughput_tokens_per_s: number | null;
  throughput_upper_bound_tokens_per_s: number | null;
  throughput_per_gpu_tokens_per_s: number | null;
  ttft_ms: number | null;
  ttft_lower_bound_ms: number | null;
  tpot_ms: number | null;
  tpot_lower_bound_ms: number | null;
  memory_per_gpu_gib: number | null;
  memory_per_gpu_lower_bound_gib: number | null;
  kv_cache_capacity_tokens: number | null;
  /** the percentiles the plan's requirements name (requirements.ttft_p99 and the like), which they are
   *  judged on; present only for those (null: not computable) */
  ttft_p50_ms?: number | null;
  ttft_p90_ms?: number | null;
  ttft_p99_ms?: number | null;
  tpot_p50_ms?: number | null;
  tpot_p90_ms?: number | null;
  tpot_p99_ms?: number | null;
  e2e_p99_ms?: number | null;
  /** the physical request-rate ceiling (metrics.request_rate_upper_bound); present only when
   *  requirements.request_rate is judged (null: not computable) */
  request_rate_upper_bound?: number | null;
}

/** Requirements met from below: a throughput or request rate at least this high (the rest, times, memory and cost, at most). */
export const MET_FROM_BELOW: ReadonlySet<string> = new Set(['requirements.throughput', 'requirements.request_rate']);

/** The percentile figures a requirement of the same name is judged on (CandidateFigures). */
export const PERCENTILE_FIGURES = ['ttft_p50_ms', 'ttft_p90_ms', 'ttft_p99_ms', 'tpot_p50_ms', 'tpot_p90_ms', 'tpot_p99_ms', 'e2e_p99_ms'] as const;
export type PercentileFigure = (typeof PERCENTILE_FIGURES)[number];

/** The plan key of the requirement judged on a latency figure: ttft_p99_ms is judged by requirements.ttft_p99. */
export const requirementKeyOf = (figure: string): string => figure.slice(0, -'_ms'.length);

/** One pool of a disaggregated candidate: its workers, devices per worker and one worker's layout. */
export interface PoolChoice {
  workers: number;
  gpus: number;
  layout: LayoutChoice;
}

/** A disaggregated candidate's two pools. */
export interface DisaggChoice {
  prefill: PoolChoice;
  decode: PoolChoice;
}

/** SGLang's placement keys a candidate plan carries (parallelism.dense_tp, shared_expert_tp, lm_head_tp). */
export type PlacementKeys = Partial<Record<'dense_tp' | 'shared_expert_tp' | 'lm_head_tp', number>>;

/**
 * The placement keys a candidate's plan carries: the plan's, as candidate.ts adapts them to its layout
 * (an aggregated candidate's at the top level, a disaggregated one's by pool). They move memory
 * without changing the layout's sizes: two candidates of one layout may differ by them.
 */
export interface CarriedPlacement extends PlacementKeys {
  prefill?: PlacementKeys;
  decode?: PlacementKeys;
}

/** What a candidate changes relative to the plan (absent: as in the plan). */
export interface Variation {
  gpus: number;
  layout: LayoutChoice;
  /** prefill and decode pools instead of one layout (then `layout` repeats the decode pool's) */
  disaggregation?: DisaggChoice;
  weight_dtype?: 'fp8';
  kv_cache_dtype?: 'fp8';
  concurrency?: number;
  /** max_input_tokens (the max context less max_output_tokens) */
  max_input_tokens?: number;
  /** workload.memory_fraction: the engine's memory flag in its own meaning */
  memory_fraction?: number;
}

export interface Candidate {
  variation: Variation;
  /** the placement keys its plan carries; absent when it carries none */
  placement?: CarriedPlacement;
  status: CandidateStatus;
  figures: CandidateFigures;
  requirements: RequirementMargin[];
  /** ids of failing checks */
  failing: string[];
  /** ids of checks that warn (a requirement at risk or likely missed, a stage imbalance, ...) */
  warnings: string[];
  /** ids of unverified checks, with the keys their estimates miss */
  unverified: string[];
  missing: string[];
  /** the objective's value (null: not computable even from the bounds) */
  score: number | null;
  /** whether the score is the estimate or only the physical bound */
  scoreBasis: 'estimate' | 'bound' | null;
  /** the score's range (metrics.ranges, scaled as the score), when the score is an estimate that has one */
  scoreRange: [number, number] | null;
}

export type Axis = 'gpus' | 'layout' | 'fp8-weights' | 'fp8-kv-cache' | 'concurrency' | 'max-context' | 'memory-fraction';

export interface AxisSuggestion {
  axis: Axis;
  /** what was tried, in words (e.g. "model.weight_dtype: fp8") */
  change: string;
  /** found: a passing candidate; possible: only one the bounds do not rule out; none: nothing; not-applicable: axis does not apply */
  outcome: 'found' | 'possible' | 'none' | 'not-applicable';
  candidate: Candidate | null;
  detail: string;
}

/** A requirement that no layout of the plan's devices can meet, by the physical bound. */
export interface Impossibility {
  id: string;
  required: number;
  unit: string;
  /** the best bound over every layout of the plan's devices */
  best_bound: number;
  best_layout: LayoutChoice;
  /** the placement keys that layout's candidate carries, when any */
  best_placement?: CarriedPlacement;
  /** which physical resource sets that bound, in words */
  reason: string;
  /** smallest device count (up to the scan limit) where some layout's bound reaches the requirement, or null */
  smallest_gpus: number | null;
  smallest_layout: LayoutChoice | null;
  /** the placement keys that layout's candidate carries, when any */
  smallest_placement?: CarriedPlacement;
  smallest_bound: number | null;
  /** device counts scanned for smallest_gpus */
  scanned_up_to: number;
}

/** A requirement that no layout of the plan's devices meets on the estimates, though the bound allows it. */
export interface Shortfall {
  id: string;
  required: number;
  unit: string;
  /** the best estimate over every layout of the plan's devices (aggregated or disaggregated, the plan's own included) */
  best_estimate: number;
  /** its layout (of a disaggregated one: the decode pool's, as Variation.layout) */
  best_layout: LayoutChoice;
  /** its pools, when the best is disaggregated */
  best_disaggregation?: DisaggChoice;
  /** the placement keys its candidate carries, when any */
  best_placement?: CarriedPlacement;
}

export interface SuggestOptions {
  objective: Objective;
  top: number;
  /** search device counts up to this (default: the plan's count for the ranking) */
  maxGpus?: number;
  allowCrossNodeTp: boolean;
  allowCp: boolean;
  /** search every device count, not only whole nodes beyond one node */
  anyGpuCount: boolean;
  /** stop the search after this many ms and say so (search.stopped); absent: no limit. The plan's own
   *  layout is verified whatever the limit */
  timeLimitMs?: number;
}

/** The parts of the search, in the order they run. */
export type SearchPart = 'layouts' | 'ranking' | 'disaggregated' | 'bounds' | 'what-if';

/** Why a search stopped before its end: what it holds covers only what was searched before. */
export interface SearchStop {
  reason: 'time-limit';
  /** the limit, in seconds */
  limit_s: number;
  /** the part it was in when the limit passed */
  during: SearchPart;
  /** that part and every later one: their results are partial (the part it stopped in) or absent */
  not_finished: SearchPart[];
  /** device counts in the range (gpus_from to gpus_to) that were not screened: gpu_counts counts those that were */
  gpu_counts_left: number;
}

export interface SuggestResult {
  file: string;
  name: string;
  objective: Objective;
  plan_gpus: number;
  /** the plan as written, with its claims: the verifier's verdict */
  plan_verdict: Verdict;
  /** the plan's own layout judged as a suggestion would be (claims left out) */
  plan: Candidate;
  /** best layouts by the objective: passing ones; when none passes, the possible ones; when none is possible, the closest to passing (status fail) */
  top: Candidate[];
  /** the ranked search: device counts and layouts searched, how many pass or stay open; `verified` counts every
   *  verification run, the what-if axes' included. `passing` and `possible` rest on the short screen, save for
   *  the layouts verified in full (`verified_in_full`), counted as that found */
  search: {
    gpus_from: number;
    gpus_to: number;
    gpu_counts: number;
    layouts: number;
    verified: number;
    passing: number;
    possible: number;
    /** of the passing, how many verify would still warn about (a requirement at risk, ...); absent: none */
    passing_with_warnings?: number;
    /** the layouts that the list's ranking verified again in full, as that verification judged them */
    verified_in_full: VerifiedInFull;
    /** present when the search stopped before its end (the time limit): every count and list covers only
     *  the layouts searched before it, and the parts not finished are partial or empty */
    stopped?: SearchStop;
  };
  what_if: AxisSuggestion[];
  impossible: Impossibility[];
  /** requirements no layout of the plan's devices meets on the estimates (the bounds allow them) */
  unmet: Shortfall[];
  /** rules and assumptions worth saying */
  notes: string[];
  /** disaggregated layouts of the plan's devices beside the aggregated ones (disagg-search.ts) */
  disaggregated?: DisaggSearch;
}

/** How the layouts verified in full fared: passing (with warnings among them), possible; the rest fail. */
export interface VerifiedInFull {
  layouts: number;
  passing: number;
  passing_with_warnings: number;
  possible: number;
}

/** The disaggregated side of the search: prefill and decode layouts and worker ratios on the plan's devices. */
export interface DisaggSearch {
  gpus: number;
  /** verified disaggregated candidates, best first */
  top: Candidate[];
  /** the best aggregated layout of the same devices */
  best_aggregated: Candidate | null;
  /** which kind wins on the objective, by how much (the better score over the other, > 1), in words */
  winner: 'aggregated' | 'disaggregated' | 'tie' | null;
  advantage: number | null;
  detail: string;
  /** the plan is aggregated and misses its TTFT or TPOT requirement; this disaggregated layout of the same devices passes */
  rescue: Candidate | null;
  /** worker layouts profiled, pool mixes screened, candidates verified by the two-pool simulation */
  profiled: number;
  screened: number;
  verified: number;
  /** of the verified: how many pass, how many are not ruled out */
  passing: number;
  possible: number;
  /** of the passing, how many verify would still warn about (a requirement at risk, a pool's balance); absent: none */
  passing_with_warnings?: number;
}
