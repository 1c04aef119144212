// The scheduler simulation of a disaggregated deployment (docs/formulas.md, "Disaggregated prefill
// and decode"): the same request-level simulation as simulator.ts, with two pools of workers.
//  - A request is admitted when a decode worker can reserve a slot for it (the decode side allocates
//    the KV cache before the prompt runs: SGLang's prealloc queue, Dynamo's decode-first flow); the
//    rest wait in arrival order, and their TTFT grows.
//  - Prefill workers take admitted prompts from one queue (the router sends work to a free worker),
//    oldest first, in prefill-only passes of up to max_batched_tokens per attention rank; prompts
//    waiting when several workers are idle are shared out among them (at most ceil(waiting / idle)
//    new prompts each, after a worker's own unfinished chunks), as a least-loaded router spreads a
//    burst; a longer prompt is chunked over passes of the same worker.
//  - When its last chunk is done, the prompt's KV cache goes to its decode worker over the link of the
//    attention rank that holds it (transfers from one rank queue behind each other, overlapping the
//    worker's next passes).
//  - A decode worker takes in transferred requests at its next step boundary; the first token reaches
//    the client then (a step later with an overlap scheduler), as SGLang's and TensorRT-LLM's decode
//    servers stream the token the prefill computed. Its steps advance every running sequence, in
//    strides between events as in simulator.ts.
// Arrivals, clients, finite runs, warm-up and the measured window are those of simulator.ts.
import {
  arrivalStream,
  steadyArrivals,
  warmupWhenFilled,
  FinishHeap,
  MAX_EVENTS,
  MAX_STRIDE,
  SIMULATION_EVENT_WORK,
  summarize,
  type LoadSpec,
  type PrefillWork,
  type SimulationOutcome,
  type StepCost,
} from './simulator.js';
import { chargeWork } from './work-budget.js';

export interface PrefillPoolBehaviour {
  workers: number;
  /** attention data-parallel ranks per worker: each holds its own prompts in a pass */
  ranks: number;
  /** prompt tokens one rank's share of a pass may hold */
  maxBatchedTokens: number;
  /** host seconds per pass not overlapped with the GPU */
  stepOverhead: number;
  /**
   * pipeline batches a worker keeps in flight (pp > 1: its microbatches), each of up to
   * maxBatchedTokens per rank; a pass is their round trip, one prompt in one batch (simulator.ts).
   * Absent: 1.
   */
  inFlightBatches?: number;
}

export interface DecodePoolBehaviour {
  workers: number;
  /** attention data-parallel ranks per worker: the running batch is spread over them */
  ranks: number;
  /** sequences one worker may hold at once (KV cache and the engine's cap), reserved from admission */
  maxRunning: number;
  stepOverhead: number;
  /** tokens each sequence gains per step (speculative acceptance, else 1) */
  tokensPerStep: number;
  /** steps by which outputs reach the client (1 with an overlap scheduler) */
  outputLag: number;
}

export interface PoolsBehaviour {
  prefill: PrefillPoolBehaviour;
  decode: DecodePoolBehaviour;
  /** seconds from a request leaving the client to the deployment seeing it */
  requestOverhead: number;
  /**
   * seconds from a prompt's KV cache landing to its decode worker scheduling it: the request's second
   * pass through the serving stack (the router hands the prefilled request to the decode worker)
   */
  handoffOverhead: number;
  prefixHitRate: number;
  /** seconds one prompt's KV cache of `input` tokens takes over the prefill worker's link */
  transferTime(input: number): number;
}

export interface PoolCosts {
  /** a prefill-only pass: the busiest attention rank's prompt work, with `ranks` ranks busy */
  prefill(work: PrefillWork, ranks: number): StepCost | null;
  /** one decode step of a worker: `batch` sequences per attention rank at mean `context` tokens */
  decode(batch: number, context: number): StepCost | null;
}

export interface PoolsOutcome extends SimulationOutcome {
  /** busy fraction of the prefill and decode pools over the measured window (mean over workers) */
  prefillBusy: number;
  decodeBusy: number;
  /** mean seconds from a prompt's last pass to its KV cache on the decode worker (link queueing included) */
  meanTransfer: number;
  /** mean seconds a measured request waited for a decode slot before its prompt could run */
  meanAdmissionWait: number;
  /** sequences a decode worker ran at once, averaged over the measured window's time */
  decodeRunning: number;
  /**
   * most KV slots one decode worker held at once: requests admitted to it (their slot reserved while
   * their prompt waits, runs and moves) and not yet finished; what its KV cache must hold at the peak
   */
  decodePeakHeld: number;
}

interface PReq {
  index: number;
  input: number;
  output: number;
  sent: number;
  arrives: number;
  admitted: number;
  prefilled: number;
  /** the attention rank of its prefill worker that holds its cache (its transfer leaves over that rank's link) */
  rank: number;
  worker: number;
  prefillDone: number;
  transferDone: number;
  /** when its decode worker may take it in: transferDone plus the handoff */
  readyAt: number;
  firstToken: number;
  finishStep: number;
  contextBase: number;
}

interface PrefillWorker {
  busy: boolean;
  until: number;
  /** prompts of this worker not yet fully prefilled (chunked) */
  partial: PReq[];
  /** prompts the running pass completes */
  completing: PReq[];
  /** per attention rank: when its link is free for the next KV transfer */
  linkFree: number[];
}

interface DecodeWorker {
  running: FinishHeap<PReq>;
  step: number;
  contextBaseSum: number;
  /** slots held: admitted, not yet finished */
  reserved: number;
  /** transfers on their way here, by readyAt */
  incoming: PReq[];
  busy: boolean;
  start: number;
  stepDt: number;
  steps: number;
  end: number;
  batch: number;
  flopsPerStep: number;
  deferredFirst: PReq[];
  deferredFinish: PReq[];
}

const EMPTY_WORK = (): PrefillWork => ({ tokens: 0, pairsFull: 0, pairsSliding: 0, pairsTopK: 0, completes: 0 });

/** Inserts `r` at `slot` (push when last: splice costs more, and most go last). */
function insertAt<T>(list: T[], slot: number, r: T): void {
  if (slot === list.length) list.push(r);
  else list.splice(slot, 0, r);
}

/** Simulates a disaggregated deployment serving `load`; null when a pass cost is missing. */
export function simulatePools(load: LoadSpec, pools: PoolsBehaviour, costs: PoolCosts): PoolsOutcome | null {
  let n = Math.max(1, Math.floor(load.requests));
  let warmup = Math.min(Math.max(0, Math.floor(load.warmup)), n - 1);
  const measuredTarget = n - warmup;
  // a steady open loop is measured once the pools have filled (simulator.ts)
  let fillWarmup = load.kind === 'open' && !load.finite;
  const P = pools.prefill;
  const D = pools.decode;
  const tps = Math.max(1, D.tokensPerStep);
  const budget = Math.max(1, Math.floor(P.maxBatchedTokens));
  // a pass is the round trip of every in-flight pipeline batch, each with its own budget
  const passRoom = budget * Math.max(1, Math.floor(P.inFlightBatches ?? 1));
  const pRanks = Math.max(1, Math.floor(P.ranks));
  const dRanks = Math.max(1, Math.floor(D.ranks));
  const maxRunning = Math.max(1, Math.floor(D.maxRunning));
  const lagged = D.outputLag > 0;
  const clients = Math.max(1, load.clients === Infinity ? Infinity : Math.floor(load.clients));
  // a steady open loop keeps arriving while its measured requests finish (simulator.ts)
  const inFlightMost = maxRunning * Math.max(1, Math.floor(D.workers));
  const arrivalsAt =
    load.kind === 'open'
      ? arrivalStream(load.rate, load.arrival, load.burstiness, 1, n, () => (load.finite ? n : steadyArrivals(n, inFlightMost, clients)))
      : null;

  const prefillWorkers: PrefillWorker[] = Array.from({ length: Math.max(1, Math.floor(P.workers)) }, () => ({
    busy: false,
    until: 0,
    partial: [],
    completing: [],
    linkFree: new Array<number>(Math.max(1, Math.floor(P.ranks))).fill(0),
  }));
  const decodeWorkers: DecodeWorker[] = Array.from({ length: Math.max(1, Math.floor(D.workers)) }, () => ({
    running: new FinishHeap<PReq>(),
    step: 0,
    contextBaseSum: 0,
    reserved: 0,
    incoming: [],
    busy: false,
    start: 0,
    stepDt: 0,
    steps: 0,
    end: 0,
    batch: 0,
    flopsPerStep: 0,
    deferredFirst: [],
    deferredFinish: [],
  }));

  // when the first measured request was sent (the window's start); finished requests are not kept
  let warmupSent = 0;
  const pending: PReq[] = [];
  let pendingHead = 0;
  const admission: PReq[] = [];
  let admissionHead = 0;
  const prefillQueue: PReq[] = [];
  let prefillHead = 0;

  let t = 0;
  let lastFinish = 0;
  let sentCount = 0;
  let inFlight = 0;
  let nextOpen = 0;
  const send = (at: number): void => {
    if (sentCount >= n && load.finite) return;
    const i = sentCount++;
    const input = load.inputs[i % load.inputs.length]!;
    const r: PReq = {
      index: i,
      input,
      output: load.outputs[i % load.outputs.length]!,
      sent: at,
      arrives: at + pools.requestOverhead,
      admitted: 0,
      prefilled: Math.min(input - 1, Math.floor(input * pools.prefixHitRate)),
      rank: 0,
      worker: -1,
      prefillDone: 0,
      transferDone: 0,
      readyAt: 0,
      firstToken: 0,
      finishStep: 0,
      contextBase: 0,
    };
    if (i === warmup) warmupSent = at;
    inFlight++;
    let slot = pending.length;
    while (slot > pendingHead && pending[slot - 1]!.arrives > r.arrives) slot--;
    insertAt(pending, slot, r);
  };
  const releaseOpen = (): void => {
    if (!arrivalsAt) return;
    while (arrivalsAt.has(nextOpen) && arrivalsAt.at(nextOpen) <= t && inFlight < clients) {
      send(Math.max(arrivalsAt.at(nextOpen), lastFinish));
      nextOpen++;
    }
  };
  if (arrivalsAt) releaseOpen();
  else for (let i = 0; i < Math.min(clients, n); i++) send(0);

  const ttfts: number[] = [];
  const tpots: number[] = [];
  const e2es: number[] = [];
  let transferSum = 0;
  let admissionWaitSum = 0;
  let measuredDone = 0;
  let windowStart = NaN;
  let tokens = 0;
  let tokensAtStart = 0;
  let prefillBusy = 0;
  let prefillBusyAtStart = 0;
  let decodeBusy = 0;
  let decodeBusyAtStart = 0;
  let runningTime = 0;
  let runningTimeAtStart = 0;
  let flops = 0;
  let flopsAtStart = 0;
  let steps = 0;
  let decodingSteps = 0;
  let batchSum = 0;
  // the decode step its sequences saw and its fewest sequences, over the measured window (simulator.ts)
  let seqStepTime = 0;
  let seqBatch = 0;
  const minDecode = { batch: Infinity, context: Infinity };
  let peakRunning = 0;
  let peakHeld = 0;
  let events = 0;

  let finishes = 0;
  const finish = (r: PReq, at: number): void => {
    finishes++;
    inFlight--;
    lastFinish = at;
    decodeWorkers[r.worker]!.reserved--;
    if (fillWarmup) {
      fillWarmup = false;
      const filled = warmupWhenFilled(sentCount, warmup, measuredTarget);
      if (filled !== warmup) [warmup, n, windowStart] = [filled, filled + measuredTarget, Number.NaN];
      // The first measured request was sent before this finish (more were sent than warm-up and
      // measured together): the window starts now, when its output and busy time are read, not at
      // that request's send (a span from then over counts from now read the decode pool 6% busy and 591 tokens/s of about 10,000).
      if (filled < sentCount) warmupSent = at;
    }
    if (r.index >= warmup && r.index < n) {
      measuredDone++;
      ttfts.push(r.firstToken - r.sent);
      e2es.push(at - r.sent);
      transferSum += r.transferDone - r.prefillDone;
      admissionWaitSum += r.admitted - r.arrives;
      if (r.output > 1) tpots.push((at - r.firstToken) / (r.output - 1));
    }
    if (!arrivalsAt && (load.finite ? sentCount < n : measuredDone < measuredTarget)) send(at);
  };
  const noteWindowStart = (): void => {
    if (Number.isNaN(windowStart) && sentCount > warmup) {
      windowStart = warmupSent;
      tokensAtStart = tokens;
      prefillBusyAtStart = prefillBusy;
      decodeBusyAtStart = decodeBusy;
      runningTimeAtStart = runningTime;
      flopsAtStart = flops;
      [seqStepTime, seqBatch, minDecode.batch, minDecode.context] = [0, 0, Infinity, Infinity];
    }
  };

  /** Admits waiting requests in arrival order while a decode worker has a free slot (the least loaded one takes it). */
  const admit = (): void => {
    while (admissionHead < admission.length) {
      let best = -1;
      for (let i = 0; i < decodeWorkers.length; i++) {
        const w = decodeWorkers[i]!;
        if (w.reserved < maxRunning && (best < 0 || w.reserved < decodeWorkers[best]!.reserved)) best = i;
      }
      if (best < 0) break;
      const r = admission[admissionHead++]!;
      r.worker = best;
      r.admitted = t;
      const held = ++decodeWorkers[best]!.reserved;
      if (held > peakHeld) peakHeld = held;
      prefillQueue.push(r);
    }
    if (admissionHead > 1024 && admissionHead * 2 > admission.length) {
      admission.splice(0, admissionHead);
      admissionHead = 0;
    }
  };

  // One pass's room and work per rank, refilled by each startPass (a pass allocates only its two lists).
  const room = new Array<number>(pRanks).fill(passRoom);
  const work = Array.from({ length: pRanks }, EMPTY_WORK);
  let stillPartial: PReq[] = [];
  let completing: PReq[] = [];
  const place = (r: PReq): boolean => {
    let rank = 0;
    for (let k = 1; k < pRanks; k++) if (room[k]! > room[rank]!) rank = k;
    if (room[rank]! <= 0) return false;
    const take = Math.min(r.input - r.prefilled, room[rank]!, budget);
    const p = load.pairs(r.prefilled, r.prefilled + take);
    const wk = work[rank]!;
    wk.tokens += take;
    wk.pairsFull += p.pairsFull;
    wk.pairsSliding += p.pairsSliding;
    wk.pairsTopK += p.pairsTopK;
    room[rank]! -= take;
    r.prefilled += take;
    r.rank = rank;
    if (r.prefilled >= r.input) {
      wk.completes++;
      completing.push(r);
    } else stillPartial.push(r);
    return true;
  };

  /**
   * One prefill pass on an idle worker: its chunked prompts first, then at most `share` prompts of
   * the queue, each to the rank with the most room.
   */
  const startPass = (w: PrefillWorker, share: number): boolean => {
    for (let k = 0; k < pRanks; k++) {
      room[k] = passRoom;
      const wk = work[k]!;
      wk.tokens = 0;
      wk.pairsFull = 0;
      wk.pairsSliding = 0;
      wk.pairsTopK = 0;
      wk.completes = 0;
    }
    stillPartial = [];
    completing = [];
    for (const r of w.partial) if (!place(r)) stillPartial.push(r);
    for (let taken = 0; taken < share && prefillHead < prefillQueue.length && place(prefillQueue[prefillHead]!); taken++) prefillHead++;
    if (prefillHead > 1024 && prefillHead * 2 > prefillQueue.length) {
      prefillQueue.splice(0, prefillHead);
      prefillHead = 0;
    }
    let busiest = 0;
    let busyRanks = 0;
    let total = 0;
    for (let k = 0; k < pRanks; k++) {
      if (work[k]!.tokens > 0) busyRanks++;
      total += work[k]!.tokens;
      if (work[k]!.tokens > work[busiest]!.tokens) busiest = k;
    }
    if (total === 0) return true;
    const cost = costs.prefill(work[busiest]!, busyRanks);
    if (!cost) return false;
    const dt = cost.time + P.stepOverhead;
    w.busy = true;
    w.until = t + dt;
    w.partial = stillPartial;
    w.completing = completing;
    prefillBusy += dt;
    flops += cost.flops * (total / work[busiest]!.tokens);
    return true;
  };

  /** The pass ends: each completed prompt's KV cache leaves over its rank's link, in turn. */
  const endPass = (w: PrefillWorker): void => {
    w.busy = false;
    for (const r of w.completing) {
      r.prefillDone = w.until;
      const start = Math.max(w.until, w.linkFree[r.rank]!);
      r.transferDone = start + pools.transferTime(r.input);
      r.readyAt = r.transferDone + pools.handoffOverhead;
      w.linkFree[r.rank] = r.transferDone;
      const dw = decodeWorkers[r.worker]!;
      let slot = dw.incoming.length;
      while (slot > 0 && dw.incoming[slot - 1]!.readyAt > r.readyAt) slot--;
      insertAt(dw.incoming, slot, r);
      // A decode worker mid-stride stops at the first step boundary after the request is handed over.
      if (dw.busy && r.readyAt < dw.end) {
        const k = Math.max(1, Math.ceil((r.readyAt - dw.start) / dw.stepDt - 1e-9));
        if (k < dw.steps) {
          dw.steps = k;
          dw.end = dw.start + k * dw.stepDt;
        }
      }
    }
    w.completing = [];
  };

  const meanContext = (w: DecodeWorker, extraSteps: number): number =>
    w.running.size === 0 ? 0 : (w.contextBaseSum + w.running.size * (w.step + extraSteps) * tps) / w.running.size;

  /** Transferred requests join the worker's running batch at this step boundary. */
  const joinDue = (w: DecodeWorker): void => {
    while (w.incoming.length > 0 && w.incoming[0]!.readyAt <= t) {
      const r = w.incoming.shift()!;
      tokens += 1;
      if (lagged) w.deferredFirst.push(r);
      else r.firstToken = t;
      if (r.output <= 1) {
        if (lagged) w.deferredFinish.push(r);
        else finish(r, t);
        continue;
      }
      r.finishStep = w.step + Math.ceil((r.output - 1) / tps);
      r.contextBase = r.input + 1 - w.step * tps;
      w.contextBaseSum += r.contextBase;
      w.running.push(r);
    }
    peakRunning = Math.max(peakRunning, w.running.size);
  };
  const release = (w: DecodeWorker, at: number): void => {
    const [first, done] = [w.deferredFirst, w.deferredFinish];
    w.deferredFirst = [];
    w.deferredFinish = [];
    for (const r of first) r.firstToken = at;
    for (const r of done) finish(r, at);
  };

  const startStride = (w: DecodeWorker): boolean => {
    const batch = w.running.size;
    const top = w.running.peek()!;
    let stride = Math.min(MAX_STRIDE, Math.max(1, top.finishStep - w.step));
    if (w.deferredFirst.length > 0 || w.deferredFinish.length > 0) stride = 1;
    const probeContext = meanContext(w, (stride - 1) / 2);
    const probe = costs.decode(batch / dRanks, probeContext);
    if (!probe) return false;
    const dt1 = probe.time + D.stepOverhead;
    if (w.incoming.length > 0) stride = Math.max(1, Math.min(stride, Math.ceil((w.incoming[0]!.readyAt - t) / dt1 - 1e-9)));
    const context = stride === 1 ? probeContext : meanContext(w, (stride - 1) / 2);
    const cost = stride === 1 ? probe : costs.decode(batch / dRanks, context);
    if (!cost) return false;
    minDecode.batch = Math.min(minDecode.batch, batch);
    minDecode.context = Math.min(minDecode.context, context);
    w.busy = true;
    w.start = t;
    w.stepDt = cost.time + D.stepOverhead;
    w.steps = stride;
    w.end = t + w.stepDt * stride;
    w.batch = batch;
    w.flopsPerStep = cost.flops * dRanks;
    return true;
  };

  const endStride = (w: DecodeWorker): void => {
    w.busy = false;
    if (w.deferredFirst.length > 0 || w.deferredFinish.length > 0) release(w, w.start + w.stepDt);
    const dt = w.stepDt * w.steps;
    decodeBusy += dt;
    runningTime += w.batch * dt;
    flops += w.flopsPerStep * w.steps;
    steps += w.steps;
    decodingSteps += w.steps;
    batchSum += w.batch * w.steps;
    seqStepTime += w.batch * w.steps * (w.stepDt - D.stepOverhead);
    seqBatch += w.batch * w.steps;
    tokens += w.batch * tps * w.steps;
    w.step += w.steps;
    for (let top = w.running.peek(); top && top.finishStep <= w.step; top = w.running.peek()) {
      w.running.pop();
      w.contextBaseSum -= top.contextBase;
      if (lagged) w.deferredFinish.push(top);
      else finish(top, t);
    }
  };

  let truncated = false;
  for (;;) {
    const more = load.finite ? measuredDone < measuredTarget || inFlight > 0 || sentCount < n : measuredDone < measuredTarget;
    if (!more) break;
    if (++events > MAX_EVENTS) {
      truncated = true;
      break;
    }
    // the plan's work budget (work-budget.ts), as for the aggregated simulation
    chargeWork(SIMULATION_EVENT_WORK);
    releaseOpen();
    while (pendingHead < pending.length && pending[pendingHead]!.arrives <= t) admission.push(pending[pendingHead++]!);
    if (pendingHead > 1024 && pendingHead * 2 > pending.length) {
      pending.splice(0, pendingHead);
      pendingHead = 0;
    }
    admit();
    noteWindowStart();
    // The router spreads waiting prompts over the idle prefill workers, as a least-loaded router
    // does, rather than the first idle worker taking all its pass holds while the others wait.
    let idle = 0;
    for (const w of prefillWorkers) if (!w.busy) idle++;
    for (const w of prefillWorkers) {
      if (w.busy) continue;
      const share = Math.ceil((prefillQueue.length - prefillHead) / idle--);
      if ((w.partial.length > 0 || share > 0) && !startPass(w, share)) return null;
    }
    const finishedBefore = finishes;
    for (const w of decodeWorkers) {
      if (w.busy) continue;
      joinDue(w);
      if (w.running.size > 0) {
        if (!startStride(w)) return null;
      } else if (w.deferredFirst.length > 0 || w.deferredFinish.length > 0) release(w, t);
    }
    // Requests finished on an idle worker (one output token, or outputs its overlap scheduler held)
    // free their slots now: admit the next requests at once (with nothing else to come, waiting for
    // an event would end the run while they wait).
    if (finishes > finishedBefore) continue;

    // The next event: an arrival, a pass or a stride ending, a transfer landing on an idle worker.
    let next = pendingHead < pending.length ? pending[pendingHead]!.arrives : Infinity;
    if (arrivalsAt?.has(nextOpen) && inFlight < clients) next = Math.min(next, arrivalsAt.at(nextOpen) + pools.requestOverhead);
    for (const w of prefillWorkers) if (w.busy) next = Math.min(next, w.until);
    for (const w of decodeWorkers) {
      if (w.busy) next = Math.min(next, w.end);
      else if (w.incoming.length > 0) next = Math.min(next, w.incoming[0]!.readyAt);
    }
    if (next === Infinity) break;
    t = Math.max(t, next);
    for (const w of prefillWorkers) if (w.busy && w.until <= t) endPass(w);
    for (const w of decodeWorkers) if (w.busy && w.end <= t) endStride(w);
  }

  if (ttfts.length === 0) return null;
  const start = Number.isNaN(windowStart) ? 0 : windowStart;
  const end = load.finite ? Math.max(t, lastFinish) : lastFinish;
  const span = Math.max(end - start, 1e-12);
  const prefillShare = Math.min(1, (prefillBusy - prefillBusyAtStart) / (span * prefillWorkers.length));
  const decodeShare = Math.min(1, (decodeBusy - decodeBusyAtStart) / (span * decodeWorkers.length));
  return {
    requests: sentCount,
    measured: measuredDone,
    ttft: summarize(ttfts),
    tpot: tpots.length > 0 ? summarize(tpots) : null,
    e2e: summarize(e2es),
    throughput: load.finite ? tokens / Math.max(end, 1e-12) : (tokens - tokensAtStart) / span,
    wallTime: end,
    steps,
    meanBatch: decodingSteps > 0 ? batchSum / decodingSteps : 0,
    // every decode step of a decode worker is decode-only
    meanDecodeStep: seqBatch > 0 ? seqStepTime / seqBatch : null,
    minDecode: seqBatch > 0 ? minDecode : null,
    peakRunning,
    busyFraction: Math.max(prefillShare, decodeShare),
    flopsPerSecond: (flops - flopsAtStart) / span,
    truncated,
    prefillBusy: prefillShare,
    decodeBusy: decodeShare,
    meanTransfer: transferSum / Math.max(1, measuredDone),
    meanAdmissionWait: admissionWaitSum / Math.max(1, measuredDone),
    decodeRunning: (runningTime - runningTimeAtStart) / (span * decodeWorkers.length),
    decodePeakHeld: peakHeld,
  };
}
