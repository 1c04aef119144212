// Importers: the files where deployments already live -> plan fields with origins and warnings.
// Pure: the caller passes a reader for the files an imported file names (an engine's --config).
import { WorkBudgetExceeded } from '../core/work-budget.js';
import { type Engine, ENGINES, findInvocation, parseFlags } from './engine-args.js';
import { argsFromConfig } from './engine-config.js';
import { type FindConfig, runEngine } from './engine-run.js';
import { findSla, importAiconfigurator, importSla, isAiconfigurator } from './benchmarks.js';
import { scriptCommands } from './command-words.js';
import { importManifest } from './kubernetes.js';
import { FieldCollector, type ImportError, type ImportResult } from './result.js';
import { bothRoles, importRoles, roleFromFlags, type Role, type RoleRun } from './pools.js';
import { halfDisaggregated, importTrtllmDisaggregated, isTrtllmDisaggregated } from './trtllm-disaggregated.js';
import { type Word, type WrittenFile, writtenPath } from './shell.js';
import { readExpansion } from '../plan/read-value.js';
import { at, parseYamlFile, stringOf } from './yaml-tree.js';

export type { Engine } from './engine-args.js';
export { ENGINES } from './engine-args.js';
export type { ImportError, ImportResult } from './result.js';
export { mergeImports, type MergedImports } from './merge.js';

export interface ImportOptions {
  engine?: Engine;
  /** container, workload, Dynamo service or aiconfigurator worker/experiment to read */
  container?: string;
}

/** Reads a file by a path relative to the imported file's folder (the caller keeps it inside the repository). */
export type ReadRelative = (path: string) => { text: string } | { error: string };

/** `ref` relative to the folder of `from` (both repository paths with '/'); '..' resolved. */
export function relativeTo(from: string, ref: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const part of ref.split('/')) {
    // '..' climbs out of a named folder; above the start it stays, so ../../x keeps meaning that
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part === '..') parts.push('..');
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

/**
 * Finds an engine's options file: one the script itself wrote from a here-document (TensorRT-LLM's
 * deployment guides write `cat << EOF > ${EXTRA_LLM_API_FILE}` before trtllm-serve reads it), else a
 * file relative to the imported one.
 */
function configReader(read: ReadRelative, written?: { file: string; files: ReadonlyMap<string, WrittenFile> }): FindConfig {
  return (path) => {
    const here = written?.files.get(writtenPath(path));
    if (here !== undefined && written !== undefined) {
      if (here.unresolved.length > 0) {
        return { error: `could not resolve ${here.unresolved.map(readExpansion).join(', ')} in the here-document that writes it` };
      }
      const yaml = parseYamlFile(here.text);
      if ('error' in yaml) return { error: `the here-document that writes it: ${yaml.error}` };
      const root = yaml.docs[0];
      return root ? { root, file: written.file, mapLine: here.lineOf } : { error: 'the here-document that writes it is empty' };
    }
    if (path.startsWith('/')) return { error: 'an absolute path inside the container, and no ConfigMap in the same file holds it' };
    const got = read(path);
    if ('error' in got) return got;
    const yaml = parseYamlFile(got.text);
    if ('error' in yaml) return { error: yaml.error };
    const root = yaml.docs[0];
    return root ? { root, file: path } : { error: 'the file is empty' };
  };
}

const SCRIPT_EXTENSIONS = /\.(sh|bash|txt|cmd|command)$/i;

/**
 * Prefill and decode servers started side by side (SGLang's --disaggregation-mode pairs, vLLM workers
 * of Dynamo): each command is one worker; the extra nodes of a multi-node worker (--node-rank > 0) add none.
 */
function scriptRoles(commands: readonly (readonly Word[])[], engine: Engine | undefined): RoleRun[] | null {
  const runs: (RoleRun & { role: Role | undefined })[] = [];
  for (const words of commands) {
    const found = findInvocation([words], engine);
    if (!found) continue;
    // the script's own command line: a flag it does not give is the engine's default
    const args = { ...parseFlags(found.engine, found.words, found.start, found.words[0]?.line ?? 1), wholeCommand: true };
    const rank = args.flags.get('node-rank')?.value;
    if (typeof rank === 'string' && rank.trim() !== '0') continue;
    const role = roleFromFlags(args);
    runs.push({
      role: role as Role,
      args,
      workers: { count: 1, line: found.words[0]?.line ?? 1 },
      label: `the ${role ?? 'unmarked'} server on line ${found.words[0]?.line ?? 1}`,
    });
  }
  const both = bothRoles(runs);
  if (!both) return null;
  // several identical servers of one role are that many workers
  const out: RoleRun[] = [];
  for (const role of ['prefill', 'decode'] as const) {
    const own = both.filter((r) => r.role === role);
    out.push({ ...own[0]!, workers: { count: own.length, line: own[0]!.workers.line } });
  }
  return out;
}

function importScript(file: string, text: string, options: ImportOptions, read: ReadRelative): ImportResult | ImportError {
  const files = new Map<string, WrittenFile>();
  const commands = scriptCommands(text, files);
  const findConfig = configReader(read, { file, files });
  const roles = scriptRoles(commands, options.engine);
  if (roles) {
    const c = new FieldCollector(file);
    importRoles(c, roles, findConfig);
    return c.result();
  }
  // the engine the plan names, else whichever one the script starts (with a warning below)
  const found = findInvocation(commands, options.engine) ?? findInvocation(commands, undefined);
  if (!found) {
    const which = options.engine ? `'${options.engine}'` : 'vllm serve, python -m sglang.launch_server or trtllm-serve';
    return { error: `no ${which} command found` };
  }
  const c = new FieldCollector(file);
  if (options.engine && options.engine !== found.engine) {
    c.warn(`${file}: the plan says engine ${options.engine} but the script runs ${found.engine}; read with ${found.engine}'s semantics`);
  }
  const line = found.words[0]?.line ?? 1;
  const facts = runEngine({ ...parseFlags(found.engine, found.words, found.start, line), wholeCommand: true }, c, {}, findConfig);
  if (facts.world_size !== undefined) c.set('hardware.gpus', facts.world_size, facts.line);
  return c.result();
}

/**
 * Imports one file: a Kubernetes manifest, an engine command line (script), an engine --config YAML,
 * an aiconfigurator experiment or a Dynamo SLA. `read` resolves paths relative to this file.
 */
export function importDeployment(file: string, text: string, options: ImportOptions, read: ReadRelative): ImportResult | ImportError {
  try {
    if (SCRIPT_EXTENSIONS.test(file)) return importScript(file, text, options, read);
    const yaml = parseYamlFile(text);
    if ('error' in yaml) return yaml;
    const root = yaml.docs[0];
    if (root?.kind !== 'map') return importScript(file, text, options, read);
    const kinds = yaml.docs.map((d) => stringOf(at(d, 'kind')));
    const slaHolder = yaml.docs.find((d) => stringOf(at(d, 'kind')) === 'DynamoGraphDeploymentRequest');
    if (slaHolder) {
      const sla = findSla(slaHolder);
      return sla ? importSla(file, sla) : { error: 'a DynamoGraphDeploymentRequest without an sla section', line: slaHolder.line };
    }
    if (kinds.some((k) => k !== undefined) && at(root, 'apiVersion') !== undefined) {
      return importManifest(file, yaml, options, configReader(read));
    }
    if (isAiconfigurator(root)) return importAiconfigurator(file, yaml, options.container);
    if (isTrtllmDisaggregated(root)) return importTrtllmDisaggregated(file, root, configReader(read));
    const half = halfDisaggregated(root);
    if (half) return half;
    const sla = findSla(root);
    if (sla) return importSla(file, sla);
    if (!options.engine) {
      return { error: `not a manifest, aiconfigurator or SLA file; if it is an engine config, say which engine (deployment.engine: ${ENGINES.join(' | ')})` };
    }
    const c = new FieldCollector(file);
    const facts = runEngine(argsFromConfig(options.engine, root), c, {}, configReader(read));
    if (facts.world_size !== undefined) c.set('hardware.gpus', facts.world_size, facts.line);
    return c.result();
  } catch (err) {
    if (err instanceof WorkBudgetExceeded) throw err; // the plan's budget, reported by whoever set it
    // the error's message may quote the file: only its kind is said
    return { error: `internal error while importing (${err instanceof Error ? err.name : 'a failure'})` };
  }
}
