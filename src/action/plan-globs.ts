// Which paths are plans: the `plans` globs, with `!` exclusions, matched against repo-relative paths.
import picomatch from 'picomatch';

export type PathMatcher = (path: string) => boolean;

/** Folders never searched for plans (vendored code and git internals). */
export const IGNORED_FOLDERS: readonly string[] = ['**/node_modules/**', '**/.git/**'];

export function planMatcher(globs: readonly string[]): PathMatcher {
  const options = { dot: true };
  const include = globs.filter((g) => !g.startsWith('!'));
  const exclude = [...globs.filter((g) => g.startsWith('!')).map((g) => g.slice(1)), ...IGNORED_FOLDERS];
  const isIncluded = picomatch(include, options);
  const isExcluded = picomatch(exclude, options);
  return (path) => isIncluded(path) && !isExcluded(path);
}
