// The one place the action reaches into the report renderers (src/report), so the comment,
// the job summary and the check runs all show the same markdown.
import type { PlanReport, Report } from '../core/index.js';
import { renderJson, renderPlanMarkdown, renderReportMarkdown } from '../report/index.js';

/** Base-branch reports by head file path; null: the plan is new in this pull request. */
export type Bases = Record<string, PlanReport | null>;

/** `unverified`: the plan's error verdict says it was never verified, not that it is invalid. */
export function renderPlan(plan: PlanReport, base?: PlanReport | null, headingLevel = 3, minChange?: number, unverified = false): string {
  return renderPlanMarkdown(plan, {
    ...(base !== undefined ? { base } : {}),
    headingLevel,
    ...(minChange !== undefined ? { minChange } : {}),
    ...(unverified ? { unverified } : {}),
  });
}

export interface RenderOptions {
  baseName?: string;
  minChange?: number;
  alternatives?: Record<string, string>;
}

export function renderReport(report: Report, bases: Bases, title?: string, options: RenderOptions = {}): string {
  return renderReportMarkdown(report, { bases, ...(title ? { title } : {}), ...options });
}

export function renderReportJson(report: Report): string {
  return renderJson(report);
}
