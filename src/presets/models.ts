// Model presets: architecture figures copied from each model's published
// Hugging Face config.json (the URL is in `source`), in the contract's field
// names. `weight_dtype` / `weight_dtypes` state what the released checkpoint
// ships in; a plan may override them (quantizing is the plan's choice).
import type { ModelSpec, RopeSpec } from '../core/types.js';
import { checkpointFor, CHECKPOINTS, withStorage, type Checkpoint } from './checkpoints.js';
import { copyPreset, deepFreeze, lookup } from './lookup.js';

export interface ModelPreset {
  id: string;
  name: string;
  /** URL of the config.json the figures come from */
  source: string;
  /** contract field names, SI units; preset/hf_config unset */
  spec: ModelSpec;
  /**
   * the published total (and active) parameter counts; `rounded_to` is the step the publisher rounded
   * them to when coarser than the counter's tolerance (e.g. "3B active" is known to +-0.5B)
   */
  published: { params: number; active_params?: number; source: string; rounded_to?: number };
  /** set when the preset was asked for by a Hugging Face checkpoint: its storage is already in `spec` */
  checkpoint?: Checkpoint;
}

const HF = 'https://huggingface.co';
const config = (repo: string): string => `${HF}/${repo}/blob/main/config.json`;
const card = (repo: string): string => `${HF}/${repo}`;

const LLAMA_3_VOCAB = 128256;
const QWEN3_VOCAB = 151936;

const llama31_8b: ModelPreset = {
  id: 'llama-3.1-8b',
  name: 'Llama 3.1 8B',
  source: config('meta-llama/Llama-3.1-8B-Instruct'),
  spec: {
    params: 8.03e9,
    layers: 32,
    hidden_size: 4096,
    heads: 32,
    kv_heads: 8,
    head_dim: 128,
    ffn_hidden_size: 14336,
    vocab_size: LLAMA_3_VOCAB,
    tied_embeddings: false,
    attention: 'gqa',
    mlp: 'gated',
    weight_dtype: 'bf16',
  },
  // Hugging Face model card: "8.03B params"
  published: { params: 8.03e9, source: card('meta-llama/Llama-3.1-8B-Instruct') },
};

const llama31_70bSpec: ModelSpec = {
  params: 70.6e9,
  layers: 80,
  hidden_size: 8192,
  heads: 64,
  kv_heads: 8,
  head_dim: 128,
  ffn_hidden_size: 28672,
  vocab_size: LLAMA_3_VOCAB,
  tied_embeddings: false,
  attention: 'gqa',
  mlp: 'gated',
  weight_dtype: 'bf16',
};

const llama31_70b: ModelPreset = {
  id: 'llama-3.1-70b',
  name: 'Llama 3.1 70B',
  source: config('meta-llama/Llama-3.1-70B-Instruct'),
  spec: llama31_70bSpec,
  // Hugging Face model card: "70.6B params"
  published: { params: 70.6e9, source: card('meta-llama/Llama-3.1-70B-Instruct') },
};

// Llama 3.3 70B reuses the 3.1 70B architecture (same config.json shape).
const llama33_70b: ModelPreset = {
  id: 'llama-3.3-70b',
  name: 'Llama 3.3 70B',
  source: config('meta-llama/Llama-3.3-70B-Instruct'),
  spec: structuredClone(llama31_70bSpec),
  published: { params: 70.6e9, source: card('meta-llama/Llama-3.3-70B-Instruct') },
};

const llama31_405b: ModelPreset = {
  id: 'llama-3.1-405b',
  name: 'Llama 3.1 405B',
  source: config('meta-llama/Llama-3.1-405B-Instruct'),
  spec: {
    params: 405.9e9,
    layers: 126,
    hidden_size: 16384,
    heads: 128,
    kv_heads: 8,
    head_dim: 128,
    ffn_hidden_size: 53248,
    vocab_size: LLAMA_3_VOCAB,
    tied_embeddings: false,
    attention: 'gqa',
    mlp: 'gated',
    weight_dtype: 'bf16',
  },
  // Hugging Face model card: "406B params" (405.9B counted from the safetensors)
  published: { params: 405.9e9, source: card('meta-llama/Llama-3.1-405B-Instruct') },
};

// Qwen3 trap: head_dim is 128 although hidden_size / heads = 5120 / 64 = 80.
const qwen3_32b: ModelPreset = {
  id: 'qwen3-32b',
  name: 'Qwen3 32B',
  source: config('Qwen/Qwen3-32B'),
  spec: {
    params: 32.8e9,
    layers: 64,
    hidden_size: 5120,
    heads: 64,
    kv_heads: 8,
    head_dim: 128,
    ffn_hidden_size: 25600,
    vocab_size: QWEN3_VOCAB,
    tied_embeddings: false,
    attention: 'gqa',
    mlp: 'gated',
    weight_dtype: 'bf16',
  },
  // Model card: "Number of Parameters: 32.8B"
  published: { params: 32.8e9, source: card('Qwen/Qwen3-32B') },
};

const qwen3_8b: ModelPreset = {
  id: 'qwen3-8b',
  name: 'Qwen3 8B',
  source: config('Qwen/Qwen3-8B'),
  spec: {
    params: 8.2e9,
    layers: 36,
    hidden_size: 4096,
    heads: 32,
    kv_heads: 8,
    head_dim: 128,
    ffn_hidden_size: 12288,
    vocab_size: QWEN3_VOCAB,
    tied_embeddings: false,
    attention: 'gqa',
    mlp: 'gated',
    weight_dtype: 'bf16',
  },
  // Model card: "Number of Parameters: 8.2B"
  published: { params: 8.2e9, source: card('Qwen/Qwen3-8B') },
};

// Qwen3-MoE: every layer is MoE (decoder_sparse_step 1, mlp_only_layers []), no shared experts.
const qwen3_235b: ModelPreset = {
  id: 'qwen3-235b-a22b',
  name: 'Qwen3 235B-A22B',
  source: config('Qwen/Qwen3-235B-A22B'),
  spec: {
    params: 235e9,
    layers: 94,
    hidden_size: 4096,
    heads: 64,
    kv_heads: 4,
    head_dim: 128,
    vocab_size: QWEN3_VOCAB,
    tied_embeddings: false,
    attention: 'gqa',
    mlp: 'gated',
    moe: { experts: 128, top_k: 8, shared_experts: 0, expert_ffn_hidden_size: 1536, dense_layers: 0 },
    weight_dtype: 'bf16',
  },
  // Model card: "Number of Parameters: 235B in total and 22B activated"
  published: { params: 235e9, active_params: 22e9, source: card('Qwen/Qwen3-235B-A22B') },
};

const qwen3_30b: ModelPreset = {
  id: 'qwen3-30b-a3b',
  name: 'Qwen3 30B-A3B',
  source: config('Qwen/Qwen3-30B-A3B'),
  spec: {
    params: 30.5e9,
    layers: 48,
    hidden_size: 2048,
    heads: 32,
    kv_heads: 4,
    head_dim: 128,
    vocab_size: QWEN3_VOCAB,
    tied_embeddings: false,
    attention: 'gqa',
    mlp: 'gated',
    moe: { experts: 128, top_k: 8, shared_experts: 0, expert_ffn_hidden_size: 768, dense_layers: 0 },
    weight_dtype: 'bf16',
  },
  // Model card: "Number of Parameters: 30.5B in total and 3.3B activated"
  published: { params: 30.5e9, active_params: 3.3e9, source: card('Qwen/Qwen3-30B-A3B') },
};

// Mixtral: the experts' width is config.json's intermediate_size; no dense MLP.
const mixtral_8x7b: ModelPreset = {
  id: 'mixtral-8x7b',
  name: 'Mixtral 8x7B',
  source: config('mistralai/Mixtral-8x7B-Instruct-v0.1'),
  spec: {
    params: 46.7e9,
    layers: 32,
    hidden_size: 4096,
    heads: 32,
    kv_heads: 8,
    head_dim: 128,
    vocab_size: 32000,
    tied_embeddings: false,
    attention: 'gqa',
    mlp: 'gated',
    moe: { experts: 8, top_k: 2, shared_experts: 0, expert_ffn_hidden_size: 14336, dense_layers: 0 },
    weight_dtype: 'bf16',
  },
  // Mistral AI, "Mixtral of experts" (2023): 46.7B total, 12.9B used per token
  published: { params: 46.7e9, active_params: 12.9e9, source: 'https://mistral.ai/news/mixtral-of-experts' },
};

const mixtral_8x22b: ModelPreset = {
  id: 'mixtral-8x22b',
  name: 'Mixtral 8x22B',
  source: config('mistralai/Mixtral-8x22B-Instruct-v0.1'),
  spec: {
    params: 141e9,
    layers: 56,
    hidden_size: 6144,
    heads: 48,
    kv_heads: 8,
    head_dim: 128,
    vocab_size: 32768, // the Instruct model's v3 tokenizer; the base v0.1 config has 32000
    tied_embeddings: false,
    attention: 'gqa',
    mlp: 'gated',
    moe: { experts: 8, top_k: 2, shared_experts: 0, expert_ffn_hidden_size: 16384, dense_layers: 0 },
    weight_dtype: 'bf16',
  },
  // Mistral AI, "Cheaper, Better, Faster, Stronger" (2024): 39B active out of 141B
  published: { params: 141e9, active_params: 39e9, source: 'https://mistral.ai/news/mixtral-8x22b' },
};

// DeepSeek-V3 / R1: MLA attention, 3 dense layers then MoE layers with 256 routed
// experts (top-8) and 1 shared expert. The released checkpoint is fp8 (block-scaled
// e4m3). 671B is the main model; the checkpoint also holds a 14B multi-token
// prediction (MTP) module (685B in all), not counted here.
const deepseekV3Spec: ModelSpec = {
  params: 671e9,
  layers: 61,
  hidden_size: 7168,
  heads: 128,
  kv_heads: 128,
  ffn_hidden_size: 18432,
  vocab_size: 129280,
  tied_embeddings: false,
  attention: 'mla',
  mlp: 'gated',
  mla: { kv_lora_rank: 512, qk_rope_head_dim: 64, q_lora_rank: 1536, qk_nope_head_dim: 128, v_head_dim: 128 },
  moe: { experts: 256, top_k: 8, shared_experts: 1, expert_ffn_hidden_size: 2048, dense_layers: 3 },
  // num_nextn_predict_layers: the MTP module, loaded only when speculative decoding uses it
  mtp_layers: 1,
  weight_dtype: 'fp8',
  // the fp8 quantization covers the linear layers; embeddings and LM head ship in bf16
  weight_dtypes: { embeddings: 'bf16' },
};

const deepseekV3: ModelPreset = {
  id: 'deepseek-v3',
  name: 'DeepSeek-V3',
  source: config('deepseek-ai/DeepSeek-V3'),
  spec: deepseekV3Spec,
  // DeepSeek-V3 Technical Report (arXiv:2412.19437): 671B total, 37B activated per token
  published: { params: 671e9, active_params: 37e9, source: 'https://arxiv.org/abs/2412.19437' },
};

const deepseekR1: ModelPreset = {
  id: 'deepseek-r1',
  name: 'DeepSeek-R1',
  source: config('deepseek-ai/DeepSeek-R1'),
  spec: structuredClone(deepseekV3Spec),
  // Model card: "671B total parameters, 37B activated", same architecture as V3
  published: { params: 671e9, active_params: 37e9, source: card('deepseek-ai/DeepSeek-R1') },
};

// gpt-oss: every layer is MoE; experts are as wide as hidden_size (2880); layers
// alternate sliding-window (128 tokens) and full attention; the checkpoint ships
// the experts in MXFP4 and everything else in bf16.
const gptOss120b: ModelPreset = {
  id: 'gpt-oss-120b',
  name: 'gpt-oss-120b',
  source: config('openai/gpt-oss-120b'),
  spec: {
    params: 116.83e9,
    layers: 36,
    hidden_size: 2880,
    heads: 64,
    kv_heads: 8,
    head_dim: 64,
    vocab_size: 201088,
    tied_embeddings: false,
    attention: 'gqa',
    mlp: 'gated',
    moe: { experts: 128, top_k: 4, shared_experts: 0, expert_ffn_hidden_size: 2880, dense_layers: 0 },
    sliding_window: 128,
    sliding_window_layers: 18,
    weight_dtype: 'bf16',
    weight_dtypes: { experts: 'fp4' },
  },
  // OpenAI, gpt-oss model card (arXiv:2508.10925), table 1: 116.83B total, 5.13B active
  published: { params: 116.83e9, active_params: 5.13e9, source: 'https://arxiv.org/abs/2508.10925' },
};

const gptOss20b: ModelPreset = {
  id: 'gpt-oss-20b',
  name: 'gpt-oss-20b',
  source: config('openai/gpt-oss-20b'),
  spec: {
    params: 20.91e9,
    layers: 24,
    hidden_size: 2880,
    heads: 64,
    kv_heads: 8,
    head_dim: 64,
    vocab_size: 201088,
    tied_embeddings: false,
    attention: 'gqa',
    mlp: 'gated',
    moe: { experts: 32, top_k: 4, shared_experts: 0, expert_ffn_hidden_size: 2880, dense_layers: 0 },
    sliding_window: 128,
    sliding_window_layers: 12,
    weight_dtype: 'bf16',
    weight_dtypes: { experts: 'fp4' },
  },
  // OpenAI, gpt-oss model card (arXiv:2508.10925), table 1: 20.91B total, 3.61B active
  published: { params: 20.91e9, active_params: 3.61e9, source: 'https://arxiv.org/abs/2508.10925' },
};

// DeepSeek-V3.1 keeps the V3 architecture (same config.json shape); DeepSeek-V3.2 adds DeepSeek Sparse
// Attention: an indexer per layer (index_n_heads 64 x index_head_dim 128) picks index_topk 2048 tokens.
const deepseekV31: ModelPreset = {
  id: 'deepseek-v3.1',
  name: 'DeepSeek-V3.1',
  source: config('deepseek-ai/DeepSeek-V3.1'),
  spec: structuredClone(deepseekV3Spec),
  // Model card: the same 671B-total, 37B-activated architecture as DeepSeek-V3
  published: { params: 671e9, active_params: 37e9, source: card('deepseek-ai/DeepSeek-V3.1') },
};

const deepseekV32: ModelPreset = {
  id: 'deepseek-v3.2',
  name: 'DeepSeek-V3.2',
  source: config('deepseek-ai/DeepSeek-V3.2'),
  spec: { ...structuredClone(deepseekV3Spec), sparse_attention: { index_heads: 64, index_head_dim: 128, index_topk: 2048 } },
  // Model card: DeepSeek-V3.1-Terminus's architecture (671B total, 37B activated) plus DSA; the indexer adds about 0.9B
  published: { params: 671e9, active_params: 37e9, source: card('deepseek-ai/DeepSeek-V3.2') },
};

// Kimi K2: DeepSeek-V3's design with 384 routed experts, 64 heads and one leading dense layer. K2-Instruct
// ships block-scaled fp8; K2.5 continues pre-training K2-Base (a vision tower added, config nested under
// text_config) and ships its routed experts as int4 in groups of 32 with bf16 scales (compressed-tensors
// pack-quantized, QAT), everything else in bf16.
const kimiK2Spec: ModelSpec = {
  params: 1.04e12,
  layers: 61,
  hidden_size: 7168,
  heads: 64,
  kv_heads: 64,
  ffn_hidden_size: 18432,
  vocab_size: 163840,
  tied_embeddings: false,
  attention: 'mla',
  mlp: 'gated',
  mla: { kv_lora_rank: 512, qk_rope_head_dim: 64, q_lora_rank: 1536, qk_nope_head_dim: 128, v_head_dim: 128 },
  moe: { experts: 384, top_k: 8, shared_experts: 1, expert_ffn_hidden_size: 2048, dense_layers: 1 },
  weight_dtype: 'fp8',
  weight_dtypes: { embeddings: 'bf16' },
};
// Kimi K2 technical report (arXiv:2507.20534): "32 billion activated parameters and 1.04 trillion total parameters"
const KIMI_K2_REPORT = 'https://arxiv.org/abs/2507.20534';

const kimiK2: ModelPreset = {
  id: 'kimi-k2',
  name: 'Kimi K2',
  source: config('moonshotai/Kimi-K2-Instruct'),
  spec: kimiK2Spec,
  published: { params: 1.04e12, active_params: 32e9, source: KIMI_K2_REPORT },
};

const kimiK25: ModelPreset = {
  id: 'kimi-k2.5',
  name: 'Kimi K2.5',
  source: config('moonshotai/Kimi-K2.5'),
  spec: { ...structuredClone(kimiK2Spec), weight_dtype: 'bf16', weight_dtypes: { experts: 'int4' }, quant_group_size: 32 },
  // The model card's "1T total, 32B activated" is K2's text model (report above) plus a 0.4B vision tower
  published: { params: 1.04e12, active_params: 32e9, source: KIMI_K2_REPORT },
};

// GLM-5 (glm_moe_dsa): MLA with DeepSeek Sparse Attention (32 indexer heads), 3 leading dense layers,
// 256 routed experts and one shared, one MTP layer; released in bf16 (zai-org/GLM-5-FP8 is the fp8 one).
const glm5: ModelPreset = {
  id: 'glm-5',
  name: 'GLM-5',
  source: config('zai-org/GLM-5'),
  spec: {
    params: 744e9,
    layers: 78,
    hidden_size: 6144,
    heads: 64,
    kv_heads: 64,
    ffn_hidden_size: 12288,
    vocab_size: 154880,
    tied_embeddings: false,
    attention: 'mla',
    mlp: 'gated',
    mla: { kv_lora_rank: 512, qk_rope_head_dim: 64, q_lora_rank: 2048, qk_nope_head_dim: 192, v_head_dim: 256 },
    moe: { experts: 256, top_k: 8, shared_experts: 1, expert_ffn_hidden_size: 2048, dense_layers: 3 },
    sparse_attention: { index_heads: 32, index_head_dim: 128, index_topk: 2048 },
    mtp_layers: 1,
    weight_dtype: 'bf16',
  },
  // Model card: "from 355B parameters (32B active) to 744B parameters (40B active)"
  published: { params: 744e9, active_params: 40e9, source: card('zai-org/GLM-5') },
};

// GLM-4.5 / 4.6 / 4.7 share one architecture (glm4_moe): GQA with 96 heads over 8 KV heads, 3 leading
// dense layers, 160 routed experts and one shared, one MTP layer.
const glm47: ModelPreset = {
  id: 'glm-4.7',
  name: 'GLM-4.7',
  source: config('zai-org/GLM-4.7'),
  spec: {
    params: 355e9,
    layers: 92,
    hidden_size: 5120,
    heads: 96,
    kv_heads: 8,
    head_dim: 128,
    ffn_hidden_size: 12288,
    vocab_size: 151552,
    tied_embeddings: false,
    attention: 'gqa',
    mlp: 'gated',
    moe: { experts: 160, top_k: 8, shared_experts: 1, expert_ffn_hidden_size: 1536, dense_layers: 3 },
    mtp_layers: 1,
    weight_dtype: 'bf16',
  },
  // Model card (GLM-4.5, the same architecture): "355 billion total parameters and 32 billion active"
  published: { params: 355e9, active_params: 32e9, source: card('zai-org/GLM-4.5') },
};

// MiniMax-M2 / M2.1 / M2.5 share one architecture (minimax_m2): 62 layers, all MoE (256 experts of
// 1536, top-8, no shared expert), GQA 48 over 8 heads of 128, three MTP modules; released in
// block-scaled fp8 (embeddings and LM head bf16).
const minimaxM25: ModelPreset = {
  id: 'minimax-m2.5',
  name: 'MiniMax-M2.5',
  source: config('MiniMaxAI/MiniMax-M2.5'),
  spec: {
    params: 230e9,
    layers: 62,
    hidden_size: 3072,
    heads: 48,
    kv_heads: 8,
    head_dim: 128,
    vocab_size: 200064,
    tied_embeddings: false,
    attention: 'gqa',
    mlp: 'gated',
    moe: { experts: 256, top_k: 8, shared_experts: 0, expert_ffn_hidden_size: 1536, dense_layers: 0 },
    mtp_layers: 3,
    weight_dtype: 'fp8',
    weight_dtypes: { embeddings: 'bf16' },
  },
  // Model card (MiniMax-M2, the same architecture): "230 billion total parameters with 10 billion active"
  published: { params: 230e9, active_params: 10e9, source: card('MiniMaxAI/MiniMax-M2'), rounded_to: 1e9 },
};

// Qwen3-Next and Qwen3.5 are hybrids: three Gated DeltaNet (linear attention) layers, then one gated
// full-attention layer (its q projection also yields an output gate), repeated; every layer is MoE with
// many small experts and one shared expert. Qwen3.5 nests the text model under text_config.
const qwen35_397b: ModelPreset = {
  id: 'qwen3.5-397b-a17b',
  name: 'Qwen3.5 397B-A17B',
  source: config('Qwen/Qwen3.5-397B-A17B'),
  spec: {
    params: 397e9,
    layers: 60,
    hidden_size: 4096,
    heads: 32,
    kv_heads: 2,
    head_dim: 256,
    vocab_size: 248320,
    tied_embeddings: false,
    attention: 'gqa',
    mlp: 'gated',
    attention_output_gate: true,
    // state_dtype: the Qwen3.5 release configs name mamba_ssm_dtype float32 (text_config), which vLLM
    // (Qwen3_5ForConditionalGenerationConfig) and SGLang (mamba2_state_dtype) both honour
    linear_attention: { layers: 45, key_heads: 16, value_heads: 64, key_head_dim: 128, value_head_dim: 128, conv_kernel: 4, state_dtype: 'fp32' },
    moe: { experts: 512, top_k: 10, shared_experts: 1, expert_ffn_hidden_size: 1024, shared_expert_ffn_hidden_size: 1024, dense_layers: 0 },
    mtp_layers: 1,
    weight_dtype: 'bf16',
    vision: { params: 456_010_480 },
  },
  // vision_config: a 27-layer ViT (hidden 1152, MLP 4304, 16-pixel patches over 2 frames, 2,304 positions) and
  // its 2x2 patch merger into 4096: 0.456B parameters (src/plan/hfVision.ts, qwen35VisionParams)
  // Model card: "397B in total and 17B activated" (the vision encoder included in the total)
  published: { params: 397e9, active_params: 17e9, source: card('Qwen/Qwen3.5-397B-A17B') },
};

const qwen3Next80b: ModelPreset = {
  id: 'qwen3-next-80b-a3b',
  name: 'Qwen3-Next 80B-A3B',
  source: config('Qwen/Qwen3-Next-80B-A3B-Instruct'),
  spec: {
    params: 80e9,
    layers: 48,
    hidden_size: 2048,
    heads: 16,
    kv_heads: 2,
    head_dim: 256,
    vocab_size: QWEN3_VOCAB,
    tied_embeddings: false,
    attention: 'gqa',
    mlp: 'gated',
    attention_output_gate: true,
    linear_attention: { layers: 36, key_heads: 16, value_heads: 32, key_head_dim: 128, value_head_dim: 128, conv_kernel: 4 },
    moe: { experts: 512, top_k: 10, shared_experts: 1, expert_ffn_hidden_size: 512, shared_expert_ffn_hidden_size: 512, dense_layers: 0 },
    weight_dtype: 'bf16',
  },
  // Model card: "80B in total and 3B activated"
  published: { params: 80e9, active_params: 3e9, source: card('Qwen/Qwen3-Next-80B-A3B-Instruct'), rounded_to: 1e9 },
};

// Llama 4: every fourth layer attends globally without RoPE, the others attend within aligned chunks of
// attention_chunk_size 8192 tokens; MoE layers have one routed expert per token (top-1) plus a shared
// expert, both intermediate_size wide. Maverick alternates dense (intermediate_size_mlp 16384) and MoE
// layers (interleave_moe_layer_step 2); every Scout layer is MoE.
const llama4Attention = {
  layers: 48,
  hidden_size: 5120,
  heads: 40,
  kv_heads: 8,
  head_dim: 128,
  vocab_size: 202048,
  tied_embeddings: false,
  attention: 'gqa',
  mlp: 'gated',
  sliding_window: 8192,
  sliding_window_layers: 36,
  sliding_window_kind: 'chunked',
  weight_dtype: 'bf16',
  // vision_config (both models): a 34-layer ViT (hidden 1408, MLP 5632, 336-pixel tiles of 14-pixel patches),
  // its pixel-shuffle adapter (5632 -> 4096 -> 4096) and the projector into the text model (4096 x 5120):
  // 0.872B parameters (src/plan/hfVision.ts, llama4VisionParams)
  vision: { params: 871_932_416 },
} as const satisfies ModelSpec;

const llama4Scout: ModelPreset = {
  id: 'llama-4-scout',
  name: 'Llama 4 Scout 17B-16E',
  source: config('meta-llama/Llama-4-Scout-17B-16E-Instruct'),
  spec: {
    ...llama4Attention,
    params: 109e9,
    moe: { experts: 16, top_k: 1, shared_experts: 1, expert_ffn_hidden_size: 8192, dense_layers: 0 },
  },
  // Model card: "17B activated, 109B total" (vision encoder included)
  published: { params: 109e9, active_params: 17e9, source: card('meta-llama/Llama-4-Scout-17B-16E-Instruct') },
};

const llama4Maverick: ModelPreset = {
  id: 'llama-4-maverick',
  name: 'Llama 4 Maverick 17B-128E',
  source: config('meta-llama/Llama-4-Maverick-17B-128E-Instruct'),
  spec: {
    ...llama4Attention,
    params: 400e9,
    ffn_hidden_size: 16384,
    moe: { experts: 128, top_k: 1, shared_experts: 1, expert_ffn_hidden_size: 8192, dense_layers: 24, interleaved: true },
  },
  // Model card: "17B activated, 400B total"
  published: { params: 400e9, active_params: 17e9, source: card('meta-llama/Llama-4-Maverick-17B-128E-Instruct') },
};

// Gemma 3: five sliding-window layers (1,024 tokens) to one global layer (sliding_window_pattern 6: 52 of
// 62 slide), tied embeddings, head_dim 128 although hidden_size / heads = 5376 / 32 = 168. The published
// config.json states only what differs from Gemma3TextConfig's defaults (vocab_size 262,208,
// max_position_embeddings 131,072 and the pattern come from those: src/plan/hfConfig.ts).
const gemma3_27b: ModelPreset = {
  id: 'gemma-3-27b',
  name: 'Gemma 3 27B',
  source: config('google/gemma-3-27b-it'),
  spec: {
    params: 27.4e9,
    layers: 62,
    hidden_size: 5376,
    heads: 32,
    kv_heads: 16,
    head_dim: 128,
    ffn_hidden_size: 21504,
    vocab_size: 262_208,
    tied_embeddings: true,
    attention: 'gqa',
    mlp: 'gated',
    sliding_window: 1024,
    sliding_window_layers: 52,
    weight_dtype: 'bf16',
    // vision_config: a 27-layer SigLIP (hidden 1152, MLP 4304, 896-pixel images of 14-pixel patches) and the
    // projector into 5376: 0.423B parameters (src/plan/hfVision.ts)
    vision: { params: 423_060_336 },
  },
  // Hugging Face model card: "27.4B params" (the safetensors' count, vision tower included)
  published: { params: 27.4e9, source: card('google/gemma-3-27b-it') },
};

const ALL: readonly ModelPreset[] = [
  llama31_8b,
  llama31_70b,
  llama33_70b,
  llama31_405b,
  qwen3_8b,
  qwen3_32b,
  qwen3_30b,
  qwen3_235b,
  mixtral_8x7b,
  mixtral_8x22b,
  deepseekV3,
  deepseekR1,
  gptOss20b,
  gptOss120b,
  deepseekV31,
  deepseekV32,
  kimiK2,
  kimiK25,
  glm5,
  glm47,
  minimaxM25,
  qwen35_397b,
  qwen3Next80b,
  llama4Scout,
  llama4Maverick,
  gemma3_27b,
];

/**
 * The longest sequence each model serves (tokens): max_position_embeddings of the config.json in its
 * `source` (no RoPE scaling there stretches it further; Llama 3.1's "llama3" scaling is already in
 * the 131,072). Qwen3's 40,960 is its native 32,768 plus 8,192 of answer; its 131,072 with YaRN is a
 * deployment's choice, stated as model.max_context. The multimodal checkpoints carry it in
 * text_config: Kimi-K2.5 and Qwen3.5 262,144 (their 256K windows; Qwen3.5's as the Xinference model
 * catalogue lists it), Llama 4 Scout 10,485,760 and Maverick 1,048,576 (Scout's config as AWS
 * Neuron's Llama 4 test config copies it, Maverick's as its GGUF conversion's llama4.context_length
 * records it; their "llama3" RoPE scaling is not applied on top, as for Llama 3.1). Gemma 3's 131,072
 * is Gemma3TextConfig's default, already scaled (its linear x8 is not applied again).
 */
const MAX_CONTEXT: Readonly<Record<string, number>> = {
  'llama-3.1-8b': 131_072,
  'llama-3.1-70b': 131_072,
  'llama-3.3-70b': 131_072,
  'llama-3.1-405b': 131_072,
  'qwen3-8b': 40_960,
  'qwen3-32b': 40_960,
  'qwen3-30b-a3b': 40_960,
  'qwen3-235b-a22b': 40_960,
  'mixtral-8x7b': 32_768,
  'mixtral-8x22b': 65_536,
  'deepseek-v3': 163_840,
  'deepseek-r1': 163_840,
  'deepseek-v3.1': 163_840,
  'deepseek-v3.2': 163_840,
  'gpt-oss-20b': 131_072,
  'gpt-oss-120b': 131_072,
  'kimi-k2': 131_072,
  'glm-5': 202_752,
  'glm-4.7': 202_752,
  'minimax-m2.5': 196_608,
  'qwen3-next-80b-a3b': 262_144,
  'kimi-k2.5': 262_144,
  'qwen3.5-397b-a17b': 262_144,
  'llama-4-scout': 10_485_760,
  'llama-4-maverick': 1_048_576,
  'gemma-3-27b': 131_072,
};

/**
 * Each model's rotary embedding as the config.json of its `source` states it (model.rope): engines build
 * cos/sin tables from it (engine-memory.ts, rotaryTableBytes). Llama 4 Scout's 10,485,760 positions make
 * a 2.5 GiB table per GPU under vLLM (its llama3 scaling keeps max_position_embeddings rows); a 128K
 * Llama's is 32 MiB. Rotated dims: Qwen3-Next and Qwen3.5 a quarter of 256 (partial_rotary_factor 0.25),
 * GLM-4.7 half of 128 (0.5), MiniMax-M2.5 64 of 128 (rotary_dim); MLA models qk_rope_head_dim.
 */
const LLAMA3_ROPE: RopeSpec = { max_position_embeddings: 131_072, scaling: 'llama3', factor: 8, original_max_position_embeddings: 8192 };
const DEEPSEEK_ROPE: RopeSpec = { max_position_embeddings: 163_840, scaling: 'yarn', factor: 40, original_max_position_embeddings: 4096 };
const GPT_OSS_ROPE: RopeSpec = { max_position_embeddings: 131_072, scaling: 'yarn', factor: 32, original_max_position_embeddings: 4096 };
const ROPE: Readonly<Record<string, RopeSpec>> = {
  'llama-3.1-8b': LLAMA3_ROPE,
  'llama-3.1-70b': LLAMA3_ROPE,
  'llama-3.3-70b': LLAMA3_ROPE,
  'llama-3.1-405b': LLAMA3_ROPE,
  'qwen3-8b': { max_position_embeddings: 40_960 },
  'qwen3-32b': { max_position_embeddings: 40_960 },
  'qwen3-30b-a3b': { max_position_embeddings: 40_960 },
  'qwen3-235b-a22b': { max_position_embeddings: 40_960 },
  'mixtral-8x7b': { max_position_embeddings: 32_768 },
  'mixtral-8x22b': { max_position_embeddings: 65_536 },
  'deepseek-v3': DEEPSEEK_ROPE,
  'deepseek-r1': DEEPSEEK_ROPE,
  'deepseek-v3.1': DEEPSEEK_ROPE,
  'deepseek-v3.2': DEEPSEEK_ROPE,
  'gpt-oss-20b': GPT_OSS_ROPE,
  'gpt-oss-120b': GPT_OSS_ROPE,
  'kimi-k2': { max_position_embeddings: 131_072, scaling: 'yarn', factor: 32, original_max_position_embeddings: 4096 },
  'kimi-k2.5': { max_position_embeddings: 262_144, scaling: 'yarn', factor: 64, original_max_position_embeddings: 4096 },
  'glm-5': { max_position_embeddings: 202_752 },
  'glm-4.7': { max_position_embeddings: 202_752, rotary_dim: 64 },
  'minimax-m2.5': { max_position_embeddings: 196_608, rotary_dim: 64 },
  'qwen3-next-80b-a3b': { max_position_embeddings: 262_144, rotary_dim: 64 },
  'qwen3.5-397b-a17b': { max_position_embeddings: 262_144, rotary_dim: 64 },
  'llama-4-scout': { max_position_embeddings: 10_485_760, scaling: 'llama3', factor: 16, original_max_position_embeddings: 8192 },
  // rope_scaling null: the table has max_position_embeddings rows either way (0.25 GiB in bf16)
  'llama-4-maverick': { max_position_embeddings: 1_048_576 },
  // linear x8 for the global layers; the sliding layers' own unscaled table (rope_local_base_freq 10,000)
  'gemma-3-27b': { max_position_embeddings: 131_072, scaling: 'linear', factor: 8, local_table: true },
};
for (const preset of ALL) {
  const longest = MAX_CONTEXT[preset.id];
  if (longest !== undefined) preset.spec = { ...preset.spec, max_context: longest };
  const rope = ROPE[preset.id];
  if (rope !== undefined) preset.spec = { ...preset.spec, rope };
}

/** Every model preset by id; deeply frozen, so a caller cannot change a preset for the next plan. */
export const MODEL_PRESETS: Readonly<Record<string, ModelPreset>> = deepFreeze(Object.fromEntries(ALL.map((preset) => [preset.id, preset])));

/**
 * The preset with this id (case-insensitive), or the preset of a Hugging Face checkpoint
 * (moonshotai/Kimi-K2.5, nvidia/Qwen3-32B-NVFP4, hf://..., https://huggingface.co/...) with the
 * checkpoint's quantization; a fresh copy the caller may change, or undefined: an unknown id
 * never falls back to a default.
 */
export function modelPreset(id: string): ModelPreset | undefined {
  const preset = lookup(MODEL_PRESETS, id);
  if (preset !== undefined) return copyPreset(preset);
  const checkpoint = checkpointFor(id);
  const base = checkpoint === undefined ? undefined : MODEL_PRESETS[checkpoint.preset];
  if (checkpoint === undefined || base === undefined) return undefined;
  const copy = copyPreset(base);
  return { ...copy, spec: withStorage(copy.spec, copyPreset(checkpoint.storage)), checkpoint: copyPreset(checkpoint) };
}

/** Hugging Face repository ids accepted as model presets. */
export function checkpointIds(): string[] {
  return Object.values(CHECKPOINTS).map((c) => c.repo);
}
