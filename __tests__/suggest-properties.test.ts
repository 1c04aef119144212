// Properties of the search on small random instances (fast-check):
//  1. every layout it suggests, fed back as a plan, verifies as passing;
//  2. it misses no passing layout: brute force over every (tp, pp, dp, cp, ep, etp) of every
//     device count, filtered by the documented engine rules and judged by the real verifier,
//     finds exactly the same passing layouts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoadedPlan, PlanReport } from '../src/core/types.js';
import { verifyLoadedPlan } from '../src/core/verify.js';
import { buildCandidatePlan, layoutText, layoutViolation, suggest, type LayoutChoice, type SuggestOptions, type Variation } from '../src/suggest/index.js';
import { buildVariationPlan } from '../src/suggest/disagg-candidate.js';
import { load } from './core-helpers.js';

/** Passing, as the lead defined it: nothing fails or is unverified; memory and every requirement pass (warnings allowed). */
function passes(report: PlanReport): boolean {
  if (report.checks.some((c) => c.status === 'fail' || c.status === 'unverified')) return false;
  // memory.fits warns only when it assumes a memory flag the plan does not state: not a pass
  if (report.checks.some((c) => c.id === 'memory.fits' && c.status !== 'pass')) return false;
  // a requirement at risk (met by the estimate) counts; one the estimate misses ('likely missed') does not
  return report.checks
    .filter((c) => c.id.startsWith('requirements.'))
    .every((c) => c.status === 'pass' || (c.status === 'warn' && !c.detail.startsWith('likely missed')));
}

const instance = fc.record({
  layers: fc.integer({ min: 1, max: 6 }),
  heads: fc.constantFrom(2, 4, 8),
  kvDiv: fc.constantFrom(1, 2),
  ffn: fc.constantFrom(512, 1024),
  moe: fc.option(fc.record({ experts: fc.constantFrom(2, 4, 8), top_k: fc.constantFrom(1, 2), width: fc.constantFrom(256, 512) }), { nil: undefined }),
  gpus: fc.integer({ min: 1, max: 6 }),
  perNode: fc.constantFrom(2, 4, 8),
  memoryGb: fc.constantFrom(0.5, 1, 2, 4),
  concurrency: fc.integer({ min: 1, max: 64 }),
  input: fc.integer({ min: 16, max: 2048 }),
  output: fc.integer({ min: 2, max: 256 }),
  throughput: fc.option(fc.integer({ min: 100, max: 400_000 }), { nil: undefined }),
  tpotMs: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
});

type Instance = typeof instance extends fc.Arbitrary<infer T> ? T : never;

/** The instance as plan text; `as` rewrites the device count and layout (a suggestion fed back as a plan file). */
function planYaml(i: Instance, as?: Variation): string {
  const kv = Math.max(1, i.heads / i.kvDiv);
  const moe = i.moe ? `\n  moe:\n    experts: ${i.moe.experts}\n    top_k: ${i.moe.top_k}\n    expert_ffn_hidden_size: ${i.moe.width}` : '';
  const reqs = [i.throughput !== undefined ? `  throughput: ${i.throughput} tokens/s` : '', i.tpotMs !== undefined ? `  tpot: ${i.tpotMs} ms` : ''].filter(
    Boolean,
  );
  const gpus = as ? as.gpus : i.gpus;
  const l = as?.layout;
  const parallelism = l
    ? `  tp: ${l.tp}\n  pp: ${l.pp}\n  dp: ${l.dp}\n  cp: ${l.cp}\n  ep: ${l.ep}${l.etp !== undefined ? `\n  etp: ${l.etp}` : ''}`
    : `  tp: 1\n  dp: ${i.gpus}`;
  return `version: 1
name: random
model:
  layers: ${i.layers}
  hidden_size: ${i.heads * 64}
  heads: ${i.heads}
  kv_heads: ${kv}
  ffn_hidden_size: ${i.ffn}
  vocab_size: 1000
  weight_dtype: bf16${moe}
hardware:
  gpus: ${gpus}
  gpus_per_node: ${i.perNode}
  memory: ${i.memoryGb} GB
  peak_tflops: 100
  memory_bandwidth: 1 TB/s
  intra_node_bandwidth: 100 GB/s
  inter_node_bandwidth: 10 GB/s
parallelism:
${parallelism}
workload:
  concurrency: ${i.concurrency}
  input_tokens: ${i.input}
  output_tokens: ${i.output}
${reqs.length ? `requirements:\n${reqs.join('\n')}\n` : ''}`;
}

const options: SuggestOptions = { objective: 'throughput-per-gpu', top: 100_000, allowCrossNodeTp: false, allowCp: false, anyGpuCount: true };

/** Every tuple of every device count up to the plan's, filtered by the engine rules, judged by verifyLoadedPlan. */
function bruteForcePassing(loaded: LoadedPlan): Set<string> {
  const plan = loaded.plan;
  const out = new Set<string>();
  const maxContext = plan.workload.input_tokens! + plan.workload.output_tokens!;
  for (let n = 1; n <= plan.hardware.gpus!; n++) {
    const rules = { gpusPerNode: plan.hardware.gpus_per_node!, allowCrossNodeTp: false, allowCp: false, maxContext };
    for (let tp = 1; tp <= n; tp++)
      for (let pp = 1; pp <= n; pp++)
        for (let dp = 1; dp <= n; dp++)
          for (let cp = 1; cp <= n; cp++) {
            if (tp * pp * dp * cp !== n) continue;
            for (let ep = 1; ep <= n; ep++)
              for (const etp of plan.model.moe ? Array.from({ length: n }, (_, k) => k + 1) : [undefined]) {
                const layout: LayoutChoice = { tp, pp, dp, cp, ep, ...(etp !== undefined ? { etp } : {}) };
                if (layoutViolation(plan.model, layout, n, rules) !== null) continue;
                if (passes(verifyLoadedPlan(buildCandidatePlan(loaded, { gpus: n, layout })))) out.add(`${n}: ${layoutText(layout)}`);
              }
          }
  }
  return out;
}

const key = (v: Variation) => `${v.gpus}: ${layoutText(v.layout)}`;

describe('suggest on small random instances', () => {
  it('suggests only layouts that verify as passing, and misses none that brute force finds', () => {
    let withPasses = 0;
    fc.assert(
      fc.property(instance, (i) => {
        const loaded = load(planYaml(i));
        const result = suggest(loaded, options, verifyLoadedPlan(loaded).verdict);
        const suggested = result.top.filter((c) => c.status === 'pass');
        for (const c of suggested) {
          expect(passes(verifyLoadedPlan(buildCandidatePlan(loaded, c.variation)))).toBe(true);
          // and as a plan file, through the real loader
          expect(passes(verifyLoadedPlan(load(planYaml(i, c.variation))))).toBe(true);
        }
        for (const a of result.what_if) {
          // a disaggregated layout (the layout axis weighs them too) is built with its pools
          if (a.outcome === 'found') expect(passes(verifyLoadedPlan(buildVariationPlan(loaded, a.candidate!.variation)))).toBe(true);
        }
        const brute = bruteForcePassing(loaded);
        expect(new Set(suggested.map((c) => key(c.variation)))).toEqual(brute);
        expect(result.search.passing).toBe(brute.size);
        if (brute.size > 0) withPasses++;
      }),
      { numRuns: 60, seed: 20261125 },
    );
    // the instances must exercise both outcomes, or the comparison proves little
    expect(withPasses).toBeGreaterThan(5);
    expect(withPasses).toBeLessThan(60);
  });
});
