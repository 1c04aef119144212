// ReadReference for the core: reads a file a plan names (model.hf_config), relative to the
// plan's folder, and refuses anything that would leave the plan's repository: absolute paths,
// `..` escapes, and symbolic links whose real path lies outside.
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, resolve, win32 } from 'node:path';
import type { ReadReference } from '../core/types.js';
import { readTextFile } from './read-text.js';
import { findRepositoryRoot, isInside } from './repository.js';

/** Referenced files (a Hugging Face config.json is a few KiB) may be at most this large. */
export const MAX_REFERENCE_BYTES = 4 * 1024 * 1024;

export interface ReferenceOptions {
  /** folder that plan paths are relative to, and the repository when no `.git` is found */
  cwd: string;
}

export function createReadReference(options: ReferenceOptions): ReadReference {
  return (planFile, ref) => {
    if (ref.length === 0) return { error: 'the path is empty' };
    if (ref.includes('\u0000')) return { error: 'the path contains a NUL byte' };
    if (isAbsolute(ref) || win32.isAbsolute(ref)) {
      return { error: `'${ref}' is an absolute path; give it relative to the plan's folder` };
    }
    const planDir = dirname(resolve(options.cwd, planFile));
    const root = findRepositoryRoot(planDir, options.cwd);
    const target = resolve(planDir, ref);
    if (!isInside(root, target)) return { error: `'${ref}' leaves the repository; it must stay inside it` };
    let realTarget: string;
    let realRoot: string;
    try {
      realRoot = realpathSync(root);
      realTarget = realpathSync(target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return { error: code === 'ENOENT' ? `'${ref}' does not exist (looked for it next to the plan)` : `'${ref}' cannot be read (${code ?? String(err)})` };
    }
    if (!isInside(realRoot, realTarget)) return { error: `'${ref}' is a symbolic link that leaves the repository` };
    const read = readTextFile(realTarget, MAX_REFERENCE_BYTES);
    if (!read.ok) return { error: `'${ref}': ${read.message}` };
    return { text: read.text };
  };
}
