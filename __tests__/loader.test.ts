import { describe, expect, test } from 'vitest';
import { loadPlan } from '../src/plan/load.js';
import { errorsOf, fixture, lineOf, loadedOf, noReferences, readFixtureReference } from './loader-helpers.js';

const GB = 1e9;
const GiB = 1024 ** 3;

describe('the contract example (plan-format.md, copied verbatim)', () => {
  const text = fixture('contract-example.plan.yaml');
  const loaded = loadedOf(loadPlan('plans/seed.plan.yaml', text, () => ({ text: fixture('tiny-config.json') })));
  const { plan, lines } = loaded;

  test('values in SI base units', () => {
    expect(plan.name).toBe('moe-10b-on-4-gpus');
    expect(plan.model.params).toBe(10e9); // 10B
    expect(plan.hardware.memory).toBe(64 * GB); // 64 GB, powers of 1000
    expect(plan.hardware.peak_tflops).toBe(400e12); // 400 TFLOPS stored as FLOP/s
    expect(plan.hardware.memory_bandwidth).toBe(1.8e12); // 1.8 TB/s
    expect(plan.hardware.intra_node_bandwidth).toBe(450e9);
    expect(plan.hardware.inter_node_bandwidth).toBe(50e9);
    expect(plan.requirements.throughput).toBe(100_000); // 100 tokens/ms
    expect(plan.requirements.ttft).toBe(10);
    expect(plan.requirements.tpot).toBeCloseTo(0.05, 15); // 50 ms
    expect(plan.claims.throughput).toBe(850_000); // 850 tokens/ms
    expect(plan.claims.memory_per_gpu).toBe(15 * GB);
    expect(plan.claims.ttft).toBe(2);
    expect(plan.parallelism.layers_per_stage).toEqual([8, 8]);
    expect(plan.model.weight_dtypes).toEqual({ attention: 'bf16', mlp: 'fp8', experts: 'fp4', embeddings: 'bf16' });
    expect(plan.workload.speculative).toEqual({ method: 'mtp', tokens: 1, acceptance_length: 1.7 });
  });

  test('the explicit fields beat hf_config and the preset', () => {
    // tiny-config.json says 8 layers, the mixtral-8x7b preset 32; the plan says 16
    expect(plan.model.layers).toBe(16);
    expect(plan.model.moe?.experts).toBe(16);
    expect(loaded.origins['model.layers']).toBeUndefined();
  });

  test('the line of every key, sections included', () => {
    const expectations: [string, RegExp][] = [
      ['version', /^version: 1/],
      ['model', /^model:/],
      ['model.layers', /^ {2}layers: 16/],
      ['model.mla.kv_lora_rank', /kv_lora_rank: 512/],
      ['model.moe.top_k', /top_k: 2/],
      ['hardware.memory', /^ {2}memory: 64 GB/],
      ['hardware.efficiency.network', /network: 0.7/],
      ['parallelism.layers_per_stage', /layers_per_stage: \[8, 8\]/],
      ['parallelism.cp', /^ {2}cp: 1/],
      ['workload.speculative.acceptance_length', /acceptance_length: 1.7/],
      ['requirements.tpot', /tpot: 50 ms/],
      ['claims', /^claims:/],
      ['claims.throughput', /throughput: 850 tokens\/ms/],
      ['claims.compute_utilization', /compute_utilization: 0.12/],
    ];
    for (const [path, pattern] of expectations) expect([path, lines[path]]).toEqual([path, lineOf(text, pattern)]);
  });

  test('no defaults are applied (the core tells given facts from assumed ones)', () => {
    const bare = loadedOf(loadPlan('x/bare.plan.yaml', 'version: 1\nmodel:\n  hidden_size: 4096\n  heads: 32\n', noReferences));
    expect(bare.plan.model.head_dim).toBeUndefined();
    expect(bare.plan.parallelism.dp).toBeUndefined();
    expect(bare.plan.workload.max_input_tokens).toBeUndefined();
    expect(bare.plan.name).toBe('bare'); // the only default: the file's base name
  });
});

describe('JSON plans', () => {
  const text = fixture('json-plan.plan.json');
  const loaded = loadedOf(loadPlan('plans/json-plan.plan.json', text, noReferences));

  test('unit keys, bits and aliases', () => {
    const { plan } = loaded;
    expect(plan.name).toBe('json-plan');
    expect(plan.hardware.memory).toBe(80 * GiB); // memory_gib: 80 = 85899345920
    expect(plan.hardware.memory).toBe(85_899_345_920);
    expect(plan.hardware.peak_tflops).toBe(989e12);
    expect(plan.hardware.memory_bandwidth).toBe(3.35e12);
    expect(plan.hardware.inter_node_bandwidth).toBe(50e9); // 400 Gb/s = 50 GB/s
    expect(plan.workload.input_tokens).toBe(1024);
    expect(plan.workload.output_tokens).toBe(128);
    expect(plan.requirements.ttft).toBeCloseTo(0.5, 15);
    expect(plan.requirements.tpot).toBeCloseTo(0.03, 15);
    expect(plan.requirements.throughput).toBe(5000);
    expect(plan.claims.memory_per_gpu).toBe(60 * GiB);
    expect(plan.claims.kv_cache_capacity_tokens).toBe(200_000);
  });

  test('lines under canonical paths', () => {
    expect(loaded.lines['workload.input_tokens']).toBe(lineOf(text, /"isl"/));
    expect(loaded.lines['requirements.tpot']).toBe(lineOf(text, /"itl_ms"/));
    expect(loaded.lines['hardware.memory']).toBe(lineOf(text, /"memory_gib"/));
    expect(loaded.lines['workload.isl']).toBeUndefined();
  });

  test('the preset fills what the plan leaves out, with its origin', () => {
    // Llama-3.1-8B config.json: 32 layers, hidden 4096, 32 heads, 8 KV heads, vocab 128256
    expect(loaded.plan.model).toMatchObject({ layers: 32, hidden_size: 4096, heads: 32, kv_heads: 8, vocab_size: 128256 });
    expect(loaded.plan.model.weight_dtype).toBe('fp8'); // the plan's own choice beats the preset's bf16
    expect(loaded.origins['model.layers']).toBe('preset:llama-3.1-8b');
    expect(loaded.origins['model.weight_dtype']).toBeUndefined();
  });

  test('a JSON syntax error has its line', () => {
    const bad = '{\n  "version": 1,\n  "model": {\n    "layers": 32,,\n  }\n}\n';
    const errors = errorsOf(loadPlan('bad.plan.json', bad, noReferences));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.line).toBe(4);
  });
});

describe('a file with ten different mistakes', () => {
  const text = fixture('ten-mistakes.plan.yaml');
  const errors = errorsOf(loadPlan('plans/ten-mistakes.plan.yaml', text, noReferences));
  // [path, line found by the mistake's comment number, words the message must contain]
  const expected: [string, number, RegExp][] = [
    ['model.layrs', lineOf(text, /# 1:/), /unknown key 'layrs' \(did you mean 'layers'\?\)/],
    ['model.heads', lineOf(text, /# 2:/), /must be a whole number from 1 to 65536, got 2.5/],
    ['model.attention', lineOf(text, /# 3:/), /must be one of mha, gqa, mqa, mla, got the string "gqx" \(did you mean 'gqa'\?\)/],
    ['hardware.memory', lineOf(text, /# 4:/), /plain number needs a unit.*GiB/],
    ['hardware.memory_bandwidth', lineOf(text, /# 5:/), /unknown unit 'TB\/x'; accepted units: .*TB\/s/],
    ['hardware.efficiency.compute', lineOf(text, /# 6:/), /greater than 0 and at most 1, got 1.5/],
    ['parallelism.tp', lineOf(text, /# 7:/), /whole number from 1 to 65536, got the string "2"/],
    ['parallelism.layers_per_stage', lineOf(text, /# 8:/), /\[1\]: must be a whole number from 1 to/],
    ['workload.max_input_tokens', lineOf(text, /# 9:/), /must be at least workload.input_tokens \(2048\), got 100/],
    ['claims.tpot', lineOf(text, /# 10:/), /'tpot' \(line \d+\) already sets claims.tpot/],
  ];

  test('exactly ten errors', () => {
    expect(errors.map((e) => e.message)).toHaveLength(10);
  });

  test.each(expected)('%s at its line', (path, line, words) => {
    const error = errors.find((e) => e.path === path);
    expect(error, `no error for ${path}: ${JSON.stringify(errors)}`).toBeDefined();
    expect(error?.line).toBe(line);
    expect(error?.message).toMatch(words);
    expect(error?.message.startsWith(path.split('.')[0] ?? '')).toBe(true); // self-contained: names the key
  });

  test('no stack traces, in file order', () => {
    for (const e of errors) expect(e.message).not.toMatch(/\n\s+at |Error:/);
    const lineNumbers = errors.map((e) => e.line ?? 0);
    expect(lineNumbers).toEqual([...lineNumbers].sort((a, b) => a - b));
  });
});

describe('did you mean', () => {
  const cases: [string, string, string][] = [
    ['version: 1\nhardwre:\n  gpus: 2\n', 'hardwre', 'hardware'],
    ['version: 1\nmodel:\n  hiden_size: 4096\n', 'model.hiden_size', 'hidden_size'],
    ['version: 1\nhardware:\n  memroy_gib: 80\n', 'hardware.memroy_gib', 'memory_gib'],
    ['version: 1\nworkload:\n  ils: 100\n', 'workload.ils', 'isl'],
    ['version: 1\nparallelism:\n  pt: 2\n', 'parallelism.pt', 'tp'], // a transposition is one edit
    ['version: 1\nclaims:\n  tftt_ms: 2\n', 'claims.tftt_ms', 'ttft_ms'],
  ];
  test.each(cases)('%j', (text, path, suggestion) => {
    const [error] = errorsOf(loadPlan('t.plan.yaml', text, noReferences));
    expect(error?.path).toBe(path);
    expect(error?.message).toContain(`did you mean '${suggestion}'?`);
    expect(error?.line).toBe(lineOf(text, new RegExp(path.split('.').pop() as string)));
  });

  test('a key in the wrong section is pointed to its section', () => {
    const text = 'version: 1\nmodel:\n  gpus: 8\nhardware:\n  tp: 2\n';
    const errors = errorsOf(loadPlan('t.plan.yaml', text, noReferences));
    expect(errors.map((e) => e.message)).toEqual([
      "model.gpus: unknown key 'gpus' (it belongs in hardware: hardware.gpus)",
      "hardware.tp: unknown key 'tp' (it belongs in parallelism: parallelism.tp)",
    ]);
  });

  test('a key far from every known key: no guess, the keys its section knows (the contract: the nearest known key)', () => {
    const [error] = errorsOf(loadPlan('t.plan.yaml', 'version: 1\nmodel:\n  zzzzzzzz: 1\n', noReferences));
    expect(error?.message).not.toContain('did you mean');
    expect(error?.message).toMatch(/unknown key 'zzzzzzzz' \(known keys here: [a-z_]+(, [a-z_]+)*(, and \d+ more)?\)$/);
  });
});

describe('aliases and unit keys', () => {
  test('isl/osl and itl land on canonical paths with their lines', () => {
    const text = 'version: 1\nworkload:\n  isl: 1000\n  osl: 200\nrequirements:\n  itl: 40 ms\nclaims:\n  itl_ms: 35\n';
    const loaded = loadedOf(loadPlan('a.plan.yaml', text, noReferences));
    expect(loaded.plan.workload).toEqual({ input_tokens: 1000, output_tokens: 200 });
    expect(loaded.plan.requirements.tpot).toBeCloseTo(0.04, 15);
    expect(loaded.plan.claims.tpot).toBeCloseTo(0.035, 15);
    expect(loaded.lines['workload.output_tokens']).toBe(4);
    expect(loaded.lines['claims.tpot']).toBe(8);
  });

  test('a key and its alias, or a key and its unit variant, are an error', () => {
    const text = 'version: 1\nworkload:\n  input_tokens: 1000\n  isl: 1000\nhardware:\n  memory: 80 GiB\n  memory_gib: 80\n';
    const errors = errorsOf(loadPlan('a.plan.yaml', text, noReferences));
    expect(errors.map((e) => [e.path, e.line])).toEqual([
      ['workload.input_tokens', 4],
      ['hardware.memory', 7],
    ]);
  });

  test('a unit key takes a plain number only', () => {
    const [error] = errorsOf(loadPlan('a.plan.yaml', 'version: 1\nhardware:\n  memory_gib: 80 GiB\n', noReferences));
    expect(error?.message).toMatch(
      /^hardware.memory \(written memory_gib\): takes a plain number in GiB, got the string "80 GiB"; for a string with a unit write memory: "80 GiB"$/,
    );
  });

  test('dtype spellings', () => {
    const text = 'version: 1\nmodel:\n  weight_dtype: bfloat16\n  kv_cache_dtype: fp8_e4m3\n  weight_dtypes:\n    experts: MXFP4\n    attention: float16\n';
    const { plan } = loadedOf(loadPlan('a.plan.yaml', text, noReferences));
    expect(plan.model.weight_dtype).toBe('bf16');
    expect(plan.model.kv_cache_dtype).toBe('fp8');
    expect(plan.model.weight_dtypes).toEqual({ experts: 'fp4', attention: 'fp16' });
  });
});

describe('version, types and ranges', () => {
  const one = (text: string) => errorsOf(loadPlan('a.plan.yaml', text, noReferences));
  test.each([
    ['model:\n  layers: 2\n', /version: missing/],
    ['version: 2\n', /version: must be 1 or 1.1, got 2/],
    ['version: "1"\n', /version: must be 1 or 1.1, got the string "1"/],
    ['version: 1.2\n', /version: must be 1 or 1.1, got 1.2/],
    ['- version: 1\n', /the file: must be a map of keys/],
    ['', /the file is empty/],
    ['version: 1\nmodel: [1, 2]\n', /model: must be a map of keys .*got a list/],
    ['version: 1\nparallelism:\n  tp: 0\n', /parallelism.tp: must be a whole number from 1 to 65536, got 0$/],
    ['version: 1\nparallelism:\n  tp: -0\n', /parallelism.tp: .* got -0$/],
    ['version: 1\nparallelism:\n  layers_per_stage: 8\n', /must be a list of whole numbers, got 8/],
    ['version: 1\nhardware:\n  gpus: 1e30\n', /hardware.gpus: must be a whole number from 1 to 1048576, got 1e\+30/],
    ['version: 1\nhardware:\n  gpus: .nan\n', /hardware.gpus: .* got NaN/],
    ['version: 1\nhardware:\n  gpus: .inf\n', /hardware.gpus: .* got Infinity/],
    ['version: 1\nmodel:\n  params: 1152921504606846976\n', /model.params: must be a whole number from 1 to 1000000000000000, got 1152921504606847000/],
    ['version: 1\nmodel:\n  params: 1e308\n', /model.params: must be a whole number/],
    ['version: 1\nmodel:\n  params: 10X\n', /model.params: .*K, M, B, T.*got the string "10X"/],
    ['version: 1\nmodel:\n  tied_embeddings: yes\n', /must be true or false, got the string "yes"/],
    ['version: 1\nname: 42\n', /name: must be a string, got 42/],
    ['version: 1\nhardware:\n  memory: 64 Gb\n', /'Gb' is bits/],
    ['version: 1\nhardware:\n  memory_bandwidth: 3.35 tb/s\n', /memory_bandwidth: 'tb\/s' is ambiguous: write TB\/s for bytes per second .* or Tb\/s for bits/],
    ['version: 1\nhardware:\n  memory: -5 GB\n', /hardware.memory: must be greater than 0 bytes/],
    // a number in the key's unit is shown in that unit, and in the range's where they differ
    ['version: 1\nhardware:\n  peak_tflops: 1e18\n', /peak_tflops: must be .* FLOP\/s, got 1000000000000000000 TFLOPS \(1e\+30 FLOP\/s\)$/],
    ['version: 1\nrequirements:\n  ttft: 2\n', /requirements.ttft: a plain number needs a unit: write e.g. "2 ms" or ttft_ms: 2/],
    ['version: 1\nworkload:\n  memory_reserve: 1\n', /memory_reserve: must be a number from 0 to less than 1, got 1/],
    ['version: 1\nworkload:\n  speculative:\n    tokens: 2\n    acceptance_length: 3.5\n', /at most tokens \+ 1 = 3/],
    ['version: 1\nworkload:\n  output_tokens: 500\n  max_output_tokens: 100\n', /max_output_tokens: must be at least workload.output_tokens \(500\)/],
  ])('%j', (text, message) => {
    const errors = one(`${text}`);
    expect(errors.map((e) => e.message).join('\n')).toMatch(message);
  });

  test.each(['---\n', 'null\n', '~\n', '--- ~\n', '---\n...\n', 'Null'])(
    'a file of one null value (%j) is a plan without version, an error on line 1',
    (text) => {
      const result = loadPlan('a.plan.yaml', text, noReferences);
      expect(result.ok).toBe(false);
      expect(errorsOf(result)).toEqual([
        { message: 'version: missing; a plan must start with version: 1 (the file holds one empty value)', path: 'version', line: 1 },
      ]);
    },
  );

  test('version 1.1, the contract revision a plan may be written to, reads as version 1', () => {
    const text = 'model: {preset: llama-3.1-8b}\nhardware: {preset: h100-sxm, gpus: 1}\nworkload: {concurrency: 8, input_tokens: 512, output_tokens: 64}\n';
    const one = loadedOf(loadPlan('a.plan.yaml', `version: 1\n${text}`, noReferences));
    const revised = loadedOf(loadPlan('a.plan.yaml', `version: 1.1\n${text}`, noReferences));
    expect(revised.plan.version).toBe(1);
    expect(revised.plan).toEqual(one.plan);
  });

  test('a zero shared-expert count is fine, -0 included', () => {
    const { plan } = loadedOf(loadPlan('a.plan.yaml', 'version: 1\nmodel:\n  moe:\n    shared_experts: -0\n', noReferences));
    expect(Object.is(plan.model.moe?.shared_experts, 0)).toBe(true);
  });

  test('an empty section is an empty section', () => {
    const { plan } = loadedOf(loadPlan('a.plan.yaml', 'version: 1\nclaims:\n', noReferences));
    expect(plan.claims).toEqual({});
  });

  test('the name defaults to the base name without the plan extension', () => {
    for (const [file, name] of [
      ['a/b/llama.plan.yml', 'llama'],
      ['x.json', 'x'],
      ['c\\d\\e.plan.yaml', 'e'],
    ]) {
      expect(loadedOf(loadPlan(file as string, 'version: 1\n', noReferences)).plan.name).toBe(name);
    }
  });

  test('duplicate keys are reported with the other mistakes', () => {
    const text = 'version: 1\nparallelism:\n  tp: 2\n  tp: 4\n  pp: 0\n';
    const errors = errorsOf(loadPlan('a.plan.yaml', text, noReferences));
    expect(errors.map((e) => [e.path, e.line])).toEqual([
      ['parallelism.tp', 4],
      ['parallelism.pp', 5],
    ]);
    expect(errors[0]?.message).toMatch(/^parallelism.tp: duplicate key 'tp'/);
  });
});

describe('references through readFixtureReference', () => {
  test('the fixture reader finds the config', () => {
    expect('text' in readFixtureReference('p.plan.yaml', './tiny-config.json')).toBe(true);
  });
});
