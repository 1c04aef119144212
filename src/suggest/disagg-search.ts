// The disaggregated side of `suggest` (docs/suggest.md, "Disaggregated layouts"): prefill and decode
// worker layouts and worker ratios on the plan's devices, beside the aggregated layouts.
//  1. Profile: each worker layout an engine can run for a pool (one stage, no context parallelism),
//     by the core's own pool figures and pass costs (no load simulated): whether it fits, how many
//     prompts per second a prefill worker passes, how long a decode step takes at each batch.
//  2. Screen: every whole-worker mix of the best prefill and decode layouts on the plan's devices,
//     by a closed-form reading of those costs (the slower pool paces the deployment).
//  3. Verify: the best few mixes by the real verifier (the two-pool simulation), which alone decides
//     their status, figures and margins.
import { computeDisaggregated, type DisaggFigures } from '../core/disagg-estimates.js';
import { resolvePools } from '../core/disagg-pools.js';
import { deriveModelFacts, factsOptionsOf, type ModelFacts } from '../core/modelFacts.js';
import { layerPairs } from '../core/performance.js';
import { verifyLoadedPlan } from '../core/verify.js';
import { checkDeadline } from '../core/work-budget.js';
import type { LoadedPlan } from '../core/types.js';
import { carriedPlacement } from './candidate.js';
import { disaggText, buildVariationPlan, planDisaggChoice } from './disagg-candidate.js';
import { enumerateLayouts } from './enumerate.js';
import { candidateFromReport } from './evaluate.js';
import { best, compareCandidates, higherIsBetter, rankTier, worstMargin } from './rank.js';
import type { LayoutChoice, RuleOptions } from './rules.js';
import type { Candidate, DisaggChoice, DisaggSearch, Objective, PoolChoice } from './types.js';
import { hasWarnings, isLatencyRequirement, LATENCY_REQUIREMENTS, marginText } from './words.js';
import { countOf } from '../core/figures.js';

/** Layouts kept per pool after profiling, and mixes verified by the simulation. */
const KEEP_PER_POOL = 3;
const VERIFY = 3;
const VERIFY_ROUNDS = 3;

/** Passes with every requirement met on its estimate (a requirement only at risk does not count as met here). */
export function strictlyPasses(c: Candidate): boolean {
  return c.status === 'pass' && c.failing.length === 0 && c.requirements.every((r) => (r.margin === null ? r.status === 'pass' : r.margin >= 0));
}

interface PrefillProfile {
  choice: Omit<PoolChoice, 'workers'>;
  /** prompts per second one worker passes with its batch full */
  rate: number;
  /** one prompt alone: seconds from the request to its last pass (request overhead included) */
  idle: number;
}

interface DecodeProfile {
  choice: Omit<PoolChoice, 'workers'>;
  /** sequences one worker holds */
  slots: number;
  /** seconds of one step of one worker at `batch` sequences */
  step: (batch: number) => number | null;
}

/** Worker sizes a pool is searched at: up to a node, powers of two; beyond, whole nodes doubling. */
export function workerSizes(maxGpus: number, nodeSize: number): number[] {
  const out: number[] = [];
  for (let s = 1; s <= maxGpus; s *= 2) out.push(s);
  for (let s = nodeSize * 2; s <= maxGpus; s *= 2) if (!out.includes(s)) out.push(s);
  if (nodeSize <= maxGpus && !out.includes(nodeSize)) out.push(nodeSize);
  return out.sort((a, b) => a - b);
}

/** One pipeline stage, no context parallelism; experts over every rank of the worker or sharded with the attention. */
function poolLayouts(base: LoadedPlan, gpus: number, rules: RuleOptions): LayoutChoice[] {
  return enumerateLayouts(base.plan.model, gpus, rules).filter((l) => l.pp === 1 && l.cp === 1 && (l.ep === 1 || l.ep === gpus));
}

/** A one-prefill, one-decode plan of these worker layouts: the core's figures of both pools, nothing simulated. */
function profilePair(
  base: LoadedPlan,
  prefill: Omit<PoolChoice, 'workers'>,
  decode: Omit<PoolChoice, 'workers'>,
): { f: DisaggFigures; loaded: LoadedPlan } | null {
  checkDeadline(); // the action's Alternatives section runs under a total time budget
  const gpus = prefill.gpus + decode.gpus;
  const choice: DisaggChoice = { prefill: { ...prefill, workers: 1 }, decode: { ...decode, workers: 1 } };
  const loaded = buildVariationPlan(base, { gpus, layout: decode.layout, disaggregation: choice });
  const plan = loaded.plan;
  const factsOptions = factsOptionsOf(plan);
  const est = deriveModelFacts(plan.model, 'estimate', factsOptions).facts;
  const bound = deriveModelFacts(plan.model, 'bound', factsOptions).facts;
  if (!est) return null;
  const pools = resolvePools(loaded);
  return { f: computeDisaggregated(loaded, pools, est, bound, gpus, { simulate: false }), loaded };
}

const fitsOf = (f: DisaggFigures, pool: 'prefill' | 'decode'): boolean => {
  const mem = f.pools[pool].c.memEst;
  if (mem === null) return false;
  return mem.every((st) => st.usable === null || st.weights + st.activations + st.overhead + st.kvOne <= st.usable * (1 + 1e-9));
};

function profilePrefill(
  base: LoadedPlan,
  facts: ModelFacts,
  choice: Omit<PoolChoice, 'workers'>,
  decodeRef: Omit<PoolChoice, 'workers'>,
  input: number,
): PrefillProfile | null {
  const p = profilePair(base, choice, decodeRef);
  if (!p || !fitsOf(p.f, 'prefill') || !p.f.costs) return null;
  const pf = p.f.pools.prefill;
  const ranks = pf.pool.r.layout.dp;
  const budget = pf.pool.r.workload.maxBatchedTokens;
  const perRank = Math.max(1, Math.floor(budget / input));
  const tokens = Math.min(budget, perRank * input);
  const pairs = layerPairs(facts, 0, input);
  const work = {
    tokens,
    pairsFull: pairs.pairsFull * perRank,
    pairsSliding: pairs.pairsSliding * perRank,
    pairsTopK: pairs.pairsTopK * perRank,
    completes: perRank,
  };
  const pass = p.f.costs.prefill(work, ranks);
  if (!pass || pf.c.ttftIdle === null) return null;
  return { choice, rate: (ranks * perRank) / (pass.time + pf.pool.r.hardware.stepOverhead), idle: pf.c.ttftIdle };
}

function profileDecode(base: LoadedPlan, choice: Omit<PoolChoice, 'workers'>, prefillRef: Omit<PoolChoice, 'workers'>, context: number): DecodeProfile | null {
  const p = profilePair(base, prefillRef, choice);
  if (!p || !fitsOf(p.f, 'decode') || !p.f.costs || p.f.decodeSlots === null) return null;
  const costs = p.f.costs;
  const r = p.f.pools.decode.pool.r;
  const cache = new Map<number, number | null>();
  return {
    choice,
    slots: p.f.decodeSlots,
    step: (batch) => {
      const b = Math.max(1, Math.round(batch));
      if (!cache.has(b)) {
        const c = costs.decode(b / r.layout.dp, context);
        cache.set(b, c ? c.time + r.hardware.stepOverhead : null);
      }
      return cache.get(b)!;
    },
  };
}

/** A mix's figures in closed form (the screen): the slower pool paces, a prefill queue grows as it fills. */
interface Screened {
  choice: DisaggChoice;
  throughput: number;
  ttft: number;
  tpot: number;
}

function screenMix(
  p: PrefillProfile,
  d: DecodeProfile,
  x: number,
  y: number,
  load: { concurrency?: number; rate?: number; output: number; tps: number; transfer: number },
): Screened | null {
  const perWorker = load.concurrency !== undefined ? Math.min(d.slots, Math.ceil(load.concurrency / y)) : d.slots;
  const step = d.step(perWorker);
  if (step === null || step <= 0) return null;
  const decodeRate = (y * perWorker * load.tps) / step;
  const prefillRate = x * p.rate * load.output;
  const ttft0 = p.idle + load.transfer;
  let throughput = Math.min(decodeRate, prefillRate);
  if (load.concurrency !== undefined) throughput = Math.min(throughput, (load.concurrency * load.output) / (ttft0 + ((load.output - 1) / load.tps) * step));
  if (load.rate !== undefined) throughput = Math.min(throughput, load.rate * load.output);
  let ttft: number;
  if (load.concurrency !== undefined && load.rate === undefined) {
    // A closed loop: each client's request lives C x output / throughput (Little's law); what its decode does not take is its TTFT.
    ttft = Math.max(ttft0, (load.concurrency * load.output) / throughput - ((load.output - 1) / load.tps) * step);
  } else {
    // An open loop: the prefill pool as an M/D/1 queue (unstable at or past its rate).
    const rho = throughput / prefillRate;
    ttft = rho >= 1 ? Infinity : ttft0 + (p.idle * rho) / (2 * (1 - rho));
  }
  return { choice: { prefill: { ...p.choice, workers: x }, decode: { ...d.choice, workers: y } }, throughput, ttft, tpot: step / load.tps };
}

/**
 * Disaggregated layouts of `gpus` devices (none for a plan without a load or a model to simulate):
 * the best few verified, compared with the best aggregated layout of the same devices.
 */
export function searchDisaggregated(
  base: LoadedPlan,
  gpus: number,
  objective: Objective,
  rules: (gpus: number) => RuleOptions,
  bestAggregated: Candidate | null,
): DisaggSearch {
  const plan = base.plan;
  const w = plan.workload;
  const empty = (detail: string): DisaggSearch => ({
    gpus,
    top: [],
    best_aggregated: bestAggregated,
    winner: null,
    advantage: null,
    detail,
    rescue: null,
    profiled: 0,
    screened: 0,
    verified: 0,
    passing: 0,
    possible: 0,
  });
  const input = w.input_tokens;
  const output = w.output_tokens;
  if (gpus < 2) return empty('a disaggregated deployment needs at least two devices');
  if (input === undefined || output === undefined || (w.concurrency === undefined && w.request_rate === undefined)) {
    return empty('the plan states no load (workload.concurrency or request_rate, input_tokens, output_tokens): nothing to simulate');
  }
  const facts = deriveModelFacts(plan.model, 'estimate', { engine: factsOptionsOf(plan).engine }).facts;
  if (!facts) return empty('the model is not complete enough to estimate');
  const nodeSize = plan.hardware.gpus_per_node ?? Math.min(8, gpus);
  const sizes = workerSizes(gpus - 1, nodeSize);
  const layouts = new Map<number, LayoutChoice[]>(sizes.map((s) => [s, poolLayouts(base, s, rules(s))]));
  // A reference layout of the other pool while one pool is profiled: the smallest worker that fits.
  const own = planDisaggChoice(plan);
  const all = sizes.flatMap((s) => (layouts.get(s) ?? []).map((layout) => ({ gpus: s, layout })));
  let profiled = 0;
  const ref =
    own?.decode ??
    all.find((c) => {
      profiled++;
      const p = profilePair(base, c, c);
      return p !== null && fitsOf(p.f, 'decode');
    });
  if (!ref) return empty(`no worker layout of up to ${countOf(gpus - 1, 'device')} holds the model`);
  const context = input + output / 2;
  const prefills: PrefillProfile[] = [];
  const decodes: DecodeProfile[] = [];
  for (const c of all) {
    profiled += 2;
    const pp = profilePrefill(base, facts, c, ref, input);
    if (pp) prefills.push(pp);
    const dp = profileDecode(base, c, own?.prefill ?? ref, context);
    if (dp) decodes.push(dp);
  }
  if (prefills.length === 0 || decodes.length === 0) return empty('no pair of worker layouts fits the model on these devices');
  // Keep the best prefill layouts by prompts per second per device and by a lone prompt's time, the
  // best decode layouts by output per device at full batch and by a one-sequence step.
  const topBy = <T>(xs: T[], key: (x: T) => number, n: number): T[] => [...xs].sort((a, b) => key(b) - key(a)).slice(0, n);
  const keptPrefill = [...new Set([...topBy(prefills, (p) => p.rate / p.choice.gpus, KEEP_PER_POOL), ...topBy(prefills, (p) => -p.idle, 1)])];
  const fullRate = (d: DecodeProfile): number => {
    const s = d.step(d.slots);
    return s ? d.slots / s / d.choice.gpus : 0;
  };
  const keptDecode = [...new Set([...topBy(decodes, fullRate, KEEP_PER_POOL), ...topBy(decodes, (d) => -(d.step(1) ?? Infinity), 1)])];
  const transfer = (() => {
    const p = profilePair(base, keptPrefill[0]!.choice, keptDecode[0]!.choice);
    return p?.f.transfer ?? 0;
  })();
  const load = { concurrency: w.concurrency, rate: w.request_rate, output, tps: w.speculative?.acceptance_length ?? 1, transfer };
  const req = plan.requirements;
  const meets = (m: Screened): boolean =>
    (req.ttft === undefined || m.ttft <= req.ttft) &&
    (req.tpot === undefined || m.tpot <= req.tpot) &&
    (req.throughput === undefined || m.throughput >= req.throughput);
  const used = (m: Screened): number => m.choice.prefill.workers * m.choice.prefill.gpus + m.choice.decode.workers * m.choice.decode.gpus;
  const score = (m: Screened): number =>
    objective === 'ttft' ? -m.ttft : objective === 'tpot' ? -m.tpot : objective === 'gpus' ? -used(m) : m.throughput / used(m);
  // Worker counts in doubling steps up to what the devices hold, and that most: O(log^2) mixes per pair.
  const counts = (max: number): number[] => {
    const out: number[] = [];
    for (let n = 1; n <= max; n *= 2) out.push(n);
    if (max >= 1 && out[out.length - 1] !== max) out.push(max);
    for (let n = 3; n < max; n *= 2) out.push(n);
    return out;
  };
  const screened: Screened[] = [];
  for (const p of keptPrefill) {
    for (const d of keptDecode) {
      for (const x of counts(Math.floor((gpus - d.choice.gpus) / p.choice.gpus))) {
        for (const y of counts(Math.floor((gpus - x * p.choice.gpus) / d.choice.gpus))) {
          const m = screenMix(p, d, x, y, load);
          if (m) screened.push(m);
        }
      }
    }
  }
  screened.sort((a, b) => Number(meets(b)) - Number(meets(a)) || score(b) - score(a));
  const verifyChoice = (choice: DisaggChoice): Candidate => {
    checkDeadline();
    // a mix may leave devices of the plan unused: it is judged on the devices it uses
    const total = choice.prefill.workers * choice.prefill.gpus + choice.decode.workers * choice.decode.gpus;
    const variation = { gpus: total, layout: choice.decode.layout, disaggregation: choice };
    const loaded = buildVariationPlan(base, variation);
    const report = verifyLoadedPlan(loaded, { details: false });
    return candidateFromReport(variation, report, objective, carriedPlacement(loaded.plan));
  };
  // Verify the screen's best mixes, a few at a time, until one passes (at most VERIFY_ROUNDS rounds).
  const verified: Candidate[] = [];
  const seen = new Set<string>();
  let next = 0;
  for (let round = 0; round < VERIFY_ROUNDS && !verified.some(strictlyPasses); round++) {
    let taken = 0;
    while (next < screened.length && taken < VERIFY) {
      const m = screened[next++]!;
      const key = disaggText(m.choice);
      if (seen.has(key)) continue;
      seen.add(key);
      verified.push(verifyChoice(m.choice));
      taken++;
    }
  }
  const byObjective = compareCandidates(objective);
  const top = verified.sort((a, b) => Number(strictlyPasses(b)) - Number(strictlyPasses(a)) || byObjective(a, b)).slice(0, VERIFY);
  const winnerOf = compare(top[0] ?? null, bestAggregated, objective);
  // An aggregated plan that misses a latency requirement (TTFT, TPOT, a percentile): does a disaggregated layout of the same devices pass?
  const misses = !own && LATENCY_REQUIREMENTS.some((k) => (req as Record<string, unknown>)[k] !== undefined);
  const rescue = misses ? (top.find(strictlyPasses) ?? null) : null;
  const counted = (status: Candidate['status']): number => verified.filter((c) => c.status === status).length;
  const warned = verified.filter((c) => c.status === 'pass' && hasWarnings(c)).length;
  return {
    gpus,
    top,
    best_aggregated: bestAggregated,
    ...winnerOf,
    rescue,
    profiled,
    screened: screened.length,
    verified: verified.length,
    passing: counted('pass'),
    possible: counted('possible'),
    ...(warned > 0 ? { passing_with_warnings: warned } : {}),
  };
}

/** "TTFT p99 −112%": the requirement a candidate misses most, with its margin. */
function worstMarginText(c: Candidate): string {
  const worst = worstMargin(c);
  const r = c.requirements.find((x) => x.margin === worst);
  return r ? marginText([r]) : 'none known';
}

/** What a candidate of a better rank tier has that the other lacks (rank.ts rankTier). */
const TIER_STANDING: Record<0 | 1 | 2 | 3, string> = {
  0: 'passes',
  1: 'meets every requirement on its estimates',
  2: 'misses requirements on its estimates alone',
  3: 'fails',
};

/** Which kind wins on the objective and by how much (the better score over the worse). */
export function compare(dis: Candidate | null, agg: Candidate | null, objective: Objective): Pick<DisaggSearch, 'winner' | 'advantage' | 'detail'> {
  if (!dis && !agg) return { winner: null, advantage: null, detail: 'neither kind of layout could be estimated' };
  if (!dis) return { winner: 'aggregated', advantage: null, detail: 'no disaggregated layout could be estimated' };
  if (!agg) return { winner: 'disaggregated', advantage: null, detail: 'no aggregated layout could be estimated' };
  const first = best([dis, agg], objective)!;
  const winner = first === dis ? 'disaggregated' : 'aggregated';
  // Both miss a requirement on their estimates: the one closer to it wins, whatever the objective says.
  if (rankTier(dis) === 2 && rankTier(agg) === 2 && worstMargin(dis) !== worstMargin(agg)) {
    const other = first === dis ? agg : dis;
    return {
      winner,
      advantage: null,
      detail: `neither meets every requirement on its estimates; the ${winner} layout misses by less (worst margin ${worstMarginText(first)}, against ${worstMarginText(other)})`,
    };
  }
  // Different rank tiers decide, whichever scores better: what the winner has that the other lacks (both
  // may be "not ruled out", or both fail).
  const statusWins = rankTier(dis) !== rankTier(agg);
  const only = `only the ${winner} layout ${TIER_STANDING[rankTier(first)]}`;
  if (dis.score === null || agg.score === null || dis.score <= 0 || agg.score <= 0) {
    return { winner, advantage: null, detail: statusWins ? only : 'the scores are not comparable' };
  }
  const ratio = higherIsBetter(objective) ? dis.score / agg.score : agg.score / dis.score;
  const advantage = ratio >= 1 ? ratio : 1 / ratio;
  if (Math.abs(ratio - 1) < 0.02 && !statusWins) return { winner: 'tie', advantage: 1, detail: 'both kinds score within 2% of each other' };
  const scoreWinner = ratio >= 1 ? 'disaggregated' : 'aggregated';
  const times = `${advantage.toFixed(2)}x`;
  if (!statusWins) return { winner, advantage, detail: `${winner} wins by ${times} on the objective` };
  return {
    winner,
    advantage,
    detail:
      scoreWinner === winner
        ? `${winner} wins: ${only}, and it scores ${times} better on the objective`
        : `${winner} wins: ${only}; the ${scoreWinner} one scores ${times} better on the objective but misses a requirement`,
  };
}

/** What the disaggregated search adds to the notes: the rescue of an aggregated plan, and which kind wins. */
export function disaggNotes(d: DisaggSearch, plan: Candidate): string[] {
  const out: string[] = [];
  const missed = plan.requirements.filter((r) => isLatencyRequirement(r.id) && r.status === 'fail');
  if (d.rescue && missed.length > 0 && !plan.variation.disaggregation) {
    out.push(`a disaggregated layout on the same ${countOf(d.gpus, 'GPU')} would pass: ${disaggText(d.rescue.variation.disaggregation!, d.rescue.placement)}`);
  }
  if (d.winner !== null && d.top.length > 0) out.push(`aggregated vs disaggregated on ${countOf(d.gpus, 'device')}: ${d.detail}`);
  return out;
}
