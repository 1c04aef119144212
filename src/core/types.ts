// Shared types of the verification core. Field names follow the plan contract
// (../shared/plan-format.md): snake_case, the same names as in plan files, so a
// missing field can be named exactly as the user must write it.
//
// Every quantity is stored in SI base units once loaded:
//   bytes (memory), bytes/s (bandwidth), FLOP/s (compute), seconds (time),
//   tokens/s (token rates), plain counts and fractions.
// Where a contract key carries a unit in its name (peak_tflops), the value is
// still stored in the base unit (FLOP/s); the name is kept for the contract.

export type Dtype = 'fp32' | 'bf16' | 'fp16' | 'fp8' | 'int8' | 'int4' | 'fp4';
export const DTYPES: readonly Dtype[] = ['fp32', 'bf16', 'fp16', 'fp8', 'int8', 'int4', 'fp4'];

export type AttentionKind = 'mha' | 'gqa' | 'mqa' | 'mla';
export type MlpKind = 'gated' | 'plain';

export interface MlaSpec {
  kv_lora_rank?: number;
  qk_rope_head_dim?: number;
  /** extension: low-rank query compression (DeepSeek-V3: 1536); absent = full-rank q projection */
  q_lora_rank?: number;
  /** extension: per-head non-rotary q/k dim (DeepSeek-V3: 128) */
  qk_nope_head_dim?: number;
  /** extension: per-head value dim (DeepSeek-V3: 128) */
  v_head_dim?: number;
}

export interface MoeSpec {
  experts?: number;
  top_k?: number;
  shared_experts?: number;
  expert_ffn_hidden_size?: number;
  /** extension: width of one shared expert when it differs from expert_ffn_hidden_size */
  shared_expert_ffn_hidden_size?: number;
  dense_layers?: number;
  redundant_experts?: number;
  /** extension: the dense layers alternate with MoE layers (Llama 4 Maverick) instead of leading */
  interleaved?: boolean;
}

/**
 * extension: linear-attention layers of a hybrid model (Qwen3-Next / Qwen3.5 Gated DeltaNet). Each
 * keeps a fixed-size recurrent state per sequence instead of a KV cache that grows with context.
 */
export interface LinearAttentionSpec {
  /** how many of the layers use linear attention (the rest use full attention) */
  layers?: number;
  /** query/key heads (config.json linear_num_key_heads) */
  key_heads?: number;
  /** value heads (linear_num_value_heads); each keeps a key_head_dim x value_head_dim state */
  value_heads?: number;
  key_head_dim?: number;
  value_head_dim?: number;
  /** causal convolution width (linear_conv_kernel_dim); kernel - 1 past inputs are kept per sequence */
  conv_kernel?: number;
  /** dtype of the recurrent state (config.json mamba_ssm_dtype); default the engine's: fp32 under SGLang, the model's dtype (bf16) under vLLM and TensorRT-LLM */
  state_dtype?: Dtype;
}

/**
 * extension: a sparse-attention indexer (DeepSeek Sparse Attention: DeepSeek-V3.2, GLM-5). A light
 * indexer scores every cached token with its own keys (cached per token and layer); the main
 * attention then attends only the index_topk best.
 */
export interface SparseAttentionSpec {
  /** indexer heads (index_n_heads) */
  index_heads?: number;
  /** indexer head dim (index_head_dim) */
  index_head_dim?: number;
  /** tokens each query attends to (index_topk) */
  index_topk?: number;
}

/**
 * extension: the vision tower of a multimodal checkpoint (its encoder and the projector into the text
 * model's hidden size), which engines load beside the text model. Stored 16-bit: quantized checkpoints
 * leave it unquantized (vLLM builds Llama 4's tower without a quant_config).
 */
export interface VisionSpec {
  /** parameters of the encoder and its projector (count); config.json's vision_config gives them */
  params?: number;
  /**
   * whether the engine loads it: default true. A text-only deployment may skip it (vLLM: --limit-mm-per-prompt
   * 0 for every modality, or --language-model-only)
   */
  loaded?: boolean;
}

/**
 * extension: the rotary position embedding as config.json states it. Engines build cos/sin tables from it
 * when they load the model (vLLM's and SGLang's get_rope: one table per distinct rope, on every rank), whose
 * length is set by max_position_embeddings and the scaling, not by the deployment's context.
 */
export interface RopeSpec {
  /** config.json max_position_embeddings (as stated: Gemma 3's 131,072, Llama 4 Scout's 10,485,760) */
  max_position_embeddings?: number;
  /** rope_scaling's rope_type (or type): default (none), linear, dynamic, yarn, deepseek_yarn, llama3, longrope, ... */
  scaling?: string;
  /** rope_scaling.factor */
  factor?: number;
  /** rope_scaling.original_max_position_embeddings (YaRN stretches it by the factor) */
  original_max_position_embeddings?: number;
  /** dims each head rotates: default head_dim (MLA: qk_rope_head_dim); config.json partial_rotary_factor x head_dim */
  rotary_dim?: number;
  /** sliding-window layers rotate with a table of their own, unscaled (Gemma 3's rope_local_base_freq) */
  local_table?: boolean;
}

export interface WeightDtypes {
  attention?: Dtype;
  mlp?: Dtype;
  experts?: Dtype;
  embeddings?: Dtype;
}

export interface ModelSpec {
  preset?: string;
  hf_config?: string;
  /** total parameters (count) */
  params?: number;
  layers?: number;
  hidden_size?: number;
  heads?: number;
  kv_heads?: number;
  head_dim?: number;
  ffn_hidden_size?: number;
  vocab_size?: number;
  tied_embeddings?: boolean;
  attention?: AttentionKind;
  /** extension: gated (SwiGLU, 3 matrices) or plain (2 matrices); default gated */
  mlp?: MlpKind;
  mla?: MlaSpec;
  moe?: MoeSpec;
  /** extension: sliding-window size in tokens, for the layers that use one */
  sliding_window?: number;
  /** extension: how many of the layers use the sliding window (the rest keep full KV) */
  sliding_window_layers?: number;
  /**
   * extension: how the windowed layers attend: sliding (the last sliding_window tokens, default) or
   * chunked (tokens of the same aligned chunk of sliding_window tokens: Llama 4's attention_chunk_size)
   */
  sliding_window_kind?: 'sliding' | 'chunked';
  /** extension: the q projection also yields a sigmoid gate on the attention output (Qwen3-Next, Qwen3.5) */
  attention_output_gate?: boolean;
  /** extension: linear-attention layers of a hybrid model */
  linear_attention?: LinearAttentionSpec;
  /** extension: sparse-attention indexer (DeepSeek Sparse Attention) */
  sparse_attention?: SparseAttentionSpec;
  /**
   * extension: multi-token-prediction modules the checkpoint ships (num_nextn_predict_layers): each is
   * one more decoder layer, loaded and run only with speculative decoding method mtp
   */
  mtp_layers?: number;
  /**
   * extension: weights sharing one scale in 4-bit formats (int4 with 16-bit scales: GPTQ/AWQ 128, Kimi-K2.5 32;
   * fp4 with 8-bit scales: MXFP4 32, NVFP4 16); default 128 for int4, 32 for fp4
   */
  quant_group_size?: number;
  /**
   * extension: the longest sequence (prompt + answer, tokens) the model serves: config.json's
   * max_position_embeddings, stretched by a RoPE scaling that lengthens the window, as vLLM derives
   * its max_model_len ceiling; a deployment that extends it (YaRN) states the extended length
   */
  max_context?: number;
  weight_dtype?: Dtype;
  kv_cache_dtype?: Dtype;
  weight_dtypes?: WeightDtypes;
  /**
   * extension: decoder layers (0-based, as config.json module names number them) whose dense MLP the
   * checkpoint leaves unquantized: stored in weight_dtype when that is wider than 8 bits, else bf16,
   * instead of weight_dtypes.mlp. Meta's Llama-3.1-405B FP8 keeps layers 0 and 125 in bf16.
   */
  unquantized_mlp_layers?: number[];
  /** extension: the vision tower (encoder and projector) a multimodal checkpoint ships */
  vision?: VisionSpec;
  /** extension: the rotary position embedding (max_position_embeddings, rope_scaling), for the tables engines build from it */
  rope?: RopeSpec;
}

export interface EfficiencySpec {
  compute?: number;
  memory?: number;
  network?: number;
}

export interface HardwareSpec {
  preset?: string;
  /** extension: display name, from the preset */
  name?: string;
  gpus?: number;
  gpus_per_node?: number;
  /** bytes per accelerator */
  memory?: number;
  /** dense 16-bit peak, FLOP/s */
  peak_tflops?: number;
  /** extension: dense fp8 peak, FLOP/s (absent: the chip has no fp8 math; fp8 runs at the 16-bit peak) */
  peak_tflops_fp8?: number;
  /** extension: dense fp4 peak, FLOP/s */
  peak_tflops_fp4?: number;
  /** extension: dense int8 peak, OP/s (W8A8 math) */
  peak_tflops_int8?: number;
  /** bytes/s per accelerator */
  memory_bandwidth?: number;
  /** bytes/s per accelerator, one direction */
  intra_node_bandwidth?: number;
  /** bytes/s per accelerator, one direction */
  inter_node_bandwidth?: number;
  /** extension: latency of one collective step inside a node, seconds */
  intra_node_latency?: number;
  /** extension: latency of one collective step across nodes, seconds */
  inter_node_latency?: number;
  /** extension: fixed time of one small GPU kernel, seconds (estimates only) */
  kernel_latency?: number;
  /** extension: host time to launch one kernel without CUDA graphs, seconds (estimates only) */
  launch_latency?: number;
  efficiency?: EfficiencySpec;
  /** USD per accelerator-hour (contract 1.1, "Cost and energy") */
  cost_per_hour?: number;
  /** W per accelerator at load (contract 1.1); presets carry the datasheet TDP */
  power?: number;
}

export interface ParallelismSpec {
  tp?: number;
  pp?: number;
  dp?: number;
  ep?: number;
  etp?: number;
  cp?: number;
  microbatches?: number;
  layers_per_stage?: number[];
  /**
   * extension: ranks that split each dense layer's MLP of a MoE model (SGLang --moe-dense-tp-size);
   * default the engine's own (SGLang: its whole tp_size); honoured under SGLang only (memory.ts, denseSplit)
   */
  dense_tp?: number;
  /** extension: ranks that split the shared experts (SGLang: 1 under a DeepEP or Mooncake all-to-all); as dense_tp */
  shared_expert_tp?: number;
  /** extension: ranks that split the LM head (SGLang --enable-dp-lm-head: the attention TP group, tp); as dense_tp */
  lm_head_tp?: number;
}

export type SpeculativeMethod = 'mtp' | 'draft' | 'ngram' | 'eagle';

export interface SpeculativeSpec {
  method?: SpeculativeMethod;
  tokens?: number;
  acceptance_length?: number;
}

export type ArrivalProcessName = 'poisson' | 'constant' | 'gamma';

export interface WorkloadSpec {
  mode?: 'inference';
  /** closed loop: requests in flight; with request_rate: the cap on requests in flight */
  concurrency?: number;
  /** v1.1: open loop, requests per second */
  request_rate?: number;
  /** v1.1: arrival process of the open loop (default poisson) */
  arrival?: ArrivalProcessName;
  /** v1.1: gamma shape of arrival gaps (1 = poisson) */
  burstiness?: number;
  input_tokens?: number;
  output_tokens?: number;
  max_input_tokens?: number;
  max_output_tokens?: number;
  memory_reserve?: number;
  /**
   * the engine's memory flag, in the meaning of deployment.engine: vLLM gpu_memory_utilization (of the
   * device), SGLang mem_fraction_static (weights + KV pool, of the memory free after initialisation),
   * TensorRT-LLM free_gpu_memory_fraction (of the memory free after weights and the measured warm-up)
   */
  memory_fraction?: number;
  /** the engine's cap on sequences running at once in the whole deployment (vLLM max_num_seqs x dp, SGLang max_running_requests, TRT-LLM max_batch_size x schedulers) */
  max_running_sequences?: number;
  /**
   * extension: the engine's KV-cache pool capped at this many tokens per replica (SGLang --max-total-tokens,
   * TensorRT-LLM kv_cache_config.max_tokens: the smaller of this and the memory flag's pool; vLLM
   * --num-gpu-blocks-override x block size: exactly this)
   */
  kv_cache_tokens?: number;
  /**
   * extension: the engine's KV-cache pool in bytes per device (vLLM --kv-cache-memory-bytes: exactly this,
   * the memory flag unused; TensorRT-LLM kv_cache_config.max_gpu_total_bytes: the smaller of this and the flag's pool)
   */
  kv_cache_memory?: number;
  prefix_cache_hit_rate?: number;
  speculative?: SpeculativeSpec;
  /** extension: tokens one prefill chunk may hold (vLLM max_num_batched_tokens); sizes activations */
  max_batched_tokens?: number;
  /** extension: the scheduler reads new requests every N steps (SGLang --scheduler-recv-interval; default 1) */
  scheduler_recv_interval?: number;
  /**
   * extension: TensorRT-LLM's attention-DP balance (attention_dp_config.enable_balance, timeout_iters):
   * a decoding attention-DP rank holds new prompts until every rank has one, at most this many steps
   */
  attention_dp_balance_timeout_steps?: number;
  /**
   * extension: TensorRT-LLM's batch waiting (batch_wait_timeout_iters): without attention DP, while
   * sequences decode, new prompts wait until their tokens reach batch_wait_max_tokens_ratio of
   * max_num_tokens, at most this many steps
   */
  batch_wait_timeout_steps?: number;
  /** extension: TensorRT-LLM's batch_wait_max_tokens_ratio: the share of max_num_tokens that ends the wait */
  batch_wait_max_tokens_ratio?: number;
  /** extension: bytes per device for CUDA context, graphs and communication buffers */
  runtime_overhead?: number;
  /** extension: decode replays CUDA graphs (default true); false: every decode kernel is launched from the host */
  cuda_graphs?: boolean;
  /**
   * extension: the largest decode batch per replica, in sequences, replayed from a captured CUDA graph
   * (SGLang cuda_graph_max_bs, vLLM max_cudagraph_capture_size / (1 + k), TensorRT-LLM
   * cuda_graph_config.max_batch_size); larger batches launch eagerly. Default: the engine profile's
   */
  cuda_graph_max_batch?: number;
  /** extension: the figures to compare with come from a finite closed-loop benchmark run */
  benchmark?: BenchmarkRunSpec;
}

/** A finite closed-loop run (e.g. `bench_serving --num-prompts N --max-concurrency C`). */
export interface BenchmarkRunSpec {
  /** requests sent in all (num_prompts) */
  requests?: number;
  /** prompt lengths uniform in [ratio x longest, longest] with mean input_tokens; 1 (default) = fixed */
  input_range_ratio?: number;
  /** same for output lengths around output_tokens */
  output_range_ratio?: number;
}

export interface RequirementsSpec {
  /** output tokens/s, whole deployment */
  throughput?: number;
  /** seconds */
  ttft?: number;
  /** seconds */
  tpot?: number;
  /** fraction of device memory */
  max_memory_utilization?: number;
  /** USD per million output tokens at the plan's load, whole deployment (contract 1.1) */
  cost_per_million_tokens?: number;
  /** v1.1: percentiles over requests under the plan's load, seconds */
  ttft_p50?: number;
  ttft_p90?: number;
  ttft_p99?: number;
  tpot_p50?: number;
  tpot_p90?: number;
  tpot_p99?: number;
  e2e_p99?: number;
  /** v1.1: requests/s to serve with every latency requirement met (goodput) */
  request_rate?: number;
}

export interface ClaimsSpec {
  /** bytes */
  memory_per_gpu?: number;
  /** bytes */
  weights_per_gpu?: number;
  /** bytes */
  kv_cache_per_gpu?: number;
  /** output tokens/s */
  throughput?: number;
  /** seconds */
  ttft?: number;
  /** seconds */
  tpot?: number;
  /** fraction of peak compute */
  compute_utilization?: number;
  /** extension: fraction of device memory */
  memory_utilization?: number;
  /** extension: tokens of KV cache one replica holds */
  kv_cache_capacity_tokens?: number;
}

/** extension: where the plan imports facts from (docs/importers.md); explicit plan fields override them */
export interface DeploymentSpec {
  /** files relative to the plan: manifests, engine command lines or configs, aiconfigurator, Dynamo SLA */
  from?: string[];
  /** the serving engine: selects its scheduler, memory accounting and defaults, and how imported flags read (valid without `from`) */
  engine?: 'vllm' | 'sglang' | 'trtllm';
  /** container, workload, Dynamo service or aiconfigurator worker to read */
  container?: string;
}

/** v1.1: one pool of a disaggregated deployment (all its workers alike). */
export interface PoolSpec {
  /** instances of the pool; default 1 */
  workers?: number;
  /** devices per worker; default the world size of its parallelism */
  gpus?: number;
  /** the layout of one worker, same keys as the top-level parallelism */
  parallelism?: ParallelismSpec;
  /** prefill pool: tokens one prefill pass of one attention rank may hold; default the engine's budget, at least the longest prompt */
  max_batched_tokens?: number;
  /** decode pool: the engine's cap on sequences one worker runs at once (its max batch, all ranks) */
  max_running_sequences?: number;
  /** extension: the pool's own engine memory flag (workload.memory_fraction's meaning); default the workload's */
  memory_fraction?: number;
}

/** v1.1: how prompts' KV caches move from the prefill pool to the decode pool. */
export interface KvTransferSpec {
  /** bytes/s per GPU, one direction */
  bandwidth?: number;
  /** seconds per transfer */
  latency?: number;
}

/** v1.1: prompts run on one pool of workers, decodes on another (Dynamo, SGLang PD, TRT-LLM disaggregated, llm-d). */
export interface DisaggregationSpec {
  prefill: PoolSpec;
  decode: PoolSpec;
  kv_transfer?: KvTransferSpec;
}

export interface Plan {
  version: 1;
  name: string;
  description?: string;
  model: ModelSpec;
  hardware: HardwareSpec;
  parallelism: ParallelismSpec;
  workload: WorkloadSpec;
  requirements: RequirementsSpec;
  claims: ClaimsSpec;
  /** extension: the files the plan imported facts from */
  deployment?: DeploymentSpec;
  /** v1.1: prefill and decode on separate pools; the top-level parallelism is then empty */
  disaggregation?: DisaggregationSpec;
}

/** Where one error or check points: a dotted key path (claims.throughput) and a 1-based line. */
export interface PlanError {
  message: string;
  path?: string;
  line?: number;
}

/** A plan that loaded and validated, with the line of every key it set. */
export interface LoadedPlan {
  file: string;
  plan: Plan;
  /** dotted canonical path (aliases resolved) -> 1-based line in the plan file */
  lines: Record<string, number>;
  /** dotted canonical path -> where a value came from when not the plan itself (preset:h100-sxm, config.json:12) */
  origins: Record<string, string>;
  /** extension: things worth saying that do not stop the plan loading (e.g. hf_config keys it could not use) */
  warnings?: PlanError[];
  /**
   * extension: layout keys a deployment the plan imports names but could not be read ($TP unset),
   * dotted path -> why: the figures that depend on them are unverified, not computed at a default
   */
  unread?: Record<string, string>;
  /**
   * extension: memory flags (workload.memory_fraction, disaggregation.<pool>.memory_fraction) that the
   * engine command a plan imports, read whole, does not give, and nothing else does -> the command's
   * file:line: the engine's default is what runs, read as if stated
   */
  defaulted?: Record<string, string>;
}

/** A failed load keeps the plan's `name:` when the file parsed and gives a valid one, for the report to name it by. */
export type LoadResult = { ok: true; loaded: LoadedPlan } | { ok: false; errors: PlanError[]; name?: string };

/**
 * Reads a file that a plan refers to (model.hf_config), by the path written in the
 * plan, relative to the plan's folder. The caller enforces that it stays inside the
 * repository; the core never touches the file system.
 */
export type ReadReference = (planFile: string, ref: string) => { text: string } | { error: string };

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'unverified';
export type Verdict = 'pass' | 'warn' | 'fail' | 'error';

export interface Check {
  /** stable dotted id: layout.world_size, memory.fits, claims.throughput, ... */
  id: string;
  status: CheckStatus;
  title: string;
  /** the figure checked (the claim, the requirement's estimate, ...), in `unit` */
  value?: number | null;
  /** what it was checked against (bound, estimate, capacity), in `unit` */
  limit?: number | null;
  unit?: string;
  detail: string;
  /** the plan key this check is about */
  path?: string;
  line?: number;
  /** plan keys whose absence made this check unverified */
  missing?: string[];
  /** extension, requirement and claim checks: whether `limit` is the estimate or the physical bound */
  basis?: 'estimate' | 'bound';
}

/** The contract's metrics; null where the plan does not give enough to compute one. */
export interface Metrics {
  world_size: number | null;
  weights_per_gpu_gib: number | null;
  kv_cache_per_gpu_gib: number | null;
  activations_per_gpu_gib: number | null;
  memory_per_gpu_gib: number | null;
  ttft_ms: number | null;
  tpot_ms: number | null;
  decode_step_ms: number | null;
  throughput_tokens_per_s: number | null;
  throughput_upper_bound_tokens_per_s: number | null;
  kv_cache_capacity_tokens: number | null;
  /** extensions (documented in docs/formulas.md) */
  [extra: string]: number | null;
}

/** Memory of one kind of device (one pipeline stage's most loaded rank). */
export interface DeviceMemory {
  /** pipeline stage, 0-based */
  stage: number;
  /** layers held by this stage */
  layers: number;
  weights_gib: number | null;
  kv_cache_gib: number | null;
  activations_gib: number | null;
  overhead_gib: number | null;
  total_gib: number | null;
  /** lower bound of total from the facts given (weights floor) */
  total_floor_gib: number;
  capacity_gib: number | null;
  /** what the engine may use on this device: weights, activations, overhead and its KV pool */
  usable_gib: number | null;
  /** extension: the KV pool the engine allocates on this device */
  kv_pool_gib?: number | null;
  /** extension, MLA models: the part of weights_gib that is the engine's copy of kv_b_proj for the absorbed decode (absent when it keeps none) */
  mla_decode_copy_gib?: number | null;
  /** extension: the part of weights_gib that is the engine's rotary cos/sin tables (absent where none is modelled) */
  rotary_tables_gib?: number | null;
}

export interface TimeFigure {
  /** estimate at the plan's efficiencies, null when not computable */
  estimate: number | null;
  /** physical bound: every efficiency at 1 (a floor for times, a ceiling for rates), null when not computable */
  bound: number | null;
  unit: string;
}

export interface Assumption {
  name: string;
  value: string;
  /** where the figure comes from: default, preset, plan */
  source: string;
}

/** v1.1: one pool of a disaggregated deployment, for reports. */
export interface PoolDetails {
  workers: number;
  gpus_per_worker: number;
  /** workers x gpus_per_worker */
  gpus: number;
  /** one worker's layout, e.g. "tp=4 dp=2 ep=8" */
  layout: string;
  /** memory per pipeline stage of one worker */
  devices: DeviceMemory[];
  /** busy fraction of the pool under the plan's load; null when the load was not simulated */
  utilization: number | null;
  /** tokens of KV cache one worker holds */
  kv_cache_capacity_tokens: number | null;
  /** prefill: prompt tokens one pass of one attention rank may hold */
  max_batched_tokens?: number;
  /** decode: sequences one worker runs at once (KV cache and engine cap) */
  max_running_sequences?: number | null;
}

/** v1.1: the pools of a disaggregated deployment side by side, and the KV transfer between them. */
export interface DisaggregationDetails {
  prefill: PoolDetails;
  decode: PoolDetails;
  /**
   * extension: what decode_step_ms is computed at: 'concurrency', the decode pool alone at the plan's
   * sequences in flight (the contract's reading); 'load', the mean of the steps its workers ran under an
   * open loop that states no batch; null where there is no step
   */
  decode_step_at?: 'concurrency' | 'load' | null;
  kv_transfer: {
    /** bytes/s per GPU the estimate uses (null: not given) */
    bandwidth_gb_per_s: number | null;
    /** GB/s the estimate is computed at: links at once x bandwidth x network efficiency (null: not computable) */
    effective_gb_per_s: number | null;
    latency_ms: number;
    /** where the bandwidth comes from */
    link: string;
    /** cache of a prompt of the mean length, MiB */
    bytes_per_prompt_mib: number | null;
    /** one transfer on an idle link, its mean under the load (link queueing included), its floor */
    estimate_ms: number | null;
    mean_ms: number | null;
    lower_bound_ms: number | null;
  };
}

export interface PlanDetails {
  devices: DeviceMemory[];
  /** v1.1: both pools of a disaggregated plan (then `devices` lists the decode pool's) */
  disaggregation?: DisaggregationDetails;
  times: {
    ttft_ms: TimeFigure;
    tpot_ms: TimeFigure;
    decode_step_ms: TimeFigure;
    throughput_tokens_per_s: TimeFigure;
    /** what limits the decode step: memory, compute or communication */
    decode_bound_by: 'memory' | 'compute' | 'communication' | null;
    pipeline_bubble_fraction: number | null;
    /** extension: the plan's load as simulated (closed or open loop), when it states one */
    load?: LoadRunDetails;
  };
  assumptions: Assumption[];
  /**
   * extension: present where windowed layers keep only their window of each sequence (the engine frees
   * the rest): kv_cache_capacity_tokens then counts a token in every attention layer, as the engine
   * logs it, and a sequence of c tokens takes fewer than c of them
   */
  kv_cache_window?: { window_tokens: number; windowed_layers: number; kind: 'sliding' | 'chunked'; padding_layers?: number };
  /**
   * extension: an aggregated plan's data-parallel ranks (dp), present above 1: each rank has a KV cache of
   * its own, and kv_cache_capacity_tokens is one rank's (as memory.fits and memory.kv_capacity word it)
   */
  data_parallel_ranks?: number;
  /** the accelerators as the plan resolved them, for one-line summaries ("4 x 64 GB at 1.8 TB/s") */
  hardware?: HardwareSummary;
  /** dotted plan key -> where its value came from when not the plan file (preset:h100-sxm, serve.sh:12) */
  origins?: Record<string, string>;
}

export interface HardwareSummary {
  name: string | null;
  gpus: number | null;
  /** bytes per accelerator, as the plan or preset gives it */
  memory_bytes: number | null;
  /** bytes/s per accelerator */
  memory_bandwidth_bytes_per_s: number | null;
  /** dense 16-bit peak, FLOP/s per accelerator */
  peak_flops: number | null;
}

/** The simulated load of one replica (docs/formulas.md, "Serving under load"). */
export interface LoadRunDetails {
  kind: 'closed' | 'open';
  requests_per_replica: number;
  measured_per_replica: number;
  wall_time_s: number;
  scheduler_steps: number;
  mean_decode_batch: number;
  peak_running_sequences: number;
  busy_fraction: number;
  served_requests_per_s: number;
  /** an open loop whose arrivals outrun the deployment: queues grow */
  saturated: boolean;
  /** the simulation reached its work cap before every measured request finished */
  truncated: boolean;
}

export interface PlanReport {
  file: string;
  name: string;
  verdict: Verdict;
  checks: Check[];
  metrics: Metrics | null;
  errors: PlanError[];
  /** extension: breakdowns behind the metrics, for reports */
  details?: PlanDetails;
  /**
   * v1.1 "How sure": [low, high] of every estimated time and rate (and KV capacity), at
   * metrics.range_coverage; written out as metrics.ranges in the JSON (report/json.ts)
   */
  ranges?: Record<string, [number, number]>;
}

export interface Report {
  version: 1;
  verdict: Verdict;
  plans: PlanReport[];
}
