// The disaggregated side of a `suggest` result, for the terminal and for markdown: the best
// prefill/decode mixes of the plan's devices with their figures and margins, which kind wins on the
// objective and by how much, and whether a disaggregated layout rescues a plan that misses its latency.
import { markdownTable } from 'markdown-table';
import { escapeCell, escapeMarkdown } from '../report/escape.js';
import { disaggText, mixText } from './disagg-candidate.js';
import type { Candidate, SuggestResult } from './types.js';
import { candidateMargins, figureTexts, figuresLine, latencyColumns, latencyText, layoutCell, OBJECTIVE_TEXT, statusText, verdictText } from './words.js';
import { metricLabel } from '../report/summary.js';
import { countOf } from '../core/figures.js';

const mixOf = (c: Candidate): string =>
  c.variation.disaggregation ? `${mixText(c.variation.disaggregation)}: ${disaggText(c.variation.disaggregation, c.placement)}` : '';

function summary(r: SuggestResult): string | null {
  const d = r.disaggregated;
  if (!d) return null;
  if (d.top.length === 0) return `Disaggregated layouts of ${countOf(d.gpus, 'device')}: none to show (${d.detail}).`;
  const best = d.top[0]!;
  return (
    `Disaggregated layouts of ${countOf(d.gpus, 'device')} (${d.profiled} worker layouts profiled, ${d.screened} mixes screened, ${d.verified} simulated): ` +
    `the best ${verdictText(best)} (${mixOf(best)}); against the best aggregated layout of the same devices, ${d.detail} (${OBJECTIVE_TEXT[r.objective]}).`
  );
}

/** Lines for `suggest --format text`. */
export function disaggregatedTextLines(r: SuggestResult): string[] {
  const d = r.disaggregated;
  const head = summary(r);
  if (!d || head === null) return [];
  const out = ['', head];
  for (const [i, c] of d.top.entries()) {
    out.push(`  ${i + 1}. ${mixOf(c)} on ${countOf(c.variation.gpus, 'device')}: ${verdictText(c)}`);
    out.push(`     ${figuresLine(c)} · margins ${candidateMargins(c)}`);
  }
  // beside mixes only: with none to show it would repeat the list above (the markdown leaves it out too)
  if (d.best_aggregated && d.top.length > 0) {
    const b = d.best_aggregated;
    out.push(`  best aggregated on ${countOf(d.gpus, 'device')} (${layoutCell(b)}): ${verdictText(b)}; ${figuresLine(b)} · margins ${candidateMargins(b)}`);
  }
  return out;
}

/** The markdown section (suggest --format markdown, the action's Alternatives). */
export function disaggregatedMarkdown(r: SuggestResult, top = 3): string {
  const d = r.disaggregated;
  const head = summary(r);
  if (!d || head === null) return '';
  if (d.top.length === 0) return escapeMarkdown(head);
  const listed = d.top.slice(0, top);
  const latency = latencyColumns([...listed, ...(d.best_aggregated ? [d.best_aggregated] : [])], r.objective);
  const rows = [['#', 'Mix', 'Devices', 'Status', 'Throughput', 'Per device', ...latency.map(metricLabel), 'Margins']];
  const row = (label: string, c: Candidate, mix: string): string[] => {
    const f = figureTexts(c);
    return [
      label,
      escapeCell(mix),
      String(c.variation.gpus),
      statusText(c),
      ...[f.throughput, f.perGpu, ...latency.map((k) => latencyText(c, k)), candidateMargins(c)].map(escapeCell),
    ];
  };
  for (const [i, c] of listed.entries()) rows.push(row(`D${i + 1}`, c, mixOf(c)));
  // named by its layout: it need not be among the aggregated layouts listed above (those closest to passing)
  if (d.best_aggregated) rows.push(row('aggregated', d.best_aggregated, `best aggregated layout: ${layoutCell(d.best_aggregated)}`));
  return `${escapeMarkdown(head)}\n\n${markdownTable(rows, { alignDelimiters: false })}`;
}
