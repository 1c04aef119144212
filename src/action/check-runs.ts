// One check run per plan file, named "<check-name> / <path>", on the pull request's head commit,
// so a branch protection rule can require a specific plan. The checks API takes at most 50
// annotations per request: the rest follow in updates, which append.
import type { PlanReport } from '../core/index.js';
import { checkRunAnnotations, type CheckRunAnnotation } from './annotations.js';
import type { FailOn } from './inputs.js';
import type { GitHubClient } from './octokit.js';
import { verdictFails } from './result.js';
import { dropDetails } from './comment-body.js';
import { showHidden } from './log.js';
import { countOf } from '../core/figures.js';

/** Checks API limits: annotations per request, characters of output.summary and output.title. */
export const ANNOTATIONS_PER_REQUEST = 50;
export const SUMMARY_LIMIT = 65_535;

export type Conclusion = 'success' | 'neutral' | 'failure';

/**
 * A plan's conclusion: `failure` where its verdict fails the job under fail-on (so a required
 * check blocks exactly what the job blocks), `success` for a pass, `neutral` otherwise.
 */
export function conclusionFor(plan: PlanReport, failOn: FailOn): Conclusion {
  if (verdictFails(plan.verdict, failOn)) return 'failure';
  return plan.verdict === 'pass' ? 'success' : 'neutral';
}

/** Hidden characters in the name shown escaped: a right-to-left override would make it read as another plan's. */
export function checkRunName(checkName: string, file: string): string {
  // a name is one line in GitHub's checks list: a file name's line breaks are shown, not kept
  return showHidden(`${checkName} / ${file}`).replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

/** Fits markdown to the summary limit: without folded details first, then cut at a line. */
export function fitSummary(markdown: string, pointer: string, limit = SUMMARY_LIMIT): string {
  if (markdown.length <= limit) return markdown;
  const lean = dropDetails(markdown);
  const note = `\n\n… shortened: ${pointer}`;
  if (lean.length + note.length <= limit) return lean + note;
  return lean.slice(0, limit - note.length).replace(/\n[^\n]*$/, '') + note;
}

export interface CheckRunInput {
  owner: string;
  repo: string;
  headSha: string;
  checkName: string;
  plan: PlanReport;
  failOn: FailOn;
  /** the plan's markdown (with deltas against its base) */
  summary: string;
  detailsUrl: string | null;
}

export function checkRunTitle(plan: PlanReport): string {
  const count = (s: string) => plan.checks.filter((c) => c.status === s).length;
  if (plan.verdict === 'error') return `Not a valid plan: ${countOf(plan.errors.length, 'error')}`;
  const parts = [`${count('fail')} failed`, `${count('warn')} warnings`, `${count('unverified')} unverified`, `${count('pass')} passed`];
  return `${plan.verdict}: ${parts.join(', ')}`;
}

export async function createCheckRun(client: GitHubClient, input: CheckRunInput): Promise<number> {
  const annotations: CheckRunAnnotation[] = checkRunAnnotations(input.plan);
  const title = checkRunTitle(input.plan);
  const summary = fitSummary(input.summary, 'the full report is in the job summary of the workflow run');
  const { data } = await client.rest.checks.create({
    owner: input.owner,
    repo: input.repo,
    name: checkRunName(input.checkName, input.plan.file),
    head_sha: input.headSha,
    status: 'completed',
    conclusion: conclusionFor(input.plan, input.failOn),
    completed_at: new Date().toISOString(),
    ...(input.detailsUrl ? { details_url: input.detailsUrl } : {}),
    output: { title, summary, annotations: annotations.slice(0, ANNOTATIONS_PER_REQUEST) },
  });
  for (let start = ANNOTATIONS_PER_REQUEST; start < annotations.length; start += ANNOTATIONS_PER_REQUEST) {
    await client.rest.checks.update({
      owner: input.owner,
      repo: input.repo,
      check_run_id: data.id,
      output: { title, summary, annotations: annotations.slice(start, start + ANNOTATIONS_PER_REQUEST) },
    });
  }
  return data.id;
}
