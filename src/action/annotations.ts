// Line annotations from a report: workflow-command annotations (need no permission, so they work
// on fork pull requests; GitHub shows 10 errors and 10 warnings per step) and check-run annotations.
import type { PlanReport, Report } from '../core/index.js';
import { showHidden } from './log.js';
import { cutWhole } from './cut.js';

export type AnnotationLevel = 'error' | 'warning';

export interface LineAnnotation {
  level: AnnotationLevel;
  file: string;
  line?: number;
  title: string;
  message: string;
}

/** GitHub shows this many annotations of each level per step. */
export const SHOWN_PER_LEVEL = 10;
/** Error annotations left for the plans: one is kept for the job's failure line (core.setFailed). */
export const PLAN_ERRORS_SHOWN = SHOWN_PER_LEVEL - 1;

/**
 * A plan's annotations, most important first: load errors, failing checks, warnings, unverified.
 * `unverified`: its error is a read refused or a budget spent, not an invalid plan, and is titled so.
 */
export function planAnnotations(plan: PlanReport, unverified = false): LineAnnotation[] {
  const kind = unverified ? 'Not verified' : 'Invalid plan';
  const errors: LineAnnotation[] = plan.errors.map((e) => ({
    level: 'error',
    file: plan.file,
    ...(e.line !== undefined ? { line: e.line } : {}),
    title: e.path ? `${kind}: ${e.path}` : kind,
    message: e.message,
  }));
  const byStatus = (status: string, level: AnnotationLevel, prefix: string): LineAnnotation[] =>
    plan.checks
      .filter((c) => c.status === status)
      .map((c) => ({
        level,
        file: plan.file,
        ...(c.line !== undefined ? { line: c.line } : {}),
        title: `${prefix}${c.title} (${c.id})`,
        message: c.detail,
      }));
  return [...errors, ...byStatus('fail', 'error', ''), ...byStatus('warn', 'warning', ''), ...byStatus('unverified', 'warning', 'Unverified: ')];
}

/**
 * The workflow-command annotations to emit for a run: per level, as many as GitHub shows less one
 * and, when more exist, a last one that counts the rest and points to the job summary (GitHub
 * would drop them silently). One error is left for the job's failure line.
 * Plans' most important annotations come first: each plan's first error before any plan's second.
 */
export function workflowAnnotations(
  report: Report,
  shown: Record<AnnotationLevel, number> = { error: PLAN_ERRORS_SHOWN, warning: SHOWN_PER_LEVEL },
  unverified: ReadonlySet<string> = new Set(),
): LineAnnotation[] {
  const perPlan = report.plans.map((p) => planAnnotations(p, unverified.has(p.file)));
  const interleaved: LineAnnotation[] = [];
  for (let i = 0; perPlan.some((list) => i < list.length); i++) {
    for (const list of perPlan) if (list[i]) interleaved.push(list[i] as LineAnnotation);
  }
  const out: LineAnnotation[] = [];
  for (const level of ['error', 'warning'] as const) {
    const all = interleaved.filter((a) => a.level === level);
    const room = shown[level];
    if (all.length <= room) {
      out.push(...all);
      continue;
    }
    const first = all.slice(0, room - 1);
    const rest = all.slice(room - 1);
    const files = [...new Set(rest.map((a) => a.file))];
    out.push(...first, {
      level,
      file: rest[0]?.file ?? '',
      title: `${rest.length} more ${level === 'error' ? 'errors' : 'warnings'}`,
      message: `${rest.length} more ${level}s in ${files.join(', ')}: GitHub shows ${SHOWN_PER_LEVEL} per step; the job summary lists them all.`,
    });
  }
  return out;
}

/**
 * A workflow annotation as the toolkit takes it (core.error / core.warning): message and title
 * with hidden characters shown escaped; `file` as it is, for GitHub to match it to the diff (the
 * toolkit escapes its `%`, `:`, `,` and line breaks).
 */
export function workflowAnnotationCommand(a: LineAnnotation): {
  message: string;
  properties: { title: string; file: string; startLine?: number };
} {
  return {
    message: showHidden(a.message),
    properties: { title: showHidden(a.title), file: a.file, ...(a.line !== undefined ? { startLine: a.line } : {}) },
  };
}

export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
}

/** A plan's annotations in the checks API's shape (a line is required there: line 1 when unknown). */
export function checkRunAnnotations(plan: PlanReport, unverified = false): CheckRunAnnotation[] {
  return planAnnotations(plan, unverified).map((a) => ({
    path: a.file,
    start_line: a.line ?? 1,
    end_line: a.line ?? 1,
    annotation_level: a.level === 'error' ? 'failure' : a.title.startsWith('Unverified') ? 'notice' : 'warning',
    title: cutWhole(showHidden(a.title), 255),
    message: cutWhole(showHidden(a.message), 64 * 1024 - 1),
  }));
}
