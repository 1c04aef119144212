// Layers of one kind of attention (sliding-window, linear) are among the model's layers, whether a plan
// states them or a config.json's layer_types counts them (an importer attack: 48 entries for 32 layers).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHfConfig } from '../src/plan/hfConfig.js';
import { verifyPlanText } from '../src/core/index.js';
import { MODEL_PRESETS } from '../src/presets/models.js';
import { layerCountErrors } from '../src/plan/layer-counts.js';
import { LONG_LAYER_TYPES_CONFIG, planWithConfig, planWithCounts } from './fixtures/hostile/layer-counts.js';

describe('layer counts within model.layers', () => {
  it('a config.json whose layer_types lists 48 linear layers of 32: an error at model.hf_config, not a pass with 0 tokens of KV', () => {
    const report = verifyPlanText('p.plan.yaml', planWithConfig, () => ({ text: LONG_LAYER_TYPES_CONFIG }));
    expect(report.verdict).toBe('error');
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]?.message).toMatch(
      /model\.linear_attention\.layers \(from \.\/config\.json:\d+\) counts more layers than model\.layers \(from \.\/config\.json:\d+\)/,
    );
    expect(report.errors[0]?.line).toBe(4);
  });

  it("a plan's own counts past model.layers, alone or together", () => {
    const alone = verifyPlanText('p.plan.yaml', planWithCounts(40, 8), () => ({ error: 'none' }));
    expect(alone.errors.map((e) => e.message).join('\n')).toMatch(
      /^model\.sliding_window_layers counts more layers than model\.layers \(from preset:llama-3\.1-8b\)/,
    );
    expect(alone.errors[0]?.line).toBe(6);
    const together = verifyPlanText('p.plan.yaml', planWithCounts(20, 20), () => ({ error: 'none' }));
    expect(together.errors.map((e) => e.message).join('\n')).toMatch(/together count more layers than model\.layers/);
    expect(verifyPlanText('p.plan.yaml', planWithCounts(16, 16), () => ({ error: 'none' })).verdict).not.toBe('error');
  });

  it('every model preset keeps its counts within its layers', () => {
    for (const [id, preset] of Object.entries(MODEL_PRESETS)) expect(layerCountErrors(preset.spec as Record<string, unknown>, {}, {}), id).toEqual([]);
  });

  it('every published config.json of the fixtures keeps its counts within its layers', () => {
    const folder = fileURLToPath(new URL('./fixtures/hf/', import.meta.url));
    for (const name of readdirSync(folder)) {
      const parsed = parseHfConfig(readFileSync(`${folder}${name}`, 'utf8'));
      if ('error' in parsed) throw new Error(`${name}: ${parsed.error}`);
      expect(layerCountErrors(parsed.spec as Record<string, unknown>, {}, {}), name).toEqual([]);
    }
  });
});
