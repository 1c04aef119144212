// What a run holds in memory (src/action/kept-inputs.ts, reference-reads.ts): only the plans the
// alternatives step will search keep their text and references; each referenced file is read
// once for all the plans of a commit; and all of them together stay within a byte budget, past
// which a plan fails closed. Before: every plan kept its text and its references to the end of
// the run, and 80 plans importing 16 files of 4 MiB each filled the heap (no result at all).
import { describe, expect, it } from 'vitest';
import type { PlanReport, Verdict } from '../src/core/index.js';
import { MAX_PLANS_WITH_ALTERNATIVES } from '../src/action/alternatives.js';
import type { FileSource } from '../src/action/file-source.js';
import { KeptInputs } from '../src/action/kept-inputs.js';
import { byteBudget, byteBudgetFailure } from '../src/action/reference-reads.js';
import { reportOrder } from '../src/action/report-order.js';
import { verifySelection } from '../src/action/verify-selection.js';
import { FAILING_PLAN, VALID_PLAN, llama8bConfig } from './fixtures/hostile/cases.js';

const CONFIG = llama8bConfig();

const report = (file: string, verdict: Verdict): PlanReport => ({ file, name: file, verdict, checks: [], metrics: null, errors: [] });

function memory(files: Record<string, string>, reads: string[] = []): FileSource {
  return {
    label: 'memory',
    async read(path) {
      reads.push(path);
      await new Promise((r) => setTimeout(r, 1));
      return path in files ? { text: files[path] as string } : { missing: true };
    },
  };
}

describe('KeptInputs', () => {
  it('keeps exactly the plans the alternatives step searches: the first failing or warning ones in report order', () => {
    const verdicts: Verdict[] = ['pass', 'warn', 'fail', 'error'];
    const reports = Array.from({ length: 40 }, (_, i) => report(`plans/p${String((i * 17) % 40).padStart(2, '0')}.plan.yaml`, verdicts[i % 4] as Verdict));
    const kept = new KeptInputs();
    for (const r of reports) kept.offer(r, { text: r.file, readReference: () => ({ error: 'none' }) });
    const searched = [...reports]
      .sort(reportOrder)
      .filter((p) => p.verdict === 'fail' || p.verdict === 'warn')
      .slice(0, MAX_PLANS_WITH_ALTERNATIVES)
      .map((p) => p.file);
    expect(kept.files()).toEqual(searched);
    expect(kept.get(searched[0] as string)?.text).toBe(searched[0]);
    for (const r of reports.filter((p) => !searched.includes(p.file))) expect(kept.get(r.file)).toBeUndefined();
  });
});

describe('verifySelection holds what it will use', () => {
  it('keeps the inputs of at most 10 plans of 30, and reads a file 30 plans reference once', async () => {
    const files: Record<string, string> = { 'shared/config.json': CONFIG };
    const model = VALID_PLAN.replace('model:\n  preset: llama-3.1-8b\n', 'model:\n  hf_config: ../shared/config.json\n');
    for (let i = 0; i < 30; i++)
      files[`plans/p${i}.plan.yaml`] =
        i % 3 === 0 ? model : FAILING_PLAN.replace('model:\n  preset: llama-3.1-8b\n', 'model:\n  hf_config: ../shared/config.json\n');
    const reads: string[] = [];
    const plans = Object.keys(files)
      .filter((p) => p.endsWith('.plan.yaml'))
      .map((path) => ({ path, basePath: null }));
    const verified = await verifySelection({ plans, headSource: memory(files, reads), baseSource: null });
    expect(verified.plans.filter((p) => p.verdict === 'fail')).toHaveLength(20);
    expect(reads.filter((p) => p === 'shared/config.json')).toHaveLength(1);
    const searched = [...verified.plans]
      .sort(reportOrder)
      .filter((p) => p.verdict === 'fail' || p.verdict === 'warn')
      .slice(0, MAX_PLANS_WITH_ALTERNATIVES)
      .map((p) => p.file);
    expect(verified.inputs.files()).toEqual(searched);
  });

  it('past the byte budget of referenced files, the plans asking for more fail closed and say why', async () => {
    const files: Record<string, string> = {
      'plans/a.plan.yaml': VALID_PLAN.replace('model:\n  preset: llama-3.1-8b\n', 'model:\n  hf_config: a.json\n'),
      'plans/b.plan.yaml': VALID_PLAN.replace('model:\n  preset: llama-3.1-8b\n', 'model:\n  hf_config: b.json\n'),
      'plans/a.json': CONFIG,
      'plans/b.json': `${CONFIG}${' '.repeat(200)}`,
    };
    const plans = ['plans/a.plan.yaml', 'plans/b.plan.yaml'].map((path) => ({ path, basePath: null }));
    const budget = byteBudget(CONFIG.length + 100);
    const verified = await verifySelection({ plans, headSource: memory(files), baseSource: null }, budget);
    const [a, b] = verified.plans;
    expect(a?.verdict).not.toBe('error');
    expect(b?.verdict).toBe('error');
    expect(b?.errors[0]?.message).toMatch(/plans\/b\.json was not read: the files the plans of this run reference came to more than/);
    expect(byteBudgetFailure(budget)).toMatch(/1 were not read/);
  });

  it('a file left unread for the budget fails its plan closed even where the plan would take it as a warning (an engine config)', async () => {
    const files: Record<string, string> = {
      'plans/a.plan.yaml': `${VALID_PLAN}\ndeployment:\n  engine: vllm\n  from: [serve.sh]\n`,
      'plans/serve.sh': 'vllm serve meta-llama/Llama-3.1-8B --config big.yaml\n',
      'plans/big.yaml': `tensor-parallel-size: 1\n#${'x'.repeat(2000)}\n`,
    };
    const budget = byteBudget(1000);
    const verified = await verifySelection({ plans: [{ path: 'plans/a.plan.yaml', basePath: null }], headSource: memory(files), baseSource: null }, budget);
    expect(verified.plans[0]?.verdict).toBe('error');
    expect(verified.plans[0]?.errors[0]?.message).toMatch(/^plans\/a\.plan\.yaml is not verified: plans\/big\.yaml was not read/);
  });
});
