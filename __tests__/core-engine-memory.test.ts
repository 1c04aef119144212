// Memory as each engine counts it (src/core/engine-memory.ts): CUDA-visible capacities, each engine's
// KV pool, its reservations, and what the engine can hold at once. Figures are worked by hand from the
// engines' sources or compared with their start-up logs (cited per test).
import { describe, expect, it } from 'vitest';
import { maxRunningSequences, sglangDefaults, vllmSchedulerDefaults, type DeviceFacts } from '../src/core/engine-memory.js';
import { vllmHybridGroups } from '../src/core/memory.js';
import type { ModelFacts } from '../src/core/modelFacts.js';
import type { Stage } from '../src/core/stages.js';
import { resolvePlan } from '../src/core/resolve.js';
import { renderPlanMarkdown } from '../src/report/markdown.js';
import { GIB, check, load, memoryPlan as plan, verify } from './core-helpers.js';

/** Llama 3.1 8B: 8,030,257,152 parameters in bf16; a token of KV cache is 32 x 8 x 128 x 2 x 2 = 128 KiB. */
const W8B = 8_030_257_152 * 2;
const KV8B = 131072;
/** vLLM's rotary table for it (engine-memory.ts, rotaryTableBytes): 131,072 positions (llama3 scaling) x 128 dims x 2 B = 32 MiB. */
const ROPE8B = 131_072 * 128 * 2;
/** Activation peak of vLLM's profiling pass for Llama 3.1 8B at 8,192 tokens with `sampled` sequences (core-memory.test.ts). */
const act8b = (sampled: number) => 8192 * (2 * 4096 + 3 * 14336) * 2 + sampled * 128256 * 10;

describe('device capacity: what the runtime can allocate', () => {
  it('Llama 3.1 8B on one H100 at gpu_memory_utilization 0.95: within 0.5% of the 476,016 tokens vLLM 0.19 logs (llm-d-planner accuracy report)', () => {
    const r = verify(
      plan(
        '  preset: llama-3.1-8b',
        '  preset: h100-sxm\n  gpus: 1',
        '  tp: 1',
        'concurrency: 1\n  input_tokens: 8192\n  output_tokens: 8192\n  memory_fraction: 0.95\n  max_batched_tokens: 8192',
        'deployment:\n  engine: vllm',
      ),
    );
    const tokens = r.metrics!.kv_cache_capacity_tokens!;
    expect(Math.abs(tokens / 476016 - 1)).toBeLessThan(0.005);
    // By hand: 0.95 x 79.19 GiB - weights and rotary table - activations (1,024 sampled sequences) - 0.25 GiB outside PyTorch, in blocks of 16.
    const pool = 0.95 * Math.round(79.19 * GIB) - W8B - ROPE8B - act8b(1024) - 0.25 * GIB;
    expect(tokens).toBe(Math.floor(pool / KV8B / 16) * 16);
  });
});

describe('vLLM: sampler warm-up and chunk by device size (vllm/engine/arg_utils.py get_batch_defaults)', () => {
  const work = 'concurrency: 1\n  input_tokens: 64\n  output_tokens: 8\n  max_batched_tokens: 8192';
  it('samples 1,024 sequences on a >= 70 GiB GPU and 256 on an A100 or a smaller GPU', () => {
    const h100 = verify(plan('  preset: llama-3.1-8b', '  preset: h100-sxm\n  gpus: 1', '  tp: 1', work));
    const a100 = verify(plan('  preset: llama-3.1-8b', '  preset: a100-80gb\n  gpus: 1', '  tp: 1', work));
    const l40s = verify(plan('  preset: llama-3.1-8b', '  preset: l40s\n  gpus: 1', '  tp: 1', work));
    expect(h100.metrics!.activations_per_gpu_gib! * GIB).toBeCloseTo(act8b(1024), -6);
    expect(a100.metrics!.activations_per_gpu_gib! * GIB).toBeCloseTo(act8b(256), -6);
    expect(l40s.metrics!.activations_per_gpu_gib! * GIB).toBeCloseTo(act8b(256), -6);
  });
  it('the scheduler defaults themselves', () => {
    const dev = (gib: number, name: string): DeviceFacts => ({ capacity: gib * GIB, name, switchedFabric: true, fp4Math: false });
    expect(vllmSchedulerDefaults(dev(79.19, 'nvidia h100 80gb sxm'))).toEqual({ maxBatchedTokens: 8192, maxNumSeqs: 1024 });
    expect(vllmSchedulerDefaults(dev(79.15, 'nvidia a100 80gb sxm'))).toEqual({ maxBatchedTokens: 2048, maxNumSeqs: 256 });
    expect(vllmSchedulerDefaults(dev(44.4, 'nvidia l40s'))).toEqual({ maxBatchedTokens: 2048, maxNumSeqs: 256 });
  });
  it('with deployment.engine the chunk is the engine default for the device (A100: 2,048); without, the project default 8,192', () => {
    const work2 = 'concurrency: 1\n  input_tokens: 64\n  output_tokens: 8';
    const withEngine = verify(plan('  preset: llama-3.1-8b', '  preset: a100-80gb\n  gpus: 1', '  tp: 1', work2, 'deployment:\n  engine: vllm'));
    const without = verify(plan('  preset: llama-3.1-8b', '  preset: a100-80gb\n  gpus: 1', '  tp: 1', work2));
    const chunk = (r: ReturnType<typeof verify>) => r.details!.assumptions.find((a) => a.name === 'workload.max_batched_tokens')!.value;
    expect(chunk(withEngine)).toMatch(/^2048 /);
    expect(chunk(without)).toBe('8192');
  });
});

describe('communication buffers grow with the TP group', () => {
  const work = 'concurrency: 1\n  input_tokens: 1024\n  output_tokens: 128';
  it('vLLM on H100: 0.25 GiB outside PyTorch at TP1, 2.17 GiB at TP4 (logged 2.13-2.21 GiB, vLLM 0.19)', () => {
    const tp1 = verify(plan('  preset: llama-3.1-8b', '  preset: h100-sxm\n  gpus: 1', '  tp: 1', work));
    const tp4 = verify(plan('  preset: llama-3.1-70b', '  preset: h100-sxm\n  gpus: 4', '  tp: 4', work));
    expect(tp1.details!.devices[0]!.overhead_gib).toBeCloseTo(0.25, 3);
    expect(tp4.details!.devices[0]!.overhead_gib).toBeCloseTo(0.25 + 1.8 + 4 * 0.03, 3);
    expect(tp4.details!.devices[0]!.overhead_gib! - 2.13).toBeLessThan(0.1);
  });
  it('over PCIe (L40S) the buffers stay small: 0.25 + 0.1 + 4 x 0.03 GiB at TP4', () => {
    const r = verify(plan('  preset: llama-3.1-8b', '  preset: l40s\n  gpus: 4', '  tp: 4', work));
    expect(r.details!.devices[0]!.overhead_gib).toBeCloseTo(0.47, 3);
  });
});

describe('MXFP4 expert padding (vLLM quantization/mxfp4.py: intermediate to 128, hidden to 256)', () => {
  const work = 'concurrency: 1\n  input_tokens: 4096\n  output_tokens: 4096';
  it('gpt-oss-120b on one H100: 65.8 GiB, within the 64.38-66.0 GiB vLLM logs; the floor keeps the unpadded 60.7 GiB', () => {
    const r = verify(plan('  preset: gpt-oss-120b', '  preset: h100-sxm\n  gpus: 1', '  tp: 1', work));
    // 128 experts x 36 layers x 3 x (2880 -> 2944) x (2880 -> 3072) x 4.25 bits, the rest bf16 as the unpadded figure.
    const unpadded = r.metrics!.weights_per_gpu_lower_bound_gib!;
    const experts = 128 * 36 * 3 * 2880 * 2880 * (0.5 + 1 / 32);
    const padded = unpadded * GIB + experts * ((2944 * 3072) / (2880 * 2880) - 1);
    // and vLLM's rotary table: yarn 32 x 4,096 positions x 64 dims x 2 B = 16 MiB
    const rope = 131_072 * 64 * 2;
    expect(r.metrics!.weights_per_gpu_gib! * GIB).toBeCloseTo(padded + rope, -7);
    expect(r.metrics!.weights_per_gpu_gib!).toBeGreaterThan(64.38);
    expect(r.metrics!.weights_per_gpu_gib!).toBeLessThan(66.0);
    expect(unpadded).toBeLessThan(64.38);
  });
  it('Blackwell (FlashInfer) pads both sides to 256; an expert width already aligned is not padded', () => {
    const b200 = verify(plan('  preset: gpt-oss-120b', '  preset: b200\n  gpus: 1', '  tp: 1', work));
    const h100 = verify(plan('  preset: gpt-oss-120b', '  preset: h100-sxm\n  gpus: 1', '  tp: 1', work));
    expect(b200.metrics!.weights_per_gpu_gib!).toBeGreaterThan(h100.metrics!.weights_per_gpu_gib!);
    const aligned = verify(plan('  preset: qwen3-30b-a3b\n  weight_dtypes:\n    experts: fp4', '  preset: h100-sxm\n  gpus: 1', '  tp: 1', work));
    // the weights less vLLM's rotary table (40,960 x 128 x 2 B), which no floor counts
    expect(aligned.metrics!.weights_per_gpu_gib! - (40_960 * 128 * 2) / GIB).toBeCloseTo(aligned.metrics!.weights_per_gpu_lower_bound_gib!, 2);
  });
});

describe('sliding-window layers', () => {
  it('gpt-oss-120b at a 65,536-token context: half the layers reserve only a window and a chunk, so 1.77 times the sequences fit', () => {
    const r = verify(
      plan(
        '  preset: gpt-oss-120b',
        '  preset: h200\n  gpus: 1',
        '  tp: 1',
        'concurrency: 1\n  input_tokens: 32768\n  output_tokens: 32768',
        'deployment:\n  engine: vllm',
      ),
    );
    const capacity = r.metrics!.kv_cache_capacity_tokens!;
    // Capacity counts every layer per token. vLLM's concurrency counts a request at its start-up
    // reservation: 18 full layers x 65,536 and 18 sliding ones x (cdiv(127 + 8,192, 16) + 1) x 16 = 8,336
    // (the window and a prefill chunk of H200's default 8,192), not the 128 a running sequence keeps.
    const reserved = (18 * 65536 + 18 * (Math.ceil((127 + 8192) / 16) + 1) * 16) / 36;
    expect(reserved).toBe(36936);
    expect(r.metrics!.max_concurrency_at_max_context).toBe(Math.floor(capacity / reserved));
    expect(r.metrics!.max_concurrency_at_max_context!).toBeGreaterThan(1.7 * Math.floor(capacity / 65536));
  });
  it('SGLang serves gpt-oss with hybrid SWA memory off: every layer holds the whole context', () => {
    const r = verify(
      plan(
        '  preset: gpt-oss-120b',
        '  preset: h200\n  gpus: 1',
        '  tp: 1',
        'concurrency: 1\n  input_tokens: 32768\n  output_tokens: 32768',
        'deployment:\n  engine: sglang',
      ),
    );
    expect(r.metrics!.max_concurrency_at_max_context).toBe(Math.floor(r.metrics!.kv_cache_capacity_tokens! / 65536));
  });
});

describe("vLLM's hybrid KV groups pad the smaller kind of layer (v1/core/kv_cache_utils.py)", () => {
  // Gemma 3 27B's text model: 62 layers, every sixth full, the rest sliding over 1,024 tokens.
  const gemma3 = [
    '  layers: 62\n  hidden_size: 5376\n  heads: 32\n  kv_heads: 16\n  head_dim: 128\n  ffn_hidden_size: 21504',
    '  vocab_size: 262208\n  tied_embeddings: true\n  attention: gqa\n  weight_dtype: bf16',
    '  sliding_window: 1024\n  sliding_window_layers: 52',
  ].join('\n');
  const work = 'concurrency: 1\n  input_tokens: 4096\n  output_tokens: 4096\n  memory_fraction: 0.95\n  max_batched_tokens: 8192';
  it('the groups: size the fewest layers of a kind, or the most when under 1.5x the fewest', () => {
    const stage = (full: number, sliding: number, mtp = 0) =>
      ({
        index: 0,
        layers: full + sliding,
        denseLayers: 0,
        moeLayers: 0,
        unquantizedMlpLayers: 0,
        slidingLayers: sliding,
        linearLayers: 0,
        mtpLayers: mtp,
        hasEmbedding: true,
        hasLmHead: true,
      }) as Stage;
    const facts = { indexer: null } as unknown as ModelFacts;
    expect(vllmHybridGroups(facts, stage(10, 52))).toEqual({ full: 1, windowed: 6, size: 10 }); // Gemma 3 27B: 8 padding layers
    expect(vllmHybridGroups(facts, stage(12, 36))).toEqual({ full: 1, windowed: 3, size: 12 }); // Llama 4 Scout: none
    expect(vllmHybridGroups(facts, stage(12, 12))).toEqual({ full: 1, windowed: 1, size: 12 }); // gpt-oss-20b
    expect(vllmHybridGroups(facts, stage(12, 12, 1))).toEqual({ full: 1, windowed: 1, size: 13 }); // + an MTP/EAGLE layer: 13 and 13
    expect(vllmHybridGroups(facts, stage(48, 0))).toBeNull(); // one kind: one group
  });
  it('Gemma 3 27B on one H100 at 0.95: the pool over 70 layer pages per token, not 62 (vLLM 0.19 logs 36,560 for 19.53 GiB)', () => {
    const r = verify(plan(gemma3, '  preset: h100-sxm\n  gpus: 1', '  tp: 1', work, 'deployment:\n  engine: vllm'));
    const pool = r.details!.devices[0]!.kv_pool_gib! * GIB;
    const perLayer = 16 * 128 * 2 * 2;
    const tokens = r.metrics!.kv_cache_capacity_tokens!;
    expect(tokens).toBeLessThanOrEqual(Math.floor(pool / (70 * perLayer) / 16) * 16 + 16);
    expect(tokens).toBeGreaterThanOrEqual(Math.floor(pool / (70 * perLayer) / 16) * 16 - 16);
    // The logged pool gives the logged count exactly: 19.53 GiB over 70 x 8 KiB, in blocks of 16.
    expect(Math.floor((19.53 * GIB) / (70 * perLayer) / 16) * 16).toBe(36560);
    // vLLM counts a request of 8,192 tokens at its start-up reservation: 512 blocks in the full group and
    // cdiv(min(1,023 + 8,192, 8,192), 16) + 1 = 513 in each of the six sliding groups, not the 64 of a window.
    expect(r.metrics!.max_concurrency_at_max_context).toBe(Math.floor((tokens * 7) / ((512 + 6 * 513) * 16)));
  });
  it("the words name the 8 padding layers vLLM's count includes; none for gpt-oss's even groups", () => {
    const r = verify(plan(gemma3, '  preset: h100-sxm\n  gpus: 1', '  tp: 1', work, 'deployment:\n  engine: vllm'));
    expect(r.details!.kv_cache_window).toEqual({ window_tokens: 1024, windowed_layers: 52, kind: 'sliding', padding_layers: 8 });
    expect(check(r, 'memory.fits').detail).toContain(
      "(its 52 sliding-window layers keep the last 1024 tokens of a sequence; 8 padding layers of vLLM's KV groups counted too, so one of 8,192 tokens takes 2,048; vLLM sets aside 8,206 tokens for it before it starts, a sliding-window layer its window and a prefill chunk of 8,192 tokens), 4 sequences of 8,192 tokens at once",
    );
  });
  it('with pp 2 each stage pads its own groups, and the words name them all: 5 full and 26 sliding layers a stage, 4 padding layers each', () => {
    const r = verify(plan(gemma3, '  preset: h100-sxm\n  gpus: 2', '  tp: 1\n  pp: 2', work, 'deployment:\n  engine: vllm'));
    // 31 layers a stage: groups of 5, 1 full and cdiv(26, 5) = 6 sliding, 35 layer pages for 31
    expect(r.details!.kv_cache_window).toEqual({ window_tokens: 1024, windowed_layers: 52, kind: 'sliding', padding_layers: 8 });
    expect(check(r, 'memory.fits').detail).toContain("8 padding layers of vLLM's KV groups counted too");
  });
  it("one longest request needs its padded groups' pages, as vLLM's start-up check counts them: no 'fits' beside '0 sequences at once'", () => {
    // 42 full and 20 sliding layers: groups of 20, the full kind padded to 60, 80 layer pages in all.
    // vLLM's check sets aside for a 50,000-token request 20 x (3 x 50,000 + 9,232) pages of 8 KiB, 24.30 GiB
    // (a sliding group: cdiv(1,023 + 8,192, 16) + 1 = 577 blocks of 16), past the 21.02 GiB pool; the 62
    // layers it stores make 16.18 GiB, which read as fitting (vLLM refuses to start).
    const padded = gemma3.replace('sliding_window_layers: 52', 'sliding_window_layers: 20');
    const long = work.replace('input_tokens: 4096', 'input_tokens: 45000').replace('output_tokens: 4096', 'output_tokens: 5000');
    const r = verify(plan(padded, '  preset: h100-sxm\n  gpus: 1', '  tp: 1', long, 'deployment:\n  engine: vllm'));
    const fits = check(r, 'memory.fits');
    expect(fits.status).toBe('fail');
    expect(fits.detail).toContain(`${((20 * (3 * 50000 + 577 * 16) * 16 * 128 * 2 * 2) / GIB).toFixed(2)} GiB KV of one sequence`);
    // SGLang pads nothing: its need is the 62 layers' bytes, and it fits
    expect(check(verify(plan(padded, '  preset: h100-sxm\n  gpus: 1', '  tp: 1', long, 'deployment:\n  engine: sglang')), 'memory.fits').status).toBe('pass');
  });
  it('Gemma 2 27B on one H100 at 0.95, max_model_len 8,192: the concurrency vLLM 0.19 logs (7.16x), not the window-only 9', () => {
    // validation/cases/vllm-gemma2-27b-h100-memory: 23 full and 23 sliding (4,096) layers, 2 groups of 23.
    const gemma2 = [
      '  layers: 46\n  hidden_size: 4608\n  heads: 32\n  kv_heads: 16\n  head_dim: 128\n  ffn_hidden_size: 36864',
      '  vocab_size: 256000\n  tied_embeddings: true\n  attention: gqa\n  mlp: gated\n  weight_dtype: bf16\n  kv_cache_dtype: bf16',
      '  sliding_window: 4096\n  sliding_window_layers: 23',
    ].join('\n');
    const r = verify(plan(gemma2, '  preset: h100-sxm\n  gpus: 1', '  tp: 1', work, 'deployment:\n  engine: vllm'));
    const tokens = r.metrics!.kv_cache_capacity_tokens!;
    // By hand (get_max_concurrency_for_kv_cache_config): a request of 8,192 tokens takes cdiv(8,192, 16) =
    // 512 blocks in the full group and cdiv(min(4,095 + 8,192, 8,192), 16) + 1 = 513 in the sliding one,
    // 1,025 blocks. The log's 58,672 tokens are num_blocks // 2 x 16, so num_blocks = 7,334 and
    // 7,334 / 1,025 = 7.155, logged "7.16x". In capacity tokens a request takes 1,025 x 16 / 2 = 8,200.
    expect(((2 * 58672) / 16 / 1025).toFixed(2)).toBe('7.16');
    expect(58672 / 8200).toBeCloseTo(7.155, 3);
    // The estimate's pool is 2.9% under the log's (56,976 tokens: a 4.27 GiB activation peak against the
    // 3.66 GiB profiled), so 56,976 / 8,200 = 6.95: 6 sequences of 8,192 at once. The window-only count
    // ((8,192 + 4,096) / 2 = 6,144 a request) said 9.
    expect(Math.abs(tokens / 58672 - 1)).toBeLessThan(0.04);
    expect(r.metrics!.max_concurrency_at_max_context).toBe(Math.floor(tokens / 8200));
    expect(Math.abs(tokens / 8200 - 7.155)).toBeLessThan(0.04 * 7.155);
    expect(r.metrics!.max_concurrency_at_max_context).toBe(6);
  });
  it("near the boundary memory.fits counts vLLM's start-up reservation: Gemma 3 27B at 0.72 fails as vLLM's check does", () => {
    // The pool at 0.72 is 21.02 GiB - 0.23 x 79.19 GiB = 2.81 GiB. One 8,192-token request keeps 10 x (8,192 +
    // 6 x 1,024) pages of 8 KiB running (1.09 GiB: fits), but vLLM's check sets aside 10 x (512 + 6 x 513)
    // blocks of 16 pages, 4.38 GiB, and refuses to start.
    const tight = work.replace('memory_fraction: 0.95', 'memory_fraction: 0.72');
    const r = verify(plan(gemma3, '  preset: h100-sxm\n  gpus: 1', '  tp: 1', tight, 'deployment:\n  engine: vllm'));
    const fits = check(r, 'memory.fits');
    const pool = r.details!.devices[0]!.kv_pool_gib! * GIB;
    const perPage = 16 * 128 * 2 * 2;
    const reserved = 10 * (512 + 6 * 513) * 16 * perPage;
    expect(pool).toBeGreaterThan(10 * (8192 + 6 * 1024) * perPage);
    expect(pool).toBeLessThan(reserved);
    expect(fits.status).toBe('fail');
    expect(fits.detail).toContain(`${(reserved / GIB).toFixed(2)} GiB KV of one sequence`);
    // SGLang reserves no chunk past the window (nor frees outside it): its own need is unchanged
    const sg = verify(plan(gemma3, '  preset: h100-sxm\n  gpus: 1', '  tp: 1', tight, 'deployment:\n  engine: sglang'));
    expect(check(sg, 'memory.fits').detail).toContain(`${((62 * 8192 * perPage) / GIB).toFixed(2)} GiB KV of one sequence`);
  });
  it('--num-gpu-blocks-override 1,000 (kv_cache_tokens 16,000): 1,000 blocks of 10 layer pages, logged as 1,000 // 7 groups x 16 tokens', () => {
    const r = verify(plan(gemma3, '  preset: h100-sxm\n  gpus: 1', '  tp: 1', `${work}\n  kv_cache_tokens: 16000`, 'deployment:\n  engine: vllm'));
    // kv_cache_utils: num_tokens = num_blocks // len(kv_cache_groups) x block_size; each block 10 x 16 x 8 KiB
    expect(r.metrics!.kv_cache_capacity_tokens).toBe(Math.floor(1000 / 7) * 16);
    expect(r.details!.devices[0]!.kv_pool_gib! * GIB).toBeCloseTo(1000 * 10 * 16 * 16 * 128 * 2 * 2, -7);
  });
  it('SGLang and TensorRT-LLM keep counting the 62 layers', () => {
    const sg = verify(plan(gemma3, '  preset: h100-sxm\n  gpus: 1', '  tp: 1', work, 'deployment:\n  engine: sglang'));
    const pool = sg.details!.devices[0]!.kv_pool_gib! * GIB;
    expect(sg.metrics!.kv_cache_capacity_tokens!).toBeCloseTo(pool / (62 * 16 * 128 * 2 * 2), -1);
  });
});

describe("sliding-window capacity is named as the engine's count over every layer", () => {
  // gpt-oss-120b on one H100 under vLLM at a 131,000-token context: vLLM 0.19 logs the pool over a
  // token's bytes in all 36 layers ("GPU KV cache size", validation case vllm-gptoss20b-2xh100-tp2-memory),
  // while its 18 sliding-window layers keep only 128 tokens of a sequence.
  const work = 'concurrency: 16\n  input_tokens: 2000\n  output_tokens: 1000\n  max_input_tokens: 129000\n  max_output_tokens: 2000';
  const oss = (engine: string) => verify(plan('  preset: gpt-oss-120b', '  preset: h100-sxm\n  gpus: 1', '  tp: 1', work, `deployment:\n  engine: ${engine}`));

  it('memory.fits says the tokens count every layer, what one longest request takes of them, and how many such requests fit', () => {
    const r = oss('vllm');
    const capacity = r.metrics!.kv_cache_capacity_tokens!;
    // a 131,000-token sequence: 18 full layers x 131,000 and 18 x 128, over 36 layers
    const takes = (18 * 131000 + 18 * 128) / 36;
    expect(takes).toBe(65564);
    // vLLM's start-up check and concurrency count it at its reservation: cdiv(131,000, 16) = 8,188 blocks
    // in a full layer, cdiv(127 + 8,192, 16) + 1 = 521 in a sliding one, (8,188 + 521) x 16 / 2 tokens
    const reserved = ((8188 + 521) * 16) / 2;
    expect(reserved).toBe(69672);
    // fewer capacity tokens than the request's length, yet it fits: the words must say why
    expect(capacity).toBeLessThan(131000);
    expect(r.metrics!.max_concurrency_at_max_context).toBe(Math.floor(capacity / reserved));
    expect(r.metrics!.max_concurrency_at_max_context).toBe(1);
    expect(check(r, 'memory.fits').detail).toContain(
      `its KV cache holds ${capacity.toLocaleString('en-US')} tokens per replica counted in every layer, as vLLM logs them (its 18 sliding-window layers keep the last 128 tokens of a sequence, so one of 131,000 tokens takes 65,564; vLLM sets aside 69,672 tokens for it before it starts, a sliding-window layer its window and a prefill chunk of 8,192 tokens), 1 sequence of 131,000 tokens at once`,
    );
  });
  it('memory.kv_capacity names the count too: 16 sequences of 2,500 tokens hold 21,024 of them, not 40,000', () => {
    const r = oss('vllm');
    expect(16 * ((18 * 2500 + 18 * 128) / 36)).toBe(21024);
    expect(check(r, 'memory.kv_capacity').detail).toMatch(
      /^16 sequences at a mean context of 2,500 tokens hold 21,024 of the [\d,]+ tokens of KV cache \(tokens counted in every layer, as vLLM logs them: its 18 sliding-window layers keep the last 128 tokens of a sequence\)$/,
    );
  });
  it('SGLang keeps every token in every layer (hybrid SWA memory off): its tokens are tokens of context, and nothing is added', () => {
    const r = oss('sglang');
    expect(check(r, 'memory.kv_capacity').detail).toMatch(/^16 sequences at a mean context of 2,500 tokens hold 40,000 of the [\d,]+ tokens of KV cache$/);
    expect(check(r, 'memory.fits').detail).not.toContain('counted in every layer');
    expect(r.details!.kv_cache_window).toBeUndefined();
  });
  it('the details carry the window for the reports: 18 sliding layers of 128 under vLLM; none for a model without windows', () => {
    expect(oss('vllm').details!.kv_cache_window).toEqual({ window_tokens: 128, windowed_layers: 18, kind: 'sliding' });
    const llama = verify(plan('  preset: llama-3.1-8b', '  preset: h100-sxm\n  gpus: 1', '  tp: 1', work));
    expect(llama.details!.kv_cache_window).toBeUndefined();
    expect(check(llama, 'memory.fits').detail).not.toContain('counted in every layer');
  });
});

describe('prefix-shared KV blocks are held once', () => {
  it('10 sequences of 4,096 tokens sharing a 2,000-token prefix: (10 x 4,096 - 9 x 2,000) x 128 KiB', () => {
    const work = 'concurrency: 10\n  input_tokens: 1000\n  output_tokens: 24\n  max_input_tokens: 4000\n  max_output_tokens: 96\n  prefix_cache_hit_rate: 0.5';
    const r = verify(plan('  preset: llama-3.1-8b', '  preset: h100-sxm\n  gpus: 1', '  tp: 1', work));
    expect(r.metrics!.kv_cache_per_gpu_gib!).toBeCloseTo(((10 * 4096 - 9 * 2000) * KV8B) / GIB, 2);
    // one sequence's KV is the floor: sharing cannot take it lower
    expect(r.metrics!.memory_per_gpu_lower_bound_gib! * GIB).toBeLessThanOrEqual(r.metrics!.memory_per_gpu_gib! * GIB);
  });
  it('the running batch counts the shared prefix once', () => {
    const work = 'concurrency: 4096\n  input_tokens: 8000\n  output_tokens: 1000\n  prefix_cache_hit_rate: 0.5';
    const r = verify(plan('  preset: llama-3.1-8b', '  preset: h100-sxm\n  gpus: 1', '  tp: 1', work));
    const capacity = r.metrics!.kv_cache_capacity_tokens!;
    // 4,000 shared tokens once, then 4,000 + 500 tokens of its own per sequence
    expect(r.metrics!.max_running_sequences).toBe(Math.floor((capacity - 4000) / 4500));
  });
});

describe('SGLang: mem_fraction_static of the memory free after initialisation, less the weights (model_runner.profile_max_num_token)', () => {
  const qwen = '  preset: qwen3-235b-a22b\n  weight_dtype: fp8\n  kv_cache_dtype: bf16\n  weight_dtypes:\n    embeddings: bf16';
  it('Qwen3-235B-FP8 on 4x H100 at 0.93: within 2% of the 367,404 tokens SGLang logs (vLLM issue 21348)', () => {
    const r = verify(
      plan(
        qwen,
        '  preset: h100-sxm\n  gpus: 4',
        '  tp: 4',
        'concurrency: 1\n  input_tokens: 20480\n  output_tokens: 20480\n  memory_fraction: 0.93\n  max_batched_tokens: 8192',
        'deployment:\n  engine: sglang',
      ),
    );
    const tokens = r.metrics!.kv_cache_capacity_tokens!;
    expect(Math.abs(tokens / 367404 - 1)).toBeLessThan(0.02);
    // By hand: free = 79.19 GiB - 0.6 GiB of CUDA context - (1.8 + 4 x 0.03) GiB of NCCL buffers; 94 layers x 1 KV head x 128 x 2 x 2 bytes.
    const free = Math.round(79.19 * GIB) - 0.6 * GIB - (1.8 + 0.12) * GIB;
    const weights = r.details!.devices[0]!.weights_gib! * GIB;
    expect(Math.abs(tokens - (0.93 * free - weights) / 48128)).toBeLessThan(200);
  });
  it('defaults by device and tp (server_args._handle_gpu_memory_settings): H100 TP1 0.834, H200 TP8 0.896, B200 TP8 0.851 with 16k chunks', () => {
    const dev = (gib: number): DeviceFacts => ({ capacity: gib * GIB, name: '', switchedFabric: true, fp4Math: false });
    // H100: reserved = 512 + 1.5 x 8192 + 2 x 256 + 1024 / 8 = 13,440 MB of 81,091 MB
    expect(sglangDefaults(dev(79.19), 1, 1).memFractionStatic).toBeCloseTo(1 - 13440 / (79.19 * 1024), 3);
    expect(sglangDefaults(dev(139.8), 8, 1).memFractionStatic).toBeCloseTo(0.896, 3);
    const b200 = sglangDefaults(dev(178.35), 8, 1);
    expect(b200.chunkedPrefill).toBe(16384);
    expect(b200.memFractionStatic).toBeCloseTo(1 - (512 + 1.5 * 16384 + 2 * 512 + 1024) / (178.35 * 1024), 3);
  });
  it('reserves for DP attention and speculative drafts as server_args._handle_gpu_memory_settings does', () => {
    const dev = (gib: number): DeviceFacts => ({ capacity: gib * GIB, name: '', switchedFabric: true, fp4Math: false });
    const mb = 139.8 * 1024;
    // H200 at SGLang tp_size 8: 512 + 1.5 x 8192 + 2 x 512 + 1024 = 14,848 MB without DP attention
    expect(sglangDefaults(dev(139.8), 8, 1).memFractionStatic).toBeCloseTo(0.896, 3);
    // --dp 8 --enable-dp-attention: + 3 x 512 x 8 + 1.5 x 512 x 8 (cuda_graph_max_bs 512 > 300) = 33,280 MB
    expect(sglangDefaults(dev(139.8), 8, 1, { dpAttention: 8 }).memFractionStatic).toBeCloseTo(Math.round(((mb - 33280) / mb) * 1000) / 1000, 3);
    // EAGLE / NEXTN (MTP) drafts: 2 GB after the 10 GB floor; a separate draft model (STANDALONE) 6 GB; NGRAM none
    const h100 = 79.19 * 1024;
    expect(sglangDefaults(dev(79.19), 1, 1, { speculative: 'mtp' }).memFractionStatic).toBeCloseTo(Math.round(((h100 - 13440 - 2048) / h100) * 1000) / 1000, 3);
    expect(sglangDefaults(dev(79.19), 1, 1, { speculative: 'draft' }).memFractionStatic).toBeCloseTo(
      Math.round(((h100 - 13440 - 6144) / h100) * 1000) / 1000,
      3,
    );
    expect(sglangDefaults(dev(79.19), 1, 1, { speculative: 'ngram' }).memFractionStatic).toBeCloseTo(sglangDefaults(dev(79.19), 1, 1).memFractionStatic, 3);
  });
  it("DP attention (experts over the DP ranks) takes SGLang's defaults at its own tp_size, tp x dp, and splits the chunk over the ranks", () => {
    // DeepSeek-V3 on 8 H200s as --tp 8 --dp 8 --enable-dp-attention: SGLang's tp_size is 8 (0.768 of the
    // device with the DP-attention reserve), its 8192-token chunk split into 8192 / 8 = 1024 per rank (server_args: chunked_prefill_size //= dp_size).
    const dpAttention = (dp: number, ep: number) =>
      resolvePlan(
        load(
          `version: 1\nmodel: {preset: deepseek-v3}\nhardware: {preset: h200, gpus: ${dp}}\nparallelism: {tp: 1, dp: ${dp}, ep: ${ep}}\nworkload: {concurrency: 64, input_tokens: 1024, output_tokens: 256}\ndeployment: {engine: sglang}\n`,
        ).plan,
        {},
      ).workload;
    const w = dpAttention(8, 8);
    expect(w.maxBatchedTokens).toBe(1024);
    // reserved = 14,848 MB + 3 x 512 x 8 + 1.5 x 512 x 8 (DP attention, cuda_graph_max_bs 512 > 300) = 33,280 MB
    expect(w.memoryFraction).toBeCloseTo(0.768, 3);
    // and the assumption says why it is lower than the device and tp alone give
    const assumed = resolvePlan(
      load(
        'version: 1\nmodel: {preset: deepseek-v3}\nhardware: {preset: h200, gpus: 8}\nparallelism: {tp: 1, dp: 8, ep: 8}\nworkload: {concurrency: 64, input_tokens: 1024, output_tokens: 256}\ndeployment: {engine: sglang}\n',
      ).plan,
      {},
    ).assumptions.find((a) => a.name === 'workload.memory_fraction')!;
    expect(assumed.value).toBe("0.768 (SGLang's mem_fraction_static default for this device and tp, less its reserve for DP attention over 8 ranks)");
    // dp 8 without experts across the ranks (ep 1, etp 1: replicas of a whole model each) keeps each replica's own defaults
    const replicas = resolvePlan(
      load(
        'version: 1\nmodel: {preset: llama-3.1-8b}\nhardware: {preset: h200, gpus: 8}\nparallelism: {tp: 1, dp: 8}\nworkload: {concurrency: 64, input_tokens: 1024, output_tokens: 256}\ndeployment: {engine: sglang}\n',
      ).plan,
      {},
    ).workload;
    expect(replicas.maxBatchedTokens).toBe(8192);
    // and no DP-attention reserve (plain --dp replicas): tp_size 1 on H200, 512 + 1.5 x 8192 + 2 x 256 + 128 = 13,440 MB
    expect(replicas.memoryFraction).toBeCloseTo(Math.round(((139.8 * 1024 - 13440) / (139.8 * 1024)) * 1000) / 1000, 3);
  });
  it('DP attention: SGLang splits the dense MLP, shared experts and LM head over its whole tp_size and the embedding over attention tp (1 here: whole); vLLM and TensorRT-LLM keep them whole per DP rank; the floor takes the least', () => {
    // DeepSeek-R1 (fp8, embeddings bf16) on 8 H200s as --tp 8 --dp 8 --enable-dp-attention --ep 8.
    // SGLang models/deepseek_v2.py: DeepseekV2MLP of the 3 dense layers and the shared expert take the full
    // tp group (moe_dense_tp_size and DeepEP not set), ParallelLMHead(use_attn_tp_group=enable_dp_lm_head=False)
    // too; VocabParallelEmbedding(use_attn_tp_group=is_dp_attention_enabled()) is over attention tp 1, whole. TensorRT-LLM modeling_deepseekv3.py
    // _compute_mlp_tp_size: "If using attention DP, the MLP also uses DP instead of TP".
    const at = (engine: string) =>
      verify(
        `version: 1\nmodel: {preset: deepseek-ai/DeepSeek-R1}\nhardware: {preset: h200, gpus: 8}\nparallelism: {tp: 1, dp: 8, ep: 8}\nworkload: {concurrency: 256, input_tokens: 1024, output_tokens: 1024}\ndeployment: {engine: ${engine}}\n`,
      );
    // per layer: MLA 187,121,664 (fp8); dense MLP 3 x 7,168 x 18,432; expert 3 x 7,168 x 2,048; router 7,168 x 256 (bf16); vocabulary 129,280 x 7,168 (bf16)
    const attention = 61 * 187_121_664;
    const dense = 3 * (3 * 7168 * 18432);
    const expert = 3 * 7168 * 2048;
    const moe = 58 * (32 * expert + 7168 * 256 * 2);
    const shared = 58 * expert;
    const vocab = 129280 * 7168 * 2;
    const sglang = attention + moe + (dense + shared) / 8 + vocab + vocab / 8;
    const whole = attention + moe + dense + shared + 2 * vocab;
    // each engine also keeps its copy of kv_b_proj for MLA decode, all 128 heads at attention tp 1 (the next describe):
    // SGLang and vLLM 61 x 512 x 128 x 256 in bf16, TensorRT-LLM its fp8 key part 61 x 512 x 128 x 128
    const copy16 = 61 * 512 * 128 * 256 * 2;
    // and the rotary table of 163,840 positions (yarn 40 x 4,096) x 64 dims: fp32 under SGLang on CUDA, bf16 under vLLM
    const rope = 163_840 * 64;
    const r = at('sglang');
    expect(r.metrics!.weights_per_gpu_gib!).toBeCloseTo((sglang + copy16 + 4 * rope) / GIB, 2); // 89.33 GiB of checkpoint, not 93.89, and 1.91 GiB of copy
    // the pool is 0.768 x (139.80 - 0.6 context - 2.04 NVLS buffers) GiB less the weights, at 61 x 576 x 2 bytes a token
    expect(Math.abs(r.metrics!.kv_cache_capacity_tokens! / ((0.768 * 137.16 * GIB - sglang - copy16 - 4 * rope) / 70272) - 1)).toBeLessThan(0.005);
    // vLLM (DP + EP) and TensorRT-LLM (attention DP) keep them whole on every rank
    expect(at('vllm').metrics!.weights_per_gpu_gib!).toBeCloseTo((whole + copy16 + 2 * rope) / GIB, 2);
    // TensorRT-LLM's is fp32 with MLA's rows doubled (duplicate_data): 163,840 x 64 x 2 x 4 B
    expect(at('trtllm').metrics!.weights_per_gpu_gib!).toBeCloseTo((whole + copy16 / 4 + 8 * rope) / GIB, 2);
    // the floor holds for SGLang's placement whatever the engine: no engine keeps less than sglang's split with the embedding over tp
    for (const engine of ['sglang', 'vllm', 'trtllm'])
      expect(at(engine).metrics!.weights_per_gpu_lower_bound_gib!).toBeLessThanOrEqual(Math.ceil((sglang / GIB) * 1000) / 1000);
    // and so does the decode step's floor: at 32 sequences a rank of 1,536 tokens, SGLang's rank reads its attention,
    // one expert a MoE layer (a skewed router), the router, an eighth of the dense MLP, shared expert and LM head, and
    // the KV: 18.23 GB at 4.8 TB/s = 3.80 ms (the replicated placement's 4.82 ms is no floor)
    const bytes = attention + 58 * (expert + 7168 * 256 * 2) + (dense + shared + vocab) / 8 + 32 * 1536 * 70272;
    expect(r.metrics!.decode_step_lower_bound_ms!).toBeLessThan((bytes / 4.8e12) * 1000 * 1.001);
  });
  it('DP attention over two copies of the experts (dp 16, ep 8: two SGLang engines of --tp 8 --dp 8 --ep 8): each splits its dense parts over its own 8 ranks, not 16', () => {
    const at = (gpus: number, dp: number, engine = 'sglang') =>
      verify(
        `version: 1\nmodel: {preset: deepseek-ai/DeepSeek-R1}\nhardware: {preset: h200, gpus: ${gpus}}\nparallelism: {tp: 1, dp: ${dp}, ep: 8}\nworkload: {concurrency: 256, input_tokens: 1024, output_tokens: 1024}\ndeployment: {engine: ${engine}}\n`,
      ).metrics!;
    const one = at(8, 8);
    const two = at(16, 16);
    expect(two.weights_per_gpu_gib).toBe(one.weights_per_gpu_gib);
    // the floor too: no engine splits its dense MLP over another engine's ranks
    expect(two.weights_per_gpu_lower_bound_gib).toBe(one.weights_per_gpu_lower_bound_gib);
    expect(at(16, 16, 'vllm').weights_per_gpu_lower_bound_gib).toBe(one.weights_per_gpu_lower_bound_gib);
  });
  it('a fraction set too high leaves activations no room: what the engine may use never exceeds the device', () => {
    const r = verify(
      plan(
        '  preset: llama-3.1-8b',
        '  preset: h100-sxm\n  gpus: 1',
        '  tp: 1',
        'concurrency: 1\n  input_tokens: 1024\n  output_tokens: 128\n  memory_fraction: 1',
        'deployment:\n  engine: sglang',
      ),
    );
    expect(r.details!.devices[0]!.usable_gib!).toBeLessThanOrEqual(79.19 + 1e-9);
  });
});

describe('MLA: the engines keep a second copy of kv_b_proj for the absorbed decode (memory.ts, mlaDecodeCopyBytes)', () => {
  // DeepSeek-R1 (fp8, block-scaled; embeddings bf16): kv_b_proj is 512 x 128 x (128 + 128) = 16.8M parameters a layer.
  const r1 = (engine: string, parallelism: string, hardware = 'h200') =>
    verify(
      `version: 1\nmodel: {preset: deepseek-ai/DeepSeek-R1}\nhardware: {preset: ${hardware}, gpus: 8}\nparallelism: ${parallelism}\nworkload: {concurrency: 64, input_tokens: 1024, output_tokens: 1024}\ndeployment: {engine: ${engine}}\n`,
    );
  it('vLLM at TP8 on 8 H200s: 0.24 GiB of bf16 W_UK_T / W_UV beside the fp8 checkpoint, 3,648 tokens less KV cache; the floors keep the checkpoint alone', () => {
    // vLLM MLAAttention.process_weights_after_loading: get_and_maybe_dequant_weights(kv_b_proj, out_dtype=bf16) is a new
    // tensor for an fp8 kv_b_proj, W_UK_T and W_UV are views of it, kv_b_proj stays for the prefill.
    // Checkpoint shard on one device (TP8, experts split 8 ways, ep 1):
    //   attention 61 x (171,966,464 / 8 + 15,155,200) x 1 B          =  2,235,711,488
    //   dense MLP  3 x 3 x 7,168 x 18,432 / 8 x 1 B                  =    148,635,648
    //   MoE       58 x (44,040,192 / 8 + 256 x 44,040,192 / 8) x 1 B + 58 x 7,168 x 256 x 2 B (bf16 router) = 82,270,748,672
    //   embedding and LM head 2 x 129,280 x 7,168 / 8 x 2 B          =    463,339,520
    //   total 85,118,435,328 B = 79.273 GiB
    // Copy: 61 x 512 x (128 / 8) x (128 + 128) x 2 B = 255,852,544 B = 0.238 GiB, so 79.511 GiB of weights.
    const checkpoint = 85_118_435_328;
    const copy = 61 * 512 * 16 * 256 * 2;
    expect(copy).toBe(255_852_544);
    // vLLM's rotary table: 163,840 positions (yarn 40 x 4,096) x 64 dims x 2 B = 20 MiB, whole on every rank
    const rope = 163_840 * 64 * 2;
    const r = r1('vllm', '{tp: 8}');
    expect(r.metrics!.weights_per_gpu_gib!).toBeCloseTo((checkpoint + copy + rope) / GIB, 3); // 79.531, was 79.273
    expect(r.details!.devices[0]!.mla_decode_copy_gib).toBeCloseTo(copy / GIB, 3);
    // KV pool: 0.9 x 139.80 GiB - weights - activations - (0.25 + 1.8 + 0.03 x 8) GiB outside PyTorch. Activations of the
    // 8,192-token profiling pass: 8,192 x (2 x 7,168 + 8 x (3 x 256 + 7,168) + 768) x 2 B + 1,024 sampled x 129,280 x 10 B
    // = 1,287,651,328 + 1,323,827,200 = 2,611,478,528 B. Pool 44,653,561,118 B over 61 x 576 x 2 = 70,272 B a token,
    // in blocks of 16: 635,424 tokens (639,072 without the copy: 3,648 fewer); 635,136 less the 20 MiB rotary table.
    const activations = 8192 * (2 * 7168 + 8 * (3 * 256 + 7168) + 768) * 2 + 1024 * 129280 * 10;
    expect(activations).toBe(2_611_478_528);
    const pool = 0.9 * Math.round(139.8 * GIB) - checkpoint - copy - rope - activations - 2.29 * GIB;
    expect(r.metrics!.kv_cache_capacity_tokens).toBe(Math.floor(pool / 70272 / 16) * 16);
    expect(r.metrics!.kv_cache_capacity_tokens).toBe(635_136);
    // an engine need not keep the copy: the floors count the checkpoint alone
    expect(r.metrics!.weights_per_gpu_lower_bound_gib!).toBeLessThanOrEqual(checkpoint / GIB);
    expect(r.metrics!.weights_per_gpu_lower_bound_gib!).toBeGreaterThan(checkpoint / GIB - 0.001);
  });
  it('SGLang with DP attention (--tp 8 --dp 8 --enable-dp-attention --ep 8: attention tp 1) keeps all 128 heads of w_kc and w_vc in bf16: 1.91 GiB a device', () => {
    // sglang DeepseekV2WeightLoaderMixin.post_load_weights: a 128x128 block-fp8 kv_b_proj on CUDA is block_quant_dequant-ed
    // to bf16 and split into contiguous w_kc, w_vc; kv_b_proj is ColumnParallelLinear over attn_tp_size = tp / dp = 1.
    const copy = 61 * 512 * 128 * 256 * 2;
    expect(copy).toBe(2_046_820_352);
    const r = r1('sglang', '{tp: 1, dp: 8, ep: 8}');
    expect(r.details!.devices[0]!.mla_decode_copy_gib).toBeCloseTo(copy / GIB, 3);
    // the checkpoint shard of SGLang's placement (previous describe): 95,808,516,096 B = 89.23 GiB, plus the copy
    const checkpoint =
      61 * 187_121_664 + 58 * (32 * 44_040_192 + 7168 * 256 * 2) + (3 * 3 * 7168 * 18432 + 58 * 44_040_192) / 8 + 129280 * 7168 * 2 * (1 + 1 / 8);
    // and SGLang's fp32 rotary table on CUDA: 163,840 positions x 64 dims x 4 B = 40 MiB
    const rope = 163_840 * 64 * 4;
    expect(r.metrics!.weights_per_gpu_gib!).toBeCloseTo((checkpoint + copy + rope) / GIB, 3); // 91.178, was 89.232
    // pool = 0.768 x (139.80 GiB - 0.6 GiB context - 2.04 GiB NVLS buffers) - weights: 216,978 tokens of 70,272 B (246,105 without the copy)
    const tokens = Math.floor((0.768 * (Math.round(139.8 * GIB) - 2.64 * GIB) - checkpoint - copy - rope) / 70272);
    expect(Math.abs(r.metrics!.kv_cache_capacity_tokens! - tokens)).toBeLessThanOrEqual(1);
    // the floors stay the checkpoint's
    expect(r.metrics!.weights_per_gpu_lower_bound_gib!).toBeLessThanOrEqual(checkpoint / GIB);
  });
  it("each engine's copy as its code makes it: dtype, device and the MTP layer", () => {
    const copyOf = (r: ReturnType<typeof verify>) => r.details!.devices[0]!.mla_decode_copy_gib ?? 0;
    const k = 61 * 512 * 16 * 128; // key part on one TP8 rank; the value part is as large
    // TensorRT-LLM on Hopper: k_b_proj_trans in fp8 (v_b_proj is a view of kv_b_proj)
    expect(copyOf(r1('trtllm', '{tp: 8}')) * GIB).toBeCloseTo(k, -6);
    // on B200 (SM100) it also keeps bf16 k_b_proj_trans_dequant and v_b_proj_dequant
    expect(copyOf(r1('trtllm', '{tp: 8}', 'b200')) * GIB).toBeCloseTo(k + 2 * 2 * k, -6);
    // SGLang on ROCm requantises to per-tensor fp8 (block_quant_to_tensor_quant)
    expect(copyOf(r1('sglang', '{tp: 8}', 'mi300x')) * GIB).toBeCloseTo(2 * k, -6);
    // a bf16 kv_b_proj (the NVFP4 checkpoint keeps attention in bf16): vLLM's W_UK_T and W_UV are views, no copy;
    // SGLang's w_kc and w_vc are bf16 copies all the same; TensorRT-LLM copies the key part
    const nvfp4 = (engine: string) =>
      verify(
        `version: 1\nmodel: {preset: nvidia/DeepSeek-R1-NVFP4}\nhardware: {preset: b200, gpus: 8}\nparallelism: {tp: 8}\nworkload: {concurrency: 64, input_tokens: 1024, output_tokens: 1024}\ndeployment: {engine: ${engine}}\n`,
      );
    expect(nvfp4('vllm').details!.devices[0]!.mla_decode_copy_gib).toBeUndefined();
    expect(copyOf(nvfp4('sglang')) * GIB).toBeCloseTo(2 * 2 * k, -6);
    expect(copyOf(nvfp4('trtllm')) * GIB).toBeCloseTo(2 * k, -6);
    // the MTP module's attention layer is copied too when speculative decoding loads it
    const mtp = verify(
      'version: 1\nmodel: {preset: deepseek-ai/DeepSeek-R1}\nhardware: {preset: h200, gpus: 8}\nparallelism: {tp: 8}\nworkload: {concurrency: 64, input_tokens: 1024, output_tokens: 1024, speculative: {method: mtp, tokens: 1}}\ndeployment: {engine: vllm}\n',
    );
    expect(copyOf(mtp) * GIB).toBeCloseTo((62 / 61) * 4 * k, -6);
    // a model without MLA keeps none
    expect(
      verify(plan('  preset: llama-3.1-8b', '  preset: h100-sxm\n  gpus: 1', '  tp: 1', 'concurrency: 1\n  input_tokens: 64\n  output_tokens: 8')).details!
        .devices[0]!.mla_decode_copy_gib,
    ).toBeUndefined();
  });
  it("the report's memory table names the copy inside the weights", () => {
    const md = renderPlanMarkdown(r1('sglang', '{tp: 1, dp: 8, ep: 8}'));
    expect(md).toContain('(incl. 1.91 GiB MLA decode copy)');
  });
});

describe('TensorRT-LLM: free_gpu_memory_fraction of what its measured warm-up leaves (_torch/pyexecutor/_util.py)', () => {
  it("DeepSeek-R1 at TP8: its MLA models' input embedding is whole on every rank (modeling_deepseekv3.py builds Embedding without a mapping)", () => {
    const r = verify(
      'version: 1\nmodel: {preset: deepseek-ai/DeepSeek-R1}\nhardware: {preset: h200, gpus: 8}\nparallelism: {tp: 8}\nworkload: {concurrency: 64, input_tokens: 1024, output_tokens: 1024}\ndeployment: {engine: trtllm}\n',
    );
    // the checkpoint's shard with both vocabulary tables split 8 ways (MLA describe above): 85,118,435,328 B;
    // TensorRT-LLM keeps the bf16 embedding (129,280 x 7,168 x 2 B = 1.73 GiB) whole, the LM head split (COLUMN)
    const shard = 85_118_435_328 + 129_280 * 7168 * 2 * (1 - 1 / 8);
    const d = r.details!.devices[0]!;
    const beside = (d.mla_decode_copy_gib ?? 0) + (d.rotary_tables_gib ?? 0);
    expect(r.metrics!.weights_per_gpu_gib! - beside).toBeCloseTo(shard / GIB, 3); // 80.78 GiB, was 79.27
    // vLLM splits it (VocabParallelEmbedding); the floor too
    const vllm = verify(
      'version: 1\nmodel: {preset: deepseek-ai/DeepSeek-R1}\nhardware: {preset: h200, gpus: 8}\nparallelism: {tp: 8}\nworkload: {concurrency: 64, input_tokens: 1024, output_tokens: 1024}\ndeployment: {engine: vllm}\n',
    );
    const v = vllm.details!.devices[0]!;
    expect(vllm.metrics!.weights_per_gpu_gib! - (v.mla_decode_copy_gib ?? 0) - (v.rotary_tables_gib ?? 0)).toBeCloseTo(85_118_435_328 / GIB, 3);
    expect(r.metrics!.weights_per_gpu_lower_bound_gib!).toBeLessThanOrEqual(85_118_435_328 / GIB);
  });
  it('Llama 3.1 8B on one H100 at 0.9: 0.9 x (total - weights - activations - context and graphs), in blocks of 32', () => {
    const r = verify(
      plan(
        '  preset: llama-3.1-8b',
        '  preset: h100-sxm\n  gpus: 1',
        '  tp: 1',
        'concurrency: 1\n  input_tokens: 4096\n  output_tokens: 4096',
        'deployment:\n  engine: trtllm',
      ),
    );
    // The warm-up runs dummy prompts of the longest length: one sampled sequence per 8,192 tokens.
    const act = 8192 * (2 * 4096 + 3 * 14336) * 2 + 1 * 128256 * 10;
    // its fp32 rotary table (engine-memory.ts, trtllmRotaryTableBytes): 131,072 x 128 x 4 B = 64 MiB, in the weights
    const rope = 131_072 * 128 * 4;
    expect(r.details!.devices[0]!.rotary_tables_gib).toBeCloseTo(rope / GIB, 2);
    expect(r.metrics!.weights_per_gpu_gib).toBeCloseTo((W8B + rope) / GIB, 2);
    const pool = 0.9 * (Math.round(79.19 * GIB) - W8B - rope - act - 0.6 * GIB - 1.0 * GIB);
    expect(r.metrics!.kv_cache_capacity_tokens).toBe(Math.floor(pool / KV8B / 32) * 32);
  });
  it("memory_reserve is 1 - free_gpu_memory_fraction in TensorRT-LLM's meaning", () => {
    const base = '  preset: llama-3.1-8b';
    const a = verify(
      plan(
        base,
        '  preset: h100-sxm\n  gpus: 1',
        '  tp: 1',
        'concurrency: 1\n  input_tokens: 4096\n  output_tokens: 4096\n  memory_fraction: 0.8',
        'deployment:\n  engine: trtllm',
      ),
    );
    const b = verify(
      plan(
        base,
        '  preset: h100-sxm\n  gpus: 1',
        '  tp: 1',
        'concurrency: 1\n  input_tokens: 4096\n  output_tokens: 4096\n  memory_reserve: 0.2',
        'deployment:\n  engine: trtllm',
      ),
    );
    expect(a.metrics!.kv_cache_capacity_tokens).toBe(b.metrics!.kv_cache_capacity_tokens);
  });
});

describe('memory_fraction and memory_reserve', () => {
  it('vLLM: memory_fraction 0.8 is memory_reserve 0.2; when both are given and disagree, memory_fraction wins with a warning', () => {
    const w = 'concurrency: 1\n  input_tokens: 1024\n  output_tokens: 128';
    const a = verify(plan('  preset: llama-3.1-8b', '  preset: h100-sxm\n  gpus: 1', '  tp: 1', `${w}\n  memory_fraction: 0.8`));
    const b = verify(plan('  preset: llama-3.1-8b', '  preset: h100-sxm\n  gpus: 1', '  tp: 1', `${w}\n  memory_reserve: 0.2`));
    const both = verify(plan('  preset: llama-3.1-8b', '  preset: h100-sxm\n  gpus: 1', '  tp: 1', `${w}\n  memory_fraction: 0.8\n  memory_reserve: 0.3`));
    expect(a.metrics!.kv_cache_capacity_tokens).toBe(b.metrics!.kv_cache_capacity_tokens);
    expect(both.metrics!.kv_cache_capacity_tokens).toBe(a.metrics!.kv_cache_capacity_tokens);
    expect(check(both, 'workload.memory_fraction').status).toBe('warn');
  });
});

describe('a plan silent on the memory flag is not failed for the engine default', () => {
  // DeepSeek-R1 (FP8) at TP4 on B200: 157.4 GiB of weights per GPU. SGLang's default mem_fraction_static
  // for this device (0.854) gives weights and pool 150 GiB: no room. Deployments this tight set the flag.
  const dsr1 = (work: string) =>
    verify(
      plan(
        '  preset: deepseek-r1',
        '  preset: b200\n  gpus: 4',
        '  tp: 4',
        `concurrency: 4\n  input_tokens: 8192\n  output_tokens: 1024${work}`,
        'deployment:\n  engine: sglang',
      ),
    );
  it('the figures assume the lowest usual flag that holds one request (0.95), and memory.fits warns that the plan must state it', () => {
    const r = dsr1('');
    const fits = check(r, 'memory.fits');
    expect(fits.status).toBe('warn');
    expect(fits.detail).toContain('default mem_fraction_static 0.854');
    expect(fits.detail).toContain('assume mem_fraction_static 0.95');
    expect(r.metrics!.kv_cache_capacity_tokens!).toBeGreaterThan(0);
    expect(r.details!.assumptions.some((a) => a.name === 'workload.memory_fraction' && a.value.startsWith('0.95'))).toBe(true);
  });
  it('a stated flag is taken as the engine takes it: too low fails', () => {
    expect(check(dsr1('\n  memory_fraction: 0.854'), 'memory.fits').status).toBe('fail');
    expect(check(dsr1('\n  memory_fraction: 0.95'), 'memory.fits').status).toBe('pass');
  });
});

describe('what the engine can hold', () => {
  it('an engine cap (workload.max_running_sequences, whole deployment) limits the running batch per replica', () => {
    const r = verify(
      plan(
        '  preset: llama-3.1-8b',
        '  preset: h100-sxm\n  gpus: 2',
        '  dp: 2',
        'concurrency: 512\n  input_tokens: 1000\n  output_tokens: 200\n  max_running_sequences: 256',
      ),
    );
    expect(r.metrics!.max_running_sequences).toBe(256);
    expect(check(r, 'memory.kv_capacity').status).toBe('pass');
    expect(check(r, 'memory.kv_capacity').detail).toContain('cap');
  });
  it('dp replicas each run what their KV cache holds; never more than the concurrency', () => {
    const r = verify(plan('  preset: llama-3.1-8b', '  preset: h100-sxm\n  gpus: 2', '  dp: 2', 'concurrency: 16\n  input_tokens: 1000\n  output_tokens: 200'));
    expect(r.metrics!.max_running_sequences).toBe(16);
  });
  it('maxRunningSequences: capacity over tokens held, a shared prefix once, the engine cap and the offered load', () => {
    const identity = (c: number) => c;
    const budget = { capacityTokens: 100_000, heldTokens: identity, sharedTokens: 0, engineMax: null };
    expect(maxRunningSequences(budget, 1000)).toBe(100);
    expect(maxRunningSequences({ ...budget, sharedTokens: 500 }, 1000)).toBe(199);
    expect(maxRunningSequences({ ...budget, engineMax: 50 }, 1000)).toBe(50);
    expect(maxRunningSequences(budget, 1000, 20)).toBe(20);
    expect(maxRunningSequences({ ...budget, capacityTokens: 999 }, 1000)).toBe(0);
    // sliding window: half the layers hold 128 tokens
    const sliding = (c: number) => (c + Math.min(c, 128)) / 2;
    expect(maxRunningSequences({ ...budget, heldTokens: sliding }, 10_000)).toBe(Math.floor(100_000 / 5064));
  });
});

describe('the memory floor stays a floor for every engine', () => {
  it('lower bounds never exceed the estimates, whatever the engine and its fraction', () => {
    const models = ['  preset: llama-3.1-8b', '  preset: gpt-oss-120b', '  preset: qwen3-235b-a22b\n  weight_dtype: fp8'];
    for (const engine of ['vllm', 'sglang', 'trtllm']) {
      for (const model of models) {
        for (const fraction of [0.5, 0.9, 0.97]) {
          const r = verify(
            plan(
              model,
              '  preset: h200\n  gpus: 4',
              '  tp: 4',
              `concurrency: 64\n  input_tokens: 2000\n  output_tokens: 500\n  memory_fraction: ${fraction}\n  prefix_cache_hit_rate: 0.3`,
              `deployment:\n  engine: ${engine}`,
            ),
          );
          const m = r.metrics!;
          const where = { engine, model, fraction };
          expect({ ...where, ok: m.weights_per_gpu_lower_bound_gib! <= m.weights_per_gpu_gib! + 1e-6 }).toEqual({ ...where, ok: true });
          expect({ ...where, ok: m.memory_per_gpu_lower_bound_gib! <= m.memory_per_gpu_gib! + 1e-6 }).toEqual({ ...where, ok: true });
        }
      }
    }
  });
});

// The operator can set the KV pool outright (review 5, /tmp/rev5 importer checks: a 10 GiB vLLM pool
// read as 983,120 tokens, 6.0x what vLLM allocates). vLLM allocates exactly what --kv-cache-memory-bytes
// or --num-gpu-blocks-override says (gpu_worker.determine_available_memory returns kv_cache_memory_bytes
// unprofiled, "This does not respect the gpu_memory_utilization config"; kv_cache_utils
// may_override_num_blocks: "Overriding num_gpu_blocks=13185 with num_gpu_blocks_override=43" then
// "GPU KV cache size: 688 tokens" = 43 x 16). SGLang's --max-total-tokens is min(profiled, cap)
// (model_runner: "max_total_tokens=... is larger than the profiled value ... Use the profiled value
// instead"); TensorRT-LLM's kv_cache_config.max_tokens and max_gpu_total_bytes take "the minimum" with
// free_gpu_memory_fraction (KvCacheConfig reference, nvidia.github.io/TensorRT-LLM).
describe('a KV pool the plan sets: workload.kv_cache_tokens and kv_cache_memory', () => {
  /** Llama 3.1 8B at TP2: 32 layers x 4 KV heads x 128 x 2 x 2 bytes = 64 KiB per token on each rank. */
  const KV8B_TP2 = 65536;
  const llama2 = (work: string, engine: string) =>
    verify(
      plan(
        '  preset: llama-3.1-8b',
        '  preset: h100-sxm\n  gpus: 2',
        '  tp: 2',
        `concurrency: 1\n  input_tokens: 4096\n  output_tokens: 4096${work}`,
        `deployment:\n  engine: ${engine}`,
      ),
    );
  it('vLLM --kv-cache-memory-bytes 10 GiB: 10 GiB / 64 KiB = 163,840 tokens, whatever gpu_memory_utilization says', () => {
    const natural = llama2('', 'vllm');
    expect(natural.metrics!.kv_cache_capacity_tokens!).toBeGreaterThan(900_000);
    for (const flag of ['', '\n  memory_fraction: 0.5']) {
      const r = llama2(`\n  kv_cache_memory: 10 GiB${flag}`, 'vllm');
      expect(r.metrics!.kv_cache_capacity_tokens).toBe((10 * GIB) / KV8B_TP2);
      expect(r.details!.devices[0]!.kv_pool_gib).toBe(10);
      expect(check(r, 'memory.fits').status).toBe('pass');
    }
    const assumed = llama2('\n  kv_cache_memory: 10 GiB', 'vllm').details!.assumptions.find((a) => a.name === 'workload.memory_fraction')!;
    expect(assumed.value).toMatch(/^not used/);
  });
  it('vLLM --num-gpu-blocks-override 1000 (kv_cache_tokens 16,000) is exactly 16,000 tokens, even above what memory gives', () => {
    expect(llama2('\n  kv_cache_tokens: 16000', 'vllm').metrics!.kv_cache_capacity_tokens).toBe(16000);
    // at gpu_memory_utilization 0.2 the flag's pool holds about 110k tokens; the override allocates its 300,000 regardless
    const r = llama2('\n  kv_cache_tokens: 300000\n  memory_fraction: 0.2', 'vllm');
    expect(r.metrics!.kv_cache_capacity_tokens).toBe(300000);
    expect(r.details!.devices[0]!.kv_pool_gib).toBeCloseTo((300000 * KV8B_TP2) / GIB, 2);
  });
  it('SGLang --max-total-tokens 100,000 caps the pool; a cap above the profiled pool leaves it', () => {
    const natural = llama2('', 'sglang').metrics!.kv_cache_capacity_tokens!;
    expect(natural).toBeGreaterThan(900_000);
    expect(llama2('\n  kv_cache_tokens: 100000', 'sglang').metrics!.kv_cache_capacity_tokens).toBe(100000);
    expect(llama2('\n  kv_cache_tokens: 5000000', 'sglang').metrics!.kv_cache_capacity_tokens).toBe(natural);
  });
  it('TensorRT-LLM max_tokens 50,000: ceil(50,000 / 32) = 1,563 blocks = 50,016 tokens; max_gpu_total_bytes 4 GiB = 65,536 tokens; the smaller wins', () => {
    expect(llama2('\n  kv_cache_tokens: 50000', 'trtllm').metrics!.kv_cache_capacity_tokens).toBe(50016);
    expect(llama2('\n  kv_cache_memory: 4 GiB', 'trtllm').metrics!.kv_cache_capacity_tokens).toBe((4 * GIB) / KV8B_TP2);
    expect(llama2('\n  kv_cache_memory: 4 GiB\n  kv_cache_tokens: 50000', 'trtllm').metrics!.kv_cache_capacity_tokens).toBe(50016);
    expect(llama2('\n  kv_cache_memory: 1 GiB\n  kv_cache_tokens: 50000', 'trtllm').metrics!.kv_cache_capacity_tokens).toBe(16384);
    // a cap above what free_gpu_memory_fraction gives leaves that
    expect(llama2('\n  kv_cache_tokens: 5000000', 'trtllm').metrics!.kv_cache_capacity_tokens).toBe(llama2('', 'trtllm').metrics!.kv_cache_capacity_tokens);
  });
  it('memory.fits fails when one request of the longest length (8,192 tokens) does not fit in the capped pool, under every engine', () => {
    for (const engine of ['vllm', 'sglang', 'trtllm']) {
      const r = llama2('\n  kv_cache_tokens: 4000', engine);
      expect({ engine, status: check(r, 'memory.fits').status }).toEqual({ engine, status: 'fail' });
      expect({ engine, status: check(llama2('\n  kv_cache_tokens: 8192', engine), 'memory.fits').status }).toEqual({ engine, status: 'pass' });
    }
  });
  it('vLLM allocates a fixed pool whole: 70 GiB beside 15 GiB of weights on an 79.19 GiB H100 does not start', () => {
    const r = verify(
      plan(
        '  preset: llama-3.1-8b',
        '  preset: h100-sxm\n  gpus: 1',
        '  tp: 1',
        'concurrency: 1\n  input_tokens: 1024\n  output_tokens: 128\n  kv_cache_memory: 70 GiB',
      ),
    );
    const fits = check(r, 'memory.fits');
    expect(fits.status).toBe('fail');
    expect(fits.path).toBe('workload.kv_cache_memory');
    expect(fits.value!).toBeGreaterThan(85);
    expect(fits.detail).toMatch(/cannot start/);
  });
  it('the running batch follows the cap: 100,000 tokens hold 43 sequences of 2,048 + 512 / 2 tokens', () => {
    const r = verify(
      plan(
        '  preset: llama-3.1-8b',
        '  preset: h100-sxm\n  gpus: 2',
        '  tp: 2',
        'concurrency: 64\n  input_tokens: 2048\n  output_tokens: 512\n  kv_cache_tokens: 100000',
        'deployment:\n  engine: sglang',
      ),
    );
    expect(r.metrics!.max_running_sequences).toBe(Math.floor(100000 / 2304));
    expect(check(r, 'memory.kv_capacity').status).toBe('warn');
  });
});

describe('requirements.max_memory_utilization: what the engine holds from start-up', () => {
  const plan405 = (fraction: number, cap: number) => `
version: 1
model: {preset: llama-3.1-405b, weight_dtype: fp8}
hardware: {preset: h200, gpus: 8}
parallelism: {tp: 8}
deployment: {engine: vllm}
workload: {concurrency: 32, input_tokens: 2048, output_tokens: 512, max_input_tokens: 8192, max_output_tokens: 2048, memory_fraction: ${fraction}}
requirements: {max_memory_utilization: ${cap}}
`;
  it('vLLM at 0.9 holds 90% of the device whatever the load: a 60% cap fails (before: passed at the 51% its 32 sequences need)', () => {
    const c = check(verify(plan405(0.9, 0.6)), 'requirements.max_memory_utilization');
    expect(c.status).toBe('fail');
    expect(c.detail).toMatch(/^estimate 90\.0% misses 60\.0%.*what vllm holds from start-up.*sequences need 51\.0%.*memory_fraction/);
  });
  it('the same plan at memory_fraction 0.55 holds 55% and meets it', () => {
    expect(check(verify(plan405(0.55, 0.6)), 'requirements.max_memory_utilization').status).toBe('pass');
  });
});

describe('requirements.max_memory_utilization beside a KV pool the plan fixes', () => {
  it('names the key that sets the pool (vLLM allocates it whatever memory_fraction says)', () => {
    const c = check(
      verify(`
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1}
deployment: {engine: vllm}
workload: {concurrency: 4, input_tokens: 1000, output_tokens: 200, kv_cache_memory: 50 GiB}
requirements: {max_memory_utilization: 0.5}
`),
      'requirements.max_memory_utilization',
    );
    expect(c.status).toBe('fail');
    expect(c.detail).toMatch(/a smaller workload\.kv_cache_memory holds less/);
    expect(c.detail).not.toMatch(/memory_fraction/);
  });
});

describe('a speculative draft the plan does not describe', () => {
  it('says its weights and KV cache are not counted (EAGLE, draft), and says nothing for MTP or n-gram', () => {
    const at = (method: string) =>
      verify(
        `version: 1\nmodel: {preset: llama-3.1-70b}\nhardware: {preset: h100-sxm, gpus: 8}\nparallelism: {tp: 8}\ndeployment: {engine: vllm}\nworkload: {concurrency: 8, input_tokens: 1024, output_tokens: 128, speculative: {method: ${method}, tokens: 3, acceptance_length: 2.5}}\n`,
      ).details!.assumptions.find((a) => a.name === 'workload.speculative.method');
    expect(at('eagle')?.value).toMatch(/^eagle: the EAGLE head's own weights and KV cache are not counted/);
    expect(at('draft')?.value).toMatch(/^draft: the draft model's own weights and KV cache are not counted/);
    expect(at('ngram')).toBeUndefined();
    expect(at('mtp')).toBeUndefined();
  });
});
