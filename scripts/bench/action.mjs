// Bench of the GitHub Action: wall time of the bundled action (dist/index.js) from process start to
// its last API call, on a pull request that changes 20 plans, against the local GitHub stand-in.
// GitHub asks integrations to space content writes a second apart, and the action does (one check
// run per plan, 3 s before a comment): so the time with that pacing is mostly waiting; the unpaced time is
// the action's own cost.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addCommit, createState, startStandIn } from '../../__tests__/e2e/stand-in/server.mjs';
import { ACTION_BUNDLE, REPO_ROOT, runPullRequest } from '../../__tests__/e2e/stand-in/run-action.mjs';
import { removeRunFolders } from '../../__tests__/e2e/stand-in/run-folders.mjs';

export const title = 'GitHub Action (20-plan pull request, local API stand-in)';

const PLANS = 20;
const HEAD = 'a'.repeat(40);
const BASE = 'b'.repeat(40);

async function once(writeIntervalMs) {
  const state = createState();
  const examples = readdirSync(join(REPO_ROOT, 'examples'))
    .filter((f) => f.endsWith('.plan.yaml'))
    .sort();
  const head = {};
  const base = {};
  const files = [];
  for (let i = 0; i < PLANS; i++) {
    const example = examples[i % examples.length];
    const path = `plans/p${String(i).padStart(2, '0')}-${example}`;
    head[path] = readFileSync(join(REPO_ROOT, 'examples', example), 'utf8');
    // half of them modified (base version verified too), half added
    if (i % 2 === 0) base[path] = head[path];
    files.push({ filename: path, status: i % 2 === 0 ? 'modified' : 'added' });
  }
  addCommit(state, HEAD, head);
  addCommit(state, BASE, base);
  state.pulls.set(1, { files });
  const server = await startStandIn(state);
  try {
    const result = await runPullRequest(
      server.url,
      state,
      { number: 1, headSha: HEAD, baseSha: BASE, changedFiles: PLANS },
      {
        env: { PARALLEL_PLAN_CHECK_WRITE_INTERVAL_MS: String(writeIntervalMs) },
        timeoutMs: 120_000,
      },
    );
    if (state.rejected.length > 0 || state.checkRuns.length !== PLANS || state.comments.length !== 1) {
      throw new Error(
        `the run did not complete as expected (exit ${result.exitCode}, ${state.checkRuns.length} check runs, ${state.rejected.length} rejected)`,
      );
    }
    const lastCall = Math.max(...state.requests.map((r) => r.at));
    return { ms: lastCall - result.startedAt, requests: state.requests.length };
  } finally {
    await server.close();
    removeRunFolders();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run() {
  if (!existsSync(ACTION_BUNDLE)) throw new Error(`${ACTION_BUNDLE} is missing: run 'npm run package' first`);
  const unpaced = [];
  for (let i = 0; i < 5; i++) unpaced.push(await once(0));
  const paced = await once(1000);
  const ms = median(unpaced.map((r) => r.ms));
  return [
    {
      measure: `process start to last API call, writes unpaced (median of 5, ${unpaced[0].requests} requests)`,
      result: `${ms} ms`,
      target: '< 3000 ms',
      ok: ms < 3000,
    },
    // production pacing: 1 s between writes (21 of them: 20 check runs and the comment), 3 s between comments
    { measure: 'same, writes paced as GitHub asks (production setting)', result: `${(paced.ms / 1000).toFixed(1)} s`, target: `≈ ${PLANS} s of it is pacing` },
  ];
}
