// "What would make it pass", axis by axis, on Llama-3.1-8B (config.json: 32 layers, 8 KV heads of
// 128 -> 2 x 8 x 128 x 32 x 2 bytes = 128 KiB of bf16 KV per token; 8.03B parameters).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyLoadedPlan } from '../src/core/verify.js';
import { buildCandidatePlan, LayoutSearch, suggest, type Candidate, type SuggestOptions, type SuggestResult } from '../src/suggest/index.js';
import { largestOnLayout } from '../src/suggest/search.js';
import { usualContext } from '../src/suggest/what-if.js';
import { check, GIB, load } from './core-helpers.js';

const options: SuggestOptions = { objective: 'throughput-per-gpu', top: 5, allowCrossNodeTp: false, allowCp: false, anyGpuCount: false };

function plan(hardware: string, workload: string, requirements = '  tpot: 100 ms'): string {
  return `version: 1
name: llama-8b
model:
  preset: llama-3.1-8b
  weight_dtype: bf16
hardware:
  preset: h100-sxm
${hardware}
parallelism:
  tp: 1
workload:
${workload}
requirements:
${requirements}
`;
}

const run = (yaml: string): { result: SuggestResult; loaded: ReturnType<typeof load> } => {
  const loaded = load(yaml);
  return { loaded, result: suggest(loaded, options, verifyLoadedPlan(loaded).verdict) };
};
const axis = (r: SuggestResult, name: string) => r.what_if.find((a) => a.axis === name)!;
const passesAfter = (loaded: ReturnType<typeof load>, v: Parameters<typeof buildCandidatePlan>[1]) => {
  const report = verifyLoadedPlan(buildCandidatePlan(loaded, v));
  // a requirement the estimate misses ('likely missed', a warn from the range's good end) is not met
  return !report.checks.some((c) => c.status === 'fail' || c.status === 'unverified' || (c.status === 'warn' && c.detail.startsWith('likely missed')));
};

describe('fp8 weights of a checkpoint whose linear layers are fp8 already', () => {
  it('is not offered: only the embedding and LM head are 16-bit, and fp8 quantization keeps them so', () => {
    // 8.46 GiB of weights (fp8 linear layers, bf16 embedding and LM head) on an 8 GB device: fails on memory
    const fp8Model = plan('  gpus: 1\n  memory: 8 GB', '  concurrency: 4\n  input_tokens: 1024\n  output_tokens: 256').replace(
      '  weight_dtype: bf16',
      '  weight_dtype: fp8\n  weight_dtypes: {embeddings: bf16}',
    );
    const { result } = run(fp8Model);
    expect(result.plan.failing).toContain('memory.fits');
    const a = axis(result, 'fp8-weights');
    expect(a.outcome).toBe('not-applicable');
    expect(a.detail).toMatch(/linear layers are already 8-bit or narrower/);
  });
});

describe('fp8 weights and device count, on a 16 GB device', () => {
  // bf16: 8.03e9 x 2 B = 14.96 GiB of weights > 16e9 x 0.9 B = 13.41 GiB usable; fp8: 7.48 GiB.
  const { result, loaded } = run(plan('  gpus: 1\n  memory: 16 GB', '  concurrency: 4\n  input_tokens: 1024\n  output_tokens: 256'));

  it('the plan fails on memory', () => {
    expect(check(verifyLoadedPlan(loaded), 'memory.fits').status).toBe('fail');
    expect(result.plan.failing).toContain('memory.fits');
  });

  it('fp8 weights make it fit, with a weight share of 8.46 GiB (the embedding and LM head stay bf16)', () => {
    const a = axis(result, 'fp8-weights');
    expect(a.outcome).toBe('found');
    expect(a.candidate!.variation.weight_dtype).toBe('fp8');
    // the change as a plan must write it: weight_dtypes.embeddings follows weight_dtype where not given
    expect(a.change).toBe('model.weight_dtype: fp8 with weight_dtypes.embeddings: bf16');
    const report = verifyLoadedPlan(buildCandidatePlan(loaded, a.candidate!.variation));
    // 8.03e9 parameters at 1 byte, and the untied embedding and LM head (2 x 128,256 x 4,096 =
    // 1,050,673,152 parameters) one byte more each: vLLM's --quantization fp8 keeps them bf16
    expect(report.metrics!.weights_per_gpu_gib).toBeCloseTo((8.03e9 + 1_050_673_152) / GIB, 1);
    expect(check(report, 'memory.fits').status).toBe('pass');
  });

  it('two devices are the fewest that pass (7.48 GiB of bf16 weights each)', () => {
    const a = axis(result, 'gpus');
    expect(a.outcome).toBe('found');
    expect(a.candidate!.variation.gpus).toBe(2);
    expect(passesAfter(loaded, a.candidate!.variation)).toBe(true);
  });

  it('another layout of one device cannot help: there is only one', () => {
    expect(axis(result, 'layout').outcome).toBe('none');
    expect(result.top.map((c) => c.variation.gpus)).toEqual([1]);
    expect(result.top[0]!.status).toBe('fail');
  });
});

describe('concurrency and context on one 80 GB H100', () => {
  // Memory fails only when one request of the longest stated length cannot run (the engine queues
  // what its KV cache does not hold). After 14.96 GiB of weights, vLLM's profiled activations and its
  // runtime, about 55 GiB of KV pool is left: some 450k tokens of 128 KiB. One request of a
  // 600,000-token prompt does not fit, at any concurrency.
  const workload = '  concurrency: 64\n  input_tokens: 1024\n  output_tokens: 256\n  max_input_tokens: 600000\n  max_output_tokens: 256';
  // a window stretched past Llama 3.1's 131,072 (model.max_context), so that memory alone decides
  const { result, loaded } = run(plan('  gpus: 1', workload).replace('  weight_dtype: bf16', '  weight_dtype: bf16\n  max_context: 1048576'));

  it('lowering the concurrency cannot help: one request of the longest length does not fit', () => {
    expect(check(verifyLoadedPlan(loaded), 'memory.fits').status).toBe('fail');
    expect(axis(result, 'concurrency').outcome).toBe('none');
  });

  it('finds the longest max prompt whose one request fits, at a size deployments set: a power of two', () => {
    const a = axis(result, 'max-context');
    expect(a.outcome).toBe('found');
    const m = a.candidate!.variation.max_input_tokens!;
    const capacity = verifyLoadedPlan(loaded).metrics!.kv_cache_capacity_tokens!;
    // one request needs m + 256 tokens of the cache; the next power of two does not fit (2^18 = 262,144 of some 443k)
    expect(Math.log2(m) % 1).toBe(0);
    expect(m + 256).toBeLessThanOrEqual(capacity);
    expect(2 * m + 256).toBeGreaterThan(capacity);
    expect(passesAfter(loaded, a.candidate!.variation)).toBe(true);
    expect(a.detail).toContain(`at most ${m} tokens (of 600000)`);
  });

  it('rounds a max context down to a power of two, else whole thousands, never below the typical prompt', () => {
    expect(usualContext(2048, 8191)).toBe(4096);
    expect(usualContext(5000, 7000)).toBe(6144);
    expect(usualContext(600, 1000)).toBe(1000);
    expect(usualContext(100, 300)).toBe(256);
  });

  it('fp8 KV cache halves the 128 KiB per token: the 600k-token request fits', () => {
    const a = axis(result, 'fp8-kv-cache');
    expect(a.outcome).toBe('found');
    const report = verifyLoadedPlan(buildCandidatePlan(loaded, a.candidate!.variation));
    expect(check(report, 'memory.fits').status).toBe('pass');
    expect(report.metrics!.kv_cache_capacity_tokens! / verifyLoadedPlan(loaded).metrics!.kv_cache_capacity_tokens!).toBeCloseTo(2, 3);
  });

  it('says plainly when lowering concurrency cannot help a throughput requirement', () => {
    const r = run(plan('  gpus: 1', '  concurrency: 8\n  input_tokens: 1024\n  output_tokens: 256', '  throughput: 1000000 tokens/s')).result;
    expect(axis(r, 'concurrency').outcome).toBe('none');
    expect(r.impossible.map((i) => i.id)).toContain('requirements.throughput');
  });
});

describe('objectives', () => {
  const { result, loaded } = run(plan('  gpus: 8', '  concurrency: 64\n  input_tokens: 2048\n  output_tokens: 256'));

  it('ranks passing layouts by throughput per device, and by fewest devices when asked', () => {
    const perGpu = result.top.map((c) => c.score!);
    expect(perGpu).toEqual([...perGpu].sort((a, b) => b - a));
    const byGpus = suggest(loaded, { ...options, objective: 'gpus' }, 'pass');
    expect(byGpus.top[0]!.variation.gpus).toBe(1);
    const byTtft = suggest(loaded, { ...options, objective: 'ttft', top: 20 }, 'pass');
    const ttfts = byTtft.top.map((c) => c.figures.ttft_ms!);
    expect(ttfts).toEqual([...ttfts].sort((a, b) => a - b));
  });
});

describe('requirements the bound allows but no estimate meets', () => {
  // Llama-3.1-8B bf16 on one H100 (3.35 TB/s): reading 16.06 GB of weights takes 4.79 ms at full
  // bandwidth (the bound) and 5.99 ms at the default 0.8 memory efficiency (a floor of the estimate).
  const { result } = run(plan('  gpus: 1', '  concurrency: 1\n  input_tokens: 128\n  output_tokens: 128', '  tpot: 5.5 ms'));

  it('reports TPOT as unmet on the estimates, not as physically impossible', () => {
    expect((16.06e9 / 3.35e12) * 1000).toBeLessThan(5.5);
    expect(result.impossible.map((i) => i.id)).not.toContain('requirements.tpot');
    const u = result.unmet.find((x) => x.id === 'requirements.tpot');
    expect(u).toBeDefined();
    expect(u!.required).toBeCloseTo(5.5, 6);
    expect(u!.best_estimate).toBeGreaterThan((16.06e9 / (3.35e12 * 0.8)) * 1000);
    expect(u!.best_layout).toMatchObject({ tp: 1, pp: 1, dp: 1 });
  });
});

describe('largestOnLayout: the passing values form an interval, bisected over the whole range', () => {
  // A stand-in search: values 20 to 28 pass; below 20 only the throughput fails (a larger value
  // helps it), above 28 the TPOT fails. Halving from 31 (15, 7, 3, 1: all too low) finds nothing.
  const fake = (passLo: number, passHi: number) => {
    const probes: number[] = [];
    const search = {
      planGpus: 1,
      one: (_gpus: number, _layout: unknown, v: { concurrency?: number }) => {
        const c = v.concurrency!;
        probes.push(c);
        const failing = c < passLo ? ['requirements.throughput'] : c > passHi ? ['requirements.tpot'] : [];
        return { status: failing.length === 0 ? 'pass' : 'fail', failing, unverified: [], variation: { concurrency: c } } as unknown as Candidate;
      },
    } as unknown as LayoutSearch;
    return { search, probes };
  };
  const helped = new Set(['requirements.throughput']);
  const layout = { tp: 1, pp: 1, dp: 1, cp: 1, ep: 1 };

  it('finds the top of an interval that does not reach down to 1, in about log2 probes', () => {
    const { search, probes } = fake(20, 28);
    const r = largestOnLayout(search, layout, 1, 31, (c) => ({ concurrency: c }), helped, 'pass');
    expect(r?.value).toBe(28);
    expect(probes.length).toBeLessThanOrEqual(8);
  });

  it('says nothing passes when the interval is empty or every value is too high', () => {
    expect(largestOnLayout(fake(40, 50).search, layout, 1, 31, (c) => ({ concurrency: c }), helped, 'pass')).toBeNull();
    expect(largestOnLayout(fake(1, 0).search, layout, 1, 31, (c) => ({ concurrency: c }), helped, 'pass')).toBeNull();
  });

  it('takes the whole range when everything passes', () => {
    expect(largestOnLayout(fake(1, 100).search, layout, 1, 31, (c) => ({ concurrency: c }), helped, 'pass')?.value).toBe(31);
  });
});

describe("concurrency on the plan's own layout, on the real core", () => {
  // Llama-3.1-8B on one H100, asked for more throughput than few sequences give and a TPOT that
  // many sequences miss: the axis's answer is the largest concurrency that passes (by brute force
  // over every value below the plan's), on the plan's own layout.
  const workload = '  concurrency: 32\n  input_tokens: 1024\n  output_tokens: 256\n  max_input_tokens: 8192\n  max_output_tokens: 1024';
  const at32 = verifyLoadedPlan(load(plan('  gpus: 1', workload, '  ttft: 1 min'))).metrics!;
  const requirements = `  tpot: ${(at32.tpot_ms! * 0.6).toFixed(3)} ms\n  throughput: ${(at32.throughput_tokens_per_s! * 0.5).toFixed(1)} tokens/s`;
  const { result, loaded } = run(plan('  gpus: 1', workload, requirements));
  const own = { tp: 1, pp: 1, dp: 1, cp: 1, ep: 1 };
  const search = new LayoutSearch(loaded, options);
  const passing = Array.from({ length: 31 }, (_, i) => i + 1).filter((c) => search.one(1, own, { concurrency: c }).status === 'pass');

  it('matches the brute-force answer', () => {
    const a = axis(result, 'concurrency');
    if (passing.length === 0) {
      expect(a.outcome).not.toBe('found');
      return;
    }
    expect(a.outcome).toBe('found');
    expect(a.candidate!.variation.concurrency).toBe(Math.max(...passing));
    expect(a.detail).toContain("on the plan's own layout");
  });
});

describe('what-ifs do not offer changes on a layout that already passes', () => {
  // 70B in bf16 on 4 H100s: tp=1 x dp=4 cannot hold its weights, tp=4 serves the plan. The TPOT
  // requirement is 1.3 times the core's own tp=4 estimate, so tp=4 passes as it is: fp8 "on tp=4"
  // would be a change for nothing.
  const yaml = (tp: number, dp: number, tpot: string) => `version: 1
name: llama-70b
model:
  preset: llama-3.1-70b
hardware:
  preset: h100-sxm
  gpus: 4
parallelism:
  tp: ${tp}
  dp: ${dp}
workload:
  concurrency: 16
  input_tokens: 1024
  output_tokens: 256
requirements:
  tpot: ${tpot}
`;
  const tp4 = verifyLoadedPlan(load(yaml(4, 1, '1 min'))).metrics!.tpot_ms!;
  const { result, loaded } = run(yaml(1, 4, `${(tp4 * 1.3).toFixed(3)} ms`));

  it('the plan fails and a different layout passes as it is', () => {
    expect(result.plan.status).toBe('fail');
    expect(axis(result, 'layout').outcome).toBe('found');
  });

  it("each what-if is on the plan's own layout, or on a layout that does not pass without it", () => {
    for (const name of ['fp8-weights', 'fp8-kv-cache', 'concurrency', 'max-context']) {
      const a = axis(result, name);
      if (!a.candidate) continue;
      const layout = a.candidate.variation.layout;
      const own = layout.tp === 1 && layout.dp === 4;
      const passesAsIs = passesAfter(loaded, { gpus: 4, layout });
      expect(own || !passesAsIs, `${name} offered on ${JSON.stringify(layout)}`).toBe(true);
    }
  });
});

describe('a what-if is a real change, and says what it leaves open', () => {
  // The plan's own layout stays open as it is (its estimate misses throughput and TPOT, its range does
  // not rule them out): a change that leaves it just as open (max input 8191 of 8192, "not ruled out")
  // changes nothing.
  const near = run(readFileSync('__tests__/fixtures/plans/llama8b-near-miss.plan.yaml', 'utf8')).result;
  const p02 = run(`version: 1
name: llama70b-tp4-h100-sglang
model: {preset: llama-3.1-70b}
hardware: {preset: h100-sxm, gpus: 4}
parallelism: {tp: 4}
deployment: {engine: sglang}
workload: {concurrency: 32, input_tokens: 4096, output_tokens: 512, max_input_tokens: 32768, max_output_tokens: 4096, memory_fraction: 0.85}
requirements: {ttft: 2 s, tpot: 40 ms}
`).result;
  const own = (r: SuggestResult, c: Candidate) => JSON.stringify(c.variation.layout) === JSON.stringify(r.plan.variation.layout);

  it('offers nothing that leaves the plan as open as it was', () => {
    expect(near.plan.status).toBe('possible');
    for (const a of near.what_if.filter((x) => x.axis !== 'gpus' && x.outcome === 'possible')) {
      const same = own(near, a.candidate!) && a.candidate!.variation.gpus === near.plan.variation.gpus;
      expect(same, `${a.axis}: ${a.detail}`).toBe(false);
    }
    expect(axis(near, 'max-context').change).not.toBe('workload.max_input_tokens: 8191');
  });

  it("offers a shorter max context only a tenth or more below the plan's", () => {
    for (const [r, maxIn] of [
      [near, 8192],
      [p02, 32768],
    ] as const) {
      const a = axis(r, 'max-context');
      if (a.candidate) expect(a.candidate.variation.max_input_tokens!).toBeLessThanOrEqual(0.9 * maxIn);
      // says why the search stopped short of the plan's own max input (it read "from 1 to 9216" beside 10,240)
      else expect(a.detail).toContain(`at least 10% below the plan's ${maxIn.toLocaleString('en-US')} (`);
    }
  });

  it('names what an open change lacks or misses: never empty parentheses', () => {
    for (const r of [near, p02]) {
      for (const a of r.what_if) {
        expect(a.detail, a.axis).not.toContain('()');
        if (a.outcome === 'possible') expect(a.detail).toMatch(/unverified: \S|its estimate misses \S/);
      }
    }
    expect(axis(p02, 'fp8-weights').outcome).toBe('possible');
  });
});

describe('a what-if met on the estimates with warnings left does not read "passes"', () => {
  it('Llama 3.1 70B TP4 on H100, 64 clients, TPOT 40 ms: fewer clients meet it, and verify warns at that count (at risk)', () => {
    const loaded = load(`version: 1
model: {preset: llama-3.1-70b, kv_cache_dtype: fp8}
hardware: {preset: h100-sxm, gpus: 4}
parallelism: {tp: 4}
deployment: {engine: vllm}
workload: {concurrency: 64, input_tokens: 2048, output_tokens: 512, max_input_tokens: 8192, max_output_tokens: 1024, memory_fraction: 0.92}
requirements: {ttft_p99: 3 s, tpot: 40 ms}
`);
    const result = suggest(loaded, options, verifyLoadedPlan(loaded).verdict);
    const a = axis(result, 'concurrency');
    expect(a.outcome).toBe('found');
    const atThatCount = verifyLoadedPlan(buildCandidatePlan(loaded, a.candidate!.variation));
    // it read "passes at 61 sequences in flight (of 64) ...; at risk: requirements.tpot" beside verify's WARN
    expect(atThatCount.verdict).toBe('warn');
    expect(a.detail).not.toMatch(/^passes/);
    expect(a.detail).toMatch(/^meets its requirements on the estimates at \d+ sequences in flight/);
  });
});

describe("a lower memory flag, where the engine's whole-pool allocation misses max_memory_utilization", () => {
  // vLLM holds 0.9 x 79.19 GiB from start-up whatever the load: 90% of the device against a 60% cap.
  const workload = '  concurrency: 16\n  input_tokens: 1000\n  output_tokens: 200';
  const { result, loaded } = run(plan('  gpus: 1', workload, '  tpot: 50 ms\n  max_memory_utilization: 0.6'));

  it("offers the highest flag that meets the cap, on the plan's own layout: 0.6 (vLLM holds exactly that share)", () => {
    expect(check(verifyLoadedPlan(loaded), 'requirements.max_memory_utilization').status).toBe('fail');
    const a = axis(result, 'memory-fraction');
    expect(a.outcome).toBe('found');
    expect(a.change).toBe('workload.memory_fraction: 0.6');
    expect(a.candidate!.variation.memory_fraction).toBe(0.6);
    expect(passesAfter(loaded, a.candidate!.variation)).toBe(true);
    // one hundredth more misses the cap
    expect(passesAfter(loaded, { ...a.candidate!.variation, memory_fraction: 0.61 })).toBe(false);
  });

  it('says nothing to lower where the plan meets the cap, or fixes the KV pool itself', () => {
    const met = run(plan('  gpus: 1', workload, '  tpot: 50 ms\n  max_memory_utilization: 0.95')).result;
    expect(['not-applicable']).toContain(axis(met, 'memory-fraction').outcome);
    const pool = run(plan('  gpus: 1', `${workload}\n  kv_cache_memory: 40 GiB`, '  tpot: 50 ms\n  max_memory_utilization: 0.6')).result;
    const a = axis(pool, 'memory-fraction');
    expect(a.outcome).toBe('not-applicable');
    expect(a.detail).toMatch(/workload\.kv_cache_memory/);
  });
});
