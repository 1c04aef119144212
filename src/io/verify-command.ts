// `parallel-plan-check verify [files, folders or globs ...]`: verifies plans and prints a report.
import { resolve } from 'node:path';
import type { Report } from '../core/types.js';
import { escapeTerminal, renderJson, renderReportMarkdown, renderText } from '../report/index.js';
import type { OptionSpec, OptionValues } from './command-line.js';
import type { CliIo } from './console.js';
import { findPlanFiles } from './find-plans.js';
import { verifyPlanFiles } from './verify-files.js';

/** Exit codes of the contract. */
export const EXIT_OK = 0;
export const EXIT_FAIL = 1;
export const EXIT_USAGE = 2;

const RENDERERS: Record<string, (report: Report) => string> = {
  text: renderText,
  markdown: (report) => renderReportMarkdown(report),
  json: renderJson,
};

export const verifyOptions: OptionSpec = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
};

export const verifyUsage = `Usage: parallel-plan-check verify [files, folders or globs ...] [options]

Verifies LLM deployment plans. With no path, searches the current folder. Folders are
searched for **/*.plan.yaml, **/*.plan.yml and **/*.plan.json (node_modules and .git skipped).

Options:
  -f, --format text|markdown|json   report format (default: text)
  -o, --output FILE                 write the report to FILE instead of standard output
  -h, --help                        show this help

Exit status: 0 every plan passes or warns, 1 some plan fails,
2 a usage error or a file that is not a valid plan.
`;

/** 2 wins over 1: a file that is not a plan means the run could not check everything. */
export function exitCodeFor(report: Report, usageProblems: number): number {
  if (usageProblems > 0 || report.plans.some((p) => p.verdict === 'error')) return EXIT_USAGE;
  if (report.plans.some((p) => p.verdict === 'fail')) return EXIT_FAIL;
  return EXIT_OK;
}

export function runVerify(values: OptionValues, positionals: string[], io: CliIo): number {
  const format = typeof values.format === 'string' ? values.format.toLowerCase() : 'text';
  const render = RENDERERS[format];
  if (!render) {
    io.stderr(`parallel-plan-check: unknown format '${escapeTerminal(format)}'; use one of: ${Object.keys(RENDERERS).join(', ')}\n`);
    return EXIT_USAGE;
  }
  const found = findPlanFiles(positionals, io.cwd);
  for (const problem of found.problems) io.stderr(`parallel-plan-check: ${escapeTerminal(problem)}\n`);
  // nothing found and something wrong: the problems are the answer, not a "PASS: 0 plans" beside them
  if (found.files.length === 0 && found.problems.length > 0) return EXIT_USAGE;
  const report = verifyPlanFiles(found.files, io.cwd);
  const text = render(report);
  if (typeof values.output === 'string') {
    try {
      io.writeFile(resolve(io.cwd, values.output), text);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? String(err);
      io.stderr(`parallel-plan-check: cannot write ${escapeTerminal(values.output)} (${code})\n`);
      return EXIT_USAGE;
    }
  } else {
    io.stdout(text);
  }
  return exitCodeFor(report, found.problems.length);
}
