// Checks about the plan file itself rather than its layout: what an importer or the config.json
// reader could not map with certainty, a stated parameter count against the model's shape, and
// workload keys that the rest of the plan leaves without effect.
import { round } from './figures.js';
import { paramsFromShape } from './modelFacts.js';
import type { Check, LoadedPlan } from './types.js';

/** The check a loader warning becomes, by the key it is about. */
function warningCheck(path: string | undefined): { id: string; title: string } {
  if (path?.startsWith('deployment')) return { id: 'deployment.import', title: 'Imported deployment' };
  // a hardware alias that could mean several parts says which one it was read as (hardware.preset)
  if (path?.startsWith('hardware'))
    return { id: path, title: path === 'hardware.memory' ? 'Device memory' : path === 'hardware.preset' ? 'Hardware preset' : 'Hardware' };
  return { id: 'model.hf_config', title: 'Hugging Face config' };
}

export function planChecks(loaded: LoadedPlan): Omit<Check, 'line'>[] {
  const out: Omit<Check, 'line'>[] = [];
  const plan = loaded.plan;
  // What the config.json reader or an importer could not map with certainty.
  for (const w of loaded.warnings ?? []) out.push({ ...warningCheck(w.path), status: 'warn', path: w.path ?? 'model.hf_config', detail: w.message });

  // Stated total against the shape.
  const shapeParams = plan.model.params !== undefined ? paramsFromShape(plan.model) : null;
  if (plan.model.params !== undefined && shapeParams !== null) {
    const ratio = shapeParams / plan.model.params;
    const ok = Math.abs(ratio - 1) <= 0.05;
    out.push({
      id: 'model.params',
      status: ok ? 'pass' : 'warn',
      title: 'Parameters vs shape',
      path: 'model.params',
      value: plan.model.params,
      limit: round(shapeParams, 0),
      unit: 'parameters',
      detail:
        `model.params ${(plan.model.params / 1e9).toFixed(2)}B; the shape gives ${(shapeParams / 1e9).toFixed(2)}B` +
        (ok ? '' : ' (off by more than 5%: the figures below use the shape)'),
    });
  }
  const burst = burstinessCheck(plan.workload);
  if (burst) out.push(burst);
  return out;
}

/**
 * burstiness is the shape of gamma gaps (vLLM bench --burstiness; 1 is poisson): beside an arrival
 * that is not gamma it has no effect, and the arrivals are not as bursty as it says.
 */
function burstinessCheck(w: LoadedPlan['plan']['workload']): Omit<Check, 'line'> | null {
  if (w.burstiness === undefined || w.burstiness === 1 || w.arrival === undefined || w.arrival === 'gamma' || w.request_rate === undefined) return null;
  return {
    id: 'workload.burstiness',
    status: 'warn',
    title: 'Arrival burstiness',
    path: 'workload.burstiness',
    value: w.burstiness,
    detail: `burstiness ${w.burstiness} shapes gamma gaps (vLLM bench --burstiness), but workload.arrival is ${w.arrival}: it is not used, the arrivals are ${w.arrival === 'poisson' ? 'poisson (exponential gaps)' : 'evenly spaced'}; state arrival: gamma for bursty arrivals, or drop burstiness`,
  };
}
