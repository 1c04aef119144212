// What every renderer needs to say about verdicts and checks, in one place.
import type { Check, CheckStatus, Metrics, PlanReport, Verdict } from '../core/types.js';
import { countOf, windowedLayersWords } from '../core/figures.js';

export const VERDICT_EMOJI: Record<Verdict, string> = { pass: '✅', warn: '⚠️', fail: '❌', error: '🛑' };
export const STATUS_EMOJI: Record<CheckStatus, string> = { pass: '✅', warn: '⚠️', fail: '❌', unverified: '❔' };

/** Order in which checks are listed: what needs attention first. */
const STATUS_ORDER: Record<CheckStatus, number> = { fail: 0, warn: 1, unverified: 2, pass: 3 };
const VERDICT_ORDER: Verdict[] = ['error', 'fail', 'warn', 'pass'];

/** Worst verdict first (error, fail, warn, pass), in the given order otherwise. */
export function worstFirst(plans: readonly PlanReport[]): PlanReport[] {
  const rank = (v: Verdict) => VERDICT_ORDER.indexOf(v);
  return plans
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p.verdict) - rank(b.p.verdict) || a.i - b.i)
    .map((e) => e.p);
}

/** Checks that need attention (fail, warn, unverified) first, each group in the core's order. */
export function checksByUrgency(checks: readonly Check[]): { attention: Check[]; passing: Check[] } {
  const sorted = checks
    .map((check, index) => ({ check, index }))
    .sort((a, b) => STATUS_ORDER[a.check.status] - STATUS_ORDER[b.check.status] || a.index - b.index)
    .map((entry) => entry.check);
  return { attention: sorted.filter((c) => c.status !== 'pass'), passing: sorted.filter((c) => c.status === 'pass') };
}

/** "2 failed, 1 warning, 3 unverified, 10 passed" (zeros left out). */
export function checkCounts(checks: readonly Check[]): string {
  const count = (status: CheckStatus) => checks.filter((c) => c.status === status).length;
  const parts = [
    [count('fail'), 'failed'],
    [count('warn'), count('warn') === 1 ? 'warning' : 'warnings'],
    [count('unverified'), 'unverified'],
    [count('pass'), 'passed'],
  ] as const;
  const text = parts
    .filter(([n]) => n > 0)
    .map(([n, word]) => `${n} ${word}`)
    .join(', ');
  return text ? `checks: ${text}` : 'no checks';
}

/** "3 plans: 1 fail, 1 warn, 1 pass" (zeros left out). */
export function planCounts(plans: readonly PlanReport[]): string {
  const parts = VERDICT_ORDER.map((v) => [plans.filter((p) => p.verdict === v).length, v] as const)
    .filter(([n]) => n > 0)
    .map(([n, v]) => `${n} ${v}`);
  return `${countOf(plans.length, 'plan')}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

/** The unit of a metric, from its contract name (memory_per_gpu_gib -> GiB). */
export function metricUnit(key: string): string | undefined {
  if (key.startsWith('cost_per_million_tokens')) return 'USD';
  if (key.startsWith('tokens_per_joule')) return 'tokens/J';
  if (key.includes('request_rate')) return 'requests/s';
  if (key.endsWith('_gib')) return 'GiB';
  if (key.endsWith('_ms')) return 'ms';
  if (key.endsWith('_tokens_per_s')) return 'tokens/s';
  if (key.endsWith('_tokens')) return 'tokens';
  if (key.endsWith('_fraction') || key.endsWith('_utilization')) return 'fraction';
  return undefined;
}

/** Keys missing for a check that its detail does not already name (the core often lists them in the text). */
export function unnamedMissing(check: Check): string[] {
  return (check.missing ?? []).filter((key) => !check.detail.includes(key));
}

const METRIC_LABELS: Record<string, string> = {
  throughput_tokens_per_s: 'throughput',
  ttft_ms: 'TTFT',
  ttft_idle_ms: 'TTFT on an idle deployment',
  tpot_ms: 'TPOT',
  decode_step_ms: 'decode step',
  memory_per_gpu_gib: 'memory per GPU',
  kv_cache_capacity_tokens: 'KV-cache capacity',
  cost_per_million_tokens: 'cost per million tokens',
  tokens_per_joule: 'tokens per joule',
  max_request_rate: 'max request rate',
  e2e_p99_ms: 'end-to-end p99',
};

/** A metric in words: "TPOT", "cost per million tokens", "TTFT p99". */
export function metricLabel(key: string): string {
  const known = METRIC_LABELS[key];
  if (known) return known;
  const percentile = /^(ttft|tpot|e2e)_(p\d+)_ms$/.exec(key);
  if (percentile) return `${percentile[1] === 'e2e' ? 'end-to-end' : percentile[1]!.toUpperCase()} ${percentile[2]}`;
  return key.replace(/_(gib|ms|tokens_per_s)$/, '').replace(/_/g, ' ');
}

/** The per-device memory metrics of a disaggregated plan, all of the pool holding its most loaded device (disagg-estimates.ts). */
const HEAVIEST_POOL_METRICS: readonly string[] = ['memory_per_gpu_gib', 'weights_per_gpu_gib', 'kv_cache_per_gpu_gib', 'activations_per_gpu_gib'];

/**
 * Whose figure a metric of a disaggregated plan is, in words: "prefill pool" or "decode pool" for its
 * memory per GPU (the most loaded device of either pool), "per decode replica" for its KV-cache
 * capacity; '' for an aggregated plan and for a figure of the whole deployment. The contract fixes the
 * metrics' names, not which pool they come from: without the words, one headline put the prefill
 * pool's memory beside the decode pool's KV cache.
 */
export function metricPool(metrics: Metrics | null | undefined, key: string): string {
  if (!metrics || !Object.hasOwn(metrics, 'decode_kv_cache_capacity_tokens')) return '';
  if (key === 'kv_cache_capacity_tokens') return 'per decode replica';
  if (!HEAVIEST_POOL_METRICS.includes(key)) return '';
  const prefill = metrics.prefill_memory_per_gpu_gib;
  const decode = metrics.decode_memory_per_gpu_gib;
  if (typeof prefill !== 'number' || typeof decode !== 'number') return '';
  if (prefill > decode) return 'prefill pool';
  if (decode > prefill) return 'decode pool';
  // equal totals: the total is either pool's, its parts may be one pool's
  return key === 'memory_per_gpu_gib' ? 'both pools' : '';
}

/** " (prefill pool)" after a figure of one pool of a disaggregated plan, else ''. */
export function poolSuffix(metrics: Metrics | null | undefined, key: string): string {
  const pool = metricPool(metrics, key);
  return pool ? ` (${pool})` : '';
}

/**
 * What a KV-cache capacity counts, after its figure: " per data-parallel rank" where the plan has more
 * than one (as memory.fits and memory.kv_capacity word the same pool), and ", counted in every layer (18
 * sliding-window layers keep the last 128 tokens of a sequence)" where its tokens are the engine's count
 * over every layer, not tokens of context; else ''. Unnamed, gpt-oss-120b's "93,952 tokens" read as too
 * few for the 131,000-token request it holds.
 */
export function kvCapacityUnit(plan: Pick<PlanReport, 'details'>): string {
  const ranks = (plan.details?.data_parallel_ranks ?? 1) > 1 ? ' per data-parallel rank' : '';
  const window = kvWindowWords(plan);
  return `${ranks}${window ? `, counted in every layer (${window})` : ''}`;
}

/** What a plan's windowed layers keep of a sequence ("18 sliding-window layers keep the last 128 tokens of a sequence"); '' where none does. */
export function kvWindowWords(plan: Pick<PlanReport, 'details'>): string {
  const w = plan.details?.kv_cache_window;
  return w ? windowedLayersWords(w.windowed_layers, w.window_tokens, w.kind, w.padding_layers) : '';
}
