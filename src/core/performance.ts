// Time of prefill (TTFT), of one decode step, and of the closed-loop workload.
// One formula serves estimate and bound: the bound runs it with every efficiency at 1,
// no start-up latency, and communication overlapped with compute (docs/formulas.md, "Time").
import { ACTIVATION_BYTES, KERNELS_ATTENTION, KERNELS_DENSE_MLP, KERNELS_MLA_EXTRA, KERNELS_MOE, KERNELS_SHARED_EXPERT } from './defaults.js';
import { addComm, allReduce, allToAll, groupSpans, linkFor, NO_COMM, pointToPoint, type CommCost } from './comm.js';
import { windowKeys, windowPairs } from './layerKinds.js';
import {
  expertsPerDevice, kvShardsOverTp, stageAttentionParamsPerRank, stageFullLayers, stageKvReadBytesPerSequence,
} from './memory.js';
import type { ModelFacts } from './modelFacts.js';
import type { Efficiency, Hardware, Layout, Workload } from './resolve.js';
import type { Stage } from './stages.js';
import type { Dtype } from './types.js';

export interface TimeMode {
  efficiency: Efficiency;
  /** add collective start-up latency */
  latency: boolean;
  /** communication hidden behind compute (bound) or added to it (estimate) */
  overlap: boolean;
  /** a peak or bandwidth the plan does not give costs nothing (bound) instead of stopping the estimate */
  unknownIsFree: boolean;
}

export const BOUND_MODE: TimeMode = { efficiency: { compute: 1, memory: 1, network: 1 }, latency: false, overlap: true, unknownIsFree: true };

export interface PassCost {
  compute: number;
  memory: number;
  comm: CommCost;
  /** seconds */
  total: number;
  /** FLOPs one device performs */
  flops: number;
}

export interface Pass {
  /** tokens this dp rank pushes through the stage (all sequences of the microbatch) */
  tokens: number;
  /** dp ranks running such a pass at the same time (1 for a lone request, dp under load) */
  activeDp: number;
  /** sum over the pass's query tokens of the keys each attends to (full-attention layers) */
  pairsFull: number;
  /** same for sliding-window layers */
  pairsSliding: number;
  /** same for full layers behind a sparse-attention indexer: each query attends at most index_topk keys */
  pairsTopK: number;
  /** KV bytes read per device per layer kind, decode only: given as sequences x context */
  kvSequences: number;
  kvContext: number;
  /** tokens whose logits are computed (last stage) */
  logitTokens: number;
  /** times the stage's weights are read (prefill chunks) */
  weightReads: number;
  decode: boolean;
  /** kernels launched one by one from the host (no CUDA graph): the pass is host-bound when they are small */
  eager: boolean;
}

/** Dense peak for math on operands of this dtype (fp8 and fp4 use their own units where the chip has them). */
export function peakFor(hw: Hardware, dtype: Dtype): number | undefined {
  const p16 = hw.peak16;
  if (dtype === 'fp8') return hw.peakFp8 ?? p16;
  if (dtype === 'fp4') return hw.peakFp4 ?? hw.peakFp8 ?? p16;
  return p16;
}

/** Expected distinct experts (of E, each token picking k distinct) touched by n tokens: E(1-(1-k/E)^n). */
export function touchedExpertFraction(experts: number, topK: number, tokens: number): number {
  if (experts <= 0 || tokens <= 0) return 0;
  const k = Math.min(topK, experts);
  return 1 - Math.pow(1 - k / experts, tokens);
}

export function stagePass(facts: ModelFacts, layout: Layout, hw: Hardware, stage: Stage, pass: Pass, mode: TimeMode): PassCost | null {
  // A missing figure stops an estimate; for a bound it is the cheapest case: infinitely fast.
  const orFree = (v: number | undefined): number | undefined => v ?? (mode.unknownIsFree ? Infinity : undefined);
  const peakAttn = orFree(peakFor(hw, facts.dtypes.attention));
  const peakMlp = orFree(peakFor(hw, facts.dtypes.mlp));
  const peakExp = orFree(peakFor(hw, facts.dtypes.experts));
  const peakEmb = orFree(peakFor(hw, facts.dtypes.embeddings));
  const peak16 = orFree(hw.peak16);
  const bw = orFree(hw.memoryBandwidth);
  if (!peakAttn || !peakMlp || !peakExp || !peakEmb || !peak16 || !bw) return null;
  const { tp, cp, ep, etp, edp } = layout;
  const eff = mode.efficiency;
  // The bound mode (BOUND_MODE and its kin) is the one that prices unknown figures at nothing.
  const isBound = mode.unknownIsFree;
  const b = facts.bytes;
  const tokens = pass.tokens / cp;
  // Tokens entering one expert group: all active dp ranks' tokens, shared among edp groups.
  const groupTokens = (pass.tokens * pass.activeDp) / Math.max(edp, 1e-9);
  const expertTokensPerDevice = (groupTokens * facts.topK) / (ep * etp);

  // FLOPs per device, by operand dtype (2 FLOPs per multiply-add).
  const attnLinear = 2 * tokens * stageAttentionParamsPerRank(facts, tp, stage);
  const kvShards = kvShardsOverTp(facts, tp);
  const headsShare = 1 / tp;
  const pairFlops = pass.decode ? facts.attnPairFlopsDecode : facts.attnPairFlopsPrefill;
  const fullLayers = stageFullLayers(stage);
  const attendedFull = facts.indexer ? pass.pairsTopK : pass.pairsFull;
  const attnScores = (pairFlops * headsShare * (fullLayers * attendedFull + stage.slidingLayers * pass.pairsSliding)) / cp;
  // The indexer scores every cached key in fp8. Engines replicate it on every tp rank; a bound lets tp split it.
  const indexerScores = facts.indexer ? (facts.indexer.pairFlops * fullLayers * pass.pairsFull) / cp / (isBound ? tp : 1) : 0;
  // Linear-attention layers update and read their state once per token (split over tp by heads).
  const linearShards = facts.linear ? Math.min(tp, facts.linear.shardableHeads) : 1;
  const stateMath = facts.linear ? (tokens * facts.linear.stateFlopsPerToken * stage.linearLayers) / linearShards : 0;
  const dense = 2 * tokens * (facts.denseMlp / tp) * stage.denseLayers;
  const shared = 2 * tokens * (facts.sharedExperts / tp + facts.router) * stage.moeLayers;
  const experts = 2 * expertTokensPerDevice * facts.expert * stage.moeLayers;
  const vocab = facts.hidden > 0 ? facts.embedding / facts.hidden : 0;
  const lmHead = stage.hasLmHead ? 2 * pass.logitTokens * facts.hidden * (vocab / tp) : 0;
  const peakIndexer = orFree(peakFor(hw, 'fp8'))!;
  const compute =
    attnLinear / (peakAttn * eff.compute) +
    (attnScores + stateMath) / (peak16 * eff.compute) +
    indexerScores / (peakIndexer * eff.compute) +
    (dense + shared) / (peakMlp * eff.compute) +
    experts / (peakExp * eff.compute) +
    lmHead / (peakEmb * eff.compute);
  const flops = attnLinear + attnScores + indexerScores + stateMath + dense + shared + experts + lmHead;

  // Bytes per device: weights read once per pass (only the experts some token picked), KV read.
  const touched = touchedExpertFraction(facts.experts, facts.topK, groupTokens);
  const weightBytes =
    stageAttentionParamsPerRank(facts, tp, stage) * b.attention +
    (facts.denseMlp / tp) * b.mlp * stage.denseLayers +
    ((facts.sharedExperts / tp) * b.mlp + facts.router * b.mlp + ((expertsPerDevice(facts, layout) * touched * facts.expert) / etp) * b.experts) *
      stage.moeLayers +
    (stage.hasLmHead ? (facts.lmHead / tp) * b.embeddings : 0);
  // Decode reads the caches (a linear layer's state is also written back; a floor counts the read alone).
  const kvRead = pass.decode ? pass.kvSequences * stageKvReadBytesPerSequence(facts, layout, stage, pass.kvContext, !isBound) : 0;
  const indexerWrite = facts.indexer ? facts.indexer.bytesPerToken * fullLayers : 0;
  const kvWrite = pass.decode ? 0 : tokens * ((facts.kvBytesPerTokenLayer / kvShards) * (stage.layers - stage.linearLayers) + indexerWrite);
  const memory = (weightBytes * pass.weightReads + kvRead + kvWrite) / (bw * eff.memory);

  // Communication per device.
  const spans = groupSpans(layout, hw);
  let comm: CommCost = NO_COMM;
  const h = facts.hidden;
  const msg = tokens * h * ACTIVATION_BYTES;
  if (tp > 1) {
    const link = linkFor(hw, spans.tp, eff.network, mode.latency, mode.unknownIsFree);
    if (!link) return null;
    const moeViaAllReduce = ep === 1 ? stage.moeLayers : 0;
    // One all-reduce after attention, one after each dense or tensor-parallel MoE block.
    comm = addComm(comm, allReduce(msg, tp, link), stage.layers + stage.denseLayers + moeViaAllReduce);
  }
  if (ep > 1 && stage.moeLayers > 0) {
    const link = linkFor(hw, spans.ep, eff.network, mode.latency, mode.unknownIsFree);
    if (!link) return null;
    const perRank = (groupTokens * facts.topK * h * ACTIVATION_BYTES) / (ep * etp);
    // Dispatch and combine.
    comm = addComm(comm, allToAll(perRank, ep, link), 2 * stage.moeLayers);
  }
  if (cp > 1 && !pass.decode) {
    const link = linkFor(hw, spans.cp, eff.network, mode.latency, mode.unknownIsFree);
    if (!link) return null;
    // Ring attention: each rank receives the other ranks' K/V blocks of every layer.
    const kvBlock = tokens * (facts.kvBytesPerTokenLayer / kvShards);
    comm = addComm(comm, pointToPoint(kvBlock * (cp - 1), link), stage.layers);
  }
  const commTime = comm.transfer + comm.latency;
  const launched = stageKernels(facts, stage) * pass.weightReads;
  const kernels = mode.latency ? launched * hw.kernelLatency : 0;
  const gpu = mode.overlap ? Math.max(compute, memory, commTime) : Math.max(compute, memory) + commTime + kernels;
  // An eager pass cannot run ahead of the host launching its kernels.
  const total = mode.latency && pass.eager ? Math.max(gpu, launched * hw.launchLatency) : gpu;
  return { compute, memory, comm, total, flops };
}

/** Kernels one pass of the stage launches (each costs a fixed latency however little it does). */
export function stageKernels(facts: ModelFacts, stage: Stage): number {
  const attention = KERNELS_ATTENTION + (facts.kvShardable ? 0 : KERNELS_MLA_EXTRA);
  const moe = KERNELS_MOE + (facts.sharedExperts > 0 ? KERNELS_SHARED_EXPERT : 0);
  return stage.layers * attention + stage.denseLayers * KERNELS_DENSE_MLP + stage.moeLayers * moe;
}

/** Activation hand-off between two pipeline stages. */
export function stageHandoff(facts: ModelFacts, layout: Layout, hw: Hardware, tokens: number, mode: TimeMode): number | null {
  if (layout.pp <= 1) return 0;
  const link = linkFor(hw, groupSpans(layout, hw).pp, mode.efficiency.network, mode.latency, mode.unknownIsFree);
  if (!link) return null;
  const c = pointToPoint((tokens / layout.cp) * facts.hidden * ACTIVATION_BYTES, link);
  return c.transfer + c.latency;
}

/** One pass through every stage, and the hand-off between stages; null when a figure is missing. */
function passThroughStages(facts: ModelFacts, layout: Layout, hw: Hardware, stages: Stage[], pass: Pass, mode: TimeMode): { perStage: PassCost[]; handoff: number } | null {
  const perStage: PassCost[] = [];
  for (const stage of stages) {
    const c = stagePass(facts, layout, hw, stage, pass, mode);
    if (!c) return null;
    perStage.push(c);
  }
  const handoff = stageHandoff(facts, layout, hw, pass.tokens, mode);
  return handoff === null ? null : { perStage, handoff };
}

/** Seconds of one pass through every stage in turn, hand-offs included (a lone pass: no pipelining). */
function serialTime(run: { perStage: PassCost[]; handoff: number }, layout: Layout): number {
  return run.perStage.reduce((s, c) => s + c.total, 0) + (layout.pp - 1) * run.handoff;
}

export interface PrefillResult {
  /** seconds, a lone request through every stage in turn */
  ttft: number;
  perStage: PassCost[];
  /** FLOPs of the whole model for this request */
  modelFlops: number;
}

/** Sum over i in (from, to] of min(i, window): keys attended by query tokens from+1..to. */
export function attendedPairs(from: number, to: number, window: number | null): number {
  const full = (n: number): number => (n * (n + 1)) / 2;
  if (window === null) return full(to) - full(from);
  return windowPairs(from, to, window, 'sliding');
}

/** (query, key) pairs of query tokens from+1..to in each kind of layer: full, windowed, behind the indexer's top-k. */
export function layerPairs(facts: ModelFacts, from: number, to: number): Pick<Pass, 'pairsFull' | 'pairsSliding' | 'pairsTopK'> {
  const pairsFull = attendedPairs(from, to, null);
  return {
    pairsFull,
    pairsSliding: facts.slidingWindow === null ? pairsFull : windowPairs(from, to, facts.slidingWindow, facts.windowKind),
    // A selected key set of at most index_topk per query attends min(i, topk) keys, as a window of that size.
    pairsTopK: facts.indexer ? attendedPairs(from, to, facts.indexer.topK) : pairsFull,
  };
}

export function prefill(
  facts: ModelFacts,
  layout: Layout,
  hw: Hardware,
  workload: Workload,
  stages: Stage[],
  inputTokens: number,
  mode: TimeMode,
): PrefillResult | null {
  const cached = Math.floor(inputTokens * workload.prefixHitRate);
  const computed = Math.max(1, inputTokens - cached);
  const pass: Pass = {
    tokens: computed,
    activeDp: 1,
    ...layerPairs(facts, cached, inputTokens),
    kvSequences: 0,
    kvContext: 0,
    logitTokens: 1,
    weightReads: Math.ceil(computed / workload.maxBatchedTokens),
    decode: false,
    eager: true,
  };
  const run = passThroughStages(facts, layout, hw, stages, pass, mode);
  if (!run) return null;
  const ttft = serialTime(run, layout) + (mode.latency ? hw.requestOverhead : 0);
  return { ttft, perStage: run.perStage, modelFlops: modelFlops(facts, computed, pass.pairsFull, pass.pairsSliding, 1, false, pass.pairsTopK) };
}

/** FLOPs of the whole model (one replica) for a pass; `pairsTopK` are the full layers' pairs behind a sparse-attention indexer. */
export function modelFlops(
  facts: ModelFacts, tokens: number, pairsFull: number, pairsSliding: number, logitTokens: number, decode: boolean, pairsTopK = pairsFull,
): number {
  const full = facts.layers - facts.slidingLayers - facts.linearLayers;
  const pair = decode ? facts.attnPairFlopsDecode : facts.attnPairFlopsPrefill;
  const attended = facts.indexer ? pairsTopK : pairsFull;
  const indexer = facts.indexer ? facts.indexer.pairFlops * full * pairsFull : 0;
  const state = facts.linear ? tokens * facts.linear.stateFlopsPerToken * facts.linearLayers : 0;
  return 2 * tokens * facts.activeLayerParamsPerToken + pair * (full * attended + facts.slidingLayers * pairsSliding) + indexer + state + 2 * logitTokens * facts.lmHead;
}

export interface DecodeResult {
  /** seconds for every sequence to advance one verification step */
  step: number;
  perStage: PassCost[];
  /** tokens each sequence gains per step (speculative acceptance, else 1) */
  tokensPerStep: number;
  bubbleFraction: number;
  boundBy: 'memory' | 'compute' | 'communication';
  /** FLOPs of one step, whole deployment */
  flops: number;
}

export function decodeStep(
  facts: ModelFacts,
  layout: Layout,
  hw: Hardware,
  workload: Workload,
  stages: Stage[],
  concurrency: number,
  context: number,
  mode: TimeMode,
): DecodeResult | null {
  const { pp, dp } = layout;
  const m = Math.max(1, layout.microbatches);
  const spec = workload.speculative;
  const queryTokens = spec ? spec.tokens + 1 : 1;
  const sequences = concurrency / dp / m;
  const pass: Pass = {
    tokens: sequences * queryTokens,
    activeDp: dp,
    pairsFull: sequences * queryTokens * context,
    pairsSliding: sequences * queryTokens * (facts.slidingWindow === null ? context : windowKeys(context, facts.slidingWindow, facts.windowKind)),
    pairsTopK: sequences * queryTokens * (facts.indexer ? Math.min(context, facts.indexer.topK) : context),
    kvSequences: sequences,
    kvContext: context,
    logitTokens: sequences * queryTokens,
    weightReads: 1,
    decode: true,
    eager: !workload.cudaGraphs,
  };
  const run = passThroughStages(facts, layout, hw, stages, pass, mode);
  if (!run) return null;
  const { perStage, handoff } = run;
  const slowest = Math.max(...perStage.map((c) => c.total));
  // With m microbatches over pp stages a step takes max(m, pp) slots of the slowest stage.
  let step = Math.max(m, pp) * slowest + (pp > 1 ? pp * handoff : 0);
  if (spec && (spec.method === 'mtp' || spec.method === 'eagle') && facts.layers > 0) {
    // Each proposed token costs about one extra decoder layer (an MTP module or EAGLE head).
    step += (spec.tokens * step) / facts.layers;
  }
  const busy = perStage.reduce((s, c) => s + c.total, 0) * m;
  const bubbleFraction = pp > 1 ? Math.max(0, 1 - busy / (pp * step)) : 0;
  const worst = perStage.reduce((a, c) => (c.total > a.total ? c : a), perStage[0]!);
  const commTime = worst.comm.transfer + worst.comm.latency;
  const boundBy = commTime > Math.max(worst.compute, worst.memory) ? 'communication' : worst.compute > worst.memory ? 'compute' : 'memory';
  const flops = modelFlops(facts, pass.tokens * m, pass.pairsFull * m, pass.pairsSliding * m, pass.logitTokens * m, true, pass.pairsTopK * m) * dp;
  return { step, perStage, tokensPerStep: spec ? spec.acceptance : 1, bubbleFraction, boundBy, flops };
}

export interface ClosedLoopResult {
  /** output tokens/s, whole deployment */
  throughput: number;
  /** seconds per output token after the first, (E2E - TTFT) / (output - 1) */
  tpot: number | null;
  /** seconds a request lives (prefill to last token) */
  cycle: number;
  /** fraction of the deployment's 16-bit peak spent on model FLOPs */
  computeUtilization: number;
}

/**
 * Closed loop with continuous batching and chunked prefill: each of the `concurrency/dp`
 * sequences of a replica is prefilled once and decoded (output-1)/accepted steps per lifetime.
 * Prefill tokens ride along decode steps, so they add their compute (and communication) to the
 * steps' compute, while the weights are read once per step either way.
 */
export function closedLoop(
  layout: Layout,
  hw: Hardware,
  concurrency: number,
  outputTokens: number,
  ttft: number,
  pre: PrefillResult,
  dec: DecodeResult,
  mode: TimeMode,
): ClosedLoopResult {
  const perReplica = concurrency / layout.dp;
  const steps = Math.max(0, outputTokens - 1) / dec.tokensPerStep;
  const slots = Math.max(layout.microbatches, layout.pp);
  const decodeCompute = Math.max(...dec.perStage.map((c) => c.compute)) * slots;
  const decodeMemory = Math.max(...dec.perStage.map((c) => c.memory)) * slots;
  // Pipelined prefills of different requests overlap across stages: the slowest stage paces them.
  const prefillCompute = Math.max(...pre.perStage.map((c) => c.compute));
  const prefillComm = Math.max(...pre.perStage.map((c) => c.comm.transfer + c.comm.latency));
  const decodeComm = Math.max(...dec.perStage.map((c) => c.comm.transfer + c.comm.latency)) * slots;
  let cycle: number;
  if (mode.overlap) {
    cycle = Math.max(steps * decodeMemory, steps * decodeCompute + perReplica * prefillCompute, steps * decodeComm + perReplica * prefillComm);
  } else {
    // Engines run prefill batches between decode steps (SGLang and TensorRT-LLM by default; vLLM's
    // mixed batches still pay the prefill compute on top of the step): prefill time adds up.
    cycle = steps * dec.step + perReplica * (prefillCompute + prefillComm);
  }
  // A request also waits for its own first token; the cycle cannot be shorter than its lifetime alone.
  cycle = Math.max(cycle, ttft + steps * dec.step);
  const throughput = (concurrency * outputTokens) / cycle;
  // The bound's TPOT is the decode step alone: a scheduler may queue other prompts' prefills into
  // their TTFT (all of a wave prefilled before any decodes) instead of stalling decodes with them.
  const tpot = outputTokens <= 1 ? null : mode.overlap ? dec.step / dec.tokensPerStep : Math.max(dec.step / dec.tokensPerStep, (cycle - ttft) / (outputTokens - 1));
  const flopsPerCycle = perReplica * layout.dp * pre.modelFlops + steps * dec.flops;
  const gpus = hw.gpus ?? layout.worldSize;
  const computeUtilization = hw.peak16 ? flopsPerCycle / cycle / (gpus * hw.peak16) : 0;
  return { throughput, tpot, cycle, computeUtilization };
}

/** One prompt's share of a prefill pass: tokens from+1..to of a prompt (earlier ones already in the KV cache). */
export interface PromptSegment {
  from: number;
  to: number;
  /** the pass completes this prompt, so its first token's logits are computed */
  completes: boolean;
}

/**
 * One prefill pass of a replica holding several prompts' chunks (continuous batching with chunked
 * prefill): the weights are read once, the pass launches its kernels once, every replica runs
 * such a pass at the same time. Seconds through every stage, or null when a figure is missing.
 */
export function prefillPass(facts: ModelFacts, layout: Layout, hw: Hardware, stages: Stage[], segments: readonly PromptSegment[], mode: TimeMode): number | null {
  let tokens = 0;
  let pairsFull = 0;
  let pairsSliding = 0;
  let pairsTopK = 0;
  let logitTokens = 0;
  for (const s of segments) {
    tokens += s.to - s.from;
    const p = layerPairs(facts, s.from, s.to);
    pairsFull += p.pairsFull;
    pairsSliding += p.pairsSliding;
    pairsTopK += p.pairsTopK;
    if (s.completes) logitTokens += 1;
  }
  if (tokens <= 0) return 0;
  const pass: Pass = { tokens, activeDp: layout.dp, pairsFull, pairsSliding, pairsTopK, kvSequences: 0, kvContext: 0, logitTokens, weightReads: 1, decode: false, eager: true };
  const run = passThroughStages(facts, layout, hw, stages, pass, mode);
  if (!run) return null;
  return serialTime(run, layout);
}
