// `suggest`: search every valid parallel layout and say what would make a plan pass (docs/suggest.md).
import type { ReadReference } from '../core/types.js';
import { verifyLoadedPlan } from '../core/verify.js';
import { loadPlan } from '../plan/load.js';
import { suggest } from './search.js';
import type { SuggestOptions, SuggestResult } from './types.js';

export { somethingPasses, suggest, LayoutSearch, MAX_SEARCH_GPUS } from './search.js';
export { renderSuggestText } from './render-text.js';
export { enumerateLayouts, gpuCounts, divisors } from './enumerate.js';
export { layoutViolation, CP_MIN_CONTEXT } from './rules.js';
export type { LayoutChoice, RuleOptions } from './rules.js';
export { buildCandidatePlan, planLayout, layoutText } from './candidate.js';
export * from './types.js';

/** What the CLI uses when no option is given (and what the action's Alternatives section should use). */
export const DEFAULT_SUGGEST_OPTIONS: SuggestOptions = {
  objective: 'throughput-per-gpu',
  top: 5,
  allowCrossNodeTp: false,
  allowCp: false,
  anyGpuCount: false,
};

/** Loads a plan from its text and searches it; null when the text is not a valid plan (verify reports why). */
export function suggestPlanText(
  file: string,
  text: string,
  readReference: ReadReference,
  options: SuggestOptions = DEFAULT_SUGGEST_OPTIONS,
): SuggestResult | null {
  const loaded = loadPlan(file, text, readReference);
  if (!loaded.ok) return null;
  return suggest(loaded.loaded, options, verifyLoadedPlan(loaded.loaded).verdict);
}
