import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { planJsonSchema } from '../src/plan/schema.js';
import { fixture } from './loader-helpers.js';

const SCHEMA_FILE = fileURLToPath(new URL('../schema/plan.schema.json', import.meta.url));
const generated = `${JSON.stringify(planJsonSchema(), null, 2)}\n`;

describe('schema/plan.schema.json', () => {
  test('is up to date with src/plan/schema.ts', () => {
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, generated);
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed === generated, 'schema/plan.schema.json is stale: run UPDATE_SCHEMA=1 npx vitest run __tests__/schema.test.ts and commit it').toBe(true);
  });
});

describe('the generated JSON Schema agrees with the loader', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(planJsonSchema());

  test('accepts the contract example and the JSON plan', () => {
    for (const data of [parse(fixture('contract-example.plan.yaml')), JSON.parse(fixture('json-plan.plan.json'))]) {
      const ok = validate(data);
      expect(ok, JSON.stringify(validate.errors)).toBe(true);
    }
  });

  test('rejects the mistakes the loader rejects', () => {
    const bad: unknown[] = [
      { version: 2 },
      {},
      { version: 1, model: { layrs: 32 } },
      { version: 1, model: { heads: 2.5 } },
      { version: 1, model: { attention: 'gqx' } },
      { version: 1, hardware: { memory: 80 } },
      { version: 1, hardware: { memory: '64 Gb' } },
      { version: 1, hardware: { memory_bandwidth: '3.35 TB/x' } },
      { version: 1, hardware: { efficiency: { compute: 1.5 } } },
      { version: 1, hardware: { gpus: 1e30 } },
      { version: 1, parallelism: { tp: '2' } },
      { version: 1, parallelism: { layers_per_stage: [16, 0] } },
      { version: 1, requirements: { ttft: 2 } },
      { version: 1, requirements: { ttft_ms: '2 ms' } },
      { version: 1, claims: { __proto__x: 1 } },
    ];
    for (const data of bad) expect([data, validate(data)]).toEqual([data, false]);
  });

  test('accepts units, unit keys, aliases and suffixed counts', () => {
    const good = {
      version: 1,
      model: { params: '671B', weight_dtype: 'bfloat16' },
      hardware: { memory_gib: 80, peak_tflops: '1.9 PFLOPS', inter_node_bandwidth: '400 Gbps', memory_bandwidth_tbps: 3.35 },
      workload: { isl: 1000, osl: 100 },
      requirements: { itl: '30 ms', throughput: '100 tokens/ms' },
      claims: { ttft_s: 2, memory_per_gpu: '70 GiB' },
    };
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
  });
});
