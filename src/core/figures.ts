// Rounding and wording of figures in checks and metrics (SI units in, report units out).
import { GIB } from './defaults.js';

export const round = (v: number | null, digits = 3): number | null => {
  if (v === null || !Number.isFinite(v)) return null;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};
export const gib = (bytes: number | null): number | null => (bytes === null ? null : round(bytes / GIB, 3));
export const fmtGiB = (bytes: number): string => `${(bytes / GIB).toFixed(2)} GiB`;
export const fmtMs = (s: number): string => (s >= 10 ? `${s.toFixed(2)} s` : `${(s * 1000).toPrecision(4)} ms`);
export const fmtRate = (t: number): string => (t >= 1e4 ? `${(t / 1000).toFixed(1)} tokens/ms` : `${t.toPrecision(4)} tokens/s`);
