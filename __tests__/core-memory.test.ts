// Memory per device, against hand-worked figures and what vLLM reports.
import { describe, expect, it } from 'vitest';
import { GIB, check, memoryPlan as plan, verify } from './core-helpers.js';
import { combineReports } from '../src/core/verdict.js';
import { renderPlanMarkdown } from '../src/report/markdown.js';
import { renderText } from '../src/report/text.js';

/**
 * Beside the weights, vLLM (the default engine) holds Llama 3.1's rotary cos/sin table on every rank (engine-memory.ts,
 * rotaryTableBytes): 131,072 positions (llama3 scaling) x 128 dims x 2 B = 32 MiB.
 */
const LLAMA3_ROPE = 131_072 * 128 * 2;

describe('weights per device', () => {
  it('Llama 3.1 8B bf16 on one GPU: 8,030,257,152 x 2 bytes = 14.96 GiB and a 0.03 GiB rotary table (vLLM logs "model weights took 14.99 GiB")', () => {
    const r = verify(plan('  preset: llama-3.1-8b', '  preset: h100-sxm\n  gpus: 1', '  tp: 1'));
    expect(r.metrics!.weights_per_gpu_gib).toBeCloseTo((8_030_257_152 * 2 + LLAMA3_ROPE) / GIB, 2);
    expect(r.metrics!.weights_per_gpu_gib).toBeCloseTo(14.99, 2);
  });

  it('Llama 3.1 70B on TP8: everything but the norms splits 8 ways', () => {
    const r = verify(plan('  preset: llama-3.1-70b', '  preset: h100-sxm\n  gpus: 8', '  tp: 8'));
    // Hand-worked: per layer attention 2*8192*8192 + 2*8192*1024 and MLP 3*8192*28672, split by 8;
    // norms 2*8192 on every rank; embeddings and LM head 128256*8192 each, split by 8.
    const perLayer = (2 * 8192 * 8192 + 2 * 8192 * 1024 + 3 * 8192 * 28672) / 8 + 2 * 8192;
    const expected = (80 * perLayer + (2 * 128256 * 8192) / 8) * 2 + LLAMA3_ROPE;
    expect(r.metrics!.weights_per_gpu_gib).toBeCloseTo(expected / GIB, 2);
  });

  it('pipeline stages: the first holds the embedding, the last the LM head', () => {
    const r = verify(plan('  preset: llama-3.1-8b', '  preset: h100-sxm\n  gpus: 2', '  pp: 2'));
    const [first, last] = r.details!.devices;
    const layer = (2 * 4096 * 4096 + 2 * 4096 * 1024 + 3 * 4096 * 14336 + 2 * 4096) * 2;
    const emb = 128256 * 4096 * 2;
    // every stage builds the whole rotary table
    expect(first!.weights_gib).toBeCloseTo((16 * layer + emb + LLAMA3_ROPE) / GIB, 2);
    expect(last!.weights_gib).toBeCloseTo((16 * layer + emb + LLAMA3_ROPE) / GIB, 2);
  });

  it('Mixtral 8x7B with ep 2 holds 4 experts per device; with tp 2 (etp = tp) each expert is halved: same bytes', () => {
    const ep = verify(plan('  preset: mixtral-8x7b', '  preset: a100-80gb\n  gpus: 2', '  tp: 2\n  ep: 2'));
    const tp = verify(plan('  preset: mixtral-8x7b', '  preset: a100-80gb\n  gpus: 2', '  tp: 2'));
    expect(ep.metrics!.weights_per_gpu_gib).toBeCloseTo(tp.metrics!.weights_per_gpu_gib!, 3);
    expect(check(ep, 'layout.experts_divisible').detail).toContain('4 per device');
  });

  it('FP8 weights take half the bytes of bf16', () => {
    const bf16 = verify(plan('  preset: llama-3.1-70b', '  preset: h100-sxm\n  gpus: 4', '  tp: 4'));
    const fp8 = verify(plan('  preset: llama-3.1-70b\n  weight_dtype: fp8', '  preset: h100-sxm\n  gpus: 4', '  tp: 4'));
    expect(fp8.metrics!.weights_per_gpu_gib! * 2).toBeCloseTo(bf16.metrics!.weights_per_gpu_gib!, 1);
  });
});

describe('KV cache per device', () => {
  const work = 'concurrency: 10\n  input_tokens: 1000\n  output_tokens: 24\n  max_input_tokens: 4000\n  max_output_tokens: 96';
  it('Llama 3.1 8B: 10 sequences x 4096 tokens x 128 KiB = 5 GiB', () => {
    const r = verify(plan('  preset: llama-3.1-8b', '  preset: h100-sxm\n  gpus: 1', '  tp: 1', work));
    expect(r.metrics!.kv_cache_per_gpu_gib).toBeCloseTo((10 * 4096 * 131072) / GIB, 3);
  });
  it('TP beyond the KV heads replicates them: tp 16 keeps one of 8 heads per device, as tp 8 does', () => {
    const tp8 = verify(plan('  preset: llama-3.1-70b', '  preset: h100-sxm\n  gpus: 8', '  tp: 8', work));
    const tp16 = verify(plan('  preset: llama-3.1-70b', '  preset: h100-sxm\n  gpus: 16', '  tp: 16', work));
    expect(tp16.metrics!.kv_cache_per_gpu_gib).toBeCloseTo(tp8.metrics!.kv_cache_per_gpu_gib!, 6);
    expect(check(tp16, 'layout.kv_heads').detail).toContain('replicated on 2 ranks');
    expect(check(tp16, 'layout.tp_within_node').status).toBe('warn');
  });
  it('MLA under TP keeps the whole latent cache on every rank: tp 8 holds what tp 1 holds', () => {
    const one = verify(plan('  preset: deepseek-v3\n  kv_cache_dtype: bf16', '  preset: h200\n  gpus: 8', '  tp: 1\n  dp: 8\n  ep: 8', work));
    const eight = verify(plan('  preset: deepseek-v3\n  kv_cache_dtype: bf16', '  preset: h200\n  gpus: 8', '  tp: 8', work));
    // dp 8 spreads 10 sequences as ceil(10/8) = 2 per rank; tp 8 keeps all 10 on every rank.
    expect(one.metrics!.kv_cache_per_gpu_gib).toBeCloseTo((2 * 4096 * 576 * 2 * 61) / GIB, 3);
    expect(eight.metrics!.kv_cache_per_gpu_gib).toBeCloseTo((10 * 4096 * 576 * 2 * 61) / GIB, 3);
  });
  it('sliding-window layers keep only the window: gpt-oss-120b, half the layers at 128 tokens', () => {
    const r = verify(plan('  preset: gpt-oss-120b', '  preset: h100-sxm\n  gpus: 1', '  tp: 1', work));
    const perTokenLayer = 2 * 8 * 64 * 2; // K and V, 8 KV heads of 64, bf16
    const expected = 10 * perTokenLayer * (18 * 4096 + 18 * 128);
    expect(r.metrics!.kv_cache_per_gpu_gib).toBeCloseTo(expected / GIB, 3);
  });
  it('kv_cache_dtype defaults to weight_dtype if 16-bit, else bf16 (the contract): fp32 weights cache at 2 bytes', () => {
    const bf16 = verify(plan('  preset: llama-3.1-8b', '  preset: h100-sxm\n  gpus: 1', '  tp: 1', work));
    const fp32 = verify(plan('  preset: llama-3.1-8b\n  weight_dtype: fp32', '  preset: h100-sxm\n  gpus: 1', '  tp: 1', work));
    const fp8 = verify(plan('  preset: llama-3.1-8b\n  weight_dtype: fp8', '  preset: h100-sxm\n  gpus: 1', '  tp: 1', work));
    expect(fp32.metrics!.kv_cache_per_gpu_gib).toBeCloseTo(bf16.metrics!.kv_cache_per_gpu_gib!, 6);
    expect(fp8.metrics!.kv_cache_per_gpu_gib).toBeCloseTo(bf16.metrics!.kv_cache_per_gpu_gib!, 6);
    const stated = verify(plan('  preset: llama-3.1-8b\n  weight_dtype: fp32\n  kv_cache_dtype: fp32', '  preset: h100-sxm\n  gpus: 1', '  tp: 1', work));
    expect(stated.metrics!.kv_cache_per_gpu_gib).toBeCloseTo(2 * bf16.metrics!.kv_cache_per_gpu_gib!, 6);
  });
  it('context parallelism splits each sequence over cp ranks', () => {
    const cp1 = verify(plan('  preset: llama-3.1-8b', '  preset: h100-sxm\n  gpus: 1', '  tp: 1', work));
    const cp2 = verify(plan('  preset: llama-3.1-8b', '  preset: h100-sxm\n  gpus: 2', '  cp: 2', work));
    expect(cp2.metrics!.kv_cache_per_gpu_gib! * 2).toBeCloseTo(cp1.metrics!.kv_cache_per_gpu_gib!, 6);
  });
});

describe('capacity', () => {
  it('KV capacity in tokens = what is left after weights, activations, overhead and the reserve, per 128 KiB token', () => {
    const r = verify(plan('  preset: llama-3.1-8b', '  preset: h100-sxm\n  gpus: 1', '  tp: 1'));
    const dev = r.details!.devices[0]!;
    const left = dev.usable_gib! - dev.weights_gib! - dev.activations_gib! - dev.overhead_gib!;
    expect(r.metrics!.kv_cache_capacity_tokens).toBeGreaterThan(0);
    expect(Math.abs(r.metrics!.kv_cache_capacity_tokens! - (left * GIB) / 131072)).toBeLessThan(50);
  });
  it('a claimed KV capacity beyond the physical bound fails (contract: every estimate has a physical bound); between estimate and bound it warns', () => {
    const claim = (tokens: number) =>
      verify(`${plan('  preset: llama-3.1-8b', '  preset: h100-sxm\n  gpus: 1', '  tp: 1')}claims:\n  kv_cache_capacity_tokens: ${tokens}\n`);
    const estimate = claim(1).metrics!.kv_cache_capacity_tokens!;
    // the whole device (79.19 GiB as CUDA sees it) less the 14.96 GiB of weights, at 128 KiB per token: about 526k tokens
    const impossible = check(claim(1_000_000), 'claims.kv_cache_capacity_tokens');
    expect(impossible.status).toBe('fail');
    expect(impossible.detail).toContain('less its weights shard');
    // a memory size, not a formula at efficiency 1
    expect(impossible.detail).not.toContain('every efficiency at 1');
    expect(impossible.limit!).toBeGreaterThan(estimate);
    expect(impossible.limit!).toBeLessThan(((80 - 14.9) * GIB) / 131072);
    expect(check(claim(Math.round(estimate * 1.1)), 'claims.kv_cache_capacity_tokens').status).toBe('warn');
    expect(check(claim(estimate), 'claims.kv_cache_capacity_tokens').status).toBe('pass');
  });
  it("a claimed KV cache per GPU is held against the engine's pool (allocated at start-up whatever the load): below it conservative, above it optimistic, beyond the device less its weights impossible", () => {
    const work = 'concurrency: 10\n  input_tokens: 1000\n  output_tokens: 24\n  max_input_tokens: 4000\n  max_output_tokens: 96';
    const claim = (gib: number) =>
      check(
        verify(`${plan('  preset: llama-3.1-8b', '  preset: h100-sxm\n  gpus: 1', '  tp: 1', work)}claims:\n  kv_cache_per_gpu: ${gib} GiB\n`),
        'claims.kv_cache_per_gpu',
      );
    const r = verify(plan('  preset: llama-3.1-8b', '  preset: h100-sxm\n  gpus: 1', '  tp: 1', work));
    const dev = r.details!.devices[0]!;
    // vLLM's pool at 0.9: what the engine may use less weights, activations and runtime (about 54 GiB);
    // the 10 sequences of 4,096 tokens fill 5 GiB of it
    const pool = dev.usable_gib! - dev.weights_gib! - dev.activations_gib! - dev.overhead_gib!;
    expect(r.metrics!.kv_cache_per_gpu_gib).toBeCloseTo(5, 3);
    // 10 GiB: between the sequences' 5 GiB and the pool, and 2 GiB below both (it was "optimistic")
    for (const gib of [10, 2]) {
      const below = claim(gib);
      expect(below.status).toBe('pass');
      expect(below.limit!).toBeCloseTo(pool, 1);
      expect(below.detail).toMatch(/^conservative: claimed .* the engine allocates 5\d\.\d\d GiB of KV cache per device .*fill 5\.00 GiB of it/);
      expect(below.detail).not.toContain('optimistic');
    }
    const above = claim(Math.ceil(pool) + 2);
    expect(above.status).toBe('warn');
    expect(above.detail).toMatch(/^optimistic: .* a larger pool takes a higher workload\.memory_fraction/);
    // the whole device (79.19 GiB as CUDA sees it) less the 14.96 GiB of weights: 64.2 GiB at most
    const impossible = claim(70);
    expect(impossible.status).toBe('fail');
    expect(impossible.limit!).toBeCloseTo(79.19 - 14.96, 1);
    expect(impossible.detail).toContain('less its weights shard');
    expect(impossible.detail).not.toContain('every efficiency at 1');
  });

  it('a claimed KV cache per GPU below a pool the load fills is conservative, not optimistic (Llama 3.1 70B TP4, 512 sequences of 9k tokens)', () => {
    const work = 'concurrency: 512\n  input_tokens: 8000\n  output_tokens: 1000';
    const r = verify(plan('  preset: llama-3.1-70b', '  preset: h100-sxm\n  gpus: 4', '  tp: 4', work));
    const pool = r.metrics!.kv_cache_per_gpu_gib!;
    const c = check(
      verify(`${plan('  preset: llama-3.1-70b', '  preset: h100-sxm\n  gpus: 4', '  tp: 4', work)}claims:\n  kv_cache_per_gpu: ${Math.floor(pool)} GiB\n`),
      'claims.kv_cache_per_gpu',
    );
    expect(c.status).toBe('pass');
    expect(c.limit!).toBeCloseTo(pool, 3);
    expect(c.detail).toMatch(/^conservative: /);
  });

  it('memory.fits passes when the concurrency exceeds the KV cache: the engine runs what fits and queues the rest', () => {
    const r = verify(
      plan('  preset: llama-3.1-70b', '  preset: h100-sxm\n  gpus: 4', '  tp: 4', 'concurrency: 512\n  input_tokens: 8000\n  output_tokens: 1000'),
    );
    expect(check(r, 'memory.fits').status).toBe('pass');
    const kv = check(r, 'memory.kv_capacity');
    expect(kv.status).toBe('warn');
    expect(kv.value!).toBeGreaterThan(kv.limit!);
    // 512 sequences at a mean context of 8,000 + 500 tokens against the pool: what fits runs.
    const capacity = r.metrics!.kv_cache_capacity_tokens!;
    expect(r.metrics!.max_running_sequences).toBe(Math.floor(capacity / 8500));
    expect(kv.detail).toContain(`runs ${Math.floor(capacity / 8500)} of the 512 at once`);
  });
  it('memory.kv_capacity beside an open loop says when its arrivals never reach the concurrency cap', () => {
    const at = (rate: number | string) =>
      check(
        verify(
          plan(
            '  preset: llama-3.1-8b',
            '  preset: h100-sxm\n  gpus: 1',
            '  tp: 1',
            `request_rate: ${rate}\n  concurrency: 100000\n  input_tokens: 1024\n  output_tokens: 256`,
          ),
        ),
        'memory.kv_capacity',
      );
    // a cap of 100,000 sequences is more than the cache holds (the contract's warning), but 2/s keeps a handful in flight
    const light = at(2);
    expect(light.status).toBe('warn');
    expect(light.detail).toMatch(/at 2 requests\/s the simulated load has at most \d+ requests in flight, so none wait for room/);
    expect(light.detail).not.toContain('queues the rest');
    // a rate given per minute is written as a figure, not as JavaScript prints 20/60 (0.3333333333333333)
    expect(at('20/min').detail).toMatch(/at 0\.33 requests\/s the simulated load/);
    // far past saturation the cap is reached: the rest queue
    expect(at(1000).detail).toContain('queues the rest (their TTFT grows)');
  });
  it('memory.kv_capacity without the lengths says the cache is sized and which keys would say how many fit', () => {
    const r = verify('version: 1\nmodel: {preset: llama-3.1-8b}\nhardware: {preset: h200, gpus: 1}\nworkload: {concurrency: 64}\n');
    const kv = check(r, 'memory.kv_capacity');
    const capacity = r.metrics!.kv_cache_capacity_tokens!;
    expect(capacity).toBeGreaterThan(0);
    expect(kv.status).toBe('unverified');
    expect(kv.detail).toBe(
      `the KV cache holds ${capacity.toLocaleString('en-US')} tokens; how many of the 64 sequences fit cannot be said without workload.input_tokens, workload.output_tokens`,
    );
    expect(kv.missing).toEqual(['workload.input_tokens', 'workload.output_tokens']);
  });
  it('memory.fits words the KV capacity per data-parallel rank and the sequences over all ranks, as the figures are', () => {
    const r = verify(plan('  preset: llama-3.1-8b', '  preset: h100-sxm\n  gpus: 2', '  tp: 1\n  dp: 2'));
    const fits = check(r, 'memory.fits');
    const perRank = r.metrics!.kv_cache_capacity_tokens!;
    const all = r.metrics!.max_concurrency_at_max_context!;
    // 1,152-token requests (1,024 + 128): each rank holds floor(capacity / 1,152), the deployment twice that
    expect(all).toBe(2 * Math.floor(perRank / 1152));
    expect(fits.detail).toContain(
      `holds ${perRank.toLocaleString('en-US')} tokens per data-parallel rank, ${all} sequences of 1,152 tokens at once over its 2 ranks`,
    );
  });
  it('memory.fits fails only when one request of the longest stated length cannot run: Llama 3.1 70B bf16 on one H100', () => {
    const r = verify(plan('  preset: llama-3.1-70b', '  preset: h100-sxm\n  gpus: 1', '  tp: 1'));
    const c = check(r, 'memory.fits');
    expect(c.status).toBe('fail');
    expect(c.value!).toBeGreaterThan(c.limit!);
    expect(c.detail).toContain('not even one request');
    // no max_input_tokens or max_output_tokens: the typical request is sized, and said so (not "the longest stated")
    expect(c.detail).toMatch(
      /^one request of the stated length \(no max_input_tokens or max_output_tokens: the typical request is the longest\) \([\d,]+ tokens\)/,
    );
  });
  it("a failing memory.fits reports one request's need per GPU, the figure it judges, not the whole load's", () => {
    // 1024 sequences of 700k tokens would be ~87,000 GiB of KV on an 8B model; one of them is 85.6
    const r = verify(
      plan(
        '  preset: llama-3.1-8b',
        '  preset: h100-sxm\n  gpus: 1',
        '  tp: 1',
        'concurrency: 1024\n  input_tokens: 2048\n  output_tokens: 1024\n  max_input_tokens: 700000',
      ),
    );
    const c = check(r, 'memory.fits');
    expect(c.status).toBe('fail');
    expect(r.metrics!.memory_per_gpu_gib!).toBeCloseTo(c.value!, 1);
    // one sequence of 701,024 tokens at 128 KiB a token (32 layers x 8 KV heads x 128 x 2 x 2 bytes)
    expect(r.metrics!.kv_cache_per_gpu_gib!).toBeCloseTo((701024 * 131072) / 2 ** 30, 0);
  });
  it('the plan memory reserve shrinks the usable memory (vLLM: usable = (1 - reserve) x the CUDA-visible 79.19 GiB)', () => {
    const r = verify(
      plan(
        '  preset: llama-3.1-8b',
        '  preset: h100-sxm\n  gpus: 1',
        '  tp: 1',
        'concurrency: 1\n  input_tokens: 10\n  output_tokens: 10\n  memory_reserve: 0.5',
      ),
    );
    expect(r.details!.devices[0]!.usable_gib).toBeCloseTo(79.19 * 0.5, 2);
  });
});

describe('activations', () => {
  // Per token of Llama 3.1 8B: residual and normed input 2h = 8,192, then the larger of attention
  // (q, o: 2 x 4,096; k, v: 2 x 1,024 = 10,240) and the MLP (gate, up, activated: 3 x 14,336 = 43,008), in bf16.
  const perToken8b = (2 * 4096 + Math.max(2 * 4096 + 2 * 1024, 3 * 14336)) * 2;
  // vLLM's profiling pass samples max_num_seqs sequences, 1,024 on a >= 70 GiB GPU: 16-bit logits, their
  // fp32 copy and fp32 probabilities over the 128,256-word vocabulary.
  const logits8b = 1024 * 128256 * (2 + 4 + 4);
  it('Llama 3.1 8B on an H100, one 8,192-token chunk: 2h + the larger phase per token, plus the logits of 1,024 sampled sequences', () => {
    const r = verify(plan('  preset: llama-3.1-8b', '  preset: h100-sxm\n  gpus: 1', '  tp: 1', 'concurrency: 32\n  input_tokens: 1024\n  output_tokens: 128'));
    expect(r.metrics!.activations_per_gpu_gib).toBeCloseTo((8192 * perToken8b + logits8b) / GIB, 3);
  });
  it('sampled logits hold the whole vocabulary on every TP rank (gathered before sampling); the engine cap sets how many', () => {
    const work = 'concurrency: 512\n  input_tokens: 1024\n  output_tokens: 128';
    const r = verify(plan('  preset: llama-3.1-70b', '  preset: h100-sxm\n  gpus: 4', '  tp: 4', work));
    // Per token on one of 4 ranks: 2h = 16,384 + the MLP (3 x 28,672/4 = 21,504), larger than attention (4,608).
    const perToken = (2 * 8192 + (3 * 28672) / 4) * 2;
    expect(r.metrics!.activations_per_gpu_gib).toBeCloseTo((8192 * perToken + 1024 * 128256 * 10) / GIB, 3);
    const capped = verify(plan('  preset: llama-3.1-70b', '  preset: h100-sxm\n  gpus: 4', '  tp: 4', `${work}\n  max_running_sequences: 128`));
    expect(capped.metrics!.activations_per_gpu_gib).toBeCloseTo((8192 * perToken + 128 * 128256 * 10) / GIB, 3);
  });
  it('the chunk size (max_batched_tokens) scales the forward-pass activations; the sampled logits stay', () => {
    const small = verify(
      plan(
        '  preset: llama-3.1-8b',
        '  preset: h100-sxm\n  gpus: 1',
        '  tp: 1',
        'concurrency: 1\n  input_tokens: 64\n  output_tokens: 8\n  max_batched_tokens: 2048',
      ),
    );
    const large = verify(
      plan(
        '  preset: llama-3.1-8b',
        '  preset: h100-sxm\n  gpus: 1',
        '  tp: 1',
        'concurrency: 1\n  input_tokens: 64\n  output_tokens: 8\n  max_batched_tokens: 8192',
      ),
    );
    expect(large.metrics!.activations_per_gpu_gib! * GIB).toBeCloseTo(8192 * perToken8b + logits8b, -6);
    // 2,048 tokens sample at most 1,024 sequences too
    expect(small.metrics!.activations_per_gpu_gib! * GIB).toBeCloseTo(2048 * perToken8b + logits8b, -6);
  });
});

// Meta's Llama-3.1-405B-Instruct-FP8 (quant_method fbgemm_fp8) keeps the MLPs of its first and last decoder
// layers (0 and 125) in bf16, as it keeps every attention projection (Llama 3 paper, arXiv:2407.21783,
// sec. 6.2; config.json modules_to_not_convert). By hand, at TP8 (hidden 16384, intermediate 53248,
// 126 layers, 128 heads of 128, 8 KV heads, vocab 128256, untied):
//   attention per layer per GPU: (2 x 16384 x 16384 + 2 x 16384 x 1024) / 8 + 2 x 16384 norms
//     = 71,335,936 params x 2 bytes = 142,671,872 bytes
//   MLP per layer per GPU: 3 x 16384 x 53248 / 8 = 327,155,712 params: 327,155,712 bytes in fp8, 654,311,424 in bf16
//   embedding and LM head per GPU: 2 x 16384 x 128256 / 8 x 2 bytes = 1,050,673,152 bytes
//   all MLPs fp8:   126 x (142,671,872 + 327,155,712) + 1,050,673,152 = 60,248,948,736 bytes = 56.11 GiB
//   layers 0, 125 bf16: + 2 x 327,155,712                              = 60,903,260,160 bytes = 56.72 GiB
// (vLLM logged 57.75 GiB, vllm-project/vllm issue 6746: 0.03 GiB of the 1.03 GiB beyond these tensors is its rotary table, the rest is not modelled.)
describe('MLPs a checkpoint leaves unquantized (Llama-3.1-405B FP8: layers 0 and 125 in bf16)', () => {
  const MLP_FP8 = 327_155_712;
  const EXTRA = 2 * MLP_FP8; // two layers' MLP shards at 2 bytes instead of 1
  const allFp8 = '  preset: llama-3.1-405b\n  weight_dtypes: {mlp: fp8}';
  const checkpoint = '  preset: meta-llama/Llama-3.1-405B-Instruct-FP8';
  const h100 = (gpus: number) => `  preset: h100-sxm\n  gpus: ${gpus}`;

  it('weights per GPU at TP8: 60,903,260,160 bytes = 56.72 GiB (all MLPs in fp8 read 56.11)', () => {
    const r = verify(plan(checkpoint, h100(8), '  tp: 8'));
    // the engine's weights hold the rotary table too; the floor the checkpoint alone
    expect(r.metrics!.weights_per_gpu_gib).toBeCloseTo((60_903_260_160 + LLAMA3_ROPE) / GIB, 2);
    expect(r.metrics!.weights_per_gpu_lower_bound_gib).toBeCloseTo(60_903_260_160 / GIB, 2);
    const fp8 = verify(plan(allFp8, h100(8), '  tp: 8'));
    expect(fp8.metrics!.weights_per_gpu_gib).toBeCloseTo((60_248_948_736 + LLAMA3_ROPE) / GIB, 2);
    // the plan key says the same as the checkpoint's id
    const keyed = verify(plan(`${allFp8}\n  unquantized_mlp_layers: [0, 125]`, h100(8), '  tp: 8'));
    expect(keyed.metrics!.weights_per_gpu_gib).toBe(r.metrics!.weights_per_gpu_gib);
  });

  it('KV capacity on 8 H100 at TP8 under vLLM defaults: the extra bytes hold 10,142 fewer tokens (about 170k, as audited by hand)', () => {
    const r = verify(plan(checkpoint, h100(8), '  tp: 8', undefined, 'deployment:\n  engine: vllm'));
    const fp8 = verify(plan(allFp8, h100(8), '  tp: 8', undefined, 'deployment:\n  engine: vllm'));
    // one token's KV per GPU: 126 layers x (K and V) x 1 KV head x 128 x 2 bytes = 64,512 bytes
    const fewer = EXTRA / 64_512; // 10,142.4 tokens; the pool counts whole blocks of 16
    const drop = fp8.metrics!.kv_cache_capacity_tokens! - r.metrics!.kv_cache_capacity_tokens!;
    expect(Math.abs(drop - fewer)).toBeLessThan(16);
    // 170,304 as audited by hand before the 32 MiB rotary table, which holds 520 tokens (in blocks of 16)
    expect(r.metrics!.kv_cache_capacity_tokens).toBeGreaterThan(170_304 - 520 - 16);
    expect(r.metrics!.kv_cache_capacity_tokens).toBeLessThan(170_304 - 520 + 16);
  });

  it('pipeline stages: layer 0 sits in the first stage, layer 125 in the last; middle stages keep fp8 MLPs', () => {
    const stages = (model: string, pp: number) => verify(plan(model, h100(8 * pp), `  tp: 8\n  pp: ${pp}`)).details!.devices.map((d) => d.weights_gib!);
    const two = stages(checkpoint, 2);
    const twoFp8 = stages(allFp8, 2);
    // (each figure is rounded to the MiB)
    expect(two[0]! - twoFp8[0]!).toBeCloseTo(MLP_FP8 / GIB, 2);
    expect(two[1]! - twoFp8[1]!).toBeCloseTo(MLP_FP8 / GIB, 2);
    // PP4 splits 126 layers 31, 32, 32, 31
    const four = stages(checkpoint, 4);
    const fourFp8 = stages(allFp8, 4);
    const extra = four.map((w, i) => w - fourFp8[i]!);
    expect(extra[0]).toBeCloseTo(MLP_FP8 / GIB, 2);
    expect(extra.slice(1, 3)).toEqual([0, 0]);
    expect(extra[3]).toBeCloseTo(MLP_FP8 / GIB, 2);
  });

  it('decode reads the bf16 MLPs at 2 bytes a weight: the step floor grows by their extra bytes over the bandwidth', () => {
    const work = 'concurrency: 1\n  input_tokens: 1000\n  output_tokens: 100';
    const r = verify(plan(checkpoint, h100(8), '  tp: 8', work));
    const fp8 = verify(plan(allFp8, h100(8), '  tp: 8', work));
    const ms = (EXTRA / 3.35e12) * 1000; // H100 SXM: 3.35 TB/s
    expect(r.metrics!.decode_step_lower_bound_ms! - fp8.metrics!.decode_step_lower_bound_ms!).toBeCloseTo(ms, 4);
    expect(r.metrics!.decode_step_ms!).toBeGreaterThan(fp8.metrics!.decode_step_ms!);
  });

  it('a layer beyond the model is named in the assumptions and ignored; a 16-bit MLP changes nothing', () => {
    const r = verify(plan(`${allFp8}\n  unquantized_mlp_layers: [0, 125, 126]`, h100(8), '  tp: 8'));
    expect(r.details!.assumptions.map((a) => a.value).join('\n')).toMatch(/^layer 126 ignored, beyond the model's 126 layers/m);
    expect(r.metrics!.weights_per_gpu_gib).toBeCloseTo((60_903_260_160 + LLAMA3_ROPE) / GIB, 2);
    const bf16 = verify(plan('  preset: llama-3.1-405b', h100(16), '  tp: 16'));
    const kept = verify(plan('  preset: llama-3.1-405b\n  unquantized_mlp_layers: [0, 125]', h100(16), '  tp: 16'));
    expect(kept.metrics!.weights_per_gpu_gib).toBe(bf16.metrics!.weights_per_gpu_gib);
    // every layer listed, in any order and twice: the fp8 MLPs are all bf16 again, on every stage
    const every = Array.from({ length: 126 }, (_, i) => 125 - i);
    const all = verify(plan(`${allFp8}\n  unquantized_mlp_layers: [${[...every, ...every].join(', ')}]`, h100(32), '  tp: 8\n  pp: 4'));
    const bf16pp = verify(plan('  preset: llama-3.1-405b', h100(32), '  tp: 8\n  pp: 4'));
    expect(all.details!.devices.map((d) => d.weights_gib)).toEqual(bf16pp.details!.devices.map((d) => d.weights_gib));
  });
});

describe('the KV cache of a data-parallel plan is named the same way in memory.fits and memory.kv_capacity', () => {
  it('DeepSeek-V3 under SGLang DP attention (dp 8, ep 8): "per data-parallel rank" in both, not "per replica" in one', () => {
    const r = verify(`version: 1
model: {preset: deepseek-v3}
hardware: {preset: h200, gpus: 8}
parallelism: {tp: 1, dp: 8, ep: 8}
deployment: {engine: sglang}
workload: {concurrency: 512, input_tokens: 2000, output_tokens: 1000}
`);
    expect(check(r, 'memory.fits').detail).toMatch(/tokens per data-parallel rank/);
    const kv = check(r, 'memory.kv_capacity').detail;
    expect(kv).toMatch(
      /^64 sequences per data-parallel rank at a mean context of 2,500 tokens hold [\d,]+ of the [\d,]+ tokens of KV cache per data-parallel rank$/,
    );
    expect(kv).not.toMatch(/per replica/);
    // the reports' capacity line names the same pool: the text report's key figures and markdown's metrics row
    const tokens = r.metrics!.kv_cache_capacity_tokens!.toLocaleString('en-US');
    expect(renderText(combineReports([r]))).toContain(`KV cache capacity ${tokens} tokens per data-parallel rank`);
    expect(renderPlanMarkdown(r)).toMatch(new RegExp(`\\| ${tokens} tokens \\([\\d,]+–[\\d,]+\\) per data-parallel rank \\|`));
  });
  it('a plan of one data-parallel rank says nothing of ranks', () => {
    const r = verify(`version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1}
workload: {concurrency: 8, input_tokens: 2000, output_tokens: 500}
`);
    expect(renderText(combineReports([r]))).not.toMatch(/data-parallel/);
    expect(r.details!.data_parallel_ranks).toBeUndefined();
  });
});
