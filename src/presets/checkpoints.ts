// Hugging Face checkpoints -> model presets, with what each checkpoint stores. A repository id such as
// moonshotai/Kimi-K2.5 or nvidia/Qwen3-32B-NVFP4 is accepted wherever a preset id is (plan model.preset,
// importers' --model): it is the preset's architecture with the checkpoint's quantization, read from its
// config.json quantization_config or ModelOpt's hf_quant_config.json (URL in `source`).
import type { ModelSpec } from '../core/types.js';
import { deepFreeze } from './lookup.js';

export interface Checkpoint {
  /** owner/name as Hugging Face spells it */
  repo: string;
  /** the model preset with this architecture */
  preset: string;
  /** the checkpoint's storage where it differs from the preset's (dtypes, quant group, KV cache dtype, unquantized layers) */
  storage?: Partial<Pick<ModelSpec, 'weight_dtype' | 'weight_dtypes' | 'quant_group_size' | 'kv_cache_dtype' | 'unquantized_mlp_layers'>>;
  /** where the storage figures come from */
  source: string;
}

const HF = 'https://huggingface.co';
const file = (repo: string, name: string): string => `${HF}/${repo}/blob/main/${name}`;
const cfg = (repo: string): string => file(repo, 'config.json');
const quantCfg = (repo: string): string => file(repo, 'hf_quant_config.json');

/** The preset's own checkpoint: nothing to override. */
const same = (repo: string, preset: string): Checkpoint => ({ repo, preset, source: cfg(repo) });

/**
 * A block-scaled fp8 checkpoint (quant_method fp8, or ModelOpt FP8 with lm_head excluded): every linear
 * layer in fp8, embeddings and LM head in bf16.
 */
const fp8 = (repo: string, preset: string, source = cfg(repo)): Checkpoint => ({
  repo,
  preset,
  source,
  storage: { weight_dtype: 'fp8', weight_dtypes: { embeddings: 'bf16' } },
});

const ALL: readonly Checkpoint[] = [
  same('meta-llama/Llama-3.1-8B', 'llama-3.1-8b'),
  same('meta-llama/Llama-3.1-8B-Instruct', 'llama-3.1-8b'),
  // ModelOpt FP8 (hf_quant_config.json: quant_algo FP8, lm_head excluded, no KV-cache quantization)
  fp8('nvidia/Llama-3.1-8B-Instruct-FP8', 'llama-3.1-8b', quantCfg('nvidia/Llama-3.1-8B-Instruct-FP8')),
  same('meta-llama/Llama-3.1-70B', 'llama-3.1-70b'),
  same('meta-llama/Llama-3.1-70B-Instruct', 'llama-3.1-70b'),
  same('meta-llama/Llama-3.3-70B-Instruct', 'llama-3.3-70b'),
  fp8('nvidia/Llama-3.3-70B-Instruct-FP8', 'llama-3.3-70b', quantCfg('nvidia/Llama-3.3-70B-Instruct-FP8')),
  same('meta-llama/Llama-3.1-405B', 'llama-3.1-405b'),
  same('meta-llama/Llama-3.1-405B-Instruct', 'llama-3.1-405b'),
  // fbgemm_fp8: Meta quantizes the MLPs only; attention stays bf16, and so do the first and last decoder
  // layers whole (The Llama 3 Herd of Models, arXiv:2407.21783, sec. 6.2: "we do not perform quantization
  // in the first and last Transformer layers"; config.json modules_to_not_convert lists
  // model.layers.0.mlp.* and model.layers.125.mlp.* besides the attention projections and lm_head)
  {
    repo: 'meta-llama/Llama-3.1-405B-Instruct-FP8',
    preset: 'llama-3.1-405b',
    source: cfg('meta-llama/Llama-3.1-405B-Instruct-FP8'),
    storage: { weight_dtypes: { mlp: 'fp8' }, unquantized_mlp_layers: [0, 125] },
  },
  same('meta-llama/Llama-4-Scout-17B-16E', 'llama-4-scout'),
  same('meta-llama/Llama-4-Scout-17B-16E-Instruct', 'llama-4-scout'),
  same('meta-llama/Llama-4-Maverick-17B-128E', 'llama-4-maverick'),
  same('meta-llama/Llama-4-Maverick-17B-128E-Instruct', 'llama-4-maverick'),
  same('Qwen/Qwen3-8B', 'qwen3-8b'),
  same('Qwen/Qwen3-32B', 'qwen3-32b'),
  fp8('Qwen/Qwen3-32B-FP8', 'qwen3-32b'),
  // ModelOpt NVFP4 (hf_quant_config.json: quant_algo NVFP4, group_size 16, kv_cache_quant_algo FP8, lm_head excluded)
  {
    repo: 'nvidia/Qwen3-32B-NVFP4',
    preset: 'qwen3-32b',
    source: quantCfg('nvidia/Qwen3-32B-NVFP4'),
    storage: { weight_dtype: 'fp4', weight_dtypes: { embeddings: 'bf16' }, quant_group_size: 16, kv_cache_dtype: 'fp8' },
  },
  same('Qwen/Qwen3-30B-A3B', 'qwen3-30b-a3b'),
  same('Qwen/Qwen3-235B-A22B', 'qwen3-235b-a22b'),
  fp8('Qwen/Qwen3-235B-A22B-FP8', 'qwen3-235b-a22b'),
  same('Qwen/Qwen3-Next-80B-A3B-Instruct', 'qwen3-next-80b-a3b'),
  same('Qwen/Qwen3-Next-80B-A3B-Thinking', 'qwen3-next-80b-a3b'),
  fp8('Qwen/Qwen3-Next-80B-A3B-Instruct-FP8', 'qwen3-next-80b-a3b'),
  same('Qwen/Qwen3.5-397B-A17B', 'qwen3.5-397b-a17b'),
  fp8('Qwen/Qwen3.5-397B-A17B-FP8', 'qwen3.5-397b-a17b'),
  same('deepseek-ai/DeepSeek-V3', 'deepseek-v3'),
  same('deepseek-ai/DeepSeek-V3-0324', 'deepseek-v3'),
  same('deepseek-ai/DeepSeek-R1', 'deepseek-r1'),
  same('deepseek-ai/DeepSeek-R1-0528', 'deepseek-r1'),
  // ModelOpt NVFP4 (hf_quant_config.json: group_size 16; every self_attn, the routers, the MTP layer,
  // embeddings and lm_head excluded): MLPs and experts in NVFP4, attention in bf16
  ...['nvidia/DeepSeek-R1-NVFP4', 'nvidia/DeepSeek-R1-0528-NVFP4'].map(
    (repo): Checkpoint => ({
      repo,
      preset: 'deepseek-r1',
      source: quantCfg(repo),
      storage: { weight_dtype: 'fp4', weight_dtypes: { attention: 'bf16', embeddings: 'bf16' }, quant_group_size: 16 },
    }),
  ),
  {
    repo: 'nvidia/DeepSeek-V3-0324-NVFP4',
    preset: 'deepseek-v3',
    source: quantCfg('nvidia/DeepSeek-V3-0324-NVFP4'),
    storage: { weight_dtype: 'fp4', weight_dtypes: { attention: 'bf16', embeddings: 'bf16' }, quant_group_size: 16 },
  },
  same('deepseek-ai/DeepSeek-V3.1', 'deepseek-v3.1'),
  same('deepseek-ai/DeepSeek-V3.1-Terminus', 'deepseek-v3.1'),
  same('deepseek-ai/DeepSeek-V3.2', 'deepseek-v3.2'),
  same('deepseek-ai/DeepSeek-V3.2-Exp', 'deepseek-v3.2'),
  same('openai/gpt-oss-20b', 'gpt-oss-20b'),
  same('openai/gpt-oss-120b', 'gpt-oss-120b'),
  same('MiniMaxAI/MiniMax-M2', 'minimax-m2.5'),
  same('MiniMaxAI/MiniMax-M2.1', 'minimax-m2.5'),
  same('MiniMaxAI/MiniMax-M2.5', 'minimax-m2.5'),
  same('moonshotai/Kimi-K2-Instruct', 'kimi-k2'),
  same('moonshotai/Kimi-K2-Instruct-0905', 'kimi-k2'),
  same('moonshotai/Kimi-K2-Base', 'kimi-k2'),
  // compressed-tensors pack-quantized: int4 routed experts in groups of 32 (bf16 scales), the rest bf16
  same('moonshotai/Kimi-K2.5', 'kimi-k2.5'),
  same('zai-org/GLM-5', 'glm-5'),
  // the zhipuai organisation name appears in benchmark data for the same release
  { repo: 'zhipuai/GLM-5', preset: 'glm-5', source: cfg('zai-org/GLM-5') },
  fp8('zai-org/GLM-5-FP8', 'glm-5'),
  same('zai-org/GLM-4.5', 'glm-4.7'),
  same('zai-org/GLM-4.6', 'glm-4.7'),
  same('zai-org/GLM-4.7', 'glm-4.7'),
  fp8('zai-org/GLM-4.5-FP8', 'glm-4.7'),
  fp8('zai-org/GLM-4.6-FP8', 'glm-4.7'),
  fp8('zai-org/GLM-4.7-FP8', 'glm-4.7'),
  same('mistralai/Mixtral-8x7B-Instruct-v0.1', 'mixtral-8x7b'),
  same('mistralai/Mixtral-8x22B-Instruct-v0.1', 'mixtral-8x22b'),
  same('google/gemma-3-27b-it', 'gemma-3-27b'),
];

/** Every known checkpoint by its lower-case repository id; deeply frozen. */
export const CHECKPOINTS: Readonly<Record<string, Checkpoint>> = deepFreeze(Object.fromEntries(ALL.map((c) => [c.repo.toLowerCase(), c])));

/**
 * The repository id in a model reference as users and engines write it: owner/name, optionally behind
 * hf://, https://huggingface.co/ or a local models directory (/models/owner/name), without a trailing
 * slash or a revision (@main, :latest).
 */
/**
 * The name without its trailing slashes. A loop, not /\/+$/: V8 retries that pattern from every slash
 * of a run that does not end the name, quadratic in a hostile one (120,000 slashes took 3 minutes).
 */
export function withoutTrailingSlashes(name: string): string {
  let end = name.length;
  while (end > 0 && name.charCodeAt(end - 1) === 47) end--;
  return name.slice(0, end);
}

export function repoOf(reference: string): string {
  let r = reference
    .trim()
    .replace(/^hf:\/\//i, '')
    .replace(/^https?:\/\/(www\.)?huggingface\.co\//i, '');
  r = withoutTrailingSlashes(r).replace(/[@:][\w.-]*$/, '');
  const parts = r.split('/').filter((p) => p !== '');
  return parts.length >= 2 ? `${parts[parts.length - 2]}/${parts[parts.length - 1]}` : r;
}

/** The checkpoint a model reference names (case-insensitive), or undefined. */
export function checkpointFor(reference: string): Checkpoint | undefined {
  const key = repoOf(reference).toLowerCase();
  return Object.hasOwn(CHECKPOINTS, key) ? CHECKPOINTS[key] : undefined;
}

/**
 * A preset's spec with the checkpoint's storage laid over it. Storage that names weight_dtype describes
 * every part (the preset's per-part dtypes, quant group and unquantized layers give way); storage that names only some parts
 * (weight_dtypes.mlp) changes those.
 */
export function withStorage(spec: ModelSpec, storage: Checkpoint['storage']): ModelSpec {
  if (!storage) return spec;
  if (storage.weight_dtype === undefined) {
    return { ...spec, ...storage, ...(storage.weight_dtypes ? { weight_dtypes: { ...spec.weight_dtypes, ...storage.weight_dtypes } } : {}) };
  }
  const { weight_dtypes: _parts, quant_group_size: _group, unquantized_mlp_layers: _layers, ...rest } = spec;
  return { ...rest, ...storage };
}
