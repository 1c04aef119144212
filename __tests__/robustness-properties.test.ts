// Property-based robustness of the loader, the core and the renderers (issue 6): for arbitrary
// documents, arbitrary values of every key, and arbitrary valid plans, nothing throws; every
// report is well formed (invariants.ts); a verdict never improves when a requirement is
// tightened or device memory shrinks. Fixed seed in CI; `npm run fuzz` runs the same longer.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { combineReports, loadPlan, verifyLoadedPlan, verifyPlanText } from '../src/core/index.js';
import type { LoadedPlan, PlanReport, ReadReference } from '../src/core/types.js';
import { composeComment, COMMENT_LIMIT } from '../src/action/comment-body.js';
import { renderJson, renderReportMarkdown, renderText } from '../src/report/index.js';
import {
  arbitraryDocument,
  arbitraryFieldPlan,
  arbitraryMutatedPlan,
  arbitraryValidPlan,
  FUZZ_SCALE,
  FUZZ_SEED,
  runs,
} from './fixtures/hostile/arbitraries.js';
import { expectWellFormed, verdictRank } from './fixtures/hostile/invariants.js';

fc.configureGlobal({ seed: FUZZ_SEED });

/** Inputs generated per property, for the figures in the README and the fuzz script's summary. */
const tried: Record<string, number> = {};
function check<T>(name: string, arb: fc.Arbitrary<T>, ciRuns: number, body: (value: T) => void): void {
  const numRuns = runs(ciRuns);
  fc.assert(
    fc.property(arb, (value) => {
      body(value);
    }),
    { numRuns },
  );
  tried[name] = numRuns;
}
afterAll(() => {
  const total = Object.values(tried).reduce((a, b) => a + b, 0);
  console.log(`robustness properties: ${total} generated inputs (seed ${FUZZ_SEED}, scale ${FUZZ_SCALE}): ${JSON.stringify(tried)}`);
});

const noReferences: ReadReference = (_plan, ref) => ({ error: `not found: ${ref}` });

/** Verifies and renders one document every way a user can see it; returns the report. */
function verifyAndRender(file: string, text: string): PlanReport {
  let report: PlanReport | undefined;
  expect(() => {
    report = verifyPlanText(file, text, noReferences);
  }).not.toThrow();
  const plan = report as PlanReport;
  expectWellFormed(plan, file);
  const combined = combineReports([plan]);
  expect(() => renderText(combined)).not.toThrow();
  expect(() => renderReportMarkdown(combined)).not.toThrow();
  expect(JSON.parse(renderJson(combined)).plans[0].verdict).toBe(plan.verdict);
  const { body } = composeComment({ checkName: 'ppc', report: combined, bases: {}, notes: [], headSha: 'a'.repeat(40), runUrl: null });
  expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
  return plan;
}

describe('nothing throws, every report is well formed', () => {
  test('arbitrary documents (raw text, any YAML or JSON value, YAML punctuation soup)', () => {
    check('documents', arbitraryDocument, 600, ({ file, text }) => void verifyAndRender(file, text));
  });

  test('arbitrary values for every key of the field table, as YAML and as JSON', () => {
    check('field values', fc.tuple(arbitraryFieldPlan, fc.boolean()), 600, ([plan, asJson]) => {
      const text = asJson ? (JSON.stringify(plan) ?? 'null') : stringify(plan);
      verifyAndRender(asJson ? 'f.plan.json' : 'f.plan.yaml', text);
    });
  });

  test('valid plans with a few byte-level edits (near misses)', () => {
    check('mutated plans', arbitraryMutatedPlan, 400, ({ file, text }) => void verifyAndRender(file, text));
  });

  test('valid plans (presets or explicit shapes, any layout, requirements and claims) load and verify', () => {
    check('valid plans', arbitraryValidPlan, 400, (plan) => {
      const text = stringify(plan);
      const loaded = loadPlan('v.plan.yaml', text, noReferences);
      expect(loaded.ok ? [] : loaded.errors.map((e) => e.message)).toEqual([]);
      const report = verifyAndRender('v.plan.yaml', text);
      expect(report.verdict).not.toBe('error');
    });
  });

  test('many plans at once: the run verdict is the worst plan verdict and no plan is dropped', () => {
    check('runs of plans', fc.array(fc.oneof(arbitraryValidPlan, arbitraryFieldPlan), { minLength: 1, maxLength: 8 }), 60, (plans) => {
      const reports = plans.map((p, i) => verifyPlanText(`p${i}.plan.yaml`, stringify(p), noReferences));
      const run = combineReports(reports);
      expect(run.plans.map((p) => p.file)).toEqual(plans.map((_, i) => `p${i}.plan.yaml`));
      expect(verdictRank(run.verdict)).toBe(Math.max(...reports.map((r) => verdictRank(r.verdict))));
      const { body } = composeComment({ checkName: 'ppc', report: run, bases: {}, notes: [], headSha: 'b'.repeat(40), runUrl: null });
      expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    });
  });
});

// ------------------------------------------------------------------ monotonicity

function loadedOf(plan: Record<string, unknown>): LoadedPlan {
  const result = loadPlan('m.plan.yaml', stringify(plan), noReferences);
  if (!result.ok) throw new Error(`generated plan did not load: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.loaded;
}

/** A copy of the loaded plan with one change, verified by the core directly (no re-parsing). */
function verdictWith(loaded: LoadedPlan, change: (plan: LoadedPlan['plan']) => void): number {
  const copy = structuredClone(loaded);
  change(copy.plan);
  return verdictRank(verifyLoadedPlan(copy).verdict);
}

type Tightening = { name: string; applies: (p: LoadedPlan['plan']) => boolean; apply: (p: LoadedPlan['plan'], f: number) => void };
const TIGHTENINGS: Tightening[] = [
  {
    name: 'higher throughput requirement',
    applies: (p) => p.requirements.throughput !== undefined,
    apply: (p, f) => {
      p.requirements.throughput = (p.requirements.throughput as number) / f;
    },
  },
  {
    name: 'lower ttft requirement',
    applies: (p) => p.requirements.ttft !== undefined,
    apply: (p, f) => {
      p.requirements.ttft = (p.requirements.ttft as number) * f;
    },
  },
  {
    name: 'lower tpot requirement',
    applies: (p) => p.requirements.tpot !== undefined,
    apply: (p, f) => {
      p.requirements.tpot = (p.requirements.tpot as number) * f;
    },
  },
  {
    name: 'lower max_memory_utilization',
    applies: (p) => p.requirements.max_memory_utilization !== undefined,
    apply: (p, f) => {
      p.requirements.max_memory_utilization = (p.requirements.max_memory_utilization as number) * f;
    },
  },
  {
    name: 'less device memory',
    applies: (p) => p.hardware.memory !== undefined,
    apply: (p, f) => {
      p.hardware.memory = (p.hardware.memory as number) * f;
    },
  },
];

describe('monotonicity: tightening never improves a verdict (order pass < warn < fail)', () => {
  test.each(TIGHTENINGS.map((t) => [t.name, t] as const))('%s', (name, t) => {
    const factor = fc.double({ min: 0.01, max: 1, noNaN: true });
    let worsened = 0;
    check(`monotone: ${name}`, fc.tuple(arbitraryValidPlan, factor), 150, ([plan, f]) => {
      const loaded = loadedOf(plan);
      if (!t.applies(loaded.plan)) return;
      const before = verdictWith(loaded, () => {});
      const after = verdictWith(loaded, (p) => t.apply(p, f));
      expect(after, `${name} by x${f} improved the verdict`).toBeGreaterThanOrEqual(before);
      if (after > before) worsened++;
    });
    // the generator reaches plans whose verdict the change does move: the property is not vacuous
    expect(worsened).toBeGreaterThan(0);
  });

  test('adding a requirement never improves a verdict', () => {
    const requirement = fc.oneof(
      fc.record({ throughput: fc.double({ min: 1, max: 1e7, noNaN: true }) }),
      fc.record({ ttft: fc.double({ min: 1e-4, max: 100, noNaN: true }) }),
      fc.record({ tpot: fc.double({ min: 1e-5, max: 1, noNaN: true }) }),
      fc.record({ max_memory_utilization: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
    );
    let worsened = 0;
    check('monotone: adding a requirement', fc.tuple(arbitraryValidPlan, requirement), 150, ([plan, extra]) => {
      const loaded = loadedOf({ ...plan, requirements: {} });
      const before = verdictWith(loaded, () => {});
      const after = verdictWith(loaded, (p) => Object.assign(p.requirements, extra));
      expect(after).toBeGreaterThanOrEqual(before);
      if (after > before) worsened++;
    });
    expect(worsened).toBeGreaterThan(0);
  });
});
