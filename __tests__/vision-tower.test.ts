// The vision tower of multimodal checkpoints: its parameters from vision_config against published figures,
// what the config.json reader says of it, and what the weights count (every engine loads it by default; a floor
// never counts it, since a text-only deployment may skip it).
import { describe, expect, it } from 'vitest';
import { GIB, memoryPlan, verify } from './core-helpers.js';
import { deriveModelFacts, paramsFromShape } from '../src/core/modelFacts.js';
import { parseHfConfig } from '../src/plan/hfConfig.js';
import { gemma3ProjectorParams, llama4VisionParams, qwen35VisionParams, siglipParams, visionFromConfig } from '../src/plan/hfVision.js';
import { MODEL_PRESETS } from '../src/presets/index.js';
import { readFileSync } from 'node:fs';

const fixture = (id: string): Record<string, unknown> => JSON.parse(readFileSync(`__tests__/fixtures/hf/${id}.config.json`, 'utf8')) as Record<string, unknown>;

// google/gemma-3-27b-it config.json vision_config (SigLIP So400m at 896 pixels, no pooling head); text hidden 5376
const GEMMA3_27B = {
  model_type: 'gemma3',
  text_config: { model_type: 'gemma3_text', hidden_size: 5376, num_hidden_layers: 62, num_attention_heads: 32, num_key_value_heads: 16, head_dim: 128 },
  vision_config: {
    model_type: 'siglip_vision_model',
    hidden_size: 1152,
    image_size: 896,
    intermediate_size: 4304,
    num_attention_heads: 16,
    num_hidden_layers: 27,
    patch_size: 14,
    vision_use_head: false,
  },
};

describe('vision tower parameters from vision_config', () => {
  it('Gemma 3: SigLIP encoder 416.9M (the Gemma 3 report: 417M), projector 6.2M', () => {
    // Gemma 3 Technical Report (arXiv:2503.19786), Table 1: "Vision Encoder 417M" for the 4B, 12B and 27B models
    const tower = siglipParams({ layers: 27, hidden: 1152, intermediate: 4304, patch: 14, image: 896, channels: 3 }, false);
    expect(tower).toBe(416_866_032);
    expect(Math.abs(tower / 417e6 - 1)).toBeLessThan(0.001);
    expect(gemma3ProjectorParams(1152, 5376)).toBe(6_194_304);
    expect(visionFromConfig(GEMMA3_27B, 5376)).toEqual({ params: 423_060_336, kind: 'SigLIP encoder and Gemma 3 projector' });
  });

  it('SigLIP So400m/14 at 384 pixels with its pooling head: about 0.43B, the "400M" of its name', () => {
    const tower = siglipParams({ layers: 27, hidden: 1152, intermediate: 4304, patch: 14, image: 384, channels: 3 }, true);
    expect(tower / 1e9).toBeCloseTo(0.428, 3);
  });

  it('Llama 4: the per-module shapes of the checkpoint add up to 0.872B, and the preset total to the published 109B', () => {
    const v = fixture('llama-4-scout').vision_config as Record<string, number>;
    const params = llama4VisionParams(
      {
        layers: 34,
        hidden: 1408,
        intermediate: 5632,
        patch: 14,
        image: 336,
        channels: 3,
        projectorInput: 4096,
        projectorOutput: 4096,
        visionOutput: 4096,
        projectorBias: false,
      },
      5120,
    );
    // patch embedding 3 x 14^2 x 1408 = 827,904; class token 1,408; 577 positions x 1,408 = 812,416; 4 x 1,408 of norms;
    // 34 blocks of 23,807,872; adapter 5632 x 4096 + 4096 x 4096 = 39,845,888; projector 4096 x 5120 = 20,971,520
    expect(params).toBe(827_904 + 1408 + 812_416 + 5632 + 34 * 23_807_872 + 39_845_888 + 20_971_520);
    expect(params).toBe(871_932_416);
    expect(visionFromConfig(fixture('llama-4-scout'), 5120)).toEqual({ params, kind: 'Llama 4 encoder, pixel-shuffle adapter and projector' });
    expect(v.num_hidden_layers).toBe(34);
    expect(MODEL_PRESETS['llama-4-scout']!.spec.vision).toEqual({ params });
    expect(MODEL_PRESETS['llama-4-maverick']!.spec.vision).toEqual({ params });
    // Model card: "17B activated, 109B total" (vision encoder included): 107.77B of text model and the tower
    expect(Math.abs(paramsFromShape(MODEL_PRESETS['llama-4-scout']!.spec)! / 109e9 - 1)).toBeLessThan(0.005);
  });

  it('Qwen3.5: 27 blocks, a Conv3d patch embedding, 2,304 positions and the 2x2 merger into 4096: 0.456B', () => {
    const params = qwen35VisionParams({
      layers: 27,
      hidden: 1152,
      intermediate: 4304,
      patch: 16,
      image: 0,
      channels: 3,
      temporalPatch: 2,
      positions: 2304,
      merge: 2,
      out: 4096,
    });
    expect(params).toBe(456_010_480);
    expect(visionFromConfig(fixture('qwen3.5-397b-a17b'), 4096)).toEqual({ params, kind: 'Qwen3.5 vision encoder and patch merger' });
    expect(MODEL_PRESETS['qwen3.5-397b-a17b']!.spec.vision).toEqual({ params });
  });

  it('a tower of another kind is named, not guessed (Kimi K2.5 MoonViT)', () => {
    expect(visionFromConfig(fixture('kimi-k2.5'), 7168)).toEqual({ unread: expect.stringContaining('does not count') });
  });
});

describe('the config.json reader', () => {
  it('sets model.vision.params and says what is and is not modelled', () => {
    const r = parseHfConfig(JSON.stringify(GEMMA3_27B, null, 2));
    if ('error' in r) throw new Error(r.error);
    expect(r.spec.vision).toEqual({ params: 423_060_336 });
    expect(r.lines['model.vision.params']).toBeGreaterThan(0);
    const w = r.warnings.find((m) => m.includes('vision_config'))!;
    expect(w).toContain('count in the weights');
    expect(w).toContain('not modelled');
  });

  it('a tower it cannot count leaves model.vision unset and says so', () => {
    const r = parseHfConfig(JSON.stringify(fixture('kimi-k2.5')));
    if ('error' in r) throw new Error(r.error);
    expect(r.spec.vision).toBeUndefined();
    expect(r.warnings.find((m) => m.includes('vision_config'))).toContain('not counted');
  });
});

describe('weights with the tower', () => {
  const scout = (extra = '') => {
    const m = verify(
      memoryPlan(
        `  preset: llama-4-scout\n${extra}`,
        '  preset: h100-sxm\n  gpus: 4',
        '  tp: 4',
        'concurrency: 1\n  input_tokens: 4096\n  output_tokens: 4096\n  memory_fraction: 0.95\n  max_batched_tokens: 8192',
      ),
    ).metrics!;
    return { weights: m.weights_per_gpu_gib!, floor: m.weights_per_gpu_lower_bound_gib!, kv: m.kv_cache_capacity_tokens! };
  };

  it('Scout at TP4 under vLLM: a quarter of the 16-bit tower on each GPU; the floor leaves it out', () => {
    const withTower = scout();
    const without = scout('  vision:\n    loaded: false');
    const tower = (871_932_416 * 2) / 4 / GIB; // 0.406 GiB
    expect(withTower.weights - without.weights).toBeCloseTo(tower, 1);
    expect(withTower.kv).toBeLessThan(without.kv);
    // an engine may skip the tower (vLLM --limit-mm-per-prompt 0): no floor counts it
    expect(withTower.floor).toBe(without.floor);
    expect(withTower.floor).toBeLessThan(withTower.weights);
  });

  it('bound facts carry no tower; estimate facts carry it unless the plan says it is not loaded', () => {
    const spec = MODEL_PRESETS['llama-4-scout']!.spec;
    expect(deriveModelFacts(spec, 'bound').facts!.vision).toBe(0);
    expect(deriveModelFacts(spec, 'estimate').facts!.vision).toBe(871_932_416);
    expect(deriveModelFacts({ ...spec, vision: { ...spec.vision, loaded: false } }, 'estimate').facts!.vision).toBe(0);
  });
});
