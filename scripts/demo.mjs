// `npm run demo`: the bundled action on a sample pull request (demo/scenario.mjs), against the local
// GitHub stand-in; prints the comment it posted, the check runs it created and its annotations.
import { existsSync } from 'node:fs';
import { BASE_SHA, HEAD_SHA, PULL_NUMBER, buildDemo } from '../demo/scenario.mjs';
import { createState, startStandIn } from '../__tests__/e2e/stand-in/server.mjs';
import { ACTION_BUNDLE, REPO_ROOT, annotationsIn, runPullRequest } from '../__tests__/e2e/stand-in/run-action.mjs';
import { removeRunFolders } from '../__tests__/e2e/stand-in/run-folders.mjs';

if (!existsSync(ACTION_BUNDLE)) {
  console.error(`${ACTION_BUNDLE} is missing: run 'npm run package' first.`);
  process.exit(2);
}

const state = createState({ owner: 'acme', repo: 'inference-plans' });
const { files } = buildDemo(state, REPO_ROOT);
const server = await startStandIn(state);
const rule = (title) => console.log(`\n${'='.repeat(8)} ${title} ${'='.repeat(Math.max(0, 70 - title.length))}\n`);

try {
  const result = await runPullRequest(
    server.url,
    state,
    { number: PULL_NUMBER, headSha: HEAD_SHA, baseSha: BASE_SHA, changedFiles: files.length, action: 'opened' },
    {
      env: { PARALLEL_PLAN_CHECK_WRITE_INTERVAL_MS: '0', PARALLEL_PLAN_CHECK_RETRY_BASE_MS: '50' },
    },
  );

  rule(`pull request #${PULL_NUMBER}: ${files.length} changed files`);
  for (const f of files) console.log(`  ${f.status.padEnd(9)} ${f.filename}${f.previous_filename ? ` (from ${f.previous_filename})` : ''}`);

  rule('action log');
  console.log(
    result.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::'))
      .join('\n')
      .trim(),
  );

  rule('comment posted');
  for (const c of state.comments) console.log(c.body);

  rule(`check runs created (on ${HEAD_SHA.slice(0, 7)})`);
  for (const run of state.checkRuns) {
    console.log(`- ${run.name}: ${run.conclusion} (${run.output.title}; ${run.output.annotations.length} annotations)`);
    for (const a of run.output.annotations.slice(0, 5)) console.log(`    ${a.annotation_level.padEnd(7)} ${a.path}:${a.start_line}  ${a.title}`);
  }

  rule('annotations (workflow commands)');
  for (const a of annotationsIn(result.stdout))
    console.log(`  ${a.level.padEnd(7)} ${a.file ?? ''}${a.line ? `:${a.line}` : ''}  ${a.title ?? ''}: ${a.message}`);

  rule('outputs (the run folder, report files included, is removed when the demo ends)');
  for (const [k, v] of Object.entries(result.outputs)) console.log(`  ${k} = ${v}`);
  console.log(
    `\nexit code ${result.exitCode} (the job ${result.exitCode === 0 ? 'passes' : 'fails'}), ${result.wallMs} ms, ${state.requests.length} API requests, ${state.rejected.length} rejected by the stand-in`,
  );
  if (state.rejected.length > 0) {
    console.error(state.rejected);
    process.exitCode = 1;
  }
} finally {
  await server.close();
  removeRunFolders();
}
