// Every plan of the repository at a commit, when the workflow did not check it out: the git
// trees API (one recursive call) lists the paths.
import type { GitHubClient } from './octokit.js';
import type { PathMatcher } from './plan-globs.js';

export interface TreePlans {
  paths: string[];
  /** why the listing is incomplete when GitHub truncated it (the run then fails: plans may be unseen), else null */
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
      ? `GitHub cut its listing of the repository's tree at ${sha.slice(0, 7)} short (a tree of more than 100,000 entries or 7 MB): check out that commit (actions/checkout) so every plan is found in the workspace.`
      : null,
  };
}
