// A claimed compute utilization, checked against the claimed throughput and against the estimate.
import type { Computed } from './estimates.js';
import { round } from './figures.js';
import { formatTokensPerS } from '../report/format.js';
import type { ModelFacts } from './modelFacts.js';
import { modelFlops } from './performance.js';
import type { Resolved } from './resolve.js';
import type { Check, LoadedPlan } from './types.js';

/**
 * A compute-utilization claim is checked two ways: against the FLOPs that the claimed
 * throughput itself implies (a contradiction between claims), and against our estimate.
 */
export function computeUtilizationCheck(
  plan: LoadedPlan['plan'],
  r: Resolved,
  bound: ModelFacts | null,
  c: Computed,
  claimed: number,
  missing: string[],
): Omit<Check, 'line'> {
  const base = { id: 'claims.compute_utilization', title: 'Claimed compute utilization', path: 'claims.compute_utilization', value: claimed, unit: 'fraction' };
  const wl = r.workload;
  const hw = r.hardware;
  const gpus = hw.gpus ?? r.layout.worldSize;
  const tput = plan.claims.throughput;
  if (tput !== undefined && bound && hw.peak16) {
    // Cheapest reading of what is not given: no prompt to prefill, endless output.
    const input = wl.inputTokens ?? 0;
    const computed = input - Math.floor(input * wl.prefixHitRate);
    const output = wl.outputTokens;
    const decodeFlops = modelFlops(bound, 1, 0, 0, 1, true);
    const perOutput =
      output === undefined ? decodeFlops : (modelFlops(bound, computed, 0, 0, computed > 0 ? 1 : 0, false) + Math.max(0, output - 1) * decodeFlops) / output;
    const implied = (tput * perOutput) / (gpus * hw.peak16);
    if (implied > claimed) {
      return {
        ...base,
        status: 'fail',
        limit: round(implied, 4),
        detail: `contradicts claims.throughput: ${formatTokensPerS(tput)} needs at least ${(implied * 100).toFixed(0)}% of ${gpus === 1 ? "the device's" : `the ${gpus} devices'`} 16-bit peak (≥ ${(perOutput / 1e9).toFixed(2)} GFLOP per output token${computed > 0 ? ', prefill included' : ''}), not ${(claimed * 100).toFixed(0)}%`,
      };
    }
  }
  if (c.computeUtilization === null) {
    return { ...base, status: 'unverified', limit: null, missing, detail: `cannot estimate without ${missing.join(', ')}` };
  }
  const est = c.computeUtilization;
  const off = Math.abs(claimed - est) > 0.5 * est;
  return {
    ...base,
    status: off ? 'warn' : 'pass',
    limit: round(est, 4),
    detail: `claimed ${(claimed * 100).toFixed(1)}%, estimate ${(est * 100).toFixed(1)}% of the 16-bit peak over the closed loop`,
  };
}
