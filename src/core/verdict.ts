import type { Check, PlanReport, Report, Verdict } from './types.js';

/** A plan's verdict from its checks (contract: fail > warn/unverified > pass; error when it did not load). */
export function planVerdict(checks: readonly Check[], loaded: boolean): Verdict {
  if (!loaded) return 'error';
  if (checks.some((c) => c.status === 'fail')) return 'fail';
  if (checks.some((c) => c.status === 'warn' || c.status === 'unverified')) return 'warn';
  return 'pass';
}

const SEVERITY: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2, error: 3 };

/** The run's verdict: the worst plan's. An empty run passes. */
export function combineReports(plans: PlanReport[]): Report {
  let verdict: Verdict = 'pass';
  for (const p of plans) if (SEVERITY[p.verdict] > SEVERITY[verdict]) verdict = p.verdict;
  return { version: 1, verdict, plans };
}
