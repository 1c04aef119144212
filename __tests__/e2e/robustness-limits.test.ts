// The action's limits (docs/limits.md), enforced end to end in the bundled action: a cap on plans
// per run (the rest named, the job failed, never passed); every text GitHub limits stays under
// its limit (comment 65,536 characters, check-run summary 65,535, job summary 1 MiB); and a 422 for a body GitHub still finds too long costs a shorter comment, not
// the comment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyPlanText, type Report } from '../../src/core/index.js';
import { COMMENT_LIMIT } from '../../src/action/comment-body.js';
import { SUMMARY_LIMIT } from '../../src/action/check-runs.js';
import { SUMMARY_LIMIT_BYTES } from '../../src/action/job-summary.js';
import { MAX_PLANS_PER_RUN } from '../../src/action/plan-limit.js';
import { ensureFreshBundle } from './bundle.js';
import { addCommit, createState, startStandIn, type StandIn, type StandInState } from './stand-in/server.mjs';
import { REPO_ROOT, runPullRequest, type ActionRun } from './stand-in/run-action.mjs';

const HEAD = '6'.repeat(40);
const BASE = '7'.repeat(40);
const VALID = readFileSync(join(REPO_ROOT, 'examples', 'llama-3.1-8b-1xh100.plan.yaml'), 'utf8');
/** A plan with 150 unknown, long keys: 100 errors and a summary line each, a large report. */
const NOISY = `${VALID}${Array.from({ length: 150 }, (_, i) => `unknown_key_${String(i).padStart(3, '0')}_${'z'.repeat(40)}: 1`).join('\n')}\n`;
const MARKER = '<!-- parallel-plan-check:sticky check-name="parallel-plan-check" -->';

let server: StandIn | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
beforeAll(() => ensureFreshBundle(), 180_000);

async function pullRequest(
  files: Record<string, string>,
  checkedOut: boolean,
  env: Record<string, string> = {},
): Promise<{ state: StandInState; result: ActionRun }> {
  const state = createState();
  addCommit(state, HEAD, files);
  addCommit(state, BASE, {});
  state.pulls.set(7, { files: Object.keys(files).map((filename) => ({ filename, status: 'added' as const })) });
  server = await startStandIn(state);
  const result = await runPullRequest(
    server.url,
    state,
    { number: 7, headSha: HEAD, baseSha: BASE, changedFiles: Object.keys(files).length },
    {
      ...(checkedOut ? { checkedOut: HEAD, files } : {}),
      env,
      timeoutMs: 120_000,
    },
  );
  return { state, result };
}

describe('limits', () => {
  it("verifies at most the cap of plans, names the rest, fails the job, and keeps every text under GitHub's limits", async () => {
    // The cap is 500 (MAX_PLANS_PER_RUN, unit-tested in robustness-limits.test.ts); this run
    // lowers it to 20 through the action's test hook so that 21 plans show the behaviour fast.
    const cap = 20;
    expect(cap).toBeLessThan(MAX_PLANS_PER_RUN);
    const files: Record<string, string> = {};
    for (let i = 0; i <= cap; i++) files[`plans/p${String(i).padStart(3, '0')}.plan.yaml`] = i % 2 === 0 ? NOISY : VALID;
    const { state, result } = await pullRequest(files, true, { PARALLEL_PLAN_CHECK_MAX_PLANS: String(cap) });
    expect(state.rejected).toEqual([]);

    // The cap: the first plans by path verified, the last one named as not verified, the job failed.
    const report = JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8')) as Report;
    expect(report.plans).toHaveLength(cap);
    expect(report.plans.map((p) => p.file)).not.toContain('plans/p020.plan.yaml');
    expect(state.checkRuns).toHaveLength(cap);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(
      /::error::parallel-plan-check: .*This run has 21 plan files, more than the 20 one run verifies: 1 were NOT verified \(plans\/p020\.plan\.yaml\)/,
    );

    // Each verified plan's verdict is the core's.
    const expectedNoisy = verifyPlanText('plans/p000.plan.yaml', NOISY, () => ({ error: 'none' }));
    const expectedValid = verifyPlanText('plans/p001.plan.yaml', VALID, () => ({ error: 'none' }));
    expect(expectedNoisy.errors.length).toBeGreaterThan(100);
    expect(report.plans.find((p) => p.file === 'plans/p000.plan.yaml')?.verdict).toBe(expectedNoisy.verdict);
    expect(report.plans.find((p) => p.file === 'plans/p001.plan.yaml')?.verdict).toBe(expectedValid.verdict);

    // The texts: the full report is over the comment limit, what GitHub receives is not.
    const fullMarkdown = readFileSync(result.outputs['report-markdown']!, 'utf8');
    expect(fullMarkdown.length).toBeGreaterThan(COMMENT_LIMIT);
    expect(state.comments).toHaveLength(1);
    const body = state.comments[0]!.body;
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body).toContain('NOT verified');
    expect(body).toMatch(/Shortened to fit GitHub's comment limit/);
    expect(Buffer.byteLength(result.summary)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(result.summary).toContain('NOT verified');
    for (const run of state.checkRuns) expect(run.output.summary.length).toBeLessThanOrEqual(SUMMARY_LIMIT);
    // every annotation of the noisy plans arrived (50 per request, the rest in updates)
    const noisyRun = state.checkRuns.find((c) => c.name.endsWith('p000.plan.yaml'))!;
    expect(noisyRun.output.annotations.length).toBe(expectedNoisy.errors.length);
  });

  it('a 422 "body is too long" on the comment posts a shorter comment instead of none', async () => {
    const files = { 'plans/a.plan.yaml': VALID, 'plans/b.plan.yaml': NOISY };
    const state = createState();
    addCommit(state, HEAD, files);
    addCommit(state, BASE, {});
    state.pulls.set(7, { files: Object.keys(files).map((filename) => ({ filename, status: 'added' as const })) });
    state.faults.push({
      operationId: 'issues/create-comment',
      status: 422,
      times: 1,
      body: {
        message: 'Validation Failed',
        errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'Body is too long (maximum is 65536 characters)' }],
        documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      },
    });
    server = await startStandIn(state);
    const result = await runPullRequest(server.url, state, { number: 7, headSha: HEAD, baseSha: BASE, changedFiles: 2 });
    expect(state.rejected).toEqual([]);
    const attempts = state.requests.filter((r) => r.operationId === 'issues/create-comment').map((r) => r.status);
    expect(attempts).toEqual([422, 201]);
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]!.body.length).toBeLessThanOrEqual(COMMENT_LIMIT / 2);
    expect(state.comments[0]!.body).toContain('plans/a.plan.yaml');
    expect(state.comments[0]!.body).toContain('plans/b.plan.yaml');
    expect(result.stdout).toMatch(/GitHub refused the comment body of \d+ characters \(422: Validation Failed.*\); posting a shortened one of \d+ characters/);
    expect(result.stdout).not.toMatch(/could not post/);
    // the verdict is the plans' own: one of them is not a valid plan
    expect(result.outputs.verdict).toBe('error');
    expect(result.exitCode).toBe(1);
  });
});
