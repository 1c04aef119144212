// The checks of one plan as tables whose columns each mean one thing: our figure (the estimate,
// or the physical bound where that is all the plan allows), the target it is held against, and
// the margin. Rules (layout, consistency) show their rule in words. Unverified checks are grouped,
// and the facts they lack are listed once per plan instead of on every row.
import { markdownTable } from 'markdown-table';
import type { Check, PlanReport } from '../core/types.js';
import { changeWords, significantChange } from './changes.js';
import { checkDirection, checkFigures, marginText, oursText, targetText } from './check-roles.js';
import { escapeCell, escapeMarkdown } from './escape.js';
import { type RangeSource, withRange } from './ranges.js';
import { STATUS_EMOJI } from './summary.js';
import { countOf } from '../core/figures.js';

export interface CheckTableContext {
  /** the plan on the base branch (null: new; undefined: no comparison) */
  base?: PlanReport | null;
  minChange?: number;
  /** where imported figures came from (details.origins) */
  origins?: Record<string, string>;
  /** the plan's report (or metrics) carrying the ranges of its estimates */
  ranges?: RangeSource;
}

const table = (rows: string[][]): string => markdownTable(rows, { alignDelimiters: false });
/** An identifier we generate (check ids, keys) in a code span; anything odd is escaped instead. */
export const code = (id: string): string => (/^[A-Za-z0-9_.-]+$/.test(id) ? `\`${id}\`` : escapeMarkdown(id));

/** The core's "cannot estimate without a, b" (or "cannot size the KV cache without ..."): the keys are listed once per plan instead. */
const MISSING_PHRASE = /cannot [A-Za-z ]{1,40}? without ((?:[A-Za-z0-9_.]+)(?:, [A-Za-z0-9_.]+)*)/;

/** The plan keys whose absence left checks unverified, each once, in the order checks name them. */
export function missingFacts(checks: readonly Check[]): string[] {
  const seen = new Set<string>();
  for (const c of checks) {
    if (c.status !== 'unverified') continue;
    for (const key of c.missing ?? []) seen.add(key);
    const named = MISSING_PHRASE.exec(c.detail)?.[1];
    if (named) for (const key of named.split(', ')) seen.add(key);
  }
  return [...seen];
}

/** A detail without its list of missing keys (listed once per plan instead). */
export function detailWithoutMissing(detail: string): string {
  const rest = detail
    .replace(MISSING_PHRASE, '')
    .replace(/^[;,]\s*/, '')
    .trim();
  return rest === '' ? 'needs the missing facts' : rest;
}

/** The metric a requirement or claim is about, for its range (requirements.tpot -> tpot_ms). */
function metricOf(check: Check): string | null {
  const what = check.id.split('.').slice(1).join('.');
  if (what === 'throughput') return 'throughput_tokens_per_s';
  if (/^(ttft|tpot|e2e)(_p\d+)?$/.test(what)) return `${what}_ms`;
  if (what === 'cost_per_million_tokens') return what;
  if (what === 'request_rate') return 'max_request_rate';
  if (what === 'decode_step') return 'decode_step_ms';
  if (check.id === 'disaggregation.kv_transfer') return 'kv_transfer_ms';
  if (what === 'memory_per_gpu' || check.id === 'memory.fits') return 'memory_per_gpu_gib';
  return null;
}

/** "(line 45)", "(from serve.sh:12)": where the checked key is written. */
function whereText(check: Check, origins: Record<string, string> | undefined): string {
  const origin = check.path ? origins?.[check.path] : undefined;
  if (origin && !origin.startsWith('preset:')) return ` (from ${escapeMarkdown(origin)})`;
  return check.line !== undefined ? ` (line ${check.line})` : '';
}

function statusCell(check: Check, base: PlanReport | null | undefined): string {
  const before = base?.checks.find((c) => c.id === check.id);
  const status = before && before.status !== check.status ? `${before.status} → ${check.status}` : check.status;
  return `${STATUS_EMOJI[check.status]} ${status}`;
}

/** Our figure with its range and, against the base, its change when it moved enough. */
function oursCell(check: Check, ctx: CheckTableContext): string {
  const f = checkFigures(check);
  if (!f) return '—';
  let text = oursText(check, f);
  const metric = metricOf(check);
  if (metric && f.oursBasis === 'estimate') text = withRange(text, ctx.ranges, metric, f.ours);
  const before = ctx.base?.checks.find((c) => c.id === check.id && c.unit === check.unit);
  const baseFigures = before ? checkFigures(before) : null;
  if (baseFigures && baseFigures.oursBasis === f.oursBasis) {
    const direction = checkDirection(check);
    const words = changeWords(significantChange(check.id, f.ours, baseFigures.ours, ctx.minChange, direction), check.unit);
    if (words) text += ` (${words})`;
  }
  return escapeCell(text);
}

function row(check: Check, ctx: CheckTableContext): string[] {
  const f = checkFigures(check);
  const title = `${escapeCell(check.title)}<br>${code(check.id)}`;
  const detail = escapeCell(`${check.status === 'unverified' ? detailWithoutMissing(check.detail) : check.detail}`) + whereText(check, ctx.origins);
  if (!f) return [statusCell(check, ctx.base), title, '—', '—', '—', detail];
  return [statusCell(check, ctx.base), title, oursCell(check, ctx), escapeCell(targetText(check, f) || '—'), escapeCell(marginText(check, f) || '—'), detail];
}

const HEADER = ['Status', 'Check', 'Estimate', 'Target or bound', 'Margin', 'Detail'];

/** Failing and warning checks, in the order given. */
export function checksTable(checks: readonly Check[], ctx: CheckTableContext): string {
  return table([HEADER, ...checks.map((c) => row(c, ctx))]);
}

/** The unverified checks in one group, with the facts they lack named once. */
export function unverifiedSection(checks: readonly Check[], ctx: CheckTableContext): string {
  const unverified = checks.filter((c) => c.status === 'unverified');
  if (unverified.length === 0) return '';
  const missing = missingFacts(unverified);
  const lack = missing.length > 0 ? `, for want of ${missing.map(code).join(', ')}` : '';
  const head = `${STATUS_EMOJI.unverified} **${countOf(unverified.length, 'unverified check')}**${lack}. Unverified is not passed: give these facts and each check gets its numbers.`;
  return `${head}\n\n${checksTable(unverified, ctx)}`;
}

/** The passing checks, folded. */
export function passingSection(checks: readonly Check[], ctx: CheckTableContext): string {
  const passing = checks.filter((c) => c.status === 'pass');
  if (passing.length === 0) return '';
  return `<details><summary>${STATUS_EMOJI.pass} ${countOf(passing.length, 'passing check')}</summary>\n\n${checksTable(passing, ctx)}\n\n</details>`;
}
