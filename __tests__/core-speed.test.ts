// What makes a layout search fast must not change a figure: the pass-cost memo of a simulated load
// (step-memo.ts) and the stage models shared by stages of the same shape (performance.ts).
import { describe, expect, it } from 'vitest';
import { replicaStepCosts } from '../src/core/estimates.js';
import { deriveModelFacts } from '../src/core/modelFacts.js';
import {
  BOUND_MODE,
  makePass,
  pipelinedStepTime,
  runStages,
  serialTime,
  stageCostModel,
  stageCostModels,
  stagesTime,
  type TimeMode,
} from '../src/core/performance.js';
import { resolvePlan } from '../src/core/resolve.js';
import { simulate, type LoadSpec, type PrefillWork, type StepCosts } from '../src/core/simulator.js';
import { kvCapacityTokens, engineConditions, stageMemory } from '../src/core/memory.js';
import { maxOverStages, sameShape, STAGE_SHAPE, buildStages, type Stage } from '../src/core/stages.js';
import { MEMO_TRIAL, memoStepCosts } from '../src/core/step-memo.js';
import { load } from './core-helpers.js';

/** Costs that count their calls and depend on every argument. */
function countingCosts(): StepCosts & { calls: number } {
  const c = {
    calls: 0,
    step(w: PrefillWork | null, batch: number, context: number, activeDp?: number) {
      c.calls++;
      const prompt = w ? w.tokens + 2 * w.pairsFull + 3 * w.pairsSliding + 5 * w.pairsTopK + 7 * w.completes : 0;
      return { time: 1e-3 * (1 + prompt * 1e-4 + batch * 1e-2 + context * 1e-6 + (activeDp ?? 0)), flops: prompt + batch };
    },
  };
  return c;
}

const work = (tokens: number, pairs = tokens * 10): PrefillWork => ({ tokens, pairsFull: pairs, pairsSliding: pairs, pairsTopK: pairs, completes: 1 });

describe('pass-cost memo of a simulated load', () => {
  it('answers a repeated pass from memory, with the same object the costs gave', () => {
    const inner = countingCosts();
    const memo = memoStepCosts(inner);
    const a = memo.step(null, 4, 1000.5);
    expect(memo.step(null, 4, 1000.5)).toBe(a);
    expect(inner.calls).toBe(1);
    const p = memo.step(work(512), 4, 1000.5);
    expect(memo.step(work(512), 4, 1000.5)).toBe(p);
    expect(inner.calls).toBe(2);
  });
  it('tells apart passes that differ in any argument', () => {
    const inner = countingCosts();
    const memo = memoStepCosts(inner);
    const variants: [PrefillWork | null, number, number][] = [
      [null, 4, 1000],
      [null, 5, 1000],
      [null, 4, 1001],
      [work(512), 4, 1000],
      [work(512, 9), 4, 1000],
      [{ ...work(512), pairsSliding: 1 }, 4, 1000],
      [{ ...work(512), pairsTopK: 1 }, 4, 1000],
      [{ ...work(512), completes: 2 }, 4, 1000],
      [work(513), 4, 1000],
      [work(512), 0, 1000],
    ];
    for (const [w, b, c] of variants) expect(memo.step(w, b, c)).toEqual(countingCosts().step(w, b, c));
    expect(inner.calls).toBe(variants.length);
  });
  it('keys on activeDp too: the same pass with other ranks alongside is costed again', () => {
    const inner = countingCosts();
    const memo = memoStepCosts(inner);
    memo.step(null, 4, 1000, 2);
    memo.step(null, 4, 1000, 2);
    memo.step(null, 4, 1000, 2.5);
    memo.step(null, 4, 1000);
    expect(inner.calls).toBe(3);
  });
  it('steps aside when passes rarely repeat, and still gives the same costs', () => {
    const inner = countingCosts();
    const memo = memoStepCosts(inner);
    for (let i = 0; i < MEMO_TRIAL; i++) memo.step(null, 1, i);
    const calls = inner.calls;
    expect(memo.step(null, 1, 0)).toEqual(countingCosts().step(null, 1, 0));
    expect(memo.step(null, 1, 0)).toEqual(countingCosts().step(null, 1, 0));
    expect(inner.calls).toBe(calls + 2);
  });
  it('a steady closed loop simulated through the memo gives the same outcome on fewer pass costs', () => {
    const load: LoadSpec = {
      kind: 'closed',
      ranks: 1,
      clients: 4,
      rate: 0,
      arrival: 'poisson',
      burstiness: 1,
      requests: 40,
      warmup: 8,
      finite: false,
      inputs: [3000],
      outputs: [300],
      pairs: (from, to) => ({ pairsFull: to * to - from * from, pairsSliding: to - from, pairsTopK: to - from }),
    };
    const engine = {
      policy: 'mixed' as const,
      maxBatchedTokens: 2048,
      maxRunning: 8,
      requestOverhead: 0.01,
      stepOverhead: 0.001,
      tokensPerStep: 1,
      prefixHitRate: 0,
      recvInterval: 1,
      outputLag: 1,
    };
    const plain = countingCosts();
    const inner = countingCosts();
    expect(simulate(load, engine, memoStepCosts(inner))).toEqual(simulate(load, engine, plain));
    expect(inner.calls).toBeLessThan(plain.calls / 2);
  });
});

// DeepSeek-V3's 61 layers over pp = 16: stages of 3 and 4 layers, the first with the dense layers.
const PLAN = `
version: 1
model: {preset: deepseek-v3}
hardware: {preset: h200, gpus: 128}
parallelism: {tp: 8, pp: 16}
workload: {concurrency: 64, input_tokens: 2048, output_tokens: 256}
`;

describe('stage models shared by stages of the same shape', () => {
  const loaded = load(PLAN);
  const r = resolvePlan(loaded.plan, loaded.origins);
  const facts = deriveModelFacts(loaded.plan.model, 'estimate').facts!;
  const stages = buildStages(facts, r.layout.pp, r.layout.layersPerStage)!;
  const mode: TimeMode = { efficiency: r.hardware.efficiency, latency: true, overlap: false, unknownIsFree: false };

  it('share a model only between neighbours of the same shape', () => {
    const models = stageCostModels(facts, r.layout, r.hardware, stages, mode)!;
    expect(new Set(models).size).toBeLessThan(models.length);
    for (let i = 1; i < stages.length; i++) {
      const same = JSON.stringify({ ...stages[i], index: 0 }) === JSON.stringify({ ...stages[i - 1], index: 0 });
      expect(models[i] === models[i - 1]).toBe(same);
    }
  });
  it('cost every pass as a model of each stage built alone would', () => {
    for (const m of [mode, BOUND_MODE]) {
      const shared = stageCostModels(facts, r.layout, r.hardware, stages, m)!;
      const alone = stages.map((s) => stageCostModel(facts, r.layout, r.hardware, s, m)!);
      for (const pass of [
        makePass({
          activeDp: 1,
          prefillTokens: 2048,
          prefillPairsFull: 2048 * 1024,
          prefillPairsSliding: 2048 * 1024,
          prefillPairsTopK: 2048 * 1024,
          logitTokens: 1,
        }),
        makePass({ activeDp: 1, decodeSequences: 8, decodeContext: 2100, logitTokens: 8 }),
      ]) {
        const run = runStages(shared, facts, r.layout, r.hardware, pass, m)!;
        expect(run.perStage).toEqual(alone.map((a) => a.evaluate(pass)));
      }
    }
  });
  it('are built once for the same plan objects, and again for others', () => {
    const a = stageCostModels(facts, r.layout, r.hardware, stages, mode);
    expect(stageCostModels(facts, r.layout, r.hardware, stages, mode)).toBe(a);
    expect(stageCostModels(facts, r.layout, r.hardware, stages, { ...mode })).not.toBe(a);
    expect(stageCostModels(facts, r.layout, r.hardware, [...stages], mode)).not.toBe(a);
  });
  it("a pass's seconds alone are those of its whole cost, in turn and pipelined", () => {
    for (const m of [mode, BOUND_MODE]) {
      const models = stageCostModels(facts, r.layout, r.hardware, stages, m)!;
      for (const pass of [
        makePass({
          activeDp: 8,
          prefillTokens: 4096,
          prefillPairsFull: 4096 * 2048,
          prefillPairsSliding: 4096 * 2048,
          prefillPairsTopK: 4096 * 2048,
          logitTokens: 2,
          eager: true,
        }),
        makePass({ activeDp: 8, decodeSequences: 3, decodeContext: 5000, logitTokens: 3 }),
      ]) {
        const run = runStages(models, facts, r.layout, r.hardware, pass, m)!;
        expect(stagesTime(models, facts, r.layout, r.hardware, pass, m, 'serial')).toBe(serialTime(run, r.layout));
        expect(stagesTime(models, facts, r.layout, r.hardware, pass, m, 'pipelined')).toBe(pipelinedStepTime(run, r.layout));
        expect(models.map((model) => model.time(pass))).toEqual(run.perStage.map((c) => c.total));
      }
    }
  });
  it('a replica step costs the same through the shared models', () => {
    const shared = replicaStepCosts(facts, r, stageCostModels(facts, r.layout, r.hardware, stages, mode)!, mode);
    const alone = replicaStepCosts(
      facts,
      r,
      stages.map((s) => stageCostModel(facts, r.layout, r.hardware, s, mode)!),
      mode,
    );
    for (const [w, b, c] of [
      [work(2048, 2048 * 1024), 0, 0],
      [null, 16, 2100],
      [work(1024, 1024 * 512), 15, 2300],
    ] as const) {
      expect(shared.step(w, b, c)).toEqual(alone.step(w, b, c));
    }
  });
});

describe('a pipeline replica keeps a batch in flight per stage', () => {
  // Llama 3.1 70B over tp 2 x pp 4 on A100s, budget 2,048 (the reviewer's plan): prompt work of four
  // budgets fills the four microbatches, each a stage at a time, so the round trip costs about one
  // budget's serial pass (4 x the slowest stage vs the sum of the stages); it cost four passes.
  const loaded = load(`
version: 1
model: {preset: llama-3.1-70b}
hardware: {preset: a100-80gb, gpus: 8}
parallelism: {tp: 2, pp: 4}
workload: {concurrency: 64, input_tokens: 2048, output_tokens: 256, max_batched_tokens: 2048}
`);
  const r = resolvePlan(loaded.plan, loaded.origins);
  const facts = deriveModelFacts(loaded.plan.model, 'estimate').facts!;
  const stages = buildStages(facts, r.layout.pp, r.layout.layersPerStage)!;
  const mode: TimeMode = { efficiency: r.hardware.efficiency, latency: true, overlap: false, unknownIsFree: false };
  const costs = replicaStepCosts(facts, r, stageCostModels(facts, r.layout, r.hardware, stages, mode)!, mode);
  const prompts = (n: number): PrefillWork => ({ ...work(2048 * n, ((n * 2048) / 2) * 2049), completes: n });

  it('four budgets of prompts cost one round trip, not four', () => {
    const one = costs.step(prompts(1), 0, 0)!.time;
    const four = costs.step(prompts(4), 0, 0)!.time;
    expect(four / one).toBeGreaterThanOrEqual(1);
    expect(four / one).toBeLessThan(1.25);
  });
  it('eight budgets fill the four microbatches twice: twice the round trip', () => {
    const four = costs.step(prompts(4), 0, 0)!.time;
    expect(costs.step(prompts(8), 0, 0)!.time / four).toBeCloseTo(2, 1);
  });
  it('a chunk riding with decodes still crosses every stage whole: the step lasts its serial pass', () => {
    const alone = costs.step(prompts(1), 0, 0)!.time;
    expect(costs.step(prompts(1), 32, 2000)!.time).toBeGreaterThan(alone);
  });
});

describe('stages of the same shape', () => {
  const loaded = load(PLAN);
  const r = resolvePlan(loaded.plan, loaded.origins);
  const facts = deriveModelFacts(loaded.plan.model, 'estimate').facts!;
  const stages = buildStages(facts, r.layout.pp, r.layout.layersPerStage)!;

  it('differ in any field of their shape, never in their position alone', () => {
    const s = stages[5]!;
    expect(sameShape(s, { ...s, index: 99 })).toBe(true);
    for (const k of STAGE_SHAPE) {
      const other: Stage = { ...s, [k]: typeof s[k] === 'boolean' ? !s[k] : (s[k] as number) + 0.5 };
      expect(sameShape(s, other), k).toBe(false);
    }
  });
  it('need the memory each stage needs alone', () => {
    const cond = engineConditions(r.workload, r.hardware, 8, 4096);
    const all = stageMemory(facts, r.layout, cond, stages, 8, 4096, 0);
    expect(all).toEqual(stages.map((s) => stageMemory(facts, r.layout, cond, [s], 8, 4096, 0)[0]));
    expect(kvCapacityTokens(facts, r.layout, r.workload.engine, stages, all, 8)).toBe(
      Math.min(...stages.map((s, i) => kvCapacityTokens(facts, r.layout, r.workload.engine, [s], [all[i]!], 8))),
    );
  });
  it('the largest figure over the stages, each shape computed once', () => {
    const figure = (s: Stage): number => s.layers * 10 + s.denseLayers + (s.hasLmHead ? 0.5 : 0);
    let calls = 0;
    const max = maxOverStages(stages, (s) => {
      calls++;
      return figure(s);
    });
    expect(max).toBe(Math.max(...stages.map(figure)));
    expect(calls).toBeLessThan(stages.length);
    expect(maxOverStages([], () => 1)).toBe(-Infinity);
  });
});
