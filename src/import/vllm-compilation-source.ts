// vLLM's --compilation-config is one argparse option that keeps its last value, and its spellings reach
// argparse in this order (vllm/utils/argparse_utils.py, FlexibleArgumentParser): a --config file's
// compilation_config first, then the command line's JSON (--compilation-config / -O / -cc '{...}'), and
// last the dotted keys (-O.key, -cc.key, --compilation-config.key), gathered into one JSON added after
// every other option. So the last of these written is the whole config: an earlier one is dropped, not
// merged (--compilation-config '{"cudagraph_mode": "NONE"}' -cc.max_cudagraph_capture_size=64 captures graphs).
import type { EngineArgs, FlagValue } from './engine-args.js';
import type { FieldCollector } from './result.js';
import { readValue } from '../plan/read-value.js';

const NAME = 'compilation-config';

type Source = 'file' | 'json' | 'dotted';

function sourceOf(name: string, v: FlagValue): Source | undefined {
  if (name !== NAME && !name.startsWith(`${NAME}.`)) return undefined;
  if (v.file !== undefined) return 'file';
  return name === NAME ? 'json' : 'dotted';
}

const WHAT: Readonly<Record<Source, string>> = {
  file: 'the --config file',
  json: 'the command line',
  dotted: 'the dotted keys (-O.key, -cc.key, --compilation-config.key), which vLLM adds as one --compilation-config after all others',
};

/**
 * -O<n> beside a compilation config: read apart, as 0.12+ does (--optimization-level). Before 0.12 it is
 * that config's level: one option with --compilation-config, the last kept (to 0.9), or the dotted key
 * -O.level added after a JSON (0.10-0.11), so one replaced the other whole: said, not guessed.
 */
function levelBeside(args: EngineArgs, c: FieldCollector): void {
  const level = args.flags.get('optimization-level');
  if (level?.written !== '-O') return;
  // -O.key merges with -O.level (0.10-0.11); -cc.key exists only from 0.12
  const other = [...args.flags].find(([name, v]) => sourceOf(name, v) !== undefined && (v.file !== undefined || !/^-(O|cc)\./.test(v.written)));
  if (other === undefined) return;
  const at = c.origin(other[1].file !== undefined ? `${other[1].file}:${other[1].line}` : other[1].line);
  c.warn(
    `${c.origin(level.line)}: -O ${readValue(String(level.value))} beside the compilation config at ${at} is read as vLLM 0.12+ reads it (the optimization level, apart); before 0.12 it is that config's level and one replaces the other whole, so its cudagraph_mode and capture sizes may not apply there: give workload.cuda_graphs and workload.cuda_graph_max_batch in the plan for an older vLLM`,
  );
}

/** vLLM's flags with only the compilation config that takes effect; each one dropped is warned about at its line. */
export function oneCompilationConfig(args: EngineArgs, c: FieldCollector): EngineArgs {
  const one = onlyLast(args, c);
  levelBeside(one, c);
  return one;
}

function onlyLast(args: EngineArgs, c: FieldCollector): EngineArgs {
  const present = new Set<Source>();
  for (const [name, v] of args.flags) {
    const s = sourceOf(name, v);
    if (s) present.add(s);
  }
  const wins = (['dotted', 'json', 'file'] as const).find((s) => present.has(s));
  if (wins === undefined || present.size === 1) return args;
  const flags = new Map<string, FlagValue>();
  const warned = new Set<Source>();
  for (const [name, v] of args.flags) {
    const s = sourceOf(name, v);
    if (s === undefined || s === wins) {
      flags.set(name, v);
      continue;
    }
    if (warned.has(s)) continue;
    warned.add(s);
    const where = c.origin(v.file !== undefined ? `${v.file}:${v.line}` : v.line);
    c.warn(
      `${where}: ${v.written} is not applied: vLLM's compilation config is taken whole from ${WHAT[wins]} (argparse keeps the last --compilation-config), so nothing is read from it`,
    );
  }
  return { ...args, flags };
}
