// parallelism.dense_tp, shared_expert_tp and lm_head_tp: each must divide the ranks that split its
// part when the plan says nothing (memory.ts, denseGroup), or some rank would hold a fraction of a
// shard. Checked once the model is known (its experts decide SGLang's group), for the top-level
// layout and each disaggregated pool's.
import { denseGroup } from '../core/memory.js';
import { DENSE_PLACEMENT_KEYS, resolveLayout } from '../core/resolve.js';
import type { ModelSpec, ParallelismSpec, PlanError } from '../core/types.js';
import { engineProfile } from '../core/engines.js';
import type { PlanValues } from './validate.js';

const PART: Record<(typeof DENSE_PLACEMENT_KEYS)[number], string> = {
  dense_tp: 'dense MLPs',
  shared_expert_tp: 'shared experts',
  lm_head_tp: 'LM head',
};

function divisorsOf(n: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= n && out.length < 64; d++) if (n % d === 0) out.push(d);
  return out;
}

const sectionOf = (values: PlanValues, key: string): PlanValues | undefined => {
  const v = Object.hasOwn(values, key) ? values[key] : undefined;
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as PlanValues) : undefined;
};

/** One error per stated key that does not divide its group, at the key's line. */
export function densePlacementErrors(values: PlanValues, lines: Record<string, number>, model: ModelSpec): PlanError[] {
  const engine = sectionOf(values, 'deployment')?.engine;
  const placement = engineProfile(engine === 'sglang' || engine === 'trtllm' ? engine : 'vllm').densePlacement;
  const facts = { isMoe: model.moe !== undefined };
  const layouts: [string, PlanValues | undefined][] = [['parallelism', sectionOf(values, 'parallelism')]];
  const pools = sectionOf(values, 'disaggregation');
  if (pools)
    for (const pool of ['prefill', 'decode']) layouts.push([`disaggregation.${pool}.parallelism`, sectionOf(sectionOf(pools, pool) ?? {}, 'parallelism')]);
  const errors: PlanError[] = [];
  for (const [prefix, p] of layouts) {
    if (!p) continue;
    const layout = resolveLayout(p as ParallelismSpec);
    const group = denseGroup(facts, layout, placement);
    for (const key of DENSE_PLACEMENT_KEYS) {
      const v = p[key];
      if (typeof v !== 'number' || group % v === 0) continue;
      const path = `${prefix}.${key}`;
      const line = lines[path] ?? lines[prefix];
      const whose =
        group === layout.tp
          ? `tp = ${layout.tp}`
          : `SGLang's whole tp group under DP attention, min(tp x dp, ep x etp) = min(${layout.tp} x ${layout.dp}, ${layout.ep} x ${layout.etp}) = ${group}`;
      errors.push({
        message: `${path}: ${v} ranks cannot split the ${PART[key]}: it must divide the ${group} ranks that split them by default (${whose}); use one of ${divisorsOf(group).join(', ')}`,
        path,
        ...(line !== undefined ? { line } : {}),
      });
    }
  }
  return errors;
}
