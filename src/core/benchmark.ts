// A finite closed-loop benchmark run, simulated step by step (docs/formulas.md, "Benchmark runs").
// Published serving figures come from runs such as `sglang.bench_serving --num-prompts N
// --max-concurrency C`: N requests, C in flight, lengths drawn at random, all C sent at once. Such
// a run's throughput is total output / wall time, ramp-up and tail included, and its TTFT includes
// the wait behind other prompts' prefills; a steady-state formula misses both. The engine model:
// prefill first (a waiting prompt is prefilled before the next decode step, in chunks of at most
// max_batched_tokens, several prompts per pass), then one decode step for every running sequence.
import type { PromptSegment } from './performance.js';

export interface BenchmarkSpec {
  /** requests the run sends in all */
  requests: number;
  /** lengths are uniform in [ratio x longest, longest] around the workload's mean; 1 = fixed */
  inputRangeRatio: number;
  outputRangeRatio: number;
}

/** Costs of one replica's passes, in seconds; null where a figure is missing. */
export interface PassCosts {
  decodeStep(batch: number, context: number): number | null;
  prefillPass(segments: readonly PromptSegment[]): number | null;
}

export interface BenchmarkConditions {
  /** requests in flight in the whole deployment */
  concurrency: number;
  /** data-parallel replicas, each serving its share of requests independently */
  replicas: number;
  meanInput: number;
  meanOutput: number;
  maxBatchedTokens: number;
  /** seconds from sending a request to the engine seeing it (HTTP, tokenisation) */
  requestOverhead: number;
  /** tokens each sequence gains per decode step (speculative acceptance, else 1) */
  tokensPerStep: number;
  /** share of each prompt already in the prefix cache: its prefill starts after those tokens */
  prefixHitRate: number;
  /** pipeline stages: a prefill pass costs the simulation about this many stage evaluations */
  stages: number;
}

export interface BenchmarkOutcome {
  /** output tokens/s of the whole deployment: total output / wall time */
  throughput: number;
  /** mean seconds from sending a request to its first token */
  ttft: number;
  /** mean over requests with more than one output token of (E2E - TTFT) / (output - 1) */
  tpot: number | null;
  /** seconds from the first request sent to the last one finished */
  wallTime: number;
  /** requests and decode steps one replica simulated */
  requests: number;
  steps: number;
}

/**
 * Beyond this much work (passes x sequences touched per pass) a run is too long to simulate in a
 * fraction of a second; callers fall back to the steady state. A hostile plan cannot stall a check.
 */
export const MAX_SIMULATED_WORK = 20_000_000;
/** Work units of one prefill pass per stage: its cost is evaluated afresh, about 100 loop steps' time. */
const PREFILL_PASS_WORK = 100;

/** Radical inverse of i in base b: a low-discrepancy sequence in [0, 1), so lengths are spread evenly without randomness. */
function radicalInverse(i: number, base: number): number {
  let f = 1;
  let r = 0;
  for (let n = i; n > 0; n = Math.floor(n / base)) {
    f /= base;
    r += f * (n % base);
  }
  return r;
}

/**
 * `count` lengths uniform in [ratio x longest, longest] whose mean is `mean` (longest = 2 mean / (1 + ratio)),
 * in a deterministic scrambled order (`base` differs for inputs and outputs so the two are uncorrelated).
 */
export function benchmarkLengths(mean: number, ratio: number, count: number, base: number): number[] {
  const longest = (2 * mean) / (1 + ratio);
  const shortest = ratio * longest;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const u = radicalInverse(i + 1, base);
    out.push(Math.max(1, Math.round(shortest + u * (longest - shortest))));
  }
  return out;
}

interface Request {
  input: number;
  output: number;
  sent: number;
  arrives: number;
  prefilled: number;
  generated: number;
  firstToken: number;
}

/** Replicas that get requests: with fewer requests in flight than replicas, some stay idle. */
const activeReplicas = (c: BenchmarkConditions): number => Math.max(1, Math.min(c.replicas, Math.round(c.concurrency)));

/** Requests one replica serves, and how many it holds in flight. */
function replicaShare(spec: BenchmarkSpec, c: BenchmarkConditions): { n: number; slots: number } {
  const active = activeReplicas(c);
  const n = Math.max(1, Math.round(spec.requests / active));
  return { n, slots: Math.max(1, Math.min(n, Math.round(c.concurrency / active))) };
}

/** Upper estimate of a run's simulation work (passes x sequences per pass), to decide whether it is affordable. */
export function benchmarkWork(spec: BenchmarkSpec, c: BenchmarkConditions): number {
  const { n, slots } = replicaShare(spec, c);
  const longest = (2 * c.meanOutput) / (1 + spec.outputRangeRatio);
  const longestPrompt = (2 * c.meanInput) / (1 + spec.inputRangeRatio);
  const decodeSteps = Math.ceil(n / slots) * (longest / c.tokensPerStep + 1);
  const prefillPasses = n * Math.ceil(longestPrompt / c.maxBatchedTokens);
  return decodeSteps * slots + prefillPasses * PREFILL_PASS_WORK * c.stages;
}

/** Simulates one replica (all replicas run alike); null when a pass cost is missing. */
export function simulateBenchmark(spec: BenchmarkSpec, c: BenchmarkConditions, costs: PassCosts): BenchmarkOutcome | null {
  const { n, slots } = replicaShare(spec, c);
  const inputs = benchmarkLengths(c.meanInput, spec.inputRangeRatio, n, 2);
  const outputs = benchmarkLengths(c.meanOutput, spec.outputRangeRatio, n, 3);
  // Cached prompt tokens are not computed again (their keys still count in attention).
  const requests: Request[] = inputs.map((input, i) => ({
    input, output: outputs[i]!, sent: 0, arrives: 0, prefilled: Math.min(input - 1, Math.floor(input * c.prefixHitRate)), generated: 0, firstToken: 0,
  }));

  const pending: Request[] = []; // sent, not yet seen by the engine, in arrival order
  const waiting: Request[] = []; // seen, prompt not yet fully prefilled
  let running: Request[] = [];
  let nextToSend = 0;
  const send = (at: number): void => {
    if (nextToSend >= n) return;
    const r = requests[nextToSend++]!;
    r.sent = at;
    r.arrives = at + c.requestOverhead;
    pending.push(r);
  };
  for (let i = 0; i < slots; i++) send(0);

  let t = 0;
  let finished = 0;
  let steps = 0;
  let work = 0;
  let outputTotal = 0;
  let ttftSum = 0;
  let tpotSum = 0;
  let tpotCount = 0;
  const finish = (r: Request): void => {
    finished++;
    outputTotal += r.output;
    ttftSum += r.firstToken - r.sent;
    if (r.output > 1) {
      tpotSum += (t - r.firstToken) / (r.output - 1);
      tpotCount++;
    }
    send(t);
  };

  while (finished < n) {
    // The estimate in benchmarkWork is an upper one; this guard only catches what it misjudged.
    if (work > 2 * MAX_SIMULATED_WORK) return null;
    while (pending.length > 0 && pending[0]!.arrives <= t) waiting.push(pending.shift()!);
    if (waiting.length > 0) {
      work += PREFILL_PASS_WORK * c.stages;
      // Prefill first: fill one chunk with the waiting prompts, oldest first.
      let budget = c.maxBatchedTokens;
      const segments: PromptSegment[] = [];
      const touched: Request[] = [];
      for (const r of waiting) {
        if (budget <= 0) break;
        const take = Math.min(r.input - r.prefilled, budget);
        segments.push({ from: r.prefilled, to: r.prefilled + take, completes: r.prefilled + take >= r.input });
        touched.push(r);
        budget -= take;
      }
      const cost = costs.prefillPass(segments);
      if (cost === null) return null;
      t += cost;
      touched.forEach((r, i) => {
        r.prefilled = segments[i]!.to;
      });
      // The chunk took the oldest prompts in order: all it completed lead the queue.
      const done = segments.filter((s) => s.completes).length;
      for (const r of waiting.splice(0, done)) {
        r.firstToken = t;
        r.generated = 1;
        if (r.generated >= r.output) finish(r);
        else running.push(r);
      }
      continue;
    }
    if (running.length > 0) {
      work += running.length + 1;
      let context = 0;
      for (const r of running) context += r.input + r.generated;
      const cost = costs.decodeStep(running.length, context / running.length);
      if (cost === null) return null;
      t += cost;
      steps++;
      const still: Request[] = [];
      for (const r of running) {
        r.generated += c.tokensPerStep;
        if (r.generated >= r.output) finish(r);
        else still.push(r);
      }
      running = still;
      continue;
    }
    // Nothing to run: wait for the next request to reach the engine.
    if (pending.length === 0) return null; // cannot happen: an unfinished request is pending, waiting or running
    t = Math.max(t, pending[0]!.arrives);
  }
  return {
    throughput: (outputTotal * activeReplicas(c)) / t,
    ttft: ttftSum / n,
    tpot: tpotCount > 0 ? tpotSum / tpotCount : null,
    wallTime: t,
    requests: n,
    steps,
  };
}
