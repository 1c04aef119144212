// The benches call the core's own functions (pass costs, the simulator, the layout search), and one
// broke silently when a signature changed: each bench that times the core runs here on a small size,
// against the sources, so such a change fails a test instead of the next `npm run bench`.
import { describe, expect, it } from 'vitest';
import * as hostile from '../scripts/bench/hostile.mjs';

interface Row {
  measure: string;
  result: string;
  target?: string;
  ok?: boolean;
}
interface Bench {
  title: string;
  run(options: { smoke: boolean; load: (path: string) => Promise<unknown> }): Promise<Row[]>;
}

/** A module under src/, as the benches name it ('core/index.js'), from the sources. */
const fromSources = (path: string): Promise<unknown> => import(/* @vite-ignore */ `../src/${path.replace(/\.js$/, '.ts')}`);

async function smoke(file: string): Promise<Row[]> {
  const bench = (await import(file)) as Bench;
  expect(bench.title).toBeTruthy();
  return bench.run({ smoke: true, load: fromSources });
}

/** A figure the row's result reads as a time, in ms. */
function ms(row: Row): number {
  const m = /([\d.,]+) (µs|ms|s)\b/.exec(row.result);
  if (!m) throw new Error(`no time in "${row.result}"`);
  const v = Number(m[1]!.replace(/,/g, ''));
  return m[2] === 's' ? v * 1000 : m[2] === 'µs' ? v / 1000 : v;
}

describe('benches, on a small size', () => {
  it('core: load+verify of the examples in process', async () => {
    const rows = await smoke('../scripts/bench/core.mjs');
    expect(rows.map((r) => r.measure)).toEqual([
      expect.stringMatching(/^load\+verify one plan, median of 20 \(\d+ plans?, verdicts: [a-z/]+\)$/),
      '20 plans in one process (read+load+verify), per plan',
    ]);
    for (const row of rows) expect(ms(row)).toBeGreaterThan(0);
  }, 20_000);

  it('the scheduler simulation: an open loop simulated, and a verify with goodput', async () => {
    const rows = await smoke('../scripts/bench/simulator.mjs');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.measure).toMatch(/^200-request open loop, one simulation \(median of 1; \d+ scheduler steps\)$/);
    expect(rows[1]!.measure).toMatch(/max_request_rate \d+(\.\d+)?\/s/);
    for (const row of rows) expect(ms(row)).toBeGreaterThan(0);
  }, 20_000);

  it('hostile inputs: the slowest parse at the size limits, from the sources', async () => {
    const rows = await hostile.run({ smoke: true, load: fromSources, fixtures: await import('./fixtures/hostile/slow-inputs.js') });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.measure).toMatch(/^2 inputs at their size limits, slowest parse in CPU time \(best of 2\): .+/);
    expect(ms(rows[0]!)).toBeGreaterThan(0);
  }, 20_000);

  it('suggest: the disaggregated search alone, and both kinds, on 64 devices', async () => {
    const rows = await smoke('../scripts/bench/suggest.mjs');
    expect(rows.map((r) => r.measure.split(':')[0])).toEqual([
      'disaggregated layouts of 64 devices, Llama 3.1 70B (dense)',
      'disaggregated layouts of 64 devices, DeepSeek-V3 (MoE, 256 experts)',
      'suggest on 64 devices, Llama 3.1 70B (dense)',
      'suggest on 64 devices, DeepSeek-V3 (MoE, 256 experts)',
    ]);
    for (const row of rows) expect(ms(row)).toBeGreaterThan(0);
    // every figure of the measure was computed (a broken search reads NaN or undefined there)
    for (const row of rows) expect(row.measure).not.toMatch(/NaN|undefined/);
    expect(rows[2]!.measure).toMatch(/\d+ device counts, [\d,]+ layouts, [\d,]+ verifications$/);
  }, 20_000);
});
