// The first lines of a report: one sentence per plan that fails or changed, naming the decisive
// check with its numbers ("claims 850k tokens/s; the physical ceiling on 4 × 64 GB at 1.8 TB/s is
// 184k tokens/s"), and the direction and size of what moved against the base branch.
import type { Check, HardwareSummary, PlanReport } from '../core/types.js';
import { changeSentence, DEFAULT_MIN_CHANGE_PERCENT, keyChanges } from './changes.js';
import { checkDirection, checkFigures, checkRole, checkSubject } from './check-roles.js';
import { escapeMarkdown, escapeName } from './escape.js';
import { formatCount, formatQuantity } from './format.js';
import { VERDICT_EMOJI, worstFirst } from './summary.js';
import { countOf } from '../core/figures.js';

export interface HeadlineOptions {
  /** base-branch reports by plan file; null: new on this branch; absent: no comparison */
  bases?: Record<string, PlanReport | null>;
  /** what the base is called in sentences ("main") */
  baseName?: string;
  /** percent below which a change is not reported */
  minChange?: number;
  /** files whose verdict is error because they were never verified (a read refused or failed), not because they are invalid */
  unverified?: ReadonlySet<string>;
}

/** Lower sorts first: a broken layout decides before memory, memory before performance. */
function category(check: Check): number {
  if (check.id.startsWith('layout.') && checkRole(check) === 'rule') return 0;
  if (check.id === 'memory.fits') return 1;
  if (check.basis === 'bound') return 2;
  if (check.basis === 'estimate') return 3;
  return 4;
}

/** How many times a figure misses its target (1 when unknown). */
function severity(check: Check): number {
  const f = checkFigures(check);
  if (!f || f.ours === null || f.target === null || f.ours <= 0 || f.target <= 0) return 1;
  return Math.max(f.ours / f.target, f.target / f.ours);
}

/** The check that decides a plan's verdict: the worst failure (else the worst warning), or null. */
export function decisiveCheck(plan: PlanReport): Check | null {
  for (const status of ['fail', 'warn'] as const) {
    const candidates = plan.checks.filter((c) => c.status === status);
    if (candidates.length === 0) continue;
    return candidates
      .map((check, index) => ({ check, index }))
      .sort((a, b) => category(a.check) - category(b.check) || severity(b.check) - severity(a.check) || a.index - b.index)[0]!.check;
  }
  return null;
}

const GB = 1e9;
const GIB = 2 ** 30;

/** "64 GB" when the plan gave whole GB, else GiB as devices report it. */
function memoryText(bytes: number): string {
  if (bytes % GB === 0) return `${formatCount(bytes / GB)} GB`;
  return formatQuantity(bytes / GIB, 'GiB');
}

/** "4 × 64 GB at 1.8 TB/s", "8 × NVIDIA H100 80GB SXM", or '' when the plan says too little. */
export function hardwareText(h: HardwareSummary | undefined): string {
  if (!h || h.gpus === null) return '';
  if (h.name) return `${h.gpus} × ${h.name}`;
  const parts = [h.memory_bytes !== null ? memoryText(h.memory_bytes) : 'devices'];
  if (h.memory_bandwidth_bytes_per_s !== null) parts.push(`at ${Number((h.memory_bandwidth_bytes_per_s / 1e12).toPrecision(3))} TB/s`);
  return `${h.gpus} × ${parts.join(' ')}`;
}

/** The decisive check in one clause, with its numbers (plan text escaped). */
export function reasonClause(check: Check, plan: PlanReport): string {
  const role = checkRole(check);
  const f = checkFigures(check);
  const hw = hardwareText(plan.details?.hardware);
  const on = hw ? ` on ${escapeMarkdown(hw)}` : '';
  const show = (v: number) => formatQuantity(v, check.unit);
  if (f && f.ours !== null && f.target !== null) {
    const higher = checkDirection(check) === 'higher-is-better';
    const physical = `the physical ${higher ? 'ceiling' : 'floor'}${on} is ${show(f.ours)}`;
    // throughput goes without its name: the unit says it
    const subject = check.id.endsWith('.throughput') ? '' : `${escapeMarkdown(checkSubject(check))} `;
    if (role === 'claim') {
      return `claims ${subject}${show(f.target)}; ${f.oursBasis === 'bound' ? physical : `the estimate is ${show(f.ours)}`}`;
    }
    if (role === 'requirement') {
      const required = `requires ${subject}${higher ? '≥' : '≤'} ${show(f.target)}`;
      return `${required}; ${f.oursBasis === 'bound' ? physical : `the estimate is ${show(f.ours)}`}`;
    }
    if (check.id === 'memory.fits')
      return `the most loaded device needs ${show(f.ours)}${f.oursBasis === 'bound' ? ' at least' : ''}, ${show(f.target)} is usable${on}`;
  }
  return `${escapeMarkdown(check.title)}: ${escapeMarkdown(check.detail)}`;
}

/** Short form for the summary table's "Why" column. */
export function reasonShort(plan: PlanReport): string {
  if (plan.verdict === 'error') return escapeMarkdown(plan.errors[0]?.message.slice(0, 120) ?? 'not a valid plan');
  const check = decisiveCheck(plan);
  if (check) {
    const f = checkFigures(check);
    if (f && f.ours !== null && f.target !== null) {
      const higher = checkDirection(check) === 'higher-is-better';
      const subject = escapeMarkdown(checkSubject(check));
      const show = (v: number) => formatQuantity(v, check.unit);
      const ours = f.oursBasis === 'bound' ? `${higher ? 'ceiling' : 'floor'} ${show(f.ours)}` : `estimate ${show(f.ours)}`;
      if (checkRole(check) === 'claim') return `${subject}: claims ${show(f.target)}, ${ours}`;
      if (checkRole(check) === 'requirement') return `${subject}: requires ${higher ? '≥' : '≤'} ${show(f.target)}, ${ours}`;
      if (check.id === 'memory.fits') return `memory: needs ${show(f.ours)} of ${show(f.target)}`;
    }
    return escapeMarkdown(check.title);
  }
  const unverified = plan.checks.filter((c) => c.status === 'unverified').length;
  if (unverified > 0) return `${unverified} unverified (missing facts)`;
  const requirements = plan.checks.filter((c) => c.id.startsWith('requirements.')).length;
  return requirements === 0 ? 'every check passes' : requirements === 1 ? 'meets its requirement' : `meets its ${requirements} requirements`;
}

/** One sentence for a plan that fails, is broken, or changed against its base; null otherwise. */
export function planHeadline(plan: PlanReport, opts: HeadlineOptions = {}): string | null {
  const name = `**${escapeName(plan.name)}**`;
  const emoji = VERDICT_EMOJI[plan.verdict];
  const base = opts.bases?.[plan.file];
  const parts: string[] = [];
  if (plan.verdict === 'error') {
    const first = plan.errors[0];
    const what = opts.unverified?.has(plan.file) ? 'is NOT verified' : 'is not a valid plan';
    return `${emoji} ${name} ${what}${first ? `: ${first.line !== undefined ? `line ${first.line}: ` : ''}${escapeMarkdown(first.message)}` : ''}.`;
  }
  const check = plan.verdict === 'fail' ? decisiveCheck(plan) : null;
  if (check) {
    const more = plan.checks.filter((c) => c.status === 'fail').length - 1;
    parts.push(`${reasonClause(check, plan)}${more > 0 ? ` (and ${countOf(more, 'more failing check')})` : ''}`);
  }
  if (base) {
    const all = keyChanges(plan, base, opts.minChange ?? DEFAULT_MIN_CHANGE_PERCENT);
    // tokens per joule moves with throughput at a fixed power and device count: say it only when it did not just follow
    const ratio = (key: string) => {
      const c = all.find((x) => x.key === key);
      return c ? c.current / c.base : 1;
    };
    const follows = Math.abs(ratio('tokens_per_joule') / ratio('throughput_tokens_per_s') - 1) * 100 < (opts.minChange ?? DEFAULT_MIN_CHANGE_PERCENT);
    const changes = follows ? all.filter((c) => c.key !== 'tokens_per_joule') : all;
    const verdict = base.verdict !== plan.verdict ? `verdict ${base.verdict} → ${plan.verdict}` : '';
    const moved = changeSentence(changes, escapeMarkdown(opts.baseName ?? 'the base'), 3, plan.metrics);
    const change = [verdict, moved].filter(Boolean).join('; ');
    if (change) parts.push(change);
  }
  if (parts.length === 0) return plan.verdict === 'fail' ? `${emoji} ${name} fails.` : null;
  const verb = plan.verdict === 'fail' ? 'fails' : 'changed';
  return `${emoji} ${name} ${verb}: ${parts.join('. ')}.`;
}

/** The headline: failing and broken plans first, then the ones that changed. */
export function headlineLines(plans: readonly PlanReport[], opts: HeadlineOptions = {}): string[] {
  return worstFirst(plans)
    .map((p) => planHeadline(p, opts))
    .filter((line): line is string => line !== null);
}
