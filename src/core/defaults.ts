// Defaults the core assumes where a plan is silent. Each one is reported in the
// plan's assumptions, so a reader can judge the estimate. docs/formulas.md
// explains each figure.
import type { Dtype } from './types.js';

export const GIB = 1024 ** 3;

/**
 * Achievable fractions of each peak, used for estimates (bounds use 1).
 * Kernel ceilings measured on this project's machines (shared/engineering-notes.md): a large bf16
 * GEMM reaches ~0.81 of the H100's dense peak, a device copy ~0.9 of its HBM bandwidth. Whole-model
 * serving lands lower (attention, small decode GEMMs, MoE routing, scheduling). The defaults are
 * fitted on the calibration half of validation/ (npm run validate -- --calibrate): compute 0.5 and
 * memory 0.7 fit best; the network fit (0.1) stands in for costs the model lacks and breaks
 * multi-node expert parallelism, so 0.5 is kept (validation/README.md, "Calibration").
 */
export const DEFAULT_EFFICIENCY = { compute: 0.5, memory: 0.7, network: 0.5 } as const;

/** Per-collective start-up latency (NCCL-class small-message all-reduce: a few µs on NVLink, ~20 µs over IB). */
export const DEFAULT_INTRA_NODE_LATENCY_S = 8e-6;
export const DEFAULT_INTER_NODE_LATENCY_S = 20e-6;

/**
 * Fixed cost of one MoE dispatch or combine beyond its link's latency (estimates only): the kernel
 * that buckets tokens by destination rank, signals every peer and waits for their counts before any
 * expert runs. DeepEP's low-latency kernels (deepseek-ai/DeepEP README) publish 77 µs (dispatch) and
 * 114 µs (combine) at EP8 on H800 with 128 tokens per rank over RDMA, mostly transfer; their fixed part
 * is not published apart. 25 µs
 * each was fitted on the fitting part of the calibration half's disaggregated runs (decode pools
 * with attention DP: dispatch and combine in all 58 MoE layers of DeepSeek-R1, whose TPOT was
 * estimated at a median 0.77-0.86 of the measured without it) and checked on the part held out from fitting
 * (validation/README.md, "Calibration"). A floor has no all-to-all at all (performance.ts).
 */
export const EXPERT_EXCHANGE_LATENCY_S = 25e-6;

/**
 * Fixed time of one GPU kernel that moves little data (launch gap under CUDA graphs, ramp-up,
 * tail): a few microseconds on current GPUs. Decode at small batch runs dozens of such kernels
 * per layer, so this term, not bandwidth, sets its floor in practice. Estimates only; bounds omit it.
 */
export const DEFAULT_KERNEL_LATENCY_S = 4e-6;
/**
 * Host time per modelled kernel of a pass launched without CUDA graphs (PyTorch eager: Python,
 * dispatcher, driver). An eager pass is host-bound when its kernels are small: it takes
 * max(GPU time, kernels x this). Engines launch prefill passes eagerly (SGLang's extend,
 * TensorRT-LLM's context phase); decode replays CUDA graphs unless they are turned off.
 * Anchors: the device check measured 17-24 µs per *launched* kernel for PyTorch eager on an H200
 * (validation/device/README.md), and engines launch several kernels per modelled one plus Python
 * per layer; 70 µs is the value the calibration split of validation/ fits (validation/README.md).
 */
export const DEFAULT_LAUNCH_LATENCY_S = 70e-6;
/**
 * Kernels per layer: attention block (norm, qkv, rope + cache write, attention, output projection,
 * residual add). The counts of the three blocks are fitted, globally (every engine and GPU), on the
 * fitting part of the measured runs (validation/README.md, "Kernel counts"): 6 / 6 / 12 against
 * 5 / 4 / 16 before, held-out TPOT error 19% -> 16%.
 */
export const KERNELS_ATTENTION = 6;
/** MLA adds the low-rank down/up projections and their norms. */
export const KERNELS_MLA_EXTRA = 4;
/** Dense MLP block: norm, gate-up, activation, down, residual add, and the TP all-reduce's own kernel. */
export const KERNELS_DENSE_MLP = 6;
/**
 * MoE block: norm, router GEMM, top-k/softmax, block alignment, permute, activation quantisation,
 * grouped GEMM (gate-up), activation, quantisation, grouped GEMM (down), un-permute, weighted sum:
 * about 12 launches, fewer than the 16 of unfused paths since current fused-MoE kernels (FlashInfer's
 * TensorRT-LLM MoE, CUTLASS fused MoE) merge routing, quantisation and the un-permute.
 */
export const KERNELS_MOE = 12;
/** A shared expert runs as a small dense MLP beside the routed ones. */
export const KERNELS_SHARED_EXPERT = 3;

/**
 * Chunked-prefill budget when the plan names no engine: tokens in one forward pass (vLLM's API-server
 * max_num_batched_tokens on a >= 70 GiB GPU). With deployment.engine, that engine's default for the
 * device applies (engine-memory.ts).
 */
export const DEFAULT_MAX_BATCHED_TOKENS = 8192;

export const DEFAULT_WEIGHT_DTYPE: Dtype = 'bf16';
/** Activations and collective messages travel in 16-bit. */
export const ACTIVATION_BYTES = 2;
/**
 * Bytes per vocabulary entry of one sampled sequence: the LM head's 16-bit logits, the sampler's fp32
 * copy and its fp32 probabilities (vLLM v1 Sampler: logits.to(torch.float32), then softmax). 1,024
 * sequences of gpt-oss's 201,088-word vocabulary in fp32 are the 786 MiB vLLM's sampler warm-up asks
 * for on an H100 (vLLM issue 27508).
 */
export const LOGIT_BYTES = 2 + 4 + 4;
/**
 * Bytes per stored parameter, scale factors included:
 * fp4 as MXFP4 (an 8-bit scale per 32 values, OCP MX spec v1.0) -> 4.25 bits;
 * int4 as GPTQ/AWQ groups of 128 with a 16-bit scale -> 4.125 bits;
 * fp8 block scales (DeepSeek-V3: one fp32 per 128x128 block) are negligible.
 */
export const DTYPE_BYTES: Record<Dtype, number> = {
  fp32: 4,
  bf16: 2,
  fp16: 2,
  fp8: 1,
  int8: 1,
  int4: 0.5 + 2 / 128,
  fp4: 0.5 + 1 / 32,
};

/**
 * Serving overhead of one request before its first token: HTTP, tokenisation, scheduling, the
 * first streamed chunk. Part of a measured TTFT, not of a prefill; estimates only.
 */
export const DEFAULT_REQUEST_OVERHEAD_S = 0.02;

/**
 * KV cache: the contract's default, weight_dtype if 16-bit, else bf16 (fp32 and quantized weights
 * alike get a bf16 cache). An imported engine command at --dtype float32 with an automatic KV dtype
 * states kv_cache_dtype: fp32 itself (src/import/engines.ts), as the engine caches at the model dtype.
 */
export function defaultKvDtype(weight: Dtype): Dtype {
  return weight === 'bf16' || weight === 'fp16' ? weight : 'bf16';
}
