// Changes against the base branch: better or worse in words and a symbol, only where a figure
// moved by at least min-change percent; unchanged plans folded into one line.
import { describe, expect, it } from 'vitest';
import { combineReports } from '../src/core/verdict.js';
import type { PlanReport } from '../src/core/types.js';
import { changeSentence, changeWords, keyChanges, metricDirection, planChanged, significantChange } from '../src/report/changes.js';
import { renderPlanMarkdown, renderReportMarkdown } from '../src/report/markdown.js';
import { llama70bReport, twoStageReport } from './fixtures/reports/plans.js';

/** The same plan with TPOT and throughput moved: TPOT 21.6 -> 30.9 ms (+43%), throughput 3,299 -> 3,400. */
function pair(): { base: PlanReport; head: PlanReport } {
  const base = twoStageReport();
  base.metrics = { ...base.metrics!, tpot_ms: 21.6, throughput_tokens_per_s: 3_299, cost_per_million_tokens: 1.0 };
  const head = twoStageReport();
  head.metrics = { ...head.metrics!, tpot_ms: 30.9, throughput_tokens_per_s: 3_400, cost_per_million_tokens: 0.88 };
  return { base, head };
}

describe('which way is better', () => {
  it('knows rates from times, memory and cost', () => {
    expect(metricDirection('throughput_tokens_per_s')).toBe('higher-is-better');
    expect(metricDirection('tokens_per_joule')).toBe('higher-is-better');
    expect(metricDirection('max_request_rate')).toBe('higher-is-better');
    expect(metricDirection('tpot_ms')).toBe('lower-is-better');
    expect(metricDirection('ttft_p99_ms')).toBe('lower-is-better');
    expect(metricDirection('memory_per_gpu_gib')).toBe('lower-is-better');
    expect(metricDirection('cost_per_million_tokens')).toBe('lower-is-better');
    expect(metricDirection('world_size')).toBe('neutral');
  });

  it('says better or worse with a symbol, and the size of the move', () => {
    // (30.9 - 21.6) / 21.6 = 43.1%
    expect(changeWords(significantChange('tpot_ms', 30.9, 21.6), 'ms')).toBe('🔴 43% worse');
    // (3400 - 3299) / 3299 = 3.06%
    expect(changeWords(significantChange('throughput_tokens_per_s', 3400, 3299), 'tokens/s')).toBe('🟢 3.1% better');
    expect(changeWords(significantChange('world_size', 8, 4))).toBe('+4');
  });

  it('reports nothing below min-change', () => {
    expect(significantChange('tpot_ms', 30.2, 30, 1)).toBeNull(); // 0.67%
    expect(significantChange('tpot_ms', 30.6, 30, 1)).not.toBeNull(); // 2%
    expect(significantChange('tpot_ms', 30.6, 30, 5)).toBeNull();
    expect(significantChange('tpot_ms', 30, 30, 0)).toBeNull();
  });
});

describe('the change sentence', () => {
  it('leads with the largest move against the base, by name', () => {
    const { base, head } = pair();
    const changes = keyChanges(head, base);
    expect(changes.map((c) => c.key)).toEqual(['tpot_ms', 'cost_per_million_tokens', 'throughput_tokens_per_s']);
    // cost (0.88 - 1.0) / 1.0 = -12%
    expect(changeSentence(changes, 'main')).toBe('TPOT 30.9 ms, 43% worse than main; cost per million tokens \u221212% (better); throughput +3.1% (better)');
  });

  it('is the headline of a changed plan', () => {
    const { base, head } = pair();
    const md = renderReportMarkdown(combineReports([head]), { bases: { [head.file]: base }, baseName: 'main' });
    expect(md.split('\n')[2]).toBe(
      '- ✅ **llama-70b-tp2-pp2** changed: TPOT 30.9 ms, 43% worse than main; cost per million tokens \u221212% (better); throughput +3.1% (better).',
    );
  });
});

describe('deltas in the tables', () => {
  it('appear only on the figures that moved', () => {
    const { base, head } = pair();
    const md = renderPlanMarkdown(head, { base });
    expect(md).toContain('| TPOT (time per output token) | 30.9 ms (🔴 43% worse) |');
    expect(md).toContain('| 3.40k tokens/s (🟢 3.1% better) |');
    // the memory did not move: no (±0) anywhere
    expect(md).not.toContain('±0');
    expect(md).toContain('| 0 (40 layers) | 33.9 GiB | 20.0 GiB | 1.50 GiB | 2.00 GiB | 57.4 GiB | 71.7 GiB | 79.7 GiB |');
  });

  it('min-change hides the smaller moves', () => {
    const { base, head } = pair();
    const md = renderPlanMarkdown(head, { base, minChange: 5 });
    expect(md).toContain('30.9 ms (🔴 43% worse)');
    expect(md).not.toContain('3.1% better');
  });
});

describe('unchanged plans', () => {
  it('a plan is unchanged when its verdict, checks and key figures stayed (within min-change)', () => {
    const base = twoStageReport();
    const same = twoStageReport();
    expect(planChanged(same, base)).toBe(false);
    same.metrics = { ...same.metrics!, tpot_ms: same.metrics!.tpot_ms! * 1.005 };
    expect(planChanged(same, base, 1)).toBe(false);
    expect(planChanged(same, base, 0.1)).toBe(true);
    expect(planChanged(llama70bReport({ file: base.file, verdict: 'warn' }), base)).toBe(true);
  });

  it('fold into one line, while changed and failing plans keep their sections', () => {
    const quiet = twoStageReport();
    const quiet2 = { ...twoStageReport(), file: 'plans/other.plan.yaml', name: 'other' };
    const failing = llama70bReport();
    const bases = { [quiet.file]: twoStageReport(), [quiet2.file]: { ...twoStageReport(), file: quiet2.file }, [failing.file]: llama70bReport() };
    const md = renderReportMarkdown(combineReports([quiet, quiet2, failing]), { bases, baseName: 'main' });
    expect(md).toContain('<details><summary>2 unchanged plans (no figure moved 1% or more against main): ✅ llama-70b-tp2-pp2, ✅ other</summary>');
    // the unchanged failing plan still has its section, outside the fold
    expect(md.indexOf('### ❌ llama-70b-tp4')).toBeLessThan(md.indexOf('unchanged plans'));
    // the summary table lists only what needs reading
    const table = md.slice(md.indexOf('| Plan |'), md.indexOf('### '));
    expect(table).toContain('llama-70b-tp4');
    expect(table).not.toContain('other');
  });
});
