// Values a plan takes from the files it names (deployment.from, model.hf_config) meet the ranges its own
// values meet (an attacker review): a vision_config of hidden_size 1e300 read 'InfinityB parameters' and
// 'NaN GiB vLLM may use', and a TensorRT-LLM disaggregated config of num_instances 1e300 read 1e+300 GPUs and
// passed its world size ('1e+300 x 1 prefill + 9007199254740992 x 1 decode = 1e+300'), where the same
// figures written in the plan are errors.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReadReference } from '../src/core/types.js';
import { loadPlan } from '../src/plan/load.js';
import { errorsOf, loadedOf } from './loader-helpers.js';

const SCOUT = JSON.parse(readFileSync('__tests__/fixtures/hf/llama-4-scout.config.json', 'utf8')) as Record<string, Record<string, unknown>>;

const files =
  (map: Record<string, string>): ReadReference =>
  (_plan, ref) =>
    Object.hasOwn(map, ref) ? { text: map[ref] as string } : { error: `no such file: ${ref}` };

const HF_PLAN = ['version: 1', 'model:', '  hf_config: config.json', 'hardware:', '  preset: h100-sxm', '  gpus: 8', 'parallelism:', '  tp: 8', ''].join('\n');

function scoutWith(section: 'vision_config' | 'text_config', key: string, value: number): string {
  const config = structuredClone(SCOUT);
  (config[section] as Record<string, unknown>)[key] = value;
  return JSON.stringify(config, null, 2);
}

const DISAGG_PLAN = ['version: 1', 'deployment:', '  from: disagg.yaml', '  engine: trtllm', 'hardware:', '  preset: h200', ''].join('\n');

function disagg(contextInstances: string, generationTp = '1'): string {
  return [
    'model: meta-llama/Llama-3.1-8B-Instruct',
    'context_servers:',
    `  num_instances: ${contextInstances}`,
    '  tensor_parallel_size: 1',
    'generation_servers:',
    '  num_instances: 1',
    `  tensor_parallel_size: ${generationTp}`,
    '',
  ].join('\n');
}

describe('values read from referenced files are held to the ranges of the plan format', () => {
  it('a vision_config whose tower counts past 1e13 parameters is an error naming config.json, its line and model.vision.params', () => {
    const text = scoutWith('vision_config', 'hidden_size', 1e300);
    const errors = errorsOf(loadPlan('p.plan.yaml', HF_PLAN, files({ 'config.json': text })));
    const error = errors.find((e) => e.path === 'model.vision.params');
    expect(error, JSON.stringify(errors)).toBeDefined();
    expect(error!.line).toBe(3);
    const configLine = text.split('\n').findIndex((l) => l.includes('"vision_config"')) + 1;
    expect(error!.message).toContain(`config.json:${configLine}`);
    expect(error!.message).toMatch(/from 1 to 10000000000000\b/);
    expect(JSON.stringify(errors)).not.toMatch(/Infinity|NaN|e\+300/);
  });

  it("a text_config width past the format's range is an error naming the key and line", () => {
    const text = scoutWith('text_config', 'num_hidden_layers', 10 ** 15);
    const errors = errorsOf(loadPlan('p.plan.yaml', HF_PLAN, files({ 'config.json': text })));
    const error = errors.find((e) => e.path === 'model.layers');
    expect(error, JSON.stringify(errors)).toBeDefined();
    expect(error!.message).toMatch(/^model\.layers: config\.json:\d+ gives a value that is not a whole number from 1 to 100000/);
    expect(error!.message).not.toContain('1000000000000000');
  });

  it('num_instances of 1e300 in a TensorRT-LLM disaggregated config is an error at deployment.from, naming file:line and the key', () => {
    const errors = errorsOf(loadPlan('p.plan.yaml', DISAGG_PLAN, files({ 'disagg.yaml': disagg('1e300') })));
    const workers = errors.find((e) => e.path === 'disaggregation.prefill.workers');
    expect(workers, JSON.stringify(errors)).toBeDefined();
    expect(workers!.line).toBe(3);
    expect(workers!.message).toContain('disagg.yaml:3');
    expect(errors.some((e) => e.path === 'hardware.gpus')).toBe(true);
  });

  it('a layout degree past 65536 from an engine flag is an error; the same files within range load as before', () => {
    const errors = errorsOf(loadPlan('p.plan.yaml', DISAGG_PLAN, files({ 'disagg.yaml': disagg('1', '100000000000000000000') })));
    expect(
      errors.some((e) => e.path === 'disaggregation.decode.parallelism.tp' && /disagg\.yaml:7/.test(e.message)),
      JSON.stringify(errors),
    ).toBe(true);
    const ok = loadedOf(loadPlan('p.plan.yaml', DISAGG_PLAN, files({ 'disagg.yaml': disagg('2', '4') })));
    expect(ok.plan.disaggregation?.prefill.workers).toBe(2);
    const scout = loadedOf(loadPlan('p.plan.yaml', HF_PLAN, files({ 'config.json': JSON.stringify(SCOUT, null, 2) })));
    expect(scout.plan.model.vision?.params).toBeGreaterThan(8e8);
  });

  it('a referenced name is quoted cut and escaped in the message', () => {
    const plan = HF_PLAN.replace('config.json', '"con\\u001b[31mfig.json"');
    const errors = errorsOf(loadPlan('p.plan.yaml', plan, files({ 'con\u001b[31mfig.json': scoutWith('vision_config', 'hidden_size', 1e300) })));
    const error = errors.find((e) => e.path === 'model.vision.params');
    expect(error, JSON.stringify(errors)).toBeDefined();
    expect(error!.message).not.toContain('\u001b');
  });
});
