// Hybrid linear attention, sparse-attention indexers, chunked windows, MTP modules and 4-bit group
// sizes: cache bytes per sequence against hand calculations from each model's config.json, and
// against what serving engines logged at start-up.
import { describe, expect, it } from 'vitest';
import { windowKeys, windowPairs } from '../src/core/layerKinds.js';
import {
  stageKvBytesPerSequence,
  stageKvBytesPerToken,
  stageKvReadBytesPerSequence,
  stageStateBytesPerSequence,
  stageWeightBytes,
} from '../src/core/memory.js';
import { deriveModelFacts, type ModelFacts } from '../src/core/modelFacts.js';
import type { Layout } from '../src/core/resolve.js';
import { buildStages, type Stage } from '../src/core/stages.js';
import type { ModelSpec } from '../src/core/types.js';
import { modelPreset } from '../src/presets/index.js';
import { GIB, check, verify } from './core-helpers.js';

const layout = (tp = 1, extra: Partial<Layout> = {}): Layout => ({
  tp,
  pp: 1,
  dp: 1,
  cp: 1,
  ep: 1,
  etp: tp,
  microbatches: 1,
  layersPerStage: null,
  worldSize: tp,
  edp: 1,
  ...extra,
});

function factsOf(spec: ModelSpec, mtpLoaded = false): ModelFacts {
  const r = deriveModelFacts(spec, 'estimate', { mtpLoaded });
  if (!r.facts) throw new Error(`missing ${r.missing.join(', ')}`);
  return r.facts;
}

function stageOf(facts: ModelFacts, pp = 1): Stage[] {
  const stages = buildStages(facts, pp, null);
  if (!stages) throw new Error('no stages');
  return stages;
}

describe('windowed layers: sliding or by aligned chunks', () => {
  it('counts keys and pairs by hand', () => {
    // window 4: positions 1..10 see 1 2 3 4 4 4 4 4 4 4 keys sliding, 1 2 3 4 1 2 3 4 1 2 chunked
    expect(windowPairs(0, 10, 4, 'sliding')).toBe(34);
    expect(windowPairs(0, 10, 4, 'chunked')).toBe(23);
    // tokens 4..6 of a prompt whose first 3 are cached: 4 + 1 + 2 chunked
    expect(windowPairs(3, 6, 4, 'chunked')).toBe(7);
    expect(windowKeys(9, 4, 'chunked')).toBe(1);
    expect(windowKeys(9, 4, 'sliding')).toBe(4);
  });

  it('Llama 4: a chunked layer reads its current chunk in decode, but its cache is sized for a full chunk', () => {
    const facts = factsOf(modelPreset('llama-4-scout')!.spec);
    const [stage] = stageOf(facts);
    // 12 global layers + 36 chunked layers of 8192; KV per token per layer 2 x 8 x 128 x 2 = 4096 bytes
    const context = 8192 + 100;
    expect(stageKvBytesPerSequence(facts, layout(), stage!, context)).toBe(4096 * (12 * context + 36 * 8192));
    // in decode the chunked layers read only the 100 tokens of the new chunk
    expect(stageKvReadBytesPerSequence(facts, layout(), stage!, context, true)).toBe(4096 * (12 * context + 36 * 100));
  });
});

describe('Qwen3.5-397B-A17B: 15 full-attention layers with a KV cache, 45 Gated DeltaNet layers with a fixed state', () => {
  // config.json: num_key_value_heads 2, head_dim 256; linear_num_value_heads 64, linear_key_head_dim 128,
  // linear_value_head_dim 128, linear_num_key_heads 16, linear_conv_kernel_dim 4; bf16 KV, fp32 state.
  const kvPerTokenLayer = 2 * 2 * 256 * 2; // K and V, 2 heads of 256, 2 bytes: 2,048
  const ssmPerLayer = 64 * 128 * 128 * 4; // one 128 x 128 fp32 matrix per value head: 4,194,304
  const convPerLayer = (2 * 16 * 128 + 64 * 128) * (4 - 1) * 2; // q, k, v channels x 3 past inputs x 2 bytes: 73,728
  const facts = factsOf(modelPreset('qwen3.5-397b-a17b')!.spec);
  const [stage] = stageOf(facts);

  it('per sequence: 15 x 2,048 bytes per token of context plus 45 x 4,268,032 bytes of state', () => {
    expect(facts.linearLayers).toBe(45);
    for (const context of [1, 4096, 131072]) {
      expect(stageKvBytesPerSequence(facts, layout(), stage!, context)).toBe(15 * kvPerTokenLayer * context + 45 * (ssmPerLayer + convPerLayer));
    }
    // 192 MB of state per sequence whatever the context: 4k tokens of KV are only 126 MB
    expect(stageStateBytesPerSequence(facts, layout(), stage!)).toBe(192_061_440);
    // the token pool counts full-attention layers only
    expect(stageKvBytesPerToken(facts, layout(), stage!)).toBe(15 * kvPerTokenLayer);
  });

  it('tensor parallelism splits the state by heads and the 2 KV heads at most 2 ways', () => {
    expect(stageStateBytesPerSequence(facts, layout(8), stage!)).toBe(192_061_440 / 8);
    expect(stageKvBytesPerToken(facts, layout(8), stage!)).toBe((15 * kvPerTokenLayer) / 2);
  });

  it("matches SGLang's start-up log on two GPUs (TP2) within 1%", () => {
    // https://github.com/kvcache-ai/ktransformers/issues/1870 (SGLang, Qwen3_5MoeForConditionalGeneration, TP2):
    //   "Mamba Cache is allocated. max_mamba_cache_size: 82, conv_state size: 0.13GB, ssm_state size: 7.29GB"
    //   "KV Cache is allocated. #tokens: 580364, K size: 4.15 GB, V size: 4.15 GB"
    // SGLang's "GB" are GiB; its mamba pool holds max_mamba_cache_size + 1 slots (slot 0 is a padding slot).
    const perToken = stageKvBytesPerToken(facts, layout(2), stage!);
    const tokens = (8.3 * GIB) / perToken;
    expect(Math.abs(tokens / 580_364 - 1)).toBeLessThan(0.01);
    const statePerSlot = ((7.29 + 0.13) * GIB) / 83;
    expect(Math.abs(stageStateBytesPerSequence(facts, layout(2), stage!) / statePerSlot - 1)).toBeLessThan(0.01);
  });

  it('decode reads the state (and writes it back in the estimate); the floor counts the read alone', () => {
    const read = stageKvReadBytesPerSequence(facts, layout(), stage!, 1000, false);
    const readWrite = stageKvReadBytesPerSequence(facts, layout(), stage!, 1000, true);
    expect(read).toBe(15 * kvPerTokenLayer * 1000 + 192_061_440);
    expect(readWrite - read).toBe(192_061_440);
  });

  it('weights: the shape adds up to the 396.35B llama.cpp counts in the checkpoint (vision tower and MTP aside)', () => {
    // llama.cpp print_info for Qwen3.5-397B-A17B: "model params = 396.35 B"
    // https://github.com/ggml-org/llama.cpp/pull/13194
    expect(Math.abs((facts.totalParams - facts.visionShipped) / 396.35e9 - 1)).toBeLessThan(0.001);
  });
});

describe("the recurrent state's dtype is the engine's when neither plan nor checkpoint names it", () => {
  // Qwen3-Next-80B-A3B config.json names no mamba_ssm_dtype: linear_num_value_heads 32, linear_key_head_dim and
  // linear_value_head_dim 128, linear_num_key_heads 16, linear_conv_kernel_dim 4; 36 Gated DeltaNet layers.
  // SGLang keeps the state in fp32 (configs/mamba_utils.py, mamba2_state_dtype); vLLM in the model's dtype, bf16
  // (mamba_utils.py, _mamba_state_dtype with --mamba-ssm-cache-dtype auto); the conv window is bf16 in both.
  const spec = modelPreset('qwen3-next-80b-a3b')!.spec;
  const conv = (2 * 16 * 128 + 32 * 128) * (4 - 1) * 2; // 8,192 channels x 3 past inputs x 2 bytes = 49,152
  const facts = (engine: 'vllm' | 'sglang' | 'trtllm') => deriveModelFacts(spec, 'estimate', { engine }).facts!;

  it('Qwen3-Next per sequence: 36 x (32 x 128 x 128 x 4 + 49,152) under SGLang, 36 x (32 x 128 x 128 x 2 + 49,152) under vLLM', () => {
    // SGLang: 36 x (2,097,152 + 49,152) = 77,266,944 bytes; vLLM and TensorRT-LLM: 36 x (1,048,576 + 49,152) = 39,518,208
    expect(stageStateBytesPerSequence(facts('sglang'), layout(), stageOf(facts('sglang'))[0]!)).toBe(77_266_944);
    expect(36 * (32 * 128 * 128 * 2 + conv)).toBe(39_518_208);
    expect(stageStateBytesPerSequence(facts('vllm'), layout(), stageOf(facts('vllm'))[0]!)).toBe(39_518_208);
    expect(stageStateBytesPerSequence(facts('trtllm'), layout(), stageOf(facts('trtllm'))[0]!)).toBe(39_518_208);
  });

  it('Qwen3.5 names mamba_ssm_dtype float32: vLLM copies it, so its state stays 192,061,440 bytes', () => {
    const f = deriveModelFacts(modelPreset('qwen3.5-397b-a17b')!.spec, 'estimate', { engine: 'vllm' }).facts!;
    expect(stageStateBytesPerSequence(f, layout(), stageOf(f)[0]!)).toBe(192_061_440);
  });

  it('a vLLM plan of Qwen3-Next holds the bf16 state: one 36,864-token sequence is 0.44 GiB on each of two ranks, not 0.46', () => {
    // per rank at TP2: 12 full layers x (2 x 1 KV head x 256 x 2 bytes) x 36,864 tokens = 452,984,832 bytes,
    // plus half the state: vLLM 39,518,208 / 2 = 19,759,104 (0.440 GiB in all), SGLang 77,266,944 / 2 (0.458 GiB)
    const plan = (engine: string) => `
version: 1
model: {preset: qwen3-next-80b-a3b}
hardware: {preset: h200, gpus: 2}
parallelism: {tp: 2}
deployment: {engine: ${engine}}
workload: {concurrency: 32, input_tokens: 1024, output_tokens: 1024, max_input_tokens: 32768, max_output_tokens: 4096}
`;
    const kvOne = (engine: string) => /([\d.]+) GiB KV of one sequence/.exec(check(verify(plan(engine)), 'memory.fits').detail!)![1];
    expect((452_984_832 + 19_759_104) / GIB).toBeCloseTo(0.4403, 4);
    expect(kvOne('vllm')).toBe('0.44');
    expect(kvOne('sglang')).toBe('0.46');
  });
});

describe('DeepSeek-V3.2: MLA latent plus indexer keys per token; attention reads the top 2,048', () => {
  const spec = modelPreset('deepseek-v3.2')!.spec;

  it('per token and layer: 576 x 2 bytes of bf16 latent + 132 bytes of fp8 indexer key (128 + one fp32 scale)', () => {
    const facts = factsOf({ ...spec, kv_cache_dtype: 'bf16' });
    const [stage] = stageOf(facts);
    expect(stageKvBytesPerToken(facts, layout(8), stage!)).toBe(61 * (576 * 2 + 132));
    expect(stageKvBytesPerSequence(facts, layout(8), stage!, 10_000)).toBe(61 * (576 * 2 + 132) * 10_000);
  });

  it('an fp8 cache uses the sparse MLA layout: 512 fp8 + 4 fp32 scales + 64 bf16 rotary = 656 bytes', () => {
    const facts = factsOf({ ...spec, kv_cache_dtype: 'fp8' });
    const [stage] = stageOf(facts);
    expect(stageKvBytesPerToken(facts, layout(), stage!)).toBe(61 * (656 + 132));
  });

  it("matches SGLang's start-up log on 8 x B200 within 1%", () => {
    // https://github.com/sgl-project/sglang/pull/11309 (DeepSeek-V3.2-Exp, --tp 8 --dp 8 --enable-dp-attention):
    //   with the indexer counted: "KV Cache is allocated. #tokens: 975424, KV size: 43.67 GB"
    //   before, latent only:      "KV Cache is allocated. #tokens: 1462784, KV size: 54.52 GB"  (GiB)
    const facts = factsOf({ ...spec, kv_cache_dtype: 'fp8' });
    const [stage] = stageOf(facts);
    const tokens = (43.67 * GIB) / stageKvBytesPerToken(facts, layout(), stage!);
    expect(Math.abs(tokens / 975_424 - 1)).toBeLessThan(0.01);
    const latentOnly = (54.52 * GIB) / (61 * 656);
    expect(Math.abs(latentOnly / 1_462_784 - 1)).toBeLessThan(0.01);
  });

  it('SGLang counts its fp8 pool by the 576-byte latent it profiles, not the 656 bytes it then allocates', () => {
    // sglang model_runner_kv_cache_mixin.get_cell_size_per_token: (kv_lora_rank + qk_rope_head_dim) x 1 byte
    // + the indexer's 132, while calculate_mla_kv_cache_dim sizes the buffers at 656 (fp8, scales, bf16 rope).
    // GLM-5-FP8 on 8 x MI355X, --tp-size 8 --kv-cache-dtype fp8_e4m3 (SGLang 0.5.8.post1): 3,262,823 tokens,
    // "KV size: 186.77 GB" = 3,262,823 x 78 x (656 + 132) bytes, allocated from a share of 78 x (576 + 132).
    const yaml = (engine: string) => `
version: 1
model: {preset: glm-5, weight_dtype: fp8, kv_cache_dtype: fp8, weight_dtypes: {embeddings: bf16}}
hardware: {preset: mi355x, gpus: 8}
parallelism: {tp: 8}
deployment: {engine: ${engine}}
workload: {concurrency: 1, input_tokens: 1024, output_tokens: 1024}
`;
    const sg = verify(yaml('sglang'));
    const pool = sg.details!.devices[0]!.kv_pool_gib! * GIB;
    expect(Math.abs(sg.metrics!.kv_cache_capacity_tokens! - pool / (78 * (576 + 132)))).toBeLessThan(200);
    expect(3_262_823 * 78 * (656 + 132)).toBeCloseTo(186.77 * GIB, -8);
    // vLLM's fp8_ds_mla pages hold the 656 bytes and count them
    const vl = verify(yaml('vllm'));
    const vpool = vl.details!.devices[0]!.kv_pool_gib! * GIB;
    expect(Math.abs(vl.metrics!.kv_cache_capacity_tokens! - vpool / (78 * (656 + 132)))).toBeLessThan(200);
  });

  it('decode reads min(context, 2048) latents per layer but every indexer key', () => {
    const facts = factsOf({ ...spec, kv_cache_dtype: 'bf16' });
    const [stage] = stageOf(facts);
    expect(stageKvReadBytesPerSequence(facts, layout(), stage!, 100_000, true)).toBe(61 * (1152 * 2048 + 132 * 100_000));
    expect(stageKvReadBytesPerSequence(facts, layout(), stage!, 1000, true)).toBe(61 * (1152 + 132) * 1000);
  });

  it("long prompts: the sparse model's decode floor grows with context far slower than V3's", () => {
    const yaml = (preset: string) => `
version: 1
model: {preset: ${preset}, kv_cache_dtype: bf16}
hardware: {preset: b200, gpus: 8}
parallelism: {tp: 8, ep: 8}
workload: {concurrency: 64, input_tokens: 100000, output_tokens: 1000}
`;
    const sparse = verify(yaml('deepseek-v3.2'));
    const dense = verify(yaml('deepseek-v3.1'));
    expect(sparse.details!.times.decode_step_ms.bound!).toBeLessThan(dense.details!.times.decode_step_ms.bound! / 2);
    expect(sparse.details!.times.decode_step_ms.bound!).toBeLessThanOrEqual(sparse.details!.times.decode_step_ms.estimate!);
  });
});

describe('the MoE router stays 16-bit in an fp8 checkpoint', () => {
  it('GLM-5-FP8: 75 MoE layers x 6,144 x 256 router weights at 2 bytes, 0.22 GiB on every rank (it was 0.11 at fp8)', () => {
    // The fp8 checkpoints quantize the linear layers but not the gate (mlp.gate.weight has no weight_scale_inv);
    // vLLM and SGLang build it unquantized (DeepseekV2MoE: ReplicatedLinear(..., quant_config=None); MoEGate).
    // GLM-5: 78 layers, the first 3 dense: 75 x 6,144 x 256 = 117,964,800 parameters, replicated on every rank.
    const facts = factsOf(modelPreset('zai-org/GLM-5-FP8')!.spec);
    const [stage] = stageOf(facts);
    const l = layout(8, { ep: 8, etp: 1 });
    expect(facts.bytes.experts).toBe(1);
    expect(facts.bytes.router).toBe(2);
    const routerBytes = stageWeightBytes(facts, l, stage!) - stageWeightBytes({ ...facts, router: 0 }, l, stage!);
    expect(routerBytes).toBe(75 * 6144 * 256 * 2); // 235,929,600 bytes
    expect(routerBytes / GIB).toBeCloseTo(0.2197, 4);
  });

  it('a bf16 model keeps its router at 2 bytes, as before', () => {
    expect(factsOf(modelPreset('glm-5')!.spec).bytes.router).toBe(2);
  });
});

describe('MTP modules and 4-bit groups', () => {
  it("DeepSeek's MTP layer weighs on the last stage only when speculative decoding runs it", () => {
    const spec = modelPreset('deepseek-r1')!.spec;
    const off = factsOf(spec);
    const on = factsOf(spec, true);
    const l = layout(8, { ep: 8, etp: 1 });
    const [stageOff] = stageOf(off);
    const [stageOn] = stageOf(on);
    const extra = stageWeightBytes(on, l, stageOn!) - stageWeightBytes(off, l, stageOff!);
    // one MoE decoder layer on this device (attention, 32 of 256 experts, shared expert, the router in bf16) plus eh_proj 2h x h in bf16
    const attention = (1536 * 128 * 192 + 512 * 128 * 256 + 128 * 128 * 7168) / 8 + 7168 * 1536 + 1536 + 7168 * 576 + 512 + 2 * 7168;
    const moe = (3 * 7168 * 2048) / 8 + 7168 * 256 * 2 + 32 * 3 * 7168 * 2048;
    expect(extra).toBeCloseTo(attention + moe + (2 * 7168 * 7168 + 3 * 7168) * 2, -3);
    // and its KV: one more layer's bf16 latent per token
    expect(stageKvBytesPerToken(on, l, stageOn!) - stageKvBytesPerToken(off, l, stageOff!)).toBe(576 * 2);
  });

  it('Kimi-K2.5: int4 experts in groups of 32 with bf16 scales are 4.5 bits, as its 531.6 GiB of expert tensors show', () => {
    // moonshotai/Kimi-K2.5 safetensors hold each expert matrix as packed int4 (down_proj.weight_packed [7168, 256] int32)
    // plus bf16 scales (down_proj.weight_scale [7168, 64]: one per 32 values); over 60 layers x 384 experts x 3 matrices
    // that is 3 x 157.50 GiB packed + 3 x 19.69 GiB of scales
    const facts = factsOf(modelPreset('kimi-k2.5')!.spec);
    expect(facts.bytes.experts).toBe(0.5 + 2 / 32);
    const expertBytes = facts.expert * facts.experts * (facts.layers - facts.denseLayers) * facts.bytes.experts;
    expect(expertBytes / GIB).toBeCloseTo(3 * (157.5 + 19.6875), 1);
    // NVFP4: groups of 16 with an fp8 scale, 4.5 bits; MXFP4 (gpt-oss): groups of 32, 4.25 bits
    expect(factsOf(modelPreset('nvidia/Qwen3-32B-NVFP4')!.spec).bytes.mlp).toBe(0.5 + 1 / 16);
    expect(factsOf(modelPreset('gpt-oss-120b')!.spec).bytes.experts).toBe(0.5 + 1 / 32);
  });
});

describe('plans of the new models verify end to end, floors below estimates', () => {
  const cases: [string, string, string][] = [
    ['qwen3.5-397b-a17b', 'b200_sxm', 'tp: 8, ep: 8'],
    ['Qwen/Qwen3.5-397B-A17B-FP8', 'h200_sxm', 'tp: 8'],
    ['zai-org/GLM-5-FP8', 'h200_sxm', 'tp: 8'],
    ['zhipuai/GLM-5', 'b300_sxm', 'tp: 8'],
    ['moonshotai/Kimi-K2.5', 'b200_sxm', 'tp: 8'],
    ['MiniMaxAI/MiniMax-M2.5', 'b300_sxm', 'tp: 2'],
    ['deepseek-ai/DeepSeek-R1', 'gb300', 'tp: 4, ep: 4'],
    ['qwen3-next-80b-a3b', 'h100_sxm', 'tp: 4'],
    ['llama-4-maverick', 'h200', 'tp: 8'],
    ['llama-4-scout', 'rtx-pro-6000', 'tp: 4'],
    ['nvidia/DeepSeek-R1-NVFP4', 'b200_sxm', 'tp: 4, ep: 4'],
  ];
  for (const [model, hardware, par] of cases) {
    it(`${model} on ${hardware}`, () => {
      const gpus = Number(/tp: (\d+)/.exec(par)![1]);
      const r = verify(`
version: 1
model: {preset: ${model}}
hardware: {preset: ${hardware}, gpus: ${gpus}}
parallelism: {${par}}
workload: {concurrency: 32, input_tokens: 1024, output_tokens: 1024, max_input_tokens: 8192, max_output_tokens: 1024}
`);
      expect(r.errors).toEqual([]);
      const m = r.metrics!;
      for (const key of ['weights_per_gpu_gib', 'ttft_ms', 'tpot_ms', 'throughput_tokens_per_s', 'kv_cache_capacity_tokens'] as const) {
        expect({ key, ok: m[key] !== null && Number.isFinite(m[key]) && m[key]! > 0 }).toEqual({ key, ok: true });
      }
      const t = r.details!.times;
      expect(t.decode_step_ms.bound!).toBeLessThanOrEqual(t.decode_step_ms.estimate!);
      expect(t.ttft_ms.bound!).toBeLessThanOrEqual(t.ttft_ms.estimate!);
      expect(t.throughput_tokens_per_s.bound!).toBeGreaterThanOrEqual(t.throughput_tokens_per_s.estimate!);
      expect(check(r, 'memory.fits').status).not.toBe('fail');
    });
  }
});
