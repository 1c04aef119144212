// One engine invocation, its --config file folded in, read into plan fields.
import type { EngineArgs } from './engine-args.js';
import { type ConfigSource, configFlags, mergeConfigFlags } from './engine-config.js';
import { applyEngine, CONFIG_FLAGS, type EngineContext, type EngineFacts, MEMORY_FLAG_NAMES } from './engines.js';
import type { FieldCollector } from './result.js';
import { oneCompilationConfig } from './vllm-compilation-source.js';
import { isPlainName, readExpansion, readName } from '../plan/read-value.js';

/** Finds a config file an engine names (in a ConfigMap of the same manifest, or next to the file). */
export type FindConfig = (path: string) => ConfigSource | { error: string };

export function runEngine(args: EngineArgs, c: FieldCollector, ctx: EngineContext, findConfig: FindConfig): EngineFacts {
  let merged = args;
  let configUnread = false;
  for (const name of CONFIG_FLAGS[args.engine]) {
    const flag = args.flags.get(name);
    if (flag === undefined) continue;
    if (typeof flag.value !== 'string') {
      configUnread = true;
      continue;
    }
    const found = flag.unresolved.length > 0 ? { error: `could not resolve ${flag.unresolved.map(readExpansion).join(', ')}` } : findConfig(flag.value);
    if ('error' in found) {
      configUnread = true;
      // the path is the imported file's text: shown, with why it was not read (which names it), only when plain
      const plain = isPlainName(flag.value);
      const why = plain || flag.unresolved.length > 0 ? found.error : 'it could not be read';
      c.warn(`${c.origin(flag.line)}: ${flag.written} ${plain ? flag.value : readName(flag.value)}: ${why}; its settings are not imported`);
    } else {
      merged = mergeConfigFlags(merged, configFlags(found.root, found.file, found.mapLine));
      // trtllm-serve takes a section the file gives (kv_cache_config) whole: the command line's part of it is dropped
      for (const [name, dropped] of args.flags) {
        if (!merged.flags.has(name)) {
          c.warn(
            `${c.origin(dropped.line)}: ${dropped.written} is not applied: ${flag.written} sets ${(name.split('.')[0] as string).replace(/-/g, '_')} as a whole, which replaces it (TensorRT-LLM's default applies)`,
          );
        }
      }
    }
    break;
  }
  const facts = applyEngine(merged.engine === 'vllm' ? oneCompilationConfig(merged, c) : merged, c, ctx);
  if (!configUnread && memoryFlagSurelyAbsent(args, merged)) c.defaulted['workload.memory_fraction'] = c.origin(args.line ?? 0);
  return facts;
}

/**
 * Whether the engine runs with its default memory flag: the command line read whole (args.wholeCommand)
 * and, with its config file, gives no memory flag, and nothing the importer could not read may hide one
 * (an unresolved $EXTRA_ARGS or "$@", a templated word, an argument that holds a whole command line,
 * an environment variable the launcher reads it from).
 * An engine's memory flag under any spelling (a top-level free_gpu_memory_fraction of a TensorRT-LLM
 * YAML, which the engine reads only under kv_cache_config) counts as given: the claim is made only where
 * it is sure. The config file's own reading is judged by the caller.
 */
function memoryFlagSurelyAbsent(args: EngineArgs, merged: EngineArgs): boolean {
  if (args.wholeCommand !== true || (args.unresolvedWords?.length ?? 0) > 0 || (args.spaced?.length ?? 0) > 0) return false;
  // Dynamo's TensorRT-LLM worker also takes the flag from DYN_TRTLLM_FREE_GPU_MEMORY_FRACTION (the image's,
  // the pod's or the cluster's environment), and any engine option from --override-engine-args JSON
  if (args.launcher === 'dynamo' || merged.flags.has('override-engine-args')) return false;
  const tails = new Set(MEMORY_FLAG_NAMES[args.engine].map((name) => name.split('.').pop()!));
  for (const [name, v] of merged.flags) {
    if (tails.has(name.split('.').pop()!) || v.unresolved.length > 0) return false;
    if (typeof v.value === 'string' && v.value.includes('{{')) return false;
  }
  return args.positional === undefined || (args.positional.unresolved.length === 0 && !String(args.positional.value).includes('{{'));
}
