// One check run per plan file, named "<check-name> / <path>", on the pull request's head commit,
// so a branch protection rule can require a specific plan. The checks API takes at most 50
// annotations per request: the rest follow in updates, which append. Each update is a write, and
// GitHub allows about 80 content writes a minute and 500 an hour: 500 noisy plans once took 1,500
// writes. So a run makes at most MAX_ANNOTATION_UPDATES_PER_RUN updates; the annotations past them
// are counted in the check run's summary, which (like the job summary) lists every finding.
import type { PlanReport } from '../core/index.js';
import { checkRunAnnotations, type CheckRunAnnotation } from './annotations.js';
import type { FailOn } from './inputs.js';
import type { GitHubClient } from './octokit.js';
import { verdictFails } from './result.js';
import { dropDetails } from './comment-body.js';
import { showHidden } from './log.js';
import { countOf } from '../core/figures.js';
import { cutWhole } from './cut.js';

/** Checks API limits: annotations per request, characters of output.summary and output.title. */
export const ANNOTATIONS_PER_REQUEST = 50;
export const SUMMARY_LIMIT = 65_535;

/** Annotation updates (writes beyond each plan's one) that one run makes, for all its plans. */
export const MAX_ANNOTATION_UPDATES_PER_RUN = 50;

/** Annotation updates a run may still make; `omitted`: annotations not posted for want of them. */
export interface AnnotationBudget {
  updatesLeft: number;
  omitted: number;
}

export function annotationBudget(updates = MAX_ANNOTATION_UPDATES_PER_RUN): AnnotationBudget {
  return { updatesLeft: updates, omitted: 0 };
}

export type Conclusion = 'success' | 'neutral' | 'failure';

/**
 * A plan's conclusion: `failure` where its verdict fails the job under fail-on (so a required
 * check blocks exactly what the job blocks), `success` for a pass, `neutral` otherwise. A plan the
 * run never verified (a read refused, a budget spent) fails the job whatever fail-on says, so its
 * check run is a failure too: GitHub counts `neutral` as passing a required check.
 */
export function conclusionFor(plan: PlanReport, failOn: FailOn, unverified = false): Conclusion {
  if (unverified || verdictFails(plan.verdict, failOn)) return 'failure';
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
  return cutWhole(lean, limit - note.length).replace(/\n[^\n]*$/, '') + note;
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
  /** its error verdict is a read refused or a budget spent, not an invalid plan */
  unverified?: boolean;
}

/** Why a check run holds fewer annotations than findings. */
export function omittedText(omitted: number): string {
  return `${countOf(omitted, 'more annotation')} not posted on this check run: one run makes at most ${MAX_ANNOTATION_UPDATES_PER_RUN} annotation updates for all its plans (each is a write, and GitHub limits writes per hour). Every finding is listed above and in the job summary.`;
}

export function checkRunTitle(plan: PlanReport, unverified = false): string {
  const count = (s: string) => plan.checks.filter((c) => c.status === s).length;
  // a plan the run could not verify (a read refused, a budget spent) is not called invalid
  if (plan.verdict === 'error') return `${unverified ? 'Not verified' : 'Not a valid plan'}: ${countOf(plan.errors.length, 'error')}`;
  const parts = [`${count('fail')} failed`, countOf(count('warn'), 'warning'), `${count('unverified')} unverified`, `${count('pass')} passed`];
  return `${plan.verdict}: ${parts.join(', ')}`;
}

/** The run-wide budget's default: one per call, unbounded (a caller with many plans passes one budget to all). */
export async function createCheckRun(client: GitHubClient, input: CheckRunInput, budget: AnnotationBudget = annotationBudget(Infinity)): Promise<number> {
  const all: CheckRunAnnotation[] = checkRunAnnotations(input.plan, input.unverified);
  // the first request carries 50 for free; every further 50 costs an update from the run's budget
  const wanted = Math.max(0, Math.ceil(all.length / ANNOTATIONS_PER_REQUEST) - 1);
  const granted = Math.min(wanted, budget.updatesLeft);
  budget.updatesLeft -= granted;
  const annotations = all.slice(0, ANNOTATIONS_PER_REQUEST * (granted + 1));
  const omitted = all.length - annotations.length;
  budget.omitted += omitted;
  const omittedNote = omitted > 0 ? `\n\n${omittedText(omitted)}` : '';
  const title = checkRunTitle(input.plan, input.unverified);
  const summary = fitSummary(input.summary, 'the full report is in the job summary of the workflow run', SUMMARY_LIMIT - omittedNote.length) + omittedNote;
  const { data } = await client.rest.checks.create({
    owner: input.owner,
    repo: input.repo,
    name: checkRunName(input.checkName, input.plan.file),
    head_sha: input.headSha,
    status: 'completed',
    conclusion: conclusionFor(input.plan, input.failOn, input.unverified),
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
