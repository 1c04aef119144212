// The field table of plan files (format v1): ONE source for validation (validate.ts)
// and for the JSON Schema (planJsonSchema below, committed as schema/plan.schema.json).
// Ranges are what a plan can mean, not what is typical: a value outside is a typo.
import { DTYPES } from '../core/types.js';
import { type Dimension, DIMENSIONS, quantityPattern } from './units.js';

interface Described {
  description: string;
}

export interface SectionField extends Described {
  kind: 'section';
  fields: Readonly<Record<string, Field>>;
  /** other names for fields of this section: alias -> canonical field name */
  aliases?: Readonly<Record<string, string>>;
  /**
   * serving-tool keys that are NOT accepted because they mean something else here: the key the
   * plan wants instead (a field of this section) and why. An error names both.
   */
  hints?: Readonly<Record<string, KeyHint>>;
}

export interface KeyHint {
  /** the field to write instead, in this section */
  use: string;
  /** how the tool's key differs from ours, as a predicate of the key ("is the engine's cap ...") */
  why: string;
}

export interface IntField extends Described {
  kind: 'int';
  min: number;
  max: number;
  /** accepts "10B", "671B", "1e10" strings (parameter counts) */
  suffixes?: boolean;
}

export interface RealField extends Described {
  kind: 'real';
  min: number;
  max: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
}

export interface QuantityField extends Described {
  kind: 'quantity';
  dimension: Exclude<Dimension, 'count'>;
  /** range in base units */
  min: number;
  max: number;
  minExclusive?: boolean;
  /** when the key itself names a unit (peak_tflops), a plain number is in this unit */
  numberUnit?: string;
  /** whether B_<unit> keys are accepted (false for keys that already name a unit) */
  variants: boolean;
}

export interface EnumField extends Described {
  kind: 'enum';
  /** spelling (lower case) -> canonical value */
  values: Readonly<Record<string, string>>;
}

export interface StringField extends Described {
  kind: 'string';
  maxLength: number;
  /** also accepts a list of 1 to maxItems such strings (deployment.from); loaded as a list */
  list?: { maxItems: number };
}

export interface BooleanField extends Described {
  kind: 'boolean';
}

export interface IntListField extends Described {
  kind: 'intList';
  min: number;
  max: number;
  maxItems: number;
}

export interface ConstField extends Described {
  kind: 'const';
  value: number;
  /** other spellings read as `value` */
  also?: readonly number[];
}

export type Field = SectionField | IntField | RealField | QuantityField | EnumField | StringField | BooleanField | IntListField | ConstField;

/** Key suffixes that put a unit in the key, by dimension: memory_gib: 64, ttft_ms: 200. */
export const UNIT_KEY_SUFFIXES: Readonly<Record<Exclude<Dimension, 'count'>, Readonly<Record<string, string>>>> = {
  bytes: {
    bytes: 'B',
    kb: 'KB',
    mb: 'MB',
    gb: 'GB',
    tb: 'TB',
    kib: 'KiB',
    mib: 'MiB',
    gib: 'GiB',
    tib: 'TiB',
  },
  // Keys are lower case, so gbps here means gigaBYTES per second (memory_bandwidth_gbps: 3350);
  // for bits write a string ("400 Gb/s") or use _gbit_per_s.
  byteRate: {
    bytes_per_s: 'B/s',
    mbps: 'MB/s',
    gbps: 'GB/s',
    tbps: 'TB/s',
    gb_per_s: 'GB/s',
    tb_per_s: 'TB/s',
    gbit_per_s: 'Gb/s',
    tbit_per_s: 'Tb/s',
  },
  flops: { flops: 'FLOPS', gflops: 'GFLOPS', tflops: 'TFLOPS', pflops: 'PFLOPS' },
  time: { s: 's', ms: 'ms', us: 'us', min: 'min' },
  tokenRate: { tokens_per_s: 'tokens/s', tokens_per_ms: 'tokens/ms', tokens_per_min: 'tokens/min' },
  requestRate: { per_s: '/s', per_min: '/min' },
  power: { w: 'W', watts: 'W', kw: 'kW' },
};

const section = (description: string, fields: Record<string, Field>, aliases?: Record<string, string>, hints?: Record<string, KeyHint>): SectionField => ({
  kind: 'section',
  description,
  fields,
  ...(aliases ? { aliases } : {}),
  ...(hints ? { hints } : {}),
});

// Serving tools' spellings (vLLM / SGLang engine arguments, Megatron): accepted as aliases where
// the tool's key means exactly ours, refused with a hint where it means something else.
const PARALLEL_SIZE_ALIASES: Record<string, string> = {
  tensor_parallel_size: 'tp',
  tp_size: 'tp',
  pipeline_parallel_size: 'pp',
  pp_size: 'pp',
  data_parallel_size: 'dp',
  dp_size: 'dp',
  expert_parallel_size: 'ep',
  ep_size: 'ep',
  context_parallel_size: 'cp',
  cp_size: 'cp',
  // SGLang's own name for the dense MLP's TP size (server_args.py), which it accepts as 1 or its whole tp_size
  moe_dense_tp_size: 'dense_tp',
};
// The engine's cap counts one engine (vLLM: one per data-parallel rank); the plan's cap counts the
// whole deployment, and neither is the load the clients put on it.
const ENGINE_CAP_HINT: KeyHint = {
  use: 'max_running_sequences',
  why: "is one engine's cap on sequences running at once: max_running_sequences is the whole deployment's (e.g. vLLM max_num_seqs x dp), and the load the clients keep in flight is concurrency (for a benchmark at --max-concurrency N, concurrency: N)",
};
const MAX_CONTEXT_HINT: KeyHint = {
  use: 'max_input_tokens',
  why: 'is the longest context, prompt and output together: give max_input_tokens and max_output_tokens, whose sum it is (e.g. 8192 = 7168 + 1024)',
};
// The engines' memory flags share one key, read in the meaning of deployment.engine (docs/formulas.md,
// "Memory as each engine counts it"): accepting a flag under its own name would still read it as vLLM's
// when the plan names no engine, so each is refused with the engine to name.
const memoryFlagHint = (engine: string, meaning: string, engineKey: string): KeyHint => ({
  use: 'memory_fraction',
  why:
    engineKey === 'vllm'
      ? `is ${engine}'s memory flag (${meaning}): memory_fraction takes it as written, read in the meaning of deployment.engine (vllm, the default)`
      : `is ${engine}'s memory flag (${meaning}): memory_fraction takes it as written with deployment.engine: ${engineKey}; without it memory_fraction is read as vLLM's share of the whole device`,
});
const VLLM_MEMORY_HINT = memoryFlagHint('vLLM', 'the share of the whole device the engine may use', 'vllm');
const SGLANG_MEMORY_HINT = memoryFlagHint('SGLang', 'weights and KV pool as a share of the memory free after initialisation', 'sglang');
const TRTLLM_MEMORY_HINT = memoryFlagHint('TensorRT-LLM', "kv_cache_config's share of the memory free after its warm-up that the KV cache takes", 'trtllm');
const WORKLOAD_HINTS: Record<string, KeyHint> = {
  num_gpu_blocks_override: {
    use: 'kv_cache_tokens',
    why: "counts vLLM's KV blocks: kv_cache_tokens is the tokens they hold, blocks x block size (16 tokens by default)",
  },
  max_num_seqs: ENGINE_CAP_HINT,
  max_running_requests: ENGINE_CAP_HINT,
  max_batch_size: ENGINE_CAP_HINT,
  max_model_len: MAX_CONTEXT_HINT,
  context_length: MAX_CONTEXT_HINT,
  max_seq_len: MAX_CONTEXT_HINT,
  gpu_memory_utilization: VLLM_MEMORY_HINT,
  mem_fraction_static: SGLANG_MEMORY_HINT,
  free_gpu_memory_fraction: TRTLLM_MEMORY_HINT,
  kv_cache_free_gpu_memory_fraction: TRTLLM_MEMORY_HINT,
  // vLLM's max_num_batched_tokens means ours exactly and is an alias; these two differ or read as a context length
  chunked_prefill_size: {
    use: 'max_batched_tokens',
    why: "is SGLang's prefill chunk of one engine: max_batched_tokens is one attention rank's pass, the same figure unless --enable-dp-attention splits the chunk over the dp ranks (then chunked_prefill_size / dp)",
  },
  max_num_tokens: {
    use: 'max_batched_tokens',
    why: "is TensorRT-LLM's cap on the tokens one pass holds (prompt chunks and decoding sequences): the plan calls it max_batched_tokens, as max_num_tokens would read as a context length beside max_input_tokens and max_output_tokens",
  },
};
// Bare names of a parallelism are no key of ours (the engines write *_size); vLLM's expert-parallel
// switch is no degree at all.
const degreeHint = (use: string, kind: string, accepted: string): KeyHint => ({
  use,
  why: `names the parallelism, not a key: the ${kind} degree is ${use} (the engines' ${accepted} are accepted too)`,
});
const PARALLELISM_HINTS: Record<string, KeyHint> = {
  tensor_parallel: degreeHint('tp', 'tensor-parallel', 'tensor_parallel_size and tp_size'),
  pipeline_parallel: degreeHint('pp', 'pipeline-parallel', 'pipeline_parallel_size and pp_size'),
  data_parallel: degreeHint('dp', 'data-parallel', 'data_parallel_size and dp_size'),
  expert_parallel: degreeHint('ep', 'expert-parallel', 'expert_parallel_size and ep_size'),
  context_parallel: degreeHint('cp', 'context-parallel', 'context_parallel_size and cp_size'),
  enable_expert_parallel: {
    use: 'ep',
    why: "is vLLM's switch, not a degree: with it vLLM spreads the experts over every device of an instance, so write ep as tp x dp (etp 1)",
  },
  enable_dp_lm_head: {
    use: 'lm_head_tp',
    why: "is SGLang's switch, not a degree: under DP attention it splits the LM head over the attention TP group instead of the whole tp group, so write lm_head_tp with the number tp has (1 for SGLang's --tp 8 --dp 8 --enable-dp-attention)",
  },
  enable_dp_attention: {
    use: 'dp',
    why: "is SGLang's switch, not a degree: SGLang's --tp N --dp D --enable-dp-attention runs attention at tp N / D on each of D ranks, so write tp: N / D and dp: D (tp: 1, dp: 8 for --tp 8 --dp 8)",
  },
  moe_a2a_backend: {
    use: 'shared_expert_tp',
    why: "is SGLang's all-to-all backend, not a degree: deepep or mooncake keep the shared experts whole on every rank, so write shared_expert_tp: 1",
  },
  enable_deepep_moe: {
    use: 'shared_expert_tp',
    why: "is SGLang's older DeepEP switch, not a degree: DeepEP keeps the shared experts whole on every rank, so write shared_expert_tp: 1",
  },
};
const HARDWARE_HINTS: Record<string, KeyHint> = {
  num_gpus: {
    use: 'gpus',
    why: "often counts one worker's or one node's devices (Ray, manifests); gpus is the whole deployment's, every node and replica together",
  },
  gpu_count: { use: 'gpus', why: "often counts one node's devices; gpus is the whole deployment's, every node and replica together" },
};
/** Lowest open-loop arrival rate accepted, requests/s (workload.request_rate). */
export const MIN_REQUEST_RATE = 1e-6;
const int = (description: string, min: number, max: number, suffixes = false): IntField =>
  suffixes ? { kind: 'int', description, min, max, suffixes } : { kind: 'int', description, min, max };
const fraction = (description: string, opts: { minExclusive?: boolean; maxExclusive?: boolean } = {}): RealField => ({
  kind: 'real',
  description,
  min: 0,
  max: 1,
  ...opts,
});
const str = (description: string, maxLength: number): StringField => ({ kind: 'string', description, maxLength });
const qty = (
  description: string,
  dimension: QuantityField['dimension'],
  min: number,
  max: number,
  opts: { minExclusive?: boolean; numberUnit?: string } = {},
): QuantityField => ({
  kind: 'quantity',
  description,
  dimension,
  min,
  max,
  minExclusive: opts.minExclusive ?? true,
  variants: opts.numberUnit === undefined,
  ...(opts.numberUnit ? { numberUnit: opts.numberUnit } : {}),
});
const enumOf = (description: string, values: Record<string, string>): EnumField => ({ kind: 'enum', description, values });

const DTYPE_SPELLINGS: Record<string, string> = {
  ...Object.fromEntries(DTYPES.map((d) => [d, d])),
  float32: 'fp32',
  float: 'fp32',
  bfloat16: 'bf16',
  float16: 'fp16',
  half: 'fp16',
  e4m3: 'fp8',
  fp8_e4m3: 'fp8',
  e5m2: 'fp8',
  fp8_e5m2: 'fp8',
  float8_e4m3fn: 'fp8',
  mxfp4: 'fp4',
  nvfp4: 'fp4',
};
const dtype = (description: string): EnumField => enumOf(`${description} (${DTYPES.join(' | ')})`, DTYPE_SPELLINGS);

const PiB = 1024 ** 5;
const BIG_COUNT = 2 ** 20; // 1,048,576
/** The most layers a plan states; hfConfig.ts walks no more (a config's 1e308 is refused once read). */
export const LAYERS_MAX = 100_000;
const WIDTH_MAX = 2 ** 24;
/** The largest token count a plan states (contexts, lengths, pools); a config's context stops there too (hfConfig.ts). */
export const TOKENS_MAX = 2 ** 32;
const DEGREE_MAX = 65536;

const parallelismSection = (description: string): SectionField =>
  section(
    description,
    {
      tp: int('Tensor parallel', 1, DEGREE_MAX),
      pp: int('Pipeline parallel (stages)', 1, DEGREE_MAX),
      dp: int('Data parallel replicas', 1, DEGREE_MAX),
      ep: int('Expert parallel', 1, DEGREE_MAX),
      etp: int('Expert tensor parallel', 1, DEGREE_MAX),
      cp: int('Context parallel', 1, DEGREE_MAX),
      microbatches: int('Microbatches in flight per pipeline; default pp', 1, DEGREE_MAX),
      layers_per_stage: { kind: 'intList', description: 'Explicit layer split over pipeline stages', min: 1, max: LAYERS_MAX, maxItems: DEGREE_MAX },
      // SGLang's placement of the parts outside attention and the routed experts (memory.ts, denseSplit)
      dense_tp: int(
        "Ranks that split each dense layer's MLP of a MoE model (SGLang --moe-dense-tp-size; 1 = whole on every rank); default the engine's (SGLang: its whole tp group); must divide it; SGLang only",
        1,
        DEGREE_MAX,
      ),
      shared_expert_tp: int(
        'Ranks that split the shared experts (SGLang keeps them whole, 1, under a DeepEP or Mooncake all-to-all); default and rule as dense_tp',
        1,
        DEGREE_MAX,
      ),
      lm_head_tp: int(
        'Ranks that split the LM head (SGLang --enable-dp-lm-head: the attention TP group, i.e. tp); default and rule as dense_tp',
        1,
        DEGREE_MAX,
      ),
    },
    PARALLEL_SIZE_ALIASES,
    PARALLELISM_HINTS,
  );

export const PLAN_SCHEMA: SectionField = section('A deployment plan, format version 1', {
  // The contract's "Version 1.1" part extends version-1 plans, so a plan written to it as 1.1 means 1.
  version: {
    kind: 'const',
    value: 1,
    also: [1.1],
    description: 'Plan format version: 1 (1.1, the contract revision that added load, engine memory, disaggregation, ranges and cost, reads as 1)',
  },
  name: str('Shown in the report; default: the file name without .plan.yaml', 200),
  description: str('Free text', 10_000),
  model: section('The model', {
    preset: str('A model preset id; explicit fields override it', 100),
    hf_config: str('A Hugging Face config.json, path relative to the plan', 1000),
    params: int('Total parameters (e.g. 10B, 671B, 1e10); derived from the shape when omitted', 1, 1e15, true),
    layers: int('Transformer layers', 1, LAYERS_MAX),
    hidden_size: int('Model (residual stream) width', 1, WIDTH_MAX),
    heads: int('Attention (query) heads', 1, DEGREE_MAX),
    kv_heads: int('Key/value heads; = heads for MHA', 1, DEGREE_MAX),
    head_dim: int('Per-head dimension; default hidden_size / heads', 1, DEGREE_MAX),
    ffn_hidden_size: int('Dense MLP width', 1, WIDTH_MAX),
    vocab_size: int('Vocabulary size', 1, 2 ** 27),
    tied_embeddings: { kind: 'boolean', description: 'Input embeddings and LM head share one matrix' },
    attention: enumOf('Attention kind (mha | gqa | mqa | mla)', { mha: 'mha', gqa: 'gqa', mqa: 'mqa', mla: 'mla' }),
    mlp: enumOf('MLP kind: gated (3 matrices, SwiGLU) or plain (2); default gated', { gated: 'gated', plain: 'plain' }),
    mla: section('Multi-head latent attention (attention: mla)', {
      kv_lora_rank: int('Compressed KV rank (DeepSeek-V3: 512)', 1, DEGREE_MAX),
      qk_rope_head_dim: int('Rotary part of each q/k head (DeepSeek-V3: 64)', 1, DEGREE_MAX),
      q_lora_rank: int('Compressed query rank (DeepSeek-V3: 1536); absent = full-rank q', 1, DEGREE_MAX),
      qk_nope_head_dim: int('Non-rotary part of each q/k head (DeepSeek-V3: 128)', 1, DEGREE_MAX),
      v_head_dim: int('Per-head value dim (DeepSeek-V3: 128)', 1, DEGREE_MAX),
    }),
    moe: section('Mixture of experts; omit for a dense model', {
      experts: int('Routed experts per MoE layer', 1, DEGREE_MAX),
      top_k: int('Routed experts per token', 1, DEGREE_MAX),
      shared_experts: int('Shared (always active) experts', 0, DEGREE_MAX),
      expert_ffn_hidden_size: int('Width of one expert MLP', 1, WIDTH_MAX),
      shared_expert_ffn_hidden_size: int('Width of one shared expert, when it differs', 1, WIDTH_MAX),
      dense_layers: int('Leading layers that are dense, not MoE', 0, LAYERS_MAX),
      redundant_experts: int('Extra replicas of busy experts (EPLB)', 0, DEGREE_MAX),
      interleaved: { kind: 'boolean', description: 'The dense layers alternate with MoE layers (Llama 4 Maverick) instead of leading' },
    }),
    sliding_window: int('Sliding-window size in tokens, for the layers that use one', 1, TOKENS_MAX),
    sliding_window_layers: int('How many layers use the sliding window', 0, LAYERS_MAX),
    sliding_window_kind: enumOf('How windowed layers attend: sliding (the last sliding_window tokens, default) or chunked (their aligned chunk: Llama 4)', {
      sliding: 'sliding',
      chunked: 'chunked',
    }),
    attention_output_gate: { kind: 'boolean', description: 'The q projection also yields a gate on the attention output (Qwen3-Next, Qwen3.5)' },
    linear_attention: section('Linear-attention layers of a hybrid model (Gated DeltaNet): a fixed-size state per sequence, no KV cache', {
      layers: int('Layers that use linear attention; the rest use full attention', 0, LAYERS_MAX),
      key_heads: int('Query/key heads (linear_num_key_heads)', 1, DEGREE_MAX),
      value_heads: int('Value heads (linear_num_value_heads), each with a key_head_dim x value_head_dim state', 1, DEGREE_MAX),
      key_head_dim: int('Key head dim (linear_key_head_dim)', 1, DEGREE_MAX),
      value_head_dim: int('Value head dim (linear_value_head_dim)', 1, DEGREE_MAX),
      conv_kernel: int('Causal convolution width (linear_conv_kernel_dim)', 1, DEGREE_MAX),
      state_dtype: dtype(
        "Recurrent state dtype (config.json mamba_ssm_dtype); default the engine's: fp32 under SGLang, the model's dtype (bf16) under vLLM and TensorRT-LLM",
      ),
    }),
    sparse_attention: section('Sparse-attention indexer (DeepSeek Sparse Attention: DeepSeek-V3.2, GLM-5)', {
      index_heads: int('Indexer heads (index_n_heads)', 1, DEGREE_MAX),
      index_head_dim: int('Indexer head dim (index_head_dim)', 1, DEGREE_MAX),
      index_topk: int('Tokens each query attends to (index_topk)', 1, TOKENS_MAX),
    }),
    mtp_layers: int('Multi-token-prediction modules the checkpoint ships; loaded only with speculative method mtp', 0, 64),
    quant_group_size: int('Weights sharing one scale in 4-bit formats; default 128 for int4, 32 for fp4 (NVFP4: 16)', 1, 65536),
    max_context: int(
      "Longest sequence (prompt + answer, tokens) the model serves: config.json's max_position_embeddings (RoPE scaling included); state it when the deployment extends the window (YaRN)",
      1,
      TOKENS_MAX,
    ),
    weight_dtype: dtype('Weight dtype'),
    kv_cache_dtype: dtype('KV cache dtype; default weight_dtype if 16-bit, else bf16'),
    weight_dtypes: section('Per-part weight dtypes for mixed-precision checkpoints; each defaults to weight_dtype', {
      attention: dtype('Attention weights'),
      mlp: dtype('Dense MLP weights'),
      experts: dtype('Expert weights'),
      embeddings: dtype('Embeddings and LM head'),
    }),
    vision: section("A multimodal checkpoint's vision tower (encoder and projector): weights the engine loads beside the text model", {
      params: int('Parameters of the encoder and its projector (e.g. 0.42B); config.json vision_config gives them', 1, 1e13, true),
      loaded: {
        kind: 'boolean',
        description:
          'Whether the engine loads the tower: default true; false for a text-only deployment (vLLM --limit-mm-per-prompt 0 for every modality, or --language-model-only)',
      },
    }),
    rope: section(
      "The rotary position embedding as config.json states it: engines build cos/sin tables of it on every rank (vLLM's weights include them), sized by these, not by the deployment's context",
      {
        max_position_embeddings: int('config.json max_position_embeddings, as stated (Llama 4 Scout: 10485760)', 1, TOKENS_MAX),
        scaling: str("rope_scaling's rope_type: default (none), linear, yarn, deepseek_yarn, llama3 are sized; another kind's tables are not counted", 32),
        factor: { kind: 'real', description: 'rope_scaling.factor', min: 0, max: 1e6, minExclusive: true },
        original_max_position_embeddings: int('rope_scaling.original_max_position_embeddings (YaRN stretches it by the factor)', 1, TOKENS_MAX),
        rotary_dim: int('Dims each head rotates: default head_dim (MLA: qk_rope_head_dim); partial_rotary_factor x head_dim', 1, DEGREE_MAX),
        local_table: {
          kind: 'boolean',
          description: "Whether sliding-window layers rotate with a table of their own, unscaled (Gemma 3's rope_local_base_freq)",
        },
      },
    ),
    unquantized_mlp_layers: {
      kind: 'intList',
      description:
        "Decoder layers (0-based) whose dense MLP the checkpoint leaves unquantized: 16-bit (weight_dtype when wider than 8 bits, else bf16) instead of weight_dtypes.mlp (config.json modules_to_not_convert; Meta's Llama-3.1-405B FP8: [0, 125])",
      min: 0,
      max: LAYERS_MAX - 1,
      maxItems: LAYERS_MAX,
    },
  }),
  hardware: section(
    'The accelerators',
    {
      preset: str('A hardware preset id; explicit fields override it', 100),
      name: str('Display name', 200),
      gpus: int('Total accelerators in the deployment', 1, BIG_COUNT),
      gpus_per_node: int('Accelerators per node', 1, 4096),
      memory: qty('Memory per accelerator', 'bytes', 0, PiB),
      peak_tflops: qty('Dense 16-bit peak, TFLOPS when a plain number', 'flops', 0, 1e18, { numberUnit: 'TFLOPS' }),
      peak_tflops_fp8: qty('Dense fp8 peak, TFLOPS when a plain number', 'flops', 0, 1e18, { numberUnit: 'TFLOPS' }),
      peak_tflops_fp4: qty('Dense fp4 peak, TFLOPS when a plain number', 'flops', 0, 1e18, { numberUnit: 'TFLOPS' }),
      peak_tflops_int8: qty('Dense int8 peak (TOPS), TFLOPS when a plain number', 'flops', 0, 1e18, { numberUnit: 'TFLOPS' }),
      memory_bandwidth: qty('HBM bandwidth per accelerator', 'byteRate', 0, 1e15),
      intra_node_bandwidth: qty('Per accelerator, one direction, inside a node (NVLink etc.)', 'byteRate', 0, 1e15),
      inter_node_bandwidth: qty('Per accelerator, one direction, across nodes (IB/RoCE)', 'byteRate', 0, 1e15),
      intra_node_latency: qty('Latency of one collective step inside a node', 'time', 0, 1, { minExclusive: false }),
      inter_node_latency: qty('Latency of one collective step across nodes', 'time', 0, 1, { minExclusive: false }),
      kernel_latency: qty('Fixed time of one small GPU kernel (estimates only; bounds omit it)', 'time', 0, 1, { minExclusive: false }),
      launch_latency: qty('Host time to launch one kernel without CUDA graphs (eager passes; estimates only)', 'time', 0, 1, { minExclusive: false }),
      efficiency: section('Achievable fraction of each peak', {
        compute: fraction('Of peak compute, (0, 1]', { minExclusive: true }),
        memory: fraction('Of memory bandwidth, (0, 1]', { minExclusive: true }),
        network: fraction('Of network bandwidth, (0, 1]', { minExclusive: true }),
      }),
      cost_per_hour: { kind: 'real', description: 'USD per accelerator-hour (e.g. 3.50); gives cost_per_million_tokens', min: 0, max: 1e6 },
      power: qty('Power per accelerator at load (e.g. "700 W"); presets carry the datasheet TDP; gives tokens_per_joule', 'power', 1, 1e6, {
        minExclusive: false,
      }),
    },
    undefined,
    HARDWARE_HINTS,
  ),
  parallelism: parallelismSection('The parallel layout (not with disaggregation: each pool has its own)'),
  workload: section(
    'What the deployment serves',
    {
      mode: enumOf('inference (v1)', { inference: 'inference' }),
      concurrency: int('Closed loop: requests the client keeps in flight; with request_rate, the cap on requests in flight', 1, 2 ** 24),
      // at least one request in 11.6 days: below that the arrivals lie so far apart that the simulated clock (a
      // double, in ms) has no room left for a prefill, and TTFT and TPOT read 0 ms, under their physical floors
      request_rate: qty(
        'Open loop: requests per second arriving at the deployment (alias qps), at least 0.000001; a plain number is per second',
        'requestRate',
        MIN_REQUEST_RATE,
        1e9,
        { numberUnit: '/s', minExclusive: false },
      ),
      arrival: enumOf('Arrival process of an open loop (poisson | constant | gamma); default poisson', {
        poisson: 'poisson',
        constant: 'constant',
        gamma: 'gamma',
      }),
      burstiness: {
        kind: 'real',
        description: 'Gamma shape of the arrival gaps (vLLM bench --burstiness): 1 = poisson, < 1 burstier, > 1 smoother',
        min: 0.01,
        max: 100,
      },
      input_tokens: int('Typical prompt length (alias isl)', 1, TOKENS_MAX),
      output_tokens: int('Typical generated length (alias osl)', 1, TOKENS_MAX),
      max_input_tokens: int('Longest prompt memory is sized for; default input_tokens', 1, TOKENS_MAX),
      max_output_tokens: int('Longest generation memory is sized for; default output_tokens', 1, TOKENS_MAX),
      memory_reserve: fraction("Fraction of each device kept free, [0, 1); 1 - memory_fraction in the engine's meaning", { maxExclusive: true }),
      memory_fraction: fraction(
        "The engine's memory flag, (0, 1]: vLLM gpu_memory_utilization, SGLang mem_fraction_static, TensorRT-LLM free_gpu_memory_fraction (per deployment.engine)",
        { minExclusive: true },
      ),
      max_running_sequences: int(
        "The engine's cap on sequences running at once, whole deployment (vLLM max_num_seqs x dp, SGLang max_running_requests, TRT-LLM max_batch_size)",
        1,
        2 ** 24,
      ),
      kv_cache_tokens: int(
        "The engine's KV-cache pool capped at this many tokens per replica: SGLang --max-total-tokens and TensorRT-LLM kv_cache_config.max_tokens take the smaller of this and what memory_fraction gives; vLLM --num-gpu-blocks-override (blocks x block size) allocates exactly this many",
        1,
        2 ** 40,
      ),
      kv_cache_memory: qty(
        "The engine's KV-cache pool in bytes per device: vLLM --kv-cache-memory-bytes allocates exactly this (memory_fraction is not used); TensorRT-LLM kv_cache_config.max_gpu_total_bytes takes the smaller of this and what memory_fraction gives",
        'bytes',
        0,
        PiB,
      ),
      prefix_cache_hit_rate: fraction('Fraction of input tokens served from a prefix cache, [0, 1]'),
      speculative: section('Speculative decoding', {
        method: enumOf('mtp | draft | ngram | eagle', { mtp: 'mtp', draft: 'draft', ngram: 'ngram', eagle: 'eagle' }),
        tokens: int('Proposed tokens per step', 1, 64),
        acceptance_length: { kind: 'real', description: 'Mean tokens accepted per verification step (at most tokens + 1)', min: 1, max: 65 },
      }),
      max_batched_tokens: int("Tokens one prefill chunk may hold (vLLM max_num_batched_tokens); default: the engine's for the device", 1, TOKENS_MAX),
      scheduler_recv_interval: int('The scheduler reads new requests every N steps (SGLang --scheduler-recv-interval); default 1', 1, 100_000),
      attention_dp_balance_timeout_steps: int(
        'TensorRT-LLM attention-DP balance (attention_dp_config.enable_balance, timeout_iters): a decoding rank holds new prompts until every attention-DP rank has one, at most N steps; default off',
        1,
        100_000,
      ),
      batch_wait_timeout_steps: int(
        'TensorRT-LLM batch waiting (batch_wait_timeout_iters): without attention DP, while sequences decode, new prompts wait until their tokens reach batch_wait_max_tokens_ratio x max_batched_tokens, at most N steps; default off',
        1,
        100_000,
      ),
      batch_wait_max_tokens_ratio: fraction(
        'TensorRT-LLM batch_wait_max_tokens_ratio: the share of max_batched_tokens (prompt tokens plus decoding sequences) that ends a batch wait; default 0, which ends every wait at once (set both keys above 0)',
      ),
      runtime_overhead: qty('Bytes per device for CUDA context, graphs and communication buffers', 'bytes', 0, PiB, { minExclusive: false }),
      cuda_graphs: {
        kind: 'boolean',
        description: 'Decode replays CUDA graphs (default true); false when the engine runs eagerly (--enforce-eager, --disable-cuda-graph)',
      },
      cuda_graph_max_batch: int(
        "Largest decode batch per replica (sequences, not tokens, also with speculative decoding) the engine replays from a captured CUDA graph; larger batches launch eagerly (estimates only). SGLang --cuda-graph-max-bs / max of --cuda-graph-bs, vLLM max_cudagraph_capture_size / (1 + speculative tokens), TensorRT-LLM cuda_graph_config.max_batch_size / max of batch_sizes; default the engine's",
        1,
        2 ** 24,
      ),
      benchmark: section('The figures come from a finite closed-loop run: simulate it (docs/formulas.md, "Benchmark runs")', {
        requests: int('Requests the run sends in all (num_prompts); concurrency of them in flight', 1, 1_000_000),
        input_range_ratio: fraction('Prompt lengths uniform in [ratio x longest, longest] around input_tokens; 1 = fixed (default)'),
        output_range_ratio: fraction('Output lengths likewise around output_tokens; 1 = fixed (default)'),
      }),
    },
    { isl: 'input_tokens', osl: 'output_tokens', qps: 'request_rate', max_num_batched_tokens: 'max_batched_tokens' },
    WORKLOAD_HINTS,
  ),
  requirements: section(
    'Targets, each checked against the estimate',
    {
      throughput: qty('Output tokens per second, whole deployment', 'tokenRate', 0, 1e12),
      ttft: qty('Time to first token', 'time', 0, 1e6),
      tpot: qty('Time per output token (alias itl)', 'time', 0, 1e6),
      ttft_p50: qty("Median time to first token under the plan's load", 'time', 0, 1e6),
      ttft_p90: qty('90th-percentile time to first token', 'time', 0, 1e6),
      ttft_p99: qty('99th-percentile time to first token', 'time', 0, 1e6),
      tpot_p50: qty('Median time per output token over requests', 'time', 0, 1e6),
      tpot_p90: qty('90th-percentile time per output token', 'time', 0, 1e6),
      tpot_p99: qty('99th-percentile time per output token', 'time', 0, 1e6),
      e2e_p99: qty('99th-percentile end-to-end request latency', 'time', 0, 1e7),
      request_rate: qty('Requests per second the deployment must serve with every latency requirement met (goodput)', 'requestRate', 0, 1e9, {
        numberUnit: '/s',
      }),
      max_memory_utilization: fraction('Fraction of device memory, (0, 1]', { minExclusive: true }),
      cost_per_million_tokens: {
        kind: 'real',
        description: "USD per million output tokens at the plan's load, whole deployment (needs hardware.cost_per_hour)",
        min: 0,
        max: 1e9,
        minExclusive: true,
      },
    },
    { itl: 'tpot', itl_p50: 'tpot_p50', itl_p90: 'tpot_p90', itl_p99: 'tpot_p99', qps: 'request_rate', tput: 'throughput' },
  ),
  claims: section(
    "What the plan's author states; each is checked",
    {
      memory_per_gpu: qty('Peak memory of the most loaded device', 'bytes', 0, PiB),
      weights_per_gpu: qty('Weights on the most loaded device', 'bytes', 0, PiB),
      kv_cache_per_gpu: qty('KV cache the engine allocates on the most loaded device (its pool)', 'bytes', 0, PiB, { minExclusive: false }),
      throughput: qty('Output tokens per second, whole deployment', 'tokenRate', 0, 1e12),
      ttft: qty('Time to first token', 'time', 0, 1e6),
      tpot: qty('Time per output token (alias itl)', 'time', 0, 1e6),
      compute_utilization: fraction('Fraction of peak compute, [0, 1]'),
      memory_utilization: fraction('Fraction of device memory, [0, 1]'),
      kv_cache_capacity_tokens: int('Tokens of KV cache one replica holds', 0, 2 ** 40),
    },
    { itl: 'tpot', tput: 'throughput' },
  ),
  disaggregation: section('Disaggregated prefill and decode: prompts on one pool of workers, decodes on another, KV caches moved between them', {
    prefill: section('The prefill pool', {
      workers: int('Prefill workers (instances); default 1', 1, BIG_COUNT),
      gpus: int('Devices per prefill worker; default the world size of its parallelism', 1, BIG_COUNT),
      parallelism: parallelismSection('The layout of one prefill worker (same keys as the top-level parallelism)'),
      max_batched_tokens: int(
        "Prompt tokens one prefill pass of one attention rank may hold; default the engine's budget for the device, at least the longest prompt",
        1,
        TOKENS_MAX,
      ),
      memory_fraction: fraction("The prefill workers' own engine memory flag, (0, 1] (workload.memory_fraction's meaning); default the workload's", {
        minExclusive: true,
      }),
    }),
    decode: section('The decode pool', {
      workers: int('Decode workers (instances); default 1', 1, BIG_COUNT),
      gpus: int('Devices per decode worker; default the world size of its parallelism', 1, BIG_COUNT),
      parallelism: parallelismSection('The layout of one decode worker (same keys as the top-level parallelism)'),
      max_running_sequences: int("The engine's cap on sequences one decode worker runs at once (its max batch, every attention rank together)", 1, 2 ** 24),
      memory_fraction: fraction("The decode workers' own engine memory flag, (0, 1] (workload.memory_fraction's meaning); default the workload's", {
        minExclusive: true,
      }),
    }),
    kv_transfer: section("How prompts' KV caches move from prefill to decode workers", {
      bandwidth: qty(
        'Per GPU, one direction; default intra_node_bandwidth when the deployment fits in one node, else inter_node_bandwidth',
        'byteRate',
        0,
        1e15,
      ),
      latency: qty('Fixed time of one transfer; default the matching link latency', 'time', 0, 10, { minExclusive: false }),
    }),
  }),
  deployment: section('Import facts from files where the deployment already lives (docs/importers.md); explicit plan fields override them', {
    from: {
      kind: 'string',
      description:
        'A file, or a list of files, relative to the plan: a rendered Kubernetes manifest, an engine command line or --config YAML, an aiconfigurator experiment or a Dynamo SLA; later files win',
      maxLength: 1000,
      list: { maxItems: 16 },
    },
    engine: enumOf('Serving engine (vllm | sglang | trtllm): its memory accounting and defaults, and how imported flags read; valid without from', {
      vllm: 'vllm',
      sglang: 'sglang',
      trtllm: 'trtllm',
      'tensorrt-llm': 'trtllm',
    }),
    container: str('Container, workload, Dynamo service or aiconfigurator worker to read when the file has several', 253),
  }),
});

/** How one written key maps onto the table. */
export interface KeyMeaning {
  /** canonical field name in its section */
  canonical: string;
  field: Field;
  /** unit named by the key (memory_gib), for quantity fields */
  keyUnit?: string;
  /** the key without its unit suffix (memory_gib -> memory, itl_ms -> itl) */
  keyBase?: string;
}

const sectionKeysCache = new WeakMap<SectionField, ReadonlyMap<string, KeyMeaning>>();

/** Every key a section accepts: canonical names, aliases and their B_<unit> variants (built once per section). */
export function sectionKeys(sec: SectionField): ReadonlyMap<string, KeyMeaning> {
  let cached = sectionKeysCache.get(sec);
  if (!cached) {
    cached = buildSectionKeys(sec);
    sectionKeysCache.set(sec, cached);
  }
  return cached;
}

function buildSectionKeys(sec: SectionField): Map<string, KeyMeaning> {
  const keys = new Map<string, KeyMeaning>();
  const names: [string, string][] = Object.keys(sec.fields).map((k) => [k, k]);
  for (const [alias, canonical] of Object.entries(sec.aliases ?? {})) names.push([alias, canonical]);
  for (const [written, canonical] of names) {
    const field = sec.fields[canonical];
    if (!field) continue;
    keys.set(written, { canonical, field });
    if (field.kind === 'quantity' && field.variants) {
      for (const [suffix, unit] of Object.entries(UNIT_KEY_SUFFIXES[field.dimension])) {
        keys.set(`${written}_${suffix}`, { canonical, field, keyUnit: unit, keyBase: written });
      }
    }
  }
  return keys;
}

// ---------------------------------------------------------------- JSON Schema

type JsonSchema = Record<string, unknown>;

function numberRange(min: number, max: number, minExclusive?: boolean, maxExclusive?: boolean): JsonSchema {
  return {
    ...(minExclusive ? { exclusiveMinimum: min } : { minimum: min }),
    ...(maxExclusive ? { exclusiveMaximum: max } : { maximum: max }),
  };
}

function unitFactor(dim: Dimension, symbol: string): number {
  const unit = DIMENSIONS[dim].units.find((u) => u.symbol === symbol);
  if (!unit) throw new Error(`schema table: unknown unit ${symbol}`);
  return unit.factor;
}

function fieldSchema(field: Field, keyUnit?: string): JsonSchema {
  const description = { description: field.description };
  switch (field.kind) {
    case 'section':
      // an empty section ("claims:" with its keys commented out) is null in YAML
      return { ...sectionSchema(field), type: ['object', 'null'] };
    case 'const':
      return field.also && field.also.length > 0 ? { ...description, enum: [field.value, ...field.also] } : { ...description, const: field.value };
    case 'string': {
      if (!field.list) return { ...description, type: 'string', maxLength: field.maxLength };
      const one = { type: 'string', minLength: 1, maxLength: field.maxLength };
      return { ...description, oneOf: [one, { type: 'array', minItems: 1, maxItems: field.list.maxItems, items: one }] };
    }
    case 'boolean':
      return { ...description, type: 'boolean' };
    case 'enum':
      return { ...description, type: 'string', enum: Object.keys(field.values) };
    case 'int': {
      const num = { type: 'integer', ...numberRange(field.min, field.max) };
      if (!field.suffixes) return { ...description, ...num };
      return { ...description, oneOf: [num, { type: 'string', pattern: quantityPattern('count') }] };
    }
    case 'real':
      return { ...description, type: 'number', ...numberRange(field.min, field.max, field.minExclusive, field.maxExclusive) };
    case 'intList':
      return {
        ...description,
        type: 'array',
        maxItems: field.maxItems,
        minItems: 1,
        items: { type: 'integer', ...numberRange(field.min, field.max) },
      };
    case 'quantity': {
      const asString = { type: 'string', pattern: quantityPattern(field.dimension) };
      const unit = keyUnit ?? field.numberUnit;
      if (keyUnit) {
        const factor = unitFactor(field.dimension, keyUnit);
        return {
          description: `${field.description}, in ${keyUnit}`,
          type: 'number',
          ...numberRange(field.min / factor, field.max / factor, field.minExclusive),
        };
      }
      if (unit) {
        const factor = unitFactor(field.dimension, unit);
        const num = { type: 'number', ...numberRange(field.min / factor, field.max / factor, field.minExclusive) };
        return { ...description, oneOf: [num, asString] };
      }
      return { description: `${field.description}; a string with a unit`, ...asString };
    }
  }
}

function sectionSchema(sec: SectionField): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [key, meaning] of sectionKeys(sec)) {
    const schema = fieldSchema(meaning.field, meaning.keyUnit);
    if (key !== meaning.canonical && !meaning.keyUnit) schema.description = `Alias of ${meaning.canonical}`;
    if (key !== meaning.canonical && meaning.keyUnit && meaning.field.kind === 'quantity') {
      schema.description = `${meaning.canonical} in ${meaning.keyUnit}`;
    }
    properties[key] = schema;
  }
  return { type: 'object', description: sec.description, properties, additionalProperties: false };
}

/** The JSON Schema (draft 2020-12) of plan files, generated from PLAN_SCHEMA. */
export function planJsonSchema(): JsonSchema {
  const root = sectionSchema(PLAN_SCHEMA);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'parallel-plan-check plan file, format version 1',
    ...root,
    required: ['version'],
    $comment:
      'Generated from src/plan/schema.ts; update with UPDATE_SCHEMA=1 npx vitest run __tests__/schema.test.ts. ' +
      'A key and its unit variant (memory and memory_gib), or a key and its alias (isl and input_tokens), may not both be given.',
  };
}
