// Plans a pull request changes without touching them: an unchanged plan is verified again, against
// its base version, when the pull request changes any file its verification reads: its
// deployment.from, its model.hf_config, an engine --config a script names, however deep. Each
// unchanged plan is loaded (never simulated) at the head commit through verifyFile, the very reader
// its verification uses, and the paths that reader fetches are recorded: if none of them changed,
// the plan reads the same bytes at the base and its verdict cannot have moved.
import { loadPlan, PLAN_WORK_BUDGET, type PlanReport, withWorkBudget, workLeft } from '../core/index.js';
import { readTouchesChanged } from '../import/watch.js';
import type { PlanToVerify } from './changed-plans.js';
import type { FileSource, ReadResult } from './file-source.js';
import { byteBudget, sharedReferenceReads, type ReadReferenceFile, type ReferenceRead } from './reference-reads.js';
import { fileList } from './result.js';
import { mapLimited, type VerifyText, verifyFile } from './verify-files.js';

/** Plans read to look for reads of a changed file, at most (each may be one contents-API request). */
export const MAX_PLANS_SCANNED = 300;
/** Work for loading all of them: about 64 MiB of plan and referenced text (a real plan is a few KiB). */
export const SCAN_WORK_BUDGET = 64_000_000;

export interface ImportedPlans {
  plans: PlanToVerify[];
  /** what to tell the reader: which plans were added and why */
  notes: string[];
  /** when the scan was cut short, why the job must fail (a plan reading a changed file may be unseen); else null */
  unsearched: string | null;
}

/**
 * The files the scanned plans name, each read once for all of them by the verification's own shared
 * reader (reference-reads.ts: its byte budget bounds what the scan holds); past `limit` distinct
 * files, none (each may be one contents-API request).
 */
class SharedReads {
  private readonly reads: ReadReferenceFile;
  private readonly distinct = new Set<string>();
  exhausted = false;
  constructor(
    head: FileSource,
    readonly limit: number,
  ) {
    this.reads = sharedReferenceReads(head, byteBudget());
  }

  read(path: string): Promise<ReferenceRead> {
    if (!this.distinct.has(path)) {
      if (this.distinct.size >= this.limit) {
        this.exhausted = true;
        return Promise.resolve({ error: `${path} was not read: the search's limit of files read` });
      }
      this.distinct.add(path);
    }
    return this.reads(path);
  }
}

interface ScanBudget {
  left: number;
  exhausted: boolean;
}

interface PlanReads {
  path: string;
  /** repository paths its reader fetched, the plan itself aside */
  read: Set<string>;
  /** loading it ran past a plan's own work budget: what it reads is not known in full */
  tooComplex: boolean;
}

/** Only loads a plan (what reads its references), under a plan's budget and what is left of the scan's. */
function loadOnly(budget: ScanBudget, tooComplex: () => void): VerifyText {
  return (file, text, readReference) => {
    const units = Math.min(PLAN_WORK_BUDGET, budget.left);
    if (units <= 0) budget.exhausted = true;
    else {
      withWorkBudget(
        { units },
        () => {
          loadPlan(file, text, readReference);
          budget.left -= units - workLeft();
        },
        () => {
          budget.left -= units;
          if (units < PLAN_WORK_BUDGET) budget.exhausted = true;
          else tooComplex();
        },
      );
    }
    const report: PlanReport = { file, name: file, verdict: 'pass', checks: [], metrics: null, errors: [] };
    return report;
  };
}

/**
 * What one unchanged plan's verification reads at the head; null when it cannot be loaded at all (it
 * errs at the base as well); 'unread' when GitHub would not give it or a file it names (still failing
 * after the retries, or the run's read budget spent): it may read a changed file.
 */
async function planReads(path: string, head: FileSource, shared: SharedReads, budget: ScanBudget): Promise<PlanReads | 'unread' | null> {
  const result: PlanReads = { path, read: new Set(), tooComplex: false };
  let refused = false;
  const flag = <T extends ReferenceRead | ReadResult>(got: T): T => {
    if ('refused' in got && got.refused) refused = true;
    return got;
  };
  // verifyFile reads the plan itself from the source, every file it names through `references`
  const source: FileSource = { label: head.label, read: async (file, maxBytes) => flag(await head.read(file, maxBytes)) };
  const references: ReadReferenceFile = async (file) => {
    result.read.add(file);
    return flag(await shared.read(file));
  };
  let loaded: PlanReport | null;
  try {
    loaded = await verifyFile(path, source, { references, verify: loadOnly(budget, () => (result.tooComplex = true)) });
  } catch {
    return 'unread';
  }
  if (refused) return 'unread';
  return loaded === null || loaded.verdict === 'error' ? null : result;
}

/**
 * Among the repository's plans (`allPlans`, at the head commit) not already selected, those whose
 * verification reads one of the changed non-plan files (or could not be followed in full).
 * `maxScanned` caps the plans read, and the distinct files they name read too (`maxReferences`).
 */
export async function plansImportingChangedFiles(
  changedFiles: readonly string[],
  selected: readonly PlanToVerify[],
  allPlans: readonly string[],
  head: FileSource,
  maxScanned = MAX_PLANS_SCANNED,
  workBudget = SCAN_WORK_BUDGET,
  maxReferences = maxScanned,
): Promise<ImportedPlans> {
  if (changedFiles.length === 0) return { plans: [], notes: [], unsearched: null };
  const changed = new Set(changedFiles);
  const already = new Set(selected.map((p) => p.path));
  const candidates = allPlans.filter((p) => !already.has(p));
  const scanned = candidates.slice(0, maxScanned);
  const shared = new SharedReads(head, maxReferences);
  const budget: ScanBudget = { left: workBudget, exhausted: false };
  const results = await mapLimited(scanned, 8, (path) => planReads(path, head, shared, budget));
  const reads = results.filter((r): r is PlanReads => r !== null && r !== 'unread');
  // fail closed: a plan GitHub would not give may read a changed file; the run goes on
  const unread = scanned.filter((_, i) => results[i] === 'unread');

  const found = reads.filter((r) => !r.tooComplex && readTouchesChanged(r.read, changed)).map((r) => r.path);
  // fail closed: a plan whose reads are not known in full is verified
  const unknown = reads.filter((r) => r.tooComplex).map((r) => r.path);
  const notes: string[] = [];
  if (found.length > 0) notes.push(`Verified because a file they read changed (an import, an hf_config, or a file one of them names): ${found.join(', ')}.`);
  if (unknown.length > 0) {
    notes.push(
      `Verified because loading them to list the files they read ran past a plan's work budget, so a changed file may be among them: ${unknown.join(', ')}.`,
    );
  }
  // fail closed: a plan among those not searched, or not followed to the end, may read a changed file and now fail
  const unsearched =
    unread.length > 0
      ? `${unread.length} unchanged plans could not be read for the search (${fileList(unread)}), each itself or a file it names: one of them may read a changed file, so the job fails.`
      : candidates.length > scanned.length
        ? `Only ${scanned.length} of ${candidates.length} unchanged plans were searched for reads of the changed files (each is one request to GitHub's contents API): a plan among the others may read a changed file, so the job fails. Check out the pull request's head (actions/checkout) so the workspace is searched, which has no cap.`
        : shared.exhausted
          ? `The search of ${scanned.length} unchanged plans for reads of the changed files read ${shared.limit} of the files they name, its limit (each is one request to GitHub's contents API): a plan may read a changed file unseen, so the job fails. Check out the pull request's head (actions/checkout) so the workspace is searched, which has no cap.`
          : budget.exhausted
            ? `The search of ${scanned.length} unchanged plans for reads of the changed files stopped at its work budget (${workBudget.toLocaleString('en-US')} units, about one per character parsed): a plan may read a changed file unseen, so the job fails.`
            : null;
  if (unsearched) notes.push(unsearched);
  const plans = [...found, ...unknown].sort().map((path) => ({ path, basePath: path }));
  return { plans, notes, unsearched };
}
