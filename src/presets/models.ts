// Model presets: architecture figures copied from each model's published
// Hugging Face config.json (the URL is in `source`), in the contract's field
// names. `weight_dtype` / `weight_dtypes` state what the released checkpoint
// ships in; a plan may override them (quantizing is the plan's choice).
import type { ModelSpec } from '../core/types.js';
import { deepFreeze, lookup } from './lookup.js';

export interface ModelPreset {
  id: string;
  name: string;
  /** URL of the config.json the figures come from */
  source: string;
  /** contract field names, SI units; preset/hf_config unset */
  spec: ModelSpec;
  /** the published total (and active) parameter counts */
  published: { params: number; active_params?: number; source: string };
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
];

/** Every model preset by id; deeply frozen, so a caller cannot change a preset for the next plan. */
export const MODEL_PRESETS: Readonly<Record<string, ModelPreset>> = deepFreeze(
  Object.fromEntries(ALL.map((preset) => [preset.id, preset])),
);

/**
 * The preset with this id (case-insensitive), as a fresh copy the caller may change,
 * or undefined: an unknown id never falls back to a default.
 */
export function modelPreset(id: string): ModelPreset | undefined {
  const preset = lookup(MODEL_PRESETS, id);
  return preset === undefined ? undefined : structuredClone(preset);
}
