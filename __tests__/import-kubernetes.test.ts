// Rendered manifests: device counts from replicas and GPU limits, the engine from the serving
// container's command, lines from the file itself. Expected figures are worked out from the
// fixtures by hand in the comments; lines are found by the test's own reading of the fixture.
import { describe, expect, it } from 'vitest';
import { failed, importFixture, importFixtureFile, importText, lineOf, ok } from './import-helpers.js';

describe('LeaderWorkerSet running vLLM under sh -c', () => {
  const text = importFixture('vllm-lws.yaml');
  const r = ok(importFixtureFile('vllm-lws.yaml'));

  it('counts replicas x (leader + workers) x GPUs per pod', () => {
    // 2 replicas x (1 leader + 1 worker) x 8 GPUs
    expect(r.fields.hardware).toMatchObject({ gpus: 32, gpus_per_node: 8, preset: 'h100-sxm' });
  });

  it('substitutes env values, $(LWS_GROUP_SIZE) and $(( )) into the flags', () => {
    // TP_SIZE=8; pipeline = LWS_GROUP_SIZE = 2; dp = 1 per group x 2 replicas
    expect(r.fields.parallelism).toMatchObject({ tp: 8, pp: 2, dp: 2 });
    // --max-num-seqs = 128 x 2 = 256 per engine, 2 engines
    expect(r.fields.workload?.concurrency).toBe(512);
    expect(r.fields.workload?.memory_fraction).toBe(0.92);
    expect(r.context?.tokens).toBe(16384);
    expect(r.fields.model).toMatchObject({ preset: 'llama-3.1-70b', kv_cache_dtype: 'fp8' });
  });

  it('points each figure at the line where it is written', () => {
    expect(r.origins['parallelism.tp']).toBe(`vllm-lws.yaml:${lineOf(text, /--tensor-parallel-size/)}`);
    expect(r.origins['parallelism.pp']).toBe(`vllm-lws.yaml:${lineOf(text, /--pipeline_parallel_size/)}`);
    expect(r.origins['workload.concurrency']).toBe(`vllm-lws.yaml:${lineOf(text, /--max-num-seqs/)}`);
    expect(r.origins['parallelism.dp']).toBe(`vllm-lws.yaml:${lineOf(text, /^ {2}replicas: 2/)}`);
    expect(r.origins['hardware.gpus']).toBe(`vllm-lws.yaml:${lineOf(text, /nvidia.com\/gpu: "8"/)}`);
  });

  it('says nothing about variables the engine flags do not use (HF_TOKEN from a Secret)', () => {
    expect(r.warnings).toEqual([]);
  });
});

describe('LeaderWorkerSet running SGLang with DP attention', () => {
  const r = ok(importFixtureFile('sglang-lws.yaml'));
  it('reads --tp as the device count of the group', () => {
    // --tp = 8 x 2 = 16 = --dp with DP attention: attention tp 1, dp 16; --ep-size 16: moe_tp = 1
    expect(r.fields.parallelism).toMatchObject({ tp: 1, dp: 16, ep: 16, etp: 1 });
    expect(r.fields.hardware).toMatchObject({ gpus: 16, gpus_per_node: 8, preset: 'h200' });
    expect(r.fields.workload).toMatchObject({ concurrency: 1024 });
    expect(r.fields.workload?.memory_fraction).toBe(0.85);
    expect(r.fields.model).toMatchObject({ preset: 'deepseek-v3', kv_cache_dtype: 'fp8' });
  });
});

describe('LeaderWorkerSet running trtllm-serve under mpirun, options in a ConfigMap', () => {
  const text = importFixture('trtllm-lws.yaml');
  const r = ok(importFixtureFile('trtllm-lws.yaml'));
  it('applies enable_attention_dp from the ConfigMap and reads the FP8 checkpoint name', () => {
    // tp_size = 2 x 8 = 16 with attention DP: tp 1, dp 16; ep 16: moe_tp 1; 128 per rank x 16 ranks
    expect(r.fields.parallelism).toMatchObject({ tp: 1, dp: 16, ep: 16, etp: 1 });
    expect(r.fields.workload).toMatchObject({ concurrency: 2048, max_batched_tokens: 8192 });
    expect(r.fields.model).toMatchObject({ preset: 'qwen3-235b-a22b', weight_dtype: 'fp8', kv_cache_dtype: 'fp8' });
    expect(r.fields.hardware).toMatchObject({ gpus: 16, preset: 'b200' });
  });
  it('names the ConfigMap line for settings read from it', () => {
    expect(r.origins['model.kv_cache_dtype']).toBe(`trtllm-lws.yaml:${lineOf(text, /^\s+dtype: fp8/)}`);
  });
});

describe('Deployment with argv args and a --config in a ConfigMap', () => {
  const text = importFixture('vllm-deployment.yaml');
  const r = ok(importFixtureFile('vllm-deployment.yaml', { engine: 'vllm' }));
  it('takes args as the entrypoint flags, Kubernetes $(VAR) substituted', () => {
    // 3 replicas x 1 GPU; --max-num-seqs=$(MAX_SEQS) = 128 per replica (wins over the file's 64)
    expect(r.fields.hardware).toMatchObject({ gpus: 3, preset: 'l40s' });
    expect(r.fields.parallelism).toMatchObject({ tp: 1, dp: 3 });
    expect(r.fields.workload?.concurrency).toBe(384);
    expect(r.fields.workload?.memory_fraction).toBe(0.85);
    expect(r.origins['workload.memory_fraction']).toBe(`vllm-deployment.yaml:${lineOf(text, /gpu_memory_utilization/)}`);
  });
  it('warns, naming the variable, when a flag uses one the manifest does not define', () => {
    expect(r.warnings.join('\n')).toContain(`vllm-deployment.yaml:${lineOf(text, /BATCHED_TOKENS/)}: could not resolve BATCHED_TOKENS`);
    expect(r.fields.workload?.max_batched_tokens).toBeUndefined();
  });
});

describe('variables the cluster sets (valueFrom)', () => {
  const manifest = (flagValue: string, shell = true) =>
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: d}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: vllm',
      '          env:',
      '            - name: GPU_UTIL',
      '              valueFrom:',
      '                configMapKeyRef: {name: tuning, key: gpu_util}',
      shell
        ? `          command: ["/bin/sh", "-c", "vllm serve m --gpu-memory-utilization ${flagValue} --max-num-seqs 8"]`
        : `          command: ["vllm", "serve", "m", "--gpu-memory-utilization", "${flagValue}", "--max-num-seqs", "8"]`,
      '          resources: {limits: {nvidia.com/gpu: 1}}',
    ].join('\n');
  const valueFromWarnings = (r: { warnings: string[] }) => r.warnings.filter((w) => w.includes('GPU_UTIL'));

  it('a ${VAR:-default} on a valueFrom variable is unknown, not the default: the flag is ignored, with one warning that says why', () => {
    const r = ok(importText('d.yaml', manifest('${GPU_UTIL:-0.5}')));
    expect(r.fields.workload?.memory_fraction).toBeUndefined();
    const warned = valueFromWarnings(r);
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(
      /d\.yaml:13: could not resolve GPU_UTIL \(set in the pod by valueFrom, not in the manifest; a default applies only if that leaves it unset or empty\) in --gpu-memory-utilization; the flag is ignored/,
    );
    expect(warned[0]).not.toContain('0.5');
  });

  it('warns once, not twice, for $VAR and $(VAR) on a valueFrom variable', () => {
    for (const v of ['$GPU_UTIL', '$(GPU_UTIL)']) {
      const r = ok(importText('d.yaml', manifest(v)));
      expect(r.fields.workload?.memory_fraction, v).toBeUndefined();
      expect(valueFromWarnings(r), v).toHaveLength(1);
      expect(valueFromWarnings(r)[0], v).toMatch(/valueFrom/);
    }
    const argv = ok(importText('d.yaml', manifest('$(GPU_UTIL)', false)));
    expect(valueFromWarnings(argv)).toHaveLength(1);
    expect(valueFromWarnings(argv)[0]).toMatch(/could not resolve GPU_UTIL \(set in the pod by valueFrom/);
  });

  it('names the whole variable of a ${VAR:-default} that an argv without a shell passes as written', () => {
    const r = ok(importText('d.yaml', manifest('${UTIL:-0.5}', false)));
    expect(r.fields.workload?.memory_fraction).toBeUndefined();
    const text = r.warnings.join('\n');
    expect(text).toMatch(/could not resolve UTIL \(argv without a shell: not expanded\) in --gpu-memory-utilization/);
    expect(text).not.toContain('${UTIL');
  });
});

describe('KServe LLMInferenceService', () => {
  it('reads spec.parallelism and spec.replicas with vLLM semantics', () => {
    const r = ok(importFixtureFile('kserve-llmisvc.yaml'));
    // tensor 2 x 2 replicas
    expect(r.fields.parallelism).toMatchObject({ tp: 2, dp: 2 });
    expect(r.fields.hardware?.gpus).toBe(4);
    expect(r.fields.model?.preset).toBe('qwen3-32b');
    expect(r.fields.workload?.concurrency).toBe(192);
  });

  it("multiplies --max-num-seqs by spec.parallelism.data (vLLM's cap is per DP rank), as vllm serve --data-parallel-size does", () => {
    const service = [
      'apiVersion: serving.kserve.io/v1alpha1',
      'kind: LLMInferenceService',
      'metadata: {name: q}',
      'spec:',
      '  model: {uri: hf://Qwen/Qwen3-30B-A3B}',
      '  parallelism: {tensor: 1, data: 2, expert: true}',
      '  template:',
      '    containers:',
      '      - name: main',
      '        args: ["--max-num-seqs", "128"]',
      '        resources: {limits: {nvidia.com/gpu: "2"}}',
    ].join('\n');
    const r = ok(importText('llmisvc.yaml', service));
    const serve = ok(importText('serve.sh', 'vllm serve Qwen/Qwen3-30B-A3B --data-parallel-size 2 --enable-expert-parallel --max-num-seqs 128'));
    expect(r.fields.workload?.max_running_sequences).toBe(256);
    expect(r.fields.workload).toEqual(serve.fields.workload);
    expect(r.fields.parallelism).toEqual(serve.fields.parallelism);
  });
});

describe('manifests that cannot be imported as they are', () => {
  it('refuses a Helm template and says to render it, at the first template line', () => {
    const e = failed(importFixtureFile('helm-template.yaml'));
    expect(e.error).toMatch(/helm template/);
    expect(e.line).toBe(lineOf(importFixture('helm-template.yaml'), /\{\{/));
  });

  it('imports a rendered manifest whose ConfigMap holds a Jinja chat template ({{ }} inside a block or quoted scalar)', () => {
    const manifest = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: chat}',
      'data:',
      '  template.jinja: |',
      "    {{ bos_token }}{% for message in messages %}{{- '<|im_start|>' + message['role'] }}",
      "    {{ message['content'] }}{% endfor %}",
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: d}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: vllm',
      '          command: ["vllm", "serve", "Qwen/Qwen3-32B", "--chat-template", "{{ bos_token }}"]',
      '          resources: {limits: {nvidia.com/gpu: 1}}',
    ].join('\n');
    const r = ok(importText('d.yaml', manifest));
    expect(r.fields.model?.preset).toBe('qwen3-32b');
  });

  it('still refuses Helm actions inside block and quoted scalars, and where YAML structure is', () => {
    const inBlock = ['apiVersion: v1', 'kind: ConfigMap', 'data:', '  run.sh: |', '    vllm serve {{ .Values.model }}'].join('\n');
    expect(failed(importText('cm.yaml', inBlock))).toMatchObject({ error: expect.stringMatching(/helm template/), line: 5 });
    const trimmed = ['apiVersion: v1', 'kind: ConfigMap', 'data:', '  run.sh: |', '    {{- include "x" . | nindent 4 }}'].join('\n');
    expect(failed(importText('cm.yaml', trimmed)).line).toBe(5);
    const structure = ['apiVersion: v1', 'kind: ConfigMap', '{{- if .Values.enabled }}', 'data: {a: b}', '{{- end }}'].join('\n');
    expect(failed(importText('cm.yaml', structure)).line).toBe(3);
    const bare = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: {{ name }}'].join('\n');
    expect(failed(importText('cm.yaml', bare)).line).toBe(4);
    // a function applied to the chart's data, quoted or in a block (a code review: these were imported)
    const quoted = ['apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: vllm', '      args:', '        - "{{ int .Values.tp }}"'].join('\n');
    expect(failed(importText('p.yaml', quoted)).line).toBe(7);
    const piped = ['apiVersion: v1', 'kind: ConfigMap', 'data:', '  run.sh: |', '    vllm serve {{ upper $model }} --tp {{ add (int .Values.tp) 1 }}'].join(
      '\n',
    );
    expect(failed(importText('cm.yaml', piped)).line).toBe(5);
    const nested = ['apiVersion: v1', 'kind: ConfigMap', 'data:', "  a: '--max-model-len={{ toString (.Values.maxLen) }}'"].join('\n');
    expect(failed(importText('cm.yaml', nested)).line).toBe(4);
  });

  it('says which kinds it found when none runs GPUs', () => {
    const e = failed(importText('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n'));
    expect(e.error).toMatch(/found: 'ConfigMap'/);
  });

  it('warns when the engine uses fewer GPUs than the pod asks for', () => {
    const manifest = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: d}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: vllm',
      '          command: ["vllm", "serve", "m", "--tensor-parallel-size", "4"]',
      '          resources: {limits: {nvidia.com/gpu: 8}}',
    ].join('\n');
    const r = ok(importText('d.yaml', manifest));
    expect(r.fields.hardware?.gpus).toBe(8);
    expect(r.warnings.join('\n')).toMatch(/4 GPUs per instance but the Deployment gives each instance 8/);
  });

  it('picks the container named by the plan among several engines', () => {
    const pod = (name: string, tp: number) =>
      `        - name: ${name}\n          command: ["vllm", "serve", "m", "--tp", "${tp}"]\n          resources: {limits: {nvidia.com/gpu: ${tp}}}`;
    const manifest = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', pod('prefill', 2), pod('decode', 4)]
      .join('\n')
      .replace(/^ {4}/gm, '  ');
    const first = ok(importText('p.yaml', manifest));
    expect(first.fields.parallelism?.tp).toBe(2);
    expect(first.warnings.join('\n')).toMatch(/2 containers start an engine/);
    expect(ok(importText('p.yaml', manifest, { container: 'decode' })).fields.parallelism?.tp).toBe(4);
  });
});

describe('Dynamo DynamoGraphDeployment', () => {
  it('reads a prefill and a decode service as a disaggregated deployment (import-disagg.test.ts)', () => {
    const r = ok(importFixtureFile('dynamo-dgd.yaml'));
    expect(r.fields.parallelism).toBeUndefined();
    expect(r.fields.disaggregation?.decode).toMatchObject({ workers: 2, gpus: 2 });
    expect(r.fields.model?.preset).toBe('qwen3-32b');
    expect(r.warnings).toEqual([]);
  });

  it('reads the service the plan names', () => {
    const r = ok(importFixtureFile('dynamo-dgd.yaml', { container: 'VllmPrefillWorker' }));
    expect(r.fields.parallelism).toMatchObject({ tp: 1, dp: 1 });
    expect(r.fields.hardware?.gpus).toBe(1);
  });
});

describe('a whole command line in one argv item, without a shell', () => {
  const manifest = (command: string, args: string) =>
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: llama}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: vllm',
      `          command: ${command}`,
      `          args: ${args}`,
      '          resources: {limits: {nvidia.com/gpu: 4}}',
    ].join('\n');

  it('is warned about at its line, and not split (the engine gets one word and refuses it)', () => {
    const r = ok(
      importText(
        'deploy.yaml',
        manifest(
          '["python3", "-m", "vllm.entrypoints.openai.api_server"]',
          '["--model meta-llama/Llama-3.1-70B-Instruct --tensor-parallel-size 4 --max-num-seqs 32"]',
        ),
      ),
    );
    expect(r.warnings.join('\n')).toMatch(
      /deploy\.yaml:10: one argument holds spaces and flags \(no shell splits it\): vLLM gets it as one word and refuses it/,
    );
    // nothing in it is read, and it is not quoted back
    expect(r.fields.parallelism?.tp).toBe(1);
    expect(r.fields.workload?.max_running_sequences).toBeUndefined();
    expect(r.warnings.join('\n')).not.toMatch(/Llama-3\.1-70B|--tensor-parallel-size 4/);
  });

  it('says nothing of values with spaces (a JSON config) or of the same line run through sh -c', () => {
    const json = ok(
      importText('deploy.yaml', manifest('["vllm", "serve"]', '["m", "--speculative-config", "{\\"method\\": \\"ngram\\", \\"num_speculative_tokens\\": 4}"]')),
    );
    expect(json.warnings.join('\n')).not.toMatch(/one argument/);
    const shell = ok(importText('deploy.yaml', manifest('["sh", "-c"]', '["vllm serve m --tensor-parallel-size 4 --max-num-seqs 32"]')));
    expect(shell.warnings.join('\n')).not.toMatch(/one argument/);
    expect(shell.fields.parallelism?.tp).toBe(4);
  });
});
