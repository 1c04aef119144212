// Is the commit we verify checked out in the workspace? Read from .git without running git:
// a checkout's hooks or config must not run, and git may not even be installed.
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { IGNORED_FOLDERS, type PathMatcher } from './plan-globs.js';

async function readText(path: string): Promise<string | null> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch {
    return null;
  }
}

/** The .git folder of a checkout (a `.git` file points to it in worktrees and submodules). */
async function gitDir(root: string): Promise<string | null> {
  const dotGit = join(root, '.git');
  try {
    if ((await stat(dotGit)).isDirectory()) return dotGit;
  } catch {
    return null;
  }
  const pointer = await readText(dotGit);
  const match = pointer?.match(/^gitdir:\s*(.+)$/m);
  return match?.[1] ? resolve(root, match[1]) : null;
}

/** The SHA the checkout's HEAD points to, or null when unknown. */
export async function checkedOutSha(root: string): Promise<string | null> {
  const dir = await gitDir(root);
  if (!dir) return null;
  const head = await readText(join(dir, 'HEAD'));
  if (!head) return null;
  if (/^[0-9a-f]{40,64}$/.test(head)) return head;
  const ref = head.match(/^ref:\s*(\S+)$/)?.[1];
  if (!ref) return null;
  const loose = await readText(join(dir, ref));
  if (loose && /^[0-9a-f]{40,64}$/.test(loose)) return loose;
  const packed = await readText(join(dir, 'packed-refs'));
  for (const line of packed?.split('\n') ?? []) {
    const [sha, name] = line.split(' ');
    if (name === ref && sha) return sha;
  }
  return null;
}

/**
 * Whether the checkout is sparse (actions/checkout's sparse-checkout, git sparse-checkout): only part
 * of the commit's files are in the workspace, so a plan outside it, or a file one reads, would look
 * absent. Told by the file git keeps the patterns in (its existence only: nothing in .git is read).
 */
export async function isSparseCheckout(root: string): Promise<boolean> {
  const dir = await gitDir(root);
  if (!dir) return false;
  try {
    await stat(join(dir, 'info', 'sparse-checkout'));
    return true;
  } catch {
    return false;
  }
}

/** Every plan file in the workspace, repo-relative with forward slashes, sorted. */
export async function listWorkspacePlans(root: string, globs: readonly string[], isPlan: PathMatcher): Promise<string[]> {
  const include = globs.filter((g) => !g.startsWith('!'));
  const found = await glob(include, { cwd: root, dot: true, onlyFiles: true, ignore: [...IGNORED_FOLDERS], followSymbolicLinks: false });
  return found.filter(isPlan).sort();
}
