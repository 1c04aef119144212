// A container's command and args (or a script) as shell commands of expanded words.
// argv items are words as they are (after Kubernetes' own $(VAR) expansion); `sh -c "<script>"` and
// `bash -c` scripts are split as the shell would split them, with the container's env.
import { clusterSet, expandKubernetes, lineMapOf, shellCommands, type Word, type WrittenFile } from './shell.js';
import { type YamlFile, type YNode, valueLineMap } from './yaml-tree.js';

const SHELLS = /^(\/usr)?(\/bin\/)?(ba|da|z)?sh$/;

/**
 * The commands a container runs: argv as one command, or the commands of its shell script. `fromCluster`
 * names the variables the pod gets from the cluster (valueFrom): unknown here.
 */
export function containerCommands(
  file: YamlFile,
  items: readonly YNode[],
  env: Readonly<Record<string, string>>,
  fromCluster: ReadonlySet<string> = new Set(),
): Word[][] {
  const argv: { text: string; line: number; node: YNode }[] = [];
  for (const node of items) {
    if (node.kind !== 'scalar' || node.value === null) continue;
    argv.push({ text: expandKubernetes(String(node.value), env), line: node.line, node });
  }
  const shellAt = argv.findIndex((a, i) => SHELLS.test(a.text) && /^-[a-z]*c[a-z]*$/.test(argv[i + 1]?.text ?? ''));
  if (shellAt >= 0) {
    const script = argv[shellAt + 2];
    if (script?.node.kind !== 'scalar') return [];
    // the script as written (the shell step below also does Kubernetes' $(VAR)), so offsets match the file
    const raw = String(script.node.value);
    return shellCommands(raw, { env, lineOf: valueLineMap(file, script.node), fromCluster });
  }
  // words that still hold $(VAR) after Kubernetes' expansion name a variable it could not find
  return [
    argv.map((a) => {
      const left = [...a.text.matchAll(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g)].map((m) =>
        fromCluster.has(m[1] as string) ? clusterSet(m[1] as string) : (m[1] as string),
      );
      // without a shell, $VAR and ${VAR:-default} reach the engine as written: the variable is named, not its default
      for (const m of a.text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|\$([A-Za-z_][A-Za-z0-9_]*)/g))
        left.push(`${m[1] ?? m[2]} (argv without a shell: not expanded)`);
      return { text: a.text, line: a.line, unresolved: left };
    }),
  ];
}

/**
 * The commands of a plain script file (serve.sh, a README snippet); its own assignments apply in order.
 * `written` is filled with the files its here-documents write (an engine's options file).
 */
export function scriptCommands(text: string, written?: Map<string, WrittenFile>): Word[][] {
  return shellCommands(text, { env: {}, lineOf: lineMapOf(text), ...(written ? { written } : {}) });
}
