// The markdown report: what the GitHub Action posts as a pull-request comment and job summary.
// Everything that comes from a plan goes through escape.ts; numbers through format.ts.
import { markdownTable } from 'markdown-table';
import type { Check, DeviceMemory, Metrics, PlanReport, Report, TimeFigure, Verdict } from '../core/types.js';
import { escapeCell, escapeMarkdown } from './escape.js';
import { formatQuantity, formatWithDelta, NOT_COMPUTABLE } from './format.js';
import { renderMemoryChart } from './memory-chart.js';
import { renderPoolsSection } from './pools.js';
import { checkCounts, checksByUrgency, metricUnit, planCounts, STATUS_EMOJI, unnamedMissing, VERDICT_EMOJI } from './summary.js';

export interface PlanMarkdownOptions {
  /** the plan's report on the base branch: figures show their change; null: the plan is new */
  base?: PlanReport | null;
  /** heading level of the plan's title (default 3) */
  headingLevel?: number;
}

export interface ReportMarkdownOptions {
  /** base-branch reports by plan file; null: the plan is new on this branch */
  bases?: Record<string, PlanReport | null>;
  title?: string;
}

const table = (rows: string[][]): string => markdownTable(rows, { alignDelimiters: false });

/** An identifier we generate (check ids, metric names) in a code span; anything odd is escaped instead. */
const code = (id: string): string => (/^[A-Za-z0-9_.\-]+$/.test(id) ? `\`${id}\`` : escapeMarkdown(id));

function verdictText(verdict: Verdict, base: PlanReport | null | undefined): string {
  if (base && base.verdict !== verdict) return `${base.verdict} → ${verdict}`;
  return verdict;
}

/** The first line of a report: emoji, verdict, counts. */
function verdictLine(report: Report, title: string): string {
  const single = report.plans.length === 1 ? report.plans[0] : undefined;
  const counts = single ? `1 plan, ${checkCounts(single.checks)}` : planCounts(report.plans);
  return `${VERDICT_EMOJI[report.verdict]} **${escapeMarkdown(title)}: ${report.verdict}** — ${counts}`;
}

function summaryTable(plans: readonly PlanReport[], bases: Record<string, PlanReport | null> | undefined): string {
  const metric = (p: PlanReport, key: keyof Metrics, unit: string, base: PlanReport | null | undefined) => {
    const text = formatWithDelta(p.metrics?.[key], unit, base ? (base.metrics?.[key] ?? null) : undefined);
    // memory that is not computable still has a floor when the core reports one (extension metric)
    const floor = key === 'memory_per_gpu_gib' ? p.metrics?.memory_per_gpu_lower_bound_gib : undefined;
    const withFloor = p.metrics?.[key] == null && typeof floor === 'number' && floor > 0 ? `${text} (≥ ${formatQuantity(floor, unit)})` : text;
    return escapeCell(withFloor);
  };
  const rows = plans.map((p) => {
    const base = bases?.[p.file];
    const name = `${escapeCell(p.name)}${p.name !== p.file ? `<br>${escapeCell(p.file)}` : ''}${base === null ? ' (new)' : ''}`;
    return [
      name,
      `${VERDICT_EMOJI[p.verdict]} ${verdictText(p.verdict, base)}`,
      metric(p, 'memory_per_gpu_gib', 'GiB', base),
      metric(p, 'ttft_ms', 'ms', base),
      metric(p, 'tpot_ms', 'ms', base),
      metric(p, 'throughput_tokens_per_s', 'tokens/s', base),
    ];
  });
  return table([['Plan', 'Verdict', 'Memory / GPU', 'TTFT', 'TPOT', 'Throughput'], ...rows]);
}

function checkRow(check: Check, base: PlanReport | null | undefined): string[] {
  const before = base?.checks.find((c) => c.id === check.id && c.unit === check.unit);
  const status = before && before.status !== check.status ? `${before.status} → ${check.status}` : check.status;
  const baseValue = base ? (before ? (before.value ?? null) : undefined) : undefined;
  const value = check.value === undefined ? '' : formatWithDelta(check.value, check.unit, baseValue);
  const limit = check.limit === undefined ? '' : formatQuantity(check.limit, check.unit);
  const where = check.line !== undefined ? ` (line ${check.line})` : '';
  const unnamed = unnamedMissing(check);
  const missing = unnamed.length ? ` Missing: ${unnamed.join(', ')}.` : '';
  return [
    `${STATUS_EMOJI[check.status]} ${status}`,
    `${escapeCell(check.title)}<br>${code(check.id)}`,
    escapeCell(value),
    escapeCell(limit),
    escapeCell(`${check.detail}${where}${missing}`),
  ];
}

function checksTable(checks: readonly Check[], base: PlanReport | null | undefined): string {
  return table([['Status', 'Check', 'Value', 'Limit', 'Detail'], ...checks.map((c) => checkRow(c, base))]);
}

function errorsList(plan: PlanReport): string {
  return plan.errors
    .map((e) => {
      const where = [e.line !== undefined ? `line ${e.line}` : '', e.path ? escapeMarkdown(e.path) : ''].filter(Boolean).join(', ');
      return `- ${where ? `**${where}**: ` : ''}${escapeMarkdown(e.message)}`;
    })
    .join('\n');
}

/** Devices from the details, or one row for the most loaded device from the metrics. */
function memoryDevices(plan: PlanReport): DeviceMemory[] {
  if (plan.details) return plan.details.devices;
  const m = plan.metrics;
  if (!m) return [];
  return [{
    stage: 0, layers: 0, weights_gib: m.weights_per_gpu_gib, kv_cache_gib: m.kv_cache_per_gpu_gib,
    activations_gib: m.activations_per_gpu_gib, overhead_gib: null, total_gib: m.memory_per_gpu_gib,
    total_floor_gib: m.weights_per_gpu_gib ?? 0, capacity_gib: null, usable_gib: null,
  }];
}

function memorySection(plan: PlanReport, base: PlanReport | null | undefined, h: string): string {
  const devices = memoryDevices(plan);
  if (devices.length === 0) return '';
  const baseDevices = base ? memoryDevices(base) : undefined;
  const cell = (d: DeviceMemory, key: keyof DeviceMemory) => {
    const before = baseDevices ? (baseDevices.find((b) => b.stage === d.stage)?.[key] ?? null) : undefined;
    return escapeCell(formatWithDelta(d[key], 'GiB', before));
  };
  // a total that is not computable still has a floor (its weights): say so
  const total = (d: DeviceMemory) =>
    d.total_gib === null && d.total_floor_gib > 0 ? escapeCell(`${NOT_COMPUTABLE} (≥ ${formatQuantity(d.total_floor_gib, 'GiB')})`) : cell(d, 'total_gib');
  const rows = devices.map((d) => [
    plan.details ? `${d.stage} (${d.layers} layers)` : 'most loaded',
    cell(d, 'weights_gib'), cell(d, 'kv_cache_gib'), cell(d, 'activations_gib'), cell(d, 'overhead_gib'),
    total(d), cell(d, 'usable_gib'), cell(d, 'capacity_gib'),
  ]);
  const header = ['Stage', 'Weights', 'KV cache', 'Activations', 'Overhead', 'Total', 'Usable', 'Capacity'];
  const chart = plan.details ? renderMemoryChart(devices) : '';
  return [`${h} Memory per device`, table([header, ...rows]), chart].filter(Boolean).join('\n\n');
}

type TimeKey = 'ttft_ms' | 'tpot_ms' | 'decode_step_ms' | 'throughput_tokens_per_s';
const TIME_ROWS: ReadonlyArray<[TimeKey, string, 'floor' | 'ceiling']> = [
  ['ttft_ms', 'TTFT (time to first token)', 'floor'],
  ['tpot_ms', 'TPOT (time per output token)', 'floor'],
  ['decode_step_ms', 'Decode step', 'floor'],
  ['throughput_tokens_per_s', 'Throughput (output, whole deployment)', 'ceiling'],
];

function timeFigures(plan: PlanReport): Record<TimeKey, TimeFigure> | null {
  if (plan.details) return plan.details.times;
  const m = plan.metrics;
  if (!m) return null;
  const fig = (estimate: number | null, unit: string, bound: number | null = null): TimeFigure => ({ estimate, bound, unit });
  return {
    ttft_ms: fig(m.ttft_ms, 'ms'),
    tpot_ms: fig(m.tpot_ms, 'ms'),
    decode_step_ms: fig(m.decode_step_ms, 'ms'),
    throughput_tokens_per_s: fig(m.throughput_tokens_per_s, 'tokens/s', m.throughput_upper_bound_tokens_per_s),
  };
}

function timesSection(plan: PlanReport, base: PlanReport | null | undefined, h: string): string {
  const figures = timeFigures(plan);
  if (!figures) return '';
  const baseFigures = base ? timeFigures(base) : undefined;
  const rows = TIME_ROWS.map(([key, label, kind]) => {
    const f = figures[key];
    const before = baseFigures === undefined ? undefined : (baseFigures?.[key].estimate ?? null);
    const bound = f.bound === null ? NOT_COMPUTABLE : `${kind === 'floor' ? '≥' : '≤'} ${formatQuantity(f.bound, f.unit)}`;
    return [label, escapeCell(formatWithDelta(f.estimate, f.unit, before)), escapeCell(bound)];
  });
  const notes: string[] = [];
  const times = plan.details?.times;
  if (times?.decode_bound_by) notes.push(`The decode step is bound by ${times.decode_bound_by}.`);
  if (times && times.pipeline_bubble_fraction !== null) notes.push(`Pipeline bubble: ${formatQuantity(times.pipeline_bubble_fraction, 'fraction')}.`);
  notes.push('Physical bound: the same formula with every efficiency at 1 (a floor for times, a ceiling for rates).');
  return [`${h} Time estimates`, table([['Figure', 'Estimate', 'Physical bound'], ...rows]), notes.join(' ')].join('\n\n');
}

function metricsSection(metrics: Metrics, base: PlanReport | null | undefined): string {
  const rows = Object.entries(metrics).map(([key, value]) => {
    const before = base ? (base.metrics?.[key] ?? null) : undefined;
    return [code(key), escapeCell(formatWithDelta(value, metricUnit(key), before))];
  });
  return `<details><summary>All metrics</summary>\n\n${table([['Metric', 'Value'], ...rows])}\n\n</details>`;
}

function assumptionsSection(plan: PlanReport): string {
  const assumptions = plan.details?.assumptions ?? [];
  if (assumptions.length === 0) return '';
  const items = assumptions.map((a) => `- ${escapeMarkdown(a.name)}: ${escapeMarkdown(a.value)} (${escapeMarkdown(a.source)})`);
  return `<details><summary>Assumptions (${assumptions.length})</summary>\n\n${items.join('\n')}\n\n</details>`;
}

/** One plan's section: verdict, problems first with their numbers, then memory, times, assumptions. */
export function renderPlanMarkdown(plan: PlanReport, opts: PlanMarkdownOptions = {}): string {
  const level = Math.min(Math.max(opts.headingLevel ?? 3, 1), 5);
  const h = '#'.repeat(level);
  const sub = '#'.repeat(level + 1);
  const base = opts.base;
  const parts: string[] = [];
  const newTag = base === null ? ' (new plan)' : '';
  parts.push(`${h} ${VERDICT_EMOJI[plan.verdict]} ${escapeMarkdown(plan.name)}: ${verdictText(plan.verdict, base)}${newTag}`);
  parts.push(`File: ${escapeMarkdown(plan.file)} · ${checkCounts(plan.checks)}`);
  if (plan.errors.length > 0) parts.push(`**${plan.verdict === 'error' ? 'Not a valid plan' : 'Errors'}**\n\n${errorsList(plan)}`);
  const { attention, passing } = checksByUrgency(plan.checks);
  if (attention.length > 0) parts.push(checksTable(attention, base));
  if (passing.length > 0) {
    parts.push(`<details><summary>${STATUS_EMOJI.pass} ${passing.length} passing check${passing.length === 1 ? '' : 's'}</summary>\n\n${checksTable(passing, base)}\n\n</details>`);
  }
  if (plan.verdict !== 'error') {
    // A disaggregated plan shows its pools side by side instead of one memory table.
    parts.push(plan.details?.disaggregation ? renderPoolsSection(plan, sub) : memorySection(plan, base, sub));
    parts.push(timesSection(plan, base, sub));
    if (plan.metrics) parts.push(metricsSection(plan.metrics, base));
    parts.push(assumptionsSection(plan));
  }
  return parts.filter(Boolean).join('\n\n');
}

/** The whole report: verdict line first, a summary table when there are several plans, then each plan. */
export function renderReportMarkdown(report: Report, opts: ReportMarkdownOptions = {}): string {
  const parts = [verdictLine(report, opts.title ?? 'Parallel plan check')];
  if (report.plans.length === 0) parts.push('No plan files found.');
  if (report.plans.length > 1) parts.push(summaryTable(report.plans, opts.bases));
  for (const plan of report.plans) {
    const base = opts.bases ? opts.bases[plan.file] : undefined;
    parts.push(renderPlanMarkdown(plan, { base, headingLevel: 3 }));
  }
  return `${parts.join('\n\n')}\n`;
}
