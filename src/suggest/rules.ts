// Engine rules: which parallel layouts a serving engine (vLLM, SGLang, TensorRT-LLM) can run.
// Applied before any figure is computed, so the search only verifies layouts that could be
// launched. Documented in docs/suggest.md ("Engine rules"); each rule says why it exists.
import type { ModelSpec } from '../core/types.js';
import { countOf } from '../core/figures.js';

/** One parallel layout: the six sizes. etp is always explicit for MoE models, absent for dense ones. */
export interface LayoutChoice {
  tp: number;
  pp: number;
  dp: number;
  cp: number;
  ep: number;
  /** expert tensor parallelism (MoE only) */
  etp?: number;
}

export interface RuleOptions {
  /** devices per node, as the core resolves it for this device count */
  gpusPerNode: number;
  /** allow tp to span nodes (each layer's all-reduce then crosses the slower network) */
  allowCrossNodeTp: boolean;
  /** allow cp > 1 whatever the context length */
  allowCp: boolean;
  /** longest context a sequence may reach (max input + max output), tokens; undefined when unknown */
  maxContext: number | undefined;
}

/** Context parallelism pays for itself only on long sequences; below this it is not searched unless asked. */
export const CP_MIN_CONTEXT = 32_768;

const isMla = (model: ModelSpec): boolean => model.attention === 'mla' || model.mla !== undefined;

/** Whether cp > 1 may be searched at all for this plan. */
export function cpAllowed(options: RuleOptions): boolean {
  return options.allowCp || (options.maxContext !== undefined && options.maxContext >= CP_MIN_CONTEXT);
}

/** Tensor-parallel sizes the attention can be split into (heads, KV heads, node size). */
export function tpViolation(model: ModelSpec, tp: number, options: RuleOptions): string | null {
  if (tp > 1 && model.heads !== undefined) {
    if (tp > model.heads) return `tp=${tp} exceeds the ${model.heads} attention heads`;
    if (model.heads % tp !== 0) return `${model.heads} attention heads do not divide by tp=${tp}`;
  }
  const kv = isMla(model) ? undefined : model.kv_heads;
  if (kv !== undefined && kv % tp !== 0 && tp % kv !== 0) return `${kv} KV heads neither divide by nor divide tp=${tp}`;
  // vLLM shards the MLP's intermediate dimension over tp and refuses a width that does not divide
  if (model.ffn_hidden_size !== undefined && model.ffn_hidden_size % tp !== 0) return `the MLP width ${model.ffn_hidden_size} does not divide by tp=${tp}`;
  if (!options.allowCrossNodeTp && tp > options.gpusPerNode) return `tp=${tp} spans nodes of ${countOf(options.gpusPerNode, 'device')}`;
  return null;
}

/** Pipeline sizes: every stage needs a layer; an unknown layer count allows no split. */
export function ppViolation(model: ModelSpec, pp: number): string | null {
  if (pp === 1) return null;
  if (model.layers === undefined) return `pp=${pp} with an unknown number of layers`;
  if (pp > model.layers) return `pp=${pp} exceeds the ${model.layers} layers`;
  return null;
}

/** Experts the ep ranks share: routed experts plus redundant replicas. */
export function expertSlots(model: ModelSpec): number | undefined {
  const experts = model.moe?.experts;
  return experts === undefined ? undefined : experts + (model.moe?.redundant_experts ?? 0);
}

/**
 * Expert layouts engines run. Dense models: ep = 1 (no etp). MoE models, with B = tp*dp*cp the
 * ranks of one pipeline stage:
 *  - ep = 1: experts sharded like the dense layers (etp = tp, vLLM without expert parallelism)
 *    or over every rank of the stage (etp = B);
 *  - ep > 1: ep divides experts (+ redundant) and ep*etp = B: the experts span every rank of the
 *    stage (vLLM's EP = TP x DP, SGLang's ep x moe-tp = tp, TensorRT-LLM's moe_ep x moe_tp).
 * The contract also allows ep*etp to be a proper divisor of B (expert data parallelism, a
 * training layout): serving engines do not launch it, so it is not searched.
 */
export function expertViolation(model: ModelSpec, layout: LayoutChoice): string | null {
  const { tp, dp, cp, ep, etp } = layout;
  if (!model.moe) {
    if (ep !== 1) return `ep=${ep} on a dense model`;
    if (etp !== undefined && etp !== tp) return `etp=${etp} on a dense model`;
    return null;
  }
  const block = tp * dp * cp;
  const e = etp ?? (ep === 1 ? tp : 1);
  const width = model.moe.expert_ffn_hidden_size;
  if (width !== undefined && width % e !== 0) return `the expert width ${width} does not divide by etp=${e}`;
  if (ep === 1) return e === tp || e === block ? null : `ep=1 with etp=${e}: experts go with tp (${tp}) or every rank of the stage (${block})`;
  const slots = expertSlots(model);
  if (slots === undefined) return `ep=${ep} with an unknown number of experts`;
  if (slots % ep !== 0) return `${slots} experts do not divide by ep=${ep}`;
  if (ep * e !== block) return `ep*etp = ${ep * e} must equal tp*dp*cp = ${block}`;
  return null;
}

/** The first engine rule a layout breaks on `gpus` devices, or null when an engine can run it. */
export function layoutViolation(model: ModelSpec, layout: LayoutChoice, gpus: number, options: RuleOptions): string | null {
  const { tp, pp, dp, cp } = layout;
  for (const [name, v] of Object.entries(layout)) {
    if (v !== undefined && (!Number.isInteger(v) || v < 1)) return `${name}=${v} is not a positive whole number`;
  }
  if (tp * pp * dp * cp !== gpus) return `tp*pp*dp*cp = ${tp * pp * dp * cp} is not ${gpus}`;
  if (cp > 1 && !cpAllowed(options)) return `cp=${cp} for contexts under ${CP_MIN_CONTEXT} tokens`;
  return tpViolation(model, tp, options) ?? ppViolation(model, pp) ?? expertViolation(model, layout);
}
