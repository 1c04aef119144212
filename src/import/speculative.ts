// Speculative decoding as each engine is told it, into the plan's workload.speculative (method, tokens).
//   vLLM     --speculative-config '{"method": "eagle3", "num_speculative_tokens": 3, ...}' (JSON, or
//            speculative-config: {...} in --config, or --speculative-config.method ...); an MTP method
//            (mtp, deepseek_mtp, qwen3_next_mtp ...) runs the checkpoint's own MTP layers
//   SGLang   --speculative-algorithm EAGLE | EAGLE3 | NEXTN | STANDALONE | NGRAM, --speculative-num-steps,
//            --speculative-num-draft-tokens (the tokens verified per step: the proposals + 1); EAGLE without
//            --speculative-draft-model-path drafts with the checkpoint's own next-n (MTP) layers, as NEXTN does
//   TRT-LLM  speculative_config: {decoding_type: MTP, num_nextn_predict_layers} | {decoding_type: Eagle | Eagle3
//            | NGram | DraftTarget, max_draft_len}
// How many proposals are accepted is measured, not configured: the plan must say (acceptance_length).
import { type Engine, jsonObjectFlag } from './engine-args.js';
import type { FieldCollector, Where } from './result.js';
import { readValue } from '../plan/read-value.js';

type Method = 'mtp' | 'draft' | 'ngram' | 'eagle';

/** What speculative.ts reads flags with (engines.ts's reader): a flag's text and where it was written. */
export interface TextFlags {
  text(names: readonly string[]): { value: string; line: Where } | undefined;
}

interface Found {
  /** the method as the engine names it, to map, or undefined when only a draft model is named */
  written?: string;
  method: Method | undefined;
  tokens?: { value: string; line: Where };
  line: Where;
}

/** vLLM's method names (a few others, medusa and mlp_speculator, the plan format cannot say). */
function vllmMethod(method: string | undefined, model: string | undefined): Method | undefined {
  const m = method?.toLowerCase();
  if (m === undefined)
    return model === undefined ? undefined : model === '[ngram]' ? 'ngram' : /eagle/i.test(model) ? 'eagle' : /medusa/i.test(model) ? undefined : 'draft';
  if (m === 'eagle' || m === 'eagle3') return 'eagle';
  if (m === 'ngram') return 'ngram';
  if (m === 'draft_model') return 'draft';
  return m.endsWith('mtp') ? 'mtp' : undefined;
}

function readVllm(r: TextFlags): Found | undefined {
  const json = r.text(['speculative-config']);
  if (json) {
    const o = jsonObjectFlag(json.value);
    if (!o) return { method: undefined, line: json.line };
    const str = (k: string): string | undefined => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
    const n = o.num_speculative_tokens;
    return {
      ...(str('method') !== undefined ? { written: str('method') } : {}),
      method: vllmMethod(str('method'), str('model')),
      ...(typeof n === 'number' || typeof n === 'string' ? { tokens: { value: String(n), line: json.line } } : {}),
      line: json.line,
    };
  }
  // speculative-config: {...} in a --config file, --speculative-config.method, or the older flags
  const method = r.text(['speculative-config.method']);
  const model = r.text(['speculative-config.model', 'speculative-model']);
  const tokens = r.text(['speculative-config.num-speculative-tokens', 'num-speculative-tokens']);
  const line = method?.line ?? model?.line ?? tokens?.line;
  if (line === undefined) return undefined;
  return {
    ...(method ? { written: method.value } : {}),
    method: vllmMethod(method?.value, model?.value),
    ...(tokens ? { tokens } : {}),
    line,
  };
}

function readSglang(r: TextFlags): Found | undefined {
  const algorithm = r.text(['speculative-algorithm']);
  if (!algorithm) return undefined;
  const a = algorithm.value.toUpperCase();
  const draftPath = r.text(['speculative-draft-model-path']);
  const method: Method | undefined =
    a === 'NEXTN'
      ? 'mtp'
      : a === 'EAGLE' || a === 'EAGLE3'
        ? draftPath
          ? 'eagle'
          : 'mtp'
        : a === 'STANDALONE'
          ? 'draft'
          : a === 'NGRAM' || a === 'LOOKAHEAD'
            ? 'ngram'
            : undefined;
  // the draft tokens verified per step are the proposals and the verified token
  const draft = r.text(['speculative-num-draft-tokens']);
  const steps = r.text(['speculative-num-steps']);
  const drafted = draft && /^\s*\d+\s*$/.test(draft.value) ? { value: String(Number(draft.value) - 1), line: draft.line } : undefined;
  const tokens = drafted ?? steps;
  return { written: algorithm.value, method, ...(tokens ? { tokens } : {}), line: algorithm.line };
}

function readTrtllm(r: TextFlags): Found | undefined {
  const type = r.text(['speculative-config.decoding-type']);
  if (!type) return undefined;
  const t = type.value.toLowerCase();
  const method: Method | undefined =
    t === 'mtp' ? 'mtp' : t === 'eagle' || t === 'eagle3' ? 'eagle' : t === 'ngram' ? 'ngram' : t === 'drafttarget' ? 'draft' : undefined;
  const tokens = method === 'mtp' ? r.text(['speculative-config.num-nextn-predict-layers']) : r.text(['speculative-config.max-draft-len']);
  return { written: type.value, method, ...(tokens ? { tokens } : {}), line: type.line };
}

/** Method names the engines use that a message may show (any other is the file's text, not shown). */
const KNOWN_METHODS = [
  ...['eagle', 'eagle3', 'ngram', 'draft_model', 'medusa', 'mlp_speculator', 'mtp', 'deepseek_mtp', 'qwen3_next_mtp'],
  ...['EAGLE', 'EAGLE3', 'NEXTN', 'STANDALONE', 'NGRAM', 'LOOKAHEAD', 'MTP', 'Eagle', 'Eagle3', 'NGram', 'DraftTarget', 'Medusa', 'Lookahead'],
];

/** The plan format's largest proposal count (schema.ts: workload.speculative.tokens). */
const MAX_TOKENS = 64;

/**
 * Reads the engine's speculative decoding into workload.speculative (method, tokens), with a warning
 * that its acceptance is not in the command; one the plan format cannot say is a warning that it is not read.
 */
export function setSpeculative(engine: Engine, r: TextFlags, c: FieldCollector): void {
  const found = engine === 'vllm' ? readVllm(r) : engine === 'sglang' ? readSglang(r) : readTrtllm(r);
  if (!found) return;
  const where = c.origin(found.line);
  if (found.method === undefined) {
    const what = found.written === undefined ? '' : ` ${readValue(found.written, KNOWN_METHODS)}`;
    c.warn(
      `${where}: speculative decoding${what} is not one the plan format models (mtp, draft, ngram, eagle), or not readable; it is not imported: set workload.speculative in the plan`,
    );
    return;
  }
  c.set('workload.speculative.method', found.method, found.line);
  const n = found.tokens === undefined ? undefined : Number(found.tokens.value.trim());
  if (found.tokens && n !== undefined && Number.isInteger(n) && n >= 1 && n <= MAX_TOKENS) c.set('workload.speculative.tokens', n, found.tokens.line);
  else if (found.tokens)
    c.warn(
      `${c.origin(found.tokens.line)}: ${readValue(found.tokens.value)} is not a proposal count of 1 to ${MAX_TOKENS}; workload.speculative.tokens is not imported`,
    );
  c.warn(
    `${where}: speculative decoding is read as workload.speculative (method ${found.method}); how many proposals are accepted is not in the command: give workload.speculative.acceptance_length (without it the estimate assumes 1, no proposal accepted)`,
  );
}
