// Reads a config.json quantization_config into weight dtypes: which parts of the model (attention,
// dense and shared MLPs, routed experts, LM head) a checkpoint stores in which format. Pure.
//
// Methods: fp8 (block-scaled, DeepSeek / Qwen / MiniMax, `modules_to_not_convert`), fbgemm_fp8 (Meta, with
// the layers whose MLP its `modules_to_not_convert` names),
// mxfp4 (gpt-oss), gptq / awq, bitsandbytes, compressed-tensors (`config_groups` + `ignore`, e.g.
// Kimi-K2.5's int4 experts) and modelopt (NVIDIA's FP8 / NVFP4, `exclude_modules`).
// A part counts as quantized unless every one of its sample module names is excluded: when a
// checkpoint quantizes a part only in some layers, its bytes are under-counted, never over-counted,
// so a memory floor stays a floor.
import { RE2JS } from 're2js';
import type { Dtype, ModelSpec } from '../core/types.js';
import { chargeWork } from '../core/work-budget.js';
import { readValue } from './read-value.js';
import { ownEntry } from '../presets/lookup.js';

type Json = Record<string, unknown>;

export interface QuantizationFields {
  fields: Pick<ModelSpec, 'weight_dtype' | 'weight_dtypes' | 'quant_group_size' | 'kv_cache_dtype' | 'unquantized_mlp_layers'>;
  warnings: string[];
}

type Part = 'attention' | 'mlp' | 'experts' | 'embeddings';

// Module names as each family spells them. Within one family a part counts as quantized unless every
// sample of it is excluded; an unknown family is judged on the samples of all of them together.
type Samples = Readonly<Record<Part, readonly string[]>>;
const ATTENTION = ['model.layers.1.self_attn.q_proj', 'model.layers.1.self_attn.o_proj'];
const MLA_ATTENTION = ['model.layers.1.self_attn.q_a_proj', 'model.layers.1.self_attn.kv_b_proj', 'model.layers.1.self_attn.o_proj'];
const DENSE_MLP = ['model.layers.0.mlp.gate_proj', 'model.layers.0.mlp.down_proj'];
const LM_HEAD = ['lm_head'];
const FAMILIES: Readonly<Record<string, Samples>> = {
  // DeepSeek, Kimi, GLM: mlp.experts.N.*, plural shared_experts
  deepseek: {
    attention: MLA_ATTENTION.concat(ATTENTION),
    mlp: DENSE_MLP.concat(['model.layers.1.mlp.shared_experts.gate_proj', 'model.layers.1.mlp.shared_experts.down_proj']),
    experts: ['model.layers.1.mlp.experts.0.gate_proj', 'model.layers.1.mlp.experts.0.down_proj'],
    embeddings: LM_HEAD,
  },
  // Qwen MoE and the Qwen3-Next / Qwen3.5 hybrids: singular shared_expert, linear_attn layers
  qwen: {
    attention: ATTENTION.concat(['model.layers.0.linear_attn.in_proj_qkvz', 'model.layers.0.linear_attn.out_proj']),
    mlp: DENSE_MLP.concat(['model.layers.1.mlp.shared_expert.gate_proj', 'model.layers.1.mlp.shared_expert.down_proj']),
    experts: ['model.layers.1.mlp.experts.0.gate_proj', 'model.layers.1.mlp.experts.0.down_proj'],
    embeddings: LM_HEAD,
  },
  // Mixtral, MiniMax: block_sparse_moe.experts.N.w1/w2/w3
  mixtral: {
    attention: ATTENTION,
    mlp: DENSE_MLP,
    experts: ['model.layers.1.block_sparse_moe.experts.0.w1', 'model.layers.1.block_sparse_moe.experts.0.w2'],
    embeddings: LM_HEAD,
  },
  // Llama 4: feed_forward.experts, feed_forward.shared_expert, dense feed_forward
  llama4: {
    attention: ATTENTION,
    mlp: ['model.layers.0.feed_forward.gate_proj', 'model.layers.1.feed_forward.shared_expert.gate_proj'],
    experts: ['model.layers.1.feed_forward.experts.gate_up_proj', 'model.layers.1.feed_forward.experts.down_proj'],
    embeddings: LM_HEAD,
  },
  // gpt-oss: fused expert tensors
  gptoss: {
    attention: ATTENTION,
    mlp: DENSE_MLP,
    experts: ['model.layers.1.mlp.experts.gate_up_proj', 'model.layers.1.mlp.experts.down_proj'],
    embeddings: LM_HEAD,
  },
};
const FAMILY_OF: Readonly<Record<string, string>> = {
  deepseek_v2: 'deepseek',
  deepseek_v3: 'deepseek',
  deepseek_v32: 'deepseek',
  kimi_k2: 'deepseek',
  kimi_k25: 'deepseek',
  glm_moe_dsa: 'deepseek',
  glm4_moe: 'deepseek',
  qwen2_moe: 'qwen',
  qwen3_moe: 'qwen',
  qwen3_next: 'qwen',
  qwen3_5_moe: 'qwen',
  qwen3_5_moe_text: 'qwen',
  qwen3: 'qwen',
  qwen2: 'qwen',
  mixtral: 'mixtral',
  minimax_m2: 'mixtral',
  minimax: 'mixtral',
  llama4: 'llama4',
  llama4_text: 'llama4',
  gpt_oss: 'gptoss',
};

function samplesOf(modelType: string | undefined): Samples {
  const family = modelType === undefined ? undefined : ownEntry(FAMILY_OF, modelType);
  if (family !== undefined) return FAMILIES[family]!;
  const all = Object.values(FAMILIES);
  const union = (part: Part): string[] => [...new Set(all.flatMap((f) => f[part]))];
  return { attention: union('attention'), mlp: union('mlp'), experts: union('experts'), embeddings: LM_HEAD };
}

type Matcher = (name: string) => boolean;

/** Longest "re:" exclusion run; a longer one is ignored (its part counted as quantized). */
const MAX_EXCLUSION_REGEX = 256;
/** "re:" exclusions read from one config.json; the rest are ignored, and a warning says so. */
const MAX_EXCLUSION_REGEXES = 1000;

/**
 * compressed-tensors `ignore`: "re:" entries are Python regexes matched from the start (re.match);
 * others are module names. A config.json comes from the pull request, so its regexes run on RE2's
 * automaton (re2js), whose time is linear in name x pattern, never on JavaScript's backtracking
 * engine: `.?.?.?…Z` (40 of them) ran for hours there. RE2 refuses backreferences and lookarounds;
 * counted repeats whose product passes MAX_REPEAT_EXPANSION are refused before it. A refused or
 * over-long pattern is ignored, which counts the part as quantized: its bytes are under-counted, so a
 * memory floor stays a floor.
 */
export function exclusionRegexMatcher(source: string): Matcher | undefined {
  if (source.length > MAX_EXCLUSION_REGEX) return undefined;
  // RE2 expands a counted repeat into copies: (?:.?){1000} is a program of thousands of steps per
  // character (69 ms a match; a code review). Real exclusions count little (\d{1,3}): the product
  // of the counts, an upper bound on the expansion, must stay small.
  const expansion = countedExpansion(source);
  if (expansion > MAX_REPEAT_EXPANSION) return undefined;
  chargeWork(source.length * expansion);
  let re: RE2JS;
  try {
    re = RE2JS.compile(source);
  } catch {
    return undefined;
  }
  return (name) => {
    // the automaton's steps: about the name's length times the (expanded) pattern's
    chargeWork(Math.ceil((name.length * source.length * expansion) / 16));
    return re.matcher(name).lookingAt();
  };
}

/** Largest product of counted repeats an exclusion may have. */
const MAX_REPEAT_EXPANSION = 256;

/** The product of the upper counts of a pattern's counted repeats ({n}, {m,n}, {n,}: n), at least 1. */
function countedExpansion(source: string): number {
  let product = 1;
  for (const m of source.matchAll(/(?<!\\)\{(\d+)(?:,(\d*))?\}/g)) {
    const upper = m[2] !== undefined && m[2] !== '' ? Number(m[2]) : Number(m[1]);
    product *= Math.max(1, upper);
    if (product > MAX_REPEAT_EXPANSION) return product;
  }
  return product;
}

function compressedTensorsMatcher(pattern: string): Matcher | undefined {
  return pattern.startsWith('re:') ? exclusionRegexMatcher(pattern.slice(3)) : nameMatcher(pattern);
}

/**
 * ModelOpt `exclude_modules`: fnmatch globs (`model.layers.*.self_attn*`), matched without a
 * regex: `*a*a*a…x` as `.*a.*a.*a…x` backtracks as the name's length to the power of its stars.
 * Here a star only ever resumes from the last one: at most name length x pattern length steps.
 */
export function globMatcher(pattern: string): Matcher {
  return (name) => {
    let p = 0;
    let n = 0;
    let star = -1;
    let resume = 0;
    while (n < name.length) {
      if (p < pattern.length && (pattern[p] === '?' || pattern[p] === name[n])) {
        p++;
        n++;
      } else if (p < pattern.length && pattern[p] === '*') {
        star = p++;
        resume = n;
      } else if (star >= 0) {
        p = star + 1;
        n = ++resume;
      } else return false;
    }
    while (p < pattern.length && pattern[p] === '*') p++;
    return p === pattern.length;
  };
}

/** A plain module name: the module itself, one of its parents, or a dotted suffix of it (`gate` is a router, not gate_proj). */
function nameMatcher(pattern: string): Matcher {
  return (name) => name === pattern || name.endsWith(`.${pattern}`) || name.startsWith(`${pattern}.`) || name.includes(`.${pattern}.`);
}

/** The parts a checkpoint quantizes, given which module names it excludes. */
function quantizedParts(excluded: readonly Matcher[], isMoe: boolean, samples: Samples): Record<Part, boolean> {
  const kept = (part: Part): boolean =>
    samples[part].some((name) => {
      chargeWork(16 * excluded.length); // a config.json may list 100,000 exclusions: the plan's work budget counts them
      return !excluded.some((m) => m(name));
    });
  return { attention: kept('attention'), mlp: kept('mlp'), experts: isMoe && kept('experts'), embeddings: kept('embeddings') };
}

/**
 * Weight dtype fields from the parts quantized to `q`: one weight_dtype when every linear part is, else the
 * base dtype with the quantized parts named. Embeddings stay 16-bit (they are not Linear modules) unless
 * the LM head is quantized too.
 */
function dtypeFields(q: Dtype, parts: Record<Part, boolean>, base: Dtype | undefined, isMoe: boolean): QuantizationFields['fields'] | undefined {
  const all = parts.attention && parts.mlp && (!isMoe || parts.experts);
  if (all) {
    const fields: QuantizationFields['fields'] = { weight_dtype: q };
    if (base !== undefined) fields.weight_dtypes = { embeddings: base };
    return fields;
  }
  if (base === undefined) return undefined;
  const weight_dtypes: NonNullable<ModelSpec['weight_dtypes']> = {};
  if (parts.attention) weight_dtypes.attention = q;
  if (parts.mlp) weight_dtypes.mlp = q;
  if (parts.experts) weight_dtypes.experts = q;
  return { weight_dtype: base, weight_dtypes };
}

/** The matrices of a gated dense MLP as Llama-style checkpoints name them. */
const GATED_MLP = ['gate_proj', 'up_proj', 'down_proj'] as const;
/** model.layers.N.mlp, or one of its matrices; N of at most 5 digits (a plan holds layer indices below 100,000). */
const LAYER_MLP = /^model\.layers\.(\d{1,5})\.mlp(?:\.(gate_proj|up_proj|down_proj))?$/;

/**
 * Decoder layers whose dense MLP a list of module names leaves whole in the base dtype: the layer's
 * `model.layers.N.mlp` itself, or each of its gate_proj, up_proj and down_proj (Meta's
 * Llama-3.1-405B FP8 names those of layers 0 and 125). A layer with only some of them named is not
 * counted: its bytes are under-counted, never over-counted. Ascending.
 */
export function unquantizedMlpLayers(names: readonly string[]): number[] {
  const named = new Map<number, Set<string>>();
  for (const name of names) {
    const m = LAYER_MLP.exec(name);
    if (m === null) continue;
    const layer = Number(m[1]);
    const parts = named.get(layer) ?? new Set<string>();
    parts.add(m[2] ?? 'mlp');
    named.set(layer, parts);
  }
  const whole = [...named].filter(([, parts]) => parts.has('mlp') || GATED_MLP.every((p) => parts.has(p)));
  return whole.map(([layer]) => layer).sort((a, b) => a - b);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A weight scheme of compressed-tensors or ModelOpt as a dtype (and its group size for 4-bit formats). */
function schemeDtype(bits: unknown, type: unknown): Dtype | undefined {
  if (bits === 8) return type === 'float' ? 'fp8' : 'int8';
  if (bits === 4) return type === 'float' ? 'fp4' : 'int4';
  return undefined;
}

function compressedTensors(config: Json, base: Dtype | undefined, isMoe: boolean, samples: Samples): QuantizationFields {
  const groups = config.config_groups !== null && typeof config.config_groups === 'object' ? Object.values(config.config_groups as Json) : [];
  const warnings: string[] = [];
  const schemes = groups
    .map((g) => (g !== null && typeof g === 'object' ? ((g as Json).weights as Json | undefined) : undefined))
    .filter((w): w is Json => w !== undefined && w !== null && typeof w === 'object');
  // group_size only as a number: anything else is the file's text, not shown
  const dtypes = [...new Set(schemes.map((w) => `${schemeDtype(w.num_bits, w.type) ?? '?'}:${typeof w.group_size === 'number' ? w.group_size : ''}`))];
  const first = schemes[0];
  const q = first ? schemeDtype(first.num_bits, first.type) : undefined;
  if (dtypes.length !== 1 || q === undefined) {
    return {
      fields: {},
      warnings: [
        `config.json quantization_config (compressed-tensors) has ${schemes.length} weight schemes (${dtypes.join(', ') || 'none'}) this reader cannot map to one format: set model.weight_dtype (or weight_dtypes) in the plan`,
      ],
    };
  }
  const excluded: Matcher[] = [];
  let regexes = 0;
  for (const [index, pattern] of stringList(config.ignore).entries()) {
    // a real checkpoint names a few patterns (`re:.*lm_head`); each costs up to about a millisecond on the automaton
    if (pattern.startsWith('re:') && ++regexes > MAX_EXCLUSION_REGEXES) continue;
    const m = compressedTensorsMatcher(pattern);
    if (m) excluded.push(m);
    else warnings.push(`config.json quantization_config.ignore entry ${index + 1} ${readValue(pattern)} is not a regex this reader can use; ignored`);
  }
  if (regexes > MAX_EXCLUSION_REGEXES)
    warnings.push(
      `config.json quantization_config.ignore has ${regexes} "re:" patterns; the first ${MAX_EXCLUSION_REGEXES} are read and the rest ignored (the parts they exclude count as quantized: their bytes are under-counted)`,
    );
  const fields = dtypeFields(q, quantizedParts(excluded, isMoe, samples), base, isMoe);
  if (!fields)
    return {
      fields: {},
      warnings: [...warnings, 'config.json quantizes only some parts but gives no torch_dtype for the rest: set model.weight_dtype in the plan'],
    };
  if ((q === 'int4' || q === 'fp4') && typeof first!.group_size === 'number' && first!.group_size > 0) fields.quant_group_size = first!.group_size;
  return { fields, warnings };
}

/** quant_algo values of NVIDIA ModelOpt a message may name (those it maps and the others it writes). */
const MODELOPT_ALGOS = ['FP8', 'FP8_BLOCK', 'NVFP4', 'W4A8_AWQ', 'W4A16_AWQ', 'INT8_SQ', 'INT4_AWQ', 'W4A8_MXFP4_FP8', 'MXFP8', 'NVFP4_AWQ', 'MIXED_PRECISION'];

function modelOpt(config: Json, base: Dtype | undefined, isMoe: boolean, samples: Samples): QuantizationFields {
  const algo = typeof config.quant_algo === 'string' ? config.quant_algo.toUpperCase() : '';
  const q: Dtype | undefined =
    algo === 'FP8' || algo === 'FP8_BLOCK' ? 'fp8' : algo === 'NVFP4' ? 'fp4' : algo === 'W4A8_AWQ' || algo === 'W4A16_AWQ' ? 'int4' : undefined;
  if (q === undefined)
    return {
      fields: {},
      warnings: [
        `config.json quantization_config (modelopt) quant_algo ${readValue(algo, MODELOPT_ALGOS)} is not one this reader maps: set model.weight_dtype in the plan`,
      ],
    };
  const excluded = stringList(config.exclude_modules).map(globMatcher);
  const fields = dtypeFields(q, quantizedParts(excluded, isMoe, samples), base, isMoe);
  if (!fields)
    return { fields: {}, warnings: ['config.json quantizes only some parts but gives no torch_dtype for the rest: set model.weight_dtype in the plan'] };
  if (q === 'fp4') fields.quant_group_size = typeof config.group_size === 'number' && config.group_size > 0 ? config.group_size : 16;
  else if (q === 'int4' && typeof config.group_size === 'number' && config.group_size > 0) fields.quant_group_size = config.group_size;
  if (typeof config.kv_cache_quant_algo === 'string' && config.kv_cache_quant_algo.toUpperCase() === 'FP8') fields.kv_cache_dtype = 'fp8';
  return { fields, warnings: [] };
}

/** quant_method values a message may name: those of Transformers and ModelOpt (any other is the file's text). */
const QUANT_METHODS = [
  ...['bitsandbytes', 'gptq', 'awq', 'aqlm', 'vptq', 'quanto', 'eetq', 'higgs', 'hqq', 'compressed-tensors', 'fbgemm_fp8', 'torchao'],
  ...['bitnet', 'spqr', 'fp8', 'quark', 'fp_quant', 'auto-round', 'mxfp4', 'modelopt'],
];

/**
 * The dtype fields a quantization_config implies; `base` is the checkpoint's 16-bit dtype where known,
 * `modelType` the config's model_type (it says how the checkpoint names its modules).
 */
export function quantizationFields(config: Json, base: Dtype | undefined, isMoe: boolean, modelType?: string): QuantizationFields {
  const samples = samplesOf(modelType);
  const method = typeof config.quant_method === 'string' ? config.quant_method.toLowerCase() : '';
  const bits = typeof config.bits === 'number' ? config.bits : undefined;
  const keepEmbeddings = (fields: QuantizationFields['fields']): QuantizationFields['fields'] =>
    base === undefined ? fields : { ...fields, weight_dtypes: { ...fields.weight_dtypes, embeddings: base } };
  switch (method) {
    case 'fp8': {
      // A dense MLP excluded layer by layer stays 16-bit in those layers only (unquantized_mlp_layers), as
      // fbgemm_fp8's; the part as a whole is judged without them (layer 0's names are some families' samples).
      const names = stringList(config.modules_to_not_convert);
      const unquantized = unquantizedMlpLayers(names);
      const excluded = names.filter((name) => !LAYER_MLP.test(name)).map(nameMatcher);
      const parts = quantizedParts(excluded, isMoe, samples);
      const layers = parts.mlp && unquantized.length > 0 ? { unquantized_mlp_layers: unquantized } : {};
      const fields = dtypeFields('fp8', parts, base, isMoe);
      if (fields) return { fields: { ...fields, ...layers }, warnings: [] };
      return { fields: { weight_dtype: 'fp8', ...layers }, warnings: [] };
    }
    case 'fbgemm_fp8': {
      // Meta's FP8 Llama checkpoints quantize the MLPs; attention stays 16-bit, and so do the MLPs of the
      // layers modules_to_not_convert names (Llama-3.1-405B: the first and last, Llama 3 paper sec. 6.2).
      const unquantized = unquantizedMlpLayers(stringList(config.modules_to_not_convert));
      return {
        fields: {
          weight_dtypes: { mlp: 'fp8', ...(isMoe ? { experts: 'fp8' as const } : {}) },
          ...(unquantized.length > 0 ? { unquantized_mlp_layers: unquantized } : {}),
        },
        warnings: [],
      };
    }
    case 'mxfp4': {
      // gpt-oss: the MoE experts are MXFP4 (groups of 32, 8-bit scales: the fp4 default); the modules left
      // unconverted (attention, router, embeddings, LM head) keep the base dtype.
      if (base !== undefined) return { fields: { weight_dtypes: { experts: 'fp4' } }, warnings: [] };
      return {
        fields: { weight_dtype: 'bf16', weight_dtypes: { experts: 'fp4' } },
        warnings: ['config.json gives no torch_dtype: the weights MXFP4 leaves unconverted are taken as bf16 (as gpt-oss ships them)'],
      };
    }
    case 'gptq':
    case 'awq':
      if (bits === 4 || bits === 8) {
        const fields = keepEmbeddings({ weight_dtype: bits === 4 ? 'int4' : 'int8' });
        if (bits === 4 && typeof config.group_size === 'number' && config.group_size > 0) fields.quant_group_size = config.group_size;
        return { fields, warnings: [] };
      }
      break;
    case 'bitsandbytes':
      if (config.load_in_4bit === true || config.load_in_8bit === true) {
        return { fields: keepEmbeddings({ weight_dtype: config.load_in_4bit === true ? 'int4' : 'int8' }), warnings: [] };
      }
      break;
    case 'compressed-tensors':
      return compressedTensors(config, base, isMoe, samples);
    case 'modelopt':
      return modelOpt(config, base, isMoe, samples);
    default:
      break;
  }
  // a method of the cases above (with bits or a scheme it cannot map) is named; any other is the file's text
  return {
    fields: {},
    warnings: [`config.json quantization_config (quant_method ${readValue(method, QUANT_METHODS)}) is not one we map: set model.weight_dtype in the plan`],
  };
}
