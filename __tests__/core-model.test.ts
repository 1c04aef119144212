// Parameter and KV-cache figures from a model's shape, against published totals and
// hand-worked sizes.
import { describe, expect, it } from 'vitest';
import { deriveModelFacts, paramsFromShape } from '../src/core/modelFacts.js';
import { MODEL_PRESETS } from '../src/presets/index.js';

const facts = (id: string) => {
  const r = deriveModelFacts(MODEL_PRESETS[id]!.spec, 'estimate');
  if (!r.facts) throw new Error(`${id}: missing ${r.missing.join(', ')}`);
  return r.facts;
};

describe('parameter count from the shape', () => {
  // Published totals: each preset cites its model card or paper (src/presets/models.ts).
  for (const [id, preset] of Object.entries(MODEL_PRESETS)) {
    it(`${id}: total within 1.5% of the published ${(preset.published.params / 1e9).toFixed(1)}B`, () => {
      const p = paramsFromShape(preset.spec);
      expect(p).not.toBeNull();
      expect(Math.abs(p! / preset.published.params - 1)).toBeLessThan(0.015);
    });
    const active = preset.published.active_params;
    if (active !== undefined) {
      // 3%, or half the step the publisher rounded to ("3B activated" is 2.5B..3.5B)
      const tolerance = Math.max(0.03, (preset.published.rounded_to ?? 0) / 2 / active);
      it(`${id}: active parameters per token within ${(tolerance * 100).toFixed(0)}% of the published ${(active / 1e9).toFixed(2)}B`, () => {
        const f = facts(id);
        // Publishers differ on whether the LM head and the input embedding count as active: accept each convention.
        const layersOnly = f.activeLayerParamsPerToken;
        const withoutInput = layersOnly + f.lmHead;
        const withInput = withoutInput + f.embedding;
        const best = Math.min(...[layersOnly, withoutInput, withInput].map((n) => Math.abs(n / active - 1)));
        expect(best).toBeLessThan(tolerance);
      });
    }
  }

  it('Llama 3.1 8B by hand: 32 x (attention 41.94M + MLP 176.16M + norms) + 2 x 525.3M embeddings', () => {
    const f = facts('llama-3.1-8b');
    const attn = 4096 * 4096 * 2 + 4096 * 1024 * 2; // q, o + k, v (8 KV heads x 128)
    const mlp = 3 * 4096 * 14336;
    const expected = 32 * (attn + mlp + 2 * 4096) + 2 * 128256 * 4096;
    expect(f.totalParams).toBe(expected);
    expect(f.totalParams).toBe(8_030_261_248 - 4096); // HF count 8,030,261,248 includes the final norm (4096)
  });

  it('Qwen3-32B uses head_dim 128, not hidden/heads = 80 (config.json trap)', () => {
    const f = facts('qwen3-32b');
    expect(f.kvBytesPerTokenLayer).toBe(2 * 8 * 128 * 2);
  });
});

describe('KV cache bytes per token', () => {
  it('Llama 3.1 8B: 2 (K,V) x 8 heads x 128 x 2 bytes x 32 layers = 128 KiB (vLLM sizes it the same way)', () => {
    const f = facts('llama-3.1-8b');
    expect(f.kvBytesPerTokenLayer * f.layers).toBe(131072);
  });
  it('DeepSeek-V3 MLA: (kv_lora_rank 512 + rope 64) x 2 bytes x 61 layers = 70,272 bytes', () => {
    const f = deriveModelFacts({ ...MODEL_PRESETS['deepseek-v3']!.spec, kv_cache_dtype: 'bf16' }, 'estimate').facts!;
    expect(f.kvBytesPerTokenLayer * f.layers).toBe(576 * 2 * 61);
    expect(f.kvShardable).toBe(false);
  });
  it('fp8 KV halves the cache', () => {
    const f16 = deriveModelFacts({ ...MODEL_PRESETS['llama-3.1-70b']!.spec, kv_cache_dtype: 'bf16' }, 'estimate').facts!;
    const f8 = deriveModelFacts({ ...MODEL_PRESETS['llama-3.1-70b']!.spec, kv_cache_dtype: 'fp8' }, 'estimate').facts!;
    expect(f8.kvBytesPerTokenLayer * 2).toBe(f16.kvBytesPerTokenLayer);
  });
});

describe('partial facts', () => {
  it('names every key the estimate needs', () => {
    const r = deriveModelFacts({ params: 10e9, layers: 16, moe: { experts: 16 }, weight_dtype: 'fp16' }, 'estimate');
    expect(r.facts).toBeNull();
    expect(r.missing).toEqual(
      expect.arrayContaining(['model.hidden_size', 'model.heads', 'model.kv_heads', 'model.moe.top_k', 'model.moe.expert_ffn_hidden_size', 'model.vocab_size']),
    );
  });
  it('the bound completion keeps the stated total and puts the unknown part in routed experts with top-1', () => {
    const r = deriveModelFacts({ params: 10e9, layers: 16, moe: { experts: 16 }, weight_dtype: 'fp16' }, 'bound');
    const f = r.facts!;
    expect(f.totalParams).toBeCloseTo(10e9, -3);
    expect(f.topK).toBe(1);
    expect(f.kvBytesPerTokenLayer).toBe(0);
    // One expert of 16 per token: a sixteenth of the parameters are active.
    expect(f.activeLayerParamsPerToken).toBeCloseTo(10e9 / 16, -3);
  });
  it('a dense model with only the MLP width missing takes it from params', () => {
    const spec = { ...MODEL_PRESETS['llama-3.1-8b']!.spec, ffn_hidden_size: undefined };
    const r = deriveModelFacts(spec, 'estimate');
    expect(r.facts).not.toBeNull();
    expect(r.facts!.totalParams).toBeCloseTo(8.03e9, -6);
  });
});
