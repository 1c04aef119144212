// A deployment no engine starts meets no requirement. vLLM, SGLang and TensorRT-LLM refuse a layout
// whose heads, KV heads, layers or experts do not split over it, or that needs more devices than the
// plan has, and a KV pool the plan fixes past the device; none serves a load whose longest request
// does not fit. Their figures are still computed (an author fixing the layout wants to see them),
// but a pass or warning read on them would be a verdict on a deployment that cannot serve the plan,
// so it is withheld: unverified, naming the blocker.
// A check already failed (on the physical bound, or by its whole range) stays failed.
import type { Check } from './types.js';

/**
 * A world size below hardware.gpus: the plan does not add up, but an engine starts on the devices its
 * layout uses (a reviewer: Llama 3.1 8B at tp 4 on 8 GPUs read "no engine starts this deployment").
 */
const startsOnFewer = (c: Check): boolean =>
  /(^|\.)layout\.world_size$/.test(c.id) && typeof c.value === 'number' && typeof c.limit === 'number' && c.value < c.limit;

/**
 * What blocks the deployment: `start`, the checks that say no engine starts it (`layout.*` or a pool's
 * `prefill.layout.*` failing, a KV pool fixed past the device); `fits`, a memory.fits that says not
 * one request of the longest length fits. vLLM refuses such a max_model_len at start-up, SGLang and
 * TensorRT-LLM start with a shorter one and refuse those requests: the plan's load is not served
 * either way, whatever its figures at the mean length say (Llama 3.1 70B on two H100s with 120,000-token
 * prompts passed its TPOT requirement beside "not even one request of this length can run").
 */
function blockers(checks: readonly Check[]): { start: string[]; fits: string[] } {
  const layout = checks.filter((c) => c.status === 'fail' && /(^|\.)layout\.[a-z_]+$/.test(c.id) && !startsOnFewer(c)).map((c) => c.id);
  const fits = checks.filter((c) => c.status === 'fail' && /(^|\.)memory\.fits$/.test(c.id));
  // A pool the plan fixes past the device is the one memory.fits failure keyed on the pool (memory-checks.ts).
  const pool = (c: Check): boolean => c.path?.startsWith('workload.kv_cache_') === true;
  return { start: [...layout, ...fits.filter(pool).map((c) => c.id)], fits: fits.filter((c) => !pool(c)).map((c) => c.id) };
}

/** Verdicts read on the deployment's figures; the layout's own checks and the plan file's are not. */
function withheldTarget(id: string): boolean {
  return /^(requirements|claims)\./.test(id) || /(^|\.)memory\.(fits|kv_capacity)$/.test(id);
}

/** Why nothing passes on a deployment's figures: what blocks it, and the failing checks that say so. */
export interface Blocked {
  /** "no engine starts this deployment" */
  what: string;
  /** "layout.heads_divisible and layout.kv_heads fail" */
  because: string;
}

/** What blocks the deployment, or null when nothing does: the words the withheld verdicts and the reports' figures share. */
export function blockedBy(checks: readonly Check[]): Blocked | null {
  const { start, fits } = blockers(checks);
  const ids = [...start, ...fits];
  if (ids.length === 0) return null;
  const named = ids.length === 1 ? ids[0] : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
  return {
    what: start.length > 0 ? 'no engine starts this deployment' : 'not one request of the longest length fits',
    because: `${named} ${ids.length === 1 ? 'fails' : 'fail'}`,
  };
}

/** The checks with every pass or warning read on a deployment that cannot start made unverified. */
export function withholdOnBlockedDeployment(checks: Check[]): Check[] {
  const blocked = blockedBy(checks);
  if (blocked === null) return checks;
  const reason = `not judged: ${blocked.what} (${blocked.because})`;
  return checks.map((c) => {
    if ((c.status !== 'pass' && c.status !== 'warn') || !withheldTarget(c.id)) return c;
    // the figures stay (limit, basis, detail): what the layout as written would give is what its author fixes from
    return { ...c, status: 'unverified', detail: `${reason}; as written, ${c.detail}` };
  });
}
