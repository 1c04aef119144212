import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../src/core/types.js';
import { parseHfConfig, type HfConfigResult } from '../src/plan/hfConfig.js';
import { MODEL_PRESETS } from '../src/presets/index.js';

// Fixtures: the published config.json of each model, saved as data.
//   llama-3.1-8b   https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/blob/main/config.json
//   qwen3-32b      https://huggingface.co/Qwen/Qwen3-32B/blob/main/config.json
//   mixtral-8x7b   https://huggingface.co/mistralai/Mixtral-8x7B-Instruct-v0.1/blob/main/config.json
//   deepseek-v3    https://huggingface.co/deepseek-ai/DeepSeek-V3/blob/main/config.json
//   gpt-oss-120b   https://huggingface.co/openai/gpt-oss-120b/blob/main/config.json
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'hf');
const FIXTURE_IDS = ['llama-3.1-8b', 'qwen3-32b', 'mixtral-8x7b', 'deepseek-v3', 'gpt-oss-120b'] as const;

function fixtureText(id: string): string {
  return readFileSync(join(FIXTURES, `${id}.config.json`), 'utf8');
}

function parsed(text: string): HfConfigResult {
  const result = parseHfConfig(text);
  if ('error' in result) throw new Error(`unexpected error: ${result.error}`);
  return result;
}

/** 1-based line of the first `"key":` in the text, found independently of the parser. */
function lineOfKey(text: string, key: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(`"${key}":`));
  if (index < 0) throw new Error(`key ${key} not in fixture`);
  return index + 1;
}

// The fields a config.json determines; params is left to the core's counter.
const SHAPE_FIELDS: Array<keyof ModelSpec> = [
  'layers', 'hidden_size', 'heads', 'kv_heads', 'ffn_hidden_size', 'vocab_size', 'tied_embeddings',
  'attention', 'mlp', 'mla', 'moe', 'sliding_window', 'sliding_window_layers', 'weight_dtype', 'weight_dtypes',
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
      // head_dim: only where config.json states it; else both mean hidden_size / heads.
      const headDim = (s: ModelSpec): number | undefined => s.head_dim ?? (s.hidden_size! / s.heads!);
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
      { architectures: ['LlavaForConditionalGeneration'], model_type: 'llava', torch_dtype: dtype, text_config: text, vision_config: { hidden_size: 1024, num_hidden_layers: 24 } },
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
    const gemma2 = parsed(JSON.stringify({ model_type: 'gemma2', num_hidden_layers: 42, hidden_size: 3584, num_attention_heads: 16, num_key_value_heads: 8, head_dim: 256, sliding_window: 4096 }));
    expect(gemma2.spec.sliding_window_layers).toBe(21);
    expect(gemma2.spec.tied_embeddings).toBe(true);
    expect(gemma2.warnings).toEqual([]);
    // google/gemma-3-27b-it text_config: 62 layers, sliding_window 1024, sliding_window_pattern 6
    const gemma3 = parsed(JSON.stringify({ model_type: 'gemma3', text_config: { model_type: 'gemma3_text', num_hidden_layers: 62, hidden_size: 5376, num_attention_heads: 32, num_key_value_heads: 16, head_dim: 128, sliding_window: 1024, sliding_window_pattern: 6 } }));
    expect(gemma3.spec.sliding_window_layers).toBe(62 - 10);
  });

  it('flags a model_type it was not checked against', () => {
    const result = parsed(JSON.stringify({ ...llamaJson(), model_type: 'llama4_text' }));
    expect(result.spec.layers).toBe(32);
    expect(result.warnings.some((w) => w.includes('llama4_text'))).toBe(true);
  });

  it('Qwen2 sliding window: only when enabled, on layers from max_window_layers on', () => {
    // transformers Qwen2Config: layer i slides when use_sliding_window and i >= max_window_layers
    const base = { model_type: 'qwen2', num_hidden_layers: 28, num_attention_heads: 12, num_key_value_heads: 2, hidden_size: 1536, sliding_window: 32768, max_window_layers: 21 };
    expect(parsed(JSON.stringify({ ...base, use_sliding_window: false })).spec.sliding_window).toBeUndefined();
    const { spec } = parsed(JSON.stringify({ ...base, use_sliding_window: true }));
    expect(spec.sliding_window_layers).toBe(28 - 21);
  });

  it('Qwen3-MoE: decoder_sparse_step 1 makes every layer MoE, no shared experts', () => {
    // Qwen3-30B-A3B config.json values
    const config = { model_type: 'qwen3_moe', num_hidden_layers: 48, hidden_size: 2048, num_attention_heads: 32, num_key_value_heads: 4, head_dim: 128, intermediate_size: 6144, moe_intermediate_size: 768, num_experts: 128, num_experts_per_tok: 8, decoder_sparse_step: 1, mlp_only_layers: [] };
    const { spec, warnings } = parsed(JSON.stringify(config));
    expect(spec.moe).toEqual({ experts: 128, top_k: 8, expert_ffn_hidden_size: 768, shared_experts: 0, dense_layers: 0 });
    expect(spec.ffn_hidden_size).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('Qwen-MoE with decoder_sparse_step 2: half the layers dense, and a warning that they interleave', () => {
    const config = { model_type: 'qwen3_moe', num_hidden_layers: 8, hidden_size: 1024, num_attention_heads: 8, num_key_value_heads: 8, intermediate_size: 4096, moe_intermediate_size: 512, num_experts: 16, num_experts_per_tok: 2, decoder_sparse_step: 2 };
    const { spec, warnings } = parsed(JSON.stringify(config));
    expect(spec.moe?.dense_layers).toBe(4);
    expect(spec.ffn_hidden_size).toBe(4096);
    expect(warnings.some((w) => w.includes('not all leading'))).toBe(true);
  });

  it('Qwen1.5-MoE: one shared expert of its own width', () => {
    // Qwen1.5-MoE-A2.7B config.json: shared_expert_intermediate_size 5632, moe_intermediate_size 1408
    const config = { model_type: 'qwen2_moe', num_hidden_layers: 24, hidden_size: 2048, num_attention_heads: 16, num_key_value_heads: 16, intermediate_size: 5632, moe_intermediate_size: 1408, shared_expert_intermediate_size: 5632, num_experts: 60, num_experts_per_tok: 4, decoder_sparse_step: 1, mlp_only_layers: [] };
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
