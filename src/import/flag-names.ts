// Each engine's spellings of one option, folded into one name, so that "which source wins" is decided
// per option as the engine decides it, never by which spelling a file happens to use:
//   vLLM      -tp is --tensor-parallel-size (argparse aliases: one destination, the last one wins)
//   SGLang    --tp / --tensor-parallel-size are --tp-size (argparse aliases and prefixes)
//   TRT-LLM   trtllm-serve's --tp_size is the LLM API's tensor_parallel_size, --kv_cache_free_gpu_memory_fraction
//             its kv_cache_config.free_gpu_memory_fraction: the names its --extra_llm_api_options YAML uses
// Names are normalised (normaliseFlag): lower case, '-' for '_', nested config keys joined with '.'.
import type { Engine } from './engine-args.js';

/** alias -> the option's one name, per engine */
const ALIASES: Readonly<Record<Engine, Readonly<Record<string, string>>>> = {
  vllm: {
    tp: 'tensor-parallel-size',
    pp: 'pipeline-parallel-size',
    dp: 'data-parallel-size',
    ep: 'enable-expert-parallel',
    q: 'quantization',
  },
  sglang: {
    tp: 'tp-size',
    'tensor-parallel-size': 'tp-size',
    pp: 'pp-size',
    'pipeline-parallel-size': 'pp-size',
    dp: 'dp-size',
    'data-parallel-size': 'dp-size',
    ep: 'ep-size',
    'expert-parallel-size': 'ep-size',
    model: 'model-path',
  },
  trtllm: {
    'tp-size': 'tensor-parallel-size',
    'pp-size': 'pipeline-parallel-size',
    'ep-size': 'moe-expert-parallel-size',
    'moe-tp-size': 'moe-tensor-parallel-size',
    'kv-cache-free-gpu-memory-fraction': 'kv-cache-config.free-gpu-memory-fraction',
    // Dynamo's TensorRT-LLM worker: --free-gpu-memory-fraction, --model-path
    'free-gpu-memory-fraction': 'kv-cache-config.free-gpu-memory-fraction',
    'kv-cache-dtype': 'kv-cache-config.dtype',
    quantization: 'quant-config.quant-algo',
    'model-path': 'model',
  },
};

/** The one name of a (normalised) option in this engine. */
export function canonicalFlag(engine: Engine, name: string): string {
  const aliases = ALIASES[engine];
  return Object.hasOwn(aliases, name) ? (aliases[name] as string) : name;
}
