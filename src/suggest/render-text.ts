// `suggest --format text`: the search result for a terminal.
import { escapeTerminal } from '../report/escape.js';
import { formatQuantity } from '../report/format.js';
import { layoutWithKeys } from './candidate.js';
import type { Candidate, SuggestResult } from './types.js';
import {
  candidateMargins,
  disaggMissClause,
  disaggPassClause,
  figureTexts,
  figuresLine,
  latencyColumns,
  latencyText,
  layoutCell,
  OBJECTIVE_TEXT,
  passingHeading,
  placementText,
  planVerdictText,
  rankedKind,
  requiredText,
  searchedClause,
  searchSummary,
  stoppedText,
  variationText,
} from './words.js';
import { disaggregatedTextLines } from './render-disagg.js';
import { countOf } from '../core/figures.js';
import { metricLabel } from '../report/summary.js';

function pad(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

export function renderSuggestText(r: SuggestResult): string {
  const out: string[] = [];
  out.push(`${r.file}${r.name !== r.file ? ` (${r.name})` : ''}: plan verdict ${r.plan_verdict.toUpperCase()}`);
  out.push(`Searched ${searchSummary(r)}. Objective: ${OBJECTIVE_TEXT[r.objective]}.`);
  const stopped = stoppedText(r);
  if (stopped) out.push(`${stopped} Run again with a longer --time-limit (0: none).`);
  out.push('');
  out.push(`The plan's own layout (${variationText(r.plan.variation, r.plan.placement)}) ${planVerdictText(r)}`);
  out.push(`  ${figuresLine(r.plan)}`);
  out.push(`  margins: ${candidateMargins(r.plan)}`);

  if (r.impossible.length > 0) {
    out.push('');
    out.push(`Out of reach on ${countOf(r.plan_gpus, 'device')}, whatever the layout:`);
    for (const i of r.impossible) {
      out.push(
        `  ${requiredText(i.id, i.required, i.unit)}: the best physical bound of any ${rankedKind(r)} is ${formatQuantity(i.best_bound, i.unit)} (${layoutWithKeys(i.best_layout, i.best_placement)})${disaggMissClause(r)}`,
      );
      out.push(`    bound set by ${i.reason}`);
      out.push(
        i.smallest_gpus !== null
          ? `    smallest device count whose bound reaches it: ${i.smallest_gpus} (${layoutWithKeys(i.smallest_layout!, i.smallest_placement)}, bound ${formatQuantity(i.smallest_bound, i.unit)})`
          : `    no device count up to ${i.scanned_up_to} reaches it (try --max-gpus)`,
      );
    }
  }

  if (r.unmet.length > 0) {
    out.push('');
    out.push(`Not met by any layout of ${countOf(r.plan_gpus, 'device')} on the estimates (the physical bounds allow it):`);
    for (const u of r.unmet)
      out.push(
        `  ${requiredText(u.id, u.required, u.unit)}: the best estimate is ${formatQuantity(u.best_estimate, u.unit)} (${placementText(u.best_layout, u.best_disaggregation, u.best_placement)})`,
      );
  }

  out.push('');
  if (r.top.length === 0) out.push(r.search.stopped ? 'No layout verified in full before the time limit: none listed.' : 'No layout in the search.');
  else {
    const status = r.top[0]!.status;
    const kind = `${rankedKind(r)}${searchedClause(r)}`;
    const label =
      status === 'pass'
        ? passingHeading(kind, r.top)
        : status === 'possible'
          ? `No ${kind} passes on the estimates${disaggPassClause(r)}; best ${kind}s the bounds leave open`
          : `No ${kind} passes${disaggPassClause(r)}; the closest (smallest shortfall on their worst requirement)`;
    out.push(`${label}:`);
    const latency = latencyColumns([...r.top, r.plan], r.objective);
    const rows = [['#', 'devices', 'layout', 'throughput', 'per device', ...latency.map(metricLabel), 'memory/device', 'margins']];
    const row = (label: string, c: Candidate): string[] => {
      const f = figureTexts(c);
      return [label, String(c.variation.gpus), layoutCell(c), f.throughput, f.perGpu, ...latency.map((k) => latencyText(c, k)), f.memory, candidateMargins(c)];
    };
    for (const [i, c] of r.top.entries()) rows.push(row(String(i + 1), c));
    // the plan's own figures under the same columns, to compare at a glance
    rows.push(row('plan', r.plan));
    for (const line of pad(rows)) out.push(`  ${line}`);
  }

  out.push(...disaggregatedTextLines(r));

  out.push('');
  out.push('What would make it pass:');
  if (r.search.stopped?.not_finished.includes('what-if')) out.push('  not finished before the time limit');
  for (const a of r.what_if) {
    const mark = a.outcome === 'found' ? 'yes' : a.outcome === 'possible' ? 'maybe' : a.outcome === 'none' ? 'no' : 'n/a';
    out.push(`  ${a.axis.padEnd(16)}${mark.padEnd(6)}${a.change}: ${a.detail}`);
    if (a.candidate) out.push(`  ${' '.repeat(22)}${figuresLine(a.candidate)}`);
  }
  for (const n of r.notes) out.push(`Note: ${n}`);
  return `${out.map(escapeTerminal).join('\n')}\n`;
}
