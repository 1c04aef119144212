// Keeps exactly one report comment per pull request and check name: found by its hidden marker
// among comments written by a bot (a person quoting the marker must not hijack it), edited in
// place, recreated when someone deleted it, and de-duplicated when two runs raced to create it.
import type { GitHubClient } from './octokit.js';
import { httpStatus } from './octokit.js';
import { commentDigest } from './comment-body.js';

export interface StickyTarget {
  owner: string;
  repo: string;
  issueNumber: number;
  marker: string;
}

export interface StickyComment {
  id: number;
  body: string;
}

export type StickyOutcome = 'created' | 'updated' | 'unchanged' | 'skipped';

interface ListedComment {
  id: number;
  body?: string | null;
  user?: { type?: string } | null;
}

/** Ours, oldest first (comment ids grow with creation time). */
export function ourComments(comments: readonly ListedComment[], marker: string): StickyComment[] {
  return comments
    .filter((c) => c.user?.type === 'Bot' && typeof c.body === 'string' && c.body.includes(marker))
    .map((c) => ({ id: c.id, body: c.body as string }))
    .sort((a, b) => a.id - b.id);
}

async function listOurs(client: GitHubClient, t: StickyTarget): Promise<StickyComment[]> {
  const all = await client.paginate(client.rest.issues.listComments, { owner: t.owner, repo: t.repo, issue_number: t.issueNumber, per_page: 100 });
  return ourComments(all, t.marker);
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
  const existing = await listOurs(client, t);
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
  // Another run may have created its comment at the same moment: the oldest one wins, the
  // newer ones are deleted, and a run whose comment lost writes its report into the winner.
  const after = await listOurs(client, t);
  const winner = after[0];
  if (!winner || winner.id === created.id) {
    for (const extra of after.slice(1)) await deleteQuietly(client, t, extra.id);
    return { outcome: 'created', id: created.id };
  }
  await deleteQuietly(client, t, created.id);
  if (await update(client, t, winner.id, options.body)) return { outcome: 'updated', id: winner.id };
  return { outcome: 'created', id: created.id };
}
