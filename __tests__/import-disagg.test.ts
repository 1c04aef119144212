// Disaggregated deployments read from where they live: Dynamo graph deployments with prefill and
// decode workers, SGLang --disaggregation-mode pairs, TensorRT-LLM's context_servers /
// generation_servers config, llm-d's prefill and decode pods. Each pool is read with its engine's own
// flag semantics; figures are worked out from the fixtures by hand in the comments.
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../src/plan/load.js';
import { verifyLoadedPlan } from '../src/core/verify.js';
import { importFixture, importFixtureFile, importText, lineOf, ok } from './import-helpers.js';

describe('Dynamo graph deployment with prefill and decode workers (vLLM)', () => {
  const text = importFixture('dynamo-dgd.yaml');
  const r = ok(importFixtureFile('dynamo-dgd.yaml'));
  it('reads both services as the two pools', () => {
    // VllmDecodeWorker: 2 replicas x 2 GPUs, --tensor-parallel-size 2, --max-num-seqs 128;
    // VllmPrefillWorker (--is-prefill-worker): 1 replica x 1 GPU
    expect(r.fields.disaggregation).toEqual({
      decode: { workers: 2, gpus: 2, parallelism: { tp: 2, pp: 1, dp: 1 }, max_running_sequences: 128 },
      prefill: { workers: 1, gpus: 1, parallelism: { tp: 1, pp: 1, dp: 1 } },
    });
    expect(r.fields.hardware?.gpus).toBe(5);
    // the decode pool's cap over its workers is the load when the plan states none: 128 x 2
    expect(r.fields.workload?.concurrency).toBe(256);
    expect(r.fields.parallelism).toBeUndefined();
    expect(r.origins['disaggregation.decode.workers']).toBe(`dynamo-dgd.yaml:${lineOf(text, /replicas: 2/)}`);
    expect(r.origins['disaggregation.prefill.gpus']).toBe(`dynamo-dgd.yaml:${lineOf(text, /gpu: "1"/)}`);
  });
});

describe('SGLang --disaggregation-mode prefill / decode pair', () => {
  const r = ok(importFixtureFile('sglang-pd.sh'));
  it('reads each server as a pool, with DP attention and its own memory flag', () => {
    // --tp 8 --dp 8 --enable-dp-attention: attention tp 1, dp 8; --ep-size 8: moe_tp 1
    expect(r.fields.disaggregation?.prefill).toMatchObject({ workers: 1, gpus: 8, parallelism: { tp: 1, dp: 8, ep: 8, etp: 1 }, memory_fraction: 0.8 });
    // --chunked-prefill-size 32768 is split over the 8 DP-attention ranks
    expect(r.fields.disaggregation?.prefill).toMatchObject({ max_batched_tokens: 4096 });
    expect(r.fields.disaggregation?.decode).toMatchObject({ workers: 1, gpus: 8, max_running_sequences: 1024, memory_fraction: 0.88 });
    expect(r.fields.hardware?.gpus).toBe(16);
    expect(r.fields.model?.preset).toBe('deepseek-r1');
    expect(r.fields.deployment?.engine).toBe('sglang');
  });
});

describe('a KV pool set on the pools of a disaggregated pair (a plan has one)', () => {
  const pair = (prefill: string, decode: string) =>
    ok(
      importText(
        'pd.sh',
        [
          `python3 -m sglang.launch_server --model-path deepseek-ai/DeepSeek-R1 --disaggregation-mode prefill --tp 8${prefill} &`,
          `python3 -m sglang.launch_server --model-path deepseek-ai/DeepSeek-R1 --disaggregation-mode decode --tp 8${decode} &`,
        ].join('\n'),
      ),
    );
  it("both pools' --max-total-tokens: the decode workers' is kept, at its line, and a difference is said", () => {
    const same = pair(' --max-total-tokens 200000', ' --max-total-tokens 200000');
    expect(same.fields.workload?.kv_cache_tokens).toBe(200000);
    expect(same.origins['workload.kv_cache_tokens']).toBe('pd.sh:2');
    expect(same.warnings).toEqual([]);
    const differ = pair(' --max-total-tokens 100000', ' --max-total-tokens 200000');
    expect(differ.fields.workload?.kv_cache_tokens).toBe(200000);
    expect(differ.warnings.join('\n')).toMatch(/the prefill workers set workload\.kv_cache_tokens to 100000, the decode workers to 200000/);
  });
  it('one pool alone: applied to both, and said', () => {
    const r = pair('', ' --max-total-tokens 200000');
    expect(r.fields.workload?.kv_cache_tokens).toBe(200000);
    expect(r.warnings.join('\n')).toMatch(
      /pd\.sh:2: only the decode workers set their KV pool \(workload\.kv_cache_tokens\); a plan has one, so the prefill workers are read with it too/,
    );
  });
});

describe('TensorRT-LLM disaggregated config (context_servers / generation_servers)', () => {
  const r = ok(importFixtureFile('trtllm-disagg.yaml'));
  it("reads num_instances and each section's LLM API options", () => {
    // context: 2 instances of tp 4 with attention DP (dp 4), EP 4; generation: 1 of tp 8, DP 8, EP 8
    expect(r.fields.disaggregation?.prefill).toMatchObject({
      workers: 2,
      gpus: 4,
      parallelism: { tp: 1, dp: 4, ep: 4 },
      max_batched_tokens: 8448,
      memory_fraction: 0.3,
    });
    // max_batch_size 256 per attention-DP rank x 8 ranks
    expect(r.fields.disaggregation?.decode).toMatchObject({
      workers: 1,
      gpus: 8,
      parallelism: { tp: 1, dp: 8, ep: 8 },
      max_running_sequences: 2048,
      memory_fraction: 0.85,
    });
    expect(r.fields.hardware?.gpus).toBe(16);
    expect(r.fields.model).toMatchObject({ preset: 'deepseek-r1', kv_cache_dtype: 'fp8' });
  });
});

describe('a TensorRT-LLM disaggregated config with one pool section misspelled or missing', () => {
  const good = importFixture('trtllm-disagg.yaml');
  it('is an error at the misspelled key, not one aggregated engine read from what is left', () => {
    // generation_server (one letter short) used to make the file a plain options YAML: one engine, tp 1
    const text = good.replace('generation_servers:', 'generation_server:');
    const r = importText('trtllm-disagg.yaml', text, { engine: 'trtllm' });
    expect('error' in r && r.error).toMatch(/needs both context_servers and generation_servers.*'generation_server'.*did you mean 'generation_servers'/);
    // a map's line in the import tree is its first entry's, the line under the key
    expect('error' in r && r.line).toBe(lineOf(text, /^generation_server:/) + 1);
  });
  it('is an error when a section is present but not a map', () => {
    const text = good.replace(/^generation_servers:[\s\S]*$/m, 'generation_servers: 2\n');
    const r = importText('trtllm-disagg.yaml', text, { engine: 'trtllm' });
    expect('error' in r && r.error).toMatch(/'generation_servers' is not a map of worker options, so generation_servers is missing/);
  });
});

describe('llm-d prefill and decode pods', () => {
  const r = ok(importFixtureFile('llmd-pd.yaml'));
  it('tells the pools apart by the llm-d.ai/role label and reads the vLLM container beside the routing sidecar', () => {
    expect(r.fields.disaggregation?.prefill).toMatchObject({ workers: 2, gpus: 2, parallelism: { tp: 2 }, max_batched_tokens: 16384 });
    expect(r.fields.disaggregation?.decode).toMatchObject({ workers: 1, gpus: 2, parallelism: { tp: 2 }, max_running_sequences: 256 });
    expect(r.fields.hardware).toMatchObject({ gpus: 6, preset: 'h200' });
  });
});

describe('KServe LLMInferenceService with spec.prefill', () => {
  const text = importFixture('kserve-pd.yaml');
  const r = ok(importFixtureFile('kserve-pd.yaml'));
  it("reads spec's own workload as the decode pool and spec.prefill as the prefill pool, each with vLLM's semantics", () => {
    // decode: 1 replica of data 2 with expert parallelism (EP = TP x DP = 2), --max-num-seqs 128 per DP rank
    expect(r.fields.disaggregation?.decode).toEqual({
      workers: 1,
      gpus: 2,
      parallelism: { tp: 1, pp: 1, dp: 2, ep: 2, etp: 1 },
      max_running_sequences: 256,
      memory_fraction: 0.9,
    });
    // prefill: 2 replicas of tensor 2
    expect(r.fields.disaggregation?.prefill).toEqual({ workers: 2, gpus: 2, parallelism: { tp: 2, pp: 1, dp: 1 }, max_batched_tokens: 16384 });
    expect(r.fields.hardware).toEqual({ gpus: 6, preset: 'h100-sxm' });
    expect(r.fields.parallelism).toBeUndefined();
    expect(r.fields.model?.preset).toBe('qwen3-30b-a3b');
    expect(r.origins['disaggregation.prefill.workers']).toBe(`kserve-pd.yaml:${lineOf(text, /replicas: 2/)}`);
    expect(r.origins['disaggregation.prefill.parallelism.tp']).toBe(`kserve-pd.yaml:${lineOf(text, /tensor: 2/)}`);
    expect(r.warnings).toEqual([]);
  });

  it('verifies as a disaggregated plan: 2 x 2 prefill + 1 x 2 decode GPUs', () => {
    const read = (_plan: string, ref: string) => (ref === 'kserve-pd.yaml' ? { text } : { error: `no such file: ${ref}` });
    const loaded = loadPlan('p.plan.yaml', 'version: 1\ndeployment: {from: kserve-pd.yaml}\nworkload: {input_tokens: 1000, output_tokens: 500}\n', read);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const report = verifyLoadedPlan(loaded.loaded);
    expect(report.checks.find((c) => c.id === 'layout.world_size')?.status).toBe('pass');
    expect(report.checks.find((c) => c.id === 'prefill.layout.world_size')?.status).toBe('pass');
    expect(report.checks.find((c) => c.id === 'decode.layout.world_size')?.status).toBe('pass');
    expect(report.metrics?.world_size).toBe(6);
  });

  it('says spec.prefill is not read when the plan names one workload (deployment.container)', () => {
    const one = ok(importFixtureFile('kserve-pd.yaml', { container: 'main' }));
    expect(one.fields.disaggregation).toBeUndefined();
    expect(one.warnings.join('\n')).toContain(`kserve-pd.yaml:${lineOf(text, /^ {2}prefill:/) + 1}: spec.prefill (a prefill pool) is not read`);
  });
});

describe('a plan that imports a disaggregated deployment', () => {
  const files: Record<string, string> = { 'sglang-pd.sh': importFixture('sglang-pd.sh') };
  const read = (_plan: string, ref: string) => (ref in files ? { text: files[ref]! } : { error: `no such file: ${ref}` });
  const plan = 'version: 1\nhardware: {preset: h200}\ndeployment:\n  from: sglang-pd.sh\nworkload: {concurrency: 64, input_tokens: 2048, output_tokens: 512}\n';

  it('becomes a disaggregated plan verified pool by pool', () => {
    const loaded = loadPlan('p.plan.yaml', plan, read);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.loaded.plan.disaggregation?.decode.max_running_sequences).toBe(1024);
    expect(loaded.loaded.origins['disaggregation.prefill.parallelism.dp']).toMatch(/^sglang-pd\.sh:\d+$/);
    const report = verifyLoadedPlan(loaded.loaded);
    expect(report.checks.find((c) => c.id === 'prefill.layout.world_size')?.status).toBe('pass');
    expect(report.checks.find((c) => c.id === 'decode.memory.fits')?.status).toBe('pass');
    expect(report.metrics?.world_size).toBe(16);
  });

  it('refuses a top-level layout beside the imported pools', () => {
    const text = plan.replace('workload:', 'parallelism: {tp: 8}\nworkload:');
    const loaded = loadPlan('p.plan.yaml', text, read);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.errors[0]?.message).toMatch(/imported deployment is disaggregated/);
    expect(loaded.errors[0]?.line).toBe(5);
  });

  it("takes the plan's own kv_transfer beside the imported pools (the script has no link speed)", () => {
    // the link is the plan's to state: 50 GB/s per GPU, 20 us; the pools come from the script
    const text = `${plan}disaggregation:\n  kv_transfer: {bandwidth: 50 GB/s, latency: 20 us}\n`;
    const loaded = loadPlan('p.plan.yaml', text, read);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.loaded.plan.disaggregation?.decode.max_running_sequences).toBe(1024);
    expect(loaded.loaded.plan.disaggregation?.prefill.parallelism?.dp).toBe(8);
    const report = verifyLoadedPlan(loaded.loaded);
    expect(report.checks.find((c) => c.id === 'disaggregation.kv_transfer')?.detail).toMatch(/from disaggregation\.kv_transfer\.bandwidth/);
  });

  it('still says which pool is missing when the import brings none', () => {
    files['vllm.sh'] = 'vllm serve meta-llama/Llama-3.1-8B-Instruct --tensor-parallel-size 1\n';
    const text = 'version: 1\nhardware: {preset: h100}\ndeployment:\n  from: vllm.sh\ndisaggregation:\n  kv_transfer: {bandwidth: 50 GB/s}\n';
    const loaded = loadPlan('p.plan.yaml', text, read);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.errors.map((e) => [e.message.split(':')[0], e.line])).toEqual([
      ['disaggregation.prefill', 5],
      ['disaggregation.decode', 5],
    ]);
  });
});

describe('a disaggregated plan without an import', () => {
  it('names each missing pool once, at the disaggregation key', () => {
    const text = 'version: 1\nmodel: {preset: llama-3.1-8b}\nhardware: {preset: h100, gpus: 2}\ndisaggregation:\n  kv_transfer: {bandwidth: 50 GB/s}\n';
    const loaded = loadPlan('p.plan.yaml', text, () => ({ error: 'no file' }));
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.errors.map((e) => [e.message.split(':')[0], e.line])).toEqual([
      ['disaggregation.prefill', 4],
      ['disaggregation.decode', 4],
    ]);
  });
});
