// The engine's largest decode batch replayed from a captured CUDA graph, read into
// workload.cuda_graph_max_batch (sequences per replica; a larger batch launches eagerly):
//   SGLang        --cuda-graph-bs a b c (the largest), else --cuda-graph-max-bs N (now deprecated aliases of
//                 --cuda-graph-bs-decode and --cuda-graph-max-bs-decode, folded in flag-names.ts): batch sizes, in requests
//                 (server_args.py; a speculative verify step of b requests is still batch b)
//   vLLM          --cudagraph-capture-sizes a b c / --max-cudagraph-capture-size N (0.11.1+; EngineArgs),
//                 --cuda-graph-sizes a b c (0.9-0.11.0, SchedulerConfig: several are the list, one value N
//                 generates [1, 2, 4, 8, 16, ..., N] in steps of 8), --compilation-config '{"cudagraph_capture_sizes": [...],
//                 "max_cudagraph_capture_size": N}' (JSON, dotted, or in --config; older "max_capture_size"):
//                 token counts, a uniform decode step of b sequences being b x (1 + k) tokens with k
//                 speculative tokens, so the batch is floor(N / (1 + k)) sequences
//   TensorRT-LLM  cuda_graph_config: {batch_sizes: [...] (the largest), max_batch_size: N} in the options
//                 YAML (llm_args.py, BaseCudaGraphConfig): batch sizes, in requests; max_batch_size 0 is
//                 its default (128 generated sizes) and is left to the engine profile
// A list's largest size is the cap; a value that cannot be read is warned about and marked unread.
import type { Engine } from './engine-args.js';
import type { FieldCollector, Where } from './result.js';
import { readValue } from '../plan/read-value.js';
import { type CompilationFlags, compilationJson } from './vllm-compilation.js';

export type GraphCapFlags = CompilationFlags;

const PATH = 'workload.cuda_graph_max_batch';

/** Whole numbers of at least 1 in a list as written ("8 16 32", "[8, 16, 32]", "8,16,32"), else undefined. */
export function parseSizes(text: string): number[] | undefined {
  const words = text
    .replace(/[[\]]/g, ' ')
    .split(/[\s,]+/)
    .filter((w) => w !== '');
  if (words.length === 0) return undefined;
  const sizes = words.map((w) => (/^\d+$/.test(w) ? Number(w) : Number.NaN));
  return sizes.every((n) => Number.isSafeInteger(n) && n >= 1) ? sizes : undefined;
}

interface Written {
  /** the option as the engine spells it, for messages */
  label: string;
  line: Where;
  /** a list (its largest size counts) or one number */
  list: boolean;
  /** the value as written: text, or what a JSON config holds */
  raw: unknown;
  /** the largest size the engine generates from one value N, where it does not capture N itself */
  generated?: (n: number) => number;
}

interface Source {
  names: readonly string[];
  label: string;
  list: boolean;
  generated?: (n: number) => number;
}

/**
 * vLLM 0.9-0.11.0's --cuda-graph-sizes N, one value: SchedulerConfig.cuda_graph_sizes's docstring and
 * VllmConfig._set_cudagraph_sizes capture [1, 2, 4] + range(8, N + 1, 8), so the largest is N rounded
 * down to a multiple of 8 (4 below 8). From 0.11.1 (PR #26016) arg_utils.py sets it as
 * compilation_config.cudagraph_capture_sizes: the one size N.
 */
const steppedBy8 = (n: number): number => (n < 8 ? 4 : n - (n % 8));

/** Each engine's spellings, the first written one wins: a list before a largest size (each engine takes the list's largest). */
const SOURCES: Readonly<Record<Engine, readonly Source[]>> = {
  sglang: [
    { names: ['cuda-graph-bs'], label: '--cuda-graph-bs', list: true },
    { names: ['cuda-graph-max-bs'], label: '--cuda-graph-max-bs', list: false },
  ],
  vllm: [
    { names: ['cudagraph-capture-sizes'], label: '--cudagraph-capture-sizes', list: true },
    { names: ['compilation-config.cudagraph-capture-sizes'], label: 'compilation_config.cudagraph_capture_sizes', list: true },
    { names: ['cuda-graph-sizes'], label: '--cuda-graph-sizes', list: true, generated: steppedBy8 },
    { names: ['max-cudagraph-capture-size'], label: '--max-cudagraph-capture-size', list: false },
    { names: ['compilation-config.max-cudagraph-capture-size'], label: 'compilation_config.max_cudagraph_capture_size', list: false },
    { names: ['compilation-config.max-capture-size'], label: 'compilation_config.max_capture_size', list: false },
  ],
  trtllm: [
    { names: ['cuda-graph-config.batch-sizes'], label: 'cuda_graph_config.batch_sizes', list: true },
    { names: ['cuda-graph-config.max-batch-size'], label: 'cuda_graph_config.max_batch_size', list: false },
  ],
};

/** The options read here, per engine (for the importer's misspelling check). */
export const GRAPH_CAP_OPTIONS: Readonly<Record<Engine, readonly string[]>> = {
  sglang: SOURCES.sglang.flatMap((s) => s.names),
  vllm: SOURCES.vllm.flatMap((s) => s.names),
  trtllm: [...SOURCES.trtllm.flatMap((s) => s.names), 'cuda-graph-config.enable-padding'],
};

/** vLLM's --compilation-config JSON keys, in the same order. */
const VLLM_JSON: readonly { key: string; list: boolean }[] = [
  { key: 'cudagraph_capture_sizes', list: true },
  { key: 'max_cudagraph_capture_size', list: false },
  { key: 'max_capture_size', list: false },
];

function written(engine: Engine, r: GraphCapFlags, c: FieldCollector): Written[] {
  const out: Written[] = [];
  for (const s of SOURCES[engine]) {
    const v = r.text(s.names);
    if (v) out.push({ label: s.label, line: v.line, list: s.list, raw: v.value, ...(s.generated ? { generated: s.generated } : {}) });
  }
  const json = engine === 'vllm' ? compilationJson(r, c) : undefined;
  if (json) {
    for (const { key, list } of VLLM_JSON) {
      if (Object.hasOwn(json.o, key) && json.o[key] !== null) out.push({ label: `--compilation-config ${key}`, line: json.line, list, raw: json.o[key] });
    }
  }
  // lists first (the engine derives the largest size from one), then the order above
  return [...out.filter((w) => w.list), ...out.filter((w) => !w.list)];
}

/** The schema's maximum of workload.cuda_graph_max_batch (plan/schema.ts): a larger size is not read. */
const MAX_SIZE = 2 ** 24;

/** The largest size a written value says, or undefined when it cannot be read (or is above MAX_SIZE). */
function largest(w: Written): number | undefined {
  const n = largestWritten(w);
  return n !== undefined && n <= MAX_SIZE ? n : undefined;
}

function largestWritten(w: Written): number | undefined {
  if (Array.isArray(w.raw)) return w.raw.every((n) => typeof n === 'number') ? parseSizes(w.raw.join(' '))?.reduce((a, b) => Math.max(a, b)) : undefined;
  if (typeof w.raw === 'number') return Number.isSafeInteger(w.raw) && w.raw >= 1 ? w.raw : undefined;
  if (typeof w.raw !== 'string') return undefined;
  const sizes = parseSizes(w.raw);
  if (sizes === undefined || (!w.list && sizes.length !== 1)) return undefined;
  return sizes.reduce((a, b) => Math.max(a, b));
}

const shown = (raw: unknown): string => (typeof raw === 'string' ? readValue(raw) : typeof raw === 'number' ? readValue(String(raw)) : '(not a number)');

/** The largest size captured from a value's largest `size`: the generated sizes' largest for one value where the engine generates them (said when that is not the value). */
function oneValue(w: Written, size: number, where: string, c: FieldCollector): number {
  if (w.generated === undefined || typeof w.raw !== 'string' || parseSizes(w.raw)?.length !== 1) return size;
  const largestGenerated = w.generated(size);
  if (largestGenerated !== size)
    c.warn(
      `${where}: ${w.label} ${size}, one value, captures sizes up to ${largestGenerated} in vLLM 0.9-0.11.0 ([1, 2, 4, 8, 16, ...] in steps of 8), and the one size ${size} from 0.11.1 (as --cudagraph-capture-sizes ${size}); ${largestGenerated} is imported: give workload.cuda_graph_max_batch in the plan for a later vLLM`,
      [PATH],
    );
  return largestGenerated;
}

/** Reads the engine's CUDA-graph batch cap (call after setSpeculative: vLLM's is divided by 1 + k). */
export function setGraphCap(engine: Engine, r: GraphCapFlags, c: FieldCollector): void {
  const all = written(engine, r, c);
  const first = all[0];
  if (first === undefined) return;
  const where = c.origin(first.line);
  // TensorRT-LLM's max_batch_size 0 is its default: sizes up to 128 generated (left to the engine profile)
  if (engine === 'trtllm' && !first.list && typeof first.raw === 'string' && first.raw.trim() === '0') return;
  const size = largest(first);
  if (size === undefined) {
    const why = `${where}: ${first.label} ${shown(first.raw)} is not ${first.list ? 'a list of batch sizes' : 'a batch size'} of at least 1 (and at most ${MAX_SIZE})`;
    c.warn(`${why}; workload.cuda_graph_max_batch is not imported (the engine profile's default applies): give it in the plan`);
    c.markUnread(PATH, why);
    return;
  }
  if (engine === 'trtllm') {
    const max = all.find((w) => !w.list);
    const maxSize = max && first.list ? largest(max) : undefined;
    if (max && maxSize !== undefined && maxSize !== size)
      c.warn(
        `${c.origin(max.line)}: cuda_graph_config.max_batch_size ${maxSize} is not the largest of batch_sizes (${size}): TensorRT-LLM refuses the two unless they agree; the largest of batch_sizes is imported`,
      );
    const padding = r.text(['cuda-graph-config.enable-padding']);
    if (!padding || !/^(true|1|yes|on)$/i.test(padding.value.trim()))
      c.warn(
        `${where}: without cuda_graph_config.enable_padding TensorRT-LLM replays a graph only for a batch of exactly one of its sizes (those generated without padding: 1-32, 64, 128, then powers of two to max_batch_size); the estimate takes every decode batch up to ${size} as a graph, which reads decode fast for batches between sizes`,
      );
  }
  const captured = oneValue(first, size, where, c);
  let batch = captured;
  if (engine === 'vllm') {
    // vLLM's capture sizes count tokens: a decode step of b sequences is b x (1 + k) of them
    const k = c.has('workload.speculative.method') ? Number(c.get('workload.speculative.tokens') ?? 1) : 0;
    batch = Math.floor(captured / (1 + k));
    if (batch < 1) {
      const why = `${where}: ${first.label} ${captured} tokens is less than one decode step of ${1 + k} tokens (1 + ${k} speculative)`;
      c.warn(`${why}: every decode step launches eagerly; workload.cuda_graph_max_batch is not imported: set workload.cuda_graphs: false in the plan if so`);
      c.markUnread(PATH, why);
      return;
    }
    if (k > 0)
      c.warn(
        `${where}: vLLM's ${first.label} ${captured} counts tokens: with ${k} speculative tokens a decode step of b sequences is ${1 + k}b of them, so workload.cuda_graph_max_batch is ${batch} sequences`,
      );
  }
  c.set(PATH, batch, first.line);
}
