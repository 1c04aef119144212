// Node labels and GPU resources -> the accelerator a manifest runs on: which preset a label names,
// and what a MIG slice (nvidia.com/mig-<g>g.<mem>gb) gives a pod.
import { describe, expect, it } from 'vitest';
import { presetForLabel } from '../src/import/gpu-labels.js';
import { hardwarePreset } from '../src/presets/index.js';
import { importText, ok } from './import-helpers.js';

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
