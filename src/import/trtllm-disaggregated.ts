// TensorRT-LLM's disaggregated serving config (trtllm-serve disaggregated -c config.yaml): the model
// and backend at the top, context_servers (the prefill pool) and generation_servers (the decode pool),
// each with num_instances and the LLM API options of its workers (tensor_parallel_size,
// moe_expert_parallel_size, enable_attention_dp, max_batch_size, max_num_tokens, kv_cache_config, ...).
import type { FlagValue } from './engine-args.js';
import { argsFromConfig } from './engine-config.js';
import type { FindConfig } from './engine-run.js';
import { importRoles, type RoleRun } from './pools.js';
import { FieldCollector, type ImportError, type ImportResult } from './result.js';
import { at, scalarOf, type YNode } from './yaml-tree.js';
import { didYouMean } from '../plan/didYouMean.js';
import { keyLabel } from '../plan/source.js';

const POOL_SECTIONS = ['context_servers', 'generation_servers'] as const;

export function isTrtllmDisaggregated(root: YNode): boolean {
  return POOL_SECTIONS.every((key) => at(root, key)?.kind === 'map');
}

/**
 * A file that names one of the two pool sections (or a near miss of either) but not both as maps is
 * a disaggregated config written wrong: read as one engine's options it would verify a deployment the
 * file does not describe (`generation_server:` left a one-GPU aggregated plan), so it is an error.
 */
export function halfDisaggregated(root: YNode): ImportError | undefined {
  if (root.kind !== 'map') return undefined;
  for (const [key, node] of root.entries) {
    const meant = didYouMean(key, POOL_SECTIONS);
    if (meant === undefined || (meant === key && node.kind === 'map')) continue;
    const missing = POOL_SECTIONS.filter((k) => at(root, k)?.kind !== 'map');
    if (missing.length === 0) continue;
    const what =
      meant === key ? `${keyLabel(key)} is not a map of worker options` : `${keyLabel(key)} is not a key TensorRT-LLM reads (did you mean '${meant}'?)`;
    return {
      error: `a TensorRT-LLM disaggregated config needs both context_servers and generation_servers as maps; ${what}, so ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing`,
      line: node.line,
    };
  }
  return undefined;
}

export function importTrtllmDisaggregated(file: string, root: YNode, findConfig: FindConfig): ImportResult | ImportError {
  const c = new FieldCollector(file);
  const model = at(root, 'model');
  const runs: RoleRun[] = [];
  for (const [key, role] of [
    ['context_servers', 'prefill'],
    ['generation_servers', 'decode'],
  ] as const) {
    const section = at(root, key)!;
    const args = argsFromConfig('trtllm', section);
    // the model is named once, at the top
    if (model?.kind === 'scalar' && typeof model.value === 'string' && !args.flags.has('model')) {
      const flag: FlagValue = { value: model.value, line: model.line, written: 'model', unresolved: [] };
      args.flags.set('model', flag);
    }
    const instances = at(section, 'num_instances');
    const n = scalarOf(instances);
    const count = typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : 1;
    if (instances !== undefined && count !== n) c.warn(`${file}:${instances.line}: ${key}.num_instances is not a whole number of at least 1; 1 is used`);
    runs.push({ role, args, workers: { count, line: instances?.line ?? section.line }, label: key });
  }
  importRoles(c, runs, findConfig);
  return c.result();
}
