// The track record behind "How sure" (src/core/ranges.ts): which bucket a plan's ranges come from,
// and that a range never crosses its physical bound. Hand-made residual tables, so each expectation
// is worked out by hand.
import { describe, expect, it } from 'vitest';
import { check, verify } from './core-helpers.js';
import { missProbability, oneIn, queueBand, RANGE_QUANTILES, rangeOf, residualsFor, type ResidualTable } from '../src/core/ranges.js';

/** A bucket whose ln(measured / estimate) runs evenly from -s to +s over the quantiles. */
function bucket(s: number, n = 40) {
  return { n, q: RANGE_QUANTILES.map((p) => (2 * p - 1) * s) };
}

const table: ResidualTable = {
  ttft: {
    'disagg|sglang|blackwell|queue<1.5': bucket(0.2),
    'disagg|queue>10': bucket(1.5),
    'disagg|sglang|blackwell': bucket(1),
    'disagg|sglang|blackwell|>128': bucket(0.9),
    'vllm|hopper|5-32': bucket(0.3),
    'vllm|hopper|steady': bucket(0.6),
    'vllm|hopper': bucket(0.4),
    'disagg|vllm|hopper|5-32': bucket(0.3),
    all: bucket(0.5),
  },
  tpot: {
    'disagg|sglang|blackwell|>128': bucket(0.1),
    'disagg|sglang|blackwell': bucket(0.15),
    all: bucket(0.2),
  },
  widen: { ttft: 1, tpot: 1 },
  widenDisagg: { ttft: 1, tpot: 1 },
};

describe('queueBand', () => {
  it('reads how far queueing lifts the TTFT above the idle one', () => {
    expect(queueBand(120, 100)).toBe('queue<1.5');
    expect(queueBand(150, 100)).toBe('queue1.5-3');
    expect(queueBand(999, 100)).toBe('queue3-10');
    expect(queueBand(1000, 100)).toBe('queue>10');
    expect(queueBand(null, 100)).toBe('queue?');
    expect(queueBand(100, 0)).toBe('queue?');
  });
});

describe('residualsFor', () => {
  const disagg = { engine: 'sglang', family: 'blackwell', band: '>128', engineDefaulted: false, disaggregated: true };

  it("takes a disaggregated TTFT's bucket by its load regime, not its client count", () => {
    expect(residualsFor('ttft', { ...disagg, queue: 'queue<1.5' }, table).bucket).toBe('disagg|sglang|blackwell|queue<1.5');
    // no engine x family bucket for this regime: the regime's own, across engines
    expect(residualsFor('ttft', { ...disagg, queue: 'queue>10' }, table).bucket).toBe('disagg|queue>10');
    // no regime bucket at all: the engine x family's
    expect(residualsFor('ttft', { ...disagg, queue: 'queue3-10' }, table).bucket).toBe('disagg|sglang|blackwell');
  });

  it('keeps the client-count band for a disaggregated TPOT', () => {
    expect(residualsFor('tpot', { ...disagg, queue: 'queue<1.5' }, table).bucket).toBe('disagg|sglang|blackwell|>128');
  });

  it('keeps an aggregated TTFT by engine, GPU family and how the requests fall, whatever the band', () => {
    const agg = { engine: 'vllm', family: 'hopper', engineDefaulted: false };
    for (const band of ['1-4', '5-32', '>128']) {
      // a band-level bucket (vllm|hopper|5-32) is never read for an aggregated plan
      expect(residualsFor('ttft', { ...agg, band, lengths: 'steady' }, table).bucket).toBe('vllm|hopper|steady');
      // no bucket of declared runs in this table: the engine x family's
      expect(residualsFor('ttft', { ...agg, band, lengths: 'run' }, table).bucket).toBe('vllm|hopper');
      expect(residualsFor('ttft', { ...agg, band }, table).bucket).toBe('vllm|hopper');
    }
    // a lockstep loop's range is the steady record's, +-0.6 x 0.8 at the central 80%, with no nesting
    const steady = residualsFor('ttft', { ...agg, band: '5-32', lengths: 'steady' }, table);
    expect(steady.lighter).toEqual([]);
    expect(steady.heavier).toEqual([]);
    expect(rangeOf(100, steady, 'time', null)[1]).toBeCloseTo(100 * Math.exp(0.48), 6);
    // an idle figure has no load, so no lengths: the engine x family's record
    expect(residualsFor('ttft', { ...agg, band: '1-4', lengths: 'steady', idle: true }, table).bucket).toBe('vllm|hopper');
  });

  it('widens 1.5x, and says why, for a MoE of fewer experts than the validated 128 to 512 (Mixtral: 8)', () => {
    const ctx = { engine: 'vllm', family: 'hopper', band: '5-32', engineDefaulted: false };
    const fine = residualsFor('ttft', { ...ctx, routedExperts: 256 }, table);
    const coarse = residualsFor('ttft', { ...ctx, routedExperts: 8 }, table);
    expect(coarse.widen).toBeCloseTo(1.5 * fine.widen, 9);
    expect(coarse.why.join(' ')).toMatch(/MoE of 8 experts is outside the validated runs/);
    expect(fine.why).toEqual([]);
    expect(residualsFor('ttft', { ...ctx, routedExperts: 0 }, table).widen).toBe(fine.widen);
  });
  it('widens 1.5x, and says why, for a pipeline: every validated run has pp 1', () => {
    const ctx = { engine: 'vllm', family: 'hopper', band: '5-32', engineDefaulted: false };
    const flat = residualsFor('ttft', ctx, table);
    const piped = residualsFor('ttft', { ...ctx, pipelineStages: 4 }, table);
    expect(piped.widen).toBeCloseTo(1.5 * flat.widen, 9);
    expect(piped.why.join(' ')).toMatch(/pipeline parallelism \(pp 4\) is outside the validated runs/);
    expect(residualsFor('ttft', { ...ctx, pipelineStages: 1 }, table).widen).toBe(flat.widen);
  });
  it('widens, and says why, only outside the validated engines x GPU families', () => {
    const inside = residualsFor('ttft', { ...disagg, queue: 'queue>10' }, table);
    expect(inside.widen).toBe(1);
    expect(inside.why).toEqual([]);
    const outside = residualsFor('ttft', { engine: 'trtllm', family: 'ampere', band: '1-4', engineDefaulted: false }, table);
    expect(outside.bucket).toBe('all');
    expect(outside.widen).toBe(1.5);
    expect(outside.why[0]).toMatch(/outside the validated runs/);
  });
});

describe('rangeOf', () => {
  it('spans the central 80% of the residuals: exp(-0.8 s) to exp(0.8 s) for an even spread of +-s', () => {
    // an idle figure: a band of its own, not nested with the loaded ones (see "nested load bands")
    const r = residualsFor(
      'ttft',
      { engine: 'sglang', family: 'blackwell', band: '>128', engineDefaulted: false, disaggregated: true, queue: 'queue<1.5', idle: true },
      table,
    );
    const [lo, hi] = rangeOf(100, r, 'time', null);
    expect(lo).toBeCloseTo(100 * Math.exp(-0.16), 6);
    expect(hi).toBeCloseTo(100 * Math.exp(0.16), 6);
  });

  it('never crosses the physical bound: a time stays at or above its floor', () => {
    const r = residualsFor(
      'ttft',
      { engine: 'sglang', family: 'blackwell', band: '>128', engineDefaulted: false, disaggregated: true, queue: 'queue>10' },
      table,
    );
    const [lo, hi] = rangeOf(100, r, 'time', 90);
    expect(lo).toBe(90);
    expect(hi).toBeCloseTo(100 * Math.exp(1.2), 6);
  });
});

describe("rangeOf's rateLow", () => {
  // the disaggregated SGLang Blackwell >128 TPOT bucket, +-0.1 (nested with the lighter bands' for a rate)
  const r = residualsFor('tpot', { engine: 'sglang', family: 'blackwell', band: '>128', engineDefaulted: false, disaggregated: true }, table);
  const [baseLow, baseHigh] = rangeOf(100, r, 'rate', null);
  it("lifts a rate's low end to it and leaves the high end", () => {
    expect(baseLow).toBeLessThanOrEqual(100 * Math.exp(-0.08) + 1e-9);
    const [lo, hi] = rangeOf(100, r, 'rate', null, 95);
    expect(lo).toBe(95);
    expect(hi).toBe(baseHigh);
  });
  it('never above the estimate, never lowers the low end, and leaves times alone', () => {
    expect(rangeOf(100, r, 'rate', null, 120)[0]).toBe(100);
    expect(rangeOf(100, r, 'rate', null, 50)[0]).toBe(baseLow);
    expect(rangeOf(100, r, 'time', null, 95)[0]).toBe(rangeOf(100, r, 'time', null)[0]);
  });
});

describe('nested load bands: more load with an estimate no lower never narrows the range toward a better verdict', () => {
  // A disaggregated record kept by client-count band (no TTFT regime given; an aggregated plan's
  // records are not kept by band, below). vLLM on Hopper: the 1-4 band spreads widest (+-0.6), 5-32
  // +-0.3, 33-128 +-0.5; >128 has no bucket and falls back to vllm|hopper (+-0.4). Central 80%: ln ends at +-0.8 s.
  const byBand = { 'vllm|hopper|1-4': bucket(0.6), 'vllm|hopper|5-32': bucket(0.3), 'vllm|hopper|33-128': bucket(0.5), 'vllm|hopper': bucket(0.4) };
  const nested: ResidualTable = {
    ttft: { ...byBand, all: bucket(0.5) },
    tpot: { all: bucket(0.2) },
    widen: { ttft: 1, tpot: 1 },
  };
  const disaggNested: ResidualTable = {
    ttft: { ...Object.fromEntries(Object.entries(byBand).map(([k, v]) => [`disagg|${k}`, v])), disagg: bucket(0.5) },
    tpot: { all: bucket(0.2) },
    widenDisagg: { ttft: 1, tpot: 1 },
  };
  const at = (band: string, idle = false) =>
    rangeOf(
      100,
      residualsFor('ttft', { engine: 'vllm', family: 'hopper', band, engineDefaulted: false, disaggregated: true, ...(idle ? { idle } : {}) }, disaggNested),
      'time',
      null,
    );

  it("a band's high end is never below a lighter band's, its low end never above a heavier band's", () => {
    // 5-32: high end as 1-4's (0.48, not its own 0.24), low end as 33-128's (-0.4, not its own -0.24)
    expect(at('5-32')[0]).toBeCloseTo(100 * Math.exp(-0.4), 6);
    expect(at('5-32')[1]).toBeCloseTo(100 * Math.exp(0.48), 6);
    // >128 (vllm|hopper's +-0.32): its low end its own, its high end 1-4's
    expect(at('>128')[0]).toBeCloseTo(100 * Math.exp(-0.32), 6);
    expect(at('>128')[1]).toBeCloseTo(100 * Math.exp(0.48), 6);
    // at one estimate, both ends rise (or stay) band by band
    const bands = ['1-4', '5-32', '33-128', '>128'].map((b) => at(b));
    for (let i = 1; i < bands.length; i++) {
      expect(bands[i]![0]).toBeGreaterThanOrEqual(bands[i - 1]![0]);
      expect(bands[i]![1]).toBeGreaterThanOrEqual(bands[i - 1]![1]);
    }
  });

  it('an idle figure keeps its own band: 5-32, +-0.24', () => {
    expect(at('5-32', true)[0]).toBeCloseTo(100 * Math.exp(-0.24), 6);
    expect(at('5-32', true)[1]).toBeCloseTo(100 * Math.exp(0.24), 6);
  });

  it('a throughput, and the cost that follows from it, improves with load: its bands nest the other way', () => {
    // (a disaggregated plan's TPOT is kept by load band, and its rates follow it; an aggregated plan's is not: below)
    const disagg = Object.fromEntries(Object.entries(nested.ttft).map(([k, v]) => [k === 'all' ? 'disagg' : `disagg|${k}`, v]));
    const r = (band: string) =>
      residualsFor(
        'tpot',
        { engine: 'vllm', family: 'hopper', band, engineDefaulted: false, disaggregated: true },
        { ...nested, tpot: disagg, widenDisagg: { ttft: 1, tpot: 1 } },
      );
    // 5-32 as a rate: the time residual's high end from the heavier bands (33-128: 0.4), its low end from the lighter (1-4: -0.48)
    const [slow, fast] = rangeOf(100, r('5-32'), 'rate', null);
    expect(slow).toBeCloseTo(100 * Math.exp(-0.4), 6);
    expect(fast).toBeCloseTo(100 * Math.exp(0.48), 6);
    // a cost per token is judged as a time that improves with load: the same ends, inverted
    const [cheap, dear] = rangeOf(100, r('5-32'), 'time', null, null, 'improves');
    expect(cheap).toBeCloseTo(100 * Math.exp(-0.48), 6);
    expect(dear).toBeCloseTo(100 * Math.exp(0.4), 6);
    // at one estimate, a rate's ends rise (or stay) band by band
    const bands = ['1-4', '5-32', '33-128', '>128'].map((b) => rangeOf(100, r(b), 'rate', null));
    for (let i = 1; i < bands.length; i++) {
      expect(bands[i]![0]).toBeGreaterThanOrEqual(bands[i - 1]![0]);
      expect(bands[i]![1]).toBeGreaterThanOrEqual(bands[i - 1]![1]);
    }
  });

  it("an aggregated plan's TPOT is kept by engine and GPU family, whatever the load: one range per estimate, no nesting", () => {
    const table: ResidualTable = {
      ttft: { all: bucket(0.5) },
      // a band-level TPOT bucket is never read: the record is kept by family
      tpot: { 'vllm|hopper|1-4': bucket(0.9), 'vllm|hopper': bucket(0.25), all: bucket(0.5) },
      widen: { ttft: 1, tpot: 1 },
    };
    for (const band of ['1-4', '5-32', '33-128', '>128']) {
      const r = residualsFor('tpot', { engine: 'vllm', family: 'hopper', band, engineDefaulted: false }, table);
      expect(r.bucket).toBe('vllm|hopper');
      expect(r.lighter).toEqual([]);
      expect(r.heavier).toEqual([]);
      const [lo, hi] = rangeOf(100, r, 'time', null);
      expect(lo).toBeCloseTo(100 * Math.exp(-0.2), 6);
      expect(hi).toBeCloseTo(100 * Math.exp(0.2), 6);
    }
  });

  it('the share that missed is nested as the range is: 1 in 10 at either end, whichever band sets it', () => {
    const r = residualsFor('ttft', { engine: 'vllm', family: 'hopper', band: '5-32', engineDefaulted: false }, nested);
    const [lo, hi] = rangeOf(100, r, 'time', null);
    // the high end is 1-4's, the low end 33-128's
    expect(missProbability(100, hi, r, 'time')).toBeCloseTo(0.1, 6);
    expect(missProbability(100, lo, r, 'time')).toBeCloseTo(0.9, 6);
    const [slow, fast] = rangeOf(100, r, 'rate', null);
    expect(missProbability(100, slow, r, 'rate')).toBeCloseTo(0.1, 6);
    expect(missProbability(100, fast, r, 'rate')).toBeCloseTo(0.9, 6);
  });

  it("a disaggregated TTFT's regimes nest at their edges: the range's ends rise with the estimate across every regime", () => {
    // queue<1.5 spreads +-0.2 (ln ends +-0.16), queue>10 +-0.3 (+-0.24); 1.5-3 and 3-10 fall back to the family's +-1 (+-0.8)
    const queues: ResidualTable = {
      ttft: {
        'disagg|sglang|blackwell|queue<1.5': bucket(0.2),
        'disagg|sglang|blackwell|queue>10': bucket(0.3),
        'disagg|sglang|blackwell': bucket(1),
        disagg: bucket(1),
      },
      tpot: { disagg: bucket(0.2) },
      widen: { ttft: 1, tpot: 1 },
      widenDisagg: { ttft: 1, tpot: 1 },
    };
    const idle = 100;
    const rangeAt = (lift: number) => {
      const ctx = {
        engine: 'sglang',
        family: 'blackwell',
        band: '>128',
        engineDefaulted: false,
        disaggregated: true,
        queue: queueBand(lift * idle, idle),
        lift,
      };
      return rangeOf(lift * idle, residualsFor('ttft', ctx, queues), 'time', null);
    };
    // below the edge at 1.5, the low end is the next regime's at the edge (150 e^-0.8), not queue<1.5's own (140 e^-0.16)
    expect(rangeAt(1.4)[0]).toBeCloseTo(150 * Math.exp(-0.8), 6);
    expect(rangeAt(1.4)[1]).toBeCloseTo(140 * Math.exp(0.16), 6);
    // just above the edge at 10, the high end is queue3-10's at the edge (1000 e^0.8), not queue>10's own (1200 e^0.24)
    expect(rangeAt(12)[1]).toBeCloseTo(1000 * Math.exp(0.8), 6);
    expect(rangeAt(12)[0]).toBeCloseTo(1200 * Math.exp(-0.24), 6);
    // far above it, its own: the lighter regime's reach has fallen below it (1000 e^0.8 < 3000 e^0.24)
    expect(rangeAt(30)[1]).toBeCloseTo(3000 * Math.exp(0.24), 6);
    let last: [number, number] = [0, 0];
    for (let lift = 1; lift <= 40; lift += 0.01) {
      const [lo, hi] = rangeAt(lift);
      expect(lo).toBeGreaterThanOrEqual(last[0] * (1 - 1e-12));
      expect(hi).toBeGreaterThanOrEqual(last[1] * (1 - 1e-12));
      last = [lo, hi];
    }
  });
});

describe('missProbability', () => {
  // disagg|vllm|hopper|5-32 spreads ln(measured / estimate) evenly over +-0.3: its CDF is (x / 0.3 + 1) / 2
  // (a band on its own, idle: the nested bands are below)
  const r = residualsFor('ttft', { engine: 'vllm', family: 'hopper', band: '5-32', engineDefaulted: false, disaggregated: true, idle: true }, table);
  const cdf = (x: number) => (x / 0.3 + 1) / 2;

  it('a time misses when measured > required: 1 - CDF(ln(required / estimate))', () => {
    expect(missProbability(100, 110, r, 'time')).toBeCloseTo(1 - cdf(Math.log(1.1)), 6); // 0.341
    expect(missProbability(100, 90, r, 'time')).toBeCloseTo(1 - cdf(Math.log(0.9)), 6); // 0.676: the estimate already misses
  });

  it('a rate misses when measured < required: an estimate below its requirement misses more often than not', () => {
    // a rate's ln(measured / estimate) is minus its time's residual
    expect(missProbability(100, 110, r, 'rate')).toBeCloseTo(1 - cdf(-Math.log(1.1)), 6); // 0.659
    expect(missProbability(100, 110, r, 'rate')).toBeGreaterThan(0.5);
    expect(missProbability(100, 90, r, 'rate')).toBeCloseTo(1 - cdf(-Math.log(0.9)), 6); // 0.324
    expect(missProbability(100, 90, r, 'rate')).toBeLessThan(0.5);
  });
});

describe('oneIn', () => {
  it('says odds below one half as 1 in n and above it as the nearest simple fraction', () => {
    expect(oneIn(0.01)).toBe('under 1 in 50');
    expect(oneIn(0.25)).toBe('about 1 in 4');
    expect(oneIn(0.34)).toBe('about 1 in 3');
    expect(oneIn(0.5)).toBe('about 1 in 2');
    expect(oneIn(0.66)).toBe('about 2 in 3');
    expect(oneIn(0.76)).toBe('about 3 in 4');
    expect(oneIn(0.88)).toBe('about 9 in 10');
    expect(oneIn(0.97)).toBe('nearly all');
  });
});

describe("a plan's ranges (plan-ranges.ts)", () => {
  it("a loaded TTFT's range starts no lower than the idle TTFT's: DeepSeek-R1 2P1D on H200 read [40.6 ms, ...] beside an idle range from 133 ms", () => {
    const r = verify(`
version: 1
model: {preset: deepseek-r1, kv_cache_dtype: fp8}
hardware: {preset: h200, gpus: 32, gpus_per_node: 8}
deployment: {engine: sglang}
disaggregation:
  prefill: {workers: 2, gpus: 8, parallelism: {tp: 8, ep: 8}, max_batched_tokens: 16384}
  decode: {workers: 1, gpus: 16, parallelism: {tp: 1, dp: 16, ep: 16}, max_running_sequences: 1024}
  kv_transfer: {bandwidth: 50 GB/s, latency: 50 us}
workload: {concurrency: 512, input_tokens: 4096, output_tokens: 1024, max_input_tokens: 8192, max_output_tokens: 2048}`);
    const [loadedLow] = r.ranges!.ttft_ms!;
    const [idleLow] = r.ranges!.ttft_idle_ms!;
    expect(loadedLow).toBeGreaterThanOrEqual(idleLow);
    expect(r.metrics!.ttft_ms!).toBeGreaterThanOrEqual(loadedLow);
  });

  it('a steady loop of equal requests takes the lockstep record for its TTFT; a declared run or an open loop the spread one', () => {
    const plan = (workload: string) => `
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1}
deployment: {engine: vllm}
workload: {${workload}, input_tokens: 1024, output_tokens: 256}`;
    const ratio = (ws: [number, number]) => ws[1] / ws[0];
    const ctx = { engine: 'vllm', family: 'hopper', band: '5-32', engineDefaulted: false, routedExperts: 0 };
    // the width the track record gives a figure far from its floor: exp(q90 - q10) of the widened residuals
    const width = (lengths: 'steady' | 'run') => ratio(rangeOf(100, residualsFor('ttft', { ...ctx, lengths }), 'time', null));
    expect(width('steady')).not.toBeCloseTo(width('run'), 3);
    const steady = verify(plan('concurrency: 16'));
    expect(ratio(steady.ranges!.ttft_ms!)).toBeCloseTo(width('steady'), 3);
    const run = verify(plan('concurrency: 16, benchmark: {requests: 160, input_range_ratio: 0.8, output_range_ratio: 0.8}'));
    expect(ratio(run.ranges!.ttft_ms!)).toBeCloseTo(width('run'), 3);
    const open = verify(plan('request_rate: 2/s'));
    expect(ratio(open.ranges!.ttft_ms!)).toBeCloseTo(width('run'), 3);
  });

  describe("an open loop's throughput", () => {
    const llama8b = (rate: string, extra = '') => `
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1}
deployment: {engine: vllm}
workload: {request_rate: ${rate}, input_tokens: 1024, output_tokens: 256}
${extra}`;
    it('that keeps up even at its slow end serves its arrivals: 0.2 requests/s x 256 tokens = 51.2 tokens/s (it read 27.4 to 51.5)', () => {
      const r = verify(llama8b('0.2/s', 'requirements: {throughput: 51 tokens/s}'));
      const [low, high] = r.ranges!.throughput_tokens_per_s!;
      expect(low).toBe(51.2);
      expect(high).toBeGreaterThanOrEqual(r.metrics!.throughput_tokens_per_s!);
      // the verdict reads the same range: no longer "at risk"
      expect(check(r, 'requirements.throughput').status).toBe('pass');
      // cost and energy follow the throughput's range
      const [jLow, jHigh] = r.ranges!.tokens_per_joule!;
      expect(jLow / jHigh).toBeCloseTo(51.2 / high, 2);
    });
    it('that the slow end could not keep up with serves what its capacity does there: below its arrivals', () => {
      const r = verify(llama8b('20/s'));
      const [low] = r.ranges!.throughput_tokens_per_s!;
      // it keeps up as estimated (not saturated) ...
      expect(r.details!.times.load!.saturated).toBe(false);
      // ... but the slow end of its range does not
      expect(low).toBeLessThan(20 * 256);
    });
  });
});

describe('a requirement inside its range is at risk, as the contract words it', () => {
  it('missed by the estimate but met at the good end: it warns "likely missed" and says it is at risk', () => {
    const r = verify(`
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1}
workload: {request_rate: 20/s, arrival: gamma, burstiness: 0.2, input_tokens: 1024, output_tokens: 256}
requirements: {tpot: 30 ms}
`);
    const [low, high] = r.ranges!.tpot_ms!;
    expect(low).toBeLessThan(30);
    expect(r.metrics!.tpot_ms!).toBeGreaterThan(30);
    expect(high).toBeGreaterThan(30);
    const c = check(r, 'requirements.tpot');
    expect(c.status).toBe('warn');
    expect(c.detail).toMatch(/^likely missed \(at risk, inside its range\): /);
  });
});
