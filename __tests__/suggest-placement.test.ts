// `suggest` shows the SGLang placement keys (parallelism.dense_tp, shared_expert_tp, lm_head_tp) each
// candidate carries: they move memory without changing the layout's sizes, and candidate.ts adapts them
// to each layout (whole stays whole, the LM head follows tp, whole shared experts need an all-to-all).
// Without them two candidates' layouts read the same while their memory differs.
import { describe, expect, it } from 'vitest';
import { verifyLoadedPlan } from '../src/core/verify.js';
import { renderAlternativesMarkdown, renderSuggestMarkdown } from '../src/report/alternatives.js';
import { renderSuggestText, suggest } from '../src/suggest/index.js';
import { load } from './core-helpers.js';

const OPTIONS = { objective: 'throughput-per-gpu' as const, top: 5, allowCrossNodeTp: false, allowCp: false, anyGpuCount: false };

const plan = (placement: string) => `version: 1
model: {preset: deepseek-v3}
hardware: {preset: h200, gpus: 8}
deployment: {engine: sglang}
parallelism: {tp: 1, dp: 8, ep: 8${placement}}
workload: {concurrency: 32, input_tokens: 4096, output_tokens: 1024}
requirements: {ttft: 3 s, tpot: 80 ms}
`;

function run(yaml: string) {
  const base = load(yaml);
  const r = suggest(base, OPTIONS, verifyLoadedPlan(base).verdict);
  return { r, text: renderSuggestText(r), md: renderSuggestMarkdown(r), alternatives: renderAlternativesMarkdown(r) };
}

describe('suggest names the placement keys a candidate carries', () => {
  const { r, text, md, alternatives } = run(plan(', dense_tp: 1, shared_expert_tp: 1, lm_head_tp: 1'));

  it("on the plan's own layout and its row", () => {
    expect(r.plan.placement).toEqual({ dense_tp: 1, shared_expert_tp: 1, lm_head_tp: 1 });
    expect(text).toContain("The plan's own layout (8 devices, tp=1 pp=1 dp=8 ep=8 etp=1 dense_tp=1 shared_expert_tp=1 lm_head_tp=1)");
    expect(text).toMatch(/^ {2}plan +8 +tp=1 pp=1 dp=8 ep=8 etp=1 dense_tp=1 shared_expert_tp=1 lm_head_tp=1 /m);
    expect(md).toContain('The plan as written (8 devices, tp=1 pp=1 dp=8 ep=8 etp=1 dense\\_tp=1 shared\\_expert\\_tp=1 lm\\_head\\_tp=1)');
  });

  it('on each ranked candidate, as adapted to its layout', () => {
    expect(r.top.length).toBeGreaterThan(1);
    for (const c of r.top) {
      const { tp, pp, dp, ep, etp } = c.variation.layout;
      // the LM head over the attention TP group follows the candidate's tp; whole shared experts only with expert parallelism alone
      const shared = etp === 1 && ep > 1 ? ' shared_expert_tp=1' : '';
      const shown = `tp=${tp} pp=${pp} dp=${dp}${ep > 1 || etp !== undefined ? ` ep=${ep}` : ''} etp=${etp} dense_tp=1${shared} lm_head_tp=${tp}`;
      expect(text).toContain(`  ${shown}  `);
      expect(md).toContain(`\`${shown}\``);
    }
    expect(alternatives).toMatch(/`tp=\d+ pp=1 dp=\d+ ep=\d+ etp=\d+ dense_tp=1( shared_expert_tp=1)? lm_head_tp=\d+`/);
    // the what-if axes name them too
    expect(r.what_if.find((a) => a.axis === 'layout')!.detail).toMatch(/dense_tp=1/);
  });

  it('and says nothing of them for a plan without them', () => {
    const without = run(plan(''));
    expect(without.r.plan.placement).toBeUndefined();
    expect(`${without.text}${without.md}`).not.toMatch(/dense_tp|shared_expert_tp|lm_head_tp/);
  });
});

describe("a disaggregated candidate's pools name theirs", () => {
  const pd = `version: 1
model: {preset: deepseek-v3}
hardware: {preset: h200, gpus: 16}
deployment: {engine: sglang}
workload: {concurrency: 64, input_tokens: 1024, output_tokens: 256}
requirements: {tpot: 50 ms}
disaggregation:
  prefill: {workers: 1, gpus: 8, parallelism: {tp: 8, ep: 8}}
  decode: {workers: 1, gpus: 8, parallelism: {tp: 1, dp: 8, ep: 8, dense_tp: 1, shared_expert_tp: 1, lm_head_tp: 1}}
`;

  it('in the pool that carries them', () => {
    const { r, text } = run(pd);
    expect(r.plan.placement).toEqual({ decode: { dense_tp: 1, shared_expert_tp: 1, lm_head_tp: 1 } });
    expect(text).toContain(
      "The plan's own layout (16 devices, 1 x prefill (8 GPUs, tp=8 pp=1 dp=1 ep=8 etp=1) + 1 x decode (8 GPUs, tp=1 pp=1 dp=8 ep=8 etp=1 dense_tp=1 shared_expert_tp=1 lm_head_tp=1))",
    );
    const mixes = r.disaggregated!.top;
    expect(mixes.length).toBeGreaterThan(0);
    for (const c of mixes) expect(c.placement?.decode?.dense_tp).toBe(1);
    expect(text).toMatch(/\+ 1 x decode \(8 GPUs, tp=\d pp=1 dp=\d ep=\d etp=\d dense_tp=1( shared_expert_tp=1)? lm_head_tp=\d\) on 16 devices/);
  });
});
