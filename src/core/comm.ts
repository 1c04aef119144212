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

/** Where an all-reduce group sits: its ranks per node and the two links. */
export interface GroupPlacement {
  group: number;
  /** ranks of the group on one node (= group when it fits in a node) */
  perNode: number;
  intra: LinkChoice | null;
  inter: LinkChoice | null;
}

/**
 * All-reduce as engines run it (NCCL): inside a node a ring, 2(g-1)/g of the message per rank; a
 * group that spans n nodes of k ranks each runs hierarchically: reduce-scatter and all-gather
 * inside the node (2(k-1)/k of the message over NVLink) and an all-reduce of each rank's 1/k
 * share across nodes (2(n-1)/n of M/k over the rank's own NIC), so each NIC carries only its
 * node-share (NCCL's tree/NVLS-tree algorithms). Null when a needed link is unknown.
 */
export function allReduceExpected(bytes: number, p: GroupPlacement): CommCost | null {
  if (p.group <= 1 || bytes <= 0) return NO_COMM;
  if (p.perNode >= p.group) return p.intra ? allReduce(bytes, p.group, p.intra) : null;
  const nodes = p.group / p.perNode;
  if (!p.inter || (p.perNode > 1 && !p.intra)) return null;
  const inside = p.perNode > 1 ? allReduce(bytes, p.perNode, p.intra!) : NO_COMM;
  const across = allReduce(bytes / p.perNode, nodes, p.inter);
  return { transfer: inside.transfer + across.transfer, latency: inside.latency + across.latency };
}

/**
 * The least time ANY all-reduce algorithm can take (a bound must hold for NVLink SHARP, IB SHARP,
 * rings, trees alike): every rank must receive at least (g-1)/g of the message from outside itself
 * (all its links together), and when the group spans nodes each node must receive the reduction of
 * the others' data, M bytes, through the NICs of its k ranks. In-network reduction (NVLS) reaches
 * about M/bw per rank, below the ring's 2(g-1)/g M/bw, so the ring is not a floor.
 */
export function allReduceFloor(bytes: number, p: GroupPlacement): CommCost {
  if (p.group <= 1 || bytes <= 0) return NO_COMM;
  const intraBw = p.intra?.bandwidth ?? Infinity;
  const interBw = p.inter?.bandwidth ?? Infinity;
  const spans = p.perNode < p.group;
  const ingress = spans ? intraBw + interBw : intraBw;
  let t = (((p.group - 1) / p.group) * bytes) / ingress;
  if (spans) t = Math.max(t, bytes / (p.perNode * interBw));
  return { transfer: t, latency: 0 };
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
