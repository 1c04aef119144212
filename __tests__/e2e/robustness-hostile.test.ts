// The named hostile plan files (issue 6) in the bundled action, in one pull request with valid
// plans: each bad file gets its own clear error (in the JSON report, its check run and the
// comment), the valid plans are verified as the core verifies them alone, the comment posts once
// and shows the hostile name inert. Once reading through the contents API, once from a checked-out
// workspace (where the 50 MB file and the symbolic link can exist).
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyPlanText, type Report } from '../../src/core/index.js';
import { hostileCases, VALID_PLANS, type HostileCase } from '../fixtures/hostile/cases.js';
import { scratchFolder } from '../scratch.js';
import { ensureFreshBundle } from './bundle.js';
import { addCommit, createState, startStandIn, type StandIn, type StandInState } from './stand-in/server.mjs';
import { runPullRequest, type ActionRun } from './stand-in/run-action.mjs';

const HEAD = '8'.repeat(40);
const BASE = '9'.repeat(40);
const MARKER = '<!-- parallel-plan-check:sticky check-name="parallel-plan-check" -->';

let server: StandIn | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
beforeAll(() => ensureFreshBundle(), 180_000);

/** A workspace as actions/checkout leaves it, with the symbolic links the cases ask for. */
function workspaceWith(cases: readonly HostileCase[]): string {
  const root = scratchFolder('ppc-hostile-ws-');
  for (const c of cases) {
    mkdirSync(dirname(join(root, c.file)), { recursive: true });
    writeFileSync(join(root, c.file), c.content);
    if (c.symlink) symlinkSync(c.symlink[1], join(root, c.symlink[0]));
  }
  for (const [path, text] of Object.entries(VALID_PLANS)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function pullRequest(cases: readonly HostileCase[], checkedOut: boolean): Promise<{ state: StandInState; result: ActionRun }> {
  const files: Record<string, string> = { ...VALID_PLANS };
  // the stand-in keeps bytes as given (a Buffer stays binary on the wire, base64-encoded)
  // (the 50 MB file only in a checked-out workspace: the stand-in would base64 it on every read)
  for (const c of cases) if (!c.large) files[c.file] = c.content as string;
  const state = createState();
  addCommit(state, HEAD, files);
  addCommit(state, BASE, {});
  const changed = [...Object.keys(VALID_PLANS), ...cases.map((c) => c.file)];
  state.pulls.set(7, { files: changed.map((filename) => ({ filename, status: 'added' as const })) });
  server = await startStandIn(state);
  const result = await runPullRequest(
    server.url,
    state,
    { number: 7, headSha: HEAD, baseSha: BASE, changedFiles: changed.length },
    {
      ...(checkedOut ? { workspace: workspaceWith(cases), checkedOut: HEAD } : {}),
      timeoutMs: 60_000,
    },
  );
  return { state, result };
}

function expectEveryPlanHandled(state: StandInState, result: ActionRun, cases: readonly HostileCase[]): void {
  expect(state.rejected).toEqual([]);
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+/);
  const report = JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8')) as Report;
  expect(report.plans.map((p) => p.file).sort()).toEqual([...cases.map((c) => c.file), ...Object.keys(VALID_PLANS)].sort());
  for (const c of cases) {
    const plan = report.plans.find((p) => p.file === c.file)!;
    if (c.error) {
      expect(plan.verdict, c.name).toBe('error');
      expect(plan.errors[0]?.message, c.name).toMatch(c.error);
      expect(JSON.stringify(plan.errors)).not.toMatch(/internal error/i);
    } else {
      expect(plan.verdict, c.name).not.toBe('error');
    }
  }
  for (const [file, text] of Object.entries(VALID_PLANS)) {
    const expected = verifyPlanText(file, text, () => ({ error: 'none' }));
    const got = report.plans.find((p) => p.file === file)!;
    expect(got.verdict).toBe(expected.verdict);
    // the JSON carries the ranges inside the metrics (contract v1.1)
    expect(got.metrics).toEqual({ ...expected.metrics, ranges: expected.ranges });
  }
  expect(report.verdict).toBe('error');
  expect(result.outputs.verdict).toBe('error');
  expect(result.exitCode).toBe(1);

  // One comment naming every bad file; the hostile name is shown, inert.
  expect(state.comments).toHaveLength(1);
  const body = state.comments[0]!.body;
  expect(body.startsWith(MARKER)).toBe(true);
  for (const c of cases) expect(body, c.file).toContain(c.file);
  expect(body).not.toContain('<img');
  expect(body).not.toMatch(/@everyone/);
  expect(body).not.toContain('](https://evil');
  expect(body).toContain('@\u200Beveryone');
  // One check run per plan, each bad file's run says it is not a valid plan.
  expect(state.checkRuns).toHaveLength(cases.length + Object.keys(VALID_PLANS).length);
  for (const c of cases.filter((x) => x.error)) {
    const run = state.checkRuns.find((r) => r.name.endsWith(` / ${c.file}`))!;
    expect(run.output.title, c.file).toMatch(/^Not a valid plan/);
  }
}

describe('hostile plan files in the bundled action', () => {
  it('through the contents API: every file reported, valid plans verified, one comment', async () => {
    // the 50 MB file and the symbolic link need a real checkout (the next test)
    const cases = hostileCases().filter((c) => !c.large && !c.symlink);
    const { state, result } = await pullRequest(cases, false);
    expectEveryPlanHandled(state, result, cases);
  });

  it('from the checked-out workspace, with the 50 MB file and the link out of the repository', async () => {
    const cases = hostileCases();
    const { state, result } = await pullRequest(cases, true);
    // the 50 MB file exists only in the workspace: the stand-in is never asked for it
    expectEveryPlanHandled(state, result, cases);
    expect(state.requests.some((r) => r.path.includes('huge'))).toBe(false);
    expect(result.stdout).toContain('Reading plans from the workspace');
  });
});
