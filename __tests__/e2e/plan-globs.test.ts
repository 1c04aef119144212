// `plans` globs that can never match are an input error, and a glob that matches no file in a run
// over the whole repository is a warning in the job summary: neither passes in silence with 0 plans.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VALID_PLAN } from '../fixtures/hostile/cases.js';
import { ensureFreshBundle } from './bundle.js';
import { addCommit, createState, type StandIn, startStandIn } from './stand-in/server.mjs';
import { runAction } from './stand-in/run-action.mjs';

const SHA = '7'.repeat(40);

let server: StandIn | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
beforeAll(() => ensureFreshBundle(), 180_000);

async function push(plans: string, checkedOut: boolean) {
  const tree = { 'plans/a.plan.yaml': VALID_PLAN };
  const state = createState();
  addCommit(state, SHA, tree);
  server = await startStandIn(state);
  const result = await runAction({
    apiUrl: server.url,
    token: state.token,
    owner: state.owner,
    repo: state.repo,
    eventName: 'push',
    payload: { ref: 'refs/heads/main', after: SHA, repository: { full_name: `${state.owner}/${state.repo}` } },
    inputs: { plans },
    env: { GITHUB_SHA: SHA },
    ...(checkedOut ? { checkedOut: SHA, files: tree } : {}),
  });
  return { state, result };
}

describe('plans globs', () => {
  for (const glob of ['../**/*.plan.yaml', '/plans/*.plan.yaml', 'plans/../**/*.plan.yaml', '!../x/*.plan.yaml']) {
    it(`rejects ${glob}: it can never match`, async () => {
      const { state, result } = await push(`plans/*.plan.yaml\n${glob}`, true);
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toMatch(/::error::parallel-plan-check: input 'plans': .* so it can never match/);
      expect(state.checkRuns).toHaveLength(0);
    });
  }

  for (const checkedOut of [true, false]) {
    it(`warns in the job summary when a glob matches no file in the repository (${checkedOut ? 'workspace' : 'trees API'})`, async () => {
      const { result } = await push('plans/*.plan.yaml\ndeploy/**/*.plan.yaml', checkedOut);
      expect(result.exitCode).toBe(0);
      // notes are escaped markdown: deploy\/\*\*\/\*.plan.yaml
      expect(result.summary).toMatch(/> ⚠️ The plans glob 'deploy\/\\\*\\\*\/\\\*\.plan\.yaml' matched no plan file at 7777777/);
      expect(result.stdout).toMatch(/::warning::The plans glob 'deploy\/\*\*\/\*\.plan\.yaml' matched no plan file/);
      expect(result.summary).not.toMatch(/plans\/\*\.plan\.yaml' matched/);
    });
  }
});
