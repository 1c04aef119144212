// Which plans a change to other files affects: a plan that imports k8s/decode.yaml must be verified
// again when a pull request touches only k8s/decode.yaml. Pure: plan texts in, repository paths out.
import { parseDocument } from 'yaml';
import { relativeTo } from './index.js';

function fromOf(planText: string): unknown {
  try {
    const doc = parseDocument(planText, { prettyErrors: false });
    if (doc.errors.length > 0) return undefined;
    const js: unknown = doc.toJS({ maxAliasCount: 100 });
    if (js === null || typeof js !== 'object') return undefined;
    const deployment = (js as Record<string, unknown>).deployment;
    return deployment !== null && typeof deployment === 'object' ? (deployment as Record<string, unknown>).from : undefined;
  } catch {
    return undefined;
  }
}

/** The repository paths a plan imports from (`deployment.from`, resolved against the plan's folder). */
export function importedPaths(planPath: string, planText: string): string[] {
  const from = fromOf(planText);
  const list = typeof from === 'string' ? [from] : Array.isArray(from) ? from.filter((f): f is string => typeof f === 'string') : [];
  return list.map((ref) => relativeTo(planPath, ref));
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
