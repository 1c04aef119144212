// Each serving engine's own meaning of its flags, turned into the plan contract's figures.
// The semantics (docs/importers.md has the sources):
//   vLLM     GPUs = TP x PP x DP; --enable-expert-parallel makes EP = TP x DP with experts unsharded (etp 1);
//            --max-num-seqs is per DP rank; --gpu-memory-utilization is a fraction of TOTAL memory;
//            --kv-cache-memory-bytes (per GPU) and --num-gpu-blocks-override (x --block-size tokens) set
//            the KV pool outright.
//   SGLang   without --enable-dp-attention, --dp N starts N copies of a TP group: GPUs = TP x PP x DP;
//            with it, --tp is the total device count and attention runs tp/dp-way TP in dp replicas;
//            MoE layers run moe_tp = tp / ep; --mem-fraction-static is the share of the memory FREE after
//            initialisation for weights + KV pool; --max-running-requests is engine-wide with DP
//            attention, else per copy; --max-total-tokens caps the KV pool.
//   TRT-LLM  GPUs = TP x PP; enable_attention_dp runs attention data-parallel over the TP ranks;
//            moe_expert_parallel_size / moe_tensor_parallel_size split the experts; max_batch_size is per
//            scheduler (per attention-DP rank); free_gpu_memory_fraction is a fraction of the memory FREE
//            after weights and activations, not of the total; kv_cache_config.max_tokens and
//            max_gpu_total_bytes cap the KV pool.
// Each engine's memory flag becomes workload.memory_fraction, read in that engine's meaning through
// deployment.engine (src/core/engine-memory.ts); its batch cap becomes workload.max_running_sequences;
// its KV pool settings workload.kv_cache_tokens and kv_cache_memory. Other memory settings are warned
// about, never passed over.
import type { Dtype } from '../core/types.js';
import { type Engine, type EngineArgs, type FlagValue, jsonObjectFlag } from './engine-args.js';
import { aliasNames, canonicalFlag, isSwitch, takesValue } from './flag-names.js';
import { cliSpelling, llmApiKey, spellingIssue } from './trtllm-spellings.js';
import { misplacedMessage, misplacedSection, sectionNearMiss } from './trtllm-sections.js';
import { setSpeculative } from './speculative.js';
import { GRAPH_CAP_OPTIONS, parseSizes, setGraphCap } from './graph-cap.js';
import { vllmGraphsOff } from './vllm-compilation.js';
import { dtypeInModelName, modelPresetFor, PLAN_MODEL_PATHS, setCheckpointStorage } from './model-name.js';
import type { FieldCollector, Where } from './result.js';
import { readExpansion, readFlag, readValue } from '../plan/read-value.js';
import { didYouMean, editDistance } from '../plan/didYouMean.js';
import { keyLabel } from '../plan/source.js';
import { chargeWork } from '../core/work-budget.js';
import { ownEntry } from '../presets/lookup.js';

export const ENGINE_NAMES: Readonly<Record<Engine, string>> = { vllm: 'vLLM', sglang: 'SGLang', trtllm: 'TensorRT-LLM' };

/** The option naming each figure, per engine: its one name (flag-names.ts folds the aliases: -tp, --tp_size). */
const FLAGS = {
  vllm: {
    tp: ['tensor-parallel-size'],
    pp: ['pipeline-parallel-size'],
    dp: ['data-parallel-size'],
    ep: ['enable-expert-parallel'],
    concurrency: ['max-num-seqs'],
    context: ['max-model-len'],
    memory: ['gpu-memory-utilization'],
    // blocks of --block-size tokens
    kvTokens: ['num-gpu-blocks-override'],
    kvBytes: ['kv-cache-memory-bytes'],
    kv: ['kv-cache-dtype'],
    quant: ['quantization'],
    dtype: ['dtype'],
    batched: ['max-num-batched-tokens'],
    model: ['model'],
  },
  sglang: {
    tp: ['tp-size'],
    pp: ['pp-size'],
    dp: ['dp-size'],
    ep: ['ep-size'],
    concurrency: ['max-running-requests'],
    context: ['context-length'],
    memory: ['mem-fraction-static'],
    kvTokens: ['max-total-tokens'],
    kvBytes: [] as string[],
    kv: ['kv-cache-dtype'],
    quant: ['quantization'],
    dtype: ['dtype'],
    batched: ['chunked-prefill-size'],
    model: ['model-path'],
  },
  trtllm: {
    tp: ['tensor-parallel-size'],
    pp: ['pipeline-parallel-size'],
    dp: [] as string[],
    ep: ['moe-expert-parallel-size'],
    concurrency: ['max-batch-size'],
    context: ['max-seq-len'],
    memory: ['kv-cache-config.free-gpu-memory-fraction'],
    kvTokens: ['kv-cache-config.max-tokens'],
    kvBytes: ['kv-cache-config.max-gpu-total-bytes'],
    kv: ['kv-cache-config.dtype'],
    quant: ['quant-config.quant-algo'],
    dtype: ['dtype'],
    batched: ['max-num-tokens'],
    // trtllm-serve <model>, Dynamo's TensorRT-LLM worker --model-path
    model: ['model'],
  },
} as const;

/** Each engine's memory flag, by its one name (workload.memory_fraction). */
export const MEMORY_FLAG_NAMES: Readonly<Record<Engine, readonly string[]>> = {
  vllm: FLAGS.vllm.memory,
  sglang: FLAGS.sglang.memory,
  trtllm: FLAGS.trtllm.memory,
};

/** Flags that turn CUDA graphs off (TensorRT-LLM has none: its cuda_graph_config: null does, cudaGraphsOff). */
const EAGER_FLAGS: Readonly<Record<Engine, readonly string[]>> = {
  vllm: ['enforce-eager'],
  sglang: ['disable-cuda-graph'],
  trtllm: [],
};

/**
 * CUDA graphs turned off by a setting rather than a switch: vLLM's compilation config (cudagraph_mode
 * NONE) or optimization level 0 (vllm-compilation.ts); TensorRT-LLM's cuda_graph_config: null (its
 * PyTorch backend captures them by default since 1.0, for the batch sizes that section gives). Where it is written.
 */
function cudaGraphsOff(engine: Engine, r: Reader, c: FieldCollector): Where | undefined {
  if (engine === 'trtllm') {
    const section = r.flag(['cuda-graph-config']);
    return section?.value === 'null' ? whereOf(section) : undefined;
  }
  if (engine === 'sglang') {
    // --disable-cuda-graph's replacement (server_args.py: "Use --cuda-graph-backend-{decode,prefill}=disabled");
    // decode's is the one whose steps the estimate times
    const decode = r.text(['cuda-graph-backend-decode']);
    return decode && decode.value.trim().toLowerCase() === 'disabled' ? decode.line : undefined;
  }
  return engine === 'vllm' ? vllmGraphsOff(r, c) : undefined;
}

/** The engine config key (normalised) that names a second file of flags. */
export const CONFIG_FLAGS: Readonly<Record<Engine, readonly string[]>> = {
  vllm: ['config'],
  sglang: ['config'],
  // Dynamo's TensorRT-LLM worker takes the same YAML as --extra-engine-args
  trtllm: ['extra-llm-api-options', 'config', 'extra-engine-args'],
};

/** TensorRT-LLM's CUDA-graph options before 1.0 (TorchLlmArgs, or its pytorch_backend_config section before 0.20), normalised. */
const LEGACY_TRTLLM_GRAPHS = ['use-cuda-graph', 'cuda-graph-batch-sizes', 'cuda-graph-max-batch-size', 'cuda-graph-padding-enabled'] as const;
const legacyNames = (key: string): string[] => [key, `pytorch-backend-config.${key}`];

const KV_DTYPES: Record<string, Dtype> = {
  fp8: 'fp8',
  fp8_e4m3: 'fp8',
  fp8_e5m2: 'fp8',
  fp8_inc: 'fp8',
  fp8_ds_mla: 'fp8',
  bfloat16: 'bf16',
  bf16: 'bf16',
  float16: 'fp16',
  fp16: 'fp16',
  half: 'fp16',
  float32: 'fp32',
  fp32: 'fp32',
  int8: 'int8',
  nvfp4: 'fp4',
  fp4: 'fp4',
};

/** --quantization methods whose weight width is unambiguous for the linear layers. */
const QUANT_DTYPES: Record<string, { dtype: Dtype; note?: string }> = {
  fp8: { dtype: 'fp8' },
  fbgemm_fp8: { dtype: 'fp8' },
  modelopt: { dtype: 'fp8' },
  w8a8_fp8: { dtype: 'fp8' },
  fp8_block: { dtype: 'fp8' },
  fp8_block_scales: { dtype: 'fp8' },
  ptpc_fp8: { dtype: 'fp8' },
  modelopt_fp4: { dtype: 'fp4' },
  nvfp4: { dtype: 'fp4' },
  w4a8_nvfp4_fp8: { dtype: 'fp4' },
  w8a8_int8: { dtype: 'int8' },
  int8: { dtype: 'int8' },
  w8a16: { dtype: 'int8' },
  int8_sq: { dtype: 'int8' },
  awq: { dtype: 'int4', note: '4-bit (AWQ)' },
  awq_marlin: { dtype: 'int4', note: '4-bit (AWQ)' },
  gptq: { dtype: 'int4', note: '4-bit (the usual GPTQ width; 8-bit GPTQ checkpoints exist)' },
  gptq_marlin: { dtype: 'int4', note: '4-bit (the usual GPTQ width; 8-bit GPTQ checkpoints exist)' },
  w4a16_awq: { dtype: 'int4' },
  w4a16_gptq: { dtype: 'int4' },
  w4a16: { dtype: 'int4' },
  bitsandbytes: { dtype: 'int4', note: '4-bit (bitsandbytes NF4, its usual mode)' },
};

const DTYPES: Record<string, Dtype> = {
  bfloat16: 'bf16',
  bf16: 'bf16',
  float16: 'fp16',
  fp16: 'fp16',
  half: 'fp16',
  float32: 'fp32',
  float: 'fp32',
  fp32: 'fp32',
};

/** What one engine instance needs, for the caller to check against the manifest. */
export interface EngineFacts {
  /** devices one engine instance uses; undefined when a layout flag could not be read */
  world_size: number | undefined;
  /** where the figure that set the world size was written (the TP flag, or the invocation) */
  line: Where;
  /** nodes one instance spans, when the engine says (SGLang --nnodes) */
  nodes?: number;
}

/** Options from the manifest around the command. */
export interface EngineContext {
  /** independent engine instances (Deployment replicas, LeaderWorkerSet groups); default 1 */
  instances?: { count: number; line: Where };
}

interface Reader {
  flag(names: readonly string[]): FlagValue | undefined;
  int(names: readonly string[], what: string): { value: number; line: Where } | undefined;
  fraction(names: readonly string[], what: string): { value: number; line: Where } | undefined;
  text(names: readonly string[]): { value: string; line: Where } | undefined;
  bool(names: readonly string[]): { value: boolean; line: Where } | undefined;
}

/** Integers as engines accept them: 32768, 32k (x1000), 32K (x1024), 1m, 1M. */
export function parseEngineInt(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?)\s*$/.exec(text);
  if (!m) return undefined;
  const scale: Record<string, number> = { '': 1, k: 1e3, K: 1024, m: 1e6, M: 1024 ** 2, g: 1e9, G: 1024 ** 3 };
  const value = Number(m[1]) * (scale[m[2] as string] ?? 1);
  return Number.isInteger(value) ? value : undefined;
}

/** Where a flag was written: a line of the imported file, or file:line of a config file. */
const whereOf = (v: FlagValue): Where => (v.file !== undefined ? `${v.file}:${v.line}` : v.line);

function reader(args: EngineArgs, c: FieldCollector): Reader {
  const flag = (names: readonly string[]): FlagValue | undefined => {
    for (const name of names) {
      const v = args.flags.get(name);
      if (v === undefined) continue;
      if (v.unresolved.length > 0) {
        c.warn(`${c.origin(whereOf(v))}: could not resolve ${v.unresolved.map(readExpansion).join(', ')} in ${v.written}; the flag is ignored`);
        return undefined;
      }
      return v;
    }
    return undefined;
  };
  const number = (names: readonly string[], what: string, parse: (s: string) => number | undefined) => {
    const v = flag(names);
    if (v === undefined) return undefined;
    const parsed = typeof v.value === 'string' ? parse(v.value) : undefined;
    if (parsed === undefined) {
      c.warn(`${c.origin(whereOf(v))}: ${v.written} ${v.value === true ? '(no value)' : readValue(v.value)} is not a valid ${what}; ignored`);
      return undefined;
    }
    return { value: parsed, line: whereOf(v) };
  };
  return {
    flag,
    int: (names, what) =>
      number(names, what, (s) => {
        const n = parseEngineInt(s);
        return n !== undefined && n >= 1 ? n : undefined;
      }),
    fraction: (names, what) =>
      number(names, what, (s) => {
        const n = Number(s.trim());
        return s.trim() !== '' && Number.isFinite(n) && n > 0 && n <= 1 ? n : undefined;
      }),
    text: (names) => {
      const v = flag(names);
      return v && typeof v.value === 'string' ? { value: v.value, line: whereOf(v) } : undefined;
    },
    bool: (names) => {
      const v = flag(names);
      if (!v) return undefined;
      const on = v.value === true || /^(true|1|yes|on)$/i.test(v.value);
      return { value: on, line: whereOf(v) };
    },
  };
}

/** Quantization methods of vLLM, SGLang and TensorRT-LLM a message may name (any other is the file's text, not shown). */
const ENGINE_QUANTIZATIONS = [
  ...['aqlm', 'awq', 'awq_marlin', 'bitblas', 'bitsandbytes', 'compressed-tensors', 'deepspeedfp', 'experts_int8', 'fbgemm_fp8', 'fp8'],
  ...['gguf', 'gptq', 'gptq_bitblas', 'gptq_marlin', 'gptq_marlin_24', 'hqq', 'inc', 'ipex', 'marlin', 'modelopt', 'modelopt_fp4'],
  ...['moe_wna16', 'mxfp4', 'ptpc_fp8', 'qqq', 'quark', 'torchao', 'tpu_int8', 'auto-round', 'w8a8_int8', 'w8a8_fp8', 'w4afp8'],
];

const NARROW_WEIGHTS: ReadonlySet<unknown> = new Set(['fp8', 'int8', 'int4', 'fp4']);

/**
 * A quantization the command names (--quantization fp8, awq, modelopt...; a -FP8 checkpoint) quantizes the
 * linear layers: the engines give the embedding and LM head no quantized method (vLLM's and SGLang's
 * Fp8Config.get_quant_method: none for VocabParallelEmbedding / ParallelLMHead; -FP8 checkpoints ignore
 * lm_head), so they stay 16-bit, as the named checkpoints (model-name.ts) and the validation case
 * vllm-llama33-70b-fp8-2xh100-tp2-memory have them. weight_dtype alone narrows them too (the contract's
 * default): 1 GiB of Llama-3.1-8B's 8.5 GiB in fp8. Runs after setModel, whose checkpoint storage wins.
 */
function keepEmbeddings16Bit(c: FieldCollector): void {
  if (!NARROW_WEIGHTS.has(c.get('model.weight_dtype')) || c.has('model.weight_dtypes.embeddings')) return;
  c.set('model.weight_dtypes.embeddings', 'bf16', c.origins['model.weight_dtype'] ?? 0);
}

function setDtypes(engine: Engine, r: Reader, c: FieldCollector): void {
  const f = FLAGS[engine];
  const kv = r.text(f.kv);
  if (kv && kv.value.toLowerCase() !== 'auto') {
    const dtype = ownEntry(KV_DTYPES, kv.value.toLowerCase());
    if (dtype) c.set('model.kv_cache_dtype', dtype, kv.line);
    else c.warn(`${c.origin(kv.line)}: KV cache dtype ${readValue(kv.value)} is not one the plan format knows; ignored`);
  }
  const quant = r.text(f.quant);
  if (quant) {
    const known = ownEntry(QUANT_DTYPES, quant.value.toLowerCase().replace(/-/g, '_'));
    if (known) {
      c.set('model.weight_dtype', known.dtype, quant.line);
      if (known.note) c.warn(`${c.origin(quant.line)}: quantization '${quant.value}' read as ${known.note} weights`);
    } else {
      c.warn(
        `${c.origin(quant.line)}: quantization ${readValue(quant.value, ENGINE_QUANTIZATIONS)} does not say one weight width; the model's own dtypes apply (set model.weight_dtype)`,
      );
    }
    return;
  }
  const dtype = r.text(f.dtype);
  if (dtype && dtype.value.toLowerCase() !== 'auto') {
    const d = ownEntry(DTYPES, dtype.value.toLowerCase());
    if (d) {
      c.set('model.weight_dtype', d, dtype.line);
      // the engine's automatic KV dtype is the model's; the plan's default for fp32 weights is bf16
      if (d === 'fp32' && (!kv || kv.value.toLowerCase() === 'auto')) c.set('model.kv_cache_dtype', 'fp32', dtype.line);
    } else c.warn(`${c.origin(dtype.line)}: dtype ${readValue(dtype.value)} is not one the plan format knows; ignored`);
  }
}

/** Options the importer reads, per engine: the word after one is surely its value. */
const READS: Readonly<Record<Engine, ReadonlySet<string>>> = {
  vllm: new Set([
    ...Object.values(FLAGS.vllm).flat(),
    ...EAGER_FLAGS.vllm,
    ...CONFIG_FLAGS.vllm,
    ...['block-size', 'eplb-config', 'num-redundant-experts', 'optimization-level'],
  ]),
  sglang: new Set([...Object.values(FLAGS.sglang).flat(), ...CONFIG_FLAGS.sglang, 'moe-a2a-backend', 'ep-num-redundant-experts']),
  trtllm: new Set([
    ...Object.values(FLAGS.trtllm).flat(),
    ...CONFIG_FLAGS.trtllm,
    ...['moe-tensor-parallel-size', 'gpus-per-node', 'batch-wait-timeout-iters', 'batch-wait-max-tokens-ratio'],
  ]),
};

/**
 * No model: vllm serve and trtllm-serve take it as their first bare word, which a flag the importer
 * does not know may have taken as its value (a switch it has not heard of). Says which flag and where,
 * never the word (a file's text).
 */
function warnModelTaken(engine: Engine, args: EngineArgs, c: FieldCollector): void {
  if (engine === 'sglang') return; // SGLang has no positional model
  const taker = args.tookWord?.find((t) => !takesValue(t.name, READS[engine]));
  if (!taker) return;
  c.warn(
    `${c.origin(taker.line)}: no model was found: ${readFlag(taker.written)} is not a flag the importer knows; it took the word after it as its value, which is the model if that flag takes none (give model.preset or model.hf_config in the plan)`,
  );
}

/**
 * A model path that names no preset (a local copy, /models/llama) served under a name that does
 * (--served-model-name meta-llama/Llama-3.1-8B-Instruct): that name, with a warning, else the path.
 */
function servedInstead(r: Reader, given: { value: string; line: Where }, c: FieldCollector): { value: string; line: Where } {
  if (modelPresetFor(given.value) !== undefined) return given;
  const served = r.text(['served-model-name']);
  if (served === undefined || modelPresetFor(served.value) === undefined) return given;
  c.warn(
    `${c.origin(given.line)}: model ${readValue(given.value)} matches no model preset; it is read by the name it is served under, ${readValue(served.value)} (${c.origin(served.line)}), which is only a label: give model.preset or model.hf_config in the plan if it is another model`,
    PLAN_MODEL_PATHS,
  );
  return served;
}

function setModel(engine: Engine, args: EngineArgs, r: Reader, c: FieldCollector): void {
  // SGLang takes no positional model: a bare word there is the rest of a list (--cuda-graph-bs 8 16 32)
  const given =
    r.text(FLAGS[engine].model) ??
    (engine !== 'sglang' && args.positional && typeof args.positional.value === 'string'
      ? { value: args.positional.value, line: whereOf(args.positional) }
      : undefined);
  if (!given) {
    warnModelTaken(engine, args, c);
    return;
  }
  const named = servedInstead(r, given, c);
  const preset = modelPresetFor(named.value);
  if (preset) {
    c.set('model.preset', preset, named.line);
    // a pre-quantized checkpoint is loaded as such without --quantization: a known one says what it stores
    // --quantization says how the weights are stored; --dtype only the activations' type (AWQ runs
    // with --dtype half, its weights still 4-bit: a code review found them read as 16-bit)
    const flagged = r.text(FLAGS[engine].quant) !== undefined;
    if (setCheckpointStorage(c, named.value, named.line, flagged, !flagged)) return;
    const dtype = dtypeInModelName(named.value);
    if (dtype === 'fp8') c.set('model.weight_dtype', dtype, named.line, false);
    else if (dtype) c.warn(`${c.origin(named.line)}: the model's name looks like a 4-bit checkpoint; set model.weight_dtype (or weight_dtypes) in the plan`);
  } else {
    c.warn(
      `${c.origin(named.line)}: model ${readValue(named.value)} matches no model preset; give model.preset or model.hf_config in the plan`,
      PLAN_MODEL_PATHS,
    );
  }
}

/** The layout one engine instance runs, in the contract's terms. */
interface EngineLayout {
  tp: number;
  dp: number;
  /** devices of one instance */
  world: number;
  /** schedulers that each take the concurrency flag's figure */
  schedulers: number;
  /** `written`: the flag that set it, for messages */
  ep?: { value: number; line: Where; written: string };
  etp?: number;
}

/** The TP, PP and DP flags every engine has (TensorRT-LLM has no DP flag). */
interface BaseFlags {
  tpAll: number;
  pp: number;
  dpEngine: number;
  dpLine: Where;
}

/** The flag as written (for messages), else the option's one name. */
const writtenOf = (r: Reader, names: readonly string[]): string => r.flag(names)?.written ?? `--${names[0]}`;

function vllmLayout(r: Reader, b: BaseFlags): EngineLayout {
  const layout: EngineLayout = { tp: b.tpAll, dp: b.dpEngine, world: b.tpAll * b.pp * b.dpEngine, schedulers: b.dpEngine };
  const epOn = r.bool(FLAGS.vllm.ep);
  // EP spans the TP x DP ranks of the MoE layers; experts are not split further
  if (epOn?.value) return { ...layout, ep: { value: b.tpAll * b.dpEngine, line: epOn.line, written: writtenOf(r, FLAGS.vllm.ep) }, etp: 1 };
  return layout;
}

function sglangLayout(r: Reader, b: BaseFlags, c: FieldCollector): EngineLayout {
  const dpAttention = r.bool(['enable-dp-attention'])?.value === true;
  const layout: EngineLayout = { tp: b.tpAll, dp: b.dpEngine, world: b.tpAll * b.pp * b.dpEngine, schedulers: b.dpEngine };
  if (dpAttention) {
    if (b.tpAll % b.dpEngine !== 0) c.warn(`${c.origin(b.dpLine)}: with --enable-dp-attention, --dp ${b.dpEngine} must divide --tp ${b.tpAll}`);
    layout.tp = Math.max(1, Math.floor(b.tpAll / b.dpEngine));
    layout.world = b.tpAll * b.pp;
    layout.schedulers = 1; // --max-running-requests is shared by the DP-attention ranks of one engine
  }
  // --ep-size, or a flag that turns expert parallelism on over all --tp ranks
  const epSize = r.int(FLAGS.sglang.ep, 'expert-parallel size');
  const epMoe = r.bool(['enable-ep-moe', 'enable-deepep-moe']);
  const a2a = r.text(['moe-a2a-backend']);
  const epOn = epMoe?.value ? epMoe.line : a2a && a2a.value !== 'none' ? a2a.line : undefined;
  const written = writtenOf(r, epSize ? FLAGS.sglang.ep : epMoe?.value ? ['enable-ep-moe', 'enable-deepep-moe'] : ['moe-a2a-backend']);
  const ep = epSize ? { ...epSize, written } : epOn !== undefined ? { value: b.tpAll, line: epOn, written } : undefined;
  if (ep && ep.value > 1) return { ...layout, ep, etp: Math.max(1, Math.floor(b.tpAll / ep.value)) };
  // without EP the MoE layers stay tensor-parallel over all --tp ranks
  return dpAttention ? { ...layout, etp: b.tpAll } : layout;
}

function trtllmLayout(r: Reader, b: BaseFlags): EngineLayout {
  const attentionDp = r.bool(['enable-attention-dp'])?.value === true;
  const epSize = r.int(FLAGS.trtllm.ep, 'expert-parallel size');
  const moeTp = r.int(['moe-tensor-parallel-size'], 'expert tensor-parallel size');
  const layout: EngineLayout = attentionDp
    ? { tp: 1, dp: b.tpAll, world: b.tpAll * b.pp, schedulers: b.tpAll }
    : { tp: b.tpAll, dp: 1, world: b.tpAll * b.pp, schedulers: 1 };
  if (epSize && epSize.value > 1)
    return { ...layout, ep: { ...epSize, written: writtenOf(r, FLAGS.trtllm.ep) }, etp: moeTp?.value ?? Math.max(1, Math.floor(b.tpAll / epSize.value)) };
  return moeTp || attentionDp ? { ...layout, etp: moeTp?.value ?? b.tpAll } : layout;
}

/**
 * TensorRT-LLM's attention-DP balance (attention_dp_config.enable_balance): new prompts wait on a
 * decoding rank until every rank has one, at most timeout_iters steps (TensorRT-LLM's default 50).
 */
const TRTLLM_BALANCE_TIMEOUT_DEFAULT = 50;
/** TensorRT-LLM's default attention_dp_config.batching_wait_iters. */
const TRTLLM_BATCHING_WAIT_DEFAULT = 10;
/** The plan format's largest timeout (schema.ts): a longer one holds as long in any load worth simulating. */
const BALANCE_TIMEOUT_MAX = 100_000;
function setAttentionDpBalance(r: Reader, c: FieldCollector): void {
  if (r.bool(['enable-attention-dp'])?.value !== true) return;
  const enabled = r.bool(['attention-dp-config.enable-balance']);
  if (enabled?.value !== true) return;
  // read as text: 0 is a valid timeout (the first step a prompt waits reaches it), which r.int refuses
  const written = r.text(['attention-dp-config.timeout-iters']);
  const timeout = written === undefined ? TRTLLM_BALANCE_TIMEOUT_DEFAULT : parseEngineInt(written.value);
  if (timeout === undefined) {
    c.warn(
      `${c.origin(written!.line)}: timeout_iters ${readValue(written!.value)} is not a valid step count (TensorRT-LLM refuses it); the balance is not set`,
    );
    return;
  }
  const line = written?.line ?? enabled.line;
  // TensorRT-LLM schedules at the step that brings its counter to the timeout: 0 and 1 hold nothing.
  if (timeout <= 1) {
    c.warn(`${c.origin(line)}: attention_dp_config timeout_iters ${timeout} holds no prompt; the balance is not set`);
    return;
  }
  c.set('workload.attention_dp_balance_timeout_steps', Math.min(timeout, BALANCE_TIMEOUT_MAX), line);
  const wait = r.text(['attention-dp-config.batching-wait-iters']);
  const waitSteps = wait === undefined ? TRTLLM_BATCHING_WAIT_DEFAULT : parseEngineInt(wait.value);
  if (waitSteps !== 0)
    c.warn(
      `${c.origin(wait?.line ?? enabled.line)}: attention_dp_config batching_wait_iters ${wait?.value ?? `${TRTLLM_BATCHING_WAIT_DEFAULT} (TensorRT-LLM's default)`} is not modelled: once every rank has a prompt, TensorRT-LLM holds them that many more steps, which the estimated TTFT leaves out`,
    );
}

/**
 * TensorRT-LLM's batch waiting (batch_wait_timeout_iters, batch_wait_max_tokens_ratio): both default to
 * 0, and either at 0 ends every wait at once, so a plan gets them only when both are above 0.
 */
function setBatchWait(r: Reader, c: FieldCollector): void {
  const steps = r.text(['batch-wait-timeout-iters']);
  const ratio = r.text(['batch-wait-max-tokens-ratio']);
  if (!steps && !ratio) return;
  const n = steps === undefined ? 0 : parseEngineInt(steps.value);
  const share = ratio === undefined ? 0 : Number(ratio.value);
  const line = steps?.line ?? ratio!.line;
  if (n === undefined || !Number.isFinite(share) || share < 0 || share > 1) {
    c.warn(
      `${c.origin(line)}: batch_wait_timeout_iters / batch_wait_max_tokens_ratio are not a step count and a share in [0, 1] (TensorRT-LLM refuses them); batch waiting is not set`,
    );
    return;
  }
  if (n === 0 || share === 0) {
    c.warn(
      `${c.origin(line)}: batch waiting needs both batch_wait_timeout_iters and batch_wait_max_tokens_ratio above 0 (either at 0 ends every wait at once); it is not set`,
    );
    return;
  }
  c.set('workload.batch_wait_timeout_steps', Math.min(n, BALANCE_TIMEOUT_MAX), steps!.line);
  c.set('workload.batch_wait_max_tokens_ratio', share, ratio!.line);
}

/**
 * The engine's memory flag is workload.memory_fraction read in that engine's meaning (deployment.engine,
 * set below): vLLM's share of the device, SGLang's share of the memory free after initialisation for
 * weights and KV pool, TensorRT-LLM's share of what its warm-up leaves free for the KV cache.
 */
function setMemory(engine: Engine, r: Reader, c: FieldCollector): void {
  const memory = r.fraction(FLAGS[engine].memory, 'memory fraction');
  if (!memory) return;
  c.set('workload.memory_fraction', memory.value, memory.line);
}

/** vLLM's default --block-size on CUDA (CacheConfig.DEFAULT_BLOCK_SIZE). */
const VLLM_DEFAULT_BLOCK_SIZE = 16;

/**
 * The KV pool an engine is told to allocate, or capped at: workload.kv_cache_tokens (vLLM
 * --num-gpu-blocks-override x --block-size, SGLang --max-total-tokens, TensorRT-LLM
 * kv_cache_config.max_tokens) and workload.kv_cache_memory (vLLM --kv-cache-memory-bytes, TensorRT-LLM
 * kv_cache_config.max_gpu_total_bytes), each read in the engine's meaning by the core.
 */
function setKvPool(engine: Engine, r: Reader, c: FieldCollector): void {
  const f = FLAGS[engine];
  const count = r.int(f.kvTokens, engine === 'vllm' ? 'block count' : 'token count');
  if (count && engine === 'vllm') {
    const size = r.int(['block-size'], 'block size');
    const block = size?.value ?? VLLM_DEFAULT_BLOCK_SIZE;
    c.set('workload.kv_cache_tokens', count.value * block, count.line);
    if (!size) {
      c.warn(
        `${c.origin(count.line)}: --num-gpu-blocks-override ${count.value} read as ${count.value} blocks of ${block} tokens (vLLM's default --block-size); attention backends with larger blocks (FlashMLA: 64) hold more: give --block-size`,
      );
    }
  } else if (count) c.set('workload.kv_cache_tokens', count.value, count.line);
  const bytes = f.kvBytes.length > 0 ? r.int(f.kvBytes, 'byte count') : undefined;
  if (bytes) c.set('workload.kv_cache_memory', bytes.value, bytes.line);
}

/**
 * Memory settings the importer does not read, by what their names say (and a word on what each
 * known one changes): warned about, so that a figure they move is never silently wrong.
 */
const MEMORY_WORDS =
  /(^|[-.])(mem|memory|swap|offload|offloading|hicache|gpu-blocks|total-tokens|total-bytes|cache-size|attention-window|full-tokens-ratio)([-.]|$)/;
/** Names that match MEMORY_WORDS but size nothing (SGLang's memory saver releases memory while the engine sleeps). */
const NOT_MEMORY = new Set(['enable-memory-saver']);
const MEMORY_NOTES: Readonly<Record<string, string>> = {
  'cpu-offload-gb': 'part of the weights live in host memory, so each device holds less than the plan counts',
  'swap-space': 'host memory for preempted sequences; the GPU pool is unchanged',
  'kv-offloading-size': 'a host-memory tier behind the GPU pool, which is unchanged',
  'hicache-ratio': 'a host-memory tier behind the GPU pool, which is unchanged',
  'hicache-size': 'a host-memory tier behind the GPU pool, which is unchanged',
  'kv-cache-config.host-cache-size': 'a host-memory tier behind the GPU pool, which is unchanged',
  'kv-cache-config.max-attention-window': 'each sequence keeps at most that many tokens of KV, less than the plan counts',
  'swa-full-tokens-ratio': "splits SGLang's pool between full and sliding-window layers",
};

/** Host-memory sizes whose zero is the feature off: nothing for the GPU figures to leave out. */
const ZERO_IS_OFF = new Set(['cpu-offload-gb', 'swap-space', 'kv-offloading-size', 'hicache-size', 'kv-cache-config.host-cache-size']);

function warnUnreadMemory(engine: Engine, args: EngineArgs, c: FieldCollector, misspelled: ReadonlySet<string>): void {
  for (const [name, v] of args.flags) {
    if (READS[engine].has(name) || NOT_MEMORY.has(name) || misspelled.has(name) || !MEMORY_WORDS.test(name)) continue;
    // a size of zero turns the tier or the offload off (vLLM's --cpu-offload-gb 0 and --swap-space 0 are defaults)
    if (ZERO_IS_OFF.has(name) && typeof v.value === 'string' && /^0*\.?0*$/.test(v.value.trim()) && /0/.test(v.value)) continue;
    const note = MEMORY_NOTES[name];
    c.warn(
      `${c.origin(whereOf(v))}: ${readFlag(v.written)} is a memory setting the importer does not read${note ? ` (${note})` : ''}: the memory figures leave it out`,
    );
  }
}

/**
 * Parallel layouts the plan's layout does not carry and the importer does not read, each with what it
 * changes: above 1 they are warned about at their line, never passed over.
 *   vLLM          --decode-context-parallel-size (-dcp): each sequence's KV cache split over that many TP ranks
 *   SGLang        --attn-cp-size, --moe-dp-size: attention context parallelism and expert data parallelism
 *                 carved out of --tp (server_args.py, ServerArgs parallel fields)
 *   TensorRT-LLM  context_parallel_size (trtllm-serve --cp_size): Mapping's world is tp x pp x cp devices
 */
const UNREAD_LAYOUT: Readonly<Record<Engine, Readonly<Record<string, string>>>> = {
  vllm: { 'decode-context-parallel-size': "vLLM splits each sequence's KV cache over that many TP ranks, so the KV per device reads larger than it is" },
  sglang: {
    'attn-cp-size': 'SGLang runs attention context-parallel over that many of the --tp ranks',
    'moe-dp-size': 'SGLang replicates the experts over that many groups of the --tp ranks, so each holds more of them',
  },
  trtllm: { 'context-parallel-size': 'TensorRT-LLM runs tensor x pipeline x context parallel devices per instance, so the device count reads too small' },
};

function warnUnreadLayout(engine: Engine, args: EngineArgs, c: FieldCollector): void {
  for (const [name, note] of Object.entries(UNREAD_LAYOUT[engine])) {
    const v = args.flags.get(name);
    if (v === undefined || typeof v.value !== 'string') continue;
    const n = parseEngineInt(v.value);
    if (n === 1) continue;
    c.warn(
      `${c.origin(whereOf(v))}: ${v.written} ${readValue(v.value)} is a parallel layout the importer does not read (${note}): the imported layout leaves it out; check parallelism and hardware.gpus`,
    );
  }
}

/** Options read beside READS (switches and settings of one feature), per engine: what a misspelling is compared to. */
const OTHER_READS: Readonly<Record<Engine, readonly string[]>> = {
  vllm: [
    ...['rope-scaling', 'hf-overrides', 'speculative-config', 'speculative-model', 'num-speculative-tokens', ...GRAPH_CAP_OPTIONS.vllm],
    ...Object.keys(UNREAD_LAYOUT.vllm),
  ],
  sglang: [
    'enable-dp-attention',
    'enable-ep-moe',
    'enable-deepep-moe',
    'moe-dense-tp-size',
    'enable-dp-lm-head',
    'moe-a2a-backend',
    'nnodes',
    'json-model-override-args',
    'disable-cuda-graph',
    'cuda-graph-backend-decode',
    ...GRAPH_CAP_OPTIONS.sglang,
    ...Object.keys(UNREAD_LAYOUT.sglang),
  ],
  trtllm: [
    ...GRAPH_CAP_OPTIONS.trtllm,
    ...LEGACY_TRTLLM_GRAPHS.flatMap(legacyNames),
    ...Object.keys(UNREAD_LAYOUT.trtllm),
    ...['enable-attention-dp', 'attention-dp-config.enable-balance', 'attention-dp-config.timeout-iters', 'attention-dp-config.batching-wait-iters'],
    ...['speculative-config.decoding-type', 'speculative-config.max-draft-len', 'speculative-config.num-nextn-predict-layers'],
  ],
};
/** Real options within two edits of one the importer reads (SGLang's and trtllm-serve's --cp-size is not --tp-size). */
const NEAR_BUT_REAL = new Set(['cp-size']);
/** Most edits between a misspelling and the option it was meant to be: the typos seen (paralel, sz, utilisation) take 1 or 2. */
const MISSPELLING_EDITS = 2;
/** Shorter names are not compared: two edits turn one short option into another (--cp, --tp). */
const MISSPELLING_MIN_LENGTH = 6;

/**
 * An option the engine does not know that is a near miss of one the importer reads (--tensor-paralel-size,
 * max_batch_sz in a TensorRT-LLM YAML, --gpu-memory-utilisation): vLLM's and SGLang's argparse and
 * TensorRT-LLM's LlmArgs refuse it at start-up, and the importer would silently keep the default of the
 * option meant. Said with where it is and the nearest option read. Other unknown options (--host,
 * --trust-remote-code, options of features not modelled) are left alone. Returns the names warned about.
 */
function warnMisspelled(engine: Engine, args: EngineArgs, c: FieldCollector): Set<string> {
  // the short aliases (-tp) are left out: a short name is not compared
  const candidates = [...READS[engine], ...OTHER_READS[engine], ...aliasNames(engine).filter((a) => a.length >= MISSPELLING_MIN_LENGTH)];
  const known = new Set(candidates);
  const out = new Set<string>();
  for (const [name, v] of args.flags) {
    if (
      name.length < MISSPELLING_MIN_LENGTH ||
      known.has(name) ||
      NEAR_BUT_REAL.has(name) ||
      isSwitch(name) ||
      takesValue(name, known) ||
      Object.hasOwn(MEMORY_NOTES, name)
    )
      continue;
    // SGLang's argparse takes a unique prefix of an option for the option (allow_abbrev, on by default):
    // --moe-dense-tp 1 runs as --moe-dense-tp-size 1, which the importer reads only written in full
    if (engine === 'sglang' && v.written.startsWith('--')) {
      const abbreviates = candidates.filter((o) => o.startsWith(name) && o !== name);
      if (abbreviates.length === 1) {
        out.add(name);
        c.warn(
          `${c.origin(whereOf(v))}: ${v.written} abbreviates --${abbreviates[0]}, which SGLang's argparse accepts where no other option starts so; the importer reads options written in full only: write --${abbreviates[0]}`,
        );
        continue;
      }
    }
    // an edit distance is at least the difference in length: only names of about the same length are
    // compared, which keeps a config of 33,000 keys linear (and its work is charged to the plan's budget)
    const near = candidates.filter((o) => Math.abs(o.length - name.length) <= MISSPELLING_EDITS);
    // each comparison fills a table of name x candidate characters
    chargeWork(name.length * near.reduce((sum, o) => sum + o.length, 0));
    const meant = didYouMean(name, near);
    if (meant === undefined || editDistance(name, meant) > MISSPELLING_EDITS) {
      // a key under a TensorRT-LLM section, near one of that section's fields (read or not)
      const inSection = engine === 'trtllm' && !v.written.startsWith('-') ? sectionNearMiss(name, v.written) : undefined;
      if (inSection === undefined) continue;
      out.add(name);
      c.warn(`${c.origin(whereOf(v))}: ${inSection.message}`);
      continue;
    }
    out.add(name);
    const spelled = spellingOf(engine, args, meant, !v.written.startsWith('-'));
    c.warn(
      `${c.origin(whereOf(v))}: ${v.written} is not a ${ENGINE_NAMES[engine]} option; did you mean ${spelled}? ${ENGINE_NAMES[engine]} refuses an unknown option at start-up; the importer reads nothing from it, so unless ${spelled} is given too its default is used`,
    );
  }
  return out;
}

/** What a section's field written at the top of the options YAML leaves, where the importer knows (else the field's default). */
const MISPLACED_CONSEQUENCES: Readonly<Record<string, string>> = {
  'free-gpu-memory-fraction': "the memory fraction is the command line's, else TensorRT-LLM's default (0.9)",
  'max-tokens': 'it caps no KV pool',
  'max-gpu-total-bytes': 'it caps no KV pool',
};

/**
 * A field of a TensorRT-LLM section written at the top of the options YAML (free_gpu_memory_fraction beside
 * kv_cache_config, not under it): TensorRT-LLM reads it only under its section, and its LlmArgs refuses
 * the key at start-up, so it is not imported (engine-config.ts keeps it under its own name), and said at
 * its file and line. Returns the names warned about.
 */
function warnMisplacedKeys(args: EngineArgs, c: FieldCollector): Set<string> {
  const inSections = [...READS.trtllm, ...OTHER_READS.trtllm].filter((o) => o.includes('.'));
  const atTop = new Set([...READS.trtllm, ...OTHER_READS.trtllm].filter((o) => !o.includes('.')));
  const out = new Set<string>();
  for (const [name, v] of args.flags) {
    if (v.written.startsWith('-')) continue; // a command-line flag: its own spellings (trtllm-spellings.ts)
    const section = misplacedSection(name, inSections, atTop);
    if (section === undefined) continue;
    out.add(name);
    const consequence = MISPLACED_CONSEQUENCES[name] ?? 'the default applies';
    c.warn(`${c.origin(whereOf(v))}: ${misplacedMessage(v.written, name, section, consequence)}`);
  }
  return out;
}

/**
 * An option as it would be written where the misspelling was: a key of a config file, or a flag of the
 * command. TensorRT-LLM's are spelled as its front end takes them (trtllm-spellings.ts): trtllm-serve's
 * --tp_size, Dynamo's --tensor-parallel-size, the YAML's tensor_parallel_size; an option its command line
 * has no flag for is named as the YAML key it is.
 */
function spellingOf(engine: Engine, args: EngineArgs, meant: string, inFile: boolean): string {
  if (engine !== 'trtllm') return inFile ? meant.replace(/-/g, '_') : `--${meant}`;
  const name = canonicalFlag(engine, meant);
  if (inFile) return llmApiKey(name);
  return cliSpelling(args.launcher ?? 'trtllm-serve', name) ?? `${llmApiKey(name)} (a key of the options YAML)`;
}

/**
 * A TensorRT-LLM option written in a spelling its own front end refuses: trtllm-serve's click takes
 * --tp_size, not --tp-size; Dynamo's worker --tensor-parallel-size, not --tp_size; the options YAML
 * tensor_parallel_size, not tp_size (trtllm-spellings.ts). Read all the same, and said at its line.
 * Only options the importer reads are judged: another key is the file's text, never shown.
 */
function warnTrtllmSpellings(args: EngineArgs, c: FieldCollector, misspelled: ReadonlySet<string>): void {
  for (const [name, v] of args.flags) {
    if (misspelled.has(name) || !(READS.trtllm.has(name) || OTHER_READS.trtllm.includes(name))) continue;
    const issue = spellingIssue(args.launcher, name, v.written);
    if (issue !== undefined) c.warn(`${c.origin(whereOf(v))}: ${issue}`);
  }
}

/**
 * An options YAML written for TensorRT-LLM before 1.0: use_cuda_graph (False by default there),
 * cuda_graph_batch_sizes, cuda_graph_max_batch_size, cuda_graph_padding_enabled (llm_args.py TorchLlmArgs,
 * 0.20-0.21). 1.0 replaced them with cuda_graph_config (on by default) and refuses them at start-up
 * (LlmArgs forbids unknown keys), so a file that gives them runs only on a 0.x release: read in that
 * meaning (graphs off unless use_cuda_graph is true; the cap is the largest size), and said at the
 * first one's line. Returns whether they were read (then cuda_graph_config is not: the file names a
 * 0.x release or none).
 */
function setLegacyTrtllmGraphs(r: Reader, c: FieldCollector): boolean {
  const given = LEGACY_TRTLLM_GRAPHS.map((key) => r.flag(legacyNames(key)));
  const first = given.filter((v) => v !== undefined).sort((a, b) => a.line - b.line)[0];
  if (first === undefined) return false;
  const on = r.bool(legacyNames('use-cuda-graph'));
  const where = c.origin(whereOf(first));
  const said = `${where}: ${first.written} is a TensorRT-LLM option before 1.0 (1.0 replaced it with cuda_graph_config and refuses it at start-up): read as 0.x reads it,`;
  if (on?.value !== true) {
    c.set('workload.cuda_graphs', false, on?.line ?? whereOf(first));
    c.warn(`${said} CUDA graphs off (use_cuda_graph is false by default there)`);
    return true;
  }
  const list = r.text(legacyNames('cuda-graph-batch-sizes'));
  const max = r.text(legacyNames('cuda-graph-max-batch-size'));
  const sizes = list ? parseSizes(list.value) : max ? parseSizes(max.value) : undefined;
  const cap = sizes?.reduce((a, b) => Math.max(a, b));
  if (cap !== undefined && cap <= 2 ** 24) c.set('workload.cuda_graph_max_batch', cap, (list ?? max)!.line);
  else if (list || max) c.markUnread('workload.cuda_graph_max_batch', `${c.origin((list ?? max)!.line)}: the CUDA-graph batch sizes could not be read`);
  const padded = r.bool(legacyNames('cuda-graph-padding-enabled'))?.value === true;
  c.warn(
    `${said} CUDA graphs on${cap !== undefined ? ` up to batch ${cap}` : ''}${padded ? '' : ', replayed only for a batch of exactly one of its sizes (no cuda_graph_padding_enabled), which the estimate does not model'}`,
  );
  return true;
}

/** Flags that change the model's config, a RoPE scaling among them (Qwen3's YaRN recipe: --rope-scaling with --max-model-len 131072). */
const CONFIG_OVERRIDES: Readonly<Record<Engine, readonly string[]>> = {
  vllm: ['rope-scaling', 'hf-overrides'],
  sglang: ['json-model-override-args'],
  trtllm: [],
};

/**
 * A command that stretches the model's window (a RoPE scaling through a config override) states the
 * window it serves as its context length: that is the model's longest sequence here (model.max_context),
 * not its config.json's (a Qwen3 YaRN command failed model.context at 40,960; a code review).
 */
function setStretchedWindow(engine: Engine, args: EngineArgs, context: { value: number; line: Where } | undefined, c: FieldCollector): void {
  // the JSON (--hf-overrides '{"rope_scaling": ...}'), a dotted key of it (--hf-overrides.rope_scaling.rope_type yarn), or a --config section
  const ropeIn = (name: string, v: FlagValue): boolean => /rope/i.test(`${name} ${v.value === true ? '' : String(v.value)}`);
  const override = [...args.flags].find(([name, v]) => CONFIG_OVERRIDES[engine].some((o) => name === o || name.startsWith(`${o}.`)) && ropeIn(name, v))?.[1];
  if (override === undefined) return;
  if (context) c.set('model.max_context', context.value, context.line);
  else
    c.warn(
      `${c.origin(whereOf(override))}: ${readFlag(override.written)} changes the model's RoPE scaling, and no context length says how far: state model.max_context`,
    );
}

/**
 * vLLM's --hf-overrides (JSON, dotted keys, or a --config section) rewrites the checkpoint's config before
 * anything is sized (ModelConfig applies it to hf_config). Its max_position_embeddings is the model's
 * longest sequence, vLLM's context when no --max-model-len is given: model.max_context (a RoPE stretch is
 * setStretchedWindow's). Any other key changes figures the plan takes from the checkpoint (layers, heads,
 * experts...): warned about, naming at most three keys as a plan's unknown keys are named, never a value.
 */
function readHfOverrides(args: EngineArgs, c: FieldCollector): void {
  const keys: { name: string; value: unknown; line: Where }[] = [];
  for (const [name, v] of args.flags) {
    if (name === 'hf-overrides' && typeof v.value === 'string') {
      const overrides = jsonObjectFlag(v.value);
      // a value the importer cannot read as a JSON object may still rewrite the config (Python's json reads NaN)
      if (overrides === undefined && v.unresolved.length === 0)
        c.warn(
          `${c.origin(whereOf(v))}: --hf-overrides is not a JSON object the importer reads: what it overrides (the context, RoPE, the model's shape) is not imported; check it`,
        );
      for (const [k, value] of Object.entries(overrides ?? {})) keys.push({ name: k.replace(/-/g, '_'), value, line: whereOf(v) });
    } else if (name.startsWith('hf-overrides.')) {
      keys.push({ name: (name.split('.')[1] as string).replace(/-/g, '_'), value: v.value, line: whereOf(v) });
    }
  }
  const others = new Map<string, Where>();
  for (const k of keys) {
    if (/rope/i.test(k.name)) continue;
    if (k.name.toLowerCase() === 'max_position_embeddings') {
      const n = typeof k.value === 'number' ? k.value : typeof k.value === 'string' ? parseEngineInt(k.value) : undefined;
      if (n !== undefined && Number.isSafeInteger(n) && n >= 1) c.set('model.max_context', n, k.line);
      else c.warn(`${c.origin(k.line)}: --hf-overrides max_position_embeddings is not a whole number of tokens; model.max_context is not imported`);
      continue;
    }
    if (!others.has(k.name)) others.set(k.name, k.line);
  }
  if (others.size === 0) return;
  const [first] = others.values();
  const named = [...others.keys()].slice(0, 3).map(keyLabel).join(', ');
  c.warn(
    `${c.origin(first as Where)}: --hf-overrides changes the model's config (${named}${others.size > 3 ? ` and ${others.size - 3} more` : ''}): the plan's model figures are the checkpoint's; give model.hf_config with the overrides applied`,
  );
}

/**
 * SGLang's placement of the dense MLPs, shared experts and LM head (sglang python/sglang/srt/):
 * - --moe-dense-tp-size: models/deepseek_v2.py DeepseekV2DecoderLayer builds a dense layer's
 *   DeepseekV2MLP with tp_size 1 when enable_moe_dense_fully_dp() (layers/communicator.py:
 *   moe_dense_tp_size == 1), else over the whole tp_size; server_args.py check_server_args accepts only
 *   None or 1 (and, in later releases, tp_size): parallelism.dense_tp 1;
 * - --moe-a2a-backend deepep or mooncake (formerly --enable-deepep-moe): DeepseekV2MoE builds the shared
 *   experts' DeepseekV2MLP with tp_rank 0, tp_size 1: parallelism.shared_expert_tp 1;
 * - --enable-dp-lm-head: DeepseekV2ForCausalLM's ParallelLMHead(use_attn_tp_group=True) splits the
 *   vocabulary over the attention TP group (tp_size / dp_size, the plan's tp); server_args.py asserts
 *   --enable-dp-attention with it: parallelism.lm_head_tp = tp.
 * What these values cannot say is warned about.
 */
function setDensePlacement(r: Reader, c: FieldCollector, tpAll: number, attentionTp: number | undefined): void {
  const dense = r.text(['moe-dense-tp-size']);
  if (dense) {
    const n = parseEngineInt(dense.value);
    if (n === 1) c.set('parallelism.dense_tp', 1, dense.line);
    else if (n !== tpAll)
      c.warn(
        `${c.origin(dense.line)}: --moe-dense-tp-size ${readValue(dense.value)} is not imported: SGLang accepts 1 (the dense MLPs whole on every rank) or its --tp (server_args.py check_server_args); give parallelism.dense_tp`,
      );
  }
  const deepep = r.bool(['enable-deepep-moe']);
  const a2a = r.text(['moe-a2a-backend']);
  const a2aName = a2a?.value.trim().toLowerCase();
  const wholeShared = deepep?.value === true ? deepep.line : a2a && (a2aName === 'deepep' || a2aName === 'mooncake') ? a2a.line : undefined;
  if (wholeShared !== undefined) c.set('parallelism.shared_expert_tp', 1, wholeShared);
  else if (a2a && a2aName !== 'none')
    c.warn(
      `${c.origin(a2a.line)}: --moe-a2a-backend ${readValue(a2a.value)} is not one the importer reads (none, deepep, mooncake): the shared experts are taken as split over the engine's ranks; give parallelism.shared_expert_tp: 1 if this backend keeps them whole`,
    );
  const head = r.bool(['enable-dp-lm-head']);
  if (head?.value !== true) return;
  if (attentionTp === undefined)
    c.warn(
      `${c.origin(head.line)}: --enable-dp-lm-head is not imported: SGLang refuses it without --enable-dp-attention (server_args.py), and the LM head stays split over --tp`,
    );
  else c.set('parallelism.lm_head_tp', attentionTp, head.line);
}

/**
 * Redundant expert replicas (EPLB), which each EP rank holds beside its share of the routed experts:
 * SGLang --ep-num-redundant-experts, vLLM --eplb-config's num_redundant_experts (JSON, dotted, or in
 * --config) or its former --num-redundant-experts. They are model.moe.redundant_experts: left out, a
 * rank's expert weights read too small and 256 experts over ep=72 fail to divide where 288 do (the
 * SGLang 72-GPU DeepSeek decode recipe). TensorRT-LLM's load balancer names total slots, not replicas: warned.
 */
function setRedundantExperts(engine: Engine, r: Reader, c: FieldCollector): void {
  if (engine === 'trtllm') {
    const slots = r.flag(['moe-config.load-balancer', 'moe-config.load-balancer.num-slots']);
    if (slots)
      c.warn(
        `${c.origin(whereOf(slots))}: moe_config.load_balancer is not read: its num_slots less the model's experts are redundant replicas each EP rank holds; give model.moe.redundant_experts`,
      );
    return;
  }
  let found: { value: string; line: Where } | undefined;
  if (engine === 'sglang') found = r.text(['ep-num-redundant-experts']);
  else {
    const json = r.text(['eplb-config']);
    const n = json ? jsonObjectFlag(json.value)?.num_redundant_experts : undefined;
    found =
      json && (typeof n === 'number' || typeof n === 'string')
        ? { value: String(n), line: json.line }
        : r.text(['eplb-config.num-redundant-experts', 'num-redundant-experts']);
  }
  if (!found) return;
  const n = parseEngineInt(found.value);
  if (n === undefined)
    c.warn(`${c.origin(found.line)}: ${readValue(found.value)} is not a count of redundant experts; model.moe.redundant_experts is not imported`);
  else if (n > 0) c.set('model.moe.redundant_experts', n, found.line);
}

/**
 * vLLM's text-only deployment of a multimodal model, which skips its vision tower (model.vision.loaded:
 * false): --language-model-only, or --limit-mm-per-prompt at 0 for every modality (vLLM PR #22299,
 * "Implicit language-model-only mode via limit-mm-per-prompt", August 2025, for the models it marked;
 * every tower since the context-manager rework, PR #32605, January 2026). The limits as vLLM takes them:
 * JSON ('{"image":0,"video":0}', a modality's value a count or an object with one), the older
 * key=value list (image=0,video=0), or one modality a flag (--limit-mm-per-prompt.image 0, a key of
 * --config). A modality left out keeps its default, above 0: image must be written.
 */
function setVisionTower(engine: Engine, args: EngineArgs, r: Reader, c: FieldCollector): void {
  if (engine !== 'vllm') return;
  const only = r.bool(['language-model-only']);
  if (only?.value === true) {
    c.set('model.vision.loaded', false, only.line);
    return;
  }
  const limits = new Map<string, unknown>();
  let line: Where | undefined;
  const whole = r.text(['limit-mm-per-prompt']);
  if (whole) {
    line = whole.line;
    const json = jsonObjectFlag(whole.value);
    if (json) for (const [k, v] of Object.entries(json)) limits.set(k.toLowerCase(), v);
    else
      for (const part of whole.value.split(',')) {
        const [k, v] = part.split('=');
        if (k !== undefined && v !== undefined) limits.set(k.trim().toLowerCase(), v.trim());
      }
  }
  for (const [name, v] of args.flags) {
    if (!name.startsWith('limit-mm-per-prompt.')) continue;
    const key = name.slice('limit-mm-per-prompt.'.length).split('.')[0]!;
    if (typeof v.value === 'string') limits.set(key, v.value);
    line ??= whereOf(v);
  }
  if (line === undefined || limits.size === 0) return;
  const count = (v: unknown): number | undefined => {
    const n = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>).count : v;
    const text = typeof n === 'number' ? String(n) : typeof n === 'string' ? n.trim() : '';
    return /^\d+$/.test(text) ? Number(text) : undefined;
  };
  const counts = [...limits.values()].map(count);
  if (!limits.has('image') || counts.some((n) => n !== 0)) return;
  c.set('model.vision.loaded', false, line);
  if (!limits.has('video'))
    c.warn(
      `${c.origin(line)}: --limit-mm-per-prompt sets no video limit: vLLM skips the vision tower of an image-only model (Gemma 3, Llama 4); one that also takes video (Qwen3.5) keeps it unless video is 0 too`,
    );
}

/**
 * Reads one engine invocation into the collector: parallel layout, batch, context, memory budget,
 * dtypes and model. Returns the devices one instance uses.
 */
export function applyEngine(args: EngineArgs, c: FieldCollector, ctx: EngineContext = {}): EngineFacts {
  const engine = args.engine;
  const f = FLAGS[engine];
  const r = reader(args, c);
  const here = args.line ?? 0;
  const instances = ctx.instances ?? { count: 1, line: here };
  // a whole command line in one argv item: what runs is one word the engine refuses; it is not split here
  for (const line of args.spaced ?? []) {
    c.warn(
      `${c.origin(line)}: one argument holds spaces and flags (no shell splits it): ${ENGINE_NAMES[engine]} gets it as one word and refuses it at start-up; its flags are not imported (give each flag and value its own item, or run the line through sh -c)`,
    );
  }
  // vLLM's dotted key takes one word: `--compilation-config.cudagraph_capture_sizes 8 16` leaves 16 to argparse, which refuses it
  for (const stray of args.strayWords ?? []) {
    c.warn(
      `${c.origin(stray.line)}: ${stray.written} takes one word (vLLM reads a dotted key's next word only), and vLLM refuses the words after it at start-up; only the first is read: give the list as one JSON word ([8,16]) or as ${stray.written.replace(/\+$/, '')}+ 8,16`,
    );
  }
  const tpFlag = r.int(f.tp, 'tensor-parallel size');
  const ppFlag = r.int(f.pp, 'pipeline-parallel size');
  const dpFlag = r.int(f.dp, 'data-parallel size');
  const tpLine = tpFlag?.line ?? here;
  const base: BaseFlags = { tpAll: tpFlag?.value ?? 1, pp: ppFlag?.value ?? 1, dpEngine: dpFlag?.value ?? 1, dpLine: dpFlag?.line ?? instances.line };
  const layout = engine === 'vllm' ? vllmLayout(r, base) : engine === 'sglang' ? sglangLayout(r, base, c) : trtllmLayout(r, base);

  // a layout flag that is written but unreadable ($TP unresolved) leaves the whole layout to the plan:
  // a default of 1 in its place would be a wrong figure, not a missing one
  // (each is marked unread: the core leaves what depends on it unverified, src/core/unread-layout.ts)
  const epRead = engine === 'vllm' ? true : r.int(f.ep, 'expert-parallel size');
  let layoutKnown = true;
  for (const [key, names, read] of [
    ['tp', f.tp, tpFlag],
    ['pp', f.pp, ppFlag],
    ['dp', f.dp, dpFlag],
    ['ep', f.ep, epRead],
  ] as const) {
    const written = names.map((n) => args.flags.get(n)).find((v) => v !== undefined);
    if (written === undefined || read !== undefined) continue;
    layoutKnown = false;
    c.markUnread(`parallelism.${key}`, `${c.origin(whereOf(written))}: ${written.written} could not be read`);
  }
  const conc = r.int(f.concurrency, 'sequence count');
  // Which engine ran decides how its memory flag and defaults read (the plan's own deployment.engine wins).
  c.set('deployment.engine', engine, here);
  if (layoutKnown) {
    c.set('parallelism.tp', layout.tp, tpLine);
    c.set('parallelism.pp', base.pp, ppFlag?.line ?? here);
    // independent instances (replicas, groups) multiply data parallelism
    c.set('parallelism.dp', layout.dp * instances.count, layout.dp !== base.dpEngine || dpFlag ? (dpFlag?.line ?? tpLine) : instances.line);
    // expert groups stay inside one engine instance; further instances are expert data parallelism
    if (layout.ep) {
      c.set('parallelism.ep', layout.ep.value, layout.ep.line);
      // the engines ignore expert parallelism on a model without experts: known only with the model (deployment.ts afterModel)
      c.expertFlags['parallelism.ep'] = layout.ep.written;
    }
    if (layout.etp !== undefined) c.set('parallelism.etp', layout.etp, layout.ep?.line ?? tpLine);
    if (conc) {
      // the engine's batch cap, summed over its schedulers and instances; it is also the load when the plan gives none
      const cap = conc.value * layout.schedulers * instances.count;
      c.set('workload.max_running_sequences', cap, conc.line);
      c.set('workload.concurrency', cap, conc.line);
    }
  } else {
    c.warn(`${c.origin(here)}: the parallel layout is not imported because a layout flag could not be read`);
  }

  // vLLM's --max-model-len auto (or -1) fits the longest context its KV pool holds at start-up
  // (arg_utils.py: human_readable_int_or_auto): it states no length and refuses none
  const autoContext = engine === 'vllm' ? r.text(f.context) : undefined;
  const fitted = autoContext !== undefined && /^\s*(auto|-1)\s*$/i.test(autoContext.value);
  if (fitted)
    c.warn(
      `${c.origin(autoContext.line)}: --max-model-len ${readValue(autoContext.value.trim().toLowerCase(), ['auto'])} lets vLLM fit the longest context its KV pool holds at start-up: no context length is imported, and the plan's own lengths are checked against the pool`,
    );
  const context = fitted ? undefined : r.int(f.context, 'context length');
  if (context) c.context = { tokens: context.value, origin: c.origin(context.line) };
  // Without --max-model-len vLLM serves the model's longest sequence (max_position_embeddings) and
  // refuses to start when its KV pool cannot hold one (check_enough_kv_cache_memory): the context is
  // the model's, known once the model is (merge.ts). SGLang starts and caps its context to the pool;
  // TensorRT-LLM shrinks its attention window to what fits: neither refuses, so neither gets one.
  else if (engine === 'vllm' && !fitted) c.modelContext = { origin: c.origin(here), engine: ENGINE_NAMES.vllm, flag: '--max-model-len' };
  setStretchedWindow(engine, args, context, c);
  if (engine === 'vllm') readHfOverrides(args, c);
  // SGLang's --chunked-prefill-size -1 turns chunking off: a prompt runs whole, beside others up to --max-prefill-tokens
  const unchunked = engine === 'sglang' ? r.text(f.batched) : undefined;
  const batched = unchunked?.value.trim() === '-1' ? undefined : r.int(f.batched, 'token count');
  if (unchunked?.value.trim() === '-1')
    c.warn(
      `${c.origin(unchunked.line)}: --chunked-prefill-size -1 turns SGLang's chunked prefill off: each prompt is prefilled whole, in batches of up to --max-prefill-tokens (16384 by default); workload.max_batched_tokens is not imported (give it in the plan)`,
    );
  // SGLang's DP attention splits --chunked-prefill-size over its DP ranks (server_args:
  // chunked_prefill_size //= dp_size); the plan's budget is one rank's pass (as pools.ts for a prefill pool).
  const dpAttentionRanks = engine === 'sglang' && r.bool(['enable-dp-attention'])?.value === true ? base.dpEngine : 1;
  if (batched) c.set('workload.max_batched_tokens', Math.max(1, Math.floor(batched.value / dpAttentionRanks)), batched.line);
  if (engine === 'trtllm') {
    setAttentionDpBalance(r, c);
    setBatchWait(r, c);
  }
  // Decode without CUDA graphs is host-bound at small batch (docs/formulas.md, "eager passes").
  const eager = r.bool(EAGER_FLAGS[engine]);
  const graphsOff = eager?.value === true ? eager.line : cudaGraphsOff(engine, r, c);
  if (graphsOff !== undefined) c.set('workload.cuda_graphs', false, graphsOff);
  setMemory(engine, r, c);
  setKvPool(engine, r, c);
  warnUnreadLayout(engine, args, c);
  const misspelled = warnMisspelled(engine, args, c);
  if (engine === 'trtllm') for (const name of warnMisplacedKeys(args, c)) misspelled.add(name);
  warnUnreadMemory(engine, args, c, misspelled);
  if (engine === 'trtllm') warnTrtllmSpellings(args, c, misspelled);
  setSpeculative(engine, r, c);
  // after the speculative config: vLLM's capture size counts 1 + k tokens a decode sequence
  if (engine !== 'trtllm' || !setLegacyTrtllmGraphs(r, c)) setGraphCap(engine, r, c);
  setRedundantExperts(engine, r, c);
  setVisionTower(engine, args, r, c);
  if (engine === 'sglang' && layoutKnown) setDensePlacement(r, c, base.tpAll, r.bool(['enable-dp-attention'])?.value === true ? layout.tp : undefined);
  setDtypes(engine, r, c);
  setModel(engine, args, r, c);
  keepEmbeddings16Bit(c);
  const perNode = engine === 'trtllm' ? r.int(['gpus-per-node'], 'GPU count') : undefined;
  if (perNode) c.set('hardware.gpus_per_node', perNode.value, perNode.line);
  const nodes = engine === 'sglang' ? r.int(['nnodes'], 'node count') : undefined;
  return { world_size: layoutKnown ? layout.world : undefined, line: tpLine, ...(nodes ? { nodes: nodes.value } : {}) };
}
