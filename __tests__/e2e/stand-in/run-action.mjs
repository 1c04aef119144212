// Runs the bundled action (dist/index.js) the way a GitHub runner does: environment variables
// for the event, repository, workspace, API URL, step files and INPUT_* inputs. Used by the
// e2e tests, `npm run demo` and the benchmark.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFolder } from './run-folders.mjs';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The bundle GitHub runs; E2E_ACTION_BUNDLE may point at another build of it (local iterations). */
export const ACTION_BUNDLE = process.env.E2E_ACTION_BUNDLE || join(REPO_ROOT, 'dist', 'index.js');
/**
 * The node that runs the bundles (dist/index.js, dist/cli.js) in the tests: PPC_TEST_NODE, e.g. a
 * Node 24 binary for the runtime action.yml declares (.ci/run), else the node running the tests.
 */
export const BUNDLE_NODE = process.env.PPC_TEST_NODE || process.execPath;
const examples = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', '@octokit', 'webhooks-examples', 'api.github.com', 'index.json'), 'utf8'));

/**
 * A real `pull_request` payload from @octokit/webhooks-examples, adapted to the test repository.
 * `fork: true` derives a fork's payload (no example comes from a fork): the head repository
 * differs from the base and is marked as a fork.
 */
export function pullRequestPayload({ owner, repo, number, headSha, baseSha, changedFiles, action = 'synchronize', fork = false }) {
  const event = examples.find((e) => e.name === 'pull_request');
  const example = event.examples.find((e) => e.action === action) ?? event.examples.find((e) => e.action === 'opened');
  const payload = structuredClone(example);
  const fullName = `${owner}/${repo}`;
  payload.number = number;
  payload.repository = { ...payload.repository, name: repo, full_name: fullName, owner: { ...payload.repository.owner, login: owner } };
  const pr = payload.pull_request;
  pr.number = number;
  pr.changed_files = changedFiles;
  pr.base = { ...pr.base, sha: baseSha, repo: { ...payload.repository } };
  const headRepo = fork
    ? { ...payload.repository, name: repo, full_name: `contributor/${repo}`, fork: true, owner: { ...payload.repository.owner, login: 'contributor' } }
    : { ...payload.repository };
  pr.head = { ...pr.head, sha: headSha, repo: headRepo, label: `${headRepo.owner.login}:feature` };
  return payload;
}

/** A `push` payload (the fields the action reads; GitHub's carries many more). */
export function pushPayload({ owner, repo, after }) {
  return { ref: 'refs/heads/main', before: '0'.repeat(40), after, repository: { name: repo, full_name: `${owner}/${repo}`, owner: { login: owner } } };
}

/** Reads the GITHUB_OUTPUT file format (name<<delimiter ... delimiter). */
export function parseOutputFile(text) {
  const outputs = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i].match(/^([^<=]+)<<(.+)$/);
    if (!m) continue;
    const value = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
    outputs[m[1]] = value.join('\n');
  }
  return outputs;
}

/**
 * Runs `node dist/index.js`. `workspace` is a folder (created when absent); `checkedOut` writes a
 * .git/HEAD there pointing at that SHA, as actions/checkout leaves it. The run's temporary folder
 * (event, step files, runner temp, and the workspace when none is given) stays until
 * removeRunFolders() (run-folders.mjs).
 */
export async function runAction({
  apiUrl,
  token,
  owner,
  repo,
  eventName,
  payload,
  inputs = {},
  workspace,
  checkedOut,
  files = {},
  env = {},
  timeoutMs = 30_000,
}) {
  const dir = runFolder();
  const ws = workspace ?? join(dir, 'workspace');
  mkdirSync(ws, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(ws, path)), { recursive: true });
    writeFileSync(join(ws, path), text);
  }
  if (checkedOut) {
    mkdirSync(join(ws, '.git'), { recursive: true });
    writeFileSync(join(ws, '.git', 'HEAD'), `${checkedOut}\n`);
  }
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(payload));
  const outputPath = join(dir, 'output');
  const summaryPath = join(dir, 'summary.md');
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const runnerTemp = join(dir, 'runner-temp');
  mkdirSync(runnerTemp);
  const inputEnv = Object.fromEntries(Object.entries({ 'github-token': token, ...inputs }).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]));
  const childEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: `${owner}/${repo}`,
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_WORKSPACE: ws,
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_SHA: payload?.after ?? 'e'.repeat(40),
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    RUNNER_TEMP: runnerTemp,
    PARALLEL_PLAN_CHECK_RETRY_BASE_MS: '5',
    PARALLEL_PLAN_CHECK_WRITE_INTERVAL_MS: '0',
    ...inputEnv,
    ...env,
  };
  const started = Date.now();
  const child = spawn(BUNDLE_NODE, [ACTION_BUNDLE], { env: childEnv, cwd: ws, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exitCode = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  }).finally(() => clearTimeout(timer));
  return {
    exitCode,
    stdout,
    stderr,
    startedAt: started,
    wallMs: Date.now() - started,
    outputs: parseOutputFile(readFileSync(outputPath, 'utf8')),
    summary: existsSync(summaryPath) ? readFileSync(summaryPath, 'utf8') : '',
    workspace: ws,
  };
}

/**
 * Runs the bundle on pull request `number` of the stand-in's repository: the API URL, the token,
 * the owner and repo come from `state`, the payload from `pull` (pullRequestPayload's fields).
 */
export function runPullRequest(apiUrl, state, pull, options = {}) {
  return runAction({
    apiUrl,
    token: state.token,
    owner: state.owner,
    repo: state.repo,
    eventName: 'pull_request',
    payload: pullRequestPayload({ owner: state.owner, repo: state.repo, ...pull }),
    ...options,
  });
}

/** The workflow-command annotations in a run's stdout: ::error file=...,line=...::message */
export function annotationsIn(stdout) {
  const found = [];
  for (const line of stdout.split('\n')) {
    const m = line.match(/^::(error|warning|notice)(?: ([^:]*))?::(.*)$/);
    if (!m) continue;
    const props = Object.fromEntries(
      (m[2] ?? '')
        .split(',')
        .filter(Boolean)
        .map((kv) => {
          const at = kv.indexOf('=');
          return [kv.slice(0, at), decodeURIComponent(kv.slice(at + 1).replace(/%2C/g, ','))];
        }),
    );
    found.push({ level: m[1], ...props, message: m[3].replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%') });
  }
  return found;
}
