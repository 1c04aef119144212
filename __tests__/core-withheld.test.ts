// A deployment no engine starts meets no requirement (src/core/withheld.ts): a layout whose heads do
// not split over tp, or a KV pool the plan fixes past the device, gets its figures computed but no
// pass or warning read on them (a serving engineer's review: Llama 3.1 70B at tp=3 passed its TPOT
// requirement and memory.fits beside "64 attention heads do not divide by tp=3").
import { describe, expect, it } from 'vitest';
import { combineReports } from '../src/core/verdict.js';
import { renderPlanMarkdown } from '../src/report/markdown.js';
import { renderText } from '../src/report/text.js';
import { check, verify } from './core-helpers.js';

const llama70b = (tp: number, extra = '') => `
version: 1
model: {preset: llama-3.1-70b}
hardware: {preset: h100-sxm, gpus: ${tp}}
parallelism: {tp: ${tp}}
deployment: {engine: vllm}
workload: {input_tokens: 1000, output_tokens: 200, concurrency: 8}
requirements: {ttft: 60 s, tpot: 50 ms}
${extra}`;

describe('a deployment no engine starts', () => {
  it('withholds the requirements and memory verdicts of a layout whose heads do not split (tp=3), naming the failing checks', () => {
    const report = verify(llama70b(3));
    expect(check(report, 'layout.heads_divisible').status).toBe('fail');
    for (const id of ['requirements.ttft', 'requirements.tpot', 'memory.fits', 'memory.kv_capacity']) {
      const c = check(report, id);
      expect(c.status, id).toBe('unverified');
      expect(c.detail, id).toMatch(/^not judged: no engine starts this deployment \(layout\.heads_divisible and layout\.kv_heads fail\); as written, /);
    }
    // the figures of the layout as written stay: its author fixes the layout from them
    expect(report.metrics?.tpot_ms).toBeGreaterThan(0);
    expect(check(report, 'requirements.tpot').limit).toBe(report.metrics?.tpot_ms);
    expect(report.verdict).toBe('fail');
  });

  it('leaves the same plan at tp=4 judged as before', () => {
    const report = verify(llama70b(4));
    expect(check(report, 'requirements.tpot').status).toBe('pass');
    expect(check(report, 'memory.fits').status).toBe('pass');
  });

  it('judges a layout of fewer devices than hardware.gpus: the plan does not add up, but an engine starts on what it uses', () => {
    const report = verify(llama70b(4).replace('gpus: 4', 'gpus: 8'));
    expect(check(report, 'layout.world_size').status).toBe('fail');
    expect(check(report, 'requirements.tpot').status).toBe('pass');
    // more devices than it has: no engine starts it
    const over = verify(llama70b(8).replace('gpus: 8', 'gpus: 4'));
    expect(check(over, 'layout.world_size').status).toBe('fail');
    expect(check(over, 'requirements.tpot').detail).toMatch(/^not judged: no engine starts this deployment \(layout\.world_size fails\)/);
  });

  it('still fails a claim beyond the physical bound (bounds, not estimates, decide those)', () => {
    const report = verify(llama70b(3, 'claims: {tpot: 0.01 ms}'));
    expect(check(report, 'claims.tpot').status).toBe('fail');
    expect(check(report, 'claims.tpot').detail).toMatch(/physically impossible/);
  });

  it('withholds the figures of a vLLM KV pool fixed past the device (vLLM cannot start), keeping memory.fits failed', () => {
    const report = verify(`
version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100-sxm, gpus: 1}
deployment: {engine: vllm}
workload: {input_tokens: 1000, output_tokens: 200, concurrency: 8, kv_cache_memory: 100 GiB}
requirements: {ttft: 5 s, tpot: 500 ms}
`);
    expect(check(report, 'memory.fits').status).toBe('fail');
    expect(check(report, 'memory.fits').detail).toMatch(/vLLM cannot start/);
    for (const id of ['requirements.ttft', 'requirements.tpot', 'memory.kv_capacity']) {
      expect(check(report, id).status, id).toBe('unverified');
      expect(check(report, id).detail, id).toMatch(/^not judged: no engine starts this deployment \(memory\.fits fails\)/);
    }
  });

  it('withholds where the longest request does not fit, though requests of the mean length would (vLLM refuses that max_model_len)', () => {
    // Llama 3.1 70B on two H100s, 1,000-token prompts but 120,000-token ones stated as the longest: its
    // TPOT requirement passed beside memory.fits's "not even one request of this length can run"
    const report = verify(llama70b(2, '').replace('concurrency: 8}', 'concurrency: 8, max_input_tokens: 120000}'));
    expect(check(report, 'memory.fits').status).toBe('fail');
    expect(report.metrics!.tpot_ms).toBeGreaterThan(0);
    for (const id of ['requirements.ttft', 'requirements.tpot', 'memory.kv_capacity']) {
      expect(check(report, id).status, id).toBe('unverified');
      expect(check(report, id).detail, id).toMatch(/^not judged: not one request of the longest length fits \(memory\.fits fails\); as written, /);
    }
    expect(renderText(combineReports([report]))).toMatch(/^ {2}as written \(not one request of the longest length fits: memory\.fits fails\): memory\/GPU /m);
    // the same plan at its stated lengths fits and is judged
    expect(check(verify(llama70b(2)), 'requirements.tpot').status).toBe('pass');
  });

  it("withholds a disaggregated plan's verdicts when a pool's layout fails (prefill ep=3 over tp=8)", () => {
    const report = verify(`version: 1
model: {preset: deepseek-r1, kv_cache_dtype: fp8}
hardware: {preset: h200, gpus: 32}
disaggregation:
  prefill: {workers: 2, gpus: 8, parallelism: {tp: 8, ep: 3}}
  decode: {workers: 1, gpus: 16, parallelism: {tp: 1, dp: 16, ep: 16}, max_running_sequences: 2048}
workload: {concurrency: 256, input_tokens: 4096, output_tokens: 512}
deployment: {engine: sglang}
requirements: {ttft: 30 s, tpot: 600 ms}
`);
    const failing = report.checks.filter((c) => c.status === 'fail').map((c) => c.id);
    expect(failing.some((id) => id.startsWith('prefill.layout.'))).toBe(true);
    expect(check(report, 'requirements.tpot').status).toBe('unverified');
    // as written, a prefill worker holds 206 GiB of weights: no time is estimated (not computable), and the
    // decode pool's own verdicts are withheld
    expect(check(report, 'decode.memory.kv_capacity').detail).toMatch(/^not judged: no engine starts this deployment \(prefill\.layout\./);
  });
});

describe('the figures of a deployment that cannot start', () => {
  it('where not one request fits, no time is estimated: the decode step and idle TTFT are not computable like TTFT, TPOT and throughput; the bounds stay', () => {
    // Llama 3.1 70B bf16 on one H100: the weights alone pass the device; it read "TTFT not computable ·
    // TPOT not computable · decode step 63.4 ms" and max_running_sequences 1 beside "nothing runs"
    const report = verify(llama70b(1));
    expect(check(report, 'memory.fits').status).toBe('fail');
    const m = report.metrics!;
    for (const key of ['ttft_ms', 'tpot_ms', 'throughput_tokens_per_s', 'decode_step_ms', 'ttft_idle_ms', 'pipeline_bubble_fraction'])
      expect(m[key], key).toBeNull();
    expect(m.max_running_sequences).toBe(0);
    expect(report.ranges?.decode_step_ms).toBeUndefined();
    expect(report.details!.times.decode_bound_by).toBeNull();
    for (const key of ['decode_step_lower_bound_ms', 'ttft_lower_bound_ms', 'tpot_lower_bound_ms']) expect(m[key], key).toBeGreaterThan(0);
    const text = renderText(combineReports([report]));
    expect(text).toContain('TTFT not computable · TPOT not computable · decode step not computable · throughput not computable');
    expect(renderPlanMarkdown(report)).toMatch(/\| Decode step \| not computable \| ≥ [\d.]+ ms \|/);
  });

  it('where not one request fits, no range is shown, so none is said to be wider than validated', () => {
    // The same plan with its engine left out (a reason its ranges would widen): the text read "ranges
    // wider than validated: deployment.engine is not given" and the markdown "Ranges in brackets: ..."
    // under a table with no range in it.
    const report = verify(llama70b(1).replace('deployment: {engine: vllm}\n', ''));
    expect(check(report, 'memory.fits').status).toBe('fail');
    expect(report.ranges ?? {}).toEqual({});
    expect(report.details!.assumptions.filter((a) => a.name === 'ranges')).toEqual([]);
    expect(renderText(combineReports([report]))).not.toContain('wider than validated');
    const md = renderPlanMarkdown(report);
    expect(md).not.toContain('wider than validated');
    expect(md).not.toContain('Ranges in brackets');
    // where the plan runs, the reason is still given
    const runs = verify(llama70b(4).replace('deployment: {engine: vllm}\n', ''));
    expect(renderText(combineReports([runs]))).toContain('ranges wider than validated: deployment.engine is not given');
  });
  it('a layout no engine starts keeps its figures, labelled as the plan as written with the blocking checks, in text and markdown', () => {
    const report = verify(llama70b(3));
    expect(report.metrics!.decode_step_ms).toBeGreaterThan(0);
    const line = renderText(combineReports([report]))
      .split('\n')
      .find((l) => l.includes('memory/GPU'))!;
    expect(line).toMatch(
      /^ {2}as written \(no engine starts this deployment: layout\.heads_divisible and layout\.kv_heads fail\): memory\/GPU .* · decode step [\d.]+ ms/,
    );
    expect(renderPlanMarkdown(report)).toContain(
      'Performance and cost\n\nNo engine starts this deployment (layout.heads\\_divisible and layout.kv\\_heads fail): these are the figures of the plan as written, for fixing it; no requirement or claim passes on them.\n\n| Figure |',
    );
  });

  it('a deployment that starts is not labelled', () => {
    const report = verify(llama70b(4));
    expect(renderText(combineReports([report]))).toMatch(/^ {2}memory\/GPU /m);
    expect(renderPlanMarkdown(report)).not.toContain('No engine starts');
  });

  it('a disaggregated plan whose prefill pool holds not one prompt simulates nothing: no TTFT, TPOT, decode step or throughput', () => {
    // Llama 3.1 8B (15 GiB of weights) on 18 GiB devices: a TP1 prefill worker has no room for a KV cache,
    // the TP2 decode workers have; it read "TTFT 84.4 ms · throughput 11.8 tokens/s" where both pools had none
    const disagg = (prefillTp: number) => `version: 1
model: {preset: llama-3.1-8b}
hardware: {memory: 18 GiB, peak_tflops: 50, memory_bandwidth: 0.5 TB/s, intra_node_bandwidth: 16 GB/s, gpus_per_node: 4}
disaggregation:
  prefill: {workers: 1, parallelism: {tp: ${prefillTp}}}
  decode: {workers: 1, parallelism: {tp: 2}}
workload: {concurrency: 4, input_tokens: 100, output_tokens: 10, memory_fraction: 0.9}
requirements: {throughput: 1 tokens/s}
`;
    const report = verify(disagg(1));
    expect(check(report, 'prefill.memory.fits').status).toBe('fail');
    // the decode pool holds its requests, its pass withheld beside the prefill pool's failure
    expect(check(report, 'decode.memory.fits').detail).toMatch(
      /^not judged: not one request of the longest length fits \(prefill\.memory\.fits fails\); as written, /,
    );
    const m = report.metrics!;
    for (const key of ['ttft_ms', 'ttft_idle_ms', 'tpot_ms', 'decode_step_ms', 'throughput_tokens_per_s']) expect(m[key], key).toBeNull();
    expect(m.max_running_sequences).toBe(0);
    expect(check(report, 'requirements.throughput').detail).toMatch(/^not computable: the KV cache holds not one request of this length/);
    // with a TP2 prefill worker both pools hold their requests and the load is simulated
    const runs = verify(disagg(2)).metrics!;
    for (const key of ['ttft_ms', 'tpot_ms', 'decode_step_ms', 'throughput_tokens_per_s']) expect(runs[key], key).toBeGreaterThan(0);
  });
});
