// The "Alternatives" of each failing or warning plan: the layouts that would pass and the smallest
// change on each axis (the `suggest` search), folded in <details> at the end of the plan's section.
// A courtesy, so it has a total time budget: when it runs out, the search stops (mid-plan if it
// must) and the plans left say so in their sections; the verdicts never wait on it.
import { withWorkBudget, WorkBudgetExceeded, type PlanReport, type ReadReference } from '../core/index.js';
import { loadPlan } from '../plan/load.js';
import { renderAlternativesMarkdown } from '../report/alternatives.js';
import { escapeLine } from '../report/escape.js';
import { suggest } from '../suggest/index.js';

/** Searching is cheap (well under a second a plan), but a push may verify hundreds of plans. */
export const MAX_PLANS_WITH_ALTERNATIVES = 10;
/** All searches of one run together, in ms: twelve plans of a million devices once took 48 s. */
export const ALTERNATIVES_TIME_BUDGET_MS = 10_000;

export interface PlanInputs {
  text: string;
  readReference: ReadReference;
}

/** Markdown by plan file for the plans that fail or warn (the first MAX_PLANS_WITH_ALTERNATIVES in report order). */
export function alternativesMarkdown(
  plans: readonly PlanReport[],
  inputs: { get(file: string): PlanInputs | undefined },
  log: (line: string) => void,
  budgetMs = ALTERNATIVES_TIME_BUDGET_MS,
): Record<string, string> {
  // keyed by file path: a plan file named constructor must find no section in Object.prototype
  const sections: Record<string, string> = Object.create(null);
  const wanted = plans.filter((p) => p.verdict === 'fail' || p.verdict === 'warn').slice(0, MAX_PLANS_WITH_ALTERNATIVES);
  const started = Date.now();
  let stoppedAt: PlanReport | undefined;
  for (const plan of wanted) {
    const kept = inputs.get(plan.file);
    if (!kept) continue;
    const searched = withWorkBudget(
      { deadline: started + budgetMs },
      () => {
        try {
          const loaded = loadPlan(plan.file, kept.text, kept.readReference);
          if (!loaded.ok) return true;
          const result = suggest(
            loaded.loaded,
            { objective: 'throughput-per-gpu', top: 3, allowCrossNodeTp: false, allowCp: false, anyGpuCount: false },
            plan.verdict,
          );
          sections[plan.file] = renderAlternativesMarkdown(result, { top: 3 });
        } catch (error) {
          if (error instanceof WorkBudgetExceeded) throw error; // the time budget: handled below
          // A suggestion is a courtesy: its failure must not cost the report.
          log(`No alternatives for ${plan.file}: ${error instanceof Error ? error.name : 'a failure'} in the search`);
        }
        return true;
      },
      () => false,
    );
    if (!searched) {
      stoppedAt = plan;
      break;
    }
  }
  if (stoppedAt) {
    const left = wanted.slice(wanted.indexOf(stoppedAt));
    const stopped = `Alternatives stopped after ${budgetMs / 1000} s, this section's time budget: not searched for ${left.map((p) => p.file).join(', ')}.`;
    const command = '`parallel-plan-check suggest <plan>`';
    log(`${stopped} Run ${command} for them.`);
    // only the file names are escaped: the command stays a code span
    for (const plan of left) sections[plan.file] = `> ${escapeLine(stopped)} Run ${command} for them.\n`;
  }
  return sections;
}
