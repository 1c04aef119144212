// Applies the core's defaults to a loaded plan's hardware, layout and workload,
// keeping a record of every default taken so the report can show it.
import {
  ENGINE_LABEL,
  ENGINE_MEMORY_FLAG,
  SWITCHED_FABRIC_BYTES_PER_S,
  engineDefaults,
  vllmCudaGraphCaptureSize,
  type DeviceFacts,
  type Engine,
} from './engine-memory.js';
import { engineCalibration, engineProfile, hardwareFamily, type EngineProfile } from './engines.js';
import { denseGroup } from './memory.js';
import {
  DEFAULT_EFFICIENCY,
  DEFAULT_INTER_NODE_LATENCY_S,
  DEFAULT_INTRA_NODE_LATENCY_S,
  DEFAULT_KERNEL_LATENCY_S,
  DEFAULT_MAX_BATCHED_TOKENS,
} from './defaults.js';
import type { Assumption, ParallelismSpec, Plan, SpeculativeMethod } from './types.js';
import { countOf } from './figures.js';

/** A finite run as declared (workload.benchmark): how many requests, and how their lengths spread. */
export interface BenchmarkSpec {
  /** requests the run sends in all */
  requests: number;
  /** lengths are uniform in [ratio x longest, longest] around the workload's mean; 1 = fixed */
  inputRangeRatio: number;
  outputRangeRatio: number;
}

export interface Layout {
  tp: number;
  pp: number;
  dp: number;
  cp: number;
  ep: number;
  etp: number;
  microbatches: number;
  layersPerStage: number[] | null;
  /** tp * pp * dp * cp */
  worldSize: number;
  /** expert data parallelism: (tp * dp * cp) / (ep * etp); fractional when the regrouping is invalid */
  edp: number;
  /** parallelism.dense_tp, shared_expert_tp, lm_head_tp as the plan states them (SGLang's placement; memory.ts, denseSplit) */
  denseTp?: number;
  sharedExpertTp?: number;
  lmHeadTp?: number;
}

export interface Efficiency {
  compute: number;
  memory: number;
  network: number;
}

export interface Hardware {
  gpus: number | undefined;
  gpusPerNode: number;
  memory: number | undefined;
  peak16: number | undefined;
  peakFp8: number | undefined;
  peakFp4: number | undefined;
  /** dense int8 peak (W8A8); undefined when the plan does not give it */
  peakInt8: number | undefined;
  memoryBandwidth: number | undefined;
  intraBandwidth: number | undefined;
  interBandwidth: number | undefined;
  intraLatency: number;
  interLatency: number;
  kernelLatency: number;
  /** host seconds per kernel launched without CUDA graphs */
  launchLatency: number;
  /** host launches an MLA layer adds to an eager pass (the engine's MLA prompt path); 0 when absent */
  mlaEagerExtraKernels?: number;
  /** query heads per rank the engine's sparse-attention prompt kernel pads to (0: none; engines.ts) */
  sparsePrefillHeadPad?: number;
  /**
   * the engine: where it keeps the dense MLP, shared experts and LM head under attention DP (engines.ts,
   * densePlacement) and whose copy of MLA's kv_b_proj a decode pass reads (memory.ts, mlaAbsorbedBytes);
   * absent: kept whole per rank, kv_b_proj read at the checkpoint's bytes
   */
  engine?: Engine;
  /** serving overhead before a request's first token, seconds (estimates only) */
  requestOverhead: number;
  /** host seconds per scheduler step not overlapped with the GPU (estimates only) */
  stepOverhead: number;
  /** share of the compute efficiency that attention kernels reach (calibrated; 1 = the same) */
  attentionEfficiency: number;
  /** share of the compute efficiency that grouped expert GEMMs reach (calibrated; 1 = the same) */
  expertEfficiency: number;
  efficiency: Efficiency;
  /** what the engines' defaults and reservations depend on; null when hardware.memory is not given */
  device: DeviceFacts | null;
}

export interface Speculative {
  method: SpeculativeMethod;
  /** proposed tokens per step */
  tokens: number;
  /** mean tokens emitted per verification step (bonus token included) */
  acceptance: number;
}

export interface Workload {
  /** how the engine schedules and launches passes (deployment.engine, default vllm) */
  profile: EngineProfile;
  /** closed loop: requests in flight; open loop: the cap on requests in flight (undefined: none) */
  concurrency: number | undefined;
  /** open loop: requests per second at the whole deployment */
  requestRate: number | undefined;
  arrival: 'poisson' | 'constant' | 'gamma';
  burstiness: number;
  /** the engine's cap on running sequences per replica: the plan's max_running_sequences / dp, else the engine's default */
  maxRunningCap: number;
  /** the scheduler reads new requests every this many steps */
  recvInterval: number;
  /** TensorRT-LLM attention-DP balance: steps a decoding rank may hold new prompts (0: off) */
  dpBalanceTimeout: number;
  /**
   * TensorRT-LLM batch waiting (one attention rank): steps new prompts may wait while decodes run, the token
   * share that ends it, and the tokens its check counts per decoding sequence (1 + draft tokens); null: off
   */
  batchWait: { timeoutSteps: number; tokenRatio: number; tokensPerDecode: number } | null;
  inputTokens: number | undefined;
  outputTokens: number | undefined;
  maxInputTokens: number | undefined;
  maxOutputTokens: number | undefined;
  /** the engine whose memory accounting and defaults apply (deployment.engine; vLLM's when not given) */
  engine: Engine;
  /** the engine's memory flag in its own meaning (workload.memory_fraction, else 1 - memory_reserve, else its default) */
  memoryFraction: number;
  /**
   * whether the flag is known as it runs: the plan states it (memory_fraction or memory_reserve), or the
   * engine command the plan imports gives none (memoryFractionDefaultAt); else the default stands in
   */
  memoryFractionGiven: boolean;
  /** where the imported engine command that gives no memory flag is (file:line): its default is what runs; null otherwise */
  memoryFractionDefaultAt: string | null;
  /** 1 - memoryFraction: the share of each device (vLLM, SGLang) or of its free memory (TensorRT-LLM) the KV pool leaves */
  reserve: number;
  prefixHitRate: number;
  speculative: Speculative | null;
  maxBatchedTokens: number;
  /** sequences whose logits the engine's profiling pass samples (vLLM's max_num_seqs per replica) */
  profiledSequences: number;
  /** the plan's workload.runtime_overhead, which replaces the engine's context, buffers and graphs; null: the engine's */
  runtimeOverhead: number | null;
  /** the engine's cap on sequences running at once in the whole deployment; null when none is given */
  maxRunningSequences: number | null;
  /** workload.kv_cache_tokens: the KV pool in tokens per replica (a cap; vLLM's block override: exact); null when not given */
  kvCacheTokens: number | null;
  /** workload.kv_cache_memory: the KV pool in bytes per device (vLLM: exact; TensorRT-LLM, SGLang: a cap); null when not given */
  kvCacheMemory: number | null;
  /** decode replays CUDA graphs (else its kernels are launched from the host like prefill's) */
  cudaGraphs: boolean;
  /** a finite closed-loop run to simulate, when the plan declares one */
  benchmark: BenchmarkSpec | null;
}

export interface Resolved {
  layout: Layout;
  hardware: Hardware;
  workload: Workload;
  assumptions: Assumption[];
}

/** The plan's keys for SGLang's placement of the dense MLPs, shared experts and LM head (memory.ts, denseSplit). */
export const DENSE_PLACEMENT_KEYS = ['dense_tp', 'shared_expert_tp', 'lm_head_tp'] as const;

/**
 * What to tell a reader about an SGLang placement key of a MoE model: nothing where SGLang builds the
 * part so; that it changes nothing where the model has no such part; that SGLang builds no such split
 * where the value is neither 1 (or, for the LM head, the attention TP group) nor the whole group
 * (server_args.py accepts --moe-dense-tp-size 1 or tp; DeepEP and Mooncake keep shared experts
 * whole; --enable-dp-lm-head splits the LM head over the attention TP group). The estimate still
 * follows the stated split: it divides the group (plan/dense-placement.ts).
 */
export function sglangPlacementNote(
  key: (typeof DENSE_PLACEMENT_KEYS)[number],
  value: number,
  moe: NonNullable<Plan['model']['moe']>,
  layout: Layout,
): string | undefined {
  if (key === 'dense_tp' && !(moe.dense_layers ?? 0) && moe.interleaved !== true)
    return 'changes nothing: the model has no dense MLP layers (model.moe.dense_layers 0)';
  if (key === 'shared_expert_tp' && !(moe.shared_experts ?? 0)) return 'changes nothing: the model has no shared experts (model.moe.shared_experts 0)';
  const group = denseGroup({ isMoe: true }, layout, 'sglang');
  const built = key === 'lm_head_tp' ? [layout.tp, group] : [1, group];
  if (built.includes(value)) return undefined;
  return `${value} as stated, a split SGLang does not build: it splits the ${key === 'dense_tp' ? 'dense MLPs' : key === 'shared_expert_tp' ? 'shared experts' : 'LM head'} over ${built[0]} or all ${group} ranks`;
}

/** The plan's parallelism with the contract's defaults. */
export function resolveLayout(p: ParallelismSpec): Layout {
  const tp = p.tp ?? 1;
  const pp = p.pp ?? 1;
  const dp = p.dp ?? 1;
  const cp = p.cp ?? 1;
  const ep = p.ep ?? 1;
  // Contract: etp defaults to tp when ep is 1 (experts sharded like dense layers), else 1.
  const etp = p.etp ?? (ep === 1 ? tp : 1);
  return {
    tp,
    pp,
    dp,
    cp,
    ep,
    etp,
    microbatches: p.microbatches ?? pp,
    layersPerStage: p.layers_per_stage ?? null,
    worldSize: tp * pp * dp * cp,
    edp: (tp * dp * cp) / (ep * etp),
    ...(p.dense_tp !== undefined ? { denseTp: p.dense_tp } : {}),
    ...(p.shared_expert_tp !== undefined ? { sharedExpertTp: p.shared_expert_tp } : {}),
    ...(p.lm_head_tp !== undefined ? { lmHeadTp: p.lm_head_tp } : {}),
  };
}

/**
 * `memoryDefaultAt`: where an imported engine command that gives no memory flag is (LoadedPlan.defaulted):
 * the engine's default is then what runs, and read as stated.
 */
export function resolvePlan(plan: Plan, origins: Record<string, string>, memoryDefaultAt?: string): Resolved {
  const assumptions: Assumption[] = [];
  const assume = (name: string, value: string, source = 'default'): void => {
    assumptions.push({ name, value, source });
  };

  const p = plan.parallelism;
  const layout = resolveLayout(p);
  const { tp, pp, dp, ep, etp, microbatches } = layout;
  if (p.etp === undefined && plan.model.moe !== undefined) assume('parallelism.etp', String(etp));
  if (p.microbatches === undefined && pp > 1) assume('parallelism.microbatches', `${microbatches} (= pp)`);

  const h = plan.hardware;
  const engine: Engine = plan.deployment?.engine ?? 'vllm';
  const engineId = engine;
  const profile = engineProfile(engine);
  if (plan.deployment?.engine === undefined) assume('deployment.engine', 'vllm (its scheduler and memory accounting)');
  // SGLang's placement keys: honoured where that engine places the parts so (memory.ts, denseSplit)
  for (const key of DENSE_PLACEMENT_KEYS) {
    if (p[key] === undefined) continue;
    if (profile.densePlacement !== 'sglang')
      assume(
        `parallelism.${key}`,
        `ignored: SGLang's placement, and the engine is ${engine} (${engine === 'vllm' ? 'vLLM' : 'TensorRT-LLM'} splits the dense MLPs, shared experts and LM head over tp, whole on every attention-DP rank)`,
        'plan',
      );
    else if (plan.model.moe === undefined)
      assume(
        `parallelism.${key}`,
        "ignored for a dense model: the tool follows SGLang's placement of a MoE model's parts only (models/deepseek_v2.py); a dense model's are split over tp",
        'plan',
      );
    else {
      const why = sglangPlacementNote(key, p[key], plan.model.moe, layout);
      if (why !== undefined) assume(`parallelism.${key}`, why, 'plan');
    }
  }
  // TensorRT-LLM's attention DP runs attention at TP 1 on every rank (enable_attention_dp): dp > 1 with
  // tp > 1 is replicas, each its own server.
  const trtAttentionDp = engine === 'trtllm' && dp > 1 && tp === 1;
  // TensorRT-LLM's attention-DP balance holds prompts across attention-DP ranks: no other engine has it, one rank has no one to wait for.
  const balanceSteps = plan.workload.attention_dp_balance_timeout_steps;
  if (balanceSteps !== undefined && !trtAttentionDp)
    assume(
      'workload.attention_dp_balance_timeout_steps',
      `ignored: ${engine !== 'trtllm' ? `TensorRT-LLM's attention-DP balance, and the engine is ${engine}` : dp === 1 ? 'one attention-DP rank (dp = 1)' : `no attention DP: dp ${dp} with tp ${tp} is ${dp} replicas (TensorRT-LLM's attention DP runs attention at tp 1)`}`,
      'plan',
    );
  else if (balanceSteps !== undefined)
    assume(
      'workload.attention_dp_balance_timeout_steps',
      `${countOf(balanceSteps, 'step')}: a decoding rank holds new prompts until all ${dp} attention-DP ranks have one, at most ${countOf(balanceSteps, 'step')} (TensorRT-LLM attention_dp_config.enable_balance); TTFT under load includes the hold (none for a closed loop of equal requests: its ranks run in lockstep, all with a prompt when one has)`,
      'plan',
    );
  // TensorRT-LLM's batch waiting runs only without attention DP (its scheduler skips it there).
  const waitSteps = plan.workload.batch_wait_timeout_steps;
  const waitRatio = plan.workload.batch_wait_max_tokens_ratio;
  const waitDeclared = waitSteps !== undefined || waitRatio !== undefined;
  const waitApplies = engine === 'trtllm' && !trtAttentionDp && (waitSteps ?? 0) > 0 && (waitRatio ?? 0) > 0;
  if (waitDeclared && !waitApplies)
    assume(
      'workload.batch_wait_timeout_steps',
      `ignored: ${engine !== 'trtllm' ? `TensorRT-LLM's batch waiting, and the engine is ${engine}` : trtAttentionDp ? `TensorRT-LLM waits for batches only without attention DP (dp ${dp} at tp 1 here)` : 'TensorRT-LLM waits only with both a timeout and a token ratio above 0 (each defaults to 0, and either at 0 ends every wait at once)'}`,
      'plan',
    );
  else if (waitDeclared)
    assume(
      'workload.batch_wait_timeout_steps',
      `${countOf(waitSteps ?? 0, 'step')}, token ratio ${waitRatio}: while sequences decode, new prompts wait until the prompt tokens a pass would take plus the decoding sequences (1 + draft tokens each) reach ${waitRatio} x max_batched_tokens, or the wait has lasted ${countOf(waitSteps ?? 0, 'step')} (TensorRT-LLM batch_wait_timeout_iters / batch_wait_max_tokens_ratio); TTFT under load includes the wait`,
      'plan',
    );
  const family = hardwareFamily(h.preset, h.name);
  const cal = engineCalibration(engineId, family);
  const calibrated = `calibrated: ${engineId} on ${family}`;
  const eff: Efficiency = {
    compute: h.efficiency?.compute ?? cal.compute ?? DEFAULT_EFFICIENCY.compute,
    memory: h.efficiency?.memory ?? cal.memory ?? DEFAULT_EFFICIENCY.memory,
    network: h.efficiency?.network ?? DEFAULT_EFFICIENCY.network,
  };
  for (const k of ['compute', 'memory', 'network'] as const) {
    const path = `hardware.efficiency.${k}`;
    const own = h.efficiency?.[k] !== undefined;
    const fromCal = !own && k !== 'network' && cal[k] !== undefined;
    assume(path, String(eff[k]), own ? (origins[path] ?? 'plan') : fromCal ? calibrated : 'default');
  }
  const gpusPerNode = h.gpus_per_node ?? Math.min(8, h.gpus ?? 8);
  if (h.gpus_per_node === undefined) assume('hardware.gpus_per_node', String(gpusPerNode));
  const hardware: Hardware = {
    gpus: h.gpus,
    gpusPerNode,
    memory: h.memory,
    peak16: h.peak_tflops,
    peakFp8: h.peak_tflops_fp8,
    peakFp4: h.peak_tflops_fp4,
    peakInt8: h.peak_tflops_int8,
    memoryBandwidth: h.memory_bandwidth,
    intraBandwidth: h.intra_node_bandwidth,
    interBandwidth: h.inter_node_bandwidth,
    intraLatency: h.intra_node_latency ?? DEFAULT_INTRA_NODE_LATENCY_S,
    interLatency: h.inter_node_latency ?? DEFAULT_INTER_NODE_LATENCY_S,
    kernelLatency: h.kernel_latency ?? cal.kernelLatency ?? DEFAULT_KERNEL_LATENCY_S,
    launchLatency: h.launch_latency ?? cal.launchLatency ?? profile.launchLatency,
    mlaEagerExtraKernels: profile.mlaEagerExtraKernels,
    sparsePrefillHeadPad: profile.sparsePrefillHeadPad[family] ?? 0,
    engine,
    requestOverhead: cal.requestOverhead ?? profile.requestOverhead,
    stepOverhead: cal.stepOverhead ?? profile.stepOverhead,
    attentionEfficiency: cal.attentionEfficiency ?? 1,
    expertEfficiency: cal.expertEfficiency ?? 1,
    efficiency: eff,
    device:
      h.memory === undefined
        ? null
        : {
            capacity: h.memory,
            name: (h.name ?? h.preset ?? '').toLowerCase(),
            switchedFabric: (h.intra_node_bandwidth ?? 0) >= SWITCHED_FABRIC_BYTES_PER_S,
            fp4Math: h.peak_tflops_fp4 !== undefined,
          },
  };
  if (h.intra_node_latency === undefined) assume('hardware.intra_node_latency', `${DEFAULT_INTRA_NODE_LATENCY_S * 1e6} µs per collective`);
  assume(
    'request overhead',
    `${(cal.requestOverhead ?? profile.requestOverhead) * 1000} ms per request before its first token (HTTP, tokenisation, scheduling; ${engineId}; estimates only)`,
  );
  if (h.kernel_latency === undefined) assume('hardware.kernel_latency', `${DEFAULT_KERNEL_LATENCY_S * 1e6} µs per kernel (estimates only)`);
  if (h.launch_latency === undefined)
    assume(
      'hardware.launch_latency',
      `${(cal.launchLatency ?? profile.launchLatency) * 1e6} µs host time per kernel of an eager pass (${engineId}: passes its CUDA graphs do not cover); an eager pass takes max(GPU time, launches)`,
    );
  if (h.inter_node_latency === undefined) assume('hardware.inter_node_latency', `${DEFAULT_INTER_NODE_LATENCY_S * 1e6} µs per collective`);

  const w = plan.workload;
  const label = ENGINE_LABEL[engine];
  // SGLang's DP attention (--tp N --dp D --enable-dp-attention; experts spanning the DP ranks) sizes its
  // defaults at its own tp_size, N = tp x dp, and splits its chunked_prefill_size over the D ranks
  // (server_args: chunked_prefill_size //= dp_size): the plan's budget is one rank's pass.
  const sglangDpAttention = engine === 'sglang' && dp > 1 && plan.model.moe !== undefined && ep * etp > tp;
  // Its default fraction also reserves for DP attention's graphs and for a speculative draft (server_args).
  const engineDefaultsAt = engineDefaults(engine, hardware.device, sglangDpAttention ? tp * dp : tp, pp, {
    dpAttention: sglangDpAttention ? dp : 1,
    speculative: w.speculative === undefined ? null : (w.speculative.method ?? 'draft'),
  });
  const defaults = sglangDpAttention
    ? {
        ...engineDefaultsAt,
        maxBatchedTokens: Math.max(1, Math.floor(engineDefaultsAt.maxBatchedTokens / dp)),
        source: `${engineDefaultsAt.source}, split over ${dp} DP-attention ranks`,
      }
    : engineDefaultsAt;
  const flag = ENGINE_MEMORY_FLAG[engine];
  let memoryFraction: number;
  // vLLM sizes no pool from its flag when the plan fixes it (--kv-cache-memory-bytes, --num-gpu-blocks-override).
  const poolFixed = engine === 'vllm' && (w.kv_cache_tokens !== undefined || w.kv_cache_memory !== undefined);
  // the imported command's default counts only where the flag sizes the pool and the plan states none, and
  // only where its value is known: SGLang's is computed, by a rule its releases change (0.4's table gave
  // tp 1 0.88 on any device, above sglangDefaults' 0.845 on a 24 GiB one), so ours may be below what runs
  const defaultKnown = engine !== 'sglang';
  const defaultAt = w.memory_fraction === undefined && w.memory_reserve === undefined && !poolFixed && defaultKnown ? (memoryDefaultAt ?? null) : null;
  if (w.memory_fraction !== undefined) memoryFraction = w.memory_fraction;
  else if (w.memory_reserve !== undefined) memoryFraction = 1 - w.memory_reserve;
  else {
    memoryFraction = defaults.memoryFraction;
    if (poolFixed)
      assume(
        'workload.memory_fraction',
        `not used: ${label} allocates the KV pool workload.${w.kv_cache_tokens !== undefined ? 'kv_cache_tokens' : 'kv_cache_memory'} fixes`,
        'method',
      );
    else {
      // SGLang's default also reserves for DP attention's graphs and a speculative draft: say which applied
      const reserves = [sglangDpAttention ? `DP attention over ${dp} ranks` : '', w.speculative !== undefined ? 'the speculative draft' : ''].filter(Boolean);
      const sglangBasis = ` for this device and tp${reserves.length > 0 ? `, less its reserve for ${reserves.join(' and ')}` : ''}`;
      const command = defaultAt !== null ? `: ${defaultAt} runs ${label} without the flag` : '';
      assume('workload.memory_fraction', `${memoryFraction} (${label}'s ${flag} default${engine === 'sglang' ? sglangBasis : ''}${command})`);
    }
  }
  const reserve = 1 - memoryFraction;
  // Without an engine the chunk stays the project's default (vLLM's on a >= 70 GiB GPU); with one, its own default for the device.
  const chunkDefault = plan.deployment?.engine === undefined ? DEFAULT_MAX_BATCHED_TOKENS : defaults.maxBatchedTokens;
  const maxBatchedTokens = w.max_batched_tokens ?? chunkDefault;
  if (w.max_batched_tokens === undefined)
    assume('workload.max_batched_tokens', `${maxBatchedTokens}${plan.deployment?.engine === undefined ? '' : ` (${defaults.source})`}`);
  const maxRunningSequences = w.max_running_sequences ?? null;
  // The engine's own cap on running requests per replica: vLLM max_num_seqs (its device default),
  // SGLang none below its KV pool, TensorRT-LLM max_batch_size 2048.
  // vLLM clamps its default max_num_seqs to max_num_batched_tokens (arg_utils._set_default_max_num_seqs_and_batched_tokens_args).
  const vllmSeqs = Math.min(defaults.profiledSequences, maxBatchedTokens);
  const engineCap = engine === 'vllm' ? vllmSeqs : profile.defaultMaxRunning;
  const maxRunningCap = maxRunningSequences !== null ? Math.max(1, Math.floor(maxRunningSequences / dp)) : engineCap;
  // vLLM's profiling pass samples max_num_seqs sequences: the plan's cap per replica, else the device default.
  const profiledSequences = engine === 'vllm' ? (maxRunningSequences !== null ? Math.max(1, Math.ceil(maxRunningSequences / dp)) : vllmSeqs) : 0;
  const runtimeOverhead = w.runtime_overhead ?? null;
  if (w.runtime_overhead === undefined) {
    assume(
      'workload.runtime_overhead',
      `${label}'s: ${engine === 'vllm' ? '0.25 GiB outside PyTorch' : '0.6 GiB of CUDA context'} + communication buffers when devices talk (about 1.8 GiB + 0.03 GiB per rank on NVLink-switch fabrics)` +
        (engine === 'vllm' ? '' : ' + 1 GiB of CUDA graphs'),
    );
  }
  let speculative: Speculative | null = null;
  if (w.speculative !== undefined) {
    const tokens = w.speculative.tokens ?? 1;
    speculative = {
      method: w.speculative.method ?? 'draft',
      tokens,
      acceptance: w.speculative.acceptance_length ?? 1,
    };
    if (w.speculative.acceptance_length === undefined) assume('workload.speculative.acceptance_length', '1 (no token accepted beyond the verified one)');
    // An EAGLE head or a draft model is a second model the plan does not describe (MTP modules are the checkpoint's own).
    if (speculative.method === 'eagle' || speculative.method === 'draft')
      assume(
        'workload.speculative.method',
        `${speculative.method}: the ${speculative.method === 'eagle' ? 'EAGLE head' : 'draft model'}'s own weights and KV cache are not counted (the plan does not describe it): the KV pool reads that much too large`,
        'method',
      );
  }
  // A burstiness other than 1 asks for gamma gaps, as vLLM's benchmark reads --burstiness alone.
  const arrival = w.arrival ?? (w.burstiness !== undefined && w.burstiness !== 1 ? 'gamma' : 'poisson');
  if (w.arrival === undefined && arrival === 'gamma') assume('workload.arrival', `gamma (burstiness ${w.burstiness} is a gamma shape)`);
  // an open loop's arrivals shape its queue as much as its rate: the default is said, as a closed loop's lockstep is
  else if (w.arrival === undefined && w.request_rate !== undefined)
    assume(
      'workload.arrival',
      `poisson (independent arrivals at ${w.request_rate} requests/s on average${w.benchmark ? '' : ', every request of the stated lengths'})`,
    );
  // burstiness beside an arrival that is not gamma: check workload.burstiness warns (plan-checks.ts)
  if (w.request_rate === undefined && (w.arrival !== undefined || w.burstiness !== undefined))
    assume('workload.arrival', "not used: a closed loop's clients each send when their last request ends (request_rate makes an open loop)", 'method');
  // vLLM captures CUDA graphs up to max_cudagraph_capture_size tokens: a decode step of b sequences
  // is b x (1 + speculative tokens) of them, and a small max_num_seqs captures fewer.
  // workload.cuda_graph_max_batch counts sequences in every engine (SGLang's cuda_graph_max_bs and
  // TensorRT-LLM's cuda_graph_config.max_batch_size count requests; vLLM's capture size counts tokens,
  // so its capture is that many sequences x (1 + k), at most max_num_batched_tokens as vLLM clamps it).
  const graphCap = w.cuda_graph_max_batch;
  let graphProfile = profile;
  if (engine === 'vllm') {
    const q = speculative ? speculative.tokens + 1 : 1;
    const capture =
      graphCap !== undefined ? Math.max(1, Math.min(graphCap * q, maxBatchedTokens)) : vllmCudaGraphCaptureSize(profiledSequences, q, maxBatchedTokens);
    graphProfile = { ...profile, prefillGraphMaxTokens: capture, decodeGraphMaxBatch: Math.max(1, Math.floor(capture / q)) };
  } else if (graphCap !== undefined) graphProfile = { ...profile, decodeGraphMaxBatch: graphCap };
  if (graphCap !== undefined) {
    const path = 'workload.cuda_graph_max_batch';
    if (w.cuda_graphs === false) assume(path, `not used: workload.cuda_graphs is false (every pass launches eagerly)`, origins[path] ?? 'plan');
    else
      assume(
        path,
        `${graphProfile.decodeGraphMaxBatch} sequences per replica replay a CUDA graph; a larger decode batch launches eagerly (estimates only)` +
          (engine === 'vllm' ? `; vLLM captures up to ${graphProfile.prefillGraphMaxTokens} tokens, mixed passes included` : ''),
        origins[path] ?? 'plan',
      );
  }
  const workload: Workload = {
    profile: graphProfile,
    concurrency: w.concurrency,
    requestRate: w.request_rate,
    arrival,
    burstiness: arrival === 'gamma' ? (w.burstiness ?? 1) : 1,
    maxRunningCap,
    recvInterval: w.scheduler_recv_interval ?? 1,
    dpBalanceTimeout: trtAttentionDp ? (balanceSteps ?? 0) : 0,
    batchWait: waitApplies ? { timeoutSteps: waitSteps ?? 0, tokenRatio: waitRatio ?? 0, tokensPerDecode: 1 + (speculative?.tokens ?? 0) } : null,
    inputTokens: w.input_tokens,
    outputTokens: w.output_tokens,
    maxInputTokens: w.max_input_tokens ?? w.input_tokens,
    maxOutputTokens: w.max_output_tokens ?? w.output_tokens,
    engine,
    memoryFraction,
    memoryFractionGiven: w.memory_fraction !== undefined || w.memory_reserve !== undefined || defaultAt !== null,
    memoryFractionDefaultAt: defaultAt,
    reserve,
    prefixHitRate: w.prefix_cache_hit_rate ?? 0,
    speculative,
    maxBatchedTokens,
    profiledSequences,
    runtimeOverhead,
    maxRunningSequences,
    kvCacheTokens: w.kv_cache_tokens ?? null,
    kvCacheMemory: w.kv_cache_memory ?? null,
    cudaGraphs: w.cuda_graphs ?? true,
    benchmark:
      w.benchmark === undefined
        ? null
        : {
            requests: w.benchmark.requests ?? Math.max(1, w.concurrency ?? 1),
            inputRangeRatio: w.benchmark.input_range_ratio ?? 1,
            outputRangeRatio: w.benchmark.output_range_ratio ?? 1,
          },
  };
  if (w.benchmark !== undefined) {
    if (w.benchmark.requests === undefined) assume('workload.benchmark.requests', 'concurrency (one wave)');
    // how the run sends its requests: a closed loop's clients all at once, an open loop's at its rate
    const cap = w.concurrency !== undefined ? `, at most workload.concurrency (${w.concurrency}) in flight` : '';
    const sent =
      w.request_rate === undefined
        ? 'all of concurrency sent at once, prefill before decode in chunks of max_batched_tokens'
        : `its ${workload.benchmark!.requests} requests arrive at workload.request_rate from an idle engine${cap}`;
    assume('benchmark run', `simulated step by step: ${sent}; TTFT, TPOT and throughput are the run's means (steady state in details)`, 'method');
  }
  return { layout, hardware, workload, assumptions };
}
