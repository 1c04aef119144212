// Figures of candidates in words, shared by the text and markdown renderers: an estimate as is,
// a bound marked with ≤ / ≥ so that it never reads as a prediction.
import { formatPercent, formatQuantity, NOT_COMPUTABLE } from '../report/format.js';
import { layoutWithKeys } from './candidate.js';
import { disaggText, mixText } from './disagg-candidate.js';
import { fits } from './rank.js';
import type { LayoutChoice } from './rules.js';
import {
  type Candidate,
  type CarriedPlacement,
  type DisaggChoice,
  MET_FROM_BELOW,
  type Objective,
  type PercentileFigure,
  type RequirementMargin,
  requirementKeyOf,
  type SearchPart,
  type SuggestResult,
  type Variation,
} from './types.js';
import { metricLabel } from '../report/summary.js';
import { countOf } from '../core/figures.js';

export const OBJECTIVE_TEXT: Record<Objective, string> = {
  'throughput-per-gpu': 'throughput per device (higher first)',
  ttft: 'time to first token (lower first)',
  tpot: 'time per output token (lower first)',
  gpus: 'fewest devices',
};

/** A status in a table cell; prose says more (verdictText, whyOpen). */
export const STATUS_TEXT: Record<Candidate['status'], string> = { pass: 'passes', possible: 'not ruled out', fail: 'fails' };

/**
 * A candidate's status in a table cell, agreeing with verdictText beside it: one that meets every
 * requirement on its estimates but warns is "at risk" or "warns", never "passes".
 */
export function statusText(c: Candidate): string {
  if (c.status !== 'pass') return STATUS_TEXT[c.status];
  const { atRisk, other, groups } = warningGroups(c);
  if (groups.length === 0) return STATUS_TEXT.pass;
  return groups.length === 1 && atRisk.length > 0 && other.length === 0 ? 'at risk' : 'warns';
}

/** A candidate's verdict as `verify` gives it (its claims left out): a failing check fails it, a warning or an unverified check warns. */
export function candidateVerdict(c: Candidate): 'pass' | 'warn' | 'fail' {
  if (c.failing.length > 0) return 'fail';
  return hasWarnings(c) ? 'warn' : 'pass';
}

/** What keeps a candidate from a plain pass, in verify's words: "likely missed: ...", "at risk: ...", "unverified: ... (missing ...)", "warnings: ...". */
function warningGroups(c: Candidate): { atRisk: string[]; other: string[]; groups: string[] } {
  const atRisk: string[] = [];
  const likelyMissed: string[] = [];
  const other: string[] = [];
  for (const id of c.warnings) {
    const r = c.requirements.find((x) => x.id === id);
    if (!r || id === 'memory.fits' || r.basis !== 'estimate' || r.margin === null) other.push(id);
    else (r.margin < 0 ? likelyMissed : atRisk).push(id);
  }
  const groups = [
    likelyMissed.length > 0 ? `likely missed: ${likelyMissed.join(', ')}` : '',
    atRisk.length > 0 ? `at risk: ${atRisk.join(', ')}` : '',
    c.unverified.length > 0 ? `unverified: ${c.unverified.join(', ')}${c.missing.length > 0 ? ` (missing ${c.missing.join(', ')})` : ''}` : '',
    other.length > 0 ? `warnings: ${other.join(', ')}` : '',
  ].filter(Boolean);
  return { atRisk, other, groups };
}

/** Whether verify would warn about a candidate (warningsText is not ''), without the words: cheap enough for a whole search. */
export function hasWarnings(c: Pick<Candidate, 'warnings' | 'unverified'>): boolean {
  return c.warnings.length > 0 || c.unverified.length > 0;
}

/** The warnings of a candidate that passes (a requirement at risk, a pool's balance), to follow "passes": '' for none. */
export function warningsText(c: Candidate): string {
  return warningGroups(c).groups.join('; ');
}

/**
 * The heading over listed layouts that meet every requirement on the estimates: "that pass" only
 * when none of them is at risk or warns, as verify would say.
 */
export function passingHeading(kind: string, listed: readonly Candidate[]): string {
  return listed.some(hasWarnings) ? `Best ${kind}s that meet every requirement on the estimates (some at risk or with warnings)` : `Best ${kind}s that pass`;
}

/**
 * The verdict in words, with what decides it, as `verify` words its checks: "passes"; "is at risk:
 * requirements.ttft" (met on the estimate, not across its range); "warns (likely missed: ...; at risk:
 * ...; unverified: ... (missing ...); warnings: ...)"; "fails: memory.fits, ...".
 */
export function verdictText(c: Candidate): string {
  if (c.failing.length > 0) return `fails: ${c.failing.join(', ')}`;
  const { atRisk, other, groups } = warningGroups(c);
  if (groups.length === 0) return 'passes';
  if (groups.length === 1 && atRisk.length > 0) return `is at risk: ${atRisk.join(', ')}`;
  if (groups.length === 1 && other.length > 0) return `warns: ${other.join(', ')}`;
  return `warns (${groups.join('; ')})`;
}

/**
 * Why a candidate only stays open ('possible'): the checks that lack inputs (and the keys they miss),
 * else the requirements its estimate misses though its range does not rule them out, else a memory
 * figure that holds only with a memory flag the plan does not state.
 */
export function whyOpen(c: Candidate): string {
  if (c.unverified.length > 0) return `unverified: ${c.unverified.join(', ')}${c.missing.length > 0 ? ` (missing ${c.missing.join(', ')})` : ''}`;
  const missed = c.requirements.filter((r) => r.basis === 'estimate' && r.margin !== null && r.margin < 0).map((r) => r.id);
  if (missed.length > 0) return `its estimate misses ${missed.join(', ')}, which its range does not rule out`;
  const memory = c.requirements.find((r) => r.id === 'memory.fits' && r.status === 'warn');
  return memory ? 'memory.fits warns: it fits only with a memory flag the plan does not state' : 'a check warns';
}

/** An estimate, else its bound with the side it bounds ("≤ 46.1k tokens/s"), else "not computable". */
export function estimateOrBound(estimate: number | null, bound: number | null, unit: string, boundSide: '≤' | '≥'): string {
  if (estimate !== null) return formatQuantity(estimate, unit);
  if (bound !== null) return `${boundSide} ${formatQuantity(bound, unit)}`;
  return NOT_COMPUTABLE;
}

/** What a layout that does not fit shows for throughput: it serves nothing, whatever its bound says. */
export const DOES_NOT_FIT = 'does not fit';

/** A latency a candidate shows: the mean TTFT or TPOT, or a percentile that a requirement judges. */
export type LatencyFigure = 'ttft_ms' | 'tpot_ms' | PercentileFigure;

/** Every latency figure, in the order shown. */
const LATENCY_ORDER: readonly LatencyFigure[] = [
  'ttft_ms',
  'ttft_p50_ms',
  'ttft_p90_ms',
  'ttft_p99_ms',
  'tpot_ms',
  'tpot_p50_ms',
  'tpot_p90_ms',
  'tpot_p99_ms',
  'e2e_p99_ms',
];

/** The requirement judged on a latency figure: ttft_p99_ms is judged by requirements.ttft_p99. */
const requirementOf = (k: LatencyFigure): string => `requirements.${requirementKeyOf(k)}`;

/** The plan keys of every latency requirement, mean or percentile: ttft, ttft_p99, ..., e2e_p99. */
export const LATENCY_REQUIREMENTS: readonly string[] = LATENCY_ORDER.map(requirementKeyOf);

/** Whether a check judges a latency requirement (requirements.ttft, requirements.tpot_p90, ...). */
export const isLatencyRequirement = (id: string): boolean => LATENCY_ORDER.some((k) => requirementOf(k) === id);

/**
 * The latencies a candidate shows: the TTFT and TPOT figures its requirements judge ("TTFT p99" under
 * requirements.ttft_p99: beside the mean, a layout read "TTFT 1.23 s" and failed a 1.5 s p99 with no
 * visible reason), the mean where no requirement names that latency; the end-to-end p99 when required.
 */
function latencyFigures(c: Pick<Candidate, 'requirements'>): LatencyFigure[] {
  const judged = new Set(c.requirements.map((r) => r.id));
  const named = (k: LatencyFigure): boolean => judged.has(requirementOf(k));
  const group = (prefix: 'ttft' | 'tpot'): LatencyFigure[] => {
    const shown = LATENCY_ORDER.filter((k) => k.startsWith(`${prefix}_`) && named(k));
    return shown.length > 0 ? shown : [`${prefix}_ms`];
  };
  return [...group('ttft'), ...group('tpot'), ...(named('e2e_p99_ms') ? (['e2e_p99_ms'] as const) : [])];
}

/**
 * The latency columns of a table of candidates: each figure some row shows, and the mean TTFT or TPOT
 * when the list is ranked on it (`objective`) though no requirement names it.
 */
export function latencyColumns(cands: readonly Pick<Candidate, 'requirements'>[], objective?: Objective): LatencyFigure[] {
  const shown = new Set(cands.flatMap(latencyFigures));
  if (objective === 'ttft') shown.add('ttft_ms');
  if (objective === 'tpot') shown.add('tpot_ms');
  return LATENCY_ORDER.filter((k) => shown.has(k));
}

/** A latency figure of a candidate: its estimate, else its floor ("≥ 412 ms"); "—" for a layout that does not fit. */
export function latencyText(c: Candidate, k: LatencyFigure): string {
  if (!fits(c)) return '—';
  const f = c.figures;
  // every request's TTFT is at least the idle floor and its TPOT one sequence's step: the floors of the
  // means bound the percentiles too (core/judged.ts); the end-to-end floor is its check's
  const r = c.requirements.find((x) => x.id === requirementOf(k));
  const bound = k.startsWith('ttft') ? f.ttft_lower_bound_ms : k.startsWith('tpot') ? f.tpot_lower_bound_ms : r?.basis === 'bound' ? r.achieved : null;
  return estimateOrBound(f[k] ?? null, bound, 'ms', '≥');
}

export function figureTexts(c: Candidate): { throughput: string; perGpu: string; memory: string } {
  const f = c.figures;
  const gpus = c.variation.gpus;
  const memory = estimateOrBound(f.memory_per_gpu_gib, f.memory_per_gpu_lower_bound_gib, 'GiB', '≥');
  if (!fits(c)) return { throughput: DOES_NOT_FIT, perGpu: '—', memory };
  const perGpuBound = f.throughput_upper_bound_tokens_per_s === null ? null : f.throughput_upper_bound_tokens_per_s / gpus;
  return {
    throughput: estimateOrBound(f.throughput_tokens_per_s, f.throughput_upper_bound_tokens_per_s, 'tokens/s', '≤'),
    perGpu: estimateOrBound(f.throughput_per_gpu_tokens_per_s, perGpuBound, 'tokens/s', '≤'),
    memory,
  };
}

/** "TTFT p99 1.96 s · TPOT 38.1 ms": the latencies a candidate shows, labelled. */
export function latencyLine(c: Candidate, separator = ' · '): string {
  return latencyFigures(c)
    .map((k) => `${metricLabel(k)} ${latencyText(c, k)}`)
    .join(separator);
}

/** One line of a candidate's figures: throughput, TTFT, TPOT (as its requirements judge them) and memory; for a layout that does not fit, its memory alone. */
export function figuresLine(c: Candidate): string {
  const f = figureTexts(c);
  if (!fits(c)) return `${DOES_NOT_FIT}: memory/device ${f.memory}`;
  return `throughput ${f.throughput} (${f.perGpu} per device) · ${latencyLine(c)} · memory/device ${f.memory}`;
}

// memory.fits' margin is one longest request's headroom (the check's own judgement), not the
// memory/device column's load figure, which fills the KV pool whenever the load could: named apart
const SHORT_ID: Record<string, string> = {
  'memory.fits': 'fits',
  'requirements.throughput': 'throughput',
  'requirements.ttft': 'TTFT',
  'requirements.tpot': 'TPOT',
  'requirements.max_memory_utilization': 'memory use',
  'requirements.cost_per_million_tokens': 'cost per million tokens',
  'requirements.request_rate': 'request rate',
};

/** A check's short name in margins: "TTFT", "fits", "TTFT p99" (as the figure it judges is labelled). */
function shortId(id: string): string {
  const percentile = /^requirements\.((?:ttft|tpot|e2e)_p\d+)$/.exec(id);
  return SHORT_ID[id] ?? (percentile ? metricLabel(`${percentile[1]}_ms`) : id);
}

/** "throughput +12% · TTFT +80% · fits +41%" (margins as headroom; "(bound)" when only the bound is known). */
export function marginText(reqs: readonly RequirementMargin[]): string {
  if (reqs.length === 0) return 'no requirements';
  return reqs
    .map((r) => {
      const name = shortId(r.id);
      if (r.margin === null) return `${name} ${r.status === 'unverified' ? 'unverified' : NOT_COMPUTABLE}`;
      const sign = r.margin >= 0 ? '+' : '';
      return `${name} ${sign}${formatPercent(r.margin)}${r.basis === 'bound' ? ' (bound)' : ''}`;
    })
    .join(' · ');
}

/** A candidate's margins; for a layout that does not fit, only how far its memory is from fitting. */
export function candidateMargins(c: Candidate): string {
  if (fits(c)) return marginText(c.requirements);
  const memory = c.requirements.filter((r) => r.id === 'memory.fits');
  return memory.length > 0 ? marginText(memory) : DOES_NOT_FIT;
}

/** The plan's own layout's verdict in words, and verify's when its claims (left out of the layout's) change it. */
export function planVerdictText(r: Pick<SuggestResult, 'plan' | 'plan_verdict'>): string {
  const own = verdictText(r.plan);
  return candidateVerdict(r.plan) === r.plan_verdict ? own : `${own}; with its claims, verify says ${r.plan_verdict.toUpperCase()}`;
}

/** What the ranked list holds: "aggregated layout" when disaggregated mixes were verified beside it, else "layout". */
export function rankedKind(r: Pick<SuggestResult, 'disaggregated'>): string {
  return (r.disaggregated?.verified ?? 0) > 0 ? 'aggregated layout' : 'layout';
}

/** After an aggregated layout's bound that misses a requirement: the simulated disaggregated mixes miss it too ('' when none were). */
export function disaggMissClause(r: Pick<SuggestResult, 'disaggregated'>): string {
  return (r.disaggregated?.verified ?? 0) > 0 ? '; no disaggregated mix simulated on these devices reaches it either' : '';
}

/**
 * "3 pass"; where verify would still warn about some of them (a requirement at risk, a pool's balance),
 * "3 meet every requirement on the estimates (2 with warnings)": verify's pass has none, and "3 pass"
 * read wrong beside "the best warns". Said of the disaggregated mixes, each verified in full, and of the
 * aggregated layouts, whose count rests on the short screen (inFullText says so).
 */
function passingText(passing: number, warned = 0): string {
  return warned > 0 ? `${passing} ${meetEvery(passing, warned)}` : `${passing} pass`;
}

const meetEvery = (n: number, warned: number): string => `${n === 1 ? 'meets' : 'meet'} every requirement on the estimates (${warned} with warnings)`;

/** " (2 disaggregated mixes of 32 devices pass)", when some do: said wherever no aggregated layout passes. */
export function disaggPassClause(r: Pick<SuggestResult, 'disaggregated'>): string {
  const d = r.disaggregated;
  if (!d || d.passing === 0) return '';
  const mixes = `${countOf(d.passing, 'disaggregated mix', 'disaggregated mixes')} of ${countOf(d.gpus, 'device')}`;
  const verb = d.passing_with_warnings ? meetEvery(d.passing, d.passing_with_warnings) : d.passing === 1 ? 'passes' : 'pass';
  return ` (${mixes} ${verb})`;
}

/**
 * " (by the short screen; of the 5 verified in full, 1 passes, 4 with warnings)": what the aggregated
 * counts rest on. The screen verifies no layout in full, and "2338 pass" read as verify's word on each;
 * '' when every layout counted as passing or open was verified in full (the counts are verify's), or
 * when none is (a failure on the screen is one in full).
 */
function inFullText(s: SuggestResult['search']): string {
  const f = s.verified_in_full;
  if (f.passing === s.passing && f.possible === s.possible) return '';
  if (f.layouts === 0) return ' (by the short screen)';
  const clean = f.passing - f.passing_with_warnings;
  const failing = f.layouts - f.passing - f.possible;
  const parts = [
    `${clean} ${clean === 1 ? 'passes' : 'pass'}`,
    f.passing_with_warnings > 0 ? `${f.passing_with_warnings} with warnings` : '',
    f.possible > 0 ? `${f.possible} not ruled out` : '',
    failing > 0 ? `${failing} ${failing === 1 ? 'fails' : 'fail'}` : '',
  ].filter(Boolean);
  return ` (by the short screen; of the ${f.layouts} verified in full, ${parts.join(', ')})`;
}

/** What was searched and how much of it passes, both kinds: "11 device counts (1-32), 269 aggregated layouts: 0 pass, ...; 3 disaggregated mixes ...". */
export function searchSummary(r: Pick<SuggestResult, 'search' | 'disaggregated'>, dash = '-'): string {
  const s = r.search;
  const counts =
    s.stopped && s.stopped.gpu_counts_left > 0
      ? `${s.gpu_counts} of ${countOf(s.gpu_counts + s.stopped.gpu_counts_left, 'device count')} (${s.gpus_from}${dash}${s.gpus_to}) before the time limit`
      : `${countOf(s.gpu_counts, 'device count')} (${s.gpus_from === s.gpus_to ? s.gpus_to : `${s.gpus_from}${dash}${s.gpus_to}`})`;
  const aggregated = `${countOf(s.layouts, rankedKind(r))}: ${passingText(s.passing, s.passing_with_warnings)}, ${s.possible} not ruled out${inFullText(s)}`;
  const d = r.disaggregated;
  if (!d || d.verified === 0) return `${counts}, ${aggregated}`;
  return `${counts}, ${aggregated}; ${countOf(d.verified, 'disaggregated mix', 'disaggregated mixes')} of ${countOf(d.gpus, 'device')} simulated (of ${d.screened} screened): ${passingText(d.passing, d.passing_with_warnings)}, ${d.possible} not ruled out`;
}

/**
 * A candidate's layout in a table cell: a disaggregated one's mix ("2P1D", its pools in the prose above),
 * not its decode pool's layout; an aggregated one's with the placement keys it carries.
 */
export function layoutCell(c: Pick<Candidate, 'variation' | 'placement'>): string {
  const v = c.variation;
  return v.disaggregation ? mixText(v.disaggregation) : layoutWithKeys(v.layout, c.placement);
}

/**
 * A candidate's layout in words: its pools when it is disaggregated; with the placement keys it carries
 * (SGLang's dense_tp, shared_expert_tp, lm_head_tp move memory: without them two candidates of one
 * layout read the same).
 */
export function placementText(layout: LayoutChoice, disaggregation: DisaggChoice | undefined, placement?: CarriedPlacement): string {
  return disaggregation ? disaggText(disaggregation, placement) : layoutWithKeys(layout, placement);
}

/** What a variation changes, for humans: "16 devices, tp=8 pp=1 dp=2, fp8 weights"; with the placement keys its candidate carries. */
export function variationText(v: Variation, placement?: CarriedPlacement): string {
  const parts = [countOf(v.gpus, 'device'), placementText(v.layout, v.disaggregation, placement)];
  if (v.weight_dtype) parts.push(`${v.weight_dtype} weights`);
  if (v.kv_cache_dtype) parts.push(`${v.kv_cache_dtype} KV cache`);
  if (v.concurrency !== undefined) parts.push(`concurrency ${v.concurrency}`);
  if (v.max_input_tokens !== undefined) parts.push(`max input ${v.max_input_tokens} tokens`);
  if (v.memory_fraction !== undefined) parts.push(`memory fraction ${v.memory_fraction}`);
  return parts.join(', ');
}

export function requiredText(id: string, value: number, unit: string): string {
  return `${shortId(id)} ${MET_FROM_BELOW.has(id) ? '≥' : '≤'} ${formatQuantity(value, unit)}`;
}

/** The parts of the search in words (a search the time limit stopped names the ones it did not finish). */
const SEARCH_PART_TEXT: Record<SearchPart, { doing: string; name: string }> = {
  layouts: { doing: 'screening the layouts of each device count', name: 'the layout screen' },
  ranking: { doing: 'verifying the listed layouts in full', name: 'the full verification of the list' },
  disaggregated: { doing: 'searching disaggregated layouts', name: 'the disaggregated search' },
  bounds: { doing: 'working out what no layout reaches', name: 'what no layout reaches' },
  'what-if': { doing: 'trying what would make the plan pass', name: 'what would make it pass' },
};

/**
 * A search the time limit stopped, in words ('' for one that ran to its end): it is not complete,
 * what it covers and which parts it did not finish, so that no partial answer reads as a whole one.
 */
export function stoppedText(r: Pick<SuggestResult, 'search'>): string {
  const st = r.search.stopped;
  if (!st) return '';
  const parts = st.not_finished.map((p) => SEARCH_PART_TEXT[p].name).join(', ');
  return `The search stopped at its time limit (${st.limit_s} s) while ${SEARCH_PART_TEXT[st.during].doing}: it is not complete. Every count and list covers only the layouts searched before the limit; not finished: ${parts}.`;
}

/** Whether the time limit stopped the layout screen: the aggregated counts and list then cover only the layouts screened. */
export function screenStopped(r: Pick<SuggestResult, 'search'>): boolean {
  return r.search.stopped?.not_finished.includes('layouts') ?? false;
}

/** ' searched before the time limit' after "No layout" when the limit stopped the layout screen ('' otherwise). */
export function searchedClause(r: Pick<SuggestResult, 'search'>): string {
  return screenStopped(r) ? ' searched before the time limit' : '';
}
