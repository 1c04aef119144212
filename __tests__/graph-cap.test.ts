// workload.cuda_graph_max_batch: the largest decode batch per replica replayed from a captured CUDA
// graph (sequences), imported from each engine's spelling and honoured by the estimate. Sources:
// - SGLang server arguments: --cuda-graph-max-bs N, --cuda-graph-bs a b c (nargs '+'), batch sizes in requests.
// - vLLM CompilationConfig: max_cudagraph_capture_size / cudagraph_capture_sizes (tokens; EngineArgs
//   --max-cudagraph-capture-size / --cudagraph-capture-sizes, 0.11.1+), the older --cuda-graph-sizes (0.9-0.11.0:
//   SchedulerConfig.cuda_graph_sizes, "if one value is provided, then the capture list would follow the pattern:
//   [1, 2, 4] + [i for i in range(8, cuda_graph_sizes + 1, 8)]", as VllmConfig._set_cudagraph_sizes builds it)
//   and max_capture_size; a uniform decode step of b sequences is b x (1 + k) tokens.
// - TensorRT-LLM llm_args.py BaseCudaGraphConfig: batch_sizes, max_batch_size (must equal max(batch_sizes)),
//   enable_padding (without it only exact batch sizes replay).
import { describe, expect, it } from 'vitest';
import { importText, ok } from './import-helpers.js';
import { verify } from './core-helpers.js';

const fields = (script: string, files: Record<string, string> = {}) => ok(importText('serve.sh', script, {}, files));
const cap = (script: string, files: Record<string, string> = {}) => fields(script, files).fields.workload?.cuda_graph_max_batch;

describe('import of the CUDA-graph batch cap', () => {
  it('SGLang: --cuda-graph-max-bs N, and the largest of --cuda-graph-bs (which wins), at its line', () => {
    const r = fields('python -m sglang.launch_server --model-path m \\\n  --cuda-graph-max-bs 64');
    expect(r.fields.workload?.cuda_graph_max_batch).toBe(64);
    expect(r.origins['workload.cuda_graph_max_batch']).toBe('serve.sh:2');
    expect(cap('python -m sglang.launch_server --model-path m --cuda-graph-bs 1 2 4 8 160 32 --tp 2')).toBe(160);
    expect(cap('python -m sglang.launch_server --cuda-graph-bs 8 16 --cuda-graph-max-bs 512 --model-path m')).toBe(16);
    // the list's words are not the model, nor do they stop the flags after them being read
    const r2 = fields('python -m sglang.launch_server --cuda-graph-bs 8 16 --model-path m --tp 2');
    expect(r2.fields.parallelism?.tp).toBe(2);
    expect(cap('python -m sglang.launch_server --model-path m --config c.yaml', { 'c.yaml': 'cuda_graph_bs: [4, 48, 12]\n' })).toBe(48);
  });

  it('vLLM: --max-cudagraph-capture-size, --cudagraph-capture-sizes, --cuda-graph-sizes and the compilation config', () => {
    expect(cap('vllm serve m --max-cudagraph-capture-size 128')).toBe(128);
    expect(cap('vllm serve m --cudagraph-capture-sizes 1 2 4 96 --max-num-seqs 64')).toBe(96);
    expect(cap('vllm serve m --cuda-graph-sizes 1 2 4 8 40')).toBe(40);
    expect(cap('vllm serve m --cuda-graph-sizes 256')).toBe(256);
    const json = fields(`vllm serve m \\\n  --compilation-config '{"max_cudagraph_capture_size": 64}'`);
    expect(json.fields.workload?.cuda_graph_max_batch).toBe(64);
    expect(json.origins['workload.cuda_graph_max_batch']).toBe('serve.sh:2');
    expect(cap(`vllm serve m --compilation-config '{"cudagraph_capture_sizes": [1, 2, 4, 24]}'`)).toBe(24);
    expect(cap(`vllm serve m --compilation-config '{"max_capture_size": 32}'`)).toBe(32);
    expect(cap('vllm serve m --compilation-config.max_cudagraph_capture_size 48')).toBe(48);
    expect(cap('vllm serve m --config c.yaml', { 'c.yaml': 'compilation_config:\n  cudagraph_capture_sizes: [1, 2, 4, 8, 72]\n' })).toBe(72);
  });

  it("vLLM 0.9-0.11.0's --cuda-graph-sizes N, one value, captures [1, 2, 4, 8, 16, ...] up to N in steps of 8: their largest, said where it is not N", () => {
    const agree = fields('vllm serve m --cuda-graph-sizes 512');
    expect(agree.fields.workload?.cuda_graph_max_batch).toBe(512);
    expect(agree.warnings.some((w) => w.includes('one value'))).toBe(false);
    const r = fields('vllm serve m \\\n  --cuda-graph-sizes 100');
    expect(r.fields.workload?.cuda_graph_max_batch).toBe(96);
    expect(r.origins['workload.cuda_graph_max_batch']).toBe('serve.sh:2');
    expect(r.warnings.some((w) => w.startsWith('serve.sh:2: --cuda-graph-sizes 100, one value, captures sizes up to 96 in vLLM 0.9-0.11.0'))).toBe(true);
    expect(cap('vllm serve m --cuda-graph-sizes 6')).toBe(4);
    expect(cap('vllm serve m --config c.yaml', { 'c.yaml': 'cuda_graph_sizes: 2047\n' })).toBe(2040);
    // several values are the list itself; the other options are the sizes given
    expect(cap('vllm serve m --cuda-graph-sizes 1 2 4 100')).toBe(100);
    expect(cap('vllm serve m --cudagraph-capture-sizes 100')).toBe(100);
    // the tokens captured, then 1 + k a sequence: 96 / 4
    expect(cap(`vllm serve m --cuda-graph-sizes 100 --speculative-config '{"method": "eagle3", "model": "d", "num_speculative_tokens": 3}'`)).toBe(24);
  });

  it("vLLM's capture size counts tokens: with k speculative tokens the batch is floor(N / (1 + k)) sequences", () => {
    const r = fields(`vllm serve m --max-cudagraph-capture-size 128 --speculative-config '{"method": "eagle3", "model": "d", "num_speculative_tokens": 3}'`);
    expect(r.fields.workload?.cuda_graph_max_batch).toBe(32);
    expect(r.warnings.some((w) => w.includes('counts tokens') && w.includes('32 sequences'))).toBe(true);
  });

  it('TensorRT-LLM: cuda_graph_config.max_batch_size, the largest of batch_sizes, at the line in its YAML', () => {
    const trt = (options: string) => fields('trtllm-serve m --extra_llm_api_options o.yaml', { 'o.yaml': options });
    const r = trt('cuda_graph_config:\n  enable_padding: true\n  max_batch_size: 256\n');
    expect(r.fields.workload?.cuda_graph_max_batch).toBe(256);
    expect(r.origins['workload.cuda_graph_max_batch']).toBe('o.yaml:3');
    expect(r.warnings.some((w) => w.includes('enable_padding'))).toBe(false);
    const list = trt('cuda_graph_config:\n  batch_sizes: [1, 2, 4, 8, 16, 384]\n');
    expect(list.fields.workload?.cuda_graph_max_batch).toBe(384);
    // without padding only a batch of one of the sizes replays a graph: said
    expect(list.warnings.some((w) => w.includes('enable_padding'))).toBe(true);
    // max_batch_size 0 is TensorRT-LLM's default (sizes generated up to 128): the profile's default stays
    expect(trt('cuda_graph_config:\n  max_batch_size: 0\n').fields.workload?.cuda_graph_max_batch).toBeUndefined();
    const disagree = trt('cuda_graph_config:\n  batch_sizes: [1, 64]\n  max_batch_size: 128\n  enable_padding: true\n');
    expect(disagree.fields.workload?.cuda_graph_max_batch).toBe(64);
    expect(disagree.warnings.some((w) => w.includes('refuses'))).toBe(true);
  });

  it('a value that cannot be read is warned about and marked unread, never dropped silently', () => {
    const r = ok(importText('serve.sh', 'python -m sglang.launch_server --model-path m --cuda-graph-max-bs lots', {}, {}));
    expect(r.fields.workload?.cuda_graph_max_batch).toBeUndefined();
    expect(r.warnings.some((w) => w.includes('--cuda-graph-max-bs') && w.includes('not imported'))).toBe(true);
    const trt = fields('trtllm-serve m --extra_llm_api_options o.yaml', { 'o.yaml': 'cuda_graph_config:\n  batch_sizes: [1, two, 8]\n' });
    expect(trt.fields.workload?.cuda_graph_max_batch).toBeUndefined();
    expect(trt.warnings.some((w) => w.includes('cuda_graph_config.batch_sizes') && w.includes('not imported'))).toBe(true);
    const json = fields(`vllm serve m --compilation-config '{"max_cudagraph_capture_size": "big"}'`);
    expect(json.fields.workload?.cuda_graph_max_batch).toBeUndefined();
    expect(json.warnings.some((w) => w.includes('max_cudagraph_capture_size') && w.includes('not imported'))).toBe(true);
  });

  it("a size above the schema's maximum (2^24) is warned about and marked unread, not imported into a plan verify refuses", () => {
    for (const script of [
      'python -m sglang.launch_server --model-path m --cuda-graph-max-bs 99999999999',
      'vllm serve m --cudagraph-capture-sizes 8 16777217',
    ]) {
      const r = ok(importText('serve.sh', script, {}, {}));
      expect(r.fields.workload?.cuda_graph_max_batch).toBeUndefined();
      expect(r.warnings.some((w) => w.includes('not imported'))).toBe(true);
      expect(r.unread?.['workload.cuda_graph_max_batch']).toBeDefined();
    }
    expect(cap('python -m sglang.launch_server --model-path m --cuda-graph-max-bs 16777216')).toBe(16777216);
  });

  it("disaggregated: the prefill workers' cap alone is not the decode pool's (warned, not imported); the decode workers' is", () => {
    const pair = (prefill: string, decode: string) =>
      ok(
        importText(
          'pd.sh',
          [
            `python3 -m sglang.launch_server --model-path deepseek-ai/DeepSeek-R1 --disaggregation-mode prefill --tp 8${prefill} &`,
            `python3 -m sglang.launch_server --model-path deepseek-ai/DeepSeek-R1 --disaggregation-mode decode --tp 8${decode} &`,
          ].join('\n'),
          {},
          {},
        ),
      );
    const prefillOnly = pair(' --cuda-graph-max-bs 8', '');
    expect(prefillOnly.fields.workload?.cuda_graph_max_batch).toBeUndefined();
    expect(prefillOnly.warnings.some((w) => w.startsWith('pd.sh:1: only the prefill workers set workload.cuda_graph_max_batch'))).toBe(true);
    const decodeOnly = pair('', ' --cuda-graph-max-bs 8');
    expect(decodeOnly.fields.workload?.cuda_graph_max_batch).toBe(8);
    expect(decodeOnly.origins['workload.cuda_graph_max_batch']).toBe('pd.sh:2');
    expect(pair(' --cuda-graph-max-bs 16', ' --cuda-graph-max-bs 8').fields.workload?.cuda_graph_max_batch).toBe(8);
  });

  it('nothing is imported when no option is written', () => {
    expect(cap('vllm serve m --max-num-seqs 8')).toBeUndefined();
    expect(cap('python -m sglang.launch_server --model-path m')).toBeUndefined();
  });
});

const plan = (engine: string, work: string) => `
version: 1
model: {preset: llama-3.1-8b}
hardware:
  name: test accelerator with the H-100 SXM datasheet figures
  gpus: 1
  memory: 79.19 GiB
  peak_tflops: 989.4
  memory_bandwidth: 3.35 TB/s
  efficiency: {}
  launch_latency: 100 us
deployment: {engine: ${engine}}
workload:
  input_tokens: 128
  output_tokens: 64
  ${work}
`;

describe('the estimate honours the cap', () => {
  for (const engine of ['vllm', 'sglang', 'trtllm']) {
    it(`${engine}: a batch per replica above the cap decodes eagerly (TPOT higher than under the default cap); one within it does not`, () => {
      const base = verify(plan(engine, 'concurrency: 64'));
      const capped = verify(plan(engine, 'concurrency: 64\n  cuda_graph_max_batch: 32'));
      const within = verify(plan(engine, 'concurrency: 64\n  cuda_graph_max_batch: 64'));
      expect(capped.metrics!.tpot_ms!).toBeGreaterThan(base.metrics!.tpot_ms! * 1.2);
      expect(capped.metrics!.decode_step_ms!).toBeGreaterThan(base.metrics!.decode_step_ms!);
      expect(within.metrics!.tpot_ms).toBe(base.metrics!.tpot_ms);
      // bounds do not depend on it
      expect(capped.metrics!.decode_step_lower_bound_ms).toBe(base.metrics!.decode_step_lower_bound_ms);
      expect(capped.metrics!.ttft_lower_bound_ms).toBe(base.metrics!.ttft_lower_bound_ms);
      // the report says where it came from
      expect(capped.details!.assumptions!.some((a) => a.name === 'workload.cuda_graph_max_batch' && a.value.startsWith('32 sequences'))).toBe(true);
    });
  }

  it('counts sequences per replica: dp 2 at concurrency 64 is 32 a replica, within a cap of 32', () => {
    const two = (work: string) => verify(plan('sglang', work).replace('gpus: 1', 'gpus: 2').replace('deployment:', 'parallelism: {dp: 2}\ndeployment:'));
    expect(two('concurrency: 64\n  cuda_graph_max_batch: 32').metrics!.tpot_ms).toBe(two('concurrency: 64').metrics!.tpot_ms);
    expect(two('concurrency: 64\n  cuda_graph_max_batch: 31').metrics!.tpot_ms!).toBeGreaterThan(two('concurrency: 64').metrics!.tpot_ms!);
  });

  it('vLLM with speculative decoding: the cap is in sequences, its capture (1 + k) tokens each', () => {
    const spec = 'speculative: {method: eagle, tokens: 3, acceptance_length: 2}';
    const r = verify(plan('vllm', `concurrency: 16\n  cuda_graph_max_batch: 16\n  ${spec}`));
    expect(r.details!.assumptions!.find((a) => a.name === 'workload.cuda_graph_max_batch')?.value).toContain('captures up to 64 tokens');
    expect(r.metrics!.tpot_ms).toBe(verify(plan('vllm', `concurrency: 16\n  ${spec}`)).metrics!.tpot_ms);
  });
});
