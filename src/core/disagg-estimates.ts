// Every estimate and bound of a disaggregated plan (docs/formulas.md, "Disaggregated prefill and
// decode"): each pool's memory and pass costs as a plan of its own (estimates.ts), the deployment's
// load simulated over both pools (simulator-pools.ts), and the bounds with every efficiency at 1.
import { inFlightMemory, type MemoryFigures } from './capacity.js';
import type { Pool, PoolName } from './disagg-pools.js';
import {
  compute,
  goodputSearch,
  memoLoad,
  ownOpenLoop,
  goodputRequests,
  loadFigures,
  loadedTtft,
  loadSpecFor,
  openLoopThroughputBound,
  replicaStepCosts,
  requestRateBound,
  runningCap,
  type Computed,
  type LatencyKey,
  type LoadFigures,
  type LoadWhich,
} from './estimates.js';
import { mostLoaded } from './memory.js';
import { kvLink, kvTransferFloor, kvTransferRate, promptKvBytes, transferSeconds, type KvLink, type KvTransferRate } from './kv-transfer.js';
import type { ModelFacts } from './modelFacts.js';
import { BOUND_MODE, decodeStep, stageCostModels, type TimeMode } from './performance.js';
import type { Resolved } from './resolve.js';
import { simulatePools, type PoolCosts, type PoolsBehaviour, type PoolsOutcome } from './simulator-pools.js';
import { againstCapacity, capacityLoad, goodputCapacityClients } from './saturation.js';
import { memoStepCosts } from './step-memo.js';
import type { LoadedPlan } from './types.js';

/** Scheduler events one simulation of a whole disaggregated deployment may cost (it is one simulation, not one per replica). */
export const DISAGG_EVENT_BUDGET = 1_000_000;

export interface PoolFigures {
  pool: Pool;
  /** the pool as a plan of its own: memory, idle prefill, decode step, floors (no load simulated) */
  c: Computed;
}

export interface DisaggFigures {
  pools: Record<PoolName, PoolFigures>;
  /** the pool holding the most loaded device: the deployment's per-GPU memory is its */
  heaviestPool: PoolName;
  /** the deployment's figures, in the shape the requirement and claim checks read */
  deployment: Computed;
  outcome: PoolsOutcome | null;
  link: KvLink;
  /** cache bytes of a prompt of the mean length, one copy */
  kvBytes: number | null;
  /** seconds to move them on an idle link, and their floor */
  transfer: number | null;
  /** the rate `transfer` is computed at, and its parts (null: no bandwidth, or no model facts) */
  transferRate: KvTransferRate | null;
  transferFloor: number | null;
  /** sequences one decode worker holds at once (its KV cache and engine cap) */
  decodeSlots: number | null;
  /** the pass costs the simulation uses (null when a figure is missing): for a layout search's first screen */
  costs: PoolCosts | null;
  /** seconds to move one prompt's cache of `tokens` tokens on an idle link */
  transferOf: (tokens: number) => number | null;
  /**
   * the decode pool's output rate under the load over its rate with every slot running (mean context):
   * a decode worker steps whenever any sequence runs, so its busy time alone does not say how much of it is used
   */
  decodeLoad: number | null;
  totalGpus: number;
  /**
   * what the decode step is computed at: 'concurrency', the plan's sequences in flight (at most the
   * decode slots); 'load', the mean of the steps the decode workers ran (an open loop states no batch)
   */
  stepAt: 'concurrency' | 'load' | null;
}

const finite = (v: number | null | undefined): number | null => (v === undefined || v === null || !Number.isFinite(v) || v <= 0 ? null : v);
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

export interface DisaggOptions {
  goodput?: boolean;
  /** false: pool figures, pass costs and bounds only, no simulated load (a layout search's first screen) */
  simulate?: boolean;
  /** a shorter steady state (VerifyOptions.quick) */
  quick?: boolean;
}

export function computeDisaggregated(
  loaded: LoadedPlan,
  pools: Record<PoolName, Pool>,
  est: ModelFacts | null,
  bound: ModelFacts | null,
  totalGpus: number,
  options: DisaggOptions = {},
): DisaggFigures {
  const plan = loaded.plan;
  const P = pools.prefill;
  const D = pools.decode;
  const figures = (pool: Pool): PoolFigures => ({
    pool,
    c: compute({ file: loaded.file, plan: pool.plan, lines: {}, origins: loaded.origins }, pool.r, est, bound, { load: false }),
  });
  const pf = figures(P);
  const df = figures(D);
  const wl = D.r.workload;
  const input = wl.inputTokens;
  const output = wl.outputTokens;
  const link = kvLink(plan, D.r.hardware, totalGpus);
  const facts = est ?? bound;

  // KV transfer of one prompt: bytes of its cache, the time on the link, the floor. Both are
  // remembered by prompt length: the simulation asks once per request, for a few lengths.
  const bytesCache = new Map<number, number>();
  const bytesOf = (tokens: number): number => {
    let b = bytesCache.get(tokens);
    if (b === undefined) {
      b = facts ? promptKvBytes(facts, tokens) : 0;
      bytesCache.set(tokens, b);
    }
    return b;
  };
  const transferRate = est ? kvTransferRate(est, P.r.layout, D.r.layout, link, D.r.hardware.efficiency.network) : null;
  const transferCache = new Map<number, number | null>();
  const transferOf = (tokens: number): number | null => {
    let time = transferCache.get(tokens);
    if (time === undefined) {
      time = transferRate ? transferSeconds(bytesOf(tokens), transferRate, link) : null;
      transferCache.set(tokens, time);
    }
    return time;
  };
  const kvBytes = facts && input !== undefined ? bytesOf(input) : null;
  const transfer = input !== undefined ? transferOf(input) : null;
  const computedTokens = input !== undefined ? Math.max(1, input - Math.floor(input * wl.prefixHitRate)) : 1;
  const transferFloor = bound ? kvTransferFloor(promptKvBytes(bound, computedTokens), P.gpus, link) : null;

  // The load over both pools.
  const perRank = runningCap(D.r, df.c);
  const decodeSlots = perRank !== null ? perRank * D.r.layout.dp : null;
  const mode: TimeMode = { efficiency: D.r.hardware.efficiency, latency: true, overlap: false, unknownIsFree: false };
  const pModels =
    est && pf.c.stagesEst ? stageCostModels(est, P.r.layout, P.r.hardware, pf.c.stagesEst, { ...mode, efficiency: P.r.hardware.efficiency }) : null;
  const dModels = est && df.c.stagesEst ? stageCostModels(est, D.r.layout, D.r.hardware, df.c.stagesEst, mode) : null;
  const canSimulate = est && pModels && dModels && decodeSlots !== null && transfer !== null && input !== undefined && output !== undefined;
  const deploymentWl: Resolved['workload'] = {
    ...wl,
    concurrency: plan.workload.concurrency,
    requestRate: plan.workload.request_rate,
    maxBatchedTokens: P.r.workload.maxBatchedTokens,
    benchmark: wl.benchmark === null ? null : { ...wl.benchmark, requests: plan.workload.benchmark?.requests ?? Math.max(1, plan.workload.concurrency ?? 1) },
  };
  // Worker groups: k identical groups of P/k prefill and D/k decode workers share the load alike.
  const groups = gcd(P.workers, D.workers);
  let decodeCapacity: number | null = null;
  let poolCosts: PoolCosts | null = null;
  let run: ((which: LoadWhich, override?: Partial<Resolved['workload']>) => LoadFigures | { skipped: string } | null) | null = null;
  if (canSimulate) {
    const pCosts = replicaStepCosts(est, P.r, pModels, mode);
    const dCosts = replicaStepCosts(est, D.r, dModels, mode);
    const costs: PoolCosts = {
      prefill: (work, ranks) => pCosts.step(work, 0, 0, ranks),
      decode: (batch, context) => dCosts.step(null, batch, context),
    };
    poolCosts = costs;
    const full = dCosts.step(null, decodeSlots / D.r.layout.dp, input + output / 2);
    if (full) decodeCapacity = (D.workers * decodeSlots * (wl.speculative ? wl.speculative.acceptance : 1)) / (full.time + D.r.hardware.stepOverhead);
    const behaviour: PoolsBehaviour = {
      prefill: {
        workers: P.workers / groups,
        ranks: P.r.layout.dp,
        maxBatchedTokens: P.r.workload.maxBatchedTokens,
        stepOverhead: P.r.hardware.stepOverhead,
        ...(P.r.layout.pp > 1 ? { inFlightBatches: Math.max(1, P.r.layout.microbatches) } : {}),
      },
      decode: {
        workers: D.workers / groups,
        ranks: D.r.layout.dp,
        maxRunning: decodeSlots,
        stepOverhead: D.r.hardware.stepOverhead,
        tokensPerStep: wl.speculative ? wl.speculative.acceptance : 1,
        outputLag: wl.profile.outputLagSteps,
      },
      requestOverhead: P.r.hardware.requestOverhead,
      handoffOverhead: D.r.hardware.requestOverhead,
      prefixHitRate: wl.prefixHitRate,
      transferTime: (tokens) => transferOf(tokens) ?? 0,
    };
    run = (which, override = {}) => {
      const spec = loadSpecFor({ ...deploymentWl, ...override }, est, which, groups, DISAGG_EVENT_BUDGET);
      if (spec === null || 'skipped' in spec) return spec;
      // a steady load repeats its passes: each is costed once per run (step-memo.ts)
      const p = memoStepCosts(pCosts);
      const d = memoStepCosts(dCosts);
      const out = simulatePools(spec.load, behaviour, {
        prefill: (work, ranks) => p.step(work, 0, 0, ranks),
        decode: (batch, context) => d.step(null, batch, context),
      });
      return out ? loadFigures(spec, out, output) : null;
    };
  }
  const which = options.quick ? 'quick' : 'plan';
  // A pool that holds not one request of the workload's length serves nothing (its memory.fits fails):
  // nothing is simulated and no time is estimated, as for an aggregated plan (estimates.ts, noRoom).
  // Llama 3.1 8B on 8 GiB devices, 1P1D, read "TTFT 84.4 ms · TPOT not computable · throughput 11.8 tokens/s".
  const noRoom = pf.c.noRoom || df.c.noRoom;
  const loadResult = run && options.simulate !== false && !noRoom ? run(which) : null;
  const figuresOf = (f: LoadFigures | { skipped: string } | null): LoadFigures | null => (f && 'outcome' in f ? f : null);
  // What the pools complete when never short of work: a closed loop with every decode slot busy (the
  // goodput search's upper end), and an open loop's capacity, that closed loop at no more than the
  // plan's cap in flight or its declared run's requests (saturation.ts). Each is simulated once.
  const allSlots = decodeSlots !== null ? decodeSlots * D.workers : null;
  const closedAt = memoLoad((clients, kind) => (run ? figuresOf(run(kind, { requestRate: undefined, benchmark: null, concurrency: clients })) : null));
  const saturation = (): LoadFigures | null => (allSlots !== null ? closedAt(allSlots, 'plan') : null);
  const capacityRun = (): LoadFigures | null => (allSlots !== null ? closedAt(capacityLoad(deploymentWl, allSlots).concurrency!, which) : null);
  const simulatedLoad = loadResult && 'outcome' in loadResult ? loadResult : null;
  const load =
    simulatedLoad && deploymentWl.requestRate !== undefined
      ? againstCapacity(simulatedLoad, deploymentWl.requestRate, deploymentWl.benchmark !== null, capacityRun)
      : simulatedLoad;
  const loadSkipped = loadResult && 'skipped' in loadResult ? loadResult.skipped : null;
  // An open loop's decode workers hold the KV cache of every request they had admitted at the peak,
  // not one request's (an aggregated open loop's rule, capacity.ts inFlightMemory); a prefill worker
  // holds only its pass's prompts, as sized.
  if (load && est && df.c.stagesEst) {
    const held = (load.outcome as PoolsOutcome).decodePeakHeld / D.r.layout.dp;
    df.c = { ...df.c, memEst: inFlightMemory(est, D.r, df.c.stagesEst, df.c, held) };
  }

  // Goodput: the highest rate at which every stated latency requirement holds.
  const req = plan.requirements;
  const latencyReqs = (['ttft', 'tpot', 'ttft_p50', 'ttft_p90', 'ttft_p99', 'tpot_p50', 'tpot_p90', 'tpot_p99', 'e2e_p99'] as LatencyKey[]).filter(
    (k) => req[k] !== undefined,
  );
  const wantGoodput = options.goodput === true || req.request_rate !== undefined || (plan.workload.request_rate !== undefined && latencyReqs.length > 0);
  let maxRequestRate: number | null = null;
  if (wantGoodput && run && decodeSlots !== null && options.simulate !== false && !noRoom) {
    maxRequestRate = goodputSearch(
      () => saturation(),
      (rate) => figuresOf(run!({ rate, requests: goodputRequests(allSlots! / groups) })),
      req,
      latencyReqs,
      ownOpenLoop(plan.workload.request_rate, load, options.quick, deploymentWl.benchmark !== null),
      () => (allSlots !== null ? (closedAt(goodputCapacityClients(deploymentWl, allSlots), which)?.servedRate ?? null) : null),
    );
  }
  // An open loop that keeps up: what it could serve at most (its clients' cap included), for the throughput range's slow end.
  const capacity = load?.kind === 'open' && !load.saturated && !options.quick ? (capacityRun()?.throughput ?? null) : null;

  // Bounds: every efficiency at 1.
  const tps = wl.speculative ? wl.speculative.acceptance : 1;
  const ttftFloor = pf.c.ttftFloor !== null ? Math.max(pf.c.ttftFloor, transferFloor ?? 0) : null;
  const tpotFloor = df.c.tpotFloor;
  const boundContext = (input ?? 1) + (output ?? 0) / 2;
  const pBoundModels = bound && pf.c.stagesBound ? stageCostModels(bound, P.r.layout, P.r.hardware, pf.c.stagesBound, BOUND_MODE) : null;
  const dBoundModels = bound && df.c.stagesBound ? stageCostModels(bound, D.r.layout, D.r.hardware, df.c.stagesBound, BOUND_MODE) : null;
  const prefillRate = requestRateBound(bound, P.r, pf.c.stagesBound, pBoundModels, null, { prefill: true, decode: false });
  const decodeRate = requestRateBound(bound, D.r, df.c.stagesBound, dBoundModels, null, { prefill: false, decode: true });
  const concurrency = plan.workload.concurrency;
  let throughputBound: number | null = null;
  if (bound && df.c.stagesBound && concurrency !== undefined) {
    // The decode pool with every sequence decoding at once (a larger batch is never slower per token).
    const perWorker = concurrency / D.workers;
    const full = decodeStep(bound, D.r.layout, D.r.hardware, wl, df.c.stagesBound, perWorker, boundContext, BOUND_MODE);
    let ceiling = full && finite(full.step) !== null ? (concurrency * tps) / full.step : null;
    if (ceiling !== null && output !== undefined) {
      // ... and no faster than the prefill pool passes prompts on.
      if (prefillRate !== null) ceiling = Math.min(ceiling, prefillRate * P.workers * output);
      // A closed loop: each client's request lives at least its TTFT floor and its decode floor.
      if (plan.workload.request_rate === undefined && ttftFloor !== null && tpotFloor !== null) {
        ceiling = Math.min(ceiling, (concurrency * output) / (ttftFloor + Math.max(0, output - 1) * tpotFloor));
      }
    }
    throughputBound = finite(ceiling);
  }
  // One output token: the decode pool only hands the first token on and sets no rate of its own.
  const decodeLimit = decodeRate !== null ? decodeRate * D.workers : output !== undefined && output <= 1 ? Infinity : null;
  const rates = [prefillRate !== null ? prefillRate * P.workers : null, decodeLimit];
  if (concurrency !== undefined && plan.workload.request_rate === undefined && throughputBound !== null && output !== undefined)
    rates.push(throughputBound / output);
  const knownRates = rates.filter((x): x is number => x !== null);
  const requestRateCeiling = knownRates.length === 2 || knownRates.length === 3 ? finite(Math.min(...knownRates)) : null;
  // An open loop: no more requests completed than both pools can pass on.
  throughputBound = openLoopThroughputBound(throughputBound, plan.workload.request_rate, requestRateCeiling, output);

  // Idle: the prompt's pass, its transfer, and the decode worker's handoff (a second pass through the serving stack).
  const ttftIdle = pf.c.ttftIdle !== null && transfer !== null ? pf.c.ttftIdle + transfer + D.r.hardware.requestOverhead : null;
  // The deployment's per-GPU figures are those of the pool holding the most loaded device, with that
  // pool's floors: parts taken from both pools would pair one device's weights with another's KV.
  const heaviestPool: PoolName = (mostLoaded(pf.c.memEst)?.total ?? 0) > (mostLoaded(df.c.memEst)?.total ?? 0) ? 'prefill' : 'decode';
  const memory = mergeMemory(pf.c, df.c, heaviestPool === 'prefill' ? pf.c : df.c, D.workers);
  const peak = D.r.hardware.peak16;
  // An open loop states no batch: the decode step is the one its sequences saw in the decode workers,
  // its floor the bound at the fewest sequences and shortest context any step had (estimates.ts).
  let step = df.c.step;
  let stepFloor = df.c.stepFloor;
  let stepAt: DisaggFigures['stepAt'] = step === null ? null : 'concurrency';
  const fewest = load?.outcome.minDecode ?? null;
  if (step === null && load?.outcome.meanDecodeStep != null && fewest && bound && df.c.stagesBound) {
    step = load.outcome.meanDecodeStep;
    stepAt = 'load';
    stepFloor = finite(decodeStep(bound, D.r.layout, D.r.hardware, D.r.workload, df.c.stagesBound, fewest.batch, fewest.context, BOUND_MODE)?.step);
  }
  const deployment: Computed = {
    ...memory,
    ...(noRoom ? { maxRunning: 0 } : {}),
    stagesEst: df.c.stagesEst,
    stagesBound: df.c.stagesBound,
    runningPerReplica: df.c.runningPerReplica,
    ttft: noRoom ? null : loadedTtft(load?.outcome.ttft.mean, ttftIdle),
    ttftIdle: noRoom ? null : ttftIdle,
    ttftFloor,
    step: noRoom ? null : step,
    stepFloor,
    tpot: load ? (load.outcome.tpot?.mean ?? null) : null,
    tpotFloor,
    throughput: load?.throughput ?? null,
    throughputBound,
    computeUtilization: load && peak ? (load.outcome.flopsPerSecond * groups) / (totalGpus * peak) : null,
    bubble: noRoom ? null : df.c.bubble,
    stageDecode: noRoom ? null : df.c.stageDecode,
    boundDecodeBy: df.c.boundDecodeBy,
    boundBy: noRoom ? null : df.c.boundBy,
    load,
    maxRequestRate,
    requestRateBound: requestRateCeiling,
    capacity,
    loadSkipped,
    noRoom,
    routedExperts: df.c.routedExperts,
  };
  return {
    pools: { prefill: pf, decode: df },
    heaviestPool,
    deployment,
    outcome: load ? (load.outcome as PoolsOutcome) : null,
    link,
    kvBytes,
    transfer,
    transferRate,
    transferFloor,
    decodeSlots,
    totalGpus,
    costs: poolCosts,
    transferOf,
    decodeLoad: load && decodeCapacity ? Math.min(1, load.throughput / decodeCapacity) : null,
    stepAt: noRoom ? null : stepAt,
  };
}

/**
 * The memory figures of the whole deployment: the devices of both pools (the most loaded one is
 * the most loaded of either), the KV cache and running sequences of the decode pool.
 */
function mergeMemory(p: Computed, d: Computed, worst: Computed, decodeWorkers: number): MemoryFigures {
  return {
    memEst: p.memEst && d.memEst ? worst.memEst : null,
    weightsFloor: p.weightsFloor !== null && d.weightsFloor !== null ? worst.weightsFloor : null,
    kvFloor: worst.kvFloor,
    kvCapacity: d.kvCapacity,
    kvCapacityBound: d.kvCapacityBound,
    kvBudget: d.kvBudget,
    maxRunning: d.maxRunning !== null ? d.maxRunning * decodeWorkers : null,
    maxConcurrencyAtMaxContext: d.maxConcurrencyAtMaxContext !== null ? d.maxConcurrencyAtMaxContext * decodeWorkers : null,
    reservedAtMaxContext: d.reservedAtMaxContext,
    floorCheck: null,
    raisedFraction: null,
    sizing: null,
    kvWindow: d.kvWindow,
  };
}
