// The rotary cos/sin tables vLLM and SGLang build when they load a model: their length by the rope's
// scaling, their bytes per engine, what config.json gives of them, and where they count (the engine's
// weights and so its KV pool; never a floor, since TensorRT-LLM's are not modelled).
import { describe, expect, it } from 'vitest';
import { GIB, memoryPlan, verify } from './core-helpers.js';
import { rotaryTableBytes, rotaryTablePositions, type DeviceFacts, type RotaryFacts } from '../src/core/engine-memory.js';
import { deriveModelFacts } from '../src/core/modelFacts.js';
import { parseHfConfig } from '../src/plan/hfConfig.js';
import { MODEL_PRESETS } from '../src/presets/index.js';
import { readFileSync } from 'node:fs';
import { renderPlanMarkdown } from '../src/report/markdown.js';

const fixture = (id: string): Record<string, unknown> => JSON.parse(readFileSync(`__tests__/fixtures/hf/${id}.config.json`, 'utf8')) as Record<string, unknown>;
const h100: DeviceFacts = { capacity: 79.19 * GIB, name: 'nvidia h100 80gb hbm3', switchedFabric: true, fp4Math: false };
const mi300x: DeviceFacts = { capacity: 191.5 * GIB, name: 'amd instinct mi300x', switchedFabric: true, fp4Math: false };

const SCOUT: RotaryFacts = {
  spec: { max_position_embeddings: 10_485_760, scaling: 'llama3', factor: 16, original_max_position_embeddings: 8192 },
  rotaryDim: 128,
  computeBytes: 2,
};
const GEMMA3: RotaryFacts = { spec: { max_position_embeddings: 131_072, scaling: 'linear', factor: 8, local_table: true }, rotaryDim: 128, computeBytes: 2 };

describe('table length by scaling (vLLM get_rope and each class _compute_cos_sin_cache; SGLang the same)', () => {
  it('none and llama3: max_position_embeddings; linear: times the factor; yarn and deepseek_yarn: the original length times the factor', () => {
    expect(rotaryTablePositions({ max_position_embeddings: 131_072 })).toBe(131_072);
    expect(rotaryTablePositions(SCOUT.spec)).toBe(10_485_760);
    expect(rotaryTablePositions({ max_position_embeddings: 131_072, scaling: 'linear', factor: 8 })).toBe(1_048_576);
    // gpt-oss: yarn 32 over 4,096; DeepSeek-V3: 40 over 4,096 (vLLM's deepseek_v2.py renames it deepseek_yarn)
    expect(rotaryTablePositions({ max_position_embeddings: 131_072, scaling: 'yarn', factor: 32, original_max_position_embeddings: 4096 })).toBe(131_072);
    expect(rotaryTablePositions({ max_position_embeddings: 163_840, scaling: 'deepseek_yarn', factor: 40, original_max_position_embeddings: 4096 })).toBe(
      163_840,
    );
    // a kind whose length rule is not established counts nothing
    expect(rotaryTablePositions({ max_position_embeddings: 131_072, scaling: 'longrope' })).toBeNull();
  });
});

describe('table bytes per rank and engine', () => {
  it('vLLM: Llama 4 Scout 10,485,760 x 128 x 2 bytes = 2.5 GiB; Gemma 3 27B a scaled and a local table, 0.28 GiB', () => {
    expect(rotaryTableBytes('vllm', SCOUT, h100)).toBe(2.5 * GIB);
    expect(rotaryTableBytes('vllm', GEMMA3, h100) / GIB).toBeCloseTo(((1_048_576 + 131_072) * 256) / GIB, 6);
    expect(rotaryTableBytes('vllm', GEMMA3, h100) / GIB).toBeCloseTo(0.28125, 5);
  });

  it('SGLang keeps its tables in fp32 on CUDA, in the model dtype elsewhere', () => {
    expect(rotaryTableBytes('sglang', SCOUT, h100)).toBe(5 * GIB);
    expect(rotaryTableBytes('sglang', SCOUT, mi300x)).toBe(2.5 * GIB);
    expect(rotaryTableBytes('vllm', null, h100)).toBe(0);
    expect(rotaryTableBytes('trtllm', null, h100)).toBe(0);
  });

  it('TensorRT-LLM (RopeParams.create_rope_const_params): fp32, max_position_embeddings rows of rotary_dim values, doubled for MLA', () => {
    // Llama 4 Scout: 10,485,760 x 128 x 4 B = 5 GiB a GPU, on any device
    expect(rotaryTableBytes('trtllm', SCOUT, h100)).toBe(5 * GIB);
    expect(rotaryTableBytes('trtllm', SCOUT, mi300x)).toBe(5 * GIB);
    // Llama 3.1: 131,072 x 128 x 4 B = 64 MiB
    expect(
      rotaryTableBytes('trtllm', { spec: { max_position_embeddings: 131_072, scaling: 'llama3', factor: 8 }, rotaryDim: 128, computeBytes: 2 }, h100),
    ).toBe(64 * 2 ** 20);
    // no stretch by the factor: Gemma 3's linear x8 table keeps 131,072 rows, and its sliding layers add a second table
    expect(rotaryTableBytes('trtllm', GEMMA3, h100)).toBe(2 * 131_072 * 128 * 4);
    // a kind vLLM's rule leaves out still has max_position_embeddings rows
    expect(rotaryTableBytes('trtllm', { spec: { max_position_embeddings: 131_072, scaling: 'longrope' }, rotaryDim: 96, computeBytes: 2 }, h100)).toBe(
      131_072 * 96 * 4,
    );
    // DeepSeek-V3/R1 (MLA, duplicate_data): 163,840 x 64 x 2 x 4 B = 80 MiB
    const deepseek = deriveModelFacts(MODEL_PRESETS['deepseek-r1']!.spec, 'estimate').facts!.rope!;
    expect(deepseek.duplicated).toBe(true);
    expect(rotaryTableBytes('trtllm', deepseek, h100)).toBe(163_840 * 64 * 2 * 4);
    // vLLM's table of the same rope is not doubled
    expect(rotaryTableBytes('vllm', deepseek, h100)).toBe(163_840 * 64 * 2);
  });

  it('facts: the dims rotated default to head_dim (MLA: qk_rope_head_dim); bound facts carry no rope', () => {
    const spec = MODEL_PRESETS['llama-4-scout']!.spec;
    expect(deriveModelFacts(spec, 'estimate').facts!.rope).toEqual({ spec: spec.rope, rotaryDim: 128, computeBytes: 2 });
    expect(deriveModelFacts(spec, 'bound').facts!.rope).toBeNull();
    const mla = { ...MODEL_PRESETS['deepseek-v3']!.spec, rope: { max_position_embeddings: 163_840 } };
    expect(deriveModelFacts(mla, 'estimate').facts!.rope!.rotaryDim).toBe(64);
  });
});

describe('the config.json reader', () => {
  it('Llama 4 Scout and Maverick: max_position_embeddings as stated, with the llama3 scaling', () => {
    const scout = parseHfConfig(JSON.stringify(fixture('llama-4-scout')));
    if ('error' in scout) throw new Error(scout.error);
    expect(scout.spec.rope).toEqual(MODEL_PRESETS['llama-4-scout']!.spec.rope);
    const maverick = parseHfConfig(JSON.stringify(fixture('llama-4-maverick')));
    if ('error' in maverick) throw new Error(maverick.error);
    expect(maverick.spec.rope).toEqual(MODEL_PRESETS['llama-4-maverick']!.spec.rope);
  });

  it('Gemma 3: the global layers scaled linearly and a table of its own for the sliding layers', () => {
    const config = {
      model_type: 'gemma3_text',
      hidden_size: 5376,
      num_hidden_layers: 62,
      num_attention_heads: 32,
      num_key_value_heads: 16,
      head_dim: 128,
      intermediate_size: 21504,
      vocab_size: 262208,
      max_position_embeddings: 131072,
      rope_scaling: { factor: 8.0, rope_type: 'linear' },
      rope_local_base_freq: 10000.0,
      sliding_window: 1024,
      sliding_window_pattern: 6,
    };
    const r = parseHfConfig(JSON.stringify(config));
    if ('error' in r) throw new Error(r.error);
    expect(r.spec.rope).toEqual({ max_position_embeddings: 131_072, scaling: 'linear', factor: 8, local_table: true });
    // transformers 5 writes rope_parameters per layer type
    const perType = { ...config, rope_scaling: undefined, rope_local_base_freq: undefined };
    const r5 = parseHfConfig(
      JSON.stringify({ ...perType, rope_parameters: { full_attention: { factor: 8.0, rope_type: 'linear' }, sliding_attention: { rope_type: 'default' } } }),
    );
    if ('error' in r5) throw new Error(r5.error);
    expect(r5.spec.rope).toEqual(r.spec.rope);
  });

  it("Gemma 3 as published: no rope_local_base_freq in the file, yet the class default's local table", () => {
    // google/gemma-3-27b-it leaves rope_local_base_freq to Gemma3TextConfig's default (10,000): transformers
    // and vLLM still build the sliding layers' own table
    const r = parseHfConfig(JSON.stringify(fixture('gemma-3-27b-it')));
    if ('error' in r) throw new Error(r.error);
    expect(r.spec.rope).toEqual({ max_position_embeddings: 131_072, scaling: 'linear', factor: 8, local_table: true });
    expect(r.spec.rope).toEqual(MODEL_PRESETS['gemma-3-27b']!.spec.rope);
  });

  it("every preset with a config.json fixture states the rope the reader finds there (Qwen3.5's fixture omits its rope_parameters)", () => {
    const ids = [
      'deepseek-v3',
      'deepseek-v3.2',
      'glm-5',
      'gpt-oss-120b',
      'kimi-k2.5',
      'llama-3.1-8b',
      'minimax-m2.5',
      'mixtral-8x7b',
      'qwen3-32b',
      'qwen3-next-80b-a3b',
    ];
    for (const id of ids) {
      const r = parseHfConfig(readFileSync(`__tests__/fixtures/hf/${id}.config.json`, 'utf8'));
      if ('error' in r) throw new Error(r.error);
      expect([id, r.spec.rope]).toEqual([id, MODEL_PRESETS[id]!.spec.rope]);
    }
  });

  it('partial_rotary_factor: Qwen3-Next rotates a quarter of its 256 dims', () => {
    const r = parseHfConfig(JSON.stringify(fixture('qwen3-next-80b-a3b')));
    if ('error' in r) throw new Error(r.error);
    expect(r.spec.rope).toEqual({ max_position_embeddings: 262_144, rotary_dim: 64 });
  });
});

describe('where the tables count', () => {
  const scout = (engine: string) =>
    verify(
      memoryPlan(
        '  preset: llama-4-scout',
        '  preset: h100-sxm\n  gpus: 4',
        '  tp: 4',
        'concurrency: 1\n  input_tokens: 4096\n  output_tokens: 4096\n  memory_fraction: 0.95\n  max_batched_tokens: 8192',
        `deployment:\n  engine: ${engine}`,
      ),
    );
  const withoutRope = (engine: string) => {
    const spec = { ...MODEL_PRESETS['llama-4-scout']!.spec };
    delete (spec as { rope?: unknown }).rope;
    return verify(
      memoryPlan(
        `${Object.entries(spec)
          .map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`)
          .join('\n')}`,
        '  preset: h100-sxm\n  gpus: 4',
        '  tp: 4',
        'concurrency: 1\n  input_tokens: 4096\n  output_tokens: 4096\n  memory_fraction: 0.95\n  max_batched_tokens: 8192',
        `deployment:\n  engine: ${engine}`,
      ),
    );
  };

  it('Scout at TP4 under vLLM: 2.5 GiB more weights per GPU (53.12 logged), a smaller KV pool, the floor unchanged, and the memory check names them', () => {
    const a = scout('vllm');
    const b = withoutRope('vllm');
    expect(a.metrics!.weights_per_gpu_gib! - b.metrics!.weights_per_gpu_gib!).toBeCloseTo(2.5, 2);
    expect(a.metrics!.weights_per_gpu_gib!).toBeCloseTo(53.12, 0);
    expect(a.metrics!.kv_cache_capacity_tokens!).toBeLessThan(b.metrics!.kv_cache_capacity_tokens!);
    expect(a.metrics!.weights_per_gpu_lower_bound_gib).toBe(b.metrics!.weights_per_gpu_lower_bound_gib);
    const fits = a.checks.find((c) => c.id === 'memory.fits')!;
    expect(fits.detail).toContain("2.50 GiB of them the engine's rotary cos/sin tables");
    expect(b.checks.find((c) => c.id === 'memory.fits')!.detail).not.toContain('rotary');
    // JSON readers see the same part of the weights, as they see an MLA model's decode copy
    expect(a.details!.devices[0]!.rotary_tables_gib).toBeCloseTo(2.5, 3);
    expect(b.details!.devices[0]!.rotary_tables_gib).toBeUndefined();
  });

  it("the report's memory table names the tables inside the weights", () => {
    expect(renderPlanMarkdown(scout('vllm'))).toContain('(incl. 2.50 GiB rotary tables)');
    expect(renderPlanMarkdown(withoutRope('vllm'))).not.toContain('rotary tables');
  });

  it('Scout at TP4 under TensorRT-LLM: its fp32 table, 5 GiB more weights per GPU', () => {
    const a = scout('trtllm');
    expect(a.metrics!.weights_per_gpu_gib! - withoutRope('trtllm').metrics!.weights_per_gpu_gib!).toBeCloseTo(5, 2);
    expect(a.details!.devices[0]!.rotary_tables_gib).toBeCloseTo(5, 3);
    expect(a.metrics!.weights_per_gpu_lower_bound_gib).toBe(withoutRope('trtllm').metrics!.weights_per_gpu_lower_bound_gib);
  });
});
