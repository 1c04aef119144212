// Number formatting for reports: each unit at a precision a reader can compare at a glance.
// Null is "not computable", never 0 (contract: a figure that cannot be computed is null).

export const NOT_COMPUTABLE = 'not computable';
/** U+2212, the typographic minus: a hyphen reads as a dash in prose. */
export const MINUS = '\u2212';

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
  const digits = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rounded < 0 ? `${MINUS}${digits}` : digits;
}

/** A plain number with up to `maxDecimals`, trailing zeros dropped (0.90 -> 0.9). */
export function formatNumber(n: number, maxDecimals = 2): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 1000) return formatCount(n);
  const text = n.toFixed(maxDecimals).replace(/\.?0+$/, '');
  return text.startsWith('-') ? `${MINUS}${text.slice(1)}` : text;
}

/** GiB with 2 decimals under 10 GiB, 1 decimal above (18.9 GiB, 4.66 GiB). */
export function formatGiB(gib: number): string {
  const abs = Math.abs(gib);
  const text = abs < 10 ? abs.toFixed(2) : abs.toFixed(1);
  return `${gib < 0 ? MINUS : ''}${abs >= 1000 ? formatCount(abs) : text} GiB`;
}

/** Milliseconds below one second (41.2 ms), seconds above (1.23 s), minutes past ten minutes. */
export function formatMs(ms: number): string {
  const abs = Math.abs(ms);
  const sign = ms < 0 ? MINUS : '';
  if (abs < 1000) return `${sign}${abs.toFixed(decimalsFor(abs))} ms`;
  const s = abs / 1000;
  if (s < 600) return `${sign}${s.toFixed(decimalsFor(s))} s`;
  const min = s / 60;
  return `${sign}${min >= 1000 ? formatCount(min) : min.toFixed(decimalsFor(min))} min`;
}

/** Token rates with k/M suffixes at 3 significant digits (850 tokens/s, 12.3k tokens/s, 1.23M tokens/s). */
export function formatTokensPerS(rate: number): string {
  const abs = Math.abs(rate);
  const sign = rate < 0 ? MINUS : '';
  if (abs < 1000) return `${sign}${abs.toFixed(abs < 10 ? 2 : abs < 100 ? 1 : 0)} tokens/s`;
  if (abs < 1e6) {
    const k = abs / 1000;
    return `${sign}${k.toFixed(decimalsFor(k))}k tokens/s`;
  }
  const m = abs / 1e6;
  return `${sign}${m >= 1000 ? formatCount(m) : m.toFixed(decimalsFor(m))}M tokens/s`;
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
  'tokens/j': (t) => `${formatNumber(t, t < 1 ? 3 : 2)} tokens/J`,
  'requests/s': (r) => `${formatNumber(r, r < 10 ? 2 : 1)} requests/s`,
};

/** Any check figure in its unit; unknown units get a plain number followed by the unit. */
export function formatQuantity(value: number | null | undefined, unit?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_COMPUTABLE;
  const formatter = unit ? FORMATTERS[unit.toLowerCase()] : undefined;
  if (formatter) return formatter(value);
  const number = Number.isInteger(value) ? formatCount(value) : formatNumber(value);
  return unit ? `${number} ${unit}` : number;
}
