// A value read from a file a plan names (config.json, an engine script, a manifest) in a message. The
// file may be one an earlier step of the job wrote (a credentials JSON, an .env), so such values are
// never quoted into a report: a value is named only when it is one of the reader's own list, or a
// short number (neither is a secret), else it is described by its length. Names such a file gives (a
// manifest's kind, a workload, container or service, a variable, the path of a file it names) are
// shown as a plan's unknown keys are (keyLabel): when they are plain and short, else described.
import { keyLabel } from './source.js';

/** A short plain number (-1, 0.95, 1024): worth showing why a flag was refused, and no secret. */
const SHORT_NUMBER = /^[-+]?\d{1,5}(\.\d{1,4})?$/;

/** `"value"` when `known` holds it or it is a short number, `(none)` when empty, else `(a value of N characters, not shown)`. */
export function readValue(value: string, known: ReadonlySet<string> | readonly string[] = []): string {
  if (value === '') return '(none)';
  const list: ReadonlySet<string> = known instanceof Set ? known : new Set(known as readonly string[]);
  return list.has(value) || SHORT_NUMBER.test(value) ? `"${value}"` : `(a value of ${value.length} characters, not shown)`;
}

/** Whether a name (a path: each part between '/') is plain and short enough to show, as keyLabel shows a key. */
export function isPlainName(name: string): boolean {
  return name.length <= 200 && name.split('/').every((part) => part === '.' || part === '..' || keyLabel(part).startsWith("'"));
}

/** `'name'` when it is plain (isPlainName), else `(a name of N characters, not shown)`. */
export function readName(name: string): string {
  return isPlainName(name) ? `'${name}'` : `(a name of ${name.length} characters, not shown)`;
}

/**
 * An option as a file wrote it (--max-model-len, -O.level, a config key), for a message: as written when its
 * name is plain and short (keyLabel), else described by its length. A flag the importer does not know, or a
 * dotted key of one it does (--hf-overrides.<anything>), is the file's text.
 */
export function readFlag(written: string): string {
  const dashes = /^-*/.exec(written)?.[0] ?? '';
  return keyLabel(written.slice(dashes.length)).startsWith("'") ? written : `an option (a key of ${written.length - dashes.length} characters, not shown)`;
}

/**
 * What a shell expansion that could not be resolved is, for a message: a variable by its name when
 * plain (TP, $(TP)), a special parameter ($1) as it is, anything else ($(command), $((…)), ${…}) by
 * its kind and length: none is run, and what it says may be anything the file holds.
 */
export function readExpansion(text: string): string {
  // The importer's own note on why a variable stays unresolved follows its name: the name is read as
  // any other, the note (the importer's words, not the file's) is kept.
  const noted =
    /^([A-Za-z_][A-Za-z0-9_]*) (\((?:argv without a shell: not expanded|set in the pod by valueFrom, not in the manifest(?:; a default applies only if that leaves it (?:unset or empty|unset))?)\))$/.exec(
      text,
    );
  if (noted) return `${readExpansion(noted[1] as string)} ${noted[2]}`;
  const variable = /^(?:\$\()?([A-Za-z_][A-Za-z0-9_]*)\)?$/.exec(text);
  if (variable && text.startsWith('$(') === text.endsWith(')')) {
    const name = variable[1] as string;
    if (isPlainName(name)) return text;
    return `a variable (a name of ${name.length} characters, not shown)`;
  }
  if (/^\$[0-9@*#?$!-]$/.test(text)) return text;
  if (text.startsWith('$((')) return `an arithmetic expansion $((…)) of ${text.length} characters (not shown)`;
  if (text.startsWith('$(')) return `a command substitution $(…) of ${text.length} characters (not run, not shown)`;
  return `an expansion of ${text.length} characters (not shown)`;
}
