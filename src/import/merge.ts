// Folds imported fields into a plan's own values. The plan's explicit fields win; among imported files,
// later ones in `deployment.from` win. Imported model and hardware fields rank above presets and
// hf_config (an engine that quantizes to fp8 overrides the checkpoint's bf16) and below the plan.
//
// An engine's context length (--max-model-len, --context-length, max_seq_len) bounds prompt + output of
// one sequence, the total that the plan's memory check sizes as max_input_tokens + max_output_tokens; it
// is split as max_input_tokens = context - (max_output_tokens, else output_tokens), so the sum is the
// engine's context. Without an output length the split waits, with a warning. An engine started without
// one (vLLM) serves the model's longest sequence: that split waits for the model (applyModelContext).
import type { ImportResult, ModelContext } from './result.js';

type Values = Record<string, unknown>;

export interface MergedImports {
  /** the plan's values with imported fields filled in where the plan has none */
  values: Values;
  /** dotted path -> file:line, for every imported value that was used */
  origins: Record<string, string>;
  warnings: string[];
  /** paths an imported file sets but could not read, that neither the plan nor another file gives -> why */
  unread: Record<string, string>;
  /**
   * paths whose flag an imported command, read whole, leaves at the engine's default, that neither the
   * plan nor another file gives -> where the command is (the core reads the default as stated)
   */
  defaulted: Record<string, string>;
  /** no file gave a context length, and one started an engine whose default is the model's longest sequence */
  modelContext?: ModelContext;
  /** imported expert-parallel paths -> the flag that set them (applyDenseModel) */
  expertFlags?: Record<string, string>;
}

const SECTIONS = ['model', 'hardware', 'parallelism', 'workload', 'requirements', 'claims'] as const;
/** Nested keys an import fills field by field under the plan's own (the rest are taken whole or not at all). */
const NESTED_BY_FIELD = new Set(['workload.speculative']);
const isSection = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);
/** The only key of the plan's deployment section an import fills: which engine ran (its flags' meaning). */
const DEPLOYMENT_KEYS = new Set(['engine']);

function sectionOf(values: Values, key: string): Values {
  const v = Object.hasOwn(values, key) ? values[key] : undefined;
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Values) : {};
}

function has(section: Values, key: string): boolean {
  return Object.hasOwn(section, key) && section[key] !== undefined && section[key] !== null;
}

export function mergeImports(plan: Values, results: readonly ImportResult[]): MergedImports {
  const warnings: string[] = [];
  const origins: Record<string, string> = {};
  // later files win: walk them last to first and keep the first value seen
  const imported: Record<string, Values> = {};
  const importedOrigins: Record<string, string> = {};
  for (const result of [...results].reverse()) {
    for (const w of result.warnings) if (!warnings.includes(w)) warnings.push(w);
    // listed once per file, not once per field
    const originList = Object.entries(result.origins);
    for (const [section, fields] of Object.entries(result.fields)) {
      imported[section] ??= {};
      const target = imported[section];
      for (const [key, value] of Object.entries(fields)) {
        if (has(target, key)) continue;
        target[key] = value;
        const origin = result.origins[`${section}.${key}`];
        if (origin !== undefined) importedOrigins[`${section}.${key}`] = origin;
        // nested sections (the pools of a disaggregated deployment) keep every field's origin
        const prefix = `${section}.${key}.`;
        for (const [path, o] of originList) if (path.startsWith(prefix)) importedOrigins[path] ??= o;
      }
    }
  }
  warnings.reverse();

  const values: Values = { ...plan };
  for (const section of SECTIONS) {
    const own = sectionOf(plan, section);
    const from = imported[section] ?? {};
    const merged: Values = { ...own };
    for (const [key, value] of Object.entries(from)) {
      const path = `${section}.${key}`;
      const copyOrigins = (keep: (field: string) => boolean): void => {
        for (const [p, o] of Object.entries(importedOrigins)) if (p.startsWith(`${path}.`) && keep(p.slice(path.length + 1))) origins[p] = o;
      };
      // speculative decoding is filled field by field: the plan's acceptance_length beside the command's method and tokens
      if (NESTED_BY_FIELD.has(path) && has(own, key) && isSection(own[key]) && isSection(value)) {
        const mine = own[key] as Values;
        merged[key] = { ...(value as Values), ...mine };
        copyOrigins((field) => !has(mine, field));
        continue;
      }
      // An engine's batch cap is the load only when the plan states none: beside the plan's own open
      // loop it would read as a cap on the clients, whose held requests wait outside TTFT, when the
      // engine queues them inside it (the cap itself stays, as max_running_sequences)
      if (path === 'workload.concurrency' && has(own, 'request_rate')) continue;
      if (has(own, key)) {
        if (key === 'preset' && own[key] !== value) {
          warnings.push(
            `${path}: the plan says '${String(own[key])}' but ${importedOrigins[path] ?? 'the imported file'} names '${String(value)}'; the plan's is used`,
          );
        }
        continue;
      }
      merged[key] = value;
      const origin = importedOrigins[path];
      if (origin !== undefined) origins[path] = origin;
      if (NESTED_BY_FIELD.has(path)) copyOrigins(() => true);
    }
    if (Object.keys(merged).length > 0 || Object.hasOwn(plan, section)) values[section] = merged;
  }

  mergeDisaggregation(plan, values, imported.disaggregation, importedOrigins, origins, warnings);

  const ownDeployment = sectionOf(plan, 'deployment');
  const importedDeployment = imported.deployment ?? {};
  for (const [key, value] of Object.entries(importedDeployment)) {
    if (!DEPLOYMENT_KEYS.has(key) || has(ownDeployment, key)) continue;
    values.deployment = { ...sectionOf(values, 'deployment'), [key]: value };
    const origin = importedOrigins[`deployment.${key}`];
    if (origin !== undefined) origins[`deployment.${key}`] = origin;
  }

  const context = [...results].reverse().find((r) => r.context)?.context;
  if (context) splitContext(values, context.tokens, context.origin, origins, warnings);
  const modelContext = context ? undefined : [...results].reverse().find((r) => r.modelContext)?.modelContext;
  const spec = sectionOf(sectionOf(values, 'workload'), 'speculative');
  if (typeof spec.tokens === 'number' && typeof spec.acceptance_length === 'number' && spec.acceptance_length > spec.tokens + 1) {
    warnings.push(
      `workload.speculative: acceptance_length ${spec.acceptance_length} is more than the tokens + 1 = ${spec.tokens + 1} a step can accept with the ${spec.tokens} proposals of ${origins['workload.speculative.tokens'] ?? 'the plan'}`,
    );
  }
  // the flags behind expert-parallel figures that were imported (the plan's own are the plan's)
  const expertFlags: Record<string, string> = {};
  for (const result of results) for (const [path, flag] of Object.entries(result.expertFlags ?? {})) if (origins[path] !== undefined) expertFlags[path] = flag;
  return {
    values,
    origins,
    warnings,
    unread: unreadLeft(values, results),
    defaulted: defaultedLeft(values, results),
    ...(modelContext ? { modelContext } : {}),
    ...(Object.keys(expertFlags).length > 0 ? { expertFlags } : {}),
  };
}

/**
 * An expert-parallel flag on a model without experts: vLLM, SGLang and TensorRT-LLM split only MoE
 * layers by it, so on a dense model it changes nothing, and an imported ep would fail layout.moe_regroup
 * for a deployment that starts (--enable-expert-parallel on Llama 3.1 70B at tp=8: ep=8). The imported
 * ep (and etp, the same flag's) is dropped, with a warning. A model that is not known (no layers) is left.
 */
export function applyDenseModel(
  values: Values,
  expertFlags: Record<string, string>,
  model: { moe?: unknown; layers?: number },
  origins: Record<string, string>,
  warnings: string[],
): void {
  if (model.moe !== undefined || model.layers === undefined) return;
  for (const [path, flag] of Object.entries(expertFlags)) {
    const origin = origins[path];
    const parts = path.split('.');
    let section: unknown = values;
    for (const part of parts.slice(0, -1)) section = isSection(section) && Object.hasOwn(section as Values, part) ? (section as Values)[part] : undefined;
    if (origin === undefined || !isSection(section)) continue;
    const layout = { ...(section as Values) };
    const etpPath = `${parts.slice(0, -1).join('.')}.etp`;
    delete layout.ep;
    delete origins[path];
    if (origins[etpPath] !== undefined) {
      delete layout.etp;
      delete origins[etpPath];
    }
    setAt(values, parts.slice(0, -1), layout);
    warnings.push(
      `${origin}: ${flag} has no effect on a model without experts (model.moe is not set): the engine splits only MoE layers by it; ep is not imported`,
    );
  }
}

/** Sets a nested section, copying the sections above it (the plan's own objects are not changed). */
function setAt(values: Values, parts: readonly string[], value: Values): void {
  const [head, ...rest] = parts;
  if (head === undefined) return;
  values[head] =
    rest.length === 0
      ? value
      : (() => {
          const copy = { ...sectionOf(values, head) };
          setAt(copy, rest, value);
          return copy;
        })();
}

/**
 * An engine started without a context flag whose default is the model's longest sequence (vLLM's
 * max_model_len): once the model is resolved, that length is the engine's context, split as any other
 * (a 70B at tp=2 with a 16k-token pool passed memory.fits at 1,280 tokens; vLLM refuses to start it at
 * 131,072). A model whose longest sequence is unknown is said, not guessed.
 */
export function applyModelContext(
  values: Values,
  pending: ModelContext,
  maxContext: number | undefined,
  origins: Record<string, string>,
  warnings: string[],
): void {
  if (has(sectionOf(values, 'workload'), 'max_input_tokens')) return;
  if (maxContext === undefined) {
    warnings.push(
      `${pending.origin}: no ${pending.flag}: ${pending.engine} serves the model's longest sequence (its config's max_position_embeddings), which is not known here, and refuses to start if its KV cache cannot hold one; memory is sized from the stated lengths (give ${pending.flag} or model.max_context)`,
    );
    return;
  }
  // Said by the origin of max_input_tokens, not by a warning: most vLLM deployments leave the flag out,
  // and a warning on every one of them would be noise where the pool holds the sequence anyway;
  // memory.fits says it where it does not.
  splitContext(values, maxContext, `${pending.origin} (${pending.engine}'s default ${pending.flag}: model.max_context)`, origins, warnings);
}

/** What the imported files could not read and nothing else gives (the plan or another file). */
function unreadLeft(values: Values, results: readonly ImportResult[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const result of results) {
    for (const [path, why] of Object.entries(result.unread ?? {})) {
      let cur: unknown = values;
      for (const part of path.split('.')) cur = cur !== null && typeof cur === 'object' && Object.hasOwn(cur, part) ? (cur as Values)[part] : undefined;
      if (cur === undefined || cur === null) out[path] ??= why;
    }
  }
  return out;
}

/**
 * The memory flags imported commands leave at the engine's default, where nothing gives one: the plan's
 * or another file's value wins, a workload's (memory_fraction or memory_reserve) also for a pool
 * without its own (core/disagg-pools.ts poolWorkload). Later files win, as for values.
 */
function defaultedLeft(values: Values, results: readonly ImportResult[]): Record<string, string> {
  const workload = sectionOf(values, 'workload');
  const workloadFlag = has(workload, 'memory_fraction') || has(workload, 'memory_reserve');
  const out: Record<string, string> = {};
  for (const result of results) {
    for (const [path, origin] of Object.entries(result.defaulted ?? {})) {
      const pool = /^disaggregation\.(prefill|decode)\.memory_fraction$/.exec(path)?.[1];
      const given = pool !== undefined ? has(sectionOf(sectionOf(values, 'disaggregation'), pool), 'memory_fraction') : false;
      if (workloadFlag || given || (pool === undefined && path !== 'workload.memory_fraction')) continue;
      out[path] = origin;
    }
  }
  return out;
}

function splitContext(values: Values, tokens: number, origin: string, origins: Record<string, string>, warnings: string[]): void {
  const workload = sectionOf(values, 'workload');
  if (has(workload, 'max_input_tokens')) return;
  const output = (workload.max_output_tokens ?? workload.output_tokens) as number | undefined;
  if (output === undefined) {
    warnings.push(
      `${origin}: the engine's context of ${tokens} tokens is prompt + output; give workload.output_tokens to split it (memory is not sized from it until then)`,
    );
    return;
  }
  if (output >= tokens) {
    warnings.push(`${origin}: the engine's context of ${tokens} tokens leaves no room for prompts after ${output} output tokens`);
    return;
  }
  const maxInput = tokens - output;
  const input = workload.input_tokens as number | undefined;
  if (input !== undefined && input > maxInput) {
    warnings.push(`${origin}: prompts of ${input} tokens plus ${output} output tokens exceed the engine's context of ${tokens}`);
    return;
  }
  values.workload = { ...workload, max_input_tokens: maxInput };
  origins['workload.max_input_tokens'] = origin;
}

/**
 * A disaggregated deployment's pools, field by field (the plan's own win). A disaggregated plan has
 * no top-level layout: one imported from another file is dropped, with a warning.
 */
function mergeDisaggregation(
  plan: Values,
  values: Values,
  imported: Values | undefined,
  importedOrigins: Record<string, string>,
  origins: Record<string, string>,
  warnings: string[],
): void {
  const own = sectionOf(plan, 'disaggregation');
  if (imported !== undefined) {
    const merge = (mine: Values, theirs: Values, prefix: string): Values => {
      const out: Values = { ...mine };
      for (const [key, value] of Object.entries(theirs)) {
        const path = `${prefix}.${key}`;
        const nested = value !== null && typeof value === 'object' && !Array.isArray(value);
        if (nested) {
          out[key] = merge(sectionOf(mine, key), value as Values, path);
          continue;
        }
        if (has(mine, key)) continue;
        out[key] = value;
        const origin = importedOrigins[path];
        if (origin !== undefined) origins[path] = origin;
      }
      return out;
    };
    values.disaggregation = merge(own, imported, 'disaggregation');
  }
  if (!Object.hasOwn(values, 'disaggregation')) return;
  const layout = sectionOf(values, 'parallelism');
  const ownLayout = sectionOf(plan, 'parallelism');
  if (Object.keys(layout).length > 0 && Object.keys(ownLayout).length === 0) {
    warnings.push(
      `parallelism: the plan is disaggregated (each pool has its own layout); the layout imported from ${origins['parallelism.tp'] ?? 'a file'} is not used`,
    );
    for (const key of Object.keys(layout)) delete origins[`parallelism.${key}`];
    delete values.parallelism;
  }
}
