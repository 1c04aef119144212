// `npm run bench`: runs every scripts/bench/*.mjs and prints one markdown table.
// Each bench module exports `title` and `async run()` returning rows { measure, result, target, ok }.
import { readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const modules = readdirSync(benchDir)
  .filter((f) => f.endsWith('.mjs'))
  .sort();

const rows = [];
let failed = false;
for (const file of modules) {
  const bench = await import(pathToFileURL(join(benchDir, file)).href);
  process.stderr.write(`bench: ${bench.title ?? file} ...\n`);
  try {
    for (const row of await bench.run()) {
      rows.push([bench.title ?? file, row.measure, row.result, row.target ?? '', row.ok === undefined ? '' : row.ok ? 'yes' : '**no**']);
      if (row.ok === false) failed = true;
    }
  } catch (err) {
    rows.push([bench.title ?? file, 'could not run', String(err instanceof Error ? err.message : err).split('\n')[0], '', '**no**']);
    failed = true;
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
