// Memory of one device of each pipeline stage: weights, KV cache, activations, runtime overhead.
// Formulas and sources: docs/formulas.md, "Memory".
import { ACTIVATION_BYTES, DEFAULT_COMM_BUFFER_BYTES, DEFAULT_SAMPLED_SEQUENCES, LOGIT_BYTES } from './defaults.js';
import type { ModelFacts } from './modelFacts.js';
import type { Layout, Workload } from './resolve.js';
import type { Stage } from './stages.js';

/** Ranks that share one KV head's cache when tp exceeds kv_heads: the head is replicated tp/kv_heads times. */
export function kvShardsOverTp(facts: ModelFacts, tp: number): number {
  if (!facts.kvShardable) return 1; // MLA: the latent cache is whole on every tp rank
  if (facts.kvHeads <= 0) return tp;
  return Math.min(tp, facts.kvHeads);
}

/** Per-layer attention parameters held by one tp rank. */
export function attentionParamsPerRank(facts: ModelFacts, tp: number): number {
  return facts.attnSharded / tp + facts.attnKv / kvShardsOverTp(facts, tp) + facts.attnReplicated;
}

/** Routed experts held by one device (redundant replicas included). */
export function expertsPerDevice(facts: ModelFacts, layout: Layout): number {
  return (facts.experts + facts.redundantExperts) / layout.ep;
}

/** Weight bytes on one device of a stage. */
export function stageWeightBytes(facts: ModelFacts, layout: Layout, stage: Stage): number {
  const { tp, etp } = layout;
  const b = facts.bytes;
  const attn = attentionParamsPerRank(facts, tp) * b.attention * stage.layers;
  const dense = (facts.denseMlp / tp) * b.mlp * stage.denseLayers;
  const moe =
    ((facts.sharedExperts / tp) * b.mlp + facts.router * b.mlp + ((expertsPerDevice(facts, layout) * facts.expert) / etp) * b.experts) *
    stage.moeLayers;
  let embeddings = 0;
  // Vocabulary-parallel embedding on the first stage, LM head on the last; a tied head is a
  // second copy only when it lives on another stage.
  if (stage.hasEmbedding) embeddings += (facts.embedding / tp) * b.embeddings;
  if (stage.hasLmHead && (!facts.tied || !stage.hasEmbedding)) embeddings += (facts.lmHead / tp) * b.embeddings;
  return attn + dense + moe + embeddings;
}

/** KV-cache bytes of one token (all of this stage's layers) on one device, for a sequence of `context` tokens. */
export function stageKvBytesPerSequence(facts: ModelFacts, layout: Layout, stage: Stage, context: number): number {
  const perTokenLayer = facts.kvBytesPerTokenLayer / kvShardsOverTp(facts, layout.tp);
  const full = stage.layers - stage.slidingLayers;
  const windowed = facts.slidingWindow === null ? context : Math.min(context, facts.slidingWindow);
  // Context parallelism splits each sequence's tokens over cp ranks.
  return (perTokenLayer * (full * context + stage.slidingLayers * windowed)) / layout.cp;
}

/** KV bytes per cached token on one device of the stage (every layer keeps the token). */
export function stageKvBytesPerToken(facts: ModelFacts, layout: Layout, stage: Stage): number {
  return ((facts.kvBytesPerTokenLayer / kvShardsOverTp(facts, layout.tp)) * stage.layers) / layout.cp;
}

/**
 * Peak transient activations of one forward pass of `tokens` tokens (a prefill chunk), per device:
 * residual stream and normed input (2h), attention projections, the MLP's gate, up and activated
 * outputs (3 x its local width), plus fp32 logits of the sequences sampled on the last stage.
 * Inference keeps no activations for a backward pass.
 * The logits are the whole vocabulary on a rank, not vocab/tp: the LM head is vocab-parallel but
 * vLLM's LogitsProcessor gathers its shards before sampling (SGLang's all-gathers too). They are
 * those of at least DEFAULT_SAMPLED_SEQUENCES sequences, the batch vLLM samples when it profiles.
 */
export function stageActivationBytes(facts: ModelFacts, layout: Layout, stage: Stage, tokens: number, sampledSequences: number): number {
  if (facts.hidden <= 0) return 0;
  const { tp, dp, cp, ep, etp } = layout;
  const h = facts.hidden;
  const local = tokens / cp;
  const attnWidth = (facts.attnSharded / tp + facts.attnKv / kvShardsOverTp(facts, tp)) / h;
  const denseWidth = stage.denseLayers > 0 ? facts.denseMlp / 3 / h / tp : 0;
  // Tokens reach an expert device from all dp and cp ranks of its group.
  const moeWidth =
    stage.moeLayers > 0 ? (facts.topK * facts.expert * dp * cp) / (3 * h * ep * etp) + facts.sharedExperts / 3 / h / tp : 0;
  const perToken = (2 * h + attnWidth + 3 * Math.max(denseWidth, moeWidth)) * ACTIVATION_BYTES;
  const vocab = facts.embedding / h;
  const sampled = Math.min(Math.max(sampledSequences, DEFAULT_SAMPLED_SEQUENCES), tokens);
  const logits = stage.hasLmHead ? sampled * vocab * LOGIT_BYTES : 0;
  return local * perToken + logits;
}

export function runtimeOverheadBytes(workload: Workload, layout: Layout): number {
  return workload.runtimeOverhead + (layout.worldSize > 1 ? DEFAULT_COMM_BUFFER_BYTES : 0);
}

export interface StageMemory {
  stage: number;
  layers: number;
  weights: number;
  kv: number;
  activations: number;
  overhead: number;
  total: number;
}

/** Memory per device of each stage for `sequences` sequences per dp rank at `context` tokens each. */
export function stageMemory(
  facts: ModelFacts,
  layout: Layout,
  workload: Workload,
  stages: Stage[],
  sequences: number,
  context: number,
): StageMemory[] {
  return stages.map((stage) => {
    const weights = stageWeightBytes(facts, layout, stage);
    const kv = sequences * stageKvBytesPerSequence(facts, layout, stage, context);
    const activations = stageActivationBytes(facts, layout, stage, workload.maxBatchedTokens, sequences);
    const overhead = runtimeOverheadBytes(workload, layout);
    return { stage: stage.index, layers: stage.layers, weights, kv, activations, overhead, total: weights + kv + activations + overhead };
  });
}

/**
 * Tokens of KV cache one replica holds in what its devices have left after weights, activations,
 * overhead and the reserve (what vLLM logs as "GPU KV cache size: N tokens"). The tightest stage
 * decides; context parallelism multiplies it (each rank keeps 1/cp of every sequence).
 */
export function kvCapacityTokens(facts: ModelFacts, layout: Layout, workload: Workload, stages: Stage[], capacity: number, sequences: number): number {
  let tokens = Infinity;
  for (const stage of stages) {
    const free =
      capacity * (1 - workload.reserve) -
      stageWeightBytes(facts, layout, stage) -
      stageActivationBytes(facts, layout, stage, workload.maxBatchedTokens, sequences) -
      runtimeOverheadBytes(workload, layout);
    const perToken = stageKvBytesPerToken(facts, layout, stage);
    if (perToken <= 0) continue;
    tokens = Math.min(tokens, Math.max(0, free) / perToken);
  }
  return Number.isFinite(tokens) ? Math.floor(tokens) : 0;
}
