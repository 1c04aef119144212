// Memory of one device of each pipeline stage: weights, KV cache, activations, runtime overhead, and the
// KV pool its engine carves out of it (engine-memory.ts). Formulas and sources: docs/formulas.md, "Memory".
import { ACTIVATION_BYTES, DTYPE_BYTES, LOGIT_BYTES } from './defaults.js';
import { countOf } from './figures.js';
import { deviceBudget, FREES_OUTSIDE_WINDOW, KV_BLOCK_TOKENS, rotaryTableBytes, type DeviceFacts, type Engine, type PoolLimit } from './engine-memory.js';
import { engineProfile } from './engines.js';
import { windowKeys } from './layerKinds.js';
import type { ModelFacts } from './modelFacts.js';
import type { Hardware, Layout, Workload } from './resolve.js';
import { sameShape, type Stage } from './stages.js';

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

/** Layers of a stage that keep a token's KV: every attention layer, full or windowed, and its loaded MTP modules (linear layers keep none). */
export function stageKvLayers(stage: Stage): number {
  return stage.layers - stage.linearLayers + stage.mtpLayers;
}

/** Routed experts held by one device (redundant replicas included). */
export function expertsPerDevice(facts: ModelFacts, layout: Layout): number {
  return (facts.experts + facts.redundantExperts) / layout.ep;
}

/** Multiples the MXFP4 MoE kernels pad an expert's matrices to: [intermediate per partition, hidden]. */
export interface ExpertPadding {
  intermediate: number;
  hidden: number;
}

/**
 * vLLM's MXFP4 MoE methods pad each expert's matrices (quantization/mxfp4.py, create_weights): the Marlin
 * kernel needs n % 256 and k % 128, so intermediate size per partition rounds up to 128 and hidden to
 * 256; FlashInfer's Blackwell kernels round both to 256. gpt-oss (hidden and intermediate 2880) grows
 * by 9% on Hopper: 120b weights 65.8 GiB against 64.38 GiB logged with the Triton backend (vLLM issue
 * 33155) and 7.05 GiB against 7.01 GiB for 20b at TP2 (vLLM 0.19).
 */
export function mxfp4Padding(fp4Math: boolean, engine: Engine = 'vllm'): ExpertPadding {
  // TensorRT-LLM's TRTLLM-Gen MXFP4 MoE on Blackwell (fused_moe/quantization.py,
  // MXFP4WeightTRTLLMGenFusedMoEMethod: weight_alignment 128, input_hidden_alignment 512): gpt-oss-120b
  // on one B200 logs 65.40 GiB, about 65.8 with 2944 x 3072, 68.5 with vLLM's 256 x 256.
  if (fp4Math && engine === 'trtllm') return { intermediate: 128, hidden: 512 };
  return fp4Math ? { intermediate: 256, hidden: 256 } : { intermediate: 128, hidden: 256 };
}

const roundUp = (v: number, m: number): number => Math.ceil(v / m) * m;

/** Parameters of one routed expert on a device after the kernels' padding (fp4 experts only). */
export function paddedExpertParams(facts: ModelFacts, etp: number, padding: ExpertPadding | null): number {
  if (!padding || facts.dtypes.experts !== 'fp4' || facts.expertWidth <= 0 || facts.hidden <= 0) return facts.expert / etp;
  const part = facts.expertWidth / etp;
  const scale = (roundUp(part, padding.intermediate) * roundUp(facts.hidden, padding.hidden)) / (part * facts.hidden);
  return (facts.expert / etp) * scale;
}

/**
 * Ranks that split, on one device, the parts outside attention and the routed experts: the dense MLP
 * (`mlp`), the shared experts (`shared`), the LM head and the input embedding. Tensor parallelism
 * splits all of them over tp, unless the experts span attention-DP ranks (`expertsSpanDp`): the dp
 * ranks are then one model, and how the engine places these parts differs:
 * - `replicated` (vLLM's DP + EP, TensorRT-LLM's attention DP: "If using attention DP, the MLP also uses
 *   DP instead of TP", modeling_deepseekv3.py `_compute_mlp_tp_size`, shared experts and LM head alike):
 *   each dp rank keeps them whole over its tp;
 * - `sglang` (--tp N --dp D --enable-dp-attention, models/deepseek_v2.py): by default the dense MLP and
 *   the shared experts are tensor-parallel over SGLang's whole tp_size N = tp x dp (ep x etp when the
 *   plan's dp ranks hold several copies of the experts, each its own engine) (DeepseekV2MLP built without
 *   its own tp_size), the LM head too (ParallelLMHead(use_attn_tp_group=enable_dp_lm_head)), while the
 *   embedding is split over the attention TP group, tp here (VocabParallelEmbedding(use_attn_tp_group=
 *   is_dp_attention_enabled()), sgl-project/sglang#17403, merged 2026-01-20; the releases before kept it
 *   whole on every rank, enable_tp=not enable_dp_attention: up to (1 - 1/tp) of it more a device). The
 *   plan's parallelism.dense_tp, shared_expert_tp and lm_head_tp replace those splits (denseGroup's
 *   divisors, plan/load.ts): SGLang's --moe-dense-tp-size 1 builds the dense layers' DeepseekV2MLP with
 *   tp_size 1 (DeepseekV2DecoderLayer, enable_moe_dense_fully_dp(), layers/communicator.py), with or
 *   without DP attention; a DeepEP or Mooncake all-to-all builds the shared experts' with tp_size 1
 *   (DeepseekV2MoE); --enable-dp-lm-head splits the LM head over the attention TP group (tp);
 * - `floor`: the least any of these engines keeps, the MLP, shared experts and LM head over that tp_size
 *   (no stated split is finer: each divides it), the embedding over tp (as current SGLang, and below what
 *   older releases kept); the plan's keys are not read.
 * The embedding is over tp in every placement.
 */
export interface DenseSplit {
  mlp: number;
  shared: number;
  lmHead: number;
  embedding: number;
}

export type DensePlacement = 'replicated' | 'sglang' | 'floor';

/** The experts of a MoE model span attention data-parallel ranks: dp ranks form one model (attention DP + EP). */
export function expertsSpanDp(facts: Pick<ModelFacts, 'isMoe'>, layout: Layout): boolean {
  return facts.isMoe && layout.dp > 1 && layout.ep * layout.etp > layout.tp;
}

/**
 * The ranks that split the dense MLP, shared experts and LM head when the plan says nothing: one
 * engine's tp_size under SGLang's or the floor's placement where the experts span attention-DP ranks
 * (the ranks that share one copy of the experts: several copies are several engines, whose dense
 * parts are their own), else tp. A stated split must divide it (plan/load.ts).
 */
export function denseGroup(facts: Pick<ModelFacts, 'isMoe'>, layout: Layout, placement: DensePlacement): number {
  if (placement === 'replicated' || !expertsSpanDp(facts, layout)) return layout.tp;
  return Math.min(layout.tp * layout.dp, layout.ep * layout.etp);
}

/** How many ranks split the dense MLP, shared experts, LM head and embedding on one device (see DenseSplit). */
export function denseSplit(facts: ModelFacts, layout: Layout, placement: DensePlacement): DenseSplit {
  const group = denseGroup(facts, layout, placement);
  const embedding = layout.tp;
  // the plan's own placement, where SGLang reads it (its MoE models)
  if (placement === 'sglang' && facts.isMoe)
    return { mlp: layout.denseTp ?? group, shared: layout.sharedExpertTp ?? group, lmHead: layout.lmHeadTp ?? group, embedding };
  return { mlp: group, shared: group, lmHead: group, embedding };
}

/**
 * How the engine splits those parts on one device: denseSplit by its placement, but TensorRT-LLM builds
 * the input embedding of its MLA models (_torch/models/modeling_deepseekv3.py, DeepseekV3Model, which
 * serves DeepseekV3ForCausalLM, DeepseekV32ForCausalLM and GlmMoeDsaForCausalLM) as
 * Embedding(vocab_size, hidden_size, dtype) with no mapping, and modules/embedding.py splits only when
 * given one ("If not provided, the embedding is not parallelized"): whole on every rank. DeepSeek-R1 at
 * TP8: 1.73 GiB a device, not 0.22. Its other models pass the mapping (COLUMN, vocabulary-parallel).
 */
export function engineDenseSplit(facts: ModelFacts, layout: Layout, engine: Engine): DenseSplit {
  const split = denseSplit(facts, layout, engineProfile(engine).densePlacement);
  return engine === 'trtllm' && facts.mlaKvUp !== null ? { ...split, embedding: 1 } : split;
}

/**
 * Dense-MLP weight bytes of a stage's layers on one device: weight_dtypes.mlp, except the layers the
 * checkpoint left unquantized, which stay 16-bit; `ranks` split the MLP (tp, or denseSplit's).
 */
export function stageDenseMlpBytes(facts: ModelFacts, ranks: number, stage: Stage): number {
  const kept = stage.unquantizedMlpLayers;
  return (facts.denseMlp / ranks) * (facts.bytes.mlp * (stage.denseLayers - kept) + facts.bytes.mlpUnquantized * kept);
}

/** Weight bytes on one device of a stage (padded as the engine's MXFP4 kernels need, when `padding` is given). */
export function stageWeightBytes(
  facts: ModelFacts,
  layout: Layout,
  stage: Stage,
  padding: ExpertPadding | null = null,
  split: DenseSplit = denseSplit(facts, layout, 'replicated'),
): number {
  const { tp } = layout;
  const b = facts.bytes;
  const attn = stageAttentionParamsPerRank(facts, tp, stage) * b.attention;
  const dense = stageDenseMlpBytes(facts, split.mlp, stage);
  const moe = moeLayerBytes(facts, layout, padding, split) * stage.moeLayers;
  let embeddings = 0;
  // Vocabulary-parallel embedding on the first stage, LM head on the last; a tied head is a
  // second copy only when it lives on another stage.
  if (stage.hasEmbedding) embeddings += (facts.embedding / split.embedding) * b.embeddings;
  if (stage.hasLmHead && (!facts.tied || !stage.hasEmbedding)) embeddings += (facts.lmHead / split.lmHead) * b.embeddings;
  // The vision tower feeds the embeddings: on the first stage, split over tp (vLLM's default mm_encoder_tp_mode
  // "weights"; its norms, biases and position embeddings, under 1% of it, stay whole). Bound facts carry none.
  const vision = stage.hasEmbedding ? (facts.vision / tp) * b.vision : 0;
  return attn + dense + moe + embeddings + vision + mtpBytes(facts, layout, stage, padding, split);
}

/** Bytes per parameter of MLA's key (W_UK) and value (W_UV) parts of kv_b_proj, each on its own. */
export interface MlaParts {
  key: number;
  value: number;
}

/**
 * How one engine keeps and reads MLA's kv_b_proj for the absorbed decode, where each query is taken
 * into the latent space (W_UK) and each output out of it (W_UV), while kv_b_proj itself stays for the
 * prefill's expansion of the latent cache (which reads it in the checkpoint's dtype: vLLM
 * MLACommonImpl._forward_prefill, SGLang forward_normal_prepare, TensorRT-LLM MLA.forward_context_default
 * all call kv_b_proj). Bytes per parameter of each part: `copy`, what the engine holds beside the
 * checkpoint (0: a view, no copy); `decodeRead`, what its decode reads each step. As each engine's code
 * does it:
 * - vLLM (MLAAttention.process_weights_after_loading, v1/attention/backends/mla/common.py in older
 *   releases): W_UK_T and W_UV are views of kv_b_proj's weight when it is unquantized (no copy), and of
 *   get_and_maybe_dequant_weights' dequantised tensor in the activation dtype (bf16) when it is
 *   quantized; _forward_decode and _v_up_proj multiply by them (torch.bmm);
 * - SGLang (DeepseekV2WeightLoaderMixin.post_load_weights, models/deepseek_common/deepseek_weight_loader.py;
 *   models/deepseek_v2.py before): w_kc and w_vc are contiguous copies, of kv_b_proj's own dtype when
 *   it is 16-bit, dequantised to bf16 for 128x128 block fp8 on CUDA (block_quant_dequant; fp8 kept only
 *   with SGL_USE_DEEPGEMM_BMM, not a default) and for int8 or AWQ, requantised per tensor to fp8 on ROCm
 *   (block_quant_to_tensor_quant); forward_absorb multiplies by them (torch.bmm, bmm_fp8 when fp8);
 * - TensorRT-LLM (MLA.create_weights, _torch/modules/attention.py; load_weights in
 *   _torch/models/modeling_deepseekv3.py): v_b_proj is a view of kv_b_proj's weight, k_b_proj_trans a
 *   transposed copy in fp8 for block-scaled fp8, else the model dtype; on SM100 (B200, B300) with block
 *   fp8 and use_cute_dsl_blockscaling_bmm off (the default) it also keeps bf16 k_b_proj_trans_dequant and
 *   v_b_proj_dequant, which forward_absorption_generation's fp8_block_scaling_bmm_out multiplies by
 *   there (torch.bmm) where SM90 runs the fp8 block-scaled bmm on k_b_proj_trans and v_b_proj.
 * An fp8 kv_b_proj is taken as block-scaled (DeepSeek's and Kimi's checkpoints). A floor needs none of
 * this: an engine need not keep a copy, nor read more than the checkpoint's bytes.
 */
export function mlaAbsorbedBytes(facts: ModelFacts, engine: Engine, device: DeviceFacts | null): { copy: MlaParts; decodeRead: MlaParts } {
  const dtype = facts.dtypes.attention;
  const quantized = DTYPE_BYTES[dtype] < 2;
  const own = facts.bytes.attention;
  const arch = deviceArch(device);
  if (engine === 'vllm') {
    const b = quantized ? ACTIVATION_BYTES : own;
    return { copy: quantized ? { key: b, value: b } : { key: 0, value: 0 }, decodeRead: { key: b, value: b } };
  }
  if (engine === 'sglang') {
    const b = quantized ? (dtype === 'fp8' && arch === 'rocm' ? 1 : ACTIVATION_BYTES) : own;
    return { copy: { key: b, value: b }, decodeRead: { key: b, value: b } };
  }
  const kTrans = dtype === 'fp8' ? 1 : quantized ? ACTIVATION_BYTES : own;
  if (dtype === 'fp8' && arch === 'sm100') {
    return { copy: { key: kTrans + ACTIVATION_BYTES, value: ACTIVATION_BYTES }, decodeRead: { key: ACTIVATION_BYTES, value: ACTIVATION_BYTES } };
  }
  return { copy: { key: kTrans, value: 0 }, decodeRead: { key: kTrans, value: own } };
}

/** MLA's kv_b_proj parameters of one layer on one rank: over the layer's heads on the rank (heads / tp: the attention's tp, 1 under DP attention); null without MLA. */
function mlaKvUpPerRank(facts: ModelFacts, layout: Layout): MlaParts | null {
  const up = facts.mlaKvUp;
  return up ? { key: up.key / layout.tp, value: up.value / layout.tp } : null;
}

/**
 * Bytes one device of the stage holds, beside the checkpoint's weights, in the copy of MLA's kv_b_proj
 * its engine makes after loading for the absorbed decode (mlaAbsorbedBytes' `copy`), per attention layer
 * (the MTP module's included when it is loaded), over the layer's heads on the rank (K = kv_lora_rank x
 * heads x qk_nope_head_dim, V = the same with v_head_dim). The floors leave it out: an engine need not keep it.
 */
export function mlaDecodeCopyBytes(facts: ModelFacts, layout: Layout, stage: Stage, engine: Engine, device: DeviceFacts | null): number {
  const up = mlaKvUpPerRank(facts, layout);
  const layers = stage.layers - stage.linearLayers + stage.mtpLayers;
  if (!up || layers <= 0) return 0;
  const { copy } = mlaAbsorbedBytes(facts, engine, device);
  return (copy.key * up.key + copy.value * up.value) * layers;
}

/**
 * Bytes a decode pass through the stage's attention layers (MTP modules excluded, as the passes count
 * them) reads of MLA's absorbed matrices on one device, per engine (mlaAbsorbedBytes' `decodeRead`), and
 * how much that is over reading kv_b_proj itself at the checkpoint's bytes, as a prefill does
 * (`overCheckpoint`); null without MLA.
 */
export function stageMlaDecodeReads(
  facts: ModelFacts,
  layout: Layout,
  stage: Stage,
  engine: Engine,
  device: DeviceFacts | null,
): { decode: number; overCheckpoint: number } | null {
  const up = mlaKvUpPerRank(facts, layout);
  const layers = stage.layers - stage.linearLayers;
  if (!up || layers <= 0) return null;
  const { decodeRead } = mlaAbsorbedBytes(facts, engine, device);
  const own = facts.bytes.attention;
  return {
    decode: (decodeRead.key * up.key + decodeRead.value * up.value) * layers,
    // part by part, so that an engine reading the checkpoint's dtype adds exactly 0
    overCheckpoint: ((decodeRead.key - own) * up.key + (decodeRead.value - own) * up.value) * layers,
  };
}

/** The kernels a device's name implies where the engines' code branches on them: AMD Instinct (ROCm), NVIDIA's SM100 family (B200, GB200, B300, GB300). */
function deviceArch(device: DeviceFacts | null): 'rocm' | 'sm100' | 'other' {
  const name = device?.name ?? '';
  if (/\bmi\d{3}|instinct|\bamd\b/.test(name)) return 'rocm';
  if (/\bg?b[23]00\b/.test(name)) return 'sm100';
  return 'other';
}

/** Weight bytes of one MoE layer on one device: shared experts over tp (or SGLang's DP-attention group, or shared_expert_tp: denseSplit), the router whole (engines replicate it), routed experts over ep x etp (padded as the kernels need). */
function moeLayerBytes(facts: ModelFacts, layout: Layout, padding: ExpertPadding | null, split: DenseSplit): number {
  const b = facts.bytes;
  return (
    (facts.sharedExperts / split.shared) * b.mlp +
    facts.router * b.router +
    expertsPerDevice(facts, layout) * paddedExpertParams(facts, layout.etp, padding) * b.experts
  );
}

/**
 * Loaded MTP modules on one device: each is a full-attention decoder layer shaped like the model's
 * (MoE when the model is) plus its 2h -> h projection, kept whole on every rank (vLLM's eh_proj is a
 * plain Linear); embedding and LM head are shared with the main model.
 */
function mtpBytes(facts: ModelFacts, layout: Layout, stage: Stage, padding: ExpertPadding | null, split: DenseSplit): number {
  if (stage.mtpLayers <= 0) return 0;
  const b = facts.bytes;
  const mlp = facts.isMoe ? moeLayerBytes(facts, layout, padding, split) : (facts.denseMlp / split.mlp) * b.mlp;
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

/** KV bytes one token takes in one attention layer on one device (MLA's latent is replicated over tp). */
function layerTokenBytes(facts: ModelFacts, layout: Layout): number {
  return facts.kvBytesPerTokenLayer / kvShardsOverTp(facts, layout.tp);
}

/** Tokens of a `context` a windowed layer keeps at its peak: the window, when the engine frees what falls out of it (`windowed`). */
function windowKept(facts: ModelFacts, context: number, windowed: boolean): number {
  return facts.slidingWindow === null || !windowed ? context : Math.min(context, facts.slidingWindow);
}

/**
 * Cache bytes of one sequence of `context` tokens on one device of the stage: the KV of its full-attention
 * layers (and loaded MTP modules), windowed layers up to their window when `windowed` (the engine frees
 * blocks that fall out of it; else the whole context), indexer keys, and the fixed state of
 * linear-attention layers.
 */
export function stageKvBytesPerSequence(facts: ModelFacts, layout: Layout, stage: Stage, context: number, windowed = true): number {
  // A window's cache peaks at the window over a sequence's life, sliding or chunked alike.
  return stageKvBytesAt(facts, layout, stage, context, windowKept(facts, context, windowed), null);
}

/**
 * Cache bytes on one device of the stage of a sequence whose full-attention layers (and loaded MTP modules)
 * hold `full` tokens and windowed layers `kept`: with indexer keys (of the `full` tokens) and linear-attention
 * state, or over vLLM's padded hybrid `groups` (vllmHybridGroups, which have neither) where given.
 */
function stageKvBytesAt(facts: ModelFacts, layout: Layout, stage: Stage, full: number, kept: number, groups: HybridGroups | null): number {
  const perTokenLayer = layerTokenBytes(facts, layout);
  // Context parallelism splits each sequence's tokens over cp ranks.
  if (groups) return (perTokenLayer * groups.size * (groups.full * full + groups.windowed * kept)) / layout.cp;
  const fullLayers = stageFullLayers(stage) + stage.mtpLayers;
  const perContext = (perTokenLayer * (fullLayers * full + stage.slidingLayers * kept) + stageIndexerBytesPerToken(facts, stage) * full) / layout.cp;
  return perContext + stageStateBytesPerSequence(facts, layout, stage);
}

/**
 * Cache bytes one decode step reads for one sequence at `context` on one device of the stage: full layers
 * read every cached token (with a sparse-attention indexer, only the index_topk it selects, plus every
 * indexer key), windowed layers the keys in their window, linear layers their state (and write it back,
 * `writeBack`; a floor counts the read alone).
 */
export function stageKvReadBytesPerSequence(facts: ModelFacts, layout: Layout, stage: Stage, context: number, writeBack: boolean): number {
  const perTokenLayer = layerTokenBytes(facts, layout);
  const attended = facts.indexer ? Math.min(context, facts.indexer.topK) : context;
  const windowed = facts.slidingWindow === null ? context : windowKeys(context, facts.slidingWindow, facts.windowKind);
  const indexerKeys = facts.indexer ? facts.indexer.bytesPerToken * stageFullLayers(stage) * context : 0;
  const kv = (perTokenLayer * (stageFullLayers(stage) * attended + stage.slidingLayers * windowed) + indexerKeys) / layout.cp;
  return kv + stageStateBytesPerSequence(facts, layout, stage) * (writeBack ? 2 : 1);
}

/** KV bytes per cached token on one device of the stage (every attention layer keeps the token; linear layers keep none): how engines count capacity. */
export function stageKvBytesPerToken(facts: ModelFacts, layout: Layout, stage: Stage): number {
  return (layerTokenBytes(facts, layout) * stageKvLayers(stage) + stageIndexerBytesPerToken(facts, stage)) / layout.cp;
}

/** vLLM's hybrid KV cache groups on a stage (vllmHybridGroups): groups of full and of windowed layers, each of `size` layers. */
interface HybridGroups {
  full: number;
  windowed: number;
  size: number;
}

/**
 * vLLM's KV cache groups on a stage whose attention layers are of two kinds, full and windowed (sliding
 * or chunked): its hybrid manager (v1/core/kv_cache_utils.py, _get_kv_cache_groups_uniform_page_size)
 * splits each kind into groups of `size` layers, size being the fewest layers of a kind (the most, when
 * that is under 1.5 times the fewest), pads the last group of a kind with empty layers, gives each group
 * its own block table, and makes each block span `size` layer pages. Gemma 3 27B: 10 full and 52 sliding
 * layers make 1 + 6 groups of 10, 8 padding layers ("Add 8 padding layers" in its start-up log). Null where
 * vLLM keeps one group, or where the stage has layers this grouping leaves out here (linear attention,
 * an indexer cache: docs/formulas.md, "Layer kinds").
 */
export function vllmHybridGroups(facts: ModelFacts, stage: Stage): HybridGroups | null {
  const full = stageFullLayers(stage) + stage.mtpLayers;
  const windowed = stage.slidingLayers;
  if (full <= 0 || windowed <= 0 || stage.linearLayers > 0 || facts.indexer) return null;
  const fewest = Math.min(full, windowed);
  const most = Math.max(full, windowed);
  const size = most < 1.5 * fewest ? most : fewest;
  return { full: Math.ceil(full / size), windowed: Math.ceil(windowed / size), size };
}

/** Layer pages a token takes under vLLM's hybrid groups: every group's block spans `size` of them, padding included. */
export function vllmGroupPages(groups: HybridGroups): number {
  return groups.size * (groups.full + groups.windowed);
}

/**
 * KV bytes per token the engine divides its pool by to count the tokens it logs: one token in every KV
 * layer of the stage, and for vLLM's hybrid groups in every padded layer too ("GPU KV cache size" is
 * num_blocks // groups x block_size, each block spanning `size` layer pages: Gemma 3 27B counts 70 layers
 * for its 62). SGLang counts an MLA layer as its latent in the KV dtype (kv_lora_rank + qk_rope_head_dim),
 * also where the sparse-attention kernels store more per token (fp8 with scales and a 16-bit rotary part:
 * GLM-5 on 8 MI355X logs 3,262,823 tokens, its pool over 78 x (576 + 132) bytes, then allocates them at
 * 78 x (656 + 132) bytes, 186.77 GB, beyond the share its fraction meant).
 */
export function stageCountedBytesPerToken(facts: ModelFacts, layout: Layout, stage: Stage, engine: Engine): number {
  if (engine === 'sglang' && facts.latentKvBytesPerTokenLayer !== null && facts.latentKvBytesPerTokenLayer !== facts.kvBytesPerTokenLayer) {
    return (facts.latentKvBytesPerTokenLayer * stageKvLayers(stage) + stageIndexerBytesPerToken(facts, stage)) / layout.cp;
  }
  const groups = engine === 'vllm' ? vllmHybridGroups(facts, stage) : null;
  if (!groups) return stageKvBytesPerToken(facts, layout, stage);
  return (layerTokenBytes(facts, layout) * vllmGroupPages(groups)) / layout.cp;
}

/**
 * KV bytes of `sequences` sequences of `context` tokens whose first `shared` tokens are one prompt
 * prefix held once (prefix caching shares its blocks), as `engine` allocates them (stageHeldKvBytesPerSequence).
 */
export function stageKvBytesShared(
  facts: ModelFacts,
  layout: Layout,
  stage: Stage,
  sequences: number,
  context: number,
  shared: number,
  windowed = true,
  engine: Engine | null = null,
): number {
  if (sequences <= 0) return 0;
  const prefix = Math.min(shared, context);
  const one = stageHeldKvBytesPerSequence(facts, layout, stage, context, windowed, engine);
  const common = stageHeldKvBytesPerSequence(facts, layout, stage, prefix, windowed, engine);
  return sequences * one - (sequences - 1) * common;
}

/**
 * Pool bytes one sequence takes on one device of the stage as `engine` allocates it: vLLM's hybrid
 * groups give each group's block `size` layer pages, padding layers included, so a sequence takes
 * size x (full groups x context + windowed groups x window) pages once it runs (vLLM's own check before it
 * starts pads the same way, over a larger window: stageReservedKvBytesPerSequence). Elsewhere (and with no
 * engine) the bytes it stores: stageKvBytesPerSequence.
 */
export function stageHeldKvBytesPerSequence(
  facts: ModelFacts,
  layout: Layout,
  stage: Stage,
  context: number,
  windowed = true,
  engine: Engine | null = null,
): number {
  const groups = engine === 'vllm' ? vllmHybridGroups(facts, stage) : null;
  return stageKvBytesAt(facts, layout, stage, context, windowKept(facts, context, windowed), groups);
}

/**
 * Tokens vLLM sets aside in one layer for a request of `context` tokens (max_model_len) before it starts,
 * in whole blocks: its KV spec's max_memory_usage_bytes (v1/kv_cache_interface.py), which both its
 * start-up check (check_enough_kv_cache_memory: one request of max_model_len must fit) and its "Maximum
 * concurrency for N tokens per request" line (get_max_concurrency_for_kv_cache_config) sum over the KV
 * groups. A full layer (FullAttentionSpec): cdiv(max_model_len, block_size) blocks. A sliding layer
 * (SlidingWindowSpec): cdiv(min(window - 1 + max_num_batched_tokens, max_model_len), block_size) + 1
 * blocks, as a chunked prefill holds the window's last tokens and a whole chunk at once, plus one block
 * for a window that does not start on a block's edge. A chunked-attention layer (ChunkedLocalAttentionSpec):
 * cdiv(min(chunk + max_num_batched_tokens, max_model_len), block_size) blocks. More than the window a
 * running sequence keeps (windowKept): the scheduler allocates per token and frees what leaves the
 * window (SlidingWindowManager.remove_skipped_blocks), so only the start-up figures count this.
 */
export function vllmReservedTokens(facts: ModelFacts, context: number, maxBatchedTokens: number): { full: number; windowed: number } {
  const block = KV_BLOCK_TOKENS.vllm;
  if (context <= 0) return { full: 0, windowed: 0 };
  const blocks = (tokens: number): number => Math.ceil(tokens / block) * block;
  const full = blocks(context);
  const w = facts.slidingWindow;
  if (w === null) return { full, windowed: full };
  if (facts.windowKind === 'chunked') return { full, windowed: blocks(Math.min(w + maxBatchedTokens, context)) };
  return { full, windowed: blocks(Math.min(w - 1 + maxBatchedTokens, context)) + block };
}

/**
 * Pool bytes the engine sets aside on one device of the stage for one request of `context` tokens before
 * it starts (what its check that one request of the longest length fits counts): under vLLM its
 * reservation (vllmReservedTokens, over its padded hybrid groups where it groups); elsewhere what the
 * sequence holds at its peak (stageHeldKvBytesPerSequence, windows freed where the engine frees them).
 */
export function stageReservedKvBytesPerSequence(
  facts: ModelFacts,
  layout: Layout,
  stage: Stage,
  context: number,
  engine: Engine,
  maxBatchedTokens: number,
): number {
  if (engine !== 'vllm') return stageHeldKvBytesPerSequence(facts, layout, stage, context, FREES_OUTSIDE_WINDOW[engine], engine);
  const res = vllmReservedTokens(facts, context, maxBatchedTokens);
  return stageKvBytesAt(facts, layout, stage, res.full, res.windowed, vllmHybridGroups(facts, stage));
}

/**
 * Peak transient activations of one forward pass of `tokens` tokens (a prefill chunk), per device: the
 * residual stream and normed input (2h) and the larger of the two phases of a layer, whose buffers are
 * freed before the next: attention projections (q, k, v, output), or the MLP. A dense MLP holds its
 * gate, up and activated outputs (3 x its local width); a fused MoE holds, per token-expert pair on
 * the device, the gate-up, activated and down outputs (3 x the local expert width + h; vLLM's
 * fused_moe intermediate caches), plus the shared experts' 3 x width. Then the logits of the sequences
 * sampled on the last stage. Inference keeps no activations for a backward pass.
 * The logits are the whole vocabulary on a rank, not vocab/tp: the LM head is vocab-parallel but
 * vLLM's LogitsProcessor gathers its shards before sampling (SGLang's all-gathers too). They are those
 * of `sampledSequences` sequences (no more than the pass's tokens): vLLM's profiling pass samples
 * max_num_seqs of them (GPUModelRunner.profile_run, then _dummy_sampler_run).
 */
export function stageActivationBytes(facts: ModelFacts, layout: Layout, stage: Stage, tokens: number, sampledSequences: number): number {
  if (facts.hidden <= 0) return 0;
  const { tp, dp, cp, ep, etp } = layout;
  const h = facts.hidden;
  const local = tokens / cp;
  const attnWidth = (facts.attnSharded / tp + facts.attnKv / kvShardsOverTp(facts, tp)) / h;
  const denseWidth = stage.denseLayers > 0 ? facts.denseMlp / 3 / h / tp : 0;
  let moePeak = 0;
  if (stage.moeLayers > 0) {
    // Token-expert pairs per local token on this device: tokens reach it from all dp and cp ranks of its group.
    const pairs = (facts.topK * dp * cp) / ep;
    const width = facts.expert / 3 / h / etp;
    moePeak = pairs * (3 * width + h) + facts.sharedExperts / h / tp;
  }
  const perToken = (2 * h + Math.max(attnWidth, 3 * denseWidth, moePeak)) * ACTIVATION_BYTES;
  const vocab = facts.embedding / h;
  const sampled = Math.max(1, Math.min(sampledSequences, tokens));
  const logits = stage.hasLmHead ? sampled * vocab * LOGIT_BYTES : 0;
  return local * perToken + logits;
}

/** The engine and its settings, as memory needs them. */
export interface EngineConditions {
  engine: Engine;
  memoryFraction: number;
  /** null when hardware.memory is not given: no pool, no capacity */
  device: DeviceFacts | null;
  maxBatchedTokens: number;
  /** sequences whose logits the activation peak holds */
  sampledSequences: number;
  cudaGraphs: boolean;
  runtimeOverride: number | null;
  /** workload.kv_cache_tokens: the pool in tokens per replica; null when not given */
  kvCacheTokens: number | null;
  /** workload.kv_cache_memory: the pool in bytes per device; null when not given */
  kvCacheMemory: number | null;
}

/** The engine conditions of a resolved workload; `sequences` are those in flight per replica (SGLang and TRT-LLM sample what runs). */
export function engineConditions(workload: Workload, hardware: Hardware, sequences: number | undefined, maxContext: number | undefined): EngineConditions {
  let sampled: number;
  if (workload.engine === 'vllm') sampled = workload.profiledSequences;
  // TRT-LLM profiles with dummy context requests of the longest length: one sampled sequence each.
  else if (workload.engine === 'trtllm') sampled = Math.ceil(workload.maxBatchedTokens / Math.max(1, maxContext ?? workload.maxBatchedTokens));
  else sampled = Math.max(1, sequences ?? 1);
  return {
    engine: workload.engine,
    memoryFraction: workload.memoryFraction,
    device: hardware.device,
    maxBatchedTokens: workload.maxBatchedTokens,
    sampledSequences: sampled,
    cudaGraphs: workload.cudaGraphs,
    runtimeOverride: workload.runtimeOverhead,
    kvCacheTokens: workload.kvCacheTokens,
    kvCacheMemory: workload.kvCacheMemory,
  };
}

/** Devices of the largest group that talks: tp x cp for attention, ep for the experts. */
export function commGroup(layout: Layout, isMoe: boolean): number {
  return Math.max(layout.tp * layout.cp, isMoe ? layout.ep * layout.etp : 1);
}

export interface StageMemory {
  stage: number;
  layers: number;
  /** what the engine holds of weights: the checkpoint's shard plus its MLA decode copy (mlaDecodeCopy) and rotary tables (rotaryTables) */
  weights: number;
  /** bytes of `weights` that are the engine's copy of MLA's kv_b_proj for the absorbed decode (mlaDecodeCopyBytes); 0 without MLA */
  mlaDecodeCopy: number;
  /** bytes of `weights` that are the engine's rotary cos/sin tables (engine-memory.ts, rotaryTableBytes); 0 where none is modelled */
  rotaryTables: number;
  /** KV of the plan's sequences at the longest context, capped at the pool when the engine would queue the rest (one sequence's when the pool holds none) */
  kv: number;
  activations: number;
  overhead: number;
  total: number;
  /** the engine's KV pool on this device, bytes; null without hardware.memory */
  pool: number | null;
  /** what the engine may use on this device; null without hardware.memory */
  usable: number | null;
  /** KV the engine sets aside for one sequence of the longest context before it starts (stageReservedKvBytesPerSequence) */
  kvOne: number;
  /** what makes up `usable`: its parts and the formula of the engine's KV pool */
  rule: string | null;
}

/** The most loaded device of a plan (largest total), whose figures are the plan's per-GPU memory. */
export function mostLoaded(stages: StageMemory[] | null): StageMemory | null {
  if (!stages || stages.length === 0) return null;
  return stages.reduce((a, st) => (st.total > a.total ? st : a));
}

/**
 * The pool the plan sets on one device of the stage (workload.kv_cache_tokens, kv_cache_memory), in the
 * engine's meaning (engine-memory.ts, PoolLimit), or null. Tokens become bytes at the stage's bytes per
 * token, plus the fixed state the stage's `sequences` keep beside the token pool (linear-attention
 * layers). vLLM's block override wins over its byte size (it replaces the block count the bytes give);
 * SGLang and TensorRT-LLM take the smallest of the flag's pool and both caps.
 */
export function poolLimit(facts: ModelFacts, layout: Layout, cond: EngineConditions, stage: Stage, sequences: number): PoolLimit | null {
  const { kvCacheTokens: tokens, kvCacheMemory: bytes } = cond;
  if (tokens === null && bytes === null) return null;
  // vLLM's blocks (kv_cache_tokens = --num-gpu-blocks-override x 16) span `size` layer pages under its
  // hybrid groups, shared by every group: Gemma 3 27B's 1,000 blocks are 1,000 x 16 x 10 pages, which
  // it logs as 1,000 // 7 groups x 16 = 2,272 tokens (kvCapacityTokens), not 16,000 x 62 pages
  const groups = cond.engine === 'vllm' ? vllmHybridGroups(facts, stage) : null;
  const perToken = groups ? (layerTokenBytes(facts, layout) * groups.size) / layout.cp : stageKvBytesPerToken(facts, layout, stage);
  const fromTokens =
    tokens === null
      ? null
      : {
          bytes: tokens * perToken + sequences * stageStateBytesPerSequence(facts, layout, stage),
          source: `workload.kv_cache_tokens (${countOf(tokens, 'token')})`,
        };
  const fromBytes = bytes === null ? null : { bytes, source: 'workload.kv_cache_memory' };
  if (cond.engine === 'vllm') return { ...(fromTokens ?? fromBytes)!, fixed: true };
  const smaller = fromTokens && fromBytes ? (fromTokens.bytes <= fromBytes.bytes ? fromTokens : fromBytes) : (fromTokens ?? fromBytes)!;
  return { ...smaller, fixed: false };
}

/**
 * Memory per device of each stage for `sequences` sequences per replica at `context` tokens each
 * (the first `shared` tokens a common prefix held once), as the engine counts it.
 */
export function stageMemory(
  facts: ModelFacts,
  layout: Layout,
  cond: EngineConditions,
  stages: Stage[],
  sequences: number,
  context: number,
  shared: number,
): StageMemory[] {
  const padding = mxfp4Padding(cond.device?.fp4Math ?? false, cond.engine);
  const windowed = FREES_OUTSIDE_WINDOW[cond.engine];
  const group = commGroup(layout, facts.isMoe);
  const out: StageMemory[] = [];
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i]!;
    // a stage holding the same layers as the one before needs the same memory
    if (i > 0 && sameShape(stage, stages[i - 1]!)) {
      const p = out[i - 1]!;
      // written out: a spread of this object costs more than the figures
      out.push({
        stage: stage.index,
        layers: p.layers,
        weights: p.weights,
        mlaDecodeCopy: p.mlaDecodeCopy,
        rotaryTables: p.rotaryTables,
        kv: p.kv,
        activations: p.activations,
        overhead: p.overhead,
        total: p.total,
        pool: p.pool,
        usable: p.usable,
        kvOne: p.kvOne,
        rule: p.rule,
      });
      continue;
    }
    // The engine's weights: the checkpoint's shard, what it copies of it after loading and the rotary
    // tables it builds whole on every rank (a floor counts the shard alone: no engine need keep the rest).
    const mlaDecodeCopy = mlaDecodeCopyBytes(facts, layout, stage, cond.engine, cond.device);
    const rotaryTables = rotaryTableBytes(cond.engine, facts.rope, cond.device);
    const weights = stageWeightBytes(facts, layout, stage, padding, engineDenseSplit(facts, layout, cond.engine)) + mlaDecodeCopy + rotaryTables;
    // as the engine allocates it: vLLM's hybrid groups pad (Gemma 3 27B: 70 layer pages for its 62)
    const demand = stageKvBytesShared(facts, layout, stage, sequences, context, shared, windowed, cond.engine);
    // what the engine sets aside for one request of the longest length before it starts (vLLM: a window and a chunk per sliding layer)
    const kvOne = stageReservedKvBytesPerSequence(facts, layout, stage, context, cond.engine, cond.maxBatchedTokens);
    const activations = stageActivationBytes(facts, layout, stage, cond.maxBatchedTokens, cond.sampledSequences);
    let overhead: number;
    let pool: number | null = null;
    let usable: number | null = null;
    let rule: string | null = null;
    if (cond.device) {
      const b = deviceBudget({
        engine: cond.engine,
        memoryFraction: cond.memoryFraction,
        capacity: cond.device.capacity,
        weights,
        mlaDecodeCopy,
        rotaryTables,
        activations,
        group,
        device: cond.device,
        cudaGraphs: cond.cudaGraphs,
        runtimeOverride: cond.runtimeOverride,
        limit: poolLimit(facts, layout, cond, stage, sequences),
      });
      ({ pool, usable, overhead, rule } = b);
    } else {
      overhead = deviceBudget({
        engine: cond.engine,
        memoryFraction: cond.memoryFraction,
        capacity: 0,
        weights,
        activations,
        group,
        device: null,
        cudaGraphs: cond.cudaGraphs,
        runtimeOverride: cond.runtimeOverride,
      }).overhead;
    }
    // The engine admits what its pool holds and queues the rest: the device holds no more KV than the
    // pool. A pool too small for one sequence of the longest length runs none of them: the figure is
    // then that one sequence's need (what memory.fits judges), not the whole load's.
    const kv = pool === null ? demand : pool >= kvOne ? Math.min(demand, pool) : kvOne;
    out.push({
      stage: stage.index,
      layers: stage.layers,
      weights,
      mlaDecodeCopy,
      rotaryTables,
      kv,
      activations,
      overhead,
      total: weights + kv + activations + overhead,
      pool,
      usable,
      kvOne,
      rule,
    });
  }
  return out;
}

/**
 * Tokens of KV cache one replica holds, as its engine logs them at start-up ("GPU KV cache size: N
 * tokens", "KV Cache is allocated. #tokens: N", "Allocated ... for max tokens in paged KV cache (N)"):
 * each device's pool over the bytes of one token in every layer of its stage as the engine counts them
 * (stageCountedBytesPerToken: vLLM's padded hybrid groups), in whole blocks. The
 * tightest stage decides; context parallelism multiplies it (each rank keeps 1/cp of every sequence).
 * A pool the plan sets in tokens (`capTokens`, workload.kv_cache_tokens; the pools already hold it in
 * bytes) is that many tokens wherever it binds, and never more.
 */
export function kvCapacityTokens(
  facts: ModelFacts,
  layout: Layout,
  engine: Engine,
  stages: Stage[],
  memory: StageMemory[],
  sequences = 1,
  context = 0,
  capTokens: number | null = null,
): number {
  let tokens = Infinity;
  stages.forEach((stage, i) => {
    // a neighbour of the same shape and pool holds the same tokens
    if (i > 0 && sameShape(stage, stages[i - 1]!) && memory[i]?.pool === memory[i - 1]?.pool) return;
    const perToken = stageCountedBytesPerToken(facts, layout, stage, engine);
    const pool = memory[i]?.pool;
    if (perToken <= 0 || pool === null || pool === undefined) return;
    // Linear-attention state is per sequence: the running sequences hold theirs outside the token pool.
    // The engine runs no more of them than the pool holds, state and tokens of `context` each (at
    // least one): more sequences than that queue, and set no state aside.
    const state = stageStateBytesPerSequence(facts, layout, stage);
    const fit = state > 0 ? Math.max(1, Math.floor(pool / (state + heldTokens(facts, layout, engine, stage, context) * perToken))) : sequences;
    const free = pool - Math.min(sequences, fit) * state;
    tokens = Math.min(tokens, Math.max(0, free) / perToken);
  });
  if (!Number.isFinite(tokens)) return 0;
  // tokens x bytes per token / bytes per token can fall a rounding error short of the tokens
  const capped = capTokens !== null && tokens >= capTokens * (1 - 1e-9);
  if (capped) tokens = capTokens;
  const block = KV_BLOCK_TOKENS[engine];
  // TensorRT-LLM allocates ceil(max_tokens / tokens_per_block) blocks for a cap in tokens
  // (resource_manager.py, KVCacheManager.calculate_max_num_blocks); SGLang aligns its cap down to pages.
  if (capped && engine === 'trtllm') return Math.ceil(tokens / block) * block;
  return Math.floor(tokens / block) * block;
}

/**
 * Capacity tokens the engine sets aside for one request of `context` tokens in one replica, in the count
 * kvCapacityTokens gives: under vLLM its reservation (vllmReservedTokens), its blocks over its groups,
 * so that the capacity over it is vLLM's "Maximum concurrency" (num_blocks over the blocks per request);
 * elsewhere what the sequence holds (heldTokens).
 */
export function reservedTokens(facts: ModelFacts, layout: Layout, engine: Engine, stage: Stage, context: number, maxBatchedTokens: number): number {
  if (engine !== 'vllm') return heldTokens(facts, layout, engine, stage, context);
  const groups = vllmHybridGroups(facts, stage);
  if (groups) {
    const res = vllmReservedTokens(facts, context, maxBatchedTokens);
    return (groups.full * res.full + groups.windowed * res.windowed) / (groups.full + groups.windowed);
  }
  const perToken = stageKvBytesPerToken(facts, layout, stage);
  if (perToken <= 0) return context;
  return (
    (stageReservedKvBytesPerSequence(facts, layout, stage, context, engine, maxBatchedTokens) - stageStateBytesPerSequence(facts, layout, stage)) / perToken
  );
}

/**
 * Capacity tokens a sequence of `context` tokens holds in one replica (its bytes over a token's bytes in
 * every layer; with vLLM's hybrid groups, its blocks over the groups): the whole context, less what
 * sliding-window layers free outside their window where the engine frees it.
 */
export function heldTokens(facts: ModelFacts, layout: Layout, engine: Engine, stage: Stage, context: number): number {
  // vLLM's hybrid groups: a sequence takes blocks in every group, windowed groups up to the window.
  const groups = engine === 'vllm' ? vllmHybridGroups(facts, stage) : null;
  if (groups) {
    return (groups.full * context + groups.windowed * windowKept(facts, context, true)) / (groups.full + groups.windowed);
  }
  const perToken = stageKvBytesPerToken(facts, layout, stage);
  if (perToken <= 0) return context;
  // The recurrent state of linear layers is not in the token pool (kvCapacityTokens takes it off first).
  const kv = stageKvBytesPerSequence(facts, layout, stage, context, FREES_OUTSIDE_WINDOW[engine]) - stageStateBytesPerSequence(facts, layout, stage);
  return kv / perToken;
}
