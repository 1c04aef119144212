// Values a plan takes from the files it names (deployment.from, model.hf_config) meet the ranges of the
// field table, as the plan's own values do (validate.ts): the importers and the config.json reader take
// any whole number a file writes, and a file of num_instances 1e300 or a vision_config of hidden_size
// 1e300 carried 1e+300 GPUs, Infinity parameters and NaN GiB into the report. Such a value makes the
// plan an error naming the key, the file and line it came from (never the value: it is the file's).
// Presets are the project's own and are not judged here. Pure.
import type { PlanError } from '../core/types.js';
import { type Field, PLAN_SCHEMA, type SectionField } from './schema.js';
import { quote } from './source.js';
import { inRange, rangeText, valueAt } from './validate.js';

type Values = Record<string, unknown>;

/** The field of a dotted path in the table, or undefined (a key of no field, or a section). */
function fieldAt(path: string): Field | undefined {
  let sec: SectionField = PLAN_SCHEMA;
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const field = Object.hasOwn(sec.fields, part) ? sec.fields[part] : undefined;
    if (field === undefined) return undefined;
    if (i === parts.length - 1) return field.kind === 'section' ? undefined : field;
    if (field.kind !== 'section') return undefined;
    sec = field;
  }
  return undefined;
}

/** What the field accepts, when `value` is not that; undefined when it is (or the field is not numeric). */
function outOfRange(field: Field, value: unknown): string | undefined {
  const numbers = Array.isArray(value) ? value : [value];
  if (!numbers.every((n) => typeof n === 'number')) return undefined; // an importer's own shapes: not judged here
  switch (field.kind) {
    case 'int':
    case 'intList':
      return numbers.every((n) => Number.isInteger(n) && inRange(n, field.min, field.max)) ? undefined : `a whole number ${rangeText(field.min, field.max)}`;
    case 'real':
      return numbers.every((n) => inRange(n, field.min, field.max, field.minExclusive, field.maxExclusive))
        ? undefined
        : `a number ${rangeText(field.min, field.max, field.minExclusive, field.maxExclusive)}`;
    case 'quantity':
      return numbers.every((n) => inRange(n, field.min, field.max, field.minExclusive))
        ? undefined
        : `a quantity ${rangeText(field.min, field.max, field.minExclusive, false, field.dimension === 'bytes' ? 'bytes' : '')}`;
    default:
      return undefined;
  }
}

/**
 * Errors for the imported values (`origins`: path -> "file:line" or "preset:id") outside their field's range.
 * `values` is the plan as loaded (model and hardware resolved); `lines` are the plan's own, for the line of
 * the key that named the file (model.hf_config for the model's values from it, else deployment.from).
 */
export function importedOutOfRange(values: Values, origins: Record<string, string>, lines: Record<string, number>, hfConfig: string | undefined): PlanError[] {
  const errors: PlanError[] = [];
  for (const [path, origin] of Object.entries(origins)) {
    if (origin.startsWith('preset:')) continue;
    const field = fieldAt(path);
    if (field === undefined) continue;
    const accepts = outOfRange(field, valueAt(values, path));
    if (accepts === undefined) continue;
    const fromHf = hfConfig !== undefined && path.startsWith('model.') && (origin === hfConfig || origin.startsWith(`${hfConfig}:`));
    const line = fromHf ? lines['model.hf_config'] : (lines['deployment.from'] ?? lines.deployment);
    errors.push({
      message: `${path}: ${quote(origin, 200)} gives a value that is not ${accepts}, the range a plan may state`,
      path,
      ...(line !== undefined ? { line } : {}),
    });
  }
  return errors;
}
