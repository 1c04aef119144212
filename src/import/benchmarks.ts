// Sizing tools' files -> workload, requirements and claims.
//   aiconfigurator experiment / generated config: isl, osl -> workload; ttft, tpot (ms) -> CLAIMS (the
//     figures the tool promises for the configuration it chose); total_gpus, system_name, model_name ->
//     hardware and model; per-worker tp, pp, dp, moe_tp, moe_ep -> parallelism (decode worker first in a
//     disaggregated setup); gemm/kvcache quant modes -> dtypes; tokens/s/gpu x GPUs -> claimed throughput.
//   NVIDIA Dynamo SLA (`sla:` of a DynamoGraphDeploymentRequest's profiling config, or a bare SLA file):
//     isl, osl -> workload; ttft, itl (ms) -> REQUIREMENTS, itl read as TPOT.
import type { Dtype } from '../core/types.js';
import { modelPresetFor, PLAN_MODEL_PATHS, setCheckpointStorage } from './model-name.js';
import { FieldCollector, type ImportError, type ImportResult } from './result.js';
import { at, itemsOf, scalarOf, stringOf, type YamlFile, type YNode } from './yaml-tree.js';
import { readValue } from '../plan/read-value.js';
import { ownEntry } from '../presets/lookup.js';

const SYSTEMS: Record<string, string> = {
  h100_sxm: 'h100-sxm',
  h100_pcie: 'h100-pcie',
  h200_sxm: 'h200',
  h20: 'h20',
  b200_sxm: 'b200',
  gb200_sxm: 'gb200',
  gb200: 'gb200',
  a100_sxm: 'a100-80gb',
  l40s: 'l40s',
  mi300x: 'mi300x',
  b300_sxm: 'b300',
  gb300: 'gb300',
  mi355x: 'mi355x',
  mi325x: 'mi325x',
};

const QUANT: Record<string, Dtype> = {
  fp8: 'fp8',
  fp8_block: 'fp8',
  fp8_static: 'fp8',
  fp8_ootb: 'fp8',
  w4afp8: 'int4',
  int4_wo: 'int4',
  int8_wo: 'int8',
  nvfp4: 'fp4',
  fp4: 'fp4',
  mxfp4: 'fp4',
  bfloat16: 'bf16',
  float16: 'fp16',
  bf16: 'bf16',
  fp16: 'fp16',
};

function num(node: YNode | undefined): number | undefined {
  let v = scalarOf(node);
  // a search list with a single entry (tp_list: [4]) is that value
  if (node?.kind === 'seq' && node.items.length === 1) v = scalarOf(node.items[0]);
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

function first(map: YNode | undefined, keys: readonly string[]): YNode | undefined {
  for (const key of keys) {
    const node = at(map, key);
    if (node !== undefined && (node.kind !== 'scalar' || node.value !== null)) return node;
  }
  return undefined;
}

/** A model name as aiconfigurator writes it (QWEN3_32B, DEEPSEEK_V3, LLAMA3.1_70B) -> a preset id. */
function presetOfToolName(name: string): string | undefined {
  const dashed = name
    .toLowerCase()
    .replace(/_/g, '-')
    .replace(/^llama(\d)/, 'llama-$1');
  return modelPresetFor(dashed) ?? modelPresetFor(name);
}

/** Is this aiconfigurator's YAML (experiments, or one experiment's figures)? */
export function isAiconfigurator(root: YNode): boolean {
  return (
    at(root, 'exps') !== undefined ||
    at(root, 'exp_config') !== undefined ||
    (at(root, 'serving_mode') !== undefined && at(root, 'isl') !== undefined) ||
    (at(root, 'isl') !== undefined && (at(root, 'total_gpus') !== undefined || at(root, 'system_name') !== undefined))
  );
}

/** The SLA map of a Dynamo file: `sla:` anywhere in the first document, or a root with ttft and itl. */
export function findSla(root: YNode, depth = 0): YNode | undefined {
  if (root.kind !== 'map' || depth > 8) return undefined;
  const sla = at(root, 'sla');
  if (sla?.kind === 'map') return sla;
  if (at(root, 'itl') !== undefined && at(root, 'ttft') !== undefined) return root;
  for (const child of root.entries.values()) {
    const found = findSla(child, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function setTokens(c: FieldCollector, map: YNode | undefined): void {
  const isl = at(map, 'isl');
  const osl = at(map, 'osl');
  const i = num(isl);
  const o = num(osl);
  if (i && isl) c.set('workload.input_tokens', Math.round(i), isl.line);
  if (o && osl) c.set('workload.output_tokens', Math.round(o), osl.line);
}

function setMs(c: FieldCollector, path: string, node: YNode | undefined): void {
  const ms = num(node);
  if (ms !== undefined && node) c.set(path, ms / 1000, node.line);
}

export function importSla(file: string, sla: YNode): ImportResult {
  const c = new FieldCollector(file);
  setTokens(c, sla);
  setMs(c, 'requirements.ttft', at(sla, 'ttft'));
  setMs(c, 'requirements.tpot', first(sla, ['itl', 'tpot']));
  return c.result();
}

/** The experiment to read: exp_config, the named or first of `exps`, or the root itself. */
function experimentOf(root: YNode, name?: string): YNode | ImportError {
  const exp = at(root, 'exp_config');
  if (exp?.kind === 'map') return exp;
  const names = itemsOf(at(root, 'exps'))
    .map((n) => stringOf(n))
    .filter((n): n is string => n !== undefined);
  if (names.length > 0) {
    const wanted = name ?? (names[0] as string);
    const node = at(root, wanted);
    // the plan's own name is quoted; the file's first one is not
    const which = name === undefined ? 'the first experiment' : `experiment '${name}'`;
    if (node?.kind !== 'map') return { error: `${which} is listed in exps but not defined`, line: at(root, 'exps')?.line };
    return node;
  }
  return root;
}

/** The worker whose layout the plan takes: a named one, else decode (it sets TPOT), else the aggregated one. */
function workerOf(exp: YNode, name?: string): YNode | undefined {
  const containers = [exp, at(exp, 'config'), at(exp, 'workers')];
  const keys = name
    ? [name, `${name}_worker_config`, `${name}_worker`]
    : ['decode_worker_config', 'decode_worker', 'decode', 'agg_worker_config', 'agg_worker', 'agg', 'worker_config'];
  for (const holder of containers) {
    const w = first(holder, keys);
    if (w?.kind === 'map') return w;
  }
  return undefined;
}

export function importAiconfigurator(file: string, yaml: YamlFile, worker?: string): ImportResult | ImportError {
  const root = yaml.docs[0];
  if (!root) return { error: 'the file is empty' };
  const exp = experimentOf(root, worker !== undefined && at(root, worker) !== undefined ? worker : undefined);
  if ('error' in exp) return exp;
  const c = new FieldCollector(file);
  setTokens(c, exp);
  setMs(c, 'claims.ttft', at(exp, 'ttft'));
  setMs(c, 'claims.tpot', first(exp, ['tpot', 'itl']));
  const gpus = at(exp, 'total_gpus');
  const totalGpus = num(gpus);
  if (totalGpus && gpus) c.set('hardware.gpus', Math.round(totalGpus), gpus.line);
  const system = at(exp, 'system_name') ?? at(exp, 'system');
  const preset = SYSTEMS[(stringOf(system) ?? '').toLowerCase()];
  if (preset && system) c.set('hardware.preset', preset, system.line);
  else if (system) c.warn(`${c.origin(system.line)}: system ${readValue(stringOf(system) ?? '')} matches no hardware preset`);
  const model = at(exp, 'model_name') ?? at(exp, 'model');
  const modelName = stringOf(model);
  if (modelName && model) {
    const id = presetOfToolName(modelName);
    if (id) {
      c.set('model.preset', id, model.line);
      // gemm_quant_mode, read below, states the storage when it maps to a dtype; otherwise (absent, or a
      // mode ignored below) a name that reads as quantized is warned about
      const gemm = stringOf(first(workerOf(exp, worker), ['gemm_quant_mode']) ?? first(exp, ['gemm_quant_mode']))?.toLowerCase();
      setCheckpointStorage(c, modelName, model.line, gemm !== undefined && ownEntry(QUANT, gemm) !== undefined, false);
    } else c.warn(`${c.origin(model.line)}: model ${readValue(modelName)} matches no model preset`, PLAN_MODEL_PATHS);
  }

  const w = workerOf(exp, worker);
  const layout: [string, string[]][] = [
    ['parallelism.tp', ['tp', 'tp_list', 'tensor_parallel_size']],
    ['parallelism.pp', ['pp', 'pp_list', 'pipeline_parallel_size']],
    ['parallelism.dp', ['dp', 'dp_list', 'attention_dp_size']],
    ['parallelism.ep', ['moe_ep', 'moe_ep_list', 'ep']],
    ['parallelism.etp', ['moe_tp', 'moe_tp_list', 'etp']],
    ['workload.concurrency', ['bs', 'batch_size', 'concurrency']],
  ];
  for (const [path, keys] of layout) {
    const node = first(w, keys);
    const n = num(node);
    if (node?.kind === 'seq' && node.items.length > 1) {
      c.warn(`${c.origin(node.line)}: ${keys[0]} lists ${node.items.length} candidates (a search space); not imported`);
    } else if (n !== undefined && Number.isInteger(n) && node) c.set(path, n, node.line);
  }
  // replicas of the worker multiply data parallelism and the batch
  const replicas = first(w, ['workers', 'num_workers', 'replicas']);
  const r = num(replicas);
  if (r && r > 1 && replicas) {
    c.set('parallelism.dp', ((c.get('parallelism.dp') as number | undefined) ?? 1) * r, replicas.line);
    if (c.has('workload.concurrency')) c.set('workload.concurrency', (c.get('workload.concurrency') as number) * r, replicas.line);
  }
  // a disaggregated run: the plan covers the chosen pool (decode by default), not the prefill GPUs
  const mode = stringOf(at(exp, 'serving_mode'));
  const tp = c.get('parallelism.tp') as number | undefined;
  if (mode === 'disagg' && w && tp !== undefined) {
    const pool = tp * ((c.get('parallelism.pp') as number | undefined) ?? 1) * ((c.get('parallelism.dp') as number | undefined) ?? 1);
    c.set('hardware.gpus', pool, first(w, ['tp', 'tp_list'])?.line ?? w.line);
    c.warn(
      `${c.origin(w.line)}: a disaggregated experiment: the plan takes the ${worker ?? 'decode'} workers (${pool} of ${totalGpus ?? '?'} GPUs); ` +
        'its TTFT claim includes the prefill workers, which this plan does not model',
    );
  }
  for (const [path, keys] of [
    ['model.weight_dtype', ['gemm_quant_mode']],
    ['model.kv_cache_dtype', ['kvcache_quant_mode']],
  ] as const) {
    const node = first(w, keys) ?? first(exp, keys);
    const mode = stringOf(node)?.toLowerCase();
    if (mode === undefined || !node) continue;
    const dtype = ownEntry(QUANT, mode);
    if (dtype) c.set(path, dtype, node.line);
    else c.warn(`${c.origin(node.line)}: ${keys[0]} ${readValue(mode)} does not map to a plan dtype; ignored`);
  }
  const perGpu = first(exp, ['tokens/s/gpu', 'tokens_per_s_per_gpu']);
  const rate = num(perGpu);
  if (rate && perGpu && totalGpus) c.set('claims.throughput', rate * totalGpus, perGpu.line);
  return c.result();
}
