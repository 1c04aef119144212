// What each figure of a check means, so every table column means one thing: the core stores a
// requirement as (value = required, limit = estimate or bound) but memory.fits as (value =
// estimate, limit = usable), and layout rules as pairs of counts that are no estimate at all.
import type { Check } from '../core/types.js';
import { formatQuantity } from './format.js';

export type CheckRole =
  /** a requirement of the plan: ours = limit, target = value */
  | 'requirement'
  /** a claim of the plan's author: ours = limit, target = value */
  | 'claim'
  /** a need against a capacity or threshold: ours = value, target = limit */
  | 'capacity'
  /** a rule in words (layout, consistency, imports): no estimate to show */
  | 'rule';

/** Checks whose value/limit pair is not an estimate against a target (their detail says it all). */
const RULE_CHECKS = new Set(['claims.compute_utilization', 'model.params']);

export function checkRole(check: Check): CheckRole {
  if (RULE_CHECKS.has(check.id) || (check.id.startsWith('layout.') && !/balance$/.test(check.id))) return 'rule';
  if (check.id.startsWith('requirements.')) return 'requirement';
  if (check.id.startsWith('claims.')) return 'claim';
  if (check.id === 'memory.fits' || /balance$/.test(check.id) || check.id === 'memory.kv_capacity') return check.value === undefined ? 'rule' : 'capacity';
  return 'rule';
}

/**
 * Which way is better for the figure a check is about. Memory claims count as lower-is-better:
 * claiming less memory than a plan needs is the optimistic side; a KV cache per GPU is the engine's
 * pool, a capacity, where more is better (core/kv-claim.ts). For a capacity check this is the
 * side of its limit: memory and the layout balances are held under theirs (≤), the prefill/decode
 * balance over its (≥: each pool busy at least 70% of the time).
 */
export function checkDirection(check: Check): 'higher-is-better' | 'lower-is-better' {
  if (check.id === 'disaggregation.balance') return 'higher-is-better';
  const what = check.id.split('.').slice(1).join('.');
  return /throughput|request_rate|kv_cache_capacity_tokens|kv_cache_per_gpu|tokens_per_joule/.test(what) ? 'higher-is-better' : 'lower-is-better';
}

const SUBJECTS: Record<string, string> = {
  throughput: 'throughput',
  ttft: 'TTFT',
  tpot: 'TPOT',
  memory_per_gpu: 'memory per GPU',
  weights_per_gpu: 'weights per GPU',
  kv_cache_per_gpu: 'KV cache per GPU',
  max_memory_utilization: 'memory utilization',
  memory_utilization: 'memory utilization',
  kv_cache_capacity_tokens: 'KV-cache capacity',
  cost_per_million_tokens: 'cost per million tokens',
  request_rate: 'request rate',
};

/** The figure a requirement or claim is about, in words: "TPOT", "TTFT p99", "cost per million tokens". */
export function checkSubject(check: Check): string {
  const what = check.id.split('.').slice(1).join('.');
  const known = SUBJECTS[what];
  if (known) return known;
  const percentile = /^(ttft|tpot|e2e)_(p\d+)$/.exec(what);
  if (percentile) return `${percentile[1] === 'e2e' ? 'end-to-end' : percentile[1]!.toUpperCase()} ${percentile[2]}`;
  return check.title;
}

export interface CheckFigures {
  /** our figure: the estimate, or the physical bound where no estimate exists (basis says which) */
  ours: number | null;
  oursBasis: 'estimate' | 'bound' | null;
  /** what it is held against: the requirement, the claim, the usable capacity, the threshold */
  target: number | null;
  /** headroom of ours against the target, as a fraction of the target; negative: not met */
  margin: number | null;
}

/** The check's figures by meaning; null for a rule. */
export function checkFigures(check: Check): CheckFigures | null {
  const role = checkRole(check);
  if (role === 'rule') return null;
  const num = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const value = num(check.value);
  const limit = num(check.limit);
  const higher = checkDirection(check) === 'higher-is-better';
  if (role === 'capacity') {
    const ours = value;
    const basis = check.status === 'unverified' ? 'bound' : 'estimate';
    // held under its limit (memory, layout balance) or over it (the prefill/decode balance)
    const margin = ours !== null && limit !== null && limit > 0 ? (higher ? ours - limit : limit - ours) / limit : null;
    return { ours, oursBasis: ours === null ? null : basis, target: limit, margin: basis === 'estimate' || check.status === 'fail' ? margin : null };
  }
  // requirement or claim: the core's limit is our figure
  const basis = check.basis ?? (check.status === 'unverified' ? 'bound' : 'estimate');
  const ours = limit;
  let margin: number | null = null;
  if (ours !== null && value !== null && value > 0) {
    margin = higher ? (ours - value) / value : (value - ours) / value;
  }
  // a bound says little about the margin unless it rules the target out
  const shown = basis === 'estimate' || check.status === 'fail' ? margin : null;
  return { ours, oursBasis: ours === null ? null : basis, target: value, margin: shown };
}

/** "≤ 184k tokens/s (ceiling)", "≥ 5.47 ms (floor)", "19.4 ms", "not computable". */
export function oursText(check: Check, f: CheckFigures): string {
  if (f.ours === null) return 'not computable';
  const text = formatQuantity(f.ours, check.unit);
  if (f.oursBasis !== 'bound') return text;
  const role = checkRole(check);
  // a capacity check's bound is the floor of what is needed; a rate's bound is its ceiling
  const ceiling = role !== 'capacity' && checkDirection(check) === 'higher-is-better';
  return ceiling ? `≤ ${text} (ceiling)` : `≥ ${text} (floor)`;
}

/** "≥ 100k tokens/s required", "850k tokens/s claimed", "≤ 53.6 GiB usable", "≥ 70%" (a lower limit). */
export function targetText(check: Check, f: CheckFigures): string {
  if (f.target === null) return '';
  const text = formatQuantity(f.target, check.unit);
  const role = checkRole(check);
  if (role === 'claim') return `${text} claimed`;
  if (role === 'capacity') return check.id === 'memory.fits' ? `≤ ${text} usable` : `${checkDirection(check) === 'higher-is-better' ? '≥' : '≤'} ${text}`;
  return `${checkDirection(check) === 'higher-is-better' ? '≥' : '≤'} ${text} required`;
}

/** "35% headroom", "77% short", "36× beyond" (a claim beyond our figure), '' when not meaningful. */
export function marginText(check: Check, f: CheckFigures): string {
  if (f.margin === null) return '';
  const role = checkRole(check);
  // memory.fits judges one request of the longest length, not the device's free memory (the engine
  // fills its KV pool whatever the load): its headroom says whose it is
  const whose = check.id.endsWith('memory.fits') ? ' for one longest request' : '';
  if (f.margin >= 0) return `${percent(f.margin)} headroom${whose}`;
  // how many times off: the target over ours (or the reverse), whichever exceeds 1
  const factor = f.ours !== null && f.target !== null && f.ours > 0 && f.target > 0 ? Math.max(f.ours / f.target, f.target / f.ours) : null;
  const word = role === 'claim' ? 'beyond' : 'short';
  if (factor !== null && factor >= 2) return `${factor >= 10 ? factor.toFixed(0) : factor.toFixed(1)}× ${word}`;
  return `${percent(-f.margin)} ${word}`;
}

function percent(fraction: number): string {
  const pct = fraction * 100;
  return `${pct >= 10 ? pct.toFixed(0) : pct.toFixed(1)}%`;
}
