// Collective communication times from message sizes, link bandwidth and latency.
// Ring all-reduce moves 2(g-1)/g of the message through each link (Patarasuk & Yuan 2009;
// NCCL's "bus bandwidth" convention); an all-to-all sends (g-1)/g of each rank's data away.
import type { Hardware, Layout } from './resolve.js';

export interface CommCost {
  /** seconds spent moving bytes (bandwidth term) */
  transfer: number;
  /** seconds of start-up latency */
  latency: number;
}

export const NO_COMM: CommCost = { transfer: 0, latency: 0 };

export function addComm(a: CommCost, b: CommCost, times = 1): CommCost {
  return { transfer: a.transfer + b.transfer * times, latency: a.latency + b.latency * times };
}

export interface LinkChoice {
  bandwidth: number;
  latency: number;
}

/** The link a group uses; null when the plan does not give its bandwidth (unless unknown links are free). */
export function linkFor(hw: Hardware, spansNodes: boolean, bandwidthEfficiency: number, withLatency: boolean, unknownIsFree = false): LinkChoice | null {
  const bw = (spansNodes ? hw.interBandwidth : hw.intraBandwidth) ?? (unknownIsFree ? Infinity : undefined);
  if (bw === undefined) return null;
  return { bandwidth: bw * bandwidthEfficiency, latency: withLatency ? (spansNodes ? hw.interLatency : hw.intraLatency) : 0 };
}

export function allReduce(bytes: number, group: number, link: LinkChoice): CommCost {
  if (group <= 1 || bytes <= 0) return NO_COMM;
  return { transfer: ((2 * (group - 1)) / group) * (bytes / link.bandwidth), latency: link.latency };
}

export function allToAll(bytesPerRank: number, group: number, link: LinkChoice): CommCost {
  if (group <= 1 || bytesPerRank <= 0) return NO_COMM;
  return { transfer: (((group - 1) / group) * bytesPerRank) / link.bandwidth, latency: link.latency };
}

export function pointToPoint(bytes: number, link: LinkChoice): CommCost {
  if (bytes <= 0) return { transfer: 0, latency: link.latency };
  return { transfer: bytes / link.bandwidth, latency: link.latency };
}

/**
 * Rank order tp (innermost), cp, dp, pp (outermost), as Megatron-LM and vLLM lay them out:
 * the tp group spans nodes when tp > gpus_per_node; the expert group (ep*etp ranks inside the
 * tp*dp*cp block of a stage) when ep*etp > gpus_per_node; a stage boundary when one stage
 * (tp*cp*dp ranks) fills a node or more.
 */
export function groupSpans(layout: Layout, hw: Hardware): { tp: boolean; ep: boolean; cp: boolean; pp: boolean } {
  const node = hw.gpusPerNode;
  return {
    tp: layout.tp > node,
    cp: layout.tp * layout.cp > node,
    ep: layout.ep * layout.etp > node,
    pp: layout.tp * layout.cp * layout.dp >= node,
  };
}
