// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with ncc.
// ncc writes one entry per run; the CLI is built into build/ and copied beside the action.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, readdirSync, chmodSync, readFileSync, writeFileSync } from 'node:fs';

const ncc = ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', '--quiet', '--target', 'es2022'];
rmSync('dist', { recursive: true, force: true });
rmSync('build/cli', { recursive: true, force: true });
execFileSync(process.execPath, [...ncc, 'src/main.ts', '-o', 'dist', '--license', 'licenses.txt'], { stdio: 'inherit' });
execFileSync(process.execPath, [...ncc, 'src/cli.ts', '-o', 'build/cli'], { stdio: 'inherit' });
mkdirSync('dist', { recursive: true });
const extra = readdirSync('build/cli').filter((f) => f !== 'index.js' && f !== 'package.json');
if (extra.length > 0) throw new Error(`CLI bundle has extra files ncc split out: ${extra.join(', ')}`);
const cli = readFileSync('build/cli/index.js', 'utf8');
// `npx parallel-plan-check` runs dist/cli.js directly: it needs the shebang.
writeFileSync('dist/cli.js', cli.startsWith('#!') ? cli : `#!/usr/bin/env node\n${cli}`);
chmodSync('dist/cli.js', 0o755);
