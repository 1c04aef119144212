// Reading repository files at one commit: from the workspace when the workflow checked that
// commit out, else through the contents API at the commit's SHA. Nothing read is ever executed.
import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { GitHubClient } from './octokit.js';
import { httpStatus } from './octokit.js';

export type ReadResult = { text: string } | { error: string } | { missing: true };

export interface FileSource {
  /** where files come from, for the log: "workspace", "contents API at abc1234" */
  readonly label: string;
  read(path: string, maxBytes: number): Promise<ReadResult>;
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

export function workspaceSource(root: string): FileSource {
  return {
    label: 'workspace',
    async read(path, maxBytes) {
      const full = join(root, path);
      let real: string;
      try {
        real = await realpath(full);
      } catch {
        return { missing: true };
      }
      // A symlink in the pull request must not read files outside the checkout.
      const rootReal = await realpath(root);
      const inside = relative(rootReal, real);
      if (inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
        return { error: `${path} is a link that leaves the repository` };
      }
      const info = await stat(real);
      if (!info.isFile()) return { error: `${path} is not a file` };
      if (info.size > maxBytes) return tooLarge(path, info.size, maxBytes);
      return decode(await readFile(real), path);
    },
  };
}

export function contentsApiSource(client: GitHubClient, owner: string, repo: string, sha: string): FileSource {
  return {
    label: `contents API at ${sha.slice(0, 7)}`,
    async read(path, maxBytes) {
      try {
        const { data } = await client.rest.repos.getContent({ owner, repo, path, ref: sha });
        if (Array.isArray(data)) return { error: `${path} is a folder` };
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
