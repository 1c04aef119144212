// The attacker review's findings against the bundled action (dist/index.js) and the GitHub
// stand-in: one plan cannot sink the run (a reference path the URL encoder throws on, a read
// GitHub keeps refusing); each finding's test names what held before the fix.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/index.js';
import { FAILING_PLAN, VALID_PLAN, llama8bConfig } from '../fixtures/hostile/cases.js';
import { scratchFolder } from '../scratch.js';
import { ensureFreshBundle } from './bundle.js';
import { addCommit, createState, startStandIn, type StandIn, type StandInState } from './stand-in/server.mjs';
import { runPullRequest, type ActionRun } from './stand-in/run-action.mjs';

const HEAD = '6'.repeat(40);
const BASE = '5'.repeat(40);
const MARKER = '<!-- parallel-plan-check:sticky check-name="parallel-plan-check" -->';

let server: StandIn | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
beforeAll(() => ensureFreshBundle(), 180_000);

interface PullRequest {
  head: Record<string, string>;
  base?: Record<string, string>;
  /** the changed files; default: every file of `head`, added */
  files?: { filename: string; status: 'added' | 'modified' }[];
  setup?: (state: StandInState) => void;
  env?: Record<string, string>;
  inputs?: Record<string, string>;
  /** files of a checkout of HEAD (the run reads the workspace); default: no checkout */
  workspace?: Record<string, string>;
}

function checkout(files: Record<string, string>): string {
  const root = scratchFolder('ppc-run-ws-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function pullRequest(pr: PullRequest): Promise<{ state: StandInState; result: ActionRun; report: Report | null }> {
  const state = createState();
  addCommit(state, HEAD, pr.head);
  addCommit(state, BASE, pr.base ?? {});
  const files = pr.files ?? Object.keys(pr.head).map((filename) => ({ filename, status: 'added' as const }));
  state.pulls.set(9, { files });
  pr.setup?.(state);
  server = await startStandIn(state);
  const result = await runPullRequest(
    server.url,
    state,
    { number: 9, headSha: HEAD, baseSha: BASE, changedFiles: files.length },
    {
      timeoutMs: 120_000,
      ...(pr.env ? { env: pr.env } : {}),
      ...(pr.inputs ? { inputs: pr.inputs } : {}),
      ...(pr.workspace ? { workspace: checkout(pr.workspace), checkedOut: HEAD } : {}),
    },
  );
  const path = result.outputs['report-json'];
  const report = path ? (JSON.parse(readFileSync(path, 'utf8')) as Report) : null;
  return { state, result, report };
}

const verdicts = (report: Report | null) => Object.fromEntries((report?.plans ?? []).map((p) => [p.file, p.verdict]));

describe('one plan cannot sink the run', () => {
  it('a reference path with a lone surrogate is that plan\'s error; the others are verified and posted (before: "URI malformed", nothing posted)', async () => {
    const head = {
      'plans/a-failing.plan.yaml': FAILING_PLAN,
      'plans/b-valid.plan.yaml': VALID_PLAN,
      'plans/c-hostile.plan.yaml': VALID_PLAN.replace('  preset: llama-3.1-8b', '  hf_config: "x\\ud800.json"'),
    };
    const { state, result, report } = await pullRequest({ head });
    expect(state.rejected).toEqual([]);
    expect(result.stdout).not.toContain('URI malformed');
    expect(verdicts(report)).toEqual({ 'plans/a-failing.plan.yaml': 'fail', 'plans/b-valid.plan.yaml': 'pass', 'plans/c-hostile.plan.yaml': 'error' });
    const hostile = report?.plans.find((p) => p.file === 'plans/c-hostile.plan.yaml');
    expect(hostile?.errors[0]?.message).toMatch(/not well-formed Unicode/);
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]?.body.startsWith(MARKER)).toBe(true);
    expect(state.checkRuns).toHaveLength(3);
    expect(result.exitCode).toBe(1);
    // no request was made for the lone-surrogate path
    expect(state.requests.filter((r) => r.operationId === 'repos/get-content').map((r) => r.path)).not.toContainEqual(expect.stringContaining('x%'));
  });

  it('a reference GitHub keeps refusing (502 after the retries) costs only its plan, and the job fails saying so', async () => {
    const head = {
      'plans/a-valid.plan.yaml': VALID_PLAN,
      'plans/b-config.plan.yaml': VALID_PLAN.replace('  preset: llama-3.1-8b', '  hf_config: config.json'),
      'plans/config.json': '{}',
    };
    const { state, result, report } = await pullRequest({
      head,
      files: [
        { filename: 'plans/a-valid.plan.yaml', status: 'added' },
        { filename: 'plans/b-config.plan.yaml', status: 'added' },
      ],
      inputs: { 'fail-on': 'never' },
      setup: (s) => s.faults.push({ operationId: 'repos/get-content', status: 502, times: 100, pathIncludes: 'plans/config.json' }),
    });
    expect(verdicts(report)).toEqual({ 'plans/a-valid.plan.yaml': 'pass', 'plans/b-config.plan.yaml': 'error' });
    const failed = report?.plans.find((p) => p.file === 'plans/b-config.plan.yaml');
    expect(failed?.errors[0]?.message).toBe('plans/b-config.plan.yaml could not be verified: GitHub answered 502 to a read, after its retries.');
    expect(state.comments).toHaveLength(1);
    expect(state.checkRuns).toHaveLength(2);
    // its check run says it was not verified, not that it is an invalid plan
    const run = state.checkRuns.find((c) => c.name.endsWith('b-config.plan.yaml'));
    expect(run?.output.title).toBe('Not verified: 1 error');
    expect(run?.output.summary).toContain('**Not verified**');
    expect(run?.output.summary).not.toContain('Not a valid plan');
    // even with fail-on: never, a plan not verified for GitHub's sake fails the job: it was never seen
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/::error::.*1 plan\(s\) could not be verified, for a reason not in the plan \(plans\/b-config\.plan\.yaml\)/);
  });
});

describe('memory', () => {
  it('24 plans importing the same 16 files of 4 MiB verify in a 320 MB heap (before: every plan kept its 64 MiB of imports, the heap ran out)', async () => {
    const big = `a: ${'x'.repeat(4 * 1024 * 1024 - 10)}\n`;
    const workspace: Record<string, string> = {};
    for (let i = 0; i < 16; i++) workspace[`shared/f${i}.yaml`] = big;
    const from = Array.from({ length: 16 }, (_, i) => `../shared/f${i}.yaml`).join(', ');
    const head: Record<string, string> = {};
    for (let p = 0; p < 24; p++) head[`plans/p${String(p).padStart(2, '0')}.plan.yaml`] = `${FAILING_PLAN}\ndeployment:\n  engine: vllm\n  from: [${from}]\n`;
    head['plans/z-valid.plan.yaml'] = VALID_PLAN;
    const { state, result, report } = await pullRequest({
      head,
      workspace: { ...workspace, ...head },
      env: { NODE_OPTIONS: '--max-old-space-size=320' },
    });
    expect(result.stderr).not.toMatch(/heap out of memory/);
    expect(report?.plans).toHaveLength(25);
    // each plan fails closed on its imports (a YAML file over 1 MiB), with its own error
    expect(report?.plans.filter((p) => p.verdict === 'error')).toHaveLength(24);
    expect(verdicts(report)['plans/z-valid.plan.yaml']).toBe('pass');
    expect(state.comments).toHaveLength(1);
    expect(state.checkRuns).toHaveLength(25);
  }, 120_000);
});

/** Plans that each import 16 files of their own (each naming a --config): 34 reads a plan, at the head and at the base. */
function amplifyingPlans(count: number): Record<string, string> {
  const head: Record<string, string> = {};
  const config = llama8bConfig();
  for (let p = 0; p < count; p++) {
    const from = Array.from({ length: 16 }, (_, i) => `s${i}.sh`).join(', ');
    head[`plans/p${p}/x.plan.yaml`] =
      `${VALID_PLAN.replace('model:\n  preset: llama-3.1-8b\n', 'model:\n  hf_config: config.json\n')}\ndeployment:\n  engine: vllm\n  from: [${from}]\n`;
    head[`plans/p${p}/config.json`] = config;
    for (let i = 0; i < 16; i++) head[`plans/p${p}/s${i}.sh`] = `vllm serve meta-llama/Llama-3.1-8B --config c${i}.yaml\n`;
    for (let i = 0; i < 16; i++) head[`plans/p${p}/c${i}.yaml`] = 'tensor-parallel-size: 1\n';
  }
  return head;
}

describe("what one run may ask of GitHub's API", () => {
  it('reads through the contents API stop at the budget: the plans past it fail closed, the job fails and says why (before: 68 reads a plan, no limit)', async () => {
    const head = amplifyingPlans(4);
    const files = Object.keys(head)
      .filter((f) => f.endsWith('.plan.yaml'))
      .map((filename) => ({ filename, status: 'modified' as const }));
    const { state, result, report } = await pullRequest({ head, base: head, files, env: { PARALLEL_PLAN_CHECK_MAX_READS: '100' } });
    expect(state.rejected).toEqual([]);
    const reads = state.requests.filter((r) => r.operationId === 'repos/get-content');
    expect(reads.length).toBeLessThanOrEqual(100);
    expect(report?.plans).toHaveLength(4);
    const refused =
      report?.plans.filter((p) => p.errors.some((e) => /was not read: this run used its 100 reads through GitHub's contents API/.test(e.message))) ?? [];
    expect(refused.length).toBeGreaterThan(0);
    // fail closed: a plan missing a file for the budget's sake is not verified, even where a missing engine config is a warning
    for (const plan of refused) expect(plan.verdict).toBe('error');
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]?.body).toContain('more were refused');
    expect(state.checkRuns).toHaveLength(4);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/::error::.*This run used its 100 reads through GitHub's contents API and \d+ more were refused/);
  });

  it('a spent primary rate limit (reset in an hour) ends the run in seconds, failing and saying why (before: 3,601 s per request)', async () => {
    const head = amplifyingPlans(2);
    const files = Object.keys(head)
      .filter((f) => f.endsWith('.plan.yaml'))
      .map((filename) => ({ filename, status: 'modified' as const }));
    const started = Date.now();
    const { state, result } = await pullRequest({
      head,
      base: head,
      files,
      setup: (s) => {
        s.beforeHandle = () => {
          if (s.requests.length <= 40 || s.faults.length > 0) return;
          const reset = String(Math.floor(Date.now() / 1000) + 3600);
          for (const operationId of ['repos/get-content', 'checks/create', 'issues/create-comment', 'issues/list-comments', 'issues/update-comment'])
            s.faults.push({
              operationId,
              status: 403,
              times: 1e9,
              headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-limit': '1000', 'x-ratelimit-reset': reset },
              body: { message: 'API rate limit exceeded for installation ID 1.' },
            });
        };
      },
    });
    // one second of GitHub's time is 5 ms here: one wait for the reset would be 18 s, and there were dozens
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(state.rejected).toEqual([]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/it resets in 36\d\d s, longer than the 120 s this action waits; giving up/);
    expect(result.stdout).toMatch(/::error::.*could not be verified, for a reason not in the plan/);
    expect(result.stdout).toMatch(/GitHub refused or failed to take the pull request comment/);
  }, 60_000);
});

describe('the sticky comment is ours by its author, not by its marker alone', () => {
  const now = new Date().toISOString();
  const bot = (login: string) => ({ login, id: 1, type: 'Bot' });
  const comment = (id: number, login: string, body: string) => ({ id, issue_number: 9, body, user: bot(login), created_at: now, updated_at: now });
  const head = { 'plans/a.plan.yaml': FAILING_PLAN };

  it("other bots' comments quoting the marker are left as they are; ours is edited (before: the scanner's was overwritten, ours and the reviewer's deleted)", async () => {
    const others = [
      comment(400, 'security-scanner[bot]', `**Security scan**: no secrets found.\n\nQuoted from the PR description:\n> ${MARKER}`),
      comment(600, 'review-bot[bot]', `**Review**: the diff adds\n\`\`\`\n${MARKER}\n\`\`\``),
      comment(700, 'copycat[bot]', `${MARKER}\n✅ **parallel-plan-check: pass**`),
    ];
    const { state, result } = await pullRequest({
      head,
      setup: (s) => s.comments.push(...structuredClone(others), comment(500, 'github-actions[bot]', `${MARKER}\nold report`)),
    });
    expect(state.rejected).toEqual([]);
    for (const c of others) expect(state.comments.find((x) => x.id === c.id)).toEqual(c);
    const ours = state.comments.find((c) => c.id === 500);
    expect(ours?.body).toContain('plans/a.plan.yaml');
    expect(state.comments).toHaveLength(4);
    expect(state.requests.filter((r) => r.operationId === 'issues/delete-comment')).toHaveLength(0);
    expect(result.stdout).toContain('Pull request comment: updated (id 500)');
  });

  it('with comment: on-change, a copy of our hidden lines above a fake pass by another bot is not taken for ours (before: it stood as the report)', async () => {
    const first = await pullRequest({ head });
    const hidden = (first.state.comments[0]?.body ?? '')
      .split('\n')
      .filter((l) => l.startsWith('<!-- parallel-plan-check:'))
      .join('\n');
    await server?.close();
    server = undefined;
    const fake = comment(400, 'some-bot[bot]', `${hidden}\n✅ **parallel-plan-check: pass**: all plans pass, nothing to review.`);
    const { state } = await pullRequest({ head, inputs: { comment: 'on-change' }, setup: (s) => s.comments.push(structuredClone(fake)) });
    expect(state.comments.find((c) => c.id === 400)).toEqual(fake);
    const ours = state.comments.filter((c) => c.user.login === 'github-actions[bot]');
    expect(ours).toHaveLength(1);
    expect(ours[0]?.body).toContain('fail');
  });

  it('when GitHub will not say who the token is, no existing comment is touched but one of its own, learnt from the comment it creates', async () => {
    const { state, result } = await pullRequest({
      head,
      setup: (s) => {
        s.faults.push({ operationId: 'graphql', status: 502, times: 100 });
        s.comments.push(comment(300, 'copycat[bot]', `${MARKER}\nfake`), comment(500, 'github-actions[bot]', `${MARKER}\nold report`));
      },
    });
    expect(result.stdout).toContain('GitHub did not say which login this token posts as');
    expect(state.comments.map((c) => c.id)).toEqual([300, 500]);
    expect(state.comments[0]?.body).toBe(`${MARKER}\nfake`);
    expect(state.comments[1]?.body).toContain('plans/a.plan.yaml');
  });
});

describe('file names that hide characters', () => {
  it('are shown escaped in the log, the annotations, the failure line, check-run names and the comment (before: raw in all but the markdown, and zero-width ones there too)', async () => {
    const rlo = 'plans/prod\u202Elmay.txt.plan.yaml';
    const zero = 'plans/a\u200Bb\u00ADc\u2060d\uFEFFe.plan.yaml';
    const head: Record<string, string> = { [rlo]: FAILING_PLAN, [zero]: FAILING_PLAN };
    for (let i = 0; i < 12; i++) head[`plans/z${i}.plan.yaml`] = FAILING_PLAN; // so that "N more errors" names files too
    const { state, result } = await pullRequest({ head });
    expect(state.rejected).toEqual([]);
    const RAW = /[\u00AD\u200B\u2060\uFEFF\u202E]/;
    for (const line of result.stdout.split('\n')) {
      // an annotation's file property stays the file's own name: GitHub matches it to the diff
      const shown = line.replace(/([:,]file=)[^,:]*/g, '$1');
      expect(shown, JSON.stringify(line)).not.toMatch(RAW);
    }
    expect(result.stdout).toMatch(
      /::error::parallel-plan-check: 14 of 14 plans failed \(plans\/a\\u200bb\\xadc\\u2060d\\ufeffe\.plan\.yaml, plans\/prod\\u202elmay\.txt\.plan\.yaml/,
    );
    const names = state.checkRuns.map((c) => c.name);
    expect(names).toContain('parallel-plan-check / plans/prod\\u202elmay.txt.plan.yaml');
    for (const name of names) expect(name).not.toMatch(RAW);
    for (const run of state.checkRuns) for (const a of run.output.annotations) expect(`${a.title} ${a.message}`).not.toMatch(RAW);
    const body = state.comments[0]?.body ?? '';
    expect(body).not.toContain('a\u200Bb');
    expect(body).not.toMatch(/[\u00AD\u2060\uFEFF\u202E]/);
  });
});

describe('the changed-file list and the commit read', () => {
  it("fails when GitHub's list is of a newer head than the event's (before: passed, the plan the event's commit changed never seen)", async () => {
    const NEWER = '7'.repeat(40);
    // the event's commit changes a plan that fails; a later push reverted it, so GitHub's list (of the head now) leaves it out
    const head = { 'plans/a-failing.plan.yaml': FAILING_PLAN, 'plans/b-valid.plan.yaml': VALID_PLAN };
    const { state, result, report } = await pullRequest({
      head,
      files: [{ filename: 'plans/b-valid.plan.yaml', status: 'added' }],
      setup: (s) => {
        const pull = s.pulls.get(9)!;
        pull.headSha = NEWER;
      },
    });
    expect(state.rejected).toEqual([]);
    expect(verdicts(report)).toEqual({ 'plans/b-valid.plan.yaml': 'pass' });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/::error::.*GitHub listed the changed files of commit 7777777, not of 6666666, the commit this run verifies/);
    expect(state.comments[0]?.body).toContain('the pull request moved on after the event');
  });

  it('passes as before when the list is of the same head', async () => {
    const { result } = await pullRequest({
      head: { 'plans/b-valid.plan.yaml': VALID_PLAN },
      setup: (s) => {
        s.pulls.get(9)!.headSha = HEAD;
      },
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toContain('GitHub listed the changed files of commit');
  });
});

describe('the search for plans importing a changed file', () => {
  it('a plan GitHub will not give fails the search closed; the run still verifies and posts (before: the run ended at that read)', async () => {
    const importing = `${VALID_PLAN}\ndeployment:\n  engine: vllm\n  from: [../k8s/x.yaml]\n`;
    const head = {
      'plans/a.plan.yaml': importing,
      'plans/b.plan.yaml': VALID_PLAN,
      'plans/c.plan.yaml': VALID_PLAN,
      'k8s/x.yaml': 'kind: ConfigMap\n',
    };
    const { state, result, report } = await pullRequest({
      head,
      base: head,
      files: [
        { filename: 'plans/c.plan.yaml', status: 'modified' },
        { filename: 'k8s/x.yaml', status: 'modified' },
      ],
      setup: (s) => s.faults.push({ operationId: 'repos/get-content', status: 502, times: 100, pathIncludes: 'plans/b.plan.yaml' }),
    });
    expect(state.rejected).toEqual([]);
    expect(Object.keys(verdicts(report)).sort()).toEqual(['plans/a.plan.yaml', 'plans/c.plan.yaml']);
    expect(state.comments).toHaveLength(1);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/::error::.*1 unchanged plans could not be read for the search \(plans\/b\.plan\.yaml\)/);
  });
});
