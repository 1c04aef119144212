// The layout screen on more than one thread. Each device count's layouts are screened independently
// of the others (every figure is a pure function of the plan and the layout), so spare CPU cores take
// whole device counts from a shared queue while this thread takes them too; the results come back
// as plain data and are cached as if made here, so the search, its order and its output are the same
// as on one thread (a test compares them byte for byte). Synchronous for the caller: it waits on
// shared memory for what the helpers took, and does itself what a helper could not.
//
// A helper runs screen-worker.js, the file beside this one: the compiled module (build/) or its
// bundle beside the action's and the command line's (dist/). Sources run through a TypeScript
// loader (the tests) have no such file and stay on one thread.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, MessageChannel, type MessagePort, receiveMessageOnPort, Worker, workerData } from 'node:worker_threads';
import type { LoadedPlan } from '../core/types.js';
import { checkDeadline, runningLimits, withWorkBudget } from '../core/work-budget.js';
import { enumerateLayouts } from './enumerate.js';
import { LayoutSearch } from './layout-search.js';
import type { Candidate, SuggestOptions } from './types.js';

/** Helpers at most, whatever the machine: the screen's queue is a few dozen device counts. */
const MAX_HELPERS = 3;
/** Below this many layouts a search is over before a helper has loaded (about 0.1-0.2 s). */
export const MIN_LAYOUTS_FOR_HELPERS = 400;
/**
 * How long the calling thread waits for a count a helper holds once the queue is empty, as a
 * multiple of the longest count it screened itself in this job (at least WAIT_FLOOR_MS): a helper
 * that died holding one (out of memory, killed) reports nothing, and its death cannot be seen while
 * this thread waits, so past that the count is screened here (a late answer is ignored).
 */
export const WAIT_FACTOR = 3;
export const WAIT_FLOOR_MS = 1_000;
/** Environment variable that sets how many helpers (0: this thread alone), whatever the machine, at most MAX_HELPERS. */
export const THREADS_ENV = 'PARALLEL_PLAN_CHECK_SCREEN_THREADS';
/** Environment variable that, set to 1, writes one line to stderr per screen: how the device counts were shared out. */
export const LOG_ENV = 'PARALLEL_PLAN_CHECK_SCREEN_LOG';

const TAG = 'parallel-plan-check:screen';

/** One screening job as a helper receives it. */
interface Job {
  /** which job (a helper's late result of an abandoned job must not be taken for the next one's) */
  id: number;
  base: LoadedPlan;
  options: SuggestOptions;
  /** device counts in the order they are taken */
  counts: number[];
  /** [next index to take, helpers that finished the job] */
  shared: SharedArrayBuffer;
  deadline: number | undefined;
}

/** What a helper sends per device count: its candidates, or that it could not screen them. */
type Result = { job: number; index: number; candidates: Candidate[] } | { job: number; index: number; failed: true };

const NEXT = 0;
const DONE = 1;

/** The helper's entry file, beside this module (a name in a variable: the bundler must not follow it). */
const WORKER_FILE = './screen-worker.js';

/** Helpers this machine and context allow, whatever the search's size. */
function helpersAllowed(): number {
  if (!isMainThread) return 0; // a helper screens alone
  if (!/\.[cm]?js$/.test(import.meta.url)) return 0; // sources under a TypeScript loader
  if (runningLimits().countsUnits) return 0; // a unit budget cannot be shared out
  const env = process.env[THREADS_ENV];
  if (env !== undefined && /^\d+$/.test(env)) return Math.min(Number(env), MAX_HELPERS);
  return Math.max(0, Math.min(MAX_HELPERS, usableCpus() - 1));
}

/** Whether the counts hold at least MIN_LAYOUTS_FOR_HELPERS layouts (counted until they do). */
function worthHelpers(search: LayoutSearch, counts: readonly number[]): boolean {
  let layouts = 0;
  for (const n of counts) {
    layouts += enumerateLayouts(search.base.plan.model, n, search.ruleOptions(n, {})).length;
    if (layouts >= MIN_LAYOUTS_FOR_HELPERS) return true;
  }
  return false;
}

/**
 * CPUs this process may keep busy: the ones it may run on, fewer under a container's CPU quota
 * (cgroup v2 cpu.max, v1 cpu.cfs_quota_us), which availableParallelism does not read on Node 20:
 * a container limited to one CPU on a 64-core host gets no helpers.
 */
let usable: number | undefined;
function usableCpus(): number {
  if (usable === undefined) {
    // read once: neither changes while the process runs
    const cpus = availableParallelism();
    const quota = cgroupCpuQuota();
    usable = quota === null ? cpus : Math.max(1, Math.min(cpus, Math.floor(quota)));
  }
  return usable;
}

function cgroupCpuQuota(): number | null {
  const read = (path: string): string | null => {
    try {
      return readFileSync(path, 'utf8').trim();
    } catch {
      return null;
    }
  };
  return cpuQuotaOf(read('/sys/fs/cgroup/cpu.max'), read('/sys/fs/cgroup/cpu/cpu.cfs_quota_us'), read('/sys/fs/cgroup/cpu/cpu.cfs_period_us'));
}

/** CPUs a cgroup quota allows, from the files' text (v2 "quota period" or "max period"; v1 quota and period, -1 for none); null: no quota. */
export function cpuQuotaOf(v2: string | null, v1Quota: string | null, v1Period: string | null): number | null {
  const ratio = (quota: number, period: number): number | null => (quota > 0 && period > 0 ? quota / period : null);
  if (v2 !== null) {
    const [quota, period] = v2.split(/\s+/);
    return quota === 'max' || quota === undefined || period === undefined ? null : ratio(Number(quota), Number(period));
  }
  if (v1Quota !== null && v1Period !== null) return ratio(Number(v1Quota), Number(v1Period));
  return null;
}

/** A helper thread and the port its results come back on. */
interface Helper {
  worker: Worker;
  /** jobs go out and results come back on this port (read synchronously: no listener holds the process open) */
  port: MessagePort;
  broken: boolean;
}

/**
 * Helpers kept between searches (the action searches several plans, a bench the same one again): a
 * helper's code is loaded and compiled once. Unreferenced: they never keep the process alive.
 */
const pool: Helper[] = [];
let jobs = 0;

function helpers(count: number): Helper[] {
  for (let i = pool.length - 1; i >= 0; i--) if (pool[i]!.broken) pool.splice(i, 1);
  while (pool.length < count) {
    const channel = new MessageChannel();
    try {
      const worker = new Worker(new URL(WORKER_FILE, import.meta.url), { workerData: { tag: TAG, port: channel.port2 }, transferList: [channel.port2] });
      const h: Helper = { worker, port: channel.port1, broken: false };
      worker.unref();
      channel.port1.unref();
      // a helper that fails to load or dies takes nothing more from any queue; what it took is redone here
      const broken = (): void => {
        h.broken = true;
      };
      worker.on('error', broken).on('exit', broken);
      pool.push(h);
    } catch {
      channel.port1.close();
      break;
    }
  }
  return pool.slice(0, count);
}

/**
 * Screens every layout of each of `counts` (no variant) into the search's cache, on this thread and
 * on spare cores. Afterwards `search.at(n)` answers from the cache for every n of `counts`, exactly
 * as it would have without this call.
 */
export function screenCounts(search: LayoutSearch, counts: readonly number[]): void {
  const wanted = helpersAllowed();
  if (wanted === 0 || !worthHelpers(search, counts)) return;
  // the largest counts (the most layouts) first, so that the queue ends on small pieces of work
  const order = [...counts].sort((a, b) => b - a);
  const shared = new SharedArrayBuffer(8);
  const state = new Int32Array(shared);
  const job: Job = { id: ++jobs, base: search.base, options: search.options, counts: order, shared, deadline: runningLimits().deadline };
  const working = helpers(wanted);
  for (const h of working) h.port.postMessage(job);
  const settled = new Set<number>();
  let adopted = 0;
  const drain = (): void => {
    for (const h of working) {
      for (let m = receiveMessageOnPort(h.port); m !== undefined; m = receiveMessageOnPort(h.port)) {
        const r = m.message as Result;
        if (!answersJob(r, job)) continue;
        settled.add(r.index);
        if (!('failed' in r)) {
          search.adopt(order[r.index]!, r.candidates);
          adopted++;
        }
      }
    }
  };
  let longest = 0;
  try {
    // this thread takes from the same queue
    for (let i = Atomics.add(state, NEXT, 1); i < order.length; i = Atomics.add(state, NEXT, 1)) {
      settled.add(i);
      const started = Date.now();
      search.at(order[i]!);
      longest = Math.max(longest, Date.now() - started);
      drain();
    }
    // then waits for what the helpers took, while they report and for no longer than waitLimit
    let quietSince = Date.now();
    while (settled.size < order.length && Atomics.load(state, DONE) < working.length) {
      const before = settled.size;
      Atomics.wait(state, DONE, Atomics.load(state, DONE), 20);
      drain();
      checkDeadline();
      if (settled.size > before) quietSince = Date.now();
      else if (Date.now() - quietSince > waitLimit(longest)) break;
    }
    drain();
  } finally {
    // stop the helpers taking more of this job (they finish the count they hold, then idle)
    Atomics.store(state, NEXT, order.length);
  }
  // whatever a helper took and did not bring back (it failed or died) is screened here
  for (const n of order) if (!search.has(n)) search.at(n);
  if (process.env[LOG_ENV] === '1') process.stderr.write(`screen: ${order.length} device counts, ${adopted} screened by ${working.length} helper thread(s)\n`);
}

/** Whether a helper's message answers this job: a late answer to one given up on (out of time, an error) must not be taken for this one's. */
export function answersJob(r: { job: number; index: number }, job: { id: number; counts: readonly number[] }): boolean {
  return r.job === job.id && Number.isInteger(r.index) && r.index >= 0 && r.index < job.counts.length;
}

/** How long to wait for a helper's count with no answer, given the longest count this thread screened (ms). */
export function waitLimit(longestOwnMs: number): number {
  return Math.max(WAIT_FLOOR_MS, WAIT_FACTOR * longestOwnMs);
}

/** A helper's side of one job: takes device counts from the shared queue until it is empty, posting each one's candidates. */
function screenJob(job: Job, port: MessagePort): void {
  const state = new Int32Array(job.shared);
  try {
    const search = new LayoutSearch(job.base, job.options);
    for (let i = Atomics.add(state, NEXT, 1); i < job.counts.length; i = Atomics.add(state, NEXT, 1)) {
      const index = i;
      const failed: Result = { job: job.id, index, failed: true };
      const result = withWorkBudget<Result>(
        { deadline: job.deadline },
        () => {
          try {
            return { job: job.id, index, candidates: search.at(job.counts[index]!) };
          } catch {
            return failed;
          }
        },
        () => failed,
      );
      port.postMessage(result);
      Atomics.notify(state, DONE);
      // out of time, or a failure the main thread meets again when it screens this count itself
      if ('failed' in result) break;
    }
  } finally {
    Atomics.add(state, DONE, 1);
    Atomics.notify(state, DONE);
  }
}

/** A helper thread's whole work (screen-worker.ts): the jobs that come on the port it was given. */
export function serveScreenJobs(): void {
  if (isMainThread || (workerData as { tag?: string } | null)?.tag !== TAG) return;
  const port = (workerData as { port: MessagePort }).port;
  port.on('message', (job: Job) => screenJob(job, port));
}
