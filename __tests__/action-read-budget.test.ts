// What one run may ask of GitHub (src/action/read-budget.ts, octokit.ts): at most 600 reads through
// the contents API, past which a read is refused with an error naming the file and the job fails;
// and no rate-limit wait longer than two minutes. Before: a pull request of plans importing 16
// distinct files each spent the token's hour on reads (68 per plan), and every later request
// waited 3,601 s for the limit to reset, three times.
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, MAX_RATE_LIMIT_WAIT_S } from '../src/action/octokit.js';
import type { FileSource } from '../src/action/file-source.js';
import { budgetedSource, MAX_CONTENT_READS_PER_RUN, maxReadsFromEnv, readBudget, readBudgetFailure } from '../src/action/read-budget.js';
import { createState, startStandIn, type StandIn } from './e2e/stand-in/server.mjs';

let server: StandIn | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the contents-API read budget', () => {
  it('600 reads by default; the test hook may only lower it', () => {
    expect(MAX_CONTENT_READS_PER_RUN).toBe(600);
    expect(maxReadsFromEnv({})).toBe(600);
    expect(maxReadsFromEnv({ PARALLEL_PLAN_CHECK_MAX_READS: '50' })).toBe(50);
    expect(maxReadsFromEnv({ PARALLEL_PLAN_CHECK_MAX_READS: '100000' })).toBe(600);
    expect(maxReadsFromEnv({ PARALLEL_PLAN_CHECK_MAX_READS: 'lots' })).toBe(600);
  });

  it('past the budget a read makes no request and names the file; the run has a reason to fail', async () => {
    const asked: string[] = [];
    const source: FileSource = {
      label: 'x',
      async read(path) {
        asked.push(path);
        return { text: path };
      },
    };
    const budget = readBudget(2);
    const head = budgetedSource(source, budget);
    const base = budgetedSource(source, budget);
    expect(await head.read('a', 10)).toEqual({ text: 'a' });
    expect(await base.read('b', 10)).toEqual({ text: 'b' });
    expect(readBudgetFailure(budget)).toBeNull();
    const refused = await head.read('c', 10);
    expect(refused).toHaveProperty('error');
    expect((refused as { error: string }).error).toMatch(/^c was not read: this run used its 2 reads through GitHub's contents API/);
    expect(asked).toEqual(['a', 'b']);
    expect(readBudgetFailure(budget)).toMatch(/used its 2 reads .* and 1 more were refused/);
  });
});

describe('rate-limit waits are capped', () => {
  it(`gives up at once on a primary rate limit that resets in an hour (over ${MAX_RATE_LIMIT_WAIT_S} s), and says so`, async () => {
    const state = createState();
    server = await startStandIn(state);
    const logs: string[] = [];
    // one second of GitHub's time = 20 ms here: the hour would be 72 s per wait
    const octokit = createClient({ token: state.token, baseUrl: server.url, retryBaseMs: 20, writeIntervalMs: 0, log: (m) => logs.push(m) });
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    state.faults.push({
      operationId: 'issues/list-comments',
      status: 403,
      times: 100,
      headers: { 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      body: { message: 'API rate limit exceeded for installation ID 1.' },
    });
    const started = Date.now();
    await expect(octokit.rest.issues.listComments({ owner: state.owner, repo: state.repo, issue_number: 1 })).rejects.toMatchObject({ status: 403 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(state.requests.filter((r) => r.operationId === 'issues/list-comments')).toHaveLength(1);
    expect(logs.join('\n')).toMatch(/primary rate limit on GET .*: it resets in 360\d s, longer than the 120 s this action waits; giving up/);
  });

  it('still waits out a short one', async () => {
    const state = createState();
    server = await startStandIn(state);
    const logs: string[] = [];
    const octokit = createClient({ token: state.token, baseUrl: server.url, retryBaseMs: 1, writeIntervalMs: 0, log: (m) => logs.push(m) });
    state.faults.push({
      operationId: 'issues/list-comments',
      status: 429,
      times: 1,
      headers: { 'retry-after': '60' },
      body: { message: 'You have exceeded a secondary rate limit.' },
    });
    await octokit.rest.issues.listComments({ owner: state.owner, repo: state.repo, issue_number: 1 });
    expect(logs.join('\n')).toMatch(/secondary rate limit on GET .*: retrying after 60 s/);
  });
});
