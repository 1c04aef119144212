// Reads a Hugging Face config.json into the plan contract's model fields.
// Pure: the text of the file in, the fields, the line each came from and
// warnings out. Keys we do not map are ignored (config.json holds many).
//
// Families covered: Llama, Mistral/Mixtral, Qwen2/Qwen3 (dense and MoE),
// DeepSeek-V2/V3/R1 (MLA), gpt-oss, and multimodal configs that nest the text
// model under `text_config`.
import type { AttentionKind, Dtype, ModelSpec, MlpKind } from '../core/types.js';
import { chargeWork } from '../core/work-budget.js';
import { findJsonSyntaxError, jsonKeyLines, lineColumn } from './syntax-errors.js';

export interface HfConfigResult {
  spec: ModelSpec;
  /** model field path ('model.heads') -> 1-based line in config.json */
  lines: Record<string, number>;
  warnings: string[];
}

type Json = Record<string, unknown>;

/** Parses config.json text; `{ error }` (with the line) when it is not a JSON object. */
export function parseHfConfig(text: string): HfConfigResult | { error: string } {
  chargeWork(2 * text.length); // JSON.parse, then the yaml parser for the lines of keys
  const parsed = parseJson(text);
  if ('error' in parsed) return parsed;
  if (!isObject(parsed.value)) return { error: 'config.json: the top level is not a JSON object' };
  const root = parsed.value;
  const locate = keyLocator(text);

  // Multimodal configs keep the language model under text_config; the dtype and
  // quantization may sit at the top level only.
  const nested = isObject(root.text_config);
  const model: Json = nested ? (root.text_config as Json) : root;
  const prefix: string[] = nested ? ['text_config'] : [];
  const reader = new FieldReader(model, prefix, locate);
  return new ConfigMapper(root, reader, locate).map();
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
    this.warnings.push(`config.json: ${this.name(key)} is ${JSON.stringify(value)}, not a count; ignored`);
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
  'llama', 'mistral', 'mixtral', 'qwen2', 'qwen2_moe', 'qwen3', 'qwen3_moe', 'deepseek_v2', 'deepseek_v3',
  'gpt_oss', 'gemma', 'gemma2', 'gemma3', 'gemma3_text', 'phi3', 'olmo', 'olmo2', 'granite', 'granitemoe',
  'cohere', 'internlm2', 'yi', 'baichuan', 'glm', 'glm4', 'glm4_moe', 'minimax', 'ernie4_5', 'ernie4_5_moe',
  'kimi_k2', 'dots1', 'llama4', 'llama4_text', 'mistral3', 'exaone', 'smollm3', 'hunyuan_v1_dense',
]);
const PLAIN_MODEL_TYPES = new Set(['gpt2', 'gpt_neox', 'gptj', 'opt', 'falcon', 'bloom', 'phi', 'starcoder2', 'gpt_bigcode']);

// model_type values whose config.json keys this reader was written and tested against;
// for any other, what it reads is likely right but is flagged for the user to check.
const CHECKED_MODEL_TYPES = new Set([
  'llama', 'mistral', 'mixtral', 'qwen2', 'qwen2_moe', 'qwen3', 'qwen3_moe', 'deepseek_v2', 'deepseek_v3',
  'gpt_oss', 'gemma2', 'gemma3', 'gemma3_text',
]);
// Gemma configs leave tie_word_embeddings out: their config classes default it to true.
const TIED_BY_DEFAULT_MODEL_TYPES = new Set(['gemma', 'gemma2', 'gemma3', 'gemma3_text']);

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
    this.readSlidingWindow();
    this.readDtypes();
    return { spec: this.spec, lines: this.model.lines, warnings: this.model.warnings };
  }

  /** Sets model field `field` (dotted under model.) from config key `key` when present and valid. */
  private take(field: keyof ModelSpec, key: string, value: number | boolean | undefined): void {
    if (value === undefined) return;
    (this.spec as Record<string, unknown>)[field] = value;
    this.model.mark(field, key);
  }

  private readShape(): void {
    const m = this.model;
    this.take('layers', 'num_hidden_layers', m.count('num_hidden_layers'));
    this.take('hidden_size', 'hidden_size', m.count('hidden_size'));
    this.take('heads', 'num_attention_heads', m.count('num_attention_heads'));
    const kvHeads = m.count('num_key_value_heads');
    if (kvHeads !== undefined) this.take('kv_heads', 'num_key_value_heads', kvHeads);
    else if (this.spec.heads !== undefined) this.take('kv_heads', 'num_attention_heads', this.spec.heads);
    this.take('head_dim', 'head_dim', m.count('head_dim'));
    this.take('vocab_size', 'vocab_size', m.count('vocab_size'));
    const modelType = this.modelType();
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
        `config.json model_type "${modelType}" is not one this reader was checked against ` +
          '(Llama, Mistral/Mixtral, Qwen2/3, DeepSeek-V2/V3, gpt-oss, Gemma 2/3): check the model fields it read',
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
    this.model.warnings.push(`config.json model_type "${modelType}": MLP kind unknown, assumed gated (the default)`);
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
        m.warnings.push(
          `config.json ${m.name('moe_layer_freq')} is ${frequency}: only the leading ${firstDense} dense layers are modelled`,
        );
      }
      return firstDense;
    }
    // Qwen-MoE: layer i is MoE when (i + 1) % decoder_sparse_step == 0 and i is not in mlp_only_layers.
    const step = m.count('decoder_sparse_step');
    const mlpOnly = Array.isArray(m.json.mlp_only_layers) ? (m.json.mlp_only_layers as unknown[]) : [];
    if (layers === undefined || (step === undefined && mlpOnly.length === 0)) {
      moe.dense_layers = 0;
      return 0;
    }
    let dense = 0;
    let leading = true;
    let allLeading = true;
    for (let layer = 0; layer < layers; layer += 1) {
      const isMoe = (layer + 1) % (step ?? 1) === 0 && !mlpOnly.includes(layer);
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
      m.warnings.push(
        `config.json: ${dense} of ${layers} layers are dense but not all leading; modelled as ${dense} leading dense layers`,
      );
    }
    return dense;
  }

  private readSlidingWindow(): void {
    const m = this.model;
    const window = m.count('sliding_window');
    const layers = this.spec.layers;
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
        const dtype = TORCH_DTYPES[value.replace(/^torch\./, '')];
        if (dtype !== undefined) return { dtype, key };
        this.model.warnings.push(`config.json ${key} "${value}" is not a dtype we map; weight_dtype left unset`);
        return undefined;
      }
    }
    return undefined;
  }

  private applyQuantization(config: Json, inModel: boolean, base: Dtype | undefined): void {
    const method = typeof config.quant_method === 'string' ? config.quant_method.toLowerCase() : '';
    const bits = typeof config.bits === 'number' ? config.bits : undefined;
    const markQuant = (field: string): void => {
      const line = this.locate(inModel ? [...this.prefixOfModel(), 'quantization_config'] : ['quantization_config']);
      if (line !== undefined) this.model.lines[`model.${field}`] = line;
    };
    // Embeddings and the LM head stay at the checkpoint's 16-bit dtype when the
    // linear layers are quantized (they are not nn.Linear / are left unconverted).
    const keepEmbeddings = (): void => {
      if (base === undefined) return;
      this.spec.weight_dtypes = { ...this.spec.weight_dtypes, embeddings: base };
      markQuant('weight_dtypes.embeddings');
    };
    switch (method) {
      case 'fp8':
        this.spec.weight_dtype = 'fp8';
        markQuant('weight_dtype');
        keepEmbeddings();
        return;
      case 'fbgemm_fp8':
        // Meta's FP8 Llama checkpoints quantize the MLPs; attention stays 16-bit.
        this.spec.weight_dtypes = { ...this.spec.weight_dtypes, mlp: 'fp8', ...(this.spec.moe ? { experts: 'fp8' } : {}) };
        markQuant('weight_dtypes.mlp');
        return;
      case 'mxfp4':
        // gpt-oss: the MoE experts are MXFP4; the modules left unconverted
        // (attention, router, embeddings, LM head) keep the base dtype.
        this.spec.weight_dtypes = { ...this.spec.weight_dtypes, experts: 'fp4' };
        markQuant('weight_dtypes.experts');
        if (base === undefined) {
          // gpt-oss's config.json names no torch_dtype; its unconverted weights ship in bf16.
          this.spec.weight_dtype = 'bf16';
          markQuant('weight_dtype');
          this.model.warnings.push(
            'config.json gives no torch_dtype: the weights MXFP4 leaves unconverted are taken as bf16 (as gpt-oss ships them)',
          );
        }
        return;
      case 'gptq':
      case 'awq':
        if (bits === 4 || bits === 8) {
          this.spec.weight_dtype = bits === 4 ? 'int4' : 'int8';
          markQuant('weight_dtype');
          keepEmbeddings();
          return;
        }
        break;
      case 'bitsandbytes':
        if (config.load_in_4bit === true || config.load_in_8bit === true) {
          this.spec.weight_dtype = config.load_in_4bit === true ? 'int4' : 'int8';
          markQuant('weight_dtype');
          keepEmbeddings();
          return;
        }
        break;
      default:
        break;
    }
    this.model.warnings.push(
      `config.json quantization_config (quant_method "${method || '?'}") is not one we map: set model.weight_dtype in the plan`,
    );
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
