// Why a plan's ranges are wider than validated (a coarse MoE, a GPU family or engine outside the
// validated runs, a defaulted engine): the JSON keeps each reason in its assumptions; the text
// report and the markdown (the pull-request comment) say them in one line beside the ranges.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { load } from './core-helpers.js';
import { bucketWords } from '../src/core/ranges.js';
import { verifyLoadedPlan } from '../src/core/verify.js';
import { renderPlanMarkdown } from '../src/report/markdown.js';
import { renderPlanText } from '../src/report/text.js';

const mixtral = verifyLoadedPlan(load(readFileSync('examples/mixtral-8x7b-2xa100-tp2.plan.yaml', 'utf8'), 'mixtral.plan.yaml'));
const reasons = (mixtral.details?.assumptions ?? []).filter((a) => a.name === 'ranges').map((a) => a.value);

describe('why the ranges are wider', () => {
  it('Mixtral 8x7B on A100 without an engine: three reasons, the coarse MoE among them', () => {
    expect(reasons).toHaveLength(3);
    expect(reasons.some((r) => /MoE of 8 experts/.test(r))).toBe(true);
  });

  it('the text report says every reason in one line', () => {
    const lines = renderPlanText(mixtral).split('\n');
    const line = lines.filter((l) => /wider than validated/.test(l));
    expect(line).toHaveLength(1);
    for (const r of reasons) expect(line[0]).toContain(r);
    expect(line[0]).toMatch(/MoE of 8 experts/);
  });

  it('the markdown says every reason in one line beside the ranges in brackets', () => {
    const md = renderPlanMarkdown(mixtral);
    const note = md.split('\n').filter((l) => l.startsWith('The decode step') || l.startsWith('Ranges in brackets'));
    expect(note).toHaveLength(1);
    const wider = note[0]!.slice(note[0]!.indexOf('Ranges in brackets'));
    for (const r of reasons) expect(wider).toContain(r.replaceAll('_', '\\_'));
    expect(wider).toMatch(/MoE of 8 experts/);
  });

  it('a plan inside the validated region (engine named, Hopper, dense) has no such line', () => {
    const yaml = readFileSync('examples/llama-3.1-70b-8xh100-tp8.plan.yaml', 'utf8').replace('\nworkload:', '\ndeployment:\n  engine: vllm\n\nworkload:');
    const plan = verifyLoadedPlan(load(yaml, 'llama.plan.yaml'));
    const why = (plan.details?.assumptions ?? []).filter((a) => a.name === 'ranges');
    expect(why).toEqual([]);
    expect(renderPlanText(plan)).not.toMatch(/wider than validated/);
    expect(renderPlanMarkdown(plan)).not.toMatch(/wider than validated/);
    expect(renderPlanMarkdown(plan)).toMatch(/Ranges in brackets/);
  });
});

describe('the bucket a widened range is measured against, in words', () => {
  it('a disaggregated vLLM plan on Hopper never shows an internal key such as "disagg|queue<1.5"', () => {
    const yaml = `version: 1
model: {preset: llama-3.1-70b, weight_dtype: fp8}
hardware: {preset: h100-sxm, gpus: 10}
disaggregation:
  prefill: {workers: 6, gpus: 1, parallelism: {tp: 1}, max_batched_tokens: 8192}
  decode: {workers: 1, gpus: 4, parallelism: {tp: 4}}
deployment: {engine: vllm}
workload: {request_rate: 8/s, input_tokens: 3000, output_tokens: 500, max_input_tokens: 8192, max_output_tokens: 1024}
requirements: {ttft_p99: 2 s, tpot_p90: 40 ms}
`;
    const plan = verifyLoadedPlan(load(yaml, 'disagg.plan.yaml'));
    const why = (plan.details?.assumptions ?? []).filter((a) => a.name === 'ranges').map((a) => a.value);
    expect(why.some((r) => /outside the validated runs/.test(r))).toBe(true);
    for (const r of why) expect(r).not.toMatch(/\||queue[<>\d]/);
    expect(renderPlanText(plan)).not.toMatch(/disagg\|/);
  });

  it('reads each kind of key', () => {
    expect(bucketWords('all')).toBe('all runs');
    expect(bucketWords('disagg')).toBe('disaggregated runs');
    expect(bucketWords('disagg|queue<1.5')).toBe('disaggregated runs whose TTFT under load is below 1.5x the idle one');
    expect(bucketWords('disagg|trtllm|blackwell')).toBe('disaggregated trtllm runs on blackwell GPUs');
    expect(bucketWords('sglang|hopper|steady')).toBe('sglang runs on hopper GPUs of steady loops of equal requests');
    expect(bucketWords('vllm')).toBe('vllm runs');
  });
});

describe('a reason TTFT and TPOT both give against different track records is said once', () => {
  // a new user's trial: a Dynamo vLLM prefill/decode plan on H100 printed "vllm on hopper GPUs is outside
  // the validated runs: 1.5x wider than disaggregated runs whose TTFT ...; vllm on hopper GPUs is outside
  // the validated runs: 1.5x wider than disaggregated runs"
  const disagg = `
version: 1
model: {preset: llama-3.1-70b, weight_dtype: fp8}
hardware: {preset: h100, gpus: 16}
deployment: {engine: vllm}
disaggregation:
  prefill: {workers: 2, gpus: 4, parallelism: {tp: 4}}
  decode: {workers: 1, gpus: 8, parallelism: {tp: 8}}
workload: {request_rate: 2, input_tokens: 4000, output_tokens: 400}
`;
  const plan = verifyLoadedPlan(load(disagg, 'pd.plan.yaml'));
  const why = (plan.details?.assumptions ?? []).filter((a) => a.name === 'ranges').map((a) => String(a.value));
  it('one sentence, naming each metric beside its record', () => {
    const outside = why.filter((w) => /outside the validated runs: 1\.5x wider/.test(w) && /^vllm on hopper/.test(w));
    expect(outside).toHaveLength(1);
    expect(outside[0]).toMatch(/\(TTFT\) and .* \(TPOT\)$/);
  });
});
