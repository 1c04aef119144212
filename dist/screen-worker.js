import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: ./src/core/work-budget.ts
// A budget for the work one plan may cost. Every parser and importer is linear in its input and
// every input has a size limit, but a plan may import 16 files and name a config.json, and a bug
// or a case nobody thought of must not stall a required check: the loops that grow with the input
// charge their work here, and past the budget the plan stops with a "too complex" error while the
// other plans are still verified.
//
// Work is counted in units (about one character parsed or one value built), so the same plan
// stops at the same place on every machine. A deadline in wall-clock time is a second guard, for
// the alternatives search (a courtesy with a total time budget, where stopping early is fine).
/** Units one plan may spend: about 16 files of 1 MiB read twice over (a valid plan needs a few thousand). */
const PLAN_WORK_BUDGET = 40_000_000;
class WorkBudgetExceeded extends Error {
    budget;
    reason;
    constructor(budget, reason) {
        super(reason === 'units' ? `more than ${budget.units} units of work` : 'out of time');
        this.budget = budget;
        this.reason = reason;
        this.name = 'WorkBudgetExceeded';
    }
}
let current;
/** Deadlines are read every this many charges, not on every one (Date.now() costs more than a unit of work). */
const CLOCK_EVERY = 1024;
let untilClock = CLOCK_EVERY;
/**
 * Charges `units` of work to the running budgets (innermost first); throws WorkBudgetExceeded, for
 * the budget that ran out, when one does. Outside any budget it costs nothing.
 */
function chargeWork(units) {
    if (current === undefined)
        return;
    for (let b = current; b !== undefined; b = b.outer) {
        b.left -= units;
        if (b.left < 0)
            throw new WorkBudgetExceeded(b, 'units');
    }
    if (--untilClock > 0)
        return;
    untilClock = CLOCK_EVERY;
    const now = Date.now();
    for (let b = current; b !== undefined; b = b.outer) {
        if (b.deadline !== undefined && now > b.deadline)
            throw new WorkBudgetExceeded(b, 'deadline');
    }
}
/** Units the innermost running budget has left (Infinity outside any): what a piece of work cost, by difference. */
function workLeft() {
    return current?.left ?? Infinity;
}
/**
 * The limits the running budgets set, all nested ones together: the earliest deadline, and whether
 * any counts units (work handed to another thread can carry a deadline along, not a unit count).
 */
function work_budget_runningLimits() {
    let deadline;
    let countsUnits = false;
    for (let b = current; b !== undefined; b = b.outer) {
        if (b.deadline !== undefined)
            deadline = deadline === undefined ? b.deadline : Math.min(deadline, b.deadline);
        if (b.units !== Infinity)
            countsUnits = true;
    }
    return { deadline, countsUnits };
}
/** Checks the running budgets' deadlines now: for loops whose every step is costly (a layout verified). */
function work_budget_checkDeadline() {
    untilClock = 1;
    chargeWork(0);
}
/**
 * Runs `work` under a budget. `onExceeded` turns this budget's exhaustion into a result; an outer
 * budget's exhaustion passes through to whoever set that one.
 */
function withWorkBudget(limits, work, onExceeded) {
    const budget = { units: limits.units ?? Infinity, left: limits.units ?? Infinity, deadline: limits.deadline, outer: current };
    current = budget;
    untilClock = 1; // a nested deadline is checked at the first charge
    try {
        return work();
    }
    catch (error) {
        if (error instanceof WorkBudgetExceeded && error.budget === budget)
            return onExceeded(error);
        throw error;
    }
    finally {
        current = budget.outer;
    }
}

;// CONCATENATED MODULE: ./src/core/defaults.ts
const GIB = 1024 ** 3;
/**
 * Achievable fractions of each peak, used for estimates (bounds use 1).
 * Kernel ceilings measured on this project's machines (shared/engineering-notes.md): a large bf16
 * GEMM reaches ~0.81 of the H100's dense peak, a device copy ~0.9 of its HBM bandwidth. Whole-model
 * serving lands lower (attention, small decode GEMMs, MoE routing, scheduling). The defaults are
 * fitted on the calibration half of validation/ (npm run validate -- --calibrate): compute 0.5 and
 * memory 0.7 fit best; the network fit (0.1) stands in for costs the model lacks and breaks
 * multi-node expert parallelism, so 0.5 is kept (validation/README.md, "Calibration").
 */
const DEFAULT_EFFICIENCY = { compute: 0.5, memory: 0.7, network: 0.5 };
/** Per-collective start-up latency (NCCL-class small-message all-reduce: a few µs on NVLink, ~20 µs over IB). */
const DEFAULT_INTRA_NODE_LATENCY_S = 8e-6;
const DEFAULT_INTER_NODE_LATENCY_S = 20e-6;
/**
 * Fixed cost of one MoE dispatch or combine beyond its link's latency (estimates only): the kernel
 * that buckets tokens by destination rank, signals every peer and waits for their counts before any
 * expert runs. DeepEP's low-latency kernels (deepseek-ai/DeepEP README) publish 77 µs (dispatch) and
 * 114 µs (combine) at EP8 on H800 with 128 tokens per rank over RDMA, mostly transfer; their fixed part
 * is not published apart. 25 µs
 * each was fitted on the fitting part of the calibration half's disaggregated runs (decode pools
 * with attention DP: dispatch and combine in all 58 MoE layers of DeepSeek-R1, whose TPOT was
 * estimated at a median 0.77-0.86 of the measured without it) and checked on the part held out from fitting
 * (validation/README.md, "Calibration"). A floor has no all-to-all at all (performance.ts).
 */
const EXPERT_EXCHANGE_LATENCY_S = 25e-6;
/**
 * Fixed time of one GPU kernel that moves little data (launch gap under CUDA graphs, ramp-up,
 * tail): a few microseconds on current GPUs. Decode at small batch runs dozens of such kernels
 * per layer, so this term, not bandwidth, sets its floor in practice. Estimates only; bounds omit it.
 */
const DEFAULT_KERNEL_LATENCY_S = 4e-6;
/**
 * Host time per modelled kernel of a pass launched without CUDA graphs (PyTorch eager: Python,
 * dispatcher, driver). An eager pass is host-bound when its kernels are small: it takes
 * max(GPU time, kernels x this). Engines launch prefill passes eagerly (SGLang's extend,
 * TensorRT-LLM's context phase); decode replays CUDA graphs unless they are turned off.
 * Anchors: the device check measured 17-24 µs per *launched* kernel for PyTorch eager on an H200
 * (validation/device/README.md), and engines launch several kernels per modelled one plus Python
 * per layer; 70 µs is the value the calibration split of validation/ fits (validation/README.md).
 */
const DEFAULT_LAUNCH_LATENCY_S = 70e-6;
/**
 * Kernels per layer: attention block (norm, qkv, rope + cache write, attention, output projection,
 * residual add). The counts of the three blocks are fitted, globally (every engine and GPU), on the
 * fitting part of the measured runs (validation/README.md, "Kernel counts"): 6 / 6 / 12 against
 * 5 / 4 / 16 before, held-out TPOT error 19% -> 16%.
 */
const KERNELS_ATTENTION = 6;
/** MLA adds the low-rank down/up projections and their norms. */
const KERNELS_MLA_EXTRA = 4;
/** Dense MLP block: norm, gate-up, activation, down, residual add, and the TP all-reduce's own kernel. */
const KERNELS_DENSE_MLP = 6;
/**
 * MoE block: norm, router GEMM, top-k/softmax, block alignment, permute, activation quantisation,
 * grouped GEMM (gate-up), activation, quantisation, grouped GEMM (down), un-permute, weighted sum:
 * about 12 launches, fewer than the 16 of unfused paths since current fused-MoE kernels (FlashInfer's
 * TensorRT-LLM MoE, CUTLASS fused MoE) merge routing, quantisation and the un-permute.
 */
const KERNELS_MOE = 12;
/** A shared expert runs as a small dense MLP beside the routed ones. */
const KERNELS_SHARED_EXPERT = 3;
/**
 * Chunked-prefill budget when the plan names no engine: tokens in one forward pass (vLLM's API-server
 * max_num_batched_tokens on a >= 70 GiB GPU). With deployment.engine, that engine's default for the
 * device applies (engine-memory.ts).
 */
const DEFAULT_MAX_BATCHED_TOKENS = 8192;
const defaults_DEFAULT_WEIGHT_DTYPE = 'bf16';
/** Activations and collective messages travel in 16-bit. */
const ACTIVATION_BYTES = 2;
/**
 * Bytes per vocabulary entry of one sampled sequence: the LM head's 16-bit logits, the sampler's fp32
 * copy and its fp32 probabilities (vLLM v1 Sampler: logits.to(torch.float32), then softmax). 1,024
 * sequences of gpt-oss's 201,088-word vocabulary in fp32 are the 786 MiB vLLM's sampler warm-up asks
 * for on an H100 (vLLM issue 27508).
 */
const LOGIT_BYTES = 2 + 4 + 4;
/**
 * Bytes per stored parameter, scale factors included:
 * fp4 as MXFP4 (an 8-bit scale per 32 values, OCP MX spec v1.0) -> 4.25 bits;
 * int4 as GPTQ/AWQ groups of 128 with a 16-bit scale -> 4.125 bits;
 * fp8 block scales (DeepSeek-V3: one fp32 per 128x128 block) are negligible.
 */
const DTYPE_BYTES = {
    fp32: 4,
    bf16: 2,
    fp16: 2,
    fp8: 1,
    int8: 1,
    int4: 0.5 + 2 / 128,
    fp4: 0.5 + 1 / 32,
};
/**
 * Serving overhead of one request before its first token: HTTP, tokenisation, scheduling, the
 * first streamed chunk. Part of a measured TTFT, not of a prefill; estimates only.
 */
const DEFAULT_REQUEST_OVERHEAD_S = 0.02;
/**
 * KV cache: the contract's default, weight_dtype if 16-bit, else bf16 (fp32 and quantized weights
 * alike get a bf16 cache). An imported engine command at --dtype float32 with an automatic KV dtype
 * states kv_cache_dtype: fp32 itself (src/import/engines.ts), as the engine caches at the model dtype.
 */
function defaultKvDtype(weight) {
    return weight === 'bf16' || weight === 'fp16' ? weight : 'bf16';
}

;// CONCATENATED MODULE: ./src/core/figures.ts
// Rounding and wording of figures in checks and metrics (SI units in, report units out).

/** Rounds to `digits` decimals; bounds round outward ('down' for floors, 'up' for ceilings) so a shown bound is never tighter than the true one. */
const round = (v, digits = 3, direction = 'nearest') => {
    if (v === null || !Number.isFinite(v))
        return null;
    const f = 10 ** digits;
    const op = direction === 'down' ? Math.floor : direction === 'up' ? Math.ceil : Math.round;
    // + 0 turns -0 (a hair below zero rounded) into 0: JSON has no -0, and the report must round-trip
    return op(v * f) / f + 0;
};
/**
 * Rounds to `digits` decimals, or to more where those would leave fewer than `significant` figures: a
 * light load's rates (0.04 tokens/s, 7e-6 tokens per joule) must not read 0, which means "not computed".
 */
const roundFine = (v, digits, significant, direction = 'nearest') => {
    if (v === null || !Number.isFinite(v))
        return null;
    const magnitude = v === 0 ? 0 : Math.floor(Math.log10(Math.abs(v)));
    const decimals = Math.max(digits, significant - 1 - magnitude);
    // 10^decimals overflows past about 300 (a figure of 5e-324): the figure to `significant` digits
    if (decimals > 290)
        return Number(v.toPrecision(significant));
    return round(v, decimals, direction);
};
const gib = (bytes, direction = 'nearest') => bytes === null ? null : round(bytes / GIB, 3, direction);
const fmtGiB = (bytes) => {
    const g = bytes / GIB;
    // too small for two decimals (a claimed 1e-300 GB): 3 significant digits, never "0.00 GiB"
    return `${g !== 0 && Math.abs(g) < 0.005 ? g.toPrecision(3) : g.toFixed(2)} GiB`;
};
/** A whole count of tokens with its digits grouped ("3,934,423"), as the figures beside it read. */
const tokenCount = (n) => Math.round(n).toLocaleString('en-US');
/**
 * A count with its noun, singular for one ("1 sequence", "8 sequences"): every message that counts
 * devices, sequences or steps in words goes through it, so none reads "1 sequences".
 */
const figures_countOf = (n, singular, plural = `${singular}s`) => `${n} ${n === 1 ? singular : plural}`;
/**
 * What windowed layers keep of a sequence: "18 sliding-window layers keep the last 128 tokens of a
 * sequence", "12 chunked-attention layers keep at most 8192 tokens of a sequence" (the chunk it is in).
 */
function windowedLayersWords(layers, window, kind, padding = 0) {
    const kept = kind === 'chunked'
        ? `${figures_countOf(layers, 'chunked-attention layer')} ${layers === 1 ? 'keeps' : 'keep'} at most ${window} tokens of a sequence`
        : `${figures_countOf(layers, 'sliding-window layer')} ${layers === 1 ? 'keeps' : 'keep'} the last ${window} tokens of a sequence`;
    // vLLM's hybrid groups pad the last group of a kind with empty layers, which its count includes
    return padding > 0 ? `${kept}; ${figures_countOf(padding, 'padding layer')} of vLLM's KV groups counted too` : kept;
}

;// CONCATENATED MODULE: ./src/suggest/rules.ts

/** Context parallelism pays for itself only on long sequences; below this it is not searched unless asked. */
const CP_MIN_CONTEXT = 32_768;
const isMla = (model) => model.attention === 'mla' || model.mla !== undefined;
/** Whether cp > 1 may be searched at all for this plan. */
function cpAllowed(options) {
    return options.allowCp || (options.maxContext !== undefined && options.maxContext >= CP_MIN_CONTEXT);
}
/** Tensor-parallel sizes the attention can be split into (heads, KV heads, node size). */
function tpViolation(model, tp, options) {
    if (tp > 1 && model.heads !== undefined) {
        if (tp > model.heads)
            return `tp=${tp} exceeds the ${model.heads} attention heads`;
        if (model.heads % tp !== 0)
            return `${model.heads} attention heads do not divide by tp=${tp}`;
    }
    const kv = isMla(model) ? undefined : model.kv_heads;
    if (kv !== undefined && kv % tp !== 0 && tp % kv !== 0)
        return `${kv} KV heads neither divide by nor divide tp=${tp}`;
    // vLLM shards the MLP's intermediate dimension over tp and refuses a width that does not divide
    if (model.ffn_hidden_size !== undefined && model.ffn_hidden_size % tp !== 0)
        return `the MLP width ${model.ffn_hidden_size} does not divide by tp=${tp}`;
    if (!options.allowCrossNodeTp && tp > options.gpusPerNode)
        return `tp=${tp} spans nodes of ${figures_countOf(options.gpusPerNode, 'device')}`;
    return null;
}
/** Pipeline sizes: every stage needs a layer; an unknown layer count allows no split. */
function ppViolation(model, pp) {
    if (pp === 1)
        return null;
    if (model.layers === undefined)
        return `pp=${pp} with an unknown number of layers`;
    if (pp > model.layers)
        return `pp=${pp} exceeds the ${model.layers} layers`;
    return null;
}
/** Experts the ep ranks share: routed experts plus redundant replicas. */
function expertSlots(model) {
    const experts = model.moe?.experts;
    return experts === undefined ? undefined : experts + (model.moe?.redundant_experts ?? 0);
}
/**
 * Expert layouts engines run. Dense models: ep = 1 (no etp). MoE models, with B = tp*dp*cp the
 * ranks of one pipeline stage:
 *  - ep = 1: experts sharded like the dense layers (etp = tp, vLLM without expert parallelism)
 *    or over every rank of the stage (etp = B);
 *  - ep > 1: ep divides experts (+ redundant) and ep*etp = B: the experts span every rank of the
 *    stage (vLLM's EP = TP x DP, SGLang's ep x moe-tp = tp, TensorRT-LLM's moe_ep x moe_tp).
 * The contract also allows ep*etp to be a proper divisor of B (expert data parallelism, a
 * training layout): serving engines do not launch it, so it is not searched.
 */
function expertViolation(model, layout) {
    const { tp, dp, cp, ep, etp } = layout;
    if (!model.moe) {
        if (ep !== 1)
            return `ep=${ep} on a dense model`;
        if (etp !== undefined && etp !== tp)
            return `etp=${etp} on a dense model`;
        return null;
    }
    const block = tp * dp * cp;
    const e = etp ?? (ep === 1 ? tp : 1);
    const width = model.moe.expert_ffn_hidden_size;
    if (width !== undefined && width % e !== 0)
        return `the expert width ${width} does not divide by etp=${e}`;
    if (ep === 1)
        return e === tp || e === block ? null : `ep=1 with etp=${e}: experts go with tp (${tp}) or every rank of the stage (${block})`;
    const slots = expertSlots(model);
    if (slots === undefined)
        return `ep=${ep} with an unknown number of experts`;
    if (slots % ep !== 0)
        return `${slots} experts do not divide by ep=${ep}`;
    if (ep * e !== block)
        return `ep*etp = ${ep * e} must equal tp*dp*cp = ${block}`;
    return null;
}
/** The first engine rule a layout breaks on `gpus` devices, or null when an engine can run it. */
function layoutViolation(model, layout, gpus, options) {
    const { tp, pp, dp, cp } = layout;
    for (const [name, v] of Object.entries(layout)) {
        if (v !== undefined && (!Number.isInteger(v) || v < 1))
            return `${name}=${v} is not a positive whole number`;
    }
    if (tp * pp * dp * cp !== gpus)
        return `tp*pp*dp*cp = ${tp * pp * dp * cp} is not ${gpus}`;
    if (cp > 1 && !cpAllowed(options))
        return `cp=${cp} for contexts under ${CP_MIN_CONTEXT} tokens`;
    return tpViolation(model, tp, options) ?? ppViolation(model, pp) ?? expertViolation(model, layout);
}

;// CONCATENATED MODULE: ./src/suggest/enumerate.ts

function divisors(n) {
    const small = [];
    const large = [];
    for (let d = 1; d * d <= n; d++) {
        if (n % d === 0) {
            small.push(d);
            if (d * d !== n)
                large.push(n / d);
        }
    }
    return [...small, ...large.reverse()];
}
/** Expert layouts for one (tp, dp, cp): see expertViolation in rules.ts for the rules. */
function expertChoices(model, tp, block) {
    if (!model.moe)
        return [{ ep: 1 }];
    const width = model.moe.expert_ffn_hidden_size;
    const splits = (etp) => width === undefined || width % etp === 0;
    const out = [];
    if (splits(tp))
        out.push({ ep: 1, etp: tp });
    if (block !== tp && splits(block))
        out.push({ ep: 1, etp: block });
    const slots = expertSlots(model);
    if (slots === undefined)
        return out;
    for (const ep of divisors(block)) {
        if (ep > 1 && slots % ep === 0 && splits(block / ep))
            out.push({ ep, etp: block / ep });
    }
    return out;
}
/** All layouts of `gpus` devices that pass the engine rules (same set as filtering every tuple with layoutViolation). */
function enumerate_enumerateLayouts(model, gpus, options) {
    const out = [];
    const withCp = cpAllowed(options);
    for (const tp of divisors(gpus)) {
        if (tpViolation(model, tp, options) !== null)
            continue;
        for (const pp of divisors(gpus / tp)) {
            if (ppViolation(model, pp) !== null)
                continue;
            const rest = gpus / tp / pp;
            for (const cp of withCp ? divisors(rest) : [1]) {
                const dp = rest / cp;
                for (const expert of expertChoices(model, tp, tp * dp * cp))
                    out.push({ tp, pp, dp, cp, ...expert });
            }
        }
    }
    return out;
}
/**
 * Device counts to search up to `max`: every count that fits in one node, then whole nodes only
 * (a deployment that leaves part of a node idle pays for it anyway), unless `anyCount`.
 */
function gpuCounts(from, max, nodeSize, anyCount) {
    const out = [];
    for (let n = Math.max(1, from); n <= max; n++) {
        if (anyCount || n <= nodeSize || n % nodeSize === 0)
            out.push(n);
        else
            n = Math.ceil(n / nodeSize) * nodeSize - 1; // jump to the next whole node
    }
    return out;
}

;// CONCATENATED MODULE: ./src/core/engines.ts
/**
 * vLLM V1: chunked prefill always on; the scheduler first gives each running sequence its decode
 * token, then fills max_num_batched_tokens with prompt chunks (mixed batches); its budget and
 * max_num_seqs defaults by device are in engine-memory.ts. CUDA graphs cover passes up to
 * max_cudagraph_capture_size tokens: 512 here, min(max_num_seqs x (1 + k) x 2, 512, budget) per plan
 * (resolve.ts, vllmCudaGraphCaptureSize), a decode step of b sequences being b x (1 + k) tokens.
 */
const VLLM = {
    id: 'vllm',
    policy: 'mixed',
    defaultMaxRunning: 1024,
    decodeGraphMaxBatch: 512,
    prefillGraphMaxTokens: 512,
    reservesWholeSequence: false,
    requestOverhead: 0.02,
    stepOverhead: 0,
    launchLatency: 70e-6,
    mlaEagerExtraKernels: 0,
    outputLagSteps: 0,
    sparsePrefillHeadPad: {},
    densePlacement: 'replicated',
};
/**
 * SGLang's DeepSeek Sparse Attention prompt path (layers/attention/nsa_backend.py): while every
 * sequence of a pass is at most index_topk long it runs dense MHA (set_nsa_prefill_impl,
 * MHA_ONE_SHOT); beyond, the absorbed sparse MLA kernel (flash_mla_sparse_fwd), which needs the
 * query heads of a rank padded to a multiple of 64 on Hopper (128 on Blackwell): GLM-5's 64 heads
 * at TP8 run as 64 per rank, 8x the work. GLM-5 on H200 measured 8k prompts 2.4x slower than
 * estimated at every concurrency and 1k prompts on the estimate (validation/README.md). The
 * Blackwell padding is left out: at the attention share calibrated there, 128 padded heads would
 * make the B200 and B300 8k rows 2.1x and 3.8x too slow, so that kernel runs far above it.
 */
const SGLANG_SPARSE_PREFILL_HEAD_PAD_HOPPER = 64;
/**
 * SGLang: prefill first (a waiting prompt's extend pass runs before the next decode step; mixed
 * chunks are off by default); chunked_prefill_size by device memory is in engine-memory.ts. Decode replays CUDA graphs
 * up to 512 sequences here; SGLang's own default cuda_graph_max_bs is 256 at tp < 4 on 60-160 GB devices
 * (512 at tp >= 4 or from 160 GB; engine-memory.ts sglangDefaults), not applied: an eager decode step
 * priced at the calibrated launch latency reads Llama 3.1 8B on an H200 at 352 clients 64 ms against
 * 39 ms measured (27 ms as graphs). Prefill runs eagerly. The overlap
 * ("zero-overhead") scheduler, on by default, returns a step's tokens while the next step runs.
 * max_running_requests follows the KV pool (no fixed default below it).
 */
const SGLANG = {
    id: 'sglang',
    policy: 'prefill-first',
    defaultMaxRunning: 4096,
    decodeGraphMaxBatch: 512,
    prefillGraphMaxTokens: 0,
    reservesWholeSequence: false,
    requestOverhead: 0.02,
    stepOverhead: 0,
    launchLatency: 70e-6,
    mlaEagerExtraKernels: 0,
    outputLagSteps: 1,
    sparsePrefillHeadPad: { hopper: SGLANG_SPARSE_PREFILL_HEAD_PAD_HOPPER },
    densePlacement: 'sglang',
};
/**
 * TensorRT-LLM's PyTorch MLA prompt path (MLA.forward_context_default) expands the latent cache to
 * full K and V with kv_b_proj, copies k_nope and the rotary k_pe into K, may concatenate q, k and v,
 * then runs a separate MHA kernel; with DeepSeek's fp8 block-scaled projections and its gate, an
 * eager prompt pass launches several dozen more host ops per MLA layer than the fused attention
 * block counted. Chosen on the fitting part (validation/README.md, "TensorRT-LLM's MLA prompt
 * path"): 0 / 20 / 40 / 60 / 80 extra launches, objective 0.1916 / 0.1889 / 0.1880 / 0.1891 / 0.1904;
 * SGLang's and vLLM's MLA paths gain nothing from it.
 */
const TRTLLM_MLA_EAGER_EXTRA_KERNELS = 40;
/**
 * TensorRT-LLM (PyTorch backend, trtllm-serve): in-flight batching puts context and generation
 * requests in the same iteration within max_num_tokens (8192) and max_batch_size (2048)
 * (tensorrt_llm/llmapi/llm_args.py defaults); CUDA graphs for generation-only iterations; the
 * default capacity scheduler (GUARANTEED_NO_EVICT) admits a request only when its whole
 * input + output fits in the KV cache. The overlap scheduler (on by default) returns a step's tokens
 * one iteration later.
 */
const TRTLLM = {
    id: 'trtllm',
    policy: 'mixed',
    defaultMaxRunning: 2048,
    decodeGraphMaxBatch: Infinity,
    prefillGraphMaxTokens: 0,
    reservesWholeSequence: true,
    requestOverhead: 0.02,
    stepOverhead: 0,
    launchLatency: 70e-6,
    mlaEagerExtraKernels: TRTLLM_MLA_EAGER_EXTRA_KERNELS,
    outputLagSteps: 1,
    sparsePrefillHeadPad: {},
    densePlacement: 'replicated',
};
const PROFILES = { vllm: VLLM, sglang: SGLANG, trtllm: TRTLLM };
function engineProfile(id) {
    return PROFILES[id ?? 'vllm'];
}
/** The family of a hardware preset id or device name; 'other' when neither says. */
function hardwareFamily(preset, name) {
    const id = `${preset ?? ''} ${name ?? ''}`.toLowerCase();
    if (/b300|gb300|blackwell ultra/.test(id))
        return 'blackwell-ultra';
    if (/b200|gb200|blackwell/.test(id))
        return 'blackwell';
    if (/h100|h200|h800|h20\b|h20-|hopper/.test(id))
        return 'hopper';
    if (/a100|a800|ampere/.test(id))
        return 'ampere';
    return 'other';
}
const CALIBRATION = {
    vllm: {
        blackwell: { compute: 0.35, memory: 0.7, launchLatency: 50e-6, requestOverhead: 0.035, attentionEfficiency: 0.357, expertEfficiency: 0.429 },
        'blackwell-ultra': { compute: 0.25, memory: 0.85, launchLatency: 50e-6, requestOverhead: 0.01, attentionEfficiency: 0.5 },
        hopper: { compute: 0.6, memory: 0.7, launchLatency: 50e-6, requestOverhead: 0.005, attentionEfficiency: 0.3, expertEfficiency: 0.2 },
    },
    sglang: {
        blackwell: { compute: 0.25, memory: 0.65, launchLatency: 100e-6, requestOverhead: 0.05, attentionEfficiency: 0.7, expertEfficiency: 0.45 },
        'blackwell-ultra': { compute: 0.3, memory: 0.9, launchLatency: 35e-6, requestOverhead: 0.08, attentionEfficiency: 0.417, expertEfficiency: 0.375 },
        hopper: { compute: 0.8, memory: 0.8, launchLatency: 150e-6, requestOverhead: 0, stepOverhead: 500e-6, attentionEfficiency: 0.5, expertEfficiency: 0.2 },
    },
    trtllm: {
        blackwell: { compute: 0.7, memory: 0.85, launchLatency: 35e-6, attentionEfficiency: 0.3, expertEfficiency: 0.2 },
        hopper: { compute: 0.7, memory: 0.8, launchLatency: 100e-6, requestOverhead: 0, stepOverhead: 500e-6, attentionEfficiency: 0.3, expertEfficiency: 0.2 },
    },
};
function engineCalibration(engine, family) {
    return CALIBRATION[engine][family] ?? {};
}

;// CONCATENATED MODULE: ./src/core/engine-memory.ts
// Memory as each serving engine counts it: the defaults it picks for the device it runs on, how
// much of the device its KV cache gets (the pool whose size it logs at start-up), what it keeps
// beside weights and KV, and how many sequences it can run at once.
// Formulas and sources: docs/formulas.md, "Memory as each engine counts it".

const ENGINE_LABEL = { vllm: 'vLLM', sglang: 'SGLang', trtllm: 'TensorRT-LLM' };
/** What each engine's memory flag is called, for messages. */
const ENGINE_MEMORY_FLAG = {
    vllm: 'gpu_memory_utilization',
    sglang: 'mem_fraction_static',
    trtllm: 'free_gpu_memory_fraction',
};
const MIB = 2 ** 20;
/** Intra-node bandwidth from which the fabric is switched NVLink 4+ (H100 SXM 450 GB/s; A100 NVLink3 300 GB/s). */
const SWITCHED_FABRIC_BYTES_PER_S = 400e9;
// ---------------------------------------------------------------------------------------------
// Defaults each engine picks for a device.
/** vLLM's gpu_memory_utilization default. */
const VLLM_DEFAULT_MEMORY_FRACTION = 0.9;
/** TensorRT-LLM's KvCacheConfig.free_gpu_memory_fraction default (_torch/pyexecutor/_util.py: "fraction = 0.9"). */
const TRTLLM_DEFAULT_MEMORY_FRACTION = 0.9;
/** TensorRT-LLM's max_num_tokens default (trtllm-serve and the LLM API). */
const TRTLLM_DEFAULT_MAX_NUM_TOKENS = 8192;
/**
 * Memory flags a deployment whose model leaves the default no room must have set: the lowest of these
 * (from 0.95, the value vLLM's and llm-d's sweeps use when memory is tight, up to 0.99) that holds one
 * request of the longest length. Used only when the plan states no flag, and then reported.
 */
const TIGHT_MEMORY_FRACTIONS = [0.95, 0.96, 0.97, 0.98, 0.99];
/** SGLang's mem_fraction_static when it cannot read the device memory. */
const SGLANG_FALLBACK_MEMORY_FRACTION = 0.88;
/** vLLM's largest default CUDA-graph capture, in tokens (config/vllm.py, _set_cudagraph_sizes). */
const VLLM_MAX_CUDAGRAPH_CAPTURE_SIZE = 512;
/**
 * vLLM's max_cudagraph_capture_size (config/vllm.py, _set_cudagraph_sizes): min(max_num_seqs x
 * (1 + speculative tokens) x 2, 512), at most max_num_batched_tokens. In tokens: a pass of more
 * tokens (a decode step of b sequences is b x (1 + k) tokens) launches eagerly.
 */
function vllmCudaGraphCaptureSize(maxNumSeqs, queryTokens, maxBatchedTokens) {
    return Math.max(1, Math.min(maxNumSeqs * queryTokens * 2, VLLM_MAX_CUDAGRAPH_CAPTURE_SIZE, maxBatchedTokens));
}
/**
 * vLLM's scheduler defaults for the API server (vllm/engine/arg_utils.py, get_batch_defaults): on a
 * device of >= 70 GiB that is not an A100, max_num_batched_tokens 8192 and max_num_seqs 1024;
 * otherwise 2048 and 256.
 */
function vllmSchedulerDefaults(device) {
    const large = device.capacity >= 70 * GIB && !device.name.includes('a100');
    return large ? { maxBatchedTokens: 8192, maxNumSeqs: 1024 } : { maxBatchedTokens: 2048, maxNumSeqs: 256 };
}
/**
 * SGLang's defaults by device memory (server_args.py, _handle_gpu_memory_settings): chunked_prefill_size
 * and cuda_graph_max_bs by memory bucket, then mem_fraction_static = (memory - reserved) / memory with
 * reserved = 512 MB + 1.5 MB x max(chunk, 2048) + 2 MB x cuda_graph_max_bs + 1024 MB x tp x pp / 8,
 * plus with DP attention 3 MB x cuda_graph_max_bs x dp_size (and 1.5 MB more when cuda_graph_max_bs > 300),
 * at least 10 GB on devices over 60 GB, then 2 GB more for EAGLE / MTP (NEXTN) drafts and 6 GB for a
 * separate draft model (STANDALONE); NGRAM adds none.
 */
function sglangDefaults(device, tp, pp, options = {}) {
    const mb = device.capacity / MIB;
    let chunkedPrefill;
    let cudaGraphMaxBs;
    if (mb < 20 * 1024)
        [chunkedPrefill, cudaGraphMaxBs] = [2048, 8];
    else if (mb < 35 * 1024)
        [chunkedPrefill, cudaGraphMaxBs] = [2048, tp < 4 ? 24 : 80];
    else if (mb < 60 * 1024)
        [chunkedPrefill, cudaGraphMaxBs] = [4096, tp < 4 ? 32 : 160];
    else if (mb < 160 * 1024)
        [chunkedPrefill, cudaGraphMaxBs] = [8192, tp < 4 ? 256 : 512];
    else
        [chunkedPrefill, cudaGraphMaxBs] = [16384, 512];
    let reserved = 512 + Math.max(chunkedPrefill, 2048) * 1.5 + cudaGraphMaxBs * 2 + (tp * pp * 1024) / 8;
    const dpSize = options.dpAttention ?? 1;
    if (dpSize > 1) {
        reserved += cudaGraphMaxBs * dpSize * 3;
        if (cudaGraphMaxBs > 300)
            reserved += cudaGraphMaxBs * dpSize * 1.5;
    }
    if (mb > 60 * 1024)
        reserved = Math.max(reserved, 10 * 1024);
    if (options.speculative === 'draft')
        reserved += 6 * 1024;
    else if (options.speculative && options.speculative !== 'ngram')
        reserved += 2 * 1024;
    const memFractionStatic = mb > 0 ? Math.round(((mb - reserved) / mb) * 1000) / 1000 : SGLANG_FALLBACK_MEMORY_FRACTION;
    return { chunkedPrefill, cudaGraphMaxBs, memFractionStatic: memFractionStatic > 0 ? memFractionStatic : SGLANG_FALLBACK_MEMORY_FRACTION };
}
function engineDefaults(engine, device, tp, pp, sglang = {}) {
    if (engine === 'sglang') {
        if (!device)
            return {
                memoryFraction: SGLANG_FALLBACK_MEMORY_FRACTION,
                maxBatchedTokens: 4096,
                profiledSequences: 0,
                source: "SGLang's defaults without a device size",
            };
        const s = sglangDefaults(device, tp, pp, sglang);
        return {
            memoryFraction: s.memFractionStatic,
            maxBatchedTokens: s.chunkedPrefill,
            profiledSequences: 0,
            source: `SGLang's defaults for a ${(device.capacity / GIB).toFixed(0)} GiB device at tp ${tp}: chunked_prefill_size ${s.chunkedPrefill}, cuda_graph_max_bs ${s.cudaGraphMaxBs}`,
        };
    }
    if (engine === 'trtllm') {
        return {
            memoryFraction: TRTLLM_DEFAULT_MEMORY_FRACTION,
            maxBatchedTokens: TRTLLM_DEFAULT_MAX_NUM_TOKENS,
            profiledSequences: 0,
            source: "TensorRT-LLM's defaults (max_num_tokens 8192)",
        };
    }
    const v = device ? vllmSchedulerDefaults(device) : { maxBatchedTokens: 8192, maxNumSeqs: 1024 };
    return {
        memoryFraction: VLLM_DEFAULT_MEMORY_FRACTION,
        maxBatchedTokens: v.maxBatchedTokens,
        profiledSequences: v.maxNumSeqs,
        source: `vLLM's API-server defaults for ${device ? `a ${(device.capacity / GIB).toFixed(0)} GiB device` : 'a device of unknown size'}: max_num_batched_tokens ${v.maxBatchedTokens}, max_num_seqs ${v.maxNumSeqs}`,
    };
}
// ---------------------------------------------------------------------------------------------
// What engines keep beside weights, activations and KV.
/**
 * CUDA context and library handles a process holds before an engine measures free memory.
 * SGLang on 4x L4: 22.49 GiB total, 21.63 GB free at "Load weight begin" after 0.13 GB of
 * distributed init, so 0.73 GiB of context; about 0.5 GiB is usual on H100s.
 */
const CUDA_CONTEXT_BYTES = 0.6 * GIB;
/**
 * What vLLM 0.19 finds outside PyTorch after its profiling pass on a lone GPU ("non-torch forward
 * increase memory: 0.25GiB", Llama-3.1-8B and Qwen2.5-7B on H100, llm-d-planner accuracy report).
 */
const VLLM_NON_TORCH_BYTES = 0.25 * GIB;
/**
 * CUDA graphs of the decode batch sizes. vLLM captures them after sizing the KV cache (0.51-1.85 GiB,
 * mean 1.04, in the llm-d-planner sweep; "Estimated CUDA graph memory: 1.09 GiB" for gpt-oss-20b);
 * TensorRT-LLM captures them in the warm-up it measures before sizing its pool.
 */
const CUDA_GRAPH_BYTES = 1.0 * GIB;
/**
 * Communication buffers per device when a group of `group` devices talks (NCCL channels, NVLS and
 * custom all-reduce buffers), once the first collectives have run. On an NVLink-switch fabric vLLM
 * 0.19 logs 2.07-2.10 GiB of non-torch memory at TP2 and 2.13-2.21 GiB at TP4 on H100 (0.25 GiB at
 * TP1): about 1.8 GiB plus 0.03 GiB per rank. SGLang allocates them when it initialises ("Init torch
 * distributed ends. mem usage=2.01 GB" at TP8 on H200, sgl-project/sglang PR 11716), before it measures
 * the memory its pool is a fraction of. Over PCIe they are small: 0.1 GiB plus the same per rank
 * (SGLang's TP4 initialisation on 4x L4 takes 0.13 GB).
 */
function commBufferBytes(group, device) {
    if (group <= 1)
        return 0;
    return (device?.switchedFabric ? 1.8 * GIB : 0.1 * GIB) + 0.03 * GIB * group;
}
/**
 * Positions of the table vLLM's and SGLang's get_rope builds for a rope, by its scaling (vLLM
 * rotary_embedding/__init__.py get_rope and each class's _compute_cos_sin_cache; SGLang
 * layers/rotary_embedding.py, the same rules): none and llama3 (Llama3RotaryEmbedding) take
 * max_position_embeddings as it is; linear (LinearScalingRotaryEmbedding) max_position_embeddings x
 * factor; yarn (YaRNScalingRotaryEmbedding, ceil) and deepseek_yarn (DeepseekScalingRotaryEmbedding)
 * original_max_position_embeddings x factor. Null for a scaling whose length rule is not modelled.
 */
function rotaryTablePositions(spec) {
    const kind = spec.scaling ?? 'default';
    const factor = spec.factor ?? 1;
    const positions = spec.max_position_embeddings;
    if (kind === 'default' || kind === 'llama3')
        return positions;
    if (kind === 'linear')
        return Math.ceil(positions * factor);
    if (kind === 'yarn' || kind === 'deepseek_yarn')
        return Math.ceil((spec.original_max_position_embeddings ?? positions) * factor);
    return null;
}
/** Whether the device runs CUDA (SGLang keeps its rotary tables in fp32 there); unknown devices are taken for NVIDIA's. */
function cudaDevice(device) {
    return !/\bmi\d{3}|instinct|\bamd\b|ascend|\bnpu\b|gaudi|\btpu/.test(device?.name ?? '');
}
/**
 * Bytes of the rotary cos/sin tables one rank holds beside the weights: each distinct rope's table
 * (get_rope caches instances by their parameters in _ROPE_DICT, so every layer sharing a rope shares one;
 * Gemma 3's sliding layers have their own, unscaled) of rotaryTablePositions x rotary_dim elements, built
 * whole on every rank when the model is (register_buffer), so counted in the weights the engine logs.
 * vLLM keeps them in the model's dtype (base.py RotaryEmbeddingBase: cache.to(dtype)); SGLang in fp32
 * on CUDA ("cache needs to be in FP32 for numerical stability"), in the model's dtype elsewhere.
 * Llama 4 Scout under vLLM: 10,485,760 x 128 x 2 bytes = 2.5 GiB per GPU. TensorRT-LLM: trtllmRotaryTableBytes.
 */
function rotaryTableBytes(engine, rope, device) {
    if (rope === null)
        return 0;
    if (engine === 'trtllm')
        return trtllmRotaryTableBytes(rope);
    const positions = rotaryTablePositions(rope.spec);
    if (positions === null)
        return 0;
    const element = engine === 'sglang' && cudaDevice(device) ? 4 : rope.computeBytes;
    const local = rope.spec.local_table ? rope.spec.max_position_embeddings : 0;
    return (positions + local) * rope.rotaryDim * element;
}
/**
 * TensorRT-LLM's tables (PyTorch backend): every attention layer's TrtllmAttention wrapper, or the
 * RotaryEmbedding module where the rope is not fused, takes its table from
 * RopeParams.create_rope_const_params (_torch/attention_backend/interface.py), which builds it once per
 * distinct RopeParams and model (a per-model cache since TensorRT-LLM PR 3378, April 2025) as an fp32
 * CUDA tensor while the model is built, so it is in the weights the engine logs. RopeParams.from_config
 * takes max_positions = config.json's max_position_embeddings whatever the scaling (no stretch by the
 * factor: yarn's and deepseek_yarn's max_position_embeddings already is the stretched length), and each
 * row holds a (cos, sin) pair per rotated frequency, rotary_dim values
 * (RopeEmbeddingUtils.create_sinusoidal_positions_for_attention_plugin, _yarn), twice that for MLA
 * (duplicate_data). Gemma 3's sliding layers build a second table of their own theta. The table is in
 * "Memory used after loading model weights (inside torch)", not in the older "Rank N uses X GB for model
 * weights" (get_rank_model_storage counts parameters and registered buffers only). Llama 3.1 (131,072
 * x 128 x 4 B) 64 MiB; DeepSeek-V3/R1 163,840 x 64 x 2 x 4 B = 80 MiB; Llama 4 Scout 10,485,760 x 128 x
 * 4 B = 5 GiB a GPU.
 */
function trtllmRotaryTableBytes(rope) {
    const positions = rope.spec.max_position_embeddings;
    const tables = rope.spec.local_table ? 2 : 1;
    return tables * positions * rope.rotaryDim * (rope.duplicated ? 2 : 1) * 4;
}
/** Rotary tables the memory check names on their own: from 0.1 GiB (Gemma 3 27B's 0.28 GiB under vLLM; a 128K Llama's 32 MiB is not). */
const MATERIAL_ROTARY_BYTES = 0.1 * GIB;
/** Bytes as the memory rules show them: "79.19 GiB". */
const engine_memory_gib = (v) => `${(v / GIB).toFixed(2)} GiB`;
/**
 * The KV pool of one device as each engine sizes it:
 *  vLLM    pool = u x total - weights - activation peak of the profiling pass - non-torch memory
 *          (gpu_worker.determine_available_memory; CUDA graphs come out of the 1 - u left over);
 *  SGLang  pool = f x free - weights, free = what is left after CUDA and NCCL initialisation
 *          (model_runner.profile_max_num_token); activations and graphs live in the 1 - f left over;
 *  TRT-LLM pool = phi x (total - peak of the measured warm-up: weights, activations, context, NCCL,
 *          graphs) (_torch/pyexecutor/_util.py, cal_max_tokens).
 * `usable` never exceeds the device (an SGLang fraction set too high leaves the activations no room),
 * but for a pool the plan fixes (`limit.fixed`): the engine allocates that whole, or does not start.
 */
function deviceBudget(b) {
    const comm = commBufferBytes(b.group, b.device);
    const graphs = b.cudaGraphs ? CUDA_GRAPH_BYTES : 0;
    let pool;
    let overhead;
    /** the pool's formula, with the figures it takes */
    let formula;
    /** what the engine's flag gives, and what it takes out of that before the pool (for a pool below zero) */
    let share;
    if (b.engine === 'sglang') {
        const init = b.runtimeOverride ?? CUDA_CONTEXT_BYTES + comm;
        overhead = b.runtimeOverride ?? init + graphs;
        const free = b.capacity - init;
        pool = b.memoryFraction * free - b.weights;
        formula = `${b.memoryFraction} x ${engine_memory_gib(free)} free after initialisation - ${engine_memory_gib(b.weights)} weights`;
        share = {
            bytes: b.memoryFraction * free,
            text: `${b.memoryFraction} x ${engine_memory_gib(free)} free after initialisation for weights and KV cache`,
            before: [[b.weights, 'weights']],
            beside: [
                [b.activations, 'activations'],
                [overhead, 'runtime and buffers'],
            ],
        };
    }
    else if (b.engine === 'trtllm') {
        overhead = b.runtimeOverride ?? CUDA_CONTEXT_BYTES + comm + graphs;
        const free = b.capacity - b.weights - b.activations - overhead;
        pool = b.memoryFraction * free;
        formula = `${b.memoryFraction} x ${engine_memory_gib(free)} free after the measured warm-up`;
        share = wholeDevice(b, overhead);
    }
    else {
        overhead = b.runtimeOverride ?? VLLM_NON_TORCH_BYTES + comm;
        pool = b.memoryFraction * b.capacity - b.weights - b.activations - overhead;
        formula = `${b.memoryFraction} x ${engine_memory_gib(b.capacity)} - ${engine_memory_gib(b.weights)} weights - ${engine_memory_gib(b.activations)} profiled activations - ${engine_memory_gib(overhead)} runtime and buffers outside PyTorch`;
        share = {
            bytes: b.memoryFraction * b.capacity,
            text: `${b.memoryFraction} x ${engine_memory_gib(b.capacity)}`,
            before: [
                [b.weights, 'weights'],
                [b.activations, 'profiled activations'],
                [overhead, 'runtime and buffers outside PyTorch'],
            ],
            beside: [],
        };
    }
    const limit = b.limit ?? null;
    if (limit?.fixed) {
        pool = limit.bytes;
        formula = `${engine_memory_gib(pool)}, set by ${limit.source} (the memory flag sizes nothing)`;
    }
    else if (limit && limit.bytes < pool) {
        formula = `${engine_memory_gib(limit.bytes)}, capped by ${limit.source}, less than ${formula} = ${engine_memory_gib(pool)}`;
        pool = limit.bytes;
    }
    const room = b.capacity - b.weights - b.activations - overhead;
    // A pool the engine is told to allocate is allocated whole: past the device, it does not start.
    const kv = limit?.fixed ? pool : Math.min(pool, room);
    const usable = b.weights + b.activations + overhead + kv;
    if (kv < 0)
        return { pool, overhead, usable, rule: noRoomRule(kv < pool ? wholeDevice(b, overhead) : share) };
    return { pool, overhead, usable, rule: usableRule(b, overhead, pool, kv, formula) };
}
/** The device as the limit: the weights, activations and buffers must fit in it before any KV cache. */
function wholeDevice(b, overhead) {
    return {
        bytes: b.capacity,
        text: `the whole device, ${engine_memory_gib(b.capacity)}`,
        before: [
            [b.weights, 'weights'],
            [b.activations, 'activations'],
            [overhead, 'runtime and buffers'],
        ],
        beside: [],
    };
}
/**
 * No room for a KV cache, in plain words: "0.9 x 79.19 GiB: the weights alone, 131.42 GiB, exceed it,
 * before the 2.79 GiB profiled activations and 0.25 GiB runtime and buffers outside PyTorch that the
 * engine also reserves". A pool below zero written as a negative term of a sum was hard to read.
 */
function noRoomRule(share) {
    const and = (parts) => (parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`);
    const [weights] = share.before[0];
    const others = share.before.slice(1);
    const beside = share.beside.length > 0 ? ` (${engine_memory_gib(share.bytes)}), plus ${and(share.beside.map(([v, name]) => `${engine_memory_gib(v)} ${name}`))} beside it` : '';
    const it = share.beside.length > 0 ? `the ${engine_memory_gib(share.bytes)}` : 'it';
    let exceed;
    if (weights > share.bytes) {
        const also = others.length > 0 ? `, before the ${and(others.map(([v, name]) => `${engine_memory_gib(v)} ${name}`))} that the engine also reserves` : '';
        exceed = `the weights alone, ${engine_memory_gib(weights)}, exceed ${it}${also}`;
    }
    else {
        const total = share.before.reduce((sum, [v]) => sum + v, 0);
        exceed = `the ${and(share.before.map(([, name]) => name))} (${share.before.map(([v]) => (v / GIB).toFixed(2)).join(' + ')} = ${engine_memory_gib(total)}) exceed ${it}`;
    }
    return `${share.text}${beside}: ${exceed}, so no KV cache is left`;
}
/**
 * What makes up `usable`, as a sum whose terms add up to it (to rounding): "32.86 GiB weights + 0.58
 * GiB activations + 3.52 GiB runtime and buffers + 32.31 GiB KV pool, the pool being 0.85 x 76.67 GiB
 * free after initialisation - 32.86 GiB weights". The pool's formula gives the pool, not what the
 * engine may use; where the device cannot hold the whole pool, the sum takes what it can hold.
 */
function usableRule(b, overhead, pool, kv, formula) {
    const weights = `${engine_memory_gib(b.weights)} weights${weightsParts(b.mlaDecodeCopy ?? 0, b.rotaryTables ?? 0)}`;
    const sum = `${weights} + ${engine_memory_gib(b.activations)} activations + ${engine_memory_gib(overhead)} runtime and buffers + ${engine_memory_gib(kv)} KV pool`;
    if (kv < pool)
        return `${sum}, the rest of the device: the pool would be ${formula} = ${engine_memory_gib(pool)}, more than the device holds`;
    return `${sum}, the pool being ${formula}`;
}
/**
 * What the engine's weights hold beside the checkpoint's shard, for the report: " (0.56 GiB of them the
 * engine's copy of kv_b_proj for MLA decode)", " (2.50 GiB of them its rotary cos/sin tables)"; '' when
 * neither is (the tables from MATERIAL_ROTARY_BYTES).
 */
function weightsParts(mlaDecodeCopy, rotaryTables) {
    const parts = [];
    if (mlaDecodeCopy > 0)
        parts.push(`${engine_memory_gib(mlaDecodeCopy)} of them the engine's copy of kv_b_proj for MLA decode`);
    if (rotaryTables >= MATERIAL_ROTARY_BYTES)
        parts.push(`${engine_memory_gib(rotaryTables)} of them the engine's rotary cos/sin tables`);
    return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}
/** Tokens per KV block the engine allocates in (vLLM 16, TensorRT-LLM 32, SGLang pages of 1). */
const KV_BLOCK_TOKENS = { vllm: 16, sglang: 1, trtllm: 32 };
/** Whether the engine frees sliding-window layers' blocks outside the window (vLLM's hybrid allocator, TensorRT-LLM VSWA); SGLang serves gpt-oss with disable_hybrid_swa_memory. */
const FREES_OUTSIDE_WINDOW = { vllm: true, sglang: false, trtllm: true };
/**
 * Sequences one replica runs at once when `offered` are in flight, each holding `context` tokens on
 * average: the engine admits while its KV cache has room and queues the rest. At least one when one
 * sequence fits, 0 when not even one does.
 */
function maxRunningSequences(budget, context, offered = Infinity) {
    const shared = Math.min(budget.sharedTokens, context);
    const perSequence = Math.max(budget.heldTokens(context) - budget.heldTokens(shared), 1e-9);
    const room = budget.capacityTokens - budget.heldTokens(shared);
    const byKv = room <= 0 ? 0 : Math.floor(room / perSequence);
    const capped = budget.engineMax === null ? byKv : Math.min(byKv, budget.engineMax);
    return Math.max(0, Math.min(capped, offered));
}

;// CONCATENATED MODULE: ./src/core/layerKinds.ts
/**
 * Gated DeltaNet as Qwen3-Next / Qwen3.5 build it (transformers Qwen3NextGatedDeltaNet):
 *   in_proj_qkvz: hidden -> 2 Kd + 2 Vd (queries, keys, values, output gate z), in_proj_ba: hidden -> 2 Hv,
 *   depthwise conv1d over the 2 Kd + Vd mixed q/k/v channels, out_proj: Vd -> hidden, A_log and dt_bias (Hv),
 *   a gated RMSNorm of value_head_dim, and the layer's two RMSNorms of hidden;
 * with Kd = key_heads x key_head_dim, Vd = value_heads x value_head_dim, Hv = value_heads.
 * State per sequence: every value head keeps a key_head_dim x value_head_dim matrix (state dtype), and the
 * convolution keeps its last kernel - 1 inputs of the 2 Kd + Vd channels (16-bit, the activations' dtype).
 * Per token the state is decayed and updated (k v^T) and read (q^T S): 4 key_head_dim x value_head_dim FLOPs
 * per value head, which any algorithm (recurrent or chunked) must spend.
 */
function linearAttentionFacts(spec, hidden, stateBytesPerValue) {
    const kd = spec.key_heads * spec.key_head_dim;
    const vd = spec.value_heads * spec.value_head_dim;
    const convChannels = 2 * kd + vd;
    const sharded = hidden * (2 * kd + 2 * vd + 2 * spec.value_heads) + convChannels * spec.conv_kernel + vd * hidden + 2 * spec.value_heads;
    const replicated = spec.value_head_dim + 2 * hidden;
    const recurrent = spec.value_heads * spec.key_head_dim * spec.value_head_dim * stateBytesPerValue;
    const conv = convChannels * Math.max(0, spec.conv_kernel - 1) * CONV_STATE_BYTES;
    return {
        sharded,
        replicated,
        shardableHeads: spec.key_heads,
        stateBytes: recurrent + conv,
        stateFlopsPerToken: 4 * spec.value_heads * spec.key_head_dim * spec.value_head_dim,
    };
}
/** The convolution window holds activations, kept in 16 bits by vLLM and SGLang. */
const CONV_STATE_BYTES = 2;
/**
 * Recurrent-state dtype an engine keeps when neither the plan nor the checkpoint's config.json
 * (`mamba_ssm_dtype`, model.linear_attention.state_dtype) names one. SGLang: fp32
 * (configs/mamba_utils.py, mamba2_state_dtype: default float32, then config, then
 * SGLANG_MAMBA_SSM_DTYPE). vLLM: `--mamba-ssm-cache-dtype auto` follows `--mamba-cache-dtype auto`,
 * the model's dtype (mamba_utils.py, MambaStateDtypeCalculator._mamba_state_dtype; bf16 for every
 * preset); its Qwen3.5 verifier copies the config's mamba_ssm_dtype (models/config.py,
 * Qwen3_5ForConditionalGenerationConfig). TensorRT-LLM: `mamba_ssm_cache_dtype auto` is the
 * checkpoint's torch_dtype (pyexecutor model_loader.py, validate_and_set_mamba_ssm_cache_dtype).
 */
function defaultStateDtype(engine) {
    return engine === 'vllm' || engine === 'trtllm' ? 'bf16' : 'fp32';
}
/**
 * DeepSeek Sparse Attention (DeepSeek-V3.2-Exp report; vLLM DeepseekV32IndexerCache and SGLang
 * NSATokenToKVPool store the indexer keys the same way): per layer the indexer projects q from the
 * query latent (q_lora_rank -> index_heads x index_head_dim), one key (hidden -> index_head_dim, with a
 * LayerNorm) and per-head weights (hidden -> index_heads). It scores every cached token in fp8
 * (2 x index_heads x index_head_dim FLOPs per pair) and the attention reads only the index_topk best.
 * Its key cache is fp8 whatever the KV cache dtype: index_head_dim bytes + a 4-byte scale per 128.
 */
function indexerFacts(spec, hidden, queryInput) {
    const qk = spec.index_heads * spec.index_head_dim;
    return {
        params: queryInput * qk + hidden * spec.index_head_dim + 2 * spec.index_head_dim + hidden * spec.index_heads,
        bytesPerToken: spec.index_head_dim + 4 * Math.ceil(spec.index_head_dim / 128),
        pairFlops: 2 * qk,
        topK: spec.index_topk,
    };
}
/**
 * Bytes of one token of an MLA latent cache in fp8 as the sparse MLA kernels store it (FlashMLA's
 * fp8_ds_mla layout, used by vLLM and SGLang for DeepSeek-V3.2 and GLM-5): kv_lora_rank fp8 values,
 * one fp32 scale per 128 of them, and the rotary part kept in 16 bits: 512 + 16 + 128 = 656 bytes.
 */
function sparseMlaFp8Bytes(kvLoraRank, ropeDim) {
    return kvLoraRank + 4 * Math.ceil(kvLoraRank / 128) + 2 * ropeDim;
}
/**
 * Keys a query at 1-based position `position` attends to in a windowed layer: the last `window`
 * tokens (sliding), or the tokens of its own aligned chunk of `window` (chunked: Llama 4's local layers).
 */
function windowKeys(position, window, kind) {
    if (position <= 0)
        return 0;
    return kind === 'chunked' ? ((position - 1) % window) + 1 : Math.min(position, window);
}
/** Sum of windowKeys(i) for i in (from, to]: the (query, key) pairs of query tokens from+1..to. */
function windowPairs(from, to, window, kind) {
    const tri = (n) => (n * (n + 1)) / 2;
    const upTo = (n) => {
        if (n <= 0)
            return 0;
        if (kind === 'chunked') {
            const whole = Math.floor(n / window);
            return whole * tri(window) + tri(n - whole * window);
        }
        return n <= window ? tri(n) : tri(window) + (n - window) * window;
    };
    return upTo(to) - upTo(from);
}
/**
 * Parameters of one multi-token-prediction module beyond its decoder layer (DeepSeek-V3 report sec. 2.2,
 * Qwen3-Next / Qwen3.5 mtp.fc): the projection of [embedding; hidden] (2h -> h) and its norms. The module
 * shares the embedding and LM head with the main model.
 */
function mtpExtraParams(hidden) {
    return 2 * hidden * hidden + 3 * hidden;
}

;// CONCATENATED MODULE: ./src/core/stages.ts
/**
 * Default split of `layers` over `pp` stages: an even share each; the remainder goes to the
 * stages just before the last one, which already carries the LM head (vLLM's get_pp_indices
 * does the same). Returns null when there are fewer layers than stages.
 */
function defaultSplit(layers, pp) {
    if (pp > layers)
        return null;
    const base = Math.floor(layers / pp);
    const split = new Array(pp).fill(base);
    let rest = layers - base * pp;
    for (let i = pp - 2; rest > 0 && i >= 0; i--, rest--)
        split[i] += 1;
    if (rest > 0)
        split[pp - 1] += rest; // pp === 1
    return split;
}
function buildStages(facts, pp, explicit) {
    let split;
    if (facts.layersVirtual)
        split = new Array(pp).fill(facts.layers / pp);
    else
        split = explicit ?? defaultSplit(facts.layers, pp);
    if (!split || split.length !== pp)
        return null;
    const stages = [];
    let first = 0;
    // the unquantized MLP layers ascend, as the stages do: one pass over them places each
    const unquantizedList = facts.unquantizedMlpLayers;
    let nextUnquantized = 0;
    for (let i = 0; i < pp; i++) {
        const n = split[i];
        // Dense layers lead (DeepSeek's first_k_dense_replace) unless they alternate with MoE layers (Llama 4).
        const dense = facts.interleavedDense && facts.layers > 0 ? (n * facts.denseLayers) / facts.layers : Math.max(0, Math.min(facts.denseLayers, first + n) - first);
        // Sliding-window and linear-attention layers interleave with full ones (gpt-oss alternates,
        // Qwen3.5 puts one full layer after every three linear ones): spread them evenly.
        const sliding = facts.layers > 0 ? (n * facts.slidingLayers) / facts.layers : 0;
        const linear = facts.layers > 0 ? (n * facts.linearLayers) / facts.layers : 0;
        // Unquantized MLPs sit at the layers the checkpoint names (Llama-3.1-405B FP8: the first and last).
        let listed = 0;
        for (; nextUnquantized < unquantizedList.length && unquantizedList[nextUnquantized] < first + n; nextUnquantized++)
            listed++;
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
const STAGE_SHAPE = (/* unused pure expression or super */ null && ([
    'layers',
    'denseLayers',
    'moeLayers',
    'unquantizedMlpLayers',
    'slidingLayers',
    'linearLayers',
    'mtpLayers',
    'hasEmbedding',
    'hasLmHead',
]));
const everyFieldShaped = true;
void everyFieldShaped;
/**
 * Whether two stages hold the same layers (the middle stages of an even split do): every figure of one
 * is then that of the other, and a loop over the stages computes it once for a run of neighbours.
 * Field by field (a loop over STAGE_SHAPE reads them slowly); a test checks each field of STAGE_SHAPE.
 */
function sameShape(a, b) {
    return (a.layers === b.layers &&
        a.denseLayers === b.denseLayers &&
        a.moeLayers === b.moeLayers &&
        a.unquantizedMlpLayers === b.unquantizedMlpLayers &&
        a.slidingLayers === b.slidingLayers &&
        a.linearLayers === b.linearLayers &&
        a.mtpLayers === b.mtpLayers &&
        a.hasEmbedding === b.hasEmbedding &&
        a.hasLmHead === b.hasLmHead);
}
/** The largest f(stage) over the stages (-Infinity for none), f computed once per run of neighbours of the same shape. */
function maxOverStages(stages, f) {
    let max = -Infinity;
    for (let i = 0; i < stages.length; i++) {
        if (i === 0 || !sameShape(stages[i], stages[i - 1]))
            max = Math.max(max, f(stages[i]));
    }
    return max;
}

;// CONCATENATED MODULE: ./src/core/memory.ts
// Memory of one device of each pipeline stage: weights, KV cache, activations, runtime overhead, and the
// KV pool its engine carves out of it (engine-memory.ts). Formulas and sources: docs/formulas.md, "Memory".






/** Ranks that share one KV head's cache when tp exceeds kv_heads: the head is replicated tp/kv_heads times. */
function kvShardsOverTp(facts, tp) {
    if (!facts.kvShardable)
        return 1; // MLA: the latent cache is whole on every tp rank
    if (facts.kvHeads <= 0)
        return tp;
    return Math.min(tp, facts.kvHeads);
}
/** Per-layer attention parameters held by one tp rank. */
function attentionParamsPerRank(facts, tp) {
    return facts.attnSharded / tp + facts.attnKv / kvShardsOverTp(facts, tp) + facts.attnReplicated;
}
/** Parameters of one linear-attention layer held by one tp rank (heads split, up to the key heads). */
function linearParamsPerRank(facts, tp) {
    const l = facts.linear;
    if (!l)
        return 0;
    return l.sharded / Math.min(tp, l.shardableHeads) + l.replicated;
}
/** Attention parameters of a stage's layers on one tp rank, each layer by its kind (full or windowed, linear). */
function stageAttentionParamsPerRank(facts, tp, stage) {
    return attentionParamsPerRank(facts, tp) * (stage.layers - stage.linearLayers) + linearParamsPerRank(facts, tp) * stage.linearLayers;
}
/** Layers of a stage that attend over the whole context (not windowed, not linear); MTP modules excluded. */
function stageFullLayers(stage) {
    return stage.layers - stage.slidingLayers - stage.linearLayers;
}
/** Layers of a stage that keep a token's KV: every attention layer, full or windowed, and its loaded MTP modules (linear layers keep none). */
function stageKvLayers(stage) {
    return stage.layers - stage.linearLayers + stage.mtpLayers;
}
/** Routed experts held by one device (redundant replicas included). */
function expertsPerDevice(facts, layout) {
    return (facts.experts + facts.redundantExperts) / layout.ep;
}
/**
 * vLLM's MXFP4 MoE methods pad each expert's matrices (quantization/mxfp4.py, create_weights): the Marlin
 * kernel needs n % 256 and k % 128, so intermediate size per partition rounds up to 128 and hidden to
 * 256; FlashInfer's Blackwell kernels round both to 256. gpt-oss (hidden and intermediate 2880) grows
 * by 9% on Hopper: 120b weights 65.8 GiB against 64.38 GiB logged with the Triton backend (vLLM issue
 * 33155) and 7.05 GiB against 7.01 GiB for 20b at TP2 (vLLM 0.19).
 */
function mxfp4Padding(fp4Math, engine = 'vllm') {
    // TensorRT-LLM's TRTLLM-Gen MXFP4 MoE on Blackwell (fused_moe/quantization.py,
    // MXFP4WeightTRTLLMGenFusedMoEMethod: weight_alignment 128, input_hidden_alignment 512): gpt-oss-120b
    // on one B200 logs 65.40 GiB, about 65.8 with 2944 x 3072, 68.5 with vLLM's 256 x 256.
    if (fp4Math && engine === 'trtllm')
        return { intermediate: 128, hidden: 512 };
    return fp4Math ? { intermediate: 256, hidden: 256 } : { intermediate: 128, hidden: 256 };
}
const roundUp = (v, m) => Math.ceil(v / m) * m;
/** Parameters of one routed expert on a device after the kernels' padding (fp4 experts only). */
function paddedExpertParams(facts, etp, padding) {
    if (!padding || facts.dtypes.experts !== 'fp4' || facts.expertWidth <= 0 || facts.hidden <= 0)
        return facts.expert / etp;
    const part = facts.expertWidth / etp;
    const scale = (roundUp(part, padding.intermediate) * roundUp(facts.hidden, padding.hidden)) / (part * facts.hidden);
    return (facts.expert / etp) * scale;
}
/** The experts of a MoE model span attention data-parallel ranks: dp ranks form one model (attention DP + EP). */
function expertsSpanDp(facts, layout) {
    return facts.isMoe && layout.dp > 1 && layout.ep * layout.etp > layout.tp;
}
/**
 * The ranks that split the dense MLP, shared experts and LM head when the plan says nothing: one
 * engine's tp_size under SGLang's or the floor's placement where the experts span attention-DP ranks
 * (the ranks that share one copy of the experts: several copies are several engines, whose dense
 * parts are their own), else tp. A stated split must divide it (plan/load.ts).
 */
function denseGroup(facts, layout, placement) {
    if (placement === 'replicated' || !expertsSpanDp(facts, layout))
        return layout.tp;
    return Math.min(layout.tp * layout.dp, layout.ep * layout.etp);
}
/** How many ranks split the dense MLP, shared experts, LM head and embedding on one device (see DenseSplit). */
function denseSplit(facts, layout, placement) {
    const group = denseGroup(facts, layout, placement);
    const embedding = layout.tp;
    // the plan's own placement, where SGLang reads it (its MoE models)
    if (placement === 'sglang' && facts.isMoe)
        return { mlp: layout.denseTp ?? group, shared: layout.sharedExpertTp ?? group, lmHead: layout.lmHeadTp ?? group, embedding };
    return { mlp: group, shared: group, lmHead: group, embedding };
}
/**
 * How the engine splits those parts on one device: denseSplit by its placement, but TensorRT-LLM builds
 * the input embedding of its MLA models (_torch/models/modeling_deepseekv3.py, DeepseekV3Model, which
 * serves DeepseekV3ForCausalLM, DeepseekV32ForCausalLM and GlmMoeDsaForCausalLM) as
 * Embedding(vocab_size, hidden_size, dtype) with no mapping, and modules/embedding.py splits only when
 * given one ("If not provided, the embedding is not parallelized"): whole on every rank. DeepSeek-R1 at
 * TP8: 1.73 GiB a device, not 0.22. Its other models pass the mapping (COLUMN, vocabulary-parallel).
 */
function engineDenseSplit(facts, layout, engine) {
    const split = denseSplit(facts, layout, engineProfile(engine).densePlacement);
    return engine === 'trtllm' && facts.mlaKvUp !== null ? { ...split, embedding: 1 } : split;
}
/**
 * Dense-MLP weight bytes of a stage's layers on one device: weight_dtypes.mlp, except the layers the
 * checkpoint left unquantized, which stay 16-bit; `ranks` split the MLP (tp, or denseSplit's).
 */
function stageDenseMlpBytes(facts, ranks, stage) {
    const kept = stage.unquantizedMlpLayers;
    return (facts.denseMlp / ranks) * (facts.bytes.mlp * (stage.denseLayers - kept) + facts.bytes.mlpUnquantized * kept);
}
/** Weight bytes on one device of a stage (padded as the engine's MXFP4 kernels need, when `padding` is given). */
function stageWeightBytes(facts, layout, stage, padding = null, split = denseSplit(facts, layout, 'replicated')) {
    const { tp } = layout;
    const b = facts.bytes;
    const attn = stageAttentionParamsPerRank(facts, tp, stage) * b.attention;
    const dense = stageDenseMlpBytes(facts, split.mlp, stage);
    const moe = moeLayerBytes(facts, layout, padding, split) * stage.moeLayers;
    let embeddings = 0;
    // Vocabulary-parallel embedding on the first stage, LM head on the last; a tied head is a
    // second copy only when it lives on another stage.
    if (stage.hasEmbedding)
        embeddings += (facts.embedding / split.embedding) * b.embeddings;
    if (stage.hasLmHead && (!facts.tied || !stage.hasEmbedding))
        embeddings += (facts.lmHead / split.lmHead) * b.embeddings;
    // The vision tower feeds the embeddings: on the first stage, split over tp (vLLM's default mm_encoder_tp_mode
    // "weights"; its norms, biases and position embeddings, under 1% of it, stay whole). Bound facts carry none.
    const vision = stage.hasEmbedding ? (facts.vision / tp) * b.vision : 0;
    return attn + dense + moe + embeddings + vision + mtpBytes(facts, layout, stage, padding, split);
}
/**
 * How one engine keeps and reads MLA's kv_b_proj for the absorbed decode, where each query is taken
 * into the latent space (W_UK) and each output out of it (W_UV), while kv_b_proj itself stays for the
 * prefill's expansion of the latent cache (which reads it in the checkpoint's dtype: vLLM
 * MLACommonImpl._forward_prefill, SGLang forward_normal_prepare, TensorRT-LLM MLA.forward_context_default
 * all call kv_b_proj). Bytes per parameter of each part: `copy`, what the engine holds beside the
 * checkpoint (0: a view, no copy); `decodeRead`, what its decode reads each step. As each engine's code
 * does it:
 * - vLLM (MLAAttention.process_weights_after_loading, v1/attention/backends/mla/common.py in older
 *   releases): W_UK_T and W_UV are views of kv_b_proj's weight when it is unquantized (no copy), and of
 *   get_and_maybe_dequant_weights' dequantised tensor in the activation dtype (bf16) when it is
 *   quantized; _forward_decode and _v_up_proj multiply by them (torch.bmm);
 * - SGLang (DeepseekV2WeightLoaderMixin.post_load_weights, models/deepseek_common/deepseek_weight_loader.py;
 *   models/deepseek_v2.py before): w_kc and w_vc are contiguous copies, of kv_b_proj's own dtype when
 *   it is 16-bit, dequantised to bf16 for 128x128 block fp8 on CUDA (block_quant_dequant; fp8 kept only
 *   with SGL_USE_DEEPGEMM_BMM, not a default) and for int8 or AWQ, requantised per tensor to fp8 on ROCm
 *   (block_quant_to_tensor_quant); forward_absorb multiplies by them (torch.bmm, bmm_fp8 when fp8);
 * - TensorRT-LLM (MLA.create_weights, _torch/modules/attention.py; load_weights in
 *   _torch/models/modeling_deepseekv3.py): v_b_proj is a view of kv_b_proj's weight, k_b_proj_trans a
 *   transposed copy in fp8 for block-scaled fp8, else the model dtype; on SM100 (B200, B300) with block
 *   fp8 and use_cute_dsl_blockscaling_bmm off (the default) it also keeps bf16 k_b_proj_trans_dequant and
 *   v_b_proj_dequant, which forward_absorption_generation's fp8_block_scaling_bmm_out multiplies by
 *   there (torch.bmm) where SM90 runs the fp8 block-scaled bmm on k_b_proj_trans and v_b_proj.
 * An fp8 kv_b_proj is taken as block-scaled (DeepSeek's and Kimi's checkpoints). A floor needs none of
 * this: an engine need not keep a copy, nor read more than the checkpoint's bytes.
 */
function mlaAbsorbedBytes(facts, engine, device) {
    const dtype = facts.dtypes.attention;
    const quantized = DTYPE_BYTES[dtype] < 2;
    const own = facts.bytes.attention;
    const arch = deviceArch(device);
    if (engine === 'vllm') {
        const b = quantized ? ACTIVATION_BYTES : own;
        return { copy: quantized ? { key: b, value: b } : { key: 0, value: 0 }, decodeRead: { key: b, value: b } };
    }
    if (engine === 'sglang') {
        const b = quantized ? (dtype === 'fp8' && arch === 'rocm' ? 1 : ACTIVATION_BYTES) : own;
        return { copy: { key: b, value: b }, decodeRead: { key: b, value: b } };
    }
    const kTrans = dtype === 'fp8' ? 1 : quantized ? ACTIVATION_BYTES : own;
    if (dtype === 'fp8' && arch === 'sm100') {
        return { copy: { key: kTrans + ACTIVATION_BYTES, value: ACTIVATION_BYTES }, decodeRead: { key: ACTIVATION_BYTES, value: ACTIVATION_BYTES } };
    }
    return { copy: { key: kTrans, value: 0 }, decodeRead: { key: kTrans, value: own } };
}
/** MLA's kv_b_proj parameters of one layer on one rank: over the layer's heads on the rank (heads / tp: the attention's tp, 1 under DP attention); null without MLA. */
function mlaKvUpPerRank(facts, layout) {
    const up = facts.mlaKvUp;
    return up ? { key: up.key / layout.tp, value: up.value / layout.tp } : null;
}
/**
 * Bytes one device of the stage holds, beside the checkpoint's weights, in the copy of MLA's kv_b_proj
 * its engine makes after loading for the absorbed decode (mlaAbsorbedBytes' `copy`), per attention layer
 * (the MTP module's included when it is loaded), over the layer's heads on the rank (K = kv_lora_rank x
 * heads x qk_nope_head_dim, V = the same with v_head_dim). The floors leave it out: an engine need not keep it.
 */
function mlaDecodeCopyBytes(facts, layout, stage, engine, device) {
    const up = mlaKvUpPerRank(facts, layout);
    const layers = stage.layers - stage.linearLayers + stage.mtpLayers;
    if (!up || layers <= 0)
        return 0;
    const { copy } = mlaAbsorbedBytes(facts, engine, device);
    return (copy.key * up.key + copy.value * up.value) * layers;
}
/**
 * Bytes a decode pass through the stage's attention layers (MTP modules excluded, as the passes count
 * them) reads of MLA's absorbed matrices on one device, per engine (mlaAbsorbedBytes' `decodeRead`), and
 * how much that is over reading kv_b_proj itself at the checkpoint's bytes, as a prefill does
 * (`overCheckpoint`); null without MLA.
 */
function stageMlaDecodeReads(facts, layout, stage, engine, device) {
    const up = mlaKvUpPerRank(facts, layout);
    const layers = stage.layers - stage.linearLayers;
    if (!up || layers <= 0)
        return null;
    const { decodeRead } = mlaAbsorbedBytes(facts, engine, device);
    const own = facts.bytes.attention;
    return {
        decode: (decodeRead.key * up.key + decodeRead.value * up.value) * layers,
        // part by part, so that an engine reading the checkpoint's dtype adds exactly 0
        overCheckpoint: ((decodeRead.key - own) * up.key + (decodeRead.value - own) * up.value) * layers,
    };
}
/** The kernels a device's name implies where the engines' code branches on them: AMD Instinct (ROCm), NVIDIA's SM100 family (B200, GB200, B300, GB300). */
function deviceArch(device) {
    const name = device?.name ?? '';
    if (/\bmi\d{3}|instinct|\bamd\b/.test(name))
        return 'rocm';
    if (/\bg?b[23]00\b/.test(name))
        return 'sm100';
    return 'other';
}
/** Weight bytes of one MoE layer on one device: shared experts over tp (or SGLang's DP-attention group, or shared_expert_tp: denseSplit), the router whole (engines replicate it), routed experts over ep x etp (padded as the kernels need). */
function moeLayerBytes(facts, layout, padding, split) {
    const b = facts.bytes;
    return ((facts.sharedExperts / split.shared) * b.mlp +
        facts.router * b.router +
        expertsPerDevice(facts, layout) * paddedExpertParams(facts, layout.etp, padding) * b.experts);
}
/**
 * Loaded MTP modules on one device: each is a full-attention decoder layer shaped like the model's
 * (MoE when the model is) plus its 2h -> h projection, kept whole on every rank (vLLM's eh_proj is a
 * plain Linear); embedding and LM head are shared with the main model.
 */
function mtpBytes(facts, layout, stage, padding, split) {
    if (stage.mtpLayers <= 0)
        return 0;
    const b = facts.bytes;
    const mlp = facts.isMoe ? moeLayerBytes(facts, layout, padding, split) : (facts.denseMlp / split.mlp) * b.mlp;
    return stage.mtpLayers * (attentionParamsPerRank(facts, layout.tp) * b.attention + mlp + facts.mtpExtra * b.embeddings);
}
/**
 * Recurrent state of one sequence on one device of the stage: every linear-attention layer keeps a
 * fixed-size state, split over tp by heads, whatever the context length.
 */
function stageStateBytesPerSequence(facts, layout, stage) {
    const l = facts.linear;
    if (!l || stage.linearLayers <= 0)
        return 0;
    return (stage.linearLayers * l.stateBytes) / Math.min(layout.tp, l.shardableHeads);
}
/** Indexer key bytes per token on one device of the stage (replicated over tp, like an MLA latent). */
function stageIndexerBytesPerToken(facts, stage) {
    return facts.indexer ? facts.indexer.bytesPerToken * (stageFullLayers(stage) + stage.mtpLayers) : 0;
}
/** KV bytes one token takes in one attention layer on one device (MLA's latent is replicated over tp). */
function layerTokenBytes(facts, layout) {
    return facts.kvBytesPerTokenLayer / kvShardsOverTp(facts, layout.tp);
}
/** Tokens of a `context` a windowed layer keeps at its peak: the window, when the engine frees what falls out of it (`windowed`). */
function windowKept(facts, context, windowed) {
    return facts.slidingWindow === null || !windowed ? context : Math.min(context, facts.slidingWindow);
}
/**
 * Cache bytes of one sequence of `context` tokens on one device of the stage: the KV of its full-attention
 * layers (and loaded MTP modules), windowed layers up to their window when `windowed` (the engine frees
 * blocks that fall out of it; else the whole context), indexer keys, and the fixed state of
 * linear-attention layers.
 */
function stageKvBytesPerSequence(facts, layout, stage, context, windowed = true) {
    // A window's cache peaks at the window over a sequence's life, sliding or chunked alike.
    return stageKvBytesAt(facts, layout, stage, context, windowKept(facts, context, windowed), null);
}
/**
 * Cache bytes on one device of the stage of a sequence whose full-attention layers (and loaded MTP modules)
 * hold `full` tokens and windowed layers `kept`: with indexer keys (of the `full` tokens) and linear-attention
 * state, or over vLLM's padded hybrid `groups` (vllmHybridGroups, which have neither) where given.
 */
function stageKvBytesAt(facts, layout, stage, full, kept, groups) {
    const perTokenLayer = layerTokenBytes(facts, layout);
    // Context parallelism splits each sequence's tokens over cp ranks.
    if (groups)
        return (perTokenLayer * groups.size * (groups.full * full + groups.windowed * kept)) / layout.cp;
    const fullLayers = stageFullLayers(stage) + stage.mtpLayers;
    const perContext = (perTokenLayer * (fullLayers * full + stage.slidingLayers * kept) + stageIndexerBytesPerToken(facts, stage) * full) / layout.cp;
    return perContext + stageStateBytesPerSequence(facts, layout, stage);
}
/**
 * Cache bytes one decode step reads for one sequence at `context` on one device of the stage: full layers
 * read every cached token (with a sparse-attention indexer, only the index_topk it selects, plus every
 * indexer key), windowed layers the keys in their window, linear layers their state (and write it back,
 * `writeBack`; a floor counts the read alone).
 */
function stageKvReadBytesPerSequence(facts, layout, stage, context, writeBack) {
    const perTokenLayer = layerTokenBytes(facts, layout);
    const attended = facts.indexer ? Math.min(context, facts.indexer.topK) : context;
    const windowed = facts.slidingWindow === null ? context : windowKeys(context, facts.slidingWindow, facts.windowKind);
    const indexerKeys = facts.indexer ? facts.indexer.bytesPerToken * stageFullLayers(stage) * context : 0;
    const kv = (perTokenLayer * (stageFullLayers(stage) * attended + stage.slidingLayers * windowed) + indexerKeys) / layout.cp;
    return kv + stageStateBytesPerSequence(facts, layout, stage) * (writeBack ? 2 : 1);
}
/** KV bytes per cached token on one device of the stage (every attention layer keeps the token; linear layers keep none): how engines count capacity. */
function stageKvBytesPerToken(facts, layout, stage) {
    return (layerTokenBytes(facts, layout) * stageKvLayers(stage) + stageIndexerBytesPerToken(facts, stage)) / layout.cp;
}
/**
 * vLLM's KV cache groups on a stage whose attention layers are of two kinds, full and windowed (sliding
 * or chunked): its hybrid manager (v1/core/kv_cache_utils.py, _get_kv_cache_groups_uniform_page_size)
 * splits each kind into groups of `size` layers, size being the fewest layers of a kind (the most, when
 * that is under 1.5 times the fewest), pads the last group of a kind with empty layers, gives each group
 * its own block table, and makes each block span `size` layer pages. Gemma 3 27B: 10 full and 52 sliding
 * layers make 1 + 6 groups of 10, 8 padding layers ("Add 8 padding layers" in its start-up log). Null where
 * vLLM keeps one group, or where the stage has layers this grouping leaves out here (linear attention,
 * an indexer cache: docs/formulas.md, "Layer kinds").
 */
function vllmHybridGroups(facts, stage) {
    const full = stageFullLayers(stage) + stage.mtpLayers;
    const windowed = stage.slidingLayers;
    if (full <= 0 || windowed <= 0 || stage.linearLayers > 0 || facts.indexer)
        return null;
    const fewest = Math.min(full, windowed);
    const most = Math.max(full, windowed);
    const size = most < 1.5 * fewest ? most : fewest;
    return { full: Math.ceil(full / size), windowed: Math.ceil(windowed / size), size };
}
/** Layer pages a token takes under vLLM's hybrid groups: every group's block spans `size` of them, padding included. */
function vllmGroupPages(groups) {
    return groups.size * (groups.full + groups.windowed);
}
/**
 * KV bytes per token the engine divides its pool by to count the tokens it logs: one token in every KV
 * layer of the stage, and for vLLM's hybrid groups in every padded layer too ("GPU KV cache size" is
 * num_blocks // groups x block_size, each block spanning `size` layer pages: Gemma 3 27B counts 70 layers
 * for its 62). SGLang counts an MLA layer as its latent in the KV dtype (kv_lora_rank + qk_rope_head_dim),
 * also where the sparse-attention kernels store more per token (fp8 with scales and a 16-bit rotary part:
 * GLM-5 on 8 MI355X logs 3,262,823 tokens, its pool over 78 x (576 + 132) bytes, then allocates them at
 * 78 x (656 + 132) bytes, 186.77 GB, beyond the share its fraction meant).
 */
function stageCountedBytesPerToken(facts, layout, stage, engine) {
    if (engine === 'sglang' && facts.latentKvBytesPerTokenLayer !== null && facts.latentKvBytesPerTokenLayer !== facts.kvBytesPerTokenLayer) {
        return (facts.latentKvBytesPerTokenLayer * stageKvLayers(stage) + stageIndexerBytesPerToken(facts, stage)) / layout.cp;
    }
    const groups = engine === 'vllm' ? vllmHybridGroups(facts, stage) : null;
    if (!groups)
        return stageKvBytesPerToken(facts, layout, stage);
    return (layerTokenBytes(facts, layout) * vllmGroupPages(groups)) / layout.cp;
}
/**
 * KV bytes of `sequences` sequences of `context` tokens whose first `shared` tokens are one prompt
 * prefix held once (prefix caching shares its blocks), as `engine` allocates them (stageHeldKvBytesPerSequence).
 */
function stageKvBytesShared(facts, layout, stage, sequences, context, shared, windowed = true, engine = null) {
    if (sequences <= 0)
        return 0;
    const prefix = Math.min(shared, context);
    const one = stageHeldKvBytesPerSequence(facts, layout, stage, context, windowed, engine);
    const common = stageHeldKvBytesPerSequence(facts, layout, stage, prefix, windowed, engine);
    return sequences * one - (sequences - 1) * common;
}
/**
 * Pool bytes one sequence takes on one device of the stage as `engine` allocates it: vLLM's hybrid
 * groups give each group's block `size` layer pages, padding layers included, so a sequence takes
 * size x (full groups x context + windowed groups x window) pages once it runs (vLLM's own check before it
 * starts pads the same way, over a larger window: stageReservedKvBytesPerSequence). Elsewhere (and with no
 * engine) the bytes it stores: stageKvBytesPerSequence.
 */
function stageHeldKvBytesPerSequence(facts, layout, stage, context, windowed = true, engine = null) {
    const groups = engine === 'vllm' ? vllmHybridGroups(facts, stage) : null;
    return stageKvBytesAt(facts, layout, stage, context, windowKept(facts, context, windowed), groups);
}
/**
 * Tokens vLLM sets aside in one layer for a request of `context` tokens (max_model_len) before it starts,
 * in whole blocks: its KV spec's max_memory_usage_bytes (v1/kv_cache_interface.py), which both its
 * start-up check (check_enough_kv_cache_memory: one request of max_model_len must fit) and its "Maximum
 * concurrency for N tokens per request" line (get_max_concurrency_for_kv_cache_config) sum over the KV
 * groups. A full layer (FullAttentionSpec): cdiv(max_model_len, block_size) blocks. A sliding layer
 * (SlidingWindowSpec): cdiv(min(window - 1 + max_num_batched_tokens, max_model_len), block_size) + 1
 * blocks, as a chunked prefill holds the window's last tokens and a whole chunk at once, plus one block
 * for a window that does not start on a block's edge. A chunked-attention layer (ChunkedLocalAttentionSpec):
 * cdiv(min(chunk + max_num_batched_tokens, max_model_len), block_size) blocks. More than the window a
 * running sequence keeps (windowKept): the scheduler allocates per token and frees what leaves the
 * window (SlidingWindowManager.remove_skipped_blocks), so only the start-up figures count this.
 */
function vllmReservedTokens(facts, context, maxBatchedTokens) {
    const block = KV_BLOCK_TOKENS.vllm;
    if (context <= 0)
        return { full: 0, windowed: 0 };
    const blocks = (tokens) => Math.ceil(tokens / block) * block;
    const full = blocks(context);
    const w = facts.slidingWindow;
    if (w === null)
        return { full, windowed: full };
    if (facts.windowKind === 'chunked')
        return { full, windowed: blocks(Math.min(w + maxBatchedTokens, context)) };
    return { full, windowed: blocks(Math.min(w - 1 + maxBatchedTokens, context)) + block };
}
/**
 * Pool bytes the engine sets aside on one device of the stage for one request of `context` tokens before
 * it starts (what its check that one request of the longest length fits counts): under vLLM its
 * reservation (vllmReservedTokens, over its padded hybrid groups where it groups); elsewhere what the
 * sequence holds at its peak (stageHeldKvBytesPerSequence, windows freed where the engine frees them).
 */
function stageReservedKvBytesPerSequence(facts, layout, stage, context, engine, maxBatchedTokens) {
    if (engine !== 'vllm')
        return stageHeldKvBytesPerSequence(facts, layout, stage, context, FREES_OUTSIDE_WINDOW[engine], engine);
    const res = vllmReservedTokens(facts, context, maxBatchedTokens);
    return stageKvBytesAt(facts, layout, stage, res.full, res.windowed, vllmHybridGroups(facts, stage));
}
/**
 * Peak transient activations of one forward pass of `tokens` tokens (a prefill chunk), per device: the
 * residual stream and normed input (2h) and the larger of the two phases of a layer, whose buffers are
 * freed before the next: attention projections (q, k, v, output), or the MLP. A dense MLP holds its
 * gate, up and activated outputs (3 x its local width); a fused MoE holds, per token-expert pair on
 * the device, the gate-up, activated and down outputs (3 x the local expert width + h; vLLM's
 * fused_moe intermediate caches), plus the shared experts' 3 x width. Then the logits of the sequences
 * sampled on the last stage. Inference keeps no activations for a backward pass.
 * The logits are the whole vocabulary on a rank, not vocab/tp: the LM head is vocab-parallel but
 * vLLM's LogitsProcessor gathers its shards before sampling (SGLang's all-gathers too). They are those
 * of `sampledSequences` sequences (no more than the pass's tokens): vLLM's profiling pass samples
 * max_num_seqs of them (GPUModelRunner.profile_run, then _dummy_sampler_run).
 */
function stageActivationBytes(facts, layout, stage, tokens, sampledSequences) {
    if (facts.hidden <= 0)
        return 0;
    const { tp, dp, cp, ep, etp } = layout;
    const h = facts.hidden;
    const local = tokens / cp;
    const attnWidth = (facts.attnSharded / tp + facts.attnKv / kvShardsOverTp(facts, tp)) / h;
    const denseWidth = stage.denseLayers > 0 ? facts.denseMlp / 3 / h / tp : 0;
    let moePeak = 0;
    if (stage.moeLayers > 0) {
        // Token-expert pairs per local token on this device: tokens reach it from all dp and cp ranks of its group.
        const pairs = (facts.topK * dp * cp) / ep;
        const width = facts.expert / 3 / h / etp;
        moePeak = pairs * (3 * width + h) + facts.sharedExperts / h / tp;
    }
    const perToken = (2 * h + Math.max(attnWidth, 3 * denseWidth, moePeak)) * ACTIVATION_BYTES;
    const vocab = facts.embedding / h;
    const sampled = Math.max(1, Math.min(sampledSequences, tokens));
    const logits = stage.hasLmHead ? sampled * vocab * LOGIT_BYTES : 0;
    return local * perToken + logits;
}
/** The engine conditions of a resolved workload; `sequences` are those in flight per replica (SGLang and TRT-LLM sample what runs). */
function engineConditions(workload, hardware, sequences, maxContext) {
    let sampled;
    if (workload.engine === 'vllm')
        sampled = workload.profiledSequences;
    // TRT-LLM profiles with dummy context requests of the longest length: one sampled sequence each.
    else if (workload.engine === 'trtllm')
        sampled = Math.ceil(workload.maxBatchedTokens / Math.max(1, maxContext ?? workload.maxBatchedTokens));
    else
        sampled = Math.max(1, sequences ?? 1);
    return {
        engine: workload.engine,
        memoryFraction: workload.memoryFraction,
        device: hardware.device,
        maxBatchedTokens: workload.maxBatchedTokens,
        sampledSequences: sampled,
        cudaGraphs: workload.cudaGraphs,
        runtimeOverride: workload.runtimeOverhead,
        kvCacheTokens: workload.kvCacheTokens,
        kvCacheMemory: workload.kvCacheMemory,
    };
}
/** Devices of the largest group that talks: tp x cp for attention, ep for the experts. */
function commGroup(layout, isMoe) {
    return Math.max(layout.tp * layout.cp, isMoe ? layout.ep * layout.etp : 1);
}
/** The most loaded device of a plan (largest total), whose figures are the plan's per-GPU memory. */
function mostLoaded(stages) {
    if (!stages || stages.length === 0)
        return null;
    return stages.reduce((a, st) => (st.total > a.total ? st : a));
}
/**
 * The pool the plan sets on one device of the stage (workload.kv_cache_tokens, kv_cache_memory), in the
 * engine's meaning (engine-memory.ts, PoolLimit), or null. Tokens become bytes at the stage's bytes per
 * token, plus the fixed state the stage's `sequences` keep beside the token pool (linear-attention
 * layers). vLLM's block override wins over its byte size (it replaces the block count the bytes give);
 * SGLang and TensorRT-LLM take the smallest of the flag's pool and both caps.
 */
function poolLimit(facts, layout, cond, stage, sequences) {
    const { kvCacheTokens: tokens, kvCacheMemory: bytes } = cond;
    if (tokens === null && bytes === null)
        return null;
    // vLLM's blocks (kv_cache_tokens = --num-gpu-blocks-override x 16) span `size` layer pages under its
    // hybrid groups, shared by every group: Gemma 3 27B's 1,000 blocks are 1,000 x 16 x 10 pages, which
    // it logs as 1,000 // 7 groups x 16 = 2,272 tokens (kvCapacityTokens), not 16,000 x 62 pages
    const groups = cond.engine === 'vllm' ? vllmHybridGroups(facts, stage) : null;
    const perToken = groups ? (layerTokenBytes(facts, layout) * groups.size) / layout.cp : stageKvBytesPerToken(facts, layout, stage);
    const fromTokens = tokens === null
        ? null
        : {
            bytes: tokens * perToken + sequences * stageStateBytesPerSequence(facts, layout, stage),
            source: `workload.kv_cache_tokens (${figures_countOf(tokens, 'token')})`,
        };
    const fromBytes = bytes === null ? null : { bytes, source: 'workload.kv_cache_memory' };
    if (cond.engine === 'vllm')
        return { ...(fromTokens ?? fromBytes), fixed: true };
    const smaller = fromTokens && fromBytes ? (fromTokens.bytes <= fromBytes.bytes ? fromTokens : fromBytes) : (fromTokens ?? fromBytes);
    return { ...smaller, fixed: false };
}
/**
 * Memory per device of each stage for `sequences` sequences per replica at `context` tokens each
 * (the first `shared` tokens a common prefix held once), as the engine counts it.
 */
function stageMemory(facts, layout, cond, stages, sequences, context, shared) {
    const padding = mxfp4Padding(cond.device?.fp4Math ?? false, cond.engine);
    const windowed = FREES_OUTSIDE_WINDOW[cond.engine];
    const group = commGroup(layout, facts.isMoe);
    const out = [];
    for (let i = 0; i < stages.length; i++) {
        const stage = stages[i];
        // a stage holding the same layers as the one before needs the same memory
        if (i > 0 && sameShape(stage, stages[i - 1])) {
            const p = out[i - 1];
            // written out: a spread of this object costs more than the figures
            out.push({
                stage: stage.index,
                layers: p.layers,
                weights: p.weights,
                mlaDecodeCopy: p.mlaDecodeCopy,
                rotaryTables: p.rotaryTables,
                kv: p.kv,
                activations: p.activations,
                overhead: p.overhead,
                total: p.total,
                pool: p.pool,
                usable: p.usable,
                kvOne: p.kvOne,
                rule: p.rule,
            });
            continue;
        }
        // The engine's weights: the checkpoint's shard, what it copies of it after loading and the rotary
        // tables it builds whole on every rank (a floor counts the shard alone: no engine need keep the rest).
        const mlaDecodeCopy = mlaDecodeCopyBytes(facts, layout, stage, cond.engine, cond.device);
        const rotaryTables = rotaryTableBytes(cond.engine, facts.rope, cond.device);
        const weights = stageWeightBytes(facts, layout, stage, padding, engineDenseSplit(facts, layout, cond.engine)) + mlaDecodeCopy + rotaryTables;
        // as the engine allocates it: vLLM's hybrid groups pad (Gemma 3 27B: 70 layer pages for its 62)
        const demand = stageKvBytesShared(facts, layout, stage, sequences, context, shared, windowed, cond.engine);
        // what the engine sets aside for one request of the longest length before it starts (vLLM: a window and a chunk per sliding layer)
        const kvOne = stageReservedKvBytesPerSequence(facts, layout, stage, context, cond.engine, cond.maxBatchedTokens);
        const activations = stageActivationBytes(facts, layout, stage, cond.maxBatchedTokens, cond.sampledSequences);
        let overhead;
        let pool = null;
        let usable = null;
        let rule = null;
        if (cond.device) {
            const b = deviceBudget({
                engine: cond.engine,
                memoryFraction: cond.memoryFraction,
                capacity: cond.device.capacity,
                weights,
                mlaDecodeCopy,
                rotaryTables,
                activations,
                group,
                device: cond.device,
                cudaGraphs: cond.cudaGraphs,
                runtimeOverride: cond.runtimeOverride,
                limit: poolLimit(facts, layout, cond, stage, sequences),
            });
            ({ pool, usable, overhead, rule } = b);
        }
        else {
            overhead = deviceBudget({
                engine: cond.engine,
                memoryFraction: cond.memoryFraction,
                capacity: 0,
                weights,
                activations,
                group,
                device: null,
                cudaGraphs: cond.cudaGraphs,
                runtimeOverride: cond.runtimeOverride,
            }).overhead;
        }
        // The engine admits what its pool holds and queues the rest: the device holds no more KV than the
        // pool. A pool too small for one sequence of the longest length runs none of them: the figure is
        // then that one sequence's need (what memory.fits judges), not the whole load's.
        const kv = pool === null ? demand : pool >= kvOne ? Math.min(demand, pool) : kvOne;
        out.push({
            stage: stage.index,
            layers: stage.layers,
            weights,
            mlaDecodeCopy,
            rotaryTables,
            kv,
            activations,
            overhead,
            total: weights + kv + activations + overhead,
            pool,
            usable,
            kvOne,
            rule,
        });
    }
    return out;
}
/**
 * Tokens of KV cache one replica holds, as its engine logs them at start-up ("GPU KV cache size: N
 * tokens", "KV Cache is allocated. #tokens: N", "Allocated ... for max tokens in paged KV cache (N)"):
 * each device's pool over the bytes of one token in every layer of its stage as the engine counts them
 * (stageCountedBytesPerToken: vLLM's padded hybrid groups), in whole blocks. The
 * tightest stage decides; context parallelism multiplies it (each rank keeps 1/cp of every sequence).
 * A pool the plan sets in tokens (`capTokens`, workload.kv_cache_tokens; the pools already hold it in
 * bytes) is that many tokens wherever it binds, and never more.
 */
function kvCapacityTokens(facts, layout, engine, stages, memory, sequences = 1, context = 0, capTokens = null) {
    let tokens = Infinity;
    stages.forEach((stage, i) => {
        // a neighbour of the same shape and pool holds the same tokens
        if (i > 0 && sameShape(stage, stages[i - 1]) && memory[i]?.pool === memory[i - 1]?.pool)
            return;
        const perToken = stageCountedBytesPerToken(facts, layout, stage, engine);
        const pool = memory[i]?.pool;
        if (perToken <= 0 || pool === null || pool === undefined)
            return;
        // Linear-attention state is per sequence: the running sequences hold theirs outside the token pool.
        // The engine runs no more of them than the pool holds, state and tokens of `context` each (at
        // least one): more sequences than that queue, and set no state aside.
        const state = stageStateBytesPerSequence(facts, layout, stage);
        const fit = state > 0 ? Math.max(1, Math.floor(pool / (state + heldTokens(facts, layout, engine, stage, context) * perToken))) : sequences;
        const free = pool - Math.min(sequences, fit) * state;
        tokens = Math.min(tokens, Math.max(0, free) / perToken);
    });
    if (!Number.isFinite(tokens))
        return 0;
    // tokens x bytes per token / bytes per token can fall a rounding error short of the tokens
    const capped = capTokens !== null && tokens >= capTokens * (1 - 1e-9);
    if (capped)
        tokens = capTokens;
    const block = KV_BLOCK_TOKENS[engine];
    // TensorRT-LLM allocates ceil(max_tokens / tokens_per_block) blocks for a cap in tokens
    // (resource_manager.py, KVCacheManager.calculate_max_num_blocks); SGLang aligns its cap down to pages.
    if (capped && engine === 'trtllm')
        return Math.ceil(tokens / block) * block;
    return Math.floor(tokens / block) * block;
}
/**
 * Capacity tokens the engine sets aside for one request of `context` tokens in one replica, in the count
 * kvCapacityTokens gives: under vLLM its reservation (vllmReservedTokens), its blocks over its groups,
 * so that the capacity over it is vLLM's "Maximum concurrency" (num_blocks over the blocks per request);
 * elsewhere what the sequence holds (heldTokens).
 */
function reservedTokens(facts, layout, engine, stage, context, maxBatchedTokens) {
    if (engine !== 'vllm')
        return heldTokens(facts, layout, engine, stage, context);
    const groups = vllmHybridGroups(facts, stage);
    if (groups) {
        const res = vllmReservedTokens(facts, context, maxBatchedTokens);
        return (groups.full * res.full + groups.windowed * res.windowed) / (groups.full + groups.windowed);
    }
    const perToken = stageKvBytesPerToken(facts, layout, stage);
    if (perToken <= 0)
        return context;
    return ((stageReservedKvBytesPerSequence(facts, layout, stage, context, engine, maxBatchedTokens) - stageStateBytesPerSequence(facts, layout, stage)) / perToken);
}
/**
 * Capacity tokens a sequence of `context` tokens holds in one replica (its bytes over a token's bytes in
 * every layer; with vLLM's hybrid groups, its blocks over the groups): the whole context, less what
 * sliding-window layers free outside their window where the engine frees it.
 */
function heldTokens(facts, layout, engine, stage, context) {
    // vLLM's hybrid groups: a sequence takes blocks in every group, windowed groups up to the window.
    const groups = engine === 'vllm' ? vllmHybridGroups(facts, stage) : null;
    if (groups) {
        return (groups.full * context + groups.windowed * windowKept(facts, context, true)) / (groups.full + groups.windowed);
    }
    const perToken = stageKvBytesPerToken(facts, layout, stage);
    if (perToken <= 0)
        return context;
    // The recurrent state of linear layers is not in the token pool (kvCapacityTokens takes it off first).
    const kv = stageKvBytesPerSequence(facts, layout, stage, context, FREES_OUTSIDE_WINDOW[engine]) - stageStateBytesPerSequence(facts, layout, stage);
    return kv / perToken;
}

;// CONCATENATED MODULE: ./src/core/resolve.ts
// Applies the core's defaults to a loaded plan's hardware, layout and workload,
// keeping a record of every default taken so the report can show it.





/** The plan's keys for SGLang's placement of the dense MLPs, shared experts and LM head (memory.ts, denseSplit). */
const resolve_DENSE_PLACEMENT_KEYS = ['dense_tp', 'shared_expert_tp', 'lm_head_tp'];
/**
 * What to tell a reader about an SGLang placement key of a MoE model: nothing where SGLang builds the
 * part so; that it changes nothing where the model has no such part; that SGLang builds no such split
 * where the value is neither 1 (or, for the LM head, the attention TP group) nor the whole group
 * (server_args.py accepts --moe-dense-tp-size 1 or tp; DeepEP and Mooncake keep shared experts
 * whole; --enable-dp-lm-head splits the LM head over the attention TP group). The estimate still
 * follows the stated split: it divides the group (plan/dense-placement.ts).
 */
function sglangPlacementNote(key, value, moe, layout) {
    if (key === 'dense_tp' && !(moe.dense_layers ?? 0) && moe.interleaved !== true)
        return 'changes nothing: the model has no dense MLP layers (model.moe.dense_layers 0)';
    if (key === 'shared_expert_tp' && !(moe.shared_experts ?? 0))
        return 'changes nothing: the model has no shared experts (model.moe.shared_experts 0)';
    const group = denseGroup({ isMoe: true }, layout, 'sglang');
    const built = key === 'lm_head_tp' ? [layout.tp, group] : [1, group];
    if (built.includes(value))
        return undefined;
    return `${value} as stated, a split SGLang does not build: it splits the ${key === 'dense_tp' ? 'dense MLPs' : key === 'shared_expert_tp' ? 'shared experts' : 'LM head'} over ${built[0]} or all ${group} ranks`;
}
/** The plan's parallelism with the contract's defaults. */
function resolveLayout(p) {
    const tp = p.tp ?? 1;
    const pp = p.pp ?? 1;
    const dp = p.dp ?? 1;
    const cp = p.cp ?? 1;
    const ep = p.ep ?? 1;
    // Contract: etp defaults to tp when ep is 1 (experts sharded like dense layers), else 1.
    const etp = p.etp ?? (ep === 1 ? tp : 1);
    return {
        tp,
        pp,
        dp,
        cp,
        ep,
        etp,
        microbatches: p.microbatches ?? pp,
        layersPerStage: p.layers_per_stage ?? null,
        worldSize: tp * pp * dp * cp,
        edp: (tp * dp * cp) / (ep * etp),
        ...(p.dense_tp !== undefined ? { denseTp: p.dense_tp } : {}),
        ...(p.shared_expert_tp !== undefined ? { sharedExpertTp: p.shared_expert_tp } : {}),
        ...(p.lm_head_tp !== undefined ? { lmHeadTp: p.lm_head_tp } : {}),
    };
}
/**
 * `memoryDefaultAt`: where an imported engine command that gives no memory flag is (LoadedPlan.defaulted):
 * the engine's default is then what runs, and read as stated.
 */
function resolvePlan(plan, origins, memoryDefaultAt) {
    const assumptions = [];
    const assume = (name, value, source = 'default') => {
        assumptions.push({ name, value, source });
    };
    const p = plan.parallelism;
    const layout = resolveLayout(p);
    const { tp, pp, dp, ep, etp, microbatches } = layout;
    if (p.etp === undefined && plan.model.moe !== undefined)
        assume('parallelism.etp', String(etp));
    if (p.microbatches === undefined && pp > 1)
        assume('parallelism.microbatches', `${microbatches} (= pp)`);
    const h = plan.hardware;
    const engine = plan.deployment?.engine ?? 'vllm';
    const engineId = engine;
    const profile = engineProfile(engine);
    if (plan.deployment?.engine === undefined)
        assume('deployment.engine', 'vllm (its scheduler and memory accounting)');
    // SGLang's placement keys: honoured where that engine places the parts so (memory.ts, denseSplit)
    for (const key of resolve_DENSE_PLACEMENT_KEYS) {
        if (p[key] === undefined)
            continue;
        if (profile.densePlacement !== 'sglang')
            assume(`parallelism.${key}`, `ignored: SGLang's placement, and the engine is ${engine} (${engine === 'vllm' ? 'vLLM' : 'TensorRT-LLM'} splits the dense MLPs, shared experts and LM head over tp, whole on every attention-DP rank)`, 'plan');
        else if (plan.model.moe === undefined)
            assume(`parallelism.${key}`, "ignored for a dense model: the tool follows SGLang's placement of a MoE model's parts only (models/deepseek_v2.py); a dense model's are split over tp", 'plan');
        else {
            const why = sglangPlacementNote(key, p[key], plan.model.moe, layout);
            if (why !== undefined)
                assume(`parallelism.${key}`, why, 'plan');
        }
    }
    // TensorRT-LLM's attention DP runs attention at TP 1 on every rank (enable_attention_dp): dp > 1 with
    // tp > 1 is replicas, each its own server.
    const trtAttentionDp = engine === 'trtllm' && dp > 1 && tp === 1;
    // TensorRT-LLM's attention-DP balance holds prompts across attention-DP ranks: no other engine has it, one rank has no one to wait for.
    const balanceSteps = plan.workload.attention_dp_balance_timeout_steps;
    if (balanceSteps !== undefined && !trtAttentionDp)
        assume('workload.attention_dp_balance_timeout_steps', `ignored: ${engine !== 'trtllm' ? `TensorRT-LLM's attention-DP balance, and the engine is ${engine}` : dp === 1 ? 'one attention-DP rank (dp = 1)' : `no attention DP: dp ${dp} with tp ${tp} is ${dp} replicas (TensorRT-LLM's attention DP runs attention at tp 1)`}`, 'plan');
    else if (balanceSteps !== undefined)
        assume('workload.attention_dp_balance_timeout_steps', `${figures_countOf(balanceSteps, 'step')}: a decoding rank holds new prompts until all ${dp} attention-DP ranks have one, at most ${figures_countOf(balanceSteps, 'step')} (TensorRT-LLM attention_dp_config.enable_balance); TTFT under load includes the hold (none for a closed loop of equal requests: its ranks run in lockstep, all with a prompt when one has)`, 'plan');
    // TensorRT-LLM's batch waiting runs only without attention DP (its scheduler skips it there).
    const waitSteps = plan.workload.batch_wait_timeout_steps;
    const waitRatio = plan.workload.batch_wait_max_tokens_ratio;
    const waitDeclared = waitSteps !== undefined || waitRatio !== undefined;
    const waitApplies = engine === 'trtllm' && !trtAttentionDp && (waitSteps ?? 0) > 0 && (waitRatio ?? 0) > 0;
    if (waitDeclared && !waitApplies)
        assume('workload.batch_wait_timeout_steps', `ignored: ${engine !== 'trtllm' ? `TensorRT-LLM's batch waiting, and the engine is ${engine}` : trtAttentionDp ? `TensorRT-LLM waits for batches only without attention DP (dp ${dp} at tp 1 here)` : 'TensorRT-LLM waits only with both a timeout and a token ratio above 0 (each defaults to 0, and either at 0 ends every wait at once)'}`, 'plan');
    else if (waitDeclared)
        assume('workload.batch_wait_timeout_steps', `${figures_countOf(waitSteps ?? 0, 'step')}, token ratio ${waitRatio}: while sequences decode, new prompts wait until the prompt tokens a pass would take plus the decoding sequences (1 + draft tokens each) reach ${waitRatio} x max_batched_tokens, or the wait has lasted ${figures_countOf(waitSteps ?? 0, 'step')} (TensorRT-LLM batch_wait_timeout_iters / batch_wait_max_tokens_ratio); TTFT under load includes the wait`, 'plan');
    const family = hardwareFamily(h.preset, h.name);
    const cal = engineCalibration(engineId, family);
    const calibrated = `calibrated: ${engineId} on ${family}`;
    const eff = {
        compute: h.efficiency?.compute ?? cal.compute ?? DEFAULT_EFFICIENCY.compute,
        memory: h.efficiency?.memory ?? cal.memory ?? DEFAULT_EFFICIENCY.memory,
        network: h.efficiency?.network ?? DEFAULT_EFFICIENCY.network,
    };
    for (const k of ['compute', 'memory', 'network']) {
        const path = `hardware.efficiency.${k}`;
        const own = h.efficiency?.[k] !== undefined;
        const fromCal = !own && k !== 'network' && cal[k] !== undefined;
        assume(path, String(eff[k]), own ? (origins[path] ?? 'plan') : fromCal ? calibrated : 'default');
    }
    const gpusPerNode = h.gpus_per_node ?? Math.min(8, h.gpus ?? 8);
    if (h.gpus_per_node === undefined)
        assume('hardware.gpus_per_node', String(gpusPerNode));
    const hardware = {
        gpus: h.gpus,
        gpusPerNode,
        memory: h.memory,
        peak16: h.peak_tflops,
        peakFp8: h.peak_tflops_fp8,
        peakFp4: h.peak_tflops_fp4,
        peakInt8: h.peak_tflops_int8,
        memoryBandwidth: h.memory_bandwidth,
        intraBandwidth: h.intra_node_bandwidth,
        interBandwidth: h.inter_node_bandwidth,
        intraLatency: h.intra_node_latency ?? DEFAULT_INTRA_NODE_LATENCY_S,
        interLatency: h.inter_node_latency ?? DEFAULT_INTER_NODE_LATENCY_S,
        kernelLatency: h.kernel_latency ?? cal.kernelLatency ?? DEFAULT_KERNEL_LATENCY_S,
        launchLatency: h.launch_latency ?? cal.launchLatency ?? profile.launchLatency,
        mlaEagerExtraKernels: profile.mlaEagerExtraKernels,
        sparsePrefillHeadPad: profile.sparsePrefillHeadPad[family] ?? 0,
        engine,
        requestOverhead: cal.requestOverhead ?? profile.requestOverhead,
        stepOverhead: cal.stepOverhead ?? profile.stepOverhead,
        attentionEfficiency: cal.attentionEfficiency ?? 1,
        expertEfficiency: cal.expertEfficiency ?? 1,
        efficiency: eff,
        device: h.memory === undefined
            ? null
            : {
                capacity: h.memory,
                name: (h.name ?? h.preset ?? '').toLowerCase(),
                switchedFabric: (h.intra_node_bandwidth ?? 0) >= SWITCHED_FABRIC_BYTES_PER_S,
                fp4Math: h.peak_tflops_fp4 !== undefined,
            },
    };
    if (h.intra_node_latency === undefined)
        assume('hardware.intra_node_latency', `${DEFAULT_INTRA_NODE_LATENCY_S * 1e6} µs per collective`);
    assume('request overhead', `${(cal.requestOverhead ?? profile.requestOverhead) * 1000} ms per request before its first token (HTTP, tokenisation, scheduling; ${engineId}; estimates only)`);
    if (h.kernel_latency === undefined)
        assume('hardware.kernel_latency', `${DEFAULT_KERNEL_LATENCY_S * 1e6} µs per kernel (estimates only)`);
    if (h.launch_latency === undefined)
        assume('hardware.launch_latency', `${(cal.launchLatency ?? profile.launchLatency) * 1e6} µs host time per kernel of an eager pass (${engineId}: passes its CUDA graphs do not cover); an eager pass takes max(GPU time, launches)`);
    if (h.inter_node_latency === undefined)
        assume('hardware.inter_node_latency', `${DEFAULT_INTER_NODE_LATENCY_S * 1e6} µs per collective`);
    const w = plan.workload;
    const label = ENGINE_LABEL[engine];
    // SGLang's DP attention (--tp N --dp D --enable-dp-attention; experts spanning the DP ranks) sizes its
    // defaults at its own tp_size, N = tp x dp, and splits its chunked_prefill_size over the D ranks
    // (server_args: chunked_prefill_size //= dp_size): the plan's budget is one rank's pass.
    const sglangDpAttention = engine === 'sglang' && dp > 1 && plan.model.moe !== undefined && ep * etp > tp;
    // Its default fraction also reserves for DP attention's graphs and for a speculative draft (server_args).
    const engineDefaultsAt = engineDefaults(engine, hardware.device, sglangDpAttention ? tp * dp : tp, pp, {
        dpAttention: sglangDpAttention ? dp : 1,
        speculative: w.speculative === undefined ? null : (w.speculative.method ?? 'draft'),
    });
    const defaults = sglangDpAttention
        ? {
            ...engineDefaultsAt,
            maxBatchedTokens: Math.max(1, Math.floor(engineDefaultsAt.maxBatchedTokens / dp)),
            source: `${engineDefaultsAt.source}, split over ${dp} DP-attention ranks`,
        }
        : engineDefaultsAt;
    const flag = ENGINE_MEMORY_FLAG[engine];
    let memoryFraction;
    // vLLM sizes no pool from its flag when the plan fixes it (--kv-cache-memory-bytes, --num-gpu-blocks-override).
    const poolFixed = engine === 'vllm' && (w.kv_cache_tokens !== undefined || w.kv_cache_memory !== undefined);
    // the imported command's default counts only where the flag sizes the pool and the plan states none, and
    // only where its value is known: SGLang's is computed, by a rule its releases change (0.4's table gave
    // tp 1 0.88 on any device, above sglangDefaults' 0.845 on a 24 GiB one), so ours may be below what runs
    const defaultKnown = engine !== 'sglang';
    const defaultAt = w.memory_fraction === undefined && w.memory_reserve === undefined && !poolFixed && defaultKnown ? (memoryDefaultAt ?? null) : null;
    if (w.memory_fraction !== undefined)
        memoryFraction = w.memory_fraction;
    else if (w.memory_reserve !== undefined)
        memoryFraction = 1 - w.memory_reserve;
    else {
        memoryFraction = defaults.memoryFraction;
        if (poolFixed)
            assume('workload.memory_fraction', `not used: ${label} allocates the KV pool workload.${w.kv_cache_tokens !== undefined ? 'kv_cache_tokens' : 'kv_cache_memory'} fixes`, 'method');
        else {
            // SGLang's default also reserves for DP attention's graphs and a speculative draft: say which applied
            const reserves = [sglangDpAttention ? `DP attention over ${dp} ranks` : '', w.speculative !== undefined ? 'the speculative draft' : ''].filter(Boolean);
            const sglangBasis = ` for this device and tp${reserves.length > 0 ? `, less its reserve for ${reserves.join(' and ')}` : ''}`;
            const command = defaultAt !== null ? `: ${defaultAt} runs ${label} without the flag` : '';
            assume('workload.memory_fraction', `${memoryFraction} (${label}'s ${flag} default${engine === 'sglang' ? sglangBasis : ''}${command})`);
        }
    }
    const reserve = 1 - memoryFraction;
    // Without an engine the chunk stays the project's default (vLLM's on a >= 70 GiB GPU); with one, its own default for the device.
    const chunkDefault = plan.deployment?.engine === undefined ? DEFAULT_MAX_BATCHED_TOKENS : defaults.maxBatchedTokens;
    const maxBatchedTokens = w.max_batched_tokens ?? chunkDefault;
    if (w.max_batched_tokens === undefined)
        assume('workload.max_batched_tokens', `${maxBatchedTokens}${plan.deployment?.engine === undefined ? '' : ` (${defaults.source})`}`);
    const maxRunningSequences = w.max_running_sequences ?? null;
    // The engine's own cap on running requests per replica: vLLM max_num_seqs (its device default),
    // SGLang none below its KV pool, TensorRT-LLM max_batch_size 2048.
    // vLLM clamps its default max_num_seqs to max_num_batched_tokens (arg_utils._set_default_max_num_seqs_and_batched_tokens_args).
    const vllmSeqs = Math.min(defaults.profiledSequences, maxBatchedTokens);
    const engineCap = engine === 'vllm' ? vllmSeqs : profile.defaultMaxRunning;
    const maxRunningCap = maxRunningSequences !== null ? Math.max(1, Math.floor(maxRunningSequences / dp)) : engineCap;
    // vLLM's profiling pass samples max_num_seqs sequences: the plan's cap per replica, else the device default.
    const profiledSequences = engine === 'vllm' ? (maxRunningSequences !== null ? Math.max(1, Math.ceil(maxRunningSequences / dp)) : vllmSeqs) : 0;
    const runtimeOverhead = w.runtime_overhead ?? null;
    if (w.runtime_overhead === undefined) {
        assume('workload.runtime_overhead', `${label}'s: ${engine === 'vllm' ? '0.25 GiB outside PyTorch' : '0.6 GiB of CUDA context'} + communication buffers when devices talk (about 1.8 GiB + 0.03 GiB per rank on NVLink-switch fabrics)` +
            (engine === 'vllm' ? '' : ' + 1 GiB of CUDA graphs'));
    }
    let speculative = null;
    if (w.speculative !== undefined) {
        const tokens = w.speculative.tokens ?? 1;
        speculative = {
            method: w.speculative.method ?? 'draft',
            tokens,
            acceptance: w.speculative.acceptance_length ?? 1,
        };
        if (w.speculative.acceptance_length === undefined)
            assume('workload.speculative.acceptance_length', '1 (no token accepted beyond the verified one)');
        // An EAGLE head or a draft model is a second model the plan does not describe (MTP modules are the checkpoint's own).
        if (speculative.method === 'eagle' || speculative.method === 'draft')
            assume('workload.speculative.method', `${speculative.method}: the ${speculative.method === 'eagle' ? 'EAGLE head' : 'draft model'}'s own weights and KV cache are not counted (the plan does not describe it): the KV pool reads that much too large`, 'method');
    }
    // A burstiness other than 1 asks for gamma gaps, as vLLM's benchmark reads --burstiness alone.
    const arrival = w.arrival ?? (w.burstiness !== undefined && w.burstiness !== 1 ? 'gamma' : 'poisson');
    if (w.arrival === undefined && arrival === 'gamma')
        assume('workload.arrival', `gamma (burstiness ${w.burstiness} is a gamma shape)`);
    // an open loop's arrivals shape its queue as much as its rate: the default is said, as a closed loop's lockstep is
    else if (w.arrival === undefined && w.request_rate !== undefined)
        assume('workload.arrival', `poisson (independent arrivals at ${w.request_rate} requests/s on average${w.benchmark ? '' : ', every request of the stated lengths'})`);
    // burstiness beside an arrival that is not gamma: check workload.burstiness warns (plan-checks.ts)
    if (w.request_rate === undefined && (w.arrival !== undefined || w.burstiness !== undefined))
        assume('workload.arrival', "not used: a closed loop's clients each send when their last request ends (request_rate makes an open loop)", 'method');
    // vLLM captures CUDA graphs up to max_cudagraph_capture_size tokens: a decode step of b sequences
    // is b x (1 + speculative tokens) of them, and a small max_num_seqs captures fewer.
    // workload.cuda_graph_max_batch counts sequences in every engine (SGLang's cuda_graph_max_bs and
    // TensorRT-LLM's cuda_graph_config.max_batch_size count requests; vLLM's capture size counts tokens,
    // so its capture is that many sequences x (1 + k), at most max_num_batched_tokens as vLLM clamps it).
    const graphCap = w.cuda_graph_max_batch;
    let graphProfile = profile;
    if (engine === 'vllm') {
        const q = speculative ? speculative.tokens + 1 : 1;
        const capture = graphCap !== undefined ? Math.max(1, Math.min(graphCap * q, maxBatchedTokens)) : vllmCudaGraphCaptureSize(profiledSequences, q, maxBatchedTokens);
        graphProfile = { ...profile, prefillGraphMaxTokens: capture, decodeGraphMaxBatch: Math.max(1, Math.floor(capture / q)) };
    }
    else if (graphCap !== undefined)
        graphProfile = { ...profile, decodeGraphMaxBatch: graphCap };
    if (graphCap !== undefined) {
        const path = 'workload.cuda_graph_max_batch';
        if (w.cuda_graphs === false)
            assume(path, `not used: workload.cuda_graphs is false (every pass launches eagerly)`, origins[path] ?? 'plan');
        else
            assume(path, `${graphProfile.decodeGraphMaxBatch} sequences per replica replay a CUDA graph; a larger decode batch launches eagerly (estimates only)` +
                (engine === 'vllm' ? `; vLLM captures up to ${graphProfile.prefillGraphMaxTokens} tokens, mixed passes included` : ''), origins[path] ?? 'plan');
    }
    const workload = {
        profile: graphProfile,
        concurrency: w.concurrency,
        requestRate: w.request_rate,
        arrival,
        burstiness: arrival === 'gamma' ? (w.burstiness ?? 1) : 1,
        maxRunningCap,
        recvInterval: w.scheduler_recv_interval ?? 1,
        dpBalanceTimeout: trtAttentionDp ? (balanceSteps ?? 0) : 0,
        batchWait: waitApplies ? { timeoutSteps: waitSteps ?? 0, tokenRatio: waitRatio ?? 0, tokensPerDecode: 1 + (speculative?.tokens ?? 0) } : null,
        inputTokens: w.input_tokens,
        outputTokens: w.output_tokens,
        maxInputTokens: w.max_input_tokens ?? w.input_tokens,
        maxOutputTokens: w.max_output_tokens ?? w.output_tokens,
        engine,
        memoryFraction,
        memoryFractionGiven: w.memory_fraction !== undefined || w.memory_reserve !== undefined || defaultAt !== null,
        memoryFractionDefaultAt: defaultAt,
        reserve,
        prefixHitRate: w.prefix_cache_hit_rate ?? 0,
        speculative,
        maxBatchedTokens,
        profiledSequences,
        runtimeOverhead,
        maxRunningSequences,
        kvCacheTokens: w.kv_cache_tokens ?? null,
        kvCacheMemory: w.kv_cache_memory ?? null,
        cudaGraphs: w.cuda_graphs ?? true,
        benchmark: w.benchmark === undefined
            ? null
            : {
                requests: w.benchmark.requests ?? Math.max(1, w.concurrency ?? 1),
                inputRangeRatio: w.benchmark.input_range_ratio ?? 1,
                outputRangeRatio: w.benchmark.output_range_ratio ?? 1,
            },
    };
    if (w.benchmark !== undefined) {
        if (w.benchmark.requests === undefined)
            assume('workload.benchmark.requests', 'concurrency (one wave)');
        // how the run sends its requests: a closed loop's clients all at once, an open loop's at its rate
        const cap = w.concurrency !== undefined ? `, at most workload.concurrency (${w.concurrency}) in flight` : '';
        const sent = w.request_rate === undefined
            ? 'all of concurrency sent at once, prefill before decode in chunks of max_batched_tokens'
            : `its ${workload.benchmark.requests} requests arrive at workload.request_rate from an idle engine${cap}`;
        assume('benchmark run', `simulated step by step: ${sent}; TTFT, TPOT and throughput are the run's means (steady state in details)`, 'method');
    }
    return { layout, hardware, workload, assumptions };
}

;// CONCATENATED MODULE: ./src/suggest/candidate.ts




/** Bytes-per-value order, for "make it fp8" only where that shrinks a component. */
const WIDER_THAN_FP8 = new Set(['fp32', 'bf16', 'fp16']);
function isWiderThanFp8(dtype) {
    return dtype === undefined || WIDER_THAN_FP8.has(dtype);
}
function parallelismFor(base, layout) {
    const p = { tp: layout.tp, pp: layout.pp, dp: layout.dp, cp: layout.cp, ep: layout.ep };
    if (base.model.moe && layout.etp !== undefined)
        p.etp = layout.etp;
    // A hand-made stage split or microbatch count only means something for the plan's own pp.
    const basePp = base.parallelism.pp ?? 1;
    if (layout.pp === basePp) {
        if (base.parallelism.layers_per_stage !== undefined)
            p.layers_per_stage = base.parallelism.layers_per_stage;
        if (base.parallelism.microbatches !== undefined)
            p.microbatches = base.parallelism.microbatches;
    }
    return withPlacementKeys(base, base.parallelism, p);
}
/**
 * The candidate's layout `p` with the placement keys of `own` (the plan's layout, or a pool's). SGLang's
 * placement keys say how the engine is launched, whatever the layout: whole (1) stays whole, an LM head
 * over the attention TP group (--enable-dp-lm-head) follows the candidate's tp, and a split travels where
 * it still divides the candidate's group (plan/dense-placement.ts).
 */
function withPlacementKeys(base, own, p) {
    const layout = resolveLayout(p);
    const group = denseGroup({ isMoe: base.model.moe !== undefined }, layout, engineProfile(base.deployment?.engine).densePlacement);
    // Whole shared experts come with a DeepEP or Mooncake all-to-all, which runs the experts by expert
    // parallelism alone over the engine's ranks (SGLang sets ep_size to tp_size): a candidate whose
    // experts are tensor-split cannot be launched so.
    const allToAll = layout.etp === 1 && layout.ep > 1 && layout.ep === group;
    for (const key of resolve_DENSE_PLACEMENT_KEYS) {
        const v = own[key];
        if (v === undefined)
            continue;
        if (key === 'shared_expert_tp' && v === 1 && !allToAll)
            continue;
        const next = key === 'lm_head_tp' && v === (own.tp ?? 1) ? (p.tp ?? 1) : v;
        if (group % next === 0)
            p[key] = next;
    }
    return p;
}
/** The placement keys of one layout ('undefined' when it states none). */
function placementKeys(p) {
    const out = {};
    for (const key of resolve_DENSE_PLACEMENT_KEYS)
        if (p?.[key] !== undefined)
            out[key] = p[key];
    return Object.keys(out).length > 0 ? out : undefined;
}
/** The placement keys a candidate plan carries: its layout's, or its pools'; undefined when none. */
function carriedPlacement(plan) {
    const d = plan.disaggregation;
    if (!d)
        return placementKeys(plan.parallelism);
    const prefill = placementKeys(d.prefill.parallelism);
    const decode = placementKeys(d.decode.parallelism);
    return prefill || decode ? { ...(prefill ? { prefill } : {}), ...(decode ? { decode } : {}) } : undefined;
}
/** "dense_tp=1 lm_head_tp=8", as the plan writes them ('' when none). */
function placementKeysText(keys) {
    return DENSE_PLACEMENT_KEYS.filter((k) => keys?.[k] !== undefined)
        .map((k) => `${k}=${keys[k]}`)
        .join(' ');
}
/** A layout in words with the placement keys its candidate carries: "tp=1 pp=1 dp=8 ep=8 etp=1 dense_tp=1". */
function candidate_layoutWithKeys(l, keys) {
    const carried = placementKeysText(keys);
    return carried ? `${layoutText(l)} ${carried}` : layoutText(l);
}
/**
 * The weight components fp8 quantization narrows: the linear layers. The engines' fp8 (vLLM and SGLang
 * --quantization fp8, TensorRT-LLM's FP8 checkpoints) keep the embedding and LM head in 16 bits.
 */
const FP8_NARROWED = (/* unused pure expression or super */ null && (['attention', 'mlp', 'experts']));
/** Whether making the weights fp8 would narrow any linear layer of the model. */
function fp8WouldNarrow(model) {
    return FP8_NARROWED.some((k) => isWiderThanFp8(model.weight_dtypes?.[k] ?? model.weight_dtype ?? DEFAULT_WEIGHT_DTYPE));
}
function fp8Weights(model) {
    const w = model.weight_dtypes ?? {};
    const narrowed = {
        ...Object.fromEntries(Object.entries(w).map(([k, v]) => [k, k !== 'embeddings' && isWiderThanFp8(v) ? 'fp8' : v])),
        // the embedding and LM head keep the dtype they had, which followed weight_dtype where not given
        embeddings: w.embeddings ?? model.weight_dtype ?? defaults_DEFAULT_WEIGHT_DTYPE,
    };
    // The KV cache keeps its own dtype: the default would follow the weights (16-bit stays 16-bit).
    const kv = model.kv_cache_dtype ?? (isWiderThanFp8(model.weight_dtype) ? (model.weight_dtype ?? 'bf16') : undefined);
    return {
        ...model,
        weight_dtype: 'fp8',
        weight_dtypes: narrowed,
        ...(kv !== undefined ? { kv_cache_dtype: kv } : {}),
    };
}
function workloadFor(base, v) {
    const w = { ...base };
    if (v.concurrency !== undefined)
        w.concurrency = v.concurrency;
    if (v.memory_fraction !== undefined)
        w.memory_fraction = v.memory_fraction;
    if (v.max_input_tokens !== undefined) {
        w.max_input_tokens = v.max_input_tokens;
        if (w.input_tokens !== undefined && w.input_tokens > v.max_input_tokens)
            w.input_tokens = v.max_input_tokens;
    }
    return w;
}
/**
 * The plan with the variation applied. Claims are left out: they state what the author's own
 * layout achieves, not what another layout would. Lines are dropped: they would point at keys
 * the candidate changed.
 */
function buildCandidatePlan(base, v) {
    const plan = base.plan;
    let model = plan.model;
    if (v.weight_dtype === 'fp8')
        model = fp8Weights(model);
    if (v.kv_cache_dtype === 'fp8')
        model = { ...model, kv_cache_dtype: 'fp8' };
    const candidate = {
        ...plan,
        model,
        hardware: { ...plan.hardware, gpus: v.gpus },
        parallelism: parallelismFor(plan, v.layout),
        workload: workloadFor(plan.workload, v),
        claims: {},
    };
    // an imported command's default memory flag stays what runs: only a variation that sets the flag changes it
    return { file: base.file, plan: candidate, lines: {}, origins: base.origins, ...(base.defaulted ? { defaulted: base.defaulted } : {}) };
}
/** The plan's own layout, as the engine-rule vocabulary writes it (etp made explicit for MoE). */
function planLayout(plan) {
    const p = plan.parallelism;
    const tp = p.tp ?? 1;
    const ep = p.ep ?? 1;
    const layout = { tp, pp: p.pp ?? 1, dp: p.dp ?? 1, cp: p.cp ?? 1, ep };
    if (plan.model.moe)
        layout.etp = p.etp ?? (ep === 1 ? tp : 1);
    return layout;
}
function layoutText(l) {
    const parts = [`tp=${l.tp}`, `pp=${l.pp}`, `dp=${l.dp}`];
    if (l.cp > 1)
        parts.push(`cp=${l.cp}`);
    if (l.ep > 1 || l.etp !== undefined)
        parts.push(`ep=${l.ep}`);
    if (l.etp !== undefined)
        parts.push(`etp=${l.etp}`);
    return parts.join(' ');
}

;// CONCATENATED MODULE: ./src/suggest/disagg-candidate.ts


const parallelismOf = (l) => ({
    tp: l.tp,
    pp: l.pp,
    dp: l.dp,
    cp: l.cp,
    ep: l.ep,
    ...(l.etp !== undefined ? { etp: l.etp } : {}),
});
const layoutOf = (spec, moe) => {
    const p = spec.parallelism ?? {};
    const tp = p.tp ?? 1;
    const ep = p.ep ?? 1;
    const l = { tp, pp: p.pp ?? 1, dp: p.dp ?? 1, cp: p.cp ?? 1, ep };
    if (moe)
        l.etp = p.etp ?? (ep === 1 ? tp : 1);
    return l;
};
/** The pools of a disaggregated plan as a search choice. */
function planDisaggChoice(plan) {
    const d = plan.disaggregation;
    if (!d)
        return null;
    const moe = plan.model.moe !== undefined;
    const pool = (spec) => {
        const layout = layoutOf(spec, moe);
        return { workers: spec.workers ?? 1, gpus: spec.gpus ?? layout.tp * layout.pp * layout.dp * layout.cp, layout };
    };
    return { prefill: pool(d.prefill), decode: pool(d.decode) };
}
/** The plan's own layout as a variation: its pools when it is disaggregated. */
function planVariation(plan, gpus) {
    const disaggregation = planDisaggChoice(plan);
    if (disaggregation)
        return { gpus, layout: disaggregation.decode.layout, disaggregation };
    return { gpus, layout: planLayout(plan) };
}
/** "6 x prefill (4 GPUs, tp=1 dp=4 ep=4) + 1 x decode (16 GPUs, tp=1 dp=16 ep=16)", each pool with the placement keys it carries. */
function disaggText(d, placement) {
    const pool = (name, p) => `${p.workers} x ${name} (${countOf(p.gpus, 'GPU')}, ${layoutWithKeys(p.layout, placement?.[name])})`;
    return `${pool('prefill', d.prefill)} + ${pool('decode', d.decode)}`;
}
/** "6P1D": the usual name of a worker mix. */
const mixText = (d) => `${d.prefill.workers}P${d.decode.workers}D`;
/**
 * The candidate plan of a variation. A disaggregated variation keeps the plan's own engine settings
 * of a pool (its memory flag, its batch budget or cap) only where that pool's worker layout is the plan's.
 */
function buildVariationPlan(base, v) {
    const candidate = buildCandidatePlan(base, v);
    const { disaggregation: _dropped, ...aggregated } = candidate.plan;
    if (!v.disaggregation)
        return { ...candidate, plan: aggregated };
    const own = base.plan.disaggregation;
    const same = (name) => {
        const ownChoice = planDisaggChoice(base.plan)?.[name];
        const chosen = v.disaggregation[name];
        const kept = own?.[name];
        // the pool's engine flags (SGLang's placement keys) travel with it, as an aggregated layout's do
        const parallelism = withPlacementKeys(base.plan, kept?.parallelism ?? {}, parallelismOf(chosen.layout));
        const spec = { workers: chosen.workers, gpus: chosen.gpus, parallelism };
        if (kept?.memory_fraction !== undefined)
            spec.memory_fraction = kept.memory_fraction;
        if (kept && ownChoice && layoutText(ownChoice.layout) === layoutText(chosen.layout) && ownChoice.gpus === chosen.gpus) {
            if (kept.max_batched_tokens !== undefined)
                spec.max_batched_tokens = kept.max_batched_tokens;
            if (kept.max_running_sequences !== undefined)
                spec.max_running_sequences = kept.max_running_sequences;
        }
        return spec;
    };
    const plan = {
        ...aggregated,
        parallelism: {},
        disaggregation: { prefill: same('prefill'), decode: same('decode'), ...(own?.kv_transfer ? { kv_transfer: own.kv_transfer } : {}) },
    };
    return { ...candidate, plan };
}

;// CONCATENATED MODULE: ./src/core/disagg-balance.ts
// Whether the two pools of a disaggregated deployment are sized to each other (check
// disaggregation.balance): under the plan's load, a pool idle more than 30% of the time is GPUs
// paid for and unused. The ratio that balances them keeps the work each pool does (its busy
// fraction times its workers) and shares the same devices out in proportion to it.
/** Below this busy fraction a pool counts as idle too much. */
const BALANCE_MIN_BUSY = 0.7;
/**
 * The whole-worker mix, on at most `totalGpus` devices, that leaves the most headroom: the load a
 * mix of x prefill and y decode workers can serve is min(x / needPrefill, y / needDecode) of the
 * plan's. Null when either pool did no measurable work.
 */
function balancedMix(busy, workers, gpusPerWorker, totalGpus) {
    const need = { prefill: busy.prefill * workers.prefill, decode: busy.decode * workers.decode };
    if (!(need.prefill > 0) || !(need.decode > 0))
        return null;
    let best = null;
    const maxPrefill = Math.floor((totalGpus - gpusPerWorker.decode) / gpusPerWorker.prefill);
    for (let x = 1; x <= maxPrefill; x++) {
        const y = Math.floor((totalGpus - x * gpusPerWorker.prefill) / gpusPerWorker.decode);
        if (y < 1)
            break;
        // Fewer decode workers may serve as much when prefill is the limit: take the fewest that do.
        const serves = Math.min(x / need.prefill, y / need.decode);
        const yMin = Math.max(1, Math.min(y, Math.ceil(serves * need.decode - 1e-9)));
        const gpus = x * gpusPerWorker.prefill + yMin * gpusPerWorker.decode;
        if (best === null || serves > best.headroom * (1 + 1e-9) || (Math.abs(serves - best.headroom) <= best.headroom * 1e-9 && gpus < best.gpus)) {
            best = { need, mix: { prefill: x, decode: yMin }, gpus, headroom: serves };
        }
    }
    return best;
}
/** "3P1D": the usual name of a mix. */
const mixName = (m) => `${m.prefill}P${m.decode}D`;

;// CONCATENATED MODULE: ./src/core/capacity.ts
// What a deployment's devices hold under its engine: memory per stage, the KV cache the engine logs,
// whether one request of the longest stated length can run, and how many sequences run at once.
// docs/formulas.md, "Memory per device" and "Memory as each engine counts it".



/** The windowed layers the engine frees outside their window, or null (none, or an engine that keeps every token in every layer). */
function kvWindowOf(facts, engine, stages = null) {
    if (!facts || facts.slidingWindow === null || facts.slidingLayers <= 0 || !FREES_OUTSIDE_WINDOW[engine])
        return null;
    // each stage pads its own groups (vllmHybridGroups): the model's padding is theirs together (whole
    // layers: a stage's share of each kind can be fractional)
    let padding = 0;
    for (const stage of engine === 'vllm' ? (stages ?? []) : []) {
        const groups = vllmHybridGroups(facts, stage);
        if (groups)
            padding += Math.max(0, vllmGroupPages(groups) - stageKvLayers(stage));
    }
    return { window: facts.slidingWindow, kind: facts.windowKind, layers: facts.slidingLayers, padding: Math.round(padding) };
}
/** Mean context a running sequence holds in a closed loop: its prompt and half its output. */
function meanContext(input, output) {
    return input + output / 2;
}
function memoryFigures(r, est, bound, stagesEst, stagesBound) {
    const { layout, hardware: hw, workload: wl } = r;
    const sequences = wl.concurrency !== undefined ? Math.ceil(wl.concurrency / layout.dp) : undefined;
    const maxContext = wl.maxInputTokens !== undefined && wl.maxOutputTokens !== undefined ? wl.maxInputTokens + wl.maxOutputTokens : undefined;
    // An open loop states no sequences in flight: memory is sized for one request of the longest
    // length (what memory.fits asks), the rest is the KV cache's, which the simulation fills.
    const memSequences = sequences ?? (wl.requestRate !== undefined ? 1 : undefined);
    let cond = engineConditions(wl, hw, memSequences, maxContext);
    const sharedMax = Math.floor((wl.maxInputTokens ?? 0) * wl.prefixHitRate);
    let memEst = est && stagesEst && memSequences !== undefined && maxContext !== undefined
        ? stageMemory(est, layout, cond, stagesEst, memSequences, maxContext, sharedMax)
        : null;
    // A plan silent on the memory flag is not failed for the engine's default: a deployment this tight
    // sets the flag. The figures then assume the lowest usual setting that holds one request.
    let raisedFraction = null;
    const noRoom = (mem) => mem.some((st) => st.pool !== null && st.pool < st.kvOne);
    if (memEst && est && stagesEst && !wl.memoryFractionGiven && hw.device && noRoom(memEst)) {
        for (const fraction of TIGHT_MEMORY_FRACTIONS.filter((f) => f > wl.memoryFraction)) {
            const raised = { ...cond, memoryFraction: fraction };
            const mem = stageMemory(est, layout, raised, stagesEst, memSequences, maxContext, sharedMax);
            if (noRoom(mem))
                continue;
            raisedFraction = { from: wl.memoryFraction, to: fraction };
            cond = raised;
            memEst = mem;
            break;
        }
    }
    // the least any engine holds of the checkpoint: its dense parts placed as thinly as any engine places them
    const floorSplit = bound ? denseSplit(bound, layout, 'floor') : null;
    const floorWeights = bound && floorSplit ? (s) => stageWeightBytes(bound, layout, s, null, floorSplit) : null;
    const weightsFloor = floorWeights && stagesBound ? maxOverStages(stagesBound, floorWeights) : null;
    // Exact once the KV facts are known (bound facts keep known KV sizes, unknown ones cost 0); sliding
    // layers hold only their window, the least any engine keeps.
    const kvFloor = bound && stagesBound && maxContext !== undefined ? maxOverStages(stagesBound, (s) => stageKvBytesPerSequence(bound, layout, s, maxContext)) : 0;
    // The pool needs the device, the weights and the activations, not the load: size it at one sequence when none is given.
    const poolMemory = est && stagesEst && hw.device ? (memEst ?? stageMemory(est, layout, cond, stagesEst, 1, maxContext ?? 1, 0)) : null;
    const kvCapacity = est && stagesEst && poolMemory
        ? kvCapacityTokens(est, layout, wl.engine, stagesEst, poolMemory, sequences ?? 1, wl.inputTokens !== undefined ? meanContext(wl.inputTokens, wl.outputTokens ?? 0) : 0, wl.kvCacheTokens)
        : null;
    let kvCapacityBound = null;
    if (bound && floorWeights && stagesBound && hw.device) {
        let tokens = Infinity;
        for (const s of stagesBound) {
            // the fewer of what the cache stores and what the engine counts (SGLang counts an fp8 sparse MLA latent short)
            const perToken = Math.min(stageKvBytesPerToken(bound, layout, s), stageCountedBytesPerToken(bound, layout, s, wl.engine));
            if (perToken > 0)
                tokens = Math.min(tokens, Math.max(0, hw.device.capacity - floorWeights(s)) / perToken);
        }
        // an engine told to allocate a pool (vLLM's block override) is taken at its word: the bound never sits below the estimate
        if (Number.isFinite(tokens))
            kvCapacityBound = Math.max(Math.floor(tokens), kvCapacity ?? 0);
    }
    let kvBudget = null;
    let maxRunning = null;
    let maxConcurrencyAtMaxContext = null;
    let reservedAtMaxContext = null;
    if (est && stagesEst && kvCapacity !== null) {
        const stage = stagesEst[0];
        const held = (context) => heldTokens(est, layout, wl.engine, stage, context);
        const shared = wl.inputTokens !== undefined ? Math.floor(wl.inputTokens * wl.prefixHitRate) : 0;
        const engineMax = wl.maxRunningSequences !== null ? Math.max(1, Math.floor(wl.maxRunningSequences / layout.dp)) : null;
        kvBudget = { capacityTokens: kvCapacity, heldTokens: held, sharedTokens: shared, engineMax };
        if (wl.inputTokens !== undefined && wl.outputTokens !== undefined) {
            const perReplica = maxRunningSequences(kvBudget, meanContext(wl.inputTokens, wl.outputTokens), sequences ?? Infinity);
            maxRunning = wl.concurrency !== undefined ? Math.min(wl.concurrency, perReplica * layout.dp) : perReplica * layout.dp;
        }
        if (maxContext !== undefined) {
            // vLLM counts each request at its start-up reservation (a sliding layer: its window and a chunk), not at what it holds running
            const reserved = (context) => reservedTokens(est, layout, wl.engine, stage, context, wl.maxBatchedTokens);
            reservedAtMaxContext = reserved(maxContext);
            maxConcurrencyAtMaxContext = maxRunningSequences({ ...kvBudget, heldTokens: reserved, sharedTokens: 0, engineMax: null }, maxContext) * layout.dp;
        }
    }
    let floorCheck = null;
    if (!memEst && weightsFloor !== null && hw.device) {
        // The most the engine could give weights and KV cache at a flag: its budget with no activations, no
        // overhead and the weights floor. Its pool may be below zero (weights past the flag's share): the limit
        // is then below the weights, which fail; never above the device (TensorRT-LLM's share of what is free).
        const device = hw.device;
        const limitAt = (memoryFraction) => {
            const most = deviceBudget({
                engine: wl.engine,
                memoryFraction,
                capacity: device.capacity,
                weights: weightsFloor,
                activations: 0,
                group: 1,
                device,
                cudaGraphs: false,
                runtimeOverride: 0,
            });
            return Math.min(weightsFloor + most.pool, device.capacity);
        };
        const fraction = Math.max(wl.memoryFraction, wl.memoryFractionGiven ? 0 : TIGHT_MEMORY_FRACTIONS.at(-1));
        floorCheck = {
            need: weightsFloor + kvFloor,
            limit: limitAt(fraction),
            fraction,
            stated: wl.memoryFractionGiven,
            ...(fraction !== wl.memoryFraction ? { atDefault: { fraction: wl.memoryFraction, limit: limitAt(wl.memoryFraction) } } : {}),
        };
    }
    const sizing = memEst && maxContext !== undefined ? { conditions: cond, maxContext, sharedMax } : null;
    const kvWindow = kvCapacity !== null ? kvWindowOf(est, wl.engine, stagesEst) : null;
    return {
        memEst,
        weightsFloor,
        kvFloor,
        kvCapacity,
        kvCapacityBound,
        kvBudget,
        maxRunning,
        maxConcurrencyAtMaxContext,
        reservedAtMaxContext,
        floorCheck,
        raisedFraction,
        sizing,
        kvWindow,
    };
}
/**
 * An open loop's memory once simulated: the KV cache of the sequences it had in flight at its peak
 * (at the longest context, at most the pool), with everything else as sized at start-up. Sized for
 * one request it read 26% on a deployment whose simulation filled its whole KV pool.
 */
function inFlightMemory(est, r, stages, memory, peakPerReplica) {
    const s = memory.sizing;
    if (!s || r.workload.requestRate === undefined)
        return memory.memEst;
    return stageMemory(est, r.layout, s.conditions, stages, Math.max(1, Math.ceil(peakPerReplica)), s.maxContext, s.sharedMax);
}

;// CONCATENATED MODULE: ./src/core/comm.ts
const NO_COMM = { transfer: 0, latency: 0 };
function addComm(a, b, times = 1) {
    return { transfer: a.transfer + b.transfer * times, latency: a.latency + b.latency * times };
}
/** The link a group uses; null when the plan does not give its bandwidth (unless unknown links are free). */
function linkFor(hw, spansNodes, bandwidthEfficiency, withLatency, unknownIsFree = false) {
    const bw = (spansNodes ? hw.interBandwidth : hw.intraBandwidth) ?? (unknownIsFree ? Infinity : undefined);
    if (bw === undefined)
        return null;
    return { bandwidth: bw * bandwidthEfficiency, latency: withLatency ? (spansNodes ? hw.interLatency : hw.intraLatency) : 0 };
}
function allReduce(bytes, group, link) {
    if (group <= 1 || bytes <= 0)
        return NO_COMM;
    return { transfer: ((2 * (group - 1)) / group) * (bytes / link.bandwidth), latency: link.latency };
}
/**
 * All-reduce as engines run it (NCCL): inside a node a ring, 2(g-1)/g of the message per rank; a
 * group that spans n nodes of k ranks each runs hierarchically: reduce-scatter and all-gather
 * inside the node (2(k-1)/k of the message over NVLink) and an all-reduce of each rank's 1/k
 * share across nodes (2(n-1)/n of M/k over the rank's own NIC), so each NIC carries only its
 * node-share (NCCL's tree/NVLS-tree algorithms). Null when a needed link is unknown.
 */
function allReduceExpected(bytes, p) {
    if (p.group <= 1 || bytes <= 0)
        return NO_COMM;
    if (p.perNode >= p.group)
        return p.intra ? allReduce(bytes, p.group, p.intra) : null;
    const nodes = p.group / p.perNode;
    if (!p.inter || (p.perNode > 1 && !p.intra))
        return null;
    const inside = p.perNode > 1 ? allReduce(bytes, p.perNode, p.intra) : NO_COMM;
    const across = allReduce(bytes / p.perNode, nodes, p.inter);
    return { transfer: inside.transfer + across.transfer, latency: inside.latency + across.latency };
}
/**
 * The least time ANY all-reduce algorithm can take (a bound must hold for NVLink SHARP, IB SHARP,
 * rings, trees alike): every rank must receive at least (g-1)/g of the message from outside itself
 * (all its links together), and when the group spans nodes each node must receive the reduction of
 * the others' data, M bytes, through the NICs of its k ranks. In-network reduction (NVLS) reaches
 * about M/bw per rank, below the ring's 2(g-1)/g M/bw, so the ring is not a floor.
 */
function allReduceFloor(bytes, p) {
    if (p.group <= 1 || bytes <= 0)
        return NO_COMM;
    const intraBw = p.intra?.bandwidth ?? Infinity;
    const interBw = p.inter?.bandwidth ?? Infinity;
    const spans = p.perNode < p.group;
    const ingress = spans ? intraBw + interBw : intraBw;
    let t = (((p.group - 1) / p.group) * bytes) / ingress;
    if (spans)
        t = Math.max(t, bytes / (p.perNode * interBw));
    return { transfer: t, latency: 0 };
}
function allToAll(bytesPerRank, group, link) {
    if (group <= 1 || bytesPerRank <= 0)
        return NO_COMM;
    return { transfer: (((group - 1) / group) * bytesPerRank) / link.bandwidth, latency: link.latency };
}
function pointToPoint(bytes, link) {
    if (bytes <= 0)
        return { transfer: 0, latency: link.latency };
    return { transfer: bytes / link.bandwidth, latency: link.latency };
}
/**
 * Rank order tp (innermost), cp, dp, pp (outermost), as Megatron-LM and vLLM lay them out:
 * the tp group spans nodes when tp > gpus_per_node; the expert group (ep*etp ranks inside the
 * tp*dp*cp block of a stage) when ep*etp > gpus_per_node; a stage boundary when one stage
 * (tp*cp*dp ranks) fills a node or more.
 */
function groupSpans(layout, hw) {
    const node = hw.gpusPerNode;
    return {
        tp: layout.tp > node,
        cp: layout.tp * layout.cp > node,
        ep: layout.ep * layout.etp > node,
        pp: layout.tp * layout.cp * layout.dp >= node,
    };
}

;// CONCATENATED MODULE: ./src/core/performance.ts
// Time of one forward pass of a pipeline stage, for prefill (TTFT), decode and the mixed passes of
// continuous batching. One cost model serves estimate and bound: the bound runs it with every
// efficiency at 1, no start-up latency, communication overlapped with compute, and the most
// favourable case the plan allows for routing, collectives and math (docs/formulas.md, "Time").
// A model is built once per (stage, mode) and then evaluates passes cheaply: the scheduler
// simulation (simulator.ts) asks for tens of thousands of them.






const BOUND_MODE = { efficiency: { compute: 1, memory: 1, network: 1 }, latency: false, overlap: true, unknownIsFree: true };
const EMPTY_PASS = {
    activeDp: 1,
    prefillTokens: 0,
    prefillPairsFull: 0,
    prefillPairsSliding: 0,
    prefillPairsTopK: 0,
    decodeSequences: 0,
    queryTokens: 1,
    decodeContext: 0,
    logitTokens: 0,
    weightReads: 1,
    eager: false,
};
/** A pass with the given fields, the rest empty. */
const makePass = (fields) => ({ ...EMPTY_PASS, ...fields });
/**
 * Dense peak for math with weights of this dtype. The estimate takes the expected kernels: fp8 and
 * fp4 on their own units where the chip has them (fp4 weights elsewhere as weight-only, 16-bit math),
 * int8 as W8A8 on int8 units, int4 as weight-only (16-bit math). The bound takes the fastest math the plan allows: int8 and 4-bit weights may run
 * with 8-bit or 4-bit activations (W8A8, W4A8, W4A4) on whatever low-precision unit is fastest.
 */
function peakFor(hw, dtype, mode = 'estimate') {
    const p16 = hw.peak16;
    if (p16 === undefined)
        return undefined;
    const int8 = hw.peakInt8 ?? (mode === 'bound' ? Math.max(2 * p16, hw.peakFp8 ?? 0) : undefined);
    if (mode === 'bound') {
        switch (dtype) {
            case 'fp8':
            case 'int8':
                return Math.max(p16, hw.peakFp8 ?? 0, int8 ?? 0);
            case 'fp4':
            case 'int4':
                return Math.max(p16, hw.peakFp4 ?? 0, hw.peakFp8 ?? 0, int8 ?? 0);
            default:
                return p16;
        }
    }
    if (dtype === 'fp8')
        return hw.peakFp8 ?? p16;
    // 4-bit weights on a chip without fp4 math run as weight-only (Marlin W4A16 and its kin).
    if (dtype === 'fp4')
        return hw.peakFp4 ?? p16;
    if (dtype === 'int8')
        return int8 ?? p16;
    return p16;
}
/** Expected distinct experts (of E, each token picking k distinct) touched by n tokens: E(1-(1-k/E)^n). */
function touchedExpertFraction(experts, topK, tokens) {
    return touchedExpertShare(experts, topK)(tokens);
}
/**
 * touchedExpertFraction for one model, as a function of the token count: 1 - (1 - k/E)^n computed as
 * 1 - exp(n ln(1 - k/E)) with the logarithm taken once (the power with a fractional n was a seventh
 * of a high-concurrency layout search).
 */
function touchedExpertShare(experts, topK) {
    if (experts <= 0)
        return () => 0;
    const missLog = Math.log1p(-Math.min(topK, experts) / experts);
    return (tokens) => {
        if (tokens <= 0)
            return 0;
        const x = tokens * missLog;
        // below e^-38 (under half an ulp of 1) the difference rounds to exactly 1: skip the exp
        return x < -38 ? 1 : 1 - Math.exp(x);
    };
}
/**
 * Share of its routed experts the busiest expert rank reads under the most favourable routing of
 * n > 0 tokens: every token picks top_k distinct experts, and a skewed router may send every token to
 * the same top_k. Those top_k experts sit on ep ranks at best evenly, so some rank holds at least
 * ceil(top_k / ep) of them out of its experts / ep. The bound must hold for that routing too.
 */
function leastTouchedExpertFraction(experts, topK, tokens, ep = 1) {
    if (experts <= 0 || tokens <= 0)
        return 0;
    const perRank = experts / Math.max(1, ep);
    return Math.min(1, Math.ceil(Math.min(topK, experts) / Math.max(1, ep)) / perRank);
}
/** Kernels one pass of the stage launches (each costs a fixed latency however little it does). */
function stageKernels(facts, stage) {
    const attention = KERNELS_ATTENTION + (facts.kvShardable ? 0 : KERNELS_MLA_EXTRA);
    const moe = KERNELS_MOE + (facts.sharedExperts > 0 ? KERNELS_SHARED_EXPERT : 0);
    return stage.layers * attention + stage.denseLayers * KERNELS_DENSE_MLP + stage.moeLayers * moe;
}
/**
 * Builds the per-device cost model of one stage: FLOPs, bytes and messages per token, per
 * attended pair and per decoding sequence, computed once. Null when a peak or bandwidth every pass
 * needs is missing (estimate mode).
 */
function stageCostModel(facts, layout, hw, stage, mode) {
    const isBound = mode.unknownIsFree;
    const kind = isBound ? 'bound' : 'estimate';
    // A missing figure stops an estimate; for a bound it is the cheapest case: infinitely fast.
    const orFree = (v) => v ?? (isBound ? Infinity : undefined);
    const peakAttn = orFree(peakFor(hw, facts.dtypes.attention, kind));
    const peakMlp = orFree(peakFor(hw, facts.dtypes.mlp, kind));
    const peakMlpUnquantized = orFree(peakFor(hw, facts.dtypes.mlpUnquantized, kind));
    const peakExp = orFree(peakFor(hw, facts.dtypes.experts, kind));
    const peakEmb = orFree(peakFor(hw, facts.dtypes.embeddings, kind));
    // Attention scores: 16-bit math in the expected case; a bound allows fp8 (or fp4) attention over
    // an fp8 (fp4) KV cache (FlashAttention-3 / FlashMLA fp8 kernels).
    const peakScores = orFree(isBound ? peakFor(hw, facts.dtypes.kv === 'fp4' ? 'fp4' : facts.dtypes.kv === 'fp8' ? 'fp8' : 'bf16', 'bound') : hw.peak16);
    const bw = orFree(hw.memoryBandwidth);
    if (!peakAttn || !peakMlp || !peakMlpUnquantized || !peakExp || !peakEmb || !peakScores || !bw)
        return null;
    const { tp, cp, ep, etp, edp } = layout;
    // With attention tensor-parallel over the whole replica (dp = cp = 1) every rank holds every token
    // after attention: expert-parallel ranks run their own experts on all of them and one all-reduce
    // combines the outputs, as tensor-parallel experts do. Tokens are dispatched and combined
    // all-to-all only when attention ranks hold different tokens (attention DP or CP).
    const tokensReplicated = layout.dp === 1 && cp === 1;
    const moeAllToAll = ep > 1 && !tokensReplicated;
    const eff = mode.efficiency;
    const b = facts.bytes;
    const L = stage.layers;
    const fullLayers = stageFullLayers(stage);
    // FLOPs per token (2 per multiply-add), seconds per FLOP by operand dtype.
    // Engines replicate some attention weights on every tp rank (MLA's down-projections, norms, KV
    // heads fewer than tp) and the router; a bound lets tp split all of it, as it does the indexer.
    const attnParams = isBound ? stageAttentionParamsPerRank(facts, 1, stage) / tp : stageAttentionParamsPerRank(facts, tp, stage);
    const router = isBound ? facts.router / tp : facts.router;
    const sAttn = 1 / (peakAttn * eff.compute);
    // Attention kernels and grouped expert GEMMs reach their own fractions of the peak (calibrated per
    // engine and hardware family; bounds run everything at 1).
    const sScores = 1 / (peakScores * eff.compute * (isBound ? 1 : hw.attentionEfficiency));
    const sMlp = 1 / (peakMlp * eff.compute);
    const sMlpUnquantized = 1 / (peakMlpUnquantized * eff.compute);
    const sExp = 1 / (peakExp * eff.compute * (isBound ? 1 : hw.expertEfficiency));
    const sEmb = 1 / (peakEmb * eff.compute);
    // Linear-attention layers update and read their state once per token (split over tp by heads).
    const linearShards = facts.linear ? Math.min(tp, facts.linear.shardableHeads) : 1;
    const stateFlopsPerToken = facts.linear ? (facts.linear.stateFlopsPerToken * stage.linearLayers) / linearShards : 0;
    /** seconds of compute per token on this device, experts excluded */
    const perTokenCompute = 2 * attnParams * sAttn +
        2 * (facts.denseMlp / tp) * ((stage.denseLayers - stage.unquantizedMlpLayers) * sMlp + stage.unquantizedMlpLayers * sMlpUnquantized) +
        2 * (facts.sharedExperts / tp + router) * stage.moeLayers * sMlp +
        stateFlopsPerToken * sScores;
    // A sparse-attention indexer scores every cached key in fp8; engines replicate it on every tp rank,
    // a bound lets tp split it.
    const indexer = facts.indexer;
    const peakIndexer = indexer ? orFree(peakFor(hw, 'fp8', kind)) : undefined;
    if (indexer && !peakIndexer)
        return null;
    const perIndexerPair = indexer ? (indexer.pairFlops * fullLayers) / (isBound ? tp : 1) : 0;
    const sIndexer = indexer ? 1 / (peakIndexer * eff.compute) : 0;
    /** seconds per token-expert pick reaching this device */
    const perPickCompute = 2 * facts.expert * stage.moeLayers * sExp;
    const vocab = facts.hidden > 0 ? facts.embedding / facts.hidden : 0;
    const perLogitCompute = stage.hasLmHead ? 2 * facts.hidden * (vocab / tp) * sEmb : 0;
    const perLogitFlops = stage.hasLmHead ? 2 * facts.hidden * (vocab / tp) : 0;
    const headsShare = 1 / tp;
    const perPairPrefill = facts.attnPairFlopsPrefill * headsShare;
    // An engine whose sparse-attention prompt kernel pads the heads (engines.ts, sparsePrefillHeadPad)
    // computes the absorbed form for that many heads once a pass holds a sequence beyond the top-k.
    const headPad = !isBound && indexer ? (hw.sparsePrefillHeadPad ?? 0) : 0;
    const perPairSparsePrefill = headPad > 0 ? (facts.attnPairFlopsDecode / facts.heads) * Math.max(headPad, facts.heads / tp) : perPairPrefill;
    const perPairDecode = facts.attnPairFlopsDecode * headsShare;
    // Bytes: weights read once per pass (routed experts only where some token picked them), KV.
    // With the experts spanning attention-DP ranks, SGLang splits the dense MLP, the shared experts and
    // the LM head over all of them, or as the plan's dense_tp, shared_expert_tp and lm_head_tp say
    // (memory.ts, denseSplit); a bound lets any engine split them over all of them.
    const split = denseSplit(facts, layout, isBound ? 'floor' : hw.engine ? engineProfile(hw.engine).densePlacement : 'replicated');
    const nonExpertWeights = attnParams * b.attention +
        stageDenseMlpBytes(facts, split.mlp, stage) +
        ((facts.sharedExperts / split.shared) * b.mlp + router * b.router) * stage.moeLayers +
        (stage.hasLmHead ? (facts.lmHead / split.lmHead) * b.embeddings : 0);
    const allExpertWeights = ((expertsPerDevice(facts, layout) * facts.expert) / etp) * b.experts * stage.moeLayers;
    // MLA: the prompt's tokens expand the latent cache through kv_b_proj, read at the checkpoint's bytes
    // (within nonExpertWeights); the decoding tokens' absorbed path reads the engine's own copy of its key
    // and value parts instead (memory.ts, mlaAbsorbedBytes: bf16 under vLLM and SGLang for an fp8
    // checkpoint), and a pass holding both reads both. A bound counts the checkpoint's bytes alone, the
    // least any engine reads.
    const mlaReads = !isBound && hw.engine ? stageMlaDecodeReads(facts, layout, stage, hw.engine, hw.device) : null;
    // Prompt tokens write their KV in the attention layers (linear layers keep a state, not a cache) and their indexer keys.
    const indexerWrite = indexer ? indexer.bytesPerToken * fullLayers : 0;
    // The expected share averages over expert ranks; the pass waits for the busiest, which reads at least
    // what the floor's most favourable routing leaves it (fewer tokens than expert groups: whichever
    // group gets a token reads ceil(top_k / ep) of its experts, not the average's fraction of one).
    const expectedTouched = touchedExpertShare(facts.experts, facts.topK);
    // the favourable routing's share is the same for any n > 0 tokens
    const leastTouched = leastTouchedExpertFraction(facts.experts, facts.topK, 1, ep);
    const touchedOf = isBound
        ? (n) => (n > 0 ? leastTouched : 0)
        : (n) => (n > 0 ? Math.max(expectedTouched(n), leastTouched) : 0);
    // Consecutive decode steps mostly carry the same token count: the last answer is kept.
    let touchedTokens = -1;
    let touchedShare = 0;
    const touched = (n) => {
        if (n !== touchedTokens) {
            touchedTokens = n;
            touchedShare = touchedOf(n);
        }
        return touchedShare;
    };
    const kvShards = kvShardsOverTp(facts, tp);
    const kvPerTokenLayer = facts.kvBytesPerTokenLayer / kvShards;
    const sBw = 1 / (bw * eff.memory);
    // Communication: every collective's time is linear in its bytes, so each is reduced once to
    // seconds per token plus a fixed latency.
    const spans = groupSpans(layout, hw);
    const link = (across) => linkFor(hw, across, eff.network, mode.latency, isBound);
    const h = facts.hidden;
    const tokenBytes = h * ACTIVATION_BYTES;
    let arPerToken = 0;
    let arLatency = 0;
    if (tp > 1) {
        const perNode = spans.tp ? Math.min(tp, hw.gpusPerNode) : tp;
        const placement = { group: tp, perNode, intra: perNode > 1 ? link(false) : null, inter: spans.tp ? link(true) : null };
        if (!isBound && ((perNode > 1 && !placement.intra) || (spans.tp && !placement.inter)))
            return null;
        const one = isBound ? allReduceFloor(tokenBytes, placement) : allReduceExpected(tokenBytes, placement);
        if (!one)
            return null;
        // One all-reduce after attention, one after each dense or tensor-parallel MoE block.
        const allReduces = L + stage.denseLayers + (ep === 1 || (tokensReplicated && !isBound) ? stage.moeLayers : 0);
        arPerToken = one.transfer * allReduces;
        arLatency = one.latency * allReduces;
    }
    // Expert dispatch and combine; a skewed router can keep every token on its own rank's experts,
    // so no all-to-all is part of a floor.
    let a2aPerPick = 0;
    let a2aLatency = 0;
    if (moeAllToAll && stage.moeLayers > 0) {
        const epLink = link(spans.ep);
        if (!epLink)
            return null;
        if (!isBound) {
            const one = allToAll(tokenBytes / (ep * etp), ep, epLink);
            a2aPerPick = 2 * one.transfer * stage.moeLayers;
            // each dispatch and combine also pays its kernel's fixed exchange (defaults.ts)
            const exchange = mode.latency ? EXPERT_EXCHANGE_LATENCY_S : 0;
            a2aLatency = 2 * (one.latency + exchange) * stage.moeLayers;
        }
    }
    const cpLink = cp > 1 ? link(spans.cp) : null;
    const kernels = stageKernels(facts, stage);
    const fixedKernelTime = mode.latency ? kernels * hw.kernelLatency : 0;
    // An eager pass launches the engine's own MLA prompt ops too (engines.ts, mlaEagerExtraKernels).
    const launchTime = (kernels + (facts.kvShardable ? 0 : stage.layers * (hw.mlaEagerExtraKernels ?? 0))) * hw.launchLatency;
    const perTokenFlops = 2 * attnParams + 2 * (facts.denseMlp / tp) * stage.denseLayers + 2 * (facts.sharedExperts / tp + router) * stage.moeLayers + stateFlopsPerToken;
    const perPickFlops = 2 * facts.expert * stage.moeLayers;
    const window = facts.slidingWindow;
    const kvWritePerToken = kvPerTokenLayer * (L - stage.linearLayers) + indexerWrite;
    // Decode reads the caches (a linear layer's state is also written back; a floor counts the read alone).
    let readCtx = -1;
    let readBytes = 0;
    const kvReadPerSequence = (ctx) => {
        if (ctx !== readCtx) {
            readCtx = ctx;
            readBytes = stageKvReadBytesPerSequence(facts, layout, stage, ctx, !isBound);
        }
        return readBytes;
    };
    // The figures of the last pass costed, in one object refilled each time: a simulated load asks for
    // hundreds of thousands of passes, most of which need only their seconds.
    const last = { compute: 0, memory: 0, transfer: 0, latency: 0, total: 0, flops: 0 };
    /** Costs a pass into `last`; false when the plan lacks a figure it needs. */
    const cost = (pass) => {
        const decodeTokens = pass.decodeSequences * pass.queryTokens;
        const rankTokens = pass.prefillTokens + decodeTokens;
        const tokens = rankTokens / cp;
        // Tokens entering one expert group: all active dp ranks' tokens, shared among edp groups.
        const groupTokens = (rankTokens * pass.activeDp) / Math.max(edp, 1e-9);
        const picksPerDevice = (groupTokens * facts.topK) / (ep * etp);
        const ctx = pass.decodeContext;
        const windowed = window === null ? ctx : windowKeys(ctx, window, facts.windowKind);
        const attendedFull = indexer ? Math.min(ctx, indexer.topK) : ctx;
        const prefillPairs = fullLayers * (indexer ? pass.prefillPairsTopK : pass.prefillPairsFull) + stage.slidingLayers * pass.prefillPairsSliding;
        const decodePairs = decodeTokens * (fullLayers * attendedFull + stage.slidingLayers * windowed);
        const sparsePass = headPad > 0 && pass.prefillPairsTopK < pass.prefillPairsFull;
        const scoreFlops = ((sparsePass ? perPairSparsePrefill : perPairPrefill) * prefillPairs + perPairDecode * decodePairs) / cp;
        const indexerFlops = indexer ? (perIndexerPair * (pass.prefillPairsFull + decodeTokens * ctx)) / cp : 0;
        const compute = tokens * perTokenCompute + picksPerDevice * perPickCompute + scoreFlops * sScores + indexerFlops * sIndexer + pass.logitTokens * perLogitCompute;
        const flops = tokens * perTokenFlops + picksPerDevice * perPickFlops + scoreFlops + indexerFlops + pass.logitTokens * perLogitFlops;
        const mlaDecode = mlaReads && decodeTokens > 0 ? (pass.prefillTokens > 0 ? mlaReads.decode : mlaReads.overCheckpoint) : 0;
        const weightBytes = nonExpertWeights + mlaDecode + allExpertWeights * touched(groupTokens);
        // Decoding sequences read their caches; every new token writes its KV.
        const kvRead = pass.decodeSequences > 0 ? pass.decodeSequences * kvReadPerSequence(ctx) : 0;
        const memory = (weightBytes * pass.weightReads + kvRead + (tokens * kvWritePerToken) / 1) * sBw;
        let transfer = 0;
        let latency = 0;
        if (tokens > 0) {
            transfer = tokens * arPerToken + groupTokens * facts.topK * a2aPerPick;
            latency = arLatency + (groupTokens > 0 ? a2aLatency : 0);
        }
        if (cp > 1 && pass.prefillTokens > 0) {
            if (!cpLink)
                return false;
            // Ring attention: each rank receives the other ranks' K/V blocks of every layer.
            const c = pointToPoint((pass.prefillTokens / cp) * kvPerTokenLayer * (cp - 1), cpLink);
            transfer += c.transfer * L;
            latency += c.latency * L;
        }
        const commTime = transfer + latency;
        const gpu = mode.overlap ? Math.max(compute, memory, commTime) : Math.max(compute, memory) + commTime + fixedKernelTime * pass.weightReads;
        // An eager pass cannot run ahead of the host launching its kernels.
        const total = mode.latency && pass.eager ? Math.max(gpu, launchTime * pass.weightReads) : gpu;
        last.compute = compute;
        last.memory = memory;
        last.transfer = transfer;
        last.latency = latency;
        last.total = total;
        last.flops = flops;
        return true;
    };
    return {
        evaluate(pass) {
            if (!cost(pass))
                return null;
            return { compute: last.compute, memory: last.memory, comm: { transfer: last.transfer, latency: last.latency }, total: last.total, flops: last.flops };
        },
        time(pass) {
            return cost(pass) ? last.total : null;
        },
    };
}
/**
 * The models built last, by the identity of their arguments: one verification asks for the same ones
 * several times (idle prefill, decode step, bounds), in its estimate and its bound mode. Resolved plans,
 * facts and stages are never changed once built, so a model built for the same objects is still right.
 * A few plain entries, not a WeakMap: weak keys by the thousand make every young-generation garbage
 * collection several times slower.
 */
const recent = [];
const RECENT_BUILT = 4;
/**
 * One model per stage, or null when any stage lacks a figure. Neighbouring stages that hold the same
 * layers (the middle stages of an even split) share one model, and runStages costs a pass through it once.
 */
function stageCostModels(facts, layout, hw, stages, mode) {
    for (const b of recent) {
        if (b.stages === stages && b.facts === facts && b.layout === layout && b.hw === hw && b.mode === mode)
            return b.models;
    }
    const models = buildStageCostModels(facts, layout, hw, stages, mode);
    if (recent.length >= RECENT_BUILT)
        recent.pop();
    recent.unshift({ stages, facts, layout, hw, mode, models });
    return models;
}
function buildStageCostModels(facts, layout, hw, stages, mode) {
    const models = [];
    for (let i = 0; i < stages.length; i++) {
        const s = stages[i];
        // an even split repeats a shape over neighbouring stages: they share the model
        const m = i > 0 && sameShape(s, stages[i - 1]) ? models[i - 1] : stageCostModel(facts, layout, hw, s, mode);
        if (!m)
            return null;
        models.push(m);
    }
    return models;
}
/** Cost of one pass through one stage (builds the model: for one-off use). */
function stagePass(facts, layout, hw, stage, pass, mode) {
    return stageCostModel(facts, layout, hw, stage, mode)?.evaluate(pass) ?? null;
}
/**
 * The link between pipeline stages, kept for the last layout, hardware and mode asked: a simulated
 * load asks for it on every pass (the objects are never changed once resolved).
 */
let lastHandoff = null;
function handoffLink(layout, hw, mode) {
    const c = lastHandoff;
    if (c !== null && c.layout === layout && c.hw === hw && c.mode === mode)
        return c.link;
    const link = linkFor(hw, groupSpans(layout, hw).pp, mode.efficiency.network, mode.latency, mode.unknownIsFree);
    lastHandoff = { layout, hw, mode, link };
    return link;
}
/** Activation hand-off between two pipeline stages. */
function stageHandoff(facts, layout, hw, tokens, mode) {
    if (layout.pp <= 1)
        return 0;
    const link = handoffLink(layout, hw, mode);
    if (!link)
        return null;
    const c = pointToPoint((tokens / layout.cp) * facts.hidden * ACTIVATION_BYTES, link);
    return c.transfer + c.latency;
}
function runStages(models, facts, layout, hw, pass, mode) {
    const perStage = [];
    for (let i = 0; i < models.length; i++) {
        const m = models[i];
        // a stage of the same shape as the one before shares its model: the same pass costs the same
        const c = i > 0 && models[i - 1] === m ? perStage[i - 1] : m.evaluate(pass);
        if (!c)
            return null;
        perStage.push(c);
    }
    const handoff = stageHandoff(facts, layout, hw, pass.prefillTokens + pass.decodeSequences * pass.queryTokens, mode);
    return handoff === null ? null : { perStage, handoff };
}
/**
 * Seconds of a pass through every stage: in turn (serialTime) or as a pipelined scheduler step
 * (pipelinedStepTime), the same figure as those of runStages, without building each stage's cost.
 */
function stagesTime(models, facts, layout, hw, pass, mode, how) {
    let sum = 0;
    let slowest = -Infinity;
    let t = 0;
    for (let i = 0; i < models.length; i++) {
        const m = models[i];
        // a stage of the same shape as the one before shares its model (stageCostModels): the same seconds
        if (i === 0 || models[i - 1] !== m) {
            const c = m.time(pass);
            if (c === null)
                return null;
            t = c;
        }
        sum += t;
        slowest = Math.max(slowest, t);
    }
    const handoff = stageHandoff(facts, layout, hw, pass.prefillTokens + pass.decodeSequences * pass.queryTokens, mode);
    if (handoff === null)
        return null;
    return how === 'serial' ? sum + (layout.pp - 1) * handoff : pipelined(slowest, handoff, layout);
}
/** Seconds of the slowest stage's share of a pass. */
function slowestStage(run) {
    let slowest = 0;
    for (const c of run.perStage)
        slowest = Math.max(slowest, c.total);
    return slowest;
}
/** Seconds of one pass through every stage in turn, hand-offs included (a lone pass: no pipelining). */
function serialTime(run, layout) {
    return run.perStage.reduce((s, c) => s + c.total, 0) + (layout.pp - 1) * run.handoff;
}
/**
 * Seconds of one scheduler step of a replica whose sequences are split into m microbatches over pp
 * stages: max(m, pp) slots of the slowest stage, plus the hand-offs.
 */
function pipelinedStepTime(run, layout) {
    return pipelined(slowestStage(run), run.handoff, layout);
}
/**
 * Microbatches a step fills: the plan's m, but no more than it has sequences (or prompt chunks) to
 * put in them. An empty microbatch costs nothing: 16 microbatches over pp 4 with one client charged
 * 16 slots of a sixteenth of a sequence, and its TPOT floor rose 4x.
 */
function filledMicrobatches(layout, items) {
    return Math.max(1, Math.min(Math.max(1, layout.microbatches), Math.ceil(items - 1e-9)));
}
/** The layout with `m` microbatches: the same object when that is its own. */
function withMicrobatches(layout, m) {
    return m === layout.microbatches ? layout : { ...layout, microbatches: m };
}
/** max(m, pp) slots of the slowest stage's `slowest` seconds, plus the hand-offs. */
function pipelined(slowest, handoff, layout) {
    const m = Math.max(1, layout.microbatches);
    return Math.max(m, layout.pp) * slowest + (layout.pp > 1 ? layout.pp * handoff : 0);
}
/** Sum over i in (from, to] of min(i, window): keys attended by query tokens from+1..to. */
function attendedPairs(from, to, window) {
    const full = (n) => (n * (n + 1)) / 2;
    if (window === null)
        return full(to) - full(from);
    return windowPairs(from, to, window, 'sliding');
}
/** (query, key) pairs of query tokens from+1..to in each kind of layer: full, windowed, behind the indexer's top-k. */
function layerPairs(facts, from, to) {
    const pairsFull = attendedPairs(from, to, null);
    return {
        pairsFull,
        pairsSliding: facts.slidingWindow === null ? pairsFull : windowPairs(from, to, facts.slidingWindow, facts.windowKind),
        // A selected key set of at most index_topk per query attends min(i, topk) keys, as a window of that size.
        pairsTopK: facts.indexer ? attendedPairs(from, to, facts.indexer.topK) : pairsFull,
    };
}
/** One request's prefill on an idle deployment: its chunks one after another, every stage in turn. */
function prefill(facts, layout, hw, workload, stages, inputTokens, mode) {
    const models = stageCostModels(facts, layout, hw, stages, mode);
    if (!models)
        return null;
    const cached = Math.floor(inputTokens * workload.prefixHitRate);
    const computed = Math.max(1, inputTokens - cached);
    const pairs = layerPairs(facts, cached, inputTokens);
    const budget = workload.maxBatchedTokens;
    if (mode.latency && computed > budget) {
        // A prompt longer than one pass runs chunk by chunk, as the engine (and the simulation) runs it:
        // each chunk its own pass, launched eagerly or replayed from a CUDA graph by its own size.
        let ttft = hw.requestOverhead;
        let perStage = null;
        for (let from = cached; from < inputTokens; from += budget) {
            const to = Math.min(inputTokens, from + budget);
            const chunk = layerPairs(facts, from, to);
            const run = runStages(models, facts, layout, hw, makePass({
                prefillTokens: to - from,
                prefillPairsFull: chunk.pairsFull,
                prefillPairsSliding: chunk.pairsSliding,
                prefillPairsTopK: chunk.pairsTopK,
                logitTokens: to === inputTokens ? 1 : 0,
                eager: !workload.cudaGraphs || to - from > workload.profile.prefillGraphMaxTokens,
            }), mode);
            if (!run)
                return null;
            ttft += serialTime(run, layout);
            perStage ??= run.perStage;
        }
        return { ttft, perStage: perStage, modelFlops: modelFlops(facts, computed, pairs.pairsFull, pairs.pairsSliding, 1, false, pairs.pairsTopK) };
    }
    const pass = makePass({
        prefillTokens: computed,
        prefillPairsFull: pairs.pairsFull,
        prefillPairsSliding: pairs.pairsSliding,
        prefillPairsTopK: pairs.pairsTopK,
        logitTokens: 1,
        weightReads: Math.ceil(computed / workload.maxBatchedTokens),
        // Engines replay a CUDA graph for a pass only up to their capture size (vLLM's piecewise graphs);
        // SGLang and TensorRT-LLM launch prefill passes eagerly.
        eager: !workload.cudaGraphs || Math.min(computed, workload.maxBatchedTokens) > workload.profile.prefillGraphMaxTokens,
    });
    const run = runStages(models, facts, layout, hw, pass, mode);
    if (!run)
        return null;
    // A bound holds for any engine: SGLang (and vLLM-Ascend's chunked pipeline) send one prompt's
    // chunks through the stages at once, each stage on a later chunk (SGLang docs, "Pipeline
    // Parallelism for Long Context"), so a pipelined prompt takes no less than its slowest stage's share.
    // Its last token still crosses every stage in turn, each reading its weights once more: a short
    // prompt's floor is that serial pass (Llama-70B pp 8, 128 tokens: 5.7 ms read, 41 ms of weights).
    const pipelinedChunks = !mode.latency && layout.pp > 1 && computed > 1;
    let ttft = serialTime(run, layout);
    if (pipelinedChunks) {
        const last = layerPairs(facts, inputTokens - 1, inputTokens);
        const lastRun = runStages(models, facts, layout, hw, makePass({
            prefillTokens: 1,
            prefillPairsFull: last.pairsFull,
            prefillPairsSliding: last.pairsSliding,
            prefillPairsTopK: last.pairsTopK,
            logitTokens: 1,
            eager: false,
        }), mode);
        if (!lastRun)
            return null;
        ttft = Math.max(slowestStage(run), serialTime(lastRun, layout));
    }
    ttft += mode.latency ? hw.requestOverhead : 0;
    return { ttft, perStage: run.perStage, modelFlops: modelFlops(facts, computed, pairs.pairsFull, pairs.pairsSliding, 1, false, pairs.pairsTopK) };
}
/** FLOPs of the whole model (one replica) for a pass; `pairsTopK` are the full layers' pairs behind a sparse-attention indexer. */
function modelFlops(facts, tokens, pairsFull, pairsSliding, logitTokens, decode, pairsTopK = pairsFull) {
    const full = facts.layers - facts.slidingLayers - facts.linearLayers;
    const pair = decode ? facts.attnPairFlopsDecode : facts.attnPairFlopsPrefill;
    const attended = facts.indexer ? pairsTopK : pairsFull;
    const indexer = facts.indexer ? facts.indexer.pairFlops * full * pairsFull : 0;
    const state = facts.linear ? tokens * facts.linear.stateFlopsPerToken * facts.linearLayers : 0;
    return (2 * tokens * facts.activeLayerParamsPerToken +
        pair * (full * attended + facts.slidingLayers * pairsSliding) +
        indexer +
        state +
        2 * logitTokens * facts.lmHead);
}
/** Keys one decoding query attends to in a windowed layer at `context`. */
function windowedKeys(facts, context) {
    return facts.slidingWindow === null ? context : windowKeys(context, facts.slidingWindow, facts.windowKind);
}
/** Query tokens a decoding sequence carries per step: its speculative proposals plus one. */
const queryTokensPerStep = (workload) => (workload.speculative ? workload.speculative.tokens + 1 : 1);
/** Extra time per step of MTP/EAGLE proposals: each proposed token costs about one more decoder layer. */
function speculativeFactor(facts, workload) {
    const spec = workload.speculative;
    if (spec && (spec.method === 'mtp' || spec.method === 'eagle') && facts.layers > 0)
        return 1 + spec.tokens / facts.layers;
    return 1;
}
/** One decode step of `concurrency` sequences (the whole deployment) at `context` tokens each. */
function decodeStep(facts, layout, hw, workload, stages, concurrency, context, mode) {
    const models = stageCostModels(facts, layout, hw, stages, mode);
    if (!models)
        return null;
    const { pp, dp } = layout;
    // A bound takes the engine's best fill: up to pp microbatches each crossing the stages; more read
    // the weights once more each (k slots of stage(B/k) >= pp slots of stage(B/pp)), and vLLM keeps
    // pp batches in flight whatever the plan's m (microbatches 4 over pp 2 halved the ceiling)
    const fill = filledMicrobatches(layout, concurrency / dp);
    const m = mode.latency ? fill : Math.min(fill, Math.max(1, pp));
    const filled = withMicrobatches(layout, m);
    const q = queryTokensPerStep(workload);
    const sequences = concurrency / dp / m;
    const pass = makePass({
        activeDp: dp,
        decodeSequences: sequences,
        queryTokens: q,
        decodeContext: context,
        logitTokens: sequences * q,
        // as the simulator's decode-only steps: a graph replays only up to the engine's largest captured batch
        eager: !workload.cudaGraphs || Math.ceil(concurrency / dp) > workload.profile.decodeGraphMaxBatch,
    });
    const run = runStages(models, facts, layout, hw, pass, mode);
    if (!run)
        return null;
    const { perStage } = run;
    // one microbatch crosses the stages in turn, as the simulation prices it (replicaStepCosts)
    const step = (m === 1 && pp > 1 ? serialTime(run, filled) : pipelinedStepTime(run, filled)) * speculativeFactor(facts, workload);
    const busy = perStage.reduce((s, c) => s + c.total, 0) * m;
    const bubbleFraction = pp > 1 ? Math.max(0, 1 - busy / (pp * step)) : 0;
    const worst = perStage.reduce((a, c) => (c.total > a.total ? c : a), perStage[0]);
    const commTime = worst.comm.transfer + worst.comm.latency;
    const boundBy = commTime > Math.max(worst.compute, worst.memory) ? 'communication' : worst.compute > worst.memory ? 'compute' : 'memory';
    const seqTokens = sequences * q;
    const topK = facts.indexer ? Math.min(context, facts.indexer.topK) : context;
    const flops = modelFlops(facts, seqTokens * m, seqTokens * context * m, seqTokens * windowedKeys(facts, context) * m, seqTokens * m, true, seqTokens * topK * m) * dp;
    return { step, perStage, tokensPerStep: workload.speculative ? workload.speculative.acceptance : 1, bubbleFraction, boundBy, flops };
}
/**
 * The physical ceiling of closed-loop throughput: each of the `concurrency/dp` sequences of a
 * replica is prefilled once and decoded (output-1)/accepted steps per lifetime, everything
 * overlapped (decode steps read the weights once whatever prompt tokens ride along, and prefill
 * compute adds to decode compute). Prefill passes of all dp replicas run at once, so their expert
 * work lands on the same expert devices (`pre` is built with activeDp = dp).
 */
function closedLoopBound(layout, concurrency, outputTokens, ttft, pre, dec) {
    const perReplica = concurrency / layout.dp;
    const steps = Math.max(0, outputTokens - 1) / dec.tokensPerStep;
    // the bound's decode step fills at most pp microbatches (decodeStep): pp slots a step
    const slots = layout.pp;
    const decodeCompute = Math.max(...dec.perStage.map((c) => c.compute)) * slots;
    const decodeMemory = Math.max(...dec.perStage.map((c) => c.memory)) * slots;
    // Pipelined prefills of different requests overlap across stages: the slowest stage paces them.
    const prefillCompute = Math.max(...pre.map((c) => c.compute));
    const prefillComm = Math.max(...pre.map((c) => c.comm.transfer + c.comm.latency));
    const decodeComm = Math.max(...dec.perStage.map((c) => c.comm.transfer + c.comm.latency)) * slots;
    const terms = [
        ['memory', steps * decodeMemory],
        ['compute', steps * decodeCompute + perReplica * prefillCompute],
        ['communication', steps * decodeComm + perReplica * prefillComm],
        // A request also waits for its own first token; the cycle cannot be shorter than its lifetime alone.
        ['lifetime', ttft + steps * dec.step],
    ];
    let [limitedBy, cycle] = terms[0];
    for (const [term, time] of terms.slice(1))
        if (time > cycle)
            [limitedBy, cycle] = [term, time];
    return { throughput: (concurrency * outputTokens) / cycle, cycle, limitedBy };
}
/** The prompt work of a pass holding several prompts' chunks: tokens, attended pairs, completed prompts. */
function segmentsWork(facts, segments) {
    let tokens = 0;
    let pairsFull = 0;
    let pairsSliding = 0;
    let pairsTopK = 0;
    let completes = 0;
    for (const s of segments) {
        tokens += s.to - s.from;
        const p = layerPairs(facts, s.from, s.to);
        pairsFull += p.pairsFull;
        pairsSliding += p.pairsSliding;
        pairsTopK += p.pairsTopK;
        if (s.completes)
            completes += 1;
    }
    return { tokens, pairsFull, pairsSliding, pairsTopK, completes };
}
/**
 * One prefill pass of a replica holding several prompts' chunks (continuous batching with chunked
 * prefill): the weights are read once, the pass launches its kernels once, every replica runs
 * such a pass at the same time. Seconds through every stage, or null when a figure is missing.
 */
function prefillPass(facts, layout, hw, stages, segments, mode) {
    const w = segmentsWork(facts, segments);
    if (w.tokens <= 0)
        return 0;
    const models = stageCostModels(facts, layout, hw, stages, mode);
    if (!models)
        return null;
    const pass = makePass({
        activeDp: layout.dp,
        prefillTokens: w.tokens,
        prefillPairsFull: w.pairsFull,
        prefillPairsSliding: w.pairsSliding,
        prefillPairsTopK: w.pairsTopK,
        logitTokens: w.completes,
        eager: true,
    });
    const run = runStages(models, facts, layout, hw, pass, mode);
    return run ? serialTime(run, layout) : null;
}

;// CONCATENATED MODULE: ./src/core/quantiles.ts
// Percentiles of a simulation's latencies without sorting them all: the three a summary reports
// need two order statistics each, which quickselect finds in linear time (sorting the 1,536 TTFTs
// of a wide closed loop cost a tenth of its simulation). The figures are those of percentile()
// over the sorted values: for numbers neither NaN nor zero the k-th smallest is one value
// whichever way it is found; with a NaN or a zero (whose sign a sort orders) they are sorted.
/** Linear-interpolated percentile of a sorted array, q in [0, 1]. */
function percentile(sorted, q) {
    if (sorted.length === 0)
        return NaN;
    const pos = q * (sorted.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
/** Rounds of partitioning after which a range is sorted instead (a pathological order). */
const MAX_ROUNDS = 48;
/** Moves the k-th smallest of a[lo..hi] to a[k], none larger before it and none smaller after (quickselect). */
function quantiles_select(a, lo, hi, k) {
    for (let round = 0; hi > lo; round++) {
        if (round === MAX_ROUNDS) {
            a.subarray(lo, hi + 1).sort();
            return;
        }
        // the median of the first, middle and last as the pivot: sorted runs partition evenly
        const mid = (lo + hi) >> 1;
        const x = a[lo];
        const y = a[mid];
        const z = a[hi];
        const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
        let i = lo;
        let j = hi;
        while (i <= j) {
            while (a[i] < pivot)
                i++;
            while (a[j] > pivot)
                j--;
            if (i <= j) {
                const t = a[i];
                a[i] = a[j];
                a[j] = t;
                i++;
                j--;
            }
        }
        // a[lo..j] <= pivot <= a[i..hi], and what lies between equals the pivot
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            return;
    }
}
/** percentile(sorted values, q) for each q of `qs`, which decrease. */
function percentilesOf(values, qs) {
    const a = new Float64Array(values);
    const n = a.length;
    let plain = n > 0;
    for (let i = 0; i < n && plain; i++)
        plain = a[i] !== 0 && !Number.isNaN(a[i]);
    if (!plain) {
        a.sort();
        return qs.map((q) => percentile(a, q));
    }
    const out = [];
    // a[0..bound-1] hold the `bound` smallest values; the one after a[k] in order lies in a[k+1..upper]
    let bound = n;
    let upper = n - 1;
    for (const q of qs) {
        const pos = q * (n - 1);
        const k = Math.floor(pos);
        if (k < bound) {
            quantiles_select(a, 0, bound - 1, k);
            upper = Math.min(bound, n - 1);
            bound = k;
        }
        let next = a[k];
        if (k < upper) {
            next = a[k + 1];
            for (let i = k + 2; i <= upper; i++)
                if (a[i] < next)
                    next = a[i];
        }
        out.push(a[k] + (next - a[k]) * (pos - k));
    }
    return out;
}

;// CONCATENATED MODULE: ./src/core/simulator.ts
// The engine's scheduler, simulated request by request (docs/formulas.md, "Serving under load").
// Every figure under load comes from here: TTFT, TPOT and throughput means, their percentiles,
// goodput. One replica is simulated (data-parallel replicas serve their share alike and step in
// lockstep, which the pass costs already account for); its passes cost what the core's cost model
// says. Two scheduling policies cover the engines:
//  - 'mixed' (vLLM V1, TensorRT-LLM in-flight batching): every step carries one token of each
//    running sequence, and prompt chunks fill the rest of the token budget (max_batched_tokens);
//  - 'prefill-first' (SGLang's default): while prompts wait and there is room, a prefill pass of
//    up to max_batched_tokens runs and decoding waits; otherwise one decode step of all running.
// A request is admitted (its prefill may start) only while fewer than `maxRunning` sequences hold
// KV cache: engines queue what does not fit. Decode steps between events are taken in strides
// (the batch is constant and the context grows linearly), so a run costs O(events), not O(tokens).



/** Beyond this many events a simulation stops (a hostile plan cannot stall a check). */
const MAX_EVENTS = 1_000_000;
/** Units of the plan's work budget (work-budget.ts) one simulated event costs. */
const SIMULATION_EVENT_WORK = 16;
/**
 * Events a run costs at most, about: each request arrives, has its prompt passes (one per chunk of
 * the budget, shared or not), joins and finishes. Callers shrink or refuse a run above their budget.
 */
function estimatedEvents(requests, longestInput, maxBatchedTokens) {
    return requests * (Math.ceil(longestInput / Math.max(1, maxBatchedTokens)) + 4);
}
/** Radical inverse of i in base b: a low-discrepancy sequence in [0, 1), spread evenly without randomness. */
function radicalInverse(i, base) {
    let f = 1;
    let r = 0;
    for (let n = i; n > 0; n = Math.floor(n / base)) {
        f /= base;
        r += f * (n % base);
    }
    return r;
}
/**
 * `count` lengths uniform in [ratio x longest, longest] whose mean is `mean` (longest = 2 mean / (1 + ratio)),
 * in a deterministic scrambled order (`base` differs for inputs and outputs so the two are uncorrelated).
 */
function benchmarkLengths(mean, ratio, count, base) {
    const longest = (2 * mean) / (1 + ratio);
    const shortest = ratio * longest;
    // equal lengths (a steady state's usual case): the same number without the sequence
    if (shortest === longest && Number.isFinite(longest))
        return new Array(count).fill(Math.max(1, Math.round(longest)));
    const out = [];
    for (let i = 0; i < count; i++) {
        const u = radicalInverse(i + 1, base);
        out.push(Math.max(1, Math.round(shortest + u * (longest - shortest))));
    }
    return out;
}
/** Deterministic PRNG (mulberry32): the same plan always gets the same arrivals. */
function prng(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/** Standard normal by Box-Muller. */
function normal(rand) {
    const u = Math.max(rand(), 1e-300);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}
/** Gamma(shape, 1) variate (Marsaglia-Tsang; shape < 1 by the boost u^(1/shape)). */
function gammaVariate(shape, rand) {
    if (shape < 1)
        return gammaVariate(shape + 1, rand) * Math.max(rand(), 1e-300) ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
        const x = normal(rand);
        const v = (1 + c * x) ** 3;
        if (v <= 0)
            continue;
        const u = rand();
        if (Math.log(Math.max(u, 1e-300)) < 0.5 * x * x + d - d * v + d * Math.log(v))
            return d * v;
    }
}
/**
 * Arrival times of `count` requests at `rate` per second: constant gaps, exponential gaps (poisson)
 * or gamma gaps of shape `burstiness` and the same mean (vLLM's benchmark --burstiness).
 *
 * Random gaps are rescaled so that the first `pinned` arrivals (default all) span exactly
 * pinned / rate seconds: one sample of a few thousand gamma gaps of shape 0.3 runs a few percent
 * off the stated rate, which would read as a deployment serving less than it is sent (a false
 * saturation) or more. The gaps keep their shape; only the sample's mean is pinned.
 */
function arrivalTimes(count, rate, process, burstiness, seed = 1, pinned = count) {
    const stream = arrivalStream(rate, process, burstiness, seed, pinned <= count ? pinned : 0, () => count);
    return Array.from({ length: count }, (_, i) => stream.at(i));
}
/**
 * The arrivals of arrivalTimes, drawn on demand (the same times, `pinned` first): a steady open
 * loop keeps arriving until its measured requests have finished.
 */
function arrivalStream(rate, process, burstiness, seed, pinned, limit) {
    const rand = prng(seed);
    const mean = 1 / rate;
    const raw = [];
    let t = 0;
    const draw = () => {
        raw.push(t);
        if (process === 'constant')
            t += mean;
        else if (process === 'poisson' || burstiness === 1)
            t += -Math.log(1 - rand()) * mean;
        else
            t += gammaVariate(burstiness, rand) * (mean / burstiness);
    };
    let scale = 1;
    if (process !== 'constant' && pinned > 0) {
        while (raw.length < pinned)
            draw();
        if (t > 0)
            scale = (pinned * mean) / t;
    }
    return {
        has: (i) => i < limit(),
        at: (i) => {
            while (raw.length <= i)
                draw();
            return scale === 1 ? raw[i] : raw[i] * scale;
        },
    };
}
function summarize(values) {
    let sum = 0;
    for (let i = 0; i < values.length; i++)
        sum += values[i];
    const [p99, p90, p50] = percentilesOf(values, [0.99, 0.9, 0.5]);
    return { mean: sum / values.length, p50, p90, p99 };
}
/**
 * Binary min-heap of running requests by finishStep. Each request's finishStep is kept beside it
 * (it is set before the push and not changed while running): a pop compares keys in one array
 * rather than reading a field of each request it passes (a heap of 1,024 sequences).
 */
class FinishHeap {
    items = [];
    keys = [];
    get size() {
        return this.items.length;
    }
    peek() {
        return this.items[0];
    }
    push(r) {
        const a = this.items;
        const keys = this.keys;
        const key = r.finishStep;
        a.push(r);
        keys.push(key);
        let i = a.length - 1;
        while (i > 0) {
            const p = (i - 1) >> 1;
            if (keys[p] <= key)
                break;
            a[i] = a[p];
            keys[i] = keys[p];
            i = p;
        }
        a[i] = r;
        keys[i] = key;
    }
    pop() {
        const a = this.items;
        const keys = this.keys;
        const top = a[0];
        const last = a.pop();
        const lastKey = keys.pop();
        const n = a.length;
        if (n > 0 && last) {
            let i = 0;
            for (;;) {
                const l = 2 * i + 1;
                const r = l + 1;
                let m = i;
                let best = lastKey;
                if (l < n && keys[l] < best) {
                    m = l;
                    best = keys[l];
                }
                if (r < n && keys[r] < best)
                    m = r;
                if (m === i)
                    break;
                a[i] = a[m];
                keys[i] = keys[m];
                i = m;
            }
            a[i] = last;
            keys[i] = lastKey;
        }
        return top;
    }
}
/** Most decode steps taken in one stride: the context's growth over a stride stays small. */
const MAX_STRIDE = 64;
/** Arrivals of a steady open loop of `n` measured requests: a quarter more, or twice what can be in flight. */
function steadyArrivals(n, inFlight, clients) {
    return n + Math.max(Math.ceil(n / 4), 2 * Math.min(inFlight, clients));
}
/**
 * A steady open loop's warm-up once its first request has finished: every request sent by then, at
 * most as many again as are measured (the measured ones then see the engine full, not filling).
 */
function warmupWhenFilled(sent, warmup, measured) {
    return sent > warmup + 1 ? Math.min(sent, warmup + measured) : warmup;
}
/** Simulates one replica serving `load`; null when a pass cost is missing. */
function simulate(load, engine, costs) {
    let n = Math.max(1, Math.floor(load.requests));
    let warmup = Math.min(Math.max(0, Math.floor(load.warmup)), n - 1);
    const measuredTarget = n - warmup;
    const tps = Math.max(1, engine.tokensPerStep);
    /** budget tokens a decoding sequence takes in a mixed pass */
    const perDecode = Math.max(1, engine.decodeBudgetTokens ?? tps);
    const budget = Math.max(1, Math.floor(engine.maxBatchedTokens));
    // a round trip of every in-flight pipeline batch: each has its own budget (one chunk per request)
    const stepRoom = budget * Math.max(1, Math.floor(engine.inFlightBatches ?? 1));
    const maxRunning = Math.max(1, Math.floor(engine.maxRunning));
    const recvInterval = Math.max(1, Math.floor(engine.recvInterval));
    const clients = Math.max(1, load.clients === Infinity ? Infinity : Math.floor(load.clients));
    // A steady open loop keeps arriving while the measured requests finish (no drained tail): as many
    // more as could be in flight beside them, twice over (a fixed quarter more ran dry while 4,000-token
    // answers drained: 4 requests/s read 14.0k tokens/s of the 16k sent, and the goodput search called
    // rates it kept up with saturated).
    const arrivalsAt = load.kind === 'open'
        ? arrivalStream(load.rate, load.arrival, load.burstiness, 1, n, () => (load.finite ? n : steadyArrivals(n, maxRunning, clients)))
        : null;
    // A steady open loop is measured once the engine has filled: what was sent before the first request
    // finished is warm-up too (at most as many again as the measured ones). A warm-up counted in requests
    // alone ended while two-minute answers were still filling the engine: the measured ones then decoded
    // in smaller batches than the steady state's, and a search run read 90% served at a rate it kept up with.
    let fillWarmup = load.kind === 'open' && !load.finite;
    // when the first measured request was sent (the window's start); finished requests are not kept
    let warmupSent = 0;
    const make = (i, sent) => {
        const input = load.inputs[i % load.inputs.length];
        const output = load.outputs[i % load.outputs.length];
        const r = {
            index: i,
            input,
            output,
            sent,
            arrives: sent + engine.requestOverhead,
            prefilled: Math.min(input - 1, Math.floor(input * engine.prefixHitRate)),
            firstToken: 0,
            finishStep: 0,
            contextBase: 0,
        };
        if (i === warmup)
            warmupSent = sent;
        return r;
    };
    // Requests on their way to the engine, in arrival order (a FIFO with a moving head).
    const pending = [];
    let pendingHead = 0;
    const waiting = []; // seen by the engine, prompt not fully prefilled, FIFO
    let waitingHead = 0;
    const running = new FinishHeap();
    let inPrefill = 0; // admitted (holding KV) but not yet decoding: waiting[waitingHead .. waitingHead+inPrefill)
    let decodeStep = 0;
    let contextBaseSum = 0;
    let t = 0;
    /** when the last request finished (a slot freed for a request the client's cap held back) */
    let lastFinish = 0;
    let sentCount = 0;
    let inFlight = 0;
    let nextOpen = 0; // next open-loop arrival to release
    const send = (at) => {
        if (sentCount >= n && load.finite)
            return;
        const r = make(sentCount++, at);
        inFlight++;
        // Keep the queue in arrival order (a request may be sent at a time before one already queued).
        let slot = pending.length;
        while (slot > pendingHead && pending[slot - 1].arrives > r.arrives)
            slot--;
        pending.splice(slot, 0, r);
    };
    const releaseOpen = () => {
        // Open loop: arrivals up to now, while fewer than `clients` are in flight (the client's cap).
        if (!arrivalsAt)
            return;
        // A request held back by the cap is sent when a slot frees: its TTFT counts from then.
        while (arrivalsAt.has(nextOpen) && arrivalsAt.at(nextOpen) <= t && inFlight < clients) {
            send(Math.max(arrivalsAt.at(nextOpen), lastFinish));
            nextOpen++;
        }
    };
    if (arrivalsAt) {
        releaseOpen();
    }
    else {
        for (let i = 0; i < Math.min(clients, n); i++)
            send(0);
    }
    const ttfts = [];
    const tpots = [];
    const e2es = [];
    let measuredDone = 0;
    let windowStart = NaN;
    let tokensAtStart = 0;
    let tokens = 0;
    let busy = 0;
    let busyAtStart = 0;
    let flops = 0;
    let flopsAtStart = 0;
    let steps = 0;
    let decodingSteps = 0;
    let batchSum = 0;
    // decode-only steps, each counted once per sequence in it
    let seqStepTime = 0;
    let seqSteps = 0;
    const minDecode = { batch: Infinity, context: Infinity };
    let peakRunning = 0;
    let events = 0;
    // The data-parallel ranks whose tokens share this rank's passes on the expert devices. Open-loop
    // ranks are busy independently, each as this one is. Ranks pass through the MoE layers together:
    // while another rank runs one long prompt pass this rank runs one pass too, so a pass carries
    // from each other rank its chance of being busy times its mean tokens a pass (not a mean over
    // time, which counted a long prompt pass again on every short decode step beside it).
    const ranks = Math.max(1, load.ranks);
    const independentRanks = load.kind === 'open' && ranks > 1;
    let ownTokens = 0;
    let ownPasses = 0;
    /** Ranks' worth of tokens a pass of `own` tokens carries to the expert devices (on a 1/64 grid: the step memo keys on it). */
    const activeRanks = (own) => {
        if (!independentRanks || ownPasses === 0)
            return independentRanks ? 1 : ranks;
        // busy share from one mean arrival gap before the start, as a rank idle until its first request
        const share = Math.min(1, busy / (t + 1 / Math.max(load.rate, 1e-9)));
        const others = share * (ownTokens / ownPasses);
        return Math.round((1 + ((ranks - 1) * others) / Math.max(1, own)) * 64) / 64;
    };
    // With an overlap scheduler a pass's outputs reach the client when the next pass ends: first
    // tokens and finishes wait here for it.
    const lagged = engine.outputLag > 0;
    let deferredFirst = [];
    let deferredFinish = [];
    /** Stamps what earlier passes produced; `at` is when the pass that followed them ended. */
    const release = (first, done, at) => {
        for (const r of first)
            r.firstToken = at;
        for (const r of done)
            finish(r, at);
    };
    let measuredOutput = 0;
    let measuredE2e = 0;
    const finish = (r, at) => {
        inFlight--;
        lastFinish = at;
        if (fillWarmup) {
            fillWarmup = false;
            const filled = warmupWhenFilled(sentCount, warmup, measuredTarget);
            if (filled !== warmup)
                [warmup, n, windowStart] = [filled, filled + measuredTarget, Number.NaN];
            // The first measured request was sent before this finish (more were sent than warm-up and
            // measured together): the window starts now, when its output and busy time are read, not at
            // that request's send (a span from then over counts from now read 3% busy and 317 tokens/s where the engine made at least 9,000).
            if (filled < sentCount)
                warmupSent = at;
        }
        if (r.index >= warmup && r.index < n) {
            measuredDone++;
            ttfts.push(r.firstToken - r.sent);
            e2es.push(at - r.sent);
            measuredOutput += r.output;
            measuredE2e += at - r.sent;
            if (r.output > 1)
                tpots.push((at - r.firstToken) / (r.output - 1));
        }
        if (!arrivalsAt) {
            // Closed loop: the client sends its next request at once.
            if (load.finite ? sentCount < n : measuredDone < measuredTarget)
                send(at);
        }
    };
    const noteWindowStart = () => {
        if (Number.isNaN(windowStart) && sentCount > warmup) {
            windowStart = warmupSent;
            tokensAtStart = tokens;
            busyAtStart = busy;
            flopsAtStart = flops;
            // the decode step the sequences saw, and its fewest sequences, over the measured window: an
            // open loop's first steps decode one sequence while it fills
            [seqStepTime, seqSteps, minDecode.batch, minDecode.context] = [0, 0, Infinity, Infinity];
        }
    };
    const join = (r) => {
        // First token out at the end of the pass that completed its prompt (a step later with overlap).
        tokens += 1;
        if (lagged)
            deferredFirst.push(r);
        else
            r.firstToken = t;
        if (r.output <= 1) {
            if (lagged)
                deferredFinish.push(r);
            else
                finish(r, t);
            return;
        }
        r.finishStep = decodeStep + Math.ceil((r.output - 1) / tps);
        // context = input + 1 + (decodeStep - joinStep) * tps
        r.contextBase = r.input + 1 - decodeStep * tps;
        contextBaseSum += r.contextBase;
        running.push(r);
    };
    const retire = () => {
        for (let top = running.peek(); top && top.finishStep <= decodeStep; top = running.peek()) {
            running.pop();
            contextBaseSum -= top.contextBase;
            if (lagged)
                deferredFinish.push(top);
            else
                finish(top, t);
        }
    };
    const meanContext = (extraSteps = 0) => (running.size === 0 ? 0 : (contextBaseSum + running.size * (decodeStep + extraSteps) * tps) / running.size);
    const slotsFree = () => maxRunning - running.size - inPrefill;
    /** Fills one pass's prompt budget from the waiting queue, oldest first; admits new prompts while KV slots are free. */
    const fillPrefill = (room) => {
        let left = room;
        const work = { tokens: 0, pairsFull: 0, pairsSliding: 0, pairsTopK: 0, completes: 0 };
        const completed = [];
        for (let i = waitingHead; i < waiting.length && left > 0; i++) {
            const r = waiting[i];
            if (i - waitingHead >= inPrefill) {
                if (slotsFree() <= 0)
                    break;
                inPrefill++;
            }
            const take = Math.min(r.input - r.prefilled, left, budget);
            const from = r.prefilled;
            const to = from + take;
            work.tokens += take;
            const p = load.pairs(from, to);
            work.pairsFull += p.pairsFull;
            work.pairsSliding += p.pairsSliding;
            work.pairsTopK += p.pairsTopK;
            left -= take;
            r.prefilled = to;
            if (to >= r.input) {
                work.completes++;
                completed.push(r);
            }
        }
        return work.tokens > 0 ? { work, completed } : null;
    };
    const popCompleted = (completed) => {
        // The pass took the oldest prompts in order: all it completed lead the queue.
        waitingHead += completed.length;
        inPrefill -= completed.length;
        if (waitingHead > 1024 && waitingHead * 2 > waiting.length) {
            waiting.splice(0, waitingHead);
            waitingHead = 0;
        }
        for (const r of completed)
            join(r);
    };
    // Attention-DP balance: steps this rank has held its new prompts, and how often a rank has any
    // waiting (the chance that all ranks have one at once is that share to the power of the ranks).
    const balance = engine.balance && engine.balance.ranks > 1 && engine.balance.timeoutSteps > 0 ? engine.balance : null;
    let heldSteps = 0;
    let stepsWithWaiting = 0;
    // TensorRT-LLM's timeout counter is one for all ranks (_balance_adp_requests): it counts every step
    // since prompts were last scheduled, not since this prompt arrived, and the step that brings it to
    // timeoutSteps schedules what waits (nothing, when no prompt does) and starts it again.
    let sinceRelease = 0;
    /** Steps a new prompt is held on a decoding rank: until all ranks have one (expected), at most the timeout. */
    const holdLimit = () => {
        if (!balance)
            return 0;
        const share = steps > 0 ? Math.min(1, stepsWithWaiting / steps) : 0;
        const allRanks = share ** (balance.ranks - 1);
        return Math.min(balance.timeoutSteps, allRanks > 0 ? Math.ceil(1 / allRanks) - 1 : balance.timeoutSteps);
    };
    // TensorRT-LLM's batch waiting: steps the engine has held new prompts since it last scheduled some.
    const batchWait = engine.batchWait && engine.batchWait.timeoutSteps > 0 && engine.batchWait.tokenRatio > 0 ? engine.batchWait : null;
    let batchWaited = 0;
    // TensorRT-LLM counts a decoding sequence as 1 + its draft tokens, whatever is accepted.
    const waitDecodeTokens = Math.max(1, batchWait?.tokensPerDecode ?? tps);
    /** Tokens TensorRT-LLM's check counts: the waiting prompts one pass would take whole (a first one in part), plus the decodes. */
    const batchWaitTokens = (decoding) => {
        const room = budget - decoding * waitDecodeTokens;
        let ctx = 0;
        let slots = slotsFree();
        for (let i = waitingHead; i < waiting.length && slots > 0; i++, slots--) {
            const r = waiting[i];
            const need = r.input - r.prefilled;
            if (ctx + need > room) {
                if (ctx === 0)
                    ctx = Math.max(0, room);
                break;
            }
            ctx += need;
        }
        return ctx + decoding * waitDecodeTokens;
    };
    let truncated = false;
    while (load.finite ? measuredDone < measuredTarget || running.size > 0 || sentCount < n : measuredDone < measuredTarget) {
        if (++events > MAX_EVENTS) {
            truncated = true;
            break;
        }
        // about 2 µs an event, like parsing some 16 characters: the plan's work budget counts it too
        chargeWork(SIMULATION_EVENT_WORK);
        releaseOpen();
        // A busy scheduler reads its queue only every recvInterval steps; an idle one at once.
        const idle = running.size === 0 && waiting.length === waitingHead;
        if (idle || steps % recvInterval === 0) {
            while (pendingHead < pending.length && pending[pendingHead].arrives <= t)
                waiting.push(pending[pendingHead++]);
        }
        if (pendingHead > 1024 && pendingHead * 2 > pending.length) {
            pending.splice(0, pendingHead);
            pendingHead = 0;
        }
        noteWindowStart();
        const batch = running.size;
        let hasWaiting = waiting.length > waitingHead && (inPrefill > 0 || slotsFree() > 0);
        let holdLeft = 0;
        if (balance && hasWaiting && inPrefill === 0 && batch > 0) {
            holdLeft = Math.min(balance.timeoutSteps - 1 - sinceRelease, holdLimit() - heldSteps);
            if (holdLeft > 0)
                hasWaiting = false;
        }
        let waitLeft = 0;
        if (batchWait && hasWaiting && inPrefill === 0 && batch > 0 && batchWaited < batchWait.timeoutSteps) {
            if (batchWaitTokens(batch) < batchWait.tokenRatio * budget) {
                waitLeft = batchWait.timeoutSteps - batchWaited;
                hasWaiting = false;
            }
        }
        if (hasWaiting && (engine.policy === 'prefill-first' || batch * perDecode < stepRoom || batch === 0)) {
            // A pass with prompt work: prefill alone (prefill-first) or riding along the decodes (mixed).
            const decoding = engine.policy === 'mixed' ? batch : 0;
            const filled = fillPrefill(stepRoom - (engine.policy === 'mixed' ? Math.min(stepRoom - 1, decoding * perDecode) : 0));
            if (filled) {
                heldSteps = 0;
                sinceRelease = 0;
                // TensorRT-LLM runs its check, and so restarts the count, only on a step with decodes.
                if (batch > 0)
                    batchWaited = 0;
                if (balance)
                    stepsWithWaiting++;
                const own = filled.work.tokens + decoding;
                const cost = costs.step(filled.work, decoding, meanContext(), activeRanks(own));
                if (!cost)
                    return null;
                ownTokens += own;
                ownPasses++;
                const dt = cost.time + engine.stepOverhead;
                const [first, done] = [deferredFirst, deferredFinish];
                deferredFirst = [];
                deferredFinish = [];
                t += dt;
                release(first, done, t);
                busy += dt;
                flops += cost.flops;
                steps++;
                if (decoding > 0) {
                    decodeStep++;
                    decodingSteps++;
                    batchSum += decoding;
                    tokens += decoding * tps;
                    retire();
                }
                popCompleted(filled.completed);
                peakRunning = Math.max(peakRunning, running.size + inPrefill);
                continue;
            }
        }
        if (batch > 0) {
            // Decode steps until the next event: a sequence finishes, or a request reaches the engine.
            const top = running.peek();
            let stride = Math.min(MAX_STRIDE, Math.max(1, top.finishStep - decodeStep));
            const dp = activeRanks(batch);
            const probeContext = meanContext((stride - 1) / 2);
            const probe = costs.step(null, batch, probeContext, dp);
            if (!probe)
                return null;
            const dt1 = probe.time + engine.stepOverhead;
            const nextArrival = nextEventTime();
            if (nextArrival !== null && (engine.policy === 'prefill-first' || batch * perDecode < stepRoom)) {
                // Stop at the first step boundary after the next request arrives that reads the queue.
                let k = Math.max(0, Math.ceil((nextArrival - t) / dt1));
                if (recvInterval > 1)
                    k += (recvInterval - ((steps + k) % recvInterval)) % recvInterval;
                stride = Math.max(1, Math.min(stride, k));
            }
            // Outputs held by an overlap scheduler go out when this step ends: a closed loop's client may
            // then send at once, so take this one step alone.
            if (deferredFirst.length > 0 || deferredFinish.length > 0)
                stride = 1;
            if (holdLeft > 0) {
                stride = Math.min(stride, holdLeft);
                heldSteps += stride;
            }
            if (waitLeft > 0) {
                stride = Math.min(stride, waitLeft);
                batchWaited += stride;
            }
            if (balance && waiting.length > waitingHead)
                stepsWithWaiting += stride;
            if (balance)
                sinceRelease = (sinceRelease + stride) % balance.timeoutSteps;
            // the context each step of the stride is priced at (the probe's when it runs alone)
            const context = stride === 1 ? probeContext : meanContext((stride - 1) / 2);
            const cost = stride === 1 ? probe : costs.step(null, batch, context, dp);
            if (!cost)
                return null;
            ownTokens += batch * stride;
            ownPasses += stride;
            const dt = (cost.time + engine.stepOverhead) * stride;
            const [first, done] = [deferredFirst, deferredFinish];
            deferredFirst = [];
            deferredFinish = [];
            release(first, done, t + cost.time + engine.stepOverhead);
            t += dt;
            busy += dt;
            flops += cost.flops * stride;
            steps += stride;
            decodingSteps += stride;
            batchSum += batch * stride;
            seqStepTime += batch * stride * cost.time;
            seqSteps += batch * stride;
            minDecode.batch = Math.min(minDecode.batch, batch);
            minDecode.context = Math.min(minDecode.context, context);
            tokens += batch * tps * stride;
            decodeStep += stride;
            retire();
            continue;
        }
        // Idle: outputs still held by the overlap scheduler go out now; wait for the next request.
        if (deferredFirst.length > 0 || deferredFinish.length > 0) {
            const [first, done] = [deferredFirst, deferredFinish];
            deferredFirst = [];
            deferredFinish = [];
            release(first, done, t);
            continue;
        }
        const next = nextEventTime();
        if (next === null)
            break; // nothing left to come
        t = Math.max(t, next);
    }
    function nextEventTime() {
        let next = pendingHead < pending.length ? pending[pendingHead].arrives : null;
        if (arrivalsAt?.has(nextOpen) && inFlight < clients) {
            const a = arrivalsAt.at(nextOpen) + engine.requestOverhead;
            next = next === null ? a : Math.min(next, a);
        }
        return next;
    }
    if (ttfts.length === 0)
        return null;
    const start = Number.isNaN(windowStart) ? 0 : windowStart;
    const end = load.finite ? Math.max(t, lastFinish) : lastFinish;
    const span = Math.max(end - start, 1e-12);
    return {
        requests: sentCount,
        measured: measuredDone,
        ttft: summarize(ttfts),
        tpot: tpots.length > 0 ? summarize(tpots) : null,
        e2e: summarize(e2es),
        throughput: load.finite
            ? tokens / Math.max(end, 1e-12)
            : load.kind === 'closed'
                ? // Each client's cycle is its request's end-to-end time (renewal-reward: output per cycle over
                    // cycle length); a window from the first measured send to the last measured finish cuts the
                    // waves of a mixed schedule at different phases and read 5-16% low.
                    (clients * measuredOutput) / Math.max(measuredE2e, 1e-12)
                : (tokens - tokensAtStart) / span,
        wallTime: end,
        steps,
        meanBatch: decodingSteps > 0 ? batchSum / decodingSteps : 0,
        meanDecodeStep: seqSteps > 0 ? seqStepTime / seqSteps : null,
        minDecode: seqSteps > 0 ? minDecode : null,
        peakRunning,
        busyFraction: Math.min(1, (busy - busyAtStart) / span),
        flopsPerSecond: (flops - flopsAtStart) / span,
        truncated,
    };
}

;// CONCATENATED MODULE: ./src/core/saturation.ts
/** Share of the offered rate a run may complete before its capacity is asked (a run's window edges). */
const KEEPS_UP = 0.95;
/** The same for a steady loop (no declared run): only its window's sampling noise is allowed. */
const STEADY_KEEPS_UP = 0.99;
/**
 * An open loop's figures against the deployment's capacity (`capacity`, simulated only when the run
 * completed less than KEEPS_UP of what arrived: a run that keeps up is not saturated). Saturated: the
 * offered rate exceeds the capacity; `servedRate` is then the capacity's. A steady loop past it
 * serves the capacity, however much more arrives (the window of an ever longer queue read less the
 * more arrived); a declared run keeps its own throughput, ramp and drain included, as a benchmark
 * reports it.
 */
function againstCapacity(f, rate, declared, capacity) {
    if (f.kind !== 'open')
        return { ...f, saturated: false };
    // What a steady loop that keeps up serves is what arrives: its window can read a little above it
    // (12 requests/s of 256 tokens read 3,082.9 tokens/s), never more in the long run.
    const offered = (rate * f.throughput) / Math.max(f.servedRate, 1e-12);
    // A steady loop has no ramp and tail to excuse a shortfall: one that completed a little less than
    // arrived may be a queue growing just too slowly to show in its window (6 requests/s arrive, 5.79
    // complete, capacity 5.78/s), so its capacity decides.
    if (f.servedRate >= (declared ? KEEPS_UP : STEADY_KEEPS_UP) * rate)
        return { ...f, saturated: false, ...(declared ? {} : { throughput: Math.min(f.throughput, offered) }) };
    const cap = capacity();
    if (!cap)
        return f;
    const capacityRate = cap.servedRate;
    if (rate <= capacityRate) {
        // Keeps up: a steady loop then serves what arrives (its window still filling read 14.0k tokens/s
        // of 16k sent, Llama 70B at 4 requests/s of 4,000-token answers), no more than the capacity's.
        return {
            ...f,
            saturated: false,
            capacityRate,
            ...(f.servedRate >= KEEPS_UP * rate ? { keptUpInRun: true } : {}),
            ...(declared ? {} : { throughput: Math.min(offered, cap.throughput), servedRate: Math.min(rate, capacityRate) }),
        };
    }
    return { ...f, saturated: true, servedRate: capacityRate, capacityRate, throughput: declared ? f.throughput : cap.throughput };
}
/**
 * What the goodput search's rates are capped at: the steady capacity, as many clients as the
 * deployment holds at once, no more than the plan's cap in flight. Not its declared run's requests:
 * the search runs steady loops whatever the plan's own run (Llama 70B pp8 read 10.8/s with a declared
 * run of 200 requests beside 28.8/s without, the 200 clients' capacity).
 */
function goodputCapacityClients(wl, holds) {
    return Math.max(1, Math.min(holds, wl.concurrency ?? Infinity));
}
/**
 * The closed loop an open loop's capacity is measured on: as many clients as the deployment holds at
 * once (`holds`), no more than the plan's cap on requests in flight or its declared run's requests.
 */
function capacityLoad(wl, holds) {
    const clients = Math.max(1, Math.min(holds, wl.concurrency ?? Infinity, wl.benchmark?.requests ?? Infinity));
    return { requestRate: undefined, benchmark: null, concurrency: clients };
}

;// CONCATENATED MODULE: ./src/core/step-memo.ts
/** Lookups before the memo judges whether it pays, and the share of them that must have been repeats. */
const MEMO_TRIAL = 256;
const MEMO_MIN_HIT_SHARE = 0.25;
// The bits of a double, to hash numbers without turning them into text.
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
function mix(h, x) {
    f64[0] = x;
    const a = Math.imul(h ^ u32[0], 0x9e3779b1);
    const b = Math.imul(a ^ u32[1], 0x85ebca77);
    return b ^ (b >>> 15);
}
/** Remembers `costs.step` by its arguments. */
function memoStepCosts(costs) {
    const table = new Map();
    let lookups = 0;
    let hits = 0;
    let on = true;
    return {
        step(work, batch, context, activeDp) {
            if (on && ++lookups === MEMO_TRIAL && hits < MEMO_TRIAL * MEMO_MIN_HIT_SHARE) {
                on = false;
                table.clear();
            }
            if (!on)
                return costs.step(work, batch, context, activeDp);
            const tokens = work === null ? -1 : work.tokens;
            const w = work ?? NO_PROMPT;
            const ranks = activeDp ?? -1;
            let h = mix(mix(mix(mix(0, tokens), batch), context), ranks);
            if (work !== null)
                h = mix(mix(mix(mix(h, w.pairsFull), w.pairsSliding), w.pairsTopK), w.completes);
            const first = table.get(h);
            for (let e = first; e !== undefined; e = e.next) {
                if (Object.is(e.tokens, tokens) &&
                    Object.is(e.batch, batch) &&
                    Object.is(e.context, context) &&
                    Object.is(e.ranks, ranks) &&
                    Object.is(e.pairsFull, w.pairsFull) &&
                    Object.is(e.pairsSliding, w.pairsSliding) &&
                    Object.is(e.pairsTopK, w.pairsTopK) &&
                    Object.is(e.completes, w.completes)) {
                    hits++;
                    return e.cost;
                }
            }
            const cost = costs.step(work, batch, context, activeDp);
            const { pairsFull, pairsSliding, pairsTopK, completes } = w;
            table.set(h, { tokens, pairsFull, pairsSliding, pairsTopK, completes, batch, context, ranks, cost, next: first });
            return cost;
        },
    };
}
const everyFieldKeyed = true;
void everyFieldKeyed;
const NO_PROMPT = { tokens: -1, pairsFull: 0, pairsSliding: 0, pairsTopK: 0, completes: 0 };

;// CONCATENATED MODULE: ./src/core/estimates.ts
// Every estimate and bound of a plan: memory per stage, KV capacity, idle TTFT, decode step, the
// plan's load simulated request by request (TTFT, TPOT, throughput, percentiles, goodput), once at
// the plan's efficiencies and, for the bounds, with every efficiency at 1.








/**
 * The TTFT under load: the simulated mean, never below the idle TTFT, which the contract makes its
 * floor. With mixed prompt lengths the simulated mean can dip under the idle figure (taken at the
 * mean length) where short prompts run much faster than the mean one (vLLM's captured graphs up to
 * 512 tokens: DeepSeek-V3 on B200, 1,024-token prompts of range ratio 0.3, 107.9 against 109.9 ms).
 */
function loadedTtft(mean, idle) {
    if (mean === undefined)
        return idle;
    return idle !== null ? Math.max(mean, idle) : mean;
}
/**
 * Floor of every request's end-to-end latency: its first token no sooner than the TTFT floor, each
 * later token no sooner than the TPOT floor after it (a lone output token: the TTFT floor alone).
 */
function e2eFloor(c, outputTokens) {
    if (c.ttftFloor === null || outputTokens === undefined)
        return null;
    if (outputTokens <= 1)
        return c.ttftFloor;
    return c.tpotFloor === null ? null : c.ttftFloor + (outputTokens - 1) * c.tpotFloor;
}
/**
 * An open loop's throughput ceiling: no more requests completed than the deployment's physical
 * request rate allows, each of `outputTokens` (the stated rate itself is no bound: a measured run's
 * random arrivals may come faster than stated); with `bound`, the lower of the two. A closed loop's
 * (`requestRate` undefined) is `bound` as it is.
 */
function openLoopThroughputBound(bound, requestRate, rateBound, outputTokens) {
    if (requestRate === undefined || rateBound === null || outputTokens === undefined)
        return bound;
    const ceiling = rateBound * outputTokens;
    return bound === null ? ceiling : Math.min(bound, ceiling);
}
/** Which plan keys the time estimates need beyond the model's shape. */
function timeMissing(r, plan) {
    const m = [];
    const hw = r.hardware;
    if (hw.peak16 === undefined)
        m.push('hardware.peak_tflops');
    if (hw.memoryBandwidth === undefined)
        m.push('hardware.memory_bandwidth');
    const { tp, ep, cp, pp } = r.layout;
    const talks = tp > 1 || (ep > 1 && plan.model.moe !== undefined) || cp > 1 || pp > 1;
    if (talks && hw.intraBandwidth === undefined)
        m.push('hardware.intra_node_bandwidth');
    if ((hw.gpus ?? r.layout.worldSize) > hw.gpusPerNode && hw.interBandwidth === undefined)
        m.push('hardware.inter_node_bandwidth');
    return m;
}
/** Latency requirements judged against simulated figures (goodput holds them all). */
const LATENCY_KEYS = ['ttft', 'tpot', 'ttft_p50', 'ttft_p90', 'ttft_p99', 'tpot_p50', 'tpot_p90', 'tpot_p99', 'e2e_p99'];
/** The simulated figure a latency requirement is judged against, seconds. */
function latencyFigure(out, key) {
    switch (key) {
        case 'ttft':
            return out.ttft.mean;
        case 'tpot':
            return out.tpot?.mean ?? null;
        case 'ttft_p50':
            return out.ttft.p50;
        case 'ttft_p90':
            return out.ttft.p90;
        case 'ttft_p99':
            return out.ttft.p99;
        case 'tpot_p50':
            return out.tpot?.p50 ?? null;
        case 'tpot_p90':
            return out.tpot?.p90 ?? null;
        case 'tpot_p99':
            return out.tpot?.p99 ?? null;
        case 'e2e_p99':
            return out.e2e.p99;
    }
}
function compute(loaded, r, est, bound, options = {}) {
    const { layout, hardware: hw, workload: wl } = r;
    const plan = loaded.plan;
    const stagesEst = est ? buildStages(est, layout.pp, layout.layersPerStage) : null;
    const stagesBound = bound ? buildStages(bound, layout.pp, layout.layersPerStage) : null;
    const memory = memoryFigures(r, est, bound, stagesEst, stagesBound);
    // Sequences the KV cache holds (0: not one, memory.fits fails); one runs at least in the simulation.
    const room = runningRoom(r, memory);
    const maxRunning = room === null ? null : Math.max(1, room);
    // A KV cache that holds no sequence of the workload's length serves nothing (memory.fits fails): no
    // request is prefilled or decoded, so no time is estimated, only the bounds (a physical floor still
    // rules out a requirement). Llama 3.1 70B on one H100 read "TTFT not computable · TPOT not
    // computable · decode step 63.4 ms".
    const noRoom = room === 0;
    const estMode = { efficiency: hw.efficiency, latency: true, overlap: false, unknownIsFree: false };
    const finite = (v) => (v === undefined || v === null || !Number.isFinite(v) || v <= 0 ? null : v);
    const estModels = est && stagesEst ? stageCostModels(est, layout, hw, stagesEst, estMode) : null;
    const boundModels = bound && stagesBound ? stageCostModels(bound, layout, hw, stagesBound, BOUND_MODE) : null;
    // Idle TTFT: one request alone; its floor is the floor of every TTFT under load.
    const idleEst = !noRoom && est && stagesEst && wl.inputTokens !== undefined ? prefill(est, layout, hw, wl, stagesEst, wl.inputTokens, estMode) : null;
    const idleBound = bound && stagesBound ? prefill(bound, layout, hw, wl, stagesBound, wl.inputTokens ?? 1, BOUND_MODE) : null;
    // The decode step at the batch that actually runs: the plan's concurrency, or what the KV cache holds.
    const running = wl.concurrency !== undefined ? Math.min(wl.concurrency, (maxRunning ?? Infinity) * layout.dp) : undefined;
    // What runs at once in the whole deployment: the engine's cap and the KV cache, at most the load.
    const deploymentRunning = maxRunning !== null ? Math.min(wl.concurrency ?? Infinity, maxRunning * layout.dp) : memory.maxRunning;
    const meanContext = wl.inputTokens !== undefined ? wl.inputTokens + (wl.outputTokens ?? 0) / 2 : undefined;
    // For a bound, an unknown prompt is the cheapest (1 token) and unknown output endless decoding.
    const boundContext = (wl.inputTokens ?? 1) + (wl.outputTokens ?? 0) / 2;
    const stepsAt = (batch) => ({
        est: !noRoom && est && stagesEst && batch !== undefined && meanContext !== undefined && wl.outputTokens !== undefined
            ? decodeStep(est, layout, hw, wl, stagesEst, batch, meanContext, estMode)
            : null,
        bound: bound && stagesBound && batch !== undefined ? decodeStep(bound, layout, hw, wl, stagesBound, batch, boundContext, BOUND_MODE) : null,
    });
    let { est: decEst, bound: decBound } = stepsAt(running);
    // Throughput ceiling: the plan's concurrency all decoding (a larger batch is never slower per token).
    let throughputBound = null;
    let throughputBoundBy;
    if (bound && stagesBound && boundModels && wl.concurrency !== undefined) {
        const full = decodeStep(bound, layout, hw, wl, stagesBound, wl.concurrency, boundContext, BOUND_MODE);
        if (full && finite(full.step) !== null) {
            if (wl.outputTokens === undefined)
                throughputBound = finite((wl.concurrency * full.tokensPerStep) / full.step);
            else {
                const pre = boundPrefillPass(bound, r, boundModels, wl.inputTokens ?? 1);
                if (pre) {
                    const loop = closedLoopBound(layout, wl.concurrency, wl.outputTokens, idleBound?.ttft ?? 0, pre, full);
                    throughputBound = finite(loop.throughput);
                    throughputBoundBy = loop.limitedBy;
                }
            }
        }
    }
    // The load, simulated.
    const costs = est && stagesEst && estModels ? replicaStepCosts(est, r, estModels, estMode) : null;
    // nothing runs (noRoom): no load is simulated
    const simulated = options.load !== false && !noRoom;
    const which = options.quick ? 'quick' : 'plan';
    const loadResult = simulated && costs && est && maxRunning !== null ? simulateLoad(r, est, costs, maxRunning, which) : null;
    // What the deployment completes when never short of work: a closed loop at what it holds at once
    // (the engine's running cap over every rank), the goodput search's upper end; and an open loop's
    // capacity, that closed loop at no more than the plan's cap in flight or its declared run's requests
    // (saturation.ts). Each is simulated once, when first asked.
    const slots = maxRunning !== null ? maxRunning * layout.dp : null;
    const closedAt = memoLoad((clients, run) => costs && est && maxRunning !== null ? saturationLoad(r, est, costs, maxRunning, clients, run) : null);
    const saturation = () => (slots !== null ? closedAt(slots, 'plan') : null);
    const capacityRun = () => {
        if (slots === null)
            return null;
        // the same run as the goodput search's upper end when no cap applies (closedAt remembers it)
        return closedAt(capacityLoad(wl, slots).concurrency, which);
    };
    const simulatedLoad = loadResult && 'outcome' in loadResult ? loadResult : null;
    const load = simulatedLoad && wl.requestRate !== undefined ? againstCapacity(simulatedLoad, wl.requestRate, wl.benchmark !== null, capacityRun) : simulatedLoad;
    const loadSkipped = loadResult && 'skipped' in loadResult ? loadResult.skipped : null;
    const tokensPerStep = wl.speculative ? wl.speculative.acceptance : 1;
    // An open loop's batch is what its arrivals keep in flight, not its cap (0.2 requests/s under a cap
    // of 256 ran 1.2 sequences: the step at 256 read 24.4 ms beside a TPOT of 8.1). Its decode step is
    // the one its sequences saw in the simulation (at light load a MoE rank decodes alone, its experts
    // fed by no other rank: the step at the mean batch on every rank at once read 17.5 ms beside a TPOT
    // of 13.4); the breakdown and the fallback (no decode-only step) are at the mean batch. That step is
    // a mean over steps, each at its own batch and context: its floor is the step at the fewest
    // sequences and shortest context any of them had (a step's cost only grows with either, but jumps:
    // a pipeline fills a microbatch more, a CUDA graph pads, a sliding window stops growing). At the
    // plan's mean context, Llama 8B pp2 at 14,749-token prompts of spread lengths read a 33.0 ms floor
    // beside the 32.9 ms its decoding sequences, shorter than the mean, saw.
    let step = decEst?.step ?? null;
    if ((running === undefined || wl.requestRate !== undefined) && load && load.outcome.meanBatch > 0) {
        ({ est: decEst, bound: decBound } = stepsAt(Math.max(1, Math.round(load.outcome.meanBatch * layout.dp))));
        const fewest = load.outcome.meanDecodeStep !== null ? load.outcome.minDecode : null;
        if (fewest && bound && stagesBound)
            decBound = decodeStep(bound, layout, hw, wl, stagesBound, fewest.batch, Math.min(fewest.context, boundContext), BOUND_MODE);
        step = decEst ? (load.outcome.meanDecodeStep ?? decEst.step) : null;
    }
    const req = plan.requirements;
    const latencyReqs = LATENCY_KEYS.filter((k) => req[k] !== undefined);
    const wantGoodput = simulated && (options.goodput === true || req.request_rate !== undefined || (wl.requestRate !== undefined && latencyReqs.length > 0));
    const maxRequestRate = wantGoodput && costs && est && maxRunning !== null
        ? goodput(r, est, costs, maxRunning, req, latencyReqs, saturation, ownOpenLoop(wl.requestRate, load, options.quick, wl.benchmark !== null), () => slots !== null ? (closedAt(goodputCapacityClients(wl, slots), which)?.servedRate ?? null) : null)
        : null;
    // An open loop that keeps up: what it could serve at most, its clients' cap included. Screening
    // (quick) leaves it out: a layout search verifies what it shows again in full.
    const capacity = load?.kind === 'open' && !load.saturated && !options.quick ? (capacityRun()?.throughput ?? null) : null;
    const gpus = hw.gpus ?? layout.worldSize;
    const computeUtilization = load && hw.peak16 ? (load.outcome.flopsPerSecond * layout.dp) / (gpus * hw.peak16) : null;
    const rateBound = requestRateBound(bound, r, stagesBound, boundModels, throughputBound, BOTH_PARTS);
    const closedLoopCeiling = throughputBound;
    throughputBound = openLoopThroughputBound(throughputBound, wl.requestRate, rateBound, wl.outputTokens);
    if (throughputBound !== null && throughputBound !== closedLoopCeiling)
        throughputBoundBy = 'request-rate';
    // An open loop's devices hold what its simulation had in flight at the peak, not one request.
    const memEst = load && est && stagesEst ? inFlightMemory(est, r, stagesEst, memory, load.outcome.peakRunning) : memory.memEst;
    return {
        stagesEst,
        stagesBound,
        ...memory,
        memEst,
        // not one sequence runs where not one fits (the simulation's cap stays at least one)
        maxRunning: noRoom ? 0 : deploymentRunning,
        runningPerReplica: maxRunning,
        ttft: loadedTtft(load?.outcome.ttft.mean, idleEst?.ttft ?? null),
        ttftIdle: idleEst?.ttft ?? null,
        ttftFloor: finite(idleBound?.ttft),
        step,
        stepFloor: finite(decBound?.step),
        tpot: load ? (load.outcome.tpot?.mean ?? null) : null,
        tpotFloor: finite(bound && stagesBound && (wl.concurrency !== undefined || wl.requestRate !== undefined) && wl.outputTokens !== undefined && wl.outputTokens > 1
            ? tpotFloor(bound, r, stagesBound, tokensPerStep)
            : null),
        // a run's sampled lengths can average a hair past the stated mean the ceiling is priced at (182.85
        // beside 182.83 tokens/s: 1-token answers of range ratio 0, so 0 to 2)
        throughput: load ? (throughputBound !== null ? Math.min(load.throughput, throughputBound) : load.throughput) : null,
        throughputBound,
        ...(throughputBoundBy !== undefined ? { throughputBoundBy } : {}),
        computeUtilization,
        bubble: decEst?.bubbleFraction ?? null,
        stageDecode: decEst ? decEst.perStage.map((p) => p.total) : null,
        boundDecodeBy: decBound?.boundBy ?? null,
        boundBy: decEst?.boundBy ?? null,
        load,
        maxRequestRate,
        requestRateBound: rateBound,
        capacity,
        loadSkipped,
        noRoom,
        routedExperts: est?.experts ?? 0,
    };
}
/**
 * Sequences one replica runs at once: the engine's cap, and what its KV cache holds (engine-memory.ts,
 * maxRunningSequences). Paged engines (vLLM, SGLang) hold each running sequence's tokens so far, on
 * average its prompt and half its output; TensorRT-LLM's default scheduler reserves the whole request
 * at admission.
 */
function runningCap(r, memory) {
    const fits = runningRoom(r, memory);
    return fits === null ? null : Math.max(1, fits);
}
/** Sequences the KV cache holds at the workload's context (0: not one; the memory check fails). */
function runningRoom(r, memory) {
    const wl = r.workload;
    if (!memory.kvBudget || wl.inputTokens === undefined || wl.outputTokens === undefined)
        return null;
    const context = wl.profile.reservesWholeSequence ? wl.inputTokens + wl.outputTokens : wl.inputTokens + wl.outputTokens / 2;
    return maxRunningSequences({ ...memory.kvBudget, engineMax: wl.maxRunningCap }, context);
}
/** The prefill pass of one prompt on every replica at once (their expert work meets on the expert devices). */
function boundPrefillPass(facts, r, models, input) {
    const wl = r.workload;
    const cached = Math.floor(input * wl.prefixHitRate);
    const computed = Math.max(1, input - cached);
    const pairs = layerPairs(facts, cached, input);
    const pass = makePass({
        activeDp: r.layout.dp,
        prefillTokens: computed,
        prefillPairsFull: pairs.pairsFull,
        prefillPairsSliding: pairs.pairsSliding,
        prefillPairsTopK: pairs.pairsTopK,
        logitTokens: 1,
    });
    return runStages(models, facts, r.layout, r.hardware, pass, BOUND_MODE)?.perStage ?? null;
}
/**
 * TPOT floor under load: while other requests wait for their first token, fewer sequences decode,
 * down to one per replica (a closed loop whose prompts queue, an open loop at a low rate, a run's
 * tail), so the floor is one sequence's step at the shortest context. An overlap scheduler returns
 * each output `lag` passes late but the last one on time when the engine goes idle after it: a
 * request of n tokens may show only (n - 1) / tokensPerStep - lag steps between its first and last
 * token, so the floor is that share of the n - 1 tokens' steps, at the shortest output of two or more
 * tokens (the TPOT of one token is not defined); none when nothing is left of it.
 */
function tpotFloor(facts, r, stages, tokensPerStep) {
    const wl = r.workload;
    const ratio = wl.benchmark?.inputRangeRatio ?? 1;
    const shortest = wl.inputTokens !== undefined ? Math.max(1, Math.floor(((2 * wl.inputTokens * ratio) / (1 + ratio)) * (1 - wl.prefixHitRate))) : 1;
    const step = decodeStep(facts, r.layout, r.hardware, wl, stages, r.layout.dp, shortest, BOUND_MODE)?.step;
    if (step === undefined)
        return null;
    const lag = wl.profile.outputLagSteps;
    if (lag === 0 || wl.outputTokens === undefined)
        return step / tokensPerStep;
    const ratioOut = wl.benchmark?.outputRangeRatio ?? 1;
    const fewest = Math.max(2, Math.floor((2 * wl.outputTokens * ratioOut) / (1 + ratioOut) + 1e-9));
    const share = Math.max(0, 1 - (lag * tokensPerStep) / (fewest - 1));
    return (step / tokensPerStep) * share;
}
const BOTH_PARTS = { prefill: true, decode: true };
function requestRateBound(facts, r, stages, models, throughputBound, parts) {
    const wl = r.workload;
    if (!facts || !stages || !models || wl.inputTokens === undefined || wl.outputTokens === undefined)
        return null;
    const { layout } = r;
    const q = queryTokensPerStep(wl);
    const steps = parts.decode ? Math.max(0, wl.outputTokens - 1) / (wl.speculative ? wl.speculative.acceptance : 1) : 0;
    const pre = boundPrefillPass(facts, r, models, wl.inputTokens);
    const dec = runStages(models, facts, layout, r.hardware, makePass({ activeDp: layout.dp, decodeSequences: 1, queryTokens: q, decodeContext: wl.inputTokens + wl.outputTokens / 2, logitTokens: q }), BOUND_MODE);
    if (!pre || !dec)
        return null;
    // Per device: the seconds one request per replica costs; stages work on different requests at once.
    let worst = 0;
    for (let i = 0; i < stages.length; i++) {
        const kvRead = stageKvBytesPerSequence(facts, layout, stages[i], wl.inputTokens + wl.outputTokens / 2) / (r.hardware.memoryBandwidth ?? Infinity);
        const work = Math.max((parts.prefill ? pre[i].compute : 0) + steps * dec.perStage[i].compute, steps * kvRead);
        worst = Math.max(worst, work);
    }
    let bound = worst > 0 ? layout.dp / worst : Infinity;
    if (wl.concurrency !== undefined && wl.requestRate === undefined && throughputBound !== null)
        bound = Math.min(bound, throughputBound / wl.outputTokens);
    return Number.isFinite(bound) && bound > 0 ? bound : null;
}
/** Step costs of one replica at the estimate's efficiencies, for the simulator. */
function replicaStepCosts(facts, r, models, mode) {
    const { layout, hardware: hw, workload: wl } = r;
    const engine = wl.profile;
    const q = queryTokensPerStep(wl);
    const spec = speculativeFactor(facts, wl);
    const m = Math.max(1, layout.microbatches);
    const graphs = wl.cudaGraphs;
    const perBatch = Math.max(1, wl.maxBatchedTokens);
    // the layout with fewer microbatches filled, by their count (a step's share of them)
    const byMicrobatches = [];
    const single = layout.pp === 1 && m === 1 ? models[0] : null;
    // One pass object, refilled per call: the simulator asks for tens of thousands.
    const pass = makePass({ activeDp: layout.dp, queryTokens: q });
    return {
        step(prefillWork, batch, context, activeDp) {
            pass.activeDp = activeDp ?? layout.dp;
            const prefillTokens = prefillWork?.tokens ?? 0;
            const tokens = prefillTokens + batch * q;
            // Passes with prompt tokens replay a graph only up to the engine's capture size; decode-only
            // steps replay one up to the engine's largest captured batch.
            pass.eager = !graphs || (prefillTokens > 0 ? tokens > engine.prefillGraphMaxTokens : batch > engine.decodeGraphMaxBatch);
            // Prompt chunks travel in batches of at most one budget each (simulator.ts, inFlightBatches):
            // a step of more prompt tokens than one budget fills several of the m microbatches. The
            // microbatches a step fills hold its chunks or its sequences; empty ones cost nothing.
            const chunks = prefillTokens > 0 ? Math.min(m, Math.ceil(prefillTokens / perBatch)) : 0;
            const split = Math.max(chunks, filledMicrobatches(layout, batch));
            if (byMicrobatches[split] === undefined)
                byMicrobatches[split] = withMicrobatches(layout, split);
            const filled = byMicrobatches[split];
            pass.prefillTokens = prefillTokens / split;
            pass.prefillPairsFull = (prefillWork?.pairsFull ?? 0) / split;
            pass.prefillPairsSliding = (prefillWork?.pairsSliding ?? 0) / split;
            pass.prefillPairsTopK = (prefillWork?.pairsTopK ?? 0) / split;
            pass.decodeSequences = batch / split;
            pass.decodeContext = context;
            pass.logitTokens = ((prefillWork?.completes ?? 0) + batch * q) / split;
            let t = single ? single.time(pass) : stagesTime(models, facts, filled, hw, pass, mode, split === 1 && layout.pp > 1 ? 'serial' : 'pipelined');
            if (t === null)
                return null;
            if (split > chunks && chunks > 0 && layout.pp > 1) {
                // A batch's prompt chunk rides in one microbatch, whole, through every stage in turn: the
                // step lasts at least that (spreading it over every microbatch let a prompt beat its own
                // TTFT floor).
                pass.prefillTokens = prefillTokens / chunks;
                pass.prefillPairsFull = (prefillWork?.pairsFull ?? 0) / chunks;
                pass.prefillPairsSliding = (prefillWork?.pairsSliding ?? 0) / chunks;
                pass.prefillPairsTopK = (prefillWork?.pairsTopK ?? 0) / chunks;
                pass.logitTokens = (prefillWork?.completes ?? 0) / chunks + (batch * q) / split;
                const whole = stagesTime(models, facts, layout, hw, pass, mode, 'serial');
                if (whole === null)
                    return null;
                t = Math.max(t, whole);
            }
            const time = batch > 0 ? t * spec : t;
            const topK = facts.indexer ? Math.min(context, facts.indexer.topK) : context;
            const flops = modelFlops(facts, prefillTokens, prefillWork?.pairsFull ?? 0, prefillWork?.pairsSliding ?? 0, prefillWork?.completes ?? 0, false, prefillWork?.pairsTopK ?? 0) + modelFlops(facts, batch * q, batch * q * context, batch * q * windowedKeys(facts, context), batch * q, true, batch * q * topK);
            return { time, flops: tokens > 0 ? flops : 0 };
        },
    };
}
/** How many requests a steady-state simulation sends, and how many it measures. */
const STEADY_WARMUP_WAVES = 2;
const STEADY_MEASURED_WAVES = 3;
const STEADY_MIN_MEASURED = 64;
const STEADY_MAX_REQUESTS = 24_000;
const OPEN_LOOP_REQUESTS = 2_000;
/** A screening run (VerifyOptions.quick): one wave of warm-up, one measured (at least 16 requests); open loops of 300. */
const QUICK_MIN_MEASURED = 16;
/**
 * Requests a screening run measures. One client per rank sends its next prompt when its last answer
 * is done: every request runs alone on an idle engine, the same passes each time, so two measure
 * what sixteen would (a layout search at many times the load's concurrency screens most layouts so).
 */
const quickMeasured = (clients) => (clients === 1 ? 2 : Math.max(QUICK_MIN_MEASURED, clients));
const QUICK_OPEN_LOOP_REQUESTS = 300;
/** Events one simulation may cost (about 0.1-0.3 s): a steady state is measured on fewer requests above it, a declared run is not simulated. */
const SIMULATION_EVENT_BUDGET = 400_000;
/** The engine behaviour a plan implies. */
function engineBehaviour(r, maxRunning, load) {
    const wl = r.workload;
    // A closed loop of equal requests keeps every rank in lockstep with the simulated one: when it has a
    // prompt, all have, and the balance holds nothing (its chance-of-all-ranks rule assumes independent ranks).
    // resolve.ts leaves dpBalanceTimeout at 0 unless TensorRT-LLM runs more than one attention-DP rank.
    const lockstep = () => load.kind === 'closed' && load.inputs.every((l) => l === load.inputs[0]) && load.outputs.every((l) => l === load.outputs[0]);
    return {
        policy: wl.profile.policy,
        maxBatchedTokens: wl.maxBatchedTokens,
        maxRunning,
        requestOverhead: r.hardware.requestOverhead,
        stepOverhead: r.hardware.stepOverhead,
        tokensPerStep: wl.speculative ? wl.speculative.acceptance : 1,
        decodeBudgetTokens: queryTokensPerStep(wl),
        prefixHitRate: wl.prefixHitRate,
        recvInterval: wl.recvInterval,
        outputLag: wl.profile.outputLagSteps,
        ...(wl.dpBalanceTimeout > 0 && !lockstep() ? { balance: { timeoutSteps: wl.dpBalanceTimeout, ranks: r.layout.dp } } : {}),
        ...(wl.batchWait ? { batchWait: wl.batchWait } : {}),
        ...(r.layout.pp > 1 ? { inFlightBatches: Math.max(1, r.layout.microbatches) } : {}),
    };
}
/**
 * Simulates the plan's load on one replica ('plan'), or an open loop at `rate` (goodput search).
 * Closed loops without a declared run are measured in steady state (two waves of warm-up, then at
 * least three waves measured while the clients keep sending); declared benchmark runs are simulated
 * as they ran, ramp-up and tail included.
 */
function simulateLoad(r, facts, costs, maxRunning, which) {
    const spec = loadSpecFor(r.workload, facts, which, r.layout.dp);
    if (spec === null || 'skipped' in spec)
        return spec;
    // a steady load repeats its passes: each is costed once (step-memo.ts)
    const out = simulate(spec.load, engineBehaviour(r, maxRunning, spec.load), memoStepCosts(costs));
    return out ? loadFigures(spec, out, r.workload.outputTokens) : null;
}
/** Ranks whose tokens meet on the expert devices: the active attention-DP ranks of a MoE model (a dense model's passes do not depend on it). */
function expertRanks(facts, active) {
    return facts.experts > 0 ? active : 1;
}
/** The simulated figures of the whole deployment from one part's outcome. */
function loadFigures(spec, out, outputTokens) {
    const throughput = out.throughput * spec.scale;
    const served = throughput / outputTokens;
    if (spec.load.kind === 'closed')
        return { kind: 'closed', outcome: out, throughput, saturated: false, servedRate: served };
    return { kind: 'open', outcome: out, throughput, saturated: served < 0.95 * spec.load.rate * spec.scale, servedRate: served };
}
/**
 * The load one of `parts` identical parts of the deployment carries: closed loops without a
 * declared run are measured in steady state (two waves of warm-up, then at least three waves
 * measured while the clients keep sending); declared benchmark runs are simulated as they ran,
 * ramp-up and tail included; open loops at the plan's rate or the asked one. `budget` caps the
 * scheduler events one simulation may cost.
 */
function loadSpecFor(wl, facts, run, parts, budget = SIMULATION_EVENT_BUDGET) {
    const quick = run === 'quick';
    const which = run === 'quick' ? 'plan' : run;
    if (wl.inputTokens === undefined || wl.outputTokens === undefined)
        return null;
    const open = which !== 'plan' || wl.requestRate !== undefined;
    if (!open && wl.concurrency === undefined)
        return null;
    const replicas = parts;
    // A steady state without a declared run takes the stated lengths as they are: a closed loop of
    // equal requests stays in lockstep, as NVIDIA's fixed-length sweeps show for SGLang and
    // TensorRT-LLM (validation/README.md); a declared run gives its own spread.
    const ratioIn = wl.benchmark?.inputRangeRatio ?? 1;
    const longestInput = Math.ceil((2 * wl.inputTokens) / (1 + ratioIn));
    const ratioOut = wl.benchmark?.outputRangeRatio ?? 1;
    if (open) {
        const rate = which === 'plan' ? wl.requestRate : which.rate;
        // A cap on requests in flight below the parts leaves some parts idle, as in a closed loop: the
        // arrivals go to as many parts as the cap can keep busy (each part admits at least one request).
        // A declared run of fewer requests than parts keeps only that many parts busy (1 request on DP8 read as 8).
        const capped = wl.concurrency !== undefined ? Math.max(1, Math.min(replicas, Math.round(wl.concurrency))) : replicas;
        const active = wl.benchmark ? Math.max(1, Math.min(capped, wl.benchmark.requests)) : capped;
        let requests = which === 'plan' ? (wl.benchmark ? Math.ceil(wl.benchmark.requests / active) : quick ? QUICK_OPEN_LOOP_REQUESTS : OPEN_LOOP_REQUESTS) : which.requests;
        // Only the plan's own declared run is finite. A goodput search asks what a rate sustains: a
        // finite run's ramp and drain read as falling behind (served < 95% of offered) at any rate whose
        // run is short beside its tail (Llama-70B pp8 with a 200-request run: 1.76/s, 9.4/s without)
        const finite = which === 'plan' && wl.benchmark !== null;
        const fitted = fitBudget(requests, longestInput, wl.maxBatchedTokens, finite, budget);
        if (fitted === null)
            return tooComplex(requests, longestInput, wl.maxBatchedTokens, budget);
        requests = fitted;
        const lengths = Math.min(requests, 4096);
        return {
            scale: active,
            load: {
                kind: 'open',
                ranks: expertRanks(facts, active),
                // rounded as a closed loop rounds its clients (and as the saturation run does): cap 3 on 2 parts is 2 each, not 1
                clients: wl.concurrency !== undefined ? Math.max(1, Math.round(wl.concurrency / active)) : Infinity,
                rate: rate / active,
                arrival: wl.arrival,
                burstiness: wl.burstiness,
                requests,
                warmup: finite ? 0 : Math.floor(requests / 10),
                finite,
                inputs: benchmarkLengths(wl.inputTokens, ratioIn, lengths, 2),
                outputs: benchmarkLengths(wl.outputTokens, ratioOut, lengths, 3),
                pairs: (from, to) => layerPairs(facts, from, to),
            },
        };
    }
    const active = Math.max(1, Math.min(replicas, Math.round(wl.concurrency), wl.benchmark ? wl.benchmark.requests : Infinity));
    const clients = Math.max(1, Math.round(wl.concurrency / active));
    let requests;
    let warmup;
    if (wl.benchmark) {
        requests = Math.max(1, Math.round(wl.benchmark.requests / active));
        warmup = 0;
        if (fitBudget(requests, longestInput, wl.maxBatchedTokens, true, budget) === null)
            return tooComplex(requests, longestInput, wl.maxBatchedTokens, budget);
    }
    else {
        // Whether the load can be simulated at all is the full run's question, screened or not: a screen
        // that simulated a load its full verification refuses would pass what verify leaves unverified.
        const full = Math.min(STEADY_MAX_REQUESTS, STEADY_WARMUP_WAVES * clients + Math.max(STEADY_MIN_MEASURED, STEADY_MEASURED_WAVES * clients));
        const fullFitted = fitBudget(full + clients, longestInput, wl.maxBatchedTokens, false, budget);
        if (fullFitted === null)
            return tooComplex(full, longestInput, wl.maxBatchedTokens, budget);
        // a screen measures fewer requests than the full run: within the budget wherever the full run is
        warmup = (quick ? 1 : STEADY_WARMUP_WAVES) * clients;
        requests = Math.min(quick ? Math.min(STEADY_MAX_REQUESTS, warmup + quickMeasured(clients)) : full, fullFitted);
        warmup = Math.min(warmup, Math.floor(requests / 2));
    }
    const lengths = Math.min(requests + clients, 4096);
    return {
        // A steady loop's clients cycle alike: the deployment's output is one client's times the stated
        // concurrency, also when it does not divide evenly over the ranks (each simulated rank runs a
        // rounded share; 12 clients on 8 ranks read as 16).
        scale: wl.benchmark ? active : wl.concurrency / clients,
        load: {
            kind: 'closed',
            ranks: expertRanks(facts, active),
            clients,
            rate: 0,
            arrival: 'poisson',
            burstiness: 1,
            requests,
            warmup,
            finite: wl.benchmark !== null,
            inputs: benchmarkLengths(wl.inputTokens, ratioIn, lengths, 2),
            outputs: benchmarkLengths(wl.outputTokens, ratioOut, lengths, 3),
            pairs: (from, to) => layerPairs(facts, from, to),
        },
    };
}
/**
 * Requests that fit the event budget: all of them, fewer for a steady state (a shorter measurement
 * of the same steady state, at least 32 requests), or null when a declared run cannot be simulated.
 */
function fitBudget(requests, longestInput, maxBatchedTokens, exact, budget) {
    if (estimatedEvents(requests, longestInput, maxBatchedTokens) <= budget)
        return requests;
    if (exact)
        return null;
    const fits = Math.floor(budget / estimatedEvents(1, longestInput, maxBatchedTokens));
    return fits >= 32 ? fits : null;
}
function tooComplex(requests, longestInput, maxBatchedTokens, budget) {
    const events = estimatedEvents(requests, longestInput, maxBatchedTokens);
    return {
        skipped: `the load is too complex to simulate: about ${events.toExponential(1)} scheduler events (${requests} requests, prompts of up to ${longestInput} tokens in chunks of ${maxBatchedTokens}) exceed the budget of ${budget.toLocaleString('en-US')}; figures under load are not computed`,
    };
}
/** Does a simulated open loop meet every stated latency requirement, and keep up with its arrivals? */
function meets(f, req, keys) {
    if (f.saturated)
        return false;
    for (const k of keys) {
        const v = latencyFigure(f.outcome, k);
        if (v === null || v > req[k])
            return false;
    }
    return true;
}
/** Goodput bisection: enough steps for 2% resolution, each an open loop of this many requests. */
const GOODPUT_STEPS = 10;
/** How far above the bisection's rate the plan's own open loop may lift the goodput: the search runs' noise, a few percent. */
const OWN_RATE_NOISE = 1.05;
const GOODPUT_REQUESTS = 600;
const GOODPUT_MAX_REQUESTS = 4_000;
/**
 * Requests of one goodput search run on a part that holds `inFlight` at once: at least three times
 * that, so the run measures the engine full and not filling. 600 requests of 4,000-token answers
 * (Llama 70B fp8 TP8 on H200, 1,024 slots) ended within the two minutes the engine takes to fill:
 * the search found 2.65/s where the plan's own runs met TPOT p99 40 ms at 3.5/s and missed it at
 * 4/s; with 3,100 to 4,000 it finds 3.93/s.
 */
function goodputRequests(inFlight) {
    return Math.min(GOODPUT_MAX_REQUESTS, Math.max(GOODPUT_REQUESTS, Math.ceil(3 * inFlight)));
}
/**
 * The highest arrival rate at which every stated latency requirement still holds (DistServe's
 * goodput), by bisection over simulated open loops; without latency requirements, the highest rate
 * the deployment keeps up with.
 */
function goodput(r, facts, costs, maxRunning, req, keys, saturation, own, capacity) {
    const wl = r.workload;
    if (wl.inputTokens === undefined || wl.outputTokens === undefined)
        return null;
    const at = (rate) => {
        const f = simulateLoad(r, facts, costs, maxRunning, { rate, requests: goodputRequests(maxRunning) });
        return f && 'outcome' in f ? f : null;
    };
    return goodputSearch(saturation, at, req, keys, own, capacity);
}
/**
 * The plan's own simulated open loop, when it is one the goodput search would also run: steady (a
 * declared run's ramp and drain are not what a rate sustains) and not a screening run.
 */
function ownOpenLoop(rate, load, quick, declared) {
    return rate !== undefined && rate > 0 && load && !quick && !declared ? { rate, figures: load } : undefined;
}
/** A closed loop of `inFlight` requests, at most every slot of the engine's running cap kept busy (the goodput search's upper end). */
function saturationLoad(r, facts, costs, maxRunning, inFlight, run) {
    const wl = { ...r.workload, requestRate: undefined, benchmark: null, concurrency: inFlight };
    const f = simulateLoad({ ...r, workload: wl }, facts, costs, maxRunning, run);
    return f && 'outcome' in f ? f : null;
}
/** A closed-loop simulation remembered by its clients and run kind: a verification asks for the same one up to three times. */
function memoLoad(simulate) {
    const seen = new Map();
    return (clients, run) => {
        const key = `${clients}|${run}`;
        if (!seen.has(key))
            seen.set(key, simulate(clients, run));
        return seen.get(key);
    };
}
/**
 * The goodput bisection over any simulated deployment: `saturation` runs a closed loop at what the
 * deployment holds at once (the upper end, with headroom), `at` an open loop at a rate.
 */
function goodputSearch(saturation, at, req, keys, own, capacity) {
    const sat = saturation();
    if (!sat)
        return null;
    const found = searchRate(sat, at, req, keys, own);
    // No rate above what the deployment completes, its clients' cap included, is served: a short run
    // keeps up within its 5% margin a little past it, and a capped loop meets its latencies at any rate
    // (the excess waits at the clients, before TTFT counts). 0.352/s read beside a capacity of 0.337/s.
    const most = found > 0 ? (capacity?.() ?? null) : null;
    return most !== null && most > 0 ? Math.min(found, most) : found;
}
function searchRate(sat, at, req, keys, own) {
    let hi = sat.servedRate * 1.2;
    let lo = 0;
    /** the rates tried that met every requirement */
    const met = [];
    const tryRate = (rate) => {
        const f = at(rate);
        const ok = f !== null && meets(f, req, keys);
        if (ok)
            met.push(rate);
        return ok;
    };
    if (!tryRate(hi)) {
        for (let i = 0; i < GOODPUT_STEPS; i++) {
            const mid = (lo + hi) / 2;
            if (tryRate(mid))
                lo = mid;
            else
                hi = mid;
        }
    }
    else
        lo = hi;
    // biome-ignore lint/complexity/useMathMinMax: a NaN rate reads as 0 here, where Math.max would pass the NaN on
    const found = lo > 0 ? lo : 0;
    // The plan's own open loop (more requests than a search step) has the last word at its own rate,
    // near the boundary: shorter runs' noise could otherwise read 6.24/s beside a plan at 6.3/s whose
    // own p99 holds. Far above it, a rate that meets the requirements again after a band that misses
    // them is no goodput (a reviewer's SGLang plan met its TPOT p99 at 24/s, missed it at 16/s, and
    // read 24/s): the requirement asks that every rate up to it be served.
    if (!own || !(own.rate > 0))
        return found;
    if (meets(own.figures, req, keys))
        return own.rate <= found * OWN_RATE_NOISE ? Math.max(found, own.rate) : found;
    return found < own.rate ? found : met.filter((x) => x < own.rate).reduce((a, b) => Math.max(a, b), 0);
}

;// CONCATENATED MODULE: ./src/core/kv-transfer.ts
// Moving a prompt's KV cache from its prefill worker to its decode worker (docs/formulas.md,
// "KV transfer"). The bytes are the cache the decode side needs: every attention layer's KV of the
// prompt at the KV dtype (an MLA latent of kv_lora_rank + rope dims, or GQA's kv_heads x head_dim
// keys and values), indexer keys and linear-attention states.


/**
 * The stated kv_transfer, else the devices' own link: NVLink when the whole deployment sits in one
 * node (or NVLink domain), the network between nodes otherwise.
 */
function kvLink(plan, hw, totalGpus) {
    const kv = plan.disaggregation?.kv_transfer;
    const oneNode = totalGpus <= hw.gpusPerNode;
    const linkBw = oneNode ? (hw.intraBandwidth ?? hw.interBandwidth) : (hw.interBandwidth ?? undefined);
    const linkLatency = oneNode ? hw.intraLatency : hw.interLatency;
    const fastest = Math.max(hw.intraBandwidth ?? 0, hw.interBandwidth ?? 0);
    const bandwidth = kv?.bandwidth ?? linkBw;
    return {
        bandwidth,
        latency: kv?.latency ?? linkLatency,
        floorBandwidth: kv?.bandwidth ?? (fastest > 0 ? fastest : undefined),
        source: kv?.bandwidth !== undefined
            ? 'disaggregation.kv_transfer.bandwidth'
            : oneNode
                ? 'hardware.intra_node_bandwidth (the deployment fits in one node)'
                : 'hardware.inter_node_bandwidth',
    };
}
/** Bytes of the cache one sequence of `tokens` tokens holds, all layers, one copy. */
function promptKvBytes(facts, tokens) {
    const stages = buildStages(facts, 1, null);
    if (!stages)
        return 0;
    const whole = { tp: 1, pp: 1, dp: 1, cp: 1, ep: 1, etp: 1, microbatches: 1, layersPerStage: null, worldSize: 1, edp: 1 };
    return stages.reduce((sum, s) => sum + stageKvBytesPerSequence(facts, whole, s, tokens), 0);
}
/** Devices that hold distinct pieces of one sequence's cache: pipeline stages x KV shards over tp x cp. */
function cacheShards(facts, layout) {
    return layout.pp * kvShardsOverTp(facts, layout.tp) * layout.cp;
}
/**
 * How engines move a prompt's cache: each distinct shard from the prefill device that holds it to the
 * decode device that needs it, in parallel over min(prefill shards, decode shards) links at the network
 * efficiency. Null when the link has no bandwidth.
 */
function kvTransferRate(facts, prefill, decode, link, networkEfficiency) {
    if (link.bandwidth === undefined)
        return null;
    const streams = Math.max(1, Math.min(cacheShards(facts, prefill), cacheShards(facts, decode)));
    return { streams, perLink: link.bandwidth, efficiency: networkEfficiency, effective: streams * link.bandwidth * networkEfficiency };
}
/** Seconds `bytes` of cache take at the effective rate, plus the link's latency. */
function transferSeconds(bytes, rate, link) {
    return bytes / rate.effective + link.latency;
}
/** Seconds one prompt's cache takes (kvTransferRate, transferSeconds). */
function kvTransferTime(bytes, facts, prefill, decode, link, networkEfficiency) {
    const rate = kvTransferRate(facts, prefill, decode, link, networkEfficiency);
    return rate === null ? null : transferSeconds(bytes, rate, link);
}
/**
 * The rate in words, with where it comes from: "25 GB/s effective (50 GB/s per GPU x network efficiency
 * 0.5; bandwidth from disaggregation.kv_transfer.bandwidth)". The time is computed at the effective rate,
 * so quoting the link's own figure beside it read as an arithmetic slip.
 */
function kvTransferRateText(rate, source) {
    const links = rate.streams > 1 ? `${rate.streams} links at once, each ` : '';
    return `${gbPerS(rate.effective)} effective (${links}${gbPerS(rate.perLink)} per GPU x network efficiency ${rate.efficiency}; bandwidth from ${source})`;
}
/** Bytes/s as GB/s, three significant figures at most (12.5 GB/s, not 13). */
function gbPerS(bytesPerS) {
    const g = bytesPerS / 1e9;
    return `${g >= 1000 ? g.toFixed(0) : Number(g.toPrecision(3))} GB/s`;
}
/**
 * Floor of the transfer: every byte leaves through one of the prefill worker's devices, each at most
 * at the link's full bandwidth (no latency). Engines may stream layers while the prompt still runs,
 * so the floor of a TTFT is the larger of the prefill floor and this, not their sum.
 */
function kvTransferFloor(bytes, prefillWorkerGpus, link) {
    if (link.floorBandwidth === undefined)
        return null;
    return bytes / (Math.max(1, prefillWorkerGpus) * link.floorBandwidth);
}

;// CONCATENATED MODULE: ./src/core/simulator-pools.ts
// The scheduler simulation of a disaggregated deployment (docs/formulas.md, "Disaggregated prefill
// and decode"): the same request-level simulation as simulator.ts, with two pools of workers.
//  - A request is admitted when a decode worker can reserve a slot for it (the decode side allocates
//    the KV cache before the prompt runs: SGLang's prealloc queue, Dynamo's decode-first flow); the
//    rest wait in arrival order, and their TTFT grows.
//  - Prefill workers take admitted prompts from one queue (the router sends work to a free worker),
//    oldest first, in prefill-only passes of up to max_batched_tokens per attention rank; prompts
//    waiting when several workers are idle are shared out among them (at most ceil(waiting / idle)
//    new prompts each, after a worker's own unfinished chunks), as a least-loaded router spreads a
//    burst; a longer prompt is chunked over passes of the same worker.
//  - When its last chunk is done, the prompt's KV cache goes to its decode worker over the link of the
//    attention rank that holds it (transfers from one rank queue behind each other, overlapping the
//    worker's next passes).
//  - A decode worker takes in transferred requests at its next step boundary; the first token reaches
//    the client then (a step later with an overlap scheduler), as SGLang's and TensorRT-LLM's decode
//    servers stream the token the prefill computed. Its steps advance every running sequence, in
//    strides between events as in simulator.ts.
// Arrivals, clients, finite runs, warm-up and the measured window are those of simulator.ts.


const EMPTY_WORK = () => ({ tokens: 0, pairsFull: 0, pairsSliding: 0, pairsTopK: 0, completes: 0 });
/** Inserts `r` at `slot` (push when last: splice costs more, and most go last). */
function insertAt(list, slot, r) {
    if (slot === list.length)
        list.push(r);
    else
        list.splice(slot, 0, r);
}
/** Simulates a disaggregated deployment serving `load`; null when a pass cost is missing. */
function simulatePools(load, pools, costs) {
    let n = Math.max(1, Math.floor(load.requests));
    let warmup = Math.min(Math.max(0, Math.floor(load.warmup)), n - 1);
    const measuredTarget = n - warmup;
    // a steady open loop is measured once the pools have filled (simulator.ts)
    let fillWarmup = load.kind === 'open' && !load.finite;
    const P = pools.prefill;
    const D = pools.decode;
    const tps = Math.max(1, D.tokensPerStep);
    const budget = Math.max(1, Math.floor(P.maxBatchedTokens));
    // a pass is the round trip of every in-flight pipeline batch, each with its own budget
    const passRoom = budget * Math.max(1, Math.floor(P.inFlightBatches ?? 1));
    const pRanks = Math.max(1, Math.floor(P.ranks));
    const dRanks = Math.max(1, Math.floor(D.ranks));
    const maxRunning = Math.max(1, Math.floor(D.maxRunning));
    const lagged = D.outputLag > 0;
    const clients = Math.max(1, load.clients === Infinity ? Infinity : Math.floor(load.clients));
    // a steady open loop keeps arriving while its measured requests finish (simulator.ts)
    const inFlightMost = maxRunning * Math.max(1, Math.floor(D.workers));
    const arrivalsAt = load.kind === 'open'
        ? arrivalStream(load.rate, load.arrival, load.burstiness, 1, n, () => (load.finite ? n : steadyArrivals(n, inFlightMost, clients)))
        : null;
    const prefillWorkers = Array.from({ length: Math.max(1, Math.floor(P.workers)) }, () => ({
        busy: false,
        until: 0,
        partial: [],
        completing: [],
        linkFree: new Array(Math.max(1, Math.floor(P.ranks))).fill(0),
    }));
    const decodeWorkers = Array.from({ length: Math.max(1, Math.floor(D.workers)) }, () => ({
        running: new FinishHeap(),
        step: 0,
        contextBaseSum: 0,
        reserved: 0,
        incoming: [],
        busy: false,
        start: 0,
        stepDt: 0,
        steps: 0,
        end: 0,
        batch: 0,
        flopsPerStep: 0,
        deferredFirst: [],
        deferredFinish: [],
    }));
    // when the first measured request was sent (the window's start); finished requests are not kept
    let warmupSent = 0;
    const pending = [];
    let pendingHead = 0;
    const admission = [];
    let admissionHead = 0;
    const prefillQueue = [];
    let prefillHead = 0;
    let t = 0;
    let lastFinish = 0;
    let sentCount = 0;
    let inFlight = 0;
    let nextOpen = 0;
    const send = (at) => {
        if (sentCount >= n && load.finite)
            return;
        const i = sentCount++;
        const input = load.inputs[i % load.inputs.length];
        const r = {
            index: i,
            input,
            output: load.outputs[i % load.outputs.length],
            sent: at,
            arrives: at + pools.requestOverhead,
            admitted: 0,
            prefilled: Math.min(input - 1, Math.floor(input * pools.prefixHitRate)),
            rank: 0,
            worker: -1,
            prefillDone: 0,
            transferDone: 0,
            readyAt: 0,
            firstToken: 0,
            finishStep: 0,
            contextBase: 0,
        };
        if (i === warmup)
            warmupSent = at;
        inFlight++;
        let slot = pending.length;
        while (slot > pendingHead && pending[slot - 1].arrives > r.arrives)
            slot--;
        insertAt(pending, slot, r);
    };
    const releaseOpen = () => {
        if (!arrivalsAt)
            return;
        while (arrivalsAt.has(nextOpen) && arrivalsAt.at(nextOpen) <= t && inFlight < clients) {
            send(Math.max(arrivalsAt.at(nextOpen), lastFinish));
            nextOpen++;
        }
    };
    if (arrivalsAt)
        releaseOpen();
    else
        for (let i = 0; i < Math.min(clients, n); i++)
            send(0);
    const ttfts = [];
    const tpots = [];
    const e2es = [];
    let transferSum = 0;
    let admissionWaitSum = 0;
    let measuredDone = 0;
    let windowStart = NaN;
    let tokens = 0;
    let tokensAtStart = 0;
    let prefillBusy = 0;
    let prefillBusyAtStart = 0;
    let decodeBusy = 0;
    let decodeBusyAtStart = 0;
    let runningTime = 0;
    let runningTimeAtStart = 0;
    let flops = 0;
    let flopsAtStart = 0;
    let steps = 0;
    let decodingSteps = 0;
    let batchSum = 0;
    // the decode step its sequences saw and its fewest sequences, over the measured window (simulator.ts)
    let seqStepTime = 0;
    let seqBatch = 0;
    const minDecode = { batch: Infinity, context: Infinity };
    let peakRunning = 0;
    let peakHeld = 0;
    let events = 0;
    let finishes = 0;
    const finish = (r, at) => {
        finishes++;
        inFlight--;
        lastFinish = at;
        decodeWorkers[r.worker].reserved--;
        if (fillWarmup) {
            fillWarmup = false;
            const filled = warmupWhenFilled(sentCount, warmup, measuredTarget);
            if (filled !== warmup)
                [warmup, n, windowStart] = [filled, filled + measuredTarget, Number.NaN];
            // The first measured request was sent before this finish (more were sent than warm-up and
            // measured together): the window starts now, when its output and busy time are read, not at
            // that request's send (a span from then over counts from now read the decode pool 6% busy and 591 tokens/s of about 10,000).
            if (filled < sentCount)
                warmupSent = at;
        }
        if (r.index >= warmup && r.index < n) {
            measuredDone++;
            ttfts.push(r.firstToken - r.sent);
            e2es.push(at - r.sent);
            transferSum += r.transferDone - r.prefillDone;
            admissionWaitSum += r.admitted - r.arrives;
            if (r.output > 1)
                tpots.push((at - r.firstToken) / (r.output - 1));
        }
        if (!arrivalsAt && (load.finite ? sentCount < n : measuredDone < measuredTarget))
            send(at);
    };
    const noteWindowStart = () => {
        if (Number.isNaN(windowStart) && sentCount > warmup) {
            windowStart = warmupSent;
            tokensAtStart = tokens;
            prefillBusyAtStart = prefillBusy;
            decodeBusyAtStart = decodeBusy;
            runningTimeAtStart = runningTime;
            flopsAtStart = flops;
            [seqStepTime, seqBatch, minDecode.batch, minDecode.context] = [0, 0, Infinity, Infinity];
        }
    };
    /** Admits waiting requests in arrival order while a decode worker has a free slot (the least loaded one takes it). */
    const admit = () => {
        while (admissionHead < admission.length) {
            let best = -1;
            for (let i = 0; i < decodeWorkers.length; i++) {
                const w = decodeWorkers[i];
                if (w.reserved < maxRunning && (best < 0 || w.reserved < decodeWorkers[best].reserved))
                    best = i;
            }
            if (best < 0)
                break;
            const r = admission[admissionHead++];
            r.worker = best;
            r.admitted = t;
            const held = ++decodeWorkers[best].reserved;
            if (held > peakHeld)
                peakHeld = held;
            prefillQueue.push(r);
        }
        if (admissionHead > 1024 && admissionHead * 2 > admission.length) {
            admission.splice(0, admissionHead);
            admissionHead = 0;
        }
    };
    // One pass's room and work per rank, refilled by each startPass (a pass allocates only its two lists).
    const room = new Array(pRanks).fill(passRoom);
    const work = Array.from({ length: pRanks }, EMPTY_WORK);
    let stillPartial = [];
    let completing = [];
    const place = (r) => {
        let rank = 0;
        for (let k = 1; k < pRanks; k++)
            if (room[k] > room[rank])
                rank = k;
        if (room[rank] <= 0)
            return false;
        const take = Math.min(r.input - r.prefilled, room[rank], budget);
        const p = load.pairs(r.prefilled, r.prefilled + take);
        const wk = work[rank];
        wk.tokens += take;
        wk.pairsFull += p.pairsFull;
        wk.pairsSliding += p.pairsSliding;
        wk.pairsTopK += p.pairsTopK;
        room[rank] -= take;
        r.prefilled += take;
        r.rank = rank;
        if (r.prefilled >= r.input) {
            wk.completes++;
            completing.push(r);
        }
        else
            stillPartial.push(r);
        return true;
    };
    /**
     * One prefill pass on an idle worker: its chunked prompts first, then at most `share` prompts of
     * the queue, each to the rank with the most room.
     */
    const startPass = (w, share) => {
        for (let k = 0; k < pRanks; k++) {
            room[k] = passRoom;
            const wk = work[k];
            wk.tokens = 0;
            wk.pairsFull = 0;
            wk.pairsSliding = 0;
            wk.pairsTopK = 0;
            wk.completes = 0;
        }
        stillPartial = [];
        completing = [];
        for (const r of w.partial)
            if (!place(r))
                stillPartial.push(r);
        for (let taken = 0; taken < share && prefillHead < prefillQueue.length && place(prefillQueue[prefillHead]); taken++)
            prefillHead++;
        if (prefillHead > 1024 && prefillHead * 2 > prefillQueue.length) {
            prefillQueue.splice(0, prefillHead);
            prefillHead = 0;
        }
        let busiest = 0;
        let busyRanks = 0;
        let total = 0;
        for (let k = 0; k < pRanks; k++) {
            if (work[k].tokens > 0)
                busyRanks++;
            total += work[k].tokens;
            if (work[k].tokens > work[busiest].tokens)
                busiest = k;
        }
        if (total === 0)
            return true;
        const cost = costs.prefill(work[busiest], busyRanks);
        if (!cost)
            return false;
        const dt = cost.time + P.stepOverhead;
        w.busy = true;
        w.until = t + dt;
        w.partial = stillPartial;
        w.completing = completing;
        prefillBusy += dt;
        flops += cost.flops * (total / work[busiest].tokens);
        return true;
    };
    /** The pass ends: each completed prompt's KV cache leaves over its rank's link, in turn. */
    const endPass = (w) => {
        w.busy = false;
        for (const r of w.completing) {
            r.prefillDone = w.until;
            const start = Math.max(w.until, w.linkFree[r.rank]);
            r.transferDone = start + pools.transferTime(r.input);
            r.readyAt = r.transferDone + pools.handoffOverhead;
            w.linkFree[r.rank] = r.transferDone;
            const dw = decodeWorkers[r.worker];
            let slot = dw.incoming.length;
            while (slot > 0 && dw.incoming[slot - 1].readyAt > r.readyAt)
                slot--;
            insertAt(dw.incoming, slot, r);
            // A decode worker mid-stride stops at the first step boundary after the request is handed over.
            if (dw.busy && r.readyAt < dw.end) {
                const k = Math.max(1, Math.ceil((r.readyAt - dw.start) / dw.stepDt - 1e-9));
                if (k < dw.steps) {
                    dw.steps = k;
                    dw.end = dw.start + k * dw.stepDt;
                }
            }
        }
        w.completing = [];
    };
    const meanContext = (w, extraSteps) => w.running.size === 0 ? 0 : (w.contextBaseSum + w.running.size * (w.step + extraSteps) * tps) / w.running.size;
    /** Transferred requests join the worker's running batch at this step boundary. */
    const joinDue = (w) => {
        while (w.incoming.length > 0 && w.incoming[0].readyAt <= t) {
            const r = w.incoming.shift();
            tokens += 1;
            if (lagged)
                w.deferredFirst.push(r);
            else
                r.firstToken = t;
            if (r.output <= 1) {
                if (lagged)
                    w.deferredFinish.push(r);
                else
                    finish(r, t);
                continue;
            }
            r.finishStep = w.step + Math.ceil((r.output - 1) / tps);
            r.contextBase = r.input + 1 - w.step * tps;
            w.contextBaseSum += r.contextBase;
            w.running.push(r);
        }
        peakRunning = Math.max(peakRunning, w.running.size);
    };
    const release = (w, at) => {
        const [first, done] = [w.deferredFirst, w.deferredFinish];
        w.deferredFirst = [];
        w.deferredFinish = [];
        for (const r of first)
            r.firstToken = at;
        for (const r of done)
            finish(r, at);
    };
    const startStride = (w) => {
        const batch = w.running.size;
        const top = w.running.peek();
        let stride = Math.min(MAX_STRIDE, Math.max(1, top.finishStep - w.step));
        if (w.deferredFirst.length > 0 || w.deferredFinish.length > 0)
            stride = 1;
        const probeContext = meanContext(w, (stride - 1) / 2);
        const probe = costs.decode(batch / dRanks, probeContext);
        if (!probe)
            return false;
        const dt1 = probe.time + D.stepOverhead;
        if (w.incoming.length > 0)
            stride = Math.max(1, Math.min(stride, Math.ceil((w.incoming[0].readyAt - t) / dt1 - 1e-9)));
        const context = stride === 1 ? probeContext : meanContext(w, (stride - 1) / 2);
        const cost = stride === 1 ? probe : costs.decode(batch / dRanks, context);
        if (!cost)
            return false;
        minDecode.batch = Math.min(minDecode.batch, batch);
        minDecode.context = Math.min(minDecode.context, context);
        w.busy = true;
        w.start = t;
        w.stepDt = cost.time + D.stepOverhead;
        w.steps = stride;
        w.end = t + w.stepDt * stride;
        w.batch = batch;
        w.flopsPerStep = cost.flops * dRanks;
        return true;
    };
    const endStride = (w) => {
        w.busy = false;
        if (w.deferredFirst.length > 0 || w.deferredFinish.length > 0)
            release(w, w.start + w.stepDt);
        const dt = w.stepDt * w.steps;
        decodeBusy += dt;
        runningTime += w.batch * dt;
        flops += w.flopsPerStep * w.steps;
        steps += w.steps;
        decodingSteps += w.steps;
        batchSum += w.batch * w.steps;
        seqStepTime += w.batch * w.steps * (w.stepDt - D.stepOverhead);
        seqBatch += w.batch * w.steps;
        tokens += w.batch * tps * w.steps;
        w.step += w.steps;
        for (let top = w.running.peek(); top && top.finishStep <= w.step; top = w.running.peek()) {
            w.running.pop();
            w.contextBaseSum -= top.contextBase;
            if (lagged)
                w.deferredFinish.push(top);
            else
                finish(top, t);
        }
    };
    let truncated = false;
    for (;;) {
        const more = load.finite ? measuredDone < measuredTarget || inFlight > 0 || sentCount < n : measuredDone < measuredTarget;
        if (!more)
            break;
        if (++events > MAX_EVENTS) {
            truncated = true;
            break;
        }
        // the plan's work budget (work-budget.ts), as for the aggregated simulation
        chargeWork(SIMULATION_EVENT_WORK);
        releaseOpen();
        while (pendingHead < pending.length && pending[pendingHead].arrives <= t)
            admission.push(pending[pendingHead++]);
        if (pendingHead > 1024 && pendingHead * 2 > pending.length) {
            pending.splice(0, pendingHead);
            pendingHead = 0;
        }
        admit();
        noteWindowStart();
        // The router spreads waiting prompts over the idle prefill workers, as a least-loaded router
        // does, rather than the first idle worker taking all its pass holds while the others wait.
        let idle = 0;
        for (const w of prefillWorkers)
            if (!w.busy)
                idle++;
        for (const w of prefillWorkers) {
            if (w.busy)
                continue;
            const share = Math.ceil((prefillQueue.length - prefillHead) / idle--);
            if ((w.partial.length > 0 || share > 0) && !startPass(w, share))
                return null;
        }
        const finishedBefore = finishes;
        for (const w of decodeWorkers) {
            if (w.busy)
                continue;
            joinDue(w);
            if (w.running.size > 0) {
                if (!startStride(w))
                    return null;
            }
            else if (w.deferredFirst.length > 0 || w.deferredFinish.length > 0)
                release(w, t);
        }
        // Requests finished on an idle worker (one output token, or outputs its overlap scheduler held)
        // free their slots now: admit the next requests at once (with nothing else to come, waiting for
        // an event would end the run while they wait).
        if (finishes > finishedBefore)
            continue;
        // The next event: an arrival, a pass or a stride ending, a transfer landing on an idle worker.
        let next = pendingHead < pending.length ? pending[pendingHead].arrives : Infinity;
        if (arrivalsAt?.has(nextOpen) && inFlight < clients)
            next = Math.min(next, arrivalsAt.at(nextOpen) + pools.requestOverhead);
        for (const w of prefillWorkers)
            if (w.busy)
                next = Math.min(next, w.until);
        for (const w of decodeWorkers) {
            if (w.busy)
                next = Math.min(next, w.end);
            else if (w.incoming.length > 0)
                next = Math.min(next, w.incoming[0].readyAt);
        }
        if (next === Infinity)
            break;
        t = Math.max(t, next);
        for (const w of prefillWorkers)
            if (w.busy && w.until <= t)
                endPass(w);
        for (const w of decodeWorkers)
            if (w.busy && w.end <= t)
                endStride(w);
    }
    if (ttfts.length === 0)
        return null;
    const start = Number.isNaN(windowStart) ? 0 : windowStart;
    const end = load.finite ? Math.max(t, lastFinish) : lastFinish;
    const span = Math.max(end - start, 1e-12);
    const prefillShare = Math.min(1, (prefillBusy - prefillBusyAtStart) / (span * prefillWorkers.length));
    const decodeShare = Math.min(1, (decodeBusy - decodeBusyAtStart) / (span * decodeWorkers.length));
    return {
        requests: sentCount,
        measured: measuredDone,
        ttft: summarize(ttfts),
        tpot: tpots.length > 0 ? summarize(tpots) : null,
        e2e: summarize(e2es),
        throughput: load.finite ? tokens / Math.max(end, 1e-12) : (tokens - tokensAtStart) / span,
        wallTime: end,
        steps,
        meanBatch: decodingSteps > 0 ? batchSum / decodingSteps : 0,
        // every decode step of a decode worker is decode-only
        meanDecodeStep: seqBatch > 0 ? seqStepTime / seqBatch : null,
        minDecode: seqBatch > 0 ? minDecode : null,
        peakRunning,
        busyFraction: Math.max(prefillShare, decodeShare),
        flopsPerSecond: (flops - flopsAtStart) / span,
        truncated,
        prefillBusy: prefillShare,
        decodeBusy: decodeShare,
        meanTransfer: transferSum / Math.max(1, measuredDone),
        meanAdmissionWait: admissionWaitSum / Math.max(1, measuredDone),
        decodeRunning: (runningTime - runningTimeAtStart) / (span * decodeWorkers.length),
        decodePeakHeld: peakHeld,
    };
}

;// CONCATENATED MODULE: ./src/core/disagg-estimates.ts
// Every estimate and bound of a disaggregated plan (docs/formulas.md, "Disaggregated prefill and
// decode"): each pool's memory and pass costs as a plan of its own (estimates.ts), the deployment's
// load simulated over both pools (simulator-pools.ts), and the bounds with every efficiency at 1.








/** Scheduler events one simulation of a whole disaggregated deployment may cost (it is one simulation, not one per replica). */
const DISAGG_EVENT_BUDGET = 1_000_000;
const finite = (v) => (v === undefined || v === null || !Number.isFinite(v) || v <= 0 ? null : v);
const gcd = (a, b) => (b === 0 ? a : gcd(b, a % b));
function computeDisaggregated(loaded, pools, est, bound, totalGpus, options = {}) {
    const plan = loaded.plan;
    const P = pools.prefill;
    const D = pools.decode;
    const figures = (pool) => ({
        pool,
        c: compute({ file: loaded.file, plan: pool.plan, lines: {}, origins: loaded.origins }, pool.r, est, bound, { load: false }),
    });
    const pf = figures(P);
    const df = figures(D);
    const wl = D.r.workload;
    const input = wl.inputTokens;
    const output = wl.outputTokens;
    const link = kvLink(plan, D.r.hardware, totalGpus);
    const facts = est ?? bound;
    // KV transfer of one prompt: bytes of its cache, the time on the link, the floor. Both are
    // remembered by prompt length: the simulation asks once per request, for a few lengths.
    const bytesCache = new Map();
    const bytesOf = (tokens) => {
        let b = bytesCache.get(tokens);
        if (b === undefined) {
            b = facts ? promptKvBytes(facts, tokens) : 0;
            bytesCache.set(tokens, b);
        }
        return b;
    };
    const transferRate = est ? kvTransferRate(est, P.r.layout, D.r.layout, link, D.r.hardware.efficiency.network) : null;
    const transferCache = new Map();
    const transferOf = (tokens) => {
        let time = transferCache.get(tokens);
        if (time === undefined) {
            time = transferRate ? transferSeconds(bytesOf(tokens), transferRate, link) : null;
            transferCache.set(tokens, time);
        }
        return time;
    };
    const kvBytes = facts && input !== undefined ? bytesOf(input) : null;
    const transfer = input !== undefined ? transferOf(input) : null;
    const computedTokens = input !== undefined ? Math.max(1, input - Math.floor(input * wl.prefixHitRate)) : 1;
    const transferFloor = bound ? kvTransferFloor(promptKvBytes(bound, computedTokens), P.gpus, link) : null;
    // The load over both pools.
    const perRank = runningCap(D.r, df.c);
    const decodeSlots = perRank !== null ? perRank * D.r.layout.dp : null;
    const mode = { efficiency: D.r.hardware.efficiency, latency: true, overlap: false, unknownIsFree: false };
    const pModels = est && pf.c.stagesEst ? stageCostModels(est, P.r.layout, P.r.hardware, pf.c.stagesEst, { ...mode, efficiency: P.r.hardware.efficiency }) : null;
    const dModels = est && df.c.stagesEst ? stageCostModels(est, D.r.layout, D.r.hardware, df.c.stagesEst, mode) : null;
    const canSimulate = est && pModels && dModels && decodeSlots !== null && transfer !== null && input !== undefined && output !== undefined;
    const deploymentWl = {
        ...wl,
        concurrency: plan.workload.concurrency,
        requestRate: plan.workload.request_rate,
        maxBatchedTokens: P.r.workload.maxBatchedTokens,
        benchmark: wl.benchmark === null ? null : { ...wl.benchmark, requests: plan.workload.benchmark?.requests ?? Math.max(1, plan.workload.concurrency ?? 1) },
    };
    // Worker groups: k identical groups of P/k prefill and D/k decode workers share the load alike.
    const groups = gcd(P.workers, D.workers);
    let decodeCapacity = null;
    let poolCosts = null;
    let run = null;
    if (canSimulate) {
        const pCosts = replicaStepCosts(est, P.r, pModels, mode);
        const dCosts = replicaStepCosts(est, D.r, dModels, mode);
        const costs = {
            prefill: (work, ranks) => pCosts.step(work, 0, 0, ranks),
            decode: (batch, context) => dCosts.step(null, batch, context),
        };
        poolCosts = costs;
        const full = dCosts.step(null, decodeSlots / D.r.layout.dp, input + output / 2);
        if (full)
            decodeCapacity = (D.workers * decodeSlots * (wl.speculative ? wl.speculative.acceptance : 1)) / (full.time + D.r.hardware.stepOverhead);
        const behaviour = {
            prefill: {
                workers: P.workers / groups,
                ranks: P.r.layout.dp,
                maxBatchedTokens: P.r.workload.maxBatchedTokens,
                stepOverhead: P.r.hardware.stepOverhead,
                ...(P.r.layout.pp > 1 ? { inFlightBatches: Math.max(1, P.r.layout.microbatches) } : {}),
            },
            decode: {
                workers: D.workers / groups,
                ranks: D.r.layout.dp,
                maxRunning: decodeSlots,
                stepOverhead: D.r.hardware.stepOverhead,
                tokensPerStep: wl.speculative ? wl.speculative.acceptance : 1,
                outputLag: wl.profile.outputLagSteps,
            },
            requestOverhead: P.r.hardware.requestOverhead,
            handoffOverhead: D.r.hardware.requestOverhead,
            prefixHitRate: wl.prefixHitRate,
            transferTime: (tokens) => transferOf(tokens) ?? 0,
        };
        run = (which, override = {}) => {
            const spec = loadSpecFor({ ...deploymentWl, ...override }, est, which, groups, DISAGG_EVENT_BUDGET);
            if (spec === null || 'skipped' in spec)
                return spec;
            // a steady load repeats its passes: each is costed once per run (step-memo.ts)
            const p = memoStepCosts(pCosts);
            const d = memoStepCosts(dCosts);
            const out = simulatePools(spec.load, behaviour, {
                prefill: (work, ranks) => p.step(work, 0, 0, ranks),
                decode: (batch, context) => d.step(null, batch, context),
            });
            return out ? loadFigures(spec, out, output) : null;
        };
    }
    const which = options.quick ? 'quick' : 'plan';
    // A pool that holds not one request of the workload's length serves nothing (its memory.fits fails):
    // nothing is simulated and no time is estimated, as for an aggregated plan (estimates.ts, noRoom).
    // Llama 3.1 8B on 8 GiB devices, 1P1D, read "TTFT 84.4 ms · TPOT not computable · throughput 11.8 tokens/s".
    const noRoom = pf.c.noRoom || df.c.noRoom;
    const loadResult = run && options.simulate !== false && !noRoom ? run(which) : null;
    const figuresOf = (f) => (f && 'outcome' in f ? f : null);
    // What the pools complete when never short of work: a closed loop with every decode slot busy (the
    // goodput search's upper end), and an open loop's capacity, that closed loop at no more than the
    // plan's cap in flight or its declared run's requests (saturation.ts). Each is simulated once.
    const allSlots = decodeSlots !== null ? decodeSlots * D.workers : null;
    const closedAt = memoLoad((clients, kind) => (run ? figuresOf(run(kind, { requestRate: undefined, benchmark: null, concurrency: clients })) : null));
    const saturation = () => (allSlots !== null ? closedAt(allSlots, 'plan') : null);
    const capacityRun = () => (allSlots !== null ? closedAt(capacityLoad(deploymentWl, allSlots).concurrency, which) : null);
    const simulatedLoad = loadResult && 'outcome' in loadResult ? loadResult : null;
    const load = simulatedLoad && deploymentWl.requestRate !== undefined
        ? againstCapacity(simulatedLoad, deploymentWl.requestRate, deploymentWl.benchmark !== null, capacityRun)
        : simulatedLoad;
    const loadSkipped = loadResult && 'skipped' in loadResult ? loadResult.skipped : null;
    // An open loop's decode workers hold the KV cache of every request they had admitted at the peak,
    // not one request's (an aggregated open loop's rule, capacity.ts inFlightMemory); a prefill worker
    // holds only its pass's prompts, as sized.
    if (load && est && df.c.stagesEst) {
        const held = load.outcome.decodePeakHeld / D.r.layout.dp;
        df.c = { ...df.c, memEst: inFlightMemory(est, D.r, df.c.stagesEst, df.c, held) };
    }
    // Goodput: the highest rate at which every stated latency requirement holds.
    const req = plan.requirements;
    const latencyReqs = ['ttft', 'tpot', 'ttft_p50', 'ttft_p90', 'ttft_p99', 'tpot_p50', 'tpot_p90', 'tpot_p99', 'e2e_p99'].filter((k) => req[k] !== undefined);
    const wantGoodput = options.goodput === true || req.request_rate !== undefined || (plan.workload.request_rate !== undefined && latencyReqs.length > 0);
    let maxRequestRate = null;
    if (wantGoodput && run && decodeSlots !== null && options.simulate !== false && !noRoom) {
        maxRequestRate = goodputSearch(() => saturation(), (rate) => figuresOf(run({ rate, requests: goodputRequests(allSlots / groups) })), req, latencyReqs, ownOpenLoop(plan.workload.request_rate, load, options.quick, deploymentWl.benchmark !== null), () => (allSlots !== null ? (closedAt(goodputCapacityClients(deploymentWl, allSlots), which)?.servedRate ?? null) : null));
    }
    // An open loop that keeps up: what it could serve at most (its clients' cap included), for the throughput range's slow end.
    const capacity = load?.kind === 'open' && !load.saturated && !options.quick ? (capacityRun()?.throughput ?? null) : null;
    // Bounds: every efficiency at 1.
    const tps = wl.speculative ? wl.speculative.acceptance : 1;
    const ttftFloor = pf.c.ttftFloor !== null ? Math.max(pf.c.ttftFloor, transferFloor ?? 0) : null;
    const tpotFloor = df.c.tpotFloor;
    const boundContext = (input ?? 1) + (output ?? 0) / 2;
    const pBoundModels = bound && pf.c.stagesBound ? stageCostModels(bound, P.r.layout, P.r.hardware, pf.c.stagesBound, BOUND_MODE) : null;
    const dBoundModels = bound && df.c.stagesBound ? stageCostModels(bound, D.r.layout, D.r.hardware, df.c.stagesBound, BOUND_MODE) : null;
    const prefillRate = requestRateBound(bound, P.r, pf.c.stagesBound, pBoundModels, null, { prefill: true, decode: false });
    const decodeRate = requestRateBound(bound, D.r, df.c.stagesBound, dBoundModels, null, { prefill: false, decode: true });
    const concurrency = plan.workload.concurrency;
    let throughputBound = null;
    if (bound && df.c.stagesBound && concurrency !== undefined) {
        // The decode pool with every sequence decoding at once (a larger batch is never slower per token).
        const perWorker = concurrency / D.workers;
        const full = decodeStep(bound, D.r.layout, D.r.hardware, wl, df.c.stagesBound, perWorker, boundContext, BOUND_MODE);
        let ceiling = full && finite(full.step) !== null ? (concurrency * tps) / full.step : null;
        if (ceiling !== null && output !== undefined) {
            // ... and no faster than the prefill pool passes prompts on.
            if (prefillRate !== null)
                ceiling = Math.min(ceiling, prefillRate * P.workers * output);
            // A closed loop: each client's request lives at least its TTFT floor and its decode floor.
            if (plan.workload.request_rate === undefined && ttftFloor !== null && tpotFloor !== null) {
                ceiling = Math.min(ceiling, (concurrency * output) / (ttftFloor + Math.max(0, output - 1) * tpotFloor));
            }
        }
        throughputBound = finite(ceiling);
    }
    // One output token: the decode pool only hands the first token on and sets no rate of its own.
    const decodeLimit = decodeRate !== null ? decodeRate * D.workers : output !== undefined && output <= 1 ? Infinity : null;
    const rates = [prefillRate !== null ? prefillRate * P.workers : null, decodeLimit];
    if (concurrency !== undefined && plan.workload.request_rate === undefined && throughputBound !== null && output !== undefined)
        rates.push(throughputBound / output);
    const knownRates = rates.filter((x) => x !== null);
    const requestRateCeiling = knownRates.length === 2 || knownRates.length === 3 ? finite(Math.min(...knownRates)) : null;
    // An open loop: no more requests completed than both pools can pass on.
    throughputBound = openLoopThroughputBound(throughputBound, plan.workload.request_rate, requestRateCeiling, output);
    // Idle: the prompt's pass, its transfer, and the decode worker's handoff (a second pass through the serving stack).
    const ttftIdle = pf.c.ttftIdle !== null && transfer !== null ? pf.c.ttftIdle + transfer + D.r.hardware.requestOverhead : null;
    // The deployment's per-GPU figures are those of the pool holding the most loaded device, with that
    // pool's floors: parts taken from both pools would pair one device's weights with another's KV.
    const heaviestPool = (mostLoaded(pf.c.memEst)?.total ?? 0) > (mostLoaded(df.c.memEst)?.total ?? 0) ? 'prefill' : 'decode';
    const memory = mergeMemory(pf.c, df.c, heaviestPool === 'prefill' ? pf.c : df.c, D.workers);
    const peak = D.r.hardware.peak16;
    // An open loop states no batch: the decode step is the one its sequences saw in the decode workers,
    // its floor the bound at the fewest sequences and shortest context any step had (estimates.ts).
    let step = df.c.step;
    let stepFloor = df.c.stepFloor;
    let stepAt = step === null ? null : 'concurrency';
    const fewest = load?.outcome.minDecode ?? null;
    if (step === null && load?.outcome.meanDecodeStep != null && fewest && bound && df.c.stagesBound) {
        step = load.outcome.meanDecodeStep;
        stepAt = 'load';
        stepFloor = finite(decodeStep(bound, D.r.layout, D.r.hardware, D.r.workload, df.c.stagesBound, fewest.batch, fewest.context, BOUND_MODE)?.step);
    }
    const deployment = {
        ...memory,
        ...(noRoom ? { maxRunning: 0 } : {}),
        stagesEst: df.c.stagesEst,
        stagesBound: df.c.stagesBound,
        runningPerReplica: df.c.runningPerReplica,
        ttft: noRoom ? null : loadedTtft(load?.outcome.ttft.mean, ttftIdle),
        ttftIdle: noRoom ? null : ttftIdle,
        ttftFloor,
        step: noRoom ? null : step,
        stepFloor,
        tpot: load ? (load.outcome.tpot?.mean ?? null) : null,
        tpotFloor,
        throughput: load?.throughput ?? null,
        throughputBound,
        computeUtilization: load && peak ? (load.outcome.flopsPerSecond * groups) / (totalGpus * peak) : null,
        bubble: noRoom ? null : df.c.bubble,
        stageDecode: noRoom ? null : df.c.stageDecode,
        boundDecodeBy: df.c.boundDecodeBy,
        boundBy: noRoom ? null : df.c.boundBy,
        load,
        maxRequestRate,
        requestRateBound: requestRateCeiling,
        capacity,
        loadSkipped,
        noRoom,
        routedExperts: df.c.routedExperts,
    };
    return {
        pools: { prefill: pf, decode: df },
        heaviestPool,
        deployment,
        outcome: load ? load.outcome : null,
        link,
        kvBytes,
        transfer,
        transferRate,
        transferFloor,
        decodeSlots,
        totalGpus,
        costs: poolCosts,
        transferOf,
        decodeLoad: load && decodeCapacity ? Math.min(1, load.throughput / decodeCapacity) : null,
        stepAt: noRoom ? null : stepAt,
    };
}
/**
 * The memory figures of the whole deployment: the devices of both pools (the most loaded one is
 * the most loaded of either), the KV cache and running sequences of the decode pool.
 */
function mergeMemory(p, d, worst, decodeWorkers) {
    return {
        memEst: p.memEst && d.memEst ? worst.memEst : null,
        weightsFloor: p.weightsFloor !== null && d.weightsFloor !== null ? worst.weightsFloor : null,
        kvFloor: worst.kvFloor,
        kvCapacity: d.kvCapacity,
        kvCapacityBound: d.kvCapacityBound,
        kvBudget: d.kvBudget,
        maxRunning: d.maxRunning !== null ? d.maxRunning * decodeWorkers : null,
        maxConcurrencyAtMaxContext: d.maxConcurrencyAtMaxContext !== null ? d.maxConcurrencyAtMaxContext * decodeWorkers : null,
        reservedAtMaxContext: d.reservedAtMaxContext,
        floorCheck: null,
        raisedFraction: null,
        sizing: null,
        kvWindow: d.kvWindow,
    };
}

;// CONCATENATED MODULE: ./src/core/disagg-pools.ts
// The two pools of a disaggregated plan, each as a plan of its own: one worker of the pool with its
// layout, so the per-plan machinery (layout rules, engine memory, pass costs) applies unchanged.
// docs/formulas.md, "Disaggregated prefill and decode".

const POOLS = ['prefill', 'decode'];
const worldOf = (p) => {
    const l = p.parallelism ?? {};
    return (l.tp ?? 1) * (l.pp ?? 1) * (l.dp ?? 1) * (l.cp ?? 1);
};
/** Devices per worker: as stated, else the world size of the pool's layout. */
function poolGpus(p) {
    return p.gpus ?? worldOf(p);
}
/** The devices of both pools together. */
function poolsTotal(plan) {
    const d = plan.disaggregation;
    return (d.prefill.workers ?? 1) * poolGpus(d.prefill) + (d.decode.workers ?? 1) * poolGpus(d.decode);
}
/**
 * The workload one worker of the pool sees. Prefill: one prompt of the longest length per attention
 * rank at a time (its pass holds at most max_batched_tokens per rank; no output is generated there).
 * Decode: its share of the deployment's requests, each at full length, capped by its engine.
 */
function poolWorkload(plan, name, spec, workers) {
    // A pool's own memory flag replaces the workload's (and the reserve it implies).
    const w = spec.memory_fraction === undefined ? plan.workload : { ...plan.workload, memory_fraction: spec.memory_fraction };
    if (spec.memory_fraction !== undefined)
        delete w.memory_reserve;
    const dp = spec.parallelism?.dp ?? 1;
    if (name === 'prefill') {
        const out = { ...w, concurrency: dp, output_tokens: 1, max_output_tokens: 1 };
        delete out.request_rate;
        delete out.max_running_sequences;
        delete out.benchmark;
        if (spec.max_batched_tokens !== undefined)
            out.max_batched_tokens = spec.max_batched_tokens;
        else
            delete out.max_batched_tokens;
        return out;
    }
    const out = { ...w };
    if (w.concurrency !== undefined)
        out.concurrency = Math.max(1, Math.ceil(w.concurrency / workers));
    if (w.request_rate !== undefined)
        out.request_rate = w.request_rate / workers;
    if (spec.max_running_sequences !== undefined)
        out.max_running_sequences = spec.max_running_sequences;
    else
        delete out.max_running_sequences;
    return out;
}
/** One worker of the pool as an aggregated plan (no requirements, no claims: those are the deployment's). */
function poolPlan(plan, name) {
    const spec = plan.disaggregation[name];
    const workers = spec.workers ?? 1;
    const total = plan.hardware.gpus ?? poolsTotal(plan);
    const pool = {
        version: 1,
        name: `${plan.name} (${name})`,
        model: plan.model,
        // Node size: the plan's, else the core's default for the whole deployment (not for one worker).
        hardware: { ...plan.hardware, gpus: poolGpus(spec), gpus_per_node: plan.hardware.gpus_per_node ?? Math.min(8, total) },
        parallelism: spec.parallelism ?? {},
        workload: poolWorkload(plan, name, spec, workers),
        requirements: {},
        claims: {},
    };
    if (plan.deployment?.engine !== undefined)
        pool.deployment = { engine: plan.deployment.engine };
    return pool;
}
function resolvePools(loaded) {
    const plan = loaded.plan;
    const make = (name) => {
        const spec = plan.disaggregation[name];
        const p = poolPlan(plan, name);
        // the pool's command's default flag, else the workload's (as poolWorkload takes the workload's flag)
        const defaulted = loaded.defaulted ?? {};
        const r = resolvePlan(p, loaded.origins, defaulted[`disaggregation.${name}.memory_fraction`] ?? defaulted['workload.memory_fraction']);
        if (name === 'prefill' && spec.max_batched_tokens === undefined) {
            // The engine's own budget, raised to the longest prompt: a prefill worker takes several short
            // prompts per pass and never chunks one (TensorRT-LLM context servers need max_num_tokens >= the prompt).
            const longest = r.workload.maxInputTokens ?? 0;
            const engineBudget = r.workload.maxBatchedTokens;
            r.workload = { ...r.workload, maxBatchedTokens: Math.max(engineBudget, longest) };
            r.assumptions = r.assumptions.filter((a) => a.name !== 'workload.max_batched_tokens');
            r.assumptions.push({
                name: 'disaggregation.prefill.max_batched_tokens',
                value: `${r.workload.maxBatchedTokens} per attention rank (the engine's ${engineBudget}, at least the longest prompt)`,
                source: 'default',
            });
        }
        // TensorRT-LLM's prompt holds act only where one pass mixes prompts with decodes; a pool never
        // does (a context server has no decodes, a generation server no prompts): each is off, and says so.
        const ignore = (key, off, why) => {
            r.workload = { ...r.workload, ...off };
            r.assumptions = r.assumptions.filter((a) => a.name !== key);
            r.assumptions.push({ name: key, value: `ignored: a disaggregated pool (${why})`, source: 'plan' });
        };
        if (plan.workload.attention_dp_balance_timeout_steps !== undefined)
            ignore('workload.attention_dp_balance_timeout_steps', { dpBalanceTimeout: 0 }, 'a context server has no decodes to hold prompts for, a generation server no prompts');
        if (plan.workload.batch_wait_timeout_steps !== undefined || plan.workload.batch_wait_max_tokens_ratio !== undefined)
            ignore('workload.batch_wait_timeout_steps', { batchWait: null }, 'TensorRT-LLM waits only when a pass would mix prompts with decodes');
        return { name, spec, workers: spec.workers ?? 1, gpus: poolGpus(spec), plan: p, r };
    };
    return { prefill: make('prefill'), decode: make('decode') };
}
/** Where a pool check's key lives in the plan file: its pool's section for layout and engine caps. */
function poolPath(name, path) {
    if (path === undefined)
        return undefined;
    const base = `disaggregation.${name}`;
    if (path === 'parallelism' || path.startsWith('parallelism.'))
        return `${base}.${path}`;
    if (path === 'hardware.gpus')
        return `${base}.gpus`;
    if (path === 'workload.max_batched_tokens' && name === 'prefill')
        return `${base}.max_batched_tokens`;
    if (path === 'workload.max_running_sequences' && name === 'decode')
        return `${base}.max_running_sequences`;
    return path;
}
/** "tp=4 dp=2 ep=8": the layout of one worker, as the report writes it. */
function poolLayoutText(r, moe) {
    const l = r.layout;
    const parts = [`tp=${l.tp}`];
    if (l.pp > 1)
        parts.push(`pp=${l.pp}`);
    if (l.dp > 1)
        parts.push(`dp=${l.dp}`);
    if (l.cp > 1)
        parts.push(`cp=${l.cp}`);
    if (moe && l.ep > 1)
        parts.push(`ep=${l.ep}`);
    return parts.join(' ');
}

;// CONCATENATED MODULE: ./src/report/format.ts
// Number formatting for reports: each unit at a precision a reader can compare at a glance. The core's
// check details use the same formatters, so a figure reads the same in a sentence and in a table.
// Null is "not computable", never 0 (contract: a figure that cannot be computed is null).
const NOT_COMPUTABLE = 'not computable';
/** U+2212, the typographic minus: a hyphen reads as a dash in prose. */
const MINUS = '\u2212';
/** Most digits after the point shown; a smaller figure is written in e-notation (toFixed itself throws past 100). */
const MAX_FIXED_DECIMALS = 20;
/** Digits after the point so that small figures keep 3 significant digits, large ones stay short. */
function decimalsFor(magnitude) {
    if (magnitude < 10)
        return 2;
    if (magnitude < 100)
        return 1;
    return 0;
}
/** Thousands separators without locale dependence: 1234567 -> "1,234,567". */
function formatCount(n) {
    if (!Number.isFinite(n))
        return String(n);
    const rounded = Math.round(n);
    // from 1e21 up String() writes e-notation, whose digits take no separators: 3 significant digits (4.05e+297)
    const abs = Math.abs(rounded);
    const digits = abs >= 1e21 ? abs.toPrecision(3) : String(abs).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return rounded < 0 ? `${MINUS}${digits}` : digits;
}
/** A plain number with up to `maxDecimals`, trailing zeros dropped (0.90 -> 0.9). */
function formatNumber(n, maxDecimals = 2) {
    if (!Number.isFinite(n))
        return String(n);
    if (Math.abs(n) >= 1000)
        return formatCount(n);
    const text = n.toFixed(maxDecimals).replace(/\.?0+$/, '');
    return text.startsWith('-') ? `${MINUS}${text.slice(1)}` : text;
}
/**
 * Below 1, at least `digits` significant digits (a light load's 0.000459 tokens/J, never "0" for a
 * figure that is not); from 1 up, formatNumber's `decimals`.
 */
function formatSmall(n, digits, decimals) {
    const abs = Math.abs(n);
    if (!(abs < 1) || abs === 0)
        return formatNumber(n, decimals);
    const needed = digits - 1 - Math.floor(Math.log10(abs));
    // past what toFixed can show (a hostile plan's 1e-300): e-notation at the same significant digits
    if (needed > MAX_FIXED_DECIMALS)
        return `${n < 0 ? MINUS : ''}${abs.toPrecision(digits)}`;
    return formatNumber(n, Math.max(decimals, needed));
}
/** GiB with 2 decimals under 10 GiB, 1 decimal above (18.9 GiB, 4.66 GiB). */
function formatGiB(gib) {
    const abs = Math.abs(gib);
    // too small for two decimals: 3 significant digits, never "0.00 GiB" for a figure that is not 0
    const text = abs > 0 && abs < 0.005 ? abs.toPrecision(3) : abs < 10 ? abs.toFixed(2) : abs.toFixed(1);
    return `${gib < 0 ? MINUS : ''}${abs >= 1000 ? formatCount(abs) : text} GiB`;
}
/** Times in ms: ms below one second, s below 100 s, min below 100 min, then h. */
const TIME_STEPS = [
    { factor: 1, mark: '', unit: 'ms', below: 1000 },
    { factor: 1e3, mark: '', unit: 's', below: 100 },
    { factor: 6e4, mark: '', unit: 'min', below: 100 },
    { factor: 3.6e6, mark: '', unit: 'h', below: Infinity },
];
/** Token rates in tokens/s, with k and M. */
const RATE_STEPS = [
    { factor: 1, mark: '', unit: 'tokens/s', below: 1000 },
    { factor: 1e3, mark: 'k', unit: 'tokens/s', below: 1000 },
    { factor: 1e6, mark: 'M', unit: 'tokens/s', below: Infinity },
];
/** Units shown on a ladder, with the factor from the unit to the ladder's base (s -> ms: 1000). */
const LADDERS = {
    ms: { steps: TIME_STEPS, toBase: 1 },
    s: { steps: TIME_STEPS, toBase: 1e3 },
    'tokens/s': { steps: RATE_STEPS, toBase: 1 },
    'tokens/ms': { steps: RATE_STEPS, toBase: 1e3 },
};
/** A magnitude in a step at 3 significant digits (2 decimals under 10, 1 under 100), thousands separated. */
function stepNumber(abs) {
    const text = abs.toFixed(decimalsFor(abs));
    // a figure too small for 2 decimals (a required TTFT of 1e-300 s) must not read as 0
    if (abs > 0 && Number(text) === 0)
        return abs.toPrecision(3);
    return abs >= 1000 ? formatCount(abs) : text;
}
/** The step a magnitude (in base units) is shown in. */
function stepFor(base, steps) {
    const abs = Math.abs(base);
    return steps.find((s) => Number(stepNumber(abs / s.factor).replace(/,/g, '')) < s.below) ?? steps[steps.length - 1];
}
function onLadder(value, steps) {
    const step = stepFor(value, steps);
    return `${value < 0 ? MINUS : ''}${stepNumber(Math.abs(value) / step.factor)}${step.mark} ${step.unit}`;
}
/** Milliseconds below one second (41.2 ms), seconds below 100 s (1.23 s), minutes below 100 min (84.2 min), then hours. */
function formatMs(ms) {
    return onLadder(ms, TIME_STEPS);
}
/** Token rates with k/M suffixes at 3 significant digits (850 tokens/s, 12.3k tokens/s, 1.23M tokens/s). */
function formatTokensPerS(rate) {
    return onLadder(rate, RATE_STEPS);
}
/** A fraction as a percentage (0.9 -> 90%, 0.123 -> 12.3%). */
function formatPercent(fraction) {
    const pct = Math.abs(fraction * 100);
    const text = pct >= 10 ? pct.toFixed(pct >= 100 ? 0 : 1) : pct.toFixed(2);
    // trailing zeros after a decimal point only: 100% stays 100%, 12.50% becomes 12.5%
    return `${fraction < 0 ? MINUS : ''}${text.includes('.') ? text.replace(/\.?0+$/, '') : text}%`;
}
/** US dollars: $1,234, $3.50, $0.29, $0.0042 (two significant digits below a dollar). */
function formatUsd(usd) {
    const abs = Math.abs(usd);
    const sign = usd < 0 ? MINUS : '';
    if (abs >= 1000)
        return `${sign}$${formatCount(abs)}`;
    if (abs >= 1 || abs === 0)
        return `${sign}$${abs.toFixed(2)}`;
    return `${sign}$${abs.toPrecision(2)}`;
}
const FORMATTERS = {
    gib: formatGiB,
    ms: formatMs,
    s: (s) => formatMs(s * 1000),
    'tokens/s': formatTokensPerS,
    'tokens/ms': (r) => formatTokensPerS(r * 1000),
    fraction: formatPercent,
    ratio: formatPercent,
    '%': (p) => formatPercent(p / 100),
    bytes: (b) => formatGiB(b / 2 ** 30),
    usd: formatUsd,
    'tokens/j': (t) => `${formatSmall(t, 3, 2)} tokens/J`,
    'requests/s': (r) => `${formatSmall(r, 2, r < 10 ? 2 : 1)} requests/s`,
};
/** Any check figure in its unit; unknown units get a plain number followed by the unit. */
function formatQuantity(value, unit) {
    if (value === null || value === undefined || !Number.isFinite(value))
        return NOT_COMPUTABLE;
    const formatter = unit ? FORMATTERS[unit.toLowerCase()] : undefined;
    if (formatter)
        return formatter(value);
    const number = Number.isInteger(value) ? formatCount(value) : formatNumber(value);
    return unit ? `${number} ${unit}` : number;
}
/**
 * The ends of a figure's range in the figure's own unit and scale (the figure 621 ms, its range 40.6 to
 * 22,700 ms: never "40.6 ms to 22.6 s"), at 3 significant digits, rounded outward so the range shown
 * holds the range computed (to a tenth of the last digit shown). `short` (tables): the decimals of a number of two digits or more dropped,
 * 25.26-56.87 -> 25-57. Without a figure, the ends take the scale of the low end.
 */
function formatRangeEnds(range, unit, figure, short = false) {
    const ladder = unit ? LADDERS[unit.toLowerCase()] : undefined;
    if (ladder) {
        const reference = figure !== null && figure !== undefined && Number.isFinite(figure) && figure !== 0 ? figure : range[0] !== 0 ? range[0] : range[1];
        const step = stepFor(reference * ladder.toBase, ladder.steps);
        const end = (v, direction) => `${v < 0 ? MINUS : ''}${endNumber(Math.abs((v * ladder.toBase) / step.factor), v < 0 ? flip(direction) : direction, short)}${step.mark}`;
        return { low: end(range[0], 'down'), high: end(range[1], 'up'), unit: ` ${step.unit}` };
    }
    // one scale only (GiB, %, $, tokens/J): each end as the figure would be, rounded outward
    const [low, high] = [outward(range[0], unit, 'down', short), outward(range[1], unit, 'up', short)];
    const split = (t) => {
        const space = t.indexOf(' ');
        return space < 0 ? [t, ''] : [t.slice(0, space), t.slice(space)];
    };
    const [lowNumber, lowUnit] = split(low);
    const [highNumber, highUnit] = split(high);
    return lowUnit === highUnit ? { low: lowNumber, high: highNumber, unit: highUnit } : { low, high, unit: '' };
}
const flip = (direction) => (direction === 'down' ? 'up' : 'down');
/**
 * x in units of the last digit shown, to the nearest tenth of one before it is rounded outward: an end
 * of 45.004 ms shows as 45, not 46 (nor 0.29 / 0.01 = 28.999999999999996 as 30).
 */
const nudge = (x) => Math.round(x * 10) / 10;
/** A range end's magnitude rounded outward: 3 significant digits (short: none past 10), thousands separated. */
function endNumber(abs, direction, short) {
    const round = direction === 'down' ? Math.floor : Math.ceil;
    if (abs === 0)
        return '0';
    if (abs >= 1000) {
        const unit = 10 ** (Math.floor(Math.log10(abs)) - 2);
        return formatCount(round(nudge(abs / unit)) * unit);
    }
    const decimals = short && abs >= 10 ? 0 : abs < 1 ? 2 - Math.floor(Math.log10(abs)) : decimalsFor(abs);
    const f = 10 ** decimals;
    const v = round(nudge(abs * f)) / f;
    // toFixed takes at most 100 digits (a hostile plan's 1e-300 tokens/s): e-notation past 20, as stepNumber shows the figure
    if (decimals > MAX_FIXED_DECIMALS)
        return Number.isFinite(v) ? v.toPrecision(3) : abs.toPrecision(3);
    return v.toFixed(decimals);
}
/**
 * A range end through its unit's formatter, its number rounded outward at the precision shown (short:
 * decimals of a number of two digits or more dropped): 25.26 GiB -> 25.2 GiB (low end), 25.3 GiB (high).
 */
function outward(value, unit, direction, short) {
    const text = formatQuantity(value, unit);
    const match = /\d[\d,]*(\.\d+)?/.exec(text);
    if (!match)
        return text;
    const shown = Number(match[0].replace(/,/g, ''));
    if (shown === 0 || value === 0)
        return text;
    // the formatter's scale (fraction -> %: 100), a power of ten
    const factor = 10 ** Math.round(Math.log10(shown / Math.abs(value)));
    const decimals = short && shown >= 10 ? 0 : Math.max(0, (match[1]?.length ?? 1) - 1);
    const f = 10 ** decimals;
    const round = (value < 0 ? flip(direction) : direction) === 'down' ? Math.floor : Math.ceil;
    const v = round(nudge(Math.abs(value) * factor * f)) / f;
    return `${text.slice(0, match.index)}${v >= 1000 ? formatCount(v) : v.toFixed(decimals)}${text.slice(match.index + match[0].length)}`;
}
/** A figure with its range in one unit, for prose: "12.3k tokens/s (range 7.59k to 19.9k tokens/s)". */
function formatWithRange(value, range, unit) {
    const ends = formatRangeEnds(range, unit, value);
    return `${formatQuantity(value, unit)} (range ${ends.low} to ${ends.high}${ends.unit})`;
}

;// CONCATENATED MODULE: ./src/core/range-bands.ts
// The load bands the estimator's track record is kept by (ranges.ts), in order of load, and how they
// nest: a plan's range is never narrower toward a good verdict than a band of lighter load would
// give it (its high end) or a band of heavier load (its low end), so more load with an estimate no
// lower never turns a verdict better (docs/formulas.md, "How sure").
/** Concurrency bands, in order of load. */
const CONCURRENCY_BANDS = ['1-4', '5-32', '33-128', '>128'];
/** A disaggregated TTFT's load regimes: the lift of the TTFT under load over the idle one, from..to. */
const QUEUE_BANDS = [
    { name: 'queue<1.5', from: 0, to: 1.5 },
    { name: 'queue1.5-3', from: 1.5, to: 3 },
    { name: 'queue3-10', from: 3, to: 10 },
    { name: 'queue>10', from: 10, to: Infinity },
];
/** Concurrency bands the track record is kept by. */
function concurrencyBand(c) {
    if (c <= 4)
        return '1-4';
    if (c <= 32)
        return '5-32';
    if (c <= 128)
        return '33-128';
    return '>128';
}
/**
 * The load regime of a disaggregated deployment's TTFT: how far queueing (for a prefill worker, a
 * decode slot) lifts the estimate above the idle one. Its errors grow with that share, not with the
 * client count, which the pools are sized to (validation/README.md, "Disaggregated rows").
 */
function queueBand(ttft, idle) {
    if (ttft === null || idle === null || !(idle > 0) || !(ttft > 0))
        return 'queue?';
    const lift = ttft / idle;
    return QUEUE_BANDS.find((b) => lift < b.to).name;
}
/**
 * The bands lighter and heavier than `band`, by the load regime the buckets follow. A concurrency
 * band's neighbours are taken at the plan's own estimate (the estimate at their edge is not known:
 * taking the plan's is what keeps the range monotone when the estimate is flat across the edge). A
 * queue regime is chosen by the estimate itself (its lift over the idle TTFT, `lift`): a lighter
 * regime applies up to its upper edge, a heavier one from its lower edge, and is taken there.
 * Bands outside either order (an idle figure's, 'queue?') have none.
 */
function otherBands(band, byQueue, lift) {
    if (!byQueue) {
        const at = CONCURRENCY_BANDS.indexOf(band);
        if (at < 0)
            return { lighter: [], heavier: [] };
        const same = (b) => ({ band: b, shift: 0 });
        return { lighter: CONCURRENCY_BANDS.slice(0, at).map(same), heavier: CONCURRENCY_BANDS.slice(at + 1).map(same) };
    }
    const at = QUEUE_BANDS.findIndex((b) => b.name === band);
    if (at < 0)
        return { lighter: [], heavier: [] };
    // where the estimate would sit at a regime's edge, relative to the plan's; at the plan's own without a lift
    const known = lift !== undefined && lift > 0 && Number.isFinite(lift);
    const shift = (edge, side) => known ? (side === 'lighter' ? Math.min(0, Math.log(edge / lift)) : Math.max(0, Math.log(edge / lift))) : 0;
    return {
        lighter: QUEUE_BANDS.slice(0, at).map((b) => ({ band: b.name, shift: shift(b.to, 'lighter') })),
        heavier: QUEUE_BANDS.slice(at + 1).map((b) => ({ band: b.name, shift: shift(b.from, 'heavier') })),
    };
}

;// CONCATENATED MODULE: ./src/core/ranges-table.ts
const RESIDUALS = {
    ttft: {
        all: {
            n: 1303,
            q: [
                -0.454,
                -0.299,
                -0.1552,
                -0.0776,
                -0.0207,
                0.0298,
                0.088,
                0.153,
                0.2657,
                0.456,
                1.0544
            ]
        },
        disagg: {
            n: 117,
            q: [
                -1.1299,
                -0.5494,
                -0.2501,
                -0.1763,
                -0.0741,
                0.0184,
                0.1093,
                0.3379,
                0.5228,
                1.5424,
                2.0466
            ]
        },
        "disagg|queue<1.5": {
            n: 37,
            q: [
                -0.2893,
                -0.219,
                -0.1454,
                -0.0965,
                -0.0596,
                0.0037,
                0.0489,
                0.1488,
                0.3928,
                0.9805,
                2.8217
            ]
        },
        "disagg|sglang": {
            n: 49,
            q: [
                -1.1798,
                -0.5534,
                -0.2633,
                -0.0506,
                0.0238,
                0.1028,
                0.2891,
                0.4182,
                0.5498,
                1.5273,
                2.0292
            ]
        },
        "disagg|sglang|blackwell": {
            n: 38,
            q: [
                -1.2199,
                -0.882,
                -0.2818,
                -0.0521,
                0.0099,
                0.0794,
                0.3038,
                0.4668,
                0.5559,
                1.5348,
                2.0225
            ]
        },
        "disagg|trtllm": {
            n: 67,
            q: [
                -0.728,
                -0.4778,
                -0.2184,
                -0.1847,
                -0.1149,
                -0.0588,
                0.0419,
                0.2129,
                0.4507,
                1.4927,
                2.1555
            ]
        },
        "disagg|trtllm|blackwell": {
            n: 46,
            q: [
                -0.9717,
                -0.502,
                -0.2515,
                -0.2054,
                -0.1836,
                -0.1247,
                -0.095,
                0.0189,
                0.0543,
                0.5102,
                1.2578
            ]
        },
        sglang: {
            n: 394,
            q: [
                -0.3541,
                -0.2556,
                -0.1248,
                -0.0627,
                -0.0133,
                0.0314,
                0.0729,
                0.1495,
                0.337,
                0.8457,
                1.5483
            ]
        },
        "sglang|blackwell": {
            n: 151,
            q: [
                -0.331,
                -0.2611,
                -0.1547,
                -0.0492,
                -0.005,
                0.0423,
                0.06,
                0.1931,
                0.4148,
                0.9117,
                2.1693
            ]
        },
        "sglang|blackwell-ultra": {
            n: 60,
            q: [
                -0.3834,
                -0.3285,
                -0.2055,
                -0.1039,
                -0.059,
                0.0737,
                0.1179,
                0.1937,
                0.5925,
                1.1867,
                1.6173
            ]
        },
        "sglang|blackwell-ultra|run": {
            n: 60,
            q: [
                -0.3834,
                -0.3285,
                -0.2055,
                -0.1039,
                -0.059,
                0.0737,
                0.1179,
                0.1937,
                0.5925,
                1.1867,
                1.6173
            ]
        },
        "sglang|blackwell|run": {
            n: 151,
            q: [
                -0.331,
                -0.2611,
                -0.1547,
                -0.0492,
                -0.005,
                0.0423,
                0.06,
                0.1931,
                0.4148,
                0.9117,
                2.1693
            ]
        },
        "sglang|hopper": {
            n: 183,
            q: [
                -0.3259,
                -0.1853,
                -0.1046,
                -0.0572,
                -0.0144,
                0.0094,
                0.0463,
                0.098,
                0.194,
                0.537,
                0.6772
            ]
        },
        "sglang|hopper|run": {
            n: 90,
            q: [
                -0.1046,
                -0.0741,
                -0.0554,
                -0.0068,
                0.0232,
                0.0847,
                0.114,
                0.1806,
                0.3984,
                0.4851,
                0.6368
            ]
        },
        "sglang|hopper|steady": {
            n: 93,
            q: [
                -0.4695,
                -0.3223,
                -0.1634,
                -0.1147,
                -0.0648,
                -0.0138,
                0.0069,
                0.0413,
                0.0849,
                0.537,
                1.2774
            ]
        },
        trtllm: {
            n: 375,
            q: [
                -0.4913,
                -0.2985,
                -0.1593,
                -0.087,
                -0.0221,
                0.0235,
                0.098,
                0.1738,
                0.2953,
                0.6754,
                1.185
            ]
        },
        "trtllm|blackwell": {
            n: 165,
            q: [
                -0.2188,
                -0.1644,
                -0.0881,
                -0.0374,
                -0.0082,
                0.0157,
                0.0755,
                0.1139,
                0.1743,
                0.2959,
                0.4796
            ]
        },
        "trtllm|blackwell|run": {
            n: 164,
            q: [
                -0.2191,
                -0.1644,
                -0.0906,
                -0.0398,
                -0.0083,
                0.0154,
                0.0721,
                0.1104,
                0.1661,
                0.2939,
                0.4718
            ]
        },
        "trtllm|hopper": {
            n: 210,
            q: [
                -0.6576,
                -0.4623,
                -0.2249,
                -0.1365,
                -0.0702,
                0.0425,
                0.1538,
                0.2768,
                0.4286,
                1.0569,
                1.3699
            ]
        },
        "trtllm|hopper|run": {
            n: 72,
            q: [
                -0.3052,
                -0.2269,
                -0.1614,
                -0.1167,
                -0.0728,
                0.0377,
                0.0891,
                0.1726,
                0.2333,
                0.442,
                0.6838
            ]
        },
        "trtllm|hopper|steady": {
            n: 138,
            q: [
                -0.9347,
                -0.6017,
                -0.3063,
                -0.1599,
                -0.0701,
                0.0434,
                0.2208,
                0.3565,
                0.6824,
                1.2693,
                1.4873
            ]
        },
        vllm: {
            n: 534,
            q: [
                -0.5894,
                -0.3431,
                -0.1616,
                -0.0893,
                -0.0225,
                0.0323,
                0.0877,
                0.1479,
                0.2168,
                0.353,
                0.4161
            ]
        },
        "vllm|blackwell": {
            n: 289,
            q: [
                -0.4711,
                -0.3043,
                -0.162,
                -0.0912,
                -0.0238,
                0.0298,
                0.0844,
                0.1474,
                0.2168,
                0.3573,
                0.3933
            ]
        },
        "vllm|blackwell-ultra": {
            n: 42,
            q: [
                -0.5595,
                -0.5028,
                -0.1425,
                -0.0552,
                -0.0154,
                0.0711,
                0.1195,
                0.1913,
                0.2071,
                0.285,
                0.7737
            ]
        },
        "vllm|blackwell-ultra|run": {
            n: 42,
            q: [
                -0.5595,
                -0.5028,
                -0.1425,
                -0.0552,
                -0.0154,
                0.0711,
                0.1195,
                0.1913,
                0.2071,
                0.285,
                0.7737
            ]
        },
        "vllm|blackwell|run": {
            n: 289,
            q: [
                -0.4711,
                -0.3043,
                -0.162,
                -0.0912,
                -0.0238,
                0.0298,
                0.0844,
                0.1474,
                0.2168,
                0.3573,
                0.3933
            ]
        },
        "vllm|hopper": {
            n: 203,
            q: [
                -0.8629,
                -0.3753,
                -0.1629,
                -0.0846,
                -0.0234,
                0.0335,
                0.0892,
                0.1419,
                0.2248,
                0.3161,
                0.4419
            ]
        },
        "vllm|hopper|run": {
            n: 167,
            q: [
                -0.2458,
                -0.1604,
                -0.0924,
                -0.0557,
                0.0028,
                0.0581,
                0.1078,
                0.1549,
                0.2439,
                0.3131,
                0.4105
            ]
        },
        "vllm|hopper|steady": {
            n: 36,
            q: [
                -1.0968,
                -0.9963,
                -0.9,
                -0.8535,
                -0.3795,
                -0.2979,
                -0.2562,
                -0.0223,
                0.0686,
                0.4121,
                0.5014
            ]
        }
    },
    tpot: {
        all: {
            n: 1303,
            q: [
                -0.2938,
                -0.2096,
                -0.1224,
                -0.0829,
                -0.0461,
                -0.005,
                0.0356,
                0.0791,
                0.1339,
                0.2084,
                0.3058
            ]
        },
        disagg: {
            n: 117,
            q: [
                -0.3044,
                -0.2781,
                -0.204,
                -0.1489,
                -0.0981,
                -0.047,
                0.0002,
                0.0521,
                0.1107,
                0.213,
                0.2946
            ]
        },
        "disagg|sglang": {
            n: 49,
            q: [
                -0.2996,
                -0.2666,
                -0.2126,
                -0.1837,
                -0.1196,
                -0.0597,
                -0.0141,
                0.0135,
                0.0846,
                0.1161,
                0.3224
            ]
        },
        "disagg|sglang|blackwell": {
            n: 38,
            q: [
                -0.2948,
                -0.262,
                -0.209,
                -0.1841,
                -0.1489,
                -0.0769,
                -0.0388,
                0.0047,
                0.0571,
                0.1026,
                0.1264
            ]
        },
        "disagg|trtllm": {
            n: 67,
            q: [
                -0.2844,
                -0.2735,
                -0.1603,
                -0.1237,
                -0.0763,
                -0.0204,
                0.0197,
                0.081,
                0.1333,
                0.2199,
                0.2849
            ]
        },
        "disagg|trtllm|blackwell": {
            n: 46,
            q: [
                -0.3008,
                -0.2812,
                -0.2288,
                -0.1527,
                -0.1261,
                -0.1013,
                -0.0583,
                -0.0197,
                0.0328,
                0.0898,
                0.126
            ]
        },
        sglang: {
            n: 394,
            q: [
                -0.2104,
                -0.1554,
                -0.1092,
                -0.0838,
                -0.0427,
                -0.0125,
                0.0309,
                0.076,
                0.1393,
                0.2614,
                0.4121
            ]
        },
        "sglang|blackwell": {
            n: 151,
            q: [
                -0.1735,
                -0.1119,
                -0.0994,
                -0.0838,
                -0.0632,
                -0.0423,
                -0.0283,
                -0.0019,
                0.0206,
                0.1492,
                0.2744
            ]
        },
        "sglang|blackwell-ultra": {
            n: 60,
            q: [
                -0.2402,
                -0.1818,
                -0.1555,
                -0.1225,
                -0.0757,
                0.0653,
                0.1063,
                0.143,
                0.2709,
                0.4147,
                0.5424
            ]
        },
        "sglang|hopper": {
            n: 183,
            q: [
                -0.2108,
                -0.1513,
                -0.1193,
                -0.0622,
                0.0015,
                0.0491,
                0.0753,
                0.1039,
                0.1602,
                0.2616,
                0.4357
            ]
        },
        trtllm: {
            n: 375,
            q: [
                -0.3651,
                -0.2935,
                -0.1571,
                -0.1061,
                -0.0574,
                0.0037,
                0.049,
                0.088,
                0.1471,
                0.2338,
                0.3286
            ]
        },
        "trtllm|blackwell": {
            n: 165,
            q: [
                -0.3632,
                -0.3298,
                -0.2081,
                -0.1161,
                -0.0599,
                0.0037,
                0.0535,
                0.0864,
                0.1136,
                0.178,
                0.2341
            ]
        },
        "trtllm|hopper": {
            n: 210,
            q: [
                -0.3756,
                -0.2309,
                -0.1328,
                -0.0901,
                -0.0573,
                0.0057,
                0.0359,
                0.1016,
                0.1691,
                0.2784,
                0.4221
            ]
        },
        vllm: {
            n: 534,
            q: [
                -0.2684,
                -0.1966,
                -0.1178,
                -0.0739,
                -0.0392,
                -0.004,
                0.0302,
                0.0726,
                0.1256,
                0.1688,
                0.2428
            ]
        },
        "vllm|blackwell": {
            n: 289,
            q: [
                -0.2571,
                -0.203,
                -0.1314,
                -0.09,
                -0.0525,
                0.0091,
                0.0357,
                0.0854,
                0.1342,
                0.1688,
                0.2302
            ]
        },
        "vllm|blackwell-ultra": {
            n: 42,
            q: [
                -0.3238,
                -0.2589,
                -0.2287,
                -0.1196,
                -0.0489,
                -0.0088,
                0.0147,
                0.0586,
                0.1368,
                0.1733,
                0.435
            ]
        },
        "vllm|hopper": {
            n: 203,
            q: [
                -0.2982,
                -0.1287,
                -0.0821,
                -0.0618,
                -0.0307,
                -0.0112,
                0.028,
                0.0631,
                0.1015,
                0.1579,
                0.2818
            ]
        }
    },
    widen: {
        ttft: 1.51,
        tpot: 1.36
    },
    widenDisagg: {
        ttft: 1.58,
        tpot: 1.19
    }
};

;// CONCATENATED MODULE: ./src/core/ranges.ts
// How sure: a range around every estimated time and rate, from how far this estimator has been
// from measured serving runs of the same engine, GPU family and load (docs/formulas.md, "How sure").
// The range is not the bound: the bound is physics, the range is the estimator's track record.


/** Quantiles the residual table holds, of ln(measured / estimate). */
const RANGE_QUANTILES = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];
/** Share of validated deployments whose measurement falls inside their own range. */
const RANGE_COVERAGE = 0.8;
/** Fewest runs a bucket of the table needs before it is used rather than a coarser one. */
const MIN_BUCKET = 30;

/**
 * Whether a plan's track records are kept by load band: a disaggregated plan's only. An aggregated
 * plan's TPOT error hardly moves with load (median estimate/measured 0.90-1.02 across the
 * concurrency bands of the calibration half; wider only above 128 in flight), and its TTFT error's
 * spread inside one band is larger than the shift of its median from band to band. Keeping them by
 * band made their ranges nest across bands (a heavier band's high end lifted to a lighter one's),
 * which cost more width than the bands saved. Held out: TPOT 83% of runs inside ranges 1.98x wide by
 * band, 79% inside 1.76x pooled; TTFT 79% inside 3.11x by band, 80% inside 2.78x pooled by engine,
 * GPU family and how the load's requests fall (`RangeContext.lengths`; validation/README.md).
 */
function keptByLoad(disaggregated) {
    return disaggregated;
}
/**
 * Buckets from the finest to the coarsest, for one metric, engine, GPU family and band. Disaggregated
 * deployments keep a track record of their own (their TTFT adds a queue for a prefill worker and a
 * KV transfer), falling back to all runs only when none of theirs applies; given `queue`, their
 * buckets follow that load regime first (the TTFT's), then engine and family. A metric not kept by
 * load (keptByLoad) starts at engine and family; an aggregated TTFT given `lengths` at engine, family
 * and how the requests fall.
 */
function bucketKeys(metric, engine, family, band, disaggregated = false, queue, lengths) {
    if (disaggregated && queue !== undefined)
        return [`disagg|${engine}|${family}|${queue}`, `disagg|${engine}|${queue}`, `disagg|${queue}`, `disagg|${engine}|${family}`, `disagg|${engine}`, 'disagg'];
    if (disaggregated)
        return [`disagg|${engine}|${family}|${band}`, `disagg|${engine}|${family}`, `disagg|${engine}`, 'disagg'];
    // an aggregated record is not kept by load (keptByLoad)
    const byFamily = [`${engine}|${family}`, engine, 'all'];
    return metric === 'ttft' && lengths !== undefined ? [`${engine}|${family}|${lengths}`, ...byFamily] : byFamily;
}
/** Spread added when the plan leaves the validated region (engines x GPU families of the sample). */
const OUTSIDE_WIDEN = 1.5;
/**
 * The validated MoE models route among 128 to 512 fine-grained experts (DeepSeek-V3/R1, Kimi-K2.5,
 * GLM-5, MiniMax-M2.5, Qwen3-235B, Qwen3.5-397B, gpt-oss-120b): their fitted expert-GEMM efficiency
 * (engines.ts) is what grouped GEMMs reach at their small per-expert batches. A model of fewer,
 * wider experts (Mixtral's 8) runs far larger ones, likely faster than that: outside the region.
 */
const VALIDATED_MIN_EXPERTS = 128;
/** Spread added when the plan does not name its engine (vLLM's behaviour is assumed). */
const DEFAULTED_ENGINE_WIDEN = 1.25;
/**
 * The residuals of the validated table, remembered by their context: a layout search asks for the
 * same few thousands of times (every candidate's engine, family and band), and each answer is a
 * pure function of the context. Callers only read what they get.
 */
const remembered = new Map();
const REMEMBER_AT_MOST = 512;
function residualsFor(metric, ctx, table = RESIDUALS) {
    if (table !== RESIDUALS)
        return computeResiduals(metric, ctx, table);
    const key = `${metric}|${ctx.engine}|${ctx.family}|${ctx.band}|${ctx.engineDefaulted}|${ctx.routedExperts ?? 0}|${ctx.disaggregated === true}|${ctx.queue}|${ctx.lift}|${ctx.idle === true}|${ctx.lengths}|${ctx.pipelineStages ?? 1}`;
    let r = remembered.get(key);
    if (r === undefined) {
        if (remembered.size >= REMEMBER_AT_MOST)
            remembered.clear();
        r = computeResiduals(metric, ctx, table);
        remembered.set(key, r);
    }
    return r;
}
/**
 * A residual bucket's key in words, for the report: "disagg|queue<1.5" -> "disaggregated runs whose TTFT
 * under load is below 1.5x the idle one", "sglang|hopper" -> "sglang runs on hopper GPUs", "all" -> "all runs".
 */
function bucketWords(bucket) {
    if (bucket === 'all')
        return 'all runs';
    const parts = bucket.split('|');
    const disagg = parts[0] === 'disagg';
    const rest = disagg ? parts.slice(1) : parts;
    const queue = rest.find((p) => p.startsWith('queue'));
    const lengths = rest.find((p) => p === 'steady' || p === 'run');
    const [engine, family] = rest.filter((p) => p !== queue && p !== lengths);
    const words = [disagg ? 'disaggregated' : '', engine ?? '', 'runs', family ? `on ${family} GPUs` : ''];
    if (lengths === 'steady')
        words.push('of steady loops of equal requests');
    if (lengths === 'run')
        words.push('of declared runs or open loops');
    if (queue) {
        const m = /^queue(?:<([\d.]+)|([\d.]+)-([\d.]+)|>([\d.]+))$/.exec(queue);
        if (m?.[1])
            words.push(`whose TTFT under load is below ${m[1]}x the idle one`);
        else if (m?.[2])
            words.push(`whose TTFT under load is ${m[2]}x to ${m[3]}x the idle one`);
        else if (m?.[4])
            words.push(`whose TTFT under load is above ${m[4]}x the idle one`);
    }
    return words.filter((w) => w !== '').join(' ');
}
const everyContextFieldKeyed = true;
void everyContextFieldKeyed;
function computeResiduals(metric, ctx, table) {
    const disaggregated = ctx.disaggregated === true;
    const keysAt = (band, queue) => bucketKeys(metric, ctx.engine, ctx.family, band, disaggregated, metric === 'ttft' ? queue : undefined, ctx.idle ? undefined : ctx.lengths);
    const bucketOf = (keys) => keys.find((k) => table[metric][k] !== undefined) ?? 'all';
    const keys = keysAt(ctx.band, ctx.queue);
    const why = [];
    // Validated layouts differ from the ones the quantiles came from: widened as much as it takes to
    // cover 80% of layouts held aside (validation/build-ranges.mjs).
    let widen = (disaggregated ? table.widenDisagg : table.widen)?.[metric] ?? 1;
    const bucket = bucketOf(keys);
    // Inside the validated region: the engine on this GPU family has a track record of its own.
    const familyKey = `${disaggregated ? 'disagg|' : ''}${ctx.engine}|${ctx.family}`;
    if (bucket !== keys[0] && table[metric][familyKey] === undefined) {
        widen *= OUTSIDE_WIDEN;
        why.push(`${ctx.engine} on ${ctx.family} GPUs is outside the validated runs: ${OUTSIDE_WIDEN}x wider than ${bucketWords(bucket)}`);
    }
    const experts = ctx.routedExperts ?? 0;
    if (experts > 0 && experts < VALIDATED_MIN_EXPERTS) {
        widen *= OUTSIDE_WIDEN;
        why.push(`a MoE of ${experts} experts is outside the validated runs (${VALIDATED_MIN_EXPERTS} to 512 experts): ${OUTSIDE_WIDEN}x wider`);
    }
    // Every run of the measured sample has pp 1: a pipeline's bubbles and stage hand-offs have no track record.
    if ((ctx.pipelineStages ?? 1) > 1) {
        widen *= OUTSIDE_WIDEN;
        why.push(`pipeline parallelism (pp ${ctx.pipelineStages}) is outside the validated runs (all pp 1): ${OUTSIDE_WIDEN}x wider`);
    }
    if (ctx.engineDefaulted) {
        widen *= DEFAULTED_ENGINE_WIDEN;
        why.push(`deployment.engine is not given (vLLM assumed): ${DEFAULTED_ENGINE_WIDEN}x wider`);
    }
    const qOf = (b) => table[metric][b]?.q ?? RANGE_QUANTILES.map(() => 0);
    // The bands lighter and heavier than this one, by the load regime the buckets follow.
    const byQueue = disaggregated && metric === 'ttft' && ctx.queue !== undefined;
    // (none for an idle figure, whose band is not nested with the loaded ones, nor for a record not kept by load)
    const others = ctx.idle || !keptByLoad(disaggregated) ? { lighter: [], heavier: [] } : otherBands(byQueue ? (ctx.queue ?? '') : ctx.band, byQueue, ctx.lift);
    const at = (o) => ({
        q: qOf(bucketOf(byQueue ? keysAt(ctx.band, o.band) : keysAt(o.band, ctx.queue))),
        shift: o.shift,
    });
    return { q: qOf(bucket), bucket, widen, why, lighter: others.lighter.map(at), heavier: others.heavier.map(at) };
}
/** ln(measured / estimate) at quantile p, the spread about the median widened. */
function residualAt(r, p) {
    const qs = RANGE_QUANTILES;
    let v;
    if (p <= qs[0])
        v = r.q[0];
    else if (p >= qs[qs.length - 1])
        v = r.q[r.q.length - 1];
    else {
        let i = 0;
        while (qs[i + 1] < p)
            i++;
        const t = (p - qs[i]) / (qs[i + 1] - qs[i]);
        v = r.q[i] + t * (r.q[i + 1] - r.q[i]);
    }
    const median = r.q[qs.indexOf(0.5)];
    return median + (v - median) * r.widen;
}
/** The bands whose high end (`side` 'high') or low end ('low') a figure of this trend's range reaches to. */
function nestedWith(r, trend, side) {
    const lighter = (trend === 'worsens') === (side === 'high');
    return (lighter ? r.lighter : r.heavier) ?? [];
}
/** ln(measured / estimate) at the range's ends: this band's, reaching to the bands it nests with. */
function rangeEnds(r, trend) {
    const tail = (1 - RANGE_COVERAGE) / 2;
    const at = (q, p) => residualAt({ q, widen: r.widen }, p);
    const lo = Math.min(at(r.q, tail), ...nestedWith(r, trend, 'low').map((b) => b.shift + at(b.q, tail)));
    const hi = Math.max(at(r.q, 1 - tail), ...nestedWith(r, trend, 'high').map((b) => b.shift + at(b.q, 1 - tail)));
    return [lo, hi];
}
/** Share of validated runs whose ln(measured / estimate) is at most x (the residual's distribution function). */
function residualCdf(r, x) {
    const qs = RANGE_QUANTILES;
    const vals = qs.map((p) => residualAt(r, p));
    if (x <= vals[0])
        return qs[0] * Math.max(0, 1 - (vals[0] - x) / Math.max(1e-9, vals[1] - vals[0]));
    if (x >= vals[vals.length - 1])
        return 1 - (1 - qs[qs.length - 1]) * Math.max(0, 1 - (x - vals[vals.length - 1]) / Math.max(1e-9, vals[vals.length - 1] - vals[vals.length - 2]));
    let i = 0;
    while (vals[i + 1] < x)
        i++;
    const t = (x - vals[i]) / Math.max(1e-12, vals[i + 1] - vals[i]);
    return qs[i] + t * (qs[i + 1] - qs[i]);
}
/**
 * The distribution function the range's ends are quantiles of: where the estimate meets the
 * requirement (x >= 0), the least of this band's and those of the bands its high end reaches to
 * (whose 90% quantile is the greatest of theirs: the high end); where it misses, the greatest of
 * this band's and those its low end reaches to.
 */
function nestedCdf(r, trend, x) {
    const side = x >= 0 ? 'high' : 'low';
    const all = [residualCdf(r, x), ...nestedWith(r, trend, side).map((b) => residualCdf({ q: b.q, widen: r.widen }, x - b.shift))];
    return side === 'high' ? Math.min(...all) : Math.max(...all);
}
/**
 * The range of an estimate at RANGE_COVERAGE: the central quantiles of the measured/estimate
 * ratio, the load bands nested by how the figure moves with load (a time worsens, a rate improves,
 * by default). A rate errs the other way from the time it derives from (throughput ~ 1 / TPOT). The
 * range never crosses the physical bound: a time's low end stays at or above its floor, a rate's
 * high end at or below its ceiling. `slowStop`: where the range stops on its slow side, never past
 * the estimate: a rate's low end, or the high end of a cost per token, which is a time's kind (an
 * open loop that keeps up serves its arrivals, plan-ranges.ts).
 */
function rangeOf(estimate, r, kind, bound, slowStop = null, trend = kind === 'time' ? 'worsens' : 'improves') {
    const [lo, hi] = rangeEnds(r, trend);
    let low = kind === 'time' ? estimate * Math.exp(lo) : estimate * Math.exp(-hi);
    let high = kind === 'time' ? estimate * Math.exp(hi) : estimate * Math.exp(-lo);
    if (slowStop !== null) {
        if (kind === 'rate')
            low = Math.max(low, Math.min(slowStop, estimate));
        else
            high = Math.min(high, Math.max(slowStop, estimate));
    }
    if (bound !== null) {
        if (kind === 'time')
            low = Math.max(low, bound);
        else
            high = Math.min(high, bound);
        if (low > high)
            [low, high] = kind === 'time' ? [low, low] : [high, high];
    }
    return [low, high];
}
/**
 * Share of validated deployments with this estimate that would miss `required`: for a time,
 * measured > required; for a rate, measured < required. Nested as the range is: a requirement at the
 * range's bad end misses 1 in 10.
 */
function missProbability(estimate, required, r, kind, trend = kind === 'time' ? 'worsens' : 'improves') {
    if (estimate <= 0 || required <= 0)
        return 1;
    const x = Math.log(required / estimate);
    // The residuals are ln(measured / estimate) of times. A time misses when that exceeds x. A rate's
    // ln(measured / estimate) mirrors its time's (-residual), so it misses when -residual < x, that is
    // when the residual exceeds -x.
    return 1 - nestedCdf(r, trend, kind === 'time' ? x : -x);
}
/** Simple fractions above one half, for "about 3 in 4" rather than a rounded "1 in 1". */
const MOST = [
    [1, 2],
    [3, 5],
    [2, 3],
    [3, 4],
    [4, 5],
    [9, 10],
];
/** "about 1 in 4", "about 3 in 4" for a probability, in words a reviewer reads at a glance. */
function oneIn(p) {
    if (p >= 0.95)
        return 'nearly all';
    if (p <= 0.02)
        return 'under 1 in 50';
    if (p < 0.5)
        return `about 1 in ${Math.max(2, Math.round(1 / p))}`;
    let best = MOST[0];
    for (const f of MOST)
        if (Math.abs(f[0] / f[1] - p) < Math.abs(best[0] / best[1] - p))
            best = f;
    return `about ${best[0]} in ${best[1]}`;
}

;// CONCATENATED MODULE: ./src/core/compare.ts
// Turns (figure, estimate, physical bound) into a check status, the same way for
// every requirement and claim (contract: beyond the bound is physically impossible,
// between estimate and bound is optimistic, no estimate is unverified).

const because = (f) => (f.why ? `; ${f.why}` : '');
const missingText = (missing) => missing.length > 0 ? `cannot estimate without ${missing.join(', ')}` : 'cannot estimate from what the plan gives';
/**
 * A requirement on a rate (throughput: at least R) or a time (TTFT: at most T).
 * Fails when even the physical bound misses it; else judged on the estimate.
 */
function judgeRequirement(required, dir, f) {
    const better = (a, b) => (dir === 'higher-is-better' ? a >= b : a <= b);
    if (f.bound !== null && !better(f.bound, required)) {
        const word = dir === 'higher-is-better' ? 'upper bound' : 'lower bound';
        return {
            status: 'fail',
            limit: f.bound,
            basis: 'bound',
            detail: `physically impossible: the ${word} is ${f.show(f.bound)} (every efficiency at 1), required ${f.show(required)}${because(f)}`,
        };
    }
    if (f.estimate === null) {
        const b = f.bound !== null ? `; the bound ${f.show(f.bound)} does not rule it out` : '';
        return { status: 'unverified', limit: f.bound, basis: f.bound === null ? null : 'bound', detail: `${f.unknown ?? missingText(f.missing)}${b}` };
    }
    if (f.risk)
        return judgeWithRange(required, dir, f, f.estimate, f.risk);
    if (better(f.estimate, required)) {
        return { status: 'pass', limit: f.estimate, basis: 'estimate', detail: `estimate ${f.show(f.estimate)} meets ${f.show(required)}` };
    }
    return {
        status: 'fail',
        limit: f.estimate,
        basis: 'estimate',
        detail: `estimate ${f.show(f.estimate)} misses ${f.show(required)} (bound ${f.bound !== null ? f.show(f.bound) : 'unknown'})`,
    };
}
/**
 * A requirement against an estimate and its range: met even at the range's bad end passes; met by the
 * estimate but not at the bad end is at risk (warn, with the share of validated deployments this
 * close that missed); missed by the estimate but not at the good end warns; missed at the good end
 * fails. (Beyond the physical bound was already a fail.)
 */
function judgeWithRange(required, dir, f, estimate, risk) {
    const [low, high] = rangeOf(estimate, risk.residuals, risk.kind, f.rangeBound ?? f.bound, f.slowStop ?? null, risk.trend);
    const lowerIsBetter = dir === 'lower-is-better';
    const bad = lowerIsBetter ? high : low;
    const good = lowerIsBetter ? low : high;
    const meets = (v) => (lowerIsBetter ? v <= required : v >= required);
    // the share of validated deployments this close that missed: only the two warnings say it
    const missed = () => (f.terse ? '' : oneIn(missProbability(estimate, required, risk.residuals, risk.kind, risk.trend)));
    const shown = f.showWithRange ? f.showWithRange(estimate, [low, high]) : `${f.show(estimate)} (range ${f.show(low)} to ${f.show(high)})`;
    if (meets(bad))
        return {
            status: 'pass',
            limit: estimate,
            basis: 'estimate',
            detail: `estimate ${shown} meets ${f.show(required)} even at the range's ${lowerIsBetter ? 'high' : 'low'} end`,
        };
    if (meets(estimate)) {
        return {
            status: 'warn',
            limit: estimate,
            basis: 'estimate',
            detail: `at risk: estimate ${shown} meets ${f.show(required)}, the range's ${lowerIsBetter ? 'high' : 'low'} end does not; ${missed()} validated deployments this close missed`,
        };
    }
    if (meets(good)) {
        return {
            status: 'warn',
            limit: estimate,
            basis: 'estimate',
            detail: `likely missed (at risk, inside its range): estimate ${shown} misses ${f.show(required)}, which only the range's ${lowerIsBetter ? 'low' : 'high'} end meets; ${missed()} validated deployments this close missed`,
        };
    }
    return {
        status: 'fail',
        limit: estimate,
        basis: 'estimate',
        detail: `estimate ${shown} misses ${f.show(required)} across its whole range (bound ${f.bound !== null ? f.show(f.bound) : 'unknown'})`,
    };
}
/**
 * A claim about a rate or a time. Beyond the bound: impossible (fail). Between the estimate and
 * the bound: optimistic (warn). On the estimate's safe side: pass.
 */
function judgeClaim(claimed, dir, f) {
    const beyond = (a, b) => (dir === 'higher-is-better' ? a > b : a < b);
    if (f.bound !== null && beyond(claimed, f.bound)) {
        const word = dir === 'higher-is-better' ? 'upper bound' : 'lower bound';
        return {
            status: 'fail',
            limit: f.bound,
            basis: 'bound',
            detail: `physically impossible: claimed ${f.show(claimed)}, ${word} ${f.show(f.bound)}${f.boundIsCapacity ? '' : ' (every efficiency at 1)'}${because(f)}`,
        };
    }
    if (f.estimate === null) {
        const b = f.bound !== null ? `; within the bound ${f.show(f.bound)}` : '';
        return { status: 'unverified', limit: f.bound, basis: f.bound === null ? null : 'bound', detail: `${f.unknown ?? missingText(f.missing)}${b}` };
    }
    if (beyond(claimed, f.estimate)) {
        return { status: 'warn', limit: f.estimate, basis: 'estimate', detail: `optimistic: claimed ${f.show(claimed)}, estimate ${f.show(f.estimate)}` };
    }
    return { status: 'pass', limit: f.estimate, basis: 'estimate', detail: `claimed ${f.show(claimed)}, estimate ${f.show(f.estimate)}` };
}
/**
 * A claim about memory: below the floor (the bytes the shard must occupy) is impossible; below
 * the estimate optimistic; far above it (over 1.5x) a sign the author sized something else.
 */
function judgeMemoryClaim(claimed, f) {
    if (f.bound !== null && claimed < f.bound) {
        return {
            status: 'fail',
            limit: f.bound,
            basis: 'bound',
            detail: `physically impossible: claimed ${f.show(claimed)}, below the floor of ${f.show(f.bound)}, the least the device must hold for the plan to run at all`,
        };
    }
    if (f.estimate === null) {
        const b = f.bound !== null ? `; floor ${f.show(f.bound)}` : '';
        return { status: 'unverified', limit: f.bound, basis: f.bound === null ? null : 'bound', detail: `${f.unknown ?? missingText(f.missing)}${b}` };
    }
    if (claimed < f.estimate) {
        return { status: 'warn', limit: f.estimate, basis: 'estimate', detail: `optimistic: claimed ${f.show(claimed)}, estimate ${f.show(f.estimate)}` };
    }
    if (claimed > 1.5 * f.estimate) {
        return {
            status: 'warn',
            limit: f.estimate,
            basis: 'estimate',
            detail: `claimed ${f.show(claimed)} is far above the estimate ${f.show(f.estimate)}: does it size the same thing?`,
        };
    }
    return { status: 'pass', limit: f.estimate, basis: 'estimate', detail: `claimed ${f.show(claimed)}, estimate ${f.show(f.estimate)}` };
}

;// CONCATENATED MODULE: ./src/core/cost.ts
// Cost and energy of serving (contract, "Version 1.1 / Cost and energy"): what a million output
// tokens cost and how many output tokens a joule buys, for the whole deployment at the plan's load.
// Both follow from the throughput: the estimate gives the expected figure, the throughput's
// physical ceiling gives the bound (a cost floor, a tokens-per-joule ceiling).



const SECONDS_PER_HOUR = 3600;
const TOKENS_PER_MILLION = 1e6;
/** USD per million output tokens: gpus x cost_per_hour / (throughput x 3600) x 1e6. */
function costPerMillionTokens(gpus, usdPerGpuHour, tokensPerS) {
    if (tokensPerS === null || !(tokensPerS > 0) || !(gpus > 0) || !(usdPerGpuHour >= 0))
        return null;
    return ((gpus * usdPerGpuHour) / (tokensPerS * SECONDS_PER_HOUR)) * TOKENS_PER_MILLION;
}
/** Output tokens per joule: throughput / (gpus x power per accelerator). */
function tokensPerJoule(gpus, wattsPerGpu, tokensPerS) {
    if (tokensPerS === null || !(tokensPerS >= 0) || !(gpus > 0) || !(wattsPerGpu > 0))
        return null;
    return tokensPerS / (gpus * wattsPerGpu);
}
// 4 decimals, or 3 significant figures where a light load's figure is smaller (never 0 for a computed one)
const rounded = (v, digits) => roundFine(v, digits, 3);
const roundedDown = (v, digits) => roundFine(v, digits, 3, 'down');
const roundedUp = (v, digits) => roundFine(v, digits, 3, 'up');
/**
 * The metrics: the contract's two, and their bounds (extensions). Bounds round outward, so a shown
 * floor never sits above the true one.
 */
function economyMetrics(e) {
    const cost = (t) => (e.costPerHour === undefined ? null : costPerMillionTokens(e.gpus, e.costPerHour, t));
    const energy = (t) => (e.power === undefined ? null : tokensPerJoule(e.gpus, e.power, t));
    return {
        cost_per_million_tokens: rounded(cost(e.throughput), 4),
        cost_per_million_tokens_lower_bound: roundedDown(cost(e.throughputBound), 4),
        tokens_per_joule: rounded(energy(e.throughput), 4),
        tokens_per_joule_upper_bound: roundedUp(energy(e.throughputBound), 4),
    };
}
/**
 * The ranges of cost and energy (contract 1.1, "How sure"), from the throughput's: both follow the
 * throughput exactly, so a cheaper end pairs with the faster one.
 */
function economyRanges(e, throughputRange) {
    if (!throughputRange)
        return {};
    const [slow, fast] = throughputRange;
    const out = {};
    if (e.costPerHour !== undefined) {
        const cheap = costPerMillionTokens(e.gpus, e.costPerHour, fast);
        const dear = costPerMillionTokens(e.gpus, e.costPerHour, slow);
        if (cheap !== null && dear !== null)
            out.cost_per_million_tokens = [rounded(cheap, 4), rounded(dear, 4)];
    }
    if (e.power !== undefined) {
        const low = tokensPerJoule(e.gpus, e.power, slow);
        const high = tokensPerJoule(e.gpus, e.power, fast);
        if (low !== null && high !== null)
            out.tokens_per_joule = [rounded(low, 4), rounded(high, 4)];
    }
    return out;
}
/**
 * requirements.cost_per_million_tokens against the estimate; the throughput ceiling gives the
 * cheapest any layout of these devices could serve (below it: physically impossible).
 * `throughputMissing`: what the throughput estimate lacks. `risk`: the throughput's track record read
 * as a time's (cost is inversely proportional to throughput), so a cost inside its range is at risk.
 */
function judgeCostRequirement(requiredUsd, e, throughputMissing, risk, throughputStops) {
    const missing = e.costPerHour === undefined ? ['hardware.cost_per_hour'] : throughputMissing;
    const cost = (t) => (e.costPerHour === undefined ? null : costPerMillionTokens(e.gpus, e.costPerHour, t));
    const judgement = judgeRequirement(requiredUsd, 'lower-is-better', {
        estimate: cost(e.throughput),
        bound: cost(e.throughputBound),
        ...(throughputStops ? { rangeBound: cost(throughputStops.ceiling), slowStop: cost(throughputStops.low) } : {}),
        show: (usd) => `${formatUsd(usd)} per million tokens`,
        showWithRange: (usd, range) => `${formatWithRange(usd, range, 'USD')} per million tokens`,
        missing,
        ...(risk ? { risk } : {}),
        ...(e.costPerHour !== undefined ? { why: `${figures_countOf(e.gpus, 'device')} at ${formatUsd(e.costPerHour)} an hour, at the throughput ceiling` } : {}),
    });
    return { ...judgement, missing };
}
/** What the cost and energy figures rest on, for the report's assumptions (presets carry the datasheet TDP). */
function economyAssumptions(h, origins) {
    const out = [];
    if (h.power !== undefined) {
        const origin = origins['hardware.power'];
        out.push({
            name: 'hardware.power',
            value: `${h.power} W per accelerator at load${origin?.startsWith('preset:') ? ' (datasheet TDP: real draw is usually lower, so tokens per joule is a floor of what the chip can do)' : ''}`,
            source: origin ?? 'plan',
        });
    }
    if (h.cost_per_hour !== undefined) {
        out.push({
            name: 'hardware.cost_per_hour',
            value: `${formatUsd(h.cost_per_hour)} per accelerator-hour`,
            source: origins['hardware.cost_per_hour'] ?? 'plan',
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/core/plan-ranges.ts
// The ranges of one plan's estimates (ranges.ts applied to its figures): which track record applies
// (engine, GPU family, load), and the range of each estimated time and rate.





/** The plan's engine, GPU family and load band, as the track record is kept. */
function rangeContext(plan, r, c, idle = false) {
    const wl = r.workload;
    const running = c.load ? c.load.outcome.meanBatch * r.layout.dp : (wl.concurrency ?? 1);
    return {
        engine: wl.engine,
        family: hardwareFamily(plan.hardware.preset, plan.hardware.name),
        band: idle ? '1-4' : concurrencyBand(Math.max(1, Math.round(wl.concurrency ?? running))),
        ...(idle ? { idle: true } : {}),
        // a closed loop of the stated lengths, no run declared, goes in lockstep waves (ranges.ts, LoadLengths)
        ...(!idle && (wl.concurrency !== undefined || wl.requestRate !== undefined)
            ? { lengths: wl.requestRate === undefined && wl.benchmark === null ? 'steady' : 'run' }
            : {}),
        engineDefaulted: plan.deployment?.engine === undefined,
        routedExperts: c.routedExperts,
        ...(r.layout.pp > 1 ? { pipelineStages: r.layout.pp } : {}),
        ...(plan.disaggregation !== undefined ? { disaggregated: true, ...queueOf(idle ? c.ttftIdle : c.ttft, c.ttftIdle) } : {}),
    };
}
/**
 * The track record of a loaded TTFT figure (the mean, a percentile), seconds. A disaggregated plan's
 * is kept by the figure's own lift over the idle TTFT: a percentile judged at the mean's regime would
 * take a heavier regime's low end relative to the mean, and a median that rises more slowly than the
 * mean would see that end fall as the load grows (range-bands.ts: at its own lift it stays put).
 */
function loadedTtftResiduals(plan, r, c, figure) {
    if (!c.load)
        return residualsFor('ttft', rangeContext(plan, r, c, true));
    const ctx = rangeContext(plan, r, c);
    return residualsFor('ttft', ctx.disaggregated && figure !== null ? { ...ctx, ...queueOf(figure, c.ttftIdle) } : ctx);
}
/** A disaggregated TTFT's load regime and its lift over the idle TTFT (ranges.ts, queueBand). */
function queueOf(ttft, idle) {
    const queue = queueBand(ttft, idle);
    return ttft !== null && idle !== null && idle > 0 && ttft > 0 ? { queue, lift: ttft / idle } : { queue };
}
/** KV capacity follows the engine's accounting closely (validation: median error 1%); its range is a flat +-10%. */
const KV_CAPACITY_SPREAD = 0.1;
/**
 * A report's ranges, the serving economy's included, and why they are wider than validated; none for a
 * screened candidate (VerifyOptions.quick: suggest shows only what it verified again in full). Sets
 * the coverage they are built for in `metrics`.
 */
function reportRanges(plan, r, c, metrics, economy, screened) {
    const pr = screened ? null : planRanges(plan, r, c, metrics);
    metrics.range_coverage = RANGE_COVERAGE;
    if (pr === null)
        return { ranges: {}, why: [] };
    const ranges = Object.assign({}, pr.ranges, economyRanges(economy, pr.throughput));
    // no figure to range (not one request fits): nothing is wider than validated
    return { ranges, why: Object.keys(ranges).length > 0 ? pr.why : [] };
}
function planRanges(plan, r, c, metrics) {
    const ctx = rangeContext(plan, r, c);
    const ttftIdle = residualsFor('ttft', rangeContext(plan, r, c, true));
    // without a simulated load the TTFT is the idle one, and takes its track record (as its verdicts do)
    const ttft = loadedTtftResiduals(plan, r, c, c.ttft);
    const tpot = residualsFor('tpot', ctx);
    const ranges = {};
    /**
     * `bound`: the bound itself in the metric's unit, as computed: the metrics' bounds are rounded outward,
     * and a range clipped to a rounded ceiling could end past the true one
     */
    const put = (key, res, kind, bound, slowStop = null) => {
        const v = metrics[key];
        if (v === null || v === undefined || !(v > 0))
            return;
        const [lo, hi] = rangeOf(v, res, kind, bound, slowStop);
        const [a, b] = shownInside(plan_ranges_round(lo), plan_ranges_round(hi), kind, bound, key);
        // the estimate as shown stays inside: a throughput at its ceiling of 2.5995 tokens/s shows as 2.6,
        // and its range, clipped there and rounded to 3 decimals, ended at 2.599
        ranges[key] = [Math.min(a, v), Math.max(b, v)];
    };
    const ms = (s) => (s === null ? null : s * 1000);
    // A loaded TTFT is never below the idle one (queueing adds, and a mix of prompt lengths costs at
    // least its mean length): its range starts no lower than the idle range does.
    const stops = rangeStops(r, c, ttftIdle, tpot, metrics.throughput_tokens_per_s ?? null);
    put('ttft_ms', ttft, 'time', ms(stops.ttftLow ?? c.ttftFloor));
    put('ttft_idle_ms', ttftIdle, 'time', ms(c.ttftFloor));
    put('tpot_ms', tpot, 'time', ms(c.tpotFloor));
    put('decode_step_ms', tpot, 'time', ms(c.stepFloor));
    put('throughput_tokens_per_s', tpot, 'rate', stops.throughputCeiling, stops.throughputLow);
    const out = c.load?.outcome;
    for (const p of ['p50', 'p90', 'p99']) {
        put(`ttft_${p}_ms`, loadedTtftResiduals(plan, r, c, out?.ttft[p] ?? null), 'time', ms(stops.ttftPercentileLow ?? c.ttftFloor));
        put(`tpot_${p}_ms`, tpot, 'time', ms(c.tpotFloor));
    }
    put('e2e_p99_ms', tpot, 'time', ms(e2eFloor(c, r.workload.outputTokens)));
    put('max_request_rate', tpot, 'rate', c.requestRateBound);
    // A disaggregated plan's KV transfer is measured only inside its TTFT: it takes the TTFT's track record.
    put('kv_transfer_ms', ttft, 'time', metrics.kv_transfer_lower_bound_ms ?? null);
    const kv = metrics.kv_cache_capacity_tokens;
    if (kv !== null && kv !== undefined && kv > 0)
        ranges.kv_cache_capacity_tokens = [Math.floor(kv * (1 - KV_CAPACITY_SPREAD)), Math.ceil(kv * (1 + KV_CAPACITY_SPREAD))];
    // the throughput's range before rounding, for the cost and energy ranges that follow from it
    const throughput = c.throughput !== null && c.throughput > 0 ? rangeOf(c.throughput, tpot, 'rate', stops.servedCeiling, stops.throughputLow) : undefined;
    return { ranges, throughput, ttft, ttftIdle, tpot, why: mergedWhy(ttft.why, tpot.why) };
}
const WIDER_THAN = ' wider than ';
/**
 * TTFT's and TPOT's reasons as one list: a reason both state against different track records ("1.5x
 * wider than disaggregated runs whose TTFT ..." and "... than disaggregated runs") is said once, each
 * record named with its metric, where the report repeated the whole sentence.
 */
function mergedWhy(ttft, tpot) {
    const out = [...new Set(ttft)];
    for (const w of tpot) {
        if (out.includes(w))
            continue;
        const cut = w.indexOf(WIDER_THAN);
        const head = cut >= 0 ? w.slice(0, cut) : null;
        const i = head === null ? -1 : out.findIndex((o) => o.startsWith(head + WIDER_THAN) && ttft.includes(o));
        if (i < 0) {
            out.push(w);
            continue;
        }
        const mine = out[i].slice(head.length + WIDER_THAN.length);
        out[i] = `${head}${WIDER_THAN}${mine} (TTFT) and ${w.slice(cut + WIDER_THAN.length)} (TPOT)`;
    }
    return out;
}
/**
 * `idle`: the idle TTFT's track record; `tpot`: the TPOT's, which rates follow; `shownThroughput`: the
 * throughput as the metrics show it (rounded), when known.
 */
function rangeStops(r, c, idle, tpot, shownThroughput) {
    const ttftLow = c.ttftIdle !== null && c.ttftIdle > 0 ? rangeOf(c.ttftIdle, idle, 'time', c.ttftFloor)[0] : null;
    const fixedLengths = (r.workload.benchmark?.inputRangeRatio ?? 1) === 1;
    return {
        ttftLow,
        ttftPercentileLow: fixedLengths ? ttftLow : null,
        throughputCeiling: offeredCeiling(r, c, shownThroughput),
        servedCeiling: offeredCeiling(r, c, null),
        throughputLow: offeredFloor(r, c, tpot),
    };
}
/**
 * The throughput range's low end for an open loop that keeps up. Its output is its arrivals' (rate x
 * output tokens) whatever its speed, as long as it keeps up: the range's slow end is the deployment
 * with every cost e^hi times longer, which serves arrivals e^hi times too fast for the estimated one
 * as that one would, in slow motion. It keeps up while that is within the estimated capacity (a
 * closed loop at the running cap): the slow end serves min(offered output, capacity x e^-hi), the
 * capacity's own slow end. Llama 3.1 8B on one H100 at 0.2 requests/s of 1024/256 (capacity about
 * 12k tokens/s) read 23.3 to 51.5 tokens/s, the low end less than half of the 51.2 it serves; now
 * 51.2 to 51.5.
 */
function offeredFloor(r, c, tpot) {
    const wl = r.workload;
    if (wl.requestRate === undefined || wl.outputTokens === undefined || c.throughput === null || c.capacity === null)
        return null;
    const offered = wl.requestRate * wl.outputTokens;
    return Math.min(offered, rangeOf(c.capacity, tpot, 'rate', null)[0]);
}
/**
 * The throughput range's ceiling: the physical bound and, in an open loop, what its arrivals offer
 * (rate x output tokens; the estimate where a finite window ran a little above it). An estimator's
 * error decides whether the deployment keeps up, not how much more than the offered load it serves.
 */
function offeredCeiling(r, c, shown) {
    const wl = r.workload;
    if (wl.requestRate === undefined || wl.outputTokens === undefined || c.throughput === null)
        return c.throughputBound;
    // the estimate as the metrics show it (rounded, possibly up) stays inside its range
    const offered = Math.max(c.throughput, shown ?? 0, wl.requestRate * wl.outputTokens);
    return c.throughputBound === null ? offered : Math.min(c.throughputBound, offered);
}
/**
 * A range as shown never reads past its bound as the metrics show it: ranges carry fewer decimals than
 * the floors (4, rounded down), so a low end at its floor of 0.4321 ms read 0.432. The shown bound
 * lies between the true one and the rounded end, and the estimate (at or beyond the bound) stays inside.
 */
function shownInside(lo, hi, kind, bound, key) {
    if (bound === null)
        return [lo, hi];
    if (kind === 'time') {
        // a bound already shown (kv_transfer_lower_bound_ms) stays as shown: 4.8424 x 1e4 is 48423.99...
        const nearest = round(bound, 4) ?? bound;
        const floor = Math.abs(bound - nearest) < 1e-9 ? nearest : (round(bound, 4, 'down') ?? bound);
        return [Math.max(lo, floor), Math.max(hi, floor)];
    }
    const ceiling = (key === 'max_request_rate' ? roundFine(bound, 3, 3, 'up') : roundFine(bound, 1, 2, 'up')) ?? bound;
    return [Math.min(lo, ceiling), Math.min(hi, ceiling)];
}
/** 1 decimal from 100 up, else 3, or 3 significant figures below 0.1 (a light load's rates must not round to 0) */
const plan_ranges_round = (v) => (v >= 100 ? Math.round(v * 10) / 10 : (roundFine(v, 3, 3) ?? v));

;// CONCATENATED MODULE: ./src/core/utilization.ts



/**
 * A compute-utilization claim is checked two ways: against the FLOPs that the claimed
 * throughput itself implies (a contradiction between claims), and against our estimate.
 */
function computeUtilizationCheck(plan, r, bound, c, claimed, missing) {
    const base = { id: 'claims.compute_utilization', title: 'Claimed compute utilization', path: 'claims.compute_utilization', value: claimed, unit: 'fraction' };
    const wl = r.workload;
    const hw = r.hardware;
    const gpus = hw.gpus ?? r.layout.worldSize;
    const tput = plan.claims.throughput;
    if (tput !== undefined && bound && hw.peak16) {
        // Cheapest reading of what is not given: no prompt to prefill, endless output.
        const input = wl.inputTokens ?? 0;
        const computed = input - Math.floor(input * wl.prefixHitRate);
        const output = wl.outputTokens;
        const decodeFlops = modelFlops(bound, 1, 0, 0, 1, true);
        const perOutput = output === undefined ? decodeFlops : (modelFlops(bound, computed, 0, 0, computed > 0 ? 1 : 0, false) + Math.max(0, output - 1) * decodeFlops) / output;
        const implied = (tput * perOutput) / (gpus * hw.peak16);
        if (implied > claimed) {
            return {
                ...base,
                status: 'fail',
                limit: round(implied, 4),
                detail: `contradicts claims.throughput: ${formatTokensPerS(tput)} needs at least ${(implied * 100).toFixed(0)}% of ${gpus === 1 ? "the device's" : `the ${gpus} devices'`} 16-bit peak (≥ ${(perOutput / 1e9).toFixed(2)} GFLOP per output token${computed > 0 ? ', prefill included' : ''}), not ${(claimed * 100).toFixed(0)}%`,
            };
        }
    }
    if (c.computeUtilization === null) {
        return { ...base, status: 'unverified', limit: null, missing, detail: `cannot estimate without ${missing.join(', ')}` };
    }
    const est = c.computeUtilization;
    const off = Math.abs(claimed - est) > 0.5 * est;
    return {
        ...base,
        status: off ? 'warn' : 'pass',
        limit: round(est, 4),
        detail: `claimed ${(claimed * 100).toFixed(1)}%, estimate ${(est * 100).toFixed(1)}% of the 16-bit peak over the closed loop`,
    };
}

;// CONCATENATED MODULE: ./src/core/kv-claim.ts
// claims.kv_cache_per_gpu: the KV cache a device holds is the pool its engine allocates at start-up,
// whatever the load (vLLM "Available KV cache memory", SGLang "KV Cache is allocated", TensorRT-LLM
// "Allocated ... for max tokens in paged KV cache"), as requirements.max_memory_utilization reads it.
// Such a claim states a capacity, the bytes per device of claims.kv_cache_capacity_tokens: more is
// better. Below the pool it is conservative (pass); above it, optimistic (warn: the engine carves out
// less at these settings); above the device's whole memory less its weights shard, physically
// impossible (fail). docs/formulas.md, "KV-cache capacity".

/** The plan key that gives a larger pool: the pool vLLM is told to allocate, else the memory flag (and a cap the plan sets). */
function largerPool(wl) {
    if (wl.engine === 'vllm' && wl.kvCacheTokens !== null)
        return 'a larger workload.kv_cache_tokens';
    if (wl.engine === 'vllm' && wl.kvCacheMemory !== null)
        return 'a larger workload.kv_cache_memory';
    const cap = wl.kvCacheTokens !== null || wl.kvCacheMemory !== null ? ' (and a larger workload.kv_cache_tokens / kv_cache_memory, which caps it)' : '';
    return `a higher workload.memory_fraction${cap}`;
}
function judgeKvCacheClaim(claimed, f) {
    const { show } = f;
    const stages = (f.memEst ?? []).filter((s) => s.pool !== null);
    // the device with the least room decides, as the tightest stage decides the capacity in tokens
    const tightest = stages.length > 0 ? stages.reduce((a, s) => (s.pool < a.pool ? s : a)) : null;
    const pool = tightest?.pool ?? null;
    const room = f.capacity !== undefined && f.weightsFloor !== null ? f.capacity - f.weightsFloor : null;
    // a pool vLLM is told to allocate is taken at its word: the bound never sits below the estimate
    const bound = room === null ? null : Math.max(room, pool ?? 0);
    const j = judgeClaim(claimed, 'higher-is-better', {
        estimate: pool,
        bound,
        show,
        missing: f.missing,
        why: "that bound is the device's whole memory less its weights shard, all of it KV cache",
        boundIsCapacity: true,
    });
    if (j.basis !== 'estimate' || tightest === null || pool === null)
        return j;
    const where = stages.some((s) => s.pool !== pool) ? ' on its fullest device' : ' per device';
    const filled = tightest.kv <= pool
        ? `the plan's sequences fill ${show(tightest.kv)} of it at their peak`
        : `one sequence of the longest context needs ${show(tightest.kv)}, more than it holds`;
    const held = `the engine allocates ${show(pool)} of KV cache${where} (its pool, taken at start-up whatever the load; ${filled})`;
    if (j.status === 'warn')
        return { ...j, detail: `optimistic: claimed ${show(claimed)}, but ${held}; a larger pool takes ${largerPool(f.workload)}` };
    const short = claimed < tightest.kvOne ? `; a pool of the claimed size would not hold one sequence of the longest context (${show(tightest.kvOne)})` : '';
    return { ...j, detail: `conservative: claimed ${show(claimed)}, and ${held}${short}` };
}

;// CONCATENATED MODULE: ./src/core/judged.ts
// Requirements and claims, judged against a deployment's figures: each estimate and its physical
// bound (compare.ts), the simulated percentiles, goodput, memory and utilization claims.










/**
 * Figures in a unit as the report shows them (report/format.ts): one figure, or one with its range,
 * in one unit and scale ("12.3k tokens/s (range 7.59k to 19.9k tokens/s)", "84.2 min (range 63.3 to 189 min)").
 */
function inUnit(unit, terse = false) {
    if (terse)
        return TERSE;
    return { show: (v) => formatQuantity(v, unit), showWithRange: (v, range) => formatWithRange(v, range, unit) };
}
// Formatting a figure with its range costs a screened candidate more than judging it: a screen's
// sentences are never read (suggest shows only candidates verified again in full).
const TERSE = { show: () => '', showWithRange: () => '', terse: true };
/**
 * What the goodput is a rate of. A closed loop's own latencies are judged on its clients, who send in
 * step; its goodput on independent arrivals under its cap, which queue less (a reviewer read a TTFT
 * that misses 60 ms beside a goodput "at which every latency requirement holds" at the same 9.54/s).
 */
function goodputWords(wl) {
    const arrivals = wl.arrival === 'poisson' ? 'Poisson' : wl.arrival;
    if (wl.requestRate !== undefined)
        return `; goodput: the highest rate of ${arrivals} arrivals at which every stated latency requirement holds`;
    return `; goodput: the highest rate of ${arrivals} arrivals, at most ${wl.concurrency ?? 1} in flight, at which every stated latency requirement holds (this plan's own clients send in step and queue more: its latency checks judge them)`;
}
/** The latency requirements the goodput holds at every rate it counts (DistServe's goodput). */
const GOODPUT_LATENCIES = new Set(['ttft', 'tpot', 'ttft_p50', 'ttft_p90', 'ttft_p99', 'tpot_p50', 'tpot_p90', 'tpot_p99', 'e2e_p99'].map((k) => `requirements.${k}`));
/**
 * Why the goodput is zero: a latency requirement beyond its physical floor holds at no rate (name it);
 * else even the lowest rate the search tried missed one on the estimates.
 */
function zeroGoodputWords(judged) {
    const impossible = judged.filter((x) => GOODPUT_LATENCIES.has(x.id) && x.status === 'fail' && x.basis === 'bound').map((x) => x.id);
    return impossible.length > 0
        ? `; no arrival rate meets ${impossible.join(', ')}, which no request can meet (below its physical floor)`
        : '; no arrival rate the search tried meets every stated latency requirement on the estimates';
}
/** How far the loaded mean TTFT sits above the idle one, where a queue shows in it. */
function queueText(c) {
    const loaded = c.load?.outcome.ttft.mean;
    const idle = c.ttftIdle;
    if (loaded === undefined || idle === null || !(idle > 0) || loaded < 2 * idle)
        return '';
    return ` (mean TTFT ${formatQuantity(loaded, 's')} against ${formatQuantity(idle, 's')} idle)`;
}
/**
 * How an open loop that is not saturated keeps up. "Queues stay short" only where the loaded TTFT
 * shows none (a reviewer's Llama 8B at 24/s read it beside 1.88 s, 124 ms at 16/s). A steady loop
 * that fell short of its arrivals in the simulated window keeps up only by queueing: its capacity is
 * a closed loop's, never short of prompts to batch (DeepSeek-V3 at 10/s: 10.8 s mean TTFT, 394 ms idle).
 */
function keepsUpText(c, wl, capacity, served) {
    const queue = queueText(c);
    if (capacity === undefined) {
        // the check's limit is then what the run completed: a declared run's ramp and tail hold it under the
        // rate it keeps up with, which "4 requests/s vs 3.95" alone reads as falling behind
        const shortfall = wl.benchmark && served.toPrecision(3) !== wl.requestRate.toPrecision(3) && served < wl.requestRate
            ? `; the run completes ${served.toPrecision(3)}/s, lowered by its ramp and tail`
            : '';
        return `${queue ? ` with a queue${queue}` : ' (queues stay short)'}${shortfall}`;
    }
    if (wl.benchmark)
        return `: it completes up to ${capacity.toPrecision(3)}/s; the run's own ${served.toPrecision(3)}/s is lowered by its ramp and tail`;
    // busy throughout yet keeping up on its own: how close the rate is to what it can complete
    if (c.load?.keptUpInRun)
        return `${queue ? ' with a queue' : ''}: it completes up to ${capacity.toPrecision(3)}/s${queue}`;
    return ` only by queueing: it completes up to ${capacity.toPrecision(3)}/s with prompts always waiting to be batched${queue}`;
}
function judgedChecks(inputs) {
    const { plan, r, c, bound, memTotal, memFloor, modelMissing, memMissing, loopMissing, ttftMissing, economy, terse } = inputs;
    const checks = [];
    const wl = r.workload;
    const capacity = r.hardware.memory;
    const loadKey = wl.concurrency ?? wl.requestRate;
    // Requirements.
    const req = plan.requirements;
    const judge = (id, title, path, value, unit, scale, j, missing) => {
        checks.push({
            id,
            title,
            path,
            status: j.status,
            // at least 3 significant digits: a required 1e-300 s must not read as 0 beside its estimate
            value: roundFine(value * scale, 4, 3),
            limit: j.limit === null ? null : roundFine(j.limit * scale, 4, 3),
            unit,
            detail: j.detail,
            ...(j.basis !== null ? { basis: j.basis } : {}),
            ...(j.status === 'unverified' && missing.length > 0 ? { missing } : {}),
        });
    };
    const limiter = {
        memory: 'HBM bandwidth (each decode step reads the weights shard and KV cache)',
        compute: 'peak compute',
        communication: 'interconnect bandwidth',
    };
    const why = c.boundDecodeBy ? `at that bound the decode step is limited by ${limiter[c.boundDecodeBy]}` : undefined;
    // A closed loop's throughput bound is its cycle's slowest term, which need not be the decode step's
    // limit: Llama 70B TP8 at 64 in flight of 2,048-token prompts is paced by their prefill FLOPs, where
    // "the decode step is limited by HBM bandwidth" sent its reader after bandwidth.
    // (a request's own lifetime is its first token and its decode steps: the decode step's limit still says it)
    const by = c.throughputBoundBy;
    const throughputWhy = by === 'compute' || by === 'communication' || by === 'request-rate' ? throughputLimitWords(by) : why;
    // The estimator's track record for this plan's engine, GPU family and load: requirements inside a
    // figure's range are at risk (ranges.ts).
    const ctx = rangeContext(plan, r, c);
    const idleResiduals = residualsFor('ttft', rangeContext(plan, r, c, true));
    // a TTFT figure's track record at its own lift over the idle TTFT, as its range (plan-ranges.ts)
    const loadedTtftRisk = (figure) => ({ residuals: loadedTtftResiduals(plan, r, c, figure), kind: 'time' });
    const ttftRisk = loadedTtftRisk(c.ttft);
    // the ranges stop where the report's do (plan-ranges.ts)
    const tpotRisk = { residuals: residualsFor('tpot', ctx), kind: 'time' };
    // with the throughput as the metrics show it, as the report's ranges are built
    const stops = rangeStops(r, c, idleResiduals, tpotRisk.residuals, roundFine(c.throughput, 1, 2));
    const rateRisk = { residuals: tpotRisk.residuals, kind: 'rate' };
    // Nothing runs when not one sequence fits: the loaded figures say so instead of naming keys.
    const noRoom = c.noRoom ? { unknown: 'not computable: the KV cache holds not one request of this length (see memory.fits)' } : {};
    const rateFig = {
        ...noRoom,
        estimate: c.throughput,
        bound: c.throughputBound,
        rangeBound: stops.throughputCeiling,
        slowStop: stops.throughputLow,
        ...inUnit('tokens/s', terse),
        missing: loopMissing,
        risk: rateRisk,
        ...(throughputWhy ? { why: throughputWhy } : {}),
    };
    const ttftFig = {
        ...noRoom,
        estimate: c.ttft,
        bound: c.ttftFloor,
        rangeBound: stops.ttftLow,
        ...inUnit('s', terse),
        missing: ttftMissing,
        risk: ttftRisk,
    };
    // TPOT is the gap between output tokens: with one output token there is none (not a missing key)
    const noGap = wl.outputTokens === 1 && !c.noRoom ? { unknown: 'not defined: with workload.output_tokens 1 no token follows the first' } : {};
    const tpotFig = {
        ...noRoom,
        ...noGap,
        estimate: c.tpot,
        bound: c.tpotFloor,
        ...inUnit('s', terse),
        missing: loopMissing,
        risk: tpotRisk,
        ...(why ? { why } : {}),
    };
    if (req.throughput !== undefined)
        judge('requirements.throughput', 'Required throughput', 'requirements.throughput', req.throughput, 'tokens/s', 1, judgeRequirement(req.throughput, 'higher-is-better', rateFig), loopMissing);
    if (req.ttft !== undefined)
        judge('requirements.ttft', 'Required TTFT', 'requirements.ttft', req.ttft, 'ms', 1000, judgeRequirement(req.ttft, 'lower-is-better', ttftFig), ttftMissing);
    if (req.tpot !== undefined)
        judge('requirements.tpot', 'Required TPOT', 'requirements.tpot', req.tpot, 'ms', 1000, judgeRequirement(req.tpot, 'lower-is-better', tpotFig), loopMissing);
    // Percentiles over requests, from the simulated load; every request's TTFT is at least the idle
    // floor and its TPOT at least one sequence's step, so those floors bound every percentile too.
    const out = c.load?.outcome ?? null;
    const e2eBound = e2eFloor(c, wl.outputTokens);
    const percentiles = [
        ['ttft_p50', 'Required median TTFT', out?.ttft.p50 ?? null, c.ttftFloor, loadedTtftRisk(out?.ttft.p50 ?? null)],
        ['ttft_p90', 'Required p90 TTFT', out?.ttft.p90 ?? null, c.ttftFloor, loadedTtftRisk(out?.ttft.p90 ?? null)],
        ['ttft_p99', 'Required p99 TTFT', out?.ttft.p99 ?? null, c.ttftFloor, loadedTtftRisk(out?.ttft.p99 ?? null)],
        ['tpot_p50', 'Required median TPOT', out?.tpot?.p50 ?? null, c.tpotFloor, tpotRisk],
        ['tpot_p90', 'Required p90 TPOT', out?.tpot?.p90 ?? null, c.tpotFloor, tpotRisk],
        ['tpot_p99', 'Required p99 TPOT', out?.tpot?.p99 ?? null, c.tpotFloor, tpotRisk],
        ['e2e_p99', 'Required p99 end-to-end latency', out?.e2e.p99 ?? null, e2eBound, tpotRisk],
    ];
    for (const [key, title, estimate, floor, risk] of percentiles) {
        const required = req[key];
        if (required === undefined)
            continue;
        judge(`requirements.${key}`, title, `requirements.${key}`, required, 'ms', 1000, judgeRequirement(required, 'lower-is-better', {
            ...noRoom,
            ...(key.startsWith('tpot') ? noGap : {}),
            estimate,
            bound: floor,
            rangeBound: key.startsWith('ttft') ? stops.ttftPercentileLow : null,
            ...inUnit('s', terse),
            missing: loopMissing,
            risk,
        }), loopMissing);
    }
    if (req.request_rate !== undefined) {
        const fmtRps = (v) => `${v.toPrecision(3)} requests/s`;
        const j = judgeRequirement(req.request_rate, 'higher-is-better', {
            ...noRoom,
            estimate: c.maxRequestRate,
            bound: c.requestRateBound,
            show: fmtRps,
            // the range as the report tables show it: the unit once, its ends rounded outward
            ...(terse ? {} : { showWithRange: (v, range) => formatWithRange(v, range, 'requests/s') }),
            missing: loopMissing,
            risk: rateRisk,
            why: rateBoundWhy(wl, c),
        });
        judge('requirements.request_rate', 'Required request rate (goodput)', 'requirements.request_rate', req.request_rate, 'requests/s', 1, { ...j, detail: `${j.detail}${c.maxRequestRate !== null ? goodputWords(wl) : ''}${c.maxRequestRate === 0 ? zeroGoodputWords(checks) : ''}` }, loopMissing);
    }
    if (c.loadSkipped) {
        checks.push({
            id: 'load.simulation',
            status: 'warn',
            title: 'Load simulation',
            path: loadKey === wl.requestRate ? 'workload.request_rate' : 'workload.concurrency',
            detail: c.loadSkipped,
        });
    }
    // An open loop that arrives faster than the deployment serves: queues grow without end.
    if (c.load && c.load.kind === 'open' && wl.requestRate !== undefined) {
        const served = c.load.servedRate;
        // what it completes never short of work, where the run fell short of its arrivals (saturation.ts)
        const capacity = c.load.capacityRate;
        // With a cap in flight the queue is at the clients, and a request's TTFT counts from its send.
        const ttftUnderQueue = wl.concurrency !== undefined
            ? `TTFT leaves out the wait at the clients (at most ${wl.concurrency} in flight; it counts from each request's send)`
            : "TTFT grows with the run's length";
        checks.push({
            id: 'load.saturation',
            status: c.load.saturated ? 'warn' : 'pass',
            title: 'Arrival rate vs service rate',
            path: 'workload.request_rate',
            value: round(wl.requestRate, 4),
            limit: round(capacity ?? served, 4),
            unit: 'requests/s',
            detail: c.load.saturated
                ? `${wl.requestRate.toPrecision(3)} requests/s arrive but the deployment completes ${served.toPrecision(3)}/s: ${wl.benchmark
                    ? `queues grow while the run's ${figures_countOf(wl.benchmark.requests, 'request')} ${wl.benchmark.requests === 1 ? 'arrives' : 'arrive'}; throughput is the run's, its queue's drain included, and ${ttftUnderQueue}`
                    : `queues grow for as long as the rate lasts; throughput is the saturation rate and ${ttftUnderQueue}`}`
                : `the deployment keeps up with the ${wl.requestRate.toPrecision(3)} requests/s that arrive${keepsUpText(c, wl, capacity, served)}`,
        });
    }
    if (req.max_memory_utilization !== undefined) {
        const u = req.max_memory_utilization;
        // vLLM, SGLang and TensorRT-LLM allocate their KV pool at start-up, whatever the load: the device
        // holds what the engine may use, not what the plan's sequences need (a 0.9 vLLM flag holds 90%)
        const reserved = c.memEst?.reduce((most, st) => Math.max(most, st.total, st.usable ?? st.total), 0) ?? memTotal;
        const util = reserved !== null && capacity !== undefined ? reserved / capacity : null;
        const floorUtil = memFloor !== null && capacity !== undefined ? memFloor / capacity : null;
        const show = (v) => `${(v * 100).toFixed(1)}%`;
        const j = judgeRequirement(u, 'lower-is-better', {
            estimate: util,
            bound: floorUtil,
            show,
            missing: capacity === undefined ? ['hardware.memory'] : memMissing,
        });
        const need = memTotal !== null && capacity !== undefined ? memTotal / capacity : null;
        const held = util !== null && need !== null && reserved !== null && reserved > (memTotal ?? 0) * (1 + 1e-9)
            ? `: what ${wl.engine} holds from start-up (its KV pool, allocated whatever the load; the plan's sequences need ${show(need)})${j.status === 'fail' ? `; ${poolSetBy(wl) ?? 'a lower workload.memory_fraction'} holds less` : ''}`
            : '';
        judge('requirements.max_memory_utilization', 'Memory utilization', 'requirements.max_memory_utilization', u, 'fraction', 1, { ...j, detail: `${j.detail}${held}` }, memMissing);
    }
    if (req.cost_per_million_tokens !== undefined) {
        // cost is gpus x price / throughput: its errors are the throughput's, inverted (a time's, like
        // TPOT's), and like the throughput it improves with load (its range follows the throughput's)
        // and so do its range's stops: the cheap end at the throughput range's ceiling, the dear end at
        // what an open loop that keeps up serves (metrics.ranges' cost is the throughput range's, inverted)
        const j = judgeCostRequirement(req.cost_per_million_tokens, economy, loopMissing, { ...tpotRisk, trend: 'improves' }, { ceiling: stops.servedCeiling, low: stops.throughputLow });
        judge('requirements.cost_per_million_tokens', 'Required cost per million tokens', 'requirements.cost_per_million_tokens', req.cost_per_million_tokens, 'USD', 1, j, j.missing);
    }
    // Claims.
    const cl = plan.claims;
    const memFig = (estimate, floor) => ({ estimate, bound: floor, show: fmtGiB, missing: memMissing });
    if (cl.memory_per_gpu !== undefined)
        judge('claims.memory_per_gpu', 'Claimed memory per GPU', 'claims.memory_per_gpu', cl.memory_per_gpu, 'GiB', 1 / GIB, judgeMemoryClaim(cl.memory_per_gpu, memFig(memTotal, memFloor)), memMissing);
    if (cl.weights_per_gpu !== undefined) {
        const w = c.memEst ? Math.max(...c.memEst.map((s) => s.weights)) : null;
        judge('claims.weights_per_gpu', 'Claimed weights per GPU', 'claims.weights_per_gpu', cl.weights_per_gpu, 'GiB', 1 / GIB, judgeMemoryClaim(cl.weights_per_gpu, { ...memFig(w, c.weightsFloor), missing: modelMissing }), modelMissing);
    }
    if (cl.kv_cache_per_gpu !== undefined) {
        // the pool the engine allocates, a capacity (kv-claim.ts): below it a claim is conservative
        const missing = [...memMissing, ...(capacity === undefined ? ['hardware.memory'] : [])];
        judge('claims.kv_cache_per_gpu', 'Claimed KV cache per GPU', 'claims.kv_cache_per_gpu', cl.kv_cache_per_gpu, 'GiB', 1 / GIB, judgeKvCacheClaim(cl.kv_cache_per_gpu, {
            memEst: c.memEst,
            capacity,
            weightsFloor: c.weightsFloor,
            workload: wl,
            missing,
            show: fmtGiB,
        }), missing);
    }
    if (cl.throughput !== undefined)
        judge('claims.throughput', 'Claimed throughput', 'claims.throughput', cl.throughput, 'tokens/s', 1, beyondOffered(judgeClaim(cl.throughput, 'higher-is-better', rateFig), cl.throughput, r), loopMissing);
    if (cl.ttft !== undefined)
        judge('claims.ttft', 'Claimed TTFT', 'claims.ttft', cl.ttft, 'ms', 1000, judgeClaim(cl.ttft, 'lower-is-better', ttftFig), ttftMissing);
    if (cl.tpot !== undefined)
        judge('claims.tpot', 'Claimed TPOT', 'claims.tpot', cl.tpot, 'ms', 1000, judgeClaim(cl.tpot, 'lower-is-better', tpotFig), loopMissing);
    if (cl.memory_utilization !== undefined && capacity !== undefined) {
        const j = judgeMemoryClaim(cl.memory_utilization * capacity, memFig(memTotal, memFloor));
        judge('claims.memory_utilization', 'Claimed memory utilization', 'claims.memory_utilization', cl.memory_utilization, 'fraction', 1, { ...j, limit: j.limit === null ? null : j.limit / capacity }, memMissing);
    }
    if (cl.kv_cache_capacity_tokens !== undefined) {
        const j = judgeClaim(cl.kv_cache_capacity_tokens, 'higher-is-better', {
            estimate: c.kvCapacity,
            bound: c.kvCapacityBound,
            why: "that bound is every device's whole memory less its weights shard, all of it KV cache",
            boundIsCapacity: true,
            show: (v) => `${Math.round(v)} tokens`,
            missing: [...modelMissing, ...(capacity === undefined ? ['hardware.memory'] : [])],
        });
        judge('claims.kv_cache_capacity_tokens', 'Claimed KV-cache capacity', 'claims.kv_cache_capacity_tokens', cl.kv_cache_capacity_tokens, 'tokens', 1, j, modelMissing);
    }
    if (cl.compute_utilization !== undefined)
        checks.push(computeUtilizationCheck(plan, r, bound, c, cl.compute_utilization, loopMissing));
    return checks;
}
/**
 * An open loop cannot serve more output than its arrivals bring (request_rate x output_tokens) for
 * long: a claim beyond that contradicts the plan's own load. Not a physical bound (a finite run's
 * random arrivals can outrun the rate for a while), so the verdict stays; the detail says so.
 */
function beyondOffered(j, claimed, r) {
    const wl = r.workload;
    if (wl.requestRate === undefined || wl.outputTokens === undefined)
        return j;
    const offered = wl.requestRate * wl.outputTokens;
    if (claimed <= offered * 1.05)
        return j;
    const rate = formatQuantity(wl.requestRate, 'requests/s');
    return {
        ...j,
        detail: `${j.detail}; it is ${(claimed / offered).toFixed(1)}x what the load's arrivals offer (${rate} x ${wl.outputTokens} output tokens = ${formatQuantity(offered, 'tokens/s')}), which no steady run exceeds`,
    };
}
/** What sets the KV pool vLLM allocates when the plan fixes it (its memory fraction is then unused): a smaller one holds less. */
function poolSetBy(wl) {
    if (wl.engine !== 'vllm')
        return null;
    if (wl.kvCacheTokens !== null)
        return 'a smaller workload.kv_cache_tokens';
    return wl.kvCacheMemory !== null ? 'a smaller workload.kv_cache_memory' : null;
}
/** What sets a throughput bound that is not the decode step's own limit (estimates.ts, throughputBoundBy). */
function throughputLimitWords(by) {
    switch (by) {
        case 'compute':
            return "at that bound peak compute limits it: each request's prompt (prefill) and its decode steps' FLOPs on the busiest device";
        case 'communication':
            return "at that bound interconnect bandwidth limits it: each request's prefill and decode collectives";
        case 'request-rate':
            return "at that bound requests complete no faster than the deployment can serve them: each costs at least its prompt's and its output's FLOPs on the busiest device and its KV reads";
    }
}
/**
 * What sets the request-rate bound: the work each request costs, or, for a closed loop, its clients,
 * whose ceiling is the throughput bound over each request's output (estimates.ts, requestRateBound).
 */
function rateBoundWhy(wl, c) {
    const clientsBound = wl.concurrency !== undefined && wl.requestRate === undefined && c.throughputBound !== null && wl.outputTokens !== undefined
        ? c.throughputBound / wl.outputTokens
        : null;
    if (clientsBound !== null && c.requestRateBound !== null && c.requestRateBound >= clientsBound * (1 - 1e-9)) {
        return `with ${figures_countOf(wl.concurrency, 'request')} in flight (workload.concurrency), requests complete at most at the throughput bound (throughput_upper_bound_tokens_per_s) over ${wl.outputTokens} output tokens each`;
    }
    return "each request costs at least its prompt's and its output's FLOPs on the busiest device and its KV reads";
}

;// CONCATENATED MODULE: ./src/core/layout.ts

function layout_divisors(n) {
    const out = [];
    for (let d = 1; d * d <= n; d++) {
        if (n % d === 0) {
            out.push(d);
            if (d * d !== n)
                out.push(n / d);
        }
    }
    return out.sort((a, b) => a - b);
}
/** Tensor-parallel sizes that split the heads (and the KV heads, or replicate them evenly). */
function tpFits(model, tp) {
    const heads = model.heads;
    if (heads !== undefined && heads % tp !== 0)
        return false;
    const kv = model.attention === 'mla' || model.mla ? undefined : model.kv_heads;
    if (kv !== undefined && kv % tp !== 0 && tp % kv !== 0)
        return false;
    return true;
}
/** Valid (tp, pp, dp) splits of `gpus` devices for this model, tp within a node first. */
function validLayouts(model, gpus, gpusPerNode, limit = 8) {
    if (gpus > 1 << 20)
        return [];
    const out = [];
    for (const tp of layout_divisors(gpus).reverse()) {
        if (tp > gpusPerNode || !tpFits(model, tp))
            continue;
        for (const pp of layout_divisors(gpus / tp)) {
            if (model.layers !== undefined && pp > model.layers)
                continue;
            out.push(`tp=${tp} pp=${pp} dp=${gpus / tp / pp}`);
            if (out.length >= limit)
                return out;
        }
    }
    return out;
}
function layoutFindings(model, layout, hw) {
    const out = [];
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
    }
    else if (layout.worldSize !== hw.gpus) {
        const valid = validLayouts(model, hw.gpus, hw.gpusPerNode);
        out.push({
            id: 'layout.world_size',
            status: 'fail',
            title: 'World size',
            path: 'parallelism',
            value: layout.worldSize,
            limit: hw.gpus,
            detail: `tp*pp*dp*cp = ${tp}*${pp}*${dp}*${cp} = ${figures_countOf(layout.worldSize, 'device')}, but hardware.gpus is ${hw.gpus}` +
                dpAttentionHint(layout, hw.gpus) +
                (valid.length > 0 ? `; valid layouts for ${figures_countOf(hw.gpus, 'device')}: ${valid.join('; ')}` : ''),
        });
    }
    else {
        out.push({
            id: 'layout.world_size',
            status: 'pass',
            title: 'World size',
            path: 'parallelism',
            value: layout.worldSize,
            limit: hw.gpus,
            detail: `tp*pp*dp*cp = ${tp}*${pp}*${dp}*${cp} = ${layout.worldSize} = hardware.gpus` +
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
        }
        else {
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
        }
        else {
            const total = experts + (model.moe.redundant_experts ?? 0);
            out.push(total % ep === 0
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
                });
        }
    }
    else if (ep > 1) {
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
    }
    else if (explicit) {
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
                ? `layers_per_stage [${explicit.join(', ')}] covers ${layers} layers in ${figures_countOf(pp, 'stage')}`
                : `layers_per_stage [${explicit.join(', ')}] has ${explicit.length} entries summing to ${sum}; needs ${pp} entries summing to ${layers}`,
        });
    }
    else if (pp > layers) {
        out.push({
            id: 'layout.layers_divisible',
            status: 'fail',
            title: 'Layers over stages',
            path: 'parallelism.pp',
            value: pp,
            limit: layers,
            detail: `pp=${pp} stages for ${layers} layers: a stage would be empty`,
        });
    }
    else if (layers % pp !== 0) {
        out.push({
            id: 'layout.layers_divisible',
            status: 'warn',
            title: 'Layers over stages',
            path: 'parallelism.pp',
            value: layers,
            limit: pp,
            detail: `${layers} layers do not divide by pp=${pp}: stages get ${Math.floor(layers / pp)} or ${Math.ceil(layers / pp)} layers (the slowest stage paces the pipeline)`,
        });
    }
    else {
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
    }
    else if (model.heads % tp !== 0) {
        const ok = layout_divisors(model.heads).filter((d) => d <= (hw.gpusPerNode ?? 8) && tpFits(model, d));
        out.push({
            id: 'layout.heads_divisible',
            status: 'fail',
            title: 'Heads over TP',
            path: 'parallelism.tp',
            value: model.heads,
            limit: tp,
            detail: `${model.heads} attention heads do not divide by tp=${tp}; tensor-parallel sizes that work: ${ok.join(', ')}`,
        });
    }
    else {
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
    }
    else if (model.kv_heads !== undefined) {
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
        }
        else if (tp % kv === 0) {
            out.push({
                id: 'layout.kv_heads',
                status: 'pass',
                title: 'KV heads over TP',
                path: 'parallelism.tp',
                value: kv,
                limit: tp,
                detail: `tp=${tp} exceeds the ${kv} KV heads: each KV head (and its cache) is replicated on ${tp / kv} ranks`,
            });
        }
        else {
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
            detail: `tp=${tp} spans nodes of ${figures_countOf(hw.gpusPerNode, 'device')}: each layer's all-reduce crosses the inter-node network`,
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
            detail: m < pp
                ? `${figures_countOf(m, 'microbatch', 'microbatches')} for ${pp} stages: stages idle ${(100 * (1 - m / pp)).toFixed(0)}% of each decode step`
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
function dpAttentionHint(layout, gpus) {
    const { tp, pp, dp, cp } = layout;
    if (dp <= 1 || tp * pp * cp !== gpus || tp % dp !== 0)
        return '';
    return `; if tp counts every device, as SGLang's --tp does with --enable-dp-attention (--tp ${tp} --dp ${dp}), write tp: ${tp / dp}, dp: ${dp} (each DP rank's attention TP)`;
}

;// CONCATENATED MODULE: ./src/core/balance.ts
// Load balance of expert parallelism: with tokens routed at random, some EP rank gets more
// token-expert pairs than the mean, and the slowest rank paces the MoE layer.
/**
 * Expected max/mean load over `ranks` EP ranks when `pairs` token-expert picks land uniformly:
 * each rank's load is Binomial(pairs, 1/ranks), and the expected maximum of n such loads is about
 * mean + σ·√(2 ln n) (the Gaussian extreme-value approximation). Uniform routing is the best case;
 * real routers are skewed, which redundant experts (EPLB) counter.
 */
function expectedExpertImbalance(pairs, ranks) {
    if (ranks <= 1 || pairs <= 0)
        return 1;
    const mean = pairs / ranks;
    const sigma = Math.sqrt(pairs * (1 / ranks) * (1 - 1 / ranks));
    return (mean + sigma * Math.sqrt(2 * Math.log(ranks))) / mean;
}

;// CONCATENATED MODULE: ./src/core/layout-balance.ts
// How evenly a layout's work spreads: pipeline stages (the slowest paces the pipeline) and expert
// ranks (the busiest paces every MoE layer). Checked per plan, and per pool of a disaggregated plan.


/**
 * `prefillPass`: tokens one pass of each attention rank holds when the plan is a prefill pool (the
 * experts then see prompt tokens, not decode steps).
 */
function balanceChecks(plan, r, c, moeFacts, prefillPass) {
    const out = [];
    const { layout, workload: wl } = r;
    // Stage balance: the slowest stage paces the pipeline (embeddings and LM head sit on the ends).
    if (layout.pp > 1 && c.stageDecode) {
        const times = c.stageDecode;
        const mean = times.reduce((a, b) => a + b, 0) / times.length;
        const slowest = Math.max(...times);
        const ratio = slowest / mean;
        const at = times.indexOf(slowest);
        out.push({
            id: 'layout.stage_balance',
            status: ratio > 1.05 ? 'warn' : 'pass',
            title: 'Stage balance',
            path: 'parallelism.layers_per_stage',
            value: round(ratio, 3),
            limit: 1.05,
            unit: 'ratio',
            detail: `slowest stage (${at}) takes ${ratio.toFixed(2)}x the mean decode time per stage${ratio > 1.05 ? '; move layers off it with layers_per_stage' : ''}`,
        });
    }
    // Expert balance: in a decode step the busiest EP rank paces every MoE layer.
    if (plan.model.moe && layout.ep > 1 && moeFacts && moeFacts.topK > 0 && (wl.concurrency !== undefined || prefillPass !== undefined)) {
        const what = prefillPass !== undefined ? 'prefill pass' : 'decode step';
        const tokensPerStep = prefillPass !== undefined ? (prefillPass * layout.dp) / Math.max(layout.edp, 1) : wl.concurrency / layout.microbatches / Math.max(layout.edp, 1);
        const pairs = tokensPerStep * moeFacts.topK;
        const imbalance = expectedExpertImbalance(pairs, layout.ep);
        const warn = imbalance > 1.25;
        out.push({
            id: 'layout.expert_balance',
            status: warn ? 'warn' : 'pass',
            title: 'Expert balance',
            path: 'parallelism.ep',
            value: round(imbalance, 3),
            limit: 1.25,
            unit: 'ratio',
            detail: `${tokenCount(pairs)} token-expert picks per ${what} over ep=${layout.ep}: the busiest rank expects ${imbalance.toFixed(2)}x the mean load even with uniform routing` +
                (warn ? skewAdvice(plan.model.moe.redundant_experts ?? 0) : ''),
        });
    }
    return out;
}
/** What to do about a busy rank: redundant experts counter skewed routing, which the plan may already have. */
function skewAdvice(redundant) {
    if (redundant > 0) {
        return `; real routing is more skewed, which the plan's ${redundant} redundant experts (moe.redundant_experts) counter; the spread of uniform picks above shrinks only with more tokens per step or a smaller ep`;
    }
    return '; real routing is more skewed: consider redundant experts (moe.redundant_experts) or a smaller ep';
}

;// CONCATENATED MODULE: ./src/core/memory-checks.ts
// The memory checks of one deployment (or of one pool of a disaggregated one): the engine's memory
// flag, whether one request of the longest stated length fits (memory.fits), and how many of the
// plan's sequences its KV cache holds at once (memory.kv_capacity). docs/formulas.md, "Memory".





/** `contextFrom`: where an imported engine's context came from (the origin of workload.max_input_tokens), when it did. */
function memoryChecks(plan, r, c, memMissing, contextFrom) {
    const out = [];
    const { layout, hardware: hw, workload: wl } = r;
    const capacity = hw.memory;
    const memFloor = c.weightsFloor !== null ? c.weightsFloor + c.kvFloor : null;
    const engine = ENGINE_LABEL[wl.engine];
    const maxContext = wl.maxInputTokens !== undefined && wl.maxOutputTokens !== undefined ? wl.maxInputTokens + wl.maxOutputTokens : null;
    const maxConcurrency = c.maxConcurrencyAtMaxContext;
    // The engine counts its cache in tokens of every layer; where windowed layers keep less, a token of
    // that count is not a token of context (gpt-oss-120b: 93,952 of them held a sequence of 131,000).
    const windowed = c.kvWindow ? `its ${windowedLayersWords(c.kvWindow.layers, c.kvWindow.window, c.kvWindow.kind, c.kvWindow.padding)}` : null;
    const tokenNote = windowed ? ` (tokens counted in every layer, as ${engine} logs them: ${windowed})` : '';
    const given = plan.workload;
    if (given.memory_fraction !== undefined && given.memory_reserve !== undefined && Math.abs(given.memory_reserve - (1 - given.memory_fraction)) > 1e-9) {
        out.push({
            id: 'workload.memory_fraction',
            status: 'warn',
            title: 'Memory fraction',
            path: 'workload.memory_fraction',
            value: given.memory_fraction,
            limit: round(1 - given.memory_reserve, 6),
            unit: 'fraction',
            detail: `memory_fraction ${given.memory_fraction} and memory_reserve ${given.memory_reserve} disagree (the reserve is 1 - memory_fraction in ${engine}'s meaning); memory_fraction is used`,
        });
    }
    // The tightest device: the one whose pool has the least room beyond one sequence of the longest context.
    const tight = c.memEst && c.memEst[0].pool !== null ? c.memEst.reduce((a, st) => (st.pool - st.kvOne < a.pool - a.kvOne ? st : a), c.memEst[0]) : null;
    // A device whose engine would use more than it has (a pool the plan fixes past it).
    const overfull = capacity !== undefined ? (c.memEst?.find((st) => st.usable !== null && st.usable > capacity * (1 + 1e-9)) ?? null) : null;
    if (capacity === undefined) {
        out.push({
            id: 'memory.fits',
            status: 'unverified',
            title: 'Memory fits',
            path: 'hardware.memory',
            missing: ['hardware.memory'],
            detail: 'device memory is not given',
        });
    }
    else if (overfull && overfull.usable !== null) {
        // Only a pool the plan fixes (vLLM --kv-cache-memory-bytes, --num-gpu-blocks-override) can pass the device: the engine allocates it whole.
        out.push({
            id: 'memory.fits',
            status: 'fail',
            title: 'Memory fits',
            path: given.kv_cache_tokens !== undefined ? 'workload.kv_cache_tokens' : 'workload.kv_cache_memory',
            value: gib(overfull.usable),
            limit: gib(capacity),
            unit: 'GiB',
            detail: `${engine} allocates the KV pool the plan sets whole: the most loaded device (stage ${overfull.stage}) needs ${fmtGiB(overfull.usable)} (${overfull.rule}), more than its ${fmtGiB(capacity)}: ${engine} cannot start`,
        });
    }
    else if (tight && tight.usable !== null) {
        const need = tight.weights + tight.activations + tight.overhead + tight.kvOne;
        const fits = need <= tight.usable * (1 + 1e-9);
        const flag = ENGINE_MEMORY_FLAG[wl.engine];
        const raised = c.raisedFraction;
        const raisedNote = raised
            ? `; ${engine}'s default ${flag} ${raised.from} leaves it no room, so the figures assume ${flag} ${raised.to}: state workload.memory_fraction`
            : '';
        // the imported command runs the engine's default: said where it fails, the flag being what to change there
        const defaultNote = !fits && wl.memoryFractionDefaultAt !== null
            ? `; ${importedDefaultWords(engine, flag, wl.memoryFraction, wl.memoryFractionDefaultAt)}: raise it there`
            : '';
        const share = `${fmtGiB(tight.weights)} weights${placementWords(plan, r)}, ${fmtGiB(tight.activations)} activations, ${fmtGiB(tight.overhead)} runtime and buffers, ${fmtGiB(tight.kvOne)} KV of one sequence`;
        out.push({
            id: 'memory.fits',
            status: fits ? (raised ? 'warn' : 'pass') : 'fail',
            title: 'Memory fits',
            path: raised ? 'workload.memory_fraction' : 'hardware.memory',
            value: gib(need),
            limit: gib(tight.usable),
            unit: 'GiB',
            detail: `one request of ${longestWords(plan.workload, contextFrom)} (${tokenCount(maxContext)} tokens) needs ${fmtGiB(need)} on the most loaded device (stage ${tight.stage}: ${share}) of the ${fmtGiB(tight.usable)} ${engine} may use (${tight.rule})` +
                (fits && c.kvCapacity !== null
                    ? `; its KV cache holds ${tokenCount(c.kvCapacity)} tokens per ${r.layout.dp > 1 ? 'data-parallel rank' : 'replica'}` +
                        (windowed && c.kvBudget && maxContext !== null
                            ? ` counted in every layer, as ${engine} logs them (${windowed}, so one of ${tokenCount(maxContext)} tokens takes ${tokenCount(c.kvBudget.heldTokens(maxContext))}${reserveWords(c, maxContext, engine, wl.maxBatchedTokens)})`
                            : '') +
                        (maxConcurrency !== null
                            ? `, ${figures_countOf(maxConcurrency, 'sequence')} of ${tokenCount(maxContext)} tokens at once${r.layout.dp > 1 ? ` over its ${r.layout.dp} ranks` : ''}`
                            : '')
                    : '') +
                (fits ? '' : `: not even one request of this length can run`) +
                raisedNote +
                defaultNote,
        });
    }
    else if (c.floorCheck && c.floorCheck.need > c.floorCheck.limit) {
        out.push({
            id: 'memory.fits',
            status: 'fail',
            title: 'Memory fits',
            path: 'hardware.memory',
            value: gib(c.floorCheck.need),
            limit: gib(c.floorCheck.limit),
            unit: 'GiB',
            detail: `even the lower bound ${fmtGiB(c.floorCheck.need)} (weights shard${c.kvFloor > 0 ? ' + KV of one sequence of the longest length' : ''}) exceeds the ${fmtGiB(c.floorCheck.limit)} ${engine} could give weights and KV cache at most (at ${floorFlagWords(c.floorCheck, engine, ENGINE_MEMORY_FLAG[wl.engine], wl.memoryFractionDefaultAt)})`,
        });
    }
    else {
        const limit = c.floorCheck ? c.floorCheck.limit : capacity;
        out.push({
            id: 'memory.fits',
            status: 'unverified',
            title: 'Memory fits',
            path: 'hardware.memory',
            value: gib(memFloor),
            limit: gib(limit),
            unit: 'GiB',
            missing: memMissing,
            detail: `cannot estimate without ${memMissing.join(', ')}${memFloor !== null ? `; the lower bound ${fmtGiB(memFloor)} fits${c.floorCheck ? floorLimitWords(c.floorCheck, engine, ENGINE_MEMORY_FLAG[wl.engine], wl.memoryFractionDefaultAt) : ''}` : ''}`,
        });
    }
    // What the engine can hold: concurrency sequences at their mean context against its KV cache.
    const budget = c.kvBudget;
    if (budget && wl.concurrency !== undefined && wl.inputTokens !== undefined && wl.outputTokens !== undefined && c.maxRunning !== null) {
        const perReplica = Math.ceil(wl.concurrency / layout.dp);
        const context = meanContext(wl.inputTokens, wl.outputTokens);
        const byKv = maxRunningSequences({ ...budget, engineMax: null }, context, perReplica);
        const heldTokens = budget.heldTokens(budget.sharedTokens) + perReplica * (budget.heldTokens(context) - budget.heldTokens(budget.sharedTokens));
        // worded as memory.fits words the same pool (a reader took "per replica" for another figure)
        const where = layout.dp > 1 ? ' per data-parallel rank' : '';
        const sharedNote = budget.sharedTokens > 0 ? ` (a ${budget.sharedTokens}-token prompt prefix held once)` : '';
        const capNote = budget.engineMax !== null && budget.engineMax < perReplica
            ? `; the engine's own cap (workload.max_running_sequences) lets ${budget.engineMax}${where} run, the rest queue`
            : '';
        // An open loop's concurrency is a cap on requests in flight, which its arrivals may never reach.
        const peak = wl.requestRate !== undefined ? c.load?.outcome.peakRunning : undefined;
        const openLoopNote = peak !== undefined && peak < byKv
            ? `; at ${formatQuantity(wl.requestRate, 'requests/s')} the simulated load has at most ${figures_countOf(peak, 'request')}${where} in flight, so none wait for room`
            : '';
        if (byKv >= perReplica) {
            out.push({
                id: 'memory.kv_capacity',
                status: 'pass',
                title: 'KV-cache capacity',
                path: 'workload.concurrency',
                value: Math.round(heldTokens),
                limit: budget.capacityTokens,
                unit: 'tokens',
                detail: `${figures_countOf(perReplica, 'sequence')}${where} at a mean context of ${tokenCount(context)} tokens ${perReplica === 1 ? 'holds' : 'hold'} ${tokenCount(heldTokens)} of the ${tokenCount(budget.capacityTokens)} tokens of KV cache${where}${tokenNote}${sharedNote}${capNote}`,
            });
        }
        else {
            out.push({
                id: 'memory.kv_capacity',
                status: 'warn',
                title: 'KV-cache capacity',
                path: 'workload.concurrency',
                value: Math.round(heldTokens),
                limit: budget.capacityTokens,
                unit: 'tokens',
                detail: `${figures_countOf(perReplica, 'sequence')}${where} at a mean context of ${tokenCount(context)} tokens ${perReplica === 1 ? 'needs' : 'need'} ${tokenCount(heldTokens)} tokens of KV cache, more than the ${tokenCount(budget.capacityTokens)}${where}${tokenNote}${sharedNote}: ` +
                    (c.noRoom
                        ? `not one sequence fits, so nothing runs (see memory.fits)`
                        : openLoopNote !== ''
                            ? `${engine} would run ${c.maxRunning} of the ${wl.concurrency} at once and queue the rest${capNote}${openLoopNote}`
                            : `${engine} runs ${c.maxRunning} of the ${wl.concurrency} at once and queues the rest (their TTFT grows)${capNote}`),
            });
        }
    }
    else if (wl.concurrency !== undefined) {
        const missing = [...memMissing, ...(capacity === undefined ? ['hardware.memory'] : [])];
        // the cache is sized, but what the sequences hold is not: their lengths are missing
        const lengths = [...(wl.inputTokens === undefined ? ['workload.input_tokens'] : []), ...(wl.outputTokens === undefined ? ['workload.output_tokens'] : [])];
        const sized = budget !== null && lengths.length > 0 && missing.every((k) => lengths.includes(k));
        const all = sized ? lengths : missing;
        out.push({
            id: 'memory.kv_capacity',
            status: 'unverified',
            title: 'KV-cache capacity',
            path: 'workload.concurrency',
            ...(all.length > 0 ? { missing: all } : {}),
            detail: sized
                ? `the KV cache holds ${tokenCount(budget.capacityTokens)} tokens${layout.dp > 1 ? ' per data-parallel rank' : ''}${tokenNote}; how many of the ${wl.concurrency} sequences fit cannot be said without ${lengths.join(', ')}`
                : missing.length > 0
                    ? `cannot size the KV cache without ${missing.join(', ')}`
                    : 'cannot size the KV cache from what the plan gives',
        });
    }
    return out;
}
/**
 * What a floor that fits is measured against: " in the 78.40 GiB vLLM could give weights and KV cache at
 * gpu_memory_utilization 0.99, the most a deployment sets where the plan states no workload.memory_fraction
 * (71.27 GiB at vLLM's default 0.9)"; the default's figure was read as missing from the limit.
 */
function floorLimitWords(f, engine, flag, defaultAt) {
    const limit = ` in the ${fmtGiB(f.limit)} ${engine} could give weights and KV cache at ${floorFlagWords(f, engine, flag, defaultAt)}`;
    if (defaultAt !== null || f.stated || !f.atDefault)
        return limit;
    const d = f.atDefault;
    const atDefault = f.need > d.limit
        ? `more than the ${fmtGiB(d.limit)} at ${engine}'s default ${d.fraction}: it starts only with the flag raised; state workload.memory_fraction`
        : `${fmtGiB(d.limit)} at ${engine}'s default ${d.fraction}`;
    return `${limit}, the most a deployment sets where the plan states no workload.memory_fraction (${atDefault})`;
}
/** The flag a floor's limit is taken at: the imported command's default, else the plan's or the engine's flag and its value. */
function floorFlagWords(f, engine, flag, defaultAt) {
    return defaultAt !== null ? importedDefaultWords(engine, flag, f.fraction, defaultAt) : `${f.stated ? 'workload.memory_fraction' : flag} ${f.fraction}`;
}
/**
 * "--gpu-memory-utilization 0.9, vLLM's default, as the command at serve.sh:3 sets none": the flag an
 * imported command leaves out is the engine's default as it runs (LoadedPlan.defaulted).
 */
function importedDefaultWords(engine, flag, fraction, at) {
    return `${flag} ${fraction}, ${engine}'s default, as the command at ${at} sets none`;
}
/**
 * "; vLLM sets aside 69,672 tokens for it before it starts, ..." where the engine's start-up reservation of one
 * longest request (c.reservedAtMaxContext: vLLM's windows and a prefill chunk) is more than it holds; else ''.
 */
function reserveWords(c, maxContext, engine, maxBatchedTokens) {
    const reserved = c.reservedAtMaxContext;
    if (reserved === null || !c.kvBudget || !c.kvWindow || reserved - c.kvBudget.heldTokens(maxContext) < 1)
        return '';
    const layer = c.kvWindow.kind === 'chunked' ? 'a chunked-attention layer its chunk' : 'a sliding-window layer its window';
    return `; ${engine} sets aside ${tokenCount(Math.round(reserved))} tokens for it before it starts, ${layer} and a prefill chunk of ${tokenCount(maxBatchedTokens)} tokens`;
}
/** Which length memory.fits sizes: the stated longest, or the typical one where no longest is given (a reviewer read "longest stated" of defaults). */
function longestWords(w, contextFrom) {
    // an imported engine's context, its default one included (vLLM without --max-model-len: the model's longest)
    if (contextFrom !== undefined)
        return `the engine's context (${contextFrom})`;
    if (w.max_input_tokens !== undefined || w.max_output_tokens !== undefined)
        return 'the longest stated length';
    return 'the stated length (no max_input_tokens or max_output_tokens: the typical request is the longest)';
}
/**
 * The SGLang placement a plan states, where the weights follow it (a MoE model under SGLang:
 * resolve.ts), as the memory check names it: " (dense MLPs over 1 rank, LM head over 1: parallelism.dense_tp,
 * lm_head_tp)". Without it a reader sees the weights move and no reason.
 */
function placementWords(plan, r) {
    if (plan.model.moe === undefined || engineProfile(r.workload.engine).densePlacement !== 'sglang')
        return '';
    const parts = [
        [r.layout.denseTp, 'dense MLPs', 'dense_tp'],
        [r.layout.sharedExpertTp, 'shared experts', 'shared_expert_tp'],
        [r.layout.lmHeadTp, 'LM head', 'lm_head_tp'],
    ];
    const stated = parts.filter(([v]) => v !== undefined);
    if (stated.length === 0)
        return '';
    const words = stated.map(([v, part]) => `${part} over ${figures_countOf(v, 'rank')}`).join(', ');
    return ` (${words}: parallelism.${stated.map(([, , key]) => key).join(', ')})`;
}

;// CONCATENATED MODULE: ./src/core/modelFacts.ts
// From a plan's model fields to the figures every formula needs: parameter counts
// by how they shard, KV bytes per token, attention FLOPs per query-key pair.
//
// Two completions of the same facts:
//  - 'estimate': every field the formulas need must be given (or have a documented
//    default); otherwise the result is null and the missing keys are named.
//  - 'bound': unknown fields take the value that makes the deployment cheapest
//    while staying consistent with what is given (unknown parameters sit in the
//    least-read, least-computed part; unknown top-k is 1; unknown KV is free).
//    Formulas fed with these facts give a floor on time and memory that the
//    given facts already guarantee (docs/formulas.md, "bounds from partial facts").


const memo = new WeakMap();
/** What a plan tells the facts: its engine (vLLM when unstated, as resolve.ts) and whether speculative decoding loads the MTP modules. */
function factsOptionsOf(plan) {
    return { mtpLoaded: plan.workload.speculative?.method === 'mtp', engine: plan.deployment?.engine ?? 'vllm' };
}
function memoOf(model) {
    let m = memo.get(model);
    if (!m) {
        m = { results: new Map() };
        memo.set(model, m);
    }
    return m;
}
/** Parameters of the model computed from its shape alone, or null when the shape is incomplete. */
function paramsFromShape(model) {
    const m = memoOf(model);
    if (m.shapeParams === undefined) {
        const r = deriveFacts({ ...model, params: undefined }, 'estimate');
        m.shapeParams = r.facts ? r.facts.totalParams : null;
    }
    return m.shapeParams;
}
function deriveModelFacts(model, mode, options = {}) {
    const m = memoOf(model);
    const mtp = options.mtpLoaded === true && (model.mtp_layers ?? 0) > 0;
    const stateDtype = defaultStateDtype(options.engine);
    const key = `${mode}${mtp ? 'Mtp' : ''}:${stateDtype}`;
    let r = m.results.get(key);
    if (!r) {
        r = deriveFacts(model, mode, mtp, stateDtype);
        m.results.set(key, r);
    }
    return r;
}
/** Bytes per stored weight: 4-bit formats carry one scale per quant_group_size values (16-bit for int4, 8-bit for fp4). */
function weightBytes(dtype, groupSize) {
    if (groupSize === undefined)
        return DTYPE_BYTES[dtype];
    if (dtype === 'int4')
        return 0.5 + 2 / groupSize;
    if (dtype === 'fp4')
        return 0.5 + 1 / groupSize;
    return DTYPE_BYTES[dtype];
}
function deriveFacts(model, mode, mtpLoaded = false, defaultState = defaultStateDtype(undefined)) {
    const missing = [];
    const assumptions = [];
    const need = (value, key) => {
        if (value === undefined)
            missing.push(key);
        return value;
    };
    const weightDtype = model.weight_dtype ?? defaults_DEFAULT_WEIGHT_DTYPE;
    if (model.weight_dtype === undefined)
        assumptions.push(`model.weight_dtype not given: ${defaults_DEFAULT_WEIGHT_DTYPE} assumed`);
    const dtypes = {
        attention: model.weight_dtypes?.attention ?? weightDtype,
        mlp: model.weight_dtypes?.mlp ?? weightDtype,
        mlpUnquantized: unquantizedDtype(weightDtype),
        experts: model.weight_dtypes?.experts ?? weightDtype,
        embeddings: model.weight_dtypes?.embeddings ?? weightDtype,
        kv: model.kv_cache_dtype ?? defaultKvDtype(weightDtype),
    };
    const group = model.quant_group_size;
    const bytes = {
        attention: weightBytes(dtypes.attention, group),
        mlp: weightBytes(dtypes.mlp, group),
        mlpUnquantized: weightBytes(dtypes.mlpUnquantized, group),
        experts: weightBytes(dtypes.experts, group),
        embeddings: weightBytes(dtypes.embeddings, group),
        kv: DTYPE_BYTES[dtypes.kv],
        router: DTYPE_BYTES[unquantizedDtype(dtypes.mlp)],
        vision: DTYPE_BYTES[unquantizedDtype(weightDtype)],
    };
    const isMoe = model.moe !== undefined;
    const isMla = model.attention === 'mla' || model.mla !== undefined;
    const layers = need(model.layers, 'model.layers');
    const hidden = need(model.hidden_size, 'model.hidden_size');
    const heads = need(model.heads, 'model.heads');
    let kvHeads;
    if (isMla)
        kvHeads = heads;
    else if (model.kv_heads !== undefined)
        kvHeads = model.kv_heads;
    else if (model.attention === 'mqa')
        kvHeads = 1;
    else if (model.attention === 'gqa')
        kvHeads = need(undefined, 'model.kv_heads');
    else if (heads !== undefined) {
        kvHeads = heads;
        assumptions.push('model.kv_heads not given: multi-head attention assumed (kv_heads = heads)');
    }
    else
        missing.push('model.kv_heads');
    let headDim = model.head_dim;
    if (headDim === undefined && hidden !== undefined && heads !== undefined)
        headDim = hidden / heads;
    else if (headDim === undefined && !isMla)
        missing.push('model.head_dim');
    const vocab = need(model.vocab_size, 'model.vocab_size');
    // Attention parameters and costs per layer.
    let attnSharded;
    let attnKv;
    let attnReplicated;
    let pairPrefill;
    let pairDecode;
    let kvBytes;
    let latentKvBytes = null;
    let mlaKvUp = null;
    if (isMla) {
        const kvLora = need(model.mla?.kv_lora_rank, 'model.mla.kv_lora_rank');
        const rope = need(model.mla?.qk_rope_head_dim, 'model.mla.qk_rope_head_dim');
        const nope = model.mla?.qk_nope_head_dim ?? headDim;
        const vDim = model.mla?.v_head_dim ?? headDim;
        const qLora = model.mla?.q_lora_rank;
        if (hidden !== undefined && heads !== undefined && kvLora !== undefined && rope !== undefined && nope !== undefined && vDim !== undefined) {
            const qHead = nope + rope;
            // DeepSeek-V2 paper (arXiv:2405.04434) sec. 2.1: q = W_UQ(W_DQ h), [k_nope; v] = W_UKV(c_kv), k_rope from W_KR h.
            const qProj = qLora !== undefined ? qLora * heads * qHead : hidden * heads * qHead;
            attnSharded = qProj + kvLora * heads * (nope + vDim) + heads * vDim * hidden;
            mlaKvUp = { key: kvLora * heads * nope, value: kvLora * heads * vDim };
            attnReplicated = (qLora !== undefined ? hidden * qLora + qLora : 0) + hidden * (kvLora + rope) + kvLora + 2 * hidden;
            attnKv = 0;
            pairPrefill = 2 * heads * (qHead + vDim);
            // Absorbed decode: scores over the latent (kv_lora + rope) and values in the latent (kv_lora).
            pairDecode = 2 * heads * (kvLora + rope + kvLora);
            // Sparse MLA kernels keep an fp8 latent in their own layout, scales and a 16-bit rotary part included.
            latentKvBytes = (kvLora + rope) * bytes.kv;
            kvBytes = model.sparse_attention !== undefined && dtypes.kv === 'fp8' ? sparseMlaFp8Bytes(kvLora, rope) : latentKvBytes;
        }
    }
    else if (hidden !== undefined && heads !== undefined && kvHeads !== undefined && headDim !== undefined) {
        // An output gate (Qwen3-Next, Qwen3.5) widens the q projection to queries plus one gate per query value.
        attnSharded = (model.attention_output_gate ? 3 : 2) * hidden * heads * headDim;
        attnKv = 2 * hidden * kvHeads * headDim;
        attnReplicated = 2 * hidden;
        pairPrefill = 4 * heads * headDim;
        pairDecode = pairPrefill;
        kvBytes = 2 * kvHeads * headDim * bytes.kv;
    }
    const gated = model.mlp !== 'plain';
    const mlpMatrices = gated ? 3 : 2;
    const experts = isMoe ? model.moe?.experts : undefined;
    const topK = isMoe ? model.moe?.top_k : undefined;
    const shared = model.moe?.shared_experts ?? 0;
    const redundant = model.moe?.redundant_experts ?? 0;
    const denseLayersGiven = isMoe ? (model.moe?.dense_layers ?? 0) : layers;
    const expertWidth = model.moe?.expert_ffn_hidden_size;
    const sharedWidth = model.moe?.shared_expert_ffn_hidden_size ?? expertWidth;
    const ffn = model.ffn_hidden_size;
    let denseMlp;
    let expert;
    let sharedParams;
    let router;
    if (hidden !== undefined) {
        if (ffn !== undefined)
            denseMlp = mlpMatrices * hidden * ffn;
        if (isMoe) {
            if (expertWidth !== undefined)
                expert = mlpMatrices * hidden * expertWidth;
            if (shared === 0)
                sharedParams = 0;
            else if (sharedWidth !== undefined)
                sharedParams = shared * mlpMatrices * hidden * sharedWidth;
            if (experts !== undefined)
                router = hidden * experts;
        }
    }
    if (isMoe) {
        need(experts, 'model.moe.experts');
        need(topK, 'model.moe.top_k');
        need(expertWidth, 'model.moe.expert_ffn_hidden_size');
        if ((denseLayersGiven ?? 0) > 0 && ffn === undefined)
            missing.push('model.ffn_hidden_size');
    }
    else if (ffn === undefined) {
        missing.push('model.ffn_hidden_size');
    }
    const tied = model.tied_embeddings ?? false;
    const embedding = hidden !== undefined && vocab !== undefined ? hidden * vocab : undefined;
    const linearPart = linearAttentionPart(model, hidden, layers, mode, missing, assumptions, defaultState);
    const indexer = indexerPart(model, hidden, mode, missing);
    if (indexer !== null && attnReplicated !== undefined)
        attnReplicated += indexer.params;
    const slidingWindow = model.sliding_window ?? null;
    // Windowed layers are among those that are not linear.
    const slidingLayers = slidingWindow === null
        ? 0
        : layers === undefined
            ? (model.sliding_window_layers ?? 0)
            : Math.max(0, Math.min(model.sliding_window_layers ?? layers, layers - linearPart.layers));
    const extra = {
        windowKind: model.sliding_window_kind ?? 'sliding',
        linearLayers: linearPart.layers,
        linear: linearPart.facts,
        indexer,
        interleavedDense: model.moe?.interleaved === true,
        unquantizedMlpLayers: unquantizedMlpLayerList(model, layers, denseLayersGiven, mode, assumptions),
        mtpLayers: mtpLoaded ? (model.mtp_layers ?? 0) : 0,
        mtpExtra: hidden !== undefined ? mtpExtraParams(hidden) : 0,
        mlaKvUp,
        visionShipped: model.vision?.params ?? 0,
        vision: mode === 'bound' || model.vision?.loaded === false ? 0 : (model.vision?.params ?? 0),
        rope: ropeFacts(model, headDim, mode),
    };
    const uniq = [...new Set(missing)];
    if (mode === 'estimate') {
        // A dense model whose MLP width alone is missing: the given total pins it down.
        if (uniq.length === 1 && uniq[0] === 'model.ffn_hidden_size' && !isMoe && model.params !== undefined) {
            const linearParams = linearPart.facts ? (linearPart.facts.sharded + linearPart.facts.replicated) * linearPart.layers : 0;
            const rest = (attnSharded + attnKv + attnReplicated) * (layers - linearPart.layers) + linearParams + embedding * (tied ? 1 : 2);
            if (model.params > rest) {
                denseMlp = (model.params - rest) / layers;
                assumptions.push('model.ffn_hidden_size not given: MLP size taken from model.params less attention and embeddings');
                uniq.length = 0;
            }
        }
        if (uniq.length > 0)
            return { facts: null, missing: uniq, assumptions };
        const facts = assemble({
            layers: layers,
            layersVirtual: false,
            denseLayers: denseLayersGiven ?? layers,
            isMoe,
            hidden: hidden,
            heads: heads,
            kvHeads: kvHeads,
            attnSharded: attnSharded,
            attnKv: attnKv,
            attnReplicated: attnReplicated,
            denseMlp: denseMlp ?? 0,
            sharedExperts: sharedParams ?? 0,
            router: router ?? 0,
            expert: expert ?? 0,
            expertWidth: isMoe ? (expertWidth ?? 0) : 0,
            experts: experts ?? 0,
            topK: topK ?? 0,
            redundantExperts: redundant,
            embedding: embedding,
            lmHead: embedding,
            tied,
            attnPairFlopsPrefill: pairPrefill,
            attnPairFlopsDecode: pairDecode,
            kvBytesPerTokenLayer: kvBytes,
            latentKvBytesPerTokenLayer: latentKvBytes,
            kvShardable: !isMla,
            slidingWindow,
            slidingLayers,
            dtypes,
            bytes,
            ...extra,
        });
        return { facts, missing: [], assumptions };
    }
    // Bound mode: fill what is unknown with the cheapest consistent value.
    const L = layers ?? 1;
    const knownAttnPerLayer = (attnSharded ?? 0) + (attnKv ?? 0) + (attnReplicated ?? 0);
    const linearParams = linearPart.facts ? linearPart.facts.sharded + linearPart.facts.replicated : 0;
    const knownEmb = (embedding ?? 0) * (tied ? 1 : 2);
    const denseL = isMoe ? Math.min(model.moe?.dense_layers ?? 0, L) : L;
    const moeL = L - denseL;
    const E = experts ?? 0;
    const knownDense = denseMlp !== undefined ? denseMlp * denseL : undefined;
    const knownMoe = expert !== undefined && experts !== undefined ? (expert * (E + 0) + (sharedParams ?? 0) + (router ?? 0)) * moeL : undefined;
    let facts = null;
    const base = {
        layers: L,
        layersVirtual: layers === undefined,
        denseLayers: denseL,
        isMoe,
        hidden: hidden ?? 0,
        heads: heads ?? 0,
        kvHeads: kvHeads ?? 0,
        attnSharded: attnSharded ?? 0,
        attnKv: attnKv ?? 0,
        attnReplicated: attnReplicated ?? 0,
        denseMlp: denseMlp ?? 0,
        sharedExperts: sharedParams ?? 0,
        router: router ?? 0,
        expert: expert ?? 0,
        expertWidth: 0,
        experts: E,
        topK: topK ?? 1,
        redundantExperts: redundant,
        embedding: embedding ?? 0,
        lmHead: embedding ?? 0,
        tied,
        attnPairFlopsPrefill: pairPrefill ?? 0,
        attnPairFlopsDecode: pairDecode ?? 0,
        kvBytesPerTokenLayer: kvBytes ?? 0,
        latentKvBytesPerTokenLayer: latentKvBytes,
        kvShardable: !isMla,
        slidingWindow,
        slidingLayers,
        dtypes,
        bytes,
        ...extra,
    };
    const knownTotal = knownAttnPerLayer * (L - linearPart.layers) + linearParams * linearPart.layers + knownEmb + (knownDense ?? 0) + (knownMoe ?? 0);
    // a stated total counts the vision tower, which no engine need load: it is no part of the text model's remainder
    const remainder = model.params !== undefined ? model.params - knownTotal - (model.vision?.params ?? 0) : 0;
    const mlpKnown = isMoe ? knownMoe !== undefined && (denseL === 0 || knownDense !== undefined) : knownDense !== undefined;
    const shapeComplete = attnSharded !== undefined && embedding !== undefined && mlpKnown;
    if (shapeComplete || remainder <= 0) {
        // Either the shape says it all, or the given total adds nothing to it.
        if (knownTotal > 0)
            facts = assemble(base);
    }
    else if (isMoe && moeL > 0) {
        // Unknown parameters sit in routed experts: the part a token touches least.
        // Unknown expert count: as many as can be, each read by few tokens.
        const Ev = E > 0 ? E : 1e9;
        facts = assemble({ ...base, experts: Ev, expert: base.expert + remainder / moeL / Ev });
    }
    else {
        // The unknown parameters may sit in quantized parts: the floor reads every MLP at bytes.mlp.
        facts = assemble({ ...base, denseMlp: base.denseMlp + remainder / Math.max(denseL, 1), unquantizedMlpLayers: [] });
    }
    return { facts, missing: uniq, assumptions };
}
/** The rope an engine builds its tables from, the dims each head rotates (MLA: qk_rope_head_dim) and the compute dtype's bytes; null in bound mode or when unknown. */
function ropeFacts(model, headDim, mode) {
    const spec = model.rope;
    if (mode === 'bound' || spec?.max_position_embeddings === undefined)
        return null;
    const rotaryDim = spec.rotary_dim ?? model.mla?.qk_rope_head_dim ?? headDim;
    // the model's compute dtype: weight_dtype when wider than 8 bits, else bf16 (what torch's default dtype is while the engine builds the model)
    const computeBytes = DTYPE_BYTES[unquantizedDtype(model.weight_dtype ?? defaults_DEFAULT_WEIGHT_DTYPE)];
    if (rotaryDim === undefined)
        return null;
    const rope = { spec: { ...spec, max_position_embeddings: spec.max_position_embeddings }, rotaryDim, computeBytes };
    // TensorRT-LLM doubles the rows of an MLA model's table (RopeParams.from_config: duplicate_data when qk_rope_head_dim is set)
    if (model.mla?.qk_rope_head_dim !== undefined)
        rope.duplicated = true;
    return rope;
}
function assemble(f) {
    const attn = f.attnSharded + f.attnKv + f.attnReplicated;
    const linear = f.linear ? f.linear.sharded + f.linear.replicated : 0;
    // Attention parameters of the whole stack, each layer by its kind.
    const attentionStack = attn * (f.layers - f.linearLayers) + linear * f.linearLayers;
    const moeLayers = f.layers - f.denseLayers;
    const totalParams = attentionStack +
        f.denseMlp * f.denseLayers +
        (f.expert * f.experts + f.sharedExperts + f.router) * moeLayers +
        f.embedding * (f.tied ? 1 : 2) +
        f.visionShipped;
    const perTokenExperts = f.isMoe ? f.expert * f.topK + f.sharedExperts + f.router : 0;
    const activeLayerParamsPerToken = attentionStack + f.denseMlp * f.denseLayers + perTokenExperts * moeLayers;
    return { ...f, totalParams, activeLayerParamsPerToken };
}
/** The dtype a checkpoint leaves unquantized layers in: its own when wider than 8 bits, else bf16. */
function unquantizedDtype(weightDtype) {
    return weightDtype === 'bf16' || weightDtype === 'fp16' || weightDtype === 'fp32' ? weightDtype : 'bf16';
}
/**
 * model.unquantized_mlp_layers that are dense layers of the model, ascending and once each: within
 * model.layers, and among the leading dense layers of an MoE model (its MoE layers' experts keep
 * weight_dtypes.experts). Where dense layers alternate with MoE layers (Llama 4) the listed ones are
 * taken as dense, at most as many as there are. Unknown layers: none (a floor reads every MLP at bytes.mlp).
 */
function unquantizedMlpLayerList(model, layers, denseLayers, mode, assumptions) {
    const given = model.unquantized_mlp_layers;
    if (given === undefined || given.length === 0 || layers === undefined)
        return [];
    const unique = [...new Set(given)].sort((a, b) => a - b);
    const beyond = unique.filter((i) => i >= layers);
    const inRange = unique.filter((i) => i < layers);
    const dense = Math.min(denseLayers ?? 0, layers);
    const interleaved = model.moe?.interleaved === true;
    const kept = interleaved ? inRange.slice(0, dense) : inRange.filter((i) => i < dense);
    if (mode === 'estimate') {
        if (beyond.length > 0)
            assumptions.push(`model.unquantized_mlp_layers: ${layerList(beyond)} ignored, beyond the model's ${layers} layers (numbered from 0)`);
        const moe = inRange.slice(kept.length);
        if (!interleaved && moe.length > 0)
            assumptions.push(`model.unquantized_mlp_layers: MoE ${layerList(moe)} keep weight_dtypes.experts (only dense MLPs are counted unquantized)`);
    }
    return kept;
}
/** "layer 3" or "layers 3, 4, ..." (the first five). */
function layerList(list) {
    return list.length === 1 ? `layer ${list[0]}` : `layers ${list.slice(0, 5).join(', ')}${list.length > 5 ? ', ...' : ''}`;
}
/** Linear-attention layers of a hybrid model: their count and (when the shape is known) one layer's facts. */
function linearAttentionPart(model, hidden, layers, mode, missing, assumptions, defaultState) {
    const spec = model.linear_attention;
    if (spec === undefined)
        return { layers: 0, facts: null };
    const count = Math.min(spec.layers ?? 0, layers ?? 0);
    const keys = ['layers', 'key_heads', 'value_heads', 'key_head_dim', 'value_head_dim'];
    const absent = keys.filter((k) => spec[k] === undefined);
    if (mode === 'estimate')
        for (const k of absent)
            missing.push(`model.linear_attention.${k}`);
    const convKernel = spec.conv_kernel ?? 4;
    if (spec.conv_kernel === undefined && mode === 'estimate')
        assumptions.push('model.linear_attention.conv_kernel not given: 4 assumed (Qwen3-Next, Qwen3.5)');
    const stateDtype = spec.state_dtype ?? defaultState;
    if (spec.state_dtype === undefined && mode === 'estimate')
        assumptions.push(`model.linear_attention.state_dtype not given: ${defaultState} assumed (${defaultState === 'fp32' ? "SGLang's default state dtype" : "the model's dtype, vLLM's and TensorRT-LLM's default state dtype"})`);
    // A bound takes an unknown shape as a free layer: no state, no parameters.
    if (absent.length > 0 || hidden === undefined)
        return { layers: count, facts: null };
    const facts = linearAttentionFacts({
        key_heads: spec.key_heads,
        value_heads: spec.value_heads,
        key_head_dim: spec.key_head_dim,
        value_head_dim: spec.value_head_dim,
        conv_kernel: convKernel,
    }, hidden, DTYPE_BYTES[stateDtype]);
    return { layers: count, facts };
}
/** The sparse-attention indexer; a bound takes unknown figures as free and top-k as 1 (the cheapest). */
function indexerPart(model, hidden, mode, missing) {
    const spec = model.sparse_attention;
    if (spec === undefined)
        return null;
    const keys = ['index_heads', 'index_head_dim', 'index_topk'];
    const absent = keys.filter((k) => spec[k] === undefined);
    if (mode === 'estimate')
        for (const k of absent)
            missing.push(`model.sparse_attention.${k}`);
    if (hidden === undefined || absent.length > 0) {
        return mode === 'bound' ? { params: 0, bytesPerToken: 0, pairFlops: 0, topK: spec.index_topk ?? 1 } : null;
    }
    const queryInput = model.mla?.q_lora_rank ?? hidden;
    return indexerFacts({ index_heads: spec.index_heads, index_head_dim: spec.index_head_dim, index_topk: spec.index_topk }, hidden, queryInput);
}

;// CONCATENATED MODULE: ./src/core/plan-checks.ts
// Checks about the plan file itself rather than its layout: what an importer or the config.json
// reader could not map with certainty, a stated parameter count against the model's shape, and
// workload keys that the rest of the plan leaves without effect.


/** The check a loader warning becomes, by the key it is about. */
function warningCheck(path) {
    if (path?.startsWith('deployment'))
        return { id: 'deployment.import', title: 'Imported deployment' };
    // a hardware alias that could mean several parts says which one it was read as (hardware.preset)
    if (path?.startsWith('hardware'))
        return { id: path, title: path === 'hardware.memory' ? 'Device memory' : path === 'hardware.preset' ? 'Hardware preset' : 'Hardware' };
    return { id: 'model.hf_config', title: 'Hugging Face config' };
}
function planChecks(loaded) {
    const out = [];
    const plan = loaded.plan;
    // What the config.json reader or an importer could not map with certainty.
    for (const w of loaded.warnings ?? [])
        out.push({ ...warningCheck(w.path), status: 'warn', path: w.path ?? 'model.hf_config', detail: w.message });
    // Stated total against the shape.
    const shapeParams = plan.model.params !== undefined ? paramsFromShape(plan.model) : null;
    if (plan.model.params !== undefined && shapeParams !== null) {
        const ratio = shapeParams / plan.model.params;
        const ok = Math.abs(ratio - 1) <= 0.05;
        out.push({
            id: 'model.params',
            status: ok ? 'pass' : 'warn',
            title: 'Parameters vs shape',
            path: 'model.params',
            value: plan.model.params,
            limit: round(shapeParams, 0),
            unit: 'parameters',
            detail: `model.params ${(plan.model.params / 1e9).toFixed(2)}B; the shape gives ${(shapeParams / 1e9).toFixed(2)}B` +
                (ok ? '' : ' (off by more than 5%: the figures below use the shape)'),
        });
    }
    const context = contextCheck(plan);
    if (context)
        out.push(context);
    const burst = burstinessCheck(plan.workload);
    if (burst)
        out.push(burst);
    const ratio = rangeRatioCheck(plan);
    if (ratio)
        out.push(ratio);
    return out;
}
/**
 * A range ratio of 0 under vLLM: this format reads lengths uniform in [ratio x longest, longest]
 * (SGLang's bench_serving and InferenceX's convention: 1 is fixed), while `vllm bench serve
 * --random-range-ratio r` draws from [L(1 - r), L(1 + r)], where 0 is fixed. A vLLM user's 0,
 * copied, asks for the widest spread instead (a new user's review).
 */
function rangeRatioCheck(plan) {
    const b = plan.workload.benchmark;
    if (plan.deployment?.engine !== 'vllm' || b === undefined)
        return null;
    const key = b.input_range_ratio === 0 ? 'input_range_ratio' : b.output_range_ratio === 0 ? 'output_range_ratio' : undefined;
    if (key === undefined)
        return null;
    return {
        id: 'workload.benchmark',
        status: 'warn',
        title: 'Length range ratio',
        path: `workload.benchmark.${key}`,
        value: 0,
        detail: `${key} 0 reads lengths uniform from 0 to the longest (this format follows SGLang's bench_serving: [ratio x longest, longest], 1 = fixed); vLLM's bench --random-range-ratio 0 means fixed lengths: for those, write 1`,
    };
}
/**
 * The longest stated sequence against the longest the model serves: vLLM refuses a max_model_len
 * beyond the config's (unless VLLM_ALLOW_LONG_MAX_MODEL_LEN is set, and then positions past the
 * trained window give garbage), SGLang a context_length beyond it. Reported only when it fails:
 * a fitting context is what every plan is expected to have.
 */
function contextCheck(plan) {
    const w = plan.workload;
    const longest = plan.model.max_context;
    const input = w.max_input_tokens ?? w.input_tokens;
    const output = w.max_output_tokens ?? w.output_tokens;
    if (longest === undefined || input === undefined || output === undefined || input + output <= longest)
        return null;
    const stated = `${w.max_input_tokens !== undefined ? 'max_input_tokens' : 'input_tokens'} + ${w.max_output_tokens !== undefined ? 'max_output_tokens' : 'output_tokens'}`;
    return {
        id: 'model.context',
        status: 'fail',
        title: 'Context length',
        path: w.max_input_tokens !== undefined ? 'workload.max_input_tokens' : 'workload.input_tokens',
        value: input + output,
        limit: longest,
        unit: 'tokens',
        detail: `the longest stated sequence, ${input + output} tokens (${stated}), is longer than the ${longest} the model serves (model.max_context: its config.json's max_position_embeddings); vLLM (max_model_len) and SGLang (context_length) refuse it at start-up. A deployment that extends the window (RoPE scaling such as YaRN) states the extended length as model.max_context`,
    };
}
/**
 * burstiness is the shape of gamma gaps (vLLM bench --burstiness; 1 is poisson): beside an arrival
 * that is not gamma it has no effect, and the arrivals are not as bursty as it says.
 */
function burstinessCheck(w) {
    if (w.burstiness === undefined || w.burstiness === 1 || w.arrival === undefined || w.arrival === 'gamma' || w.request_rate === undefined)
        return null;
    return {
        id: 'workload.burstiness',
        status: 'warn',
        title: 'Arrival burstiness',
        path: 'workload.burstiness',
        value: w.burstiness,
        detail: `burstiness ${w.burstiness} shapes gamma gaps (vLLM bench --burstiness), but workload.arrival is ${w.arrival}: it is not used, the arrivals are ${w.arrival === 'poisson' ? 'poisson (exponential gaps)' : 'evenly spaced'}; state arrival: gamma for bursty arrivals, or drop burstiness`,
    };
}

;// CONCATENATED MODULE: ./src/core/summary.ts
// The metrics (the contract's, plus extensions) and the breakdowns behind them for reports.


const ms = (s) => (s === null ? null : round(s * 1000, 4));
/** A floor in ms, rounded down so it never sits above the true floor. */
const msFloor = (s) => (s === null ? null : round(s * 1000, 4, 'down'));
function buildMetrics(r, c, memTotal, memFloor, est, capacity) {
    // Each part at its largest over the plan's pipeline stages, as is each part's floor (a stage's floor
    // never exceeds its estimate). A disaggregated plan's figures are its most loaded pool's
    // (disagg-estimates.ts, mergeMemory), never one pool's weights with the other's KV cache.
    const maxOf = (pick) => (c.memEst && c.memEst.length > 0 ? Math.max(...c.memEst.map(pick)) : null);
    return {
        world_size: r.layout.worldSize,
        weights_per_gpu_gib: gib(maxOf((s) => s.weights)),
        kv_cache_per_gpu_gib: gib(maxOf((s) => s.kv)),
        activations_per_gpu_gib: gib(maxOf((s) => s.activations)),
        memory_per_gpu_gib: gib(memTotal),
        ttft_ms: ms(c.ttft),
        ttft_idle_ms: ms(c.ttftIdle),
        tpot_ms: ms(c.tpot),
        decode_step_ms: ms(c.step),
        throughput_tokens_per_s: roundFine(c.throughput, 1, 2),
        throughput_upper_bound_tokens_per_s: roundFine(c.throughputBound, 1, 2, 'up'),
        kv_cache_capacity_tokens: c.kvCapacity,
        // Extensions.
        weights_per_gpu_lower_bound_gib: gib(c.weightsFloor, 'down'),
        memory_per_gpu_lower_bound_gib: gib(memFloor, 'down'),
        memory_utilization: memTotal !== null && capacity ? round(memTotal / capacity, 4) : null,
        ttft_lower_bound_ms: msFloor(c.ttftFloor),
        tpot_lower_bound_ms: msFloor(c.tpotFloor),
        decode_step_lower_bound_ms: msFloor(c.stepFloor),
        max_concurrency_at_max_context: c.maxConcurrencyAtMaxContext,
        max_running_sequences: c.maxRunning,
        ttft_p50_ms: ms(c.load?.outcome.ttft.p50 ?? null),
        ttft_p90_ms: ms(c.load?.outcome.ttft.p90 ?? null),
        ttft_p99_ms: ms(c.load?.outcome.ttft.p99 ?? null),
        tpot_p50_ms: ms(c.load?.outcome.tpot?.p50 ?? null),
        tpot_p90_ms: ms(c.load?.outcome.tpot?.p90 ?? null),
        tpot_p99_ms: ms(c.load?.outcome.tpot?.p99 ?? null),
        e2e_p99_ms: ms(c.load?.outcome.e2e.p99 ?? null),
        // the bound requirements.e2e_p99 is judged on (estimates.ts e2eFloor), beside the figure it bounds
        e2e_p99_lower_bound_ms: c.load?.outcome.e2e.p99 != null ? msFloor(e2eFloor(c, r.workload.outputTokens)) : null,
        max_request_rate: roundFine(c.maxRequestRate, 3, 3),
        request_rate_upper_bound: roundFine(c.requestRateBound, 3, 3, 'up'),
        compute_utilization: round(c.computeUtilization, 4),
        pipeline_bubble_fraction: round(c.bubble, 4),
        total_params: est ? Math.round(est.totalParams) : null,
        active_params_per_token: est ? Math.round(est.activeLayerParamsPerToken + est.lmHead) : null,
    };
}
function buildDetails(r, c, capacity, modelAssumptions, hasBound) {
    const stages = c.stagesEst ?? c.stagesBound ?? [];
    const devices = stages.map((s, i) => {
        const m = c.memEst?.[i] ?? null;
        return {
            stage: s.index,
            layers: s.layers,
            weights_gib: gib(m?.weights ?? null),
            kv_cache_gib: gib(m?.kv ?? null),
            activations_gib: gib(m?.activations ?? null),
            overhead_gib: gib(m?.overhead ?? null),
            total_gib: gib(m?.total ?? null),
            total_floor_gib: gib(c.weightsFloor, 'down') ?? 0,
            capacity_gib: capacity !== undefined ? gib(capacity) : null,
            usable_gib: gib(m?.usable ?? null),
            kv_pool_gib: m?.pool !== null && m?.pool !== undefined ? gib(Math.max(0, m.pool)) : null,
            ...(m && m.mlaDecodeCopy > 0 ? { mla_decode_copy_gib: gib(m.mlaDecodeCopy) } : {}),
            ...(m && m.rotaryTables > 0 ? { rotary_tables_gib: gib(m.rotaryTables) } : {}),
        };
    });
    const assumptions = [
        ...r.assumptions,
        ...modelAssumptions.map((a) => ({ name: a.split(':')[0], value: a.slice(a.indexOf(':') + 1).trim(), source: 'default' })),
    ];
    if (c.raisedFraction) {
        assumptions.push({
            name: 'workload.memory_fraction',
            value: `${c.raisedFraction.to}: the engine's default ${c.raisedFraction.from} leaves one request of the longest length no room, and a deployment this tight sets its memory flag higher`,
            source: 'default',
        });
    }
    if (hasBound) {
        assumptions.push({
            name: 'physical bound',
            value: 'every efficiency at 1, no collective latency, communication overlapped; unknown model fields at their cheapest consistent value',
            source: 'method',
        });
    }
    return {
        devices,
        times: {
            ttft_ms: { estimate: ms(c.ttft), bound: msFloor(c.ttftFloor), unit: 'ms' },
            tpot_ms: { estimate: ms(c.tpot), bound: msFloor(c.tpotFloor), unit: 'ms' },
            decode_step_ms: { estimate: ms(c.step), bound: msFloor(c.stepFloor), unit: 'ms' },
            throughput_tokens_per_s: { estimate: roundFine(c.throughput, 1, 2), bound: roundFine(c.throughputBound, 1, 2, 'up'), unit: 'tokens/s' },
            decode_bound_by: c.boundBy,
            pipeline_bubble_fraction: round(c.bubble, 4),
            ...(c.load
                ? {
                    load: {
                        kind: c.load.kind,
                        requests_per_replica: c.load.outcome.requests,
                        measured_per_replica: c.load.outcome.measured,
                        wall_time_s: round(c.load.outcome.wallTime, 4),
                        scheduler_steps: c.load.outcome.steps,
                        mean_decode_batch: round(c.load.outcome.meanBatch, 2),
                        peak_running_sequences: c.load.outcome.peakRunning,
                        busy_fraction: round(c.load.outcome.busyFraction, 4),
                        served_requests_per_s: round(c.load.servedRate, 4),
                        saturated: c.load.saturated,
                        truncated: c.load.outcome.truncated,
                    },
                }
                : {}),
        },
        assumptions,
        ...(c.kvWindow
            ? {
                kv_cache_window: {
                    window_tokens: c.kvWindow.window,
                    windowed_layers: c.kvWindow.layers,
                    kind: c.kvWindow.kind,
                    ...(c.kvWindow.padding > 0 ? { padding_layers: c.kvWindow.padding } : {}),
                },
            }
            : {}),
    };
}
function hardwareSummary(plan, worldSize) {
    const h = plan.hardware;
    return {
        name: h.name ?? null,
        gpus: h.gpus ?? worldSize,
        memory_bytes: h.memory ?? null,
        memory_bandwidth_bytes_per_s: h.memory_bandwidth ?? null,
        peak_flops: h.peak_tflops ?? null,
    };
}
/** What a deployment's figures cost and use (cost.ts): its devices, throughput and the plan's prices. */
function servingEconomy(plan, gpus, throughput, throughputBound) {
    return {
        gpus,
        throughput,
        throughputBound,
        ...(plan.hardware.cost_per_hour !== undefined ? { costPerHour: plan.hardware.cost_per_hour } : {}),
        ...(plan.hardware.power !== undefined ? { power: plan.hardware.power } : {}),
    };
}

;// CONCATENATED MODULE: ./src/core/verdict.ts
/** A plan's verdict from its checks (contract: fail > warn/unverified > pass; error when it did not load). */
function planVerdict(checks, loaded) {
    if (!loaded)
        return 'error';
    if (checks.some((c) => c.status === 'fail'))
        return 'fail';
    if (checks.some((c) => c.status === 'warn' || c.status === 'unverified'))
        return 'warn';
    return 'pass';
}
const SEVERITY = { pass: 0, warn: 1, fail: 2, error: 3 };
/** The run's verdict: the worst plan's. An empty run passes. */
function combineReports(plans) {
    let verdict = 'pass';
    for (const p of plans)
        if (SEVERITY[p.verdict] > SEVERITY[verdict])
            verdict = p.verdict;
    return { version: 1, verdict, plans };
}

;// CONCATENATED MODULE: ./src/core/withheld.ts
/**
 * A world size below hardware.gpus: the plan does not add up, but an engine starts on the devices its
 * layout uses (a reviewer: Llama 3.1 8B at tp 4 on 8 GPUs read "no engine starts this deployment").
 */
const startsOnFewer = (c) => /(^|\.)layout\.world_size$/.test(c.id) && typeof c.value === 'number' && typeof c.limit === 'number' && c.value < c.limit;
/**
 * What blocks the deployment: `start`, the checks that say no engine starts it (`layout.*` or a pool's
 * `prefill.layout.*` failing, a KV pool fixed past the device); `fits`, a memory.fits that says not
 * one request of the longest length fits. vLLM refuses such a max_model_len at start-up, SGLang and
 * TensorRT-LLM start with a shorter one and refuse those requests: the plan's load is not served
 * either way, whatever its figures at the mean length say (Llama 3.1 70B on two H100s with 120,000-token
 * prompts passed its TPOT requirement beside "not even one request of this length can run").
 */
function blockers(checks) {
    const layout = checks.filter((c) => c.status === 'fail' && /(^|\.)layout\.[a-z_]+$/.test(c.id) && !startsOnFewer(c)).map((c) => c.id);
    const fits = checks.filter((c) => c.status === 'fail' && /(^|\.)memory\.fits$/.test(c.id));
    // A pool the plan fixes past the device is the one memory.fits failure keyed on the pool (memory-checks.ts).
    const pool = (c) => c.path?.startsWith('workload.kv_cache_') === true;
    return { start: [...layout, ...fits.filter(pool).map((c) => c.id)], fits: fits.filter((c) => !pool(c)).map((c) => c.id) };
}
/** Verdicts read on the deployment's figures; the layout's own checks and the plan file's are not. */
function withheldTarget(id) {
    return /^(requirements|claims)\./.test(id) || /(^|\.)memory\.(fits|kv_capacity)$/.test(id);
}
/** What blocks the deployment, or null when nothing does: the words the withheld verdicts and the reports' figures share. */
function blockedBy(checks) {
    const { start, fits } = blockers(checks);
    const ids = [...start, ...fits];
    if (ids.length === 0)
        return null;
    const named = ids.length === 1 ? ids[0] : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
    return {
        what: start.length > 0 ? 'no engine starts this deployment' : 'not one request of the longest length fits',
        because: `${named} ${ids.length === 1 ? 'fails' : 'fail'}`,
    };
}
/** The checks with every pass or warning read on a deployment that cannot start made unverified. */
function withholdOnBlockedDeployment(checks) {
    const blocked = blockedBy(checks);
    if (blocked === null)
        return checks;
    const reason = `not judged: ${blocked.what} (${blocked.because})`;
    return checks.map((c) => {
        if ((c.status !== 'pass' && c.status !== 'warn') || !withheldTarget(c.id))
            return c;
        // the figures stay (limit, basis, detail): what the layout as written would give is what its author fixes from
        return { ...c, status: 'unverified', detail: `${reason}; as written, ${c.detail}` };
    });
}

;// CONCATENATED MODULE: ./src/core/unread-layout.ts
/** The unread layout keys under `prefix` (`parallelism.`, `disaggregation.prefill.parallelism.`), each with why. */
function unreadLayout(loaded, prefix) {
    return Object.entries(loaded.unread ?? {}).filter(([path]) => path.startsWith(prefix));
}
/** The world size check of a layout that could not be read: unverified, naming the keys to give and why. */
function unreadLayoutCheck(unread) {
    const paths = unread.map(([path]) => path);
    return {
        id: 'layout.world_size',
        status: 'unverified',
        title: 'World size',
        path: 'deployment.from',
        missing: paths,
        detail: `the parallel layout is not imported (${unread.map(([, why]) => why).join('; ')}): give ${paths.join(', ')} in the plan; no figure that depends on the layout is computed`,
    };
}

;// CONCATENATED MODULE: ./src/core/disagg-verify.ts
// Every check of a disaggregated plan (contract v1.1, "Disaggregated prefill and decode"): each pool
// checked like a plan of its own (layout, memory) under its pool's prefix, the devices adding up,
// the KV transfer, the balance of the pools, then the deployment's requirements and claims against
// the figures of the two-pool simulation.




















/** A time in seconds as the report shows it (41.2 ms, 1.23 s, 84.2 min). */
const fmtS = (s) => formatQuantity(s, 's');
const POOL_LABEL = { prefill: 'prefill', decode: 'decode' };
function verifyDisaggregatedPlan(loaded, options) {
    const { plan, lines } = loaded;
    const pools = resolvePools(loaded);
    const factsOptions = factsOptionsOf(plan);
    const estR = deriveModelFacts(plan.model, 'estimate', factsOptions);
    const boundR = deriveModelFacts(plan.model, 'bound', factsOptions);
    // a pool's imported layout that could not be read: the figures (which need both pools) are unverified
    const unread = { prefill: unreadLayout(loaded, 'disaggregation.prefill.parallelism.'), decode: unreadLayout(loaded, 'disaggregation.decode.parallelism.') };
    const anyUnread = unread.prefill.length + unread.decode.length > 0;
    const est = anyUnread ? null : estR.facts;
    const bound = anyUnread ? null : boundR.facts;
    const checks = [];
    const add = (c) => {
        const line = options.lineOf(lines, c.path);
        checks.push(line === undefined ? c : { ...c, line });
    };
    const addPool = (name, c) => {
        const path = poolPath(name, c.path);
        add({
            ...c,
            id: `${name}.${c.id}`,
            title: `${c.title} (${POOL_LABEL[name]})`,
            detail: c.detail.replaceAll('hardware.gpus', `disaggregation.${name}.gpus`),
            ...(path !== undefined ? { path } : {}),
            ...(c.missing ? { missing: c.missing.map((m) => poolPath(name, m) ?? m) } : {}),
        });
    };
    // The devices add up.
    const total = poolsTotal(plan);
    const sum = `${pools.prefill.workers} x ${pools.prefill.gpus} prefill + ${pools.decode.workers} x ${pools.decode.gpus} decode = ${total}`;
    if (plan.hardware.gpus === undefined) {
        add({
            id: 'layout.world_size',
            status: 'pass',
            title: 'World size',
            path: 'disaggregation',
            value: total,
            limit: total,
            detail: `${sum} devices (hardware.gpus is not given: taken as the pools' total)`,
        });
    }
    else {
        const ok = plan.hardware.gpus === total;
        add({
            id: 'layout.world_size',
            status: ok ? 'pass' : 'fail',
            title: 'World size',
            path: ok ? 'disaggregation' : 'hardware.gpus',
            value: total,
            limit: plan.hardware.gpus,
            detail: ok ? `${sum} = hardware.gpus` : `${sum} devices, but hardware.gpus is ${plan.hardware.gpus}`,
        });
    }
    const figures = computeDisaggregated(loaded, pools, est, bound, plan.hardware.gpus ?? total, { quick: options.quick === true });
    const modelMissing = [...estR.missing, ...[...unread.prefill, ...unread.decode].map(([path]) => path)];
    const wlNeed = (keys) => keys.filter(([, v]) => v === undefined).map(([k]) => k);
    // Each pool as a plan of its own.
    for (const name of POOLS) {
        const pool = pools[name];
        const c = figures.pools[name].c;
        const pwl = pool.r.workload;
        if (unread[name].length > 0)
            addPool(name, unreadLayoutCheck(unread[name]));
        else
            for (const f of layoutFindings(plan.model, pool.r.layout, pool.r.hardware)) {
                // The deployment's node check is the deployment's, not a worker's.
                if (f.id !== 'layout.nodes')
                    addPool(name, f);
            }
        for (const b of balanceChecks(pool.plan, pool.r, c, est ?? bound, name === 'prefill' ? pwl.maxBatchedTokens : undefined))
            addPool(name, b);
        const memMissing = [
            ...modelMissing,
            ...wlNeed([
                ['workload.concurrency', pwl.concurrency],
                ['workload.input_tokens', pwl.maxInputTokens],
                ['workload.output_tokens', pwl.maxOutputTokens],
            ]),
        ];
        for (const m of memoryChecks(pool.plan, pool.r, c, memMissing)) {
            // A prefill worker holds its prompts only until their caches leave: capacity is the decode pool's question.
            if (name === 'prefill' && m.id === 'memory.kv_capacity')
                continue;
            addPool(name, m);
        }
    }
    if (total > (pools.decode.r.hardware.gpusPerNode ?? 8) && total % pools.decode.r.hardware.gpusPerNode !== 0) {
        add({
            id: 'layout.nodes',
            status: 'warn',
            title: 'Whole nodes',
            path: 'hardware.gpus',
            value: total,
            limit: pools.decode.r.hardware.gpusPerNode,
            detail: `${total} devices do not fill whole nodes of ${pools.decode.r.hardware.gpusPerNode}`,
        });
    }
    for (const p of planChecks(loaded))
        add(p);
    // What the figures need.
    const wl = pools.decode.r.workload;
    const linkMissing = figures.link.bandwidth === undefined ? ['disaggregation.kv_transfer.bandwidth'] : [];
    const tMissing = [...new Set([...timeMissing(pools.prefill.r, pools.prefill.plan), ...timeMissing(pools.decode.r, pools.decode.plan), ...linkMissing])];
    const concurrency = plan.workload.concurrency;
    const memMissing = [
        ...modelMissing,
        ...wlNeed([
            ['workload.concurrency', concurrency],
            ['workload.input_tokens', wl.maxInputTokens],
            ['workload.output_tokens', wl.maxOutputTokens],
        ]),
    ];
    const idleMissing = [...modelMissing, ...tMissing, ...wlNeed([['workload.input_tokens', wl.inputTokens]])];
    const loadKey = concurrency ?? plan.workload.request_rate;
    const loopMissing = [
        ...idleMissing,
        ...wlNeed([
            ['workload.concurrency', loadKey],
            ['workload.output_tokens', wl.outputTokens],
        ]),
    ];
    const ttftMissing = loadKey === undefined ? idleMissing : loopMissing;
    add(kvTransferCheck(figures, pools, idleMissing));
    add(balanceCheck(figures, pools, total, loopMissing));
    // The deployment's requirements and claims, on the two-pool figures.
    const c = figures.deployment;
    const r = deploymentResolved(pools, plan.hardware.gpus ?? total, concurrency, plan.workload.request_rate);
    const worst = mostLoaded(c.memEst);
    const memTotal = worst?.total ?? null;
    const floors = POOLS.map((n) => figures.pools[n].c).map((pc) => (pc.weightsFloor !== null ? pc.weightsFloor + pc.kvFloor : null));
    const memFloor = floors.some((f) => f === null) ? null : Math.max(...floors);
    const gpus = plan.hardware.gpus ?? total;
    const economy = servingEconomy(plan, gpus, c.throughput, c.throughputBound);
    for (const j of judgedChecks({
        plan,
        r,
        c,
        bound,
        memTotal,
        memFloor,
        modelMissing,
        memMissing,
        loopMissing,
        ttftMissing,
        economy,
        terse: options.quick === true,
    }))
        add(j);
    const capacity = plan.hardware.memory;
    // Object.assign, not a spread: spreading a second object of this many keys costs V8 some 15 µs, a
    // search's thousands of verifications a tenth of their time
    const metrics = Object.assign(buildMetrics(r, c, memTotal, memFloor, est, capacity), economyMetrics(economy));
    metrics.world_size = gpus;
    Object.assign(metrics, disaggMetrics(figures, pools));
    const pr = reportRanges(plan, r, c, metrics, economy, options.quick === true);
    const judged = withholdOnBlockedDeployment(checks);
    const report = { file: loaded.file, name: plan.name, verdict: planVerdict(judged, true), checks: judged, metrics, errors: [], ranges: pr.ranges };
    if (options.details !== false) {
        const details = buildDetails(r, c, capacity, estR.assumptions, bound !== null);
        details.assumptions = [...poolAssumptions(pools), ...details.assumptions.slice(r.assumptions.length), ...disaggAssumptions(figures)];
        details.assumptions.push(...economyAssumptions(plan.hardware, loaded.origins));
        for (const why of pr.why)
            details.assumptions.push({ name: 'ranges', value: why, source: 'method' });
        details.disaggregation = disaggDetails(figures, pools, capacity, plan.model.moe !== undefined);
        // The deployment's devices are those of the pool whose figures the metrics give, each with its own pool's floor.
        details.devices = details.disaggregation[figures.heaviestPool].devices;
        const origins = Object.keys(loaded.origins).length > 0 ? { origins: { ...loaded.origins } } : {};
        report.details = { ...details, hardware: hardwareSummary(plan, gpus), ...origins };
    }
    return report;
}
/** The deployment as one Resolved for the checks that read it: the decode pool's engine and workload, all the devices. */
function deploymentResolved(pools, gpus, concurrency, requestRate) {
    const dr = pools.decode.r;
    return {
        layout: { ...dr.layout, worldSize: gpus },
        hardware: { ...dr.hardware, gpus },
        workload: { ...dr.workload, concurrency, requestRate },
        assumptions: dr.assumptions,
    };
}
function kvTransferCheck(f, pools, missing) {
    const base = { id: 'disaggregation.kv_transfer', title: 'KV cache transfer', path: 'disaggregation.kv_transfer', unit: 'ms' };
    if (f.transfer === null || f.kvBytes === null) {
        return { ...base, status: 'unverified', missing, detail: `cannot size the transfer without ${missing.join(', ') || 'the model and the link'}` };
    }
    const input = pools.decode.r.workload.inputTokens;
    const mean = f.outcome ? f.outcome.meanTransfer : null;
    const rate = f.transferRate;
    const at = rate ? kvTransferRateText(rate, f.link.source) : `${gbPerS(f.link.bandwidth)} per GPU (${f.link.source})`;
    const latency = f.link.latency > 0 ? `, plus ${fmtS(f.link.latency)} latency` : '';
    return {
        ...base,
        status: 'pass',
        value: round(f.transfer * 1000, 4),
        limit: f.transferFloor === null ? null : round(f.transferFloor * 1000, 4, 'down'),
        detail: `a ${input}-token prompt's cache (${(f.kvBytes / 2 ** 20).toFixed(1)} MiB) moves to its decode worker in ${fmtS(f.transfer)} at ${at}${latency}` +
            (f.transferFloor !== null
                ? `; floor ${fmtS(f.transferFloor)} (every byte out of the prefill worker's ${figures_countOf(pools.prefill.gpus, 'GPU')} at full bandwidth)`
                : '') +
            (mean !== null ? `; ${fmtS(mean)} on average under the load (transfers from one attention rank queue on its link)` : ''),
    };
}
function balanceCheck(f, pools, totalGpus, missing) {
    const base = { id: 'disaggregation.balance', title: 'Prefill/decode balance', path: 'disaggregation', unit: 'fraction' };
    const out = f.outcome;
    if (!out || f.decodeLoad === null) {
        return {
            ...base,
            status: 'unverified',
            ...(missing.length > 0 ? { missing } : {}),
            detail: missing.length > 0 ? `cannot simulate the load without ${missing.join(', ')}` : 'the load was not simulated',
        };
    }
    // Prefill work is its busy time; decode work is its output rate against its rate with every slot
    // running (a decode worker steps whenever one sequence runs).
    const busy = { prefill: out.prefillBusy, decode: f.decodeLoad };
    const workers = { prefill: pools.prefill.workers, decode: pools.decode.workers };
    const pct = (x) => `${(x * 100).toFixed(0)}%`;
    const now = `${mixName(workers)}: the prefill pool is busy ${pct(busy.prefill)} of the time; the decode pool runs ${out.decodeRunning.toFixed(0)} of its ` +
        `${figures_countOf(f.decodeSlots ?? 0, 'sequence')} per worker on average, ${pct(busy.decode)} of the tokens it could make with every slot running ` +
        `(decode_capacity_utilization; decode_utilization, ${pct(out.decodeBusy)}, counts the time it steps at all, which it does whenever one sequence runs)`;
    const idle = ['prefill', 'decode'].filter((n) => busy[n] < BALANCE_MIN_BUSY);
    const advice = balancedMix(busy, workers, { prefill: pools.prefill.gpus, decode: pools.decode.gpus }, totalGpus);
    const value = round(Math.min(busy.prefill, busy.decode), 4);
    if (idle.length === 0)
        return { ...base, status: 'pass', value, limit: BALANCE_MIN_BUSY, detail: now };
    let say;
    if (advice === null)
        say = 'no worker mix can be derived from it';
    else if (advice.mix.prefill === workers.prefill && advice.mix.decode === workers.decode) {
        // the ratio that would balance the work, even where no whole-worker mix of these GPUs reaches it
        say =
            `the work needs ${advice.need.prefill.toFixed(2)} prefill and ${advice.need.decode.toFixed(2)} decode workers at full use (${balancingRatio(advice.need)}), ` +
                `but no other whole-worker mix of these worker sizes on ${totalGpus} GPUs serves more: the idle share comes from the load (${idle.length === 2 ? 'too light for either pool' : `the ${idle[0] === 'prefill' ? 'decode' : 'prefill'} pool paces it`}), not the ratio`;
    }
    else {
        say =
            `the work needs ${advice.need.prefill.toFixed(2)} prefill and ${advice.need.decode.toFixed(2)} decode workers at full use: about ${mixName(advice.mix)} ` +
                `(${advice.gpus} GPUs) would balance them and serve ${advice.headroom.toFixed(2)}x this load before either pool saturates`;
    }
    return {
        ...base,
        status: 'warn',
        value,
        limit: BALANCE_MIN_BUSY,
        detail: `${now}: the ${idle.join(' and the ')} pool${idle.length > 1 ? 's idle' : ' idles'} more than ${pct(1 - BALANCE_MIN_BUSY)}; ${say}`,
    };
}
/** "prefill:decode about 5.9:1" (the larger pool's side over the smaller's). */
function balancingRatio(need) {
    const ratio = need.prefill >= need.decode ? `${(need.prefill / need.decode).toFixed(1)}:1` : `1:${(need.decode / need.prefill).toFixed(1)}`;
    return `prefill:decode about ${ratio} would balance them`;
}
function disaggMetrics(f, pools) {
    const ms = (s) => (s === null ? null : round(s * 1000, 4));
    const memOf = (name) => {
        const mem = f.pools[name].c.memEst;
        return mem ? gib(Math.max(...mem.map((s) => s.total))) : null;
    };
    return {
        prefill_workers: pools.prefill.workers,
        decode_workers: pools.decode.workers,
        prefill_gpus_per_worker: pools.prefill.gpus,
        decode_gpus_per_worker: pools.decode.gpus,
        prefill_utilization: f.outcome ? round(f.outcome.prefillBusy, 4) : null,
        decode_utilization: f.outcome ? round(f.outcome.decodeBusy, 4) : null,
        decode_capacity_utilization: round(f.decodeLoad, 4),
        decode_mean_running_sequences: f.outcome ? round(f.outcome.decodeRunning, 2) : null,
        kv_transfer_ms: ms(f.outcome ? f.outcome.meanTransfer : f.transfer),
        kv_transfer_lower_bound_ms: f.transferFloor === null ? null : round(f.transferFloor * 1000, 4, 'down'),
        kv_transfer_mib_per_request: f.kvBytes === null ? null : round(f.kvBytes / 2 ** 20, 3),
        prefill_memory_per_gpu_gib: memOf('prefill'),
        decode_memory_per_gpu_gib: memOf('decode'),
        prefill_kv_cache_capacity_tokens: f.pools.prefill.c.kvCapacity,
        decode_kv_cache_capacity_tokens: f.pools.decode.c.kvCapacity,
        decode_running_sequences_per_worker: f.decodeSlots,
        ttft_idle_ms: ms(f.deployment.ttftIdle),
    };
}
/** Each pool's assumptions, said once when both pools make the same one. */
function poolAssumptions(pools) {
    const key = (a) => `${a.name}=${a.value}`;
    const inDecode = new Set(pools.decode.r.assumptions.map(key));
    const inPrefill = new Set(pools.prefill.r.assumptions.map(key));
    const out = [];
    for (const a of pools.prefill.r.assumptions)
        out.push(inDecode.has(key(a)) ? a : { ...a, name: `prefill: ${a.name}` });
    for (const a of pools.decode.r.assumptions)
        if (!inPrefill.has(key(a)))
            out.push({ ...a, name: `decode: ${a.name}` });
    return out;
}
function disaggAssumptions(f) {
    const out = [
        {
            name: 'disaggregated serving',
            value: 'a request is admitted when a decode worker reserves its KV slot; prefill workers take admitted prompts oldest first in prefill-only passes; the cache then moves to the decode worker, which takes the request in at its next step and streams the first token then (a step later with an overlap scheduler)',
            source: 'method',
        },
        {
            name: 'disaggregation.kv_transfer.bandwidth',
            value: f.link.bandwidth === undefined
                ? 'not given'
                : `${gbPerS(f.link.bandwidth)} per GPU (${f.link.source})${f.transferRate ? `, used at network efficiency ${f.transferRate.efficiency}: ${gbPerS(f.link.bandwidth * f.transferRate.efficiency)} per link` : ''}; transfers from one attention rank of a prefill worker share its link`,
            source: f.link.source.startsWith('disaggregation') ? 'plan' : 'default',
        },
    ];
    return out;
}
function disaggDetails(f, pools, capacity, moe) {
    const pool = (name) => {
        const p = pools[name];
        const c = f.pools[name].c;
        const devices = buildDetails(p.r, c, capacity, [], false).devices;
        const out = {
            workers: p.workers,
            gpus_per_worker: p.gpus,
            gpus: p.workers * p.gpus,
            layout: poolLayoutText(p.r, moe),
            devices,
            utilization: f.outcome ? round(name === 'prefill' ? f.outcome.prefillBusy : f.outcome.decodeBusy, 4) : null,
            // c.kvCapacity is one replica's (one attention-DP rank's, as the engine logs it); a worker holds dp of them
            kv_cache_capacity_tokens: c.kvCapacity === null ? null : c.kvCapacity * p.r.layout.dp,
        };
        if (name === 'prefill')
            out.max_batched_tokens = p.r.workload.maxBatchedTokens;
        else
            out.max_running_sequences = f.decodeSlots;
        return out;
    };
    const ms = (s) => (s === null ? null : round(s * 1000, 4));
    return {
        prefill: pool('prefill'),
        decode: pool('decode'),
        decode_step_at: f.stepAt,
        kv_transfer: {
            bandwidth_gb_per_s: f.link.bandwidth === undefined ? null : round(f.link.bandwidth / 1e9, 3),
            effective_gb_per_s: f.transferRate === null ? null : round(f.transferRate.effective / 1e9, 3),
            latency_ms: round(f.link.latency * 1000, 4) ?? 0,
            link: f.link.source,
            bytes_per_prompt_mib: f.kvBytes === null ? null : round(f.kvBytes / 2 ** 20, 3),
            estimate_ms: ms(f.transfer),
            mean_ms: ms(f.outcome ? f.outcome.meanTransfer : null),
            lower_bound_ms: f.transferFloor === null ? null : round(f.transferFloor * 1000, 4, 'down'),
        },
    };
}

;// CONCATENATED MODULE: ./src/core/verify.ts
// Computes every check of a loaded plan. Orchestration only: each formula lives in its own
// module (layout, memory, performance, estimates, compare, balance, utilization, summary).
















/** Line of a key, or of its nearest ancestor that the file sets. */
function lineOf(lines, path) {
    let p = path;
    while (p) {
        const l = lines[p];
        if (l !== undefined)
            return l;
        const dot = p.lastIndexOf('.');
        p = dot > 0 ? p.slice(0, dot) : undefined;
    }
    return undefined;
}
function verifyLoadedPlan(loaded, options = {}) {
    if (loaded.plan.disaggregation)
        return verifyDisaggregatedPlan(loaded, { ...options, lineOf });
    const { plan, lines } = loaded;
    const r = resolvePlan(plan, loaded.origins, loaded.defaulted?.['workload.memory_fraction']);
    // The checkpoint's MTP modules are loaded only when speculative decoding runs them.
    const factsOptions = factsOptionsOf(plan);
    const estR = deriveModelFacts(plan.model, 'estimate', factsOptions);
    const boundR = deriveModelFacts(plan.model, 'bound', factsOptions);
    // an imported layout that could not be read: what depends on it is unverified, as without the model
    const unread = unreadLayout(loaded, 'parallelism.');
    const est = unread.length > 0 ? null : estR.facts;
    const bound = unread.length > 0 ? null : boundR.facts;
    const { layout, hardware: hw, workload: wl } = r;
    const checks = [];
    // a layout search's candidates carry no lines (candidate.ts): no key path to walk up for them
    const anyLines = Object.keys(lines).length > 0;
    const add = (c) => {
        const line = anyLines ? lineOf(lines, c.path) : undefined;
        checks.push(line === undefined ? c : { ...c, line });
    };
    if (unread.length > 0)
        add(unreadLayoutCheck(unread));
    else
        for (const f of layoutFindings(plan.model, layout, hw))
            add(f);
    for (const p of planChecks(loaded))
        add(p);
    const c = compute(loaded, r, est, bound, { quick: options.quick === true });
    const modelMissing = [...estR.missing, ...unread.map(([path]) => path)];
    const tMissing = timeMissing(r, plan);
    const wlNeed = (keys) => keys.filter(([, v]) => v === undefined).map(([k]) => k);
    // an open loop (request_rate) needs no concurrency: memory is sized for one request of the longest length
    const memMissing = [
        ...modelMissing,
        ...wlNeed([
            ['workload.concurrency', wl.concurrency ?? wl.requestRate],
            ['workload.input_tokens', wl.maxInputTokens],
            ['workload.output_tokens', wl.maxOutputTokens],
        ]),
    ];
    const idleMissing = [...modelMissing, ...tMissing, ...wlNeed([['workload.input_tokens', wl.inputTokens]])];
    const loadKey = wl.concurrency ?? wl.requestRate;
    const loopMissing = [
        ...idleMissing,
        ...wlNeed([
            ['workload.concurrency', loadKey],
            ['workload.output_tokens', wl.outputTokens],
        ]),
    ];
    // TTFT under load needs the load; a plan that states none is judged on the idle figure.
    const ttftMissing = loadKey === undefined ? idleMissing : loopMissing;
    for (const b of balanceChecks(plan, r, c, est ?? bound))
        add(b);
    // Memory, as the plan's engine counts it.
    const worst = mostLoaded(c.memEst);
    const memTotal = worst?.total ?? null;
    const memFloor = c.weightsFloor !== null ? c.weightsFloor + c.kvFloor : null;
    const capacity = hw.memory;
    for (const m of memoryChecks(plan, r, c, memMissing, loaded.origins['workload.max_input_tokens']))
        add(m);
    // Requirements and claims.
    const economy = servingEconomy(plan, hw.gpus ?? layout.worldSize, c.throughput, c.throughputBound);
    for (const j of judgedChecks({
        plan,
        r,
        c,
        bound,
        memTotal,
        memFloor,
        modelMissing,
        memMissing,
        loopMissing,
        ttftMissing,
        economy,
        terse: options.quick === true,
    }))
        add(j);
    // Object.assign, not a spread: spreading a second object of this many keys costs V8 some 15 µs, a
    // search's thousands of verifications a tenth of their time
    const metrics = Object.assign(buildMetrics(r, c, memTotal, memFloor, est, capacity), economyMetrics(economy));
    const pr = reportRanges(plan, r, c, metrics, economy, options.quick === true);
    const judged = withholdOnBlockedDeployment(checks);
    const report = { file: loaded.file, name: plan.name, verdict: planVerdict(judged, true), checks: judged, metrics, errors: [], ranges: pr.ranges };
    if (options.details !== false) {
        const origins = Object.keys(loaded.origins).length > 0 ? { origins: { ...loaded.origins } } : {};
        const details = buildDetails(r, c, capacity, estR.assumptions, bound !== null);
        // the capacity is one data-parallel rank's: the reports' capacity line says so, as the checks do
        if (r.layout.dp > 1)
            details.data_parallel_ranks = r.layout.dp;
        details.assumptions.push(...economyAssumptions(plan.hardware, loaded.origins));
        // Why the ranges are wider than validated, where they are.
        for (const why of pr.why)
            details.assumptions.push({ name: 'ranges', value: why, source: 'method' });
        // A steady closed loop of equal requests stays in step: every client's next prompt arrives with
        // the others', as one wave, as in a fixed-length benchmark sweep. Whether the wave queues depends on
        // the engine (TensorRT-LLM's mixed batches take a whole wave in one iteration when it fits
        // max_num_tokens): the words say only that the prompts arrive together.
        if (c.load?.kind === 'closed' && !wl.benchmark && (wl.concurrency ?? 1) > 1) {
            details.assumptions.push({
                name: 'workload lengths',
                value: `every request has ${wl.inputTokens} prompt and ${wl.outputTokens} output tokens: the clients stay in step and their prompts arrive together, as one wave (a fixed-length sweep); declare workload.benchmark with length ranges for a mix`,
                source: 'method',
            });
        }
        report.details = { ...details, hardware: hardwareSummary(plan, layout.worldSize), ...origins };
    }
    return report;
}

;// CONCATENATED MODULE: ./src/suggest/types.ts
const OBJECTIVES = (/* unused pure expression or super */ null && (['throughput-per-gpu', 'ttft', 'tpot', 'gpus']));
/** Requirements met from below: a throughput or request rate at least this high (the rest, times, memory and cost, at most). */
const MET_FROM_BELOW = new Set(['requirements.throughput', 'requirements.request_rate']);
/** The percentile figures a requirement of the same name is judged on (CandidateFigures). */
const PERCENTILE_FIGURES = ['ttft_p50_ms', 'ttft_p90_ms', 'ttft_p99_ms', 'tpot_p50_ms', 'tpot_p90_ms', 'tpot_p99_ms', 'e2e_p99_ms'];
/** The plan key of the requirement judged on a latency figure: ttft_p99_ms is judged by requirements.ttft_p99. */
const requirementKeyOf = (figure) => figure.slice(0, -'_ms'.length);

;// CONCATENATED MODULE: ./src/suggest/evaluate.ts
// Runs the real verifier on a candidate and reads off what `suggest` needs: status, figures,
// margins on each requirement and the objective's score.




/** Which bound metric stands in for each requirement's estimate when the estimate is not computable. */
const BOUND_METRIC = {
    'requirements.throughput': 'throughput_upper_bound_tokens_per_s',
    'requirements.ttft': 'ttft_lower_bound_ms',
    'requirements.tpot': 'tpot_lower_bound_ms',
    'memory.fits': 'memory_per_gpu_lower_bound_gib',
    'requirements.cost_per_million_tokens': 'cost_per_million_tokens_lower_bound',
};
const ESTIMATE_METRIC = {
    'requirements.throughput': 'throughput_tokens_per_s',
    'requirements.ttft': 'ttft_ms',
    'requirements.tpot': 'tpot_ms',
    'memory.fits': 'memory_per_gpu_gib',
    'requirements.cost_per_million_tokens': 'cost_per_million_tokens',
};
const isJudged = (c) => c.id === 'memory.fits' || c.id.startsWith('requirements.');
function margin(check, metrics) {
    // memory.fits holds the need in `value` and the usable memory in `limit`; requirements the reverse.
    const isMemory = check.id === 'memory.fits';
    const required = (isMemory ? check.limit : check.value) ?? null;
    const estimateKey = ESTIMATE_METRIC[check.id];
    const boundKey = BOUND_METRIC[check.id];
    const estimate = estimateKey ? (metrics?.[estimateKey] ?? null) : null;
    const bound = boundKey ? (metrics?.[boundKey] ?? null) : null;
    // the utilization requirement judges what the engine holds from start-up, not memory_utilization
    // (what the sequences need): its check's limit is that estimate
    const held = check.id === 'requirements.max_memory_utilization' ? (check.limit ?? null) : null;
    // memory.fits judges one request of the longest stated length (its `value`); the load's own figure,
    // capped at the engine's KV pool, read "+0%" whenever the load could fill the pool, on a plan that fits
    const needed = isMemory ? (check.value ?? null) : null;
    let achieved = held ?? needed ?? estimate;
    let basis = achieved === null ? null : (held !== null || needed !== null) && check.basis === 'bound' ? 'bound' : 'estimate';
    if (achieved === null && bound !== null) {
        achieved = bound;
        basis = 'bound';
    }
    // requirements without a metric of their own here (percentiles, request_rate): the check's limit is the
    // estimate or the bound, as its basis says
    if (achieved === null && !isMemory && check.limit != null) {
        achieved = check.limit;
        basis = check.basis ?? 'bound';
    }
    let m = null;
    if (required !== null && required !== 0 && achieved !== null) {
        m = MET_FROM_BELOW.has(check.id) ? (achieved - required) / required : (required - achieved) / required;
    }
    const beyondBound = check.status === 'fail' && check.basis === 'bound';
    return { id: check.id, status: check.status, required, achieved, unit: check.unit ?? '', margin: m, basis, ...(beyondBound ? { beyondBound } : {}) };
}
/** `judged`: the ids of the report's requirement checks, whose percentiles the figures carry. */
function figures(m, gpus, judged) {
    const get = (k) => m?.[k] ?? null;
    const tput = get('throughput_tokens_per_s');
    const f = {
        throughput_tokens_per_s: tput,
        throughput_upper_bound_tokens_per_s: get('throughput_upper_bound_tokens_per_s'),
        throughput_per_gpu_tokens_per_s: tput === null ? null : Math.round((tput / gpus) * 10) / 10,
        ttft_ms: get('ttft_ms'),
        ttft_lower_bound_ms: get('ttft_lower_bound_ms'),
        tpot_ms: get('tpot_ms'),
        tpot_lower_bound_ms: get('tpot_lower_bound_ms'),
        memory_per_gpu_gib: get('memory_per_gpu_gib'),
        memory_per_gpu_lower_bound_gib: get('memory_per_gpu_lower_bound_gib'),
        kv_cache_capacity_tokens: get('kv_cache_capacity_tokens'),
    };
    // a percentile requirement is judged on its percentile, not the mean: carry the figure it reads
    for (const k of PERCENTILE_FIGURES)
        if (judged.has(`requirements.${requirementKeyOf(k)}`))
            f[k] = get(k);
    // a required request rate is out of reach where its ceiling is (reach.ts)
    if (judged.has('requirements.request_rate'))
        f.request_rate_upper_bound = get('request_rate_upper_bound');
    return f;
}
/** The objective's value for ranking: estimate where there is one, else the physical bound. */
function score(objective, f, gpus) {
    const pick = (estimate, bound) => estimate !== null
        ? { score: estimate, basis: 'estimate' }
        : bound !== null
            ? { score: bound, basis: 'bound' }
            : { score: null, basis: null };
    switch (objective) {
        case 'throughput-per-gpu': {
            const r = pick(f.throughput_tokens_per_s, f.throughput_upper_bound_tokens_per_s);
            return r.score === null ? r : { score: r.score / gpus, basis: r.basis };
        }
        case 'ttft':
            return pick(f.ttft_ms, f.ttft_lower_bound_ms);
        case 'tpot':
            return pick(f.tpot_ms, f.tpot_lower_bound_ms);
        case 'gpus':
            return { score: gpus, basis: 'estimate' };
    }
}
/** Which metric's range the objective's score follows (scaled as the score). */
const SCORE_METRIC = {
    'throughput-per-gpu': 'throughput_tokens_per_s',
    ttft: 'ttft_ms',
    tpot: 'tpot_ms',
    gpus: null,
};
function scoreRange(objective, report, basis, gpus) {
    const key = SCORE_METRIC[objective];
    const range = key && basis === 'estimate' ? report.ranges?.[key] : undefined;
    if (!range)
        return null;
    const scale = objective === 'throughput-per-gpu' ? 1 / gpus : 1;
    return [range[0] * scale, range[1] * scale];
}
/**
 * Status of a verified candidate. Warnings (stage balance, part-filled nodes) do not stop a
 * layout passing; an unverified check does: it says the plan lacks what would prove it.
 */
function statusOf(report, requirements) {
    if (report.verdict === 'error' || report.checks.some((c) => c.status === 'fail'))
        return 'fail';
    if (report.checks.some((c) => c.status === 'unverified'))
        return 'possible';
    // memory.fits warns only when its figures assume a memory flag the plan does not state (the engine's
    // default leaves one request no room): that candidate needs the flag raised, so it is not proven.
    // A requirement that warns because its estimate misses (only the range's good end meets it) is not
    // met either; one met by the estimate but at risk is.
    const met = (r) => r.status === 'pass' || (r.status === 'warn' && r.id !== 'memory.fits' && !(r.basis === 'estimate' && r.margin !== null && r.margin < 0));
    return requirements.every(met) ? 'pass' : 'possible';
}
/** `placement`: the placement keys the candidate's plan carries (candidate.ts carriedPlacement). */
function candidateFromReport(variation, report, objective, placement) {
    const f = figures(report.metrics, variation.gpus, new Set(report.checks.map((c) => c.id)));
    const s = score(objective, f, variation.gpus);
    const unverifiedChecks = report.checks.filter((c) => c.status === 'unverified');
    const requirements = report.checks.filter(isJudged).map((c) => margin(c, report.metrics));
    return {
        variation,
        ...(placement ? { placement } : {}),
        status: statusOf(report, requirements),
        figures: f,
        requirements,
        failing: report.checks.filter((c) => c.status === 'fail').map((c) => c.id),
        warnings: report.checks.filter((c) => c.status === 'warn').map((c) => c.id),
        unverified: unverifiedChecks.map((c) => c.id),
        missing: [...new Set(unverifiedChecks.flatMap((c) => c.missing ?? []))],
        score: s.score,
        scoreBasis: s.basis,
        scoreRange: scoreRange(objective, report, s.basis, variation.gpus),
    };
}
/**
 * Builds the candidate plan, verifies it with the core, and summarises the report. A search screens
 * candidates with the shorter steady state (`screen`); what it shows is verified again in full.
 */
function evaluate(base, variation, objective, screen = false) {
    const loaded = buildVariationPlan(base, variation);
    const report = verifyLoadedPlan(loaded, { details: false, quick: screen });
    return { candidate: candidateFromReport(variation, report, objective, carriedPlacement(loaded.plan)), report };
}

;// CONCATENATED MODULE: ./src/suggest/rank.ts
const STATUS_ORDER = { pass: 0, possible: 1, fail: 2 };
/** Higher is better for throughput per device; lower for times and device counts. */
function higherIsBetter(objective) {
    return objective === 'throughput-per-gpu';
}
const layoutKey = (l) => [l.tp * l.pp * l.cp, l.tp, l.pp, l.cp, l.ep, l.etp ?? 0];
function compareLayouts(a, b) {
    const ka = layoutKey(a);
    const kb = layoutKey(b);
    for (let i = 0; i < ka.length; i++)
        if (ka[i] !== kb[i])
            return ka[i] - kb[i];
    return 0;
}
function throughputPerGpu(c) {
    const t = c.figures.throughput_tokens_per_s ?? c.figures.throughput_upper_bound_tokens_per_s;
    return t === null ? -Infinity : t / c.variation.gpus;
}
/**
 * Whether the layout holds the weights and one request of the longest stated length: one that does not
 * serves nothing, so its throughput and latency bounds are no figures to rank or show.
 */
function fits(c) {
    return !c.failing.some((id) => id === 'memory.fits' || id.endsWith('.memory.fits'));
}
/** A requirement the candidate's estimate misses (memory.fits aside: it is no estimate of the load). */
const missedOnEstimate = (c, id) => c.requirements.some((r) => (id === undefined || r.id === id) && r.id !== 'memory.fits' && r.basis === 'estimate' && !r.beyondBound && r.margin !== null && r.margin < 0);
/**
 * How close a candidate is to passing, for ranking: 0 passes; 1 not ruled out with every requirement met
 * by its estimate (a check unverified, or memory's flag unstated); 2 misses a requirement on its estimate,
 * whether its range's good end still meets it ("not ruled out") or not (fails), and fails on nothing
 * else; 3 fails otherwise (layout, memory, a bound). Within tier 2 the smaller shortfall ranks first: a
 * wider range is no merit, and a mix whose TTFT p99 misses 3 s by 196% was shown ahead of a layout
 * missing it by 112% because only its range reached the requirement.
 */
function rankTier(c) {
    if (c.status === 'pass')
        return 0;
    if (c.status === 'possible')
        return missedOnEstimate(c) ? 2 : 1;
    return c.failing.length > 0 && c.failing.every((id) => missedOnEstimate(c, id)) ? 2 : 3;
}
function compareCandidates(objective) {
    const sign = higherIsBetter(objective) ? -1 : 1;
    return (a, b) => {
        const ta = rankTier(a);
        const tb = rankTier(b);
        if (ta !== tb)
            return ta - tb;
        const s = STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
        const f = Number(fits(b)) - Number(fits(a));
        if (f !== 0)
            return f;
        if (ta === 2) {
            const d = worstMargin(b) - worstMargin(a);
            if (d !== 0 && !Number.isNaN(d))
                return d;
        }
        if (s !== 0)
            return s;
        // an estimate outranks a bound: the bound only says "not ruled out"
        const basis = (a.scoreBasis === 'estimate' ? 0 : 1) - (b.scoreBasis === 'estimate' ? 0 : 1);
        if (basis !== 0)
            return basis;
        if (a.score !== b.score) {
            if (a.score === null)
                return 1;
            if (b.score === null)
                return -1;
            return sign * (a.score - b.score);
        }
        if (a.variation.gpus !== b.variation.gpus)
            return a.variation.gpus - b.variation.gpus;
        const t = throughputPerGpu(b) - throughputPerGpu(a);
        if (t !== 0 && Number.isFinite(t))
            return t;
        return compareLayouts(a.variation.layout, b.variation.layout);
    };
}
function best(candidates, objective) {
    let top = null;
    const cmp = compareCandidates(objective);
    for (const c of candidates)
        if (top === null || cmp(c, top) < 0)
            top = c;
    return top;
}
/**
 * A candidate's worst known requirement margin (how far its tightest requirement falls short); -Infinity
 * when none is known. For a layout that does not fit, only memory counts: how far it is from fitting.
 */
function worstMargin(c) {
    let worst = Infinity;
    const counted = fits(c) ? c.requirements : c.requirements.filter((r) => r.id === 'memory.fits');
    for (const r of counted)
        if (r.margin !== null)
            worst = Math.min(worst, r.margin);
    return worst === Infinity ? -Infinity : worst;
}
/**
 * For when nothing passes: the candidates closest to passing first (smallest shortfall on their worst
 * requirement), every layout that fits before any that does not.
 */
function compareByShortfall(objective) {
    const byObjective = compareCandidates(objective);
    return (a, b) => {
        const fa = a.failing.length === 0 ? 0 : 1;
        const fb = b.failing.length === 0 ? 0 : 1;
        if (fa !== fb)
            return fa - fb;
        const f = Number(fits(b)) - Number(fits(a));
        if (f !== 0)
            return f;
        const d = worstMargin(b) - worstMargin(a);
        return d !== 0 && !Number.isNaN(d) ? d : byObjective(a, b);
    };
}

;// CONCATENATED MODULE: ./src/suggest/layout-search.ts






/** Without --max-gpus, "more devices" looks this many times past the plan's count. */
const DEFAULT_GROWTH = 16;
/** ... but never past this many devices. */
const DEFAULT_SCAN_CAP = 8192;
/** The ranked search verifies every layout of every count up to here (about a minute at this size). */
const MAX_SEARCH_GPUS = 16_384;
class LayoutSearch {
    base;
    options;
    planGpus;
    /** node size used to pick whole-node device counts */
    nodeSize;
    /** the plan's own layout; null for a disaggregated plan (its pools are no layout of this search) */
    ownLayout;
    written = null;
    cache = new Map();
    single = new Map();
    /** candidates the screen made, and the full verifications by layout and variant */
    screened = new WeakSet();
    full = new Map();
    layoutsSeen = 0;
    verified = 0;
    constructor(base, options) {
        this.base = base;
        this.options = options;
        const p = base.plan;
        const l = planLayout(p);
        this.planGpus = p.hardware.gpus ?? l.tp * l.pp * l.dp * l.cp;
        this.nodeSize = p.hardware.gpus_per_node ?? 8;
        this.ownLayout = p.disaggregation ? null : l;
    }
    /** The plan's own layout (its pools, when it is disaggregated), claims left out, verified in full once. */
    asWritten() {
        if (this.ownLayout)
            return this.inFull(this.planGpus, this.ownLayout);
        this.written ??= evaluate(this.base, planVariation(this.base.plan, this.planGpus), this.options.objective).candidate;
        return this.written;
    }
    ruleOptions(gpus, variant) {
        const hw = this.base.plan.hardware;
        const w = this.base.plan.workload;
        const maxIn = variant.max_input_tokens ?? w.max_input_tokens ?? w.input_tokens;
        const maxOut = w.max_output_tokens ?? w.output_tokens;
        const planCp = (this.base.plan.parallelism.cp ?? 1) > 1;
        return {
            // the core's default when the plan gives no node size
            gpusPerNode: hw.gpus_per_node ?? Math.min(8, gpus),
            allowCrossNodeTp: this.options.allowCrossNodeTp,
            allowCp: this.options.allowCp || planCp,
            maxContext: maxIn !== undefined && maxOut !== undefined ? maxIn + maxOut : undefined,
        };
    }
    variantKey(gpus, variant) {
        return `${gpus}|${variant.weight_dtype ?? ''}|${variant.kv_cache_dtype ?? ''}|${variant.concurrency ?? ''}|${variant.max_input_tokens ?? ''}|${variant.memory_fraction ?? ''}`;
    }
    layoutKey(gpus, layout, variant = {}) {
        return `${this.variantKey(gpus, variant)}|${layoutText(layout)}`;
    }
    /** One layout under a variant, screened once (cached): the search decides on these. */
    one(gpus, layout, variant = {}) {
        const key = this.layoutKey(gpus, layout, variant);
        let c = this.single.get(key);
        if (!c) {
            work_budget_checkDeadline(); // the action's Alternatives section runs under a total time budget
            this.verified++;
            c = evaluate(this.base, { gpus, layout, ...variant }, this.options.objective, true).candidate;
            this.single.set(key, c);
            this.screened.add(c);
        }
        return c;
    }
    /** One layout under a variant, verified in full once (cached): what `verify` says of it. */
    inFull(gpus, layout, variant = {}) {
        const key = this.layoutKey(gpus, layout, variant);
        let c = this.full.get(key);
        if (!c) {
            work_budget_checkDeadline();
            this.verified++;
            c = evaluate(this.base, { gpus, layout, ...variant }, this.options.objective).candidate;
            this.full.set(key, c);
        }
        return c;
    }
    /**
     * A screened candidate verified again in full; any other candidate as it is. The screen's shorter
     * simulation can read tens of percent off the full one: every candidate `suggest` shows or offers
     * goes through here, so that its figures are the ones `verify` gives for it.
     */
    confirm(c) {
        if (!this.screened.has(c))
            return c;
        const { gpus, layout, disaggregation: _none, ...variant } = c.variation;
        return this.inFull(gpus, layout, variant);
    }
    /**
     * The screened candidates of every layout of `gpus` devices (no variant), as `at(gpus)` would make
     * them, made elsewhere (another thread, screen-threads.ts): counted and cached as if made here.
     */
    adopt(gpus, candidates) {
        const key = this.variantKey(gpus, {});
        if (this.cache.has(key))
            return;
        this.layoutsSeen += candidates.length;
        this.verified += candidates.length;
        for (const c of candidates) {
            this.single.set(this.layoutKey(gpus, c.variation.layout), c);
            this.screened.add(c);
        }
        this.cache.set(key, candidates);
    }
    /** Whether `at(gpus)` (no variant) is already made. */
    has(gpus) {
        return this.cache.has(this.variantKey(gpus, {}));
    }
    /** Every allowed layout of `gpus` devices under a variant, verified (cached). */
    at(gpus, variant = {}) {
        const key = this.variantKey(gpus, variant);
        const hit = this.cache.get(key);
        if (hit)
            return hit;
        const layouts = enumerate_enumerateLayouts(this.base.plan.model, gpus, this.ruleOptions(gpus, variant));
        this.layoutsSeen += layouts.length;
        const out = layouts.map((layout) => this.one(gpus, layout, variant));
        this.cache.set(key, out);
        return out;
    }
    counts(from, to) {
        const counts = gpuCounts(from, to, this.nodeSize, this.options.anyGpuCount);
        if (this.planGpus >= from && this.planGpus <= to && !counts.includes(this.planGpus)) {
            counts.push(this.planGpus);
            counts.sort((a, b) => a - b);
        }
        return counts;
    }
    /** How far "more devices" looks. */
    scanLimit() {
        return this.options.maxGpus ?? Math.max(this.planGpus, Math.min(DEFAULT_SCAN_CAP, this.planGpus * DEFAULT_GROWTH));
    }
    bestAt(gpus, variant = {}) {
        return best(this.at(gpus, variant), this.options.objective);
    }
}
/**
 * First element of `items` that satisfies `ok`, by galloping (1st, 2nd, 3rd, 5th, 9th, ...) and
 * then bisecting the last gap: O(log n) probes. Exact when, past the first success, every later
 * item succeeds too (more devices never lower the best bound or turn a pass into a failure),
 * which holds for the figures here up to the rounding of layouts to divisors.
 */
function gallopFirst(items, ok) {
    // items[lo..hi]: items[hi] passed with `found`; everything before lo failed
    const bisect = (lo, hi, found) => {
        let best = { item: items[hi], result: found };
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            const m = ok(items[mid]);
            if (m !== null) {
                hi = mid;
                best = { item: items[mid], result: m };
            }
            else
                lo = mid + 1;
        }
        return best;
    };
    let lastBad = -1;
    let step = 1;
    for (let i = 0; i < items.length; i += step, step = i >= 2 ? step * 2 : step) {
        const r = ok(items[i]);
        if (r !== null)
            return bisect(lastBad + 1, i, r);
        lastBad = i;
    }
    const last = items.length - 1;
    if (lastBad < last) {
        const r = ok(items[last]);
        if (r !== null)
            return bisect(lastBad + 1, last, r);
    }
    return null;
}

;// CONCATENATED MODULE: ./src/suggest/screen-threads.ts
// The layout screen on more than one thread. Each device count's layouts are screened independently
// of the others (every figure is a pure function of the plan and the layout), so spare CPU cores take
// whole device counts from a shared queue while this thread takes them too; the results come back
// as plain data and are cached as if made here, so the search, its order and its output are the same
// as on one thread (a test compares them byte for byte). Synchronous for the caller: it waits on
// shared memory for what the helpers took, and does itself what a helper could not.
//
// A helper runs screen-worker.js, the file beside this one: the compiled module (build/) or its
// bundle beside the action's and the command line's (dist/). Sources run through a TypeScript
// loader (the tests) have no such file and stay on one thread.






/** Helpers at most, whatever the machine: the screen's queue is a few dozen device counts. */
const MAX_HELPERS = 3;
/** Below this many layouts a search is over before a helper has loaded (about 0.1-0.2 s). */
const MIN_LAYOUTS_FOR_HELPERS = 400;
/**
 * How long the calling thread waits for a count a helper holds once the queue is empty, as a
 * multiple of the longest count it screened itself in this job (at least WAIT_FLOOR_MS): a helper
 * that died holding one (out of memory, killed) reports nothing, and its death cannot be seen while
 * this thread waits, so past that the count is screened here (a late answer is ignored).
 */
const WAIT_FACTOR = 3;
const WAIT_FLOOR_MS = 1_000;
/** Environment variable that sets how many helpers (0: this thread alone), whatever the machine, at most MAX_HELPERS. */
const THREADS_ENV = 'PARALLEL_PLAN_CHECK_SCREEN_THREADS';
/** Environment variable that, set to 1, writes one line to stderr per screen: how the device counts were shared out. */
const LOG_ENV = 'PARALLEL_PLAN_CHECK_SCREEN_LOG';
const TAG = 'parallel-plan-check:screen';
const NEXT = 0;
const DONE = 1;
/** The helper's entry file, beside this module (a name in a variable: the bundler must not follow it). */
const WORKER_FILE = './screen-worker.js';
/** Helpers this machine and context allow, whatever the search's size. */
function helpersAllowed() {
    if (!isMainThread)
        return 0; // a helper screens alone
    if (!/\.[cm]?js$/.test(import.meta.url))
        return 0; // sources under a TypeScript loader
    if (runningLimits().countsUnits)
        return 0; // a unit budget cannot be shared out
    const env = process.env[THREADS_ENV];
    if (env !== undefined && /^\d+$/.test(env))
        return Math.min(Number(env), MAX_HELPERS);
    return Math.max(0, Math.min(MAX_HELPERS, usableCpus() - 1));
}
/** Whether the counts hold at least MIN_LAYOUTS_FOR_HELPERS layouts (counted until they do). */
function worthHelpers(search, counts) {
    let layouts = 0;
    for (const n of counts) {
        layouts += enumerateLayouts(search.base.plan.model, n, search.ruleOptions(n, {})).length;
        if (layouts >= MIN_LAYOUTS_FOR_HELPERS)
            return true;
    }
    return false;
}
/**
 * CPUs this process may keep busy: the ones it may run on, fewer under a container's CPU quota
 * (cgroup v2 cpu.max, v1 cpu.cfs_quota_us), which availableParallelism does not read on Node 20:
 * a container limited to one CPU on a 64-core host gets no helpers.
 */
let usable;
function usableCpus() {
    if (usable === undefined) {
        // read once: neither changes while the process runs
        const cpus = availableParallelism();
        const quota = cgroupCpuQuota();
        usable = quota === null ? cpus : Math.max(1, Math.min(cpus, Math.floor(quota)));
    }
    return usable;
}
function cgroupCpuQuota() {
    const read = (path) => {
        try {
            return readFileSync(path, 'utf8').trim();
        }
        catch {
            return null;
        }
    };
    return cpuQuotaOf(read('/sys/fs/cgroup/cpu.max'), read('/sys/fs/cgroup/cpu/cpu.cfs_quota_us'), read('/sys/fs/cgroup/cpu/cpu.cfs_period_us'));
}
/** CPUs a cgroup quota allows, from the files' text (v2 "quota period" or "max period"; v1 quota and period, -1 for none); null: no quota. */
function cpuQuotaOf(v2, v1Quota, v1Period) {
    const ratio = (quota, period) => (quota > 0 && period > 0 ? quota / period : null);
    if (v2 !== null) {
        const [quota, period] = v2.split(/\s+/);
        return quota === 'max' || quota === undefined || period === undefined ? null : ratio(Number(quota), Number(period));
    }
    if (v1Quota !== null && v1Period !== null)
        return ratio(Number(v1Quota), Number(v1Period));
    return null;
}
/**
 * Helpers kept between searches (the action searches several plans, a bench the same one again): a
 * helper's code is loaded and compiled once. Unreferenced: they never keep the process alive.
 */
const pool = (/* unused pure expression or super */ null && ([]));
let jobs = 0;
function helpers(count) {
    for (let i = pool.length - 1; i >= 0; i--)
        if (pool[i].broken)
            pool.splice(i, 1);
    while (pool.length < count) {
        const channel = new MessageChannel();
        try {
            const worker = new Worker(new URL(WORKER_FILE, import.meta.url), { workerData: { tag: TAG, port: channel.port2 }, transferList: [channel.port2] });
            const h = { worker, port: channel.port1, broken: false };
            worker.unref();
            channel.port1.unref();
            // a helper that fails to load or dies takes nothing more from any queue; what it took is redone here
            const broken = () => {
                h.broken = true;
            };
            worker.on('error', broken).on('exit', broken);
            pool.push(h);
        }
        catch {
            channel.port1.close();
            break;
        }
    }
    return pool.slice(0, count);
}
/**
 * Screens every layout of each of `counts` (no variant) into the search's cache, on this thread and
 * on spare cores. Afterwards `search.at(n)` answers from the cache for every n of `counts`, exactly
 * as it would have without this call.
 */
function screenCounts(search, counts) {
    const wanted = helpersAllowed();
    if (wanted === 0 || !worthHelpers(search, counts))
        return;
    // the largest counts (the most layouts) first, so that the queue ends on small pieces of work
    const order = [...counts].sort((a, b) => b - a);
    const shared = new SharedArrayBuffer(8);
    const state = new Int32Array(shared);
    const job = { id: ++jobs, base: search.base, options: search.options, counts: order, shared, deadline: runningLimits().deadline };
    const working = helpers(wanted);
    for (const h of working)
        h.port.postMessage(job);
    const settled = new Set();
    let adopted = 0;
    const drain = () => {
        for (const h of working) {
            for (let m = receiveMessageOnPort(h.port); m !== undefined; m = receiveMessageOnPort(h.port)) {
                const r = m.message;
                if (!answersJob(r, job))
                    continue;
                settled.add(r.index);
                if (!('failed' in r)) {
                    search.adopt(order[r.index], r.candidates);
                    adopted++;
                }
            }
        }
    };
    let longest = 0;
    try {
        // this thread takes from the same queue
        for (let i = Atomics.add(state, NEXT, 1); i < order.length; i = Atomics.add(state, NEXT, 1)) {
            settled.add(i);
            const started = Date.now();
            search.at(order[i]);
            longest = Math.max(longest, Date.now() - started);
            drain();
        }
        // then waits for what the helpers took, while they report and for no longer than waitLimit
        let quietSince = Date.now();
        while (settled.size < order.length && Atomics.load(state, DONE) < working.length) {
            const before = settled.size;
            Atomics.wait(state, DONE, Atomics.load(state, DONE), 20);
            drain();
            checkDeadline();
            if (settled.size > before)
                quietSince = Date.now();
            else if (Date.now() - quietSince > waitLimit(longest))
                break;
        }
        drain();
    }
    finally {
        // stop the helpers taking more of this job (they finish the count they hold, then idle)
        Atomics.store(state, NEXT, order.length);
    }
    // whatever a helper took and did not bring back (it failed or died) is screened here
    for (const n of order)
        if (!search.has(n))
            search.at(n);
    if (process.env[LOG_ENV] === '1')
        process.stderr.write(`screen: ${order.length} device counts, ${adopted} screened by ${working.length} helper thread(s)\n`);
}
/** Whether a helper's message answers this job: a late answer to one given up on (out of time, an error) must not be taken for this one's. */
function answersJob(r, job) {
    return r.job === job.id && Number.isInteger(r.index) && r.index >= 0 && r.index < job.counts.length;
}
/** How long to wait for a helper's count with no answer, given the longest count this thread screened (ms). */
function waitLimit(longestOwnMs) {
    return Math.max(WAIT_FLOOR_MS, WAIT_FACTOR * longestOwnMs);
}
/** A helper's side of one job: takes device counts from the shared queue until it is empty, posting each one's candidates. */
function screenJob(job, port) {
    const state = new Int32Array(job.shared);
    try {
        const search = new LayoutSearch(job.base, job.options);
        for (let i = Atomics.add(state, NEXT, 1); i < job.counts.length; i = Atomics.add(state, NEXT, 1)) {
            const index = i;
            const failed = { job: job.id, index, failed: true };
            const result = withWorkBudget({ deadline: job.deadline }, () => {
                try {
                    return { job: job.id, index, candidates: search.at(job.counts[index]) };
                }
                catch {
                    return failed;
                }
            }, () => failed);
            port.postMessage(result);
            Atomics.notify(state, DONE);
            // out of time, or a failure the main thread meets again when it screens this count itself
            if ('failed' in result)
                break;
        }
    }
    finally {
        Atomics.add(state, DONE, 1);
        Atomics.notify(state, DONE);
    }
}
/** A helper thread's whole work (screen-worker.ts): the jobs that come on the port it was given. */
function serveScreenJobs() {
    if (external_node_worker_threads_namespaceObject.isMainThread || external_node_worker_threads_namespaceObject.workerData?.tag !== TAG)
        return;
    const port = external_node_worker_threads_namespaceObject.workerData.port;
    port.on('message', (job) => screenJob(job, port));
}

;// CONCATENATED MODULE: ./src/suggest/screen-worker.ts
// Entry point of a helper thread of the layout screen (screen-threads.ts): it serves screening jobs
// and nothing else. Its own file (dist/screen-worker.js beside the bundles) so that a helper never
// loads an action's or a command line's entry point.

serveScreenJobs();

