// The plan files a pull request adds or changes, from every page of its file list.
import type { PullRequestTarget } from './event.js';
import { listedCommits } from './listed-commit.js';
import type { GitHubClient } from './octokit.js';
import type { PathMatcher } from './plan-globs.js';

/** GitHub lists at most this many files of a pull request (REST: pulls.listFiles). */
export const PR_FILE_LIST_CAP = 3000;

export interface PlanToVerify {
  /** path at the head commit */
  path: string;
  /** path of the previous version at the base commit; null for a new plan */
  basePath: string | null;
  /** not in GitHub's (truncated) list of changed files: found at the head commit, not compared with the base */
  unlisted?: boolean;
}

export interface ChangedPlans {
  plans: PlanToVerify[];
  /** plan files the pull request deletes (or renames to a name that is no plan) */
  removed: string[];
  /** the other files it touches (both names of a rename): plans may import them (deployment.from) */
  others: string[];
  /** how many files GitHub listed */
  listed: number;
  /** what happened when GitHub's cap cut the list short (the caller then lists every plan at the head), else null */
  truncation: string | null;
  /** the head commits the listed files name (listed-commit.ts) */
  listedAt: string[];
}

export interface ChangedFile {
  filename: string;
  status: string;
  previous_filename?: string;
  /** the contents API's URL of the file at the pull request's head (`?ref=<sha>`) */
  contents_url?: string;
}

/** Pure: sorts a pull request's files into plans to verify and plans removed. */
export function classifyChangedFiles(files: readonly ChangedFile[], isPlan: PathMatcher): Omit<ChangedPlans, 'listed' | 'truncation' | 'listedAt'> {
  const plans: PlanToVerify[] = [];
  const removed: string[] = [];
  const others = new Set<string>();
  for (const file of files) {
    if (file.status !== 'unchanged') {
      if (!isPlan(file.filename)) others.add(file.filename);
      if (file.previous_filename !== undefined && !isPlan(file.previous_filename)) others.add(file.previous_filename);
    }
    const wasPlan = file.previous_filename !== undefined && isPlan(file.previous_filename);
    switch (file.status) {
      case 'removed':
        if (isPlan(file.filename)) removed.push(file.filename);
        break;
      case 'renamed':
        if (isPlan(file.filename)) plans.push({ path: file.filename, basePath: wasPlan ? (file.previous_filename ?? null) : null });
        else if (wasPlan && file.previous_filename) removed.push(file.previous_filename);
        break;
      case 'added':
      case 'copied':
        if (isPlan(file.filename)) plans.push({ path: file.filename, basePath: null });
        break;
      case 'unchanged':
        break;
      default: // modified, changed
        if (isPlan(file.filename)) plans.push({ path: file.filename, basePath: file.filename });
    }
  }
  plans.sort((a, b) => a.path.localeCompare(b.path));
  removed.sort();
  return { plans, removed, others: [...others].sort() };
}

export function truncationWarning(listed: number, changedFiles: number | null): string | null {
  if (changedFiles !== null && listed < changedFiles) {
    return `GitHub listed ${listed} of the ${changedFiles} files this pull request changes (its API stops at ${PR_FILE_LIST_CAP}).`;
  }
  if (changedFiles === null && listed >= PR_FILE_LIST_CAP) {
    return `GitHub listed ${listed} files, its API's limit, and the event does not say how many the pull request changes.`;
  }
  return null;
}

export async function listChangedPlans(client: GitHubClient, target: PullRequestTarget, isPlan: PathMatcher): Promise<ChangedPlans> {
  const files = await client.paginate(client.rest.pulls.listFiles, {
    owner: target.owner,
    repo: target.repo,
    pull_number: target.number,
    per_page: 100,
  });
  return {
    ...classifyChangedFiles(files, isPlan),
    listed: files.length,
    truncation: truncationWarning(files.length, target.changedFiles),
    listedAt: listedCommits(files),
  };
}
