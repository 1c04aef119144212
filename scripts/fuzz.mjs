// npm run fuzz [-- --scale N] [-- --seed S]: the robustness properties of
// __tests__/robustness-properties.test.ts with N times the CI's generated inputs (default 50)
// and a fresh seed (printed, so a failure can be replayed with --seed). CI runs scale 1 with a
// fixed seed; this is the longer run a person starts.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: process.env.PPC_FUZZ_SCALE ?? '50' }, seed: { type: 'string', default: process.env.PPC_FUZZ_SEED } },
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

console.log(`fuzz: scale ${scale}, seed ${seed} (replay: npm run fuzz -- --scale ${scale} --seed ${seed})`);
const started = Date.now();
const run = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '__tests__/robustness-properties.test.ts', '--testTimeout', '0', '--silent=false'],
  { stdio: 'inherit', env: { ...process.env, PPC_FUZZ_SCALE: String(scale), PPC_FUZZ_SEED: String(seed) } },
);
console.log(`fuzz: ${run.status === 0 ? 'no failure' : 'FAILED'} after ${((Date.now() - started) / 1000).toFixed(0)} s (seed ${seed})`);
process.exit(run.status ?? 1);
