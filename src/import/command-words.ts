// A container's command and args (or a script) as shell commands of expanded words.
// argv items are words as they are (after Kubernetes' own $(VAR) expansion); `sh -c "<script>"` and
// `bash -c` scripts are split as the shell would split them, with the container's env.
import { expandKubernetes, lineMapOf, shellCommands, type Word } from './shell.js';
import { type YamlFile, type YNode, valueLineMap } from './yaml-tree.js';

const SHELLS = /^(\/usr)?(\/bin\/)?(ba|da|z)?sh$/;

/** The commands a container runs: argv as one command, or the commands of its shell script. */
export function containerCommands(file: YamlFile, items: readonly YNode[], env: Readonly<Record<string, string>>): Word[][] {
  const argv: { text: string; line: number; node: YNode }[] = [];
  for (const node of items) {
    if (node.kind !== 'scalar' || node.value === null) continue;
    argv.push({ text: expandKubernetes(String(node.value), env), line: node.line, node });
  }
  const shellAt = argv.findIndex((a, i) => SHELLS.test(a.text) && /^-[a-z]*c[a-z]*$/.test(argv[i + 1]?.text ?? ''));
  if (shellAt >= 0) {
    const script = argv[shellAt + 2];
    if (!script || script.node.kind !== 'scalar') return [];
    const rawLines = valueLineMap(file, script.node);
    return shellCommands(script.text, { env, lineOf: rawLines });
  }
  // words that still hold $(VAR) after Kubernetes' expansion name a variable it could not find
  return [
    argv.map((a) => {
      const left = [...a.text.matchAll(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g)].map((m) => m[1] as string);
      // without a shell, $VAR reaches the engine as written
      for (const m of a.text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g)) left.push(`${m[0]} (argv without a shell: not expanded)`);
      return { text: a.text, line: a.line, unresolved: left };
    }),
  ];
}

/** Simple `NAME=value` / `export NAME=value` assignments in a script, in order (values unquoted). */
export function scriptAssignments(script: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const m of script.matchAll(/^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)=("[^"\n]*"|'[^'\n]*'|[^\s;#]*)/gm)) {
    const raw = m[2] as string;
    const value = raw.replace(/^(["'])(.*)\1$/, '$2');
    // later assignments may use earlier ones
    const [cmd] = shellCommands(value.includes('$') ? `"${value}"` : `'${value}'`, { env, lineOf: () => 0 });
    env[m[1] as string] = cmd?.[0]?.text ?? value;
  }
  return env;
}

/** The commands of a plain script file (serve.sh, a README snippet), with its own assignments as env. */
export function scriptCommands(text: string): Word[][] {
  return shellCommands(text, { env: scriptAssignments(text), lineOf: lineMapOf(text) });
}
