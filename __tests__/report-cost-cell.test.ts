// The summary table's cost column beside a plan that states no price: the plan gave no
// hardware.cost_per_hour, which "not computable" (the words for a figure the core could not work out)
// hid from a reviewer comparing two plans of one pull request.
import { describe, expect, it } from 'vitest';
import { combineReports } from '../src/core/verdict.js';
import { renderReportMarkdown } from '../src/report/markdown.js';
import { verify } from './core-helpers.js';

const plan = (name: string, hardware: string) => `version: 1
name: ${name}
model: {preset: llama-3.1-8b}
hardware: {${hardware}}
workload: {concurrency: 8, input_tokens: 512, output_tokens: 64}
`;

describe('the cost column of the summary table', () => {
  const priced = verify(plan('priced', 'preset: h100-sxm, gpus: 1, cost_per_hour: 2.5'));
  const unpriced = verify(plan('unpriced', 'preset: h100-sxm, gpus: 1'));
  const md = renderReportMarkdown(combineReports([priced, unpriced]));
  const row = (name: string) => md.split('\n').find((l) => l.startsWith(`| ${name}<br>`))!;

  it('says that a plan gives no price, not that its cost is not computable', () => {
    expect(md).toContain('| Cost / M tokens |');
    expect(row('priced')).toMatch(/&#36;\d/);
    expect(row('unpriced').trim().endsWith('| no price (hardware.cost\\_per\\_hour) |')).toBe(true);
    expect(row('unpriced')).not.toContain('not computable');
  });
});
