// The two pools of a disaggregated plan side by side (layout, GPUs, memory, KV cache, batch,
// utilization), the KV transfer between them, and the memory chart of both pools' devices.
import { markdownTable } from 'markdown-table';
import type { DeviceMemory, DisaggregationDetails, PlanReport, PoolDetails } from '../core/types.js';
import { escapeCell, escapeMarkdown } from './escape.js';
import { formatCount, formatGiB, formatMs, NOT_COMPUTABLE } from './format.js';
import { renderMemoryChart } from './memory-chart.js';
import { countOf } from '../core/figures.js';
import { kvWindowWords } from './summary.js';

const table = (rows: string[][]): string => markdownTable(rows, { alignDelimiters: false });
const pct = (x: number | null): string => (x === null ? NOT_COMPUTABLE : `${Math.round(x * 100)}%`);

/** The most loaded device of a pool: its total against what the engine may use. */
function memoryCell(p: PoolDetails): string {
  const worst = p.devices.reduce<DeviceMemory | null>(
    (a, d) => (a === null || (d.total_gib ?? d.total_floor_gib) > (a.total_gib ?? a.total_floor_gib) ? d : a),
    null,
  );
  if (!worst) return NOT_COMPUTABLE;
  const total = worst.total_gib === null ? `${NOT_COMPUTABLE} (≥ ${formatGiB(worst.total_floor_gib)})` : formatGiB(worst.total_gib);
  return worst.usable_gib === null ? total : `${total} of ${formatGiB(worst.usable_gib)} usable`;
}

function rows(d: DisaggregationDetails, plan: PlanReport): string[][] {
  const m = plan.metrics;
  const both = (f: (p: PoolDetails) => string): string[] => [escapeCell(f(d.prefill)), escapeCell(f(d.decode))];
  const decodeUse = m?.decode_capacity_utilization;
  return [
    ['', 'Prefill', 'Decode'],
    ['Workers x GPUs', ...both((p) => `${p.workers} x ${p.gpus_per_worker} = ${countOf(p.gpus, 'GPU')}`)],
    ['Layout (one worker)', ...both((p) => p.layout)],
    ['Memory per GPU (most loaded)', ...both(memoryCell)],
    ['KV cache per worker', ...both((p) => (p.kv_cache_capacity_tokens === null ? NOT_COMPUTABLE : `${formatCount(p.kv_cache_capacity_tokens)} tokens`))],
    [
      'Batch',
      escapeCell(
        d.prefill.max_batched_tokens !== undefined
          ? `up to ${formatCount(d.prefill.max_batched_tokens)} prompt tokens per pass and attention rank`
          : NOT_COMPUTABLE,
      ),
      escapeCell(
        d.decode.max_running_sequences
          ? `up to ${formatCount(d.decode.max_running_sequences)} ${d.decode.max_running_sequences === 1 ? 'sequence' : 'sequences'} per worker`
          : NOT_COMPUTABLE,
      ),
    ],
    [
      "Under the plan's load",
      escapeCell(d.prefill.utilization === null ? NOT_COMPUTABLE : `busy ${pct(d.prefill.utilization)} of the time`),
      escapeCell(
        d.decode.utilization === null
          ? NOT_COMPUTABLE
          : `busy ${pct(d.decode.utilization)} of the time${typeof decodeUse === 'number' ? `; ${pct(decodeUse)} of its full-batch output` : ''}`,
      ),
    ],
  ];
}

/** The note the aggregated capacity line carries (summary.ts, kvCapacityUnit): where windowed layers keep less, the pools' KV tokens are the engine's count over every layer; else ''. */
function windowLine(plan: PlanReport): string {
  const window = kvWindowWords(plan);
  return window ? escapeMarkdown(`KV cache per worker: tokens counted in every layer (${window}).`) : '';
}

function transferLine(d: DisaggregationDetails): string {
  const t = d.kv_transfer;
  if (t.bytes_per_prompt_mib === null) return 'KV transfer: not computable.';
  const parts = [`KV transfer: a mean prompt's cache is ${t.bytes_per_prompt_mib.toFixed(1)} MiB`];
  // the time is computed at the effective rate: quoting the link's own figure alone read as an arithmetic slip
  if (t.estimate_ms !== null && t.bandwidth_gb_per_s !== null)
    parts.push(
      `${formatMs(t.estimate_ms)} on an idle link at ${t.effective_gb_per_s !== null ? `${t.effective_gb_per_s} GB/s effective, of ` : ''}${t.bandwidth_gb_per_s} GB/s per GPU (${t.link})`,
    );
  if (t.mean_ms !== null) parts.push(`${formatMs(t.mean_ms)} on average under the load`);
  if (t.lower_bound_ms !== null) parts.push(`floor ${formatMs(t.lower_bound_ms)}`);
  return `${escapeMarkdown(parts.join('; '))}.`;
}

/** The pools section of a disaggregated plan ('' for an aggregated one). */
export function renderPoolsSection(plan: PlanReport, h: string): string {
  const d = plan.details?.disaggregation;
  if (!d) return '';
  const devices = [...d.prefill.devices, ...d.decode.devices];
  const labels = [...d.prefill.devices.map((x) => `prefill stage ${x.stage}`), ...d.decode.devices.map((x) => `decode stage ${x.stage}`)];
  const chart = renderMemoryChart(devices, { labels });
  return [`${h} Prefill and decode pools`, table(rows(d, plan)), windowLine(plan), transferLine(d), chart].filter(Boolean).join('\n\n');
}
