// GitHub faults (issue 6) against the bundled action: server-error bursts, a reset connection, an
// answer past the time limit, the primary and secondary rate limits, a comment deleted between
// listing and editing, and a 422 for a body GitHub finds too long. Every run must end with the
// verdict the core gives (computed here, in-process), exactly one comment naming every plan, one
// check run per plan, and a log line that says what happened.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { combineReports, verifyPlanText } from '../../src/core/index.js';
import { ensureFreshBundle } from './bundle.js';
import { startFaultProxy, type FaultProxy, type ProxyRule } from './fault-proxy.js';
import { addCommit, createState, startStandIn, type Fault, type StandIn, type StandInState } from './stand-in/server.mjs';
import { REPO_ROOT, runPullRequest, type ActionRun } from './stand-in/run-action.mjs';

const HEAD = '4'.repeat(40);
const BASE = '5'.repeat(40);
const PLANS: Record<string, string> = {
  'plans/small.plan.yaml': readFileSync(join(REPO_ROOT, 'examples', 'llama-3.1-8b-1xh100.plan.yaml'), 'utf8'),
  'plans/seed.plan.yaml': readFileSync(join(REPO_ROOT, 'examples', 'seed.plan.yaml'), 'utf8'),
};
const TRUE_VERDICT = combineReports(Object.entries(PLANS).map(([file, text]) => verifyPlanText(file, text, () => ({ error: 'none' })))).verdict;
const MARKER = '<!-- parallel-plan-check:sticky check-name="parallel-plan-check" -->';

let server: StandIn | undefined;
let proxy: FaultProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  await server?.close();
  proxy = undefined;
  server = undefined;
});
beforeAll(() => ensureFreshBundle(), 180_000);

async function setUp(faults: Fault[] = [], rules: ProxyRule[] = [], plans: Record<string, string> = PLANS): Promise<StandInState> {
  const state = createState();
  addCommit(state, HEAD, plans);
  addCommit(state, BASE, {});
  state.pulls.set(7, { files: Object.keys(plans).map((filename) => ({ filename, status: 'added' as const })) });
  state.faults.push(...faults);
  server = await startStandIn(state);
  proxy = await startFaultProxy(server.url);
  proxy.rules.push(...rules);
  return state;
}

function run(state: StandInState, env: Record<string, string> = {}): Promise<ActionRun> {
  return runPullRequest(
    (proxy as FaultProxy).url,
    state,
    { number: 7, headSha: HEAD, baseSha: BASE, changedFiles: Object.keys(PLANS).length },
    {
      env: { PARALLEL_PLAN_CHECK_REQUEST_TIMEOUT_MS: '1000', ...env },
      timeoutMs: 60_000,
    },
  );
}

/** The outcome every fault scenario must reach. */
function expectCompleteRun(state: StandInState, result: ActionRun): void {
  expect(state.rejected).toEqual([]);
  expect(result.outputs.verdict).toBe(TRUE_VERDICT);
  expect(result.exitCode).toBe(TRUE_VERDICT === 'fail' || TRUE_VERDICT === 'error' ? 1 : 0);
  expect(result.stdout).not.toMatch(/could not post/);
  expect(state.comments).toHaveLength(1);
  const body = state.comments[0]!.body;
  expect(body.startsWith(MARKER)).toBe(true);
  for (const file of Object.keys(PLANS)) expect(body).toContain(file);
  expect(state.checkRuns.map((c) => c.name.split(' / ')[1]).sort()).toEqual(Object.keys(PLANS).sort());
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+/);
}

const statuses = (state: StandInState, operationId: string) => state.requests.filter((r) => r.operationId === operationId).map((r) => r.status);

describe('server errors and broken connections', () => {
  it.each([500, 502, 503])('a burst of three %i answers on each kind of request is retried through', async (status) => {
    const state = await setUp(
      ['pulls/list-files', 'repos/get-content', 'issues/list-comments', 'issues/create-comment', 'checks/create'].map((operationId) => ({
        operationId,
        status,
        times: 3,
      })),
    );
    const result = await run(state);
    expectCompleteRun(state, result);
    expect(statuses(state, 'issues/create-comment')).toEqual([status, status, status, 201]);
    expect(statuses(state, 'pulls/list-files')).toEqual([status, status, status, 200]);
    expect(result.stdout).toContain(`GitHub answered ${status} to POST /repos/octo-org/plans-repo/issues/7/comments; retrying`);
  });

  it('a connection reset while reading a plan and while posting the comment', async () => {
    const state = await setUp(
      [],
      [
        { match: /^GET \/repos\/[^/]+\/[^/]+\/contents\/plans(%2F|\/)seed/, times: 1, action: { kind: 'reset' } },
        { match: /^POST \/repos\/[^/]+\/[^/]+\/issues\/7\/comments$/, times: 2, action: { kind: 'reset' } },
      ],
    );
    const result = await run(state);
    expectCompleteRun(state, result);
    expect(proxy!.events.filter((e) => e.startsWith('reset'))).toHaveLength(3);
    expect(result.stdout).toMatch(/GitHub request POST \/repos\/octo-org\/plans-repo\/issues\/7\/comments failed: .*; retrying/);
  });

  it('an answer that comes after the time limit is abandoned and the request retried', async () => {
    const state = await setUp(
      [],
      [
        { match: /^GET \/repos\/[^/]+\/[^/]+\/pulls\/7\/files$/, times: 1, action: { kind: 'delay', ms: 4000 } },
        { match: /^GET \/repos\/[^/]+\/[^/]+\/issues\/7\/comments$/, times: 1, action: { kind: 'delay', ms: 4000 } },
      ],
    );
    const started = Date.now();
    const result = await run(state, { PARALLEL_PLAN_CHECK_REQUEST_TIMEOUT_MS: '500' });
    expectCompleteRun(state, result);
    expect(result.stdout).toContain('GitHub request GET /repos/octo-org/plans-repo/pulls/7/files failed: no answer within 0.5 s; retrying');
    expect(result.stdout).toContain('GitHub request GET /repos/octo-org/plans-repo/issues/7/comments failed: no answer within 0.5 s');
    // the delayed answers were never waited for (each would have taken 4 s)
    expect(Date.now() - started).toBeLessThan(7_500);
  });
});

describe('an outage longer than the retries', () => {
  it('the comment cannot be posted: the check runs still are, the verdict output is still true, the job fails and says why', async () => {
    // only a plan that passes or warns: the job would succeed, were it not for the outage
    const small = { 'plans/small.plan.yaml': PLANS['plans/small.plan.yaml']! };
    const verdict = verifyPlanText('plans/small.plan.yaml', small['plans/small.plan.yaml'], () => ({ error: 'none' })).verdict;
    expect(['pass', 'warn']).toContain(verdict);
    const state = await setUp([{ operationId: 'issues/create-comment', status: 503, times: 100 }], [], small);
    const result = await run(state);
    expect(state.rejected).toEqual([]);
    // 1 attempt + 3 retries, then the action moves on
    expect(statuses(state, 'issues/create-comment')).toEqual([503, 503, 503, 503]);
    expect(state.comments).toHaveLength(0);
    expect(state.checkRuns).toHaveLength(1);
    expect(result.outputs.verdict).toBe(verdict);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/::error::.*parallel-plan-check: could not post 1 result\(s\) to GitHub/);
    expect(result.stdout).toMatch(/GitHub refused or failed to take the pull request comment/);
    expect(result.summary).toContain('plans/small.plan.yaml');
  });
});

describe('rate limits', () => {
  it.each([403, 429])('the primary rate limit (%i, x-ratelimit-remaining 0) is waited out until its reset', async (status) => {
    const reset = String(Math.ceil(Date.now() / 1000) + 2);
    const state = await setUp([
      {
        operationId: 'checks/create',
        status,
        times: 1,
        headers: { 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset, 'x-ratelimit-resource': 'core' },
        body: {
          message: 'API rate limit exceeded for installation ID 1.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
        },
      },
    ]);
    const result = await run(state);
    expectCompleteRun(state, result);
    expect(statuses(state, 'checks/create')).toEqual([status, 201, 201]);
    expect(result.stdout).toMatch(/GitHub primary rate limit on POST \/repos\/\{owner\}\/\{repo\}\/check-runs: retrying after \d+ s/);
  });

  it('the secondary rate limit (429 with retry-after) on the comment is waited out', async () => {
    const state = await setUp([
      {
        operationId: 'issues/create-comment',
        status: 429,
        times: 2,
        headers: { 'retry-after': '30' },
        body: {
          message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
        },
      },
    ]);
    const result = await run(state);
    expectCompleteRun(state, result);
    const attempts = state.requests.filter((r) => r.operationId === 'issues/create-comment');
    expect(attempts.map((r) => r.status)).toEqual([429, 429, 201]);
    // retry-after 30 (s) at the runner's 5 ms per second: each wait at least 150 ms
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(150);
    expect(result.stdout.match(/GitHub secondary rate limit on POST .*comments: retrying after 30 s/g)).toHaveLength(2);
  });
});

describe('the comment changes under the action', () => {
  it('a comment deleted between listing and editing is created again: still exactly one', async () => {
    const state = await setUp();
    await run(state);
    expect(state.comments).toHaveLength(1);
    const firstId = state.comments[0]!.id;
    proxy!.rules.push({
      match: /^PATCH \/repos\/[^/]+\/[^/]+\/issues\/comments\/\d+$/,
      times: 1,
      action: { kind: 'before', run: () => void state.comments.splice(0) },
    });
    state.checkRuns.splice(0);
    const result = await run(state);
    expectCompleteRun(state, result);
    expect(statuses(state, 'issues/update-comment')).toEqual([404]);
    expect(state.comments[0]!.id).not.toBe(firstId);
    expect(result.stdout).toContain('Pull request comment: created');
  });
});
