// Whether the two pools of a disaggregated deployment are sized to each other (check
// disaggregation.balance): under the plan's load, a pool idle more than 30% of the time is GPUs
// paid for and unused. The ratio that balances them keeps the work each pool does (its busy
// fraction times its workers) and shares the same devices out in proportion to it.

/** Below this busy fraction a pool counts as idle too much. */
export const BALANCE_MIN_BUSY = 0.7;

export interface WorkerMix {
  prefill: number;
  decode: number;
}

export interface BalanceAdvice {
  /** worker-equivalents each pool's work needs at full load (busy fraction x workers) */
  need: WorkerMix;
  /** the best whole-worker mix on at most the same devices: the one that serves most of the load (ties: fewer devices) */
  mix: WorkerMix;
  /** devices the mix uses */
  gpus: number;
  /** the load that mix serves, relative to today's slower pool (> 1: more headroom) */
  headroom: number;
}

/**
 * The whole-worker mix, on at most `totalGpus` devices, that leaves the most headroom: the load a
 * mix of x prefill and y decode workers can serve is min(x / needPrefill, y / needDecode) of the
 * plan's. Null when either pool did no measurable work.
 */
export function balancedMix(busy: WorkerMix, workers: WorkerMix, gpusPerWorker: WorkerMix, totalGpus: number): BalanceAdvice | null {
  const need = { prefill: busy.prefill * workers.prefill, decode: busy.decode * workers.decode };
  if (!(need.prefill > 0) || !(need.decode > 0)) return null;
  let best: BalanceAdvice | null = null;
  const maxPrefill = Math.floor((totalGpus - gpusPerWorker.decode) / gpusPerWorker.prefill);
  for (let x = 1; x <= maxPrefill; x++) {
    const y = Math.floor((totalGpus - x * gpusPerWorker.prefill) / gpusPerWorker.decode);
    if (y < 1) break;
    // Fewer decode workers may serve as much when prefill is the limit: take the fewest that do.
    const serves = Math.min(x / need.prefill, y / need.decode);
    const yMin = Math.max(1, Math.min(y, Math.ceil(serves * need.decode - 1e-9)));
    const gpus = x * gpusPerWorker.prefill + yMin * gpusPerWorker.decode;
    if (best === null || serves > best.headroom * (1 + 1e-9) || (Math.abs(serves - best.headroom) <= best.headroom * 1e-9 && gpus < best.gpus)) {
      best = { need, mix: { prefill: x, decode: yMin }, gpus, headroom: serves };
    }
  }
  return best;
}

/** "3P1D": the usual name of a mix. */
export const mixName = (m: WorkerMix): string => `${m.prefill}P${m.decode}D`;
