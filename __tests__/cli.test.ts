// The command line, in process, through the real loader and verifier. Only what stays true as the
// core grows is asserted: exit codes, error locations, the JSON shape.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../src/io/command-line.js';
import { COMMANDS } from '../src/io/commands.js';
import { exitCodeFor } from '../src/io/verify-command.js';
import { combineReports } from '../src/core/verdict.js';
import { brokenReport, llama70bReport, twoStageReport } from './fixtures/reports/plans.js';
import { runInProcess } from './cli-helpers.js';

const FIXTURES = '__tests__/fixtures/cli';
const scratch = mkdtempSync(join(tmpdir(), 'ppc-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const run = runInProcess;

describe('parallel-plan-check verify', () => {
  it('a syntactically broken plan exits 2 with file:line: message', () => {
    const r = run('verify', `${FIXTURES}/broken.plan.yaml`);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^__tests__\/fixtures\/cli\/broken\.plan\.yaml:\d+: .+/m);
    expect(r.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
  });

  it('a missing file exits 2 and says so', () => {
    const r = run('verify', `${FIXTURES}/missing.plan.yaml`);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('missing.plan.yaml: no such file');
  });

  it('--format json prints the contract JSON for every file of a folder', () => {
    const r = run('verify', FIXTURES, '--format', 'json');
    const parsed = JSON.parse(r.stdout);
    expect(parsed.version).toBe(1);
    expect(parsed.plans.map((p: { file: string }) => p.file)).toEqual([`${FIXTURES}/broken.plan.yaml`, `${FIXTURES}/llama-8b.plan.yaml`]);
    expect(parsed.verdict).toBe('error');
    expect(r.code).toBe(2);
  });

  it('--format markdown starts with the verdict line', () => {
    const r = run('verify', `${FIXTURES}/broken.plan.yaml`, '-f', 'markdown');
    expect(r.stdout.split('\n')[0]).toMatch(/^🛑 \*\*Parallel plan check: error\*\*/);
  });

  it('--output writes the report to a file instead of stdout', () => {
    const out = join(scratch, 'report.json');
    const r = run('verify', `${FIXTURES}/broken.plan.yaml`, '--format=json', '--output', out);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.files[out] ?? '').version).toBe(1);
  });

  it('a glob that matches nothing is a usage error', () => {
    const r = run('verify', `${FIXTURES}/*.nothing`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('matches no files');
  });

  it('an unknown format or option is a usage error, without a stack trace', () => {
    expect(run('verify', '--format', 'xml').code).toBe(2);
    const r = run('verify', '--frmat', 'json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown option '--frmat'");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(run('verfy').stderr).toContain("unknown command 'verfy'");
  });

  it('a folder without plans is a usage error on stderr, with no "PASS: 0 plans" beside it', () => {
    const empty = mkdtempSync(join(scratch, 'empty-'));
    const r = run('verify', empty);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no plan files');
    expect(r.stdout).toBe('');
  });

  it("a usage error of several lines (Node's parseArgs hint) reads as one line, not \\x0a escapes", () => {
    const r = run('suggest', 'examples/seed.plan.yaml', '--top', '-1');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Option '--top' argument is ambiguous. Did you forget");
    expect(r.stderr).not.toContain('\\x0a');
  });

  it('text output carries no workflow command from a plan name or a file name (the CLI may run in a GitHub Actions step)', () => {
    const folder = mkdtempSync(join(scratch, 'commands-'));
    const plan = (name: string) =>
      `version: 1\nname: ${JSON.stringify(name)}\nmodel: {preset: llama-3.1-8b}\nhardware: {preset: h100-sxm, gpus: 1}\nparallelism: {tp: 1}\nworkload: {concurrency: 1, input_tokens: 100, output_tokens: 10}\nrequirements: {tpot: 0.001 ms}\n`;
    writeFileSync(join(folder, 'named.plan.yaml'), plan('x\n::warning title=pwn::injected\n::add-mask::PASS\n::stop-commands::abc'));
    writeFileSync(join(folder, 'a\n::error file=README.md::owned\n.plan.yaml'), plan('y'));
    writeFileSync(join(folder, 'broken\n::add-mask::FAIL.plan.yaml'), 'version: [\n');
    const runs = [
      run('verify', `${folder}/*.plan.yaml`),
      run('suggest', join(folder, 'named.plan.yaml'), '--max-gpus', '2'),
      run('suggest', join(folder, 'broken\n::add-mask::FAIL.plan.yaml')),
    ];
    for (const [i, r] of runs.entries()) {
      const lines = `${r.stdout}\n${r.stderr}`.split('\n');
      expect(
        lines.filter((l) => /^\s*(::|##\[)/.test(l)),
        `run ${i}`,
      ).toEqual([]);
      expect(`${r.stdout}${r.stderr}`, `run ${i}`).toMatch(/::(warning|add-mask)/); // shown, on the line it belongs to
    }
  });

  it('a usage error quotes its argument on one line (a file name from a pull request given where an option goes)', () => {
    for (const argv of [
      ['verify', '--x\n::add-mask::y'],
      ['a\n::add-mask::y'],
      ['verify', '--format', 'x\n::add-mask::y'],
      ['suggest', 'a.plan.yaml', '--top', 'x\n::add-mask::y'],
      ['suggest', '--format', 'x\n::add-mask::y', 'a.plan.yaml'],
    ]) {
      const r = run(...argv);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n').filter((l) => l.startsWith('::'))).toEqual([]);
      expect(r.stderr).toContain('\\x0a::add-mask::y');
    }
  });

  it('--help and --version exit 0', () => {
    expect(run('--version')).toMatchObject({ code: 0, stdout: '9.9.9\n' });
    expect(run('--help').stdout).toContain('verify');
    expect(run('verify', '--help').stdout).toContain('--format text|markdown|json');
    expect(run()).toMatchObject({ code: 2, stdout: '' }); // no command: usage on stderr
  });
});

describe('exit codes (contract: 0 pass or warn, 1 some plan fails, 2 usage error or not a plan; 2 wins)', () => {
  const passing = twoStageReport();
  it('maps verdicts to exit codes', () => {
    expect(exitCodeFor(combineReports([passing]), 0)).toBe(0);
    expect(exitCodeFor(combineReports([passing, { ...passing, verdict: 'warn' }]), 0)).toBe(0);
    expect(exitCodeFor(combineReports([passing, llama70bReport()]), 0)).toBe(1);
    expect(exitCodeFor(combineReports([llama70bReport(), brokenReport()]), 0)).toBe(2);
    expect(exitCodeFor(combineReports([passing]), 1)).toBe(2);
  });
});

describe('command line parsing', () => {
  const options = Object.fromEntries(Object.entries(COMMANDS).map(([n, c]) => [n, c.options]));
  it('takes the subcommand first, its options and paths in any order after it', () => {
    expect(parseCommandLine(['verify', 'a.yaml', '-f', 'json', 'b/'], options)).toEqual({
      kind: 'command',
      command: 'verify',
      values: { format: 'json' },
      positionals: ['a.yaml', 'b/'],
    });
    expect(parseCommandLine(['-f', 'json', 'verify'], options).kind).toBe('usage-error');
    expect(parseCommandLine(['--help', 'verify'], options)).toEqual({ kind: 'help', command: 'verify' });
  });
  it('reads the package version the bundle reports', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(typeof pkg.version).toBe('string');
  });
});
