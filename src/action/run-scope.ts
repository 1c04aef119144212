// What a run did not verify: plans over the cap, plans whose reads were refused or failed, and
// listings or searches that may have left plans unseen. Any of it makes the run's verdict `error`
// (the contract's verdict for a file that could not be read as a plan, the closest to a plan never
// read): a run that skipped plans never says pass, in its outputs, comment or job summary.
import { combineReports, type PlanReport, type Report } from '../core/index.js';
import { countOf } from '../core/figures.js';
import { escapeName } from '../report/escape.js';
import { fileList } from './result.js';

export interface ScopeGaps {
  /** plans in scope that were not verified: over the cap, or a read refused or failed */
  files: string[];
  /** why plans may have gone unseen, how many unknown (a cut listing, a moved head, an unfinished search) */
  doubts: string[];
}

export function hasGaps(gaps: ScopeGaps): boolean {
  return gaps.files.length > 0 || gaps.doubts.length > 0;
}

/** The run's report: the verified plans, with verdict error when anything in scope went unverified. */
export function runReport(plans: PlanReport[], gaps: ScopeGaps): Report {
  const report = combineReports(plans);
  return hasGaps(gaps) ? { ...report, verdict: 'error' } : report;
}

/** "1 plan NOT verified (c.plan.yaml)", markdown for the verdict line (names escaped); null when nothing went unverified. */
export function gapSentence(gaps: ScopeGaps): string | null {
  if (!hasGaps(gaps)) return null;
  const unseen = 'plans may have gone unverified (see the notes)';
  if (gaps.files.length === 0) return unseen;
  // markdown (the verdict line of the report and the comment): the names come from the pull request
  const named = `${countOf(gaps.files.length, 'plan')} NOT verified (${fileList([...gaps.files].sort().map(escapeName))})`;
  return gaps.doubts.length > 0 ? `${named}, and other ${unseen}` : named;
}
