// Shell words as `sh -c` would see them, for the command lines that manifests and scripts start engines with.
// Handles quotes, escapes, line continuations, comments, command separators, $VAR / ${VAR} / ${VAR:-default},
// $(( )) arithmetic and Kubernetes' own $(VAR). It never runs anything: $(command) and unknown variables
// are left unresolved and named, so the importer can warn about them.
import { chargeWork } from '../core/work-budget.js';

export interface Word {
  text: string;
  line: number;
  /** variables or substitutions in this word that could not be resolved */
  unresolved: string[];
}

export interface ShellContext {
  /** the container's environment (its `env:` list), already expanded */
  env: Readonly<Record<string, string>>;
  /** 1-based line in the source file of an offset in the script */
  lineOf: (offset: number) => number;
  /** variables the pod has but the manifest does not say (env valueFrom): unknown here, whatever default a script gives */
  fromCluster?: ReadonlySet<string>;
  /** filled with the files the script writes from here-documents (`cat > config.yml <<EOF`), by path as written */
  written?: Map<string, WrittenFile>;
}

/** A file a script writes from a here-document: its text, and the line of the script each of its lines is on. */
export interface WrittenFile {
  text: string;
  /** 1-based line of the file -> 1-based line of the script */
  lineOf: (line: number) => number;
  /** variables of an unquoted here-document that could not be resolved */
  unresolved: string[];
}

/** A path as a script names it, for matching a file it writes with a file an engine reads (./a.yml is a.yml). */
export const writtenPath = (path: string): string => path.replace(/^(\.\/)+/, '');

/** Where `cat > PATH <<EOF` (or `cat <<EOF >PATH`, `tee PATH <<EOF`) sends its here-document, if it is a file. */
function heredocTarget(words: readonly Word[]): string | undefined {
  const command = words[0]?.text.split('/').pop();
  if (command === 'cat') {
    for (let i = 1; i < words.length; i++) {
      const t = (words[i] as Word).text;
      if (t === '>' || t === '>>' || t === '>|') return words[i + 1]?.text;
      const m = /^>{1,2}\|?(.+)$/.exec(t);
      if (m) return m[1];
    }
    return undefined;
  }
  if (command === 'tee') return words.slice(1).find((w) => !w.text.startsWith('-'))?.text;
  return undefined;
}

/** What to name for a variable the cluster sets: it is set in the pod, so a `${VAR:-default}` is not its value either. */
export function clusterSet(name: string, defaultOp?: string): string {
  const fallback = defaultOp === undefined ? '' : `; a default applies only if that leaves it ${defaultOp.startsWith(':') ? 'unset or empty' : 'unset'}`;
  return `${name} (set in the pod by valueFrom, not in the manifest${fallback})`;
}

/**
 * Kubernetes expands $(VAR) in command, args and env values before any shell runs, from the variables
 * defined so far; $$ is a literal $; an unknown $(VAR) stays as written.
 */
export function expandKubernetes(text: string, env: Readonly<Record<string, string>>): string {
  chargeWork(text.length);
  return text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (match, name: string | undefined) => {
    if (match === '$$') return '$';
    if (name === undefined || !Object.hasOwn(env, name)) return match;
    const value = env[name] as string;
    chargeWork(value.length);
    return value;
  });
}

/** Integer arithmetic as in $(( )): + - * / % and parentheses, names read from env. */
export function evaluateArithmetic(expr: string, env: Readonly<Record<string, string>>): { value: number } | { unresolved: string } {
  const tokens = expr.match(/\s*(\d+|[A-Za-z_][A-Za-z0-9_]*|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\*\*|[-+*/%()])\s*/gy);
  const joined = tokens?.join('') ?? '';
  if (!tokens || joined.length !== expr.length) return { unresolved: `$((${expr}))` };
  const items = tokens.map((t) => t.trim());
  let pos = 0;
  let missing: string | undefined;
  const peek = (): string | undefined => items[pos];
  const primary = (): number => {
    const t = items[pos++];
    if (t === undefined) throw new Error('end');
    if (t === '(') {
      const v = sum();
      if (items[pos++] !== ')') throw new Error('paren');
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (/^\d+$/.test(t)) return Number(t);
    const name = t.replace(/^\$\{?|\}$/g, '');
    const raw = Object.hasOwn(env, name) ? env[name] : undefined;
    if (raw === undefined || !/^\s*-?\d+\s*$/.test(raw)) {
      missing ??= name;
      return 0;
    }
    return Number(raw);
  };
  const product = (): number => {
    let v = primary();
    for (let op = peek(); op === '*' || op === '/' || op === '%'; op = peek()) {
      pos++;
      const r = primary();
      if (op === '*') v *= r;
      else if (r === 0) throw new Error('division by zero');
      else v = op === '/' ? Math.trunc(v / r) : v % r;
    }
    return v;
  };
  function sum(): number {
    let v = product();
    for (let op = peek(); op === '+' || op === '-'; op = peek()) {
      pos++;
      v = op === '+' ? v + product() : v - product();
    }
    return v;
  }
  try {
    const value = sum();
    if (pos !== items.length) return { unresolved: `$((${expr}))` };
    if (missing !== undefined) return { unresolved: missing };
    return { value };
  } catch {
    return { unresolved: missing ?? `$((${expr}))` };
  }
}

/**
 * For every `(` of a script, the offset just after its matching `)` (-1 when unbalanced), found in
 * one pass with a stack. Scanning forward from each `$(` instead is quadratic: 240 KB of `$(`
 * took 20 to 42 s.
 */
function matchingParens(text: string): Int32Array {
  const after = new Int32Array(text.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28) open.push(i);
    else if (c === 0x29 && open.length > 0) after[open.pop() as number] = i + 1;
  }
  return after;
}

interface Expansion {
  text: string;
  end: number;
  unresolved?: string;
}

const K8S_VARIABLE = /\(([A-Za-z_][A-Za-z0-9_]*)\)/y;
const NAME_AT = /[A-Za-z_][A-Za-z0-9_]*/y;
const BRACED = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=])(.*))?$/s;

/** `$` expansion over one script: every lookup is bounded, so a script of many `$` stays linear. */
class DollarExpander {
  private parens: Int32Array | undefined;
  /** the last `}` of the script: past it, `${` has no end and needs no search */
  private readonly lastBrace: number;

  constructor(
    private readonly script: string,
    private readonly fromCluster: ReadonlySet<string> = new Set(),
  ) {
    this.lastBrace = script.lastIndexOf('}');
  }

  /** An unresolved name, said with why when the cluster sets it. */
  private missing(name: string, defaultOp?: string): string {
    return this.fromCluster.has(name) ? clusterSet(name, defaultOp) : name;
  }

  private closingParen(open: number): number {
    this.parens ??= matchingParens(this.script);
    return this.parens[open] ?? -1;
  }

  /** Expands the `$...` at `at`; returns the replacement text and where the expression ends. */
  expand(at: number, env: Readonly<Record<string, string>>): Expansion {
    const script = this.script;
    const lookup = (name: string): string | undefined => (Object.hasOwn(env, name) ? env[name] : undefined);
    if (script.startsWith('((', at + 1)) {
      const end = this.closingParen(at + 1);
      if (end < 0) return { text: '$', end: at + 1 };
      const expr = script.slice(at + 3, end - 2);
      const result = evaluateArithmetic(expr, env);
      return 'value' in result ? { text: String(result.value), end } : { text: '', end, unresolved: this.missing(result.unresolved) };
    }
    if (script[at + 1] === '(') {
      const end = this.closingParen(at + 1);
      if (end < 0) return { text: '$', end: at + 1 };
      // Kubernetes has replaced $(VAR) by the variable before the shell runs; $(command) is never run here
      K8S_VARIABLE.lastIndex = at + 1;
      const k8s = K8S_VARIABLE.exec(script);
      const value = k8s ? lookup(k8s[1] as string) : undefined;
      if (value !== undefined) return { text: value, end };
      if (k8s && this.fromCluster.has(k8s[1] as string)) return { text: '', end, unresolved: this.missing(k8s[1] as string) };
      return { text: '', end, unresolved: script.slice(at, end) };
    }
    if (script[at + 1] === '{') {
      const close = at + 2 > this.lastBrace ? -1 : script.indexOf('}', at + 2);
      if (close < 0) return { text: '$', end: at + 1 };
      const inner = script.slice(at + 2, close);
      const m = BRACED.exec(inner);
      if (!m) return { text: '', end: close + 1, unresolved: `\${${inner}}` };
      const [, name, op, fallback] = m as unknown as [string, string, string | undefined, string | undefined];
      const value = lookup(name);
      // set in the pod by the cluster: its value, not the default, is what the engine gets
      if (value === undefined && this.fromCluster.has(name)) return { text: '', end: close + 1, unresolved: this.missing(name, op) };
      const useFallback = op !== undefined && (value === undefined || (op.startsWith(':') && value === ''));
      if (useFallback) return { text: fallback ?? '', end: close + 1 };
      return value === undefined ? { text: '', end: close + 1, unresolved: name } : { text: value, end: close + 1 };
    }
    NAME_AT.lastIndex = at + 1;
    const m = NAME_AT.exec(script);
    if (m) {
      const value = lookup(m[0]);
      const end = at + 1 + m[0].length;
      return value === undefined ? { text: '', end, unresolved: this.missing(m[0]) } : { text: value, end };
    }
    const next = script[at + 1];
    if (next !== undefined && /[0-9@*#?$!-]/.test(next)) return { text: '', end: at + 2, unresolved: `$${next}` };
    return { text: '$', end: at + 1 };
  }
}

/**
 * Splits a script into commands (at unquoted newlines, ; && || | &) of expanded words.
 * Words keep the line where they start. A here-document's lines (`<<EOF` ... `EOF`) are its command's
 * input, never commands of their own; one that `cat` or `tee` writes to a file is kept in ctx.written.
 */
export function shellCommands(script: string, ctx: ShellContext): Word[][] {
  // assignments (TP=8, export TP=8) in the script apply to the commands after them
  const env: Record<string, string> = { ...ctx.env };
  const commands: Word[][] = [];
  let words: Word[] = [];
  let current: { text: string; start: number; unresolved: string[]; quoted: boolean } | null = null;
  const begin = (at: number): { text: string; start: number; unresolved: string[]; quoted: boolean } =>
    (current ??= { text: '', start: at, unresolved: [], quoted: false });
  const endWord = (): void => {
    // an unquoted expansion that comes out empty makes no word at all (field removal), "" does
    const keep = current && (current.text !== '' || current.quoted || current.unresolved.length > 0);
    if (current && keep) words.push({ text: current.text, line: ctx.lineOf(current.start), unresolved: current.unresolved });
    current = null;
  };
  const endCommand = (): void => {
    endWord();
    const assigns = words[0]?.text === 'export' || words[0]?.text === 'readonly' ? words.slice(1) : words;
    if (assigns.length > 0 && assigns.every((w) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(w.text) && w.unresolved.length === 0)) {
      for (const w of assigns) {
        const eq = w.text.indexOf('=');
        env[w.text.slice(0, eq)] = w.text.slice(eq + 1);
      }
    }
    if (words.length > 0) commands.push(words);
    words = [];
  };
  chargeWork(script.length);
  const expander = new DollarExpander(script, ctx.fromCluster);
  const dollar = (i: number): number => {
    const w = begin(i);
    const exp = expander.expand(i, env);
    // expansions can grow the text (X=$X$X doubles it): what they produce is work too
    chargeWork(exp.text.length);
    w.text += exp.text;
    if (exp.unresolved !== undefined) w.unresolved.push(exp.unresolved);
    return exp.end;
  };

  // here-documents started on the current line: their bodies begin after its newline
  const pending: { delimiter: string; stripTabs: boolean; quoted: boolean; command: Word[] }[] = [];
  /** Reads the bodies of the pending here-documents from `from` (the start of a line); returns where the script goes on. */
  const readBodies = (from: number): number => {
    let at = from;
    for (const doc of pending) {
      const starts: number[] = [];
      let text = '';
      const unresolved: string[] = [];
      while (at < script.length) {
        const eol = script.indexOf('\n', at);
        const end = eol < 0 ? script.length : eol;
        let start = at;
        if (doc.stripTabs) while (script[start] === '\t') start++;
        at = eol < 0 ? script.length : eol + 1;
        if (script.slice(start, end).replace(/\r$/, '') === doc.delimiter) break;
        starts.push(start);
        if (doc.quoted) text += script.slice(start, end);
        else {
          // an unquoted delimiter: $ expansions apply, and \ escapes only $ ` \
          for (let j = start; j < end; ) {
            const d = script[j] as string;
            if (d === '\\' && j + 1 < end && '$`\\'.includes(script[j + 1] as string)) {
              text += script[j + 1];
              j += 2;
            } else if (d === '$') {
              const exp = expander.expand(j, env);
              chargeWork(exp.text.length);
              text += exp.text;
              if (exp.unresolved !== undefined) unresolved.push(exp.unresolved);
              j = Math.max(exp.end, j + 1);
            } else {
              text += d;
              j++;
            }
          }
        }
        text += '\n';
      }
      const target = heredocTarget(doc.command);
      if (target !== undefined && ctx.written !== undefined) {
        ctx.written.set(writtenPath(target), { text, lineOf: (line) => ctx.lineOf(starts[line - 1] ?? from), unresolved });
      }
    }
    pending.length = 0;
    return at;
  };

  let i = 0;
  while (i < script.length) {
    const c = script[i] as string;
    if (c === '<' && script.startsWith('<<<', i)) {
      // a here-string (bash's <<< word): one word of input, no here-document; its last two '<' start none either
      begin(i).text += '<<<';
      i += 3;
      continue;
    }
    if (c === '<' && script[i + 1] === '<') {
      // a here-document: <<WORD or <<-WORD (leading tabs stripped); a quoted WORD leaves the body unexpanded
      endWord();
      let j = i + 2;
      const stripTabs = script[j] === '-';
      if (stripTabs) j++;
      while (script[j] === ' ' || script[j] === '\t') j++;
      let delimiter = '';
      let quoted = false;
      while (j < script.length && !/[\s;&|<>()]/.test(script[j] as string)) {
        const d = script[j] as string;
        if (d === "'" || d === '"') {
          const close = script.indexOf(d, j + 1);
          const end = close < 0 ? script.length : close;
          delimiter += script.slice(j + 1, end);
          quoted = true;
          j = end + 1;
        } else if (d === '\\') {
          delimiter += script[j + 1] ?? '';
          quoted = true;
          j += 2;
        } else {
          delimiter += d;
          j++;
        }
      }
      if (delimiter !== '') pending.push({ delimiter, stripTabs, quoted, command: words });
      i = j;
      continue;
    }
    if (c === '\\') {
      if (script[i + 1] === '\n') {
        i += 2;
        continue;
      } // line continuation
      if (script.startsWith('\r\n', i + 1)) {
        i += 3;
        continue;
      }
      begin(i).text += script[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (c === "'") {
      const close = script.indexOf("'", i + 1);
      const end = close < 0 ? script.length : close;
      const w = begin(i);
      w.quoted = true;
      w.text += script.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (c === '"') {
      const w = begin(i);
      w.quoted = true;
      i++;
      while (i < script.length && script[i] !== '"') {
        const d = script[i] as string;
        if (d === '\\' && i + 1 < script.length && '"\\$`\n'.includes(script[i + 1] as string)) {
          if (script[i + 1] !== '\n') w.text += script[i + 1];
          i += 2;
        } else if (d === '$') {
          i = dollar(i);
        } else {
          w.text += d;
          i++;
        }
      }
      i++;
      continue;
    }
    if (c === '$') {
      i = dollar(i);
      continue;
    }
    if (c === '#' && current === null) {
      while (i < script.length && script[i] !== '\n') i++;
      continue;
    }
    if (c === '\n' || c === ';' || c === '|' || c === '&') {
      endCommand();
      i += script[i + 1] === c && c !== '\n' && c !== ';' ? 2 : 1;
      if (c === '\n' && pending.length > 0) i = readBodies(i);
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i++;
      continue;
    }
    begin(i).text += c;
    i++;
  }
  endCommand();
  return commands;
}

/** The line map of a plain text file: offset -> 1-based line. */
export function lineMapOf(text: string, firstLine = 1): (offset: number) => number {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return firstLine + lo;
  };
}
