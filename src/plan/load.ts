// The plan loader: text -> validated Plan in SI units, with the line of every key.
// Pure (no file system) and total: it never throws; anything unexpected becomes an error.
import type { DeploymentSpec, DisaggregationSpec, LoadResult, Plan, PlanError, ReadReference } from '../core/types.js';
import { WorkBudgetExceeded } from '../core/work-budget.js';
import { afterModel, resolveDeployment } from '../import/deployment.js';
import { defaultCatalog } from './catalog.js';
import { densePlacementErrors } from './dense-placement.js';
import { importedOutOfRange } from './imported-bounds.js';
import { layerCountErrors } from './layer-counts.js';
import { refusingUrls } from './no-urls.js';
import { type Catalog, resolveReferences } from './resolve.js';
import { parseSource } from './source.js';
import { importsDeployment, missingPools, type PlanValues, validatePlan } from './validate.js';

export { MAX_PLAN_BYTES } from './source.js';

/** The file's base name without its plan extension: plans/seed.plan.yaml -> seed. */
export function defaultPlanName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const stripped = base.replace(/(\.plan)?\.(ya?ml|json)$/i, '');
  return stripped === '' ? base : stripped;
}

function section(values: PlanValues, key: string): PlanValues {
  const v = Object.hasOwn(values, key) ? values[key] : undefined;
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as PlanValues) : {};
}

function withFile(file: string, errors: PlanError[]): PlanError[] {
  return errors.length > 0 ? errors : [{ message: `${file}: could not be loaded as a plan` }];
}

/** The disaggregation section with both pools present (validation has already required them). */
function disaggregationOf(values: PlanValues): DisaggregationSpec {
  const kv = section(values, 'kv_transfer');
  return {
    prefill: section(values, 'prefill'),
    decode: section(values, 'decode'),
    ...(Object.keys(kv).length > 0 ? { kv_transfer: kv } : {}),
  };
}

/** Errors reported per file before the rest are summarised. */
export const MAX_ERRORS = 100;

/** Errors in file order (stable; errors without a line first), at most MAX_ERRORS and a summary. */
function byLine(errors: PlanError[]): PlanError[] {
  const sorted = errors
    .map((error, index) => ({ error, index }))
    .sort((a, b) => (a.error.line ?? 0) - (b.error.line ?? 0) || a.index - b.index)
    .map((e) => e.error);
  if (sorted.length <= MAX_ERRORS) return sorted;
  return [...sorted.slice(0, MAX_ERRORS), { message: `... and ${sorted.length - MAX_ERRORS} more errors` }];
}

/** The plan's `name:` as validated (a string of at most its field's length), unless blank: { name } or {}. */
function givenName(values: Record<string, unknown>): { name?: string } {
  return typeof values.name === 'string' && values.name.trim() !== '' ? { name: values.name } : {};
}

export function loadPlan(file: string, text: string, readFile: ReadReference, catalog: Catalog = defaultCatalog): LoadResult {
  const readReference = refusingUrls(readFile);
  try {
    if (typeof text !== 'string') return { ok: false, errors: [{ message: `${file}: the plan is not text` }] };
    const source = parseSource(text);
    if (!source.ok) return { ok: false, errors: withFile(file, source.errors) };
    const validated = validatePlan(source.root);
    // deployment.from: imported fields fill what the plan does not say (src/import, docs/importers.md)
    const imported =
      validated.errors.length === 0
        ? resolveDeployment(file, validated.values, validated.lines, readReference, text)
        : { values: validated.values, origins: {}, errors: [], warnings: [] };
    const resolved = resolveReferences(file, imported.values, validated.lines, readReference, catalog);
    const errors = [...source.errors, ...validated.errors, ...imported.errors, ...resolved.errors];
    // what the named files give meets the ranges the plan's own values meet
    if (errors.length === 0) {
      const loadedValues = { ...imported.values, model: resolved.model, hardware: resolved.hardware };
      const hfRef = section(imported.values, 'model').hf_config;
      errors.push(
        ...importedOutOfRange(loadedValues, { ...imported.origins, ...resolved.origins }, validated.lines, typeof hfRef === 'string' ? hfRef : undefined),
      );
    }
    // the layers of each kind of attention are among the model's (a config's layer_types may list more)
    if (errors.length === 0) errors.push(...layerCountErrors(resolved.model, { ...imported.origins, ...resolved.origins }, validated.lines));
    // a plan that imports its deployment has its pools judged with the imported ones merged in
    if (validated.errors.length === 0 && importsDeployment(validated.values)) errors.push(...missingPools(imported.values, validated.lines));
    // splits that need the model to be judged (its experts decide SGLang's group)
    if (errors.length === 0) errors.push(...densePlacementErrors(imported.values, validated.lines, resolved.model));
    if (errors.length > 0) return { ok: false, errors: byLine(errors), ...givenName(validated.values) };
    // what the imported deployment leaves to the model (vLLM's default context: the model's longest sequence)
    afterModel(imported, resolved.model, validated.lines);
    const values = imported.values;
    const warnings = [...imported.warnings, ...resolved.warnings];
    const name = givenName(values).name ?? defaultPlanName(file);
    const plan: Plan = {
      version: 1,
      name,
      ...(typeof values.description === 'string' ? { description: values.description } : {}),
      model: resolved.model,
      hardware: resolved.hardware,
      parallelism: section(values, 'parallelism'),
      workload: section(values, 'workload'),
      requirements: section(values, 'requirements'),
      claims: section(values, 'claims'),
      ...(Object.keys(section(values, 'deployment')).length > 0 ? { deployment: section(values, 'deployment') as unknown as DeploymentSpec } : {}),
      ...(Object.hasOwn(values, 'disaggregation') ? { disaggregation: disaggregationOf(section(values, 'disaggregation')) } : {}),
    };
    return {
      ok: true,
      loaded: {
        file,
        plan,
        lines: validated.lines,
        origins: { ...imported.origins, ...resolved.origins },
        ...(warnings.length > 0 ? { warnings } : {}),
        ...('unread' in imported && imported.unread ? { unread: imported.unread } : {}),
        ...('defaulted' in imported && imported.defaulted ? { defaulted: imported.defaulted } : {}),
      },
    };
  } catch (err) {
    if (err instanceof WorkBudgetExceeded) throw err; // the plan's budget, reported by whoever set it
    // the error's message may quote the file: only its kind is said
    return { ok: false, errors: [{ message: `${file}: internal error while loading the plan (${err instanceof Error ? err.name : 'a failure'})` }] };
  }
}
