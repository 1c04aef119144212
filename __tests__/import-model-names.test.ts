// Engine --model names -> the model preset and what the checkpoint stores: quantized checkpoints
// named by their suffix (-AWQ, -GPTQ-Int4, .w8a8), old Meta repository names, --served-model-name.
import { describe, expect, it } from 'vitest';
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
