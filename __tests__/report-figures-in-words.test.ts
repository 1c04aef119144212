// What a report says in words must agree with its figures. Found by a new user's review: a lower
// limit read as an upper one (a balance row "75.9% | ≤ 70% | 8.4% short" that passed).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Check, PlanReport } from '../src/core/types.js';
import { verifyLoadedPlan } from '../src/core/verify.js';
import { checkFigures, marginText, targetText } from '../src/report/check-roles.js';
import { renderPlanMarkdown } from '../src/report/markdown.js';
import { load } from './core-helpers.js';

/** A capacity check as the core writes it: value = our figure, limit = its threshold. */
const capacity = (id: string, value: number, limit: number, status: Check['status'] = 'pass'): Check => ({
  id,
  status,
  title: id,
  value,
  limit,
  unit: id === 'memory.fits' ? 'GiB' : id.endsWith('expert_balance') ? 'ratio' : 'fraction',
  detail: '',
});
const cells = (c: Check) => {
  const f = checkFigures(c)!;
  return { target: targetText(c, f), margin: marginText(c, f) };
};

describe('checks with a lower limit', () => {
  it('the prefill/decode balance is held over its 70%: "≥ 70%", and busier than that is headroom', () => {
    // p08's 2P1D: the decode pool makes 75.9% of the tokens it could, the check passes
    expect(cells(capacity('disaggregation.balance', 0.759, 0.7))).toEqual({ target: '≥ 70%', margin: '8.4% headroom' });
    // a pool idle 50% of the time: short of the 70% by 2/7
    expect(cells(capacity('disaggregation.balance', 0.5, 0.7, 'warn'))).toEqual({ target: '≥ 70%', margin: '29% short' });
  });

  it('upper limits keep theirs: expert and stage balance, memory', () => {
    expect(cells(capacity('decode.layout.expert_balance', 1.14, 1.25))).toEqual({ target: '≤ 125%', margin: '8.8% headroom' });
    expect(cells(capacity('layout.stage_balance', 1.1, 1.05, 'warn'))).toEqual({ target: '≤ 105%', margin: '4.8% short' });
    expect(cells(capacity('memory.fits', 37.6, 129.5))).toEqual({ target: '≤ 129.5 GiB usable', margin: '71% headroom' });
  });
});

/** DeepSeek-R1 on 32 H200 as 2P1D (the review's p08). */
const r1 = (): PlanReport => verifyLoadedPlan(load(readFileSync('__tests__/fixtures/plans/r1-2p1d-h200.plan.yaml', 'utf8'), 'r1-2p1d-h200.plan.yaml'));

describe('end to end: the plans of the review', () => {
  it('DeepSeek-R1 2P1D on H200: the balance row reads ≥ 70% with headroom', () => {
    const report = r1();
    const balance = report.checks.find((c) => c.id === 'disaggregation.balance')!;
    expect(balance.status).toBe('pass');
    expect(balance.value!).toBeGreaterThan(0.7);
    expect(renderPlanMarkdown(report)).toMatch(/\| [\d.]+% \| ≥ 70% \| [\d.]+% headroom \| 2P1D:/);
  });
});
