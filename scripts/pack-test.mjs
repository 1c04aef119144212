// The package as a user gets it: `npm pack`, then install the tarball into an empty folder, run
// it with npx from the tarball, and install it from git; each time `parallel-plan-check verify`
// must work on plans outside this repository. Every install runs with --offline and an empty
// npm cache of its own: it proves the package needs nothing from the registry (dist/ bundles
// everything). PPC_TEST_NODE (a Node 24 binary in .ci/run) runs the installed CLI a second time.
// Exit 1 on the first failure; the temporary folder is removed either way.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const PASSING = 'llama-3.1-8b-1xh100.plan.yaml';
const FAILING = 'seed.plan.yaml';
/** What the tarball must hold, and what it must not. */
const REQUIRED = [
  'package.json',
  'README.md',
  'LICENSE',
  'action.yml',
  'dist/cli.js',
  'dist/index.js',
  'dist/licenses.txt',
  'schema/plan.schema.json',
  `examples/${PASSING}`,
];
const FORBIDDEN = /^(src|__tests__|scripts|validation|demo|node_modules|\.ci|\.github)\//;

const work = mkdtempSync(join(tmpdir(), 'ppc-pack-'));
let step = 'start';

function fail(message) {
  throw new Error(`${step}: ${message}`);
}

/** Runs a command; a non-zero exit is a failure that shows its output. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20, ...options });
  if (result.error) fail(`${command} ${args.join(' ')}: ${result.error.message}`);
  return result;
}

function npm(args, cwd) {
  const result = run('npm', [...args, '--offline', '--cache', join(work, 'npm-cache'), '--no-audit', '--no-fund', '--loglevel', 'error'], { cwd });
  if (result.status !== 0) fail(`npm ${args.join(' ')} exited ${result.status}\n${result.stdout}${result.stderr}`);
  return result;
}

/** An empty project folder to install into. */
function emptyProject(name) {
  const folder = join(work, name);
  mkdirSync(folder);
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: `ppc-pack-test-${name}`, private: true }));
  return folder;
}

/** Plans in a folder of their own, away from this repository. */
function plansFolder() {
  const folder = join(work, 'plans');
  mkdirSync(folder);
  for (const name of [PASSING, FAILING]) copyFileSync(join(ROOT, 'examples', name), join(folder, name));
  return folder;
}

/** The install holds the package alone: nothing else was needed from the registry. */
function expectAlone(project) {
  const installed = readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.'));
  if (installed.join() !== pkg.name) fail(`node_modules holds ${installed.join(', ')}: the package must install no dependency`);
}

/** `verify` on a passing and a failing plan, through the given command (a path or npx). */
function expectVerifyWorks(label, command, prefixArgs, cwd, env = process.env) {
  const verify = (...args) => run(command, [...prefixArgs, ...args], { cwd, env });
  const version = verify('--version');
  if (version.status !== 0 || version.stdout.trim() !== pkg.version)
    fail(`${label} --version printed '${version.stdout.trim()}' (exit ${version.status}), expected ${pkg.version}`);
  const pass = verify('verify', PASSING, '--format', 'json');
  if (pass.status !== 0 || JSON.parse(pass.stdout).plans?.[0]?.file !== PASSING)
    fail(`${label} verify ${PASSING} exited ${pass.status}:\n${pass.stdout.slice(0, 2000)}${pass.stderr}`);
  const failing = verify('verify', FAILING, '--format', 'json');
  if (failing.status !== 1) fail(`${label} verify ${FAILING} exited ${failing.status}, expected 1 (the seed fails):\n${failing.stderr}`);
  const report = JSON.parse(failing.stdout);
  const throughput = report.plans?.[0]?.checks?.find((c) => c.id === 'claims.throughput');
  if (report.verdict !== 'fail' || throughput?.status !== 'fail') fail(`${label}: the seed's claimed throughput did not fail: ${JSON.stringify(throughput)}`);
  console.log(`  ${label}: --version ${pkg.version}, ${PASSING} passes, ${FAILING} fails on claims.throughput`);
}

/** The same checks under PPC_TEST_NODE, first on PATH (the bin's `#!/usr/bin/env node` finds it). */
function alsoUnderTestNode(label, command, prefixArgs, cwd) {
  const node = process.env.PPC_TEST_NODE;
  if (!node) return;
  const env = { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH}` };
  const version = run('node', ['--version'], { env }).stdout.trim();
  expectVerifyWorks(`${label} on node ${version}`, command, prefixArgs, cwd, env);
}

try {
  step = 'npm pack';
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work, '--loglevel', 'error'], { cwd: ROOT }).stdout)[0];
  const files = packed.files.map((f) => f.path);
  const missing = REQUIRED.filter((f) => !files.includes(f));
  if (missing.length > 0) fail(`the tarball lacks ${missing.join(', ')}`);
  const stray = files.filter((f) => FORBIDDEN.test(f));
  if (stray.length > 0) fail(`the tarball holds development files: ${stray.slice(0, 5).join(', ')}`);
  if (Object.keys(pkg.dependencies ?? {}).length > 0) fail(`package.json has dependencies: ${Object.keys(pkg.dependencies).join(', ')}`);
  const tarball = join(work, packed.filename);
  console.log(`pack test: ${packed.filename}, ${files.length} files, ${(packed.size / 1e6).toFixed(2)} MB`);
  const plans = plansFolder();

  step = 'install the tarball';
  const fromTarball = emptyProject('tarball');
  npm(['install', tarball], fromTarball);
  expectAlone(fromTarball);
  const bin = join(fromTarball, 'node_modules', '.bin', 'parallel-plan-check');
  expectVerifyWorks('installed from the tarball', bin, [], plans);
  alsoUnderTestNode('installed from the tarball', bin, [], plans);

  step = 'npx from the tarball';
  const npxArgs = ['exec', '--offline', '--cache', join(work, 'npm-cache'), '--yes', '--package', tarball, '--', 'parallel-plan-check'];
  expectVerifyWorks('npx --package <tarball>', 'npm', npxArgs, plans);

  step = 'install from git';
  // npm runs `npm install` (every devDependency) in a git dependency before packing it when one of
  // these scripts exists: the git install would need the registry and minutes.
  const preparing = ['build', 'preinstall', 'install', 'postinstall', 'prepack', 'prepare'].filter((name) => pkg.scripts?.[name]);
  if (preparing.length > 0)
    fail(`package.json has script ${preparing.join(', ')}: npm would install every devDependency to prepare a git install; name it otherwise`);
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  if (execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '') {
    console.log(`  (the working tree has uncommitted changes: the git install gets the last commit, ${head.slice(0, 7)})`);
  }
  const fromGit = emptyProject('git');
  npm(['install', `git+file://${ROOT}#${head}`], fromGit);
  expectAlone(fromGit);
  expectVerifyWorks(`installed from git (${head.slice(0, 7)})`, join(fromGit, 'node_modules', '.bin', 'parallel-plan-check'), [], plans);
  console.log('pack test: passed');
} catch (error) {
  console.error(`pack test failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
