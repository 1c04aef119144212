// Moving a prompt's KV cache from its prefill worker to its decode worker (docs/formulas.md,
// "KV transfer"). The bytes are the cache the decode side needs: every attention layer's KV of the
// prompt at the KV dtype (an MLA latent of kv_lora_rank + rope dims, or GQA's kv_heads x head_dim
// keys and values), indexer keys and linear-attention states.
import { stageKvBytesPerSequence, kvShardsOverTp } from './memory.js';
import type { ModelFacts } from './modelFacts.js';
import type { Hardware, Layout } from './resolve.js';
import { buildStages } from './stages.js';
import type { Plan } from './types.js';

/** The link KV caches cross, per GPU and one direction. */
export interface KvLink {
  /** bytes/s the estimate uses; undefined when the plan gives no figure for it */
  bandwidth: number | undefined;
  /** seconds per transfer (estimate only) */
  latency: number;
  /** the fastest the transfer could go, bytes/s: the stated bandwidth, else the fastest link the devices have */
  floorBandwidth: number | undefined;
  /** where the figure comes from, in words */
  source: string;
}

/**
 * The stated kv_transfer, else the devices' own link: NVLink when the whole deployment sits in one
 * node (or NVLink domain), the network between nodes otherwise.
 */
export function kvLink(plan: Plan, hw: Hardware, totalGpus: number): KvLink {
  const kv = plan.disaggregation?.kv_transfer;
  const oneNode = totalGpus <= hw.gpusPerNode;
  const linkBw = oneNode ? (hw.intraBandwidth ?? hw.interBandwidth) : (hw.interBandwidth ?? undefined);
  const linkLatency = oneNode ? hw.intraLatency : hw.interLatency;
  const fastest = Math.max(hw.intraBandwidth ?? 0, hw.interBandwidth ?? 0);
  const bandwidth = kv?.bandwidth ?? linkBw;
  return {
    bandwidth,
    latency: kv?.latency ?? linkLatency,
    floorBandwidth: kv?.bandwidth ?? (fastest > 0 ? fastest : undefined),
    source:
      kv?.bandwidth !== undefined
        ? 'disaggregation.kv_transfer.bandwidth'
        : oneNode
          ? 'hardware.intra_node_bandwidth (the deployment fits in one node)'
          : 'hardware.inter_node_bandwidth',
  };
}

/** Bytes of the cache one sequence of `tokens` tokens holds, all layers, one copy. */
export function promptKvBytes(facts: ModelFacts, tokens: number): number {
  const stages = buildStages(facts, 1, null);
  if (!stages) return 0;
  const whole: Layout = { tp: 1, pp: 1, dp: 1, cp: 1, ep: 1, etp: 1, microbatches: 1, layersPerStage: null, worldSize: 1, edp: 1 };
  return stages.reduce((sum, s) => sum + stageKvBytesPerSequence(facts, whole, s, tokens), 0);
}

/** Devices that hold distinct pieces of one sequence's cache: pipeline stages x KV shards over tp x cp. */
export function cacheShards(facts: ModelFacts, layout: Layout): number {
  return layout.pp * kvShardsOverTp(facts, layout.tp) * layout.cp;
}

/** The rate a prompt's cache moves at, and what it is made of (the report names each part). */
export interface KvTransferRate {
  /** links used at once: min(prefill shards, decode shards) */
  streams: number;
  /** bytes/s of one link, per GPU and one direction (KvLink.bandwidth) */
  perLink: number;
  /** the achievable fraction of it (hardware.efficiency.network) */
  efficiency: number;
  /** bytes/s the time is computed at: streams x perLink x efficiency */
  effective: number;
}

/**
 * How engines move a prompt's cache: each distinct shard from the prefill device that holds it to the
 * decode device that needs it, in parallel over min(prefill shards, decode shards) links at the network
 * efficiency. Null when the link has no bandwidth.
 */
export function kvTransferRate(facts: ModelFacts, prefill: Layout, decode: Layout, link: KvLink, networkEfficiency: number): KvTransferRate | null {
  if (link.bandwidth === undefined) return null;
  const streams = Math.max(1, Math.min(cacheShards(facts, prefill), cacheShards(facts, decode)));
  return { streams, perLink: link.bandwidth, efficiency: networkEfficiency, effective: streams * link.bandwidth * networkEfficiency };
}

/** Seconds `bytes` of cache take at the effective rate, plus the link's latency. */
export function transferSeconds(bytes: number, rate: KvTransferRate, link: KvLink): number {
  return bytes / rate.effective + link.latency;
}

/** Seconds one prompt's cache takes (kvTransferRate, transferSeconds). */
export function kvTransferTime(bytes: number, facts: ModelFacts, prefill: Layout, decode: Layout, link: KvLink, networkEfficiency: number): number | null {
  const rate = kvTransferRate(facts, prefill, decode, link, networkEfficiency);
  return rate === null ? null : transferSeconds(bytes, rate, link);
}

/**
 * The rate in words, with where it comes from: "25 GB/s effective (50 GB/s per GPU x network efficiency
 * 0.5; bandwidth from disaggregation.kv_transfer.bandwidth)". The time is computed at the effective rate,
 * so quoting the link's own figure beside it read as an arithmetic slip.
 */
export function kvTransferRateText(rate: KvTransferRate, source: string): string {
  const links = rate.streams > 1 ? `${rate.streams} links at once, each ` : '';
  return `${gbPerS(rate.effective)} effective (${links}${gbPerS(rate.perLink)} per GPU x network efficiency ${rate.efficiency}; bandwidth from ${source})`;
}

/** Bytes/s as GB/s, three significant figures at most (12.5 GB/s, not 13). */
export function gbPerS(bytesPerS: number): string {
  const g = bytesPerS / 1e9;
  return `${g >= 1000 ? g.toFixed(0) : Number(g.toPrecision(3))} GB/s`;
}

/**
 * Floor of the transfer: every byte leaves through one of the prefill worker's devices, each at most
 * at the link's full bandwidth (no latency). Engines may stream layers while the prompt still runs,
 * so the floor of a TTFT is the larger of the prefill floor and this, not their sum.
 */
export function kvTransferFloor(bytes: number, prefillWorkerGpus: number, link: KvLink): number | null {
  if (link.floorBandwidth === undefined) return null;
  return bytes / (Math.max(1, prefillWorkerGpus) * link.floorBandwidth);
}
