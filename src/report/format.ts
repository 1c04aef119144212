// Number formatting for reports: each unit at a precision a reader can compare at a glance. The core's
// check details use the same formatters, so a figure reads the same in a sentence and in a table.
// Null is "not computable", never 0 (contract: a figure that cannot be computed is null).

export const NOT_COMPUTABLE = 'not computable';
/** U+2212, the typographic minus: a hyphen reads as a dash in prose. */
export const MINUS = '\u2212';

/** Most digits after the point shown; a smaller figure is written in e-notation (toFixed itself throws past 100). */
const MAX_FIXED_DECIMALS = 20;

/** Digits after the point so that small figures keep 3 significant digits, large ones stay short. */
function decimalsFor(magnitude: number): number {
  if (magnitude < 10) return 2;
  if (magnitude < 100) return 1;
  return 0;
}

/** Thousands separators without locale dependence: 1234567 -> "1,234,567". */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Math.round(n);
  // from 1e21 up String() writes e-notation, whose digits take no separators: 3 significant digits (4.05e+297)
  const abs = Math.abs(rounded);
  const digits = abs >= 1e21 ? abs.toPrecision(3) : String(abs).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rounded < 0 ? `${MINUS}${digits}` : digits;
}

/** A plain number with up to `maxDecimals`, trailing zeros dropped (0.90 -> 0.9). */
export function formatNumber(n: number, maxDecimals = 2): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 1000) return formatCount(n);
  const text = n.toFixed(maxDecimals).replace(/\.?0+$/, '');
  return text.startsWith('-') ? `${MINUS}${text.slice(1)}` : text;
}

/**
 * Below 1, at least `digits` significant digits (a light load's 0.000459 tokens/J, never "0" for a
 * figure that is not); from 1 up, formatNumber's `decimals`.
 */
export function formatSmall(n: number, digits: number, decimals: number): string {
  const abs = Math.abs(n);
  if (!(abs < 1) || abs === 0) return formatNumber(n, decimals);
  const needed = digits - 1 - Math.floor(Math.log10(abs));
  // past what toFixed can show (a hostile plan's 1e-300): e-notation at the same significant digits
  if (needed > MAX_FIXED_DECIMALS) return `${n < 0 ? MINUS : ''}${abs.toPrecision(digits)}`;
  return formatNumber(n, Math.max(decimals, needed));
}

/** GiB with 2 decimals under 10 GiB, 1 decimal above (18.9 GiB, 4.66 GiB). */
export function formatGiB(gib: number): string {
  const abs = Math.abs(gib);
  // too small for two decimals: 3 significant digits, never "0.00 GiB" for a figure that is not 0
  const text = abs > 0 && abs < 0.005 ? abs.toPrecision(3) : abs < 10 ? abs.toFixed(2) : abs.toFixed(1);
  return `${gib < 0 ? MINUS : ''}${abs >= 1000 ? formatCount(abs) : text} GiB`;
}

/**
 * One step of a unit's ladder: a figure is shown in the first step where its magnitude, rounded as
 * shown, stays below `below` ("999.7 ms" would read "1000 ms": it is "1.00 s").
 */
interface Step {
  /** base units (of the ladder) per one of this step */
  factor: number;
  /** written right after the number ("k" of 12.3k tokens/s) */
  mark: string;
  /** the unit, after a space */
  unit: string;
  below: number;
}

/** Times in ms: ms below one second, s below 100 s, min below 100 min, then h. */
const TIME_STEPS: readonly Step[] = [
  { factor: 1, mark: '', unit: 'ms', below: 1000 },
  { factor: 1e3, mark: '', unit: 's', below: 100 },
  { factor: 6e4, mark: '', unit: 'min', below: 100 },
  { factor: 3.6e6, mark: '', unit: 'h', below: Infinity },
];
/** Token rates in tokens/s, with k and M. */
const RATE_STEPS: readonly Step[] = [
  { factor: 1, mark: '', unit: 'tokens/s', below: 1000 },
  { factor: 1e3, mark: 'k', unit: 'tokens/s', below: 1000 },
  { factor: 1e6, mark: 'M', unit: 'tokens/s', below: Infinity },
];

/** Units shown on a ladder, with the factor from the unit to the ladder's base (s -> ms: 1000). */
const LADDERS: Record<string, { steps: readonly Step[]; toBase: number }> = {
  ms: { steps: TIME_STEPS, toBase: 1 },
  s: { steps: TIME_STEPS, toBase: 1e3 },
  'tokens/s': { steps: RATE_STEPS, toBase: 1 },
  'tokens/ms': { steps: RATE_STEPS, toBase: 1e3 },
};

/** A magnitude in a step at 3 significant digits (2 decimals under 10, 1 under 100), thousands separated. */
function stepNumber(abs: number): string {
  const text = abs.toFixed(decimalsFor(abs));
  // a figure too small for 2 decimals (a required TTFT of 1e-300 s) must not read as 0
  if (abs > 0 && Number(text) === 0) return abs.toPrecision(3);
  return abs >= 1000 ? formatCount(abs) : text;
}

/** The step a magnitude (in base units) is shown in. */
function stepFor(base: number, steps: readonly Step[]): Step {
  const abs = Math.abs(base);
  return steps.find((s) => Number(stepNumber(abs / s.factor).replace(/,/g, '')) < s.below) ?? steps[steps.length - 1]!;
}

function onLadder(value: number, steps: readonly Step[]): string {
  const step = stepFor(value, steps);
  return `${value < 0 ? MINUS : ''}${stepNumber(Math.abs(value) / step.factor)}${step.mark} ${step.unit}`;
}

/** Milliseconds below one second (41.2 ms), seconds below 100 s (1.23 s), minutes below 100 min (84.2 min), then hours. */
export function formatMs(ms: number): string {
  return onLadder(ms, TIME_STEPS);
}

/** Token rates with k/M suffixes at 3 significant digits (850 tokens/s, 12.3k tokens/s, 1.23M tokens/s). */
export function formatTokensPerS(rate: number): string {
  return onLadder(rate, RATE_STEPS);
}

/** A fraction as a percentage (0.9 -> 90%, 0.123 -> 12.3%). */
export function formatPercent(fraction: number): string {
  const pct = Math.abs(fraction * 100);
  const text = pct >= 10 ? pct.toFixed(pct >= 100 ? 0 : 1) : pct.toFixed(2);
  // trailing zeros after a decimal point only: 100% stays 100%, 12.50% becomes 12.5%
  return `${fraction < 0 ? MINUS : ''}${text.includes('.') ? text.replace(/\.?0+$/, '') : text}%`;
}

/** US dollars: $1,234, $3.50, $0.29, $0.0042 (two significant digits below a dollar). */
export function formatUsd(usd: number): string {
  const abs = Math.abs(usd);
  const sign = usd < 0 ? MINUS : '';
  if (abs >= 1000) return `${sign}$${formatCount(abs)}`;
  if (abs >= 1 || abs === 0) return `${sign}$${abs.toFixed(2)}`;
  return `${sign}$${abs.toPrecision(2)}`;
}

type Formatter = (n: number) => string;

const FORMATTERS: Record<string, Formatter> = {
  gib: formatGiB,
  ms: formatMs,
  s: (s) => formatMs(s * 1000),
  'tokens/s': formatTokensPerS,
  'tokens/ms': (r) => formatTokensPerS(r * 1000),
  fraction: formatPercent,
  ratio: formatPercent,
  '%': (p) => formatPercent(p / 100),
  bytes: (b) => formatGiB(b / 2 ** 30),
  usd: formatUsd,
  'tokens/j': (t) => `${formatSmall(t, 3, 2)} tokens/J`,
  'requests/s': (r) => `${formatSmall(r, 2, r < 10 ? 2 : 1)} requests/s`,
};

/** Any check figure in its unit; unknown units get a plain number followed by the unit. */
export function formatQuantity(value: number | null | undefined, unit?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_COMPUTABLE;
  const formatter = unit ? FORMATTERS[unit.toLowerCase()] : undefined;
  if (formatter) return formatter(value);
  const number = Number.isInteger(value) ? formatCount(value) : formatNumber(value);
  return unit ? `${number} ${unit}` : number;
}

/** The two ends of a range as shown beside its figure: their numbers ("7.59k", "19.9k") and the unit said once (" tokens/s"). */
export interface RangeEnds {
  low: string;
  high: string;
  /** what follows the high end when the unit is said: " tokens/s", " ms", "" (a "$" or "%" stays on each end) */
  unit: string;
}

/**
 * The ends of a figure's range in the figure's own unit and scale (the figure 621 ms, its range 40.6 to
 * 22,700 ms: never "40.6 ms to 22.6 s"), at 3 significant digits, rounded outward so the range shown
 * holds the range computed (to a tenth of the last digit shown). `short` (tables): the decimals of a number of two digits or more dropped,
 * 25.26-56.87 -> 25-57. Without a figure, the ends take the scale of the low end.
 */
export function formatRangeEnds(range: readonly [number, number], unit: string | undefined, figure?: number | null, short = false): RangeEnds {
  const ladder = unit ? LADDERS[unit.toLowerCase()] : undefined;
  if (ladder) {
    const reference = figure !== null && figure !== undefined && Number.isFinite(figure) && figure !== 0 ? figure : range[0] !== 0 ? range[0] : range[1];
    const step = stepFor(reference * ladder.toBase, ladder.steps);
    const end = (v: number, direction: 'down' | 'up'): string =>
      `${v < 0 ? MINUS : ''}${endNumber(Math.abs((v * ladder.toBase) / step.factor), v < 0 ? flip(direction) : direction, short)}${step.mark}`;
    return { low: end(range[0], 'down'), high: end(range[1], 'up'), unit: ` ${step.unit}` };
  }
  // one scale only (GiB, %, $, tokens/J): each end as the figure would be, rounded outward
  const [low, high] = [outward(range[0], unit, 'down', short), outward(range[1], unit, 'up', short)];
  const split = (t: string): [string, string] => {
    const space = t.indexOf(' ');
    return space < 0 ? [t, ''] : [t.slice(0, space), t.slice(space)];
  };
  const [lowNumber, lowUnit] = split(low);
  const [highNumber, highUnit] = split(high);
  return lowUnit === highUnit ? { low: lowNumber, high: highNumber, unit: highUnit } : { low, high, unit: '' };
}

const flip = (direction: 'down' | 'up'): 'down' | 'up' => (direction === 'down' ? 'up' : 'down');
/**
 * x in units of the last digit shown, to the nearest tenth of one before it is rounded outward: an end
 * of 45.004 ms shows as 45, not 46 (nor 0.29 / 0.01 = 28.999999999999996 as 30).
 */
const nudge = (x: number): number => Math.round(x * 10) / 10;

/** A range end's magnitude rounded outward: 3 significant digits (short: none past 10), thousands separated. */
function endNumber(abs: number, direction: 'down' | 'up', short: boolean): string {
  const round = direction === 'down' ? Math.floor : Math.ceil;
  if (abs === 0) return '0';
  if (abs >= 1000) {
    const unit = 10 ** (Math.floor(Math.log10(abs)) - 2);
    return formatCount(round(nudge(abs / unit)) * unit);
  }
  const decimals = short && abs >= 10 ? 0 : abs < 1 ? 2 - Math.floor(Math.log10(abs)) : decimalsFor(abs);
  const f = 10 ** decimals;
  const v = round(nudge(abs * f)) / f;
  // toFixed takes at most 100 digits (a hostile plan's 1e-300 tokens/s): e-notation past 20, as stepNumber shows the figure
  if (decimals > MAX_FIXED_DECIMALS) return Number.isFinite(v) ? v.toPrecision(3) : abs.toPrecision(3);
  return v.toFixed(decimals);
}

/**
 * A range end through its unit's formatter, its number rounded outward at the precision shown (short:
 * decimals of a number of two digits or more dropped): 25.26 GiB -> 25.2 GiB (low end), 25.3 GiB (high).
 */
function outward(value: number, unit: string | undefined, direction: 'down' | 'up', short: boolean): string {
  const text = formatQuantity(value, unit);
  const match = /\d[\d,]*(\.\d+)?/.exec(text);
  if (!match) return text;
  const shown = Number(match[0].replace(/,/g, ''));
  if (shown === 0 || value === 0) return text;
  // the formatter's scale (fraction -> %: 100), a power of ten
  const factor = 10 ** Math.round(Math.log10(shown / Math.abs(value)));
  const decimals = short && shown >= 10 ? 0 : Math.max(0, (match[1]?.length ?? 1) - 1);
  const f = 10 ** decimals;
  const round = (value < 0 ? flip(direction) : direction) === 'down' ? Math.floor : Math.ceil;
  const v = round(nudge(Math.abs(value) * factor * f)) / f;
  return `${text.slice(0, match.index)}${v >= 1000 ? formatCount(v) : v.toFixed(decimals)}${text.slice(match.index + match[0].length)}`;
}

/** A figure with its range in one unit, for prose: "12.3k tokens/s (range 7.59k to 19.9k tokens/s)". */
export function formatWithRange(value: number, range: readonly [number, number], unit: string | undefined): string {
  const ends = formatRangeEnds(range, unit, value);
  return `${formatQuantity(value, unit)} (range ${ends.low} to ${ends.high}${ends.unit})`;
}
