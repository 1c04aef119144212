// What this run verifies, read from the event payload GitHub wrote (GITHUB_EVENT_PATH) and the
// environment: the plans a pull request touches, or every plan of the repository at a commit.

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface PullRequestTarget extends RepoRef {
  kind: 'pull_request';
  event: string;
  number: number;
  /** the PR's head commit: files are read and check runs created here (not GITHUB_SHA, the merge commit) */
  headSha: string;
  baseSha: string;
  /** the base branch's name (e.g. main), for sentences; null when the payload lacks it */
  baseRef: string | null;
  /** GitHub's count of changed files, to detect its 3,000-file list cap */
  changedFiles: number | null;
  /** the head branch lives in another repository: the token is read-only */
  fromFork: boolean;
}

export interface RepositoryTarget extends RepoRef {
  kind: 'repository';
  event: string;
  sha: string;
}

export type RunTarget = PullRequestTarget | RepositoryTarget;

export class EventError extends Error {}

type Json = Record<string, unknown>;

function field(object: unknown, ...keys: string[]): unknown {
  let value: unknown = object;
  for (const key of keys) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Json)[key];
  }
  return value;
}

function text(object: unknown, ...keys: string[]): string | undefined {
  const value = field(object, ...keys);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
const REPOSITORY_EVENTS = new Set(['push', 'workflow_dispatch', 'schedule', 'merge_group']);

export function readTarget(eventName: string, payload: unknown, env: NodeJS.ProcessEnv): RunTarget {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) throw new EventError('GITHUB_REPOSITORY is not set to owner/repo: is this running in GitHub Actions?');

  if (PULL_REQUEST_EVENTS.has(eventName)) {
    const pr = field(payload, 'pull_request');
    const number = field(pr, 'number');
    const headSha = text(pr, 'head', 'sha');
    const baseSha = text(pr, 'base', 'sha');
    if (typeof number !== 'number' || !headSha || !baseSha) {
      throw new EventError(`the ${eventName} event payload lacks pull_request.number, head.sha or base.sha`);
    }
    const changed = field(pr, 'changed_files');
    const headRepo = text(pr, 'head', 'repo', 'full_name');
    const baseRepo = text(pr, 'base', 'repo', 'full_name') ?? `${owner}/${repo}`;
    const fork = field(pr, 'head', 'repo', 'fork') === true && headRepo !== baseRepo;
    return {
      kind: 'pull_request',
      event: eventName,
      owner,
      repo,
      number,
      headSha,
      baseSha,
      baseRef: text(pr, 'base', 'ref') ?? null,
      changedFiles: typeof changed === 'number' ? changed : null,
      fromFork: fork || (headRepo !== undefined && headRepo !== baseRepo),
    };
  }
  if (REPOSITORY_EVENTS.has(eventName)) {
    const after = text(payload, 'after');
    const sha = after && !/^0+$/.test(after) ? after : env.GITHUB_SHA;
    if (!sha) throw new EventError(`the ${eventName} event gives no commit: GITHUB_SHA is not set`);
    return { kind: 'repository', event: eventName, owner, repo, sha };
  }
  throw new EventError(`event '${eventName}' is not supported: run on pull_request (verifies the plans it changes), push or workflow_dispatch (every plan)`);
}
