// The sticky pull-request comment: a hidden marker (so later runs find and edit it), call-outs
// for plans whose verdict got worse, then the report. Over GitHub's size limit it is shortened
// step by step and points to the job summary, which holds the full report.
import { createHash } from 'node:crypto';
import type { PlanReport, Report, Verdict } from '../core/index.js';
import { escapeMarkdown } from '../report/escape.js';
import { formatQuantity } from '../report/format.js';
import { planCounts, STATUS_EMOJI, VERDICT_EMOJI } from '../report/summary.js';
import { renderReport, type Bases } from './render.js';

/** GitHub's limit on an issue comment body, in characters. */
export const COMMENT_LIMIT = 65_536;

const SEVERITY: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2, error: 3 };

/** The hidden marker of this check name's comment (the name is URI-encoded: it cannot close the HTML comment). */
export function commentMarker(checkName: string): string {
  return `<!-- parallel-plan-check:sticky check-name="${encodeURIComponent(checkName)}" -->`;
}

const DIGEST_PATTERN = /<!-- parallel-plan-check:digest ([0-9a-f]{16,64}) -->/;

/** The digest recorded in a comment body (for comment: on-change), or null. */
export function commentDigest(body: string): string | null {
  return body.match(DIGEST_PATTERN)?.[1] ?? null;
}

export interface CommentContext {
  checkName: string;
  report: Report;
  bases: Bases;
  /** extra lines about the run: removed plans, truncated file lists (plain text; escaped here) */
  notes: string[];
  headSha: string;
  /** link to the workflow run whose job summary holds the full report */
  runUrl: string | null;
  /** the folded "Alternatives" section (already escaped markdown), dropped first when space runs out */
  alternatives?: string;
}

/** Plans whose verdict is worse than on the base branch, as call-out lines. */
export function worseVerdictCallouts(report: Report, bases: Bases): string {
  const worse = report.plans.filter((p) => {
    const base = bases[p.file];
    return base && SEVERITY[p.verdict] > SEVERITY[base.verdict];
  });
  if (worse.length === 0) return '';
  const lines = worse.map((p) => {
    const base = bases[p.file] as PlanReport;
    return `> **${escapeMarkdown(p.name)}** (${escapeMarkdown(p.file)}): verdict got worse, ${VERDICT_EMOJI[base.verdict]} ${base.verdict} → ${VERDICT_EMOJI[p.verdict]} ${p.verdict}`;
  });
  return ['> [!CAUTION]', ...lines.flatMap((l, i) => (i === 0 ? [l] : ['>', l])), ''].join('\n');
}

function notesSection(notes: readonly string[]): string {
  return notes.length === 0 ? '' : ['', ...notes.map((n) => `> ${escapeMarkdown(n)}`), ''].join('\n');
}

/** Drops `<details>` blocks (folded passing checks, assumptions): the second step of shortening. */
export function dropDetails(markdown: string): string {
  return markdown.replace(/<details>[\s\S]*?<\/details>\n?/g, '');
}

/** The last resort: one line per plan and its failing and warning checks with their numbers. */
export function compactReport(report: Report): string {
  const lines = [`**${VERDICT_EMOJI[report.verdict]} ${report.verdict}**: ${planCounts(report.plans)}`, ''];
  for (const plan of report.plans) {
    lines.push(`- ${VERDICT_EMOJI[plan.verdict]} **${escapeMarkdown(plan.name)}** (${escapeMarkdown(plan.file)}): ${plan.verdict}`);
    for (const e of plan.errors.slice(0, 5)) lines.push(`  - 🛑 ${e.line ? `line ${e.line}: ` : ''}${escapeMarkdown(e.message)}`);
    for (const c of plan.checks.filter((c) => c.status === 'fail' || c.status === 'warn').slice(0, 5)) {
      const figures = c.value !== undefined ? ` (${formatQuantity(c.value, c.unit)} vs ${formatQuantity(c.limit, c.unit)})` : '';
      lines.push(`  - ${STATUS_EMOJI[c.status]} ${escapeMarkdown(c.title)}${figures}`);
    }
  }
  return lines.join('\n');
}

function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/**
 * The comment body, within `limit` characters. The steps: the full report; without the
 * sections of passing plans; without folded details; a compact list; a hard cut.
 */
export function composeComment(ctx: CommentContext, limit = COMMENT_LIMIT): { body: string; digest: string; shortened: boolean } {
  const { report, bases } = ctx;
  const marker = commentMarker(ctx.checkName);
  const callouts = worseVerdictCallouts(report, bases);
  const notes = notesSection(ctx.notes);
  const full =
    report.plans.length === 0
      ? `✅ **No plan file changed** in this pull request: nothing to verify.\n`
      : renderReport(report, bases, ctx.checkName) + (ctx.alternatives ?? '');
  const passing = report.plans.filter((p) => p.verdict === 'pass');
  const withoutPassing =
    passing.length > 0 && passing.length < report.plans.length
      ? `${renderReport({ ...report, plans: report.plans.filter((p) => p.verdict !== 'pass') }, bases, ctx.checkName)}${ctx.alternatives ?? ''}\n\n✅ Also passing, details in the job summary: ${passing.map((p) => escapeMarkdown(p.file)).join(', ')}\n`
      : null;
  const candidates = [full, withoutPassing, dropDetails(withoutPassing ?? full), compactReport(report)].filter((c): c is string => c !== null);

  const digest = digestOf(`${callouts}\n${full}\n${notes}`);
  const linkToSummary = ctx.runUrl ? `[the job summary](${ctx.runUrl})` : 'the job summary of this run';
  const assemble = (content: string, shortened: boolean) => {
    const footer = [
      '',
      '---',
      `<sub>${shortened ? `⚠️ Shortened to fit GitHub's comment limit: the full report is in ${linkToSummary}. ` : ''}parallel-plan-check · ${escapeMarkdown(ctx.checkName)} · commit ${ctx.headSha.slice(0, 7)}</sub>`,
    ].join('\n');
    return [marker, `<!-- parallel-plan-check:digest ${digest} -->`, callouts, content, notes, footer].join('\n');
  };
  for (const [index, content] of candidates.entries()) {
    const body = assemble(content, index > 0);
    if (body.length <= limit) return { body, digest, shortened: index > 0 };
  }
  const skeleton = assemble('', true);
  const room = Math.max(0, limit - skeleton.length - 40);
  const last = candidates[candidates.length - 1] ?? '';
  const cut = last.slice(0, room).replace(/\n[^\n]*$/, '');
  return { body: assemble(`${cut}\n\n… (cut)`, true).slice(0, limit), digest, shortened: true };
}
