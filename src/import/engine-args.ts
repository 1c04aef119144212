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
  const launcher = engine === 'trtllm' ? trtllmLauncher(words, start) : undefined;
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
        flags.set(canonicalFlag(engine, normaliseFlag(text.slice(0, eq))), {
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
        // a list option (nargs='+') takes every bare word up to the next flag
        const items = [next];
        if (isListFlag(name)) for (let j = i + 2; j < words.length && !isFlag((words[j] as Word).text); j++) items.push(words[j] as Word);
        flags.set(name, {
          value: items.map((w) => w.text).join(' '),
          line: word.line,
          written: text,
          unresolved: [...word.unresolved, ...items.flatMap((w) => w.unresolved)],
        });
        tookWord.push({ name, written: text, line: word.line });
        i += items.length;
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
  };
}
