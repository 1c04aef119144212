// Which commit GitHub's list of a pull request's changed files describes. The list is of the pull
// request as it is now, while the files are read at the event's head commit: when a push lands in
// between, the list can leave out a plan the event's commit changes (a later commit reverted it),
// and that plan would pass unseen on the commit its check runs are for. Each listed file's
// contents_url names the commit (`?ref=<sha>`), so the mismatch costs no request to find.
import type { ChangedFile } from './changed-plans.js';

/** The head commits the listed files name (removed files name none at the head); empty when none says. */
export function listedCommits(files: readonly ChangedFile[]): string[] {
  const found = new Set<string>();
  for (const file of files) {
    if (file.status === 'removed' || typeof file.contents_url !== 'string') continue;
    const ref = /[?&]ref=([0-9a-f]{40}|[0-9a-f]{64})(?:&|$)/i.exec(file.contents_url)?.[1];
    if (ref) found.add(ref.toLowerCase());
  }
  return [...found].sort();
}

/** Why the job fails when the list describes another head than the event's, else null. */
export function movedHeadFailure(listed: readonly string[], headSha: string): string | null {
  const others = listed.filter((sha) => sha !== headSha.toLowerCase());
  if (others.length === 0) return null;
  return `GitHub listed the changed files of commit ${others.map((sha) => sha.slice(0, 7)).join(', ')}, not of ${headSha.slice(0, 7)}, the commit this run verifies: the pull request moved on after the event, so a plan changed at ${headSha.slice(0, 7)} may be missing from the list, and the job fails rather than pass it unseen. The run for the newer commit verifies that one.`;
}
