// The order plans are reported in: worst first, so the first screen of the comment shows what
// fails and why, then by file. The alternatives step follows it too (its first plans get a search).
import type { PlanReport, Verdict } from '../core/index.js';

const SEVERITY: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2, error: 3 };

export function reportOrder(a: PlanReport, b: PlanReport): number {
  return SEVERITY[b.verdict] - SEVERITY[a.verdict] || a.file.localeCompare(b.file);
}
