// The job's result under `fail-on`, and the counts the outputs report.
import type { PlanReport, Report, Verdict } from '../core/index.js';
import type { FailOn } from './inputs.js';

export type VerdictCounts = Record<Verdict, number>;

export function countVerdicts(plans: readonly PlanReport[]): VerdictCounts {
  const counts: VerdictCounts = { pass: 0, warn: 0, fail: 0, error: 0 };
  for (const p of plans) counts[p.verdict]++;
  return counts;
}

/** Does a plan with this verdict fail the job (and its check run) under `fail-on`? */
export function verdictFails(verdict: Verdict, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  if (verdict === 'fail' || verdict === 'error') return true;
  return failOn === 'warn' && verdict === 'warn';
}

/** Files for one line: the first three and how many more. */
export function fileList(files: readonly string[]): string {
  return files.length > 3 ? `${files.slice(0, 3).join(', ')} and ${files.length - 3} more` : files.join(', ');
}

/**
 * One line saying why the job fails, or null when no plan fails it under `fail-on`. Plans in
 * `unverified` (a read refused, a budget spent) are left out: they are not invalid, and the caller
 * says them on a line of their own.
 */
export function failureReason(report: Report, failOn: FailOn, unverified: ReadonlySet<string> = new Set()): string | null {
  const failing = report.plans.filter((p) => verdictFails(p.verdict, failOn) && !unverified.has(p.file));
  if (failing.length === 0) return null;
  const parts: string[] = [];
  const counts = countVerdicts(failing);
  const total = report.plans.length;
  const name = (list: PlanReport[]) => fileList(list.map((p) => p.file));
  if (counts.fail > 0) parts.push(`${counts.fail} of ${total} plans failed (${name(failing.filter((p) => p.verdict === 'fail'))})`);
  if (counts.error > 0) parts.push(`${counts.error} could not be read as a plan (${name(failing.filter((p) => p.verdict === 'error'))})`);
  if (counts.warn > 0) parts.push(`${counts.warn} warned, and fail-on is 'warn' (${name(failing.filter((p) => p.verdict === 'warn'))})`);
  return `parallel-plan-check: ${parts.join('; ')}.`;
}
