// The sections of TensorRT-LLM's LLM API options YAML (--extra_llm_api_options / --config /
// --extra-engine-args) whose keys the importer reads, with their real fields, from
// tensorrt_llm/llmapi/llm_args.py (KvCacheConfig, CudaGraphConfig, AttentionDpConfig; 1.x releases).
// Each section model is a StrictBaseModel, and BaseLlmArgs itself declares extra="forbid": a key that is
// no field of its level fails LlmArgs's validation when trtllm-serve builds its LLM (the YAML is merged
// into the LLM's keyword arguments at the top level, update_llm_args_with_extra_dict). Two mistakes are
// caught here, each at its file and line:
//   - a section's field written at the top level (free_gpu_memory_fraction: 0.5 beside kv_cache_config,
//     not under it): TensorRT-LLM reads the field only under its section, so the key is not imported;
//   - a key under a section that is no field of it but near one (kv_cache_config.kv_cache_free_gpu_memory_fraction,
//     trtllm-serve's flag name; kv_cache_config.enable_block_reus): "did you mean" the field.
// Fields differ between releases; only near misses of a field are judged, never every unknown key.
import { canonicalFlag } from './flag-names.js';
import { llmApiKey } from './trtllm-spellings.js';
import { didYouMean, editDistance } from '../plan/didYouMean.js';
import { keyLabel } from '../plan/source.js';
import { ownEntry } from '../presets/lookup.js';

interface Section {
  /** the pydantic model TensorRT-LLM validates the section with, for messages */
  model: string;
  /** its fields, normalised ('-' for '_') */
  fields: readonly string[];
}

const SECTIONS: Readonly<Record<string, Section>> = {
  'kv-cache-config': {
    model: 'KvCacheConfig',
    fields: [
      ...['enable-block-reuse', 'max-tokens', 'max-attention-window', 'sink-token-length', 'free-gpu-memory-fraction'],
      ...['host-cache-size', 'onboard-blocks', 'cross-kv-cache-fraction', 'secondary-offload-min-priority', 'event-buffer-max-size'],
      ...['attention-dp-events-gather-period-ms', 'enable-partial-reuse', 'copy-on-partial-reuse', 'use-uvm', 'max-gpu-total-bytes'],
      ...['dtype', 'mamba-ssm-cache-dtype', 'tokens-per-block', 'use-kv-cache-manager-v2', 'max-util-for-resume'],
    ],
  },
  'cuda-graph-config': { model: 'CudaGraphConfig', fields: ['batch-sizes', 'max-batch-size', 'enable-padding'] },
  'attention-dp-config': {
    model: 'AttentionDpConfig',
    fields: ['enable-balance', 'timeout-iters', 'batching-wait-iters', 'enable-kv-cache-aware-routing', 'kv-cache-routing-load-balance-weight'],
  },
};

/** Most edits between a key and the field it was meant to be (as engines.ts judges option names). */
const NEAR_EDITS = 2;

/** A key of the options YAML as a message shows it: a spelling the importer knows whole, any other as a plan's unknown keys are (keyLabel). */
function shownKey(written: string, known: boolean): string {
  return known ? `'${written}'` : keyLabel(written);
}

/**
 * The section a top-level key of the options YAML belongs in, when it is a field the importer reads
 * under a section (`readInSections`: dotted option names) and no top-level option (`readAtTop`):
 * free_gpu_memory_fraction -> kv_cache_config. Undefined for any other key.
 */
export function misplacedSection(name: string, readInSections: readonly string[], readAtTop: ReadonlySet<string>): string | undefined {
  if (name.includes('.') || readAtTop.has(name)) return undefined;
  const full = readInSections.find((option) => option.endsWith(`.${name}`) && option.indexOf('.') === option.length - name.length - 1);
  return full?.slice(0, full.indexOf('.'));
}

/** What a misplaced top-level key is, said at its line (never its value). */
export function misplacedMessage(written: string, name: string, section: string, consequence: string): string {
  const s = llmApiKey(section);
  const field = `${s}.${llmApiKey(name)}`;
  return `${shownKey(written, true)} belongs under ${s}: (${field}); TensorRT-LLM reads it nowhere else and refuses it at the top level at start-up (LlmArgs forbids unknown keys). Not imported: ${consequence}`;
}

/**
 * A key under a section the importer reads that is no field of that section but near one: the field
 * meant and how the key is shown, else undefined. `name` is the option's normalised dotted name
 * (kv-cache-config.kv-cache-free-gpu-memory-fraction), `written` the key as the file writes it.
 */
export function sectionNearMiss(name: string, written: string): { message: string } | undefined {
  const dot = name.indexOf('.');
  if (dot < 0) return undefined;
  const section = ownEntry(SECTIONS, name.slice(0, dot));
  const leaf = name.slice(dot + 1);
  if (section === undefined || leaf.includes('.') || section.fields.includes(leaf)) return undefined;
  const head = name.slice(0, dot);
  // another front end's name of a field (trtllm-serve's kv_cache_free_gpu_memory_fraction, Dynamo's
  // free-gpu-memory-fraction, trtllm-bench's kv_cache_free_gpu_mem_fraction): the field it names
  const aliased = canonicalFlag('trtllm', leaf);
  const byAlias = aliased.startsWith(`${head}.`) && section.fields.includes(aliased.slice(head.length + 1)) ? aliased.slice(head.length + 1) : undefined;
  const near = byAlias ?? didYouMean(leaf, section.fields);
  if (near === undefined || (byAlias === undefined && editDistance(leaf, near) > NEAR_EDITS)) return undefined;
  const s = llmApiKey(head);
  const meant = `${s}.${llmApiKey(near)}`;
  return {
    message: `${shownKey(written, byAlias !== undefined)} under ${s} is not a field of TensorRT-LLM's ${section.model}, which refuses an unknown key at start-up; did you mean ${meant}? The importer reads nothing from it, so unless ${meant} is given too its default is used`,
  };
}
