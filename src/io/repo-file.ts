// Reading a file of a checked-out repository as the commit has it. A pull request can commit a
// symbolic link named like a plan that points at .git/config (where actions/checkout keeps the
// token), at an .env an earlier step wrote, or at a FIFO that blocks any read forever. So below
// the repository's root every path component is lstat-ed: a symbolic link anywhere is an error
// that names the file and is never followed, `.git` is never entered, and anything but a regular
// file is refused before it is opened. The open itself uses O_NOFOLLOW and O_NONBLOCK, and the
// opened file must be the one lstat saw. In the action's checkout a hard link (a file with more than one name) is refused too.
import { lstatSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { describeEntry, errnoCode, readSeenRegularFile, type TextResult } from './read-text.js';

export type RepoFileResult = TextResult | { ok: false; missing: true; message: string };

/** "<path> is a symbolic link ...", "<path>: not valid UTF-8 text ...": a read's message after the path it is about. */
export function withPath(path: string, message: string): string {
  return /^(is|lies|leaves) /.test(message) ? `${path} ${message}` : `${path}: ${message}`;
}

/** Why a repository-relative path may not be read at all, or null: absolute paths, `..`, NUL, `.git` (with either slash). */
export function repositoryPathProblem(path: string): string | null {
  if (path === '' || path.includes('\0')) return 'is not a file path';
  if (path.startsWith('/') || path.startsWith('\\') || /^[a-z]:/i.test(path)) return 'is an absolute path; paths are relative to the repository';
  const parts = path.split(/[\\/]/);
  if (parts.includes('..')) return 'leaves the repository';
  // .git holds the checkout's credentials and configuration, never a plan (case-insensitive: macOS and Windows runners)
  if (parts.some(namesDotGit)) return 'is inside .git, which is never read';
  return null;
}

/**
 * Whether a path part names .git: in any letter case, and as Windows also reads it, with trailing
 * dots and spaces (which Win32 drops), as its 8.3 short name (GIT~1) or with an NTFS stream
 * (.git::$INDEX_ALLOCATION), the names git itself refuses on NTFS.
 */
function namesDotGit(part: string): boolean {
  const name = part.toLowerCase();
  return /^\.git[. ]*(:.*)?$/.test(name) || /^git~\d+$/.test(name);
}

/**
 * What separates folders in a repository path. Outside Windows a backslash is a character of a name
 * (git and GitHub list `deploy\prod.plan.yaml` as one file): splitting there too would read
 * deploy/prod.plan.yaml, another file, in its place. repositoryPathProblem still refuses `..\` and
 * `.git\`, whatever the platform.
 */
const SEPARATOR = process.platform === 'win32' ? /[\\/]/ : /\//;

/**
 * Reads `path` (relative to `root`, with '/' or, on Windows, '\') as the commit has it.
 * `root` itself may be a link (a runner's workspace can be); nothing below it may.
 */
export function readRepositoryFile(root: string, path: string, maxBytes: number, refuseHardLinks = false): RepoFileResult {
  const problem = repositoryPathProblem(path);
  if (problem) return { ok: false, message: problem };
  const parts = path.split(SEPARATOR).filter((p) => p !== '' && p !== '.');
  if (parts.length === 0) return { ok: false, message: 'is not a file path' };
  let current = root;
  let info: Stats | undefined;
  for (const [index, part] of parts.entries()) {
    current = join(current, part);
    const shown = parts.slice(0, index + 1).join('/');
    try {
      info = lstatSync(current);
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, missing: true, message: 'no such file' };
      return { ok: false, message: `cannot be read (${code ?? 'unknown error'})` };
    }
    const last = index === parts.length - 1;
    if (info.isSymbolicLink()) {
      return { ok: false, message: last ? 'is a symbolic link; links are not followed' : `lies under ${shown}, a symbolic link; links are not followed` };
    }
    if (!last && !info.isDirectory()) return { ok: false, missing: true, message: 'no such file' };
  }
  if (!info?.isFile()) return { ok: false, message: `is ${info ? describeEntry(info) : 'not a regular file'}, not a regular file` };
  // git stores no hard links: a checkout makes every file once, so in the action's checkout a second
  // name for a file was made by something else (an earlier workflow step), and may name a file
  // outside the repository. (A developer's own tree may have them: the CLI reads them.)
  if (refuseHardLinks && info.nlink > 1) return { ok: false, message: 'is a hard link (the file has other names); git checkouts make none, so it is not read' };
  return readSeenRegularFile(current, info, maxBytes);
}
