// A goodput of zero says why: a latency requirement no request can meet (below its physical floor)
// holds at no arrival rate. It read "estimate 0.00 requests/s (range 0.00 requests/s to 0.00
// requests/s) misses 2.00 requests/s" and left the reader to find the cause.
import { describe, expect, it } from 'vitest';
import { check, verify } from './core-helpers.js';

const PLAN = `version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1}
deployment: {engine: vllm}
workload: {request_rate: 2, input_tokens: 1024, output_tokens: 256}
requirements: {REQS, request_rate: 2}
`;

describe('a goodput of zero', () => {
  it('names the latency requirement below its physical floor', () => {
    const report = verify(PLAN.replace('REQS', 'ttft_p99: 10 ms, tpot_p90: 25 ms'));
    expect(report.metrics!.max_request_rate).toBe(0);
    expect(check(report, 'requirements.ttft_p99').basis).toBe('bound');
    const rate = check(report, 'requirements.request_rate');
    expect(rate.status).toBe('fail');
    expect(rate.detail).toContain('no arrival rate meets requirements.ttft_p99, which no request can meet (below its physical floor)');
  });

  it('says so plainly when no requirement is impossible but none of the rates searched met them all', () => {
    // a mean TTFT of 20 ms: above the 14.7 ms floor, below what even a lone 1,024-token prompt takes here (about 32 ms)
    const report = verify(PLAN.replace('REQS', 'ttft: 20 ms'));
    expect(report.metrics!.max_request_rate).toBe(0);
    expect(check(report, 'requirements.request_rate').detail).toContain(
      'no arrival rate the search tried meets every stated latency requirement on the estimates',
    );
  });
});

describe("a goodput's range in its check", () => {
  it('names its unit once and rounds its ends outward, as the report tables do', () => {
    // read "estimate 17.1 requests/s (range 13.8 requests/s to 20.3 requests/s)" for [13.752, 20.307]
    const report = verify(PLAN.replace('REQS', 'ttft_p99: 500 ms, tpot_p90: 25 ms').replace('request_rate: 2}', 'request_rate: 10}'));
    const [low, high] = report.ranges!.max_request_rate!;
    const detail = check(report, 'requirements.request_rate').detail;
    const m = /\(range ([\d.]+) to ([\d.]+) requests\/s\)/.exec(detail);
    expect(m, detail).not.toBeNull();
    // outward to a tenth of the last digit shown (format.ts): 15.098 shows as 15.1, never as 15.2
    expect(Number(m![1])).toBeLessThanOrEqual(low + 0.01);
    expect(Number(m![2])).toBeGreaterThanOrEqual(high - 0.01);
  });
});
