// The action, start to end: what to verify (from the event), verify it, then report it in every
// place GitHub offers: outputs and files, job summary, line annotations, the sticky comment and
// one check run per plan. Writes that the token may not make (fork pull requests) are skipped
// with one plain log line; verification, annotations, summary and the job result still happen.
import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import { escapeLine } from '../report/index.js';
import { alternativesMarkdown } from './alternatives.js';
import { workflowAnnotationCommand, workflowAnnotations } from './annotations.js';
import { listChangedPlans, type PlanToVerify } from './changed-plans.js';
import { movedHeadFailure } from './listed-commit.js';
import { MAX_PLANS_SCANNED, plansImportingChangedFiles } from './imported-plans.js';
import { logLine, showHidden } from './log.js';
import { tokenLogin } from './token-login.js';
import { annotationBudget, createCheckRun, MAX_ANNOTATION_UPDATES_PER_RUN } from './check-runs.js';
import { COMMENT_LIMIT, commentDigest, commentMarker, composeComment } from './comment-body.js';
import { readState, reportState, stateChanged } from './comment-state.js';
import { planChanged } from '../report/changes.js';
import { readTarget, type RunTarget } from './event.js';
import { contentsApiSource, workspaceSource, type FileSource } from './file-source.js';
import { parseInputs, type ActionInputs } from './inputs.js';
import { writeJobSummary, fitJobSummary } from './job-summary.js';
import { createClient, isPermissionDenied, stopMessage, timingFromEnv, type GitHubClient } from './octokit.js';
import { setOutputs, writeReportFiles } from './outputs.js';
import { planMatcher, type PathMatcher } from './plan-globs.js';
import { renderPlan, renderReport, renderReportJson } from './render.js';
import { listTreePlans, type TreePlans } from './repository-plans.js';
import { failureReason, fileList } from './result.js';
import { upsertWithShorterOnRejection } from './comment-fallback.js';
import { limitPlans, maxPlansFromEnv } from './plan-limit.js';
import { verifySelection } from './verify-selection.js';
import { byteBudget, byteBudgetFailure } from './reference-reads.js';
import { budgetedSource, maxReadsFromEnv, readBudget, readBudgetFailure, type ReadBudget } from './read-budget.js';
import { reportOrder } from './report-order.js';
import { checkedOutSha, isSparseCheckout, listWorkspacePlans } from './workspace.js';
import { countOf } from '../core/figures.js';
import { unmatchedGlobs, unmatchedGlobsWarning } from './unmatched-globs.js';
import { gapSentence, hasGaps, runReport, type ScopeGaps } from './run-scope.js';

interface Selection {
  plans: PlanToVerify[];
  headSource: FileSource;
  baseSource: FileSource | null;
  notes: string[];
  /** why plans may have gone unseen (a listing GitHub cut short): each fails the job, never a pass */
  failures: string[];
}

async function readPayload(path: string | undefined): Promise<unknown> {
  if (!path) return {};
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

function runUrl(env: NodeJS.ProcessEnv): string | null {
  if (!env.GITHUB_RUN_ID || !env.GITHUB_REPOSITORY) return null;
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  const attempt = env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : '';
  return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${attempt}`;
}

/** Every plan at a commit: from the workspace when it is checked out, else the git trees API. */
async function allPlansAt(
  client: GitHubClient,
  target: RunTarget,
  sha: string,
  inputs: ActionInputs,
  isPlan: PathMatcher,
  workspace: string | undefined,
): Promise<TreePlans> {
  return workspace !== undefined
    ? { paths: await listWorkspacePlans(workspace, inputs.plans, isPlan), truncation: null }
    : listTreePlans(client, target.owner, target.repo, sha, isPlan);
}

async function selectPlans(
  client: GitHubClient,
  target: RunTarget,
  inputs: ActionInputs,
  isPlan: PathMatcher,
  workspace: string | undefined,
  env: NodeJS.ProcessEnv,
  reads: ReadBudget,
): Promise<Selection> {
  // every read through the contents API is a request: one budget for the run, head and base
  // base reads are optional (a comparison): refused past the budget without failing anything
  const api = (at: string, optional = false) => budgetedSource(contentsApiSource(client, target.owner, target.repo, at), reads, optional);
  const sha = target.kind === 'pull_request' ? target.headSha : target.sha;
  const checkedOut = workspace ? await checkedOutSha(workspace) : null;
  // a sparse checkout holds only part of the commit: plans and the files they read may be missing from it
  const sparse = workspace !== undefined && checkedOut === sha && (await isSparseCheckout(workspace));
  if (sparse) logLine('The head commit is checked out sparsely (only part of its files): files are read through the contents API.');
  const fromWorkspace = workspace !== undefined && checkedOut === sha && !sparse;
  const checkout = fromWorkspace ? workspace : undefined;
  const headSource = fromWorkspace ? workspaceSource(workspace) : api(sha);
  const notes: string[] = [];
  const failures: string[] = [];
  if (target.event === 'pull_request_target' && checkedOut !== null && checkedOut !== env.GITHUB_SHA) {
    core.warning(PULL_REQUEST_TARGET_WARNING(checkedOut));
  }

  if (target.kind === 'pull_request') {
    const changed = await listChangedPlans(client, target, isPlan);
    if (changed.removed.length > 0) notes.push(`Removed by this pull request, not verified: ${changed.removed.join(', ')}.`);
    logLine(
      `Pull request #${target.number}: ${countOf(changed.listed, 'file')} changed, ${changed.plans.length} of them plans to verify, ${countOf(changed.removed.length, 'plan')} removed.`,
    );
    const moved = movedHeadFailure(changed.listedAt, target.headSha);
    if (moved) {
      notes.push(moved);
      failures.push(moved);
    }
    let plans = changed.plans;
    let all: string[] | undefined;
    if (changed.truncation) {
      // Fail closed: the plans among the files GitHub left out are found at the head commit itself.
      const listing = await allPlansAt(client, target, sha, inputs, isPlan, checkout);
      all = listing.paths;
      const listed = new Set(plans.map((p) => p.path));
      const unlisted = listing.paths.filter((path) => !listed.has(path)).map((path) => ({ path, basePath: null, unlisted: true }));
      plans = [...plans, ...unlisted].sort((a, b) => a.path.localeCompare(b.path));
      const message = `${changed.truncation} So every plan at the head commit is verified instead: ${countOf(listing.paths.length, 'plan')} (${unlisted.length} of them not in GitHub's list, verified without a comparison to the base).`;
      notes.push(message);
      core.warning(message);
      if (listing.truncation) {
        const failure = `${changed.truncation} And ${listing.truncation} Plans may have gone unverified, so the job fails.`;
        notes.push(failure);
        failures.push(failure);
      }
    }
    // plans that import a changed manifest or engine config (deployment.from) are verified again too
    if (changed.others.length > 0) {
      if (all === undefined) {
        const listing = await allPlansAt(client, target, sha, inputs, isPlan, checkout);
        all = listing.paths;
        // fail closed: a plan left out of a cut listing may read a changed file
        if (listing.truncation) {
          const failure = `${listing.truncation} A plan left out of it may read a file this pull request changes, so the job fails.`;
          notes.push(failure);
          failures.push(failure);
        }
      }
      // with the workspace a read is local; through the API each is a request, so their number is capped
      const importing = await plansImportingChangedFiles(changed.others, plans, all, headSource, fromWorkspace ? Infinity : MAX_PLANS_SCANNED);
      plans = [...plans, ...importing.plans].sort((a, b) => a.path.localeCompare(b.path));
      notes.push(...importing.notes);
      if (importing.unsearched) failures.push(importing.unsearched);
      if (importing.plans.length > 0) {
        const n = importing.plans.length;
        logLine(`${n} unchanged plan${n === 1 ? ' imports' : 's import'} a changed file and ${n === 1 ? 'is' : 'are'} verified too.`);
      }
    }
    return { plans, headSource, baseSource: api(target.baseSha, true), notes, failures };
  }
  const listing = await allPlansAt(client, target, sha, inputs, isPlan, checkout);
  if (listing.truncation) {
    notes.push(listing.truncation);
    failures.push(`${listing.truncation} Plans may have gone unverified, so the job fails.`);
  }
  logLine(`${target.event} at ${sha.slice(0, 7)}: ${listing.paths.length} plan files in the repository.`);
  const unmatched = unmatchedGlobs(inputs.plans, listing.paths);
  if (unmatched.length > 0) {
    const warning = unmatchedGlobsWarning(unmatched, sha);
    notes.push(`⚠️ ${warning}`);
    core.warning(warning);
  }
  return { plans: listing.paths.map((path) => ({ path, basePath: null })), headSource, baseSource: null, notes, failures };
}

/** Under pull_request_target the token may write and secrets are there: the pull request's code must not be checked out. */
const PULL_REQUEST_TARGET_WARNING = (sha: string) =>
  `This job runs on pull_request_target with commit ${sha.slice(0, 7)} checked out, not the base branch's. pull_request_target runs with a token that may write and with the repository's secrets, so a checked-out pull request can reach them (through its files, or anything that runs them). parallel-plan-check never runs what it reads and follows no links, but other steps may: use the pull_request event, or do not check out the pull request's head. See the README ("Workflow").`;

/** One note for every base comparison the budgets had no room for: the heads were read first. */
const BASES_DROPPED = (files: string[]) =>
  `${countOf(files.length, 'plan')} shown without a comparison to the base (${fileList(files)}): the run's budgets (reads through GitHub's contents API, bytes of referenced files) went to verifying every head version first, and these base versions did not fit. Their verdicts stand; only the changes against the base are not shown.`;

/** What the token was not allowed to post, for the one log line that says so. */
const PERMISSION_NOTE = (what: string[]) =>
  `No ${what.join(' and no ')} posted: the token may not write to this repository (GitHub answered 403 "Resource not accessible by integration"; pull requests from forks get a read-only token). The results are in the annotations, the job summary and the job's status.`;

export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const inputs = parseInputs((name) => core.getInput(name));
  core.setSecret(inputs.token);
  const target = readTarget(env.GITHUB_EVENT_NAME ?? '', await readPayload(env.GITHUB_EVENT_PATH), env);
  const client = createClient({ token: inputs.token, ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}), ...timingFromEnv(env), log: logLine });
  const isPlan = planMatcher(inputs.plans);

  const reads = readBudget(maxReadsFromEnv(env));
  const selection = await selectPlans(client, target, inputs, isPlan, env.GITHUB_WORKSPACE, env, reads);
  const limited = limitPlans(selection.plans, maxPlansFromEnv(env));
  selection.plans = limited.plans;
  if (limited.message) selection.notes.unshift(limited.message);
  logLine(`Reading plans from the ${selection.headSource.label}.`);
  const bytes = byteBudget();
  const verified = await verifySelection(selection, bytes);
  // budgets that ran out: plans went unverified, so the job fails whatever fail-on says
  const budgetsSpent = [readBudgetFailure(reads), byteBudgetFailure(bytes)].filter((f): f is string => f !== null);
  selection.notes.push(...budgetsSpent);
  if (verified.basesDropped.length > 0) selection.notes.push(BASES_DROPPED(verified.basesDropped));
  // Worst first, so the first screen of the comment shows what fails and why.
  const plans = verified.plans.sort(reportOrder);
  const bases = verified.bases;
  // what the run did not verify: its verdict is error then, and every report says so first
  const gaps: ScopeGaps = {
    files: [...limited.skipped, ...verified.unverified],
    // refused reads that no plan's error names were the search for importing plans': it stopped short
    doubts: [...selection.failures, ...(verified.unverified.length === 0 ? budgetsSpent : [])],
  };
  const report = runReport(plans, gaps);
  const gapLine = gapSentence(gaps);
  const notVerified = new Set(verified.unverified);
  const unverified = gapLine ? { sentence: gapLine, files: notVerified } : undefined;
  for (const plan of plans) logLine(`${plan.verdict.padEnd(5)} ${plan.file}`);

  const notes = selection.notes;
  const notesMarkdown = notes.length > 0 ? `\n\n${notes.map((n) => `> ${escapeLine(n)}`).join('\n>\n')}\n` : '';
  const alternatives = inputs.alternatives ? alternativesMarkdown(plans, verified.inputs, logLine) : {};
  const baseRef = target.kind === 'pull_request' ? target.baseRef : null;
  const renderOptions = { ...(baseRef ? { baseName: baseRef } : {}), minChange: inputs.minChange, alternatives, ...(unverified ? { unverified } : {}) };
  const fullMarkdown =
    (plans.length > 0 || unverified ? renderReport(report, bases, inputs.checkName, renderOptions) : '✅ No plan files to verify.\n') + notesMarkdown;
  const paths = await writeReportFiles(fullMarkdown, renderReportJson(report), env.RUNNER_TEMP);
  setOutputs(report, paths, gaps);
  await writeJobSummary(fitJobSummary(fullMarkdown, report, undefined, unverified, notes));

  for (const a of workflowAnnotations(report, undefined, notVerified)) {
    const { message, properties } = workflowAnnotationCommand(a);
    if (a.level === 'error') core.error(message, properties);
    else core.warning(message, properties);
  }

  const denied: string[] = [];
  const apiFailures: string[] = [];
  const url = runUrl(env);
  const headSha = target.kind === 'pull_request' ? target.headSha : target.sha;

  if (target.kind === 'pull_request' && inputs.comment !== 'never') {
    const mode = inputs.comment;
    const context = {
      checkName: inputs.checkName,
      report,
      bases,
      notes,
      headSha,
      baseSha: target.baseSha,
      baseRef,
      runUrl: url,
      alternatives,
      minChange: inputs.minChange,
      mode,
      ...(unverified ? { unverified } : {}),
    };
    const { body, digest } = composeComment(context);
    try {
      const author = await tokenLogin(client, logLine);
      const sticky = { owner: target.owner, repo: target.repo, issueNumber: target.number, marker: commentMarker(inputs.checkName), author };
      // on-change: no new comment unless some plan moved against its base; no edit unless something moved since the last one
      const worthSaying =
        mode !== 'on-change' ||
        hasGaps(gaps) ||
        plans.some((p) => {
          const base = bases[p.file];
          return !base || planChanged(p, base, inputs.minChange);
        });
      const state = reportState(report, notes);
      // the recorded figures, by min-change; a comment without them (older, or too many plans to record) by its digest
      const isCurrent = (existing: string) => {
        const previous = readState(existing);
        return previous === null ? commentDigest(existing) === digest : !stateChanged(previous, state, inputs.minChange);
      };
      const options = { body, digest, onlyOnChange: mode === 'on-change', isCurrent, createIfMissing: (plans.length > 0 || hasGaps(gaps)) && worthSaying };
      const result = await upsertWithShorterOnRejection(client, sticky, options, () => composeComment(context, COMMENT_LIMIT / 2).body, logLine);
      logLine(`Pull request comment: ${result.outcome}${result.id ? ` (id ${result.id})` : ''}.`);
    } catch (error) {
      if (isPermissionDenied(error)) denied.push('pull request comment');
      else apiFailures.push(`the pull request comment (${(error as Error).message})`);
    }
  }

  // one budget of annotation updates for all the check runs: writes stay near one per plan
  const annotations = annotationBudget();
  for (const plan of plans) {
    try {
      const summary = renderPlan(plan, bases[plan.file], 3, inputs.minChange, notVerified.has(plan.file));
      await createCheckRun(
        client,
        {
          owner: target.owner,
          repo: target.repo,
          headSha,
          checkName: inputs.checkName,
          plan,
          failOn: inputs.failOn,
          summary,
          detailsUrl: url,
          unverified: notVerified.has(plan.file),
        },
        annotations,
      );
    } catch (error) {
      if (isPermissionDenied(error)) {
        denied.push('check runs');
        break;
      }
      apiFailures.push(`the check run of ${plan.file} (${(error as Error).message})`);
    }
  }
  if (plans.length > 0 && !denied.includes('check runs') && apiFailures.length === 0) logLine(`Check runs: ${plans.length} created on ${headSha.slice(0, 7)}.`);
  if (annotations.omitted > 0)
    logLine(
      `Check-run annotations: ${annotations.omitted} not posted, past the run's ${MAX_ANNOTATION_UPDATES_PER_RUN} annotation updates; each check run's summary counts its own.`,
    );

  if (denied.length > 0) logLine(PERMISSION_NOTE(denied));
  // One failure line at most: GitHub shows 10 error annotations per step, the plans use the rest.
  if (apiFailures.length > 0) logLine(`GitHub refused or failed to take ${apiFailures.join('; ')}`);
  const reasons = [
    // the plans not verified have their own line below: not counted as invalid there
    failureReason(report, inputs.failOn, notVerified),
    limited.message ? `parallel-plan-check: ${limited.message}` : null,
    ...selection.failures.map((f) => `parallel-plan-check: ${f}`),
    ...budgetsSpent.map((f) => `parallel-plan-check: ${f}`),
    verified.unverified.length > 0
      ? `parallel-plan-check: ${verified.unverified.length} plan(s) could not be verified, for a reason not in the plan (${fileList(verified.unverified)}): see their errors.`
      : null,
    apiFailures.length > 0 ? `parallel-plan-check: could not post ${apiFailures.length} result(s) to GitHub (see the log).` : null,
  ];
  const failure = reasons.filter((r): r is string => r !== null).join(' ');
  // file names in it: hidden characters shown escaped, as in every annotation
  if (failure) core.setFailed(showHidden(failure));
  else logLine(`Verdict: ${report.verdict}.`);
}

/** Entry point: every error ends as one clear failure line, never a stack trace in the log. */
export async function run(): Promise<void> {
  try {
    await runAction();
  } catch (error) {
    // a later step reading the verdict gets one, not an empty string
    core.setOutput('verdict', 'error');
    core.setFailed(`parallel-plan-check: ${stopMessage(error)}`);
  }
}
