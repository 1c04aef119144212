// The "Alternatives" of each failing or warning plan: the layouts that would pass and the smallest
// change on each axis (the `suggest` search), folded in <details> at the end of the plan's section.
import type { PlanReport, ReadReference } from '../core/index.js';
import { loadPlan } from '../plan/load.js';
import { renderAlternativesMarkdown } from '../report/alternatives.js';
import { suggest } from '../suggest/index.js';

/** Searching is cheap (well under a second a plan), but a push may verify hundreds of plans. */
export const MAX_PLANS_WITH_ALTERNATIVES = 10;

export interface PlanInputs {
  text: string;
  readReference: ReadReference;
}

/** Markdown by plan file for the plans that fail or warn (the first MAX_PLANS_WITH_ALTERNATIVES in report order). */
export function alternativesMarkdown(plans: readonly PlanReport[], inputs: ReadonlyMap<string, PlanInputs>, log: (line: string) => void): Record<string, string> {
  const sections: Record<string, string> = {};
  for (const plan of plans.filter((p) => p.verdict === 'fail' || p.verdict === 'warn').slice(0, MAX_PLANS_WITH_ALTERNATIVES)) {
    const kept = inputs.get(plan.file);
    if (!kept) continue;
    try {
      const loaded = loadPlan(plan.file, kept.text, kept.readReference);
      if (!loaded.ok) continue;
      const result = suggest(loaded.loaded, { objective: 'throughput-per-gpu', top: 3, allowCrossNodeTp: false, allowCp: false, anyGpuCount: false }, plan.verdict);
      sections[plan.file] = renderAlternativesMarkdown(result, { top: 3 });
    } catch (error) {
      // A suggestion is a courtesy: its failure must not cost the report.
      log(`No alternatives for ${plan.file}: ${(error as Error).message}`);
    }
  }
  return sections;
}
