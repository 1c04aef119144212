// The one place the action reaches into the report renderers (src/report), so the comment,
// job summary and check runs all show the same markdown.
// TEMPORARY fallback until src/report's markdown renderer lands: a plain rendering.
import type { PlanReport, Report } from '../core/index.js';
import { escapeCell, escapeMarkdown } from '../report/escape.js';
import { formatQuantity } from '../report/format.js';
import { checkCounts, planCounts, STATUS_EMOJI, VERDICT_EMOJI } from '../report/summary.js';

export type Bases = Record<string, PlanReport | null>;

export function renderPlan(plan: PlanReport, base?: PlanReport | null, headingLevel = 3): string {
  const lines = [`${'#'.repeat(headingLevel)} ${VERDICT_EMOJI[plan.verdict]} ${escapeMarkdown(plan.name)} (${escapeMarkdown(plan.file)})`, ''];
  if (base) lines.push(`Base verdict: ${base.verdict} → ${plan.verdict}`, '');
  lines.push(checkCounts(plan.checks), '');
  for (const e of plan.errors) lines.push(`- 🛑 line ${e.line ?? '?'}: ${escapeMarkdown(e.path ?? '')} ${escapeMarkdown(e.message)}`);
  for (const c of plan.checks) {
    lines.push(`- ${STATUS_EMOJI[c.status]} **${escapeMarkdown(c.title)}**: ${escapeMarkdown(c.detail)} (${formatQuantity(c.value, c.unit)} vs ${formatQuantity(c.limit, c.unit)})`);
  }
  return lines.join('\n');
}

export function renderReport(report: Report, bases: Bases, title?: string): string {
  const lines = [`## ${VERDICT_EMOJI[report.verdict]} ${title ? escapeMarkdown(title) + ': ' : ''}${report.verdict} (${planCounts(report.plans)})`, ''];
  if (report.plans.length > 1) {
    lines.push('| Plan | Verdict |', '| --- | --- |', ...report.plans.map((p) => `| ${escapeCell(p.file)} | ${p.verdict} |`), '');
  }
  for (const p of report.plans) lines.push(renderPlan(p, bases[p.file]), '');
  return lines.join('\n');
}

export function renderReportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
