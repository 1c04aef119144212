// Layer kinds beyond the uniform transformer layer: linear-attention layers of hybrid models
// (Gated DeltaNet, Qwen3-Next / Qwen3.5), the sparse-attention indexer (DeepSeek Sparse Attention,
// DeepSeek-V3.2 / GLM-5), windowed layers that slide or attend by aligned chunks (gpt-oss, Llama 4),
// and multi-token-prediction modules. Each function turns config.json figures into parameters,
// cache bytes and FLOPs; memory.ts and performance.ts apply them per stage (docs/formulas.md,
// "Layer kinds").
import type { Dtype, LinearAttentionSpec, SparseAttentionSpec } from './types.js';

/** One linear-attention (Gated DeltaNet) layer. */
export interface LinearAttentionFacts {
  /** projections and convolution, split over tensor parallelism (by heads) */
  sharded: number;
  /** norms on every rank */
  replicated: number;
  /** heads that tensor parallelism can split: the key heads (value heads group under them) */
  shardableHeads: number;
  /** recurrent state plus convolution window of ONE sequence, all heads, bytes (does not grow with context) */
  stateBytes: number;
  /** FLOPs per token of the state update and read-out, all heads */
  stateFlopsPerToken: number;
}

/**
 * Gated DeltaNet as Qwen3-Next / Qwen3.5 build it (transformers Qwen3NextGatedDeltaNet):
 *   in_proj_qkvz: hidden -> 2 Kd + 2 Vd (queries, keys, values, output gate z), in_proj_ba: hidden -> 2 Hv,
 *   depthwise conv1d over the 2 Kd + Vd mixed q/k/v channels, out_proj: Vd -> hidden, A_log and dt_bias (Hv),
 *   a gated RMSNorm of value_head_dim, and the layer's two RMSNorms of hidden;
 * with Kd = key_heads x key_head_dim, Vd = value_heads x value_head_dim, Hv = value_heads.
 * State per sequence: every value head keeps a key_head_dim x value_head_dim matrix (state dtype), and the
 * convolution keeps its last kernel - 1 inputs of the 2 Kd + Vd channels (16-bit, the activations' dtype).
 * Per token the state is decayed and updated (k v^T) and read (q^T S): 4 key_head_dim x value_head_dim FLOPs
 * per value head, which any algorithm (recurrent or chunked) must spend.
 */
export function linearAttentionFacts(
  spec: Required<Pick<LinearAttentionSpec, 'key_heads' | 'value_heads' | 'key_head_dim' | 'value_head_dim' | 'conv_kernel'>>,
  hidden: number,
  stateBytesPerValue: number,
): LinearAttentionFacts {
  const kd = spec.key_heads * spec.key_head_dim;
  const vd = spec.value_heads * spec.value_head_dim;
  const convChannels = 2 * kd + vd;
  const sharded = hidden * (2 * kd + 2 * vd + 2 * spec.value_heads) + convChannels * spec.conv_kernel + vd * hidden + 2 * spec.value_heads;
  const replicated = spec.value_head_dim + 2 * hidden;
  const recurrent = spec.value_heads * spec.key_head_dim * spec.value_head_dim * stateBytesPerValue;
  const conv = convChannels * Math.max(0, spec.conv_kernel - 1) * CONV_STATE_BYTES;
  return {
    sharded,
    replicated,
    shardableHeads: spec.key_heads,
    stateBytes: recurrent + conv,
    stateFlopsPerToken: 4 * spec.value_heads * spec.key_head_dim * spec.value_head_dim,
  };
}

/** The convolution window holds activations, kept in 16 bits by vLLM and SGLang. */
const CONV_STATE_BYTES = 2;

/**
 * Recurrent-state dtype an engine keeps when neither the plan nor the checkpoint's config.json
 * (`mamba_ssm_dtype`, model.linear_attention.state_dtype) names one. SGLang: fp32
 * (configs/mamba_utils.py, mamba2_state_dtype: default float32, then config, then
 * SGLANG_MAMBA_SSM_DTYPE). vLLM: `--mamba-ssm-cache-dtype auto` follows `--mamba-cache-dtype auto`,
 * the model's dtype (mamba_utils.py, MambaStateDtypeCalculator._mamba_state_dtype; bf16 for every
 * preset); its Qwen3.5 verifier copies the config's mamba_ssm_dtype (models/config.py,
 * Qwen3_5ForConditionalGenerationConfig). TensorRT-LLM: `mamba_ssm_cache_dtype auto` is the
 * checkpoint's torch_dtype (pyexecutor model_loader.py, validate_and_set_mamba_ssm_cache_dtype).
 */
export function defaultStateDtype(engine: 'vllm' | 'sglang' | 'trtllm' | undefined): Dtype {
  return engine === 'vllm' || engine === 'trtllm' ? 'bf16' : 'fp32';
}

/** The sparse-attention indexer of one layer. */
export interface IndexerFacts {
  /** indexer projections (wq_b from the q latent, wk, weights_proj, k norm); replicated on every tp rank */
  params: number;
  /** indexer key cache per token: fp8 key plus one fp32 scale per 128 values, replicated on every tp rank */
  bytesPerToken: number;
  /** FLOPs to score one (query, key) pair over all indexer heads */
  pairFlops: number;
  /** tokens each query attends to in the main attention */
  topK: number;
}

/**
 * DeepSeek Sparse Attention (DeepSeek-V3.2-Exp report; vLLM DeepseekV32IndexerCache and SGLang
 * NSATokenToKVPool store the indexer keys the same way): per layer the indexer projects q from the
 * query latent (q_lora_rank -> index_heads x index_head_dim), one key (hidden -> index_head_dim, with a
 * LayerNorm) and per-head weights (hidden -> index_heads). It scores every cached token in fp8
 * (2 x index_heads x index_head_dim FLOPs per pair) and the attention reads only the index_topk best.
 * Its key cache is fp8 whatever the KV cache dtype: index_head_dim bytes + a 4-byte scale per 128.
 */
export function indexerFacts(spec: Required<SparseAttentionSpec>, hidden: number, queryInput: number): IndexerFacts {
  const qk = spec.index_heads * spec.index_head_dim;
  return {
    params: queryInput * qk + hidden * spec.index_head_dim + 2 * spec.index_head_dim + hidden * spec.index_heads,
    bytesPerToken: spec.index_head_dim + 4 * Math.ceil(spec.index_head_dim / 128),
    pairFlops: 2 * qk,
    topK: spec.index_topk,
  };
}

/**
 * Bytes of one token of an MLA latent cache in fp8 as the sparse MLA kernels store it (FlashMLA's
 * fp8_ds_mla layout, used by vLLM and SGLang for DeepSeek-V3.2 and GLM-5): kv_lora_rank fp8 values,
 * one fp32 scale per 128 of them, and the rotary part kept in 16 bits: 512 + 16 + 128 = 656 bytes.
 */
export function sparseMlaFp8Bytes(kvLoraRank: number, ropeDim: number): number {
  return kvLoraRank + 4 * Math.ceil(kvLoraRank / 128) + 2 * ropeDim;
}

export type WindowKind = 'sliding' | 'chunked';

/**
 * Keys a query at 1-based position `position` attends to in a windowed layer: the last `window`
 * tokens (sliding), or the tokens of its own aligned chunk of `window` (chunked: Llama 4's local layers).
 */
export function windowKeys(position: number, window: number, kind: WindowKind): number {
  if (position <= 0) return 0;
  return kind === 'chunked' ? ((position - 1) % window) + 1 : Math.min(position, window);
}

/** Sum of windowKeys(i) for i in (from, to]: the (query, key) pairs of query tokens from+1..to. */
export function windowPairs(from: number, to: number, window: number, kind: WindowKind): number {
  const tri = (n: number): number => (n * (n + 1)) / 2;
  const upTo = (n: number): number => {
    if (n <= 0) return 0;
    if (kind === 'chunked') {
      const whole = Math.floor(n / window);
      return whole * tri(window) + tri(n - whole * window);
    }
    return n <= window ? tri(n) : tri(window) + (n - window) * window;
  };
  return upTo(to) - upTo(from);
}

/**
 * Parameters of one multi-token-prediction module beyond its decoder layer (DeepSeek-V3 report sec. 2.2,
 * Qwen3-Next / Qwen3.5 mtp.fc): the projection of [embedding; hidden] (2h -> h) and its norms. The module
 * shares the embedding and LM head with the main model.
 */
export function mtpExtraParams(hidden: number): number {
  return 2 * hidden * hidden + 3 * hidden;
}
