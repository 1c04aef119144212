// Verifies plan files read from a FileSource. The core's ReadReference is synchronous and pure,
// while files here arrive over the network; so a plan is verified, the references it asked for
// are fetched, and it is verified again with them in hand (a plan names at most a few files).
import { posix } from 'node:path';
import { verifyPlanText, type PlanReport, type ReadReference } from '../core/index.js';
import { repositoryPathProblem } from '../io/repo-file.js';
import { MAX_PLAN_BYTES } from '../plan/load.js';
import { quote } from '../plan/source.js';
import { isWellFormed, type FileSource } from './file-source.js';
import { byteBudget, sharedReferenceReads, type ReadReferenceFile, type ReferenceRead } from './reference-reads.js';

/** Rounds of "verify, fetch what it asked for" before giving up on references. */
const MAX_REFERENCE_ROUNDS = 3;

/**
 * The repo-relative path a plan's reference names, or an error: the path is relative to the
 * plan's folder and must stay inside the repository.
 */
export function resolveReference(planFile: string, ref: string): { path: string } | { error: string } {
  if (ref.trim() === '' || ref.includes('\0')) return { error: `'${quote(ref, 200)}' is not a file path` };
  // a lone surrogate (a YAML "\ud800" escape) names no file: URL encoding throws on it, and the
  // file system would read another name (U+FFFD in its place). Not quoted: the surrogate stays out.
  if (!isWellFormed(ref)) return { error: 'the path is not well-formed Unicode text (it holds a lone surrogate), so it names no file' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('/') || ref.startsWith('\\')) {
    return { error: `'${quote(ref, 200)}' must be a path relative to the plan, inside the repository` };
  }
  const path = posix.normalize(posix.join(posix.dirname(planFile), ref.replace(/\\/g, '/')));
  if (path === '..' || path.startsWith('../')) return { error: `'${quote(ref, 200)}' leaves the repository` };
  const problem = repositoryPathProblem(path);
  if (problem) return { error: `'${quote(ref, 200)}' ${problem}` };
  return { path };
}

function errorReport(file: string, message: string): PlanReport {
  return { file, name: file, verdict: 'error', checks: [], metrics: null, errors: [{ message }] };
}

/** Error reports of plans never verified (a read refused or failed), not invalid ones: the report says so. */
const NOT_VERIFIED = new WeakSet<PlanReport>();

/** An error report for a plan that was never verified, for a reason not in the plan. */
export function notVerifiedReport(file: string, message: string): PlanReport {
  const report = errorReport(file, message);
  NOT_VERIFIED.add(report);
  return report;
}

export function isNotVerified(report: PlanReport): boolean {
  return NOT_VERIFIED.has(report);
}

/** A verified plan, its text and the references it read, for work that needs the loaded plan again. */
export type KeepInputs = (report: PlanReport, text: string, readReference: ReadReference) => void;

/** What is done with a plan and its references once read: verified, or only loaded (imported-plans.ts). */
export type VerifyText = (file: string, text: string, readReference: ReadReference) => PlanReport;

export interface VerifyOptions {
  /** offered every verified plan's inputs (the caller keeps what it will use) */
  keep?: KeepInputs;
  /** how referenced files are read: shared by the plans of a run; default, this plan's own reads */
  references?: ReadReferenceFile;
  /** default: the core's verification */
  verify?: VerifyText;
}

/** Reads and verifies one plan; null when the file does not exist at this commit. */
export async function verifyFile(file: string, source: FileSource, options: VerifyOptions = {}): Promise<PlanReport | null> {
  const read = await source.read(file, MAX_PLAN_BYTES);
  if ('missing' in read) return null;
  // a read the run's budget refused says nothing about the plan: not verified, never "not a valid plan"
  if ('error' in read)
    return read.refused ? notVerifiedReport(file, `${file} is not verified (read budget spent): ${read.error}`) : errorReport(file, read.error);

  const readFile = options.references ?? sharedReferenceReads(source, byteBudget());
  const fetched = new Map<string, ReferenceRead>();
  for (let round = 0; ; round++) {
    const wanted = new Set<string>();
    const readReference: ReadReference = (planFile, ref) => {
      const resolved = resolveReference(planFile, ref);
      if ('error' in resolved) return resolved;
      const known = fetched.get(resolved.path);
      if (known) return known;
      wanted.add(resolved.path);
      return { error: `${resolved.path} was not read` };
    };
    const report = (options.verify ?? verifyPlanText)(file, read.text, readReference);
    if (wanted.size === 0 || round >= MAX_REFERENCE_ROUNDS) {
      // fail closed: a file left unread for a budget's sake may change the verdict, and the plan
      // treats an unreadable engine config as a mere warning
      const refused = [...fetched.values()].find((r) => 'refused' in r && r.refused === true);
      if (refused && 'error' in refused) return notVerifiedReport(file, `${file} is not verified: ${refused.error}`);
      options.keep?.(report, read.text, readReference);
      return report;
    }
    for (const path of wanted) fetched.set(path, await readFile(path));
  }
}

/** Runs `work` over `items`, at most `limit` at a time, keeping the order of results. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
