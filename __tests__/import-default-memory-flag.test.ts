// An imported engine command that gives no memory flag runs the engine's default: memory.fits judges
// that default as stated (it fails where one request of the longest length has no room), where a
// hand-written plan silent on the flag is read at the flag a tight deployment raises it to (a warning).
import { describe, expect, it } from 'vitest';
import { loadPlan, verifyPlanText } from '../src/core/index.js';
import type { Check, ReadReference } from '../src/core/types.js';
import { importText, lineOf, ok } from './import-helpers.js';
import { buildCandidatePlan } from '../src/suggest/candidate.js';
import { verifyLoadedPlan } from '../src/core/verify.js';

/** Dynamo's disaggregated vLLM graph: Llama 3.3 70B bf16 at tp 2, the prefill worker with `prefillArgs` after its flags. */
const graph = (prefillArgs = '') => `apiVersion: nvidia.com/v1alpha1
kind: DynamoGraphDeployment
metadata:
  name: llama-disagg
spec:
  services:
    VllmDecodeWorker:
      componentType: worker
      subComponentType: decode
      replicas: 1
      resources:
        limits:
          gpu: "2"
      extraPodSpec:
        mainContainer:
          command: [/bin/sh, -c]
          args:
            - python3 -m dynamo.vllm --model meta-llama/Llama-3.3-70B-Instruct --tensor-parallel-size 2 --max-model-len 16384 --gpu-memory-utilization 0.95
    VllmPrefillWorker:
      componentType: worker
      subComponentType: prefill
      replicas: 1
      resources:
        limits:
          gpu: "2"
      extraPodSpec:
        mainContainer:
          command: [/bin/sh, -c]
          args:
            - python3 -m dynamo.vllm --model meta-llama/Llama-3.3-70B-Instruct --tensor-parallel-size 2 --max-model-len 16384 --is-prefill-worker${prefillArgs}
`;

const PLAN = 'version: 1\ndeployment:\n  from: dgd.yaml\nhardware: {preset: h100-sxm}\nworkload: {input_tokens: 2000, output_tokens: 200, concurrency: 8}\n';

const reader =
  (files: Record<string, string>): ReadReference =>
  (_plan, ref) =>
    Object.hasOwn(files, ref) ? { text: files[ref] as string } : { error: `no such file: ${ref}` };

function fits(plan: string, files: Record<string, string>, id = 'memory.fits'): Check {
  const report = verifyPlanText('p.plan.yaml', plan, reader(files));
  const check = report.checks.find((c) => c.id === id);
  if (!check) throw new Error(`no ${id}: ${report.checks.map((c) => c.id).join(', ')}`);
  return check;
}

describe("an imported command without the memory flag runs the engine's default", () => {
  it('fails the Dynamo vLLM prefill worker whose default 0.9 leaves one request no room, naming the flag and the command', () => {
    const text = graph();
    const check = fits(PLAN, { 'dgd.yaml': text }, 'prefill.memory.fits');
    // ~0.4 GiB of KV pool at 0.9 against 2.5 GiB for one request of 16k tokens; at 0.95 it would fit (the warning it had)
    expect(check.status).toBe('fail');
    expect(check.detail).toContain(`gpu_memory_utilization 0.9, vLLM's default, as the command at dgd.yaml:${lineOf(text, /--is-prefill-worker/)} sets none`);
    expect(check.detail).not.toContain('the figures assume');
  });

  it('keeps the warning where $EXTRA_ARGS could hold the flag', () => {
    const check = fits(PLAN, { 'dgd.yaml': graph(' $EXTRA_ARGS') }, 'prefill.memory.fits');
    expect(check.status).toBe('warn');
    expect(check.detail).toContain('the figures assume gpu_memory_utilization 0.95: state workload.memory_fraction');
  });

  it("lets the plan's own workload.memory_fraction win", () => {
    const plan = PLAN.replace('concurrency: 8}', 'concurrency: 8, memory_fraction: 0.95}');
    const loaded = loadPlan('p.plan.yaml', plan, reader({ 'dgd.yaml': graph() }));
    if (!loaded.ok) throw new Error(loaded.errors[0]?.message);
    expect(loaded.loaded.defaulted).toBeUndefined();
    const check = fits(plan, { 'dgd.yaml': graph() }, 'prefill.memory.fits');
    expect(check.status).toBe('pass');
    expect(check.detail).not.toContain("vLLM's default");
  });

  it('is unchanged where the command gives the flag', () => {
    const result = ok(importText('dgd.yaml', graph(' --gpu-memory-utilization 0.95')));
    expect(result.defaulted).toBeUndefined();
    expect(fits(PLAN, { 'dgd.yaml': graph(' --gpu-memory-utilization 0.95') }, 'prefill.memory.fits').status).toBe('pass');
  });

  it('fails an aggregated launch script the same way', () => {
    const files = { 'serve.sh': 'vllm serve meta-llama/Llama-3.3-70B-Instruct --tensor-parallel-size 2 --max-model-len 16384\n' };
    const plan = PLAN.replace('dgd.yaml', 'serve.sh');
    const check = fits(plan, files);
    expect(check.status).toBe('fail');
    expect(check.detail).toContain("gpu_memory_utilization 0.9, vLLM's default, as the command at serve.sh:1 sets none");
  });

  it("fails a floor past the default's share, without full facts, where the raised flag would hold it", () => {
    // 70B bf16 on one H200: 131.42 GiB of weights, past 0.9 x 139.8 GiB, within 0.99's 138.40 GiB
    const files = { 'serve.sh': 'vllm serve meta-llama/Llama-3.3-70B-Instruct\n' };
    const check = fits('version: 1\ndeployment:\n  from: serve.sh\nhardware: {preset: h200}\n', files);
    expect(check.status).toBe('fail');
    expect(check.detail).toContain("at gpu_memory_utilization 0.9, vLLM's default, as the command at serve.sh:1 sets none");
  });
});

describe("SGLang's computed default is not read as stated", () => {
  it('warns, not fails, where an older SGLang default (0.88 at tp 1 before 0.5) would hold the request', () => {
    // Llama 3.1 8B bf16 on an RTX 4090, --context-length 36864: 4.45 GiB of pool at our computed 0.845 against
    // 4.50 GiB for one request; SGLang 0.4's table gave tp 1 0.88 (about 0.8 GiB more pool), so it runs there
    const files = { 'serve.sh': 'python3 -m sglang.launch_server --model-path meta-llama/Llama-3.1-8B-Instruct --tp-size 1 --context-length 36864\n' };
    const check = fits(PLAN.replace('dgd.yaml', 'serve.sh').replace('h100-sxm', 'rtx-4090'), files);
    expect(check.status).toBe('warn');
    expect(check.detail).not.toContain("SGLang's default, as the command");
  });
});

describe('what the importer records as defaulted', () => {
  const defaulted = (file: string, text: string, files: Record<string, string> = {}) => ok(importText(file, text, {}, files)).defaulted;

  it('each pool of a disaggregated graph on its own: the decode workers give theirs', () => {
    const text = graph();
    expect(defaulted('dgd.yaml', text)).toEqual({ 'disaggregation.prefill.memory_fraction': `dgd.yaml:${lineOf(text, /--is-prefill-worker/)}` });
  });

  it("every engine's flag, SGLang's computed default included (what runs is that default)", () => {
    expect(defaulted('a.sh', 'vllm serve m --tensor-parallel-size 2')).toEqual({ 'workload.memory_fraction': 'a.sh:1' });
    expect(defaulted('b.sh', 'python -m sglang.launch_server --model-path m --tp 2')).toEqual({ 'workload.memory_fraction': 'b.sh:1' });
    expect(defaulted('c.sh', 'trtllm-serve m --tp_size 2')).toEqual({ 'workload.memory_fraction': 'c.sh:1' });
    expect(defaulted('d.sh', 'python -m sglang.launch_server --model-path m --mem-fraction-static 0.8')).toBeUndefined();
    expect(defaulted('e.sh', 'trtllm-serve m --kv_cache_free_gpu_memory_fraction 0.8')).toBeUndefined();
  });

  it('nothing where something unread could hold the flag', () => {
    expect(defaulted('a.sh', 'vllm serve m "$@"')).toBeUndefined();
    expect(defaulted('a.sh', 'vllm serve m ${EXTRA_ARGS}')).toBeUndefined();
    expect(defaulted('a.sh', 'vllm serve m --tensor-parallel-size $TP')).toBeUndefined();
    // Dynamo's TensorRT-LLM worker reads it from DYN_TRTLLM_FREE_GPU_MEMORY_FRACTION too; --override-engine-args may set any option
    expect(defaulted('a.sh', 'python3 -m dynamo.trtllm --model-path m --tensor-parallel-size 2')).toBeUndefined();
    expect(defaulted('a.sh', `python3 -m dynamo.vllm --model m --override-engine-args '{"gpu_memory_utilization": 0.95}'`)).toBeUndefined();
    // a config file that could not be read
    expect(defaulted('a.sh', 'vllm serve m --config missing.yaml')).toBeUndefined();
    // an options file its here-document writes with an unset variable
    expect(
      defaulted('t.sh', 'cat > opts.yaml <<EOF\nkv_cache_config:\n  enable_block_reuse: $REUSE\nEOF\ntrtllm-serve m --extra_llm_api_options opts.yaml\n'),
    ).toBeUndefined();
  });

  it("the config file's flag counts; a config file read alone is no command", () => {
    expect(defaulted('a.sh', 'vllm serve m --config c.yaml', { 'c.yaml': 'gpu-memory-utilization: 0.8\n' })).toBeUndefined();
    expect(defaulted('a.sh', 'vllm serve m --config c.yaml', { 'c.yaml': 'max-num-seqs: 8\n' })).toEqual({ 'workload.memory_fraction': 'a.sh:1' });
    expect(
      defaulted('t.sh', 'trtllm-serve m --extra_llm_api_options o.yaml', { 'o.yaml': 'kv_cache_config:\n  free_gpu_memory_fraction: 0.7\n' }),
    ).toBeUndefined();
    expect(ok(importText('c.yaml', 'max-num-seqs: 8\n', { engine: 'vllm' })).defaulted).toBeUndefined();
  });

  it('a container run by its image entrypoint (args only) or by KServe is not claimed', () => {
    const pod = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: vllm/vllm-openai
      args: [--model, m, --tensor-parallel-size, "2"]
      resources: {limits: {nvidia.com/gpu: 2}}
`;
    expect(ok(importText('pod.yaml', pod, { engine: 'vllm' })).defaulted).toBeUndefined();
    const withCommand = pod.replace('args: [--model', 'command: [vllm, serve]\n      args: [--model');
    expect(ok(importText('pod.yaml', withCommand)).defaulted).toEqual({ 'workload.memory_fraction': `pod.yaml:${lineOf(withCommand, /command:/)}` });
  });

  it("another imported file's flag wins over a command's default", () => {
    const files = { 'serve.sh': 'vllm serve m --tensor-parallel-size 2\n', 'more.sh': 'vllm serve m --gpu-memory-utilization 0.8\n' };
    const loaded = loadPlan('p.plan.yaml', 'version: 1\ndeployment:\n  from: [more.sh, serve.sh]\n', reader(files));
    if (!loaded.ok) throw new Error(loaded.errors[0]?.message);
    expect(loaded.loaded.plan.workload.memory_fraction).toBe(0.8);
    expect(loaded.loaded.defaulted).toBeUndefined();
    const alone = loadPlan('p.plan.yaml', 'version: 1\ndeployment:\n  from: serve.sh\n', reader(files));
    if (!alone.ok) throw new Error(alone.errors[0]?.message);
    expect(alone.loaded.defaulted).toEqual({ 'workload.memory_fraction': 'serve.sh:1' });
  });
});

describe("suggest keeps the imported command's default flag", () => {
  it("judges the plan's own layout as verify does (memory.fits fails at vLLM's 0.9), not at a raised flag", () => {
    const files = { 'serve.sh': 'vllm serve meta-llama/Llama-3.3-70B-Instruct --tensor-parallel-size 2 --max-model-len 16384\n' };
    const plan = PLAN.replace('dgd.yaml', 'serve.sh');
    const loaded = loadPlan('p.plan.yaml', plan, reader(files));
    if (!loaded.ok) throw new Error('the plan should load');
    expect(loaded.loaded.defaulted?.['workload.memory_fraction']).toBe('serve.sh:1');
    const own = buildCandidatePlan(loaded.loaded, { gpus: 2, layout: { tp: 2, pp: 1, dp: 1, ep: 1, etp: 1, cp: 1 } });
    expect(own.defaulted).toEqual(loaded.loaded.defaulted);
    expect(verifyLoadedPlan(own).checks.find((c) => c.id === 'memory.fits')!.status).toBe('fail');
  });
});
