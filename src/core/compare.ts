// Turns (figure, estimate, physical bound) into a check status, the same way for
// every requirement and claim (contract: beyond the bound is physically impossible,
// between estimate and bound is optimistic, no estimate is unverified).
import { type LoadTrend, missProbability, oneIn, rangeOf, type RangeKind, type Residuals } from './ranges.js';
import type { CheckStatus } from './types.js';

export type Direction = 'higher-is-better' | 'lower-is-better';

export interface Judgement {
  status: CheckStatus;
  /** the figure the value was held against */
  limit: number | null;
  /** whether `limit` is the estimate or the physical bound (null: neither is known) */
  basis: 'estimate' | 'bound' | null;
  detail: string;
}

export interface Figures {
  estimate: number | null;
  /** ceiling for rates, floor for times and memory */
  bound: number | null;
  /** where the range stops when that is tighter than the bound (a loaded TTFT's idle low end, an open loop's offered output) */
  rangeBound?: number | null;
  /**
   * where the range stops on its slow side (a rate's low end, a cost's high end): an open loop that
   * keeps up serves its arrivals (plan-ranges.ts)
   */
  slowStop?: number | null;
  /** formats a figure for messages */
  show: (v: number) => string;
  /**
   * formats the estimate with its range, both in the estimate's unit: "12.3k tokens/s (range 7.59k to
   * 19.9k tokens/s)"; by default each figure through `show`
   */
  showWithRange?: (estimate: number, range: [number, number]) => string;
  /** why the estimate is missing */
  missing: string[];
  /** what sets the bound (e.g. "decode is bound by HBM bandwidth"), appended to impossibility messages */
  why?: string;
  /** a bound that is no formula at efficiency 1 (a memory size): impossibility messages leave that out */
  boundIsCapacity?: boolean;
  /**
   * the estimator's track record for this figure: a requirement inside the range is at risk (ranges.ts);
   * `trend`, how the figure moves with load, when not as its kind does (a cost per token improves)
   */
  risk?: { residuals: Residuals; kind: RangeKind; trend?: LoadTrend };
  /** why the estimate is not computable when no plan key is missing (e.g. nothing fits in memory) */
  unknown?: string;
  /** a screened candidate's figures (VerifyOptions.quick): its sentences are never read, so not worked out */
  terse?: boolean;
}

const because = (f: Figures): string => (f.why ? `; ${f.why}` : '');

const missingText = (missing: string[]): string =>
  missing.length > 0 ? `cannot estimate without ${missing.join(', ')}` : 'cannot estimate from what the plan gives';

/**
 * A requirement on a rate (throughput: at least R) or a time (TTFT: at most T).
 * Fails when even the physical bound misses it; else judged on the estimate.
 */
export function judgeRequirement(required: number, dir: Direction, f: Figures): Judgement {
  const better = (a: number, b: number): boolean => (dir === 'higher-is-better' ? a >= b : a <= b);
  if (f.bound !== null && !better(f.bound, required)) {
    const word = dir === 'higher-is-better' ? 'upper bound' : 'lower bound';
    return {
      status: 'fail',
      limit: f.bound,
      basis: 'bound',
      detail: `physically impossible: the ${word} is ${f.show(f.bound)} (every efficiency at 1), required ${f.show(required)}${because(f)}`,
    };
  }
  if (f.estimate === null) {
    const b = f.bound !== null ? `; the bound ${f.show(f.bound)} does not rule it out` : '';
    return { status: 'unverified', limit: f.bound, basis: f.bound === null ? null : 'bound', detail: `${f.unknown ?? missingText(f.missing)}${b}` };
  }
  if (f.risk) return judgeWithRange(required, dir, f, f.estimate, f.risk);
  if (better(f.estimate, required)) {
    return { status: 'pass', limit: f.estimate, basis: 'estimate', detail: `estimate ${f.show(f.estimate)} meets ${f.show(required)}` };
  }
  return {
    status: 'fail',
    limit: f.estimate,
    basis: 'estimate',
    detail: `estimate ${f.show(f.estimate)} misses ${f.show(required)} (bound ${f.bound !== null ? f.show(f.bound) : 'unknown'})`,
  };
}

/**
 * A requirement against an estimate and its range: met even at the range's bad end passes; met by the
 * estimate but not at the bad end is at risk (warn, with the share of validated deployments this
 * close that missed); missed by the estimate but not at the good end warns; missed at the good end
 * fails. (Beyond the physical bound was already a fail.)
 */
function judgeWithRange(required: number, dir: Direction, f: Figures, estimate: number, risk: NonNullable<Figures['risk']>): Judgement {
  const [low, high] = rangeOf(estimate, risk.residuals, risk.kind, f.rangeBound ?? f.bound, f.slowStop ?? null, risk.trend);
  const lowerIsBetter = dir === 'lower-is-better';
  const bad = lowerIsBetter ? high : low;
  const good = lowerIsBetter ? low : high;
  const meets = (v: number): boolean => (lowerIsBetter ? v <= required : v >= required);
  // the share of validated deployments this close that missed: only the two warnings say it
  const missed = (): string => (f.terse ? '' : oneIn(missProbability(estimate, required, risk.residuals, risk.kind, risk.trend)));
  const shown = f.showWithRange ? f.showWithRange(estimate, [low, high]) : `${f.show(estimate)} (range ${f.show(low)} to ${f.show(high)})`;
  if (meets(bad))
    return {
      status: 'pass',
      limit: estimate,
      basis: 'estimate',
      detail: `estimate ${shown} meets ${f.show(required)} even at the range's ${lowerIsBetter ? 'high' : 'low'} end`,
    };
  if (meets(estimate)) {
    return {
      status: 'warn',
      limit: estimate,
      basis: 'estimate',
      detail: `at risk: estimate ${shown} meets ${f.show(required)}, the range's ${lowerIsBetter ? 'high' : 'low'} end does not; ${missed()} validated deployments this close missed`,
    };
  }
  if (meets(good)) {
    return {
      status: 'warn',
      limit: estimate,
      basis: 'estimate',
      detail: `likely missed (at risk, inside its range): estimate ${shown} misses ${f.show(required)}, which only the range's ${lowerIsBetter ? 'low' : 'high'} end meets; ${missed()} validated deployments this close missed`,
    };
  }
  return {
    status: 'fail',
    limit: estimate,
    basis: 'estimate',
    detail: `estimate ${shown} misses ${f.show(required)} across its whole range (bound ${f.bound !== null ? f.show(f.bound) : 'unknown'})`,
  };
}

/**
 * A claim about a rate or a time. Beyond the bound: impossible (fail). Between the estimate and
 * the bound: optimistic (warn). On the estimate's safe side: pass.
 */
export function judgeClaim(claimed: number, dir: Direction, f: Figures): Judgement {
  const beyond = (a: number, b: number): boolean => (dir === 'higher-is-better' ? a > b : a < b);
  if (f.bound !== null && beyond(claimed, f.bound)) {
    const word = dir === 'higher-is-better' ? 'upper bound' : 'lower bound';
    return {
      status: 'fail',
      limit: f.bound,
      basis: 'bound',
      detail: `physically impossible: claimed ${f.show(claimed)}, ${word} ${f.show(f.bound)}${f.boundIsCapacity ? '' : ' (every efficiency at 1)'}${because(f)}`,
    };
  }
  if (f.estimate === null) {
    const b = f.bound !== null ? `; within the bound ${f.show(f.bound)}` : '';
    return { status: 'unverified', limit: f.bound, basis: f.bound === null ? null : 'bound', detail: `${f.unknown ?? missingText(f.missing)}${b}` };
  }
  if (beyond(claimed, f.estimate)) {
    return { status: 'warn', limit: f.estimate, basis: 'estimate', detail: `optimistic: claimed ${f.show(claimed)}, estimate ${f.show(f.estimate)}` };
  }
  return { status: 'pass', limit: f.estimate, basis: 'estimate', detail: `claimed ${f.show(claimed)}, estimate ${f.show(f.estimate)}` };
}

/**
 * A claim about memory: below the floor (the bytes the shard must occupy) is impossible; below
 * the estimate optimistic; far above it (over 1.5x) a sign the author sized something else.
 */
export function judgeMemoryClaim(claimed: number, f: Figures): Judgement {
  if (f.bound !== null && claimed < f.bound) {
    return {
      status: 'fail',
      limit: f.bound,
      basis: 'bound',
      detail: `physically impossible: claimed ${f.show(claimed)}, below the floor of ${f.show(f.bound)}, the least the device must hold for the plan to run at all`,
    };
  }
  if (f.estimate === null) {
    const b = f.bound !== null ? `; floor ${f.show(f.bound)}` : '';
    return { status: 'unverified', limit: f.bound, basis: f.bound === null ? null : 'bound', detail: `${f.unknown ?? missingText(f.missing)}${b}` };
  }
  if (claimed < f.estimate) {
    return { status: 'warn', limit: f.estimate, basis: 'estimate', detail: `optimistic: claimed ${f.show(claimed)}, estimate ${f.show(f.estimate)}` };
  }
  if (claimed > 1.5 * f.estimate) {
    return {
      status: 'warn',
      limit: f.estimate,
      basis: 'estimate',
      detail: `claimed ${f.show(claimed)} is far above the estimate ${f.show(f.estimate)}: does it size the same thing?`,
    };
  }
  return { status: 'pass', limit: f.estimate, basis: 'estimate', detail: `claimed ${f.show(claimed)}, estimate ${f.show(f.estimate)}` };
}
