// From a plan's model fields to the figures every formula needs: parameter counts
// by how they shard, KV bytes per token, attention FLOPs per query-key pair.
//
// Two completions of the same facts:
//  - 'estimate': every field the formulas need must be given (or have a documented
//    default); otherwise the result is null and the missing keys are named.
//  - 'bound': unknown fields take the value that makes the deployment cheapest
//    while staying consistent with what is given (unknown parameters sit in the
//    least-read, least-computed part; unknown top-k is 1; unknown KV is free).
//    Formulas fed with these facts give a floor on time and memory that the
//    given facts already guarantee (docs/formulas.md, "bounds from partial facts").
import { DEFAULT_WEIGHT_DTYPE, DTYPE_BYTES, defaultKvDtype } from './defaults.js';
import type { Engine, RotaryFacts } from './engine-memory.js';
import {
  defaultStateDtype,
  indexerFacts,
  linearAttentionFacts,
  mtpExtraParams,
  sparseMlaFp8Bytes,
  type IndexerFacts,
  type LinearAttentionFacts,
  type WindowKind,
} from './layerKinds.js';
import type { Dtype, ModelSpec, Plan } from './types.js';

export type FactsMode = 'estimate' | 'bound';

export interface ComponentDtypes {
  attention: Dtype;
  mlp: Dtype;
  /** the dense MLPs of model.unquantized_mlp_layers: weight_dtype when wider than 8 bits, else bf16 */
  mlpUnquantized: Dtype;
  experts: Dtype;
  embeddings: Dtype;
  kv: Dtype;
}

export interface ModelFacts {
  /** real layers, or one virtual layer per stage when the count is unknown (bound mode) */
  layers: number;
  /** true when `layers` is a stand-in (bound mode without model.layers) */
  layersVirtual: boolean;
  /** leading layers with a dense MLP; all layers for a dense model */
  denseLayers: number;
  isMoe: boolean;
  /** hidden size; 0 when unknown (bound mode: messages cost nothing) */
  hidden: number;
  heads: number;
  kvHeads: number;

  // Parameters of ONE layer, grouped by how tensor parallelism splits them.
  /** split over tp: q and o projections; for MLA the per-head up-projections */
  attnSharded: number;
  /** k and v projections: split over min(tp, kv_heads), replicated beyond */
  attnKv: number;
  /** on every tp rank: norms, MLA's low-rank down-projections */
  attnReplicated: number;
  /** dense MLP of one dense layer, split over tp */
  denseMlp: number;
  /** shared experts of one MoE layer, split over tp */
  sharedExperts: number;
  /** router of one MoE layer, replicated */
  router: number;
  /** one routed expert */
  expert: number;
  /** a routed expert's intermediate width (expert_ffn_hidden_size); 0 when unknown (bound mode) */
  expertWidth: number;
  experts: number;
  topK: number;
  redundantExperts: number;

  embedding: number;
  /** LM head parameters (equal to the embedding when tied: stored once unless pipeline stages differ) */
  lmHead: number;
  tied: boolean;

  /** FLOPs for one (query token, key token) pair summed over heads, prefill form */
  attnPairFlopsPrefill: number;
  /** same in the decode form (MLA decodes in the compressed latent space) */
  attnPairFlopsDecode: number;
  /** KV bytes per token per layer for the whole model (all KV heads) */
  kvBytesPerTokenLayer: number;
  /**
   * MLA: (kv_lora_rank + qk_rope_head_dim) x the KV dtype's bytes, the cell SGLang's profiler divides its
   * pool by (model_runner_kv_cache_mixin.get_cell_size_per_token) whatever layout the sparse kernels store
   * (kvBytesPerTokenLayer: 656 bytes for DeepSeek-V3.2 in fp8 against 576 counted); null without MLA
   */
  latentKvBytesPerTokenLayer: number | null;
  /** false for MLA: its latent cache is one vector per token, replicated on every tp rank */
  kvShardable: boolean;
  slidingWindow: number | null;
  slidingLayers: number;
  /** how windowed layers attend: the last slidingWindow tokens, or their aligned chunk (Llama 4) */
  windowKind: WindowKind;
  /** layers with linear attention (hybrid models): a fixed-size state per sequence instead of a KV cache */
  linearLayers: number;
  /** one linear-attention layer; null for a model without them */
  linear: LinearAttentionFacts | null;
  /** sparse-attention indexer of each full-attention layer; null without one */
  indexer: IndexerFacts | null;
  /** dense layers alternate with MoE layers instead of leading (spread evenly over pipeline stages) */
  interleavedDense: boolean;
  /**
   * dense layers (0-based, ascending) whose MLP the checkpoint left unquantized: bytes.mlpUnquantized
   * instead of bytes.mlp (model.unquantized_mlp_layers, those that are dense layers of the model)
   */
  unquantizedMlpLayers: readonly number[];
  /** multi-token-prediction modules loaded (the checkpoint's, when speculative decoding uses them), on the last stage */
  mtpLayers: number;
  /** parameters of one MTP module beyond its decoder layer (the 2h -> h projection and norms) */
  mtpExtra: number;
  /**
   * MLA's kv_b_proj of one layer, all heads: its key part (kv_lora_rank x heads x qk_nope_head_dim) and
   * value part (kv_lora_rank x heads x v_head_dim), which engines copy after loading for the absorbed
   * decode (memory.ts, mlaDecodeCopyBytes); null without MLA or when the shape is unknown
   */
  mlaKvUp: { key: number; value: number } | null;

  /**
   * parameters of the vision tower (encoder and projector, model.vision.params) the engine loads: 0 when the
   * model has none, the plan says it is not loaded, or in bound mode (an engine may skip it: a floor never counts it)
   */
  vision: number;
  /** the checkpoint's vision-tower parameters, loaded or not (publishers count them in the total) */
  visionShipped: number;

  /**
   * the rotary embedding engines build cos/sin tables from (model.rope), the dims each head rotates and
   * the bytes of the model's compute dtype; null without model.rope, when the rotated dims are unknown, or in bound mode (engine-memory.ts,
   * rotaryTableBytes: no floor counts the tables)
   */
  rope: RotaryFacts | null;

  dtypes: ComponentDtypes;
  /**
   * bytes per weight of each part; `vision` is the tower's, 16-bit (weight_dtype when wider than 8 bits, else bf16): quantized checkpoints leave it unquantized; `router` is the MoE gate, which quantized checkpoints leave 16-bit and
   * engines build unquantized (vLLM and SGLang DeepSeek-V2 gates take no quant_config): at least bf16
   */
  bytes: { attention: number; mlp: number; mlpUnquantized: number; experts: number; embeddings: number; kv: number; router: number; vision: number };
  /** total parameters these facts describe, the vision tower included (MTP modules excluded, as publishers count) */
  totalParams: number;
  /** parameters touched per token (attention, dense/shared MLP, top-k experts, router), lm head excluded */
  activeLayerParamsPerToken: number;
}

export interface FactsResult {
  facts: ModelFacts | null;
  /** plan keys that the estimate needs and the plan does not give */
  missing: string[];
  /** defaults taken (shown in the report) */
  assumptions: string[];
}

// Facts depend on the model fields alone (and whether MTP modules are loaded), and loaded plans are never
// mutated: a search that verifies thousands of layouts of one model (suggest) derives them once.
interface Memo {
  /** by mode, MTP and the engine's default state dtype (the only engine-dependent fact) */
  results: Map<string, FactsResult>;
  shapeParams?: number | null;
}
const memo = new WeakMap<ModelSpec, Memo>();

export interface FactsOptions {
  /** the deployment runs the checkpoint's MTP modules (speculative method mtp): their weights and KV count */
  mtpLoaded?: boolean;
  /** the serving engine: its default recurrent-state dtype when neither plan nor checkpoint names one (SGLang's fp32 when absent) */
  engine?: Engine;
}

/** What a plan tells the facts: its engine (vLLM when unstated, as resolve.ts) and whether speculative decoding loads the MTP modules. */
export function factsOptionsOf(plan: Pick<Plan, 'deployment' | 'workload'>): Required<FactsOptions> {
  return { mtpLoaded: plan.workload.speculative?.method === 'mtp', engine: plan.deployment?.engine ?? 'vllm' };
}

function memoOf(model: ModelSpec): Memo {
  let m = memo.get(model);
  if (!m) {
    m = { results: new Map() };
    memo.set(model, m);
  }
  return m;
}

/** Parameters of the model computed from its shape alone, or null when the shape is incomplete. */
export function paramsFromShape(model: ModelSpec): number | null {
  const m = memoOf(model);
  if (m.shapeParams === undefined) {
    const r = deriveFacts({ ...model, params: undefined }, 'estimate');
    m.shapeParams = r.facts ? r.facts.totalParams : null;
  }
  return m.shapeParams;
}

export function deriveModelFacts(model: ModelSpec, mode: FactsMode, options: FactsOptions = {}): FactsResult {
  const m = memoOf(model);
  const mtp = options.mtpLoaded === true && (model.mtp_layers ?? 0) > 0;
  const stateDtype = defaultStateDtype(options.engine);
  const key = `${mode}${mtp ? 'Mtp' : ''}:${stateDtype}`;
  let r = m.results.get(key);
  if (!r) {
    r = deriveFacts(model, mode, mtp, stateDtype);
    m.results.set(key, r);
  }
  return r;
}

/** Bytes per stored weight: 4-bit formats carry one scale per quant_group_size values (16-bit for int4, 8-bit for fp4). */
export function weightBytes(dtype: Dtype, groupSize: number | undefined): number {
  if (groupSize === undefined) return DTYPE_BYTES[dtype];
  if (dtype === 'int4') return 0.5 + 2 / groupSize;
  if (dtype === 'fp4') return 0.5 + 1 / groupSize;
  return DTYPE_BYTES[dtype];
}

function deriveFacts(model: ModelSpec, mode: FactsMode, mtpLoaded = false, defaultState: Dtype = defaultStateDtype(undefined)): FactsResult {
  const missing: string[] = [];
  const assumptions: string[] = [];
  const need = (value: number | undefined, key: string): number | undefined => {
    if (value === undefined) missing.push(key);
    return value;
  };

  const weightDtype = model.weight_dtype ?? DEFAULT_WEIGHT_DTYPE;
  if (model.weight_dtype === undefined) assumptions.push(`model.weight_dtype not given: ${DEFAULT_WEIGHT_DTYPE} assumed`);
  const dtypes: ComponentDtypes = {
    attention: model.weight_dtypes?.attention ?? weightDtype,
    mlp: model.weight_dtypes?.mlp ?? weightDtype,
    mlpUnquantized: unquantizedDtype(weightDtype),
    experts: model.weight_dtypes?.experts ?? weightDtype,
    embeddings: model.weight_dtypes?.embeddings ?? weightDtype,
    kv: model.kv_cache_dtype ?? defaultKvDtype(weightDtype),
  };
  const group = model.quant_group_size;
  const bytes = {
    attention: weightBytes(dtypes.attention, group),
    mlp: weightBytes(dtypes.mlp, group),
    mlpUnquantized: weightBytes(dtypes.mlpUnquantized, group),
    experts: weightBytes(dtypes.experts, group),
    embeddings: weightBytes(dtypes.embeddings, group),
    kv: DTYPE_BYTES[dtypes.kv],
    router: DTYPE_BYTES[unquantizedDtype(dtypes.mlp)],
    vision: DTYPE_BYTES[unquantizedDtype(weightDtype)],
  };

  const isMoe = model.moe !== undefined;
  const isMla = model.attention === 'mla' || model.mla !== undefined;
  const layers = need(model.layers, 'model.layers');
  const hidden = need(model.hidden_size, 'model.hidden_size');
  const heads = need(model.heads, 'model.heads');
  let kvHeads: number | undefined;
  if (isMla) kvHeads = heads;
  else if (model.kv_heads !== undefined) kvHeads = model.kv_heads;
  else if (model.attention === 'mqa') kvHeads = 1;
  else if (model.attention === 'gqa') kvHeads = need(undefined, 'model.kv_heads');
  else if (heads !== undefined) {
    kvHeads = heads;
    assumptions.push('model.kv_heads not given: multi-head attention assumed (kv_heads = heads)');
  } else missing.push('model.kv_heads');
  let headDim = model.head_dim;
  if (headDim === undefined && hidden !== undefined && heads !== undefined) headDim = hidden / heads;
  else if (headDim === undefined && !isMla) missing.push('model.head_dim');
  const vocab = need(model.vocab_size, 'model.vocab_size');

  // Attention parameters and costs per layer.
  let attnSharded: number | undefined;
  let attnKv: number | undefined;
  let attnReplicated: number | undefined;
  let pairPrefill: number | undefined;
  let pairDecode: number | undefined;
  let kvBytes: number | undefined;
  let latentKvBytes: number | null = null;
  let mlaKvUp: ModelFacts['mlaKvUp'] = null;
  if (isMla) {
    const kvLora = need(model.mla?.kv_lora_rank, 'model.mla.kv_lora_rank');
    const rope = need(model.mla?.qk_rope_head_dim, 'model.mla.qk_rope_head_dim');
    const nope = model.mla?.qk_nope_head_dim ?? headDim;
    const vDim = model.mla?.v_head_dim ?? headDim;
    const qLora = model.mla?.q_lora_rank;
    if (hidden !== undefined && heads !== undefined && kvLora !== undefined && rope !== undefined && nope !== undefined && vDim !== undefined) {
      const qHead = nope + rope;
      // DeepSeek-V2 paper (arXiv:2405.04434) sec. 2.1: q = W_UQ(W_DQ h), [k_nope; v] = W_UKV(c_kv), k_rope from W_KR h.
      const qProj = qLora !== undefined ? qLora * heads * qHead : hidden * heads * qHead;
      attnSharded = qProj + kvLora * heads * (nope + vDim) + heads * vDim * hidden;
      mlaKvUp = { key: kvLora * heads * nope, value: kvLora * heads * vDim };
      attnReplicated = (qLora !== undefined ? hidden * qLora + qLora : 0) + hidden * (kvLora + rope) + kvLora + 2 * hidden;
      attnKv = 0;
      pairPrefill = 2 * heads * (qHead + vDim);
      // Absorbed decode: scores over the latent (kv_lora + rope) and values in the latent (kv_lora).
      pairDecode = 2 * heads * (kvLora + rope + kvLora);
      // Sparse MLA kernels keep an fp8 latent in their own layout, scales and a 16-bit rotary part included.
      latentKvBytes = (kvLora + rope) * bytes.kv;
      kvBytes = model.sparse_attention !== undefined && dtypes.kv === 'fp8' ? sparseMlaFp8Bytes(kvLora, rope) : latentKvBytes;
    }
  } else if (hidden !== undefined && heads !== undefined && kvHeads !== undefined && headDim !== undefined) {
    // An output gate (Qwen3-Next, Qwen3.5) widens the q projection to queries plus one gate per query value.
    attnSharded = (model.attention_output_gate ? 3 : 2) * hidden * heads * headDim;
    attnKv = 2 * hidden * kvHeads * headDim;
    attnReplicated = 2 * hidden;
    pairPrefill = 4 * heads * headDim;
    pairDecode = pairPrefill;
    kvBytes = 2 * kvHeads * headDim * bytes.kv;
  }

  const gated = model.mlp !== 'plain';
  const mlpMatrices = gated ? 3 : 2;
  const experts = isMoe ? model.moe?.experts : undefined;
  const topK = isMoe ? model.moe?.top_k : undefined;
  const shared = model.moe?.shared_experts ?? 0;
  const redundant = model.moe?.redundant_experts ?? 0;
  const denseLayersGiven = isMoe ? (model.moe?.dense_layers ?? 0) : layers;
  const expertWidth = model.moe?.expert_ffn_hidden_size;
  const sharedWidth = model.moe?.shared_expert_ffn_hidden_size ?? expertWidth;
  const ffn = model.ffn_hidden_size;

  let denseMlp: number | undefined;
  let expert: number | undefined;
  let sharedParams: number | undefined;
  let router: number | undefined;
  if (hidden !== undefined) {
    if (ffn !== undefined) denseMlp = mlpMatrices * hidden * ffn;
    if (isMoe) {
      if (expertWidth !== undefined) expert = mlpMatrices * hidden * expertWidth;
      if (shared === 0) sharedParams = 0;
      else if (sharedWidth !== undefined) sharedParams = shared * mlpMatrices * hidden * sharedWidth;
      if (experts !== undefined) router = hidden * experts;
    }
  }
  if (isMoe) {
    need(experts, 'model.moe.experts');
    need(topK, 'model.moe.top_k');
    need(expertWidth, 'model.moe.expert_ffn_hidden_size');
    if ((denseLayersGiven ?? 0) > 0 && ffn === undefined) missing.push('model.ffn_hidden_size');
  } else if (ffn === undefined) {
    missing.push('model.ffn_hidden_size');
  }

  const tied = model.tied_embeddings ?? false;
  const embedding = hidden !== undefined && vocab !== undefined ? hidden * vocab : undefined;

  const linearPart = linearAttentionPart(model, hidden, layers, mode, missing, assumptions, defaultState);
  const indexer = indexerPart(model, hidden, mode, missing);
  if (indexer !== null && attnReplicated !== undefined) attnReplicated += indexer.params;
  const slidingWindow = model.sliding_window ?? null;
  // Windowed layers are among those that are not linear.
  const slidingLayers =
    slidingWindow === null
      ? 0
      : layers === undefined
        ? (model.sliding_window_layers ?? 0)
        : Math.max(0, Math.min(model.sliding_window_layers ?? layers, layers - linearPart.layers));
  const extra = {
    windowKind: model.sliding_window_kind ?? 'sliding',
    linearLayers: linearPart.layers,
    linear: linearPart.facts,
    indexer,
    interleavedDense: model.moe?.interleaved === true,
    unquantizedMlpLayers: unquantizedMlpLayerList(model, layers, denseLayersGiven, mode, assumptions),
    mtpLayers: mtpLoaded ? (model.mtp_layers ?? 0) : 0,
    mtpExtra: hidden !== undefined ? mtpExtraParams(hidden) : 0,
    mlaKvUp,
    visionShipped: model.vision?.params ?? 0,
    vision: mode === 'bound' || model.vision?.loaded === false ? 0 : (model.vision?.params ?? 0),
    rope: ropeFacts(model, headDim, mode),
  } as const;

  const uniq = [...new Set(missing)];
  if (mode === 'estimate') {
    // A dense model whose MLP width alone is missing: the given total pins it down.
    if (uniq.length === 1 && uniq[0] === 'model.ffn_hidden_size' && !isMoe && model.params !== undefined) {
      const linearParams = linearPart.facts ? (linearPart.facts.sharded + linearPart.facts.replicated) * linearPart.layers : 0;
      const rest = (attnSharded! + attnKv! + attnReplicated!) * (layers! - linearPart.layers) + linearParams + embedding! * (tied ? 1 : 2);
      if (model.params > rest) {
        denseMlp = (model.params - rest) / layers!;
        assumptions.push('model.ffn_hidden_size not given: MLP size taken from model.params less attention and embeddings');
        uniq.length = 0;
      }
    }
    if (uniq.length > 0) return { facts: null, missing: uniq, assumptions };
    const facts = assemble({
      layers: layers!,
      layersVirtual: false,
      denseLayers: denseLayersGiven ?? layers!,
      isMoe,
      hidden: hidden!,
      heads: heads!,
      kvHeads: kvHeads!,
      attnSharded: attnSharded!,
      attnKv: attnKv!,
      attnReplicated: attnReplicated!,
      denseMlp: denseMlp ?? 0,
      sharedExperts: sharedParams ?? 0,
      router: router ?? 0,
      expert: expert ?? 0,
      expertWidth: isMoe ? (expertWidth ?? 0) : 0,
      experts: experts ?? 0,
      topK: topK ?? 0,
      redundantExperts: redundant,
      embedding: embedding!,
      lmHead: embedding!,
      tied,
      attnPairFlopsPrefill: pairPrefill!,
      attnPairFlopsDecode: pairDecode!,
      kvBytesPerTokenLayer: kvBytes!,
      latentKvBytesPerTokenLayer: latentKvBytes,
      kvShardable: !isMla,
      slidingWindow,
      slidingLayers,
      dtypes,
      bytes,
      ...extra,
    });
    return { facts, missing: [], assumptions };
  }

  // Bound mode: fill what is unknown with the cheapest consistent value.
  const L = layers ?? 1;
  const knownAttnPerLayer = (attnSharded ?? 0) + (attnKv ?? 0) + (attnReplicated ?? 0);
  const linearParams = linearPart.facts ? linearPart.facts.sharded + linearPart.facts.replicated : 0;
  const knownEmb = (embedding ?? 0) * (tied ? 1 : 2);
  const denseL = isMoe ? Math.min(model.moe?.dense_layers ?? 0, L) : L;
  const moeL = L - denseL;
  const E = experts ?? 0;
  const knownDense = denseMlp !== undefined ? denseMlp * denseL : undefined;
  const knownMoe = expert !== undefined && experts !== undefined ? (expert * (E + 0) + (sharedParams ?? 0) + (router ?? 0)) * moeL : undefined;
  let facts: ModelFacts | null = null;
  const base = {
    layers: L,
    layersVirtual: layers === undefined,
    denseLayers: denseL,
    isMoe,
    hidden: hidden ?? 0,
    heads: heads ?? 0,
    kvHeads: kvHeads ?? 0,
    attnSharded: attnSharded ?? 0,
    attnKv: attnKv ?? 0,
    attnReplicated: attnReplicated ?? 0,
    denseMlp: denseMlp ?? 0,
    sharedExperts: sharedParams ?? 0,
    router: router ?? 0,
    expert: expert ?? 0,
    expertWidth: 0,
    experts: E,
    topK: topK ?? 1,
    redundantExperts: redundant,
    embedding: embedding ?? 0,
    lmHead: embedding ?? 0,
    tied,
    attnPairFlopsPrefill: pairPrefill ?? 0,
    attnPairFlopsDecode: pairDecode ?? 0,
    kvBytesPerTokenLayer: kvBytes ?? 0,
    latentKvBytesPerTokenLayer: latentKvBytes,
    kvShardable: !isMla,
    slidingWindow,
    slidingLayers,
    dtypes,
    bytes,
    ...extra,
  };
  const knownTotal = knownAttnPerLayer * (L - linearPart.layers) + linearParams * linearPart.layers + knownEmb + (knownDense ?? 0) + (knownMoe ?? 0);
  // a stated total counts the vision tower, which no engine need load: it is no part of the text model's remainder
  const remainder = model.params !== undefined ? model.params - knownTotal - (model.vision?.params ?? 0) : 0;
  const mlpKnown = isMoe ? knownMoe !== undefined && (denseL === 0 || knownDense !== undefined) : knownDense !== undefined;
  const shapeComplete = attnSharded !== undefined && embedding !== undefined && mlpKnown;
  if (shapeComplete || remainder <= 0) {
    // Either the shape says it all, or the given total adds nothing to it.
    if (knownTotal > 0) facts = assemble(base);
  } else if (isMoe && moeL > 0) {
    // Unknown parameters sit in routed experts: the part a token touches least.
    // Unknown expert count: as many as can be, each read by few tokens.
    const Ev = E > 0 ? E : 1e9;
    facts = assemble({ ...base, experts: Ev, expert: base.expert + remainder / moeL / Ev });
  } else {
    // The unknown parameters may sit in quantized parts: the floor reads every MLP at bytes.mlp.
    facts = assemble({ ...base, denseMlp: base.denseMlp + remainder / Math.max(denseL, 1), unquantizedMlpLayers: [] });
  }
  return { facts, missing: uniq, assumptions };
}

type FactsCore = Omit<ModelFacts, 'totalParams' | 'activeLayerParamsPerToken'>;

/** The rope an engine builds its tables from, the dims each head rotates (MLA: qk_rope_head_dim) and the compute dtype's bytes; null in bound mode or when unknown. */
function ropeFacts(model: ModelSpec, headDim: number | undefined, mode: FactsMode): ModelFacts['rope'] {
  const spec = model.rope;
  if (mode === 'bound' || spec?.max_position_embeddings === undefined) return null;
  const rotaryDim = spec.rotary_dim ?? model.mla?.qk_rope_head_dim ?? headDim;
  // the model's compute dtype: weight_dtype when wider than 8 bits, else bf16 (what torch's default dtype is while the engine builds the model)
  const computeBytes = DTYPE_BYTES[unquantizedDtype(model.weight_dtype ?? DEFAULT_WEIGHT_DTYPE)];
  if (rotaryDim === undefined) return null;
  const rope: RotaryFacts = { spec: { ...spec, max_position_embeddings: spec.max_position_embeddings }, rotaryDim, computeBytes };
  // TensorRT-LLM doubles the rows of an MLA model's table (RopeParams.from_config: duplicate_data when qk_rope_head_dim is set)
  if (model.mla?.qk_rope_head_dim !== undefined) rope.duplicated = true;
  return rope;
}

function assemble(f: FactsCore): ModelFacts {
  const attn = f.attnSharded + f.attnKv + f.attnReplicated;
  const linear = f.linear ? f.linear.sharded + f.linear.replicated : 0;
  // Attention parameters of the whole stack, each layer by its kind.
  const attentionStack = attn * (f.layers - f.linearLayers) + linear * f.linearLayers;
  const moeLayers = f.layers - f.denseLayers;
  const totalParams =
    attentionStack +
    f.denseMlp * f.denseLayers +
    (f.expert * f.experts + f.sharedExperts + f.router) * moeLayers +
    f.embedding * (f.tied ? 1 : 2) +
    f.visionShipped;
  const perTokenExperts = f.isMoe ? f.expert * f.topK + f.sharedExperts + f.router : 0;
  const activeLayerParamsPerToken = attentionStack + f.denseMlp * f.denseLayers + perTokenExperts * moeLayers;
  return { ...f, totalParams, activeLayerParamsPerToken };
}

/** The dtype a checkpoint leaves unquantized layers in: its own when wider than 8 bits, else bf16. */
function unquantizedDtype(weightDtype: Dtype): Dtype {
  return weightDtype === 'bf16' || weightDtype === 'fp16' || weightDtype === 'fp32' ? weightDtype : 'bf16';
}

/**
 * model.unquantized_mlp_layers that are dense layers of the model, ascending and once each: within
 * model.layers, and among the leading dense layers of an MoE model (its MoE layers' experts keep
 * weight_dtypes.experts). Where dense layers alternate with MoE layers (Llama 4) the listed ones are
 * taken as dense, at most as many as there are. Unknown layers: none (a floor reads every MLP at bytes.mlp).
 */
function unquantizedMlpLayerList(
  model: ModelSpec,
  layers: number | undefined,
  denseLayers: number | undefined,
  mode: FactsMode,
  assumptions: string[],
): number[] {
  const given = model.unquantized_mlp_layers;
  if (given === undefined || given.length === 0 || layers === undefined) return [];
  const unique = [...new Set(given)].sort((a, b) => a - b);
  const beyond = unique.filter((i) => i >= layers);
  const inRange = unique.filter((i) => i < layers);
  const dense = Math.min(denseLayers ?? 0, layers);
  const interleaved = model.moe?.interleaved === true;
  const kept = interleaved ? inRange.slice(0, dense) : inRange.filter((i) => i < dense);
  if (mode === 'estimate') {
    if (beyond.length > 0)
      assumptions.push(`model.unquantized_mlp_layers: ${layerList(beyond)} ignored, beyond the model's ${layers} layers (numbered from 0)`);
    const moe = inRange.slice(kept.length);
    if (!interleaved && moe.length > 0)
      assumptions.push(`model.unquantized_mlp_layers: MoE ${layerList(moe)} keep weight_dtypes.experts (only dense MLPs are counted unquantized)`);
  }
  return kept;
}

/** "layer 3" or "layers 3, 4, ..." (the first five). */
function layerList(list: readonly number[]): string {
  return list.length === 1 ? `layer ${list[0]}` : `layers ${list.slice(0, 5).join(', ')}${list.length > 5 ? ', ...' : ''}`;
}

/** Linear-attention layers of a hybrid model: their count and (when the shape is known) one layer's facts. */
function linearAttentionPart(
  model: ModelSpec,
  hidden: number | undefined,
  layers: number | undefined,
  mode: FactsMode,
  missing: string[],
  assumptions: string[],
  defaultState: Dtype,
): { layers: number; facts: LinearAttentionFacts | null } {
  const spec = model.linear_attention;
  if (spec === undefined) return { layers: 0, facts: null };
  const count = Math.min(spec.layers ?? 0, layers ?? 0);
  const keys = ['layers', 'key_heads', 'value_heads', 'key_head_dim', 'value_head_dim'] as const;
  const absent = keys.filter((k) => spec[k] === undefined);
  if (mode === 'estimate') for (const k of absent) missing.push(`model.linear_attention.${k}`);
  const convKernel = spec.conv_kernel ?? 4;
  if (spec.conv_kernel === undefined && mode === 'estimate') assumptions.push('model.linear_attention.conv_kernel not given: 4 assumed (Qwen3-Next, Qwen3.5)');
  const stateDtype = spec.state_dtype ?? defaultState;
  if (spec.state_dtype === undefined && mode === 'estimate')
    assumptions.push(
      `model.linear_attention.state_dtype not given: ${defaultState} assumed (${defaultState === 'fp32' ? "SGLang's default state dtype" : "the model's dtype, vLLM's and TensorRT-LLM's default state dtype"})`,
    );
  // A bound takes an unknown shape as a free layer: no state, no parameters.
  if (absent.length > 0 || hidden === undefined) return { layers: count, facts: null };
  const facts = linearAttentionFacts(
    {
      key_heads: spec.key_heads!,
      value_heads: spec.value_heads!,
      key_head_dim: spec.key_head_dim!,
      value_head_dim: spec.value_head_dim!,
      conv_kernel: convKernel,
    },
    hidden,
    DTYPE_BYTES[stateDtype],
  );
  return { layers: count, facts };
}

/** The sparse-attention indexer; a bound takes unknown figures as free and top-k as 1 (the cheapest). */
function indexerPart(model: ModelSpec, hidden: number | undefined, mode: FactsMode, missing: string[]): IndexerFacts | null {
  const spec = model.sparse_attention;
  if (spec === undefined) return null;
  const keys = ['index_heads', 'index_head_dim', 'index_topk'] as const;
  const absent = keys.filter((k) => spec[k] === undefined);
  if (mode === 'estimate') for (const k of absent) missing.push(`model.sparse_attention.${k}`);
  if (hidden === undefined || absent.length > 0) {
    return mode === 'bound' ? { params: 0, bytesPerToken: 0, pairFlops: 0, topK: spec.index_topk ?? 1 } : null;
  }
  const queryInput = model.mla?.q_lora_rank ?? hidden;
  return indexerFacts({ index_heads: spec.index_heads!, index_head_dim: spec.index_head_dim!, index_topk: spec.index_topk! }, hidden, queryInput);
}
