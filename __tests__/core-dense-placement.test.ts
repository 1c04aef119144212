// SGLang's placement of the dense MLPs, shared experts and LM head under DP attention, as the plan
// states it: parallelism.dense_tp (--moe-dense-tp-size), shared_expert_tp (1 under a DeepEP or
// Mooncake all-to-all), lm_head_tp (--enable-dp-lm-head: the attention TP group). Sources, sglang
// python/sglang/srt/: models/deepseek_v2.py (DeepseekV2DecoderLayer builds a dense layer's
// DeepseekV2MLP with tp_size 1 when enable_moe_dense_fully_dp(), layers/communicator.py:
// moe_dense_tp_size == 1; DeepseekV2MoE builds the shared experts' with tp_size 1 under DeepEP or
// Mooncake; DeepseekV2ForCausalLM's ParallelLMHead(use_attn_tp_group=enable_dp_lm_head)).
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../src/plan/load.js';
import { buildCandidatePlan } from '../src/suggest/index.js';
import { buildVariationPlan, planVariation } from '../src/suggest/disagg-candidate.js';
import { verifyLoadedPlan } from '../src/core/verify.js';
import { denseSplit, stageWeightBytes } from '../src/core/memory.js';
import { deriveModelFacts } from '../src/core/modelFacts.js';
import { resolvePlan } from '../src/core/resolve.js';
import { buildStages } from '../src/core/stages.js';
import { GIB, load, noReferences, verify } from './core-helpers.js';

const plan = (par: string, engine = 'sglang', extra = '') =>
  `version: 1\nmodel: {preset: deepseek-v3}\nhardware: {preset: h200, gpus: 8}\nparallelism: {tp: 1, dp: 8, ep: 8${par}}\nworkload: {concurrency: 256, input_tokens: 1024, output_tokens: 1024}\ndeployment: {engine: ${engine}}\n${extra}`;

describe('parallelism.dense_tp, shared_expert_tp, lm_head_tp (SGLang)', () => {
  // DeepSeek-V3 (fp8 linear layers, bf16 embeddings and LM head) on 8 H200s as SGLang
  // --tp 8 --dp 8 --enable-dp-attention --ep 8: one engine of tp_size 8 = min(tp x dp, ep x etp) = min(1 x 8, 8 x 1).
  // From config.json (hidden 7,168):
  //   dense MLPs: 3 layers x 3 matrices x 7,168 x 18,432            = 1,189,085,184 params x 1 B (fp8) = 1,189,085,184 B
  //   shared expert: 58 MoE layers x 3 x 7,168 x 2,048             = 2,554,331,136 params x 1 B (fp8) = 2,554,331,136 B
  //   LM head: 129,280 x 7,168                                       =   926,679,040 params x 2 B (bf16) = 1,853,358,080 B
  //   the rest, the same either way: attention 61 x 187,121,664 B (MLA, fp8, with its norms) = 11,414,421,504 B;
  //   32 routed experts and the router (bf16: fp8 checkpoints leave the gate unquantized) a MoE layer,
  //   58 x (32 x 44,040,192 + 7,168 x 256 x 2) = 81,951,457,280 B;
  //   the embedding whole at attention tp 1 (bf16) 1,853,358,080 B; SGLang's bf16 copy of kv_b_proj for MLA decode 61 x 512 x 128 x 256 x 2 = 2,046,820,352 B.
  // SGLang's default splits the three over its 8 ranks:
  //   11,414,421,504 + 81,951,457,280 + 1,853,358,080 + (1,189,085,184 + 2,554,331,136 + 1,853,358,080) / 8 + 2,046,820,352
  //   = 97,965,654,016 B = 91.24 GiB
  // dense_tp 1, shared_expert_tp 1, lm_head_tp 1 (= tp) keep them whole on every rank:
  //   11,414,421,504 + 81,951,457,280 + 1,853,358,080 + 1,189,085,184 + 2,554,331,136 + 1,853,358,080 + 2,046,820,352
  //   = 102,862,831,616 B = 95.80 GiB
  // 7/8 of 5,596,774,400 B = 4,897,177,600 B (4.56 GiB) more a device: 1,040,449,536 (dense) + 2,235,039,744 (shared) + 1,621,688,320 (head).
  // SGLang also builds its rotary table on every rank, fp32 on CUDA: 163,840 positions (yarn 40 x 4,096) x 64 dims x 4 B = 41,943,040 B
  const rope = 163_840 * 64 * 4;
  const rest = 11_414_421_504 + 81_951_457_280 + 1_853_358_080 + 2_046_820_352;
  const dense = 1_189_085_184;
  const shared = 2_554_331_136;
  const head = 1_853_358_080;

  it('a hand-worked DeepSeek-V3 fp8 on 8 GPUs: 91.24 GiB a device split over the tp group, 95.80 GiB kept whole', () => {
    const split = verify(plan('')).metrics!;
    const whole = verify(plan(', dense_tp: 1, shared_expert_tp: 1, lm_head_tp: 1')).metrics!;
    expect(rest + (dense + shared + head) / 8).toBe(97_965_654_016);
    expect(rest + dense + shared + head).toBe(102_862_831_616);
    expect(split.weights_per_gpu_gib).toBeCloseTo((97_965_654_016 + rope) / GIB, 2); // 91.24 and the table
    expect(whole.weights_per_gpu_gib).toBeCloseTo((102_862_831_616 + rope) / GIB, 2); // 95.80 and the table
    // each key alone moves its own part
    const only = (par: string) => verify(plan(par)).metrics!.weights_per_gpu_gib! - rope / GIB;
    expect(only(', dense_tp: 1')).toBeCloseTo((97_965_654_016 + 1_040_449_536) / GIB, 2);
    expect(only(', shared_expert_tp: 1')).toBeCloseTo((97_965_654_016 + 2_235_039_744) / GIB, 2);
    expect(only(', lm_head_tp: 1')).toBeCloseTo((97_965_654_016 + 1_621_688_320) / GIB, 2);
    // a split between the two: dense_tp 4 holds a quarter
    expect(only(', dense_tp: 4')).toBeCloseTo((97_965_654_016 + dense / 4 - dense / 8) / GIB, 2);
    // the KV pool follows: the same budget less 4,897,177,600 B, at 61 x 576 x 2 = 70,272 B a token
    const lost = split.kv_cache_capacity_tokens! - whole.kv_cache_capacity_tokens!;
    expect(Math.abs(lost / (4_897_177_600 / 70_272) - 1)).toBeLessThan(0.01);
    // and a decode step reads them whole
    expect(whole.decode_step_ms!).toBeGreaterThan(split.decode_step_ms!);
    // the memory check says why the weights moved
    const fits = (text: string) => verify(text).checks.find((c) => c.id === 'memory.fits')!.detail;
    expect(fits(plan(', dense_tp: 1, lm_head_tp: 1'))).toMatch(/weights \(dense MLPs over 1 rank, LM head over 1 rank: parallelism\.dense_tp, lm_head_tp\)/);
    expect(fits(plan(''))).not.toMatch(/parallelism\.dense_tp/);
  });

  it('the floor stays the least any placement holds and reads: the keys never raise it above the estimate', () => {
    const split = verify(plan('')).metrics!;
    for (const par of ['', ', dense_tp: 1, shared_expert_tp: 1, lm_head_tp: 1', ', dense_tp: 2, lm_head_tp: 8']) {
      const m = verify(plan(par)).metrics!;
      expect(m.weights_per_gpu_lower_bound_gib).toBe(split.weights_per_gpu_lower_bound_gib);
      expect(m.weights_per_gpu_lower_bound_gib!).toBeLessThanOrEqual(m.weights_per_gpu_gib!);
      expect(m.decode_step_lower_bound_ms).toBe(split.decode_step_lower_bound_ms);
      expect(m.decode_step_lower_bound_ms!).toBeLessThanOrEqual(m.decode_step_ms!);
      expect(m.kv_cache_capacity_tokens!).toBeLessThanOrEqual(m.kv_cache_capacity_upper_bound_tokens ?? Infinity);
    }
  });

  it('also without DP attention: --moe-dense-tp-size 1 keeps the dense MLPs whole over tp 8 (DeepseekV2DecoderLayer)', () => {
    const tp8 = (par: string) =>
      verify(
        `version: 1\nmodel: {preset: deepseek-v3}\nhardware: {preset: h200, gpus: 8}\nparallelism: {tp: 8, ep: 8${par}}\nworkload: {concurrency: 64, input_tokens: 1024, output_tokens: 256}\ndeployment: {engine: sglang}\n`,
      ).metrics!.weights_per_gpu_gib!;
    expect(tp8(', dense_tp: 1') - tp8('')).toBeCloseTo(((7 / 8) * dense) / GIB, 2);
  });

  it('is read under SGLang only, and for MoE models only: otherwise an assumption says it is ignored', () => {
    for (const engine of ['vllm', 'trtllm']) {
      const r = verify(plan(', dense_tp: 1, lm_head_tp: 1', engine));
      expect(r.metrics!.weights_per_gpu_gib).toBe(verify(plan('', engine)).metrics!.weights_per_gpu_gib);
      expect(JSON.stringify(r.details?.assumptions)).toMatch(/parallelism\.dense_tp.*ignored: SGLang's placement, and the engine is/);
    }
    const llama = verify(
      'version: 1\nmodel: {preset: llama-3.1-8b}\nhardware: {preset: h200, gpus: 2}\nparallelism: {tp: 2, dense_tp: 1}\nworkload: {concurrency: 8, input_tokens: 1024, output_tokens: 256}\ndeployment: {engine: sglang}\n',
    );
    expect(JSON.stringify(llama.details?.assumptions)).toMatch(/parallelism\.dense_tp.*ignored for a dense model/);
  });

  it('says when a key changes nothing, or states a split SGLang does not build (server_args.py: --moe-dense-tp-size 1 or tp)', () => {
    const said = (text: string) => JSON.stringify(verify(text).details?.assumptions ?? []);
    // Qwen3-235B-A22B: every layer MoE, no shared experts
    const qwen = said(
      'version: 1\nmodel: {preset: qwen3-235b-a22b}\nhardware: {preset: h200, gpus: 8}\nparallelism: {tp: 1, dp: 8, ep: 8, dense_tp: 1, shared_expert_tp: 1}\nworkload: {concurrency: 64, input_tokens: 1024, output_tokens: 256}\ndeployment: {engine: sglang}\n',
    );
    expect(qwen).toMatch(/parallelism\.dense_tp.*changes nothing: the model has no dense MLP layers/);
    expect(qwen).toMatch(/parallelism\.shared_expert_tp.*changes nothing: the model has no shared experts/);
    // DeepSeek-V3 at tp 1 dp 8 ep 8: SGLang builds the dense MLPs over 1 or all 8 ranks, the LM head over tp (1) or 8
    expect(said(plan(', dense_tp: 4'))).toMatch(
      /parallelism\.dense_tp.*4 as stated, a split SGLang does not build: it splits the dense MLPs over 1 or all 8 ranks/,
    );
    expect(said(plan(', lm_head_tp: 2'))).toMatch(/parallelism\.lm_head_tp.*2 as stated, a split SGLang does not build/);
    for (const built of [', dense_tp: 1', ', dense_tp: 8', ', shared_expert_tp: 1', ', lm_head_tp: 1', ', lm_head_tp: 8'])
      expect(said(plan(built))).not.toMatch(/as stated, a split SGLang does not build|changes nothing/);
  });

  it('refuses a split that is no whole number of ranks, or does not divide its group, with the file, line and key', () => {
    const errors = (text: string) => {
      const r = loadPlan('dsv3.plan.yaml', text, noReferences);
      expect(r.ok).toBe(false);
      return r.ok ? [] : r.errors;
    };
    const yaml = (value: string) =>
      `version: 1\nmodel: {preset: deepseek-v3}\nhardware: {preset: h200, gpus: 8}\nparallelism:\n  tp: 1\n  dp: 8\n  ep: 8\n  dense_tp: ${value}\nworkload: {concurrency: 8, input_tokens: 1024, output_tokens: 256}\ndeployment: {engine: sglang}\n`;
    for (const bad of ['0', '2.5', 'whole', '-1']) {
      const [e] = errors(yaml(bad));
      expect(e).toMatchObject({ path: 'parallelism.dense_tp', line: 8 });
    }
    const [e] = errors(yaml('3'));
    expect(e).toMatchObject({ path: 'parallelism.dense_tp', line: 8 });
    expect(e!.message).toBe(
      "parallelism.dense_tp: 3 ranks cannot split the dense MLPs: it must divide the 8 ranks that split them by default (SGLang's whole tp group under DP attention, min(tp x dp, ep x etp) = min(1 x 8, 8 x 1) = 8); use one of 1, 2, 4, 8",
    );
    // over two engines' copies of the experts (dp 16, ep 8) the group is one engine's 8, not 16
    const two = loadPlan(
      'two.plan.yaml',
      'version: 1\nmodel: {preset: deepseek-v3}\nhardware: {preset: h200, gpus: 16}\nparallelism: {tp: 1, dp: 16, ep: 8, lm_head_tp: 16}\ndeployment: {engine: sglang}\n',
      noReferences,
    );
    expect(two.ok ? [] : two.errors.map((x) => x.message)).toEqual([
      expect.stringMatching(/^parallelism\.lm_head_tp: 16 ranks cannot split the LM head: it must divide the 8 ranks/),
    ]);
    // under vLLM the parts sit over tp: a split must divide tp
    const vllm = loadPlan(
      'v.plan.yaml',
      'version: 1\nmodel: {preset: deepseek-v3}\nhardware: {preset: h200, gpus: 8}\nparallelism: {tp: 4, dp: 2, ep: 8, shared_expert_tp: 8}\n',
      noReferences,
    );
    expect(vllm.ok ? [] : vllm.errors.map((x) => x.message)).toEqual([
      expect.stringMatching(/^parallelism\.shared_expert_tp: 8 ranks .* the 4 ranks .*\(tp = 4\); use one of 1, 2, 4$/),
    ]);
    // a disaggregated pool's keys are checked at their own path
    const pool = loadPlan(
      'pd.plan.yaml',
      'version: 1\nmodel: {preset: deepseek-v3}\nhardware: {preset: h200, gpus: 16}\ndeployment: {engine: sglang}\ndisaggregation:\n  prefill: {workers: 1, gpus: 8, parallelism: {tp: 8}}\n  decode:\n    workers: 1\n    gpus: 8\n    parallelism: {tp: 1, dp: 8, ep: 8, dense_tp: 5}\n',
      noReferences,
    );
    expect(pool.ok ? [] : pool.errors).toEqual([expect.objectContaining({ path: 'disaggregation.decode.parallelism.dense_tp', line: 10 })]);
  });

  it('a suggested layout keeps the launch: whole stays whole, the LM head follows the attention TP, a split that no longer divides is dropped', () => {
    const base = load(plan(', dense_tp: 1, shared_expert_tp: 1, lm_head_tp: 1'));
    const on = (tp: number, dp: number, ep: number, gpus = tp * dp) =>
      buildCandidatePlan(base, { gpus, layout: { tp, pp: 1, dp, cp: 1, ep, etp: 1 } }).plan.parallelism;
    expect(on(2, 8, 16)).toMatchObject({ dense_tp: 1, shared_expert_tp: 1, lm_head_tp: 2 });
    // whole shared experts need DeepEP or Mooncake, which run the experts by EP alone over the engine's
    // ranks: a candidate with tensor-split experts (ep 1, etp 4) cannot keep them whole
    const tensorSplit = buildCandidatePlan(base, { gpus: 4, layout: { tp: 1, pp: 1, dp: 4, cp: 1, ep: 1, etp: 4 } }).plan.parallelism;
    expect(tensorSplit).toMatchObject({ dense_tp: 1, lm_head_tp: 1 });
    expect(tensorSplit.shared_expert_tp).toBeUndefined();
    const split = load(plan(', dense_tp: 8'));
    const p = buildCandidatePlan(split, { gpus: 4, layout: { tp: 1, pp: 1, dp: 4, cp: 1, ep: 4, etp: 1 } }).plan.parallelism;
    expect(p.dense_tp).toBeUndefined();
  });

  it("a disaggregated candidate keeps each pool's keys: the plan's own pools verify as the plan does", () => {
    const pd =
      'version: 1\nmodel: {preset: deepseek-v3}\nhardware: {preset: h200, gpus: 16}\ndeployment: {engine: sglang}\nworkload: {concurrency: 64, input_tokens: 1024, output_tokens: 256}\ndisaggregation:\n  prefill: {workers: 1, gpus: 8, parallelism: {tp: 8, ep: 8}}\n  decode: {workers: 1, gpus: 8, parallelism: {tp: 1, dp: 8, ep: 8, dense_tp: 1, shared_expert_tp: 1, lm_head_tp: 1}}\n';
    const base = load(pd);
    const own = buildVariationPlan(base, planVariation(base.plan, 16)).plan.disaggregation!;
    expect(own.decode.parallelism).toMatchObject({ dense_tp: 1, shared_expert_tp: 1, lm_head_tp: 1 });
    expect(own.prefill.parallelism).not.toHaveProperty('dense_tp');
    // another decode layout: whole stays whole, the LM head follows the pool's tp
    const choice = planVariation(base.plan, 24);
    const wider = { ...choice.disaggregation!.decode, gpus: 16, layout: { tp: 2, pp: 1, dp: 8, cp: 1, ep: 16, etp: 1 } };
    const moved = buildVariationPlan(base, { ...choice, disaggregation: { ...choice.disaggregation!, decode: wider } }).plan.disaggregation!;
    expect(moved.decode.parallelism).toMatchObject({ dense_tp: 1, shared_expert_tp: 1, lm_head_tp: 2 });
    expect(verify(pd).metrics!.decode_kv_cache_capacity_tokens).toBe(
      verifyLoadedPlan(buildVariationPlan(base, planVariation(base.plan, 16))).metrics!.decode_kv_cache_capacity_tokens,
    );
  });

  it("SGLang's own spellings: moe_dense_tp_size is dense_tp; enable_dp_lm_head is refused with the key to write", () => {
    const r = loadPlan('a.plan.yaml', plan(', moe_dense_tp_size: 1'), noReferences);
    expect(r.ok && r.loaded.plan.parallelism.dense_tp).toBe(1);
    const refused = loadPlan('b.plan.yaml', plan(', enable_dp_lm_head: true'), noReferences);
    expect(refused.ok ? '' : refused.errors.map((e) => e.message).join('\n')).toMatch(/write lm_head_tp with the number tp has/);
    // SGLang's other launch switches point at the keys that say the same
    const said = (par: string) => {
      const x = loadPlan('c.plan.yaml', plan(par), noReferences);
      return x.ok ? '' : x.errors.map((e) => e.message).join('\n');
    };
    expect(said(', enable_dp_attention: true')).toMatch(/did you mean 'dp'\?.*write tp: N \/ D and dp: D/);
    expect(said(', moe_a2a_backend: deepep')).toMatch(/did you mean 'shared_expert_tp'\?.*write shared_expert_tp: 1/);
    expect(said(', enable_deepep_moe: true')).toMatch(/did you mean 'shared_expert_tp'\?/);
    // a key misplaced in a pool belongs in that pool's parallelism, not the top-level one a disaggregated plan may not have
    const pool = loadPlan(
      'pd.plan.yaml',
      'version: 1\nmodel: {preset: deepseek-v3}\nhardware: {preset: h200, gpus: 16}\ndeployment: {engine: sglang}\ndisaggregation:\n  prefill: {workers: 1, gpus: 8, parallelism: {tp: 8}}\n  decode:\n    workers: 1\n    gpus: 8\n    dense_tp: 1\n    parallelism: {tp: 1, dp: 8, ep: 8}\n',
      noReferences,
    );
    expect(pool.ok ? '' : pool.errors.map((e) => e.message).join('\n')).toMatch(
      /it belongs in disaggregation\.decode\.parallelism: disaggregation\.decode\.parallelism\.dense_tp\)/,
    );
  });
});

describe("SGLang's embedding under DP attention: split over the attention TP group (sgl-project/sglang#17403)", () => {
  // DeepSeek-V3 fp8 on 8 H200s as SGLang --tp 8 --dp 4 --enable-dp-attention --ep 8: attention tp 2 (tp 2, dp 4 here).
  // models/deepseek_v2.py builds VocabParallelEmbedding(use_attn_tp_group=is_dp_attention_enabled()) since 2026-01-20:
  // the 129,280 x 7,168 bf16 table (1,853,358,080 B) over the 2 ranks of the attention TP group, 926,679,040 B a device,
  // where the releases before kept it whole (enable_tp=not enable_dp_attention).
  const text = plan('').replace('{tp: 1, dp: 8, ep: 8', '{tp: 2, dp: 4, ep: 8');
  it('926,679,040 B of embedding a device at attention tp 2, not 1,853,358,080', () => {
    const loaded = load(text);
    const layout = resolvePlan(loaded.plan, loaded.origins).layout;
    expect([layout.tp, layout.dp, layout.ep]).toEqual([2, 4, 8]);
    const facts = deriveModelFacts(loaded.plan.model, 'estimate', { engine: 'sglang' }).facts!;
    const [stage] = buildStages(facts, 1, null)!;
    const split = denseSplit(facts, layout, 'sglang');
    expect(split.embedding).toBe(2);
    const embedding = stageWeightBytes(facts, layout, stage!, null, split) - stageWeightBytes({ ...facts, embedding: 0 }, layout, stage!, null, split);
    expect(embedding).toBe((129280 * 7168 * 2) / 2);
    // the floor takes the same split: it stays at or below the estimate
    const m = verify(text).metrics!;
    expect(m.weights_per_gpu_lower_bound_gib!).toBeLessThanOrEqual(m.weights_per_gpu_gib!);
  });
  it('at attention tp 1 (--tp 8 --dp 8) the table is whole either way', () => {
    const loaded = load(plan(''));
    const layout = resolvePlan(loaded.plan, loaded.origins).layout;
    const facts = deriveModelFacts(loaded.plan.model, 'estimate', { engine: 'sglang' }).facts!;
    expect(denseSplit(facts, layout, 'sglang').embedding).toBe(1);
  });
});
