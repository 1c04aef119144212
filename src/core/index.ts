// The verification core's public face: pure functions, no I/O, no GitHub.
import { loadPlan } from '../plan/load.js';
import type { PlanReport, ReadReference } from './types.js';
import { verifyLoadedPlan } from './verify.js';

export * from './types.js';
export { combineReports, planVerdict } from './verdict.js';
export { loadPlan } from '../plan/load.js';
export { verifyLoadedPlan } from './verify.js';

/** Loads, validates and verifies one plan file; a file that is not a valid plan gets verdict `error`. */
export function verifyPlanText(file: string, text: string, readReference: ReadReference): PlanReport {
  const result = loadPlan(file, text, readReference);
  if (!result.ok) {
    return { file, name: file, verdict: 'error', checks: [], metrics: null, errors: result.errors };
  }
  return verifyLoadedPlan(result.loaded);
}
