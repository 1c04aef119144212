// Plans a pull request changes without touching them: a plan that imports k8s/decode.yaml
// (deployment.from) is verified again, against its base version, when only the manifest changed.
import { withWorkBudget } from '../core/work-budget.js';
import { MAX_PLAN_BYTES } from '../plan/load.js';
import { plansImporting } from '../import/watch.js';
import type { PlanToVerify } from './changed-plans.js';
import type { FileSource } from './file-source.js';
import { fileList } from './result.js';
import { mapLimited } from './verify-files.js';

/** Plans read to look for imports of a changed file, at most (each may be one contents-API request). */
export const MAX_PLANS_SCANNED = 300;
/** Work for parsing all of them: about 64 MiB of plan text (a real plan is a few KiB). */
export const SCAN_WORK_BUDGET = 64_000_000;

export interface ImportedPlans {
  plans: PlanToVerify[];
  /** what to tell the reader: which plans were added and why */
  notes: string[];
  /** when the scan was cut short, why the job must fail (a plan importing a changed file may be unseen); else null */
  unsearched: string | null;
}

/**
 * Among the repository's plans (`allPlans`, at the head commit) not already selected, those whose
 * `deployment.from` names one of the changed non-plan files.
 */
export async function plansImportingChangedFiles(
  changedFiles: readonly string[],
  selected: readonly PlanToVerify[],
  allPlans: readonly string[],
  head: FileSource,
  maxScanned = MAX_PLANS_SCANNED,
  workBudget = SCAN_WORK_BUDGET,
): Promise<ImportedPlans> {
  if (changedFiles.length === 0) return { plans: [], notes: [], unsearched: null };
  const already = new Set(selected.map((p) => p.path));
  const candidates = allPlans.filter((p) => !already.has(p));
  const scanned = candidates.slice(0, maxScanned);
  // a plan GitHub would not give (still failing after the retries, or the run's read budget spent)
  // may import a changed file: it fails the scan closed, and the run goes on
  const unread: string[] = [];
  const texts = await mapLimited(scanned, 8, async (path) => {
    try {
      const read = await head.read(path, MAX_PLAN_BYTES);
      if ('refused' in read && read.refused) unread.push(path);
      return 'text' in read ? { path, text: read.text } : null;
    } catch {
      unread.push(path);
      return null;
    }
  });
  const read = texts.filter((t): t is { path: string; text: string } => t !== null);
  unread.sort();
  // each plan is parsed in linear time; all of them together get a work budget too
  const found = withWorkBudget(
    { units: workBudget },
    () => plansImporting(changedFiles, read),
    () => null,
  );
  const notes: string[] = [];
  if (found && found.length > 0) notes.push(`Verified because a file they import changed: ${found.join(', ')}.`);
  // fail closed: a plan among those not searched may import a changed file and now fail
  const unsearched =
    unread.length > 0
      ? `${unread.length} unchanged plans could not be read for the search (${fileList(unread)}): one of them may import a changed file, so the job fails.`
      : candidates.length > scanned.length
        ? `Only ${scanned.length} of ${candidates.length} unchanged plans were searched for imports of the changed files (each is one request to GitHub's contents API): a plan among the others may import a changed file, so the job fails. Check out the pull request's head (actions/checkout) so the workspace is searched, which has no cap.`
        : found === null
          ? `The search of ${scanned.length} unchanged plans for imports of the changed files stopped at its work budget (${workBudget.toLocaleString('en-US')} units, about one per character parsed): a plan may import a changed file unseen, so the job fails.`
          : null;
  if (unsearched) notes.push(unsearched);
  return { plans: (found ?? []).map((path) => ({ path, basePath: path })), notes, unsearched };
}
