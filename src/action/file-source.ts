// Reading repository files at one commit: from the workspace when the workflow checked that
// commit out, else through the contents API at the commit's SHA. Nothing read is ever executed,
// and no symbolic link is ever followed, in either.
import { readRepositoryFile, repositoryPathProblem, withPath } from '../io/repo-file.js';
import type { GitHubClient } from './octokit.js';
import { httpStatus } from './octokit.js';

/** `refused`: not read because the run's budget ran out, not for anything in the file: its plan is not verified. */
export type ReadResult = { text: string } | { error: string; refused?: true } | { missing: true };

export interface FileSource {
  /** where files come from, for the log: "workspace", "contents API at abc1234" */
  readonly label: string;
  read(path: string, maxBytes: number): Promise<ReadResult>;
}

/** No lone surrogate (String.prototype.isWellFormed, which ES2022's lib lacks): with the u flag a pair is one code point. */
export function isWellFormed(text: string): boolean {
  return !/[\ud800-\udfff]/u.test(text);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Uint8Array, path: string): ReadResult {
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { error: `${path} is not valid UTF-8 text` };
  }
}

function tooLarge(path: string, size: number, maxBytes: number): ReadResult {
  return { error: `${path} is ${size} bytes, more than the ${maxBytes} bytes a file may have here` };
}

/**
 * The checked-out workspace, read as the commit has it (src/io/repo-file.ts): a symbolic link
 * anywhere below the root is an error naming the file, never followed, so a link to .git/config
 * or to a file an earlier step wrote cannot bring its content into a report; `.git` is never read;
 * FIFOs and other non-regular files are refused before they are opened.
 */
export function workspaceSource(root: string): FileSource {
  return {
    label: 'workspace',
    async read(path, maxBytes) {
      const read = readRepositoryFile(root, path, maxBytes, true);
      if (read.ok) return { text: read.text };
      if ('missing' in read) return { missing: true };
      return { error: withPath(path, read.message) };
    },
  };
}

export function contentsApiSource(client: GitHubClient, owner: string, repo: string, sha: string): FileSource {
  return {
    label: `contents API at ${sha.slice(0, 7)}`,
    async read(path, maxBytes) {
      const problem = repositoryPathProblem(path);
      if (problem) return { error: `${path} ${problem}` };
      // encodeURIComponent throws on a lone surrogate: refused here, before any request
      if (!isWellFormed(path)) return { error: 'a path that is not well-formed Unicode text (a lone surrogate) names no file' };
      try {
        const { data } = await client.rest.repos.getContent({ owner, repo, path, ref: sha });
        if (Array.isArray(data)) return { error: `${path} is a folder` };
        if (data.type === 'symlink') return { error: `${path} is a symbolic link; links are not followed` };
        // GitHub answers a link to a file of the repository with that file: its path gives it away
        if (data.path !== path) return { error: `${path} is a symbolic link (to another file of the repository); links are not followed` };
        if (data.type !== 'file') return { error: `${path} is a ${data.type}, not a file` };
        if (data.size > maxBytes) return tooLarge(path, data.size, maxBytes);
        if (!('content' in data) || data.encoding !== 'base64') {
          return { error: `${path}: GitHub returned no content (encoding '${'encoding' in data ? data.encoding : 'none'}')` };
        }
        return decode(Buffer.from(data.content, 'base64'), path);
      } catch (error) {
        if (httpStatus(error) === 404) return { missing: true };
        throw error;
      }
    },
  };
}
