// What a YAML or JSON syntax error says: the line, the column and the kind of problem, never the
// text around it. A file that fails to parse may be anything a link or a mistake pointed at (a
// checkout's .git/config with its credential, an .env file), and the parsers' own messages quote
// it: the yaml package names unresolved tags and bad block-scalar headers, V8's JSON.parse quotes
// the bytes around the error. So messages are built here from the error's code and position only.
import type { ErrorCode } from 'yaml';

/** The yaml package's error codes, each as a plain description that quotes nothing. */
const YAML_KINDS: Record<ErrorCode, string> = {
  ALIAS_PROPS: 'an alias (*name) must not carry an anchor or a tag',
  BAD_ALIAS: 'an anchor or alias name is empty or ends in a colon',
  BAD_DIRECTIVE: 'a % directive that YAML does not know',
  BAD_DQ_ESCAPE: 'an invalid escape sequence in a double-quoted string',
  BAD_INDENT: 'the indentation does not fit the lines around it',
  BAD_PROP_ORDER: 'an anchor or tag is in the wrong place',
  BAD_SCALAR_START: 'a plain value starts with a character that is reserved in YAML',
  BLOCK_AS_IMPLICIT_KEY: 'a block collection used as a key',
  BLOCK_IN_FLOW: 'a block collection inside a [ ] or { } collection',
  DUPLICATE_KEY: 'a key appears twice in one map',
  IMPOSSIBLE: 'the text cannot be read as YAML',
  KEY_OVER_1024_CHARS: 'a key longer than 1024 characters',
  MISSING_CHAR: 'a missing comma, colon, space or closing bracket or quote',
  MULTILINE_IMPLICIT_KEY: 'a key that spans several lines (is a colon missing?)',
  MULTIPLE_ANCHORS: 'a value with more than one anchor',
  MULTIPLE_DOCS: 'more than one YAML document in the file',
  MULTIPLE_TAGS: 'a value with more than one tag',
  NON_STRING_KEY: 'a key that is not a plain name',
  RESOURCE_EXHAUSTION: 'values nested too deep, or aliases that expand to too many values',
  TAB_AS_INDENT: 'a tab used for indentation (YAML indents with spaces)',
  TAG_RESOLVE_FAILED: 'a ! tag that YAML does not know',
  UNEXPECTED_TOKEN: 'an unexpected character or token',
  BAD_COLLECTION_TYPE: 'a tag that does not fit its collection',
};

/**
 * Runs a parse with Error.stackTraceLimit at 0: the yaml package builds an Error object per syntax
 * error, and capturing a stack for each made a 1 MiB file of quotes (500,000 errors) cost 4 s
 * instead of 1. The parse is synchronous, so nothing else runs meanwhile; the limit is restored.
 */
export function withoutStackTraces<T>(parse: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export function yamlErrorKind(code: string): string {
  return Object.hasOwn(YAML_KINDS, code) ? YAML_KINDS[code as ErrorCode] : 'the text cannot be read as YAML';
}

/** 1-based line and column of an offset, counting \n, \r\n and a lone \r as line ends (as the yaml package does). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  const end = Math.min(Math.max(0, offset), text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: end - start + 1 };
}

export interface JsonSyntaxError {
  offset: number;
  kind: string;
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * Where JSON text first stops being JSON, and why, found by one linear pass (only run once
 * JSON.parse has failed, to say where without quoting). Tracks nesting with an explicit stack, so
 * deep input cannot overflow the call stack. `allowNonFinite` accepts Python's NaN and Infinity.
 */
export function findJsonSyntaxError(text: string, allowNonFinite = false): JsonSyntaxError | null {
  let i = 0;
  const n = text.length;
  const stack: ('{' | '[')[] = [];
  const skipSpace = () => {
    while (i < n && WHITESPACE.has(text.charCodeAt(i))) i++;
  };
  const fail = (kind: string, at = i): JsonSyntaxError => ({ offset: Math.min(at, n), kind });
  const word = (w: string) => {
    if (!text.startsWith(w, i)) return false;
    i += w.length;
    return true;
  };

  /** One string at i (which is a '"'); null when fine, else the error. */
  const string = (): JsonSyntaxError | null => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c < 0x20) return fail('a control character (such as a line break) inside a string');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('an invalid \\u escape in a string');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return fail('an invalid escape sequence in a string');
      } else i++;
    }
    return fail('a string that is never closed', n);
  };

  /** One scalar value at i; null when fine. */
  const scalar = (): JsonSyntaxError | null => {
    const c = text[i];
    if (c === '"') return string();
    if (word('true') || word('false') || word('null')) return null;
    if (allowNonFinite && (word('NaN') || word('Infinity') || word('-Infinity'))) return null;
    const m = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
    m.lastIndex = i;
    if (c !== undefined && /[-0-9]/.test(c) && m.test(text)) {
      i = m.lastIndex;
      return null;
    }
    return fail(i >= n ? 'the text ends where a value should be' : 'an unexpected character where a value should be');
  };

  /** An object's key and its colon, at i (after blanks); `afterComma` words the error for a trailing comma. */
  const key = (afterComma: boolean): JsonSyntaxError | null => {
    skipSpace();
    if (text[i] !== '"') {
      return fail(i >= n ? 'the text ends inside an object' : `an object key must be a string in double quotes${afterComma ? ' (a trailing comma?)' : ''}`);
    }
    const e = string();
    if (e) return e;
    skipSpace();
    if (text[i] !== ':') return fail('a missing colon after an object key');
    i++;
    return null;
  };

  skipSpace();
  for (;;) {
    // at the start of a value
    skipSpace();
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      skipSpace();
      if (text[i] === (c === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else if (c === '{') {
        const e = key(false);
        if (e) return e;
        continue;
      } else continue;
    } else {
      const e = scalar();
      if (e) return e;
    }
    // after a value: a comma and the next item, a closing bracket, or the end
    for (;;) {
      skipSpace();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? fail('more text after the end of the JSON value') : null;
      const d = text[i];
      if (d === ',') {
        i++;
        if (top === '{') {
          const e = key(true);
          if (e) return e;
        }
        break;
      }
      if ((d === '}' && top === '{') || (d === ']' && top === '[')) {
        stack.pop();
        i++;
        continue;
      }
      return fail(i >= n ? `the text ends inside an ${top === '{' ? 'object' : 'array'}` : `a missing comma or closing ${top === '{' ? '}' : ']'}`);
    }
  }
}

/**
 * The 1-based line of every object key down to `maxDepth` levels of valid JSON text, by key path
 * (keys joined with NUL), in one linear pass. For the lines of a config.json's fields: parsing it
 * a second time as YAML for its positions cost seconds on a 4 MiB file. A duplicated key keeps
 * the line of its last occurrence, whose value JSON.parse keeps.
 */
export function jsonKeyLines(text: string, maxDepth = 3): Map<string, number> {
  const lines = new Map<string, number>();
  /** per open container: its key path; for an object, whether the next string is a key, and the last key */
  const stack: { path: string[]; object: boolean; expectKey: boolean; lastKey?: string }[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 0x22) {
      const start = i;
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
      const top = stack[stack.length - 1];
      if (top?.object && top.expectKey) {
        top.expectKey = false;
        if (stack.length <= maxDepth) {
          const raw = text.slice(start, i + 1);
          const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
          lines.set([...top.path, key].join('\u0000'), line);
          top.lastKey = key;
        }
      }
    } else if (c === 0x7b || c === 0x5b) {
      const top = stack[stack.length - 1];
      const path = top === undefined ? [] : top.object ? [...top.path, top.lastKey ?? ''] : top.path;
      stack.push({ path: stack.length < maxDepth ? path : [], object: c === 0x7b, expectKey: c === 0x7b });
    } else if (c === 0x7d || c === 0x5d) stack.pop();
    else if (c === 0x2c) {
      const top = stack[stack.length - 1];
      if (top?.object) top.expectKey = true;
    }
  }
  return lines;
}
