// claims.kv_cache_per_gpu: the KV cache a device holds is the pool its engine allocates at start-up,
// whatever the load (vLLM "Available KV cache memory", SGLang "KV Cache is allocated", TensorRT-LLM
// "Allocated ... for max tokens in paged KV cache"), as requirements.max_memory_utilization reads it.
// Such a claim states a capacity, the bytes per device of claims.kv_cache_capacity_tokens: more is
// better. Below the pool it is conservative (pass); above it, optimistic (warn: the engine carves out
// less at these settings); above the device's whole memory less its weights shard, physically
// impossible (fail). docs/formulas.md, "KV-cache capacity".
import { judgeClaim, type Judgement } from './compare.js';
import type { StageMemory } from './memory.js';

export interface KvClaimFigures {
  /** memory per stage at the estimate; null when not computable */
  memEst: StageMemory[] | null;
  /** bytes of one device (hardware.memory); undefined when not given */
  capacity: number | undefined;
  /** the weights shard of the most loaded device, at the least any engine holds; null when not computable */
  weightsFloor: number | null;
  /** what sets the pool, for an optimistic claim */
  workload: { engine: string; kvCacheTokens: number | null; kvCacheMemory: number | null };
  missing: string[];
  show: (v: number) => string;
}

/** The plan key that gives a larger pool: the pool vLLM is told to allocate, else the memory flag (and a cap the plan sets). */
function largerPool(wl: KvClaimFigures['workload']): string {
  if (wl.engine === 'vllm' && wl.kvCacheTokens !== null) return 'a larger workload.kv_cache_tokens';
  if (wl.engine === 'vllm' && wl.kvCacheMemory !== null) return 'a larger workload.kv_cache_memory';
  const cap = wl.kvCacheTokens !== null || wl.kvCacheMemory !== null ? ' (and a larger workload.kv_cache_tokens / kv_cache_memory, which caps it)' : '';
  return `a higher workload.memory_fraction${cap}`;
}

export function judgeKvCacheClaim(claimed: number, f: KvClaimFigures): Judgement {
  const { show } = f;
  const stages = (f.memEst ?? []).filter((s): s is StageMemory & { pool: number } => s.pool !== null);
  // the device with the least room decides, as the tightest stage decides the capacity in tokens
  const tightest = stages.length > 0 ? stages.reduce((a, s) => (s.pool < a.pool ? s : a)) : null;
  const pool = tightest?.pool ?? null;
  const room = f.capacity !== undefined && f.weightsFloor !== null ? f.capacity - f.weightsFloor : null;
  // a pool vLLM is told to allocate is taken at its word: the bound never sits below the estimate
  const bound = room === null ? null : Math.max(room, pool ?? 0);
  const j = judgeClaim(claimed, 'higher-is-better', {
    estimate: pool,
    bound,
    show,
    missing: f.missing,
    why: "that bound is the device's whole memory less its weights shard, all of it KV cache",
    boundIsCapacity: true,
  });
  if (j.basis !== 'estimate' || tightest === null || pool === null) return j;
  const where = stages.some((s) => s.pool !== pool) ? ' on its fullest device' : ' per device';
  const filled =
    tightest.kv <= pool
      ? `the plan's sequences fill ${show(tightest.kv)} of it at their peak`
      : `one sequence of the longest context needs ${show(tightest.kv)}, more than it holds`;
  const held = `the engine allocates ${show(pool)} of KV cache${where} (its pool, taken at start-up whatever the load; ${filled})`;
  if (j.status === 'warn') return { ...j, detail: `optimistic: claimed ${show(claimed)}, but ${held}; a larger pool takes ${largerPool(f.workload)}` };
  const short = claimed < tightest.kvOne ? `; a pool of the claimed size would not hold one sequence of the longest context (${show(tightest.kvOne)})` : '';
  return { ...j, detail: `conservative: claimed ${show(claimed)}, and ${held}${short}` };
}
