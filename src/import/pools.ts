// A disaggregated deployment read from the files where it lives: a prefill and a decode engine
// invocation (Dynamo worker services, SGLang --disaggregation-mode pairs, TensorRT-LLM
// context_servers / generation_servers, llm-d prefill and decode pods), each read with its engine's
// own flag semantics (engines.ts) into one pool of the plan's `disaggregation` section.
import type { Engine, EngineArgs } from './engine-args.js';
import { type FindConfig, runEngine } from './engine-run.js';
import { FieldCollector, type Where } from './result.js';
import { countOf } from '../core/figures.js';

export type Role = 'prefill' | 'decode';

/** One engine invocation of a pool: its flags, how many workers run it, the GPUs each has. */
export interface RoleRun {
  role: Role;
  args: EngineArgs;
  /** workers (instances) of this invocation */
  workers: { count: number; line: Where };
  /** devices per worker as the deployment gives them (GPU limits); else the engine's world size */
  gpus?: { count: number; line: Where };
  /** what runs it, for messages (a service, a workload, a config section) */
  label: string;
}

/** Roles written in flags: SGLang's and TensorRT-LLM's --disaggregation-mode, vLLM-on-Dynamo's --is-prefill-worker. */
export function roleFromFlags(args: EngineArgs): Role | undefined {
  const mode = args.flags.get('disaggregation-mode')?.value;
  if (mode === 'prefill' || mode === 'decode') return mode;
  if (args.flags.get('is-prefill-worker') !== undefined) return 'prefill';
  return undefined;
}

/** A role named by a label or a name: subComponentType: prefill, llm-d.ai/role: decode, VllmPrefillWorker. */
export function roleFromName(text: string | undefined): Role | undefined {
  if (text === undefined) return undefined;
  if (/prefill|context/i.test(text)) return 'prefill';
  if (/decode|generation/i.test(text)) return 'decode';
  return undefined;
}

/** Workload keys that belong to the whole deployment, not to one pool. */
const SHARED_WORKLOAD = new Set(['cuda_graphs', 'cuda_graph_max_batch', 'speculative', 'kv_cache_tokens', 'kv_cache_memory']);
/** Shared keys one pool's workers may set alone: the plan's one value then applies to both pools, which is said. */
const KV_POOL_KEYS = ['workload.kv_cache_tokens', 'workload.kv_cache_memory'];
/** Workload keys that are a pool's own: the prefill batch, the decode cap, each pool's memory flag. */
const POOL_WORKLOAD: Record<Role, Record<string, string>> = {
  prefill: { max_batched_tokens: 'max_batched_tokens', memory_fraction: 'memory_fraction' },
  decode: { max_running_sequences: 'max_running_sequences', memory_fraction: 'memory_fraction' },
};

/**
 * Reads both pools into `c`: disaggregation.<pool>.{workers, gpus, parallelism, memory_fraction,
 * max_batched_tokens | max_running_sequences}, the model, engine and shared workload keys once (the decode pool's when the
 * two differ, with a warning), hardware.gpus as both pools' total, and the decode pool's engine cap
 * times its workers as the load when the plan states none (as for an aggregated import).
 */
export function importRoles(c: FieldCollector, runs: readonly RoleRun[], findConfig: FindConfig): void {
  const byRole = (role: Role): RoleRun[] => runs.filter((r) => r.role === role);
  let total = 0;
  let totalLine: Where | undefined;
  const shared = new Map<string, { value: unknown; role: Role }>();
  /** which pools' workers set each shared key */
  const setBy = new Map<string, Set<Role>>();
  // Decode first: where the pools disagree on a deployment-wide key, the decode pool's holds (it holds the KV cache).
  for (const role of ['decode', 'prefill'] as const) {
    const own = byRole(role);
    const run = own[0];
    if (!run) continue;
    if (own.length > 1) {
      c.warn(`${c.file}: ${own.length} ${role} invocations (${own.map((r) => r.label).join(', ')}); the pool is read from the first, ${run.label}`);
    }
    const sub = new FieldCollector(c.file);
    const facts = runEngine(run.args, sub, {}, findConfig);
    for (const w of sub.warnings) c.warn(w, Object.hasOwn(sub.moot, w) ? sub.moot[w] : undefined);
    const base = `disaggregation.${role}`;
    for (const [path, why] of Object.entries(sub.unread)) c.markUnread(`${base}.${path}`, why);
    for (const [path, flag] of Object.entries(sub.expertFlags)) c.expertFlags[`${base}.${path}`] = flag;
    // each pool's memory flag is its own (POOL_WORKLOAD): so is the engine's default standing in for it
    if (sub.defaulted['workload.memory_fraction'] !== undefined) c.defaulted[`${base}.memory_fraction`] = sub.defaulted['workload.memory_fraction'];
    c.set(`${base}.workers`, run.workers.count, run.workers.line);
    const gpus = run.gpus ?? (facts.world_size !== undefined ? { count: facts.world_size, line: facts.line } : undefined);
    if (gpus) {
      c.set(`${base}.gpus`, gpus.count, gpus.line);
      total += gpus.count * run.workers.count;
      totalLine ??= gpus.line;
      if (run.gpus && facts.world_size !== undefined && facts.world_size !== run.gpus.count) {
        c.warn(
          `${c.origin(run.gpus.line)}: the ${role} engine's flags use ${countOf(facts.world_size, 'GPU')} per worker but ${run.label} gives each ${run.gpus.count}`,
        );
      }
    }
    for (const [section, fields] of Object.entries(sub.fields)) {
      for (const [key, value] of Object.entries(fields)) {
        const from = sub.origins[`${section}.${key}`] ?? c.file;
        if (section === 'parallelism') c.set(`${base}.parallelism.${key}`, value, from);
        else if (section === 'workload' && key === 'max_batched_tokens' && role === 'prefill') {
          // already one rank's pass: engines.ts splits SGLang's --chunked-prefill-size over its DP-attention ranks
          c.set(`${base}.max_batched_tokens`, value, from);
        } else if (section === 'workload' && POOL_WORKLOAD[role][key]) c.set(`${base}.${POOL_WORKLOAD[role][key]}`, value, from);
        else if (section === 'workload' && !SHARED_WORKLOAD.has(key))
          continue; // the load is the deployment's
        else if (section === 'hardware' && key === 'gpus') continue;
        else {
          const path = `${section}.${key}`;
          if (!setBy.has(path)) setBy.set(path, new Set());
          setBy.get(path)!.add(role);
          const seen = shared.get(path);
          if (path === 'workload.cuda_graph_max_batch' && role === 'prefill' && seen === undefined) {
            // the decode pool runs the decode batches the cap is about: the prefill workers' cap is not its
            c.warn(
              `${from}: only the prefill workers set ${path} (${JSON.stringify(value)}); the decode pool's batches are the ones it bounds, so it is not imported (the engine profile's default applies): give it in the plan`,
            );
            continue;
          }
          if (seen === undefined) {
            shared.set(path, { value, role });
            c.set(path, value, from);
          } else if (JSON.stringify(seen.value) !== JSON.stringify(value)) {
            c.warn(
              `${from}: the ${role} workers set ${path} to ${JSON.stringify(value)}, the ${seen.role} workers to ${JSON.stringify(seen.value)}; a plan has one, the ${seen.role} workers' is used`,
            );
          }
        }
      }
    }
    if (role === 'decode' && sub.context) c.context = sub.context;
    else if (role === 'decode' && sub.modelContext) c.modelContext = sub.modelContext;
  }
  for (const path of KV_POOL_KEYS) {
    const seen = shared.get(path);
    if (seen !== undefined && !setBy.get(path)?.has(seen.role === 'decode' ? 'prefill' : 'decode')) {
      const other = seen.role === 'decode' ? 'prefill' : 'decode';
      c.warn(
        `${c.origin(c.origins[path] ?? c.file)}: only the ${seen.role} workers set their KV pool (${path}); a plan has one, so the ${other} workers are read with it too`,
      );
    }
  }
  if (totalLine !== undefined && byRole('prefill').length > 0 && byRole('decode').length > 0) c.set('hardware.gpus', total, totalLine);
  // The decode pool's cap, over all its workers, is the load when the plan states none.
  const cap = c.get('disaggregation.decode.max_running_sequences');
  const decodeWorkers = c.get('disaggregation.decode.workers');
  if (typeof cap === 'number' && typeof decodeWorkers === 'number') {
    c.set('workload.concurrency', cap * decodeWorkers, c.origins['disaggregation.decode.max_running_sequences'] ?? c.file);
  }
}

/** The engine runs (with their roles) that make a disaggregated deployment, or null when one role is missing. */
export function bothRoles<T extends { role: Role | undefined }>(items: readonly T[]): (T & { role: Role })[] | null {
  const withRole = items.filter((i): i is T & { role: Role } => i.role !== undefined);
  return withRole.some((i) => i.role === 'prefill') && withRole.some((i) => i.role === 'decode') ? withRole : null;
}

export type { Engine };
