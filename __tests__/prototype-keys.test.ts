// A file's word that names a member of Object.prototype (constructor, __proto__) where the importers
// or the config reader look a value up in a table reads as any word the table lacks: a warning, never
// an internal error, an object for a dtype (NaN GiB) or a quantization dropped silently.
import { describe, expect, it } from 'vitest';
import { verifyPlanText } from '../src/core/index.js';
import { parseHfConfig } from '../src/plan/hfConfig.js';
import { aiconfiguratorModes, configWithWord, PROTOTYPE_WORDS, trtllmSection, vllmWithWord } from './fixtures/hostile/prototype-keys.js';
import { importFixture, importText, ok } from './import-helpers.js';

const engineFlags = ['--kv-cache-dtype', '--dtype', '--quantization'] as const;

describe('prototype member names in imported files', () => {
  for (const word of PROTOTYPE_WORDS) {
    for (const flag of engineFlags) {
      it(`vLLM ${flag} ${word}: not a dtype the plan format knows, said so`, () => {
        const r = ok(importText('serve.sh', vllmWithWord(flag, word)));
        expect(r.fields.model?.kv_cache_dtype).toBeUndefined();
        expect(r.fields.model?.weight_dtype).toBeUndefined();
        expect(r.warnings.join('\n')).toMatch(/is not one the plan format knows|does not say one weight width/);
      });
    }

    it(`a TensorRT-LLM options YAML with a ${word} section: imported, not an internal error`, () => {
      const r = importText('options.yaml', trtllmSection(word), { engine: 'trtllm' });
      expect('error' in r ? r.error : '').not.toMatch(/internal error/);
    });

    it(`aiconfigurator quantization modes of ${word}: ignored with a warning`, () => {
      const r = ok(importText('exp.yaml', aiconfiguratorModes(importFixture('aiconfigurator-exp.yaml'), word)));
      expect(r.fields.model?.weight_dtype).toBeUndefined();
      expect(r.fields.model?.kv_cache_dtype).toBeUndefined();
      expect(r.warnings.join('\n')).toMatch(/gemm_quant_mode \(a value of \d+ characters, not shown\) does not map to a plan dtype/);
    });

    for (const key of ['torch_dtype', 'model_type', 'mamba_ssm_dtype'] as const) {
      it(`config.json ${key} ${word}: read as an unknown word`, () => {
        const r = parseHfConfig(configWithWord(key, word));
        if ('error' in r) throw new Error(r.error);
        expect(r.spec.weight_dtype === undefined || typeof r.spec.weight_dtype === 'string').toBe(true);
        const plan = `version: 1\nname: p\nmodel:\n  hf_config: ./config.json\nhardware:\n  preset: h100-sxm\n  gpus: 1\nworkload:\n  concurrency: 1\n  input_tokens: 128\n  output_tokens: 16\n`;
        const report = verifyPlanText('p.plan.yaml', plan, () => ({ text: configWithWord(key, word) }));
        expect(report.errors.map((e) => e.message).join('\n')).not.toMatch(/internal error/);
        expect(JSON.stringify(report.checks)).not.toMatch(/NaN/);
      });
    }
  }
});
