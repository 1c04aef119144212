// Checks a parsed plan tree against the field table (schema.ts): types, ranges, units,
// unknown keys (with "did you mean"), aliases and unit-suffixed keys, and the few
// consistency rules without which a plan means nothing. Collects ALL errors.
// Outputs are built from the table's known keys only, so no written key (such as
// __proto__) is ever assigned into an object.
import type { PlanError } from '../core/types.js';
import { didYouMeanSuffix } from './didYouMean.js';
import {
  type Field,
  type IntField,
  type KeyHint,
  type KeyMeaning,
  type IntListField,
  type QuantityField,
  type RealField,
  type SectionField,
  type StringField,
  PLAN_SCHEMA,
  sectionKeys,
} from './schema.js';
import { type MapEntry, type SourceNode, keyLabel, keyPathPart, quote } from './source.js';
import { acceptedUnits, DIMENSIONS, findUnit, parseQuantity, scale } from './units.js';

export type PlanValues = { [key: string]: unknown };

export interface ValidationResult {
  /** the plan's values, canonical names, SI units; sections as nested objects */
  values: PlanValues;
  /** canonical dotted path -> 1-based line of its key */
  lines: Record<string, number>;
  errors: PlanError[];
}

/** How a value is described in messages: got 2.5, got "abc", got a list. */
export function describeValue(node: SourceNode): string {
  if (node.type === 'map') return 'a map';
  if (node.type === 'seq') return 'a list';
  const v = node.value;
  if (v === null || v === undefined) return 'nothing (an empty value)';
  if (typeof v === 'string') return `the string "${quote(v)}"`;
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Uint8Array) return 'binary data (!!binary)';
  if (v instanceof Date) return 'a timestamp';
  return `a value of type ${typeof v === 'object' ? (v.constructor?.name ?? 'object') : typeof v}`;
}

/** What kind of value a node is, without quoting it: for text that is no field a plan defines. */
export function describeKind(node: SourceNode): string {
  if (node.type !== 'scalar') return node.type === 'map' ? 'a map' : 'a list';
  const v = node.value;
  if (v === null || v === undefined) return 'nothing (an empty value)';
  return typeof v === 'string' ? `a string of ${v.length} characters (not shown)` : `a ${typeof v}`;
}

function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return String(n);
  return String(Number(n.toPrecision(6)));
}

/** "from 1 to 65536", "greater than 0 and at most 1", "from 0 to less than 1". */
export function rangeText(min: number, max: number, minExclusive = false, maxExclusive = false, unit = ''): string {
  const u = unit ? ` ${unit}` : '';
  const lo = formatNumber(min);
  const hi = formatNumber(max);
  if (minExclusive && maxExclusive) return `greater than ${lo}${u} and less than ${hi}${u}`;
  if (minExclusive) return `greater than ${lo}${u} and at most ${hi}${u}`;
  if (maxExclusive) return `from ${lo}${u} to less than ${hi}${u}`;
  return `from ${lo}${u} to ${hi}${u}`;
}

/** Whether `v` lies in a field's range, each end closed unless it is exclusive. */
export function inRange(v: number, min: number, max: number, minExclusive = false, maxExclusive = false): boolean {
  return (minExclusive ? v > min : v >= min) && (maxExclusive ? v < max : v <= max);
}

/** Every section path of the table with the keys it accepts ('' is the top level). */
function sectionIndex(): Map<string, ReadonlyMap<string, KeyMeaning>> {
  const index = new Map<string, ReadonlyMap<string, KeyMeaning>>();
  const walk = (sec: SectionField, prefix: string): void => {
    index.set(prefix, sectionKeys(sec));
    for (const [key, field] of Object.entries(sec.fields)) {
      if (field.kind === 'section') walk(field, prefix ? `${prefix}.${key}` : key);
    }
  };
  walk(PLAN_SCHEMA, '');
  return index;
}
const SECTIONS = sectionIndex();

/** Every section's hints (serving-tool keys that mean something else here), by key: section path and hint. */
function hintIndex(): Map<string, { path: string; hint: KeyHint }> {
  const index = new Map<string, { path: string; hint: KeyHint }>();
  const walk = (sec: SectionField, prefix: string): void => {
    // the first home wins: parallelism's hints point at the top level, not at a disaggregated pool's copy
    for (const [key, hint] of Object.entries(sec.hints ?? {})) if (!index.has(key)) index.set(key, { path: prefix, hint });
    for (const [key, field] of Object.entries(sec.fields)) {
      if (field.kind === 'section') walk(field, prefix ? `${prefix}.${key}` : key);
    }
  };
  walk(PLAN_SCHEMA, '');
  return index;
}
const HINTS = hintIndex();
/** The hint table's spelling of a written key: engines' flags as typed on a command line (gpu-memory-utilization) are their config keys. */
const hintKey = (key: string): string => key.toLowerCase().replaceAll('-', '_');
/**
 * The key as a message shows it: a hinted key is one of the table's names (up to case and dashes), so it is
 * shown however long (kv_cache_free_gpu_memory_fraction); any other key only when keyLabel shows it.
 */
const shownKey = (key: string): { label: string; part: string } =>
  HINTS.has(hintKey(key)) ? { label: `'${key}'`, part: key } : { label: keyLabel(key), part: keyPathPart(key) };

/** " (did you mean 'x'?)", or " (it belongs in hardware: hardware.gpus)" for a key put in the wrong section. */
function suggestion(key: string, sec: SectionField, siblings: ReadonlyMap<string, KeyMeaning>, prefix: string, listKeys: boolean): string {
  const flag = hintKey(key);
  const hinted = HINTS.get(flag);
  if (hinted) {
    // a section with the same hints (a pool's parallelism) is pointed at its own key
    const here = hinted.path === prefix || (sec.hints !== undefined && Object.hasOwn(sec.hints, flag));
    const target = here ? hinted.hint.use : `${hinted.path}.${hinted.hint.use}`;
    return ` (did you mean '${target}'? ${key} ${hinted.hint.why})`;
  }
  const near = didYouMeanSuffix(key, siblings.keys());
  if (near) return near;
  const all = [...SECTIONS].filter(([path, keys]) => path !== prefix && keys.has(key)).map(([path]) => path);
  // A pool of a disaggregated plan repeats the layout keys: a key misplaced in a pool belongs in that
  // pool's section; elsewhere, name a pool only when it is the only home.
  const inPool = prefix.startsWith('disaggregation.') ? all.filter((h) => h.startsWith(`${prefix}.`)) : [];
  const main = all.filter((h) => !h.startsWith('disaggregation.'));
  const homes = inPool.length > 0 ? inPool : main.length > 0 ? main : all;
  if (homes.length === 0) return listKeys ? knownKeys(siblings) : '';
  return ` (it belongs in ${homes.map((h) => (h ? `${h}: ${h}.${key}` : `the top level: ${key}`)).join(' or ')})`;
}

/** No key near it: the keys this section knows, by their own names (aliases left out), so the nearest can be picked by eye. */
function knownKeys(siblings: ReadonlyMap<string, KeyMeaning>): string {
  const names = [...new Set([...siblings.values()].map((m) => m.canonical))].sort();
  if (names.length === 0) return '';
  const shown = names.slice(0, KNOWN_KEYS_SHOWN);
  return ` (known keys here: ${shown.join(', ')}${names.length > shown.length ? `, and ${names.length - shown.length} more` : ''})`;
}
const KNOWN_KEYS_SHOWN = 16;
const KEYS_LISTED_MOST = 3;

class Validator {
  readonly errors: PlanError[] = [];
  /** unknown keys seen: only the first few are given their section's known keys, so a file of junk keys stays short */
  private keysListed = 0;
  readonly lines: Record<string, number> = {};

  error(path: string, line: number | undefined, message: string): void {
    this.errors.push(line === undefined ? { message: `${path}: ${message}`, path } : { message: `${path}: ${message}`, path, line });
  }

  section(sec: SectionField, node: SourceNode, prefix: string): PlanValues {
    const out: PlanValues = {};
    if (node.type === 'scalar' && (node.value === null || node.value === undefined)) return out; // "claims:" left empty
    if (node.type !== 'map') {
      // the top level is no field a plan defines: a file that is not a plan (an .env file) is not quoted
      const where = prefix === '' ? 'the file' : prefix;
      this.errors.push({
        message: `${where}: must be a map of keys (${Object.keys(sec.fields).slice(0, 4).join(', ')}, ...), got ${prefix === '' ? describeKind(node) : describeValue(node)}`,
        ...(prefix ? { path: prefix } : {}),
        line: node.line,
      });
      return out;
    }
    const keys = sectionKeys(sec);
    /** canonical name -> the entry that set it */
    const setBy = new Map<string, MapEntry>();
    for (const entry of node.entries) {
      const meaning = keys.get(entry.key);
      if (!meaning) {
        // past the errors a report shows (thousands of junk keys), only the line: they are counted, not listed
        if (this.errors.length >= 200) {
          this.errors.push({ message: 'unknown key', line: entry.keyLine });
          continue;
        }
        if (entry.key === '<<') {
          // the parser reads merge keys as plain keys (YAML 1.2 has none): say what it is, not its length
          this.error(
            prefix ? `${prefix}.<<` : '<<',
            entry.keyLine,
            "a YAML merge key ('<<') is not supported: write the keys out (anchors and aliases of whole values work)",
          );
          continue;
        }
        // an unknown key is no field a plan defines: shown only when it is a plain short name or a hinted one
        const shown = shownKey(entry.key);
        this.error(
          prefix ? `${prefix}.${shown.part}` : shown.part,
          entry.keyLine,
          `unknown key ${shown.label}${suggestion(entry.key, sec, keys, prefix, this.keysListed++ < KEYS_LISTED_MOST)}`,
        );
        continue;
      }
      const path = prefix ? `${prefix}.${meaning.canonical}` : meaning.canonical;
      const earlier = setBy.get(meaning.canonical);
      if (earlier) {
        this.errors.push({
          message: `${quote(prefix ? `${prefix}.${entry.key}` : entry.key)}: '${earlier.key}' (line ${earlier.keyLine}) already sets ${path}; give only one of them`,
          path,
          line: entry.keyLine,
        });
        continue;
      }
      setBy.set(meaning.canonical, entry);
      this.lines[path] = entry.keyLine;
      const value = this.field(meaning.field, entry, path, meaning.keyUnit, meaning.keyBase);
      if (value !== undefined) out[meaning.canonical] = value;
    }
    return out;
  }

  field(field: Field, entry: MapEntry, path: string, keyUnit?: string, keyBase?: string): unknown {
    const node = entry.value;
    const label = entry.key === path.split('.').pop() ? path : `${path} (written ${entry.key})`;
    const fail = (message: string, line = node.line): undefined => {
      this.errors.push({ message: `${label}: ${message}`, path, line });
      return undefined;
    };
    const scalar = node.type === 'scalar' ? node.value : undefined;
    switch (field.kind) {
      case 'section':
        return this.section(field, node, path);
      case 'const':
        return scalar === field.value || (typeof scalar === 'number' && field.also?.includes(scalar))
          ? field.value
          : fail(`must be ${[field.value, ...(field.also ?? [])].join(' or ')}, got ${describeValue(node)}`);
      case 'string':
        if (field.list) return this.stringList(field, node, fail);
        if (typeof scalar !== 'string') return fail(`must be a string, got ${describeValue(node)}`);
        if (scalar.length > field.maxLength) {
          return fail(`must be at most ${field.maxLength} characters long, got ${scalar.length}`);
        }
        return scalar;
      case 'boolean':
        return typeof scalar === 'boolean' ? scalar : fail(`must be true or false, got ${describeValue(node)}`);
      case 'enum': {
        // the messages' texts are built only when they are needed (the common case builds none)
        const allowed = (): string => [...new Set(Object.values(field.values))].join(', ');
        if (typeof scalar !== 'string') return fail(`must be one of ${allowed()}, got ${describeValue(node)}`);
        const key = scalar.trim().toLowerCase();
        const value = Object.hasOwn(field.values, key) ? field.values[key] : undefined;
        if (value === undefined) {
          return fail(`must be one of ${allowed()}, got ${describeValue(node)}${didYouMeanSuffix(key, Object.keys(field.values))}`);
        }
        return value;
      }
      case 'int':
        return this.int(field, node, fail);
      case 'real':
        return this.real(field, node, fail);
      case 'intList':
        return this.intList(field, node, label, fail);
      case 'quantity':
        return this.quantity(field, node, entry.key, fail, keyUnit, keyBase);
    }
  }

  /** One string or a list of them (deployment.from); always a list once loaded. */
  stringList(field: StringField, node: SourceNode, fail: (m: string, line?: number) => undefined): string[] | undefined {
    const maxItems = field.list?.maxItems ?? 1;
    const items = node.type === 'seq' ? node.items : [node];
    if (items.length === 0 || items.length > maxItems) return fail(`must list 1 to ${maxItems} strings, got ${items.length}`);
    const out: string[] = [];
    for (const item of items) {
      const v = item.type === 'scalar' ? item.value : undefined;
      if (typeof v !== 'string' || v === '' || v.length > field.maxLength) {
        return fail(`must be a non-empty string of at most ${field.maxLength} characters, or a list of them; got ${describeValue(item)}`, item.line);
      }
      out.push(v);
    }
    return out;
  }

  int(field: IntField, node: SourceNode, fail: (m: string, line?: number) => undefined): number | undefined {
    const expected = (): string => `a whole number ${rangeText(field.min, field.max)}`;
    let value: unknown = node.type === 'scalar' ? node.value : undefined;
    if (typeof value === 'string' && field.suffixes) {
      const parsed = parseQuantity('count', value);
      if (!parsed.ok) {
        return fail(`must be ${expected()}, as a number or with a suffix (${acceptedUnits('count')}: 10B, 671B, 1e10), got ${describeValue(node)}`);
      }
      value = parsed.value;
    }
    if (typeof value !== 'number') return fail(`must be ${expected()}, got ${describeValue(node)}`);
    const n = field.min === 0 && Object.is(value, -0) ? 0 : value;
    if (!Number.isSafeInteger(n) || Object.is(n, -0) || !inRange(n, field.min, field.max)) {
      return fail(`must be ${expected()}, got ${describeValue(node)}`);
    }
    return n;
  }

  real(field: RealField, node: SourceNode, fail: (m: string) => undefined): number | undefined {
    const value = node.type === 'scalar' ? node.value : undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || !inRange(value, field.min, field.max, field.minExclusive, field.maxExclusive)) {
      return fail(`must be a number ${rangeText(field.min, field.max, field.minExclusive, field.maxExclusive)}, got ${describeValue(node)}`);
    }
    return Object.is(value, -0) ? 0 : value;
  }

  intList(field: IntListField, node: SourceNode, label: string, fail: (m: string, line?: number) => undefined): number[] | undefined {
    if (node.type !== 'seq') return fail(`must be a list of whole numbers, got ${describeValue(node)}`);
    if (node.items.length === 0) return fail('must list at least one number');
    if (node.items.length > field.maxItems) return fail(`must list at most ${field.maxItems} numbers, got ${node.items.length}`);
    const out: number[] = [];
    let ok = true;
    node.items.forEach((item, i) => {
      const v = item.type === 'scalar' ? item.value : undefined;
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || Object.is(v, -0) || !inRange(v, field.min, field.max)) {
        if (ok) {
          this.errors.push({
            message: `${label}[${i}]: must be a whole number ${rangeText(field.min, field.max)}, got ${describeValue(item)}`,
            path: label.split(' ')[0] ?? label,
            line: item.line,
          });
        }
        ok = false;
      } else out.push(v);
    });
    return ok ? out : undefined;
  }

  quantity(field: QuantityField, node: SourceNode, key: string, fail: (m: string) => undefined, keyUnit?: string, keyBase?: string): number | undefined {
    const dim = field.dimension;
    const units = (): string => acceptedUnits(dim);
    const value = node.type === 'scalar' ? node.value : undefined;
    let base: number;
    if (keyUnit !== undefined) {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        const hint = typeof value === 'string' ? `; for a string with a unit write ${keyBase ?? key}: "${quote(value)}"` : '';
        return fail(`takes a plain number in ${keyUnit}, got ${describeValue(node)}${hint}`);
      }
      base = scale(value, (findUnit(dim, keyUnit) ?? { factor: NaN }).factor);
    } else if (typeof value === 'number') {
      // an infinity or NaN is no figure whatever its unit: say so, not "write -Infinity ms"
      if (!Number.isFinite(value)) return fail(`must be a finite number, got ${describeValue(node)}`);
      if (field.numberUnit === undefined) {
        const example = EXAMPLE_UNIT[dim];
        return fail(
          `a plain number needs a unit: write e.g. "${formatNumber(value)} ${example.unit}" or ` +
            `${key}_${example.suffix}: ${formatNumber(value)}; accepted units: ${units()}`,
        );
      }
      base = scale(value, (findUnit(dim, field.numberUnit) ?? { factor: NaN }).factor);
    } else if (typeof value === 'string') {
      const parsed = parseQuantity(dim, value);
      if (!parsed.ok) {
        if (parsed.reason === 'missing-unit') return fail(`${describeValue(node)} has no unit; accepted units: ${units()}`);
        if (parsed.reason === 'bits-for-bytes') {
          return fail(`'${quote(parsed.unit ?? '')}' is bits (lower-case b); sizes are in bytes (upper-case B): ${units()}`);
        }
        if (parsed.reason === 'ambiguous-bits') {
          const prefix = (parsed.unit ?? '').charAt(0).toUpperCase();
          return fail(
            `'${quote(parsed.unit ?? '')}' is ambiguous: write ${prefix}B/s for bytes per second (memory, NVLink) or ${prefix}b/s for bits (network links)`,
          );
        }
        if (parsed.reason === 'bad-unit') return fail(`unknown unit '${quote(parsed.unit ?? '')}'; accepted units: ${units()}`);
        return fail(`must be a number with a unit (${units()}), got ${describeValue(node)}`);
      }
      base = parsed.value;
    } else {
      return fail(`must be a number with a unit (${units()}), got ${describeValue(node)}`);
    }
    const baseUnit = DIMENSIONS[dim].base;
    if (!Number.isFinite(base) || !inRange(base, field.min, field.max, field.minExclusive)) {
      // the value as written, and in the unit of the range where that differs (peak_tflops: 1e18 is 1e30 FLOP/s)
      const writtenUnit = keyUnit ?? (typeof value === 'number' ? field.numberUnit : undefined);
      const written = writtenUnit !== undefined ? `${describeValue(node)} ${writtenUnit}` : describeValue(node);
      const inBase = !Number.isFinite(base)
        ? ` (beyond any finite number of ${baseUnit})`
        : typeof value === 'number' && base !== value
          ? ` (${formatNumber(base)} ${baseUnit})`
          : '';
      return fail(`must be ${rangeText(field.min, field.max, field.minExclusive, false, baseUnit)}, got ${written}${inBase}`);
    }
    return Object.is(base, -0) ? 0 : base;
  }
}

/** The unit suggested when a plain number lacks one, as a string unit and as a key suffix. */
const EXAMPLE_UNIT: Record<QuantityField['dimension'], { unit: string; suffix: string }> = {
  bytes: { unit: 'GiB', suffix: 'gib' },
  byteRate: { unit: 'GB/s', suffix: 'gbps' },
  flops: { unit: 'TFLOPS', suffix: 'tflops' },
  time: { unit: 'ms', suffix: 'ms' },
  tokenRate: { unit: 'tokens/s', suffix: 'tokens_per_s' },
  requestRate: { unit: '/s', suffix: 'per_s' },
  power: { unit: 'W', suffix: 'w' },
};

/** The value at a dotted path of the plan's values, or undefined. */
export function valueAt(values: PlanValues, path: string): unknown {
  let cur: unknown = values;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, part)) return undefined;
    cur = (cur as PlanValues)[part];
  }
  return cur;
}

/** Rules between fields that make a plan meaningless when broken (layout rules are the core's checks). */
function consistency(values: PlanValues, lines: Record<string, number>, errors: PlanError[]): void {
  const atLeast = (maxPath: string, minPath: string): void => {
    const max = valueAt(values, maxPath);
    const min = valueAt(values, minPath);
    if (typeof max === 'number' && typeof min === 'number' && max < min) {
      const line = lines[maxPath];
      errors.push({
        message: `${maxPath}: must be at least ${minPath} (${min}), got ${max}`,
        path: maxPath,
        ...(line !== undefined ? { line } : {}),
      });
    }
  };
  atLeast('workload.max_input_tokens', 'workload.input_tokens');
  atLeast('workload.max_output_tokens', 'workload.output_tokens');
  disaggregationRules(values, lines, errors);
  const tokens = valueAt(values, 'workload.speculative.tokens');
  const acceptance = valueAt(values, 'workload.speculative.acceptance_length');
  if (typeof tokens === 'number' && typeof acceptance === 'number' && acceptance > tokens + 1) {
    const path = 'workload.speculative.acceptance_length';
    const line = lines[path];
    errors.push({
      message: `${path}: at most tokens + 1 = ${tokens + 1} tokens can be accepted per step (the proposals and one verified token), got ${acceptance}`,
      path,
      ...(line !== undefined ? { line } : {}),
    });
  }
}

/**
 * A disaggregated plan has both pools and no top-level layout (each pool has its own); the layouts
 * themselves are the core's checks (prefill.layout.world_size, ...).
 */
function disaggregationRules(values: PlanValues, lines: Record<string, number>, errors: PlanError[]): void {
  if (!Object.hasOwn(values, 'disaggregation')) return;
  const at = (path: string, message: string, linePath = path): void => {
    const line = lines[linePath];
    errors.push({ message: `${path}: ${message}`, path, ...(line !== undefined ? { line } : {}) });
  };
  const top = valueAt(values, 'parallelism');
  if (top !== undefined && top !== null && Object.keys(top as PlanValues).length > 0) {
    at(
      'parallelism',
      'a disaggregated plan gives no top-level parallelism: each pool has its own (disaggregation.prefill.parallelism, disaggregation.decode.parallelism)',
    );
  }
  // an imported deployment may bring the pools (the plan adding kv_transfer, say): judged after the import
  if (!importsDeployment(values)) errors.push(...missingPools(values, lines));
}

/** The plan imports its deployment from files (`deployment.from`). */
export function importsDeployment(values: PlanValues): boolean {
  return valueAt(values, 'deployment.from') !== undefined;
}

/** The pools a disaggregated plan lacks, once whatever it imports is merged in (src/plan/load.ts). */
export function missingPools(values: PlanValues, lines: Record<string, number>): PlanError[] {
  if (!Object.hasOwn(values, 'disaggregation')) return [];
  const line = lines.disaggregation;
  return (['prefill', 'decode'] as const)
    .filter((pool) => valueAt(values, `disaggregation.${pool}`) === undefined)
    .map((pool) => ({
      message: `disaggregation.${pool}: missing; a disaggregated plan has a prefill and a decode pool (workers, gpus, parallelism)`,
      path: `disaggregation.${pool}`,
      ...(line !== undefined ? { line } : {}),
    }));
}

/** Validates the whole tree (null: an empty file). */
export function validatePlan(root: SourceNode | null): ValidationResult {
  const v = new Validator();
  if (root === null) {
    return { values: {}, lines: {}, errors: [{ message: 'the file is empty; a plan starts with version: 1' }] };
  }
  // `---`, `null` or `~` alone: a plan of no keys, so it lacks version as `{}` does (else it was verified as empty)
  if (root.type === 'scalar' && (root.value === null || root.value === undefined)) {
    return {
      values: {},
      lines: {},
      errors: [{ message: 'version: missing; a plan must start with version: 1 (the file holds one empty value)', path: 'version', line: 1 }],
    };
  }
  const values = v.section(PLAN_SCHEMA, root, '');
  if (root.type === 'map' && !root.entries.some((e) => e.key === 'version')) {
    v.errors.push({ message: 'version: missing; a plan must start with version: 1', path: 'version', line: root.line });
  }
  consistency(values, v.lines, v.errors);
  return { values, lines: v.lines, errors: v.errors };
}
