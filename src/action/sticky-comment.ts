// Keeps exactly one report comment per pull request and check name: edited in place, recreated
// when someone deleted it, and de-duplicated when two runs raced to create it. A comment is ours
// only when it starts with the hidden marker AND its author is the login this token posts as
// (token-login.ts): other bots and people quote the marker (a scanner quoting the pull request, a
// review bot quoting the diff), and a comment taken for ours would be edited or deleted, or, with
// comment: on-change, a copy of our hidden lines above a fake verdict would be left standing.
// Nobody else's comment is ever edited or deleted.
import type { GitHubClient } from './octokit.js';
import { httpStatus } from './octokit.js';
import { commentDigest } from './comment-body.js';
import { sameLogin } from './token-login.js';

export interface StickyTarget {
  owner: string;
  repo: string;
  issueNumber: number;
  marker: string;
  /** the login this token posts as; null when GitHub did not say: then only a comment this run creates tells it */
  author: string | null;
}

export interface StickyComment {
  id: number;
  body: string;
}

export type StickyOutcome = 'created' | 'updated' | 'unchanged' | 'skipped';

interface ListedComment {
  id: number;
  body?: string | null;
  user?: { login?: string; type?: string } | null;
}

/** Ours, oldest first (comment ids grow with creation time): by `author`, starting with the marker. */
export function ourComments(comments: readonly ListedComment[], marker: string, author: string | null): StickyComment[] {
  if (author === null) return [];
  return comments
    .filter((c) => sameLogin(c.user?.login, author) && typeof c.body === 'string' && c.body.startsWith(marker))
    .map((c) => ({ id: c.id, body: c.body as string }))
    .sort((a, b) => a.id - b.id);
}

async function listOurs(client: GitHubClient, t: StickyTarget, author: string | null): Promise<StickyComment[]> {
  if (author === null) return [];
  const all = await client.paginate(client.rest.issues.listComments, { owner: t.owner, repo: t.repo, issue_number: t.issueNumber, per_page: 100 });
  return ourComments(all, t.marker, author);
}

async function deleteQuietly(client: GitHubClient, t: StickyTarget, id: number): Promise<void> {
  try {
    await client.rest.issues.deleteComment({ owner: t.owner, repo: t.repo, comment_id: id });
  } catch (error) {
    if (httpStatus(error) !== 404) throw error; // another run deleted it first
  }
}

/** Edits a comment; false when it no longer exists. */
async function update(client: GitHubClient, t: StickyTarget, id: number, body: string): Promise<boolean> {
  try {
    await client.rest.issues.updateComment({ owner: t.owner, repo: t.repo, comment_id: id, body });
    return true;
  } catch (error) {
    if (httpStatus(error) === 404) return false;
    throw error;
  }
}

export interface UpsertOptions {
  body: string;
  digest: string;
  /** edit only when the report changed (comment: on-change) */
  onlyOnChange: boolean;
  /**
   * with onlyOnChange: whether the existing comment already says what this one would (default:
   * the same digest). The action passes a min-change-aware comparison of the recorded figures.
   */
  isCurrent?: (existingBody: string) => boolean;
  /** create the comment when none exists (false: only keep an existing one current) */
  createIfMissing: boolean;
}

export async function upsertStickyComment(
  client: GitHubClient,
  t: StickyTarget,
  options: UpsertOptions,
): Promise<{ outcome: StickyOutcome; id: number | null }> {
  const existing = await listOurs(client, t, t.author);
  const keeper = existing[0];
  if (keeper) {
    for (const extra of existing.slice(1)) await deleteQuietly(client, t, extra.id);
    const current = options.isCurrent ?? ((body: string) => commentDigest(body) === options.digest);
    if (options.onlyOnChange && current(keeper.body)) return { outcome: 'unchanged', id: keeper.id };
    if (await update(client, t, keeper.id, options.body)) return { outcome: 'updated', id: keeper.id };
    // Deleted between listing and editing: fall through and create it again.
  }
  if (!options.createIfMissing) return { outcome: 'skipped', id: null };

  const { data: created } = await client.rest.issues.createComment({ owner: t.owner, repo: t.repo, issue_number: t.issueNumber, body: options.body });
  // the comment just created tells, for certain, whose comments are ours
  const author = created.user?.login ?? t.author;
  // Another run may have created its comment at the same moment: the oldest one wins, the
  // newer ones are deleted, and a run whose comment lost writes its report into the winner.
  const after = await listOurs(client, t, author);
  const winner = after[0];
  if (!winner || winner.id === created.id) {
    for (const extra of after.slice(1)) await deleteQuietly(client, t, extra.id);
    return { outcome: 'created', id: created.id };
  }
  await deleteQuietly(client, t, created.id);
  if (await update(client, t, winner.id, options.body)) return { outcome: 'updated', id: winner.id };
  return { outcome: 'created', id: created.id };
}
