// The temporary folders of action runs (event payload, step files, runner temp, workspace). They
// outlive the run, so a test can read the report files its run's outputs name, and are removed
// together: after each test file (__tests__/setup.ts), or by a script when it is done.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const folders = new Set();

/** A new temporary folder for one run, removed by the next removeRunFolders(). */
export function runFolder() {
  const folder = mkdtempSync(join(tmpdir(), 'ppc-run-'));
  folders.add(folder);
  return folder;
}

/** Removes the folder of every run so far. */
export function removeRunFolders() {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  folders.clear();
}
