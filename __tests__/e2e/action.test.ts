// End-to-end: the bundled action (node dist/index.js), started as a GitHub runner starts it, with a
// real pull_request payload (@octokit/webhooks-examples) against a local stand-in for the REST API
// that validates every request against GitHub's published OpenAPI schemas and keeps state.
// Expected verdicts come from the core run in-process on the same files, never typed in here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyPlanText, type PlanReport } from '../../src/core/index.js';
import { formatQuantity } from '../../src/report/format.js';
import { ensureFreshBundle } from './bundle.js';
import { addCommit, createState, startStandIn, type ChangedFile, type StandIn, type StandInState } from './stand-in/server.mjs';
import { annotationsIn, pullRequestPayload, REPO_ROOT, runAction, type ActionRun } from './stand-in/run-action.mjs';

const HEAD = '1'.repeat(40);
const BASE = '2'.repeat(40);
const example = (name: string) => readFileSync(join(REPO_ROOT, 'examples', name), 'utf8');
const SEED = example('seed.plan.yaml');
const SMALL = example('llama-3.1-8b-1xh100.plan.yaml');
const MARKER = '<!-- parallel-plan-check:sticky check-name="parallel-plan-check" -->';

/** The core's verdict on a file, computed here so the tests never restate it. */
function coreReport(file: string, text: string, files: Record<string, string> = {}): PlanReport {
  return verifyPlanText(file, text, (planFile, ref) => {
    const path = join(planFile, '..', ref).replace(/\\/g, '/');
    return path in files ? { text: files[path] as string } : { error: 'missing' };
  });
}

let server: StandIn | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

beforeAll(() => ensureFreshBundle(), 120_000);

interface Scenario {
  head: Record<string, string>;
  base?: Record<string, string>;
  files: ChangedFile[];
  number?: number;
  fork?: boolean;
}

async function setUp(s: Scenario): Promise<StandInState> {
  const state = createState();
  addCommit(state, HEAD, s.head);
  addCommit(state, BASE, s.base ?? {});
  state.pulls.set(s.number ?? 7, { files: s.files });
  server = await startStandIn(state);
  return state;
}

function run(
  state: StandInState,
  options: {
    inputs?: Record<string, string>;
    fork?: boolean;
    changedFiles?: number;
    checkedOut?: string;
    files?: Record<string, string>;
    env?: Record<string, string>;
  } = {},
): Promise<ActionRun> {
  const pull = state.pulls.get(7);
  return runAction({
    apiUrl: (server as StandIn).url,
    token: state.token,
    owner: state.owner,
    repo: state.repo,
    eventName: 'pull_request',
    payload: pullRequestPayload({
      owner: state.owner,
      repo: state.repo,
      number: 7,
      headSha: HEAD,
      baseSha: BASE,
      changedFiles: options.changedFiles ?? pull?.files.length ?? 0,
      fork: options.fork ?? false,
    }),
    ...(options.inputs ? { inputs: options.inputs } : {}),
    ...(options.checkedOut ? { checkedOut: options.checkedOut } : {}),
    ...(options.files ? { files: options.files } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
}

/** Everything the stand-in refused: must stay empty, since the action must only send what GitHub accepts. */
function expectNoRejections(state: StandInState): void {
  expect(state.rejected).toEqual([]);
}

function requestsOf(state: StandInState, operationId: string) {
  return state.requests.filter((r) => r.operationId === operationId);
}

describe('pull request: the sticky comment', () => {
  it('creates the comment on the first run and edits the same comment on the second', async () => {
    const state = await setUp({
      head: { 'plans/seed.plan.yaml': SEED, 'plans/small.plan.yaml': SMALL, 'README.md': '# hi' },
      base: { 'plans/seed.plan.yaml': SEED },
      files: [
        { filename: 'plans/seed.plan.yaml', status: 'modified' },
        { filename: 'plans/small.plan.yaml', status: 'added' },
        { filename: 'README.md', status: 'modified' },
      ],
    });
    const first = await run(state);
    expectNoRejections(state);
    expect(state.comments).toHaveLength(1);
    const comment = state.comments[0]!;
    expect(comment.body.startsWith(MARKER)).toBe(true);
    expect(comment.user.type).toBe('Bot');

    const seed = coreReport('plans/seed.plan.yaml', SEED);
    const small = coreReport('plans/small.plan.yaml', SMALL);
    const worst = [seed.verdict, small.verdict].includes('fail') ? 'fail' : small.verdict;
    expect(first.outputs.verdict).toBe(worst);
    expect(first.exitCode).toBe(worst === 'fail' ? 1 : 0);
    expect(Number(first.outputs['plans-failed'])).toBe([seed, small].filter((p) => p.verdict === 'fail').length);

    // One check run per plan, on the head SHA (not GITHUB_SHA), none for the README.
    expect(state.checkRuns.map((c) => c.name).sort()).toEqual(['parallel-plan-check / plans/seed.plan.yaml', 'parallel-plan-check / plans/small.plan.yaml']);
    for (const c of state.checkRuns) expect(c.head_sha).toBe(HEAD);
    const seedRun = state.checkRuns.find((c) => c.name.endsWith('seed.plan.yaml'))!;
    expect(seedRun.conclusion).toBe(seed.verdict === 'fail' ? 'failure' : seed.verdict === 'pass' ? 'success' : 'neutral');
    const failing = seed.checks.filter((c) => c.status === 'fail');
    expect(
      seedRun.output.annotations
        .filter((a) => a.annotation_level === 'failure')
        .map((a) => a.start_line)
        .sort(),
    ).toEqual(failing.map((c) => c.line).sort());

    // The second run finds the comment by its marker and edits it: still one, same id.
    const second = await run(state);
    expectNoRejections(state);
    expect(second.exitCode).toBe(first.exitCode);
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]!.id).toBe(comment.id);
    expect(requestsOf(state, 'issues/update-comment')).toHaveLength(1);
    expect(requestsOf(state, 'issues/create-comment')).toHaveLength(1);
  });

  it('shows the seed plan failing, and why, with its numbers, in the first screen of the comment', async () => {
    const state = await setUp({ head: { 'seed.plan.yaml': SEED }, files: [{ filename: 'seed.plan.yaml', status: 'added' }] });
    await run(state);
    const seed = coreReport('seed.plan.yaml', SEED);
    const body = state.comments[0]!.body;
    const firstScreen = body.slice(0, 2500);
    // the decisive reason with its numbers in the first three visible lines (hidden markers aside)
    const firstLines = body
      .split('\n')
      .filter((l) => !l.startsWith('<!--'))
      .slice(0, 3)
      .join('\n');
    const claim = coreReport('seed.plan.yaml', SEED).checks.find((c) => c.id === 'claims.throughput')!;
    expect(firstLines).toContain(`claims 850k tokens/s; the physical ceiling on 4 × 64 GB at 1.8 TB/s is ${formatQuantity(claim.limit, 'tokens/s')}`);
    // the footer names the base and head commits and that the comment edits itself
    expect(body).toMatch(/base 2222222 (\([^)]*\) )?→ head 1111111 · this comment is edited in place on every push/);
    expect(firstScreen).toMatch(/\*\*[^*]*: fail\*\*/);
    for (const id of ['claims.throughput', 'claims.compute_utilization']) {
      const check = seed.checks.find((c) => c.id === id)!;
      expect(check.status).toBe('fail');
      expect(firstScreen).toContain(id);
    }
    // the figures: the claimed rate and the bound it breaks, in tokens/s with a k suffix
    expect(firstScreen).toContain(`${Math.round(seed.checks.find((c) => c.id === 'claims.throughput')!.value! / 1000)}k tokens/s`);
  });

  it('adds a folded Alternatives section for a failing plan (issue 4), and leaves it out with alternatives: false', async () => {
    const state = await setUp({ head: { 'seed.plan.yaml': SEED }, files: [{ filename: 'seed.plan.yaml', status: 'added' }] });
    await run(state);
    const body = state.comments[0]!.body;
    // inside the plan's own section, naming the plan
    const section = body.slice(body.indexOf('### ❌ moe-10b-on-4-gpus'));
    expect(section).toMatch(/<details>\s*<summary>💡 Alternatives for moe-10b-on-4-gpus<\/summary>/);
    // The seed's shape is unknown: the section lists layouts that only the bound constrains.
    expect(section.slice(section.indexOf('Alternatives for'))).toMatch(/bound|possible/i);
    const quiet = await setUp({ head: { 'seed.plan.yaml': SEED }, files: [{ filename: 'seed.plan.yaml', status: 'added' }] });
    await run(quiet, { inputs: { alternatives: 'false' } });
    expect(quiet.comments[0]!.body).not.toContain('Alternatives');
  });

  it('recreates the comment when someone deleted it', async () => {
    const state = await setUp({ head: { 'a.plan.yaml': SMALL }, files: [{ filename: 'a.plan.yaml', status: 'added' }] });
    await run(state);
    const firstId = state.comments[0]!.id;
    state.comments.splice(0, state.comments.length);
    await run(state);
    expectNoRejections(state);
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]!.id).not.toBe(firstId);
    expect(state.comments[0]!.body.startsWith(MARKER)).toBe(true);
  });

  it("ignores a person's comment that quotes the marker, and edits only on change with comment: on-change", async () => {
    const state = await setUp({ head: { 'a.plan.yaml': SMALL }, files: [{ filename: 'a.plan.yaml', status: 'added' }] });
    const now = new Date().toISOString();
    state.comments.push({ id: 1, issue_number: 7, body: `look: ${MARKER}`, user: { login: 'mallory', type: 'User' }, created_at: now, updated_at: now });
    await run(state, { inputs: { comment: 'on-change' } });
    await run(state, { inputs: { comment: 'on-change' } });
    expectNoRejections(state);
    expect(state.comments.map((c) => c.user.type).sort()).toEqual(['Bot', 'User']);
    expect(state.comments.find((c) => c.id === 1)!.body).toBe(`look: ${MARKER}`);
    expect(requestsOf(state, 'issues/create-comment')).toHaveLength(1);
    expect(requestsOf(state, 'issues/update-comment')).toHaveLength(0);
  });

  it('with comment: on-change, stays silent when no plan moved by min-change against the base', async () => {
    // the head changes a comment line only: same figures as the base (no requirements: a plan
    // that fails is never folded, whatever changed)
    const calm = SMALL.replace(/\nrequirements:[\s\S]*$/, '\n');
    expect(coreReport('plans/a.plan.yaml', calm).verdict).not.toBe('fail');
    const edited = `# reworded\n${calm}`;
    const state = await setUp({
      head: { 'plans/a.plan.yaml': edited },
      base: { 'plans/a.plan.yaml': calm },
      files: [{ filename: 'plans/a.plan.yaml', status: 'modified' }],
    });
    await run(state, { inputs: { comment: 'on-change' } });
    expectNoRejections(state);
    expect(state.comments).toHaveLength(0);
    // with comment: always the same run posts, and folds the unchanged plan into one line
    await run(state);
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]!.body).toMatch(
      /<details><summary>1 unchanged plan \(no figure moved 1% or more against [^)]*\): (✅|⚠️) llama-3.1-8b-1xh100<\/summary>/,
    );
  });

  it('keeps an existing comment current when a later push leaves no plan changed', async () => {
    const state = await setUp({ head: { 'a.plan.yaml': SMALL }, files: [{ filename: 'a.plan.yaml', status: 'added' }] });
    await run(state);
    state.pulls.set(7, { files: [{ filename: 'README.md', status: 'modified' }] });
    const result = await run(state);
    expectNoRejections(state);
    expect(result.exitCode).toBe(0);
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]!.body).toContain('No plan file changed');
  });

  it("shortens a comment over GitHub's 65,536 characters, keeps what fails, and points to the job summary", async () => {
    const head: Record<string, string> = { 'plans/seed.plan.yaml': SEED };
    const files: ChangedFile[] = [{ filename: 'plans/seed.plan.yaml', status: 'added' }];
    for (const name of ['deepseek-v3-fp8-8xh200', 'llama-3.1-70b-8xh100-tp8', 'mixtral-8x7b-2xa100-tp2', 'llama-3.1-8b-1xh100']) {
      for (let i = 0; i < 8; i++) {
        head[`plans/${name}-${i}.plan.yaml`] = example(`${name}.plan.yaml`);
        files.push({ filename: `plans/${name}-${i}.plan.yaml`, status: 'added' });
      }
    }
    const state = await setUp({ head, files });
    const result = await run(state);
    expectNoRejections(state);
    const body = state.comments[0]!.body;
    const full = readFileSync(result.outputs['report-markdown']!, 'utf8');
    expect(full.length).toBeGreaterThan(65_536);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain('Shortened to fit');
    expect(body).toContain('claims.throughput');
    expect(result.summary.length).toBeGreaterThanOrEqual(full.length);
    expect(state.checkRuns).toHaveLength(files.length);
  });

  it('keeps one comment per check name, and posts none with comment: never', async () => {
    const state = await setUp({ head: { 'a.plan.yaml': SMALL }, files: [{ filename: 'a.plan.yaml', status: 'added' }] });
    await run(state, { inputs: { 'check-name': 'plans-h100' } });
    await run(state, { inputs: { 'check-name': 'plans-h200' } });
    await run(state, { inputs: { 'check-name': 'plans-h100' } });
    expectNoRejections(state);
    expect(state.comments).toHaveLength(2);
    expect(state.comments.map((c) => c.body.split('\n')[0]).sort()).toEqual([
      '<!-- parallel-plan-check:sticky check-name="plans-h100" -->',
      '<!-- parallel-plan-check:sticky check-name="plans-h200" -->',
    ]);
    expect(new Set(state.checkRuns.map((c) => c.name))).toEqual(new Set(['plans-h100 / a.plan.yaml', 'plans-h200 / a.plan.yaml']));
    const before = state.requests.length;
    await run(state, { inputs: { 'check-name': 'plans-h300', comment: 'never' } });
    expect(state.requests.slice(before).some((r) => r.operationId?.startsWith('issues/'))).toBe(false);
    expect(state.comments).toHaveLength(2);
  });

  it('leaves one comment when two runs race to create it', async () => {
    const state = await setUp({ head: { 'a.plan.yaml': SMALL }, files: [{ filename: 'a.plan.yaml', status: 'added' }] });
    // Both runs' first look at the comments is answered only once both have asked: neither sees the other's.
    state.barriers.push({ operationId: 'issues/list-comments', parties: 2, timeoutMs: 10_000 });
    const [a, b] = await Promise.all([run(state), run(state)]);
    expectNoRejections(state);
    expect(requestsOf(state, 'issues/create-comment').filter((r) => r.status === 201)).toHaveLength(2);
    expect(state.comments).toHaveLength(1);
    expect(a.exitCode).toBe(b.exitCode);
  });
});

describe('pull request: which files are verified', () => {
  it('reads all three pages of a 250-file pull request and verifies the plans on each', async () => {
    const files: ChangedFile[] = Array.from({ length: 250 }, (_, i) => ({
      filename: `src/file-${String(i).padStart(3, '0')}.ts`,
      status: 'modified' as const,
    }));
    const planAt = [5, 120, 240];
    const head: Record<string, string> = {};
    for (const i of planAt) {
      files[i] = { filename: `plans/p${i}.plan.yaml`, status: 'added' };
      head[`plans/p${i}.plan.yaml`] = SMALL;
    }
    const state = await setUp({ head, files });
    const result = await run(state);
    expectNoRejections(state);
    const pages = requestsOf(state, 'pulls/list-files').map((r) => new URL(r.path, 'http://x').searchParams);
    expect(pages.map((p) => p.get('page') ?? '1')).toEqual(['1', '2', '3']);
    expect(pages.every((p) => p.get('per_page') === '100')).toBe(true);
    expect(state.checkRuns.map((c) => c.name.split(' / ')[1]).sort()).toEqual(planAt.map((i) => `plans/p${i}.plan.yaml`).sort());
    expect(result.stdout).toContain('250 files changed');
  });

  it("warns when GitHub's 3,000-file cap cut the list short", async () => {
    const state = await setUp({ head: { 'a.plan.yaml': SMALL }, files: [{ filename: 'a.plan.yaml', status: 'added' }] });
    const result = await run(state, { changedFiles: 3500 });
    expect(result.summary).toContain('of the 3500 files');
    expect(annotationsIn(result.stdout).some((a) => a.level === 'warning' && a.message.includes('listed 1 of the 3500 files'))).toBe(true);
    expect(state.comments[0]!.body).toContain('3500');
  });

  it('verifies a renamed plan by its new name against its old version, and reports a removed plan as skipped', async () => {
    const baseVersion = SMALL.replace('concurrency: 32', 'concurrency: 16');
    const state = await setUp({
      head: { 'plans/new-name.plan.yaml': SMALL },
      base: { 'plans/old-name.plan.yaml': baseVersion, 'plans/gone.plan.yaml': SMALL },
      files: [
        { filename: 'plans/new-name.plan.yaml', status: 'renamed', previous_filename: 'plans/old-name.plan.yaml' },
        { filename: 'plans/gone.plan.yaml', status: 'removed' },
      ],
    });
    const result = await run(state);
    expectNoRejections(state);
    expect(state.checkRuns.map((c) => c.name)).toEqual(['parallel-plan-check / plans/new-name.plan.yaml']);
    const contentPaths = requestsOf(state, 'repos/get-content').map((r) => decodeURIComponent(r.path));
    expect(contentPaths.some((p) => p.includes('plans/old-name.plan.yaml') && p.includes(`ref=${BASE}`))).toBe(true);
    expect(contentPaths.some((p) => p.includes('gone.plan.yaml'))).toBe(false);
    const body = state.comments[0]!.body;
    expect(body).toContain('Removed by this pull request, not verified: plans/gone.plan.yaml');
    expect(result.stdout).toContain('1 plan removed');
    // The base version was verified too: a figure that changed shows its delta beside it.
    const head = coreReport('plans/new-name.plan.yaml', SMALL);
    const base = coreReport('plans/old-name.plan.yaml', baseVersion);
    if (
      head.metrics?.memory_per_gpu_gib != null &&
      base.metrics?.memory_per_gpu_gib != null &&
      head.metrics.memory_per_gpu_gib !== base.metrics.memory_per_gpu_gib
    ) {
      expect(body).toMatch(/GiB \((🔴|🟢) [\d.]+% (worse|better)\)/);
    }
    expect(body).not.toContain('(new plan)');
  });

  it('says so, posts nothing and passes when no plan changed', async () => {
    const state = await setUp({
      head: { 'README.md': 'x' },
      files: [
        { filename: 'README.md', status: 'modified' },
        { filename: 'notes.yaml', status: 'added' },
      ],
    });
    const result = await run(state);
    expectNoRejections(state);
    expect(result.exitCode).toBe(0);
    expect(result.outputs.verdict).toBe('pass');
    expect(result.outputs['plans-passed']).toBe('0');
    expect(state.comments).toHaveLength(0);
    expect(state.checkRuns).toHaveLength(0);
    expect(result.summary).toContain('No plan files to verify');
  });

  it('reports an invalid plan with an error annotation on its line, and still verifies the valid one', async () => {
    const broken = 'version: 1\nname: broken\nmodel:\n  preset: llama-3.1-8b\n  layerz: 32\n';
    const state = await setUp({
      head: { 'plans/broken.plan.yaml': broken, 'plans/good.plan.yaml': SMALL },
      files: [
        { filename: 'plans/broken.plan.yaml', status: 'added' },
        { filename: 'plans/good.plan.yaml', status: 'added' },
      ],
    });
    const result = await run(state);
    expectNoRejections(state);
    const expected = coreReport('plans/broken.plan.yaml', broken);
    expect(expected.verdict).toBe('error');
    const errorLine = expected.errors[0]!.line;
    expect(errorLine).toBe(5); // `layerz` is on line 5 of the text above
    const annotations = annotationsIn(result.stdout).filter((a) => a.file === 'plans/broken.plan.yaml');
    expect(annotations[0]).toMatchObject({ level: 'error', line: String(errorLine) });
    expect(result.exitCode).toBe(1);
    expect(result.outputs['plans-errored']).toBe('1');
    const good = coreReport('plans/good.plan.yaml', SMALL);
    const goodRun = state.checkRuns.find((c) => c.name.endsWith('good.plan.yaml'))!;
    expect(goodRun.conclusion).toBe(good.verdict === 'pass' ? 'success' : good.verdict === 'warn' ? 'neutral' : 'failure');
    expect(state.comments[0]!.body).toContain('plans/broken.plan.yaml');
    expect(state.comments[0]!.body).toContain(good.name);
    expect(result.stdout).toMatch(/::error::parallel-plan-check: .*could not be read as a plan \(plans\/broken\.plan\.yaml\)/);
  });

  it('reads hf_config from the same commit, and refuses a reference that leaves the repository', async () => {
    const config = readFileSync(join(REPO_ROOT, '__tests__', 'fixtures', 'hf', 'llama-3.1-8b.config.json'), 'utf8');
    const viaConfig = SMALL.replace('preset: llama-3.1-8b', 'hf_config: ../configs/llama.json');
    const escaping = SMALL.replace('preset: llama-3.1-8b', 'hf_config: ../../outside.json');
    const state = await setUp({
      head: { 'plans/hf.plan.yaml': viaConfig, 'configs/llama.json': config, 'plans/escape.plan.yaml': escaping },
      files: [
        { filename: 'plans/hf.plan.yaml', status: 'added' },
        { filename: 'plans/escape.plan.yaml', status: 'added' },
      ],
    });
    const result = await run(state);
    expectNoRejections(state);
    const expected = coreReport('plans/hf.plan.yaml', viaConfig, { 'configs/llama.json': config });
    const json = JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8')) as { plans: PlanReport[] };
    const hf = json.plans.find((p) => p.file === 'plans/hf.plan.yaml')!;
    expect(hf.verdict).toBe(expected.verdict);
    // the JSON carries the ranges inside the metrics (contract v1.1)
    expect(hf.metrics).toEqual({ ...expected.metrics, ranges: expected.ranges });
    const reads = requestsOf(state, 'repos/get-content').map((r) => decodeURIComponent(r.path));
    expect(reads.some((p) => p.includes('configs/llama.json') && p.includes(`ref=${HEAD}`))).toBe(true);
    expect(reads.some((p) => p.includes('outside.json'))).toBe(false);
    const escapingPlan = json.plans.find((p) => p.file === 'plans/escape.plan.yaml')!;
    expect(JSON.stringify(escapingPlan)).toContain('leaves the repository');
  });

  it('reads the plans from the workspace when the head commit is checked out', async () => {
    const state = await setUp({ head: { 'a.plan.yaml': SMALL }, files: [{ filename: 'a.plan.yaml', status: 'added' }] });
    const result = await run(state, { checkedOut: HEAD, files: { 'a.plan.yaml': SMALL } });
    expectNoRejections(state);
    expect(result.stdout).toContain('Reading plans from the workspace');
    expect(requestsOf(state, 'repos/get-content')).toHaveLength(0);
    expect(state.checkRuns).toHaveLength(1);
  });
});

describe('pull request: permissions, failures and limits', () => {
  it('on a fork (read-only token) still verifies, annotates, summarises and sets the result, and says once why nothing was posted', async () => {
    const state = await setUp({ head: { 'seed.plan.yaml': SEED }, files: [{ filename: 'seed.plan.yaml', status: 'added' }] });
    state.readOnly = true;
    const result = await run(state, { fork: true });
    expectNoRejections(state);
    expect(state.comments).toHaveLength(0);
    expect(state.checkRuns).toHaveLength(0);
    expect(requestsOf(state, 'issues/create-comment').map((r) => r.status)).toEqual([403]);
    expect(requestsOf(state, 'checks/create').map((r) => r.status)).toEqual([403]);
    const seed = coreReport('seed.plan.yaml', SEED);
    expect(result.outputs.verdict).toBe(seed.verdict);
    expect(result.exitCode).toBe(seed.verdict === 'fail' ? 1 : 0);
    expect(annotationsIn(result.stdout).filter((a) => a.level === 'error' && a.file === 'seed.plan.yaml').length).toBeGreaterThan(0);
    expect(result.summary).toContain(seed.name);
    expect(result.stdout.match(/Resource not accessible by integration/g)).toHaveLength(1);
    expect(result.stdout).toMatch(/No pull request comment and no check runs posted/);
  });

  it('retries a 502 and then succeeds', async () => {
    const state = await setUp({ head: { 'a.plan.yaml': SMALL }, files: [{ filename: 'a.plan.yaml', status: 'added' }] });
    state.faults.push({ operationId: 'pulls/list-files', status: 502, times: 1 }, { operationId: 'issues/create-comment', status: 502, times: 2 });
    const result = await run(state);
    expectNoRejections(state);
    expect(requestsOf(state, 'pulls/list-files').map((r) => r.status)).toEqual([502, 200]);
    expect(requestsOf(state, 'issues/create-comment').map((r) => r.status)).toEqual([502, 502, 201]);
    expect(state.comments).toHaveLength(1);
    expect(result.exitCode).toBe(coreReport('a.plan.yaml', SMALL).verdict === 'fail' ? 1 : 0);
  });

  it('waits out a secondary rate limit for the retry-after it is given', async () => {
    const state = await setUp({ head: { 'a.plan.yaml': SMALL }, files: [{ filename: 'a.plan.yaml', status: 'added' }] });
    state.faults.push({
      operationId: 'checks/create',
      status: 403,
      times: 1,
      headers: { 'retry-after': '40' },
      body: {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
      },
    });
    const result = await run(state, { env: { PARALLEL_PLAN_CHECK_RETRY_BASE_MS: '5' } });
    expectNoRejections(state);
    const attempts = requestsOf(state, 'checks/create');
    expect(attempts.map((r) => r.status)).toEqual([403, 201]);
    // retry-after 40 (s) at the test's 5 ms per second of back-off: at least 200 ms apart
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(200);
    expect(result.stdout).toContain('secondary rate limit');
    expect(state.checkRuns).toHaveLength(1);
  });

  it('never shows the token in the log, the summary, the comment or the check runs', async () => {
    const state = await setUp({ head: { 'seed.plan.yaml': SEED }, files: [{ filename: 'seed.plan.yaml', status: 'added' }] });
    state.faults.push({ operationId: 'issues/create-comment', status: 500, times: 10 });
    const result = await run(state);
    const leaked = (text: string) => text.replace(`::add-mask::${state.token}`, '').includes(state.token);
    expect(leaked(result.stdout + result.stderr)).toBe(false);
    expect(leaked(result.summary)).toBe(false);
    expect(leaked(JSON.stringify(state.checkRuns))).toBe(false);
    expect(result.exitCode).toBe(1);
  });

  it('fails the job per fail-on, and rejects a bad fail-on with a clear error', async () => {
    const state = await setUp({ head: { 'seed.plan.yaml': SEED }, files: [{ filename: 'seed.plan.yaml', status: 'added' }] });
    const seed = coreReport('seed.plan.yaml', SEED);
    expect(seed.verdict).toBe('fail');
    const never = await run(state, { inputs: { 'fail-on': 'never' } });
    expect(never.exitCode).toBe(0);
    expect(state.checkRuns.at(-1)!.conclusion).toBe('neutral');
    const bad = await run(state, { inputs: { 'fail-on': 'sometimes' } });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain("::error::parallel-plan-check: input 'fail-on' must be one of fail, warn, never; got 'sometimes'");
  });
});

describe('push and workflow_dispatch: every plan of the repository', () => {
  const SHA = '3'.repeat(40);
  const tree = {
    'examples/seed.plan.yaml': SEED,
    'deploy/prod/small.plan.yml': SMALL,
    'node_modules/pkg/vendored.plan.yaml': SMALL,
    'deploy/readme.yaml': 'not: a plan',
  };

  async function runRepository(eventName: 'push' | 'workflow_dispatch', checkedOut: boolean) {
    const state = createState();
    addCommit(state, SHA, tree);
    server = await startStandIn(state);
    const payload =
      eventName === 'push'
        ? { ref: 'refs/heads/main', after: SHA, repository: { full_name: `${state.owner}/${state.repo}` } }
        : { ref: 'refs/heads/main', inputs: {} };
    const result = await runAction({
      apiUrl: server.url,
      token: state.token,
      owner: state.owner,
      repo: state.repo,
      eventName,
      payload,
      env: { GITHUB_SHA: SHA },
      ...(checkedOut ? { checkedOut: SHA, files: tree } : {}),
    });
    return { state, result };
  }

  const expectedPlans = ['deploy/prod/small.plan.yml', 'examples/seed.plan.yaml'];

  it('push with the commit checked out: reads the workspace, skips node_modules, one check run per plan, no comment', async () => {
    const { state, result } = await runRepository('push', true);
    expectNoRejections(state);
    expect(state.checkRuns.map((c) => c.name.split(' / ')[1]).sort()).toEqual(expectedPlans);
    for (const c of state.checkRuns) expect(c.head_sha).toBe(SHA);
    expect(requestsOf(state, 'repos/get-content')).toHaveLength(0);
    expect(requestsOf(state, 'issues/list-comments')).toHaveLength(0);
    const verdicts = expectedPlans.map((file) => coreReport(file, tree[file as keyof typeof tree]).verdict);
    expect(result.outputs.verdict).toBe(verdicts.includes('fail') ? 'fail' : verdicts.includes('warn') ? 'warn' : 'pass');
  });

  it('workflow_dispatch without a checkout: lists plans with the git trees API and reads them at the SHA', async () => {
    const { state, result } = await runRepository('workflow_dispatch', false);
    expectNoRejections(state);
    expect(requestsOf(state, 'git/get-tree')).toHaveLength(1);
    expect(state.checkRuns.map((c) => c.name.split(' / ')[1]).sort()).toEqual(expectedPlans);
    const reads = requestsOf(state, 'repos/get-content').map((r) => decodeURIComponent(r.path));
    expect(reads.every((p) => p.includes(`ref=${SHA}`))).toBe(true);
    expect(reads.some((p) => p.includes('node_modules'))).toBe(false);
    expect(JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8')).plans).toHaveLength(2);
  });
});
