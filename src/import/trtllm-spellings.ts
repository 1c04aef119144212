// Which spelling of an option each of TensorRT-LLM's front ends accepts, for the options whose figures
// the importer reads. flag-names.ts folds every spelling into one name, so that `--tp_size 4` and a YAML
// `tensor_parallel_size: 4` are one option; the front ends themselves are strict:
//   trtllm-serve        click options, matched exactly as declared, with '_' (tensorrt_llm/commands/serve.py):
//                       --tp_size, --pp_size, --ep_size, --kv_cache_free_gpu_memory_fraction, --max_batch_size;
//                       the LLM API's names (--tensor_parallel_size, --pipeline_parallel_size,
//                       --moe_expert_parallel_size, --free_gpu_memory_fraction) only since the aliases of
//                       TensorRT-LLM PR #9586 (December 2025): earlier releases refuse them
//   Dynamo's worker     `python -m dynamo.trtllm`, argparse options with '-' (components/src/dynamo/trtllm/
//                       backend_args.py, earlier utils/trtllm_utils.py): --tensor-parallel-size,
//                       --pipeline-parallel-size, --expert-parallel-size, --free-gpu-memory-fraction; an
//                       unknown argument stops it (dynamic_flags.py)
//   the options YAML    --extra_llm_api_options / --config / --extra-engine-args: LlmArgs fields
//                       (tensor_parallel_size, kv_cache_config.free_gpu_memory_fraction); LlmArgs refuses
//                       any other key
// A spelling its front end refuses is still read as the option it names (what was meant is plain),
// and said: the command fails as written.
import { normaliseFlag, type TrtllmLauncher } from './engine-args.js';

/** trtllm-serve's flag for each option, and the LLM-API-named alias PR #9586 added. */
const SERVE: Readonly<Record<string, { flag: string; since9586?: string }>> = {
  'tensor-parallel-size': { flag: '--tp_size', since9586: '--tensor_parallel_size' },
  'pipeline-parallel-size': { flag: '--pp_size', since9586: '--pipeline_parallel_size' },
  'moe-expert-parallel-size': { flag: '--ep_size', since9586: '--moe_expert_parallel_size' },
  'kv-cache-config.free-gpu-memory-fraction': { flag: '--kv_cache_free_gpu_memory_fraction', since9586: '--free_gpu_memory_fraction' },
  'max-batch-size': { flag: '--max_batch_size' },
  'max-num-tokens': { flag: '--max_num_tokens' },
  'max-seq-len': { flag: '--max_seq_len' },
  'gpus-per-node': { flag: '--gpus_per_node' },
};

/** Dynamo's TensorRT-LLM worker's flag for each option. */
const DYNAMO: Readonly<Record<string, string>> = {
  'tensor-parallel-size': '--tensor-parallel-size',
  'pipeline-parallel-size': '--pipeline-parallel-size',
  'moe-expert-parallel-size': '--expert-parallel-size',
  'kv-cache-config.free-gpu-memory-fraction': '--free-gpu-memory-fraction',
  'max-batch-size': '--max-batch-size',
  'max-num-tokens': '--max-num-tokens',
  'max-seq-len': '--max-seq-len',
  'gpus-per-node': '--gpus-per-node',
};

const FRONT_END: Readonly<Record<TrtllmLauncher, string>> = {
  'trtllm-serve': 'trtllm-serve',
  dynamo: "Dynamo's TensorRT-LLM worker (python -m dynamo.trtllm)",
};

/** trtllm-bench's (and trtllm-eval's) spelling of the KV memory fraction, normalised: no serving command declares it. */
const BENCH_FRACTION = 'kv-cache-free-gpu-mem-fraction';

/** The LLM API key of an option (its one name), as an options YAML writes it: kv_cache_config.free_gpu_memory_fraction. */
export function llmApiKey(name: string): string {
  return name.replace(/-/g, '_');
}

/** How `launcher` writes the option with this one name on its command line; undefined when it has no flag for it. */
export function cliSpelling(launcher: TrtllmLauncher, name: string): string | undefined {
  return launcher === 'dynamo' ? DYNAMO[name] : SERVE[name]?.flag;
}

/**
 * What is wrong with `written`, the spelling of the option `name` (its one name, flag-names.ts) in a
 * TensorRT-LLM invocation, or undefined when its front end takes it. `written` with a leading '-' is on
 * the command line of `launcher` (unknown: not judged); without, a key of the options YAML. Says the
 * right spelling; never the value (the file's text).
 */
export function spellingIssue(launcher: TrtllmLauncher | undefined, name: string, written: string): string | undefined {
  if (!written.startsWith('-')) {
    const leaf = name.slice(name.lastIndexOf('.') + 1);
    if (written === llmApiKey(leaf)) return undefined;
    const key = llmApiKey(name);
    return `${written} is not an LLM API option, and TensorRT-LLM's LlmArgs refuses it at start-up; did you mean ${key}? It is read as ${key}, but the engine fails as written`;
  }
  if (normaliseFlag(written) === BENCH_FRACTION) {
    const front = launcher ?? 'trtllm-serve';
    const right = cliSpelling(front, name) ?? '--kv_cache_free_gpu_memory_fraction';
    return `${written} is trtllm-bench's spelling of kv_cache_config.free_gpu_memory_fraction; ${FRONT_END[front]} declares ${right} and refuses it at start-up: it is read as ${right}, but the command fails as written`;
  }
  if (launcher === undefined) return undefined;
  const right = cliSpelling(launcher, name);
  if (right === undefined || written === right) return undefined;
  const alias = launcher === 'trtllm-serve' ? SERVE[name]?.since9586 : undefined;
  if (written === alias)
    return `${written} is a trtllm-serve option only since TensorRT-LLM PR #9586 (December 2025), which named its flags after the LLM API; earlier releases refuse it at start-up, while ${right} works in every release`;
  return `${written} is not an option of ${FRONT_END[launcher]}, which refuses it at start-up; did you mean ${right}? It is read as ${right}, but the command fails as written`;
}
