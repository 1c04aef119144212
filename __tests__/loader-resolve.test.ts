import { describe, expect, test } from 'vitest';
import type { ReadReference } from '../src/core/types.js';
import { loadPlan } from '../src/plan/load.js';
import { errorsOf, fixture, lineOf, loadedOf, noReferences, readFixtureReference } from './loader-helpers.js';

// Figures below are the published ones, not read from the code:
// - mistralai/Mixtral-8x7B-v0.1 config.json: 32 layers, hidden 4096, 32 heads, 8 KV heads,
//   8 local experts, 2 per token, intermediate 14336, vocab 32000.
// - NVIDIA H100 SXM datasheet: 3.35 TB/s HBM3, 989 dense BF16 TFLOPS (1,979 with sparsity).
// - __tests__/fixtures/plans/tiny-config.json: a made-up small Mixtral-shaped config.

describe('presets', () => {
  const text = [
    'version: 1',
    'model:',
    '  preset: mixtral-8x7b',
    '  layers: 16',
    '  moe:',
    '    top_k: 1',
    'hardware:',
    '  preset: H100-SXM',
    '  memory: 64 GiB',
    '  efficiency:',
    '    compute: 0.5',
    '',
  ].join('\n');
  const loaded = loadedOf(loadPlan('p.plan.yaml', text, noReferences));
  const { model, hardware } = loaded.plan;

  test('the preset fills the gaps; explicit fields win, field by field in nested sections', () => {
    expect(model.layers).toBe(16);
    expect(model.hidden_size).toBe(4096);
    expect(model.kv_heads).toBe(8);
    expect(model.vocab_size).toBe(32000);
    expect(model.moe?.top_k).toBe(1);
    expect(model.moe?.experts).toBe(8);
    expect(model.moe?.expert_ffn_hidden_size).toBe(14336);
    expect(hardware.memory).toBe(64 * 1024 ** 3);
    expect(hardware.memory_bandwidth).toBe(3.35e12);
    // 989 TFLOPS in the datasheet (the white paper's 989.4 within 0.1%)
    expect(Math.abs((hardware.peak_tflops ?? 0) / 989e12 - 1)).toBeLessThan(1e-3);
    expect(hardware.efficiency?.compute).toBe(0.5);
  });

  test('origins name the preset for filled values only', () => {
    expect(loaded.origins['model.hidden_size']).toBe('preset:mixtral-8x7b');
    expect(loaded.origins['model.moe.experts']).toBe('preset:mixtral-8x7b');
    expect(loaded.origins['hardware.memory_bandwidth']).toBe('preset:H100-SXM');
    expect(loaded.origins['model.layers']).toBeUndefined();
    expect(loaded.origins['model.moe.top_k']).toBeUndefined();
    expect(loaded.origins['hardware.memory']).toBeUndefined();
    expect(model.preset).toBe('mixtral-8x7b');
  });

  test('an unknown preset is an error listing the known ones, with did-you-mean', () => {
    const bad = 'version: 1\nmodel:\n  preset: mixtral-8x7\nhardware:\n  preset: h100-sxn\n';
    const errors = errorsOf(loadPlan('p.plan.yaml', bad, noReferences));
    expect(errors.map((e) => [e.path, e.line])).toEqual([
      ['model.preset', 3],
      ['hardware.preset', 5],
    ]);
    expect(errors[0]?.message).toMatch(/unknown model preset 'mixtral-8x7' \(did you mean 'mixtral-8x7b'\?\); known presets: .*llama-3.1-8b/);
    expect(errors[1]?.message).toMatch(/unknown hardware preset 'h100-sxn' \(did you mean 'h100-sxm'\?\); known presets: .*b200/);
  });

  test('a preset name that is an Object.prototype key is just unknown', () => {
    const errors = errorsOf(loadPlan('p.plan.yaml', 'version: 1\nmodel:\n  preset: constructor\n', noReferences));
    expect(errors[0]?.message).toMatch(/unknown model preset 'constructor'/);
  });
});

describe('Hugging Face ids and hardware aliases as presets', () => {
  test("a repository id resolves to its preset with the checkpoint's quantization", () => {
    const text = 'version: 1\nmodel:\n  preset: moonshotai/Kimi-K2.5\nhardware:\n  preset: b200_sxm\n';
    const loaded = loadedOf(loadPlan('p.plan.yaml', text, noReferences));
    expect(loaded.plan.model).toMatchObject({ layers: 61, weight_dtype: 'bf16', weight_dtypes: { experts: 'int4' }, quant_group_size: 32 });
    expect(loaded.origins['model.quant_group_size']).toBe('preset:moonshotai/Kimi-K2.5');
    // b200_sxm names exactly one part: no warning
    expect(loaded.plan.hardware.name).toBe('NVIDIA B200 SXM');
    expect(loaded.warnings ?? []).toEqual([]);
  });

  test("the plan's own dtype wins over the checkpoint's", () => {
    const text = 'version: 1\nmodel:\n  preset: nvidia/Qwen3-32B-NVFP4\n  kv_cache_dtype: bf16\n';
    const { model } = loadedOf(loadPlan('p.plan.yaml', text, noReferences)).plan;
    expect(model).toMatchObject({ weight_dtype: 'fp4', quant_group_size: 16, kv_cache_dtype: 'bf16' });
  });

  test('an ambiguous hardware name loads with a warning that says which part was chosen', () => {
    const loaded = loadedOf(loadPlan('p.plan.yaml', 'version: 1\nhardware:\n  preset: a100\n', noReferences));
    // the 80 GB part, at the capacity PyTorch reports (79.25 GiB)
    expect(loaded.plan.hardware.memory).toBe(Math.round(79.25 * 2 ** 30));
    expect(loaded.warnings).toEqual([
      { path: 'hardware.preset', line: 3, message: expect.stringMatching(/hardware\.preset: 'a100' read as a100-80gb.*a100-40gb/) },
    ]);
  });

  test('an unknown repository id or system name gets a did-you-mean', () => {
    const bad = 'version: 1\nmodel:\n  preset: moonshotai/Kimi-K2.6\nhardware:\n  preset: b300_sxn\n';
    const errors = errorsOf(loadPlan('p.plan.yaml', bad, noReferences));
    expect(errors[0]?.message).toMatch(/unknown model preset 'moonshotai\/Kimi-K2\.6' \(did you mean 'moonshotai\/Kimi-K2\.5'\?\)/);
    expect(errors[0]?.message).toContain('Hugging Face repository id');
    expect(errors[1]?.message).toMatch(/unknown hardware preset 'b300_sxn' \(did you mean 'b300-sxm'\?\)/);
  });
});

describe('a known model in another spelling gets its preset and the Hugging Face ids accepted for it', () => {
  const modelError = (preset: string) => errorsOf(loadPlan('p.plan.yaml', `version: 1\nmodel:\n  preset: ${preset}\n`, noReferences))[0]!.message;

  test("an Instruct checkpoint's name, in any case, is its preset's, and its Hugging Face id is named", () => {
    for (const written of ['llama-3.1-8B-instruct', 'Llama-3.1-8B-Instruct', 'unsloth/Llama-3.1-8B-Instruct']) {
      expect(modelError(written)).toContain(
        "(did you mean 'llama-3.1-8b'? A preset covers every checkpoint of its architecture, base and Instruct; the Hugging Face id 'meta-llama/Llama-3.1-8B-Instruct' is accepted as well)",
      );
    }
  });

  test('a quantized checkpoint by name points at its Hugging Face id, which keeps its dtypes', () => {
    expect(modelError('qwen3-32b-fp8')).toContain(
      "(did you mean 'Qwen/Qwen3-32B-FP8'? Its Hugging Face id gives preset qwen3-32b with the checkpoint's quantization)",
    );
  });

  test("a typo beside a release suffix gets the preset a typo away, and the preset's Hugging Face ids", () => {
    expect(modelError('llama3.1-8b-instruct')).toContain(
      "(did you mean 'llama-3.1-8b'? Its Hugging Face ids are accepted as well: meta-llama/Llama-3.1-8B, meta-llama/Llama-3.1-8B-Instruct, nvidia/Llama-3.1-8B-Instruct-FP8)",
    );
  });

  test('a name near no preset gets no guess', () => {
    expect(modelError('my-own-model')).toMatch(/unknown model preset 'my-own-model'; known presets: /);
  });

  test('the Hugging Face id itself, in any case, is accepted', () => {
    const loaded = loadedOf(loadPlan('p.plan.yaml', 'version: 1\nmodel:\n  preset: META-LLAMA/llama-3.1-8b-instruct\n', noReferences));
    expect(loaded.plan.model.layers).toBe(32);
  });
});

describe('hf_config', () => {
  const config = fixture('tiny-config.json');
  const text = 'version: 1\nmodel:\n  preset: mixtral-8x7b\n  hf_config: ./tiny-config.json\n  heads: 8\n';
  const seen: string[][] = [];
  const reader: ReadReference = (plan, ref) => {
    seen.push([plan, ref]);
    return readFixtureReference(plan, ref);
  };
  const loaded = loadedOf(loadPlan('plans/p.plan.yaml', text, reader));
  const { model } = loaded.plan;

  test('the reference is read by the path written, relative to the plan', () => {
    expect(seen).toEqual([['plans/p.plan.yaml', './tiny-config.json']]);
  });

  test('plan > hf_config > preset', () => {
    expect(model.heads).toBe(8); // plan
    expect(model.layers).toBe(8); // config.json (the preset says 32)
    expect(model.hidden_size).toBe(2048); // config.json (the preset says 4096)
    expect(model.moe?.experts).toBe(4); // config.json num_local_experts
    expect(model.kv_heads).toBe(4);
  });

  test('origins point at the config.json line', () => {
    expect(loaded.origins['model.layers']).toBe(`./tiny-config.json:${lineOf(config, /num_hidden_layers/)}`);
    expect(loaded.origins['model.moe.experts']).toBe(`./tiny-config.json:${lineOf(config, /num_local_experts/)}`);
    expect(loaded.origins['model.heads']).toBeUndefined();
  });

  test('an unreadable config is an error at the hf_config line', () => {
    const bad = 'version: 1\nmodel:\n  layers: 2\n  hf_config: ./missing.json\n';
    const errors = errorsOf(loadPlan('p.plan.yaml', bad, readFixtureReference));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'model.hf_config', line: 4 });
    expect(errors[0]?.message).toMatch(/^model.hf_config: cannot read '.\/missing.json': no such file/);
  });

  test('a config that is not JSON is an error at the hf_config line', () => {
    const bad = 'version: 1\nmodel:\n  hf_config: ./broken.json\n';
    const errors = errorsOf(loadPlan('p.plan.yaml', bad, () => ({ text: '{ "hidden_size": ' })));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'model.hf_config', line: 3 });
    expect(errors[0]?.message).toMatch(/is not a usable Hugging Face config/);
  });

  test('a reader that throws does not make loadPlan throw', () => {
    const result = loadPlan('p.plan.yaml', 'version: 1\nmodel:\n  hf_config: x.json\n', () => {
      throw new Error('boom');
    });
    expect(result.ok).toBe(false);
    // the error's own message may quote a file: only its kind is said
    expect(errorsOf(result)[0]?.message).toBe('p.plan.yaml: internal error while loading the plan (Error)');
  });
});
