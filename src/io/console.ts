// What a command may do to the outside world; tests pass their own.
import { writeFileSync } from 'node:fs';

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  writeFile(path: string, text: string): void;
}

export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    writeFile: (path, text) => writeFileSync(path, text, 'utf8'),
  };
}
