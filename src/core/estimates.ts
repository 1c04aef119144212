// Every estimate and bound of a plan: memory per stage, KV capacity, idle TTFT, decode step, the
// plan's load simulated request by request (TTFT, TPOT, throughput, percentiles, goodput), once at
// the plan's efficiencies and, for the bounds, with every efficiency at 1.
import { inFlightMemory, memoryFigures, type MemoryFigures } from './capacity.js';
import { maxRunningSequences } from './engine-memory.js';
import { stageKvBytesPerSequence } from './memory.js';
import type { ModelFacts } from './modelFacts.js';
import {
  BOUND_MODE,
  closedLoopBound,
  decodeStep,
  filledMicrobatches,
  layerPairs,
  makePass,
  modelFlops,
  prefill,
  queryTokensPerStep,
  runStages,
  speculativeFactor,
  stageCostModels,
  stagesTime,
  windowedKeys,
  withMicrobatches,
  type ClosedLoopLimit,
  type StageCostModel,
  type TimeMode,
} from './performance.js';
import type { Layout, Resolved } from './resolve.js';
import { benchmarkLengths, estimatedEvents, simulate, type EngineBehaviour, type LoadSpec, type SimulationOutcome, type StepCosts } from './simulator.js';
import { buildStages, type Stage } from './stages.js';
import { againstCapacity, capacityLoad, goodputCapacityClients } from './saturation.js';
import { memoStepCosts } from './step-memo.js';
import type { LoadedPlan, PlanDetails, RequirementsSpec } from './types.js';

/** The plan's load, simulated: means and percentiles over requests. */
export interface LoadFigures {
  kind: 'closed' | 'open';
  outcome: SimulationOutcome;
  /** output tokens/s of the whole deployment */
  throughput: number;
  /** open loop: the offered rate exceeds what the deployment sustains (queues grow) */
  saturated: boolean;
  /** requests/s the whole deployment completes */
  servedRate: number;
  /** open loop: requests/s it completes when never short of work, where that was simulated (saturation.ts) */
  capacityRate?: number;
  /** open loop: the run completed what arrived on its own (its capacity asked only because it was never idle) */
  keptUpInRun?: boolean;
}

export interface Computed extends MemoryFigures {
  stagesEst: Stage[] | null;
  stagesBound: Stage[] | null;
  /** sequences that run at once in one replica (KV capacity and the engine's cap); null when unknown */
  runningPerReplica: number | null;
  /** TTFT under the plan's load (the idle figure when the plan states no load) */
  ttft: number | null;
  /** one request on an idle deployment */
  ttftIdle: number | null;
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
  /** what sets the throughput bound where it is not the decode step alone: a closed loop's cycle, or an open loop's request-rate ceiling */
  throughputBoundBy?: ClosedLoopLimit | 'request-rate';
  boundBy: PlanDetails['times']['decode_bound_by'];
  load: LoadFigures | null;
  /** requests/s at which every stated latency requirement holds (goodput), or the saturation rate without any */
  maxRequestRate: number | null;
  /** physical ceiling of the request rate */
  requestRateBound: number | null;
  /**
   * an open loop that keeps up with its arrivals: the most output tokens/s the deployment serves at
   * the workload's lengths (a closed loop at its running cap, the goodput search's upper end), for
   * the throughput range's slow end (plan-ranges.ts); null otherwise
   */
  capacity: number | null;
  /** why the plan's load was not simulated although it states one (too much work) */
  loadSkipped: string | null;
  /** the KV cache holds not one sequence of the workload's length: nothing runs, no loaded figure */
  noRoom: boolean;
  /** routed experts of the model (0: dense, or not known), for the ranges' validated region */
  routedExperts: number;
}

/**
 * The TTFT under load: the simulated mean, never below the idle TTFT, which the contract makes its
 * floor. With mixed prompt lengths the simulated mean can dip under the idle figure (taken at the
 * mean length) where short prompts run much faster than the mean one (vLLM's captured graphs up to
 * 512 tokens: DeepSeek-V3 on B200, 1,024-token prompts of range ratio 0.3, 107.9 against 109.9 ms).
 */
export function loadedTtft(mean: number | undefined, idle: number | null): number | null {
  if (mean === undefined) return idle;
  return idle !== null ? Math.max(mean, idle) : mean;
}

/**
 * Floor of every request's end-to-end latency: its first token no sooner than the TTFT floor, each
 * later token no sooner than the TPOT floor after it (a lone output token: the TTFT floor alone).
 */
export function e2eFloor(c: Pick<Computed, 'ttftFloor' | 'tpotFloor'>, outputTokens: number | undefined): number | null {
  if (c.ttftFloor === null || outputTokens === undefined) return null;
  if (outputTokens <= 1) return c.ttftFloor;
  return c.tpotFloor === null ? null : c.ttftFloor + (outputTokens - 1) * c.tpotFloor;
}

/**
 * An open loop's throughput ceiling: no more requests completed than the deployment's physical
 * request rate allows, each of `outputTokens` (the stated rate itself is no bound: a measured run's
 * random arrivals may come faster than stated); with `bound`, the lower of the two. A closed loop's
 * (`requestRate` undefined) is `bound` as it is.
 */
export function openLoopThroughputBound(
  bound: number | null,
  requestRate: number | undefined,
  rateBound: number | null,
  outputTokens: number | undefined,
): number | null {
  if (requestRate === undefined || rateBound === null || outputTokens === undefined) return bound;
  const ceiling = rateBound * outputTokens;
  return bound === null ? ceiling : Math.min(bound, ceiling);
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

export interface ComputeOptions {
  /** search the goodput (bisection over simulated open loops) even when no requirement asks for it */
  goodput?: boolean;
  /** false: memory, idle and bound figures only, no simulated load (one pool of a disaggregated plan) */
  load?: boolean;
  /** a shorter steady state for screening many candidates (VerifyOptions.quick) */
  quick?: boolean;
}

/** Latency requirements judged against simulated figures (goodput holds them all). */
const LATENCY_KEYS = ['ttft', 'tpot', 'ttft_p50', 'ttft_p90', 'ttft_p99', 'tpot_p50', 'tpot_p90', 'tpot_p99', 'e2e_p99'] as const;
export type LatencyKey = (typeof LATENCY_KEYS)[number];

/** The simulated figure a latency requirement is judged against, seconds. */
export function latencyFigure(out: SimulationOutcome, key: LatencyKey): number | null {
  switch (key) {
    case 'ttft':
      return out.ttft.mean;
    case 'tpot':
      return out.tpot?.mean ?? null;
    case 'ttft_p50':
      return out.ttft.p50;
    case 'ttft_p90':
      return out.ttft.p90;
    case 'ttft_p99':
      return out.ttft.p99;
    case 'tpot_p50':
      return out.tpot?.p50 ?? null;
    case 'tpot_p90':
      return out.tpot?.p90 ?? null;
    case 'tpot_p99':
      return out.tpot?.p99 ?? null;
    case 'e2e_p99':
      return out.e2e.p99;
  }
}

export function compute(loaded: LoadedPlan, r: Resolved, est: ModelFacts | null, bound: ModelFacts | null, options: ComputeOptions = {}): Computed {
  const { layout, hardware: hw, workload: wl } = r;
  const plan = loaded.plan;
  const stagesEst = est ? buildStages(est, layout.pp, layout.layersPerStage) : null;
  const stagesBound = bound ? buildStages(bound, layout.pp, layout.layersPerStage) : null;
  const memory = memoryFigures(r, est, bound, stagesEst, stagesBound);
  // Sequences the KV cache holds (0: not one, memory.fits fails); one runs at least in the simulation.
  const room = runningRoom(r, memory);
  const maxRunning = room === null ? null : Math.max(1, room);
  // A KV cache that holds no sequence of the workload's length serves nothing (memory.fits fails): no
  // request is prefilled or decoded, so no time is estimated, only the bounds (a physical floor still
  // rules out a requirement). Llama 3.1 70B on one H100 read "TTFT not computable · TPOT not
  // computable · decode step 63.4 ms".
  const noRoom = room === 0;

  const estMode: TimeMode = { efficiency: hw.efficiency, latency: true, overlap: false, unknownIsFree: false };
  const finite = (v: number | undefined | null): number | null => (v === undefined || v === null || !Number.isFinite(v) || v <= 0 ? null : v);
  const estModels = est && stagesEst ? stageCostModels(est, layout, hw, stagesEst, estMode) : null;
  const boundModels = bound && stagesBound ? stageCostModels(bound, layout, hw, stagesBound, BOUND_MODE) : null;

  // Idle TTFT: one request alone; its floor is the floor of every TTFT under load.
  const idleEst = !noRoom && est && stagesEst && wl.inputTokens !== undefined ? prefill(est, layout, hw, wl, stagesEst, wl.inputTokens, estMode) : null;
  const idleBound = bound && stagesBound ? prefill(bound, layout, hw, wl, stagesBound, wl.inputTokens ?? 1, BOUND_MODE) : null;

  // The decode step at the batch that actually runs: the plan's concurrency, or what the KV cache holds.
  const running = wl.concurrency !== undefined ? Math.min(wl.concurrency, (maxRunning ?? Infinity) * layout.dp) : undefined;
  // What runs at once in the whole deployment: the engine's cap and the KV cache, at most the load.
  const deploymentRunning = maxRunning !== null ? Math.min(wl.concurrency ?? Infinity, maxRunning * layout.dp) : memory.maxRunning;
  const meanContext = wl.inputTokens !== undefined ? wl.inputTokens + (wl.outputTokens ?? 0) / 2 : undefined;
  // For a bound, an unknown prompt is the cheapest (1 token) and unknown output endless decoding.
  const boundContext = (wl.inputTokens ?? 1) + (wl.outputTokens ?? 0) / 2;
  const stepsAt = (batch: number | undefined) => ({
    est:
      !noRoom && est && stagesEst && batch !== undefined && meanContext !== undefined && wl.outputTokens !== undefined
        ? decodeStep(est, layout, hw, wl, stagesEst, batch, meanContext, estMode)
        : null,
    bound: bound && stagesBound && batch !== undefined ? decodeStep(bound, layout, hw, wl, stagesBound, batch, boundContext, BOUND_MODE) : null,
  });
  let { est: decEst, bound: decBound } = stepsAt(running);

  // Throughput ceiling: the plan's concurrency all decoding (a larger batch is never slower per token).
  let throughputBound: number | null = null;
  let throughputBoundBy: Computed['throughputBoundBy'];
  if (bound && stagesBound && boundModels && wl.concurrency !== undefined) {
    const full = decodeStep(bound, layout, hw, wl, stagesBound, wl.concurrency, boundContext, BOUND_MODE);
    if (full && finite(full.step) !== null) {
      if (wl.outputTokens === undefined) throughputBound = finite((wl.concurrency * full.tokensPerStep) / full.step);
      else {
        const pre = boundPrefillPass(bound, r, boundModels, wl.inputTokens ?? 1);
        if (pre) {
          const loop = closedLoopBound(layout, wl.concurrency, wl.outputTokens, idleBound?.ttft ?? 0, pre, full);
          throughputBound = finite(loop.throughput);
          throughputBoundBy = loop.limitedBy;
        }
      }
    }
  }

  // The load, simulated.
  const costs = est && stagesEst && estModels ? replicaStepCosts(est, r, estModels, estMode) : null;
  // nothing runs (noRoom): no load is simulated
  const simulated = options.load !== false && !noRoom;
  const which = options.quick ? 'quick' : 'plan';
  const loadResult = simulated && costs && est && maxRunning !== null ? simulateLoad(r, est, costs, maxRunning, which) : null;
  // What the deployment completes when never short of work: a closed loop at what it holds at once
  // (the engine's running cap over every rank), the goodput search's upper end; and an open loop's
  // capacity, that closed loop at no more than the plan's cap in flight or its declared run's requests
  // (saturation.ts). Each is simulated once, when first asked.
  const slots = maxRunning !== null ? maxRunning * layout.dp : null;
  const closedAt = memoLoad((clients: number, run: 'plan' | 'quick') =>
    costs && est && maxRunning !== null ? saturationLoad(r, est, costs, maxRunning, clients, run) : null,
  );
  const saturation = (): LoadFigures | null => (slots !== null ? closedAt(slots, 'plan') : null);
  const capacityRun = (): LoadFigures | null => {
    if (slots === null) return null;
    // the same run as the goodput search's upper end when no cap applies (closedAt remembers it)
    return closedAt(capacityLoad(wl, slots).concurrency!, which);
  };
  const simulatedLoad = loadResult && 'outcome' in loadResult ? loadResult : null;
  const load =
    simulatedLoad && wl.requestRate !== undefined ? againstCapacity(simulatedLoad, wl.requestRate, wl.benchmark !== null, capacityRun) : simulatedLoad;
  const loadSkipped = loadResult && 'skipped' in loadResult ? loadResult.skipped : null;
  const tokensPerStep = wl.speculative ? wl.speculative.acceptance : 1;
  // An open loop's batch is what its arrivals keep in flight, not its cap (0.2 requests/s under a cap
  // of 256 ran 1.2 sequences: the step at 256 read 24.4 ms beside a TPOT of 8.1). Its decode step is
  // the one its sequences saw in the simulation (at light load a MoE rank decodes alone, its experts
  // fed by no other rank: the step at the mean batch on every rank at once read 17.5 ms beside a TPOT
  // of 13.4); the breakdown and the fallback (no decode-only step) are at the mean batch. That step is
  // a mean over steps, each at its own batch and context: its floor is the step at the fewest
  // sequences and shortest context any of them had (a step's cost only grows with either, but jumps:
  // a pipeline fills a microbatch more, a CUDA graph pads, a sliding window stops growing). At the
  // plan's mean context, Llama 8B pp2 at 14,749-token prompts of spread lengths read a 33.0 ms floor
  // beside the 32.9 ms its decoding sequences, shorter than the mean, saw.
  let step = decEst?.step ?? null;
  if ((running === undefined || wl.requestRate !== undefined) && load && load.outcome.meanBatch > 0) {
    ({ est: decEst, bound: decBound } = stepsAt(Math.max(1, Math.round(load.outcome.meanBatch * layout.dp))));
    const fewest = load.outcome.meanDecodeStep !== null ? load.outcome.minDecode : null;
    if (fewest && bound && stagesBound)
      decBound = decodeStep(bound, layout, hw, wl, stagesBound, fewest.batch, Math.min(fewest.context, boundContext), BOUND_MODE);
    step = decEst ? (load.outcome.meanDecodeStep ?? decEst.step) : null;
  }

  const req = plan.requirements;
  const latencyReqs = LATENCY_KEYS.filter((k) => req[k] !== undefined);
  const wantGoodput = simulated && (options.goodput === true || req.request_rate !== undefined || (wl.requestRate !== undefined && latencyReqs.length > 0));
  const maxRequestRate =
    wantGoodput && costs && est && maxRunning !== null
      ? goodput(r, est, costs, maxRunning, req, latencyReqs, saturation, ownOpenLoop(wl.requestRate, load, options.quick, wl.benchmark !== null), () =>
          slots !== null ? (closedAt(goodputCapacityClients(wl, slots), which)?.servedRate ?? null) : null,
        )
      : null;
  // An open loop that keeps up: what it could serve at most, its clients' cap included. Screening
  // (quick) leaves it out: a layout search verifies what it shows again in full.
  const capacity = load?.kind === 'open' && !load.saturated && !options.quick ? (capacityRun()?.throughput ?? null) : null;

  const gpus = hw.gpus ?? layout.worldSize;
  const computeUtilization = load && hw.peak16 ? (load.outcome.flopsPerSecond * layout.dp) / (gpus * hw.peak16) : null;
  const rateBound = requestRateBound(bound, r, stagesBound, boundModels, throughputBound, BOTH_PARTS);
  const closedLoopCeiling = throughputBound;
  throughputBound = openLoopThroughputBound(throughputBound, wl.requestRate, rateBound, wl.outputTokens);
  if (throughputBound !== null && throughputBound !== closedLoopCeiling) throughputBoundBy = 'request-rate';
  // An open loop's devices hold what its simulation had in flight at the peak, not one request.
  const memEst = load && est && stagesEst ? inFlightMemory(est, r, stagesEst, memory, load.outcome.peakRunning) : memory.memEst;
  return {
    stagesEst,
    stagesBound,
    ...memory,
    memEst,
    // not one sequence runs where not one fits (the simulation's cap stays at least one)
    maxRunning: noRoom ? 0 : deploymentRunning,
    runningPerReplica: maxRunning,
    ttft: loadedTtft(load?.outcome.ttft.mean, idleEst?.ttft ?? null),
    ttftIdle: idleEst?.ttft ?? null,
    ttftFloor: finite(idleBound?.ttft),
    step,
    stepFloor: finite(decBound?.step),
    tpot: load ? (load.outcome.tpot?.mean ?? null) : null,
    tpotFloor: finite(
      bound && stagesBound && (wl.concurrency !== undefined || wl.requestRate !== undefined) && wl.outputTokens !== undefined && wl.outputTokens > 1
        ? tpotFloor(bound, r, stagesBound, tokensPerStep)
        : null,
    ),
    // a run's sampled lengths can average a hair past the stated mean the ceiling is priced at (182.85
    // beside 182.83 tokens/s: 1-token answers of range ratio 0, so 0 to 2)
    throughput: load ? (throughputBound !== null ? Math.min(load.throughput, throughputBound) : load.throughput) : null,
    throughputBound,
    ...(throughputBoundBy !== undefined ? { throughputBoundBy } : {}),
    computeUtilization,
    bubble: decEst?.bubbleFraction ?? null,
    stageDecode: decEst ? decEst.perStage.map((p) => p.total) : null,
    boundDecodeBy: decBound?.boundBy ?? null,
    boundBy: decEst?.boundBy ?? null,
    load,
    maxRequestRate,
    requestRateBound: rateBound,
    capacity,
    loadSkipped,
    noRoom,
    routedExperts: est?.experts ?? 0,
  };
}

/**
 * Sequences one replica runs at once: the engine's cap, and what its KV cache holds (engine-memory.ts,
 * maxRunningSequences). Paged engines (vLLM, SGLang) hold each running sequence's tokens so far, on
 * average its prompt and half its output; TensorRT-LLM's default scheduler reserves the whole request
 * at admission.
 */
export function runningCap(r: Resolved, memory: MemoryFigures): number | null {
  const fits = runningRoom(r, memory);
  return fits === null ? null : Math.max(1, fits);
}

/** Sequences the KV cache holds at the workload's context (0: not one; the memory check fails). */
function runningRoom(r: Resolved, memory: MemoryFigures): number | null {
  const wl = r.workload;
  if (!memory.kvBudget || wl.inputTokens === undefined || wl.outputTokens === undefined) return null;
  const context = wl.profile.reservesWholeSequence ? wl.inputTokens + wl.outputTokens : wl.inputTokens + wl.outputTokens / 2;
  return maxRunningSequences({ ...memory.kvBudget, engineMax: wl.maxRunningCap }, context);
}

/** The prefill pass of one prompt on every replica at once (their expert work meets on the expert devices). */
export function boundPrefillPass(facts: ModelFacts, r: Resolved, models: StageCostModel[], input: number) {
  const wl = r.workload;
  const cached = Math.floor(input * wl.prefixHitRate);
  const computed = Math.max(1, input - cached);
  const pairs = layerPairs(facts, cached, input);
  const pass = makePass({
    activeDp: r.layout.dp,
    prefillTokens: computed,
    prefillPairsFull: pairs.pairsFull,
    prefillPairsSliding: pairs.pairsSliding,
    prefillPairsTopK: pairs.pairsTopK,
    logitTokens: 1,
  });
  return runStages(models, facts, r.layout, r.hardware, pass, BOUND_MODE)?.perStage ?? null;
}

/**
 * TPOT floor under load: while other requests wait for their first token, fewer sequences decode,
 * down to one per replica (a closed loop whose prompts queue, an open loop at a low rate, a run's
 * tail), so the floor is one sequence's step at the shortest context. An overlap scheduler returns
 * each output `lag` passes late but the last one on time when the engine goes idle after it: a
 * request of n tokens may show only (n - 1) / tokensPerStep - lag steps between its first and last
 * token, so the floor is that share of the n - 1 tokens' steps, at the shortest output of two or more
 * tokens (the TPOT of one token is not defined); none when nothing is left of it.
 */
function tpotFloor(facts: ModelFacts, r: Resolved, stages: Stage[], tokensPerStep: number): number | null {
  const wl = r.workload;
  const ratio = wl.benchmark?.inputRangeRatio ?? 1;
  const shortest = wl.inputTokens !== undefined ? Math.max(1, Math.floor(((2 * wl.inputTokens * ratio) / (1 + ratio)) * (1 - wl.prefixHitRate))) : 1;
  const step = decodeStep(facts, r.layout, r.hardware, wl, stages, r.layout.dp, shortest, BOUND_MODE)?.step;
  if (step === undefined) return null;
  const lag = wl.profile.outputLagSteps;
  if (lag === 0 || wl.outputTokens === undefined) return step / tokensPerStep;
  const ratioOut = wl.benchmark?.outputRangeRatio ?? 1;
  const fewest = Math.max(2, Math.floor((2 * wl.outputTokens * ratioOut) / (1 + ratioOut) + 1e-9));
  const share = Math.max(0, 1 - (lag * tokensPerStep) / (fewest - 1));
  return (step / tokensPerStep) * share;
}

/**
 * Physical ceiling of the request rate: every request's prompt and output cost at least their FLOPs
 * on the busiest device and each output token reads its sequence's KV cache (weights are shared by
 * an arbitrarily large batch); a closed loop's concurrency also caps the rate at its throughput
 * ceiling over the output length.
 */
/** Which work of a request the devices do: both for an aggregated plan, one for a pool of a disaggregated one. */
export interface RequestParts {
  prefill: boolean;
  decode: boolean;
}
const BOTH_PARTS: RequestParts = { prefill: true, decode: true };

export function requestRateBound(
  facts: ModelFacts | null,
  r: Resolved,
  stages: Stage[] | null,
  models: StageCostModel[] | null,
  throughputBound: number | null,
  parts: RequestParts,
): number | null {
  const wl = r.workload;
  if (!facts || !stages || !models || wl.inputTokens === undefined || wl.outputTokens === undefined) return null;
  const { layout } = r;
  const q = queryTokensPerStep(wl);
  const steps = parts.decode ? Math.max(0, wl.outputTokens - 1) / (wl.speculative ? wl.speculative.acceptance : 1) : 0;
  const pre = boundPrefillPass(facts, r, models, wl.inputTokens);
  const dec = runStages(
    models,
    facts,
    layout,
    r.hardware,
    makePass({ activeDp: layout.dp, decodeSequences: 1, queryTokens: q, decodeContext: wl.inputTokens + wl.outputTokens / 2, logitTokens: q }),
    BOUND_MODE,
  );
  if (!pre || !dec) return null;
  // Per device: the seconds one request per replica costs; stages work on different requests at once.
  let worst = 0;
  for (let i = 0; i < stages.length; i++) {
    const kvRead = stageKvBytesPerSequence(facts, layout, stages[i]!, wl.inputTokens + wl.outputTokens / 2) / (r.hardware.memoryBandwidth ?? Infinity);
    const work = Math.max((parts.prefill ? pre[i]!.compute : 0) + steps * dec.perStage[i]!.compute, steps * kvRead);
    worst = Math.max(worst, work);
  }
  let bound = worst > 0 ? layout.dp / worst : Infinity;
  if (wl.concurrency !== undefined && wl.requestRate === undefined && throughputBound !== null) bound = Math.min(bound, throughputBound / wl.outputTokens);
  return Number.isFinite(bound) && bound > 0 ? bound : null;
}

/** Step costs of one replica at the estimate's efficiencies, for the simulator. */
export function replicaStepCosts(facts: ModelFacts, r: Resolved, models: StageCostModel[], mode: TimeMode): StepCosts {
  const { layout, hardware: hw, workload: wl } = r;
  const engine = wl.profile;
  const q = queryTokensPerStep(wl);
  const spec = speculativeFactor(facts, wl);
  const m = Math.max(1, layout.microbatches);
  const graphs = wl.cudaGraphs;
  const perBatch = Math.max(1, wl.maxBatchedTokens);
  // the layout with fewer microbatches filled, by their count (a step's share of them)
  const byMicrobatches: Layout[] = [];
  const single = layout.pp === 1 && m === 1 ? models[0]! : null;
  // One pass object, refilled per call: the simulator asks for tens of thousands.
  const pass = makePass({ activeDp: layout.dp, queryTokens: q });
  return {
    step(prefillWork, batch, context, activeDp) {
      pass.activeDp = activeDp ?? layout.dp;
      const prefillTokens = prefillWork?.tokens ?? 0;
      const tokens = prefillTokens + batch * q;
      // Passes with prompt tokens replay a graph only up to the engine's capture size; decode-only
      // steps replay one up to the engine's largest captured batch.
      pass.eager = !graphs || (prefillTokens > 0 ? tokens > engine.prefillGraphMaxTokens : batch > engine.decodeGraphMaxBatch);
      // Prompt chunks travel in batches of at most one budget each (simulator.ts, inFlightBatches):
      // a step of more prompt tokens than one budget fills several of the m microbatches. The
      // microbatches a step fills hold its chunks or its sequences; empty ones cost nothing.
      const chunks = prefillTokens > 0 ? Math.min(m, Math.ceil(prefillTokens / perBatch)) : 0;
      const split = Math.max(chunks, filledMicrobatches(layout, batch));
      if (byMicrobatches[split] === undefined) byMicrobatches[split] = withMicrobatches(layout, split);
      const filled = byMicrobatches[split]!;
      pass.prefillTokens = prefillTokens / split;
      pass.prefillPairsFull = (prefillWork?.pairsFull ?? 0) / split;
      pass.prefillPairsSliding = (prefillWork?.pairsSliding ?? 0) / split;
      pass.prefillPairsTopK = (prefillWork?.pairsTopK ?? 0) / split;
      pass.decodeSequences = batch / split;
      pass.decodeContext = context;
      pass.logitTokens = ((prefillWork?.completes ?? 0) + batch * q) / split;
      let t = single ? single.time(pass) : stagesTime(models, facts, filled, hw, pass, mode, split === 1 && layout.pp > 1 ? 'serial' : 'pipelined');
      if (t === null) return null;
      if (split > chunks && chunks > 0 && layout.pp > 1) {
        // A batch's prompt chunk rides in one microbatch, whole, through every stage in turn: the
        // step lasts at least that (spreading it over every microbatch let a prompt beat its own
        // TTFT floor).
        pass.prefillTokens = prefillTokens / chunks;
        pass.prefillPairsFull = (prefillWork?.pairsFull ?? 0) / chunks;
        pass.prefillPairsSliding = (prefillWork?.pairsSliding ?? 0) / chunks;
        pass.prefillPairsTopK = (prefillWork?.pairsTopK ?? 0) / chunks;
        pass.logitTokens = (prefillWork?.completes ?? 0) / chunks + (batch * q) / split;
        const whole = stagesTime(models, facts, layout, hw, pass, mode, 'serial');
        if (whole === null) return null;
        t = Math.max(t, whole);
      }
      const time = batch > 0 ? t * spec : t;
      const topK = facts.indexer ? Math.min(context, facts.indexer.topK) : context;
      const flops =
        modelFlops(
          facts,
          prefillTokens,
          prefillWork?.pairsFull ?? 0,
          prefillWork?.pairsSliding ?? 0,
          prefillWork?.completes ?? 0,
          false,
          prefillWork?.pairsTopK ?? 0,
        ) + modelFlops(facts, batch * q, batch * q * context, batch * q * windowedKeys(facts, context), batch * q, true, batch * q * topK);
      return { time, flops: tokens > 0 ? flops : 0 };
    },
  };
}

/** How many requests a steady-state simulation sends, and how many it measures. */
const STEADY_WARMUP_WAVES = 2;
const STEADY_MEASURED_WAVES = 3;
const STEADY_MIN_MEASURED = 64;
const STEADY_MAX_REQUESTS = 24_000;
const OPEN_LOOP_REQUESTS = 2_000;
/** A screening run (VerifyOptions.quick): one wave of warm-up, one measured (at least 16 requests); open loops of 300. */
const QUICK_MIN_MEASURED = 16;
/**
 * Requests a screening run measures. One client per rank sends its next prompt when its last answer
 * is done: every request runs alone on an idle engine, the same passes each time, so two measure
 * what sixteen would (a layout search at many times the load's concurrency screens most layouts so).
 */
const quickMeasured = (clients: number): number => (clients === 1 ? 2 : Math.max(QUICK_MIN_MEASURED, clients));
const QUICK_OPEN_LOOP_REQUESTS = 300;
/** Events one simulation may cost (about 0.1-0.3 s): a steady state is measured on fewer requests above it, a declared run is not simulated. */
export const SIMULATION_EVENT_BUDGET = 400_000;

/** The engine behaviour a plan implies. */
function engineBehaviour(r: Resolved, maxRunning: number, load: LoadSpec): EngineBehaviour {
  const wl = r.workload;
  // A closed loop of equal requests keeps every rank in lockstep with the simulated one: when it has a
  // prompt, all have, and the balance holds nothing (its chance-of-all-ranks rule assumes independent ranks).
  // resolve.ts leaves dpBalanceTimeout at 0 unless TensorRT-LLM runs more than one attention-DP rank.
  const lockstep = (): boolean => load.kind === 'closed' && load.inputs.every((l) => l === load.inputs[0]) && load.outputs.every((l) => l === load.outputs[0]);
  return {
    policy: wl.profile.policy,
    maxBatchedTokens: wl.maxBatchedTokens,
    maxRunning,
    requestOverhead: r.hardware.requestOverhead,
    stepOverhead: r.hardware.stepOverhead,
    tokensPerStep: wl.speculative ? wl.speculative.acceptance : 1,
    decodeBudgetTokens: queryTokensPerStep(wl),
    prefixHitRate: wl.prefixHitRate,
    recvInterval: wl.recvInterval,
    outputLag: wl.profile.outputLagSteps,
    ...(wl.dpBalanceTimeout > 0 && !lockstep() ? { balance: { timeoutSteps: wl.dpBalanceTimeout, ranks: r.layout.dp } } : {}),
    ...(wl.batchWait ? { batchWait: wl.batchWait } : {}),
    ...(r.layout.pp > 1 ? { inFlightBatches: Math.max(1, r.layout.microbatches) } : {}),
  };
}

/**
 * Simulates the plan's load on one replica ('plan'), or an open loop at `rate` (goodput search).
 * Closed loops without a declared run are measured in steady state (two waves of warm-up, then at
 * least three waves measured while the clients keep sending); declared benchmark runs are simulated
 * as they ran, ramp-up and tail included.
 */
export function simulateLoad(r: Resolved, facts: ModelFacts, costs: StepCosts, maxRunning: number, which: LoadWhich): LoadFigures | { skipped: string } | null {
  const spec = loadSpecFor(r.workload, facts, which, r.layout.dp);
  if (spec === null || 'skipped' in spec) return spec;
  // a steady load repeats its passes: each is costed once (step-memo.ts)
  const out = simulate(spec.load, engineBehaviour(r, maxRunning, spec.load), memoStepCosts(costs));
  return out ? loadFigures(spec, out, r.workload.outputTokens!) : null;
}

/** Ranks whose tokens meet on the expert devices: the active attention-DP ranks of a MoE model (a dense model's passes do not depend on it). */
function expertRanks(facts: ModelFacts, active: number): number {
  return facts.experts > 0 ? active : 1;
}

/** What to simulate: the plan's own load, its shorter screening run (VerifyOptions.quick), or an open loop at a rate (goodput search). */
export type LoadWhich = 'plan' | 'quick' | { rate: number; requests: number };

/** A load to simulate on one of `scale` identical parts of the deployment (replicas, worker groups). */
export interface ScaledLoad {
  load: LoadSpec;
  /** parts that carry the load: the figures of one are multiplied by it */
  scale: number;
}

/** The simulated figures of the whole deployment from one part's outcome. */
export function loadFigures(spec: ScaledLoad, out: SimulationOutcome, outputTokens: number): LoadFigures {
  const throughput = out.throughput * spec.scale;
  const served = throughput / outputTokens;
  if (spec.load.kind === 'closed') return { kind: 'closed', outcome: out, throughput, saturated: false, servedRate: served };
  return { kind: 'open', outcome: out, throughput, saturated: served < 0.95 * spec.load.rate * spec.scale, servedRate: served };
}

/**
 * The load one of `parts` identical parts of the deployment carries: closed loops without a
 * declared run are measured in steady state (two waves of warm-up, then at least three waves
 * measured while the clients keep sending); declared benchmark runs are simulated as they ran,
 * ramp-up and tail included; open loops at the plan's rate or the asked one. `budget` caps the
 * scheduler events one simulation may cost.
 */
export function loadSpecFor(
  wl: Resolved['workload'],
  facts: ModelFacts,
  run: LoadWhich,
  parts: number,
  budget = SIMULATION_EVENT_BUDGET,
): ScaledLoad | { skipped: string } | null {
  const quick = run === 'quick';
  const which: 'plan' | { rate: number; requests: number } = run === 'quick' ? 'plan' : run;
  if (wl.inputTokens === undefined || wl.outputTokens === undefined) return null;
  const open = which !== 'plan' || wl.requestRate !== undefined;
  if (!open && wl.concurrency === undefined) return null;
  const replicas = parts;
  // A steady state without a declared run takes the stated lengths as they are: a closed loop of
  // equal requests stays in lockstep, as NVIDIA's fixed-length sweeps show for SGLang and
  // TensorRT-LLM (validation/README.md); a declared run gives its own spread.
  const ratioIn = wl.benchmark?.inputRangeRatio ?? 1;
  const longestInput = Math.ceil((2 * wl.inputTokens) / (1 + ratioIn));
  const ratioOut = wl.benchmark?.outputRangeRatio ?? 1;
  if (open) {
    const rate = which === 'plan' ? wl.requestRate! : which.rate;
    // A cap on requests in flight below the parts leaves some parts idle, as in a closed loop: the
    // arrivals go to as many parts as the cap can keep busy (each part admits at least one request).
    // A declared run of fewer requests than parts keeps only that many parts busy (1 request on DP8 read as 8).
    const capped = wl.concurrency !== undefined ? Math.max(1, Math.min(replicas, Math.round(wl.concurrency))) : replicas;
    const active = wl.benchmark ? Math.max(1, Math.min(capped, wl.benchmark.requests)) : capped;
    let requests =
      which === 'plan' ? (wl.benchmark ? Math.ceil(wl.benchmark.requests / active) : quick ? QUICK_OPEN_LOOP_REQUESTS : OPEN_LOOP_REQUESTS) : which.requests;
    // Only the plan's own declared run is finite. A goodput search asks what a rate sustains: a
    // finite run's ramp and drain read as falling behind (served < 95% of offered) at any rate whose
    // run is short beside its tail (Llama-70B pp8 with a 200-request run: 1.76/s, 9.4/s without)
    const finite = which === 'plan' && wl.benchmark !== null;
    const fitted = fitBudget(requests, longestInput, wl.maxBatchedTokens, finite, budget);
    if (fitted === null) return tooComplex(requests, longestInput, wl.maxBatchedTokens, budget);
    requests = fitted;
    const lengths = Math.min(requests, 4096);
    return {
      scale: active,
      load: {
        kind: 'open',
        ranks: expertRanks(facts, active),
        // rounded as a closed loop rounds its clients (and as the saturation run does): cap 3 on 2 parts is 2 each, not 1
        clients: wl.concurrency !== undefined ? Math.max(1, Math.round(wl.concurrency / active)) : Infinity,
        rate: rate / active,
        arrival: wl.arrival,
        burstiness: wl.burstiness,
        requests,
        warmup: finite ? 0 : Math.floor(requests / 10),
        finite,
        inputs: benchmarkLengths(wl.inputTokens, ratioIn, lengths, 2),
        outputs: benchmarkLengths(wl.outputTokens, ratioOut, lengths, 3),
        pairs: (from, to) => layerPairs(facts, from, to),
      },
    };
  }
  const active = Math.max(1, Math.min(replicas, Math.round(wl.concurrency!), wl.benchmark ? wl.benchmark.requests : Infinity));
  const clients = Math.max(1, Math.round(wl.concurrency! / active));
  let requests: number;
  let warmup: number;
  if (wl.benchmark) {
    requests = Math.max(1, Math.round(wl.benchmark.requests / active));
    warmup = 0;
    if (fitBudget(requests, longestInput, wl.maxBatchedTokens, true, budget) === null) return tooComplex(requests, longestInput, wl.maxBatchedTokens, budget);
  } else {
    // Whether the load can be simulated at all is the full run's question, screened or not: a screen
    // that simulated a load its full verification refuses would pass what verify leaves unverified.
    const full = Math.min(STEADY_MAX_REQUESTS, STEADY_WARMUP_WAVES * clients + Math.max(STEADY_MIN_MEASURED, STEADY_MEASURED_WAVES * clients));
    const fullFitted = fitBudget(full + clients, longestInput, wl.maxBatchedTokens, false, budget);
    if (fullFitted === null) return tooComplex(full, longestInput, wl.maxBatchedTokens, budget);
    // a screen measures fewer requests than the full run: within the budget wherever the full run is
    warmup = (quick ? 1 : STEADY_WARMUP_WAVES) * clients;
    requests = Math.min(quick ? Math.min(STEADY_MAX_REQUESTS, warmup + quickMeasured(clients)) : full, fullFitted);
    warmup = Math.min(warmup, Math.floor(requests / 2));
  }
  const lengths = Math.min(requests + clients, 4096);
  return {
    // A steady loop's clients cycle alike: the deployment's output is one client's times the stated
    // concurrency, also when it does not divide evenly over the ranks (each simulated rank runs a
    // rounded share; 12 clients on 8 ranks read as 16).
    scale: wl.benchmark ? active : wl.concurrency! / clients,
    load: {
      kind: 'closed',
      ranks: expertRanks(facts, active),
      clients,
      rate: 0,
      arrival: 'poisson',
      burstiness: 1,
      requests,
      warmup,
      finite: wl.benchmark !== null,
      inputs: benchmarkLengths(wl.inputTokens, ratioIn, lengths, 2),
      outputs: benchmarkLengths(wl.outputTokens, ratioOut, lengths, 3),
      pairs: (from, to) => layerPairs(facts, from, to),
    },
  };
}

/**
 * Requests that fit the event budget: all of them, fewer for a steady state (a shorter measurement
 * of the same steady state, at least 32 requests), or null when a declared run cannot be simulated.
 */
function fitBudget(requests: number, longestInput: number, maxBatchedTokens: number, exact: boolean, budget: number): number | null {
  if (estimatedEvents(requests, longestInput, maxBatchedTokens) <= budget) return requests;
  if (exact) return null;
  const fits = Math.floor(budget / estimatedEvents(1, longestInput, maxBatchedTokens));
  return fits >= 32 ? fits : null;
}

function tooComplex(requests: number, longestInput: number, maxBatchedTokens: number, budget: number): { skipped: string } {
  const events = estimatedEvents(requests, longestInput, maxBatchedTokens);
  return {
    skipped: `the load is too complex to simulate: about ${events.toExponential(1)} scheduler events (${requests} requests, prompts of up to ${longestInput} tokens in chunks of ${maxBatchedTokens}) exceed the budget of ${budget.toLocaleString('en-US')}; figures under load are not computed`,
  };
}

/** Does a simulated open loop meet every stated latency requirement, and keep up with its arrivals? */
function meets(f: LoadFigures, req: RequirementsSpec, keys: readonly LatencyKey[]): boolean {
  if (f.saturated) return false;
  for (const k of keys) {
    const v = latencyFigure(f.outcome, k);
    if (v === null || v > req[k]!) return false;
  }
  return true;
}

/** Goodput bisection: enough steps for 2% resolution, each an open loop of this many requests. */
const GOODPUT_STEPS = 10;
/** How far above the bisection's rate the plan's own open loop may lift the goodput: the search runs' noise, a few percent. */
const OWN_RATE_NOISE = 1.05;
const GOODPUT_REQUESTS = 600;
const GOODPUT_MAX_REQUESTS = 4_000;

/**
 * Requests of one goodput search run on a part that holds `inFlight` at once: at least three times
 * that, so the run measures the engine full and not filling. 600 requests of 4,000-token answers
 * (Llama 70B fp8 TP8 on H200, 1,024 slots) ended within the two minutes the engine takes to fill:
 * the search found 2.65/s where the plan's own runs met TPOT p99 40 ms at 3.5/s and missed it at
 * 4/s; with 3,100 to 4,000 it finds 3.93/s.
 */
export function goodputRequests(inFlight: number): number {
  return Math.min(GOODPUT_MAX_REQUESTS, Math.max(GOODPUT_REQUESTS, Math.ceil(3 * inFlight)));
}

/**
 * The highest arrival rate at which every stated latency requirement still holds (DistServe's
 * goodput), by bisection over simulated open loops; without latency requirements, the highest rate
 * the deployment keeps up with.
 */
function goodput(
  r: Resolved,
  facts: ModelFacts,
  costs: StepCosts,
  maxRunning: number,
  req: RequirementsSpec,
  keys: readonly LatencyKey[],
  saturation: () => LoadFigures | null,
  own: OwnOpenLoop | undefined,
  capacity: () => number | null,
): number | null {
  const wl = r.workload;
  if (wl.inputTokens === undefined || wl.outputTokens === undefined) return null;
  const at = (rate: number): LoadFigures | null => {
    const f = simulateLoad(r, facts, costs, maxRunning, { rate, requests: goodputRequests(maxRunning) });
    return f && 'outcome' in f ? f : null;
  };
  return goodputSearch(saturation, at, req, keys, own, capacity);
}

/** The plan's own open loop, simulated at its stated rate (whole deployment). */
export interface OwnOpenLoop {
  rate: number;
  figures: LoadFigures;
}

/**
 * The plan's own simulated open loop, when it is one the goodput search would also run: steady (a
 * declared run's ramp and drain are not what a rate sustains) and not a screening run.
 */
export function ownOpenLoop(rate: number | undefined, load: LoadFigures | null, quick: boolean | undefined, declared: boolean): OwnOpenLoop | undefined {
  return rate !== undefined && rate > 0 && load && !quick && !declared ? { rate, figures: load } : undefined;
}

/** A closed loop of `inFlight` requests, at most every slot of the engine's running cap kept busy (the goodput search's upper end). */
function saturationLoad(r: Resolved, facts: ModelFacts, costs: StepCosts, maxRunning: number, inFlight: number, run: 'plan' | 'quick'): LoadFigures | null {
  const wl = { ...r.workload, requestRate: undefined, benchmark: null, concurrency: inFlight };
  const f = simulateLoad({ ...r, workload: wl }, facts, costs, maxRunning, run);
  return f && 'outcome' in f ? f : null;
}

/** A closed-loop simulation remembered by its clients and run kind: a verification asks for the same one up to three times. */
export function memoLoad(
  simulate: (clients: number, run: 'plan' | 'quick') => LoadFigures | null,
): (clients: number, run: 'plan' | 'quick') => LoadFigures | null {
  const seen = new Map<string, LoadFigures | null>();
  return (clients, run) => {
    const key = `${clients}|${run}`;
    if (!seen.has(key)) seen.set(key, simulate(clients, run));
    return seen.get(key)!;
  };
}

/**
 * The goodput bisection over any simulated deployment: `saturation` runs a closed loop at what the
 * deployment holds at once (the upper end, with headroom), `at` an open loop at a rate.
 */
export function goodputSearch(
  saturation: () => LoadFigures | null,
  at: (rate: number) => LoadFigures | null,
  req: RequirementsSpec,
  keys: readonly LatencyKey[],
  own?: OwnOpenLoop,
  capacity?: () => number | null,
): number | null {
  const sat = saturation();
  if (!sat) return null;
  const found = searchRate(sat, at, req, keys, own);
  // No rate above what the deployment completes, its clients' cap included, is served: a short run
  // keeps up within its 5% margin a little past it, and a capped loop meets its latencies at any rate
  // (the excess waits at the clients, before TTFT counts). 0.352/s read beside a capacity of 0.337/s.
  const most = found > 0 ? (capacity?.() ?? null) : null;
  return most !== null && most > 0 ? Math.min(found, most) : found;
}

function searchRate(sat: LoadFigures, at: (rate: number) => LoadFigures | null, req: RequirementsSpec, keys: readonly LatencyKey[], own?: OwnOpenLoop): number {
  let hi = sat.servedRate * 1.2;
  let lo = 0;
  /** the rates tried that met every requirement */
  const met: number[] = [];
  const tryRate = (rate: number): boolean => {
    const f = at(rate);
    const ok = f !== null && meets(f, req, keys);
    if (ok) met.push(rate);
    return ok;
  };
  if (!tryRate(hi)) {
    for (let i = 0; i < GOODPUT_STEPS; i++) {
      const mid = (lo + hi) / 2;
      if (tryRate(mid)) lo = mid;
      else hi = mid;
    }
  } else lo = hi;
  // biome-ignore lint/complexity/useMathMinMax: a NaN rate reads as 0 here, where Math.max would pass the NaN on
  const found = lo > 0 ? lo : 0;
  // The plan's own open loop (more requests than a search step) has the last word at its own rate,
  // near the boundary: shorter runs' noise could otherwise read 6.24/s beside a plan at 6.3/s whose
  // own p99 holds. Far above it, a rate that meets the requirements again after a band that misses
  // them is no goodput (a reviewer's SGLang plan met its TPOT p99 at 24/s, missed it at 16/s, and
  // read 24/s): the requirement asks that every rate up to it be served.
  if (!own || !(own.rate > 0)) return found;
  if (meets(own.figures, req, keys)) return own.rate <= found * OWN_RATE_NOISE ? Math.max(found, own.rate) : found;
  return found < own.rate ? found : met.filter((x) => x < own.rate).reduce((a, b) => Math.max(a, b), 0);
}
