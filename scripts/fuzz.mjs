// npm run fuzz [-- --scale N] [-- --seed S] [-- --budget-ms B]: the fuzz targets, one per parser
// (__tests__/fuzz.test.ts: plans, config.json, shell scripts, Kubernetes manifests, engine
// configs, the importers' fixtures with a canary no message may echo, and the growth target at the
// 1 MiB size limit), the robustness properties of
// __tests__/robustness-properties.test.ts and the figures' invariants of
// __tests__/core-invariants.test.ts, with N times the CI's generated inputs (default 50), a
// fresh seed (printed, so a failure can be replayed with --seed) and a CPU-time budget per input
// (default 1000 ms), within --max-minutes (default 60). CI runs scale 1 with a fixed seed and
// 256 KiB growth; this is the longer run a person starts.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: process.env.PPC_FUZZ_SCALE ?? '50' },
    seed: { type: 'string', default: process.env.PPC_FUZZ_SEED },
    'budget-ms': { type: 'string', default: process.env.PPC_FUZZ_BUDGET_MS ?? '1000' },
    'max-minutes': { type: 'string', default: '60' },
  },
});
const scale = Number(values.scale);
if (!Number.isInteger(scale) || scale < 1) {
  console.error(`fuzz: --scale must be a whole number of at least 1, got '${values.scale}'`);
  process.exit(2);
}
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
if (!Number.isSafeInteger(seed)) {
  console.error(`fuzz: --seed must be an integer, got '${values.seed}'`);
  process.exit(2);
}
const budgetMs = Number(values['budget-ms']);
if (!(budgetMs > 0)) {
  console.error(`fuzz: --budget-ms must be a positive number, got '${values['budget-ms']}'`);
  process.exit(2);
}

const maxMinutes = Number(values['max-minutes']);
if (!(maxMinutes > 0)) {
  console.error(`fuzz: --max-minutes must be a positive number, got '${values['max-minutes']}'`);
  process.exit(2);
}

console.log(`fuzz: scale ${scale}, seed ${seed}, ${budgetMs} ms per input (replay: npm run fuzz -- --scale ${scale} --seed ${seed})`);
const started = Date.now();
const run = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    '__tests__/fuzz.test.ts',
    '__tests__/robustness-properties.test.ts',
    '__tests__/core-invariants.test.ts',
    '--testTimeout',
    '0',
    '--silent=false',
  ],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      PPC_FUZZ_SCALE: String(scale),
      PPC_FUZZ_SEED: String(seed),
      PPC_FUZZ_BUDGET_MS: String(budgetMs),
      PPC_FUZZ_GROWTH_BYTES: String(1024 * 1024),
    },
    // an input that never finishes (runaway backtracking) cannot fail its time check: the whole run's limit catches it
    timeout: maxMinutes * 60_000,
    killSignal: 'SIGKILL',
  },
);
const outcome =
  run.status === 0 ? 'no failure' : run.status === null ? `FAILED: no end within ${maxMinutes} min (an input that never finishes is a finding too)` : 'FAILED';
console.log(`fuzz: ${outcome} after ${((Date.now() - started) / 1000).toFixed(0)} s (seed ${seed})`);
process.exit(run.status ?? 1);
