// Verifies plan files from disk: every file gets a PlanReport, whatever happens to the others.
import { resolve } from 'node:path';
import { combineReports, verifyPlanText } from '../core/index.js';
import type { PlanReport, Report } from '../core/types.js';
import { MAX_PLAN_BYTES } from '../plan/source.js';
import { createReadReference } from './read-reference.js';
import { readTextFile } from './read-text.js';

function errorReport(file: string, message: string, line?: number): PlanReport {
  return { file, name: file, verdict: 'error', checks: [], metrics: null, errors: [line === undefined ? { message } : { message, line }] };
}

export function verifyPlanFile(file: string, cwd: string): PlanReport {
  const read = readTextFile(resolve(cwd, file), MAX_PLAN_BYTES);
  if (!read.ok) return errorReport(file, read.message, read.line);
  try {
    return verifyPlanText(file, read.text, createReadReference({ cwd }));
  } catch (err) {
    // a bug in the verifier must not hide the other plans' results, nor print a stack trace
    return errorReport(file, `internal error while verifying this plan: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function verifyPlanFiles(files: readonly string[], cwd: string): Report {
  return combineReports(files.map((file) => verifyPlanFile(file, cwd)));
}
