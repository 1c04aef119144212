// One engine invocation, its --config file folded in, read into plan fields.
import type { EngineArgs } from './engine-args.js';
import { type ConfigSource, configFlags, mergeConfigFlags } from './engine-config.js';
import { applyEngine, CONFIG_FLAGS, type EngineContext, type EngineFacts } from './engines.js';
import type { FieldCollector } from './result.js';
import { oneCompilationConfig } from './vllm-compilation-source.js';
import { isPlainName, readExpansion, readName } from '../plan/read-value.js';

/** Finds a config file an engine names (in a ConfigMap of the same manifest, or next to the file). */
export type FindConfig = (path: string) => ConfigSource | { error: string };

export function runEngine(args: EngineArgs, c: FieldCollector, ctx: EngineContext, findConfig: FindConfig): EngineFacts {
  let merged = args;
  for (const name of CONFIG_FLAGS[args.engine]) {
    const flag = args.flags.get(name);
    if (flag === undefined || typeof flag.value !== 'string') continue;
    const found = flag.unresolved.length > 0 ? { error: `could not resolve ${flag.unresolved.map(readExpansion).join(', ')}` } : findConfig(flag.value);
    if ('error' in found) {
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
  return applyEngine(merged.engine === 'vllm' ? oneCompilationConfig(merged, c) : merged, c, ctx);
}
