// The contract's JSON output (--format json): the Report as is, keys in the contract's order.
import type { PlanReport, Report } from '../core/types.js';

function orderedPlan(plan: PlanReport): PlanReport {
  const { file, name, verdict, checks, metrics, errors, details, ...extensions } = plan;
  return { file, name, verdict, checks, metrics, errors, ...(details ? { details } : {}), ...extensions };
}

/** Non-finite numbers have no JSON form; the contract's "could not compute" is null. */
const finiteOrNull = (_key: string, value: unknown): unknown =>
  typeof value === 'number' && !Number.isFinite(value) ? null : value;

export function renderJson(report: Report): string {
  const ordered = { version: report.version, verdict: report.verdict, plans: report.plans.map(orderedPlan) };
  return `${JSON.stringify(ordered, finiteOrNull, 2)}\n`;
}
