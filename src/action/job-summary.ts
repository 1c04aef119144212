// The job summary holds the full report. GitHub drops a step's summary entirely above 1 MiB,
// so a report that large is shortened first (details, then a compact list).
import * as core from '@actions/core';
import type { Report } from '../core/index.js';
import { boundedNotes, compactReport, dropDetails, type UnverifiedScope } from './comment-body.js';
import { cutWhole } from './cut.js';

/** GitHub's per-step job summary limit, in bytes. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;

/** `notes`: the run's notes, which `full` ends with; the compact form keeps them, bounded. */
export function fitJobSummary(
  full: string,
  report: Report,
  limitBytes = SUMMARY_LIMIT_BYTES,
  unverified?: UnverifiedScope,
  notes: readonly string[] = [],
): string {
  const note = '\n\n> ⚠️ Shortened to fit GitHub’s 1 MiB job summary limit: the full report is in the `report-markdown` output file.\n';
  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
  const fits = (text: string) => bytes(text) <= limitBytes;
  if (fits(full)) return full;
  const lean = dropDetails(full) + note;
  if (fits(lean)) return lean;
  // the compact form's verdict line may say "see the notes": they come with it, each cut to its share
  const quoted = boundedNotes(notes, ' … (cut: the `report-markdown` output file has all of it)');
  const tail = fits(quoted + note) ? quoted + note : note;
  const compact = compactReport(report, { room: limitBytes - bytes(tail), ...(unverified ? { unverified } : {}) });
  if (fits(compact + tail)) return compact + tail;
  let cut = compact;
  while (!fits(cut + tail)) cut = cutWhole(cut, Math.floor(cut.length * 0.9));
  return cut + tail;
}

/** Writes the summary; false (and a log line) when this runner has no summary file. */
export async function writeJobSummary(markdown: string): Promise<boolean> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info('No job summary written: GITHUB_STEP_SUMMARY is not set.');
    return false;
  }
  await core.summary.addRaw(markdown, true).write();
  return true;
}
