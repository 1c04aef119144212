// The repository a plan belongs to: the boundary that files it refers to must stay inside.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** Nearest folder at or above `start` that holds `.git` (a folder, or a file in worktrees and submodules); else `fallback`. */
export function findRepositoryRoot(start: string, fallback: string): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(resolve(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(fallback);
    dir = parent;
  }
}

/** Whether `path` is `root` or lies below it (both absolute, already normalised). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  // '..' as a whole segment: '..cfg.json' and '...' are names inside the folder
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
