// vLLM's compilation config and optimization level, as far as they turn CUDA graphs off (workload.cuda_graphs):
//   cudagraph_mode NONE: --compilation-config '{...}' (-O '{...}' to 0.12, -cc since), one key
//            (--compilation-config.cudagraph_mode, -O.cudagraph_mode 0.10-0.12, -cc.cudagraph_mode), or in --config
//   the level: -O3, -O 3, -O=3 or --optimization-level 3 (flag-names.ts, vllmLevel). From 0.12 it is the
//            optimization level (vllm/config/vllm.py, OPTIMIZATION_LEVEL_00..03): O0 cudagraph_mode NONE, O1
//            PIECEWISE, O2 (the default) and O3 FULL_AND_PIECEWISE. Before, it was compilation_config's level
//            (mode in 0.11), and V1 captured graphs only at 3: VllmConfig.__post_init__ leaves cudagraph_mode
//            NONE below it (0.10-0.11), gpu_model_runner.py's use_cuda_graph is level == PIECEWISE (0.8-0.9).
//            So -O0 is graphs off and -O3 on under V1 (vLLM's engine from 0.8); -O1 and -O2 differ by release (warned).
// A cudagraph_mode written beside a level wins, as a key the user sets wins over the level's defaults.
import { type FlagValue, jsonObjectFlag } from './engine-args.js';
import type { FieldCollector, Where } from './result.js';
import { readValue } from '../plan/read-value.js';

/** What these read flags with (engines.ts's reader). */
export interface CompilationFlags {
  flag(names: readonly string[]): FlagValue | undefined;
  text(names: readonly string[]): { value: string; line: Where } | undefined;
}

/** A level as the whole compilation config: --compilation-config 3 where CompilationConfig.from_cli took a number (0.7's arg_utils.py). */
const BARE_LEVEL = /^\s*[0-3]\s*$/;

/**
 * The compilation config's JSON as an object. Anything else (not JSON, or not an object) vLLM refuses
 * at start-up: warned about at its line, naming the flag as written, and nothing is read from it.
 */
export function compilationJson(r: CompilationFlags, c: FieldCollector): { o: Record<string, unknown>; line: Where } | undefined {
  const json = r.text(['compilation-config']);
  const bare = json === undefined ? r.flag(['compilation-config']) : undefined;
  // -O at the end of the line, or before another flag: argparse wants its value and refuses to start
  if (bare?.value === true)
    c.warn(
      `${c.origin(bare.file !== undefined ? `${bare.file}:${bare.line}` : bare.line)}: ${bare.written} is given no value, which vLLM refuses at start-up; nothing is read from it`,
    );
  if (json === undefined || BARE_LEVEL.test(json.value)) return undefined;
  const o = jsonObjectFlag(json.value);
  if (o !== undefined) return { o, line: json.line };
  const written = r.flag(['compilation-config'])?.written ?? '--compilation-config';
  c.warn(
    `${c.origin(json.line)}: ${written} ${readValue(json.value)} is not a JSON object, which vLLM refuses at start-up; nothing is read from it (cudagraph_mode, the CUDA-graph capture sizes)`,
  );
  return undefined;
}

/**
 * The compilation mode (0.11+; "level" before) by number or name. Below 3 (VLLM_COMPILE) no graphs are
 * captured unless cudagraph_mode is given: VllmConfig leaves cudagraph_mode NONE below level 3 (0.10-0.11)
 * and overrides a piecewise one to NONE (0.12+), so -cc.mode=none (vLLM's own --enforce-eager advice) is graphs off.
 */
const MODES: Readonly<Record<string, number>> = { none: 0, stock_torch_compile: 1, dynamo_trace_once: 2, vllm_compile: 3 };

function compilationMode(
  r: CompilationFlags,
  json: { o: Record<string, unknown>; line: Where } | undefined,
  c: FieldCollector,
): { mode: number; line: Where } | undefined {
  for (const key of ['mode', 'level']) {
    const dotted = r.text([`compilation-config.${key}`]);
    const raw = dotted?.value ?? (json && Object.hasOwn(json.o, key) ? json.o[key] : undefined);
    const line = dotted?.line ?? json?.line;
    if (raw === undefined || raw === null || line === undefined) continue;
    const text = String(raw).trim().toLowerCase();
    const mode = /^[0-3]$/.test(text) ? Number(text) : Object.hasOwn(MODES, text) ? MODES[text] : undefined;
    if (mode !== undefined) return { mode, line };
    c.warn(
      `${c.origin(line)}: compilation_config ${key} ${readValue(String(raw))} is not a compilation mode the importer knows (0-3); CUDA graphs are read as on`,
    );
    return undefined;
  }
  return undefined;
}

/** The level as written, or undefined. */
function level(r: CompilationFlags): { value: string; line: Where; written: string } | undefined {
  for (const name of ['optimization-level', 'compilation-config']) {
    const v = r.text([name]);
    if (v && (name === 'optimization-level' || BARE_LEVEL.test(v.value)))
      return { value: v.value.trim(), line: v.line, written: r.flag([name])?.written ?? `--${name}` };
  }
  return undefined;
}

/** Where vLLM's compilation config or level turns CUDA graphs off, else undefined (a level whose meaning differs by release is warned about). */
export function vllmGraphsOff(r: CompilationFlags, c: FieldCollector): Where | undefined {
  const json = compilationJson(r, c);
  const jsonMode = json?.o.cudagraph_mode;
  const mode = r.text(['compilation-config.cudagraph-mode']) ?? (json && typeof jsonMode === 'string' ? { value: jsonMode, line: json.line } : undefined);
  if (mode) return mode.value.trim().toUpperCase() === 'NONE' ? mode.line : undefined;
  const compiled = compilationMode(r, json, c);
  if (compiled !== undefined && compiled.mode < 3) return compiled.line;
  const l = level(r);
  if (l === undefined || l.value === '3') return undefined;
  if (l.value === '0') return l.line;
  const where = c.origin(l.line);
  if (l.value === '1' || l.value === '2')
    c.warn(
      `${where}: ${l.written} ${l.value} captures CUDA graphs in vLLM 0.12 and later (optimization level ${l.value}) but none before (compilation level ${l.value}: V1 captures them only at level 3); they are read as on: say workload.cuda_graphs: false in the plan for an older vLLM`,
      ['workload.cuda_graphs'],
    );
  else c.warn(`${where}: ${l.written} ${readValue(l.value)} is not an optimization level the importer knows (0-3); CUDA graphs are read as on`);
  return undefined;
}
