// The comment's last resort (compactReport, src/action/comment-body.ts): one line per plan naming
// its file, within the room the comment has. Before, 500 failing plans of two names filled the
// comment with 490 headline lines naming only those two names, then "… (cut)": no file to open.
import { describe, expect, it } from 'vitest';
import { COMMENT_LIMIT, compactLine, compactReport, composeComment } from '../src/action/comment-body.js';
import { fitJobSummary } from '../src/action/job-summary.js';
import type { Check, PlanReport } from '../src/core/index.js';
import { combineReports } from '../src/core/index.js';

const failing: Check = { id: 'requirements.tpot', status: 'fail', title: 'TPOT requirement', detail: 'too slow', value: 45, limit: 1, unit: 'ms' };

function plans(n: number): PlanReport[] {
  return Array.from({ length: n }, (_, i) => ({
    file: `plans/${'d'.repeat(150)}/p${String(i).padStart(4, '0')}.plan.yaml`,
    name: i % 2 ? 'seed' : 'llama-8b',
    verdict: 'fail' as const,
    checks: [failing],
    metrics: null,
    errors: [],
  }));
}

describe('the compact comment', () => {
  it('500 failing plans of two names: every line it lists names its file, and the rest are counted', () => {
    const report = combineReports(plans(500));
    const { body, shortened } = composeComment({ checkName: 'parallel-plan-check', report, bases: {}, notes: [], headSha: 'a'.repeat(40), runUrl: null });
    expect(shortened).toBe(true);
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body).not.toContain('… (cut)');
    const listed = body.split('\n').filter((l) => l.startsWith('- ❌'));
    expect(listed.length).toBeGreaterThan(100);
    for (const line of listed) expect(line).toMatch(/^- ❌ plans\/d{150}\/p\d{4}\.plan\.yaml \(\*\*(seed|llama-8b)\*\*\): fail, /);
    expect(listed[0]).toContain('p0000.plan.yaml');
    expect(body).toContain(`- … and ${500 - listed.length} more plans, not listed here for space`);
  });

  it('is bounded by its room in bytes, and lists every plan when they fit', () => {
    const report = combineReports(plans(50));
    const bounded = compactReport(report, { room: 5_000 });
    expect(Buffer.byteLength(bounded)).toBeLessThanOrEqual(5_000);
    expect(bounded).toMatch(/more plans, not listed here for space$/);
    const all = compactReport(report);
    for (const p of report.plans) expect(all).toContain(p.file);
    expect(fitJobSummary('x'.repeat(3000), report, 2000).length).toBeLessThanOrEqual(2000);
  });
});

describe('a compact line cut inside an emoji', () => {
  // Before: the reason was cut at 160 UTF-16 units, so a plan's quoted text ("&" escaped to five
  // characters, then emoji) could leave the high half of an emoji, a lone surrogate, in the comment
  // body sent to GitHub (the escapers never send one).
  it('never leaves a lone surrogate', () => {
    const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (let k = 0; k < 40; k++) {
      const message = `model.preset: unknown model preset '${'&'.repeat(k)}${'\u{1F600}'.repeat(20)}'`;
      const plan: PlanReport = { file: 'p.plan.yaml', name: 'p.plan.yaml', verdict: 'error', checks: [], metrics: null, errors: [{ message, line: 3 }] };
      const line = compactLine(plan);
      expect(line, `k=${k}`).not.toMatch(LONE);
      expect(line.endsWith('…') || !line.includes('…')).toBe(true);
    }
  });
});
