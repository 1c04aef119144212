// Layout validity: world size, the MoE regrouping rule, divisibility of layers, heads and
// experts, node boundaries. Each rule is what serving engines (vLLM, SGLang, TensorRT-LLM)
// refuse at start-up or what Megatron-style sharding requires.
import type { Hardware, Layout } from './resolve.js';
import type { ModelSpec } from './types.js';
import { countOf } from './figures.js';

export interface LayoutFinding {
  id: string;
  status: 'pass' | 'warn' | 'fail' | 'unverified';
  title: string;
  detail: string;
  path: string;
  value?: number;
  limit?: number;
  missing?: string[];
}

function divisors(n: number): number[] {
  const out: number[] = [];
  for (let d = 1; d * d <= n; d++) {
    if (n % d === 0) {
      out.push(d);
      if (d * d !== n) out.push(n / d);
    }
  }
  return out.sort((a, b) => a - b);
}

/** Tensor-parallel sizes that split the heads (and the KV heads, or replicate them evenly). */
export function tpFits(model: ModelSpec, tp: number): boolean {
  const heads = model.heads;
  if (heads !== undefined && heads % tp !== 0) return false;
  const kv = model.attention === 'mla' || model.mla ? undefined : model.kv_heads;
  if (kv !== undefined && kv % tp !== 0 && tp % kv !== 0) return false;
  return true;
}

/** Valid (tp, pp, dp) splits of `gpus` devices for this model, tp within a node first. */
export function validLayouts(model: ModelSpec, gpus: number, gpusPerNode: number, limit = 8): string[] {
  if (gpus > 1 << 20) return [];
  const out: string[] = [];
  for (const tp of divisors(gpus).reverse()) {
    if (tp > gpusPerNode || !tpFits(model, tp)) continue;
    for (const pp of divisors(gpus / tp)) {
      if (model.layers !== undefined && pp > model.layers) continue;
      out.push(`tp=${tp} pp=${pp} dp=${gpus / tp / pp}`);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

export function layoutFindings(model: ModelSpec, layout: Layout, hw: Hardware): LayoutFinding[] {
  const out: LayoutFinding[] = [];
  const { tp, pp, dp, cp, ep, etp } = layout;

  // World size.
  if (hw.gpus === undefined) {
    out.push({
      id: 'layout.world_size',
      status: 'unverified',
      title: 'World size',
      path: 'hardware.gpus',
      missing: ['hardware.gpus'],
      detail: `tp*pp*dp*cp = ${layout.worldSize}; hardware.gpus is not given`,
    });
  } else if (layout.worldSize !== hw.gpus) {
    const valid = validLayouts(model, hw.gpus, hw.gpusPerNode);
    out.push({
      id: 'layout.world_size',
      status: 'fail',
      title: 'World size',
      path: 'parallelism',
      value: layout.worldSize,
      limit: hw.gpus,
      detail:
        `tp*pp*dp*cp = ${tp}*${pp}*${dp}*${cp} = ${countOf(layout.worldSize, 'device')}, but hardware.gpus is ${hw.gpus}` +
        dpAttentionHint(layout, hw.gpus) +
        (valid.length > 0 ? `; valid layouts for ${countOf(hw.gpus, 'device')}: ${valid.join('; ')}` : ''),
    });
  } else {
    out.push({
      id: 'layout.world_size',
      status: 'pass',
      title: 'World size',
      path: 'parallelism',
      value: layout.worldSize,
      limit: hw.gpus,
      detail:
        `tp*pp*dp*cp = ${tp}*${pp}*${dp}*${cp} = ${layout.worldSize} = hardware.gpus` +
        (model.moe && ep > 1 ? `; ep=${ep} regroups the same ranks for the MoE layers, it adds no devices` : ''),
    });
  }

  // MoE regrouping (contract: ep*etp must divide tp*dp*cp; the quotient is expert data parallelism).
  if (model.moe) {
    const block = tp * dp * cp;
    if (block % (ep * etp) !== 0) {
      out.push({
        id: 'layout.moe_regroup',
        status: 'fail',
        title: 'Expert-parallel regrouping',
        path: 'parallelism.ep',
        value: ep * etp,
        limit: block,
        detail: `ep*etp = ${ep}*${etp} = ${ep * etp} must divide tp*dp*cp = ${block} (the ranks of one stage)`,
      });
    } else {
      out.push({
        id: 'layout.moe_regroup',
        status: 'pass',
        title: 'Expert-parallel regrouping',
        path: 'parallelism.ep',
        value: ep * etp,
        limit: block,
        detail: `ep*etp = ${ep * etp} divides tp*dp*cp = ${block}: expert data parallelism ${block / (ep * etp)}`,
      });
    }
    const experts = model.moe.experts;
    if (experts === undefined) {
      out.push({
        id: 'layout.experts_divisible',
        status: 'unverified',
        title: 'Experts over EP',
        path: 'model.moe',
        missing: ['model.moe.experts'],
        detail: 'the number of experts is not given',
      });
    } else {
      const total = experts + (model.moe.redundant_experts ?? 0);
      out.push(
        total % ep === 0
          ? {
              id: 'layout.experts_divisible',
              status: 'pass',
              title: 'Experts over EP',
              path: 'parallelism.ep',
              value: total,
              limit: ep,
              detail: `${total} experts over ep=${ep}: ${total / ep} per device`,
            }
          : {
              id: 'layout.experts_divisible',
              status: 'fail',
              title: 'Experts over EP',
              path: 'parallelism.ep',
              value: total,
              limit: ep,
              detail: `${total} experts (routed + redundant) do not divide by ep=${ep}`,
            },
      );
    }
  } else if (ep > 1) {
    out.push({
      id: 'layout.moe_regroup',
      status: 'fail',
      title: 'Expert-parallel regrouping',
      path: 'parallelism.ep',
      value: ep,
      detail: `ep=${ep} on a model without experts (model.moe is not set)`,
    });
  }

  // Layers over pipeline stages.
  const layers = model.layers;
  const explicit = layout.layersPerStage;
  if (layers === undefined) {
    out.push({
      id: 'layout.layers_divisible',
      status: pp > 1 ? 'unverified' : 'pass',
      title: 'Layers over stages',
      path: 'parallelism.pp',
      missing: pp > 1 ? ['model.layers'] : undefined,
      detail: pp > 1 ? 'the number of layers is not given' : 'one stage holds every layer',
    });
  } else if (explicit) {
    const sum = explicit.reduce((a, b) => a + b, 0);
    const ok = explicit.length === pp && sum === layers;
    out.push({
      id: 'layout.layers_divisible',
      status: ok ? 'pass' : 'fail',
      title: 'Layers over stages',
      path: 'parallelism.layers_per_stage',
      value: sum,
      limit: layers,
      detail: ok
        ? `layers_per_stage [${explicit.join(', ')}] covers ${layers} layers in ${countOf(pp, 'stage')}`
        : `layers_per_stage [${explicit.join(', ')}] has ${explicit.length} entries summing to ${sum}; needs ${pp} entries summing to ${layers}`,
    });
  } else if (pp > layers) {
    out.push({
      id: 'layout.layers_divisible',
      status: 'fail',
      title: 'Layers over stages',
      path: 'parallelism.pp',
      value: pp,
      limit: layers,
      detail: `pp=${pp} stages for ${layers} layers: a stage would be empty`,
    });
  } else if (layers % pp !== 0) {
    out.push({
      id: 'layout.layers_divisible',
      status: 'warn',
      title: 'Layers over stages',
      path: 'parallelism.pp',
      value: layers,
      limit: pp,
      detail: `${layers} layers do not divide by pp=${pp}: stages get ${Math.floor(layers / pp)} or ${Math.ceil(layers / pp)} layers (the slowest stage paces the pipeline)`,
    });
  } else {
    out.push({
      id: 'layout.layers_divisible',
      status: 'pass',
      title: 'Layers over stages',
      path: 'parallelism.pp',
      value: layers,
      limit: pp,
      detail: `${layers} layers over pp=${pp}: ${layers / pp} per stage`,
    });
  }

  // Heads over tensor parallelism.
  if (model.heads === undefined) {
    out.push({
      id: 'layout.heads_divisible',
      status: tp > 1 ? 'unverified' : 'pass',
      title: 'Heads over TP',
      path: 'parallelism.tp',
      missing: tp > 1 ? ['model.heads'] : undefined,
      detail: tp > 1 ? 'the number of attention heads is not given' : 'tp=1',
    });
  } else if (model.heads % tp !== 0) {
    const ok = divisors(model.heads).filter((d) => d <= (hw.gpusPerNode ?? 8) && tpFits(model, d));
    out.push({
      id: 'layout.heads_divisible',
      status: 'fail',
      title: 'Heads over TP',
      path: 'parallelism.tp',
      value: model.heads,
      limit: tp,
      detail: `${model.heads} attention heads do not divide by tp=${tp}; tensor-parallel sizes that work: ${ok.join(', ')}`,
    });
  } else {
    out.push({
      id: 'layout.heads_divisible',
      status: 'pass',
      title: 'Heads over TP',
      path: 'parallelism.tp',
      value: model.heads,
      limit: tp,
      detail: `${model.heads} heads over tp=${tp}: ${model.heads / tp} per device`,
    });
  }

  // KV heads over tensor parallelism.
  const isMla = model.attention === 'mla' || model.mla !== undefined;
  if (isMla) {
    out.push({
      id: 'layout.kv_heads',
      status: 'pass',
      title: 'KV heads over TP',
      path: 'parallelism.tp',
      detail: tp > 1 ? `MLA keeps one latent KV vector per token: the cache is replicated on all ${tp} tp ranks` : 'MLA, tp=1',
    });
  } else if (model.kv_heads !== undefined) {
    const kv = model.kv_heads;
    if (kv % tp === 0) {
      out.push({
        id: 'layout.kv_heads',
        status: 'pass',
        title: 'KV heads over TP',
        path: 'parallelism.tp',
        value: kv,
        limit: tp,
        detail: `${kv} KV heads over tp=${tp}: ${kv / tp} per device`,
      });
    } else if (tp % kv === 0) {
      out.push({
        id: 'layout.kv_heads',
        status: 'pass',
        title: 'KV heads over TP',
        path: 'parallelism.tp',
        value: kv,
        limit: tp,
        detail: `tp=${tp} exceeds the ${kv} KV heads: each KV head (and its cache) is replicated on ${tp / kv} ranks`,
      });
    } else {
      out.push({
        id: 'layout.kv_heads',
        status: 'fail',
        title: 'KV heads over TP',
        path: 'parallelism.tp',
        value: kv,
        limit: tp,
        detail: `${kv} KV heads cannot be split or evenly replicated over tp=${tp}`,
      });
    }
  }

  // TP across nodes: every layer's all-reduces would cross the slower inter-node link.
  if (tp > hw.gpusPerNode) {
    out.push({
      id: 'layout.tp_within_node',
      status: 'warn',
      title: 'TP within a node',
      path: 'parallelism.tp',
      value: tp,
      limit: hw.gpusPerNode,
      detail: `tp=${tp} spans nodes of ${countOf(hw.gpusPerNode, 'device')}: each layer's all-reduce crosses the inter-node network`,
    });
  }
  if (hw.gpus !== undefined && hw.gpus > hw.gpusPerNode && hw.gpus % hw.gpusPerNode !== 0) {
    out.push({
      id: 'layout.nodes',
      status: 'warn',
      title: 'Whole nodes',
      path: 'hardware.gpus',
      value: hw.gpus,
      limit: hw.gpusPerNode,
      detail: `${hw.gpus} devices do not fill whole nodes of ${hw.gpusPerNode}`,
    });
  }
  if (pp > 1 && layout.microbatches !== pp) {
    const m = layout.microbatches;
    out.push({
      id: 'layout.microbatches',
      status: 'warn',
      title: 'Pipeline fill',
      path: 'parallelism.microbatches',
      value: m,
      limit: pp,
      detail:
        m < pp
          ? `${countOf(m, 'microbatch', 'microbatches')} for ${pp} stages: stages idle ${(100 * (1 - m / pp)).toFixed(0)}% of each decode step`
          : // more microbatches than stages fill no idle stage; each reads the stage's weights once more a step
            `${m} microbatches for ${pp} stages: ${pp} keep every stage busy; each one more reads the stage's weights again in every decode step (up to ${(m / pp).toFixed(1)}x the weight reads; the estimate prices the ${m} stated, the bounds at most ${pp})`,
    });
  }
  return out;
}

/**
 * SGLang's --tp counts every device of an engine under --enable-dp-attention (--tp 8 --dp 8 is eight
 * ranks of attention TP 1), where a plan's tp is each DP rank's: a layout whose tp alone fills the
 * devices is most likely written so.
 */
function dpAttentionHint(layout: Layout, gpus: number): string {
  const { tp, pp, dp, cp } = layout;
  if (dp <= 1 || tp * pp * cp !== gpus || tp % dp !== 0) return '';
  return `; if tp counts every device, as SGLang's --tp does with --enable-dp-attention (--tp ${tp} --dp ${dp}), write tp: ${tp / dp}, dp: ${dp} (each DP rank's attention TP)`;
}
