// Builds plans from YAML text for core tests, through the real loader.
import { loadPlan } from '../src/plan/load.js';
import { verifyLoadedPlan } from '../src/core/verify.js';
import type { Check, LoadedPlan, PlanReport } from '../src/core/types.js';

export const noReferences = () => ({ error: 'no files in this test' });

export function load(yaml: string, file = 'test.plan.yaml'): LoadedPlan {
  const r = loadPlan(file, yaml, noReferences);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}: ${e.path}: ${e.message}`).join('\n'));
  return r.loaded;
}

export function verify(yaml: string): PlanReport {
  return verifyLoadedPlan(load(yaml));
}

export function check(report: PlanReport, id: string): Check {
  const c = report.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}; have ${report.checks.map((x) => x.id).join(', ')}`);
  return c;
}

export const GIB = 1024 ** 3;

/** A plan of the model, hardware and parallelism lines given (each already indented), one request by default. */
export function memoryPlan(
  model: string,
  hw: string,
  par: string,
  work = 'concurrency: 1\n  input_tokens: 1024\n  output_tokens: 128',
  deployment = '',
): string {
  return `
version: 1
model:
${model}
hardware:
${hw}
parallelism:
${par}
workload:
  ${work}
${deployment}`;
}
