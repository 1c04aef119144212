// STUB, to be replaced: computes every check and metric of a loaded plan.
import type { LoadedPlan, PlanReport } from './types.js';
import { planVerdict } from './verdict.js';

export function verifyLoadedPlan(loaded: LoadedPlan): PlanReport {
  const checks = [
    { id: 'layout.world_size', status: 'pass' as const, title: 'World size', detail: 'stub' },
  ];
  return { file: loaded.file, name: loaded.plan.name, verdict: planVerdict(checks, true), checks, metrics: null, errors: [] };
}
