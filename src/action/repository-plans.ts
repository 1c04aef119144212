// Every plan of the repository at a commit, when the workflow did not check it out: the git
// trees API (one recursive call) lists the paths.
import type { GitHubClient } from './octokit.js';
import type { PathMatcher } from './plan-globs.js';

export interface TreePlans {
  paths: string[];
  /** a warning when GitHub truncated the tree listing, else null */
  truncation: string | null;
}

export async function listTreePlans(client: GitHubClient, owner: string, repo: string, sha: string, isPlan: PathMatcher): Promise<TreePlans> {
  const { data } = await client.rest.git.getTree({ owner, repo, tree_sha: sha, recursive: 'true' });
  const paths = data.tree
    .filter((entry) => entry.type === 'blob' && typeof entry.path === 'string' && isPlan(entry.path))
    .map((entry) => entry.path as string)
    .sort();
  return {
    paths,
    truncation: data.truncated
      ? 'GitHub truncated the repository tree listing: check out the repository (actions/checkout) so every plan is found.'
      : null,
  };
}
