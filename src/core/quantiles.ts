// Percentiles of a simulation's latencies without sorting them all: the three a summary reports
// need two order statistics each, which quickselect finds in linear time (sorting the 1,536 TTFTs
// of a wide closed loop cost a tenth of its simulation). The figures are those of percentile()
// over the sorted values: for numbers neither NaN nor zero the k-th smallest is one value
// whichever way it is found; with a NaN or a zero (whose sign a sort orders) they are sorted.

/** Linear-interpolated percentile of a sorted array, q in [0, 1]. */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Rounds of partitioning after which a range is sorted instead (a pathological order). */
const MAX_ROUNDS = 48;

/** Moves the k-th smallest of a[lo..hi] to a[k], none larger before it and none smaller after (quickselect). */
function select(a: Float64Array, lo: number, hi: number, k: number): void {
  for (let round = 0; hi > lo; round++) {
    if (round === MAX_ROUNDS) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    // the median of the first, middle and last as the pivot: sorted runs partition evenly
    const mid = (lo + hi) >> 1;
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    // a[lo..j] <= pivot <= a[i..hi], and what lies between equals the pivot
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** percentile(sorted values, q) for each q of `qs`, which decrease. */
export function percentilesOf(values: readonly number[], qs: readonly number[]): number[] {
  const a = new Float64Array(values);
  const n = a.length;
  let plain = n > 0;
  for (let i = 0; i < n && plain; i++) plain = a[i]! !== 0 && !Number.isNaN(a[i]!);
  if (!plain) {
    a.sort();
    return qs.map((q) => percentile(a, q));
  }
  const out: number[] = [];
  // a[0..bound-1] hold the `bound` smallest values; the one after a[k] in order lies in a[k+1..upper]
  let bound = n;
  let upper = n - 1;
  for (const q of qs) {
    const pos = q * (n - 1);
    const k = Math.floor(pos);
    if (k < bound) {
      select(a, 0, bound - 1, k);
      upper = Math.min(bound, n - 1);
      bound = k;
    }
    let next = a[k]!;
    if (k < upper) {
      next = a[k + 1]!;
      for (let i = k + 2; i <= upper; i++) if (a[i]! < next) next = a[i]!;
    }
    out.push(a[k]! + (next - a[k]!) * (pos - k));
  }
  return out;
}
