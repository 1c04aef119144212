// The assumption a declared benchmark run states says how its requests were sent: a closed loop sends
// all of its clients' first requests at once; an open loop's arrive at its rate. An open-loop run read
// "all of concurrency sent at once" for a plan that states no concurrency.
import { describe, expect, it } from 'vitest';
import { verify } from './core-helpers.js';

const PLAN = `version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1}
deployment: {engine: vllm}
workload: {LOAD, input_tokens: 1024, output_tokens: 128, benchmark: {requests: 200, input_range_ratio: 0.8}}
`;
const assumption = (load: string): string => {
  const a = verify(PLAN.replace('LOAD', load)).details!.assumptions.find((x) => x.name === 'benchmark run');
  return String(a?.value);
};

describe("a declared benchmark run's assumption", () => {
  it('a closed loop: all of concurrency sent at once', () => {
    expect(assumption('concurrency: 16')).toMatch(/^simulated step by step: all of concurrency sent at once/);
  });

  it('an open loop: requests arrive at the rate, none sent at once', () => {
    const text = assumption('request_rate: 4');
    expect(text).not.toContain('all of concurrency sent at once');
    expect(text).toMatch(/^simulated step by step: its 200 requests arrive at workload\.request_rate/);
  });

  it('an open loop with a cap in flight says the cap', () => {
    expect(assumption('request_rate: 4, concurrency: 8')).toMatch(/at most workload\.concurrency \(8\) in flight/);
  });
});
