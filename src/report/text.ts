// The terminal report. Errors read as `file:line: path: message`, the form editors jump to.
import type { Check, PlanError, PlanReport, Report } from '../core/types.js';
import { blockedBy } from '../core/withheld.js';
import { escapeTerminal } from './escape.js';
import { formatQuantity } from './format.js';
import { stalledDecodeNote, starvedDecodeNote } from './performance-table.js';
import { lockstepNote, widerReasons, withRange } from './ranges.js';
import { checkCounts, checksByUrgency, kvCapacityUnit, planCounts, poolSuffix, unnamedMissing, worstFirst } from './summary.js';

const STATUS_LABEL = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', unverified: 'UNVERIFIED', error: 'ERROR' } as const;

function checkLine(check: Check): string {
  const hasValue = check.value !== undefined;
  const hasLimit = check.limit !== undefined;
  let figures = '';
  if (hasValue && hasLimit) {
    const value = formatQuantity(check.value, check.unit);
    const limit = formatQuantity(check.limit, check.unit);
    figures = ` (${value} vs ${limit})`;
  } else if (hasValue) figures = ` (${formatQuantity(check.value, check.unit)})`;
  const unnamed = unnamedMissing(check);
  const missing = unnamed.length ? ` [missing: ${unnamed.join(', ')}]` : '';
  const where = check.line !== undefined ? ` [line ${check.line}]` : '';
  return `  ${STATUS_LABEL[check.status]} ${check.id}: ${check.detail}${figures}${missing}${where}`;
}

/** `file:line: path: message`; the parts that are unknown are left out. */
export function errorLine(file: string, error: PlanError): string {
  const location = error.line !== undefined ? `${file}:${error.line}` : file;
  // Loader messages already lead with their key; do not say it twice.
  const path = error.path && !error.message.startsWith(`${error.path}`) && !error.message.startsWith(`${error.path.split('.')[0]}.`) ? `${error.path}: ` : '';
  return `${location}: ${path}${error.message}`;
}

function keyMetrics(plan: PlanReport): string {
  const m = plan.metrics;
  if (!m) return '';
  // each estimate with its range, as the markdown report shows it: "TTFT 45.2 ms (34–71)"
  const shown = (key: string, unit: string): string => withRange(formatQuantity(m[key] ?? null, unit), plan, key, m[key] ?? null);
  const figures = [
    // a disaggregated plan's memory is one pool's device, its KV cache one decode replica's: say whose
    ['memory/GPU', `${formatQuantity(m.memory_per_gpu_gib, 'GiB')}${poolSuffix(m, 'memory_per_gpu_gib')}`],
    ['TTFT', shown('ttft_ms', 'ms')],
    ['TPOT', shown('tpot_ms', 'ms')],
    // a disaggregated plan's decode step is the decode pool's alone, at the plan's concurrency (the contract);
    // an open loop that states no batch has it at the batch its decode workers ran
    [decodeStepLabel(plan), shown('decode_step_ms', 'ms')],
    ['throughput', shown('throughput_tokens_per_s', 'tokens/s')],
    ['KV cache capacity', `${formatQuantity(m.kv_cache_capacity_tokens, 'tokens')}${poolSuffix(m, 'kv_cache_capacity_tokens')}${kvCapacityUnit(plan)}`],
    // cost and energy only when the plan prices or powers its devices
    ...(typeof m.cost_per_million_tokens === 'number' ? [['cost', `${shown('cost_per_million_tokens', 'USD')} per million tokens`]] : []),
    ...(typeof m.tokens_per_joule === 'number' ? [['energy', shown('tokens_per_joule', 'tokens/J')]] : []),
  ];
  // a deployment no engine starts keeps its figures (its author fixes the layout from them), said to be the plan's as written
  const blocked = blockedBy(plan.checks);
  const asWritten = blocked ? `as written (${blocked.what}: ${blocked.because}): ` : '';
  return `  ${asWritten}${figures.map(([k, v]) => `${k} ${v}`).join(' · ')}`;
}

export function renderPlanText(plan: PlanReport): string {
  const lines = [`${STATUS_LABEL[plan.verdict]} ${plan.file}${plan.name !== plan.file ? ` (${plan.name})` : ''} — ${checkCounts(plan.checks)}`];
  for (const error of plan.errors) lines.push(errorLine(plan.file, error));
  const { attention, passing } = checksByUrgency(plan.checks);
  for (const check of [...attention, ...passing]) lines.push(checkLine(check));
  const metrics = keyMetrics(plan);
  if (metrics) lines.push(metrics);
  // the check lines show ranges ("range 0.196 to 4.19 s"): say once why they are wider than validated
  const wider = widerReasons(plan);
  if (wider.length > 0) lines.push(`  ranges wider than validated: ${wider.join('; ')}`);
  const lockstep = lockstepNote(plan);
  if (lockstep) lines.push(`  ${lockstep}`);
  // a disaggregated TPOT below its decode step: say why, as the markdown report does
  const starved = starvedDecodeNote(plan);
  if (starved) lines.push(`  ${starved}`);
  const stalled = stalledDecodeNote(plan);
  if (stalled) lines.push(`  ${stalled}`);
  return lines.map(escapeTerminal).join('\n');
}

/** The summary line's name for the decode step: a disaggregated plan's is its decode pool's, alone or under the load. */
function decodeStepLabel(plan: PlanReport): string {
  if (!plan.metrics || !Object.hasOwn(plan.metrics, 'decode_mean_running_sequences')) return 'decode step';
  return plan.details?.disaggregation?.decode_step_at === 'load' ? 'decode step (decode pool under the load)' : 'decode step (pool alone)';
}

export function renderText(report: Report): string {
  // failing plans first, as in the markdown report
  const sections = worstFirst(report.plans).map(renderPlanText);
  sections.push(`${STATUS_LABEL[report.verdict]}: ${planCounts(report.plans)}`);
  return `${sections.join('\n\n')}\n`;
}
