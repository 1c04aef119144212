// Computes every check of a loaded plan. Orchestration only: each formula lives in its own
// module (layout, memory, performance, estimates, compare, balance, utilization, summary).
import { expectedExpertImbalance } from './balance.js';
import { judgeClaim, judgeMemoryClaim, judgeRequirement, type Figures, type Judgement } from './compare.js';
import { GIB } from './defaults.js';
import { economyAssumptions, economyMetrics, judgeCostRequirement, type ServingEconomy } from './cost.js';
import { compute, timeMissing } from './estimates.js';
import { fmtGiB, fmtMs, fmtRate, gib, round } from './figures.js';
import { layoutFindings } from './layout.js';
import { deriveModelFacts, paramsFromShape } from './modelFacts.js';
import { resolvePlan } from './resolve.js';
import { buildDetails, buildMetrics } from './summary.js';
import type { Check, HardwareSummary, LoadedPlan, Plan, PlanReport } from './types.js';
import { computeUtilizationCheck } from './utilization.js';
import { planVerdict } from './verdict.js';

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

/** The check a loader warning becomes, by the key it is about. */
function warningCheck(path: string | undefined): { id: string; title: string } {
  if (path?.startsWith('deployment')) return { id: 'deployment.import', title: 'Imported deployment' };
  if (path?.startsWith('hardware')) return { id: path, title: path === 'hardware.memory' ? 'Device memory' : 'Hardware' };
  return { id: 'model.hf_config', title: 'Hugging Face config' };
}

function hardwareSummary(plan: Plan, worldSize: number): HardwareSummary {
  const h = plan.hardware;
  return {
    name: h.name ?? null,
    gpus: h.gpus ?? worldSize,
    memory_bytes: h.memory ?? null,
    memory_bandwidth_bytes_per_s: h.memory_bandwidth ?? null,
    peak_flops: h.peak_tflops ?? null,
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
  // What the config.json reader or an importer could not map with certainty.
  for (const w of loaded.warnings ?? []) add({ ...warningCheck(w.path), status: 'warn', path: w.path ?? 'model.hf_config', detail: w.message });

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
      ...(j.basis !== null ? { basis: j.basis } : {}),
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
  const economy: ServingEconomy = {
    gpus: hw.gpus ?? layout.worldSize, throughput: c.throughput, throughputBound: c.throughputBound,
    ...(plan.hardware.cost_per_hour !== undefined ? { costPerHour: plan.hardware.cost_per_hour } : {}),
    ...(plan.hardware.power !== undefined ? { power: plan.hardware.power } : {}),
  };
  if (req.cost_per_million_tokens !== undefined) {
    const j = judgeCostRequirement(req.cost_per_million_tokens, economy, loopMissing);
    judge('requirements.cost_per_million_tokens', 'Required cost per million tokens', 'requirements.cost_per_million_tokens', req.cost_per_million_tokens, 'USD', 1, j, j.missing);
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

  const metrics = { ...buildMetrics(r, c, memTotal, memFloor, est, maxConcurrency, capacity), ...economyMetrics(economy) };
  const report: PlanReport = { file: loaded.file, name: plan.name, verdict: planVerdict(checks, true), checks, metrics, errors: [] };
  if (options.details !== false) {
    const origins = Object.keys(loaded.origins).length > 0 ? { origins: { ...loaded.origins } } : {};
    const details = buildDetails(r, c, capacity, usable, estR.assumptions, boundR.facts !== null);
    details.assumptions.push(...economyAssumptions(plan.hardware, loaded.origins));
    report.details = { ...details, hardware: hardwareSummary(plan, layout.worldSize), ...origins };
  }
  return report;
}
