// vLLM's JSON options (--compilation-config, --speculative-config, --eplb-config, --hf-overrides, ...) are
// each one argparse option that keeps its last value, and their spellings reach argparse in this order
// (vllm/utils/argparse_utils.py, FlexibleArgumentParser): a --config file's section first, then the
// command line's JSON (--compilation-config / -O / -cc '{...}'), and last the dotted keys (-O.key, -cc.key,
// --compilation-config.key, --eplb-config.key), gathered per option into one JSON added after every other
// option. So the last of these written is the whole option: an earlier one is dropped, not merged
// (--compilation-config '{"cudagraph_mode": "NONE"}' -cc.max_cudagraph_capture_size=64 captures graphs;
// --eplb-config '{"num_redundant_experts": 32}' --eplb-config.window_size 1000 holds no redundant experts).
import type { EngineArgs, FlagValue } from './engine-args.js';
import type { FieldCollector } from './result.js';
import { readFlag, readValue } from '../plan/read-value.js';
import { keyLabel } from '../plan/source.js';

const NAME = 'compilation-config';

type Source = 'file' | 'json' | 'dotted';

/** Where the option `head` (its one name) gets `name` from, or undefined when `name` is not `head` nor one of its keys. */
function sourceOf(head: string, name: string, v: FlagValue): Source | undefined {
  if (name !== head && !name.startsWith(`${head}.`)) return undefined;
  if (v.file !== undefined) return 'file';
  return name === head ? 'json' : 'dotted';
}

/** The options given whole by a dotted key (--eplb-config.window_size) or by a section of a --config file, beside another source. */
function headsOf(args: EngineArgs): Set<string> {
  const heads = new Set<string>();
  for (const [name, v] of args.flags) if (name.includes('.') || v.file !== undefined) heads.add(name.split('.')[0] as string);
  return heads;
}

function what(head: string, s: Source): string {
  if (s === 'file') return 'the --config file';
  if (s === 'json') return 'the command line';
  const spellings = head === NAME ? '-O.key, -cc.key, --compilation-config.key' : `--${head}.key`;
  return `the dotted keys (${spellings}), which vLLM adds as one --${head} after all others`;
}

/** How a message names the option: the compilation config as before, another by its flag. */
const optionWords = (head: string): string => (head === NAME ? "vLLM's compilation config" : `vLLM's --${head}`);

/**
 * -O<n> beside a compilation config: read apart, as 0.12+ does (--optimization-level). Before 0.12 it is
 * that config's level: one option with --compilation-config, the last kept (to 0.9), or the dotted key
 * -O.level added after a JSON (0.10-0.11), so one replaced the other whole: said, not guessed.
 */
function levelBeside(args: EngineArgs, c: FieldCollector): void {
  const level = args.flags.get('optimization-level');
  if (level?.written !== '-O') return;
  // -O.key merges with -O.level (0.10-0.11); -cc.key exists only from 0.12
  const other = [...args.flags].find(([name, v]) => sourceOf(NAME, name, v) !== undefined && (v.file !== undefined || !/^-(O|cc)\./.test(v.written)));
  if (other === undefined) return;
  const at = c.origin(other[1].file !== undefined ? `${other[1].file}:${other[1].line}` : other[1].line);
  c.warn(
    `${c.origin(level.line)}: -O ${readValue(String(level.value))} beside the compilation config at ${at} is read as vLLM 0.12+ reads it (the optimization level, apart); before 0.12 it is that config's level and one replaces the other whole, so its cudagraph_mode and capture sizes may not apply there: give workload.cuda_graphs and workload.cuda_graph_max_batch in the plan for an older vLLM`,
  );
}

/**
 * vLLM's flags with only the source of each JSON option that takes effect (the compilation config, the
 * speculative and EPLB configs, the config overrides...); each one dropped is warned about at its line.
 */
export function oneCompilationConfig(args: EngineArgs, c: FieldCollector): EngineArgs {
  let one = args;
  for (const head of headsOf(args)) one = onlyLast(one, c, head);
  levelBeside(one, c);
  return one;
}

function onlyLast(args: EngineArgs, c: FieldCollector, head: string): EngineArgs {
  const present = new Set<Source>();
  for (const [name, v] of args.flags) {
    const s = sourceOf(head, name, v);
    if (s) present.add(s);
  }
  const wins = (['dotted', 'json', 'file'] as const).find((s) => present.has(s));
  if (wins === undefined || present.size === 1) return args;
  const flags = new Map<string, FlagValue>();
  const warned = new Set<Source>();
  for (const [name, v] of args.flags) {
    const s = sourceOf(head, name, v);
    if (s === undefined || s === wins) {
      flags.set(name, v);
      continue;
    }
    if (warned.has(s)) continue;
    warned.add(s);
    const where = c.origin(v.file !== undefined ? `${v.file}:${v.line}` : v.line);
    // any flag with a dotted key is a head here: one the file names is shown only as keyLabel shows a key
    const label = keyLabel(head);
    c.warn(
      label.startsWith("'")
        ? `${where}: ${readFlag(v.written)} is not applied: ${optionWords(head)} is taken whole from ${what(head, wins)} (argparse keeps the last --${head}), so nothing is read from it`
        : `${where}: an option ${label} is not applied: vLLM takes it whole from its ${wins === 'dotted' ? 'dotted keys, added after all others' : wins === 'json' ? 'last value on the command line' : '--config file'} (argparse keeps the last value), so nothing is read from it`,
    );
  }
  return { ...args, flags };
}
