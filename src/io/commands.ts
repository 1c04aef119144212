// The subcommands, in one table: a new one (e.g. `suggest`) is one more entry.
import { parseCommandLine, type OptionSpec, type OptionValues } from './command-line.js';
import type { CliIo } from './console.js';
import { escapeTerminal } from '../report/escape.js';
import { runSuggest, suggestOptions, suggestUsage } from './suggest-command.js';
import { EXIT_OK, EXIT_USAGE, runVerify, verifyOptions, verifyUsage } from './verify-command.js';

export interface Command {
  summary: string;
  usage: string;
  options: OptionSpec;
  run(values: OptionValues, positionals: string[], io: CliIo): number;
}

export const COMMANDS: Record<string, Command> = {
  verify: { summary: 'verify plan files and report what they achieve', usage: verifyUsage, options: verifyOptions, run: runVerify },
  suggest: { summary: 'search every valid layout and say what would make a plan pass', usage: suggestUsage, options: suggestOptions, run: runSuggest },
};

function generalUsage(): string {
  const commands = Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`)
    .join('\n');
  return `Usage: parallel-plan-check <command> [options]

Commands:
${commands}

Options:
  -h, --help       show help (also: parallel-plan-check <command> --help)
  -V, --version    show the version
`;
}

/** Runs one command line; returns the exit code. Bad input never throws. */
export function runCli(argv: readonly string[], io: CliIo, version: string): number {
  const options = Object.fromEntries(Object.entries(COMMANDS).map(([name, c]) => [name, c.options]));
  const line = parseCommandLine(argv, options);
  switch (line.kind) {
    case 'version':
      io.stdout(`${version}\n`);
      return EXIT_OK;
    case 'help':
      io.stdout(line.command ? (COMMANDS[line.command]?.usage ?? generalUsage()) : generalUsage());
      return EXIT_OK;
    case 'usage-error':
      // the message quotes an argument, which may be a file name from a pull request: one line, escaped
      io.stderr(`parallel-plan-check: ${escapeTerminal(line.message)}\n${line.showUsage ? `\n${generalUsage()}` : "Try 'parallel-plan-check --help'.\n"}`);
      return EXIT_USAGE;
    case 'command': {
      const command = COMMANDS[line.command];
      if (!command) return EXIT_USAGE;
      return command.run(line.values, line.positionals, io);
    }
  }
}
