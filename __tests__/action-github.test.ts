// The action's GitHub calls in-process against the stand-in server (which validates each request
// against GitHub's published schemas): check runs with more than 50 annotations, the sticky
// comment's recovery paths, and the client's retry settings.
import { afterEach, describe, expect, it } from 'vitest';
import type { Check, PlanReport } from '../src/core/index.js';
import { createCheckRun, ANNOTATIONS_PER_REQUEST } from '../src/action/check-runs.js';
import { createClient, isPermissionDenied, stopMessage, timingFromEnv } from '../src/action/octokit.js';
import { upsertStickyComment } from '../src/action/sticky-comment.js';
import { commentMarker } from '../src/action/comment-body.js';
import { createState, startStandIn, type StandIn } from './e2e/stand-in/server.mjs';

let server: StandIn | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function client() {
  const state = createState();
  server = await startStandIn(state);
  const logs: string[] = [];
  const octokit = createClient({ token: state.token, baseUrl: server.url, retryBaseMs: 1, writeIntervalMs: 0, log: (m) => logs.push(m) });
  return { state, octokit, logs };
}

const failing = (n: number): PlanReport => ({
  file: 'plans/many.plan.yaml',
  name: 'many',
  verdict: 'fail',
  metrics: null,
  errors: [],
  checks: Array.from({ length: n }, (_, i): Check => ({ id: `c.${i}`, status: 'fail', title: `Check ${i}`, detail: 'too much', line: i + 1, path: `c.${i}` })),
});

describe('createCheckRun', () => {
  it('sends 50 annotations with the check run and the rest in updates, all on the head SHA', async () => {
    const { state, octokit } = await client();
    const head = 'c'.repeat(40);
    await createCheckRun(octokit, {
      owner: state.owner,
      repo: state.repo,
      headSha: head,
      checkName: 'ppc',
      plan: failing(120),
      failOn: 'fail',
      summary: '## many',
      detailsUrl: null,
    });
    expect(state.rejected).toEqual([]);
    expect(state.checkRuns).toHaveLength(1);
    const run = state.checkRuns[0]!;
    expect(run.requests).toBe(Math.ceil(120 / ANNOTATIONS_PER_REQUEST));
    expect(run.output.annotations.map((a) => a.start_line)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(run).toMatchObject({ name: 'ppc / plans/many.plan.yaml', head_sha: head, conclusion: 'failure' });
  });

  it('is refused by the stand-in, as by GitHub, if it sent 51 annotations at once', async () => {
    const { state, octokit } = await client();
    const annotations = Array.from({ length: 51 }, (_, i) => ({
      path: 'a',
      start_line: i + 1,
      end_line: i + 1,
      annotation_level: 'failure' as const,
      message: 'x',
    }));
    await expect(
      octokit.rest.checks.create({
        owner: state.owner,
        repo: state.repo,
        name: 'x',
        head_sha: 'c'.repeat(40),
        status: 'completed',
        conclusion: 'failure',
        output: { title: 't', summary: 's', annotations },
      }),
    ).rejects.toMatchObject({ status: 422 });
    expect(state.rejected[0]!.reason).toMatch(/maxItems|must NOT have more than 50 items/);
  });
});

const BOT = 'github-actions[bot]';

describe('upsertStickyComment', () => {
  const marker = commentMarker('ppc');
  const options = { body: `${marker}\nreport`, digest: 'd', onlyOnChange: false, createIfMissing: true };

  it('creates the comment again when it vanished between listing and editing', async () => {
    const { state, octokit } = await client();
    const now = new Date().toISOString();
    state.comments.push({
      id: 5,
      issue_number: 1,
      body: `${marker}\nold`,
      user: { login: 'github-actions[bot]', type: 'Bot' },
      created_at: now,
      updated_at: now,
    });
    // Someone deletes it just as the action edits it: the edit gets 404.
    state.beforeHandle = (operationId) => {
      if (operationId === 'issues/update-comment') state.comments.splice(0, state.comments.length);
    };
    const result = await upsertStickyComment(octokit, { owner: state.owner, repo: state.repo, issueNumber: 1, marker, author: BOT }, options);
    expect(result.outcome).toBe('created');
    expect(state.comments.map((c) => c.body)).toContain(`${marker}\nreport`);
    expect(state.rejected).toEqual([]);
  });

  it('deletes duplicates left by earlier races and keeps the oldest', async () => {
    const { state, octokit } = await client();
    const now = new Date().toISOString();
    for (const id of [9, 3, 7])
      state.comments.push({
        id,
        issue_number: 1,
        body: `${marker}\n${id}`,
        user: { login: 'github-actions[bot]', type: 'Bot' },
        created_at: now,
        updated_at: now,
      });
    const result = await upsertStickyComment(octokit, { owner: state.owner, repo: state.repo, issueNumber: 1, marker, author: BOT }, options);
    expect(result).toEqual({ outcome: 'updated', id: 3 });
    expect(state.comments.map((c) => [c.id, c.body])).toEqual([[3, `${marker}\nreport`]]);
  });

  it('finds its comment past the first page of a long discussion', async () => {
    const { state, octokit } = await client();
    const now = new Date().toISOString();
    for (let id = 1; id <= 150; id++)
      state.comments.push({ id, issue_number: 1, body: `review ${id}`, user: { login: `dev${id}`, type: 'User' }, created_at: now, updated_at: now });
    state.comments.push({
      id: 151,
      issue_number: 1,
      body: `${marker}\nold`,
      user: { login: 'github-actions[bot]', type: 'Bot' },
      created_at: now,
      updated_at: now,
    });
    const result = await upsertStickyComment(octokit, { owner: state.owner, repo: state.repo, issueNumber: 1, marker, author: BOT }, options);
    expect(result).toEqual({ outcome: 'updated', id: 151 });
    expect(state.requests.filter((r) => r.operationId === 'issues/list-comments')).toHaveLength(2);
    expect(state.comments).toHaveLength(151);
  });

  const other = (id: number, login: string, body: string) => ({
    id,
    issue_number: 1,
    body,
    user: { login, type: 'Bot' },
    created_at: new Date().toISOString(),
    updated_at: new Date().toISOString(),
  });

  it("never edits or deletes another bot's comment, even one that starts with the marker", async () => {
    const { state, octokit } = await client();
    state.comments.push(
      other(2, 'security-scanner[bot]', `Scan: quoting the description\n> ${marker}`),
      other(3, 'copycat[bot]', `${marker}\n✅ pass (a copy of our hidden lines above a fake verdict)`),
      other(4, BOT, `${marker}\nold report`),
      other(5, 'review-bot[bot]', `the diff adds\n\`\`\`\n${marker}\n\`\`\``),
    );
    const before = structuredClone(state.comments.filter((c) => c.id !== 4));
    const result = await upsertStickyComment(octokit, { owner: state.owner, repo: state.repo, issueNumber: 1, marker, author: BOT }, options);
    expect(result).toEqual({ outcome: 'updated', id: 4 });
    expect(state.comments.filter((c) => c.id !== 4)).toEqual(before);
    expect(state.comments.find((c) => c.id === 4)?.body).toBe(`${marker}\nreport`);
    expect(state.requests.filter((r) => r.operationId === 'issues/delete-comment')).toHaveLength(0);
  });

  it('takes no comment for ours while its login is unknown: it creates one, learns the login from it, and keeps the oldest of its own', async () => {
    const { state, octokit } = await client();
    state.comments.push(other(3, 'copycat[bot]', `${marker}\nfake`), other(4, BOT, `${marker}\nold report`));
    const result = await upsertStickyComment(octokit, { owner: state.owner, repo: state.repo, issueNumber: 1, marker, author: null }, options);
    // its own new comment lost to its own older one, which now holds the report; the copycat's is untouched
    expect(result).toEqual({ outcome: 'updated', id: 4 });
    expect(state.comments.map((c) => [c.id, c.body])).toEqual([
      [3, `${marker}\nfake`],
      [4, `${marker}\nreport`],
    ]);
  });

  it('reports a read-only token as permission denied, not as a failure to retry', async () => {
    const { state, octokit } = await client();
    state.readOnly = true;
    const error = await upsertStickyComment(octokit, { owner: state.owner, repo: state.repo, issueNumber: 1, marker, author: BOT }, options).catch(
      (e: unknown) => e,
    );
    expect(isPermissionDenied(error)).toBe(true);
    expect(state.requests.filter((r) => r.operationId === 'issues/create-comment')).toHaveLength(1);
  });
});

describe('a token GitHub refuses', () => {
  it('names the github-token input in the line the run stops with, not only "Bad credentials"', async () => {
    const state = createState();
    server = await startStandIn(state);
    const octokit = createClient({ token: 'ghs_revokedToken', baseUrl: server.url, retryBaseMs: 1, writeIntervalMs: 0, log: () => {} });
    const error = await octokit.rest.pulls.listFiles({ owner: state.owner, repo: state.repo, pull_number: 7 }).catch((e: unknown) => e);
    const line = stopMessage(error);
    expect(line).toContain('401');
    expect(line).toContain('github-token input');
    expect(line).not.toContain('ghs_revokedToken');
    // any other error keeps its own message
    expect(stopMessage(new Error("input 'fail-on' must be one of fail, warn, never; got 'x'"))).toBe(
      "input 'fail-on' must be one of fail, warn, never; got 'x'",
    );
  });
});

describe('client settings', () => {
  it("reads the test hooks for back-off and write spacing, defaulting to GitHub's one second", () => {
    expect(timingFromEnv({})).toEqual({ retryBaseMs: 1000, writeIntervalMs: 1000 });
    expect(timingFromEnv({ PARALLEL_PLAN_CHECK_RETRY_BASE_MS: '5', PARALLEL_PLAN_CHECK_WRITE_INTERVAL_MS: '0' })).toEqual({
      retryBaseMs: 5,
      writeIntervalMs: 0,
    });
    expect(timingFromEnv({ PARALLEL_PLAN_CHECK_RETRY_BASE_MS: 'soon' })).toEqual({ retryBaseMs: 1000, writeIntervalMs: 1000 });
  });

  it('tells a permission refusal from a rate limit', () => {
    expect(isPermissionDenied({ status: 403, message: 'Resource not accessible by integration' })).toBe(true);
    expect(isPermissionDenied({ status: 403, message: 'You have exceeded a secondary rate limit' })).toBe(false);
    expect(isPermissionDenied({ status: 500, message: 'x' })).toBe(false);
  });

  it('gives up on a server error after its retries, with back-off between them', async () => {
    const { state, octokit } = await client();
    state.faults.push({ operationId: 'issues/list-comments', status: 503, times: 10 });
    await expect(octokit.rest.issues.listComments({ owner: state.owner, repo: state.repo, issue_number: 1 })).rejects.toMatchObject({ status: 503 });
    const attempts = state.requests.filter((r) => r.operationId === 'issues/list-comments');
    expect(attempts).toHaveLength(4); // the first try and 3 retries
  });
});

describe('the stand-in itself refuses what GitHub refuses', () => {
  const call = (url: string, init: RequestInit = {}) => fetch(url, { ...init, headers: { 'user-agent': 'test', ...(init.headers ?? {}) } });

  it('an unknown route, a wrong method, a bad token, a missing User-Agent, a bad parameter or body', async () => {
    const state = createState();
    server = await startStandIn(state);
    const auth = { authorization: `token ${state.token}` };
    const base = `${server.url}/repos/${state.owner}/${state.repo}`;
    expect((await call(`${base}/nothing-here`, { headers: auth })).status).toBe(404);
    expect((await call(`${base}/issues/1/comments`, { method: 'PUT', headers: auth })).status).toBe(404);
    expect((await call(`${base}/issues/1/comments`, { headers: { authorization: 'token wrong' } })).status).toBe(401);
    expect((await fetch(`${base}/issues/1/comments`, { headers: { ...auth, 'user-agent': '' } })).status).toBe(403);
    expect((await call(`${base}/issues/one/comments`, { headers: auth })).status).toBe(404);
    expect((await call(`${base}/issues/1/comments?per_page=many`, { headers: auth })).status).toBe(422);
    const post = (body: unknown) =>
      call(`${base}/issues/1/comments`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ text: 'hello' })).status).toBe(422);
    expect((await post({ body: 'x'.repeat(65_537) })).status).toBe(422);
    expect(state.rejected).toHaveLength(8);
    expect((await post({ body: 'hello' })).status).toBe(201);
    expect(state.comments.map((c) => c.body)).toEqual(['hello']);
  });
});
