// Serving tools' spellings and printed capacities: what users write before they read the contract.
import { describe, expect, test } from 'vitest';
import { verifyPlanText } from '../src/core/index.js';
import { loadPlan } from '../src/plan/load.js';
import { printedMemoryWarning } from '../src/plan/memory-figure.js';
import { printedMemoryGb } from '../src/presets/marketing-memory.js';
import { errorsOf, loadedOf, noReferences } from './loader-helpers.js';

const MiB = 2 ** 20;
const plan = (body: string) => `version: 1\nmodel: {preset: llama-3.1-8b}\n${body}`;

describe('serving-tool keys whose meaning is ours are accepted', () => {
  test.each([
    ['tensor_parallel_size', 'tp'],
    ['tp_size', 'tp'],
    ['pipeline_parallel_size', 'pp'],
    ['pp_size', 'pp'],
    ['data_parallel_size', 'dp'],
    ['dp_size', 'dp'],
    ['expert_parallel_size', 'ep'],
    ['context_parallel_size', 'cp'],
  ])('parallelism.%s is %s', (written, canonical) => {
    const loaded = loadedOf(loadPlan('a.plan.yaml', plan(`parallelism:\n  ${written}: 2\n`), noReferences));
    expect((loaded.plan.parallelism as Record<string, number>)[canonical]).toBe(2);
    expect(loaded.lines[`parallelism.${canonical}`]).toBe(4);
  });

  test('workload.max_num_batched_tokens is max_batched_tokens', () => {
    const loaded = loadedOf(loadPlan('a.plan.yaml', plan('workload:\n  max_num_batched_tokens: 4096\n'), noReferences));
    expect(loaded.plan.workload.max_batched_tokens).toBe(4096);
  });

  test.each(['requirements', 'claims'])('%s.tput is throughput, not tpot (the nearest spelling)', (section) => {
    const loaded = loadedOf(loadPlan('a.plan.yaml', plan(`${section}:\n  tput: 1000 tok/s\n`), noReferences));
    expect((loaded.plan as unknown as Record<string, Record<string, unknown>>)[section]!.throughput).toBeDefined();
    expect((loaded.plan as unknown as Record<string, Record<string, unknown>>)[section]!.tpot).toBeUndefined();
  });

  test('an alias and its canonical key together are one key given twice', () => {
    const errors = errorsOf(loadPlan('a.plan.yaml', plan('parallelism:\n  tp: 2\n  tensor_parallel_size: 2\n'), noReferences));
    expect(errors[0]!.message).toMatch(/'tp' \(line 4\) already sets parallelism.tp/);
  });

  test('a key in the wrong section says where it belongs', () => {
    const errors = errorsOf(loadPlan('a.plan.yaml', plan('tensor_parallel_size: 2\n'), noReferences));
    expect(errors[0]!.message).toContain('it belongs in parallelism: parallelism.tensor_parallel_size');
  });
});

describe('serving-tool keys that mean something else are refused with the key to write and why', () => {
  test("max_num_seqs is one engine's cap: did you mean max_running_sequences, and the load is concurrency", () => {
    const [error] = errorsOf(loadPlan('a.plan.yaml', plan('workload:\n  max_num_seqs: 256\n'), noReferences));
    expect(error!.line).toBe(4);
    expect(error!.message).toMatch(
      /unknown key 'max_num_seqs' \(did you mean 'max_running_sequences'\? max_num_seqs is one engine's cap on sequences running at once: max_running_sequences is the whole deployment's \(e.g. vLLM max_num_seqs x dp\), and the load the clients keep in flight is concurrency/,
    );
  });

  test('max_model_len is explained as max_input_tokens + max_output_tokens', () => {
    const [error] = errorsOf(loadPlan('a.plan.yaml', plan('workload:\n  max_model_len: 8192\n'), noReferences));
    expect(error!.message).toContain(
      "did you mean 'max_input_tokens'? max_model_len is the longest context, prompt and output together: give max_input_tokens and max_output_tokens, whose sum it is",
    );
  });

  test('num_gpus points at hardware.gpus, from any section', () => {
    const [inHardware] = errorsOf(loadPlan('a.plan.yaml', plan('hardware:\n  num_gpus: 8\n'), noReferences));
    expect(inHardware!.message).toMatch(/did you mean 'gpus'\? num_gpus often counts one worker's or one node's devices/);
    const [atTop] = errorsOf(loadPlan('a.plan.yaml', plan('num_gpus: 8\n'), noReferences));
    expect(atTop!.message).toMatch(/did you mean 'hardware.gpus'\?/);
  });

  test.each([
    ['gpu_memory_utilization', "vLLM's memory flag (the share of the whole device the engine may use): memory_fraction takes it as written"],
    [
      'mem_fraction_static',
      "SGLang's memory flag (weights and KV pool as a share of the memory free after initialisation): memory_fraction takes it as written with deployment.engine: sglang",
    ],
    [
      'free_gpu_memory_fraction',
      "TensorRT-LLM's memory flag (kv_cache_config's share of the memory free after its warm-up that the KV cache takes): memory_fraction takes it as written with deployment.engine: trtllm",
    ],
    ['kv_cache_free_gpu_memory_fraction', "TensorRT-LLM's memory flag"],
  ])("workload.%s points at memory_fraction and says how the engine's flag maps", (written, why) => {
    const [error] = errorsOf(loadPlan('a.plan.yaml', plan(`workload:\n  ${written}: 0.85\n`), noReferences));
    expect(error!.line).toBe(4);
    expect(error!.message).toContain(`unknown key '${written}' (did you mean 'memory_fraction'? ${written} is ${why}`);
  });

  test("an engine's flag for another engine than vLLM says memory_fraction alone is read as vLLM's", () => {
    const [error] = errorsOf(loadPlan('a.plan.yaml', plan('workload:\n  mem_fraction_static: 0.85\n'), noReferences));
    expect(error!.message).toContain("without it memory_fraction is read as vLLM's share of the whole device");
  });

  test.each([
    ['chunked_prefill_size', "SGLang's prefill chunk of one engine: max_batched_tokens is one attention rank's pass"],
    ['max_num_tokens', "TensorRT-LLM's cap on the tokens one pass holds"],
  ])('workload.%s points at max_batched_tokens', (written, why) => {
    const [error] = errorsOf(loadPlan('a.plan.yaml', plan(`workload:\n  ${written}: 4096\n`), noReferences));
    expect(error!.message).toContain(`(did you mean 'max_batched_tokens'? ${written} is ${why}`);
  });

  test('a flag written as on the command line (gpu-memory-utilization) gets the same pointer', () => {
    const [error] = errorsOf(loadPlan('a.plan.yaml', plan('workload:\n  gpu-memory-utilization: 0.9\n'), noReferences));
    expect(error!.message).toContain("(did you mean 'memory_fraction'? gpu-memory-utilization is vLLM's memory flag");
  });

  test.each([
    ['tensor_parallel', 'tp'],
    ['pipeline_parallel', 'pp'],
    ['data_parallel', 'dp'],
    ['expert_parallel', 'ep'],
    ['context_parallel', 'cp'],
  ])('parallelism.%s points at %s', (written, canonical) => {
    const [error] = errorsOf(loadPlan('a.plan.yaml', plan(`parallelism:\n  ${written}: 2\n`), noReferences));
    expect(error!.message).toMatch(
      new RegExp(
        `\\(did you mean '${canonical}'\\? ${written} names the parallelism, not a key: the [a-z-]+ degree is ${canonical} \\(the engines' ${written}_size`,
      ),
    );
  });

  test("vLLM's enable_expert_parallel is a switch: ep is tp x dp", () => {
    const [error] = errorsOf(loadPlan('a.plan.yaml', plan('parallelism:\n  enable_expert_parallel: true\n'), noReferences));
    expect(error!.message).toContain("(did you mean 'ep'? enable_expert_parallel is vLLM's switch, not a degree");
  });

  test("a layout hint points at the section's own key: the top level's, or a pool's", () => {
    const [atTop] = errorsOf(loadPlan('a.plan.yaml', plan('tensor_parallel: 2\n'), noReferences));
    expect(atTop!.message).toContain("did you mean 'parallelism.tp'?");
    const pool = plan('disaggregation:\n  decode:\n    parallelism:\n      tensor_parallel: 2\n');
    const inPool = errorsOf(loadPlan('a.plan.yaml', pool, noReferences)).find((e) => e.path === 'disaggregation.decode.parallelism.tensor_parallel');
    expect(inPool!.message).toContain("(did you mean 'tp'?");
  });

  test('a plain typo still gets the nearest key', () => {
    const [error] = errorsOf(loadPlan('a.plan.yaml', plan('workload:\n  concurency: 8\n'), noReferences));
    expect(error!.message).toContain("did you mean 'concurrency'?");
  });
});

describe("a memory equal to the preset's printed capacity", () => {
  // h100-sxm reports 81,559 MiB = 79.65 GiB; "80 GB" is 80e9 B = 74.51 GiB
  const h100 = 81_559 * MiB;

  test('80 GB with h100-sxm warns, names the device-reported size and the line', () => {
    const w = printedMemoryWarning(80e9, 'h100-sxm', 'NVIDIA H100 80GB SXM', h100, [80], 7);
    expect(w).not.toBeNull();
    expect(w!.line).toBe(7);
    expect(w!.path).toBe('hardware.memory');
    expect(w!.message).toContain(
      "80 GB is the NVIDIA H100 80GB SXM's printed capacity: written here it means 74.5 GiB, less than the 79.6 GiB the device reports",
    );
  });

  test('a printed figure read as GiB overstates it, and says so', () => {
    // b200 reports 183,359 MiB = 179.06 GiB; "192 GiB" is 7% more than the device has
    const w = printedMemoryWarning(192 * 2 ** 30, 'b200', 'NVIDIA B200 SXM', 183_359 * MiB, [192, 180], undefined);
    expect(w!.message).toContain(
      "192 GiB is the NVIDIA B200 SXM's printed capacity: written here it means 192.0 GiB, more than the 179.1 GiB the device reports",
    );
    // 80 GiB on an H100 (79.65 GiB reported) is within 1%: not worth a warning
    expect(printedMemoryWarning(80 * 2 ** 30, 'h100-sxm', 'H100', h100, [80], undefined)).toBeNull();
  });

  test('the reported figure itself, or an unrelated figure, is not warned about', () => {
    expect(printedMemoryWarning(h100, 'h100-sxm', 'H100', h100, [80], 1)).toBeNull();
    expect(printedMemoryWarning(64e9, 'h100-sxm', 'H100', h100, [80], 1)).toBeNull();
  });

  test('printed figures come from the table, else from the preset name', () => {
    expect(printedMemoryGb('h100-sxm')).toEqual([80]);
    expect(printedMemoryGb('B200')).toEqual([192, 180]);
    expect(printedMemoryGb('no-such-chip')).toEqual([]);
  });

  test('becomes a warning check of a verified plan', () => {
    const text = plan('hardware:\n  preset: h100-sxm\n  gpus: 1\n  memory: 80GB\nworkload: {concurrency: 8, input_tokens: 100, output_tokens: 100}\n');
    const report = verifyPlanText('a.plan.yaml', text, noReferences);
    const check = report.checks.find((c) => c.id === 'hardware.memory');
    expect(check?.status).toBe('warn');
    expect(check?.line).toBe(6);
    expect(check?.title).toBe('Device memory');
    expect(report.verdict).toBe('warn');
  });
});

describe('YAML and references users reach for, said for what they are', () => {
  test("a merge key ('<<') is named as one, at its line, not as an unknown key of 2 characters", () => {
    const errors = errorsOf(loadPlan('a.plan.yaml', 'version: 1\nbase: &b {preset: llama-3.1-8b}\nmodel:\n  <<: *b\n', noReferences));
    const merge = errors.find((e) => e.path === 'model.<<')!;
    expect(merge.message).toMatch(/a YAML merge key \('<<'\) is not supported: write the keys out/);
    expect(merge.line).toBe(4);
  });

  test('an infinity or NaN is said to be no finite number, not offered back with a unit ("-Infinity ms")', () => {
    const errors = errorsOf(loadPlan('a.plan.yaml', 'version: 1\nrequirements: {ttft: -.inf, throughput: .nan}\n', noReferences));
    const text = errors.map((e) => e.message).join('\n');
    expect(text).toMatch(/requirements\.ttft: must be a finite number, got -Infinity/);
    expect(text).toMatch(/requirements\.throughput: must be a finite number, got NaN/);
    expect(text).not.toMatch(/Infinity ms|NaN tokens/);
  });

  test('a YAML collection a plan never uses (!!omap) names where it is', () => {
    const errors = errorsOf(loadPlan('a.plan.yaml', 'version: 1\nmodel: !!omap\n  - preset: llama-3.1-8b\n', noReferences));
    expect(errors.map((e) => e.message).join('\n')).toMatch(/model\[0\]: a YAML collection of a kind a plan does not use/);
  });

  test.each([
    ['!!float 1024', 1024],
    ['!!float 1024.', 1024],
    ['!!float 1e3', 1000],
    ['!!int 1024', 1024],
  ])('%s is the number YAML 1.2 makes of it', (written, value) => {
    const loaded = loadedOf(loadPlan('a.plan.yaml', plan(`workload:\n  input_tokens: ${written}\n`), noReferences));
    expect(loaded.plan.workload.input_tokens).toBe(value);
  });

  test('!!float on a word stays a string, refused where a number belongs', () => {
    const errors = errorsOf(loadPlan('a.plan.yaml', plan('workload:\n  input_tokens: !!float many\n'), noReferences));
    expect(errors.map((e) => e.message).join('\n')).toMatch(/workload\.input_tokens: must be a whole number .*got the string "many"/);
  });

  test('!!binary is said to be binary data, not a type name of the runtime', () => {
    const errors = errorsOf(loadPlan('a.plan.yaml', 'version: 1\nmodel: {preset: !!binary aGVsbG8=}\n', noReferences));
    expect(errors.map((e) => e.message).join('\n')).toMatch(/model\.preset: must be a string, got binary data \(!!binary\)/);
    expect(errors.map((e) => e.message).join('\n')).not.toContain('Buffer');
  });

  test.each(['https://huggingface.co/x/y/resolve/main/config.json', 'hf://x/y', ' s3://bucket/config.json', 'file:/etc/passwd', 'hf:meta-llama/Llama-3.1-8B'])(
    'a URL as a reference (%s) is never fetched, and the error says so',
    (url) => {
      let asked = 0;
      const read = () => {
        asked++;
        return { error: 'does not exist' };
      };
      const errors = errorsOf(loadPlan('a.plan.yaml', `version: 1\nmodel: {hf_config: "${url}"}\n`, read));
      expect(asked).toBe(0);
      expect(errors.map((e) => e.message).join('\n')).toMatch(/it is a URL, and references are never fetched/);
    },
  );
});
