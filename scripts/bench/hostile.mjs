// Hostile inputs at their size limits (issue 16): the slowest parse of each input that once stalled a
// check (config.json of blanks, a serve.sh of `$(`, engine configs of many keys and aliases, a
// manifest's script, plans), in CPU time, best of two after a warm-up; the target is 1 s each.
// __tests__/hardening-linear.test.ts checks that the time grows linearly and stays far from a stall;
// the figure against the 1 s target is a speed, so it is measured here. Uses build/bench, which
// core.mjs compiles first (benches run in file order; the compile includes __tests__/fixtures).
// run({ smoke, load }): the smoke test runs it from the sources on the smallest inputs.
import { cpSync, existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const title = 'hostile inputs';

const OUT = 'build/bench/';

/** CPU milliseconds of `work`: the best of `runs` runs after one warm-up (shared machines: the wall clock says more about the neighbours). */
export function cpuMs(work, runs = 2) {
  work();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    work();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

export async function run({ smoke = false, load, fixtures } = {}) {
  if (!load && !existsSync(`${OUT}src/core/index.js`)) throw new Error('build/bench is missing: core.mjs compiles it first');
  const from = load ?? ((path) => import(`${pathToFileURL(`${OUT}src/`).href}${path}`));
  const { verifyPlanText } = await from('core/index.js');
  const { importDeployment } = await from('import/index.js');
  const { parseHfConfig } = await from('plan/hfConfig.js');
  // the compiled fixtures read the example plans beside them (build/bench/examples)
  if (!fixtures && !existsSync(`${OUT}examples`)) cpSync('examples', `${OUT}examples`, { recursive: true });
  const { slowInputs } = fixtures ?? (await import(`${pathToFileURL(`${OUT}__tests__/fixtures/hostile/`).href}slow-inputs.js`));
  const noReferences = () => ({ error: 'none' });
  const parse = (input) =>
    input.parser === 'config.json'
      ? parseHfConfig(input.text)
      : input.parser === 'plan'
        ? verifyPlanText(input.file, input.text, noReferences, Infinity)
        : importDeployment(input.file, input.text, { engine: 'vllm' }, noReferences);
  // the doubling variables stop at the work budget by design: not a parse to time
  const inputs = slowInputs().filter((i) => !/double/.test(i.name));
  const timed = (smoke ? inputs.slice(0, 2) : inputs).map((input) => ({ name: input.name, ms: cpuMs(() => parse(input), smoke ? 1 : 2) }));
  const slowest = timed.reduce((a, b) => (b.ms > a.ms ? b : a));
  return [
    {
      measure: `${timed.length} inputs at their size limits, slowest parse in CPU time (best of 2): ${slowest.name}`,
      result: `${slowest.ms.toFixed(0)} ms`,
      target: smoke ? '' : '≤ 1000 ms each',
      ok: smoke ? undefined : slowest.ms <= 1000,
    },
  ];
}
