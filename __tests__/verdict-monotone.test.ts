// More load never earns a better verdict on a latency requirement while the estimate does not fall.
// The range a verdict is judged against comes from the track record of the plan's load band
// (ranges.ts); the bands nest (range-bands.ts), so crossing into a band with a narrower spread no
// longer turns "at risk" into "pass" (Llama 3.1 70B TP8: TPOT 20 ms warned at 4 clients and passed
// at 5; TTFT 1.8 s warned at 128 and passed at 129) or "fail" into "likely missed" (TPOT 19 ms at
// 32 and 33 clients).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../src/plan/load.js';
import { verifyLoadedPlan } from '../src/core/verify.js';
import type { Check, PlanReport } from '../src/core/types.js';

/** An example with its load and requirements replaced. */
function planAt(file: string, load: Record<string, number>, requirements: Record<string, number>): PlanReport {
  let yaml = readFileSync(file, 'utf8')
    .replace(/\n {2}concurrency: \d+/, '')
    .replace(/\nrequirements:[\s\S]*$/, '\n');
  yaml = yaml.replace(
    '\nworkload:\n',
    `\nworkload:\n${Object.entries(load)
      .map(([k, v]) => `  ${k}: ${v}\n`)
      .join('')}`,
  );
  if (Object.keys(requirements).length > 0)
    yaml += `requirements:\n${Object.entries(requirements)
      .map(([k, v]) => `  ${k}: ${v} ${k === 'throughput' ? 'tokens/s' : 'ms'}\n`)
      .join('')}`;
  const r = loadPlan(file, yaml, (plan, ref) => ({ text: readFileSync(join(dirname(plan), ref), 'utf8') }));
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return verifyLoadedPlan(r.loaded);
}

/** pass < at risk < likely missed < fail */
function rank(c: Check): number {
  if (c.status === 'pass') return 0;
  if (c.status === 'warn') return c.detail.startsWith('at risk') ? 1 : 2;
  if (c.status === 'fail') return 3;
  throw new Error(`${c.id}: ${c.status}: ${c.detail}`);
}

/** The figures requirements are judged on (the metric holding the estimate and its range), and which way load moves them. */
const FIGURES: [string, 'worsens' | 'improves'][] = [
  ['ttft_ms', 'worsens'],
  ['ttft_p50_ms', 'worsens'],
  ['ttft_p90_ms', 'worsens'],
  ['ttft_p99_ms', 'worsens'],
  ['tpot_ms', 'worsens'],
  ['tpot_p90_ms', 'worsens'],
  ['tpot_p99_ms', 'worsens'],
  ['e2e_p99_ms', 'worsens'],
  ['throughput_tokens_per_s', 'improves'],
];

/**
 * A verdict is the requirement's place against the estimate and the ends of its range (compare.ts).
 * A latency's can only get better with more load if an end falls while the estimate does not fall;
 * a throughput's can only get worse if an end falls while the estimate does not. Either way: every
 * step where the estimate does not fall but an end of its range does.
 */
function rangeFalls(file: string, key: string, loads: number[]): string[] {
  const reports = loads.map((v) => planAt(file, { [key]: v }, {}));
  const found: string[] = [];
  for (const [metric, trend] of FIGURES)
    for (let i = 1; i < loads.length; i++) {
      const [a, b] = [reports[i - 1]!, reports[i]!];
      const [ea, eb] = [a.metrics![metric], b.metrics![metric]];
      const [ra, rb] = [a.ranges?.[metric], b.ranges?.[metric]];
      if (typeof ea !== 'number' || typeof eb !== 'number' || !ra || !rb) throw new Error(`${metric} at ${loads[i]}: no estimate or range`);
      if (eb >= ea && (rb[0] < ra[0] || rb[1] < ra[1]))
        found.push(`${key} ${loads[i - 1]} -> ${loads[i]}: ${metric} (${trend} with load) ${ea} -> ${eb}, range [${ra.join(', ')}] -> [${rb.join(', ')}]`);
    }
  return found;
}

/** The verdicts on one requirement at a lighter and a heavier load, as pass < at risk < likely missed < fail, and the estimates. */
function verdicts(file: string, key: string, [light, heavy]: [number, number], req: string, value: number) {
  const metric = req === 'throughput' ? 'throughput_tokens_per_s' : `${req}_ms`;
  const at = (v: number) => {
    const r = planAt(file, { [key]: v }, { [req]: value });
    return { rank: rank(r.checks.find((c) => c.id === `requirements.${req}`)!), estimate: r.metrics![metric] as number };
  };
  return [at(light), at(heavy)] as const;
}

const llama = 'examples/llama-3.1-70b-8xh100-tp8.plan.yaml';
const disagg = 'examples/deepseek-r1-disagg-gb200.plan.yaml';

describe('verdicts are monotone in load', () => {
  it('Llama 3.1 70B TP8, closed loop: no range end falls from 1 to 256 clients, across every concurrency band', () => {
    const loads = [1, 2, 3, 4, 5, 6, 8, 12, 16, 24, 32, 33, 48, 64, 96, 128, 129, 160, 192, 256];
    expect(rangeFalls(llama, 'concurrency', loads)).toEqual([]);
  });

  it('Llama 3.1 70B TP8, open loop: none from 0.1 to 8 requests/s, the running batch crossing the bands', () => {
    const loads = [0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 5, 6, 7, 8];
    expect(rangeFalls(llama, 'request_rate', loads)).toEqual([]);
  });

  it("DeepSeek-R1 disaggregated on GB200: none from 1 to 8 clients, across the TTFT's queue regimes", () => {
    expect(rangeFalls(disagg, 'concurrency', [1, 2, 4, 8])).toEqual([]);
  });

  // Where the band switch used to turn a verdict better with more load: the load, the requirement,
  // and the verdicts it had (0 pass, 1 at risk, 2 likely missed, 3 fail).
  const cases: [string, string, [number, number], string, number, string][] = [
    [llama, 'concurrency', [4, 5], 'tpot', 20, 'at risk -> pass'],
    [llama, 'concurrency', [32, 33], 'tpot', 19, 'fail -> likely missed'],
    [llama, 'concurrency', [32, 33], 'ttft', 380, 'fail -> likely missed'],
    [llama, 'concurrency', [128, 160], 'ttft', 1800, 'at risk -> pass'],
    [llama, 'concurrency', [128, 129], 'ttft_p99', 2500, 'at risk -> pass'],
    [llama, 'request_rate', [1, 1.5], 'tpot', 25, 'at risk -> pass'],
    [disagg, 'concurrency', [2, 4], 'ttft', 3000, 'at risk -> pass'],
  ];
  for (const [file, key, loads, req, ms, was] of cases)
    it(`${file.split('/').pop()}: ${req} ${ms} ms from ${key} ${loads[0]} to ${loads[1]} (was ${was})`, () => {
      const [light, heavy] = verdicts(file, key, loads, req, ms);
      expect(heavy.estimate).toBeGreaterThanOrEqual(light.estimate);
      expect(heavy.rank).toBeGreaterThanOrEqual(light.rank);
    });

  it('llama-3.1-70b-8xh100-tp8.plan.yaml: throughput 1400 tokens/s from concurrency 128 to 129 (was pass -> at risk, the estimate rising)', () => {
    const [light, heavy] = verdicts(llama, 'concurrency', [128, 129], 'throughput', 1400);
    expect(heavy.estimate).toBeGreaterThanOrEqual(light.estimate);
    expect(heavy.rank).toBeLessThanOrEqual(light.rank);
  });
});

describe('a verdict judges against the range the report shows', () => {
  // the cost per token improves with load, as the throughput it follows from: its verdict nests as the throughput's range does
  it('a cost requirement just above the shown range passes, just below its high end is at risk', () => {
    const withCost = (usd: number) => {
      const yaml = readFileSync(llama, 'utf8')
        .replace('\nhardware:\n', '\nhardware:\n  cost_per_hour: 2\n')
        .replace(/\nrequirements:[\s\S]*$/, `\nrequirements:\n  cost_per_million_tokens: ${usd}\n`);
      const r = loadPlan(llama, yaml, () => ({ error: 'none' }));
      if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
      return verifyLoadedPlan(r.loaded);
    };
    const [, dear] = withCost(100).ranges!.cost_per_million_tokens!;
    expect(withCost(dear * 1.01).checks.find((c) => c.id === 'requirements.cost_per_million_tokens')!.status).toBe('pass');
    const below = withCost(dear * 0.99).checks.find((c) => c.id === 'requirements.cost_per_million_tokens')!;
    expect(below.status).toBe('warn');
    expect(below.detail).toMatch(/^at risk/);
  });
});
