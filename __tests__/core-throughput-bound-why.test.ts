// What a throughput bound says sets it. A closed loop's bound is its cycle's slowest term (performance.ts,
// closedLoopBound): the decode reads, the prompts' and decode steps' FLOPs, their collectives, or one
// request's lifetime. Llama 3.1 70B TP8 at 64 in flight of 2,048-token prompts read "at that bound the
// decode step is limited by HBM bandwidth" where its prompts' prefill FLOPs set the 6.28k tokens/s.
import { describe, expect, it } from 'vitest';
import { closedLoopBound } from '../src/core/performance.js';
import { check, verify } from './core-helpers.js';

const plan = (input: number, output: number, concurrency: number) => `version: 1
model: {preset: llama-3.1-70b}
hardware: {preset: h100-sxm, gpus: 8}
parallelism: {tp: 8}
workload: {concurrency: ${concurrency}, input_tokens: ${input}, output_tokens: ${output}}
requirements: {throughput: 1000000 tokens/s}
`;

describe('a throughput bound names what sets it', () => {
  it('long prompts, short answers: peak compute (the prefill FLOPs), not the decode step HBM bandwidth', () => {
    const c = check(verify(plan(2048, 256, 64)), 'requirements.throughput');
    expect(c.status).toBe('fail');
    expect(c.detail).toMatch(/at that bound peak compute limits it: each request's prompt \(prefill\)/);
    expect(c.detail).not.toMatch(/decode step is limited by HBM bandwidth/);
  });

  it('short prompts, long answers: the decode steps read the weights and KV cache (HBM bandwidth)', () => {
    const c = check(verify(plan(128, 2048, 64)), 'requirements.throughput');
    expect(c.detail).toMatch(/at that bound the decode step is limited by HBM bandwidth/);
  });

  it('closedLoopBound reports the term that sets its cycle', () => {
    const pass = { compute: 0.01, memory: 0.001, comm: { transfer: 0, latency: 0 } };
    const dec = { step: 0.002, tokensPerStep: 1, perStage: [{ compute: 0.0001, memory: 0.002, comm: { transfer: 0, latency: 0 } }] };
    const layout = { tp: 1, pp: 1, dp: 1 };
    const at = (concurrency: number, ttft: number) =>
      // biome-ignore lint/suspicious/noExplicitAny: the fields closedLoopBound reads, no more
      closedLoopBound(layout as any, concurrency, 101, ttft, [pass] as any, dec as any);
    // 100 decode steps: 0.2 s of reads, 0.01 s of FLOPs plus 0.01 s a prompt
    expect(at(1, 0).limitedBy).toBe('memory');
    expect(at(64, 0).limitedBy).toBe('compute');
    expect(at(1, 1).limitedBy).toBe('lifetime');
  });
});
