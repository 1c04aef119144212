// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with ncc.
// ncc writes one entry per run; both are built under build/ and dist/ is swapped in at the end,
// so a test reading dist/ never sees it half-written.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

const ncc = ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', '--quiet', '--target', 'es2022'];
const work = `build/package-${process.pid}`;
rmSync(work, { recursive: true, force: true });
execFileSync(process.execPath, [...ncc, 'src/main.ts', '-o', `${work}/action`, '--license', 'licenses.txt'], { stdio: 'inherit' });
execFileSync(process.execPath, [...ncc, 'src/cli.ts', '-o', `${work}/cli`], { stdio: 'inherit' });
// the layout screen's helper thread (src/suggest/screen-threads.ts starts it from beside either bundle)
execFileSync(process.execPath, [...ncc, 'src/suggest/screen-worker.ts', '-o', `${work}/screen-worker`], { stdio: 'inherit' });
for (const part of ['cli', 'screen-worker']) {
  const extra = readdirSync(`${work}/${part}`).filter((f) => f !== 'index.js' && f !== 'package.json');
  if (extra.length > 0) throw new Error(`${part} bundle has extra files ncc split out: ${extra.join(', ')}`);
}

const out = `${work}/dist`;
mkdirSync(out, { recursive: true });
for (const f of readdirSync(`${work}/action`)) copyFileSync(`${work}/action/${f}`, `${out}/${f}`);
copyFileSync(`${work}/screen-worker/index.js`, `${out}/screen-worker.js`);
const cli = readFileSync(`${work}/cli/index.js`, 'utf8');
// `npx parallel-plan-check` runs dist/cli.js directly: it needs the shebang.
writeFileSync(`${out}/cli.js`, cli.startsWith('#!') ? cli : `#!/usr/bin/env node\n${cli}`);
chmodSync(`${out}/cli.js`, 0o755);
rmSync('dist', { recursive: true, force: true });
renameSync(out, 'dist');
rmSync(work, { recursive: true, force: true });
