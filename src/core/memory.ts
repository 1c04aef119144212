// Memory of one device of each pipeline stage: weights, KV cache, activations, runtime overhead.
// Formulas and sources: docs/formulas.md, "Memory".
import { ACTIVATION_BYTES, DEFAULT_COMM_BUFFER_BYTES, DEFAULT_SAMPLED_SEQUENCES, LOGIT_BYTES } from './defaults.js';
import { windowKeys } from './layerKinds.js';
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

/** Parameters of one linear-attention layer held by one tp rank (heads split, up to the key heads). */
export function linearParamsPerRank(facts: ModelFacts, tp: number): number {
  const l = facts.linear;
  if (!l) return 0;
  return l.sharded / Math.min(tp, l.shardableHeads) + l.replicated;
}

/** Attention parameters of a stage's layers on one tp rank, each layer by its kind (full or windowed, linear). */
export function stageAttentionParamsPerRank(facts: ModelFacts, tp: number, stage: Stage): number {
  return attentionParamsPerRank(facts, tp) * (stage.layers - stage.linearLayers) + linearParamsPerRank(facts, tp) * stage.linearLayers;
}

/** Layers of a stage that attend over the whole context (not windowed, not linear); MTP modules excluded. */
export function stageFullLayers(stage: Stage): number {
  return stage.layers - stage.slidingLayers - stage.linearLayers;
}

/** Routed experts held by one device (redundant replicas included). */
export function expertsPerDevice(facts: ModelFacts, layout: Layout): number {
  return (facts.experts + facts.redundantExperts) / layout.ep;
}

/** Weight bytes on one device of a stage. */
export function stageWeightBytes(facts: ModelFacts, layout: Layout, stage: Stage): number {
  const { tp } = layout;
  const b = facts.bytes;
  const attn = stageAttentionParamsPerRank(facts, tp, stage) * b.attention;
  const dense = (facts.denseMlp / tp) * b.mlp * stage.denseLayers;
  const moe = moeLayerBytes(facts, layout) * stage.moeLayers;
  let embeddings = 0;
  // Vocabulary-parallel embedding on the first stage, LM head on the last; a tied head is a
  // second copy only when it lives on another stage.
  if (stage.hasEmbedding) embeddings += (facts.embedding / tp) * b.embeddings;
  if (stage.hasLmHead && (!facts.tied || !stage.hasEmbedding)) embeddings += (facts.lmHead / tp) * b.embeddings;
  return attn + dense + moe + embeddings + mtpBytes(facts, layout, stage);
}

/** Weight bytes of one MoE layer on one device: shared experts and router over tp, routed experts over ep x etp. */
function moeLayerBytes(facts: ModelFacts, layout: Layout): number {
  const b = facts.bytes;
  return (facts.sharedExperts / layout.tp) * b.mlp + facts.router * b.mlp + ((expertsPerDevice(facts, layout) * facts.expert) / layout.etp) * b.experts;
}

/**
 * Loaded MTP modules on one device: each is a full-attention decoder layer shaped like the model's
 * (MoE when the model is) plus its 2h -> h projection, kept whole on every rank (vLLM's eh_proj is a
 * plain Linear); embedding and LM head are shared with the main model.
 */
function mtpBytes(facts: ModelFacts, layout: Layout, stage: Stage): number {
  if (stage.mtpLayers <= 0) return 0;
  const b = facts.bytes;
  const mlp = facts.isMoe ? moeLayerBytes(facts, layout) : (facts.denseMlp / layout.tp) * b.mlp;
  return stage.mtpLayers * (attentionParamsPerRank(facts, layout.tp) * b.attention + mlp + facts.mtpExtra * b.embeddings);
}

/**
 * Recurrent state of one sequence on one device of the stage: every linear-attention layer keeps a
 * fixed-size state, split over tp by heads, whatever the context length.
 */
export function stageStateBytesPerSequence(facts: ModelFacts, layout: Layout, stage: Stage): number {
  const l = facts.linear;
  if (!l || stage.linearLayers <= 0) return 0;
  return (stage.linearLayers * l.stateBytes) / Math.min(layout.tp, l.shardableHeads);
}

/** Indexer key bytes per token on one device of the stage (replicated over tp, like an MLA latent). */
function stageIndexerBytesPerToken(facts: ModelFacts, stage: Stage): number {
  return facts.indexer ? facts.indexer.bytesPerToken * (stageFullLayers(stage) + stage.mtpLayers) : 0;
}

/**
 * Cache bytes of one sequence of `context` tokens on one device of the stage: the KV of its full-attention
 * layers (and loaded MTP modules), windowed layers up to their window, indexer keys, and the fixed state
 * of linear-attention layers.
 */
export function stageKvBytesPerSequence(facts: ModelFacts, layout: Layout, stage: Stage, context: number): number {
  const perTokenLayer = facts.kvBytesPerTokenLayer / kvShardsOverTp(facts, layout.tp);
  const full = stageFullLayers(stage) + stage.mtpLayers;
  // A window's cache peaks at the window over a sequence's life, sliding or chunked alike.
  const windowed = facts.slidingWindow === null ? context : Math.min(context, facts.slidingWindow);
  // Context parallelism splits each sequence's tokens over cp ranks.
  const perContext = (perTokenLayer * (full * context + stage.slidingLayers * windowed) + stageIndexerBytesPerToken(facts, stage) * context) / layout.cp;
  return perContext + stageStateBytesPerSequence(facts, layout, stage);
}

/**
 * Cache bytes one decode step reads for one sequence at `context` on one device of the stage: full layers
 * read every cached token (with a sparse-attention indexer, only the index_topk it selects, plus every
 * indexer key), windowed layers the keys in their window, linear layers their state (and write it back,
 * `writeBack`; a floor counts the read alone).
 */
export function stageKvReadBytesPerSequence(facts: ModelFacts, layout: Layout, stage: Stage, context: number, writeBack: boolean): number {
  const perTokenLayer = facts.kvBytesPerTokenLayer / kvShardsOverTp(facts, layout.tp);
  const attended = facts.indexer ? Math.min(context, facts.indexer.topK) : context;
  const windowed = facts.slidingWindow === null ? context : windowKeys(context, facts.slidingWindow, facts.windowKind);
  const indexerKeys = facts.indexer ? facts.indexer.bytesPerToken * stageFullLayers(stage) * context : 0;
  const kv = (perTokenLayer * (stageFullLayers(stage) * attended + stage.slidingLayers * windowed) + indexerKeys) / layout.cp;
  return kv + stageStateBytesPerSequence(facts, layout, stage) * (writeBack ? 2 : 1);
}

/** KV bytes per cached token on one device of the stage (every attention layer keeps the token; linear layers keep none). */
export function stageKvBytesPerToken(facts: ModelFacts, layout: Layout, stage: Stage): number {
  const kvLayers = stage.layers - stage.linearLayers + stage.mtpLayers;
  return ((facts.kvBytesPerTokenLayer / kvShardsOverTp(facts, layout.tp)) * kvLayers + stageIndexerBytesPerToken(facts, stage)) / layout.cp;
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
      runtimeOverheadBytes(workload, layout) -
      // Linear-attention state is per sequence: the running sequences hold theirs outside the token pool.
      sequences * stageStateBytesPerSequence(facts, layout, stage);
    const perToken = stageKvBytesPerToken(facts, layout, stage);
    if (perToken <= 0) continue;
    tokens = Math.min(tokens, Math.max(0, free) / perToken);
  }
  return Number.isFinite(tokens) ? Math.floor(tokens) : 0;
}
