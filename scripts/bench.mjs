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

// `--one FILE`: run one bench module and print its title and rows as JSON on one line after a marker
// (the parent's child): whatever else a module prints is passed on, not mistaken for its rows.
const MARKER = 'bench-rows:';
const couldNotRun = (why) => [{ measure: 'could not run', result: why, target: '', ok: false }];
const oneAt = process.argv.indexOf('--one');
if (oneAt >= 0) {
  const file = process.argv[oneAt + 1];
  const bench = await import(pathToFileURL(join(benchDir, file)).href);
  let rows;
  try {
    rows = await bench.run();
    if (!Array.isArray(rows)) rows = couldNotRun('run() returned no list of rows');
  } catch (err) {
    rows = couldNotRun(String(err instanceof Error ? err.message : err).split('\n')[0]);
  }
  // exit once the line is written: a pipe may take it in several writes
  process.stdout.write(`\n${MARKER}${JSON.stringify({ title: bench.title ?? file, rows })}\n`, () => process.exit(0));
} else {
  const rows = [];
  let failed = false;
  for (const file of modules) {
    process.stderr.write(`bench: ${file} ...\n`);
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--one', file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const out = child.stdout ?? '';
    const at = out.lastIndexOf(`\n${MARKER}`);
    // what the module printed besides its rows is passed on, to stderr (stdout is the table's)
    if (at > 0) process.stderr.write(out.slice(0, at));
    let result;
    try {
      if (at < 0) throw new Error('no rows');
      result = JSON.parse(out.slice(at + MARKER.length + 1));
    } catch {
      result = { title: file, rows: couldNotRun(`exit ${child.status ?? child.signal}, no rows printed`) };
    }
    for (const row of result.rows) {
      rows.push([result.title, row.measure, row.result, row.target ?? '', row.ok === undefined ? '' : row.ok ? 'yes' : '**no**']);
      if (row.ok === false) failed = true;
    }
  }
  printTable(rows, failed);
}

function printTable(rows, failed) {
  const header = ['Bench', 'Measure', 'Result', 'Target', 'Met'];
  const line = (cells) => `| ${cells.join(' | ')} |`;
  console.log([line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n'));
  // timings on a busy machine mean little: say how busy it was
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
  console.log(`\nNode ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} CPUs, load average ${load}, ${new Date().toISOString()}`);
  if (failed) process.exitCode = 1;
}
