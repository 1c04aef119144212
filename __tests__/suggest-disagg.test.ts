// `suggest` beside the aggregated layouts: disaggregated layouts of the plan's devices (prefill and
// decode worker layouts, worker ratios), verified by the two-pool simulation; which kind wins and by
// how much; an aggregated plan that misses its TPOT gets the disaggregated layout that passes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { disaggText } from '../src/suggest/disagg-candidate.js';
import { strictlyPasses, workerSizes } from '../src/suggest/disagg-search.js';
import { renderAlternativesMarkdown, renderSuggestMarkdown } from '../src/report/alternatives.js';
import { renderSuggestText, somethingPasses, suggest } from '../src/suggest/index.js';
import { load } from './core-helpers.js';

const OPTIONS = { objective: 'throughput-per-gpu' as const, top: 5, allowCrossNodeTp: false, allowCp: false, anyGpuCount: false };

/** Long prompts on one 8x H100 node: chunked prefill stalls the aggregated decode past its TPOT target. */
const AGGREGATED = `version: 1
name: llama70b-long-prompts
model: {preset: llama-3.1-70b, weight_dtype: fp8, kv_cache_dtype: fp8}
hardware: {preset: h100-sxm, gpus: 8}
parallelism: {tp: 8}
workload: {concurrency: 64, input_tokens: 8192, output_tokens: 512}
deployment: {engine: vllm}
requirements: {tpot: 35 ms, ttft: 12 s}
`;

const DISAGGREGATED = `version: 1
name: r1-2p1d
model: {preset: deepseek-r1, kv_cache_dtype: fp8}
hardware: {preset: h200, gpus: 32}
disaggregation:
  prefill: {workers: 2, gpus: 8, parallelism: {tp: 8, ep: 8}}
  decode: {workers: 1, gpus: 16, parallelism: {tp: 1, dp: 16, ep: 16}}
workload: {concurrency: 128, input_tokens: 2048, output_tokens: 512}
deployment: {engine: sglang}
requirements: {tpot: 60 ms}
`;

describe('worker sizes searched for a pool', () => {
  it('powers of two up to the device count, whole nodes beyond', () => {
    expect(workerSizes(7, 8)).toEqual([1, 2, 4]);
    expect(workerSizes(40, 8)).toEqual([1, 2, 4, 8, 16, 32]);
    expect(workerSizes(100, 72)).toEqual([1, 2, 4, 8, 16, 32, 64, 72]);
  });
});

describe('an aggregated plan that misses its TPOT', () => {
  const base = load(AGGREGATED);
  const r = suggest(base, OPTIONS, 'fail');
  const d = r.disaggregated!;

  it('its own layout fails the TPOT requirement', () => {
    expect(r.plan.failing).toContain('requirements.tpot');
  });

  it('finds a disaggregated layout of the same 8 GPUs that passes, verified by the simulation', () => {
    expect(d.gpus).toBe(8);
    expect(d.verified).toBeGreaterThan(0);
    expect(d.rescue).not.toBeNull();
    expect(strictlyPasses(d.rescue!)).toBe(true);
    const choice = d.rescue!.variation.disaggregation!;
    expect(choice.prefill.workers * choice.prefill.gpus + choice.decode.workers * choice.decode.gpus).toBeLessThanOrEqual(8);
    expect(d.rescue!.requirements.find((x) => x.id === 'requirements.tpot')!.margin!).toBeGreaterThanOrEqual(0);
    expect(r.notes.some((n) => n.startsWith(`a disaggregated layout on the same 8 GPUs would pass: ${disaggText(choice)}`))).toBe(true);
  });

  it('names the rescue for a percentile requirement too: tpot_p90 in place of tpot (the note looked only at the means)', () => {
    const p90 = suggest(load(AGGREGATED.replace('tpot: 35 ms', 'tpot_p90: 35 ms')), OPTIONS, 'fail');
    expect(p90.plan.failing).toContain('requirements.tpot_p90');
    const rescue = p90.disaggregated!.rescue;
    expect(rescue).not.toBeNull();
    expect(rescue!.requirements.find((x) => x.id === 'requirements.tpot_p90')!.margin!).toBeGreaterThanOrEqual(0);
    expect(p90.notes.some((n) => n.startsWith(`a disaggregated layout on the same 8 GPUs would pass: ${disaggText(rescue!.variation.disaggregation!)}`))).toBe(
      true,
    );
  });

  it("says which kind wins on the objective and by how much, from the two candidates' own scores", () => {
    expect(d.best_aggregated).not.toBeNull();
    const dis = d.top[0]!.score!;
    const agg = d.best_aggregated!.score!;
    expect(d.winner).toBe(dis > agg ? 'disaggregated' : 'aggregated');
    expect(d.advantage!).toBeCloseTo(Math.max(dis, agg) / Math.min(dis, agg), 6);
  });

  it('renders the disaggregated side in text and markdown', () => {
    expect(renderSuggestText(r)).toMatch(/Disaggregated layouts of 8 devices .*simulated/);
    expect(renderSuggestMarkdown(r)).toContain('#### Disaggregated prefill and decode');
    expect(renderAlternativesMarkdown(r)).toMatch(/\| # \| Mix \| Devices \|/);
  });
});

describe('a disaggregated plan', () => {
  const base = load(DISAGGREGATED);
  const r = suggest(base, OPTIONS, 'pass');

  it('judges its own pools as its layout, and compares them with aggregated layouts of its devices', () => {
    expect(r.plan.variation.disaggregation).toMatchObject({ prefill: { workers: 2, gpus: 8 }, decode: { workers: 1, gpus: 16 } });
    expect(r.plan.status).not.toBe('fail');
    // aggregated candidates of a disaggregated plan drop its pools
    expect(r.top.every((c) => c.variation.disaggregation === undefined)).toBe(true);
    expect(r.disaggregated!.top.length).toBeGreaterThan(0);
    expect(r.disaggregated!.winner).not.toBeNull();
  });
});

describe("a disaggregated plan at risk whose aggregated layouts all fail (a new user's p08)", () => {
  // DeepSeek-R1 2P1D on 32 H200: verify warns (three requirements at risk); every aggregated layout of
  // 32 devices misses the 3 s TTFT (7.5 s at best); disaggregated mixes of the same devices pass.
  const r = suggest(load(readFileSync('__tests__/fixtures/plans/r1-disagg-at-risk.plan.yaml', 'utf8')), OPTIONS, 'warn');
  const text = renderSuggestText(r);
  const d = r.disaggregated!;

  it('counts both kinds, and says which count is which', () => {
    expect(r.search.passing).toBe(0);
    expect(d.passing).toBeGreaterThan(0);
    expect(text).toContain(`${r.search.layouts} aggregated layouts: 0 pass, 0 not ruled out; ${d.verified} disaggregated mixes of 32 devices simulated`);
    // every mix warns (a requirement at risk, the pools' balance): not "3 pass", which verify would not say
    expect(d.passing_with_warnings).toBe(d.passing);
    expect(text).toContain(`: ${d.passing} meet every requirement on the estimates (${d.passing} with warnings), 0 not ruled out`);
    expect(text).not.toMatch(/No layout passes/);
    expect(text).toContain(`No aggregated layout passes (${d.passing} disaggregated mix`);
    expect(somethingPasses(r)).toBe(true);
    // the plan's row names its mix, not its decode pool's layout (16 ranks on 32 devices)
    expect(text).toMatch(/^ {2}plan +32 +2P1D /m);
  });

  it("weighs the plan's own layout and the disaggregated mixes for a requirement's best estimate", () => {
    // the plan's own TTFT (about 0.6 s) meets the 3 s: no layout "misses" it
    expect(r.plan.figures.ttft_ms!).toBeLessThan(3000);
    expect(r.unmet.map((u) => u.id)).not.toContain('requirements.ttft');
    for (const u of r.unmet) {
      const own = r.plan.requirements.find((x) => x.id === u.id)!;
      expect(own.margin!, u.id).toBeLessThan(0);
    }
  });

  it('the fewest devices that pass and the best layout of 32 count the disaggregated layouts too', () => {
    const gpus = r.what_if.find((a) => a.axis === 'gpus')!;
    expect(gpus.outcome).toBe('found');
    expect(gpus.candidate!.variation.gpus).toBeLessThanOrEqual(32);
    const layout = r.what_if.find((a) => a.axis === 'layout')!;
    expect(layout.outcome).toBe('found');
    expect(layout.candidate!.variation.disaggregation).toBeDefined();
  });
});

describe('the status column of the disaggregated mixes agrees with the verdict above it', () => {
  // Llama 3.1 70B on 8 H100 at 32 in flight (the example at half its concurrency): every mix of 8 devices
  // meets its requirements on the estimates but is at risk; the table once said "passes" under "the best warns".
  const plan = readFileSync('examples/llama-3.1-70b-8xh100-tp8.plan.yaml', 'utf8').replace('concurrency: 64', 'concurrency: 32');
  const r = suggest(load(plan), OPTIONS, 'warn');
  const md = renderAlternativesMarkdown(r, { top: 3 });

  it('calls a mix that warns "at risk" or "warns" in its row, never "passes"', () => {
    const d = r.disaggregated!;
    expect(d.top.length).toBeGreaterThan(0);
    expect(md).toMatch(/the best (warns|is at risk)/);
    const rows = md.split('\n').filter((l) => /^\| D\d /.test(l));
    expect(rows.length).toBeGreaterThan(0);
    for (const [i, c] of d.top.slice(0, 3).entries()) {
      const status = rows[i]!.split(' | ')[3];
      expect(status).toEqual(c.warnings.length > 0 || c.unverified.length > 0 ? expect.stringMatching(/^(at risk|warns)$/) : 'passes');
    }
    expect(rows.some((row) => row.split(' | ')[3] !== 'passes')).toBe(true);
  });
});
