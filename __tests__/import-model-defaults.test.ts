// What an imported engine does by default that depends on the model, read once the model is known:
// vLLM without --max-model-len serves the model's longest sequence (and refuses to start when its KV
// cache cannot hold one).
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
    expect(warnings(loaded).join('\n')).toMatch(/vllm\.sh:1: no --max-model-len: vLLM's default context is the model's longest sequence, 131072 tokens/);
    const fits = verifyLoadedPlan(loaded).checks.find((c) => c.id === 'memory.fits');
    expect(fits?.status).toBe('fail');
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
