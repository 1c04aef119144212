// Every estimate and bound of a plan: memory per stage, KV capacity, TTFT, decode step, closed
// loop, once at the plan's efficiencies and once as the physical bound.
import { memoryFigures, type MemoryFigures } from './capacity.js';
import type { ModelFacts } from './modelFacts.js';
import { benchmarkWork, MAX_SIMULATED_WORK, simulateBenchmark, type BenchmarkOutcome } from './benchmark.js';
import { BOUND_MODE, closedLoop, decodeStep, prefill, prefillPass, type TimeMode } from './performance.js';
import type { Resolved } from './resolve.js';
import { buildStages, type Stage } from './stages.js';
import type { LoadedPlan, PlanDetails } from './types.js';

export interface Computed extends MemoryFigures {
  stagesEst: Stage[] | null;
  stagesBound: Stage[] | null;
  ttft: number | null;
  ttftFloor: number | null;
  step: number | null;
  stepFloor: number | null;
  tpot: number | null;
  tpotFloor: number | null;
  throughput: number | null;
  throughputBound: number | null;
  computeUtilization: number | null;
  bubble: number | null;
  /** estimated decode time of each stage, seconds */
  stageDecode: number[] | null;
  /** what limits the bound's decode step */
  boundDecodeBy: PlanDetails['times']['decode_bound_by'];
  boundBy: PlanDetails['times']['decode_bound_by'];
  /** the declared benchmark run, simulated (its TTFT, TPOT and throughput replace the steady-state ones above, kept here) */
  benchmark: { run: BenchmarkOutcome; steady: { ttft: number | null; tpot: number | null; throughput: number | null } } | null;
}

/** Which plan keys the time estimates need beyond the model's shape. */
export function timeMissing(r: Resolved, plan: LoadedPlan['plan']): string[] {
  const m: string[] = [];
  const hw = r.hardware;
  if (hw.peak16 === undefined) m.push('hardware.peak_tflops');
  if (hw.memoryBandwidth === undefined) m.push('hardware.memory_bandwidth');
  const { tp, ep, cp, pp } = r.layout;
  const talks = tp > 1 || (ep > 1 && plan.model.moe !== undefined) || cp > 1 || pp > 1;
  if (talks && hw.intraBandwidth === undefined) m.push('hardware.intra_node_bandwidth');
  if ((hw.gpus ?? r.layout.worldSize) > hw.gpusPerNode && hw.interBandwidth === undefined) m.push('hardware.inter_node_bandwidth');
  return m;
}

export function compute(loaded: LoadedPlan, r: Resolved, est: ModelFacts | null, bound: ModelFacts | null): Computed {
  const { layout, hardware: hw, workload: wl } = r;
  const stagesEst = est ? buildStages(est, layout.pp, layout.layersPerStage) : null;
  const stagesBound = bound ? buildStages(bound, layout.pp, layout.layersPerStage) : null;
  const memory = memoryFigures(r, est, bound, stagesEst, stagesBound);

  const estMode: TimeMode = { efficiency: hw.efficiency, latency: true, overlap: false, unknownIsFree: false };
  const run = (facts: ModelFacts | null, stages: Stage[] | null, mode: TimeMode) => {
    const none = { pre: null, dec: null, loop: null, decodeOnly: null };
    if (!facts || !stages) return none;
    const isBound = mode.unknownIsFree;
    // For a bound, an unknown prompt length is the cheapest one (1 token) and an unknown output
    // length is endless decoding: what remains is the decode-only ceiling.
    const input = wl.inputTokens ?? (isBound ? 1 : undefined);
    if (input === undefined) return none;
    const pre = prefill(facts, layout, hw, wl, stages, input, mode);
    if (!pre || wl.concurrency === undefined) return { ...none, pre: wl.inputTokens !== undefined ? pre : null };
    const output = wl.outputTokens;
    if (output === undefined && !isBound) return { ...none, pre };
    const context = input + (output ?? 0) / 2;
    const dec = decodeStep(facts, layout, hw, wl, stages, wl.concurrency, context, mode);
    if (!dec) return { ...none, pre };
    const ttftPart = wl.inputTokens !== undefined ? pre : null;
    if (output === undefined) {
      return { pre: ttftPart, dec, loop: { throughput: (wl.concurrency * dec.tokensPerStep) / dec.step, tpot: dec.step / dec.tokensPerStep, cycle: Infinity, computeUtilization: 0 } };
    }
    const loop = closedLoop(layout, hw, wl.concurrency, output, pre.ttft, pre, dec, mode);
    return { pre: ttftPart, dec, loop };
  };
  const finite = (v: number | undefined | null): number | null => (v === undefined || v === null || !Number.isFinite(v) || v <= 0 ? null : v);
  const e = run(est, stagesEst, estMode);
  const b = run(bound, stagesBound, BOUND_MODE);
  const bench = est && stagesEst && e.dec ? simulateRun(est, r, stagesEst, estMode, e.dec.tokensPerStep) : null;
  return {
    stagesEst, stagesBound, ...memory,
    ttft: bench?.ttft ?? e.pre?.ttft ?? null,
    ttftFloor: finite(b.pre?.ttft),
    step: e.dec?.step ?? null,
    stepFloor: finite(b.dec?.step),
    tpot: bench ? bench.tpot : e.loop?.tpot ?? null,
    tpotFloor: finite(wl.benchmark ? benchmarkTpotFloor(bound, r, stagesBound, b.dec?.tokensPerStep ?? null) : b.loop?.tpot),
    throughput: bench?.throughput ?? e.loop?.throughput ?? null,
    throughputBound: b.loop && b.dec && finite(b.dec.step) !== null ? finite(b.loop.throughput) : null,
    computeUtilization: e.loop?.computeUtilization ?? null,
    bubble: e.dec?.bubbleFraction ?? null,
    stageDecode: e.dec ? e.dec.perStage.map((p) => p.total) : null,
    boundDecodeBy: b.dec?.boundBy ?? null,
    boundBy: e.dec?.boundBy ?? null,
    benchmark: bench ? { run: bench, steady: { ttft: e.pre?.ttft ?? null, tpot: e.loop?.tpot ?? null, throughput: e.loop?.throughput ?? null } } : null,
  };
}

/**
 * TPOT floor of a declared run: its tail requests decode at a smaller batch than the plan's
 * concurrency, down to one sequence per replica, so the floor is one sequence's step at the
 * shortest context.
 */
function benchmarkTpotFloor(facts: ModelFacts | null, r: Resolved, stages: Stage[] | null, tokensPerStep: number | null): number | null {
  if (!facts || !stages || tokensPerStep === null) return null;
  const step = decodeStep(facts, r.layout, r.hardware, r.workload, stages, r.layout.dp, 1, BOUND_MODE)?.step;
  return step === undefined ? null : step / tokensPerStep;
}

/** The plan's declared benchmark run at the estimate's costs; null when none is declared or it cannot be simulated. */
function simulateRun(facts: ModelFacts, r: Resolved, stages: Stage[], mode: TimeMode, tokensPerStep: number): BenchmarkOutcome | null {
  const { layout, hardware: hw, workload: wl } = r;
  if (!wl.benchmark || wl.concurrency === undefined || wl.inputTokens === undefined || wl.outputTokens === undefined) return null;
  const conditions = {
    concurrency: wl.concurrency,
    replicas: layout.dp,
    meanInput: wl.inputTokens,
    meanOutput: wl.outputTokens,
    maxBatchedTokens: wl.maxBatchedTokens,
    requestOverhead: hw.requestOverhead,
    tokensPerStep,
    prefixHitRate: wl.prefixHitRate,
    stages: stages.length,
  };
  if (benchmarkWork(wl.benchmark, conditions) > MAX_SIMULATED_WORK) return null;
  // Decode steps repeat at the same batch and nearly the same context: cache them per 32 tokens of context.
  const steps = new Map<string, number | null>();
  return simulateBenchmark(wl.benchmark, conditions, {
    decodeStep: (batch, context) => {
      const bucket = Math.round(context / 32);
      const key = `${batch}:${bucket}`;
      let v = steps.get(key);
      if (v === undefined) {
        v = decodeStep(facts, layout, hw, wl, stages, batch * layout.dp, Math.max(1, bucket * 32), mode)?.step ?? null;
        steps.set(key, v);
      }
      return v;
    },
    prefillPass: (segments) => prefillPass(facts, layout, hw, stages, segments, mode),
  });
}
