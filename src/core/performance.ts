// Time of one forward pass of a pipeline stage, for prefill (TTFT), decode and the mixed passes of
// continuous batching. One cost model serves estimate and bound: the bound runs it with every
// efficiency at 1, no start-up latency, communication overlapped with compute, and the most
// favourable case the plan allows for routing, collectives and math (docs/formulas.md, "Time").
// A model is built once per (stage, mode) and then evaluates passes cheaply: the scheduler
// simulation (simulator.ts) asks for tens of thousands of them.
import {
  ACTIVATION_BYTES,
  EXPERT_EXCHANGE_LATENCY_S,
  KERNELS_ATTENTION,
  KERNELS_DENSE_MLP,
  KERNELS_MLA_EXTRA,
  KERNELS_MOE,
  KERNELS_SHARED_EXPERT,
} from './defaults.js';
import { allReduceExpected, allReduceFloor, allToAll, groupSpans, linkFor, pointToPoint, type CommCost, type GroupPlacement, type LinkChoice } from './comm.js';
import { engineProfile } from './engines.js';
import { windowKeys, windowPairs } from './layerKinds.js';
import {
  denseSplit,
  expertsPerDevice,
  kvShardsOverTp,
  stageAttentionParamsPerRank,
  stageDenseMlpBytes,
  stageFullLayers,
  stageKvReadBytesPerSequence,
  stageMlaDecodeReads,
} from './memory.js';
import type { ModelFacts } from './modelFacts.js';
import type { Efficiency, Hardware, Layout, Workload } from './resolve.js';
import { sameShape, type Stage } from './stages.js';
import type { Dtype } from './types.js';

export interface TimeMode {
  efficiency: Efficiency;
  /** add collective start-up latency, fixed kernel time and host launch time */
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

/**
 * One forward pass of a dp rank through a stage: prompt tokens being prefilled (any number of
 * prompts' chunks) and sequences advancing one decode step, in the same pass or not.
 */
export interface Pass {
  /** dp ranks running such a pass at the same time (1 for a lone request, dp under load) */
  activeDp: number;
  /** prompt tokens computed in this pass */
  prefillTokens: number;
  /**
   * sum over the prefill tokens of the keys each attends to: full-attention layers, windowed layers,
   * and full layers behind a sparse-attention indexer (each query attends at most index_topk keys)
   */
  prefillPairsFull: number;
  prefillPairsSliding: number;
  prefillPairsTopK: number;
  /** sequences advancing one decode (verification) step */
  decodeSequences: number;
  /** query tokens per decoding sequence (speculative proposals + 1, else 1) */
  queryTokens: number;
  /** mean context of the decoding sequences, tokens */
  decodeContext: number;
  /** tokens whose logits are computed (last stage) */
  logitTokens: number;
  /** times the stage's weights are read (prefill chunks of a lone prompt) */
  weightReads: number;
  /** kernels launched one by one from the host (no CUDA graph): the pass is host-bound when they are small */
  eager: boolean;
}

const EMPTY_PASS: Pass = {
  activeDp: 1,
  prefillTokens: 0,
  prefillPairsFull: 0,
  prefillPairsSliding: 0,
  prefillPairsTopK: 0,
  decodeSequences: 0,
  queryTokens: 1,
  decodeContext: 0,
  logitTokens: 0,
  weightReads: 1,
  eager: false,
};

/** A pass with the given fields, the rest empty. */
export const makePass = (fields: Partial<Pass>): Pass => ({ ...EMPTY_PASS, ...fields });

/**
 * Dense peak for math with weights of this dtype. The estimate takes the expected kernels: fp8 and
 * fp4 on their own units where the chip has them (fp4 weights elsewhere as weight-only, 16-bit math),
 * int8 as W8A8 on int8 units, int4 as weight-only (16-bit math). The bound takes the fastest math the plan allows: int8 and 4-bit weights may run
 * with 8-bit or 4-bit activations (W8A8, W4A8, W4A4) on whatever low-precision unit is fastest.
 */
export function peakFor(hw: Hardware, dtype: Dtype, mode: 'estimate' | 'bound' = 'estimate'): number | undefined {
  const p16 = hw.peak16;
  if (p16 === undefined) return undefined;
  const int8 = hw.peakInt8 ?? (mode === 'bound' ? Math.max(2 * p16, hw.peakFp8 ?? 0) : undefined);
  if (mode === 'bound') {
    switch (dtype) {
      case 'fp8':
      case 'int8':
        return Math.max(p16, hw.peakFp8 ?? 0, int8 ?? 0);
      case 'fp4':
      case 'int4':
        return Math.max(p16, hw.peakFp4 ?? 0, hw.peakFp8 ?? 0, int8 ?? 0);
      default:
        return p16;
    }
  }
  if (dtype === 'fp8') return hw.peakFp8 ?? p16;
  // 4-bit weights on a chip without fp4 math run as weight-only (Marlin W4A16 and its kin).
  if (dtype === 'fp4') return hw.peakFp4 ?? p16;
  if (dtype === 'int8') return int8 ?? p16;
  return p16;
}

/** Expected distinct experts (of E, each token picking k distinct) touched by n tokens: E(1-(1-k/E)^n). */
export function touchedExpertFraction(experts: number, topK: number, tokens: number): number {
  return touchedExpertShare(experts, topK)(tokens);
}

/**
 * touchedExpertFraction for one model, as a function of the token count: 1 - (1 - k/E)^n computed as
 * 1 - exp(n ln(1 - k/E)) with the logarithm taken once (the power with a fractional n was a seventh
 * of a high-concurrency layout search).
 */
export function touchedExpertShare(experts: number, topK: number): (tokens: number) => number {
  if (experts <= 0) return () => 0;
  const missLog = Math.log1p(-Math.min(topK, experts) / experts);
  return (tokens) => {
    if (tokens <= 0) return 0;
    const x = tokens * missLog;
    // below e^-38 (under half an ulp of 1) the difference rounds to exactly 1: skip the exp
    return x < -38 ? 1 : 1 - Math.exp(x);
  };
}

/**
 * Share of its routed experts the busiest expert rank reads under the most favourable routing of
 * n > 0 tokens: every token picks top_k distinct experts, and a skewed router may send every token to
 * the same top_k. Those top_k experts sit on ep ranks at best evenly, so some rank holds at least
 * ceil(top_k / ep) of them out of its experts / ep. The bound must hold for that routing too.
 */
export function leastTouchedExpertFraction(experts: number, topK: number, tokens: number, ep = 1): number {
  if (experts <= 0 || tokens <= 0) return 0;
  const perRank = experts / Math.max(1, ep);
  return Math.min(1, Math.ceil(Math.min(topK, experts) / Math.max(1, ep)) / perRank);
}

/** Kernels one pass of the stage launches (each costs a fixed latency however little it does). */
export function stageKernels(facts: ModelFacts, stage: Stage): number {
  const attention = KERNELS_ATTENTION + (facts.kvShardable ? 0 : KERNELS_MLA_EXTRA);
  const moe = KERNELS_MOE + (facts.sharedExperts > 0 ? KERNELS_SHARED_EXPERT : 0);
  return stage.layers * attention + stage.denseLayers * KERNELS_DENSE_MLP + stage.moeLayers * moe;
}

export interface StageCostModel {
  /** cost of one pass through the stage on one device; null when the plan lacks a figure the pass needs */
  evaluate(pass: Pass): PassCost | null;
  /** the same pass's seconds alone (evaluate(pass).total), without building its cost: what a simulated step needs */
  time(pass: Pass): number | null;
}

/**
 * Builds the per-device cost model of one stage: FLOPs, bytes and messages per token, per
 * attended pair and per decoding sequence, computed once. Null when a peak or bandwidth every pass
 * needs is missing (estimate mode).
 */
export function stageCostModel(facts: ModelFacts, layout: Layout, hw: Hardware, stage: Stage, mode: TimeMode): StageCostModel | null {
  const isBound = mode.unknownIsFree;
  const kind = isBound ? 'bound' : 'estimate';
  // A missing figure stops an estimate; for a bound it is the cheapest case: infinitely fast.
  const orFree = (v: number | undefined): number | undefined => v ?? (isBound ? Infinity : undefined);
  const peakAttn = orFree(peakFor(hw, facts.dtypes.attention, kind));
  const peakMlp = orFree(peakFor(hw, facts.dtypes.mlp, kind));
  const peakMlpUnquantized = orFree(peakFor(hw, facts.dtypes.mlpUnquantized, kind));
  const peakExp = orFree(peakFor(hw, facts.dtypes.experts, kind));
  const peakEmb = orFree(peakFor(hw, facts.dtypes.embeddings, kind));
  // Attention scores: 16-bit math in the expected case; a bound allows fp8 (or fp4) attention over
  // an fp8 (fp4) KV cache (FlashAttention-3 / FlashMLA fp8 kernels).
  const peakScores = orFree(isBound ? peakFor(hw, facts.dtypes.kv === 'fp4' ? 'fp4' : facts.dtypes.kv === 'fp8' ? 'fp8' : 'bf16', 'bound') : hw.peak16);
  const bw = orFree(hw.memoryBandwidth);
  if (!peakAttn || !peakMlp || !peakMlpUnquantized || !peakExp || !peakEmb || !peakScores || !bw) return null;
  const { tp, cp, ep, etp, edp } = layout;
  // With attention tensor-parallel over the whole replica (dp = cp = 1) every rank holds every token
  // after attention: expert-parallel ranks run their own experts on all of them and one all-reduce
  // combines the outputs, as tensor-parallel experts do. Tokens are dispatched and combined
  // all-to-all only when attention ranks hold different tokens (attention DP or CP).
  const tokensReplicated = layout.dp === 1 && cp === 1;
  const moeAllToAll = ep > 1 && !tokensReplicated;
  const eff = mode.efficiency;
  const b = facts.bytes;
  const L = stage.layers;
  const fullLayers = stageFullLayers(stage);

  // FLOPs per token (2 per multiply-add), seconds per FLOP by operand dtype.
  // Engines replicate some attention weights on every tp rank (MLA's down-projections, norms, KV
  // heads fewer than tp) and the router; a bound lets tp split all of it, as it does the indexer.
  const attnParams = isBound ? stageAttentionParamsPerRank(facts, 1, stage) / tp : stageAttentionParamsPerRank(facts, tp, stage);
  const router = isBound ? facts.router / tp : facts.router;
  const sAttn = 1 / (peakAttn * eff.compute);
  // Attention kernels and grouped expert GEMMs reach their own fractions of the peak (calibrated per
  // engine and hardware family; bounds run everything at 1).
  const sScores = 1 / (peakScores * eff.compute * (isBound ? 1 : hw.attentionEfficiency));
  const sMlp = 1 / (peakMlp * eff.compute);
  const sMlpUnquantized = 1 / (peakMlpUnquantized * eff.compute);
  const sExp = 1 / (peakExp * eff.compute * (isBound ? 1 : hw.expertEfficiency));
  const sEmb = 1 / (peakEmb * eff.compute);
  // Linear-attention layers update and read their state once per token (split over tp by heads).
  const linearShards = facts.linear ? Math.min(tp, facts.linear.shardableHeads) : 1;
  const stateFlopsPerToken = facts.linear ? (facts.linear.stateFlopsPerToken * stage.linearLayers) / linearShards : 0;
  /** seconds of compute per token on this device, experts excluded */
  const perTokenCompute =
    2 * attnParams * sAttn +
    2 * (facts.denseMlp / tp) * ((stage.denseLayers - stage.unquantizedMlpLayers) * sMlp + stage.unquantizedMlpLayers * sMlpUnquantized) +
    2 * (facts.sharedExperts / tp + router) * stage.moeLayers * sMlp +
    stateFlopsPerToken * sScores;
  // A sparse-attention indexer scores every cached key in fp8; engines replicate it on every tp rank,
  // a bound lets tp split it.
  const indexer = facts.indexer;
  const peakIndexer = indexer ? orFree(peakFor(hw, 'fp8', kind)) : undefined;
  if (indexer && !peakIndexer) return null;
  const perIndexerPair = indexer ? (indexer.pairFlops * fullLayers) / (isBound ? tp : 1) : 0;
  const sIndexer = indexer ? 1 / (peakIndexer! * eff.compute) : 0;
  /** seconds per token-expert pick reaching this device */
  const perPickCompute = 2 * facts.expert * stage.moeLayers * sExp;
  const vocab = facts.hidden > 0 ? facts.embedding / facts.hidden : 0;
  const perLogitCompute = stage.hasLmHead ? 2 * facts.hidden * (vocab / tp) * sEmb : 0;
  const perLogitFlops = stage.hasLmHead ? 2 * facts.hidden * (vocab / tp) : 0;
  const headsShare = 1 / tp;
  const perPairPrefill = facts.attnPairFlopsPrefill * headsShare;
  // An engine whose sparse-attention prompt kernel pads the heads (engines.ts, sparsePrefillHeadPad)
  // computes the absorbed form for that many heads once a pass holds a sequence beyond the top-k.
  const headPad = !isBound && indexer ? (hw.sparsePrefillHeadPad ?? 0) : 0;
  const perPairSparsePrefill = headPad > 0 ? (facts.attnPairFlopsDecode / facts.heads) * Math.max(headPad, facts.heads / tp) : perPairPrefill;
  const perPairDecode = facts.attnPairFlopsDecode * headsShare;

  // Bytes: weights read once per pass (routed experts only where some token picked them), KV.
  // With the experts spanning attention-DP ranks, SGLang splits the dense MLP, the shared experts and
  // the LM head over all of them, or as the plan's dense_tp, shared_expert_tp and lm_head_tp say
  // (memory.ts, denseSplit); a bound lets any engine split them over all of them.
  const split = denseSplit(facts, layout, isBound ? 'floor' : hw.engine ? engineProfile(hw.engine).densePlacement : 'replicated');
  const nonExpertWeights =
    attnParams * b.attention +
    stageDenseMlpBytes(facts, split.mlp, stage) +
    ((facts.sharedExperts / split.shared) * b.mlp + router * b.router) * stage.moeLayers +
    (stage.hasLmHead ? (facts.lmHead / split.lmHead) * b.embeddings : 0);
  const allExpertWeights = ((expertsPerDevice(facts, layout) * facts.expert) / etp) * b.experts * stage.moeLayers;
  // MLA: the prompt's tokens expand the latent cache through kv_b_proj, read at the checkpoint's bytes
  // (within nonExpertWeights); the decoding tokens' absorbed path reads the engine's own copy of its key
  // and value parts instead (memory.ts, mlaAbsorbedBytes: bf16 under vLLM and SGLang for an fp8
  // checkpoint), and a pass holding both reads both. A bound counts the checkpoint's bytes alone, the
  // least any engine reads.
  const mlaReads = !isBound && hw.engine ? stageMlaDecodeReads(facts, layout, stage, hw.engine, hw.device) : null;
  // Prompt tokens write their KV in the attention layers (linear layers keep a state, not a cache) and their indexer keys.
  const indexerWrite = indexer ? indexer.bytesPerToken * fullLayers : 0;
  // The expected share averages over expert ranks; the pass waits for the busiest, which reads at least
  // what the floor's most favourable routing leaves it (fewer tokens than expert groups: whichever
  // group gets a token reads ceil(top_k / ep) of its experts, not the average's fraction of one).
  const expectedTouched = touchedExpertShare(facts.experts, facts.topK);
  // the favourable routing's share is the same for any n > 0 tokens
  const leastTouched = leastTouchedExpertFraction(facts.experts, facts.topK, 1, ep);
  const touchedOf = isBound
    ? (n: number): number => (n > 0 ? leastTouched : 0)
    : (n: number): number => (n > 0 ? Math.max(expectedTouched(n), leastTouched) : 0);
  // Consecutive decode steps mostly carry the same token count: the last answer is kept.
  let touchedTokens = -1;
  let touchedShare = 0;
  const touched = (n: number): number => {
    if (n !== touchedTokens) {
      touchedTokens = n;
      touchedShare = touchedOf(n);
    }
    return touchedShare;
  };
  const kvShards = kvShardsOverTp(facts, tp);
  const kvPerTokenLayer = facts.kvBytesPerTokenLayer / kvShards;
  const sBw = 1 / (bw * eff.memory);

  // Communication: every collective's time is linear in its bytes, so each is reduced once to
  // seconds per token plus a fixed latency.
  const spans = groupSpans(layout, hw);
  const link = (across: boolean): LinkChoice | null => linkFor(hw, across, eff.network, mode.latency, isBound);
  const h = facts.hidden;
  const tokenBytes = h * ACTIVATION_BYTES;
  let arPerToken = 0;
  let arLatency = 0;
  if (tp > 1) {
    const perNode = spans.tp ? Math.min(tp, hw.gpusPerNode) : tp;
    const placement: GroupPlacement = { group: tp, perNode, intra: perNode > 1 ? link(false) : null, inter: spans.tp ? link(true) : null };
    if (!isBound && ((perNode > 1 && !placement.intra) || (spans.tp && !placement.inter))) return null;
    const one = isBound ? allReduceFloor(tokenBytes, placement) : allReduceExpected(tokenBytes, placement);
    if (!one) return null;
    // One all-reduce after attention, one after each dense or tensor-parallel MoE block.
    const allReduces = L + stage.denseLayers + (ep === 1 || (tokensReplicated && !isBound) ? stage.moeLayers : 0);
    arPerToken = one.transfer * allReduces;
    arLatency = one.latency * allReduces;
  }
  // Expert dispatch and combine; a skewed router can keep every token on its own rank's experts,
  // so no all-to-all is part of a floor.
  let a2aPerPick = 0;
  let a2aLatency = 0;
  if (moeAllToAll && stage.moeLayers > 0) {
    const epLink = link(spans.ep);
    if (!epLink) return null;
    if (!isBound) {
      const one = allToAll(tokenBytes / (ep * etp), ep, epLink);
      a2aPerPick = 2 * one.transfer * stage.moeLayers;
      // each dispatch and combine also pays its kernel's fixed exchange (defaults.ts)
      const exchange = mode.latency ? EXPERT_EXCHANGE_LATENCY_S : 0;
      a2aLatency = 2 * (one.latency + exchange) * stage.moeLayers;
    }
  }
  const cpLink = cp > 1 ? link(spans.cp) : null;
  const kernels = stageKernels(facts, stage);
  const fixedKernelTime = mode.latency ? kernels * hw.kernelLatency : 0;
  // An eager pass launches the engine's own MLA prompt ops too (engines.ts, mlaEagerExtraKernels).
  const launchTime = (kernels + (facts.kvShardable ? 0 : stage.layers * (hw.mlaEagerExtraKernels ?? 0))) * hw.launchLatency;
  const perTokenFlops =
    2 * attnParams + 2 * (facts.denseMlp / tp) * stage.denseLayers + 2 * (facts.sharedExperts / tp + router) * stage.moeLayers + stateFlopsPerToken;
  const perPickFlops = 2 * facts.expert * stage.moeLayers;
  const window = facts.slidingWindow;
  const kvWritePerToken = kvPerTokenLayer * (L - stage.linearLayers) + indexerWrite;
  // Decode reads the caches (a linear layer's state is also written back; a floor counts the read alone).
  let readCtx = -1;
  let readBytes = 0;
  const kvReadPerSequence = (ctx: number): number => {
    if (ctx !== readCtx) {
      readCtx = ctx;
      readBytes = stageKvReadBytesPerSequence(facts, layout, stage, ctx, !isBound);
    }
    return readBytes;
  };

  // The figures of the last pass costed, in one object refilled each time: a simulated load asks for
  // hundreds of thousands of passes, most of which need only their seconds.
  const last = { compute: 0, memory: 0, transfer: 0, latency: 0, total: 0, flops: 0 };
  /** Costs a pass into `last`; false when the plan lacks a figure it needs. */
  const cost = (pass: Pass): boolean => {
    const decodeTokens = pass.decodeSequences * pass.queryTokens;
    const rankTokens = pass.prefillTokens + decodeTokens;
    const tokens = rankTokens / cp;
    // Tokens entering one expert group: all active dp ranks' tokens, shared among edp groups.
    const groupTokens = (rankTokens * pass.activeDp) / Math.max(edp, 1e-9);
    const picksPerDevice = (groupTokens * facts.topK) / (ep * etp);
    const ctx = pass.decodeContext;
    const windowed = window === null ? ctx : windowKeys(ctx, window, facts.windowKind);
    const attendedFull = indexer ? Math.min(ctx, indexer.topK) : ctx;
    const prefillPairs = fullLayers * (indexer ? pass.prefillPairsTopK : pass.prefillPairsFull) + stage.slidingLayers * pass.prefillPairsSliding;
    const decodePairs = decodeTokens * (fullLayers * attendedFull + stage.slidingLayers * windowed);
    const sparsePass = headPad > 0 && pass.prefillPairsTopK < pass.prefillPairsFull;
    const scoreFlops = ((sparsePass ? perPairSparsePrefill : perPairPrefill) * prefillPairs + perPairDecode * decodePairs) / cp;
    const indexerFlops = indexer ? (perIndexerPair * (pass.prefillPairsFull + decodeTokens * ctx)) / cp : 0;

    const compute =
      tokens * perTokenCompute + picksPerDevice * perPickCompute + scoreFlops * sScores + indexerFlops * sIndexer + pass.logitTokens * perLogitCompute;
    const flops = tokens * perTokenFlops + picksPerDevice * perPickFlops + scoreFlops + indexerFlops + pass.logitTokens * perLogitFlops;

    const mlaDecode = mlaReads && decodeTokens > 0 ? (pass.prefillTokens > 0 ? mlaReads.decode : mlaReads.overCheckpoint) : 0;
    const weightBytes = nonExpertWeights + mlaDecode + allExpertWeights * touched(groupTokens);
    // Decoding sequences read their caches; every new token writes its KV.
    const kvRead = pass.decodeSequences > 0 ? pass.decodeSequences * kvReadPerSequence(ctx) : 0;
    const memory = (weightBytes * pass.weightReads + kvRead + (tokens * kvWritePerToken) / 1) * sBw;

    let transfer = 0;
    let latency = 0;
    if (tokens > 0) {
      transfer = tokens * arPerToken + groupTokens * facts.topK * a2aPerPick;
      latency = arLatency + (groupTokens > 0 ? a2aLatency : 0);
    }
    if (cp > 1 && pass.prefillTokens > 0) {
      if (!cpLink) return false;
      // Ring attention: each rank receives the other ranks' K/V blocks of every layer.
      const c = pointToPoint((pass.prefillTokens / cp) * kvPerTokenLayer * (cp - 1), cpLink);
      transfer += c.transfer * L;
      latency += c.latency * L;
    }
    const commTime = transfer + latency;
    const gpu = mode.overlap ? Math.max(compute, memory, commTime) : Math.max(compute, memory) + commTime + fixedKernelTime * pass.weightReads;
    // An eager pass cannot run ahead of the host launching its kernels.
    const total = mode.latency && pass.eager ? Math.max(gpu, launchTime * pass.weightReads) : gpu;
    last.compute = compute;
    last.memory = memory;
    last.transfer = transfer;
    last.latency = latency;
    last.total = total;
    last.flops = flops;
    return true;
  };

  return {
    evaluate(pass: Pass): PassCost | null {
      if (!cost(pass)) return null;
      return { compute: last.compute, memory: last.memory, comm: { transfer: last.transfer, latency: last.latency }, total: last.total, flops: last.flops };
    },
    time(pass: Pass): number | null {
      return cost(pass) ? last.total : null;
    },
  };
}

interface BuiltModels {
  stages: Stage[];
  facts: ModelFacts;
  layout: Layout;
  hw: Hardware;
  mode: TimeMode;
  models: StageCostModel[] | null;
}
/**
 * The models built last, by the identity of their arguments: one verification asks for the same ones
 * several times (idle prefill, decode step, bounds), in its estimate and its bound mode. Resolved plans,
 * facts and stages are never changed once built, so a model built for the same objects is still right.
 * A few plain entries, not a WeakMap: weak keys by the thousand make every young-generation garbage
 * collection several times slower.
 */
const recent: BuiltModels[] = [];
const RECENT_BUILT = 4;

/**
 * One model per stage, or null when any stage lacks a figure. Neighbouring stages that hold the same
 * layers (the middle stages of an even split) share one model, and runStages costs a pass through it once.
 */
export function stageCostModels(facts: ModelFacts, layout: Layout, hw: Hardware, stages: Stage[], mode: TimeMode): StageCostModel[] | null {
  for (const b of recent) {
    if (b.stages === stages && b.facts === facts && b.layout === layout && b.hw === hw && b.mode === mode) return b.models;
  }
  const models = buildStageCostModels(facts, layout, hw, stages, mode);
  if (recent.length >= RECENT_BUILT) recent.pop();
  recent.unshift({ stages, facts, layout, hw, mode, models });
  return models;
}

function buildStageCostModels(facts: ModelFacts, layout: Layout, hw: Hardware, stages: Stage[], mode: TimeMode): StageCostModel[] | null {
  const models: StageCostModel[] = [];
  for (let i = 0; i < stages.length; i++) {
    const s = stages[i]!;
    // an even split repeats a shape over neighbouring stages: they share the model
    const m = i > 0 && sameShape(s, stages[i - 1]!) ? models[i - 1]! : stageCostModel(facts, layout, hw, s, mode);
    if (!m) return null;
    models.push(m);
  }
  return models;
}

/** Cost of one pass through one stage (builds the model: for one-off use). */
export function stagePass(facts: ModelFacts, layout: Layout, hw: Hardware, stage: Stage, pass: Pass, mode: TimeMode): PassCost | null {
  return stageCostModel(facts, layout, hw, stage, mode)?.evaluate(pass) ?? null;
}

/**
 * The link between pipeline stages, kept for the last layout, hardware and mode asked: a simulated
 * load asks for it on every pass (the objects are never changed once resolved).
 */
let lastHandoff: { layout: Layout; hw: Hardware; mode: TimeMode; link: LinkChoice | null } | null = null;
function handoffLink(layout: Layout, hw: Hardware, mode: TimeMode): LinkChoice | null {
  const c = lastHandoff;
  if (c !== null && c.layout === layout && c.hw === hw && c.mode === mode) return c.link;
  const link = linkFor(hw, groupSpans(layout, hw).pp, mode.efficiency.network, mode.latency, mode.unknownIsFree);
  lastHandoff = { layout, hw, mode, link };
  return link;
}

/** Activation hand-off between two pipeline stages. */
export function stageHandoff(facts: ModelFacts, layout: Layout, hw: Hardware, tokens: number, mode: TimeMode): number | null {
  if (layout.pp <= 1) return 0;
  const link = handoffLink(layout, hw, mode);
  if (!link) return null;
  const c = pointToPoint((tokens / layout.cp) * facts.hidden * ACTIVATION_BYTES, link);
  return c.transfer + c.latency;
}

/** A pass through every stage: per-stage costs and the hand-off between stages; null when a figure is missing. */
export interface StagesRun {
  perStage: PassCost[];
  handoff: number;
}

export function runStages(models: StageCostModel[], facts: ModelFacts, layout: Layout, hw: Hardware, pass: Pass, mode: TimeMode): StagesRun | null {
  const perStage: PassCost[] = [];
  for (let i = 0; i < models.length; i++) {
    const m = models[i]!;
    // a stage of the same shape as the one before shares its model: the same pass costs the same
    const c = i > 0 && models[i - 1] === m ? perStage[i - 1]! : m.evaluate(pass);
    if (!c) return null;
    perStage.push(c);
  }
  const handoff = stageHandoff(facts, layout, hw, pass.prefillTokens + pass.decodeSequences * pass.queryTokens, mode);
  return handoff === null ? null : { perStage, handoff };
}

/**
 * Seconds of a pass through every stage: in turn (serialTime) or as a pipelined scheduler step
 * (pipelinedStepTime), the same figure as those of runStages, without building each stage's cost.
 */
export function stagesTime(
  models: StageCostModel[],
  facts: ModelFacts,
  layout: Layout,
  hw: Hardware,
  pass: Pass,
  mode: TimeMode,
  how: 'serial' | 'pipelined',
): number | null {
  let sum = 0;
  let slowest = -Infinity;
  let t = 0;
  for (let i = 0; i < models.length; i++) {
    const m = models[i]!;
    // a stage of the same shape as the one before shares its model (stageCostModels): the same seconds
    if (i === 0 || models[i - 1] !== m) {
      const c = m.time(pass);
      if (c === null) return null;
      t = c;
    }
    sum += t;
    slowest = Math.max(slowest, t);
  }
  const handoff = stageHandoff(facts, layout, hw, pass.prefillTokens + pass.decodeSequences * pass.queryTokens, mode);
  if (handoff === null) return null;
  return how === 'serial' ? sum + (layout.pp - 1) * handoff : pipelined(slowest, handoff, layout);
}

/** Seconds of the slowest stage's share of a pass. */
function slowestStage(run: StagesRun): number {
  let slowest = 0;
  for (const c of run.perStage) slowest = Math.max(slowest, c.total);
  return slowest;
}

/** Seconds of one pass through every stage in turn, hand-offs included (a lone pass: no pipelining). */
export function serialTime(run: StagesRun, layout: Layout): number {
  return run.perStage.reduce((s, c) => s + c.total, 0) + (layout.pp - 1) * run.handoff;
}

/**
 * Seconds of one scheduler step of a replica whose sequences are split into m microbatches over pp
 * stages: max(m, pp) slots of the slowest stage, plus the hand-offs.
 */
export function pipelinedStepTime(run: StagesRun, layout: Layout): number {
  return pipelined(slowestStage(run), run.handoff, layout);
}

/**
 * Microbatches a step fills: the plan's m, but no more than it has sequences (or prompt chunks) to
 * put in them. An empty microbatch costs nothing: 16 microbatches over pp 4 with one client charged
 * 16 slots of a sixteenth of a sequence, and its TPOT floor rose 4x.
 */
export function filledMicrobatches(layout: Layout, items: number): number {
  return Math.max(1, Math.min(Math.max(1, layout.microbatches), Math.ceil(items - 1e-9)));
}

/** The layout with `m` microbatches: the same object when that is its own. */
export function withMicrobatches(layout: Layout, m: number): Layout {
  return m === layout.microbatches ? layout : { ...layout, microbatches: m };
}

/** max(m, pp) slots of the slowest stage's `slowest` seconds, plus the hand-offs. */
function pipelined(slowest: number, handoff: number, layout: Layout): number {
  const m = Math.max(1, layout.microbatches);
  return Math.max(m, layout.pp) * slowest + (layout.pp > 1 ? layout.pp * handoff : 0);
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

export interface LayerPairs {
  pairsFull: number;
  pairsSliding: number;
  pairsTopK: number;
}

/** (query, key) pairs of query tokens from+1..to in each kind of layer: full, windowed, behind the indexer's top-k. */
export function layerPairs(facts: ModelFacts, from: number, to: number): LayerPairs {
  const pairsFull = attendedPairs(from, to, null);
  return {
    pairsFull,
    pairsSliding: facts.slidingWindow === null ? pairsFull : windowPairs(from, to, facts.slidingWindow, facts.windowKind),
    // A selected key set of at most index_topk per query attends min(i, topk) keys, as a window of that size.
    pairsTopK: facts.indexer ? attendedPairs(from, to, facts.indexer.topK) : pairsFull,
  };
}

/** One request's prefill on an idle deployment: its chunks one after another, every stage in turn. */
export function prefill(
  facts: ModelFacts,
  layout: Layout,
  hw: Hardware,
  workload: Workload,
  stages: Stage[],
  inputTokens: number,
  mode: TimeMode,
): PrefillResult | null {
  const models = stageCostModels(facts, layout, hw, stages, mode);
  if (!models) return null;
  const cached = Math.floor(inputTokens * workload.prefixHitRate);
  const computed = Math.max(1, inputTokens - cached);
  const pairs = layerPairs(facts, cached, inputTokens);
  const budget = workload.maxBatchedTokens;
  if (mode.latency && computed > budget) {
    // A prompt longer than one pass runs chunk by chunk, as the engine (and the simulation) runs it:
    // each chunk its own pass, launched eagerly or replayed from a CUDA graph by its own size.
    let ttft = hw.requestOverhead;
    let perStage: PassCost[] | null = null;
    for (let from = cached; from < inputTokens; from += budget) {
      const to = Math.min(inputTokens, from + budget);
      const chunk = layerPairs(facts, from, to);
      const run = runStages(
        models,
        facts,
        layout,
        hw,
        makePass({
          prefillTokens: to - from,
          prefillPairsFull: chunk.pairsFull,
          prefillPairsSliding: chunk.pairsSliding,
          prefillPairsTopK: chunk.pairsTopK,
          logitTokens: to === inputTokens ? 1 : 0,
          eager: !workload.cudaGraphs || to - from > workload.profile.prefillGraphMaxTokens,
        }),
        mode,
      );
      if (!run) return null;
      ttft += serialTime(run, layout);
      perStage ??= run.perStage;
    }
    return { ttft, perStage: perStage!, modelFlops: modelFlops(facts, computed, pairs.pairsFull, pairs.pairsSliding, 1, false, pairs.pairsTopK) };
  }
  const pass = makePass({
    prefillTokens: computed,
    prefillPairsFull: pairs.pairsFull,
    prefillPairsSliding: pairs.pairsSliding,
    prefillPairsTopK: pairs.pairsTopK,
    logitTokens: 1,
    weightReads: Math.ceil(computed / workload.maxBatchedTokens),
    // Engines replay a CUDA graph for a pass only up to their capture size (vLLM's piecewise graphs);
    // SGLang and TensorRT-LLM launch prefill passes eagerly.
    eager: !workload.cudaGraphs || Math.min(computed, workload.maxBatchedTokens) > workload.profile.prefillGraphMaxTokens,
  });
  const run = runStages(models, facts, layout, hw, pass, mode);
  if (!run) return null;
  // A bound holds for any engine: SGLang (and vLLM-Ascend's chunked pipeline) send one prompt's
  // chunks through the stages at once, each stage on a later chunk (SGLang docs, "Pipeline
  // Parallelism for Long Context"), so a pipelined prompt takes no less than its slowest stage's share.
  // Its last token still crosses every stage in turn, each reading its weights once more: a short
  // prompt's floor is that serial pass (Llama-70B pp 8, 128 tokens: 5.7 ms read, 41 ms of weights).
  const pipelinedChunks = !mode.latency && layout.pp > 1 && computed > 1;
  let ttft = serialTime(run, layout);
  if (pipelinedChunks) {
    const last = layerPairs(facts, inputTokens - 1, inputTokens);
    const lastRun = runStages(
      models,
      facts,
      layout,
      hw,
      makePass({
        prefillTokens: 1,
        prefillPairsFull: last.pairsFull,
        prefillPairsSliding: last.pairsSliding,
        prefillPairsTopK: last.pairsTopK,
        logitTokens: 1,
        eager: false,
      }),
      mode,
    );
    if (!lastRun) return null;
    ttft = Math.max(slowestStage(run), serialTime(lastRun, layout));
  }
  ttft += mode.latency ? hw.requestOverhead : 0;
  return { ttft, perStage: run.perStage, modelFlops: modelFlops(facts, computed, pairs.pairsFull, pairs.pairsSliding, 1, false, pairs.pairsTopK) };
}

/** FLOPs of the whole model (one replica) for a pass; `pairsTopK` are the full layers' pairs behind a sparse-attention indexer. */
export function modelFlops(
  facts: ModelFacts,
  tokens: number,
  pairsFull: number,
  pairsSliding: number,
  logitTokens: number,
  decode: boolean,
  pairsTopK = pairsFull,
): number {
  const full = facts.layers - facts.slidingLayers - facts.linearLayers;
  const pair = decode ? facts.attnPairFlopsDecode : facts.attnPairFlopsPrefill;
  const attended = facts.indexer ? pairsTopK : pairsFull;
  const indexer = facts.indexer ? facts.indexer.pairFlops * full * pairsFull : 0;
  const state = facts.linear ? tokens * facts.linear.stateFlopsPerToken * facts.linearLayers : 0;
  return (
    2 * tokens * facts.activeLayerParamsPerToken +
    pair * (full * attended + facts.slidingLayers * pairsSliding) +
    indexer +
    state +
    2 * logitTokens * facts.lmHead
  );
}

/** Keys one decoding query attends to in a windowed layer at `context`. */
export function windowedKeys(facts: ModelFacts, context: number): number {
  return facts.slidingWindow === null ? context : windowKeys(context, facts.slidingWindow, facts.windowKind);
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

/** Query tokens a decoding sequence carries per step: its speculative proposals plus one. */
export const queryTokensPerStep = (workload: Workload): number => (workload.speculative ? workload.speculative.tokens + 1 : 1);

/** Extra time per step of MTP/EAGLE proposals: each proposed token costs about one more decoder layer. */
export function speculativeFactor(facts: ModelFacts, workload: Workload): number {
  const spec = workload.speculative;
  if (spec && (spec.method === 'mtp' || spec.method === 'eagle') && facts.layers > 0) return 1 + spec.tokens / facts.layers;
  return 1;
}

/** One decode step of `concurrency` sequences (the whole deployment) at `context` tokens each. */
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
  const models = stageCostModels(facts, layout, hw, stages, mode);
  if (!models) return null;
  const { pp, dp } = layout;
  // A bound takes the engine's best fill: up to pp microbatches each crossing the stages; more read
  // the weights once more each (k slots of stage(B/k) >= pp slots of stage(B/pp)), and vLLM keeps
  // pp batches in flight whatever the plan's m (microbatches 4 over pp 2 halved the ceiling)
  const fill = filledMicrobatches(layout, concurrency / dp);
  const m = mode.latency ? fill : Math.min(fill, Math.max(1, pp));
  const filled = withMicrobatches(layout, m);
  const q = queryTokensPerStep(workload);
  const sequences = concurrency / dp / m;
  const pass = makePass({
    activeDp: dp,
    decodeSequences: sequences,
    queryTokens: q,
    decodeContext: context,
    logitTokens: sequences * q,
    // as the simulator's decode-only steps: a graph replays only up to the engine's largest captured batch
    eager: !workload.cudaGraphs || Math.ceil(concurrency / dp) > workload.profile.decodeGraphMaxBatch,
  });
  const run = runStages(models, facts, layout, hw, pass, mode);
  if (!run) return null;
  const { perStage } = run;
  // one microbatch crosses the stages in turn, as the simulation prices it (replicaStepCosts)
  const step = (m === 1 && pp > 1 ? serialTime(run, filled) : pipelinedStepTime(run, filled)) * speculativeFactor(facts, workload);
  const busy = perStage.reduce((s, c) => s + c.total, 0) * m;
  const bubbleFraction = pp > 1 ? Math.max(0, 1 - busy / (pp * step)) : 0;
  const worst = perStage.reduce((a, c) => (c.total > a.total ? c : a), perStage[0]!);
  const commTime = worst.comm.transfer + worst.comm.latency;
  const boundBy = commTime > Math.max(worst.compute, worst.memory) ? 'communication' : worst.compute > worst.memory ? 'compute' : 'memory';
  const seqTokens = sequences * q;
  const topK = facts.indexer ? Math.min(context, facts.indexer.topK) : context;
  const flops =
    modelFlops(facts, seqTokens * m, seqTokens * context * m, seqTokens * windowedKeys(facts, context) * m, seqTokens * m, true, seqTokens * topK * m) * dp;
  return { step, perStage, tokensPerStep: workload.speculative ? workload.speculative.acceptance : 1, bubbleFraction, boundBy, flops };
}

export interface ClosedLoopBound {
  /** output tokens/s, whole deployment */
  throughput: number;
  /** seconds a request lives (prefill to last token) */
  cycle: number;
  /** the term that sets the cycle: decode reads, prefill and decode FLOPs, their collectives, or one request's own lifetime */
  limitedBy: ClosedLoopLimit;
}

export type ClosedLoopLimit = 'memory' | 'compute' | 'communication' | 'lifetime';

/**
 * The physical ceiling of closed-loop throughput: each of the `concurrency/dp` sequences of a
 * replica is prefilled once and decoded (output-1)/accepted steps per lifetime, everything
 * overlapped (decode steps read the weights once whatever prompt tokens ride along, and prefill
 * compute adds to decode compute). Prefill passes of all dp replicas run at once, so their expert
 * work lands on the same expert devices (`pre` is built with activeDp = dp).
 */
export function closedLoopBound(layout: Layout, concurrency: number, outputTokens: number, ttft: number, pre: PassCost[], dec: DecodeResult): ClosedLoopBound {
  const perReplica = concurrency / layout.dp;
  const steps = Math.max(0, outputTokens - 1) / dec.tokensPerStep;
  // the bound's decode step fills at most pp microbatches (decodeStep): pp slots a step
  const slots = layout.pp;
  const decodeCompute = Math.max(...dec.perStage.map((c) => c.compute)) * slots;
  const decodeMemory = Math.max(...dec.perStage.map((c) => c.memory)) * slots;
  // Pipelined prefills of different requests overlap across stages: the slowest stage paces them.
  const prefillCompute = Math.max(...pre.map((c) => c.compute));
  const prefillComm = Math.max(...pre.map((c) => c.comm.transfer + c.comm.latency));
  const decodeComm = Math.max(...dec.perStage.map((c) => c.comm.transfer + c.comm.latency)) * slots;
  const terms: [ClosedLoopLimit, number][] = [
    ['memory', steps * decodeMemory],
    ['compute', steps * decodeCompute + perReplica * prefillCompute],
    ['communication', steps * decodeComm + perReplica * prefillComm],
    // A request also waits for its own first token; the cycle cannot be shorter than its lifetime alone.
    ['lifetime', ttft + steps * dec.step],
  ];
  let [limitedBy, cycle] = terms[0]!;
  for (const [term, time] of terms.slice(1)) if (time > cycle) [limitedBy, cycle] = [term, time];
  return { throughput: (concurrency * outputTokens) / cycle, cycle, limitedBy };
}

/** One prompt's share of a prefill pass: tokens from+1..to of a prompt (earlier ones already in the KV cache). */
export interface PromptSegment {
  from: number;
  to: number;
  /** the pass completes this prompt, so its first token's logits are computed */
  completes: boolean;
}

/** The prompt work of a pass holding several prompts' chunks: tokens, attended pairs, completed prompts. */
export function segmentsWork(facts: ModelFacts, segments: readonly PromptSegment[]): LayerPairs & { tokens: number; completes: number } {
  let tokens = 0;
  let pairsFull = 0;
  let pairsSliding = 0;
  let pairsTopK = 0;
  let completes = 0;
  for (const s of segments) {
    tokens += s.to - s.from;
    const p = layerPairs(facts, s.from, s.to);
    pairsFull += p.pairsFull;
    pairsSliding += p.pairsSliding;
    pairsTopK += p.pairsTopK;
    if (s.completes) completes += 1;
  }
  return { tokens, pairsFull, pairsSliding, pairsTopK, completes };
}

/**
 * One prefill pass of a replica holding several prompts' chunks (continuous batching with chunked
 * prefill): the weights are read once, the pass launches its kernels once, every replica runs
 * such a pass at the same time. Seconds through every stage, or null when a figure is missing.
 */
export function prefillPass(
  facts: ModelFacts,
  layout: Layout,
  hw: Hardware,
  stages: Stage[],
  segments: readonly PromptSegment[],
  mode: TimeMode,
): number | null {
  const w = segmentsWork(facts, segments);
  if (w.tokens <= 0) return 0;
  const models = stageCostModels(facts, layout, hw, stages, mode);
  if (!models) return null;
  const pass = makePass({
    activeDp: layout.dp,
    prefillTokens: w.tokens,
    prefillPairsFull: w.pairsFull,
    prefillPairsSliding: w.pairsSliding,
    prefillPairsTopK: w.pairsTopK,
    logitTokens: w.completes,
    eager: true,
  });
  const run = runStages(models, facts, layout, hw, pass, mode);
  return run ? serialTime(run, layout) : null;
}
