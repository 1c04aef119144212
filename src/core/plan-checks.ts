// Checks about the plan file itself rather than its layout: what an importer or the config.json
// reader could not map with certainty, and a stated parameter count against the model's shape.
import { round } from './figures.js';
import { paramsFromShape } from './modelFacts.js';
import type { Check, LoadedPlan } from './types.js';

export function planChecks(loaded: LoadedPlan): Omit<Check, 'line'>[] {
  const out: Omit<Check, 'line'>[] = [];
  const plan = loaded.plan;
  // What the config.json reader or an importer could not map with certainty.
  for (const w of loaded.warnings ?? []) {
    const imported = w.path?.startsWith('deployment') ?? false;
    // A hardware alias that could mean several parts says which one it was read as.
    const alias = w.path === 'hardware.preset';
    out.push({ id: imported ? 'deployment.import' : alias ? 'hardware.preset' : 'model.hf_config', status: 'warn',
      title: imported ? 'Imported deployment' : alias ? 'Hardware preset' : 'Hugging Face config',
      path: w.path ?? 'model.hf_config', detail: w.message });
  }

  // Stated total against the shape.
  const shapeParams = plan.model.params !== undefined ? paramsFromShape(plan.model) : null;
  if (plan.model.params !== undefined && shapeParams !== null) {
    const ratio = shapeParams / plan.model.params;
    const ok = Math.abs(ratio - 1) <= 0.05;
    out.push({ id: 'model.params', status: ok ? 'pass' : 'warn', title: 'Parameters vs shape', path: 'model.params',
      value: plan.model.params, limit: round(shapeParams, 0), unit: 'parameters',
      detail: `model.params ${(plan.model.params / 1e9).toFixed(2)}B; the shape gives ${(shapeParams / 1e9).toFixed(2)}B` +
        (ok ? '' : ' (off by more than 5%: the figures below use the shape)') });
  }
  return out;
}
