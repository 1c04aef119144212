// GitHub answers 422 when it finds a comment body too long. The body is already fitted to the
// documented 65,536 characters, so this means GitHub counts differently (or changed its limit):
// rather than lose the comment, post a body fitted to half the limit once, and say so in the log.
import type { GitHubClient } from './octokit.js';
import { httpStatus } from './octokit.js';
import { upsertStickyComment, type StickyTarget, type UpsertOptions } from './sticky-comment.js';

export async function upsertWithShorterOnRejection(
  client: GitHubClient,
  target: StickyTarget,
  options: UpsertOptions,
  shorterBody: () => string,
  log: (message: string) => void,
): ReturnType<typeof upsertStickyComment> {
  try {
    return await upsertStickyComment(client, target, options);
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
    const body = shorterBody();
    log(
      `GitHub refused the comment body of ${options.body.length} characters (422: ${(error as Error).message.split('\n')[0]}); posting a shortened one of ${body.length} characters.`,
    );
    return await upsertStickyComment(client, target, { ...options, body });
  }
}
