// One plan cannot sink the run (src/action/verify-selection.ts): whatever goes wrong while one plan
// is verified becomes that plan's own error report, named by its file and quoting none of it, and
// the other plans are verified as usual. A reference path that is not well-formed Unicode (a lone
// surrogate, which a YAML "\ud800" escape gives) is refused before any read: URL encoding throws on it.
import { describe, expect, it } from 'vitest';
import { contentsApiSource, type FileSource } from '../src/action/file-source.js';
import type { GitHubClient } from '../src/action/octokit.js';
import { resolveReference } from '../src/action/verify-files.js';
import { verifySelection } from '../src/action/verify-selection.js';
import { alternativesMarkdown } from '../src/action/alternatives.js';
import { composeComment } from '../src/action/comment-body.js';
import { readState, reportState, stateChanged, stateLine } from '../src/action/comment-state.js';
import { renderPlan } from '../src/action/render.js';
import { combineReports } from '../src/core/index.js';
import { FAILING_PLAN, VALID_PLAN } from './fixtures/hostile/cases.js';

const LONE = 'x\ud800.json';

describe('reference paths that are not well-formed Unicode', () => {
  it('are refused by resolveReference, with a message that does not carry the surrogate', () => {
    const resolved = resolveReference('plans/a.plan.yaml', LONE);
    expect(resolved).toHaveProperty('error');
    expect((resolved as { error: string }).error).not.toMatch(/[\ud800-\udfff]/u);
    expect(resolveReference('plans/a.plan.yaml', 'x\udc00y.json')).toHaveProperty('error');
    // a surrogate pair (an emoji) is well-formed
    expect(resolveReference('plans/a.plan.yaml', 'model-\u{1F600}.json')).toEqual({ path: 'plans/model-\u{1F600}.json' });
  });

  it('are refused by the contents API source before any request', async () => {
    const client = {
      rest: {
        repos: {
          getContent: () => {
            throw new Error('no request may be made');
          },
        },
      },
    } as unknown as GitHubClient;
    const read = await contentsApiSource(client, 'o', 'r', 'a'.repeat(40)).read(`plans/${LONE}`, 1000);
    expect(read).toHaveProperty('error');
  });
});

describe('verifySelection', () => {
  const files: Record<string, string> = {
    'plans/a.plan.yaml': VALID_PLAN,
    'plans/b.plan.yaml': VALID_PLAN,
    'plans/c.plan.yaml': VALID_PLAN,
  };
  const source = (throwsOn: string, error: unknown): FileSource => ({
    label: 'memory',
    async read(path) {
      if (path === throwsOn) throw error;
      return path in files ? { text: files[path] as string } : { missing: true };
    },
  });

  it('turns an error thrown while reading one plan into that plan alone', async () => {
    const thrown = new URIError('URI malformed');
    const selection = {
      plans: Object.keys(files).map((path) => ({ path, basePath: null })),
      headSource: source('plans/b.plan.yaml', thrown),
      baseSource: null,
    };
    const verified = await verifySelection(selection);
    expect(verified.plans.map((p) => [p.file, p.verdict])).toEqual([
      ['plans/a.plan.yaml', 'pass'],
      ['plans/b.plan.yaml', 'error'],
      ['plans/c.plan.yaml', 'pass'],
    ]);
    const message = verified.plans[1]?.errors[0]?.message ?? '';
    expect(message).toContain('plans/b.plan.yaml');
    expect(message).toContain('URIError');
    expect(verified.unverified).toEqual(['plans/b.plan.yaml']);
  });

  it("names GitHub's answer when a read fails at GitHub, and quotes nothing else of the error", async () => {
    const httpError = Object.assign(new Error('Server Error\nsecret detail of the plan'), { status: 502 });
    const selection = { plans: [{ path: 'plans/a.plan.yaml', basePath: null }], headSource: source('plans/a.plan.yaml', httpError), baseSource: null };
    const [plan] = (await verifySelection(selection)).plans;
    expect(plan?.verdict).toBe('error');
    expect(plan?.errors[0]?.message).toMatch(/plans\/a\.plan\.yaml could not be verified: GitHub answered 502/);
    expect(plan?.errors[0]?.message).not.toContain('secret detail');
  });

  it('an error in a reference read costs only the plan that asked for it', async () => {
    const withRef: Record<string, string> = { ...files, 'plans/b.plan.yaml': VALID_PLAN.replace('  preset: llama-3.1-8b', '  hf_config: config.json') };
    const headSource: FileSource = {
      label: 'memory',
      async read(path) {
        if (path === 'plans/config.json') throw Object.assign(new Error('Bad gateway'), { status: 502 });
        return path in withRef ? { text: withRef[path] as string } : { missing: true };
      },
    };
    const verified = await verifySelection({ plans: Object.keys(withRef).map((path) => ({ path, basePath: null })), headSource, baseSource: null });
    expect(verified.plans.map((p) => p.verdict)).toEqual(['pass', 'error', 'pass']);
  });
});

describe("plan files named as Object.prototype's keys (plans: '*' matches a root file named constructor)", () => {
  it('find no base, section or state in the prototype: the run renders, and records every plan', async () => {
    // before: bases['constructor'] was Object itself, read as the plan's base version, and rendering
    // threw "Cannot read properties of undefined (reading 'find')": no comment, no check run, for any plan;
    // a plan named __proto__ was left out of the comment's recorded state
    const files = new Map([
      ['__proto__', VALID_PLAN],
      ['constructor', FAILING_PLAN],
      ['toString', VALID_PLAN],
    ]);
    const names = [...files.keys()];
    const headSource: FileSource = {
      label: 'memory',
      async read(path) {
        const text = files.get(path);
        return text === undefined ? { missing: true } : { text };
      },
    };
    const verified = await verifySelection({ plans: names.map((path) => ({ path, basePath: null })), headSource, baseSource: null });
    expect(verified.plans.map((p) => [p.file, p.verdict])).toEqual([
      ['__proto__', 'pass'],
      ['constructor', 'fail'],
      ['toString', 'pass'],
    ]);
    const report = combineReports(verified.plans);
    const alternatives = alternativesMarkdown(verified.plans, { get: () => undefined }, () => {});
    for (const plan of verified.plans) expect(() => renderPlan(plan, verified.bases[plan.file])).not.toThrow();
    const comment = composeComment({
      checkName: 'parallel-plan-check',
      report,
      bases: verified.bases,
      notes: [],
      headSha: 'a'.repeat(40),
      runUrl: null,
      alternatives,
    });
    expect(comment.body).toContain('constructor');
    expect(comment.body).not.toContain('[native code]');
    const state = reportState(report);
    expect(Object.keys(state.plans).sort()).toEqual(names);
    const recorded = readState(stateLine(state));
    expect(Object.keys(recorded?.plans ?? {}).sort()).toEqual(names);
    expect(stateChanged(recorded!, state, 1)).toBe(false);
  });
});
