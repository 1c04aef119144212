// Every figure `suggest` shows for a layout is the one `verify` gives for it. The search screens its
// layouts on a shorter simulation (VerifyOptions.quick), which can read tens of percent off the full
// one (Llama-3.1-8B on one H100 below: 2.28k tokens/s screened, 2.62k in full); what it lists, offers
// or quotes as a best estimate is verified again in full.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyLoadedPlan } from '../src/core/verify.js';
import { buildVariationPlan } from '../src/suggest/disagg-candidate.js';
import { evaluate } from '../src/suggest/evaluate.js';
import { suggest, type Candidate, type Variation } from '../src/suggest/index.js';
import { load } from './core-helpers.js';

const OPTIONS = { objective: 'throughput-per-gpu' as const, top: 5, allowCrossNodeTp: false, allowCp: false, anyGpuCount: false };

const LLAMA8B = readFileSync('__tests__/fixtures/plans/llama8b-near-miss.plan.yaml', 'utf8');

describe('figures shown for a layout are the full verification', () => {
  const base = load(LLAMA8B);
  const r = suggest(base, OPTIONS, verifyLoadedPlan(base).verdict);
  const full = (v: Variation) => evaluate(base, v, OPTIONS.objective).candidate;

  it('the screen does read differently here (else this test would prove nothing)', () => {
    const screened = evaluate(base, r.plan.variation, OPTIONS.objective, true).candidate;
    expect(screened.figures.throughput_tokens_per_s).not.toBeCloseTo(r.plan.figures.throughput_tokens_per_s!, 0);
  });

  it('for the listed layouts, the plan, the best aggregated layout and every what-if', () => {
    const shown: Candidate[] = [...r.top, r.plan, ...(r.disaggregated?.best_aggregated ? [r.disaggregated.best_aggregated] : [])];
    for (const a of r.what_if) if (a.candidate) shown.push(a.candidate);
    expect(shown.length).toBeGreaterThan(3);
    for (const c of shown) {
      expect(c.figures, JSON.stringify(c.variation)).toEqual(full(c.variation).figures);
      expect(c.status).toBe(full(c.variation).status);
    }
  });

  it("for a requirement's best estimate: the throughput quoted is the plan's own 2.62k, not the screen's", () => {
    const u = r.unmet.find((x) => x.id === 'requirements.throughput')!;
    expect(u.best_estimate).toBe(r.plan.figures.throughput_tokens_per_s);
    const report = verifyLoadedPlan(buildVariationPlan(base, { gpus: 1, layout: u.best_layout }));
    expect(u.best_estimate).toBe(report.metrics!.throughput_tokens_per_s);
  });
});
