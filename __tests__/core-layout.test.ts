// Layout rules.
import { describe, expect, it } from 'vitest';
import { defaultSplit } from '../src/core/stages.js';
import { validLayouts } from '../src/core/layout.js';
import { judgeClaim, judgeMemoryClaim, judgeRequirement } from '../src/core/compare.js';
import { check, verify } from './core-helpers.js';

const plan = (model: string, gpus: number, par: string) =>
  verify(`
version: 1
model: {${model}}
hardware: {preset: h100-sxm, gpus: ${gpus}}
parallelism: {${par}}
workload: {concurrency: 8, input_tokens: 512, output_tokens: 64}
`);

describe('layout', () => {
  it('world size must equal the device count; the error lists layouts that work', () => {
    const r = plan('preset: llama-3.1-70b', 8, 'tp: 4');
    const c = check(r, 'layout.world_size');
    expect(c.status).toBe('fail');
    expect(c.detail).toContain('tp=8 pp=1 dp=1');
    expect(c.detail).toContain('tp=4 pp=2 dp=1');
  });
  it("a tp that alone fills the devices with dp > 1 is pointed at SGLang's DP-attention reading (--tp 8 --dp 8 is tp 1, dp 8)", () => {
    const c = check(plan('preset: deepseek-v3', 8, 'tp_size: 8, dp_size: 8, ep_size: 8'), 'layout.world_size');
    expect(c.status).toBe('fail');
    expect(c.detail).toMatch(/as SGLang's --tp does with --enable-dp-attention \(--tp 8 --dp 8\), write tp: 1, dp: 8/);
    // a plain oversized layout gets no such hint
    expect(check(plan('preset: llama-3.1-70b', 8, 'tp: 4, dp: 4'), 'layout.world_size').detail).not.toMatch(/enable-dp-attention/);
  });
  it('valid layouts respect heads and KV heads: Qwen3-235B has 4 KV heads, so tp 8 replicates them but tp 3 is out', () => {
    const layouts = validLayouts({ heads: 64, kv_heads: 4, layers: 94 }, 24, 8);
    expect(layouts.some((l) => l.startsWith('tp=8 '))).toBe(true);
    expect(layouts.some((l) => l.startsWith('tp=3 '))).toBe(false);
  });
  it('heads not divisible by tp fail and list the sizes that work', () => {
    const r = plan('preset: llama-3.1-8b', 6, 'tp: 6');
    const c = check(r, 'layout.heads_divisible');
    expect(c.status).toBe('fail');
    expect(c.detail).toContain('1, 2, 4, 8');
  });
  it('ep x etp must divide tp x dp x cp (contract regrouping rule)', () => {
    expect(check(plan('preset: mixtral-8x7b', 4, 'tp: 2, pp: 2, ep: 2'), 'layout.moe_regroup').status).toBe('pass');
    expect(check(plan('preset: mixtral-8x7b', 4, 'tp: 2, pp: 2, ep: 4'), 'layout.moe_regroup').status).toBe('fail');
  });
  it('experts must divide by ep', () => {
    expect(check(plan('preset: mixtral-8x7b', 6, 'tp: 1, dp: 6, ep: 6'), 'layout.experts_divisible').status).toBe('fail');
  });
  it('ep on a dense model is an error', () => {
    expect(check(plan('preset: llama-3.1-8b', 2, 'tp: 2, ep: 2'), 'layout.moe_regroup').status).toBe('fail');
  });
  it('more stages than layers fail; an uneven split warns', () => {
    expect(check(plan('preset: llama-3.1-8b', 8, 'pp: 8, tp: 1'), 'layout.layers_divisible').status).toBe('pass');
    expect(check(plan('preset: llama-3.1-8b', 3, 'pp: 3'), 'layout.layers_divisible').status).toBe('warn');
  });
  it('an explicit split must cover every layer', () => {
    expect(check(plan('preset: llama-3.1-8b', 2, 'pp: 2, layers_per_stage: [16, 15]'), 'layout.layers_divisible').status).toBe('fail');
    expect(check(plan('preset: llama-3.1-8b', 2, 'pp: 2, layers_per_stage: [17, 15]'), 'layout.layers_divisible').status).toBe('pass');
  });
  it('default split gives the remainder to the stages before the last (vLLM get_pp_indices)', () => {
    expect(defaultSplit(10, 4)).toEqual([2, 3, 3, 2]);
    expect(defaultSplit(80, 8)).toEqual(new Array(8).fill(10));
    expect(defaultSplit(3, 4)).toBeNull();
  });
  it('tp across nodes warns', () => {
    expect(check(plan('preset: llama-3.1-405b', 16, 'tp: 16'), 'layout.tp_within_node').status).toBe('warn');
  });
});

describe('judging figures (contract semantics)', () => {
  const f = { estimate: 100, bound: 200, show: String, missing: [] };
  it('rates: beyond the bound fails, between estimate and bound warns, at or under the estimate passes', () => {
    expect(judgeClaim(250, 'higher-is-better', f).status).toBe('fail');
    expect(judgeClaim(150, 'higher-is-better', f).status).toBe('warn');
    expect(judgeClaim(100, 'higher-is-better', f).status).toBe('pass');
  });
  it('times: below the floor fails', () => {
    const t = { estimate: 100, bound: 50, show: String, missing: [] };
    expect(judgeClaim(40, 'lower-is-better', t).status).toBe('fail');
    expect(judgeClaim(70, 'lower-is-better', t).status).toBe('warn');
    expect(judgeClaim(120, 'lower-is-better', t).status).toBe('pass');
    expect(judgeRequirement(40, 'lower-is-better', t).status).toBe('fail');
    expect(judgeRequirement(70, 'lower-is-better', t).status).toBe('fail');
    expect(judgeRequirement(120, 'lower-is-better', t).status).toBe('pass');
  });
  it('no estimate: unverified with the missing keys, unless the bound already decides', () => {
    const g = { estimate: null, bound: 200, show: String, missing: ['model.heads'] };
    expect(judgeClaim(150, 'higher-is-better', g)).toMatchObject({ status: 'unverified' });
    expect(judgeClaim(150, 'higher-is-better', g).detail).toContain('model.heads');
    expect(judgeClaim(250, 'higher-is-better', g).status).toBe('fail');
  });
  it('memory claims: under the floor is impossible, far over the estimate is suspicious', () => {
    const m = { estimate: 100, bound: 60, show: String, missing: [] };
    expect(judgeMemoryClaim(50, m).status).toBe('fail');
    expect(judgeMemoryClaim(80, m).status).toBe('warn');
    expect(judgeMemoryClaim(110, m).status).toBe('pass');
    expect(judgeMemoryClaim(200, m).status).toBe('warn');
  });
});

describe('expert balance', () => {
  it('expected max/mean load: mean + sigma * sqrt(2 ln n), by hand for 800 picks over 8 ranks', async () => {
    const { expectedExpertImbalance } = await import('../src/core/balance.js');
    const mean = 100;
    const sigma = Math.sqrt(800 * (1 / 8) * (7 / 8));
    expect(expectedExpertImbalance(800, 8)).toBeCloseTo((mean + sigma * Math.sqrt(2 * Math.log(8))) / mean, 10);
    expect(expectedExpertImbalance(800, 1)).toBe(1);
    // More tokens per step even out the load.
    expect(expectedExpertImbalance(80_000, 8)).toBeLessThan(expectedExpertImbalance(800, 8));
  });
  it('a small decode batch spread over wide EP warns; a large one passes', () => {
    const small = verify(`
version: 1
model: {preset: deepseek-v3}
hardware: {preset: h200, gpus: 16, gpus_per_node: 8, inter_node_bandwidth: 50 GB/s}
parallelism: {tp: 1, dp: 16, ep: 16}
workload: {concurrency: 16, input_tokens: 1000, output_tokens: 100}
`);
    expect(check(small, 'layout.expert_balance').status).toBe('warn');
    const large = verify(`
version: 1
model: {preset: deepseek-v3}
hardware: {preset: h200, gpus: 8}
parallelism: {tp: 1, dp: 8, ep: 8}
workload: {concurrency: 1024, input_tokens: 1000, output_tokens: 100, max_input_tokens: 1000, max_output_tokens: 100}
`);
    expect(check(large, 'layout.expert_balance').status).toBe('pass');
    // 1,024 tokens a step x top-8 experts: the picks read with their digits grouped, as every count does
    expect(check(large, 'layout.expert_balance').detail).toMatch(/^8,192 token-expert picks per /);
  });
  it('a plan that already has redundant experts is not told to add them', () => {
    const plan = (redundant: string) => `
version: 1
model: {preset: deepseek-v3${redundant}}
hardware: {preset: h200, gpus: 16, gpus_per_node: 8, inter_node_bandwidth: 50 GB/s}
parallelism: {tp: 1, dp: 16, ep: 16}
workload: {concurrency: 16, input_tokens: 1000, output_tokens: 100}
`;
    expect(check(verify(plan('')), 'layout.expert_balance').detail).toMatch(/consider redundant experts \(moe\.redundant_experts\)/);
    const given = check(verify(plan(', moe: {redundant_experts: 32}')), 'layout.expert_balance');
    expect(given.status).toBe('warn');
    expect(given.detail).not.toMatch(/consider redundant experts/);
    expect(given.detail).toMatch(/the plan's 32 redundant experts \(moe\.redundant_experts\) counter/);
  });
});
