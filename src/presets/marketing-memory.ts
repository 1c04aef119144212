// The memory each accelerator is sold with, in GB as the vendor prints it ("H100 80GB"), next to
// what the device reports (the presets' `memory`). A plan that writes the printed figure means
// less (80 GB = 74.5 GiB) or more (80 GiB) than the device has; the loader warns about it.
import { HARDWARE_PRESETS } from './hardware.js';
import { lookup } from './lookup.js';

/** Printed capacities per preset id; several where a product was sold under two figures. */
const PRINTED_GB: Readonly<Record<string, readonly number[]>> = {
  'a100-40gb': [40],
  'a100-80gb': [80],
  'h100-sxm': [80],
  'h100-pcie': [80],
  'h100-nvl': [94],
  h200: [141],
  h20: [96],
  b200: [192, 180], // announced with 192 GB; HGX/DGX B200 list 180 GB per GPU (1,440 GB over 8)
  gb200: [192, 186], // NVL72 lists 13.4 TB of HBM3e over 72 GPUs (186 GB each)
  mi300x: [192],
  mi325x: [256],
  l40s: [48],
  'rtx-4090': [24],
  'ascend-910b': [64],
};

/** The printed figures of a preset: from the table, else read from its name ("... 80GB ..."). */
export function printedMemoryGb(presetId: string): number[] {
  const listed = lookup(PRINTED_GB, presetId);
  if (listed) return [...listed];
  const name = lookup(HARDWARE_PRESETS, presetId)?.name ?? '';
  const match = /(\d+)\s*GB\b/.exec(name);
  return match ? [Number(match[1])] : [];
}
