// The sticky pull-request comment: a hidden marker (so later runs find and edit it), a digest and
// the figures it shows (for comment: on-change), then the report, which opens with its headline.
// Over GitHub's size limit it is shortened step by step and points to the job summary, which holds
// the full report. The footer names the base and head commits and says the comment edits itself.
import { createHash } from 'node:crypto';
import type { PlanReport, Report } from '../core/index.js';
import { DEFAULT_MIN_CHANGE_PERCENT } from '../report/changes.js';
import { escapeLine, escapeMarkdown, escapeName } from '../report/escape.js';
import { reasonShort } from '../report/headline.js';
import { planCounts, VERDICT_EMOJI } from '../report/summary.js';
import { countOf } from '../core/figures.js';
import { reportState, stateLine } from './comment-state.js';
import type { ReportMarkdownOptions } from '../report/index.js';
import { renderReport, type Bases } from './render.js';
import { cutWhole } from './cut.js';

/** GitHub's limit on an issue comment body, in characters. */
export const COMMENT_LIMIT = 65_536;

/** The hidden marker of this check name's comment (the name is URI-encoded: it cannot close the HTML comment). */
export function commentMarker(checkName: string): string {
  return `<!-- parallel-plan-check:sticky check-name="${encodeURIComponent(checkName)}" -->`;
}

const DIGEST_PATTERN = /<!-- parallel-plan-check:digest ([0-9a-f]{16,64}) -->/;

/** The digest recorded in a comment body, or null. */
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
  /** the pull request's base commit and branch name, for the footer and the headline */
  baseSha?: string | null;
  baseRef?: string | null;
  /** link to the workflow run whose job summary holds the full report */
  runUrl: string | null;
  /** each plan's folded "Alternatives" section (escaped markdown) by file; dropped with the other folds when space runs out */
  alternatives?: Record<string, string>;
  /** percent below which a change is not reported */
  minChange?: number;
  /** the comment input: the footer says when the comment is edited */
  mode?: 'always' | 'on-change';
  /** what the run did not verify: said first, before any count of passing plans (run-scope.ts) */
  unverified?: UnverifiedScope;
}

export type UnverifiedScope = NonNullable<ReportMarkdownOptions['unverified']>;

function notesSection(notes: readonly string[], shown = (note: string) => escapeLine(note)): string {
  return notes.length === 0 ? '' : ['', ...notes.map((n) => `> ${shown(n)}`), ''].join('\n');
}

/**
 * The notes' room in the comment, in characters: they are in every step of shortening, so a list of
 * thousands of removed or re-verified plans must not take the verdict's room. Past it each note is
 * cut to its share; the job summary has them whole.
 */
export const NOTES_LIMIT = 8_000;
const NOTE_CUT = ' … (cut: the job summary has all of it)';

/** One note, escaped, within `room` characters (its cut marker aside). */
function fitNote(note: string, room: number, marker = NOTE_CUT): string {
  const escaped = escapeLine(note);
  if (escaped.length <= room) return escaped;
  for (let keep = Math.min(note.length, room); keep > 0; keep = Math.floor(keep / 2)) {
    const cut = escapeLine(note.slice(0, keep));
    if (cut.length <= room) return `${cut}${marker}`;
  }
  return marker.trim();
}

/** The notes as quoted lines, within about NOTES_LIMIT characters: each cut to its share, ending in `marker`. */
export function boundedNotes(notes: readonly string[], marker = NOTE_CUT): string {
  const room = Math.floor(NOTES_LIMIT / Math.max(1, notes.length));
  return notesSection(notes, (note) => fitNote(note, room, marker));
}

/**
 * Drops `<details>` blocks (folded passing checks, metrics, assumptions, alternatives, unchanged
 * plans), nested ones included: the second step of shortening.
 */
export function dropDetails(markdown: string): string {
  let out = '';
  let depth = 0;
  let at = 0;
  const tag = /<(\/?)details>\n?/g;
  for (let m = tag.exec(markdown); m !== null; m = tag.exec(markdown)) {
    if (m[1] === '') {
      if (depth === 0) out += markdown.slice(at, m.index);
      depth++;
    } else if (depth > 0) {
      depth--;
      if (depth === 0) at = m.index + m[0].length;
    }
  }
  return depth === 0 ? out + markdown.slice(at) : out;
}

export interface CompactOptions {
  unverified?: UnverifiedScope;
  /** most UTF-8 bytes the list may take (its "… and N more" line included); default unbounded */
  room?: number;
}

/** Longest reason on a compact line: the plan's file and verdict must stay readable. */
const COMPACT_REASON = 160;

/** "- ❌ plans/a.plan.yaml (**name**): fail, TPOT: requires ≤ 30 ms, estimate 45 ms": a plan in one line, its file first. */
export function compactLine(plan: PlanReport): string {
  const name = plan.name !== plan.file ? ` (**${escapeName(plan.name)}**)` : '';
  const reason = reasonShort(plan);
  // the cut must not leave half an emoji (a lone surrogate GitHub may refuse) nor a dangling backslash
  const cut =
    reason.length > COMPACT_REASON
      ? `${reason
          .slice(0, COMPACT_REASON)
          .replace(/[\uD800-\uDBFF]$/, '')
          .replace(/\\$/, '')}…`
      : reason;
  return `- ${VERDICT_EMOJI[plan.verdict]} ${escapeName(plan.file)}${name}: ${plan.verdict}, ${cut}`;
}

/**
 * The last resort: the verdict, then one line per plan (worst first, as the report is ordered)
 * naming its file, within `room`; the plans past it are counted, not listed. Plan names alone
 * (the headline's) do not say which file to open: 500 failing plans of two names once filled the
 * comment with 490 headline lines and no path.
 */
export function compactReport(report: Report, opts: CompactOptions = {}): string {
  const { unverified, room = Infinity } = opts;
  const counts = unverified
    ? `${unverified.sentence}; verified: ${planCounts(report.plans.filter((p) => !unverified.files.has(p.file)))}`
    : planCounts(report.plans);
  const lines = [`**${VERDICT_EMOJI[report.verdict]} ${report.verdict}**: ${counts}`, ''];
  const more = (n: number) => `- … and ${countOf(n, 'more plan')}, not listed here for space`;
  let used = Buffer.byteLength(lines.join('\n'), 'utf8') + Buffer.byteLength(more(report.plans.length), 'utf8') + 2;
  for (const [index, plan] of report.plans.entries()) {
    const line = compactLine(plan);
    used += Buffer.byteLength(line, 'utf8') + 1;
    if (used > room) {
      lines.push(more(report.plans.length - index));
      break;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** "base 1a2b3c4 (main) → head 5d6e7f8": the commits the comment compares. */
function commitsText(ctx: CommentContext): string {
  const head = `head ${ctx.headSha.slice(0, 7)}`;
  if (!ctx.baseSha) return head;
  return `base ${ctx.baseSha.slice(0, 7)}${ctx.baseRef ? ` (${escapeMarkdown(ctx.baseRef)})` : ''} → ${head}`;
}

/**
 * The comment body, within `limit` characters. The steps: the full report; without the
 * sections of passing plans; without folded details; a compact list; a hard cut.
 */
export function composeComment(ctx: CommentContext, limit = COMMENT_LIMIT): { body: string; digest: string; shortened: boolean } {
  const { report, bases } = ctx;
  const marker = commentMarker(ctx.checkName);
  const notes = boundedNotes(ctx.notes);
  const minChange = ctx.minChange ?? DEFAULT_MIN_CHANGE_PERCENT;
  const options = {
    ...(ctx.baseRef ? { baseName: ctx.baseRef } : {}),
    minChange,
    ...(ctx.alternatives ? { alternatives: ctx.alternatives } : {}),
    ...(ctx.unverified ? { unverified: ctx.unverified } : {}),
  };
  const render = (r: Report) => renderReport(r, bases, ctx.checkName, options);
  const full = report.plans.length === 0 && !ctx.unverified ? `✅ **No plan file changed** in this pull request: nothing to verify.\n` : render(report);
  const passing = report.plans.filter((p) => p.verdict === 'pass');
  const withoutPassing =
    passing.length > 0 && passing.length < report.plans.length
      ? `${render({ ...report, plans: report.plans.filter((p) => p.verdict !== 'pass') })}\n\n✅ Also passing, details in the job summary: ${passing.map((p) => escapeName(p.file)).join(', ')}\n`
      : null;
  const candidates = [full, withoutPassing, dropDetails(withoutPassing ?? full)].filter((c): c is string => c !== null);

  const digest = digestOf(`${full}\n${notesSection(ctx.notes)}`);
  const state = stateLine(reportState(report, ctx.notes));
  const linkToSummary = ctx.runUrl ? `[the job summary](${ctx.runUrl})` : 'the job summary of this run';
  const edits =
    ctx.mode === 'on-change' ? `edited in place when a verdict, a check or a figure moves by ${minChange}% or more` : 'edited in place on every push';
  const assemble = (content: string, shortened: boolean) => {
    const footer = [
      '',
      '---',
      `<sub>${shortened ? `⚠️ Shortened to fit GitHub's comment limit: the full report is in ${linkToSummary}. ` : ''}parallel-plan-check${ctx.checkName === 'parallel-plan-check' ? '' : ` · ${escapeMarkdown(ctx.checkName)}`} · ${commitsText(ctx)} · this comment is ${edits}</sub>`,
    ].join('\n');
    return [marker, `<!-- parallel-plan-check:digest ${digest} -->`, ...(state ? [state] : []), content, notes, footer].join('\n');
  };
  // the compact list gets the room the rest of the comment leaves (the skeleton, with its notes)
  const compactRoom = limit - assemble('', true).length - 40;
  candidates.push(compactReport(report, { room: compactRoom, ...(ctx.unverified ? { unverified: ctx.unverified } : {}) }));
  for (const [index, content] of candidates.entries()) {
    const body = assemble(content, index > 0);
    if (body.length <= limit) return { body, digest, shortened: index > 0 };
  }
  const skeleton = assemble('', true);
  const room = Math.max(0, limit - skeleton.length - 40);
  const last = candidates[candidates.length - 1] ?? '';
  const cut = cutWhole(last, room).replace(/\n[^\n]*$/, '');
  const body = assemble(`${cut}\n\n… (cut)`, true);
  // the recorded state is the part to lose when even the skeleton does not fit
  return { body: cutWhole(body.length <= limit || !state ? body : body.replace(`${state}\n`, ''), limit), digest, shortened: true };
}
