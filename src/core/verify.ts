// Computes every check of a loaded plan. Orchestration only: each formula lives in its own
// module (layout, memory, performance, estimates, compare, balance, utilization, summary).
import { expectedExpertImbalance } from './balance.js';
import { compute, timeMissing } from './estimates.js';
import { round } from './figures.js';
import { judgedChecks } from './judged.js';
import { layoutFindings } from './layout.js';
import { memoryChecks } from './memory-checks.js';
import { deriveModelFacts, paramsFromShape } from './modelFacts.js';
import { resolvePlan } from './resolve.js';
import { buildDetails, buildMetrics } from './summary.js';
import type { Check, LoadedPlan, PlanReport } from './types.js';
import { planVerdict } from './verdict.js';

/** Line of a key, or of its nearest ancestor that the file sets. */
export function lineOf(lines: Record<string, number>, path: string | undefined): number | undefined {
  let p = path;
  while (p) {
    const l = lines[p];
    if (l !== undefined) return l;
    const dot = p.lastIndexOf('.');
    p = dot > 0 ? p.slice(0, dot) : undefined;
  }
  return undefined;
}

export interface VerifyOptions {
  /** build the per-device and per-figure breakdowns for reports (a layout search needs only checks and metrics) */
  details?: boolean;
}

export function verifyLoadedPlan(loaded: LoadedPlan, options: VerifyOptions = {}): PlanReport {
  const { plan, lines } = loaded;
  const r = resolvePlan(plan, loaded.origins);
  // The checkpoint's MTP modules are loaded only when speculative decoding runs them.
  const factsOptions = { mtpLoaded: plan.workload.speculative?.method === 'mtp' };
  const estR = deriveModelFacts(plan.model, 'estimate', factsOptions);
  const boundR = deriveModelFacts(plan.model, 'bound', factsOptions);
  const est = estR.facts;
  const bound = boundR.facts;
  const { layout, hardware: hw, workload: wl } = r;
  const checks: Check[] = [];
  const add = (c: Omit<Check, 'line'>): void => {
    const line = lineOf(lines, c.path);
    checks.push(line === undefined ? c : { ...c, line });
  };

  for (const f of layoutFindings(plan.model, layout, hw)) add(f);
  // What the config.json reader or an importer could not map with certainty.
  for (const w of loaded.warnings ?? []) {
    const imported = w.path?.startsWith('deployment') ?? false;
    // A hardware alias that could mean several parts says which one it was read as.
    const alias = w.path === 'hardware.preset';
    add({ id: imported ? 'deployment.import' : alias ? 'hardware.preset' : 'model.hf_config', status: 'warn',
      title: imported ? 'Imported deployment' : alias ? 'Hardware preset' : 'Hugging Face config',
      path: w.path ?? 'model.hf_config', detail: w.message });
  }

  // Stated total against the shape.
  const shapeParams = plan.model.params !== undefined ? paramsFromShape(plan.model) : null;
  if (plan.model.params !== undefined && shapeParams !== null) {
    const ratio = shapeParams / plan.model.params;
    const ok = Math.abs(ratio - 1) <= 0.05;
    add({ id: 'model.params', status: ok ? 'pass' : 'warn', title: 'Parameters vs shape', path: 'model.params',
      value: plan.model.params, limit: round(shapeParams, 0), unit: 'parameters',
      detail: `model.params ${(plan.model.params / 1e9).toFixed(2)}B; the shape gives ${(shapeParams / 1e9).toFixed(2)}B` +
        (ok ? '' : ' (off by more than 5%: the figures below use the shape)') });
  }

  const c = compute(loaded, r, est, bound);
  const modelMissing = estR.missing;
  const tMissing = timeMissing(r, plan);
  const wlNeed = (keys: [string, unknown][]): string[] => keys.filter(([, v]) => v === undefined).map(([k]) => k);
  const memMissing = [...modelMissing, ...wlNeed([['workload.concurrency', wl.concurrency], ['workload.input_tokens', wl.maxInputTokens], ['workload.output_tokens', wl.maxOutputTokens]])];
  const idleMissing = [...modelMissing, ...tMissing, ...wlNeed([['workload.input_tokens', wl.inputTokens]])];
  const loadKey = wl.concurrency ?? wl.requestRate;
  const loopMissing = [...idleMissing, ...wlNeed([['workload.concurrency', loadKey], ['workload.output_tokens', wl.outputTokens]])];
  // TTFT under load needs the load; a plan that states none is judged on the idle figure.
  const ttftMissing = loadKey === undefined ? idleMissing : loopMissing;

  // Stage balance: the slowest stage paces the pipeline (embeddings and LM head sit on the ends).
  if (layout.pp > 1 && c.stageDecode) {
    const times = c.stageDecode;
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    const slowest = Math.max(...times);
    const ratio = slowest / mean;
    const at = times.indexOf(slowest);
    add({ id: 'layout.stage_balance', status: ratio > 1.05 ? 'warn' : 'pass', title: 'Stage balance', path: 'parallelism.layers_per_stage',
      value: round(ratio, 3), limit: 1.05, unit: 'ratio',
      detail: `slowest stage (${at}) takes ${ratio.toFixed(2)}x the mean decode time per stage` +
        (ratio > 1.05 ? '; move layers off it with layers_per_stage' : '') });
  }

  // Expert balance: in a decode step the busiest EP rank paces every MoE layer.
  const moeFacts = est ?? bound;
  if (plan.model.moe && layout.ep > 1 && moeFacts && moeFacts.topK > 0 && wl.concurrency !== undefined) {
    const tokensPerStep = wl.concurrency / layout.microbatches / Math.max(layout.edp, 1);
    const pairs = tokensPerStep * moeFacts.topK;
    const imbalance = expectedExpertImbalance(pairs, layout.ep);
    const warn = imbalance > 1.25;
    add({ id: 'layout.expert_balance', status: warn ? 'warn' : 'pass', title: 'Expert balance', path: 'parallelism.ep',
      value: round(imbalance, 3), limit: 1.25, unit: 'ratio',
      detail: `${Math.round(pairs)} token-expert picks per decode step over ep=${layout.ep}: the busiest rank expects ${imbalance.toFixed(2)}x the mean load even with uniform routing` +
        (warn ? '; real routing is more skewed: consider redundant experts (moe.redundant_experts) or a smaller ep' : '') });
  }

  // Memory, as the plan's engine counts it.
  const worst = c.memEst ? c.memEst.reduce((a, st) => (st.total > a.total ? st : a), c.memEst[0]!) : null;
  const memTotal = worst?.total ?? null;
  const memFloor = c.weightsFloor !== null ? c.weightsFloor + c.kvFloor : null;
  const capacity = hw.memory;
  for (const m of memoryChecks(plan, r, c, memMissing)) add(m);

  // Requirements and claims.
  for (const j of judgedChecks({ plan, r, c, est, bound, memTotal, memFloor, modelMissing, memMissing, loopMissing, ttftMissing })) add(j);

  const metrics = buildMetrics(r, c, memTotal, memFloor, est, capacity);
  const report: PlanReport = { file: loaded.file, name: plan.name, verdict: planVerdict(checks, true), checks, metrics, errors: [] };
  if (options.details !== false) report.details = buildDetails(r, c, capacity, estR.assumptions, boundR.facts !== null);
  return report;
}
