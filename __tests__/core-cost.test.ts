import { describe, expect, it } from 'vitest';
import { costPerMillionTokens, economyMetrics, economyRanges, judgeCostRequirement, tokensPerJoule } from '../src/core/cost.js';
import { verifyPlanText } from '../src/core/index.js';

const noReference = () => ({ error: 'no references in this test' });

describe('cost per million output tokens', () => {
  it('is gpus x cost_per_hour / (throughput x 3600) x 1e6 (worked by hand)', () => {
    // 8 GPUs at $2.50 an hour cost $20 an hour; 2,000 tokens/s make 7.2M tokens an hour:
    // $20 / 7.2 = $2.7778 per million tokens.
    expect(costPerMillionTokens(8, 2.5, 2000)).toBeCloseTo(2.7778, 4);
    // One H100 at $2.99 an hour (a cloud list price) serving 3,000 tokens/s: 2.99 / 10.8 = $0.2769.
    expect(costPerMillionTokens(1, 2.99, 3000)).toBeCloseTo(0.27685, 5);
  });

  it('is not computable without a throughput, and falls as throughput grows', () => {
    expect(costPerMillionTokens(8, 2.5, null)).toBeNull();
    expect(costPerMillionTokens(8, 2.5, 0)).toBeNull();
    expect(costPerMillionTokens(8, 2.5, 4000)!).toBeLessThan(costPerMillionTokens(8, 2.5, 2000)!);
  });
});

describe('tokens per joule', () => {
  it('is throughput / (gpus x power) (worked by hand)', () => {
    // 8 x 700 W = 5,600 W; 2,000 tokens/s / 5,600 J/s = 0.35714 tokens/J
    expect(tokensPerJoule(8, 700, 2000)).toBeCloseTo(0.35714, 5);
    expect(tokensPerJoule(8, 700, null)).toBeNull();
  });
});

describe('economy metrics', () => {
  it('the bound side comes from the throughput ceiling and rounds outward', () => {
    const m = economyMetrics({ gpus: 3, costPerHour: 1, power: 700, throughput: 1000, throughputBound: 3000 });
    // 3 / (1000 x 3600) x 1e6 = 0.83333...; at the ceiling 3 / (3000 x 3600) x 1e6 = 0.27777...
    expect(m.cost_per_million_tokens).toBe(0.8333);
    expect(m.cost_per_million_tokens_lower_bound).toBe(0.2777); // rounded down, never above the true floor
    // 1000 / 2100 = 0.47619; 3000 / 2100 = 1.428571 -> rounded up
    expect(m.tokens_per_joule).toBe(0.4762);
    expect(m.tokens_per_joule_upper_bound).toBe(1.4286);
  });

  it('is null, never 0, without a price or a power', () => {
    const m = economyMetrics({ gpus: 2, throughput: 1000, throughputBound: 2000 });
    expect(Object.values(m)).toEqual([null, null, null, null]);
  });
});

describe('ranges of cost and energy', () => {
  it("follow the throughput's range: the fast end is the cheap one", () => {
    // 8 GPUs at $2.50 an hour; throughput 1,600 to 2,500 tokens/s: $20 / (2,500 x 3600) x 1e6 = $2.2222,
    // $20 / (1,600 x 3600) x 1e6 = $3.4722; 1,600 / 5,600 = 0.2857, 2,500 / 5,600 = 0.4464 tokens/J
    const r = economyRanges({ gpus: 8, costPerHour: 2.5, power: 700, throughput: 2000, throughputBound: 5000 }, [1600, 2500]);
    expect(r.cost_per_million_tokens).toEqual([2.2222, 3.4722]);
    expect(r.tokens_per_joule).toEqual([0.2857, 0.4464]);
    expect(economyRanges({ gpus: 8, throughput: 2000, throughputBound: 5000 }, [1600, 2500])).toEqual({});
    expect(economyRanges({ gpus: 8, costPerHour: 2.5, throughput: 2000, throughputBound: 5000 }, undefined)).toEqual({});
  });
});

describe('requirements.cost_per_million_tokens', () => {
  const economy = { gpus: 8, costPerHour: 2.5, throughput: 2000, throughputBound: 5000 };
  it('passes when the estimate meets it', () => {
    const j = judgeCostRequirement(3, economy, []);
    expect(j.status).toBe('pass');
    expect(j.limit).toBeCloseTo(2.7778, 4);
    expect(j.basis).toBe('estimate');
  });
  it('fails as physically impossible below the floor the throughput ceiling allows', () => {
    // at 5,000 tokens/s: 20 / 18 = $1.11 per million
    const j = judgeCostRequirement(1, economy, []);
    expect(j.status).toBe('fail');
    expect(j.basis).toBe('bound');
    expect(j.limit).toBeCloseTo(1.1111, 4);
    expect(j.detail).toMatch(/physically impossible/);
  });
  it('is unverified and names hardware.cost_per_hour when no price is given', () => {
    const j = judgeCostRequirement(1, { gpus: 8, throughput: 2000, throughputBound: 5000 }, ['workload.concurrency']);
    expect(j.status).toBe('unverified');
    expect(j.missing).toEqual(['hardware.cost_per_hour']);
  });
});

describe('cost and energy in a verified plan', () => {
  const plan = (extra: string) => `version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1${extra}}
workload: {concurrency: 32, input_tokens: 1024, output_tokens: 256}
requirements: {cost_per_million_tokens: 5}
`;

  it('computes both metrics from the plan, with the preset TDP for power', () => {
    const r = verifyPlanText('a.plan.yaml', plan(', cost_per_hour: 2.5'), noReference);
    const m = r.metrics!;
    const t = m.throughput_tokens_per_s!;
    expect(m.cost_per_million_tokens).toBeCloseTo((2.5 / (t * 3600)) * 1e6, 3);
    expect(m.tokens_per_joule).toBeCloseTo(t / 700, 3); // h100-sxm preset: 700 W
    const check = r.checks.find((c) => c.id === 'requirements.cost_per_million_tokens')!;
    expect(check.status).toBe('pass');
    expect(check.unit).toBe('USD');
    expect(r.details?.assumptions.find((a) => a.name === 'hardware.power')?.source).toBe('preset:h100-sxm');
  });

  it('keeps the ranges inside the bounds: the cheap end no lower than the cost floor, the energy range under its ceiling', () => {
    // a 405B model read from HBM at full efficiency: the estimate sits at its ceiling of 0.62 tokens/s,
    // which rounds up (0.6188 -> 0.62); the ranges must clip to the ceiling itself, not to its rounding
    const r = verifyPlanText(
      'a.plan.yaml',
      `version: 1
model: {preset: llama-3.1-405b}
hardware: {memory: 900 GiB, peak_tflops: 5000, memory_bandwidth: 0.5 TB/s, gpus: 1, cost_per_hour: 3, power: 700 W, efficiency: {compute: 1, memory: 1, network: 1}}
workload: {concurrency: 1, input_tokens: 10, output_tokens: 2000}
`,
      noReference,
    );
    const m = r.metrics!;
    expect(r.ranges!.cost_per_million_tokens![0]).toBeGreaterThanOrEqual(m.cost_per_million_tokens_lower_bound!);
    expect(r.ranges!.tokens_per_joule![1]).toBeLessThanOrEqual(m.tokens_per_joule_upper_bound!);
    expect(r.ranges!.throughput_tokens_per_s![1]).toBeLessThanOrEqual(m.throughput_upper_bound_tokens_per_s!);
  });

  it('reads a power the plan gives with a unit', () => {
    const r = verifyPlanText('a.plan.yaml', plan(', power: 0.5 kW'), noReference);
    expect(r.metrics!.tokens_per_joule).toBeCloseTo(r.metrics!.throughput_tokens_per_s! / 500, 3);
    expect(r.checks.find((c) => c.id === 'requirements.cost_per_million_tokens')!.status).toBe('unverified');
  });
});

describe('the cost estimate is never below its floor', () => {
  it("a run whose sampled answers average a hair past the stated mean: its throughput stays at the ceiling's", () => {
    // 1-token answers of range ratio 0 (0 to 2 tokens): the run served 182.85 tokens/s beside a
    // ceiling of 182.83, so the cost read 1.1275 beside a floor of 1.1276 (fuzz seed 1)
    const text = JSON.stringify({
      version: 1,
      model: {
        layers: 4,
        hidden_size: 512,
        heads: 8,
        kv_heads: 8,
        head_dim: 64,
        ffn_hidden_size: 256,
        vocab_size: 1000,
        weight_dtype: 'bf16',
        moe: { experts: 4, top_k: 1, expert_ffn_hidden_size: 128 },
      },
      hardware: {
        memory: '8 GiB',
        peak_tflops: 50,
        memory_bandwidth: '0.5 TB/s',
        intra_node_bandwidth: '16 GB/s',
        inter_node_bandwidth: '10 GB/s',
        gpus_per_node: 4,
        gpus: 4,
        cost_per_hour: 0.185547,
      },
      parallelism: { tp: 1, pp: 4, dp: 1 },
      workload: {
        concurrency: 9,
        input_tokens: 15168,
        output_tokens: 1,
        max_input_tokens: 15168,
        benchmark: { requests: 184, input_range_ratio: 0, output_range_ratio: 0 },
      },
      deployment: { engine: 'vllm' },
    });
    const m = verifyPlanText('a.plan.json', text, noReference).metrics!;
    expect(m.cost_per_million_tokens!).toBeGreaterThanOrEqual(m.cost_per_million_tokens_lower_bound!);
  });
});

describe("a cost requirement's range is the metrics' cost range", () => {
  it('an open loop that keeps up pays what its arrivals pay: a requirement below that range fails, as the figures say', () => {
    // Found by the generated-plan invariants: the check read "range $3.88 to $12.08" (the TPOT track
    // record, stopped at the physical bound) beside metrics.ranges of $6.94 to $6.98
    const text = JSON.stringify({
      version: 1,
      model: { preset: 'llama-3.1-8b' },
      hardware: { preset: 'a100-40gb', cost_per_hour: 0.1 },
      disaggregation: { prefill: { workers: 1, parallelism: { tp: 1 } }, decode: { workers: 1, parallelism: { tp: 1 } } },
      workload: { input_tokens: 1, output_tokens: 1, request_rate: '7.96376/s' },
      requirements: { cost_per_million_tokens: 3.88329 },
    });
    const r = verifyPlanText('c.plan.json', text, noReference);
    const range = r.ranges!.cost_per_million_tokens!;
    const c = r.checks.find((x) => x.id === 'requirements.cost_per_million_tokens')!;
    expect(c.status).toBe('fail');
    // the words round each end outward, to the cent
    const [low, high] = [Math.floor(range[0] * 100) / 100, Math.ceil(range[1] * 100) / 100];
    expect(c.detail).toContain(`range $${low.toFixed(2)} to $${high.toFixed(2)}`);
  });
});

describe('a light open loop: the cost range stops at what its arrivals allow', () => {
  it("the cheap end is not the rounded throughput's (0.256 tokens/s shown as 0.26)", () => {
    // 0.001 requests/s x 256 tokens = 0.256 tokens/s offered, whatever the speed: $2.50 / (0.256 x 3600)
    // x 1e6 = $2,712.67 per million tokens. The metric rounds the throughput to 0.26, and the range read
    // $2,670.94 (= $2.50 / (0.26 x 3600) x 1e6): a $2,700 requirement warned instead of failing.
    const text = `version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1, cost_per_hour: 2.5}
deployment: {engine: vllm}
workload: {request_rate: 0.001/s, input_tokens: 1024, output_tokens: 256}
requirements: {cost_per_million_tokens: 2700}
`;
    const r = verifyPlanText('l.plan.yaml', text, noReference);
    const offeredCost = (2.5 / (0.256 * 3600)) * 1e6;
    expect(r.metrics!.cost_per_million_tokens).toBeCloseTo(offeredCost, 3);
    expect(r.ranges!.cost_per_million_tokens![0]).toBeGreaterThanOrEqual(Math.floor(offeredCost * 1e4) / 1e4);
    expect(r.ranges!.tokens_per_joule![1]).toBeLessThanOrEqual(Math.ceil((0.256 / 700) * 1e6) / 1e6);
    expect(r.checks.find((c) => c.id === 'requirements.cost_per_million_tokens')!.status).toBe('fail');
  });
});
