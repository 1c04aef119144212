// Every range holds its estimate as the metrics show it (rounded): a throughput at its ceiling of
// 2.5995 tokens/s showed as 2.6 beside a range clipped there and rounded to [1.281, 2.599] (found by
// `npm run fuzz -- --scale 5 --seed 2129142107`).
import { describe, expect, it } from 'vitest';
import { verify } from './core-helpers.js';

const PLAN = JSON.stringify({
  version: 1,
  name: 'generated',
  model: { preset: 'llama-3.1-8b' },
  hardware: {
    memory: '8 GiB',
    peak_tflops: 50,
    memory_bandwidth: '0.5 TB/s',
    intra_node_bandwidth: '66.8421 GB/s',
    inter_node_bandwidth: '10 GB/s',
    gpus_per_node: 4,
    gpus: 4,
    efficiency: { compute: 0.976, memory: 0.327, network: 0.215 },
  },
  parallelism: { tp: 2, pp: 2, dp: 1 },
  workload: { input_tokens: 5036, output_tokens: 1, max_input_tokens: 5036, request_rate: '9.79007/s', benchmark: { requests: 1994, output_range_ratio: 0 } },
  requirements: { throughput: '1 tokens/s' },
  claims: {},
  deployment: { engine: 'trtllm' },
});

describe('a range holds its shown estimate', () => {
  it('the throughput at its ceiling, rounded up to 2.6, is inside its range', () => {
    const r = verify(PLAN);
    const m = r.metrics as unknown as Record<string, number | null>;
    const range = r.ranges!.throughput_tokens_per_s!;
    const t = m.throughput_tokens_per_s!;
    expect(t).toBeGreaterThan(0);
    expect(range[0]).toBeLessThanOrEqual(t);
    expect(range[1]).toBeGreaterThanOrEqual(t);
    for (const [key, [lo, hi]] of Object.entries(r.ranges!)) {
      const v = m[key];
      if (typeof v === 'number') expect([key, lo <= v && v <= hi]).toEqual([key, true]);
    }
  });
});
