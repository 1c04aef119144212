// The scheduler simulation on hand-worked schedules with fixed pass costs, its arrival processes
// and statistics, and through plans that state a closed or an open loop.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentilesOf } from '../src/core/quantiles.js';
import {
  FinishHeap,
  arrivalStream,
  arrivalTimes,
  benchmarkLengths,
  MAX_EVENTS,
  percentile,
  simulate,
  type EngineBehaviour,
  type LoadSpec,
  type PrefillWork,
  type StepCosts,
} from '../src/core/simulator.js';
import { resolvePlan } from '../src/core/resolve.js';
import { loadPlan } from '../src/plan/load.js';
import { check, load, noReferences, verify } from './core-helpers.js';
import { goodputSearch, type LoadFigures } from '../src/core/estimates.js';
import { EXPERT_EXCHANGE_LATENCY_S } from '../src/core/defaults.js';

/** 100 ms for a pass with prompt tokens, 10 ms for decoding, whatever they hold: schedules work out by hand. */
const fixedCosts = (log: string[] = []): StepCosts => ({
  step: (prefill: PrefillWork | null, batch: number) => {
    log.push(`${prefill ? `prefill ${prefill.tokens}` : ''}${prefill && batch ? ' + ' : ''}${batch ? `decode ${batch}` : ''}`);
    return { time: (prefill ? 0.1 : 0) + (batch > 0 ? 0.01 : 0), flops: 1 };
  },
});

const engine = (over: Partial<EngineBehaviour> = {}): EngineBehaviour => ({
  policy: 'prefill-first',
  maxBatchedTokens: 8192,
  maxRunning: 1000,
  requestOverhead: 0,
  stepOverhead: 0,
  tokensPerStep: 1,
  prefixHitRate: 0,
  recvInterval: 1,
  outputLag: 0,
  ...over,
});

/** Causal pairs of a plain transformer (no windows, no indexer). */
const causalPairs = (from: number, to: number) => {
  const tri = (n: number): number => (n * (n + 1)) / 2;
  const p = tri(to) - tri(from);
  return { pairsFull: p, pairsSliding: p, pairsTopK: p };
};

const closed = (requests: number, clients: number, input = 100, output = 11, over: Partial<LoadSpec> = {}): LoadSpec => ({
  kind: 'closed',
  ranks: 1,
  clients,
  rate: 0,
  arrival: 'poisson',
  burstiness: 1,
  requests,
  warmup: 0,
  finite: true,
  inputs: [input],
  outputs: [output],
  pairs: causalPairs,
  ...over,
});

describe('lengths and arrivals', () => {
  it('fixed lengths at range ratio 1', () => {
    expect(benchmarkLengths(922, 1, 5, 2)).toEqual([922, 922, 922, 922, 922]);
  });
  it('uniform in [ratio x longest, longest] around the mean: ratio 0.8, mean 922 -> [819.6, 1024.4]', () => {
    const l = benchmarkLengths(922, 0.8, 1000, 3);
    expect(Math.min(...l)).toBeGreaterThanOrEqual(819);
    expect(Math.max(...l)).toBeLessThanOrEqual(1025);
    expect(l.reduce((a, b) => a + b, 0) / l.length).toBeCloseTo(922, -1);
  });
  it('poisson arrivals at 4/s: mean gap 0.25 s, coefficient of variation about 1', () => {
    const t = arrivalTimes(20_000, 4, 'poisson', 1);
    const gaps = t.slice(1).map((x, i) => x - t[i]!);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length);
    expect(mean).toBeCloseTo(0.25, 2);
    expect(sd / mean).toBeCloseTo(1, 1);
  });
  it('gamma arrivals of burstiness 0.25 keep the mean rate with a coefficient of variation of 2 (1/sqrt(shape))', () => {
    const t = arrivalTimes(40_000, 4, 'gamma', 0.25);
    const gaps = t.slice(1).map((x, i) => x - t[i]!);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length);
    expect(mean).toBeCloseTo(0.25, 1);
    expect(sd / mean).toBeGreaterThan(1.8);
    expect(sd / mean).toBeLessThan(2.2);
  });
  it("random arrivals are pinned to the stated rate: the first n of them span n / rate, whatever one sample's mean", () => {
    const t = arrivalTimes(2500, 1, 'gamma', 0.3, 1, 2000);
    const unpinned = arrivalTimes(2500, 1, 'gamma', 0.3, 1, 0);
    // the sample itself runs off the rate by more than a percent (its gaps' CV is 1.8)...
    expect(Math.abs(unpinned[2000]! / 2000 - 1)).toBeGreaterThan(0.01);
    // ...the pinned one does not, and keeps the sample's shape (a uniform rescaling)
    expect(t[2000]!).toBeCloseTo(2000, 6);
    expect(t[1234]! / t[2000]!).toBeCloseTo(unpinned[1234]! / unpinned[2000]!, 12);
  });
  it('drawn on demand, arrivals are the same times as drawn at once, past the pinned ones too', () => {
    const stream = arrivalStream(3, 'gamma', 0.5, 1, 100, () => 250);
    const all = arrivalTimes(250, 3, 'gamma', 0.5, 1, 100);
    expect([stream.at(249), stream.at(10), stream.at(100)]).toEqual([all[249], all[10], all[100]]);
    expect([stream.has(249), stream.has(250)]).toEqual([true, false]);
  });
  it('a steady open loop keeps arriving until its measured requests finish: long answers are served at the rate sent', () => {
    // 10 ms a step for any batch: each request decodes 2,000 steps (20 s), 20 arrive each second, so
    // 400 are in flight when steady; the 200 measured arrive in 10 s, and a quarter more (50) stopped
    // arriving 12.5 s in, draining the engine for the last 17.5 s of the window
    const costs: StepCosts = { step: (prefill, batch) => ({ time: (prefill ? 0.01 : 0) + (batch > 0 ? 0.01 : 0), flops: 1 }) };
    const load: LoadSpec = { ...closed(220, 1, 10, 2001), kind: 'open', clients: Infinity, rate: 20, arrival: 'constant', warmup: 20, finite: false };
    const out = simulate(load, engine({ maxRunning: 1000, policy: 'mixed' }), costs)!;
    expect(out.requests).toBeGreaterThan(220 * 1.25);
    // the engine is never short of work while the measured ones finish: no step decodes a drained batch
    expect(out.meanBatch).toBeGreaterThan(300);
  });
  it('an open loop far below saturation serves what arrives, bursty or not: no saturation warning', () => {
    for (const arrival of ['poisson', 'gamma']) {
      const r = verify(`
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1}
workload: {input_tokens: 1024, output_tokens: 256, request_rate: 1/s, arrival: ${arrival}, burstiness: ${arrival === 'gamma' ? 0.3 : 1}}
`);
      // 1 request/s x 256 tokens; the run's window edges leave a percent or so
      expect(r.metrics!.throughput_tokens_per_s! / 256).toBeGreaterThan(0.98);
      expect(r.metrics!.throughput_tokens_per_s! / 256).toBeLessThan(1.02);
      expect(check(r, 'load.saturation').status).toBe('pass');
    }
  });
  it('a light open loop serves what its arrivals offer, no more: a requirement above 2/s x 200 = 400 tokens/s fails, a claim above it says so', () => {
    const r = verify(`
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1}
deployment: {engine: vllm}
workload: {request_rate: 2/s, input_tokens: 1000, output_tokens: 200}
requirements: {throughput: 450 tokens/s}
claims: {throughput: 1500 tokens/s}`);
    // the range ended at 455 tokens/s, so 450 read "likely missed" (warn)
    const [low, high] = r.ranges!.throughput_tokens_per_s!;
    expect(high).toBeLessThanOrEqual(Math.max(400, r.metrics!.throughput_tokens_per_s!));
    // it keeps up: it serves what arrives, 400 tokens/s, and no slower deployment would serve less
    expect(r.metrics!.throughput_tokens_per_s!).toBe(400);
    expect(low).toBeLessThanOrEqual(r.metrics!.throughput_tokens_per_s!);
    expect(check(r, 'requirements.throughput').status).toBe('fail');
    expect(check(r, 'claims.throughput').detail).toMatch(/3\.8x what the load's arrivals offer \(2 requests\/s x 200 output tokens = 400 tokens\/s\)/);
  });
  it("an open loop's throughput has a physical bound: its request-rate bound x output tokens; a claim beyond it fails", () => {
    const r = verify(`
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1}
workload: {input_tokens: 1024, output_tokens: 256, request_rate: 1000/s}
claims: {throughput: 200000 tokens/s}
`);
    const m = r.metrics!;
    expect(m.throughput_upper_bound_tokens_per_s).toBeCloseTo(m.request_rate_upper_bound! * 256, -1);
    expect(m.throughput_tokens_per_s!).toBeLessThanOrEqual(m.throughput_upper_bound_tokens_per_s!);
    expect(check(r, 'claims.throughput').status).toBe('fail');
  });
  it("an open loop's decode step is the one its sequences saw in its simulation, above its floor at the batch it ran on average", () => {
    const at = (rate: string) =>
      verify(`
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1}
workload: {input_tokens: 1024, output_tokens: 256, request_rate: ${rate}}
`).metrics!;
    const light = at('1/s');
    const busy = at('16/s');
    expect(light.decode_step_ms).not.toBeNull();
    expect(busy.decode_step_ms!).toBeGreaterThan(light.decode_step_ms!);
    for (const m of [light, busy]) {
      expect(m.decode_step_lower_bound_ms!).toBeLessThanOrEqual(m.decode_step_ms!);
      expect(m.decode_step_ms!).toBeLessThanOrEqual(m.tpot_ms! * 1.01);
    }
  });
  it('burstiness alone asks for gamma gaps (as vLLM bench --burstiness does); in a closed loop the arrival keys are said unused', () => {
    const open = (extra: string) =>
      verify(`
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1}
workload: {input_tokens: 1024, output_tokens: 256, request_rate: 8/s${extra}}
`);
    const alone = open(', burstiness: 0.3');
    const gamma = open(', arrival: gamma, burstiness: 0.3');
    const poisson = open('');
    expect(alone.metrics!.ttft_p99_ms).toBe(gamma.metrics!.ttft_p99_ms);
    expect(alone.metrics!.ttft_p99_ms!).toBeGreaterThan(poisson.metrics!.ttft_p99_ms!);
    expect(alone.details!.assumptions.some((a) => a.name === 'workload.arrival' && a.value.startsWith('gamma'))).toBe(true);
    // the default arrival is said too (a reviewer found an open loop's Poisson arrivals unstated)
    expect(poisson.details!.assumptions.find((a) => a.name === 'workload.arrival')?.value).toMatch(
      /^poisson \(independent arrivals at 8 requests\/s on average, every request of the stated lengths\)$/,
    );
    expect(gamma.details!.assumptions.some((a) => a.name === 'workload.arrival')).toBe(false);
    const closed = verify(`
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1}
workload: {input_tokens: 1024, output_tokens: 256, concurrency: 8, arrival: gamma, burstiness: 0.2}
`);
    expect(closed.details!.assumptions.some((a) => a.name === 'workload.arrival' && a.value.startsWith('not used'))).toBe(true);
  });
  it('burstiness beside poisson or constant arrivals has no effect: check workload.burstiness warns at its line (the plan passed, an assumption alone said so)', () => {
    const text = (extra: string) => `version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1}
workload:
  request_rate: 8/s
  input_tokens: 1024
  output_tokens: 256
${extra}`;
    const r = verify(text('  arrival: poisson\n  burstiness: 0.3\n'));
    const c = check(r, 'workload.burstiness');
    expect(c.status).toBe('warn');
    expect(c.line).toBe(9);
    expect(c.detail).toMatch(/burstiness 0\.3 .*workload\.arrival is poisson: it is not used/);
    expect(r.verdict).toBe('warn');
    // the arrivals are the poisson ones
    expect(r.metrics!.ttft_p99_ms).toBe(verify(text('  arrival: poisson\n')).metrics!.ttft_p99_ms);
    expect(check(verify(text('  arrival: constant\n  burstiness: 2\n')), 'workload.burstiness').detail).toMatch(/evenly spaced/);
    // where it means something, or means poisson, nothing to say
    for (const ok of ['  arrival: gamma\n  burstiness: 0.3\n', '  burstiness: 0.3\n', '  arrival: poisson\n  burstiness: 1\n'])
      expect(verify(text(ok)).checks.some((x) => x.id === 'workload.burstiness')).toBe(false);
  });
  it('constant arrivals are evenly spaced, and the same plan always gets the same arrivals', () => {
    expect(arrivalTimes(4, 2, 'constant', 1)).toEqual([0, 0.5, 1, 1.5]);
    expect(arrivalTimes(50, 3, 'poisson', 1)).toEqual(arrivalTimes(50, 3, 'poisson', 1));
  });
  it('percentiles interpolate linearly between order statistics', () => {
    const s = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(s, 0.5)).toBeCloseTo(5.5, 12);
    expect(percentile(s, 0.9)).toBeCloseTo(9.1, 12);
    expect(percentile(s, 0)).toBe(1);
    expect(percentile(s, 1)).toBe(10);
  });
  it('percentiles found by selection are those of the sorted values, to the bit', () => {
    const sorted = (v: number[]) => new Float64Array(v).sort();
    const value = fc.oneof(fc.double(), fc.integer({ min: 1, max: 6 }), fc.constantFrom(0, -0, Number.NaN, Infinity, -Infinity));
    const values = fc.oneof(
      fc.array(value, { maxLength: 300 }),
      fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 20, maxLength: 300 }),
      // the waves of a closed loop: few distinct values, in runs
      fc
        .array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0.001, max: 100, noNaN: true })), { maxLength: 60 })
        .map((runs) => runs.flatMap(([n, v]) => Array(n).fill(v))),
    );
    fc.assert(
      fc.property(values, (v) => {
        const s = sorted(v);
        const want = [0.99, 0.9, 0.5].map((q) => percentile(s, q));
        expect(percentilesOf(v, [0.99, 0.9, 0.5]).every((x, i) => Object.is(x, want[i]))).toBe(true);
      }),
      { numRuns: 500 },
    );
    // an order that defeats the median of three falls back to a sort, with the same figures
    const pipe = Array.from({ length: 20_000 }, (_, i) => (i < 10_000 ? i : 20_000 - i) + 1);
    expect(percentilesOf(pipe, [0.99, 0.5])).toEqual([percentile(sorted(pipe), 0.99), percentile(sorted(pipe), 0.5)]);
  });
});

describe('prefill-first schedule (SGLang)', () => {
  it('one request: TTFT = one prefill pass, then 10 steps for the other 10 tokens', () => {
    const o = simulate(closed(1, 1), engine(), fixedCosts())!;
    expect(o.ttft.mean).toBeCloseTo(0.1, 12);
    expect(o.tpot!.mean).toBeCloseTo(0.01, 12);
    expect(o.wallTime).toBeCloseTo(0.2, 12);
    expect(o.throughput).toBeCloseTo(11 / 0.2, 9);
    expect(o.steps).toBe(11);
  });
  it('two requests sent together share one prefill pass and every decode step', () => {
    const log: string[] = [];
    const o = simulate(closed(2, 2), engine(), fixedCosts(log))!;
    expect(log[0]).toBe('prefill 200');
    expect(log.slice(1).every((l) => l === 'decode 2')).toBe(true);
    expect(o.throughput).toBeCloseTo(22 / 0.2, 9);
  });
  it('a prompt longer than max_batched_tokens is prefilled in chunks, one pass each', () => {
    const log: string[] = [];
    const o = simulate(closed(1, 1, 300), engine({ maxBatchedTokens: 128 }), fixedCosts(log))!;
    expect(log.slice(0, 3)).toEqual(['prefill 128', 'prefill 128', 'prefill 44']);
    expect(o.ttft.mean).toBeCloseTo(0.3, 12);
  });
  it('closed loop: a finished request is replaced at once; a finite run ends with the last one', () => {
    // 4 requests, 2 in flight: two waves of (100 ms prefill + 10 steps) = 0.4 s.
    const o = simulate(closed(4, 2), engine(), fixedCosts())!;
    expect(o.wallTime).toBeCloseTo(0.4, 12);
    expect(o.ttft.mean).toBeCloseTo(0.1, 12);
    expect(o.throughput).toBeCloseTo(44 / 0.4, 9);
  });
  it('the request overhead delays the engine seeing the request: it adds to TTFT and to the wall time', () => {
    const o = simulate(closed(2, 1), engine({ requestOverhead: 0.02 }), fixedCosts())!;
    expect(o.ttft.mean).toBeCloseTo(0.12, 12);
    expect(o.wallTime).toBeCloseTo(2 * 0.22, 12);
  });
  it('a prompt arriving mid-run stalls the running sequences for one pass', () => {
    // Outputs 2, 4, 1 (mean 3, ratio 0); two in flight. The first finishes after one step, the third
    // is prefilled while the second waits, then the second decodes alone.
    const log: string[] = [];
    simulate(closed(3, 2, 100, 3, { outputs: benchmarkLengths(3, 0, 3, 3) }), engine(), fixedCosts(log));
    expect(benchmarkLengths(3, 0, 3, 3)).toEqual([2, 4, 1]);
    expect(log).toEqual(['prefill 200', 'decode 2', 'prefill 100', 'decode 1', 'decode 1']);
  });
  it('speculative decoding: each step advances every sequence by the accepted tokens', () => {
    const o = simulate(closed(1, 1), engine({ tokensPerStep: 2.5 }), fixedCosts())!;
    expect(o.steps).toBe(5); // the prefill pass, then 1 + 2.5k >= 11 after 4 steps
  });
  it('speculative decoding under a mixed scheduler: each decoding sequence takes 1 + its draft tokens of the budget (vLLM, TensorRT-LLM schedule the drafts), not its accepted tokens', () => {
    // 20 one-token prompts and one of 200 in a budget of 100: the first pass takes the 20 and 80 of
    // the long one; next, 20 sequences decode with 3 draft tokens each (4 tokens of budget, 2 accepted),
    // leaving 100 - 80 = 20 tokens of prompt (the accepted tokens left 60).
    const log: string[] = [];
    const inputs = [...Array<number>(20).fill(1), 200];
    simulate(
      closed(21, 21, 1, 50, { inputs, outputs: Array<number>(21).fill(50) }),
      engine({ policy: 'mixed', maxBatchedTokens: 100, tokensPerStep: 2, decodeBudgetTokens: 4 }),
      fixedCosts(log),
    );
    expect(log.slice(0, 2)).toEqual(['prefill 100', 'prefill 20 + decode 20']);
  });
  it('prefix-cache hits start each prompt after its cached tokens', () => {
    const log: string[] = [];
    simulate(closed(1, 1), engine({ prefixHitRate: 0.5 }), fixedCosts(log));
    expect(log[0]).toBe('prefill 50');
  });
  it('a missing cost stops the simulation', () => {
    expect(simulate(closed(1, 1), engine(), { step: () => null })).toBeNull();
  });
});

describe('mixed schedule (vLLM, TensorRT-LLM)', () => {
  it('a new prompt rides along the running decodes in one pass instead of stalling them', () => {
    const log: string[] = [];
    simulate(closed(3, 2, 100, 3, { outputs: [2, 4, 1] }), engine({ policy: 'mixed' }), fixedCosts(log));
    expect(log).toEqual(['prefill 200', 'decode 2', 'prefill 100 + decode 1', 'decode 1']);
  });
  it('the decodes take their tokens from the budget first; prompt chunks fill the rest', () => {
    const log: string[] = [];
    // Budget 64: one request decoding leaves 63 prompt tokens per pass to the 100-token prompt.
    simulate(closed(2, 2, 100, 6, { inputs: [10, 100], outputs: [6, 2] }), engine({ policy: 'mixed', maxBatchedTokens: 64 }), fixedCosts(log));
    expect(log.slice(0, 3)).toEqual(['prefill 64', 'prefill 46 + decode 1', 'decode 2']);
  });
});

describe('pipeline batches in flight (pp > 1)', () => {
  it('each batch in flight takes its own budget: two of 128 hold two prompts and half the third', () => {
    const log: string[] = [];
    simulate(closed(4, 4), engine({ maxBatchedTokens: 128, inFlightBatches: 2 }), fixedCosts(log));
    expect(log.slice(0, 3)).toEqual(['prefill 256', 'prefill 144', 'decode 4']);
  });
  it("one prompt's chunk rides in one batch: a lone 300-token prompt still takes three round trips", () => {
    const log: string[] = [];
    const o = simulate(closed(1, 1, 300), engine({ maxBatchedTokens: 128, inFlightBatches: 4 }), fixedCosts(log))!;
    expect(log.slice(0, 3)).toEqual(['prefill 128', 'prefill 128', 'prefill 44']);
    expect(o.ttft.mean).toBeCloseTo(0.3, 12);
  });
  it('mixed: the decodes take their tokens from all the budgets first', () => {
    const log: string[] = [];
    // Two budgets of 64 and one request decoding: 127 prompt tokens a step, at most 64 of one prompt.
    simulate(
      closed(3, 3, 100, 6, { inputs: [10, 100, 100], outputs: [6, 2, 2] }),
      engine({ policy: 'mixed', maxBatchedTokens: 64, inFlightBatches: 2 }),
      fixedCosts(log),
    );
    expect(log.slice(0, 2)).toEqual(['prefill 128', 'prefill 82 + decode 1']);
  });
});

describe('reading new requests every N steps (SGLang --scheduler-recv-interval)', () => {
  it('a request arriving while others decode waits for the next step that reads the queue', () => {
    // Two clients, outputs 21 and 3. Step 1 prefills both; B decodes its 2 tokens in steps 2-3 and
    // its client sends C at 0.12 s. The queue is read at step 10: C waits steps 4-10 (70 ms) decoding
    // A, then its 100 ms prefill: TTFT 0.17 s against 0.1 s when every step reads.
    const every = simulate(closed(3, 2, 100, 3, { outputs: [21, 3, 2] }), engine(), fixedCosts())!;
    const tenth = simulate(closed(3, 2, 100, 3, { outputs: [21, 3, 2] }), engine({ recvInterval: 10 }), fixedCosts())!;
    expect(every.ttft.mean).toBeCloseTo(0.1, 9);
    expect(tenth.ttft.mean).toBeCloseTo((0.1 + 0.1 + 0.17) / 3, 9);
  });
  it('an idle engine reads at once', () => {
    const o = simulate(closed(1, 1), engine({ recvInterval: 30 }), fixedCosts())!;
    expect(o.ttft.mean).toBeCloseTo(0.1, 12);
  });
});

describe("TensorRT-LLM's attention-DP balance (attention_dp_config.enable_balance)", () => {
  // Two clients, outputs 21 and 3: step 1 prefills A and B, B decodes its 2 tokens in steps 2-3 and its
  // client sends C at 0.12 s while A still decodes.
  const run = (over: Partial<EngineBehaviour>) => simulate(closed(3, 2, 100, 3, { outputs: [21, 3, 2] }), engine(over), fixedCosts())!;
  it('a decoding rank holds a new prompt until the timeout when the other ranks rarely have one', () => {
    // 1 step in 3 had a waiting prompt so far: all 64 ranks at once ~ (1/3)^63, never. TensorRT-LLM's
    // counter is shared and counts from the last release (step 1), not from C's arrival: steps 2 and 3
    // brought it to 2, steps 4 and 5 hold C (3, 4) and step 6 brings it to 5 and schedules C. C waits
    // 20 ms decoding A, then its 100 ms prefill: TTFT 0.12 s.
    const held = run({ balance: { timeoutSteps: 5, ranks: 64 } });
    expect(held.ttft.mean).toBeCloseTo((0.1 + 0.1 + 0.12) / 3, 9);
    // a timeout of one step holds nothing: the first step a prompt waits brings the counter to it
    expect(run({ balance: { timeoutSteps: 1, ranks: 64 } }).ttft.mean).toBeCloseTo(0.1, 9);
  });
  it('the shared counter releases at the timeout with no prompt waiting and starts again', () => {
    // B's client sends C after B's 9 decode steps, A still decoding. Timeout 5: the counter went 1..5,
    // restarted, 1..4; the next step brings it to 5: C is scheduled at once (TTFT 0.1 s). Timeout 7:
    // 1..7, restarted, 1..2: C waits 4 steps (40 ms), not the 6 a counter started at its arrival gives.
    const late = (timeoutSteps: number) =>
      simulate(closed(3, 2, 100, 3, { outputs: [41, 10, 2] }), engine({ balance: { timeoutSteps, ranks: 64 } }), fixedCosts())!.ttft.mean;
    expect(late(5)).toBeCloseTo((0.1 + 0.1 + 0.1) / 3, 9);
    expect(late(7)).toBeCloseTo((0.1 + 0.1 + 0.14) / 3, 9);
  });
  it('no hold with one rank, or without the balance', () => {
    expect(run({ balance: { timeoutSteps: 5, ranks: 1 } }).ttft.mean).toBeCloseTo(0.1, 9);
    expect(run({}).ttft.mean).toBeCloseTo(0.1, 9);
  });
  it('a rank with nothing decoding schedules at once (not every rank has generation requests)', () => {
    const o = simulate(closed(2, 1), engine({ balance: { timeoutSteps: 50, ranks: 64 } }), fixedCosts())!;
    expect(o.ttft.mean).toBeCloseTo(0.1, 12);
  });
  it('the fewer the ranks, the sooner all of them have a prompt: the hold never grows as ranks are removed', () => {
    // (a timeout far off: at 5 the shared counter, 2 when C arrives, releases C after 2 steps whatever the ranks)
    const many = run({ balance: { timeoutSteps: 50, ranks: 64 } });
    const two = run({ balance: { timeoutSteps: 50, ranks: 2 } });
    expect(two.ttft.mean).toBeLessThan(many.ttft.mean);
  });
});

describe('an overlap scheduler (SGLang, TensorRT-LLM)', () => {
  it('returns each output when the next step ends: TTFT grows by one decode step, TPOT stays', () => {
    const plain = simulate(closed(1, 1), engine(), fixedCosts())!;
    const overlap = simulate(closed(1, 1), engine({ outputLag: 1 }), fixedCosts())!;
    // The first token is made by the prefill pass and sent when the first decode step (10 ms) ends;
    // the last token waits for nothing (the engine goes idle) -- ten steps after the first token's release.
    expect(overlap.ttft.mean).toBeCloseTo(plain.ttft.mean + 0.01, 9);
    expect(overlap.tpot!.mean).toBeCloseTo((0.2 - 0.11) / 10, 9);
    expect(overlap.e2e.mean).toBeCloseTo(plain.e2e.mean, 9);
  });
  it('so a request of n tokens shows n - 2 steps between its first and last: the TPOT floor allows for it (lag x tokens per step of the n - 1)', () => {
    const plan = (output: number) => `
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1, efficiency: {compute: 1, memory: 1, network: 1}}
workload: {concurrency: 1, input_tokens: 100, output_tokens: ${output}}
deployment: {engine: sglang}
`;
    for (const output of [2, 3, 4, 10]) {
      const m = verify(plan(output)).metrics!;
      expect(m.tpot_ms!, `${output} tokens`).toBeGreaterThanOrEqual(m.tpot_lower_bound_ms ?? 0);
    }
    // two tokens: the second may come with the first, no floor above 0 holds
    expect(verify(plan(2)).metrics!.tpot_lower_bound_ms).toBeNull();
    // a plain scheduler keeps the whole step
    const vllm = verify(plan(3).replace('sglang', 'vllm')).metrics!;
    expect(vllm.tpot_lower_bound_ms).toBeCloseTo(2 * verify(plan(3)).metrics!.tpot_lower_bound_ms!, 3);
  });
});

describe('what the engine can hold', () => {
  it('with room for 2 sequences, 4 clients run two at a time and the others queue: TTFT doubles for half of them', () => {
    const capped = simulate(closed(4, 4), engine({ maxRunning: 2 }), fixedCosts())!;
    expect(capped.peakRunning).toBe(2);
    expect(capped.ttft.mean).toBeCloseTo((0.1 + 0.1 + 0.3 + 0.3) / 4, 9);
    expect(capped.meanBatch).toBeLessThanOrEqual(2);
  });
});

describe('closed-loop throughput', () => {
  it("is Little's law over the clients' cycles: 64 clients x 500 tokens / (TTFT + 499 TPOT), whatever phase the waves are in", () => {
    // Llama 3.1 70B TP8 on H100, vLLM, 64 clients of 8000/500: a mixed schedule prefills one prompt
    // a pass, so the waves spread; a window from the first measured send to the last measured
    // finish read 678 tokens/s against the 807 the clients' own cycles give.
    const m = verify(`
version: 1
model: {preset: llama-3.1-70b}
hardware: {preset: h100-sxm, gpus: 8}
parallelism: {tp: 8}
deployment: {engine: vllm}
workload: {concurrency: 64, input_tokens: 8000, output_tokens: 500}`).metrics!;
    const cycle = m.ttft_ms! / 1000 + (499 * m.tpot_ms!) / 1000;
    expect(m.throughput_tokens_per_s! / ((64 * 500) / cycle)).toBeCloseTo(1, 2);
  });
});

describe("an open loop's memory", () => {
  const llama70bOpen = (rate: string) => `
version: 1
model: {preset: llama-3.1-70b}
hardware: {preset: h100-sxm, gpus: 8}
parallelism: {tp: 8}
deployment: {engine: sglang}
workload: {request_rate: ${rate}, arrival: poisson, input_tokens: 1000, output_tokens: 200, memory_fraction: 0.88}
requirements: {max_memory_utilization: 0.5}`;
  it('holds the KV cache of what its simulation had in flight at the peak: past saturation the whole pool (it read one request: 26%)', () => {
    const r = verify(llama70bOpen('50/s'));
    const m = r.metrics!;
    // The pool is full: KV at (almost) the pool, memory near SGLang's 0.88 of the device.
    expect(m.memory_utilization!).toBeGreaterThan(0.85);
    expect(check(r, 'requirements.max_memory_utilization').status).toBe('fail');
  });
  it('at light load, a few sequences: well below the pool', () => {
    const light = verify(llama70bOpen('0.2/s')).metrics!;
    const busy = verify(llama70bOpen('50/s')).metrics!;
    expect(light.kv_cache_per_gpu_gib!).toBeLessThan(0.05 * busy.kv_cache_per_gpu_gib!);
    expect(light.memory_utilization!).toBeLessThan(0.5);
  });
});

describe("an open loop's decode step", () => {
  it('is the step its sequences saw: weighted by the sequences in each decode-only step (14 ms where the steps average 12.5)', () => {
    // Prompt passes 100 ms, decode steps 10 ms per sequence. A arrives at 0 and decodes alone from 100 ms;
    // B arrives at 155 ms: A's stride stops at 160 ms (6 steps of 10 ms), B's prompt runs to 260 ms (A
    // waits), 4 steps of both (20 ms each) finish A, then B's last 6 alone (10 ms each). Decode-only steps:
    // 6 x 1, 4 x 2, 6 x 1 sequences: a sequence saw (6 x 10 + 8 x 20 + 6 x 10) / 20 = 14 ms.
    const costs: StepCosts = { step: (prefill, batch) => ({ time: (prefill ? 0.1 : 0) + 0.01 * batch, flops: 1 }) };
    const load: LoadSpec = { ...closed(2, 1), kind: 'open', clients: Infinity, rate: 1 / 0.155, arrival: 'constant' };
    const o = simulate(load, engine(), costs)!;
    expect(o.meanBatch).toBeCloseTo(20 / 16, 9);
    expect(o.meanDecodeStep!).toBeCloseTo(0.014, 9);
    // TPOT: A 100-340 ms (6 x 10 ms, B's 100 ms prompt, 4 x 20 ms), B 260-400 ms, 10 tokens each: (24 + 14) / 2 ms
    expect(o.tpot!.mean).toBeCloseTo(0.019, 9);
  });
  it('none when no step was decode-only: one output token', () => {
    const load: LoadSpec = { ...closed(2, 1, 100, 1), kind: 'open', clients: Infinity, rate: 1, arrival: 'constant' };
    expect(simulate(load, engine(), fixedCosts())!.meanDecodeStep).toBeNull();
  });
  it("a lightly loaded MoE rank decodes with its own experts' traffic: decode_step_ms no longer above tpot_ms (17.5 ms beside 13.4)", () => {
    // DeepSeek-V3 on 8 H200, attention DP8 with EP8, vLLM (no overlap scheduler, no speculative decoding),
    // 0.05 requests/s: a request decodes alone on its rank; the step at the mean batch on every rank at once
    // fed the experts eight ranks' tokens
    const r = verify(`
version: 1
model: {preset: deepseek-v3}
hardware: {preset: h200, gpus: 8}
parallelism: {tp: 1, dp: 8, ep: 8}
deployment: {engine: vllm}
workload: {request_rate: 0.05/s, input_tokens: 1024, output_tokens: 256}`);
    const m = r.metrics!;
    expect(m.decode_step_ms!).toBeLessThanOrEqual(m.tpot_ms!);
    expect(m.decode_step_ms!).toBeGreaterThanOrEqual(m.decode_step_lower_bound_ms!);
    // 13.4 ms before each dispatch and combine carried the exchange's fixed cost, which adds
    // 58 MoE layers x 2 x 25 µs = 2.9 ms; the step with eight ranks' tokens at the experts read 17.5 ms + 2.9
    expect(m.decode_step_ms!).toBeLessThan(14 + 58 * 2 * EXPERT_EXCHANGE_LATENCY_S * 1000);
  });
});

describe('open loop', () => {
  it('arrivals far apart: every request is served alone, TTFT is the idle prefill', () => {
    const load: LoadSpec = { ...closed(20, 1), kind: 'open', clients: Infinity, rate: 1, arrival: 'constant' };
    const o = simulate(load, engine(), fixedCosts())!;
    expect(o.ttft.p99).toBeCloseTo(0.1, 9);
    expect(o.meanBatch).toBeCloseTo(1, 9);
  });
  it('arrivals faster than service: the queue grows and TTFT with it', () => {
    const slow: LoadSpec = { ...closed(200, 1), kind: 'open', clients: Infinity, rate: 1, arrival: 'poisson' };
    const fast: LoadSpec = { ...slow, rate: 50 };
    const a = simulate(slow, engine({ maxRunning: 1 }), fixedCosts())!;
    const b = simulate(fast, engine({ maxRunning: 1 }), fixedCosts())!;
    expect(b.ttft.p50).toBeGreaterThan(10 * a.ttft.p50);
    // One at a time, each request holds the replica for 0.2 s: at most 5 requests/s are served.
    expect(b.throughput).toBeLessThanOrEqual(11 * 5 * 1.0001);
  });
  it('a concurrency cap holds arrivals at the client: TTFT is counted from sending, as benchmark clients do', () => {
    const capped: LoadSpec = { ...closed(100, 1), kind: 'open', clients: 1, rate: 1000, arrival: 'constant' };
    const o = simulate(capped, engine(), fixedCosts())!;
    expect(o.ttft.p99).toBeCloseTo(0.1, 9);
  });
  it('a window that starts when the engine has filled counts from then: its busy share and output are of the same span', () => {
    // Arrivals every 10 ms, each pass with a prompt 110 ms: the engine never idles. The first request
    // (300 tokens) finishes after about 12 s and 1,200 arrivals, far past the 2 of warm-up and 18
    // measured: the window starts at that finish. From then on 1,000 sequences hold the slots (the
    // rest queue) and every pass of at most 110 ms makes a token of each: at least 9,000 tokens/s.
    // It counted the busy time and the output from then over a span from request 2's send (20 ms):
    // busy 3.5%, 317 tokens/s.
    const load: LoadSpec = { ...closed(20, 1, 100, 300), kind: 'open', clients: Infinity, rate: 100, arrival: 'constant', finite: false, warmup: 2 };
    const o = simulate(load, engine({ policy: 'mixed' }), fixedCosts())!;
    expect(o.measured).toBe(18);
    expect(o.busyFraction).toBeCloseTo(1, 9);
    expect(o.throughput).toBeGreaterThan(9_000);
  });
  it('10,000 requests of a steady open loop stay within the event budget', () => {
    const load: LoadSpec = { ...closed(10_000, 1, 1000, 200), kind: 'open', clients: Infinity, rate: 30, arrival: 'poisson', finite: false, warmup: 1000 };
    const cost: StepCosts = { step: (p, b) => ({ time: (p ? p.tokens * 2e-6 : 0) + (b > 0 ? 0.005 + b * 2e-5 : 0), flops: 1 }) };
    const o = simulate(load, engine({ policy: 'mixed' }), cost)!;
    expect(o.truncated).toBe(false);
    expect(o.measured).toBe(9_000);
    expect(o.steps).toBeLessThan(MAX_EVENTS);
  });
});

describe('attention-DP ranks of a MoE model (their tokens meet on the expert devices)', () => {
  /** Logs each pass as P<prompt tokens>/D<batch>@<ranks of tokens it carries>. */
  const rankCosts = (seen: string[]): StepCosts => ({
    step: (p, b, _c, dp) => {
      seen.push(`${p ? `P${p.tokens}` : ''}${b ? `D${b}` : ''}@${dp}`);
      return { time: (p ? 0.1 : 0) + (b > 0 ? 0.01 : 0), flops: 1 };
    },
  });
  it('a closed loop keeps 4 ranks in lockstep: every pass carries 4 ranks of tokens', () => {
    const seen: string[] = [];
    simulate({ ...closed(3, 1), ranks: 4 }, engine(), rankCosts(seen));
    expect(new Set(seen.map((s) => s.split('@')[1]))).toEqual(new Set(['4']));
  });
  it("an open loop's pass carries from each other rank its busy share times its mean tokens a pass, worked by hand", () => {
    // Arrivals at 0, 1, 2 s; each request: one 0.1 s prompt pass of 100 tokens, then 10 decode steps
    // of 10 ms (one stride). The busy share runs from one mean gap (1 s) before the start. Before the
    // second prompt (t = 1 s) a rank has run 11 passes of 110 tokens (10 a pass) and been busy 0.2 s
    // of 2 s: its prompt pass carries 1 + 3 x 0.1 x 10 / 100 = 1.03 ranks' worth (1.03125 on the 1/64
    // grid). After it (t = 1.1 s): 12 passes of 210 tokens, busy 0.3 of 2.1 s, so a decode of one
    // sequence carries 1 + 3 x (0.3 / 2.1) x 17.5 = 8.5.
    const seen: string[] = [];
    const load: LoadSpec = { ...closed(3, 1), kind: 'open', ranks: 4, clients: Infinity, rate: 1, arrival: 'constant' };
    simulate(load, engine(), rankCosts(seen));
    expect(seen.slice(3, 5)).toEqual(['P100@1.03125', 'D1@8.5']);
    // the first pass knows of nothing else in flight
    expect(seen[0]).toBe('P100@1');
  });
  const deepseekDp16 = (load: string) => `
version: 1
model: {preset: deepseek-v3, kv_cache_dtype: fp8}
hardware: {preset: h200, gpus: 16, gpus_per_node: 8}
parallelism: {tp: 1, dp: 16, ep: 16}
deployment: {engine: sglang}
workload: {${load}, input_tokens: 4000, output_tokens: 800, memory_fraction: 0.8}`;
  it('a lone prompt at light load is served about as fast as on an idle deployment (it was priced as 16 prompts: 8x)', () => {
    const m = verify(deepseekDp16('request_rate: 0.05/s, arrival: poisson')).metrics!;
    expect(m.ttft_ms!).toBeLessThan(1.2 * m.ttft_idle_ms!);
    expect(m.ttft_ms!).toBeGreaterThanOrEqual(m.ttft_idle_ms!);
  });
  it("at 2 requests/s other ranks' prompts stall this rank's decodes (every MoE layer waits for every rank): TPOT over twice the light load's", () => {
    const m = verify(deepseekDp16('request_rate: 2/s, arrival: poisson')).metrics!;
    const light = verify(deepseekDp16('request_rate: 0.05/s, arrival: poisson')).metrics!;
    expect(m.tpot_ms!).toBeGreaterThan(2 * light.tpot_ms!);
    expect(m.ttft_ms!).toBeLessThan(3 * m.ttft_idle_ms!);
  });
  it("12 clients on 8 ranks: throughput is Little's law for 12 (each simulated rank runs a rounded 2; it read 16's 720 tokens/s)", () => {
    const m = verify(deepseekDp16('concurrency: 12').replace('gpus: 16', 'gpus: 8').replace('dp: 16, ep: 16', 'dp: 8, ep: 8')).metrics!;
    const cycle = m.ttft_ms! / 1000 + (799 * m.tpot_ms!) / 1000;
    expect(m.throughput_tokens_per_s! / ((12 * 800) / cycle)).toBeCloseTo(1, 2);
  });
  it('a concurrency cap the open loop never reaches leaves its memory as it is (it sized the KV for the cap: 41.7% -> 90%)', () => {
    const uncapped = verify(deepseekDp16('request_rate: 0.5/s, arrival: poisson')).metrics!;
    const capped = verify(deepseekDp16('request_rate: 0.5/s, arrival: poisson, concurrency: 1000')).metrics!;
    // within the sampler buffers SGLang sizes by the cap
    expect(capped.memory_per_gpu_gib).toBeCloseTo(uncapped.memory_per_gpu_gib!, 0);
  });
  it('a declared run of 1 request on 8 ranks keeps one rank busy: 200 tokens over one request (it counted one per rank, 8x)', () => {
    const m = verify(`
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 8}
parallelism: {tp: 1, dp: 8}
deployment: {engine: vllm}
workload: {request_rate: 1/s, input_tokens: 1000, output_tokens: 200, benchmark: {requests: 1}}`).metrics!;
    expect(m.throughput_tokens_per_s! / (200 / (m.ttft_ms! / 1000 + (199 * m.tpot_ms!) / 1000))).toBeCloseTo(1, 1);
  });
  it("with one fixed prompt length the TTFT percentiles' ranges start at the idle range too", () => {
    const r = verify(deepseekDp16('request_rate: 0.5/s, arrival: poisson'));
    for (const p of ['ttft_p50_ms', 'ttft_p90_ms', 'ttft_p99_ms']) expect(r.ranges![p]![0]).toBeGreaterThanOrEqual(r.ranges!.ttft_idle_ms![0]);
  });
  it('16 clients of equal requests stay in lockstep: every rank prefills at once', () => {
    // whole prompts per pass (SGLang's default chunk is split over the 16 DP-attention ranks: 512 tokens each)
    const m = verify(deepseekDp16('concurrency: 16, max_batched_tokens: 4096')).metrics!;
    expect(m.ttft_ms!).toBeGreaterThan(4 * m.ttft_idle_ms!);
  });
});

const llamaPlan = (workload: string, requirements = '') => `
version: 1
model: {preset: llama-3.1-70b}
hardware: {preset: a100-80gb, gpus: 8}
parallelism: {tp: 8}
workload:
${workload}
${requirements}`;

describe('attention-DP balance in a plan (TensorRT-LLM only, dp > 1)', () => {
  const plan = (engine: string, dp: number, balance: string) => `
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: ${dp}}
parallelism: {tp: 1, dp: ${dp}}
deployment: {engine: ${engine}}
workload:
  concurrency: ${16 * dp}
  input_tokens: 2000
  output_tokens: 300
${balance}`;
  const timeout = '  attention_dp_balance_timeout_steps: 60\n';
  // a declared run of lengths spread over [0.8 L, L]: the ranks' prompts come at independent times
  const spread = '  benchmark: {requests: 1280, input_range_ratio: 0.8, output_range_ratio: 0.8}\n';
  it('holds prompts on TensorRT-LLM with DP attention: TTFT under load grows, the idle figure and the floor stay', () => {
    const off = verify(plan('trtllm', 8, spread)).metrics!;
    const on = verify(plan('trtllm', 8, spread + timeout)).metrics!;
    expect(on.ttft_ms!).toBeGreaterThan(off.ttft_ms!);
    expect(on.ttft_idle_ms).toBe(off.ttft_idle_ms);
    expect(on.ttft_lower_bound_ms).toBe(off.ttft_lower_bound_ms);
  });
  it('holds nothing in a closed loop of equal requests: every rank is in lockstep with the simulated one', () => {
    // (the independent-ranks rule held each wave's staggered prompts: DeepSeek-V3 on 8 H200, DP8, 1,024
    // clients queued 120 of them behind 0.75 s prefills, TTFT 3.5 s -> 15.6 s)
    expect(verify(plan('trtllm', 8, timeout)).metrics!.ttft_ms).toBe(verify(plan('trtllm', 8, '')).metrics!.ttft_ms);
  });
  it('is ignored, and says so, for another engine, a single rank, or replicas (dp > 1 at tp > 1: no attention DP)', () => {
    const replicas = verify(plan('trtllm', 8, spread + timeout).replace('parallelism: {tp: 1, dp: 8}', 'parallelism: {tp: 2, dp: 4}'));
    expect(replicas.details!.assumptions.find((a) => a.name === 'workload.attention_dp_balance_timeout_steps')?.value).toMatch(/^ignored: no attention DP/);
    for (const [engine, dp] of [
      ['vllm', 8],
      ['trtllm', 1],
    ] as const) {
      const off = verify(plan(engine, dp, ''));
      const on = verify(plan(engine, dp, timeout));
      expect(on.metrics!.ttft_ms).toBe(off.metrics!.ttft_ms);
      expect(on.details!.assumptions.find((a) => a.name === 'workload.attention_dp_balance_timeout_steps')?.value).toMatch(/^ignored: /);
    }
  });
});

describe("TensorRT-LLM's batch waiting (batch_wait_timeout_iters, batch_wait_max_tokens_ratio)", () => {
  // Request 1 (11 tokens) and 2 (21 tokens) share the first prefill (0.1 s); request 1 ends at 0.2 s and
  // its client sends request 3 while request 2 still decodes (10 more steps).
  const staggered = closed(3, 2, 100, 11, { outputs: [11, 21] });
  it('holds a prompt while sequences decode until the timeout: 5 decode steps (0.05 s) before its prefill', () => {
    const log: string[] = [];
    const off = simulate(staggered, engine({ maxBatchedTokens: 1000 }), fixedCosts())!;
    const on = simulate(staggered, engine({ maxBatchedTokens: 1000, batchWait: { timeoutSteps: 5, tokenRatio: 0.9 } }), fixedCosts(log))!;
    // request 3: 101 tokens (its prompt and the one decode) < 0.9 x 1000, so it waits 5 steps, then 0.1 s of prefill
    expect(off.ttft.mean).toBeCloseTo(0.1, 12);
    expect(on.ttft.mean).toBeCloseTo((0.1 + 0.1 + 0.15) / 3, 12);
    expect(log.filter((l) => l.startsWith('prefill'))).toEqual(['prefill 200', 'prefill 100']);
  });
  it('schedules at once when the prompt tokens plus the decodes reach the ratio, or when nothing decodes', () => {
    const reached = simulate(staggered, engine({ maxBatchedTokens: 1000, batchWait: { timeoutSteps: 5, tokenRatio: 0.1 } }), fixedCosts())!;
    expect(reached.ttft.mean).toBeCloseTo(0.1, 12);
    // the first two prompts come to an idle engine: TensorRT-LLM waits only when a pass would hold decodes too
    const lone = simulate(closed(2, 1), engine({ batchWait: { timeoutSteps: 50, tokenRatio: 0.9 } }), fixedCosts())!;
    expect(lone.ttft.mean).toBeCloseTo(0.1, 12);
  });
  it('keeps the counter when prompts go to an idle engine (TensorRT-LLM checks, and resets, only with decodes in the pass)', () => {
    // Mixed passes, timeout 5. Requests 0 and 1 (outputs 3, 5) prefill at once (0.1 s); request 0 ends
    // at 0.12 s and request 2 waits 2 steps (count 2) until request 1 ends at 0.14 s; with nothing
    // decoding, requests 2 and 3 prefill at once (0.24 s) and the count stays 2. Request 2 ends at
    // 0.26 s; request 4 waits the 3 steps left (0.03 s), then a mixed pass (0.11 s): TTFT 0.14 s.
    const load = closed(5, 2, 100, 3, { outputs: [3, 5, 3, 21, 3] });
    const on = simulate(load, engine({ policy: 'mixed', maxBatchedTokens: 1000, batchWait: { timeoutSteps: 5, tokenRatio: 0.9 } }), fixedCosts())!;
    expect(on.ttft.mean).toBeCloseTo((0.1 + 0.1 + 0.12 + 0.1 + 0.14) / 5, 12);
  });
  it('counts each decoding sequence as 1 + its draft tokens, as TensorRT-LLM does, not the accepted tokens', () => {
    // Two tokens accepted per step of three drafted (tokensPerDecode 4). Request 2 (897 tokens) comes
    // while request 1 decodes: 897 + 4 >= 0.9 x 1000, so it goes at once (a mixed pass, 0.11 s);
    // counted at the 2 accepted tokens (899) it would wait the 5 steps.
    const load = closed(3, 2, 100, 11, { inputs: [100, 100, 897], outputs: [11, 21, 11] });
    const wait = { timeoutSteps: 5, tokenRatio: 0.9, tokensPerDecode: 4 };
    const on = simulate(load, engine({ policy: 'mixed', maxBatchedTokens: 1000, tokensPerStep: 2, batchWait: wait }), fixedCosts())!;
    expect(on.ttft.mean).toBeCloseTo((0.1 + 0.1 + 0.11) / 3, 12);
  });
});

describe('batch waiting in a plan (TensorRT-LLM only, dp = 1)', () => {
  const plan = (engine: string, dp: number, wait: string, tp = 2) => `
version: 1
model: {preset: llama-3.1-70b}
hardware: {preset: b200, gpus: ${tp * dp}}
parallelism: {tp: ${tp}, dp: ${dp}}
deployment: {engine: ${engine}}
workload:
  concurrency: 8
  input_tokens: 922
  output_tokens: 922
  max_batched_tokens: 2248
  benchmark: {requests: 80, input_range_ratio: 0.8, output_range_ratio: 0.8}
${wait}`;
  const wait = '  batch_wait_timeout_steps: 20\n  batch_wait_max_tokens_ratio: 0.9\n';
  it('adds the wait to TTFT under load (up to 20 decode steps); the idle figure and the floor stay', () => {
    const off = verify(plan('trtllm', 1, '')).metrics!;
    const on = verify(plan('trtllm', 1, wait)).metrics!;
    expect(on.ttft_ms! - off.ttft_ms!).toBeGreaterThan(5 * on.decode_step_ms!);
    expect(on.ttft_ms! - off.ttft_ms!).toBeLessThanOrEqual(20 * on.tpot_ms! * 1.5);
    expect(on.ttft_idle_ms).toBe(off.ttft_idle_ms);
    expect(on.ttft_lower_bound_ms).toBe(off.ttft_lower_bound_ms);
  });
  it('counts a decoding sequence as 1 + the drafted tokens under speculative decoding (MTP 3: 4 tokens)', () => {
    const spec = `${wait}  speculative: {method: mtp, tokens: 3, acceptance_length: 2.5}\n`;
    const loaded = load(plan('trtllm', 1, spec));
    expect(resolvePlan(loaded.plan, loaded.origins).workload.batchWait).toEqual({ timeoutSteps: 20, tokenRatio: 0.9, tokensPerDecode: 4 });
    const plain = load(plan('trtllm', 1, wait));
    expect(resolvePlan(plain.plan, plain.origins).workload.batchWait?.tokensPerDecode).toBe(1);
  });
  it('is ignored, and says so, for another engine, attention DP, or a ratio of 0 (which ends every wait at once)', () => {
    for (const [engine, dp, w, tp] of [
      ['sglang', 1, wait, 2],
      ['trtllm', 2, wait, 1],
      ['trtllm', 1, '  batch_wait_timeout_steps: 20\n', 2],
    ] as const) {
      const off = verify(plan(engine, dp, '', tp));
      const on = verify(plan(engine, dp, w, tp));
      expect(on.metrics!.ttft_ms).toBe(off.metrics!.ttft_ms);
      expect(on.details!.assumptions.find((a) => a.name === 'workload.batch_wait_timeout_steps')?.value).toMatch(/^ignored: /);
    }
  });
  it('applies to each replica when dp > 1 comes with tp > 1 (replicas, not attention DP, which runs attention at tp 1)', () => {
    const off = verify(plan('trtllm', 2, '')).metrics!;
    const on = verify(plan('trtllm', 2, wait));
    expect(on.metrics!.ttft_ms!).toBeGreaterThan(off.ttft_ms!);
    expect(on.details!.assumptions.find((a) => a.name === 'workload.batch_wait_timeout_steps')?.value).not.toMatch(/^ignored: /);
  });
});

describe('plans under load', () => {
  const idle = verify(llamaPlan('  concurrency: 1\n  input_tokens: 500\n  output_tokens: 500'));
  const loaded = verify(llamaPlan('  concurrency: 100\n  input_tokens: 500\n  output_tokens: 500'));
  const run = verify(
    llamaPlan('  concurrency: 100\n  input_tokens: 500\n  output_tokens: 500\n  benchmark: {requests: 500, input_range_ratio: 0, output_range_ratio: 0}'),
  );
  it('TTFT under load includes the wait behind other prompts; the idle figure stays beside it', () => {
    const m = loaded.metrics!;
    expect(m.ttft_idle_ms).toBe(idle.metrics!.ttft_idle_ms);
    expect(m.ttft_ms!).toBeGreaterThan(m.ttft_idle_ms!);
    expect(m.ttft_lower_bound_ms!).toBeLessThanOrEqual(m.ttft_idle_ms!);
  });
  it('a declared run is simulated as it ran: 100 prompts sent at once wait behind each other', () => {
    expect(run.metrics!.ttft_ms!).toBeGreaterThan(3 * idle.metrics!.ttft_ms!);
    expect(run.details!.times.load!.requests_per_replica).toBe(500);
  });
  it('percentiles are ordered and stay above their floors', () => {
    for (const r of [loaded, run]) {
      const m = r.metrics!;
      expect(m.ttft_p50_ms!).toBeLessThanOrEqual(m.ttft_p90_ms!);
      expect(m.ttft_p90_ms!).toBeLessThanOrEqual(m.ttft_p99_ms!);
      expect(m.tpot_p50_ms!).toBeLessThanOrEqual(m.tpot_p99_ms!);
      expect(m.ttft_p50_ms!).toBeGreaterThanOrEqual(m.ttft_lower_bound_ms!);
      expect(m.tpot_p50_ms!).toBeGreaterThanOrEqual(m.tpot_lower_bound_ms!);
      expect(m.throughput_tokens_per_s!).toBeLessThanOrEqual(m.throughput_upper_bound_tokens_per_s!);
    }
  });
  it('an open loop: percentile requirements are judged on the simulation, goodput on the requirement', () => {
    const open = verify(
      llamaPlan('  request_rate: 2/s\n  input_tokens: 500\n  output_tokens: 500', 'requirements:\n  ttft_p99: 2 s\n  tpot_p90: 100 ms\n  request_rate: 1/s'),
    );
    expect(check(open, 'requirements.ttft_p99').status).toBe('pass');
    expect(check(open, 'requirements.tpot_p90').status).toBe('pass');
    expect(check(open, 'requirements.request_rate').status).toBe('pass');
    expect(open.metrics!.max_request_rate!).toBeGreaterThan(1);
    expect(open.metrics!.max_request_rate!).toBeLessThanOrEqual(open.metrics!.request_rate_upper_bound!);
    expect(check(open, 'load.saturation').status).toBe('pass');
  });
  it('goodput says what it is a rate of: a closed loop\'s is of Poisson arrivals under its cap, not of its clients in step (a reviewer read a missed TTFT beside "every latency requirement holds")', () => {
    const closed = verify(llamaPlan('  concurrency: 32\n  input_tokens: 1024\n  output_tokens: 256', 'requirements:\n  ttft: 60 ms\n  request_rate: 9/s'));
    expect(check(closed, 'requirements.ttft').status).toBe('fail');
    expect(check(closed, 'requirements.request_rate').detail).toMatch(
      /goodput: the highest rate of Poisson arrivals, at most 32 in flight, at which every stated latency requirement holds \(this plan's own clients send in step/,
    );
    const open = verify(llamaPlan('  request_rate: 2/s\n  input_tokens: 500\n  output_tokens: 500', 'requirements:\n  ttft_p99: 2 s\n  request_rate: 1/s'));
    expect(check(open, 'requirements.request_rate').detail).toMatch(
      /goodput: the highest rate of Poisson arrivals at which every stated latency requirement holds$/,
    );
  });
  it("a request rate beyond the bound says what sets the bound: a closed loop's clients, or each request's work", () => {
    // one client completes at most the throughput bound over its 256 output tokens
    const closed = verify(llamaPlan('  concurrency: 1\n  input_tokens: 1024\n  output_tokens: 256', 'requirements:\n  request_rate: 50/s'));
    const m = closed.metrics!;
    expect(m.request_rate_upper_bound!).toBeCloseTo(m.throughput_upper_bound_tokens_per_s! / 256, 2);
    const c = check(closed, 'requirements.request_rate');
    expect(c.status).toBe('fail');
    expect(c.detail).toMatch(/with 1 request in flight \(workload\.concurrency\), requests complete at most at the throughput bound/);
    expect(c.detail).not.toMatch(/FLOPs/);
    // an open loop has no clients: the work per request sets it
    const open = verify(llamaPlan('  request_rate: 2/s\n  input_tokens: 1024\n  output_tokens: 256', 'requirements:\n  request_rate: 5000/s'));
    expect(check(open, 'requirements.request_rate').detail).toMatch(/each request costs at least its prompt's and its output's FLOPs/);
  });
  it("goodput agrees with the plan's own open loop at its rate: near the boundary the search's shorter runs do not overrule it", () => {
    // p99 TTFT of 160 ms per request/s: the search alone finds about 6.25/s for a 1 s requirement.
    const figures = (p99: number): LoadFigures =>
      ({ kind: 'open', saturated: false, throughput: 0, servedRate: 10, outcome: { ttft: { mean: p99, p50: p99, p90: p99, p99 } } }) as unknown as LoadFigures;
    const sat = () => figures(0);
    const at = (rate: number) => figures(0.16 * rate);
    const req = { ttft_p99: 1 };
    const alone = goodputSearch(sat, at, req, ['ttft_p99'])!;
    expect(alone).toBeGreaterThan(6.1);
    expect(alone).toBeLessThan(6.25);
    // The plan at 6.3/s whose own (longer) run holds 0.99 s: at least its own rate.
    expect(goodputSearch(sat, at, req, ['ttft_p99'], { rate: 6.3, figures: figures(0.99) })).toBe(6.3);
    // The plan at 6.2/s whose own run misses (1.01 s): below its own rate, a rate the search saw hold.
    const below = goodputSearch(sat, at, req, ['ttft_p99'], { rate: 6.2, figures: figures(1.01) })!;
    expect(below).toBeLessThan(6.2);
    expect(0.16 * below).toBeLessThanOrEqual(1);
    expect(below).toBeGreaterThan(6);
    // Far from the boundary the plan's own run changes nothing.
    expect(goodputSearch(sat, at, req, ['ttft_p99'], { rate: 2, figures: figures(0.32) })).toBe(alone);
    // Nor far above it: a plan at 9.6/s whose own run holds again (0.9 s) after the band from 6.25/s
    // that misses is no goodput of 9.6/s (a reviewer's SGLang plan read 24/s while 16/s missed).
    expect(goodputSearch(sat, at, req, ['ttft_p99'], { rate: 9.6, figures: figures(0.9) })).toBe(alone);
  });
  it('goodput never exceeds what the deployment completes: a capped loop meets its latencies at any rate', () => {
    const figures = (served: number): LoadFigures =>
      ({
        kind: 'open',
        saturated: false,
        throughput: 0,
        servedRate: served,
        outcome: { ttft: { mean: 0.5, p50: 0.5, p90: 0.5, p99: 0.5 } },
      }) as unknown as LoadFigures;
    const req = { ttft_p99: 1 };
    // Every rate tried keeps up and meets 1 s: the search ends at its upper end, 1.2 x the saturation run's 10/s.
    const search = (own?: Parameters<typeof goodputSearch>[4], capacity?: () => number) =>
      goodputSearch(
        () => figures(10),
        (rate) => figures(rate),
        req,
        ['ttft_p99'],
        own,
        capacity,
      );
    expect(search()).toBe(12);
    expect(search(undefined, () => 0.337)).toBe(0.337);
    // The plan's own run at 3/s holds too: still no more than the capacity.
    expect(search({ rate: 3, figures: figures(3) }, () => 0.337)).toBe(0.337);
  });
  it("a declared run does not shorten the goodput search's runs: the same max_request_rate at any of the plan's own rates", () => {
    // a finite 600-request search run's drain read as falling behind past 1.76/s; steady ones of 600
    // requests, filling 1,024 slots, past 9.48/s; TPOT 100 ms holds to 28.8/s (the plan's own steady
    // runs: 97 ms at 28/s, 105 ms at 30/s). The declared run does not cap it at its 200 clients either.
    const plan = (rate: number, run: boolean) => `
version: 1
model: {preset: llama-3.1-70b}
hardware: {preset: h100-sxm, gpus: 8}
parallelism: {pp: 8}
deployment: {engine: vllm}
workload: {request_rate: ${rate}, input_tokens: 128, output_tokens: 256, max_batched_tokens: 512${run ? ', benchmark: {requests: 200}' : ''}}
requirements: {ttft_p99: 5 s, tpot: 100 ms, request_rate: 5/s}
`;
    const steady = verify(plan(1, false)).metrics!.max_request_rate!;
    expect(steady).toBeGreaterThan(5);
    for (const rate of [1, 16]) {
      const r = verify(plan(rate, true));
      expect(r.metrics!.max_request_rate).toBe(steady);
      expect(check(r, 'requirements.request_rate').status).toBe('pass');
    }
  });
  it('an open loop capped at 4 in flight: max_request_rate is at most what 4 in flight complete, and its saturation says TTFT leaves the wait at the clients out', () => {
    const m = verify(`
version: 1
deployment: {engine: vllm}
model: {preset: llama-3.1-70b}
hardware: {preset: h100-sxm, gpus: 4}
parallelism: {tp: 4}
workload: {request_rate: 3/s, concurrency: 4, input_tokens: 4096, output_tokens: 512}
requirements: {ttft_p99: 3 s, tpot: 50 ms}
`);
    const completes = m.metrics!.throughput_tokens_per_s! / 512;
    // the metrics are rounded to 3 significant digits; it read 0.352/s beside 0.337/s completed
    expect(m.metrics!.max_request_rate!).toBeLessThanOrEqual(completes * 1.005);
    expect(check(m, 'load.saturation').status).toBe('warn');
    expect(check(m, 'load.saturation').detail).toMatch(/TTFT leaves out the wait at the clients \(at most 4 in flight/);
  });
  it('an open-loop plan near its goodput: max_request_rate is at least its rate exactly when its own p99 holds', () => {
    for (const rate of [5.8, 6.3, 6.4, 6.5, 6.7]) {
      const r = verify(
        `version: 1\nmodel: {preset: llama-3.1-70b}\nhardware: {preset: h100-sxm, gpus: 8}\nparallelism: {tp: 8}\ndeployment: {engine: vllm}\nworkload:\n  request_rate: ${rate}\n  input_tokens: 2048\n  output_tokens: 256\nrequirements:\n  ttft_p99: 1 s\n`,
      );
      const m = r.metrics!;
      expect(m.max_request_rate! >= rate, `rate ${rate}: p99 ${m.ttft_p99_ms} ms, max_request_rate ${m.max_request_rate}`).toBe(m.ttft_p99_ms! <= 1000);
    }
  });
  it('an open loop capped at fewer requests in flight than replicas keeps its cap: one in flight on dp 2 runs like dp 1', () => {
    const plan = (dp: number) => `
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: ${dp}}
parallelism: {tp: 1, dp: ${dp}}
workload: {concurrency: 1, request_rate: 50/s, input_tokens: 200, output_tokens: 100}
`;
    const two = verify(plan(2)).metrics!;
    const one = verify(plan(1)).metrics!;
    expect(two.throughput_tokens_per_s!).toBeLessThanOrEqual(two.throughput_upper_bound_tokens_per_s!);
    expect(two.throughput_tokens_per_s).toBe(one.throughput_tokens_per_s);
  });
  it('an open loop whose cap does not divide over its replicas rounds each share as a closed loop does: 3 in flight on dp 2 runs 2 a replica, as its saturation run does', () => {
    const plan = (concurrency: number, rate = '50/s') => `
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 2}
parallelism: {tp: 1, dp: 2}
workload: {concurrency: ${concurrency}, request_rate: ${rate}, input_tokens: 2048, output_tokens: 256}
`;
    const two = verify(plan(2)).metrics!;
    const three = verify(plan(3)).metrics!;
    const four = verify(plan(4)).metrics!;
    // the truth lies between (one replica holds 2, the other 1); flooring read cap 3 as cap 2
    expect(three.ttft_ms).toBe(four.ttft_ms);
    expect(three.tpot_ms).toBe(four.tpot_ms);
    expect(three.ttft_ms!).toBeGreaterThan(two.ttft_ms!);
    // a closed loop of 3 clients on dp 2 rounds the same way
    const closed = verify(plan(3).replace(', request_rate: 50/s', '')).metrics!;
    const closedFour = verify(plan(4).replace(', request_rate: 50/s', '')).metrics!;
    expect(closed.tpot_ms).toBe(closedFour.tpot_ms);
  });
  it('end-to-end latency has a floor: the TTFT floor, then each later token at the TPOT floor; its range stays above it', () => {
    // one output token: no TPOT, the floor is the TTFT's; a requirement below it is impossible even
    // where nothing fits (no estimate)
    const one = verify(`
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1, memory: 17 GiB}
workload: {concurrency: 1, input_tokens: 2000, output_tokens: 1, max_input_tokens: 100000}
requirements: {e2e_p99: 1 ms}
`);
    const c = check(one, 'requirements.e2e_p99');
    expect(c.status).toBe('fail');
    expect(c.basis).toBe('bound');
    expect(c.limit).toBeCloseTo(one.metrics!.ttft_lower_bound_ms!, 3);
    // 1,193 tokens at the TPOT floor lift the floor above where the TPOT range's spread would take the e2e range
    const long = verify(`
version: 1
model: {layers: 15, hidden_size: 1024, heads: 8, kv_heads: 2, head_dim: 128, ffn_hidden_size: 51957, vocab_size: 252697, weight_dtype: fp16}
hardware: {memory: 123 GiB, peak_tflops: 58.862, memory_bandwidth: 0.5 TB/s, intra_node_bandwidth: 23.6949 GB/s, inter_node_bandwidth: 25.7527 GB/s, gpus_per_node: 8, gpus: 8}
parallelism: {tp: 4, pp: 2}
workload: {concurrency: 17, input_tokens: 94, output_tokens: 1193, request_rate: 0.0229394}
deployment: {engine: trtllm}
`);
    const m = long.metrics!;
    const floor = m.ttft_lower_bound_ms! + 1192 * m.tpot_lower_bound_ms!;
    expect(long.ranges!.e2e_p99_ms![0]).toBeGreaterThanOrEqual(floor - 0.05);
  });
  it('a light open loop reports its small rates to a few significant figures, not 0, with ranges around them', () => {
    // 0.02 requests/s of 2 output tokens: 0.04 tokens/s on 8 GPUs of 700 W, 7e-6 tokens per joule
    const light = verify(`
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 8, cost_per_hour: 2}
parallelism: {tp: 8}
workload: {request_rate: 0.02/s, input_tokens: 100, output_tokens: 2}
`);
    const m = light.metrics!;
    expect(m.throughput_tokens_per_s!).toBeCloseTo(0.04, 2);
    expect(m.tokens_per_joule!).toBeGreaterThan(0);
    for (const k of ['throughput_tokens_per_s', 'tokens_per_joule', 'cost_per_million_tokens']) {
      const [low, high] = light.ranges![k]!;
      expect(low, k).toBeGreaterThan(0);
      expect(low, k).toBeLessThanOrEqual(m[k]!);
      expect(high, k).toBeGreaterThanOrEqual(m[k]!);
    }
  });
  it('a request rate too small for the simulated clock is an error, not a TTFT below the physical floor that passes', () => {
    // 1e-15 requests/s put the arrivals 1e18 ms apart, where a double has no room for a 30 ms prefill:
    // TTFT and TPOT read 0 ms (below ttft_lower_bound_ms, 14.7 ms) and a 20 ms TTFT requirement passed,
    // though every request runs alone at the idle figure, 32 ms
    const plan = (rate: string) => `
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1}
parallelism: {tp: 1}
workload: {concurrency: 8, input_tokens: 1024, output_tokens: 256, request_rate: ${rate}}
requirements: {ttft: 20 ms}
`;
    for (const rate of ['1e-15/s', '1e-12/s', '5e-7/s']) {
      const result = loadPlan('p.plan.yaml', plan(rate), noReferences);
      expect(result.ok, rate).toBe(false);
      if (!result.ok) expect(result.errors[0]).toMatchObject({ path: 'workload.request_rate', line: 6 });
    }
    // the lowest rate accepted keeps every figure at its floor or above, and the requirement fails as it must
    const lowest = verify(plan('0.000001/s'));
    const m = lowest.metrics!;
    expect(m.ttft_ms!).toBeGreaterThanOrEqual(m.ttft_lower_bound_ms!);
    expect(m.ttft_ms!).toBeCloseTo(m.ttft_idle_ms!, 1);
    expect(check(lowest, 'requirements.ttft').status).toBe('fail');
  });

  it("an open loop's throughput has a ceiling too: the request rate's ceiling times the output tokens", () => {
    for (const text of [
      llamaPlan('  request_rate: 2/s\n  input_tokens: 500\n  output_tokens: 500', 'requirements:\n  throughput: 1e9 tokens/s'),
      `
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 2}
disaggregation: {prefill: {parallelism: {tp: 1}}, decode: {parallelism: {tp: 1}}}
workload: {request_rate: 2/s, input_tokens: 500, output_tokens: 500}
requirements: {throughput: 1e9 tokens/s}
`,
    ]) {
      const r = verify(text);
      const m = r.metrics!;
      expect(m.throughput_upper_bound_tokens_per_s!).toBeCloseTo(m.request_rate_upper_bound! * 500, -1);
      expect(m.throughput_tokens_per_s!).toBeLessThanOrEqual(m.throughput_upper_bound_tokens_per_s!);
      expect(check(r, 'requirements.throughput').detail).toMatch(/physically impossible/);
    }
  });
  it('an open loop beyond what the deployment serves warns and says so', () => {
    const over = verify(llamaPlan('  request_rate: 500/s\n  input_tokens: 500\n  output_tokens: 500'));
    expect(check(over, 'load.saturation').status).toBe('warn');
    expect(over.details!.times.load!.saturated).toBe(true);
  });
  it('a rate no efficiency can serve fails as physically impossible', () => {
    const r = verify(llamaPlan('  request_rate: 1/s\n  input_tokens: 500\n  output_tokens: 500', 'requirements:\n  request_rate: 1e6/s'));
    expect(check(r, 'requirements.request_rate').status).toBe('fail');
    expect(check(r, 'requirements.request_rate').detail).toMatch(/physically impossible/);
  });
  it('a load too large to simulate says so instead of stalling the check', () => {
    const t0 = performance.now();
    const huge = verify(llamaPlan('  concurrency: 1\n  max_batched_tokens: 1\n  input_tokens: 100000\n  output_tokens: 2\n  benchmark: {requests: 100}'));
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(huge.metrics!.ttft_ms).toBe(huge.metrics!.ttft_idle_ms);
    expect(check(huge, 'load.simulation').status).toBe('warn');
  });
  it('rejects a run of no requests and unknown keys, naming the line', () => {
    const bad = loadPlan('b.plan.yaml', llamaPlan('  concurrency: 1\n  benchmark:\n    requests: 0\n    warmup: 3'), noReferences);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const paths = bad.errors.map((e) => `${e.line} ${e.path}`);
    expect(paths).toContain('9 workload.benchmark.requests');
    expect(paths).toContain('10 workload.benchmark.warmup');
  });
  it('request_rate takes a unit or a plain number per second; qps is its alias', () => {
    for (const w of ['request_rate: 2', 'request_rate: 120/min', 'qps: 2', 'request_rate: 2 req/s']) {
      const r = loadPlan('r.plan.yaml', llamaPlan(`  ${w}\n  input_tokens: 10\n  output_tokens: 10`), noReferences);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.loaded.plan.workload.request_rate).toBeCloseTo(2, 12);
    }
  });
});

describe('the running heap', () => {
  it('pops by finishStep, each request once, whatever the pushes and pops between (ties included)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(-1)), { maxLength: 200 }), (ops) => {
        const heap = new FinishHeap<{ finishStep: number; id: number }>();
        const held: number[] = [];
        let id = 0;
        const popped = (): void => {
          const top = heap.pop()!;
          const least = Math.min(...held);
          expect(top.finishStep).toBe(least);
          held.splice(held.indexOf(least), 1);
        };
        for (const op of ops) {
          if (op < 0) {
            if (held.length > 0) popped();
          } else {
            heap.push({ finishStep: op, id: id++ });
            held.push(op);
          }
          expect(heap.size).toBe(held.length);
          if (held.length > 0) expect(heap.peek()!.finishStep).toBe(Math.min(...held));
        }
        while (held.length > 0) popped();
        expect(heap.pop()).toBeUndefined();
      }),
    );
  });
});
