// Fits what each engine achieves on each hardware family (src/core/engines.ts, CALIBRATION) on the
// 'fit' part of the calibration half of the measured runs, and reports the errors on the part held
// out from fitting (validation/silicon-eval.mjs, internalSplit). Coordinate descent over a grid
// per parameter, a few rounds; the objective is the mean capped |ln(estimate/measured)| of TTFT and
// TPOT. Prints the table to paste into engines.ts. Usage: node validation/calibrate-silicon.mjs [--rounds N] [--only engine|family] [--with-disagg]
// (after `npm run validate`, which compiles the core into build/validate).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { convertSilicon, convertSiliconDisagg, groupBy, objective, summarize, verifySilicon } from './silicon-eval.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const build = join(root, 'build', 'validate', 'src');
if (!existsSync(join(build, 'core', 'index.js'))) throw new Error('compile the core first: npm run validate');
const core = await import(pathToFileURL(join(build, 'core', 'index.js')).href);
const engines = await import(pathToFileURL(join(build, 'core', 'engines.js')).href);
const models = await import(pathToFileURL(join(build, 'presets', 'models.js')).href);
const hardware = await import(pathToFileURL(join(build, 'presets', 'hardware.js')).href);
const { DEFAULT_EFFICIENCY } = await import(pathToFileURL(join(build, 'core', 'defaults.js')).href);
const DEFAULT_COMPUTE = DEFAULT_EFFICIENCY.compute;

const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1]) || 2;
// --only sglang|hopper: refit that engine x family alone (the others keep engines.ts's values)
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const csv = resolve(root, '..', 'shared', 'data', 'silicon-calibration.csv');
const presets = { modelPresetExists: (id) => !!models.modelPreset(id), hardwarePresetExists: (id) => !!hardware.hardwarePreset(id) };
const { items } = convertSilicon(csv, presets);
// --with-disagg: the objective also counts the group's disaggregated rows (their pools run the same engine on the same GPUs)
const withDisagg = args.includes('--with-disagg');
const disaggItems = withDisagg ? convertSiliconDisagg(csv, presets).items : [];

const GRID = {
  compute: [0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9],
  memory: [0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9],
  launchLatency: [5e-6, 10e-6, 20e-6, 35e-6, 50e-6, 70e-6, 100e-6, 150e-6],
  requestOverhead: [0, 0.005, 0.01, 0.02, 0.035, 0.05, 0.08, 0.12],
  stepOverhead: [0, 0.0005, 0.001, 0.002, 0.004],
  kernelLatency: [1e-6, 2e-6, 4e-6, 6e-6, 9e-6],
  attentionEfficiency: [0.3, 0.5, 0.7, 1],
  expertEfficiency: [0.2, 0.3, 0.45, 0.6, 0.8, 1],
};

/** `current` with compute at `v` and the attention and expert shares rescaled to keep their absolute efficiency; null when a share would pass 1. */
function denseOnly(current, v) {
  const c0 = current.compute ?? DEFAULT_COMPUTE;
  const attention = (current.attentionEfficiency ?? 1) * (c0 / v);
  const expert = (current.expertEfficiency ?? 1) * (c0 / v);
  if (attention > 1 || expert > 1 || v === c0) return null;
  const round = (x) => Math.round(x * 1000) / 1000;
  return { ...current, compute: v, attentionEfficiency: round(attention), expertEfficiency: round(expert) };
}

const fmt = (x) => (x === null ? '—' : `${(x * 100).toFixed(0)}%`);
const line = (label, s) =>
  `| ${label} | ${s.n} | ${fmt(s.ttftMedianError)} | ${fmt(s.tpotMedianError)} | ${fmt(s.ttftWithin)} | ${fmt(s.tpotWithin)} | ${fmt(s.bothWithin)} |`;

const groups = groupBy(items, (it) => `${it.meta.engine}|${engines.hardwareFamily(it.plan.hardware.preset, undefined)}`);
const fitted = {};
const out = ['| Group | N | TTFT err | TPOT err | TTFT in 25% | TPOT in 25% | both |', '|---|---|---|---|---|---|---|'];
for (const [key, groupItems] of groups) {
  const [engine, family] = key.split('|');
  const fit = groupItems.filter((it) => it.split === 'fit');
  const fitDisagg = disaggItems.filter((it) => it.split === 'fit' && `${it.meta.engine}|${engines.hardwareFamily(it.plan.hardware.preset, undefined)}` === key);
  if (fit.length < 12 || (only !== null && key !== only)) continue;
  const current = { ...(engines.CALIBRATION[engine][family] ?? {}) };
  const evaluate = (params) => {
    engines.CALIBRATION[engine][family] = params;
    return objective(verifySilicon(core, fitDisagg.length ? [...fit, ...fitDisagg] : fit));
  };
  let best = evaluate(current);
  const before = best;
  for (let round = 0; round < rounds; round++) {
    for (const [param, values] of Object.entries(GRID)) {
      for (const v of values) {
        // Attention and expert efficiencies are shares of `compute`: a compute step alone moves all
        // three, so it is also tried with both shares rescaled, which moves the dense GEMMs alone.
        const trials = [{ ...current, [param]: v }];
        if (param === 'compute') trials.push(denseOnly(current, v));
        for (const trial of trials) {
          if (!trial) continue;
          const score = evaluate(trial);
          if (score < best - 1e-9) {
            best = score;
            Object.assign(current, trial);
          }
        }
      }
    }
  }
  engines.CALIBRATION[engine][family] = current;
  fitted[engine] ??= {};
  fitted[engine][family] = current;
  const res = verifySilicon(core, groupItems);
  process.stderr.write(`${key}: objective ${before.toFixed(3)} -> ${best.toFixed(3)} ${JSON.stringify(current)}\n`);
  out.push(line(`${key} fit`, summarize(res.filter((r) => r.item.split === 'fit'))));
  out.push(line(`${key} held out`, summarize(res.filter((r) => r.item.split === 'holdout'))));
}
const all = verifySilicon(core, items);
out.push(line('all, fit', summarize(all.filter((r) => r.item.split === 'fit'))));
out.push(line('all, held out', summarize(all.filter((r) => r.item.split === 'holdout'))));
console.log(out.join('\n'));
console.log('\nCALIBRATION =', JSON.stringify(fitted, null, 2));
