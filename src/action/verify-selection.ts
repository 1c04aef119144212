// Verifies the selected plans (head, and base where there is one), each on its own: whatever goes
// wrong with one plan (a read GitHub refuses after its retries, a path the URL encoder throws on,
// a bug) becomes that plan's error report, and the others are still verified and reported. A run
// that stopped at its first bad plan would post nothing at all: one hostile file would hide every
// other plan's result.
import type { PlanReport, ReadReference } from '../core/index.js';
import type { PlanInputs } from './alternatives.js';
import type { PlanToVerify } from './changed-plans.js';
import type { FileSource } from './file-source.js';
import { logLine } from './log.js';
import { httpStatus } from './octokit.js';
import type { Bases } from './render.js';
import { mapLimited, verifyFile } from './verify-files.js';

/** Plans verified at once (each may wait on the contents API). */
export const PARALLEL_READS = 8;

export interface SelectionToVerify {
  plans: readonly PlanToVerify[];
  headSource: FileSource;
  baseSource: FileSource | null;
}

export interface VerifiedSelection {
  plans: PlanReport[];
  bases: Bases;
  /** what the alternatives step needs again, by plan file */
  inputs: Map<string, PlanInputs>;
  /** plans whose verification failed for a reason not in the plan (GitHub, the action): the job fails on them */
  unverified: string[];
}

/**
 * Why verifying a plan failed, without quoting the error's message (it may carry the plan's
 * text): GitHub's status when GitHub refused a read, else the kind of error.
 */
export function failureCause(error: unknown): string {
  const status = httpStatus(error);
  if (status !== undefined) return `GitHub answered ${status} to a read, after its retries`;
  const name = error instanceof Error ? error.name : typeof error;
  return `an unexpected ${name} in the action (the file's text is not shown)`;
}

function errorReport(file: string, message: string): PlanReport {
  return { file, name: file, verdict: 'error', checks: [], metrics: null, errors: [{ message }] };
}

export async function verifySelection(selection: SelectionToVerify): Promise<VerifiedSelection> {
  const bases: Bases = {};
  const inputs = new Map<string, PlanInputs>();
  const unverified: string[] = [];
  const plans = await mapLimited(selection.plans, PARALLEL_READS, async (item) => {
    const keep = (text: string, readReference: ReadReference) => inputs.set(item.path, { text, readReference });
    let head: PlanReport;
    try {
      head =
        (await verifyFile(item.path, selection.headSource, keep)) ??
        errorReport(item.path, `${item.path} is listed as changed but does not exist at the head commit`);
    } catch (error) {
      unverified.push(item.path);
      inputs.delete(item.path);
      const message = `${item.path} could not be verified: ${failureCause(error)}.`;
      logLine(message);
      return errorReport(item.path, message);
    }
    if (item.basePath && selection.baseSource) {
      try {
        bases[item.path] = await verifyFile(item.basePath, selection.baseSource);
      } catch (error) {
        bases[item.path] = null;
        logLine(`Could not read the base version of ${item.path}: ${failureCause(error)}.`);
      }
    } else if (selection.baseSource && !item.unlisted) {
      bases[item.path] = null;
    }
    return head;
  });
  unverified.sort();
  return { plans, bases, inputs, unverified };
}
