// Sizing-tool files: aiconfigurator experiments (github.com/ai-dynamo/aiconfigurator: isl/osl in tokens,
// ttft/tpot in ms, per-worker tp/pp/dp/moe_tp/moe_ep) and Dynamo SLAs (docs.nvidia.com/dynamo, SLA planner:
// ttft and itl in ms; itl is the time between tokens, read as TPOT), plus how imports merge into a plan.
import { describe, expect, it } from 'vitest';
import { mergeImports } from '../src/import/index.js';
import type { ImportResult } from '../src/import/result.js';
import { importFixture, importFixtureFile, importText, lineOf, ok } from './import-helpers.js';

describe('aiconfigurator', () => {
  const text = importFixture('aiconfigurator-exp.yaml');
  const r = ok(importFixtureFile('aiconfigurator-exp.yaml'));

  it('turns isl/osl into the workload and its ttft/tpot (ms) into claims (s)', () => {
    expect(r.fields.workload).toMatchObject({ input_tokens: 4000, output_tokens: 500 });
    expect(r.fields.claims?.ttft).toBeCloseTo(0.6, 12);
    expect(r.fields.claims?.tpot).toBeCloseTo(0.01667, 12);
    expect(r.origins['claims.tpot']).toBe(`aiconfigurator-exp.yaml:${lineOf(text, /^\s+tpot:/)}`);
  });

  it('takes the decode workers of a disaggregated run, and says the plan covers only them', () => {
    // decode: tp 4 x 3 workers = 12 of the 16 GPUs; batch 64 per worker x 3
    expect(r.fields.parallelism).toMatchObject({ tp: 4, pp: 1, dp: 3 });
    expect(r.fields.hardware).toMatchObject({ gpus: 12, preset: 'h200' });
    expect(r.fields.workload?.concurrency).toBe(192);
    expect(r.fields.model).toMatchObject({ preset: 'qwen3-32b', weight_dtype: 'fp8', kv_cache_dtype: 'fp8' });
    expect(r.warnings.join('\n')).toMatch(/12 of 16 GPUs/);
  });

  it('takes another worker when the plan names it', () => {
    const prefill = ok(importFixtureFile('aiconfigurator-exp.yaml', { container: 'prefill' }));
    // prefill: tp 2 x 2 workers
    expect(prefill.fields.parallelism).toMatchObject({ tp: 2, dp: 2 });
    expect(prefill.fields.hardware?.gpus).toBe(4);
  });

  it('does not pick one value out of a search space', () => {
    const exp = 'exp_config:\n  isl: 1000\n  osl: 100\n  total_gpus: 8\n  worker_config:\n    tp_list: [1, 2, 4]\n';
    const got = ok(importText('exp.yaml', exp));
    expect(got.fields.parallelism?.tp).toBeUndefined();
    expect(got.warnings.join('\n')).toMatch(/3 candidates/);
  });

  it('reads a quantized checkpoint name as the engine importers do: stored int4, with a warning unless gemm_quant_mode states it', () => {
    const exp = (quant: string) => `exp_config:\n  isl: 1000\n  osl: 100\n  model_name: Qwen/Qwen3-32B-AWQ\n${quant}  worker_config:\n    tp: 1\n`;
    const named = ok(importText('exp.yaml', exp('')));
    expect(named.fields.model).toMatchObject({ preset: 'qwen3-32b', weight_dtype: 'int4' });
    expect(named.warnings.join('\n')).toMatch(/exp\.yaml:4: the model's name reads as a quantized checkpoint \(AWQ/);
    const stated = ok(importText('exp.yaml', exp('  gemm_quant_mode: fp8\n')));
    expect(stated.fields.model?.weight_dtype).toBe('fp8');
    expect(stated.warnings.join('\n')).not.toMatch(/reads as a quantized checkpoint/);
    // a gemm_quant_mode that maps to no dtype is ignored: the int4 read from the name is still warned about
    const unmapped = ok(importText('exp.yaml', exp('  gemm_quant_mode: bogus\n')));
    expect(unmapped.fields.model?.weight_dtype).toBe('int4');
    expect(unmapped.warnings.join('\n')).toMatch(/exp\.yaml:4: the model's name reads as a quantized checkpoint/);
  });
});

describe('Dynamo SLA', () => {
  it('turns ttft and itl (ms) into requirements, itl as TPOT', () => {
    const r = ok(importFixtureFile('dynamo-dgdr.yaml'));
    expect(r.fields.requirements?.ttft).toBeCloseTo(0.2, 12);
    expect(r.fields.requirements?.tpot).toBeCloseTo(0.02, 12);
    expect(r.fields.workload).toMatchObject({ input_tokens: 3000, output_tokens: 150 });
    expect(r.fields.claims).toBeUndefined();
  });

  it('reads a bare SLA file too', () => {
    const r = ok(importText('sla.yaml', 'ttft: 500\nitl: 25\n'));
    expect(r.fields.requirements?.tpot).toBeCloseTo(0.025, 12);
    expect(r.origins['requirements.tpot']).toBe('sla.yaml:2');
  });
});

describe('merging imports into a plan', () => {
  const result = (fields: ImportResult['fields'], origins: Record<string, string>, extra: Partial<ImportResult> = {}): ImportResult => ({
    fields,
    origins,
    warnings: [],
    ...extra,
  });

  it('keeps the plan own fields and records origins only for imported ones', () => {
    const imported = result({ parallelism: { tp: 8, pp: 2 } }, { 'parallelism.tp': 'k8s.yaml:3', 'parallelism.pp': 'k8s.yaml:4' });
    const merged = mergeImports({ parallelism: { tp: 4 } }, [imported]);
    expect(merged.values.parallelism).toEqual({ tp: 4, pp: 2 });
    expect(merged.origins).toEqual({ 'parallelism.pp': 'k8s.yaml:4' });
  });

  it('lets a later file win over an earlier one', () => {
    const a = result({ workload: { concurrency: 64 } }, { 'workload.concurrency': 'a.yaml:1' });
    const b = result({ workload: { concurrency: 128 } }, { 'workload.concurrency': 'b.yaml:9' });
    const merged = mergeImports({}, [a, b]);
    expect(merged.values.workload).toEqual({ concurrency: 128 });
    expect(merged.origins['workload.concurrency']).toBe('b.yaml:9');
  });

  it('splits the engine context as max_input_tokens = context - output', () => {
    const r = result({}, {}, { context: { tokens: 16384, origin: 'k8s.yaml:40' } });
    const merged = mergeImports({ workload: { input_tokens: 2048, output_tokens: 512 } }, [r]);
    expect(merged.values.workload).toMatchObject({ max_input_tokens: 16384 - 512 });
    expect(merged.origins['workload.max_input_tokens']).toBe('k8s.yaml:40');
    const bounded = mergeImports({ workload: { output_tokens: 512, max_output_tokens: 4096 } }, [r]);
    expect(bounded.values.workload).toMatchObject({ max_input_tokens: 16384 - 4096 });
  });

  it('waits with a warning when no output length says how to split the context', () => {
    const r = result({}, {}, { context: { tokens: 8192, origin: 'k8s.yaml:7' } });
    const merged = mergeImports({}, [r]);
    expect(merged.values.workload).toBeUndefined();
    expect(merged.warnings.join('\n')).toMatch(/k8s.yaml:7.*output_tokens/);
  });

  it('warns when the plan and the import name different models', () => {
    const r = result({ model: { preset: 'llama-3.1-8b' } }, { 'model.preset': 'k8s.yaml:2' });
    const merged = mergeImports({ model: { preset: 'qwen3-8b' } }, [r]);
    expect(merged.values.model).toEqual({ preset: 'qwen3-8b' });
    expect(merged.warnings.join('\n')).toMatch(/qwen3-8b.*k8s.yaml:2.*llama-3.1-8b/);
  });
});
