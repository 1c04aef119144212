// The contract's JSON output (--format json): the Report as is, keys in the contract's order.
import type { PlanReport, Report } from '../core/types.js';

/** The contract puts the ranges inside the metrics ("Version 1.1 / How sure"). */
function orderedPlan(plan: PlanReport): unknown {
  const { file, name, verdict, checks, metrics, errors, details, ranges, ...extensions } = plan;
  const withRanges = metrics && ranges ? { ...metrics, ranges } : metrics;
  return { file, name, verdict, checks, metrics: withRanges, errors, ...(details ? { details } : {}), ...extensions };
}

/** Non-finite numbers have no JSON form; the contract's "could not compute" is null. */
const finiteOrNull = (_key: string, value: unknown): unknown => (typeof value === 'number' && !Number.isFinite(value) ? null : value);

export function renderJson(report: Report): string {
  const ordered = { version: report.version, verdict: report.verdict, plans: report.plans.map(orderedPlan) };
  return `${JSON.stringify(ordered, finiteOrNull, 2)}\n`;
}
