// Log lines that carry data (file names from a pull request, messages that quote a plan) must not
// carry workflow commands: the runner reads any line that starts with `::` (or `##[`) as one, so
// a file named "x\n::add-mask::..." or "\n::warning::..." logged as it is would give commands.
// core.info writes its text as it is; here data is escaped the way @actions/core escapes a
// command's data (% as %25, CR as %0D, LF as %0A), so no line break comes from data, and the
// other control and bidirectional characters are shown as \xNN / \uNNNN rather than sent.
import * as core from '@actions/core';
import { INVISIBLE_CHARACTERS, showEscaped } from '../report/escape.js';

// (the characters that show as nothing, and lone surrogates, as in src/report/escape.ts)
const SHOWN_ESCAPED = new RegExp(`[\\u0000-\\u0009\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f${INVISIBLE_CHARACTERS}]`, 'gu');

/**
 * Text with its hidden characters shown as \xNN / \uNNNN, line breaks kept: for annotations, the
 * failure line and check-run names, where the toolkit (or the API's JSON) carries line breaks safely
 * but a right-to-left override or a zero-width space would make a file name read as another.
 */
export function showHidden(text: string): string {
  return text.replace(SHOWN_ESCAPED, showEscaped);
}

export function escapeLogData(text: string): string {
  return showHidden(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** One log line: `message` may hold data from the pull request, escaped here. */
export function logLine(message: string): void {
  core.info(escapeLogData(message));
}
