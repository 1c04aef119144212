import { describe, expect, it } from 'vitest';
import { combineReports } from '../src/core/verdict.js';
import { renderJson } from '../src/report/json.js';
import { renderPlanMarkdown } from '../src/report/markdown.js';
import { renderText } from '../src/report/text.js';
import { brokenReport, llama70bReport } from './fixtures/reports/plans.js';

describe('text report', () => {
  const text = renderText(combineReports([llama70bReport(), brokenReport()]));

  it('gives each check as STATUS id: detail (value vs limit unit), problems first', () => {
    expect(text).toContain('  FAIL claims.throughput: exceeds the physical upper bound (850k tokens/s vs 4.64k tokens/s) [line 61]');
    expect(text).toContain('  WARN requirements.max_memory_utilization: above the required maximum (70.8% vs 70%) [line 48]');
    expect(text.indexOf('FAIL claims')).toBeLessThan(text.indexOf('PASS layout.world_size'));
  });

  it('gives errors as file:line: path: message', () => {
    expect(text).toMatch(/^plans\/broken\.plan\.yaml:9: model\.layer: unknown key 'layer' \(did you mean 'layers'\?\)$/m);
  });

  it('shows key metrics, null as not computable', () => {
    expect(text).toContain('memory/GPU 56.4 GiB · TTFT not computable · TPOT 19.4 ms');
    expect(text).not.toContain('cost');
  });

  it('adds cost and energy when the plan prices and powers its devices', () => {
    const priced = llama70bReport();
    priced.metrics = { ...priced.metrics!, cost_per_million_tokens: 0.2877, tokens_per_joule: 3.448 };
    expect(renderText(combineReports([priced]))).toContain('· cost $0.29 per million tokens · energy 3.45 tokens/J');
  });

  it('names what a KV capacity counts where windowed layers keep less than the context (gpt-oss: 18 of 36 layers keep 128 tokens)', () => {
    const plain = llama70bReport();
    expect(renderText(combineReports([plain]))).toMatch(/KV cache capacity 449,000 tokens( ·|$)/m);
    const windowed = llama70bReport();
    windowed.details = { ...windowed.details!, kv_cache_window: { window_tokens: 128, windowed_layers: 18, kind: 'sliding' } };
    const suffix = ', counted in every layer (18 sliding-window layers keep the last 128 tokens of a sequence)';
    expect(renderText(combineReports([windowed]))).toContain(`KV cache capacity 449,000 tokens${suffix}`);
    expect(renderPlanMarkdown(windowed)).toContain(`| \`kv_cache_capacity_tokens\` | 449,000 tokens${suffix} |`);
    // Llama 4's chunked local layers keep at most their chunk
    windowed.details = { ...windowed.details!, kv_cache_window: { window_tokens: 8192, windowed_layers: 36, kind: 'chunked' } };
    expect(renderText(combineReports([windowed]))).toContain('counted in every layer (36 chunked-attention layers keep at most 8192 tokens of a sequence)');
  });

  it('ends with the run verdict', () => {
    expect(text.trimEnd().split('\n').at(-1)).toBe('ERROR: 2 plans: 1 error, 1 fail');
  });
});

describe('JSON report', () => {
  it('is the contract: version 1, verdict, plans with file, name, verdict, checks, metrics, errors, details', () => {
    const report = combineReports([llama70bReport(), brokenReport()]);
    const parsed = JSON.parse(renderJson(report));
    expect(parsed.version).toBe(1);
    expect(parsed.verdict).toBe('error');
    expect(Object.keys(parsed.plans[0])).toEqual(['file', 'name', 'verdict', 'checks', 'metrics', 'errors', 'details']);
    expect(parsed.plans[0].checks[1]).toEqual({
      id: 'claims.throughput',
      status: 'fail',
      title: 'Claimed throughput',
      value: 850000,
      limit: 4636,
      unit: 'tokens/s',
      detail: 'exceeds the physical upper bound',
      path: 'claims.throughput',
      line: 61,
      basis: 'bound',
    });
    expect(parsed.plans[0].metrics.ttft_ms).toBeNull();
    expect(parsed.plans[1].metrics).toBeNull();
    expect(parsed.plans[1].errors[0].line).toBe(9);
    // round trip: nothing lost or added
    expect(parsed).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('writes a figure that is not finite as null, never as a number', () => {
    const plan = llama70bReport();
    plan.metrics = { ...plan.metrics!, ttft_ms: Number.POSITIVE_INFINITY };
    expect(JSON.parse(renderJson(combineReports([plan]))).plans[0].metrics.ttft_ms).toBeNull();
  });
});
