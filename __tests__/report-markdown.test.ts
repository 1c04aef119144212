import { describe, expect, it } from 'vitest';
import { combineReports } from '../src/core/verdict.js';
import { renderPlanMarkdown, renderReportMarkdown } from '../src/report/markdown.js';
import { brokenReport, llama70bReport, twoStageReport, unverifiedTtft } from './fixtures/reports/plans.js';

const MINUS = '\u2212';

describe('markdown report', () => {
  it('starts with one verdict line: emoji, verdict, counts', () => {
    const md = renderReportMarkdown(combineReports([llama70bReport(), brokenReport(), twoStageReport()]));
    const first = md.split('\n')[0] ?? '';
    expect(first).toContain('🛑');
    expect(first).toContain('error');
    expect(first).toContain('3 plans: 1 error, 1 fail, 1 pass');
  });

  it('a single plan counts its checks in the verdict line', () => {
    const first = renderReportMarkdown(combineReports([llama70bReport()])).split('\n')[0] ?? '';
    expect(first).toMatch(/^❌ .*fail.*1 failed, 1 warning, 1 unverified, 1 passed/);
  });

  it('has a summary table only for several plans', () => {
    const several = renderReportMarkdown(combineReports([llama70bReport(), twoStageReport()]));
    expect(several).toContain('| Plan | Verdict | Memory / GPU | TTFT | TPOT | Throughput |');
    const one = renderReportMarkdown(combineReports([llama70bReport()]));
    expect(one).not.toContain('| Plan | Verdict');
  });

  it('lists failing and warning checks first with their numbers, passing ones folded', () => {
    const md = renderPlanMarkdown(llama70bReport());
    const fail = md.indexOf('claims.throughput');
    const warn = md.indexOf('requirements.max_memory_utilization');
    const folded = md.indexOf('<details><summary>✅ 1 passing check');
    const pass = md.indexOf('layout.world_size');
    expect(fail).toBeGreaterThan(0);
    expect(fail).toBeLessThan(warn);
    expect(warn).toBeLessThan(folded);
    expect(folded).toBeLessThan(pass);
    // the claim, 850,000 tokens/s, against the bound 4,636 tokens/s, with its line
    expect(md).toMatch(/claims\.throughput` \| 850k tokens\/s \| 4\.64k tokens\/s \| exceeds the physical upper bound \(line 61\)/);
    expect(md).toContain('Missing: hardware.peak\\_tflops');
  });

  it('shows a figure that is null as "not computable", never 0', () => {
    const md = renderPlanMarkdown(llama70bReport());
    expect(md).toMatch(/\| TTFT \(time to first token\) \| not computable \| not computable \|/);
    expect(md).not.toMatch(/TTFT[^\n]*\| 0(\.0+)? ms/);
  });

  it('has a memory table per device and a mermaid chart against usable capacity', () => {
    const md = renderPlanMarkdown(twoStageReport());
    expect(md).toContain('| Stage | Weights | KV cache | Activations | Overhead | Total | Usable | Capacity |');
    // 33.9 weights + 20.0 KV + 1.5 activations + 2.0 overhead = 57.4 GiB per stage
    expect(md).toContain('| 1 (40 layers) | 33.9 GiB | 20.0 GiB | 1.50 GiB | 2.00 GiB | 57.4 GiB | 71.7 GiB | 79.7 GiB |');
    const chart = /```mermaid\nxychart-beta\n([\s\S]*?)```/.exec(md)?.[1] ?? '';
    expect(chart).toContain('x-axis ["stage 0", "stage 1"]');
    expect(chart).toContain('bar [57.4, 57.4]');
    expect(chart).toContain('line [71.68, 71.68]');
    // the axis reaches above the highest of bar and line
    const axisMax = Number(/0 --> (\d+)/.exec(chart)?.[1]);
    expect(axisMax).toBeGreaterThanOrEqual(71.68);
  });

  it('shows time estimates with their physical bounds', () => {
    const md = renderPlanMarkdown(llama70bReport());
    expect(md).toContain('| TPOT (time per output token) | 19.4 ms | ≥ 14.1 ms |');
    expect(md).toContain('| Throughput (output, whole deployment) | 3.30k tokens/s | ≤ 4.64k tokens/s |');
    expect(md).toContain('bound by memory');
  });

  it('lists the assumptions', () => {
    expect(renderPlanMarkdown(llama70bReport())).toContain('- H100 SXM capacity: 81,559 MiB (preset)');
  });

  it('with a base, every figure shows its delta and a changed verdict shows the change', () => {
    const base = llama70bReport({ verdict: 'pass' });
    base.metrics = { ...base.metrics!, memory_per_gpu_gib: 15.2 };
    base.details = { ...base.details!, devices: [{ ...base.details!.devices[0]!, total_gib: 52.67 }],
      times: { ...base.details!.times, tpot_ms: { estimate: 24.4, bound: 14.1, unit: 'ms' } } };
    const current = llama70bReport();
    const md = renderPlanMarkdown(current, { base });
    expect(md).toMatch(/^### ❌ llama-70b-tp4: pass → fail/);
    expect(md).toContain('56.4 GiB (+3.70 GiB)'); // 56.37 - 52.67 in the device table
    expect(md).toContain(`19.4 ms (${MINUS}5.00 ms)`); // 19.4 - 24.4
    const report = renderReportMarkdown(combineReports([current, twoStageReport()]), { bases: { [current.file]: base } });
    expect(report).toContain('56.4 GiB (+41.2 GiB)'); // summary table: 56.37 - 15.2 = 41.17
  });

  it('marks a plan that is new on this branch', () => {
    const report = renderReportMarkdown(combineReports([llama70bReport(), twoStageReport()]), { bases: { 'plans/pp2.plan.yaml': null } });
    expect(report).toContain('(new plan)');
  });

  it('shows the errors of a file that is not a plan, with line numbers', () => {
    const md = renderPlanMarkdown(brokenReport());
    expect(md).toContain("**line 9, model.layer**: unknown key 'layer' (did you mean 'layers'?)");
    expect(md).not.toContain('Memory per device');
  });

  it('falls back to the metrics when the core gives no details', () => {
    const md = renderPlanMarkdown(llama70bReport({ details: undefined }));
    expect(md).toContain('| most loaded | 32.9 GiB | 20.0 GiB | 1.50 GiB | not computable | 56.4 GiB |');
    expect(md).not.toContain('```mermaid');
  });

  it('headings follow headingLevel', () => {
    expect(renderPlanMarkdown(llama70bReport(), { headingLevel: 2 })).toMatch(/^## ❌/);
    expect(renderPlanMarkdown(llama70bReport(), { headingLevel: 2 })).toContain('\n### Memory per device');
  });

  it('a total that is not computable shows its weights floor, and missing keys are not repeated', () => {
    const plan = llama70bReport();
    plan.details!.devices = [{ ...plan.details!.devices[0]!, kv_cache_gib: null, total_gib: null }];
    plan.metrics = { ...plan.metrics!, memory_per_gpu_gib: null, memory_per_gpu_lower_bound_gib: 32.87 };
    plan.checks = [{ ...unverifiedTtft, detail: 'cannot estimate without hardware.peak_tflops' }];
    const md = renderReportMarkdown(combineReports([plan, twoStageReport()]));
    expect(md).toContain('| not computable (≥ 32.9 GiB) |');
    expect(md).toContain('bar [32.87]');
    expect(md).not.toContain('Missing: hardware.peak');
  });
});
