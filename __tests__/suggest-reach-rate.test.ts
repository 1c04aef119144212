// A required request rate above every layout's physical ceiling is out of reach, as a TTFT or throughput
// target is: named with the best bound, what sets it and the smallest device count that reaches it
// (it showed only as "request rate −11.1% (bound)" in the margins).
import { describe, expect, it } from 'vitest';
import { renderSuggestText, suggest } from '../src/suggest/index.js';
import { load } from './core-helpers.js';

const PLAN = `version: 1
name: llama8b-rate-beyond-bound
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1}
deployment: {engine: vllm}
workload: {request_rate: 8/s, burstiness: 0.5, input_tokens: 1024, output_tokens: 256, max_input_tokens: 4096, max_output_tokens: 1024}
requirements: {ttft_p99: 500 ms, request_rate: 60/s}
`;
const OPTIONS = { objective: 'throughput-per-gpu' as const, top: 5, allowCrossNodeTp: false, allowCp: false, anyGpuCount: false };

describe('a request rate beyond the physical ceiling', () => {
  const r = suggest(load(PLAN), OPTIONS, 'fail');
  const rate = r.impossible.find((i) => i.id === 'requirements.request_rate');

  it('is out of reach on the plan devices, with the best bound below the requirement and the smallest count that reaches it', () => {
    expect(rate).toBeDefined();
    expect(rate!.required).toBe(60);
    expect(rate!.best_bound).toBeLessThan(60);
    expect(rate!.smallest_gpus).toBe(2);
    expect(rate!.smallest_bound!).toBeGreaterThanOrEqual(60);
    expect(rate!.reason).toMatch(/^peak compute and HBM bandwidth: each request's work/);
  });

  it('is said in the text, not only as a margin', () => {
    expect(renderSuggestText(r)).toMatch(
      /Out of reach on 1 device, whatever the layout:\n {2}request rate ≥ 60 requests\/s: the best physical bound of any layout is [\d.]+ requests\/s/,
    );
  });
});

// A closed loop's ceiling is the lesser of the work's and its clients' (the throughput bound over each
// request's output): with one request in flight the clients set it, as verify says, not the work.
const CLOSED = `version: 1
name: llama8b-rate-closed-loop
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1}
deployment: {engine: vllm}
workload: {concurrency: 1, input_tokens: 1024, output_tokens: 256}
requirements: {request_rate: 5/s}
`;

describe('a request rate beyond a closed loop’s ceiling', () => {
  const r = suggest(load(CLOSED), OPTIONS, 'fail');
  const rate = r.impossible.find((i) => i.id === 'requirements.request_rate');

  it('names the clients in flight as what sets the bound, not each request’s work', () => {
    expect(rate).toBeDefined();
    expect(rate!.best_bound).toBeLessThan(1);
    expect(rate!.reason).toMatch(/1 request in flight \(workload\.concurrency\)/);
    expect(rate!.reason).toMatch(/over 256 output tokens each/);
    expect(rate!.reason).not.toMatch(/each request's work/);
  });
});
