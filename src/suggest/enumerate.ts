// Every layout of a given device count that the engine rules allow, generated from divisors
// (never by filtering all tuples), and the device counts worth searching.
import type { ModelSpec } from '../core/types.js';
import { cpAllowed, expertSlots, ppViolation, tpViolation, type LayoutChoice, type RuleOptions } from './rules.js';

export function divisors(n: number): number[] {
  const small: number[] = [];
  const large: number[] = [];
  for (let d = 1; d * d <= n; d++) {
    if (n % d === 0) {
      small.push(d);
      if (d * d !== n) large.push(n / d);
    }
  }
  return [...small, ...large.reverse()];
}

/** Expert layouts for one (tp, dp, cp): see expertViolation in rules.ts for the rules. */
function expertChoices(model: ModelSpec, tp: number, block: number): { ep: number; etp?: number }[] {
  if (!model.moe) return [{ ep: 1 }];
  const width = model.moe.expert_ffn_hidden_size;
  const splits = (etp: number): boolean => width === undefined || width % etp === 0;
  const out: { ep: number; etp?: number }[] = [];
  if (splits(tp)) out.push({ ep: 1, etp: tp });
  if (block !== tp && splits(block)) out.push({ ep: 1, etp: block });
  const slots = expertSlots(model);
  if (slots === undefined) return out;
  for (const ep of divisors(block)) {
    if (ep > 1 && slots % ep === 0 && splits(block / ep)) out.push({ ep, etp: block / ep });
  }
  return out;
}

/** All layouts of `gpus` devices that pass the engine rules (same set as filtering every tuple with layoutViolation). */
export function enumerateLayouts(model: ModelSpec, gpus: number, options: RuleOptions): LayoutChoice[] {
  const out: LayoutChoice[] = [];
  const withCp = cpAllowed(options);
  for (const tp of divisors(gpus)) {
    if (tpViolation(model, tp, options) !== null) continue;
    for (const pp of divisors(gpus / tp)) {
      if (ppViolation(model, pp) !== null) continue;
      const rest = gpus / tp / pp;
      for (const cp of withCp ? divisors(rest) : [1]) {
        const dp = rest / cp;
        for (const expert of expertChoices(model, tp, tp * dp * cp)) out.push({ tp, pp, dp, cp, ...expert });
      }
    }
  }
  return out;
}

/**
 * Device counts to search up to `max`: every count that fits in one node, then whole nodes only
 * (a deployment that leaves part of a node idle pays for it anyway), unless `anyCount`.
 */
export function gpuCounts(from: number, max: number, nodeSize: number, anyCount: boolean): number[] {
  const out: number[] = [];
  for (let n = Math.max(1, from); n <= max; n++) {
    if (anyCount || n <= nodeSize || n % nodeSize === 0) out.push(n);
    else n = Math.ceil(n / nodeSize) * nodeSize - 1; // jump to the next whole node
  }
  return out;
}
