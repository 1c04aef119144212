// Which files to verify, from the command line's arguments: files as given, folders searched
// for the contract's default globs, glob patterns expanded. Paths are reported relative to the
// current folder with forward slashes, as the contract's JSON shows them.
import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { isInside } from './repository.js';

/** The contract's default patterns (plan-format.md, "Files"). */
export const DEFAULT_PLAN_GLOBS: readonly string[] = ['**/*.plan.yaml', '**/*.plan.yml', '**/*.plan.json'];
const IGNORED: readonly string[] = ['**/node_modules/**', '**/.git/**'];

export interface FoundPlans {
  /** display paths (relative to cwd where possible), sorted, no duplicates */
  files: string[];
  /** arguments that name nothing: usage errors */
  problems: string[];
}

function displayPath(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  const shown = rel === '' || !isInside(cwd, absolute) ? absolute : rel;
  return shown.split(sep).join('/');
}

function globIn(cwd: string, patterns: readonly string[]): string[] {
  return globSync([...patterns], { cwd, absolute: true, dot: true, onlyFiles: true, followSymbolicLinks: false, ignore: [...IGNORED] });
}

export function findPlanFiles(inputs: readonly string[], cwd: string): FoundPlans {
  const found = new Map<string, string>();
  const problems: string[] = [];
  const add = (absolute: string) => {
    if (!found.has(absolute)) found.set(absolute, displayPath(cwd, absolute));
  };
  for (const input of inputs.length > 0 ? inputs : ['.']) {
    const absolute = resolve(cwd, input);
    let isDirectory: boolean | undefined;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch {
      isDirectory = undefined;
    }
    if (isDirectory === true) {
      const files = globIn(absolute, DEFAULT_PLAN_GLOBS);
      if (files.length === 0) problems.push(`${input}: no plan files (${DEFAULT_PLAN_GLOBS.join(', ')}) in this folder`);
      files.forEach(add);
    } else if (isDirectory === false) {
      add(absolute); // a file named explicitly is verified whatever its name
    } else if (isDynamicPattern(input)) {
      const files = globIn(cwd, [input]);
      if (files.length === 0) problems.push(`${input}: the pattern matches no files`);
      files.forEach(add);
    } else {
      add(absolute); // missing: reported as that file's error, so every named file gets a report
    }
  }
  const files = [...found.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files, problems };
}
