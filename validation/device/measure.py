#!/usr/bin/env python3
"""Measure a randomly initialised Llama-3.1-8B-shaped model on one GPU.

Self-contained: python3 + torch + transformers, no downloads (the model is built from a
config dict with random weights). Writes $OUT/results.json after every part, so a timeout
keeps what was done. Parts: environment, weights, ceilings (matmul, copy, GEMV), prefill,
decode steps (eager and CUDA graph), peak memory of prefill.

Usage:
  python3 validation/device/measure.py              # on a CUDA machine (about 40 s on an H200)
  python3 validation/device/measure.py --cpu-smoke  # tiny config on the CPU, checks the code paths
"""
import time

T0 = time.time()

import argparse
import inspect
import json
import os
import statistics
import subprocess
import sys
import traceback

import torch
import torch.nn.functional as F
import transformers
from transformers import LlamaConfig, LlamaForCausalLM

ap = argparse.ArgumentParser()
ap.add_argument("--cpu-smoke", action="store_true", help="tiny model on the CPU; exercises every code path")
ap.add_argument("--budget-s", type=float, default=280.0, help="stop starting new parts after this many seconds")
ap.add_argument("--out", default=os.environ.get("OUT", "out"), help="folder for results.json (default $OUT)")
args = ap.parse_args()

SMOKE = args.cpu_smoke
DEV = torch.device("cpu" if SMOKE else "cuda")
os.makedirs(args.out, exist_ok=True)
RESULTS_PATH = os.path.join(args.out, "results.json")

# Llama-3.1-8B shape (meta-llama/Llama-3.1-8B config.json). RoPE scaling is left out: it changes
# only the rotary frequencies, computed once, not the work of a forward pass.
MODEL = dict(
    vocab_size=128256,
    hidden_size=4096,
    intermediate_size=14336,
    num_hidden_layers=32,
    num_attention_heads=32,
    num_key_value_heads=8,
    head_dim=128,
    max_position_embeddings=131072,
    rms_norm_eps=1e-5,
    tie_word_embeddings=False,
    hidden_act="silu",
)
if SMOKE:
    MODEL.update(vocab_size=512, hidden_size=128, intermediate_size=256, num_hidden_layers=2,
                 num_attention_heads=4, num_key_value_heads=2, head_dim=32, max_position_embeddings=4096)

PREFILL_POINTS = [(1, 512), (1, 2048), (1, 8192), (4, 2048)] if not SMOKE else [(1, 64), (2, 32)]
# (batch, context): context = keys each new token attends to (the whole static cache).
DECODE_POINTS = [(1, 1024), (8, 1024), (32, 1024), (128, 1024), (1, 4096)] if not SMOKE else [(1, 64), (4, 64)]
DECODE_SLACK = 64  # steps run per decode point stay inside [context - slack, context)

R = {
    "schema": "parallel-plan-check/device-measurements/1",
    "script": "validation/device/measure.py",
    "smoke": SMOKE,
    "model": {"name": "llama-3.1-8b (random weights)", "config": MODEL, "dtype": "bfloat16"},
    "errors": {},
}


def elapsed():
    return time.time() - T0


def save():
    R["elapsed_s"] = round(elapsed(), 2)
    tmp = RESULTS_PATH + ".tmp"
    with open(tmp, "w") as f:
        json.dump(R, f, indent=2, default=str)
    os.replace(tmp, RESULTS_PATH)


def log(*a):
    print(f"[{elapsed():7.1f}s]", *a, flush=True)


def record_error(part, e):
    R["errors"][part] = f"{type(e).__name__}: {e}"[:2000]
    log(f"ERROR in {part}: {type(e).__name__}: {e}")
    traceback.print_exc()
    save()


def sync():
    if DEV.type == "cuda":
        torch.cuda.synchronize()


def mem_alloc():
    return torch.cuda.memory_allocated() if DEV.type == "cuda" else 0


def time_calls(fn, reps, warmup):
    """Median and all samples (seconds) of fn(), timed per call with CUDA events (CPU: perf_counter)."""
    for _ in range(warmup):
        fn()
    sync()
    samples = []
    if DEV.type == "cuda":
        evs = [(torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)) for _ in range(reps)]
        for s, e in evs:
            s.record()
            fn()
            e.record()
        torch.cuda.synchronize()
        samples = [s.elapsed_time(e) / 1e3 for s, e in evs]
    else:
        for _ in range(reps):
            t = time.perf_counter()
            fn()
            samples.append(time.perf_counter() - t)
    return {"median_s": statistics.median(samples), "min_s": min(samples), "max_s": max(samples), "n": reps,
            "samples_s": [round(x, 7) for x in samples]}


# ---------------------------------------------------------------- a. environment
try:
    env = {"torch": torch.__version__, "transformers": transformers.__version__, "python": sys.version.split()[0],
           "device": str(DEV)}
    if DEV.type == "cuda":
        p = torch.cuda.get_device_properties(0)
        env.update(gpu_name=p.name, total_memory_bytes=p.total_memory, multiprocessors=p.multi_processor_count,
                   capability=f"{p.major}.{p.minor}", cuda_runtime=torch.version.cuda)
        l2 = getattr(p, "L2_cache_size", None)
        if l2 is not None:
            env["l2_bytes"] = l2
        try:
            q = subprocess.run(["nvidia-smi", "--query-gpu=name,driver_version,memory.total,clocks.max.sm,clocks.max.mem,power.limit",
                                "--format=csv,noheader"], capture_output=True, text=True, timeout=20)
            env["nvidia_smi"] = q.stdout.strip()
            env["driver"] = q.stdout.split(",")[1].strip() if q.stdout.count(",") >= 1 else None
        except Exception as e:  # noqa: BLE001
            env["nvidia_smi_error"] = str(e)
    R["environment"] = env
    log("environment", env)
except Exception as e:  # noqa: BLE001
    record_error("environment", e)
save()

torch.manual_seed(0)
# no autograd anywhere (plain no-grad rather than inference mode: the cache is refilled in place between phases)
torch.set_grad_enabled(False)
torch.backends.cuda.matmul.allow_tf32 = False

# ---------------------------------------------------------------- b. weights
model = None
try:
    base_alloc = mem_alloc()
    cfg = LlamaConfig(**MODEL, attn_implementation="sdpa")
    t = time.time()
    prev = torch.get_default_dtype()
    torch.set_default_dtype(torch.bfloat16)
    try:
        with DEV:
            model = LlamaForCausalLM(cfg)
    finally:
        torch.set_default_dtype(prev)
    model.eval()
    sync()
    n_params = sum(p.numel() for p in model.parameters())
    p_bytes = sum(p.numel() * p.element_size() for p in model.parameters())
    dtypes = sorted({str(p.dtype) for p in model.parameters()})
    w = {"parameters": n_params, "parameter_bytes": p_bytes, "param_dtypes": dtypes,
         "buffer_bytes": sum(b.numel() * b.element_size() for b in model.buffers()),
         "memory_allocated_bytes": mem_alloc() - base_alloc, "build_s": round(time.time() - t, 2),
         "attn_implementation": getattr(model.config, "_attn_implementation", None)}
    if DEV.type == "cuda":
        free, total = torch.cuda.mem_get_info()
        w.update(memory_reserved_bytes=torch.cuda.memory_reserved(), mem_get_info_free_bytes=free, mem_get_info_total_bytes=total,
                 # what the process holds beyond PyTorch's allocator: CUDA context, cuBLAS workspace, ...
                 device_used_minus_reserved_bytes=total - free - torch.cuda.memory_reserved())
    R["weights"] = w
    log("weights", w)
except Exception as e:  # noqa: BLE001
    record_error("weights", e)
save()

# ---------------------------------------------------------------- c. ceilings
try:
    ceil = {}
    n = 8192 if not SMOKE else 256
    a = torch.randn(n, n, device=DEV, dtype=torch.bfloat16)
    b = torch.randn(n, n, device=DEV, dtype=torch.bfloat16)
    c = torch.empty(n, n, device=DEV, dtype=torch.bfloat16)
    tm = time_calls(lambda: torch.matmul(a, b, out=c), reps=20, warmup=5)
    ceil["matmul_bf16"] = {"m": n, "n": n, "k": n, "flops": 2 * n ** 3, "time": tm,
                           "tflops_median": 2 * n ** 3 / tm["median_s"] / 1e12}
    del a, b, c
    # device-to-device copy: bytes read + bytes written
    numel = (1 << 30) if not SMOKE else (1 << 20)  # 2 GiB of bf16
    src = torch.randn(numel, device=DEV, dtype=torch.bfloat16)
    dst = torch.empty_like(src)
    tm = time_calls(lambda: dst.copy_(src), reps=20, warmup=3)
    moved = 2 * numel * 2
    ceil["copy"] = {"bytes_moved": moved, "time": tm, "tb_per_s_median": moved / tm["median_s"] / 1e12}
    del dst
    # GEMV: reading a weight matrix once (what a batch-1 decode step does), 2 GiB of bf16
    k_dim = 16384 if not SMOKE else 256
    wmat = src.view(k_dim, -1)
    x = torch.randn(1, k_dim, device=DEV, dtype=torch.bfloat16)
    tm = time_calls(lambda: torch.matmul(x, wmat), reps=20, warmup=3)
    rd = wmat.numel() * 2
    ceil["gemv_read"] = {"shape": list(wmat.shape), "bytes_read": rd, "time": tm, "tb_per_s_median": rd / tm["median_s"] / 1e12}
    del src, wmat, x
    if DEV.type == "cuda":
        torch.cuda.empty_cache()
    R["ceilings"] = ceil
    log("ceilings", {k: round(v.get("tflops_median", v.get("tb_per_s_median", 0)), 3) for k, v in ceil.items()})
except Exception as e:  # noqa: BLE001
    record_error("ceilings", e)
save()

# ---------------------------------------------------------------- d + f. prefill
R["prefill"] = []
if model is not None:
    for (bs, seq) in PREFILL_POINTS:
        if elapsed() > args.budget_s:
            R["errors"][f"prefill_{bs}x{seq}"] = "skipped: time budget"
            continue
        try:
            ids = torch.randint(0, MODEL["vocab_size"], (bs, seq), device=DEV)

            def fwd():
                return model(input_ids=ids, use_cache=False, logits_to_keep=1).logits

            # first call: peak memory of the pass over what was allocated before it
            sync()
            before = mem_alloc()
            if DEV.type == "cuda":
                torch.cuda.reset_peak_memory_stats()
            out = fwd()
            sync()
            peak = (torch.cuda.max_memory_allocated() - before) if DEV.type == "cuda" else 0
            logits_shape = list(out.shape)
            del out
            tm = time_calls(fwd, reps=7 if seq * bs >= 8192 else 10, warmup=2)
            rec = {"batch": bs, "seq": seq, "tokens": bs * seq, "time": tm, "logits_shape": logits_shape,
                   "peak_activation_bytes": peak}
            R["prefill"].append(rec)
            log(f"prefill {bs}x{seq}: {tm['median_s'] * 1e3:.2f} ms, peak +{peak / 2**30:.2f} GiB, logits {logits_shape}")
        except Exception as e:  # noqa: BLE001
            record_error(f"prefill_{bs}x{seq}", e)
        finally:
            if DEV.type == "cuda":
                torch.cuda.empty_cache()
        save()

# ---------------------------------------------------------------- e. decode steps
# Two attention paths per point:
#  - "gqa": a registered attention function that calls SDPA with enable_gqa=True and no mask:
#    every query attends the whole static cache (context = max_cache_len), K/V read once, as a
#    serving engine's decode kernel does.
#  - "sdpa": transformers' own SDPA path with a StaticCache; it builds a mask over the cache and
#    (with a mask) expands K/V to all query heads (repeat_kv) before SDPA.
GQA_CALLS = [0]


def gqa_attention(module, query, key, value, attention_mask, dropout=0.0, scaling=None, **kwargs):
    GQA_CALLS[0] += 1
    out = F.scaled_dot_product_attention(query, key, value, attn_mask=None, dropout_p=0.0, scale=scaling,
                                         is_causal=query.shape[2] > 1, enable_gqa=True)
    return out.transpose(1, 2).contiguous(), None


def set_attn(name):
    try:
        model.set_attn_implementation(name)
    except Exception:  # noqa: BLE001
        model.config._attn_implementation = name
    return getattr(model.config, "_attn_implementation", None)


def cache_layers(cache):
    return list(getattr(cache, "layers", []) or [])


def fill_cache_random(cache):
    n = 0
    for layer in cache_layers(cache):
        for name in ("keys", "values"):
            t = getattr(layer, name, None)
            if isinstance(t, torch.Tensor):
                t.normal_(0, 1)
                n += t.numel() * t.element_size()
    for name in ("key_cache", "value_cache"):  # older cache layout
        for t in getattr(cache, name, []) or []:
            if isinstance(t, torch.Tensor):
                t.normal_(0, 1)
                n += t.numel() * t.element_size()
    return n


def set_cache_position(cache, pos):
    done = 0
    for layer in cache_layers(cache):
        cl = getattr(layer, "cumulative_length", None)
        if isinstance(cl, torch.Tensor):
            cl.fill_(pos)
            done += 1
        if hasattr(layer, "cumulative_length_int"):
            layer.cumulative_length_int = pos
    return done


R["decode"] = []
R["decode_notes"] = {}
if model is not None:
    try:
        from transformers import StaticCache
        try:
            from transformers import AttentionInterface
            AttentionInterface.register("gqa_nomask", gqa_attention)
            variants = ["gqa_nomask", "sdpa"]
        except Exception as e:  # noqa: BLE001
            record_error("decode_register_attention", e)
            variants = ["sdpa"]
        takes_cache_position = "cache_position" in inspect.signature(type(model.model).forward).parameters
        R["decode_notes"]["model_forward_takes_cache_position"] = takes_cache_position
    except Exception as e:  # noqa: BLE001
        record_error("decode_setup", e)
        variants = []

    for variant in variants:
        for (bs, ctx) in DECODE_POINTS:
            if elapsed() > args.budget_s:
                R["errors"][f"decode_{variant}_{bs}x{ctx}"] = "skipped: time budget"
                continue
            if variant == "sdpa" and (bs, ctx) not in [(1, 1024), (32, 1024), (128, 1024), (1, 4096)] and not SMOKE:
                continue
            rec = {"variant": variant, "batch": bs, "context": ctx}
            cache = graph = static_out = None
            try:
                rec["attn_implementation"] = set_attn(variant)
                sync()
                before = mem_alloc()
                cache = StaticCache(config=model.config, max_cache_len=ctx)
                ids = torch.randint(0, MODEL["vocab_size"], (bs, 1), device=DEV)
                start = ctx - DECODE_SLACK
                pos_t = torch.tensor([start], device=DEV)
                extra = {"cache_position": pos_t} if takes_cache_position else {}

                def step():
                    return model(input_ids=ids, past_key_values=cache, use_cache=True, logits_to_keep=1, **extra).logits

                # first step allocates the cache (lazy initialisation), then fill it with random K/V
                calls0 = GQA_CALLS[0]
                out = step()
                del out
                sync()
                rec["kv_cache_bytes_allocated"] = mem_alloc() - before
                rec["kv_cache_bytes_filled"] = fill_cache_random(cache)
                rec["kv_bytes_per_token"] = rec["kv_cache_bytes_filled"] / (bs * ctx) if rec["kv_cache_bytes_filled"] else None
                rec["custom_attention_calls_first_step"] = GQA_CALLS[0] - calls0
                rec["position_counters_reset"] = set_cache_position(cache, start)
                sync()
                # (i) eager
                rec["eager"] = time_calls(step, reps=10, warmup=3)
                # kernels in one eager step (profiler; GPU only)
                if DEV.type == "cuda" and bs in (1, 128) and ctx == 1024:
                    try:
                        from torch.profiler import ProfilerActivity, profile
                        set_cache_position(cache, start)
                        with profile(activities=[ProfilerActivity.CUDA]) as prof:
                            step()
                            torch.cuda.synchronize()
                        kern = [e for e in prof.events() if e.device_type == torch.autograd.DeviceType.CUDA]
                        dt = [getattr(e, "device_time", None) or getattr(e, "cuda_time", 0) or 0 for e in kern]
                        names = {}
                        for e in kern:
                            names[e.name] = names.get(e.name, 0) + 1
                        top = sorted(names.items(), key=lambda kv: -kv[1])[:25]
                        rec["profile"] = {"device_events": len(kern), "device_busy_s": sum(dt) / 1e6,
                                          "top_kernel_counts": top}
                    except Exception as e:  # noqa: BLE001
                        rec["profile_error"] = f"{type(e).__name__}: {e}"[:500]
                # (ii) CUDA graph
                if DEV.type == "cuda":
                    try:
                        set_cache_position(cache, start)
                        s = torch.cuda.Stream()
                        s.wait_stream(torch.cuda.current_stream())
                        with torch.cuda.stream(s):
                            for _ in range(2):
                                step()
                        torch.cuda.current_stream().wait_stream(s)
                        torch.cuda.synchronize()
                        graph = torch.cuda.CUDAGraph()
                        with torch.cuda.graph(graph):
                            static_out = model(input_ids=ids, past_key_values=cache, use_cache=True, logits_to_keep=1,
                                               **extra).logits
                        torch.cuda.synchronize()
                        rec["graph"] = time_calls(graph.replay, reps=15, warmup=3)
                        rec["graph_memory_after_capture_bytes"] = mem_alloc() - before
                    except Exception as e:  # noqa: BLE001
                        rec["graph_error"] = f"{type(e).__name__}: {e}"[:1000]
                        traceback.print_exc()
                g = rec.get("graph", {}).get("median_s")
                log(f"decode {variant} b{bs} ctx{ctx}: eager {rec['eager']['median_s'] * 1e3:.3f} ms, graph "
                    f"{(g * 1e3) if g else float('nan'):.3f} ms, kv {rec['kv_cache_bytes_allocated'] / 2**30:.2f} GiB")
                R["decode"].append(rec)
            except Exception as e:  # noqa: BLE001
                rec["error"] = f"{type(e).__name__}: {e}"[:1000]
                R["decode"].append(rec)
                record_error(f"decode_{variant}_{bs}x{ctx}", e)
            finally:
                del cache, graph, static_out
                if DEV.type == "cuda":
                    torch.cuda.synchronize()
                    torch.cuda.empty_cache()
            save()
    try:
        set_attn("sdpa")
    except Exception:  # noqa: BLE001
        pass

R["done"] = True
save()
log("done; results in", RESULTS_PATH)
# short table last (the reply carries the end of the output)
for p in R.get("prefill", []):
    print(f"prefill {p['batch']}x{p['seq']}: {p['time']['median_s'] * 1e3:.2f} ms  peak+{p['peak_activation_bytes'] / 2**30:.2f} GiB")
for d in R.get("decode", []):
    e_ = d.get("eager", {}).get("median_s")
    g_ = d.get("graph", {}).get("median_s")
    print(f"decode {d['variant']} b{d['batch']} ctx{d['context']}: eager {e_ and e_ * 1e3} ms graph {g_ and g_ * 1e3} ms "
          f"{d.get('graph_error', '')[:120]}")
print("errors:", json.dumps(R["errors"])[:1500])
