// The command line run in process: what it printed, what it wrote, and its exit code.
import { runCli } from '../src/io/commands.js';
import type { CliIo } from '../src/io/console.js';

export function runInProcess(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const files: Record<string, string> = {};
  const io: CliIo = {
    cwd: process.cwd(),
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    writeFile: (path, text) => {
      files[path] = text;
    },
  };
  const code = runCli(argv, io, '9.9.9');
  return { code, stdout, stderr, files };
}
