// How InferenceX launched each engine for the runs in ../shared/data/silicon-calibration.csv, so
// that a converted row declares what its run had (validation/README.md, "Measured serving runs").
// Read from the benchmark scripts of github.com/SemiAnalysisAI/InferenceX (path @ commit in each
// rule). The client is the same for every single-node run (benchmarks/benchmark_lib.sh @ 8eec0d4):
// utils/bench_serving/benchmark_serving.py --dataset-name random --random-range-ratio 0.8
// (.github/workflows/benchmark-tmpl.yml) --num-prompts CONC*10 --max-concurrency CONC
// --request-rate inf --ignore-eos: a closed loop of CONC clients over 10 x CONC requests, lengths
// uniform in [0.8 L, L]. Prefix caching is off in every script. Only flags that change the
// figures are kept: the KV-cache dtype, the token budget of a pass, the engine's cap on running
// requests, SGLang's --scheduler-recv-interval (new requests are read every N scheduler steps) and
// TensorRT-LLM's attention-DP balance (a decoding rank holds new prompts up to timeout_iters steps).

const ceil64 = (n) => Math.ceil(n / 64) * 64;

/** Short model family of a CSV model_path (DeepSeek-V3 rows are the same DeepSeek-R1 recipes). */
function family(modelPath) {
  if (/DeepSeek-(R1|V3)/i.test(modelPath)) return 'dsr1';
  if (/gpt-oss-120b/i.test(modelPath)) return 'gptoss';
  if (/Kimi-K2\.5/i.test(modelPath)) return 'kimik2.5';
  if (/MiniMax-M2\.5/i.test(modelPath)) return 'minimaxm2.5';
  if (/Qwen3\.5-397B/i.test(modelPath)) return 'qwen3.5';
  if (/GLM-5/i.test(modelPath)) return 'glm5';
  if (/Llama-3\.1-70B/i.test(modelPath)) return '70b';
  return null;
}

const SYSTEMS = { h100_sxm: 'h100', h200_sxm: 'h200', b200_sxm: 'b200', b300_sxm: 'b300', gb200: 'gb200', gb300: 'gb300' };
const S = 'benchmarks/single_node/fixed_seq_len/';

/**
 * Rules by engine, model family, precision and system. Each returns the declared settings for one
 * run ({conc, tp, dp, isl, osl}); a missing field means the engine's default.
 */
const RULES = {
  sglang: {
    'dsr1 fp4 b200|b300': (r) =>
      r.dp > 1
        ? { source: `${S}dsr1_fp4_b200_mtp.sh @ 25cbe71 (DP attention branch)`, kv: 'fp8', maxBatched: 32768, maxRunning: 256, recvInterval: 1 }
        : { source: `${S}dsr1_fp4_b200.sh @ 8eec0d4`, kv: 'fp8', maxBatched: 16384, maxRunning: 256, recvInterval: r.conc >= 16 ? 30 : 10 },
    'dsr1 fp8 b200|b300': (r) =>
      r.tp >= 8
        ? { source: `${S}dsr1_fp8_b200.sh @ 8eec0d4 (TP8)`, kv: 'fp8', maxBatched: 32768, maxRunning: 128, recvInterval: r.conc >= 16 ? 30 : 10 }
        : { source: `${S}dsr1_fp8_b200.sh @ 8eec0d4 (TP4)`, kv: 'fp8', maxBatched: 8192, maxRunning: 32, recvInterval: 10 },
    'dsr1 fp8 h200': (r) => ({ source: `${S}dsr1_fp8_h200.sh @ 8eec0d4`, maxBatched: 32768, maxRunning: r.isl === 1024 && r.osl === 1024 ? 512 : 256 }),
    'qwen3.5 bf16 b200|b300': (r) => ({
      source: `${S}qwen3.5_bf16_b200.sh @ 8eec0d4`,
      maxBatched: 32768,
      maxRunning: 128,
      recvInterval: r.conc >= 16 ? 30 : 10,
    }),
    'qwen3.5 fp8 b200': (r) => ({ source: `${S}qwen3.5_fp8_b200.sh @ 8eec0d4`, kv: 'fp8', maxBatched: 16384, recvInterval: r.conc > 4 ? 30 : 10 }),
    'qwen3.5 fp8 b300': (r) => ({ source: `${S}qwen3.5_fp8_b300.sh @ f89cdfe`, kv: 'fp8', maxBatched: 16384, maxRunning: r.conc, recvInterval: 10 }),
    'qwen3.5 fp8 h200': () => ({ source: `${S}qwen3.5_fp8_h200.sh @ 8eec0d4`, kv: 'fp8', maxBatched: 16384, maxRunning: 128 }),
    'qwen3.5 fp8 h100': (r) => ({
      source: `${S}qwen3.5_fp8_h100.sh @ 5ce3409`,
      kv: 'fp8',
      maxBatched: 16384,
      maxRunning: 256,
      recvInterval: { 1: 2, 2: 2, 4: 2, 8: 60, 16: 30, 32: 1200, 64: 600, 128: 1920, 256: 1920 }[r.conc] ?? 1,
    }),
    'qwen3.5 fp4 b200': (r) => ({ source: `${S}qwen3.5_fp4_b200.sh @ 8eec0d4`, kv: 'fp8', maxBatched: 16384, recvInterval: r.conc > 4 ? 30 : 10 }),
    'qwen3.5 fp4 b300': (r) => ({
      source: `${S}qwen3.5_fp4_b300.sh @ 8eec0d4`,
      kv: 'fp8',
      maxBatched: 32768,
      maxRunning: 128,
      recvInterval: r.conc >= 16 ? 30 : 10,
    }),
    'glm5 fp8 b200|b300': (r) => ({ source: `${S}glm5_fp8_b200.sh @ 8eec0d4`, kv: 'fp8', maxBatched: 32768, maxRunning: r.conc }),
    'glm5 fp8 h200': () => ({ source: `${S}glm5_fp8_h200.sh @ 8eec0d4` }),
    'glm5 fp4 b200|b300': () => ({ source: `${S}glm5_fp4_b200.sh @ 8eec0d4`, kv: 'fp8', maxBatched: 32768, recvInterval: 10 }),
  },
  vllm: {
    'gptoss fp4 b200': () => ({ source: `${S}gptoss_fp4_b200.sh @ 8eec0d4`, kv: 'fp8', maxBatched: 8192, maxRunning: 512 }),
    'gptoss fp4 h100|h200': (r) => ({ source: `${S}gptoss_fp4_h200.sh @ 8eec0d4`, maxBatched: 8192, maxRunning: r.conc }),
    'kimik2.5 fp4 b200': (r) => ({ source: `${S}kimik2.5_fp4_b200.sh @ 8eec0d4`, kv: 'fp8', maxBatched: 2 * r.isl, maxRunning: r.conc }),
    'kimik2.5 fp4 b300': (r) => ({ source: `${S}kimik2.5_fp4_b300.sh @ 8eec0d4`, maxRunning: r.conc }),
    'kimik2.5 int4 b200|b300|h200': (r) => ({ source: `${S}kimik2.5_int4_b200.sh @ 8eec0d4`, maxRunning: r.conc }),
    'minimaxm2.5 fp8 b200|b300': (r) => ({ source: `${S}minimaxm2.5_fp8_b200.sh @ 8eec0d4`, kv: 'fp8', maxBatched: 2 * r.isl }),
    'minimaxm2.5 fp4 b200|b300': (r) => ({ source: `${S}minimaxm2.5_fp4_b200.sh @ 45c4f91`, kv: 'fp8', maxBatched: 2 * r.isl }),
    'minimaxm2.5 fp8 h200': () => ({ source: `${S}minimaxm2.5_fp8_h200.sh @ 8eec0d4` }),
    'minimaxm2.5 fp8 h100': () => ({ source: `${S}minimaxm2.5_fp8_h100.sh @ 8eec0d4`, maxRunning: 256 }),
    '70b fp8 h100|h200': (r) => ({ source: 'benchmarks/70b_fp8_h200_slurm.sh @ 409e9a4', kv: 'fp8', maxBatched: 8192, maxRunning: r.conc }),
    '70b fp8 b200': () => ({ source: 'benchmarks/70b_fp8_b200_docker.sh @ bb4c7f9', kv: 'fp8', maxBatched: 8192, maxRunning: 512 }),
    '70b fp4 b200': () => ({ source: 'benchmarks/70b_fp4_b200_docker.sh @ bb4c7f9', kv: 'fp8', maxBatched: 8192, maxRunning: 512 }),
  },
  trtllm: {
    'dsr1 fp4 b200|b300': (r) => dsr1Trt(`${S}dsr1_fp4_b200_trt.sh @ 8eec0d4`, r),
    // 1k/1k at concurrency >= 64 adds batch waiting (batch_wait_timeout_iters 40, batch_wait_max_tokens_ratio 0.8).
    'dsr1 fp8 b200|b300': (r) =>
      dsr1Trt(`${S}dsr1_fp8_b200_trt.sh @ 8eec0d4`, r, r.isl === 1024 && r.osl === 1024 && r.conc >= 64 ? { batchWait: { steps: 40, ratio: 0.8 } } : {}),
    'dsr1 fp8 h200': (r) => dsr1Trt(`${S}dsr1_fp8_h200_trt.sh @ 8eec0d4`, r),
    'gptoss fp4 h200': (r) => ({ source: `${S}gptoss_fp4_h200_trt.sh @ 8eec0d4`, maxBatched: 20000, maxRunning: r.conc }),
    // With DP attention: attention_dp_config.enable_balance true, TensorRT-LLM's default timeout_iters 50.
    'gptoss fp4 b200': (r) => ({
      source: 'benchmarks/single_node/gptoss_fp4_b200_trt.sh @ 34bc7c4',
      kv: 'fp8',
      maxBatched: 20000,
      maxRunning: 512,
      ...(r.dp > 1 ? { balanceTimeout: 50 } : {}),
    }),
    // 1k/1k below TP8 these scripts add batch waiting (batch_wait_timeout_iters 20, batch_wait_max_tokens_ratio 0.9).
    '70b fp8 h200': (r) => ({ source: 'benchmarks/70b_fp8_h200_trt_slurm.sh @ 73ef922', kv: 'fp8', maxBatched: r.isl + r.osl + 200, ...llamaTrtWait(r) }),
    '70b fp4 b200': (r) => ({ source: 'benchmarks/70b_fp4_b200_trt_slurm.sh @ 73ef922', kv: 'fp8', maxBatched: r.isl + r.osl + 200, ...llamaTrtWait(r) }),
    '70b fp8 b200': (r) => ({ source: 'benchmarks/70b_fp8_b200_trt_slurm.sh @ a267b4b', kv: 'fp8', maxBatched: 16384, ...llamaTrtWait(r) }),
  },
};

/**
 * InferenceX's DeepSeek-R1 TensorRT-LLM scripts: an fp8 KV cache, max_num_tokens
 * max(8192, CONC + ISL + 64 rounded up to 64), and with DP attention attention_dp_config
 * {enable_balance: true, timeout_iters: 60}; `extra` is what one script adds.
 */
function dsr1Trt(source, r, extra = {}) {
  return { source, kv: 'fp8', maxBatched: Math.max(8192, ceil64(r.conc + r.isl + 64)), ...(r.dp > 1 ? { balanceTimeout: 60 } : {}), ...extra };
}

/** Llama-3.1-70B TensorRT-LLM scripts: batch waiting for 1k/1k below TP8. */
function llamaTrtWait(r) {
  return r.isl === 1024 && r.osl === 1024 && r.tp < 8 ? { batchWait: { steps: 20, ratio: 0.9 } } : {};
}

/** The settings InferenceX's script gave one run, or null when no script covers it (engine defaults). */
export function inferencexSettings(row, run) {
  const rules = RULES[row.backend];
  const fam = family(row.model_path);
  const system = SYSTEMS[row.system];
  if (!rules || !fam || !system) return null;
  for (const [key, rule] of Object.entries(rules)) {
    const [f, precision, systems] = key.split(' ');
    if (f === fam && precision === row.precision && systems.split('|').includes(system)) return rule(run);
  }
  return null;
}
