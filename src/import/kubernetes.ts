// Rendered Kubernetes manifests -> plan fields: the device count from the pods' GPU limits and
// replicas, the engine's flags from the serving container's command, the accelerator from node labels.
//   Deployment / StatefulSet / Pod     GPUs = replicas x GPUs per pod; each replica is one engine instance
//   LeaderWorkerSet                    GPUs = replicas x (leader GPUs + (size - 1) x worker GPUs); a group
//                                      is one engine instance spanning `size` pods (one per node)
//   KServe LLMInferenceService         vLLM with spec.parallelism (tensor, pipeline, data, expert) x replicas
//   Dynamo DynamoGraphDeployment       each service with GPUs runs `python3 -m dynamo.<engine>`
// Prefill and decode workers side by side (Dynamo's prefill/decode services, llm-d's pods labelled
// llm-d.ai/role, SGLang's --disaggregation-mode) are a disaggregated deployment: both pools are read.
import { type Engine, findInvocation, parseFlags, detectEngine } from './engine-args.js';
import { containerCommands } from './command-words.js';
import { ENGINE_NAMES } from './engines.js';
import { type FindConfig, runEngine } from './engine-run.js';
import { MAX_SLICE_GB, type MigProfile, migProfile, migSlice, presetForLabel } from './gpu-labels.js';
import { kserveRuns, type PodReading } from './kserve.js';
import { bothRoles, importRoles, roleFromFlags, roleFromName, type RoleRun } from './pools.js';
import { modelPresetFor, PLAN_MODEL_PATHS, setCheckpointStorage } from './model-name.js';
import { FieldCollector, type ImportError, type ImportResult } from './result.js';
import { expandKubernetes, type Word } from './shell.js';
import { at, itemsOf, parseYamlFile, scalarOf, stringOf, valueLineMap, type YamlFile, type YNode } from './yaml-tree.js';
import { readName, readValue } from '../plan/read-value.js';
import { countOf } from '../core/figures.js';
import { hardwarePreset as hardwarePresetById } from '../presets/hardware.js';
import { printedMemoryGb } from '../presets/marketing-memory.js';

export interface ManifestOptions {
  engine?: Engine;
  /** container name, or workload (metadata.name / Dynamo service) name, to import from */
  container?: string;
}

/** One group of identical pods inside an engine instance. */
interface PodGroup {
  spec: YNode | undefined;
  /** pods of this group per instance */
  pods: number;
  env: Record<string, string>;
  /** Dynamo services give the container directly and GPUs on the service */
  container?: YNode;
  gpus?: { count: number; line: number; mig?: MigProfile };
}

interface Workload {
  kind: string;
  name: string;
  /** what says its role in a disaggregated deployment: Dynamo's subComponentType, llm-d's role label, else its name */
  roleHint?: string;
  line: number;
  instances: { count: number; line: number };
  /** the group whose container runs the engine first (leader), then the others */
  groups: PodGroup[];
  doc: YNode;
}

const GPU_RESOURCES = ['nvidia.com/gpu', 'amd.com/gpu', 'gpu'];
/** llm-d marks its prefill and decode pods with this label. */
const LLMD_ROLE_LABEL = 'llm-d.ai/role';

function intOf(node: YNode | undefined): number | undefined {
  const v = scalarOf(node);
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : undefined;
  return n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
}

function count(node: YNode | undefined, fallback: number, line: number): { count: number; line: number } {
  const n = intOf(node);
  return n === undefined ? { count: fallback, line } : { count: n, line: node?.line ?? line };
}

/** A container's nvidia.com/mig-* resources of one kind (limits, requests): the device plugin's mixed strategy. */
function migResources(container: YNode | undefined, kind: string): [string, YNode][] {
  const resources = at(container, 'resources', kind);
  return resources?.kind === 'map' ? [...resources.entries].filter(([name]) => /^nvidia\.com\/mig-/.test(name)) : [];
}

/**
 * GPUs one container asks for: limits first (what the scheduler enforces for extended resources), then
 * requests. A MIG slice (nvidia.com/mig-3g.40gb, the device plugin's mixed strategy) counts as a device
 * with its profile: it is not a whole GPU.
 */
function gpusOf(container: YNode | undefined): { count: number; line: number; mig?: MigProfile } | undefined {
  for (const kind of ['limits', 'requests']) {
    for (const name of GPU_RESOURCES) {
      const node = at(container, 'resources', kind, name);
      const n = intOf(node);
      if (n !== undefined && node) return { count: n, line: node.line };
    }
    for (const [name, node] of migResources(container, kind)) {
      const mig = migProfile(name);
      const n = intOf(node);
      if (mig && n !== undefined && n > 0) return { count: n, line: node.line, mig };
    }
  }
  return undefined;
}

function workloadsOf(docs: YNode[]): Workload[] {
  const out: Workload[] = [];
  for (const doc of docs) {
    const kind = stringOf(at(doc, 'kind')) ?? '';
    const name = stringOf(at(doc, 'metadata', 'name')) ?? kind;
    const line = at(doc, 'kind')?.line ?? doc.line;
    const spec = at(doc, 'spec');
    const llmdRole = (template: YNode | undefined): string | undefined => stringOf(at(template, 'metadata', 'labels', LLMD_ROLE_LABEL));
    if (['Deployment', 'StatefulSet', 'ReplicaSet', 'Job'].includes(kind)) {
      out.push({
        kind,
        name,
        roleHint: llmdRole(at(spec, 'template')) ?? name,
        line,
        doc,
        instances: count(at(spec, 'replicas'), 1, line),
        groups: [{ spec: at(spec, 'template', 'spec'), pods: 1, env: {} }],
      });
    } else if (kind === 'Pod') {
      out.push({ kind, name, line, doc, instances: { count: 1, line }, groups: [{ spec, pods: 1, env: {} }] });
    } else if (kind === 'LeaderWorkerSet') {
      const lwt = at(spec, 'leaderWorkerTemplate');
      const size = count(at(lwt, 'size'), 1, line).count;
      const worker = at(lwt, 'workerTemplate', 'spec');
      const leader = at(lwt, 'leaderTemplate', 'spec') ?? worker;
      // the LeaderWorkerSet controller sets these in every pod of a group
      const env = (index: number): Record<string, string> => ({ LWS_GROUP_SIZE: String(size), LWS_WORKER_INDEX: String(index) });
      const groups: PodGroup[] = [{ spec: leader, pods: 1, env: env(0) }];
      if (size > 1) groups.push({ spec: worker, pods: size - 1, env: env(1) });
      const role = llmdRole(at(lwt, 'leaderTemplate')) ?? llmdRole(at(lwt, 'workerTemplate')) ?? name;
      out.push({ kind, name, roleHint: role, line, doc, instances: count(at(spec, 'replicas'), 1, line), groups });
    } else if (kind === 'LLMInferenceService') {
      const groups: PodGroup[] = [{ spec: at(spec, 'template'), pods: 1, env: {} }];
      out.push({ kind, name, line, doc, instances: count(at(spec, 'replicas'), 1, line), groups });
    } else if (kind === 'DynamoGraphDeployment') {
      const services = at(spec, 'services');
      if (services?.kind !== 'map') continue;
      for (const [service, node] of services.entries) {
        const gpuNode = at(node, 'resources', 'limits', 'gpu') ?? at(node, 'resources', 'requests', 'gpu');
        const gpus = intOf(gpuNode);
        if (!gpus || !gpuNode) continue;
        const multinode = intOf(at(node, 'multinode', 'nodeCount')) ?? 1;
        out.push({
          kind,
          name: service,
          roleHint: stringOf(at(node, 'subComponentType')) ?? service,
          line: node.line,
          doc,
          instances: count(at(node, 'replicas'), 1, node.line),
          groups: [
            {
              spec: at(node, 'extraPodSpec'),
              pods: multinode,
              env: {},
              container: at(node, 'extraPodSpec', 'mainContainer'),
              gpus: { count: gpus, line: gpuNode.line },
            },
          ],
        });
      }
    }
  }
  return out;
}

/** The container's environment: env entries in order (Kubernetes expands $(VAR) in their values), envFrom ConfigMaps. */
function containerEnv(
  container: YNode | undefined,
  base: Record<string, string>,
  configMaps: Map<string, YNode>,
): {
  env: Record<string, string>;
  fromCluster: string[];
} {
  const env: Record<string, string> = { ...base };
  const fromCluster: string[] = [];
  for (const source of itemsOf(at(container, 'envFrom'))) {
    const cm = configMaps.get(stringOf(at(source, 'configMapRef', 'name')) ?? '');
    const data = at(cm, 'data');
    if (data?.kind === 'map') for (const [k, v] of data.entries) env[k] = stringOf(v) ?? '';
  }
  for (const entry of itemsOf(at(container, 'env'))) {
    const name = stringOf(at(entry, 'name'));
    if (name === undefined) continue;
    const value = at(entry, 'value');
    // the last entry of a name is the one the pod has
    if (value !== undefined && scalarOf(value) !== null) {
      env[name] = expandKubernetes(stringOf(value) ?? '', env);
      if (fromCluster.includes(name)) fromCluster.splice(fromCluster.indexOf(name), 1);
    } else if (at(entry, 'valueFrom')) {
      delete env[name];
      if (!fromCluster.includes(name)) fromCluster.push(name);
    }
  }
  return { env, fromCluster };
}

function configMapsOf(docs: YNode[]): Map<string, YNode> {
  const maps = new Map<string, YNode>();
  for (const doc of docs) {
    if (stringOf(at(doc, 'kind')) === 'ConfigMap') maps.set(stringOf(at(doc, 'metadata', 'name')) ?? '', doc);
  }
  return maps;
}

/** A config file named by a container path, looked up by base name among the manifest's ConfigMaps. */
function configMapFinder(file: string, yaml: YamlFile, configMaps: Map<string, YNode>, fallback: FindConfig): FindConfig {
  return (path) => {
    const base = path.split('/').pop() ?? path;
    for (const cm of configMaps.values()) {
      const node = at(cm, 'data', base);
      if (node?.kind !== 'scalar' || typeof node.value !== 'string') continue;
      const parsed = parseYamlFile(node.value);
      if ('error' in parsed) return { error: `ConfigMap data ${readName(base)}: ${parsed.error}` };
      const root = parsed.docs[0];
      if (!root) return { error: `ConfigMap data ${readName(base)} is empty` };
      const toFile = valueLineMap(yaml, node);
      const starts = [0];
      for (let i = 0; i < node.value.length; i++) if (node.value[i] === '\n') starts.push(i + 1);
      const data = node.value;
      // the first non-blank character of the line: its word is what valueLineMap located
      const firstWord = (line: number): number => {
        let o = starts[line - 1] ?? 0;
        while (o < data.length && (data[o] === ' ' || data[o] === '\t')) o++;
        return o;
      };
      return { root, file, mapLine: (line) => toFile(firstWord(line)) };
    }
    return fallback(path);
  };
}

interface Chosen {
  workload: Workload;
  container: YNode;
  commands: Word[][];
  engine?: Engine;
  hasCommand: boolean;
}

function choose(file: YamlFile, workloads: Workload[], options: ManifestOptions, configMaps: Map<string, YNode>): Chosen[] {
  const chosen: Chosen[] = [];
  for (const workload of workloads) {
    const group = workload.groups[0] as PodGroup;
    const containers = group.container ? [group.container] : itemsOf(at(group.spec, 'containers'));
    for (const container of containers) {
      const name = stringOf(at(container, 'name')) ?? '';
      if (options.container !== undefined && options.container !== name && options.container !== workload.name) continue;
      const { env, fromCluster } = containerEnv(container, group.env, configMaps);
      const argv = [...itemsOf(at(container, 'command')), ...itemsOf(at(container, 'args'))];
      const commands = containerCommands(file, argv, env, new Set(fromCluster));
      const found = findInvocation(commands, options.engine);
      const engine = found?.engine ?? (commands.length > 0 ? commands.map((w) => detectEngine(w)).find((e) => e) : undefined);
      chosen.push({ workload, container, commands, ...(engine ? { engine } : {}), hasCommand: at(container, 'command') !== undefined });
    }
  }
  return chosen;
}

function hardwarePreset(spec: YNode | undefined): { preset: string; line: number; mig?: MigProfile } | undefined {
  const selector = at(spec, 'nodeSelector');
  if (selector?.kind === 'map') {
    for (const [label, value] of selector.entries) {
      const preset = presetForLabel(label, stringOf(value) ?? '');
      // the single MIG strategy labels the product with its slice: NVIDIA-H100-80GB-HBM3-MIG-3g.40gb
      const mig = migProfile(stringOf(value) ?? '');
      if (preset) return { preset, line: value.line, ...(mig ? { mig } : {}) };
    }
  }
  const terms = at(spec, 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms');
  for (const term of itemsOf(terms)) {
    for (const expr of itemsOf(at(term, 'matchExpressions'))) {
      if (stringOf(at(expr, 'operator')) !== 'In') continue;
      const values = itemsOf(at(expr, 'values'));
      const presets = new Set(values.map((v) => presetForLabel(stringOf(at(expr, 'key')) ?? '', stringOf(v) ?? '')));
      const only = values[0];
      // a MIG product label here is a slice as under nodeSelector; of several, the smallest is where the plan may land
      const slices = values.map((v) => migProfile(stringOf(v) ?? '')).filter((m): m is MigProfile => m !== undefined);
      const mig = slices.sort((a, b) => a.gb - b.gb || a.g - b.g)[0];
      if (presets.size === 1 && only && [...presets][0]) return { preset: [...presets][0] as string, line: only.line, ...(mig ? { mig } : {}) };
    }
  }
  return undefined;
}

/** KServe LLMInferenceService: spec.parallelism is the layout (vLLM semantics); spec.model.uri the model. */
function applyKServe(w: Workload, c: FieldCollector, gpusPerPod: { count: number; line: number } | undefined): void {
  const par = at(w.doc, 'spec', 'parallelism');
  const get = (key: string): { count: number; line: number } | undefined => {
    const node = at(par, key);
    const n = intOf(node);
    return n !== undefined && n >= 1 && node ? { count: n, line: node.line } : undefined;
  };
  const tp = get('tensor');
  const pp = get('pipeline');
  const data = get('data');
  const expert = scalarOf(at(par, 'expert')) === true;
  if (tp) c.set('parallelism.tp', tp.count, tp.line);
  if (pp) c.set('parallelism.pp', pp.count, pp.line);
  if (tp || pp || data) {
    const dpEngine = data?.count ?? 1;
    // vLLM's --max-num-seqs is per data-parallel rank: the cap and the load it sets both grow with the ranks
    for (const path of ['workload.max_running_sequences', 'workload.concurrency']) {
      if (dpEngine > 1 && c.has(path)) c.set(path, (c.get(path) as number) * dpEngine, c.origins[path] ?? w.line);
    }
    c.set('parallelism.dp', dpEngine * w.instances.count, data?.line ?? w.instances.line);
    if (expert) {
      c.set('parallelism.ep', (tp?.count ?? 1) * dpEngine, at(par, 'expert')?.line ?? w.line);
      c.set('parallelism.etp', 1, at(par, 'expert')?.line ?? w.line);
      c.expertFlags['parallelism.ep'] = 'spec.parallelism.expert';
    }
    const world = (tp?.count ?? 1) * (pp?.count ?? 1) * dpEngine;
    c.set('hardware.gpus', world * w.instances.count, tp?.line ?? pp?.line ?? data?.line ?? w.line);
    if (gpusPerPod && at(w.doc, 'spec', 'worker') === undefined && gpusPerPod.count !== world) {
      c.warn(`${c.origin(gpusPerPod.line)}: the pod asks for ${countOf(gpusPerPod.count, 'GPU')} but spec.parallelism needs ${world} per replica`);
    }
  }
  const prefill = at(w.doc, 'spec', 'prefill');
  if (prefill)
    c.warn(`${c.origin(prefill.line)}: spec.prefill (a prefill pool) is not read: deployment.container names one workload, so spec's own is read alone`);
  const model = at(w.doc, 'spec', 'model', 'uri') ?? at(w.doc, 'spec', 'model', 'name');
  const name = stringOf(model);
  if (name && model && !c.has('model.preset')) {
    const preset = modelPresetFor(name);
    if (preset) {
      c.set('model.preset', preset, model.line);
      setCheckpointStorage(c, name, model.line, c.has('model.weight_dtype'), false);
    } else
      c.warn(`${c.origin(model.line)}: model ${readValue(name)} matches no model preset; give model.preset or model.hf_config in the plan`, PLAN_MODEL_PATHS);
  }
}

export function importManifest(file: string, yaml: YamlFile, options: ManifestOptions, findConfig: FindConfig): ImportResult | ImportError {
  const workloads = workloadsOf(yaml.docs);
  if (workloads.length === 0) {
    const kinds = yaml.docs.map((d) => stringOf(at(d, 'kind'))).filter((k): k is string => k !== undefined && k !== '');
    return {
      error: `no workload that runs GPUs here (found: ${kinds.map(readName).join(', ') || 'nothing'}); expected a Deployment, StatefulSet, Pod, LeaderWorkerSet, LLMInferenceService or DynamoGraphDeployment`,
    };
  }
  const configMaps = configMapsOf(yaml.docs);
  const candidates = choose(yaml, workloads, options, configMaps);
  if (candidates.length === 0) return { error: `no container or workload named '${options.container}'` };
  const withEngine = candidates.filter((x) => x.engine !== undefined);
  const kserve = candidates.find((x) => x.workload.kind === 'LLMInferenceService');
  const pick = withEngine[0] ?? kserve ?? candidates.find((x) => gpusOf(x.container)) ?? candidates[0];
  if (!pick) return { error: 'no container found' };
  const c = new FieldCollector(file);
  if (withEngine.length > 1 && options.container === undefined) {
    const names = withEngine.map((x) => readName(`${x.workload.name}/${stringOf(at(x.container, 'name')) ?? '?'}`));
    c.warn(`${file}: ${withEngine.length} containers start an engine (${names.join(', ')}); importing the first: set deployment.container to choose`);
  }
  // Prefill and decode workers side by side: a disaggregated deployment, both pools imported.
  const kservePools =
    options.container === undefined && pick.workload.kind === 'LLMInferenceService' ? kserveRuns(pick.workload.doc, podReader(yaml, configMaps)) : null;
  if (kservePools) {
    const c = new FieldCollector(file);
    const hw = hardwarePreset(at(pick.workload.doc, 'spec', 'template'));
    const templates = [at(pick.workload.doc, 'spec', 'template'), at(pick.workload.doc, 'spec', 'prefill', 'template')];
    warnMigPools(c, [...templates.flatMap((t) => itemsOf(at(t, 'containers')).map(gpusOf)), hw]);
    importRoles(c, kservePools, configMapFinder(file, yaml, configMaps, findConfig));
    if (hw) c.set('hardware.preset', hw.preset, hw.line);
    return c.result();
  }
  if (options.container === undefined) {
    const disaggregated = disaggregatedRuns(candidates, options);
    if (disaggregated) {
      const c = new FieldCollector(file);
      const hw = hardwarePreset(disaggregated.spec);
      warnMigPools(c, [...candidates.map((x) => gpusOf(x.container)), hw]);
      importRoles(c, disaggregated.runs, configMapFinder(file, yaml, configMaps, findConfig));
      if (hw) c.set('hardware.preset', hw.preset, hw.line);
      return c.result();
    }
  }
  const w = pick.workload;
  const engine = pick.engine ?? options.engine ?? (w.kind === 'LLMInferenceService' ? 'vllm' : undefined);
  if (engine === undefined) {
    return {
      error: `no vLLM, SGLang or TensorRT-LLM command found in ${w.kind} ${readName(w.name)}; set deployment.engine if the image's entrypoint starts it`,
    };
  }
  if (options.engine && pick.engine && options.engine !== pick.engine) {
    c.warn(
      `${file}: the plan says engine ${options.engine} but ${w.kind} ${readName(w.name)} runs ${ENGINE_NAMES[pick.engine]}; read with ${ENGINE_NAMES[pick.engine]}'s semantics`,
    );
  }

  // devices: per pod from the GPU limits, times pods per instance, times instances
  let perInstance = 0;
  let gpuLine = 0;
  let perPod: { count: number; line: number } | undefined;
  for (const [index, group] of w.groups.entries()) {
    const containers = group.container ? [] : itemsOf(at(group.spec, 'containers'));
    const gpus = group.gpus ?? containers.map(gpusOf).find((g) => g !== undefined);
    if (!gpus) continue;
    if (index === 0) perPod = gpus;
    perInstance += gpus.count * group.pods;
    gpuLine ||= gpus.line;
  }
  const groupPods = w.groups.reduce((n, g) => n + g.pods, 0);

  const found = findInvocation(pick.commands, engine);
  const words = found?.words ?? (pick.hasCommand ? undefined : pick.commands[0]);
  const instances = { count: w.instances.count, line: w.instances.line };
  const finder = configMapFinder(file, yaml, configMaps, findConfig);
  let world: number | undefined;
  if (words) {
    // the container's own command line (not an image's entrypoint, nor KServe's preset merged in): a flag it does not give is the engine's default
    const whole = found !== undefined && w.kind !== 'LLMInferenceService';
    const args = { ...parseFlags(engine, words, found?.start ?? 0, found?.words[0]?.line ?? w.line), ...(whole ? { wholeCommand: true } : {}) };
    const facts = runEngine(args, c, { instances }, finder);
    world = facts.world_size;
    if (facts.nodes !== undefined && facts.nodes !== groupPods) {
      c.warn(`${c.origin(facts.line)}: --nnodes ${facts.nodes} but one instance has ${groupPods} pod(s)`);
    }
  } else if (w.kind !== 'LLMInferenceService') {
    c.warn(
      `${file}: container ${readName(stringOf(at(pick.container, 'name')) ?? '?')} has a command that does not start ${ENGINE_NAMES[engine]}; only the device count is imported`,
    );
  }
  if (w.kind === 'LLMInferenceService') applyKServe(w, c, perPod);

  if (perInstance > 0 && !c.has('hardware.gpus')) {
    c.set('hardware.gpus', perInstance * w.instances.count, gpuLine);
    if (world !== undefined && world !== perInstance) {
      c.warn(
        `${c.origin(gpuLine)}: ${ENGINE_NAMES[engine]}'s flags use ${countOf(world, 'GPU')} per instance but the ${w.kind} gives each instance ${perInstance}`,
      );
    }
  } else if (perInstance === 0 && world !== undefined && !c.has('hardware.gpus')) {
    // no GPU limit: the engine's own count is the best figure there is
    const mig = unreadMigLine(w);
    c.warn(
      `${file}: no nvidia.com/gpu limit in ${w.kind} ${readName(w.name)}; the device count is taken from the engine's flags` +
        (mig !== undefined
          ? `; the nvidia.com/mig-* resource at line ${mig} is no MIG profile this reads (<g>g.<GB>gb: 1 to 7 compute slices, at most ${MAX_SLICE_GB} GB)`
          : ''),
    );
    c.set('hardware.gpus', world * w.instances.count, found?.words[0]?.line ?? w.line);
  }
  if (groupPods > 1 && perPod) c.set('hardware.gpus_per_node', perPod.count, perPod.line);
  const hw = hardwarePreset(w.groups[0]?.spec);
  if (hw) c.set('hardware.preset', hw.preset, hw.line);
  applyMig(c, hw, perPod);
  return c.result();
}

/**
 * Pools are read as whole GPUs, so a MIG slice there (a nvidia.com/mig-* limit, or the single
 * strategy's product label) would over-state memory, compute and bandwidth: it is said, not modelled.
 */
function warnMigPools(c: FieldCollector, found: readonly ({ line: number; mig?: MigProfile } | undefined)[]): void {
  const slice = found.find((x) => x?.mig !== undefined);
  if (slice?.mig)
    c.warn(
      `${c.origin(slice.line)}: MIG slice ${slice.mig.name} is not modelled in a disaggregated deployment: each pool is read as whole GPUs (memory, compute and bandwidth over-stated); set the slice's hardware.memory, peak_tflops and memory_bandwidth in the plan`,
    );
}

/**
 * A pod on MIG slices runs on part of a GPU: the slice's memory, and where the GPU is known (a node
 * label) and slices into 7 SM and 8 memory slices, its share of compute and bandwidth (gpu-labels.ts,
 * migSlice). Else the memory its profile prints, with a warning that compute and bandwidth stay the
 * whole GPU's.
 */
function applyMig(
  c: FieldCollector,
  hw: { preset: string; line: number; mig?: MigProfile } | undefined,
  pod: { count: number; line: number; mig?: MigProfile } | undefined,
): void {
  const profile = pod?.mig ?? hw?.mig;
  if (profile === undefined) return;
  const line = pod?.mig !== undefined ? pod.line : (hw?.line ?? 0);
  const preset = hw === undefined ? undefined : hardwarePresetById(hw.preset);
  const slice = migSlice(preset?.spec, preset?.id, hw === undefined ? undefined : printedMemoryGb(hw.preset)[0], profile);
  if (slice !== undefined && preset !== undefined) {
    for (const [key, value] of Object.entries(slice.spec)) c.set(`hardware.${key}`, value, line);
    const gib = ((slice.spec.memory ?? 0) / 2 ** 30).toFixed(1);
    c.warn(
      `${c.origin(line)}: MIG slice ${profile.name} of an ${preset.name}: read as a device of ${gib} GiB with ${profile.g}/7 of its compute and ${slice.memorySlices}/8 of its memory bandwidth (NVIDIA MIG User Guide: SM slices of about 1/7, memory slices of about 1/8)`,
    );
  } else {
    c.set('hardware.memory', profile.gb * 1e9, line);
    c.warn(
      `${c.origin(line)}: MIG slice ${profile.name}: read as a device of ${profile.gb} GB (the profile's printed memory), but its compute and memory bandwidth are not scaled${hw === undefined ? ' (no node label names the GPU it slices)' : ''}: the estimates use the whole GPU's; set hardware.peak_tflops and memory_bandwidth in the plan`,
    );
  }
  // NVIDIA MIG User Guide, "CUDA device enumeration": a CUDA process sees one MIG device
  if (pod?.mig !== undefined && pod.count > 1)
    c.warn(
      `${c.origin(line)}: ${pod.count} MIG slices in one pod: a CUDA process enumerates only one MIG device, so one engine cannot run tensor-parallel over them`,
    );
}

/** Reads an LLMInferenceService pod template: its vLLM container (`main`, else the first) and its GPU limit. */
function podReader(file: YamlFile, configMaps: Map<string, YNode>): (template: YNode | undefined) => PodReading {
  return (template) => {
    const containers = itemsOf(at(template, 'containers'));
    const container = containers.find((x) => stringOf(at(x, 'name')) === 'main') ?? containers[0];
    if (!container) return { words: [], start: 0 };
    const { env, fromCluster } = containerEnv(container, {}, configMaps);
    const commands = containerCommands(file, [...itemsOf(at(container, 'command')), ...itemsOf(at(container, 'args'))], env, new Set(fromCluster));
    const found = findInvocation(commands, 'vllm');
    const gpus = gpusOf(container);
    return { words: found?.words ?? commands[0] ?? [], start: found?.start ?? 0, ...(gpus ? { gpus } : {}) };
  };
}

/** The line of a nvidia.com/mig-* limit or request that names no profile migProfile reads, if any. */
function unreadMigLine(w: Workload): number | undefined {
  for (const group of w.groups) {
    for (const container of group.container ? [group.container] : itemsOf(at(group.spec, 'containers'))) {
      for (const kind of ['limits', 'requests']) for (const [name, node] of migResources(container, kind)) if (migProfile(name) === undefined) return node.line;
    }
  }
  return undefined;
}

/** GPUs of one instance of a workload: per pod from the GPU limits, times its pods. */
function instanceGpus(w: Workload): { count: number; line: number } | undefined {
  let count = 0;
  let line = 0;
  for (const group of w.groups) {
    const containers = group.container ? [] : itemsOf(at(group.spec, 'containers'));
    const gpus = group.gpus ?? containers.map(gpusOf).find((g) => g !== undefined);
    if (!gpus) continue;
    count += gpus.count * group.pods;
    line ||= gpus.line;
  }
  return count > 0 ? { count, line } : undefined;
}

/**
 * The engine runs of a disaggregated deployment (a role from the engine's flags, Dynamo's
 * subComponentType, llm-d's role label or the workload's name), or null unless both a prefill and a
 * decode worker start an engine.
 */
function disaggregatedRuns(candidates: readonly Chosen[], options: ManifestOptions): { runs: RoleRun[]; spec: YNode | undefined } | null {
  const runs: (RoleRun & { spec: YNode | undefined })[] = [];
  for (const cand of candidates) {
    const engine = cand.engine ?? options.engine;
    if (engine === undefined) continue;
    const found = findInvocation(cand.commands, engine);
    if (!found) continue;
    const args = { ...parseFlags(engine, found.words, found.start, found.words[0]?.line ?? cand.workload.line), wholeCommand: true };
    const role = roleFromFlags(args) ?? roleFromName(cand.workload.roleHint);
    if (role === undefined) continue;
    const gpus = instanceGpus(cand.workload);
    runs.push({
      role,
      args,
      workers: cand.workload.instances,
      ...(gpus ? { gpus } : {}),
      label: `${cand.workload.kind} ${readName(cand.workload.name)}`,
      spec: cand.workload.groups[0]?.spec,
    });
  }
  const both = bothRoles(runs);
  if (!both) return null;
  return { runs: both, spec: both.find((r) => r.role === 'decode')?.spec };
}

/** Parses and imports; a Helm template or unreadable YAML is an error. */
export function importManifestText(file: string, text: string, options: ManifestOptions, findConfig: FindConfig): ImportResult | ImportError {
  const yaml = parseYamlFile(text);
  if ('error' in yaml) return yaml;
  return importManifest(file, yaml, options, findConfig);
}
