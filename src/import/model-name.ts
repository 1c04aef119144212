// Matches an engine's --model (a Hugging Face repo, hf:// URI or local path) to a model preset.
// A known checkpoint (presets/checkpoints.ts: moonshotai/Kimi-K2.5, nvidia/Qwen3-32B-NVFP4, ...) gives its
// preset and what it stores. Otherwise a name matches when its last path segment, without release
// suffixes (-Instruct, -v0.1, -FP8...), equals a preset id or the repository name the preset's figures come from.
import type { Dtype } from '../core/types.js';
import { didYouMean } from '../plan/didYouMean.js';
import type { NearModel } from '../plan/resolve.js';
import { checkpointFor, CHECKPOINTS, MODEL_PRESETS, type Checkpoint } from '../presets/index.js';

const SUFFIXES = /(-(instruct|chat|base|hf|it))?(-v\d+(\.\d+)*)?(-(fp8|fp8-dynamic|fp4|nvfp4|mxfp4|awq|gptq|int4|int8|bf16))?$/i;

function lastSegment(name: string): string {
  return (
    name
      .replace(/^[a-z]+:\/\//i, '')
      .replace(/\/+$/, '')
      .split('/')
      .pop() ?? name
  );
}

function stem(name: string): string {
  return lastSegment(name).replace(SUFFIXES, '').toLowerCase();
}

/**
 * The checkpoint a model name refers to: by owner/name, else by its name alone (a local copy,
 * /models/DeepSeek-V3.2) when every checkpoint of that name is stored the same way.
 */
function checkpointOf(name: string): Checkpoint | undefined {
  const byRepo = checkpointFor(name);
  if (byRepo !== undefined) return byRepo;
  const last = lastSegment(name).toLowerCase();
  const same = Object.values(CHECKPOINTS).filter((c) => c.repo.split('/').pop()!.toLowerCase() === last);
  const first = same[0];
  const alike = same.every((c) => c.preset === first?.preset && JSON.stringify(c.storage) === JSON.stringify(first?.storage));
  return first !== undefined && alike ? first : undefined;
}

/** The preset id for an engine's model name, or undefined. */
export function modelPresetFor(name: string): string | undefined {
  const checkpoint = checkpointOf(name);
  if (checkpoint !== undefined) return checkpoint.preset;
  // A name that is a preset id as it stands (deepseek-v3.2) wins over stems that drop its version.
  const exact = lastSegment(name).toLowerCase();
  if (Object.hasOwn(MODEL_PRESETS, exact)) return exact;
  const wanted = stem(name);
  if (wanted === '') return undefined;
  for (const preset of Object.values(MODEL_PRESETS)) {
    const repo = /huggingface\.co\/([^/]+\/[^/]+)/.exec(preset.source)?.[1] ?? '';
    if (wanted === preset.id || (repo !== '' && wanted === stem(repo))) return preset.id;
  }
  return undefined;
}

/**
 * What an unknown model id most likely means, for "did you mean": a known checkpoint of that name in
 * another case or under another owner (llama-3.1-8B-instruct is meta-llama/Llama-3.1-8B-Instruct's
 * name), else the preset its name gives without release suffixes (-Instruct, -FP8), else a preset id a
 * typo away from that stem (llama3.1-8b-instruct).
 */
export function nearestModelPreset(name: string): NearModel | undefined {
  const checkpoint = checkpointOf(name);
  const preset = checkpoint?.preset ?? modelPresetFor(name) ?? didYouMean(stem(name), Object.keys(MODEL_PRESETS));
  if (preset === undefined) return undefined;
  const repos = Object.values(CHECKPOINTS)
    .filter((c) => c.preset === preset)
    .map((c) => c.repo);
  return checkpoint === undefined ? { preset, repos } : { preset, repos, checkpoint: { repo: checkpoint.repo, quantized: checkpoint.storage !== undefined } };
}

/** The weight dtype a repository name announces (Qwen3-235B-A22B-FP8), if any. */
export function dtypeInModelName(name: string): Dtype | undefined {
  const m = /-(fp8|nvfp4|fp4|mxfp4)(-dynamic)?$/i.exec(name.replace(/\/+$/, ''));
  if (!m) return undefined;
  return (m[1] as string).toLowerCase() === 'fp8' ? 'fp8' : 'fp4';
}

/** What a known checkpoint stores beyond its preset (weight dtypes, 4-bit group, KV dtype), or undefined. */
export function checkpointStorage(name: string): Checkpoint['storage'] | undefined {
  return checkpointOf(name)?.storage;
}
