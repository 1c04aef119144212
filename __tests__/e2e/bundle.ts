// The e2e tests run dist/index.js, the file GitHub runs. Rebuild it when it is missing or older
// than any source it bundles (CI runs `npm run package` first, so there it is already fresh).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './stand-in/run-action.mjs';

function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export function ensureFreshBundle(): void {
  // Local iterations may run another build (E2E_ACTION_BUNDLE) or whatever dist/ holds (E2E_USE_EXISTING_DIST=1).
  if (process.env.E2E_ACTION_BUNDLE || process.env.E2E_USE_EXISTING_DIST === '1') return;
  const bundle = join(REPO_ROOT, 'dist', 'index.js');
  const sources = Math.max(newestMtime(join(REPO_ROOT, 'src')), newestMtime(join(REPO_ROOT, 'package-lock.json')));
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= sources) return;
  execFileSync(process.execPath, ['scripts/package.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
}
