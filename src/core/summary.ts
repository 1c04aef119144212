// The metrics (the contract's, plus extensions) and the breakdowns behind them for reports.
import { e2eFloor, type Computed } from './estimates.js';
import { gib, round, roundFine } from './figures.js';
import type { StageMemory } from './memory.js';
import type { ModelFacts } from './modelFacts.js';
import type { Resolved } from './resolve.js';
import type { ServingEconomy } from './cost.js';
import type { DeviceMemory, HardwareSummary, Metrics, Plan, PlanDetails } from './types.js';

const ms = (s: number | null): number | null => (s === null ? null : round(s * 1000, 4));
/** A floor in ms, rounded down so it never sits above the true floor. */
const msFloor = (s: number | null): number | null => (s === null ? null : round(s * 1000, 4, 'down'));

export function buildMetrics(
  r: Resolved,
  c: Computed,
  memTotal: number | null,
  memFloor: number | null,
  est: ModelFacts | null,
  capacity: number | undefined,
): Metrics {
  // Each part at its largest over the plan's pipeline stages, as is each part's floor (a stage's floor
  // never exceeds its estimate). A disaggregated plan's figures are its most loaded pool's
  // (disagg-estimates.ts, mergeMemory), never one pool's weights with the other's KV cache.
  const maxOf = (pick: (s: StageMemory) => number): number | null => (c.memEst && c.memEst.length > 0 ? Math.max(...c.memEst.map(pick)) : null);
  return {
    world_size: r.layout.worldSize,
    weights_per_gpu_gib: gib(maxOf((s) => s.weights)),
    kv_cache_per_gpu_gib: gib(maxOf((s) => s.kv)),
    activations_per_gpu_gib: gib(maxOf((s) => s.activations)),
    memory_per_gpu_gib: gib(memTotal),
    ttft_ms: ms(c.ttft),
    ttft_idle_ms: ms(c.ttftIdle),
    tpot_ms: ms(c.tpot),
    decode_step_ms: ms(c.step),
    throughput_tokens_per_s: roundFine(c.throughput, 1, 2),
    throughput_upper_bound_tokens_per_s: roundFine(c.throughputBound, 1, 2, 'up'),
    kv_cache_capacity_tokens: c.kvCapacity,
    // Extensions.
    weights_per_gpu_lower_bound_gib: gib(c.weightsFloor, 'down'),
    memory_per_gpu_lower_bound_gib: gib(memFloor, 'down'),
    memory_utilization: memTotal !== null && capacity ? round(memTotal / capacity, 4) : null,
    ttft_lower_bound_ms: msFloor(c.ttftFloor),
    tpot_lower_bound_ms: msFloor(c.tpotFloor),
    decode_step_lower_bound_ms: msFloor(c.stepFloor),
    max_concurrency_at_max_context: c.maxConcurrencyAtMaxContext,
    max_running_sequences: c.maxRunning,
    ttft_p50_ms: ms(c.load?.outcome.ttft.p50 ?? null),
    ttft_p90_ms: ms(c.load?.outcome.ttft.p90 ?? null),
    ttft_p99_ms: ms(c.load?.outcome.ttft.p99 ?? null),
    tpot_p50_ms: ms(c.load?.outcome.tpot?.p50 ?? null),
    tpot_p90_ms: ms(c.load?.outcome.tpot?.p90 ?? null),
    tpot_p99_ms: ms(c.load?.outcome.tpot?.p99 ?? null),
    e2e_p99_ms: ms(c.load?.outcome.e2e.p99 ?? null),
    // the bound requirements.e2e_p99 is judged on (estimates.ts e2eFloor), beside the figure it bounds
    e2e_p99_lower_bound_ms: c.load?.outcome.e2e.p99 != null ? msFloor(e2eFloor(c, r.workload.outputTokens)) : null,
    max_request_rate: roundFine(c.maxRequestRate, 3, 3),
    request_rate_upper_bound: roundFine(c.requestRateBound, 3, 3, 'up'),
    compute_utilization: round(c.computeUtilization, 4),
    pipeline_bubble_fraction: round(c.bubble, 4),
    total_params: est ? Math.round(est.totalParams) : null,
    active_params_per_token: est ? Math.round(est.activeLayerParamsPerToken + est.lmHead) : null,
  };
}

export function buildDetails(r: Resolved, c: Computed, capacity: number | undefined, modelAssumptions: string[], hasBound: boolean): PlanDetails {
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
      total_floor_gib: gib(c.weightsFloor, 'down') ?? 0,
      capacity_gib: capacity !== undefined ? gib(capacity) : null,
      usable_gib: gib(m?.usable ?? null),
      kv_pool_gib: m?.pool !== null && m?.pool !== undefined ? gib(Math.max(0, m.pool)) : null,
      ...(m && m.mlaDecodeCopy > 0 ? { mla_decode_copy_gib: gib(m.mlaDecodeCopy) } : {}),
      ...(m && m.rotaryTables > 0 ? { rotary_tables_gib: gib(m.rotaryTables) } : {}),
    };
  });
  const assumptions = [
    ...r.assumptions,
    ...modelAssumptions.map((a) => ({ name: a.split(':')[0]!, value: a.slice(a.indexOf(':') + 1).trim(), source: 'default' })),
  ];
  if (c.raisedFraction) {
    assumptions.push({
      name: 'workload.memory_fraction',
      value: `${c.raisedFraction.to}: the engine's default ${c.raisedFraction.from} leaves one request of the longest length no room, and a deployment this tight sets its memory flag higher`,
      source: 'default',
    });
  }
  if (hasBound) {
    assumptions.push({
      name: 'physical bound',
      value: 'every efficiency at 1, no collective latency, communication overlapped; unknown model fields at their cheapest consistent value',
      source: 'method',
    });
  }
  return {
    devices,
    times: {
      ttft_ms: { estimate: ms(c.ttft), bound: msFloor(c.ttftFloor), unit: 'ms' },
      tpot_ms: { estimate: ms(c.tpot), bound: msFloor(c.tpotFloor), unit: 'ms' },
      decode_step_ms: { estimate: ms(c.step), bound: msFloor(c.stepFloor), unit: 'ms' },
      throughput_tokens_per_s: { estimate: roundFine(c.throughput, 1, 2), bound: roundFine(c.throughputBound, 1, 2, 'up'), unit: 'tokens/s' },
      decode_bound_by: c.boundBy,
      pipeline_bubble_fraction: round(c.bubble, 4),
      ...(c.load
        ? {
            load: {
              kind: c.load.kind,
              requests_per_replica: c.load.outcome.requests,
              measured_per_replica: c.load.outcome.measured,
              wall_time_s: round(c.load.outcome.wallTime, 4)!,
              scheduler_steps: c.load.outcome.steps,
              mean_decode_batch: round(c.load.outcome.meanBatch, 2)!,
              peak_running_sequences: c.load.outcome.peakRunning,
              busy_fraction: round(c.load.outcome.busyFraction, 4)!,
              served_requests_per_s: round(c.load.servedRate, 4)!,
              saturated: c.load.saturated,
              truncated: c.load.outcome.truncated,
            },
          }
        : {}),
    },
    assumptions,
    ...(c.kvWindow
      ? {
          kv_cache_window: {
            window_tokens: c.kvWindow.window,
            windowed_layers: c.kvWindow.layers,
            kind: c.kvWindow.kind,
            ...(c.kvWindow.padding > 0 ? { padding_layers: c.kvWindow.padding } : {}),
          },
        }
      : {}),
  };
}

export function hardwareSummary(plan: Plan, worldSize: number): HardwareSummary {
  const h = plan.hardware;
  return {
    name: h.name ?? null,
    gpus: h.gpus ?? worldSize,
    memory_bytes: h.memory ?? null,
    memory_bandwidth_bytes_per_s: h.memory_bandwidth ?? null,
    peak_flops: h.peak_tflops ?? null,
  };
}

/** What a deployment's figures cost and use (cost.ts): its devices, throughput and the plan's prices. */
export function servingEconomy(plan: Plan, gpus: number, throughput: number | null, throughputBound: number | null): ServingEconomy {
  return {
    gpus,
    throughput,
    throughputBound,
    ...(plan.hardware.cost_per_hour !== undefined ? { costPerHour: plan.hardware.cost_per_hour } : {}),
    ...(plan.hardware.power !== undefined ? { power: plan.hardware.power } : {}),
  };
}
