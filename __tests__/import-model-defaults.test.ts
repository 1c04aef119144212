// What an imported engine does by default that depends on the model, read once the model is known:
// vLLM without --max-model-len serves the model's longest sequence (and refuses to start when its KV
// cache cannot hold one); an expert-parallel flag on a model without experts changes nothing.
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../src/core/index.js';
import { verifyLoadedPlan } from '../src/core/verify.js';
import type { ReadReference } from '../src/core/types.js';

const files: Record<string, string> = {
  'vllm.sh': 'vllm serve meta-llama/Llama-3.1-70B-Instruct --tensor-parallel-size 2 --max-num-seqs 16',
  'vllm-len.sh': 'vllm serve meta-llama/Llama-3.1-70B-Instruct --tensor-parallel-size 2 --max-num-seqs 16 --max-model-len 4096',
  'sglang.sh': 'python -m sglang.launch_server --model-path meta-llama/Llama-3.1-70B-Instruct --tp 2 --max-running-requests 16',
  'trtllm.sh': 'trtllm-serve meta-llama/Llama-3.1-70B-Instruct --tp_size 2 --max_batch_size 16',
  'unknown.sh': 'vllm serve my-org/my-model --tensor-parallel-size 2',
  'ep-dense.sh': 'vllm serve meta-llama/Llama-3.1-70B-Instruct --tensor-parallel-size 8 --enable-expert-parallel --max-model-len 16384',
  'ep-moe.sh': 'vllm serve Qwen/Qwen3-30B-A3B --tensor-parallel-size 8 --enable-expert-parallel --max-model-len 16384',
  'ep-sglang.sh': 'python -m sglang.launch_server --model-path meta-llama/Llama-3.1-70B-Instruct --tp 8 --ep-size 8',
  'ep-trtllm.sh': 'trtllm-serve meta-llama/Llama-3.1-70B-Instruct --tp_size 8 --ep_size 4',
  'ep-pools.sh': [
    'python -m sglang.launch_server --model-path meta-llama/Llama-3.1-70B-Instruct --disaggregation-mode prefill --tp 4 --enable-ep-moe',
    'python -m sglang.launch_server --model-path meta-llama/Llama-3.1-70B-Instruct --disaggregation-mode decode --tp 8',
  ].join('\n'),
};
const read: ReadReference = (_plan, ref) => (Object.hasOwn(files, ref) ? { text: files[ref] as string } : { error: `no such file: ${ref}` });
const plan = (from: string, extra = '') =>
  `version: 1\ndeployment: {from: ${from}}\nhardware: {preset: h100-sxm}\nworkload: {input_tokens: 1024, output_tokens: 256${extra}}\n`;

function load(text: string) {
  const r = loadPlan('p.plan.yaml', text, read);
  if (!r.ok) throw new Error(r.errors[0]?.message);
  return r.loaded;
}
const warnings = (loaded: ReturnType<typeof load>) => (loaded.warnings ?? []).map((w) => w.message);

describe("vLLM's default context", () => {
  it('is the model max context without --max-model-len, so memory.fits fails as vLLM refuses to start', () => {
    const loaded = load(plan('vllm.sh'));
    expect(loaded.plan.workload.max_input_tokens).toBe(131_072 - 256);
    expect(loaded.origins['workload.max_input_tokens']).toMatch(/^vllm\.sh:1 .*vLLM's default --max-model-len/);
    // said by the origin (the Imported list), not by a warning on every vLLM command that leaves the flag out
    expect(warnings(loaded).join('\n')).not.toMatch(/max-model-len/);
    const fits = verifyLoadedPlan(loaded).checks.find((c) => c.id === 'memory.fits');
    expect(fits?.status).toBe('fail');
    // where it matters, memory.fits says whose length it is
    expect(fits?.detail).toMatch(
      /^one request of the engine's context \(vllm\.sh:1 \(vLLM's default --max-model-len: model\.max_context\)\) \(131,072 tokens\)/,
    );
  });

  it('leaves an explicit --max-model-len, the plan max_input_tokens, SGLang and TensorRT-LLM as they were', () => {
    const len = load(plan('vllm-len.sh'));
    expect(len.plan.workload.max_input_tokens).toBe(4096 - 256);
    expect(warnings(len).join('\n')).not.toMatch(/default context/);
    const own = load(plan('vllm.sh', ', max_input_tokens: 2048'));
    expect(own.plan.workload.max_input_tokens).toBe(2048);
    expect(warnings(own).join('\n')).not.toMatch(/default context/);
    // SGLang starts and caps its context to the pool; TensorRT-LLM shrinks its attention window to fit
    for (const from of ['sglang.sh', 'trtllm.sh']) expect(load(plan(from)).plan.workload.max_input_tokens).toBeUndefined();
  });

  it("says so when the model's max context is unknown, instead of guessing", () => {
    const loaded = load(plan('unknown.sh'));
    expect(loaded.plan.workload.max_input_tokens).toBeUndefined();
    expect(warnings(loaded).join('\n')).toMatch(/unknown\.sh:1: no --max-model-len: vLLM serves the model's longest sequence .*not known here/);
  });
});

describe('an expert-parallel flag on a model without experts', () => {
  it('is dropped with a warning (vLLM ignores --enable-expert-parallel there), so the layout does not fail', () => {
    const loaded = load(plan('ep-dense.sh'));
    expect(loaded.plan.parallelism).toMatchObject({ tp: 8 });
    expect(loaded.plan.parallelism.ep).toBeUndefined();
    expect(loaded.plan.parallelism.etp).toBeUndefined();
    expect(warnings(loaded).join('\n')).toMatch(/ep-dense\.sh:1: --enable-expert-parallel has no effect on a model without experts/);
    const regroup = verifyLoadedPlan(loaded).checks.find((c) => c.id === 'layout.moe_regroup');
    expect(regroup?.status).not.toBe('fail');
  });

  it("keeps it on a model with experts, and the plan's own ep", () => {
    expect(load(plan('ep-moe.sh')).plan.parallelism).toMatchObject({ tp: 8, ep: 8, etp: 1 });
    const own = load(`${plan('ep-dense.sh')}parallelism: {ep: 8}\n`);
    expect(own.plan.parallelism.ep).toBe(8);
    expect(warnings(own).join('\n')).not.toMatch(/no effect/);
  });

  it("drops SGLang's --ep-size and --enable-ep-moe (a pool's too) and TensorRT-LLM's --ep_size alike", () => {
    const sglang = load(plan('ep-sglang.sh'));
    expect(sglang.plan.parallelism.ep).toBeUndefined();
    expect(warnings(sglang).join('\n')).toMatch(/ep-sglang\.sh:1: --ep-size has no effect/);
    const trtllm = load(plan('ep-trtllm.sh'));
    expect(trtllm.plan.parallelism.ep).toBeUndefined();
    expect(warnings(trtllm).join('\n')).toMatch(/ep-trtllm\.sh:1: --ep_size has no effect/);
    const pools = load(plan('ep-pools.sh'));
    expect(pools.plan.disaggregation?.prefill.parallelism?.ep).toBeUndefined();
    expect(pools.plan.disaggregation?.prefill.parallelism?.tp).toBe(4);
    expect(warnings(pools).join('\n')).toMatch(/ep-pools\.sh:1: --enable-ep-moe has no effect/);
  });
});
