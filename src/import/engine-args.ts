// Finds a serving engine's invocation among shell commands and reads its flags.
// `--flag value`, `--flag=value` and bare boolean flags; names are compared with `_` read as `-`
// and in lower case, so --tp_size and --tp-size are one flag, and each engine's aliases (-tp) are
// kept under the option's one name (flag-names.ts).
import { canonicalFlag, isListFlag, isSwitch, vllmLevel } from './flag-names.js';
import type { Word } from './shell.js';

export type Engine = 'vllm' | 'sglang' | 'trtllm';
export const ENGINES: readonly Engine[] = ['vllm', 'sglang', 'trtllm'];

/**
 * The command that takes TensorRT-LLM's flags, each with its own spellings (trtllm-spellings.ts):
 * trtllm-serve (click, `--tp_size`) or NVIDIA Dynamo's worker `python -m dynamo.trtllm` (argparse, `--tensor-parallel-size`).
 */
export type TrtllmLauncher = 'trtllm-serve' | 'dynamo';

export interface FlagValue {
  /** the value, or true for a flag given without one */
  value: string | true;
  line: number;
  /** set when the flag comes from another file (an engine --config YAML) */
  file?: string;
  /** the flag as written, for messages */
  written: string;
  unresolved: string[];
}

export interface EngineArgs {
  engine: Engine;
  /** the option's one name (normalised, aliases folded) -> its last occurrence (argparse semantics: the last one wins) */
  flags: Map<string, FlagValue>;
  /** the model given positionally (vllm serve <model>, trtllm-serve <model>) */
  positional?: FlagValue;
  /** line of the engine's command word, when one was found */
  line?: number;
  /** value flags that took the bare word after them (one that takes none would have swallowed the model) */
  tookWord?: { name: string; written: string; line: number }[];
  /** lines of words that hold spaces and flags (a whole command line as one argv item): the engine gets one word */
  spaced?: number[];
  /** which TensorRT-LLM command reads the flags, when the invocation was found */
  launcher?: TrtllmLauncher;
  /** vLLM dotted keys followed by more bare words than the one value vLLM takes (the rest it refuses) */
  strayWords?: { written: string; line: number }[];
  /** expansions left unresolved among the engine's words ($EXTRA_ARGS, "$@"): each may hold any flag */
  unresolvedWords?: string[];
  /**
   * Set by an importer that read the engine's own command line as it runs (a script, a container's
   * command): a flag it does not give takes the engine's default (engine-run.ts, memoryFlagSurelyAbsent).
   * Unset for a config file read alone, whose command line may give more.
   */
  wholeCommand?: boolean;
}

/** A JSON-valued flag (--compilation-config '{...}', --speculative-config, --eplb-config) as an object; undefined when it is not JSON or not an object. */
export function jsonObjectFlag(text: string): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
}

export function normaliseFlag(name: string): string {
  return name.replace(/^-+/, '').replace(/_/g, '-').toLowerCase();
}

/** Where the engine's own arguments start in one command, or -1: the word after its entry point. */
function invocationStart(words: readonly Word[], engine: Engine): number {
  const texts = words.map((w) => w.text);
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i] as string;
    const base = t.split('/').pop() ?? t;
    // NVIDIA Dynamo's workers take the engine's own flags: python3 -m dynamo.vllm --model ...
    if (t === `dynamo.${engine}` || t === `dynamo.${engine}.worker`) return i + 1;
    if (engine === 'vllm') {
      if (base === 'vllm' && texts[i + 1] === 'serve') return i + 2;
      if (/^vllm\.entrypoints\.(openai\.)?api_server$/.test(t)) return i + 1;
    } else if (engine === 'sglang') {
      if (t === 'sglang.launch_server') return i + 1;
      if (base === 'sglang' && texts[i + 1] === 'serve') return i + 2;
    } else if (base === 'trtllm-serve') {
      return texts[i + 1] === 'serve' ? i + 2 : i + 1;
    }
  }
  return -1;
}

/** Which TensorRT-LLM command the words before `start` name: Dynamo's worker or trtllm-serve. */
function trtllmLauncher(words: readonly Word[], start: number): TrtllmLauncher | undefined {
  const before = words.slice(0, start).map((w) => w.text);
  if (before.some((t) => t === 'dynamo.trtllm' || t === 'dynamo.trtllm.worker')) return 'dynamo';
  return before.some((t) => (t.split('/').pop() ?? t) === 'trtllm-serve') ? 'trtllm-serve' : undefined;
}

/** Which engine a command starts, if any. */
export function detectEngine(words: readonly Word[]): Engine | undefined {
  return ENGINES.find((engine) => invocationStart(words, engine) >= 0);
}

/** The command (among several from one script) that starts an engine, and where its arguments begin. */
export function findInvocation(
  commands: readonly (readonly Word[])[],
  engine: Engine | undefined,
): { engine: Engine; words: readonly Word[]; start: number } | undefined {
  for (const words of commands) {
    for (const candidate of engine ? [engine] : ENGINES) {
      const start = invocationStart(words, candidate);
      if (start >= 0) return { engine: candidate, words, start };
    }
  }
  return undefined;
}

/** A word that is a flag: `-x`, `--x`, but not a negative number (`-1`, `-0.5`), which argparse takes as a value. */
const isFlag = (text: string): boolean => text.startsWith('-') && text.length > 1 && !/^-\.?\d/.test(text);

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/**
 * One word that holds spaces and a flag (`"--model m --tensor-parallel-size 4"` as one argv item, no shell
 * to split it): argparse takes it as one positional word and refuses it, so it sets no flag here. A
 * `--flag=value` word is one flag whose value may hold spaces (--compilation-config='{"cudagraph_mode": "NONE"}',
 * as vLLM's docs write it): only a flag after a space in its value is another.
 */
const isSpacedFlags = (text: string): boolean => {
  const assigned = /^--?[A-Za-z][^\s=]*=/.exec(text);
  // a JSON value is one value whatever its strings hold ('{"backend": "a -b"}')
  if (assigned) return /\s--?[A-Za-z]/.test(text.slice(assigned[0].length)) && !isJson(text.slice(assigned[0].length));
  return /\s/.test(text) && /(^|\s)--?[A-Za-z]/.test(text);
};

/** A JSON list, as a dotted key's value may be ('[8, 16]'), else undefined. */
function jsonList(text: string | true): unknown[] | undefined {
  if (text === true) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * vLLM's dotted keys (--compilation-config.cudagraph_capture_sizes 8, -O.key=value) as its
 * FlexibleArgumentParser.parse_args gathers them (vllm/utils/argparse_utils.py): `key+ a,b` is the list
 * [a, b]; the same key again replaces a value, but a list given again is appended to (recursive_dict_update:
 * `original[k] += v`), so `.cudagraph_capture_sizes [8,16] ... .cudagraph_capture_sizes [32]` captures
 * [8, 16, 32]. Returns the option's one name and its value as vLLM ends up with it.
 */
function vllmDotted(flags: ReadonlyMap<string, FlagValue>, name: string, v: FlagValue): { name: string; value: FlagValue } {
  let key = name;
  let value = v;
  if (key.endsWith('+') && typeof v.value === 'string') {
    key = key.slice(0, -1);
    // vLLM splits on ',' and keeps each item a string; numbers are written as numbers here for the readers
    const items = v.value.split(',').map((item) => (/^\d+$/.test(item.trim()) ? Number(item.trim()) : item));
    value = { ...v, value: JSON.stringify(items) };
  }
  const before = flags.get(key);
  const earlier = before && before.file === undefined ? jsonList(before.value) : undefined;
  const now = jsonList(value.value);
  if (earlier && now) value = { ...value, value: JSON.stringify([...earlier, ...now]), unresolved: [...before!.unresolved, ...value.unresolved] };
  return { name: key, value };
}

/**
 * Reads flags from `words[start..]`. The first bare word is the positional model (vllm serve <model>).
 * A flag takes the next word as its value unless it is a switch (flag-names.ts) or that word is itself
 * a flag: as with argparse, `--unknown-switch -tp 4` leaves -tp 4 to be read.
 */
export function parseFlags(engine: Engine, words: readonly Word[], start: number, line?: number): EngineArgs {
  const flags = new Map<string, FlagValue>();
  const tookWord: { name: string; written: string; line: number }[] = [];
  const spaced: number[] = [];
  let positional: FlagValue | undefined;
  const strayWords: { written: string; line: number }[] = [];
  const launcher = engine === 'trtllm' ? trtllmLauncher(words, start) : undefined;
  // vLLM gathers dotted keys (--compilation-config.key) into their option, merging lists (vllmDotted)
  const put = (name: string, v: FlagValue): void => {
    if (engine !== 'vllm' || !name.includes('.')) {
      flags.set(name, v);
      return;
    }
    const merged = vllmDotted(flags, name, v);
    flags.set(merged.name, merged.value);
  };
  const unresolvedWords = words.slice(start).flatMap((w) => w.unresolved);
  for (let i = start; i < words.length; i++) {
    const word = words[i] as Word;
    const text = word.text;
    if (isSpacedFlags(text)) {
      spaced.push(word.line);
      continue;
    }
    if (isFlag(text)) {
      const level = engine === 'vllm' ? vllmLevel(text, words[i + 1]?.text) : undefined;
      if (level) {
        const taken = words.slice(i, i + level.words);
        flags.set('optimization-level', { value: level.value, line: word.line, written: '-O', unresolved: taken.flatMap((w) => w.unresolved) });
        i += level.words - 1;
        continue;
      }
      const eq = text.indexOf('=');
      if (eq > 0) {
        put(canonicalFlag(engine, normaliseFlag(text.slice(0, eq))), {
          value: text.slice(eq + 1),
          line: word.line,
          written: text.slice(0, eq),
          unresolved: word.unresolved,
        });
        continue;
      }
      const name = canonicalFlag(engine, normaliseFlag(text));
      const next = words[i + 1];
      const takesValue = !isSwitch(name) && next !== undefined && !isFlag(next.text);
      if (takesValue && next) {
        if (isSpacedFlags(next.text)) spaced.push(next.line);
        // a list option (nargs='+') takes every bare word up to the next flag; a vLLM dotted key takes the
        // next word only (argparse_utils.py), and argparse refuses the bare words after it
        const items = [next];
        const dotted = engine === 'vllm' && name.includes('.');
        let stray = 0;
        for (let j = i + 2; (isListFlag(name) || isListFlag(name.replace(/\+$/, ''))) && j < words.length && !isFlag((words[j] as Word).text); j++) {
          if (dotted) stray++;
          else items.push(words[j] as Word);
        }
        if (stray > 0) strayWords.push({ written: text, line: word.line });
        put(name, {
          value: items.map((w) => w.text).join(' '),
          line: word.line,
          written: text,
          unresolved: [...word.unresolved, ...items.flatMap((w) => w.unresolved)],
        });
        tookWord.push({ name, written: text, line: word.line });
        i += items.length + stray;
      } else {
        flags.set(name, { value: true, line: word.line, written: text, unresolved: word.unresolved });
      }
      continue;
    }
    if (positional === undefined) positional = { value: text, line: word.line, written: text, unresolved: word.unresolved };
  }
  return {
    engine,
    flags,
    ...(positional ? { positional } : {}),
    ...(line !== undefined ? { line } : {}),
    ...(tookWord.length > 0 ? { tookWord } : {}),
    ...(spaced.length > 0 ? { spaced } : {}),
    ...(launcher ? { launcher } : {}),
    ...(strayWords.length > 0 ? { strayWords } : {}),
    ...(unresolvedWords.length > 0 ? { unresolvedWords } : {}),
  };
}
