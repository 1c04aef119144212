// An engine's --config YAML (vLLM, SGLang) or --extra_llm_api_options / --config YAML (TensorRT-LLM)
// read as flags: keys are flag names (either '-' or '_'), nested maps join with '.'
// (kv_cache_config: {free_gpu_memory_fraction: 0.9} -> kv-cache-config.free-gpu-memory-fraction).
import type { Engine, EngineArgs, FlagValue } from './engine-args.js';
import { normaliseFlag } from './engine-args.js';
import { canonicalFlag, isListFlag } from './flag-names.js';
import type { YNode } from './yaml-tree.js';

/** Keys whose null is a setting, not an absent value: TensorRT-LLM's cuda_graph_config: null turns CUDA graphs off. */
const NULL_SETTINGS = new Set(['cuda-graph-config']);

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
      // a list option's sequence of numbers (cuda_graph_config: {batch_sizes: [1, 2, 4]}): its items joined by spaces
      if (value.kind === 'seq' && isListFlag(name)) {
        const items = value.items.map((item) => (item.kind === 'scalar' && item.value !== null && item.value !== undefined ? String(item.value) : '?'));
        flags.set(name, { value: items.join(' '), line: mapLine(value.line), written: key, unresolved: [], ...(file !== undefined ? { file } : {}) });
        continue;
      }
      if (value.kind === 'seq' || value.value === undefined) continue;
      if (value.value === null && !NULL_SETTINGS.has(name)) continue;
      const text = value.value === null ? 'null' : String(value.value);
      flags.set(name, { value: text, line: mapLine(value.line), written: key, unresolved: [], ...(file !== undefined ? { file } : {}) });
    }
  };
  walk(root, '');
  return flags;
}

/**
 * A config file's flags under each option's one name in this engine (flag-names.ts). A TensorRT-LLM
 * section's field at the top of its options YAML (free_gpu_memory_fraction beside kv_cache_config, not
 * under it) keeps its own name: the alias that names that field on a command line (Dynamo's
 * --free-gpu-memory-fraction) is no key of the YAML, which TensorRT-LLM reads only under the section.
 */
function canonical(engine: Engine, flags: Map<string, FlagValue>): Map<string, FlagValue> {
  const out = new Map<string, FlagValue>();
  for (const [k, v] of flags) {
    const name = canonicalFlag(engine, k);
    out.set(engine === 'trtllm' && !k.includes('.') && name.endsWith(`.${k}`) ? k : name, v);
  }
  return out;
}

/** The top-level section of a nested option (kv-cache-config.dtype -> kv-cache-config), else undefined. */
const sectionOf = (name: string): string | undefined => (name.includes('.') ? name.slice(0, name.indexOf('.')) : undefined);

/**
 * Combines command-line flags with a config file's, option by option (whatever spelling each used).
 * vLLM and SGLang let the command line win over the file (vLLM puts the file's options before the
 * command line's for argparse; SGLang's config merger keeps command-line values). trtllm-serve applies
 * --extra_llm_api_options over its command-line arguments as a shallow dict merge, so there the file
 * wins, and a section the file gives (kv_cache_config) replaces the command line's whole.
 */
export function mergeConfigFlags(args: EngineArgs, fromConfig: Map<string, FlagValue>): EngineArgs {
  const file = canonical(args.engine, fromConfig);
  const flags = new Map<string, FlagValue>();
  if (args.engine === 'trtllm') {
    const sections = new Set([...file.keys()].map(sectionOf).filter((s) => s !== undefined));
    for (const [k, v] of args.flags) if (!sections.has(sectionOf(k) ?? '')) flags.set(k, v);
    for (const [k, v] of file) flags.set(k, v);
  } else {
    for (const [k, v] of file) flags.set(k, v);
    for (const [k, v] of args.flags) flags.set(k, v);
  }
  return { ...args, flags };
}

/** How each engine reads a file of flags as a whole invocation (for a plan that imports the file itself). */
export function argsFromConfig(engine: Engine, root: YNode): EngineArgs {
  return { engine, flags: canonical(engine, configFlags(root)), line: root.line };
}

/** Where an engine's config file can be found: its root node, the file to name, and its line mapping. */
export interface ConfigSource {
  root: YNode;
  file: string;
  mapLine?: (line: number) => number;
}
