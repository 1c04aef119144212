// vLLM's compilation config by its short names, and its optimization level, as they set CUDA graphs
// (workload.cuda_graphs) and their batch cap (workload.cuda_graph_max_batch). Sources:
// - vllm/utils/argparse_utils.py, FlexibleArgumentParser.parse_args: -O3, -O=3 and -O followed by 0-3 are
//   the level (compilation_config's level, mode in 0.11, --optimization-level from 0.12); -O.key=value and
//   --compilation-config.key value are one key of the JSON; vllm/engine/arg_utils.py registers -O (to
//   0.12) and -cc (since) as --compilation-config's short names.
// - vllm/config/vllm.py OPTIMIZATION_LEVEL_00..03 (0.12+): O0 cudagraph_mode NONE, O1 PIECEWISE, O2 and O3
//   FULL_AND_PIECEWISE; before 0.12, VllmConfig.__post_init__ sets cudagraph_mode NONE below level 3.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importText, ok } from './import-helpers.js';

const fields = (script: string, files: Record<string, string> = {}) => ok(importText('serve.sh', script, {}, files));
const graphs = (script: string) => fields(script).fields.workload?.cuda_graphs;
const cap = (script: string) => fields(script).fields.workload?.cuda_graph_max_batch;

describe("vLLM's -O and -cc: --compilation-config by its short names", () => {
  it('reads the JSON and one key (-O.key=value, -cc.key value) as --compilation-config gives them, at their line', () => {
    const json = fields(`vllm serve m \\\n  -O '{"cudagraph_mode": "NONE"}'`);
    expect(json.fields.workload?.cuda_graphs).toBe(false);
    expect(json.origins['workload.cuda_graphs']).toBe('serve.sh:2');
    expect(graphs('vllm serve m -O.cudagraph_mode=NONE')).toBe(false);
    expect(graphs('vllm serve m -cc.cudagraph_mode NONE')).toBe(false);
    expect(graphs(`vllm serve m -cc '{"cudagraph_mode": "NONE"}'`)).toBe(false);
    expect(graphs('vllm serve m -O.cudagraph_mode=FULL_DECODE_ONLY')).toBeUndefined();
    expect(cap('vllm serve m -O.max_cudagraph_capture_size=128')).toBe(128);
    expect(cap('vllm serve m -O.cudagraph_capture_sizes=[1,2,4,48]')).toBe(48);
    expect(cap(`vllm serve m -O '{"cudagraph_capture_sizes": [1, 2, 4, 24]}'`)).toBe(24);
    expect(cap('vllm serve m --compilation-config.cudagraph_capture_sizes=[1,2,4]')).toBe(4);
    expect(cap('vllm serve m -cc.max_cudagraph_capture_size 64')).toBe(64);
  });

  it('is not taken for an unknown option, and its capture size counts 1 + k tokens a sequence as the long form does', () => {
    const r = fields(`vllm serve m -O.max_cudagraph_capture_size=128 --speculative-config '{"method": "eagle3", "model": "d", "num_speculative_tokens": 3}'`);
    expect(r.warnings.some((w) => w.includes('is not a vLLM option'))).toBe(false);
    expect(r.fields.workload?.cuda_graph_max_batch).toBe(32);
  });
});

describe("vLLM's optimization level (-O<n>)", () => {
  it('-O0 (no compilation) turns CUDA graphs off in every spelling, at its line', () => {
    for (const o of ['-O0', '-O 0', '-O=0', '--optimization-level 0']) {
      const r = fields(`vllm serve m \\\n  ${o} --max-num-seqs 8`);
      expect(r.fields.workload?.cuda_graphs).toBe(false);
      expect(r.origins['workload.cuda_graphs']).toBe('serve.sh:2');
      expect(r.fields.workload?.max_running_sequences).toBe(8);
    }
  });

  it('-O3 leaves CUDA graphs on, silently, and takes no model: -O 3 takes the 3 alone', () => {
    for (const o of ['-O3', '-O 3']) {
      const r = fields(`vllm serve ${o} meta-llama/Llama-3.1-8B-Instruct`);
      expect(r.fields.workload?.cuda_graphs).toBeUndefined();
      expect(r.fields.model?.preset).toBe('llama-3.1-8b');
      expect(r.warnings).toEqual([]);
    }
  });

  it('-O1 and -O2 capture graphs from vLLM 0.12 and none before: read as on, and said, at their line', () => {
    for (const level of ['1', '2']) {
      const r = fields(`vllm serve meta-llama/Llama-3.1-8B-Instruct \\\n  -O${level}`);
      expect(r.fields.workload?.cuda_graphs).toBeUndefined();
      expect(
        r.warnings.some(
          (w) => w.startsWith(`serve.sh:2: -O ${level} captures CUDA graphs in vLLM 0.12 and later`) && w.includes('workload.cuda_graphs: false'),
        ),
      ).toBe(true);
    }
  });

  it('a cudagraph_mode written beside the level wins over its default', () => {
    expect(graphs('vllm serve m -O0 -O.cudagraph_mode=FULL_DECODE_ONLY')).toBeUndefined();
    expect(graphs(`vllm serve m -O3 --compilation-config '{"cudagraph_mode": "NONE"}'`)).toBe(false);
  });

  it('beside a compilation config it replaced whole before 0.12 (its level then), is read apart and said', () => {
    const beside = (w: string) => w.includes('beside the compilation config at') && w.includes('before 0.12 it is that config');
    for (const [script, at] of [
      [`vllm serve m \\\n  -O3 --compilation-config '{"cudagraph_mode": "NONE"}'`, 'serve.sh:2'],
      [`vllm serve m --compilation-config.cudagraph_mode NONE \\\n  -O 3`, 'serve.sh:1'],
    ] as const) {
      const r = fields(script);
      expect(r.fields.workload?.cuda_graphs).toBe(false);
      expect(r.warnings.filter(beside)).toEqual([
        expect.stringMatching(new RegExp(`^serve\\.sh:\\d: -O "?3"? beside the compilation config at ${at.replace('.', '\\.')} `)),
      ]);
    }
    for (const quiet of ['-O3 -O.cudagraph_mode=NONE', '-O3 -cc.cudagraph_mode=NONE', `--optimization-level 3 -cc '{"cudagraph_mode": "NONE"}'`]) {
      expect(fields(`vllm serve m ${quiet}`).warnings.filter(beside)).toEqual([]);
    }
  });
});

describe("--compilation-config='{...}' (one word, as vLLM's docs and tests write it)", () => {
  it('is one flag whose value holds spaces, not a command line in one argument', () => {
    const r = fields(`vllm serve m --compilation-config='{"cudagraph_mode": "NONE", "cudagraph_capture_sizes": [1, 2, 4, 40]}'`);
    expect(r.warnings.some((w) => w.includes('one argument holds spaces'))).toBe(false);
    expect(r.fields.workload?.cuda_graphs).toBe(false);
    expect(r.fields.workload?.cuda_graph_max_batch).toBe(40);
    const spec = fields(`vllm serve m --speculative-config='{"method": "eagle3", "model": "d", "num_speculative_tokens": 3}'`);
    expect(spec.fields.workload?.speculative).toMatchObject({ method: 'eagle', tokens: 3 });
  });

  it('is one flag when its JSON value holds a space and a dash in a string', () => {
    const r = fields(`vllm serve m --compilation-config='{"cudagraph_mode": "NONE", "inductor_compile_config": {"opt": "x -y"}}'`);
    expect(r.warnings.some((w) => w.includes('one argument holds spaces'))).toBe(false);
    expect(r.fields.workload?.cuda_graphs).toBe(false);
  });

  it('still says so of a word that holds another flag after a space', () => {
    const r = fields('vllm serve m "--max-num-seqs=8 --tensor-parallel-size 4"');
    expect(r.warnings.some((w) => w.includes('one argument holds spaces'))).toBe(true);
    expect(r.fields.workload?.max_running_sequences).toBeUndefined();
  });
});

describe('a compilation config vLLM cannot parse', () => {
  const unread = (w: string) => w.includes('is not a JSON object, which vLLM refuses at start-up; nothing is read from it');

  it('is warned about with the file, the line and the flag as written, never passed over', () => {
    for (const [option, flag] of [
      [`--compilation-config '{"cudagraph_mode": NONE}'`, '--compilation-config'],
      [`--compilation_config '{"cudagraph_capture_sizes": [1, 2,]}'`, '--compilation_config'],
      [`-O '{cudagraph_mode: "NONE"}'`, '-O'],
      [`-cc '[1, 2, 4]'`, '-cc'],
    ]) {
      const r = fields(`vllm serve m \\\n  ${option} --max-num-seqs 8`);
      expect(r.warnings.filter(unread)).toEqual([
        expect.stringMatching(new RegExp(`^serve\\.sh:2: ${flag} \\(a value of \\d+ characters, not shown\\) is not a JSON object`)),
      ]);
      expect(r.fields.workload?.cuda_graphs).toBeUndefined();
      expect(r.fields.workload?.cuda_graph_max_batch).toBeUndefined();
    }
  });

  it('is warned about in a --config file at its line there, and beside --enforce-eager too', () => {
    const r = fields('vllm serve m --config c.yaml', { 'c.yaml': 'max_num_seqs: 8\ncompilation_config: "{cudagraph_mode: NONE"\n' });
    expect(r.warnings.filter(unread)).toEqual([expect.stringMatching(/^c\.yaml:2: compilation_config /)]);
    expect(fields(`vllm serve m --enforce-eager -O '{"cudagraph_mode"'`).warnings.filter(unread)).toHaveLength(1);
  });

  it('is not a number 0-3 (the level, as early releases read it) nor a JSON object', () => {
    expect(graphs('vllm serve m --compilation-config 0')).toBe(false);
    const model = 'meta-llama/Llama-3.1-8B-Instruct';
    expect(fields(`vllm serve ${model} --compilation-config 3`).warnings).toEqual([]);
    expect(fields(`vllm serve ${model} --compilation-config '{"cudagraph_mode": "PIECEWISE"}'`).warnings).toEqual([]);
  });
});

describe("a JSON option the importer does not know, given twice: its flag is the file's text, named only as keyLabel shows a key", () => {
  it('a long or odd flag name is not echoed (it read five times in the warning); a known one still is', () => {
    for (const [dotted, whole] of [
      ['--internal-host-name-of-the-cluster-east-1.x', '--internal-host-name-of-the-cluster-east-1'],
      ["'--wei<rd>.x'", "'--wei<rd>'"],
    ]) {
      const r = fields(`vllm serve m ${dotted} 1 ${whole} '{"a": 1}'`);
      const said = r.warnings.join('\n');
      expect(said).toMatch(/serve\.sh:1: an option \(a key of \d+ characters, not shown\) is not applied: vLLM takes it whole from its dotted keys/);
      expect(said).not.toMatch(/internal-host|wei<rd>/);
    }
    const known = fields(`vllm serve m --eplb-config '{"num_redundant_experts": 32}' --eplb-config.window_size 1000`).warnings.join('\n');
    expect(known).toMatch(/serve\.sh:1: --eplb-config is not applied: vLLM's --eplb-config is taken whole from the dotted keys \(--eplb-config\.key\)/);
  });
  it('a dotted key of a known option shows its key only as keyLabel would', () => {
    const r = fields(`vllm serve m --hf-overrides.internal-host-name-of-the-cluster-east-1 1 --hf-overrides '{"a": 1}'`);
    expect(r.warnings.join('\n')).not.toMatch(/internal-host/);
  });
});

describe('the compilation config is taken whole from its last source, as argparse keeps the last --compilation-config', () => {
  const dropped = (w: string) => w.includes("is not applied: vLLM's compilation config is taken whole from");

  it('dotted keys (added after every other option) replace a JSON, which is warned about at its line', () => {
    const r = fields(`vllm serve m \\\n  --compilation-config '{"cudagraph_mode": "NONE"}' \\\n  -cc.max_cudagraph_capture_size=64`);
    expect(r.fields.workload?.cuda_graphs).toBeUndefined();
    expect(r.fields.workload?.cuda_graph_max_batch).toBe(64);
    expect(r.warnings.filter(dropped)).toEqual([expect.stringMatching(/^serve\.sh:2: --compilation-config is not applied: .* the dotted keys/)]);
    const caps = fields(`vllm serve m -O.cudagraph_mode=FULL -O '{"cudagraph_capture_sizes": [1, 2, 4, 8]}'`);
    expect(caps.fields.workload?.cuda_graph_max_batch).toBeUndefined();
    expect(caps.warnings.filter(dropped)).toHaveLength(1);
  });

  it("the command line's replaces a --config file's, and one source alone is read without a word", () => {
    const r = fields(`vllm serve m --config c.yaml --compilation-config '{"max_cudagraph_capture_size": 64}'`, {
      'c.yaml': 'max_num_seqs: 8\ncompilation_config:\n  cudagraph_mode: NONE\n',
    });
    expect(r.fields.workload?.cuda_graphs).toBeUndefined();
    expect(r.fields.workload?.cuda_graph_max_batch).toBe(64);
    expect(r.warnings.filter(dropped)).toEqual([expect.stringMatching(/^c\.yaml:3: cudagraph_mode is not applied: .* from the command line/)]);
    const alone = fields('vllm serve m -O.cudagraph_mode=NONE --compilation-config.max_cudagraph_capture_size 64');
    expect(alone.fields.workload).toMatchObject({ cuda_graphs: false, cuda_graph_max_batch: 64 });
    expect(alone.warnings.filter(dropped)).toEqual([]);
  });
});

describe("the compilation config's mode (level before 0.11)", () => {
  it('below 3 (VLLM_COMPILE) turns CUDA graphs off in any spelling, at its line, as -O0 does', () => {
    for (const o of [
      '-cc.mode=none',
      '-O.level=0',
      '--compilation-config.mode 1',
      `-cc '{"mode": "DYNAMO_TRACE_ONCE"}'`,
      `--compilation-config '{"level": 2}'`,
    ]) {
      const r = fields(`vllm serve m \\\n  ${o}`);
      expect(r.fields.workload?.cuda_graphs).toBe(false);
      expect(r.origins['workload.cuda_graphs']).toBe('serve.sh:2');
    }
  });

  it('3 leaves them on; a cudagraph_mode beside it wins; a mode it does not know is warned about', () => {
    expect(graphs('vllm serve m -cc.mode=VLLM_COMPILE')).toBeUndefined();
    expect(graphs(`vllm serve m -cc '{"mode": 3}'`)).toBeUndefined();
    expect(graphs('vllm serve m -cc.mode=0 -cc.cudagraph_mode=FULL')).toBeUndefined();
    for (const bad of ['constructor', '7']) {
      const r = fields(`vllm serve m -cc.mode=${bad}`);
      expect(r.fields.workload?.cuda_graphs).toBeUndefined();
      expect(r.warnings.some((w) => w.startsWith('serve.sh:1: compilation_config mode') && w.includes('is not a compilation mode the importer knows'))).toBe(
        true,
      );
    }
  });
});

describe('-O or --compilation-config without a value', () => {
  it('is warned about at its line, at the end of the line or before another flag', () => {
    for (const script of ['vllm serve m --max-num-seqs 8 \\\n  -O', 'vllm serve m \\\n  --compilation-config --max-num-seqs 8', 'vllm serve m \\\n  -cc -O3']) {
      const r = fields(script);
      expect(r.warnings.filter((w) => w.includes('is given no value, which vLLM refuses at start-up'))).toEqual([
        expect.stringMatching(/^serve\.sh:2: (-O|-cc|--compilation-config) /),
      ]);
      expect(r.fields.workload?.cuda_graphs).toBeUndefined();
    }
  });
});

// vllm/utils/argparse_utils.py, FlexibleArgumentParser.parse_args: a dotted key (--x.key value, --x.key=value)
// takes the next word only; `--x.key+ a,b` is the list [a, b]; keys of one option are gathered into one dict
// (recursive_dict_update: a value given again replaces the earlier one, a list given again is appended to it)
// and added as one `--x JSON` after every other argument, so it replaces a JSON or --config value of --x whole.
describe("vLLM's dotted keys, repeated, appended to (+) and beside the option's JSON, as its argparse gathers them", () => {
  const said = (r: { warnings: string[] }) => r.warnings.join('\n');

  it('appends a list given again, and reads `key+ a,b` as a list (before: the last list alone; a `+` key unread)', () => {
    expect(cap('vllm serve m --compilation-config.cudagraph_capture_sizes [8,16] --compilation-config.cudagraph_capture_sizes [1,2]')).toBe(16);
    expect(cap('vllm serve m -cc.cudagraph_capture_sizes+ 8,16 -cc.cudagraph_capture_sizes+ 32')).toBe(32);
    expect(cap('vllm serve m -cc.cudagraph_capture_sizes+=4,64')).toBe(64);
    // a value given again replaces the earlier one (vLLM warns "Found duplicate keys" and keeps the last)
    expect(cap('vllm serve m -cc.max_cudagraph_capture_size 64 -cc.max_cudagraph_capture_size 32')).toBe(32);
  });

  it('takes one word after a dotted key, as vLLM does, and says vLLM refuses the rest (before: read as the whole list)', () => {
    const r = fields('vllm serve m \\\n  --compilation-config.cudagraph_capture_sizes 8 16 --max-num-seqs 8 --gpu-memory-utilization 0.8');
    expect(r.fields.workload).toMatchObject({ cuda_graph_max_batch: 8, max_running_sequences: 8, memory_fraction: 0.8 });
    expect(said(r)).toMatch(
      /serve\.sh:2: --compilation-config\.cudagraph_capture_sizes takes one word .* vLLM refuses the words after it at start-up; only the first is read/,
    );
  });

  it('drops the JSON of an option whose dotted keys come after it (before: --eplb-config JSON read for redundant experts)', () => {
    const r = fields(
      `vllm serve Qwen/Qwen3-30B-A3B -tp 4 --enable-expert-parallel \\\n  --eplb-config '{"num_redundant_experts": 32}' \\\n  --eplb-config.window_size 1000`,
    );
    expect(r.fields.model?.moe).toBeUndefined();
    expect(said(r)).toMatch(/serve\.sh:2: --eplb-config is not applied: vLLM's --eplb-config is taken whole from the dotted keys \(--eplb-config\.key\)/);
    // dotted alone, its key is read
    expect(fields('vllm serve Qwen/Qwen3-30B-A3B -tp 4 --eplb-config.num_redundant_experts 32').fields.model?.moe).toMatchObject({ redundant_experts: 32 });
    const spec = fields(
      `vllm serve m --speculative-config '{"method": "ngram", "num_speculative_tokens": 3, "prompt_lookup_max": 4}' --speculative-config.num_speculative_tokens 5`,
    );
    expect(said(spec)).toMatch(/--speculative-config is not applied: vLLM's --speculative-config is taken whole from the dotted keys/);
    expect(spec.fields.workload?.speculative).not.toMatchObject({ method: 'ngram' });
  });

  it("reads a RoPE stretch given as a dotted --hf-overrides key as the JSON one (before: the model window stayed the config's)", () => {
    const r = fields(
      `vllm serve Qwen/Qwen3-32B --hf-overrides.rope_scaling '{"rope_type":"yarn","factor":4.0,"original_max_position_embeddings":32768}' --max-model-len 131072`,
    );
    expect(r.fields.model?.max_context).toBe(131072);
  });

  it('never throws, and reads the memory and layout flags after any dotted keys exactly', () => {
    const key = fc.constantFrom(
      '--compilation-config.cudagraph_capture_sizes',
      '-cc.cudagraph_capture_sizes+',
      '-O.cudagraph_mode',
      '--compilation-config.max_cudagraph_capture_size',
      '--hf-overrides.rope_scaling',
      '--eplb-config.num_redundant_experts',
      '--speculative-config.num_speculative_tokens',
      '--kv-transfer-config.kv_connector',
    );
    const value = fc.constantFrom('8', '[1,2]', '8,16', 'NONE', '{"a":1}', '[]', '0', 'x');
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value, fc.boolean()), { maxLength: 8 }), (pairs) => {
        const noise = pairs.map(([k, v, eq]) => (eq ? `${k}=${v}` : `${k} ${v}`)).join(' ');
        const r = fields(
          `vllm serve m ${noise} --gpu-memory-utilization 0.85 --max-model-len 4096 --max-num-seqs 16 --max-num-batched-tokens 8192 --kv-cache-dtype fp8 -tp 2 -pp 2 --data-parallel-size 2`,
        );
        expect(r.fields.workload).toMatchObject({ memory_fraction: 0.85, max_running_sequences: 32, max_batched_tokens: 8192 });
        expect(r.context?.tokens).toBe(4096);
        expect(r.fields.model?.kv_cache_dtype).toBe('fp8');
        expect(r.fields.parallelism).toMatchObject({ tp: 2, pp: 2, dp: 2 });
      }),
      { numRuns: 200 },
    );
  });
});
