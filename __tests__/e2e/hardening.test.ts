// Issue 16's attack cases against the bundled action (dist/index.js) and the local GitHub stand-in,
// and the bundled CLI (dist/cli.js): a plan that is a symbolic link to the checkout's .git/config
// (which holds its credential) or to an .env; file names that carry workflow commands; a pull
// request of 3,001 files whose failing plan GitHub leaves out of the list; and each input that
// once stalled a check. What must hold: no secret in any output (comment, job summary, check runs
// and their annotations, the log, the output files, the CLI), no workflow command from data, the
// job fails on the plan GitHub did not list, and every hostile input is verified or refused in 5 s.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/index.js';
import { FAILING_PLAN, VALID_PLAN } from '../fixtures/hostile/cases.js';
import { DOT_ENV, leakedSecret, secretCheckout } from '../fixtures/hostile/secrets.js';
import { scratchFolder } from '../scratch.js';
import { planPathOf, slowInputs } from '../fixtures/hostile/slow-inputs.js';
import { ensureFreshBundle } from './bundle.js';
import { addCommit, createState, startStandIn, type StandIn, type StandInState } from './stand-in/server.mjs';
import { pullRequestPayload, REPO_ROOT, runAction, runPullRequest, type ActionRun } from './stand-in/run-action.mjs';

const HEAD = '6'.repeat(40);
const BASE = '5'.repeat(40);

let server: StandIn | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
beforeAll(() => ensureFreshBundle(), 180_000);

type Files = Record<string, string | { symlink: string }>;

/** A pull request that adds `changed` (or the given file list) at HEAD, run on the bundled action. */
async function pullRequest(
  head: Files,
  options: { changed?: string[]; changedFiles?: number; workspace?: string; truncatedTree?: boolean; env?: Record<string, string> } = {},
): Promise<{ state: StandInState; result: ActionRun }> {
  const state = createState();
  addCommit(state, HEAD, head);
  addCommit(state, BASE, {});
  if (options.truncatedTree) state.truncatedTrees.add(HEAD);
  const changed = options.changed ?? Object.keys(head);
  state.pulls.set(9, { files: changed.map((filename) => ({ filename, status: 'added' as const })) });
  server = await startStandIn(state);
  const result = await runPullRequest(
    server.url,
    state,
    { number: 9, headSha: HEAD, baseSha: BASE, changedFiles: options.changedFiles ?? changed.length },
    {
      ...(options.workspace ? { workspace: options.workspace, checkedOut: HEAD } : {}),
      ...(options.env ? { env: options.env } : {}),
      timeoutMs: 120_000,
    },
  );
  return { state, result };
}

/** Everything the action left for people to read: comments, summary, check runs, log, output files. */
function everyOutput(state: StandInState, result: ActionRun): Record<string, string> {
  const out: Record<string, string> = {
    comments: state.comments.map((c) => c.body).join('\n'),
    'check runs': JSON.stringify(state.checkRuns),
    'job summary': result.summary,
    stdout: result.stdout,
    stderr: result.stderr,
    outputs: JSON.stringify(result.outputs),
  };
  for (const key of ['report-json', 'report-markdown']) {
    const path = result.outputs[key];
    if (path) out[key] = readFileSync(path, 'utf8');
  }
  return out;
}

function expectNoSecret(outputs: Record<string, string>): void {
  for (const [where, text] of Object.entries(outputs)) expect(leakedSecret(text), where).toBeNull();
}

function reportOf(result: ActionRun): Report {
  return JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8')) as Report;
}

/** The secret checkout, with a valid plan and plans that name ../.env and ../.git/config. */
function secretWorkspace(): string {
  const root = secretCheckout('ppc-harden-ws-');
  writeFileSync(join(root, 'plans', 'valid.plan.yaml'), VALID_PLAN);
  writeFileSync(join(root, 'plans', 'reference.plan.yaml'), VALID_PLAN.replace('  preset: llama-3.1-8b', '  hf_config: ../.env'));
  writeFileSync(join(root, 'plans', 'import.plan.yaml'), `${VALID_PLAN}\ndeployment:\n  engine: vllm\n  from: ../.env\n`);
  writeFileSync(join(root, 'plans', 'dotgit.plan.yaml'), VALID_PLAN.replace('  preset: llama-3.1-8b', '  hf_config: ../.git/config'));
  return root;
}

const SECRET_PLANS = [
  'plans/valid.plan.yaml',
  'plans/git-config.plan.yaml',
  'plans/dotenv.plan.yaml',
  'plans/reference.plan.yaml',
  'plans/import.plan.yaml',
  'plans/dotgit.plan.yaml',
];

describe('no secret leaves through a plan', () => {
  it('from the checked-out workspace: links refused, .git never read, the FIFO refused, nothing quoted, in any output', async () => {
    const workspace = secretWorkspace();
    const head: Files = {
      'plans/valid.plan.yaml': VALID_PLAN,
      'plans/git-config.plan.yaml': { symlink: '../.git/config' },
      'plans/dotenv.plan.yaml': { symlink: '../.env' },
      'plans/reference.plan.yaml': readFileSync(join(workspace, 'plans', 'reference.plan.yaml'), 'utf8'),
      'plans/import.plan.yaml': readFileSync(join(workspace, 'plans', 'import.plan.yaml'), 'utf8'),
      'plans/dotgit.plan.yaml': readFileSync(join(workspace, 'plans', 'dotgit.plan.yaml'), 'utf8'),
      'plans/fifo.plan.yaml': 'version: 1\n',
    };
    const { state, result } = await pullRequest(head, { workspace });
    expect(state.rejected).toEqual([]);
    expect(result.stdout).toContain('Reading plans from the workspace');
    expectNoSecret(everyOutput(state, result));
    const report = reportOf(result);
    const error = (file: string) => report.plans.find((p) => p.file === file)?.errors[0]?.message;
    expect(error('plans/git-config.plan.yaml')).toBe('plans/git-config.plan.yaml is a symbolic link; links are not followed');
    expect(error('plans/dotenv.plan.yaml')).toBe('plans/dotenv.plan.yaml is a symbolic link; links are not followed');
    expect(error('plans/fifo.plan.yaml')).toBe('plans/fifo.plan.yaml is a FIFO (named pipe), not a regular file');
    expect(error('plans/dotgit.plan.yaml')).toMatch(/'\.\.\/\.git\/config' is inside \.git, which is never read/);
    expect(report.plans.find((p) => p.file === 'plans/valid.plan.yaml')?.verdict).toBe('pass');
    expect(result.exitCode).toBe(1);
    expect(result.wallMs).toBeLessThan(5000 + 2000); // the run: node's start, GitHub's answers, seven plans
  });

  it("through the contents API: GitHub's links are refused the same way", async () => {
    const head: Files = {
      'plans/valid.plan.yaml': VALID_PLAN,
      '.env': DOT_ENV,
      // a link GitHub resolves (to a file of the repository) and one it cannot (out of it)
      'plans/dotenv.plan.yaml': { symlink: '../.env' },
      'plans/outside.plan.yaml': { symlink: '../../.git/config' },
    };
    const { state, result } = await pullRequest(head, { changed: ['plans/valid.plan.yaml', 'plans/dotenv.plan.yaml', 'plans/outside.plan.yaml'] });
    expect(state.rejected).toEqual([]);
    expectNoSecret(everyOutput(state, result));
    const report = reportOf(result);
    expect(report.plans.find((p) => p.file === 'plans/dotenv.plan.yaml')?.errors[0]?.message).toBe(
      'plans/dotenv.plan.yaml is a symbolic link (to another file of the repository); links are not followed',
    );
    expect(report.plans.find((p) => p.file === 'plans/outside.plan.yaml')?.errors[0]?.message).toBe(
      'plans/outside.plan.yaml is a symbolic link; links are not followed',
    );
    expect(result.exitCode).toBe(1);
  });

  it('the bundled CLI on the same checkout: every format, no secret', () => {
    const workspace = secretWorkspace();
    for (const format of ['text', 'markdown', 'json']) {
      const run = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), 'verify', ...SECRET_PLANS, 'plans/fifo.plan.yaml', '--format', format], {
        cwd: workspace,
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.status, format).toBe(2); // files that are not valid plans
      expect(leakedSecret(run.stdout + run.stderr), format).toBeNull();
      expect(run.stdout).toContain('symbolic link');
    }
  });
});

describe('no workflow command from data', () => {
  const INJECTED = [
    'plans/a\n::warning file=README.md,line=1::injected warning\n.plan.yaml',
    'plans/b\n::add-mask::Verdict\n.plan.yaml',
    'plans/c\r\n::error::injected error\r\n.plan.yaml',
    'plans/d\n##[error]legacy command\n.plan.yaml',
    'plans/e\u202Elmay.exe.plan.yaml',
  ];

  it('file names with newlines and commands are logged escaped and shown inert', async () => {
    const head: Files = Object.fromEntries(INJECTED.map((name, i) => [name, i === 1 ? FAILING_PLAN : VALID_PLAN]));
    const { state, result } = await pullRequest(head);
    expect(state.rejected).toEqual([]);
    const lines = result.stdout.split(/\r?\n|\r/);
    // the only commands are the action's own: its token's mask, and annotations on real plans
    const commands = lines.filter((l) => l.startsWith('::') || l.startsWith('##['));
    expect(commands.filter((l) => l.startsWith('::add-mask::'))).toEqual([`::add-mask::${state.token}`]);
    expect(commands.some((l) => /injected|legacy command/.test(l) && !/ file=plans/.test(l))).toBe(false);
    expect(lines.some((l) => l.startsWith('::warning file=README.md'))).toBe(false);
    expect(lines.some((l) => l.startsWith('::error::injected'))).toBe(false);
    expect(lines.some((l) => l.startsWith('##[error]'))).toBe(false);
    expect(lines.some((l) => l.startsWith('::add-mask::Verdict'))).toBe(false);
    // the names are in the log, escaped as command data is
    expect(result.stdout).toContain('plans/a%0A::warning file=README.md,line=1::injected warning%0A.plan.yaml');
    expect(result.stdout).toContain('plans/e\\u202elmay.exe.plan.yaml');
    // and in the comment, inert: no raw bidi control, no line break of their own
    const body = state.comments[0]!.body;
    expect(body).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(body).toContain('plans/e\\\\u202elmay.exe.plan.yaml');
    expect(result.exitCode).toBe(1); // plans/b fails
  });
});

describe('fail closed on a pull request GitHub lists only in part', () => {
  /** 3,000 other files, then a failing plan GitHub's list of 3,000 leaves out. */
  function bigPullRequest(): { head: Files; changed: string[] } {
    const head: Files = {};
    const changed: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const path = `docs/page-${String(i).padStart(4, '0')}.md`;
      head[path] = `page ${i}\n`;
      changed.push(path);
    }
    head['plans/unlisted-failing.plan.yaml'] = FAILING_PLAN;
    head['plans/untouched.plan.yaml'] = VALID_PLAN;
    changed.push('plans/unlisted-failing.plan.yaml');
    return { head, changed };
  }

  it("3,001 files, the failing plan not in GitHub's list: every plan at the head is verified, the job fails", async () => {
    const { head, changed } = bigPullRequest();
    const { state, result } = await pullRequest(head, { changed });
    expect(state.rejected).toEqual([]);
    const listed = state.requests.filter((r) => r.operationId === 'pulls/list-files');
    expect(listed.length).toBe(30); // 3,000 files, 100 a page: the stand-in stops where GitHub does
    const report = reportOf(result);
    expect(report.plans.map((p) => [p.file, p.verdict])).toEqual([
      ['plans/unlisted-failing.plan.yaml', 'fail'],
      ['plans/untouched.plan.yaml', 'pass'],
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/GitHub listed 3000 of the 3001 files .* every plan at the head commit is verified instead: 2 plans/);
    expect(state.comments[0]!.body).toContain('unlisted-failing.plan.yaml');
  });

  it('and when GitHub truncates the tree too, the job fails and says why', async () => {
    const { head, changed } = bigPullRequest();
    const { result } = await pullRequest(head, { changed, truncatedTree: true });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(
      /::error::parallel-plan-check: .*GitHub listed 3000 of the 3001 files.*cut its listing of the repository's tree.*short.*so the job fails/,
    );
  });
});

describe('every slow input is verified or refused in at most 5 s', () => {
  for (const input of slowInputs()) {
    it(input.name, async () => {
      const workspace = scratchFolder('ppc-slow-ws-');
      const plan = planPathOf(input);
      const files: Record<string, string> = { [plan]: input.plan };
      if (input.parser !== 'plan') files[input.file] = input.text;
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(workspace, path)), { recursive: true });
        writeFileSync(join(workspace, path), text);
      }
      // the stand-in holds only the plan (it would send the 4 MiB inputs base64 on every read)
      const { result } = await pullRequest({ [plan]: input.plan }, { workspace, changed: [plan] });
      const report = reportOf(result);
      expect(report.plans).toHaveLength(1);
      expect(['pass', 'warn', 'fail', 'error']).toContain(report.plans[0]!.verdict);
      expect(result.wallMs, `${result.wallMs} ms`).toBeLessThanOrEqual(5000);
    });
  }
});

describe('pull_request_target', () => {
  async function target(checkedOut: string): Promise<ActionRun> {
    const state = createState();
    addCommit(state, HEAD, { 'plans/valid.plan.yaml': VALID_PLAN });
    addCommit(state, BASE, {});
    state.pulls.set(9, { files: [{ filename: 'plans/valid.plan.yaml', status: 'added' }] });
    server = await startStandIn(state);
    const workspace = scratchFolder('ppc-target-ws-');
    mkdirSync(join(workspace, 'plans'));
    writeFileSync(join(workspace, 'plans', 'valid.plan.yaml'), VALID_PLAN);
    return runAction({
      apiUrl: server.url,
      token: state.token,
      owner: state.owner,
      repo: state.repo,
      eventName: 'pull_request_target',
      payload: pullRequestPayload({ owner: state.owner, repo: state.repo, number: 9, headSha: HEAD, baseSha: BASE, changedFiles: 1 }),
      workspace,
      checkedOut,
      // under pull_request_target, GITHUB_SHA is the base branch's last commit
      env: { GITHUB_SHA: BASE },
    });
  }

  it("warns when the pull request's head is checked out, and not when the base branch is", async () => {
    const head = await target(HEAD);
    expect(head.stdout).toMatch(/^::warning::This job runs on pull_request_target with commit 6666666 checked out, not the base branch's\. .*README/m);
    expect(head.exitCode).toBe(0);
    await server?.close();
    server = undefined;
    const base = await target(BASE);
    expect(base.stdout).not.toContain('pull_request_target');
    expect(base.exitCode).toBe(0);
  });
});
