// Times of the real code: load+verify in process (compiled by tsc into build/bench) and the cold
// command line (bundled by ncc into build/bench/cli, as `npm run package` bundles dist/cli.js).
// run({ smoke, load }): the smoke test (__tests__/bench-smoke.test.ts) times the in-process part on
// a few runs, importing the sources through `load`; it neither compiles nor bundles.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

export const title = 'core and CLI';

const OUT = 'build/bench';
const FALLBACK_PLAN = '__tests__/fixtures/cli/llama-8b.plan.yaml';

function examplePlans() {
  const dir = 'examples';
  const found = existsSync(dir)
    ? readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => /\.plan\.(ya?ml|json)$/.test(f))
        .map((f) => join(dir, f))
        .sort()
    : [];
  return found.length > 0 ? found : [FALLBACK_PLAN];
}

function compile() {
  // type errors elsewhere must not stop the timing of code that emits: tsc still writes its output
  spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit', 'false', '--outDir', OUT], { stdio: 'ignore' });
  if (!existsSync(join(OUT, 'src/core/index.js'))) throw new Error('tsc wrote no build/bench/src/core/index.js');
  execFileSync(process.execPath, ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', 'src/cli.ts', '-o', join(OUT, 'cli'), '--quiet', '--target', 'es2022'], {
    stdio: 'ignore',
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const ms = (ns) => Number(ns) / 1e6;
const fmt = (x) => (x < 1 ? `${(x * 1000).toFixed(0)} µs` : `${x.toFixed(x < 10 ? 2 : 0)} ms`);

export async function run({ smoke = false, load } = {}) {
  if (!load) compile();
  const from = load ?? ((path) => import(`${pathToFileURL(`${OUT}/src/`).href}${path}`));
  const { verifyPlanText } = await from('core/index.js');
  const { createReadReference } = await from('io/read-reference.js');
  const { verifyPlanFiles } = await from('io/verify-files.js');
  const [warmups, runs, many] = smoke ? [1, 20, 20] : [200, 2000, 1000];
  const cwd = process.cwd();
  const plans = examplePlans().map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  const readReference = createReadReference({ cwd });

  // one plan, load+verify from text, after warming up the JIT
  for (let i = 0; i < warmups; i++) for (const p of plans) verifyPlanText(p.file, p.text, readReference);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const p = plans[i % plans.length];
    const t0 = process.hrtime.bigint();
    verifyPlanText(p.file, p.text, readReference);
    samples.push(ms(process.hrtime.bigint() - t0));
  }
  const perPlan = median(samples);
  const verdicts = new Set(plans.map((p) => verifyPlanText(p.file, p.text, readReference).verdict));

  // 1,000 plans in one process, reading each file as the CLI does
  const files = Array.from({ length: many }, (_, i) => plans[i % plans.length].file);
  const t0 = process.hrtime.bigint();
  const report = verifyPlanFiles(files, cwd);
  const thousand = ms(process.hrtime.bigint() - t0);
  if (report.plans.length !== many) throw new Error('verifyPlanFiles lost plans');
  const inProcess = [
    {
      measure: `load+verify one plan, median of ${runs.toLocaleString('en')} (${plans.length} plan${plans.length > 1 ? 's' : ''}, verdicts: ${[...verdicts].join('/')})`,
      result: fmt(perPlan),
      target: smoke ? '' : '< 1 ms',
      ok: smoke ? undefined : perPlan < 1,
    },
    {
      measure: `${many.toLocaleString('en')} plans in one process (read+load+verify), per plan`,
      result: `${fmt(thousand / many)} (total ${fmt(thousand)})`,
      target: smoke ? '' : '< 1 ms',
      ok: smoke ? undefined : thousand / many < 1,
    },
  ];
  if (smoke) return inProcess;

  // cold CLI: a fresh node process each time
  const cli = join(OUT, 'cli', 'index.js');
  const one = relative(cwd, plans[0].file);
  spawnSync(process.execPath, [cli, 'verify', one], { stdio: 'ignore' });
  const cold = [];
  for (let i = 0; i < 10; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, 'verify', one], { stdio: 'ignore' });
    cold.push(ms(process.hrtime.bigint() - start));
    if (r.status === null || r.status > 2) throw new Error(`CLI exited with ${r.status}`);
  }
  const coldMedian = median(cold);
  // what any node process costs here, to read the CLI's own share from
  const bare = [];
  for (let i = 0; i < 10; i++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    bare.push(ms(process.hrtime.bigint() - start));
  }

  return [
    ...inProcess,
    { measure: `cold \`node cli.js verify ${one}\`, median of 10`, result: fmt(coldMedian), target: '< 300 ms', ok: coldMedian < 300 },
    { measure: 'baseline: cold `node -e 0`, median of 10', result: fmt(median(bare)), target: '', ok: undefined },
  ];
}
