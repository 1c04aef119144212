// Checks that package.json's `engines.node` is honest about the code the package ships: every
// npm package that src/ imports is bundled into dist/ (so the tarball installs no dependency),
// and each of them, with everything it depends on, must support every Node version that
// `engines` allows. A bundled package whose own `engines` excludes some of those versions is
// listed, and the script exits 1.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import semver from 'semver';

const BUILTINS = new Set(builtinModules);

/** The package an import specifier names (`@scope/name/sub` -> `@scope/name`); null for relative paths and Node built-ins. */
export function packageOf(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return BUILTINS.has(name) ? null : name;
}

/** Packages a TypeScript source imports at run time (`import type` is erased, so it does not count). */
export function runtimeImports(source) {
  const found = new Set();
  const patterns = [
    /\bimport\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bexport\s+(type\s+)?[^'";]*?\s+from\s+['"]([^'"]+)['"]/g,
    /\bimport\(\s*()['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const m of source.matchAll(pattern)) {
      if (m[1]) continue;
      const name = packageOf(m[2]);
      if (name) found.add(name);
    }
  }
  return found;
}

/**
 * Every lock entry reachable from `roots` through dependencies, resolved as Node does: a package
 * at `node_modules/a` finds `b` at `node_modules/a/node_modules/b`, else higher up.
 * Returns [location, entry] pairs; a root missing from the lock throws.
 */
export function reachablePackages(lock, roots) {
  const entries = lock.packages ?? {};
  const resolve = (from, name) => {
    let base = from;
    for (;;) {
      const at = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
      if (entries[at]) return at;
      if (!base) return null;
      const cut = base.lastIndexOf('/node_modules/');
      base = cut < 0 ? '' : base.slice(0, cut);
    }
  };
  const seen = new Map();
  const queue = [];
  for (const root of roots) {
    const at = resolve('', root);
    if (!at) throw new Error(`${root} is imported by src/ but not in package-lock.json`);
    queue.push(at);
  }
  while (queue.length > 0) {
    const at = queue.pop();
    if (seen.has(at)) continue;
    const entry = entries[at];
    seen.set(at, entry);
    const deps = { ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies };
    for (const name of Object.keys(deps)) {
      const next = resolve(at, name);
      if (next && !seen.has(next)) queue.push(next);
    }
  }
  return [...seen.entries()];
}

/** The packages whose `engines.node` does not include every version `range` allows. */
export function engineConflicts(range, packages) {
  const conflicts = [];
  for (const [at, entry] of packages) {
    const theirs = entry.engines?.node;
    if (theirs === undefined) continue;
    if (!semver.validRange(theirs) || !semver.subset(range, theirs)) {
      conflicts.push({ package: at.slice(at.lastIndexOf('node_modules/') + 'node_modules/'.length), version: entry.version, engines: theirs });
    }
  }
  return conflicts.sort((a, b) => a.package.localeCompare(b.package));
}

function sourceFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.[cm]?ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function main() {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
  const range = pkg.engines?.node;
  if (!range || !semver.validRange(range)) throw new Error(`package.json engines.node is missing or not a semver range: ${range}`);
  const roots = new Set(sourceFiles('src').flatMap((file) => [...runtimeImports(readFileSync(file, 'utf8'))]));
  if (Object.keys(pkg.dependencies ?? {}).length > 0) {
    console.error(
      `package.json has dependencies (${Object.keys(pkg.dependencies).join(', ')}): dist/ bundles them, so they belong in devDependencies and the tarball installs nothing.`,
    );
    process.exit(1);
  }
  const packages = reachablePackages(lock, [...roots].sort());
  const conflicts = engineConflicts(range, packages);
  for (const c of conflicts) console.error(`${c.package}@${c.version} needs node ${c.engines}, but package.json engines allows node ${range}`);
  console.log(
    `engines: node ${range}; ${roots.size} packages imported by src/, ${packages.length} bundled with their dependencies, ${conflicts.length} that need a newer Node`,
  );
  if (conflicts.length > 0) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
