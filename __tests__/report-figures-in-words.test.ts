// What a report says in words must agree with its figures. Found by a new user's review: a lower
// limit read as an upper one (a balance row "75.9% | ≤ 70% | 8.4% short" that passed), a formula
// beside a figure it does not give, a figure and its range in different units.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type BudgetInputs, deviceBudget } from '../src/core/engine-memory.js';
import type { Check, PlanReport } from '../src/core/types.js';
import { verifyLoadedPlan } from '../src/core/verify.js';
import { checkFigures, marginText, targetText } from '../src/report/check-roles.js';
import { renderPlanMarkdown } from '../src/report/markdown.js';
import { roundFine } from '../src/core/figures.js';
import { GIB, load, verify } from './core-helpers.js';

/** A capacity check as the core writes it: value = our figure, limit = its threshold. */
const capacity = (id: string, value: number, limit: number, status: Check['status'] = 'pass'): Check => ({
  id,
  status,
  title: id,
  value,
  limit,
  unit: id === 'memory.fits' ? 'GiB' : id.endsWith('expert_balance') ? 'ratio' : 'fraction',
  detail: '',
});
const cells = (c: Check) => {
  const f = checkFigures(c)!;
  return { target: targetText(c, f), margin: marginText(c, f) };
};

describe('checks with a lower limit', () => {
  it('the prefill/decode balance is held over its 70%: "≥ 70%", and busier than that is headroom', () => {
    // p08's 2P1D: the decode pool makes 75.9% of the tokens it could, the check passes
    expect(cells(capacity('disaggregation.balance', 0.759, 0.7))).toEqual({ target: '≥ 70%', margin: '8.4% headroom' });
    // a pool idle 50% of the time: short of the 70% by 2/7
    expect(cells(capacity('disaggregation.balance', 0.5, 0.7, 'warn'))).toEqual({ target: '≥ 70%', margin: '29% short' });
  });

  it('upper limits keep theirs: expert and stage balance, memory', () => {
    expect(cells(capacity('decode.layout.expert_balance', 1.14, 1.25))).toEqual({ target: '≤ 125%', margin: '8.8% headroom' });
    expect(cells(capacity('layout.stage_balance', 1.1, 1.05, 'warn'))).toEqual({ target: '≤ 105%', margin: '4.8% short' });
    expect(cells(capacity('memory.fits', 37.6, 129.5))).toEqual({ target: '≤ 129.5 GiB usable', margin: '71% headroom for one longest request' });
  });
});

/** DeepSeek-R1 on 32 H200 as 2P1D (the review's p08). */
const r1 = (): PlanReport => verifyLoadedPlan(load(readFileSync('__tests__/fixtures/plans/r1-2p1d-h200.plan.yaml', 'utf8'), 'r1-2p1d-h200.plan.yaml'));

describe('end to end: the plans of the review', () => {
  it('DeepSeek-R1 2P1D on H200: the balance row reads ≥ 70% with headroom', () => {
    const report = r1();
    const balance = report.checks.find((c) => c.id === 'disaggregation.balance')!;
    expect(balance.status).toBe('pass');
    expect(balance.value!).toBeGreaterThan(0.7);
    expect(renderPlanMarkdown(report)).toMatch(/\| [\d.]+% \| ≥ 70% \| [\d.]+% headroom \| 2P1D:/);
  });
});

// Every formula quoted gives the number beside it: "of the 69.31 GiB SGLang may use (SGLang: 0.85 x
// 76.67 GiB free after initialisation - 32.86 GiB weights)" gave 32.31 GiB, the KV pool.

/** The value of "0.85 x 76.67 GiB free after initialisation - 32.86 GiB weights": numbers, x before + and -. */
function evaluate(formula: string): number {
  const tokens = formula.match(/\d[\d.]*|(?<=\s)[x+-](?=\s)/g) ?? [];
  let total = 0;
  let sign = 1;
  let product: number | null = null;
  for (const t of tokens) {
    if (t === '+' || t === '-') {
      total += sign * (product ?? 0);
      sign = t === '+' ? 1 : -1;
      product = null;
    } else if (t !== 'x') product = (product ?? 1) * Number(t);
  }
  return total + sign * (product ?? 0);
}

/** Checks a memory.fits detail: the parts add up to what the engine may use, and the pool's formula gives the pool. */
function expectFormulasAddUp(detail: string): void {
  const m = /of the ([\d.]+) GiB \S+ may use \((.+?), the pool being (.+?)\)(?:[;:]|$)/.exec(detail);
  expect(m, detail).not.toBeNull();
  const [, usable, sum, formula] = m!;
  const terms = sum!.split(/ (?=[+-] )/).map((t) => Number(/([\d.]+) GiB/.exec(t)![1]) * (t.startsWith('- ') ? -1 : 1));
  expect(terms).toHaveLength(4);
  const pool = terms[3]!;
  // each figure is rounded to 0.01 GiB: a sum of four is within 0.02 of the rounded total
  expect(Math.abs(terms.reduce((a, b) => a + b, 0) - Number(usable))).toBeLessThanOrEqual(0.02 + 1e-9);
  expect(Math.abs(evaluate(formula!) - pool)).toBeLessThanOrEqual(0.02 + 1e-9);
}

describe('what the engine may use, in words (memory.fits)', () => {
  const inputs = (engine: BudgetInputs['engine'], memoryFraction: number, weightsGib = 32.86): BudgetInputs => ({
    engine,
    memoryFraction,
    capacity: 139.8 * GIB,
    weights: weightsGib * GIB,
    activations: 0.58 * GIB,
    group: 4,
    device: { capacity: 139.8 * GIB, name: 'nvidia h200', switchedFabric: true, fp4Math: false },
    cudaGraphs: true,
    runtimeOverride: null,
  });

  for (const [engine, fraction] of [
    ['vllm', 0.9],
    ['sglang', 0.85],
    ['trtllm', 0.9],
  ] as const) {
    it(`${engine}: the sum of weights, activations, buffers and KV pool is what it may use; the formula is the pool's`, () => {
      const b = deviceBudget(inputs(engine, fraction));
      expectFormulasAddUp(`of the ${(b.usable / GIB).toFixed(2)} GiB engine may use (${b.rule})`);
      expect(Math.abs(evaluate(/the pool being (.+)$/.exec(b.rule)![1]!) - b.pool / GIB)).toBeLessThan(0.02);
    });
  }

  it('a pool the device cannot hold: the sum takes what it can, and says the formula gave more', () => {
    const b = deviceBudget(inputs('sglang', 1, 20));
    expect(b.usable).toBeLessThanOrEqual(139.8 * GIB + 1);
    expect(b.rule).toMatch(
      /KV pool, the rest of the device: the pool would be 1 x [\d.]+ GiB free after initialisation - 20\.00 GiB weights = [\d.]+ GiB, more than the device holds$/,
    );
  });

  // A pool below zero was a negative term of the sum ("... + 0.25 GiB runtime and buffers - 63.18 GiB
  // KV pool: the pool ... is negative"); now the rule says what exceeds what, and the figures still add up.
  it('vLLM, weights alone over the fraction: "the weights alone exceed it", with what else it reserves', () => {
    const b = deviceBudget({ ...inputs('vllm', 0.9, 131.42), capacity: 79.19 * GIB, group: 1 });
    expect(b.pool).toBeLessThan(0);
    expect(b.usable / GIB).toBeCloseTo(0.9 * 79.19, 6);
    expect(b.rule).toBe(
      '0.9 x 79.19 GiB: the weights alone, 131.42 GiB, exceed it, before the 0.58 GiB profiled activations and 0.25 GiB runtime and buffers outside PyTorch that the engine also reserves, so no KV cache is left',
    );
    expect(b.rule).not.toMatch(/ - [\d.]+ GiB KV pool|negative/);
  });

  it('vLLM, weights under the fraction but not with the rest: the parts and their sum exceed it', () => {
    const b = deviceBudget(inputs('vllm', 0.5, 68));
    expect(b.pool).toBeLessThan(0);
    expect(b.rule).toMatch(
      /^0\.5 x 139\.80 GiB: the weights, profiled activations and runtime and buffers outside PyTorch \(68\.00 \+ 0\.58 \+ ([\d.]+) = ([\d.]+) GiB\) exceed it, so no KV cache is left$/,
    );
    const [, buffers, total] = /\(68\.00 \+ 0\.58 \+ ([\d.]+) = ([\d.]+) GiB\)/.exec(b.rule)!;
    expect(Math.abs(68 + 0.58 + Number(buffers) - Number(total))).toBeLessThanOrEqual(0.01);
    expect(Number(total)).toBeGreaterThan(0.5 * 139.8);
  });

  it('SGLang, weights over its share: the share and what it keeps beside it add up to what it may use', () => {
    const b = deviceBudget(inputs('sglang', 0.5, 90));
    expect(b.pool).toBeLessThan(0);
    const m =
      /^0\.5 x ([\d.]+) GiB free after initialisation for weights and KV cache \(([\d.]+) GiB\), plus 0\.58 GiB activations and ([\d.]+) GiB runtime and buffers beside it: the weights alone, 90\.00 GiB, exceed the \2 GiB, so no KV cache is left$/.exec(
        b.rule,
      );
    expect(m, b.rule).not.toBeNull();
    expect(Math.abs(Number(m![2]) + 0.58 + Number(m![3]) - b.usable / GIB)).toBeLessThanOrEqual(0.02);
  });

  it('TensorRT-LLM, weights over the device: the whole device is the limit', () => {
    const b = deviceBudget(inputs('trtllm', 0.9, 150));
    expect(b.usable / GIB).toBeCloseTo(139.8, 6);
    expect(b.rule).toMatch(
      /^the whole device, 139\.80 GiB: the weights alone, 150\.00 GiB, exceed it, before the 0\.58 GiB activations and [\d.]+ GiB runtime and buffers that the engine also reserves, so no KV cache is left$/,
    );
  });
});

describe("memory.fits when no request can run (the review's p10: Llama 3.1 70B in bf16 on one H100)", () => {
  it('says the weights alone exceed what vLLM may use, with the figures, and no negative term', () => {
    const report = verifyLoadedPlan(
      load(
        'version: 1\nmodel: {preset: llama-3.1-70b}\nhardware: {preset: h100-sxm, gpus: 1}\nparallelism: {tp: 1}\ndeployment: {engine: vllm}\nworkload: {concurrency: 8, input_tokens: 1000, output_tokens: 200}\n',
      ),
    );
    const fits = report.checks.find((c) => c.id === 'memory.fits')!;
    expect(fits.status).toBe('fail');
    expect(fits.detail).toMatch(
      /of the 71\.27 GiB vLLM may use \(0\.9 x 79\.19 GiB: the weights alone, 131\.45 GiB, exceed it, before the [\d.]+ GiB profiled activations and [\d.]+ GiB runtime and buffers outside PyTorch that the engine also reserves, so no KV cache is left\): not even one request of this length can run$/,
    );
    expect(fits.detail).not.toMatch(/KV pool|negative/);
  });
});

/** Llama 3.1 70B on 4 H200 under `engine` (the review's p11 and its siblings). */
const llama70b = (engine: string, fraction: number) => `version: 1
model:
  preset: llama-3.1-70b
hardware:
  preset: h200
  gpus: 4
parallelism:
  tp: 4
deployment:
  engine: ${engine}
workload:
  concurrency: 64
  input_tokens: 1024
  output_tokens: 1024
  max_input_tokens: 4096
  max_output_tokens: 4096
  memory_fraction: ${fraction}
requirements:
  ttft: 800 ms
  throughput: 500000 tokens/s
`;
const ENGINES = ['vllm', 'sglang', 'trtllm'] as const;
const llama70bReport = (engine: string): PlanReport => verify(llama70b(engine, engine === 'sglang' ? 0.85 : 0.9));

describe('end to end: what the engine may use', () => {
  it('DeepSeek-R1 2P1D on H200: both pools', () => {
    const report = r1();
    for (const id of ['prefill.memory.fits', 'decode.memory.fits']) expectFormulasAddUp(report.checks.find((c) => c.id === id)!.detail);
  });
  for (const engine of ENGINES) {
    it(`Llama 3.1 70B on 4 H200 under ${engine}`, () => {
      expectFormulasAddUp(llama70bReport(engine).checks.find((c) => c.id === 'memory.fits')!.detail);
    });
  }
});

// A figure and its range share one unit, the figure's; token rates in tokens/s: "estimate 12.3
// tokens/ms (range 7592 tokens/s to 19.8 tokens/ms) meets 10.0 tokens/ms" for a plan that wrote
// 10000 tokens/s, and "estimate 5052.67 s (range 3800.44 s to 11311.16 s)".
describe('end to end: one unit per figure and its range', () => {
  it('DeepSeek-R1 2P1D on H200: the throughput in tokens/s throughout', () => {
    const tput = r1().checks.find((c) => c.id === 'requirements.throughput')!;
    expect(tput.detail).not.toContain('tokens/ms');
    expect(tput.detail).toMatch(/^at risk: estimate [\d.]+k tokens\/s \(range [\d.]+k to [\d.]+k tokens\/s\) meets 10\.0k tokens\/s,/);
  });

  for (const engine of ENGINES) {
    it(`Llama 3.1 70B on 4 H200 under ${engine}: a requirement the bound rules out stays in tokens/s`, () => {
      // "required 500.0 tokens/ms"
      expect(llama70bReport(engine).checks.find((c) => c.id === 'requirements.throughput')!.detail).toMatch(/required 500k tokens\/s/);
    });
  }

  it('a p99 TTFT past 100 s is shown in minutes, its range in the same unit', () => {
    const report = verify(`version: 1
model:
  preset: deepseek-v3
  kv_cache_dtype: fp8
hardware:
  preset: h200
  gpus: 16
  gpus_per_node: 8
parallelism:
  tp: 1
  dp: 16
  ep: 16
deployment:
  engine: sglang
workload:
  request_rate: 20/s
  burstiness: 0.7
  input_tokens: 4000
  output_tokens: 800
  max_input_tokens: 16000
  max_output_tokens: 4000
  memory_fraction: 0.8
requirements:
  ttft_p99: 5 s
`);
    const ttft = report.checks.find((c) => c.id === 'requirements.ttft_p99')!;
    expect(ttft.limit!).toBeGreaterThan(100_000); // ms: past 100 s
    expect(ttft.detail).toMatch(/^estimate [\d.]+ (min|h) \(range [\d.]+ to [\d.]+ (min|h)\) misses 5\.00 s /);
    expect(ttft.detail).not.toMatch(/\d{3,}(\.\d+)? s\b/);
  });
});

describe('a figure too small for its decimals', () => {
  it('a required or claimed 1e-300 keeps 3 significant digits in the check, never 0 beside its estimate', () => {
    const r = verify(`
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1}
workload: {concurrency: 4, input_tokens: 512, output_tokens: 128}
requirements: {ttft: 1e-300 s}
claims: {memory_per_gpu: 1e-300 GB}
`);
    const ttft = r.checks.find((c) => c.id === 'requirements.ttft')!;
    expect(ttft.value).toBeCloseTo(1e-297, 310);
    expect(ttft.value).toBeGreaterThan(0);
    expect(r.checks.find((c) => c.id === 'claims.memory_per_gpu')!.value).toBeGreaterThan(0);
  });
});

describe('roundFine', () => {
  it('keeps 3 significant digits of the smallest double without overflowing 10^decimals (it read NaN)', () => {
    expect(roundFine(5e-324, 4, 3)).toBe(5e-324);
    expect(roundFine(1.23456e-300, 4, 3)).toBe(1.23e-300);
    expect(roundFine(0.000123456, 4, 3)).toBe(0.000123);
    expect(roundFine(12.34567, 4, 3)).toBe(12.3457);
  });
});

describe('an impossible memory claim names its floor for what it is', () => {
  // Llama 3.1 405B bf16 at TP8: the weights shard is 94.50 GiB (405.85e9 x 2 B / 8 / 2^30); the floor a
  // memory_per_gpu claim is judged on adds one sequence's KV cache (94.65 GiB), so "the shard alone" was wrong
  it('says "floor", not "the shard alone", and the figure is memory_per_gpu_lower_bound_gib', () => {
    const r = verify(`
version: 1
model: {preset: llama-3.1-405b}
hardware: {preset: h100, gpus: 8}
parallelism: {tp: 8}
workload: {concurrency: 1, input_tokens: 1024, output_tokens: 256}
claims: {memory_per_gpu: 79 GiB}
`);
    const c = r.checks.find((x) => x.id === 'claims.memory_per_gpu')!;
    expect(c.status).toBe('fail');
    expect(c.detail).not.toMatch(/shard alone/);
    expect(c.detail).toMatch(/below the floor of/);
    expect(c.limit!).toBeCloseTo(r.metrics!.memory_per_gpu_lower_bound_gib!, 2);
    expect(c.limit!).toBeGreaterThan(r.metrics!.weights_per_gpu_gib!);
  });
});
