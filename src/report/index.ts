// Renderers of a verification Report: pure functions from Report to text.
export { renderJson } from './json.js';
export { renderText, renderPlanText, errorLine } from './text.js';
export { renderReportMarkdown, renderPlanMarkdown } from './markdown.js';
export type { PlanMarkdownOptions, ReportMarkdownOptions } from './markdown.js';
export { escapeMarkdown, escapeCell, escapeLine, escapeName, escapeTerminal } from './escape.js';
export * from './format.js';
