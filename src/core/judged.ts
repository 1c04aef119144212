// Requirements and claims, judged against a deployment's figures: each estimate and its physical
// bound (compare.ts), the simulated percentiles, goodput, memory and utilization claims.
import { judgeClaim, judgeMemoryClaim, judgeRequirement, type Figures, type Judgement } from './compare.js';
import { GIB } from './defaults.js';
import { e2eFloor, type Computed } from './estimates.js';
import { countOf, fmtGiB, round, roundFine } from './figures.js';
import { formatQuantity, formatWithRange } from '../report/format.js';
import type { ModelFacts } from './modelFacts.js';
import type { Resolved } from './resolve.js';
import type { Check, Plan } from './types.js';
import { loadedTtftResiduals, rangeContext, rangeStops } from './plan-ranges.js';
import { residualsFor } from './ranges.js';
import { judgeCostRequirement, type ServingEconomy } from './cost.js';
import { computeUtilizationCheck } from './utilization.js';
import { judgeKvCacheClaim } from './kv-claim.js';

export interface JudgeInputs {
  plan: Plan;
  /** the resolved deployment (its workload, hardware and device count) */
  r: Resolved;
  c: Computed;
  bound: ModelFacts | null;
  /** the most loaded device's memory and its floor, bytes */
  memTotal: number | null;
  memFloor: number | null;
  modelMissing: string[];
  memMissing: string[];
  loopMissing: string[];
  ttftMissing: string[];
  /** the deployment's devices, throughput and prices, for a cost requirement */
  economy: ServingEconomy;
  /** a layout search's screening (VerifyOptions.quick): statuses and figures without their sentences */
  terse?: boolean;
}

/**
 * Figures in a unit as the report shows them (report/format.ts): one figure, or one with its range,
 * in one unit and scale ("12.3k tokens/s (range 7.59k to 19.9k tokens/s)", "84.2 min (range 63.3 to 189 min)").
 */
function inUnit(unit: string, terse = false): Pick<Figures, 'show' | 'showWithRange' | 'terse'> {
  if (terse) return TERSE;
  return { show: (v) => formatQuantity(v, unit), showWithRange: (v, range) => formatWithRange(v, range, unit) };
}

// Formatting a figure with its range costs a screened candidate more than judging it: a screen's
// sentences are never read (suggest shows only candidates verified again in full).
const TERSE: Pick<Figures, 'show' | 'showWithRange' | 'terse'> = { show: () => '', showWithRange: () => '', terse: true };

/**
 * What the goodput is a rate of. A closed loop's own latencies are judged on its clients, who send in
 * step; its goodput on independent arrivals under its cap, which queue less (a reviewer read a TTFT
 * that misses 60 ms beside a goodput "at which every latency requirement holds" at the same 9.54/s).
 */
function goodputWords(wl: Resolved['workload']): string {
  const arrivals = wl.arrival === 'poisson' ? 'Poisson' : wl.arrival;
  if (wl.requestRate !== undefined) return `; goodput: the highest rate of ${arrivals} arrivals at which every stated latency requirement holds`;
  return `; goodput: the highest rate of ${arrivals} arrivals, at most ${wl.concurrency ?? 1} in flight, at which every stated latency requirement holds (this plan's own clients send in step and queue more: its latency checks judge them)`;
}

/** The latency requirements the goodput holds at every rate it counts (DistServe's goodput). */
const GOODPUT_LATENCIES: ReadonlySet<string> = new Set(
  ['ttft', 'tpot', 'ttft_p50', 'ttft_p90', 'ttft_p99', 'tpot_p50', 'tpot_p90', 'tpot_p99', 'e2e_p99'].map((k) => `requirements.${k}`),
);

/**
 * Why the goodput is zero: a latency requirement beyond its physical floor holds at no rate (name it);
 * else even the lowest rate the search tried missed one on the estimates.
 */
function zeroGoodputWords(judged: readonly Omit<Check, 'line'>[]): string {
  const impossible = judged.filter((x) => GOODPUT_LATENCIES.has(x.id) && x.status === 'fail' && x.basis === 'bound').map((x) => x.id);
  return impossible.length > 0
    ? `; no arrival rate meets ${impossible.join(', ')}, which no request can meet (below its physical floor)`
    : '; no arrival rate the search tried meets every stated latency requirement on the estimates';
}

/** How far the loaded mean TTFT sits above the idle one, where a queue shows in it. */
function queueText(c: Computed): string {
  const loaded = c.load?.outcome.ttft.mean;
  const idle = c.ttftIdle;
  if (loaded === undefined || idle === null || !(idle > 0) || loaded < 2 * idle) return '';
  return ` (mean TTFT ${formatQuantity(loaded, 's')} against ${formatQuantity(idle, 's')} idle)`;
}

/**
 * How an open loop that is not saturated keeps up. "Queues stay short" only where the loaded TTFT
 * shows none (a reviewer's Llama 8B at 24/s read it beside 1.88 s, 124 ms at 16/s). A steady loop
 * that fell short of its arrivals in the simulated window keeps up only by queueing: its capacity is
 * a closed loop's, never short of prompts to batch (DeepSeek-V3 at 10/s: 10.8 s mean TTFT, 394 ms idle).
 */
function keepsUpText(c: Computed, wl: Resolved['workload'], capacity: number | undefined, served: number): string {
  const queue = queueText(c);
  if (capacity === undefined) {
    // the check's limit is then what the run completed: a declared run's ramp and tail hold it under the
    // rate it keeps up with, which "4 requests/s vs 3.95" alone reads as falling behind
    const shortfall =
      wl.benchmark && served.toPrecision(3) !== wl.requestRate!.toPrecision(3) && served < wl.requestRate!
        ? `; the run completes ${served.toPrecision(3)}/s, lowered by its ramp and tail`
        : '';
    return `${queue ? ` with a queue${queue}` : ' (queues stay short)'}${shortfall}`;
  }
  if (wl.benchmark) return `: it completes up to ${capacity.toPrecision(3)}/s; the run's own ${served.toPrecision(3)}/s is lowered by its ramp and tail`;
  // busy throughout yet keeping up on its own: how close the rate is to what it can complete
  if (c.load?.keptUpInRun) return `${queue ? ' with a queue' : ''}: it completes up to ${capacity.toPrecision(3)}/s${queue}`;
  return ` only by queueing: it completes up to ${capacity.toPrecision(3)}/s with prompts always waiting to be batched${queue}`;
}

export function judgedChecks(inputs: JudgeInputs): Omit<Check, 'line'>[] {
  const { plan, r, c, bound, memTotal, memFloor, modelMissing, memMissing, loopMissing, ttftMissing, economy, terse } = inputs;
  const checks: Omit<Check, 'line'>[] = [];
  const wl = r.workload;
  const capacity = r.hardware.memory;
  const loadKey = wl.concurrency ?? wl.requestRate;
  // Requirements.
  const req = plan.requirements;
  const judge = (id: string, title: string, path: string, value: number, unit: string, scale: number, j: Judgement, missing: string[]): void => {
    checks.push({
      id,
      title,
      path,
      status: j.status,
      // at least 3 significant digits: a required 1e-300 s must not read as 0 beside its estimate
      value: roundFine(value * scale, 4, 3),
      limit: j.limit === null ? null : roundFine(j.limit * scale, 4, 3),
      unit,
      detail: j.detail,
      ...(j.basis !== null ? { basis: j.basis } : {}),
      ...(j.status === 'unverified' && missing.length > 0 ? { missing } : {}),
    });
  };
  const limiter = {
    memory: 'HBM bandwidth (each decode step reads the weights shard and KV cache)',
    compute: 'peak compute',
    communication: 'interconnect bandwidth',
  } as const;
  const why = c.boundDecodeBy ? `at that bound the decode step is limited by ${limiter[c.boundDecodeBy]}` : undefined;
  // A closed loop's throughput bound is its cycle's slowest term, which need not be the decode step's
  // limit: Llama 70B TP8 at 64 in flight of 2,048-token prompts is paced by their prefill FLOPs, where
  // "the decode step is limited by HBM bandwidth" sent its reader after bandwidth.
  // (a request's own lifetime is its first token and its decode steps: the decode step's limit still says it)
  const by = c.throughputBoundBy;
  const throughputWhy = by === 'compute' || by === 'communication' || by === 'request-rate' ? throughputLimitWords(by) : why;
  // The estimator's track record for this plan's engine, GPU family and load: requirements inside a
  // figure's range are at risk (ranges.ts).
  const ctx = rangeContext(plan, r, c);
  const idleResiduals = residualsFor('ttft', rangeContext(plan, r, c, true));
  // a TTFT figure's track record at its own lift over the idle TTFT, as its range (plan-ranges.ts)
  const loadedTtftRisk = (figure: number | null) => ({ residuals: loadedTtftResiduals(plan, r, c, figure), kind: 'time' as const });
  const ttftRisk = loadedTtftRisk(c.ttft);
  // the ranges stop where the report's do (plan-ranges.ts)
  const tpotRisk = { residuals: residualsFor('tpot', ctx), kind: 'time' as const };
  // with the throughput as the metrics show it, as the report's ranges are built
  const stops = rangeStops(r, c, idleResiduals, tpotRisk.residuals, roundFine(c.throughput, 1, 2));
  const rateRisk = { residuals: tpotRisk.residuals, kind: 'rate' as const };
  // Nothing runs when not one sequence fits: the loaded figures say so instead of naming keys.
  const noRoom = c.noRoom ? { unknown: 'not computable: the KV cache holds not one request of this length (see memory.fits)' } : {};
  const rateFig: Figures = {
    ...noRoom,
    estimate: c.throughput,
    bound: c.throughputBound,
    rangeBound: stops.throughputCeiling,
    slowStop: stops.throughputLow,
    ...inUnit('tokens/s', terse),
    missing: loopMissing,
    risk: rateRisk,
    ...(throughputWhy ? { why: throughputWhy } : {}),
  };
  const ttftFig: Figures = {
    ...noRoom,
    estimate: c.ttft,
    bound: c.ttftFloor,
    rangeBound: stops.ttftLow,
    ...inUnit('s', terse),
    missing: ttftMissing,
    risk: ttftRisk,
  };
  // TPOT is the gap between output tokens: with one output token there is none (not a missing key)
  const noGap = wl.outputTokens === 1 && !c.noRoom ? { unknown: 'not defined: with workload.output_tokens 1 no token follows the first' } : {};
  const tpotFig: Figures = {
    ...noRoom,
    ...noGap,
    estimate: c.tpot,
    bound: c.tpotFloor,
    ...inUnit('s', terse),
    missing: loopMissing,
    risk: tpotRisk,
    ...(why ? { why } : {}),
  };
  if (req.throughput !== undefined)
    judge(
      'requirements.throughput',
      'Required throughput',
      'requirements.throughput',
      req.throughput,
      'tokens/s',
      1,
      judgeRequirement(req.throughput, 'higher-is-better', rateFig),
      loopMissing,
    );
  if (req.ttft !== undefined)
    judge('requirements.ttft', 'Required TTFT', 'requirements.ttft', req.ttft, 'ms', 1000, judgeRequirement(req.ttft, 'lower-is-better', ttftFig), ttftMissing);
  if (req.tpot !== undefined)
    judge('requirements.tpot', 'Required TPOT', 'requirements.tpot', req.tpot, 'ms', 1000, judgeRequirement(req.tpot, 'lower-is-better', tpotFig), loopMissing);
  // Percentiles over requests, from the simulated load; every request's TTFT is at least the idle
  // floor and its TPOT at least one sequence's step, so those floors bound every percentile too.
  const out = c.load?.outcome ?? null;
  const e2eBound = e2eFloor(c, wl.outputTokens);
  const percentiles: [keyof typeof req, string, number | null, number | null, NonNullable<Figures['risk']>][] = [
    ['ttft_p50', 'Required median TTFT', out?.ttft.p50 ?? null, c.ttftFloor, loadedTtftRisk(out?.ttft.p50 ?? null)],
    ['ttft_p90', 'Required p90 TTFT', out?.ttft.p90 ?? null, c.ttftFloor, loadedTtftRisk(out?.ttft.p90 ?? null)],
    ['ttft_p99', 'Required p99 TTFT', out?.ttft.p99 ?? null, c.ttftFloor, loadedTtftRisk(out?.ttft.p99 ?? null)],
    ['tpot_p50', 'Required median TPOT', out?.tpot?.p50 ?? null, c.tpotFloor, tpotRisk],
    ['tpot_p90', 'Required p90 TPOT', out?.tpot?.p90 ?? null, c.tpotFloor, tpotRisk],
    ['tpot_p99', 'Required p99 TPOT', out?.tpot?.p99 ?? null, c.tpotFloor, tpotRisk],
    ['e2e_p99', 'Required p99 end-to-end latency', out?.e2e.p99 ?? null, e2eBound, tpotRisk],
  ];
  for (const [key, title, estimate, floor, risk] of percentiles) {
    const required = req[key];
    if (required === undefined) continue;
    judge(
      `requirements.${key}`,
      title,
      `requirements.${key}`,
      required,
      'ms',
      1000,
      judgeRequirement(required, 'lower-is-better', {
        ...noRoom,
        ...(key.startsWith('tpot') ? noGap : {}),
        estimate,
        bound: floor,
        rangeBound: key.startsWith('ttft') ? stops.ttftPercentileLow : null,
        ...inUnit('s', terse),
        missing: loopMissing,
        risk,
      }),
      loopMissing,
    );
  }
  if (req.request_rate !== undefined) {
    const fmtRps = (v: number): string => `${v.toPrecision(3)} requests/s`;
    const j = judgeRequirement(req.request_rate, 'higher-is-better', {
      ...noRoom,
      estimate: c.maxRequestRate,
      bound: c.requestRateBound,
      show: fmtRps,
      // the range as the report tables show it: the unit once, its ends rounded outward
      ...(terse ? {} : { showWithRange: (v: number, range: [number, number]) => formatWithRange(v, range, 'requests/s') }),
      missing: loopMissing,
      risk: rateRisk,
      why: rateBoundWhy(wl, c),
    });
    judge(
      'requirements.request_rate',
      'Required request rate (goodput)',
      'requirements.request_rate',
      req.request_rate,
      'requests/s',
      1,
      { ...j, detail: `${j.detail}${c.maxRequestRate !== null ? goodputWords(wl) : ''}${c.maxRequestRate === 0 ? zeroGoodputWords(checks) : ''}` },
      loopMissing,
    );
  }
  if (c.loadSkipped) {
    checks.push({
      id: 'load.simulation',
      status: 'warn',
      title: 'Load simulation',
      path: loadKey === wl.requestRate ? 'workload.request_rate' : 'workload.concurrency',
      detail: c.loadSkipped,
    });
  }
  // An open loop that arrives faster than the deployment serves: queues grow without end.
  if (c.load && c.load.kind === 'open' && wl.requestRate !== undefined) {
    const served = c.load.servedRate;
    // what it completes never short of work, where the run fell short of its arrivals (saturation.ts)
    const capacity = c.load.capacityRate;
    // With a cap in flight the queue is at the clients, and a request's TTFT counts from its send.
    const ttftUnderQueue =
      wl.concurrency !== undefined
        ? `TTFT leaves out the wait at the clients (at most ${wl.concurrency} in flight; it counts from each request's send)`
        : "TTFT grows with the run's length";
    checks.push({
      id: 'load.saturation',
      status: c.load.saturated ? 'warn' : 'pass',
      title: 'Arrival rate vs service rate',
      path: 'workload.request_rate',
      value: round(wl.requestRate, 4),
      limit: round(capacity ?? served, 4),
      unit: 'requests/s',
      detail: c.load.saturated
        ? `${wl.requestRate.toPrecision(3)} requests/s arrive but the deployment completes ${served.toPrecision(3)}/s: ${
            wl.benchmark
              ? `queues grow while the run's ${countOf(wl.benchmark.requests, 'request')} ${wl.benchmark.requests === 1 ? 'arrives' : 'arrive'}; throughput is the run's, its queue's drain included, and ${ttftUnderQueue}`
              : `queues grow for as long as the rate lasts; throughput is the saturation rate and ${ttftUnderQueue}`
          }`
        : `the deployment keeps up with the ${wl.requestRate.toPrecision(3)} requests/s that arrive${keepsUpText(c, wl, capacity, served)}`,
    });
  }
  if (req.max_memory_utilization !== undefined) {
    const u = req.max_memory_utilization;
    // vLLM, SGLang and TensorRT-LLM allocate their KV pool at start-up, whatever the load: the device
    // holds what the engine may use, not what the plan's sequences need (a 0.9 vLLM flag holds 90%)
    const reserved = c.memEst?.reduce((most, st) => Math.max(most, st.total, st.usable ?? st.total), 0) ?? memTotal;
    const util = reserved !== null && capacity !== undefined ? reserved / capacity : null;
    const floorUtil = memFloor !== null && capacity !== undefined ? memFloor / capacity : null;
    const show = (v: number): string => `${(v * 100).toFixed(1)}%`;
    const j = judgeRequirement(u, 'lower-is-better', {
      estimate: util,
      bound: floorUtil,
      show,
      missing: capacity === undefined ? ['hardware.memory'] : memMissing,
    });
    const need = memTotal !== null && capacity !== undefined ? memTotal / capacity : null;
    const held =
      util !== null && need !== null && reserved !== null && reserved > (memTotal ?? 0) * (1 + 1e-9)
        ? `: what ${wl.engine} holds from start-up (its KV pool, allocated whatever the load; the plan's sequences need ${show(need)})${j.status === 'fail' ? `; ${poolSetBy(wl) ?? 'a lower workload.memory_fraction'} holds less` : ''}`
        : '';
    judge(
      'requirements.max_memory_utilization',
      'Memory utilization',
      'requirements.max_memory_utilization',
      u,
      'fraction',
      1,
      { ...j, detail: `${j.detail}${held}` },
      memMissing,
    );
  }
  if (req.cost_per_million_tokens !== undefined) {
    // cost is gpus x price / throughput: its errors are the throughput's, inverted (a time's, like
    // TPOT's), and like the throughput it improves with load (its range follows the throughput's)
    // and so do its range's stops: the cheap end at the throughput range's ceiling, the dear end at
    // what an open loop that keeps up serves (metrics.ranges' cost is the throughput range's, inverted)
    const j = judgeCostRequirement(
      req.cost_per_million_tokens,
      economy,
      loopMissing,
      { ...tpotRisk, trend: 'improves' },
      { ceiling: stops.servedCeiling, low: stops.throughputLow },
    );
    judge(
      'requirements.cost_per_million_tokens',
      'Required cost per million tokens',
      'requirements.cost_per_million_tokens',
      req.cost_per_million_tokens,
      'USD',
      1,
      j,
      j.missing,
    );
  }

  // Claims.
  const cl = plan.claims;
  const memFig = (estimate: number | null, floor: number | null): Figures => ({ estimate, bound: floor, show: fmtGiB, missing: memMissing });
  if (cl.memory_per_gpu !== undefined)
    judge(
      'claims.memory_per_gpu',
      'Claimed memory per GPU',
      'claims.memory_per_gpu',
      cl.memory_per_gpu,
      'GiB',
      1 / GIB,
      judgeMemoryClaim(cl.memory_per_gpu, memFig(memTotal, memFloor)),
      memMissing,
    );
  if (cl.weights_per_gpu !== undefined) {
    const w = c.memEst ? Math.max(...c.memEst.map((s) => s.weights)) : null;
    judge(
      'claims.weights_per_gpu',
      'Claimed weights per GPU',
      'claims.weights_per_gpu',
      cl.weights_per_gpu,
      'GiB',
      1 / GIB,
      judgeMemoryClaim(cl.weights_per_gpu, { ...memFig(w, c.weightsFloor), missing: modelMissing }),
      modelMissing,
    );
  }
  if (cl.kv_cache_per_gpu !== undefined) {
    // the pool the engine allocates, a capacity (kv-claim.ts): below it a claim is conservative
    const missing = [...memMissing, ...(capacity === undefined ? ['hardware.memory'] : [])];
    judge(
      'claims.kv_cache_per_gpu',
      'Claimed KV cache per GPU',
      'claims.kv_cache_per_gpu',
      cl.kv_cache_per_gpu,
      'GiB',
      1 / GIB,
      judgeKvCacheClaim(cl.kv_cache_per_gpu, {
        memEst: c.memEst,
        capacity,
        weightsFloor: c.weightsFloor,
        workload: wl,
        missing,
        show: fmtGiB,
      }),
      missing,
    );
  }
  if (cl.throughput !== undefined)
    judge(
      'claims.throughput',
      'Claimed throughput',
      'claims.throughput',
      cl.throughput,
      'tokens/s',
      1,
      beyondOffered(judgeClaim(cl.throughput, 'higher-is-better', rateFig), cl.throughput, r),
      loopMissing,
    );
  if (cl.ttft !== undefined)
    judge('claims.ttft', 'Claimed TTFT', 'claims.ttft', cl.ttft, 'ms', 1000, judgeClaim(cl.ttft, 'lower-is-better', ttftFig), ttftMissing);
  if (cl.tpot !== undefined)
    judge('claims.tpot', 'Claimed TPOT', 'claims.tpot', cl.tpot, 'ms', 1000, judgeClaim(cl.tpot, 'lower-is-better', tpotFig), loopMissing);
  if (cl.memory_utilization !== undefined && capacity !== undefined) {
    const j = judgeMemoryClaim(cl.memory_utilization * capacity, memFig(memTotal, memFloor));
    judge(
      'claims.memory_utilization',
      'Claimed memory utilization',
      'claims.memory_utilization',
      cl.memory_utilization,
      'fraction',
      1,
      { ...j, limit: j.limit === null ? null : j.limit / capacity },
      memMissing,
    );
  }
  if (cl.kv_cache_capacity_tokens !== undefined) {
    const j = judgeClaim(cl.kv_cache_capacity_tokens, 'higher-is-better', {
      estimate: c.kvCapacity,
      bound: c.kvCapacityBound,
      why: "that bound is every device's whole memory less its weights shard, all of it KV cache",
      boundIsCapacity: true,
      show: (v) => `${Math.round(v)} tokens`,
      missing: [...modelMissing, ...(capacity === undefined ? ['hardware.memory'] : [])],
    });
    judge(
      'claims.kv_cache_capacity_tokens',
      'Claimed KV-cache capacity',
      'claims.kv_cache_capacity_tokens',
      cl.kv_cache_capacity_tokens,
      'tokens',
      1,
      j,
      modelMissing,
    );
  }
  if (cl.compute_utilization !== undefined) checks.push(computeUtilizationCheck(plan, r, bound, c, cl.compute_utilization, loopMissing));

  return checks;
}

/**
 * An open loop cannot serve more output than its arrivals bring (request_rate x output_tokens) for
 * long: a claim beyond that contradicts the plan's own load. Not a physical bound (a finite run's
 * random arrivals can outrun the rate for a while), so the verdict stays; the detail says so.
 */
function beyondOffered(j: Judgement, claimed: number, r: Resolved): Judgement {
  const wl = r.workload;
  if (wl.requestRate === undefined || wl.outputTokens === undefined) return j;
  const offered = wl.requestRate * wl.outputTokens;
  if (claimed <= offered * 1.05) return j;
  const rate = formatQuantity(wl.requestRate, 'requests/s');
  return {
    ...j,
    detail: `${j.detail}; it is ${(claimed / offered).toFixed(1)}x what the load's arrivals offer (${rate} x ${wl.outputTokens} output tokens = ${formatQuantity(offered, 'tokens/s')}), which no steady run exceeds`,
  };
}

/** What sets the KV pool vLLM allocates when the plan fixes it (its memory fraction is then unused): a smaller one holds less. */
function poolSetBy(wl: { engine: string; kvCacheTokens: number | null; kvCacheMemory: number | null }): string | null {
  if (wl.engine !== 'vllm') return null;
  if (wl.kvCacheTokens !== null) return 'a smaller workload.kv_cache_tokens';
  return wl.kvCacheMemory !== null ? 'a smaller workload.kv_cache_memory' : null;
}

/** What sets a throughput bound that is not the decode step's own limit (estimates.ts, throughputBoundBy). */
function throughputLimitWords(by: 'compute' | 'communication' | 'request-rate'): string {
  switch (by) {
    case 'compute':
      return "at that bound peak compute limits it: each request's prompt (prefill) and its decode steps' FLOPs on the busiest device";
    case 'communication':
      return "at that bound interconnect bandwidth limits it: each request's prefill and decode collectives";
    case 'request-rate':
      return "at that bound requests complete no faster than the deployment can serve them: each costs at least its prompt's and its output's FLOPs on the busiest device and its KV reads";
  }
}

/**
 * What sets the request-rate bound: the work each request costs, or, for a closed loop, its clients,
 * whose ceiling is the throughput bound over each request's output (estimates.ts, requestRateBound).
 */
function rateBoundWhy(wl: Resolved['workload'], c: Computed): string {
  const clientsBound =
    wl.concurrency !== undefined && wl.requestRate === undefined && c.throughputBound !== null && wl.outputTokens !== undefined
      ? c.throughputBound / wl.outputTokens
      : null;
  if (clientsBound !== null && c.requestRateBound !== null && c.requestRateBound >= clientsBound * (1 - 1e-9)) {
    return `with ${countOf(wl.concurrency!, 'request')} in flight (workload.concurrency), requests complete at most at the throughput bound (throughput_upper_bound_tokens_per_s) over ${wl.outputTokens} output tokens each`;
  }
  return "each request costs at least its prompt's and its output's FLOPs on the busiest device and its KV reads";
}
