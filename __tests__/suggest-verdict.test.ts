// The plan's own layout is described as `verify` judges it: "passes", "is at risk: ..." (met on the
// estimate, not across its range), "warns (likely missed: ...)", "fails: ...": never "passes" for a
// plan verify warns about, nor "not ruled out (unverified)" for one it computed in full.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyLoadedPlan } from '../src/core/verify.js';
import { renderAlternativesMarkdown } from '../src/report/alternatives.js';
import { renderSuggestText, suggest } from '../src/suggest/index.js';
import { evaluate } from '../src/suggest/evaluate.js';
import { candidateVerdict, warningsText } from '../src/suggest/words.js';
import { load } from './core-helpers.js';

const OPTIONS = { objective: 'throughput-per-gpu' as const, top: 3, allowCrossNodeTp: false, allowCp: false, anyGpuCount: false };

function run(file: string) {
  const base = load(readFileSync(`__tests__/fixtures/plans/${file}`, 'utf8'));
  const report = verifyLoadedPlan(base);
  const r = suggest(base, OPTIONS, report.verdict);
  const text = renderSuggestText(r);
  return { report, r, text, planLine: text.split('\n').find((l) => l.startsWith("The plan's own layout"))! };
}

describe("the plan's own layout, in verify's words", () => {
  it('a disaggregated plan whose requirements are all at risk: "is at risk", not "passes"', () => {
    const { report, r, planLine } = run('r1-disagg-at-risk.plan.yaml');
    expect(report.verdict).toBe('warn');
    expect(candidateVerdict(r.plan)).toBe('warn');
    expect(planLine).toMatch(/\) is at risk: requirements\.throughput, requirements\.ttft, requirements\.tpot$/);
    expect(planLine).not.toMatch(/passes/);
  });

  it('a plan whose estimates miss two requirements: "warns (likely missed ...; at risk ...)", not "unverified"', () => {
    const { report, r, planLine, text } = run('llama8b-near-miss.plan.yaml');
    expect(report.checks.filter((c) => c.status === 'unverified')).toEqual([]);
    expect(candidateVerdict(r.plan)).toBe(report.verdict);
    expect(planLine).toContain('warns (likely missed: requirements.throughput, requirements.tpot; at risk: requirements.ttft)');
    expect(text).not.toContain('(unverified)');
    expect(renderAlternativesMarkdown(r)).toContain('warns (likely missed: requirements.throughput, requirements.tpot; at risk: requirements.ttft)');
  });

  it("says what verify says when the plan's claims (left out of its layout's judgement) change its verdict", () => {
    // a plan that passes, claiming a memory figure far below what its weights take
    const yaml = `${readFileSync('__tests__/fixtures/cli/llama-8b.plan.yaml', 'utf8')}claims:\n  memory_per_gpu: 1 GB\n`;
    const base = load(yaml);
    const report = verifyLoadedPlan(base);
    expect(report.verdict).toBe('fail');
    const r = suggest(base, OPTIONS, report.verdict);
    expect(renderSuggestText(r)).toMatch(/\) passes; with its claims, verify says FAIL\n/);
  });
});

/** Llama 3.1 70B fp8 on 4 x H100 at 5 requests/s with a TTFT p99 of 500 ms and a TPOT of 40 ms required (and `more`). */
const llama70bAt5PerSecond = (more: string) => `version: 1
model: {preset: llama-3.1-70b, weight_dtype: fp8, kv_cache_dtype: fp8}
hardware: {preset: h100-sxm, gpus: 4}
parallelism: {tp: 4}
deployment: {engine: vllm}
workload: {request_rate: 5/s, input_tokens: 2000, output_tokens: 300, max_input_tokens: 8192, max_output_tokens: 1024, memory_fraction: 0.9}
requirements: {ttft_p99: 500 ms, tpot: 40 ms${more}}
`;

describe('margins on requirements without a metric of their own (percentiles, request_rate)', () => {
  // Llama-3.1-70B fp8 on 4 x H100 at 5 requests/s: its TTFT p99 estimate (about 564 ms) misses 500 ms
  // inside its range (verify warns "likely missed"), its goodput meets 1 request/s.
  const yaml = llama70bAt5PerSecond(', request_rate: 1/s');
  it('reads the check limit as the estimate it is: a missed TTFT p99 is not a pass, a met request rate has a positive margin', () => {
    const base = load(yaml);
    const report = verifyLoadedPlan(base);
    const p99 = report.checks.find((c) => c.id === 'requirements.ttft_p99')!;
    expect(p99.status).toBe('warn');
    expect(p99.limit!).toBeGreaterThan(500);
    const { candidate } = evaluate(base, { gpus: 4, layout: { tp: 4, pp: 1, dp: 1, cp: 1, ep: 1 } }, 'throughput-per-gpu');
    const margin = (id: string) => candidate.requirements.find((r) => r.id === id)!;
    expect(margin('requirements.ttft_p99').basis).toBe('estimate');
    expect(margin('requirements.ttft_p99').margin!).toBeLessThan(0);
    expect(candidate.status).not.toBe('pass');
    expect(report.checks.find((c) => c.id === 'requirements.request_rate')!.status).toBe('pass');
    expect(margin('requirements.request_rate').basis).toBe('estimate');
    expect(margin('requirements.request_rate').margin!).toBeGreaterThan(0);
  });
});

describe('the search summary counts what the full verification found', () => {
  // The same plan without a goodput requirement: on the short screening simulation its own layout
  // passes the TTFT p99; verified in full (as listed) it warns "likely missed". The header said
  // "1 pass" above a list headed "No aggregated layout passes on the estimates".
  const yaml = llama70bAt5PerSecond('');
  it('a layout that passes only on the screen is not counted as passing', () => {
    const base = load(yaml);
    const r = suggest(base, OPTIONS, verifyLoadedPlan(base).verdict);
    const listedPassing = r.top.filter((c) => c.status === 'pass').length;
    expect(listedPassing).toBe(0);
    expect(r.search.passing).toBe(0);
    expect(renderSuggestText(r)).toMatch(/aggregated layouts: 0 pass, /);
  });
});

describe('the list and the what-if axes read the full verification the counts read', () => {
  // The same plan with a 16-bit KV cache: on the short screen its own layout (tp=4) passes; in full it
  // warns. Before: the list drew only from the screen's passing layouts (1 listed under "0 pass, 2 not
  // ruled out", top 3), and the fp8-kv-cache axis said "not needed: a layout of 4 devices passes without it".
  const yaml = `version: 1
model: {preset: llama-3.1-70b, weight_dtype: fp8}
hardware: {preset: h100-sxm, gpus: 4}
parallelism: {tp: 4}
deployment: {engine: vllm}
workload: {request_rate: 5/s, input_tokens: 2000, output_tokens: 300, max_input_tokens: 8192, max_output_tokens: 1024, memory_fraction: 0.9}
requirements: {ttft_p99: 500 ms, tpot: 40 ms}
`;
  it('lists every layout it counts as open (up to top), and no axis says a layout passes', () => {
    const base = load(yaml);
    const r = suggest(base, OPTIONS, verifyLoadedPlan(base).verdict);
    expect(r.search.passing).toBe(0);
    expect(r.search.possible).toBeGreaterThan(1);
    expect(renderSuggestText(r)).not.toMatch(/passes without it/);
    expect(r.top.map((c) => c.status)).toEqual(Array(Math.min(OPTIONS.top, r.search.possible)).fill('possible'));
  });
});

describe('layouts met only on the estimates are not said to pass', () => {
  // The bundled Llama 3.1 70B example at 32 clients: its own layout is at risk on throughput and TTFT.
  const yaml = readFileSync('examples/llama-3.1-70b-8xh100-tp8.plan.yaml', 'utf8').replace(/concurrency: \d+/, 'concurrency: 32');
  it('heads the list and words the devices axis as verify would: at risk, not "pass"', () => {
    const base = load(yaml);
    const report = verifyLoadedPlan(base);
    expect(report.verdict).toBe('warn');
    const r = suggest(base, OPTIONS, report.verdict);
    const text = renderSuggestText(r);
    expect(text).not.toMatch(/layouts that pass:/);
    expect(text).toMatch(/Best aggregated layouts that meet every requirement on the estimates \(some at risk or with warnings\):/);
    const gpus = r.what_if.find((w) => w.axis === 'gpus')!;
    expect(gpus.detail).not.toMatch(/smallest count that passes/);
    expect(gpus.detail).toMatch(/at risk: requirements\./);
    expect(renderAlternativesMarkdown(r)).not.toMatch(/layouts that pass/);
  });
});

describe('disaggregated mixes that verify warns about are not counted as passes', () => {
  // DeepSeek-V3 1P1D on 16 H200s under SGLang: every mix it simulates meets the TPOT but warns on the
  // pools' balance. The summary said "3 pass" beside "the best warns: disaggregation.balance".
  const yaml = `version: 1
model: {preset: deepseek-v3}
hardware: {preset: h200, gpus: 16}
deployment: {engine: sglang}
workload: {concurrency: 64, input_tokens: 1024, output_tokens: 256}
requirements: {tpot: 50 ms}
disaggregation:
  prefill: {workers: 1, gpus: 8, parallelism: {tp: 8, ep: 8}}
  decode: {workers: 1, gpus: 8, parallelism: {tp: 1, dp: 8, ep: 8}}
`;
  it('says how many of them warn, as verify would', () => {
    const base = load(yaml);
    const r = suggest(base, OPTIONS, verifyLoadedPlan(base).verdict);
    const d = r.disaggregated!;
    // every mix simulated is among those shown here: the count is theirs
    expect(d.verified).toBe(d.top.length);
    const warned = d.top.filter((c) => c.status === 'pass' && candidateVerdict(c) === 'warn').length;
    expect(warned).toBeGreaterThan(0);
    expect(d.passing_with_warnings).toBe(warned);
    const text = renderSuggestText(r);
    expect(text).toContain(`simulated (of ${d.screened} screened): ${d.passing} meet every requirement on the estimates (${warned} with warnings), `);
    expect(text).not.toMatch(/simulated \(of \d+ screened\): \d+ pass/);
  });
});

describe('the aggregated count says what rests on the short screen', () => {
  // The bundled Llama 3.1 70B example: the summary read "32 aggregated layouts: 4 pass, 4 not ruled out",
  // a count from the short screen, beside a list whose every layout verify finds at risk.
  const base = load(readFileSync('examples/llama-3.1-70b-8xh100-tp8.plan.yaml', 'utf8'));
  const verdict = verifyLoadedPlan(base).verdict;

  it('counts the layouts that meet every requirement but that verify would warn about, as the disaggregated count does', () => {
    const r = suggest(base, OPTIONS, verdict);
    const listed = r.top.filter((c) => c.status === 'pass');
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((c) => warningsText(c) !== '')).toBe(true);
    expect(r.search.passing_with_warnings).toBe(r.search.passing);
    const text = renderSuggestText(r);
    expect(text).not.toMatch(/aggregated layouts: \d+ pass,/);
    expect(text).toContain(`aggregated layouts: ${r.search.passing} meet every requirement on the estimates (${r.search.passing} with warnings), `);
  });

  it("says that the counts are the screen's, and what the full verification found of the layouts it verified", () => {
    const r = suggest(base, { ...OPTIONS, top: 2 }, verdict);
    const f = r.search.verified_in_full;
    expect(f.layouts).toBe(r.top.length);
    expect(f.passing).toBe(r.top.filter((c) => c.status === 'pass').length);
    expect(f.passing_with_warnings).toBe(r.top.filter((c) => c.status === 'pass' && warningsText(c) !== '').length);
    // more layouts counted as passing than were verified in full: the rest rest on the screen alone
    expect(r.search.passing).toBeGreaterThan(f.passing);
    expect(renderSuggestText(r)).toContain(`not ruled out (by the short screen; of the 2 verified in full, 0 pass, ${f.passing_with_warnings} with warnings`);
  });

  it('says nothing of the screen where every layout counted was verified in full', () => {
    const one = load(readFileSync('examples/llama-3.1-8b-1xh100.plan.yaml', 'utf8'));
    const r = suggest(one, OPTIONS, verifyLoadedPlan(one).verdict);
    expect(r.search.verified_in_full).toEqual({ layouts: 1, passing: 1, passing_with_warnings: 0, possible: 0 });
    expect(renderSuggestText(r)).toMatch(/1 layout: 1 pass, 0 not ruled out\. /);
  });
});
