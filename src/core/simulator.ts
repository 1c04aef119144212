// The engine's scheduler, simulated request by request (docs/formulas.md, "Serving under load").
// Every figure under load comes from here: TTFT, TPOT and throughput means, their percentiles,
// goodput. One replica is simulated (data-parallel replicas serve their share alike and step in
// lockstep, which the pass costs already account for); its passes cost what the core's cost model
// says. Two scheduling policies cover the engines:
//  - 'mixed' (vLLM V1, TensorRT-LLM in-flight batching): every step carries one token of each
//    running sequence, and prompt chunks fill the rest of the token budget (max_batched_tokens);
//  - 'prefill-first' (SGLang's default): while prompts wait and there is room, a prefill pass of
//    up to max_batched_tokens runs and decoding waits; otherwise one decode step of all running.
// A request is admitted (its prefill may start) only while fewer than `maxRunning` sequences hold
// KV cache: engines queue what does not fit. Decode steps between events are taken in strides
// (the batch is constant and the context grows linearly), so a run costs O(events), not O(tokens).
import { percentilesOf } from './quantiles.js';
import { chargeWork } from './work-budget.js';

export { percentile } from './quantiles.js';

export type SchedulerPolicy = 'mixed' | 'prefill-first';
export type ArrivalProcess = 'poisson' | 'constant' | 'gamma';

export interface EngineBehaviour {
  policy: SchedulerPolicy;
  /** prompt (and, for 'mixed', decode) tokens one pass may hold */
  maxBatchedTokens: number;
  /** sequences that may hold KV cache at once in one replica (>= 1) */
  maxRunning: number;
  /** seconds from a request leaving the client to the engine seeing it (HTTP, tokenisation) */
  requestOverhead: number;
  /** host seconds per scheduler step that the engine does not overlap with the GPU */
  stepOverhead: number;
  /** tokens each sequence gains per decode step (speculative acceptance, else 1) */
  tokensPerStep: number;
  /**
   * tokens each decoding sequence takes of a mixed pass's budget: 1 + its draft tokens under
   * speculative decoding (vLLM and TensorRT-LLM schedule the drafts, whatever is accepted). Absent: tokensPerStep.
   */
  decodeBudgetTokens?: number;
  /** share of each prompt already in the prefix cache */
  prefixHitRate: number;
  /** a busy scheduler reads new requests only every this many steps (SGLang --scheduler-recv-interval); 1 = every step */
  recvInterval: number;
  /**
   * steps by which outputs reach the client after the pass that made them: an overlap scheduler
   * (SGLang, TensorRT-LLM) processes a step's results while the next step runs, so 1; else 0
   */
  outputLag: number;
  /**
   * TensorRT-LLM's attention-DP balance (attention_dp_config.enable_balance): a rank that is decoding
   * holds new prompts until every attention-DP rank has one, or timeoutSteps steps have passed.
   * Absent: prompts are scheduled as they come.
   */
  balance?: { timeoutSteps: number; ranks: number };
  /**
   * TensorRT-LLM's batch waiting (batch_wait_timeout_iters, batch_wait_max_tokens_ratio), one attention
   * rank: while sequences decode, a pass takes new prompts only when their tokens plus the decoding
   * sequences reach tokenRatio x maxBatchedTokens, or after timeoutSteps steps of waiting. Its counter
   * is one for the engine, advances only on steps that hold prompts and decodes, and restarts when such a
   * step schedules prompts (not when they go to an idle engine). tokensPerDecode: what the check counts
   * per decoding sequence, 1 + its draft tokens (default tokensPerStep). Absent: prompts are scheduled as they come.
   */
  batchWait?: { timeoutSteps: number; tokenRatio: number; tokensPerDecode?: number };
  /**
   * Pipeline batches the engine keeps in flight, each scheduled with its own maxBatchedTokens (vLLM
   * V1's batch queue, max_concurrent_batches = pp; SGLang's and TensorRT-LLM's microbatches). One
   * simulated step is a round trip of all of them, so its prompt room is this many budgets, but one
   * request's chunk rides in one batch: at most one budget a step. Absent: 1.
   */
  inFlightBatches?: number;
}

/** Prompt tokens one pass computes, and the attention work they bring. */
export interface PrefillWork {
  tokens: number;
  pairsFull: number;
  pairsSliding: number;
  pairsTopK: number;
  /** prompts the pass completes (their first token's logits) */
  completes: number;
}

export interface StepCost {
  /** seconds */
  time: number;
  /** FLOPs of the whole replica */
  flops: number;
}

/** Costs of one replica's passes; null where a figure is missing. */
export interface StepCosts {
  /**
   * a pass of `prefill` prompt tokens and `batch` decoding sequences at mean `context` tokens;
   * `activeDp`: data-parallel ranks running such a pass at once (default: all of the replica's layout)
   */
  step(prefill: PrefillWork | null, batch: number, context: number, activeDp?: number): StepCost | null;
}

export interface LoadSpec {
  /** closed: `clients` always in flight; open: arrivals at `rate`, at most `clients` in flight */
  kind: 'closed' | 'open';
  clients: number;
  /** requests per second reaching this replica (open loop) */
  rate: number;
  arrival: ArrivalProcess;
  /** gamma shape (1 = poisson; < 1 burstier) */
  burstiness: number;
  /** requests this replica receives in all */
  requests: number;
  /** the first `warmup` requests are not measured */
  warmup: number;
  /**
   * finite: exactly `requests` are sent and the run ends with the last (a benchmark run, its tail
   * included); steady: requests keep coming until every measured one has finished (no tail)
   */
  finite: boolean;
  /**
   * attention data-parallel ranks serving this load side by side, whose tokens meet on the expert
   * devices (1 for a dense model). A closed loop keeps them in lockstep: every pass carries that
   * many ranks' tokens. Open-loop ranks are busy independently: a pass carries the others' in the
   * share of time a rank is busy (a lone prompt at light load is not priced as one on every rank).
   */
  ranks: number;
  /** prompt and output lengths, used in turn */
  inputs: readonly number[];
  outputs: readonly number[];
  /** (query, key) pairs of prompt tokens from+1..to in each kind of layer (full, windowed, behind an indexer) */
  pairs: (from: number, to: number) => { pairsFull: number; pairsSliding: number; pairsTopK: number };
}

export interface SimulationOutcome {
  requests: number;
  /** measured requests */
  measured: number;
  ttft: Summary;
  tpot: Summary | null;
  e2e: Summary;
  /** output tokens/s of this replica over the measured window */
  throughput: number;
  /** seconds from the first request sent to the last measured one finished */
  wallTime: number;
  steps: number;
  /** mean decoding sequences per step that decodes */
  meanBatch: number;
  /**
   * seconds of a decode-only step as the sequences in it saw it: the mean over decoding sequences of
   * the steps without prompt work, at the batch and busy ranks each ran with (the engine's per-step
   * overhead left out, as in decodeStep); null when no step was decode-only
   */
  meanDecodeStep: number | null;
  /**
   * the fewest sequences (per replica) and the shortest mean context a decode-only step was priced at;
   * null when no step was decode-only
   */
  minDecode: { batch: number; context: number } | null;
  /** most sequences holding KV at once */
  peakRunning: number;
  /** fraction of the measured window the replica was busy */
  busyFraction: number;
  /** FLOPs per second of the replica over the measured window */
  flopsPerSecond: number;
  /** the simulation stopped at its work cap before every measured request finished */
  truncated: boolean;
}

export interface Summary {
  mean: number;
  p50: number;
  p90: number;
  p99: number;
}

/** Beyond this many events a simulation stops (a hostile plan cannot stall a check). */
export const MAX_EVENTS = 1_000_000;
/** Units of the plan's work budget (work-budget.ts) one simulated event costs. */
export const SIMULATION_EVENT_WORK = 16;

/**
 * Events a run costs at most, about: each request arrives, has its prompt passes (one per chunk of
 * the budget, shared or not), joins and finishes. Callers shrink or refuse a run above their budget.
 */
export function estimatedEvents(requests: number, longestInput: number, maxBatchedTokens: number): number {
  return requests * (Math.ceil(longestInput / Math.max(1, maxBatchedTokens)) + 4);
}

/** Radical inverse of i in base b: a low-discrepancy sequence in [0, 1), spread evenly without randomness. */
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
  // equal lengths (a steady state's usual case): the same number without the sequence
  if (shortest === longest && Number.isFinite(longest)) return new Array<number>(count).fill(Math.max(1, Math.round(longest)));
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const u = radicalInverse(i + 1, base);
    out.push(Math.max(1, Math.round(shortest + u * (longest - shortest))));
  }
  return out;
}

/** Deterministic PRNG (mulberry32): the same plan always gets the same arrivals. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal by Box-Muller. */
function normal(rand: () => number): number {
  const u = Math.max(rand(), 1e-300);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** Gamma(shape, 1) variate (Marsaglia-Tsang; shape < 1 by the boost u^(1/shape)). */
function gammaVariate(shape: number, rand: () => number): number {
  if (shape < 1) return gammaVariate(shape + 1, rand) * Math.max(rand(), 1e-300) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(rand);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = rand();
    if (Math.log(Math.max(u, 1e-300)) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * Arrival times of `count` requests at `rate` per second: constant gaps, exponential gaps (poisson)
 * or gamma gaps of shape `burstiness` and the same mean (vLLM's benchmark --burstiness).
 *
 * Random gaps are rescaled so that the first `pinned` arrivals (default all) span exactly
 * pinned / rate seconds: one sample of a few thousand gamma gaps of shape 0.3 runs a few percent
 * off the stated rate, which would read as a deployment serving less than it is sent (a false
 * saturation) or more. The gaps keep their shape; only the sample's mean is pinned.
 */
export function arrivalTimes(count: number, rate: number, process: ArrivalProcess, burstiness: number, seed = 1, pinned = count): number[] {
  const stream = arrivalStream(rate, process, burstiness, seed, pinned <= count ? pinned : 0, () => count);
  return Array.from({ length: count }, (_, i) => stream.at(i));
}

/** Open-loop arrivals drawn as the simulation reaches them, at most `limit`. */
export interface Arrivals {
  has(i: number): boolean;
  at(i: number): number;
}

/**
 * The arrivals of arrivalTimes, drawn on demand (the same times, `pinned` first): a steady open
 * loop keeps arriving until its measured requests have finished.
 */
export function arrivalStream(rate: number, process: ArrivalProcess, burstiness: number, seed: number, pinned: number, limit: () => number): Arrivals {
  const rand = prng(seed);
  const mean = 1 / rate;
  const raw: number[] = [];
  let t = 0;
  const draw = (): void => {
    raw.push(t);
    if (process === 'constant') t += mean;
    else if (process === 'poisson' || burstiness === 1) t += -Math.log(1 - rand()) * mean;
    else t += gammaVariate(burstiness, rand) * (mean / burstiness);
  };
  let scale = 1;
  if (process !== 'constant' && pinned > 0) {
    while (raw.length < pinned) draw();
    if (t > 0) scale = (pinned * mean) / t;
  }
  return {
    has: (i) => i < limit(),
    at: (i) => {
      while (raw.length <= i) draw();
      return scale === 1 ? raw[i]! : raw[i]! * scale;
    },
  };
}

export function summarize(values: number[]): Summary {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  const [p99, p90, p50] = percentilesOf(values, [0.99, 0.9, 0.5]) as [number, number, number];
  return { mean: sum / values.length, p50, p90, p99 };
}

interface Req {
  index: number;
  input: number;
  output: number;
  sent: number;
  arrives: number;
  prefilled: number;
  firstToken: number;
  /** decode step counter at which the request has all its tokens */
  finishStep: number;
  /** the part of its context sum that does not grow with the step counter */
  contextBase: number;
}

/**
 * Binary min-heap of running requests by finishStep. Each request's finishStep is kept beside it
 * (it is set before the push and not changed while running): a pop compares keys in one array
 * rather than reading a field of each request it passes (a heap of 1,024 sequences).
 */
export class FinishHeap<R extends { finishStep: number } = Req> {
  private readonly items: R[] = [];
  private readonly keys: number[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): R | undefined {
    return this.items[0];
  }
  push(r: R): void {
    const a = this.items;
    const keys = this.keys;
    const key = r.finishStep;
    a.push(r);
    keys.push(key);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p]! <= key) break;
      a[i] = a[p]!;
      keys[i] = keys[p]!;
      i = p;
    }
    a[i] = r;
    keys[i] = key;
  }
  pop(): R | undefined {
    const a = this.items;
    const keys = this.keys;
    const top = a[0];
    const last = a.pop();
    const lastKey = keys.pop()!;
    const n = a.length;
    if (n > 0 && last) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        let best = lastKey;
        if (l < n && keys[l]! < best) {
          m = l;
          best = keys[l]!;
        }
        if (r < n && keys[r]! < best) m = r;
        if (m === i) break;
        a[i] = a[m]!;
        keys[i] = keys[m]!;
        i = m;
      }
      a[i] = last;
      keys[i] = lastKey;
    }
    return top;
  }
}

/** Most decode steps taken in one stride: the context's growth over a stride stays small. */
export const MAX_STRIDE = 64;

/** Arrivals of a steady open loop of `n` measured requests: a quarter more, or twice what can be in flight. */
export function steadyArrivals(n: number, inFlight: number, clients: number): number {
  return n + Math.max(Math.ceil(n / 4), 2 * Math.min(inFlight, clients));
}

/**
 * A steady open loop's warm-up once its first request has finished: every request sent by then, at
 * most as many again as are measured (the measured ones then see the engine full, not filling).
 */
export function warmupWhenFilled(sent: number, warmup: number, measured: number): number {
  return sent > warmup + 1 ? Math.min(sent, warmup + measured) : warmup;
}

/** Simulates one replica serving `load`; null when a pass cost is missing. */
export function simulate(load: LoadSpec, engine: EngineBehaviour, costs: StepCosts): SimulationOutcome | null {
  let n = Math.max(1, Math.floor(load.requests));
  let warmup = Math.min(Math.max(0, Math.floor(load.warmup)), n - 1);
  const measuredTarget = n - warmup;
  const tps = Math.max(1, engine.tokensPerStep);
  /** budget tokens a decoding sequence takes in a mixed pass */
  const perDecode = Math.max(1, engine.decodeBudgetTokens ?? tps);
  const budget = Math.max(1, Math.floor(engine.maxBatchedTokens));
  // a round trip of every in-flight pipeline batch: each has its own budget (one chunk per request)
  const stepRoom = budget * Math.max(1, Math.floor(engine.inFlightBatches ?? 1));
  const maxRunning = Math.max(1, Math.floor(engine.maxRunning));
  const recvInterval = Math.max(1, Math.floor(engine.recvInterval));
  const clients = Math.max(1, load.clients === Infinity ? Infinity : Math.floor(load.clients));
  // A steady open loop keeps arriving while the measured requests finish (no drained tail): as many
  // more as could be in flight beside them, twice over (a fixed quarter more ran dry while 4,000-token
  // answers drained: 4 requests/s read 14.0k tokens/s of the 16k sent, and the goodput search called
  // rates it kept up with saturated).
  const arrivalsAt =
    load.kind === 'open'
      ? arrivalStream(load.rate, load.arrival, load.burstiness, 1, n, () => (load.finite ? n : steadyArrivals(n, maxRunning, clients)))
      : null;
  // A steady open loop is measured once the engine has filled: what was sent before the first request
  // finished is warm-up too (at most as many again as the measured ones). A warm-up counted in requests
  // alone ended while two-minute answers were still filling the engine: the measured ones then decoded
  // in smaller batches than the steady state's, and a search run read 90% served at a rate it kept up with.
  let fillWarmup = load.kind === 'open' && !load.finite;

  // when the first measured request was sent (the window's start); finished requests are not kept
  let warmupSent = 0;
  const make = (i: number, sent: number): Req => {
    const input = load.inputs[i % load.inputs.length]!;
    const output = load.outputs[i % load.outputs.length]!;
    const r: Req = {
      index: i,
      input,
      output,
      sent,
      arrives: sent + engine.requestOverhead,
      prefilled: Math.min(input - 1, Math.floor(input * engine.prefixHitRate)),
      firstToken: 0,
      finishStep: 0,
      contextBase: 0,
    };
    if (i === warmup) warmupSent = sent;
    return r;
  };

  // Requests on their way to the engine, in arrival order (a FIFO with a moving head).
  const pending: Req[] = [];
  let pendingHead = 0;
  const waiting: Req[] = []; // seen by the engine, prompt not fully prefilled, FIFO
  let waitingHead = 0;
  const running = new FinishHeap();
  let inPrefill = 0; // admitted (holding KV) but not yet decoding: waiting[waitingHead .. waitingHead+inPrefill)
  let decodeStep = 0;
  let contextBaseSum = 0;

  let t = 0;
  /** when the last request finished (a slot freed for a request the client's cap held back) */
  let lastFinish = 0;
  let sentCount = 0;
  let inFlight = 0;
  let nextOpen = 0; // next open-loop arrival to release
  const send = (at: number): void => {
    if (sentCount >= n && load.finite) return;
    const r = make(sentCount++, at);
    inFlight++;
    // Keep the queue in arrival order (a request may be sent at a time before one already queued).
    let slot = pending.length;
    while (slot > pendingHead && pending[slot - 1]!.arrives > r.arrives) slot--;
    pending.splice(slot, 0, r);
  };
  const releaseOpen = (): void => {
    // Open loop: arrivals up to now, while fewer than `clients` are in flight (the client's cap).
    if (!arrivalsAt) return;
    // A request held back by the cap is sent when a slot frees: its TTFT counts from then.
    while (arrivalsAt.has(nextOpen) && arrivalsAt.at(nextOpen) <= t && inFlight < clients) {
      send(Math.max(arrivalsAt.at(nextOpen), lastFinish));
      nextOpen++;
    }
  };
  if (arrivalsAt) {
    releaseOpen();
  } else {
    for (let i = 0; i < Math.min(clients, n); i++) send(0);
  }

  const ttfts: number[] = [];
  const tpots: number[] = [];
  const e2es: number[] = [];
  let measuredDone = 0;
  let windowStart = NaN;
  let tokensAtStart = 0;
  let tokens = 0;
  let busy = 0;
  let busyAtStart = 0;
  let flops = 0;
  let flopsAtStart = 0;
  let steps = 0;
  let decodingSteps = 0;
  let batchSum = 0;
  // decode-only steps, each counted once per sequence in it
  let seqStepTime = 0;
  let seqSteps = 0;
  const minDecode = { batch: Infinity, context: Infinity };
  let peakRunning = 0;
  let events = 0;
  // The data-parallel ranks whose tokens share this rank's passes on the expert devices. Open-loop
  // ranks are busy independently, each as this one is. Ranks pass through the MoE layers together:
  // while another rank runs one long prompt pass this rank runs one pass too, so a pass carries
  // from each other rank its chance of being busy times its mean tokens a pass (not a mean over
  // time, which counted a long prompt pass again on every short decode step beside it).
  const ranks = Math.max(1, load.ranks);
  const independentRanks = load.kind === 'open' && ranks > 1;
  let ownTokens = 0;
  let ownPasses = 0;
  /** Ranks' worth of tokens a pass of `own` tokens carries to the expert devices (on a 1/64 grid: the step memo keys on it). */
  const activeRanks = (own: number): number => {
    if (!independentRanks || ownPasses === 0) return independentRanks ? 1 : ranks;
    // busy share from one mean arrival gap before the start, as a rank idle until its first request
    const share = Math.min(1, busy / (t + 1 / Math.max(load.rate, 1e-9)));
    const others = share * (ownTokens / ownPasses);
    return Math.round((1 + ((ranks - 1) * others) / Math.max(1, own)) * 64) / 64;
  };
  // With an overlap scheduler a pass's outputs reach the client when the next pass ends: first
  // tokens and finishes wait here for it.
  const lagged = engine.outputLag > 0;
  let deferredFirst: Req[] = [];
  let deferredFinish: Req[] = [];
  /** Stamps what earlier passes produced; `at` is when the pass that followed them ended. */
  const release = (first: Req[], done: Req[], at: number): void => {
    for (const r of first) r.firstToken = at;
    for (const r of done) finish(r, at);
  };

  let measuredOutput = 0;
  let measuredE2e = 0;
  const finish = (r: Req, at: number): void => {
    inFlight--;
    lastFinish = at;
    if (fillWarmup) {
      fillWarmup = false;
      const filled = warmupWhenFilled(sentCount, warmup, measuredTarget);
      if (filled !== warmup) [warmup, n, windowStart] = [filled, filled + measuredTarget, Number.NaN];
      // The first measured request was sent before this finish (more were sent than warm-up and
      // measured together): the window starts now, when its output and busy time are read, not at
      // that request's send (a span from then over counts from now read 3% busy and 317 tokens/s where the engine made at least 9,000).
      if (filled < sentCount) warmupSent = at;
    }
    if (r.index >= warmup && r.index < n) {
      measuredDone++;
      ttfts.push(r.firstToken - r.sent);
      e2es.push(at - r.sent);
      measuredOutput += r.output;
      measuredE2e += at - r.sent;
      if (r.output > 1) tpots.push((at - r.firstToken) / (r.output - 1));
    }
    if (!arrivalsAt) {
      // Closed loop: the client sends its next request at once.
      if (load.finite ? sentCount < n : measuredDone < measuredTarget) send(at);
    }
  };
  const noteWindowStart = (): void => {
    if (Number.isNaN(windowStart) && sentCount > warmup) {
      windowStart = warmupSent;
      tokensAtStart = tokens;
      busyAtStart = busy;
      flopsAtStart = flops;
      // the decode step the sequences saw, and its fewest sequences, over the measured window: an
      // open loop's first steps decode one sequence while it fills
      [seqStepTime, seqSteps, minDecode.batch, minDecode.context] = [0, 0, Infinity, Infinity];
    }
  };
  const join = (r: Req): void => {
    // First token out at the end of the pass that completed its prompt (a step later with overlap).
    tokens += 1;
    if (lagged) deferredFirst.push(r);
    else r.firstToken = t;
    if (r.output <= 1) {
      if (lagged) deferredFinish.push(r);
      else finish(r, t);
      return;
    }
    r.finishStep = decodeStep + Math.ceil((r.output - 1) / tps);
    // context = input + 1 + (decodeStep - joinStep) * tps
    r.contextBase = r.input + 1 - decodeStep * tps;
    contextBaseSum += r.contextBase;
    running.push(r);
  };
  const retire = (): void => {
    for (let top = running.peek(); top && top.finishStep <= decodeStep; top = running.peek()) {
      running.pop();
      contextBaseSum -= top.contextBase;
      if (lagged) deferredFinish.push(top);
      else finish(top, t);
    }
  };
  const meanContext = (extraSteps = 0): number => (running.size === 0 ? 0 : (contextBaseSum + running.size * (decodeStep + extraSteps) * tps) / running.size);
  const slotsFree = (): number => maxRunning - running.size - inPrefill;

  /** Fills one pass's prompt budget from the waiting queue, oldest first; admits new prompts while KV slots are free. */
  const fillPrefill = (room: number): { work: PrefillWork; completed: Req[] } | null => {
    let left = room;
    const work: PrefillWork = { tokens: 0, pairsFull: 0, pairsSliding: 0, pairsTopK: 0, completes: 0 };
    const completed: Req[] = [];
    for (let i = waitingHead; i < waiting.length && left > 0; i++) {
      const r = waiting[i]!;
      if (i - waitingHead >= inPrefill) {
        if (slotsFree() <= 0) break;
        inPrefill++;
      }
      const take = Math.min(r.input - r.prefilled, left, budget);
      const from = r.prefilled;
      const to = from + take;
      work.tokens += take;
      const p = load.pairs(from, to);
      work.pairsFull += p.pairsFull;
      work.pairsSliding += p.pairsSliding;
      work.pairsTopK += p.pairsTopK;
      left -= take;
      r.prefilled = to;
      if (to >= r.input) {
        work.completes++;
        completed.push(r);
      }
    }
    return work.tokens > 0 ? { work, completed } : null;
  };
  const popCompleted = (completed: Req[]): void => {
    // The pass took the oldest prompts in order: all it completed lead the queue.
    waitingHead += completed.length;
    inPrefill -= completed.length;
    if (waitingHead > 1024 && waitingHead * 2 > waiting.length) {
      waiting.splice(0, waitingHead);
      waitingHead = 0;
    }
    for (const r of completed) join(r);
  };

  // Attention-DP balance: steps this rank has held its new prompts, and how often a rank has any
  // waiting (the chance that all ranks have one at once is that share to the power of the ranks).
  const balance = engine.balance && engine.balance.ranks > 1 && engine.balance.timeoutSteps > 0 ? engine.balance : null;
  let heldSteps = 0;
  let stepsWithWaiting = 0;
  // TensorRT-LLM's timeout counter is one for all ranks (_balance_adp_requests): it counts every step
  // since prompts were last scheduled, not since this prompt arrived, and the step that brings it to
  // timeoutSteps schedules what waits (nothing, when no prompt does) and starts it again.
  let sinceRelease = 0;
  /** Steps a new prompt is held on a decoding rank: until all ranks have one (expected), at most the timeout. */
  const holdLimit = (): number => {
    if (!balance) return 0;
    const share = steps > 0 ? Math.min(1, stepsWithWaiting / steps) : 0;
    const allRanks = share ** (balance.ranks - 1);
    return Math.min(balance.timeoutSteps, allRanks > 0 ? Math.ceil(1 / allRanks) - 1 : balance.timeoutSteps);
  };

  // TensorRT-LLM's batch waiting: steps the engine has held new prompts since it last scheduled some.
  const batchWait = engine.batchWait && engine.batchWait.timeoutSteps > 0 && engine.batchWait.tokenRatio > 0 ? engine.batchWait : null;
  let batchWaited = 0;
  // TensorRT-LLM counts a decoding sequence as 1 + its draft tokens, whatever is accepted.
  const waitDecodeTokens = Math.max(1, batchWait?.tokensPerDecode ?? tps);
  /** Tokens TensorRT-LLM's check counts: the waiting prompts one pass would take whole (a first one in part), plus the decodes. */
  const batchWaitTokens = (decoding: number): number => {
    const room = budget - decoding * waitDecodeTokens;
    let ctx = 0;
    let slots = slotsFree();
    for (let i = waitingHead; i < waiting.length && slots > 0; i++, slots--) {
      const r = waiting[i]!;
      const need = r.input - r.prefilled;
      if (ctx + need > room) {
        if (ctx === 0) ctx = Math.max(0, room);
        break;
      }
      ctx += need;
    }
    return ctx + decoding * waitDecodeTokens;
  };

  let truncated = false;
  while (load.finite ? measuredDone < measuredTarget || running.size > 0 || sentCount < n : measuredDone < measuredTarget) {
    if (++events > MAX_EVENTS) {
      truncated = true;
      break;
    }
    // about 2 µs an event, like parsing some 16 characters: the plan's work budget counts it too
    chargeWork(SIMULATION_EVENT_WORK);
    releaseOpen();
    // A busy scheduler reads its queue only every recvInterval steps; an idle one at once.
    const idle = running.size === 0 && waiting.length === waitingHead;
    if (idle || steps % recvInterval === 0) {
      while (pendingHead < pending.length && pending[pendingHead]!.arrives <= t) waiting.push(pending[pendingHead++]!);
    }
    if (pendingHead > 1024 && pendingHead * 2 > pending.length) {
      pending.splice(0, pendingHead);
      pendingHead = 0;
    }
    noteWindowStart();
    const batch = running.size;
    let hasWaiting = waiting.length > waitingHead && (inPrefill > 0 || slotsFree() > 0);
    let holdLeft = 0;
    if (balance && hasWaiting && inPrefill === 0 && batch > 0) {
      holdLeft = Math.min(balance.timeoutSteps - 1 - sinceRelease, holdLimit() - heldSteps);
      if (holdLeft > 0) hasWaiting = false;
    }
    let waitLeft = 0;
    if (batchWait && hasWaiting && inPrefill === 0 && batch > 0 && batchWaited < batchWait.timeoutSteps) {
      if (batchWaitTokens(batch) < batchWait.tokenRatio * budget) {
        waitLeft = batchWait.timeoutSteps - batchWaited;
        hasWaiting = false;
      }
    }

    if (hasWaiting && (engine.policy === 'prefill-first' || batch * perDecode < stepRoom || batch === 0)) {
      // A pass with prompt work: prefill alone (prefill-first) or riding along the decodes (mixed).
      const decoding = engine.policy === 'mixed' ? batch : 0;
      const filled = fillPrefill(stepRoom - (engine.policy === 'mixed' ? Math.min(stepRoom - 1, decoding * perDecode) : 0));
      if (filled) {
        heldSteps = 0;
        sinceRelease = 0;
        // TensorRT-LLM runs its check, and so restarts the count, only on a step with decodes.
        if (batch > 0) batchWaited = 0;
        if (balance) stepsWithWaiting++;
        const own = filled.work.tokens + decoding;
        const cost = costs.step(filled.work, decoding, meanContext(), activeRanks(own));
        if (!cost) return null;
        ownTokens += own;
        ownPasses++;
        const dt = cost.time + engine.stepOverhead;
        const [first, done] = [deferredFirst, deferredFinish];
        deferredFirst = [];
        deferredFinish = [];
        t += dt;
        release(first, done, t);
        busy += dt;
        flops += cost.flops;
        steps++;
        if (decoding > 0) {
          decodeStep++;
          decodingSteps++;
          batchSum += decoding;
          tokens += decoding * tps;
          retire();
        }
        popCompleted(filled.completed);
        peakRunning = Math.max(peakRunning, running.size + inPrefill);
        continue;
      }
    }
    if (batch > 0) {
      // Decode steps until the next event: a sequence finishes, or a request reaches the engine.
      const top = running.peek()!;
      let stride = Math.min(MAX_STRIDE, Math.max(1, top.finishStep - decodeStep));
      const dp = activeRanks(batch);
      const probeContext = meanContext((stride - 1) / 2);
      const probe = costs.step(null, batch, probeContext, dp);
      if (!probe) return null;
      const dt1 = probe.time + engine.stepOverhead;
      const nextArrival = nextEventTime();
      if (nextArrival !== null && (engine.policy === 'prefill-first' || batch * perDecode < stepRoom)) {
        // Stop at the first step boundary after the next request arrives that reads the queue.
        let k = Math.max(0, Math.ceil((nextArrival - t) / dt1));
        if (recvInterval > 1) k += (recvInterval - ((steps + k) % recvInterval)) % recvInterval;
        stride = Math.max(1, Math.min(stride, k));
      }
      // Outputs held by an overlap scheduler go out when this step ends: a closed loop's client may
      // then send at once, so take this one step alone.
      if (deferredFirst.length > 0 || deferredFinish.length > 0) stride = 1;
      if (holdLeft > 0) {
        stride = Math.min(stride, holdLeft);
        heldSteps += stride;
      }
      if (waitLeft > 0) {
        stride = Math.min(stride, waitLeft);
        batchWaited += stride;
      }
      if (balance && waiting.length > waitingHead) stepsWithWaiting += stride;
      if (balance) sinceRelease = (sinceRelease + stride) % balance.timeoutSteps;
      // the context each step of the stride is priced at (the probe's when it runs alone)
      const context = stride === 1 ? probeContext : meanContext((stride - 1) / 2);
      const cost = stride === 1 ? probe : costs.step(null, batch, context, dp);
      if (!cost) return null;
      ownTokens += batch * stride;
      ownPasses += stride;
      const dt = (cost.time + engine.stepOverhead) * stride;
      const [first, done] = [deferredFirst, deferredFinish];
      deferredFirst = [];
      deferredFinish = [];
      release(first, done, t + cost.time + engine.stepOverhead);
      t += dt;
      busy += dt;
      flops += cost.flops * stride;
      steps += stride;
      decodingSteps += stride;
      batchSum += batch * stride;
      seqStepTime += batch * stride * cost.time;
      seqSteps += batch * stride;
      minDecode.batch = Math.min(minDecode.batch, batch);
      minDecode.context = Math.min(minDecode.context, context);
      tokens += batch * tps * stride;
      decodeStep += stride;
      retire();
      continue;
    }
    // Idle: outputs still held by the overlap scheduler go out now; wait for the next request.
    if (deferredFirst.length > 0 || deferredFinish.length > 0) {
      const [first, done] = [deferredFirst, deferredFinish];
      deferredFirst = [];
      deferredFinish = [];
      release(first, done, t);
      continue;
    }
    const next = nextEventTime();
    if (next === null) break; // nothing left to come
    t = Math.max(t, next);
  }

  function nextEventTime(): number | null {
    let next: number | null = pendingHead < pending.length ? pending[pendingHead]!.arrives : null;
    if (arrivalsAt?.has(nextOpen) && inFlight < clients) {
      const a = arrivalsAt.at(nextOpen) + engine.requestOverhead;
      next = next === null ? a : Math.min(next, a);
    }
    return next;
  }

  if (ttfts.length === 0) return null;
  const start = Number.isNaN(windowStart) ? 0 : windowStart;
  const end = load.finite ? Math.max(t, lastFinish) : lastFinish;
  const span = Math.max(end - start, 1e-12);
  return {
    requests: sentCount,
    measured: measuredDone,
    ttft: summarize(ttfts),
    tpot: tpots.length > 0 ? summarize(tpots) : null,
    e2e: summarize(e2es),
    throughput: load.finite
      ? tokens / Math.max(end, 1e-12)
      : load.kind === 'closed'
        ? // Each client's cycle is its request's end-to-end time (renewal-reward: output per cycle over
          // cycle length); a window from the first measured send to the last measured finish cuts the
          // waves of a mixed schedule at different phases and read 5-16% low.
          (clients * measuredOutput) / Math.max(measuredE2e, 1e-12)
        : (tokens - tokensAtStart) / span,
    wallTime: end,
    steps,
    meanBatch: decodingSteps > 0 ? batchSum / decodingSteps : 0,
    meanDecodeStep: seqSteps > 0 ? seqStepTime / seqSteps : null,
    minDecode: seqSteps > 0 ? minDecode : null,
    peakRunning,
    busyFraction: Math.min(1, (busy - busyAtStart) / span),
    flopsPerSecond: (flops - flopsAtStart) / span,
    truncated,
  };
}
