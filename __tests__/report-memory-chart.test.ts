// The memory chart: a stacked bar per device against the usable line, legible for one stage as for
// many, and valid Mermaid by the mermaid package's own parser (what GitHub renders with), run by
// scripts/parse-mermaid.mjs from .ci/render (Mermaid 12 needs Node 22.12; the package supports 20).
// .ci/run installs .ci/render before the tests; elsewhere the parser tests say how to install it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyPlanText } from '../src/core/index.js';
import type { DeviceMemory } from '../src/core/types.js';
import { renderPlanMarkdown } from '../src/report/markdown.js';
import { renderMemoryChart } from '../src/report/memory-chart.js';
import { llama70bReport, twoStageReport } from './fixtures/reports/plans.js';

const device = (stage: number, over: Partial<DeviceMemory> = {}): DeviceMemory => ({
  stage,
  layers: 40,
  weights_gib: 33.9,
  kv_cache_gib: 20,
  activations_gib: 1.5,
  overhead_gib: 2,
  total_gib: 57.4,
  total_floor_gib: 33.9,
  capacity_gib: 79.65,
  usable_gib: 71.68,
  ...over,
});

const mermaidBlocks = (md: string): string[] => [...md.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);
const series = (chart: string, kind: 'bar' | 'line'): number[][] =>
  [...chart.matchAll(new RegExp(`^  ${kind} \\[([^\\]]*)\\]`, 'gm'))].map((m) => m[1]!.split(', ').map(Number));

const PARSER_READY = existsSync('.ci/render/node_modules/mermaid') && existsSync('.ci/render/node_modules/happy-dom');
const NO_PARSER = 'Mermaid is not installed here: npm ci --prefix .ci/render (CI installs it)';

/** Each chart through Mermaid's parser, in one child process. */
function parse(charts: string[]): { ok: boolean; type?: string; error?: string }[] {
  const run = spawnSync(process.execPath, ['scripts/parse-mermaid.mjs'], { input: JSON.stringify(charts), encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`parse-mermaid failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { ok: boolean; type?: string; error?: string }[];
}

describe('memory chart', () => {
  it('stacks weights, KV cache, activations and overhead: running totals drawn tallest first', () => {
    const chart = renderMemoryChart([device(0), device(1)]);
    // 33.9 | +20 = 53.9 | +1.5 = 55.4 | +2 = 57.4, padded with an unlabelled category on each side
    // whose bars lie below the axis (-80: the axis runs 0 to 80), so only the line shows there
    expect(series(chart, 'bar')).toEqual([
      [-80, 57.4, 57.4, -80],
      [-80, 55.4, 55.4, -80],
      [-80, 53.9, 53.9, -80],
      [-80, 33.9, 33.9, -80],
    ]);
    expect(chart).toContain('y-axis "GiB" 0 --> 80');
    expect(chart).toContain('x-axis ["\u200B", "stage 0", "stage 1", "\u200B\u200B"]');
    expect(chart).toContain('🟦 weights · 🟩 KV cache · 🟨 activations · 🟥 runtime overhead · line: usable');
  });

  it('draws the usable line across a one-stage plan: at least two points', () => {
    const chart = renderMemoryChart([device(0)], { labels: ['every device'] });
    expect(series(chart, 'line')).toEqual([[71.68, 71.68, 71.68]]);
    expect(chart).toContain('x-axis ["\u200B", "every device", "\u200B\u200B"]');
    const axisMax = Number(/0 --> (\d+)/.exec(chart)?.[1]);
    expect(axisMax).toBeGreaterThanOrEqual(71.68);
  });

  it('shows the weights floor when the breakdown is not computable', () => {
    const chart = renderMemoryChart([device(0, { weights_gib: null, kv_cache_gib: null, total_gib: null, total_floor_gib: 4.66 })]);
    expect(series(chart, 'bar')).toEqual([[-80, 4.66, -80]]);
    expect(chart).toContain('the weights floor');
  });

  it('is what a one-stage plan section shows', () => {
    const md = renderPlanMarkdown(llama70bReport());
    expect(md).toContain('| every device (80 layers) |');
    expect(mermaidBlocks(md)).toHaveLength(1);
  });

  it.skipIf(!PARSER_READY)(
    `parses with the mermaid package: one stage, many stages, the floor only, every example plan${PARSER_READY ? '' : ` (skipped: ${NO_PARSER})`}`,
    () => {
      const charts = [
        renderMemoryChart([device(0)], { labels: ['every device'] }),
        renderMemoryChart(Array.from({ length: 8 }, (_, i) => device(i))),
        renderMemoryChart([device(0, { weights_gib: null, total_gib: null, total_floor_gib: 4.66, usable_gib: null })]),
        ...mermaidBlocks(renderPlanMarkdown(twoStageReport())),
      ].map((c) => c.replace(/^```mermaid\n|```[\s\S]*$/g, ''));
      for (const file of readdirSync('examples').filter((f) => f.endsWith('.plan.yaml'))) {
        const path = `examples/${file}`;
        charts.push(...mermaidBlocks(renderPlanMarkdown(verifyPlanText(path, readFileSync(path, 'utf8'), () => ({ error: 'none' })))));
      }
      expect(charts.length).toBeGreaterThanOrEqual(9);
      const results = parse(charts);
      for (const [i, r] of results.entries()) expect(r, charts[i]).toEqual({ ok: true, type: 'xychart' });
    },
    60_000,
  );

  it.skipIf(!PARSER_READY)(
    'the parser does reject a broken chart (the test can fail)',
    () => {
      expect(parse(['xychart-beta\n  bar [1, 2'])[0]).toMatchObject({ ok: false, error: expect.stringMatching(/Parse error/) });
    },
    60_000,
  );
});
