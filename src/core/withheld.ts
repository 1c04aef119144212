// A deployment no engine starts meets no requirement. vLLM, SGLang and TensorRT-LLM refuse a layout
// whose heads, KV heads, layers or experts do not split over it, or that needs more devices than the
// plan has, and a KV pool the plan fixes past the device; their figures are still computed (an
// author fixing the layout wants to see them), but a pass or warning read on them would be a
// verdict on a deployment that cannot exist, so it is withheld: unverified, naming the blocker.
// A check already failed (on the physical bound, or by its whole range) stays failed.
import type { Check } from './types.js';

/**
 * A world size below hardware.gpus: the plan does not add up, but an engine starts on the devices its
 * layout uses (a reviewer: Llama 3.1 8B at tp 4 on 8 GPUs read "no engine starts this deployment").
 */
const startsOnFewer = (c: Check): boolean =>
  /(^|\.)layout\.world_size$/.test(c.id) && typeof c.value === 'number' && typeof c.limit === 'number' && c.value < c.limit;

/** `layout.*` (or a pool's `prefill.layout.*`) failing, or a memory.fits that says the engine cannot start. */
function blockers(checks: readonly Check[]): string[] {
  const layout = checks.filter((c) => c.status === 'fail' && /(^|\.)layout\.[a-z_]+$/.test(c.id) && !startsOnFewer(c)).map((c) => c.id);
  // memory.fits fails too where one request does not fit; those plans' times are already unverified
  // (judged.ts, noRoom), and their requirements on memory fail on their own: only a layout or a pool
  // the engine refuses outright withholds the rest.
  // A pool the plan fixes past the device is the one memory.fits failure keyed on the pool (memory-checks.ts).
  const start = checks
    .filter((c) => c.status === 'fail' && /(^|\.)memory\.fits$/.test(c.id) && c.path?.startsWith('workload.kv_cache_') === true)
    .map((c) => c.id);
  return [...layout, ...start];
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
  const ids = blockers(checks);
  if (ids.length === 0) return null;
  const named = ids.length === 1 ? ids[0] : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
  return { what: 'no engine starts this deployment', because: `${named} ${ids.length === 1 ? 'fails' : 'fail'}` };
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
