import { describe, expect, test } from 'vitest';
import { type Dimension, acceptedUnits, parseQuantity, quantityPattern } from '../src/plan/units.js';

// Every expected value below is worked out by hand from the unit's definition
// (SI prefixes are powers of 1000, IEC prefixes KiB/MiB/GiB/TiB powers of 1024,
// 8 bits per byte), not taken from the code under test.
const cases: [Dimension, string, number][] = [
  // bytes
  ['bytes', '1 B', 1],
  ['bytes', '512 bytes', 512],
  ['bytes', '3 KB', 3_000],
  ['bytes', '5 MB', 5_000_000],
  ['bytes', '64 GB', 64_000_000_000],
  ['bytes', '2 TB', 2_000_000_000_000],
  ['bytes', '2 KiB', 2_048],
  ['bytes', '3 MiB', 3_145_728],
  ['bytes', '64 GiB', 68_719_476_736],
  ['bytes', '1 TiB', 1_099_511_627_776],
  ['bytes', '80GB', 80_000_000_000],
  ['bytes', '0.5 GiB', 536_870_912],
  ['bytes', '64 gB', 64_000_000_000], // prefix letter ignores case, B does not
  // byte rates; bits for network links
  ['byteRate', '1.8 TB/s', 1.8e12],
  ['byteRate', '3.35 TBps', 3.35e12],
  ['byteRate', '450 GB/s', 450e9],
  ['byteRate', '450 GBps', 450e9],
  ['byteRate', '900 MB/s', 900e6],
  ['byteRate', '400 Gb/s', 5e10], // 400e9 bits / 8
  ['byteRate', '400 Gbps', 5e10],
  ['byteRate', '400 Gbit/s', 5e10],
  ['byteRate', '100 Mbps', 12_500_000],
  ['byteRate', '1 GiB/s', 1_073_741_824],
  // compute
  ['flops', '989 TFLOPS', 989e12],
  ['flops', '989 TFlops', 989e12],
  ['flops', '989 tflops', 989e12],
  ['flops', '2.25 PFLOPS', 2.25e15],
  ['flops', '500 GFLOPS', 500e9],
  // time
  ['time', '50 ms', 0.05],
  ['time', '2 s', 2],
  ['time', '10 us', 1e-5],
  ['time', '10 µs', 1e-5],
  ['time', '1.5 min', 90],
  ['time', '100 ns', 1e-7],
  // token rates
  ['tokenRate', '850 tokens/ms', 850_000],
  ['tokenRate', '100 tokens/s', 100],
  ['tokenRate', '100 tok/s', 100],
  ['tokenRate', '600 tokens/min', 10],
  // counts
  ['count', '10B', 10_000_000_000],
  ['count', '671B', 671_000_000_000],
  ['count', '1.5T', 1_500_000_000_000],
  ['count', '7 M', 7_000_000],
  ['count', '8k', 8_000],
  ['count', '1e10', 10_000_000_000],
  ['count', '123', 123],
];

describe('parseQuantity', () => {
  test.each(cases)('%s %s', (dim, text, expected) => {
    const parsed = parseQuantity(dim, text);
    expect(parsed.ok).toBe(true);
    // relative tolerance: binary floating point cannot hold 0.05 or 1e-7 exactly
    if (parsed.ok) expect(Math.abs(parsed.value - expected)).toBeLessThanOrEqual(Math.abs(expected) * 1e-12);
  });

  test('whole-byte results are exact integers (1.8 TB/s, 64 GiB)', () => {
    const rate = parseQuantity('byteRate', '1.8 TB/s');
    const size = parseQuantity('bytes', '64 GiB');
    expect(rate.ok && rate.value).toBe(1_800_000_000_000);
    expect(size.ok && size.value).toBe(68_719_476_736);
  });

  test('bits are refused where bytes are meant (memory sizes)', () => {
    expect(parseQuantity('bytes', '64 Gb')).toMatchObject({ ok: false, reason: 'bits-for-bytes' });
    // a lower-case prefix with a lower-case b: a lazily typed GB/s, or gigabits? Refused, not read 8x low
    expect(parseQuantity('byteRate', '3.35 tb/s')).toMatchObject({ ok: false, reason: 'ambiguous-bits', unit: 'tb/s' });
    expect(parseQuantity('byteRate', '3.35 tB/s')).toMatchObject({ ok: true, value: 3.35e12 });
    expect(parseQuantity('byteRate', '400 Gb/s')).toMatchObject({ ok: true, value: 5e10 });
    expect(parseQuantity('byteRate', '400 gbit/s')).toMatchObject({ ok: true, value: 5e10 });
    expect(parseQuantity('bytes', '64 GiB').ok).toBe(true);
  });

  test('missing, unknown and non-numeric', () => {
    expect(parseQuantity('bytes', '64')).toMatchObject({ ok: false, reason: 'missing-unit' });
    expect(parseQuantity('time', '5 parsecs')).toMatchObject({ ok: false, reason: 'bad-unit', unit: 'parsecs' });
    expect(parseQuantity('time', 'fast')).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(parseQuantity('tokenRate', '100 GB/s')).toMatchObject({ ok: false, reason: 'bad-unit' });
    expect(parseQuantity('count', '10X')).toMatchObject({ ok: false, reason: 'bad-unit' });
  });

  test('accepted units are listed for messages', () => {
    expect(acceptedUnits('bytes').split(', ')).toEqual(expect.arrayContaining(['B', 'KB', 'MB', 'GB', 'TB', 'KiB', 'MiB', 'GiB', 'TiB']));
    expect(acceptedUnits('time').split(', ')).toEqual(expect.arrayContaining(['ms', 's', 'us', 'min']));
    // a request rate's usual spellings are said too, not /s alone (contract audit)
    expect(acceptedUnits('requestRate')).toBe('/s (req/s, qps, rps), /min (req/min, rpm), /h (req/h)');
  });
});

describe('quantityPattern (JSON Schema) agrees with parseQuantity', () => {
  const dims: Dimension[] = ['bytes', 'byteRate', 'flops', 'time', 'tokenRate', 'count'];
  test.each(cases)('%s %s matches', (dim, text) => {
    expect(new RegExp(quantityPattern(dim)).test(text)).toBe(true);
  });
  test.each(dims)('%s rejects what the parser rejects', (dim) => {
    for (const bad of ['fast', '5 parsecs', '1 2 GB', '']) {
      expect(new RegExp(quantityPattern(dim)).test(bad)).toBe(parseQuantity(dim, bad).ok);
    }
    if (dim === 'bytes') expect(new RegExp(quantityPattern(dim)).test('64 Gb')).toBe(false);
    if (dim === 'byteRate') expect(new RegExp(quantityPattern(dim)).test('64 gbps')).toBe(true);
    // 'gb/s' is refused as ambiguous (bytes or bits?) by both
    if (dim === 'byteRate')
      for (const t of ['3.35 tb/s', '400 gb/s', '900 mb/s']) expect(new RegExp(quantityPattern(dim)).test(t)).toBe(parseQuantity(dim, t).ok);
  });
});
