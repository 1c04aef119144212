// Which plans a change to other files affects: an unchanged plan must be verified again when a pull
// request touches any file its verification reads (its deployment.from, its model.hf_config, an
// engine --config a script names, a ConfigMap, however deep). The paths come from the reader itself
// (src/action/imported-plans.ts records what a plan's load asks for), never re-derived from the
// plan's keys, so a file named in a way this module does not know is still followed.

/** Every folder above a repository path, nearest last: a/b/c.yaml -> a, a/b. */
function foldersAbove(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

/**
 * Whether a change to `changed` can alter what reading the paths `read` gives: one of them changed
 * (added, modified, removed, or a rename's either name), or a folder above it did (replaced by a
 * file or a link, which the reader refuses to pass through).
 */
export function readTouchesChanged(read: Iterable<string>, changed: ReadonlySet<string>): boolean {
  for (const path of read) {
    if (changed.has(path) || foldersAbove(path).some((folder) => changed.has(folder))) return true;
  }
  return false;
}
