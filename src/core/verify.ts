// Computes every check and metric of a loaded plan. Orchestration only: each formula lives
// in its own module (layout, memory, performance, compare).
import { judgeClaim, judgeMemoryClaim, judgeRequirement, type Figures, type Judgement } from './compare.js';
import { expectedExpertImbalance } from './balance.js';
import { GIB } from './defaults.js';
import { layoutFindings } from './layout.js';
import { kvCapacityTokens, stageMemory, stageWeightBytes, stageKvBytesPerSequence, type StageMemory } from './memory.js';
import { deriveModelFacts, paramsFromShape, type ModelFacts } from './modelFacts.js';
import { BOUND_MODE, closedLoop, decodeStep, modelFlops, prefill, type TimeMode } from './performance.js';
import { resolvePlan, type Resolved } from './resolve.js';
import { buildStages, type Stage } from './stages.js';
import type { Check, DeviceMemory, LoadedPlan, Metrics, PlanDetails, PlanReport } from './types.js';
import { planVerdict } from './verdict.js';

const round = (v: number | null, digits = 3): number | null => {
  if (v === null || !Number.isFinite(v)) return null;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};
const gib = (bytes: number | null): number | null => (bytes === null ? null : round(bytes / GIB, 3));
const fmtGiB = (bytes: number): string => `${(bytes / GIB).toFixed(2)} GiB`;
const fmtMs = (s: number): string => (s >= 10 ? `${s.toFixed(2)} s` : `${(s * 1000).toPrecision(4)} ms`);
const fmtRate = (t: number): string => (t >= 1e4 ? `${(t / 1000).toFixed(1)} tokens/ms` : `${t.toPrecision(4)} tokens/s`);

/** Line of a key, or of its nearest ancestor that the file sets. */
function lineOf(lines: Record<string, number>, path: string | undefined): number | undefined {
  let p = path;
  while (p) {
    const l = lines[p];
    if (l !== undefined) return l;
    const dot = p.lastIndexOf('.');
    p = dot > 0 ? p.slice(0, dot) : undefined;
  }
  return undefined;
}

interface Computed {
  stagesEst: Stage[] | null;
  stagesBound: Stage[] | null;
  memEst: StageMemory[] | null;
  weightsFloor: number | null;
  kvFloor: number;
  kvCapacity: number | null;
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
}

/** Which plan keys the time estimates need beyond the model's shape. */
function timeMissing(r: Resolved, plan: LoadedPlan['plan']): string[] {
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

function compute(loaded: LoadedPlan, r: Resolved, est: ModelFacts | null, bound: ModelFacts | null): Computed {
  const { layout, hardware: hw, workload: wl } = r;
  const stagesEst = est ? buildStages(est, layout.pp, layout.layersPerStage) : null;
  const stagesBound = bound ? buildStages(bound, layout.pp, layout.layersPerStage) : null;
  const sequences = wl.concurrency !== undefined ? Math.ceil(wl.concurrency / layout.dp) : undefined;
  const maxContext = wl.maxInputTokens !== undefined && wl.maxOutputTokens !== undefined ? wl.maxInputTokens + wl.maxOutputTokens : undefined;

  const memEst = est && stagesEst && sequences !== undefined && maxContext !== undefined
    ? stageMemory(est, layout, wl, stagesEst, sequences, maxContext) : null;
  const weightsFloor = bound && stagesBound ? Math.max(...stagesBound.map((s) => stageWeightBytes(bound, layout, s))) : null;
  // The KV floor is exact once the KV facts are known (bound facts keep known KV sizes, unknown ones cost 0).
  const kvFloor = bound && stagesBound && sequences !== undefined && maxContext !== undefined
    ? Math.max(...stagesBound.map((s) => sequences * stageKvBytesPerSequence(bound, layout, s, maxContext))) : 0;
  const kvCapacity = est && stagesEst && hw.memory !== undefined
    ? kvCapacityTokens(est, layout, wl, stagesEst, hw.memory, sequences ?? 1) : null;

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
  return {
    stagesEst, stagesBound, memEst, weightsFloor, kvFloor, kvCapacity,
    ttft: e.pre?.ttft ?? null,
    ttftFloor: finite(b.pre?.ttft),
    step: e.dec?.step ?? null,
    stepFloor: finite(b.dec?.step),
    tpot: e.loop?.tpot ?? null,
    tpotFloor: finite(b.loop?.tpot),
    throughput: e.loop?.throughput ?? null,
    throughputBound: b.loop && b.dec && finite(b.dec.step) !== null ? finite(b.loop.throughput) : null,
    computeUtilization: e.loop?.computeUtilization ?? null,
    bubble: e.dec?.bubbleFraction ?? null,
    stageDecode: e.dec ? e.dec.perStage.map((p) => p.total) : null,
    boundDecodeBy: b.dec?.boundBy ?? null,
    boundBy: e.dec?.boundBy ?? null,
  };
}

export interface VerifyOptions {
  /** build the per-device and per-figure breakdowns for reports (a layout search needs only checks and metrics) */
  details?: boolean;
}

export function verifyLoadedPlan(loaded: LoadedPlan, options: VerifyOptions = {}): PlanReport {
  const { plan, lines } = loaded;
  const r = resolvePlan(plan, loaded.origins);
  const estR = deriveModelFacts(plan.model, 'estimate');
  const boundR = deriveModelFacts(plan.model, 'bound');
  const est = estR.facts;
  const bound = boundR.facts;
  const { layout, hardware: hw, workload: wl } = r;
  const checks: Check[] = [];
  const add = (c: Omit<Check, 'line'>): void => {
    const line = lineOf(lines, c.path);
    checks.push(line === undefined ? c : { ...c, line });
  };

  for (const f of layoutFindings(plan.model, layout, hw)) add(f);
  // What the config.json reader could not map with certainty.
  for (const w of loaded.warnings ?? []) {
    add({ id: 'model.hf_config', status: 'warn', title: 'Hugging Face config', path: w.path ?? 'model.hf_config', detail: w.message });
  }

  // Stated total against the shape.
  const shapeParams = plan.model.params !== undefined ? paramsFromShape(plan.model) : null;
  if (plan.model.params !== undefined && shapeParams !== null) {
    const ratio = shapeParams / plan.model.params;
    const ok = Math.abs(ratio - 1) <= 0.05;
    add({ id: 'model.params', status: ok ? 'pass' : 'warn', title: 'Parameters vs shape', path: 'model.params',
      value: plan.model.params, limit: round(shapeParams, 0), unit: 'parameters',
      detail: `model.params ${(plan.model.params / 1e9).toFixed(2)}B; the shape gives ${(shapeParams / 1e9).toFixed(2)}B` +
        (ok ? '' : ' (off by more than 5%: the figures below use the shape)') });
  }

  const c = compute(loaded, r, est, bound);
  const modelMissing = estR.missing;
  const tMissing = timeMissing(r, plan);
  const wlNeed = (keys: [string, unknown][]): string[] => keys.filter(([, v]) => v === undefined).map(([k]) => k);
  const memMissing = [...modelMissing, ...wlNeed([['workload.concurrency', wl.concurrency], ['workload.input_tokens', wl.maxInputTokens], ['workload.output_tokens', wl.maxOutputTokens]])];
  const ttftMissing = [...modelMissing, ...tMissing, ...wlNeed([['workload.input_tokens', wl.inputTokens]])];
  const loopMissing = [...ttftMissing, ...wlNeed([['workload.concurrency', wl.concurrency], ['workload.output_tokens', wl.outputTokens]])];

  // Stage balance: the slowest stage paces the pipeline (embeddings and LM head sit on the ends).
  if (layout.pp > 1 && c.stageDecode) {
    const times = c.stageDecode;
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    const slowest = Math.max(...times);
    const ratio = slowest / mean;
    const at = times.indexOf(slowest);
    add({ id: 'layout.stage_balance', status: ratio > 1.05 ? 'warn' : 'pass', title: 'Stage balance', path: 'parallelism.layers_per_stage',
      value: round(ratio, 3), limit: 1.05, unit: 'ratio',
      detail: `slowest stage (${at}) takes ${ratio.toFixed(2)}x the mean decode time per stage` +
        (ratio > 1.05 ? '; move layers off it with layers_per_stage' : '') });
  }

  // Expert balance: in a decode step the busiest EP rank paces every MoE layer.
  const moeFacts = est ?? bound;
  if (plan.model.moe && layout.ep > 1 && moeFacts && moeFacts.topK > 0 && wl.concurrency !== undefined) {
    const tokensPerStep = wl.concurrency / layout.microbatches / Math.max(layout.edp, 1);
    const pairs = tokensPerStep * moeFacts.topK;
    const imbalance = expectedExpertImbalance(pairs, layout.ep);
    const warn = imbalance > 1.25;
    add({ id: 'layout.expert_balance', status: warn ? 'warn' : 'pass', title: 'Expert balance', path: 'parallelism.ep',
      value: round(imbalance, 3), limit: 1.25, unit: 'ratio',
      detail: `${Math.round(pairs)} token-expert picks per decode step over ep=${layout.ep}: the busiest rank expects ${imbalance.toFixed(2)}x the mean load even with uniform routing` +
        (warn ? '; real routing is more skewed: consider redundant experts (moe.redundant_experts) or a smaller ep' : '') });
  }

  // Memory.
  const worst = c.memEst ? c.memEst.reduce((a, s) => (s.total > a.total ? s : a), c.memEst[0]!) : null;
  const memTotal = worst?.total ?? null;
  const memFloor = c.weightsFloor !== null ? c.weightsFloor + c.kvFloor : null;
  const capacity = hw.memory;
  const usable = capacity !== undefined ? capacity * (1 - wl.reserve) : undefined;
  const maxContext = wl.maxInputTokens !== undefined && wl.maxOutputTokens !== undefined ? wl.maxInputTokens + wl.maxOutputTokens : null;
  const maxConcurrency = c.kvCapacity !== null && maxContext ? Math.floor(c.kvCapacity / maxContext) * layout.dp : null;
  if (usable === undefined) {
    add({ id: 'memory.fits', status: 'unverified', title: 'Memory fits', path: 'hardware.memory', missing: ['hardware.memory'], detail: 'device memory is not given' });
  } else if (memTotal !== null) {
    const fits = memTotal <= usable;
    add({ id: 'memory.fits', status: fits ? 'pass' : 'fail', title: 'Memory fits', path: 'hardware.memory', value: gib(memTotal), limit: gib(usable), unit: 'GiB',
      detail: `most loaded device (stage ${worst!.stage}) needs ${fmtGiB(memTotal)} of ${fmtGiB(usable)} usable (${fmtGiB(capacity!)} less the ${(wl.reserve * 100).toFixed(0)}% reserve)` +
        (maxConcurrency !== null ? `; at the max context of ${maxContext} tokens it holds ${maxConcurrency} sequences` : '') });
  } else if (memFloor !== null && memFloor > usable) {
    add({ id: 'memory.fits', status: 'fail', title: 'Memory fits', path: 'hardware.memory', value: gib(memFloor), limit: gib(usable), unit: 'GiB',
      detail: `even the lower bound ${fmtGiB(memFloor)} (weights shard${c.kvFloor > 0 ? ' + KV cache' : ''}) exceeds the ${fmtGiB(usable)} usable` });
  } else {
    add({ id: 'memory.fits', status: 'unverified', title: 'Memory fits', path: 'hardware.memory', value: gib(memFloor), limit: gib(usable), unit: 'GiB',
      missing: memMissing, detail: `cannot estimate without ${memMissing.join(', ')}` + (memFloor !== null ? `; the lower bound ${fmtGiB(memFloor)} fits` : '') });
  }

  // Requirements.
  const req = plan.requirements;
  const judge = (id: string, title: string, path: string, value: number, unit: string, scale: number, j: Judgement, missing: string[]): void => {
    add({ id, title, path, status: j.status, value: round(value * scale, 4), limit: j.limit === null ? null : round(j.limit * scale, 4), unit, detail: j.detail,
      ...(j.status === 'unverified' && missing.length > 0 ? { missing } : {}) });
  };
  const limiter = { memory: 'HBM bandwidth (each decode step reads the weights shard and KV cache)', compute: 'peak compute', communication: 'interconnect bandwidth' } as const;
  const why = c.boundDecodeBy ? `at that bound the decode step is limited by ${limiter[c.boundDecodeBy]}` : undefined;
  const rateFig: Figures = { estimate: c.throughput, bound: c.throughputBound, show: fmtRate, missing: loopMissing, ...(why ? { why } : {}) };
  const ttftFig: Figures = { estimate: c.ttft, bound: c.ttftFloor, show: fmtMs, missing: ttftMissing };
  const tpotFig: Figures = { estimate: c.tpot, bound: c.tpotFloor, show: fmtMs, missing: loopMissing, ...(why ? { why } : {}) };
  if (req.throughput !== undefined) judge('requirements.throughput', 'Required throughput', 'requirements.throughput', req.throughput, 'tokens/s', 1, judgeRequirement(req.throughput, 'higher-is-better', rateFig), loopMissing);
  if (req.ttft !== undefined) judge('requirements.ttft', 'Required TTFT', 'requirements.ttft', req.ttft, 'ms', 1000, judgeRequirement(req.ttft, 'lower-is-better', ttftFig), ttftMissing);
  if (req.tpot !== undefined) judge('requirements.tpot', 'Required TPOT', 'requirements.tpot', req.tpot, 'ms', 1000, judgeRequirement(req.tpot, 'lower-is-better', tpotFig), loopMissing);
  if (req.max_memory_utilization !== undefined) {
    const u = req.max_memory_utilization;
    const util = memTotal !== null && capacity !== undefined ? memTotal / capacity : null;
    const floorUtil = memFloor !== null && capacity !== undefined ? memFloor / capacity : null;
    const j = judgeRequirement(u, 'lower-is-better', { estimate: util, bound: floorUtil, show: (v) => `${(v * 100).toFixed(1)}%`, missing: capacity === undefined ? ['hardware.memory'] : memMissing });
    judge('requirements.max_memory_utilization', 'Memory utilization', 'requirements.max_memory_utilization', u, 'fraction', 1, j, memMissing);
  }

  // Claims.
  const cl = plan.claims;
  const memFig = (estimate: number | null, floor: number | null): Figures => ({ estimate, bound: floor, show: fmtGiB, missing: memMissing });
  if (cl.memory_per_gpu !== undefined) judge('claims.memory_per_gpu', 'Claimed memory per GPU', 'claims.memory_per_gpu', cl.memory_per_gpu, 'GiB', 1 / GIB, judgeMemoryClaim(cl.memory_per_gpu, memFig(memTotal, memFloor)), memMissing);
  if (cl.weights_per_gpu !== undefined) {
    const w = c.memEst ? Math.max(...c.memEst.map((s) => s.weights)) : null;
    judge('claims.weights_per_gpu', 'Claimed weights per GPU', 'claims.weights_per_gpu', cl.weights_per_gpu, 'GiB', 1 / GIB, judgeMemoryClaim(cl.weights_per_gpu, { ...memFig(w, c.weightsFloor), missing: modelMissing }), modelMissing);
  }
  if (cl.kv_cache_per_gpu !== undefined) {
    const kv = c.memEst ? Math.max(...c.memEst.map((s) => s.kv)) : null;
    judge('claims.kv_cache_per_gpu', 'Claimed KV cache per GPU', 'claims.kv_cache_per_gpu', cl.kv_cache_per_gpu, 'GiB', 1 / GIB, judgeMemoryClaim(cl.kv_cache_per_gpu, memFig(kv, est ? c.kvFloor : null)), memMissing);
  }
  if (cl.throughput !== undefined) judge('claims.throughput', 'Claimed throughput', 'claims.throughput', cl.throughput, 'tokens/s', 1, judgeClaim(cl.throughput, 'higher-is-better', rateFig), loopMissing);
  if (cl.ttft !== undefined) judge('claims.ttft', 'Claimed TTFT', 'claims.ttft', cl.ttft, 'ms', 1000, judgeClaim(cl.ttft, 'lower-is-better', ttftFig), ttftMissing);
  if (cl.tpot !== undefined) judge('claims.tpot', 'Claimed TPOT', 'claims.tpot', cl.tpot, 'ms', 1000, judgeClaim(cl.tpot, 'lower-is-better', tpotFig), loopMissing);
  if (cl.memory_utilization !== undefined && capacity !== undefined) {
    const j = judgeMemoryClaim(cl.memory_utilization * capacity, memFig(memTotal, memFloor));
    judge('claims.memory_utilization', 'Claimed memory utilization', 'claims.memory_utilization', cl.memory_utilization, 'fraction', 1,
      { ...j, limit: j.limit === null ? null : j.limit / capacity }, memMissing);
  }
  if (cl.kv_cache_capacity_tokens !== undefined) {
    const j = judgeClaim(cl.kv_cache_capacity_tokens, 'higher-is-better', { estimate: c.kvCapacity, bound: null, show: (v) => `${Math.round(v)} tokens`, missing: [...modelMissing, ...(capacity === undefined ? ['hardware.memory'] : [])] });
    judge('claims.kv_cache_capacity_tokens', 'Claimed KV-cache capacity', 'claims.kv_cache_capacity_tokens', cl.kv_cache_capacity_tokens, 'tokens', 1, j, modelMissing);
  }
  if (cl.compute_utilization !== undefined) add(computeUtilizationCheck(plan, r, bound, c, cl.compute_utilization, loopMissing));

  const metrics = buildMetrics(r, c, memTotal, memFloor, est, maxConcurrency, capacity);
  const report: PlanReport = { file: loaded.file, name: plan.name, verdict: planVerdict(checks, true), checks, metrics, errors: [] };
  if (options.details !== false) report.details = buildDetails(r, c, capacity, usable, estR.assumptions, boundR.facts !== null);
  return report;
}

/**
 * A compute-utilization claim is checked two ways: against the FLOPs that the claimed
 * throughput itself implies (a contradiction between claims), and against our estimate.
 */
function computeUtilizationCheck(plan: LoadedPlan['plan'], r: Resolved, bound: ModelFacts | null, c: Computed, claimed: number, missing: string[]): Omit<Check, 'line'> {
  const base = { id: 'claims.compute_utilization', title: 'Claimed compute utilization', path: 'claims.compute_utilization', value: claimed, unit: 'fraction' };
  const wl = r.workload;
  const hw = r.hardware;
  const gpus = hw.gpus ?? r.layout.worldSize;
  const tput = plan.claims.throughput;
  if (tput !== undefined && bound && hw.peak16) {
    // Cheapest reading of what is not given: no prompt to prefill, endless output.
    const input = wl.inputTokens ?? 0;
    const computed = input - Math.floor(input * wl.prefixHitRate);
    const output = wl.outputTokens;
    const decodeFlops = modelFlops(bound, 1, 0, 0, 1, true);
    const perOutput = output === undefined
      ? decodeFlops
      : (modelFlops(bound, computed, 0, 0, computed > 0 ? 1 : 0, false) + Math.max(0, output - 1) * decodeFlops) / output;
    const implied = (tput * perOutput) / (gpus * hw.peak16);
    if (implied > claimed) {
      return { ...base, status: 'fail', limit: round(implied, 4),
        detail: `contradicts claims.throughput: ${(tput / 1000).toFixed(1)} tokens/ms needs at least ${(implied * 100).toFixed(0)}% of the ${gpus} devices' 16-bit peak (≥ ${(perOutput / 1e9).toFixed(2)} GFLOP per output token${computed > 0 ? ', prefill included' : ''}), not ${(claimed * 100).toFixed(0)}%` };
    }
  }
  if (c.computeUtilization === null) {
    return { ...base, status: 'unverified', limit: null, missing, detail: `cannot estimate without ${missing.join(', ')}` };
  }
  const est = c.computeUtilization;
  const off = Math.abs(claimed - est) > 0.5 * est;
  return { ...base, status: off ? 'warn' : 'pass', limit: round(est, 4),
    detail: `claimed ${(claimed * 100).toFixed(1)}%, estimate ${(est * 100).toFixed(1)}% of the 16-bit peak over the closed loop` };
}

function buildMetrics(r: Resolved, c: Computed, memTotal: number | null, memFloor: number | null, est: ModelFacts | null, maxConcurrency: number | null, capacity: number | undefined): Metrics {
  const ms = (s: number | null): number | null => (s === null ? null : round(s * 1000, 4));
  const maxOf = (pick: (s: StageMemory) => number): number | null => (c.memEst ? Math.max(...c.memEst.map(pick)) : null);
  return {
    world_size: r.layout.worldSize,
    weights_per_gpu_gib: gib(maxOf((s) => s.weights)),
    kv_cache_per_gpu_gib: gib(maxOf((s) => s.kv)),
    activations_per_gpu_gib: gib(maxOf((s) => s.activations)),
    memory_per_gpu_gib: gib(memTotal),
    ttft_ms: ms(c.ttft),
    tpot_ms: ms(c.tpot),
    decode_step_ms: ms(c.step),
    throughput_tokens_per_s: round(c.throughput, 1),
    throughput_upper_bound_tokens_per_s: round(c.throughputBound, 1),
    kv_cache_capacity_tokens: c.kvCapacity,
    // Extensions.
    weights_per_gpu_lower_bound_gib: gib(c.weightsFloor),
    memory_per_gpu_lower_bound_gib: gib(memFloor),
    memory_utilization: memTotal !== null && capacity ? round(memTotal / capacity, 4) : null,
    ttft_lower_bound_ms: ms(c.ttftFloor),
    tpot_lower_bound_ms: ms(c.tpotFloor),
    decode_step_lower_bound_ms: ms(c.stepFloor),
    max_concurrency_at_max_context: maxConcurrency,
    compute_utilization: round(c.computeUtilization, 4),
    pipeline_bubble_fraction: round(c.bubble, 4),
    total_params: est ? Math.round(est.totalParams) : null,
    active_params_per_token: est ? Math.round(est.activeLayerParamsPerToken + est.lmHead) : null,
  };
}

function buildDetails(r: Resolved, c: Computed, capacity: number | undefined, usable: number | undefined, modelAssumptions: string[], hasBound: boolean): PlanDetails {
  const stages = c.stagesEst ?? c.stagesBound ?? [];
  const devices: DeviceMemory[] = stages.map((s, i) => {
    const m = c.memEst?.[i] ?? null;
    return {
      stage: s.index,
      layers: s.layers,
      weights_gib: gib(m?.weights ?? null),
      kv_cache_gib: gib(m?.kv ?? null),
      activations_gib: gib(m?.activations ?? null),
      overhead_gib: gib(m?.overhead ?? null),
      total_gib: gib(m?.total ?? null),
      total_floor_gib: gib(c.weightsFloor) ?? 0,
      capacity_gib: capacity !== undefined ? gib(capacity) : null,
      usable_gib: usable !== undefined ? gib(usable) : null,
    };
  });
  const ms = (s: number | null): number | null => (s === null ? null : round(s * 1000, 4));
  const assumptions = [
    ...r.assumptions,
    ...modelAssumptions.map((a) => ({ name: a.split(':')[0]!, value: a.slice(a.indexOf(':') + 1).trim(), source: 'default' })),
  ];
  if (hasBound) {
    assumptions.push({ name: 'physical bound', value: 'every efficiency at 1, no collective latency, communication overlapped; unknown model fields at their cheapest consistent value', source: 'method' });
  }
  return {
    devices,
    times: {
      ttft_ms: { estimate: ms(c.ttft), bound: ms(c.ttftFloor), unit: 'ms' },
      tpot_ms: { estimate: ms(c.tpot), bound: ms(c.tpotFloor), unit: 'ms' },
      decode_step_ms: { estimate: ms(c.step), bound: ms(c.stepFloor), unit: 'ms' },
      throughput_tokens_per_s: { estimate: round(c.throughput, 1), bound: round(c.throughputBound, 1), unit: 'tokens/s' },
      decode_bound_by: c.boundBy,
      pipeline_bubble_fraction: round(c.bubble, 4),
    },
    assumptions,
  };
}
