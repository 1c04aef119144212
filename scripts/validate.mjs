// `npm run validate`: runs every case of validation/cases through the real core and prints one
// markdown table (measured vs estimate vs physical bound), accuracy per metric and split, the
// soundness counts, and the reasons given for misses over 50%.
//   --calibrate     also search the default efficiencies that minimise the calibration median error
//   --no-build      reuse build/validate (the core compiled by a previous run)
//   --fix k=v       hold one calibrated default at a value (e.g. --fix network=0.7 --fix kernel_latency=4e-6)
// The core is compiled with tsc (validation/tsconfig.json -> build/validate) and imported as is.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { convertSilicon, convertSiliconDisagg, groupBy, rangeCoverage, repeatability, summarize, verifySilicon } from '../validation/silicon-eval.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const casesDir = join(root, 'validation', 'cases');
const args = new Set(process.argv.slice(2));
/** --fix key=value pairs: calibration axes held at a value. */
const fixed = Object.fromEntries(
  process.argv
    .slice(2)
    .flatMap((a, i, all) => (a === '--fix' && all[i + 1] ? [all[i + 1].split('=')] : []))
    .map(([k, v]) => [k, Number(v)]),
);

/** Measured figure -> the core's estimate and physical bound; `upper`: the bound caps the figure from above. */
export const METRICS = {
  throughput_tokens_per_s: { estimate: 'throughput_tokens_per_s', bound: 'throughput_upper_bound_tokens_per_s', upper: true, unit: 'tokens/s' },
  ttft_ms: { estimate: 'ttft_ms', bound: 'ttft_lower_bound_ms', upper: false, unit: 'ms' },
  tpot_ms: { estimate: 'tpot_ms', bound: 'tpot_lower_bound_ms', upper: false, unit: 'ms' },
  decode_step_ms: { estimate: 'decode_step_ms', bound: 'decode_step_lower_bound_ms', upper: false, unit: 'ms' },
  weights_per_gpu_gib: { estimate: 'weights_per_gpu_gib', bound: 'weights_per_gpu_lower_bound_gib', upper: false, unit: 'GiB' },
  kv_cache_capacity_tokens: { estimate: 'kv_cache_capacity_tokens', bound: null, upper: true, unit: 'tokens' },
};
/** Figures that depend on the efficiencies (memory figures do not). */
const PERFORMANCE = ['throughput_tokens_per_s', 'ttft_ms', 'tpot_ms', 'decode_step_ms'];

/** A source under src/ newer than its compiled copy: --no-build would validate a stale core (e.g. right after build-ranges.mjs rewrote ranges-table.ts). */
function staleCompile() {
  const src = join(root, 'src');
  const built = join(root, 'build', 'validate', 'src');
  for (const f of readdirSync(src, { recursive: true }).map(String)) {
    if (!f.endsWith('.ts')) continue;
    const js = join(built, f.replace(/\.ts$/, '.js'));
    if (!existsSync(js) || statSync(join(src, f)).mtimeMs > statSync(js).mtimeMs) return f;
  }
  return null;
}

function buildCore() {
  const out = join(root, 'build', 'validate', 'src', 'core', 'index.js');
  const stale = args.has('--no-build') && existsSync(out) ? staleCompile() : null;
  if (stale) process.stderr.write(`validate: src/${stale} changed since the last compile; compiling despite --no-build\n`);
  if (!args.has('--no-build') || !existsSync(out) || stale) {
    process.stderr.write('validate: compiling the core (tsc -p validation/tsconfig.json) ...\n');
    const r = spawnSync('npx', ['tsc', '-p', join('validation', 'tsconfig.json')], { cwd: root, encoding: 'utf8' });
    // tsc still emits when other, unrelated files have type errors; say so, and go on if the core exists.
    if (r.status !== 0) process.stderr.write(`validate: tsc reported errors (first lines):\n${(r.stdout || r.stderr).split('\n').slice(0, 5).join('\n')}\n`);
  }
  if (!existsSync(out)) throw new Error(`the compiled core is missing: ${out}`);
  return out;
}

const readReference = (planFile, ref) => {
  try {
    return { text: readFileSync(resolve(dirname(planFile), ref), 'utf8') };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
};

function loadCases() {
  return readdirSync(casesDir)
    .filter((id) => existsSync(join(casesDir, id, 'plan.yaml')))
    .sort()
    .map((id) => {
      const planFile = join(casesDir, id, 'plan.yaml');
      return { id, planFile, planText: readFileSync(planFile, 'utf8'), measured: parse(readFileSync(join(casesDir, id, 'measured.yaml'), 'utf8')) };
    });
}

/** One row per measured figure of one case, from one plan report. */
function compare(c, report) {
  const rows = [];
  for (const [key, value] of Object.entries(c.measured.measured ?? {})) {
    const m = METRICS[key];
    if (!m) throw new Error(`${c.id}: unknown measured figure '${key}'`);
    const estimate = report.metrics?.[m.estimate] ?? null;
    const bound = m.bound ? (report.metrics?.[m.bound] ?? null) : null;
    const beyond = bound === null ? false : m.upper ? value > bound * (1 + 1e-9) : value < bound * (1 - 1e-9);
    rows.push({ id: c.id, split: c.measured.split, key, measured: value, estimate, bound, beyond, ratio: estimate === null ? null : estimate / value });
  }
  return rows;
}

/** Layout and memory checks that fail, and a plan that does not load: real deployments must pass. */
function unsoundChecks(report) {
  if (report.verdict === 'error') return report.errors.map((e) => `error: ${e.message}`);
  return report.checks
    .filter((ch) => ch.status === 'fail' && /^((prefill|decode)\.)?(layout|memory)\./.test(ch.id))
    .map((ch) => `${ch.id}: ${ch.detail ?? ''}`);
}

const relErr = (r) => Math.abs(r.ratio - 1);
function median(xs) {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
const fmt = (v) => {
  if (v === null || v === undefined) return '—';
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  if (a >= 100) return v.toFixed(1);
  if (a >= 10) return v.toFixed(2);
  return v.toPrecision(3);
};
const pct = (v) => (v === null ? '—' : `${(v * 100).toFixed(0)}%`);
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
const table = (header, rows) => [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');

/** Median and worst absolute relative error per metric and split. */
/**
 * The contract's TTFT is one request's prefill on an idle deployment; a benchmark at concurrency > 1
 * measures TTFT under load (queueing behind other prefills), so the two are reported apart.
 */
const metricLabel = (r) => (r.key === 'ttft_ms' ? (r.concurrency === 1 ? 'ttft_ms (concurrency 1)' : 'ttft_ms (under load)') : r.key);
const LABELS = [
  'throughput_tokens_per_s',
  'ttft_ms (concurrency 1)',
  'ttft_ms (under load)',
  'tpot_ms',
  'decode_step_ms',
  'weights_per_gpu_gib',
  'kv_cache_capacity_tokens',
];

/** Median and worst absolute relative error per metric and split. */
function accuracy(rows) {
  const out = [];
  for (const label of LABELS) {
    for (const split of ['calibration', 'holdout']) {
      const rs = rows.filter((r) => metricLabel(r) === label && r.split === split && r.ratio !== null);
      if (rs.length === 0) continue;
      const worst = rs.reduce((a, b) => (relErr(b) > relErr(a) ? b : a));
      out.push([label, split, rs.length, pct(median(rs.map(relErr))), fmt(median(rs.map((r) => r.ratio))), `${pct(relErr(worst))} (${worst.id})`]);
    }
  }
  return out;
}

/**
 * Verifies every case; `settings` replace the defaults being calibrated (a plan's own figures win;
 * a preset's efficiency wins too unless `throughPresets`, used when fitting a hardware family's own values).
 */
function evaluate(core, cases, settings, throughPresets = false) {
  const rows = [];
  const unsound = [];
  for (const c of cases) {
    const loaded = core.loadPlan(c.planFile, c.planText, readReference);
    let report;
    if (!loaded.ok) {
      report = { verdict: 'error', checks: [], metrics: null, errors: loaded.errors };
    } else {
      if (settings) {
        const h = loaded.loaded.plan.hardware;
        const { intra_node_latency, inter_node_latency, kernel_latency, launch_latency, ...eff } = settings;
        // a plan's own figures win: only the defaults are being calibrated
        const origins = loaded.loaded.origins;
        const own = Object.fromEntries(
          Object.entries(h.efficiency ?? {}).filter(([k]) => !(throughPresets && origins[`hardware.efficiency.${k}`]?.startsWith('preset:'))),
        );
        h.efficiency = { compute: eff.compute, memory: eff.memory, network: eff.network, ...own };
        if (intra_node_latency !== undefined) h.intra_node_latency ??= intra_node_latency;
        if (inter_node_latency !== undefined) h.inter_node_latency ??= inter_node_latency;
        if (kernel_latency !== undefined) h.kernel_latency ??= kernel_latency;
        if (launch_latency !== undefined) h.launch_latency ??= launch_latency;
      }
      report = core.verifyLoadedPlan(loaded.loaded);
    }
    for (const u of unsoundChecks(report)) unsound.push({ id: c.id, what: u });
    const plan = loaded.ok ? loaded.loaded.plan : null;
    for (const r of compare(c, report)) rows.push({ ...r, concurrency: plan?.workload?.concurrency ?? null, layers: plan?.model?.layers ?? null });
  }
  return { rows, unsound };
}

const pooledMedian = (rows, split) =>
  median(rows.filter((r) => r.split === split && PERFORMANCE.includes(r.key) && metricLabel(r) !== 'ttft_ms (under load)' && r.ratio !== null).map(relErr));

/**
 * Calibration objective: the mean over throughput, TTFT at concurrency 1 and TPOT of each one's median |ln(estimate/measured)|
 * on the calibration cases. Log error is symmetric (2x too high costs what 2x too low does) and the per-metric
 * medians stop the most numerous figure from dominating.
 */
function objective(rows) {
  const parts = ['throughput_tokens_per_s', 'ttft_ms (concurrency 1)', 'tpot_ms']
    .map((label) =>
      median(rows.filter((r) => r.split === 'calibration' && metricLabel(r) === label && r.ratio !== null).map((r) => Math.abs(Math.log(r.ratio)))),
    )
    .filter((v) => v !== null);
  return parts.reduce((a, b) => a + b, 0) / parts.length;
}

const grid = (from, to, step) => Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => Math.round((from + i * step) * 1000) / 1000);

/** Coarse grid, then a finer one around the best point; `settings` are merged into each plan's hardware. */
function search(core, cases, axes, throughPresets = false) {
  let best = null;
  const visit = (combo) => {
    const { rows } = evaluate(core, cases, combo, throughPresets);
    const score = objective(rows);
    if (best === null || score < best.score - 1e-12) best = { ...combo, score, rows };
  };
  const product = (lists) => lists.reduce((acc, [k, vs]) => acc.flatMap((a) => vs.map((v) => ({ ...a, [k]: v }))), [{}]);
  const pinned = Object.entries(axes).map(([k, a]) => [k, k in fixed ? { coarse: [fixed[k]], refine: 0 } : a]);
  for (const combo of product(pinned.map(([k, a]) => [k, a.coarse]))) visit(combo);
  const fine = pinned.map(([k, a]) => [k, a.refine ? grid(Math.max(a.min, best[k] - a.refine), Math.min(a.max, best[k] + a.refine), a.refine / 2) : [best[k]]]);
  for (const combo of product(fine)) visit(combo);
  return best;
}

// Grids span what is physically plausible, coarse enough for a few minutes' search (each point
// simulates every declared benchmark run): efficiencies from 0.2 to 0.9, latencies from the device
// figures in validation/device/README.md up to a few times them.
const EFFICIENCY_AXES = {
  compute: { coarse: grid(0.3, 0.8, 0.1), refine: 0.1, min: 0.05, max: 1 },
  memory: { coarse: grid(0.2, 0.9, 0.1), refine: 0.1, min: 0.05, max: 1 },
  network: { coarse: [0.3, 0.5, 0.7], refine: 0, min: 0.05, max: 1 },
};
const LATENCY_AXES = {
  kernel_latency: { coarse: [2e-6, 4e-6, 8e-6], refine: 0 },
  launch_latency: { coarse: [20e-6, 35e-6, 50e-6, 70e-6, 100e-6, 150e-6], refine: 0 },
  intra_node_latency: { coarse: [8e-6, 20e-6], refine: 0 },
  inter_node_latency: { coarse: [20e-6, 60e-6], refine: 0 },
};

/** Hardware family of a case, from its plan's preset (an explicit device is its own family). */
function family(c) {
  const preset = /preset:\s*([\w.-]+)/.exec(c.planText.split('hardware:')[1] ?? '')?.[1] ?? 'explicit';
  if (/^h(100|200|20)|^h800/.test(preset)) return 'NVIDIA Hopper';
  if (/^b200|^gb200/.test(preset)) return 'NVIDIA Blackwell';
  if (/^mi3/.test(preset)) return 'AMD MI300';
  if (/^a100/.test(preset)) return 'NVIDIA Ampere';
  return 'other';
}

const corePath = buildCore();
const core = await import(pathToFileURL(corePath).href);
const cases = loadCases();
const { rows, unsound } = evaluate(core, cases, null);

const out = [];
out.push(`# Validation: ${cases.length} cases, ${rows.length} measured figures\n`);
out.push(
  table(
    ['Case', 'Split', 'Metric', 'Measured', 'Estimate', 'Bound', 'Est/meas'],
    rows.map((r) => [
      r.id,
      r.split,
      r.key,
      fmt(r.measured),
      fmt(r.estimate),
      `${METRICS[r.key].bound ? (METRICS[r.key].upper ? '≤ ' : '≥ ') : ''}${fmt(r.bound)}${r.beyond ? ' **beyond**' : ''}`,
      r.ratio === null ? '—' : r.ratio.toFixed(2),
    ]),
  ),
);
out.push('\n## Accuracy (absolute relative error of the estimate)\n');
out.push(table(['Metric', 'Split', 'N', 'Median error', 'Median est/meas', 'Worst (case)'], accuracy(rows)));
out.push(
  `\nPooled performance figures (throughput, TTFT at concurrency 1, TPOT, decode step): median error ${pct(pooledMedian(rows, 'calibration'))} calibration, ${pct(pooledMedian(rows, 'holdout'))} holdout.`,
);

// What the estimate leaves out at one request in flight: per-layer time per decode step, fixed time per request.
const single = rows.filter((r) => r.concurrency === 1 && r.ratio !== null && r.layers);
const tpotResid = single.filter((r) => r.key === 'tpot_ms').map((r) => ({ id: r.id, v: ((r.measured - r.estimate) * 1000) / r.layers }));
const ttftResid = single.filter((r) => r.key === 'ttft_ms').map((r) => ({ id: r.id, v: r.measured - r.estimate }));
out.push('\n## Residuals at concurrency 1 (measured minus estimate)\n');
out.push(
  table(
    ['Case', 'TPOT residual per layer (µs)', 'TTFT residual (ms)'],
    [...new Set([...tpotResid, ...ttftResid].map((x) => x.id))].map((id) => [
      id,
      fmt(tpotResid.find((x) => x.id === id)?.v ?? null),
      fmt(ttftResid.find((x) => x.id === id)?.v ?? null),
    ]),
  ),
);
out.push(
  `\nMedian: ${fmt(median(tpotResid.map((x) => x.v)))} µs per layer per decode step; ${fmt(median(ttftResid.map((x) => x.v)))} ms per request before the first token.`,
);

const beyond = rows.filter((r) => r.beyond);
const missing = rows.filter((r) => METRICS[r.key].bound && r.bound === null);
out.push('\n## Soundness\n');
out.push(`- Cases whose layout or memory checks fail (or that do not load): ${new Set(unsound.map((u) => u.id)).size}`);
for (const u of unsound) out.push(`  - ${u.id}: ${u.what}`);
out.push(`- Measured figures beyond the physical bound: ${beyond.length}`);
for (const r of beyond) out.push(`  - ${r.id} ${r.key}: measured ${fmt(r.measured)}, bound ${fmt(r.bound)}`);
out.push(`- Measured figures with no bound computed: ${missing.length}`);
for (const r of missing) out.push(`  - ${r.id} ${r.key}`);

const misses = rows.filter((r) => r.ratio !== null && relErr(r) > 0.5);
const missCases = [...new Set(misses.map((r) => r.id))];
out.push(`\n## Misses over 50% (${misses.length} figures in ${missCases.length} cases; estimate/measured)\n`);
for (const id of missCases) {
  const c = cases.find((x) => x.id === id);
  const figures = misses
    .filter((r) => r.id === id)
    .map((r) => `${r.key} ${r.ratio.toFixed(2)}`)
    .join(', ');
  const reason = c.measured.miss_reason ?? 'No case-specific reason; see "Why the estimates miss" in validation/README.md.';
  out.push(`- ${id}: ${figures}. ${String(reason).trim()}`);
}

if (args.has('--calibrate')) {
  process.stderr.write('validate: calibrating (grid search, a few minutes) ...\n');
  const baseRows = rows;
  const eff = search(core, cases, EFFICIENCY_AXES);
  const { compute, memory, network } = eff;
  const lat = search(core, cases, {
    compute: { coarse: [compute] },
    memory: { coarse: [memory] },
    network: { coarse: [network] },
    ...LATENCY_AXES,
  });
  const effAtLat = search(core, cases, {
    ...EFFICIENCY_AXES,
    kernel_latency: { coarse: [lat.kernel_latency] },
    launch_latency: { coarse: [lat.launch_latency] },
    intra_node_latency: { coarse: [lat.intra_node_latency] },
    inter_node_latency: { coarse: [lat.inter_node_latency] },
  });
  const us = (s) => (s === undefined ? 'default' : `${Math.round(s * 1e6)} µs`);
  const summary = (label, fit, r) => [
    label,
    fit?.compute ?? 'default',
    fit?.memory ?? 'default',
    fit?.network ?? 'default',
    `${us(fit?.kernel_latency)} / ${us(fit?.launch_latency)} / ${us(fit?.intra_node_latency)} / ${us(fit?.inter_node_latency)}`,
    objective(r).toFixed(2),
    pct(pooledMedian(r, 'calibration')),
    pct(pooledMedian(r, 'holdout')),
  ];
  out.push('\n## Calibration\n');
  out.push(
    'Objective: mean over throughput, TTFT at concurrency 1 and TPOT of the median |ln(estimate/measured)| on the calibration cases. ' +
      'Pooled median errors are the absolute relative errors of all performance figures.\n',
  );
  out.push(
    table(
      ['Fit', 'compute', 'memory', 'network', 'Latency kernel / launch / intra / inter', 'Objective', 'Calibration median', 'Holdout median'],
      [
        summary('current defaults', null, baseRows),
        summary('efficiencies', eff, eff.rows),
        summary('+ kernel and collective latency', lat, lat.rows),
        summary('efficiencies refit at that latency', effAtLat, effAtLat.rows),
      ],
    ),
  );
  const families = [...new Set(cases.map(family))];
  const perFamily = [];
  for (const fam of families) {
    const subset = cases.filter((c) => family(c) === fam);
    const nCal = evaluate(core, subset, null).rows.filter((r) => r.split === 'calibration' && PERFORMANCE.includes(r.key)).length;
    if (nCal < 6) continue;
    // At the refit latency, and through any efficiency the family's preset carries: this fit is what a preset may carry.
    const fit = search(
      core,
      subset,
      {
        ...EFFICIENCY_AXES,
        kernel_latency: { coarse: [lat.kernel_latency] },
        launch_latency: { coarse: [lat.launch_latency] },
        intra_node_latency: { coarse: [lat.intra_node_latency] },
        inter_node_latency: { coarse: [lat.inter_node_latency] },
      },
      true,
    );
    const base = evaluate(core, subset, null).rows;
    perFamily.push([
      fam,
      subset.length,
      fit.compute,
      fit.memory,
      fit.network,
      `${pct(pooledMedian(base, 'calibration'))} -> ${pct(pooledMedian(fit.rows, 'calibration'))}`,
      `${pct(pooledMedian(base, 'holdout'))} -> ${pct(pooledMedian(fit.rows, 'holdout'))}`,
    ]);
  }
  out.push('\nPer hardware family (efficiencies only; families with at least 6 calibration figures):\n');
  out.push(table(['Family', 'Cases', 'compute', 'memory', 'network', 'Calibration median (defaults -> fit)', 'Holdout median (defaults -> fit)'], perFamily));
  out.push('\nPer metric with the refit efficiencies and latency:\n');
  out.push(table(['Metric', 'Split', 'N', 'Median error', 'Median est/meas', 'Worst (case)'], accuracy(effAtLat.rows)));
}

// The measured serving runs (../shared/data/silicon-calibration.csv), converted row by row.
const silicon = await siliconSection(core, dirname(corePath), 'aggregated');
out.push(...silicon.lines);
const siliconDisagg = await siliconSection(core, dirname(corePath), 'disaggregated');
out.push(...siliconDisagg.lines);

console.log(out.join('\n'));
if (unsound.length > 0 || beyond.length > 0 || silicon.unsound > 0 || siliconDisagg.unsound > 0) process.exitCode = 1;

/**
 * Every consistent aggregated (or complete disaggregated) row of the calibration half as a plan
 * (validation/silicon.mjs): soundness (real runs rejected, measured times below a floor) and
 * accuracy, overall, on the part held out from fitting, and by engine x GPU family x concurrency band.
 */
function siliconSection(coreModule, coreDir, kind) {
  const csv = resolve(root, '..', 'shared', 'data', 'silicon-calibration.csv');
  const lines = [`\n## Measured serving runs (\`../shared/data/silicon-calibration.csv\`, ${kind} rows)\n`];
  const convert = kind === 'aggregated' ? convertSilicon : convertSiliconDisagg;
  if (!existsSync(csv)) {
    lines.push(`The sample is missing (${csv}): nothing checked.`);
    return { lines, unsound: 1 };
  }
  const presetsDir = resolve(coreDir, '..', 'presets');
  return import(pathToFileURL(join(presetsDir, 'models.js')).href).then(async (models) => {
    const hardware = await import(pathToFileURL(join(presetsDir, 'hardware.js')).href);
    const presets = { modelPresetExists: (id) => !!models.modelPreset(id), hardwarePresetExists: (id) => !!hardware.hardwarePreset(id) };
    const { total, items, skipped, reread } = convert(csv, presets);
    const all = verifySilicon(coreModule, items);
    for (const r of all) if (r.partial) skipped[r.partial] = (skipped[r.partial] ?? 0) + 1;
    const results = all.filter((r) => !r.partial);
    const rejected = results.filter((r) => r.rejected.length > 0);
    const below = results.filter((r) => r.below.length > 0);
    const pct1 = (v) => (v === null ? '—' : `${(v * 100).toFixed(0)}%`);
    const ratio = (v) => (v === null ? '—' : v.toFixed(2));
    lines.push(`${total} ${kind} rows; ${results.length} verified; ${total - results.length} skipped:`);
    for (const [reason, n] of Object.entries(skipped).sort((a, b) => b[1] - a[1])) lines.push(`- ${n}: ${reason}`);
    for (const [how, n] of Object.entries(reread ?? {})) lines.push(`\nRead as what ran (${n} rows): ${how}.`);
    lines.push('\n### Soundness\n');
    lines.push(`- Real runs rejected (a layout or memory check fails, or the plan does not load): ${rejected.length}`);
    for (const r of rejected.slice(0, 20)) lines.push(`  - ${r.item.row.id}: ${r.rejected[0]}`);
    lines.push(`- Measured TTFT or TPOT below its floor: ${below.length}`);
    for (const r of below.slice(0, 20)) lines.push(`  - ${r.item.row.id}: ${r.below.join('; ')}`);
    lines.push('\n### Accuracy (median absolute error; share within 25%)\n');
    const head = ['Rows', 'N', 'TTFT error', 'TTFT est/meas', 'TTFT within 25%', 'TPOT error', 'TPOT est/meas', 'TPOT within 25%', 'Both within 25%'];
    const row = (label, rs) => {
      const s = summarize(rs);
      return [
        label,
        s.n,
        pct1(s.ttftMedianError),
        ratio(s.ttftMedianRatio),
        pct1(s.ttftWithin),
        pct1(s.tpotMedianError),
        ratio(s.tpotMedianRatio),
        pct1(s.tpotWithin),
        pct1(s.bothWithin),
      ];
    };
    lines.push(
      table(head, [
        row('all', results),
        ...groupBy(results, (r) => r.item.split).map(([k, rs]) => row(k === 'fit' ? 'fitting part' : 'held out from fitting', rs)),
      ]),
    );
    lines.push(...repeatabilityLines(results, pct1));
    lines.push('\n### Ranges ("How sure"): coverage and width\n');
    lines.push(
      'Share of runs whose measurement falls inside their own range (built for 80% from the fitting part only, src/core/ranges-table.ts), and the median range width (high/low):\n',
    );
    const coverageRows = [];
    for (const [label, rs] of [
      ['fitting part', results.filter((r) => r.item.split === 'fit')],
      ['held out from fitting', results.filter((r) => r.item.split === 'holdout')],
    ]) {
      for (const [metric, key] of [
        ['TTFT', 'ttft_ms'],
        ['TPOT', 'tpot_ms'],
      ]) {
        const c = rangeCoverage(rs, key);
        coverageRows.push([label, metric, c.n, pct1(c.coverage), c.width === null ? '—' : c.width.toFixed(2)]);
      }
    }
    lines.push(table(['Rows', 'Metric', 'N', 'Inside their range', 'Median width (high/low)'], coverageRows));
    lines.push('\nBy engine x GPU family x concurrency band:\n');
    lines.push(
      table(
        head,
        groupBy(results, (r) => `${r.item.meta.engine} ${r.item.meta.family} ${r.item.meta.band}`).map(([k, rs]) => row(k, rs)),
      ),
    );
    return { lines, unsound: rejected.length + below.length };
  });
}

/** The measurements against themselves (validation/silicon-eval.mjs, repeatability): how well one measurement of a plan predicts another. */
function repeatabilityLines(results, pct1) {
  const runs = [
    ['any engine version', repeatability(results)],
    ['same engine version', repeatability(results, { sameEngineVersion: true })],
  ];
  if (runs[0][1].rows === 0) return [];
  const lines = ['\n### Repeatability: the same plan measured more than once\n'];
  lines.push(
    "Rows that convert to the identical plan but were measured again with a different result: what measurement noise alone leaves to a perfect estimator of the plan (one that gives each plan its true mean; each row's distance from it estimated from the plan's own measurements, validation/silicon-eval.mjs), beside this estimator on the same rows:\n",
  );
  const rows = [];
  for (const [label, r] of runs) {
    if (r.rows === 0) continue;
    rows.push([
      label,
      `${r.rows} (${r.plans} plan${r.plans === 1 ? '' : 's'})`,
      pct1(r.ttftWithin),
      pct1(r.tpotWithin),
      pct1(r.bothWithin),
      r.ttftWidth80.toFixed(2),
      r.tpotWidth80.toFixed(2),
      `${pct1(r.estimator.ttftWithin)} / ${pct1(r.estimator.tpotWithin)} / ${pct1(r.estimator.bothWithin)}`,
    ]);
  }
  lines.push(
    table(
      [
        'Repeats of',
        'Rows',
        'TTFT within 25%',
        'TPOT within 25%',
        'Both within 25%',
        '80% range width TTFT (about the true mean)',
        '80% range width TPOT (about the true mean)',
        'This estimator on these rows (TTFT / TPOT / both within 25%)',
      ],
      rows,
    ),
  );
  return lines;
}
