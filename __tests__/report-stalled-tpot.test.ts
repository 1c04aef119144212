// TPOT well above the decode step reads as a typo of the estimate unless the report says why: a
// decoding sequence also waits for the passes that carry prompts, and under pipeline parallelism a
// prompt's micro-batch holds each stage in turn while the other in-flight batch waits behind it.
import { describe, expect, it } from 'vitest';
import { verify } from './core-helpers.js';
import { renderPlanMarkdown } from '../src/report/markdown.js';
import { renderPlanText } from '../src/report/text.js';
import { stalledDecodeNote } from '../src/report/performance-table.js';

const plan = (layout: string, rate: number) => `version: 1
model: {preset: llama-3.1-70b, weight_dtype: fp8}
hardware: {preset: h200, gpus: 2}
parallelism: ${layout}
deployment: {engine: vllm}
workload: {request_rate: ${rate}, input_tokens: 1024, output_tokens: 256, benchmark: {requests: 1000, input_range_ratio: 0.8}}
`;

describe('TPOT far above the decode step says why', () => {
  it('pp 2 near its knee (7 requests/s): several times the step, and the pipeline named', () => {
    const r = verify(plan('{pp: 2}', 7));
    const m = r.metrics!;
    // at 7/s the simulated TPOT is several times the decode step (about 241 ms against 49 ms)
    expect(m.tpot_ms! / m.decode_step_ms!).toBeGreaterThan(3);
    const note = stalledDecodeNote(r)!;
    expect(note).toMatch(/^TPOT is \d+\.\dx the decode step: a decoding sequence also waits for the passes that carry prompts/);
    expect(note).toContain('with 2 pipeline stages');
    expect(renderPlanMarkdown(r)).toContain(note);
    expect(renderPlanText(r)).toContain(note);
  });

  it('tp 2 at 4 requests/s: TPOT within 1.5x of the step, no note', () => {
    const r = verify(plan('{tp: 2}', 4));
    expect(r.metrics!.tpot_ms! / r.metrics!.decode_step_ms!).toBeLessThan(1.5);
    expect(stalledDecodeNote(r)).toBeNull();
    expect(renderPlanMarkdown(r)).not.toContain('x the decode step');
  });
});
