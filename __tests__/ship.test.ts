// Shipping: the checks .ci/run and the workflows rely on (scripts/check-engines.mjs,
// check-self-test.mjs, lint-workflows.mjs) and the rules the workflows must keep (pinned actions,
// least privilege, the release flow), each tested on a case that must fail as well as on ours.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/io/commands.js';
import type { CliIo } from '../src/io/console.js';
import { engineConflicts, packageOf, reachablePackages, runtimeImports, type LockEntry } from '../scripts/check-engines.mjs';
import { SEED, selfTestProblems } from '../scripts/check-self-test.mjs';
import { lintWorkflow, workflowBlocks } from '../scripts/lint-workflows.mjs';

const WORKFLOWS = '.github/workflows';
const workflowFiles = readdirSync(WORKFLOWS)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
const workflow = (name: string) => readFileSync(join(WORKFLOWS, name), 'utf8');

describe('engines agree with the bundled packages (check-engines.mjs)', () => {
  it('finds the packages a source imports at run time, not its type-only imports', () => {
    const source = [
      "import * as core from '@actions/core';",
      "import { context } from '@actions/github/lib/utils';",
      "import type { Endpoints } from '@octokit/types';",
      "import {\n  parse,\n  stringify,\n} from 'yaml';",
      "import { join } from 'node:path';",
      "import { readFile } from 'fs/promises';",
      "import { x } from './local.js';",
      "export { y } from 'markdown-table';",
      "const m = await import('picomatch');",
    ].join('\n');
    expect([...runtimeImports(source)].sort()).toEqual(['@actions/core', '@actions/github', 'markdown-table', 'picomatch', 'yaml']);
    expect(packageOf('@scope/name/deep/path')).toBe('@scope/name');
    expect(packageOf('child_process')).toBeNull();
  });

  // The lock as it was before this check: @octokit/request 10.0.16 pulled content-type 3.1.1,
  // whose engines say >=22, into a bundle that package.json said runs on Node >=20.
  const lock: { packages: Record<string, LockEntry> } = {
    packages: {
      '': {},
      'node_modules/@actions/github': { version: '9.1.1', dependencies: { '@octokit/request': '^10.0.0', undici: '^6' } },
      'node_modules/@octokit/request': { version: '10.0.16', engines: { node: '>= 20' }, dependencies: { 'content-type': '^3.0.0' } },
      'node_modules/content-type': { version: '3.1.1', engines: { node: '>=22' } },
      // a nested copy wins over the hoisted one for its parent
      'node_modules/@actions/github/node_modules/undici': { version: '6.21.0', engines: { node: '>=18.17' } },
      'node_modules/undici': { version: '7.0.0', engines: { node: '>=24' } },
      'node_modules/vite': { version: '7.0.0', engines: { node: '^20.19.0 || >=22.12.0' } },
    },
  };

  it('walks dependencies as Node resolves them, nested copies first', () => {
    const reached = reachablePackages(lock, ['@actions/github'])
      .map(([at]) => at)
      .sort();
    expect(reached).toEqual([
      'node_modules/@actions/github',
      'node_modules/@actions/github/node_modules/undici',
      'node_modules/@octokit/request',
      'node_modules/content-type',
    ]);
    expect(() => reachablePackages(lock, ['left-pad'])).toThrow(/left-pad is imported by src\/ but not in package-lock.json/);
  });

  it('flags a bundled package that needs a newer Node than engines allows, and only that one', () => {
    const reached = reachablePackages(lock, ['@actions/github']);
    expect(engineConflicts('>=20', reached)).toEqual([{ package: 'content-type', version: '3.1.1', engines: '>=22' }]);
    expect(engineConflicts('>=22', reached)).toEqual([]);
    // a range that leaves out part of ours (20.0 to 20.18) conflicts too
    expect(engineConflicts('>=20', [['node_modules/vite', lock.packages['node_modules/vite']!]])).toHaveLength(1);
  });

  it('package.json ships no dependency and pins content-type to a Node 20 release', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, unknown>;
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.private).toBeUndefined();
    expect(pkg.engines).toEqual({ node: '>=20' });
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };
    const copies = Object.entries(lock.packages).filter(([at]) => at.endsWith('node_modules/content-type'));
    expect(copies.length).toBeGreaterThan(0);
    for (const [, entry] of copies) expect(entry).toMatchObject({ version: expect.stringMatching(/^2\./), engines: { node: '>=18' } });
  });
});

describe('the self-test step (check-self-test.mjs)', () => {
  const examples = readdirSync('examples')
    .filter((f) => f.endsWith('.plan.yaml'))
    .map((f) => `examples/${f}`);
  function verifyExamples(...paths: string[]) {
    let stdout = '';
    const io: CliIo = {
      cwd: process.cwd(),
      stdout: (t) => {
        stdout += t;
      },
      stderr: () => {},
      writeFile: () => {},
    };
    runCli(['verify', ...paths, '--format', 'json'], io, '0.0.0');
    return JSON.parse(stdout) as { verdict: string; plans: Array<{ file: string; verdict: string }> };
  }
  function outputsOf(report: { verdict: string; plans: Array<{ verdict: string }> }) {
    const n = (v: string) => String(report.plans.filter((p) => p.verdict === v).length);
    return { verdict: report.verdict, 'plans-passed': n('pass'), 'plans-warned': n('warn'), 'plans-failed': n('fail'), 'plans-errored': n('error') };
  }

  it('accepts a push run over every example with the seed failing', () => {
    const report = verifyExamples('examples');
    expect(report.plans.find((p) => p.file === SEED)?.verdict).toBe('fail');
    expect(selfTestProblems({ event: 'push', outputs: outputsOf(report), report, examples })).toEqual([]);
  });

  it('names outputs that disagree with the report, and a missing example on a push', () => {
    const report = verifyExamples('examples');
    const outputs = { ...outputsOf(report), 'plans-failed': '0', verdict: 'pass' };
    const problems = selfTestProblems({ event: 'push', outputs, report: { ...report, plans: report.plans.slice(1) }, examples });
    expect(problems.join('\n')).toMatch(/output plans-failed is '0', the report has 1/);
    expect(problems.join('\n')).toMatch(/output verdict is 'pass', the worst plan in the report is 'fail'/);
    expect(problems.join('\n')).toMatch(new RegExp(`examples not verified: ${report.plans[0]!.file}`));
  });

  it('on a pull request, checks the plans it changed only; a passing seed fails a push run', () => {
    const one = verifyExamples(examples.find((f) => f !== SEED)!);
    expect(selfTestProblems({ event: 'pull_request', outputs: outputsOf(one), report: one, examples })).toEqual([]);
    const all = verifyExamples('examples');
    const doctored = { ...all, plans: all.plans.map((p) => (p.file === SEED ? { ...p, verdict: 'pass' } : p)) };
    doctored.verdict = doctored.plans.some((p) => p.verdict === 'fail') ? 'fail' : doctored.plans.some((p) => p.verdict === 'warn') ? 'warn' : 'pass';
    expect(selfTestProblems({ event: 'push', outputs: outputsOf(doctored), report: doctored, examples })).toEqual([
      `${SEED} is 'pass': it must fail (its claimed throughput is impossible)`,
    ]);
  });
});

describe('the workflows', () => {
  it('include the four the project needs', () => {
    expect(workflowFiles).toEqual(expect.arrayContaining(['check-dist.yml', 'ci.yml', 'release.yml', 'self-test.yml']));
  });

  it('pin every action to a full commit SHA (with its version in a comment) or use this checkout', () => {
    for (const file of workflowFiles) {
      const uses = [...workflow(file).matchAll(/^\s*-?\s*uses:\s*(\S+)(.*)$/gm)];
      expect(uses.length, file).toBeGreaterThan(0);
      for (const [, ref, rest] of uses) {
        if (ref === './') continue;
        expect(ref, `${file}: ${ref}`).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
        expect(rest, `${file}: ${ref}`).toMatch(/# v\d+\.\d+\.\d+/);
      }
    }
  });

  it('grant least privilege: read-only by default, writes only in the release jobs that need them', () => {
    for (const file of workflowFiles) {
      const doc = parse(workflow(file)) as { permissions: unknown; jobs: Record<string, { permissions?: Record<string, string> }> };
      expect(doc.permissions, file).toEqual(file === 'release.yml' ? {} : { contents: 'read' });
      for (const [name, job] of Object.entries(doc.jobs)) {
        const writes = Object.entries(job.permissions ?? {})
          .filter(([, level]) => level === 'write')
          .map(([scope]) => scope);
        const allowed = file === 'release.yml' ? { verify: [], publish: ['id-token'], tags: ['contents'] }[name] : [];
        expect(writes, `${file} ${name}`).toEqual(allowed);
      }
    }
  });

  it('CI runs .ci/run; the self-test runs the action from ./ on examples/; the release publishes with provenance and moves the major tag', () => {
    expect(workflow('ci.yml')).toMatch(/run: bash \.ci\/run/);
    const selfTest = parse(workflow('self-test.yml')) as { jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, string> }> }> };
    const step = Object.values(selfTest.jobs)[0]!.steps.find((s) => s.uses === './');
    expect(step?.with?.plans).toBe('examples/*.plan.yaml');
    const release = workflow('release.yml');
    expect(release).toMatch(/tags: \['v\[0-9\]\+\.\[0-9\]\+\.\[0-9\]\+'\]/);
    expect(release).toMatch(/npm publish --provenance/);
    expect(release).toMatch(/git push --force origin "refs\/tags\/\$major"/);
  });

  it('the README workflow example is found for linting and uses the moving major tag', () => {
    const blocks = workflowBlocks(readFileSync('README.md', 'utf8'));
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.some((b) => /uses: [\w.-]+\/parallel-plan-check@v1\b/.test(b.text))).toBe(true);
  });

  it('actionlint passes ours and catches a broken one', async () => {
    for (const file of workflowFiles) expect(await lintWorkflow(workflow(file), file), file).toEqual([]);
    const broken = workflow('self-test.yml').replace('steps.plans.outputs.verdict', 'steps.plan.outputs.verdict').replace('contents: read', 'contents: raed');
    const findings = await lintWorkflow(broken, 'broken.yml');
    expect(findings.map((f) => f.kind).sort()).toEqual(['expression', 'permissions']);
  });
});
