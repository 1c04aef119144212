// An engine's --config YAML (vLLM, SGLang) or --extra_llm_api_options / --config YAML (TensorRT-LLM)
// read as flags: keys are flag names (either '-' or '_'), nested maps join with '.'
// (kv_cache_config: {free_gpu_memory_fraction: 0.9} -> kv-cache-config.free-gpu-memory-fraction).
import type { Engine, EngineArgs, FlagValue } from './engine-args.js';
import { normaliseFlag } from './engine-args.js';
import type { YNode } from './yaml-tree.js';

/**
 * Flags from a config file's top-level map (lists are skipped). `file` names where the lines are;
 * `mapLine` turns a line of the parsed text into a line of that file (for a config held in a ConfigMap).
 */
export function configFlags(root: YNode, file?: string, mapLine: (line: number) => number = (l) => l): Map<string, FlagValue> {
  const flags = new Map<string, FlagValue>();
  const walk = (node: YNode, prefix: string): void => {
    if (node.kind !== 'map') return;
    for (const [key, value] of node.entries) {
      const name = prefix === '' ? normaliseFlag(key) : `${prefix}.${normaliseFlag(key)}`;
      if (value.kind === 'map') {
        walk(value, name);
        continue;
      }
      if (value.kind === 'seq' || value.value === null || value.value === undefined) continue;
      const text = String(value.value);
      flags.set(name, { value: text, line: mapLine(value.line), written: key, unresolved: [], ...(file !== undefined ? { file } : {}) });
    }
  };
  walk(root, '');
  return flags;
}

/**
 * Combines command-line flags with a config file's. vLLM and SGLang let the command line win over the
 * file; trtllm-serve applies --extra_llm_api_options over its command-line arguments, so there the file wins.
 */
export function mergeConfigFlags(args: EngineArgs, fromConfig: Map<string, FlagValue>): EngineArgs {
  const flags = new Map<string, FlagValue>();
  const fileWins = args.engine === 'trtllm';
  const [low, high] = fileWins ? [args.flags, fromConfig] : [fromConfig, args.flags];
  for (const [k, v] of low) flags.set(k, v);
  for (const [k, v] of high) flags.set(k, v);
  return { ...args, flags };
}

/** How each engine reads a file of flags as a whole invocation (for a plan that imports the file itself). */
export function argsFromConfig(engine: Engine, root: YNode): EngineArgs {
  return { engine, flags: configFlags(root), line: root.line };
}

/** Where an engine's config file can be found: its root node, the file to name, and its line mapping. */
export interface ConfigSource {
  root: YNode;
  file: string;
  mapLine?: (line: number) => number;
}
