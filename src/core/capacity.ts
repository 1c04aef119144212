// What a deployment's devices hold under its engine: memory per stage, the KV cache the engine logs,
// whether one request of the longest stated length can run, and how many sequences run at once.
// docs/formulas.md, "Memory per device" and "Memory as each engine counts it".
import { deviceBudget, FREES_OUTSIDE_WINDOW, maxRunningSequences, TIGHT_MEMORY_FRACTIONS, type KvBudget } from './engine-memory.js';
import type { WindowKind } from './layerKinds.js';
import {
  engineConditions,
  type EngineConditions,
  heldTokens,
  kvCapacityTokens,
  reservedTokens,
  stageCountedBytesPerToken,
  stageKvBytesPerSequence,
  stageKvBytesPerToken,
  stageKvLayers,
  stageMemory,
  stageWeightBytes,
  denseSplit,
  type StageMemory,
  vllmGroupPages,
  vllmHybridGroups,
} from './memory.js';
import type { ModelFacts } from './modelFacts.js';
import type { Resolved } from './resolve.js';
import { maxOverStages, type Stage } from './stages.js';

/**
 * The floor of memory.fits against what the engine could give weights and KV cache at most: at the plan's
 * stated flag, or, where it states none, at the highest the figures themselves raise a tight deployment's
 * flag to (TIGHT_MEMORY_FRACTIONS), a floor failing only past that. `atDefault` is the engine's default
 * flag and its limit, for the words, where the plan states none.
 */
export interface FloorCheck {
  need: number;
  limit: number;
  fraction: number;
  stated: boolean;
  atDefault?: { fraction: number; limit: number };
}

export interface MemoryFigures {
  /** per stage at the estimate; null when the model or the workload is incomplete */
  memEst: StageMemory[] | null;
  /** the weights shard of the most loaded device, from the facts given (unpadded: no engine can hold less) */
  weightsFloor: number | null;
  /** KV of one sequence at the longest context on the most loaded device, from the facts given */
  kvFloor: number;
  /** tokens of KV cache one replica holds, as the engine logs it; null without hardware.memory */
  kvCapacity: number | null;
  /**
   * The physical bound of kvCapacity (contract: every estimate has one): each device's whole memory less
   * its weights floor, at the fewest KV bytes per token the facts allow; null when not computable.
   */
  kvCapacityBound: number | null;
  /** what bounds one replica's running batch, for the scheduler simulation; null when not computable */
  kvBudget: KvBudget | null;
  /** sequences running at once in the whole deployment at mean context (engine cap included) */
  maxRunning: number | null;
  /** sequences of the longest context the KV caches of all replicas hold at once, each at what the engine sets aside for it (vLLM's "Maximum concurrency") */
  maxConcurrencyAtMaxContext: number | null;
  /** capacity tokens the engine sets aside for one request of the longest context (memory.reservedTokens); null where not computed */
  reservedAtMaxContext: number | null;
  /**
   * When the estimate is not computable: whether even the floor (weights shard and one sequence's KV)
   * exceeds the most a pool could be, with what the engine could at most give; null when not decidable.
   */
  floorCheck: FloorCheck | null;
  /**
   * Set when the plan states no memory flag and the engine's default leaves one request of the longest
   * length no room: the default, and the flag the figures assume instead (the lowest of
   * TIGHT_MEMORY_FRACTIONS that holds it).
   */
  raisedFraction: { from: number; to: number } | null;
  /** what memEst was sized with (the engine's start-up conditions, prompt tokens shared by prefix), to size it again for a simulated load */
  sizing: { conditions: EngineConditions; maxContext: number; sharedMax: number } | null;
  /**
   * Set when windowed layers keep only their window of each sequence (the engine frees the rest):
   * kvCapacity then counts a token in every attention layer, as the engine logs it, not tokens of
   * context a sequence can hold (gpt-oss-120b under vLLM: 18 of its 36 layers keep 128).
   */
  kvWindow: KvWindow | null;
}

/** Windowed layers whose blocks outside the window the engine frees. */
export interface KvWindow {
  /** tokens a windowed layer keeps of a sequence at most */
  window: number;
  kind: WindowKind;
  /** windowed layers of the whole model */
  layers: number;
  /** empty layers vLLM's hybrid KV groups add to the count (memory.ts, vllmHybridGroups); 0 elsewhere */
  padding: number;
}

/** The windowed layers the engine frees outside their window, or null (none, or an engine that keeps every token in every layer). */
export function kvWindowOf(facts: ModelFacts | null, engine: Resolved['workload']['engine'], stages: Stage[] | null = null): KvWindow | null {
  if (!facts || facts.slidingWindow === null || facts.slidingLayers <= 0 || !FREES_OUTSIDE_WINDOW[engine]) return null;
  // each stage pads its own groups (vllmHybridGroups): the model's padding is theirs together (whole
  // layers: a stage's share of each kind can be fractional)
  let padding = 0;
  for (const stage of engine === 'vllm' ? (stages ?? []) : []) {
    const groups = vllmHybridGroups(facts, stage);
    if (groups) padding += Math.max(0, vllmGroupPages(groups) - stageKvLayers(stage));
  }
  return { window: facts.slidingWindow, kind: facts.windowKind, layers: facts.slidingLayers, padding: Math.round(padding) };
}

/** Mean context a running sequence holds in a closed loop: its prompt and half its output. */
export function meanContext(input: number, output: number): number {
  return input + output / 2;
}

export function memoryFigures(
  r: Resolved,
  est: ModelFacts | null,
  bound: ModelFacts | null,
  stagesEst: Stage[] | null,
  stagesBound: Stage[] | null,
): MemoryFigures {
  const { layout, hardware: hw, workload: wl } = r;
  const sequences = wl.concurrency !== undefined ? Math.ceil(wl.concurrency / layout.dp) : undefined;
  const maxContext = wl.maxInputTokens !== undefined && wl.maxOutputTokens !== undefined ? wl.maxInputTokens + wl.maxOutputTokens : undefined;
  // An open loop states no sequences in flight: memory is sized for one request of the longest
  // length (what memory.fits asks), the rest is the KV cache's, which the simulation fills.
  const memSequences = sequences ?? (wl.requestRate !== undefined ? 1 : undefined);
  let cond = engineConditions(wl, hw, memSequences, maxContext);
  const sharedMax = Math.floor((wl.maxInputTokens ?? 0) * wl.prefixHitRate);

  let memEst =
    est && stagesEst && memSequences !== undefined && maxContext !== undefined
      ? stageMemory(est, layout, cond, stagesEst, memSequences, maxContext, sharedMax)
      : null;
  // A plan silent on the memory flag is not failed for the engine's default: a deployment this tight
  // sets the flag. The figures then assume the lowest usual setting that holds one request.
  let raisedFraction: MemoryFigures['raisedFraction'] = null;
  const noRoom = (mem: StageMemory[]): boolean => mem.some((st) => st.pool !== null && st.pool < st.kvOne);
  if (memEst && est && stagesEst && !wl.memoryFractionGiven && hw.device && noRoom(memEst)) {
    for (const fraction of TIGHT_MEMORY_FRACTIONS.filter((f) => f > wl.memoryFraction)) {
      const raised = { ...cond, memoryFraction: fraction };
      const mem = stageMemory(est, layout, raised, stagesEst, memSequences!, maxContext!, sharedMax);
      if (noRoom(mem)) continue;
      raisedFraction = { from: wl.memoryFraction, to: fraction };
      cond = raised;
      memEst = mem;
      break;
    }
  }
  // the least any engine holds of the checkpoint: its dense parts placed as thinly as any engine places them
  const floorSplit = bound ? denseSplit(bound, layout, 'floor') : null;
  const floorWeights = bound && floorSplit ? (s: Stage) => stageWeightBytes(bound, layout, s, null, floorSplit) : null;
  const weightsFloor = floorWeights && stagesBound ? maxOverStages(stagesBound, floorWeights) : null;
  // Exact once the KV facts are known (bound facts keep known KV sizes, unknown ones cost 0); sliding
  // layers hold only their window, the least any engine keeps.
  const kvFloor =
    bound && stagesBound && maxContext !== undefined ? maxOverStages(stagesBound, (s) => stageKvBytesPerSequence(bound, layout, s, maxContext)) : 0;

  // The pool needs the device, the weights and the activations, not the load: size it at one sequence when none is given.
  const poolMemory = est && stagesEst && hw.device ? (memEst ?? stageMemory(est, layout, cond, stagesEst, 1, maxContext ?? 1, 0)) : null;
  const kvCapacity =
    est && stagesEst && poolMemory
      ? kvCapacityTokens(
          est,
          layout,
          wl.engine,
          stagesEst,
          poolMemory,
          sequences ?? 1,
          wl.inputTokens !== undefined ? meanContext(wl.inputTokens, wl.outputTokens ?? 0) : 0,
          wl.kvCacheTokens,
        )
      : null;

  let kvCapacityBound: number | null = null;
  if (bound && floorWeights && stagesBound && hw.device) {
    let tokens = Infinity;
    for (const s of stagesBound) {
      // the fewer of what the cache stores and what the engine counts (SGLang counts an fp8 sparse MLA latent short)
      const perToken = Math.min(stageKvBytesPerToken(bound, layout, s), stageCountedBytesPerToken(bound, layout, s, wl.engine));
      if (perToken > 0) tokens = Math.min(tokens, Math.max(0, hw.device.capacity - floorWeights(s)) / perToken);
    }
    // an engine told to allocate a pool (vLLM's block override) is taken at its word: the bound never sits below the estimate
    if (Number.isFinite(tokens)) kvCapacityBound = Math.max(Math.floor(tokens), kvCapacity ?? 0);
  }

  let kvBudget: KvBudget | null = null;
  let maxRunning: number | null = null;
  let maxConcurrencyAtMaxContext: number | null = null;
  let reservedAtMaxContext: number | null = null;
  if (est && stagesEst && kvCapacity !== null) {
    const stage = stagesEst[0]!;
    const held = (context: number): number => heldTokens(est, layout, wl.engine, stage, context);
    const shared = wl.inputTokens !== undefined ? Math.floor(wl.inputTokens * wl.prefixHitRate) : 0;
    const engineMax = wl.maxRunningSequences !== null ? Math.max(1, Math.floor(wl.maxRunningSequences / layout.dp)) : null;
    kvBudget = { capacityTokens: kvCapacity, heldTokens: held, sharedTokens: shared, engineMax };
    if (wl.inputTokens !== undefined && wl.outputTokens !== undefined) {
      const perReplica = maxRunningSequences(kvBudget, meanContext(wl.inputTokens, wl.outputTokens), sequences ?? Infinity);
      maxRunning = wl.concurrency !== undefined ? Math.min(wl.concurrency, perReplica * layout.dp) : perReplica * layout.dp;
    }
    if (maxContext !== undefined) {
      // vLLM counts each request at its start-up reservation (a sliding layer: its window and a chunk), not at what it holds running
      const reserved = (context: number): number => reservedTokens(est, layout, wl.engine, stage, context, wl.maxBatchedTokens);
      reservedAtMaxContext = reserved(maxContext);
      maxConcurrencyAtMaxContext = maxRunningSequences({ ...kvBudget, heldTokens: reserved, sharedTokens: 0, engineMax: null }, maxContext) * layout.dp;
    }
  }

  let floorCheck: MemoryFigures['floorCheck'] = null;
  if (!memEst && weightsFloor !== null && hw.device) {
    // The most the engine could give weights and KV cache at a flag: its budget with no activations, no
    // overhead and the weights floor. Its pool may be below zero (weights past the flag's share): the limit
    // is then below the weights, which fail; never above the device (TensorRT-LLM's share of what is free).
    const device = hw.device;
    const limitAt = (memoryFraction: number): number => {
      const most = deviceBudget({
        engine: wl.engine,
        memoryFraction,
        capacity: device.capacity,
        weights: weightsFloor,
        activations: 0,
        group: 1,
        device,
        cudaGraphs: false,
        runtimeOverride: 0,
      });
      return Math.min(weightsFloor + most.pool, device.capacity);
    };
    const fraction = Math.max(wl.memoryFraction, wl.memoryFractionGiven ? 0 : TIGHT_MEMORY_FRACTIONS.at(-1)!);
    floorCheck = {
      need: weightsFloor + kvFloor,
      limit: limitAt(fraction),
      fraction,
      stated: wl.memoryFractionGiven,
      ...(fraction !== wl.memoryFraction ? { atDefault: { fraction: wl.memoryFraction, limit: limitAt(wl.memoryFraction) } } : {}),
    };
  }
  const sizing = memEst && maxContext !== undefined ? { conditions: cond, maxContext, sharedMax } : null;
  const kvWindow = kvCapacity !== null ? kvWindowOf(est, wl.engine, stagesEst) : null;
  return {
    memEst,
    weightsFloor,
    kvFloor,
    kvCapacity,
    kvCapacityBound,
    kvBudget,
    maxRunning,
    maxConcurrencyAtMaxContext,
    reservedAtMaxContext,
    floorCheck,
    raisedFraction,
    sizing,
    kvWindow,
  };
}

/**
 * An open loop's memory once simulated: the KV cache of the sequences it had in flight at its peak
 * (at the longest context, at most the pool), with everything else as sized at start-up. Sized for
 * one request it read 26% on a deployment whose simulation filled its whole KV pool.
 */
export function inFlightMemory(est: ModelFacts, r: Resolved, stages: Stage[], memory: MemoryFigures, peakPerReplica: number): StageMemory[] | null {
  const s = memory.sizing;
  if (!s || r.workload.requestRate === undefined) return memory.memEst;
  return stageMemory(est, r.layout, s.conditions, stages, Math.max(1, Math.ceil(peakPerReplica)), s.maxContext, s.sharedMax);
}
