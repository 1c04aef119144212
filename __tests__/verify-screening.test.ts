// A layout search screens thousands of candidates (VerifyOptions.quick) and shows only what it
// verified again in full. The screen leaves out what nobody reads (the checks' sentences, the
// ranges) and measures a one-client-per-rank loop on two requests: each request runs alone on an
// idle engine, so those two read what the full run's 64 do (to the last digits of a sum of times).
// Neither may change a verdict, and a load the full run refuses to simulate the screen refuses too.
import { describe, expect, it } from 'vitest';
import { verifyLoadedPlan } from '../src/core/verify.js';
import type { PlanReport } from '../src/core/types.js';
import { load } from './core-helpers.js';

/** Llama-3.1-8B on 8 H100s as 8 replicas, 8 requests in flight: one client per replica. */
const plan = (ttftMs: number, tpotMs: number): string => `
version: 1
name: one-client-per-replica
model: { preset: llama-3.1-8b }
hardware: { preset: h100-sxm, gpus: 8 }
parallelism: { tp: 1, dp: 8 }
workload: { concurrency: 8, input_tokens: 2048, output_tokens: 512, max_input_tokens: 4096, max_output_tokens: 1024 }
requirements: { ttft: ${ttftMs} ms, tpot: ${tpotMs} ms }
deployment: { engine: vllm }
`;

const judged = (r: PlanReport) => r.checks.filter((c) => c.id.startsWith('requirements.'));

describe('screening (VerifyOptions.quick)', () => {
  const first = verifyLoadedPlan(load(plan(1000, 100)));
  const ttft = first.metrics!.ttft_ms!;
  const tpot = first.metrics!.tpot_ms!;
  const [ttftLow, ttftHigh] = first.ranges!.ttft_ms!;
  const [tpotLow, tpotHigh] = first.ranges!.tpot_ms!;
  // requirements placed in each verdict's zone: met at the range's bad end (pass), met by the
  // estimate only (at risk), met by the good end only (likely missed), missed across the range (fail)
  const zones: [string, number, number][] = [
    ['pass', ttftHigh * 1.1, tpotHigh * 1.1],
    ['at risk', (ttft + ttftHigh) / 2, (tpot + tpotHigh) / 2],
    ['likely missed', (ttft + ttftLow) / 2, (tpot + tpotLow) / 2],
    ['missed', ttftLow * 0.9, tpotLow * 0.9],
  ];

  it('has the plan in the zones it means to test (else the comparison below proves little)', () => {
    expect(ttftLow).toBeLessThan(ttft);
    expect(ttftHigh).toBeGreaterThan(ttft);
    const statuses = zones.map(([, t, p]) => judged(verifyLoadedPlan(load(plan(t, p)))).map((c) => c.status));
    expect(new Set(statuses.flat())).toEqual(new Set(['pass', 'warn', 'fail']));
  });

  it.each(zones)('%s: the same figures and verdicts as in full, without sentences or ranges', (_zone, t, p) => {
    const loaded = load(plan(t, p));
    const full = verifyLoadedPlan(loaded, { details: false });
    const quick = verifyLoadedPlan(loaded, { details: false, quick: true });
    for (const key of ['ttft_ms', 'tpot_ms', 'throughput_tokens_per_s', 'ttft_p99_ms'] as const) expect(quick.metrics![key]).toBe(full.metrics![key]);
    const strip = (r: PlanReport) => r.checks.map(({ detail: _d, ...c }) => c);
    expect(strip(quick)).toEqual(strip(full));
    expect(quick.verdict).toBe(full.verdict);
    for (const c of judged(full)) expect(c.detail.length).toBeGreaterThan(20);
    for (const c of judged(quick)) expect(c.detail).not.toMatch(/\d/);
    expect(quick.ranges).toEqual({});
  });

  it('a load too complex for the full run to simulate is not simulated by the screen either', () => {
    // one client, 100,000-token prompts in chunks of 4 tokens: the full run's 67 requests exceed the event
    // budget, the screen's 4 would not; the screen must not pass what verify leaves unverified
    const loaded = load(`
version: 1
name: too-complex
model: { preset: llama-3.1-8b }
hardware: { preset: h100-sxm, gpus: 1 }
parallelism: { tp: 1 }
workload: { concurrency: 1, input_tokens: 100000, output_tokens: 64, max_batched_tokens: 4 }
requirements: { ttft: 1000 s, tpot: 1 s }
deployment: { engine: vllm }
`);
    const full = verifyLoadedPlan(loaded, { details: false });
    const quick = verifyLoadedPlan(loaded, { details: false, quick: true });
    expect(full.checks.find((c) => c.id === 'load.simulation')?.status).toBe('warn');
    expect(full.checks.find((c) => c.id === 'requirements.tpot')?.status).toBe('unverified');
    const strip = (r: PlanReport) => r.checks.map(({ detail: _d, ...c }) => c);
    expect(strip(quick)).toEqual(strip(full));
  });
});
