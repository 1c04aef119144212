// Figures of contract 1.1 (TTFT under load beside the idle one, percentiles, goodput, ranges, cost
// and energy), rendered when a report carries them and absent otherwise. Synthetic reports: the
// core that computes them is built elsewhere.
import { describe, expect, it } from 'vitest';
import { combineReports } from '../src/core/verdict.js';
import type { Metrics, PlanReport } from '../src/core/types.js';
import { renderPlanMarkdown, renderReportMarkdown } from '../src/report/markdown.js';
import { rangeOf, rangeText, withRange } from '../src/report/ranges.js';
import { renderPlanText } from '../src/report/text.js';
import { llama70bReport, twoStageReport } from './fixtures/reports/plans.js';

function loaded(extra: Record<string, unknown>, checks: PlanReport['checks'] = []): PlanReport {
  const plan = twoStageReport();
  plan.metrics = { ...plan.metrics!, ttft_ms: 820, tpot_ms: 43.7, ...extra } as Metrics;
  plan.checks = [...plan.checks, ...checks];
  return plan;
}

describe('ranges', () => {
  it('read only well-formed [low, high] pairs', () => {
    const m = { ranges: { tpot_ms: [38.1, 51.0], bad: [3, 1], text: 'x' } } as unknown as Metrics;
    expect(rangeOf(m, 'tpot_ms')).toEqual([38.1, 51.0]);
    expect(rangeOf(m, 'bad')).toBeNull();
    expect(rangeOf(m, 'text')).toBeNull();
    expect(rangeOf({} as Metrics, 'tpot_ms')).toBeNull();
  });

  it("are read where the core keeps them (the plan's report) as well as from the JSON's metrics", () => {
    const plan = loaded({});
    plan.ranges = { tpot_ms: [38.1, 51.0] };
    expect(rangeOf(plan, 'tpot_ms')).toEqual([38.1, 51.0]);
    expect(renderPlanMarkdown(plan)).toContain('| TPOT (time per output token) | 43.7 ms (38–51) |');
  });

  it('render as "43.7 ms (38–51)", the unit said once', () => {
    const m = { ranges: { tpot_ms: [38.1, 51.0], throughput_tokens_per_s: [12_300, 15_100] } } as unknown as Metrics;
    expect(withRange('43.7 ms', m, 'tpot_ms')).toBe('43.7 ms (38–51)');
    expect(rangeText([12_300, 15_100], 'tokens/s')).toBe('12k–16k');
    // the ends in the figure's unit and scale (a figure of 1.00 s: its range in s), never "800 ms–1.20 s"
    expect(rangeText([800, 1200], 'ms', 1000)).toBe('0.800–1.20');
    expect(rangeText([800, 1200], 'ms', 900)).toBe('800–1,200');
    expect(withRange('1.00 s', m, 'ttft_ms')).toBe('1.00 s');
    // rounded outward, never truncated: the range shown holds the range computed
    expect(rangeText([25.26, 56.868], 'ms')).toBe('25–57');
    expect(rangeText([9.31, 16.42], 'ms')).toBe('9.31–17');
  });

  it('appear wherever the figure appears: summary table, performance table, check rows', () => {
    const tpotCheck = {
      id: 'requirements.tpot',
      status: 'pass' as const,
      title: 'Required TPOT',
      value: 60,
      limit: 43.7,
      unit: 'ms',
      basis: 'estimate' as const,
      detail: 'estimate 43.7 ms meets 60 ms',
      path: 'requirements.tpot',
      line: 9,
    };
    const plan = loaded({ ranges: { tpot_ms: [38.1, 51.0] }, range_coverage: 0.8 }, [tpotCheck]);
    const md = renderReportMarkdown(combineReports([plan, llama70bReport()]));
    expect(md).toMatch(/\| 820 ms \| 43\.7 ms \(38–51\) \|/); // summary table
    expect(md).toContain('| TPOT (time per output token) | 43.7 ms (38–51) | ≥ 14.1 ms |');
    expect(md).toContain('| 43.7 ms (38–51) | ≤ 60.0 ms required | 27% headroom |');
    expect(md).toContain('80% of validated measurements fell inside their range');
  });
});

describe('TTFT under load, percentiles and goodput', () => {
  it('shows the idle TTFT beside the loaded one', () => {
    const md = renderPlanMarkdown(loaded({ ttft_idle_ms: 138, ttft_lower_bound_ms: 120 }));
    expect(md).toContain('| TTFT under load | 820 ms | ≥ 120 ms |');
    expect(md).toContain('| TTFT on an idle deployment | 138 ms | ≥ 120 ms |');
  });

  it('shows a percentile only when a requirement names it', () => {
    const p99 = {
      id: 'requirements.ttft_p99',
      status: 'fail' as const,
      title: 'Required TTFT p99',
      value: 2000,
      limit: 2600,
      unit: 'ms',
      basis: 'estimate' as const,
      detail: 'estimate 2.6 s misses 2 s',
      path: 'requirements.ttft_p99',
      line: 12,
    };
    const md = renderPlanMarkdown(loaded({ ttft_idle_ms: 138, ttft_p50_ms: 700, ttft_p99_ms: 2600, tpot_p99_ms: 60 }, [p99]));
    expect(md).toContain('| TTFT p99 | 2.60 s |');
    expect(md).not.toContain('| TTFT p50 |');
    expect(md).not.toContain('| TPOT p99 |');
    // the requirement's row speaks of the p99 and its margin: (2000 - 2600) / 2000 = -30%
    expect(md).toContain('| ❌ fail | Required TTFT p99<br>`requirements.ttft_p99` | 2.60 s | ≤ 2.00 s required | 30% short |');
  });

  it('shows the max request rate against its ceiling', () => {
    const md = renderPlanMarkdown(loaded({ max_request_rate: 12.4, request_rate_upper_bound: 31 }));
    expect(md).toContain('| Max request rate (every latency requirement met) | 12.4 requests/s | ≤ 31 requests/s |');
  });

  it('leaves the request rate out when nothing computes or requires it', () => {
    expect(renderPlanMarkdown(loaded({ max_request_rate: null, request_rate_upper_bound: 31 }))).not.toContain('Max request rate');
  });

  it('renders a report without them as before: no idle row, no request rate, no ranges', () => {
    const md = renderPlanMarkdown(llama70bReport());
    expect(md).toContain('| TTFT (time to first token) |');
    expect(md).not.toMatch(/idle|request rate|Ranges in brackets/);
  });
});

describe('cost and energy', () => {
  it('have their rows with bounds, a summary column, and a headline when they move', () => {
    const base = loaded({ cost_per_million_tokens: 1.0, cost_per_million_tokens_lower_bound: 0.4, tokens_per_joule: 0.5, tokens_per_joule_upper_bound: 1.2 });
    const head = loaded({ cost_per_million_tokens: 0.88, cost_per_million_tokens_lower_bound: 0.4, tokens_per_joule: 0.57, tokens_per_joule_upper_bound: 1.2 });
    const md = renderReportMarkdown(combineReports([head, llama70bReport()]), { bases: { [head.file]: base }, baseName: 'main' });
    expect(md).toContain('| Cost per million output tokens | &#36;0.88 (🟢 12% better) | ≥ &#36;0.40 |');
    expect(md).toContain('| Output tokens per joule | 0.57 tokens/J (🟢 14% better) | ≤ 1.2 tokens/J |');
    expect(md).toContain('| Cost / M tokens |');
    // the primary figure (cost) leads, though tokens per joule moved more
    expect(md).toContain('changed: cost per million tokens &#36;0.88, 12% better than main; tokens per joule +14% (better).');
  });

  it('leave the cost row out when nothing prices the plan', () => {
    expect(renderPlanMarkdown(llama70bReport())).not.toContain('Cost per million');
  });
});

describe('every figure with a range reads with it, wherever it is shown', () => {
  const plan = loaded({ max_request_rate: 17.6 }, [
    {
      id: 'requirements.request_rate',
      title: 'Required request rate (goodput)',
      status: 'warn',
      value: 15,
      limit: 17.6,
      unit: 'requests/s',
      basis: 'estimate',
      detail: 'at risk: estimate 17.6 requests/s (range 14.2 to 20.9 requests/s) meets 15.0 requests/s',
    },
  ]);
  plan.ranges = { ttft_ms: [700, 990], tpot_ms: [38.1, 51.0], max_request_rate: [14.2, 20.9] };
  it("the markdown's All metrics table and a requirement's estimate cell (they read '43.7 ms' and '17.6 requests/s' alone)", () => {
    const md = renderPlanMarkdown(plan);
    expect(md).toContain('| `tpot_ms` | 43.7 ms (38–51) |');
    expect(md).toMatch(/`requirements.request_rate` \| 17\.6 requests\/s \(14–21\) \|/);
  });
  it("the terminal report's key figures", () => {
    expect(renderPlanText(plan)).toMatch(/TTFT 820 ms \(700–990\) · TPOT 43\.7 ms \(38–51\)/);
  });
});
