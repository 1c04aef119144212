// Rounding and wording of figures in checks and metrics (SI units in, report units out).
import { GIB } from './defaults.js';

/** Rounds to `digits` decimals; bounds round outward ('down' for floors, 'up' for ceilings) so a shown bound is never tighter than the true one. */
export const round = (v: number | null, digits = 3, direction: 'nearest' | 'down' | 'up' = 'nearest'): number | null => {
  if (v === null || !Number.isFinite(v)) return null;
  const f = 10 ** digits;
  const op = direction === 'down' ? Math.floor : direction === 'up' ? Math.ceil : Math.round;
  // + 0 turns -0 (a hair below zero rounded) into 0: JSON has no -0, and the report must round-trip
  return op(v * f) / f + 0;
};
/**
 * Rounds to `digits` decimals, or to more where those would leave fewer than `significant` figures: a
 * light load's rates (0.04 tokens/s, 7e-6 tokens per joule) must not read 0, which means "not computed".
 */
export const roundFine = (v: number | null, digits: number, significant: number, direction: 'nearest' | 'down' | 'up' = 'nearest'): number | null => {
  if (v === null || !Number.isFinite(v)) return null;
  const magnitude = v === 0 ? 0 : Math.floor(Math.log10(Math.abs(v)));
  const decimals = Math.max(digits, significant - 1 - magnitude);
  // 10^decimals overflows past about 300 (a figure of 5e-324): the figure to `significant` digits
  if (decimals > 290) return Number(v.toPrecision(significant));
  return round(v, decimals, direction);
};
export const gib = (bytes: number | null, direction: 'nearest' | 'down' = 'nearest'): number | null =>
  bytes === null ? null : round(bytes / GIB, 3, direction);
export const fmtGiB = (bytes: number): string => {
  const g = bytes / GIB;
  // too small for two decimals (a claimed 1e-300 GB): 3 significant digits, never "0.00 GiB"
  return `${g !== 0 && Math.abs(g) < 0.005 ? g.toPrecision(3) : g.toFixed(2)} GiB`;
};

/** A whole count of tokens with its digits grouped ("3,934,423"), as the figures beside it read. */
export const tokenCount = (n: number): string => Math.round(n).toLocaleString('en-US');

/**
 * A count with its noun, singular for one ("1 sequence", "8 sequences"): every message that counts
 * devices, sequences or steps in words goes through it, so none reads "1 sequences".
 */
export const countOf = (n: number, singular: string, plural = `${singular}s`): string => `${n} ${n === 1 ? singular : plural}`;

/**
 * What windowed layers keep of a sequence: "18 sliding-window layers keep the last 128 tokens of a
 * sequence", "12 chunked-attention layers keep at most 8192 tokens of a sequence" (the chunk it is in).
 */
export function windowedLayersWords(layers: number, window: number, kind: 'sliding' | 'chunked', padding = 0): string {
  const kept =
    kind === 'chunked'
      ? `${countOf(layers, 'chunked-attention layer')} ${layers === 1 ? 'keeps' : 'keep'} at most ${window} tokens of a sequence`
      : `${countOf(layers, 'sliding-window layer')} ${layers === 1 ? 'keeps' : 'keep'} the last ${window} tokens of a sequence`;
  // vLLM's hybrid groups pad the last group of a kind with empty layers, which its count includes
  return padding > 0 ? `${kept}; ${countOf(padding, 'padding layer')} of vLLM's KV groups counted too` : kept;
}
