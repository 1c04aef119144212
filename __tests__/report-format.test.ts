import { describe, expect, it } from 'vitest';
import { formatCount, formatGiB, formatMs, formatPercent, formatQuantity, formatTokensPerS, formatUsd, MINUS } from '../src/report/format.js';

describe('number formatting', () => {
  it('GiB: 2 decimals under 10 GiB, 1 above', () => {
    // Llama-3.1-8B in bf16: 8.03e9 params * 2 B = 16.06e9 B = 14.96 GiB (Meta model card, 8.03B params)
    expect(formatGiB((8.03e9 * 2) / 2 ** 30)).toBe('15.0 GiB');
    // its weights split over tp 4: 3.74 GiB
    expect(formatGiB((8.03e9 * 2) / 4 / 2 ** 30)).toBe('3.74 GiB');
    expect(formatGiB(79.65)).toBe('79.7 GiB');
  });

  it('times switch from ms to s at one second, and to min past ten minutes', () => {
    expect(formatMs(41.23)).toBe('41.2 ms');
    expect(formatMs(7.456)).toBe('7.46 ms');
    expect(formatMs(250)).toBe('250 ms');
    expect(formatMs(1234)).toBe('1.23 s');
    expect(formatMs(45_600)).toBe('45.6 s');
    expect(formatMs(15 * 60_000)).toBe('15.0 min');
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
});
