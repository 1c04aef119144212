// `npm run validate`: runs every case of validation/cases through the real core and prints one
// markdown table (measured vs estimate vs physical bound), accuracy per metric and split, the
// soundness counts, and the reasons given for misses over 50%.
//   --calibrate     also search the default efficiencies that minimise the calibration median error
//   --no-build      reuse build/validate (the core compiled by a previous run)
// The core is compiled with tsc (validation/tsconfig.json -> build/validate) and imported as is.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const casesDir = join(root, 'validation', 'cases');
const args = new Set(process.argv.slice(2));

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

function buildCore() {
  const out = join(root, 'build', 'validate', 'src', 'core', 'index.js');
  if (!args.has('--no-build') || !existsSync(out)) {
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
  return report.checks.filter((ch) => ch.status === 'fail' && /^(layout|memory)\./.test(ch.id)).map((ch) => `${ch.id}: ${ch.detail ?? ''}`);
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
function accuracy(rows) {
  const out = [];
  for (const key of Object.keys(METRICS)) {
    for (const split of ['calibration', 'holdout']) {
      const rs = rows.filter((r) => r.key === key && r.split === split && r.ratio !== null);
      if (rs.length === 0) continue;
      const worst = rs.reduce((a, b) => (relErr(b) > relErr(a) ? b : a));
      out.push([key, split, rs.length, pct(median(rs.map(relErr))), fmt(median(rs.map((r) => r.ratio))), `${pct(relErr(worst))} (${worst.id})`]);
    }
  }
  return out;
}

function evaluate(core, cases, efficiency) {
  const rows = [];
  const unsound = [];
  for (const c of cases) {
    let report;
    if (efficiency) {
      const loaded = core.loadPlan(c.planFile, c.planText, readReference);
      if (!loaded.ok) throw new Error(`${c.id}: does not load`);
      loaded.loaded.plan.hardware.efficiency = { ...efficiency, ...loaded.loaded.plan.hardware.efficiency };
      report = core.verifyLoadedPlan(loaded.loaded);
    } else {
      report = core.verifyPlanText(c.planFile, c.planText, readReference);
    }
    for (const u of unsoundChecks(report)) unsound.push({ id: c.id, what: u });
    rows.push(...compare(c, report));
  }
  return { rows, unsound };
}

const pooledMedian = (rows, split) =>
  median(rows.filter((r) => r.split === split && PERFORMANCE.includes(r.key) && r.ratio !== null).map(relErr));

/** Grid search of the three efficiencies; the objective is the pooled calibration median error. */
function calibrate(core, cases, label) {
  const grid = (from, to, step) => Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => Math.round((from + i * step) * 100) / 100);
  let best = null;
  for (const compute of grid(0.2, 1, 0.05))
    for (const memory of grid(0.4, 1, 0.05))
      for (const network of grid(0.2, 1, 0.1)) {
        const { rows } = evaluate(core, cases, { compute, memory, network });
        const score = pooledMedian(rows, 'calibration');
        if (score !== null && (best === null || score < best.score - 1e-12)) best = { compute, memory, network, score, rows };
      }
  return { label, ...best };
}

const corePath = buildCore();
const core = await import(pathToFileURL(corePath).href);
const cases = loadCases();
const { rows, unsound } = evaluate(core, cases, null);

const out = [];
out.push(`# Validation: ${cases.length} cases, ${rows.length} measured figures\n`);
out.push(table(
  ['Case', 'Split', 'Metric', 'Measured', 'Estimate', 'Bound', 'Est/meas'],
  rows.map((r) => [r.id, r.split, r.key, fmt(r.measured), fmt(r.estimate), `${METRICS[r.key].bound ? (METRICS[r.key].upper ? '≤ ' : '≥ ') : ''}${fmt(r.bound)}${r.beyond ? ' **beyond**' : ''}`, r.ratio === null ? '—' : r.ratio.toFixed(2)]),
));
out.push('\n## Accuracy (absolute relative error of the estimate)\n');
out.push(table(['Metric', 'Split', 'N', 'Median error', 'Median est/meas', 'Worst (case)'], accuracy(rows)));
out.push(`\nPooled performance figures (throughput, TTFT, TPOT, decode step): median error ${pct(pooledMedian(rows, 'calibration'))} calibration, ${pct(pooledMedian(rows, 'holdout'))} holdout.`);

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
  const figures = misses.filter((r) => r.id === id).map((r) => `${r.key} ${r.ratio.toFixed(2)}`).join(', ');
  const reason = c.measured.miss_reason ?? 'no miss_reason recorded (conditions.notes in measured.yaml)';
  out.push(`- ${id}: ${figures}. ${String(reason).trim()}`);
}

if (args.has('--calibrate')) {
  process.stderr.write('validate: calibrating (grid search over compute, memory, network efficiencies) ...\n');
  const fits = [calibrate(core, cases, 'all hardware')];
  out.push('\n## Calibration (grid search; objective: pooled median error of the calibration performance figures)\n');
  const base = evaluate(core, cases, null).rows;
  out.push(table(
    ['Scope', 'compute', 'memory', 'network', 'Calibration median (defaults -> fitted)', 'Holdout median (defaults -> fitted)'],
    fits.map((f) => [f.label, f.compute, f.memory, f.network, `${pct(pooledMedian(base, 'calibration'))} -> ${pct(f.score)}`, `${pct(pooledMedian(base, 'holdout'))} -> ${pct(pooledMedian(f.rows, 'holdout'))}`]),
  ));
  out.push('\nPer metric with the fitted efficiencies:\n');
  out.push(table(['Metric', 'Split', 'N', 'Median error', 'Median est/meas', 'Worst (case)'], accuracy(fits[0].rows)));
}

console.log(out.join('\n'));
if (unsound.length > 0 || beyond.length > 0) process.exitCode = 1;
