// A layout the plan's deployment names but the importer could not read ($TP unset): no layout is
// imported (docs/importers.md, "Command lines"), and a default TP of 1 in its place would be a wrong
// figure, not a missing one. The world size check says so, and every figure that depends on the layout
// (weights per device, memory, KV capacity, times, throughput) is unverified, never computed at TP 1.
import type { Check, LoadedPlan } from './types.js';

/** The unread layout keys under `prefix` (`parallelism.`, `disaggregation.prefill.parallelism.`), each with why. */
export function unreadLayout(loaded: LoadedPlan, prefix: string): [path: string, why: string][] {
  return Object.entries(loaded.unread ?? {}).filter(([path]) => path.startsWith(prefix));
}

/** The world size check of a layout that could not be read: unverified, naming the keys to give and why. */
export function unreadLayoutCheck(unread: readonly [string, string][]): Omit<Check, 'line'> {
  const paths = unread.map(([path]) => path);
  return {
    id: 'layout.world_size',
    status: 'unverified',
    title: 'World size',
    path: 'deployment.from',
    missing: paths,
    detail: `the parallel layout is not imported (${unread.map(([, why]) => why).join('; ')}): give ${paths.join(', ')} in the plan; no figure that depends on the layout is computed`,
  };
}
