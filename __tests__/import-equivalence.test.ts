// Done-when for issue 7: a plan that imports a LeaderWorkerSet manifest (sizes substituted from env)
// verifies to the same figures as the same deployment written out by hand, for each engine.
// The hand-written plans carry their derivation from the manifests in their comments.
import { describe, expect, it } from 'vitest';
import { loadPlan, verifyLoadedPlan } from '../src/core/index.js';
import type { LoadedPlan, PlanReport, ReadReference } from '../src/core/types.js';
import { importFixture, lineOf } from './import-helpers.js';

const readFixture: ReadReference = (_plan, ref) => {
  try {
    return { text: importFixture(ref.replace(/^\.\//, '')) };
  } catch {
    return { error: `no such file: ${ref}` };
  }
};

function load(name: string): LoadedPlan {
  const result = loadPlan(name, importFixture(name), readFixture);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.loaded;
}

/**
 * What a reader compares: every metric, and each check's status and figures (lines differ by design).
 * The import's own warnings (path deployment.from) are left out: the hand-written plan has none.
 */
function figures(report: PlanReport) {
  return {
    metrics: report.metrics,
    checks: report.checks
      .filter((c) => c.path !== 'deployment.from')
      .map((c) => ({ id: c.id, status: c.status, value: c.value, limit: c.limit, unit: c.unit })),
  };
}

describe.each([
  ['vLLM', 'vllm-lws'],
  ['SGLang', 'sglang-lws'],
  ['TensorRT-LLM', 'trtllm-lws'],
])('%s in a LeaderWorkerSet', (_engine, base) => {
  const imported = load(`${base}.plan.yaml`);
  const hand = load(`${base}.hand.plan.yaml`);

  it('loads to the same plan as the hand-written one', () => {
    expect(imported.plan.parallelism).toEqual(hand.plan.parallelism);
    expect(imported.plan.workload).toEqual(hand.plan.workload);
    expect(imported.plan.hardware).toEqual(hand.plan.hardware);
    expect(imported.plan.model).toEqual(hand.plan.model);
  });

  it('verifies to the same figures', () => {
    const a = figures(verifyLoadedPlan(imported));
    expect(a.metrics?.world_size).toBe(16 * (base === 'vllm-lws' ? 2 : 1));
    expect(a).toEqual(figures(verifyLoadedPlan(hand)));
  });

  it('warns only where the engine means something the plan format cannot say', () => {
    const warnings = (imported.warnings ?? []).map((w) => w.message).join('\n');
    expect(warnings).toBe('');
  });

  it('says where each imported figure came from', () => {
    const manifest = importFixture(`${base}.yaml`);
    expect(imported.origins['hardware.gpus']).toMatch(new RegExp(`^${base}\\.yaml:\\d+$`));
    const tpLine = lineOf(manifest, /--tensor-parallel-size|--tp |--tp_size/);
    expect(imported.origins['parallelism.tp']).toBe(`${base}.yaml:${tpLine}`);
  });
});

describe('explicit plan fields over imported ones', () => {
  it('keeps the plan value and no import origin for it', () => {
    const text = importFixture('vllm-lws.plan.yaml').replace('workload:\n', 'workload:\n  concurrency: 64\n');
    const result = loadPlan('vllm-lws.plan.yaml', text, readFixture);
    if (!result.ok) throw new Error(result.errors[0]?.message);
    expect(result.loaded.plan.workload.concurrency).toBe(64);
    expect(result.loaded.origins['workload.concurrency']).toBeUndefined();
    expect(result.loaded.plan.parallelism.tp).toBe(8);
  });
});

describe('MLA under tensor parallelism', () => {
  it('replicates the latent KV cache on every TP rank: TP 8 holds 8x the KV of DP-attention 8', () => {
    // DeepSeek-V3 on 8 H200, the same 64 sequences: with --tp 8 every rank caches all 64 sequences'
    // latent vectors (576 values per token per layer); with --enable-dp-attention --dp 8 a rank caches 64/8.
    const plan = (flags: string) =>
      `${['version: 1', 'deployment: {from: serve.sh, engine: sglang}', 'workload: {input_tokens: 1024, output_tokens: 1024}'].join('\n')}\n# ${flags}`;
    const read =
      (flags: string): ReadReference =>
      (_p, ref) =>
        ref === 'serve.sh'
          ? {
              text: `python3 -m sglang.launch_server --model-path deepseek-ai/DeepSeek-V3 ${flags} --max-running-requests 64 --context-length 4096 --mem-fraction-static 0.9`,
            }
          : readFixture(_p, ref);
    const kv = (flags: string): number => {
      const r = loadPlan('mla.plan.yaml', plan(flags), read(flags));
      if (!r.ok) throw new Error(r.errors[0]?.message);
      return verifyLoadedPlan(r.loaded).metrics?.kv_cache_per_gpu_gib as number;
    };
    // by hand: 64 sequences x 4096 tokens (context) x 61 layers x 576 values x 2 bytes (bf16 KV, the
    // default beside fp8 weights) = 18,421,383,168 B = 17.156 GiB on each TP rank; a DP-attention rank
    // holds 8 of the 64 sequences: 2.1445 GiB (metrics carry 3 decimals)
    expect(kv('--tp 8')).toBeCloseTo(17.156, 3);
    expect(kv('--tp 8 --dp 8 --enable-dp-attention')).toBeCloseTo(2.1445, 2);
  });
});
