// Accelerator presets from vendor datasheets (URLs in `sources`), in SI units:
//   memory: bytes the runtime can allocate (the CUDA-visible total engines size their budgets
//     against, as their logs or PyTorch's out-of-memory message print it) where such a figure is known;
//     else what the device reports (nvidia-smi / rocm-smi / npu-smi), else the nominal capacity (see
//     notes). nvidia-smi shows a little more than CUDA lets a process allocate (H100: 81559 MiB =
//     79.65 GiB reported, 79.19 GiB allocatable);
//   peak_tflops / peak_tflops_fp8 / peak_tflops_fp4: DENSE peaks in FLOP/s (datasheets
//     often print the 2:4-sparse figure, twice the dense one);
//   bandwidths: bytes/s per device, one direction;
//   power: W per device, the datasheet TDP (maximum board power), where the vendor publishes one.
// `gpus_per_node` is the size of the fast-interconnect domain of the usual server
// (8 for HGX / OAM boxes). Efficiencies, latencies and `gpus` are left to the core.
import type { HardwareSpec } from '../core/types.js';
import { copyPreset, deepFreeze, lookup } from './lookup.js';

export interface HardwarePreset {
  id: string;
  name: string;
  sources: string[];
  spec: HardwareSpec;
  notes?: string;
  /** set when the preset was asked for by another name: what that name was read as, when it could mean several parts */
  aliasNote?: string;
}

const MiB = 2 ** 20;
const GiB = 2 ** 30;
const TFLOPS = 1e12;
const GBps = 1e9;
const TBps = 1e12;
/** a network link rate in Gb/s as bytes/s */
const gbit = (gigabits: number): number => (gigabits * 1e9) / 8;

const A100_DATASHEET = 'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf';
const H100_DATASHEET = 'https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet';
const HOPPER_WHITEPAPER = 'https://resources.nvidia.com/en-us-tensor-core/gtc22-whitepaper-hopper';
const H200_PAGE = 'https://www.nvidia.com/en-us/data-center/h200/';
const DGX_B200_PAGE = 'https://www.nvidia.com/en-us/data-center/dgx-b200/';
const HGX_PAGE = 'https://www.nvidia.com/en-us/data-center/hgx/';
const GB200_PAGE = 'https://www.nvidia.com/en-us/data-center/gb200-nvl72/';
const MI300X_PAGE = 'https://www.amd.com/en/products/accelerators/instinct/mi300/mi300x.html';
const MI325X_PAGE = 'https://www.amd.com/en/products/accelerators/instinct/mi300/mi325x.html';
const L40S_DATASHEET = 'https://resources.nvidia.com/en-us-l40s/l40s-datasheet-28413';
const ADA_WHITEPAPER = 'https://images.nvidia.com/aem-dam/Solutions/geforce/ada/nvidia-ada-gpu-architecture.pdf';
const ASCEND_910B_PAGE = 'https://www.hiascend.com/hardware/product';
const BLACKWELL_ULTRA_DATASHEET = 'https://resources.nvidia.com/en-us-blackwell-architecture/blackwell-ultra-datasheet';
const HGX_B300_PAGE = 'https://www.nvidia.com/en-us/data-center/hgx/';
const GB300_PAGE = 'https://www.nvidia.com/en-us/data-center/gb300-nvl72/';
// NVIDIA's aiconfigurator system files carry the per-GPU figures of the datasheet and the nvidia-smi capacity
const AIC_B300 = 'https://github.com/ai-dynamo/aiconfigurator/blob/main/src/aiconfigurator/systems/b300_sxm.yaml';
const AIC_GB300 = 'https://github.com/ai-dynamo/aiconfigurator/blob/main/src/aiconfigurator/systems/gb300.yaml';
const MI355X_PAGE = 'https://www.amd.com/en/products/accelerators/instinct/mi350/mi355x.html';
const RTX_PRO_6000_PAGE = 'https://www.nvidia.com/en-us/data-center/rtx-pro-6000-blackwell-server-edition/';

const ALL: readonly HardwarePreset[] = [
  {
    id: 'a100-40gb',
    name: 'NVIDIA A100 40GB SXM',
    sources: [A100_DATASHEET],
    spec: {
      name: 'NVIDIA A100 40GB SXM',
      gpus_per_node: 8,
      // CUDA-visible total: PyTorch on a 40 GB A100 reports "GPU 0 has a total capacity of 39.50 GiB"
      // (https://github.com/TianheWu/CoSeR/issues/10; other drivers print 39.39-39.56 GiB);
      // nvidia-smi shows 40960MiB (older drivers 40536MiB).
      memory: Math.round(39.5 * GiB),
      peak_tflops: 312 * TFLOPS, // datasheet BF16 Tensor Core 312 (624 sparse)
      memory_bandwidth: 1555 * GBps, // datasheet 1,555 GB/s
      power: 400, // W, datasheet: max TDP 400 W (SXM)
      intra_node_bandwidth: 300 * GBps, // NVLink3 600 GB/s bidirectional
      inter_node_bandwidth: gbit(200), // DGX A100: one 200 Gb/s HDR InfiniBand NIC per GPU
    },
    notes:
      'No fp8 math (Ampere): fp8 weights run at the 16-bit peak. Memory is what CUDA lets a process allocate ' +
      '(39.50 GiB; nvidia-smi shows 40960 MiB, or 40536 MiB on some drivers). HGX/DGX A100 8-GPU node assumed.',
  },
  {
    id: 'a100-80gb',
    name: 'NVIDIA A100 80GB SXM',
    sources: [A100_DATASHEET],
    spec: {
      name: 'NVIDIA A100 80GB SXM',
      gpus_per_node: 8,
      // CUDA-visible total: PyTorch on A100 80GB reports "GPU 0 has a total capacity of 79.25 GiB"
      // (HiDream-ai/VAREdit issue 6; levihsu/OOTDiffusion issue 235); nvidia-smi shows 81920MiB.
      memory: Math.round(79.25 * GiB),
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
      // CUDA-visible total: vLLM 0.19 on H100 80GB logs "Requested memory: 0.950000 (util), 75.23 GiB" =
      // 0.95 x 79.19 GiB (llm-d-planner accuracy report: "physical 79.19 GiB"); nvidia-smi shows 81559MiB.
      memory: Math.round(79.19 * GiB),
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
      memory: Math.round(79.19 * GiB), // as the SXM part: nvidia-smi shows the same 81559MiB (80 GB HBM2e), CUDA 79.19 GiB
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
    // The H100 NVL is its own part, not an H100 PCIe: 94 GB HBM3 at 3.9 TB/s on a PCIe card
    // (H100 datasheet, H100 NVL column). GPU feature discovery labels it NVIDIA-H100-NVL.
    id: 'h100-nvl',
    name: 'NVIDIA H100 NVL 94GB',
    sources: [H100_DATASHEET],
    spec: {
      name: 'NVIDIA H100 NVL 94GB',
      gpus_per_node: 8,
      // CUDA-visible total: PyTorch on an H100 NVL reports "GPU 0 has a total capacity of 93.00 GiB"
      // (ali-vilab/VACE issue 56); the datasheet prints 94 GB.
      memory: Math.round(93.0 * GiB),
      peak_tflops: 835.5 * TFLOPS, // datasheet BF16 Tensor Core 1,671 with sparsity -> 835.5 dense
      peak_tflops_fp8: 1670.5 * TFLOPS, // datasheet FP8 3,341 with sparsity -> 1,670.5 dense
      memory_bandwidth: 3.9 * TBps, // datasheet 3.9 TB/s
      power: 400, // W, datasheet: max TDP 350-400 W (configurable); the upper figure
      intra_node_bandwidth: 64 * GBps, // PCIe Gen5 x16 (datasheet 128 GB/s both ways), one direction
      inter_node_bandwidth: gbit(400), // one 400 Gb/s NIC per GPU assumed
    },
    notes:
      'Intra-node traffic over PCIe Gen5 (64 GB/s one way); NVLink bridges (datasheet 600 GB/s) join only pairs of cards, ' +
      'so a plan with tp=2 over a bridged pair should set intra_node_bandwidth itself. 8 cards per server assumed.',
  },
  {
    id: 'h200',
    name: 'NVIDIA H200 141GB SXM',
    sources: [H200_PAGE],
    spec: {
      name: 'NVIDIA H200 141GB SXM',
      gpus_per_node: 8,
      // CUDA-visible total: PyTorch on an H200 reports "GPU 0 has a total capacity of 139.80 GiB" (vLLM logs
      // the same figure); nvidia-smi shows 143771MiB (140.4 GiB).
      memory: Math.round(139.8 * GiB),
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
      // CUDA-visible total: "GPU 7 has a total capacity of 178.35 GiB" (TensorRT-LLM PR 13357, B200);
      // nvidia-smi shows 183359MiB (179 GiB; DGX B200 lists 1,440 GB over 8 GPUs).
      memory: Math.round(178.35 * GiB),
      peak_tflops: 2250 * TFLOPS, // HGX B200 FP16/BF16 36 PFLOPS sparse / 8 GPUs / 2 -> 2.25 PF dense
      peak_tflops_fp8: 4500 * TFLOPS, // HGX B200 FP8 72 PFLOPS sparse / 8 / 2 -> 4.5 PF dense
      peak_tflops_fp4: 9000 * TFLOPS, // HGX B200 FP4 144 PFLOPS sparse / 8 / 2 -> 9 PF dense
      memory_bandwidth: 8 * TBps, // DGX B200: 64 TB/s over 8 GPUs
      power: 1000, // W, HGX B200: up to 1,000 W per GPU
      intra_node_bandwidth: 900 * GBps, // NVLink5 1.8 TB/s bidirectional
      inter_node_bandwidth: gbit(400), // DGX B200: 8x 400 Gb/s ConnectX-7, one per GPU
    },
    notes: '8-GPU HGX/DGX B200 node assumed (the 1,000 W part; air-cooled 700 W systems reach lower peaks).',
  },
  {
    id: 'gb200',
    name: 'NVIDIA GB200 (NVL72)',
    sources: [GB200_PAGE],
    spec: {
      name: 'NVIDIA GB200 (NVL72)',
      gpus_per_node: 72, // one NVLink domain of 72 GPUs
      // CUDA-visible total: PyTorch on GB200 reports "GPU 0 has a total capacity of 184.31 GiB";
      // nvidia-smi shows 189471MiB (185 GiB).
      memory: Math.round(184.31 * GiB),
      peak_tflops: 2500 * TFLOPS, // NVL72 FP16/BF16 360 PFLOPS sparse / 72 / 2 -> 2.5 PF dense
      peak_tflops_fp8: 5000 * TFLOPS, // NVL72 FP8 720 PFLOPS sparse / 72 / 2 -> 5 PF dense
      peak_tflops_fp4: 10000 * TFLOPS, // NVL72 FP4 1,440 PFLOPS sparse / 72 / 2 -> 10 PF dense
      memory_bandwidth: 8 * TBps, // NVL72: 576 TB/s over 72 GPUs
      power: 1200, // W, B200 in GB200 NVL72: 1,200 W per GPU (Blackwell datasheet figures are given at this power)
      intra_node_bandwidth: 900 * GBps, // NVLink5 1.8 TB/s bidirectional
      inter_node_bandwidth: gbit(400), // NVL72 compute trays: one 400 Gb/s ConnectX-7 NIC per GPU
    },
    notes: 'A "node" here is the 72-GPU NVLink domain of one NVL72 rack, so gpus_per_node is 72.',
  },
  {
    id: 'b300',
    name: 'NVIDIA B300 SXM (Blackwell Ultra)',
    sources: [BLACKWELL_ULTRA_DATASHEET, HGX_B300_PAGE, AIC_B300],
    spec: {
      name: 'NVIDIA B300 SXM (Blackwell Ultra)',
      gpus_per_node: 8,
      memory: 275_040 * MiB, // nvidia-smi on a B300 SXM6 AC: 275040MiB (268.6 GiB of the nominal 288 GB)
      peak_tflops: 2250 * TFLOPS, // HGX B300 FP16/BF16 36 PFLOPS sparse / 8 GPUs / 2 -> 2.25 PF dense
      peak_tflops_fp8: 4500 * TFLOPS, // HGX B300 FP8 72 PFLOPS sparse / 8 / 2 -> 4.5 PF dense
      peak_tflops_fp4: 14000 * TFLOPS, // Blackwell Ultra datasheet per HGX GPU: FP4 18 PF sparse | 14 PF dense
      memory_bandwidth: 8 * TBps, // HBM3e, up to 8 TB/s per GPU
      intra_node_bandwidth: 900 * GBps, // NVLink5 1.8 TB/s bidirectional
      inter_node_bandwidth: gbit(800), // HGX B300: one 800 Gb/s ConnectX-8 SuperNIC per GPU
    },
    notes:
      '8-GPU HGX B300 node assumed. Blackwell Ultra trades FP64 and INT8 for FP4 (about 1.5x B200 in dense FP4). ' +
      "NVIDIA's aiconfigurator uses 7.75 TB/s of HBM bandwidth (62 TB/s per HGX); the preset keeps the 8 TB/s peak so floors stay floors.",
  },
  {
    id: 'gb300',
    name: 'NVIDIA GB300 (NVL72)',
    sources: [GB300_PAGE, BLACKWELL_ULTRA_DATASHEET, AIC_GB300],
    spec: {
      name: 'NVIDIA GB300 (NVL72)',
      gpus_per_node: 72, // one NVLink domain of 72 GPUs
      memory: 284_208 * MiB, // nvidia-smi on a GB300: 284208MiB (277.5 GiB)
      peak_tflops: 2500 * TFLOPS, // NVL72 FP16/BF16 360 PFLOPS sparse / 72 / 2 -> 2.5 PF dense
      peak_tflops_fp8: 5000 * TFLOPS, // NVL72 FP8/FP6 720 PFLOPS sparse / 72 / 2 -> 5 PF dense
      peak_tflops_fp4: 15000 * TFLOPS, // NVL72 FP4 1,440 PFLOPS sparse | 1,080 dense / 72 -> 15 PF dense
      memory_bandwidth: 8 * TBps, // NVL72: 576 TB/s over 72 GPUs
      intra_node_bandwidth: 900 * GBps, // NVLink5 1.8 TB/s bidirectional (130 TB/s over 72 GPUs)
      inter_node_bandwidth: gbit(800), // NVL72 compute trays: one 800 Gb/s ConnectX-8 SuperNIC per GPU
    },
    notes: 'A "node" here is the 72-GPU NVLink domain of one NVL72 rack, so gpus_per_node is 72 (as for gb200).',
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
    id: 'mi355x',
    name: 'AMD Instinct MI355X',
    sources: [MI355X_PAGE],
    spec: {
      name: 'AMD Instinct MI355X',
      gpus_per_node: 8,
      memory: 288 * GiB, // 288 GB HBM3E (8 stacks x 36 GiB)
      peak_tflops: 2516.6 * TFLOPS, // FP16/BF16 dense 2,516.6 (5,033.2 sparse)
      peak_tflops_fp8: 5033.2 * TFLOPS, // FP8 dense 5,033.2
      peak_tflops_fp4: 10066.4 * TFLOPS, // MXFP4 dense 10,066.4
      memory_bandwidth: 8 * TBps, // 8 TB/s
      intra_node_bandwidth: 537.6 * GBps, // Infinity Fabric: 7 links x 153.6 GB/s bidirectional -> 537.6 GB/s one way to all peers
      inter_node_bandwidth: gbit(400), // one 400 Gb/s NIC per GPU
    },
    notes:
      'Memory is the nominal 288 GB taken as GiB (8 x 36 GiB stacks); no figure read from a device was at hand, and ' +
      'the device reports a little less. The MI300X preset carries a calibrated memory efficiency (0.35) for ROCm serving ' +
      'stacks; none is calibrated for MI355X yet. 8-GPU OAM platform (1,400 W) assumed.',
  },
  {
    id: 'h20-141gb',
    name: 'NVIDIA H20 141GB',
    sources: [HGX_PAGE],
    spec: {
      name: 'NVIDIA H20 141GB',
      gpus_per_node: 8,
      memory: 143_771 * MiB, // the H200's HBM3e stacks: 143771MiB as nvidia-smi reports on an H200
      peak_tflops: 148 * TFLOPS, // as the 96 GB H20: BF16 dense 148 (296 sparse)
      peak_tflops_fp8: 296 * TFLOPS, // FP8 dense 296
      memory_bandwidth: 4.8 * TBps, // HBM3e 4.8 TB/s
      intra_node_bandwidth: 450 * GBps, // NVLink 900 GB/s bidirectional
      inter_node_bandwidth: gbit(400), // one 400 Gb/s NIC per GPU assumed
    },
    notes:
      'The H20 refresh with 141 GB of HBM3e; NVIDIA publishes no datasheet: compute as the 96 GB H20, memory and ' +
      'bandwidth as partner spec sheets give them, the capacity as an H200 reports the same stacks (not read on an H20).',
  },
  {
    id: 'rtx-pro-6000',
    name: 'NVIDIA RTX PRO 6000 Blackwell Server Edition',
    sources: [RTX_PRO_6000_PAGE],
    spec: {
      name: 'NVIDIA RTX PRO 6000 Blackwell Server Edition',
      gpus_per_node: 8,
      // CUDA-visible total: "total=94.97 GiB" beside nvidia-smi's 97887MiB on a 96GB RTX PRO 6000 Blackwell
      // (https://github.com/antirez/ds4/issues/431, its CUDA backend's device total); PyTorch OOMs on
      // 96 GB Blackwell cards print "total capacity of 94.97 GiB" too. WSL2 reports the whole 95.59 GiB.
      memory: Math.round(94.97 * GiB),
      peak_tflops: 503.8 * TFLOPS, // FP4 4 PFLOPS with sparsity -> 2,015 dense; BF16 (FP32 accumulate) a quarter: 503.8
      peak_tflops_fp8: 1007.6 * TFLOPS, // half the dense FP4
      peak_tflops_fp4: 2015.2 * TFLOPS, // 188 SMs x 2.617 GHz boost x 4,096 dense FP4 FLOP per SM per clock
      memory_bandwidth: 1792 * GBps, // 512-bit GDDR7, 1,792 GB/s
      intra_node_bandwidth: 64 * GBps, // PCIe Gen5 x16, one direction; no NVLink
      inter_node_bandwidth: gbit(400), // one 400 Gb/s NIC per GPU assumed
    },
    notes: 'PCIe card without NVLink (600 W): tensor parallelism all-reduces over PCIe. 8 cards per server and a ' + '400 Gb/s NIC per card assumed.',
  },
  {
    id: 'l40s',
    name: 'NVIDIA L40S',
    sources: [L40S_DATASHEET],
    spec: {
      name: 'NVIDIA L40S',
      gpus_per_node: 8,
      // CUDA-visible total: PyTorch on 8x L40S reports "GPU has a total capacity of 44.42 GiB"
      // (https://github.com/stepfun-ai/Step-Video-T2V/issues/8; 44.53 GiB in
      // https://github.com/Wan-Video/Wan2.1/issues/205); nvidia-smi shows 46068MiB (48 GB GDDR6, ECC on).
      memory: Math.round(44.42 * GiB),
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
      // CUDA-visible total: PyTorch on an RTX 4090 reports "GPU 0 has a total capacity of 23.64 GiB"
      // (https://github.com/ali-vilab/VGen/issues/104, https://github.com/3DTopia/Phidias-Diffusion/issues/8;
      // 23.65 GiB on older drivers, and vLLM issue 13061's 0.98 x total = 23.08 GiB gives 23.55);
      // nvidia-smi shows 24564MiB (23.99 GiB).
      memory: Math.round(23.64 * GiB),
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
export const HARDWARE_PRESETS: Readonly<Record<string, HardwarePreset>> = deepFreeze(Object.fromEntries(ALL.map((preset) => [preset.id, preset])));

/**
 * Other names users and benchmark data write for the presets (the `system` column of NVIDIA's
 * aiconfigurator and InferenceX data: h100_sxm, b200_sxm, gb300; short names: h100, a100). A name that
 * could mean several parts carries a note saying which one was chosen.
 */
const ALIASES: Readonly<Record<string, { id: string; note?: string }>> = {
  h100: { id: 'h100-sxm', note: 'read as h100-sxm (the 80 GB SXM part with NVLink); write h100-pcie for the PCIe card' },
  'h100-80gb': { id: 'h100-sxm', note: 'read as h100-sxm (the SXM part with NVLink); write h100-pcie for the PCIe card' },
  a100: { id: 'a100-80gb', note: 'read as a100-80gb (the 80 GB SXM part); write a100-40gb for the 40 GB one' },
  'a100-sxm': { id: 'a100-80gb', note: 'read as a100-80gb (the 80 GB SXM part); write a100-40gb for the 40 GB one' },
  'h200-sxm': { id: 'h200' },
  'h20-96gb': { id: 'h20' },
  'h20-141': { id: 'h20-141gb' },
  'b200-sxm': { id: 'b200' },
  'b300-sxm': { id: 'b300' },
  'gb200-sxm': { id: 'gb200' },
  'gb200-nvl72': { id: 'gb200' },
  'gb300-nvl72': { id: 'gb300' },
  'rtx-pro-6000-blackwell': { id: 'rtx-pro-6000' },
  'rtx-pro-6000-server': { id: 'rtx-pro-6000' },
};

/** Lower case, blanks and underscores as dashes: H100_SXM and h100-sxm name the same part. */
function normalizeId(id: string): string {
  return id
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/**
 * The preset with this id or alias (case-insensitive, `_` as `-`), as a fresh copy the caller may
 * change, or undefined: an unknown hardware id never falls back to a default.
 */
export function hardwarePreset(id: string): HardwarePreset | undefined {
  const key = normalizeId(id);
  const preset = lookup(HARDWARE_PRESETS, key);
  if (preset !== undefined) return copyPreset(preset);
  const alias = Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
  const target = alias === undefined ? undefined : HARDWARE_PRESETS[alias.id];
  if (alias === undefined || target === undefined) return undefined;
  const copy = copyPreset(target);
  return alias.note === undefined ? copy : { ...copy, aliasNote: `'${id.trim()}' ${alias.note}` };
}

/** Every other name hardwarePreset accepts. */
export function hardwareAliases(): string[] {
  return Object.keys(ALIASES);
}
