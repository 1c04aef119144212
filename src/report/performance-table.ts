// The plan's performance, cost and energy figures with their physical bounds: one row per figure,
// the estimate (with its range and its change against the base) beside the bound.
// Figures the core does not compute for this plan (v1.1 metrics on an older core, percentiles no
// requirement names, cost without a price) are left out rather than shown empty.
import { markdownTable } from 'markdown-table';
import type { Metrics, PlanReport } from '../core/types.js';
import { blockedBy } from '../core/withheld.js';
import { withChange } from './changes.js';
import { escapeCell, escapeMarkdown } from './escape.js';
import { formatCount, formatQuantity, NOT_COMPUTABLE } from './format.js';
import { hasRanges, lockstepNote, widerReasons, withRange } from './ranges.js';
import { metricUnit } from './summary.js';

interface Row {
  key: string;
  label: string;
  /** metric holding the physical bound, and which side it bounds */
  bound: string | null;
  kind: 'floor' | 'ceiling';
}

const has = (m: Metrics, key: string): boolean => Object.hasOwn(m, key);
/** A disaggregated plan's metrics: its decode step is the decode pool's alone (the contract), its TPOT the pool's batch under the load. */
const disaggregated = (m: Metrics): boolean => has(m, 'decode_mean_running_sequences');

/** A mean count of sequences in whole ones: "49 sequences", "about 50 sequences" (not 49.54), "fewer than one sequence". */
function meanSequences(mean: number): string {
  if (mean < 0.5) return 'fewer than one sequence';
  const whole = Math.round(mean);
  return `${Number.isInteger(mean) ? '' : 'about '}${formatCount(whole)} ${whole === 1 ? 'sequence' : 'sequences'}`;
}

/**
 * Where fewer requests decode than the plan keeps in flight, TPOT (at the batch that ran) reads below
 * the decode step (the pool alone, every request decoding): say so, and why — the prefill pool in a
 * closed loop, the arrivals in an open one. An open loop that states no batch has its step at the batch
 * its decode workers ran (details.disaggregation.decode_step_at 'load'): nothing to explain.
 */
export function starvedDecodeNote(plan: Pick<PlanReport, 'metrics' | 'details'>): string | null {
  const m = plan.metrics;
  if (!m) return null;
  const mean = m.decode_mean_running_sequences;
  const workers = m.decode_workers;
  const inFlight = m.max_running_sequences;
  if (typeof mean !== 'number' || typeof workers !== 'number' || typeof inFlight !== 'number' || mean * workers >= 0.9 * inFlight) return null;
  if (plan.details?.disaggregation?.decode_step_at === 'load') return null;
  const why = plan.details?.times.load?.kind === 'open' ? 'as many as the arrivals keep decoding' : 'fed no faster by the prefill pool';
  return `The decode pool ran ${meanSequences(mean)} per worker on average, ${why}: TPOT is at that batch, the decode step at ${formatQuantity(inFlight, 'sequences')} in flight (the decode pool alone).`;
}
/** TPOT this far above the decode step is worth a word: it is no typo of the estimate. */
const STALLED_TPOT_RATIO = 1.5;

/**
 * Where an aggregated plan's TPOT reads well above its decode step, say why: a decoding sequence also
 * waits for the passes that carry prompts, which the decode step (decodes only) leaves out; under
 * pipeline parallelism a prompt's micro-batch holds each stage in turn while the other in-flight
 * batches wait behind it (vLLM schedules each in-flight batch with its own requests).
 */
export function stalledDecodeNote(plan: PlanReport): string | null {
  const m = plan.metrics;
  if (!m || disaggregated(m)) return null;
  const tpot = m.tpot_ms;
  const step = m.decode_step_ms;
  if (typeof tpot !== 'number' || typeof step !== 'number' || step <= 0 || tpot < STALLED_TPOT_RATIO * step) return null;
  const stages = plan.details?.devices.length ?? 1;
  const pipeline =
    stages > 1 ? `; with ${stages} pipeline stages a prompt's micro-batch holds each stage in turn while the other in-flight batches wait behind it` : '';
  return `TPOT is ${(tpot / step).toFixed(1)}x the decode step: a decoding sequence also waits for the passes that carry prompts, which the decode step (decodes only) leaves out${pipeline}.`;
}
const computed = (m: Metrics, key: string): boolean => typeof m[key] === 'number';

/** The rows this plan's metrics call for, in reading order. */
export function performanceRows(plan: PlanReport): Row[] {
  const m = plan.metrics;
  if (!m) return [];
  const named = (metric: string) => plan.checks.some((c) => c.id === `requirements.${metric.replace(/_ms$/, '')}`);
  const underLoad = has(m, 'ttft_idle_ms');
  const rows: Row[] = [{ key: 'ttft_ms', label: underLoad ? 'TTFT under load' : 'TTFT (time to first token)', bound: 'ttft_lower_bound_ms', kind: 'floor' }];
  if (underLoad) rows.push({ key: 'ttft_idle_ms', label: 'TTFT on an idle deployment', bound: 'ttft_lower_bound_ms', kind: 'floor' });
  const percentiles = Object.keys(m).filter((k) => /^(ttft|tpot|e2e)_p\d+_ms$/.test(k) && named(k));
  for (const key of percentiles.filter((k) => k.startsWith('ttft')))
    rows.push({ key, label: `TTFT ${key.split('_')[1]}`, bound: 'ttft_lower_bound_ms', kind: 'floor' });
  rows.push({ key: 'tpot_ms', label: 'TPOT (time per output token)', bound: 'tpot_lower_bound_ms', kind: 'floor' });
  for (const key of percentiles.filter((k) => k.startsWith('tpot')))
    rows.push({ key, label: `TPOT ${key.split('_')[1]}`, bound: 'tpot_lower_bound_ms', kind: 'floor' });
  for (const key of percentiles.filter((k) => k.startsWith('e2e')))
    rows.push({ key, label: `End to end ${key.split('_')[1]}`, bound: 'e2e_p99_lower_bound_ms', kind: 'floor' });
  rows.push({
    key: 'decode_step_ms',
    label: !disaggregated(m)
      ? 'Decode step'
      : plan.details?.disaggregation?.decode_step_at === 'load'
        ? 'Decode step (decode pool, the mean of its steps under the load)'
        : "Decode step (decode pool alone, at the plan's concurrency)",
    bound: 'decode_step_lower_bound_ms',
    kind: 'floor',
  });
  rows.push({ key: 'throughput_tokens_per_s', label: 'Throughput (output, whole deployment)', bound: 'throughput_upper_bound_tokens_per_s', kind: 'ceiling' });
  if (computed(m, 'max_request_rate') || named('request_rate'))
    rows.push({ key: 'max_request_rate', label: 'Max request rate (every latency requirement met)', bound: 'request_rate_upper_bound', kind: 'ceiling' });
  if (computed(m, 'cost_per_million_tokens') || named('cost_per_million_tokens')) {
    rows.push({ key: 'cost_per_million_tokens', label: 'Cost per million output tokens', bound: 'cost_per_million_tokens_lower_bound', kind: 'floor' });
  }
  if (computed(m, 'tokens_per_joule'))
    rows.push({ key: 'tokens_per_joule', label: 'Output tokens per joule', bound: 'tokens_per_joule_upper_bound', kind: 'ceiling' });
  return rows;
}

/** The table and the notes on what limits the figures. */
export function performanceSection(plan: PlanReport, base: PlanReport | null | undefined, heading: string, minChange?: number): string {
  const m = plan.metrics;
  if (!m) return '';
  // a new plan (base null) has nothing to compare with
  const baseMetrics = base ? base.metrics : undefined;
  const rows = performanceRows(plan).map(({ key, label, bound, kind }) => {
    const unit = metricUnit(key);
    const estimate = withRange(formatQuantity(m[key], unit), plan, key, m[key]);
    const shown = baseMetrics === undefined ? estimate : withChange(estimate, key, m[key], baseMetrics?.[key] ?? null, minChange);
    // the bound from the metrics, else from the details' time figures (older reports)
    const timeFigure = (plan.details?.times as Record<string, { bound?: number | null } | undefined> | undefined)?.[key];
    const b = (bound !== null ? m[bound] : null) ?? timeFigure?.bound ?? null;
    const boundText = typeof b === 'number' ? `${kind === 'floor' ? '≥' : '≤'} ${formatQuantity(b, unit)}` : NOT_COMPUTABLE;
    return [label, escapeCell(shown), escapeCell(boundText)];
  });
  const notes: string[] = [];
  const times = plan.details?.times;
  if (times?.decode_bound_by) notes.push(`The decode step is bound by ${times.decode_bound_by}.`);
  const starved = starvedDecodeNote(plan);
  if (starved) notes.push(starved);
  const stalled = stalledDecodeNote(plan);
  if (stalled) notes.push(stalled);
  if (times && times.pipeline_bubble_fraction !== null) notes.push(`Pipeline bubble: ${formatQuantity(times.pipeline_bubble_fraction, 'fraction')}.`);
  // said only where a range is shown (none where not one request fits)
  if (typeof m.range_coverage === 'number' && hasRanges(plan))
    notes.push(
      `Ranges in brackets: how far this estimator has been from measured deployments (${formatQuantity(m.range_coverage, 'fraction')} of validated measurements fell inside their range).`,
    );
  const wider = widerReasons(plan);
  if (wider.length > 0) notes.push(`This plan's ranges are wider than validated: ${wider.map(escapeMarkdown).join('; ')}.`);
  const lockstep = lockstepNote(plan);
  if (lockstep) notes.push(`${escapeMarkdown(lockstep)}.`);
  notes.push('Physical bound: the same formula with every efficiency at 1 (a floor for times and cost, a ceiling for rates).');
  const table = markdownTable([['Figure', 'Estimate', 'Physical bound'], ...rows], { alignDelimiters: false });
  // a deployment no engine starts keeps its figures (its author fixes the layout from them): say whose they are, before them
  const blocked = blockedBy(plan.checks);
  const asWritten = blocked
    ? `${escapeMarkdown(blocked.what.charAt(0).toUpperCase() + blocked.what.slice(1))} (${escapeMarkdown(blocked.because)}): these are the figures of the plan as written, for fixing it; no requirement or claim passes on them.`
    : '';
  return [`${heading} Performance and cost`, asWritten, table, notes.join(' ')].filter(Boolean).join('\n\n');
}
