// The load bands the estimator's track record is kept by (ranges.ts), in order of load, and how they
// nest: a plan's range is never narrower toward a good verdict than a band of lighter load would
// give it (its high end) or a band of heavier load (its low end), so more load with an estimate no
// lower never turns a verdict better (docs/formulas.md, "How sure").

/** Concurrency bands, in order of load. */
const CONCURRENCY_BANDS = ['1-4', '5-32', '33-128', '>128'];

/** A disaggregated TTFT's load regimes: the lift of the TTFT under load over the idle one, from..to. */
const QUEUE_BANDS: { name: string; from: number; to: number }[] = [
  { name: 'queue<1.5', from: 0, to: 1.5 },
  { name: 'queue1.5-3', from: 1.5, to: 3 },
  { name: 'queue3-10', from: 3, to: 10 },
  { name: 'queue>10', from: 10, to: Infinity },
];

/** Concurrency bands the track record is kept by. */
export function concurrencyBand(c: number): string {
  if (c <= 4) return '1-4';
  if (c <= 32) return '5-32';
  if (c <= 128) return '33-128';
  return '>128';
}

/**
 * The load regime of a disaggregated deployment's TTFT: how far queueing (for a prefill worker, a
 * decode slot) lifts the estimate above the idle one. Its errors grow with that share, not with the
 * client count, which the pools are sized to (validation/README.md, "Disaggregated rows").
 */
export function queueBand(ttft: number | null, idle: number | null): string {
  if (ttft === null || idle === null || !(idle > 0) || !(ttft > 0)) return 'queue?';
  const lift = ttft / idle;
  return QUEUE_BANDS.find((b) => lift < b.to)!.name;
}

/** A band of other load than the plan's, and ln(its estimate / the plan's) where it would apply. */
export interface OtherBand {
  band: string;
  shift: number;
}

/**
 * The bands lighter and heavier than `band`, by the load regime the buckets follow. A concurrency
 * band's neighbours are taken at the plan's own estimate (the estimate at their edge is not known:
 * taking the plan's is what keeps the range monotone when the estimate is flat across the edge). A
 * queue regime is chosen by the estimate itself (its lift over the idle TTFT, `lift`): a lighter
 * regime applies up to its upper edge, a heavier one from its lower edge, and is taken there.
 * Bands outside either order (an idle figure's, 'queue?') have none.
 */
export function otherBands(band: string, byQueue: boolean, lift?: number): { lighter: OtherBand[]; heavier: OtherBand[] } {
  if (!byQueue) {
    const at = CONCURRENCY_BANDS.indexOf(band);
    if (at < 0) return { lighter: [], heavier: [] };
    const same = (b: string): OtherBand => ({ band: b, shift: 0 });
    return { lighter: CONCURRENCY_BANDS.slice(0, at).map(same), heavier: CONCURRENCY_BANDS.slice(at + 1).map(same) };
  }
  const at = QUEUE_BANDS.findIndex((b) => b.name === band);
  if (at < 0) return { lighter: [], heavier: [] };
  // where the estimate would sit at a regime's edge, relative to the plan's; at the plan's own without a lift
  const known = lift !== undefined && lift > 0 && Number.isFinite(lift);
  const shift = (edge: number, side: 'lighter' | 'heavier'): number =>
    known ? (side === 'lighter' ? Math.min(0, Math.log(edge / lift)) : Math.max(0, Math.log(edge / lift))) : 0;
  return {
    lighter: QUEUE_BANDS.slice(0, at).map((b) => ({ band: b.name, shift: shift(b.to, 'lighter') })),
    heavier: QUEUE_BANDS.slice(at + 1).map((b) => ({ band: b.name, shift: shift(b.from, 'heavier') })),
  };
}
