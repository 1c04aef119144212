// Disaggregated candidates: the plan with its layout replaced by a prefill and a decode pool (or an
// aggregated candidate of a disaggregated plan: its pools dropped), so that the real verifier
// judges each one, as for aggregated layouts (candidate.ts).
import type { LoadedPlan, ParallelismSpec, Plan, PoolSpec } from '../core/types.js';
import { buildCandidatePlan, layoutText, layoutWithKeys, planLayout, withPlacementKeys } from './candidate.js';
import type { LayoutChoice } from './rules.js';
import type { CarriedPlacement, DisaggChoice, PoolChoice, Variation } from './types.js';
import { countOf } from '../core/figures.js';

const parallelismOf = (l: LayoutChoice): ParallelismSpec => ({
  tp: l.tp,
  pp: l.pp,
  dp: l.dp,
  cp: l.cp,
  ep: l.ep,
  ...(l.etp !== undefined ? { etp: l.etp } : {}),
});

const layoutOf = (spec: PoolSpec, moe: boolean): LayoutChoice => {
  const p = spec.parallelism ?? {};
  const tp = p.tp ?? 1;
  const ep = p.ep ?? 1;
  const l: LayoutChoice = { tp, pp: p.pp ?? 1, dp: p.dp ?? 1, cp: p.cp ?? 1, ep };
  if (moe) l.etp = p.etp ?? (ep === 1 ? tp : 1);
  return l;
};

/** The pools of a disaggregated plan as a search choice. */
export function planDisaggChoice(plan: Plan): DisaggChoice | null {
  const d = plan.disaggregation;
  if (!d) return null;
  const moe = plan.model.moe !== undefined;
  const pool = (spec: PoolSpec): PoolChoice => {
    const layout = layoutOf(spec, moe);
    return { workers: spec.workers ?? 1, gpus: spec.gpus ?? layout.tp * layout.pp * layout.dp * layout.cp, layout };
  };
  return { prefill: pool(d.prefill), decode: pool(d.decode) };
}

/** The plan's own layout as a variation: its pools when it is disaggregated. */
export function planVariation(plan: Plan, gpus: number): Variation {
  const disaggregation = planDisaggChoice(plan);
  if (disaggregation) return { gpus, layout: disaggregation.decode.layout, disaggregation };
  return { gpus, layout: planLayout(plan) };
}

/** "6 x prefill (4 GPUs, tp=1 dp=4 ep=4) + 1 x decode (16 GPUs, tp=1 dp=16 ep=16)", each pool with the placement keys it carries. */
export function disaggText(d: DisaggChoice, placement?: CarriedPlacement): string {
  const pool = (name: 'prefill' | 'decode', p: PoolChoice): string =>
    `${p.workers} x ${name} (${countOf(p.gpus, 'GPU')}, ${layoutWithKeys(p.layout, placement?.[name])})`;
  return `${pool('prefill', d.prefill)} + ${pool('decode', d.decode)}`;
}

/** "6P1D": the usual name of a worker mix. */
export const mixText = (d: DisaggChoice): string => `${d.prefill.workers}P${d.decode.workers}D`;

/**
 * The candidate plan of a variation. A disaggregated variation keeps the plan's own engine settings
 * of a pool (its memory flag, its batch budget or cap) only where that pool's worker layout is the plan's.
 */
export function buildVariationPlan(base: LoadedPlan, v: Variation): LoadedPlan {
  const candidate = buildCandidatePlan(base, v);
  const { disaggregation: _dropped, ...aggregated } = candidate.plan;
  if (!v.disaggregation) return { ...candidate, plan: aggregated };
  const own = base.plan.disaggregation;
  const same = (name: 'prefill' | 'decode'): PoolSpec => {
    const ownChoice = planDisaggChoice(base.plan)?.[name];
    const chosen = v.disaggregation![name];
    const kept = own?.[name];
    // the pool's engine flags (SGLang's placement keys) travel with it, as an aggregated layout's do
    const parallelism = withPlacementKeys(base.plan, kept?.parallelism ?? {}, parallelismOf(chosen.layout));
    const spec: PoolSpec = { workers: chosen.workers, gpus: chosen.gpus, parallelism };
    if (kept?.memory_fraction !== undefined) spec.memory_fraction = kept.memory_fraction;
    if (kept && ownChoice && layoutText(ownChoice.layout) === layoutText(chosen.layout) && ownChoice.gpus === chosen.gpus) {
      if (kept.max_batched_tokens !== undefined) spec.max_batched_tokens = kept.max_batched_tokens;
      if (kept.max_running_sequences !== undefined) spec.max_running_sequences = kept.max_running_sequences;
    }
    return spec;
  };
  const plan: Plan = {
    ...aggregated,
    parallelism: {},
    disaggregation: { prefill: same('prefill'), decode: same('decode'), ...(own?.kv_transfer ? { kv_transfer: own.kv_transfer } : {}) },
  };
  return { ...candidate, plan };
}
