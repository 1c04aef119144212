// The headline's sentence per plan: the decisive check in words with its numbers.
import { describe, expect, it } from 'vitest';
import type { Check } from '../src/core/types.js';
import { decisiveCheck, hardwareText, planHeadline, reasonShort } from '../src/report/headline.js';
import { brokenReport, llama70bReport } from './fixtures/reports/plans.js';

const c = (over: Partial<Check> & Pick<Check, 'id' | 'status'>): Check => ({ title: over.id, detail: `${over.id} detail`, ...over });

describe('the decisive check', () => {
  it('is a broken layout before memory, memory before performance', () => {
    const layout = c({ id: 'layout.world_size', status: 'fail', detail: 'tp*pp*dp*cp = 8 but hardware.gpus is 4' });
    const memory = c({ id: 'memory.fits', status: 'fail', value: 90, limit: 71.7, unit: 'GiB' });
    const tpot = c({ id: 'requirements.tpot', status: 'fail', value: 10, limit: 50, unit: 'ms', basis: 'bound' });
    expect(decisiveCheck(llama70bReport({ checks: [tpot, memory, layout] }))).toBe(layout);
    expect(decisiveCheck(llama70bReport({ checks: [tpot, memory] }))).toBe(memory);
  });

  it('among bound failures, the one missed by the largest factor', () => {
    const small = c({ id: 'requirements.throughput', status: 'fail', value: 100_000, limit: 23_400, unit: 'tokens/s', basis: 'bound' });
    const large = c({ id: 'claims.throughput', status: 'fail', value: 850_000, limit: 23_400, unit: 'tokens/s', basis: 'bound' });
    expect(decisiveCheck(llama70bReport({ checks: [small, large] }))).toBe(large);
  });

  it('is a warning when nothing fails, and null when everything passes', () => {
    const warn = c({ id: 'requirements.max_memory_utilization', status: 'warn' });
    expect(decisiveCheck(llama70bReport({ checks: [c({ id: 'x', status: 'unverified' }), warn] }))).toBe(warn);
    expect(decisiveCheck(llama70bReport({ checks: [c({ id: 'x', status: 'pass' })] }))).toBeNull();
  });
});

describe('the sentence', () => {
  it('a requirement missed on the estimate gives both figures', () => {
    const tpot = c({ id: 'requirements.tpot', status: 'fail', value: 30, limit: 41.2, unit: 'ms', basis: 'estimate' });
    expect(planHeadline(llama70bReport({ checks: [tpot] }))).toBe('❌ **llama-70b-tp4** fails: requires TPOT ≤ 30.0 ms; the estimate is 41.2 ms.');
  });

  it('a requirement beyond the bound names the hardware', () => {
    const ttft = c({ id: 'requirements.ttft', status: 'fail', value: 50, limit: 80, unit: 'ms', basis: 'bound' });
    expect(planHeadline(llama70bReport({ checks: [ttft] }))).toBe(
      '❌ **llama-70b-tp4** fails: requires TTFT ≤ 50.0 ms; the physical floor on 4 × 79.6 GiB at 3.35 TB/s is 80.0 ms.',
    );
  });

  it('memory that does not fit', () => {
    const memory = c({ id: 'memory.fits', status: 'fail', value: 90.2, limit: 71.7, unit: 'GiB' });
    expect(planHeadline(llama70bReport({ checks: [memory] }))).toBe(
      '❌ **llama-70b-tp4** fails: the most loaded device needs 90.2 GiB, 71.7 GiB is usable on 4 × 79.6 GiB at 3.35 TB/s.',
    );
  });

  it('a rule in words, and a file that is not a plan with its first error', () => {
    const layout = c({ id: 'layout.heads_divisible', status: 'fail', title: 'Heads over TP', detail: '64 heads do not divide over tp=3' });
    expect(planHeadline(llama70bReport({ checks: [layout] }))).toBe('❌ **llama-70b-tp4** fails: Heads over TP: 64 heads do not divide over tp=3.');
    expect(planHeadline(brokenReport())).toBe("🛑 **plans/broken.plan.yaml** is not a valid plan: line 9: unknown key 'layer' (did you mean 'layers'?).");
  });

  it('plan text is escaped', () => {
    const memory = c({ id: 'memory.fits', status: 'fail', value: 90.2, limit: 71.7, unit: 'GiB' });
    expect(planHeadline(llama70bReport({ name: '@team *x*', checks: [memory] }))).toMatch(/^❌ \*\*@\u200Bteam \\\*x\\\*\*\* fails/);
  });

  it('the short form for the summary table', () => {
    const tpot = c({ id: 'requirements.tpot', status: 'fail', value: 30, limit: 41.2, unit: 'ms', basis: 'estimate' });
    expect(reasonShort(llama70bReport({ checks: [tpot] }))).toBe('TPOT: requires ≤ 30.0 ms, estimate 41.2 ms');
    expect(reasonShort(llama70bReport({ verdict: 'warn', checks: [c({ id: 'x', status: 'unverified' })] }))).toBe('1 unverified (missing facts)');
  });
});

describe('the hardware in words', () => {
  it('uses the name, else the memory as written and the bandwidth', () => {
    expect(hardwareText({ name: 'NVIDIA H100 80GB SXM', gpus: 8, memory_bytes: 1, memory_bandwidth_bytes_per_s: 1, peak_flops: 1 })).toBe(
      '8 × NVIDIA H100 80GB SXM',
    );
    expect(hardwareText({ name: null, gpus: 4, memory_bytes: 64e9, memory_bandwidth_bytes_per_s: 1.8e12, peak_flops: null })).toBe('4 × 64 GB at 1.8 TB/s');
    expect(hardwareText({ name: null, gpus: null, memory_bytes: 64e9, memory_bandwidth_bytes_per_s: null, peak_flops: null })).toBe('');
  });
});

describe('tokens per joule in the headline', () => {
  const withMetrics = (m: Record<string, number>) => {
    const r = llama70bReport({ checks: [] });
    r.metrics = { ...r.metrics!, ...m };
    return r;
  };

  it('is said when the power moved it, though the throughput moved too', () => {
    // throughput 3,299 -> 3,400 (+3.1%); 700 W -> 500 W: tokens/J 0.589 -> 0.850 (+44%, not +3.1%)
    const base = withMetrics({ throughput_tokens_per_s: 3299, tokens_per_joule: 0.589 });
    const head = withMetrics({ throughput_tokens_per_s: 3400, tokens_per_joule: 0.85 });
    expect(planHeadline(head, { bases: { [head.file]: base }, baseName: 'main' })).toContain('tokens per joule');
  });

  it('is left out when it only follows the throughput', () => {
    const base = withMetrics({ throughput_tokens_per_s: 3000, tokens_per_joule: 0.6 });
    const head = withMetrics({ throughput_tokens_per_s: 3300, tokens_per_joule: 0.66 });
    expect(planHeadline(head, { bases: { [head.file]: base }, baseName: 'main' })).not.toContain('tokens per joule');
  });
});
