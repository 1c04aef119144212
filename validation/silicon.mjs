// Converts the rows of ../shared/data/silicon-calibration.csv (measured serving runs, see that
// folder's README) into plans the core verifies, one plan per consistent row. Rows that do not
// state a complete layout are skipped and counted by reason, never guessed.
//
// What a row says and how it becomes a plan (validation/README.md, "Measured serving runs"):
// - model_path -> model.preset (a Hugging Face id the presets resolve, or a mapped preset id);
//   gemm_quant_mode -> attention and dense-MLP dtype, moe_quant_mode -> expert dtype
//   (fp8, fp8_block -> fp8; nvfp4 -> fp4; int4_wo -> int4; empty -> the checkpoint's own);
// - tp_size, pp_size, attention_dp_size -> tp, pp, dp; moe_ep_size -> ep, moe_tp_size -> etp
//   (the CSV's moe_tp x moe_ep = tp x attention_dp is our ep x etp = tp x dp);
// - system -> hardware.preset, gpus = tp x pp x dp (per worker: one worker per row);
// - silicon_concurrency (client concurrency of the whole worker) -> workload.concurrency, else
//   batch_size x attention_dp;
// - isl/osl -> input_tokens/output_tokens; backend -> deployment.engine;
// - InferenceX rows (source db-dump/...) are finite runs of 10 x concurrency prompts with lengths
//   uniform in [0.8 x ISL, ISL] (their harness: --num-prompts CONC*10 --random-range-ratio 0.8),
//   so their mean lengths are 0.9 x ISL/OSL and the run is declared as workload.benchmark.
import { readFileSync } from 'node:fs';
import { inferencexSettings } from './inferencex-harness.mjs';

/** Model ids of the CSV -> preset ids (until Hugging Face ids resolve through the presets themselves). */
const MODEL_PRESETS = {
  'deepseek-ai/DeepSeek-R1': 'deepseek-r1',
  'deepseek-ai/DeepSeek-V3': 'deepseek-v3',
  'nvidia/DeepSeek-R1-NVFP4': 'deepseek-r1',
  'meta-llama/Llama-3.1-70B': 'llama-3.1-70b',
  'meta-llama/Llama-3.1-8B-Instruct': 'llama-3.1-8b',
  'nvidia/Llama-3.1-8B-Instruct-FP8': 'llama-3.1-8b',
  'Qwen/Qwen3-32B': 'qwen3-32b',
  'nvidia/Qwen3-32B-NVFP4': 'qwen3-32b',
  'Qwen/Qwen3-235B-A22B-FP8': 'qwen3-235b-a22b',
  'openai/gpt-oss-120b': 'gpt-oss-120b',
  'MiniMaxAI/MiniMax-M2.5': 'minimax-m2.5',
  'moonshotai/Kimi-K2.5': 'kimi-k2.5',
  'zhipuai/GLM-5': 'glm-5',
  'Qwen/Qwen3.5-397B-A17B': 'qwen3.5-397b-a17b',
};

const SYSTEM_PRESETS = {
  h100_sxm: 'h100-sxm',
  h200_sxm: 'h200',
  b200_sxm: 'b200',
  b300_sxm: 'b300',
  gb200: 'gb200',
  gb300: 'gb300',
};

const QUANT_DTYPES = { fp8: 'fp8', fp8_block: 'fp8', nvfp4: 'fp4', int4_wo: 'int4' };

/** Checkpoints whose released weights are already quantized: the row's quant label does not change them. */
const NATIVE_QUANT = new Set(['openai/gpt-oss-120b', 'moonshotai/Kimi-K2.5']);

/** Minimal RFC 4180 CSV reader: quoted fields, doubled quotes, CRLF. The file is trusted project data. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

export function readSiliconCsv(path) {
  return parseCsv(readFileSync(path, 'utf8'));
}

/**
 * key=value pairs of the silicon_data_source column. InferenceX runs are the database dumps
 * (db-dump/...) and the dashboard exports (source_file=2026-MM-DD.csv: the same runs, with
 * InferenceX's image and workflow fields; their figures equal the dumps' where both hold a run), and
 * the gap analyses (source_file=<model>-gap-analysis.csv): all 30 of their rows in this half carry the
 * figures of an InferenceX run of the same layout, lengths and concurrency, to the digits the analysis
 * kept. The rest are NVIDIA's own sweeps (source_file=data/<system>/<backend>/...), whose harness the
 * file does not state: they are taken as steady closed loops.
 */
export function sourceFields(source) {
  const inferencex = /^db-dump\/|^source_file=(20\d\d-\d\d-\d\d|[\w.-]+-gap-analysis)\.csv/.test(source);
  const out = { kind: inferencex ? 'inferencex' : 'sweep' };
  for (const part of source.split(';')) {
    const m = /^\s*([\w.-]+)=(.*)$/.exec(part);
    if (m) out[m[1]] = m[2].trim();
  }
  return out;
}

const int = (v) => (v === '' || v === undefined ? null : Number.parseInt(v, 10));

/** The row's stated lengths and measured times, or why it has none. */
function measuredOf(row) {
  const isl = int(row.isl);
  const osl = int(row.osl);
  const ttft = Number(row.silicon_ttft_ms);
  const tpot = Number(row.silicon_tpot_ms);
  if (!isl || !osl || !(ttft > 0) || !(tpot > 0)) return { skip: 'no lengths or no measurement' };
  return { isl, osl, ttft, tpot };
}

/**
 * MoE regrouping into `parallelism` (the CSV's moe_tp x moe_ep = tp x attention_dp is our ep x etp =
 * tp x dp); returns why the sizes cannot be read, or null. A dense model's rows carry 1/1 or nothing.
 */
function regroupExperts(parallelism, moeTp, moeEp, regroup, where) {
  const { tp, dp } = parallelism;
  if (regroup && moeEp && moeTp && moeEp * moeTp === tp * dp) {
    parallelism.ep = moeEp;
    parallelism.etp = moeTp;
  } else if ((moeEp ?? 0) > 1 || (moeTp ?? 0) > 1) {
    if ((moeEp ?? 1) * (moeTp ?? 1) !== tp * dp) return `partial layout (${where}moe_tp x moe_ep != tp x attention_dp)`;
  }
  return null;
}

/** Systems sold as 8-GPU servers: a row's single worker there spans at most one server. */
const EIGHT_GPU_SERVERS = new Set(['h100_sxm', 'h200_sxm', 'b200_sxm', 'b300_sxm']);

/**
 * Rows whose tp_size (or attention_dp_size) is the square of moe_tp_size = moe_ep_size on an 8-GPU
 * server: "TP 64, moe_tp 8 x moe_ep 8" on one H200 node. The launch scripts of these sweeps pass
 * `--tp 8 --ep 8` on 8 GPUs (InferenceX's single-node scripts, inferencex-harness.mjs); the dump
 * multiplied the two to keep its moe_tp x moe_ep = tp x attention_dp invariant. Read as what ran:
 * k GPUs, attention TP k (or DP k), experts EP k. Null when the row is not of that shape.
 */
export const SQUARED_NOTE =
  'tp_size (or attention_dp_size) = moe_tp_size x moe_ep_size with moe_tp_size = moe_ep_size = k on an 8-GPU server: read as k GPUs, attention TP (or DP) k, experts EP k';

function squaredLayout(row, tp, pp, dp) {
  const moeTp = int(row.moe_tp_size);
  const moeEp = int(row.moe_ep_size);
  if (!EIGHT_GPU_SERVERS.has(row.system) || pp !== 1 || !moeTp || moeTp < 2 || moeTp !== moeEp) return null;
  const k = moeTp;
  if (tp * dp !== k * k || tp * dp <= 8 || k > 8) return null;
  if (dp === 1) return { tp: k, pp: 1, dp: 1, ep: k, etp: 1 };
  if (tp === 1) return { tp: 1, pp: 1, dp: k, ep: k, etp: 1 };
  return null;
}

/** The row's quantization labels as the model's weight dtypes (16-bit embeddings), unless `keepCheckpoint`. */
function modelSpecOf(row, preset, keepCheckpoint) {
  const modelSpec = { preset };
  if (keepCheckpoint) return modelSpec;
  const gemm = QUANT_DTYPES[row.gemm_quant_mode];
  const moe = QUANT_DTYPES[row.moe_quant_mode];
  if (gemm || moe) {
    modelSpec.weight_dtypes = { embeddings: 'bf16' };
    if (gemm) Object.assign(modelSpec.weight_dtypes, { attention: gemm, mlp: gemm });
    if (moe) modelSpec.weight_dtypes.experts = moe;
  }
  return modelSpec;
}

/**
 * The client's load: InferenceX runs (and NVIDIA's sweeps with SWEEP_FINITE=1) are finite runs of
 * 10 x concurrency prompts with lengths uniform in [0.8 L, L], mean 0.9 L; the other sweeps steady loops.
 */
function workloadOf(src, concurrency, isl, osl) {
  const finite = src.kind === 'inferencex' || process.env.SWEEP_FINITE === '1';
  const mean = (n) => (finite ? Math.round(0.9 * n) : n);
  const workload = { concurrency, input_tokens: mean(isl), output_tokens: mean(osl), max_input_tokens: isl, max_output_tokens: osl };
  if (finite) workload.benchmark = { requests: 10 * concurrency, input_range_ratio: 0.8, output_range_ratio: 0.8 };
  return { workload, finite };
}

/** What the accuracy tables group a row by. */
function metaOf(row, src, concurrency, harness) {
  return {
    harness,
    engine: row.backend,
    system: row.system,
    family: gpuFamily(row.system),
    concurrency,
    band: concurrencyBand(concurrency),
    source: src.kind,
    model: row.model_path,
  };
}

/** Concurrency band for the accuracy tables. */
export function concurrencyBand(c) {
  if (c <= 4) return '1-4';
  if (c <= 32) return '5-32';
  if (c <= 128) return '33-128';
  return '>128';
}

/** Which GPU family a system belongs to (efficiencies are fitted per family). */
export function gpuFamily(system) {
  if (/^h1|^h2/.test(system)) return 'hopper';
  if (/b300/.test(system)) return 'blackwell-ultra';
  return 'blackwell';
}

/**
 * One aggregated row -> { plan } or { skip: reason }. `presetExists(id)` tells whether a preset id
 * resolves (rows of models without a preset are skipped as such).
 */
export function aggregatedRowToPlan(row, { modelPresetExists, hardwarePresetExists }) {
  const src = sourceFields(row.silicon_data_source);
  const tp = int(row.tp_size);
  const pp = int(row.pp_size);
  const dpRaw = int(row.attention_dp_size);
  const dp = dpRaw === null ? 1 : dpRaw;
  if (!tp || !pp || tp < 1 || pp < 1 || dp < 1) return { skip: 'partial layout (zero or missing tp/pp/attention_dp)' };
  const model = MODEL_PRESETS[row.model_path];
  if (!model || !modelPresetExists(model)) return { skip: `no model preset for ${row.model_path}` };
  const hardware = SYSTEM_PRESETS[row.system];
  if (!hardware || !hardwarePresetExists(hardware)) return { skip: `no hardware preset for ${row.system}` };
  const measured = measuredOf(row);
  if (measured.skip) return measured;
  const { isl, osl, ttft, tpot } = measured;
  const concurrency = int(src.silicon_concurrency) ?? (int(row.batch_size) ?? 0) * dp;
  if (!concurrency || concurrency < 1) return { skip: 'no concurrency' };

  const parallelism = squaredLayout(row, tp, pp, dp) ?? { tp, pp, dp };
  const squared = parallelism.tp !== tp || parallelism.dp !== dp;
  const unreadable = squared ? null : regroupExperts(parallelism, int(row.moe_tp_size), int(row.moe_ep_size), true, '');
  if (unreadable) return { skip: unreadable };

  const modelSpec = modelSpecOf(row, model, NATIVE_QUANT.has(row.model_path));
  const { workload, finite } = workloadOf(src, concurrency, isl, osl);
  let harness = null;
  if (finite) {
    // What the run's launch script set (validation/inferencex-harness.mjs), declared as the plan would.
    harness = inferencexSettings(row, { conc: concurrency, tp: parallelism.tp, dp: parallelism.dp, isl, osl });
    if (harness) {
      if (harness.kv) modelSpec.kv_cache_dtype = harness.kv;
      // SGLang with DP attention splits its --chunked-prefill-size over the DP ranks (server_args:
      // chunked_prefill_size //= dp_size); the plan's budget is one rank's pass.
      if (harness.maxBatched)
        workload.max_batched_tokens = row.backend === 'sglang' && parallelism.dp > 1 ? Math.floor(harness.maxBatched / parallelism.dp) : harness.maxBatched;
      // The plan's cap is the whole deployment's: SGLang's max_running_requests is global, vLLM's
      // max_num_seqs and TensorRT-LLM's max_batch_size are per data-parallel engine.
      if (harness.maxRunning) workload.max_running_sequences = Math.max(1, row.backend === 'sglang' ? harness.maxRunning : harness.maxRunning * parallelism.dp);
      if (harness.recvInterval && harness.recvInterval > 1) workload.scheduler_recv_interval = harness.recvInterval;
      if (harness.balanceTimeout) workload.attention_dp_balance_timeout_steps = harness.balanceTimeout;
      if (harness.batchWait) {
        workload.batch_wait_timeout_steps = harness.batchWait.steps;
        workload.batch_wait_max_tokens_ratio = harness.batchWait.ratio;
      }
    }
  }
  const plan = {
    version: 1,
    name: row.id,
    model: modelSpec,
    hardware: { preset: hardware, gpus: parallelism.tp * pp * parallelism.dp },
    parallelism,
    workload,
    deployment: { engine: row.backend },
  };
  const reread = squared ? SQUARED_NOTE : undefined;
  return { plan, measured: { ttft_ms: ttft, tpot_ms: tpot }, meta: metaOf(row, src, concurrency, harness?.source ?? null), reread };
}

/** One pool of a disaggregated row: its layout and worker count, or the reason it cannot be read. */
function poolOf(row, prefix, isMoe) {
  const workers = int(row[`${prefix}_num_workers`]);
  if (!workers || workers < 1) return { skip: 'no worker counts (prefill_num_workers / decode_num_workers)' };
  const tp = int(row[`${prefix}_tp_size`]);
  const pp = int(row[`${prefix}_pp_size`]);
  const dp = int(row[`${prefix}_attention_dp_size`]) ?? 1;
  if (!tp || !pp || tp < 1 || pp < 1 || dp < 1) return { skip: `partial layout (zero or missing ${prefix} tp/pp/attention_dp)` };
  const parallelism = { tp, pp, dp };
  const unreadable = regroupExperts(parallelism, int(row[`${prefix}_moe_tp_size`]), int(row[`${prefix}_moe_ep_size`]), isMoe, `${prefix} `);
  if (unreadable) return { skip: unreadable };
  return { pool: { workers, gpus: tp * pp * dp, parallelism } };
}

/**
 * The KV-cache dtype of a disaggregated run. InferenceX's multi-node recipes (srt-slurm) are not in
 * the file; their TensorRT-LLM workers and their FP4 SGLang workers keep an fp8 cache, as the
 * single-node scripts of the same models do (inferencex-harness.mjs); FP8 SGLang workers keep
 * SGLang's default (the checkpoint's 16-bit cache).
 */
function disaggKvDtype(row) {
  if (!/DeepSeek|Kimi|GLM/i.test(row.model_path)) return null;
  if (row.backend === 'trtllm') return 'fp8';
  if (row.backend === 'sglang' && row.precision === 'fp4') return 'fp8';
  return null;
}

/**
 * Prompt tokens one attention rank of a prefill worker takes per pass. The rows say
 * prefill_batch_size = 1 throughout; the recipes InferenceX ran (srt-slurm, ctx/prefill servers) let
 * a pass hold several prompts: TensorRT-LLM context servers max_num_tokens 10,240 (8 prompts) at
 * 1k/1k and 16,896 (2 prompts) at 8k/1k, SGLang prefill servers max-prefill-tokens 8,192 to 32,768.
 * InferenceX rows take RECIPE_PREFILL_TOKENS (chosen on the fitting part among 8k, 16k, 32k and the
 * engine default), at least the row's batch of the longest prompt; the other sweeps keep the row's batch.
 */
export const RECIPE_PREFILL_TOKENS = 16384;
export function prefillPassTokens(row, src, isl) {
  const rowBatch = Math.max(1, int(row.prefill_batch_size) ?? 1) * isl;
  return src.kind === 'inferencex' ? Math.max(rowBatch, RECIPE_PREFILL_TOKENS) : rowBatch;
}

/**
 * One disaggregated row -> { plan } or { skip: reason }: each pool's layout and worker count from its
 * prefill_* / decode_* columns, the client's concurrency for the whole deployment. InferenceX's
 * multi-node runs (srt-slurm's sa-bench, and the single-node harness alike) send 10 x concurrency
 * prompts with lengths uniform in [0.8 x ISL, ISL]: declared as workload.benchmark, as for the
 * aggregated rows. A prefill pass holds prefill_batch_size prompts of the longest length per attention
 * rank (every complete row says 1).
 */
export function disaggregatedRowToPlan(row, { modelPresetExists, hardwarePresetExists }) {
  const src = sourceFields(row.silicon_data_source);
  const model = MODEL_PRESETS[row.model_path];
  if (!model || !modelPresetExists(model)) return { skip: `no model preset for ${row.model_path}` };
  const hardware = SYSTEM_PRESETS[row.system];
  if (!hardware || !hardwarePresetExists(hardware)) return { skip: `no hardware preset for ${row.system}` };
  const isMoe = !/Qwen3-32B|Llama/i.test(row.model_path);
  const prefill = poolOf(row, 'prefill', isMoe);
  if (prefill.skip) return { skip: prefill.skip };
  const decode = poolOf(row, 'decode', isMoe);
  if (decode.skip) return { skip: decode.skip };
  const measured = measuredOf(row);
  if (measured.skip) return measured;
  const { isl, osl, ttft, tpot } = measured;
  const decodeDp = decode.pool.parallelism.dp;
  const concurrency = int(src.silicon_concurrency) ?? (int(row.decode_batch_size) ?? 0) * decodeDp * decode.pool.workers;
  if (!concurrency || concurrency < 1) return { skip: 'no concurrency' };

  // TensorRT-LLM serves NVIDIA's NVFP4 checkpoints (its Kimi-K2.5 runs are labelled nvfp4), not the
  // released INT4 one: the row's label stands there.
  const modelSpec = modelSpecOf(row, model, NATIVE_QUANT.has(row.model_path) && row.backend !== 'trtllm');
  const kv = disaggKvDtype(row);
  if (kv) modelSpec.kv_cache_dtype = kv;
  const { workload } = workloadOf(src, concurrency, isl, osl);
  prefill.pool.max_batched_tokens = prefillPassTokens(row, src, isl);
  const total = prefill.pool.workers * prefill.pool.gpus + decode.pool.workers * decode.pool.gpus;
  const plan = {
    version: 1,
    name: row.id,
    model: modelSpec,
    hardware: { preset: hardware, gpus: total },
    disaggregation: { prefill: prefill.pool, decode: decode.pool },
    workload,
    deployment: { engine: row.backend },
  };
  return {
    plan,
    measured: { ttft_ms: ttft, tpot_ms: tpot },
    meta: { ...metaOf(row, src, concurrency, null), mix: `${prefill.pool.workers}P${decode.pool.workers}D` },
  };
}
