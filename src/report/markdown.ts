// The markdown report: what the GitHub Action posts as a pull-request comment and job summary,
// and what `verify --format markdown` prints. It opens with a headline a reviewer reads in five
// seconds (what fails and why, what changed and by how much), then a summary table, then a
// section per plan, failing plans first. Plan text goes through escape.ts; numbers through format.ts.
import { markdownTable } from 'markdown-table';
import type { DeviceMemory, PlanReport, Report, Verdict } from '../core/types.js';
import { MATERIAL_ROTARY_BYTES } from '../core/engine-memory.js';
import { GIB } from '../core/defaults.js';
import { DEFAULT_MIN_CHANGE_PERCENT, planChanged, withChange } from './changes.js';
import { checksTable, code, passingSection, unverifiedSection } from './check-table.js';
import { escapeCell, escapeHtml, escapeLine, escapeMarkdown, escapeName, withoutMath } from './escape.js';
import { formatQuantity, NOT_COMPUTABLE } from './format.js';
import { headlineLines, reasonShort } from './headline.js';
import { importedSection } from './imported.js';
import { renderMemoryChart } from './memory-chart.js';
import { renderPoolsSection } from './pools.js';
import { performanceSection } from './performance-table.js';
import { withRange } from './ranges.js';
import { checkCounts, kvCapacityUnit, metricUnit, planCounts, poolSuffix, VERDICT_EMOJI, worstFirst } from './summary.js';
import { countOf } from '../core/figures.js';

export interface PlanMarkdownOptions {
  /** the plan's report on the base branch: figures show their change; null: the plan is new */
  base?: PlanReport | null;
  /** heading level of the plan's title (default 3) */
  headingLevel?: number;
  /** percent below which a change is not shown (default 1) */
  minChange?: number;
  /** the plan's Alternatives (markdown from report/alternatives.ts), at the end of its section */
  alternatives?: string;
  /** its error verdict says it was never verified (a read refused or failed), not that it is invalid */
  unverified?: boolean;
}

export interface ReportMarkdownOptions {
  /** base-branch reports by plan file; null: the plan is new on this branch */
  bases?: Record<string, PlanReport | null>;
  title?: string;
  /** what the base is called in the headline ("main"); default "the base" */
  baseName?: string;
  /** percent below which a change is not reported (the action's min-change) */
  minChange?: number;
  /** Alternatives markdown by plan file */
  alternatives?: Record<string, string>;
  /**
   * What the run did not verify (the action: plans over its cap, reads refused, a listing cut
   * short): `sentence` opens the verdict line, before any count of what passed; `files` are plans
   * in the report whose error verdict means "not verified", not "not a valid plan".
   */
  unverified?: { sentence: string; files: ReadonlySet<string> };
}

const table = (rows: string[][]): string => markdownTable(rows, { alignDelimiters: false });

function verdictText(verdict: Verdict, base: PlanReport | null | undefined): string {
  if (base && base.verdict !== verdict) return `${base.verdict} → ${verdict}`;
  return verdict;
}

/** The first line of a report: emoji, verdict, counts. */
function verdictLine(report: Report, title: string, unverified?: ReportMarkdownOptions['unverified']): string {
  const start = `${VERDICT_EMOJI[report.verdict]} **${escapeMarkdown(title)}: ${report.verdict}** — `;
  // what was not verified comes first: a count of passing plans must not read as the run's result
  if (unverified) return `${start}${unverified.sentence}; verified: ${planCounts(report.plans.filter((p) => !unverified.files.has(p.file)))}`;
  const single = report.plans.length === 1 ? report.plans[0] : undefined;
  const counts = single ? `1 plan, ${checkCounts(single.checks)}` : planCounts(report.plans);
  return `${start}${counts}`;
}

/** A plan whose details say it states no hardware.cost_per_hour (cost.ts adds that assumption when it does). */
const unpriced = (p: PlanReport): boolean => p.details !== undefined && !p.details.assumptions.some((a) => a.name === 'hardware.cost_per_hour');

/** A key figure for the summary table: its value, range and change; memory not computable shows its floor. */
function summaryCell(p: PlanReport, key: string, base: PlanReport | null | undefined, minChange: number): string {
  const unit = metricUnit(key);
  const value = p.metrics?.[key];
  // a disaggregated plan's memory per GPU is one pool's most loaded device: say which
  let text = withRange(formatQuantity(value, unit), p, key, value) + poolSuffix(p.metrics, key);
  const floor = key === 'memory_per_gpu_gib' ? p.metrics?.memory_per_gpu_lower_bound_gib : undefined;
  if (value == null && typeof floor === 'number' && floor > 0) text = `${text} (≥ ${formatQuantity(floor, unit)})`;
  // a plan that states no price has no cost to compute: say so beside the priced plans of the table
  if (key === 'cost_per_million_tokens' && value == null && unpriced(p)) return escapeCell('no price (hardware.cost_per_hour)');
  // a new plan (base null) has nothing to compare with
  if (base) text = withChange(text, key, value, base.metrics?.[key] ?? null, minChange);
  return escapeCell(text);
}

function summaryTable(plans: readonly PlanReport[], bases: Record<string, PlanReport | null> | undefined, minChange: number): string {
  const withCost = plans.some((p) => typeof p.metrics?.cost_per_million_tokens === 'number');
  const keys = ['memory_per_gpu_gib', 'ttft_ms', 'tpot_ms', 'throughput_tokens_per_s', ...(withCost ? ['cost_per_million_tokens'] : [])];
  const rows = plans.map((p) => {
    const base = bases?.[p.file];
    const name = `${escapeName(p.name)}${p.name !== p.file ? `<br>${escapeName(p.file)}` : ''}${base === null ? ' (new)' : ''}`;
    return [name, `${VERDICT_EMOJI[p.verdict]} ${verdictText(p.verdict, base)}`, reasonShort(p), ...keys.map((k) => summaryCell(p, k, base, minChange))];
  });
  const header = ['Plan', 'Verdict', 'Why', 'Memory / GPU', 'TTFT', 'TPOT', 'Throughput', ...(withCost ? ['Cost / M tokens'] : [])];
  return table([header, ...rows]);
}

function errorsList(plan: PlanReport): string {
  return plan.errors
    .map((e) => {
      const where = [e.line !== undefined ? `line ${e.line}` : '', e.path ? escapeLine(e.path) : ''].filter(Boolean).join(', ');
      return `- ${where ? `**${where}**: ` : ''}${escapeMarkdown(e.message)}`;
    })
    .join('\n');
}

/** Devices from the details, or one row for the most loaded device from the metrics. */
function memoryDevices(plan: PlanReport): DeviceMemory[] {
  if (plan.details) return plan.details.devices;
  const m = plan.metrics;
  if (!m) return [];
  return [
    {
      stage: 0,
      layers: 0,
      weights_gib: m.weights_per_gpu_gib,
      kv_cache_gib: m.kv_cache_per_gpu_gib,
      activations_gib: m.activations_per_gpu_gib,
      overhead_gib: null,
      total_gib: m.memory_per_gpu_gib,
      total_floor_gib: m.weights_per_gpu_gib ?? 0,
      capacity_gib: null,
      usable_gib: null,
    },
  ];
}

const DEVICE_KEYS: ReadonlyArray<[keyof DeviceMemory, string]> = [
  ['weights_gib', 'weights_gib'],
  ['kv_cache_gib', 'kv_cache_gib'],
  ['activations_gib', 'activations_gib'],
  ['overhead_gib', 'overhead_gib'],
  ['total_gib', 'memory_per_gpu_gib'],
  ['usable_gib', 'usable_gib'],
  ['capacity_gib', 'capacity_gib'],
];

/** The engine's own parts of a device's weights: its MLA decode copy and rotary tables (from 0.1 GiB, as memory.fits names them). */
function weightsIncluded(d: DeviceMemory): string {
  const parts = [
    d.mla_decode_copy_gib ? `${formatQuantity(d.mla_decode_copy_gib, 'GiB')} MLA decode copy` : '',
    d.rotary_tables_gib && d.rotary_tables_gib * GIB >= MATERIAL_ROTARY_BYTES ? `${formatQuantity(d.rotary_tables_gib, 'GiB')} rotary tables` : '',
  ].filter(Boolean);
  return parts.length ? ` (incl. ${parts.join(', ')})` : '';
}

function memorySection(plan: PlanReport, base: PlanReport | null | undefined, h: string, minChange: number): string {
  const devices = memoryDevices(plan);
  if (devices.length === 0) return '';
  const baseDevices = base ? memoryDevices(base) : undefined;
  const cell = (d: DeviceMemory, key: keyof DeviceMemory, metricKey: string): string => {
    const value = d[key] as number | null;
    // the weights an MLA model's engine holds name the copy of kv_b_proj it keeps for decode
    const copy = key === 'weights_gib' ? weightsIncluded(d) : '';
    const text = formatQuantity(value, 'GiB') + copy;
    if (baseDevices === undefined) return escapeCell(text);
    const before = (baseDevices.find((b) => b.stage === d.stage)?.[key] ?? null) as number | null;
    return escapeCell(withChange(text, metricKey, value, before, minChange));
  };
  // a total that is not computable still has a floor (its weights): say so
  const rows = devices.map((d) => [
    plan.details ? (devices.length === 1 ? `every device (${d.layers} layers)` : `${d.stage} (${d.layers} layers)`) : 'most loaded',
    ...DEVICE_KEYS.map(([key, metricKey]) =>
      key === 'total_gib' && d.total_gib === null && d.total_floor_gib > 0
        ? escapeCell(`${NOT_COMPUTABLE} (≥ ${formatQuantity(d.total_floor_gib, 'GiB')})`)
        : cell(d, key, metricKey),
    ),
  ]);
  const header = [plan.details && devices.length > 1 ? 'Stage' : 'Device', 'Weights', 'KV cache', 'Activations', 'Overhead', 'Total', 'Usable', 'Capacity'];
  const chart = plan.details ? renderMemoryChart(devices, devices.length === 1 ? { labels: ['every device'] } : {}) : '';
  return [`${h} Memory per device`, table([header, ...rows]), chart].filter(Boolean).join('\n\n');
}

function metricsSection(plan: PlanReport, base: PlanReport | null | undefined, minChange: number): string {
  if (!plan.metrics) return '';
  const rows = Object.entries(plan.metrics)
    .filter(([, value]) => value === null || typeof value === 'number')
    .map(([key, value]) => {
      // every estimate with its range, here too: "45.2 ms (38.1–51.0)"
      const text =
        withRange(formatQuantity(value, metricUnit(key)), plan, key, value) +
        poolSuffix(plan.metrics, key) +
        (key === 'kv_cache_capacity_tokens' && value !== null ? kvCapacityUnit(plan) : '');
      return [code(key), escapeCell(base ? withChange(text, key, value, base.metrics?.[key] ?? null, minChange) : text)];
    });
  return `<details><summary>All metrics</summary>\n\n${table([['Metric', 'Value'], ...rows])}\n\n</details>`;
}

function assumptionsSection(plan: PlanReport): string {
  const assumptions = plan.details?.assumptions ?? [];
  if (assumptions.length === 0) return '';
  const items = assumptions.map((a) => `- ${escapeMarkdown(a.name)}: ${escapeMarkdown(a.value)} (${escapeMarkdown(a.source)})`);
  return `<details><summary>Assumptions (${assumptions.length})</summary>\n\n${items.join('\n')}\n\n</details>`;
}

/** One plan's section: verdict, problems first with their numbers, then memory, performance, sources, alternatives. */
export function renderPlanMarkdown(plan: PlanReport, opts: PlanMarkdownOptions = {}): string {
  return withoutMath(planSection(plan, opts));
}

/** A plan's section before its dollar signs are made safe (renderReportMarkdown does that once for the whole report). */
function planSection(plan: PlanReport, opts: PlanMarkdownOptions): string {
  const level = Math.min(Math.max(opts.headingLevel ?? 3, 1), 5);
  const h = '#'.repeat(level);
  const sub = '#'.repeat(level + 1);
  const base = opts.base;
  const minChange = opts.minChange ?? DEFAULT_MIN_CHANGE_PERCENT;
  const ctx = { ...(base !== undefined ? { base } : {}), minChange, origins: plan.details?.origins, ranges: plan };
  const parts: string[] = [];
  const newTag = base === null ? ' (new plan)' : '';
  parts.push(`${h} ${VERDICT_EMOJI[plan.verdict]} ${escapeName(plan.name)}: ${verdictText(plan.verdict, base)}${newTag}`);
  parts.push(`File: ${escapeName(plan.file)} · ${checkCounts(plan.checks)}`);
  const errorsTitle = plan.verdict !== 'error' ? 'Errors' : opts.unverified ? 'Not verified' : 'Not a valid plan';
  if (plan.errors.length > 0) parts.push(`**${errorsTitle}**\n\n${errorsList(plan)}`);
  const attention = [...plan.checks.filter((c) => c.status === 'fail'), ...plan.checks.filter((c) => c.status === 'warn')];
  if (attention.length > 0) parts.push(checksTable(attention, ctx));
  parts.push(unverifiedSection(plan.checks, ctx));
  parts.push(passingSection(plan.checks, ctx));
  if (plan.verdict !== 'error') {
    // A disaggregated plan shows its pools side by side instead of one memory table.
    parts.push(plan.details?.disaggregation ? renderPoolsSection(plan, sub) : memorySection(plan, base, sub, minChange));
    parts.push(performanceSection(plan, base, sub, minChange));
    parts.push(importedSection(plan.details?.origins));
    parts.push(metricsSection(plan, base, minChange));
    parts.push(assumptionsSection(plan));
  }
  if (opts.alternatives) parts.push(opts.alternatives.trim());
  return parts.filter(Boolean).join('\n\n');
}

/**
 * Plans that need no reading: on a base, unchanged (by min-change) and not failing. A failing plan
 * is always shown: it fails the job.
 */
function isQuiet(plan: PlanReport, base: PlanReport | null | undefined, minChange: number): boolean {
  return base !== null && base !== undefined && plan.verdict !== 'fail' && plan.verdict !== 'error' && !planChanged(plan, base, minChange);
}

/** The whole report: verdict line, headline, summary table, each plan (failing first), unchanged plans folded. */
export function renderReportMarkdown(report: Report, opts: ReportMarkdownOptions = {}): string {
  const minChange = opts.minChange ?? DEFAULT_MIN_CHANGE_PERCENT;
  const parts = [verdictLine(report, opts.title ?? 'Parallel plan check', opts.unverified)];
  const plans = worstFirst(report.plans);
  const unverified = opts.unverified?.files;
  const headline = headlineLines(plans, {
    ...(opts.bases ? { bases: opts.bases } : {}),
    ...(opts.baseName ? { baseName: opts.baseName } : {}),
    minChange,
    ...(unverified ? { unverified } : {}),
  });
  if (headline.length > 0) parts.push(headline.map((line) => `- ${line}`).join('\n'));
  // with gaps (a moved head, a search cut short) plans may exist that went unverified: not "none found"
  if (plans.length === 0) parts.push(opts.unverified ? 'No plan was verified.' : 'No plan files found.');
  const baseOf = (p: PlanReport) => (opts.bases ? opts.bases[p.file] : undefined);
  const quiet = plans.filter((p) => isQuiet(p, baseOf(p), minChange));
  const shown = plans.filter((p) => !quiet.includes(p));
  if (shown.length > 1 || (shown.length === 1 && quiet.length > 0)) parts.push(summaryTable(shown, opts.bases, minChange));
  const section = (plan: PlanReport, level: number) =>
    planSection(plan, {
      base: baseOf(plan),
      headingLevel: level,
      minChange,
      ...(opts.alternatives?.[plan.file] ? { alternatives: opts.alternatives[plan.file] } : {}),
      ...(unverified?.has(plan.file) ? { unverified: true } : {}),
    });
  for (const plan of shown) parts.push(section(plan, 3));
  if (quiet.length > 0) {
    const names = quiet.map((p) => `${VERDICT_EMOJI[p.verdict]} ${escapeHtml(p.name)}`).join(', ');
    const against = opts.baseName ? ` against ${escapeHtml(opts.baseName)}` : ' against the base';
    const summary = `${countOf(quiet.length, 'unchanged plan')} (no figure moved ${minChange}% or more${against}): ${names}`;
    parts.push(`<details><summary>${summary}</summary>\n\n${quiet.map((p) => section(p, 4)).join('\n\n')}\n\n</details>`);
  }
  return withoutMath(`${parts.join('\n\n')}\n`);
}
