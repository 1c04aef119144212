// The documented limits (docs/limits.md), each enforced where it applies: the largest plan file
// (in the loader, the command line's reader and the action's reader, at the exact boundary), the
// most plans per run, and the longest report GitHub takes (comment, check-run summary, job summary).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { combineReports, loadPlan, verifyPlanText, type PlanReport } from '../src/core/index.js';
import { COMMENT_LIMIT, composeComment } from '../src/action/comment-body.js';
import { fitSummary, SUMMARY_LIMIT } from '../src/action/check-runs.js';
import { workspaceSource } from '../src/action/file-source.js';
import { fitJobSummary, SUMMARY_LIMIT_BYTES } from '../src/action/job-summary.js';
import { limitPlans, MAX_PLANS_PER_RUN, maxPlansFromEnv } from '../src/action/plan-limit.js';
import { renderPlan, renderReport } from '../src/action/render.js';
import { verifyPlanFile } from '../src/io/verify-files.js';
import { MAX_PLAN_BYTES } from '../src/plan/load.js';
import { HOSTILE_NAME, VALID_PLAN } from './fixtures/hostile/cases.js';

const folder = mkdtempSync(join(tmpdir(), 'ppc-limits-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const none = () => ({ error: 'none' });

/** The valid plan padded with a YAML comment to exactly `bytes` bytes (a comment changes nothing). */
function planOfBytes(bytes: number): string {
  const head = `${VALID_PLAN}# `;
  const text = `${head}${'p'.repeat(bytes - Buffer.byteLength(head) - 1)}\n`;
  expect(Buffer.byteLength(text)).toBe(bytes);
  return text;
}

describe('largest plan file: 1 MiB, the same in every reader', () => {
  const atLimit = planOfBytes(MAX_PLAN_BYTES);
  const overLimit = planOfBytes(MAX_PLAN_BYTES + 1);

  test('the loader takes a plan of exactly 1 MiB and refuses one byte more', () => {
    expect(loadPlan('a.plan.yaml', atLimit, none).ok).toBe(true);
    const over = loadPlan('a.plan.yaml', overLimit, none);
    expect(over.ok ? [] : over.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(new RegExp(`^the file is ${MAX_PLAN_BYTES + 1} .*a plan may be at most ${MAX_PLAN_BYTES} bytes`)),
    ]);
  });

  test('the command line reads a file of exactly 1 MiB and refuses one byte more before reading it', () => {
    writeFileSync(join(folder, 'at.plan.yaml'), atLimit);
    writeFileSync(join(folder, 'over.plan.yaml'), overLimit);
    expect(verifyPlanFile('at.plan.yaml', folder).verdict).toBe(verifyPlanText('at.plan.yaml', VALID_PLAN, none).verdict);
    const over = verifyPlanFile('over.plan.yaml', folder);
    expect(over.verdict).toBe('error');
    expect(over.errors[0]?.message).toMatch(new RegExp(`the limit is ${MAX_PLAN_BYTES} bytes`));
  });

  test('the action reads a workspace file of exactly 1 MiB and refuses one byte more', async () => {
    const source = workspaceSource(folder);
    expect(await source.read('at.plan.yaml', MAX_PLAN_BYTES)).toEqual({ text: atLimit });
    // the same reader as the command line's (src/io/repo-file.ts), so the same words
    expect(await source.read('over.plan.yaml', MAX_PLAN_BYTES)).toEqual({
      error: `over.plan.yaml: the file is ${MAX_PLAN_BYTES + 1} bytes; the limit is ${MAX_PLAN_BYTES} bytes (1 MiB)`,
    });
  });
});

describe('most plans per run: 500', () => {
  const plans = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `plans/p${String(n - i).padStart(4, '0')}.plan.yaml` }));

  test('500 plans are all verified; of 501, the first 500 by path, and the last is named', () => {
    expect(MAX_PLANS_PER_RUN).toBe(500);
    const exactly = limitPlans(plans(500));
    expect(exactly.plans).toHaveLength(500);
    expect(exactly.message).toBeNull();
    const over = limitPlans(plans(501));
    expect(over.plans).toHaveLength(500);
    expect(over.plans[0]?.path).toBe('plans/p0001.plan.yaml');
    expect(over.skipped).toEqual(['plans/p0501.plan.yaml']);
    expect(over.message).toContain('This run has 501 plan files, more than the 500 one run verifies: 1 were NOT verified (plans/p0501.plan.yaml)');
  });

  test('a long list of skipped plans is named up to 20 and counted', () => {
    const over = limitPlans(plans(600));
    expect(over.skipped).toHaveLength(100);
    expect(over.message).toContain(', and 80 more)');
    expect(over.message!.length).toBeLessThan(2000);
  });

  test('the test hook may lower the cap, never raise it', () => {
    expect(maxPlansFromEnv({ PARALLEL_PLAN_CHECK_MAX_PLANS: '20' })).toBe(20);
    expect(maxPlansFromEnv({ PARALLEL_PLAN_CHECK_MAX_PLANS: '5000' })).toBe(500);
    expect(maxPlansFromEnv({ PARALLEL_PLAN_CHECK_MAX_PLANS: 'many' })).toBe(500);
    expect(maxPlansFromEnv({})).toBe(500);
  });
});

describe('longest report: 500 plans still fit every place GitHub limits', () => {
  // 500 real reports: valid plans, plans with 100+ errors, and plans with a hostile name.
  const noisy = `${VALID_PLAN}${Array.from({ length: 120 }, (_, i) => `junk_${i}_${'q'.repeat(50)}: 1`).join('\n')}\n`;
  const hostile = VALID_PLAN.replace(/^name: .*$/m, `name: '${HOSTILE_NAME}'`);
  const reports: PlanReport[] = Array.from({ length: MAX_PLANS_PER_RUN }, (_, i) => {
    const text = [VALID_PLAN, noisy, hostile][i % 3] as string;
    return verifyPlanText(`plans/p${String(i).padStart(3, '0')}.plan.yaml`, text, none);
  });
  const report = combineReports(reports);
  const full = renderReport(report, {}, 'parallel-plan-check');

  test('the comment (65,536 characters) is shortened and says where the full report is', () => {
    expect(full.length).toBeGreaterThan(COMMENT_LIMIT);
    const { body, shortened } = composeComment({
      checkName: 'parallel-plan-check',
      report,
      bases: {},
      notes: [],
      headSha: 'c'.repeat(40),
      runUrl: 'https://github.example/o/r/actions/runs/1',
    });
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(shortened).toBe(true);
    expect(body).toContain('[the job summary](https://github.example/o/r/actions/runs/1)');
    expect(body).not.toContain('<img');
  });

  test('the job summary (1 MiB) is shortened and still names every plan', () => {
    expect(Buffer.byteLength(full)).toBeGreaterThan(SUMMARY_LIMIT_BYTES);
    const summary = fitJobSummary(full, report);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    for (const plan of reports) expect(summary).toContain(plan.file.replace(/_/g, '\\_'));
  });

  test('a check-run summary (65,535 characters) is shortened at a line', () => {
    const one = renderPlan(reports[1] as PlanReport);
    const huge = Array(Math.ceil((2 * SUMMARY_LIMIT) / one.length))
      .fill(one)
      .join('\n');
    const fitted = fitSummary(huge, 'the full report is in the job summary');
    expect(huge.length).toBeGreaterThan(SUMMARY_LIMIT);
    expect(fitted.length).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(fitted).toMatch(/shortened: the full report is in the job summary$/);
  });
});
