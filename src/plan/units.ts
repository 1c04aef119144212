// Quantities: "<number> <unit>" strings and unit-suffixed keys, converted to SI base units
// (bytes, bytes/s, FLOP/s, seconds, tokens/s, watts, plain counts).

export type Dimension = 'bytes' | 'byteRate' | 'flops' | 'time' | 'tokenRate' | 'requestRate' | 'power' | 'count';

export interface UnitDef {
  /** the spelling shown in messages and used in the JSON Schema */
  symbol: string;
  /** other spellings */
  spellings: readonly string[];
  /** base units per one of this unit */
  factor: number;
}

interface DimensionDef {
  /** what the base unit is, for messages */
  base: string;
  /**
   * When true, 'b' and 'B' differ (bit vs byte) and every other letter ignores case;
   * otherwise the whole unit ignores case.
   */
  bitSensitive: boolean;
  units: readonly UnitDef[];
}

const K = 1e3;
const Ki = 1024;

export const DIMENSIONS: Readonly<Record<Dimension, DimensionDef>> = {
  bytes: {
    base: 'bytes',
    bitSensitive: true,
    units: [
      { symbol: 'B', spellings: ['bytes', 'byte'], factor: 1 },
      { symbol: 'KB', spellings: [], factor: K },
      { symbol: 'MB', spellings: [], factor: K ** 2 },
      { symbol: 'GB', spellings: [], factor: K ** 3 },
      { symbol: 'TB', spellings: [], factor: K ** 4 },
      { symbol: 'PB', spellings: [], factor: K ** 5 },
      { symbol: 'KiB', spellings: [], factor: Ki },
      { symbol: 'MiB', spellings: [], factor: Ki ** 2 },
      { symbol: 'GiB', spellings: [], factor: Ki ** 3 },
      { symbol: 'TiB', spellings: [], factor: Ki ** 4 },
      { symbol: 'PiB', spellings: [], factor: Ki ** 5 },
    ],
  },
  byteRate: {
    base: 'bytes/s',
    bitSensitive: true,
    units: [
      { symbol: 'B/s', spellings: ['Bps', 'bytes/s'], factor: 1 },
      { symbol: 'MB/s', spellings: ['MBps'], factor: K ** 2 },
      { symbol: 'GB/s', spellings: ['GBps'], factor: K ** 3 },
      { symbol: 'TB/s', spellings: ['TBps'], factor: K ** 4 },
      { symbol: 'GiB/s', spellings: [], factor: Ki ** 3 },
      { symbol: 'TiB/s', spellings: [], factor: Ki ** 4 },
      // bits: network links are sold in bits per second (400 Gb/s InfiniBand NDR = 50 GB/s)
      { symbol: 'Mb/s', spellings: ['Mbps', 'Mbit/s'], factor: K ** 2 / 8 },
      { symbol: 'Gb/s', spellings: ['Gbps', 'Gbit/s'], factor: K ** 3 / 8 },
      { symbol: 'Tb/s', spellings: ['Tbps', 'Tbit/s'], factor: K ** 4 / 8 },
    ],
  },
  flops: {
    base: 'FLOP/s',
    bitSensitive: false,
    units: [
      { symbol: 'FLOPS', spellings: ['FLOP/s'], factor: 1 },
      { symbol: 'GFLOPS', spellings: ['GFLOP/s'], factor: K ** 3 },
      { symbol: 'TFLOPS', spellings: ['TFLOP/s'], factor: K ** 4 },
      { symbol: 'PFLOPS', spellings: ['PFLOP/s'], factor: K ** 5 },
    ],
  },
  time: {
    base: 's',
    bitSensitive: false,
    units: [
      { symbol: 'ns', spellings: [], factor: 1e-9 },
      { symbol: 'us', spellings: ['µs', 'μs'], factor: 1e-6 },
      { symbol: 'ms', spellings: [], factor: 1e-3 },
      { symbol: 's', spellings: ['sec'], factor: 1 },
      { symbol: 'min', spellings: [], factor: 60 },
    ],
  },
  tokenRate: {
    base: 'tokens/s',
    bitSensitive: false,
    units: [
      { symbol: 'tokens/s', spellings: ['tok/s', 'tokens/sec'], factor: 1 },
      { symbol: 'tokens/ms', spellings: ['tok/ms'], factor: 1e3 },
      { symbol: 'tokens/min', spellings: ['tok/min'], factor: 1 / 60 },
    ],
  },
  requestRate: {
    base: 'requests/s',
    bitSensitive: false,
    units: [
      { symbol: '/s', spellings: ['requests/s', 'req/s', 'qps', 'rps', 'requests/sec'], factor: 1 },
      { symbol: '/min', spellings: ['requests/min', 'req/min', 'rpm'], factor: 1 / 60 },
      { symbol: '/h', spellings: ['requests/h', 'req/h'], factor: 1 / 3600 },
    ],
  },
  power: {
    base: 'W',
    bitSensitive: false,
    units: [
      { symbol: 'W', spellings: ['watts', 'watt'], factor: 1 },
      { symbol: 'kW', spellings: ['kilowatts'], factor: 1e3 },
    ],
  },
  count: {
    base: '',
    bitSensitive: false,
    units: [
      { symbol: 'K', spellings: [], factor: 1e3 },
      { symbol: 'M', spellings: [], factor: 1e6 },
      { symbol: 'B', spellings: [], factor: 1e9 },
      { symbol: 'T', spellings: [], factor: 1e12 },
    ],
  },
};

function sameChar(a: string, b: string, bitSensitive: boolean): boolean {
  if (bitSensitive && (a === 'b' || a === 'B' || b === 'b' || b === 'B')) return a === b;
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * A bit rate's symbol (Gb/s): its prefix keeps its case. 'gb/s' would be gigabits by the b, yet
 * '3.35 tb/s' is a lazily typed HBM bandwidth in bytes, read 8x too slow: such a spelling is refused
 * as ambiguous (parseQuantity). The 'bps' and 'bit/s' spellings say bits whatever their case.
 */
const BIT_RATE_SYMBOL = /^[KMGT]b\//;

function sameUnit(written: string, spelling: string, bitSensitive: boolean): boolean {
  const a = [...written];
  const b = [...spelling];
  if (bitSensitive && BIT_RATE_SYMBOL.test(spelling) && a[0] !== b[0]) return false;
  return a.length === b.length && a.every((ch, i) => sameChar(ch, b[i] as string, bitSensitive));
}

/** The unit that `written` spells in dimension `dim`, if any. */
export function findUnit(dim: Dimension, written: string): UnitDef | undefined {
  const def = DIMENSIONS[dim];
  const exact = def.units.find((u) => u.symbol === written || u.spellings.includes(written));
  if (exact) return exact;
  return def.units.find((u) => [u.symbol, ...u.spellings].some((s) => sameUnit(written, s, def.bitSensitive)));
}

/** "B, KB, MB, ..." for messages. */
export function acceptedUnits(dim: Dimension): string {
  // a bare '/s' reads oddly alone: its usual spellings (req/s, qps, rps) are said beside it
  return DIMENSIONS[dim].units
    .map((u) => (u.symbol.startsWith('/') && u.spellings.length > 1 ? `${u.symbol} (${u.spellings.slice(1, 4).join(', ')})` : u.symbol))
    .join(', ');
}

// A decimal number as YAML and JSON write one, then an optional unit.
const NUMBER = '[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?';
const QUANTITY_RE = new RegExp(`^\\s*(${NUMBER})\\s*(.*?)\\s*$`, 's');

export type QuantityParse =
  | { ok: true; value: number; unit: UnitDef | undefined }
  | { ok: false; reason: 'not-a-number' | 'missing-unit' | 'bad-unit' | 'bits-for-bytes' | 'ambiguous-bits'; unit?: string };

/**
 * Parses "<number> <unit>" in dimension `dim` into base units. A count takes no
 * unit or a K/M/B/T suffix; every other dimension needs a unit.
 */
export function parseQuantity(dim: Dimension, text: string): QuantityParse {
  if (text.length > 200) return { ok: false, reason: 'not-a-number' };
  const m = QUANTITY_RE.exec(text);
  if (!m) return { ok: false, reason: 'not-a-number' };
  const amount = Number(m[1]);
  const unitText = m[2] ?? '';
  if (unitText === '') {
    if (dim === 'count') return { ok: true, value: amount, unit: undefined };
    return { ok: false, reason: 'missing-unit' };
  }
  const unit = findUnit(dim, unitText);
  if (!unit) {
    // "64 Gb" for memory: bits where only bytes make sense
    const asBytes = unitText.replace(/b/g, 'B');
    if (dim === 'bytes' && asBytes !== unitText && findUnit(dim, asBytes)) {
      return { ok: false, reason: 'bits-for-bytes', unit: unitText };
    }
    // 'gb/s': bytes (GB/s) or bits (Gb/s)? (BIT_RATE_SYMBOL)
    if (dim === 'byteRate' && /^[kmgt]b\/s$/.test(unitText)) return { ok: false, reason: 'ambiguous-bits', unit: unitText };
    return { ok: false, reason: 'bad-unit', unit: unitText };
  }
  return { ok: true, value: scale(amount, unit.factor), unit };
}

/**
 * amount * factor, rounded to the nearest whole base unit when the exact result is
 * whole (1.8 * 1e12 gives 1800000000000.0002 in binary floating point).
 */
export function scale(amount: number, factor: number): number {
  const product = amount * factor;
  if (!Number.isFinite(product)) return product;
  const rounded = Math.round(product);
  if (rounded !== product && Math.abs(rounded - product) <= Math.abs(product) * 1e-12) return rounded;
  return product;
}

/** Characters of a regular expression that match `spelling` as findUnit does (the JSON Schema has no 'i' flag). */
export function unitPattern(dim: Dimension, spelling: string): string {
  const bitSensitive = DIMENSIONS[dim].bitSensitive;
  let out = '';
  const prefixKept = bitSensitive && BIT_RATE_SYMBOL.test(spelling);
  for (const [i, ch] of [...spelling].entries()) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if ((bitSensitive && lower === 'b') || lower === upper || (prefixKept && i === 0)) out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else out += `[${upper}${lower}]`;
  }
  return out;
}

/** A JSON Schema pattern for "<number> <unit>" strings of `dim`. */
export function quantityPattern(dim: Dimension): string {
  const spellings = DIMENSIONS[dim].units.flatMap((u) => [u.symbol, ...u.spellings]);
  const alternatives = spellings.map((s) => unitPattern(dim, s)).join('|');
  const unit = dim === 'count' ? `(?:${alternatives})?` : `(?:${alternatives})`;
  return `^\\s*${NUMBER}\\s*${unit}\\s*$`;
}
