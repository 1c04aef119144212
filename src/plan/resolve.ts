// Presets and hf_config: fills the model and hardware sections field by field.
// Precedence: the plan's own field > hf_config > preset (nested sections merge per field).
// Every value that did not come from the plan gets an origin: preset:<id> or <hf_config>:<line>.
import type { HardwareSpec, ModelSpec, PlanError, ReadReference } from '../core/types.js';
import { didYouMeanSuffix } from './didYouMean.js';
import { printedMemoryWarning } from './memory-figure.js';
import { PLAN_SCHEMA, type SectionField } from './schema.js';
import { quote } from './source.js';
import type { PlanValues } from './validate.js';

/** What resolution needs from the presets and the config.json reader (injected, so tests can stub it). */
export interface Catalog {
  modelPreset(id: string): { spec: ModelSpec } | undefined;
  /** `aliasNote`: the id could mean several parts; says which one was chosen (shown as a warning) */
  hardwarePreset(id: string): { id?: string; spec: HardwareSpec; aliasNote?: string } | undefined;
  modelPresetIds(): string[];
  hardwarePresetIds(): string[];
  /** other accepted names (Hugging Face repositories, system names), offered by "did you mean" */
  modelPresetAliases?(): string[];
  /** what an unknown model id most likely means, when no accepted name is a typo away from it */
  modelPresetNear?(id: string): NearModel | undefined;
  hardwarePresetAliases?(): string[];
  parseHfConfig(text: string): { spec: ModelSpec; lines: Record<string, number>; warnings: string[] } | { error: string };
  /** the capacities a hardware preset is sold with, in GB as printed (absent: no warning about them) */
  printedMemoryGb?(id: string): number[];
}

/** The preset an unknown model id most likely means, and the Hugging Face ids that are accepted for it. */
export interface NearModel {
  preset: string;
  /** a known checkpoint of the same name (another case, another owner); quantized: it stores other dtypes than the preset */
  checkpoint?: { repo: string; quantized: boolean };
  /** Hugging Face ids of the preset's checkpoints, each accepted as model.preset */
  repos: string[];
}

/** One source of values, lowest precedence first. */
interface Layer {
  values: PlanValues;
  /** origin of the value at a dotted path, undefined for the plan itself */
  origin: (path: string) => string | undefined;
}

export interface Resolution {
  model: PlanValues;
  hardware: PlanValues;
  origins: Record<string, string>;
  errors: PlanError[];
  warnings: PlanError[];
}

/** Keys a preset or config may not set: they name the references themselves. */
const REFERENCE_KEYS = new Set(['preset', 'hf_config']);

function own(obj: PlanValues, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** Merges layers over the table's fields only; later layers win, field by field. */
function mergeSection(sec: SectionField, layers: Layer[], prefix: string, origins: Record<string, string>): PlanValues {
  const out: PlanValues = {};
  for (const [key, field] of Object.entries(sec.fields)) {
    if (field.kind === 'section') {
      const inner = layers.map((layer) => {
        const sub = own(layer.values, key);
        const values = sub !== null && typeof sub === 'object' && !Array.isArray(sub) ? (sub as PlanValues) : {};
        return { values, origin: layer.origin };
      });
      const merged = mergeSection(field, inner, `${prefix}.${key}`, origins);
      if (Object.keys(merged).length > 0) out[key] = merged;
      continue;
    }
    // most of the table's fields are in no layer: their path and origin are built only for a value
    for (let i = layers.length - 1; i >= 0; i--) {
      const layer = layers[i] as Layer;
      const value = own(layer.values, key);
      if (value === undefined || value === null) continue;
      const path = `${prefix}.${key}`;
      const origin = layer.origin(path);
      if (origin !== undefined && REFERENCE_KEYS.has(key)) continue;
      out[key] = Array.isArray(value) ? [...(value as unknown[])] : value;
      if (origin !== undefined) origins[path] = origin;
      break;
    }
  }
  return out;
}

function sectionOf(name: 'model' | 'hardware'): SectionField {
  const sec = PLAN_SCHEMA.fields[name];
  if (sec?.kind !== 'section') throw new Error(`schema table has no section ${name}`);
  return sec;
}

function errorAt(path: string, lines: Record<string, number>, message: string): PlanError {
  const line = lines[path];
  return line === undefined ? { message: `${path}: ${message}`, path } : { message: `${path}: ${message}`, path, line };
}

function unknownPreset(kind: string, id: string, known: string[], aliases: string[] = [], near?: (id: string) => NearModel | undefined): string {
  const also = kind === 'model' ? ' (or a Hugging Face repository id such as moonshotai/Kimi-K2.5)' : '';
  const typo = didYouMeanSuffix(id, [...known, ...aliases]);
  const meant = near ? nearOrTypo(near(id), typo) : typo;
  return `unknown ${kind} preset '${quote(id)}'${meant}; known presets: ${known.join(', ')}${also}`;
}

/** A checkpoint's own name (another case or owner) says more than the nearest spelling, which may drop its -FP8. */
function nearOrTypo(near: NearModel | undefined, typo: string): string {
  if (near?.checkpoint) return nearModelSuffix(near);
  return typo !== '' ? typo : nearModelSuffix(near);
}

/** " (did you mean 'llama-3.1-8b'? ...)" for a model id that is a known one in another spelling, or "". */
function nearModelSuffix(near: NearModel | undefined): string {
  if (near === undefined) return '';
  const { preset, checkpoint, repos } = near;
  // a quantized checkpoint is more than its preset's architecture: its own id keeps the dtypes
  if (checkpoint?.quantized) return ` (did you mean '${checkpoint.repo}'? Its Hugging Face id gives preset ${preset} with the checkpoint's quantization)`;
  if (checkpoint) {
    return ` (did you mean '${preset}'? A preset covers every checkpoint of its architecture, base and Instruct; the Hugging Face id '${checkpoint.repo}' is accepted as well)`;
  }
  const shown = repos.slice(0, REPOS_SHOWN);
  const more = repos.length > shown.length ? ` and ${repos.length - shown.length} more` : '';
  return ` (did you mean '${preset}'?${shown.length > 0 ? ` Its Hugging Face ids are accepted as well: ${shown.join(', ')}${more}` : ''})`;
}
const REPOS_SHOWN = 4;

export function resolveReferences(file: string, values: PlanValues, lines: Record<string, number>, readReference: ReadReference, catalog: Catalog): Resolution {
  const errors: PlanError[] = [];
  const warnings: PlanError[] = [];
  const origins: Record<string, string> = {};
  const model = (own(values, 'model') ?? {}) as PlanValues;
  const hardware = (own(values, 'hardware') ?? {}) as PlanValues;

  const modelLayers: Layer[] = [];
  const modelPresetId = own(model, 'preset');
  if (typeof modelPresetId === 'string') {
    const preset = catalog.modelPreset(modelPresetId);
    if (preset) modelLayers.push({ values: preset.spec as PlanValues, origin: () => `preset:${modelPresetId}` });
    else
      errors.push(
        errorAt(
          'model.preset',
          lines,
          unknownPreset('model', modelPresetId, catalog.modelPresetIds(), catalog.modelPresetAliases?.(), catalog.modelPresetNear),
        ),
      );
  }
  const hfRef = own(model, 'hf_config');
  if (typeof hfRef === 'string') {
    const read = readReference(file, hfRef);
    if ('error' in read) {
      errors.push(errorAt('model.hf_config', lines, `cannot read '${quote(hfRef, 200)}': ${read.error}`));
    } else {
      const parsed = catalog.parseHfConfig(read.text);
      if ('error' in parsed) {
        errors.push(errorAt('model.hf_config', lines, `'${quote(hfRef, 200)}' is not a usable Hugging Face config: ${quote(parsed.error, 400)}`));
      } else {
        const hfLines = parsed.lines;
        const lineOf = (path: string): number | undefined => hfLines[path] ?? hfLines[path.replace(/^model\./, '')];
        modelLayers.push({
          values: parsed.spec as PlanValues,
          origin: (path) => {
            const line = lineOf(path);
            return line === undefined ? hfRef : `${hfRef}:${line}`;
          },
        });
        // the reader's warnings name only values of its own lists (src/plan/read-value.ts); cut and escaped all the same
        for (const w of parsed.warnings) warnings.push(errorAt('model.hf_config', lines, `${quote(hfRef, 200)}: ${quote(w, 400)}`));
      }
    }
  }
  modelLayers.push({ values: model, origin: () => undefined });

  const hardwareLayers: Layer[] = [];
  const hardwarePresetId = own(hardware, 'preset');
  if (typeof hardwarePresetId === 'string') {
    const preset = catalog.hardwarePreset(hardwarePresetId);
    if (preset) {
      hardwareLayers.push({ values: preset.spec as PlanValues, origin: () => `preset:${hardwarePresetId}` });
      if (preset.aliasNote !== undefined) warnings.push(errorAt('hardware.preset', lines, preset.aliasNote));
      // a printed capacity ("memory: 80GB") where the device reports another: say so
      const written = own(hardware, 'memory');
      if (typeof written === 'number' && preset.spec.memory !== undefined && catalog.printedMemoryGb) {
        const id = preset.id ?? hardwarePresetId;
        const warning = printedMemoryWarning(written, id, preset.spec.name ?? id, preset.spec.memory, catalog.printedMemoryGb(id), lines['hardware.memory']);
        if (warning) warnings.push(warning);
      }
    } else {
      errors.push(
        errorAt('hardware.preset', lines, unknownPreset('hardware', hardwarePresetId, catalog.hardwarePresetIds(), catalog.hardwarePresetAliases?.())),
      );
    }
  }
  hardwareLayers.push({ values: hardware, origin: () => undefined });

  return {
    model: mergeSection(sectionOf('model'), modelLayers, 'model', origins),
    hardware: mergeSection(sectionOf('hardware'), hardwareLayers, 'hardware', origins),
    origins,
    errors,
    warnings,
  };
}
