// Whose comments are ours: those written by the login this token posts as. GitHub tells it
// through GraphQL's `viewer` (github-actions[bot] for GITHUB_TOKEN, an app's bot or a person for
// other tokens), as widely used sticky-comment actions ask it; REST has no such call for an
// installation token (GET /user answers 403). A marker alone proves nothing: any bot or person can
// quote it, and a comment taken for ours is edited or deleted.
import type { GitHubClient } from './octokit.js';

const VIEWER = 'query { viewer { login } }';

/** The token's login, or null when GitHub would not say (the comment then learns it from one it creates). */
export async function tokenLogin(client: GitHubClient, log: (line: string) => void): Promise<string | null> {
  try {
    const answer = await client.graphql<{ viewer?: { login?: unknown } }>(VIEWER);
    const login = answer?.viewer?.login;
    if (typeof login === 'string' && login !== '') return login;
    log('GitHub did not say which login this token posts as: no existing comment is taken as ours until one this run creates tells.');
  } catch (error) {
    log(
      `GitHub did not say which login this token posts as (${error instanceof Error ? error.message.split('\n')[0] : 'no answer'}): no existing comment is taken as ours until one this run creates tells.`,
    );
  }
  return null;
}

/** Logins compare without case, as GitHub's do. */
export function sameLogin(a: string | null | undefined, b: string | null | undefined): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}
