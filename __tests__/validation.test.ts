// Soundness of the real core against published measurements (validation/cases, issue 5):
// a real deployment must load, pass its layout and memory checks, and no measured figure may
// beat the physical bound the core computes (the same formulas with every efficiency at 1).
// Accuracy is reported by `npm run validate`, not asserted here: it is a calibration target.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { verifyPlanText, type Metrics, type ReadReference } from '../src/core/index.js';

const casesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'validation', 'cases');
const caseIds = readdirSync(casesDir)
  .filter((id) => existsSync(join(casesDir, id, 'plan.yaml')))
  .sort();

interface Measured {
  source: { url: string; where: string };
  split: 'calibration' | 'holdout';
  measured: Record<string, number>;
}

/** Measured figure -> the metric holding its physical bound, and on which side the figure must stay. */
const BOUNDS: Record<string, { bound: keyof Metrics; side: 'at_most' | 'at_least' }> = {
  throughput_tokens_per_s: { bound: 'throughput_upper_bound_tokens_per_s', side: 'at_most' },
  ttft_ms: { bound: 'ttft_lower_bound_ms', side: 'at_least' },
  tpot_ms: { bound: 'tpot_lower_bound_ms', side: 'at_least' },
  decode_step_ms: { bound: 'decode_step_lower_bound_ms', side: 'at_least' },
  weights_per_gpu_gib: { bound: 'weights_per_gpu_lower_bound_gib', side: 'at_least' },
};
/** Figures compared with an estimate only (no physical bound is defined for them). */
const ESTIMATE_ONLY = new Set(['kv_cache_capacity_tokens']);

const readReference: ReadReference = (planFile, ref) => {
  try {
    return { text: readFileSync(resolve(dirname(planFile), ref), 'utf8') };
  } catch (err) {
    return { error: String(err) };
  }
};

function run(id: string) {
  const planFile = join(casesDir, id, 'plan.yaml');
  const report = verifyPlanText(planFile, readFileSync(planFile, 'utf8'), readReference);
  const measured = parse(readFileSync(join(casesDir, id, 'measured.yaml'), 'utf8')) as Measured;
  return { report, measured };
}

describe('validation data set', () => {
  it('holds at least 25 cases, about a third held out', () => {
    const splits = caseIds.map((id) => run(id).measured.split);
    expect(caseIds.length).toBeGreaterThanOrEqual(25);
    const holdout = splits.filter((s) => s === 'holdout').length;
    expect(holdout / splits.length).toBeGreaterThan(0.25);
    expect(holdout / splits.length).toBeLessThan(0.45);
  });
});

describe.each(caseIds)('validation case %s', (id) => {
  const { report, measured } = run(id);

  it('records a source and at least one measured figure', () => {
    expect(measured.source.url).toMatch(/^https:\/\//);
    expect(measured.source.where.length).toBeGreaterThan(0);
    expect(['calibration', 'holdout']).toContain(measured.split);
    expect(Object.keys(measured.measured).length).toBeGreaterThan(0);
  });

  it('loads, and its layout and memory checks do not fail', () => {
    expect(report.errors).toEqual([]);
    expect(report.verdict).not.toBe('error');
    const failing = report.checks.filter((c) => c.status === 'fail' && /^((prefill|decode)\.)?(layout|memory)\./.test(c.id));
    expect(failing.map((c) => `${c.id}: ${c.detail}`)).toEqual([]);
  });

  it.each(Object.entries(measured.measured))('measured %s stays on the physical side of the bound', (key, value) => {
    if (ESTIMATE_ONLY.has(key)) {
      // no bound: the figure must at least be estimated
      expect(report.metrics?.[key as keyof Metrics]).toEqual(expect.any(Number));
      return;
    }
    const rule = BOUNDS[key];
    expect(rule, `unknown measured figure ${key}`).toBeDefined();
    const bound = report.metrics?.[rule!.bound];
    expect(bound, `${rule!.bound} is not computed`).toEqual(expect.any(Number));
    if (rule!.side === 'at_most') expect(value).toBeLessThanOrEqual(bound as number);
    else expect(value).toBeGreaterThanOrEqual(bound as number);
  });
});
