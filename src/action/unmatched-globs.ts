// A `plans` glob that matches no file in a run over the whole repository (push, workflow_dispatch)
// is almost always a typo or a path from the wrong root: the run would verify nothing there and
// pass in silence. Pull requests list only changed files, where a glob matching none is normal.
import picomatch from 'picomatch';
import { DEFAULT_PLAN_GLOBS } from './inputs.js';

/** The including globs that match none of `paths`; none when the globs are the defaults. */
export function unmatchedGlobs(globs: readonly string[], paths: readonly string[]): string[] {
  const isDefault = globs.length === DEFAULT_PLAN_GLOBS.length && globs.every((g, i) => g === DEFAULT_PLAN_GLOBS[i]);
  if (isDefault) return [];
  return globs
    .filter((glob) => !glob.startsWith('!'))
    .filter((glob) => {
      const matches = picomatch(glob, { dot: true });
      return !paths.some((path) => matches(path));
    });
}

/** The warning for the job summary and the log. */
export function unmatchedGlobsWarning(globs: readonly string[], sha: string): string {
  const list = globs.map((g) => `'${g.slice(0, 200)}'`).join(', ');
  return `The plans ${globs.length === 1 ? 'glob' : 'globs'} ${list} matched no plan file at ${sha.slice(0, 7)}: nothing was verified there. Globs are relative to the repository root (e.g. deploy/**/*.plan.yaml); check the path.`;
}
