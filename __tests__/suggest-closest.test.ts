// When nothing passes, `suggest` lists the layouts closest to passing. A layout whose weights (or one
// request of the longest length) do not fit serves nothing: it ranks after every layout that fits,
// and shows no throughput or latency (its bounds are no figures of a deployment that cannot run).
import { describe, expect, it } from 'vitest';
import { renderSuggestText, suggest } from '../src/suggest/index.js';
import { compareByShortfall, fits } from '../src/suggest/rank.js';
import type { Candidate } from '../src/suggest/types.js';
import { figureTexts } from '../src/suggest/words.js';
import { load } from './core-helpers.js';

const OPTIONS = { objective: 'throughput-per-gpu' as const, top: 5, allowCrossNodeTp: false, allowCp: false, anyGpuCount: false };

/** Llama-3.1-70B in bf16 (140 GB of weights) on up to 8 H100s, asked for what no layout reaches. */
const IMPOSSIBLE = `version: 1
name: llama70b-8xh100-impossible
model: {preset: llama-3.1-70b}
hardware: {preset: h100-sxm, gpus: 8, cost_per_hour: 2.0}
parallelism: {tp: 8}
deployment: {engine: vllm}
workload: {concurrency: 64, input_tokens: 8000, output_tokens: 500}
requirements: {tpot: 2 ms, ttft: 20 ms, throughput: 500000 tokens/s, cost_per_million_tokens: 0.001}
`;

describe('the closest layouts when nothing passes', () => {
  const r = suggest(load(IMPOSSIBLE), OPTIONS, 'fail');

  it('ranks every layout that fits before any that does not (tp=1 on one H100 does not hold 140 GB)', () => {
    expect(r.top[0]!.status).toBe('fail');
    expect(fits(r.top[0]!)).toBe(true);
    const fitting = r.top.map(fits);
    expect(fitting).toEqual([...fitting].sort((a, b) => Number(b) - Number(a)));
  });

  it('compares on fitting first, whatever the other margins say', () => {
    const candidate = (memory: number, throughput: number): Candidate => ({
      variation: { gpus: 1, layout: { tp: 1, pp: 1, dp: 1, cp: 1, ep: 1 } },
      status: 'fail',
      figures: {} as Candidate['figures'],
      requirements: [
        { id: 'memory.fits', status: memory < 0 ? 'fail' : 'pass', required: 70, achieved: 70 * (1 - memory), unit: 'GiB', margin: memory, basis: 'estimate' },
        {
          id: 'requirements.throughput',
          status: 'fail',
          required: 1000,
          achieved: 1000 * (1 + throughput),
          unit: 'tokens/s',
          margin: throughput,
          basis: 'bound',
        },
      ],
      failing: memory < 0 ? ['memory.fits', 'requirements.throughput'] : ['requirements.throughput'],
      warnings: [],
      unverified: [],
      missing: [],
      score: null,
      scoreBasis: null,
      scoreRange: null,
    });
    // the one that does not fit has the better throughput margin (a bound), and a small memory shortfall
    const fitsButSlow = candidate(0.1, -0.9);
    const doesNotFit = candidate(-0.05, -0.1);
    expect([doesNotFit, fitsButSlow].sort(compareByShortfall('throughput-per-gpu'))).toEqual([fitsButSlow, doesNotFit]);
    expect(figureTexts(doesNotFit).throughput).toBe('does not fit');
  });

  it('shows no throughput bound for a layout that does not fit', () => {
    const oneDevice = suggest(load(IMPOSSIBLE.replace('gpus: 8', 'gpus: 1').replace('tp: 8', 'tp: 1')), OPTIONS, 'fail');
    expect(fits(oneDevice.plan)).toBe(false);
    const text = renderSuggestText(oneDevice);
    expect(text).toMatch(/^ {2}does not fit: memory\/device /m);
    expect(text).not.toMatch(/≤ \d+ tokens\/s/);
  });
});
