// Memory as each serving engine counts it: the defaults it picks for the device it runs on, how
// much of the device its KV cache gets (the pool whose size it logs at start-up), what it keeps
// beside weights and KV, and how many sequences it can run at once.
// Formulas and sources: docs/formulas.md, "Memory as each engine counts it".
import { GIB } from './defaults.js';
import type { RopeSpec, SpeculativeMethod } from './types.js';

export type Engine = 'vllm' | 'sglang' | 'trtllm';
export const ENGINE_LABEL: Readonly<Record<Engine, string>> = { vllm: 'vLLM', sglang: 'SGLang', trtllm: 'TensorRT-LLM' };
/** What each engine's memory flag is called, for messages. */
export const ENGINE_MEMORY_FLAG: Readonly<Record<Engine, string>> = {
  vllm: 'gpu_memory_utilization',
  sglang: 'mem_fraction_static',
  trtllm: 'free_gpu_memory_fraction',
};

const MIB = 2 ** 20;

/** What the engines' defaults and reservations depend on. */
export interface DeviceFacts {
  /** bytes the runtime can allocate (the CUDA-visible total) */
  capacity: number;
  /** display name, lower case ('' when unknown): vLLM keeps its small defaults on A100s */
  name: string;
  /** NVLink-switch class fabric (>= 400 GB/s per device, one way): NCCL keeps NVLS buffers there */
  switchedFabric: boolean;
  /** Blackwell-class math (an fp4 peak): MXFP4 MoE kernels pad both matrix sides to 256 there */
  fp4Math: boolean;
}

/** Intra-node bandwidth from which the fabric is switched NVLink 4+ (H100 SXM 450 GB/s; A100 NVLink3 300 GB/s). */
export const SWITCHED_FABRIC_BYTES_PER_S = 400e9;

// ---------------------------------------------------------------------------------------------
// Defaults each engine picks for a device.

/** vLLM's gpu_memory_utilization default. */
export const VLLM_DEFAULT_MEMORY_FRACTION = 0.9;
/** TensorRT-LLM's KvCacheConfig.free_gpu_memory_fraction default (_torch/pyexecutor/_util.py: "fraction = 0.9"). */
export const TRTLLM_DEFAULT_MEMORY_FRACTION = 0.9;
/** TensorRT-LLM's max_num_tokens default (trtllm-serve and the LLM API). */
export const TRTLLM_DEFAULT_MAX_NUM_TOKENS = 8192;
/**
 * Memory flags a deployment whose model leaves the default no room must have set: the lowest of these
 * (from 0.95, the value vLLM's and llm-d's sweeps use when memory is tight, up to 0.99) that holds one
 * request of the longest length. Used only when the plan states no flag, and then reported.
 */
export const TIGHT_MEMORY_FRACTIONS: readonly number[] = [0.95, 0.96, 0.97, 0.98, 0.99];
/** SGLang's mem_fraction_static when it cannot read the device memory. */
export const SGLANG_FALLBACK_MEMORY_FRACTION = 0.88;
/** vLLM's largest default CUDA-graph capture, in tokens (config/vllm.py, _set_cudagraph_sizes). */
export const VLLM_MAX_CUDAGRAPH_CAPTURE_SIZE = 512;

/**
 * vLLM's max_cudagraph_capture_size (config/vllm.py, _set_cudagraph_sizes): min(max_num_seqs x
 * (1 + speculative tokens) x 2, 512), at most max_num_batched_tokens. In tokens: a pass of more
 * tokens (a decode step of b sequences is b x (1 + k) tokens) launches eagerly.
 */
export function vllmCudaGraphCaptureSize(maxNumSeqs: number, queryTokens: number, maxBatchedTokens: number): number {
  return Math.max(1, Math.min(maxNumSeqs * queryTokens * 2, VLLM_MAX_CUDAGRAPH_CAPTURE_SIZE, maxBatchedTokens));
}

/**
 * vLLM's scheduler defaults for the API server (vllm/engine/arg_utils.py, get_batch_defaults): on a
 * device of >= 70 GiB that is not an A100, max_num_batched_tokens 8192 and max_num_seqs 1024;
 * otherwise 2048 and 256.
 */
export function vllmSchedulerDefaults(device: DeviceFacts): { maxBatchedTokens: number; maxNumSeqs: number } {
  const large = device.capacity >= 70 * GIB && !device.name.includes('a100');
  return large ? { maxBatchedTokens: 8192, maxNumSeqs: 1024 } : { maxBatchedTokens: 2048, maxNumSeqs: 256 };
}

/** What else SGLang's default memory fraction reserves for: DP attention (its dp_size) and a speculative method. */
export interface SglangReserveOptions {
  /** dp_size with --enable-dp-attention; 1 (or absent) without DP attention */
  dpAttention?: number;
  /** the plan's speculative method, null or absent without speculative decoding */
  speculative?: SpeculativeMethod | null;
}

/**
 * SGLang's defaults by device memory (server_args.py, _handle_gpu_memory_settings): chunked_prefill_size
 * and cuda_graph_max_bs by memory bucket, then mem_fraction_static = (memory - reserved) / memory with
 * reserved = 512 MB + 1.5 MB x max(chunk, 2048) + 2 MB x cuda_graph_max_bs + 1024 MB x tp x pp / 8,
 * plus with DP attention 3 MB x cuda_graph_max_bs x dp_size (and 1.5 MB more when cuda_graph_max_bs > 300),
 * at least 10 GB on devices over 60 GB, then 2 GB more for EAGLE / MTP (NEXTN) drafts and 6 GB for a
 * separate draft model (STANDALONE); NGRAM adds none.
 */
export function sglangDefaults(
  device: DeviceFacts,
  tp: number,
  pp: number,
  options: SglangReserveOptions = {},
): { chunkedPrefill: number; cudaGraphMaxBs: number; memFractionStatic: number } {
  const mb = device.capacity / MIB;
  let chunkedPrefill: number;
  let cudaGraphMaxBs: number;
  if (mb < 20 * 1024) [chunkedPrefill, cudaGraphMaxBs] = [2048, 8];
  else if (mb < 35 * 1024) [chunkedPrefill, cudaGraphMaxBs] = [2048, tp < 4 ? 24 : 80];
  else if (mb < 60 * 1024) [chunkedPrefill, cudaGraphMaxBs] = [4096, tp < 4 ? 32 : 160];
  else if (mb < 160 * 1024) [chunkedPrefill, cudaGraphMaxBs] = [8192, tp < 4 ? 256 : 512];
  else [chunkedPrefill, cudaGraphMaxBs] = [16384, 512];
  let reserved = 512 + Math.max(chunkedPrefill, 2048) * 1.5 + cudaGraphMaxBs * 2 + (tp * pp * 1024) / 8;
  const dpSize = options.dpAttention ?? 1;
  if (dpSize > 1) {
    reserved += cudaGraphMaxBs * dpSize * 3;
    if (cudaGraphMaxBs > 300) reserved += cudaGraphMaxBs * dpSize * 1.5;
  }
  if (mb > 60 * 1024) reserved = Math.max(reserved, 10 * 1024);
  if (options.speculative === 'draft') reserved += 6 * 1024;
  else if (options.speculative && options.speculative !== 'ngram') reserved += 2 * 1024;
  const memFractionStatic = mb > 0 ? Math.round(((mb - reserved) / mb) * 1000) / 1000 : SGLANG_FALLBACK_MEMORY_FRACTION;
  return { chunkedPrefill, cudaGraphMaxBs, memFractionStatic: memFractionStatic > 0 ? memFractionStatic : SGLANG_FALLBACK_MEMORY_FRACTION };
}

export interface EngineDefaults {
  /** the engine's memory flag, in its own meaning */
  memoryFraction: number;
  /** tokens one prefill chunk (and the profiling pass) may hold */
  maxBatchedTokens: number;
  /** sequences vLLM samples in its profiling pass (its max_num_seqs); other engines: 0 (not profiled) */
  profiledSequences: number;
  /** where each figure comes from, for the report */
  source: string;
}

export function engineDefaults(engine: Engine, device: DeviceFacts | null, tp: number, pp: number, sglang: SglangReserveOptions = {}): EngineDefaults {
  if (engine === 'sglang') {
    if (!device)
      return {
        memoryFraction: SGLANG_FALLBACK_MEMORY_FRACTION,
        maxBatchedTokens: 4096,
        profiledSequences: 0,
        source: "SGLang's defaults without a device size",
      };
    const s = sglangDefaults(device, tp, pp, sglang);
    return {
      memoryFraction: s.memFractionStatic,
      maxBatchedTokens: s.chunkedPrefill,
      profiledSequences: 0,
      source: `SGLang's defaults for a ${(device.capacity / GIB).toFixed(0)} GiB device at tp ${tp}: chunked_prefill_size ${s.chunkedPrefill}, cuda_graph_max_bs ${s.cudaGraphMaxBs}`,
    };
  }
  if (engine === 'trtllm') {
    return {
      memoryFraction: TRTLLM_DEFAULT_MEMORY_FRACTION,
      maxBatchedTokens: TRTLLM_DEFAULT_MAX_NUM_TOKENS,
      profiledSequences: 0,
      source: "TensorRT-LLM's defaults (max_num_tokens 8192)",
    };
  }
  const v = device ? vllmSchedulerDefaults(device) : { maxBatchedTokens: 8192, maxNumSeqs: 1024 };
  return {
    memoryFraction: VLLM_DEFAULT_MEMORY_FRACTION,
    maxBatchedTokens: v.maxBatchedTokens,
    profiledSequences: v.maxNumSeqs,
    source: `vLLM's API-server defaults for ${device ? `a ${(device.capacity / GIB).toFixed(0)} GiB device` : 'a device of unknown size'}: max_num_batched_tokens ${v.maxBatchedTokens}, max_num_seqs ${v.maxNumSeqs}`,
  };
}

// ---------------------------------------------------------------------------------------------
// What engines keep beside weights, activations and KV.

/**
 * CUDA context and library handles a process holds before an engine measures free memory.
 * SGLang on 4x L4: 22.49 GiB total, 21.63 GB free at "Load weight begin" after 0.13 GB of
 * distributed init, so 0.73 GiB of context; about 0.5 GiB is usual on H100s.
 */
export const CUDA_CONTEXT_BYTES = 0.6 * GIB;
/**
 * What vLLM 0.19 finds outside PyTorch after its profiling pass on a lone GPU ("non-torch forward
 * increase memory: 0.25GiB", Llama-3.1-8B and Qwen2.5-7B on H100, llm-d-planner accuracy report).
 */
export const VLLM_NON_TORCH_BYTES = 0.25 * GIB;
/**
 * CUDA graphs of the decode batch sizes. vLLM captures them after sizing the KV cache (0.51-1.85 GiB,
 * mean 1.04, in the llm-d-planner sweep; "Estimated CUDA graph memory: 1.09 GiB" for gpt-oss-20b);
 * TensorRT-LLM captures them in the warm-up it measures before sizing its pool.
 */
export const CUDA_GRAPH_BYTES = 1.0 * GIB;

/**
 * Communication buffers per device when a group of `group` devices talks (NCCL channels, NVLS and
 * custom all-reduce buffers), once the first collectives have run. On an NVLink-switch fabric vLLM
 * 0.19 logs 2.07-2.10 GiB of non-torch memory at TP2 and 2.13-2.21 GiB at TP4 on H100 (0.25 GiB at
 * TP1): about 1.8 GiB plus 0.03 GiB per rank. SGLang allocates them when it initialises ("Init torch
 * distributed ends. mem usage=2.01 GB" at TP8 on H200, sgl-project/sglang PR 11716), before it measures
 * the memory its pool is a fraction of. Over PCIe they are small: 0.1 GiB plus the same per rank
 * (SGLang's TP4 initialisation on 4x L4 takes 0.13 GB).
 */
export function commBufferBytes(group: number, device: DeviceFacts | null): number {
  if (group <= 1) return 0;
  return (device?.switchedFabric ? 1.8 * GIB : 0.1 * GIB) + 0.03 * GIB * group;
}

// ---------------------------------------------------------------------------------------------
// Rotary cos/sin tables engines build when they load the model.

/** What a rotary table is built from: the model's rope (ModelFacts.rope). */
export interface RotaryFacts {
  spec: RopeSpec & { max_position_embeddings: number };
  /** dims each head rotates: a table row holds their cos and sin halves */
  rotaryDim: number;
  /** bytes of the model's compute dtype */
  computeBytes: number;
  /** MLA (config.json's qk_rope_head_dim): TensorRT-LLM's RopeParams.from_config sets duplicate_data, two values per rotated dim */
  duplicated?: boolean;
}

/**
 * Positions of the table vLLM's and SGLang's get_rope builds for a rope, by its scaling (vLLM
 * rotary_embedding/__init__.py get_rope and each class's _compute_cos_sin_cache; SGLang
 * layers/rotary_embedding.py, the same rules): none and llama3 (Llama3RotaryEmbedding) take
 * max_position_embeddings as it is; linear (LinearScalingRotaryEmbedding) max_position_embeddings x
 * factor; yarn (YaRNScalingRotaryEmbedding, ceil) and deepseek_yarn (DeepseekScalingRotaryEmbedding)
 * original_max_position_embeddings x factor. Null for a scaling whose length rule is not modelled.
 */
export function rotaryTablePositions(spec: RotaryFacts['spec']): number | null {
  const kind = spec.scaling ?? 'default';
  const factor = spec.factor ?? 1;
  const positions = spec.max_position_embeddings;
  if (kind === 'default' || kind === 'llama3') return positions;
  if (kind === 'linear') return Math.ceil(positions * factor);
  if (kind === 'yarn' || kind === 'deepseek_yarn') return Math.ceil((spec.original_max_position_embeddings ?? positions) * factor);
  return null;
}

/** Whether the device runs CUDA (SGLang keeps its rotary tables in fp32 there); unknown devices are taken for NVIDIA's. */
function cudaDevice(device: DeviceFacts | null): boolean {
  return !/\bmi\d{3}|instinct|\bamd\b|ascend|\bnpu\b|gaudi|\btpu/.test(device?.name ?? '');
}

/**
 * Bytes of the rotary cos/sin tables one rank holds beside the weights: each distinct rope's table
 * (get_rope caches instances by their parameters in _ROPE_DICT, so every layer sharing a rope shares one;
 * Gemma 3's sliding layers have their own, unscaled) of rotaryTablePositions x rotary_dim elements, built
 * whole on every rank when the model is (register_buffer), so counted in the weights the engine logs.
 * vLLM keeps them in the model's dtype (base.py RotaryEmbeddingBase: cache.to(dtype)); SGLang in fp32
 * on CUDA ("cache needs to be in FP32 for numerical stability"), in the model's dtype elsewhere.
 * Llama 4 Scout under vLLM: 10,485,760 x 128 x 2 bytes = 2.5 GiB per GPU. TensorRT-LLM: trtllmRotaryTableBytes.
 */
export function rotaryTableBytes(engine: Engine, rope: RotaryFacts | null, device: DeviceFacts | null): number {
  if (rope === null) return 0;
  if (engine === 'trtllm') return trtllmRotaryTableBytes(rope);
  const positions = rotaryTablePositions(rope.spec);
  if (positions === null) return 0;
  const element = engine === 'sglang' && cudaDevice(device) ? 4 : rope.computeBytes;
  const local = rope.spec.local_table ? rope.spec.max_position_embeddings : 0;
  return (positions + local) * rope.rotaryDim * element;
}

/**
 * TensorRT-LLM's tables (PyTorch backend): every attention layer's TrtllmAttention wrapper, or the
 * RotaryEmbedding module where the rope is not fused, takes its table from
 * RopeParams.create_rope_const_params (_torch/attention_backend/interface.py), which builds it once per
 * distinct RopeParams and model (a per-model cache since TensorRT-LLM PR 3378, April 2025) as an fp32
 * CUDA tensor while the model is built, so it is in the weights the engine logs. RopeParams.from_config
 * takes max_positions = config.json's max_position_embeddings whatever the scaling (no stretch by the
 * factor: yarn's and deepseek_yarn's max_position_embeddings already is the stretched length), and each
 * row holds a (cos, sin) pair per rotated frequency, rotary_dim values
 * (RopeEmbeddingUtils.create_sinusoidal_positions_for_attention_plugin, _yarn), twice that for MLA
 * (duplicate_data). Gemma 3's sliding layers build a second table of their own theta. The table is in
 * "Memory used after loading model weights (inside torch)", not in the older "Rank N uses X GB for model
 * weights" (get_rank_model_storage counts parameters and registered buffers only). Llama 3.1 (131,072
 * x 128 x 4 B) 64 MiB; DeepSeek-V3/R1 163,840 x 64 x 2 x 4 B = 80 MiB; Llama 4 Scout 10,485,760 x 128 x
 * 4 B = 5 GiB a GPU.
 */
export function trtllmRotaryTableBytes(rope: RotaryFacts): number {
  const positions = rope.spec.max_position_embeddings;
  const tables = rope.spec.local_table ? 2 : 1;
  return tables * positions * rope.rotaryDim * (rope.duplicated ? 2 : 1) * 4;
}

/** Rotary tables the memory check names on their own: from 0.1 GiB (Gemma 3 27B's 0.28 GiB under vLLM; a 128K Llama's 32 MiB is not). */
export const MATERIAL_ROTARY_BYTES = 0.1 * GIB;

/** The inputs to one device's budget. */
export interface BudgetInputs {
  engine: Engine;
  /** the engine's memory flag, in its meaning */
  memoryFraction: number;
  capacity: number;
  /** what the engine holds of weights, its MLA decode copy included */
  weights: number;
  /** bytes of `weights` that are the engine's copy of MLA's kv_b_proj for the absorbed decode (memory.ts, mlaDecodeCopyBytes) */
  mlaDecodeCopy?: number;
  /** bytes of `weights` that are the engine's rotary cos/sin tables (rotaryTableBytes) */
  rotaryTables?: number;
  activations: number;
  /** devices of the largest communicating group (tp x cp, or ep) */
  group: number;
  device: DeviceFacts | null;
  cudaGraphs: boolean;
  /** the plan's workload.runtime_overhead: replaces context, communication buffers and graphs */
  runtimeOverride: number | null;
  /** a pool the plan fixes or caps on this device (workload.kv_cache_tokens, kv_cache_memory); null: the memory flag's */
  limit?: PoolLimit | null;
}

/**
 * A KV pool the plan sets on one device (workload.kv_cache_tokens or kv_cache_memory, in the engine's
 * meaning): vLLM allocates exactly what --kv-cache-memory-bytes or --num-gpu-blocks-override says,
 * whatever its memory flag (gpu_worker.determine_available_memory returns kv_cache_memory_bytes
 * unprofiled; kv_cache_utils.may_override_num_blocks replaces the block count); SGLang
 * (--max-total-tokens: max_total_num_tokens = min(profiled, cap)) and TensorRT-LLM
 * (kv_cache_config.max_tokens, max_gpu_total_bytes: "memory corresponding to the minimum") take the
 * smaller of it and what the flag gives.
 */
export interface PoolLimit {
  /** bytes of the pool on this device */
  bytes: number;
  /** true: the engine allocates exactly this; false: no more than this */
  fixed: boolean;
  /** what sets it, for the report ("workload.kv_cache_tokens (100000 tokens)") */
  source: string;
}

/** One device as its engine sizes it. */
export interface DeviceBudget {
  /** bytes of KV cache the engine allocates (what it logs), < 0 when the weights do not fit */
  pool: number;
  /** runtime, communication buffers and graphs on the device, bytes */
  overhead: number;
  /** what the engine may use: weights + activations + overhead + the pool (no more than the device, but for a pool the plan fixes past it) */
  usable: number;
  /** what makes up `usable`, as a sum of its parts and the formula of the pool, for the report */
  rule: string;
}

/** Bytes as the memory rules show them: "79.19 GiB". */
const gib = (v: number): string => `${(v / GIB).toFixed(2)} GiB`;

/**
 * The KV pool of one device as each engine sizes it:
 *  vLLM    pool = u x total - weights - activation peak of the profiling pass - non-torch memory
 *          (gpu_worker.determine_available_memory; CUDA graphs come out of the 1 - u left over);
 *  SGLang  pool = f x free - weights, free = what is left after CUDA and NCCL initialisation
 *          (model_runner.profile_max_num_token); activations and graphs live in the 1 - f left over;
 *  TRT-LLM pool = phi x (total - peak of the measured warm-up: weights, activations, context, NCCL,
 *          graphs) (_torch/pyexecutor/_util.py, cal_max_tokens).
 * `usable` never exceeds the device (an SGLang fraction set too high leaves the activations no room),
 * but for a pool the plan fixes (`limit.fixed`): the engine allocates that whole, or does not start.
 */
export function deviceBudget(b: BudgetInputs): DeviceBudget {
  const comm = commBufferBytes(b.group, b.device);
  const graphs = b.cudaGraphs ? CUDA_GRAPH_BYTES : 0;
  let pool: number;
  let overhead: number;
  /** the pool's formula, with the figures it takes */
  let formula: string;
  /** what the engine's flag gives, and what it takes out of that before the pool (for a pool below zero) */
  let share: EngineShare;
  if (b.engine === 'sglang') {
    const init = b.runtimeOverride ?? CUDA_CONTEXT_BYTES + comm;
    overhead = b.runtimeOverride ?? init + graphs;
    const free = b.capacity - init;
    pool = b.memoryFraction * free - b.weights;
    formula = `${b.memoryFraction} x ${gib(free)} free after initialisation - ${gib(b.weights)} weights`;
    share = {
      bytes: b.memoryFraction * free,
      text: `${b.memoryFraction} x ${gib(free)} free after initialisation for weights and KV cache`,
      before: [[b.weights, 'weights']],
      beside: [
        [b.activations, 'activations'],
        [overhead, 'runtime and buffers'],
      ],
    };
  } else if (b.engine === 'trtllm') {
    overhead = b.runtimeOverride ?? CUDA_CONTEXT_BYTES + comm + graphs;
    const free = b.capacity - b.weights - b.activations - overhead;
    pool = b.memoryFraction * free;
    formula = `${b.memoryFraction} x ${gib(free)} free after the measured warm-up`;
    share = wholeDevice(b, overhead);
  } else {
    overhead = b.runtimeOverride ?? VLLM_NON_TORCH_BYTES + comm;
    pool = b.memoryFraction * b.capacity - b.weights - b.activations - overhead;
    formula = `${b.memoryFraction} x ${gib(b.capacity)} - ${gib(b.weights)} weights - ${gib(b.activations)} profiled activations - ${gib(overhead)} runtime and buffers outside PyTorch`;
    share = {
      bytes: b.memoryFraction * b.capacity,
      text: `${b.memoryFraction} x ${gib(b.capacity)}`,
      before: [
        [b.weights, 'weights'],
        [b.activations, 'profiled activations'],
        [overhead, 'runtime and buffers outside PyTorch'],
      ],
      beside: [],
    };
  }
  const limit = b.limit ?? null;
  if (limit?.fixed) {
    pool = limit.bytes;
    formula = `${gib(pool)}, set by ${limit.source} (the memory flag sizes nothing)`;
  } else if (limit && limit.bytes < pool) {
    formula = `${gib(limit.bytes)}, capped by ${limit.source}, less than ${formula} = ${gib(pool)}`;
    pool = limit.bytes;
  }
  const room = b.capacity - b.weights - b.activations - overhead;
  // A pool the engine is told to allocate is allocated whole: past the device, it does not start.
  const kv = limit?.fixed ? pool : Math.min(pool, room);
  const usable = b.weights + b.activations + overhead + kv;
  if (kv < 0) return { pool, overhead, usable, rule: noRoomRule(kv < pool ? wholeDevice(b, overhead) : share) };
  return { pool, overhead, usable, rule: usableRule(b, overhead, pool, kv, formula) };
}

/** What an engine may use before its KV pool: its flag's share of the device, what it takes out of that first, and what it keeps beside it. */
interface EngineShare {
  bytes: number;
  /** the share as a formula ("0.9 x 79.19 GiB") */
  text: string;
  /** taken out of the share before the pool, weights first: [bytes, name] */
  before: [number, string][];
  /** kept outside the share but counted in what the engine may use (SGLang's activations and buffers) */
  beside: [number, string][];
}

/** The device as the limit: the weights, activations and buffers must fit in it before any KV cache. */
function wholeDevice(b: BudgetInputs, overhead: number): EngineShare {
  return {
    bytes: b.capacity,
    text: `the whole device, ${gib(b.capacity)}`,
    before: [
      [b.weights, 'weights'],
      [b.activations, 'activations'],
      [overhead, 'runtime and buffers'],
    ],
    beside: [],
  };
}

/**
 * No room for a KV cache, in plain words: "0.9 x 79.19 GiB: the weights alone, 131.42 GiB, exceed it,
 * before the 2.79 GiB profiled activations and 0.25 GiB runtime and buffers outside PyTorch that the
 * engine also reserves". A pool below zero written as a negative term of a sum was hard to read.
 */
function noRoomRule(share: EngineShare): string {
  const and = (parts: string[]): string => (parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`);
  const [weights] = share.before[0]!;
  const others = share.before.slice(1);
  const beside = share.beside.length > 0 ? ` (${gib(share.bytes)}), plus ${and(share.beside.map(([v, name]) => `${gib(v)} ${name}`))} beside it` : '';
  const it = share.beside.length > 0 ? `the ${gib(share.bytes)}` : 'it';
  let exceed: string;
  if (weights > share.bytes) {
    const also = others.length > 0 ? `, before the ${and(others.map(([v, name]) => `${gib(v)} ${name}`))} that the engine also reserves` : '';
    exceed = `the weights alone, ${gib(weights)}, exceed ${it}${also}`;
  } else {
    const total = share.before.reduce((sum, [v]) => sum + v, 0);
    exceed = `the ${and(share.before.map(([, name]) => name))} (${share.before.map(([v]) => (v / GIB).toFixed(2)).join(' + ')} = ${gib(total)}) exceed ${it}`;
  }
  return `${share.text}${beside}: ${exceed}, so no KV cache is left`;
}

/**
 * What makes up `usable`, as a sum whose terms add up to it (to rounding): "32.86 GiB weights + 0.58
 * GiB activations + 3.52 GiB runtime and buffers + 32.31 GiB KV pool, the pool being 0.85 x 76.67 GiB
 * free after initialisation - 32.86 GiB weights". The pool's formula gives the pool, not what the
 * engine may use; where the device cannot hold the whole pool, the sum takes what it can hold.
 */
function usableRule(b: BudgetInputs, overhead: number, pool: number, kv: number, formula: string): string {
  const weights = `${gib(b.weights)} weights${weightsParts(b.mlaDecodeCopy ?? 0, b.rotaryTables ?? 0)}`;
  const sum = `${weights} + ${gib(b.activations)} activations + ${gib(overhead)} runtime and buffers + ${gib(kv)} KV pool`;
  if (kv < pool) return `${sum}, the rest of the device: the pool would be ${formula} = ${gib(pool)}, more than the device holds`;
  return `${sum}, the pool being ${formula}`;
}

/**
 * What the engine's weights hold beside the checkpoint's shard, for the report: " (0.56 GiB of them the
 * engine's copy of kv_b_proj for MLA decode)", " (2.50 GiB of them its rotary cos/sin tables)"; '' when
 * neither is (the tables from MATERIAL_ROTARY_BYTES).
 */
export function weightsParts(mlaDecodeCopy: number, rotaryTables: number): string {
  const parts: string[] = [];
  if (mlaDecodeCopy > 0) parts.push(`${gib(mlaDecodeCopy)} of them the engine's copy of kv_b_proj for MLA decode`);
  if (rotaryTables >= MATERIAL_ROTARY_BYTES) parts.push(`${gib(rotaryTables)} of them the engine's rotary cos/sin tables`);
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

/** Tokens per KV block the engine allocates in (vLLM 16, TensorRT-LLM 32, SGLang pages of 1). */
export const KV_BLOCK_TOKENS: Readonly<Record<Engine, number>> = { vllm: 16, sglang: 1, trtllm: 32 };

/** Whether the engine frees sliding-window layers' blocks outside the window (vLLM's hybrid allocator, TensorRT-LLM VSWA); SGLang serves gpt-oss with disable_hybrid_swa_memory. */
export const FREES_OUTSIDE_WINDOW: Readonly<Record<Engine, boolean>> = { vllm: true, sglang: false, trtllm: true };

// ---------------------------------------------------------------------------------------------
// How many sequences run at once.

/** What bounds the running batch of one replica (one engine scheduler). */
export interface KvBudget {
  /** tokens of KV cache one replica holds, as the engine counts them (every layer keeps each token) */
  capacityTokens: number;
  /**
   * Capacity tokens one sequence of `context` tokens holds: `context`, less what sliding-window layers
   * free outside their window where the engine frees it.
   */
  heldTokens: (context: number) => number;
  /** prompt-prefix tokens every running sequence shares, held once (prefix_cache_hit_rate x input) */
  sharedTokens: number;
  /** the engine's own cap on running sequences per replica (max_num_seqs, max_running_requests, max_batch_size); null when none is given */
  engineMax: number | null;
}

/**
 * Sequences one replica runs at once when `offered` are in flight, each holding `context` tokens on
 * average: the engine admits while its KV cache has room and queues the rest. At least one when one
 * sequence fits, 0 when not even one does.
 */
export function maxRunningSequences(budget: KvBudget, context: number, offered = Infinity): number {
  const shared = Math.min(budget.sharedTokens, context);
  const perSequence = Math.max(budget.heldTokens(context) - budget.heldTokens(shared), 1e-9);
  const room = budget.capacityTokens - budget.heldTokens(shared);
  const byKv = room <= 0 ? 0 : Math.floor(room / perSequence);
  const capped = budget.engineMax === null ? byKv : Math.min(byKv, budget.engineMax);
  return Math.max(0, Math.min(capped, offered));
}
