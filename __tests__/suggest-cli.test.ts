// `parallel-plan-check suggest` in process, and the markdown it and the action render.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderAlternativesMarkdown, renderSuggestMarkdown } from '../src/report/alternatives.js';
import { verifyLoadedPlan } from '../src/core/verify.js';
import { suggest, type SuggestOptions } from '../src/suggest/index.js';
import { load } from './core-helpers.js';
import { runInProcess } from './cli-helpers.js';

const run = runInProcess;

describe('parallel-plan-check suggest', () => {
  it('a requirement out of physical reach: exit 1, the bound that stops 4 devices and the 8 that would do', () => {
    const r = run('suggest', '__tests__/fixtures/plans/out-of-reach.plan.yaml');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Out of reach on 4 devices/);
    expect(r.stdout).toMatch(
      /throughput ≥ 9\.00k tokens\/s: the best physical bound of any aggregated layout is 5\.22k tokens\/s \(tp=\S+ pp=\S+ dp=\S+\); no disaggregated mix simulated on these devices reaches it either/,
    );
    expect(r.stdout).toMatch(/HBM bandwidth/);
    expect(r.stdout).toMatch(/smallest device count whose bound reaches it: 8/);
  });
  it('the seed plan: exit 1, nothing passes and nothing is ruled out while the shape is unknown', () => {
    const r = run('suggest', 'examples/seed.plan.yaml');
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/Out of reach/);
  });

  it('a passing plan exits 0; json carries the ranked layouts', () => {
    const r = run('suggest', '__tests__/fixtures/cli/llama-8b.plan.yaml', '--format', 'json', '--top', '2', '--max-gpus', '4');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.version).toBe(1);
    expect(json.suggest.top).toHaveLength(2);
    expect(json.suggest.search.gpus_to).toBe(4);
    expect(json.suggest.top.every((c: { status: string }) => c.status === 'pass')).toBe(true);
  });

  it('writes markdown to a file with --output', () => {
    const r = run('suggest', '__tests__/fixtures/cli/llama-8b.plan.yaml', '-f', 'markdown', '-o', 'out.md');
    expect(r.code).toBe(0);
    const [text] = Object.values(r.files);
    expect(text).toMatch(/^### Suggestions for llama-3\.1-8b-on-1-h100/);
  });

  it.each([
    [['suggest'], /give one plan file/],
    [['suggest', 'a.plan.yaml', 'b.plan.yaml'], /not 2/],
    [['suggest', 'examples/seed.plan.yaml', '--objective', 'cost'], /unknown objective 'cost'/],
    [['suggest', 'examples/seed.plan.yaml', '--top', '0'], /--top must be a whole number/],
    [['suggest', 'examples/seed.plan.yaml', '--max-gpus', '1e3'], /--max-gpus must be a whole number/],
    [['suggest', 'examples/seed.plan.yaml', '--format', 'html'], /unknown format 'html'/],
    [['suggest', '__tests__/fixtures/cli/broken.plan.yaml'], /broken\.plan\.yaml:\d+: /],
    [['suggest', 'no/such.plan.yaml'], /no such file/],
  ])('%j is a usage error (exit 2)', (argv, message) => {
    const r = run(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('lists suggest in the general help', () => {
    expect(run('--help').stdout).toMatch(/suggest\s+search every valid layout/);
    expect(run('suggest', '--help').stdout).toMatch(/--objective NAME/);
  });
});

describe('Alternatives markdown', () => {
  const options: SuggestOptions = { objective: 'throughput-per-gpu', top: 10, allowCrossNodeTp: false, allowCp: false, anyGpuCount: false };
  const hostile = load(`version: 1
name: "<img src=x onerror=alert(1)> @admin | #1"
model:
  preset: llama-3.1-8b
hardware:
  preset: h100-sxm
  gpus: 4
workload:
  concurrency: 64
  input_tokens: 1024
  output_tokens: 256
requirements:
  tpot: 40 ms
`);
  const result = suggest(hostile, options, verifyLoadedPlan(hostile).verdict);

  it('is folded under a <details> "Alternatives for <plan>" summary, with at most the top 3 layouts', () => {
    const md = renderAlternativesMarkdown(result, { top: 3 });
    // the plan's name, HTML-escaped (markdown is not parsed inside <summary>)
    expect(md).toMatch(/^<details>\n<summary>💡 Alternatives for &lt;img src=x onerror=alert\(1\)&gt; @\u200Badmin \| #\u200B1<\/summary>\n/);
    expect(md.trimEnd()).toMatch(/<\/details>$/);
    expect(result.top.length).toBeGreaterThan(3);
    const rows = md.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(rows).toHaveLength(3);
  });

  it('escapes the plan name in the full markdown', () => {
    const md = renderSuggestMarkdown(result);
    expect(md).not.toMatch(/<img/);
    expect(md).toMatch(/&lt;img/);
    expect(md).not.toMatch(/@admin/);
  });

  it('names the bound that stops a plan, in the folded section too', () => {
    const plan = load(readFileSync('__tests__/fixtures/plans/out-of-reach.plan.yaml', 'utf8'));
    const md = renderAlternativesMarkdown(suggest(plan, options, 'fail'));
    expect(md).toMatch(/out of reach on 4 devices/);
    expect(md).toMatch(/\*\*8\*\*/);
  });
});

describe('suggestPlanText (for the action)', () => {
  it('searches a plan from its text, and returns null for text that is not a plan', async () => {
    const { suggestPlanText } = await import('../src/suggest/index.js');
    const file = '__tests__/fixtures/plans/out-of-reach.plan.yaml';
    const r = suggestPlanText(file, readFileSync(file, 'utf8'), () => ({ error: 'none' }));
    expect(r!.impossible.map((i) => i.id)).toEqual(['requirements.throughput']);
    expect(r!.top).toHaveLength(5);
    expect(suggestPlanText('x.plan.yaml', 'version: 1\nmodel: [', () => ({ error: 'none' }))).toBeNull();
  });
});
