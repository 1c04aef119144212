// CUDA-graph sizes each engine captures by default (what decides whether a pass replays a graph or
// launches eagerly), read from the engines' sources.
import { describe, expect, it } from 'vitest';
import { resolvePlan } from '../src/core/resolve.js';
import { load, verify } from './core-helpers.js';

const workload = (engine: string, preset: string, tp: number, extra = '') =>
  resolvePlan(
    load(
      `version: 1\nmodel: {preset: llama-3.1-8b}\nhardware: {preset: ${preset}, gpus: ${tp}}\nparallelism: {tp: ${tp}}\nworkload: {concurrency: 64, input_tokens: 1024, output_tokens: 256${extra}}\ndeployment: {engine: ${engine}}\n`,
    ).plan,
    {},
  ).workload;

describe("vLLM's max_cudagraph_capture_size (config/vllm.py _set_cudagraph_sizes): tokens, min(max_num_seqs x (1 + k) x 2, 512, max_num_batched_tokens)", () => {
  it('without speculation: 512 tokens, and decode batches of up to 512 sequences', () => {
    const w = workload('vllm', 'h100-sxm', 1);
    expect(w.profile.prefillGraphMaxTokens).toBe(512);
    expect(w.profile.decodeGraphMaxBatch).toBe(512);
  });
  it('with 3 speculative tokens a decode step of b sequences is 4b tokens: graphs up to 128 sequences', () => {
    const w = workload('vllm', 'h100-sxm', 1, ', speculative: {method: eagle, tokens: 3, acceptance_length: 2.5}');
    expect(w.profile.prefillGraphMaxTokens).toBe(512);
    expect(w.profile.decodeGraphMaxBatch).toBe(128);
  });
  it('a small max_num_seqs captures fewer sizes: 16 sequences capture up to 32 tokens', () => {
    const w = workload('vllm', 'h100-sxm', 1, ', max_running_sequences: 16');
    expect(w.profile.prefillGraphMaxTokens).toBe(32);
    expect(w.profile.decodeGraphMaxBatch).toBe(32);
  });
});

describe("vLLM's max_num_seqs default is at most max_num_batched_tokens (arg_utils._set_default_max_num_seqs_and_batched_tokens_args)", () => {
  it('a 512-token budget on an H100 runs at most 512 sequences (the default 1,024 clamped), and profiles 512', () => {
    const w = workload('vllm', 'h100-sxm', 1, ', max_batched_tokens: 512');
    expect(w.maxRunningCap).toBe(512);
    expect(w.profiledSequences).toBe(512);
    // a stated max_running_sequences is taken as it is
    expect(workload('vllm', 'h100-sxm', 1, ', max_batched_tokens: 512, max_running_sequences: 800').maxRunningCap).toBe(800);
    expect(workload('vllm', 'h100-sxm', 1).maxRunningCap).toBe(1024);
  });
});

describe('decode_step_ms launches eagerly past the largest captured batch, as the simulated TPOT does', () => {
  const step = (concurrency: number) =>
    verify(
      `version: 1\nmodel: {preset: llama-3.1-8b}\nhardware: {preset: h100-sxm, gpus: 1}\nparallelism: {tp: 1}\ndeployment: {engine: vllm}\nworkload: {concurrency: ${concurrency}, input_tokens: 128, output_tokens: 128}\n`,
    ).metrics!;
  it("vLLM on H100 captures decode batches up to 512: the 513th sequence costs the step its graph's launches", () => {
    const at512 = step(512);
    const at513 = step(513);
    // one more sequence adds about 1/512 of the step's work; the eager launches add far more
    expect(at513.decode_step_ms! / at512.decode_step_ms!).toBeGreaterThan(1.2);
    // and the step stays below the TPOT it is part of, which already launched eagerly past 512
    expect(at513.decode_step_ms!).toBeLessThanOrEqual(at513.tpot_ms!);
  });
});
