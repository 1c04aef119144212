// KServe LLMInferenceService with spec.prefill: a disaggregated deployment. The decode pool is spec's own
// workload (replicas, parallelism, template), the prefill pool spec.prefill (the same keys): KServe's
// "Prefill configuration for disaggregated serving" creates a separate prefill deployment beside the
// main one, which becomes the decode workload. Both run vLLM; spec.parallelism's tensor, pipeline, data
// and expert are the vLLM flags KServe renders from them, so each pool is read with vLLM's semantics.
import type { EngineArgs, FlagValue } from './engine-args.js';
import { parseFlags } from './engine-args.js';
import type { Role, RoleRun } from './pools.js';
import type { Word } from './shell.js';
import { at, scalarOf, stringOf, type YNode } from './yaml-tree.js';
import { readName } from '../plan/read-value.js';

/** What a pod template runs: its vLLM container's words (from `start`) and the GPUs it asks for. */
export interface PodReading {
  words: readonly Word[];
  start: number;
  gpus?: { count: number; line: number };
}

/** spec.parallelism keys and the vLLM flags KServe renders from them. */
const LAYOUT_FLAGS: readonly (readonly [string, string])[] = [
  ['tensor', 'tensor-parallel-size'],
  ['pipeline', 'pipeline-parallel-size'],
  ['data', 'data-parallel-size'],
];

/** One workload's flags: its container's, with its parallelism (which wins, as KServe renders it) and the model. */
function workloadArgs(pod: PodReading, workload: YNode, path: string, model: YNode | undefined, line: number): EngineArgs {
  const args = parseFlags('vllm', pod.words, pod.start, line);
  const flags = new Map(args.flags);
  const par = at(workload, 'parallelism');
  const set = (name: string, node: YNode, value: string | true, key: string): void => {
    const flag: FlagValue = { value, line: node.line, written: `${path}.parallelism.${key}`, unresolved: [] };
    flags.set(name, flag);
  };
  for (const [key, name] of LAYOUT_FLAGS) {
    const node = at(par, key);
    const value = scalarOf(node);
    if (node && (typeof value === 'number' || typeof value === 'string')) set(name, node, String(value), key);
  }
  const expert = at(par, 'expert');
  if (expert && scalarOf(expert) === true) set('enable-expert-parallel', expert, true, 'expert');
  const name = stringOf(model);
  if (model && name !== undefined && !flags.has('model') && args.positional === undefined) {
    flags.set('model', { value: name, line: model.line, written: 'spec.model.uri', unresolved: [] });
  }
  return { ...args, flags };
}

/**
 * The two pools of an LLMInferenceService that has spec.prefill, or null without one. `readPod` reads a
 * pod template (undefined when the workload gives none: KServe's preset template, vLLM with no flags).
 */
export function kserveRuns(doc: YNode, readPod: (template: YNode | undefined) => PodReading): RoleRun[] | null {
  const spec = at(doc, 'spec');
  const prefill = at(spec, 'prefill');
  if (!spec || prefill?.kind !== 'map') return null;
  const name = stringOf(at(doc, 'metadata', 'name')) ?? 'LLMInferenceService';
  const model = at(spec, 'model', 'uri') ?? at(spec, 'model', 'name');
  const runs: RoleRun[] = [];
  for (const [role, workload, path] of [
    ['decode', spec, 'spec'],
    ['prefill', prefill, 'spec.prefill'],
  ] as const satisfies readonly (readonly [Role, YNode, string])[]) {
    const template = at(workload, 'template');
    const pod = readPod(template);
    const replicas = at(workload, 'replicas');
    const count = scalarOf(replicas);
    const workers = typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : 1;
    // a multi-node workload (worker pods) spans more than the template's pod: its GPUs come from the flags
    const gpus = at(workload, 'worker') === undefined ? pod.gpus : undefined;
    runs.push({
      role,
      args: workloadArgs(pod, workload, path, model, template?.line ?? workload.line),
      workers: { count: workers, line: replicas?.line ?? workload.line },
      ...(gpus ? { gpus } : {}),
      label: `LLMInferenceService ${readName(name)} ${path}`,
    });
  }
  return runs;
}
