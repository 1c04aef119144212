// Says which physical resource sets a candidate's bound (HBM bandwidth, peak compute or the
// interconnect), by asking the core's own time functions in their bound mode: no second model.
import { deriveModelFacts, factsOptionsOf } from '../core/modelFacts.js';
import { requestRateBound } from '../core/estimates.js';
import { BOUND_MODE, decodeStep, prefill, stageCostModels, type PassCost } from '../core/performance.js';
import { resolvePlan } from '../core/resolve.js';
import { buildStages } from '../core/stages.js';
import type { LoadedPlan } from '../core/types.js';
import { countOf } from '../core/figures.js';

type Resource = 'memory' | 'compute' | 'communication';

function slowestResource(perStage: PassCost[]): { resource: Resource; stage: PassCost } | null {
  if (perStage.length === 0) return null;
  const stage = perStage.reduce((a, c) => (c.total > a.total ? c : a), perStage[0]!);
  const comm = stage.comm.transfer + stage.comm.latency;
  const resource: Resource = comm > Math.max(stage.compute, stage.memory) ? 'communication' : stage.compute > stage.memory ? 'compute' : 'memory';
  return { resource, stage };
}

const tb = (bytesPerS: number): string => `${(bytesPerS / 1e12).toFixed(2)} TB/s`;
const gb = (bytes: number): string => `${(bytes / 1e9).toFixed(2)} GB`;

function decodeWords(resource: Resource, stage: PassCost, hbm: number | undefined, peak: number | undefined): string {
  switch (resource) {
    case 'memory':
      return hbm !== undefined
        ? `HBM bandwidth: each decode step the slowest device reads at least ${gb(stage.memory * hbm)} (its weight shard and KV cache) at ${tb(hbm)}`
        : 'HBM bandwidth';
    case 'compute':
      return peak !== undefined
        ? `peak compute: each decode step the slowest device does at least ${(stage.flops / 1e12).toFixed(2)} TFLOP at ${(peak / 1e12).toFixed(0)} TFLOP/s`
        : 'peak compute';
    case 'communication':
      return 'interconnect bandwidth: the collectives of each decode step';
  }
}

/**
 * The requirement whose bound stands for `id`'s: a TTFT or TPOT percentile has the floor of its mean
 * (the idle prompt, one sequence's decode step: no request beats them), the verifier's own bound for it.
 */
export const boundedAs = (id: string): string => id.replace(/^(requirements\.(?:ttft|tpot))_p\d+$/, '$1');

const WORK_SETS_RATE =
  "peak compute and HBM bandwidth: each request's work on the busiest device (its prompt and its decode steps, or its reads of the KV cache, whichever is longer), per replica";

/**
 * Why a requirement's bound is what it is, in words, for the layout of `loaded`; null when the
 * core cannot compute the bound either. `bound`: the bound shown (a request rate's, rounded up), which
 * says whether a closed loop's clients set it rather than each request's work.
 */
export function boundReason(loaded: LoadedPlan, requirement: string, bound?: number): string | null {
  const plan = loaded.plan;
  // a TTFT or TPOT percentile is bound by its mean's floor
  const requirementId = boundedAs(requirement);
  if (requirementId === 'memory.fits' || requirementId === 'requirements.max_memory_utilization') {
    return 'device memory: the shard of the weights (and KV cache) a device must hold, at the given dtypes';
  }
  const r = resolvePlan(plan, loaded.origins);
  const facts = deriveModelFacts(plan.model, 'bound', { engine: factsOptionsOf(plan).engine }).facts;
  if (!facts) return null;
  const stages = buildStages(facts, r.layout.pp, r.layout.layersPerStage);
  if (!stages) return null;
  const wl = r.workload;
  if (requirementId === 'requirements.request_rate') {
    // estimates.ts requestRateBound: per replica, the longer of a request's compute and its KV reads; a
    // closed loop's clients cap it too (the throughput bound over each output). The work's own bound above
    // the one shown, which is rounded up, says the clients set it, as judged.ts rateBoundWhy says.
    if (wl.concurrency === undefined || wl.requestRate !== undefined || wl.outputTokens === undefined || bound === undefined) return WORK_SETS_RATE;
    const models = stageCostModels(facts, r.layout, r.hardware, stages, BOUND_MODE);
    const work = models ? requestRateBound(facts, r, stages, models, null, { prefill: true, decode: true }) : null;
    if (work === null || work <= bound) return WORK_SETS_RATE;
    return `the clients: with ${countOf(wl.concurrency, 'request')} in flight (workload.concurrency), requests complete at most at the throughput bound (throughput_upper_bound_tokens_per_s) over ${wl.outputTokens} output tokens each`;
  }
  const hbm = r.hardware.memoryBandwidth;
  const peak = r.hardware.peak16;
  if (requirementId === 'requirements.ttft') {
    const pre = prefill(facts, r.layout, r.hardware, wl, stages, wl.inputTokens ?? 1, BOUND_MODE);
    const s = pre ? slowestResource(pre.perStage) : null;
    if (!s) return null;
    if (s.resource === 'compute' && peak !== undefined)
      return `peak compute: the prompt's ${(pre!.modelFlops / 1e12).toFixed(2)} TFLOP over ${countOf(r.layout.tp * r.layout.cp, 'device')} of a stage at ${(peak / 1e12).toFixed(0)} TFLOP/s, stage after stage`;
    return s.resource === 'memory' ? 'HBM bandwidth: reading the weights for the prompt, stage after stage' : 'interconnect bandwidth during prefill';
  }
  if (wl.concurrency === undefined) return null;
  const context = (wl.inputTokens ?? 1) + (wl.outputTokens ?? 0) / 2;
  const dec = decodeStep(facts, r.layout, r.hardware, wl, stages, wl.concurrency, context, BOUND_MODE);
  const s = dec ? slowestResource(dec.perStage) : null;
  if (!s) return null;
  return decodeWords(s.resource, s.stage, hbm, peak);
}
