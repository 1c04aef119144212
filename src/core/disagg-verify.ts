// Every check of a disaggregated plan (contract v1.1, "Disaggregated prefill and decode"): each pool
// checked like a plan of its own (layout, memory) under its pool's prefix, the devices adding up,
// the KV transfer, the balance of the pools, then the deployment's requirements and claims against
// the figures of the two-pool simulation.
import { BALANCE_MIN_BUSY, balancedMix, mixName } from './disagg-balance.js';
import { computeDisaggregated, type DisaggFigures } from './disagg-estimates.js';
import { POOLS, poolLayoutText, poolPath, poolsTotal, resolvePools, type Pool, type PoolName } from './disagg-pools.js';
import { timeMissing } from './estimates.js';
import { countOf, gib, round } from './figures.js';
import { formatQuantity } from '../report/format.js';
import { judgedChecks } from './judged.js';
import { gbPerS, kvTransferRateText } from './kv-transfer.js';
import { layoutFindings } from './layout.js';
import { balanceChecks } from './layout-balance.js';
import { memoryChecks } from './memory-checks.js';
import { mostLoaded } from './memory.js';
import { deriveModelFacts, factsOptionsOf } from './modelFacts.js';
import { planChecks } from './plan-checks.js';
import { reportRanges } from './plan-ranges.js';
import type { Resolved } from './resolve.js';
import { buildDetails, buildMetrics, hardwareSummary, servingEconomy } from './summary.js';
import type { Assumption, Check, DisaggregationDetails, LoadedPlan, PlanReport, PoolDetails } from './types.js';
import { planVerdict } from './verdict.js';
import { withholdOnBlockedDeployment } from './withheld.js';
import { economyAssumptions, economyMetrics } from './cost.js';
import { unreadLayout, unreadLayoutCheck } from './unread-layout.js';

/** A time in seconds as the report shows it (41.2 ms, 1.23 s, 84.2 min). */
const fmtS = (s: number): string => formatQuantity(s, 's');

export interface DisaggVerifyOptions {
  details?: boolean;
  /** a shorter steady state for a layout search's screening (VerifyOptions.quick) */
  quick?: boolean;
  /** line of a key, or of its nearest ancestor the file sets */
  lineOf: (lines: Record<string, number>, path: string | undefined) => number | undefined;
}

const POOL_LABEL: Record<PoolName, string> = { prefill: 'prefill', decode: 'decode' };

export function verifyDisaggregatedPlan(loaded: LoadedPlan, options: DisaggVerifyOptions): PlanReport {
  const { plan, lines } = loaded;
  const pools = resolvePools(loaded);
  const factsOptions = factsOptionsOf(plan);
  const estR = deriveModelFacts(plan.model, 'estimate', factsOptions);
  const boundR = deriveModelFacts(plan.model, 'bound', factsOptions);
  // a pool's imported layout that could not be read: the figures (which need both pools) are unverified
  const unread = { prefill: unreadLayout(loaded, 'disaggregation.prefill.parallelism.'), decode: unreadLayout(loaded, 'disaggregation.decode.parallelism.') };
  const anyUnread = unread.prefill.length + unread.decode.length > 0;
  const est = anyUnread ? null : estR.facts;
  const bound = anyUnread ? null : boundR.facts;
  const checks: Check[] = [];
  const add = (c: Omit<Check, 'line'>): void => {
    const line = options.lineOf(lines, c.path);
    checks.push(line === undefined ? c : { ...c, line });
  };
  const addPool = (name: PoolName, c: Omit<Check, 'line'>): void => {
    const path = poolPath(name, c.path);
    add({
      ...c,
      id: `${name}.${c.id}`,
      title: `${c.title} (${POOL_LABEL[name]})`,
      detail: c.detail.replaceAll('hardware.gpus', `disaggregation.${name}.gpus`),
      ...(path !== undefined ? { path } : {}),
      ...(c.missing ? { missing: c.missing.map((m) => poolPath(name, m) ?? m) } : {}),
    });
  };

  // The devices add up.
  const total = poolsTotal(plan);
  const sum = `${pools.prefill.workers} x ${pools.prefill.gpus} prefill + ${pools.decode.workers} x ${pools.decode.gpus} decode = ${total}`;
  if (plan.hardware.gpus === undefined) {
    add({
      id: 'layout.world_size',
      status: 'pass',
      title: 'World size',
      path: 'disaggregation',
      value: total,
      limit: total,
      detail: `${sum} devices (hardware.gpus is not given: taken as the pools' total)`,
    });
  } else {
    const ok = plan.hardware.gpus === total;
    add({
      id: 'layout.world_size',
      status: ok ? 'pass' : 'fail',
      title: 'World size',
      path: ok ? 'disaggregation' : 'hardware.gpus',
      value: total,
      limit: plan.hardware.gpus,
      detail: ok ? `${sum} = hardware.gpus` : `${sum} devices, but hardware.gpus is ${plan.hardware.gpus}`,
    });
  }

  const figures = computeDisaggregated(loaded, pools, est, bound, plan.hardware.gpus ?? total, { quick: options.quick === true });
  const modelMissing = [...estR.missing, ...[...unread.prefill, ...unread.decode].map(([path]) => path)];
  const wlNeed = (keys: [string, unknown][]): string[] => keys.filter(([, v]) => v === undefined).map(([k]) => k);

  // Each pool as a plan of its own.
  for (const name of POOLS) {
    const pool = pools[name];
    const c = figures.pools[name].c;
    const pwl = pool.r.workload;
    if (unread[name].length > 0) addPool(name, unreadLayoutCheck(unread[name]));
    else
      for (const f of layoutFindings(plan.model, pool.r.layout, pool.r.hardware)) {
        // The deployment's node check is the deployment's, not a worker's.
        if (f.id !== 'layout.nodes') addPool(name, f);
      }
    for (const b of balanceChecks(pool.plan, pool.r, c, est ?? bound, name === 'prefill' ? pwl.maxBatchedTokens : undefined)) addPool(name, b);
    const memMissing = [
      ...modelMissing,
      ...wlNeed([
        ['workload.concurrency', pwl.concurrency],
        ['workload.input_tokens', pwl.maxInputTokens],
        ['workload.output_tokens', pwl.maxOutputTokens],
      ]),
    ];
    for (const m of memoryChecks(pool.plan, pool.r, c, memMissing)) {
      // A prefill worker holds its prompts only until their caches leave: capacity is the decode pool's question.
      if (name === 'prefill' && m.id === 'memory.kv_capacity') continue;
      addPool(name, m);
    }
  }
  if (total > (pools.decode.r.hardware.gpusPerNode ?? 8) && total % pools.decode.r.hardware.gpusPerNode !== 0) {
    add({
      id: 'layout.nodes',
      status: 'warn',
      title: 'Whole nodes',
      path: 'hardware.gpus',
      value: total,
      limit: pools.decode.r.hardware.gpusPerNode,
      detail: `${total} devices do not fill whole nodes of ${pools.decode.r.hardware.gpusPerNode}`,
    });
  }
  for (const p of planChecks(loaded)) add(p);

  // What the figures need.
  const wl = pools.decode.r.workload;
  const linkMissing = figures.link.bandwidth === undefined ? ['disaggregation.kv_transfer.bandwidth'] : [];
  const tMissing = [...new Set([...timeMissing(pools.prefill.r, pools.prefill.plan), ...timeMissing(pools.decode.r, pools.decode.plan), ...linkMissing])];
  const concurrency = plan.workload.concurrency;
  const memMissing = [
    ...modelMissing,
    ...wlNeed([
      ['workload.concurrency', concurrency],
      ['workload.input_tokens', wl.maxInputTokens],
      ['workload.output_tokens', wl.maxOutputTokens],
    ]),
  ];
  const idleMissing = [...modelMissing, ...tMissing, ...wlNeed([['workload.input_tokens', wl.inputTokens]])];
  const loadKey = concurrency ?? plan.workload.request_rate;
  const loopMissing = [
    ...idleMissing,
    ...wlNeed([
      ['workload.concurrency', loadKey],
      ['workload.output_tokens', wl.outputTokens],
    ]),
  ];
  const ttftMissing = loadKey === undefined ? idleMissing : loopMissing;

  add(kvTransferCheck(figures, pools, idleMissing));
  add(balanceCheck(figures, pools, total, loopMissing));

  // The deployment's requirements and claims, on the two-pool figures.
  const c = figures.deployment;
  const r = deploymentResolved(pools, plan.hardware.gpus ?? total, concurrency, plan.workload.request_rate);
  const worst = mostLoaded(c.memEst);
  const memTotal = worst?.total ?? null;
  const floors = POOLS.map((n) => figures.pools[n].c).map((pc) => (pc.weightsFloor !== null ? pc.weightsFloor + pc.kvFloor : null));
  const memFloor = floors.some((f) => f === null) ? null : Math.max(...(floors as number[]));
  const gpus = plan.hardware.gpus ?? total;
  const economy = servingEconomy(plan, gpus, c.throughput, c.throughputBound);
  for (const j of judgedChecks({
    plan,
    r,
    c,
    bound,
    memTotal,
    memFloor,
    modelMissing,
    memMissing,
    loopMissing,
    ttftMissing,
    economy,
    terse: options.quick === true,
  }))
    add(j);

  const capacity = plan.hardware.memory;
  // Object.assign, not a spread: spreading a second object of this many keys costs V8 some 15 µs, a
  // search's thousands of verifications a tenth of their time
  const metrics = Object.assign(buildMetrics(r, c, memTotal, memFloor, est, capacity), economyMetrics(economy));
  metrics.world_size = gpus;
  Object.assign(metrics, disaggMetrics(figures, pools));
  const pr = reportRanges(plan, r, c, metrics, economy, options.quick === true);
  const judged = withholdOnBlockedDeployment(checks);
  const report: PlanReport = { file: loaded.file, name: plan.name, verdict: planVerdict(judged, true), checks: judged, metrics, errors: [], ranges: pr.ranges };
  if (options.details !== false) {
    const details = buildDetails(r, c, capacity, estR.assumptions, bound !== null);
    details.assumptions = [...poolAssumptions(pools), ...details.assumptions.slice(r.assumptions.length), ...disaggAssumptions(figures)];
    details.assumptions.push(...economyAssumptions(plan.hardware, loaded.origins));
    for (const why of pr.why) details.assumptions.push({ name: 'ranges', value: why, source: 'method' });
    details.disaggregation = disaggDetails(figures, pools, capacity, plan.model.moe !== undefined);
    // The deployment's devices are those of the pool whose figures the metrics give, each with its own pool's floor.
    details.devices = details.disaggregation[figures.heaviestPool].devices;
    const origins = Object.keys(loaded.origins).length > 0 ? { origins: { ...loaded.origins } } : {};
    report.details = { ...details, hardware: hardwareSummary(plan, gpus), ...origins };
  }
  return report;
}

/** The deployment as one Resolved for the checks that read it: the decode pool's engine and workload, all the devices. */
function deploymentResolved(pools: Record<PoolName, Pool>, gpus: number, concurrency: number | undefined, requestRate: number | undefined): Resolved {
  const dr = pools.decode.r;
  return {
    layout: { ...dr.layout, worldSize: gpus },
    hardware: { ...dr.hardware, gpus },
    workload: { ...dr.workload, concurrency, requestRate },
    assumptions: dr.assumptions,
  };
}

function kvTransferCheck(f: DisaggFigures, pools: Record<PoolName, Pool>, missing: string[]): Omit<Check, 'line'> {
  const base = { id: 'disaggregation.kv_transfer', title: 'KV cache transfer', path: 'disaggregation.kv_transfer', unit: 'ms' };
  if (f.transfer === null || f.kvBytes === null) {
    return { ...base, status: 'unverified', missing, detail: `cannot size the transfer without ${missing.join(', ') || 'the model and the link'}` };
  }
  const input = pools.decode.r.workload.inputTokens!;
  const mean = f.outcome ? f.outcome.meanTransfer : null;
  const rate = f.transferRate;
  const at = rate ? kvTransferRateText(rate, f.link.source) : `${gbPerS(f.link.bandwidth!)} per GPU (${f.link.source})`;
  const latency = f.link.latency > 0 ? `, plus ${fmtS(f.link.latency)} latency` : '';
  return {
    ...base,
    status: 'pass',
    value: round(f.transfer * 1000, 4),
    limit: f.transferFloor === null ? null : round(f.transferFloor * 1000, 4, 'down'),
    detail:
      `a ${input}-token prompt's cache (${(f.kvBytes / 2 ** 20).toFixed(1)} MiB) moves to its decode worker in ${fmtS(f.transfer)} at ${at}${latency}` +
      (f.transferFloor !== null
        ? `; floor ${fmtS(f.transferFloor)} (every byte out of the prefill worker's ${countOf(pools.prefill.gpus, 'GPU')} at full bandwidth)`
        : '') +
      (mean !== null ? `; ${fmtS(mean)} on average under the load (transfers from one attention rank queue on its link)` : ''),
  };
}

function balanceCheck(f: DisaggFigures, pools: Record<PoolName, Pool>, totalGpus: number, missing: string[]): Omit<Check, 'line'> {
  const base = { id: 'disaggregation.balance', title: 'Prefill/decode balance', path: 'disaggregation', unit: 'fraction' };
  const out = f.outcome;
  if (!out || f.decodeLoad === null) {
    return {
      ...base,
      status: 'unverified',
      ...(missing.length > 0 ? { missing } : {}),
      detail: missing.length > 0 ? `cannot simulate the load without ${missing.join(', ')}` : 'the load was not simulated',
    };
  }
  // Prefill work is its busy time; decode work is its output rate against its rate with every slot
  // running (a decode worker steps whenever one sequence runs).
  const busy = { prefill: out.prefillBusy, decode: f.decodeLoad };
  const workers = { prefill: pools.prefill.workers, decode: pools.decode.workers };
  const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;
  const now =
    `${mixName(workers)}: the prefill pool is busy ${pct(busy.prefill)} of the time; the decode pool runs ${out.decodeRunning.toFixed(0)} of its ` +
    `${countOf(f.decodeSlots ?? 0, 'sequence')} per worker on average, ${pct(busy.decode)} of the tokens it could make with every slot running ` +
    `(decode_capacity_utilization; decode_utilization, ${pct(out.decodeBusy)}, counts the time it steps at all, which it does whenever one sequence runs)`;
  const idle = (['prefill', 'decode'] as const).filter((n) => busy[n] < BALANCE_MIN_BUSY);
  const advice = balancedMix(busy, workers, { prefill: pools.prefill.gpus, decode: pools.decode.gpus }, totalGpus);
  const value = round(Math.min(busy.prefill, busy.decode), 4);
  if (idle.length === 0) return { ...base, status: 'pass', value, limit: BALANCE_MIN_BUSY, detail: now };
  let say: string;
  if (advice === null) say = 'no worker mix can be derived from it';
  else if (advice.mix.prefill === workers.prefill && advice.mix.decode === workers.decode) {
    // the ratio that would balance the work, even where no whole-worker mix of these GPUs reaches it
    say =
      `the work needs ${advice.need.prefill.toFixed(2)} prefill and ${advice.need.decode.toFixed(2)} decode workers at full use (${balancingRatio(advice.need)}), ` +
      `but no other whole-worker mix of these worker sizes on ${totalGpus} GPUs serves more: the idle share comes from the load (${idle.length === 2 ? 'too light for either pool' : `the ${idle[0] === 'prefill' ? 'decode' : 'prefill'} pool paces it`}), not the ratio`;
  } else {
    say =
      `the work needs ${advice.need.prefill.toFixed(2)} prefill and ${advice.need.decode.toFixed(2)} decode workers at full use: about ${mixName(advice.mix)} ` +
      `(${advice.gpus} GPUs) would balance them and serve ${advice.headroom.toFixed(2)}x this load before either pool saturates`;
  }
  return {
    ...base,
    status: 'warn',
    value,
    limit: BALANCE_MIN_BUSY,
    detail: `${now}: the ${idle.join(' and the ')} pool${idle.length > 1 ? 's idle' : ' idles'} more than ${pct(1 - BALANCE_MIN_BUSY)}; ${say}`,
  };
}

/** "prefill:decode about 5.9:1" (the larger pool's side over the smaller's). */
function balancingRatio(need: { prefill: number; decode: number }): string {
  const ratio = need.prefill >= need.decode ? `${(need.prefill / need.decode).toFixed(1)}:1` : `1:${(need.decode / need.prefill).toFixed(1)}`;
  return `prefill:decode about ${ratio} would balance them`;
}

function disaggMetrics(f: DisaggFigures, pools: Record<PoolName, Pool>): Record<string, number | null> {
  const ms = (s: number | null): number | null => (s === null ? null : round(s * 1000, 4));
  const memOf = (name: PoolName): number | null => {
    const mem = f.pools[name].c.memEst;
    return mem ? gib(Math.max(...mem.map((s) => s.total))) : null;
  };
  return {
    prefill_workers: pools.prefill.workers,
    decode_workers: pools.decode.workers,
    prefill_gpus_per_worker: pools.prefill.gpus,
    decode_gpus_per_worker: pools.decode.gpus,
    prefill_utilization: f.outcome ? round(f.outcome.prefillBusy, 4) : null,
    decode_utilization: f.outcome ? round(f.outcome.decodeBusy, 4) : null,
    decode_capacity_utilization: round(f.decodeLoad, 4),
    decode_mean_running_sequences: f.outcome ? round(f.outcome.decodeRunning, 2) : null,
    kv_transfer_ms: ms(f.outcome ? f.outcome.meanTransfer : f.transfer),
    kv_transfer_lower_bound_ms: f.transferFloor === null ? null : round(f.transferFloor * 1000, 4, 'down'),
    kv_transfer_mib_per_request: f.kvBytes === null ? null : round(f.kvBytes / 2 ** 20, 3),
    prefill_memory_per_gpu_gib: memOf('prefill'),
    decode_memory_per_gpu_gib: memOf('decode'),
    prefill_kv_cache_capacity_tokens: f.pools.prefill.c.kvCapacity,
    decode_kv_cache_capacity_tokens: f.pools.decode.c.kvCapacity,
    decode_running_sequences_per_worker: f.decodeSlots,
    ttft_idle_ms: ms(f.deployment.ttftIdle),
  };
}

/** Each pool's assumptions, said once when both pools make the same one. */
function poolAssumptions(pools: Record<PoolName, Pool>): Assumption[] {
  const key = (a: Assumption): string => `${a.name}=${a.value}`;
  const inDecode = new Set(pools.decode.r.assumptions.map(key));
  const inPrefill = new Set(pools.prefill.r.assumptions.map(key));
  const out: Assumption[] = [];
  for (const a of pools.prefill.r.assumptions) out.push(inDecode.has(key(a)) ? a : { ...a, name: `prefill: ${a.name}` });
  for (const a of pools.decode.r.assumptions) if (!inPrefill.has(key(a))) out.push({ ...a, name: `decode: ${a.name}` });
  return out;
}

function disaggAssumptions(f: DisaggFigures): Assumption[] {
  const out: Assumption[] = [
    {
      name: 'disaggregated serving',
      value:
        'a request is admitted when a decode worker reserves its KV slot; prefill workers take admitted prompts oldest first in prefill-only passes; the cache then moves to the decode worker, which takes the request in at its next step and streams the first token then (a step later with an overlap scheduler)',
      source: 'method',
    },
    {
      name: 'disaggregation.kv_transfer.bandwidth',
      value:
        f.link.bandwidth === undefined
          ? 'not given'
          : `${gbPerS(f.link.bandwidth)} per GPU (${f.link.source})${f.transferRate ? `, used at network efficiency ${f.transferRate.efficiency}: ${gbPerS(f.link.bandwidth * f.transferRate.efficiency)} per link` : ''}; transfers from one attention rank of a prefill worker share its link`,
      source: f.link.source.startsWith('disaggregation') ? 'plan' : 'default',
    },
  ];
  return out;
}

function disaggDetails(f: DisaggFigures, pools: Record<PoolName, Pool>, capacity: number | undefined, moe: boolean): DisaggregationDetails {
  const pool = (name: PoolName): PoolDetails => {
    const p = pools[name];
    const c = f.pools[name].c;
    const devices = buildDetails(p.r, c, capacity, [], false).devices;
    const out: PoolDetails = {
      workers: p.workers,
      gpus_per_worker: p.gpus,
      gpus: p.workers * p.gpus,
      layout: poolLayoutText(p.r, moe),
      devices,
      utilization: f.outcome ? round(name === 'prefill' ? f.outcome.prefillBusy : f.outcome.decodeBusy, 4) : null,
      // c.kvCapacity is one replica's (one attention-DP rank's, as the engine logs it); a worker holds dp of them
      kv_cache_capacity_tokens: c.kvCapacity === null ? null : c.kvCapacity * p.r.layout.dp,
    };
    if (name === 'prefill') out.max_batched_tokens = p.r.workload.maxBatchedTokens;
    else out.max_running_sequences = f.decodeSlots;
    return out;
  };
  const ms = (s: number | null): number | null => (s === null ? null : round(s * 1000, 4));
  return {
    prefill: pool('prefill'),
    decode: pool('decode'),
    decode_step_at: f.stepAt,
    kv_transfer: {
      bandwidth_gb_per_s: f.link.bandwidth === undefined ? null : round(f.link.bandwidth / 1e9, 3),
      effective_gb_per_s: f.transferRate === null ? null : round(f.transferRate.effective / 1e9, 3),
      latency_ms: round(f.link.latency * 1000, 4) ?? 0,
      link: f.link.source,
      bytes_per_prompt_mib: f.kvBytes === null ? null : round(f.kvBytes / 2 ** 20, 3),
      estimate_ms: ms(f.transfer),
      mean_ms: ms(f.outcome ? f.outcome.meanTransfer : null),
      lower_bound_ms: f.transferFloor === null ? null : round(f.transferFloor * 1000, 4, 'down'),
    },
  };
}
