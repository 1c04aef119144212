// A candidate is the plan itself with a few keys changed: the real verifier then judges it,
// so a suggested layout verifies as passing by construction.
import type { Dtype, LoadedPlan, ModelSpec, ParallelismSpec, Plan, WeightDtypes, WorkloadSpec } from '../core/types.js';
import { DEFAULT_WEIGHT_DTYPE } from '../core/defaults.js';
import { engineProfile } from '../core/engines.js';
import { denseGroup } from '../core/memory.js';
import { DENSE_PLACEMENT_KEYS, resolveLayout } from '../core/resolve.js';
import type { LayoutChoice } from './rules.js';
import type { CarriedPlacement, PlacementKeys, Variation } from './types.js';

/** Bytes-per-value order, for "make it fp8" only where that shrinks a component. */
const WIDER_THAN_FP8: ReadonlySet<Dtype> = new Set(['fp32', 'bf16', 'fp16']);

export function isWiderThanFp8(dtype: Dtype | undefined): boolean {
  return dtype === undefined || WIDER_THAN_FP8.has(dtype);
}

function parallelismFor(base: Plan, layout: LayoutChoice): ParallelismSpec {
  const p: ParallelismSpec = { tp: layout.tp, pp: layout.pp, dp: layout.dp, cp: layout.cp, ep: layout.ep };
  if (base.model.moe && layout.etp !== undefined) p.etp = layout.etp;
  // A hand-made stage split or microbatch count only means something for the plan's own pp.
  const basePp = base.parallelism.pp ?? 1;
  if (layout.pp === basePp) {
    if (base.parallelism.layers_per_stage !== undefined) p.layers_per_stage = base.parallelism.layers_per_stage;
    if (base.parallelism.microbatches !== undefined) p.microbatches = base.parallelism.microbatches;
  }
  return withPlacementKeys(base, base.parallelism, p);
}

/**
 * The candidate's layout `p` with the placement keys of `own` (the plan's layout, or a pool's). SGLang's
 * placement keys say how the engine is launched, whatever the layout: whole (1) stays whole, an LM head
 * over the attention TP group (--enable-dp-lm-head) follows the candidate's tp, and a split travels where
 * it still divides the candidate's group (plan/dense-placement.ts).
 */
export function withPlacementKeys(base: Plan, own: ParallelismSpec, p: ParallelismSpec): ParallelismSpec {
  const layout = resolveLayout(p);
  const group = denseGroup({ isMoe: base.model.moe !== undefined }, layout, engineProfile(base.deployment?.engine).densePlacement);
  // Whole shared experts come with a DeepEP or Mooncake all-to-all, which runs the experts by expert
  // parallelism alone over the engine's ranks (SGLang sets ep_size to tp_size): a candidate whose
  // experts are tensor-split cannot be launched so.
  const allToAll = layout.etp === 1 && layout.ep > 1 && layout.ep === group;
  for (const key of DENSE_PLACEMENT_KEYS) {
    const v = own[key];
    if (v === undefined) continue;
    if (key === 'shared_expert_tp' && v === 1 && !allToAll) continue;
    const next = key === 'lm_head_tp' && v === (own.tp ?? 1) ? (p.tp ?? 1) : v;
    if (group % next === 0) p[key] = next;
  }
  return p;
}

/** The placement keys of one layout ('undefined' when it states none). */
function placementKeys(p: ParallelismSpec | undefined): PlacementKeys | undefined {
  const out: PlacementKeys = {};
  for (const key of DENSE_PLACEMENT_KEYS) if (p?.[key] !== undefined) out[key] = p[key];
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The placement keys a candidate plan carries: its layout's, or its pools'; undefined when none. */
export function carriedPlacement(plan: Plan): CarriedPlacement | undefined {
  const d = plan.disaggregation;
  if (!d) return placementKeys(plan.parallelism);
  const prefill = placementKeys(d.prefill.parallelism);
  const decode = placementKeys(d.decode.parallelism);
  return prefill || decode ? { ...(prefill ? { prefill } : {}), ...(decode ? { decode } : {}) } : undefined;
}

/** "dense_tp=1 lm_head_tp=8", as the plan writes them ('' when none). */
export function placementKeysText(keys: PlacementKeys | undefined): string {
  return DENSE_PLACEMENT_KEYS.filter((k) => keys?.[k] !== undefined)
    .map((k) => `${k}=${keys![k]}`)
    .join(' ');
}

/** A layout in words with the placement keys its candidate carries: "tp=1 pp=1 dp=8 ep=8 etp=1 dense_tp=1". */
export function layoutWithKeys(l: LayoutChoice, keys: PlacementKeys | undefined): string {
  const carried = placementKeysText(keys);
  return carried ? `${layoutText(l)} ${carried}` : layoutText(l);
}

/**
 * The weight components fp8 quantization narrows: the linear layers. The engines' fp8 (vLLM and SGLang
 * --quantization fp8, TensorRT-LLM's FP8 checkpoints) keep the embedding and LM head in 16 bits.
 */
const FP8_NARROWED = ['attention', 'mlp', 'experts'] as const;

/** Whether making the weights fp8 would narrow any linear layer of the model. */
export function fp8WouldNarrow(model: ModelSpec): boolean {
  return FP8_NARROWED.some((k) => isWiderThanFp8(model.weight_dtypes?.[k] ?? model.weight_dtype ?? DEFAULT_WEIGHT_DTYPE));
}

function fp8Weights(model: ModelSpec): ModelSpec {
  const w: WeightDtypes = model.weight_dtypes ?? {};
  const narrowed: WeightDtypes = {
    ...Object.fromEntries(Object.entries(w).map(([k, v]) => [k, k !== 'embeddings' && isWiderThanFp8(v) ? 'fp8' : v])),
    // the embedding and LM head keep the dtype they had, which followed weight_dtype where not given
    embeddings: w.embeddings ?? model.weight_dtype ?? DEFAULT_WEIGHT_DTYPE,
  };
  // The KV cache keeps its own dtype: the default would follow the weights (16-bit stays 16-bit).
  const kv = model.kv_cache_dtype ?? (isWiderThanFp8(model.weight_dtype) ? (model.weight_dtype ?? 'bf16') : undefined);
  return {
    ...model,
    weight_dtype: 'fp8',
    weight_dtypes: narrowed,
    ...(kv !== undefined ? { kv_cache_dtype: kv } : {}),
  };
}

function workloadFor(base: WorkloadSpec, v: Variation): WorkloadSpec {
  const w: WorkloadSpec = { ...base };
  if (v.concurrency !== undefined) w.concurrency = v.concurrency;
  if (v.memory_fraction !== undefined) w.memory_fraction = v.memory_fraction;
  if (v.max_input_tokens !== undefined) {
    w.max_input_tokens = v.max_input_tokens;
    if (w.input_tokens !== undefined && w.input_tokens > v.max_input_tokens) w.input_tokens = v.max_input_tokens;
  }
  return w;
}

/**
 * The plan with the variation applied. Claims are left out: they state what the author's own
 * layout achieves, not what another layout would. Lines are dropped: they would point at keys
 * the candidate changed.
 */
export function buildCandidatePlan(base: LoadedPlan, v: Variation): LoadedPlan {
  const plan = base.plan;
  let model = plan.model;
  if (v.weight_dtype === 'fp8') model = fp8Weights(model);
  if (v.kv_cache_dtype === 'fp8') model = { ...model, kv_cache_dtype: 'fp8' };
  const candidate: Plan = {
    ...plan,
    model,
    hardware: { ...plan.hardware, gpus: v.gpus },
    parallelism: parallelismFor(plan, v.layout),
    workload: workloadFor(plan.workload, v),
    claims: {},
  };
  // an imported command's default memory flag stays what runs: only a variation that sets the flag changes it
  return { file: base.file, plan: candidate, lines: {}, origins: base.origins, ...(base.defaulted ? { defaulted: base.defaulted } : {}) };
}

/** The plan's own layout, as the engine-rule vocabulary writes it (etp made explicit for MoE). */
export function planLayout(plan: Plan): LayoutChoice {
  const p = plan.parallelism;
  const tp = p.tp ?? 1;
  const ep = p.ep ?? 1;
  const layout: LayoutChoice = { tp, pp: p.pp ?? 1, dp: p.dp ?? 1, cp: p.cp ?? 1, ep };
  if (plan.model.moe) layout.etp = p.etp ?? (ep === 1 ? tp : 1);
  return layout;
}

export function layoutText(l: LayoutChoice): string {
  const parts = [`tp=${l.tp}`, `pp=${l.pp}`, `dp=${l.dp}`];
  if (l.cp > 1) parts.push(`cp=${l.cp}`);
  if (l.ep > 1 || l.etp !== undefined) parts.push(`ep=${l.ep}`);
  if (l.etp !== undefined) parts.push(`etp=${l.etp}`);
  return parts.join(' ');
}
