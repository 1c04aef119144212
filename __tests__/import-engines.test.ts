// Each engine's own meaning of its flags. Sources (also in docs/importers.md):
// - vLLM parallelism and scaling docs (docs.vllm.ai, serving/parallelism_scaling and data_parallel_deployment):
//   world = TP x PP x DP; with --enable-expert-parallel the MoE layers use EP = TP x DP instead of TP;
//   --max-num-seqs applies to each DP engine; --gpu-memory-utilization is a fraction of the GPU's total memory.
// - SGLang server arguments and DP-attention docs (docs.sglang.ai, advanced_features/server_arguments):
//   --tp is the total with --enable-dp-attention, attention TP = tp / dp; moe tp = tp / ep;
//   --mem-fraction-static is the fraction of memory for weights and KV pool.
// - TensorRT-LLM trtllm-serve and LLM API docs (nvidia.github.io/TensorRT-LLM): tp_size x pp_size GPUs,
//   enable_attention_dp, moe_expert_parallel_size; KvCacheConfig.free_gpu_memory_fraction is a share of the
//   memory free after the model is loaded.
import { describe, expect, it } from 'vitest';
import { failed, importText, ok } from './import-helpers.js';

const fields = (script: string, files: Record<string, string> = {}) => ok(importText('serve.sh', script, {}, files));

describe('vLLM', () => {
  it('counts TP x PP x DP devices, short and long flags alike', () => {
    const r = fields('vllm serve meta-llama/Llama-3.1-8B-Instruct -tp 2 --pipeline-parallel-size=2 --data_parallel_size 3');
    expect(r.fields.parallelism).toMatchObject({ tp: 2, pp: 2, dp: 3 });
    expect(r.fields.hardware?.gpus).toBe(2 * 2 * 3);
  });

  it('makes EP = TP x DP with experts unsharded under --enable-expert-parallel', () => {
    const r = fields('vllm serve Qwen/Qwen3-30B-A3B --tensor-parallel-size 4 --data-parallel-size 2 --enable-expert-parallel');
    expect(r.fields.parallelism).toMatchObject({ tp: 4, dp: 2, ep: 8, etp: 1 });
  });

  it('reads --max-num-seqs per DP rank (the engine cap) and --gpu-memory-utilization as memory_fraction, with engine vllm', () => {
    const r = fields('vllm serve m --data-parallel-size 4 --max-num-seqs 64 --gpu-memory-utilization 0.9');
    expect(r.fields.workload?.concurrency).toBe(4 * 64);
    expect(r.fields.workload?.max_running_sequences).toBe(4 * 64);
    expect(r.fields.workload?.memory_fraction).toBe(0.9);
    expect(r.fields.workload?.memory_reserve).toBeUndefined();
    expect(r.fields.deployment?.engine).toBe('vllm');
  });

  it('turns CUDA graphs off under --enforce-eager (vLLM) and --disable-cuda-graph (SGLang), and only then', () => {
    expect(fields('vllm serve m --enforce-eager').fields.workload?.cuda_graphs).toBe(false);
    expect(fields('python -m sglang.launch_server --model-path m --disable-cuda-graph').fields.workload?.cuda_graphs).toBe(false);
    expect(fields('vllm serve m --max-num-seqs 8').fields.workload?.cuda_graphs).toBeUndefined();
  });

  it("turns CUDA graphs off under vLLM's cudagraph_mode NONE and TensorRT-LLM's cuda_graph_config: null, and only then", () => {
    const json = fields(`vllm serve m \\\n  --compilation-config '{"cudagraph_mode": "NONE"}'`);
    expect(json.fields.workload?.cuda_graphs).toBe(false);
    expect(json.origins['workload.cuda_graphs']).toBe('serve.sh:2');
    expect(fields('vllm serve m --compilation-config.cudagraph_mode NONE').fields.workload?.cuda_graphs).toBe(false);
    expect(fields('vllm serve m --config c.yaml', { 'c.yaml': 'compilation_config:\n  cudagraph_mode: NONE\n' }).fields.workload?.cuda_graphs).toBe(false);
    expect(fields(`vllm serve m --compilation-config '{"cudagraph_mode": "FULL_DECODE_ONLY"}'`).fields.workload?.cuda_graphs).toBeUndefined();
    const trt = (options: string) => fields('trtllm-serve m --extra_llm_api_options o.yaml', { 'o.yaml': options });
    const off = trt('max_batch_size: 64\ncuda_graph_config: null\n');
    expect(off.fields.workload?.cuda_graphs).toBe(false);
    expect(off.origins['workload.cuda_graphs']).toBe('o.yaml:2');
    expect(trt('cuda_graph_config:\n  enable_padding: true\n').fields.workload?.cuda_graphs).toBeUndefined();
    expect(trt('max_seq_len: null\n').warnings.join('\n')).not.toMatch(/max_seq_len/);
  });

  it('reads human-readable context lengths as vLLM does (1k = 1000, 1K = 1024)', () => {
    expect(fields('vllm serve m --max-model-len 32k').context?.tokens).toBe(32000);
    expect(fields('vllm serve m --max-model-len 32K').context?.tokens).toBe(32768);
  });

  it('maps --quantization and --kv-cache-dtype to dtypes, auto to nothing, and warns about guesses', () => {
    const fp8 = fields('vllm serve m --quantization fp8 --kv-cache-dtype fp8_e5m2');
    expect(fp8.fields.model).toMatchObject({ weight_dtype: 'fp8', kv_cache_dtype: 'fp8' });
    const awq = fields('vllm serve m --quantization awq --kv-cache-dtype auto');
    expect(awq.fields.model?.weight_dtype).toBe('int4');
    expect(awq.fields.model?.kv_cache_dtype).toBeUndefined();
    expect(awq.warnings.join('\n')).toMatch(/awq.*4-bit/i);
    const ct = fields('vllm serve m --quantization compressed-tensors');
    expect(ct.fields.model?.weight_dtype).toBeUndefined();
    expect(ct.warnings.join('\n')).toMatch(/compressed-tensors/);
    expect(fields('vllm serve m --dtype half').fields.model?.weight_dtype).toBe('fp16');
    // the engine caches at the model dtype: fp32 stated, as the plan's own default for fp32 weights is bf16
    expect(fields('vllm serve m --dtype float32').fields.model).toMatchObject({ weight_dtype: 'fp32', kv_cache_dtype: 'fp32' });
    expect(fields('vllm serve m --dtype float32 --kv-cache-dtype fp8').fields.model).toMatchObject({ weight_dtype: 'fp32', kv_cache_dtype: 'fp8' });
  });

  it('quantizes the linear layers only: the embedding and LM head stay 16-bit, as the engines keep them', () => {
    // vLLM's and SGLang's Fp8Config (and AWQ, GPTQ...) give VocabParallelEmbedding / ParallelLMHead no quantized
    // method; a -FP8 checkpoint (compressed-tensors, ignore: lm_head) stores them in bf16 (validation case
    // vllm-llama33-70b-fp8-2xh100-tp2-memory: 33.88 GiB of weights logged per GPU, with them 16-bit)
    for (const script of [
      'vllm serve meta-llama/Llama-3.3-70B-Instruct \\\n  --quantization fp8',
      'python3 -m sglang.launch_server --model-path meta-llama/Llama-3.3-70B-Instruct \\\n  --quantization fp8',
      'vllm serve m \\\n  --quantization awq',
      'vllm serve neuralmagic/Meta-Llama-3.1-8B-Instruct-FP8 \\\n  --tensor-parallel-size 1',
    ]) {
      const r = fields(script);
      expect(r.fields.model?.weight_dtypes, script).toEqual({ embeddings: 'bf16' });
      expect(r.origins['model.weight_dtypes.embeddings'] ?? r.origins['model.weight_dtypes'], script).toBe(r.origins['model.weight_dtype']);
    }
    // 16-bit weights, or none stated, set nothing; a checkpoint's own storage is kept whole
    expect(fields('vllm serve m --dtype half').fields.model?.weight_dtypes).toBeUndefined();
    expect(fields('vllm serve meta-llama/Llama-3.1-8B-Instruct').fields.model?.weight_dtypes).toBeUndefined();
    expect(fields('vllm serve /data/nvidia/DeepSeek-R1-NVFP4 --quantization modelopt_fp4').fields.model?.weight_dtypes).toEqual({
      attention: 'bf16',
      embeddings: 'bf16',
    });
  });

  it('matches the served model to a preset and a pre-quantized checkpoint to its dtype', () => {
    expect(fields('vllm serve meta-llama/Llama-3.1-70B-Instruct').fields.model?.preset).toBe('llama-3.1-70b');
    const q = fields('python3 -m vllm.entrypoints.openai.api_server --model Qwen/Qwen3-235B-A22B-FP8');
    expect(q.fields.model).toMatchObject({ preset: 'qwen3-235b-a22b', weight_dtype: 'fp8' });
    const local = fields('vllm serve /models/my-finetune');
    expect(local.fields.model?.preset).toBeUndefined();
    // the name comes from a file the plan reads (which may be one an earlier step wrote): described, not quoted
    expect(local.warnings.join('\n')).toMatch(/model \(a value of 19 characters, not shown\) matches no model preset/);
    expect(local.warnings.join('\n')).not.toContain('my-finetune');
  });

  it('a known checkpoint brings what it stores: NVFP4 groups of 16 and an fp8 KV cache, int4 experts, bf16 attention', () => {
    // nvidia/Qwen3-32B-NVFP4 hf_quant_config.json: NVFP4, group_size 16, kv_cache_quant_algo FP8
    const nvfp4 = fields('trtllm-serve nvidia/Qwen3-32B-NVFP4 --tp_size 1');
    expect(nvfp4.fields.model).toMatchObject({ preset: 'qwen3-32b', weight_dtype: 'fp4', quant_group_size: 16, kv_cache_dtype: 'fp8' });
    expect(nvfp4.warnings.join('\n')).not.toMatch(/4-bit checkpoint/);
    const kimi = fields('vllm serve moonshotai/Kimi-K2.5 --tensor-parallel-size 8');
    expect(kimi.fields.model).toEqual({ preset: 'kimi-k2.5' });
    // a flag the engine was given wins over the checkpoint
    const kv = fields('vllm serve nvidia/Qwen3-32B-NVFP4 --kv-cache-dtype auto --quantization fp8');
    expect(kv.fields.model?.weight_dtype).toBe('fp8');
    const r1 = fields('python3 -m sglang.launch_server --model-path /data/nvidia/DeepSeek-R1-NVFP4 --tp 8');
    expect(r1.fields.model).toMatchObject({ preset: 'deepseek-r1', weight_dtype: 'fp4', weight_dtypes: { attention: 'bf16', embeddings: 'bf16' } });
    // a local copy named as the repository: the version in the name is not a release suffix
    expect(fields('vllm serve /models/DeepSeek-V3.2').fields.model?.preset).toBe('deepseek-v3.2');
    expect(fields('vllm serve /mnt/weights/Qwen3-32B-NVFP4').fields.model).toMatchObject({ preset: 'qwen3-32b', weight_dtype: 'fp4' });
    expect(fields('vllm serve /models/GLM-5').fields.model?.preset).toBe('glm-5');
  });

  it('lets the command line win over its --config file and names the config file as origin', () => {
    const r = fields('vllm serve m --config conf/vllm.yaml --max-num-seqs 32', {
      'conf/vllm.yaml': 'tensor_parallel_size: 2\nmax-num-seqs: 999\ngpu-memory-utilization: 0.8\n',
    });
    expect(r.fields.parallelism?.tp).toBe(2);
    expect(r.fields.workload?.concurrency).toBe(32);
    expect(r.origins['parallelism.tp']).toBe('conf/vllm.yaml:1');
    expect(r.origins['workload.memory_fraction']).toBe('conf/vllm.yaml:3');
    expect(r.origins['workload.concurrency']).toBe('serve.sh:1');
  });

  it('warns and leaves the layout to the plan when a layout flag names an unset variable', () => {
    const r = fields('vllm serve m --tensor-parallel-size $TP --max-num-seqs 8');
    expect(r.warnings.join('\n')).toMatch(/could not resolve TP in --tensor-parallel-size/);
    expect(r.fields.parallelism).toBeUndefined();
    expect(r.fields.hardware).toBeUndefined();
  });
});

describe('SGLang', () => {
  it('without DP attention, --dp copies a TP group: GPUs = tp x dp, requests per copy', () => {
    const r = fields('python3 -m sglang.launch_server --model-path m --tp 4 --dp 2 --max-running-requests 100');
    expect(r.fields.parallelism).toMatchObject({ tp: 4, dp: 2 });
    expect(r.fields.hardware?.gpus).toBe(8);
    expect(r.fields.workload?.concurrency).toBe(200);
  });

  it('with DP attention, --tp is the device count: attention tp/dp-way, MoE over all --tp ranks', () => {
    const r = fields('python -m sglang.launch_server --model-path m --tp 8 --dp 8 --enable-dp-attention --max-running-requests 512');
    expect(r.fields.parallelism).toMatchObject({ tp: 1, dp: 8, etp: 8 });
    expect(r.fields.parallelism?.ep).toBeUndefined();
    expect(r.fields.hardware?.gpus).toBe(8);
    expect(r.fields.workload?.concurrency).toBe(512);
  });

  it('splits experts as moe_tp = tp / ep', () => {
    const r = fields('python -m sglang.launch_server --model-path m --tp 16 --dp 4 --enable-dp-attention --ep-size 8');
    expect(r.fields.parallelism).toMatchObject({ tp: 4, dp: 4, ep: 8, etp: 2 });
    expect(r.fields.hardware?.gpus).toBe(16);
  });

  it('reads redundant expert replicas (EPLB) as model.moe.redundant_experts: SGLang, vLLM JSON, dotted and former flags', () => {
    // the SGLang large-scale EP decode recipe (72 GPUs): 256 + 32 experts divide by ep=72, 256 alone do not
    const sg = fields(
      'python3 -m sglang.launch_server --model-path deepseek-ai/DeepSeek-V3-0324 --tp-size 72 --dp-size 72 --enable-dp-attention --enable-deepep-moe \\\n  --ep-num-redundant-experts 32',
    );
    expect(sg.fields.model?.moe).toEqual({ redundant_experts: 32 });
    expect(sg.origins['model.moe.redundant_experts']).toBe('serve.sh:2');
    const json = fields(
      `vllm serve deepseek-ai/DeepSeek-V3 -dp 8 --enable-expert-parallel --enable-eplb --eplb-config '{"window_size": 1000, "num_redundant_experts": 32}'`,
    );
    expect(json.fields.model?.moe).toEqual({ redundant_experts: 32 });
    expect(fields('vllm serve m -dp 8 --enable-expert-parallel --enable-eplb --eplb-config.num_redundant_experts 16').fields.model?.moe).toEqual({
      redundant_experts: 16,
    });
    expect(fields('vllm serve m -dp 8 --enable-expert-parallel --enable-eplb --num-redundant-experts 8').fields.model?.moe).toEqual({ redundant_experts: 8 });
    expect(fields('vllm serve m -dp 8 --enable-expert-parallel --enable-eplb --num-redundant-experts 0').fields.model?.moe).toBeUndefined();
    const trt = fields('trtllm-serve m --tp_size 8 --ep_size 8 --extra_llm_api_options o.yaml', {
      'o.yaml': 'moe_config:\n  load_balancer:\n    num_slots: 288\n',
    });
    expect(trt.warnings.join('\n')).toMatch(/o\.yaml:3: moe_config\.load_balancer is not read.*model\.moe\.redundant_experts/);
  });

  it("reads SGLang's placement of the dense MLPs, shared experts and LM head: dense_tp, shared_expert_tp, lm_head_tp", () => {
    // SGLang's PD + large-scale EP decode command (sgl-project/sglang issue #7998, "Instruction for Running DeepSeek
    // with PD, EP, and MTP"): --moe-dense-tp-size 1 builds the dense layers' DeepseekV2MLP with tp_size 1, DeepEP the
    // shared experts' (models/deepseek_v2.py), --enable-dp-lm-head splits the LM head over the attention TP group (1 here)
    const decode = fields(
      'SGL_DISABLE_TP_MEMORY_INBALANCE_CHECK=1 SGLANG_DISAGGREGATION_HEARTBEAT_MAX_FAILURE=10000000 SGLANG_DEEPEP_NUM_MAX_DISPATCH_TOKENS_PER_RANK=256 MC_TE_METRIC=true python3 -m sglang.launch_server --model-path /mnt/shared-fs/models/deepseek-ai/DeepSeek-V3-0324 --disaggregation-ib-device mlx5_1 --disaggregation-mode decode --dist-init-addr 10.0.7.67:5757 --tp-size 16 --dp-size 16 --enable-dp-attention --decode-log-interval 1 --enable-deepep-moe --page-size 64 --host 0.0.0.0 --trust-remote-code --moe-dense-tp-size 1 --enable-dp-lm-head --disable-radix-cache --watchdog-timeout 1000000 --deepep-mode low_latency --mem-fraction-static 0.8 --max-running-requests 32 --context-length 73728 --ep-num-redundant-experts 32 --disable-shared-experts-fusion --cuda-graph-max-bs 2 --init-expert-location /mnt/shared-fs/stats-qiaolin/mtp_213.pt --speculative-algorithm EAGLE --speculative-num-steps 2 --speculative-eagle-topk 1 --speculative-num-draft-tokens 3 --nnodes 2 --node-rank 0',
    );
    expect(decode.fields.parallelism).toMatchObject({ tp: 1, dp: 16, ep: 16, etp: 1, dense_tp: 1, shared_expert_tp: 1, lm_head_tp: 1 });
    expect(decode.origins['parallelism.dense_tp']).toBe('serve.sh:1');
    expect(decode.warnings.join('\n')).not.toMatch(/whole on every|moe-dense-tp-size|dp-lm-head/);
    // the newer spelling of the all-to-all, on two lines; attention TP 2 (--tp 16 --dp 8) is the LM head's split
    const a2a = fields(
      'python3 -m sglang.launch_server --model-path deepseek-ai/DeepSeek-V3-0324 --tp-size 16 --dp-size 8 --enable-dp-attention \\\n  --moe-a2a-backend deepep --moe-dense-tp-size 1 --enable-dp-lm-head',
    );
    expect(a2a.fields.parallelism).toMatchObject({ tp: 2, dp: 8, dense_tp: 1, shared_expert_tp: 1, lm_head_tp: 2 });
    expect(a2a.origins['parallelism.shared_expert_tp']).toBe('serve.sh:2');
    expect(fields('python3 -m sglang.launch_server --model-path m --tp 8 --moe-a2a-backend mooncake').fields.parallelism?.shared_expert_tp).toBe(1);
    // without DP attention --moe-dense-tp-size 1 still keeps the dense MLPs whole (DeepseekV2DecoderLayer does not ask);
    // --enable-dp-lm-head is refused by SGLang there (server_args.py), so not imported and said
    const plain = fields('python3 -m sglang.launch_server --model-path m --tp 8 --moe-dense-tp-size 1 --enable-dp-lm-head');
    expect(plain.fields.parallelism).toMatchObject({ tp: 8, dense_tp: 1 });
    expect(plain.fields.parallelism?.lm_head_tp).toBeUndefined();
    expect(plain.warnings.join('\n')).toMatch(/--enable-dp-lm-head is not imported: SGLang refuses it without --enable-dp-attention/);
    // --moe-dense-tp-size equal to --tp is SGLang's default (nothing to import); other sizes SGLang refuses at start-up
    expect(fields('python3 -m sglang.launch_server --model-path m --tp 8 --moe-dense-tp-size 8').fields.parallelism?.dense_tp).toBeUndefined();
    const odd = fields('python3 -m sglang.launch_server --model-path m --tp 8 --moe-dense-tp-size 4');
    expect(odd.fields.parallelism?.dense_tp).toBeUndefined();
    expect(odd.warnings.join('\n')).toMatch(/--moe-dense-tp-size "4" is not imported: SGLang accepts 1 .* or its --tp/);
    // misspelled or abbreviated, they are said at their line, never silently dropped: SGLang refuses the
    // misspellings and runs a unique prefix as the option it starts (argparse's allow_abbrev)
    for (const [flag, meant] of [
      ['--enable-dp-lmhead', /--enable-dp-lmhead is not a SGLang option; did you mean --enable-dp-lm-head\?/],
      ['--enable-dp-lm-heads', /--enable-dp-lm-heads is not a SGLang option; did you mean --enable-dp-lm-head\?/],
      ['--moe-dense-tp-siz 1', /--moe-dense-tp-siz abbreviates --moe-dense-tp-size/],
      ['--moe-dense-tp 1', /--moe-dense-tp abbreviates --moe-dense-tp-size, which SGLang's argparse accepts .* write --moe-dense-tp-size/],
    ] as const) {
      const typo = fields(`python3 -m sglang.launch_server --model-path m --tp 8 --dp 8 --enable-dp-attention ${flag}`);
      expect(typo.warnings.join('\n')).toMatch(meant);
    }
    // an all-to-all backend the importer does not know is said, not taken silently as split or whole
    expect(fields('python3 -m sglang.launch_server --model-path m --tp 8 --moe-a2a-backend nixl').warnings.join('\n')).toMatch(
      /--moe-a2a-backend .* is not one the importer reads \(none, deepep, mooncake\)/,
    );
    expect(fields('python3 -m sglang.launch_server --model-path m --tp 8 --moe-a2a-backend none').warnings.join('\n')).not.toMatch(/moe-a2a-backend/);
    // SGLang's defaults set none of them
    expect(fields('python3 -m sglang.launch_server --model-path m --tp 8 --dp 8 --enable-dp-attention --ep 8').fields.parallelism).not.toHaveProperty(
      'dense_tp',
    );
  });

  it("reads --mem-fraction-static as memory_fraction in SGLang's meaning and --context-length as the context", () => {
    const r = fields('python -m sglang.launch_server --model-path m --mem-fraction-static 0.8 --context-length 4096');
    expect(r.fields.workload?.memory_fraction).toBe(0.8);
    expect(r.fields.deployment?.engine).toBe('sglang');
    expect(r.context?.tokens).toBe(4096);
  });

  it('with DP attention, --chunked-prefill-size is split over the DP ranks (server_args: chunked_prefill_size //= dp_size)', () => {
    const split = fields('python -m sglang.launch_server --model-path m --tp 8 --dp 8 --enable-dp-attention --chunked-prefill-size 16384');
    expect(split.fields.workload?.max_batched_tokens).toBe(2048);
    // --dp without DP attention starts copies of the whole TP group: each keeps its chunk
    const copies = fields('python -m sglang.launch_server --model-path m --tp 4 --dp 2 --chunked-prefill-size 16384');
    expect(copies.fields.workload?.max_batched_tokens).toBe(16384);
  });

  it('reads no positional model (SGLang takes none: a bare word there is the rest of a list)', () => {
    const r = fields('python3 -m sglang.launch_server --model-path ${MODEL_PATH} --tp 16 --cuda-graph-bs 8 16 24');
    expect(r.fields.model?.preset).toBeUndefined();
    const said = r.warnings.join('\n');
    expect(said).not.toMatch(/matches no model preset/);
    expect(said).toMatch(/could not resolve MODEL_PATH in --model-path/);
  });

  it('says what --chunked-prefill-size -1 does (chunked prefill off) instead of calling it invalid', () => {
    const r = fields('python3 -m sglang.launch_server --model-path m --tp 16 --chunked-prefill-size -1 --max-prefill-tokens 16384');
    expect(r.fields.workload?.max_batched_tokens).toBeUndefined();
    const said = r.warnings.join('\n');
    expect(said).toMatch(/serve\.sh:1: --chunked-prefill-size -1 turns SGLang's chunked prefill off/);
    expect(said).not.toMatch(/not a valid token count/);
  });

  it('reads --max-running-requests as the engine cap, shared by the DP-attention ranks of one engine', () => {
    const r = fields('python -m sglang.launch_server --model-path m --tp 8 --dp 8 --enable-dp-attention --max-running-requests 512');
    expect(r.fields.workload?.max_running_sequences).toBe(512);
  });
});

describe('TensorRT-LLM', () => {
  it('splits experts by --ep_size with moe_tp = tp / ep', () => {
    const r = fields('trtllm-serve serve m --tp_size 8 --ep_size 4 --max_batch_size 32 --max_seq_len 8192');
    expect(r.fields.parallelism).toMatchObject({ tp: 8, dp: 1, ep: 4, etp: 2 });
    expect(r.fields.workload?.concurrency).toBe(32);
    expect(r.context?.tokens).toBe(8192);
  });

  it('runs attention data-parallel with enable_attention_dp, and the options file wins over the command line', () => {
    const r = fields('trtllm-serve m --tp_size 8 --max_batch_size 32 --extra_llm_api_options extra.yaml', {
      'extra.yaml': 'enable_attention_dp: true\nmax_batch_size: 16\n',
    });
    expect(r.fields.parallelism).toMatchObject({ tp: 1, dp: 8, etp: 8 });
    // 16 sequences per attention-DP rank, 8 ranks
    expect(r.fields.workload?.concurrency).toBe(128);
    expect(r.fields.hardware?.gpus).toBe(8);
  });

  it("reads attention_dp_config's balance: the timeout it gives, else TensorRT-LLM's default 50; nothing without attention DP", () => {
    const given = fields('trtllm-serve m --tp_size 8 --extra_llm_api_options extra.yaml', {
      'extra.yaml': 'enable_attention_dp: true\nattention_dp_config:\n  enable_balance: true\n  timeout_iters: 60\n  batching_wait_iters: 0\n',
    });
    expect(given.fields.workload?.attention_dp_balance_timeout_steps).toBe(60);
    const defaulted = fields('trtllm-serve m --tp_size 8 --extra_llm_api_options extra.yaml', {
      'extra.yaml': 'enable_attention_dp: true\nattention_dp_config:\n  enable_balance: true\n',
    });
    expect(defaulted.fields.workload?.attention_dp_balance_timeout_steps).toBe(50);
    const noDp = fields('trtllm-serve m --tp_size 8 --extra_llm_api_options extra.yaml', {
      'extra.yaml': 'attention_dp_config:\n  enable_balance: true\n  timeout_iters: 60\n',
    });
    expect(noDp.fields.workload?.attention_dp_balance_timeout_steps).toBeUndefined();
    const off = fields('trtllm-serve m --tp_size 8 --extra_llm_api_options extra.yaml', {
      'extra.yaml': 'enable_attention_dp: true\nattention_dp_config:\n  enable_balance: false\n',
    });
    expect(off.fields.workload?.attention_dp_balance_timeout_steps).toBeUndefined();
  });

  it('reads batch waiting (batch_wait_timeout_iters, batch_wait_max_tokens_ratio) only when both are above 0, and says why not', () => {
    const both = fields('trtllm-serve m --tp_size 2 --extra_llm_api_options extra.yaml', {
      'extra.yaml': 'batch_wait_timeout_iters: 20\nbatch_wait_max_tokens_ratio: 0.9\n',
    });
    expect(both.fields.workload?.batch_wait_timeout_steps).toBe(20);
    expect(both.fields.workload?.batch_wait_max_tokens_ratio).toBe(0.9);
    for (const [extra, why] of [
      ['batch_wait_timeout_iters: 20\n', /needs both/],
      ['batch_wait_timeout_iters: 20\nbatch_wait_max_tokens_ratio: 1.5\n', /not a step count and a share/],
    ] as const) {
      const r = fields('trtllm-serve m --tp_size 2 --extra_llm_api_options extra.yaml', { 'extra.yaml': extra });
      expect(r.fields.workload?.batch_wait_timeout_steps).toBeUndefined();
      expect(r.warnings.join('\n')).toMatch(why);
    }
  });

  it('sets no balance for timeout_iters 0 or 1 (TensorRT-LLM schedules at once) nor for a timeout it refuses, and says why', () => {
    for (const [t, why] of [
      ['0', /timeout_iters 0 holds no prompt/],
      ['1', /timeout_iters 1 holds no prompt/],
      ['-1', /timeout_iters "-1" is not a valid step count/],
    ] as const) {
      const r = fields('trtllm-serve m --tp_size 8 --extra_llm_api_options extra.yaml', {
        'extra.yaml': `enable_attention_dp: true\nattention_dp_config:\n  enable_balance: true\n  timeout_iters: ${t}\n  batching_wait_iters: 0\n`,
      });
      expect(r.fields.workload?.attention_dp_balance_timeout_steps).toBeUndefined();
      expect(r.warnings.join('\n')).toMatch(why);
    }
  });

  it("warns that batching_wait_iters (TensorRT-LLM's default 10) is not modelled, and not when it is 0", () => {
    const balance = (extra: string) =>
      fields('trtllm-serve m --tp_size 8 --extra_llm_api_options extra.yaml', {
        'extra.yaml': `enable_attention_dp: true\nattention_dp_config:\n  enable_balance: true\n${extra}`,
      }).warnings.join('\n');
    expect(balance('')).toMatch(/batching_wait_iters 10 \(TensorRT-LLM's default\) is not modelled/);
    expect(balance('  batching_wait_iters: 30\n')).toMatch(/batching_wait_iters 30 is not modelled/);
    expect(balance('  batching_wait_iters: 0\n')).not.toMatch(/batching_wait_iters/);
  });

  it("reads Dynamo's TensorRT-LLM worker's --expert-parallel-size as EP (components/src/dynamo/trtllm/backend_args.py)", () => {
    const r = fields('python3 -m dynamo.trtllm --model-path Qwen/Qwen3-30B-A3B --tensor-parallel-size 4 --expert-parallel-size 4');
    expect(r.fields.parallelism).toMatchObject({ tp: 4, ep: 4, etp: 1 });
    expect(r.origins['parallelism.ep']).toBe('serve.sh:1');
  });

  it("reads free_gpu_memory_fraction as memory_fraction in TensorRT-LLM's meaning (of the memory left free), with engine trtllm", () => {
    const r = fields('trtllm-serve m --tp_size 2 --kv_cache_free_gpu_memory_fraction 0.9');
    expect(r.fields.workload?.memory_fraction).toBe(0.9);
    expect(r.fields.workload?.memory_reserve).toBeUndefined();
    expect(r.fields.deployment?.engine).toBe('trtllm');
  });

  it('reads the config-file spellings: kv_cache_config.free_gpu_memory_fraction and max_batch_size per attention-DP rank', () => {
    const r = fields('trtllm-serve m --tp_size 4 --extra_llm_api_options extra.yaml', {
      'extra.yaml': 'enable_attention_dp: true\nmax_batch_size: 64\nkv_cache_config:\n  free_gpu_memory_fraction: 0.85\n',
    });
    expect(r.fields.workload?.memory_fraction).toBe(0.85);
    expect(r.fields.workload?.max_running_sequences).toBe(4 * 64);
  });
});

// The KV pool the operator sets outright (review 5: every one of these was ignored without a word, and
// a 10 GiB vLLM pool read as 983,120 tokens, 6x what vLLM allocates). Sources: vLLM CacheConfig
// (kv_cache_memory_bytes "Size of KV Cache per GPU in bytes", parsed as a human-readable int;
// num_gpu_blocks_override x block_size, 16 by default); SGLang --max-total-tokens; TensorRT-LLM
// KvCacheConfig max_tokens and max_gpu_total_bytes.
describe('KV pool settings: workload.kv_cache_tokens and kv_cache_memory, each at its line', () => {
  it('vLLM --kv-cache-memory-bytes (and --kv-cache-memory, the prefix its log suggests) is the pool in bytes per GPU', () => {
    for (const flag of ['--kv-cache-memory-bytes 10737418240', '--kv-cache-memory 10737418240', '--kv-cache-memory=10G', '--kv_cache_memory_bytes 10G']) {
      const r = fields(`vllm serve meta-llama/Llama-3.1-8B-Instruct -tp 2 \\\n  ${flag}`);
      expect(r.fields.workload?.kv_cache_memory, flag).toBe(10 * 1024 ** 3);
      expect(r.origins['workload.kv_cache_memory'], flag).toBe('serve.sh:2');
      expect(r.warnings, flag).toEqual([]);
    }
  });

  it('vLLM --num-gpu-blocks-override N is N x --block-size tokens, 16 (and said so) when the block size is not given', () => {
    const given = fields('vllm serve meta-llama/Llama-3.1-8B-Instruct --block-size 32 --num-gpu-blocks-override 1000');
    expect(given.fields.workload?.kv_cache_tokens).toBe(32000);
    expect(given.warnings).toEqual([]);
    const assumed = fields('vllm serve meta-llama/Llama-3.1-8B-Instruct \\\n  --num-gpu-blocks-override 1000');
    expect(assumed.fields.workload?.kv_cache_tokens).toBe(16000);
    expect(assumed.origins['workload.kv_cache_tokens']).toBe('serve.sh:2');
    expect(assumed.warnings.join('\n')).toMatch(/serve\.sh:2: --num-gpu-blocks-override 1000 read as 1000 blocks of 16 tokens/);
  });

  it('SGLang --max-total-tokens caps the pool in tokens', () => {
    const r = fields('python3 -m sglang.launch_server --model-path meta-llama/Llama-3.1-8B-Instruct --tp 2 --max-total-tokens 100000');
    expect(r.fields.workload?.kv_cache_tokens).toBe(100000);
    expect(r.origins['workload.kv_cache_tokens']).toBe('serve.sh:1');
    expect(r.fields.deployment?.engine).toBe('sglang');
  });

  it('TensorRT-LLM kv_cache_config.max_tokens and max_gpu_total_bytes, beside free_gpu_memory_fraction, from the options file', () => {
    const r = fields('trtllm-serve meta-llama/Llama-3.1-8B-Instruct --tp_size 2 --extra_llm_api_options extra.yaml', {
      'extra.yaml': 'kv_cache_config:\n  free_gpu_memory_fraction: 0.9\n  max_tokens: 50000\n  max_gpu_total_bytes: 8589934592\n',
    });
    expect(r.fields.workload).toMatchObject({ memory_fraction: 0.9, kv_cache_tokens: 50000, kv_cache_memory: 8 * 1024 ** 3 });
    expect(r.origins['workload.kv_cache_tokens']).toBe('extra.yaml:3');
    expect(r.origins['workload.kv_cache_memory']).toBe('extra.yaml:4');
    expect(r.warnings).toEqual([]);
  });

  it("reads trtllm-bench's --kv_cache_free_gpu_mem_fraction in a trtllm-serve command, and says trtllm-serve refuses that spelling", () => {
    const r = fields('trtllm-serve meta-llama/Llama-3.1-8B-Instruct --tp_size 2 --kv_cache_free_gpu_mem_fraction 0.5');
    expect(r.fields.workload?.memory_fraction).toBe(0.5);
    expect(r.warnings.join('\n')).toMatch(/serve\.sh:1: --kv_cache_free_gpu_mem_fraction is trtllm-bench's spelling .* the command fails as written/);
    expect(fields('trtllm-serve meta-llama/Llama-3.1-8B-Instruct --kv_cache_free_gpu_memory_fraction 0.5').warnings).toEqual([]);
  });

  it('warns about a memory setting it does not read, with what it changes, and not about the ones it reads', () => {
    const text = (script: string, files: Record<string, string> = {}) => fields(script, files).warnings.join('\n');
    expect(text('vllm serve meta-llama/Llama-3.1-8B-Instruct --cpu-offload-gb 20 --swap-space 16')).toMatch(
      /serve\.sh:1: --cpu-offload-gb is a memory setting the importer does not read \(part of the weights live in host memory.*\n.*--swap-space is a memory setting/,
    );
    // a size of zero is the feature off (vLLM's defaults): nothing to leave out
    expect(text('vllm serve meta-llama/Llama-3.1-8B-Instruct --cpu-offload-gb 0 --swap-space=0.0')).not.toMatch(/memory setting/);
    expect(text('python3 -m sglang.launch_server --model-path meta-llama/Llama-3.1-8B-Instruct --hicache-ratio 2 --swa-full-tokens-ratio 0.5')).toMatch(
      /--hicache-ratio is a memory setting[\s\S]*--swa-full-tokens-ratio/,
    );
    expect(
      text('trtllm-serve meta-llama/Llama-3.1-8B-Instruct --extra_llm_api_options x.yaml', { 'x.yaml': 'kv_cache_config:\n  host_cache_size: 1000000\n' }),
    ).toMatch(/x\.yaml:2: host_cache_size is a memory setting the importer does not read/);
    // another engine's memory flag is not this engine's: SGLang refuses --gpu-memory-utilization
    expect(text('python3 -m sglang.launch_server --model-path meta-llama/Llama-3.1-8B-Instruct --gpu-memory-utilization 0.9')).toMatch(
      /--gpu-memory-utilization is a memory setting/,
    );
    expect(
      text('vllm serve meta-llama/Llama-3.1-8B-Instruct --gpu-memory-utilization 0.9 --kv-cache-memory-bytes 1G --num-gpu-blocks-override 10 --block-size 16'),
    ).toBe('');
    expect(
      text(
        'python3 -m sglang.launch_server --model-path meta-llama/Llama-3.1-8B-Instruct --mem-fraction-static 0.8 --max-total-tokens 1000 --enable-memory-saver',
      ),
    ).toBe('');
  });
});

describe('config files and command lines: the engine decides by option, not by spelling', () => {
  // trtllm-serve: llm_args | extra YAML (update_llm_args_with_extra_dict), a shallow merge: the file wins,
  // and a section it gives (kv_cache_config) replaces the command line's whole
  it("TensorRT-LLM: the options file's tensor_parallel_size and kv_cache_config win over --tp_size and --kv_cache_free_gpu_memory_fraction", () => {
    const r = fields('trtllm-serve m --tp_size 4 --kv_cache_free_gpu_memory_fraction 0.9 --extra_llm_api_options extra.yaml', {
      'extra.yaml': 'tensor_parallel_size: 2\nkv_cache_config:\n  free_gpu_memory_fraction: 0.85\n',
    });
    expect(r.fields.parallelism?.tp).toBe(2);
    expect(r.fields.hardware?.gpus).toBe(2);
    expect(r.fields.workload?.memory_fraction).toBe(0.85);
    expect(r.origins['workload.memory_fraction']).toBe('extra.yaml:3');
    expect(r.origins['parallelism.tp']).toBe('extra.yaml:1');
  });

  it("TensorRT-LLM: a kv_cache_config in the file without free_gpu_memory_fraction drops the command line's (the engine's default applies)", () => {
    const r = fields('trtllm-serve m --tp_size 2 --kv_cache_free_gpu_memory_fraction 0.5 --extra_llm_api_options extra.yaml', {
      'extra.yaml': 'kv_cache_config:\n  dtype: fp8\n',
    });
    expect(r.fields.workload?.memory_fraction).toBeUndefined();
    expect(r.fields.model?.kv_cache_dtype).toBe('fp8');
    expect(r.warnings.join('\n')).toMatch(
      /serve.sh:1: --kv_cache_free_gpu_memory_fraction is not applied: --extra_llm_api_options sets kv_cache_config as a whole/,
    );
  });

  it('vLLM: -tp on the command line wins over --config tensor-parallel-size (argparse reads the file first)', () => {
    const r = fields('vllm serve m --config c.yaml -tp 2', { 'c.yaml': 'tensor-parallel-size: 4\nmax-num-seqs: 128\n' });
    expect(r.fields.parallelism?.tp).toBe(2);
    expect(r.fields.hardware?.gpus).toBe(2);
    expect(r.origins['parallelism.tp']).toBe('serve.sh:1');
    expect(r.fields.workload?.max_running_sequences).toBe(128);
  });

  it('SGLang: --tp on the command line wins over the config file tp_size', () => {
    const r = fields('python -m sglang.launch_server --model-path m --config c.yaml --tp 8', { 'c.yaml': 'tp_size: 4\n' });
    expect(r.fields.parallelism?.tp).toBe(8);
  });

  it('within one command line the last of two spellings wins, as with argparse', () => {
    expect(fields('vllm serve m --tensor-parallel-size 4 -tp 2').fields.parallelism?.tp).toBe(2);
    expect(fields('vllm serve m -tp 2 --tensor-parallel-size 4').fields.parallelism?.tp).toBe(4);
  });
});

describe('flags the importer does not know', () => {
  it('never takes a flag as the value of the flag before it: -tp 4 after a boolean it does not know is read', () => {
    for (const flag of ['--async-scheduling', '--disable-custom-all-reduce', '--some-future-switch']) {
      const r = fields(`vllm serve Qwen/Qwen3-32B ${flag} -tp 4 --max-num-seqs 256`);
      expect(r.fields.parallelism?.tp, flag).toBe(4);
      expect(r.fields.hardware?.gpus, flag).toBe(4);
      expect(r.fields.workload?.max_running_sequences, flag).toBe(256);
    }
  });

  it("knows the engines' switches, so the model after one is still the model", () => {
    const r = fields('vllm serve --disable-custom-all-reduce Qwen/Qwen3-32B -tp 4');
    expect(r.fields.model?.preset).toBe('qwen3-32b');
    expect(r.fields.parallelism?.tp).toBe(4);
    expect(fields('vllm serve --no-enable-prefix-caching Qwen/Qwen3-32B').fields.model?.preset).toBe('qwen3-32b');
    expect(fields('vllm serve -O3 Qwen/Qwen3-32B').fields.model?.preset).toBe('qwen3-32b');
    expect(fields('python3 -m dynamo.vllm --is-prefill-worker --model Qwen/Qwen3-32B').fields.model?.preset).toBe('qwen3-32b');
  });

  it('says which word an unknown flag may have taken when no model is left, without quoting it', () => {
    const r = fields('vllm serve --some-future-switch Qwen/Qwen3-32B -tp 4');
    expect(r.fields.parallelism?.tp).toBe(4);
    const text = r.warnings.join('\n');
    expect(text).toMatch(/serve\.sh:1: no model was found: --some-future-switch is not a flag the importer knows; it took the word after it as its value/);
    expect(text).not.toContain('Qwen');
  });

  it('says nothing about value flags it knows (--port 8000) or when the model is found', () => {
    expect(fields('vllm serve Qwen/Qwen3-32B --port 8000 --some-future-option x').warnings).toEqual([]);
  });
});

describe('scripts', () => {
  it('reads a serve script with exports, quotes, continuations and comments, each figure at its line', () => {
    const script = [
      '#!/bin/sh',
      'export TP=4',
      'DP=$((TP / 2))',
      'vllm serve Qwen/Qwen3-30B-A3B \\',
      '  --tensor-parallel-size "$TP" \\',
      '  --data-parallel-size ${DP}   # two replicas',
    ].join('\n');
    const r = fields(script);
    expect(r.fields.parallelism).toMatchObject({ tp: 4, dp: 2 });
    expect(r.origins['parallelism.tp']).toBe('serve.sh:5');
    expect(r.origins['parallelism.dp']).toBe('serve.sh:6');
  });

  it('reads the options file the script writes from a here-document (the TensorRT-LLM deployment guides), each key at its line', () => {
    const script = [
      'EXTRA_LLM_API_FILE=/tmp/config.yml',
      'cat << EOF > ${EXTRA_LLM_API_FILE}',
      'enable_attention_dp: true',
      'kv_cache_config:',
      '  dtype: fp8',
      '  free_gpu_memory_fraction: 0.8',
      'EOF',
      'trtllm-serve deepseek-ai/DeepSeek-R1-0528 --max_batch_size 128 --tp_size 8 --ep_size 8 \\',
      '  --extra_llm_api_options ${EXTRA_LLM_API_FILE}',
    ].join('\n');
    const r = fields(script);
    expect(r.fields.parallelism).toMatchObject({ tp: 1, dp: 8, ep: 8 });
    expect(r.fields.workload).toMatchObject({ max_running_sequences: 8 * 128, memory_fraction: 0.8 });
    expect(r.fields.model?.kv_cache_dtype).toBe('fp8');
    expect(r.origins['workload.memory_fraction']).toBe('serve.sh:6');
    expect(r.warnings.join('\n')).not.toMatch(/not imported/);
    // a here-document of unresolved text is not read as if the variable were empty
    const unset = fields('cat > c.yml <<EOF\nmax_batch_size: $BS\nEOF\ntrtllm-serve m --config c.yml');
    expect(unset.fields.workload?.max_running_sequences).toBeUndefined();
    expect(unset.warnings.join('\n')).toMatch(/serve\.sh:4: --config c\.yml: could not resolve BS in the here-document that writes it/);
  });

  it('says what it looked for when no engine starts', () => {
    expect(failed(importText('serve.sh', 'python app.py --workers 4')).error).toMatch(/vllm serve/);
  });
});

describe('a misspelled option', () => {
  const said = (r: { warnings: string[] }) => r.warnings.join('\n');

  it('is warned about with its line and the nearest option read (vLLM argparse refuses it), not silently left at the default', () => {
    const r = fields('vllm serve meta-llama/Llama-3.1-70B-Instruct \\\n  --tensor-paralel-size 4 \\\n  --max-model-len 16384 --gpu-memory-utilisation 0.8');
    expect(said(r)).toMatch(/serve\.sh:2: --tensor-paralel-size is not a vLLM option; did you mean --tensor-parallel-size\?/);
    expect(said(r)).toMatch(/serve\.sh:3: --gpu-memory-utilisation is not a vLLM option; did you mean --gpu-memory-utilization\?/);
    // the misspelling is said once, not also as a memory setting the importer does not read
    expect(said(r)).not.toMatch(/utilisation is a memory setting/);
  });

  it('names the file and line of a TensorRT-LLM config key (LlmArgs refuses it) and a nested one', () => {
    const yaml = 'max_batch_sz: 16\nkv_cache_config:\n  free_gpu_memory_fractoin: 0.8\n';
    const r = fields('trtllm-serve meta-llama/Llama-3.1-70B-Instruct --tp_size 4 --extra_llm_api_options extra.yaml', { 'extra.yaml': yaml });
    expect(said(r)).toMatch(/extra\.yaml:1: max_batch_sz is not a TensorRT-LLM option; did you mean max_batch_size\?/);
    expect(said(r)).toMatch(/extra\.yaml:3: free_gpu_memory_fractoin is not a TensorRT-LLM option; did you mean kv_cache_config\.free_gpu_memory_fraction\?/);
    expect(said(fields('trtllm-serve m --tp_sise 4'))).toMatch(/--tp_sise is not a TensorRT-LLM option; did you mean --tp_size\?/);
  });

  it('leaves real options it does not read alone', () => {
    const r = fields(
      'vllm serve m --host 0.0.0.0 --port 8000 --trust-remote-code --max-num-seqs 8 --data-parallel-size-local 2 --max-loras 4 --served-model-name x',
    );
    expect(said(r)).not.toMatch(/did you mean/);
    expect(said(fields('python -m sglang.launch_server --model-path m --tp 2 --cp-size 2 --max-prefill-tokens 8192 --max-queued-requests 9'))).not.toMatch(
      /did you mean/,
    );
    expect(said(fields('trtllm-serve m --tp_size 2 --max_beam_width 1 --max_input_len 4096 --cluster_size 1'))).not.toMatch(/did you mean/);
  });
});

// TensorRT-LLM has three front ends, each strict about its own spellings (src/import/trtllm-spellings.ts):
// - trtllm-serve (tensorrt_llm/commands/serve.py): click options as declared, with '_': --tp_size, --pp_size,
//   --ep_size, --kv_cache_free_gpu_memory_fraction, --max_batch_size; the LLM API's names
//   (--tensor_parallel_size ...) are aliases only since TensorRT-LLM PR #9586 (December 2025);
// - Dynamo's worker `python -m dynamo.trtllm` (components/src/dynamo/trtllm/backend_args.py): argparse with '-':
//   --tensor-parallel-size, --expert-parallel-size, --free-gpu-memory-fraction; unknown arguments stop it;
// - the options YAML: LlmArgs fields (tensor_parallel_size), which refuse any other key.
describe("TensorRT-LLM: each front end's own spellings", () => {
  const said = (r: { warnings: string[] }) => r.warnings.join('\n');

  it('says trtllm-serve takes --tensor_parallel_size only since PR #9586 (--tp_size in every release), and reads it', () => {
    const r = fields('trtllm-serve meta-llama/Llama-3.1-70B-Instruct --tensor_parallel_size 4');
    expect(r.fields.parallelism?.tp).toBe(4);
    expect(said(r)).toMatch(
      /serve\.sh:1: --tensor_parallel_size is a trtllm-serve option only since TensorRT-LLM PR #9586 .* --tp_size works in every release/,
    );
    expect(said(fields('trtllm-serve meta-llama/Llama-3.1-70B-Instruct --tp_size 4 --ep_size 1 --kv_cache_free_gpu_memory_fraction 0.8'))).toBe('');
  });

  it('suggests the flag trtllm-serve declares for a near miss, not the LLM API name', () => {
    const r = said(fields('trtllm-serve meta-llama/Llama-3.1-70B-Instruct \\\n  --tensor_paralel_size 4'));
    expect(r).toMatch(/serve\.sh:2: --tensor_paralel_size is not a TensorRT-LLM option; did you mean --tp_size\?/);
    expect(r).not.toMatch(/--tensor_parallel_size/);
  });

  it("says trtllm-serve refuses a '-' spelling of its options (click matches them as declared), reading what was meant", () => {
    const r = fields('trtllm-serve meta-llama/Llama-3.1-70B-Instruct --tp-size 4 \\\n  --max-batch-size 8');
    expect(r.fields.parallelism?.tp).toBe(4);
    expect(r.fields.workload?.max_running_sequences).toBe(8);
    expect(said(r)).toMatch(/serve\.sh:1: --tp-size is not an option of trtllm-serve, which refuses it at start-up; did you mean --tp_size\?/);
    expect(said(r)).toMatch(/serve\.sh:2: --max-batch-size is not an option of trtllm-serve.*did you mean --max_batch_size\?/);
  });

  it("reads Dynamo's worker flags, --expert-parallel-size among them, and says it refuses trtllm-serve's", () => {
    const dynamo = fields(
      'python3 -m dynamo.trtllm --model-path Qwen/Qwen3-30B-A3B --tensor-parallel-size 4 --expert-parallel-size 4 --free-gpu-memory-fraction 0.8',
    );
    expect(dynamo.fields.parallelism).toMatchObject({ tp: 4, ep: 4 });
    expect(dynamo.fields.workload?.memory_fraction).toBe(0.8);
    expect(said(dynamo)).toBe('');
    const serveSpelling = fields('python3 -m dynamo.trtllm --model-path Qwen/Qwen3-30B-A3B --tp_size 4 --ep_size 4');
    expect(serveSpelling.fields.parallelism).toMatchObject({ tp: 4, ep: 4 });
    expect(said(serveSpelling)).toMatch(/serve\.sh:1: --tp_size is not an option of Dynamo's TensorRT-LLM worker .* did you mean --tensor-parallel-size\?/);
    expect(said(serveSpelling)).toMatch(/--ep_size is not an option of Dynamo's TensorRT-LLM worker .* did you mean --expert-parallel-size\?/);
  });

  it("says the options YAML takes the LLM API keys (tensor_parallel_size), not the command-line names, at the key's line", () => {
    const yaml = 'max_batch_size: 16\ntp_size: 2\nkv_cache_free_gpu_memory_fraction: 0.7\nSome-Unread-Key: 1\n';
    const r = fields('trtllm-serve meta-llama/Llama-3.1-70B-Instruct --extra_llm_api_options extra.yaml', { 'extra.yaml': yaml });
    expect(r.fields.parallelism?.tp).toBe(2);
    expect(said(r)).toMatch(/extra\.yaml:2: tp_size is not an LLM API option.*did you mean tensor_parallel_size\?/);
    expect(said(r)).toMatch(
      /extra\.yaml:3: kv_cache_free_gpu_memory_fraction is not an LLM API option.*did you mean kv_cache_config\.free_gpu_memory_fraction\?/,
    );
    expect(said(r)).not.toMatch(/max_batch_size/);
    // a key the importer does not read is the file's text: not judged, never shown
    expect(said(r)).not.toMatch(/Some-Unread-Key/);
    const good = 'tensor_parallel_size: 2\nmoe_expert_parallel_size: 2\nkv_cache_config:\n  free_gpu_memory_fraction: 0.7\n';
    expect(said(fields('trtllm-serve meta-llama/Llama-3.1-70B-Instruct --extra_llm_api_options extra.yaml', { 'extra.yaml': good }))).toBe('');
  });
});

// TensorRT-LLM's options YAML is validated by LlmArgs (tensorrt_llm/llmapi/llm_args.py): BaseLlmArgs and
// each section model (KvCacheConfig, CudaGraphConfig, AttentionDpConfig: StrictBaseModel) forbid unknown
// keys, and a section's field is read only under its section (KvCacheConfig.free_gpu_memory_fraction).
describe('TensorRT-LLM: keys in the wrong place of the options YAML', () => {
  const said = (r: { warnings: string[] }) => r.warnings.join('\n');
  const trt = (yaml: string, flags = '') =>
    fields(`trtllm-serve meta-llama/Llama-3.1-70B-Instruct --tp_size 4 ${flags}--extra_llm_api_options extra.yaml`, { 'extra.yaml': yaml });

  it('does not apply a top-level free_gpu_memory_fraction (read only under kv_cache_config), and says so at its line (before: read silently)', () => {
    const alone = trt('max_batch_size: 16\nfree_gpu_memory_fraction: 0.5\n');
    expect(alone.fields.workload?.memory_fraction).toBeUndefined();
    expect(said(alone)).toMatch(
      /extra\.yaml:2: 'free_gpu_memory_fraction' belongs under kv_cache_config: \(kv_cache_config\.free_gpu_memory_fraction\); TensorRT-LLM reads it nowhere else and refuses it at the top level at start-up.*Not imported/,
    );
    expect(said(alone)).not.toMatch(/0\.5/);
    // the command line's fraction stands: the misplaced key is no kv_cache_config section that replaces it
    const beside = trt('free_gpu_memory_fraction: 0.5\n', '--kv_cache_free_gpu_memory_fraction 0.8 ');
    expect(beside.fields.workload?.memory_fraction).toBe(0.8);
    expect(beside.origins['workload.memory_fraction']).toBe('serve.sh:1');
    expect(said(beside)).not.toMatch(/is not applied/);
    // the same for the KV pool caps, which only KvCacheConfig reads
    const cap = trt('max_tokens: 100000\n');
    expect(cap.fields.workload?.kv_cache_tokens).toBeUndefined();
    expect(said(cap)).toMatch(/extra\.yaml:1: 'max_tokens' belongs under kv_cache_config:/);
    // where it belongs, it is read without a word
    const right = trt('kv_cache_config:\n  free_gpu_memory_fraction: 0.5\n');
    expect(right.fields.workload?.memory_fraction).toBe(0.5);
    expect(said(right)).toBe('');
    // on Dynamo's command line --free-gpu-memory-fraction is the fraction
    expect(fields('python3 -m dynamo.trtllm --model-path m --free-gpu-memory-fraction 0.7').fields.workload?.memory_fraction).toBe(0.7);
  });

  it("points a near miss under kv_cache_config at the section's own field (before: no did-you-mean), never showing a name it would not", () => {
    const flag = trt('kv_cache_config:\n  kv_cache_free_gpu_memory_fraction: 0.5\n');
    expect(flag.fields.workload?.memory_fraction).toBeUndefined();
    expect(said(flag)).toMatch(
      /extra\.yaml:2: 'kv_cache_free_gpu_memory_fraction' under kv_cache_config is not a field of TensorRT-LLM's KvCacheConfig, which refuses an unknown key at start-up; did you mean kv_cache_config\.free_gpu_memory_fraction\?/,
    );
    expect(said(flag)).not.toMatch(/memory setting the importer does not read/);
    // a field the importer does not read is a field all the same
    expect(said(trt('kv_cache_config:\n  enable_block_reus: true\n'))).toMatch(
      /extra\.yaml:2: 'enable_block_reus' under kv_cache_config .* did you mean kv_cache_config\.enable_block_reuse\?/,
    );
    expect(said(trt('attention_dp_config:\n  timeout_iter: 5\n', '--enable_attention_dp '))).toMatch(/did you mean attention_dp_config\.timeout_iters\?/);
    // a long key is described, not shown (as a plan's unknown keys are)
    const long = said(trt('kv_cache_config:\n  attention_dp_events_gather_period_mz: 5\n'));
    expect(long).toMatch(
      /extra\.yaml:2: \(a key of 36 characters, not shown\) under kv_cache_config .* did you mean kv_cache_config\.attention_dp_events_gather_period_ms\?/,
    );
    // real fields and keys near none are left alone
    expect(said(trt('kv_cache_config:\n  enable_block_reuse: false\n  tokens_per_block: 64\n  something_else_entirely: 1\n'))).toBe('');
  });
});

// vllm/engine/arg_utils.py (get_kwargs): --max-model-len is parsed by human_readable_int_or_auto, where
// "auto" and -1 ask vLLM to fit the longest context its KV pool holds (vllm/utils/argparse_utils.py).
describe('vLLM --max-model-len auto', () => {
  it('imports no context and no refusal at the model length (before: "not a valid context length", and the model length imposed)', () => {
    for (const value of ['auto', 'AUTO', '-1']) {
      const r = fields(`vllm serve meta-llama/Llama-3.1-8B-Instruct \\\n  --max-model-len ${value}`);
      expect(r.context, value).toBeUndefined();
      expect(r.modelContext, value).toBeUndefined();
      const said = r.warnings.join('\n');
      expect(said, value).toMatch(/serve\.sh:2: --max-model-len "(auto|-1)" lets vLLM fit the longest context its KV pool holds at start-up/);
      expect(said, value).not.toMatch(/not a valid context length/);
    }
    // without the flag, the model's longest sequence is still vLLM's context
    expect(fields('vllm serve meta-llama/Llama-3.1-8B-Instruct').modelContext).toBeDefined();
  });
});

// tensorrt_llm/llmapi/llm_args.py before 1.0 (TorchLlmArgs, 0.20-0.21): use_cuda_graph (default False),
// cuda_graph_batch_sizes, cuda_graph_max_batch_size, cuda_graph_padding_enabled; 1.0 replaced them with
// cuda_graph_config (captured by default) and its LlmArgs forbids unknown keys.
describe("TensorRT-LLM's CUDA-graph options before 1.0", () => {
  const trt = (yaml: string) => fields('trtllm-serve meta-llama/Llama-3.1-8B-Instruct --extra_llm_api_options extra.yaml', { 'extra.yaml': yaml });
  it('are read as 0.x reads them, at their line (before: ignored, graphs taken as on with the profile cap)', () => {
    const on = trt('max_batch_size: 64\nuse_cuda_graph: true\ncuda_graph_batch_sizes: [1, 2, 4, 8, 32]\ncuda_graph_padding_enabled: true\n');
    expect(on.fields.workload?.cuda_graph_max_batch).toBe(32);
    expect(on.origins['workload.cuda_graph_max_batch']).toBe('extra.yaml:3');
    expect(on.warnings.join('\n')).toMatch(
      /extra\.yaml:2: use_cuda_graph is a TensorRT-LLM option before 1\.0 .* refuses it at start-up\): read as 0\.x reads it, CUDA graphs on up to batch 32$/m,
    );
    const off = trt('cuda_graph_max_batch_size: 32\n');
    expect(off.fields.workload?.cuda_graphs).toBe(false);
    expect(off.warnings.join('\n')).toMatch(/extra\.yaml:1: cuda_graph_max_batch_size is a TensorRT-LLM option before 1\.0 .* CUDA graphs off/);
    expect(trt('pytorch_backend_config:\n  use_cuda_graph: true\n  cuda_graph_max_batch_size: 16\n').fields.workload?.cuda_graph_max_batch).toBe(16);
    // 1.0's section is read as before
    expect(trt('cuda_graph_config:\n  batch_sizes: [1, 8]\n  enable_padding: true\n').fields.workload?.cuda_graph_max_batch).toBe(8);
  });
});

// vllm/config/model.py: ModelConfig applies --hf-overrides to the checkpoint's config before the context
// (max_position_embeddings, when no --max-model-len) or anything else is derived from it.
describe("vLLM --hf-overrides, the checkpoint's config rewritten", () => {
  it('takes its max_position_embeddings as the model window, JSON or dotted (before: the checkpoint window imposed)', () => {
    const json = fields(`vllm serve meta-llama/Llama-3.1-8B-Instruct --hf-overrides '{"max_position_embeddings": 8192}'`);
    expect(json.fields.model?.max_context).toBe(8192);
    expect(json.warnings.join('\n')).not.toMatch(/hf-overrides/);
    expect(fields('vllm serve meta-llama/Llama-3.1-8B-Instruct --hf-overrides.max_position_embeddings 16k').fields.model?.max_context).toBe(16000);
  });

  it('warns about any other key, naming it as a plan key is named and never its value (before: silent)', () => {
    const r = fields(
      `vllm serve meta-llama/Llama-3.1-8B-Instruct \\\n  --hf-overrides '{"num_hidden_layers": 16, "sk-proj-AbCdEf0123456789XyZ": "secret-value"}'`,
    );
    const said = r.warnings.join('\n');
    expect(said).toMatch(/serve\.sh:2: --hf-overrides changes the model's config \('num_hidden_layers', \(a key of \d+ characters, not shown\)\)/);
    expect(said).not.toMatch(/secret-value|sk-proj/);
    expect(fields('vllm serve m --hf-overrides.num_key_value_heads 4').warnings.join('\n')).toMatch(
      /--hf-overrides changes the model's config \('num_key_value_heads'\)/,
    );
  });

  it('warns when the JSON is not read, never showing it (before: the overrides were dropped silently)', () => {
    for (const bad of [`'{"max_position_embeddings": 0x10}'`, `'{"max_position_embeddings": 1_000}'`, `'{"rope_theta": NaN}'`, `'[1, 2]'`]) {
      const r = fields(`vllm serve meta-llama/Llama-3.1-8B-Instruct --hf-overrides ${bad}`);
      expect(r.fields.model?.max_context).toBeUndefined();
      const said = r.warnings.join('\n');
      expect(said).toMatch(
        /serve\.sh:1: --hf-overrides is not a JSON object the importer reads: what it overrides \(the context, RoPE, the model's shape\) is not imported; check it/,
      );
      expect(said).not.toMatch(/0x10|1_000|NaN|\[1, 2\]/);
    }
    // a value the script leaves to the environment is not judged
    expect(fields('vllm serve m --hf-overrides "$OVERRIDES"').warnings.join('\n')).not.toMatch(/is not a JSON object/);
  });
});

// SGLang's server_args.py (add_cli_args, deprecated registrations): --cuda-graph-max-bs and --cuda-graph-bs
// are deprecated aliases of --cuda-graph-max-bs-decode and --cuda-graph-bs-decode (one dest each), and
// --disable-cuda-graph of --cuda-graph-backend-{decode,prefill}=disabled.
describe("SGLang's CUDA-graph options under their current names", () => {
  const sgl = (flags: string) => fields(`python -m sglang.launch_server --model-path meta-llama/Llama-3.1-8B-Instruct ${flags}`);
  it('reads --cuda-graph-max-bs-decode, --cuda-graph-bs-decode and --cuda-graph-backend-decode disabled (before: not read)', () => {
    const max = sgl('--cuda-graph-max-bs-decode 64');
    expect(max.fields.workload?.cuda_graph_max_batch).toBe(64);
    expect(max.warnings).toEqual([]);
    expect(sgl('--cuda-graph-bs-decode 8 16 32 --max-running-requests 32').fields.workload?.cuda_graph_max_batch).toBe(32);
    expect(sgl('--cuda-graph-backend-decode disabled').fields.workload?.cuda_graphs).toBe(false);
    expect(sgl('--cuda-graph-backend-decode=DISABLED').fields.workload?.cuda_graphs).toBe(false);
    // prefill's graphs are not decode's
    expect(sgl('--cuda-graph-backend-prefill disabled').fields.workload?.cuda_graphs).toBeUndefined();
    // one option under two names: the last written wins, as with argparse
    expect(sgl('--cuda-graph-max-bs 16 --cuda-graph-max-bs-decode 48').fields.workload?.cuda_graph_max_batch).toBe(48);
  });
});

// Layouts the plan's parallelism does not carry: vLLM --decode-context-parallel-size (-dcp, KV split over
// TP ranks), SGLang --attn-cp-size / --moe-dp-size (server_args.py parallel fields, with their long aliases),
// TensorRT-LLM context_parallel_size (--cp_size; Mapping's world is tp x pp x cp).
describe('parallel layouts the importer does not read', () => {
  const said = (r: { warnings: string[] }) => r.warnings.join('\n');
  it('are warned about at their line when above 1 (before: silent)', () => {
    expect(said(fields('vllm serve m -tp 8 \\\n  -dcp 8'))).toMatch(
      /serve\.sh:2: -dcp "8" is a parallel layout the importer does not read \(vLLM splits each sequence's KV cache/,
    );
    expect(said(fields('python -m sglang.launch_server --model-path m --tp 8 --attention-context-parallel-size 2 --moe-dp-size 2'))).toMatch(
      /--attention-context-parallel-size "2" is a parallel layout .*\n.*--moe-dp-size "2" is a parallel layout/,
    );
    expect(said(fields('trtllm-serve m --tp_size 4 --cp_size 2'))).toMatch(/--cp_size "2" is a parallel layout .* the device count reads too small/);
    expect(said(fields('trtllm-serve m --extra_llm_api_options o.yaml', { 'o.yaml': 'context_parallel_size: 2\n' }))).toMatch(
      /o\.yaml:1: context_parallel_size "2" is a parallel layout/,
    );
    // 1 is no layout
    expect(said(fields('vllm serve m -tp 2 --decode-context-parallel-size 1'))).not.toMatch(/parallel layout/);
  });
});
