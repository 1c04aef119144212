// The end-to-end p99's physical bound: its check states it ("bound 2.71 s": the TTFT floor plus
// O - 1 TPOT floors), and the performance table showed "not computable" beside the same figure.
import { describe, expect, it } from 'vitest';
import { renderPlanMarkdown } from '../src/report/markdown.js';
import { formatQuantity } from '../src/report/format.js';
import { check, verify } from './core-helpers.js';

const PLAN = `version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1}
deployment: {engine: vllm}
workload: {request_rate: 4, input_tokens: 1024, output_tokens: 256}
requirements: {e2e_p99: 1 s}
`;

describe("the end-to-end p99's floor", () => {
  const report = verify(PLAN);
  const m = report.metrics!;

  it('is a metric: the TTFT floor plus O - 1 TPOT floors, the bound its requirement fails on', () => {
    const floor = m.e2e_p99_lower_bound_ms!;
    expect(floor).toBeGreaterThan(0);
    expect(floor).toBeLessThanOrEqual(m.e2e_p99_ms!);
    expect(floor).toBeCloseTo(m.ttft_lower_bound_ms! + 255 * m.tpot_lower_bound_ms!, 0);
    const c = check(report, 'requirements.e2e_p99');
    expect(c.status).toBe('fail');
    expect(c.basis).toBe('bound');
    expect(c.limit!).toBeCloseTo(floor, 0);
  });

  it('stands in the performance table beside the figure, not "not computable"', () => {
    const row = renderPlanMarkdown(report)
      .split('\n')
      .find((l) => l.startsWith('| End to end p99 |'))!;
    expect(row).toBeTruthy();
    expect(row).not.toContain('not computable');
    expect(row).toContain(`≥ ${formatQuantity(m.e2e_p99_lower_bound_ms, 'ms')}`);
  });
});
