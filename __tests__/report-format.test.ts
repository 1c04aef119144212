import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatGiB,
  formatMs,
  formatPercent,
  formatQuantity,
  formatRangeEnds,
  formatTokensPerS,
  formatUsd,
  formatWithRange,
  MINUS,
} from '../src/report/format.js';

describe('number formatting', () => {
  it('GiB: 2 decimals under 10 GiB, 1 above', () => {
    // Llama-3.1-8B in bf16: 8.03e9 params * 2 B = 16.06e9 B = 14.96 GiB (Meta model card, 8.03B params)
    expect(formatGiB((8.03e9 * 2) / 2 ** 30)).toBe('15.0 GiB');
    // its weights split over tp 4: 3.74 GiB
    expect(formatGiB((8.03e9 * 2) / 4 / 2 ** 30)).toBe('3.74 GiB');
    expect(formatGiB(79.65)).toBe('79.7 GiB');
  });

  it('times switch from ms to s at one second, and to min past 100 s', () => {
    expect(formatMs(41.23)).toBe('41.2 ms');
    expect(formatMs(7.456)).toBe('7.46 ms');
    expect(formatMs(250)).toBe('250 ms');
    expect(formatMs(1234)).toBe('1.23 s');
    expect(formatMs(45_600)).toBe('45.6 s');
    expect(formatMs(15 * 60_000)).toBe('15.0 min');
  });
  it('a time too small for two decimals keeps 3 significant digits: never "0.00 ms"', () => {
    expect(formatMs(1e-297)).toBe('1.00e-297 ms');
    expect(formatMs(0.004)).toBe('0.00400 ms');
    expect(formatMs(0.005)).toBe('0.01 ms');
    expect(formatMs(0)).toBe('0.00 ms');
    expect(formatGiB(9.31e-301)).toBe('9.31e-301 GiB');
    expect(formatGiB(0)).toBe('0.00 GiB');
  });

  it('token rates use k and M', () => {
    expect(formatTokensPerS(850)).toBe('850 tokens/s');
    expect(formatTokensPerS(12_345)).toBe('12.3k tokens/s');
    expect(formatTokensPerS(850_000)).toBe('850k tokens/s');
    expect(formatTokensPerS(1_234_567)).toBe('1.23M tokens/s');
  });

  it('counts get thousands separators, fractions become percentages', () => {
    expect(formatCount(1_234_567)).toBe('1,234,567');
    expect(formatCount(999)).toBe('999');
    expect(formatPercent(0.9)).toBe('90%');
    expect(formatPercent(0.123)).toBe('12.3%');
    // whole percentages keep their zeros (this once printed 100% as 1%)
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(1.2)).toBe('120%');
    expect(formatPercent(0.1)).toBe('10%');
    expect(formatPercent(0.5)).toBe('50%');
  });

  it('null and non-finite figures are "not computable", never 0', () => {
    expect(formatQuantity(null, 'GiB')).toBe('not computable');
    expect(formatQuantity(undefined, 'ms')).toBe('not computable');
    expect(formatQuantity(Number.NaN, 'ms')).toBe('not computable');
    expect(formatQuantity(0, 'GiB')).toBe('0.00 GiB');
  });

  it('dispatches on the unit of a check, seconds shown like milliseconds', () => {
    expect(formatQuantity(2, 's')).toBe('2.00 s');
    expect(formatQuantity(0.05, 's')).toBe('50.0 ms');
    expect(formatQuantity(100, 'tokens/ms')).toBe('100k tokens/s');
    expect(formatQuantity(449_000, 'tokens')).toBe('449,000 tokens');
    expect(formatQuantity(4, 'GPUs')).toBe('4 GPUs');
  });

  it('dollars, tokens per joule and request rates', () => {
    expect(MINUS).toBe('\u2212');
    expect(formatUsd(2.5)).toBe('$2.50');
    expect(formatUsd(0.2877)).toBe('$0.29');
    expect(formatUsd(0.4)).toBe('$0.40');
    expect(formatUsd(0.0042)).toBe('$0.0042');
    expect(formatUsd(1234.5)).toBe('$1,235');
    expect(formatQuantity(0.2877, 'USD')).toBe('$0.29');
    expect(formatQuantity(3.448, 'tokens/J')).toBe('3.45 tokens/J');
    expect(formatQuantity(0.357, 'tokens/J')).toBe('0.357 tokens/J');
    expect(formatQuantity(12.4, 'requests/s')).toBe('12.4 requests/s');
  });

  it("a light load's tokens per joule and request rate keep their significant digits, never 0", () => {
    // Llama 3.1 70B TP8 on H100 at 0.01 requests/s of 1024/256: 2.57 tokens/s / (8 x 700 W) = 0.000459 tokens/J (it read "0 tokens/J")
    expect(formatQuantity(2.57 / 5600, 'tokens/J')).toBe('0.000459 tokens/J');
    expect(formatQuantity(0.0735, 'tokens/J')).toBe('0.0735 tokens/J');
    expect(formatQuantity(0, 'tokens/J')).toBe('0 tokens/J');
    expect(formatQuantity(0.004, 'requests/s')).toBe('0.004 requests/s');
    expect(formatQuantity(0.05, 'requests/s')).toBe('0.05 requests/s');
    expect(formatQuantity(0.123, 'requests/s')).toBe('0.12 requests/s');
    // a range's ends, rounded outward at the precision shown
    expect(formatWithRange(0.000459, [0.000457, 0.000464], 'tokens/J')).toBe('0.000459 tokens/J (range 0.000457 to 0.000464 tokens/J)');
  });
});

describe('a figure and its range in one unit', () => {
  it('times go to minutes past 100 s and to hours past 100 min, the unit chosen on the rounded figure', () => {
    expect(formatMs(99_940)).toBe('99.9 s');
    expect(formatMs(99_960)).toBe('1.67 min'); // "100.0 s" rounded: past the step
    expect(formatMs(999.7)).toBe('1.00 s');
    expect(formatQuantity(168.3, 's')).toBe('2.81 min');
    // p06 at 2 requests/s: a p99 TTFT of 5,052.67 s
    expect(formatQuantity(5052.67, 's')).toBe('84.2 min');
    expect(formatQuantity(11_311.16, 's')).toBe('3.14 h');
    expect(formatTokensPerS(999.6)).toBe('1.00k tokens/s');
  });

  it("the ends of a range take the figure's unit and scale, 3 significant digits, rounded outward", () => {
    // p08's throughput, estimate 12.3k tokens/s: it printed "12.3 tokens/ms (range 7592 tokens/s to 19.8 tokens/ms)"
    expect(formatWithRange(12_312.4, [7592.3, 19_823.9], 'tokens/s')).toBe('12.3k tokens/s (range 7.59k to 19.9k tokens/s)');
    // p06's p99 TTFT in seconds: "5052.67 s (range 3800.44 s to 11311.16 s)"
    expect(formatWithRange(5052.67, [3800.44, 11_311.16], 's')).toBe('84.2 min (range 63.3 to 189 min)');
    // a range wider than the figure's unit stays in it: never "40.6 ms to 22.6 s" beside "621 ms"
    expect(formatWithRange(0.6214, [0.04061, 22.63], 's')).toBe('621 ms (range 40.6 to 22,700 ms)');
    expect(formatWithRange(1.0454, [0.3743, 8.148], 's')).toBe('1.05 s (range 0.374 to 8.15 s)');
    expect(formatWithRange(10.55, [8.6812, 12.3261], 'USD')).toBe('$10.55 (range $8.68 to $12.33)');
    // within a tenth of the last digit shown, an end is not pushed out: 45.004 ms is 45.0, not 45.1
    expect(formatWithRange(35.28, [24.56, 45.0042], 'ms')).toBe('35.3 ms (range 24.5 to 45.0 ms)');
    expect(formatWithRange(41.2, [25.26, 56.868], 'GiB')).toBe('41.2 GiB (range 25.2 to 56.9 GiB)');
    expect(formatWithRange(0.5, [0.4, 0.62], 'fraction')).toBe('50% (range 40% to 62%)');
  });

  it("short ends (tables) drop the decimals of two-digit numbers, still outward and in the figure's scale", () => {
    expect(formatRangeEnds([25.26, 56.868], 'ms', 43.7, true)).toEqual({ low: '25', high: '57', unit: ' ms' });
    expect(formatRangeEnds([0.29, 0.31], 'ms', 0.3, true)).toEqual({ low: '0.290', high: '0.310', unit: ' ms' });
    expect(formatRangeEnds([24.56, 45.0042], 'ms', 35.3, true)).toEqual({ low: '24', high: '45', unit: ' ms' });
    expect(formatRangeEnds([40.61, 22_630], 'ms', 621, true)).toEqual({ low: '40', high: '22,700', unit: ' ms' });
    expect(formatRangeEnds([7592, 19_823], 'tokens/s', 12_300, true)).toEqual({ low: '7.59k', high: '20k', unit: ' tokens/s' });
  });
});

describe('figures past what fixed digits can show (a hostile plan: peak_tflops 1e-300)', () => {
  it('never throw, and never put separators into an exponent', () => {
    // a throughput range of [5.99e-300, 9.76e-300] tokens/s threw "toFixed() digits argument must be
    // between 0 and 100" and took the whole report (every other plan's too) down with it
    expect(formatWithRange(7.9e-300, [5.99e-300, 9.76e-300], 'tokens/s')).toBe('7.90e-300 tokens/s (range 5.99e-300 to 9.76e-300 tokens/s)');
    expect(formatQuantity(1.12e-302, 'tokens/J')).toBe('1.12e-302 tokens/J');
    expect(formatWithRange(1.12e-302, [8.51e-303, 1.39e-302], 'tokens/J')).toBe('1.12e-302 tokens/J (range 8.51e-303 to 1.39e-302 tokens/J)');
    expect(formatQuantity(5e-310, 'requests/s')).toBe('5.0e-310 requests/s');
    // a lower bound of 4.05e+297 h read "4.047,329,179,875,556e+297 h"
    expect(formatCount(4.047329179875556e297)).toBe('4.05e+297');
    expect(formatCount(-1e21)).toBe(`${MINUS}1.00e+21`);
    expect(formatCount(999_999_999_999_999_900_000)).toBe('999,999,999,999,999,900,000');
    expect(formatQuantity(1.457e304, 'ms')).toBe('4.05e+297 h');
    expect(formatWithRange(2.27e302, [1.84e302, 2.99e302], 'ms')).toBe('6.31e+295 h (range 5.11e+295 to 8.31e+295 h)');
  });
});
