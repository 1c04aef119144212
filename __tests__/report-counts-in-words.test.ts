// Counts in words agree with their number: the review read "its KV cache holds ... 1 sequences of
// 128000 tokens at once" and suggest's "Disaggregated layouts of 1 devices: none to show".
import { describe, expect, it } from 'vitest';
import { countOf } from '../src/core/figures.js';
import { disaggregatedTextLines } from '../src/suggest/render-disagg.js';
import type { SuggestResult } from '../src/suggest/types.js';
import { check, verify } from './core-helpers.js';

/** Llama 3.1 8B on one L40S under vLLM (the review's p01): one sequence of the longest context fits. */
const longContext = (workload: string, gpus = 1, tp = 1) => `
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: l40s, gpus: ${gpus}}
parallelism: {tp: ${tp}}
deployment: {engine: vllm}
workload:
${workload}`;

describe('countOf', () => {
  it('is singular for one and plural otherwise, with an irregular plural where given', () => {
    expect(countOf(1, 'sequence')).toBe('1 sequence');
    expect(countOf(0, 'sequence')).toBe('0 sequences');
    expect(countOf(8, 'device')).toBe('8 devices');
    expect(countOf(1, 'microbatch', 'microbatches')).toBe('1 microbatch');
    expect(countOf(2, 'microbatch', 'microbatches')).toBe('2 microbatches');
  });
});

describe('checks that count sequences and devices', () => {
  it('memory.fits: a KV cache that holds one sequence of the longest context says "1 sequence"', () => {
    const report = verify(longContext('  concurrency: 4\n  input_tokens: 32000\n  output_tokens: 512\n  max_input_tokens: 126000\n  max_output_tokens: 2000'));
    const fits = check(report, 'memory.fits');
    expect(fits.detail).toMatch(/, 1 sequence of 128,000 tokens at once/);
    expect(fits.detail).not.toContain('1 sequences');
  });

  it('memory.kv_capacity: one sequence in flight "holds", not "hold"', () => {
    const report = verify(longContext('  concurrency: 1\n  input_tokens: 1000\n  output_tokens: 100'));
    expect(check(report, 'memory.kv_capacity').detail).toMatch(/^1 sequence at a mean context of 1,050 tokens holds 1,050 of the [\d,]+ tokens of KV cache/);
  });

  it('layout.world_size: a layout of one device says "1 device"', () => {
    const report = verify(longContext('  concurrency: 1\n  input_tokens: 1000\n  output_tokens: 100', 2));
    expect(check(report, 'layout.world_size').detail).toMatch(/^tp\*pp\*dp\*cp = 1\*1\*1\*1 = 1 device, but hardware.gpus is 2/);
  });
});

describe('suggest', () => {
  it('"Disaggregated layouts of 1 device: none to show"', () => {
    const result = {
      disaggregated: { gpus: 1, top: [], best_aggregated: null, detail: 'one device cannot hold two pools' },
    } as unknown as SuggestResult;
    expect(disaggregatedTextLines(result)).toContain('Disaggregated layouts of 1 device: none to show (one device cannot hold two pools).');
  });
});
