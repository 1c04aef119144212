// Which plans a change to other files affects: a plan that imports k8s/decode.yaml must be verified
// again when a pull request touches only k8s/decode.yaml. Pure: plan texts in, repository paths out.
// Plans are read with the loader's own bounded parser (size, depth, aliases, duplicate keys in
// linear time): this scan runs over unchanged plans too, so a crafted one must not stall it.
import { parseSource, type SourceNode } from '../plan/source.js';
import { relativeTo } from './index.js';

function entry(node: SourceNode | null | undefined, key: string): SourceNode | undefined {
  return node?.type === 'map' ? node.entries.find((e) => e.key === key)?.value : undefined;
}

function fromOf(planText: string): string[] {
  const source = parseSource(planText);
  if (!source.ok) return [];
  const from = entry(entry(source.root, 'deployment'), 'from');
  const items = from?.type === 'seq' ? from.items : from ? [from] : [];
  return items.flatMap((item) => (item.type === 'scalar' && typeof item.value === 'string' ? [item.value] : []));
}

/** The repository paths a plan imports from (`deployment.from`, resolved against the plan's folder). */
export function importedPaths(planPath: string, planText: string): string[] {
  return fromOf(planText).map((ref) => relativeTo(planPath, ref));
}

/** The plans (of those given) that import any of the changed paths, sorted, each once. */
export function plansImporting(changed: readonly string[], plans: readonly { path: string; text: string }[]): string[] {
  const wanted = new Set(changed);
  const out = new Set<string>();
  for (const plan of plans) {
    if (importedPaths(plan.path, plan.text).some((p) => wanted.has(p))) out.add(plan.path);
  }
  return [...out].sort();
}
