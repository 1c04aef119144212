// The two pools of a disaggregated plan, each as a plan of its own: one worker of the pool with its
// layout, so the per-plan machinery (layout rules, engine memory, pass costs) applies unchanged.
// docs/formulas.md, "Disaggregated prefill and decode".
import { resolvePlan, type Resolved } from './resolve.js';
import type { LoadedPlan, Plan, PoolSpec, WorkloadSpec } from './types.js';

export type PoolName = 'prefill' | 'decode';
export const POOLS: readonly PoolName[] = ['prefill', 'decode'];

export interface Pool {
  name: PoolName;
  spec: PoolSpec;
  workers: number;
  /** devices of one worker */
  gpus: number;
  /** one worker as a plan of its own */
  plan: Plan;
  r: Resolved;
}

const worldOf = (p: PoolSpec): number => {
  const l = p.parallelism ?? {};
  return (l.tp ?? 1) * (l.pp ?? 1) * (l.dp ?? 1) * (l.cp ?? 1);
};

/** Devices per worker: as stated, else the world size of the pool's layout. */
export function poolGpus(p: PoolSpec): number {
  return p.gpus ?? worldOf(p);
}

/** The devices of both pools together. */
export function poolsTotal(plan: Plan): number {
  const d = plan.disaggregation!;
  return (d.prefill.workers ?? 1) * poolGpus(d.prefill) + (d.decode.workers ?? 1) * poolGpus(d.decode);
}

/**
 * The workload one worker of the pool sees. Prefill: one prompt of the longest length per attention
 * rank at a time (its pass holds at most max_batched_tokens per rank; no output is generated there).
 * Decode: its share of the deployment's requests, each at full length, capped by its engine.
 */
function poolWorkload(plan: Plan, name: PoolName, spec: PoolSpec, workers: number): WorkloadSpec {
  // A pool's own memory flag replaces the workload's (and the reserve it implies).
  const w: WorkloadSpec = spec.memory_fraction === undefined ? plan.workload : { ...plan.workload, memory_fraction: spec.memory_fraction };
  if (spec.memory_fraction !== undefined) delete w.memory_reserve;
  const dp = spec.parallelism?.dp ?? 1;
  if (name === 'prefill') {
    const out: WorkloadSpec = { ...w, concurrency: dp, output_tokens: 1, max_output_tokens: 1 };
    delete out.request_rate;
    delete out.max_running_sequences;
    delete out.benchmark;
    if (spec.max_batched_tokens !== undefined) out.max_batched_tokens = spec.max_batched_tokens;
    else delete out.max_batched_tokens;
    return out;
  }
  const out: WorkloadSpec = { ...w };
  if (w.concurrency !== undefined) out.concurrency = Math.max(1, Math.ceil(w.concurrency / workers));
  if (w.request_rate !== undefined) out.request_rate = w.request_rate / workers;
  if (spec.max_running_sequences !== undefined) out.max_running_sequences = spec.max_running_sequences;
  else delete out.max_running_sequences;
  return out;
}

/** One worker of the pool as an aggregated plan (no requirements, no claims: those are the deployment's). */
export function poolPlan(plan: Plan, name: PoolName): Plan {
  const spec = plan.disaggregation![name];
  const workers = spec.workers ?? 1;
  const total = plan.hardware.gpus ?? poolsTotal(plan);
  const pool: Plan = {
    version: 1,
    name: `${plan.name} (${name})`,
    model: plan.model,
    // Node size: the plan's, else the core's default for the whole deployment (not for one worker).
    hardware: { ...plan.hardware, gpus: poolGpus(spec), gpus_per_node: plan.hardware.gpus_per_node ?? Math.min(8, total) },
    parallelism: spec.parallelism ?? {},
    workload: poolWorkload(plan, name, spec, workers),
    requirements: {},
    claims: {},
  };
  if (plan.deployment?.engine !== undefined) pool.deployment = { engine: plan.deployment.engine };
  return pool;
}

export function resolvePools(loaded: LoadedPlan): Record<PoolName, Pool> {
  const plan = loaded.plan;
  const make = (name: PoolName): Pool => {
    const spec = plan.disaggregation![name];
    const p = poolPlan(plan, name);
    // the pool's command's default flag, else the workload's (as poolWorkload takes the workload's flag)
    const defaulted = loaded.defaulted ?? {};
    const r = resolvePlan(p, loaded.origins, defaulted[`disaggregation.${name}.memory_fraction`] ?? defaulted['workload.memory_fraction']);
    if (name === 'prefill' && spec.max_batched_tokens === undefined) {
      // The engine's own budget, raised to the longest prompt: a prefill worker takes several short
      // prompts per pass and never chunks one (TensorRT-LLM context servers need max_num_tokens >= the prompt).
      const longest = r.workload.maxInputTokens ?? 0;
      const engineBudget = r.workload.maxBatchedTokens;
      r.workload = { ...r.workload, maxBatchedTokens: Math.max(engineBudget, longest) };
      r.assumptions = r.assumptions.filter((a) => a.name !== 'workload.max_batched_tokens');
      r.assumptions.push({
        name: 'disaggregation.prefill.max_batched_tokens',
        value: `${r.workload.maxBatchedTokens} per attention rank (the engine's ${engineBudget}, at least the longest prompt)`,
        source: 'default',
      });
    }
    // TensorRT-LLM's prompt holds act only where one pass mixes prompts with decodes; a pool never
    // does (a context server has no decodes, a generation server no prompts): each is off, and says so.
    const ignore = (key: string, off: Partial<Resolved['workload']>, why: string): void => {
      r.workload = { ...r.workload, ...off };
      r.assumptions = r.assumptions.filter((a) => a.name !== key);
      r.assumptions.push({ name: key, value: `ignored: a disaggregated pool (${why})`, source: 'plan' });
    };
    if (plan.workload.attention_dp_balance_timeout_steps !== undefined)
      ignore(
        'workload.attention_dp_balance_timeout_steps',
        { dpBalanceTimeout: 0 },
        'a context server has no decodes to hold prompts for, a generation server no prompts',
      );
    if (plan.workload.batch_wait_timeout_steps !== undefined || plan.workload.batch_wait_max_tokens_ratio !== undefined)
      ignore('workload.batch_wait_timeout_steps', { batchWait: null }, 'TensorRT-LLM waits only when a pass would mix prompts with decodes');
    return { name, spec, workers: spec.workers ?? 1, gpus: poolGpus(spec), plan: p, r };
  };
  return { prefill: make('prefill'), decode: make('decode') };
}

/** Where a pool check's key lives in the plan file: its pool's section for layout and engine caps. */
export function poolPath(name: PoolName, path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  const base = `disaggregation.${name}`;
  if (path === 'parallelism' || path.startsWith('parallelism.')) return `${base}.${path}`;
  if (path === 'hardware.gpus') return `${base}.gpus`;
  if (path === 'workload.max_batched_tokens' && name === 'prefill') return `${base}.max_batched_tokens`;
  if (path === 'workload.max_running_sequences' && name === 'decode') return `${base}.max_running_sequences`;
  return path;
}

/** "tp=4 dp=2 ep=8": the layout of one worker, as the report writes it. */
export function poolLayoutText(r: Resolved, moe: boolean): string {
  const l = r.layout;
  const parts = [`tp=${l.tp}`];
  if (l.pp > 1) parts.push(`pp=${l.pp}`);
  if (l.dp > 1) parts.push(`dp=${l.dp}`);
  if (l.cp > 1) parts.push(`cp=${l.cp}`);
  if (moe && l.ep > 1) parts.push(`ep=${l.ep}`);
  return parts.join(' ');
}
