// Verifies the selected plans (head, and base where there is one), each on its own: whatever goes
// wrong with one plan (a read GitHub refuses after its retries, a path the URL encoder throws on,
// a bug) becomes that plan's error report, and the others are still verified and reported. A run
// that stopped at its first bad plan would post nothing at all: one hostile file would hide every
// other plan's result. Every head is verified before any base is read: the read and byte budgets
// go to the verdicts first, and a base comparison that no longer fits is dropped, never a head.
import type { PlanReport, ReadReference } from '../core/index.js';
import type { PlanToVerify } from './changed-plans.js';
import type { FileSource } from './file-source.js';
import { KeptInputs } from './kept-inputs.js';
import { logLine } from './log.js';
import { httpStatus } from './octokit.js';
import { byteBudget, sharedReferenceReads, type ByteBudget } from './reference-reads.js';
import type { Bases } from './render.js';
import { isNotVerified, mapLimited, notVerifiedReport, verifyFile } from './verify-files.js';

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
  /** what the alternatives step needs again, for the plans it will search */
  inputs: KeptInputs;
  /** plans whose verification failed for a reason not in the plan (GitHub, the action, a budget): the job fails on them */
  unverified: string[];
  /** plans shown without their base comparison: the budgets were spent before its base version was read */
  basesDropped: string[];
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

export async function verifySelection(selection: SelectionToVerify, budget: ByteBudget = byteBudget()): Promise<VerifiedSelection> {
  // keyed by file path: a plan file named constructor or __proto__ must find no base in Object.prototype
  const bases: Bases = Object.create(null);
  const inputs = new KeptInputs();
  const unverified: string[] = [];
  // each commit's referenced files are read once for all the plans; one byte budget for both
  const head = {
    keep: (report: PlanReport, text: string, readReference: ReadReference) => inputs.offer(report, { text, readReference }),
    references: sharedReferenceReads(selection.headSource, budget),
  };
  const plans = await mapLimited(selection.plans, PARALLEL_READS, async (item) => {
    let report: PlanReport;
    try {
      report =
        (await verifyFile(item.path, selection.headSource, head)) ??
        errorReport(item.path, `${item.path} is listed as changed but does not exist at the head commit`);
    } catch (error) {
      unverified.push(item.path);
      const message = `${item.path} could not be verified: ${failureCause(error)}.`;
      logLine(message);
      return notVerifiedReport(item.path, message);
    }
    if (isNotVerified(report)) unverified.push(item.path);
    return report;
  });
  const basesDropped = selection.baseSource ? await verifyBases(selection, plans, bases, budget) : [];
  unverified.sort();
  return { plans, bases, inputs, unverified, basesDropped };
}

/** The base versions, after every head: one a budget refused is no comparison (not a "new plan", not an error). */
async function verifyBases(selection: SelectionToVerify, heads: readonly PlanReport[], bases: Bases, budget: ByteBudget): Promise<string[]> {
  const source = selection.baseSource as FileSource;
  const base = { references: sharedReferenceReads(source, budget, true) };
  const dropped: string[] = [];
  await mapLimited(selection.plans, PARALLEL_READS, async (item, index) => {
    if (isNotVerified(heads[index] as PlanReport)) return;
    if (!item.basePath) {
      if (!item.unlisted) bases[item.path] = null;
      return;
    }
    try {
      const report = await verifyFile(item.basePath, source, base);
      if (report && isNotVerified(report)) dropped.push(item.path);
      else bases[item.path] = report;
    } catch (error) {
      bases[item.path] = null;
      logLine(`Could not read the base version of ${item.path}: ${failureCause(error)}.`);
    }
  });
  return dropped.sort();
}
