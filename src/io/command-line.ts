// Splitting the command line into a subcommand and its options. Each subcommand declares its
// options (node:util parseArgs config); unknown options and missing values are usage errors.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | undefined>;

export type CommandLine =
  | { kind: 'help'; command?: string }
  | { kind: 'version' }
  | { kind: 'command'; command: string; values: OptionValues; positionals: string[] }
  | { kind: 'usage-error'; message: string; showUsage?: boolean };

const GLOBAL_OPTIONS: OptionSpec = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
};

function parse(args: string[], options: OptionSpec): { values: OptionValues; positionals: string[] } | { error: string } {
  try {
    const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals: true });
    return { values: values as OptionValues, positionals };
  } catch (err) {
    // parseArgs explains itself ("Unknown option '--x'"); its hint about '--' helps too. The lines
    // of its hints join the first (the message is escaped for the terminal, where a newline reads
    // \x0a); a newline inside an argument stays escaped.
    return { error: (err instanceof Error ? err.message : String(err)).replace(/\n(?=(?:Did you forget|To specify) )/g, ' ') };
  }
}

/**
 * The subcommand is the first argument that is not an option (only --help and --version may
 * come before it); `commandOptions` gives each known subcommand's options; `--help` and `--version` work everywhere. */
export function parseCommandLine(argv: readonly string[], commandOptions: Readonly<Record<string, OptionSpec>>): CommandLine {
  const commandIndex = argv.findIndex((arg) => !arg.startsWith('-'));
  const command = commandIndex >= 0 ? argv[commandIndex] : undefined;
  if (command === undefined || !(command in commandOptions)) {
    const global = parse([...argv], GLOBAL_OPTIONS);
    if ('error' in global) return { kind: 'usage-error', message: global.error };
    if (global.values.version) return { kind: 'version' };
    if (global.values.help) return { kind: 'help' };
    if (command === undefined) return { kind: 'usage-error', message: 'no command given', showUsage: true };
    return { kind: 'usage-error', message: `unknown command '${command ?? ''}'; the commands are: ${Object.keys(commandOptions).join(', ')}` };
  }
  const rest = [...argv.slice(0, commandIndex), ...argv.slice(commandIndex + 1)];
  const parsed = parse(rest, { ...GLOBAL_OPTIONS, ...commandOptions[command] });
  if ('error' in parsed) return { kind: 'usage-error', message: parsed.error };
  if (parsed.values.help) return { kind: 'help', command };
  if (parsed.values.version) return { kind: 'version' };
  return { kind: 'command', command, values: parsed.values, positionals: parsed.positionals };
}
