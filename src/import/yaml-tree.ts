// Multi-document YAML -> small trees whose nodes know their line, for manifests and engine configs.
// Bounded like plan files: size, alias count; Helm templates are refused with what to do instead.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { chargeWork } from '../core/work-budget.js';
import { shapeProblem } from '../plan/depth.js';
import { ambiguousLineBreak, ambiguousLineBreakMessage } from '../plan/line-breaks.js';
import { keyLabel } from '../plan/source.js';
import { withoutStackTraces, yamlErrorKind } from '../plan/syntax-errors.js';
import { aliasResolver, type ResolveAlias } from '../plan/yaml-anchors.js';
import type { ImportError } from './result.js';

export const MAX_IMPORT_BYTES = 1024 * 1024;
/** Lines and values (words) counted before parsing (the parser costs about a microsecond each); a serving manifest has a few thousand. */
export const MAX_LINES_AND_VALUES = 100_000;
const MAX_DEPTH = 64;
/** Nodes built from one file with aliases expanded: guards against alias bombs. */
const MAX_NODES = 200_000;
/** Alias uses (*name) in one file; manifests need few. */
const MAX_ALIASES = 1000;

export type YNode =
  | { kind: 'map'; line: number; entries: Map<string, YNode> }
  | { kind: 'seq'; line: number; items: YNode[] }
  | { kind: 'scalar'; line: number; value: unknown; start: number; end: number };

export interface YamlFile {
  text: string;
  docs: YNode[];
  lineOf: (offset: number) => number;
}

/** A Go-template action anywhere in the text, as the templates it refuses write it. */
const ACTION = /\{\{-?\s*[.$\w(/"-]/;
/**
 * An action only Helm writes: a field of the chart's data (.Values, .Release, $var), a comment, or a
 * Go template keyword or Helm/Sprig function first, any function applied to a field or variable
 * ({{ int .Values.tp }}, {{ upper $model }}: Jinja has no such call), or the chart's data anywhere in
 * the action ({{ add (int .Values.tp) 1 }}, chartDataInAction). A Jinja chat template's {{ bos_token }},
 * {{- message['content'] }} or {{ raise_exception(...) }} is none of these.
 */
const HELM_ACTION =
  /\{\{-?\s*(\.|\$|\/\*|(include|template|define|block|if|else|end|range|with|toYaml|toJson|tpl|required|default|quote|squote|printf|indent|nindent|lookup|b64enc|trunc|trimSuffix)\b|\w+\s+[.$])/;
const ACTION_TOKENS = /\{\{|\}|\.(?:Values|Release|Chart|Capabilities|Files|Template)\b/g;

/**
 * Whether the chart's data (.Values, .Release, ...) appears inside an action, in one pass over the
 * line: a regex that scanned from each {{ to the end of the line took 26 s on 80,000 of them.
 */
function chartDataInAction(line: string): boolean {
  let inside = false;
  for (const m of line.matchAll(ACTION_TOKENS)) {
    if (m[0] === '{{') inside = true;
    else if (m[0] === '}') inside = false;
    else if (inside) return true;
  }
  return false;
}

/** An action only Helm writes, by its first words or by the chart's data inside it. */
const helmAction = (line: string): boolean => HELM_ACTION.test(line) || chartDataInAction(line);

/** A line that opens a block scalar (`key: |`, `- >-`, `data: |2`), comment allowed after it. */
const BLOCK_SCALAR = /(^|[:-]\s)\s*[|>][-+0-9]*\s*(#.*)?$/;

/** The line without its quoted scalars ('...', "..."): what is left is where YAML structure is. */
function unquoted(line: string): string {
  return line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '""');
}

/**
 * The first line with a Helm/Go template action outside a comment, or 0. An action where YAML
 * structure is (a key, a bare value, a line of its own) is an unrendered template. Inside a block
 * scalar or a quoted value it is only when Helm's syntax says so: a rendered ConfigMap may hold a
 * Jinja chat template (`template.jinja: |` with `{{ bos_token }}{% for message in messages %}`).
 */
export function templateLine(text: string): number {
  const lines = text.split('\n');
  /** indentation of the line that opened the block scalar we are in, or -1 */
  let block = -1;
  for (const [index, raw] of lines.entries()) {
    const indent = raw.length - raw.trimStart().length;
    if (block >= 0 && (raw.trim() === '' || indent > block)) {
      if (helmAction(raw)) return index + 1;
      continue;
    }
    block = -1;
    const line = raw.replace(/^\s*#.*$/, '');
    if (ACTION.test(unquoted(line)) || helmAction(line)) return index + 1;
    if (BLOCK_SCALAR.test(unquoted(line).replace(/\s#.*$/, ''))) block = indent;
  }
  return 0;
}

export function parseYamlFile(text: string): YamlFile | ImportError {
  if (text.length > MAX_IMPORT_BYTES) return { error: `the file is larger than ${MAX_IMPORT_BYTES} bytes` };
  const ambiguous = ambiguousLineBreak(text);
  if (ambiguous) return { error: ambiguousLineBreakMessage(ambiguous.name), line: ambiguous.line };
  const shape = shapeProblem(text, { depth: 2 * MAX_DEPTH, values: MAX_LINES_AND_VALUES });
  if (shape?.limit === 'depth') return { error: `nested deeper than ${MAX_DEPTH} levels`, line: shape.line };
  if (shape) return { error: `more than ${MAX_LINES_AND_VALUES} lines and values: too large to be a deployment file`, line: shape.line };
  const helm = templateLine(text);
  if (helm > 0) {
    return {
      error:
        'this is a Helm (Go) template, not a rendered manifest: render it first (helm template <release> <chart> -f values.yaml > rendered.yaml) and import the rendered file',
      line: helm,
    };
  }
  chargeWork(text.length);
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    // uniqueKeys: false because the parser's own check is quadratic (68 s on a 592 KB config):
    // build() finds duplicates with a Set instead
    docs = withoutStackTraces(() => parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false })) as Document.Parsed[];
  } catch (err) {
    // the parser's message may quote the text: only its kind is said
    return { error: `not readable as YAML (${err instanceof Error ? err.name : 'a failure'} in the parser)` };
  }
  if (!Array.isArray(docs)) return { error: 'not readable as YAML' };
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line;
  for (const doc of docs) {
    const first = doc.errors[0];
    if (first) {
      const at = lineCounter.linePos(first.pos[0]);
      return { error: `YAML syntax error at line ${at.line}, column ${at.col}: ${yamlErrorKind(first.code)}`, line: at.line };
    }
  }
  const out: YNode[] = [];
  const budget = { nodes: 0 };
  for (const doc of docs) {
    if (doc.contents === null) continue;
    const built = build(aliasResolver(doc), doc.contents as Node, lineOf, 0, budget);
    if ('error' in built) return built;
    out.push(built);
  }
  return { text, docs: out, lineOf };
}

function build(
  resolveAlias: ResolveAlias,
  node: Node | null,
  lineOf: (o: number) => number,
  depth: number,
  budget: { nodes: number; aliases?: number },
): YNode | ImportError {
  const start = node?.range?.[0] ?? 0;
  const line = lineOf(start);
  chargeWork(1);
  if (depth > MAX_DEPTH) return { error: `nested deeper than ${MAX_DEPTH} levels`, line };
  if (++budget.nodes > MAX_NODES) return { error: `more than ${MAX_NODES} values with aliases expanded (an alias bomb?)`, line };
  if (node === null || node === undefined) return { kind: 'scalar', line, value: null, start, end: start };
  if (isAlias(node)) {
    budget.aliases = (budget.aliases ?? 0) + 1;
    if (budget.aliases > MAX_ALIASES) return { error: `more than ${MAX_ALIASES} aliases (*name): refused as a possible alias bomb`, line };
    const target = resolveAlias(node);
    return target ? build(resolveAlias, target, lineOf, depth + 1, budget) : { error: 'an alias refers to no anchor', line };
  }
  if (isScalar(node)) return { kind: 'scalar', line, value: node.value, start, end: node.range?.[1] ?? start };
  if (isSeq(node)) {
    const items: YNode[] = [];
    for (const item of node.items) {
      const b = build(resolveAlias, item as Node | null, lineOf, depth + 1, budget);
      if ('error' in b) return b;
      items.push(b);
    }
    return { kind: 'seq', line, items };
  }
  if (isMap(node)) {
    const entries = new Map<string, YNode>();
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (entries.has(key)) return { error: `a key appears twice in one map: ${keyLabel(key)}`, line: lineOf(pair.key.range?.[0] ?? start) };
      const b = build(resolveAlias, pair.value as Node | null, lineOf, depth + 1, budget);
      if ('error' in b) return b;
      // a key with no value still has a line: the key's
      if (b.kind === 'scalar' && b.value === null && isScalar(pair.key)) b.line = lineOf(pair.key.range?.[0] ?? start);
      entries.set(key, b);
    }
    return { kind: 'map', line, entries };
  }
  return { error: 'an unsupported YAML node', line };
}

/** The node at a key path (`spec`, `template`...) or undefined. */
export function at(node: YNode | undefined, ...path: (string | number)[]): YNode | undefined {
  let cur = node;
  for (const key of path) {
    if (cur === undefined) return undefined;
    if (typeof key === 'number') cur = cur.kind === 'seq' ? cur.items[key] : undefined;
    else cur = cur.kind === 'map' ? cur.entries.get(key) : undefined;
  }
  return cur;
}

export function scalarOf(node: YNode | undefined): unknown {
  return node?.kind === 'scalar' ? node.value : undefined;
}

export function stringOf(node: YNode | undefined): string | undefined {
  const v = scalarOf(node);
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

export function itemsOf(node: YNode | undefined): YNode[] {
  return node?.kind === 'seq' ? node.items : [];
}

/** How far past the previous word the next word of a scalar is looked for in the source. */
const LINE_SEARCH_WINDOW = 256;

/**
 * Maps offsets in a string scalar's value to lines of the file. Each run of non-blank characters of the
 * value is looked up, in order, in the source after the node's start: literal, folded and quoted styles
 * (which fold line breaks into spaces) all keep each word's own line.
 */
export function valueLineMap(file: YamlFile, node: YNode & { kind: 'scalar' }): (offset: number) => number {
  const value = String(node.value);
  const starts: number[] = [];
  const lines: number[] = [];
  let cursor = node.start;
  let last = node.line;
  for (const m of value.matchAll(/\S+/g)) {
    const probe = m[0].slice(0, 40);
    // searched only a short way ahead: a word that is not found (written as escapes) must not
    // cost a scan of the rest of the file each time (quadratic on a large script)
    const windowEnd = Math.min(node.end, cursor + LINE_SEARCH_WINDOW + probe.length);
    const at = file.text.slice(cursor, windowEnd).indexOf(probe);
    const found = at < 0 ? -1 : cursor + at;
    if (found >= 0) {
      last = file.lineOf(found);
      cursor = found + probe.length;
    }
    starts.push(m.index);
    lines.push(last);
  }
  return (o) => {
    let lo = 0;
    let hi = starts.length - 1;
    if (hi < 0 || o < (starts[0] as number)) return lines[0] ?? node.line;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= o) lo = mid;
      else hi = mid - 1;
    }
    return lines[lo] ?? node.line;
  };
}
