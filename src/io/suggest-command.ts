// `parallel-plan-check suggest <plan>`: searches every valid layout for the plan's model,
// workload and hardware and says what would make it pass (docs/suggest.md).
import { resolve } from 'node:path';
import { loadPlan, verifyLoadedPlan } from '../core/index.js';
import { renderSuggestMarkdown } from '../report/alternatives.js';
import { errorLine, escapeTerminal } from '../report/index.js';
import {
  DEFAULT_SUGGEST_OPTIONS,
  MAX_SEARCH_GPUS,
  OBJECTIVES,
  renderSuggestText,
  somethingPasses,
  suggest,
  type Objective,
  type SuggestResult,
} from '../suggest/index.js';
import type { OptionSpec, OptionValues } from './command-line.js';
import type { CliIo } from './console.js';
import { createReadReference } from './read-reference.js';
import { readPlanFile } from './verify-files.js';
import { EXIT_FAIL, EXIT_OK, EXIT_USAGE } from './verify-command.js';

const DEFAULT_TOP = DEFAULT_SUGGEST_OPTIONS.top;
/**
 * The search's time limit by default, in seconds: a plan of a few hundred devices searches in seconds,
 * one of thousands of devices (or millions of requests) may take many minutes; a command run by hand
 * should answer within about a minute and say how far it got.
 */
export const DEFAULT_TIME_LIMIT_S = 60;
/** The longest limit --time-limit takes (a day); 0 means none. */
const MAX_TIME_LIMIT_S = 86_400;
/** The search enumerates every count up to --max-gpus: past this it would take minutes. */
const MAX_GPUS_LIMIT = MAX_SEARCH_GPUS;

const RENDERERS: Record<string, (r: SuggestResult) => string> = {
  text: renderSuggestText,
  markdown: (r) => renderSuggestMarkdown(r),
  json: (r) => `${JSON.stringify({ version: 1, suggest: r }, null, 2)}\n`,
};

export const suggestOptions: OptionSpec = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  objective: { type: 'string' },
  top: { type: 'string' },
  'max-gpus': { type: 'string' },
  'allow-cross-node-tp': { type: 'boolean' },
  'allow-cp': { type: 'boolean' },
  'any-gpu-count': { type: 'boolean' },
  'time-limit': { type: 'string' },
};

export const suggestUsage = `Usage: parallel-plan-check suggest <plan> [options]

Searches every parallel layout (tp, pp, dp, ep, etp, cp) that serving engines can run, for
1 up to the plan's device count, verifies each one, ranks those that meet the plan's
requirements, and says what would make a failing plan pass: more or fewer devices, another
layout, fp8 weights or KV cache, lower concurrency, a shorter max context.

Options:
  -f, --format text|markdown|json   output format (default: text)
  -o, --output FILE                 write to FILE instead of standard output
      --objective NAME              throughput-per-gpu (default) | ttft | tpot | gpus
      --top N                       layouts to show (default: ${DEFAULT_TOP})
      --max-gpus N                  search device counts up to N (default: the plan's count;
                                    "more devices" looks up to 16x the plan's count)
      --allow-cross-node-tp         let tensor parallelism span nodes
      --allow-cp                    search context parallelism for short contexts too
      --any-gpu-count               past one node, search every count, not only whole nodes
      --time-limit SECONDS          stop the search after SECONDS and say how far it got
                                    (default: ${DEFAULT_TIME_LIMIT_S}; 0: no limit)
  -h, --help                        show this help

Exit status: 0 some layout passes (the plan's own, or one found before any time limit), 1 none
does among the layouts searched (the output says when the time limit stopped the search), 2 a
usage error or a file that is not a valid plan.
`;

function positiveInt(name: string, value: string | boolean | undefined, max: number): number | string | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > max) return `--${name} must be a whole number from 1 to ${max}, not '${String(value)}'`;
  return n;
}

/** --time-limit in ms: seconds from 0 (none: undefined) to MAX_TIME_LIMIT_S, fractions allowed; a string is the usage error. */
function timeLimitMs(value: string | boolean | undefined): number | undefined | string {
  if (value === undefined) return DEFAULT_TIME_LIMIT_S * 1000;
  const n = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isFinite(n) || n > MAX_TIME_LIMIT_S)
    return `--time-limit must be a number of seconds from 0 (no limit) to ${MAX_TIME_LIMIT_S}, not '${String(value)}'`;
  return n === 0 ? undefined : n * 1000;
}

export function runSuggest(values: OptionValues, positionals: string[], io: CliIo): number {
  const usage = (message: string): number => {
    io.stderr(`parallel-plan-check suggest: ${escapeTerminal(message)}\nTry 'parallel-plan-check suggest --help'.\n`);
    return EXIT_USAGE;
  };
  const format = typeof values.format === 'string' ? values.format : 'text';
  const render = RENDERERS[format];
  if (!render) return usage(`unknown format '${format}'; use one of: ${Object.keys(RENDERERS).join(', ')}`);
  const objective = (typeof values.objective === 'string' ? values.objective : 'throughput-per-gpu') as Objective;
  if (!OBJECTIVES.includes(objective)) return usage(`unknown objective '${String(values.objective)}'; use one of: ${OBJECTIVES.join(', ')}`);
  const top = positiveInt('top', values.top, 1000) ?? DEFAULT_TOP;
  if (typeof top === 'string') return usage(top);
  const maxGpus = positiveInt('max-gpus', values['max-gpus'], MAX_GPUS_LIMIT);
  if (typeof maxGpus === 'string') return usage(maxGpus);
  const timeLimit = timeLimitMs(values['time-limit']);
  if (typeof timeLimit === 'string') return usage(timeLimit);
  if (positionals.length !== 1) return usage(positionals.length === 0 ? 'give one plan file' : `give one plan file, not ${positionals.length}`);

  const file = positionals[0]!;
  const read = readPlanFile(file, io.cwd);
  if (!read.ok) {
    io.stderr(`${escapeTerminal(errorLine(file, read.line === undefined ? { message: read.message } : { message: read.message, line: read.line }))}\n`);
    return EXIT_USAGE;
  }
  const loaded = loadPlan(file, read.text, createReadReference({ cwd: io.cwd }));
  if (!loaded.ok) {
    for (const error of loaded.errors) io.stderr(`${escapeTerminal(errorLine(file, error))}\n`);
    return EXIT_USAGE;
  }
  const verdict = verifyLoadedPlan(loaded.loaded).verdict;
  const result = suggest(
    loaded.loaded,
    {
      objective,
      top,
      ...(maxGpus !== undefined ? { maxGpus } : {}),
      allowCrossNodeTp: values['allow-cross-node-tp'] === true,
      allowCp: values['allow-cp'] === true,
      anyGpuCount: values['any-gpu-count'] === true,
      ...(timeLimit !== undefined ? { timeLimitMs: timeLimit } : {}),
    },
    verdict,
  );
  const text = render(result);
  if (typeof values.output === 'string') {
    try {
      io.writeFile(resolve(io.cwd, values.output), text);
    } catch (err) {
      return usage(`cannot write ${values.output} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
  } else io.stdout(text);
  if (somethingPasses(result)) return EXIT_OK;
  // The contract's exit statuses are 0, 1 and 2: a search the limit stopped with nothing found to pass
  // exits 1 like one that found none, and its output says it stopped (search.stopped)
  return EXIT_FAIL;
}
