// YAML / JSON text -> a small tree in which every node knows its 1-based line.
// JSON is YAML 1.2, so one parser (the `yaml` package) reads both and gives exact ranges.
// Hostile input is bounded here: size, NUL bytes, nesting depth, alias expansion.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { PlanError } from '../core/types.js';
import { chargeWork } from '../core/work-budget.js';
import { ambiguousLineBreak, ambiguousLineBreakMessage } from './line-breaks.js';
import { shapeProblem } from './depth.js';
import { withoutStackTraces, yamlErrorKind } from './syntax-errors.js';
import { aliasResolver, type ResolveAlias } from './yaml-anchors.js';

/** Plans larger than this are refused before parsing (1 MiB). */
export const MAX_PLAN_BYTES = 1024 * 1024;
/** Deepest nesting accepted; a plan needs 3. */
export const MAX_DEPTH = 32;
/** Alias (*name) uses accepted in one file; guards against "billion laughs". */
export const MAX_ALIASES = 100;
/** Nodes built in one file, aliases expanded; guards against expansion blow-up. */
const MAX_NODES = 100_000;
/**
 * Lines and values (words, quoted scalars, flow items) in one file, counted before parsing
 * (depth.ts): a plan needs a few hundred, a description of 10,000 characters a few thousand. The
 * parser's cost grows with them, about a microsecond each, so a 1 MiB file of 200,000 one-line
 * keys would cost seconds.
 */
export const MAX_LINES_AND_VALUES = 20_000;

export interface MapEntry {
  key: string;
  keyLine: number;
  value: SourceNode;
}

export type SourceNode =
  | { type: 'map'; line: number; entries: MapEntry[] }
  | { type: 'seq'; line: number; items: SourceNode[] }
  | { type: 'scalar'; line: number; value: unknown; quoted: boolean };

/** ok with `errors`: the tree is usable but the file has mistakes that do not stop reading it (duplicate keys). */
export type SourceResult = { ok: true; root: SourceNode | null; errors: PlanError[] } | { ok: false; errors: PlanError[] };

class Abort extends Error {
  constructor(readonly planError: PlanError) {
    super(planError.message);
  }
}

/**
 * Characters never sent into a message as they are: C0 and C1 controls, DEL, line and paragraph
 * separators, and the bidirectional controls that can make text read differently than it is.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are never sent into a message
export const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A short, printable rendering of plan text for messages: cut, and unsafe characters shown as '?'.
 * Text holding a credential's shape anywhere is described by its length only: a file the plans glob
 * matched may be one an earlier step wrote (a token in a known key's value is still a token).
 */
export function quote(text: string, max = 60): string {
  if (CREDENTIAL_INSIDE.test(text)) return `[${text.length} characters shaped like a credential, not shown]`;
  const cut = text.length > max ? text.slice(0, max) : text;
  const clean = cut.replace(UNSAFE_CHARACTERS, '?');
  return text.length > max ? `${clean}...` : clean;
}

/** Shapes of credentials that must never be echoed, not even as a key: a known prefix and a long tail. */
const CREDENTIAL_PREFIXES = '(gh[pousr]_|github_pat_|glpat-|xox[abprs]-|AKIA|ASIA|sk-proj-|sk-|npm_|hf_|AIza|ya29\\.)';
const CREDENTIAL_SHAPE = new RegExp(`^${CREDENTIAL_PREFIXES}[A-Za-z0-9_-]{12,}`);
/**
 * The same prefixes anywhere in a text, each starting a word and followed by a long run of letters
 * and digits (a path such as configs/hf_config_for_llama.json stays shown), and a JSON Web Token.
 * Tokens whose bodies hold '-' and '_' (Slack's xoxb-<digits>-<digits>-..., OpenAI's sk-proj-,
 * Anthropic's sk-ant-api03-, Google's AIza and ya29.) match on a long run of those with an upper-case
 * letter and a digit near its start (sk-llama-3-8b-instruct stays shown); the look-aheads are bounded,
 * so a long text is still read in linear time.
 */
const CREDENTIAL_INSIDE = new RegExp(
  `(^|[^A-Za-z0-9_])(${CREDENTIAL_PREFIXES}[A-Za-z0-9]{16,}|(xox[abprs]-|glpat-|sk-|AIza|ya29\\.)(?=[\\w-]{0,40}[A-Z])(?=[\\w-]{0,40}[0-9])[\\w-]{16,})|eyJ[A-Za-z0-9_-]{10,}\\.eyJ`,
);

/**
 * A key that a plan does not define, for an error message: quoted when it is a plain, short name
 * (a typo worth showing), else described by its length only. A file that is no plan at all (an
 * .env file, a credential store) must not have its content echoed through its keys.
 */
export function keyLabel(key: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.-]{0,31}$/.test(key) && !CREDENTIAL_SHAPE.test(key) && (key.match(/[0-9]/g)?.length ?? 0) < 4;
  return plain ? `'${key}'` : `(a key of ${key.length} characters, not shown)`;
}

/** The key as one part of a dotted path in a message: the key when keyLabel would show it, else '?'. */
export function keyPathPart(key: string): string {
  return keyLabel(key).startsWith("'") ? key : '?';
}

/** UTF-8 length of a string (no Buffer: the core runs without Node APIs). */
function byteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function parseSource(text: string): SourceResult {
  const size = text.length > MAX_PLAN_BYTES ? undefined : byteLength(text);
  if (size === undefined || size > MAX_PLAN_BYTES) {
    const what = size === undefined ? `${text.length} characters` : `${size} bytes`;
    return { ok: false, errors: [{ message: `the file is ${what}; a plan may be at most ${MAX_PLAN_BYTES} bytes (1 MiB)` }] };
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    return { ok: false, errors: [{ message: 'the file contains NUL bytes: it is binary, not YAML or JSON', line }] };
  }
  const ambiguous = ambiguousLineBreak(text);
  if (ambiguous) return { ok: false, errors: [{ message: ambiguousLineBreakMessage(ambiguous.name), line: ambiguous.line }] };
  const shape = shapeProblem(text, { depth: 2 * MAX_DEPTH, values: MAX_LINES_AND_VALUES });
  if (shape?.limit === 'depth') {
    return { ok: false, errors: [{ message: `values are nested deeper than ${MAX_DEPTH} levels; a plan needs 3`, line: shape.line }] };
  }
  if (shape) {
    return { ok: false, errors: [{ message: `the file has more than ${MAX_LINES_AND_VALUES} lines and values; a plan needs a few dozen`, line: shape.line }] };
  }
  chargeWork(text.length);
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    // uniqueKeys: false because the parser's own check is quadratic (52 s for 40k keys);
    // TreeBuilder reports duplicates instead, with a Set.
    doc = withoutStackTraces(() => parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false }));
  } catch (err) {
    // e.g. the parser's own stack overflowing on pathological nesting (the message may quote the text: not shown)
    return {
      ok: false,
      errors: [{ message: `the file could not be parsed as YAML or JSON (${err instanceof Error ? err.name : 'a failure'} in the parser)` }],
    };
  }
  const lineOf = (offset: number | undefined): number => lineCounter.linePos(offset ?? 0).line;
  if (doc.errors.length > 0) {
    return { ok: false, errors: doc.errors.map((e) => syntaxError(e.code, lineCounter.linePos(e.pos[0]))) };
  }
  if (doc.contents === null) return { ok: true, root: null, errors: [] };
  try {
    const builder = new TreeBuilder(doc, lineOf);
    const root = builder.build(doc.contents as Node);
    return { ok: true, root, errors: builder.duplicates };
  } catch (err) {
    if (err instanceof Abort) return { ok: false, errors: [err.planError] };
    throw err;
  }
}

const FLOAT_TAG = 'tag:yaml.org,2002:float';
/** A decimal literal, integer or float, as YAML 1.2's core schema writes a `!!float` (the parser resolves `!!int` itself). */
const DECIMAL = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/**
 * `!!float 1024` is the number 1024 in YAML 1.2's core schema, but the parser leaves a float tag on
 * a literal without a point unresolved (a string, with only a warning): resolve it here.
 */
function taggedNumber(tag: string | undefined, value: unknown): unknown {
  return tag === FLOAT_TAG && typeof value === 'string' && DECIMAL.test(value) ? Number(value) : value;
}

/** A parse error by its line, column and kind: the parser's own message quotes the text, so it is not used. */
function syntaxError(code: string, at: { line: number; col: number }): PlanError {
  return { message: `YAML/JSON syntax error at line ${at.line}, column ${at.col}: ${yamlErrorKind(code)}`, line: at.line };
}

class TreeBuilder {
  private aliases = 0;
  private nodes = 0;
  /** duplicate keys: reported, the first value kept, reading goes on */
  readonly duplicates: PlanError[] = [];

  private readonly resolveAlias: ResolveAlias;

  constructor(
    doc: Document.Parsed,
    private readonly lineOf: (offset: number | undefined) => number,
  ) {
    this.resolveAlias = aliasResolver(doc);
  }

  build(node: Node | null, depth = 1, path = ''): SourceNode {
    chargeWork(1);
    if (++this.nodes > MAX_NODES) {
      throw new Abort({ message: `the file has more than ${MAX_NODES} values (aliases expanded); a plan needs a few dozen` });
    }
    const line = this.lineOf(node?.range?.[0]);
    if (depth > MAX_DEPTH) {
      throw new Abort({ message: `values are nested deeper than ${MAX_DEPTH} levels; a plan needs 3`, line });
    }
    if (node === null || node === undefined) return { type: 'scalar', line, value: null, quoted: false };
    if (isAlias(node)) {
      if (++this.aliases > MAX_ALIASES) {
        throw new Abort({ message: `the file uses more than ${MAX_ALIASES} aliases (*name); refused as a possible alias bomb`, line });
      }
      const target = this.resolveAlias(node);
      if (!target) throw new Abort({ message: 'an alias (*name) refers to no anchor (&name) before it', line });
      return this.build(target, depth + 1, path);
    }
    if (isScalar(node)) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      return { type: 'scalar', line, value: taggedNumber(node.tag, node.value), quoted };
    }
    if (isSeq(node)) {
      return { type: 'seq', line, items: node.items.map((item, i) => this.build(item as Node | null, depth + 1, `${path}[${i}]`)) };
    }
    if (isMap(node)) {
      const entries: MapEntry[] = [];
      const seen = new Set<string>();
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const keyLine = this.lineOf(keyNode?.range?.[0] ?? node.range?.[0]);
        if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
          throw new Abort({ message: 'a key must be a plain name, not a list, map or empty key', line: keyLine });
        }
        const key = String(keyNode.value);
        const keyPath = path ? `${path}.${keyPathPart(key)}` : keyPathPart(key);
        if (seen.has(key)) {
          const message = `${keyPath}: duplicate key ${keyLabel(key)}: each key may appear once in a map`;
          this.duplicates.push({ message, path: keyPath, line: keyLine });
          continue;
        }
        seen.add(key);
        entries.push({ key, keyLine, value: this.build(pair.value as Node | null, depth + 1, keyPath) });
      }
      return { type: 'map', line, entries };
    }
    // e.g. !!omap, !!pairs, !!set: collections a plan never uses (named by where, not by their text)
    throw new Abort({ message: `${path ? `${path}: ` : ''}a YAML collection of a kind a plan does not use (write a plain map or list)`, line });
  }
}
