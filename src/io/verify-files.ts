// Verifies plan files from disk: every file gets a PlanReport, whatever happens to the others.
import { dirname, relative, resolve, sep } from 'node:path';
import { combineReports, verifyPlanText } from '../core/index.js';
import type { PlanReport, Report } from '../core/types.js';
import { MAX_PLAN_BYTES } from '../plan/source.js';
import { createReadReference } from './read-reference.js';
import { readTextFile, type TextResult } from './read-text.js';
import { readRepositoryFile } from './repo-file.js';
import { findRepositoryRoot, isInside } from './repository.js';

function errorReport(file: string, message: string, line?: number): PlanReport {
  return { file, name: file, verdict: 'error', checks: [], metrics: null, errors: [line === undefined ? { message } : { message, line }] };
}

/**
 * A plan file's text: read as its repository has it when it lies in one (no symbolic link below
 * the root, never under .git), else (a file named outside any repository) refusing only a link
 * or a non-regular file at the path itself.
 */
export function readPlanFile(file: string, cwd: string, maxBytes = MAX_PLAN_BYTES): TextResult {
  const absolute = resolve(cwd, file);
  const root = findRepositoryRoot(dirname(absolute), cwd);
  if (!isInside(root, absolute) || absolute === root) return readTextFile(absolute, maxBytes);
  return readRepositoryFile(root, relative(root, absolute).split(sep).join('/'), maxBytes);
}

export function verifyPlanFile(file: string, cwd: string): PlanReport {
  const read = readPlanFile(file, cwd);
  if (!read.ok) return errorReport(file, read.message, read.line);
  try {
    return verifyPlanText(file, read.text, createReadReference({ cwd }));
  } catch (err) {
    // a bug in the verifier must not hide the other plans' results, nor print a stack trace (nor
    // the error's message, which may quote the file)
    return errorReport(file, `internal error while verifying this plan (${err instanceof Error ? err.name : 'a failure'})`);
  }
}

export function verifyPlanFiles(files: readonly string[], cwd: string): Report {
  return combineReports(files.map((file) => verifyPlanFile(file, cwd)));
}
