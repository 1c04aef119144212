// The plan's `deployment:` key: imports each file it names and folds the figures into the plan's values
// (explicit plan fields win; later files win over earlier ones). Pure: files are read through the
// loader's ReadReference, relative to the plan; a file an imported file names (an engine --config) is
// read relative to that file.
import type { ModelSpec, PlanError, ReadReference } from '../core/types.js';
import { quote } from '../plan/source.js';
import type { Engine } from './engine-args.js';
import { chargeWork, workLeft } from '../core/work-budget.js';
import { importDeployment, type ImportOptions, type ReadRelative, relativeTo } from './index.js';
import { applyDenseModel, applyModelContext, mergeImports } from './merge.js';
import type { ImportError, ImportResult, ModelContext } from './result.js';

type Values = Record<string, unknown>;

export interface DeploymentResolution {
  /** the plan's values with imported fields filled in (without the `deployment` key's own effect otherwise) */
  values: Values;
  /** dotted path -> "file:line" of each imported value used */
  origins: Record<string, string>;
  errors: PlanError[];
  warnings: PlanError[];
  /** layout keys an imported file names but could not read, that nothing else gives -> why */
  unread?: Record<string, string>;
  /** memory flags an imported command leaves at the engine's default, that nothing else gives -> the command's file:line */
  defaulted?: Record<string, string>;
  /** an engine's context that is the model's longest sequence, for afterModel */
  modelContext?: ModelContext;
  /** imported expert-parallel paths -> the flag that set them, for afterModel */
  expertFlags?: Record<string, string>;
}

/** Most files one plan may import from. */
export const MAX_IMPORTS = 16;

/**
 * What importing a file gave, by its name as written, the options and its text: one pull request's
 * 500 plans may import the same files, and each parsed them again (16 files of 1 MiB: 6 s a plan,
 * about 50 minutes a run; a hostile-PR review). The result is small (the figures read), unlike the
 * parsed tree (some 700 bytes a value: keeping trees ran a run of alias-heavy files out of memory).
 * A file that reads another (an engine --config) is not kept: that one is relative to the plan. A
 * reuse charges the plan's work budget what the import cost, so a plan meets the same budget
 * whether or not another plan imported the file first.
 */
const imported = new Map<string, { result: ImportResult | ImportError; units: number }>();
let importedChars = 0;
const MAX_IMPORTED_CHARS = 64 * 1024 * 1024;
/** Largest import result kept (as JSON): the figures of a deployment file take a few kilobytes. */
const MAX_KEPT_RESULT_CHARS = 64 * 1024;

function importOnce(from: string, text: string, options: ImportOptions, read: ReadRelative): ImportResult | ImportError {
  const key = `${from}\u0000${options.engine ?? ''}\u0000${options.container ?? ''}\u0000${text}`;
  const known = imported.get(key);
  if (known !== undefined) {
    chargeWork(known.units);
    return structuredClone(known.result);
  }
  let readsOthers = false;
  const before = workLeft();
  const result = importDeployment(from, text, options, (ref) => {
    readsOthers = true;
    return read(ref);
  });
  // what an import read can be large (a file's values, expanded from aliases): only small results are kept
  const size = readsOthers ? Infinity : JSON.stringify(result).length;
  if (size <= MAX_KEPT_RESULT_CHARS) {
    if (importedChars + key.length + size > MAX_IMPORTED_CHARS) {
      imported.clear();
      importedChars = 0;
    }
    imported.set(key, { result: structuredClone(result), units: Number.isFinite(before) ? before - workLeft() : 0 });
    importedChars += key.length + size;
  }
  return result;
}

/** The result without the warnings the plan's own values answer (no model preset, where the plan names one). */
function withoutMoot(result: ImportResult, values: Values): ImportResult {
  const moot = result.moot;
  if (moot === undefined) return result;
  const given = (path: string): boolean => {
    let cur: unknown = values;
    for (const part of path.split('.')) cur = cur !== null && typeof cur === 'object' && Object.hasOwn(cur, part) ? (cur as Values)[part] : undefined;
    return cur !== undefined && cur !== null;
  };
  return { ...result, warnings: result.warnings.filter((w) => !(Object.hasOwn(moot, w) && moot[w]!.some(given))) };
}

function own(obj: Values, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** The files a plan's values import from, as written (relative to the plan). */
export function deploymentFiles(values: Values): string[] {
  const deployment = own(values, 'deployment');
  if (deployment === null || typeof deployment !== 'object') return [];
  const from = own(deployment as Values, 'from');
  const list = typeof from === 'string' ? [from] : Array.isArray(from) ? from : [];
  return list.filter((f): f is string => typeof f === 'string');
}

export function resolveDeployment(
  file: string,
  values: Values,
  lines: Record<string, number>,
  readReference: ReadReference,
  planText?: string,
): DeploymentResolution {
  const deployment = own(values, 'deployment');
  if (deployment === null || typeof deployment !== 'object') return { values, origins: {}, errors: [], warnings: [] };
  const spec = deployment as Values;
  const engine = own(spec, 'engine') as Engine | undefined;
  const container = own(spec, 'container') as string | undefined;
  const at = warningAt(lines);

  const errors: PlanError[] = [];
  const results: ImportResult[] = [];
  const itself = relativeTo(file, file.split('/').pop() ?? file);
  const selfImport = (from: string, what = 'is this plan itself'): PlanError =>
    at(`deployment.from: '${quote(from, 200)}' ${what}; name the engine's config, launch script or manifest`);
  for (const from of deploymentFiles(values).slice(0, MAX_IMPORTS)) {
    // the plan read again as an engine's config would import nothing and pass unremarked
    if (relativeTo(file, from) === itself) {
      errors.push(selfImport(from));
      continue;
    }
    const read = readReference(file, from);
    if ('error' in read) {
      errors.push(at(`deployment.from: cannot read '${quote(from, 200)}': ${read.error}`));
      continue;
    }
    // the plan by another spelling ('.\\p.plan.yaml', '../deploy/p.plan.yaml' from the CLI's own folder), or a copy of it
    if (planText !== undefined && read.text === planText) {
      errors.push(selfImport(from, "holds this plan's own text"));
      continue;
    }
    const result = importOnce(from, read.text, { ...(engine ? { engine } : {}), ...(container ? { container } : {}) }, (ref) =>
      readReference(file, relativeTo(from, ref)),
    );
    if ('error' in result) {
      // an importer's error may quote the imported file: cut and escaped like any quoted value
      errors.push(at(`deployment.from: ${quote(from, 200)}${result.line !== undefined ? `:${result.line}` : ''}: ${quote(result.error, 400)}`));
      continue;
    }
    results.push(withoutMoot(result, values));
  }
  if (errors.length > 0) return { values, origins: {}, errors, warnings: [] };
  const merged = mergeImports(values, results);
  // A disaggregated deployment has no top-level layout: the plan's own would be silently ignored.
  const ownLayout = own(values, 'parallelism');
  if (
    own(merged.values, 'disaggregation') !== undefined &&
    own(values, 'disaggregation') === undefined &&
    ownLayout !== null &&
    typeof ownLayout === 'object' &&
    Object.keys(ownLayout).length > 0
  ) {
    const line = lines.parallelism;
    errors.push({
      message:
        'parallelism: the imported deployment is disaggregated (prefill and decode pools, each with its own layout); remove the top-level parallelism or give disaggregation.<pool>.parallelism',
      path: 'parallelism',
      ...(line !== undefined ? { line } : {}),
    });
    return { values, origins: {}, errors, warnings: [] };
  }
  return {
    values: merged.values,
    origins: merged.origins,
    errors,
    warnings: merged.warnings.map((w) => at(`deployment: ${w}`)),
    ...(Object.keys(merged.unread).length > 0 ? { unread: merged.unread } : {}),
    ...(Object.keys(merged.defaulted).length > 0 ? { defaulted: merged.defaulted } : {}),
    ...(merged.modelContext ? { modelContext: merged.modelContext } : {}),
    ...(merged.expertFlags ? { expertFlags: merged.expertFlags } : {}),
  };
}

/** A message about deployment.from, at its line. */
function warningAt(lines: Record<string, number>): (message: string) => PlanError {
  const line = lines['deployment.from'] ?? lines.deployment;
  return (message) => ({ message, path: 'deployment.from', ...(line !== undefined ? { line } : {}) });
}

/**
 * What an import leaves to the model, once its preset and hf_config are read: an engine's default
 * context that is the model's longest sequence (merge.ts applyModelContext), and an expert-parallel
 * flag a model without experts ignores (applyDenseModel). Changes `resolution`.
 */
export function afterModel(resolution: DeploymentResolution, model: ModelSpec, lines: Record<string, number>): void {
  const warnings: string[] = [];
  if (resolution.modelContext !== undefined) applyModelContext(resolution.values, resolution.modelContext, model.max_context, resolution.origins, warnings);
  if (resolution.expertFlags !== undefined) applyDenseModel(resolution.values, resolution.expertFlags, model, resolution.origins, warnings);
  if (warnings.length === 0) return;
  const at = warningAt(lines);
  resolution.warnings.push(...warnings.map((w) => at(`deployment: ${w}`)));
}
