// What each serving engine does by default that changes the figures under load: how it schedules
// prompts against decodes, how many tokens one pass may hold, how many sequences it runs at once,
// which passes replay CUDA graphs. Selected by deployment.engine (default vllm). Sources: each
// engine's own argument defaults, cited per field; docs/formulas.md, "Serving under load".
import type { SchedulerPolicy } from './simulator.js';

export type EngineId = 'vllm' | 'sglang' | 'trtllm';

export interface EngineProfile {
  id: EngineId;
  policy: SchedulerPolicy;
  /** running sequences per replica the engine allows by default where its memory defaults do not say (engine-memory.ts gives vLLM's max_num_seqs) */
  defaultMaxRunning: number;
  /**
   * Largest decode batch replayed from a CUDA graph by default; bigger batches launch eagerly
   * (SGLang cuda_graph_max_bs). Infinity where the engine captures up to its batch limit.
   */
  decodeGraphMaxBatch: number;
  /** mixed or prefill passes replay CUDA graphs up to this many tokens (vLLM's piecewise graphs); 0: always eager */
  prefillGraphMaxTokens: number;
  /** KV reserved per sequence at admission: its whole length (TensorRT-LLM GUARANTEED_NO_EVICT) or what it holds (paged, grows) */
  reservesWholeSequence: boolean;
  /** seconds from a request leaving the client to the engine scheduling it (HTTP, tokenisation); calibrated */
  requestOverhead: number;
  /** host seconds per scheduler step not overlapped with the GPU; calibrated */
  stepOverhead: number;
  /** host seconds per modelled kernel of a pass launched without CUDA graphs; calibrated */
  launchLatency: number;
  /**
   * host launches an MLA layer adds to an eager pass beyond the modelled kernels: the engine's MLA
   * prompt path (TensorRT-LLM's expands the latent cache to full K and V op by op)
   */
  mlaEagerExtraKernels: number;
  /** scheduler steps by which outputs reach the client: 1 with an overlap scheduler, which returns a step's tokens while the next step runs */
  outputLagSteps: number;
  /**
   * by hardware family: query heads per rank the engine's sparse-attention (DSA) prompt kernel pads
   * to once a pass holds a sequence longer than the indexer's top-k, and the absorbed (latent)
   * attention it computes there; absent: the prompt's attention as modelled for dense MLA
   */
  sparsePrefillHeadPad: Partial<Record<HardwareFamily, number>>;
  /**
   * where the dense MLP, shared experts, LM head and embedding sit when the experts span attention-DP
   * ranks (memory.ts, denseSplit): whole on every dp rank, or SGLang's split over its whole tp_size
   */
  densePlacement: 'replicated' | 'sglang';
}

/**
 * vLLM V1: chunked prefill always on; the scheduler first gives each running sequence its decode
 * token, then fills max_num_batched_tokens with prompt chunks (mixed batches); its budget and
 * max_num_seqs defaults by device are in engine-memory.ts. CUDA graphs cover passes up to
 * max_cudagraph_capture_size tokens: 512 here, min(max_num_seqs x (1 + k) x 2, 512, budget) per plan
 * (resolve.ts, vllmCudaGraphCaptureSize), a decode step of b sequences being b x (1 + k) tokens.
 */
const VLLM: EngineProfile = {
  id: 'vllm',
  policy: 'mixed',
  defaultMaxRunning: 1024,
  decodeGraphMaxBatch: 512,
  prefillGraphMaxTokens: 512,
  reservesWholeSequence: false,
  requestOverhead: 0.02,
  stepOverhead: 0,
  launchLatency: 70e-6,
  mlaEagerExtraKernels: 0,
  outputLagSteps: 0,
  sparsePrefillHeadPad: {},
  densePlacement: 'replicated',
};

/**
 * SGLang's DeepSeek Sparse Attention prompt path (layers/attention/nsa_backend.py): while every
 * sequence of a pass is at most index_topk long it runs dense MHA (set_nsa_prefill_impl,
 * MHA_ONE_SHOT); beyond, the absorbed sparse MLA kernel (flash_mla_sparse_fwd), which needs the
 * query heads of a rank padded to a multiple of 64 on Hopper (128 on Blackwell): GLM-5's 64 heads
 * at TP8 run as 64 per rank, 8x the work. GLM-5 on H200 measured 8k prompts 2.4x slower than
 * estimated at every concurrency and 1k prompts on the estimate (validation/README.md). The
 * Blackwell padding is left out: at the attention share calibrated there, 128 padded heads would
 * make the B200 and B300 8k rows 2.1x and 3.8x too slow, so that kernel runs far above it.
 */
const SGLANG_SPARSE_PREFILL_HEAD_PAD_HOPPER = 64;

/**
 * SGLang: prefill first (a waiting prompt's extend pass runs before the next decode step; mixed
 * chunks are off by default); chunked_prefill_size by device memory is in engine-memory.ts. Decode replays CUDA graphs
 * up to 512 sequences here; SGLang's own default cuda_graph_max_bs is 256 at tp < 4 on 60-160 GB devices
 * (512 at tp >= 4 or from 160 GB; engine-memory.ts sglangDefaults), not applied: an eager decode step
 * priced at the calibrated launch latency reads Llama 3.1 8B on an H200 at 352 clients 64 ms against
 * 39 ms measured (27 ms as graphs). Prefill runs eagerly. The overlap
 * ("zero-overhead") scheduler, on by default, returns a step's tokens while the next step runs.
 * max_running_requests follows the KV pool (no fixed default below it).
 */
const SGLANG: EngineProfile = {
  id: 'sglang',
  policy: 'prefill-first',
  defaultMaxRunning: 4096,
  decodeGraphMaxBatch: 512,
  prefillGraphMaxTokens: 0,
  reservesWholeSequence: false,
  requestOverhead: 0.02,
  stepOverhead: 0,
  launchLatency: 70e-6,
  mlaEagerExtraKernels: 0,
  outputLagSteps: 1,
  sparsePrefillHeadPad: { hopper: SGLANG_SPARSE_PREFILL_HEAD_PAD_HOPPER },
  densePlacement: 'sglang',
};

/**
 * TensorRT-LLM's PyTorch MLA prompt path (MLA.forward_context_default) expands the latent cache to
 * full K and V with kv_b_proj, copies k_nope and the rotary k_pe into K, may concatenate q, k and v,
 * then runs a separate MHA kernel; with DeepSeek's fp8 block-scaled projections and its gate, an
 * eager prompt pass launches several dozen more host ops per MLA layer than the fused attention
 * block counted. Chosen on the fitting part (validation/README.md, "TensorRT-LLM's MLA prompt
 * path"): 0 / 20 / 40 / 60 / 80 extra launches, objective 0.1916 / 0.1889 / 0.1880 / 0.1891 / 0.1904;
 * SGLang's and vLLM's MLA paths gain nothing from it.
 */
const TRTLLM_MLA_EAGER_EXTRA_KERNELS = 40;

/**
 * TensorRT-LLM (PyTorch backend, trtllm-serve): in-flight batching puts context and generation
 * requests in the same iteration within max_num_tokens (8192) and max_batch_size (2048)
 * (tensorrt_llm/llmapi/llm_args.py defaults); CUDA graphs for generation-only iterations; the
 * default capacity scheduler (GUARANTEED_NO_EVICT) admits a request only when its whole
 * input + output fits in the KV cache. The overlap scheduler (on by default) returns a step's tokens
 * one iteration later.
 */
const TRTLLM: EngineProfile = {
  id: 'trtllm',
  policy: 'mixed',
  defaultMaxRunning: 2048,
  decodeGraphMaxBatch: Infinity,
  prefillGraphMaxTokens: 0,
  reservesWholeSequence: true,
  requestOverhead: 0.02,
  stepOverhead: 0,
  launchLatency: 70e-6,
  mlaEagerExtraKernels: TRTLLM_MLA_EAGER_EXTRA_KERNELS,
  outputLagSteps: 1,
  sparsePrefillHeadPad: {},
  densePlacement: 'replicated',
};

const PROFILES: Record<EngineId, EngineProfile> = { vllm: VLLM, sglang: SGLANG, trtllm: TRTLLM };

export function engineProfile(id: EngineId | undefined): EngineProfile {
  return PROFILES[id ?? 'vllm'];
}

/** Accelerator generations whose software stacks behave alike (calibrated per engine). */
export type HardwareFamily = 'hopper' | 'blackwell' | 'blackwell-ultra' | 'ampere' | 'other';

/** The family of a hardware preset id or device name; 'other' when neither says. */
export function hardwareFamily(preset: string | undefined, name: string | undefined): HardwareFamily {
  const id = `${preset ?? ''} ${name ?? ''}`.toLowerCase();
  if (/b300|gb300|blackwell ultra/.test(id)) return 'blackwell-ultra';
  if (/b200|gb200|blackwell/.test(id)) return 'blackwell';
  if (/h100|h200|h800|h20\b|h20-|hopper/.test(id)) return 'hopper';
  if (/a100|a800|ampere/.test(id)) return 'ampere';
  return 'other';
}

/**
 * What an engine achieves on a hardware family, fitted by validation/calibrate-silicon.mjs on the
 * 'fit' part of the calibration half of the measured runs (validation/README.md, "Calibration"):
 * achievable fractions of the peaks (and the shares attention kernels and grouped expert GEMMs
 * reach of the compute one), host time per launched kernel of an eager pass, fixed time per request
 * before the engine schedules it, host time per scheduler step. A plan's own figures (and a
 * preset's) win over these; families absent here take the project defaults.
 */
export interface EngineCalibration {
  compute?: number;
  memory?: number;
  launchLatency?: number;
  requestOverhead?: number;
  stepOverhead?: number;
  kernelLatency?: number;
  /** attention kernels' share of the compute efficiency */
  attentionEfficiency?: number;
  /** grouped expert GEMMs' share of the compute efficiency (small per-expert batches) */
  expertEfficiency?: number;
}

export const CALIBRATION: Record<EngineId, Partial<Record<HardwareFamily, EngineCalibration>>> = {
  vllm: {
    blackwell: { compute: 0.35, memory: 0.7, launchLatency: 50e-6, requestOverhead: 0.035, attentionEfficiency: 0.357, expertEfficiency: 0.429 },
    'blackwell-ultra': { compute: 0.25, memory: 0.85, launchLatency: 50e-6, requestOverhead: 0.01, attentionEfficiency: 0.5 },
    hopper: { compute: 0.6, memory: 0.7, launchLatency: 50e-6, requestOverhead: 0.005, attentionEfficiency: 0.3, expertEfficiency: 0.2 },
  },
  sglang: {
    blackwell: { compute: 0.25, memory: 0.65, launchLatency: 100e-6, requestOverhead: 0.05, attentionEfficiency: 0.7, expertEfficiency: 0.45 },
    'blackwell-ultra': { compute: 0.3, memory: 0.9, launchLatency: 35e-6, requestOverhead: 0.08, attentionEfficiency: 0.417, expertEfficiency: 0.375 },
    hopper: { compute: 0.8, memory: 0.8, launchLatency: 150e-6, requestOverhead: 0, stepOverhead: 500e-6, attentionEfficiency: 0.5, expertEfficiency: 0.2 },
  },
  trtllm: {
    blackwell: { compute: 0.7, memory: 0.85, launchLatency: 35e-6, attentionEfficiency: 0.3, expertEfficiency: 0.2 },
    hopper: { compute: 0.7, memory: 0.8, launchLatency: 100e-6, requestOverhead: 0, stepOverhead: 500e-6, attentionEfficiency: 0.3, expertEfficiency: 0.2 },
  },
};

export function engineCalibration(engine: EngineId, family: HardwareFamily): EngineCalibration {
  return CALIBRATION[engine][family] ?? {};
}
