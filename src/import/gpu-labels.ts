// Node labels and instance types that name an accelerator -> hardware preset ids.
// Label values as published: NVIDIA GPU feature discovery (nvidia.com/gpu.product, e.g.
// "NVIDIA-H100-80GB-HBM3"), GKE (cloud.google.com/gke-accelerator, e.g. "nvidia-h100-80gb"),
// AWS instance types (node.kubernetes.io/instance-type: p5.48xlarge = 8x H100, p5e/p5en = 8x H200,
// p4d = 8x A100 40GB, p4de = 8x A100 80GB).
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
