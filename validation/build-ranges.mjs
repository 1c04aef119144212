// Writes src/core/ranges-table.ts: how far this estimator has been from measured TTFT and TPOT, as
// quantiles of ln(measured / estimate), by engine x GPU family x concurrency band (with coarser
// buckets to fall back on), learned on the 'fit' part of the calibration half only (the part held
// out from fitting judges the ranges' coverage in `npm run validate`). Run after any change to the
// estimator: node validation/build-ranges.mjs (after `npm run validate`, which compiles the core).
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { convertSilicon, convertSiliconDisagg, verifySilicon } from './silicon-eval.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const build = join(root, 'build', 'validate', 'src');
if (!existsSync(join(build, 'core', 'index.js'))) throw new Error('compile the core first: npm run validate');
const core = await import(pathToFileURL(join(build, 'core', 'index.js')).href);
const ranges = await import(pathToFileURL(join(build, 'core', 'ranges.js')).href);
const models = await import(pathToFileURL(join(build, 'presets', 'models.js')).href);
const hardware = await import(pathToFileURL(join(build, 'presets', 'hardware.js')).href);

const csv = resolve(root, '..', 'shared', 'data', 'silicon-calibration.csv');
const presets = { modelPresetExists: (id) => !!models.modelPreset(id), hardwarePresetExists: (id) => !!hardware.hardwarePreset(id) };
const { items } = convertSilicon(csv, presets);
const fit = verifySilicon(
  core,
  items.filter((it) => it.split === 'fit'),
).filter((r) => !r.partial);
// Disaggregated rows keep buckets of their own (disagg|...), from their own fitting part.
const disaggItems = convertSiliconDisagg(csv, presets).items;
const fitDisagg = verifySilicon(
  core,
  disaggItems.filter((it) => it.split === 'fit'),
).filter((r) => !r.partial);
const isDisagg = (r) => r.item.plan.disaggregation !== undefined;
/** A disaggregated run's TTFT regime as the core reads it from its own estimate (ranges.queueBand); undefined for aggregated runs. */
const queueOf = (r) => (isDisagg(r) ? ranges.queueBand(r.report.metrics?.ttft_ms ?? null, r.report.metrics?.ttft_idle_ms ?? null) : undefined);
/** Its TTFT's lift over the idle one, where that regime's edges lie (range-bands.ts); undefined when unknown. */
const liftOf = (r) => {
  const ttft = r.report.metrics?.ttft_ms;
  const idle = r.report.metrics?.ttft_idle_ms;
  return isDisagg(r) && ttft > 0 && idle > 0 ? ttft / idle : undefined;
};
/** How an aggregated run's requests fall, as the core reads its plan (plan-ranges.ts, rangeContext): a closed loop of equal requests without a declared run is 'steady'. */
const lengthsOf = (r) => {
  if (isDisagg(r)) return undefined;
  const wl = r.item.plan.workload;
  return wl.request_rate === undefined && wl.benchmark === undefined ? 'steady' : 'run';
};

const Q = ranges.RANGE_QUANTILES;
/** Splits inside the fitting part, by layout (`salt` picks one of several): ranges learned on one side are checked on the other. */
function sideOf(row, salt = 0) {
  const parts = [row.model_path, row.system, row.backend, row.precision, row.tp_size, row.pp_size, row.attention_dp_size, row.moe_tp_size, row.moe_ep_size];
  if (row.mode === 'disagg') {
    for (const pool of ['prefill', 'decode'])
      for (const k of ['num_workers', 'tp_size', 'pp_size', 'attention_dp_size', 'moe_tp_size', 'moe_ep_size']) parts.push(row[`${pool}_${k}`]);
  }
  const key = parts.join('#');
  let h = 5381;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 33) ^ key.charCodeAt(i)) >>> 0;
  if (salt === 0) return h % 2 === 0 ? 'a' : 'b';
  // Other splits: a bit of the mixed hash (the low bit above is only the parity of the characters).
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return (h >>> salt) & 1 ? 'a' : 'b';
}
function quantiles(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return Q.map((q) => {
    const pos = q * (s.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(s.length - 1, lo + 1);
    return Math.round((s[lo] + (s[hi] - s[lo]) * (pos - lo)) * 1e4) / 1e4;
  });
}

/** Residual quantiles by bucket, from a set of results. */
function buildTable(results) {
  const table = { ttft: {}, tpot: {} };
  for (const metric of ['ttft', 'tpot']) {
    const key = metric === 'ttft' ? 'ttftRatio' : 'tpotRatio';
    const buckets = new Map();
    for (const r of results) {
      if (r[key] === null) continue;
      const residual = -Math.log(r[key]); // ln(measured / estimate)
      for (const b of ranges.bucketKeys(
        metric,
        r.item.meta.engine,
        r.item.meta.family,
        r.item.meta.band,
        isDisagg(r),
        metric === 'ttft' ? queueOf(r) : undefined,
        lengthsOf(r),
      )) {
        if (!buckets.has(b)) buckets.set(b, []);
        buckets.get(b).push(residual);
      }
    }
    for (const [b, xs] of [...buckets.entries()].sort()) {
      if (xs.length >= ranges.MIN_BUCKET) table[metric][b] = { n: xs.length, q: quantiles(xs) };
    }
  }
  return table;
}

/** Layout splits of the fitting part the widening is averaged over: one split's estimate moves by a few hundredths with any change to the core. */
const SPLITS = 4;

/**
 * How much wider than in-sample the ranges must be to cover 80% of layouts they were not learned
 * on: learned on one side of the fitting part, the spread multiplier that covers 80% of the other
 * side, both ways, for SPLITS different splits, averaged.
 */
function outOfSampleWiden(metric, runs) {
  const key = metric === 'ttft' ? 'ttftRatio' : 'tpotRatio';
  const widens = [];
  const directions = [];
  for (let salt = 0; salt < SPLITS; salt++) directions.push([salt, 'a', 'b'], [salt, 'b', 'a']);
  for (const [salt, learn, check] of directions) {
    const table = buildTable(runs.filter((r) => sideOf(r.item.row, salt) === learn));
    const held = runs.filter((r) => sideOf(r.item.row, salt) === check && r[key] !== null);
    const coverage = (w) => {
      let inside = 0;
      for (const r of held) {
        const ctx = {
          engine: r.item.meta.engine,
          family: r.item.meta.family,
          band: r.item.meta.band,
          engineDefaulted: false,
          disaggregated: isDisagg(r),
          queue: queueOf(r),
          lift: liftOf(r),
          lengths: lengthsOf(r),
        };
        const res = { ...ranges.residualsFor(metric, ctx, table), widen: w };
        const [lo, hi] = ranges.rangeOf(1, res, 'time', null);
        const ratio = 1 / r[key]; // measured / estimate
        if (ratio >= lo && ratio <= hi) inside++;
      }
      return inside / held.length;
    };
    let lo = 1;
    let hi = 4;
    for (let i = 0; i < 30; i++) {
      const mid = (lo + hi) / 2;
      if (coverage(mid) < ranges.RANGE_COVERAGE) lo = mid;
      else hi = mid;
    }
    widens.push(hi);
  }
  return Math.round(Math.max(1, widens.reduce((a, b) => a + b, 0) / widens.length) * 100) / 100;
}

const table = buildTable([...fit, ...fitDisagg]);
table.widen = { ttft: outOfSampleWiden('ttft', fit), tpot: outOfSampleWiden('tpot', fit) };
table.widenDisagg = { ttft: outOfSampleWiden('ttft', fitDisagg), tpot: outOfSampleWiden('tpot', fitDisagg) };

const out = `// Generated by validation/build-ranges.mjs from the 'fit' part of ../shared/data/silicon-calibration.csv
// (the calibration half's aggregated rows, layouts hashed into fit / held out before any fit): quantiles
// at RANGE_QUANTILES of ln(measured / estimate) by engine|family|steady or |run (an aggregated TTFT),
// engine|family, engine and 'all' (disaggregated rows apart, prefixed disagg|, by load band or TTFT
// regime), and the spread multipliers that make ranges cover 80%
// of layouts they were not learned on.
// Do not edit by hand; rerun the script when the estimator changes.
import type { ResidualTable } from './ranges.js';

export const RESIDUALS: ResidualTable = ${JSON.stringify(table, null, 2).replace(/"(\w+)":/g, '$1:')};
`;
writeFileSync(join(root, 'src', 'core', 'ranges-table.ts'), out);
console.log(
  `wrote src/core/ranges-table.ts: ${Object.keys(table.ttft).length} TTFT and ${Object.keys(table.tpot).length} TPOT buckets from ${fit.length} aggregated and ${fitDisagg.length} disaggregated runs; out-of-sample widening ${JSON.stringify(table.widen)}, disaggregated ${JSON.stringify(table.widenDisagg)}`,
);
