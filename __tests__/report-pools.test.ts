// The report of a disaggregated plan: both pools side by side (layout, GPUs, memory, KV cache,
// batch, utilization), the KV transfer, and a memory chart with a bar per pool.
import { describe, expect, it } from 'vitest';
import { combineReports } from '../src/core/verdict.js';
import { renderJson } from '../src/report/json.js';
import { renderText } from '../src/report/text.js';
import { renderPlanMarkdown, renderReportMarkdown } from '../src/report/markdown.js';
import { verify } from './core-helpers.js';
import { starvedDecodeNote } from '../src/report/performance-table.js';
import type { Metrics } from '../src/core/types.js';

const PLAN = `version: 1
name: r1-2p1d
model: {preset: deepseek-r1, kv_cache_dtype: fp8}
hardware: {preset: h200, gpus: 32}
disaggregation:
  prefill: {workers: 2, gpus: 8, parallelism: {tp: 8, ep: 8}}
  decode: {workers: 1, gpus: 16, parallelism: {tp: 1, dp: 16, ep: 16}, max_running_sequences: 1024}
  kv_transfer: {bandwidth: 50 GB/s}
workload: {concurrency: 128, input_tokens: 2048, output_tokens: 256}
deployment: {engine: sglang}
`;

describe('a disaggregated plan in the report', () => {
  const report = verify(PLAN);
  const md = renderPlanMarkdown(report);

  it('shows both pools side by side', () => {
    expect(md).toContain('Prefill and decode pools');
    expect(md).toContain('| | Prefill | Decode |');
    expect(md).toMatch(/\| Workers x GPUs \| 2 x 8 = 16 GPUs \| 1 x 16 = 16 GPUs \|/);
    expect(md).toMatch(/\| Layout \(one worker\) \| tp=8 ep=8 \| tp=1 dp=16 ep=16 \|/);
    expect(md).toMatch(/\| Memory per GPU \(most loaded\) \| [\d.]+ GiB of [\d.]+ GiB usable \| [\d.]+ GiB of [\d.]+ GiB usable \|/);
    expect(md).toMatch(/up to 1,024 sequences per worker/);
    expect(md).toMatch(/busy \d+% of the time/);
  });

  it('states the KV transfer with its link and floor', () => {
    const t = report.details!.disaggregation!.kv_transfer;
    expect(md).toContain(`a mean prompt's cache is ${t.bytes_per_prompt_mib!.toFixed(1)} MiB`);
    expect(md).toMatch(/of 50 GB\/s per GPU \(disaggregation\.kv\\?_transfer\.bandwidth\)/);
    expect(md).toMatch(/floor [\d.]+ ms/);
  });

  it('quotes the rate the transfer time is computed at, not the link alone (MLA: one link at efficiency 0.5)', () => {
    const t = report.details!.disaggregation!.kv_transfer;
    // 50 GB/s x network efficiency 0.5, one stream (an MLA latent is whole on every tp rank)
    expect(t.effective_gb_per_s).toBe(25);
    expect(md).toMatch(/on an idle link at 25 GB\/s effective, of 50 GB\/s per GPU/);
    // the time agrees with the quoted effective rate: bytes / 25 GB/s + latency
    expect(t.estimate_ms!).toBeCloseTo(((t.bytes_per_prompt_mib! * 2 ** 20) / 25e9) * 1000 + t.latency_ms, 2);
  });

  it("gives the KV cache one worker holds: one attention-DP rank's capacity times dp", () => {
    const d = report.details!.disaggregation!;
    // decode dp=16: each rank holds decode_kv_cache_capacity_tokens (the engine's per-rank log)
    expect(d.decode.kv_cache_capacity_tokens).toBe(16 * report.metrics!.decode_kv_cache_capacity_tokens!);
    expect(d.prefill.kv_cache_capacity_tokens).toBe(report.metrics!.prefill_kv_cache_capacity_tokens);
    expect(md).toContain(
      `| KV cache per worker | ${d.prefill.kv_cache_capacity_tokens!.toLocaleString('en-US')} tokens | ${d.decode.kv_cache_capacity_tokens!.toLocaleString('en-US')} tokens |`,
    );
  });

  it("charts both pools' devices against their usable memory", () => {
    expect(md).toMatch(/x-axis \[.*"prefill stage 0", "decode stage 0".*\]/);
    // the first bar series is each device's total (the chart pads both ends with hidden bars)
    const bars = /bar \[[-\d.]+, ([\d.]+), ([\d.]+), [-\d.]+\]/.exec(md);
    expect(bars).not.toBeNull();
    expect(Number(bars![1])).toBeCloseTo(report.metrics!.prefill_memory_per_gpu_gib!, 1);
    expect(Number(bars![2])).toBeCloseTo(report.metrics!.decode_memory_per_gpu_gib!, 1);
  });

  it('keeps the one-table memory section for aggregated plans', () => {
    const agg = renderPlanMarkdown(
      verify(
        'version: 1\nmodel: {preset: llama-3.1-8b}\nhardware: {preset: h100-sxm, gpus: 1}\nworkload: {concurrency: 4, input_tokens: 512, output_tokens: 64}\n',
      ),
    );
    expect(agg).not.toContain('Prefill and decode pools');
    expect(agg).toContain('Memory per device');
  });

  it('carries the pool metrics in the JSON output and the summary table', () => {
    const json = JSON.parse(renderJson(combineReports([report])));
    const m = json.plans[0].metrics;
    for (const k of ['prefill_utilization', 'decode_utilization', 'kv_transfer_ms', 'kv_transfer_lower_bound_ms']) expect(m[k], k).toEqual(expect.any(Number));
    expect(renderReportMarkdown(combineReports([report, report]))).toContain('| Plan | Verdict |');
  });
});

describe('a disaggregated plan whose prefill pool starves its decode pool', () => {
  // One prefill worker of 8 H200s for 1,024 prompts of 8k tokens in flight: few reach the decode pool at once.
  const report = verify(
    PLAN.replace('workers: 2, gpus: 8', 'workers: 1, gpus: 8')
      .replace('gpus: 32', 'gpus: 24')
      .replace('concurrency: 128, input_tokens: 2048', 'concurrency: 1024, input_tokens: 8192'),
  );
  const m = report.metrics!;

  it("says its decode step is the pool alone at the plan's concurrency, and that TPOT is at the batch that ran", () => {
    // the contract: decode_step_ms of a disaggregated plan is the decode pool alone; TPOT at its running batch
    expect(m.decode_mean_running_sequences! * m.decode_workers!).toBeLessThan(0.9 * m.max_running_sequences!);
    expect(m.tpot_ms!).toBeLessThan(m.decode_step_ms!);
    const md = renderPlanMarkdown(report);
    expect(md).toContain("Decode step (decode pool alone, at the plan's concurrency)");
    expect(md).toMatch(
      /The decode pool ran (about )?\d+ sequences per worker on average, fed no faster by the prefill pool: TPOT is at that batch, the decode step at 1,024 sequences in flight/,
    );
    expect(renderText(combineReports([report]))).toContain('decode step (pool alone)');
    // the text report says it too: "TPOT 38.0 ms · decode step (pool alone) 65.4 ms" alone read as a contradiction
    expect(renderText(combineReports([report]))).toMatch(
      /\n {2}The decode pool ran (about )?\d+ sequences per worker on average, fed no faster by the prefill pool/,
    );
  });

  it('counts the sequences the decode pool ran in whole ones: about 50, not 49.54', () => {
    const note = (mean: number) =>
      starvedDecodeNote({ metrics: { decode_mean_running_sequences: mean, decode_workers: 1, max_running_sequences: 1024 } as unknown as Metrics });
    expect(note(49.54)).toMatch(/^The decode pool ran about 50 sequences per worker on average,/);
    expect(note(49)).toMatch(/^The decode pool ran 49 sequences per worker on average,/);
    expect(note(1.2)).toMatch(/^The decode pool ran about 1 sequence per worker on average,/);
    expect(note(0.3)).toMatch(/^The decode pool ran fewer than one sequence per worker on average,/);
  });

  it('says nothing of the kind when the decode pool runs what the plan keeps in flight', () => {
    const md = renderPlanMarkdown(verify(PLAN));
    expect(md).not.toContain('fed no faster by the prefill pool');
  });
});

describe('an open-loop disaggregated plan: the decode step is what its workers ran, not a batch in flight', () => {
  // Llama 3.3 70B fp8 as 2 TP2 prefill workers and 1 TP4 decode worker in one H200 node at 4 requests/s:
  // the arrivals keep about 17 sequences decoding, while the decode worker has 877 slots
  const OPEN = `version: 1
name: open-2p1d
model: {preset: llama-3.3-70b, weight_dtype: fp8, kv_cache_dtype: fp8}
hardware: {preset: h200, gpus: 8}
deployment: {engine: sglang}
disaggregation:
  prefill: {workers: 2, gpus: 2, parallelism: {tp: 2}}
  decode: {workers: 1, gpus: 4, parallelism: {tp: 4}}
workload: {request_rate: 4, input_tokens: 3000, output_tokens: 400}
`;
  const uncapped = verify(OPEN);

  it('says no step "at the slots in flight" when the step is the mean of the steps the decode workers ran', () => {
    const m = uncapped.metrics!;
    expect(m.decode_mean_running_sequences! * m.decode_workers!).toBeLessThan(0.9 * m.max_running_sequences!);
    expect(uncapped.details!.disaggregation!.decode_step_at).toBe('load');
    expect(starvedDecodeNote(uncapped)).toBeNull();
    const md = renderPlanMarkdown(uncapped);
    expect(md).not.toContain("at the plan's concurrency");
    expect(md).toContain('Decode step (decode pool, the mean of its steps under the load)');
    const text = renderText(combineReports([uncapped]));
    expect(text).not.toContain('sequences in flight (the decode pool alone)');
    expect(text).toContain('decode step (decode pool under the load)');
  });

  it('with a cap in flight, puts the step at the cap and the smaller batch down to the arrivals, not the prefill pool', () => {
    const capped = verify(OPEN.replace('request_rate: 4,', 'request_rate: 4, concurrency: 64,'));
    expect(capped.details!.disaggregation!.decode_step_at).toBe('concurrency');
    const note = starvedDecodeNote(capped);
    expect(note).toMatch(
      /^The decode pool ran about \d+ sequences per worker on average, as many as the arrivals keep decoding: TPOT is at that batch, the decode step at 64 sequences in flight/,
    );
    expect(note).not.toContain('prefill pool');
  });
});

describe("a disaggregated plan's headline figures say whose they are", () => {
  // memory_per_gpu_gib is the most loaded device of either pool, kv_cache_capacity_tokens one decode
  // replica's: a headline gave the prefill pool's memory beside the decode pool's KV cache unsaid
  const report = verify(PLAN);
  const m = report.metrics!;
  const heavier = m.prefill_memory_per_gpu_gib! > m.decode_memory_per_gpu_gib! ? 'prefill' : 'decode';
  const lighter = heavier === 'prefill' ? 'decode' : 'prefill';
  const mem = `${m.memory_per_gpu_gib!.toFixed(1)} GiB`;
  const kv = `${m.kv_cache_capacity_tokens!.toLocaleString('en-US')} tokens`;
  // the same plan with the other pool holding the most loaded device
  const swapped = {
    ...report,
    metrics: { ...m, [`${heavier}_memory_per_gpu_gib`]: m[`${lighter}_memory_per_gpu_gib`]!, [`${lighter}_memory_per_gpu_gib`]: m.memory_per_gpu_gib },
  };

  it('in the terminal report', () => {
    const text = renderText(combineReports([report]));
    expect(text).toContain(`memory/GPU ${mem} (${heavier} pool) ·`);
    expect(text).toContain(`KV cache capacity ${kv} (per decode replica)`);
    expect(renderText(combineReports([swapped]))).toContain(`memory/GPU ${mem} (${lighter} pool) ·`);
  });

  it("in the summary table, the headline's changes and the metrics table", () => {
    const agg = verify(
      'version: 1\nmodel: {preset: llama-3.1-8b}\nhardware: {preset: h100-sxm, gpus: 1}\nworkload: {concurrency: 4, input_tokens: 512, output_tokens: 64}\n',
    );
    const md = renderReportMarkdown(combineReports([report, agg]));
    expect(md).toMatch(new RegExp(`\\| ${mem.replace('.', '\\.')} \\(${heavier} pool\\) \\|`));
    expect(md).toContain(`| \`memory_per_gpu_gib\` | ${mem} (${heavier} pool) |`);
    expect(md).toMatch(/\| `kv_cache_capacity_tokens` \| [\d,]+ tokens \([\d,–]+\) \(per decode replica\) \|/);
    // against a base whose most loaded device held less
    const base = { ...report, metrics: { ...m, memory_per_gpu_gib: m.memory_per_gpu_gib! / 2 } };
    const changed = renderReportMarkdown(combineReports([report]), { bases: { [report.file]: base }, baseName: 'main' });
    expect(changed).toContain(`memory per GPU (${heavier} pool) ${mem}, 100% worse than main`);
  });

  it('and an aggregated plan says nothing of pools', () => {
    const agg = verify(
      'version: 1\nmodel: {preset: llama-3.1-8b}\nhardware: {preset: h100-sxm, gpus: 1}\nworkload: {concurrency: 4, input_tokens: 512, output_tokens: 64}\n',
    );
    const all = `${renderText(combineReports([agg]))}${renderReportMarkdown(combineReports([agg, agg]))}`;
    expect(all).not.toMatch(/pool\)|decode replica/);
  });
});

describe('the pools table carries the window note the aggregated capacity line does', () => {
  // gpt-oss-120b under vLLM: 18 of its 36 layers keep 128 tokens, so each pool's KV tokens are vLLM's count over every layer
  const oss = `version: 1
model: {preset: gpt-oss-120b}
hardware: {preset: h200, gpus: 2}
disaggregation:
  prefill: {workers: 1, gpus: 1, parallelism: {tp: 1}}
  decode: {workers: 1, gpus: 1, parallelism: {tp: 1}}
  kv_transfer: {bandwidth: 50 GB/s}
workload: {concurrency: 16, input_tokens: 2000, output_tokens: 500}
deployment: {engine: ENGINE}
`;
  it('names the count under vLLM; nothing under SGLang, which keeps every token in every layer', () => {
    const md = renderPlanMarkdown(verify(oss.replace('ENGINE', 'vllm')));
    expect(md).toContain('KV cache per worker: tokens counted in every layer (18 sliding-window layers keep the last 128 tokens of a sequence).');
    expect(renderPlanMarkdown(verify(oss.replace('ENGINE', 'sglang')))).not.toContain('counted in every layer');
  });
});
