// Computes every check of a loaded plan. Orchestration only: each formula lives in its own
// module (layout, memory, performance, estimates, compare, balance, utilization, summary).
import { expectedExpertImbalance } from './balance.js';
import { judgeClaim, judgeMemoryClaim, judgeRequirement, type Figures, type Judgement } from './compare.js';
import { GIB } from './defaults.js';
import { meanContext } from './capacity.js';
import { economyAssumptions, economyMetrics, economyRanges, judgeCostRequirement, type ServingEconomy } from './cost.js';
import { ENGINE_LABEL, ENGINE_MEMORY_FLAG, maxRunningSequences } from './engine-memory.js';
import { compute, timeMissing } from './estimates.js';
import { fmtGiB, fmtMs, fmtRate, gib, round } from './figures.js';
import { layoutFindings } from './layout.js';
import { deriveModelFacts, paramsFromShape } from './modelFacts.js';
import { resolvePlan } from './resolve.js';
import { buildDetails, buildMetrics } from './summary.js';
import type { Check, HardwareSummary, LoadedPlan, Plan, PlanReport } from './types.js';
import { computeUtilizationCheck } from './utilization.js';
import { planVerdict } from './verdict.js';
import { planRanges, rangeContext } from './plan-ranges.js';
import { RANGE_COVERAGE, residualsFor } from './ranges.js';

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
  // a hardware alias that could mean several parts says which one it was read as (hardware.preset)
  if (path?.startsWith('hardware')) return { id: path, title: path === 'hardware.memory' ? 'Device memory' : path === 'hardware.preset' ? 'Hardware preset' : 'Hardware' };
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
  /**
   * a shorter steady state (one wave of warm-up, one measured): a layout search screens thousands
   * of candidates with it; the plan's own figures always come from the full simulation
   */
  quick?: boolean;
}

export function verifyLoadedPlan(loaded: LoadedPlan, options: VerifyOptions = {}): PlanReport {
  const { plan, lines } = loaded;
  const r = resolvePlan(plan, loaded.origins);
  // The checkpoint's MTP modules are loaded only when speculative decoding runs them.
  const factsOptions = { mtpLoaded: plan.workload.speculative?.method === 'mtp' };
  const estR = deriveModelFacts(plan.model, 'estimate', factsOptions);
  const boundR = deriveModelFacts(plan.model, 'bound', factsOptions);
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

  const c = compute(loaded, r, est, bound, { quick: options.quick === true });
  const modelMissing = estR.missing;
  const tMissing = timeMissing(r, plan);
  const wlNeed = (keys: [string, unknown][]): string[] => keys.filter(([, v]) => v === undefined).map(([k]) => k);
  const memMissing = [...modelMissing, ...wlNeed([['workload.concurrency', wl.concurrency], ['workload.input_tokens', wl.maxInputTokens], ['workload.output_tokens', wl.maxOutputTokens]])];
  const idleMissing = [...modelMissing, ...tMissing, ...wlNeed([['workload.input_tokens', wl.inputTokens]])];
  const loadKey = wl.concurrency ?? wl.requestRate;
  const loopMissing = [...idleMissing, ...wlNeed([['workload.concurrency', loadKey], ['workload.output_tokens', wl.outputTokens]])];
  // TTFT under load needs the load; a plan that states none is judged on the idle figure.
  const ttftMissing = loadKey === undefined ? idleMissing : loopMissing;

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

  // Memory, as the plan's engine counts it.
  const worst = c.memEst ? c.memEst.reduce((a, st) => (st.total > a.total ? st : a), c.memEst[0]!) : null;
  const memTotal = worst?.total ?? null;
  const memFloor = c.weightsFloor !== null ? c.weightsFloor + c.kvFloor : null;
  const capacity = hw.memory;
  const engine = ENGINE_LABEL[wl.engine];
  const maxContext = wl.maxInputTokens !== undefined && wl.maxOutputTokens !== undefined ? wl.maxInputTokens + wl.maxOutputTokens : null;
  const maxConcurrency = c.maxConcurrencyAtMaxContext;
  const given = plan.workload;
  if (given.memory_fraction !== undefined && given.memory_reserve !== undefined && Math.abs(given.memory_reserve - (1 - given.memory_fraction)) > 1e-9) {
    add({ id: 'workload.memory_fraction', status: 'warn', title: 'Memory fraction', path: 'workload.memory_fraction', value: given.memory_fraction, limit: round(1 - given.memory_reserve, 6), unit: 'fraction',
      detail: `memory_fraction ${given.memory_fraction} and memory_reserve ${given.memory_reserve} disagree (the reserve is 1 - memory_fraction in ${engine}'s meaning); memory_fraction is used` });
  }
  // The tightest device: the one whose pool has the least room beyond one sequence of the longest context.
  const tight = c.memEst && c.memEst[0]!.pool !== null
    ? c.memEst.reduce((a, st) => (st.pool! - st.kvOne < a.pool! - a.kvOne ? st : a), c.memEst[0]!) : null;
  if (capacity === undefined) {
    add({ id: 'memory.fits', status: 'unverified', title: 'Memory fits', path: 'hardware.memory', missing: ['hardware.memory'], detail: 'device memory is not given' });
  } else if (tight && tight.usable !== null) {
    const need = tight.weights + tight.activations + tight.overhead + tight.kvOne;
    const fits = need <= tight.usable * (1 + 1e-9);
    const flag = ENGINE_MEMORY_FLAG[wl.engine];
    const raised = c.raisedFraction;
    const raisedNote = raised
      ? `; ${engine}'s default ${flag} ${raised.from} leaves it no room, so the figures assume ${flag} ${raised.to}: state workload.memory_fraction`
      : '';
    const share = `${fmtGiB(tight.weights)} weights, ${fmtGiB(tight.activations)} activations, ${fmtGiB(tight.overhead)} runtime and buffers, ${fmtGiB(tight.kvOne)} KV of one sequence`;
    add({ id: 'memory.fits', status: fits ? (raised ? 'warn' : 'pass') : 'fail', title: 'Memory fits', path: raised ? 'workload.memory_fraction' : 'hardware.memory', value: gib(need), limit: gib(tight.usable), unit: 'GiB',
      detail: `one request of the longest stated length (${maxContext} tokens) needs ${fmtGiB(need)} on the most loaded device (stage ${tight.stage}: ${share}) of the ${fmtGiB(tight.usable)} ${engine} may use (${tight.rule})` +
        (fits && c.kvCapacity !== null ? `; its KV cache holds ${c.kvCapacity} tokens per replica` + (maxConcurrency !== null ? `, ${maxConcurrency} sequences of ${maxContext} tokens at once` : '') : '') +
        (fits ? '' : `: not even one request of this length can run`) + raisedNote });
  } else if (c.floorCheck && c.floorCheck.need > c.floorCheck.limit) {
    add({ id: 'memory.fits', status: 'fail', title: 'Memory fits', path: 'hardware.memory', value: gib(c.floorCheck.need), limit: gib(c.floorCheck.limit), unit: 'GiB',
      detail: `even the lower bound ${fmtGiB(c.floorCheck.need)} (weights shard${c.kvFloor > 0 ? ' + KV of one sequence of the longest length' : ''}) exceeds the ${fmtGiB(c.floorCheck.limit)} ${engine} could give weights and KV cache at most` });
  } else {
    const limit = c.floorCheck ? c.floorCheck.limit : capacity;
    add({ id: 'memory.fits', status: 'unverified', title: 'Memory fits', path: 'hardware.memory', value: gib(memFloor), limit: gib(limit), unit: 'GiB',
      missing: memMissing, detail: `cannot estimate without ${memMissing.join(', ')}` + (memFloor !== null ? `; the lower bound ${fmtGiB(memFloor)} fits` : '') });
  }

  // What the engine can hold: concurrency sequences at their mean context against its KV cache.
  const budget = c.kvBudget;
  if (budget && wl.concurrency !== undefined && wl.inputTokens !== undefined && wl.outputTokens !== undefined && c.maxRunning !== null) {
    const perReplica = Math.ceil(wl.concurrency / layout.dp);
    const context = meanContext(wl.inputTokens, wl.outputTokens);
    const byKv = maxRunningSequences({ ...budget, engineMax: null }, context, perReplica);
    const heldTokens = budget.heldTokens(budget.sharedTokens) + perReplica * (budget.heldTokens(context) - budget.heldTokens(budget.sharedTokens));
    const where = layout.dp > 1 ? ' per replica' : '';
    const sharedNote = budget.sharedTokens > 0 ? ` (a ${budget.sharedTokens}-token prompt prefix held once)` : '';
    const capNote = budget.engineMax !== null && budget.engineMax < perReplica ? `; the engine's own cap (workload.max_running_sequences) lets ${budget.engineMax}${where} run, the rest queue` : '';
    if (byKv >= perReplica) {
      add({ id: 'memory.kv_capacity', status: 'pass', title: 'KV-cache capacity', path: 'workload.concurrency', value: Math.round(heldTokens), limit: budget.capacityTokens, unit: 'tokens',
        detail: `${perReplica} sequences${where} at a mean context of ${context} tokens hold ${Math.round(heldTokens)} of the ${budget.capacityTokens} tokens of KV cache${where}${sharedNote}${capNote}` });
    } else {
      add({ id: 'memory.kv_capacity', status: 'warn', title: 'KV-cache capacity', path: 'workload.concurrency', value: Math.round(heldTokens), limit: budget.capacityTokens, unit: 'tokens',
        detail: `${perReplica} sequences${where} at a mean context of ${context} tokens need ${Math.round(heldTokens)} tokens of KV cache, more than the ${budget.capacityTokens}${where}${sharedNote}: ` +
          `${engine} runs ${c.maxRunning} of the ${wl.concurrency} at once and queues the rest (their TTFT grows)${capNote}` });
    }
  } else if (wl.concurrency !== undefined) {
    const missing = [...memMissing, ...(capacity === undefined ? ['hardware.memory'] : [])];
    add({ id: 'memory.kv_capacity', status: 'unverified', title: 'KV-cache capacity', path: 'workload.concurrency', ...(missing.length > 0 ? { missing } : {}),
      detail: missing.length > 0 ? `cannot size the KV cache without ${missing.join(', ')}` : 'cannot size the KV cache from what the plan gives' });
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
  // The estimator's track record for this plan's engine, GPU family and load: requirements inside a
  // figure's range are at risk (ranges.ts).
  const ctx = rangeContext(plan, r, c);
  const ttftRisk = { residuals: residualsFor('ttft', c.load ? ctx : rangeContext(plan, r, c, true)), kind: 'time' as const };
  const tpotRisk = { residuals: residualsFor('tpot', ctx), kind: 'time' as const };
  const rateRisk = { residuals: tpotRisk.residuals, kind: 'rate' as const };
  const rateFig: Figures = { estimate: c.throughput, bound: c.throughputBound, show: fmtRate, missing: loopMissing, risk: rateRisk, ...(why ? { why } : {}) };
  const ttftFig: Figures = { estimate: c.ttft, bound: c.ttftFloor, show: fmtMs, missing: ttftMissing, risk: ttftRisk };
  const tpotFig: Figures = { estimate: c.tpot, bound: c.tpotFloor, show: fmtMs, missing: loopMissing, risk: tpotRisk, ...(why ? { why } : {}) };
  if (req.throughput !== undefined) judge('requirements.throughput', 'Required throughput', 'requirements.throughput', req.throughput, 'tokens/s', 1, judgeRequirement(req.throughput, 'higher-is-better', rateFig), loopMissing);
  if (req.ttft !== undefined) judge('requirements.ttft', 'Required TTFT', 'requirements.ttft', req.ttft, 'ms', 1000, judgeRequirement(req.ttft, 'lower-is-better', ttftFig), ttftMissing);
  if (req.tpot !== undefined) judge('requirements.tpot', 'Required TPOT', 'requirements.tpot', req.tpot, 'ms', 1000, judgeRequirement(req.tpot, 'lower-is-better', tpotFig), loopMissing);
  // Percentiles over requests, from the simulated load; every request's TTFT is at least the idle
  // floor and its TPOT at least one sequence's step, so those floors bound every percentile too.
  const out = c.load?.outcome ?? null;
  const e2eFloor = c.ttftFloor !== null && c.tpotFloor !== null && wl.outputTokens !== undefined ? c.ttftFloor + (wl.outputTokens - 1) * c.tpotFloor : null;
  const percentiles: [keyof typeof req, string, number | null, number | null, NonNullable<Figures['risk']>][] = [
    ['ttft_p50', 'Required median TTFT', out?.ttft.p50 ?? null, c.ttftFloor, ttftRisk],
    ['ttft_p90', 'Required p90 TTFT', out?.ttft.p90 ?? null, c.ttftFloor, ttftRisk],
    ['ttft_p99', 'Required p99 TTFT', out?.ttft.p99 ?? null, c.ttftFloor, ttftRisk],
    ['tpot_p50', 'Required median TPOT', out?.tpot?.p50 ?? null, c.tpotFloor, tpotRisk],
    ['tpot_p90', 'Required p90 TPOT', out?.tpot?.p90 ?? null, c.tpotFloor, tpotRisk],
    ['tpot_p99', 'Required p99 TPOT', out?.tpot?.p99 ?? null, c.tpotFloor, tpotRisk],
    ['e2e_p99', 'Required p99 end-to-end latency', out?.e2e.p99 ?? null, e2eFloor, tpotRisk],
  ];
  for (const [key, title, estimate, floor, risk] of percentiles) {
    const required = req[key];
    if (required === undefined) continue;
    judge(`requirements.${key}`, title, `requirements.${key}`, required, 'ms', 1000, judgeRequirement(required, 'lower-is-better', { estimate, bound: floor, show: fmtMs, missing: loopMissing, risk }), loopMissing);
  }
  if (req.request_rate !== undefined) {
    const fmtRps = (v: number): string => `${v.toPrecision(3)} requests/s`;
    const j = judgeRequirement(req.request_rate, 'higher-is-better', { estimate: c.maxRequestRate, bound: c.requestRateBound, show: fmtRps, missing: loopMissing, risk: rateRisk,
      why: 'each request costs at least its prompt\'s and its output\'s FLOPs on the busiest device and its KV reads' });
    judge('requirements.request_rate', 'Required request rate (goodput)', 'requirements.request_rate', req.request_rate, 'requests/s', 1,
      { ...j, detail: `${j.detail}${c.maxRequestRate !== null ? '; goodput: the highest arrival rate at which every stated latency requirement holds' : ''}` }, loopMissing);
  }
  if (c.loadSkipped) {
    add({ id: 'load.simulation', status: 'warn', title: 'Load simulation', path: loadKey === wl.requestRate ? 'workload.request_rate' : 'workload.concurrency', detail: c.loadSkipped });
  }
  // An open loop that arrives faster than the deployment serves: queues grow without end.
  if (c.load && c.load.kind === 'open' && wl.requestRate !== undefined) {
    const served = c.load.servedRate;
    add({ id: 'load.saturation', status: c.load.saturated ? 'warn' : 'pass', title: 'Arrival rate vs service rate', path: 'workload.request_rate',
      value: round(wl.requestRate, 4), limit: round(served, 4), unit: 'requests/s',
      detail: c.load.saturated
        ? `${wl.requestRate.toPrecision(3)} requests/s arrive but the deployment completes ${served.toPrecision(3)}/s: queues grow for as long as the rate lasts; throughput is the saturation rate and TTFT grows with the run's length`
        : `the deployment keeps up: ${served.toPrecision(3)} requests/s served` });
  }
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

  const metrics = { ...buildMetrics(r, c, memTotal, memFloor, est, capacity), ...economyMetrics(economy) };
  const pr = planRanges(plan, r, c, metrics);
  metrics.range_coverage = RANGE_COVERAGE;
  const ranges = { ...pr.ranges, ...economyRanges(economy, pr.ranges.throughput_tokens_per_s) };
  const report: PlanReport = { file: loaded.file, name: plan.name, verdict: planVerdict(checks, true), checks, metrics, errors: [], ranges };
  if (options.details !== false) {
    const origins = Object.keys(loaded.origins).length > 0 ? { origins: { ...loaded.origins } } : {};
    const details = buildDetails(r, c, capacity, estR.assumptions, boundR.facts !== null);
    details.assumptions.push(...economyAssumptions(plan.hardware, loaded.origins));
    // Why the ranges are wider than validated, where they are.
    for (const why of pr.why) details.assumptions.push({ name: 'ranges', value: why, source: 'method' });
    report.details = { ...details, hardware: hardwareSummary(plan, layout.worldSize), ...origins };
  }
  return report;
}
