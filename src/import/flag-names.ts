// Each engine's spellings of one option, folded into one name, so that "which source wins" is decided
// per option as the engine decides it, never by which spelling a file happens to use:
//   vLLM      -tp is --tensor-parallel-size (argparse aliases: one destination, the last one wins)
//   SGLang    --tp / --tensor-parallel-size are --tp-size (argparse aliases and prefixes)
//   TRT-LLM   trtllm-serve's --tp_size is the LLM API's tensor_parallel_size, --kv_cache_free_gpu_memory_fraction
//             its kv_cache_config.free_gpu_memory_fraction: the names its --extra_llm_api_options YAML uses
//             (Dynamo's worker: --tensor-parallel-size, --expert-parallel-size); each front end takes only
//             its own spellings, which trtllm-spellings.ts checks
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
    // argparse's prefix of --kv-cache-memory-bytes, the spelling vLLM's own start-up log suggests ("--kv-cache-memory=...")
    'kv-cache-memory': 'kv-cache-memory-bytes',
    // --compilation-config's short names: -O to 0.12 (-O '{...}', -O.key; a level -O3 is read apart,
    // vllmLevel), -cc since (vllm/engine/arg_utils.py add_cli_args)
    o: 'compilation-config',
    cc: 'compilation-config',
    dcp: 'decode-context-parallel-size',
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
    // the CUDA-graph batch options' names since SGLang split decode from prefill graphs; the old ones
    // are their deprecated aliases (server_args.py add_cli_args: DeprecatedAliasStoreAction, one dest)
    'cuda-graph-max-bs-decode': 'cuda-graph-max-bs',
    'cuda-graph-bs-decode': 'cuda-graph-bs',
    'attention-context-parallel-size': 'attn-cp-size',
    'moe-data-parallel-size': 'moe-dp-size',
  },
  trtllm: {
    'tp-size': 'tensor-parallel-size',
    'pp-size': 'pipeline-parallel-size',
    'ep-size': 'moe-expert-parallel-size',
    'moe-tp-size': 'moe-tensor-parallel-size',
    'cp-size': 'context-parallel-size',
    'kv-cache-free-gpu-memory-fraction': 'kv-cache-config.free-gpu-memory-fraction',
    // Dynamo's TensorRT-LLM worker: --free-gpu-memory-fraction, --expert-parallel-size, --model-path
    'free-gpu-memory-fraction': 'kv-cache-config.free-gpu-memory-fraction',
    'expert-parallel-size': 'moe-expert-parallel-size',
    // trtllm-bench's spelling (trtllm-serve refuses it; engines.ts warns)
    'kv-cache-free-gpu-mem-fraction': 'kv-cache-config.free-gpu-memory-fraction',
    'kv-cache-dtype': 'kv-cache-config.dtype',
    quantization: 'quant-config.quant-algo',
    'model-path': 'model',
  },
};

/** The other spellings of this engine's options (trtllm-serve's --tp_size), for "did you mean". */
export function aliasNames(engine: Engine): string[] {
  return Object.keys(ALIASES[engine]);
}

/** The one name of a (normalised) option in this engine; a dotted key's head too (-O.cudagraph_mode is --compilation-config.cudagraph_mode). */
export function canonicalFlag(engine: Engine, name: string): string {
  const aliases = ALIASES[engine];
  if (Object.hasOwn(aliases, name)) return aliases[name] as string;
  const dot = name.indexOf('.');
  const head = dot > 0 ? name.slice(0, dot) : '';
  return head !== '' && Object.hasOwn(aliases, head) ? `${aliases[head] as string}${name.slice(dot)}` : name;
}

/**
 * vLLM's -O as its optimization level, the level's text and the words it takes. vllm/utils/argparse_utils.py
 * (FlexibleArgumentParser.parse_args) reads -O3 and -O=3, and -O followed by a word 0-3, as the level
 * (compilation_config's level or mode to 0.11, --optimization-level since 0.12); any other -O is the
 * compilation config: -O '{...}' its JSON, -O.key=value one key (0.10-0.12; 0.13 refuses it for -cc.key).
 */
export function vllmLevel(text: string, next: string | undefined): { value: string; words: 1 | 2 } | undefined {
  if (text === '-O') return next !== undefined && /^[0-3]$/.test(next) ? { value: next, words: 2 } : undefined;
  const m = /^-O=?([^.=].*)$/.exec(text);
  return m ? { value: m[1] as string, words: 1 } : undefined;
}

/**
 * Flags that never take a value (argparse store_true / BooleanOptionalAction, click flags), so the word
 * after one is not swallowed: the positional model after `--disable-custom-all-reduce` stays the model.
 * Any `--no-...` is one too (BooleanOptionalAction's negative form).
 */
const SWITCHES = new Set([
  // vLLM
  ...['async-scheduling', 'disable-custom-all-reduce', 'enable-expert-parallel', 'enforce-eager', 'enable-prefix-caching'],
  ...['enable-chunked-prefill', 'disable-log-requests', 'enable-log-requests', 'disable-log-stats', 'enable-auto-tool-choice'],
  ...['enable-lora', 'enable-sleep-mode', 'enable-prompt-tokens-details', 'enable-server-load-tracking', 'enable-force-include-usage'],
  ...['disable-frontend-multiprocessing', 'disable-fastapi-docs', 'enable-request-id-headers', 'disable-uvicorn-access-log'],
  ...['return-tokens-as-token-ids', 'disable-sliding-window', 'disable-cascade-attn', 'skip-tokenizer-init', 'enable-dbo', 'enable-eplb'],
  ...['headless', 'data-parallel-hybrid-lb', 'data-parallel-external-lb', 'enable-multimodal-encoder-data-parallel', 'enable-reasoning'],
  ...['disable-mm-preprocessor-cache', 'enable-tokenizer-info-endpoint', 'fully-sharded-loras', 'trust-remote-code', 'disable-async-output-proc'],
  ...['language-model-only'],
  // SGLang
  ...['enable-dp-attention', 'enable-dp-lm-head', 'enable-ep-moe', 'enable-deepep-moe', 'disable-radix-cache', 'disable-cuda-graph'],
  ...['disable-cuda-graph-padding', 'enable-torch-compile', 'enable-mixed-chunk', 'enable-metrics', 'enable-cache-report'],
  ...['disable-overlap-schedule', 'enable-two-batch-overlap', 'enable-single-batch-overlap', 'enable-flashinfer-allreduce-fusion'],
  ...['enable-nccl-nvls', 'enable-symm-mem', 'enable-memory-saver', 'enable-p2p-check', 'disable-chunked-prefix-cache'],
  ...['enable-hierarchical-cache', 'enable-nan-detection', 'enable-deterministic-inference', 'log-requests', 'show-time-cost'],
  ...['enable-mscclpp', 'allow-auto-truncate', 'enable-multimodal', 'disable-shared-experts-fusion', 'enable-layerwise-nvtx-marker'],
  ...['disable-outlines-disk-cache', 'enable-custom-logit-processor', 'enable-return-hidden-states', 'delete-ckpt-after-loading'],
  // TensorRT-LLM (trtllm-serve click flags), NVIDIA Dynamo workers
  ...['enable-attention-dp', 'fail-fast-on-attention-window-too-large', 'grpc', 'is-prefill-worker', 'is-decode-worker'],
]);

/**
 * Options that take a list (argparse nargs='+', or a YAML sequence): CUDA-graph batch sizes. On a command
 * line every bare word after one is its value (`--cuda-graph-bs 8 16 32`), as argparse reads them; in
 * a config file the sequence is read. The value is the items joined by spaces.
 */
const LIST_FLAGS = new Set([
  // SGLang --cuda-graph-bs (now --cuda-graph-bs-decode); vLLM --cudagraph-capture-sizes (0.11+) and the older --cuda-graph-sizes
  ...['cuda-graph-bs', 'cuda-graph-bs-decode', 'cudagraph-capture-sizes', 'cuda-graph-sizes'],
  // vLLM compilation_config.cudagraph_capture_sizes; TensorRT-LLM cuda_graph_config.batch_sizes (before 1.0:
  // cuda_graph_batch_sizes, at the top or in pytorch_backend_config)
  ...['compilation-config.cudagraph-capture-sizes', 'cuda-graph-config.batch-sizes'],
  ...['cuda-graph-batch-sizes', 'pytorch-backend-config.cuda-graph-batch-sizes'],
]);

/** A (normalised) option whose value is a list. */
export function isListFlag(name: string): boolean {
  return LIST_FLAGS.has(name);
}

/** A (normalised) flag that takes no value. */
export function isSwitch(name: string): boolean {
  return SWITCHES.has(name) || name.startsWith('no-');
}

/** Value flags common to the servers that the importer does not read (the word after them is their value). */
const VALUE_FLAGS = new Set([
  ...['host', 'port', 'served-model-name', 'api-key', 'uvicorn-log-level', 'log-level', 'chat-template', 'tool-call-parser'],
  ...['reasoning-parser', 'tokenizer', 'download-dir', 'seed', 'revision', 'backend', 'load-format', 'block-size', 'swap-space'],
  ...['kv-transfer-config', 'compilation-config', 'speculative-config', 'distributed-executor-backend', 'dist-init-addr'],
  ...['nnodes', 'node-rank', 'attention-backend', 'moe-a2a-backend', 'disaggregation-mode', 'disaggregation-transfer-backend'],
  ...['endpoint', 'extra-engine-args', 'extra-llm-api-options', 'config', 'max-beam-width', 'num-postprocess-workers'],
  ...['speculative-model', 'num-speculative-tokens', 'speculative-algorithm', 'speculative-num-steps', 'speculative-eagle-topk'],
  ...['speculative-num-draft-tokens', 'speculative-draft-model-path'],
]);

/** A flag whose value is surely the next word: one the importer reads (`reads`) or a common server option. */
export function takesValue(name: string, reads: ReadonlySet<string>): boolean {
  return reads.has(name) || VALUE_FLAGS.has(name);
}
