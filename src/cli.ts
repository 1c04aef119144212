// The command line: parallel-plan-check verify [files, folders or globs ...] (see src/io/commands.ts).
import packageJson from '../package.json' with { type: 'json' };
import { runCli } from './io/commands.js';
import { processIo } from './io/console.js';

const io = processIo();
// a closed pipe (`... | head`) is not an error worth a stack trace
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});
try {
  process.exitCode = runCli(process.argv.slice(2), io, packageJson.version);
} catch (err) {
  io.stderr(`parallel-plan-check: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
}
