// Disaggregated plans (contract v1.1): the format and its errors, each pool checked under its prefix
// with lines in its pool's section, the KV transfer against hand-worked bytes, the two-pool
// simulation on schedules worked out by hand, the balance advice, and the deployment's bounds.
import { describe, expect, it } from 'vitest';
import { balancedMix, mixName } from '../src/core/disagg-balance.js';
import { computeDisaggregated } from '../src/core/disagg-estimates.js';
import { resolvePools } from '../src/core/disagg-pools.js';
import { cacheShards, kvLink, kvTransferFloor, kvTransferRate, kvTransferRateText, kvTransferTime, promptKvBytes } from '../src/core/kv-transfer.js';
import { deriveModelFacts } from '../src/core/modelFacts.js';
import { resolvePlan } from '../src/core/resolve.js';
import { simulatePools, type PoolCosts, type PoolsBehaviour } from '../src/core/simulator-pools.js';
import type { LoadSpec } from '../src/core/simulator.js';
import { loadPlan } from '../src/plan/load.js';
import { check, load, noReferences, verify } from './core-helpers.js';

const R1_DISAGG = `version: 1
name: r1-disagg
model:
  preset: deepseek-r1
  kv_cache_dtype: fp8
hardware:
  preset: h200
  gpus: 32
disaggregation:
  prefill:
    workers: 2
    gpus: 8
    parallelism: {tp: 8, ep: 8}
  decode:
    workers: 1
    gpus: 16
    parallelism: {tp: 1, dp: 16, ep: 16}
    max_running_sequences: 2048
workload:
  concurrency: 256
  input_tokens: 4096
  output_tokens: 512
deployment:
  engine: sglang
requirements:
  ttft: 3 s
  tpot: 60 ms
`;

const lineOf = (text: string, pattern: RegExp): number => text.split('\n').findIndex((l) => pattern.test(l)) + 1;

describe('the disaggregation format', () => {
  it('loads both pools, their layouts and the KV link', () => {
    const loaded = load(R1_DISAGG.replace('deployment:', 'disaggregation_unused: 1\ndeployment:').replace('disaggregation_unused: 1\n', ''));
    const d = loaded.plan.disaggregation!;
    expect(d.prefill).toEqual({ workers: 2, gpus: 8, parallelism: { tp: 8, ep: 8 } });
    expect(d.decode.max_running_sequences).toBe(2048);
    expect(loaded.plan.parallelism).toEqual({});
    expect(loaded.lines['disaggregation.decode.parallelism.dp']).toBe(lineOf(R1_DISAGG, /tp: 1, dp: 16/));
  });

  it('reads kv_transfer quantities with units', () => {
    const text = R1_DISAGG.replace('workload:', 'kv_transfer_placeholder\nworkload:')
      .replace('kv_transfer_placeholder\n', '')
      .replace('    max_running_sequences: 2048\n', '    max_running_sequences: 2048\n  kv_transfer:\n    bandwidth: 400 Gb/s\n    latency: 50 us\n');
    const d = load(text).plan.disaggregation!;
    expect(d.kv_transfer?.bandwidth).toBeCloseTo(50e9, 0);
    expect(d.kv_transfer?.latency).toBeCloseTo(50e-6, 12);
  });

  it('refuses a top-level parallelism beside the pools, at its line', () => {
    const text = R1_DISAGG.replace('workload:', 'parallelism:\n  tp: 8\nworkload:');
    const r = loadPlan('p.plan.yaml', text, noReferences);
    expect(r.ok).toBe(false);
    const e = !r.ok ? r.errors.find((x) => x.path === 'parallelism') : undefined;
    expect(e?.message).toMatch(/each pool has its own/);
    expect(e?.line).toBe(lineOf(text, /^parallelism:/));
  });

  it('needs both pools', () => {
    const text = R1_DISAGG.replace(/ {2}decode:\n( {4}.*\n)+/, '');
    const r = loadPlan('p.plan.yaml', text, noReferences);
    expect(!r.ok && r.errors.some((e) => e.path === 'disaggregation.decode' && e.line === lineOf(text, /^disaggregation:/))).toBe(true);
  });

  it('names an unknown key inside a pool with its line and the nearest known key', () => {
    const text = R1_DISAGG.replace('    workers: 1\n', '    worker: 1\n');
    const r = loadPlan('p.plan.yaml', text, noReferences);
    const e = !r.ok ? r.errors[0] : undefined;
    expect(e?.message).toMatch(/disaggregation\.decode\.worker: unknown key 'worker' \(did you mean 'workers'\?\)/);
    expect(e?.line).toBe(lineOf(text, /^ {4}worker: 1/));
  });
});

describe('each pool checked like a plan of its own', () => {
  const report = verify(R1_DISAGG);

  it("prefixes every layout and memory check with its pool, at its pool's lines", () => {
    const ws = check(report, 'prefill.layout.world_size');
    expect(ws.status).toBe('pass');
    expect(ws.line).toBe(lineOf(R1_DISAGG, /tp: 8, ep: 8/));
    expect(check(report, 'decode.layout.world_size').line).toBe(lineOf(R1_DISAGG, /tp: 1, dp: 16/));
    expect(check(report, 'decode.memory.fits').status).toBe('pass');
    expect(check(report, 'prefill.memory.fits').status).toBe('pass');
    expect(check(report, 'decode.memory.kv_capacity').status).toBe('pass');
    // the deployment's own world size: 2 x 8 + 1 x 16 = 32
    expect(check(report, 'layout.world_size')).toMatchObject({ status: 'pass', value: 32, limit: 32 });
    expect(report.checks.some((c) => c.id === 'layout.heads_divisible')).toBe(false);
  });

  it('fails a pool whose layout does not fill its workers, naming the pool key', () => {
    const r = verify(R1_DISAGG.replace('    gpus: 8\n', '    gpus: 4\n').replace('  gpus: 32', '  gpus: 24'));
    const ws = check(r, 'prefill.layout.world_size');
    expect(ws.status).toBe('fail');
    expect(ws.detail).toMatch(/disaggregation\.prefill\.gpus is 4/);
    expect(ws.path).toBe('disaggregation.prefill.parallelism');
  });

  it('one output token: the decode pool sets no rate, the prefill pool alone bounds requests and throughput', () => {
    const m = verify(`
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 2}
disaggregation: {prefill: {parallelism: {tp: 1}}, decode: {parallelism: {tp: 1}}}
workload: {request_rate: 1/s, input_tokens: 1000, output_tokens: 1}
`).metrics!;
    expect(m.request_rate_upper_bound!).toBeGreaterThan(0);
    expect(m.throughput_upper_bound_tokens_per_s!).toBeGreaterThanOrEqual(m.throughput_tokens_per_s!);
  });

  it("fails hardware.gpus that is not the pools' total", () => {
    const text = R1_DISAGG.replace('  gpus: 32', '  gpus: 30');
    const ws = check(verify(text), 'layout.world_size');
    expect(ws).toMatchObject({ status: 'fail', value: 32, limit: 30, line: lineOf(text, / {2}gpus: 30/) });
  });

  it('reports both pools and the transfer in the metrics, each estimate on the right side of its bound', () => {
    const m = report.metrics!;
    expect(m.world_size).toBe(32);
    for (const k of [
      'prefill_utilization',
      'decode_utilization',
      'kv_transfer_ms',
      'kv_transfer_lower_bound_ms',
      'ttft_ms',
      'tpot_ms',
      'throughput_tokens_per_s',
    ]) {
      expect(m[k], k).toEqual(expect.any(Number));
    }
    expect(m.kv_transfer_lower_bound_ms!).toBeLessThanOrEqual(m.kv_transfer_ms!);
    expect(m.ttft_lower_bound_ms!).toBeLessThanOrEqual(m.ttft_ms!);
    expect(m.tpot_lower_bound_ms!).toBeLessThanOrEqual(m.tpot_ms!);
    expect(m.throughput_tokens_per_s!).toBeLessThanOrEqual(m.throughput_upper_bound_tokens_per_s!);
    expect(m.ttft_p50_ms).toEqual(expect.any(Number));
    const d = report.details!.disaggregation!;
    expect(d.prefill).toMatchObject({ workers: 2, gpus_per_worker: 8, gpus: 16, layout: 'tp=8 ep=8' });
    expect(d.decode).toMatchObject({ workers: 1, gpus: 16, layout: 'tp=1 dp=16 ep=16' });
    expect(d.decode.max_running_sequences).toBeGreaterThan(0);
  });

  it("idle TTFT = the prefill pool's idle TTFT + the transfer + the decode side's handoff (one more request overhead)", () => {
    // SGLang on Hopper: the calibrated request overhead is 0 (engines.ts); the same plan on B200 carries 50 ms
    const idle = (preset: string) => {
      const m = verify(R1_DISAGG.replace('preset: h200', `preset: ${preset}`).replace('concurrency: 256', 'concurrency: 1')).metrics!;
      return { ttft: m.ttft_idle_ms!, transfer: m.kv_transfer_ms! };
    };
    const prefillIdle = (preset: string) =>
      verify(
        `version: 1\nname: p\nmodel: {preset: deepseek-r1, kv_cache_dtype: fp8}\nhardware: {preset: ${preset}, gpus: 8}\nparallelism: {tp: 8, ep: 8}\nworkload: {concurrency: 1, input_tokens: 4096, output_tokens: 512}\ndeployment: {engine: sglang}\n`,
      ).metrics!.ttft_idle_ms!;
    const b200 = idle('b200');
    expect(b200.ttft).toBeCloseTo(prefillIdle('b200') + b200.transfer + 50, 1);
    const h200 = idle('h200');
    expect(h200.ttft).toBeCloseTo(prefillIdle('h200') + h200.transfer, 1);
  });

  it('judges the requirements against the two-pool figures', () => {
    expect(check(report, 'requirements.ttft').value).toBe(3000);
    expect(check(report, 'requirements.tpot').limit).toBe(report.metrics!.tpot_ms);
  });

  it('a TTFT below the floor of the prefill pool and the transfer is impossible', () => {
    const r = verify(R1_DISAGG.replace('  ttft: 3 s', '  ttft: 1 ms'));
    expect(check(r, 'requirements.ttft').status).toBe('fail');
    expect(check(r, 'requirements.ttft').detail).toMatch(/physically impossible/);
  });
});

describe('KV transfer', () => {
  const facts = (preset: string, kv?: string) =>
    deriveModelFacts({ preset, ...(kv ? { kv_cache_dtype: kv } : {}), ...load(`version: 1\nmodel: {preset: ${preset}}`).plan.model } as never, 'estimate')
      .facts!;

  it('DeepSeek-R1 MLA at fp8: 61 layers x (512 + 64) values x 1 byte = 35,136 bytes per token', () => {
    const f = deriveModelFacts({ ...load('version: 1\nmodel: {preset: deepseek-r1, kv_cache_dtype: fp8}').plan.model }, 'estimate').facts!;
    expect(promptKvBytes(f, 4096)).toBe(61 * 576 * 4096);
  });

  it('Llama 3.1 70B GQA at bf16: 80 layers x 8 KV heads x 128 x 2 (K and V) x 2 bytes = 327,680 bytes per token', () => {
    const f = deriveModelFacts({ ...load('version: 1\nmodel: {preset: llama-3.1-70b}').plan.model }, 'estimate').facts!;
    expect(promptKvBytes(f, 1000)).toBe(80 * 8 * 128 * 2 * 2 * 1000);
    expect(facts).toBeDefined();
  });

  it('moves distinct shards in parallel: GQA tp4 -> tp8 uses 4 links; MLA is one latent on every tp rank', () => {
    const gqa = deriveModelFacts({ ...load('version: 1\nmodel: {preset: llama-3.1-70b}').plan.model }, 'estimate').facts!;
    const mla = deriveModelFacts({ ...load('version: 1\nmodel: {preset: deepseek-r1}').plan.model }, 'estimate').facts!;
    const layout = (tp: number, pp = 1) => ({ tp, pp, dp: 1, cp: 1, ep: 1, etp: 1, microbatches: 1, layersPerStage: null, worldSize: tp * pp, edp: 1 });
    expect(cacheShards(gqa, layout(4))).toBe(4);
    expect(cacheShards(gqa, layout(8, 2))).toBe(16);
    expect(cacheShards(mla, layout(8))).toBe(1);
    const link = { bandwidth: 50e9, latency: 20e-6, floorBandwidth: 400e9, source: 'test' };
    const bytes = 80 * 8 * 128 * 2 * 2 * 8000;
    // 5.24 GB over 4 links of 50 GB/s at 50% efficiency, plus 20 us
    expect(kvTransferTime(bytes, gqa, layout(4), layout(8), link, 0.5)).toBeCloseTo(bytes / (4 * 50e9 * 0.5) + 20e-6, 9);
    // floor: out of the prefill worker's 4 GPUs at the fastest link, no latency
    expect(kvTransferFloor(bytes, 4, link)).toBeCloseTo(bytes / (4 * 400e9), 12);
    // in words: the rate the time is computed at, and what it is made of
    expect(kvTransferRateText(kvTransferRate(gqa, layout(4), layout(8), link, 0.5)!, 'test')).toBe(
      '100 GB/s effective (4 links at once, each 50 GB/s per GPU x network efficiency 0.5; bandwidth from test)',
    );
  });

  it("says the rate the transfer time is computed at: 25 GB/s effective, not the link's 50 GB/s (the review's p08)", () => {
    const text = R1_DISAGG.replace('  gpus: 32\n', '  gpus: 32\n  efficiency: {network: 0.5}\n').replace(
      '    max_running_sequences: 2048\n',
      '    max_running_sequences: 2048\n  kv_transfer:\n    bandwidth: 50 GB/s\n    latency: 50 us\n',
    );
    const transfer = check(verify(text), 'disaggregation.kv_transfer');
    // DeepSeek-R1 MLA at fp8: 61 layers x (512 + 64) values x 1 byte x 4096 tokens, one latent on every rank: one link
    const bytes = 61 * 576 * 4096;
    expect(transfer.value!).toBeCloseTo((bytes / 25e9 + 50e-6) * 1000, 3);
    expect(transfer.detail).toContain(
      `moves to its decode worker in ${(bytes / 25e6 + 0.05).toFixed(2)} ms at 25 GB/s effective (50 GB/s per GPU x network efficiency 0.5; bandwidth from disaggregation.kv_transfer.bandwidth), plus `,
    );
    expect(transfer.detail).not.toContain('at 50 GB/s per GPU');
  });

  it('defaults to NVLink inside one node and to the network across nodes; the floor takes the fastest link', () => {
    const plan = load(R1_DISAGG).plan;
    const hw = resolvePlan({ ...plan, parallelism: {} }, {}).hardware;
    const across = kvLink(plan, hw, 32);
    expect(across.bandwidth).toBe(hw.interBandwidth);
    expect(across.floorBandwidth).toBe(Math.max(hw.intraBandwidth!, hw.interBandwidth!));
    expect(kvLink(plan, hw, 8).bandwidth).toBe(hw.intraBandwidth);
  });
});

/** Fixed costs: a prefill pass costs 1 us per prompt token, a decode step 10 ms, a transfer 5 ms. */
const costs: PoolCosts = {
  prefill: (work) => ({ time: work.tokens * 1e-6, flops: 1 }),
  decode: () => ({ time: 0.01, flops: 1 }),
};
const pools = (
  over: { prefill?: Partial<PoolsBehaviour['prefill']>; decode?: Partial<PoolsBehaviour['decode']>; transfer?: number; handoff?: number } = {},
): PoolsBehaviour => ({
  prefill: { workers: 1, ranks: 1, maxBatchedTokens: 8192, stepOverhead: 0, ...over.prefill },
  decode: { workers: 1, ranks: 1, maxRunning: 100, stepOverhead: 0, tokensPerStep: 1, outputLag: 0, ...over.decode },
  requestOverhead: 0,
  handoffOverhead: over.handoff ?? 0,
  prefixHitRate: 0,
  transferTime: () => over.transfer ?? 0.005,
});
const closedLoad = (requests: number, clients: number, input = 1000, output = 11): LoadSpec => ({
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
  pairs: () => ({ pairsFull: 0, pairsSliding: 0, pairsTopK: 0 }),
});

describe('the two-pool simulation, by hand', () => {
  it('one slot: a request finishing on an idle worker (its held last output, or one output token) admits the next', () => {
    // 3 clients, one decode slot, outputs a step late: each request runs alone, 6 ms to its first
    // token (+ one 10 ms step of lag), 10 steps; the held last output frees the slot when the worker idles
    const out = simulatePools(closedLoad(3, 3), pools({ decode: { maxRunning: 1, outputLag: 1 } }), costs)!;
    expect(out.measured).toBe(3);
    expect(out.requests).toBe(3);
    // one output token: the request finishes as it joins its idle worker, and its slot admits the next
    const one = simulatePools(closedLoad(3, 3, 1000, 1), pools({ decode: { maxRunning: 1 } }), costs)!;
    expect(one.measured).toBe(3);
  });
  it('a steady open loop measured once the pools have filled: its busy shares are of the window it counts', () => {
    // A prompt every ms (1 ms prefill, 5 ms transfer), 300 tokens of 10 ms steps: the first request
    // finishes at about 3 s, after every one of the 220 arrivals (20 + twice the 100 slots), so the
    // measured window starts at that finish; the decode worker steps all the while (it read 6%).
    const load: LoadSpec = { ...closedLoad(20, 1, 1000, 300), kind: 'open', clients: Infinity, rate: 1000, arrival: 'constant', finite: false, warmup: 2 };
    const out = simulatePools(load, pools(), costs)!;
    expect(out.measured).toBe(18);
    expect(out.decodeBusy).toBeCloseTo(1, 9);
    // at most 100 sequences decoding at 10 ms a step: 10,000 tokens/s, less a freed slot's step
    // while its next request is prefilled and moved (it read 591 tokens/s)
    expect(out.throughput).toBeLessThanOrEqual(10_000 + 1e-6);
    expect(out.throughput).toBeGreaterThan(9_800);
  });
  it('one client: TTFT = prefill 1 ms + transfer 5 ms; TPOT = one 10 ms decode step per token', () => {
    const out = simulatePools(closedLoad(3, 1), pools(), costs)!;
    expect(out.ttft.mean).toBeCloseTo(0.006, 9);
    expect(out.tpot!.mean).toBeCloseTo(0.01, 9);
    // each request: 6 ms to its first token, then 10 steps of 10 ms
    expect(out.e2e.mean).toBeCloseTo(0.106, 9);
    expect(out.meanTransfer).toBeCloseTo(0.005, 9);
  });

  it('waiting prompts are spread over the idle prefill workers, not all taken by the first', () => {
    // 4 prompts of 1000 tokens at once, 4 idle prefill workers: each runs one (1 ms) and sends it
    // over its own link (5 ms), all landing at 6 ms. One worker taking all four would run one 4 ms
    // pass and land them 5 ms apart (9, 14, 19, 24 ms).
    const out = simulatePools(closedLoad(4, 4, 1000, 1), pools({ prefill: { workers: 4 }, decode: { maxRunning: 4 } }), costs)!;
    expect(out.ttft.mean).toBeCloseTo(0.006, 9);
    // 3 prompts on 2 workers: two on the first (2 ms pass, landing at 7 and 12 ms), one on the second (6 ms)
    const three = simulatePools(closedLoad(3, 3, 1000, 1), pools({ prefill: { workers: 2 }, decode: { maxRunning: 3 } }), costs)!;
    expect(three.ttft.mean).toBeCloseTo((0.007 + 0.012 + 0.006) / 3, 9);
  });

  it('transfers from one prefill worker queue on its link: two prompts of one pass land 5 ms apart', () => {
    const out = simulatePools(closedLoad(2, 2), pools(), costs)!;
    // one pass of 2 x 1000 tokens (2 ms), then transfers land at 7 ms and 12 ms; the first joins the idle
    // decode worker at once, the second at the end of the step that started at 7 ms (17 ms)
    expect(out.ttft.mean).toBeCloseTo((0.007 + 0.017) / 2, 9);
  });

  it('a decode worker mid-step takes a new request in at its next step boundary', () => {
    // one prompt per pass: A's pass ends at 1 ms, its KV lands at 6 ms and it joins the idle decode worker;
    // B's pass ends at 2 ms, its transfer waits for the link (6 ms) and lands at 11 ms, mid-step: it joins at 16 ms
    const out = simulatePools(closedLoad(2, 2), pools({ prefill: { maxBatchedTokens: 1000 } }), costs)!;
    expect(out.ttft.mean).toBeCloseTo((0.006 + 0.016) / 2, 9);
  });

  it('a pipelined prefill worker (pp > 1) takes a budget per batch in flight: two 1,000-token prompts share one pass', () => {
    // as with one budget of 8,192 above: one pass of 2 x 1000 tokens (2 ms), transfers land at 7 and 12 ms
    const out = simulatePools(closedLoad(2, 2), pools({ prefill: { maxBatchedTokens: 1000, inFlightBatches: 2 } }), costs)!;
    expect(out.ttft.mean).toBeCloseTo((0.007 + 0.017) / 2, 9);
  });

  it("one prompt's chunk rides in one batch: a lone 3,000-token prompt takes three passes however many are in flight", () => {
    const out = simulatePools(closedLoad(1, 1, 3000), pools({ prefill: { maxBatchedTokens: 1000, inFlightBatches: 4 } }), costs)!;
    expect(out.ttft.mean).toBeCloseTo(0.003 + 0.005, 9);
  });

  it('the decode worker takes a request in only after its handoff: TTFT = prefill 1 ms + transfer 5 ms + handoff 20 ms', () => {
    const out = simulatePools(closedLoad(3, 1), pools({ handoff: 0.02 }), costs)!;
    expect(out.ttft.mean).toBeCloseTo(0.026, 9);
    // the handoff is not link time: the transfer figure stays 5 ms, and the decode steps are unchanged
    expect(out.meanTransfer).toBeCloseTo(0.005, 9);
    expect(out.tpot!.mean).toBeCloseTo(0.01, 9);
  });

  it('a handoff landing mid-step still waits for the step boundary', () => {
    // A's KV lands at 6 ms, ready at 8 ms on the idle worker (steps from 8 ms); B's lands at 11 ms, ready at
    // 13 ms, mid-step (8-18 ms): it joins at 18 ms
    const out = simulatePools(closedLoad(2, 2), pools({ prefill: { maxBatchedTokens: 1000 }, handoff: 0.002 }), costs)!;
    expect(out.ttft.mean).toBeCloseTo((0.008 + 0.018) / 2, 9);
  });

  it('a request waits for a decode slot before its prompt runs', () => {
    const out = simulatePools(closedLoad(2, 2), pools({ decode: { maxRunning: 1 } }), costs)!;
    // the second is admitted when the first finishes (106 ms), then 1 ms + 5 ms
    expect(out.ttft.mean).toBeCloseTo((0.006 + 0.112) / 2, 9);
    expect(out.meanAdmissionWait).toBeCloseTo(0.106 / 2, 9);
  });

  it('a slow prefill pool paces the deployment: busy all the time while the decode pool idles', () => {
    const slow: PoolCosts = { prefill: (w) => ({ time: w.tokens * 1e-4, flops: 1 }), decode: costs.decode };
    const out = simulatePools(closedLoad(200, 20), pools({ prefill: { maxBatchedTokens: 1000 } }), slow)!;
    expect(out.prefillBusy).toBeGreaterThan(0.95);
    // the decode worker steps all the time, but with one or two sequences of its 100 slots
    expect(out.decodeRunning).toBeLessThan(1.5);
    // throughput: one 100 ms prompt at a time, 11 tokens each
    expect(out.throughput).toBeCloseTo(110, -1);
  });

  it('a decode worker holds a slot from admission to finish: its peak held counts requests still waiting for their prompt', () => {
    // 20 clients, 100 slots: all 20 are admitted at once (20 slots held) while the slow prefill pool lets
    // one prompt through per 100 ms pass, each decoded in 100 ms: at most two run at once
    const slow: PoolCosts = { prefill: (w) => ({ time: w.tokens * 1e-4, flops: 1 }), decode: costs.decode };
    const out = simulatePools(closedLoad(200, 20), pools({ prefill: { maxBatchedTokens: 1000 } }), slow)!;
    expect(out.decodePeakHeld).toBe(20);
    expect(out.peakRunning).toBeLessThanOrEqual(2);
    // one slot: never more than one held
    expect(simulatePools(closedLoad(3, 3), pools({ decode: { maxRunning: 1 } }), costs)!.decodePeakHeld).toBe(1);
  });

  it('more prefill workers share the queue', () => {
    const slow: PoolCosts = { prefill: (w) => ({ time: w.tokens * 1e-4, flops: 1 }), decode: costs.decode };
    const one = simulatePools(closedLoad(200, 20), pools({ prefill: { maxBatchedTokens: 1000 } }), slow)!;
    const two = simulatePools(closedLoad(200, 20), pools({ prefill: { maxBatchedTokens: 1000, workers: 2 } }), slow)!;
    expect(two.throughput / one.throughput).toBeCloseTo(2, 0);
    expect(two.ttft.mean).toBeLessThan(one.ttft.mean);
  });
});

describe('balance', () => {
  it('4P2D with prefill half busy and decode saturated: 3P3D on the same 48 GPUs serves 1.5x', () => {
    const a = balancedMix({ prefill: 0.5, decode: 1 }, { prefill: 4, decode: 2 }, { prefill: 8, decode: 8 }, 48)!;
    expect(a.need).toEqual({ prefill: 2, decode: 2 });
    expect(mixName(a.mix)).toBe('3P3D');
    expect(a.headroom).toBeCloseTo(1.5, 9);
    expect(a.gpus).toBe(48);
  });

  it('keeps the current mix when no other whole-worker mix serves more', () => {
    const a = balancedMix({ prefill: 0.6, decode: 1 }, { prefill: 2, decode: 1 }, { prefill: 8, decode: 16 }, 32)!;
    expect(mixName(a.mix)).toBe('2P1D');
  });

  it('says the ratio that would balance the work also when no whole-worker mix of its GPUs does better', () => {
    // Llama 70B fp8: 2 TP4 prefill workers and 1 TP8 decode worker on 16 H100s, 64 clients of 2,048/256
    const b = check(
      verify(`
version: 1
model: {preset: llama-3.1-70b, weight_dtype: fp8}
hardware: {preset: h100-sxm, gpus: 16}
disaggregation:
  prefill: {workers: 2, gpus: 4, parallelism: {tp: 4}}
  decode: {workers: 1, gpus: 8, parallelism: {tp: 8}}
workload: {concurrency: 64, input_tokens: 2048, output_tokens: 256}
`),
      'disaggregation.balance',
    );
    expect(b.status).toBe('warn');
    expect(b.detail).toContain('no other whole-worker mix');
    const [, p, d, ratio] = /needs ([\d.]+) prefill and ([\d.]+) decode workers at full use \(prefill:decode about ([\d.]+):1 would balance them\)/.exec(
      b.detail,
    )!;
    expect(Number(ratio)).toBeCloseTo(Number(p) / Number(d), 0);
  });

  it('the plan warns when a pool idles more than 30% and says the mix', () => {
    const report = verify(R1_DISAGG.replace('concurrency: 256', 'concurrency: 8'));
    const b = check(report, 'disaggregation.balance');
    expect(b.status).toBe('warn');
    expect(b.detail).toMatch(/the prefill (pool idles|and the decode pools idle) more than 30%/);
    expect(b.value).toBeLessThan(0.7);
    expect(b.line).toBe(lineOf(R1_DISAGG, /^disaggregation:/));
    // it judges the decode pool's share of its capacity, and says why decode_utilization reads higher
    const m = report.metrics! as Record<string, number | null>;
    expect(m.decode_utilization!).toBeGreaterThan(m.decode_capacity_utilization!);
    expect(b.detail).toContain(`decode_utilization, ${(m.decode_utilization! * 100).toFixed(0)}%`);
  });
});

describe("TensorRT-LLM's attention-DP balance in a disaggregated plan", () => {
  it('is ignored in both pools and the report says so, not that TTFT includes a hold', () => {
    const trt = R1_DISAGG.replace('engine: sglang', 'engine: trtllm');
    const on = verify(trt.replace('  output_tokens: 512\n', '  output_tokens: 512\n  attention_dp_balance_timeout_steps: 60\n'));
    const off = verify(trt);
    expect(on.metrics!.ttft_ms).toBe(off.metrics!.ttft_ms);
    const said = on.details!.assumptions.filter((a) => a.name.endsWith('workload.attention_dp_balance_timeout_steps')).map((a) => a.value);
    // both pools say the same: once, unprefixed
    expect(said).toEqual([expect.stringMatching(/^ignored: a disaggregated pool/)]);
  });
  it('ignores batch waiting too: a pool never holds prompts and decodes in one pass', () => {
    const trt = R1_DISAGG.replace('engine: sglang', 'engine: trtllm');
    const on = verify(trt.replace('  output_tokens: 512\n', '  output_tokens: 512\n  batch_wait_timeout_steps: 20\n  batch_wait_max_tokens_ratio: 0.9\n'));
    expect(on.metrics!.ttft_ms).toBe(verify(trt).metrics!.ttft_ms);
    const said = on.details!.assumptions.filter((a) => a.name.endsWith('workload.batch_wait_timeout_steps')).map((a) => a.value);
    expect(said).toEqual([expect.stringMatching(/^ignored: a disaggregated pool/)]);
  });
});

describe('an open loop over both pools', () => {
  it('bounds the throughput by the requests both pools can pass on: request_rate_upper_bound x output tokens', () => {
    const text = R1_DISAGG.replace('  concurrency: 256\n', '  request_rate: 2/s\n').replace(
      '  tpot: 60 ms\n',
      '  tpot: 60 ms\nclaims:\n  throughput: 10000000 tokens/s\n',
    );
    const r = verify(text);
    const m = r.metrics!;
    expect(m.request_rate_upper_bound).not.toBeNull();
    expect(m.throughput_upper_bound_tokens_per_s).toBeCloseTo(m.request_rate_upper_bound! * 512, -1);
    expect(m.throughput_tokens_per_s!).toBeLessThanOrEqual(m.throughput_upper_bound_tokens_per_s!);
    expect(check(r, 'claims.throughput').status).toBe('fail');
  });
});

describe("an open loop's throughput range over both pools", () => {
  it('that keeps up even at its slow end starts at its arrivals: 2 requests/s x 512 tokens = 1,024 tokens/s', () => {
    const r = verify(R1_DISAGG.replace('  concurrency: 256\n', '  request_rate: 2/s\n'));
    const [low, high] = r.ranges!.throughput_tokens_per_s!;
    expect(low).toBe(1024);
    expect(high).toBeGreaterThanOrEqual(r.metrics!.throughput_tokens_per_s!);
  });
});

describe("an open loop's decode pool memory", () => {
  // 3 prefill workers of 8 and one decode worker of 16 (DP16) at 20 requests/s: the decode pool runs hundreds of sequences
  const open = `version: 1
name: r1-3p1d-open
model:
  preset: deepseek-r1
  kv_cache_dtype: fp8
hardware:
  preset: h200
  gpus: 40
  gpus_per_node: 8
deployment:
  engine: sglang
disaggregation:
  prefill:
    workers: 3
    gpus: 8
    parallelism: {tp: 8, ep: 8}
    max_batched_tokens: 16384
  decode:
    workers: 1
    gpus: 16
    parallelism: {tp: 1, dp: 16, ep: 16}
    max_running_sequences: 4096
  kv_transfer:
    bandwidth: 50 GB/s
    latency: 50 us
workload:
  request_rate: 20/s
  input_tokens: 4096
  output_tokens: 1024
  max_input_tokens: 8192
  max_output_tokens: 2048
`;
  it('holds the KV of every request its worker had admitted at the peak, at the longest context (it held one request: 60.0%, now 64.8%, its pool full)', () => {
    const loaded = load(open);
    const model = loaded.plan.model;
    const f = computeDisaggregated(loaded, resolvePools(loaded), deriveModelFacts(model, 'estimate').facts, deriveModelFacts(model, 'bound').facts, 40);
    const perRank = Math.ceil(f.outcome!.decodePeakHeld / 16);
    expect(perRank).toBeGreaterThan(1);
    // DeepSeek-R1 MLA at fp8 on tp1: 61 layers x (512 + 64) values x 1 byte x (8192 + 2048) tokens
    const kvOne = 61 * 576 * 10240;
    const dev = f.pools.decode.c.memEst![0]!;
    expect(dev.kvOne).toBe(kvOne);
    expect(dev.kv).toBe(Math.min(dev.pool!, perRank * kvOne));
    const r = verify(open);
    const m = r.metrics!;
    // the decode device: what memory.fits sized for one request, and the KV of perRank - 1 more, no more than its pool
    expect(m.decode_memory_per_gpu_gib!).toBeCloseTo(check(r, 'decode.memory.fits').value! + (dev.kv - kvOne) / 2 ** 30, 2);
    // now the most loaded device of the deployment (a prefill device holds 83.95 GiB)
    expect(m.decode_memory_per_gpu_gib!).toBeGreaterThan(m.prefill_memory_per_gpu_gib!);
    expect(m.memory_per_gpu_gib).toBe(m.decode_memory_per_gpu_gib);
    expect(m.memory_utilization!).toBeGreaterThan(0.62);
  });
  it('leaves the prefill pool as sized: one prompt of the longest length per attention rank', () => {
    const m = verify(open).metrics!;
    const closed = verify(open.replace('  request_rate: 20/s\n', '  concurrency: 64\n')).metrics!;
    expect(m.prefill_memory_per_gpu_gib).toBe(closed.prefill_memory_per_gpu_gib);
  });
});

describe("the deployment's per-GPU memory", () => {
  it("is one device's, the most loaded: its parts add up to memory_per_gpu_gib, never a prefill device's weights with a decode device's KV", () => {
    const r = verify(R1_DISAGG);
    const m = r.metrics!;
    const devices = r.details!.devices as {
      total_gib: number;
      total_floor_gib: number;
      weights_gib: number;
      kv_cache_gib: number;
      activations_gib: number;
      overhead_gib: number;
    }[];
    const worst = devices.reduce((a, d) => (d.total_gib > a.total_gib ? d : a));
    expect(m.memory_per_gpu_gib).toBeCloseTo(worst.total_gib, 2);
    expect(m.weights_per_gpu_gib).toBeCloseTo(worst.weights_gib, 2);
    expect(m.kv_cache_per_gpu_gib).toBeCloseTo(worst.kv_cache_gib, 2);
    expect(m.activations_per_gpu_gib).toBeCloseTo(worst.activations_gib, 2);
    expect(m.weights_per_gpu_gib! + m.kv_cache_per_gpu_gib! + m.activations_per_gpu_gib! + worst.overhead_gib).toBeCloseTo(m.memory_per_gpu_gib!, 1);
    // each device with its own pool's floor, never above its own figure
    for (const d of devices) expect(d.total_floor_gib).toBeLessThanOrEqual(d.total_gib);
  });
});

describe("a disaggregated plan's ranges", () => {
  it('cover the KV transfer too (with the TTFT track record), never below its floor', () => {
    const r = verify(R1_DISAGG);
    const [lo, hi] = r.ranges!.kv_transfer_ms!;
    const m = r.metrics! as Record<string, number | null>;
    expect(lo).toBeLessThanOrEqual(m.kv_transfer_ms!);
    expect(hi).toBeGreaterThanOrEqual(m.kv_transfer_ms!);
    expect(lo).toBeGreaterThanOrEqual(m.kv_transfer_lower_bound_ms!);
  });
});

describe("a disaggregated open loop's decode step", () => {
  it('is the step its decode workers ran, with a floor at their fewest sequences (it read "not computable")', () => {
    const r = verify(`
version: 1
model: {preset: llama-3.1-70b}
hardware: {preset: h100-sxm, gpus: 16}
deployment: {engine: vllm}
disaggregation:
  prefill: {workers: 1, gpus: 8, parallelism: {tp: 8}}
  decode: {workers: 1, gpus: 8, parallelism: {tp: 8}}
workload: {request_rate: 2/s, input_tokens: 2048, output_tokens: 256}
`);
    const m = r.metrics!;
    expect(m.decode_step_ms).not.toBeNull();
    expect(m.decode_step_lower_bound_ms!).toBeLessThanOrEqual(m.decode_step_ms!);
    // vLLM streams each token at the end of its step, and a decode worker runs no prompts: TPOT is the step
    expect(m.decode_step_ms!).toBeLessThanOrEqual(m.tpot_ms! * 1.001);
  });
});

describe('the KV transfer range as shown', () => {
  it('starts no lower than its floor as shown (it read 4.8423 beside 4.8424: the shown floor rounded down again)', () => {
    const r = verify(`
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: rtx-pro-6000}
disaggregation:
  prefill: {workers: 1, parallelism: {tp: 1, dp: 2}}
  decode: {workers: 1, parallelism: {tp: 1, dp: 1}}
workload: {input_tokens: 4729, output_tokens: 1, request_rate: 0.680246/s, benchmark: {requests: 8}}
`);
    expect(r.ranges!.kv_transfer_ms![0]).toBeGreaterThanOrEqual(r.metrics!.kv_transfer_lower_bound_ms!);
  });
});

describe("a disaggregated open loop's decode-step floor", () => {
  it("is the measured window's: DeepSeek-R1, 2 TP8 prefill workers and 1 DP16 decode worker at 10/s", () => {
    // over the whole run the fewest sequences were the first one's: the floor read 4.10 ms, below even
    // the TPOT floor (one sequence per rank, 4.15 ms), beside a 41 ms step
    const m = verify(`
version: 1
model: {preset: deepseek-r1}
hardware: {preset: h200, gpus: 32}
deployment: {engine: sglang}
disaggregation:
  prefill: {workers: 2, gpus: 8, parallelism: {tp: 8, ep: 8}}
  decode: {workers: 1, gpus: 16, parallelism: {tp: 1, dp: 16, ep: 16}, max_running_sequences: 2048}
workload: {request_rate: 10/s, input_tokens: 4096, output_tokens: 1024}
`).metrics!;
    expect(m.decode_step_lower_bound_ms!).toBeGreaterThan(m.tpot_lower_bound_ms!);
    expect(m.decode_step_lower_bound_ms!).toBeLessThanOrEqual(m.decode_step_ms!);
  });
});

describe('the two-pool simulation, figure for figure', () => {
  // Mixed lengths, one-token outputs, outputs held a step, several workers and ranks, a steady
  // open loop and a finite run: request objects are reused once finished and the running heap
  // keeps its keys apart (for speed), so every figure must stay what it was before, to the bit.
  // the figures of the simulation before either change
  const GOLDEN_CLOSED = {
    ttft: { mean: 0.06653371668752883, p50: 0.06919632300000014, p90: 0.08360825729799998, p99: 0.090316360838525 },
    tpot: { mean: 0.004072996671255829, p50: 0.004073330022988508, p90: 0.004087668506818191, p99: 0.004104092314166658 },
    e2e: { mean: 0.10482640242406727, p50: 0.0877777732525001, p90: 0.18897368825200017, p99: 0.20352063981499996 },
    requests: 340,
    measured: 260,
    throughput: 2379.5745483351075,
    wallTime: 1.4000714466515005,
    steps: 683,
    meanTransfer: 0.023487910122796177,
    meanAdmissionWait: 0.03400478324137501,
    decodeRunning: 4.386076766441533,
    decodePeakHeld: 8,
    peakRunning: 8,
  };
  const GOLDEN_OPEN = {
    ttft: { mean: 0.27943112466873465, p50: 0.28053630768278337, p90: 0.4693111352558368, p99: 0.5157410865784814 },
    tpot: { mean: 0.0029880751535914544, p50: 0.0026679716977011467, p90: 0.004046867000000037, p99: 0.004068207799999957 },
    e2e: { mean: 0.304483363797196, p50: 0.3114207775228046, p90: 0.4930883738705465, p99: 0.575609926523655 },
    requests: 375,
    measured: 260,
    throughput: 2635.2745828801094,
    wallTime: 1.3377438948682763,
    steps: 917,
    meanTransfer: 0.07184997694778578,
    meanAdmissionWait: 0.20294624052995563,
    decodeRunning: 2.0190778939830514,
    decodePeakHeld: 8,
    peakRunning: 5,
  };
  const GOLDEN_FINITE = {
    ttft: { mean: 0.09186860778634427, p50: 0.09476465750375015, p90: 0.11082055199999928, p99: 0.12465355364790522 },
    tpot: { mean: 0.002332130379310345, p50: 0.0020081510000000136, p90: 0.004016101499999991, p99: 0.0040238224999999996 },
    e2e: { mean: 0.09342934119403658, p50: 0.09582249849999974, p90: 0.11442100830000008, p99: 0.1275009162000003 },
    requests: 300,
    measured: 260,
    throughput: 439.88566931428096,
    wallTime: 1.1366589886399998,
    steps: 191,
    meanTransfer: 0.018016096751678853,
    meanAdmissionWait: 0.06911684953936541,
    decodeRunning: 0.34898182861781246,
    decodePeakHeld: 3,
    peakRunning: 2,
  };
  const varied: PoolCosts = {
    prefill: (w, ranks) => ({ time: 2e-4 + w.tokens * 1.1e-6 + w.pairsFull * 3e-13 + ranks * 1e-5, flops: w.tokens * 7 }),
    decode: (batch, context) => ({ time: 0.004 + batch * 3e-5 + batch * context * 2e-9, flops: batch * 11 }),
  };
  const mixed = (over: Partial<LoadSpec>): LoadSpec => ({
    ...closedLoad(300, 24),
    inputs: [900, 2500, 40, 1300],
    outputs: [1, 7, 30, 2, 12],
    warmup: 40,
    finite: false,
    pairs: (from, to) => ({ pairsFull: (to * (to + 1) - from * (from + 1)) / 2, pairsSliding: 0, pairsTopK: 0 }),
    ...over,
  });
  const behaviour = (decode: Partial<PoolsBehaviour['decode']>): PoolsBehaviour => ({
    ...pools({ prefill: { workers: 3, ranks: 2, maxBatchedTokens: 1024 }, decode: { workers: 2, ranks: 2, maxRunning: 8, ...decode } }),
    requestOverhead: 0.0007,
    handoffOverhead: 0.001,
    prefixHitRate: 0.25,
    transferTime: (tokens) => 0.002 + tokens * 3e-6,
  });
  const figures = (load: LoadSpec, b: PoolsBehaviour) => {
    const out = simulatePools(load, b, varied)!;
    const { ttft, tpot, e2e, requests, measured, throughput, wallTime, steps, meanTransfer, meanAdmissionWait, decodeRunning, decodePeakHeld, peakRunning } =
      out;
    return { ttft, tpot, e2e, requests, measured, throughput, wallTime, steps, meanTransfer, meanAdmissionWait, decodeRunning, decodePeakHeld, peakRunning };
  };
  it('a steady closed loop, outputs held a step', () => {
    expect(figures(mixed({}), behaviour({ outputLag: 1 }))).toEqual(GOLDEN_CLOSED);
  });
  it('a steady open loop, 1.6 tokens a step', () => {
    const load = mixed({ kind: 'open', clients: Infinity, rate: 400, arrival: 'poisson' });
    expect(figures(load, behaviour({ tokensPerStep: 1.6, workers: 3 }))).toEqual(GOLDEN_OPEN);
  });
  it('a finite run, mostly one-token outputs held a step', () => {
    expect(figures(mixed({ finite: true, outputs: [1, 1, 3] }), behaviour({ maxRunning: 3, outputLag: 1 }))).toEqual(GOLDEN_FINITE);
  });
});
