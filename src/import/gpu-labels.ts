// Node labels and instance types that name an accelerator -> hardware preset ids.
// Label values as published: NVIDIA GPU feature discovery (nvidia.com/gpu.product, e.g.
// "NVIDIA-H100-80GB-HBM3"), GKE (cloud.google.com/gke-accelerator, e.g. "nvidia-h100-80gb"),
// AWS instance types (node.kubernetes.io/instance-type: p5.48xlarge = 8x H100, p5e/p5en = 8x H200,
// p4d = 8x A100 40GB, p4de = 8x A100 80GB).
import type { HardwareSpec } from '../core/types.js';

const PATTERNS: readonly [RegExp, string][] = [
  [/gb300/i, 'gb300'],
  [/gb200/i, 'gb200'],
  [/b300/i, 'b300'],
  [/b200/i, 'b200'],
  [/rtx.?pro.?6000/i, 'rtx-pro-6000'],
  [/h200/i, 'h200'],
  // H100 NVL (94 GB HBM3, 3.9 TB/s) is not the H100 PCIe (80 GB HBM2e, 2 TB/s): H100 datasheet
  [/h100.*nvl/i, 'h100-nvl'],
  [/h100.*pcie/i, 'h100-pcie'],
  [/h100/i, 'h100-sxm'],
  [/h20.*141/i, 'h20-141gb'],
  [/\bh20\b|-h20$|^h20$/i, 'h20'],
  [/a100.*80/i, 'a100-80gb'],
  [/a100/i, 'a100-40gb'],
  [/l40s/i, 'l40s'],
  [/4090/i, 'rtx-4090'],
  [/mi355/i, 'mi355x'],
  [/mi325/i, 'mi325x'],
  [/mi300/i, 'mi300x'],
  [/910b/i, 'ascend-910b'],
];

const INSTANCE_TYPES: readonly [RegExp, string][] = [
  [/^p5en?\./, 'h200'],
  [/^p5e\./, 'h200'],
  [/^p5\./, 'h100-sxm'],
  [/^p4de\./, 'a100-80gb'],
  [/^p4d\./, 'a100-40gb'],
  [/^p6-b300\./, 'b300'],
  [/^p6-b200\./, 'b200'],
  [/^a3-(high|mega|edge)gpu/, 'h100-sxm'],
  [/^a3-ultragpu/, 'h200'],
  [/^a4-highgpu/, 'b200'],
];

const ACCELERATOR_LABELS = ['nvidia.com/gpu.product', 'cloud.google.com/gke-accelerator', 'amd.com/gpu.product-name', 'accelerator'];
const INSTANCE_LABELS = ['node.kubernetes.io/instance-type', 'beta.kubernetes.io/instance-type'];

/** The hardware preset a node label names, or undefined. */
export function presetForLabel(label: string, value: string): string | undefined {
  if (INSTANCE_LABELS.includes(label)) return INSTANCE_TYPES.find(([re]) => re.test(value))?.[1];
  if (ACCELERATOR_LABELS.includes(label) || /gpu|accelerator/i.test(label)) return PATTERNS.find(([re]) => re.test(value))?.[1];
  return undefined;
}

/** A MIG slice: <g>g.<mem>gb, as the device plugin names its resources and GPU feature discovery its products. */
export interface MigProfile {
  /** compute (SM) slices, of 7 */
  g: number;
  /** the memory the profile's name prints, GB */
  gb: number;
  name: string;
}

/** The most memory a MIG profile's name may print, GB. */
export const MAX_SLICE_GB = 1024;

/** The MIG profile in a resource name (nvidia.com/mig-3g.40gb) or a product label (NVIDIA-H100-80GB-HBM3-MIG-3g.40gb). */
export function migProfile(text: string): MigProfile | undefined {
  const m = /mig-(\d+)g\.(\d+)gb$/i.exec(text);
  if (!m) return undefined;
  const g = Number(m[1]);
  const gb = Number(m[2]);
  // no slice holds more than a whole GPU (H200 7g.141gb, B200 7g.180gb): past 1,024 GB the name is no
  // profile (an attacker's mig-1g.999...9gb read as Infinity GB and passed memory.fits)
  return g >= 1 && g <= 7 && gb > 0 && gb <= MAX_SLICE_GB && String(gb) === m[2] ? { g, gb, name: `${g}g.${gb}gb` } : undefined;
}

/**
 * GPUs whose MIG profiles split 7 SM slices and 8 memory slices (NVIDIA MIG User Guide, "Supported
 * GPUs" and "Supported MIG Profiles": A100 40GB/80GB, H100 SXM/PCIe/NVL, H200).
 */
const SEVEN_SLICE = new Set(['a100-40gb', 'a100-80gb', 'h100-sxm', 'h100-pcie', 'h100-nvl', 'h200']);

/**
 * What one MIG slice of a preset's GPU has. NVIDIA MIG User Guide, "Terminology"
 * (https://docs.nvidia.com/datacenter/tesla/mig-user-guide/): a GPU memory slice is roughly one
 * eighth of the GPU's memory, capacity and bandwidth both (its memory controllers and L2 go with it);
 * an SM slice roughly one seventh of the SMs. A <g>g.<mem>gb profile holds g SM slices and the memory
 * slices its printed memory is of the printed total (3g.40gb of an 80 GB H100: 4 of 8). Undefined for
 * a GPU not known to slice that way.
 */
export function migSlice(
  preset: HardwareSpec | undefined,
  presetId: string | undefined,
  printedGb: number | undefined,
  profile: MigProfile,
): { spec: Partial<HardwareSpec>; memorySlices: number } | undefined {
  if (preset === undefined || presetId === undefined || printedGb === undefined || !SEVEN_SLICE.has(presetId)) return undefined;
  const memorySlices = Math.min(8, Math.max(1, Math.round((8 * profile.gb) / printedGb)));
  const memory = memorySlices / 8;
  const compute = Math.min(7, profile.g) / 7;
  const scaled = (v: number | undefined): number | undefined => (v === undefined ? undefined : v * compute);
  const out: Partial<HardwareSpec> = {};
  if (preset.memory !== undefined) out.memory = Math.round(preset.memory * memory);
  if (preset.memory_bandwidth !== undefined) out.memory_bandwidth = preset.memory_bandwidth * memory;
  for (const key of ['peak_tflops', 'peak_tflops_fp8', 'peak_tflops_fp4', 'peak_tflops_int8'] as const) {
    const v = scaled(preset[key]);
    if (v !== undefined) out[key] = v;
  }
  return { spec: out, memorySlices };
}
