// `suggest`: search every valid parallel layout and say what would make a plan pass (docs/suggest.md).
export { suggest, LayoutSearch, MAX_SEARCH_GPUS } from './search.js';
export { renderSuggestText } from './render-text.js';
export { enumerateLayouts, gpuCounts, divisors } from './enumerate.js';
export { layoutViolation, CP_MIN_CONTEXT } from './rules.js';
export type { LayoutChoice, RuleOptions } from './rules.js';
export { buildCandidatePlan, planLayout, layoutText } from './candidate.js';
export * from './types.js';
