// Types of check-engines.mjs.
export interface LockEntry {
  version?: string;
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}
export function packageOf(specifier: string): string | null;
export function runtimeImports(source: string): Set<string>;
export function reachablePackages(lock: { packages?: Record<string, LockEntry> }, roots: string[]): Array<[string, LockEntry]>;
export function engineConflicts(range: string, packages: Array<[string, LockEntry]>): Array<{ package: string; version: string | undefined; engines: string }>;
