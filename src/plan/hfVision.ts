// The vision tower of a multimodal config.json: parameters of its encoder and of the projector into the
// text model, from vision_config. Pure. Counted exactly for the towers this project serves (Gemma 3's
// SigLIP, Llama 4's ViT with its pixel-shuffle adapter); any other vision_config is named, not guessed.
// docs/formulas.md, "Vision tower".

type Json = Record<string, unknown>;

/** A ViT encoder: patch embedding, position embeddings, `layers` pre-norm blocks (biased attention and a plain 2-matrix MLP), final norm. */
export interface VitShape {
  layers: number;
  hidden: number;
  intermediate: number;
  patch: number;
  image: number;
  channels: number;
}

/**
 * One encoder block: q, k, v and o projections with biases (4h^2 + 4h), a plain MLP fc1/fc2 with biases
 * (2hi + i + h) and two LayerNorms with biases (4h). SigLIP (transformers SiglipEncoderLayer) and Llama 4
 * (Llama4VisionEncoderLayer) both have this shape.
 */
function vitBlockParams(hidden: number, intermediate: number): number {
  return 4 * (hidden * hidden + hidden) + 2 * hidden * intermediate + intermediate + hidden + 4 * hidden;
}

/**
 * SigLIP (transformers SiglipVisionTransformer): a Conv2d patch embedding with bias (c p^2 h + h), one learnt
 * position per patch ((image / patch)^2 h), the blocks, a final LayerNorm (2h); the attention-pooling head
 * when the config uses it (vision_use_head, off in Gemma 3): a probe, a multi-head attention, a LayerNorm and an MLP.
 */
export function siglipParams(s: VitShape, withHead: boolean): number {
  const h = s.hidden;
  const patches = Math.floor(s.image / s.patch) ** 2;
  const head = withHead ? h + 4 * (h * h + h) + 2 * h + 2 * h * s.intermediate + s.intermediate + h : 0;
  return s.channels * s.patch * s.patch * h + h + patches * h + s.layers * vitBlockParams(h, s.intermediate) + 2 * h + head;
}

/** Gemma 3's projector (Gemma3MultiModalProjector): an RMSNorm over the vision width and one vision -> text matrix; its average pool has no weights. */
export function gemma3ProjectorParams(visionHidden: number, textHidden: number): number {
  return visionHidden + visionHidden * textHidden;
}

export interface Llama4VisionShape extends VitShape {
  /** pixel-shuffle adapter: fc1 intermediate_size -> projector_input_dim, fc2 -> projector_output_dim */
  projectorInput: number;
  projectorOutput: number;
  /** the multimodal projector's input: vision_output_dim -> the text hidden size */
  visionOutput: number;
  projectorBias: boolean;
}

/**
 * Llama 4 (transformers Llama4VisionModel and Llama4MultiModalProjector): an unfold + bias-free linear patch
 * embedding (c p^2 h), a class token (h) and a position per patch and the class token (((image / patch)^2 + 1) h),
 * LayerNorms before and after the blocks (4h), the pixel-shuffle adapter's two matrices, and the bias-free
 * projector into the text model.
 */
export function llama4VisionParams(s: Llama4VisionShape, textHidden: number): number {
  const h = s.hidden;
  const positions = Math.floor(s.image / s.patch) ** 2 + 1;
  const adapter = s.intermediate * s.projectorInput + s.projectorInput * s.projectorOutput + (s.projectorBias ? s.projectorInput + s.projectorOutput : 0);
  return s.channels * s.patch * s.patch * h + h + positions * h + 4 * h + s.layers * vitBlockParams(h, s.intermediate) + adapter + s.visionOutput * textHidden;
}

export interface Qwen35VisionShape extends VitShape {
  /** frames one patch spans (temporal_patch_size) */
  temporalPatch: number;
  /** learnt positions (num_position_embeddings), interpolated to the image */
  positions: number;
  /** patches merged into one token per side (spatial_merge_size) */
  merge: number;
  /** the merger's output width (out_hidden_size): the text hidden size */
  out: number;
}

/**
 * Qwen3.5 (transformers Qwen3VLVisionModel without its deepstack mergers): a Conv3d patch embedding with bias
 * (c t p^2 h + h), num_position_embeddings learnt positions, the blocks (each as above), and the patch merger:
 * a LayerNorm over h (2h), then m = merge^2 h -> m -> out, both with biases. `image` is not read.
 */
export function qwen35VisionParams(s: Qwen35VisionShape): number {
  const h = s.hidden;
  const merged = s.merge * s.merge * h;
  const merger = 2 * h + merged * merged + merged + merged * s.out + s.out;
  return s.channels * s.temporalPatch * s.patch * s.patch * h + h + s.positions * h + s.layers * vitBlockParams(h, s.intermediate) + merger;
}

export type VisionRead = { params: number; kind: string } | { unread: string };

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A positive integer of the object, or undefined. */
function count(json: Json, key: string): number | undefined {
  const v = json[key];
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
}

/**
 * The tower's parameters from config.json's top level (its vision_config and model_type) and the text
 * model's hidden size; `unread` says why not (a tower of another kind, or a figure missing).
 */
export function visionFromConfig(root: Json, textHidden: number | undefined): VisionRead | null {
  const v = root.vision_config;
  if (!isObject(v)) return null;
  const kind = typeof v.model_type === 'string' ? v.model_type : '';
  const modelType = typeof root.model_type === 'string' ? root.model_type : '';
  const gemma3 = modelType === 'gemma3' && (kind === 'siglip_vision_model' || kind === '');
  const llama4 = modelType === 'llama4' && (kind === 'llama4_vision_model' || kind === '');
  if (/^qwen3_5(_moe)?$/.test(modelType)) return qwen35FromConfig(v);
  if (!gemma3 && !llama4) return { unread: 'a vision encoder of a kind this reader does not count (it counts Gemma 3, Llama 4 and Qwen3.5 towers)' };
  const needed = ['num_hidden_layers', 'hidden_size', 'intermediate_size', 'patch_size', 'image_size'];
  if (llama4) needed.push('projector_input_dim', 'projector_output_dim', 'vision_output_dim');
  const absent = needed.filter((k) => count(v, k) === undefined);
  if (absent.length > 0 || textHidden === undefined) {
    return { unread: `vision_config lacks ${absent.length > 0 ? absent.join(', ') : 'nothing, but the text hidden size is unknown'}` };
  }
  const shape: VitShape = {
    layers: count(v, 'num_hidden_layers')!,
    hidden: count(v, 'hidden_size')!,
    intermediate: count(v, 'intermediate_size')!,
    patch: count(v, 'patch_size')!,
    image: count(v, 'image_size')!,
    channels: count(v, 'num_channels') ?? 3,
  };
  if (gemma3) {
    // SiglipVisionConfig's vision_use_head defaults to true; Gemma 3's configs set it false
    const tower = siglipParams(shape, v.vision_use_head !== false);
    return { params: tower + gemma3ProjectorParams(shape.hidden, textHidden), kind: 'SigLIP encoder and Gemma 3 projector' };
  }
  const params = llama4VisionParams(
    {
      ...shape,
      projectorInput: count(v, 'projector_input_dim')!,
      projectorOutput: count(v, 'projector_output_dim')!,
      visionOutput: count(v, 'vision_output_dim')!,
      projectorBias: v.multi_modal_projector_bias === true,
    },
    textHidden,
  );
  return { params, kind: 'Llama 4 encoder, pixel-shuffle adapter and projector' };
}

function qwen35FromConfig(v: Json): VisionRead {
  const needed = ['depth', 'hidden_size', 'intermediate_size', 'patch_size', 'num_position_embeddings', 'out_hidden_size'];
  const absent = needed.filter((k) => count(v, k) === undefined);
  if (absent.length > 0) return { unread: `vision_config lacks ${absent.join(', ')}` };
  const params = qwen35VisionParams({
    layers: count(v, 'depth')!,
    hidden: count(v, 'hidden_size')!,
    intermediate: count(v, 'intermediate_size')!,
    patch: count(v, 'patch_size')!,
    image: 0,
    channels: count(v, 'in_channels') ?? 3,
    temporalPatch: count(v, 'temporal_patch_size') ?? 2,
    positions: count(v, 'num_position_embeddings')!,
    merge: count(v, 'spatial_merge_size') ?? 2,
    out: count(v, 'out_hidden_size')!,
  });
  return { params, kind: 'Qwen3.5 vision encoder and patch merger' };
}
