import { describe, expect, it } from 'vitest';
import { combineReports, planVerdict } from '../src/core/verdict.js';
import type { Check, PlanReport } from '../src/core/types.js';

const check = (status: Check['status']): Check => ({ id: 'x', status, title: 'x', detail: '' });
const plan = (verdict: PlanReport['verdict']): PlanReport => ({ file: 'f', name: 'f', verdict, checks: [], metrics: null, errors: [] });

describe('verdicts (contract: fail > warn or unverified > pass; error when not a plan)', () => {
  it('a failing check fails the plan, whatever else passes', () => {
    expect(planVerdict([check('pass'), check('fail'), check('warn')], true)).toBe('fail');
  });
  it('an unverified check is never a pass', () => {
    expect(planVerdict([check('pass'), check('unverified')], true)).toBe('warn');
  });
  it('all passing checks pass', () => {
    expect(planVerdict([check('pass'), check('pass')], true)).toBe('pass');
  });
  it('a file that did not load is an error', () => {
    expect(planVerdict([], false)).toBe('error');
  });
  it('the run takes the worst plan verdict', () => {
    expect(combineReports([plan('pass'), plan('warn')]).verdict).toBe('warn');
    expect(combineReports([plan('fail'), plan('error'), plan('pass')]).verdict).toBe('error');
    expect(combineReports([]).verdict).toBe('pass');
  });
});
