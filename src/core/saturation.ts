// Whether an open loop outruns its deployment (check load.saturation), and what it serves when it
// does. Saturation is the offered rate beyond the deployment's capacity: what it completes when it
// is never short of work (a closed loop at what it holds at once), not a run's own average, which a
// declared run's ramp and tail lower at any rate.
import type { LoadFigures } from './estimates.js';
import type { Resolved } from './resolve.js';

/** Share of the offered rate a run may complete before its capacity is asked (a run's window edges). */
const KEEPS_UP = 0.95;
/** The same for a steady loop (no declared run): only its window's sampling noise is allowed. */
const STEADY_KEEPS_UP = 0.99;

/**
 * An open loop's figures against the deployment's capacity (`capacity`, simulated only when the run
 * completed less than KEEPS_UP of what arrived: a run that keeps up is not saturated). Saturated: the
 * offered rate exceeds the capacity; `servedRate` is then the capacity's. A steady loop past it
 * serves the capacity, however much more arrives (the window of an ever longer queue read less the
 * more arrived); a declared run keeps its own throughput, ramp and drain included, as a benchmark
 * reports it.
 */
export function againstCapacity(f: LoadFigures, rate: number, declared: boolean, capacity: () => LoadFigures | null): LoadFigures {
  if (f.kind !== 'open') return { ...f, saturated: false };
  // What a steady loop that keeps up serves is what arrives: its window can read a little above it
  // (12 requests/s of 256 tokens read 3,082.9 tokens/s), never more in the long run.
  const offered = (rate * f.throughput) / Math.max(f.servedRate, 1e-12);
  // A steady loop has no ramp and tail to excuse a shortfall: one that completed a little less than
  // arrived may be a queue growing just too slowly to show in its window (6 requests/s arrive, 5.79
  // complete, capacity 5.78/s), so its capacity decides.
  if (f.servedRate >= (declared ? KEEPS_UP : STEADY_KEEPS_UP) * rate)
    return { ...f, saturated: false, ...(declared ? {} : { throughput: Math.min(f.throughput, offered) }) };
  const cap = capacity();
  if (!cap) return f;
  const capacityRate = cap.servedRate;
  if (rate <= capacityRate) {
    // Keeps up: a steady loop then serves what arrives (its window still filling read 14.0k tokens/s
    // of 16k sent, Llama 70B at 4 requests/s of 4,000-token answers), no more than the capacity's.
    return {
      ...f,
      saturated: false,
      capacityRate,
      ...(f.servedRate >= KEEPS_UP * rate ? { keptUpInRun: true } : {}),
      ...(declared ? {} : { throughput: Math.min(offered, cap.throughput), servedRate: Math.min(rate, capacityRate) }),
    };
  }
  return { ...f, saturated: true, servedRate: capacityRate, capacityRate, throughput: declared ? f.throughput : cap.throughput };
}

/**
 * What the goodput search's rates are capped at: the steady capacity, as many clients as the
 * deployment holds at once, no more than the plan's cap in flight. Not its declared run's requests:
 * the search runs steady loops whatever the plan's own run (Llama 70B pp8 read 10.8/s with a declared
 * run of 200 requests beside 28.8/s without, the 200 clients' capacity).
 */
export function goodputCapacityClients(wl: Resolved['workload'], holds: number): number {
  return Math.max(1, Math.min(holds, wl.concurrency ?? Infinity));
}

/**
 * The closed loop an open loop's capacity is measured on: as many clients as the deployment holds at
 * once (`holds`), no more than the plan's cap on requests in flight or its declared run's requests.
 */
export function capacityLoad(wl: Resolved['workload'], holds: number): Partial<Resolved['workload']> {
  const clients = Math.max(1, Math.min(holds, wl.concurrency ?? Infinity, wl.benchmark?.requests ?? Infinity));
  return { requestRate: undefined, benchmark: null, concurrency: clients };
}
