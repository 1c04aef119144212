// Matches an engine's --model (a Hugging Face repo, hf:// URI or local path) to a model preset.
// A known checkpoint (presets/checkpoints.ts: moonshotai/Kimi-K2.5, nvidia/Qwen3-32B-NVFP4, ...) gives its
// preset and what it stores. Otherwise a name matches when its last path segment, without release
// suffixes (-Instruct, -v0.1, -FP8...), equals a preset id or the repository name the preset's figures come from.
import type { Dtype } from '../core/types.js';
import type { FieldCollector, Where } from './result.js';
import { didYouMean } from '../plan/didYouMean.js';
import type { NearModel } from '../plan/resolve.js';
import { checkpointFor, CHECKPOINTS, MODEL_PRESETS, type Checkpoint } from '../presets/index.js';
import { withoutTrailingSlashes } from '../presets/checkpoints.js';

// the quantization suffixes as published: -FP8(-dynamic), -AWQ(-INT4), -GPTQ-Int4 (Qwen, hugging-quants),
// -quantized.w4a16 / .w8a8 / .w8a16 (RedHatAI, formerly neuralmagic)
const SUFFIXES =
  /(-(instruct|chat|base|hf|it))?(-v\d+(\.\d+)*)?([-.](quantized\.)?(fp8|fp8-dynamic|fp4|nvfp4|mxfp4|awq|awq-int4|gptq|gptq-int[48]|int4|int8|bf16|w4a16|w8a8|w8a16))?$/i;

function lastSegment(name: string): string {
  return (
    withoutTrailingSlashes(name.replace(/^[a-z]+:\/\//i, ''))
      .split('/')
      .pop() ?? name
  );
}

/**
 * Meta renamed its Llama 3.1 repositories (meta-llama/Meta-Llama-3.1-8B-Instruct is now
 * meta-llama/Llama-3.1-8B-Instruct; the old id redirects, and vLLM's examples still use it).
 * Llama 3 kept the prefix: Meta-Llama-3-8B is another model.
 */
function renamed(name: string): string {
  return name.replace(/(^|\/)Meta-(Llama-3\.1-)/i, '$1$2');
}

function stem(name: string): string {
  return lastSegment(renamed(name)).replace(SUFFIXES, '').toLowerCase();
}

/** Plan paths that name the model: where the plan gives one, an import's "matches no preset" is moot. */
export const PLAN_MODEL_PATHS: readonly string[] = ['model.preset', 'model.hf_config'];

/**
 * The checkpoint a model name refers to: by owner/name, else by its name alone (a local copy,
 * /models/DeepSeek-V3.2) when every checkpoint of that name is stored the same way.
 */
function checkpointOf(given: string): Checkpoint | undefined {
  const name = renamed(given);
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
  const m = /-(fp8|nvfp4|fp4|mxfp4)(-dynamic)?$/i.exec(withoutTrailingSlashes(name));
  if (!m) return undefined;
  return (m[1] as string).toLowerCase() === 'fp8' ? 'fp8' : 'fp4';
}

type Storage = NonNullable<Checkpoint['storage']>;

/**
 * Integer-quantized checkpoints by how their repositories are named. vLLM and SGLang load them as
 * stored (the checkpoint's quantization_config) without --quantization, so the name is the only word
 * the command gives. The linear layers are quantized; embeddings and LM head stay 16-bit (bf16 counts
 * the same 2 bytes as the fp16 these checkpoints often use). 4-bit groups of 128: the group_size of
 * Qwen's -AWQ and -GPTQ-Int4 config.json files, hugging-quants' -AWQ-INT4 / -GPTQ-INT4 and the
 * compressed-tensors W4A16 scheme of RedHatAI's .w4a16 checkpoints (also the plan format's int4 default).
 */
const NAMED_QUANTIZATION: readonly { pattern: RegExp; storage: Storage; reading: string }[] = [
  { pattern: /-awq(-int4)?$/i, storage: int4(), reading: 'AWQ: int4 weights in groups of 128' },
  { pattern: /-gptq-int4$/i, storage: int4(), reading: 'GPTQ 4-bit: int4 weights in groups of 128' },
  { pattern: /-gptq-int8$/i, storage: int8(), reading: 'GPTQ 8-bit: int8 weights' },
  // TheBloke's -GPTQ repositories keep 4-bit in their main branch; 8-bit ones exist in other branches
  { pattern: /-gptq$/i, storage: int4(), reading: 'GPTQ, read as 4-bit (the usual width; 8-bit GPTQ checkpoints exist): int4 weights' },
  { pattern: /[-.]w4a16$/i, storage: int4(), reading: 'W4A16: int4 weights in groups of 128' },
  // W8A8 is int8 weights and activations; FP8 W8A8 checkpoints are named -FP8 / -FP8-dynamic instead
  { pattern: /[-.]w8a(8|16)$/i, storage: int8(), reading: 'W8A8/W8A16: int8 weights' },
  { pattern: /-int4$/i, storage: int4(), reading: 'int4 weights' },
  { pattern: /-int8$/i, storage: int8(), reading: 'int8 weights' },
];

function int4(): Storage {
  return { weight_dtype: 'int4', weight_dtypes: { embeddings: 'bf16' }, quant_group_size: 128 };
}

function int8(): Storage {
  return { weight_dtype: 'int8', weight_dtypes: { embeddings: 'bf16' } };
}

/** The integer quantization an unlisted checkpoint's name announces (Qwen3-32B-AWQ), if any. */
function quantizationInName(name: string): (typeof NAMED_QUANTIZATION)[number] | undefined {
  if (checkpointOf(name) !== undefined) return undefined;
  const last = lastSegment(name);
  return NAMED_QUANTIZATION.find((q) => q.pattern.test(last));
}

/**
 * What a checkpoint stores beyond its preset (weight dtypes, 4-bit group, KV dtype): a known one's
 * figures, else what its name announces (-AWQ, -GPTQ-Int4, .w8a8...), or undefined. An engine's
 * --quantization and the plan's own fields still win (importers set these without overriding).
 */
export function checkpointStorage(name: string): Checkpoint['storage'] | undefined {
  const known = checkpointOf(name)?.storage;
  if (known !== undefined) return known;
  const named = quantizationInName(name)?.storage;
  return named === undefined ? undefined : structuredClone(named);
}

/**
 * A checkpoint's storage into the collector, with the warning when it was read from the name: the
 * engine importers and KServe's model field share it. `stated`: the weights' dtype was already said
 * (--quantization, a KServe field), so the name is not warned about; `override`: whether the storage
 * replaces a dtype set before it. Whether the checkpoint stored anything is returned.
 */
export function setCheckpointStorage(c: FieldCollector, name: string, line: Where, stated: boolean, override: boolean): boolean {
  const storage = checkpointStorage(name);
  if (storage === undefined) return false;
  for (const [key, value] of Object.entries(storage)) c.set(`model.${key}`, value, line, override);
  const guessed = storageReadFromName(name);
  if (guessed !== undefined && !stated) c.warn(`${c.origin(line)}: ${guessed}`);
  return true;
}

/** Why the storage of checkpointStorage was guessed from the name, for a warning; undefined when it was not. */
function storageReadFromName(name: string): string | undefined {
  const q = quantizationInName(name);
  if (q === undefined) return undefined;
  return `the model's name reads as a quantized checkpoint (${q.reading}, embeddings 16-bit), which the engine loads as stored; set model.weight_dtype (and quant_group_size) in the plan if it stores otherwise`;
}
