// Named hostile plan files (issue 6) through the command line, each next to valid plans: the
// hostile file gets a clear error for itself (message, and line where there is one), the valid
// plans are still verified exactly as the core verifies them alone, the exit code is 2, and no
// stack trace reaches the user. Once in-process per case, once all together in the real bundle.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { verifyPlanText, type PlanReport, type Report } from '../src/core/index.js';
import { runCli } from '../src/io/commands.js';
import { ensureFreshBundle } from './e2e/bundle.js';
import { BUNDLE_NODE, REPO_ROOT } from './e2e/stand-in/run-action.mjs';
import { HOSTILE_NAME, hostileCases, VALID_PLANS, type HostileCase } from './fixtures/hostile/cases.js';

const folders: string[] = [];
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

/** A throwaway repository (it has a .git folder) holding the given cases and the valid plans. */
function repository(cases: readonly HostileCase[]): string {
  const root = mkdtempSync(join(tmpdir(), 'ppc-hostile-'));
  folders.push(root);
  mkdirSync(join(root, '.git'));
  const write = (path: string, content: string | Buffer) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  for (const c of cases) {
    write(c.file, c.content);
    if (c.symlink) symlinkSync(c.symlink[1], join(root, c.symlink[0]));
  }
  for (const [path, text] of Object.entries(VALID_PLANS)) write(path, text);
  return root;
}

function cli(root: string, args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runCli(
    args,
    {
      cwd: root,
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      writeFile: () => {},
    },
    '0.0.0',
  );
  return { code, stdout, stderr };
}

/** The valid plans' reports as the core gives them for each file alone (the expected figures). */
const expectedValid = Object.entries(VALID_PLANS).map(([file, text]) => verifyPlanText(file, text, () => ({ error: 'none' })));

const STACK_FRAME = /\n\s+at .+[(:]\d+/;

function expectHostileHandled(report: Report, c: HostileCase): void {
  const plan = report.plans.find((p) => p.file === c.file) as PlanReport;
  expect(plan, `${c.file} has a report`).toBeDefined();
  if (c.error) {
    expect(plan.verdict).toBe('error');
    expect(plan.errors[0]?.message).toMatch(c.error);
    if (c.line !== undefined) expect(plan.errors[0]?.line).toBe(c.line);
    expect(JSON.stringify(plan.errors)).not.toMatch(/internal error/i);
  } else {
    expect(plan.verdict).not.toBe('error');
  }
}

function expectValidStillVerified(report: Report): void {
  for (const expected of expectedValid) {
    const got = report.plans.find((p) => p.file === expected.file);
    expect(got?.verdict, expected.file).toBe(expected.verdict);
    // The JSON carries the ranges inside the metrics (contract v1.1); the in-process report beside them.
    const { ranges, ...metrics } = (got?.metrics ?? {}) as Record<string, unknown>;
    expect(metrics).toEqual(expected.metrics);
    expect(ranges).toEqual(expected.ranges);
    expect(got?.checks).toEqual(expected.checks);
  }
}

describe('each hostile file, next to valid plans, through the command line', () => {
  test.each(hostileCases().map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const started = Date.now();
    const root = repository([c]);
    const { code, stdout, stderr } = cli(root, ['verify', '--format', 'json', '.']);
    expect(Date.now() - started).toBeLessThan(10_000);
    const report = JSON.parse(stdout) as Report;
    expect(report.plans).toHaveLength(Object.keys(VALID_PLANS).length + 1);
    expectHostileHandled(report, c);
    expectValidStillVerified(report);
    const anyError = report.plans.some((p) => p.verdict === 'error');
    expect(code).toBe(anyError ? 2 : report.plans.some((p) => p.verdict === 'fail') ? 1 : 0);
    expect(stderr).not.toMatch(STACK_FRAME);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a plan name full of markdown, HTML and @mentions reaches the markdown report inert', () => {
    const c = hostileCases().find((x) => x.file === 'plans/hostile-name.plan.yaml') as HostileCase;
    const root = repository([c]);
    const { stdout } = cli(root, ['verify', '--format', 'markdown', 'plans/hostile-name.plan.yaml']);
    expect(stdout).not.toContain('<img');
    expect(stdout).not.toContain('<!-- x');
    expect(stdout).not.toContain('](https://');
    expect(stdout).not.toMatch(/@everyone/);
    expect(stdout).not.toMatch(/(^|[^\\])\*\*bold\*\*/);
    expect(stdout).toContain('&lt;img');
    expect(stdout).toContain('@\u200Beveryone');
    // the name is still there for a person to read
    expect(HOSTILE_NAME).toContain('@everyone');
  });
});

describe('all hostile files at once, in the bundled command line (dist/cli.js)', () => {
  beforeAll(() => ensureFreshBundle(), 180_000);

  test('every file gets its own report, the valid plans are verified, exit code 2, no stack trace', () => {
    const cases = hostileCases();
    const root = repository(cases);
    const run = spawnSync(BUNDLE_NODE, [join(REPO_ROOT, 'dist', 'cli.js'), 'verify', '--format', 'json'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.plans.map((p) => p.file).sort()).toEqual([...cases.map((c) => c.file), ...Object.keys(VALID_PLANS)].sort());
    for (const c of cases) expectHostileHandled(report, c);
    expectValidStillVerified(report);
    expect(report.verdict).toBe('error');
  });

  test('the text report names every bad file and its error', () => {
    const cases = hostileCases().filter((c) => c.error);
    const root = repository(cases);
    const run = spawnSync(BUNDLE_NODE, [join(REPO_ROOT, 'dist', 'cli.js'), 'verify'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    for (const c of cases) {
      const lines = run.stdout.split('\n').filter((l) => l.includes(c.file));
      expect(lines.length, c.file).toBeGreaterThan(0);
      expect(
        lines.some((l) => (c.error as RegExp).test(l)) ||
          run.stdout
            .split(c.file)[1]
            ?.slice(0, 400)
            .match(c.error as RegExp),
        c.file,
      ).toBeTruthy();
    }
  });
});
