// Cost and energy of serving (contract, "Version 1.1 / Cost and energy"): what a million output
// tokens cost and how many output tokens a joule buys, for the whole deployment at the plan's load.
// Both follow from the throughput: the estimate gives the expected figure, the throughput's
// physical ceiling gives the bound (a cost floor, a tokens-per-joule ceiling).
import { judgeRequirement, type Figures, type Judgement } from './compare.js';
import { countOf, roundFine } from './figures.js';
import { formatUsd, formatWithRange } from '../report/format.js';
import type { Assumption, HardwareSpec } from './types.js';

const SECONDS_PER_HOUR = 3600;
const TOKENS_PER_MILLION = 1e6;

/** USD per million output tokens: gpus x cost_per_hour / (throughput x 3600) x 1e6. */
export function costPerMillionTokens(gpus: number, usdPerGpuHour: number, tokensPerS: number | null): number | null {
  if (tokensPerS === null || !(tokensPerS > 0) || !(gpus > 0) || !(usdPerGpuHour >= 0)) return null;
  return ((gpus * usdPerGpuHour) / (tokensPerS * SECONDS_PER_HOUR)) * TOKENS_PER_MILLION;
}

/** Output tokens per joule: throughput / (gpus x power per accelerator). */
export function tokensPerJoule(gpus: number, wattsPerGpu: number, tokensPerS: number | null): number | null {
  if (tokensPerS === null || !(tokensPerS >= 0) || !(gpus > 0) || !(wattsPerGpu > 0)) return null;
  return tokensPerS / (gpus * wattsPerGpu);
}

export interface ServingEconomy {
  /** accelerators paid for and powered: the whole deployment */
  gpus: number;
  /** USD per accelerator-hour (hardware.cost_per_hour) */
  costPerHour?: number;
  /** W per accelerator at load (hardware.power) */
  power?: number;
  /** output tokens/s at the plan's load: the estimate, and its physical ceiling */
  throughput: number | null;
  throughputBound: number | null;
}

// 4 decimals, or 3 significant figures where a light load's figure is smaller (never 0 for a computed one)
const rounded = (v: number | null, digits: number): number | null => roundFine(v, digits, 3);
const roundedDown = (v: number | null, digits: number): number | null => roundFine(v, digits, 3, 'down');
const roundedUp = (v: number | null, digits: number): number | null => roundFine(v, digits, 3, 'up');

/**
 * The metrics: the contract's two, and their bounds (extensions). Bounds round outward, so a shown
 * floor never sits above the true one.
 */
export function economyMetrics(e: ServingEconomy): Record<string, number | null> {
  const cost = (t: number | null) => (e.costPerHour === undefined ? null : costPerMillionTokens(e.gpus, e.costPerHour, t));
  const energy = (t: number | null) => (e.power === undefined ? null : tokensPerJoule(e.gpus, e.power, t));
  return {
    cost_per_million_tokens: rounded(cost(e.throughput), 4),
    cost_per_million_tokens_lower_bound: roundedDown(cost(e.throughputBound), 4),
    tokens_per_joule: rounded(energy(e.throughput), 4),
    tokens_per_joule_upper_bound: roundedUp(energy(e.throughputBound), 4),
  };
}

/**
 * The ranges of cost and energy (contract 1.1, "How sure"), from the throughput's: both follow the
 * throughput exactly, so a cheaper end pairs with the faster one.
 */
export function economyRanges(e: ServingEconomy, throughputRange: [number, number] | undefined): Record<string, [number, number]> {
  if (!throughputRange) return {};
  const [slow, fast] = throughputRange;
  const out: Record<string, [number, number]> = {};
  if (e.costPerHour !== undefined) {
    const cheap = costPerMillionTokens(e.gpus, e.costPerHour, fast);
    const dear = costPerMillionTokens(e.gpus, e.costPerHour, slow);
    if (cheap !== null && dear !== null) out.cost_per_million_tokens = [rounded(cheap, 4)!, rounded(dear, 4)!];
  }
  if (e.power !== undefined) {
    const low = tokensPerJoule(e.gpus, e.power, slow);
    const high = tokensPerJoule(e.gpus, e.power, fast);
    if (low !== null && high !== null) out.tokens_per_joule = [rounded(low, 4)!, rounded(high, 4)!];
  }
  return out;
}

/**
 * requirements.cost_per_million_tokens against the estimate; the throughput ceiling gives the
 * cheapest any layout of these devices could serve (below it: physically impossible).
 * `throughputMissing`: what the throughput estimate lacks. `risk`: the throughput's track record read
 * as a time's (cost is inversely proportional to throughput), so a cost inside its range is at risk.
 */
export function judgeCostRequirement(
  requiredUsd: number,
  e: ServingEconomy,
  throughputMissing: string[],
  risk?: Figures['risk'],
  throughputStops?: { ceiling: number | null; low: number | null },
): Judgement & { missing: string[] } {
  const missing = e.costPerHour === undefined ? ['hardware.cost_per_hour'] : throughputMissing;
  const cost = (t: number | null) => (e.costPerHour === undefined ? null : costPerMillionTokens(e.gpus, e.costPerHour, t));
  const judgement = judgeRequirement(requiredUsd, 'lower-is-better', {
    estimate: cost(e.throughput),
    bound: cost(e.throughputBound),
    ...(throughputStops ? { rangeBound: cost(throughputStops.ceiling), slowStop: cost(throughputStops.low) } : {}),
    show: (usd) => `${formatUsd(usd)} per million tokens`,
    showWithRange: (usd, range) => `${formatWithRange(usd, range, 'USD')} per million tokens`,
    missing,
    ...(risk ? { risk } : {}),
    ...(e.costPerHour !== undefined ? { why: `${countOf(e.gpus, 'device')} at ${formatUsd(e.costPerHour)} an hour, at the throughput ceiling` } : {}),
  });
  return { ...judgement, missing };
}

/** What the cost and energy figures rest on, for the report's assumptions (presets carry the datasheet TDP). */
export function economyAssumptions(h: HardwareSpec, origins: Record<string, string>): Assumption[] {
  const out: Assumption[] = [];
  if (h.power !== undefined) {
    const origin = origins['hardware.power'];
    out.push({
      name: 'hardware.power',
      value: `${h.power} W per accelerator at load${origin?.startsWith('preset:') ? ' (datasheet TDP: real draw is usually lower, so tokens per joule is a floor of what the chip can do)' : ''}`,
      source: origin ?? 'plan',
    });
  }
  if (h.cost_per_hour !== undefined) {
    out.push({
      name: 'hardware.cost_per_hour',
      value: `${formatUsd(h.cost_per_hour)} per accelerator-hour`,
      source: origins['hardware.cost_per_hour'] ?? 'plan',
    });
  }
  return out;
}
