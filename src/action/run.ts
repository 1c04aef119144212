// The action, start to end: what to verify (from the event), verify it, then report it in every
// place GitHub offers: outputs and files, job summary, line annotations, the sticky comment and
// one check run per plan. Writes that the token may not make (fork pull requests) are skipped
// with one plain log line; verification, annotations, summary and the job result still happen.
import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import { combineReports, type PlanReport, type ReadReference, type Verdict } from '../core/index.js';
import { escapeMarkdown } from '../report/index.js';
import { alternativesMarkdown, type PlanInputs } from './alternatives.js';
import { workflowAnnotations } from './annotations.js';
import { listChangedPlans, type PlanToVerify } from './changed-plans.js';
import { plansImportingChangedFiles } from './imported-plans.js';
import { createCheckRun } from './check-runs.js';
import { COMMENT_LIMIT, commentDigest, commentMarker, composeComment } from './comment-body.js';
import { readState, reportState, stateChanged } from './comment-state.js';
import { planChanged } from '../report/changes.js';
import { readTarget, type RunTarget } from './event.js';
import { contentsApiSource, workspaceSource, type FileSource } from './file-source.js';
import { parseInputs, type ActionInputs } from './inputs.js';
import { writeJobSummary, fitJobSummary } from './job-summary.js';
import { createClient, isPermissionDenied, timingFromEnv, type GitHubClient } from './octokit.js';
import { setOutputs, writeReportFiles } from './outputs.js';
import { planMatcher, type PathMatcher } from './plan-globs.js';
import { renderPlan, renderReport, renderReportJson, type Bases } from './render.js';
import { listTreePlans } from './repository-plans.js';
import { failureReason } from './result.js';
import { upsertWithShorterOnRejection } from './comment-fallback.js';
import { limitPlans, maxPlansFromEnv } from './plan-limit.js';
import { mapLimited, verifyFile } from './verify-files.js';
import { checkedOutSha, listWorkspacePlans } from './workspace.js';

const SEVERITY: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2, error: 3 };

/** Plans verified at once (each may wait on the contents API). */
const PARALLEL_READS = 8;

interface Selection {
  plans: PlanToVerify[];
  headSource: FileSource;
  baseSource: FileSource | null;
  notes: string[];
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

async function selectPlans(client: GitHubClient, target: RunTarget, inputs: ActionInputs, isPlan: PathMatcher, workspace: string | undefined): Promise<Selection> {
  const sha = target.kind === 'pull_request' ? target.headSha : target.sha;
  const checkedOut = workspace ? await checkedOutSha(workspace) : null;
  const fromWorkspace = workspace !== undefined && checkedOut === sha;
  const headSource = fromWorkspace ? workspaceSource(workspace) : contentsApiSource(client, target.owner, target.repo, sha);
  const notes: string[] = [];

  if (target.kind === 'pull_request') {
    const changed = await listChangedPlans(client, target, isPlan);
    if (changed.truncation) {
      notes.push(changed.truncation);
      core.warning(changed.truncation);
    }
    if (changed.removed.length > 0) notes.push(`Removed by this pull request, not verified: ${changed.removed.join(', ')}.`);
    core.info(`Pull request #${target.number}: ${changed.listed} files changed, ${changed.plans.length} of them plans to verify, ${changed.removed.length} plans removed.`);
    // plans that import a changed manifest or engine config (deployment.from) are verified again too
    let plans = changed.plans;
    if (changed.others.length > 0) {
      const all = fromWorkspace
        ? await listWorkspacePlans(workspace, inputs.plans, isPlan)
        : (await listTreePlans(client, target.owner, target.repo, sha, isPlan)).paths;
      const importing = await plansImportingChangedFiles(changed.others, plans, all, headSource);
      plans = [...plans, ...importing.plans].sort((a, b) => a.path.localeCompare(b.path));
      notes.push(...importing.notes);
      if (importing.plans.length > 0) core.info(`${importing.plans.length} unchanged plans import a changed file and are verified too.`);
    }
    return { plans, headSource, baseSource: contentsApiSource(client, target.owner, target.repo, target.baseSha), notes };
  }
  const listing = fromWorkspace
    ? { paths: await listWorkspacePlans(workspace, inputs.plans, isPlan), truncation: null }
    : await listTreePlans(client, target.owner, target.repo, sha, isPlan);
  if (listing.truncation) {
    notes.push(listing.truncation);
    core.warning(listing.truncation);
  }
  core.info(`${target.event} at ${sha.slice(0, 7)}: ${listing.paths.length} plan files in the repository.`);
  return { plans: listing.paths.map((path) => ({ path, basePath: null })), headSource, baseSource: null, notes };
}

async function verifySelection(selection: Selection): Promise<{ plans: PlanReport[]; bases: Bases; inputs: Map<string, PlanInputs> }> {
  const bases: Bases = {};
  const inputs = new Map<string, PlanInputs>();
  const plans = await mapLimited(selection.plans, PARALLEL_READS, async (item) => {
    const keep = (text: string, readReference: ReadReference) => inputs.set(item.path, { text, readReference });
    const head = (await verifyFile(item.path, selection.headSource, keep)) ?? {
      file: item.path,
      name: item.path,
      verdict: 'error' as const,
      checks: [],
      metrics: null,
      errors: [{ message: `${item.path} is listed as changed but does not exist at the head commit` }],
    };
    if (item.basePath && selection.baseSource) {
      try {
        bases[item.path] = await verifyFile(item.basePath, selection.baseSource);
      } catch (error) {
        bases[item.path] = null;
        core.info(`Could not read the base version of ${item.path}: ${(error as Error).message}`);
      }
    } else if (selection.baseSource) {
      bases[item.path] = null;
    }
    return head;
  });
  return { plans, bases, inputs };
}

/** What the token was not allowed to post, for the one log line that says so. */
const PERMISSION_NOTE = (what: string[]) =>
  `No ${what.join(' and no ')} posted: the token may not write to this repository (GitHub answered 403 "Resource not accessible by integration"; pull requests from forks get a read-only token). The results are in the annotations, the job summary and the job's status.`;

export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const inputs = parseInputs((name) => core.getInput(name));
  core.setSecret(inputs.token);
  const target = readTarget(env.GITHUB_EVENT_NAME ?? '', await readPayload(env.GITHUB_EVENT_PATH), env);
  const client = createClient({ token: inputs.token, ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}), ...timingFromEnv(env), log: core.info });
  const isPlan = planMatcher(inputs.plans);

  const selection = await selectPlans(client, target, inputs, isPlan, env.GITHUB_WORKSPACE);
  const limited = limitPlans(selection.plans, maxPlansFromEnv(env));
  selection.plans = limited.plans;
  if (limited.message) selection.notes.unshift(limited.message);
  core.info(`Reading plans from the ${selection.headSource.label}.`);
  const verified = await verifySelection(selection);
  // Worst first, so the first screen of the comment shows what fails and why.
  const plans = verified.plans.sort((a, b) => SEVERITY[b.verdict] - SEVERITY[a.verdict] || a.file.localeCompare(b.file));
  const bases = verified.bases;
  const report = combineReports(plans);
  for (const plan of plans) core.info(`${plan.verdict.padEnd(5)} ${plan.file}`);

  const notes = selection.notes;
  const notesMarkdown = notes.length > 0 ? `\n\n${notes.map((n) => `> ${escapeMarkdown(n)}`).join('\n>\n')}\n` : '';
  const alternatives = inputs.alternatives ? alternativesMarkdown(plans, verified.inputs, core.info) : {};
  const baseRef = target.kind === 'pull_request' ? target.baseRef : null;
  const renderOptions = { ...(baseRef ? { baseName: baseRef } : {}), minChange: inputs.minChange, alternatives };
  const fullMarkdown =
    (plans.length > 0 ? renderReport(report, bases, inputs.checkName, renderOptions) : '✅ No plan files to verify.\n') + notesMarkdown;
  const paths = await writeReportFiles(fullMarkdown, renderReportJson(report), env.RUNNER_TEMP);
  setOutputs(report, paths);
  await writeJobSummary(fitJobSummary(fullMarkdown, report));

  for (const a of workflowAnnotations(report)) {
    const properties = { title: a.title, file: a.file, ...(a.line !== undefined ? { startLine: a.line } : {}) };
    if (a.level === 'error') core.error(a.message, properties);
    else core.warning(a.message, properties);
  }

  const denied: string[] = [];
  const apiFailures: string[] = [];
  const url = runUrl(env);
  const headSha = target.kind === 'pull_request' ? target.headSha : target.sha;

  if (target.kind === 'pull_request' && inputs.comment !== 'never') {
    const mode = inputs.comment;
    const context = { checkName: inputs.checkName, report, bases, notes, headSha, baseSha: target.baseSha, baseRef, runUrl: url, alternatives, minChange: inputs.minChange, mode };
    const { body, digest } = composeComment(context);
    try {
      const sticky = { owner: target.owner, repo: target.repo, issueNumber: target.number, marker: commentMarker(inputs.checkName) };
      // on-change: no new comment unless some plan moved against its base; no edit unless something moved since the last one
      const worthSaying = mode !== 'on-change' || plans.some((p) => { const base = bases[p.file]; return !base || planChanged(p, base, inputs.minChange); });
      const state = reportState(report);
      // the recorded figures, by min-change; a comment without them (older, or too many plans to record) by its digest
      const isCurrent = (existing: string) => { const previous = readState(existing); return previous === null ? commentDigest(existing) === digest : !stateChanged(previous, state, inputs.minChange); };
      const options = { body, digest, onlyOnChange: mode === 'on-change', isCurrent, createIfMissing: plans.length > 0 && worthSaying };
      const result = await upsertWithShorterOnRejection(client, sticky, options, () => composeComment(context, COMMENT_LIMIT / 2).body, core.info);
      core.info(`Pull request comment: ${result.outcome}${result.id ? ` (id ${result.id})` : ''}.`);
    } catch (error) {
      if (isPermissionDenied(error)) denied.push('pull request comment');
      else apiFailures.push(`the pull request comment (${(error as Error).message})`);
    }
  }

  for (const plan of plans) {
    try {
      const summary = renderPlan(plan, bases[plan.file], 3, inputs.minChange);
      await createCheckRun(client, { owner: target.owner, repo: target.repo, headSha, checkName: inputs.checkName, plan, failOn: inputs.failOn, summary, detailsUrl: url });
    } catch (error) {
      if (isPermissionDenied(error)) {
        denied.push('check runs');
        break;
      }
      apiFailures.push(`the check run of ${plan.file} (${(error as Error).message})`);
    }
  }
  if (plans.length > 0 && !denied.includes('check runs') && apiFailures.length === 0) core.info(`Check runs: ${plans.length} created on ${headSha.slice(0, 7)}.`);

  if (denied.length > 0) core.info(PERMISSION_NOTE(denied));
  // One failure line at most: GitHub shows 10 error annotations per step, the plans use the rest.
  if (apiFailures.length > 0) core.info(`GitHub refused or failed to take ${apiFailures.join('; ')}`);
  const reasons = [failureReason(report, inputs.failOn), limited.message ? `parallel-plan-check: ${limited.message}` : null, apiFailures.length > 0 ? `parallel-plan-check: could not post ${apiFailures.length} result(s) to GitHub (see the log).` : null];
  const failure = reasons.filter((r): r is string => r !== null).join(' ');
  if (failure) core.setFailed(failure);
  else core.info(`Verdict: ${report.verdict}.`);
}

/** Entry point: every error ends as one clear failure line, never a stack trace in the log. */
export async function run(): Promise<void> {
  try {
    await runAction();
  } catch (error) {
    core.setFailed(`parallel-plan-check: ${error instanceof Error ? error.message : String(error)}`);
  }
}
