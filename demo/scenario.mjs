// The sample pull request of `npm run demo`: built from the plans in examples/, so the demo shows
// what the action says about the project's real example deployments.
//
//   base commit: the examples as they were before the pull request (one plan with half the
//                concurrency, one under its old name, one plan that the pull request deletes)
//   pull request: adds the seed plan, raises one plan's concurrency, renames one, deletes one,
//                 touches a file that is no plan, and adds prefill workers to the Dynamo manifest
//                 that the disaggregated example imports (its plan is unchanged: the action
//                 re-verifies it because the file it imports changed).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addCommit } from '../__tests__/e2e/stand-in/server.mjs';

export const HEAD_SHA = 'd3a0d3a0d3a0d3a0d3a0d3a0d3a0d3a0d3a0d3a0';
export const BASE_SHA = 'ba5eba5eba5eba5eba5eba5eba5eba5eba5eba5e';
export const PULL_NUMBER = 42;

/** A plan's text with its workload concurrency halved (the "before" of a modified plan). */
function halveConcurrency(text) {
  return text.replace(/^(\s*concurrency:\s*)(\d+)/m, (_m, key, n) => `${key}${Math.max(1, Math.floor(Number(n) / 2))}`);
}

export function buildDemo(state, repoRoot) {
  const dir = join(repoRoot, 'examples');
  const examples = readdirSync(dir).filter((f) => /\.plan\.(ya?ml|json)$/.test(f)).sort();
  const text = (f) => readFileSync(join(dir, f), 'utf8');
  const seed = examples.find((f) => f.startsWith('seed')) ?? examples[0];
  // Plans that import a deployment file keep their text; the pull request changes their manifest.
  const importedFrom = (f) => /^\s*from:\s*(\S+)/m.exec(text(f))?.[1];
  const importing = examples.filter((f) => f !== seed && importedFrom(f));
  const others = examples.filter((f) => f !== seed && !importing.includes(f));
  const [modified, renamed, ...unchanged] = others;

  const head = { 'README.md': '# Deployment plans\n' };
  const base = { 'README.md': '# Plans\n', 'plans/retired-gpt-j.plan.yaml': 'version: 1\nname: retired\n' };
  const files = [{ filename: 'README.md', status: 'modified' }, { filename: 'plans/retired-gpt-j.plan.yaml', status: 'removed' }];

  head[`plans/${seed}`] = text(seed);
  files.push({ filename: `plans/${seed}`, status: 'added' });
  if (modified) {
    head[`plans/${modified}`] = text(modified);
    base[`plans/${modified}`] = halveConcurrency(text(modified));
    files.push({ filename: `plans/${modified}`, status: 'modified' });
  }
  if (renamed) {
    head[`plans/production/${renamed}`] = text(renamed);
    base[`plans/${renamed}`] = text(renamed);
    files.push({ filename: `plans/production/${renamed}`, status: 'renamed', previous_filename: `plans/${renamed}` });
  }
  for (const f of unchanged) {
    head[`plans/${f}`] = text(f);
    base[`plans/${f}`] = text(f);
  }
  for (const f of importing) {
    const manifest = importedFrom(f);
    head[`plans/${f}`] = text(f);
    base[`plans/${f}`] = text(f);
    // the base ran two prefill workers fewer
    head[`plans/${manifest}`] = text(manifest);
    base[`plans/${manifest}`] = text(manifest).replace(/(subComponentType: prefill\n\s*replicas: )(\d+)/, (_m, key, n) => `${key}${Math.max(1, Number(n) - 2)}`);
    files.push({ filename: `plans/${manifest}`, status: 'modified' });
  }
  addCommit(state, HEAD_SHA, head);
  addCommit(state, BASE_SHA, base);
  state.pulls.set(PULL_NUMBER, { files });
  return { files };
}
