// How evenly a layout's work spreads: pipeline stages (the slowest paces the pipeline) and expert
// ranks (the busiest paces every MoE layer). Checked per plan, and per pool of a disaggregated plan.
import { expectedExpertImbalance } from './balance.js';
import type { Computed } from './estimates.js';
import { round, tokenCount } from './figures.js';
import type { ModelFacts } from './modelFacts.js';
import type { Resolved } from './resolve.js';
import type { Check, Plan } from './types.js';

/**
 * `prefillPass`: tokens one pass of each attention rank holds when the plan is a prefill pool (the
 * experts then see prompt tokens, not decode steps).
 */
export function balanceChecks(plan: Plan, r: Resolved, c: Computed, moeFacts: ModelFacts | null, prefillPass?: number): Omit<Check, 'line'>[] {
  const out: Omit<Check, 'line'>[] = [];
  const { layout, workload: wl } = r;
  // Stage balance: the slowest stage paces the pipeline (embeddings and LM head sit on the ends).
  if (layout.pp > 1 && c.stageDecode) {
    const times = c.stageDecode;
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    const slowest = Math.max(...times);
    const ratio = slowest / mean;
    const at = times.indexOf(slowest);
    out.push({
      id: 'layout.stage_balance',
      status: ratio > 1.05 ? 'warn' : 'pass',
      title: 'Stage balance',
      path: 'parallelism.layers_per_stage',
      value: round(ratio, 3),
      limit: 1.05,
      unit: 'ratio',
      detail: `slowest stage (${at}) takes ${ratio.toFixed(2)}x the mean decode time per stage${ratio > 1.05 ? '; move layers off it with layers_per_stage' : ''}`,
    });
  }

  // Expert balance: in a decode step the busiest EP rank paces every MoE layer.
  if (plan.model.moe && layout.ep > 1 && moeFacts && moeFacts.topK > 0 && (wl.concurrency !== undefined || prefillPass !== undefined)) {
    const what = prefillPass !== undefined ? 'prefill pass' : 'decode step';
    const tokensPerStep =
      prefillPass !== undefined ? (prefillPass * layout.dp) / Math.max(layout.edp, 1) : wl.concurrency! / layout.microbatches / Math.max(layout.edp, 1);
    const pairs = tokensPerStep * moeFacts.topK;
    const imbalance = expectedExpertImbalance(pairs, layout.ep);
    const warn = imbalance > 1.25;
    out.push({
      id: 'layout.expert_balance',
      status: warn ? 'warn' : 'pass',
      title: 'Expert balance',
      path: 'parallelism.ep',
      value: round(imbalance, 3),
      limit: 1.25,
      unit: 'ratio',
      detail:
        `${tokenCount(pairs)} token-expert picks per ${what} over ep=${layout.ep}: the busiest rank expects ${imbalance.toFixed(2)}x the mean load even with uniform routing` +
        (warn ? skewAdvice(plan.model.moe.redundant_experts ?? 0) : ''),
    });
  }
  return out;
}

/** What to do about a busy rank: redundant experts counter skewed routing, which the plan may already have. */
function skewAdvice(redundant: number): string {
  if (redundant > 0) {
    return `; real routing is more skewed, which the plan's ${redundant} redundant experts (moe.redundant_experts) counter; the spread of uniform picks above shrinks only with more tokens per step or a smaller ep`;
  }
  return '; real routing is more skewed: consider redundant experts (moe.redundant_experts) or a smaller ep';
}
