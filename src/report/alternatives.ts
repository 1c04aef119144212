// Markdown for `suggest`: the short, folded "Alternatives" section the action adds to its comment
// for failing or warning plans, and the full report of `suggest --format markdown`.
// Plan text goes through escape.ts; the layouts and figures are ours.
import { markdownTable } from 'markdown-table';
import { layoutWithKeys } from '../suggest/candidate.js';
import type { AxisSuggestion, Candidate, Objective, SuggestResult } from '../suggest/types.js';
import { fits } from '../suggest/rank.js';
import {
  candidateMargins,
  disaggMissClause,
  disaggPassClause,
  DOES_NOT_FIT,
  figureTexts,
  latencyColumns,
  latencyLine,
  latencyText,
  layoutCell,
  OBJECTIVE_TEXT,
  passingHeading,
  placementText,
  planVerdictText,
  rankedKind,
  requiredText,
  screenStopped,
  searchedClause,
  searchSummary,
  stoppedText,
  variationText,
} from '../suggest/words.js';
import { escapeCell, escapeHtml, escapeMarkdown, escapeName } from './escape.js';
import { disaggregatedMarkdown } from '../suggest/render-disagg.js';
import { formatQuantity } from './format.js';
import { metricLabel } from './summary.js';
import { countOf } from '../core/figures.js';

export interface AlternativesOptions {
  /** layouts listed (default 3) */
  top?: number;
}

const table = (rows: string[][]): string => markdownTable(rows, { alignDelimiters: false });
const code = (text: string): string => `\`${text}\``;

function layoutsTable(cands: readonly Candidate[], plan: Candidate, objective: Objective): string {
  const latency = latencyColumns([...cands, plan], objective);
  const rows = [['#', 'Devices', 'Layout', 'Throughput', 'Per device', ...latency.map(metricLabel), 'Memory / device', 'Margins']];
  const row = (label: string, c: Candidate): string[] => {
    const f = figureTexts(c);
    // the layout is ours (sizes and '='): a code span needs no escaping
    return [
      label,
      String(c.variation.gpus),
      code(layoutCell(c)),
      ...[f.throughput, f.perGpu, ...latency.map((k) => latencyText(c, k)), f.memory, candidateMargins(c)].map(escapeCell),
    ];
  };
  for (const [i, c] of cands.entries()) rows.push(row(String(i + 1), c));
  rows.push(row('plan', plan));
  return table(rows);
}

function impossibleLines(r: SuggestResult): string[] {
  const unmet = r.unmet.map(
    (u) =>
      `- **${escapeMarkdown(requiredText(u.id, u.required, u.unit))}** is met by no layout of ${countOf(r.plan_gpus, 'device')} on the estimates: the best is ${formatQuantity(u.best_estimate, u.unit)} (${code(placementText(u.best_layout, u.best_disaggregation, u.best_placement))}); the physical bound does not rule it out.`,
  );
  return [
    ...unmet,
    ...r.impossible.map((i) => {
      const reach =
        i.smallest_gpus !== null
          ? ` The smallest device count whose bound reaches it: **${i.smallest_gpus}** (${code(layoutWithKeys(i.smallest_layout!, i.smallest_placement))}, bound ${formatQuantity(i.smallest_bound, i.unit)}).`
          : ` No device count up to ${i.scanned_up_to} reaches it.`;
      return `- **${escapeMarkdown(requiredText(i.id, i.required, i.unit))}** is out of reach on ${countOf(r.plan_gpus, 'device')}: the best physical bound of any ${rankedKind(r)} is ${formatQuantity(i.best_bound, i.unit)} (${code(layoutWithKeys(i.best_layout, i.best_placement))}), set by ${escapeMarkdown(i.reason)}${escapeMarkdown(disaggMissClause(r))}.${reach}`;
    }),
  ];
}

const OUTCOME: Record<AxisSuggestion['outcome'], string> = { found: '✅ passes', possible: '❔ not ruled out', none: '❌ no', 'not-applicable': '—' };

function whatIfTable(r: SuggestResult): string {
  const rows = [['Change', 'Outcome', 'Figures', 'Detail']];
  for (const a of r.what_if) {
    const figures = a.candidate
      ? (() => {
          const f = figureTexts(a.candidate);
          return `${f.throughput} · ${latencyLine(a.candidate)} · ${f.memory}/device`;
        })()
      : '';
    rows.push([escapeCell(a.change), OUTCOME[a.outcome], escapeCell(figures), escapeCell(a.detail)]);
  }
  return table(rows);
}

function planLine(r: SuggestResult): string {
  const f = figureTexts(r.plan);
  const figures = fits(r.plan)
    ? `throughput ${f.throughput}, ${latencyLine(r.plan, ', ')}, memory ${f.memory} per device`
    : `${DOES_NOT_FIT}: memory ${f.memory} per device`;
  return `The plan as written (${escapeMarkdown(variationText(r.plan.variation, r.plan.placement))}) ${escapeMarkdown(planVerdictText(r))}. Its figures: ${figures}; margins ${escapeMarkdown(candidateMargins(r.plan))}.`;
}

function topHeading(r: SuggestResult): string {
  const kind = rankedKind(r);
  const also = escapeMarkdown(disaggPassClause(r));
  // a search the time limit stopped speaks only of the layouts it searched
  const range = screenStopped(r) ? 'searched before the time limit' : r.search.gpus_to === 1 ? 'of 1 device' : `of 1 to ${countOf(r.search.gpus_to, 'device')}`;
  if (r.top.length === 0 && r.search.stopped) return 'No layout verified in full before the time limit: none listed.';
  if (r.top.length === 0) return `No ${kind} ${range} passes${also}.`;
  const status = r.top[0]!.status;
  if (status === 'pass') return `${escapeMarkdown(passingHeading(kind, r.top))}, by ${OBJECTIVE_TEXT[r.objective]}:`;
  if (status === 'possible')
    return `No ${kind}${escapeMarkdown(searchedClause(r))} passes on the estimates${also}; these are the best the physical bounds leave open:`;
  return `No ${kind} ${range} passes${also}; the closest (smallest shortfall on their worst requirement):`;
}

/** The folded "Alternatives for <plan>" section, placed at the end of that plan's section of the report. */
export function renderAlternativesMarkdown(r: SuggestResult, options: AlternativesOptions = {}): string {
  const top = options.top ?? 3;
  const parts: string[] = [planLine(r), ...impossibleLines(r)];
  parts.push(topHeading(r));
  if (r.top.length > 0) parts.push(layoutsTable(r.top.slice(0, top), r.plan, r.objective));
  const disaggregated = disaggregatedMarkdown(r, top);
  if (disaggregated) parts.push(disaggregated);
  const helpful = r.what_if.filter((a) => a.outcome === 'found' || a.outcome === 'possible');
  if (helpful.length > 0) {
    parts.push('What would make it pass:');
    parts.push(helpful.map((a) => `- ${a.outcome === 'found' ? '✅' : '❔'} ${code(a.change.replace(/`/g, "'"))}: ${escapeMarkdown(a.detail)}`).join('\n'));
  }
  return `<details>\n<summary>💡 Alternatives for ${escapeHtml(r.name)}</summary>\n\n${parts.join('\n\n')}\n\n</details>\n`;
}

/** `suggest --format markdown`: the whole search result. */
export function renderSuggestMarkdown(r: SuggestResult): string {
  const title = `### Suggestions for ${escapeName(r.name)}${r.name !== r.file ? ` (${escapeName(r.file)})` : ''}`;
  const parts = [title, `Plan verdict: **${r.plan_verdict}**. Searched ${searchSummary(r, '–')}.`];
  const stopped = stoppedText(r);
  if (stopped) parts.push(`> ⏱️ ${escapeMarkdown(stopped)} Run again with a longer \`--time-limit\` (0: none).`);
  parts.push(planLine(r), ...impossibleLines(r), topHeading(r));
  if (r.top.length > 0) parts.push(layoutsTable(r.top, r.plan, r.objective));
  const disaggregated = disaggregatedMarkdown(r, r.disaggregated?.top.length ?? 0);
  if (disaggregated) parts.push('#### Disaggregated prefill and decode', disaggregated);
  parts.push('#### What would make it pass', r.search.stopped?.not_finished.includes('what-if') ? 'Not finished before the time limit.' : whatIfTable(r));
  for (const n of r.notes) parts.push(`> ${escapeMarkdown(n)}`);
  return `${parts.join('\n\n')}\n`;
}
