// The verification core's public face: pure functions, no I/O, no GitHub.
import { loadPlan } from '../plan/load.js';
import type { PlanReport, ReadReference } from './types.js';
import { verifyLoadedPlan } from './verify.js';
import { PLAN_WORK_BUDGET, withWorkBudget } from './work-budget.js';

export * from './types.js';
export { combineReports, planVerdict } from './verdict.js';
export { loadPlan } from '../plan/load.js';
export { verifyLoadedPlan } from './verify.js';
export { chargeWork, checkDeadline, PLAN_WORK_BUDGET, withWorkBudget, WorkBudgetExceeded, workLeft } from './work-budget.js';

/**
 * Loads, validates and verifies one plan file; a file that is not a valid plan gets verdict `error`,
 * and so does one that needs more than its work budget (PLAN_WORK_BUDGET): the other plans of a run
 * are still verified.
 */
export function verifyPlanText(file: string, text: string, readReference: ReadReference, budget: number = PLAN_WORK_BUDGET): PlanReport {
  const error = (message: string): PlanReport => ({ file, name: file, verdict: 'error', checks: [], metrics: null, errors: [{ message }] });
  return withWorkBudget(
    { units: budget },
    () => {
      const result = loadPlan(file, text, readReference);
      if (!result.ok) return { file, name: result.name ?? file, verdict: 'error', checks: [], metrics: null, errors: result.errors };
      return verifyLoadedPlan(result.loaded);
    },
    () =>
      error(
        `${file}: too complex to verify: reading it and the files it imports and simulating its load need more than its work budget of ${budget.toLocaleString('en-US')} units (about one per character read or value built, 16 per simulated scheduler event); split it, import smaller files, or simulate a shorter run`,
      ),
  );
}
