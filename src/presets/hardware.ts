// Accelerator presets from vendor datasheets (URLs in `sources`), in SI units:
//   memory: bytes as the device reports it (nvidia-smi / rocm-smi / npu-smi), not the
//     marketing figure, where a reported figure is known; else the nominal capacity (see notes);
//   peak_tflops / peak_tflops_fp8 / peak_tflops_fp4: DENSE peaks in FLOP/s (datasheets
//     often print the 2:4-sparse figure, twice the dense one);
//   bandwidths: bytes/s per device, one direction;
//   power: W per device, the datasheet TDP (maximum board power), where the vendor publishes one.
// `gpus_per_node` is the size of the fast-interconnect domain of the usual server
// (8 for HGX / OAM boxes). Efficiencies, latencies and `gpus` are left to the core.
import type { HardwareSpec } from '../core/types.js';
import { deepFreeze, lookup } from './lookup.js';

export interface HardwarePreset {
  id: string;
  name: string;
  sources: string[];
  spec: HardwareSpec;
  notes?: string;
}

const MiB = 2 ** 20;
const GiB = 2 ** 30;
const TFLOPS = 1e12;
const GBps = 1e9;
const TBps = 1e12;
/** a network link rate in Gb/s as bytes/s */
const gbit = (gigabits: number): number => (gigabits * 1e9) / 8;

const A100_DATASHEET =
  'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf';
const H100_DATASHEET = 'https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet';
const HOPPER_WHITEPAPER = 'https://resources.nvidia.com/en-us-tensor-core/gtc22-whitepaper-hopper';
const H200_PAGE = 'https://www.nvidia.com/en-us/data-center/h200/';
const DGX_B200_PAGE = 'https://www.nvidia.com/en-us/data-center/dgx-b200/';
const HGX_PAGE = 'https://www.nvidia.com/en-us/data-center/hgx/';
const GB200_PAGE = 'https://www.nvidia.com/en-us/data-center/gb200-nvl72/';
const MI300X_PAGE = 'https://www.amd.com/en/products/accelerators/instinct/mi300/mi300x.html';
const MI325X_PAGE = 'https://www.amd.com/en/products/accelerators/instinct/mi300/mi325x.html';
const L40S_DATASHEET = 'https://resources.nvidia.com/en-us-l40s/l40s-datasheet-28413';
const ADA_WHITEPAPER =
  'https://images.nvidia.com/aem-dam/Solutions/geforce/ada/nvidia-ada-gpu-architecture.pdf';
const ASCEND_910B_PAGE = 'https://www.hiascend.com/hardware/product';

const ALL: readonly HardwarePreset[] = [
  {
    id: 'a100-40gb',
    name: 'NVIDIA A100 40GB SXM',
    sources: [A100_DATASHEET],
    spec: {
      name: 'NVIDIA A100 40GB SXM',
      gpus_per_node: 8,
      memory: 40_960 * MiB, // nvidia-smi: 40960MiB (older drivers show 40536MiB)
      peak_tflops: 312 * TFLOPS, // datasheet BF16 Tensor Core 312 (624 sparse)
      memory_bandwidth: 1555 * GBps, // datasheet 1,555 GB/s
      power: 400, // W, datasheet: max TDP 400 W (SXM)
      intra_node_bandwidth: 300 * GBps, // NVLink3 600 GB/s bidirectional
      inter_node_bandwidth: gbit(200), // DGX A100: one 200 Gb/s HDR InfiniBand NIC per GPU
    },
    notes:
      'No fp8 math (Ampere): fp8 weights run at the 16-bit peak. Some drivers report 40536 MiB rather than ' +
      '40960 MiB. HGX/DGX A100 8-GPU node assumed.',
  },
  {
    id: 'a100-80gb',
    name: 'NVIDIA A100 80GB SXM',
    sources: [A100_DATASHEET],
    spec: {
      name: 'NVIDIA A100 80GB SXM',
      gpus_per_node: 8,
      memory: 81_920 * MiB, // nvidia-smi: 81920MiB
      peak_tflops: 312 * TFLOPS, // datasheet BF16 Tensor Core 312 (624 sparse)
      memory_bandwidth: 2039 * GBps, // datasheet 2,039 GB/s (SXM)
      power: 400, // W, datasheet: max TDP 400 W (SXM)
      intra_node_bandwidth: 300 * GBps, // NVLink3 600 GB/s bidirectional
      inter_node_bandwidth: gbit(200), // DGX A100: one 200 Gb/s HDR InfiniBand NIC per GPU
    },
    notes: 'No fp8 math (Ampere): fp8 weights run at the 16-bit peak. HGX/DGX A100 8-GPU node assumed.',
  },
  {
    id: 'h100-sxm',
    name: 'NVIDIA H100 80GB SXM',
    sources: [H100_DATASHEET, HOPPER_WHITEPAPER],
    spec: {
      name: 'NVIDIA H100 80GB SXM',
      gpus_per_node: 8,
      memory: 81_559 * MiB, // nvidia-smi on an H100 80GB HBM3: 81559MiB (79.6 GiB)
      peak_tflops: 989.4 * TFLOPS, // datasheet BF16 Tensor Core 1,979 with sparsity; whitepaper dense 989.4
      peak_tflops_fp8: 1978.9 * TFLOPS, // datasheet FP8 3,958 with sparsity; whitepaper dense 1,978.9
      memory_bandwidth: 3.35 * TBps, // datasheet 3.35 TB/s
      power: 700, // W, datasheet: max TDP up to 700 W (configurable)
      intra_node_bandwidth: 450 * GBps, // NVLink4 900 GB/s bidirectional
      inter_node_bandwidth: gbit(400), // DGX H100: one 400 Gb/s NDR NIC per GPU
    },
    notes: 'HGX/DGX H100 8-GPU node assumed.',
  },
  {
    id: 'h100-pcie',
    name: 'NVIDIA H100 80GB PCIe',
    sources: [H100_DATASHEET],
    spec: {
      name: 'NVIDIA H100 80GB PCIe',
      gpus_per_node: 8,
      memory: 81_559 * MiB, // nvidia-smi: 81559MiB (80 GB HBM2e)
      peak_tflops: 756.5 * TFLOPS, // datasheet BF16 Tensor Core 1,513 with sparsity -> 756.5 dense
      peak_tflops_fp8: 1513 * TFLOPS, // datasheet FP8 3,026 with sparsity -> 1,513 dense
      memory_bandwidth: 2.0 * TBps, // datasheet 2 TB/s
      power: 350, // W, datasheet: max TDP 300-350 W (configurable); the upper figure
      intra_node_bandwidth: 64 * GBps, // PCIe Gen5 x16, one direction
      inter_node_bandwidth: gbit(400), // one 400 Gb/s NIC per GPU assumed
    },
    notes:
      'Intra-node traffic over PCIe Gen5 (64 GB/s one way); NVLink bridges (600 GB/s) join only pairs of cards, ' +
      'so a plan with bridged pairs should set intra_node_bandwidth itself. 8 cards per server assumed.',
  },
  {
    id: 'h200',
    name: 'NVIDIA H200 141GB SXM',
    sources: [H200_PAGE],
    spec: {
      name: 'NVIDIA H200 141GB SXM',
      gpus_per_node: 8,
      memory: 143_771 * MiB, // nvidia-smi on an H200: 143771MiB (140.4 GiB)
      peak_tflops: 989.4 * TFLOPS, // H200 SXM BF16 Tensor Core 1,979 with sparsity -> 989.4 dense (as H100 SXM)
      peak_tflops_fp8: 1978.9 * TFLOPS, // FP8 3,958 with sparsity -> 1,978.9 dense
      memory_bandwidth: 4.8 * TBps, // 4.8 TB/s
      power: 700, // W, H200 page: max TDP up to 700 W (configurable)
      intra_node_bandwidth: 450 * GBps, // NVLink4 900 GB/s bidirectional
      inter_node_bandwidth: gbit(400), // one 400 Gb/s NIC per GPU
    },
    notes: 'HGX H200 8-GPU node assumed.',
  },
  {
    id: 'h20',
    name: 'NVIDIA H20 96GB',
    sources: [HGX_PAGE],
    spec: {
      name: 'NVIDIA H20 96GB',
      gpus_per_node: 8,
      memory: 97_871 * MiB, // nvidia-smi on an H20 96GB: 97871MiB (95.6 GiB)
      peak_tflops: 148 * TFLOPS, // BF16 dense 148 (296 sparse)
      peak_tflops_fp8: 296 * TFLOPS, // FP8 dense 296 (592 sparse)
      memory_bandwidth: 4.0 * TBps, // 4.0 TB/s
      intra_node_bandwidth: 450 * GBps, // NVLink 900 GB/s bidirectional
      inter_node_bandwidth: gbit(400), // one 400 Gb/s NIC per GPU assumed
    },
    notes:
      'The 96 GB model (a 141 GB H20 exists too: set memory). Compute and bandwidth figures come from NVIDIA ' +
      'partner spec sheets (no public datasheet). 8-GPU HGX node assumed.',
  },
  {
    id: 'b200',
    name: 'NVIDIA B200 SXM',
    sources: [DGX_B200_PAGE, HGX_PAGE],
    spec: {
      name: 'NVIDIA B200 SXM',
      gpus_per_node: 8,
      memory: 183_359 * MiB, // nvidia-smi on a B200: 183359MiB (179 GiB; DGX B200 lists 1,440 GB over 8 GPUs)
      peak_tflops: 2250 * TFLOPS, // HGX B200 FP16/BF16 36 PFLOPS sparse / 8 GPUs / 2 -> 2.25 PF dense
      peak_tflops_fp8: 4500 * TFLOPS, // HGX B200 FP8 72 PFLOPS sparse / 8 / 2 -> 4.5 PF dense
      peak_tflops_fp4: 9000 * TFLOPS, // HGX B200 FP4 144 PFLOPS sparse / 8 / 2 -> 9 PF dense
      memory_bandwidth: 8 * TBps, // DGX B200: 64 TB/s over 8 GPUs
      power: 1000, // W, HGX B200: up to 1,000 W per GPU
      intra_node_bandwidth: 900 * GBps, // NVLink5 1.8 TB/s bidirectional
      inter_node_bandwidth: gbit(400), // DGX B200: 8x 400 Gb/s ConnectX-7, one per GPU
    },
    notes:
      '8-GPU HGX/DGX B200 node assumed (the 1,000 W part; air-cooled 700 W systems reach lower peaks).',
  },
  {
    id: 'gb200',
    name: 'NVIDIA GB200 (NVL72)',
    sources: [GB200_PAGE],
    spec: {
      name: 'NVIDIA GB200 (NVL72)',
      gpus_per_node: 72, // one NVLink domain of 72 GPUs
      memory: 189_471 * MiB, // nvidia-smi on a GB200: 189471MiB (185 GiB)
      peak_tflops: 2500 * TFLOPS, // NVL72 FP16/BF16 360 PFLOPS sparse / 72 / 2 -> 2.5 PF dense
      peak_tflops_fp8: 5000 * TFLOPS, // NVL72 FP8 720 PFLOPS sparse / 72 / 2 -> 5 PF dense
      peak_tflops_fp4: 10000 * TFLOPS, // NVL72 FP4 1,440 PFLOPS sparse / 72 / 2 -> 10 PF dense
      memory_bandwidth: 8 * TBps, // NVL72: 576 TB/s over 72 GPUs
      power: 1200, // W, B200 in GB200 NVL72: 1,200 W per GPU (Blackwell datasheet figures are given at this power)
      intra_node_bandwidth: 900 * GBps, // NVLink5 1.8 TB/s bidirectional
      inter_node_bandwidth: gbit(400), // NVL72 compute trays: one 400 Gb/s ConnectX-7 NIC per GPU
    },
    notes:
      'A "node" here is the 72-GPU NVLink domain of one NVL72 rack, so gpus_per_node is 72.',
  },
  {
    id: 'mi300x',
    name: 'AMD Instinct MI300X',
    sources: [MI300X_PAGE],
    spec: {
      name: 'AMD Instinct MI300X',
      gpus_per_node: 8,
      memory: 205_822_885_888, // rocm-smi "VRAM Total Memory (B)" on an MI300X: 205822885888 (191.7 GiB)
      peak_tflops: 1307.4 * TFLOPS, // BF16 dense 1,307.4 (2,614.9 sparse)
      peak_tflops_fp8: 2614.9 * TFLOPS, // FP8 dense 2,614.9 (5,229.8 sparse)
      memory_bandwidth: 5.3 * TBps, // 5.3 TB/s
      power: 750, // W, AMD: peak total board power 750 W
      intra_node_bandwidth: 448 * GBps, // Infinity Fabric: 7 links x 64 GB/s one way (to all 7 peers together)
      inter_node_bandwidth: gbit(400), // one 400 Gb/s NIC per GPU
      // Calibrated, not a datasheet figure: serving runs on MI300X (SGLang 0.5.7, vLLM 0.17 with ROCm)
      // reach about a third of HBM bandwidth in decode; the validation set's calibration cases fit
      // memory 0.35 and its held-out MI300X cases agree (validation/README.md, "Calibration").
      // Software, not the chip: a plan with a faster stack overrides hardware.efficiency.memory.
      efficiency: { memory: 0.35 },
    },
    notes:
      'Infinity Fabric is a full mesh: 448 GB/s one way only when a GPU talks ' +
      'to all 7 peers at once (all-reduce, all-to-all); 64 GB/s to a single peer. 8-GPU OAM platform assumed.',
  },
  {
    id: 'mi325x',
    name: 'AMD Instinct MI325X',
    sources: [MI325X_PAGE],
    spec: {
      name: 'AMD Instinct MI325X',
      gpus_per_node: 8,
      memory: 256 * GiB, // 256 GB HBM3E (8 stacks x 32 GiB)
      peak_tflops: 1307.4 * TFLOPS, // BF16 dense 1,307.4
      peak_tflops_fp8: 2614.9 * TFLOPS, // FP8 dense 2,614.9
      memory_bandwidth: 6 * TBps, // 6 TB/s
      power: 1000, // W, AMD: peak total board power 1,000 W
      intra_node_bandwidth: 448 * GBps, // Infinity Fabric: 7 links x 64 GB/s one way
      inter_node_bandwidth: gbit(400), // one 400 Gb/s NIC per GPU
    },
    notes:
      'Memory is the nominal 256 GB taken as GiB (8 x 32 GiB stacks); no figure read from a device was at hand, ' +
      'and the device reports a little less. 8-GPU OAM platform assumed.',
  },
  {
    id: 'l40s',
    name: 'NVIDIA L40S',
    sources: [L40S_DATASHEET],
    spec: {
      name: 'NVIDIA L40S',
      gpus_per_node: 8,
      memory: 46_068 * MiB, // nvidia-smi: 46068MiB (48 GB GDDR6 with ECC on)
      peak_tflops: 362.05 * TFLOPS, // datasheet BF16 Tensor Core 362.05 | 733 (sparse)
      peak_tflops_fp8: 733 * TFLOPS, // datasheet FP8 Tensor Core 733 | 1,466 (sparse)
      memory_bandwidth: 864 * GBps, // datasheet 864 GB/s
      power: 350, // W, datasheet: max power consumption 350 W
      intra_node_bandwidth: 32 * GBps, // PCIe Gen4 x16, one direction; no NVLink
      inter_node_bandwidth: gbit(200), // one 200 Gb/s NIC per GPU assumed
    },
    notes: 'PCIe card without NVLink; 8 cards per server and a 200 Gb/s NIC per card assumed.',
  },
  {
    id: 'rtx-4090',
    name: 'NVIDIA GeForce RTX 4090',
    sources: [ADA_WHITEPAPER],
    spec: {
      name: 'NVIDIA GeForce RTX 4090',
      gpus_per_node: 8,
      memory: 24_564 * MiB, // nvidia-smi: 24564MiB (24 GB GDDR6X)
      peak_tflops: 165.2 * TFLOPS, // Ada whitepaper: BF16 with FP32 accumulate 165.2 dense (330.4 sparse)
      peak_tflops_fp8: 330.3 * TFLOPS, // FP8 with FP32 accumulate 330.3 dense (660.6 sparse)
      memory_bandwidth: 1008 * GBps, // 1,008 GB/s
      power: 450, // W, NVIDIA: graphics card power 450 W
      intra_node_bandwidth: 32 * GBps, // PCIe Gen4 x16, one direction; no NVLink, no P2P
      inter_node_bandwidth: gbit(100), // one 100 Gb/s NIC per GPU assumed
    },
    notes:
      'Consumer card: PCIe only; 8 cards per machine and a 100 Gb/s NIC per card assumed. Peaks are with FP32 ' +
      'accumulation (the FP16-accumulate figures are twice these).',
  },
  {
    id: 'ascend-910b',
    name: 'Huawei Ascend 910B',
    sources: [ASCEND_910B_PAGE],
    spec: {
      name: 'Huawei Ascend 910B',
      gpus_per_node: 8,
      memory: 64 * GiB, // npu-smi "HBM-Usage(MB)": 0 / 65536
      peak_tflops: 313 * TFLOPS, // 910B3: FP16/BF16 ~313 TFLOPS dense (910B2 ~376, 910B1 ~414)
      memory_bandwidth: 1.6 * TBps, // HBM2e ~1.6 TB/s
      intra_node_bandwidth: 196 * GBps, // HCCS full mesh: 7 links x 28 GB/s one way (392 GB/s bidirectional)
      inter_node_bandwidth: gbit(200), // Atlas 800T A2: one 200 GE RoCE port per NPU
    },
    notes:
      'No fp8 math: fp8 weights run at the 16-bit peak. Huawei publishes few figures; these are the 910B3 ' +
      'variant of an Atlas 800T A2 8-NPU server as commonly reported. Set peak_tflops for other variants.',
  },
];

/** Every hardware preset by id; deeply frozen, so a caller cannot change a preset for the next plan. */
export const HARDWARE_PRESETS: Readonly<Record<string, HardwarePreset>> = deepFreeze(
  Object.fromEntries(ALL.map((preset) => [preset.id, preset])),
);

/**
 * The preset with this id (case-insensitive), as a fresh copy the caller may change,
 * or undefined: an unknown hardware id never falls back to a default.
 */
export function hardwarePreset(id: string): HardwarePreset | undefined {
  const preset = lookup(HARDWARE_PRESETS, id);
  return preset === undefined ? undefined : structuredClone(preset);
}
