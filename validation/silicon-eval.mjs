// Verifies the converted rows of the measured-runs sample and sums up how the estimates and bounds
// did: real runs rejected, measurements below a floor, median errors, the share within 25% by
// engine x GPU x concurrency band. Used by `npm run validate` and by the calibration search.
import { aggregatedRowToPlan, disaggregatedRowToPlan, readSiliconCsv } from './silicon.mjs';

/**
 * The internal split of the calibration half, fixed before any fit: every load point of one layout
 * (model, system, engine, precision, parallel sizes) falls on the same side, as in the public
 * split; one layout in three is held out from fitting.
 */
export function internalSplit(row) {
  const parts = [
    row.model_path,
    row.system,
    row.backend,
    row.precision,
    row.mode,
    row.tp_size,
    row.pp_size,
    row.attention_dp_size,
    row.moe_tp_size,
    row.moe_ep_size,
  ];
  // A disaggregated layout is its two pools (their aggregated columns are empty).
  if (row.mode === 'disagg') {
    for (const pool of ['prefill', 'decode'])
      for (const k of ['num_workers', 'tp_size', 'pp_size', 'attention_dp_size', 'moe_tp_size', 'moe_ep_size']) parts.push(row[`${pool}_${k}`]);
  }
  const key = parts.join('|');
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h % 3 === 0 ? 'holdout' : 'fit';
}

/** Every aggregated row of the CSV, converted (or the reason it was skipped). */
export function convertSilicon(csvPath, presets) {
  const rows = readSiliconCsv(csvPath).filter((r) => r.mode === 'agg');
  const skipped = {};
  const reread = {};
  const items = [];
  for (const row of rows) {
    const c = aggregatedRowToPlan(row, presets);
    if (c.skip) {
      skipped[c.skip] = (skipped[c.skip] ?? 0) + 1;
      continue;
    }
    if (c.reread) reread[c.reread] = (reread[c.reread] ?? 0) + 1;
    items.push({ row, ...c, split: internalSplit(row), text: JSON.stringify(c.plan) });
  }
  return { total: rows.length, items, skipped, reread };
}

/** Every disaggregated row of the CSV, converted (or the reason it was skipped). */
export function convertSiliconDisagg(csvPath, presets) {
  const rows = readSiliconCsv(csvPath).filter((r) => r.mode === 'disagg');
  const skipped = {};
  const items = [];
  for (const row of rows) {
    const c = disaggregatedRowToPlan(row, presets);
    if (c.skip) {
      skipped[c.skip] = (skipped[c.skip] ?? 0) + 1;
      continue;
    }
    items.push({ row, ...c, split: internalSplit(row), text: JSON.stringify(c.plan) });
  }
  return { total: rows.length, items, skipped };
}

const noReferences = () => ({ error: 'plans converted from the CSV reference no files' });

/**
 * Verifies each item; returns one result per item with ratios and soundness findings. A row whose TP
 * size does not divide the model's attention heads is partial (the data's README says to skip
 * those): it comes back with `partial` set and no findings.
 */
export function verifySilicon(core, items) {
  return items.map((it) => {
    const report = core.verifyPlanText(`${it.row.id}.plan.json`, it.text, noReferences);
    if (report.checks.some((ch) => /^((prefill|decode)\.)?layout\.heads_divisible$/.test(ch.id) && ch.status === 'fail')) {
      return {
        item: it,
        report,
        partial: 'partial layout (TP size does not divide the attention heads)',
        rejected: [],
        below: [],
        ttftRatio: null,
        tpotRatio: null,
        noFloor: [],
      };
    }
    const m = report.metrics;
    const rejected =
      report.verdict === 'error'
        ? report.errors.map((e) => `error: ${e.message}`)
        : report.checks.filter((ch) => ch.status === 'fail' && /^((prefill|decode)\.)?(layout|memory)\./.test(ch.id)).map((ch) => `${ch.id}: ${ch.detail}`);
    const below = [];
    if (m?.ttft_lower_bound_ms != null && it.measured.ttft_ms < m.ttft_lower_bound_ms * (1 - 1e-9))
      below.push(`ttft ${it.measured.ttft_ms.toFixed(1)} < floor ${m.ttft_lower_bound_ms}`);
    if (m?.tpot_lower_bound_ms != null && it.measured.tpot_ms < m.tpot_lower_bound_ms * (1 - 1e-9))
      below.push(`tpot ${it.measured.tpot_ms.toFixed(2)} < floor ${m.tpot_lower_bound_ms}`);
    return {
      item: it,
      report,
      partial: null,
      rejected,
      below,
      ttftRatio: m?.ttft_ms ? m.ttft_ms / it.measured.ttft_ms : null,
      tpotRatio: m?.tpot_ms ? m.tpot_ms / it.measured.tpot_ms : null,
      noFloor: m ? [m.ttft_lower_bound_ms == null ? 'ttft' : null, m.tpot_lower_bound_ms == null ? 'tpot' : null].filter(Boolean) : ['ttft', 'tpot'],
    };
  });
}

export function median(xs) {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const within = (r, tol = 0.25) => r !== null && Math.abs(r - 1) <= tol;

/** Median errors and shares within 25% of a set of results. */
export function summarize(results) {
  const t = results.filter((r) => r.ttftRatio !== null);
  const p = results.filter((r) => r.tpotRatio !== null);
  const both = results.filter((r) => r.ttftRatio !== null && r.tpotRatio !== null);
  return {
    n: results.length,
    ttftMedianError: median(t.map((r) => Math.abs(r.ttftRatio - 1))),
    ttftMedianRatio: median(t.map((r) => r.ttftRatio)),
    tpotMedianError: median(p.map((r) => Math.abs(r.tpotRatio - 1))),
    tpotMedianRatio: median(p.map((r) => r.tpotRatio)),
    ttftWithin: t.length ? t.filter((r) => within(r.ttftRatio)).length / t.length : null,
    tpotWithin: p.length ? p.filter((r) => within(r.tpotRatio)).length / p.length : null,
    bothWithin: both.length ? both.filter((r) => within(r.ttftRatio) && within(r.tpotRatio)).length / both.length : null,
  };
}

/** Results grouped by a key function, in key order. */
export function groupBy(results, key) {
  const groups = new Map();
  for (const r of results) {
    const k = key(r);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(r);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Robust calibration objective: mean of the capped absolute log errors of TTFT and TPOT. */
export function objective(results) {
  const cap = Math.log(2);
  let sum = 0;
  let n = 0;
  for (const r of results) {
    for (const x of [r.ttftRatio, r.tpotRatio]) {
      if (x === null) continue;
      sum += Math.min(cap, Math.abs(Math.log(x)));
      n++;
    }
  }
  return n ? sum / n : Infinity;
}

/** Share of runs measured inside their own range of `key` (ttft_ms or tpot_ms), and the median width (high/low) of those ranges. */
export function rangeCoverage(results, key) {
  const withRange = results.filter((r) => !r.partial && r.report.ranges?.[key]);
  const inside = withRange.filter((r) => {
    const [lo, hi] = r.report.ranges[key];
    const m = r.item.measured[key];
    return m >= lo * (1 - 1e-9) && m <= hi * (1 + 1e-9);
  });
  const widths = withRange.map((r) => r.report.ranges[key][1] / r.report.ranges[key][0]);
  return { n: withRange.length, coverage: withRange.length ? inside.length / withRange.length : null, width: median(widths) };
}

/**
 * How well the measurements agree with themselves: rows that convert to the identical plan but were
 * measured more than once with different results (rows with the same TTFT and TPOT to 0.1% are one
 * measurement exported twice). A perfect estimator of the plan alone would give each plan's true
 * mean; a row's distance from it is estimated from the plan's own measurements: ln(row / their
 * geometric mean), scaled by sqrt(n / (n - 1)) (the deviation from a mean of n is that much narrower
 * than from the true one). The shares within 25% and the 80% range width of those ratios are what
 * measurement noise alone leaves to such an estimator. With `sameEngineVersion`, rows count as
 * repeats only when the engine version matches too.
 */
export function repeatability(results, { sameEngineVersion = false } = {}) {
  const groups = new Map();
  for (const r of results) {
    // The plan less its name (the row id): what an estimator sees.
    const { name: _name, ...plan } = r.item.plan;
    const key = JSON.stringify(sameEngineVersion ? [plan, r.item.row.backend_version] : plan);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  const same = (a, b) => Math.abs(a.ttft_ms - b.ttft_ms) <= 1e-3 * b.ttft_ms && Math.abs(a.tpot_ms - b.tpot_ms) <= 1e-3 * b.tpot_ms;
  const compared = [];
  let plans = 0;
  for (const rs of groups.values()) {
    const distinct = [];
    for (const r of rs) if (!distinct.some((d) => same(d.item.measured, r.item.measured))) distinct.push(r);
    const n = distinct.length;
    if (n < 2) continue;
    plans++;
    const logMean = (key) => distinct.reduce((sum, r) => sum + Math.log(r.item.measured[key]), 0) / n;
    const spread = Math.sqrt(n / (n - 1));
    const ttftMean = logMean('ttft_ms');
    const tpotMean = logMean('tpot_ms');
    for (const r of distinct) {
      // estimate / measured for an estimator that gives the plan's true mean
      compared.push({
        result: r,
        ttftRatio: Math.exp(-(Math.log(r.item.measured.ttft_ms) - ttftMean) * spread),
        tpotRatio: Math.exp(-(Math.log(r.item.measured.tpot_ms) - tpotMean) * spread),
      });
    }
  }
  const inside = (x) => Math.abs(x - 1) <= 0.25;
  const share = (f) => (compared.length ? compared.filter(f).length / compared.length : null);
  // The width (high/low) of the narrowest range centred on the true mean that holds 80% of the rows.
  const width80 = (key) => {
    const logs = compared.map((c) => Math.abs(Math.log(c[key]))).sort((a, b) => a - b);
    return logs.length ? Math.exp(2 * logs[Math.min(logs.length - 1, Math.ceil(0.8 * logs.length) - 1)]) : null;
  };
  return {
    plans,
    rows: compared.length,
    ttftWithin: share((c) => inside(c.ttftRatio)),
    tpotWithin: share((c) => inside(c.tpotRatio)),
    bothWithin: share((c) => inside(c.ttftRatio) && inside(c.tpotRatio)),
    ttftWidth80: width80('ttftRatio'),
    tpotWidth80: width80('tpotRatio'),
    // The estimator on the same rows, for comparison.
    estimator: summarize(compared.map((c) => c.result)),
  };
}
