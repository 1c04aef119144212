// ReadReference for the core: reads a file a plan names (model.hf_config, deployment.from),
// relative to the plan's folder, as the repository has it: absolute paths, `..` escapes, `.git`
// and symbolic links anywhere below the repository's root are refused (repo-file.ts).
import { dirname, isAbsolute, relative, resolve, sep, win32 } from 'node:path';
import type { ReadReference } from '../core/types.js';
import { quote } from '../plan/source.js';
import { readRepositoryFile, withPath } from './repo-file.js';
import { findRepositoryRoot, isInside } from './repository.js';

/** Referenced files (a Hugging Face config.json is a few KiB) may be at most this large. */
export const MAX_REFERENCE_BYTES = 4 * 1024 * 1024;

export interface ReferenceOptions {
  /** folder that plan paths are relative to, and the repository when no `.git` is found */
  cwd: string;
}

export function createReadReference(options: ReferenceOptions): ReadReference {
  return (planFile, ref) => {
    const shown = `'${quote(ref, 200)}'`;
    if (ref.length === 0) return { error: 'the path is empty' };
    if (ref.includes('\u0000')) return { error: 'the path contains a NUL byte' };
    if (isAbsolute(ref) || win32.isAbsolute(ref)) {
      return { error: `${shown} is an absolute path; give it relative to the plan's folder` };
    }
    const planDir = dirname(resolve(options.cwd, planFile));
    const root = findRepositoryRoot(planDir, options.cwd);
    // a reference written with Windows separators names folders, as the action reads it (resolveReference)
    const target = resolve(planDir, ref.replace(/\\/g, '/'));
    if (!isInside(root, target)) return { error: `${shown} leaves the repository; it must stay inside it` };
    const read = readRepositoryFile(root, relative(root, target).split(sep).join('/'), MAX_REFERENCE_BYTES);
    if (!read.ok) {
      if ('missing' in read) return { error: `${shown} does not exist (looked for it next to the plan)` };
      return { error: withPath(shown, read.message) };
    }
    return { text: read.text };
  };
}
