// The finite closed-loop benchmark simulation, on hand-worked schedules with fixed pass costs,
// and through a plan that declares workload.benchmark.
import { describe, expect, it } from 'vitest';
import { benchmarkLengths, simulateBenchmark, type BenchmarkConditions, type PassCosts } from '../src/core/benchmark.js';
import { loadPlan } from '../src/plan/load.js';
import { noReferences, verify } from './core-helpers.js';

/** 10 ms a decode step, 100 ms a prefill pass, whatever they hold: schedules can be worked out by hand. */
const fixedCosts = (log: string[] = []): PassCosts => ({
  decodeStep: (batch) => {
    log.push(`decode ${batch}`);
    return 0.01;
  },
  prefillPass: (segments) => {
    log.push(`prefill ${segments.map((s) => `${s.from}-${s.to}`).join(',')}`);
    return 0.1;
  },
});

const conditions = (over: Partial<BenchmarkConditions> = {}): BenchmarkConditions => ({
  concurrency: 1, replicas: 1, meanInput: 100, meanOutput: 11, maxBatchedTokens: 8192, requestOverhead: 0, tokensPerStep: 1, prefixHitRate: 0, stages: 1, ...over,
});
const fixed = (requests: number) => ({ requests, inputRangeRatio: 1, outputRangeRatio: 1 });

describe('benchmark lengths', () => {
  it('fixed lengths at range ratio 1', () => {
    expect(benchmarkLengths(922, 1, 5, 2)).toEqual([922, 922, 922, 922, 922]);
  });
  it('uniform in [ratio x longest, longest] around the mean: ratio 0.8, mean 922 -> [819.6, 1024.4]', () => {
    const l = benchmarkLengths(922, 0.8, 1000, 3);
    expect(Math.min(...l)).toBeGreaterThanOrEqual(819);
    expect(Math.max(...l)).toBeLessThanOrEqual(1025);
    expect(l.reduce((a, b) => a + b, 0) / l.length).toBeCloseTo(922, -1);
  });
  it('ratio 0 (bench_serving random default) spreads lengths from 1 to twice the mean', () => {
    const l = benchmarkLengths(500, 0, 500, 2);
    expect(Math.min(...l)).toBeLessThan(10);
    expect(Math.max(...l)).toBeGreaterThan(990);
    expect(l.reduce((a, b) => a + b, 0) / l.length).toBeCloseTo(500, -1);
  });
});

describe('simulated schedule', () => {
  it('one request: TTFT = one prefill pass, then 10 steps for the other 10 tokens', () => {
    const o = simulateBenchmark(fixed(1), conditions(), fixedCosts())!;
    expect(o.ttft).toBeCloseTo(0.1, 12);
    expect(o.tpot).toBeCloseTo(0.01, 12);
    expect(o.wallTime).toBeCloseTo(0.2, 12);
    expect(o.throughput).toBeCloseTo(11 / 0.2, 9);
    expect(o.steps).toBe(10);
  });
  it('two requests sent together share one prefill pass and every decode step', () => {
    const log: string[] = [];
    const o = simulateBenchmark(fixed(2), conditions({ concurrency: 2 }), fixedCosts(log))!;
    expect(log[0]).toBe('prefill 0-100,0-100');
    expect(log.slice(1)).toEqual(Array(10).fill('decode 2'));
    expect(o.throughput).toBeCloseTo(22 / 0.2, 9);
  });
  it('a prompt longer than max_batched_tokens is prefilled in chunks, one pass each', () => {
    const log: string[] = [];
    const o = simulateBenchmark(fixed(1), conditions({ meanInput: 300, maxBatchedTokens: 128 }), fixedCosts(log))!;
    expect(log.slice(0, 3)).toEqual(['prefill 0-128', 'prefill 128-256', 'prefill 256-300']);
    expect(o.ttft).toBeCloseTo(0.3, 12);
  });
  it('closed loop: a finished request is replaced at once; the run ends with the last one', () => {
    // 4 requests, 2 in flight: two waves of (100 ms prefill + 10 steps) = 0.4 s.
    const o = simulateBenchmark(fixed(4), conditions({ concurrency: 2 }), fixedCosts())!;
    expect(o.wallTime).toBeCloseTo(0.4, 12);
    expect(o.ttft).toBeCloseTo(0.1, 12);
    expect(o.throughput).toBeCloseTo(44 / 0.4, 9);
  });
  it('the request overhead delays the engine seeing the request: it adds to TTFT and to the wall time', () => {
    const o = simulateBenchmark(fixed(2), conditions({ requestOverhead: 0.02 }), fixedCosts())!;
    expect(o.ttft).toBeCloseTo(0.12, 12);
    expect(o.wallTime).toBeCloseTo(2 * 0.22, 12);
  });
  it('prefill first: a prompt arriving mid-run stalls the running sequences for one pass', () => {
    // Output lengths at mean 3, ratio 0 (longest 6) for 3 requests: 2, 4, 1. Two in flight: the
    // first finishes after one step, the third is prefilled while the second waits, then finishes at once.
    const log: string[] = [];
    simulateBenchmark({ requests: 3, inputRangeRatio: 1, outputRangeRatio: 0 }, conditions({ concurrency: 2, meanOutput: 3 }), fixedCosts(log));
    expect(benchmarkLengths(3, 0, 3, 3)).toEqual([2, 4, 1]);
    expect(log).toEqual(['prefill 0-100,0-100', 'decode 2', 'prefill 0-100', 'decode 1', 'decode 1']);
  });
  it('speculative decoding: each step advances every sequence by the accepted tokens', () => {
    const o = simulateBenchmark(fixed(1), conditions({ tokensPerStep: 2.5 }), fixedCosts())!;
    expect(o.steps).toBe(4); // 1 token from prefill, then 3.5, 6, 8.5, 11
  });
  it('data-parallel replicas each run their share; throughput counts them all', () => {
    const one = simulateBenchmark(fixed(4), conditions({ concurrency: 2 }), fixedCosts())!;
    const two = simulateBenchmark(fixed(8), conditions({ concurrency: 4, replicas: 2 }), fixedCosts())!;
    expect(two.throughput).toBeCloseTo(2 * one.throughput, 9);
    expect(two.wallTime).toBeCloseTo(one.wallTime, 12);
  });
  it('with fewer requests in flight than replicas, only that many replicas work', () => {
    const one = simulateBenchmark(fixed(2), conditions({ concurrency: 1 }), fixedCosts())!;
    const spread = simulateBenchmark(fixed(2), conditions({ concurrency: 1, replicas: 8 }), fixedCosts())!;
    expect(spread.throughput).toBeCloseTo(one.throughput, 9);
  });
  it('prefix-cache hits start each prompt after its cached tokens', () => {
    const log: string[] = [];
    simulateBenchmark(fixed(1), conditions({ prefixHitRate: 0.5 }), fixedCosts(log));
    expect(log[0]).toBe('prefill 50-100');
  });
  it('a missing cost stops the simulation', () => {
    expect(simulateBenchmark(fixed(1), conditions(), { decodeStep: () => null, prefillPass: () => 0.1 })).toBeNull();
  });
});

const llamaPlan = (benchmark: string) => `
version: 1
model: {preset: llama-3.1-70b}
hardware: {preset: a100-80gb, gpus: 8}
parallelism: {tp: 8}
workload:
  concurrency: 100
  input_tokens: 500
  output_tokens: 500
${benchmark}
`;

describe('a plan that declares its benchmark run', () => {
  const steady = verify(llamaPlan(''));
  const run = verify(llamaPlan('  benchmark: {requests: 500, input_range_ratio: 0, output_range_ratio: 0}'));
  it('replaces the steady-state TTFT, TPOT and throughput with the simulated run', () => {
    const m = run.metrics!;
    const s = steady.metrics!;
    // 100 prompts sent at once wait behind each other's prefill: mean TTFT far above a lone prompt's.
    expect(m.ttft_ms!).toBeGreaterThan(3 * s.ttft_ms!);
    // Ramp-up and the tail of the longest requests cost throughput.
    expect(m.throughput_tokens_per_s!).toBeLessThan(s.throughput_tokens_per_s!);
    expect(m.throughput_tokens_per_s!).toBeGreaterThan(0.5 * s.throughput_tokens_per_s!);
  });
  it('stays within the physical bounds', () => {
    const m = run.metrics!;
    expect(m.throughput_tokens_per_s!).toBeLessThanOrEqual(m.throughput_upper_bound_tokens_per_s!);
    expect(m.ttft_ms!).toBeGreaterThanOrEqual(m.ttft_lower_bound_ms!);
  });
  it('keeps the other figures (memory, decode step) unchanged', () => {
    expect(run.metrics!.decode_step_ms).toBe(steady.metrics!.decode_step_ms);
    expect(run.metrics!.memory_per_gpu_gib).toBe(steady.metrics!.memory_per_gpu_gib);
  });
  it('a wave prefilled in one pass decodes at the bare step: the TPOT floor still holds', () => {
    // 8 prompts of 500 tokens fit one chunk: every request's first token comes from the same pass,
    // so TPOT is the decode step alone, with no other prompt's prefill in it.
    const wave = verify(llamaPlan('  benchmark: {requests: 8}').replace('concurrency: 100', 'concurrency: 8').replace('output_tokens: 500', 'output_tokens: 2'));
    expect(wave.metrics!.tpot_ms!).toBeGreaterThanOrEqual(wave.metrics!.tpot_lower_bound_ms!);
  });
  it('prefill passes count towards the work cap: a plan of 1-token chunks falls back at once', () => {
    const chunks = verify(llamaPlan('  max_batched_tokens: 1\n  benchmark: {requests: 100}').replace('concurrency: 100', 'concurrency: 1').replace('input_tokens: 500', 'input_tokens: 100000'));
    expect(chunks.details!.times.benchmark_run).toBeUndefined();
  });
  it('a run too long to simulate falls back to the steady state instead of stalling the check', () => {
    const huge = verify(llamaPlan('  benchmark: {requests: 1000000}').replace('output_tokens: 500', 'output_tokens: 2000000'));
    expect(huge.details!.times.benchmark_run).toBeUndefined();
    expect(huge.metrics!.throughput_tokens_per_s).not.toBeNull();
    expect(run.details!.times.benchmark_run!.steady_state.throughput_tokens_per_s).toBe(steady.metrics!.throughput_tokens_per_s);
  });
  it('rejects a run of no requests and unknown keys, naming the line', () => {
    const bad = loadPlan('b.plan.yaml', llamaPlan('  benchmark:\n    requests: 0\n    warmup: 3'), noReferences);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const paths = bad.errors.map((e) => `${e.line} ${e.path}`);
    expect(paths).toContain('11 workload.benchmark.requests');
    expect(paths).toContain('12 workload.benchmark.warmup');
  });
});
