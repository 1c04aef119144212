// Every figure `suggest` shows for a layout is the one `verify` gives for it. The search screens its
// layouts on a shorter simulation (VerifyOptions.quick), which can read tens of percent off the full
// one (Llama-3.1-8B on one H100 below: 2.28k tokens/s screened, 2.62k in full); what it lists, offers
// or quotes as a best estimate is verified again in full.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyLoadedPlan } from '../src/core/verify.js';
import { buildVariationPlan } from '../src/suggest/disagg-candidate.js';
import { evaluate } from '../src/suggest/evaluate.js';
import { renderSuggestText, suggest, type Candidate, type Variation } from '../src/suggest/index.js';
import { renderAlternativesMarkdown, renderSuggestMarkdown } from '../src/report/alternatives.js';
import { formatQuantity } from '../src/report/format.js';
import { load } from './core-helpers.js';
import { marginText } from '../src/suggest/words.js';

const OPTIONS = { objective: 'throughput-per-gpu' as const, top: 5, allowCrossNodeTp: false, allowCp: false, anyGpuCount: false };

const LLAMA8B = readFileSync('__tests__/fixtures/plans/llama8b-near-miss.plan.yaml', 'utf8');

describe('figures shown for a layout are the full verification', () => {
  const base = load(LLAMA8B);
  const r = suggest(base, OPTIONS, verifyLoadedPlan(base).verdict);
  const full = (v: Variation) => evaluate(base, v, OPTIONS.objective).candidate;

  it('the screen does read differently here (else this test would prove nothing)', () => {
    const screened = evaluate(base, r.plan.variation, OPTIONS.objective, true).candidate;
    expect(screened.figures.throughput_tokens_per_s).not.toBeCloseTo(r.plan.figures.throughput_tokens_per_s!, 0);
  });

  it('for the listed layouts, the plan, the best aggregated layout and every what-if', () => {
    const shown: Candidate[] = [...r.top, r.plan, ...(r.disaggregated?.best_aggregated ? [r.disaggregated.best_aggregated] : [])];
    for (const a of r.what_if) if (a.candidate) shown.push(a.candidate);
    expect(shown.length).toBeGreaterThan(3);
    for (const c of shown) {
      expect(c.figures, JSON.stringify(c.variation)).toEqual(full(c.variation).figures);
      expect(c.status).toBe(full(c.variation).status);
    }
  });

  it("for a requirement's best estimate: the throughput quoted is the plan's own 2.62k, not the screen's", () => {
    const u = r.unmet.find((x) => x.id === 'requirements.throughput')!;
    expect(u.best_estimate).toBe(r.plan.figures.throughput_tokens_per_s);
    const report = verifyLoadedPlan(buildVariationPlan(base, { gpus: 1, layout: u.best_layout }));
    expect(u.best_estimate).toBe(report.metrics!.throughput_tokens_per_s);
  });
});

describe("a memory-utilization requirement's margin is what the engine holds, from its own check", () => {
  // Llama 3.1 405B fp8 on 8 H200 under vLLM at 0.9: it holds 90% of each device; its sequences need 51%
  const plan405 = load(`
version: 1
model: {preset: llama-3.1-405b, weight_dtype: fp8}
hardware: {preset: h200, gpus: 8}
parallelism: {tp: 8}
deployment: {engine: vllm}
workload: {concurrency: 32, input_tokens: 2048, output_tokens: 512, max_input_tokens: 8192, max_output_tokens: 2048, memory_fraction: 0.9}
requirements: {max_memory_utilization: 0.6}
`);
  it('reads -50% on the estimate (before: +33% on memory_utilization, beside a failing check); a layout beyond the bound reads on the bound', () => {
    const own = evaluate(plan405, { gpus: 8, layout: { tp: 8, pp: 1, dp: 1, ep: 1, etp: 1, cp: 1 } }, 'throughput-per-gpu').candidate;
    const m = own.requirements.find((x) => x.id === 'requirements.max_memory_utilization')!;
    expect(m.achieved).toBeCloseTo(0.9, 3);
    expect(m.basis).toBe('estimate');
    expect(m.margin).toBeCloseTo(-0.5, 3);
    const wide = evaluate(plan405, { gpus: 8, layout: { tp: 2, pp: 2, dp: 2, ep: 1, etp: 1, cp: 1 } }, 'throughput-per-gpu').candidate;
    expect(wide.requirements.find((x) => x.id === 'requirements.max_memory_utilization')!.basis).toBe('bound');
  });
});

describe("memory.fits' margin is the check's own headroom, one longest request against the engine's allowance", () => {
  // examples/deepseek-v3-fp8-8xh200.plan.yaml: 32 clients of up to 16k + 4k tokens at TP8, the whole
  // latent cache on every rank: the load at its longest context fills the KV pool, so the load's
  // memory figure is the whole allowance (the margin read "+0%")
  const plan = load(`
version: 1
model: {preset: deepseek-v3, kv_cache_dtype: bf16}
hardware: {preset: h200, gpus: 8}
parallelism: {tp: 8}
workload: {concurrency: 32, input_tokens: 4096, output_tokens: 1024, max_input_tokens: 16384, max_output_tokens: 4096}
`);
  it('reads the need memory.fits states (value) against its limit, not the pool-capped load figure', () => {
    const ev = evaluate(plan, { gpus: 8, layout: { tp: 8, pp: 1, dp: 1, ep: 1, etp: 8, cp: 1 } }, 'throughput-per-gpu');
    const m = ev.candidate.requirements.find((x) => x.id === 'memory.fits')!;
    const check = ev.report.checks.find((c) => c.id === 'memory.fits')!;
    // the load's figure is the allowance: the old margin was exactly 0
    expect(ev.report.metrics!.memory_per_gpu_gib).toBeCloseTo(check.limit!, 1);
    expect(m.achieved).toBe(check.value);
    expect(m.required).toBe(check.limit);
    expect(m.margin!).toBeCloseTo((check.limit! - check.value!) / check.limit!, 9);
    expect(m.margin!).toBeGreaterThan(0.1);
    expect(marginText([m])).toMatch(/^fits \+\d+(\.\d)?%$/);
  });
});

describe('a percentile requirement shows the percentile it judges, not the mean', () => {
  // Llama 3.1 70B on 8 H100 as tp=4 dp=2 with a TTFT p99 of 1.5 s: its mean TTFT (1.23 s) is under it,
  // its p99 (1.95 s) is not. The plan's line read "TTFT 1.23 s" beside "likely missed: requirements.ttft_p99".
  const base = load(readFileSync('__tests__/fixtures/plans/llama70b-percentiles.plan.yaml', 'utf8'));
  const report = verifyLoadedPlan(base);
  const r = suggest(base, OPTIONS, report.verdict);
  const text = renderSuggestText(r);
  const ms = (v: number | null | undefined) => formatQuantity(v!, 'ms');

  it('the mean meets the requirement and the percentile misses it (else this test would prove nothing)', () => {
    expect(report.metrics!.ttft_ms!).toBeLessThan(1500);
    expect(report.metrics!.ttft_p99_ms!).toBeGreaterThan(1500);
    expect(r.plan.status).not.toBe('pass');
  });

  it('JSON: the figures carry the judged percentiles, as verify gives them; plans that name none carry none', () => {
    expect(r.plan.figures.ttft_p99_ms).toBe(report.metrics!.ttft_p99_ms);
    expect(r.plan.figures.tpot_p90_ms).toBe(report.metrics!.tpot_p90_ms);
    expect(r.plan.figures.e2e_p99_ms).toBe(report.metrics!.e2e_p99_ms);
    expect(r.plan.figures.ttft_ms).toBe(report.metrics!.ttft_ms);
    expect(Object.keys(r.plan.figures)).not.toContain('ttft_p90_ms');
    const plain = load(LLAMA8B);
    expect(Object.keys(suggest(plain, OPTIONS, 'warn').plan.figures).filter((k) => /_p\d+_ms$/.test(k))).toEqual([]);
  });

  it('text: the figures line, the table and the margins name the percentiles; the mean is not shown', () => {
    const planFigures = text.split('\n')[text.split('\n').findIndex((l) => l.startsWith("The plan's own layout")) + 1]!;
    expect(planFigures).toContain(`TTFT p99 ${ms(r.plan.figures.ttft_p99_ms)} · TPOT p90 ${ms(r.plan.figures.tpot_p90_ms)} · end-to-end p99 `);
    expect(text).not.toContain(`TTFT ${ms(r.plan.figures.ttft_ms)}`);
    const header = text.split('\n').find((l) => l.trimStart().startsWith('#  '))!;
    expect(header).toMatch(/TTFT p99 +TPOT p90 +end-to-end p99 +memory\/device/);
    expect(text).toMatch(/margins: .*TTFT p99 −\d/);
  });

  it('markdown: the plan line and the table columns name the percentiles', () => {
    const md = renderSuggestMarkdown(r);
    expect(md).toContain(`TTFT p99 ${ms(r.plan.figures.ttft_p99_ms)}, TPOT p90 `);
    expect(md).toContain('| Per device | TTFT p99 | TPOT p90 | end-to-end p99 | Memory / device |');
    expect(renderAlternativesMarkdown(r)).toContain('| TTFT p99 | TPOT p90 | end-to-end p99 |');
  });

  it('a list ranked on the mean TTFT shows the mean beside the p99 it is judged on', () => {
    const byTtft = suggest(base, { ...OPTIONS, objective: 'ttft' }, report.verdict);
    const header = renderSuggestText(byTtft)
      .split('\n')
      .find((l) => l.trimStart().startsWith('#  '))!;
    expect(header).toMatch(/ TTFT +TTFT p99 +TPOT p90 /);
  });
});
