// The layout screen on helper threads (src/suggest/screen-threads.ts), as the bundles run it: the
// same output as on one thread, and a helper that loads the action's bundle runs no second action.
// Under vitest the sources stay on one thread, so only the bundles can show this.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureFreshBundle } from './bundle.js';
import { addCommit, createState, type StandIn, startStandIn } from './stand-in/server.mjs';
import { BUNDLE_NODE, REPO_ROOT, runPullRequest } from './stand-in/run-action.mjs';

const PLAN = 'examples/deepseek-r1-disagg-gb200.plan.yaml';
const MANIFEST = 'examples/deepseek-r1-disagg-gb200.dynamo.yaml';
/** "screen: 40 device counts, 12 screened by 1 helper thread(s)" (PARALLEL_PLAN_CHECK_SCREEN_LOG=1) */
const SCREEN_LINE = /^screen: (\d+) device counts, (\d+) screened by (\d+) helper thread\(s\)$/m;

beforeAll(() => ensureFreshBundle(), 180_000);

function cliSuggest(threads: number): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(BUNDLE_NODE, [join(REPO_ROOT, 'dist', 'cli.js'), 'suggest', PLAN, '--format', 'json'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
    timeout: 120_000,
    env: { ...process.env, PARALLEL_PLAN_CHECK_SCREEN_THREADS: String(threads), PARALLEL_PLAN_CHECK_SCREEN_LOG: '1' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('suggest with helper threads (dist/cli.js)', () => {
  it('gives byte for byte the output of one thread, and the helpers did screen device counts', () => {
    const one = cliSuggest(0);
    const two = cliSuggest(1);
    expect(one.status).toBe(two.status);
    expect(JSON.parse(two.stdout).suggest.search.layouts).toBeGreaterThan(400);
    expect(two.stdout).toBe(one.stdout);
    // one thread writes no screen line (no helper was asked for); with one, it says what the helper took
    expect(one.stderr).not.toMatch(SCREEN_LINE);
    const [, counts, byHelpers, helpers] = two.stderr.match(SCREEN_LINE) ?? [];
    expect(Number(counts)).toBe(40);
    expect(Number(helpers)).toBe(1);
    expect(Number(byHelpers)).toBeGreaterThan(0);
    expect(Number(byHelpers)).toBeLessThan(40);
  }, 240_000);
});

let server: StandIn | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the action with helper threads (dist/index.js)', () => {
  it("runs the Alternatives search's screen on a helper, and the helper runs no action of its own", async () => {
    const HEAD = '7'.repeat(40);
    const BASE = '8'.repeat(40);
    // the example with a TTFT it cannot meet: it fails, and its Alternatives search screens 563 layouts
    const failing = readFileSync(join(REPO_ROOT, PLAN), 'utf8').replace('ttft: 5 s', 'ttft: 50 ms');
    expect(failing).not.toBe(readFileSync(join(REPO_ROOT, PLAN), 'utf8'));
    const head = { 'deploy/r1.plan.yaml': failing, 'deploy/deepseek-r1-disagg-gb200.dynamo.yaml': readFileSync(join(REPO_ROOT, MANIFEST), 'utf8') };
    const state = createState();
    addCommit(state, HEAD, head);
    addCommit(state, BASE, {});
    const files = Object.keys(head).map((filename) => ({ filename, status: 'added' as const }));
    state.pulls.set(9, { files });
    server = await startStandIn(state);
    const result = await runPullRequest(
      server.url,
      state,
      { number: 9, headSha: HEAD, baseSha: BASE, changedFiles: files.length },
      { env: { PARALLEL_PLAN_CHECK_SCREEN_THREADS: '1', PARALLEL_PLAN_CHECK_SCREEN_LOG: '1' }, timeoutMs: 120_000 },
    );
    expect(state.rejected).toEqual([]);
    expect(result.exitCode).toBe(1);
    const [, , byHelpers] = result.stderr.match(SCREEN_LINE) ?? [];
    expect(Number(byHelpers)).toBeGreaterThan(0);
    // one comment, created once; one check run per plan file verified, created once
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]!.body).toContain('Alternatives');
    const creates = state.requests.filter((r) => r.method === 'POST' && /\/issues\/9\/comments$/.test(r.path));
    expect(creates).toHaveLength(1);
    // a second action (the helper running the bundle's entry point) reads the pull request again and masks the token again
    expect(state.requests.filter((r) => r.method === 'GET' && /\/pulls\/9\/files/.test(r.path))).toHaveLength(1);
    expect(result.stdout.match(/^::add-mask::/gm)).toHaveLength(1);
    const checkRuns = state.requests.filter((r) => r.method === 'POST' && /\/check-runs$/.test(r.path));
    expect(checkRuns).toHaveLength(1);
  }, 240_000);
});
