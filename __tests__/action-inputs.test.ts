// The action's inputs, event reading and plan matching (src/action/inputs.ts, event.ts, plan-globs.ts).
import { describe, expect, it } from 'vitest';
import { parseInputs, splitGlobs, DEFAULT_PLAN_GLOBS, InputError } from '../src/action/inputs.js';
import { readTarget, EventError } from '../src/action/event.js';
import { planMatcher } from '../src/action/plan-globs.js';

const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('parseInputs', () => {
  it('takes the defaults the contract and action.yml name', () => {
    const parsed = parseInputs(inputs({ 'github-token': 't' }));
    expect(parsed).toEqual({
      token: 't',
      plans: [...DEFAULT_PLAN_GLOBS],
      failOn: 'fail',
      comment: 'always',
      checkName: 'parallel-plan-check',
      alternatives: true,
      minChange: 1,
    });
    expect(DEFAULT_PLAN_GLOBS).toEqual(['**/*.plan.yaml', '**/*.plan.yml', '**/*.plan.json']);
  });

  it('accepts each allowed value, case-insensitively', () => {
    for (const failOn of ['fail', 'warn', 'never', 'WARN']) {
      expect(parseInputs(inputs({ 'github-token': 't', 'fail-on': failOn })).failOn).toBe(failOn.toLowerCase());
    }
    expect(parseInputs(inputs({ 'github-token': 't', comment: 'on-change' })).comment).toBe('on-change');
    expect(parseInputs(inputs({ 'github-token': 't', alternatives: 'false' })).alternatives).toBe(false);
    expect(() => parseInputs(inputs({ 'github-token': 't', alternatives: 'maybe' }))).toThrow("input 'alternatives' must be one of true, false");
  });

  it('rejects a bad fail-on or comment with a message that lists the allowed values', () => {
    expect(() => parseInputs(inputs({ 'github-token': 't', 'fail-on': 'error' }))).toThrow("input 'fail-on' must be one of fail, warn, never; got 'error'");
    expect(() => parseInputs(inputs({ 'github-token': 't', comment: 'sometimes' }))).toThrow(InputError);
  });

  it('rejects an empty token, a plans input that only excludes, and a multi-line check name', () => {
    expect(() => parseInputs(inputs({}))).toThrow(/github-token/);
    expect(() => parseInputs(inputs({ 'github-token': 't', plans: '!**/*.yaml' }))).toThrow(/plans/);
    expect(() => parseInputs(inputs({ 'github-token': 't', 'check-name': 'a\nb' }))).toThrow(/check-name/);
  });
});

describe('splitGlobs', () => {
  it('splits on newlines and commas, but not on a comma inside braces', () => {
    expect(splitGlobs('a/*.plan.yaml, b/**\n\n  c/*.{yaml,yml}\n# comment\n!d/**')).toEqual(['a/*.plan.yaml', 'b/**', 'c/*.{yaml,yml}', '!d/**']);
  });
});

describe('planMatcher', () => {
  it('matches the default globs at any depth and in dot folders, never in node_modules or .git', () => {
    const isPlan = planMatcher(DEFAULT_PLAN_GLOBS);
    expect(isPlan('seed.plan.yaml')).toBe(true);
    expect(isPlan('deploy/prod/x.plan.yml')).toBe(true);
    expect(isPlan('.github/plans/x.plan.json')).toBe(true);
    expect(isPlan('x.yaml')).toBe(false);
    expect(isPlan('x.plan.yaml.bak')).toBe(false);
    expect(isPlan('node_modules/p/x.plan.yaml')).toBe(false);
    expect(isPlan('a/.git/x.plan.yaml')).toBe(false);
  });

  it('applies ! exclusions', () => {
    const isPlan = planMatcher(['plans/**/*.yaml', '!plans/drafts/**']);
    expect(isPlan('plans/a.yaml')).toBe(true);
    expect(isPlan('plans/drafts/a.yaml')).toBe(false);
  });
});

describe('readTarget', () => {
  const env = { GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'm'.repeat(40) };
  const pr = (head: Record<string, unknown>) => ({
    pull_request: { number: 3, changed_files: 4, head: { sha: 'h'.repeat(40), ...head }, base: { sha: 'b'.repeat(40), repo: { full_name: 'o/r' } } },
  });

  it('takes the head SHA of a pull request, not GITHUB_SHA (the merge commit)', () => {
    const target = readTarget('pull_request', pr({ repo: { full_name: 'o/r', fork: false } }), env);
    expect(target).toMatchObject({
      kind: 'pull_request',
      owner: 'o',
      repo: 'r',
      number: 3,
      headSha: 'h'.repeat(40),
      baseSha: 'b'.repeat(40),
      changedFiles: 4,
      fromFork: false,
    });
  });

  it('recognises a pull request from a fork', () => {
    expect(readTarget('pull_request', pr({ repo: { full_name: 'someone/r', fork: true } }), env)).toMatchObject({ fromFork: true });
  });

  it('verifies the pushed commit on push, GITHUB_SHA on workflow_dispatch', () => {
    expect(readTarget('push', { after: 'p'.repeat(40) }, env)).toMatchObject({ kind: 'repository', sha: 'p'.repeat(40) });
    expect(readTarget('workflow_dispatch', {}, env)).toMatchObject({ kind: 'repository', sha: 'm'.repeat(40) });
  });

  it('explains an unsupported event and a missing repository', () => {
    expect(() => readTarget('issues', {}, env)).toThrow(/not supported/);
    expect(() => readTarget('push', {}, {})).toThrow(EventError);
  });
});

describe('action.yml', () => {
  it("declares exactly the inputs the code reads, with the code's defaults, and the outputs it sets", async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const action = parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as {
      runs: { using: string; main: string };
      inputs: Record<string, { default?: string; description: string }>;
      outputs: Record<string, { description: string }>;
    };
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });

    const asked: string[] = [];
    parseInputs((name) => {
      asked.push(name);
      return name === 'github-token' ? 't' : '';
    });
    expect(Object.keys(action.inputs).sort()).toEqual([...new Set(asked)].sort());
    for (const input of Object.values(action.inputs)) expect(input.description.length).toBeGreaterThan(20);
    // what GitHub passes when the workflow sets nothing: the defaults in action.yml
    const fromDefaults = parseInputs((name) => (name === 'github-token' ? 't' : (action.inputs[name]?.default ?? '').trim()));
    expect(fromDefaults).toEqual(parseInputs(inputs({ 'github-token': 't' })));
    expect(action.inputs['github-token']!.default).toBe('${{ github.token }}');

    // setOutputs writes to the GITHUB_OUTPUT file, as on a runner
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { scratchFolder } = await import('./scratch.js');
    const { setOutputs } = await import('../src/action/outputs.js');
    const { parseOutputFile } = await import('./e2e/stand-in/run-action.mjs');
    const file = join(scratchFolder('ppc-out-'), 'output');
    writeFileSync(file, '');
    const previous = process.env.GITHUB_OUTPUT;
    process.env.GITHUB_OUTPUT = file;
    try {
      setOutputs({ version: 1, verdict: 'pass', plans: [] }, { markdownPath: 'a', jsonPath: 'b' });
    } finally {
      if (previous === undefined) delete process.env.GITHUB_OUTPUT;
      else process.env.GITHUB_OUTPUT = previous;
    }
    const set = Object.keys(parseOutputFile(readFileSync(file, 'utf8')));
    expect(Object.keys(action.outputs).sort()).toEqual(set.sort());
  });
});

describe('a run that stops on an error', () => {
  it('still sets the verdict output, to error (a bad input here: no token)', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { scratchFolder } = await import('./scratch.js');
    const { run } = await import('../src/action/run.js');
    const { parseOutputFile } = await import('./e2e/stand-in/run-action.mjs');
    const file = join(scratchFolder('ppc-out-'), 'output');
    writeFileSync(file, '');
    const saved = { output: process.env.GITHUB_OUTPUT, token: process.env['INPUT_GITHUB-TOKEN'], exitCode: process.exitCode };
    process.env.GITHUB_OUTPUT = file;
    delete process.env['INPUT_GITHUB-TOKEN'];
    const write = process.stdout.write;
    process.stdout.write = () => true; // the ::error:: line setFailed prints
    try {
      await run();
    } finally {
      process.stdout.write = write;
      process.exitCode = saved.exitCode;
      if (saved.output === undefined) delete process.env.GITHUB_OUTPUT;
      else process.env.GITHUB_OUTPUT = saved.output;
      if (saved.token !== undefined) process.env['INPUT_GITHUB-TOKEN'] = saved.token;
    }
    expect(parseOutputFile(readFileSync(file, 'utf8'))).toEqual({ verdict: 'error' });
  });
});

describe('plans globs that leave the repository', () => {
  const plansOf = (plans: string) => () => parseInputs(inputs({ 'github-token': 't', plans }));
  it('refuses an absolute path, a drive, a UNC prefix and a .. segment', () => {
    for (const glob of [
      '/etc/*.plan.yaml',
      'C:/x/*.plan.yaml',
      'c:\\x\\*.plan.yaml',
      '\\\\server\\share\\*.plan.yaml',
      '../**/*.plan.yaml',
      '!a/../b/*.plan.yaml',
    ])
      expect(plansOf(`deploy/*.plan.yaml\n${glob}`), glob).toThrow(InputError);
  });
  it("keeps picomatch's escapes: \\#drafts/ matches a folder named #drafts (a reviewer found it refused as absolute)", () => {
    expect(plansOf('\\#drafts/*.plan.yaml')().plans).toEqual(['\\#drafts/*.plan.yaml']);
    expect(planMatcher(['\\#drafts/*.plan.yaml'])('#drafts/a.plan.yaml')).toBe(true);
    expect(plansOf('c:plans/*.plan.yaml')().plans).toEqual(['c:plans/*.plan.yaml']);
  });
});
