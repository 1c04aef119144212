// Which layers each pipeline stage holds.
import type { ModelFacts } from './modelFacts.js';

export interface Stage {
  index: number;
  layers: number;
  /** dense-MLP layers in this stage (MoE models keep their dense layers first) */
  denseLayers: number;
  moeLayers: number;
  /** dense layers of this stage whose MLP the checkpoint left unquantized (facts.unquantizedMlpLayers) */
  unquantizedMlpLayers: number;
  /** layers that keep a sliding-window KV cache */
  slidingLayers: number;
  /** layers with linear attention (a fixed-size state per sequence, no KV cache) */
  linearLayers: number;
  /** multi-token-prediction modules held by this stage (the last one, when loaded) */
  mtpLayers: number;
  hasEmbedding: boolean;
  hasLmHead: boolean;
}

/**
 * Default split of `layers` over `pp` stages: an even share each; the remainder goes to the
 * stages just before the last one, which already carries the LM head (vLLM's get_pp_indices
 * does the same). Returns null when there are fewer layers than stages.
 */
export function defaultSplit(layers: number, pp: number): number[] | null {
  if (pp > layers) return null;
  const base = Math.floor(layers / pp);
  const split = new Array<number>(pp).fill(base);
  let rest = layers - base * pp;
  for (let i = pp - 2; rest > 0 && i >= 0; i--, rest--) split[i]! += 1;
  if (rest > 0) split[pp - 1]! += rest; // pp === 1
  return split;
}

export function buildStages(facts: ModelFacts, pp: number, explicit: number[] | null): Stage[] | null {
  let split: number[] | null;
  if (facts.layersVirtual) split = new Array<number>(pp).fill(facts.layers / pp);
  else split = explicit ?? defaultSplit(facts.layers, pp);
  if (!split || split.length !== pp) return null;
  const stages: Stage[] = [];
  let first = 0;
  // the unquantized MLP layers ascend, as the stages do: one pass over them places each
  const unquantizedList = facts.unquantizedMlpLayers;
  let nextUnquantized = 0;
  for (let i = 0; i < pp; i++) {
    const n = split[i]!;
    // Dense layers lead (DeepSeek's first_k_dense_replace) unless they alternate with MoE layers (Llama 4).
    const dense =
      facts.interleavedDense && facts.layers > 0 ? (n * facts.denseLayers) / facts.layers : Math.max(0, Math.min(facts.denseLayers, first + n) - first);
    // Sliding-window and linear-attention layers interleave with full ones (gpt-oss alternates,
    // Qwen3.5 puts one full layer after every three linear ones): spread them evenly.
    const sliding = facts.layers > 0 ? (n * facts.slidingLayers) / facts.layers : 0;
    const linear = facts.layers > 0 ? (n * facts.linearLayers) / facts.layers : 0;
    // Unquantized MLPs sit at the layers the checkpoint names (Llama-3.1-405B FP8: the first and last).
    let listed = 0;
    for (; nextUnquantized < unquantizedList.length && unquantizedList[nextUnquantized]! < first + n; nextUnquantized++) listed++;
    const unquantized = Math.min(dense, listed);
    stages.push({
      index: i,
      layers: n,
      denseLayers: dense,
      moeLayers: n - dense,
      unquantizedMlpLayers: unquantized,
      slidingLayers: sliding,
      linearLayers: linear,
      mtpLayers: i === pp - 1 ? facts.mtpLayers : 0,
      hasEmbedding: i === 0,
      hasLmHead: i === pp - 1,
    });
    first += n;
  }
  return stages;
}

/** What a stage's figures depend on: every field of it but its position in the pipeline. */
export const STAGE_SHAPE = [
  'layers',
  'denseLayers',
  'moeLayers',
  'unquantizedMlpLayers',
  'slidingLayers',
  'linearLayers',
  'mtpLayers',
  'hasEmbedding',
  'hasLmHead',
] as const;
// A field added to Stage must be added to STAGE_SHAPE and to sameShape (or the type check fails here),
// or stages that differ in it would be taken for the same.
type Unshaped = Exclude<keyof Stage, 'index' | (typeof STAGE_SHAPE)[number]>;
const everyFieldShaped: [Unshaped] extends [never] ? true : never = true;
void everyFieldShaped;

/**
 * Whether two stages hold the same layers (the middle stages of an even split do): every figure of one
 * is then that of the other, and a loop over the stages computes it once for a run of neighbours.
 * Field by field (a loop over STAGE_SHAPE reads them slowly); a test checks each field of STAGE_SHAPE.
 */
export function sameShape(a: Stage, b: Stage): boolean {
  return (
    a.layers === b.layers &&
    a.denseLayers === b.denseLayers &&
    a.moeLayers === b.moeLayers &&
    a.unquantizedMlpLayers === b.unquantizedMlpLayers &&
    a.slidingLayers === b.slidingLayers &&
    a.linearLayers === b.linearLayers &&
    a.mtpLayers === b.mtpLayers &&
    a.hasEmbedding === b.hasEmbedding &&
    a.hasLmHead === b.hasLmHead
  );
}

/** The largest f(stage) over the stages (-Infinity for none), f computed once per run of neighbours of the same shape. */
export function maxOverStages(stages: readonly Stage[], f: (s: Stage) => number): number {
  let max = -Infinity;
  for (let i = 0; i < stages.length; i++) {
    if (i === 0 || !sameShape(stages[i]!, stages[i - 1]!)) max = Math.max(max, f(stages[i]!));
  }
  return max;
}
