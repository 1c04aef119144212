// Engine --model names -> the model preset and what the checkpoint stores: quantized checkpoints
// named by their suffix (-AWQ, -GPTQ-Int4, .w8a8), old Meta repository names, --served-model-name.
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../src/core/index.js';
import type { ReadReference } from '../src/core/types.js';
import { importText, ok } from './import-helpers.js';

const model = (command: string) => ok(importText('serve.sh', command));

describe('a quantized checkpoint named without --quantization', () => {
  it('Qwen/Qwen3-32B-AWQ is int4 weights in groups of 128, not bf16, with a warning that the name said so', () => {
    const r = model('vllm serve Qwen/Qwen3-32B-AWQ --max-num-seqs 8 --max-model-len 8192');
    expect(r.fields.model).toMatchObject({ preset: 'qwen3-32b', weight_dtype: 'int4', quant_group_size: 128, weight_dtypes: { embeddings: 'bf16' } });
    expect(r.origins['model.weight_dtype']).toBe('serve.sh:1');
    expect(r.warnings.join('\n')).toMatch(/serve\.sh:1: the model's name reads as a quantized checkpoint \(AWQ: int4 weights in groups of 128/);
  });

  it.each([
    ['Qwen/Qwen3-32B-GPTQ-Int4', 'int4'],
    ['Qwen/Qwen3-32B-GPTQ-Int8', 'int8'],
    ['Qwen/Qwen3-32B-AWQ-INT4', 'int4'],
    ['TheBloke/Llama-3.1-70B-Instruct-GPTQ', 'int4'],
    ['RedHatAI/Qwen3-32B-quantized.w4a16', 'int4'],
    ['RedHatAI/Llama-3.3-70B-Instruct-quantized.w8a8', 'int8'],
    ['neuralmagic/Llama-3.1-8B-Instruct-quantized.w8a16', 'int8'],
    ['Qwen/Qwen3-8B-Int8', 'int8'],
    ['Qwen/Qwen3-8B-Int4', 'int4'],
  ])('%s: %s weights on its preset', (name, dtype) => {
    const r = model(`vllm serve ${name}`);
    expect(r.fields.model?.preset).toBeDefined();
    expect(r.fields.model?.weight_dtype).toBe(dtype);
    expect(r.warnings.join('\n')).toMatch(/reads as a quantized checkpoint/);
  });

  it("--dtype half, which AWQ runs with, is the activations' type: the weights stay 4-bit (a code review read them as 16-bit)", () => {
    const r = model('vllm serve Qwen/Qwen3-32B-AWQ --dtype half');
    expect(r.fields.model?.weight_dtype).toBe('int4');
    expect(r.warnings.join('\n')).toMatch(/reads as a quantized checkpoint/);
  });

  it('an explicit --quantization still wins, and then no name warning', () => {
    const r = model('vllm serve Qwen/Qwen3-32B-AWQ --quantization fp8');
    expect(r.fields.model?.weight_dtype).toBe('fp8');
    expect(r.warnings.join('\n')).not.toMatch(/reads as a quantized checkpoint/);
  });

  it('a listed checkpoint keeps its own figures and an unquantized name stays as the preset', () => {
    expect(model('vllm serve nvidia/Qwen3-32B-NVFP4').fields.model).toMatchObject({ weight_dtype: 'fp4', quant_group_size: 16 });
    const plain = model('vllm serve Qwen/Qwen3-32B');
    expect(plain.fields.model?.weight_dtype).toBeUndefined();
    expect(plain.warnings.join('\n')).not.toMatch(/quantized checkpoint/);
  });

  it('KServe spec.model.uri reads the name the same way', () => {
    const service = [
      'apiVersion: serving.kserve.io/v1alpha1',
      'kind: LLMInferenceService',
      'metadata: {name: q}',
      'spec:',
      '  model: {uri: hf://Qwen/Qwen3-32B-AWQ}',
      '  parallelism: {tensor: 1}',
      '  template:',
      '    containers:',
      '      - name: main',
      '        resources: {limits: {nvidia.com/gpu: "1"}}',
    ].join('\n');
    const r = ok(importText('llmisvc.yaml', service));
    expect(r.fields.model).toMatchObject({ preset: 'qwen3-32b', weight_dtype: 'int4' });
    expect(r.warnings.join('\n')).toMatch(/llmisvc\.yaml:5: the model's name reads as a quantized checkpoint/);
  });
});

describe('model names vLLM examples use, and a model served under another name', () => {
  it.each([
    ['meta-llama/Meta-Llama-3.1-405B-Instruct', 'llama-3.1-405b'],
    ['Meta-Llama-3.1-8B-Instruct', 'llama-3.1-8b'],
    ['/models/meta-llama/Meta-Llama-3.1-70B-Instruct', 'llama-3.1-70b'],
  ])('%s (the id Meta renamed to Llama-3.1-...) is %s', (name, preset) => {
    const r = model(`vllm serve ${name}`);
    expect(r.fields.model?.preset).toBe(preset);
    expect(r.warnings.join('\n')).not.toMatch(/matches no model preset/);
  });

  it('Meta-Llama-3-8B (Llama 3, which kept the prefix) is not read as Llama 3.1', () => {
    expect(model('vllm serve meta-llama/Meta-Llama-3-8B-Instruct').fields.model?.preset).toBeUndefined();
  });

  it('the old FP8 id is the listed checkpoint (MLPs only in fp8), and renamed quantized ids read their suffix', () => {
    expect(model('vllm serve meta-llama/Meta-Llama-3.1-405B-Instruct-FP8').fields.model).toMatchObject({
      preset: 'llama-3.1-405b',
      weight_dtypes: { mlp: 'fp8' },
    });
    expect(model('vllm serve hugging-quants/Meta-Llama-3.1-70B-Instruct-AWQ-INT4').fields.model).toMatchObject({
      preset: 'llama-3.1-70b',
      weight_dtype: 'int4',
    });
    expect(model('vllm serve RedHatAI/Meta-Llama-3.1-8B-Instruct-quantized.w8a8').fields.model).toMatchObject({
      preset: 'llama-3.1-8b',
      weight_dtype: 'int8',
    });
  });

  it('a local path is named by --served-model-name when that names a preset, with a warning', () => {
    const r = model('vllm serve /mnt/weights/llama --served-model-name meta-llama/Llama-3.1-8B-Instruct --max-num-seqs 8');
    expect(r.fields.model?.preset).toBe('llama-3.1-8b');
    expect(r.warnings.join('\n')).toMatch(/serve\.sh:1: model .* matches no model preset; it is read by the name it is served under/);
    const sglang = model('python -m sglang.launch_server --model-path /data/q --served-model-name Qwen/Qwen3-32B-AWQ');
    expect(sglang.fields.model).toMatchObject({ preset: 'qwen3-32b', weight_dtype: 'int4' });
  });

  it('--served-model-name is not used when the model itself names a preset', () => {
    const r = model('vllm serve Qwen/Qwen3-32B --served-model-name meta-llama/Llama-3.1-8B-Instruct');
    expect(r.fields.model?.preset).toBe('qwen3-32b');
    expect(r.warnings.join('\n')).not.toMatch(/served under/);
  });
});

describe('"matches no model preset" when the plan names the model', () => {
  const files: Record<string, string> = { 'serve.sh': 'vllm serve /models/my-finetune --tensor-parallel-size 2 --max-num-seqs 16' };
  const read: ReadReference = (_plan, ref) => (Object.hasOwn(files, ref) ? { text: files[ref] as string } : { error: 'no such file' });
  const warningsOf = (plan: string): string => {
    const r = loadPlan('p.plan.yaml', plan, read);
    if (!r.ok) throw new Error(r.errors[0]?.message);
    return (r.loaded.warnings ?? []).map((w) => w.message).join('\n');
  };

  it('is not said when the plan gives model.preset', () => {
    const text = 'version: 1\ndeployment: {from: serve.sh}\nmodel: {preset: llama-3.1-8b}\nhardware: {preset: h100-sxm}\n';
    expect(warningsOf(text)).not.toMatch(/matches no model preset/);
  });

  it('is still said when the plan does not name the model', () => {
    const r = ok(importText('serve.sh', files['serve.sh'] as string));
    expect(r.warnings.join('\n')).toMatch(/serve\.sh:1: model .* matches no model preset/);
  });
});
