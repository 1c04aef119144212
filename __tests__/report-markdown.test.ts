import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyPlanText } from '../src/core/index.js';
import { combineReports } from '../src/core/verdict.js';
import type { PlanReport } from '../src/core/types.js';
import { formatQuantity } from '../src/report/format.js';
import { renderPlanMarkdown, renderReportMarkdown } from '../src/report/markdown.js';
import { gapSentence, runReport } from '../src/action/run-scope.js';
import { brokenReport, llama70bReport, twoStageReport, unverifiedTtft } from './fixtures/reports/plans.js';

const seedReport = (): PlanReport => verifyPlanText('examples/seed.plan.yaml', readFileSync('examples/seed.plan.yaml', 'utf8'), () => ({ error: 'none' }));
/** The lines a reader sees first (hidden comments are not shown). */
const visibleLines = (md: string) => md.split('\n').filter((l) => !l.startsWith('<!--'));

describe('the headline', () => {
  it("shows the seed's decisive reason with its numbers in the first three lines", () => {
    const seed = seedReport();
    const first = visibleLines(renderReportMarkdown(combineReports([seed])))
      .slice(0, 3)
      .join('\n');
    // the claim against the physical ceiling the core computes: 4 devices of 64 GB (the plan's figure) at 1.8 TB/s
    const claim = seed.checks.find((c) => c.id === 'claims.throughput')!;
    expect(claim.status).toBe('fail');
    expect(claim.basis).toBe('bound');
    expect(first).toContain(
      `❌ **moe-10b-on-4-gpus** fails: claims 850k tokens/s; the physical ceiling on 4 × 64 GB at 1.8 TB/s is ${formatQuantity(claim.limit, 'tokens/s')}`,
    );
    const others = seed.checks.filter((c) => c.status === 'fail').length - 1;
    expect(first).toContain(`(and ${others} more failing check`);
  });

  it('puts failing plans first everywhere: headline, summary table and sections', () => {
    const md = renderReportMarkdown(combineReports([twoStageReport(), llama70bReport(), brokenReport()]));
    const order = (needle: string) => md.indexOf(needle);
    // broken (error), then llama-70b-tp4 (fail), then the passing pp2 plan, in each part
    const table = md.slice(md.indexOf('| Plan |'));
    expect(table.indexOf('plans/broken.plan.yaml')).toBeLessThan(table.indexOf('llama-70b-tp4'));
    expect(table.indexOf('llama-70b-tp4')).toBeLessThan(table.indexOf('llama-70b-tp2-pp2'));
    expect(order('### 🛑')).toBeLessThan(order('### ❌ llama-70b-tp4'));
    expect(order('### ❌ llama-70b-tp4')).toBeLessThan(order('### ✅ llama-70b-tp2-pp2'));
    expect(order('- 🛑 **plans/broken.plan.yaml** is not a valid plan: line 9:')).toBeLessThan(order('- ❌ **llama-70b-tp4** fails'));
  });

  it('says nothing for a plan that passes and did not change', () => {
    const md = renderReportMarkdown(combineReports([twoStageReport()]));
    expect(md.slice(0, md.indexOf('###'))).not.toMatch(/^- /m);
  });
});

describe('markdown report', () => {
  it('a run with gaps and no verified plan does not say no plan was found: plans may exist that went unverified', () => {
    const gaps = { files: [], doubts: ['the head moved while plans were read'] };
    const sentence = gapSentence(gaps) as string;
    const md = renderReportMarkdown(runReport([], gaps), { unverified: { sentence, files: new Set() } });
    expect(md).toContain('plans may have gone unverified (see the notes)');
    expect(md).toContain('No plan was verified.');
    expect(md).not.toContain('No plan files found.');
    expect(renderReportMarkdown(combineReports([]))).toContain('No plan files found.');
  });

  it('the verdict line escapes the names of plans not verified: they come from the pull request', () => {
    const gaps = { files: ['plans/@octocat <img src=x>\n# z.plan.yaml'], doubts: [] };
    const sentence = gapSentence(gaps) as string;
    const first = renderReportMarkdown(runReport([], gaps), { unverified: { sentence, files: new Set() } }).split('\n')[0] ?? '';
    expect(first).toContain('1 plan NOT verified (plans/@\u200Boctocat &lt;img src=x&gt;\\\\n\\# z.plan.yaml)');
  });

  it('starts with one verdict line: emoji, verdict, counts', () => {
    const first = renderReportMarkdown(combineReports([llama70bReport(), brokenReport(), twoStageReport()])).split('\n')[0] ?? '';
    expect(first).toContain('🛑');
    expect(first).toContain('3 plans: 1 error, 1 fail, 1 pass');
  });

  it('has a summary table with a Why column only for several plans', () => {
    const several = renderReportMarkdown(combineReports([llama70bReport(), twoStageReport()]));
    expect(several).toContain('| Plan | Verdict | Why | Memory / GPU | TTFT | TPOT | Throughput |');
    // the failing plan's row says why: its claim against the ceiling
    expect(several).toMatch(/\| llama-70b-tp4<br>plans\/llama-70b.plan.yaml \| ❌ fail \| throughput: claims 850k tokens\/s, ceiling 4.64k tokens\/s \|/);
    expect(several).toMatch(/\| ✅ pass \| every check passes \|/);
    expect(renderReportMarkdown(combineReports([llama70bReport()]))).not.toContain('| Plan | Verdict');
  });

  it('gives each column one meaning: our figure, the target, the margin', () => {
    const md = renderPlanMarkdown(llama70bReport());
    expect(md).toContain('| Status | Check | Estimate | Target or bound | Margin | Detail |');
    // the claim (target) against the physical ceiling (ours): 850,000 / 4,636 = 183 times
    expect(md).toContain(
      '| ❌ fail | Claimed throughput<br>`claims.throughput` | ≤ 4.64k tokens/s (ceiling) | 850k tokens/s claimed | 183× beyond | exceeds the physical upper bound (line 61) |',
    );
    // a layout rule shows its rule in words, not a pair of numbers
    expect(md).toContain('| ✅ pass | World size<br>`layout.world_size` | — | — | — | tp 4 × pp 1 × dp 1 × cp 1 = 4 = hardware.gpus (line 20) |');
  });

  it('a requirement on an estimate shows its headroom or shortfall', () => {
    const plan = llama70bReport({
      checks: [
        {
          id: 'requirements.tpot',
          status: 'pass',
          title: 'Required TPOT',
          value: 30,
          limit: 19.4,
          unit: 'ms',
          basis: 'estimate',
          detail: 'estimate 19.4 ms meets 30 ms',
          path: 'requirements.tpot',
          line: 40,
        },
        {
          id: 'requirements.throughput',
          status: 'fail',
          title: 'Required throughput',
          value: 4000,
          limit: 3299,
          unit: 'tokens/s',
          basis: 'estimate',
          detail: 'estimate misses',
          path: 'requirements.throughput',
          line: 41,
        },
      ],
    });
    const md = renderPlanMarkdown(plan);
    // (30 - 19.4) / 30 = 35% headroom; (3299 - 4000) / 4000 = -17.5%
    expect(md).toContain('| 19.4 ms | ≤ 30.0 ms required | 35% headroom |');
    expect(md).toContain('| 3.30k tokens/s | ≥ 4.00k tokens/s required | 18% short |');
  });

  it('lists failing and warning checks first, unverified ones grouped, passing ones folded', () => {
    const md = renderPlanMarkdown(llama70bReport());
    const fail = md.indexOf('claims.throughput');
    const warn = md.indexOf('requirements.max_memory_utilization');
    const unverified = md.indexOf('❔ **1 unverified check**');
    const folded = md.indexOf('<details><summary>✅ 1 passing check');
    expect(fail).toBeGreaterThan(0);
    expect(fail).toBeLessThan(warn);
    expect(warn).toBeLessThan(unverified);
    expect(unverified).toBeLessThan(folded);
  });

  it('lists the missing facts once per plan, not on every unverified row', () => {
    const seed = seedReport();
    const md = renderPlanMarkdown(seed);
    const unverified = seed.checks.filter((c) => c.status === 'unverified').length;
    expect(unverified).toBeGreaterThan(3);
    expect(md).toMatch(new RegExp(`❔ \\*\\*${unverified} unverified checks\\*\\*, for want of \`model\\.heads\`, \`model\\.hidden_size\``));
    expect(md.match(/model\.hidden\\?_size/g)).toHaveLength(1);
    expect(md).not.toMatch(/cannot [a-z ]+ without/);
    // what the bounds still say stays on the row
    const fits = seed.checks.find((c) => c.id === 'memory.fits')!;
    expect(md).toContain(
      `| ❔ unverified | Memory fits<br>\`memory.fits\` | ≥ 4.66 GiB (floor) | ≤ ${formatQuantity(fits.limit, 'GiB')} usable | — | the lower bound 4.66 GiB fits in the 59.01 GiB vLLM could give weights and KV cache at gpu\\_memory\\_utilization 0.99, the most a deployment sets where the plan states no workload.memory\\_fraction (53.64 GiB at vLLM's default 0.9) (line 19) |`,
    );
  });

  it('shows a figure that is null as "not computable", never 0', () => {
    const md = renderPlanMarkdown(llama70bReport());
    expect(md).toMatch(/\| TTFT \(time to first token\) \| not computable \| not computable \|/);
    expect(md).not.toMatch(/TTFT[^\n]*\| 0(\.0+)? ms/);
  });

  it('has a memory table per device and a stacked chart against usable capacity', () => {
    const md = renderPlanMarkdown(twoStageReport());
    expect(md).toContain('| Stage | Weights | KV cache | Activations | Overhead | Total | Usable | Capacity |');
    // 33.9 weights + 20.0 KV + 1.5 activations + 2.0 overhead = 57.4 GiB per stage
    expect(md).toContain('| 1 (40 layers) | 33.9 GiB | 20.0 GiB | 1.50 GiB | 2.00 GiB | 57.4 GiB | 71.7 GiB | 79.7 GiB |');
    expect(md).toContain('```mermaid');
  });

  it('shows performance estimates with their physical bounds', () => {
    const md = renderPlanMarkdown(llama70bReport());
    expect(md).toContain('| TPOT (time per output token) | 19.4 ms | ≥ 14.1 ms |');
    expect(md).toContain('| Throughput (output, whole deployment) | 3.30k tokens/s | ≤ 4.64k tokens/s |');
    expect(md).toContain('bound by memory');
  });

  it('lists the assumptions', () => {
    expect(renderPlanMarkdown(llama70bReport())).toContain('- H100 SXM capacity: 81,559 MiB (preset)');
  });

  it('marks a plan that is new on this branch', () => {
    const report = renderReportMarkdown(combineReports([llama70bReport(), twoStageReport()]), { bases: { 'plans/pp2.plan.yaml': null } });
    expect(report).toContain('(new plan)');
  });

  it('shows the errors of a file that is not a plan, with line numbers', () => {
    const md = renderPlanMarkdown(brokenReport());
    expect(md).toContain("**line 9, model.layer**: unknown key 'layer' (did you mean 'layers'?)");
    expect(md).not.toContain('Memory per device');
  });

  it('falls back to the metrics when the core gives no details', () => {
    const md = renderPlanMarkdown(llama70bReport({ details: undefined }));
    expect(md).toContain('| most loaded | 32.9 GiB | 20.0 GiB | 1.50 GiB | not computable | 56.4 GiB |');
    expect(md).not.toContain('```mermaid');
  });

  it('headings follow headingLevel', () => {
    expect(renderPlanMarkdown(llama70bReport(), { headingLevel: 2 })).toMatch(/^## ❌/);
    expect(renderPlanMarkdown(llama70bReport(), { headingLevel: 2 })).toContain('\n### Memory per device');
  });

  it('a total that is not computable shows its weights floor', () => {
    const plan = llama70bReport();
    plan.details!.devices = [{ ...plan.details!.devices[0]!, kv_cache_gib: null, total_gib: null }];
    plan.metrics = { ...plan.metrics!, memory_per_gpu_gib: null, memory_per_gpu_lower_bound_gib: 32.87 };
    plan.checks = [{ ...unverifiedTtft, detail: 'cannot estimate without hardware.peak_tflops' }];
    const md = renderReportMarkdown(combineReports([plan, twoStageReport()]));
    expect(md).toContain('| not computable (≥ 32.9 GiB) |');
    expect(md).toContain('bar [-80, 32.87, -80]');
    expect(md).toContain('for want of `hardware.peak_tflops`');
  });
});

describe('imported figures', () => {
  const plan = () =>
    llama70bReport({
      checks: [{ id: 'layout.heads_divisible', status: 'pass', title: 'Heads over TP', detail: '64 heads over tp=4', path: 'parallelism.tp', line: 3 }],
      details: {
        ...llama70bReport().details!,
        origins: { 'parallelism.tp': 'deploy/serve.sh:12', 'model.layers': 'preset:llama-3.1-70b', 'model.heads': 'preset:llama-3.1-70b' },
      },
    });

  it('a check on an imported key names its file:line', () => {
    expect(renderPlanMarkdown(plan())).toContain('| 64 heads over tp=4 (from deploy/serve.sh:12) |');
  });

  it('are listed once, file by file, with presets on one line each', () => {
    const md = renderPlanMarkdown(plan());
    expect(md).toContain('<details><summary>Imported (1 from files)</summary>');
    expect(md).toContain('- `parallelism.tp` ← deploy/serve.sh:12');
    expect(md).toContain('- 2 model figures ← preset `llama-3.1-70b`');
  });
});

describe('alternatives', () => {
  it("sit inside each plan's own section, naming the plan", () => {
    const a = llama70bReport();
    const b = llama70bReport({ file: 'plans/b.plan.yaml', name: 'plan-b' });
    const alternatives = {
      [a.file]: '<details>\n<summary>💡 Alternatives for llama-70b-tp4</summary>\n\nA\n\n</details>\n',
      [b.file]: '<details>\n<summary>💡 Alternatives for plan-b</summary>\n\nB\n\n</details>\n',
    };
    const md = renderReportMarkdown(combineReports([a, b]), { alternatives });
    const sectionA = md.slice(md.indexOf('### ❌ llama-70b-tp4'), md.indexOf('### ❌ plan-b'));
    const sectionB = md.slice(md.indexOf('### ❌ plan-b'));
    expect(sectionA).toContain('Alternatives for llama-70b-tp4');
    expect(sectionA).not.toContain('Alternatives for plan-b');
    expect(sectionB).toContain('Alternatives for plan-b');
  });
});
