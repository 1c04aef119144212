// The e2e tests run dist/index.js, the file GitHub runs. Rebuild it when it is missing or older
// than any source it bundles (CI runs `npm run package` first, so there it is already fresh).
// Several test files call this at once (vitest runs files in parallel) and packaging deletes dist/
// first: a lock file lets one of them build while the others wait, then find the bundle fresh.
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './stand-in/run-action.mjs';

const LOCK = join(REPO_ROOT, 'build', 'e2e-package.lock');
/** A lock older than this was left by a killed run. */
const STALE_LOCK_MS = 5 * 60_000;

function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function isFresh(): boolean {
  const bundle = join(REPO_ROOT, 'dist', 'index.js');
  const sources = Math.max(newestMtime(join(REPO_ROOT, 'src')), newestMtime(join(REPO_ROOT, 'package-lock.json')));
  return existsSync(bundle) && statSync(bundle).mtimeMs >= sources;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function tryLock(): boolean {
  mkdirSync(join(REPO_ROOT, 'build'), { recursive: true });
  try {
    closeSync(openSync(LOCK, 'wx'));
    return true;
  } catch {
    if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { force: true });
    return false;
  }
}

export function ensureFreshBundle(): void {
  // Local iterations may run another build (E2E_ACTION_BUNDLE) or whatever dist/ holds (E2E_USE_EXISTING_DIST=1).
  if (process.env.E2E_ACTION_BUNDLE || process.env.E2E_USE_EXISTING_DIST === '1') return;
  for (;;) {
    if (!existsSync(LOCK) && isFresh()) return;
    if (tryLock()) break;
    sleep(250);
  }
  try {
    if (!isFresh()) execFileSync(process.execPath, ['scripts/package.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  } finally {
    rmSync(LOCK, { force: true });
  }
}
