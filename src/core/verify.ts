// Computes every check of a loaded plan. Orchestration only: each formula lives in its own
// module (layout, memory, performance, estimates, compare, balance, utilization, summary).
import { verifyDisaggregatedPlan } from './disagg-verify.js';
import { compute, timeMissing } from './estimates.js';
import { judgedChecks } from './judged.js';
import { balanceChecks } from './layout-balance.js';
import { layoutFindings } from './layout.js';
import { memoryChecks } from './memory-checks.js';
import { mostLoaded } from './memory.js';
import { deriveModelFacts, factsOptionsOf } from './modelFacts.js';
import { planChecks } from './plan-checks.js';
import { resolvePlan } from './resolve.js';
import { buildDetails, buildMetrics, hardwareSummary, servingEconomy } from './summary.js';
import { economyAssumptions, economyMetrics } from './cost.js';
import type { Check, LoadedPlan, PlanReport } from './types.js';
import { planVerdict } from './verdict.js';
import { withholdOnBlockedDeployment } from './withheld.js';
import { reportRanges } from './plan-ranges.js';
import { unreadLayout, unreadLayoutCheck } from './unread-layout.js';

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
  /**
   * a layout search's screening: a shorter steady state (one wave of warm-up, one measured), and
   * checks with their statuses and figures but no sentences and no ranges. A search screens
   * thousands of candidates with it and verifies what it shows again in full; the plan's own
   * figures always come from the full verification
   */
  quick?: boolean;
}

export function verifyLoadedPlan(loaded: LoadedPlan, options: VerifyOptions = {}): PlanReport {
  if (loaded.plan.disaggregation) return verifyDisaggregatedPlan(loaded, { ...options, lineOf });
  const { plan, lines } = loaded;
  const r = resolvePlan(plan, loaded.origins, loaded.defaulted?.['workload.memory_fraction']);
  // The checkpoint's MTP modules are loaded only when speculative decoding runs them.
  const factsOptions = factsOptionsOf(plan);
  const estR = deriveModelFacts(plan.model, 'estimate', factsOptions);
  const boundR = deriveModelFacts(plan.model, 'bound', factsOptions);
  // an imported layout that could not be read: what depends on it is unverified, as without the model
  const unread = unreadLayout(loaded, 'parallelism.');
  const est = unread.length > 0 ? null : estR.facts;
  const bound = unread.length > 0 ? null : boundR.facts;
  const { layout, hardware: hw, workload: wl } = r;
  const checks: Check[] = [];
  // a layout search's candidates carry no lines (candidate.ts): no key path to walk up for them
  const anyLines = Object.keys(lines).length > 0;
  const add = (c: Omit<Check, 'line'>): void => {
    const line = anyLines ? lineOf(lines, c.path) : undefined;
    checks.push(line === undefined ? c : { ...c, line });
  };

  if (unread.length > 0) add(unreadLayoutCheck(unread));
  else for (const f of layoutFindings(plan.model, layout, hw)) add(f);
  for (const p of planChecks(loaded)) add(p);

  const c = compute(loaded, r, est, bound, { quick: options.quick === true });
  const modelMissing = [...estR.missing, ...unread.map(([path]) => path)];
  const tMissing = timeMissing(r, plan);
  const wlNeed = (keys: [string, unknown][]): string[] => keys.filter(([, v]) => v === undefined).map(([k]) => k);
  // an open loop (request_rate) needs no concurrency: memory is sized for one request of the longest length
  const memMissing = [
    ...modelMissing,
    ...wlNeed([
      ['workload.concurrency', wl.concurrency ?? wl.requestRate],
      ['workload.input_tokens', wl.maxInputTokens],
      ['workload.output_tokens', wl.maxOutputTokens],
    ]),
  ];
  const idleMissing = [...modelMissing, ...tMissing, ...wlNeed([['workload.input_tokens', wl.inputTokens]])];
  const loadKey = wl.concurrency ?? wl.requestRate;
  const loopMissing = [
    ...idleMissing,
    ...wlNeed([
      ['workload.concurrency', loadKey],
      ['workload.output_tokens', wl.outputTokens],
    ]),
  ];
  // TTFT under load needs the load; a plan that states none is judged on the idle figure.
  const ttftMissing = loadKey === undefined ? idleMissing : loopMissing;

  for (const b of balanceChecks(plan, r, c, est ?? bound)) add(b);

  // Memory, as the plan's engine counts it.
  const worst = mostLoaded(c.memEst);
  const memTotal = worst?.total ?? null;
  const memFloor = c.weightsFloor !== null ? c.weightsFloor + c.kvFloor : null;
  const capacity = hw.memory;
  for (const m of memoryChecks(plan, r, c, memMissing, loaded.origins['workload.max_input_tokens'])) add(m);

  // Requirements and claims.
  const economy = servingEconomy(plan, hw.gpus ?? layout.worldSize, c.throughput, c.throughputBound);
  for (const j of judgedChecks({
    plan,
    r,
    c,
    bound,
    memTotal,
    memFloor,
    modelMissing,
    memMissing,
    loopMissing,
    ttftMissing,
    economy,
    terse: options.quick === true,
  }))
    add(j);

  // Object.assign, not a spread: spreading a second object of this many keys costs V8 some 15 µs, a
  // search's thousands of verifications a tenth of their time
  const metrics = Object.assign(buildMetrics(r, c, memTotal, memFloor, est, capacity), economyMetrics(economy));
  const pr = reportRanges(plan, r, c, metrics, economy, options.quick === true);
  const judged = withholdOnBlockedDeployment(checks);
  const report: PlanReport = { file: loaded.file, name: plan.name, verdict: planVerdict(judged, true), checks: judged, metrics, errors: [], ranges: pr.ranges };
  if (options.details !== false) {
    const origins = Object.keys(loaded.origins).length > 0 ? { origins: { ...loaded.origins } } : {};
    const details = buildDetails(r, c, capacity, estR.assumptions, bound !== null);
    // the capacity is one data-parallel rank's: the reports' capacity line says so, as the checks do
    if (r.layout.dp > 1) details.data_parallel_ranks = r.layout.dp;
    details.assumptions.push(...economyAssumptions(plan.hardware, loaded.origins));
    // Why the ranges are wider than validated, where they are.
    for (const why of pr.why) details.assumptions.push({ name: 'ranges', value: why, source: 'method' });
    // A steady closed loop of equal requests stays in step: every client's next prompt arrives with
    // the others', as one wave, as in a fixed-length benchmark sweep. Whether the wave queues depends on
    // the engine (TensorRT-LLM's mixed batches take a whole wave in one iteration when it fits
    // max_num_tokens): the words say only that the prompts arrive together.
    if (c.load?.kind === 'closed' && !wl.benchmark && (wl.concurrency ?? 1) > 1) {
      details.assumptions.push({
        name: 'workload lengths',
        value: `every request has ${wl.inputTokens} prompt and ${wl.outputTokens} output tokens: the clients stay in step and their prompts arrive together, as one wave (a fixed-length sweep); declare workload.benchmark with length ranges for a mix`,
        source: 'method',
      });
    }
    report.details = { ...details, hardware: hardwareSummary(plan, layout.worldSize), ...origins };
  }
  return report;
}
