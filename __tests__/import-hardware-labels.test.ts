// Node labels and GPU resources -> the accelerator a manifest runs on: which preset a label names,
// and what a MIG slice (nvidia.com/mig-<g>g.<mem>gb) gives a pod.
import { describe, expect, it } from 'vitest';
import { migProfile, presetForLabel } from '../src/import/gpu-labels.js';
import { verifyPlanText } from '../src/core/index.js';
import type { ReadReference } from '../src/core/types.js';
import { hardwarePreset } from '../src/presets/index.js';
import { importFixture, importText, ok } from './import-helpers.js';

const GiB = 2 ** 30;

/** A one-container Deployment running `command` with these node labels and resource limits. */
function deployment(command: string, selector: string, limits: string): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: d}',
    'spec:',
    '  template:',
    '    spec:',
    `      nodeSelector: {${selector}}`,
    '      containers:',
    '        - name: vllm',
    `          command: [${command
      .split(' ')
      .map((w) => JSON.stringify(w))
      .join(', ')}]`,
    `          resources: {limits: {${limits}}}`,
  ].join('\n');
}

describe('H100 NVL', () => {
  it('the NVIDIA-H100-NVL label is the h100-nvl preset (94 GB HBM3, 3.9 TB/s), not the 80 GB PCIe card', () => {
    expect(presetForLabel('nvidia.com/gpu.product', 'NVIDIA-H100-NVL')).toBe('h100-nvl');
    expect(presetForLabel('nvidia.com/gpu.product', 'NVIDIA-H100-PCIe')).toBe('h100-pcie');
    const r = ok(importText('d.yaml', deployment('vllm serve Qwen/Qwen3-32B', 'nvidia.com/gpu.product: NVIDIA-H100-NVL', 'nvidia.com/gpu: 1')));
    expect(r.fields.hardware?.preset).toBe('h100-nvl');
  });

  it('carries the datasheet figures: 3.9 TB/s, dense BF16 835.5 and FP8 1,670.5 TFLOPS, more memory than the 80 GB parts', () => {
    const nvl = hardwarePreset('h100-nvl')!.spec;
    expect(nvl.memory_bandwidth).toBe(3.9e12);
    expect(nvl.peak_tflops).toBe(835.5e12);
    expect(nvl.peak_tflops_fp8).toBe(1670.5e12);
    expect(nvl.memory! / GiB).toBeCloseTo(93.0, 2);
    expect(nvl.memory!).toBeGreaterThan(hardwarePreset('h100-pcie')!.spec.memory!);
  });
});

describe('MIG slices', () => {
  const h100 = hardwarePreset('h100-sxm')!.spec;

  it('nvidia.com/mig-3g.40gb on an H100 80GB node is half its memory and bandwidth and 3/7 of its compute, not a whole H100', () => {
    const r = ok(
      importText(
        'd.yaml',
        deployment(
          'vllm serve meta-llama/Llama-3.1-70B-Instruct --quantization fp8',
          'nvidia.com/gpu.product: NVIDIA-H100-80GB-HBM3',
          'nvidia.com/mig-3g.40gb: 1',
        ),
      ),
    );
    expect(r.fields.hardware).toMatchObject({ preset: 'h100-sxm', gpus: 1 });
    // 4 of 8 memory slices: 79.19 GiB / 2; 3 of 7 SM slices
    expect((r.fields.hardware?.memory as number) / GiB).toBeCloseTo(79.19 / 2, 2);
    expect(r.fields.hardware?.memory_bandwidth).toBeCloseTo(h100.memory_bandwidth! / 2, 0);
    expect(r.fields.hardware?.peak_tflops).toBeCloseTo((h100.peak_tflops! * 3) / 7, 0);
    expect(r.fields.hardware?.peak_tflops_fp8).toBeCloseTo((h100.peak_tflops_fp8! * 3) / 7, 0);
    expect(r.origins['hardware.memory']).toBe(`d.yaml:${11}`);
    expect(r.warnings.join('\n')).toMatch(/MIG slice 3g\.40gb of an NVIDIA H100 80GB SXM: read as a device of 39\.6 GiB with 3\/7 of its compute and 4\/8/);
  });

  it('a MIG product label (the single strategy: nvidia.com/gpu counts slices) is read the same way', () => {
    const r = ok(importText('d.yaml', deployment('vllm serve Qwen/Qwen3-8B', 'nvidia.com/gpu.product: NVIDIA-A100-SXM4-40GB-MIG-1g.5gb', 'nvidia.com/gpu: 1')));
    const a100 = hardwarePreset('a100-40gb')!.spec;
    expect(r.fields.hardware?.preset).toBe('a100-40gb');
    expect(r.fields.hardware?.memory).toBe(Math.round(a100.memory! / 8));
    expect(r.fields.hardware?.peak_tflops).toBeCloseTo(a100.peak_tflops! / 7, 0);
  });

  it('without a label naming the GPU: the memory the profile prints, and a warning that compute is not scaled', () => {
    const r = ok(importText('d.yaml', deployment('vllm serve Qwen/Qwen3-8B', 'kubernetes.io/os: linux', 'nvidia.com/mig-2g.20gb: 1')));
    expect(r.fields.hardware?.memory).toBe(20e9);
    expect(r.fields.hardware?.peak_tflops).toBeUndefined();
    expect(r.warnings.join('\n')).toMatch(/MIG slice 2g\.20gb: read as a device of 20 GB .* compute and memory bandwidth are not scaled/);
  });

  it('memory.fits fails for Llama 3.1 70B fp8 on one 3g.40gb slice (it passed against a whole H100)', () => {
    const files: Record<string, string> = {
      'd.yaml': deployment(
        'vllm serve meta-llama/Llama-3.1-70B-Instruct --quantization fp8 --max-model-len 8192 --max-num-seqs 8',
        'nvidia.com/gpu.product: NVIDIA-H100-80GB-HBM3',
        'nvidia.com/mig-3g.40gb: 1',
      ),
    };
    const read: ReadReference = (_plan, ref) => (Object.hasOwn(files, ref) ? { text: files[ref] as string } : { error: 'no such file' });
    const report = verifyPlanText('p.plan.yaml', 'version: 1\ndeployment: {from: d.yaml}\nworkload: {input_tokens: 2048, output_tokens: 512}\n', read);
    expect(report.errors ?? []).toEqual([]);
    const fits = report.checks?.find((c) => c.id === 'memory.fits');
    expect(fits?.status).toBe('fail');
  });
});

describe('a MIG product label under nodeAffinity or in pools', () => {
  const memoryFits = (files: Record<string, string>) => {
    const read: ReadReference = (_plan, ref) => (Object.hasOwn(files, ref) ? { text: files[ref] as string } : { error: 'no such file' });
    const report = verifyPlanText('p.plan.yaml', 'version: 1\ndeployment: {from: d.yaml}\nworkload: {input_tokens: 2048, output_tokens: 512}\n', read);
    expect(report.errors ?? []).toEqual([]);
    return report.checks?.find((c) => c.id === 'memory.fits')?.status;
  };
  const affinity = (product: string) =>
    deployment(
      'vllm serve meta-llama/Llama-3.1-70B-Instruct --quantization fp8 --max-model-len 4096 --max-num-seqs 8',
      'kubernetes.io/os: linux',
      'nvidia.com/gpu: 1',
    ).replace(
      '      containers:',
      [
        '      affinity:',
        '        nodeAffinity:',
        '          requiredDuringSchedulingIgnoredDuringExecution:',
        '            nodeSelectorTerms:',
        `              - matchExpressions: [{key: nvidia.com/gpu.product, operator: In, values: [${product}]}]`,
        '      containers:',
      ].join('\n'),
    );

  it('a single-strategy MIG label in nodeAffinity is the slice, as under nodeSelector: memory.fits fails for 70B fp8 on 3g.40gb', () => {
    const r = ok(importText('d.yaml', affinity('NVIDIA-H100-80GB-HBM3-MIG-3g.40gb')));
    expect(r.fields.hardware?.preset).toBe('h100-sxm');
    expect((r.fields.hardware?.memory as number) / GiB).toBeCloseTo(79.19 / 2, 2);
    expect(r.warnings.join('\n')).toMatch(/MIG slice 3g\.40gb of an NVIDIA H100 80GB SXM/);
    expect(memoryFits({ 'd.yaml': affinity('NVIDIA-H100-80GB-HBM3-MIG-3g.40gb') })).toBe('fail');
    // the whole GPU still fits
    expect(memoryFits({ 'd.yaml': affinity('NVIDIA-H100-80GB-HBM3') })).toBe('pass');
  });

  it('of several MIG labels in nodeAffinity, the smallest slice is read (the pod may land there)', () => {
    const r = ok(importText('d.yaml', affinity('NVIDIA-H100-80GB-HBM3-MIG-3g.40gb, NVIDIA-H100-80GB-HBM3-MIG-2g.20gb')));
    expect(r.warnings.join('\n')).toMatch(/MIG slice 2g\.20gb of an NVIDIA H100 80GB SXM/);
  });

  it('a disaggregated deployment on a single-strategy MIG label is warned about: its pools are read as whole GPUs', () => {
    const text = importFixture('llmd-pd.yaml').replaceAll('NVIDIA-H200', 'NVIDIA-H100-80GB-HBM3-MIG-3g.40gb');
    const r = ok(importText('llmd-pd.yaml', text));
    expect(r.fields.disaggregation).toBeDefined();
    expect(r.warnings.join('\n')).toMatch(/llmd-pd\.yaml:\d+: MIG slice 3g\.40gb is not modelled in a disaggregated deployment/);
  });

  it('KServe prefill and decode pools on a MIG slice (label or limit) are warned about', () => {
    const base = importFixture('kserve-pd.yaml');
    const label = ok(importText('kserve-pd.yaml', base.replace('NVIDIA-H100-80GB-HBM3', 'NVIDIA-H100-80GB-HBM3-MIG-3g.40gb')));
    expect(label.fields.disaggregation).toBeDefined();
    expect(label.warnings.join('\n')).toMatch(/MIG slice 3g\.40gb is not modelled in a disaggregated deployment/);
    const limit = ok(importText('kserve-pd.yaml', base.replace('nvidia.com/gpu: "2"', 'nvidia.com/mig-3g.40gb: "2"')));
    expect(limit.warnings.join('\n')).toMatch(/MIG slice 3g\.40gb is not modelled in a disaggregated deployment/);
  });
});

describe('MIG profile names that are no profile (an attacker review: mig-1g.999...9gb read as Infinity GB and passed memory.fits)', () => {
  it('reads real profiles and refuses sizes past a whole GPU, zero slices, and numbers written otherwise', () => {
    expect(migProfile('nvidia.com/mig-3g.40gb')).toEqual({ g: 3, gb: 40, name: '3g.40gb' });
    expect(migProfile('nvidia.com/mig-7g.141gb')?.gb).toBe(141);
    for (const name of [
      `nvidia.com/mig-1g.${'9'.repeat(400)}gb`,
      'nvidia.com/mig-1g.99999999999999999999gb',
      'nvidia.com/mig-1g.2048gb',
      'nvidia.com/mig-0g.10gb',
      'nvidia.com/mig-8g.80gb',
      'nvidia.com/mig-1g.000001gb',
    ])
      expect(migProfile(name), name).toBeUndefined();
  });
  it('says which MIG resource it could not read, by line, without repeating it', () => {
    const manifest = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: d}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: vllm',
      '          command: ["vllm", "serve", "meta-llama/Llama-3.1-8B-Instruct", "--tensor-parallel-size", "1"]',
      '          resources:',
      '            limits:',
      `              nvidia.com/mig-1g.${'9'.repeat(400)}gb: 1`,
    ].join('\n');
    const r = ok(importText('d.yaml', manifest));
    const text = r.warnings.join('\n');
    expect(text).toMatch(/the nvidia\.com\/mig-\* resource at line 12 is no MIG profile this reads/);
    expect(text).not.toMatch(/9999/);
    expect(r.fields.hardware?.memory).toBeUndefined();
  });
});
