// What `suggest` writes for the requirements of v1.1 (cost, goodput) and for the aggregated layout it
// sets against the disaggregated mixes: each in words, with the side it must be on, and by its layout.
import { describe, expect, it } from 'vitest';
import { verifyLoadedPlan } from '../src/core/verify.js';
import { layoutText, renderSuggestText, suggest } from '../src/suggest/index.js';
import { renderSuggestMarkdown } from '../src/report/alternatives.js';
import { marginText, requiredText } from '../src/suggest/words.js';
import { load } from './core-helpers.js';

describe('cost and request-rate requirements in suggest', () => {
  it('are named in words in the margins, as the other requirements are', () => {
    const margins = marginText([
      { id: 'requirements.cost_per_million_tokens', status: 'fail', required: 2, achieved: 3.36, unit: 'USD', margin: -0.68, basis: 'estimate' },
      { id: 'requirements.request_rate', status: 'fail', required: 25, achieved: 17.1, unit: 'requests/s', margin: -0.315, basis: 'estimate' },
    ]);
    expect(margins).toBe('cost per million tokens −68% · request rate −31.5%');
  });

  it('a request rate is required at least, not at most (goodput: more is better)', () => {
    // "requirements.request_rate ≤ 25 requests/s: the best estimate is 17.1 requests/s" read as met
    expect(requiredText('requirements.request_rate', 25, 'requests/s')).toBe('request rate ≥ 25 requests/s');
    expect(requiredText('requirements.cost_per_million_tokens', 2, 'USD')).toBe('cost per million tokens ≤ $2.00');
  });
});

describe('the best aggregated layout beside the disaggregated mixes', () => {
  // Llama 3.1 8B on 2 H100s at 32 clients with a TPOT target no layout of 2 meets: the best aggregated
  // layout (by throughput per device) is tp=2, which the list of the closest layouts need not hold.
  const base = load(`
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 2}
deployment: {engine: vllm}
parallelism: {tp: 1, pp: 2}
workload: {concurrency: 32, input_tokens: 1024, output_tokens: 256}
requirements: {tpot: 4 ms}
`);
  const r = suggest(
    base,
    { objective: 'throughput-per-gpu', top: 5, allowCrossNodeTp: false, allowCp: false, anyGpuCount: false },
    verifyLoadedPlan(base).verdict,
  );

  it('is named by its layout in the text and the markdown', () => {
    const best = r.disaggregated?.best_aggregated;
    expect(best).toBeTruthy();
    const layout = layoutText(best!.variation.layout);
    expect(renderSuggestText(r)).toContain(`best aggregated on 2 devices (${layout}): `);
    expect(renderSuggestMarkdown(r)).toMatch(new RegExp(`\\| aggregated \\| best aggregated layout: ${layout.replace(/ /g, ' ')} \\|`));
  });
});

describe('a percentile latency requirement below its physical floor', () => {
  // Llama 3.1 8B on one H100 at 2 requests/s: a TTFT p99 of 10 ms is below the 14.7 ms that one prompt
  // of 1,024 tokens takes at peak compute. suggest listed only its margin "(bound)" and named the
  // goodput it zeroes as "not met on the estimates (the physical bounds allow it)".
  const base = load(`
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1}
deployment: {engine: vllm}
workload: {request_rate: 2, input_tokens: 1024, output_tokens: 256}
requirements: {ttft_p99: 10 ms, tpot_p90: 25 ms}
`);
  const r = suggest(
    base,
    { objective: 'throughput-per-gpu', top: 5, allowCrossNodeTp: false, allowCp: false, anyGpuCount: false },
    verifyLoadedPlan(base).verdict,
  );

  it('is out of reach whatever the layout, with the floor of its TTFT and the device count that reaches it', () => {
    const ttft = r.impossible.find((i) => i.id === 'requirements.ttft_p99');
    expect(ttft).toBeTruthy();
    expect(ttft!.best_bound).toBeCloseTo(r.plan.figures.ttft_lower_bound_ms!, 6);
    expect(ttft!.best_bound).toBeGreaterThan(10);
    expect(ttft!.reason).toMatch(/^peak compute/);
    expect(ttft!.smallest_gpus).toBe(2);
    expect(renderSuggestText(r)).toMatch(
      /Out of reach on 1 device, whatever the layout:\n {2}TTFT p99 ≤ 10\.0 ms: the best physical bound of any layout is 14\.\d ms/,
    );
    // the TPOT percentile it can meet is not listed
    expect(r.impossible.some((i) => i.id === 'requirements.tpot_p90')).toBe(false);
  });
});

describe('a plan of one device', () => {
  // "Searched 1 device count (1-1)" and "No layout of 1 to 1 device passes" read as a typo
  const base = load(`
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1}
workload: {concurrency: 64, input_tokens: 1024, output_tokens: 256}
requirements: {tpot: 2 ms}
`);
  const r = suggest(
    base,
    { objective: 'throughput-per-gpu', top: 5, allowCrossNodeTp: false, allowCp: false, anyGpuCount: false },
    verifyLoadedPlan(base).verdict,
  );

  it('names its one device count once', () => {
    const text = renderSuggestText(r);
    const md = renderSuggestMarkdown(r);
    expect(text).toContain('Searched 1 device count (1), ');
    expect(md).toContain('Searched 1 device count (1), ');
    expect(md).not.toMatch(/of 1 to 1 device/);
    expect(md).toMatch(/No layout of 1 device passes/);
  });

  it('sets no "best aggregated" layout against disaggregated mixes that do not exist (as the markdown leaves it out)', () => {
    expect(renderSuggestText(r)).toContain('Disaggregated layouts of 1 device: none to show');
    expect(renderSuggestText(r)).not.toContain('best aggregated on');
  });
});
