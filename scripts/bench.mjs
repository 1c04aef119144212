// `npm run bench`: runs every scripts/bench/*.mjs and prints one markdown table.
// Each bench module exports `title` and `async run()` returning rows { measure, result, target, ok }.
// Each runs in a process of its own, as the CLI and the action do: in one shared process a bench
// inherited the heap the earlier ones left (the 1,000-plan and 4 MiB-input benches) and its garbage
// collections read a third slower (suggest on 1,024 devices: 2.2 s after them, 1.5 s alone).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const modules = readdirSync(benchDir)
  .filter((f) => f.endsWith('.mjs'))
  .sort();

// `--one FILE`: run one bench module and print its title and rows as JSON (the parent's child).
const oneAt = process.argv.indexOf('--one');
if (oneAt >= 0) {
  const file = process.argv[oneAt + 1];
  const bench = await import(pathToFileURL(join(benchDir, file)).href);
  let rows;
  try {
    rows = await bench.run();
  } catch (err) {
    rows = [{ measure: 'could not run', result: String(err instanceof Error ? err.message : err).split('\n')[0], target: '', ok: false }];
  }
  process.stdout.write(JSON.stringify({ title: bench.title ?? file, rows }));
  process.exit(0);
}

const rows = [];
let failed = false;
for (const file of modules) {
  process.stderr.write(`bench: ${file} ...\n`);
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--one', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  let result;
  try {
    result = JSON.parse(child.stdout);
  } catch {
    result = { title: file, rows: [{ measure: 'could not run', result: `exit ${child.status ?? child.signal}`, target: '', ok: false }] };
  }
  for (const row of result.rows) {
    rows.push([result.title, row.measure, row.result, row.target ?? '', row.ok === undefined ? '' : row.ok ? 'yes' : '**no**']);
    if (row.ok === false) failed = true;
  }
}

const header = ['Bench', 'Measure', 'Result', 'Target', 'Met'];
const line = (cells) => `| ${cells.join(' | ')} |`;
console.log([line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n'));
// timings on a busy machine mean little: say how busy it was
const load = loadavg()
  .map((l) => l.toFixed(2))
  .join(', ');
console.log(`\nNode ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} CPUs, load average ${load}, ${new Date().toISOString()}`);
if (failed) process.exitCode = 1;
