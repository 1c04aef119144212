#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 4006:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const pico = __nccwpck_require__(8016);
const utils = __nccwpck_require__(4059);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 5595:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 8265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(5595);
const utils = __nccwpck_require__(4059);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 8016:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(1781);
const parse = __nccwpck_require__(8265);
const utils = __nccwpck_require__(4059);
const constants = __nccwpck_require__(5595);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 1781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(4059);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(5595);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 4059:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(5595);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
exports.Vj = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
exports.hR = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/io/command-line.ts
// Splitting the command line into a subcommand and its options. Each subcommand declares its
// options (node:util parseArgs config); unknown options and missing values are usage errors.

const GLOBAL_OPTIONS = {
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'V' },
};
function parse(args, options) {
    try {
        const { values, positionals } = (0,external_node_util_namespaceObject.parseArgs)({ args, options, strict: true, allowPositionals: true });
        return { values: values, positionals };
    }
    catch (err) {
        // parseArgs explains itself ("Unknown option '--x'"); its hint about '--' helps too
        return { error: err instanceof Error ? err.message : String(err) };
    }
}
/**
 * The subcommand is the first argument that is not an option (only --help and --version may
 * come before it); `commandOptions` gives each known subcommand's options; `--help` and `--version` work everywhere. */
function parseCommandLine(argv, commandOptions) {
    const commandIndex = argv.findIndex((arg) => !arg.startsWith('-'));
    const command = commandIndex >= 0 ? argv[commandIndex] : undefined;
    if (command === undefined || !(command in commandOptions)) {
        const global = parse([...argv], GLOBAL_OPTIONS);
        if ('error' in global)
            return { kind: 'usage-error', message: global.error };
        if (global.values.version)
            return { kind: 'version' };
        if (global.values.help)
            return { kind: 'help' };
        if (command === undefined)
            return { kind: 'usage-error', message: 'no command given', showUsage: true };
        return { kind: 'usage-error', message: `unknown command '${command ?? ''}'; the commands are: ${Object.keys(commandOptions).join(', ')}` };
    }
    const rest = [...argv.slice(0, commandIndex), ...argv.slice(commandIndex + 1)];
    const parsed = parse(rest, { ...GLOBAL_OPTIONS, ...commandOptions[command] });
    if ('error' in parsed)
        return { kind: 'usage-error', message: parsed.error };
    if (parsed.values.help)
        return { kind: 'help', command };
    if (parsed.values.version)
        return { kind: 'version' };
    return { kind: 'command', command, values: parsed.values, positionals: parsed.positionals };
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/import/engine-args.ts
const ENGINES = ['vllm', 'sglang', 'trtllm'];
/** Flags that never take a value (so the next word is not swallowed). */
const BOOLEAN_FLAGS = new Set([
    'enable-expert-parallel', 'ep', 'enable-dp-attention', 'enable-ep-moe', 'enable-deepep-moe', 'trust-remote-code',
    'enforce-eager', 'enable-prefix-caching', 'no-enable-prefix-caching', 'disable-radix-cache', 'enable-chunked-prefill',
    'disable-log-requests', 'enable-torch-compile', 'enable-attention-dp', 'enable-eplb', 'disable-cuda-graph',
    'enable-auto-tool-choice', 'disable-log-stats', 'no-enable-chunked-prefill',
]);
function normaliseFlag(name) {
    return name.replace(/^-+/, '').replace(/_/g, '-').toLowerCase();
}
/** Where the engine's own arguments start in one command, or -1: the word after its entry point. */
function invocationStart(words, engine) {
    const texts = words.map((w) => w.text);
    for (let i = 0; i < texts.length; i++) {
        const t = texts[i];
        const base = t.split('/').pop() ?? t;
        // NVIDIA Dynamo's workers take the engine's own flags: python3 -m dynamo.vllm --model ...
        if (t === `dynamo.${engine}` || t === `dynamo.${engine}.worker`)
            return i + 1;
        if (engine === 'vllm') {
            if (base === 'vllm' && texts[i + 1] === 'serve')
                return i + 2;
            if (/^vllm\.entrypoints\.(openai\.)?api_server$/.test(t))
                return i + 1;
        }
        else if (engine === 'sglang') {
            if (t === 'sglang.launch_server')
                return i + 1;
            if (base === 'sglang' && texts[i + 1] === 'serve')
                return i + 2;
        }
        else if (base === 'trtllm-serve') {
            return texts[i + 1] === 'serve' ? i + 2 : i + 1;
        }
    }
    return -1;
}
/** Which engine a command starts, if any. */
function detectEngine(words) {
    return ENGINES.find((engine) => invocationStart(words, engine) >= 0);
}
/** The command (among several from one script) that starts an engine, and where its arguments begin. */
function findInvocation(commands, engine) {
    for (const words of commands) {
        for (const candidate of engine ? [engine] : ENGINES) {
            const start = invocationStart(words, candidate);
            if (start >= 0)
                return { engine: candidate, words, start };
        }
    }
    return undefined;
}
/** Reads flags from `words[start..]`. The first bare word is the positional model (vllm serve <model>). */
function parseFlags(engine, words, start, line) {
    const flags = new Map();
    let positional;
    for (let i = start; i < words.length; i++) {
        const word = words[i];
        const text = word.text;
        if (text.startsWith('-') && text.length > 1 && !/^-\d/.test(text)) {
            const eq = text.indexOf('=');
            if (eq > 0) {
                flags.set(normaliseFlag(text.slice(0, eq)), {
                    value: text.slice(eq + 1), line: word.line, written: text.slice(0, eq), unresolved: word.unresolved,
                });
                continue;
            }
            const name = normaliseFlag(text);
            const next = words[i + 1];
            const takesValue = !BOOLEAN_FLAGS.has(name) && next !== undefined && !(next.text.startsWith('--') && next.text.length > 2);
            if (takesValue && next) {
                flags.set(name, {
                    value: next.text, line: word.line, written: text, unresolved: [...word.unresolved, ...next.unresolved],
                });
                i++;
            }
            else {
                flags.set(name, { value: true, line: word.line, written: text, unresolved: word.unresolved });
            }
            continue;
        }
        if (positional === undefined)
            positional = { value: text, line: word.line, written: text, unresolved: word.unresolved };
    }
    return { engine, flags, ...(positional ? { positional } : {}), ...(line !== undefined ? { line } : {}) };
}

;// CONCATENATED MODULE: ./src/import/engine-config.ts

/**
 * Flags from a config file's top-level map (lists are skipped). `file` names where the lines are;
 * `mapLine` turns a line of the parsed text into a line of that file (for a config held in a ConfigMap).
 */
function configFlags(root, file, mapLine = (l) => l) {
    const flags = new Map();
    const walk = (node, prefix) => {
        if (node.kind !== 'map')
            return;
        for (const [key, value] of node.entries) {
            const name = prefix === '' ? normaliseFlag(key) : `${prefix}.${normaliseFlag(key)}`;
            if (value.kind === 'map') {
                walk(value, name);
                continue;
            }
            if (value.kind === 'seq' || value.value === null || value.value === undefined)
                continue;
            const text = String(value.value);
            flags.set(name, { value: text, line: mapLine(value.line), written: key, unresolved: [], ...(file !== undefined ? { file } : {}) });
        }
    };
    walk(root, '');
    return flags;
}
/**
 * Combines command-line flags with a config file's. vLLM and SGLang let the command line win over the
 * file; trtllm-serve applies --extra_llm_api_options over its command-line arguments, so there the file wins.
 */
function mergeConfigFlags(args, fromConfig) {
    const flags = new Map();
    const fileWins = args.engine === 'trtllm';
    const [low, high] = fileWins ? [args.flags, fromConfig] : [fromConfig, args.flags];
    for (const [k, v] of low)
        flags.set(k, v);
    for (const [k, v] of high)
        flags.set(k, v);
    return { ...args, flags };
}
/** How each engine reads a file of flags as a whole invocation (for a plan that imports the file itself). */
function argsFromConfig(engine, root) {
    return { engine, flags: configFlags(root), line: root.line };
}

;// CONCATENATED MODULE: ./src/presets/lookup.ts
// Helpers shared by the preset tables: id lookup and freezing.
/** The entry whose key equals `id` ignoring case and surrounding blanks; never an inherited property. */
function lookup(table, id) {
    const key = id.trim().toLowerCase();
    return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
/** Freezes an object and everything it holds, so a shared preset cannot be changed by one caller. */
function deepFreeze(value) {
    if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const inner of Object.values(value))
            deepFreeze(inner);
    }
    return value;
}

;// CONCATENATED MODULE: ./src/presets/checkpoints.ts

const HF = 'https://huggingface.co';
const file = (repo, name) => `${HF}/${repo}/blob/main/${name}`;
const cfg = (repo) => file(repo, 'config.json');
const quantCfg = (repo) => file(repo, 'hf_quant_config.json');
/** The preset's own checkpoint: nothing to override. */
const same = (repo, preset) => ({ repo, preset, source: cfg(repo) });
/**
 * A block-scaled fp8 checkpoint (quant_method fp8, or ModelOpt FP8 with lm_head excluded): every linear
 * layer in fp8, embeddings and LM head in bf16.
 */
const fp8 = (repo, preset, source = cfg(repo)) => ({
    repo, preset, source, storage: { weight_dtype: 'fp8', weight_dtypes: { embeddings: 'bf16' } },
});
const ALL = [
    same('meta-llama/Llama-3.1-8B', 'llama-3.1-8b'),
    same('meta-llama/Llama-3.1-8B-Instruct', 'llama-3.1-8b'),
    // ModelOpt FP8 (hf_quant_config.json: quant_algo FP8, lm_head excluded, no KV-cache quantization)
    fp8('nvidia/Llama-3.1-8B-Instruct-FP8', 'llama-3.1-8b', quantCfg('nvidia/Llama-3.1-8B-Instruct-FP8')),
    same('meta-llama/Llama-3.1-70B', 'llama-3.1-70b'),
    same('meta-llama/Llama-3.1-70B-Instruct', 'llama-3.1-70b'),
    same('meta-llama/Llama-3.3-70B-Instruct', 'llama-3.3-70b'),
    fp8('nvidia/Llama-3.3-70B-Instruct-FP8', 'llama-3.3-70b', quantCfg('nvidia/Llama-3.3-70B-Instruct-FP8')),
    same('meta-llama/Llama-3.1-405B', 'llama-3.1-405b'),
    same('meta-llama/Llama-3.1-405B-Instruct', 'llama-3.1-405b'),
    // fbgemm_fp8: Meta quantizes the MLPs only; attention stays bf16
    {
        repo: 'meta-llama/Llama-3.1-405B-Instruct-FP8', preset: 'llama-3.1-405b', source: cfg('meta-llama/Llama-3.1-405B-Instruct-FP8'),
        storage: { weight_dtypes: { mlp: 'fp8' } },
    },
    same('meta-llama/Llama-4-Scout-17B-16E', 'llama-4-scout'),
    same('meta-llama/Llama-4-Scout-17B-16E-Instruct', 'llama-4-scout'),
    same('meta-llama/Llama-4-Maverick-17B-128E', 'llama-4-maverick'),
    same('meta-llama/Llama-4-Maverick-17B-128E-Instruct', 'llama-4-maverick'),
    same('Qwen/Qwen3-8B', 'qwen3-8b'),
    same('Qwen/Qwen3-32B', 'qwen3-32b'),
    fp8('Qwen/Qwen3-32B-FP8', 'qwen3-32b'),
    // ModelOpt NVFP4 (hf_quant_config.json: quant_algo NVFP4, group_size 16, kv_cache_quant_algo FP8, lm_head excluded)
    {
        repo: 'nvidia/Qwen3-32B-NVFP4', preset: 'qwen3-32b', source: quantCfg('nvidia/Qwen3-32B-NVFP4'),
        storage: { weight_dtype: 'fp4', weight_dtypes: { embeddings: 'bf16' }, quant_group_size: 16, kv_cache_dtype: 'fp8' },
    },
    same('Qwen/Qwen3-30B-A3B', 'qwen3-30b-a3b'),
    same('Qwen/Qwen3-235B-A22B', 'qwen3-235b-a22b'),
    fp8('Qwen/Qwen3-235B-A22B-FP8', 'qwen3-235b-a22b'),
    same('Qwen/Qwen3-Next-80B-A3B-Instruct', 'qwen3-next-80b-a3b'),
    same('Qwen/Qwen3-Next-80B-A3B-Thinking', 'qwen3-next-80b-a3b'),
    fp8('Qwen/Qwen3-Next-80B-A3B-Instruct-FP8', 'qwen3-next-80b-a3b'),
    same('Qwen/Qwen3.5-397B-A17B', 'qwen3.5-397b-a17b'),
    fp8('Qwen/Qwen3.5-397B-A17B-FP8', 'qwen3.5-397b-a17b'),
    same('deepseek-ai/DeepSeek-V3', 'deepseek-v3'),
    same('deepseek-ai/DeepSeek-V3-0324', 'deepseek-v3'),
    same('deepseek-ai/DeepSeek-R1', 'deepseek-r1'),
    same('deepseek-ai/DeepSeek-R1-0528', 'deepseek-r1'),
    // ModelOpt NVFP4 (hf_quant_config.json: group_size 16; every self_attn, the routers, the MTP layer,
    // embeddings and lm_head excluded): MLPs and experts in NVFP4, attention in bf16
    ...['nvidia/DeepSeek-R1-NVFP4', 'nvidia/DeepSeek-R1-0528-NVFP4'].map((repo) => ({
        repo, preset: 'deepseek-r1', source: quantCfg(repo),
        storage: { weight_dtype: 'fp4', weight_dtypes: { attention: 'bf16', embeddings: 'bf16' }, quant_group_size: 16 },
    })),
    {
        repo: 'nvidia/DeepSeek-V3-0324-NVFP4', preset: 'deepseek-v3', source: quantCfg('nvidia/DeepSeek-V3-0324-NVFP4'),
        storage: { weight_dtype: 'fp4', weight_dtypes: { attention: 'bf16', embeddings: 'bf16' }, quant_group_size: 16 },
    },
    same('deepseek-ai/DeepSeek-V3.1', 'deepseek-v3.1'),
    same('deepseek-ai/DeepSeek-V3.1-Terminus', 'deepseek-v3.1'),
    same('deepseek-ai/DeepSeek-V3.2', 'deepseek-v3.2'),
    same('deepseek-ai/DeepSeek-V3.2-Exp', 'deepseek-v3.2'),
    same('openai/gpt-oss-20b', 'gpt-oss-20b'),
    same('openai/gpt-oss-120b', 'gpt-oss-120b'),
    same('MiniMaxAI/MiniMax-M2', 'minimax-m2.5'),
    same('MiniMaxAI/MiniMax-M2.1', 'minimax-m2.5'),
    same('MiniMaxAI/MiniMax-M2.5', 'minimax-m2.5'),
    same('moonshotai/Kimi-K2-Instruct', 'kimi-k2'),
    same('moonshotai/Kimi-K2-Instruct-0905', 'kimi-k2'),
    same('moonshotai/Kimi-K2-Base', 'kimi-k2'),
    // compressed-tensors pack-quantized: int4 routed experts in groups of 32 (bf16 scales), the rest bf16
    same('moonshotai/Kimi-K2.5', 'kimi-k2.5'),
    same('zai-org/GLM-5', 'glm-5'),
    // the zhipuai organisation name appears in benchmark data for the same release
    { repo: 'zhipuai/GLM-5', preset: 'glm-5', source: cfg('zai-org/GLM-5') },
    fp8('zai-org/GLM-5-FP8', 'glm-5'),
    same('zai-org/GLM-4.5', 'glm-4.7'),
    same('zai-org/GLM-4.6', 'glm-4.7'),
    same('zai-org/GLM-4.7', 'glm-4.7'),
    fp8('zai-org/GLM-4.5-FP8', 'glm-4.7'),
    fp8('zai-org/GLM-4.6-FP8', 'glm-4.7'),
    fp8('zai-org/GLM-4.7-FP8', 'glm-4.7'),
    same('mistralai/Mixtral-8x7B-Instruct-v0.1', 'mixtral-8x7b'),
    same('mistralai/Mixtral-8x22B-Instruct-v0.1', 'mixtral-8x22b'),
];
/** Every known checkpoint by its lower-case repository id; deeply frozen. */
const CHECKPOINTS = deepFreeze(Object.fromEntries(ALL.map((c) => [c.repo.toLowerCase(), c])));
/**
 * The repository id in a model reference as users and engines write it: owner/name, optionally behind
 * hf://, https://huggingface.co/ or a local models directory (/models/owner/name), without a trailing
 * slash or a revision (@main, :latest).
 */
function repoOf(reference) {
    let r = reference.trim().replace(/^hf:\/\//i, '').replace(/^https?:\/\/(www\.)?huggingface\.co\//i, '');
    r = r.replace(/\/+$/, '').replace(/[@:][\w.-]*$/, '');
    const parts = r.split('/').filter((p) => p !== '');
    return parts.length >= 2 ? `${parts[parts.length - 2]}/${parts[parts.length - 1]}` : r;
}
/** The checkpoint a model reference names (case-insensitive), or undefined. */
function checkpointFor(reference) {
    const key = repoOf(reference).toLowerCase();
    return Object.prototype.hasOwnProperty.call(CHECKPOINTS, key) ? CHECKPOINTS[key] : undefined;
}
/**
 * A preset's spec with the checkpoint's storage laid over it. Storage that names weight_dtype describes
 * every part (the preset's per-part dtypes and quant group give way); storage that names only some parts
 * (weight_dtypes.mlp) changes those.
 */
function withStorage(spec, storage) {
    if (!storage)
        return spec;
    if (storage.weight_dtype === undefined) {
        return { ...spec, ...storage, ...(storage.weight_dtypes ? { weight_dtypes: { ...spec.weight_dtypes, ...storage.weight_dtypes } } : {}) };
    }
    const { weight_dtypes: _parts, quant_group_size: _group, ...rest } = spec;
    return { ...rest, ...storage };
}

;// CONCATENATED MODULE: ./src/presets/models.ts


const models_HF = 'https://huggingface.co';
const config = (repo) => `${models_HF}/${repo}/blob/main/config.json`;
const card = (repo) => `${models_HF}/${repo}`;
const LLAMA_3_VOCAB = 128256;
const QWEN3_VOCAB = 151936;
const llama31_8b = {
    id: 'llama-3.1-8b',
    name: 'Llama 3.1 8B',
    source: config('meta-llama/Llama-3.1-8B-Instruct'),
    spec: {
        params: 8.03e9,
        layers: 32,
        hidden_size: 4096,
        heads: 32,
        kv_heads: 8,
        head_dim: 128,
        ffn_hidden_size: 14336,
        vocab_size: LLAMA_3_VOCAB,
        tied_embeddings: false,
        attention: 'gqa',
        mlp: 'gated',
        weight_dtype: 'bf16',
    },
    // Hugging Face model card: "8.03B params"
    published: { params: 8.03e9, source: card('meta-llama/Llama-3.1-8B-Instruct') },
};
const llama31_70bSpec = {
    params: 70.6e9,
    layers: 80,
    hidden_size: 8192,
    heads: 64,
    kv_heads: 8,
    head_dim: 128,
    ffn_hidden_size: 28672,
    vocab_size: LLAMA_3_VOCAB,
    tied_embeddings: false,
    attention: 'gqa',
    mlp: 'gated',
    weight_dtype: 'bf16',
};
const llama31_70b = {
    id: 'llama-3.1-70b',
    name: 'Llama 3.1 70B',
    source: config('meta-llama/Llama-3.1-70B-Instruct'),
    spec: llama31_70bSpec,
    // Hugging Face model card: "70.6B params"
    published: { params: 70.6e9, source: card('meta-llama/Llama-3.1-70B-Instruct') },
};
// Llama 3.3 70B reuses the 3.1 70B architecture (same config.json shape).
const llama33_70b = {
    id: 'llama-3.3-70b',
    name: 'Llama 3.3 70B',
    source: config('meta-llama/Llama-3.3-70B-Instruct'),
    spec: structuredClone(llama31_70bSpec),
    published: { params: 70.6e9, source: card('meta-llama/Llama-3.3-70B-Instruct') },
};
const llama31_405b = {
    id: 'llama-3.1-405b',
    name: 'Llama 3.1 405B',
    source: config('meta-llama/Llama-3.1-405B-Instruct'),
    spec: {
        params: 405.9e9,
        layers: 126,
        hidden_size: 16384,
        heads: 128,
        kv_heads: 8,
        head_dim: 128,
        ffn_hidden_size: 53248,
        vocab_size: LLAMA_3_VOCAB,
        tied_embeddings: false,
        attention: 'gqa',
        mlp: 'gated',
        weight_dtype: 'bf16',
    },
    // Hugging Face model card: "406B params" (405.9B counted from the safetensors)
    published: { params: 405.9e9, source: card('meta-llama/Llama-3.1-405B-Instruct') },
};
// Qwen3 trap: head_dim is 128 although hidden_size / heads = 5120 / 64 = 80.
const qwen3_32b = {
    id: 'qwen3-32b',
    name: 'Qwen3 32B',
    source: config('Qwen/Qwen3-32B'),
    spec: {
        params: 32.8e9,
        layers: 64,
        hidden_size: 5120,
        heads: 64,
        kv_heads: 8,
        head_dim: 128,
        ffn_hidden_size: 25600,
        vocab_size: QWEN3_VOCAB,
        tied_embeddings: false,
        attention: 'gqa',
        mlp: 'gated',
        weight_dtype: 'bf16',
    },
    // Model card: "Number of Parameters: 32.8B"
    published: { params: 32.8e9, source: card('Qwen/Qwen3-32B') },
};
const qwen3_8b = {
    id: 'qwen3-8b',
    name: 'Qwen3 8B',
    source: config('Qwen/Qwen3-8B'),
    spec: {
        params: 8.2e9,
        layers: 36,
        hidden_size: 4096,
        heads: 32,
        kv_heads: 8,
        head_dim: 128,
        ffn_hidden_size: 12288,
        vocab_size: QWEN3_VOCAB,
        tied_embeddings: false,
        attention: 'gqa',
        mlp: 'gated',
        weight_dtype: 'bf16',
    },
    // Model card: "Number of Parameters: 8.2B"
    published: { params: 8.2e9, source: card('Qwen/Qwen3-8B') },
};
// Qwen3-MoE: every layer is MoE (decoder_sparse_step 1, mlp_only_layers []), no shared experts.
const qwen3_235b = {
    id: 'qwen3-235b-a22b',
    name: 'Qwen3 235B-A22B',
    source: config('Qwen/Qwen3-235B-A22B'),
    spec: {
        params: 235e9,
        layers: 94,
        hidden_size: 4096,
        heads: 64,
        kv_heads: 4,
        head_dim: 128,
        vocab_size: QWEN3_VOCAB,
        tied_embeddings: false,
        attention: 'gqa',
        mlp: 'gated',
        moe: { experts: 128, top_k: 8, shared_experts: 0, expert_ffn_hidden_size: 1536, dense_layers: 0 },
        weight_dtype: 'bf16',
    },
    // Model card: "Number of Parameters: 235B in total and 22B activated"
    published: { params: 235e9, active_params: 22e9, source: card('Qwen/Qwen3-235B-A22B') },
};
const qwen3_30b = {
    id: 'qwen3-30b-a3b',
    name: 'Qwen3 30B-A3B',
    source: config('Qwen/Qwen3-30B-A3B'),
    spec: {
        params: 30.5e9,
        layers: 48,
        hidden_size: 2048,
        heads: 32,
        kv_heads: 4,
        head_dim: 128,
        vocab_size: QWEN3_VOCAB,
        tied_embeddings: false,
        attention: 'gqa',
        mlp: 'gated',
        moe: { experts: 128, top_k: 8, shared_experts: 0, expert_ffn_hidden_size: 768, dense_layers: 0 },
        weight_dtype: 'bf16',
    },
    // Model card: "Number of Parameters: 30.5B in total and 3.3B activated"
    published: { params: 30.5e9, active_params: 3.3e9, source: card('Qwen/Qwen3-30B-A3B') },
};
// Mixtral: the experts' width is config.json's intermediate_size; no dense MLP.
const mixtral_8x7b = {
    id: 'mixtral-8x7b',
    name: 'Mixtral 8x7B',
    source: config('mistralai/Mixtral-8x7B-Instruct-v0.1'),
    spec: {
        params: 46.7e9,
        layers: 32,
        hidden_size: 4096,
        heads: 32,
        kv_heads: 8,
        head_dim: 128,
        vocab_size: 32000,
        tied_embeddings: false,
        attention: 'gqa',
        mlp: 'gated',
        moe: { experts: 8, top_k: 2, shared_experts: 0, expert_ffn_hidden_size: 14336, dense_layers: 0 },
        weight_dtype: 'bf16',
    },
    // Mistral AI, "Mixtral of experts" (2023): 46.7B total, 12.9B used per token
    published: { params: 46.7e9, active_params: 12.9e9, source: 'https://mistral.ai/news/mixtral-of-experts' },
};
const mixtral_8x22b = {
    id: 'mixtral-8x22b',
    name: 'Mixtral 8x22B',
    source: config('mistralai/Mixtral-8x22B-Instruct-v0.1'),
    spec: {
        params: 141e9,
        layers: 56,
        hidden_size: 6144,
        heads: 48,
        kv_heads: 8,
        head_dim: 128,
        vocab_size: 32768, // the Instruct model's v3 tokenizer; the base v0.1 config has 32000
        tied_embeddings: false,
        attention: 'gqa',
        mlp: 'gated',
        moe: { experts: 8, top_k: 2, shared_experts: 0, expert_ffn_hidden_size: 16384, dense_layers: 0 },
        weight_dtype: 'bf16',
    },
    // Mistral AI, "Cheaper, Better, Faster, Stronger" (2024): 39B active out of 141B
    published: { params: 141e9, active_params: 39e9, source: 'https://mistral.ai/news/mixtral-8x22b' },
};
// DeepSeek-V3 / R1: MLA attention, 3 dense layers then MoE layers with 256 routed
// experts (top-8) and 1 shared expert. The released checkpoint is fp8 (block-scaled
// e4m3). 671B is the main model; the checkpoint also holds a 14B multi-token
// prediction (MTP) module (685B in all), not counted here.
const deepseekV3Spec = {
    params: 671e9,
    layers: 61,
    hidden_size: 7168,
    heads: 128,
    kv_heads: 128,
    ffn_hidden_size: 18432,
    vocab_size: 129280,
    tied_embeddings: false,
    attention: 'mla',
    mlp: 'gated',
    mla: { kv_lora_rank: 512, qk_rope_head_dim: 64, q_lora_rank: 1536, qk_nope_head_dim: 128, v_head_dim: 128 },
    moe: { experts: 256, top_k: 8, shared_experts: 1, expert_ffn_hidden_size: 2048, dense_layers: 3 },
    // num_nextn_predict_layers: the MTP module, loaded only when speculative decoding uses it
    mtp_layers: 1,
    weight_dtype: 'fp8',
    // the fp8 quantization covers the linear layers; embeddings and LM head ship in bf16
    weight_dtypes: { embeddings: 'bf16' },
};
const deepseekV3 = {
    id: 'deepseek-v3',
    name: 'DeepSeek-V3',
    source: config('deepseek-ai/DeepSeek-V3'),
    spec: deepseekV3Spec,
    // DeepSeek-V3 Technical Report (arXiv:2412.19437): 671B total, 37B activated per token
    published: { params: 671e9, active_params: 37e9, source: 'https://arxiv.org/abs/2412.19437' },
};
const deepseekR1 = {
    id: 'deepseek-r1',
    name: 'DeepSeek-R1',
    source: config('deepseek-ai/DeepSeek-R1'),
    spec: structuredClone(deepseekV3Spec),
    // Model card: "671B total parameters, 37B activated", same architecture as V3
    published: { params: 671e9, active_params: 37e9, source: card('deepseek-ai/DeepSeek-R1') },
};
// gpt-oss: every layer is MoE; experts are as wide as hidden_size (2880); layers
// alternate sliding-window (128 tokens) and full attention; the checkpoint ships
// the experts in MXFP4 and everything else in bf16.
const gptOss120b = {
    id: 'gpt-oss-120b',
    name: 'gpt-oss-120b',
    source: config('openai/gpt-oss-120b'),
    spec: {
        params: 116.83e9,
        layers: 36,
        hidden_size: 2880,
        heads: 64,
        kv_heads: 8,
        head_dim: 64,
        vocab_size: 201088,
        tied_embeddings: false,
        attention: 'gqa',
        mlp: 'gated',
        moe: { experts: 128, top_k: 4, shared_experts: 0, expert_ffn_hidden_size: 2880, dense_layers: 0 },
        sliding_window: 128,
        sliding_window_layers: 18,
        weight_dtype: 'bf16',
        weight_dtypes: { experts: 'fp4' },
    },
    // OpenAI, gpt-oss model card (arXiv:2508.10925), table 1: 116.83B total, 5.13B active
    published: { params: 116.83e9, active_params: 5.13e9, source: 'https://arxiv.org/abs/2508.10925' },
};
const gptOss20b = {
    id: 'gpt-oss-20b',
    name: 'gpt-oss-20b',
    source: config('openai/gpt-oss-20b'),
    spec: {
        params: 20.91e9,
        layers: 24,
        hidden_size: 2880,
        heads: 64,
        kv_heads: 8,
        head_dim: 64,
        vocab_size: 201088,
        tied_embeddings: false,
        attention: 'gqa',
        mlp: 'gated',
        moe: { experts: 32, top_k: 4, shared_experts: 0, expert_ffn_hidden_size: 2880, dense_layers: 0 },
        sliding_window: 128,
        sliding_window_layers: 12,
        weight_dtype: 'bf16',
        weight_dtypes: { experts: 'fp4' },
    },
    // OpenAI, gpt-oss model card (arXiv:2508.10925), table 1: 20.91B total, 3.61B active
    published: { params: 20.91e9, active_params: 3.61e9, source: 'https://arxiv.org/abs/2508.10925' },
};
// DeepSeek-V3.1 keeps the V3 architecture (same config.json shape); DeepSeek-V3.2 adds DeepSeek Sparse
// Attention: an indexer per layer (index_n_heads 64 x index_head_dim 128) picks index_topk 2048 tokens.
const deepseekV31 = {
    id: 'deepseek-v3.1',
    name: 'DeepSeek-V3.1',
    source: config('deepseek-ai/DeepSeek-V3.1'),
    spec: structuredClone(deepseekV3Spec),
    // Model card: the same 671B-total, 37B-activated architecture as DeepSeek-V3
    published: { params: 671e9, active_params: 37e9, source: card('deepseek-ai/DeepSeek-V3.1') },
};
const deepseekV32 = {
    id: 'deepseek-v3.2',
    name: 'DeepSeek-V3.2',
    source: config('deepseek-ai/DeepSeek-V3.2'),
    spec: { ...structuredClone(deepseekV3Spec), sparse_attention: { index_heads: 64, index_head_dim: 128, index_topk: 2048 } },
    // Model card: DeepSeek-V3.1-Terminus's architecture (671B total, 37B activated) plus DSA; the indexer adds about 0.9B
    published: { params: 671e9, active_params: 37e9, source: card('deepseek-ai/DeepSeek-V3.2') },
};
// Kimi K2: DeepSeek-V3's design with 384 routed experts, 64 heads and one leading dense layer. K2-Instruct
// ships block-scaled fp8; K2.5 continues pre-training K2-Base (a vision tower added, config nested under
// text_config) and ships its routed experts as int4 in groups of 32 with bf16 scales (compressed-tensors
// pack-quantized, QAT), everything else in bf16.
const kimiK2Spec = {
    params: 1.04e12,
    layers: 61,
    hidden_size: 7168,
    heads: 64,
    kv_heads: 64,
    ffn_hidden_size: 18432,
    vocab_size: 163840,
    tied_embeddings: false,
    attention: 'mla',
    mlp: 'gated',
    mla: { kv_lora_rank: 512, qk_rope_head_dim: 64, q_lora_rank: 1536, qk_nope_head_dim: 128, v_head_dim: 128 },
    moe: { experts: 384, top_k: 8, shared_experts: 1, expert_ffn_hidden_size: 2048, dense_layers: 1 },
    weight_dtype: 'fp8',
    weight_dtypes: { embeddings: 'bf16' },
};
// Kimi K2 technical report (arXiv:2507.20534): "32 billion activated parameters and 1.04 trillion total parameters"
const KIMI_K2_REPORT = 'https://arxiv.org/abs/2507.20534';
const kimiK2 = {
    id: 'kimi-k2',
    name: 'Kimi K2',
    source: config('moonshotai/Kimi-K2-Instruct'),
    spec: kimiK2Spec,
    published: { params: 1.04e12, active_params: 32e9, source: KIMI_K2_REPORT },
};
const kimiK25 = {
    id: 'kimi-k2.5',
    name: 'Kimi K2.5',
    source: config('moonshotai/Kimi-K2.5'),
    spec: { ...structuredClone(kimiK2Spec), weight_dtype: 'bf16', weight_dtypes: { experts: 'int4' }, quant_group_size: 32 },
    // The model card's "1T total, 32B activated" is K2's text model (report above) plus a 0.4B vision tower
    published: { params: 1.04e12, active_params: 32e9, source: KIMI_K2_REPORT },
};
// GLM-5 (glm_moe_dsa): MLA with DeepSeek Sparse Attention (32 indexer heads), 3 leading dense layers,
// 256 routed experts and one shared, one MTP layer; released in bf16 (zai-org/GLM-5-FP8 is the fp8 one).
const glm5 = {
    id: 'glm-5',
    name: 'GLM-5',
    source: config('zai-org/GLM-5'),
    spec: {
        params: 744e9,
        layers: 78,
        hidden_size: 6144,
        heads: 64,
        kv_heads: 64,
        ffn_hidden_size: 12288,
        vocab_size: 154880,
        tied_embeddings: false,
        attention: 'mla',
        mlp: 'gated',
        mla: { kv_lora_rank: 512, qk_rope_head_dim: 64, q_lora_rank: 2048, qk_nope_head_dim: 192, v_head_dim: 256 },
        moe: { experts: 256, top_k: 8, shared_experts: 1, expert_ffn_hidden_size: 2048, dense_layers: 3 },
        sparse_attention: { index_heads: 32, index_head_dim: 128, index_topk: 2048 },
        mtp_layers: 1,
        weight_dtype: 'bf16',
    },
    // Model card: "from 355B parameters (32B active) to 744B parameters (40B active)"
    published: { params: 744e9, active_params: 40e9, source: card('zai-org/GLM-5') },
};
// GLM-4.5 / 4.6 / 4.7 share one architecture (glm4_moe): GQA with 96 heads over 8 KV heads, 3 leading
// dense layers, 160 routed experts and one shared, one MTP layer.
const glm47 = {
    id: 'glm-4.7',
    name: 'GLM-4.7',
    source: config('zai-org/GLM-4.7'),
    spec: {
        params: 355e9,
        layers: 92,
        hidden_size: 5120,
        heads: 96,
        kv_heads: 8,
        head_dim: 128,
        ffn_hidden_size: 12288,
        vocab_size: 151552,
        tied_embeddings: false,
        attention: 'gqa',
        mlp: 'gated',
        moe: { experts: 160, top_k: 8, shared_experts: 1, expert_ffn_hidden_size: 1536, dense_layers: 3 },
        mtp_layers: 1,
        weight_dtype: 'bf16',
    },
    // Model card (GLM-4.5, the same architecture): "355 billion total parameters and 32 billion active"
    published: { params: 355e9, active_params: 32e9, source: card('zai-org/GLM-4.5') },
};
// MiniMax-M2 / M2.1 / M2.5 share one architecture (minimax_m2): 62 layers, all MoE (256 experts of
// 1536, top-8, no shared expert), GQA 48 over 8 heads of 128, three MTP modules; released in
// block-scaled fp8 (embeddings and LM head bf16).
const minimaxM25 = {
    id: 'minimax-m2.5',
    name: 'MiniMax-M2.5',
    source: config('MiniMaxAI/MiniMax-M2.5'),
    spec: {
        params: 230e9,
        layers: 62,
        hidden_size: 3072,
        heads: 48,
        kv_heads: 8,
        head_dim: 128,
        vocab_size: 200064,
        tied_embeddings: false,
        attention: 'gqa',
        mlp: 'gated',
        moe: { experts: 256, top_k: 8, shared_experts: 0, expert_ffn_hidden_size: 1536, dense_layers: 0 },
        mtp_layers: 3,
        weight_dtype: 'fp8',
        weight_dtypes: { embeddings: 'bf16' },
    },
    // Model card (MiniMax-M2, the same architecture): "230 billion total parameters with 10 billion active"
    published: { params: 230e9, active_params: 10e9, source: card('MiniMaxAI/MiniMax-M2'), rounded_to: 1e9 },
};
// Qwen3-Next and Qwen3.5 are hybrids: three Gated DeltaNet (linear attention) layers, then one gated
// full-attention layer (its q projection also yields an output gate), repeated; every layer is MoE with
// many small experts and one shared expert. Qwen3.5 nests the text model under text_config.
const qwen35_397b = {
    id: 'qwen3.5-397b-a17b',
    name: 'Qwen3.5 397B-A17B',
    source: config('Qwen/Qwen3.5-397B-A17B'),
    spec: {
        params: 397e9,
        layers: 60,
        hidden_size: 4096,
        heads: 32,
        kv_heads: 2,
        head_dim: 256,
        vocab_size: 248320,
        tied_embeddings: false,
        attention: 'gqa',
        mlp: 'gated',
        attention_output_gate: true,
        linear_attention: { layers: 45, key_heads: 16, value_heads: 64, key_head_dim: 128, value_head_dim: 128, conv_kernel: 4 },
        moe: { experts: 512, top_k: 10, shared_experts: 1, expert_ffn_hidden_size: 1024, shared_expert_ffn_hidden_size: 1024, dense_layers: 0 },
        mtp_layers: 1,
        weight_dtype: 'bf16',
    },
    // Model card: "397B in total and 17B activated" (the vision encoder included in the total)
    published: { params: 397e9, active_params: 17e9, source: card('Qwen/Qwen3.5-397B-A17B') },
};
const qwen3Next80b = {
    id: 'qwen3-next-80b-a3b',
    name: 'Qwen3-Next 80B-A3B',
    source: config('Qwen/Qwen3-Next-80B-A3B-Instruct'),
    spec: {
        params: 80e9,
        layers: 48,
        hidden_size: 2048,
        heads: 16,
        kv_heads: 2,
        head_dim: 256,
        vocab_size: QWEN3_VOCAB,
        tied_embeddings: false,
        attention: 'gqa',
        mlp: 'gated',
        attention_output_gate: true,
        linear_attention: { layers: 36, key_heads: 16, value_heads: 32, key_head_dim: 128, value_head_dim: 128, conv_kernel: 4 },
        moe: { experts: 512, top_k: 10, shared_experts: 1, expert_ffn_hidden_size: 512, shared_expert_ffn_hidden_size: 512, dense_layers: 0 },
        weight_dtype: 'bf16',
    },
    // Model card: "80B in total and 3B activated"
    published: { params: 80e9, active_params: 3e9, source: card('Qwen/Qwen3-Next-80B-A3B-Instruct'), rounded_to: 1e9 },
};
// Llama 4: every fourth layer attends globally without RoPE, the others attend within aligned chunks of
// attention_chunk_size 8192 tokens; MoE layers have one routed expert per token (top-1) plus a shared
// expert, both intermediate_size wide. Maverick alternates dense (intermediate_size_mlp 16384) and MoE
// layers (interleave_moe_layer_step 2); every Scout layer is MoE.
const llama4Attention = {
    layers: 48,
    hidden_size: 5120,
    heads: 40,
    kv_heads: 8,
    head_dim: 128,
    vocab_size: 202048,
    tied_embeddings: false,
    attention: 'gqa',
    mlp: 'gated',
    sliding_window: 8192,
    sliding_window_layers: 36,
    sliding_window_kind: 'chunked',
    weight_dtype: 'bf16',
};
const llama4Scout = {
    id: 'llama-4-scout',
    name: 'Llama 4 Scout 17B-16E',
    source: config('meta-llama/Llama-4-Scout-17B-16E-Instruct'),
    spec: {
        ...llama4Attention,
        params: 109e9,
        moe: { experts: 16, top_k: 1, shared_experts: 1, expert_ffn_hidden_size: 8192, dense_layers: 0 },
    },
    // Model card: "17B activated, 109B total" (vision encoder included)
    published: { params: 109e9, active_params: 17e9, source: card('meta-llama/Llama-4-Scout-17B-16E-Instruct') },
};
const llama4Maverick = {
    id: 'llama-4-maverick',
    name: 'Llama 4 Maverick 17B-128E',
    source: config('meta-llama/Llama-4-Maverick-17B-128E-Instruct'),
    spec: {
        ...llama4Attention,
        params: 400e9,
        ffn_hidden_size: 16384,
        moe: { experts: 128, top_k: 1, shared_experts: 1, expert_ffn_hidden_size: 8192, dense_layers: 24, interleaved: true },
    },
    // Model card: "17B activated, 400B total"
    published: { params: 400e9, active_params: 17e9, source: card('meta-llama/Llama-4-Maverick-17B-128E-Instruct') },
};
const models_ALL = [
    llama31_8b,
    llama31_70b,
    llama33_70b,
    llama31_405b,
    qwen3_8b,
    qwen3_32b,
    qwen3_30b,
    qwen3_235b,
    mixtral_8x7b,
    mixtral_8x22b,
    deepseekV3,
    deepseekR1,
    gptOss20b,
    gptOss120b,
    deepseekV31,
    deepseekV32,
    kimiK2,
    kimiK25,
    glm5,
    glm47,
    minimaxM25,
    qwen35_397b,
    qwen3Next80b,
    llama4Scout,
    llama4Maverick,
];
/** Every model preset by id; deeply frozen, so a caller cannot change a preset for the next plan. */
const MODEL_PRESETS = deepFreeze(Object.fromEntries(models_ALL.map((preset) => [preset.id, preset])));
/**
 * The preset with this id (case-insensitive), or the preset of a Hugging Face checkpoint
 * (moonshotai/Kimi-K2.5, nvidia/Qwen3-32B-NVFP4, hf://..., https://huggingface.co/...) with the
 * checkpoint's quantization; a fresh copy the caller may change, or undefined: an unknown id
 * never falls back to a default.
 */
function modelPreset(id) {
    const preset = lookup(MODEL_PRESETS, id);
    if (preset !== undefined)
        return structuredClone(preset);
    const checkpoint = checkpointFor(id);
    const base = checkpoint === undefined ? undefined : MODEL_PRESETS[checkpoint.preset];
    if (checkpoint === undefined || base === undefined)
        return undefined;
    const copy = structuredClone(base);
    return { ...copy, spec: withStorage(copy.spec, structuredClone(checkpoint.storage)), checkpoint: structuredClone(checkpoint) };
}
/** Hugging Face repository ids accepted as model presets. */
function checkpointIds() {
    return Object.values(CHECKPOINTS).map((c) => c.repo);
}

;// CONCATENATED MODULE: ./src/presets/hardware.ts

const MiB = 2 ** 20;
const GiB = 2 ** 30;
const TFLOPS = 1e12;
const GBps = 1e9;
const TBps = 1e12;
/** a network link rate in Gb/s as bytes/s */
const gbit = (gigabits) => (gigabits * 1e9) / 8;
const A100_DATASHEET = 'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf';
const H100_DATASHEET = 'https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet';
const HOPPER_WHITEPAPER = 'https://resources.nvidia.com/en-us-tensor-core/gtc22-whitepaper-hopper';
const H200_PAGE = 'https://www.nvidia.com/en-us/data-center/h200/';
const DGX_B200_PAGE = 'https://www.nvidia.com/en-us/data-center/dgx-b200/';
const HGX_PAGE = 'https://www.nvidia.com/en-us/data-center/hgx/';
const GB200_PAGE = 'https://www.nvidia.com/en-us/data-center/gb200-nvl72/';
const MI300X_PAGE = 'https://www.amd.com/en/products/accelerators/instinct/mi300/mi300x.html';
const MI325X_PAGE = 'https://www.amd.com/en/products/accelerators/instinct/mi300/mi325x.html';
const L40S_DATASHEET = 'https://resources.nvidia.com/en-us-l40s/l40s-datasheet-28413';
const ADA_WHITEPAPER = 'https://images.nvidia.com/aem-dam/Solutions/geforce/ada/nvidia-ada-gpu-architecture.pdf';
const ASCEND_910B_PAGE = 'https://www.hiascend.com/hardware/product';
const BLACKWELL_ULTRA_DATASHEET = 'https://resources.nvidia.com/en-us-blackwell-architecture/blackwell-ultra-datasheet';
const HGX_B300_PAGE = 'https://www.nvidia.com/en-us/data-center/hgx/';
const GB300_PAGE = 'https://www.nvidia.com/en-us/data-center/gb300-nvl72/';
// NVIDIA's aiconfigurator system files carry the per-GPU figures of the datasheet and the nvidia-smi capacity
const AIC_B300 = 'https://github.com/ai-dynamo/aiconfigurator/blob/main/src/aiconfigurator/systems/b300_sxm.yaml';
const AIC_GB300 = 'https://github.com/ai-dynamo/aiconfigurator/blob/main/src/aiconfigurator/systems/gb300.yaml';
const MI355X_PAGE = 'https://www.amd.com/en/products/accelerators/instinct/mi350/mi355x.html';
const RTX_PRO_6000_PAGE = 'https://www.nvidia.com/en-us/data-center/rtx-pro-6000-blackwell-server-edition/';
const hardware_ALL = [
    {
        id: 'a100-40gb',
        name: 'NVIDIA A100 40GB SXM',
        sources: [A100_DATASHEET],
        spec: {
            name: 'NVIDIA A100 40GB SXM',
            gpus_per_node: 8,
            memory: 40_960 * MiB, // nvidia-smi: 40960MiB (older drivers show 40536MiB)
            peak_tflops: 312 * TFLOPS, // datasheet BF16 Tensor Core 312 (624 sparse)
            memory_bandwidth: 1555 * GBps, // datasheet 1,555 GB/s
            intra_node_bandwidth: 300 * GBps, // NVLink3 600 GB/s bidirectional
            inter_node_bandwidth: gbit(200), // DGX A100: one 200 Gb/s HDR InfiniBand NIC per GPU
        },
        notes: 'No fp8 math (Ampere): fp8 weights run at the 16-bit peak. Some drivers report 40536 MiB rather than ' +
            '40960 MiB. HGX/DGX A100 8-GPU node assumed.',
    },
    {
        id: 'a100-80gb',
        name: 'NVIDIA A100 80GB SXM',
        sources: [A100_DATASHEET],
        spec: {
            name: 'NVIDIA A100 80GB SXM',
            gpus_per_node: 8,
            memory: 81_920 * MiB, // nvidia-smi: 81920MiB
            peak_tflops: 312 * TFLOPS, // datasheet BF16 Tensor Core 312 (624 sparse)
            memory_bandwidth: 2039 * GBps, // datasheet 2,039 GB/s (SXM)
            intra_node_bandwidth: 300 * GBps, // NVLink3 600 GB/s bidirectional
            inter_node_bandwidth: gbit(200), // DGX A100: one 200 Gb/s HDR InfiniBand NIC per GPU
        },
        notes: 'No fp8 math (Ampere): fp8 weights run at the 16-bit peak. HGX/DGX A100 8-GPU node assumed.',
    },
    {
        id: 'h100-sxm',
        name: 'NVIDIA H100 80GB SXM',
        sources: [H100_DATASHEET, HOPPER_WHITEPAPER],
        spec: {
            name: 'NVIDIA H100 80GB SXM',
            gpus_per_node: 8,
            // CUDA-visible total: vLLM 0.19 on H100 80GB logs "Requested memory: 0.950000 (util), 75.23 GiB" =
            // 0.95 x 79.19 GiB (llm-d-planner accuracy report: "physical 79.19 GiB"); nvidia-smi shows 81559MiB.
            memory: Math.round(79.19 * GiB),
            peak_tflops: 989.4 * TFLOPS, // datasheet BF16 Tensor Core 1,979 with sparsity; whitepaper dense 989.4
            peak_tflops_fp8: 1978.9 * TFLOPS, // datasheet FP8 3,958 with sparsity; whitepaper dense 1,978.9
            memory_bandwidth: 3.35 * TBps, // datasheet 3.35 TB/s
            intra_node_bandwidth: 450 * GBps, // NVLink4 900 GB/s bidirectional
            inter_node_bandwidth: gbit(400), // DGX H100: one 400 Gb/s NDR NIC per GPU
        },
        notes: 'HGX/DGX H100 8-GPU node assumed.',
    },
    {
        id: 'h100-pcie',
        name: 'NVIDIA H100 80GB PCIe',
        sources: [H100_DATASHEET],
        spec: {
            name: 'NVIDIA H100 80GB PCIe',
            gpus_per_node: 8,
            memory: Math.round(79.19 * GiB), // as the SXM part: nvidia-smi shows the same 81559MiB (80 GB HBM2e), CUDA 79.19 GiB
            peak_tflops: 756.5 * TFLOPS, // datasheet BF16 Tensor Core 1,513 with sparsity -> 756.5 dense
            peak_tflops_fp8: 1513 * TFLOPS, // datasheet FP8 3,026 with sparsity -> 1,513 dense
            memory_bandwidth: 2.0 * TBps, // datasheet 2 TB/s
            intra_node_bandwidth: 64 * GBps, // PCIe Gen5 x16, one direction
            inter_node_bandwidth: gbit(400), // one 400 Gb/s NIC per GPU assumed
        },
        notes: 'Intra-node traffic over PCIe Gen5 (64 GB/s one way); NVLink bridges (600 GB/s) join only pairs of cards, ' +
            'so a plan with bridged pairs should set intra_node_bandwidth itself. 8 cards per server assumed.',
    },
    {
        id: 'h200',
        name: 'NVIDIA H200 141GB SXM',
        sources: [H200_PAGE],
        spec: {
            name: 'NVIDIA H200 141GB SXM',
            gpus_per_node: 8,
            // CUDA-visible total: PyTorch on an H200 reports "GPU 0 has a total capacity of 139.80 GiB" (vLLM logs
            // the same figure); nvidia-smi shows 143771MiB (140.4 GiB).
            memory: Math.round(139.8 * GiB),
            peak_tflops: 989.4 * TFLOPS, // H200 SXM BF16 Tensor Core 1,979 with sparsity -> 989.4 dense (as H100 SXM)
            peak_tflops_fp8: 1978.9 * TFLOPS, // FP8 3,958 with sparsity -> 1,978.9 dense
            memory_bandwidth: 4.8 * TBps, // 4.8 TB/s
            intra_node_bandwidth: 450 * GBps, // NVLink4 900 GB/s bidirectional
            inter_node_bandwidth: gbit(400), // one 400 Gb/s NIC per GPU
        },
        notes: 'HGX H200 8-GPU node assumed.',
    },
    {
        id: 'h20',
        name: 'NVIDIA H20 96GB',
        sources: [HGX_PAGE],
        spec: {
            name: 'NVIDIA H20 96GB',
            gpus_per_node: 8,
            memory: 97_871 * MiB, // nvidia-smi on an H20 96GB: 97871MiB (95.6 GiB)
            peak_tflops: 148 * TFLOPS, // BF16 dense 148 (296 sparse)
            peak_tflops_fp8: 296 * TFLOPS, // FP8 dense 296 (592 sparse)
            memory_bandwidth: 4.0 * TBps, // 4.0 TB/s
            intra_node_bandwidth: 450 * GBps, // NVLink 900 GB/s bidirectional
            inter_node_bandwidth: gbit(400), // one 400 Gb/s NIC per GPU assumed
        },
        notes: 'The 96 GB model (a 141 GB H20 exists too: set memory). Compute and bandwidth figures come from NVIDIA ' +
            'partner spec sheets (no public datasheet). 8-GPU HGX node assumed.',
    },
    {
        id: 'b200',
        name: 'NVIDIA B200 SXM',
        sources: [DGX_B200_PAGE, HGX_PAGE],
        spec: {
            name: 'NVIDIA B200 SXM',
            gpus_per_node: 8,
            // CUDA-visible total: "GPU 7 has a total capacity of 178.35 GiB" (TensorRT-LLM PR 13357, B200);
            // nvidia-smi shows 183359MiB (179 GiB; DGX B200 lists 1,440 GB over 8 GPUs).
            memory: Math.round(178.35 * GiB),
            peak_tflops: 2250 * TFLOPS, // HGX B200 FP16/BF16 36 PFLOPS sparse / 8 GPUs / 2 -> 2.25 PF dense
            peak_tflops_fp8: 4500 * TFLOPS, // HGX B200 FP8 72 PFLOPS sparse / 8 / 2 -> 4.5 PF dense
            peak_tflops_fp4: 9000 * TFLOPS, // HGX B200 FP4 144 PFLOPS sparse / 8 / 2 -> 9 PF dense
            memory_bandwidth: 8 * TBps, // DGX B200: 64 TB/s over 8 GPUs
            intra_node_bandwidth: 900 * GBps, // NVLink5 1.8 TB/s bidirectional
            inter_node_bandwidth: gbit(400), // DGX B200: 8x 400 Gb/s ConnectX-7, one per GPU
        },
        notes: '8-GPU HGX/DGX B200 node assumed (the 1,000 W part; air-cooled 700 W systems reach lower peaks).',
    },
    {
        id: 'gb200',
        name: 'NVIDIA GB200 (NVL72)',
        sources: [GB200_PAGE],
        spec: {
            name: 'NVIDIA GB200 (NVL72)',
            gpus_per_node: 72, // one NVLink domain of 72 GPUs
            // CUDA-visible total: PyTorch on GB200 reports "GPU 0 has a total capacity of 184.31 GiB";
            // nvidia-smi shows 189471MiB (185 GiB).
            memory: Math.round(184.31 * GiB),
            peak_tflops: 2500 * TFLOPS, // NVL72 FP16/BF16 360 PFLOPS sparse / 72 / 2 -> 2.5 PF dense
            peak_tflops_fp8: 5000 * TFLOPS, // NVL72 FP8 720 PFLOPS sparse / 72 / 2 -> 5 PF dense
            peak_tflops_fp4: 10000 * TFLOPS, // NVL72 FP4 1,440 PFLOPS sparse / 72 / 2 -> 10 PF dense
            memory_bandwidth: 8 * TBps, // NVL72: 576 TB/s over 72 GPUs
            intra_node_bandwidth: 900 * GBps, // NVLink5 1.8 TB/s bidirectional
            inter_node_bandwidth: gbit(400), // NVL72 compute trays: one 400 Gb/s ConnectX-7 NIC per GPU
        },
        notes: 'A "node" here is the 72-GPU NVLink domain of one NVL72 rack, so gpus_per_node is 72.',
    },
    {
        id: 'b300',
        name: 'NVIDIA B300 SXM (Blackwell Ultra)',
        sources: [BLACKWELL_ULTRA_DATASHEET, HGX_B300_PAGE, AIC_B300],
        spec: {
            name: 'NVIDIA B300 SXM (Blackwell Ultra)',
            gpus_per_node: 8,
            memory: 275_040 * MiB, // nvidia-smi on a B300 SXM6 AC: 275040MiB (268.6 GiB of the nominal 288 GB)
            peak_tflops: 2250 * TFLOPS, // HGX B300 FP16/BF16 36 PFLOPS sparse / 8 GPUs / 2 -> 2.25 PF dense
            peak_tflops_fp8: 4500 * TFLOPS, // HGX B300 FP8 72 PFLOPS sparse / 8 / 2 -> 4.5 PF dense
            peak_tflops_fp4: 14000 * TFLOPS, // Blackwell Ultra datasheet per HGX GPU: FP4 18 PF sparse | 14 PF dense
            memory_bandwidth: 8 * TBps, // HBM3e, up to 8 TB/s per GPU
            intra_node_bandwidth: 900 * GBps, // NVLink5 1.8 TB/s bidirectional
            inter_node_bandwidth: gbit(800), // HGX B300: one 800 Gb/s ConnectX-8 SuperNIC per GPU
        },
        notes: '8-GPU HGX B300 node assumed. Blackwell Ultra trades FP64 and INT8 for FP4 (about 1.5x B200 in dense FP4). ' +
            "NVIDIA's aiconfigurator uses 7.75 TB/s of HBM bandwidth (62 TB/s per HGX); the preset keeps the 8 TB/s peak so floors stay floors.",
    },
    {
        id: 'gb300',
        name: 'NVIDIA GB300 (NVL72)',
        sources: [GB300_PAGE, BLACKWELL_ULTRA_DATASHEET, AIC_GB300],
        spec: {
            name: 'NVIDIA GB300 (NVL72)',
            gpus_per_node: 72, // one NVLink domain of 72 GPUs
            memory: 284_208 * MiB, // nvidia-smi on a GB300: 284208MiB (277.5 GiB)
            peak_tflops: 2500 * TFLOPS, // NVL72 FP16/BF16 360 PFLOPS sparse / 72 / 2 -> 2.5 PF dense
            peak_tflops_fp8: 5000 * TFLOPS, // NVL72 FP8/FP6 720 PFLOPS sparse / 72 / 2 -> 5 PF dense
            peak_tflops_fp4: 15000 * TFLOPS, // NVL72 FP4 1,440 PFLOPS sparse | 1,080 dense / 72 -> 15 PF dense
            memory_bandwidth: 8 * TBps, // NVL72: 576 TB/s over 72 GPUs
            intra_node_bandwidth: 900 * GBps, // NVLink5 1.8 TB/s bidirectional (130 TB/s over 72 GPUs)
            inter_node_bandwidth: gbit(800), // NVL72 compute trays: one 800 Gb/s ConnectX-8 SuperNIC per GPU
        },
        notes: 'A "node" here is the 72-GPU NVLink domain of one NVL72 rack, so gpus_per_node is 72 (as for gb200).',
    },
    {
        id: 'mi300x',
        name: 'AMD Instinct MI300X',
        sources: [MI300X_PAGE],
        spec: {
            name: 'AMD Instinct MI300X',
            gpus_per_node: 8,
            memory: 205_822_885_888, // rocm-smi "VRAM Total Memory (B)" on an MI300X: 205822885888 (191.7 GiB)
            peak_tflops: 1307.4 * TFLOPS, // BF16 dense 1,307.4 (2,614.9 sparse)
            peak_tflops_fp8: 2614.9 * TFLOPS, // FP8 dense 2,614.9 (5,229.8 sparse)
            memory_bandwidth: 5.3 * TBps, // 5.3 TB/s
            intra_node_bandwidth: 448 * GBps, // Infinity Fabric: 7 links x 64 GB/s one way (to all 7 peers together)
            inter_node_bandwidth: gbit(400), // one 400 Gb/s NIC per GPU
            // Calibrated, not a datasheet figure: serving runs on MI300X (SGLang 0.5.7, vLLM 0.17 with ROCm)
            // reach about a third of HBM bandwidth in decode; the validation set's calibration cases fit
            // memory 0.35 and its held-out MI300X cases agree (validation/README.md, "Calibration").
            // Software, not the chip: a plan with a faster stack overrides hardware.efficiency.memory.
            efficiency: { memory: 0.35 },
        },
        notes: 'Infinity Fabric is a full mesh: 448 GB/s one way only when a GPU talks ' +
            'to all 7 peers at once (all-reduce, all-to-all); 64 GB/s to a single peer. 8-GPU OAM platform assumed.',
    },
    {
        id: 'mi325x',
        name: 'AMD Instinct MI325X',
        sources: [MI325X_PAGE],
        spec: {
            name: 'AMD Instinct MI325X',
            gpus_per_node: 8,
            memory: 256 * GiB, // 256 GB HBM3E (8 stacks x 32 GiB)
            peak_tflops: 1307.4 * TFLOPS, // BF16 dense 1,307.4
            peak_tflops_fp8: 2614.9 * TFLOPS, // FP8 dense 2,614.9
            memory_bandwidth: 6 * TBps, // 6 TB/s
            intra_node_bandwidth: 448 * GBps, // Infinity Fabric: 7 links x 64 GB/s one way
            inter_node_bandwidth: gbit(400), // one 400 Gb/s NIC per GPU
        },
        notes: 'Memory is the nominal 256 GB taken as GiB (8 x 32 GiB stacks); no figure read from a device was at hand, ' +
            'and the device reports a little less. 8-GPU OAM platform assumed.',
    },
    {
        id: 'mi355x',
        name: 'AMD Instinct MI355X',
        sources: [MI355X_PAGE],
        spec: {
            name: 'AMD Instinct MI355X',
            gpus_per_node: 8,
            memory: 288 * GiB, // 288 GB HBM3E (8 stacks x 36 GiB)
            peak_tflops: 2516.6 * TFLOPS, // FP16/BF16 dense 2,516.6 (5,033.2 sparse)
            peak_tflops_fp8: 5033.2 * TFLOPS, // FP8 dense 5,033.2
            peak_tflops_fp4: 10066.4 * TFLOPS, // MXFP4 dense 10,066.4
            memory_bandwidth: 8 * TBps, // 8 TB/s
            intra_node_bandwidth: 537.6 * GBps, // Infinity Fabric: 7 links x 153.6 GB/s bidirectional -> 537.6 GB/s one way to all peers
            inter_node_bandwidth: gbit(400), // one 400 Gb/s NIC per GPU
        },
        notes: 'Memory is the nominal 288 GB taken as GiB (8 x 36 GiB stacks); no figure read from a device was at hand, and ' +
            'the device reports a little less. The MI300X preset carries a calibrated memory efficiency (0.35) for ROCm serving ' +
            'stacks; none is calibrated for MI355X yet. 8-GPU OAM platform (1,400 W) assumed.',
    },
    {
        id: 'h20-141gb',
        name: 'NVIDIA H20 141GB',
        sources: [HGX_PAGE],
        spec: {
            name: 'NVIDIA H20 141GB',
            gpus_per_node: 8,
            memory: 143_771 * MiB, // the H200's HBM3e stacks: 143771MiB as nvidia-smi reports on an H200
            peak_tflops: 148 * TFLOPS, // as the 96 GB H20: BF16 dense 148 (296 sparse)
            peak_tflops_fp8: 296 * TFLOPS, // FP8 dense 296
            memory_bandwidth: 4.8 * TBps, // HBM3e 4.8 TB/s
            intra_node_bandwidth: 450 * GBps, // NVLink 900 GB/s bidirectional
            inter_node_bandwidth: gbit(400), // one 400 Gb/s NIC per GPU assumed
        },
        notes: 'The H20 refresh with 141 GB of HBM3e; NVIDIA publishes no datasheet: compute as the 96 GB H20, memory and ' +
            'bandwidth as partner spec sheets give them, the capacity as an H200 reports the same stacks (not read on an H20).',
    },
    {
        id: 'rtx-pro-6000',
        name: 'NVIDIA RTX PRO 6000 Blackwell Server Edition',
        sources: [RTX_PRO_6000_PAGE],
        spec: {
            name: 'NVIDIA RTX PRO 6000 Blackwell Server Edition',
            gpus_per_node: 8,
            memory: 97_887 * MiB, // nvidia-smi: 97887MiB (96 GB GDDR7 with ECC)
            peak_tflops: 503.8 * TFLOPS, // FP4 4 PFLOPS with sparsity -> 2,015 dense; BF16 (FP32 accumulate) a quarter: 503.8
            peak_tflops_fp8: 1007.6 * TFLOPS, // half the dense FP4
            peak_tflops_fp4: 2015.2 * TFLOPS, // 188 SMs x 2.617 GHz boost x 4,096 dense FP4 FLOP per SM per clock
            memory_bandwidth: 1792 * GBps, // 512-bit GDDR7, 1,792 GB/s
            intra_node_bandwidth: 64 * GBps, // PCIe Gen5 x16, one direction; no NVLink
            inter_node_bandwidth: gbit(400), // one 400 Gb/s NIC per GPU assumed
        },
        notes: 'PCIe card without NVLink (600 W): tensor parallelism all-reduces over PCIe. 8 cards per server and a ' +
            '400 Gb/s NIC per card assumed.',
    },
    {
        id: 'l40s',
        name: 'NVIDIA L40S',
        sources: [L40S_DATASHEET],
        spec: {
            name: 'NVIDIA L40S',
            gpus_per_node: 8,
            memory: 46_068 * MiB, // nvidia-smi: 46068MiB (48 GB GDDR6 with ECC on)
            peak_tflops: 362.05 * TFLOPS, // datasheet BF16 Tensor Core 362.05 | 733 (sparse)
            peak_tflops_fp8: 733 * TFLOPS, // datasheet FP8 Tensor Core 733 | 1,466 (sparse)
            memory_bandwidth: 864 * GBps, // datasheet 864 GB/s
            intra_node_bandwidth: 32 * GBps, // PCIe Gen4 x16, one direction; no NVLink
            inter_node_bandwidth: gbit(200), // one 200 Gb/s NIC per GPU assumed
        },
        notes: 'PCIe card without NVLink; 8 cards per server and a 200 Gb/s NIC per card assumed.',
    },
    {
        id: 'rtx-4090',
        name: 'NVIDIA GeForce RTX 4090',
        sources: [ADA_WHITEPAPER],
        spec: {
            name: 'NVIDIA GeForce RTX 4090',
            gpus_per_node: 8,
            memory: 24_564 * MiB, // nvidia-smi: 24564MiB (24 GB GDDR6X)
            peak_tflops: 165.2 * TFLOPS, // Ada whitepaper: BF16 with FP32 accumulate 165.2 dense (330.4 sparse)
            peak_tflops_fp8: 330.3 * TFLOPS, // FP8 with FP32 accumulate 330.3 dense (660.6 sparse)
            memory_bandwidth: 1008 * GBps, // 1,008 GB/s
            intra_node_bandwidth: 32 * GBps, // PCIe Gen4 x16, one direction; no NVLink, no P2P
            inter_node_bandwidth: gbit(100), // one 100 Gb/s NIC per GPU assumed
        },
        notes: 'Consumer card: PCIe only; 8 cards per machine and a 100 Gb/s NIC per card assumed. Peaks are with FP32 ' +
            'accumulation (the FP16-accumulate figures are twice these).',
    },
    {
        id: 'ascend-910b',
        name: 'Huawei Ascend 910B',
        sources: [ASCEND_910B_PAGE],
        spec: {
            name: 'Huawei Ascend 910B',
            gpus_per_node: 8,
            memory: 64 * GiB, // npu-smi "HBM-Usage(MB)": 0 / 65536
            peak_tflops: 313 * TFLOPS, // 910B3: FP16/BF16 ~313 TFLOPS dense (910B2 ~376, 910B1 ~414)
            memory_bandwidth: 1.6 * TBps, // HBM2e ~1.6 TB/s
            intra_node_bandwidth: 196 * GBps, // HCCS full mesh: 7 links x 28 GB/s one way (392 GB/s bidirectional)
            inter_node_bandwidth: gbit(200), // Atlas 800T A2: one 200 GE RoCE port per NPU
        },
        notes: 'No fp8 math: fp8 weights run at the 16-bit peak. Huawei publishes few figures; these are the 910B3 ' +
            'variant of an Atlas 800T A2 8-NPU server as commonly reported. Set peak_tflops for other variants.',
    },
];
/** Every hardware preset by id; deeply frozen, so a caller cannot change a preset for the next plan. */
const HARDWARE_PRESETS = deepFreeze(Object.fromEntries(hardware_ALL.map((preset) => [preset.id, preset])));
/**
 * Other names users and benchmark data write for the presets (the `system` column of NVIDIA's
 * aiconfigurator and InferenceX data: h100_sxm, b200_sxm, gb300; short names: h100, a100). A name that
 * could mean several parts carries a note saying which one was chosen.
 */
const ALIASES = {
    h100: { id: 'h100-sxm', note: "read as h100-sxm (the 80 GB SXM part with NVLink); write h100-pcie for the PCIe card" },
    'h100-80gb': { id: 'h100-sxm', note: "read as h100-sxm (the SXM part with NVLink); write h100-pcie for the PCIe card" },
    a100: { id: 'a100-80gb', note: "read as a100-80gb (the 80 GB SXM part); write a100-40gb for the 40 GB one" },
    'a100-sxm': { id: 'a100-80gb', note: "read as a100-80gb (the 80 GB SXM part); write a100-40gb for the 40 GB one" },
    'h200-sxm': { id: 'h200' },
    'h20-96gb': { id: 'h20' },
    'h20-141': { id: 'h20-141gb' },
    'b200-sxm': { id: 'b200' },
    'b300-sxm': { id: 'b300' },
    'gb200-sxm': { id: 'gb200' },
    'gb200-nvl72': { id: 'gb200' },
    'gb300-nvl72': { id: 'gb300' },
    'rtx-pro-6000-blackwell': { id: 'rtx-pro-6000' },
    'rtx-pro-6000-server': { id: 'rtx-pro-6000' },
};
/** Lower case, blanks and underscores as dashes: H100_SXM and h100-sxm name the same part. */
function normalizeId(id) {
    return id.trim().toLowerCase().replace(/[\s_]+/g, '-');
}
/**
 * The preset with this id or alias (case-insensitive, `_` as `-`), as a fresh copy the caller may
 * change, or undefined: an unknown hardware id never falls back to a default.
 */
function hardwarePreset(id) {
    const key = normalizeId(id);
    const preset = lookup(HARDWARE_PRESETS, key);
    if (preset !== undefined)
        return structuredClone(preset);
    const alias = Object.prototype.hasOwnProperty.call(ALIASES, key) ? ALIASES[key] : undefined;
    const target = alias === undefined ? undefined : HARDWARE_PRESETS[alias.id];
    if (alias === undefined || target === undefined)
        return undefined;
    const copy = structuredClone(target);
    return alias.note === undefined ? copy : { ...copy, aliasNote: `'${id.trim()}' ${alias.note}` };
}
/** Every other name hardwarePreset accepts. */
function hardwareAliases() {
    return Object.keys(ALIASES);
}

;// CONCATENATED MODULE: ./src/presets/index.ts
// Model and hardware presets: the figures a plan gets from `model.preset` / `hardware.preset`.




;// CONCATENATED MODULE: ./src/import/model-name.ts

const SUFFIXES = /(-(instruct|chat|base|hf|it))?(-v\d+(\.\d+)*)?(-(fp8|fp8-dynamic|fp4|nvfp4|mxfp4|awq|gptq|int4|int8|bf16))?$/i;
function lastSegment(name) {
    return name.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '').split('/').pop() ?? name;
}
function stem(name) {
    return lastSegment(name).replace(SUFFIXES, '').toLowerCase();
}
/**
 * The checkpoint a model name refers to: by owner/name, else by its name alone (a local copy,
 * /models/DeepSeek-V3.2) when every checkpoint of that name is stored the same way.
 */
function checkpointOf(name) {
    const byRepo = checkpointFor(name);
    if (byRepo !== undefined)
        return byRepo;
    const last = lastSegment(name).toLowerCase();
    const same = Object.values(CHECKPOINTS).filter((c) => c.repo.split('/').pop().toLowerCase() === last);
    const first = same[0];
    const alike = same.every((c) => c.preset === first?.preset && JSON.stringify(c.storage) === JSON.stringify(first?.storage));
    return first !== undefined && alike ? first : undefined;
}
/** The preset id for an engine's model name, or undefined. */
function modelPresetFor(name) {
    const checkpoint = checkpointOf(name);
    if (checkpoint !== undefined)
        return checkpoint.preset;
    // A name that is a preset id as it stands (deepseek-v3.2) wins over stems that drop its version.
    const exact = lastSegment(name).toLowerCase();
    if (Object.prototype.hasOwnProperty.call(MODEL_PRESETS, exact))
        return exact;
    const wanted = stem(name);
    if (wanted === '')
        return undefined;
    for (const preset of Object.values(MODEL_PRESETS)) {
        const repo = /huggingface\.co\/([^/]+\/[^/]+)/.exec(preset.source)?.[1] ?? '';
        if (wanted === preset.id || (repo !== '' && wanted === stem(repo)))
            return preset.id;
    }
    return undefined;
}
/** The weight dtype a repository name announces (Qwen3-235B-A22B-FP8), if any. */
function dtypeInModelName(name) {
    const m = /-(fp8|nvfp4|fp4|mxfp4)(-dynamic)?$/i.exec(name.replace(/\/+$/, ''));
    if (!m)
        return undefined;
    return m[1].toLowerCase() === 'fp8' ? 'fp8' : 'fp4';
}
/** What a known checkpoint stores beyond its preset (weight dtypes, 4-bit group, KV dtype), or undefined. */
function checkpointStorage(name) {
    return checkpointOf(name)?.storage;
}

;// CONCATENATED MODULE: ./src/import/engines.ts

const ENGINE_NAMES = { vllm: 'vLLM', sglang: 'SGLang', trtllm: 'TensorRT-LLM' };
/** Flags naming each figure, per engine (normalised: lower case, '-' for '_'; config keys nest with '.'). */
const FLAGS = {
    vllm: {
        tp: ['tensor-parallel-size', 'tp'],
        pp: ['pipeline-parallel-size', 'pp'],
        dp: ['data-parallel-size', 'dp'],
        ep: ['enable-expert-parallel', 'ep'],
        concurrency: ['max-num-seqs'],
        context: ['max-model-len'],
        memory: ['gpu-memory-utilization'],
        kv: ['kv-cache-dtype'],
        quant: ['quantization', 'q'],
        dtype: ['dtype'],
        batched: ['max-num-batched-tokens'],
        model: ['model'],
    },
    sglang: {
        tp: ['tp-size', 'tp', 'tensor-parallel-size'],
        pp: ['pp-size', 'pp', 'pipeline-parallel-size'],
        dp: ['dp-size', 'dp', 'data-parallel-size'],
        ep: ['ep-size', 'ep', 'expert-parallel-size'],
        concurrency: ['max-running-requests'],
        context: ['context-length'],
        memory: ['mem-fraction-static'],
        kv: ['kv-cache-dtype'],
        quant: ['quantization'],
        dtype: ['dtype'],
        batched: ['chunked-prefill-size'],
        model: ['model-path', 'model'],
    },
    trtllm: {
        tp: ['tp-size', 'tensor-parallel-size'],
        pp: ['pp-size', 'pipeline-parallel-size'],
        dp: [],
        ep: ['ep-size', 'moe-expert-parallel-size'],
        concurrency: ['max-batch-size'],
        context: ['max-seq-len'],
        memory: ['kv-cache-free-gpu-memory-fraction', 'kv-cache-config.free-gpu-memory-fraction', 'free-gpu-memory-fraction'],
        kv: ['kv-cache-config.dtype', 'kv-cache-dtype'],
        quant: ['quant-config.quant-algo', 'quantization'],
        dtype: ['dtype'],
        batched: ['max-num-tokens'],
        model: ['model'],
    },
};
/** Flags that turn CUDA graphs off (TensorRT-LLM's are on only when configured, so no flag turns them off). */
const EAGER_FLAGS = {
    vllm: ['enforce-eager'],
    sglang: ['disable-cuda-graph'],
    trtllm: [],
};
/** The engine config key (normalised) that names a second file of flags. */
const CONFIG_FLAGS = {
    vllm: ['config'],
    sglang: ['config'],
    trtllm: ['extra-llm-api-options', 'config'],
};
const KV_DTYPES = {
    fp8: 'fp8', fp8_e4m3: 'fp8', fp8_e5m2: 'fp8', fp8_inc: 'fp8', fp8_ds_mla: 'fp8',
    bfloat16: 'bf16', bf16: 'bf16', float16: 'fp16', fp16: 'fp16', half: 'fp16', float32: 'fp32', fp32: 'fp32',
    int8: 'int8', nvfp4: 'fp4', fp4: 'fp4',
};
/** --quantization methods whose weight width is unambiguous for the linear layers. */
const QUANT_DTYPES = {
    fp8: { dtype: 'fp8' }, fbgemm_fp8: { dtype: 'fp8' }, modelopt: { dtype: 'fp8' }, w8a8_fp8: { dtype: 'fp8' },
    fp8_block: { dtype: 'fp8' }, fp8_block_scales: { dtype: 'fp8' }, ptpc_fp8: { dtype: 'fp8' },
    modelopt_fp4: { dtype: 'fp4' }, nvfp4: { dtype: 'fp4' }, w4a8_nvfp4_fp8: { dtype: 'fp4' },
    w8a8_int8: { dtype: 'int8' }, int8: { dtype: 'int8' }, w8a16: { dtype: 'int8' }, int8_sq: { dtype: 'int8' },
    awq: { dtype: 'int4', note: '4-bit (AWQ)' }, awq_marlin: { dtype: 'int4', note: '4-bit (AWQ)' },
    gptq: { dtype: 'int4', note: '4-bit (the usual GPTQ width; 8-bit GPTQ checkpoints exist)' },
    gptq_marlin: { dtype: 'int4', note: '4-bit (the usual GPTQ width; 8-bit GPTQ checkpoints exist)' },
    w4a16_awq: { dtype: 'int4' }, w4a16_gptq: { dtype: 'int4' }, w4a16: { dtype: 'int4' },
    bitsandbytes: { dtype: 'int4', note: '4-bit (bitsandbytes NF4, its usual mode)' },
};
const DTYPES = {
    bfloat16: 'bf16', bf16: 'bf16', float16: 'fp16', fp16: 'fp16', half: 'fp16', float32: 'fp32', float: 'fp32', fp32: 'fp32',
};
/** Integers as engines accept them: 32768, 32k (x1000), 32K (x1024), 1m, 1M. */
function parseEngineInt(text) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?)\s*$/.exec(text);
    if (!m)
        return undefined;
    const scale = { '': 1, k: 1e3, K: 1024, m: 1e6, M: 1024 ** 2, g: 1e9, G: 1024 ** 3 };
    const value = Number(m[1]) * (scale[m[2]] ?? 1);
    return Number.isInteger(value) ? value : undefined;
}
/** Where a flag was written: a line of the imported file, or file:line of a config file. */
const whereOf = (v) => (v.file !== undefined ? `${v.file}:${v.line}` : v.line);
function reader(args, c) {
    const flag = (names) => {
        for (const name of names) {
            const v = args.flags.get(name);
            if (v === undefined)
                continue;
            if (v.unresolved.length > 0) {
                c.warn(`${c.origin(whereOf(v))}: could not resolve ${v.unresolved.join(', ')} in ${v.written}; the flag is ignored`);
                return undefined;
            }
            return v;
        }
        return undefined;
    };
    const number = (names, what, parse) => {
        const v = flag(names);
        if (v === undefined)
            return undefined;
        const parsed = typeof v.value === 'string' ? parse(v.value) : undefined;
        if (parsed === undefined) {
            c.warn(`${c.origin(whereOf(v))}: ${v.written} ${v.value === true ? '(no value)' : `'${v.value}'`} is not a valid ${what}; ignored`);
            return undefined;
        }
        return { value: parsed, line: whereOf(v) };
    };
    return {
        flag,
        int: (names, what) => number(names, what, (s) => {
            const n = parseEngineInt(s);
            return n !== undefined && n >= 1 ? n : undefined;
        }),
        fraction: (names, what) => number(names, what, (s) => {
            const n = Number(s.trim());
            return s.trim() !== '' && Number.isFinite(n) && n > 0 && n <= 1 ? n : undefined;
        }),
        text: (names) => {
            const v = flag(names);
            return v && typeof v.value === 'string' ? { value: v.value, line: whereOf(v) } : undefined;
        },
        bool: (names) => {
            const v = flag(names);
            if (!v)
                return undefined;
            const on = v.value === true || /^(true|1|yes|on)$/i.test(v.value);
            return { value: on, line: whereOf(v) };
        },
    };
}
/** Rounds away float noise from 1 - 0.9 and the like. */
const clean = (x) => Math.round(x * 1e9) / 1e9;
function setDtypes(engine, r, c) {
    const f = FLAGS[engine];
    const kv = r.text(f.kv);
    if (kv && kv.value.toLowerCase() !== 'auto') {
        const dtype = KV_DTYPES[kv.value.toLowerCase()];
        if (dtype)
            c.set('model.kv_cache_dtype', dtype, kv.line);
        else
            c.warn(`${c.origin(kv.line)}: KV cache dtype '${kv.value}' is not one the plan format knows; ignored`);
    }
    const quant = r.text(f.quant);
    if (quant) {
        const known = QUANT_DTYPES[quant.value.toLowerCase().replace(/-/g, '_')];
        if (known) {
            c.set('model.weight_dtype', known.dtype, quant.line);
            if (known.note)
                c.warn(`${c.origin(quant.line)}: quantization '${quant.value}' read as ${known.note} weights`);
        }
        else {
            c.warn(`${c.origin(quant.line)}: quantization '${quant.value}' does not say one weight width; the model's own dtypes apply (set model.weight_dtype)`);
        }
        return;
    }
    const dtype = r.text(f.dtype);
    if (dtype && dtype.value.toLowerCase() !== 'auto') {
        const d = DTYPES[dtype.value.toLowerCase()];
        if (d)
            c.set('model.weight_dtype', d, dtype.line);
        else
            c.warn(`${c.origin(dtype.line)}: dtype '${dtype.value}' is not one the plan format knows; ignored`);
    }
}
function setModel(engine, args, r, c) {
    const named = r.text(FLAGS[engine].model) ?? (args.positional && typeof args.positional.value === 'string'
        ? { value: args.positional.value, line: whereOf(args.positional) } : undefined);
    if (!named)
        return;
    const preset = modelPresetFor(named.value);
    if (preset) {
        c.set('model.preset', preset, named.line);
        // a pre-quantized checkpoint is loaded as such without --quantization: a known one says what it stores
        const storage = checkpointStorage(named.value);
        if (storage !== undefined) {
            for (const [key, value] of Object.entries(storage))
                c.set(`model.${key}`, value, named.line, false);
            return;
        }
        const dtype = dtypeInModelName(named.value);
        if (dtype === 'fp8')
            c.set('model.weight_dtype', dtype, named.line, false);
        else if (dtype)
            c.warn(`${c.origin(named.line)}: '${named.value}' looks like a 4-bit checkpoint; set model.weight_dtype (or weight_dtypes) in the plan`);
    }
    else {
        c.warn(`${c.origin(named.line)}: model '${named.value}' matches no model preset; give model.preset or model.hf_config in the plan`);
    }
}
function vllmLayout(r, b) {
    const layout = { tp: b.tpAll, dp: b.dpEngine, world: b.tpAll * b.pp * b.dpEngine, schedulers: b.dpEngine };
    const epOn = r.bool(FLAGS.vllm.ep);
    // EP spans the TP x DP ranks of the MoE layers; experts are not split further
    if (epOn?.value)
        return { ...layout, ep: { value: b.tpAll * b.dpEngine, line: epOn.line }, etp: 1 };
    return layout;
}
function sglangLayout(r, b, c) {
    const dpAttention = r.bool(['enable-dp-attention'])?.value === true;
    const layout = { tp: b.tpAll, dp: b.dpEngine, world: b.tpAll * b.pp * b.dpEngine, schedulers: b.dpEngine };
    if (dpAttention) {
        if (b.tpAll % b.dpEngine !== 0)
            c.warn(`${c.origin(b.dpLine)}: with --enable-dp-attention, --dp ${b.dpEngine} must divide --tp ${b.tpAll}`);
        layout.tp = Math.max(1, Math.floor(b.tpAll / b.dpEngine));
        layout.world = b.tpAll * b.pp;
        layout.schedulers = 1; // --max-running-requests is shared by the DP-attention ranks of one engine
    }
    // --ep-size, or a flag that turns expert parallelism on over all --tp ranks
    const epSize = r.int(FLAGS.sglang.ep, 'expert-parallel size');
    const epMoe = r.bool(['enable-ep-moe', 'enable-deepep-moe']);
    const a2a = r.text(['moe-a2a-backend']);
    const epOn = epMoe?.value ? epMoe.line : a2a && a2a.value !== 'none' ? a2a.line : undefined;
    const ep = epSize ?? (epOn !== undefined ? { value: b.tpAll, line: epOn } : undefined);
    if (ep && ep.value > 1)
        return { ...layout, ep, etp: Math.max(1, Math.floor(b.tpAll / ep.value)) };
    // without EP the MoE layers stay tensor-parallel over all --tp ranks
    return dpAttention ? { ...layout, etp: b.tpAll } : layout;
}
function trtllmLayout(r, b) {
    const attentionDp = r.bool(['enable-attention-dp'])?.value === true;
    const epSize = r.int(FLAGS.trtllm.ep, 'expert-parallel size');
    const moeTp = r.int(['moe-tp-size', 'moe-tensor-parallel-size'], 'expert tensor-parallel size');
    const layout = attentionDp
        ? { tp: 1, dp: b.tpAll, world: b.tpAll * b.pp, schedulers: b.tpAll }
        : { tp: b.tpAll, dp: 1, world: b.tpAll * b.pp, schedulers: 1 };
    if (epSize && epSize.value > 1)
        return { ...layout, ep: epSize, etp: moeTp?.value ?? Math.max(1, Math.floor(b.tpAll / epSize.value)) };
    return moeTp || attentionDp ? { ...layout, etp: moeTp?.value ?? b.tpAll } : layout;
}
/**
 * The engine's memory flag is workload.memory_fraction read in that engine's meaning (deployment.engine,
 * set below): vLLM's share of the device, SGLang's share of the memory free after initialisation for
 * weights and KV pool, TensorRT-LLM's share of what its warm-up leaves free for the KV cache.
 */
function setMemory(engine, r, c) {
    const memory = r.fraction(FLAGS[engine].memory, 'memory fraction');
    if (memory)
        c.set('workload.memory_fraction', memory.value, memory.line);
}
/**
 * Reads one engine invocation into the collector: parallel layout, batch, context, memory budget,
 * dtypes and model. Returns the devices one instance uses.
 */
function applyEngine(args, c, ctx = {}) {
    const engine = args.engine;
    const f = FLAGS[engine];
    const r = reader(args, c);
    const here = args.line ?? 0;
    const instances = ctx.instances ?? { count: 1, line: here };
    const tpFlag = r.int(f.tp, 'tensor-parallel size');
    const ppFlag = r.int(f.pp, 'pipeline-parallel size');
    const dpFlag = r.int(f.dp, 'data-parallel size');
    const tpLine = tpFlag?.line ?? here;
    const base = { tpAll: tpFlag?.value ?? 1, pp: ppFlag?.value ?? 1, dpEngine: dpFlag?.value ?? 1, dpLine: dpFlag?.line ?? instances.line };
    const layout = engine === 'vllm' ? vllmLayout(r, base) : engine === 'sglang' ? sglangLayout(r, base, c) : trtllmLayout(r, base);
    // a layout flag that is written but unreadable ($TP unresolved) leaves the whole layout to the plan:
    // a default of 1 in its place would be a wrong figure, not a missing one
    const unreadable = (names, read) => names.some((n) => args.flags.has(n)) && read === undefined;
    const epRead = engine === 'vllm' ? true : r.int(f.ep, 'expert-parallel size');
    const layoutKnown = !(unreadable(f.tp, tpFlag) || unreadable(f.pp, ppFlag) || unreadable(f.dp, dpFlag) || unreadable(f.ep, epRead));
    const conc = r.int(f.concurrency, 'sequence count');
    // Which engine ran decides how its memory flag and defaults read (the plan's own deployment.engine wins).
    c.set('deployment.engine', engine, here);
    if (layoutKnown) {
        c.set('parallelism.tp', layout.tp, tpLine);
        c.set('parallelism.pp', base.pp, ppFlag?.line ?? here);
        // independent instances (replicas, groups) multiply data parallelism
        c.set('parallelism.dp', layout.dp * instances.count, layout.dp !== base.dpEngine || dpFlag ? (dpFlag?.line ?? tpLine) : instances.line);
        // expert groups stay inside one engine instance; further instances are expert data parallelism
        if (layout.ep)
            c.set('parallelism.ep', layout.ep.value, layout.ep.line);
        if (layout.etp !== undefined)
            c.set('parallelism.etp', layout.etp, layout.ep?.line ?? tpLine);
        if (conc) {
            // the engine's batch cap, summed over its schedulers and instances; it is also the load when the plan gives none
            const cap = conc.value * layout.schedulers * instances.count;
            c.set('workload.max_running_sequences', cap, conc.line);
            c.set('workload.concurrency', cap, conc.line);
        }
    }
    else {
        c.warn(`${c.origin(here)}: the parallel layout is not imported because a layout flag could not be read`);
    }
    const context = r.int(f.context, 'context length');
    if (context)
        c.context = { tokens: context.value, origin: c.origin(context.line) };
    const batched = r.int(f.batched, 'token count');
    if (batched)
        c.set('workload.max_batched_tokens', batched.value, batched.line);
    // Decode without CUDA graphs is host-bound at small batch (docs/formulas.md, "eager passes").
    const eager = r.bool(EAGER_FLAGS[engine]);
    if (eager?.value === true)
        c.set('workload.cuda_graphs', false, eager.line);
    setMemory(engine, r, c);
    setDtypes(engine, r, c);
    setModel(engine, args, r, c);
    const perNode = engine === 'trtllm' ? r.int(['gpus-per-node'], 'GPU count') : undefined;
    if (perNode)
        c.set('hardware.gpus_per_node', perNode.value, perNode.line);
    const nodes = engine === 'sglang' ? r.int(['nnodes'], 'node count') : undefined;
    return { world_size: layoutKnown ? layout.world : undefined, line: tpLine, ...(nodes ? { nodes: nodes.value } : {}) };
}

;// CONCATENATED MODULE: ./src/import/engine-run.ts


function runEngine(args, c, ctx, findConfig) {
    let merged = args;
    for (const name of CONFIG_FLAGS[args.engine]) {
        const flag = args.flags.get(name);
        if (flag === undefined || typeof flag.value !== 'string')
            continue;
        const found = flag.unresolved.length > 0 ? { error: `could not resolve ${flag.unresolved.join(', ')}` } : findConfig(flag.value);
        if ('error' in found) {
            c.warn(`${c.origin(flag.line)}: ${flag.written} ${flag.value}: ${found.error}; its settings are not imported`);
        }
        else {
            merged = mergeConfigFlags(merged, configFlags(found.root, found.file, found.mapLine));
        }
        break;
    }
    return applyEngine(merged, c, ctx);
}

;// CONCATENATED MODULE: ./src/import/result.ts
// What every importer returns: plan fields (contract names, SI units), where each came from, and warnings.
// Pure: no file system. A collector builds the nested fields and their origins together.
/** Accumulates fields with origins; the first value set for a path wins unless `override` is asked for. */
class FieldCollector {
    file;
    fields = {};
    origins = {};
    warnings = [];
    context;
    constructor(file) {
        this.file = file;
    }
    /** "file:line" for a line of this file; a string is already an origin (a line of another file). */
    origin(where) {
        if (typeof where === 'string')
            return where;
        return where > 0 ? `${this.file}:${where}` : this.file;
    }
    set(path, value, line, override = true) {
        const [section, key] = path.split('.');
        const sec = (this.fields[section] ??= {});
        if (!override && key in sec)
            return;
        sec[key] = value;
        this.origins[path] = this.origin(line);
    }
    has(path) {
        const [section, key] = path.split('.');
        return this.fields[section] !== undefined && key in this.fields[section];
    }
    get(path) {
        const [section, key] = path.split('.');
        return this.fields[section]?.[key];
    }
    warn(message) {
        if (!this.warnings.includes(message))
            this.warnings.push(message);
    }
    result() {
        return {
            fields: this.fields,
            origins: this.origins,
            warnings: this.warnings,
            ...(this.context ? { context: this.context } : {}),
        };
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./src/import/yaml-tree.ts
// Multi-document YAML -> small trees whose nodes know their line, for manifests and engine configs.
// Bounded like plan files: size, alias count; Helm templates are refused with what to do instead.

const MAX_IMPORT_BYTES = 1024 * 1024;
const MAX_DEPTH = 64;
/** Nodes built from one file with aliases expanded: guards against alias bombs. */
const MAX_NODES = 200_000;
/** Alias uses (*name) in one file; manifests need few. */
const MAX_ALIASES = 1000;
/** The first line with a Helm/Go template action outside a comment, or 0. */
function templateLine(text) {
    const lines = text.split('\n');
    const index = lines.findIndex((l) => /\{\{-?\s*[.$\w(/"-]/.test(l.replace(/^\s*#.*$/, '')));
    return index + 1;
}
function yaml_tree_parseYamlFile(text) {
    if (text.length > MAX_IMPORT_BYTES)
        return { error: `the file is larger than ${MAX_IMPORT_BYTES} bytes` };
    const helm = templateLine(text);
    if (helm > 0) {
        return {
            error: 'this is a Helm (Go) template, not a rendered manifest: render it first (helm template <release> <chart> -f values.yaml > rendered.yaml) and import the rendered file',
            line: helm,
        };
    }
    const lineCounter = new dist/* LineCounter */.HN();
    let docs;
    try {
        docs = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter, prettyErrors: false });
    }
    catch (err) {
        return { error: `not readable as YAML (${String(err).slice(0, 200)})` };
    }
    if (!Array.isArray(docs))
        return { error: 'not readable as YAML' };
    const lineOf = (offset) => lineCounter.linePos(offset).line;
    for (const doc of docs) {
        const first = doc.errors[0];
        if (first)
            return { error: `YAML syntax error: ${first.message.split('\n')[0]}`, line: lineOf(first.pos[0]) };
    }
    const out = [];
    const budget = { nodes: 0 };
    for (const doc of docs) {
        if (doc.contents === null)
            continue;
        const built = build(doc, doc.contents, lineOf, 0, budget);
        if ('error' in built)
            return built;
        out.push(built);
    }
    return { text, docs: out, lineOf };
}
function build(doc, node, lineOf, depth, budget) {
    const start = node?.range?.[0] ?? 0;
    const line = lineOf(start);
    if (depth > MAX_DEPTH)
        return { error: `nested deeper than ${MAX_DEPTH} levels`, line };
    if (++budget.nodes > MAX_NODES)
        return { error: `more than ${MAX_NODES} values with aliases expanded (an alias bomb?)`, line };
    if (node === null || node === undefined)
        return { kind: 'scalar', line, value: null, start, end: start };
    if ((0,dist/* isAlias */.Vj)(node)) {
        budget.aliases = (budget.aliases ?? 0) + 1;
        if (budget.aliases > MAX_ALIASES)
            return { error: `more than ${MAX_ALIASES} aliases (*name): refused as a possible alias bomb`, line };
        const target = node.resolve(doc);
        return target ? build(doc, target, lineOf, depth + 1, budget) : { error: 'an alias refers to no anchor', line };
    }
    if ((0,dist/* isScalar */.jn)(node))
        return { kind: 'scalar', line, value: node.value, start, end: node.range?.[1] ?? start };
    if ((0,dist/* isSeq */.oP)(node)) {
        const items = [];
        for (const item of node.items) {
            const b = build(doc, item, lineOf, depth + 1, budget);
            if ('error' in b)
                return b;
            items.push(b);
        }
        return { kind: 'seq', line, items };
    }
    if ((0,dist/* isMap */.jh)(node)) {
        const entries = new Map();
        for (const pair of node.items) {
            const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : undefined;
            if (key === undefined)
                continue;
            const b = build(doc, pair.value, lineOf, depth + 1, budget);
            if ('error' in b)
                return b;
            // a key with no value still has a line: the key's
            if (b.kind === 'scalar' && b.value === null && (0,dist/* isScalar */.jn)(pair.key))
                b.line = lineOf(pair.key.range?.[0] ?? start);
            entries.set(key, b);
        }
        return { kind: 'map', line, entries };
    }
    return { error: 'an unsupported YAML node', line };
}
/** The node at a key path (`spec`, `template`...) or undefined. */
function at(node, ...path) {
    let cur = node;
    for (const key of path) {
        if (cur === undefined)
            return undefined;
        if (typeof key === 'number')
            cur = cur.kind === 'seq' ? cur.items[key] : undefined;
        else
            cur = cur.kind === 'map' ? cur.entries.get(key) : undefined;
    }
    return cur;
}
function scalarOf(node) {
    return node?.kind === 'scalar' ? node.value : undefined;
}
function stringOf(node) {
    const v = scalarOf(node);
    return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}
function itemsOf(node) {
    return node?.kind === 'seq' ? node.items : [];
}
/**
 * Maps offsets in a string scalar's value to lines of the file. Each run of non-blank characters of the
 * value is looked up, in order, in the source after the node's start: literal, folded and quoted styles
 * (which fold line breaks into spaces) all keep each word's own line.
 */
function valueLineMap(file, node) {
    const value = String(node.value);
    const starts = [];
    const lines = [];
    let cursor = node.start;
    let last = node.line;
    for (const m of value.matchAll(/\S+/g)) {
        const probe = m[0].slice(0, 40);
        const found = file.text.indexOf(probe, cursor);
        if (found >= 0 && found <= node.end) {
            last = file.lineOf(found);
            cursor = found + probe.length;
        }
        starts.push(m.index);
        lines.push(last);
    }
    return (o) => {
        let lo = 0;
        let hi = starts.length - 1;
        if (hi < 0 || o < starts[0])
            return lines[0] ?? node.line;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= o)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lines[lo] ?? node.line;
    };
}

;// CONCATENATED MODULE: ./src/import/benchmarks.ts



const SYSTEMS = {
    h100_sxm: 'h100-sxm', h100_pcie: 'h100-pcie', h200_sxm: 'h200', h20: 'h20', b200_sxm: 'b200', gb200_sxm: 'gb200',
    gb200: 'gb200', a100_sxm: 'a100-80gb', l40s: 'l40s', mi300x: 'mi300x', b300_sxm: 'b300', gb300: 'gb300',
    mi355x: 'mi355x', mi325x: 'mi325x',
};
const QUANT = {
    fp8: 'fp8', fp8_block: 'fp8', fp8_static: 'fp8', fp8_ootb: 'fp8', w4afp8: 'int4', int4_wo: 'int4', int8_wo: 'int8',
    nvfp4: 'fp4', fp4: 'fp4', mxfp4: 'fp4', bfloat16: 'bf16', float16: 'fp16', bf16: 'bf16', fp16: 'fp16',
};
function num(node) {
    let v = scalarOf(node);
    // a search list with a single entry (tp_list: [4]) is that value
    if (node?.kind === 'seq' && node.items.length === 1)
        v = scalarOf(node.items[0]);
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    return Number.isFinite(n) && n > 0 ? n : undefined;
}
function first(map, keys) {
    for (const key of keys) {
        const node = at(map, key);
        if (node !== undefined && (node.kind !== 'scalar' || node.value !== null))
            return node;
    }
    return undefined;
}
/** A model name as aiconfigurator writes it (QWEN3_32B, DEEPSEEK_V3, LLAMA3.1_70B) -> a preset id. */
function presetOfToolName(name) {
    const dashed = name.toLowerCase().replace(/_/g, '-').replace(/^llama(\d)/, 'llama-$1');
    return modelPresetFor(dashed) ?? modelPresetFor(name);
}
/** Is this aiconfigurator's YAML (experiments, or one experiment's figures)? */
function isAiconfigurator(root) {
    return at(root, 'exps') !== undefined || at(root, 'exp_config') !== undefined ||
        (at(root, 'serving_mode') !== undefined && at(root, 'isl') !== undefined) ||
        (at(root, 'isl') !== undefined && (at(root, 'total_gpus') !== undefined || at(root, 'system_name') !== undefined));
}
/** The SLA map of a Dynamo file: `sla:` anywhere in the first document, or a root with ttft and itl. */
function findSla(root, depth = 0) {
    if (root.kind !== 'map' || depth > 8)
        return undefined;
    const sla = at(root, 'sla');
    if (sla?.kind === 'map')
        return sla;
    if (at(root, 'itl') !== undefined && at(root, 'ttft') !== undefined)
        return root;
    for (const child of root.entries.values()) {
        const found = findSla(child, depth + 1);
        if (found)
            return found;
    }
    return undefined;
}
function setTokens(c, map) {
    const isl = at(map, 'isl');
    const osl = at(map, 'osl');
    const i = num(isl);
    const o = num(osl);
    if (i && isl)
        c.set('workload.input_tokens', Math.round(i), isl.line);
    if (o && osl)
        c.set('workload.output_tokens', Math.round(o), osl.line);
}
function setMs(c, path, node) {
    const ms = num(node);
    if (ms !== undefined && node)
        c.set(path, ms / 1000, node.line);
}
function importSla(file, sla) {
    const c = new FieldCollector(file);
    setTokens(c, sla);
    setMs(c, 'requirements.ttft', at(sla, 'ttft'));
    setMs(c, 'requirements.tpot', first(sla, ['itl', 'tpot']));
    return c.result();
}
/** The experiment to read: exp_config, the named or first of `exps`, or the root itself. */
function experimentOf(root, name) {
    const exp = at(root, 'exp_config');
    if (exp?.kind === 'map')
        return exp;
    const names = itemsOf(at(root, 'exps')).map((n) => stringOf(n)).filter((n) => n !== undefined);
    if (names.length > 0) {
        const wanted = name ?? names[0];
        const node = at(root, wanted);
        if (node?.kind !== 'map')
            return { error: `experiment '${wanted}' is listed in exps but not defined`, line: at(root, 'exps')?.line };
        return node;
    }
    return root;
}
/** The worker whose layout the plan takes: a named one, else decode (it sets TPOT), else the aggregated one. */
function workerOf(exp, name) {
    const containers = [exp, at(exp, 'config'), at(exp, 'workers')];
    const keys = name
        ? [name, `${name}_worker_config`, `${name}_worker`]
        : ['decode_worker_config', 'decode_worker', 'decode', 'agg_worker_config', 'agg_worker', 'agg', 'worker_config'];
    for (const holder of containers) {
        const w = first(holder, keys);
        if (w?.kind === 'map')
            return w;
    }
    return undefined;
}
function importAiconfigurator(file, yaml, worker) {
    const root = yaml.docs[0];
    if (!root)
        return { error: 'the file is empty' };
    const exp = experimentOf(root, worker !== undefined && at(root, worker) !== undefined ? worker : undefined);
    if ('error' in exp)
        return exp;
    const c = new FieldCollector(file);
    setTokens(c, exp);
    setMs(c, 'claims.ttft', at(exp, 'ttft'));
    setMs(c, 'claims.tpot', first(exp, ['tpot', 'itl']));
    const gpus = at(exp, 'total_gpus');
    const totalGpus = num(gpus);
    if (totalGpus && gpus)
        c.set('hardware.gpus', Math.round(totalGpus), gpus.line);
    const system = at(exp, 'system_name') ?? at(exp, 'system');
    const preset = SYSTEMS[(stringOf(system) ?? '').toLowerCase()];
    if (preset && system)
        c.set('hardware.preset', preset, system.line);
    else if (system)
        c.warn(`${c.origin(system.line)}: system '${stringOf(system)}' matches no hardware preset`);
    const model = at(exp, 'model_name') ?? at(exp, 'model');
    const modelName = stringOf(model);
    if (modelName && model) {
        const id = presetOfToolName(modelName);
        if (id) {
            c.set('model.preset', id, model.line);
            for (const [key, value] of Object.entries(checkpointStorage(modelName) ?? {}))
                c.set(`model.${key}`, value, model.line, false);
        }
        else
            c.warn(`${c.origin(model.line)}: model '${modelName}' matches no model preset`);
    }
    const w = workerOf(exp, worker);
    const layout = [
        ['parallelism.tp', ['tp', 'tp_list', 'tensor_parallel_size']],
        ['parallelism.pp', ['pp', 'pp_list', 'pipeline_parallel_size']],
        ['parallelism.dp', ['dp', 'dp_list', 'attention_dp_size']],
        ['parallelism.ep', ['moe_ep', 'moe_ep_list', 'ep']],
        ['parallelism.etp', ['moe_tp', 'moe_tp_list', 'etp']],
        ['workload.concurrency', ['bs', 'batch_size', 'concurrency']],
    ];
    for (const [path, keys] of layout) {
        const node = first(w, keys);
        const n = num(node);
        if (node?.kind === 'seq' && node.items.length > 1) {
            c.warn(`${c.origin(node.line)}: ${keys[0]} lists ${node.items.length} candidates (a search space); not imported`);
        }
        else if (n !== undefined && Number.isInteger(n) && node)
            c.set(path, n, node.line);
    }
    // replicas of the worker multiply data parallelism and the batch
    const replicas = first(w, ['workers', 'num_workers', 'replicas']);
    const r = num(replicas);
    if (r && r > 1 && replicas) {
        c.set('parallelism.dp', (c.get('parallelism.dp') ?? 1) * r, replicas.line);
        if (c.has('workload.concurrency'))
            c.set('workload.concurrency', c.get('workload.concurrency') * r, replicas.line);
    }
    // a disaggregated run: the plan covers the chosen pool (decode by default), not the prefill GPUs
    const mode = stringOf(at(exp, 'serving_mode'));
    const tp = c.get('parallelism.tp');
    if (mode === 'disagg' && w && tp !== undefined) {
        const pool = tp * (c.get('parallelism.pp') ?? 1) * (c.get('parallelism.dp') ?? 1);
        c.set('hardware.gpus', pool, first(w, ['tp', 'tp_list'])?.line ?? w.line);
        c.warn(`${c.origin(w.line)}: a disaggregated experiment: the plan takes the ${worker ?? 'decode'} workers (${pool} of ${totalGpus ?? '?'} GPUs); ` +
            'its TTFT claim includes the prefill workers, which this plan does not model');
    }
    for (const [path, keys] of [['model.weight_dtype', ['gemm_quant_mode']], ['model.kv_cache_dtype', ['kvcache_quant_mode']]]) {
        const node = first(w, keys) ?? first(exp, keys);
        const mode = stringOf(node)?.toLowerCase();
        if (mode === undefined || !node)
            continue;
        const dtype = QUANT[mode];
        if (dtype)
            c.set(path, dtype, node.line);
        else
            c.warn(`${c.origin(node.line)}: ${keys[0]} '${mode}' does not map to a plan dtype; ignored`);
    }
    const perGpu = first(exp, ['tokens/s/gpu', 'tokens_per_s_per_gpu']);
    const rate = num(perGpu);
    if (rate && perGpu && totalGpus)
        c.set('claims.throughput', rate * totalGpus, perGpu.line);
    return c.result();
}

;// CONCATENATED MODULE: ./src/import/shell.ts
// Shell words as `sh -c` would see them, for the command lines that manifests and scripts start engines with.
// Handles quotes, escapes, line continuations, comments, command separators, $VAR / ${VAR} / ${VAR:-default},
// $(( )) arithmetic and Kubernetes' own $(VAR). It never runs anything: $(command) and unknown variables
// are left unresolved and named, so the importer can warn about them.
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
/**
 * Kubernetes expands $(VAR) in command, args and env values before any shell runs, from the variables
 * defined so far; $$ is a literal $; an unknown $(VAR) stays as written.
 */
function expandKubernetes(text, env) {
    return text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (match, name) => {
        if (match === '$$')
            return '$';
        return name !== undefined && Object.prototype.hasOwnProperty.call(env, name) ? env[name] : match;
    });
}
/** Integer arithmetic as in $(( )): + - * / % and parentheses, names read from env. */
function evaluateArithmetic(expr, env) {
    const tokens = expr.match(/\s*(\d+|[A-Za-z_][A-Za-z0-9_]*|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\*\*|[-+*/%()])\s*/gy);
    const joined = tokens?.join('') ?? '';
    if (!tokens || joined.length !== expr.length)
        return { unresolved: `$((${expr}))` };
    const items = tokens.map((t) => t.trim());
    let pos = 0;
    let missing;
    const peek = () => items[pos];
    const primary = () => {
        const t = items[pos++];
        if (t === undefined)
            throw new Error('end');
        if (t === '(') {
            const v = sum();
            if (items[pos++] !== ')')
                throw new Error('paren');
            return v;
        }
        if (t === '-')
            return -primary();
        if (t === '+')
            return primary();
        if (/^\d+$/.test(t))
            return Number(t);
        const name = t.replace(/^\$\{?|\}$/g, '');
        const raw = Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined;
        if (raw === undefined || !/^\s*-?\d+\s*$/.test(raw)) {
            missing ??= name;
            return 0;
        }
        return Number(raw);
    };
    const product = () => {
        let v = primary();
        for (let op = peek(); op === '*' || op === '/' || op === '%'; op = peek()) {
            pos++;
            const r = primary();
            if (op === '*')
                v *= r;
            else if (r === 0)
                throw new Error('division by zero');
            else
                v = op === '/' ? Math.trunc(v / r) : v % r;
        }
        return v;
    };
    function sum() {
        let v = product();
        for (let op = peek(); op === '+' || op === '-'; op = peek()) {
            pos++;
            v = op === '+' ? v + product() : v - product();
        }
        return v;
    }
    try {
        const value = sum();
        if (pos !== items.length)
            return { unresolved: `$((${expr}))` };
        if (missing !== undefined)
            return { unresolved: missing };
        return { value };
    }
    catch {
        return { unresolved: missing ?? `$((${expr}))` };
    }
}
/** The offset just after the `)` matching the `(` at `open` (which follows a `$`); -1 when unbalanced. */
function closingParen(text, open) {
    let depth = 0;
    for (let i = open; i < text.length; i++) {
        const c = text[i];
        if (c === '(')
            depth++;
        else if (c === ')' && --depth === 0)
            return i + 1;
    }
    return -1;
}
/** Expands the `$...` at `at`; returns the replacement text and where the expression ends. */
function expandDollar(script, at, env) {
    const rest = script.slice(at + 1);
    const lookup = (name) => (Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined);
    if (rest.startsWith('((')) {
        const end = closingParen(script, at + 1);
        if (end < 0)
            return { text: '$', end: at + 1 };
        const expr = script.slice(at + 3, end - 2);
        const result = evaluateArithmetic(expr, env);
        return 'value' in result ? { text: String(result.value), end } : { text: '', end, unresolved: result.unresolved };
    }
    if (rest.startsWith('(')) {
        const end = closingParen(script, at + 1);
        if (end < 0)
            return { text: '$', end: at + 1 };
        // Kubernetes has replaced $(VAR) by the variable before the shell runs; $(command) is never run here
        const k8s = /^\(([A-Za-z_][A-Za-z0-9_]*)\)/.exec(rest);
        const value = k8s ? lookup(k8s[1]) : undefined;
        if (value !== undefined)
            return { text: value, end };
        return { text: '', end, unresolved: script.slice(at, end) };
    }
    if (rest.startsWith('{')) {
        const close = script.indexOf('}', at + 2);
        if (close < 0)
            return { text: '$', end: at + 1 };
        const inner = script.slice(at + 2, close);
        const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=])(.*))?$/s.exec(inner);
        if (!m)
            return { text: '', end: close + 1, unresolved: `\${${inner}}` };
        const [, name, op, fallback] = m;
        const value = lookup(name);
        const useFallback = op !== undefined && (value === undefined || (op.startsWith(':') && value === ''));
        if (useFallback)
            return { text: fallback ?? '', end: close + 1 };
        return value === undefined ? { text: '', end: close + 1, unresolved: name } : { text: value, end: close + 1 };
    }
    const m = NAME.exec(rest);
    if (m) {
        const value = lookup(m[0]);
        const end = at + 1 + m[0].length;
        return value === undefined ? { text: '', end, unresolved: m[0] } : { text: value, end };
    }
    if (/^[0-9@*#?$!-]/.test(rest))
        return { text: '', end: at + 2, unresolved: `$${rest[0]}` };
    return { text: '$', end: at + 1 };
}
/**
 * Splits a script into commands (at unquoted newlines, ; && || | &) of expanded words.
 * Words keep the line where they start.
 */
function shellCommands(script, ctx) {
    // assignments (TP=8, export TP=8) in the script apply to the commands after them
    const env = { ...ctx.env };
    const commands = [];
    let words = [];
    let current = null;
    const begin = (at) => (current ??= { text: '', start: at, unresolved: [], quoted: false });
    const endWord = () => {
        // an unquoted expansion that comes out empty makes no word at all (field removal), "" does
        const keep = current && (current.text !== '' || current.quoted || current.unresolved.length > 0);
        if (current && keep)
            words.push({ text: current.text, line: ctx.lineOf(current.start), unresolved: current.unresolved });
        current = null;
    };
    const endCommand = () => {
        endWord();
        const assigns = words[0]?.text === 'export' || words[0]?.text === 'readonly' ? words.slice(1) : words;
        if (assigns.length > 0 && assigns.every((w) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(w.text) && w.unresolved.length === 0)) {
            for (const w of assigns) {
                const eq = w.text.indexOf('=');
                env[w.text.slice(0, eq)] = w.text.slice(eq + 1);
            }
        }
        if (words.length > 0)
            commands.push(words);
        words = [];
    };
    const dollar = (i) => {
        const w = begin(i);
        const exp = expandDollar(script, i, env);
        w.text += exp.text;
        if (exp.unresolved !== undefined)
            w.unresolved.push(exp.unresolved);
        return exp.end;
    };
    let i = 0;
    while (i < script.length) {
        const c = script[i];
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
                const d = script[i];
                if (d === '\\' && i + 1 < script.length && '"\\$`\n'.includes(script[i + 1])) {
                    if (script[i + 1] !== '\n')
                        w.text += script[i + 1];
                    i += 2;
                }
                else if (d === '$') {
                    i = dollar(i);
                }
                else {
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
            while (i < script.length && script[i] !== '\n')
                i++;
            continue;
        }
        if (c === '\n' || c === ';' || c === '|' || c === '&') {
            endCommand();
            i += script[i + 1] === c && c !== '\n' && c !== ';' ? 2 : 1;
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
function lineMapOf(text, firstLine = 1) {
    const starts = [0];
    for (let i = 0; i < text.length; i++)
        if (text[i] === '\n')
            starts.push(i + 1);
    return (offset) => {
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return firstLine + lo;
    };
}

;// CONCATENATED MODULE: ./src/import/command-words.ts
// A container's command and args (or a script) as shell commands of expanded words.
// argv items are words as they are (after Kubernetes' own $(VAR) expansion); `sh -c "<script>"` and
// `bash -c` scripts are split as the shell would split them, with the container's env.


const SHELLS = /^(\/usr)?(\/bin\/)?(ba|da|z)?sh$/;
/** The commands a container runs: argv as one command, or the commands of its shell script. */
function containerCommands(file, items, env) {
    const argv = [];
    for (const node of items) {
        if (node.kind !== 'scalar' || node.value === null)
            continue;
        argv.push({ text: expandKubernetes(String(node.value), env), line: node.line, node });
    }
    const shellAt = argv.findIndex((a, i) => SHELLS.test(a.text) && /^-[a-z]*c[a-z]*$/.test(argv[i + 1]?.text ?? ''));
    if (shellAt >= 0) {
        const script = argv[shellAt + 2];
        if (!script || script.node.kind !== 'scalar')
            return [];
        // the script as written (the shell step below also does Kubernetes' $(VAR)), so offsets match the file
        const raw = String(script.node.value);
        return shellCommands(raw, { env, lineOf: valueLineMap(file, script.node) });
    }
    // words that still hold $(VAR) after Kubernetes' expansion name a variable it could not find
    return [
        argv.map((a) => {
            const left = [...a.text.matchAll(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g)].map((m) => m[1]);
            // without a shell, $VAR reaches the engine as written
            for (const m of a.text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g))
                left.push(`${m[0]} (argv without a shell: not expanded)`);
            return { text: a.text, line: a.line, unresolved: left };
        }),
    ];
}
/** The commands of a plain script file (serve.sh, a README snippet); its own assignments apply in order. */
function scriptCommands(text) {
    return shellCommands(text, { env: {}, lineOf: lineMapOf(text) });
}

;// CONCATENATED MODULE: ./src/import/gpu-labels.ts
// Node labels and instance types that name an accelerator -> hardware preset ids.
// Label values as published: NVIDIA GPU feature discovery (nvidia.com/gpu.product, e.g.
// "NVIDIA-H100-80GB-HBM3"), GKE (cloud.google.com/gke-accelerator, e.g. "nvidia-h100-80gb"),
// AWS instance types (node.kubernetes.io/instance-type: p5.48xlarge = 8x H100, p5e/p5en = 8x H200,
// p4d = 8x A100 40GB, p4de = 8x A100 80GB).
const PATTERNS = [
    [/gb300/i, 'gb300'],
    [/gb200/i, 'gb200'],
    [/b300/i, 'b300'],
    [/b200/i, 'b200'],
    [/rtx.?pro.?6000/i, 'rtx-pro-6000'],
    [/h200/i, 'h200'],
    [/h100.*(pcie|nvl)/i, 'h100-pcie'],
    [/h100/i, 'h100-sxm'],
    [/h20.*141/i, 'h20-141gb'],
    [/\bh20\b|-h20$|^h20$/i, 'h20'],
    [/a100.*80/i, 'a100-80gb'],
    [/a100/i, 'a100-40gb'],
    [/l40s/i, 'l40s'],
    [/4090/i, 'rtx-4090'],
    [/mi355/i, 'mi355x'],
    [/mi325/i, 'mi325x'],
    [/mi300/i, 'mi300x'],
    [/910b/i, 'ascend-910b'],
];
const INSTANCE_TYPES = [
    [/^p5en?\./, 'h200'],
    [/^p5e\./, 'h200'],
    [/^p5\./, 'h100-sxm'],
    [/^p4de\./, 'a100-80gb'],
    [/^p4d\./, 'a100-40gb'],
    [/^p6-b300\./, 'b300'],
    [/^p6-b200\./, 'b200'],
    [/^a3-(high|mega|edge)gpu/, 'h100-sxm'],
    [/^a3-ultragpu/, 'h200'],
    [/^a4-highgpu/, 'b200'],
];
const ACCELERATOR_LABELS = ['nvidia.com/gpu.product', 'cloud.google.com/gke-accelerator', 'amd.com/gpu.product-name', 'accelerator'];
const INSTANCE_LABELS = ['node.kubernetes.io/instance-type', 'beta.kubernetes.io/instance-type'];
/** The hardware preset a node label names, or undefined. */
function presetForLabel(label, value) {
    if (INSTANCE_LABELS.includes(label))
        return INSTANCE_TYPES.find(([re]) => re.test(value))?.[1];
    if (ACCELERATOR_LABELS.includes(label) || /gpu|accelerator/i.test(label))
        return PATTERNS.find(([re]) => re.test(value))?.[1];
    return undefined;
}

;// CONCATENATED MODULE: ./src/import/kubernetes.ts
// Rendered Kubernetes manifests -> plan fields: the device count from the pods' GPU limits and
// replicas, the engine's flags from the serving container's command, the accelerator from node labels.
//   Deployment / StatefulSet / Pod     GPUs = replicas x GPUs per pod; each replica is one engine instance
//   LeaderWorkerSet                    GPUs = replicas x (leader GPUs + (size - 1) x worker GPUs); a group
//                                      is one engine instance spanning `size` pods (one per node)
//   KServe LLMInferenceService         vLLM with spec.parallelism (tensor, pipeline, data, expert) x replicas
//   Dynamo DynamoGraphDeployment       each service with GPUs runs `python3 -m dynamo.<engine>`









const GPU_RESOURCES = ['nvidia.com/gpu', 'amd.com/gpu', 'gpu'];
function intOf(node) {
    const v = scalarOf(node);
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : undefined;
    return n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
}
function count(node, fallback, line) {
    const n = intOf(node);
    return n === undefined ? { count: fallback, line } : { count: n, line: node?.line ?? line };
}
/** GPUs one container asks for: limits first (what the scheduler enforces for extended resources), then requests. */
function gpusOf(container) {
    for (const kind of ['limits', 'requests']) {
        for (const name of GPU_RESOURCES) {
            const node = at(container, 'resources', kind, name);
            const n = intOf(node);
            if (n !== undefined && node)
                return { count: n, line: node.line };
        }
    }
    return undefined;
}
function workloadsOf(docs) {
    const out = [];
    for (const doc of docs) {
        const kind = stringOf(at(doc, 'kind')) ?? '';
        const name = stringOf(at(doc, 'metadata', 'name')) ?? kind;
        const line = at(doc, 'kind')?.line ?? doc.line;
        const spec = at(doc, 'spec');
        if (['Deployment', 'StatefulSet', 'ReplicaSet', 'Job'].includes(kind)) {
            out.push({ kind, name, line, doc, instances: count(at(spec, 'replicas'), 1, line),
                groups: [{ spec: at(spec, 'template', 'spec'), pods: 1, env: {} }] });
        }
        else if (kind === 'Pod') {
            out.push({ kind, name, line, doc, instances: { count: 1, line }, groups: [{ spec, pods: 1, env: {} }] });
        }
        else if (kind === 'LeaderWorkerSet') {
            const lwt = at(spec, 'leaderWorkerTemplate');
            const size = count(at(lwt, 'size'), 1, line).count;
            const worker = at(lwt, 'workerTemplate', 'spec');
            const leader = at(lwt, 'leaderTemplate', 'spec') ?? worker;
            // the LeaderWorkerSet controller sets these in every pod of a group
            const env = (index) => ({ LWS_GROUP_SIZE: String(size), LWS_WORKER_INDEX: String(index) });
            const groups = [{ spec: leader, pods: 1, env: env(0) }];
            if (size > 1)
                groups.push({ spec: worker, pods: size - 1, env: env(1) });
            out.push({ kind, name, line, doc, instances: count(at(spec, 'replicas'), 1, line), groups });
        }
        else if (kind === 'LLMInferenceService') {
            const groups = [{ spec: at(spec, 'template'), pods: 1, env: {} }];
            out.push({ kind, name, line, doc, instances: count(at(spec, 'replicas'), 1, line), groups });
        }
        else if (kind === 'DynamoGraphDeployment') {
            const services = at(spec, 'services');
            if (services?.kind !== 'map')
                continue;
            for (const [service, node] of services.entries) {
                const gpuNode = at(node, 'resources', 'limits', 'gpu') ?? at(node, 'resources', 'requests', 'gpu');
                const gpus = intOf(gpuNode);
                if (!gpus || !gpuNode)
                    continue;
                const multinode = intOf(at(node, 'multinode', 'nodeCount')) ?? 1;
                out.push({
                    kind, name: service, line: node.line, doc, instances: count(at(node, 'replicas'), 1, node.line),
                    groups: [{ spec: at(node, 'extraPodSpec'), pods: multinode, env: {}, container: at(node, 'extraPodSpec', 'mainContainer'),
                            gpus: { count: gpus, line: gpuNode.line } }],
                });
            }
        }
    }
    return out;
}
/** The container's environment: env entries in order (Kubernetes expands $(VAR) in their values), envFrom ConfigMaps. */
function containerEnv(container, base, configMaps) {
    const env = { ...base };
    const fromCluster = [];
    for (const source of itemsOf(at(container, 'envFrom'))) {
        const cm = configMaps.get(stringOf(at(source, 'configMapRef', 'name')) ?? '');
        const data = at(cm, 'data');
        if (data?.kind === 'map')
            for (const [k, v] of data.entries)
                env[k] = stringOf(v) ?? '';
    }
    for (const entry of itemsOf(at(container, 'env'))) {
        const name = stringOf(at(entry, 'name'));
        if (name === undefined)
            continue;
        const value = at(entry, 'value');
        if (value !== undefined && scalarOf(value) !== null)
            env[name] = expandKubernetes(stringOf(value) ?? '', env);
        else if (at(entry, 'valueFrom'))
            fromCluster.push(name);
    }
    return { env, fromCluster };
}
function configMapsOf(docs) {
    const maps = new Map();
    for (const doc of docs) {
        if (stringOf(at(doc, 'kind')) === 'ConfigMap')
            maps.set(stringOf(at(doc, 'metadata', 'name')) ?? '', doc);
    }
    return maps;
}
/** A config file named by a container path, looked up by base name among the manifest's ConfigMaps. */
function configMapFinder(file, yaml, configMaps, fallback) {
    return (path) => {
        const base = path.split('/').pop() ?? path;
        for (const cm of configMaps.values()) {
            const node = at(cm, 'data', base);
            if (node?.kind !== 'scalar' || typeof node.value !== 'string')
                continue;
            const parsed = yaml_tree_parseYamlFile(node.value);
            if ('error' in parsed)
                return { error: `ConfigMap data '${base}': ${parsed.error}` };
            const root = parsed.docs[0];
            if (!root)
                return { error: `ConfigMap data '${base}' is empty` };
            const toFile = valueLineMap(yaml, node);
            const starts = [0];
            for (let i = 0; i < node.value.length; i++)
                if (node.value[i] === '\n')
                    starts.push(i + 1);
            const data = node.value;
            // the first non-blank character of the line: its word is what valueLineMap located
            const firstWord = (line) => {
                let o = starts[line - 1] ?? 0;
                while (o < data.length && (data[o] === ' ' || data[o] === '\t'))
                    o++;
                return o;
            };
            return { root, file, mapLine: (line) => toFile(firstWord(line)) };
        }
        return fallback(path);
    };
}
function choose(file, workloads, options, configMaps) {
    const chosen = [];
    for (const workload of workloads) {
        const group = workload.groups[0];
        const containers = group.container ? [group.container] : itemsOf(at(group.spec, 'containers'));
        for (const container of containers) {
            const name = stringOf(at(container, 'name')) ?? '';
            if (options.container !== undefined && options.container !== name && options.container !== workload.name)
                continue;
            const { env, fromCluster } = containerEnv(container, group.env, configMaps);
            const argv = [...itemsOf(at(container, 'command')), ...itemsOf(at(container, 'args'))];
            const commands = containerCommands(file, argv, env);
            const found = findInvocation(commands, options.engine);
            const engine = found?.engine ?? (commands.length > 0 ? commands.map((w) => detectEngine(w)).find((e) => e) : undefined);
            chosen.push({ workload, container, commands, ...(engine ? { engine } : {}), hasCommand: at(container, 'command') !== undefined, fromCluster });
        }
    }
    return chosen;
}
function kubernetes_hardwarePreset(spec) {
    const selector = at(spec, 'nodeSelector');
    if (selector?.kind === 'map') {
        for (const [label, value] of selector.entries) {
            const preset = presetForLabel(label, stringOf(value) ?? '');
            if (preset)
                return { preset, line: value.line };
        }
    }
    const terms = at(spec, 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms');
    for (const term of itemsOf(terms)) {
        for (const expr of itemsOf(at(term, 'matchExpressions'))) {
            if (stringOf(at(expr, 'operator')) !== 'In')
                continue;
            const values = itemsOf(at(expr, 'values'));
            const presets = new Set(values.map((v) => presetForLabel(stringOf(at(expr, 'key')) ?? '', stringOf(v) ?? '')));
            const only = values[0];
            if (presets.size === 1 && only && [...presets][0])
                return { preset: [...presets][0], line: only.line };
        }
    }
    return undefined;
}
/** KServe LLMInferenceService: spec.parallelism is the layout (vLLM semantics); spec.model.uri the model. */
function applyKServe(w, c, gpusPerPod) {
    const par = at(w.doc, 'spec', 'parallelism');
    const get = (key) => {
        const node = at(par, key);
        const n = intOf(node);
        return n !== undefined && n >= 1 && node ? { count: n, line: node.line } : undefined;
    };
    const tp = get('tensor');
    const pp = get('pipeline');
    const data = get('data');
    const expert = scalarOf(at(par, 'expert')) === true;
    if (tp)
        c.set('parallelism.tp', tp.count, tp.line);
    if (pp)
        c.set('parallelism.pp', pp.count, pp.line);
    if (tp || pp || data) {
        const dpEngine = data?.count ?? 1;
        // vLLM's --max-num-seqs is per data-parallel rank
        if (dpEngine > 1 && c.has('workload.concurrency')) {
            c.set('workload.concurrency', c.get('workload.concurrency') * dpEngine, c.origins['workload.concurrency'] ?? w.line);
        }
        c.set('parallelism.dp', dpEngine * w.instances.count, data?.line ?? w.instances.line);
        if (expert) {
            c.set('parallelism.ep', (tp?.count ?? 1) * dpEngine, at(par, 'expert')?.line ?? w.line);
            c.set('parallelism.etp', 1, at(par, 'expert')?.line ?? w.line);
        }
        const world = (tp?.count ?? 1) * (pp?.count ?? 1) * dpEngine;
        c.set('hardware.gpus', world * w.instances.count, tp?.line ?? pp?.line ?? data?.line ?? w.line);
        if (gpusPerPod && at(w.doc, 'spec', 'worker') === undefined && gpusPerPod.count !== world) {
            c.warn(`${c.origin(gpusPerPod.line)}: the pod asks for ${gpusPerPod.count} GPUs but spec.parallelism needs ${world} per replica`);
        }
    }
    const model = at(w.doc, 'spec', 'model', 'uri') ?? at(w.doc, 'spec', 'model', 'name');
    const name = stringOf(model);
    if (name && model && !c.has('model.preset')) {
        const preset = modelPresetFor(name);
        if (preset) {
            c.set('model.preset', preset, model.line);
            for (const [key, value] of Object.entries(checkpointStorage(name) ?? {}))
                c.set(`model.${key}`, value, model.line, false);
        }
        else
            c.warn(`${c.origin(model.line)}: model '${name}' matches no model preset; give model.preset or model.hf_config in the plan`);
    }
}
function importManifest(file, yaml, options, findConfig) {
    const workloads = workloadsOf(yaml.docs);
    if (workloads.length === 0) {
        const kinds = yaml.docs.map((d) => stringOf(at(d, 'kind'))).filter((k) => k);
        return { error: `no workload that runs GPUs here (found: ${kinds.join(', ') || 'nothing'}); expected a Deployment, StatefulSet, Pod, LeaderWorkerSet, LLMInferenceService or DynamoGraphDeployment` };
    }
    const configMaps = configMapsOf(yaml.docs);
    const candidates = choose(yaml, workloads, options, configMaps);
    if (candidates.length === 0)
        return { error: `no container or workload named '${options.container}'` };
    const withEngine = candidates.filter((x) => x.engine !== undefined);
    const kserve = candidates.find((x) => x.workload.kind === 'LLMInferenceService');
    const pick = withEngine[0] ?? kserve ?? candidates.find((x) => gpusOf(x.container)) ?? candidates[0];
    if (!pick)
        return { error: 'no container found' };
    const c = new FieldCollector(file);
    if (withEngine.length > 1 && options.container === undefined) {
        const names = withEngine.map((x) => `${x.workload.name}/${stringOf(at(x.container, 'name')) ?? '?'}`);
        c.warn(`${file}: ${withEngine.length} containers start an engine (${names.join(', ')}); importing the first: set deployment.container to choose`);
    }
    const w = pick.workload;
    const engine = pick.engine ?? options.engine ?? (w.kind === 'LLMInferenceService' ? 'vllm' : undefined);
    if (engine === undefined) {
        return { error: `no vLLM, SGLang or TensorRT-LLM command found in ${w.kind} '${w.name}'; set deployment.engine if the image's entrypoint starts it` };
    }
    if (options.engine && pick.engine && options.engine !== pick.engine) {
        c.warn(`${file}: the plan says engine ${options.engine} but ${w.kind} '${w.name}' runs ${ENGINE_NAMES[pick.engine]}; read with ${ENGINE_NAMES[pick.engine]}'s semantics`);
    }
    // devices: per pod from the GPU limits, times pods per instance, times instances
    let perInstance = 0;
    let gpuLine = 0;
    let perPod;
    for (const [index, group] of w.groups.entries()) {
        const containers = group.container ? [] : itemsOf(at(group.spec, 'containers'));
        const gpus = group.gpus ?? containers.map(gpusOf).find((g) => g !== undefined);
        if (!gpus)
            continue;
        if (index === 0)
            perPod = gpus;
        perInstance += gpus.count * group.pods;
        gpuLine ||= gpus.line;
    }
    const groupPods = w.groups.reduce((n, g) => n + g.pods, 0);
    const found = findInvocation(pick.commands, engine);
    const words = found?.words ?? (pick.hasCommand ? undefined : pick.commands[0]);
    const instances = { count: w.instances.count, line: w.instances.line };
    const finder = configMapFinder(file, yaml, configMaps, findConfig);
    let world;
    if (words) {
        const args = parseFlags(engine, words, found?.start ?? 0, found?.words[0]?.line ?? w.line);
        for (const name of pick.fromCluster) {
            if (words.some((word) => word.unresolved.includes(name))) {
                c.warn(`${file}: ${name} is set from the cluster (valueFrom), not in the manifest; flags using it are ignored`);
            }
        }
        const facts = runEngine(args, c, { instances }, finder);
        world = facts.world_size;
        if (facts.nodes !== undefined && facts.nodes !== groupPods) {
            c.warn(`${c.origin(facts.line)}: --nnodes ${facts.nodes} but one instance has ${groupPods} pod(s)`);
        }
    }
    else if (w.kind !== 'LLMInferenceService') {
        c.warn(`${file}: container '${stringOf(at(pick.container, 'name')) ?? '?'}' has a command that does not start ${ENGINE_NAMES[engine]}; only the device count is imported`);
    }
    if (w.kind === 'LLMInferenceService')
        applyKServe(w, c, perPod);
    if (perInstance > 0 && !c.has('hardware.gpus')) {
        c.set('hardware.gpus', perInstance * w.instances.count, gpuLine);
        if (world !== undefined && world !== perInstance) {
            c.warn(`${c.origin(gpuLine)}: ${ENGINE_NAMES[engine]}'s flags use ${world} GPUs per instance but the ${w.kind} gives each instance ${perInstance}`);
        }
    }
    else if (perInstance === 0 && world !== undefined && !c.has('hardware.gpus')) {
        // no GPU limit: the engine's own count is the best figure there is
        c.warn(`${file}: no nvidia.com/gpu limit in ${w.kind} '${w.name}'; the device count is taken from the engine's flags`);
        c.set('hardware.gpus', world * w.instances.count, found?.words[0]?.line ?? w.line);
    }
    if (groupPods > 1 && perPod)
        c.set('hardware.gpus_per_node', perPod.count, perPod.line);
    const hw = kubernetes_hardwarePreset(w.groups[0]?.spec);
    if (hw)
        c.set('hardware.preset', hw.preset, hw.line);
    return c.result();
}
/** Parses and imports; a Helm template or unreadable YAML is an error. */
function importManifestText(file, text, options, findConfig) {
    const yaml = parseYamlFile(text);
    if ('error' in yaml)
        return yaml;
    return importManifest(file, yaml, options, findConfig);
}

;// CONCATENATED MODULE: ./src/import/merge.ts
const SECTIONS = ['model', 'hardware', 'parallelism', 'workload', 'requirements', 'claims'];
/** The only key of the plan's deployment section an import fills: which engine ran (its flags' meaning). */
const DEPLOYMENT_KEYS = new Set(['engine']);
function sectionOf(values, key) {
    const v = Object.prototype.hasOwnProperty.call(values, key) ? values[key] : undefined;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {};
}
function has(section, key) {
    return Object.prototype.hasOwnProperty.call(section, key) && section[key] !== undefined && section[key] !== null;
}
function mergeImports(plan, results) {
    const warnings = [];
    const origins = {};
    // later files win: walk them last to first and keep the first value seen
    const imported = {};
    const importedOrigins = {};
    for (const result of [...results].reverse()) {
        for (const w of result.warnings)
            if (!warnings.includes(w))
                warnings.push(w);
        for (const [section, fields] of Object.entries(result.fields)) {
            const target = (imported[section] ??= {});
            for (const [key, value] of Object.entries(fields)) {
                if (has(target, key))
                    continue;
                target[key] = value;
                const origin = result.origins[`${section}.${key}`];
                if (origin !== undefined)
                    importedOrigins[`${section}.${key}`] = origin;
            }
        }
    }
    warnings.reverse();
    const values = { ...plan };
    for (const section of SECTIONS) {
        const own = sectionOf(plan, section);
        const from = imported[section] ?? {};
        const merged = { ...own };
        for (const [key, value] of Object.entries(from)) {
            const path = `${section}.${key}`;
            if (has(own, key)) {
                if (key === 'preset' && own[key] !== value) {
                    warnings.push(`${path}: the plan says '${String(own[key])}' but ${importedOrigins[path] ?? 'the imported file'} names '${String(value)}'; the plan's is used`);
                }
                continue;
            }
            merged[key] = value;
            const origin = importedOrigins[path];
            if (origin !== undefined)
                origins[path] = origin;
        }
        if (Object.keys(merged).length > 0 || Object.prototype.hasOwnProperty.call(plan, section))
            values[section] = merged;
    }
    const ownDeployment = sectionOf(plan, 'deployment');
    const importedDeployment = imported.deployment ?? {};
    for (const [key, value] of Object.entries(importedDeployment)) {
        if (!DEPLOYMENT_KEYS.has(key) || has(ownDeployment, key))
            continue;
        values.deployment = { ...sectionOf(values, 'deployment'), [key]: value };
        const origin = importedOrigins[`deployment.${key}`];
        if (origin !== undefined)
            origins[`deployment.${key}`] = origin;
    }
    const context = [...results].reverse().find((r) => r.context)?.context;
    if (context)
        splitContext(values, context.tokens, context.origin, origins, warnings);
    return { values, origins, warnings };
}
function splitContext(values, tokens, origin, origins, warnings) {
    const workload = sectionOf(values, 'workload');
    if (has(workload, 'max_input_tokens'))
        return;
    const output = (workload.max_output_tokens ?? workload.output_tokens);
    if (output === undefined) {
        warnings.push(`${origin}: the engine's context of ${tokens} tokens is prompt + output; give workload.output_tokens to split it (memory is not sized from it until then)`);
        return;
    }
    if (output >= tokens) {
        warnings.push(`${origin}: the engine's context of ${tokens} tokens leaves no room for prompts after ${output} output tokens`);
        return;
    }
    const maxInput = tokens - output;
    const input = workload.input_tokens;
    if (input !== undefined && input > maxInput) {
        warnings.push(`${origin}: prompts of ${input} tokens plus ${output} output tokens exceed the engine's context of ${tokens}`);
        return;
    }
    values.workload = { ...workload, max_input_tokens: maxInput };
    origins['workload.max_input_tokens'] = origin;
}

;// CONCATENATED MODULE: ./src/import/index.ts
// Importers: the files where deployments already live -> plan fields with origins and warnings.
// Pure: the caller passes a reader for the files an imported file names (an engine's --config).










/** `ref` relative to the folder of `from` (both repository paths with '/'); '..' resolved. */
function relativeTo(from, ref) {
    const parts = from.split('/').slice(0, -1);
    for (const part of ref.split('/')) {
        // '..' climbs out of a named folder; above the start it stays, so ../../x keeps meaning that
        if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..')
            parts.pop();
        else if (part === '..')
            parts.push('..');
        else if (part !== '.' && part !== '')
            parts.push(part);
    }
    return parts.join('/');
}
function configReader(read) {
    return (path) => {
        if (path.startsWith('/'))
            return { error: 'an absolute path inside the container, and no ConfigMap in the same file holds it' };
        const got = read(path);
        if ('error' in got)
            return got;
        const yaml = yaml_tree_parseYamlFile(got.text);
        if ('error' in yaml)
            return { error: yaml.error };
        const root = yaml.docs[0];
        return root ? { root, file: path } : { error: 'the file is empty' };
    };
}
const SCRIPT_EXTENSIONS = /\.(sh|bash|txt|cmd|command)$/i;
function importScript(file, text, options, read) {
    const commands = scriptCommands(text);
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
    const facts = runEngine(parseFlags(found.engine, found.words, found.start, line), c, {}, configReader(read));
    if (facts.world_size !== undefined)
        c.set('hardware.gpus', facts.world_size, facts.line);
    return c.result();
}
/**
 * Imports one file: a Kubernetes manifest, an engine command line (script), an engine --config YAML,
 * an aiconfigurator experiment or a Dynamo SLA. `read` resolves paths relative to this file.
 */
function importDeployment(file, text, options, read) {
    try {
        if (SCRIPT_EXTENSIONS.test(file))
            return importScript(file, text, options, read);
        const yaml = yaml_tree_parseYamlFile(text);
        if ('error' in yaml)
            return yaml;
        const root = yaml.docs[0];
        if (!root || root.kind !== 'map')
            return importScript(file, text, options, read);
        const kinds = yaml.docs.map((d) => stringOf(at(d, 'kind')));
        const slaHolder = yaml.docs.find((d) => stringOf(at(d, 'kind')) === 'DynamoGraphDeploymentRequest');
        if (slaHolder) {
            const sla = findSla(slaHolder);
            return sla ? importSla(file, sla) : { error: 'a DynamoGraphDeploymentRequest without an sla section', line: slaHolder.line };
        }
        if (kinds.some((k) => k !== undefined) && at(root, 'apiVersion') !== undefined) {
            return importManifest(file, yaml, options, configReader(read));
        }
        if (isAiconfigurator(root))
            return importAiconfigurator(file, yaml, options.container);
        const sla = findSla(root);
        if (sla)
            return importSla(file, sla);
        if (!options.engine) {
            return { error: `not a manifest, aiconfigurator or SLA file; if it is an engine config, say which engine (deployment.engine: ${ENGINES.join(' | ')})` };
        }
        const c = new FieldCollector(file);
        const facts = runEngine(argsFromConfig(options.engine, root), c, {}, configReader(read));
        if (facts.world_size !== undefined)
            c.set('hardware.gpus', facts.world_size, facts.line);
        return c.result();
    }
    catch (err) {
        return { error: `internal error while importing (${String(err).slice(0, 200)})` };
    }
}

;// CONCATENATED MODULE: ./src/import/deployment.ts


/** Most files one plan may import from. */
const MAX_IMPORTS = 16;
function own(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}
/** The files a plan's values import from, as written (relative to the plan). */
function deploymentFiles(values) {
    const deployment = own(values, 'deployment');
    if (deployment === null || typeof deployment !== 'object')
        return [];
    const from = own(deployment, 'from');
    const list = typeof from === 'string' ? [from] : Array.isArray(from) ? from : [];
    return list.filter((f) => typeof f === 'string');
}
function resolveDeployment(file, values, lines, readReference) {
    const deployment = own(values, 'deployment');
    if (deployment === null || typeof deployment !== 'object')
        return { values, origins: {}, errors: [], warnings: [] };
    const spec = deployment;
    const engine = own(spec, 'engine');
    const container = own(spec, 'container');
    const line = lines['deployment.from'] ?? lines.deployment;
    const at = (message) => ({ message, path: 'deployment.from', ...(line !== undefined ? { line } : {}) });
    const errors = [];
    const results = [];
    for (const from of deploymentFiles(values).slice(0, MAX_IMPORTS)) {
        const read = readReference(file, from);
        if ('error' in read) {
            errors.push(at(`deployment.from: cannot read '${from}': ${read.error}`));
            continue;
        }
        const result = importDeployment(from, read.text, { ...(engine ? { engine } : {}), ...(container ? { container } : {}) }, (ref) => readReference(file, relativeTo(from, ref)));
        if ('error' in result) {
            errors.push(at(`deployment.from: ${from}${result.line !== undefined ? `:${result.line}` : ''}: ${result.error}`));
            continue;
        }
        results.push(result);
    }
    if (errors.length > 0)
        return { values, origins: {}, errors, warnings: [] };
    const merged = mergeImports(values, results);
    return { values: merged.values, origins: merged.origins, errors, warnings: merged.warnings.map((w) => at(`deployment: ${w}`)) };
}

;// CONCATENATED MODULE: ./src/plan/hfQuantization.ts
const ATTENTION = ['model.layers.1.self_attn.q_proj', 'model.layers.1.self_attn.o_proj'];
const MLA_ATTENTION = ['model.layers.1.self_attn.q_a_proj', 'model.layers.1.self_attn.kv_b_proj', 'model.layers.1.self_attn.o_proj'];
const DENSE_MLP = ['model.layers.0.mlp.gate_proj', 'model.layers.0.mlp.down_proj'];
const LM_HEAD = ['lm_head'];
const FAMILIES = {
    // DeepSeek, Kimi, GLM: mlp.experts.N.*, plural shared_experts
    deepseek: {
        attention: MLA_ATTENTION.concat(ATTENTION),
        mlp: DENSE_MLP.concat(['model.layers.1.mlp.shared_experts.gate_proj', 'model.layers.1.mlp.shared_experts.down_proj']),
        experts: ['model.layers.1.mlp.experts.0.gate_proj', 'model.layers.1.mlp.experts.0.down_proj'],
        embeddings: LM_HEAD,
    },
    // Qwen MoE and the Qwen3-Next / Qwen3.5 hybrids: singular shared_expert, linear_attn layers
    qwen: {
        attention: ATTENTION.concat(['model.layers.0.linear_attn.in_proj_qkvz', 'model.layers.0.linear_attn.out_proj']),
        mlp: DENSE_MLP.concat(['model.layers.1.mlp.shared_expert.gate_proj', 'model.layers.1.mlp.shared_expert.down_proj']),
        experts: ['model.layers.1.mlp.experts.0.gate_proj', 'model.layers.1.mlp.experts.0.down_proj'],
        embeddings: LM_HEAD,
    },
    // Mixtral, MiniMax: block_sparse_moe.experts.N.w1/w2/w3
    mixtral: {
        attention: ATTENTION,
        mlp: DENSE_MLP,
        experts: ['model.layers.1.block_sparse_moe.experts.0.w1', 'model.layers.1.block_sparse_moe.experts.0.w2'],
        embeddings: LM_HEAD,
    },
    // Llama 4: feed_forward.experts, feed_forward.shared_expert, dense feed_forward
    llama4: {
        attention: ATTENTION,
        mlp: ['model.layers.0.feed_forward.gate_proj', 'model.layers.1.feed_forward.shared_expert.gate_proj'],
        experts: ['model.layers.1.feed_forward.experts.gate_up_proj', 'model.layers.1.feed_forward.experts.down_proj'],
        embeddings: LM_HEAD,
    },
    // gpt-oss: fused expert tensors
    gptoss: {
        attention: ATTENTION,
        mlp: DENSE_MLP,
        experts: ['model.layers.1.mlp.experts.gate_up_proj', 'model.layers.1.mlp.experts.down_proj'],
        embeddings: LM_HEAD,
    },
};
const FAMILY_OF = {
    deepseek_v2: 'deepseek', deepseek_v3: 'deepseek', deepseek_v32: 'deepseek', kimi_k2: 'deepseek', kimi_k25: 'deepseek',
    glm_moe_dsa: 'deepseek', glm4_moe: 'deepseek', qwen2_moe: 'qwen', qwen3_moe: 'qwen', qwen3_next: 'qwen', qwen3_5_moe: 'qwen',
    qwen3_5_moe_text: 'qwen', qwen3: 'qwen', qwen2: 'qwen', mixtral: 'mixtral', minimax_m2: 'mixtral', minimax: 'mixtral',
    llama4: 'llama4', llama4_text: 'llama4', gpt_oss: 'gptoss',
};
function samplesOf(modelType) {
    const family = modelType === undefined ? undefined : FAMILY_OF[modelType];
    if (family !== undefined)
        return FAMILIES[family];
    const all = Object.values(FAMILIES);
    const union = (part) => [...new Set(all.flatMap((f) => f[part]))];
    return { attention: union('attention'), mlp: union('mlp'), experts: union('experts'), embeddings: LM_HEAD };
}
/** compressed-tensors `ignore`: "re:" entries are Python regexes matched from the start; others are module names. */
function compressedTensorsMatcher(pattern) {
    if (pattern.startsWith('re:')) {
        try {
            const re = new RegExp(`^(?:${pattern.slice(3)})`);
            return (name) => re.test(name);
        }
        catch {
            return undefined;
        }
    }
    return nameMatcher(pattern);
}
/** ModelOpt `exclude_modules`: fnmatch globs (`model.layers.*.self_attn*`). */
function globMatcher(pattern) {
    const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    return (name) => re.test(name);
}
/** A plain module name: the module itself, one of its parents, or a dotted suffix of it (`gate` is a router, not gate_proj). */
function nameMatcher(pattern) {
    return (name) => name === pattern || name.endsWith(`.${pattern}`) || name.startsWith(`${pattern}.`) || name.includes(`.${pattern}.`);
}
/** The parts a checkpoint quantizes, given which module names it excludes. */
function quantizedParts(excluded, isMoe, samples) {
    const kept = (part) => samples[part].some((name) => !excluded.some((m) => m(name)));
    return { attention: kept('attention'), mlp: kept('mlp'), experts: isMoe && kept('experts'), embeddings: kept('embeddings') };
}
/**
 * Weight dtype fields from the parts quantized to `q`: one weight_dtype when every linear part is, else the
 * base dtype with the quantized parts named. Embeddings stay 16-bit (they are not Linear modules) unless
 * the LM head is quantized too.
 */
function dtypeFields(q, parts, base, isMoe) {
    const all = parts.attention && parts.mlp && (!isMoe || parts.experts);
    if (all) {
        const fields = { weight_dtype: q };
        if (base !== undefined)
            fields.weight_dtypes = { embeddings: base };
        return fields;
    }
    if (base === undefined)
        return undefined;
    const weight_dtypes = {};
    if (parts.attention)
        weight_dtypes.attention = q;
    if (parts.mlp)
        weight_dtypes.mlp = q;
    if (parts.experts)
        weight_dtypes.experts = q;
    return { weight_dtype: base, weight_dtypes };
}
function stringList(value) {
    return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
}
/** A weight scheme of compressed-tensors or ModelOpt as a dtype (and its group size for 4-bit formats). */
function schemeDtype(bits, type) {
    if (bits === 8)
        return type === 'float' ? 'fp8' : 'int8';
    if (bits === 4)
        return type === 'float' ? 'fp4' : 'int4';
    return undefined;
}
function compressedTensors(config, base, isMoe, samples) {
    const groups = config.config_groups !== null && typeof config.config_groups === 'object' ? Object.values(config.config_groups) : [];
    const warnings = [];
    const schemes = groups
        .map((g) => (g !== null && typeof g === 'object' ? g.weights : undefined))
        .filter((w) => w !== undefined && w !== null && typeof w === 'object');
    const dtypes = [...new Set(schemes.map((w) => `${schemeDtype(w.num_bits, w.type) ?? '?'}:${String(w.group_size ?? '')}`))];
    const first = schemes[0];
    const q = first ? schemeDtype(first.num_bits, first.type) : undefined;
    if (dtypes.length !== 1 || q === undefined) {
        return { fields: {}, warnings: [`config.json quantization_config (compressed-tensors) has ${schemes.length} weight schemes (${dtypes.join(', ') || 'none'}) this reader cannot map to one format: set model.weight_dtype (or weight_dtypes) in the plan`] };
    }
    const excluded = [];
    for (const pattern of stringList(config.ignore)) {
        const m = compressedTensorsMatcher(pattern);
        if (m)
            excluded.push(m);
        else
            warnings.push(`config.json quantization_config.ignore entry '${pattern.slice(0, 80)}' is not a regex this reader can use; ignored`);
    }
    const fields = dtypeFields(q, quantizedParts(excluded, isMoe, samples), base, isMoe);
    if (!fields)
        return { fields: {}, warnings: [...warnings, 'config.json quantizes only some parts but gives no torch_dtype for the rest: set model.weight_dtype in the plan'] };
    if ((q === 'int4' || q === 'fp4') && typeof first.group_size === 'number' && first.group_size > 0)
        fields.quant_group_size = first.group_size;
    return { fields, warnings };
}
function modelOpt(config, base, isMoe, samples) {
    const algo = typeof config.quant_algo === 'string' ? config.quant_algo.toUpperCase() : '';
    const q = algo === 'FP8' || algo === 'FP8_BLOCK' ? 'fp8' : algo === 'NVFP4' ? 'fp4' : algo === 'W4A8_AWQ' || algo === 'W4A16_AWQ' ? 'int4' : undefined;
    if (q === undefined)
        return { fields: {}, warnings: [`config.json quantization_config (modelopt) quant_algo "${algo || '?'}" is not one this reader maps: set model.weight_dtype in the plan`] };
    const excluded = stringList(config.exclude_modules).map(globMatcher);
    const fields = dtypeFields(q, quantizedParts(excluded, isMoe, samples), base, isMoe);
    if (!fields)
        return { fields: {}, warnings: ['config.json quantizes only some parts but gives no torch_dtype for the rest: set model.weight_dtype in the plan'] };
    if (q === 'fp4')
        fields.quant_group_size = typeof config.group_size === 'number' && config.group_size > 0 ? config.group_size : 16;
    else if (q === 'int4' && typeof config.group_size === 'number' && config.group_size > 0)
        fields.quant_group_size = config.group_size;
    if (typeof config.kv_cache_quant_algo === 'string' && config.kv_cache_quant_algo.toUpperCase() === 'FP8')
        fields.kv_cache_dtype = 'fp8';
    return { fields, warnings: [] };
}
/**
 * The dtype fields a quantization_config implies; `base` is the checkpoint's 16-bit dtype where known,
 * `modelType` the config's model_type (it says how the checkpoint names its modules).
 */
function quantizationFields(config, base, isMoe, modelType) {
    const samples = samplesOf(modelType);
    const method = typeof config.quant_method === 'string' ? config.quant_method.toLowerCase() : '';
    const bits = typeof config.bits === 'number' ? config.bits : undefined;
    const keepEmbeddings = (fields) => base === undefined ? fields : { ...fields, weight_dtypes: { ...fields.weight_dtypes, embeddings: base } };
    switch (method) {
        case 'fp8': {
            const excluded = stringList(config.modules_to_not_convert).map(nameMatcher);
            const fields = dtypeFields('fp8', quantizedParts(excluded, isMoe, samples), base, isMoe);
            if (fields)
                return { fields, warnings: [] };
            return { fields: { weight_dtype: 'fp8' }, warnings: [] };
        }
        case 'fbgemm_fp8':
            // Meta's FP8 Llama checkpoints quantize the MLPs; attention stays 16-bit.
            return { fields: { weight_dtypes: { mlp: 'fp8', ...(isMoe ? { experts: 'fp8' } : {}) } }, warnings: [] };
        case 'mxfp4': {
            // gpt-oss: the MoE experts are MXFP4 (groups of 32, 8-bit scales: the fp4 default); the modules left
            // unconverted (attention, router, embeddings, LM head) keep the base dtype.
            if (base !== undefined)
                return { fields: { weight_dtypes: { experts: 'fp4' } }, warnings: [] };
            return {
                fields: { weight_dtype: 'bf16', weight_dtypes: { experts: 'fp4' } },
                warnings: ['config.json gives no torch_dtype: the weights MXFP4 leaves unconverted are taken as bf16 (as gpt-oss ships them)'],
            };
        }
        case 'gptq':
        case 'awq':
            if (bits === 4 || bits === 8) {
                const fields = keepEmbeddings({ weight_dtype: bits === 4 ? 'int4' : 'int8' });
                if (bits === 4 && typeof config.group_size === 'number' && config.group_size > 0)
                    fields.quant_group_size = config.group_size;
                return { fields, warnings: [] };
            }
            break;
        case 'bitsandbytes':
            if (config.load_in_4bit === true || config.load_in_8bit === true) {
                return { fields: keepEmbeddings({ weight_dtype: config.load_in_4bit === true ? 'int4' : 'int8' }), warnings: [] };
            }
            break;
        case 'compressed-tensors':
            return compressedTensors(config, base, isMoe, samples);
        case 'modelopt':
            return modelOpt(config, base, isMoe, samples);
        default:
            break;
    }
    return { fields: {}, warnings: [`config.json quantization_config (quant_method "${method || '?'}") is not one we map: set model.weight_dtype in the plan`] };
}

;// CONCATENATED MODULE: ./src/plan/hfConfig.ts
// Reads a Hugging Face config.json into the plan contract's model fields.
// Pure: the text of the file in, the fields, the line each came from and
// warnings out. Keys we do not map are ignored (config.json holds many).
//
// Families covered: Llama (3 and 4), Mistral/Mixtral, Qwen2/Qwen3 (dense and MoE),
// Qwen3-Next / Qwen3.5 (hybrid linear attention), DeepSeek-V2/V3/R1/V3.2 (MLA, sparse
// attention), Kimi K2 / K2.5, GLM-4.5..4.7 and GLM-5, MiniMax-M2, gpt-oss, and multimodal
// configs that nest the text model under `text_config`. Keys whose names say they shape the
// model (layers, heads, experts, attention, state...) but that the reader does not map are
// named in a warning: no silent guess.


/** Parses config.json text; `{ error }` (with the line) when it is not a JSON object. */
function parseHfConfig(text) {
    const parsed = parseJson(text);
    if ('error' in parsed)
        return parsed;
    if (!isObject(parsed.value))
        return { error: 'config.json: the top level is not a JSON object' };
    const root = parsed.value;
    const locate = keyLocator(text);
    // Multimodal configs keep the language model under text_config; the dtype and
    // quantization may sit at the top level only.
    const nested = isObject(root.text_config);
    const model = nested ? root.text_config : root;
    const prefix = nested ? ['text_config'] : [];
    const reader = new FieldReader(model, prefix, locate);
    return new ConfigMapper(root, reader, locate).map();
}
// ---------------------------------------------------------------- JSON and lines
function parseJson(text) {
    try {
        return { value: JSON.parse(text) };
    }
    catch (first) {
        // Python's json module writes NaN / Infinity, which JSON.parse rejects; they
        // only ever sit in keys we do not read, so read them as null.
        const relaxed = text.replace(/(?<=[:[,]\s*)-?(?:NaN|Infinity)(?=\s*[,\]}])/g, 'null');
        if (relaxed !== text) {
            try {
                return { value: JSON.parse(relaxed) };
            }
            catch {
                // report the first error
            }
        }
        return { error: `config.json is not valid JSON${lineSuffix(text, first)}: ${messageOf(first)}` };
    }
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
/** " (line N)" from a JSON.parse error that names a position or line, else "". */
function lineSuffix(text, error) {
    const message = messageOf(error);
    const lineMatch = /line (\d+)/.exec(message);
    if (lineMatch)
        return ` (line ${lineMatch[1]})`;
    const positionMatch = /position (\d+)/.exec(message);
    if (positionMatch) {
        const position = Number(positionMatch[1]);
        return ` (line ${text.slice(0, position).split('\n').length})`;
    }
    if (/end of JSON input/i.test(message))
        return ` (line ${text.split('\n').length})`;
    return '';
}
/** Finds the 1-based line of a key path in the source, via yaml (JSON is YAML). */
function keyLocator(text) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
    return (path) => {
        let node = doc.contents;
        let keyOffset;
        for (const key of path) {
            if (!(0,dist/* isMap */.jh)(node))
                return undefined;
            const pair = node.items.find((item) => (0,dist/* isScalar */.jn)(item.key) && item.key.value === key);
            if (!pair)
                return undefined;
            keyOffset = pair.key.range?.[0];
            node = pair.value;
        }
        return keyOffset === undefined ? undefined : lineCounter.linePos(keyOffset).line;
    };
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
// ---------------------------------------------------------------- typed reads
/** Reads typed values from one JSON object and remembers where each model field came from. */
class FieldReader {
    json;
    prefix;
    locate;
    lines = {};
    warnings = [];
    constructor(json, prefix, locate) {
        this.json = json;
        this.prefix = prefix;
        this.locate = locate;
    }
    has(key) {
        return this.json[key] !== undefined && this.json[key] !== null;
    }
    /** A positive (or, with allowZero, non-negative) integer, or undefined with a warning if malformed. */
    count(key, allowZero = false) {
        const value = this.json[key];
        if (value === undefined || value === null)
            return undefined;
        if (typeof value === 'number' && Number.isInteger(value) && (value > 0 || (allowZero && value === 0))) {
            return value;
        }
        this.warnings.push(`config.json: ${this.name(key)} is ${JSON.stringify(value)}, not a count; ignored`);
        return undefined;
    }
    bool(key) {
        const value = this.json[key];
        return typeof value === 'boolean' ? value : undefined;
    }
    string(key) {
        const value = this.json[key];
        return typeof value === 'string' ? value : undefined;
    }
    /** Records that model field `field` came from `key` of this object. */
    mark(field, key) {
        const line = this.locate([...this.prefix, key]);
        if (line !== undefined)
            this.lines[`model.${field}`] = line;
    }
    name(key) {
        return [...this.prefix, key].join('.');
    }
}
// ---------------------------------------------------------------- mapping
// model_type values whose MLP is gated (SwiGLU/GeGLU, three matrices) or plain (two).
const GATED_MODEL_TYPES = new Set([
    'llama', 'mistral', 'mixtral', 'qwen2', 'qwen2_moe', 'qwen3', 'qwen3_moe', 'deepseek_v2', 'deepseek_v3', 'deepseek_v32',
    'qwen3_next', 'qwen3_5', 'qwen3_5_text', 'qwen3_5_moe', 'qwen3_5_moe_text', 'glm_moe_dsa', 'minimax_m2', 'kimi_k25',
    'gpt_oss', 'gemma', 'gemma2', 'gemma3', 'gemma3_text', 'phi3', 'olmo', 'olmo2', 'granite', 'granitemoe',
    'cohere', 'internlm2', 'yi', 'baichuan', 'glm', 'glm4', 'glm4_moe', 'minimax', 'ernie4_5', 'ernie4_5_moe',
    'kimi_k2', 'dots1', 'llama4', 'llama4_text', 'mistral3', 'exaone', 'smollm3', 'hunyuan_v1_dense',
]);
const PLAIN_MODEL_TYPES = new Set(['gpt2', 'gpt_neox', 'gptj', 'opt', 'falcon', 'bloom', 'phi', 'starcoder2', 'gpt_bigcode']);
// model_type values whose config.json keys this reader was written and tested against;
// for any other, what it reads is likely right but is flagged for the user to check.
const CHECKED_MODEL_TYPES = new Set([
    'llama', 'mistral', 'mixtral', 'qwen2', 'qwen2_moe', 'qwen3', 'qwen3_moe', 'deepseek_v2', 'deepseek_v3',
    'gpt_oss', 'gemma2', 'gemma3', 'gemma3_text', 'deepseek_v32', 'qwen3_next', 'qwen3_5_moe', 'qwen3_5_moe_text',
    'glm_moe_dsa', 'glm4_moe', 'minimax_m2', 'kimi_k2', 'kimi_k25', 'llama4', 'llama4_text',
]);
// Qwen3-Next's attention always gates its output (transformers Qwen3NextAttention: q_proj yields query and gate);
// Qwen3.5 configs say so with attn_output_gate.
const GATED_ATTENTION_MODEL_TYPES = new Set(['qwen3_next']);
// Llama 4 MoE layers always hold one shared expert as wide as the routed ones (transformers Llama4TextMoe).
const LLAMA4_MODEL_TYPES = new Set(['llama4', 'llama4_text']);
// Keys the reader maps, and keys that do not change sizes or costs; anything else whose name says it
// shapes the model is reported.
const MAPPED_KEYS = new Set([
    'num_hidden_layers', 'hidden_size', 'num_attention_heads', 'num_key_value_heads', 'head_dim', 'vocab_size',
    'tie_word_embeddings', 'intermediate_size', 'intermediate_size_mlp', 'moe_intermediate_size', 'num_local_experts',
    'num_experts', 'n_routed_experts', 'num_experts_per_tok', 'experts_per_token', 'n_shared_experts',
    'shared_expert_intermediate_size', 'shared_intermediate_size', 'first_k_dense_replace', 'moe_layer_freq',
    'decoder_sparse_step', 'mlp_only_layers', 'interleave_moe_layer_step', 'kv_lora_rank', 'qk_rope_head_dim',
    'q_lora_rank', 'qk_nope_head_dim', 'v_head_dim', 'sliding_window', 'layer_types', 'use_sliding_window',
    'max_window_layers', 'sliding_window_pattern', 'attention_chunk_size', 'no_rope_layers', 'attn_output_gate',
    'full_attention_interval', 'linear_num_key_heads', 'linear_num_value_heads', 'linear_key_head_dim',
    'linear_value_head_dim', 'linear_conv_kernel_dim', 'mamba_ssm_dtype', 'index_n_heads', 'index_head_dim',
    'index_topk', 'num_nextn_predict_layers', 'mtp_num_hidden_layers', 'num_mtp_modules', 'mtp_transformer_layers',
    'use_mtp', 'attn_type_list', 'quantization_config', 'torch_dtype', 'dtype', 'model_type', 'text_config',
    'vision_config',
]);
const HARMLESS_KEYS = new Set([
    'attention_dropout', 'attention_bias', 'mlp_bias', 'hidden_act', 'hidden_dropout', 'num_hidden_groups',
    'output_router_logits', 'router_aux_loss_coef', 'router_jitter_noise', 'norm_topk_prob', 'n_group', 'topk_group',
    'topk_method', 'routed_scaling_factor', 'scoring_func', 'ep_size', 'aux_loss_alpha', 'seq_aux', 'use_routing_bias',
    'qk_norm_type', 'use_qk_norm', 'partial_rotary_factor', 'rotary_dim', 'qk_head_dim', 'indexer_rope_interleave',
    'rope_interleave', 'mtp_use_dedicated_embeddings', 'max_position_embeddings', 'pretraining_tp', 'attn_temperature_tuning',
    'attn_scale', 'floor_scale', 'use_cache', 'moe_router_dtype', 'router_dtype', 'first_k_dense_replace_freq',
    'layer_norm_eps', 'layer_norm_epsilon', 'layernorm_epsilon', 'query_pre_attn_scalar', 'attn_logit_softcapping',
    'attn_pdrop', 'output_attentions', 'output_hidden_states', '_attn_implementation', 'add_cross_attention',
    'cross_attention_hidden_size', 'is_decoder', 'chunk_size_feed_forward', 'use_bfloat16', 'hidden_dropout_prob',
    'attention_probs_dropout_prob', 'head_dim_original', 'use_kernels',
]);
// Names that say a key shapes the model: a key like these that is neither mapped nor harmless is reported.
const STRUCTURAL_KEY = /layer|head|expert|attn|attention|window|lora|rank|state|ssm|mamba|conv|index|mtp|nextn|intermediate|hidden|moe|sparse|compress|hybrid|pattern|chunk|kv/i;
// Gemma configs leave tie_word_embeddings out: their config classes default it to true.
const TIED_BY_DEFAULT_MODEL_TYPES = new Set(['gemma', 'gemma2', 'gemma3', 'gemma3_text']);
const TORCH_DTYPES = {
    bfloat16: 'bf16',
    float16: 'fp16',
    half: 'fp16',
    float32: 'fp32',
    float: 'fp32',
};
class ConfigMapper {
    root;
    model;
    locate;
    spec = {};
    constructor(root, model, locate) {
        this.root = root;
        this.model = model;
        this.locate = locate;
    }
    map() {
        this.readShape();
        this.readAttention();
        this.readMoe();
        this.readSlidingWindow();
        this.readLinearAttention();
        this.readSparseAttention();
        this.readMtp();
        this.readDtypes();
        this.reportUnmapped();
        return { spec: this.spec, lines: this.model.lines, warnings: this.model.warnings };
    }
    /** Names the keys that look like they shape the model but that nothing here reads, and an unmodelled vision tower. */
    reportUnmapped() {
        const m = this.model;
        const unknown = Object.keys(m.json).filter((k) => !MAPPED_KEYS.has(k) && !HARMLESS_KEYS.has(k) && !k.startsWith('rope') && STRUCTURAL_KEY.test(k));
        if (unknown.length > 0) {
            const shown = unknown.slice(0, 8).map((k) => m.name(k)).join(', ');
            m.warnings.push(`config.json keys this reader does not understand: ${shown}${unknown.length > 8 ? ` and ${unknown.length - 8} more` : ''}; ` +
                'if they change the architecture (layer kinds, caches, experts), the figures do not reflect it: check the model fields');
        }
        const types = Array.isArray(m.json.attn_type_list) ? m.json.attn_type_list : [];
        if (types.some((t) => t !== 1)) {
            m.warnings.push(`config.json ${m.name('attn_type_list')} has layers of a kind other than full attention (1): modelled as full attention`);
        }
        if (isObject(this.root.vision_config)) {
            m.warnings.push('config.json has a vision_config: the vision encoder is not modelled (an engine that serves images loads its weights too)');
        }
    }
    /** Sets model field `field` (dotted under model.) from config key `key` when present and valid. */
    take(field, key, value) {
        if (value === undefined)
            return;
        this.spec[field] = value;
        this.model.mark(field, key);
    }
    readShape() {
        const m = this.model;
        this.take('layers', 'num_hidden_layers', m.count('num_hidden_layers'));
        this.take('hidden_size', 'hidden_size', m.count('hidden_size'));
        this.take('heads', 'num_attention_heads', m.count('num_attention_heads'));
        const kvHeads = m.count('num_key_value_heads');
        if (kvHeads !== undefined)
            this.take('kv_heads', 'num_key_value_heads', kvHeads);
        else if (this.spec.heads !== undefined)
            this.take('kv_heads', 'num_attention_heads', this.spec.heads);
        this.take('head_dim', 'head_dim', m.count('head_dim'));
        this.take('vocab_size', 'vocab_size', m.count('vocab_size'));
        const modelType = this.modelType();
        const tied = m.bool('tie_word_embeddings') ?? this.rootBool('tie_word_embeddings');
        if (tied !== undefined) {
            this.spec.tied_embeddings = tied;
            this.markEither('tied_embeddings', 'tie_word_embeddings');
        }
        else if (modelType !== undefined && TIED_BY_DEFAULT_MODEL_TYPES.has(modelType)) {
            this.spec.tied_embeddings = true;
        }
        const mlp = this.mlpKind(modelType);
        if (mlp !== undefined)
            this.spec.mlp = mlp;
        if (modelType !== undefined && !CHECKED_MODEL_TYPES.has(modelType)) {
            m.warnings.push(`config.json model_type "${modelType}" is not one this reader was checked against ` +
                '(Llama, Mistral/Mixtral, Qwen2/3, DeepSeek-V2/V3, gpt-oss, Gemma 2/3): check the model fields it read');
        }
    }
    /** model_type of the text model, else of the top level (multimodal wrappers name both). */
    modelType() {
        return this.model.string('model_type') ?? (typeof this.root.model_type === 'string' ? this.root.model_type : undefined);
    }
    mlpKind(modelType) {
        if (modelType === undefined) {
            this.model.warnings.push('config.json has no model_type: MLP assumed gated (the default)');
            return undefined;
        }
        if (GATED_MODEL_TYPES.has(modelType))
            return 'gated';
        if (PLAIN_MODEL_TYPES.has(modelType))
            return 'plain';
        this.model.warnings.push(`config.json model_type "${modelType}": MLP kind unknown, assumed gated (the default)`);
        return undefined;
    }
    readAttention() {
        const m = this.model;
        const kvLoraRank = m.count('kv_lora_rank');
        if (kvLoraRank !== undefined) {
            // Multi-head latent attention (DeepSeek-V2/V3): the KV cache holds the
            // compressed latent plus the shared rotary key per token per layer.
            this.spec.attention = 'mla';
            this.spec.mla = {};
            // The contract's MLA fields carry the config.json key names.
            const fields = ['kv_lora_rank', 'qk_rope_head_dim', 'q_lora_rank', 'qk_nope_head_dim', 'v_head_dim'];
            for (const field of fields) {
                const value = m.count(field);
                if (value === undefined)
                    continue;
                this.spec.mla[field] = value;
                m.mark(`mla.${field}`, field);
            }
            m.mark('attention', 'kv_lora_rank');
            return;
        }
        const { heads, kv_heads: kvHeads } = this.spec;
        if (heads === undefined || kvHeads === undefined)
            return;
        const kind = kvHeads === heads ? 'mha' : kvHeads === 1 ? 'mqa' : 'gqa';
        this.spec.attention = kind;
        m.mark('attention', m.has('num_key_value_heads') ? 'num_key_value_heads' : 'num_attention_heads');
        const gate = m.bool('attn_output_gate');
        const modelType = this.modelType();
        if (gate === true || (gate === undefined && modelType !== undefined && GATED_ATTENTION_MODEL_TYPES.has(modelType))) {
            this.spec.attention_output_gate = true;
            if (gate !== undefined)
                m.mark('attention_output_gate', 'attn_output_gate');
        }
    }
    readMoe() {
        const m = this.model;
        const expertKey = ['num_local_experts', 'num_experts', 'n_routed_experts'].find((key) => m.has(key));
        const experts = expertKey === undefined ? undefined : m.count(expertKey, true);
        const intermediate = m.count('intermediate_size');
        if (experts === undefined || experts === 0) {
            // Dense model (Qwen2-MoE-style configs may say num_experts: 0).
            if (intermediate !== undefined)
                this.take('ffn_hidden_size', 'intermediate_size', intermediate);
            return;
        }
        const moe = { experts };
        this.spec.moe = moe;
        m.mark('moe.experts', expertKey);
        const topK = m.count('num_experts_per_tok') ?? m.count('experts_per_token');
        if (topK !== undefined) {
            moe.top_k = topK;
            m.mark('moe.top_k', m.has('num_experts_per_tok') ? 'num_experts_per_tok' : 'experts_per_token');
        }
        if (LLAMA4_MODEL_TYPES.has(this.modelType() ?? '')) {
            this.readLlama4Moe(moe, intermediate);
            return;
        }
        // Expert width: moe_intermediate_size where the config has one (Qwen-MoE,
        // DeepSeek); Mixtral and gpt-oss give the experts' width as intermediate_size.
        const moeIntermediate = m.count('moe_intermediate_size');
        if (moeIntermediate !== undefined) {
            moe.expert_ffn_hidden_size = moeIntermediate;
            m.mark('moe.expert_ffn_hidden_size', 'moe_intermediate_size');
        }
        else if (intermediate !== undefined) {
            moe.expert_ffn_hidden_size = intermediate;
            m.mark('moe.expert_ffn_hidden_size', 'intermediate_size');
        }
        this.readSharedExperts(moe);
        const denseLayers = this.readDenseLayers(moe);
        // The dense MLP width matters only when some layers are dense.
        if (denseLayers > 0 && moeIntermediate !== undefined && intermediate !== undefined) {
            this.take('ffn_hidden_size', 'intermediate_size', intermediate);
        }
    }
    /**
     * Llama 4: every interleave_moe_layer_step-th layer is MoE (layer i when (i + 1) % step == 0), the others
     * dense with intermediate_size_mlp; routed and shared experts are intermediate_size wide.
     */
    readLlama4Moe(moe, intermediate) {
        const m = this.model;
        if (intermediate !== undefined) {
            moe.expert_ffn_hidden_size = intermediate;
            m.mark('moe.expert_ffn_hidden_size', 'intermediate_size');
        }
        moe.shared_experts = 1;
        const step = m.count('interleave_moe_layer_step') ?? 1;
        const layers = this.spec.layers;
        const dense = layers === undefined ? 0 : layers - Math.floor(layers / step);
        moe.dense_layers = dense;
        if (m.has('interleave_moe_layer_step'))
            m.mark('moe.dense_layers', 'interleave_moe_layer_step');
        if (dense > 0) {
            moe.interleaved = true;
            m.mark('moe.interleaved', 'interleave_moe_layer_step');
            this.take('ffn_hidden_size', 'intermediate_size_mlp', m.count('intermediate_size_mlp'));
        }
    }
    readSharedExperts(moe) {
        const m = this.model;
        const shared = m.count('n_shared_experts', true);
        if (shared !== undefined) {
            moe.shared_experts = shared;
            m.mark('moe.shared_experts', 'n_shared_experts');
            return;
        }
        // Qwen1.5/Qwen2-MoE: one shared expert of its own width.
        const sharedWidth = m.count('shared_expert_intermediate_size', true);
        if (sharedWidth !== undefined && sharedWidth > 0) {
            moe.shared_experts = 1;
            moe.shared_expert_ffn_hidden_size = sharedWidth;
            m.mark('moe.shared_experts', 'shared_expert_intermediate_size');
            m.mark('moe.shared_expert_ffn_hidden_size', 'shared_expert_intermediate_size');
            return;
        }
        moe.shared_experts = 0;
    }
    /** Sets moe.dense_layers and returns how many layers are dense. */
    readDenseLayers(moe) {
        const m = this.model;
        const layers = this.spec.layers;
        const firstDense = m.count('first_k_dense_replace', true);
        if (firstDense !== undefined) {
            moe.dense_layers = firstDense;
            m.mark('moe.dense_layers', 'first_k_dense_replace');
            const frequency = m.count('moe_layer_freq');
            if (frequency !== undefined && frequency > 1) {
                m.warnings.push(`config.json ${m.name('moe_layer_freq')} is ${frequency}: only the leading ${firstDense} dense layers are modelled`);
            }
            return firstDense;
        }
        // Qwen-MoE: layer i is MoE when (i + 1) % decoder_sparse_step == 0 and i is not in mlp_only_layers.
        const step = m.count('decoder_sparse_step');
        const mlpOnly = Array.isArray(m.json.mlp_only_layers) ? m.json.mlp_only_layers : [];
        if (layers === undefined || (step === undefined && mlpOnly.length === 0)) {
            moe.dense_layers = 0;
            return 0;
        }
        let dense = 0;
        let leading = true;
        let allLeading = true;
        for (let layer = 0; layer < layers; layer += 1) {
            const isMoe = (layer + 1) % (step ?? 1) === 0 && !mlpOnly.includes(layer);
            if (!isMoe) {
                dense += 1;
                if (!leading)
                    allLeading = false;
            }
            else {
                leading = false;
            }
        }
        moe.dense_layers = dense;
        m.mark('moe.dense_layers', step !== undefined ? 'decoder_sparse_step' : 'mlp_only_layers');
        if (dense > 0 && !allLeading) {
            m.warnings.push(`config.json: ${dense} of ${layers} layers are dense but not all leading; modelled as ${dense} leading dense layers`);
        }
        return dense;
    }
    readSlidingWindow() {
        const m = this.model;
        const layers = this.spec.layers;
        const chunk = m.count('attention_chunk_size');
        if (chunk !== undefined && layers !== undefined && LLAMA4_MODEL_TYPES.has(this.modelType() ?? '')) {
            this.readChunkedAttention(chunk, layers);
            return;
        }
        const window = m.count('sliding_window');
        if (window === undefined || layers === undefined)
            return;
        let slidingLayers;
        let source = 'sliding_window';
        const layerTypes = m.json.layer_types;
        if (Array.isArray(layerTypes)) {
            // Newer configs (gpt-oss, Qwen3, Gemma 3) list each layer's attention.
            slidingLayers = layerTypes.filter((kind) => kind === 'sliding_attention').length;
            source = 'layer_types';
        }
        else if (m.has('use_sliding_window')) {
            // Qwen2/Qwen3: layers from max_window_layers on use the window, when enabled.
            if (m.bool('use_sliding_window') !== true)
                return;
            const maxWindowLayers = m.count('max_window_layers', true) ?? 0;
            slidingLayers = Math.max(0, layers - maxWindowLayers);
            source = 'max_window_layers';
        }
        else if (m.count('sliding_window_pattern') !== undefined) {
            // Gemma 3 (before layer_types): every pattern-th layer is full, the rest slide.
            const pattern = m.count('sliding_window_pattern');
            slidingLayers = layers - Math.floor(layers / pattern);
            source = 'sliding_window_pattern';
        }
        else if (this.modelType() === 'gemma2') {
            // Gemma 2: even layers slide, odd layers are full (transformers Gemma2 decoder layer).
            slidingLayers = Math.ceil(layers / 2);
        }
        else {
            // Mistral / Mixtral: a window, when set, applies to every layer.
            slidingLayers = layers;
        }
        if (slidingLayers === 0)
            return;
        this.spec.sliding_window = window;
        m.mark('sliding_window', 'sliding_window');
        this.spec.sliding_window_layers = slidingLayers;
        m.mark('sliding_window_layers', source);
    }
    /**
     * Llama 4: layers that use RoPE attend within aligned chunks of attention_chunk_size tokens; the NoPE
     * layers (every fourth by transformers' default no_rope_layers) attend globally.
     */
    readChunkedAttention(chunk, layers) {
        const m = this.model;
        const flags = Array.isArray(m.json.no_rope_layers) ? m.json.no_rope_layers : undefined;
        const chunked = flags !== undefined ? flags.filter((f) => f === 1 || f === true).length : layers - Math.floor(layers / 4);
        if (chunked === 0)
            return;
        this.spec.sliding_window = chunk;
        this.spec.sliding_window_kind = 'chunked';
        this.spec.sliding_window_layers = chunked;
        m.mark('sliding_window', 'attention_chunk_size');
        m.mark('sliding_window_kind', 'attention_chunk_size');
        m.mark('sliding_window_layers', flags !== undefined ? 'no_rope_layers' : 'attention_chunk_size');
    }
    /**
     * Hybrid models (Qwen3-Next, Qwen3.5): layer_types names each layer linear_attention or full_attention;
     * without it every full_attention_interval-th layer is full. The Gated DeltaNet shape comes from linear_*.
     */
    readLinearAttention() {
        const m = this.model;
        const layers = this.spec.layers;
        const types = Array.isArray(m.json.layer_types) ? m.json.layer_types : undefined;
        const interval = m.count('full_attention_interval');
        let count;
        let source = 'layer_types';
        if (types !== undefined && types.includes('linear_attention'))
            count = types.filter((t) => t === 'linear_attention').length;
        else if (interval !== undefined && layers !== undefined && m.has('linear_num_value_heads')) {
            count = layers - Math.floor(layers / interval);
            source = 'full_attention_interval';
        }
        if (count === undefined || count === 0)
            return;
        const spec = { layers: count };
        this.spec.linear_attention = spec;
        m.mark('linear_attention.layers', source);
        const fields = [
            ['key_heads', 'linear_num_key_heads'], ['value_heads', 'linear_num_value_heads'], ['key_head_dim', 'linear_key_head_dim'],
            ['value_head_dim', 'linear_value_head_dim'], ['conv_kernel', 'linear_conv_kernel_dim'],
        ];
        for (const [field, key] of fields) {
            const value = m.count(key);
            if (value === undefined)
                continue;
            spec[field] = value;
            m.mark(`linear_attention.${field}`, key);
        }
        const stateDtype = m.string('mamba_ssm_dtype');
        if (stateDtype !== undefined) {
            const dtype = TORCH_DTYPES[stateDtype.replace(/^torch\./, '')];
            if (dtype !== undefined) {
                spec.state_dtype = dtype;
                m.mark('linear_attention.state_dtype', 'mamba_ssm_dtype');
            }
            else
                m.warnings.push(`config.json ${m.name('mamba_ssm_dtype')} "${stateDtype}" is not a dtype we map; the state is taken as fp32`);
        }
    }
    /** DeepSeek Sparse Attention (DeepSeek-V3.2, GLM-5): the indexer's heads, head dim and top-k. */
    readSparseAttention() {
        const m = this.model;
        if (!m.has('index_topk') && !m.has('index_n_heads'))
            return;
        const spec = {};
        const fields = [['index_heads', 'index_n_heads'], ['index_head_dim', 'index_head_dim'], ['index_topk', 'index_topk']];
        for (const [field, key] of fields) {
            const value = m.count(key);
            if (value === undefined)
                continue;
            spec[field] = value;
            m.mark(`sparse_attention.${field}`, key);
        }
        this.spec.sparse_attention = spec;
    }
    /** Multi-token-prediction modules: num_nextn_predict_layers (DeepSeek, GLM), mtp_num_hidden_layers (Qwen3.5), num_mtp_modules (MiniMax). */
    readMtp() {
        const m = this.model;
        const direct = ['num_nextn_predict_layers', 'mtp_num_hidden_layers'].find((k) => m.has(k));
        let count;
        let key = direct;
        if (direct !== undefined)
            count = m.count(direct, true);
        else if (m.has('num_mtp_modules') && m.bool('use_mtp') !== false) {
            count = (m.count('num_mtp_modules', true) ?? 0) * (m.count('mtp_transformer_layers') ?? 1);
            key = 'num_mtp_modules';
        }
        if (count === undefined || count === 0 || key === undefined)
            return;
        this.spec.mtp_layers = count;
        m.mark('mtp_layers', key);
    }
    readDtypes() {
        const base = this.baseDtype();
        if (base !== undefined)
            this.spec.weight_dtype = base.dtype;
        const quantization = isObject(this.model.json.quantization_config)
            ? { config: this.model.json.quantization_config, inModel: true }
            : isObject(this.root.quantization_config)
                ? { config: this.root.quantization_config, inModel: false }
                : undefined;
        if (quantization === undefined) {
            if (base !== undefined)
                this.markEither('weight_dtype', base.key);
            return;
        }
        this.applyQuantization(quantization.config, quantization.inModel, base?.dtype);
    }
    /** torch_dtype (or dtype, newer transformers) of the model config, else of the top level. */
    baseDtype() {
        for (const source of [this.model.json, this.root]) {
            for (const key of ['torch_dtype', 'dtype']) {
                const value = source[key];
                if (typeof value !== 'string')
                    continue;
                const dtype = TORCH_DTYPES[value.replace(/^torch\./, '')];
                if (dtype !== undefined)
                    return { dtype, key };
                this.model.warnings.push(`config.json ${key} "${value}" is not a dtype we map; weight_dtype left unset`);
                return undefined;
            }
        }
        return undefined;
    }
    applyQuantization(config, inModel, base) {
        const line = this.locate(inModel ? [...this.prefixOfModel(), 'quantization_config'] : ['quantization_config']);
        const { fields, warnings } = quantizationFields(config, base, this.spec.moe !== undefined, this.modelType());
        this.model.warnings.push(...warnings);
        const mark = (field) => {
            if (line !== undefined)
                this.model.lines[`model.${field}`] = line;
        };
        if (fields.weight_dtype !== undefined) {
            this.spec.weight_dtype = fields.weight_dtype;
            mark('weight_dtype');
        }
        if (fields.weight_dtypes !== undefined) {
            this.spec.weight_dtypes = { ...this.spec.weight_dtypes, ...fields.weight_dtypes };
            for (const part of Object.keys(fields.weight_dtypes))
                mark(`weight_dtypes.${part}`);
        }
        if (fields.quant_group_size !== undefined) {
            this.spec.quant_group_size = fields.quant_group_size;
            mark('quant_group_size');
        }
        if (fields.kv_cache_dtype !== undefined) {
            this.spec.kv_cache_dtype = fields.kv_cache_dtype;
            mark('kv_cache_dtype');
        }
    }
    prefixOfModel() {
        return isObject(this.root.text_config) ? ['text_config'] : [];
    }
    rootBool(key) {
        const value = this.root[key];
        return typeof value === 'boolean' ? value : undefined;
    }
    /** Marks a field from `key` in the model config, or the top level when the model config lacks it. */
    markEither(field, key) {
        if (this.model.has(key))
            this.model.mark(field, key);
        else {
            const line = this.locate([key]);
            if (line !== undefined)
                this.model.lines[`model.${field}`] = line;
        }
    }
}

;// CONCATENATED MODULE: ./src/plan/catalog.ts
// The real presets and config.json reader, as resolve.ts's Catalog.


const defaultCatalog = {
    modelPreset: modelPreset,
    hardwarePreset: hardwarePreset,
    modelPresetIds: () => Object.keys(MODEL_PRESETS),
    hardwarePresetIds: () => Object.keys(HARDWARE_PRESETS),
    modelPresetAliases: checkpointIds,
    hardwarePresetAliases: hardwareAliases,
    parseHfConfig: parseHfConfig,
};

;// CONCATENATED MODULE: ./src/plan/didYouMean.ts
// "did you mean 'x'?": the nearest valid key by edit distance.
/** Damerau-Levenshtein distance (optimal string alignment), case-insensitive. */
function editDistance(a, b) {
    const s = a.toLowerCase();
    const t = b.toLowerCase();
    const rows = s.length + 1;
    const cols = t.length + 1;
    const d = new Array(rows * cols).fill(0);
    const at = (i, j) => d[i * cols + j];
    for (let i = 0; i < rows; i++)
        d[i * cols] = i;
    for (let j = 0; j < cols; j++)
        d[j] = j;
    for (let i = 1; i < rows; i++) {
        for (let j = 1; j < cols; j++) {
            const cost = s[i - 1] === t[j - 1] ? 0 : 1;
            let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
            if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
                best = Math.min(best, at(i - 2, j - 2) + 1);
            d[i * cols + j] = best;
        }
    }
    return at(rows - 1, cols - 1);
}
/**
 * The candidate nearest to `word`, when near enough to be a likely typo: at most a
 * third of the word's length (at least 1, at most 4) edits away. Ties go to the
 * first candidate in the list.
 */
function didYouMean(word, candidates) {
    if (word.length === 0 || word.length > 64)
        return undefined;
    const limit = Math.min(4, Math.max(1, Math.floor(word.length / 3)));
    let best;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        if (candidate.toLowerCase() === word.toLowerCase())
            return candidate;
        const distance = editDistance(word, candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return bestDistance <= limit ? best : undefined;
}
/** " (did you mean 'x'?)" or "". */
function didYouMeanSuffix(word, candidates) {
    const match = didYouMean(word, candidates);
    return match === undefined ? '' : ` (did you mean '${match}'?)`;
}

;// CONCATENATED MODULE: ./src/core/types.ts
// Shared types of the verification core. Field names follow the plan contract
// (../shared/plan-format.md): snake_case, the same names as in plan files, so a
// missing field can be named exactly as the user must write it.
//
// Every quantity is stored in SI base units once loaded:
//   bytes (memory), bytes/s (bandwidth), FLOP/s (compute), seconds (time),
//   tokens/s (token rates), plain counts and fractions.
// Where a contract key carries a unit in its name (peak_tflops), the value is
// still stored in the base unit (FLOP/s); the name is kept for the contract.
const types_DTYPES = ['fp32', 'bf16', 'fp16', 'fp8', 'int8', 'int4', 'fp4'];

;// CONCATENATED MODULE: ./src/plan/units.ts
// Quantities: "<number> <unit>" strings and unit-suffixed keys, converted to SI base units
// (bytes, bytes/s, FLOP/s, seconds, tokens/s, plain counts).
const K = 1e3;
const Ki = 1024;
const units_DIMENSIONS = {
    bytes: {
        base: 'bytes',
        bitSensitive: true,
        units: [
            { symbol: 'B', spellings: ['bytes', 'byte'], factor: 1 },
            { symbol: 'KB', spellings: [], factor: K },
            { symbol: 'MB', spellings: [], factor: K ** 2 },
            { symbol: 'GB', spellings: [], factor: K ** 3 },
            { symbol: 'TB', spellings: [], factor: K ** 4 },
            { symbol: 'PB', spellings: [], factor: K ** 5 },
            { symbol: 'KiB', spellings: [], factor: Ki },
            { symbol: 'MiB', spellings: [], factor: Ki ** 2 },
            { symbol: 'GiB', spellings: [], factor: Ki ** 3 },
            { symbol: 'TiB', spellings: [], factor: Ki ** 4 },
            { symbol: 'PiB', spellings: [], factor: Ki ** 5 },
        ],
    },
    byteRate: {
        base: 'bytes/s',
        bitSensitive: true,
        units: [
            { symbol: 'B/s', spellings: ['Bps', 'bytes/s'], factor: 1 },
            { symbol: 'MB/s', spellings: ['MBps'], factor: K ** 2 },
            { symbol: 'GB/s', spellings: ['GBps'], factor: K ** 3 },
            { symbol: 'TB/s', spellings: ['TBps'], factor: K ** 4 },
            { symbol: 'GiB/s', spellings: [], factor: Ki ** 3 },
            { symbol: 'TiB/s', spellings: [], factor: Ki ** 4 },
            // bits: network links are sold in bits per second (400 Gb/s InfiniBand NDR = 50 GB/s)
            { symbol: 'Mb/s', spellings: ['Mbps', 'Mbit/s'], factor: K ** 2 / 8 },
            { symbol: 'Gb/s', spellings: ['Gbps', 'Gbit/s'], factor: K ** 3 / 8 },
            { symbol: 'Tb/s', spellings: ['Tbps', 'Tbit/s'], factor: K ** 4 / 8 },
        ],
    },
    flops: {
        base: 'FLOP/s',
        bitSensitive: false,
        units: [
            { symbol: 'FLOPS', spellings: ['FLOP/s'], factor: 1 },
            { symbol: 'GFLOPS', spellings: ['GFLOP/s'], factor: K ** 3 },
            { symbol: 'TFLOPS', spellings: ['TFLOP/s'], factor: K ** 4 },
            { symbol: 'PFLOPS', spellings: ['PFLOP/s'], factor: K ** 5 },
        ],
    },
    time: {
        base: 's',
        bitSensitive: false,
        units: [
            { symbol: 'ns', spellings: [], factor: 1e-9 },
            { symbol: 'us', spellings: ['µs', 'μs'], factor: 1e-6 },
            { symbol: 'ms', spellings: [], factor: 1e-3 },
            { symbol: 's', spellings: ['sec'], factor: 1 },
            { symbol: 'min', spellings: [], factor: 60 },
        ],
    },
    tokenRate: {
        base: 'tokens/s',
        bitSensitive: false,
        units: [
            { symbol: 'tokens/s', spellings: ['tok/s', 'tokens/sec'], factor: 1 },
            { symbol: 'tokens/ms', spellings: ['tok/ms'], factor: 1e3 },
            { symbol: 'tokens/min', spellings: ['tok/min'], factor: 1 / 60 },
        ],
    },
    requestRate: {
        base: 'requests/s',
        bitSensitive: false,
        units: [
            { symbol: '/s', spellings: ['requests/s', 'req/s', 'qps', 'rps', 'requests/sec'], factor: 1 },
            { symbol: '/min', spellings: ['requests/min', 'req/min', 'rpm'], factor: 1 / 60 },
            { symbol: '/h', spellings: ['requests/h', 'req/h'], factor: 1 / 3600 },
        ],
    },
    count: {
        base: '',
        bitSensitive: false,
        units: [
            { symbol: 'K', spellings: [], factor: 1e3 },
            { symbol: 'M', spellings: [], factor: 1e6 },
            { symbol: 'B', spellings: [], factor: 1e9 },
            { symbol: 'T', spellings: [], factor: 1e12 },
        ],
    },
};
function sameChar(a, b, bitSensitive) {
    if (bitSensitive && (a === 'b' || a === 'B' || b === 'b' || b === 'B'))
        return a === b;
    return a.toLowerCase() === b.toLowerCase();
}
function sameUnit(written, spelling, bitSensitive) {
    const a = [...written];
    const b = [...spelling];
    return a.length === b.length && a.every((ch, i) => sameChar(ch, b[i], bitSensitive));
}
/** The unit that `written` spells in dimension `dim`, if any. */
function findUnit(dim, written) {
    const def = units_DIMENSIONS[dim];
    const exact = def.units.find((u) => u.symbol === written || u.spellings.includes(written));
    if (exact)
        return exact;
    return def.units.find((u) => [u.symbol, ...u.spellings].some((s) => sameUnit(written, s, def.bitSensitive)));
}
/** "B, KB, MB, ..." for messages. */
function acceptedUnits(dim) {
    return units_DIMENSIONS[dim].units.map((u) => u.symbol).join(', ');
}
// A decimal number as YAML and JSON write one, then an optional unit.
const NUMBER = '[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?';
const QUANTITY_RE = new RegExp(`^\\s*(${NUMBER})\\s*(.*?)\\s*$`, 's');
/**
 * Parses "<number> <unit>" in dimension `dim` into base units. A count takes no
 * unit or a K/M/B/T suffix; every other dimension needs a unit.
 */
function parseQuantity(dim, text) {
    if (text.length > 200)
        return { ok: false, reason: 'not-a-number' };
    const m = QUANTITY_RE.exec(text);
    if (!m)
        return { ok: false, reason: 'not-a-number' };
    const amount = Number(m[1]);
    const unitText = m[2] ?? '';
    if (unitText === '') {
        if (dim === 'count')
            return { ok: true, value: amount, unit: undefined };
        return { ok: false, reason: 'missing-unit' };
    }
    const unit = findUnit(dim, unitText);
    if (!unit) {
        // "64 Gb" for memory: bits where only bytes make sense
        const asBytes = unitText.replace(/b/g, 'B');
        if (dim === 'bytes' && asBytes !== unitText && findUnit(dim, asBytes)) {
            return { ok: false, reason: 'bits-for-bytes', unit: unitText };
        }
        return { ok: false, reason: 'bad-unit', unit: unitText };
    }
    return { ok: true, value: scale(amount, unit.factor), unit };
}
/**
 * amount * factor, rounded to the nearest whole base unit when the exact result is
 * whole (1.8 * 1e12 gives 1800000000000.0002 in binary floating point).
 */
function scale(amount, factor) {
    const product = amount * factor;
    if (!Number.isFinite(product))
        return product;
    const rounded = Math.round(product);
    if (rounded !== product && Math.abs(rounded - product) <= Math.abs(product) * 1e-12)
        return rounded;
    return product;
}
/** Characters of a regular expression that match `spelling` as findUnit does (the JSON Schema has no 'i' flag). */
function unitPattern(dim, spelling) {
    const bitSensitive = units_DIMENSIONS[dim].bitSensitive;
    let out = '';
    for (const ch of spelling) {
        const lower = ch.toLowerCase();
        const upper = ch.toUpperCase();
        if ((bitSensitive && lower === 'b') || lower === upper)
            out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        else
            out += `[${upper}${lower}]`;
    }
    return out;
}
/** A JSON Schema pattern for "<number> <unit>" strings of `dim`. */
function units_quantityPattern(dim) {
    const spellings = units_DIMENSIONS[dim].units.flatMap((u) => [u.symbol, ...u.spellings]);
    const alternatives = spellings.map((s) => unitPattern(dim, s)).join('|');
    const unit = dim === 'count' ? `(?:${alternatives})?` : `(?:${alternatives})`;
    return `^\\s*${NUMBER}\\s*${unit}\\s*$`;
}

;// CONCATENATED MODULE: ./src/plan/schema.ts
// The field table of plan files (format v1): ONE source for validation (validate.ts)
// and for the JSON Schema (planJsonSchema below, committed as schema/plan.schema.json).
// Ranges are what a plan can mean, not what is typical: a value outside is a typo.


/** Key suffixes that put a unit in the key, by dimension: memory_gib: 64, ttft_ms: 200. */
const UNIT_KEY_SUFFIXES = {
    bytes: {
        bytes: 'B', kb: 'KB', mb: 'MB', gb: 'GB', tb: 'TB', kib: 'KiB', mib: 'MiB', gib: 'GiB', tib: 'TiB',
    },
    // Keys are lower case, so gbps here means gigaBYTES per second (memory_bandwidth_gbps: 3350);
    // for bits write a string ("400 Gb/s") or use _gbit_per_s.
    byteRate: {
        bytes_per_s: 'B/s', mbps: 'MB/s', gbps: 'GB/s', tbps: 'TB/s', gb_per_s: 'GB/s', tb_per_s: 'TB/s',
        gbit_per_s: 'Gb/s', tbit_per_s: 'Tb/s',
    },
    flops: { flops: 'FLOPS', gflops: 'GFLOPS', tflops: 'TFLOPS', pflops: 'PFLOPS' },
    time: { s: 's', ms: 'ms', us: 'us', min: 'min' },
    tokenRate: { tokens_per_s: 'tokens/s', tokens_per_ms: 'tokens/ms', tokens_per_min: 'tokens/min' },
    requestRate: { per_s: '/s', per_min: '/min' },
};
const section = (description, fields, aliases) => aliases ? { kind: 'section', description, fields, aliases } : { kind: 'section', description, fields };
const schema_int = (description, min, max, suffixes = false) => suffixes ? { kind: 'int', description, min, max, suffixes } : { kind: 'int', description, min, max };
const fraction = (description, opts = {}) => ({
    kind: 'real', description, min: 0, max: 1, ...opts,
});
const str = (description, maxLength) => ({ kind: 'string', description, maxLength });
const qty = (description, dimension, min, max, opts = {}) => ({
    kind: 'quantity', description, dimension, min, max, minExclusive: opts.minExclusive ?? true,
    variants: opts.numberUnit === undefined, ...(opts.numberUnit ? { numberUnit: opts.numberUnit } : {}),
});
const enumOf = (description, values) => ({ kind: 'enum', description, values });
const DTYPE_SPELLINGS = {
    ...Object.fromEntries(types_DTYPES.map((d) => [d, d])),
    float32: 'fp32', float: 'fp32', bfloat16: 'bf16', float16: 'fp16', half: 'fp16',
    e4m3: 'fp8', fp8_e4m3: 'fp8', e5m2: 'fp8', fp8_e5m2: 'fp8', float8_e4m3fn: 'fp8',
    mxfp4: 'fp4', nvfp4: 'fp4',
};
const dtype = (description) => enumOf(`${description} (${types_DTYPES.join(' | ')})`, DTYPE_SPELLINGS);
const PiB = 1024 ** 5;
const BIG_COUNT = 2 ** 20; // 1,048,576
const LAYERS_MAX = 100_000;
const WIDTH_MAX = 2 ** 24;
const TOKENS_MAX = 2 ** 32;
const DEGREE_MAX = 65536;
const PLAN_SCHEMA = section('A deployment plan, format version 1', {
    version: { kind: 'const', value: 1, description: 'Plan format version; must be 1' },
    name: str('Shown in the report; default: the file name without .plan.yaml', 200),
    description: str('Free text', 10_000),
    model: section('The model', {
        preset: str('A model preset id; explicit fields override it', 100),
        hf_config: str("A Hugging Face config.json, path relative to the plan", 1000),
        params: schema_int('Total parameters (e.g. 10B, 671B, 1e10); derived from the shape when omitted', 1, 1e15, true),
        layers: schema_int('Transformer layers', 1, LAYERS_MAX),
        hidden_size: schema_int('Model (residual stream) width', 1, WIDTH_MAX),
        heads: schema_int('Attention (query) heads', 1, DEGREE_MAX),
        kv_heads: schema_int('Key/value heads; = heads for MHA', 1, DEGREE_MAX),
        head_dim: schema_int('Per-head dimension; default hidden_size / heads', 1, DEGREE_MAX),
        ffn_hidden_size: schema_int('Dense MLP width', 1, WIDTH_MAX),
        vocab_size: schema_int('Vocabulary size', 1, 2 ** 27),
        tied_embeddings: { kind: 'boolean', description: 'Input embeddings and LM head share one matrix' },
        attention: enumOf('Attention kind (mha | gqa | mqa | mla)', { mha: 'mha', gqa: 'gqa', mqa: 'mqa', mla: 'mla' }),
        mlp: enumOf('MLP kind: gated (3 matrices, SwiGLU) or plain (2); default gated', { gated: 'gated', plain: 'plain' }),
        mla: section('Multi-head latent attention (attention: mla)', {
            kv_lora_rank: schema_int('Compressed KV rank (DeepSeek-V3: 512)', 1, DEGREE_MAX),
            qk_rope_head_dim: schema_int('Rotary part of each q/k head (DeepSeek-V3: 64)', 1, DEGREE_MAX),
            q_lora_rank: schema_int('Compressed query rank (DeepSeek-V3: 1536); absent = full-rank q', 1, DEGREE_MAX),
            qk_nope_head_dim: schema_int('Non-rotary part of each q/k head (DeepSeek-V3: 128)', 1, DEGREE_MAX),
            v_head_dim: schema_int('Per-head value dim (DeepSeek-V3: 128)', 1, DEGREE_MAX),
        }),
        moe: section('Mixture of experts; omit for a dense model', {
            experts: schema_int('Routed experts per MoE layer', 1, DEGREE_MAX),
            top_k: schema_int('Routed experts per token', 1, DEGREE_MAX),
            shared_experts: schema_int('Shared (always active) experts', 0, DEGREE_MAX),
            expert_ffn_hidden_size: schema_int('Width of one expert MLP', 1, WIDTH_MAX),
            shared_expert_ffn_hidden_size: schema_int('Width of one shared expert, when it differs', 1, WIDTH_MAX),
            dense_layers: schema_int('Leading layers that are dense, not MoE', 0, LAYERS_MAX),
            redundant_experts: schema_int('Extra replicas of busy experts (EPLB)', 0, DEGREE_MAX),
            interleaved: { kind: 'boolean', description: 'The dense layers alternate with MoE layers (Llama 4 Maverick) instead of leading' },
        }),
        sliding_window: schema_int('Sliding-window size in tokens, for the layers that use one', 1, TOKENS_MAX),
        sliding_window_layers: schema_int('How many layers use the sliding window', 0, LAYERS_MAX),
        sliding_window_kind: enumOf('How windowed layers attend: sliding (the last sliding_window tokens, default) or chunked (their aligned chunk: Llama 4)', { sliding: 'sliding', chunked: 'chunked' }),
        attention_output_gate: { kind: 'boolean', description: 'The q projection also yields a gate on the attention output (Qwen3-Next, Qwen3.5)' },
        linear_attention: section('Linear-attention layers of a hybrid model (Gated DeltaNet): a fixed-size state per sequence, no KV cache', {
            layers: schema_int('Layers that use linear attention; the rest use full attention', 0, LAYERS_MAX),
            key_heads: schema_int('Query/key heads (linear_num_key_heads)', 1, DEGREE_MAX),
            value_heads: schema_int('Value heads (linear_num_value_heads), each with a key_head_dim x value_head_dim state', 1, DEGREE_MAX),
            key_head_dim: schema_int('Key head dim (linear_key_head_dim)', 1, DEGREE_MAX),
            value_head_dim: schema_int('Value head dim (linear_value_head_dim)', 1, DEGREE_MAX),
            conv_kernel: schema_int('Causal convolution width (linear_conv_kernel_dim)', 1, DEGREE_MAX),
            state_dtype: dtype('Recurrent state dtype; default fp32'),
        }),
        sparse_attention: section('Sparse-attention indexer (DeepSeek Sparse Attention: DeepSeek-V3.2, GLM-5)', {
            index_heads: schema_int('Indexer heads (index_n_heads)', 1, DEGREE_MAX),
            index_head_dim: schema_int('Indexer head dim (index_head_dim)', 1, DEGREE_MAX),
            index_topk: schema_int('Tokens each query attends to (index_topk)', 1, TOKENS_MAX),
        }),
        mtp_layers: schema_int('Multi-token-prediction modules the checkpoint ships; loaded only with speculative method mtp', 0, 64),
        quant_group_size: schema_int('Weights sharing one scale in 4-bit formats; default 128 for int4, 32 for fp4 (NVFP4: 16)', 1, 65536),
        weight_dtype: dtype('Weight dtype'),
        kv_cache_dtype: dtype('KV cache dtype; default weight_dtype if 16-bit, else bf16'),
        weight_dtypes: section('Per-part weight dtypes for mixed-precision checkpoints; each defaults to weight_dtype', {
            attention: dtype('Attention weights'),
            mlp: dtype('Dense MLP weights'),
            experts: dtype('Expert weights'),
            embeddings: dtype('Embeddings and LM head'),
        }),
    }),
    hardware: section('The accelerators', {
        preset: str('A hardware preset id; explicit fields override it', 100),
        name: str('Display name', 200),
        gpus: schema_int('Total accelerators in the deployment', 1, BIG_COUNT),
        gpus_per_node: schema_int('Accelerators per node', 1, 4096),
        memory: qty('Memory per accelerator', 'bytes', 0, PiB),
        peak_tflops: qty('Dense 16-bit peak, TFLOPS when a plain number', 'flops', 0, 1e18, { numberUnit: 'TFLOPS' }),
        peak_tflops_fp8: qty('Dense fp8 peak, TFLOPS when a plain number', 'flops', 0, 1e18, { numberUnit: 'TFLOPS' }),
        peak_tflops_fp4: qty('Dense fp4 peak, TFLOPS when a plain number', 'flops', 0, 1e18, { numberUnit: 'TFLOPS' }),
        peak_tflops_int8: qty('Dense int8 peak (TOPS), TFLOPS when a plain number', 'flops', 0, 1e18, { numberUnit: 'TFLOPS' }),
        memory_bandwidth: qty('HBM bandwidth per accelerator', 'byteRate', 0, 1e15),
        intra_node_bandwidth: qty('Per accelerator, one direction, inside a node (NVLink etc.)', 'byteRate', 0, 1e15),
        inter_node_bandwidth: qty('Per accelerator, one direction, across nodes (IB/RoCE)', 'byteRate', 0, 1e15),
        intra_node_latency: qty('Latency of one collective step inside a node', 'time', 0, 1, { minExclusive: false }),
        inter_node_latency: qty('Latency of one collective step across nodes', 'time', 0, 1, { minExclusive: false }),
        kernel_latency: qty('Fixed time of one small GPU kernel (estimates only; bounds omit it)', 'time', 0, 1, { minExclusive: false }),
        launch_latency: qty('Host time to launch one kernel without CUDA graphs (eager passes; estimates only)', 'time', 0, 1, { minExclusive: false }),
        efficiency: section('Achievable fraction of each peak', {
            compute: fraction('Of peak compute, (0, 1]', { minExclusive: true }),
            memory: fraction('Of memory bandwidth, (0, 1]', { minExclusive: true }),
            network: fraction('Of network bandwidth, (0, 1]', { minExclusive: true }),
        }),
    }),
    parallelism: section('The parallel layout', {
        tp: schema_int('Tensor parallel', 1, DEGREE_MAX),
        pp: schema_int('Pipeline parallel (stages)', 1, DEGREE_MAX),
        dp: schema_int('Data parallel replicas', 1, DEGREE_MAX),
        ep: schema_int('Expert parallel', 1, DEGREE_MAX),
        etp: schema_int('Expert tensor parallel', 1, DEGREE_MAX),
        cp: schema_int('Context parallel', 1, DEGREE_MAX),
        microbatches: schema_int('Microbatches in flight per pipeline; default pp', 1, DEGREE_MAX),
        layers_per_stage: { kind: 'intList', description: 'Explicit layer split over pipeline stages', min: 1, max: LAYERS_MAX, maxItems: DEGREE_MAX },
    }),
    workload: section('What the deployment serves', {
        mode: enumOf('inference (v1)', { inference: 'inference' }),
        concurrency: schema_int('Closed loop: requests the client keeps in flight; with request_rate, the cap on requests in flight', 1, 2 ** 24),
        request_rate: qty('Open loop: requests per second arriving at the deployment (alias qps); a plain number is per second', 'requestRate', 0, 1e9, { numberUnit: '/s' }),
        arrival: enumOf('Arrival process of an open loop (poisson | constant | gamma); default poisson', { poisson: 'poisson', constant: 'constant', gamma: 'gamma' }),
        burstiness: { kind: 'real', description: 'Gamma shape of the arrival gaps (vLLM bench --burstiness): 1 = poisson, < 1 burstier, > 1 smoother', min: 0.01, max: 100 },
        input_tokens: schema_int('Typical prompt length (alias isl)', 1, TOKENS_MAX),
        output_tokens: schema_int('Typical generated length (alias osl)', 1, TOKENS_MAX),
        max_input_tokens: schema_int('Longest prompt memory is sized for; default input_tokens', 1, TOKENS_MAX),
        max_output_tokens: schema_int('Longest generation memory is sized for; default output_tokens', 1, TOKENS_MAX),
        memory_reserve: fraction('Fraction of each device kept free, [0, 1); 1 - memory_fraction in the engine\'s meaning', { maxExclusive: true }),
        memory_fraction: fraction("The engine's memory flag, (0, 1]: vLLM gpu_memory_utilization, SGLang mem_fraction_static, TensorRT-LLM free_gpu_memory_fraction (per deployment.engine)", { minExclusive: true }),
        max_running_sequences: schema_int("The engine's cap on sequences running at once, whole deployment (vLLM max_num_seqs x dp, SGLang max_running_requests, TRT-LLM max_batch_size)", 1, 2 ** 24),
        prefix_cache_hit_rate: fraction('Fraction of input tokens served from a prefix cache, [0, 1]'),
        speculative: section('Speculative decoding', {
            method: enumOf('mtp | draft | ngram | eagle', { mtp: 'mtp', draft: 'draft', ngram: 'ngram', eagle: 'eagle' }),
            tokens: schema_int('Proposed tokens per step', 1, 64),
            acceptance_length: { kind: 'real', description: 'Mean tokens accepted per verification step (at most tokens + 1)', min: 1, max: 65 },
        }),
        max_batched_tokens: schema_int('Tokens one prefill chunk may hold (vLLM max_num_batched_tokens); default: the engine\'s for the device', 1, TOKENS_MAX),
        scheduler_recv_interval: schema_int('The scheduler reads new requests every N steps (SGLang --scheduler-recv-interval); default 1', 1, 100_000),
        runtime_overhead: qty('Bytes per device for CUDA context, graphs and communication buffers', 'bytes', 0, PiB, { minExclusive: false }),
        cuda_graphs: { kind: 'boolean', description: 'Decode replays CUDA graphs (default true); false when the engine runs eagerly (--enforce-eager, --disable-cuda-graph)' },
        benchmark: section('The figures come from a finite closed-loop run: simulate it (docs/formulas.md, "Benchmark runs")', {
            requests: schema_int('Requests the run sends in all (num_prompts); concurrency of them in flight', 1, 1_000_000),
            input_range_ratio: fraction('Prompt lengths uniform in [ratio x longest, longest] around input_tokens; 1 = fixed (default)'),
            output_range_ratio: fraction('Output lengths likewise around output_tokens; 1 = fixed (default)'),
        }),
    }, { isl: 'input_tokens', osl: 'output_tokens', qps: 'request_rate' }),
    requirements: section('Targets, each checked against the estimate', {
        throughput: qty('Output tokens per second, whole deployment', 'tokenRate', 0, 1e12),
        ttft: qty('Time to first token', 'time', 0, 1e6),
        tpot: qty('Time per output token (alias itl)', 'time', 0, 1e6),
        ttft_p50: qty('Median time to first token under the plan\'s load', 'time', 0, 1e6),
        ttft_p90: qty('90th-percentile time to first token', 'time', 0, 1e6),
        ttft_p99: qty('99th-percentile time to first token', 'time', 0, 1e6),
        tpot_p50: qty('Median time per output token over requests', 'time', 0, 1e6),
        tpot_p90: qty('90th-percentile time per output token', 'time', 0, 1e6),
        tpot_p99: qty('99th-percentile time per output token', 'time', 0, 1e6),
        e2e_p99: qty('99th-percentile end-to-end request latency', 'time', 0, 1e7),
        request_rate: qty('Requests per second the deployment must serve with every latency requirement met (goodput)', 'requestRate', 0, 1e9, { numberUnit: '/s' }),
        max_memory_utilization: fraction('Fraction of device memory, (0, 1]', { minExclusive: true }),
    }, { itl: 'tpot', itl_p50: 'tpot_p50', itl_p90: 'tpot_p90', itl_p99: 'tpot_p99', qps: 'request_rate' }),
    claims: section("What the plan's author states; each is checked", {
        memory_per_gpu: qty('Peak memory of the most loaded device', 'bytes', 0, PiB),
        weights_per_gpu: qty('Weights on the most loaded device', 'bytes', 0, PiB),
        kv_cache_per_gpu: qty('KV cache on the most loaded device', 'bytes', 0, PiB, { minExclusive: false }),
        throughput: qty('Output tokens per second, whole deployment', 'tokenRate', 0, 1e12),
        ttft: qty('Time to first token', 'time', 0, 1e6),
        tpot: qty('Time per output token (alias itl)', 'time', 0, 1e6),
        compute_utilization: fraction('Fraction of peak compute, [0, 1]'),
        memory_utilization: fraction('Fraction of device memory, [0, 1]'),
        kv_cache_capacity_tokens: schema_int('Tokens of KV cache one replica holds', 0, 2 ** 40),
    }, { itl: 'tpot' }),
    deployment: section('Import facts from files where the deployment already lives (docs/importers.md); explicit plan fields override them', {
        from: {
            kind: 'string',
            description: 'A file, or a list of files, relative to the plan: a rendered Kubernetes manifest, an engine command line or --config YAML, an aiconfigurator experiment or a Dynamo SLA; later files win',
            maxLength: 1000,
            list: { maxItems: 16 },
        },
        engine: enumOf('Serving engine (vllm | sglang | trtllm): its memory accounting and defaults, and how imported flags read; valid without from', {
            vllm: 'vllm', sglang: 'sglang', trtllm: 'trtllm', 'tensorrt-llm': 'trtllm',
        }),
        container: str('Container, workload, Dynamo service or aiconfigurator worker to read when the file has several', 253),
    }),
});
const sectionKeysCache = new WeakMap();
/** Every key a section accepts: canonical names, aliases and their B_<unit> variants (built once per section). */
function sectionKeys(sec) {
    let cached = sectionKeysCache.get(sec);
    if (!cached)
        sectionKeysCache.set(sec, (cached = buildSectionKeys(sec)));
    return cached;
}
function buildSectionKeys(sec) {
    const keys = new Map();
    const names = Object.keys(sec.fields).map((k) => [k, k]);
    for (const [alias, canonical] of Object.entries(sec.aliases ?? {}))
        names.push([alias, canonical]);
    for (const [written, canonical] of names) {
        const field = sec.fields[canonical];
        if (!field)
            continue;
        keys.set(written, { canonical, field });
        if (field.kind === 'quantity' && field.variants) {
            for (const [suffix, unit] of Object.entries(UNIT_KEY_SUFFIXES[field.dimension])) {
                keys.set(`${written}_${suffix}`, { canonical, field, keyUnit: unit, keyBase: written });
            }
        }
    }
    return keys;
}
function numberRange(min, max, minExclusive, maxExclusive) {
    return {
        ...(minExclusive ? { exclusiveMinimum: min } : { minimum: min }),
        ...(maxExclusive ? { exclusiveMaximum: max } : { maximum: max }),
    };
}
function unitFactor(dim, symbol) {
    const unit = DIMENSIONS[dim].units.find((u) => u.symbol === symbol);
    if (!unit)
        throw new Error(`schema table: unknown unit ${symbol}`);
    return unit.factor;
}
function fieldSchema(field, keyUnit) {
    const description = { description: field.description };
    switch (field.kind) {
        case 'section':
            // an empty section ("claims:" with its keys commented out) is null in YAML
            return { ...sectionSchema(field), type: ['object', 'null'] };
        case 'const':
            return { ...description, const: field.value };
        case 'string': {
            if (!field.list)
                return { ...description, type: 'string', maxLength: field.maxLength };
            const one = { type: 'string', minLength: 1, maxLength: field.maxLength };
            return { ...description, oneOf: [one, { type: 'array', minItems: 1, maxItems: field.list.maxItems, items: one }] };
        }
        case 'boolean':
            return { ...description, type: 'boolean' };
        case 'enum':
            return { ...description, type: 'string', enum: Object.keys(field.values) };
        case 'int': {
            const num = { type: 'integer', ...numberRange(field.min, field.max) };
            if (!field.suffixes)
                return { ...description, ...num };
            return { ...description, oneOf: [num, { type: 'string', pattern: quantityPattern('count') }] };
        }
        case 'real':
            return { ...description, type: 'number', ...numberRange(field.min, field.max, field.minExclusive, field.maxExclusive) };
        case 'intList':
            return {
                ...description, type: 'array', maxItems: field.maxItems, minItems: 1,
                items: { type: 'integer', ...numberRange(field.min, field.max) },
            };
        case 'quantity': {
            const asString = { type: 'string', pattern: quantityPattern(field.dimension) };
            const unit = keyUnit ?? field.numberUnit;
            if (keyUnit) {
                const factor = unitFactor(field.dimension, keyUnit);
                return {
                    description: `${field.description}, in ${keyUnit}`,
                    type: 'number',
                    ...numberRange(field.min / factor, field.max / factor, field.minExclusive),
                };
            }
            if (unit) {
                const factor = unitFactor(field.dimension, unit);
                const num = { type: 'number', ...numberRange(field.min / factor, field.max / factor, field.minExclusive) };
                return { ...description, oneOf: [num, asString] };
            }
            return { description: `${field.description}; a string with a unit`, ...asString };
        }
    }
}
function sectionSchema(sec) {
    const properties = {};
    for (const [key, meaning] of sectionKeys(sec)) {
        const schema = fieldSchema(meaning.field, meaning.keyUnit);
        if (key !== meaning.canonical && !meaning.keyUnit)
            schema.description = `Alias of ${meaning.canonical}`;
        if (key !== meaning.canonical && meaning.keyUnit && meaning.field.kind === 'quantity') {
            schema.description = `${meaning.canonical} in ${meaning.keyUnit}`;
        }
        properties[key] = schema;
    }
    return { type: 'object', description: sec.description, properties, additionalProperties: false };
}
/** The JSON Schema (draft 2020-12) of plan files, generated from PLAN_SCHEMA. */
function planJsonSchema() {
    const root = sectionSchema(PLAN_SCHEMA);
    return {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        title: 'parallel-plan-check plan file, format version 1',
        ...root,
        required: ['version'],
        $comment: 'Generated from src/plan/schema.ts; update with UPDATE_SCHEMA=1 npx vitest run __tests__/schema.test.ts. ' +
            'A key and its unit variant (memory and memory_gib), or a key and its alias (isl and input_tokens), may not both be given.',
    };
}

;// CONCATENATED MODULE: ./src/plan/depth.ts
// A cheap upper bound on a YAML/JSON text's nesting depth, checked BEFORE parsing:
// the YAML parser recurses per level, and some deep inputs ("- - - - ..." 200k times)
// crash the whole process with a fatal out-of-memory error that no try/catch can stop.
// The bound may overcount (brackets inside plain scalars count); it must not undercount
// flow brackets, block indentation or compact "- - x" sequences.
/** Where the estimate first passed `limit`, or undefined when it never did. */
function deeperThan(text, limit) {
    const indents = [];
    let flow = 0;
    let line = 1;
    let i = 0;
    const n = text.length;
    while (i < n) {
        // start of a line: block indentation and compact sequence / key indicators
        let col = 0;
        while (i < n && (text[i] === ' ' || text[i] === '\t')) {
            i++;
            col++;
        }
        const blank = i >= n || text[i] === '\n' || text[i] === '\r' || text[i] === '#';
        let compact = 0;
        if (!blank && flow === 0) {
            while (indents.length > 0 && indents[indents.length - 1] > col)
                indents.pop();
            if (indents.length === 0 || indents[indents.length - 1] < col)
                indents.push(col);
            // "- - - x", "? - x", "- key: value": each indicator opens a level
            while (i < n && (text[i] === '-' || text[i] === '?') && (i + 1 >= n || text[i + 1] === ' ' || text[i + 1] === '\n')) {
                compact++;
                i++;
                while (i < n && text[i] === ' ')
                    i++;
                if (indents.length + compact + flow > limit)
                    return { line };
            }
        }
        // the rest of the line: flow brackets outside quotes and comments
        let previous = ' ';
        while (i < n && text[i] !== '\n') {
            const ch = text[i];
            const tokenStart = previous === ' ' || previous === '\t' || previous === '[' || previous === '{' || previous === ',' || previous === ':';
            if (ch === '#' && (previous === ' ' || previous === '\t')) {
                while (i < n && text[i] !== '\n')
                    i++;
                break;
            }
            if ((ch === '"' || ch === "'") && tokenStart) {
                // skip the quoted scalar, which may span lines
                i++;
                while (i < n && text[i] !== ch) {
                    if (ch === '"' && text[i] === '\\')
                        i++;
                    if (text[i] === '\n')
                        line++;
                    i++;
                }
                previous = ch;
                i++;
                continue;
            }
            if (ch === '[' || ch === '{') {
                flow++;
                if (indents.length + compact + flow > limit)
                    return { line };
            }
            else if ((ch === ']' || ch === '}') && flow > 0)
                flow--;
            previous = ch;
            i++;
        }
        if (indents.length + compact + flow > limit)
            return { line };
        if (i < n) {
            i++; // the newline
            line++;
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/plan/source.ts
// YAML / JSON text -> a small tree in which every node knows its 1-based line.
// JSON is YAML 1.2, so one parser (the `yaml` package) reads both and gives exact ranges.
// Hostile input is bounded here: size, NUL bytes, nesting depth, alias expansion.


/** Plans larger than this are refused before parsing (1 MiB). */
const MAX_PLAN_BYTES = 1024 * 1024;
/** Deepest nesting accepted; a plan needs 3. */
const source_MAX_DEPTH = 32;
/** Alias (*name) uses accepted in one file; guards against "billion laughs". */
const source_MAX_ALIASES = 100;
/** Nodes built in one file, aliases expanded; guards against expansion blow-up. */
const source_MAX_NODES = 100_000;
class Abort extends Error {
    planError;
    constructor(planError) {
        super(planError.message);
        this.planError = planError;
    }
}
/** A short, printable rendering of user text for messages. */
function quote(text, max = 60) {
    // eslint-disable-next-line no-control-regex
    const clean = text.replace(/[\u0000-\u001f\u007f]/g, '?');
    return clean.length > max ? `${clean.slice(0, max)}...` : clean;
}
/** UTF-8 length of a string (no Buffer: the core runs without Node APIs). */
function byteLength(text) {
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code < 0x80)
            bytes += 1;
        else if (code < 0x800)
            bytes += 2;
        else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
            bytes += 4; // a surrogate pair: one 4-byte character
            i++;
        }
        else
            bytes += 3;
    }
    return bytes;
}
function parseSource(text) {
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
    const deep = deeperThan(text, 2 * source_MAX_DEPTH);
    if (deep) {
        return { ok: false, errors: [{ message: `values are nested deeper than ${source_MAX_DEPTH} levels; a plan needs 3`, line: deep.line }] };
    }
    const lineCounter = new dist/* LineCounter */.HN();
    let doc;
    try {
        // uniqueKeys: false because the parser's own check is quadratic (52 s for 40k keys);
        // TreeBuilder reports duplicates instead, with a Set.
        doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
    }
    catch (err) {
        // e.g. the parser's own stack overflowing on pathological nesting
        return { ok: false, errors: [{ message: `the file could not be parsed as YAML or JSON (${quote(String(err))})` }] };
    }
    const lineOf = (offset) => lineCounter.linePos(offset ?? 0).line;
    if (doc.errors.length > 0) {
        return { ok: false, errors: doc.errors.map((e) => ({ message: syntaxMessage(e.message), line: lineOf(e.pos[0]) })) };
    }
    if (doc.contents === null)
        return { ok: true, root: null, errors: [] };
    try {
        const builder = new TreeBuilder(doc, lineOf);
        const root = builder.build(doc.contents);
        return { ok: true, root, errors: builder.duplicates };
    }
    catch (err) {
        if (err instanceof Abort)
            return { ok: false, errors: [err.planError] };
        throw err;
    }
}
function syntaxMessage(message) {
    const firstLine = message.split('\n')[0] ?? message;
    return `YAML/JSON syntax error: ${quote(firstLine, 200)}`;
}
class TreeBuilder {
    doc;
    lineOf;
    aliases = 0;
    nodes = 0;
    /** duplicate keys: reported, the first value kept, reading goes on */
    duplicates = [];
    constructor(doc, lineOf) {
        this.doc = doc;
        this.lineOf = lineOf;
    }
    build(node, depth = 1, path = '') {
        if (++this.nodes > source_MAX_NODES) {
            throw new Abort({ message: `the file has more than ${source_MAX_NODES} values (aliases expanded); a plan needs a few dozen` });
        }
        const line = this.lineOf(node?.range?.[0]);
        if (depth > source_MAX_DEPTH) {
            throw new Abort({ message: `values are nested deeper than ${source_MAX_DEPTH} levels; a plan needs 3`, line });
        }
        if (node === null || node === undefined)
            return { type: 'scalar', line, value: null, quoted: false };
        if ((0,dist/* isAlias */.Vj)(node)) {
            if (++this.aliases > source_MAX_ALIASES) {
                throw new Abort({ message: `the file uses more than ${source_MAX_ALIASES} aliases (*name); refused as a possible alias bomb`, line });
            }
            const target = node.resolve(this.doc);
            if (!target)
                throw new Abort({ message: `alias *${quote(node.source)} refers to no anchor`, line });
            return this.build(target, depth + 1, path);
        }
        if ((0,dist/* isScalar */.jn)(node)) {
            const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
            return { type: 'scalar', line, value: node.value, quoted };
        }
        if ((0,dist/* isSeq */.oP)(node)) {
            return { type: 'seq', line, items: node.items.map((item, i) => this.build(item, depth + 1, `${path}[${i}]`)) };
        }
        if ((0,dist/* isMap */.jh)(node)) {
            const entries = [];
            const seen = new Set();
            for (const pair of node.items) {
                const keyNode = pair.key;
                const keyLine = this.lineOf(keyNode?.range?.[0] ?? node.range?.[0]);
                if (!(0,dist/* isScalar */.jn)(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
                    throw new Abort({ message: 'a key must be a plain name, not a list, map or empty key', line: keyLine });
                }
                const key = String(keyNode.value);
                const keyPath = path ? `${path}.${quote(key)}` : quote(key);
                if (seen.has(key)) {
                    const message = `${keyPath}: duplicate key '${quote(key)}': each key may appear once in a map`;
                    this.duplicates.push({ message, path: keyPath, line: keyLine });
                    continue;
                }
                seen.add(key);
                entries.push({ key, keyLine, value: this.build(pair.value, depth + 1, keyPath) });
            }
            return { type: 'map', line, entries };
        }
        throw new Abort({ message: 'an unsupported YAML node', line });
    }
}

;// CONCATENATED MODULE: ./src/plan/resolve.ts



/** Keys a preset or config may not set: they name the references themselves. */
const REFERENCE_KEYS = new Set(['preset', 'hf_config']);
function resolve_own(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}
/** Merges layers over the table's fields only; later layers win, field by field. */
function mergeSection(sec, layers, prefix, origins) {
    const out = {};
    for (const [key, field] of Object.entries(sec.fields)) {
        const path = `${prefix}.${key}`;
        if (field.kind === 'section') {
            const inner = layers.map((layer) => {
                const sub = resolve_own(layer.values, key);
                const values = sub !== null && typeof sub === 'object' && !Array.isArray(sub) ? sub : {};
                return { values, origin: layer.origin };
            });
            const merged = mergeSection(field, inner, path, origins);
            if (Object.keys(merged).length > 0)
                out[key] = merged;
            continue;
        }
        for (let i = layers.length - 1; i >= 0; i--) {
            const layer = layers[i];
            const origin = layer.origin(path);
            if (origin !== undefined && REFERENCE_KEYS.has(key))
                continue;
            const value = resolve_own(layer.values, key);
            if (value === undefined || value === null)
                continue;
            out[key] = Array.isArray(value) ? [...value] : value;
            if (origin !== undefined)
                origins[path] = origin;
            break;
        }
    }
    return out;
}
function resolve_sectionOf(name) {
    const sec = PLAN_SCHEMA.fields[name];
    if (!sec || sec.kind !== 'section')
        throw new Error(`schema table has no section ${name}`);
    return sec;
}
function errorAt(path, lines, message) {
    const line = lines[path];
    return line === undefined ? { message: `${path}: ${message}`, path } : { message: `${path}: ${message}`, path, line };
}
function unknownPreset(kind, id, known, aliases = []) {
    const also = kind === 'model' ? ' (or a Hugging Face repository id such as moonshotai/Kimi-K2.5)' : '';
    return `unknown ${kind} preset '${quote(id)}'${didYouMeanSuffix(id, [...known, ...aliases])}; known presets: ${known.join(', ')}${also}`;
}
function resolveReferences(file, values, lines, readReference, catalog) {
    const errors = [];
    const warnings = [];
    const origins = {};
    const model = (resolve_own(values, 'model') ?? {});
    const hardware = (resolve_own(values, 'hardware') ?? {});
    const modelLayers = [];
    const modelPresetId = resolve_own(model, 'preset');
    if (typeof modelPresetId === 'string') {
        const preset = catalog.modelPreset(modelPresetId);
        if (preset)
            modelLayers.push({ values: preset.spec, origin: () => `preset:${modelPresetId}` });
        else
            errors.push(errorAt('model.preset', lines, unknownPreset('model', modelPresetId, catalog.modelPresetIds(), catalog.modelPresetAliases?.())));
    }
    const hfRef = resolve_own(model, 'hf_config');
    if (typeof hfRef === 'string') {
        const read = readReference(file, hfRef);
        if ('error' in read) {
            errors.push(errorAt('model.hf_config', lines, `cannot read '${quote(hfRef, 200)}': ${read.error}`));
        }
        else {
            const parsed = catalog.parseHfConfig(read.text);
            if ('error' in parsed) {
                errors.push(errorAt('model.hf_config', lines, `'${quote(hfRef, 200)}' is not a usable Hugging Face config: ${parsed.error}`));
            }
            else {
                const hfLines = parsed.lines;
                const lineOf = (path) => hfLines[path] ?? hfLines[path.replace(/^model\./, '')];
                modelLayers.push({
                    values: parsed.spec,
                    origin: (path) => {
                        const line = lineOf(path);
                        return line === undefined ? hfRef : `${hfRef}:${line}`;
                    },
                });
                for (const w of parsed.warnings)
                    warnings.push(errorAt('model.hf_config', lines, `${quote(hfRef, 200)}: ${w}`));
            }
        }
    }
    modelLayers.push({ values: model, origin: () => undefined });
    const hardwareLayers = [];
    const hardwarePresetId = resolve_own(hardware, 'preset');
    if (typeof hardwarePresetId === 'string') {
        const preset = catalog.hardwarePreset(hardwarePresetId);
        if (preset) {
            hardwareLayers.push({ values: preset.spec, origin: () => `preset:${hardwarePresetId}` });
            if (preset.aliasNote !== undefined)
                warnings.push(errorAt('hardware.preset', lines, preset.aliasNote));
        }
        else {
            errors.push(errorAt('hardware.preset', lines, unknownPreset('hardware', hardwarePresetId, catalog.hardwarePresetIds(), catalog.hardwarePresetAliases?.())));
        }
    }
    hardwareLayers.push({ values: hardware, origin: () => undefined });
    return {
        model: mergeSection(resolve_sectionOf('model'), modelLayers, 'model', origins),
        hardware: mergeSection(resolve_sectionOf('hardware'), hardwareLayers, 'hardware', origins),
        origins,
        errors,
        warnings,
    };
}

;// CONCATENATED MODULE: ./src/plan/validate.ts




/** How a value is described in messages: got 2.5, got "abc", got a list. */
function describeValue(node) {
    if (node.type === 'map')
        return 'a map';
    if (node.type === 'seq')
        return 'a list';
    const v = node.value;
    if (v === null || v === undefined)
        return 'nothing (an empty value)';
    if (typeof v === 'string')
        return `the string "${quote(v)}"`;
    if (typeof v === 'number')
        return Object.is(v, -0) ? '-0' : String(v);
    if (typeof v === 'boolean')
        return String(v);
    return `a value of type ${typeof v === 'object' ? (v.constructor?.name ?? 'object') : typeof v}`; // !!binary, 1.1 timestamps
}
function formatNumber(n) {
    if (Number.isInteger(n) && Math.abs(n) < 1e16)
        return String(n);
    return String(Number(n.toPrecision(6)));
}
/** "from 1 to 65536", "greater than 0 and at most 1", "from 0 to less than 1". */
function rangeText(min, max, minExclusive = false, maxExclusive = false, unit = '') {
    const u = unit ? ` ${unit}` : '';
    const lo = formatNumber(min);
    const hi = formatNumber(max);
    if (minExclusive && maxExclusive)
        return `greater than ${lo}${u} and less than ${hi}${u}`;
    if (minExclusive)
        return `greater than ${lo}${u} and at most ${hi}${u}`;
    if (maxExclusive)
        return `from ${lo}${u} to less than ${hi}${u}`;
    return `from ${lo}${u} to ${hi}${u}`;
}
function inRange(v, min, max, minExclusive = false, maxExclusive = false) {
    return (minExclusive ? v > min : v >= min) && (maxExclusive ? v < max : v <= max);
}
/** Every section path of the table with the keys it accepts ('' is the top level). */
function sectionIndex() {
    const index = new Map();
    const walk = (sec, prefix) => {
        index.set(prefix, sectionKeys(sec));
        for (const [key, field] of Object.entries(sec.fields)) {
            if (field.kind === 'section')
                walk(field, prefix ? `${prefix}.${key}` : key);
        }
    };
    walk(PLAN_SCHEMA, '');
    return index;
}
const validate_SECTIONS = sectionIndex();
/** " (did you mean 'x'?)", or " (it belongs in hardware: hardware.gpus)" for a key put in the wrong section. */
function suggestion(key, siblings, prefix) {
    const near = didYouMeanSuffix(key, siblings.keys());
    if (near)
        return near;
    const homes = [...validate_SECTIONS].filter(([path, keys]) => path !== prefix && keys.has(key)).map(([path]) => path);
    if (homes.length === 0)
        return '';
    return ` (it belongs in ${homes.map((h) => (h ? `${h}: ${h}.${key}` : `the top level: ${key}`)).join(' or ')})`;
}
class Validator {
    errors = [];
    lines = {};
    error(path, line, message) {
        this.errors.push(line === undefined ? { message: `${path}: ${message}`, path } : { message: `${path}: ${message}`, path, line });
    }
    section(sec, node, prefix) {
        const out = {};
        if (node.type === 'scalar' && (node.value === null || node.value === undefined))
            return out; // "claims:" left empty
        if (node.type !== 'map') {
            const where = prefix === '' ? 'the file' : prefix;
            this.errors.push({
                message: `${where}: must be a map of keys (${Object.keys(sec.fields).slice(0, 4).join(', ')}, ...), got ${describeValue(node)}`,
                ...(prefix ? { path: prefix } : {}),
                line: node.line,
            });
            return out;
        }
        const keys = sectionKeys(sec);
        /** canonical name -> the entry that set it */
        const setBy = new Map();
        for (const entry of node.entries) {
            const meaning = keys.get(entry.key);
            const writtenPath = prefix ? `${prefix}.${entry.key}` : entry.key;
            if (!meaning) {
                this.error(prefix ? `${prefix}.${quote(entry.key)}` : quote(entry.key), entry.keyLine, 
                // past the errors a report shows, skip the suggestion search (thousands of junk keys)
                `unknown key '${quote(entry.key)}'${this.errors.length < 200 ? suggestion(entry.key, keys, prefix) : ''}`);
                continue;
            }
            const path = prefix ? `${prefix}.${meaning.canonical}` : meaning.canonical;
            const earlier = setBy.get(meaning.canonical);
            if (earlier) {
                this.errors.push({
                    message: `${quote(writtenPath)}: '${earlier.key}' (line ${earlier.keyLine}) already sets ${path}; give only one of them`,
                    path,
                    line: entry.keyLine,
                });
                continue;
            }
            setBy.set(meaning.canonical, entry);
            this.lines[path] = entry.keyLine;
            const value = this.field(meaning.field, entry, path, meaning.keyUnit, meaning.keyBase);
            if (value !== undefined)
                out[meaning.canonical] = value;
        }
        return out;
    }
    field(field, entry, path, keyUnit, keyBase) {
        const node = entry.value;
        const label = entry.key === path.split('.').pop() ? path : `${path} (written ${entry.key})`;
        const fail = (message, line = node.line) => {
            this.errors.push({ message: `${label}: ${message}`, path, line });
            return undefined;
        };
        const scalar = node.type === 'scalar' ? node.value : undefined;
        switch (field.kind) {
            case 'section':
                return this.section(field, node, path);
            case 'const':
                return scalar === field.value ? field.value : fail(`must be ${field.value}, got ${describeValue(node)}`);
            case 'string':
                if (field.list)
                    return this.stringList(field, node, fail);
                if (typeof scalar !== 'string')
                    return fail(`must be a string, got ${describeValue(node)}`);
                if (scalar.length > field.maxLength) {
                    return fail(`must be at most ${field.maxLength} characters long, got ${scalar.length}`);
                }
                return scalar;
            case 'boolean':
                return typeof scalar === 'boolean' ? scalar : fail(`must be true or false, got ${describeValue(node)}`);
            case 'enum': {
                const allowed = [...new Set(Object.values(field.values))].join(', ');
                if (typeof scalar !== 'string')
                    return fail(`must be one of ${allowed}, got ${describeValue(node)}`);
                const key = scalar.trim().toLowerCase();
                const value = Object.prototype.hasOwnProperty.call(field.values, key) ? field.values[key] : undefined;
                if (value === undefined) {
                    return fail(`must be one of ${allowed}, got ${describeValue(node)}${didYouMeanSuffix(key, Object.keys(field.values))}`);
                }
                return value;
            }
            case 'int':
                return this.int(field, node, fail);
            case 'real':
                return this.real(field, node, fail);
            case 'intList':
                return this.intList(field, node, label, fail);
            case 'quantity':
                return this.quantity(field, node, entry.key, fail, keyUnit, keyBase);
        }
    }
    /** One string or a list of them (deployment.from); always a list once loaded. */
    stringList(field, node, fail) {
        const maxItems = field.list?.maxItems ?? 1;
        const items = node.type === 'seq' ? node.items : [node];
        if (items.length === 0 || items.length > maxItems)
            return fail(`must list 1 to ${maxItems} strings, got ${items.length}`);
        const out = [];
        for (const item of items) {
            const v = item.type === 'scalar' ? item.value : undefined;
            if (typeof v !== 'string' || v === '' || v.length > field.maxLength) {
                return fail(`must be a non-empty string of at most ${field.maxLength} characters, or a list of them; got ${describeValue(item)}`, item.line);
            }
            out.push(v);
        }
        return out;
    }
    int(field, node, fail) {
        const expected = `a whole number ${rangeText(field.min, field.max)}`;
        let value = node.type === 'scalar' ? node.value : undefined;
        if (typeof value === 'string' && field.suffixes) {
            const parsed = parseQuantity('count', value);
            if (!parsed.ok) {
                return fail(`must be ${expected}, as a number or with a suffix (${acceptedUnits('count')}: 10B, 671B, 1e10), got ${describeValue(node)}`);
            }
            value = parsed.value;
        }
        if (typeof value !== 'number')
            return fail(`must be ${expected}, got ${describeValue(node)}`);
        const n = field.min === 0 && Object.is(value, -0) ? 0 : value;
        if (!Number.isSafeInteger(n) || Object.is(n, -0) || !inRange(n, field.min, field.max)) {
            return fail(`must be ${expected}, got ${describeValue(node)}`);
        }
        return n;
    }
    real(field, node, fail) {
        const value = node.type === 'scalar' ? node.value : undefined;
        const expected = `a number ${rangeText(field.min, field.max, field.minExclusive, field.maxExclusive)}`;
        if (typeof value !== 'number' || !Number.isFinite(value) || !inRange(value, field.min, field.max, field.minExclusive, field.maxExclusive)) {
            return fail(`must be ${expected}, got ${describeValue(node)}`);
        }
        return Object.is(value, -0) ? 0 : value;
    }
    intList(field, node, label, fail) {
        if (node.type !== 'seq')
            return fail(`must be a list of whole numbers, got ${describeValue(node)}`);
        if (node.items.length === 0)
            return fail('must list at least one number');
        if (node.items.length > field.maxItems)
            return fail(`must list at most ${field.maxItems} numbers, got ${node.items.length}`);
        const out = [];
        let ok = true;
        node.items.forEach((item, i) => {
            const v = item.type === 'scalar' ? item.value : undefined;
            if (typeof v !== 'number' || !Number.isSafeInteger(v) || Object.is(v, -0) || !inRange(v, field.min, field.max)) {
                if (ok) {
                    this.errors.push({
                        message: `${label}[${i}]: must be a whole number ${rangeText(field.min, field.max)}, got ${describeValue(item)}`,
                        path: label.split(' ')[0] ?? label,
                        line: item.line,
                    });
                }
                ok = false;
            }
            else
                out.push(v);
        });
        return ok ? out : undefined;
    }
    quantity(field, node, key, fail, keyUnit, keyBase) {
        const dim = field.dimension;
        const units = acceptedUnits(dim);
        const value = node.type === 'scalar' ? node.value : undefined;
        let base;
        if (keyUnit !== undefined) {
            if (typeof value !== 'number' || !Number.isFinite(value)) {
                const hint = typeof value === 'string' ? `; for a string with a unit write ${keyBase ?? key}: "${quote(value)}"` : '';
                return fail(`takes a plain number in ${keyUnit}, got ${describeValue(node)}${hint}`);
            }
            base = scale(value, (findUnit(dim, keyUnit) ?? { factor: NaN }).factor);
        }
        else if (typeof value === 'number') {
            if (field.numberUnit === undefined) {
                const example = EXAMPLE_UNIT[dim];
                return fail(`a plain number needs a unit: write e.g. "${formatNumber(value)} ${example.unit}" or ` +
                    `${key}_${example.suffix}: ${formatNumber(value)}; accepted units: ${units}`);
            }
            if (!Number.isFinite(value))
                return fail(`must be a finite number, got ${describeValue(node)}`);
            base = scale(value, (findUnit(dim, field.numberUnit) ?? { factor: NaN }).factor);
        }
        else if (typeof value === 'string') {
            const parsed = parseQuantity(dim, value);
            if (!parsed.ok) {
                if (parsed.reason === 'missing-unit')
                    return fail(`${describeValue(node)} has no unit; accepted units: ${units}`);
                if (parsed.reason === 'bits-for-bytes') {
                    return fail(`'${quote(parsed.unit ?? '')}' is bits (lower-case b); sizes are in bytes (upper-case B): ${units}`);
                }
                if (parsed.reason === 'bad-unit')
                    return fail(`unknown unit '${quote(parsed.unit ?? '')}'; accepted units: ${units}`);
                return fail(`must be a number with a unit (${units}), got ${describeValue(node)}`);
            }
            base = parsed.value;
        }
        else {
            return fail(`must be a number with a unit (${units}), got ${describeValue(node)}`);
        }
        const baseUnit = units_DIMENSIONS[dim].base;
        if (!Number.isFinite(base) || !inRange(base, field.min, field.max, field.minExclusive)) {
            return fail(`must be ${rangeText(field.min, field.max, field.minExclusive, false, baseUnit)}, got ${describeValue(node)}`);
        }
        return Object.is(base, -0) ? 0 : base;
    }
}
/** The unit suggested when a plain number lacks one, as a string unit and as a key suffix. */
const EXAMPLE_UNIT = {
    bytes: { unit: 'GiB', suffix: 'gib' },
    byteRate: { unit: 'GB/s', suffix: 'gbps' },
    flops: { unit: 'TFLOPS', suffix: 'tflops' },
    time: { unit: 'ms', suffix: 'ms' },
    tokenRate: { unit: 'tokens/s', suffix: 'tokens_per_s' },
    requestRate: { unit: '/s', suffix: 'per_s' },
};
function get(values, path) {
    let cur = values;
    for (const part of path.split('.')) {
        if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, part))
            return undefined;
        cur = cur[part];
    }
    return cur;
}
/** Rules between fields that make a plan meaningless when broken (layout rules are the core's checks). */
function consistency(values, lines, errors) {
    const atLeast = (maxPath, minPath) => {
        const max = get(values, maxPath);
        const min = get(values, minPath);
        if (typeof max === 'number' && typeof min === 'number' && max < min) {
            const line = lines[maxPath];
            errors.push({
                message: `${maxPath}: must be at least ${minPath} (${min}), got ${max}`,
                path: maxPath,
                ...(line !== undefined ? { line } : {}),
            });
        }
    };
    atLeast('workload.max_input_tokens', 'workload.input_tokens');
    atLeast('workload.max_output_tokens', 'workload.output_tokens');
    const tokens = get(values, 'workload.speculative.tokens');
    const acceptance = get(values, 'workload.speculative.acceptance_length');
    if (typeof tokens === 'number' && typeof acceptance === 'number' && acceptance > tokens + 1) {
        const path = 'workload.speculative.acceptance_length';
        const line = lines[path];
        errors.push({
            message: `${path}: at most tokens + 1 = ${tokens + 1} tokens can be accepted per step (the proposals and one verified token), got ${acceptance}`,
            path,
            ...(line !== undefined ? { line } : {}),
        });
    }
}
/** Validates the whole tree (null: an empty file). */
function validatePlan(root) {
    const v = new Validator();
    if (root === null) {
        return { values: {}, lines: {}, errors: [{ message: 'the file is empty; a plan starts with version: 1' }] };
    }
    const values = v.section(PLAN_SCHEMA, root, '');
    if (root.type === 'map' && !root.entries.some((e) => e.key === 'version')) {
        v.errors.push({ message: 'version: missing; a plan must start with version: 1', path: 'version', line: root.line });
    }
    consistency(values, v.lines, v.errors);
    return { values, lines: v.lines, errors: v.errors };
}

;// CONCATENATED MODULE: ./src/plan/load.ts






/** The file's base name without its plan extension: plans/seed.plan.yaml -> seed. */
function defaultPlanName(file) {
    const base = file.split(/[\\/]/).pop() ?? file;
    const stripped = base.replace(/(\.plan)?\.(ya?ml|json)$/i, '');
    return stripped === '' ? base : stripped;
}
function load_section(values, key) {
    const v = Object.prototype.hasOwnProperty.call(values, key) ? values[key] : undefined;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {};
}
function withFile(file, errors) {
    return errors.length > 0 ? errors : [{ message: `${file}: could not be loaded as a plan` }];
}
/** Errors reported per file before the rest are summarised. */
const MAX_ERRORS = 100;
/** Errors in file order (stable; errors without a line first), at most MAX_ERRORS and a summary. */
function byLine(errors) {
    const sorted = errors
        .map((error, index) => ({ error, index }))
        .sort((a, b) => (a.error.line ?? 0) - (b.error.line ?? 0) || a.index - b.index)
        .map((e) => e.error);
    if (sorted.length <= MAX_ERRORS)
        return sorted;
    return [...sorted.slice(0, MAX_ERRORS), { message: `... and ${sorted.length - MAX_ERRORS} more errors` }];
}
function load_loadPlan(file, text, readReference, catalog = defaultCatalog) {
    try {
        if (typeof text !== 'string')
            return { ok: false, errors: [{ message: `${file}: the plan is not text` }] };
        const source = parseSource(text);
        if (!source.ok)
            return { ok: false, errors: withFile(file, source.errors) };
        const validated = validatePlan(source.root);
        // deployment.from: imported fields fill what the plan does not say (src/import, docs/importers.md)
        const imported = validated.errors.length === 0
            ? resolveDeployment(file, validated.values, validated.lines, readReference)
            : { values: validated.values, origins: {}, errors: [], warnings: [] };
        const resolved = resolveReferences(file, imported.values, validated.lines, readReference, catalog);
        const errors = [...source.errors, ...validated.errors, ...imported.errors, ...resolved.errors];
        if (errors.length > 0)
            return { ok: false, errors: byLine(errors) };
        const values = imported.values;
        const warnings = [...imported.warnings, ...resolved.warnings];
        const name = typeof values.name === 'string' && values.name.trim() !== '' ? values.name : defaultPlanName(file);
        const plan = {
            version: 1,
            name,
            ...(typeof values.description === 'string' ? { description: values.description } : {}),
            model: resolved.model,
            hardware: resolved.hardware,
            parallelism: load_section(values, 'parallelism'),
            workload: load_section(values, 'workload'),
            requirements: load_section(values, 'requirements'),
            claims: load_section(values, 'claims'),
            ...(Object.keys(load_section(values, 'deployment')).length > 0 ? { deployment: load_section(values, 'deployment') } : {}),
        };
        return {
            ok: true,
            loaded: {
                file,
                plan,
                lines: validated.lines,
                origins: { ...imported.origins, ...resolved.origins },
                ...(warnings.length > 0 ? { warnings } : {}),
            },
        };
    }
    catch (err) {
        const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        return { ok: false, errors: [{ message: `${file}: internal error while loading the plan (${what.slice(0, 300)})` }] };
    }
}

;// CONCATENATED MODULE: ./src/core/balance.ts
// Load balance of expert parallelism: with tokens routed at random, some EP rank gets more
// token-expert pairs than the mean, and the slowest rank paces the MoE layer.
/**
 * Expected max/mean load over `ranks` EP ranks when `pairs` token-expert picks land uniformly:
 * each rank's load is Binomial(pairs, 1/ranks), and the expected maximum of n such loads is about
 * mean + σ·√(2 ln n) (the Gaussian extreme-value approximation). Uniform routing is the best case;
 * real routers are skewed, which redundant experts (EPLB) counter.
 */
function expectedExpertImbalance(pairs, ranks) {
    if (ranks <= 1 || pairs <= 0)
        return 1;
    const mean = pairs / ranks;
    const sigma = Math.sqrt(pairs * (1 / ranks) * (1 - 1 / ranks));
    return (mean + sigma * Math.sqrt(2 * Math.log(ranks))) / mean;
}

;// CONCATENATED MODULE: ./src/core/ranges-table.ts
const RESIDUALS = {
    ttft: {
        all: {
            n: 1288,
            q: [
                -0.5614,
                -0.4091,
                -0.2529,
                -0.144,
                -0.0764,
                -0.0155,
                0.0473,
                0.1381,
                0.3038,
                0.7626,
                1.223
            ]
        },
        sglang: {
            n: 379,
            q: [
                -0.4756,
                -0.3388,
                -0.2217,
                -0.128,
                -0.0792,
                -0.0353,
                0.026,
                0.1051,
                0.3126,
                0.8835,
                1.5701
            ]
        },
        "sglang|blackwell": {
            n: 151,
            q: [
                -0.521,
                -0.3741,
                -0.2479,
                -0.0987,
                -0.0107,
                0.026,
                0.0949,
                0.1885,
                0.3706,
                1.0914,
                2.173
            ]
        },
        "sglang|blackwell-ultra": {
            n: 60,
            q: [
                -0.5078,
                -0.4291,
                -0.277,
                -0.2286,
                -0.0965,
                -0.0225,
                0.0483,
                0.1409,
                0.6079,
                1.0966,
                1.5112
            ]
        },
        "sglang|blackwell-ultra|5-32": {
            n: 31,
            q: [
                -0.4895,
                -0.4692,
                -0.2764,
                -0.231,
                -0.1575,
                -0.0568,
                0.029,
                0.1098,
                0.3962,
                0.9388,
                1.5957
            ]
        },
        "sglang|blackwell|33-128": {
            n: 37,
            q: [
                -0.5244,
                -0.3181,
                -0.1146,
                -0.0274,
                -0.002,
                0.0315,
                0.0893,
                0.2158,
                1.0202,
                1.9045,
                2.4184
            ]
        },
        "sglang|blackwell|5-32": {
            n: 85,
            q: [
                -0.5214,
                -0.2976,
                -0.2167,
                -0.0948,
                -0.0219,
                0.0341,
                0.0949,
                0.1693,
                0.3062,
                0.9042,
                1.6825
            ]
        },
        "sglang|hopper": {
            n: 168,
            q: [
                -0.3335,
                -0.2599,
                -0.1592,
                -0.1277,
                -0.0955,
                -0.0674,
                -0.0359,
                0.0007,
                0.1044,
                0.7733,
                0.9312
            ]
        },
        "sglang|hopper|33-128": {
            n: 53,
            q: [
                -0.3624,
                -0.2367,
                -0.1605,
                -0.1324,
                -0.1203,
                -0.0771,
                -0.0279,
                -0.0059,
                0.0298,
                0.3381,
                0.8579
            ]
        },
        "sglang|hopper|5-32": {
            n: 81,
            q: [
                -0.3097,
                -0.2599,
                -0.1804,
                -0.1284,
                -0.1177,
                -0.0849,
                -0.0674,
                0.0004,
                0.2249,
                0.8268,
                1.0917
            ]
        },
        trtllm: {
            n: 375,
            q: [
                -0.477,
                -0.3537,
                -0.2088,
                -0.1141,
                -0.0155,
                0.0902,
                0.2386,
                0.4689,
                0.7502,
                1.1087,
                1.4516
            ]
        },
        "trtllm|blackwell": {
            n: 165,
            q: [
                -0.4682,
                -0.3628,
                -0.2907,
                -0.2106,
                -0.1332,
                -0.0501,
                0.0525,
                0.2123,
                0.5351,
                0.8541,
                0.9744
            ]
        },
        "trtllm|blackwell|33-128": {
            n: 51,
            q: [
                -0.4009,
                -0.3065,
                -0.2698,
                -0.179,
                -0.1025,
                0.0072,
                0.138,
                0.3803,
                0.6046,
                0.8245,
                0.8937
            ]
        },
        "trtllm|blackwell|5-32": {
            n: 80,
            q: [
                -0.526,
                -0.3873,
                -0.3036,
                -0.23,
                -0.1348,
                -0.1117,
                -0.0324,
                0.1737,
                0.3529,
                0.7605,
                0.9288
            ]
        },
        "trtllm|hopper": {
            n: 210,
            q: [
                -0.4714,
                -0.2622,
                -0.0971,
                -0.0021,
                0.0929,
                0.2302,
                0.3695,
                0.6227,
                0.9648,
                1.3587,
                1.6422
            ]
        },
        "trtllm|hopper|33-128": {
            n: 72,
            q: [
                -1.7699,
                -0.3799,
                -0.1345,
                0.0187,
                0.1782,
                0.3841,
                0.6679,
                0.9748,
                1.2953,
                1.6776,
                1.9486
            ]
        },
        "trtllm|hopper|5-32": {
            n: 119,
            q: [
                -0.3826,
                -0.1917,
                -0.1034,
                -0.0414,
                0.0382,
                0.1359,
                0.2433,
                0.3642,
                0.6023,
                0.8781,
                1.216
            ]
        },
        vllm: {
            n: 534,
            q: [
                -0.7614,
                -0.4782,
                -0.3107,
                -0.1821,
                -0.1002,
                -0.0365,
                0.009,
                0.0646,
                0.1519,
                0.2688,
                0.3377
            ]
        },
        "vllm|blackwell": {
            n: 289,
            q: [
                -0.7435,
                -0.4844,
                -0.3302,
                -0.2136,
                -0.1169,
                -0.053,
                -0.0075,
                0.0525,
                0.1406,
                0.2526,
                0.3401
            ]
        },
        "vllm|blackwell-ultra": {
            n: 42,
            q: [
                -0.5615,
                -0.5061,
                -0.1769,
                -0.1035,
                -0.0385,
                0.0376,
                0.0613,
                0.0898,
                0.1617,
                0.2269,
                0.6346
            ]
        },
        "vllm|blackwell|1-4": {
            n: 46,
            q: [
                -0.7599,
                -0.7063,
                -0.4469,
                -0.3122,
                -0.2073,
                -0.1262,
                -0.0884,
                -0.0609,
                0.0404,
                0.0788,
                0.1988
            ]
        },
        "vllm|blackwell|33-128": {
            n: 71,
            q: [
                -0.4341,
                -0.3744,
                -0.2685,
                -0.1174,
                -0.0794,
                -0.0238,
                0.0215,
                0.0526,
                0.1668,
                0.3343,
                0.3643
            ]
        },
        "vllm|blackwell|5-32": {
            n: 149,
            q: [
                -0.7749,
                -0.5875,
                -0.3115,
                -0.1858,
                -0.1152,
                -0.0282,
                0.0046,
                0.0646,
                0.1648,
                0.2465,
                0.3237
            ]
        },
        "vllm|hopper": {
            n: 203,
            q: [
                -0.9228,
                -0.4665,
                -0.265,
                -0.1784,
                -0.1002,
                -0.0301,
                0.0118,
                0.077,
                0.1498,
                0.2816,
                0.3312
            ]
        },
        "vllm|hopper|1-4": {
            n: 34,
            q: [
                -0.4819,
                -0.4467,
                -0.2645,
                -0.1736,
                -0.1558,
                -0.076,
                0.0299,
                0.051,
                0.0757,
                0.1599,
                0.1788
            ]
        },
        "vllm|hopper|33-128": {
            n: 49,
            q: [
                -0.8274,
                -0.5014,
                -0.2785,
                -0.1433,
                -0.0653,
                -0.0076,
                0.0621,
                0.1008,
                0.2793,
                0.3777,
                0.5093
            ]
        },
        "vllm|hopper|5-32": {
            n: 117,
            q: [
                -0.9559,
                -0.4533,
                -0.2664,
                -0.1878,
                -0.1073,
                -0.0388,
                -0.0146,
                0.071,
                0.1354,
                0.1808,
                0.2876
            ]
        }
    },
    tpot: {
        all: {
            n: 1288,
            q: [
                -0.3468,
                -0.2673,
                -0.1778,
                -0.1223,
                -0.0793,
                -0.0356,
                0.0139,
                0.0617,
                0.1322,
                0.2225,
                0.2972
            ]
        },
        sglang: {
            n: 379,
            q: [
                -0.318,
                -0.2656,
                -0.2127,
                -0.1426,
                -0.1061,
                -0.0558,
                -0.0093,
                0.034,
                0.0952,
                0.2274,
                0.4461
            ]
        },
        "sglang|blackwell": {
            n: 151,
            q: [
                -0.2974,
                -0.2423,
                -0.1488,
                -0.1267,
                -0.1119,
                -0.0757,
                -0.0404,
                -0.0158,
                0.0395,
                0.182,
                0.3527
            ]
        },
        "sglang|blackwell-ultra": {
            n: 60,
            q: [
                -0.3275,
                -0.2785,
                -0.2453,
                -0.2089,
                -0.1652,
                -0.0468,
                0.0003,
                0.0275,
                0.1794,
                0.3431,
                0.4682
            ]
        },
        "sglang|blackwell-ultra|5-32": {
            n: 31,
            q: [
                -0.2862,
                -0.2785,
                -0.2404,
                -0.2067,
                -0.1904,
                -0.1621,
                -0.02,
                0.0246,
                0.1751,
                0.3412,
                0.8102
            ]
        },
        "sglang|blackwell|33-128": {
            n: 37,
            q: [
                -0.1553,
                -0.1325,
                -0.1119,
                -0.0772,
                -0.0506,
                -0.0044,
                0.011,
                0.0466,
                0.0973,
                0.29,
                0.4714
            ]
        },
        "sglang|blackwell|5-32": {
            n: 85,
            q: [
                -0.2603,
                -0.1996,
                -0.1553,
                -0.1357,
                -0.1043,
                -0.0757,
                -0.0423,
                -0.032,
                0.0238,
                0.1675,
                0.3134
            ]
        },
        "sglang|hopper": {
            n: 168,
            q: [
                -0.318,
                -0.2672,
                -0.2248,
                -0.1829,
                -0.0903,
                -0.0096,
                0.0263,
                0.0468,
                0.1006,
                0.2137,
                0.4745
            ]
        },
        "sglang|hopper|33-128": {
            n: 53,
            q: [
                -0.2853,
                -0.2322,
                -0.1242,
                0.0124,
                0.0258,
                0.0352,
                0.0457,
                0.0622,
                0.0889,
                0.1521,
                0.1754
            ]
        },
        "sglang|hopper|5-32": {
            n: 81,
            q: [
                -0.318,
                -0.2712,
                -0.2655,
                -0.2268,
                -0.1783,
                -0.0975,
                -0.0457,
                0.0126,
                0.0403,
                0.1502,
                0.2245
            ]
        },
        trtllm: {
            n: 375,
            q: [
                -0.4038,
                -0.3467,
                -0.2017,
                -0.1318,
                -0.0777,
                -0.0234,
                0.0338,
                0.1272,
                0.1808,
                0.2582,
                0.342
            ]
        },
        "trtllm|blackwell": {
            n: 165,
            q: [
                -0.4528,
                -0.3769,
                -0.2277,
                -0.1018,
                -0.0488,
                -0.0124,
                0.0807,
                0.1578,
                0.2043,
                0.2508,
                0.2798
            ]
        },
        "trtllm|blackwell|33-128": {
            n: 51,
            q: [
                -0.2673,
                -0.2256,
                -0.1401,
                -0.0848,
                -0.0484,
                0.0586,
                0.1111,
                0.144,
                0.2056,
                0.2794,
                0.3223
            ]
        },
        "trtllm|blackwell|5-32": {
            n: 80,
            q: [
                -0.4268,
                -0.4007,
                -0.3326,
                -0.149,
                -0.0852,
                -0.0287,
                0.0182,
                0.1407,
                0.1891,
                0.2262,
                0.2443
            ]
        },
        "trtllm|hopper": {
            n: 210,
            q: [
                -0.367,
                -0.3155,
                -0.2009,
                -0.1615,
                -0.0873,
                -0.0396,
                0.0095,
                0.0678,
                0.1671,
                0.2647,
                0.4257
            ]
        },
        "trtllm|hopper|33-128": {
            n: 72,
            q: [
                -0.3488,
                -0.2036,
                -0.1646,
                -0.0765,
                -0.0061,
                0.0288,
                0.1299,
                0.1789,
                0.2559,
                0.4385,
                0.5413
            ]
        },
        "trtllm|hopper|5-32": {
            n: 119,
            q: [
                -0.3277,
                -0.2857,
                -0.195,
                -0.158,
                -0.0942,
                -0.0577,
                -0.0138,
                0.033,
                0.0777,
                0.1714,
                0.2115
            ]
        },
        vllm: {
            n: 534,
            q: [
                -0.3026,
                -0.2074,
                -0.1382,
                -0.0981,
                -0.0685,
                -0.0261,
                0.0157,
                0.0623,
                0.1102,
                0.1996,
                0.2432
            ]
        },
        "vllm|blackwell": {
            n: 289,
            q: [
                -0.2711,
                -0.1891,
                -0.1199,
                -0.0892,
                -0.0649,
                -0.0081,
                0.0529,
                0.0885,
                0.1358,
                0.2047,
                0.2497
            ]
        },
        "vllm|blackwell-ultra": {
            n: 42,
            q: [
                -0.3373,
                -0.3084,
                -0.2358,
                -0.1416,
                -0.0308,
                -0.0161,
                -0.0064,
                0.0332,
                0.072,
                0.1048,
                0.4476
            ]
        },
        "vllm|blackwell|1-4": {
            n: 46,
            q: [
                -0.2909,
                -0.2215,
                -0.0762,
                -0.0373,
                0.0299,
                0.0541,
                0.0624,
                0.0774,
                0.0974,
                0.1428,
                0.1952
            ]
        },
        "vllm|blackwell|33-128": {
            n: 71,
            q: [
                -0.2317,
                -0.1843,
                -0.1427,
                -0.1199,
                -0.0905,
                -0.0509,
                0.0139,
                0.0476,
                0.1796,
                0.2677,
                0.2872
            ]
        },
        "vllm|blackwell|5-32": {
            n: 149,
            q: [
                -0.2765,
                -0.222,
                -0.1121,
                -0.0926,
                -0.0763,
                -0.0263,
                0.0157,
                0.1047,
                0.137,
                0.1834,
                0.2307
            ]
        },
        "vllm|hopper": {
            n: 203,
            q: [
                -0.3634,
                -0.1879,
                -0.1434,
                -0.1274,
                -0.0797,
                -0.0409,
                -0.0081,
                0.0366,
                0.0732,
                0.1643,
                0.2223
            ]
        },
        "vllm|hopper|1-4": {
            n: 34,
            q: [
                -0.1757,
                -0.1687,
                -0.1603,
                -0.1463,
                -0.132,
                -0.0666,
                -0.041,
                -0.0212,
                0.0797,
                0.3103,
                0.319
            ]
        },
        "vllm|hopper|33-128": {
            n: 49,
            q: [
                -0.7776,
                -0.2245,
                -0.1139,
                -0.0718,
                -0.0442,
                -0.021,
                0.0157,
                0.0454,
                0.0841,
                0.1666,
                0.2205
            ]
        },
        "vllm|hopper|5-32": {
            n: 117,
            q: [
                -0.2092,
                -0.1816,
                -0.1381,
                -0.1234,
                -0.0827,
                -0.0409,
                -0.001,
                0.0366,
                0.0643,
                0.16,
                0.2015
            ]
        }
    },
    widen: {
        ttft: 1.39,
        tpot: 1.66
    }
};

;// CONCATENATED MODULE: ./src/core/ranges.ts
// How sure: a range around every estimated time and rate, from how far this estimator has been
// from measured serving runs of the same engine, GPU family and load (docs/formulas.md, "How sure").
// The range is not the bound: the bound is physics, the range is the estimator's track record.

/** Quantiles the residual table holds, of ln(measured / estimate). */
const RANGE_QUANTILES = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];
/** Share of validated deployments whose measurement falls inside their own range. */
const RANGE_COVERAGE = 0.8;
/** Fewest runs a bucket of the table needs before it is used rather than a coarser one. */
const MIN_BUCKET = 30;
/** Concurrency bands the track record is kept by. */
function concurrencyBand(c) {
    if (c <= 4)
        return '1-4';
    if (c <= 32)
        return '5-32';
    if (c <= 128)
        return '33-128';
    return '>128';
}
/** Buckets from the finest to the coarsest, for one engine, GPU family and band. */
function bucketKeys(engine, family, band) {
    return [`${engine}|${family}|${band}`, `${engine}|${family}`, engine, 'all'];
}
/** Spread added when the plan leaves the validated region (engines x GPU families of the sample). */
const OUTSIDE_WIDEN = 1.5;
/** Spread added when the plan does not name its engine (vLLM's behaviour is assumed). */
const DEFAULTED_ENGINE_WIDEN = 1.25;
function residualsFor(metric, ctx, table = RESIDUALS) {
    const keys = bucketKeys(ctx.engine, ctx.family, ctx.band);
    const why = [];
    // Validated layouts differ from the ones the quantiles came from: widened as much as it takes to
    // cover 80% of layouts held aside (validation/build-ranges.mjs).
    let widen = table.widen?.[metric] ?? 1;
    const bucket = keys.find((k) => table[metric][k] !== undefined) ?? 'all';
    if (bucket !== keys[0] && bucket !== keys[1]) {
        widen *= OUTSIDE_WIDEN;
        why.push(`${ctx.engine} on ${ctx.family} GPUs is outside the validated runs: the range is ${OUTSIDE_WIDEN}x wider than ${bucket === 'all' ? 'all runs' : `${bucket}'s`}`);
    }
    if (ctx.engineDefaulted) {
        widen *= DEFAULTED_ENGINE_WIDEN;
        why.push(`deployment.engine is not given (vLLM assumed): ${DEFAULTED_ENGINE_WIDEN}x wider`);
    }
    const q = table[metric][bucket]?.q ?? RANGE_QUANTILES.map(() => 0);
    return { q, bucket, widen, why };
}
/** ln(measured / estimate) at quantile p, the spread about the median widened. */
function residualAt(r, p) {
    const qs = RANGE_QUANTILES;
    let v;
    if (p <= qs[0])
        v = r.q[0];
    else if (p >= qs[qs.length - 1])
        v = r.q[r.q.length - 1];
    else {
        let i = 0;
        while (qs[i + 1] < p)
            i++;
        const t = (p - qs[i]) / (qs[i + 1] - qs[i]);
        v = r.q[i] + t * (r.q[i + 1] - r.q[i]);
    }
    const median = r.q[qs.indexOf(0.5)];
    return median + (v - median) * r.widen;
}
/** Share of validated runs whose ln(measured / estimate) is at most x (the residual's distribution function). */
function residualCdf(r, x) {
    const qs = RANGE_QUANTILES;
    const vals = qs.map((p) => residualAt(r, p));
    if (x <= vals[0])
        return qs[0] * Math.max(0, 1 - (vals[0] - x) / Math.max(1e-9, vals[1] - vals[0]));
    if (x >= vals[vals.length - 1])
        return 1 - (1 - qs[qs.length - 1]) * Math.max(0, 1 - (x - vals[vals.length - 1]) / Math.max(1e-9, vals[vals.length - 1] - vals[vals.length - 2]));
    let i = 0;
    while (vals[i + 1] < x)
        i++;
    const t = (x - vals[i]) / Math.max(1e-12, vals[i + 1] - vals[i]);
    return qs[i] + t * (qs[i + 1] - qs[i]);
}
/**
 * The range of an estimate at RANGE_COVERAGE: the central quantiles of the measured/estimate
 * ratio. A rate errs the other way from the time it derives from (throughput ~ 1 / TPOT). The range
 * never crosses the physical bound: a time's low end stays at or above its floor, a rate's high end
 * at or below its ceiling.
 */
function rangeOf(estimate, r, kind, bound) {
    const tail = (1 - RANGE_COVERAGE) / 2;
    const lo = residualAt(r, tail);
    const hi = residualAt(r, 1 - tail);
    let low = kind === 'time' ? estimate * Math.exp(lo) : estimate * Math.exp(-hi);
    let high = kind === 'time' ? estimate * Math.exp(hi) : estimate * Math.exp(-lo);
    if (bound !== null) {
        if (kind === 'time')
            low = Math.max(low, bound);
        else
            high = Math.min(high, bound);
        if (low > high)
            [low, high] = kind === 'time' ? [low, low] : [high, high];
    }
    return [low, high];
}
/**
 * Share of validated deployments with this estimate that would miss `required`: for a time,
 * measured > required; for a rate, measured < required.
 */
function missProbability(estimate, required, r, kind) {
    if (estimate <= 0 || required <= 0)
        return 1;
    const x = Math.log(required / estimate);
    // time: miss when ln(m/e) > x; rate: m/e ~ e/m of the time it mirrors, miss when ln(m/e) < x.
    return kind === 'time' ? 1 - residualCdf(r, x) : residualCdf(r, -x);
}
/** "about 1 in 4" for a probability, in words a reviewer reads at a glance. */
function oneIn(p) {
    if (p >= 0.95)
        return 'nearly all';
    if (p <= 0.02)
        return 'under 1 in 50';
    const n = Math.max(2, Math.round(1 / p));
    return `about 1 in ${n}`;
}

;// CONCATENATED MODULE: ./src/core/compare.ts
// Turns (figure, estimate, physical bound) into a check status, the same way for
// every requirement and claim (contract: beyond the bound is physically impossible,
// between estimate and bound is optimistic, no estimate is unverified).

const because = (f) => (f.why ? `; ${f.why}` : '');
const missingText = (missing) => missing.length > 0 ? `cannot estimate without ${missing.join(', ')}` : 'cannot estimate from what the plan gives';
/**
 * A requirement on a rate (throughput: at least R) or a time (TTFT: at most T).
 * Fails when even the physical bound misses it; else judged on the estimate.
 */
function judgeRequirement(required, dir, f) {
    const better = (a, b) => (dir === 'higher-is-better' ? a >= b : a <= b);
    if (f.bound !== null && !better(f.bound, required)) {
        const word = dir === 'higher-is-better' ? 'upper bound' : 'lower bound';
        return { status: 'fail', limit: f.bound, detail: `physically impossible: the ${word} is ${f.show(f.bound)} (every efficiency at 1), required ${f.show(required)}${because(f)}` };
    }
    if (f.estimate === null) {
        const b = f.bound !== null ? `; the bound ${f.show(f.bound)} does not rule it out` : '';
        return { status: 'unverified', limit: f.bound, detail: `${missingText(f.missing)}${b}` };
    }
    if (f.risk)
        return judgeWithRange(required, dir, f, f.estimate, f.risk);
    if (better(f.estimate, required)) {
        return { status: 'pass', limit: f.estimate, detail: `estimate ${f.show(f.estimate)} meets ${f.show(required)}` };
    }
    return { status: 'fail', limit: f.estimate, detail: `estimate ${f.show(f.estimate)} misses ${f.show(required)} (bound ${f.bound !== null ? f.show(f.bound) : 'unknown'})` };
}
/**
 * A requirement against an estimate and its range: met even at the range's bad end passes; met by the
 * estimate but not at the bad end is at risk (warn, with the share of validated deployments this
 * close that missed); missed by the estimate but not at the good end warns; missed at the good end
 * fails. (Beyond the physical bound was already a fail.)
 */
function judgeWithRange(required, dir, f, estimate, risk) {
    const [low, high] = rangeOf(estimate, risk.residuals, risk.kind, f.bound);
    const lowerIsBetter = dir === 'lower-is-better';
    const bad = lowerIsBetter ? high : low;
    const good = lowerIsBetter ? low : high;
    const meets = (v) => (lowerIsBetter ? v <= required : v >= required);
    const p = missProbability(estimate, required, risk.residuals, risk.kind);
    const shown = `${f.show(estimate)} (${f.show(low)}-${f.show(high)})`;
    if (meets(bad))
        return { status: 'pass', limit: estimate, detail: `estimate ${shown} meets ${f.show(required)} even at the range's ${lowerIsBetter ? 'high' : 'low'} end` };
    if (meets(estimate)) {
        return { status: 'warn', limit: estimate, detail: `at risk: estimate ${shown} meets ${f.show(required)}, its range does not; ${oneIn(p)} validated deployments this close missed` };
    }
    if (meets(good)) {
        return { status: 'warn', limit: estimate, detail: `likely missed: estimate ${shown} misses ${f.show(required)}, which only the range's ${lowerIsBetter ? 'low' : 'high'} end meets; ${oneIn(p)} validated deployments this close missed` };
    }
    return { status: 'fail', limit: estimate, detail: `estimate ${shown} misses ${f.show(required)} across its whole range (bound ${f.bound !== null ? f.show(f.bound) : 'unknown'})` };
}
/**
 * A claim about a rate or a time. Beyond the bound: impossible (fail). Between the estimate and
 * the bound: optimistic (warn). On the estimate's safe side: pass.
 */
function judgeClaim(claimed, dir, f) {
    const beyond = (a, b) => (dir === 'higher-is-better' ? a > b : a < b);
    if (f.bound !== null && beyond(claimed, f.bound)) {
        const word = dir === 'higher-is-better' ? 'upper bound' : 'lower bound';
        return {
            status: 'fail',
            limit: f.bound,
            detail: `physically impossible: claimed ${f.show(claimed)}, ${word} ${f.show(f.bound)} (every efficiency at 1)${because(f)}`,
        };
    }
    if (f.estimate === null) {
        const b = f.bound !== null ? `; within the bound ${f.show(f.bound)}` : '';
        return { status: 'unverified', limit: f.bound, detail: `${missingText(f.missing)}${b}` };
    }
    if (beyond(claimed, f.estimate)) {
        return { status: 'warn', limit: f.estimate, detail: `optimistic: claimed ${f.show(claimed)}, estimate ${f.show(f.estimate)}` };
    }
    return { status: 'pass', limit: f.estimate, detail: `claimed ${f.show(claimed)}, estimate ${f.show(f.estimate)}` };
}
/**
 * A claim about memory: below the floor (the bytes the shard must occupy) is impossible; below
 * the estimate optimistic; far above it (over 1.5x) a sign the author sized something else.
 */
function judgeMemoryClaim(claimed, f) {
    if (f.bound !== null && claimed < f.bound) {
        return { status: 'fail', limit: f.bound, detail: `physically impossible: claimed ${f.show(claimed)}, but the shard alone takes ${f.show(f.bound)}` };
    }
    if (f.estimate === null) {
        const b = f.bound !== null ? `; floor ${f.show(f.bound)}` : '';
        return { status: 'unverified', limit: f.bound, detail: `${missingText(f.missing)}${b}` };
    }
    if (claimed < f.estimate) {
        return { status: 'warn', limit: f.estimate, detail: `optimistic: claimed ${f.show(claimed)}, estimate ${f.show(f.estimate)}` };
    }
    if (claimed > 1.5 * f.estimate) {
        return { status: 'warn', limit: f.estimate, detail: `claimed ${f.show(claimed)} is far above the estimate ${f.show(f.estimate)}: does it size the same thing?` };
    }
    return { status: 'pass', limit: f.estimate, detail: `claimed ${f.show(claimed)}, estimate ${f.show(f.estimate)}` };
}

;// CONCATENATED MODULE: ./src/core/defaults.ts
const GIB = 1024 ** 3;
/**
 * Achievable fractions of each peak, used for estimates (bounds use 1).
 * Kernel ceilings measured on this project's machines (shared/engineering-notes.md): a large bf16
 * GEMM reaches ~0.81 of the H100's dense peak, a device copy ~0.9 of its HBM bandwidth. Whole-model
 * serving lands lower (attention, small decode GEMMs, MoE routing, scheduling). The defaults are
 * fitted on the calibration half of validation/ (npm run validate -- --calibrate): compute 0.5 and
 * memory 0.7 fit best; the network fit (0.1) stands in for costs the model lacks and breaks
 * multi-node expert parallelism, so 0.5 is kept (validation/README.md, "Calibration").
 */
const DEFAULT_EFFICIENCY = { compute: 0.5, memory: 0.7, network: 0.5 };
/** Per-collective start-up latency (NCCL-class small-message all-reduce: a few µs on NVLink, ~20 µs over IB). */
const DEFAULT_INTRA_NODE_LATENCY_S = 8e-6;
const DEFAULT_INTER_NODE_LATENCY_S = 20e-6;
/**
 * Fixed time of one GPU kernel that moves little data (launch gap under CUDA graphs, ramp-up,
 * tail): a few microseconds on current GPUs. Decode at small batch runs dozens of such kernels
 * per layer, so this term, not bandwidth, sets its floor in practice. Estimates only; bounds omit it.
 */
const DEFAULT_KERNEL_LATENCY_S = 4e-6;
/**
 * Host time per modelled kernel of a pass launched without CUDA graphs (PyTorch eager: Python,
 * dispatcher, driver). An eager pass is host-bound when its kernels are small: it takes
 * max(GPU time, kernels x this). Engines launch prefill passes eagerly (SGLang's extend,
 * TensorRT-LLM's context phase); decode replays CUDA graphs unless they are turned off.
 * Anchors: the device check measured 17-24 µs per *launched* kernel for PyTorch eager on an H200
 * (validation/device/README.md), and engines launch several kernels per modelled one plus Python
 * per layer; 70 µs is the value the calibration split of validation/ fits (validation/README.md).
 */
const DEFAULT_LAUNCH_LATENCY_S = 70e-6;
/** Kernels per layer: attention block (norm, qkv, rope + cache write, attention, output projection). */
const KERNELS_ATTENTION = 5;
/** MLA adds the low-rank down/up projections and their norms. */
const KERNELS_MLA_EXTRA = 4;
/** Dense MLP block: norm, gate-up, activation, down. */
const KERNELS_DENSE_MLP = 4;
/**
 * MoE block: norm, router GEMM, top-k/softmax, block alignment, permute, activation quantisation,
 * grouped GEMM (gate-up), activation, quantisation, grouped GEMM (down), un-permute, weighted sum,
 * plus the dispatch bookkeeping of fused-MoE paths (vLLM fused_moe, SGLang): about 16 launches.
 */
const KERNELS_MOE = 16;
/** A shared expert runs as a small dense MLP beside the routed ones. */
const KERNELS_SHARED_EXPERT = 3;
/**
 * Chunked-prefill budget when the plan names no engine: tokens in one forward pass (vLLM's API-server
 * max_num_batched_tokens on a >= 70 GiB GPU). With deployment.engine, that engine's default for the
 * device applies (engine-memory.ts).
 */
const DEFAULT_MAX_BATCHED_TOKENS = 8192;
const DEFAULT_WEIGHT_DTYPE = 'bf16';
/** Activations and collective messages travel in 16-bit. */
const ACTIVATION_BYTES = 2;
/**
 * Bytes per vocabulary entry of one sampled sequence: the LM head's 16-bit logits, the sampler's fp32
 * copy and its fp32 probabilities (vLLM v1 Sampler: logits.to(torch.float32), then softmax). 1,024
 * sequences of gpt-oss's 201,088-word vocabulary in fp32 are the 786 MiB vLLM's sampler warm-up asks
 * for on an H100 (vLLM issue 27508).
 */
const LOGIT_BYTES = 2 + 4 + 4;
/**
 * Bytes per stored parameter, scale factors included:
 * fp4 as MXFP4 (an 8-bit scale per 32 values, OCP MX spec v1.0) -> 4.25 bits;
 * int4 as GPTQ/AWQ groups of 128 with a 16-bit scale -> 4.125 bits;
 * fp8 block scales (DeepSeek-V3: one fp32 per 128x128 block) are negligible.
 */
const DTYPE_BYTES = {
    fp32: 4,
    bf16: 2,
    fp16: 2,
    fp8: 1,
    int8: 1,
    int4: 0.5 + 2 / 128,
    fp4: 0.5 + 1 / 32,
};
/**
 * Serving overhead of one request before its first token: HTTP, tokenisation, scheduling, the
 * first streamed chunk. Part of a measured TTFT, not of a prefill; estimates only.
 */
const DEFAULT_REQUEST_OVERHEAD_S = 0.02;
/** KV cache: 16-bit unless the plan asks for fp8 (contract: default weight_dtype if 16-bit, else bf16). */
function defaultKvDtype(weight) {
    return weight === 'bf16' || weight === 'fp16' || weight === 'fp32' ? weight : 'bf16';
}

;// CONCATENATED MODULE: ./src/core/engine-memory.ts
// Memory as each serving engine counts it: the defaults it picks for the device it runs on, how
// much of the device its KV cache gets (the pool whose size it logs at start-up), what it keeps
// beside weights and KV, and how many sequences it can run at once.
// Formulas and sources: docs/formulas.md, "Memory as each engine counts it".

const ENGINE_LABEL = { vllm: 'vLLM', sglang: 'SGLang', trtllm: 'TensorRT-LLM' };
/** What each engine's memory flag is called, for messages. */
const ENGINE_MEMORY_FLAG = {
    vllm: 'gpu_memory_utilization',
    sglang: 'mem_fraction_static',
    trtllm: 'free_gpu_memory_fraction',
};
const MIB = 2 ** 20;
/** Intra-node bandwidth from which the fabric is switched NVLink 4+ (H100 SXM 450 GB/s; A100 NVLink3 300 GB/s). */
const SWITCHED_FABRIC_BYTES_PER_S = 400e9;
// ---------------------------------------------------------------------------------------------
// Defaults each engine picks for a device.
/** vLLM's gpu_memory_utilization default. */
const VLLM_DEFAULT_MEMORY_FRACTION = 0.9;
/** TensorRT-LLM's KvCacheConfig.free_gpu_memory_fraction default (_torch/pyexecutor/_util.py: "fraction = 0.9"). */
const TRTLLM_DEFAULT_MEMORY_FRACTION = 0.9;
/** TensorRT-LLM's max_num_tokens default (trtllm-serve and the LLM API). */
const TRTLLM_DEFAULT_MAX_NUM_TOKENS = 8192;
/**
 * Memory flags a deployment whose model leaves the default no room must have set: the lowest of these
 * (from 0.95, the value vLLM's and llm-d's sweeps use when memory is tight, up to 0.99) that holds one
 * request of the longest length. Used only when the plan states no flag, and then reported.
 */
const TIGHT_MEMORY_FRACTIONS = [0.95, 0.96, 0.97, 0.98, 0.99];
/** SGLang's mem_fraction_static when it cannot read the device memory. */
const SGLANG_FALLBACK_MEMORY_FRACTION = 0.88;
/**
 * vLLM's scheduler defaults for the API server (vllm/engine/arg_utils.py, get_batch_defaults): on a
 * device of >= 70 GiB that is not an A100, max_num_batched_tokens 8192 and max_num_seqs 1024;
 * otherwise 2048 and 256.
 */
function vllmSchedulerDefaults(device) {
    const large = device.capacity >= 70 * GIB && !device.name.includes('a100');
    return large ? { maxBatchedTokens: 8192, maxNumSeqs: 1024 } : { maxBatchedTokens: 2048, maxNumSeqs: 256 };
}
/**
 * SGLang's defaults by device memory (server_args.py, _handle_gpu_memory_settings): chunked_prefill_size
 * and cuda_graph_max_bs by memory bucket, then mem_fraction_static = (memory - reserved) / memory with
 * reserved = 512 MB + 1.5 MB x max(chunk, 2048) + 2 MB x cuda_graph_max_bs + 1024 MB x tp x pp / 8,
 * at least 10 GB on devices over 60 GB.
 */
function sglangDefaults(device, tp, pp) {
    const mb = device.capacity / MIB;
    let chunkedPrefill;
    let cudaGraphMaxBs;
    if (mb < 20 * 1024)
        [chunkedPrefill, cudaGraphMaxBs] = [2048, 8];
    else if (mb < 35 * 1024)
        [chunkedPrefill, cudaGraphMaxBs] = [2048, tp < 4 ? 24 : 80];
    else if (mb < 60 * 1024)
        [chunkedPrefill, cudaGraphMaxBs] = [4096, tp < 4 ? 32 : 160];
    else if (mb < 160 * 1024)
        [chunkedPrefill, cudaGraphMaxBs] = [8192, tp < 4 ? 256 : 512];
    else
        [chunkedPrefill, cudaGraphMaxBs] = [16384, 512];
    let reserved = 512 + Math.max(chunkedPrefill, 2048) * 1.5 + cudaGraphMaxBs * 2 + (tp * pp * 1024) / 8;
    if (mb > 60 * 1024)
        reserved = Math.max(reserved, 10 * 1024);
    const memFractionStatic = mb > 0 ? Math.round(((mb - reserved) / mb) * 1000) / 1000 : SGLANG_FALLBACK_MEMORY_FRACTION;
    return { chunkedPrefill, cudaGraphMaxBs, memFractionStatic: memFractionStatic > 0 ? memFractionStatic : SGLANG_FALLBACK_MEMORY_FRACTION };
}
function engineDefaults(engine, device, tp, pp) {
    if (engine === 'sglang') {
        if (!device)
            return { memoryFraction: SGLANG_FALLBACK_MEMORY_FRACTION, maxBatchedTokens: 4096, profiledSequences: 0, source: "SGLang's defaults without a device size" };
        const s = sglangDefaults(device, tp, pp);
        return {
            memoryFraction: s.memFractionStatic,
            maxBatchedTokens: s.chunkedPrefill,
            profiledSequences: 0,
            source: `SGLang's defaults for a ${(device.capacity / GIB).toFixed(0)} GiB device at tp ${tp}: chunked_prefill_size ${s.chunkedPrefill}, cuda_graph_max_bs ${s.cudaGraphMaxBs}`,
        };
    }
    if (engine === 'trtllm') {
        return { memoryFraction: TRTLLM_DEFAULT_MEMORY_FRACTION, maxBatchedTokens: TRTLLM_DEFAULT_MAX_NUM_TOKENS, profiledSequences: 0, source: "TensorRT-LLM's defaults (max_num_tokens 8192)" };
    }
    const v = device ? vllmSchedulerDefaults(device) : { maxBatchedTokens: 8192, maxNumSeqs: 1024 };
    return {
        memoryFraction: VLLM_DEFAULT_MEMORY_FRACTION,
        maxBatchedTokens: v.maxBatchedTokens,
        profiledSequences: v.maxNumSeqs,
        source: `vLLM's API-server defaults for ${device ? `a ${(device.capacity / GIB).toFixed(0)} GiB device` : 'a device of unknown size'}: max_num_batched_tokens ${v.maxBatchedTokens}, max_num_seqs ${v.maxNumSeqs}`,
    };
}
// ---------------------------------------------------------------------------------------------
// What engines keep beside weights, activations and KV.
/**
 * CUDA context and library handles a process holds before an engine measures free memory.
 * SGLang on 4x L4: 22.49 GiB total, 21.63 GB free at "Load weight begin" after 0.13 GB of
 * distributed init, so 0.73 GiB of context; about 0.5 GiB is usual on H100s.
 */
const CUDA_CONTEXT_BYTES = 0.6 * GIB;
/**
 * What vLLM 0.19 finds outside PyTorch after its profiling pass on a lone GPU ("non-torch forward
 * increase memory: 0.25GiB", Llama-3.1-8B and Qwen2.5-7B on H100, llm-d-planner accuracy report).
 */
const VLLM_NON_TORCH_BYTES = 0.25 * GIB;
/**
 * CUDA graphs of the decode batch sizes. vLLM captures them after sizing the KV cache (0.51-1.85 GiB,
 * mean 1.04, in the llm-d-planner sweep; "Estimated CUDA graph memory: 1.09 GiB" for gpt-oss-20b);
 * TensorRT-LLM captures them in the warm-up it measures before sizing its pool.
 */
const CUDA_GRAPH_BYTES = 1.0 * GIB;
/**
 * Communication buffers per device when a group of `group` devices talks (NCCL channels, NVLS and
 * custom all-reduce buffers), once the first collectives have run. On an NVLink-switch fabric vLLM
 * 0.19 logs 2.07-2.10 GiB of non-torch memory at TP2 and 2.13-2.21 GiB at TP4 on H100 (0.25 GiB at
 * TP1): about 1.8 GiB plus 0.03 GiB per rank. SGLang allocates them when it initialises ("Init torch
 * distributed ends. mem usage=2.01 GB" at TP8 on H200, sgl-project/sglang PR 11716), before it measures
 * the memory its pool is a fraction of. Over PCIe they are small: 0.1 GiB plus the same per rank
 * (SGLang's TP4 initialisation on 4x L4 takes 0.13 GB).
 */
function commBufferBytes(group, device) {
    if (group <= 1)
        return 0;
    return (device?.switchedFabric ? 1.8 * GIB : 0.1 * GIB) + 0.03 * GIB * group;
}
/**
 * The KV pool of one device as each engine sizes it:
 *  vLLM    pool = u x total - weights - activation peak of the profiling pass - non-torch memory
 *          (gpu_worker.determine_available_memory; CUDA graphs come out of the 1 - u left over);
 *  SGLang  pool = f x free - weights, free = what is left after CUDA and NCCL initialisation
 *          (model_runner.profile_max_num_token); activations and graphs live in the 1 - f left over;
 *  TRT-LLM pool = phi x (total - peak of the measured warm-up: weights, activations, context, NCCL,
 *          graphs) (_torch/pyexecutor/_util.py, cal_max_tokens).
 * `usable` never exceeds the device: an SGLang fraction set too high leaves the activations no room.
 */
function deviceBudget(b) {
    const comm = commBufferBytes(b.group, b.device);
    const graphs = b.cudaGraphs ? CUDA_GRAPH_BYTES : 0;
    const gib = (v) => `${(v / GIB).toFixed(2)} GiB`;
    let pool;
    let overhead;
    let rule;
    if (b.engine === 'sglang') {
        const init = b.runtimeOverride ?? CUDA_CONTEXT_BYTES + comm;
        overhead = b.runtimeOverride ?? init + graphs;
        const free = b.capacity - init;
        pool = b.memoryFraction * free - b.weights;
        rule = `SGLang: ${b.memoryFraction} x ${gib(free)} free after initialisation - ${gib(b.weights)} weights`;
    }
    else if (b.engine === 'trtllm') {
        overhead = b.runtimeOverride ?? CUDA_CONTEXT_BYTES + comm + graphs;
        const free = b.capacity - b.weights - b.activations - overhead;
        pool = b.memoryFraction * free;
        rule = `TensorRT-LLM: ${b.memoryFraction} x ${gib(free)} free after the measured warm-up`;
    }
    else {
        overhead = b.runtimeOverride ?? VLLM_NON_TORCH_BYTES + comm;
        pool = b.memoryFraction * b.capacity - b.weights - b.activations - overhead;
        rule = `vLLM: ${b.memoryFraction} x ${gib(b.capacity)} - weights, profiled activations and ${gib(overhead)} outside PyTorch`;
    }
    const room = b.capacity - b.weights - b.activations - overhead;
    const usable = b.weights + b.activations + overhead + Math.min(pool, room);
    return { pool, overhead, usable, rule };
}
/** Tokens per KV block the engine allocates in (vLLM 16, TensorRT-LLM 32, SGLang pages of 1). */
const KV_BLOCK_TOKENS = { vllm: 16, sglang: 1, trtllm: 32 };
/** Whether the engine frees sliding-window layers' blocks outside the window (vLLM's hybrid allocator, TensorRT-LLM VSWA); SGLang serves gpt-oss with disable_hybrid_swa_memory. */
const FREES_OUTSIDE_WINDOW = { vllm: true, sglang: false, trtllm: true };
/**
 * Sequences one replica runs at once when `offered` are in flight, each holding `context` tokens on
 * average: the engine admits while its KV cache has room and queues the rest. At least one when one
 * sequence fits, 0 when not even one does.
 */
function maxRunningSequences(budget, context, offered = Infinity) {
    const shared = Math.min(budget.sharedTokens, context);
    const perSequence = Math.max(budget.heldTokens(context) - budget.heldTokens(shared), 1e-9);
    const room = budget.capacityTokens - budget.heldTokens(shared);
    const byKv = room <= 0 ? 0 : Math.floor(room / perSequence);
    const capped = budget.engineMax === null ? byKv : Math.min(byKv, budget.engineMax);
    return Math.max(0, Math.min(capped, offered));
}

;// CONCATENATED MODULE: ./src/core/layerKinds.ts
/**
 * Gated DeltaNet as Qwen3-Next / Qwen3.5 build it (transformers Qwen3NextGatedDeltaNet):
 *   in_proj_qkvz: hidden -> 2 Kd + 2 Vd (queries, keys, values, output gate z), in_proj_ba: hidden -> 2 Hv,
 *   depthwise conv1d over the 2 Kd + Vd mixed q/k/v channels, out_proj: Vd -> hidden, A_log and dt_bias (Hv),
 *   a gated RMSNorm of value_head_dim, and the layer's two RMSNorms of hidden;
 * with Kd = key_heads x key_head_dim, Vd = value_heads x value_head_dim, Hv = value_heads.
 * State per sequence: every value head keeps a key_head_dim x value_head_dim matrix (state dtype), and the
 * convolution keeps its last kernel - 1 inputs of the 2 Kd + Vd channels (16-bit, the activations' dtype).
 * Per token the state is decayed and updated (k v^T) and read (q^T S): 4 key_head_dim x value_head_dim FLOPs
 * per value head, which any algorithm (recurrent or chunked) must spend.
 */
function linearAttentionFacts(spec, hidden, stateBytesPerValue) {
    const kd = spec.key_heads * spec.key_head_dim;
    const vd = spec.value_heads * spec.value_head_dim;
    const convChannels = 2 * kd + vd;
    const sharded = hidden * (2 * kd + 2 * vd + 2 * spec.value_heads) + convChannels * spec.conv_kernel + vd * hidden + 2 * spec.value_heads;
    const replicated = spec.value_head_dim + 2 * hidden;
    const recurrent = spec.value_heads * spec.key_head_dim * spec.value_head_dim * stateBytesPerValue;
    const conv = convChannels * Math.max(0, spec.conv_kernel - 1) * CONV_STATE_BYTES;
    return {
        sharded,
        replicated,
        shardableHeads: spec.key_heads,
        stateBytes: recurrent + conv,
        stateFlopsPerToken: 4 * spec.value_heads * spec.key_head_dim * spec.value_head_dim,
    };
}
/** The convolution window holds activations, kept in 16 bits by vLLM and SGLang. */
const CONV_STATE_BYTES = 2;
/** Default recurrent-state dtype: SGLang's default mamba_ssm_dtype, and what Qwen3.5's config names. */
const DEFAULT_STATE_DTYPE = 'fp32';
/**
 * DeepSeek Sparse Attention (DeepSeek-V3.2-Exp report; vLLM DeepseekV32IndexerCache and SGLang
 * NSATokenToKVPool store the indexer keys the same way): per layer the indexer projects q from the
 * query latent (q_lora_rank -> index_heads x index_head_dim), one key (hidden -> index_head_dim, with a
 * LayerNorm) and per-head weights (hidden -> index_heads). It scores every cached token in fp8
 * (2 x index_heads x index_head_dim FLOPs per pair) and the attention reads only the index_topk best.
 * Its key cache is fp8 whatever the KV cache dtype: index_head_dim bytes + a 4-byte scale per 128.
 */
function indexerFacts(spec, hidden, queryInput) {
    const qk = spec.index_heads * spec.index_head_dim;
    return {
        params: queryInput * qk + hidden * spec.index_head_dim + 2 * spec.index_head_dim + hidden * spec.index_heads,
        bytesPerToken: spec.index_head_dim + 4 * Math.ceil(spec.index_head_dim / 128),
        pairFlops: 2 * qk,
        topK: spec.index_topk,
    };
}
/**
 * Bytes of one token of an MLA latent cache in fp8 as the sparse MLA kernels store it (FlashMLA's
 * fp8_ds_mla layout, used by vLLM and SGLang for DeepSeek-V3.2 and GLM-5): kv_lora_rank fp8 values,
 * one fp32 scale per 128 of them, and the rotary part kept in 16 bits: 512 + 16 + 128 = 656 bytes.
 */
function sparseMlaFp8Bytes(kvLoraRank, ropeDim) {
    return kvLoraRank + 4 * Math.ceil(kvLoraRank / 128) + 2 * ropeDim;
}
/**
 * Keys a query at 1-based position `position` attends to in a windowed layer: the last `window`
 * tokens (sliding), or the tokens of its own aligned chunk of `window` (chunked: Llama 4's local layers).
 */
function windowKeys(position, window, kind) {
    if (position <= 0)
        return 0;
    return kind === 'chunked' ? ((position - 1) % window) + 1 : Math.min(position, window);
}
/** Sum of windowKeys(i) for i in (from, to]: the (query, key) pairs of query tokens from+1..to. */
function windowPairs(from, to, window, kind) {
    const tri = (n) => (n * (n + 1)) / 2;
    const upTo = (n) => {
        if (n <= 0)
            return 0;
        if (kind === 'chunked') {
            const whole = Math.floor(n / window);
            return whole * tri(window) + tri(n - whole * window);
        }
        return n <= window ? tri(n) : tri(window) + (n - window) * window;
    };
    return upTo(to) - upTo(from);
}
/**
 * Parameters of one multi-token-prediction module beyond its decoder layer (DeepSeek-V3 report sec. 2.2,
 * Qwen3-Next / Qwen3.5 mtp.fc): the projection of [embedding; hidden] (2h -> h) and its norms. The module
 * shares the embedding and LM head with the main model.
 */
function mtpExtraParams(hidden) {
    return 2 * hidden * hidden + 3 * hidden;
}

;// CONCATENATED MODULE: ./src/core/memory.ts
// Memory of one device of each pipeline stage: weights, KV cache, activations, runtime overhead, and the
// KV pool its engine carves out of it (engine-memory.ts). Formulas and sources: docs/formulas.md, "Memory".



/** Ranks that share one KV head's cache when tp exceeds kv_heads: the head is replicated tp/kv_heads times. */
function kvShardsOverTp(facts, tp) {
    if (!facts.kvShardable)
        return 1; // MLA: the latent cache is whole on every tp rank
    if (facts.kvHeads <= 0)
        return tp;
    return Math.min(tp, facts.kvHeads);
}
/** Per-layer attention parameters held by one tp rank. */
function attentionParamsPerRank(facts, tp) {
    return facts.attnSharded / tp + facts.attnKv / kvShardsOverTp(facts, tp) + facts.attnReplicated;
}
/** Parameters of one linear-attention layer held by one tp rank (heads split, up to the key heads). */
function linearParamsPerRank(facts, tp) {
    const l = facts.linear;
    if (!l)
        return 0;
    return l.sharded / Math.min(tp, l.shardableHeads) + l.replicated;
}
/** Attention parameters of a stage's layers on one tp rank, each layer by its kind (full or windowed, linear). */
function stageAttentionParamsPerRank(facts, tp, stage) {
    return attentionParamsPerRank(facts, tp) * (stage.layers - stage.linearLayers) + linearParamsPerRank(facts, tp) * stage.linearLayers;
}
/** Layers of a stage that attend over the whole context (not windowed, not linear); MTP modules excluded. */
function stageFullLayers(stage) {
    return stage.layers - stage.slidingLayers - stage.linearLayers;
}
/** Routed experts held by one device (redundant replicas included). */
function expertsPerDevice(facts, layout) {
    return (facts.experts + facts.redundantExperts) / layout.ep;
}
/**
 * vLLM's MXFP4 MoE methods pad each expert's matrices (quantization/mxfp4.py, create_weights): the Marlin
 * kernel needs n % 256 and k % 128, so intermediate size per partition rounds up to 128 and hidden to
 * 256; FlashInfer's Blackwell kernels round both to 256. gpt-oss (hidden and intermediate 2880) grows
 * by 9% on Hopper: 120b weights 65.8 GiB against 64.38 GiB logged with the Triton backend (vLLM issue
 * 33155) and 7.05 GiB against 7.01 GiB for 20b at TP2 (vLLM 0.19).
 */
function mxfp4Padding(fp4Math) {
    return fp4Math ? { intermediate: 256, hidden: 256 } : { intermediate: 128, hidden: 256 };
}
const roundUp = (v, m) => Math.ceil(v / m) * m;
/** Parameters of one routed expert on a device after the kernels' padding (fp4 experts only). */
function paddedExpertParams(facts, etp, padding) {
    if (!padding || facts.dtypes.experts !== 'fp4' || facts.expertWidth <= 0 || facts.hidden <= 0)
        return facts.expert / etp;
    const part = facts.expertWidth / etp;
    const scale = (roundUp(part, padding.intermediate) * roundUp(facts.hidden, padding.hidden)) / (part * facts.hidden);
    return (facts.expert / etp) * scale;
}
/** Weight bytes on one device of a stage (padded as the engine's MXFP4 kernels need, when `padding` is given). */
function stageWeightBytes(facts, layout, stage, padding = null) {
    const { tp } = layout;
    const b = facts.bytes;
    const attn = stageAttentionParamsPerRank(facts, tp, stage) * b.attention;
    const dense = (facts.denseMlp / tp) * b.mlp * stage.denseLayers;
    const moe = moeLayerBytes(facts, layout, padding) * stage.moeLayers;
    let embeddings = 0;
    // Vocabulary-parallel embedding on the first stage, LM head on the last; a tied head is a
    // second copy only when it lives on another stage.
    if (stage.hasEmbedding)
        embeddings += (facts.embedding / tp) * b.embeddings;
    if (stage.hasLmHead && (!facts.tied || !stage.hasEmbedding))
        embeddings += (facts.lmHead / tp) * b.embeddings;
    return attn + dense + moe + embeddings + mtpBytes(facts, layout, stage, padding);
}
/** Weight bytes of one MoE layer on one device: shared experts and router over tp, routed experts over ep x etp (padded as the kernels need). */
function moeLayerBytes(facts, layout, padding) {
    const b = facts.bytes;
    return (facts.sharedExperts / layout.tp) * b.mlp + facts.router * b.mlp + expertsPerDevice(facts, layout) * paddedExpertParams(facts, layout.etp, padding) * b.experts;
}
/**
 * Loaded MTP modules on one device: each is a full-attention decoder layer shaped like the model's
 * (MoE when the model is) plus its 2h -> h projection, kept whole on every rank (vLLM's eh_proj is a
 * plain Linear); embedding and LM head are shared with the main model.
 */
function mtpBytes(facts, layout, stage, padding) {
    if (stage.mtpLayers <= 0)
        return 0;
    const b = facts.bytes;
    const mlp = facts.isMoe ? moeLayerBytes(facts, layout, padding) : (facts.denseMlp / layout.tp) * b.mlp;
    return stage.mtpLayers * (attentionParamsPerRank(facts, layout.tp) * b.attention + mlp + facts.mtpExtra * b.embeddings);
}
/**
 * Recurrent state of one sequence on one device of the stage: every linear-attention layer keeps a
 * fixed-size state, split over tp by heads, whatever the context length.
 */
function stageStateBytesPerSequence(facts, layout, stage) {
    const l = facts.linear;
    if (!l || stage.linearLayers <= 0)
        return 0;
    return (stage.linearLayers * l.stateBytes) / Math.min(layout.tp, l.shardableHeads);
}
/** Indexer key bytes per token on one device of the stage (replicated over tp, like an MLA latent). */
function stageIndexerBytesPerToken(facts, stage) {
    return facts.indexer ? facts.indexer.bytesPerToken * (stageFullLayers(stage) + stage.mtpLayers) : 0;
}
/**
 * Cache bytes of one sequence of `context` tokens on one device of the stage: the KV of its full-attention
 * layers (and loaded MTP modules), windowed layers up to their window when `windowed` (the engine frees
 * blocks that fall out of it; else the whole context), indexer keys, and the fixed state of
 * linear-attention layers.
 */
function stageKvBytesPerSequence(facts, layout, stage, context, windowed = true) {
    const perTokenLayer = facts.kvBytesPerTokenLayer / kvShardsOverTp(facts, layout.tp);
    const full = stageFullLayers(stage) + stage.mtpLayers;
    // A window's cache peaks at the window over a sequence's life, sliding or chunked alike.
    const kept = facts.slidingWindow === null || !windowed ? context : Math.min(context, facts.slidingWindow);
    // Context parallelism splits each sequence's tokens over cp ranks.
    const perContext = (perTokenLayer * (full * context + stage.slidingLayers * kept) + stageIndexerBytesPerToken(facts, stage) * context) / layout.cp;
    return perContext + stageStateBytesPerSequence(facts, layout, stage);
}
/**
 * Cache bytes one decode step reads for one sequence at `context` on one device of the stage: full layers
 * read every cached token (with a sparse-attention indexer, only the index_topk it selects, plus every
 * indexer key), windowed layers the keys in their window, linear layers their state (and write it back,
 * `writeBack`; a floor counts the read alone).
 */
function stageKvReadBytesPerSequence(facts, layout, stage, context, writeBack) {
    const perTokenLayer = facts.kvBytesPerTokenLayer / kvShardsOverTp(facts, layout.tp);
    const attended = facts.indexer ? Math.min(context, facts.indexer.topK) : context;
    const windowed = facts.slidingWindow === null ? context : windowKeys(context, facts.slidingWindow, facts.windowKind);
    const indexerKeys = facts.indexer ? facts.indexer.bytesPerToken * stageFullLayers(stage) * context : 0;
    const kv = (perTokenLayer * (stageFullLayers(stage) * attended + stage.slidingLayers * windowed) + indexerKeys) / layout.cp;
    return kv + stageStateBytesPerSequence(facts, layout, stage) * (writeBack ? 2 : 1);
}
/** KV bytes per cached token on one device of the stage (every attention layer keeps the token; linear layers keep none): how engines count capacity. */
function stageKvBytesPerToken(facts, layout, stage) {
    const kvLayers = stage.layers - stage.linearLayers + stage.mtpLayers;
    return ((facts.kvBytesPerTokenLayer / kvShardsOverTp(facts, layout.tp)) * kvLayers + stageIndexerBytesPerToken(facts, stage)) / layout.cp;
}
/**
 * KV bytes of `sequences` sequences of `context` tokens whose first `shared` tokens are one prompt
 * prefix held once (prefix caching shares its blocks).
 */
function stageKvBytesShared(facts, layout, stage, sequences, context, shared, windowed = true) {
    if (sequences <= 0)
        return 0;
    const prefix = Math.min(shared, context);
    const one = stageKvBytesPerSequence(facts, layout, stage, context, windowed);
    const common = stageKvBytesPerSequence(facts, layout, stage, prefix, windowed);
    return sequences * one - (sequences - 1) * common;
}
/**
 * Peak transient activations of one forward pass of `tokens` tokens (a prefill chunk), per device: the
 * residual stream and normed input (2h) and the larger of the two phases of a layer, whose buffers are
 * freed before the next: attention projections (q, k, v, output), or the MLP. A dense MLP holds its
 * gate, up and activated outputs (3 x its local width); a fused MoE holds, per token-expert pair on
 * the device, the gate-up, activated and down outputs (3 x the local expert width + h; vLLM's
 * fused_moe intermediate caches), plus the shared experts' 3 x width. Then the logits of the sequences
 * sampled on the last stage. Inference keeps no activations for a backward pass.
 * The logits are the whole vocabulary on a rank, not vocab/tp: the LM head is vocab-parallel but
 * vLLM's LogitsProcessor gathers its shards before sampling (SGLang's all-gathers too). They are those
 * of `sampledSequences` sequences (no more than the pass's tokens): vLLM's profiling pass samples
 * max_num_seqs of them (GPUModelRunner.profile_run, then _dummy_sampler_run).
 */
function stageActivationBytes(facts, layout, stage, tokens, sampledSequences) {
    if (facts.hidden <= 0)
        return 0;
    const { tp, dp, cp, ep, etp } = layout;
    const h = facts.hidden;
    const local = tokens / cp;
    const attnWidth = (facts.attnSharded / tp + facts.attnKv / kvShardsOverTp(facts, tp)) / h;
    const denseWidth = stage.denseLayers > 0 ? facts.denseMlp / 3 / h / tp : 0;
    let moePeak = 0;
    if (stage.moeLayers > 0) {
        // Token-expert pairs per local token on this device: tokens reach it from all dp and cp ranks of its group.
        const pairs = (facts.topK * dp * cp) / ep;
        const width = facts.expert / 3 / h / etp;
        moePeak = pairs * (3 * width + h) + facts.sharedExperts / h / tp;
    }
    const perToken = (2 * h + Math.max(attnWidth, 3 * denseWidth, moePeak)) * ACTIVATION_BYTES;
    const vocab = facts.embedding / h;
    const sampled = Math.max(1, Math.min(sampledSequences, tokens));
    const logits = stage.hasLmHead ? sampled * vocab * LOGIT_BYTES : 0;
    return local * perToken + logits;
}
/** The engine conditions of a resolved workload; `sequences` are those in flight per replica (SGLang and TRT-LLM sample what runs). */
function engineConditions(workload, hardware, sequences, maxContext) {
    let sampled;
    if (workload.engine === 'vllm')
        sampled = workload.profiledSequences;
    // TRT-LLM profiles with dummy context requests of the longest length: one sampled sequence each.
    else if (workload.engine === 'trtllm')
        sampled = Math.ceil(workload.maxBatchedTokens / Math.max(1, maxContext ?? workload.maxBatchedTokens));
    else
        sampled = Math.max(1, sequences ?? 1);
    return {
        engine: workload.engine,
        memoryFraction: workload.memoryFraction,
        device: hardware.device,
        maxBatchedTokens: workload.maxBatchedTokens,
        sampledSequences: sampled,
        cudaGraphs: workload.cudaGraphs,
        runtimeOverride: workload.runtimeOverhead,
    };
}
/** Devices of the largest group that talks: tp x cp for attention, ep for the experts. */
function commGroup(layout, isMoe) {
    return Math.max(layout.tp * layout.cp, isMoe ? layout.ep * layout.etp : 1);
}
/**
 * Memory per device of each stage for `sequences` sequences per replica at `context` tokens each
 * (the first `shared` tokens a common prefix held once), as the engine counts it.
 */
function stageMemory(facts, layout, cond, stages, sequences, context, shared) {
    const padding = mxfp4Padding(cond.device?.fp4Math ?? false);
    const windowed = FREES_OUTSIDE_WINDOW[cond.engine];
    const group = commGroup(layout, facts.isMoe);
    return stages.map((stage) => {
        const weights = stageWeightBytes(facts, layout, stage, padding);
        const demand = stageKvBytesShared(facts, layout, stage, sequences, context, shared, windowed);
        const kvOne = stageKvBytesPerSequence(facts, layout, stage, context, windowed);
        const activations = stageActivationBytes(facts, layout, stage, cond.maxBatchedTokens, cond.sampledSequences);
        let overhead;
        let pool = null;
        let usable = null;
        let rule = null;
        if (cond.device) {
            const b = deviceBudget({
                engine: cond.engine, memoryFraction: cond.memoryFraction, capacity: cond.device.capacity, weights, activations,
                group, device: cond.device, cudaGraphs: cond.cudaGraphs, runtimeOverride: cond.runtimeOverride,
            });
            ({ pool, usable, overhead, rule } = b);
        }
        else {
            overhead = deviceBudget({
                engine: cond.engine, memoryFraction: cond.memoryFraction, capacity: 0, weights, activations,
                group, device: null, cudaGraphs: cond.cudaGraphs, runtimeOverride: cond.runtimeOverride,
            }).overhead;
        }
        // The engine admits what its pool holds and queues the rest: the device holds no more KV than the pool.
        const kv = pool !== null && pool >= kvOne ? Math.min(demand, pool) : demand;
        return { stage: stage.index, layers: stage.layers, weights, kv, activations, overhead, total: weights + kv + activations + overhead, pool, usable, kvOne, rule };
    });
}
/**
 * Tokens of KV cache one replica holds, as its engine logs them at start-up ("GPU KV cache size: N
 * tokens", "KV Cache is allocated. #tokens: N", "Allocated ... for max tokens in paged KV cache (N)"):
 * each device's pool over the bytes of one token in every layer of its stage, in whole blocks. The
 * tightest stage decides; context parallelism multiplies it (each rank keeps 1/cp of every sequence).
 */
function kvCapacityTokens(facts, layout, engine, stages, memory, sequences = 1) {
    let tokens = Infinity;
    stages.forEach((stage, i) => {
        const perToken = stageKvBytesPerToken(facts, layout, stage);
        const pool = memory[i]?.pool;
        if (perToken <= 0 || pool === null || pool === undefined)
            return;
        // Linear-attention state is per sequence: the running sequences hold theirs outside the token pool.
        const free = pool - sequences * stageStateBytesPerSequence(facts, layout, stage);
        tokens = Math.min(tokens, Math.max(0, free) / perToken);
    });
    if (!Number.isFinite(tokens))
        return 0;
    const block = KV_BLOCK_TOKENS[engine];
    return Math.floor(tokens / block) * block;
}
/**
 * Capacity tokens a sequence of `context` tokens holds in one replica (its bytes over a token's bytes in
 * every layer): the whole context, less what sliding-window layers free outside their window where the
 * engine frees it.
 */
function heldTokens(facts, layout, engine, stage, context) {
    const perToken = stageKvBytesPerToken(facts, layout, stage);
    if (perToken <= 0)
        return context;
    // The recurrent state of linear layers is not in the token pool (kvCapacityTokens takes it off first).
    const kv = stageKvBytesPerSequence(facts, layout, stage, context, FREES_OUTSIDE_WINDOW[engine]) - stageStateBytesPerSequence(facts, layout, stage);
    return kv / perToken;
}

;// CONCATENATED MODULE: ./src/core/capacity.ts
// What a deployment's devices hold under its engine: memory per stage, the KV cache the engine logs,
// whether one request of the longest stated length can run, and how many sequences run at once.
// docs/formulas.md, "Memory per device" and "Memory as each engine counts it".


/** Mean context a running sequence holds in a closed loop: its prompt and half its output. */
function meanContext(input, output) {
    return input + output / 2;
}
function memoryFigures(r, est, bound, stagesEst, stagesBound) {
    const { layout, hardware: hw, workload: wl } = r;
    const sequences = wl.concurrency !== undefined ? Math.ceil(wl.concurrency / layout.dp) : undefined;
    const maxContext = wl.maxInputTokens !== undefined && wl.maxOutputTokens !== undefined ? wl.maxInputTokens + wl.maxOutputTokens : undefined;
    let cond = engineConditions(wl, hw, sequences, maxContext);
    const sharedMax = Math.floor((wl.maxInputTokens ?? 0) * wl.prefixHitRate);
    let memEst = est && stagesEst && sequences !== undefined && maxContext !== undefined
        ? stageMemory(est, layout, cond, stagesEst, sequences, maxContext, sharedMax) : null;
    // A plan silent on the memory flag is not failed for the engine's default: a deployment this tight
    // sets the flag. The figures then assume the lowest usual setting that holds one request.
    let raisedFraction = null;
    const noRoom = (mem) => mem.some((st) => st.pool !== null && st.pool < st.kvOne);
    if (memEst && est && stagesEst && !wl.memoryFractionGiven && hw.device && noRoom(memEst)) {
        for (const fraction of TIGHT_MEMORY_FRACTIONS.filter((f) => f > wl.memoryFraction)) {
            const raised = { ...cond, memoryFraction: fraction };
            const mem = stageMemory(est, layout, raised, stagesEst, sequences, maxContext, sharedMax);
            if (noRoom(mem))
                continue;
            raisedFraction = { from: wl.memoryFraction, to: fraction };
            cond = raised;
            memEst = mem;
            break;
        }
    }
    const weightsFloor = bound && stagesBound ? Math.max(...stagesBound.map((s) => stageWeightBytes(bound, layout, s))) : null;
    // Exact once the KV facts are known (bound facts keep known KV sizes, unknown ones cost 0); sliding
    // layers hold only their window, the least any engine keeps.
    const kvFloor = bound && stagesBound && maxContext !== undefined
        ? Math.max(...stagesBound.map((s) => stageKvBytesPerSequence(bound, layout, s, maxContext))) : 0;
    // The pool needs the device, the weights and the activations, not the load: size it at one sequence when none is given.
    const poolMemory = est && stagesEst && hw.device
        ? (memEst ?? stageMemory(est, layout, cond, stagesEst, 1, maxContext ?? 1, 0)) : null;
    const kvCapacity = est && stagesEst && poolMemory ? kvCapacityTokens(est, layout, wl.engine, stagesEst, poolMemory, sequences ?? 1) : null;
    let kvBudget = null;
    let maxRunning = null;
    let maxConcurrencyAtMaxContext = null;
    if (est && stagesEst && kvCapacity !== null) {
        const stage = stagesEst[0];
        const held = (context) => heldTokens(est, layout, wl.engine, stage, context);
        const shared = wl.inputTokens !== undefined ? Math.floor(wl.inputTokens * wl.prefixHitRate) : 0;
        const engineMax = wl.maxRunningSequences !== null ? Math.max(1, Math.floor(wl.maxRunningSequences / layout.dp)) : null;
        kvBudget = { capacityTokens: kvCapacity, heldTokens: held, sharedTokens: shared, engineMax };
        if (wl.inputTokens !== undefined && wl.outputTokens !== undefined) {
            const perReplica = maxRunningSequences(kvBudget, meanContext(wl.inputTokens, wl.outputTokens), sequences ?? Infinity);
            maxRunning = wl.concurrency !== undefined ? Math.min(wl.concurrency, perReplica * layout.dp) : perReplica * layout.dp;
        }
        if (maxContext !== undefined) {
            maxConcurrencyAtMaxContext = maxRunningSequences({ ...kvBudget, sharedTokens: 0, engineMax: null }, maxContext) * layout.dp;
        }
    }
    let floorCheck = null;
    if (!memEst && weightsFloor !== null && hw.device) {
        // The most any engine could give the KV cache: its budget with no activations, no overhead and the weights floor.
        const most = deviceBudget({
            engine: wl.engine, memoryFraction: Math.max(wl.memoryFraction, wl.memoryFractionGiven ? 0 : TIGHT_MEMORY_FRACTIONS.at(-1)),
            capacity: hw.device.capacity, weights: weightsFloor, activations: 0,
            group: 1, device: hw.device, cudaGraphs: false, runtimeOverride: 0,
        });
        floorCheck = { need: weightsFloor + kvFloor, limit: weightsFloor + Math.max(0, most.pool) };
    }
    return { memEst, weightsFloor, kvFloor, kvCapacity, kvBudget, maxRunning, maxConcurrencyAtMaxContext, floorCheck, raisedFraction };
}

;// CONCATENATED MODULE: ./src/core/comm.ts
const NO_COMM = { transfer: 0, latency: 0 };
function addComm(a, b, times = 1) {
    return { transfer: a.transfer + b.transfer * times, latency: a.latency + b.latency * times };
}
/** The link a group uses; null when the plan does not give its bandwidth (unless unknown links are free). */
function linkFor(hw, spansNodes, bandwidthEfficiency, withLatency, unknownIsFree = false) {
    const bw = (spansNodes ? hw.interBandwidth : hw.intraBandwidth) ?? (unknownIsFree ? Infinity : undefined);
    if (bw === undefined)
        return null;
    return { bandwidth: bw * bandwidthEfficiency, latency: withLatency ? (spansNodes ? hw.interLatency : hw.intraLatency) : 0 };
}
function allReduce(bytes, group, link) {
    if (group <= 1 || bytes <= 0)
        return NO_COMM;
    return { transfer: ((2 * (group - 1)) / group) * (bytes / link.bandwidth), latency: link.latency };
}
/**
 * All-reduce as engines run it (NCCL): inside a node a ring, 2(g-1)/g of the message per rank; a
 * group that spans n nodes of k ranks each runs hierarchically: reduce-scatter and all-gather
 * inside the node (2(k-1)/k of the message over NVLink) and an all-reduce of each rank's 1/k
 * share across nodes (2(n-1)/n of M/k over the rank's own NIC), so each NIC carries only its
 * node-share (NCCL's tree/NVLS-tree algorithms). Null when a needed link is unknown.
 */
function allReduceExpected(bytes, p) {
    if (p.group <= 1 || bytes <= 0)
        return NO_COMM;
    if (p.perNode >= p.group)
        return p.intra ? allReduce(bytes, p.group, p.intra) : null;
    const nodes = p.group / p.perNode;
    if (!p.inter || (p.perNode > 1 && !p.intra))
        return null;
    const inside = p.perNode > 1 ? allReduce(bytes, p.perNode, p.intra) : NO_COMM;
    const across = allReduce(bytes / p.perNode, nodes, p.inter);
    return { transfer: inside.transfer + across.transfer, latency: inside.latency + across.latency };
}
/**
 * The least time ANY all-reduce algorithm can take (a bound must hold for NVLink SHARP, IB SHARP,
 * rings, trees alike): every rank must receive at least (g-1)/g of the message from outside itself
 * (all its links together), and when the group spans nodes each node must receive the reduction of
 * the others' data, M bytes, through the NICs of its k ranks. In-network reduction (NVLS) reaches
 * about M/bw per rank, below the ring's 2(g-1)/g M/bw, so the ring is not a floor.
 */
function allReduceFloor(bytes, p) {
    if (p.group <= 1 || bytes <= 0)
        return NO_COMM;
    const intraBw = p.intra?.bandwidth ?? Infinity;
    const interBw = p.inter?.bandwidth ?? Infinity;
    const spans = p.perNode < p.group;
    const ingress = spans ? intraBw + interBw : intraBw;
    let t = (((p.group - 1) / p.group) * bytes) / ingress;
    if (spans)
        t = Math.max(t, bytes / (p.perNode * interBw));
    return { transfer: t, latency: 0 };
}
function allToAll(bytesPerRank, group, link) {
    if (group <= 1 || bytesPerRank <= 0)
        return NO_COMM;
    return { transfer: (((group - 1) / group) * bytesPerRank) / link.bandwidth, latency: link.latency };
}
function pointToPoint(bytes, link) {
    if (bytes <= 0)
        return { transfer: 0, latency: link.latency };
    return { transfer: bytes / link.bandwidth, latency: link.latency };
}
/**
 * Rank order tp (innermost), cp, dp, pp (outermost), as Megatron-LM and vLLM lay them out:
 * the tp group spans nodes when tp > gpus_per_node; the expert group (ep*etp ranks inside the
 * tp*dp*cp block of a stage) when ep*etp > gpus_per_node; a stage boundary when one stage
 * (tp*cp*dp ranks) fills a node or more.
 */
function groupSpans(layout, hw) {
    const node = hw.gpusPerNode;
    return {
        tp: layout.tp > node,
        cp: layout.tp * layout.cp > node,
        ep: layout.ep * layout.etp > node,
        pp: layout.tp * layout.cp * layout.dp >= node,
    };
}

;// CONCATENATED MODULE: ./src/core/performance.ts
// Time of one forward pass of a pipeline stage, for prefill (TTFT), decode and the mixed passes of
// continuous batching. One cost model serves estimate and bound: the bound runs it with every
// efficiency at 1, no start-up latency, communication overlapped with compute, and the most
// favourable case the plan allows for routing, collectives and math (docs/formulas.md, "Time").
// A model is built once per (stage, mode) and then evaluates passes cheaply: the scheduler
// simulation (simulator.ts) asks for tens of thousands of them.




const BOUND_MODE = { efficiency: { compute: 1, memory: 1, network: 1 }, latency: false, overlap: true, unknownIsFree: true };
const EMPTY_PASS = {
    activeDp: 1, prefillTokens: 0, prefillPairsFull: 0, prefillPairsSliding: 0, prefillPairsTopK: 0, decodeSequences: 0, queryTokens: 1,
    decodeContext: 0, logitTokens: 0, weightReads: 1, eager: false,
};
/** A pass with the given fields, the rest empty. */
const makePass = (fields) => ({ ...EMPTY_PASS, ...fields });
/**
 * Dense peak for math with weights of this dtype. The estimate takes the expected kernels: fp8 and
 * fp4 on their own units where the chip has them (fp4 weights elsewhere as weight-only, 16-bit math),
 * int8 as W8A8 on int8 units, int4 as weight-only (16-bit math). The bound takes the fastest math the plan allows: int8 and 4-bit weights may run
 * with 8-bit or 4-bit activations (W8A8, W4A8, W4A4) on whatever low-precision unit is fastest.
 */
function peakFor(hw, dtype, mode = 'estimate') {
    const p16 = hw.peak16;
    if (p16 === undefined)
        return undefined;
    const int8 = hw.peakInt8 ?? (mode === 'bound' ? Math.max(2 * p16, hw.peakFp8 ?? 0) : undefined);
    if (mode === 'bound') {
        switch (dtype) {
            case 'fp8':
            case 'int8':
                return Math.max(p16, hw.peakFp8 ?? 0, int8 ?? 0);
            case 'fp4':
            case 'int4':
                return Math.max(p16, hw.peakFp4 ?? 0, hw.peakFp8 ?? 0, int8 ?? 0);
            default:
                return p16;
        }
    }
    if (dtype === 'fp8')
        return hw.peakFp8 ?? p16;
    // 4-bit weights on a chip without fp4 math run as weight-only (Marlin W4A16 and its kin).
    if (dtype === 'fp4')
        return hw.peakFp4 ?? p16;
    if (dtype === 'int8')
        return int8 ?? p16;
    return p16;
}
/** Expected distinct experts (of E, each token picking k distinct) touched by n tokens: E(1-(1-k/E)^n). */
function touchedExpertFraction(experts, topK, tokens) {
    if (experts <= 0 || tokens <= 0)
        return 0;
    const k = Math.min(topK, experts);
    return 1 - Math.pow(1 - k / experts, tokens);
}
/**
 * Share of its routed experts the busiest expert rank reads under the most favourable routing of
 * n > 0 tokens: every token picks top_k distinct experts, and a skewed router may send every token to
 * the same top_k. Those top_k experts sit on ep ranks at best evenly, so some rank holds at least
 * ceil(top_k / ep) of them out of its experts / ep. The bound must hold for that routing too.
 */
function leastTouchedExpertFraction(experts, topK, tokens, ep = 1) {
    if (experts <= 0 || tokens <= 0)
        return 0;
    const perRank = experts / Math.max(1, ep);
    return Math.min(1, Math.ceil(Math.min(topK, experts) / Math.max(1, ep)) / perRank);
}
/** Kernels one pass of the stage launches (each costs a fixed latency however little it does). */
function stageKernels(facts, stage) {
    const attention = KERNELS_ATTENTION + (facts.kvShardable ? 0 : KERNELS_MLA_EXTRA);
    const moe = KERNELS_MOE + (facts.sharedExperts > 0 ? KERNELS_SHARED_EXPERT : 0);
    return stage.layers * attention + stage.denseLayers * KERNELS_DENSE_MLP + stage.moeLayers * moe;
}
/**
 * Builds the per-device cost model of one stage: FLOPs, bytes and messages per token, per
 * attended pair and per decoding sequence, computed once. Null when a peak or bandwidth every pass
 * needs is missing (estimate mode).
 */
function stageCostModel(facts, layout, hw, stage, mode) {
    const isBound = mode.unknownIsFree;
    const kind = isBound ? 'bound' : 'estimate';
    // A missing figure stops an estimate; for a bound it is the cheapest case: infinitely fast.
    const orFree = (v) => v ?? (isBound ? Infinity : undefined);
    const peakAttn = orFree(peakFor(hw, facts.dtypes.attention, kind));
    const peakMlp = orFree(peakFor(hw, facts.dtypes.mlp, kind));
    const peakExp = orFree(peakFor(hw, facts.dtypes.experts, kind));
    const peakEmb = orFree(peakFor(hw, facts.dtypes.embeddings, kind));
    // Attention scores: 16-bit math in the expected case; a bound allows fp8 (or fp4) attention over
    // an fp8 (fp4) KV cache (FlashAttention-3 / FlashMLA fp8 kernels).
    const peakScores = orFree(isBound ? peakFor(hw, facts.dtypes.kv === 'fp4' ? 'fp4' : facts.dtypes.kv === 'fp8' ? 'fp8' : 'bf16', 'bound') : hw.peak16);
    const bw = orFree(hw.memoryBandwidth);
    if (!peakAttn || !peakMlp || !peakExp || !peakEmb || !peakScores || !bw)
        return null;
    const { tp, cp, ep, etp, edp } = layout;
    const eff = mode.efficiency;
    const b = facts.bytes;
    const L = stage.layers;
    const fullLayers = stageFullLayers(stage);
    // FLOPs per token (2 per multiply-add), seconds per FLOP by operand dtype.
    const attnParams = stageAttentionParamsPerRank(facts, tp, stage);
    const sAttn = 1 / (peakAttn * eff.compute);
    // Attention kernels and grouped expert GEMMs reach their own fractions of the peak (calibrated per
    // engine and hardware family; bounds run everything at 1).
    const sScores = 1 / (peakScores * eff.compute * (isBound ? 1 : hw.attentionEfficiency));
    const sMlp = 1 / (peakMlp * eff.compute);
    const sExp = 1 / (peakExp * eff.compute * (isBound ? 1 : hw.expertEfficiency));
    const sEmb = 1 / (peakEmb * eff.compute);
    // Linear-attention layers update and read their state once per token (split over tp by heads).
    const linearShards = facts.linear ? Math.min(tp, facts.linear.shardableHeads) : 1;
    const stateFlopsPerToken = facts.linear ? (facts.linear.stateFlopsPerToken * stage.linearLayers) / linearShards : 0;
    /** seconds of compute per token on this device, experts excluded */
    const perTokenCompute = 2 * attnParams * sAttn + 2 * (facts.denseMlp / tp) * stage.denseLayers * sMlp + 2 * (facts.sharedExperts / tp + facts.router) * stage.moeLayers * sMlp +
        stateFlopsPerToken * sScores;
    // A sparse-attention indexer scores every cached key in fp8; engines replicate it on every tp rank,
    // a bound lets tp split it.
    const indexer = facts.indexer;
    const peakIndexer = indexer ? orFree(peakFor(hw, 'fp8', kind)) : undefined;
    if (indexer && !peakIndexer)
        return null;
    const perIndexerPair = indexer ? (indexer.pairFlops * fullLayers) / (isBound ? tp : 1) : 0;
    const sIndexer = indexer ? 1 / (peakIndexer * eff.compute) : 0;
    /** seconds per token-expert pick reaching this device */
    const perPickCompute = 2 * facts.expert * stage.moeLayers * sExp;
    const vocab = facts.hidden > 0 ? facts.embedding / facts.hidden : 0;
    const perLogitCompute = stage.hasLmHead ? 2 * facts.hidden * (vocab / tp) * sEmb : 0;
    const perLogitFlops = stage.hasLmHead ? 2 * facts.hidden * (vocab / tp) : 0;
    const headsShare = 1 / tp;
    const perPairPrefill = facts.attnPairFlopsPrefill * headsShare;
    const perPairDecode = facts.attnPairFlopsDecode * headsShare;
    // Bytes: weights read once per pass (routed experts only where some token picked them), KV.
    const nonExpertWeights = attnParams * b.attention +
        (facts.denseMlp / tp) * b.mlp * stage.denseLayers +
        ((facts.sharedExperts / tp) * b.mlp + facts.router * b.mlp) * stage.moeLayers +
        (stage.hasLmHead ? (facts.lmHead / tp) * b.embeddings : 0);
    const allExpertWeights = ((expertsPerDevice(facts, layout) * facts.expert) / etp) * b.experts * stage.moeLayers;
    // Prompt tokens write their KV in the attention layers (linear layers keep a state, not a cache) and their indexer keys.
    const indexerWrite = indexer ? indexer.bytesPerToken * fullLayers : 0;
    const touched = isBound
        ? (e, k, n) => leastTouchedExpertFraction(e, k, n, ep)
        : touchedExpertFraction;
    const kvShards = kvShardsOverTp(facts, tp);
    const kvPerTokenLayer = facts.kvBytesPerTokenLayer / kvShards;
    const sBw = 1 / (bw * eff.memory);
    // Communication: every collective's time is linear in its bytes, so each is reduced once to
    // seconds per token plus a fixed latency.
    const spans = groupSpans(layout, hw);
    const link = (across) => linkFor(hw, across, eff.network, mode.latency, isBound);
    const h = facts.hidden;
    const tokenBytes = h * ACTIVATION_BYTES;
    let arPerToken = 0;
    let arLatency = 0;
    if (tp > 1) {
        const perNode = spans.tp ? Math.min(tp, hw.gpusPerNode) : tp;
        const placement = { group: tp, perNode, intra: perNode > 1 ? link(false) : null, inter: spans.tp ? link(true) : null };
        if (!isBound && ((perNode > 1 && !placement.intra) || (spans.tp && !placement.inter)))
            return null;
        const one = isBound ? allReduceFloor(tokenBytes, placement) : allReduceExpected(tokenBytes, placement);
        if (!one)
            return null;
        // One all-reduce after attention, one after each dense or tensor-parallel MoE block.
        const allReduces = L + stage.denseLayers + (ep === 1 ? stage.moeLayers : 0);
        arPerToken = one.transfer * allReduces;
        arLatency = one.latency * allReduces;
    }
    // Expert dispatch and combine; a skewed router can keep every token on its own rank's experts,
    // so no all-to-all is part of a floor.
    let a2aPerPick = 0;
    let a2aLatency = 0;
    if (ep > 1 && stage.moeLayers > 0) {
        const epLink = link(spans.ep);
        if (!epLink)
            return null;
        if (!isBound) {
            const one = allToAll(tokenBytes / (ep * etp), ep, epLink);
            a2aPerPick = 2 * one.transfer * stage.moeLayers;
            a2aLatency = 2 * one.latency * stage.moeLayers;
        }
    }
    const cpLink = cp > 1 ? link(spans.cp) : null;
    const kernels = stageKernels(facts, stage);
    const fixedKernelTime = mode.latency ? kernels * hw.kernelLatency : 0;
    const launchTime = kernels * hw.launchLatency;
    const perTokenFlops = 2 * attnParams + 2 * (facts.denseMlp / tp) * stage.denseLayers + 2 * (facts.sharedExperts / tp + facts.router) * stage.moeLayers + stateFlopsPerToken;
    const perPickFlops = 2 * facts.expert * stage.moeLayers;
    const window = facts.slidingWindow;
    const kvWritePerToken = kvPerTokenLayer * (L - stage.linearLayers) + indexerWrite;
    // Decode reads the caches (a linear layer's state is also written back; a floor counts the read alone).
    let readCtx = -1;
    let readBytes = 0;
    const kvReadPerSequence = (ctx) => {
        if (ctx !== readCtx) {
            readCtx = ctx;
            readBytes = stageKvReadBytesPerSequence(facts, layout, stage, ctx, !isBound);
        }
        return readBytes;
    };
    return {
        evaluate(pass) {
            const decodeTokens = pass.decodeSequences * pass.queryTokens;
            const rankTokens = pass.prefillTokens + decodeTokens;
            const tokens = rankTokens / cp;
            // Tokens entering one expert group: all active dp ranks' tokens, shared among edp groups.
            const groupTokens = (rankTokens * pass.activeDp) / Math.max(edp, 1e-9);
            const picksPerDevice = (groupTokens * facts.topK) / (ep * etp);
            const ctx = pass.decodeContext;
            const windowed = window === null ? ctx : windowKeys(ctx, window, facts.windowKind);
            const attendedFull = indexer ? Math.min(ctx, indexer.topK) : ctx;
            const prefillPairs = fullLayers * (indexer ? pass.prefillPairsTopK : pass.prefillPairsFull) + stage.slidingLayers * pass.prefillPairsSliding;
            const decodePairs = decodeTokens * (fullLayers * attendedFull + stage.slidingLayers * windowed);
            const scoreFlops = (perPairPrefill * prefillPairs + perPairDecode * decodePairs) / cp;
            const indexerFlops = indexer ? (perIndexerPair * (pass.prefillPairsFull + decodeTokens * ctx)) / cp : 0;
            const compute = tokens * perTokenCompute + picksPerDevice * perPickCompute + scoreFlops * sScores + indexerFlops * sIndexer + pass.logitTokens * perLogitCompute;
            const flops = tokens * perTokenFlops + picksPerDevice * perPickFlops + scoreFlops + indexerFlops + pass.logitTokens * perLogitFlops;
            const weightBytes = nonExpertWeights + allExpertWeights * touched(facts.experts, facts.topK, groupTokens);
            // Decoding sequences read their caches; every new token writes its KV.
            const kvRead = pass.decodeSequences > 0 ? pass.decodeSequences * kvReadPerSequence(ctx) : 0;
            const memory = (weightBytes * pass.weightReads + kvRead + (tokens * kvWritePerToken) / 1) * sBw;
            let transfer = 0;
            let latency = 0;
            if (tokens > 0) {
                transfer = tokens * arPerToken + groupTokens * facts.topK * a2aPerPick;
                latency = arLatency + (groupTokens > 0 ? a2aLatency : 0);
            }
            if (cp > 1 && pass.prefillTokens > 0) {
                if (!cpLink)
                    return null;
                // Ring attention: each rank receives the other ranks' K/V blocks of every layer.
                const c = pointToPoint((pass.prefillTokens / cp) * kvPerTokenLayer * (cp - 1), cpLink);
                transfer += c.transfer * L;
                latency += c.latency * L;
            }
            const commTime = transfer + latency;
            const gpu = mode.overlap ? Math.max(compute, memory, commTime) : Math.max(compute, memory) + commTime + fixedKernelTime * pass.weightReads;
            // An eager pass cannot run ahead of the host launching its kernels.
            const total = mode.latency && pass.eager ? Math.max(gpu, launchTime * pass.weightReads) : gpu;
            return { compute, memory, comm: { transfer, latency }, total, flops };
        },
    };
}
/** One model per stage, or null when any stage lacks a figure. */
function stageCostModels(facts, layout, hw, stages, mode) {
    const models = [];
    for (const s of stages) {
        const m = stageCostModel(facts, layout, hw, s, mode);
        if (!m)
            return null;
        models.push(m);
    }
    return models;
}
/** Cost of one pass through one stage (builds the model: for one-off use). */
function stagePass(facts, layout, hw, stage, pass, mode) {
    return stageCostModel(facts, layout, hw, stage, mode)?.evaluate(pass) ?? null;
}
/** Activation hand-off between two pipeline stages. */
function stageHandoff(facts, layout, hw, tokens, mode) {
    if (layout.pp <= 1)
        return 0;
    const link = linkFor(hw, groupSpans(layout, hw).pp, mode.efficiency.network, mode.latency, mode.unknownIsFree);
    if (!link)
        return null;
    const c = pointToPoint((tokens / layout.cp) * facts.hidden * ACTIVATION_BYTES, link);
    return c.transfer + c.latency;
}
function runStages(models, facts, layout, hw, pass, mode) {
    const perStage = [];
    for (const m of models) {
        const c = m.evaluate(pass);
        if (!c)
            return null;
        perStage.push(c);
    }
    const handoff = stageHandoff(facts, layout, hw, pass.prefillTokens + pass.decodeSequences * pass.queryTokens, mode);
    return handoff === null ? null : { perStage, handoff };
}
/** Seconds of one pass through every stage in turn, hand-offs included (a lone pass: no pipelining). */
function serialTime(run, layout) {
    return run.perStage.reduce((s, c) => s + c.total, 0) + (layout.pp - 1) * run.handoff;
}
/**
 * Seconds of one scheduler step of a replica whose sequences are split into m microbatches over pp
 * stages: max(m, pp) slots of the slowest stage, plus the hand-offs.
 */
function pipelinedStepTime(run, layout) {
    const m = Math.max(1, layout.microbatches);
    const slowest = Math.max(...run.perStage.map((c) => c.total));
    return Math.max(m, layout.pp) * slowest + (layout.pp > 1 ? layout.pp * run.handoff : 0);
}
/** Sum over i in (from, to] of min(i, window): keys attended by query tokens from+1..to. */
function attendedPairs(from, to, window) {
    const full = (n) => (n * (n + 1)) / 2;
    if (window === null)
        return full(to) - full(from);
    return windowPairs(from, to, window, 'sliding');
}
/** (query, key) pairs of query tokens from+1..to in each kind of layer: full, windowed, behind the indexer's top-k. */
function layerPairs(facts, from, to) {
    const pairsFull = attendedPairs(from, to, null);
    return {
        pairsFull,
        pairsSliding: facts.slidingWindow === null ? pairsFull : windowPairs(from, to, facts.slidingWindow, facts.windowKind),
        // A selected key set of at most index_topk per query attends min(i, topk) keys, as a window of that size.
        pairsTopK: facts.indexer ? attendedPairs(from, to, facts.indexer.topK) : pairsFull,
    };
}
/** One request's prefill on an idle deployment: its chunks one after another, every stage in turn. */
function prefill(facts, layout, hw, workload, stages, inputTokens, mode) {
    const models = stageCostModels(facts, layout, hw, stages, mode);
    if (!models)
        return null;
    const cached = Math.floor(inputTokens * workload.prefixHitRate);
    const computed = Math.max(1, inputTokens - cached);
    const pairs = layerPairs(facts, cached, inputTokens);
    const pass = makePass({
        prefillTokens: computed,
        prefillPairsFull: pairs.pairsFull,
        prefillPairsSliding: pairs.pairsSliding,
        prefillPairsTopK: pairs.pairsTopK,
        logitTokens: 1,
        weightReads: Math.ceil(computed / workload.maxBatchedTokens),
        // Engines replay a CUDA graph for a pass only up to their capture size (vLLM's piecewise graphs);
        // SGLang and TensorRT-LLM launch prefill passes eagerly.
        eager: !workload.cudaGraphs || Math.min(computed, workload.maxBatchedTokens) > workload.profile.prefillGraphMaxTokens,
    });
    const run = runStages(models, facts, layout, hw, pass, mode);
    if (!run)
        return null;
    const ttft = serialTime(run, layout) + (mode.latency ? hw.requestOverhead : 0);
    return { ttft, perStage: run.perStage, modelFlops: modelFlops(facts, computed, pairs.pairsFull, pairs.pairsSliding, 1, false, pairs.pairsTopK) };
}
/** FLOPs of the whole model (one replica) for a pass; `pairsTopK` are the full layers' pairs behind a sparse-attention indexer. */
function modelFlops(facts, tokens, pairsFull, pairsSliding, logitTokens, decode, pairsTopK = pairsFull) {
    const full = facts.layers - facts.slidingLayers - facts.linearLayers;
    const pair = decode ? facts.attnPairFlopsDecode : facts.attnPairFlopsPrefill;
    const attended = facts.indexer ? pairsTopK : pairsFull;
    const indexer = facts.indexer ? facts.indexer.pairFlops * full * pairsFull : 0;
    const state = facts.linear ? tokens * facts.linear.stateFlopsPerToken * facts.linearLayers : 0;
    return 2 * tokens * facts.activeLayerParamsPerToken + pair * (full * attended + facts.slidingLayers * pairsSliding) + indexer + state + 2 * logitTokens * facts.lmHead;
}
/** Keys one decoding query attends to in a windowed layer at `context`. */
function windowedKeys(facts, context) {
    return facts.slidingWindow === null ? context : windowKeys(context, facts.slidingWindow, facts.windowKind);
}
/** Query tokens a decoding sequence carries per step: its speculative proposals plus one. */
const queryTokensPerStep = (workload) => (workload.speculative ? workload.speculative.tokens + 1 : 1);
/** Extra time per step of MTP/EAGLE proposals: each proposed token costs about one more decoder layer. */
function speculativeFactor(facts, workload) {
    const spec = workload.speculative;
    if (spec && (spec.method === 'mtp' || spec.method === 'eagle') && facts.layers > 0)
        return 1 + spec.tokens / facts.layers;
    return 1;
}
/** One decode step of `concurrency` sequences (the whole deployment) at `context` tokens each. */
function decodeStep(facts, layout, hw, workload, stages, concurrency, context, mode) {
    const models = stageCostModels(facts, layout, hw, stages, mode);
    if (!models)
        return null;
    const { pp, dp } = layout;
    const m = Math.max(1, layout.microbatches);
    const q = queryTokensPerStep(workload);
    const sequences = concurrency / dp / m;
    const pass = makePass({
        activeDp: dp,
        decodeSequences: sequences,
        queryTokens: q,
        decodeContext: context,
        logitTokens: sequences * q,
        eager: !workload.cudaGraphs,
    });
    const run = runStages(models, facts, layout, hw, pass, mode);
    if (!run)
        return null;
    const { perStage } = run;
    const step = pipelinedStepTime(run, layout) * speculativeFactor(facts, workload);
    const busy = perStage.reduce((s, c) => s + c.total, 0) * m;
    const bubbleFraction = pp > 1 ? Math.max(0, 1 - busy / (pp * step)) : 0;
    const worst = perStage.reduce((a, c) => (c.total > a.total ? c : a), perStage[0]);
    const commTime = worst.comm.transfer + worst.comm.latency;
    const boundBy = commTime > Math.max(worst.compute, worst.memory) ? 'communication' : worst.compute > worst.memory ? 'compute' : 'memory';
    const seqTokens = sequences * q;
    const topK = facts.indexer ? Math.min(context, facts.indexer.topK) : context;
    const flops = modelFlops(facts, seqTokens * m, seqTokens * context * m, seqTokens * windowedKeys(facts, context) * m, seqTokens * m, true, seqTokens * topK * m) * dp;
    return { step, perStage, tokensPerStep: workload.speculative ? workload.speculative.acceptance : 1, bubbleFraction, boundBy, flops };
}
/**
 * The physical ceiling of closed-loop throughput: each of the `concurrency/dp` sequences of a
 * replica is prefilled once and decoded (output-1)/accepted steps per lifetime, everything
 * overlapped (decode steps read the weights once whatever prompt tokens ride along, and prefill
 * compute adds to decode compute). Prefill passes of all dp replicas run at once, so their expert
 * work lands on the same expert devices (`pre` is built with activeDp = dp).
 */
function closedLoopBound(layout, concurrency, outputTokens, ttft, pre, dec) {
    const perReplica = concurrency / layout.dp;
    const steps = Math.max(0, outputTokens - 1) / dec.tokensPerStep;
    const slots = Math.max(layout.microbatches, layout.pp);
    const decodeCompute = Math.max(...dec.perStage.map((c) => c.compute)) * slots;
    const decodeMemory = Math.max(...dec.perStage.map((c) => c.memory)) * slots;
    // Pipelined prefills of different requests overlap across stages: the slowest stage paces them.
    const prefillCompute = Math.max(...pre.map((c) => c.compute));
    const prefillComm = Math.max(...pre.map((c) => c.comm.transfer + c.comm.latency));
    const decodeComm = Math.max(...dec.perStage.map((c) => c.comm.transfer + c.comm.latency)) * slots;
    let cycle = Math.max(steps * decodeMemory, steps * decodeCompute + perReplica * prefillCompute, steps * decodeComm + perReplica * prefillComm);
    // A request also waits for its own first token; the cycle cannot be shorter than its lifetime alone.
    cycle = Math.max(cycle, ttft + steps * dec.step);
    return { throughput: (concurrency * outputTokens) / cycle, cycle };
}
/** The prompt work of a pass holding several prompts' chunks: tokens, attended pairs, completed prompts. */
function segmentsWork(facts, segments) {
    let tokens = 0;
    let pairsFull = 0;
    let pairsSliding = 0;
    let pairsTopK = 0;
    let completes = 0;
    for (const s of segments) {
        tokens += s.to - s.from;
        const p = layerPairs(facts, s.from, s.to);
        pairsFull += p.pairsFull;
        pairsSliding += p.pairsSliding;
        pairsTopK += p.pairsTopK;
        if (s.completes)
            completes += 1;
    }
    return { tokens, pairsFull, pairsSliding, pairsTopK, completes };
}
/**
 * One prefill pass of a replica holding several prompts' chunks (continuous batching with chunked
 * prefill): the weights are read once, the pass launches its kernels once, every replica runs
 * such a pass at the same time. Seconds through every stage, or null when a figure is missing.
 */
function prefillPass(facts, layout, hw, stages, segments, mode) {
    const w = segmentsWork(facts, segments);
    if (w.tokens <= 0)
        return 0;
    const models = stageCostModels(facts, layout, hw, stages, mode);
    if (!models)
        return null;
    const pass = makePass({
        activeDp: layout.dp, prefillTokens: w.tokens, prefillPairsFull: w.pairsFull, prefillPairsSliding: w.pairsSliding, prefillPairsTopK: w.pairsTopK,
        logitTokens: w.completes, eager: true,
    });
    const run = runStages(models, facts, layout, hw, pass, mode);
    return run ? serialTime(run, layout) : null;
}

;// CONCATENATED MODULE: ./src/core/simulator.ts
// The engine's scheduler, simulated request by request (docs/formulas.md, "Serving under load").
// Every figure under load comes from here: TTFT, TPOT and throughput means, their percentiles,
// goodput. One replica is simulated (data-parallel replicas serve their share alike and step in
// lockstep, which the pass costs already account for); its passes cost what the core's cost model
// says. Two scheduling policies cover the engines:
//  - 'mixed' (vLLM V1, TensorRT-LLM in-flight batching): every step carries one token of each
//    running sequence, and prompt chunks fill the rest of the token budget (max_batched_tokens);
//  - 'prefill-first' (SGLang's default): while prompts wait and there is room, a prefill pass of
//    up to max_batched_tokens runs and decoding waits; otherwise one decode step of all running.
// A request is admitted (its prefill may start) only while fewer than `maxRunning` sequences hold
// KV cache: engines queue what does not fit. Decode steps between events are taken in strides
// (the batch is constant and the context grows linearly), so a run costs O(events), not O(tokens).
/** Beyond this many events a simulation stops (a hostile plan cannot stall a check). */
const MAX_EVENTS = 1_000_000;
/**
 * Events a run costs at most, about: each request arrives, has its prompt passes (one per chunk of
 * the budget, shared or not), joins and finishes. Callers shrink or refuse a run above their budget.
 */
function estimatedEvents(requests, longestInput, maxBatchedTokens) {
    return requests * (Math.ceil(longestInput / Math.max(1, maxBatchedTokens)) + 4);
}
/** Radical inverse of i in base b: a low-discrepancy sequence in [0, 1), spread evenly without randomness. */
function radicalInverse(i, base) {
    let f = 1;
    let r = 0;
    for (let n = i; n > 0; n = Math.floor(n / base)) {
        f /= base;
        r += f * (n % base);
    }
    return r;
}
/**
 * `count` lengths uniform in [ratio x longest, longest] whose mean is `mean` (longest = 2 mean / (1 + ratio)),
 * in a deterministic scrambled order (`base` differs for inputs and outputs so the two are uncorrelated).
 */
function benchmarkLengths(mean, ratio, count, base) {
    const longest = (2 * mean) / (1 + ratio);
    const shortest = ratio * longest;
    const out = [];
    for (let i = 0; i < count; i++) {
        const u = radicalInverse(i + 1, base);
        out.push(Math.max(1, Math.round(shortest + u * (longest - shortest))));
    }
    return out;
}
/** Deterministic PRNG (mulberry32): the same plan always gets the same arrivals. */
function prng(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/** Standard normal by Box-Muller. */
function normal(rand) {
    const u = Math.max(rand(), 1e-300);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}
/** Gamma(shape, 1) variate (Marsaglia-Tsang; shape < 1 by the boost u^(1/shape)). */
function gammaVariate(shape, rand) {
    if (shape < 1)
        return gammaVariate(shape + 1, rand) * Math.pow(Math.max(rand(), 1e-300), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
        const x = normal(rand);
        const v = (1 + c * x) ** 3;
        if (v <= 0)
            continue;
        const u = rand();
        if (Math.log(Math.max(u, 1e-300)) < 0.5 * x * x + d - d * v + d * Math.log(v))
            return d * v;
    }
}
/**
 * Arrival times of `count` requests at `rate` per second: constant gaps, exponential gaps (poisson)
 * or gamma gaps of shape `burstiness` and the same mean (vLLM's benchmark --burstiness).
 */
function arrivalTimes(count, rate, process, burstiness, seed = 1) {
    const rand = prng(seed);
    const out = [];
    let t = 0;
    for (let i = 0; i < count; i++) {
        out.push(t);
        const mean = 1 / rate;
        if (process === 'constant')
            t += mean;
        else if (process === 'poisson' || burstiness === 1)
            t += -Math.log(1 - rand()) * mean;
        else
            t += gammaVariate(burstiness, rand) * (mean / burstiness);
    }
    return out;
}
/** Linear-interpolated percentile of a sorted array, q in [0, 1]. */
function percentile(sorted, q) {
    if (sorted.length === 0)
        return NaN;
    const pos = q * (sorted.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
function summarize(values) {
    const sorted = Float64Array.from(values).sort();
    const s = Array.from(sorted);
    return { mean: values.reduce((a, b) => a + b, 0) / values.length, p50: percentile(s, 0.5), p90: percentile(s, 0.9), p99: percentile(s, 0.99) };
}
/** Binary min-heap of running requests by finishStep. */
class FinishHeap {
    items = [];
    get size() {
        return this.items.length;
    }
    peek() {
        return this.items[0];
    }
    push(r) {
        const a = this.items;
        a.push(r);
        let i = a.length - 1;
        while (i > 0) {
            const p = (i - 1) >> 1;
            if (a[p].finishStep <= r.finishStep)
                break;
            a[i] = a[p];
            i = p;
        }
        a[i] = r;
    }
    pop() {
        const a = this.items;
        const top = a[0];
        const last = a.pop();
        if (a.length > 0 && last) {
            let i = 0;
            for (;;) {
                const l = 2 * i + 1;
                const r = l + 1;
                let m = i;
                let best = last.finishStep;
                if (l < a.length && a[l].finishStep < best) {
                    m = l;
                    best = a[l].finishStep;
                }
                if (r < a.length && a[r].finishStep < best)
                    m = r;
                if (m === i)
                    break;
                a[i] = a[m];
                i = m;
            }
            a[i] = last;
        }
        return top;
    }
}
/** Most decode steps taken in one stride: the context's growth over a stride stays small. */
const MAX_STRIDE = 64;
/** Simulates one replica serving `load`; null when a pass cost is missing. */
function simulate(load, engine, costs) {
    const n = Math.max(1, Math.floor(load.requests));
    const warmup = Math.min(Math.max(0, Math.floor(load.warmup)), n - 1);
    const measuredTarget = n - warmup;
    const tps = Math.max(1, engine.tokensPerStep);
    const budget = Math.max(1, Math.floor(engine.maxBatchedTokens));
    const maxRunning = Math.max(1, Math.floor(engine.maxRunning));
    const recvInterval = Math.max(1, Math.floor(engine.recvInterval));
    const clients = Math.max(1, load.clients === Infinity ? Infinity : Math.floor(load.clients));
    // A steady open loop keeps arriving while the measured requests finish (no drained tail).
    const arrivalsAt = load.kind === 'open' ? arrivalTimes(load.finite ? n : Math.ceil(n * 1.25), load.rate, load.arrival, load.burstiness) : null;
    const reqs = [];
    const make = (i, sent) => {
        const input = load.inputs[i % load.inputs.length];
        const output = load.outputs[i % load.outputs.length];
        const r = {
            index: i, input, output, sent, arrives: sent + engine.requestOverhead,
            prefilled: Math.min(input - 1, Math.floor(input * engine.prefixHitRate)), firstToken: 0, finishStep: 0, contextBase: 0,
        };
        reqs.push(r);
        return r;
    };
    // Requests on their way to the engine, in arrival order (a FIFO with a moving head).
    const pending = [];
    let pendingHead = 0;
    const waiting = []; // seen by the engine, prompt not fully prefilled, FIFO
    let waitingHead = 0;
    const running = new FinishHeap();
    let inPrefill = 0; // admitted (holding KV) but not yet decoding: waiting[waitingHead .. waitingHead+inPrefill)
    let decodeStep = 0;
    let contextBaseSum = 0;
    let t = 0;
    /** when the last request finished (a slot freed for a request the client's cap held back) */
    let lastFinish = 0;
    let sentCount = 0;
    let inFlight = 0;
    let nextOpen = 0; // next open-loop arrival to release
    const send = (at) => {
        if (sentCount >= n && load.finite)
            return;
        const r = make(sentCount++, at);
        inFlight++;
        // Keep the queue in arrival order (a request may be sent at a time before one already queued).
        let slot = pending.length;
        while (slot > pendingHead && pending[slot - 1].arrives > r.arrives)
            slot--;
        pending.splice(slot, 0, r);
    };
    const releaseOpen = () => {
        // Open loop: arrivals up to now, while fewer than `clients` are in flight (the client's cap).
        if (!arrivalsAt)
            return;
        // A request held back by the cap is sent when a slot frees: its TTFT counts from then.
        while (nextOpen < arrivalsAt.length && arrivalsAt[nextOpen] <= t && inFlight < clients) {
            send(Math.max(arrivalsAt[nextOpen], lastFinish));
            nextOpen++;
        }
    };
    if (arrivalsAt) {
        releaseOpen();
    }
    else {
        for (let i = 0; i < Math.min(clients, n); i++)
            send(0);
    }
    const ttfts = [];
    const tpots = [];
    const e2es = [];
    let measuredDone = 0;
    let windowStart = NaN;
    let tokensAtStart = 0;
    let tokens = 0;
    let busy = 0;
    let busyAtStart = 0;
    let flops = 0;
    let flopsAtStart = 0;
    let steps = 0;
    let decodingSteps = 0;
    let batchSum = 0;
    let peakRunning = 0;
    let events = 0;
    // With an overlap scheduler a pass's outputs reach the client when the next pass ends: first
    // tokens and finishes wait here for it.
    const lagged = engine.outputLag > 0;
    let deferredFirst = [];
    let deferredFinish = [];
    /** Stamps what earlier passes produced; `at` is when the pass that followed them ended. */
    const release = (first, done, at) => {
        for (const r of first)
            r.firstToken = at;
        for (const r of done)
            finish(r, at);
    };
    const finish = (r, at) => {
        inFlight--;
        lastFinish = at;
        if (r.index >= warmup && r.index < n) {
            measuredDone++;
            ttfts.push(r.firstToken - r.sent);
            e2es.push(at - r.sent);
            if (r.output > 1)
                tpots.push((at - r.firstToken) / (r.output - 1));
        }
        if (!arrivalsAt) {
            // Closed loop: the client sends its next request at once.
            if (load.finite ? sentCount < n : measuredDone < measuredTarget)
                send(at);
        }
    };
    const noteWindowStart = () => {
        if (Number.isNaN(windowStart) && sentCount > warmup) {
            windowStart = reqs[warmup].sent;
            tokensAtStart = tokens;
            busyAtStart = busy;
            flopsAtStart = flops;
        }
    };
    const join = (r) => {
        // First token out at the end of the pass that completed its prompt (a step later with overlap).
        tokens += 1;
        if (lagged)
            deferredFirst.push(r);
        else
            r.firstToken = t;
        if (r.output <= 1) {
            if (lagged)
                deferredFinish.push(r);
            else
                finish(r, t);
            return;
        }
        r.finishStep = decodeStep + Math.ceil((r.output - 1) / tps);
        // context = input + 1 + (decodeStep - joinStep) * tps
        r.contextBase = r.input + 1 - decodeStep * tps;
        contextBaseSum += r.contextBase;
        running.push(r);
    };
    const retire = () => {
        for (let top = running.peek(); top && top.finishStep <= decodeStep; top = running.peek()) {
            running.pop();
            contextBaseSum -= top.contextBase;
            if (lagged)
                deferredFinish.push(top);
            else
                finish(top, t);
        }
    };
    const meanContext = (extraSteps = 0) => running.size === 0 ? 0 : (contextBaseSum + running.size * (decodeStep + extraSteps) * tps) / running.size;
    const slotsFree = () => maxRunning - running.size - inPrefill;
    /** Fills one pass's prompt budget from the waiting queue, oldest first; admits new prompts while KV slots are free. */
    const fillPrefill = (room) => {
        let left = room;
        const work = { tokens: 0, pairsFull: 0, pairsSliding: 0, pairsTopK: 0, completes: 0 };
        const completed = [];
        for (let i = waitingHead; i < waiting.length && left > 0; i++) {
            const r = waiting[i];
            if (i - waitingHead >= inPrefill) {
                if (slotsFree() <= 0)
                    break;
                inPrefill++;
            }
            const take = Math.min(r.input - r.prefilled, left);
            const from = r.prefilled;
            const to = from + take;
            work.tokens += take;
            const p = load.pairs(from, to);
            work.pairsFull += p.pairsFull;
            work.pairsSliding += p.pairsSliding;
            work.pairsTopK += p.pairsTopK;
            left -= take;
            r.prefilled = to;
            if (to >= r.input) {
                work.completes++;
                completed.push(r);
            }
        }
        return work.tokens > 0 ? { work, completed } : null;
    };
    const popCompleted = (completed) => {
        // The pass took the oldest prompts in order: all it completed lead the queue.
        waitingHead += completed.length;
        inPrefill -= completed.length;
        if (waitingHead > 1024 && waitingHead * 2 > waiting.length) {
            waiting.splice(0, waitingHead);
            waitingHead = 0;
        }
        for (const r of completed)
            join(r);
    };
    let truncated = false;
    while (load.finite ? measuredDone < measuredTarget || running.size > 0 || sentCount < n : measuredDone < measuredTarget) {
        if (++events > MAX_EVENTS) {
            truncated = true;
            break;
        }
        releaseOpen();
        // A busy scheduler reads its queue only every recvInterval steps; an idle one at once.
        const idle = running.size === 0 && waiting.length === waitingHead;
        if (idle || steps % recvInterval === 0) {
            while (pendingHead < pending.length && pending[pendingHead].arrives <= t)
                waiting.push(pending[pendingHead++]);
        }
        if (pendingHead > 1024 && pendingHead * 2 > pending.length) {
            pending.splice(0, pendingHead);
            pendingHead = 0;
        }
        noteWindowStart();
        const hasWaiting = waiting.length > waitingHead && (inPrefill > 0 || slotsFree() > 0);
        const batch = running.size;
        if (hasWaiting && (engine.policy === 'prefill-first' || batch * tps < budget || batch === 0)) {
            // A pass with prompt work: prefill alone (prefill-first) or riding along the decodes (mixed).
            const decoding = engine.policy === 'mixed' ? batch : 0;
            const filled = fillPrefill(budget - (engine.policy === 'mixed' ? Math.min(budget - 1, decoding * tps) : 0));
            if (filled) {
                const cost = costs.step(filled.work, decoding, meanContext());
                if (!cost)
                    return null;
                const dt = cost.time + engine.stepOverhead;
                const [first, done] = [deferredFirst, deferredFinish];
                deferredFirst = [];
                deferredFinish = [];
                t += dt;
                release(first, done, t);
                busy += dt;
                flops += cost.flops;
                steps++;
                if (decoding > 0) {
                    decodeStep++;
                    decodingSteps++;
                    batchSum += decoding;
                    tokens += decoding * tps;
                    retire();
                }
                popCompleted(filled.completed);
                peakRunning = Math.max(peakRunning, running.size + inPrefill);
                continue;
            }
        }
        if (batch > 0) {
            // Decode steps until the next event: a sequence finishes, or a request reaches the engine.
            const top = running.peek();
            let stride = Math.min(MAX_STRIDE, Math.max(1, top.finishStep - decodeStep));
            const probe = costs.step(null, batch, meanContext((stride - 1) / 2));
            if (!probe)
                return null;
            const dt1 = probe.time + engine.stepOverhead;
            const nextArrival = nextEventTime();
            if (nextArrival !== null && (engine.policy === 'prefill-first' || batch * tps < budget)) {
                // Stop at the first step boundary after the next request arrives that reads the queue.
                let k = Math.max(0, Math.ceil((nextArrival - t) / dt1));
                if (recvInterval > 1)
                    k += (recvInterval - ((steps + k) % recvInterval)) % recvInterval;
                stride = Math.max(1, Math.min(stride, k));
            }
            // Outputs held by an overlap scheduler go out when this step ends: a closed loop's client may
            // then send at once, so take this one step alone.
            if (deferredFirst.length > 0 || deferredFinish.length > 0)
                stride = 1;
            const cost = stride === 1 ? probe : costs.step(null, batch, meanContext((stride - 1) / 2));
            if (!cost)
                return null;
            const dt = (cost.time + engine.stepOverhead) * stride;
            const [first, done] = [deferredFirst, deferredFinish];
            deferredFirst = [];
            deferredFinish = [];
            release(first, done, t + cost.time + engine.stepOverhead);
            t += dt;
            busy += dt;
            flops += cost.flops * stride;
            steps += stride;
            decodingSteps += stride;
            batchSum += batch * stride;
            tokens += batch * tps * stride;
            decodeStep += stride;
            retire();
            continue;
        }
        // Idle: outputs still held by the overlap scheduler go out now; wait for the next request.
        if (deferredFirst.length > 0 || deferredFinish.length > 0) {
            const [first, done] = [deferredFirst, deferredFinish];
            deferredFirst = [];
            deferredFinish = [];
            release(first, done, t);
            continue;
        }
        const next = nextEventTime();
        if (next === null)
            break; // nothing left to come
        t = Math.max(t, next);
    }
    function nextEventTime() {
        let next = pendingHead < pending.length ? pending[pendingHead].arrives : null;
        if (arrivalsAt && nextOpen < arrivalsAt.length && inFlight < clients) {
            const a = arrivalsAt[nextOpen] + engine.requestOverhead;
            next = next === null ? a : Math.min(next, a);
        }
        return next;
    }
    if (ttfts.length === 0)
        return null;
    const start = Number.isNaN(windowStart) ? 0 : windowStart;
    const end = load.finite ? Math.max(t, lastFinish) : lastFinish;
    const span = Math.max(end - start, 1e-12);
    return {
        requests: sentCount,
        measured: measuredDone,
        ttft: summarize(ttfts),
        tpot: tpots.length > 0 ? summarize(tpots) : null,
        e2e: summarize(e2es),
        throughput: load.finite ? tokens / Math.max(end, 1e-12) : (tokens - tokensAtStart) / span,
        wallTime: end,
        steps,
        meanBatch: decodingSteps > 0 ? batchSum / decodingSteps : 0,
        peakRunning,
        busyFraction: Math.min(1, (busy - busyAtStart) / span),
        flopsPerSecond: (flops - flopsAtStart) / span,
        truncated,
    };
}

;// CONCATENATED MODULE: ./src/core/stages.ts
/**
 * Default split of `layers` over `pp` stages: an even share each; the remainder goes to the
 * stages just before the last one, which already carries the LM head (vLLM's get_pp_indices
 * does the same). Returns null when there are fewer layers than stages.
 */
function defaultSplit(layers, pp) {
    if (pp > layers)
        return null;
    const base = Math.floor(layers / pp);
    const split = new Array(pp).fill(base);
    let rest = layers - base * pp;
    for (let i = pp - 2; rest > 0 && i >= 0; i--, rest--)
        split[i] += 1;
    if (rest > 0)
        split[pp - 1] += rest; // pp === 1
    return split;
}
function buildStages(facts, pp, explicit) {
    let split;
    if (facts.layersVirtual)
        split = new Array(pp).fill(facts.layers / pp);
    else
        split = explicit ?? defaultSplit(facts.layers, pp);
    if (!split || split.length !== pp)
        return null;
    const stages = [];
    let first = 0;
    for (let i = 0; i < pp; i++) {
        const n = split[i];
        // Dense layers lead (DeepSeek's first_k_dense_replace) unless they alternate with MoE layers (Llama 4).
        const dense = facts.interleavedDense && facts.layers > 0
            ? (n * facts.denseLayers) / facts.layers
            : Math.max(0, Math.min(facts.denseLayers, first + n) - first);
        // Sliding-window and linear-attention layers interleave with full ones (gpt-oss alternates,
        // Qwen3.5 puts one full layer after every three linear ones): spread them evenly.
        const sliding = facts.layers > 0 ? (n * facts.slidingLayers) / facts.layers : 0;
        const linear = facts.layers > 0 ? (n * facts.linearLayers) / facts.layers : 0;
        stages.push({
            index: i,
            layers: n,
            denseLayers: dense,
            moeLayers: n - dense,
            slidingLayers: sliding,
            linearLayers: linear,
            mtpLayers: i === pp - 1 ? facts.mtpLayers : 0,
            hasEmbedding: i === 0,
            hasLmHead: i === pp - 1,
        });
        first += n;
    }
    return stages;
}

;// CONCATENATED MODULE: ./src/core/estimates.ts
// Every estimate and bound of a plan: memory per stage, KV capacity, idle TTFT, decode step, the
// plan's load simulated request by request (TTFT, TPOT, throughput, percentiles, goodput), once at
// the plan's efficiencies and, for the bounds, with every efficiency at 1.






/** Which plan keys the time estimates need beyond the model's shape. */
function timeMissing(r, plan) {
    const m = [];
    const hw = r.hardware;
    if (hw.peak16 === undefined)
        m.push('hardware.peak_tflops');
    if (hw.memoryBandwidth === undefined)
        m.push('hardware.memory_bandwidth');
    const { tp, ep, cp, pp } = r.layout;
    const talks = tp > 1 || (ep > 1 && plan.model.moe !== undefined) || cp > 1 || pp > 1;
    if (talks && hw.intraBandwidth === undefined)
        m.push('hardware.intra_node_bandwidth');
    if ((hw.gpus ?? r.layout.worldSize) > hw.gpusPerNode && hw.interBandwidth === undefined)
        m.push('hardware.inter_node_bandwidth');
    return m;
}
/** Latency requirements judged against simulated figures (goodput holds them all). */
const LATENCY_KEYS = ['ttft', 'tpot', 'ttft_p50', 'ttft_p90', 'ttft_p99', 'tpot_p50', 'tpot_p90', 'tpot_p99', 'e2e_p99'];
/** The simulated figure a latency requirement is judged against, seconds. */
function latencyFigure(out, key) {
    switch (key) {
        case 'ttft': return out.ttft.mean;
        case 'tpot': return out.tpot?.mean ?? null;
        case 'ttft_p50': return out.ttft.p50;
        case 'ttft_p90': return out.ttft.p90;
        case 'ttft_p99': return out.ttft.p99;
        case 'tpot_p50': return out.tpot?.p50 ?? null;
        case 'tpot_p90': return out.tpot?.p90 ?? null;
        case 'tpot_p99': return out.tpot?.p99 ?? null;
        case 'e2e_p99': return out.e2e.p99;
    }
}
function compute(loaded, r, est, bound, options = {}) {
    const { layout, hardware: hw, workload: wl } = r;
    const plan = loaded.plan;
    const stagesEst = est ? buildStages(est, layout.pp, layout.layersPerStage) : null;
    const stagesBound = bound ? buildStages(bound, layout.pp, layout.layersPerStage) : null;
    const memory = memoryFigures(r, est, bound, stagesEst, stagesBound);
    const maxRunning = runningCap(r, memory);
    const estMode = { efficiency: hw.efficiency, latency: true, overlap: false, unknownIsFree: false };
    const finite = (v) => (v === undefined || v === null || !Number.isFinite(v) || v <= 0 ? null : v);
    const estModels = est && stagesEst ? stageCostModels(est, layout, hw, stagesEst, estMode) : null;
    const boundModels = bound && stagesBound ? stageCostModels(bound, layout, hw, stagesBound, BOUND_MODE) : null;
    // Idle TTFT: one request alone; its floor is the floor of every TTFT under load.
    const idleEst = est && stagesEst && wl.inputTokens !== undefined ? prefill(est, layout, hw, wl, stagesEst, wl.inputTokens, estMode) : null;
    const idleBound = bound && stagesBound ? prefill(bound, layout, hw, wl, stagesBound, wl.inputTokens ?? 1, BOUND_MODE) : null;
    // The decode step at the batch that actually runs: the plan's concurrency, or what the KV cache holds.
    const running = wl.concurrency !== undefined ? Math.min(wl.concurrency, (maxRunning ?? Infinity) * layout.dp) : undefined;
    // What runs at once in the whole deployment: the engine's cap and the KV cache, at most the load.
    const deploymentRunning = maxRunning !== null ? Math.min(wl.concurrency ?? Infinity, maxRunning * layout.dp) : memory.maxRunning;
    const meanContext = wl.inputTokens !== undefined ? wl.inputTokens + (wl.outputTokens ?? 0) / 2 : undefined;
    const decEst = est && stagesEst && running !== undefined && meanContext !== undefined && wl.outputTokens !== undefined
        ? decodeStep(est, layout, hw, wl, stagesEst, running, meanContext, estMode) : null;
    // For a bound, an unknown prompt is the cheapest (1 token) and unknown output endless decoding.
    const boundContext = (wl.inputTokens ?? 1) + (wl.outputTokens ?? 0) / 2;
    const decBound = bound && stagesBound && running !== undefined ? decodeStep(bound, layout, hw, wl, stagesBound, running, boundContext, BOUND_MODE) : null;
    // Throughput ceiling: the plan's concurrency all decoding (a larger batch is never slower per token).
    let throughputBound = null;
    if (bound && stagesBound && boundModels && wl.concurrency !== undefined) {
        const full = decodeStep(bound, layout, hw, wl, stagesBound, wl.concurrency, boundContext, BOUND_MODE);
        if (full && finite(full.step) !== null) {
            if (wl.outputTokens === undefined)
                throughputBound = finite((wl.concurrency * full.tokensPerStep) / full.step);
            else {
                const pre = boundPrefillPass(bound, r, stagesBound, boundModels, wl.inputTokens ?? 1);
                if (pre)
                    throughputBound = finite(closedLoopBound(layout, wl.concurrency, wl.outputTokens, idleBound?.ttft ?? 0, pre, full).throughput);
            }
        }
    }
    // The load, simulated.
    const costs = est && stagesEst && estModels ? replicaStepCosts(est, r, stagesEst, estModels, estMode) : null;
    const loadResult = costs && est && maxRunning !== null ? simulateLoad(r, est, costs, maxRunning, 'plan') : null;
    const load = loadResult && 'outcome' in loadResult ? loadResult : null;
    const loadSkipped = loadResult && 'skipped' in loadResult ? loadResult.skipped : null;
    const tokensPerStep = wl.speculative ? wl.speculative.acceptance : 1;
    const req = plan.requirements;
    const latencyReqs = LATENCY_KEYS.filter((k) => req[k] !== undefined);
    const wantGoodput = options.goodput === true || req.request_rate !== undefined || (wl.requestRate !== undefined && latencyReqs.length > 0);
    const maxRequestRate = wantGoodput && costs && est && maxRunning !== null ? goodput(r, est, costs, maxRunning, req, latencyReqs) : null;
    const gpus = hw.gpus ?? layout.worldSize;
    const computeUtilization = load && hw.peak16 ? (load.outcome.flopsPerSecond * layout.dp) / (gpus * hw.peak16) : null;
    return {
        stagesEst, stagesBound, ...memory,
        maxRunning: deploymentRunning,
        runningPerReplica: maxRunning,
        ttft: load?.outcome.ttft.mean ?? idleEst?.ttft ?? null,
        ttftIdle: idleEst?.ttft ?? null,
        ttftFloor: finite(idleBound?.ttft),
        step: decEst?.step ?? null,
        stepFloor: finite(decBound?.step),
        tpot: load ? (load.outcome.tpot?.mean ?? null) : null,
        tpotFloor: finite(bound && stagesBound && (wl.concurrency !== undefined || wl.requestRate !== undefined) && wl.outputTokens !== undefined && wl.outputTokens > 1
            ? tpotFloor(bound, r, stagesBound, tokensPerStep) : null),
        throughput: load?.throughput ?? null,
        throughputBound,
        computeUtilization,
        bubble: decEst?.bubbleFraction ?? null,
        stageDecode: decEst ? decEst.perStage.map((p) => p.total) : null,
        boundDecodeBy: decBound?.boundBy ?? null,
        boundBy: decEst?.boundBy ?? null,
        load,
        maxRequestRate,
        requestRateBound: requestRateBound(bound, r, stagesBound, boundModels, throughputBound),
        loadSkipped,
    };
}
/**
 * Sequences one replica runs at once: the engine's cap, and what its KV cache holds (engine-memory.ts,
 * maxRunningSequences). Paged engines (vLLM, SGLang) hold each running sequence's tokens so far, on
 * average its prompt and half its output; TensorRT-LLM's default scheduler reserves the whole request
 * at admission.
 */
function runningCap(r, memory) {
    const wl = r.workload;
    if (!memory.kvBudget || wl.inputTokens === undefined || wl.outputTokens === undefined)
        return null;
    const context = wl.profile.reservesWholeSequence ? wl.inputTokens + wl.outputTokens : wl.inputTokens + wl.outputTokens / 2;
    const fits = maxRunningSequences({ ...memory.kvBudget, engineMax: wl.maxRunningCap }, context);
    return Math.max(1, fits);
}
/** The prefill pass of one prompt on every replica at once (their expert work meets on the expert devices). */
function boundPrefillPass(facts, r, stages, models, input) {
    const wl = r.workload;
    const cached = Math.floor(input * wl.prefixHitRate);
    const computed = Math.max(1, input - cached);
    const pairs = layerPairs(facts, cached, input);
    const pass = makePass({
        activeDp: r.layout.dp,
        prefillTokens: computed,
        prefillPairsFull: pairs.pairsFull,
        prefillPairsSliding: pairs.pairsSliding,
        prefillPairsTopK: pairs.pairsTopK,
        logitTokens: 1,
    });
    return runStages(models, facts, r.layout, r.hardware, pass, BOUND_MODE)?.perStage ?? null;
}
/**
 * TPOT floor under load: while other requests wait for their first token, fewer sequences decode,
 * down to one per replica (a closed loop whose prompts queue, an open loop at a low rate, a run's
 * tail), so the floor is one sequence's step at the shortest context.
 */
function tpotFloor(facts, r, stages, tokensPerStep) {
    const wl = r.workload;
    const ratio = wl.benchmark?.inputRangeRatio ?? 1;
    const shortest = wl.inputTokens !== undefined ? Math.max(1, Math.floor((2 * wl.inputTokens * ratio) / (1 + ratio) * (1 - wl.prefixHitRate))) : 1;
    const step = decodeStep(facts, r.layout, r.hardware, wl, stages, r.layout.dp, shortest, BOUND_MODE)?.step;
    return step === undefined ? null : step / tokensPerStep;
}
/**
 * Physical ceiling of the request rate: every request's prompt and output cost at least their FLOPs
 * on the busiest device and each output token reads its sequence's KV cache (weights are shared by
 * an arbitrarily large batch); a closed loop's concurrency also caps the rate at its throughput
 * ceiling over the output length.
 */
function requestRateBound(facts, r, stages, models, throughputBound) {
    const wl = r.workload;
    if (!facts || !stages || !models || wl.inputTokens === undefined || wl.outputTokens === undefined)
        return null;
    const { layout } = r;
    const q = queryTokensPerStep(wl);
    const steps = Math.max(0, wl.outputTokens - 1) / (wl.speculative ? wl.speculative.acceptance : 1);
    const pre = boundPrefillPass(facts, r, stages, models, wl.inputTokens);
    const dec = runStages(models, facts, layout, r.hardware, makePass({ activeDp: layout.dp, decodeSequences: 1, queryTokens: q, decodeContext: wl.inputTokens + wl.outputTokens / 2, logitTokens: q }), BOUND_MODE);
    if (!pre || !dec)
        return null;
    // Per device: the seconds one request per replica costs; stages work on different requests at once.
    let worst = 0;
    for (let i = 0; i < stages.length; i++) {
        const kvRead = stageKvBytesPerSequence(facts, layout, stages[i], wl.inputTokens + wl.outputTokens / 2) / (r.hardware.memoryBandwidth ?? Infinity);
        const work = Math.max(pre[i].compute + steps * dec.perStage[i].compute, steps * kvRead);
        worst = Math.max(worst, work);
    }
    let bound = worst > 0 ? layout.dp / worst : Infinity;
    if (wl.concurrency !== undefined && wl.requestRate === undefined && throughputBound !== null)
        bound = Math.min(bound, throughputBound / wl.outputTokens);
    return Number.isFinite(bound) && bound > 0 ? bound : null;
}
/** Step costs of one replica at the estimate's efficiencies, for the simulator. */
function replicaStepCosts(facts, r, stages, models, mode) {
    const { layout, hardware: hw, workload: wl } = r;
    const engine = wl.profile;
    const q = queryTokensPerStep(wl);
    const spec = speculativeFactor(facts, wl);
    const m = Math.max(1, layout.microbatches);
    const graphs = wl.cudaGraphs;
    const single = layout.pp === 1 && m === 1 ? models[0] : null;
    // One pass object, refilled per call: the simulator asks for tens of thousands.
    const pass = makePass({ activeDp: layout.dp, queryTokens: q });
    return {
        step(prefillWork, batch, context) {
            const prefillTokens = prefillWork?.tokens ?? 0;
            const tokens = prefillTokens + batch * q;
            // Passes with prompt tokens replay a graph only up to the engine's capture size; decode-only
            // steps replay one up to the engine's largest captured batch.
            pass.eager = !graphs || (prefillTokens > 0 ? tokens > engine.prefillGraphMaxTokens : batch > engine.decodeGraphMaxBatch);
            const split = prefillTokens > 0 && batch === 0 ? 1 : m;
            pass.prefillTokens = prefillTokens / split;
            pass.prefillPairsFull = (prefillWork?.pairsFull ?? 0) / split;
            pass.prefillPairsSliding = (prefillWork?.pairsSliding ?? 0) / split;
            pass.prefillPairsTopK = (prefillWork?.pairsTopK ?? 0) / split;
            pass.decodeSequences = batch / split;
            pass.decodeContext = context;
            pass.logitTokens = ((prefillWork?.completes ?? 0) + batch * q) / split;
            let time;
            if (single) {
                const c = single.evaluate(pass);
                if (!c)
                    return null;
                time = c.total;
            }
            else {
                const run = runStages(models, facts, layout, hw, pass, mode);
                if (!run)
                    return null;
                time = split === 1 && layout.pp > 1 ? serialTime(run, layout) : pipelinedStepTime(run, layout);
            }
            if (batch > 0)
                time *= spec;
            const topK = facts.indexer ? Math.min(context, facts.indexer.topK) : context;
            const flops = modelFlops(facts, prefillTokens, prefillWork?.pairsFull ?? 0, prefillWork?.pairsSliding ?? 0, prefillWork?.completes ?? 0, false, prefillWork?.pairsTopK ?? 0) +
                modelFlops(facts, batch * q, batch * q * context, batch * q * windowedKeys(facts, context), batch * q, true, batch * q * topK);
            return { time, flops: tokens > 0 ? flops : 0 };
        },
    };
}
/** How many requests a steady-state simulation sends, and how many it measures. */
const STEADY_WARMUP_WAVES = 2;
const STEADY_MEASURED_WAVES = 3;
const STEADY_MIN_MEASURED = 64;
const STEADY_MAX_REQUESTS = 24_000;
const OPEN_LOOP_REQUESTS = 2_000;
/** Events one simulation may cost (about 0.1-0.3 s): a steady state is measured on fewer requests above it, a declared run is not simulated. */
const SIMULATION_EVENT_BUDGET = 400_000;
/** The engine behaviour a plan implies. */
function engineBehaviour(r, maxRunning) {
    const wl = r.workload;
    return {
        policy: wl.profile.policy,
        maxBatchedTokens: wl.maxBatchedTokens,
        maxRunning,
        requestOverhead: r.hardware.requestOverhead,
        stepOverhead: r.hardware.stepOverhead,
        tokensPerStep: wl.speculative ? wl.speculative.acceptance : 1,
        prefixHitRate: wl.prefixHitRate,
        recvInterval: wl.recvInterval,
        outputLag: wl.profile.outputLagSteps,
    };
}
/**
 * Simulates the plan's load on one replica ('plan'), or an open loop at `rate` (goodput search).
 * Closed loops without a declared run are measured in steady state (two waves of warm-up, then at
 * least three waves measured while the clients keep sending); declared benchmark runs are simulated
 * as they ran, ramp-up and tail included.
 */
function simulateLoad(r, facts, costs, maxRunning, which) {
    const { layout, workload: wl } = r;
    if (wl.inputTokens === undefined || wl.outputTokens === undefined)
        return null;
    const open = which !== 'plan' || wl.requestRate !== undefined;
    if (!open && wl.concurrency === undefined)
        return null;
    const replicas = layout.dp;
    // A steady state without a declared run takes the stated lengths as they are: a closed loop of
    // equal requests stays in lockstep, as NVIDIA's fixed-length sweeps show for SGLang and
    // TensorRT-LLM (validation/README.md); a declared run gives its own spread.
    const ratioIn = wl.benchmark?.inputRangeRatio ?? 1;
    const longestInput = Math.ceil((2 * wl.inputTokens) / (1 + ratioIn));
    const ratioOut = wl.benchmark?.outputRangeRatio ?? 1;
    let load;
    if (open) {
        const rate = which === 'plan' ? wl.requestRate : which.rate;
        let requests = which === 'plan' ? (wl.benchmark ? Math.ceil(wl.benchmark.requests / replicas) : OPEN_LOOP_REQUESTS) : which.requests;
        const fitted = fitBudget(requests, longestInput, wl.maxBatchedTokens, wl.benchmark !== null);
        if (fitted === null)
            return tooComplex(requests, longestInput, wl.maxBatchedTokens);
        requests = fitted;
        const lengths = Math.min(requests, 4096);
        load = {
            kind: 'open', clients: wl.concurrency !== undefined ? Math.max(1, wl.concurrency / replicas) : Infinity, rate: rate / replicas,
            arrival: wl.arrival, burstiness: wl.burstiness, requests, warmup: wl.benchmark ? 0 : Math.floor(requests / 10), finite: wl.benchmark !== null,
            inputs: benchmarkLengths(wl.inputTokens, ratioIn, lengths, 2), outputs: benchmarkLengths(wl.outputTokens, ratioOut, lengths, 3),
            pairs: (from, to) => layerPairs(facts, from, to),
        };
    }
    else {
        const active = Math.max(1, Math.min(replicas, Math.round(wl.concurrency)));
        const clients = Math.max(1, Math.round(wl.concurrency / active));
        let requests;
        let warmup;
        if (wl.benchmark) {
            requests = Math.max(1, Math.round(wl.benchmark.requests / active));
            warmup = 0;
            if (fitBudget(requests, longestInput, wl.maxBatchedTokens, true) === null)
                return tooComplex(requests, longestInput, wl.maxBatchedTokens);
        }
        else {
            const measured = Math.max(STEADY_MIN_MEASURED, STEADY_MEASURED_WAVES * clients);
            warmup = STEADY_WARMUP_WAVES * clients;
            requests = Math.min(STEADY_MAX_REQUESTS, warmup + measured);
            const fitted = fitBudget(requests + clients, longestInput, wl.maxBatchedTokens, false);
            if (fitted === null)
                return tooComplex(requests, longestInput, wl.maxBatchedTokens);
            requests = Math.min(requests, fitted);
            warmup = Math.min(warmup, Math.floor(requests / 2));
        }
        const lengths = Math.min(requests + clients, 4096);
        load = {
            kind: 'closed', clients, rate: 0, arrival: 'poisson', burstiness: 1, requests, warmup, finite: wl.benchmark !== null,
            inputs: benchmarkLengths(wl.inputTokens, ratioIn, lengths, 2), outputs: benchmarkLengths(wl.outputTokens, ratioOut, lengths, 3),
            pairs: (from, to) => layerPairs(facts, from, to),
        };
        const out = simulate(load, engineBehaviour(r, maxRunning), costs);
        if (!out)
            return null;
        return { kind: 'closed', outcome: out, throughput: out.throughput * active, saturated: false, servedRate: (out.throughput * active) / wl.outputTokens };
    }
    const out = simulate(load, engineBehaviour(r, maxRunning), costs);
    if (!out)
        return null;
    const served = (out.throughput * replicas) / wl.outputTokens;
    const offered = load.rate * replicas;
    return { kind: 'open', outcome: out, throughput: out.throughput * replicas, saturated: served < 0.95 * offered, servedRate: served };
}
/**
 * Requests that fit the event budget: all of them, fewer for a steady state (a shorter measurement
 * of the same steady state, at least 32 requests), or null when a declared run cannot be simulated.
 */
function fitBudget(requests, longestInput, maxBatchedTokens, exact) {
    if (estimatedEvents(requests, longestInput, maxBatchedTokens) <= SIMULATION_EVENT_BUDGET)
        return requests;
    if (exact)
        return null;
    const fits = Math.floor(SIMULATION_EVENT_BUDGET / estimatedEvents(1, longestInput, maxBatchedTokens));
    return fits >= 32 ? fits : null;
}
function tooComplex(requests, longestInput, maxBatchedTokens) {
    const events = estimatedEvents(requests, longestInput, maxBatchedTokens);
    return { skipped: `the load is too complex to simulate: about ${events.toExponential(1)} scheduler events (${requests} requests, prompts of up to ${longestInput} tokens in chunks of ${maxBatchedTokens}) exceed the budget of ${SIMULATION_EVENT_BUDGET.toLocaleString('en-US')}; figures under load are not computed` };
}
/** Does a simulated open loop meet every stated latency requirement, and keep up with its arrivals? */
function meets(f, req, keys) {
    if (f.saturated)
        return false;
    for (const k of keys) {
        const v = latencyFigure(f.outcome, k);
        if (v === null || v > req[k])
            return false;
    }
    return true;
}
/** Goodput bisection: enough steps for 2% resolution, each an open loop of this many requests. */
const GOODPUT_STEPS = 10;
const GOODPUT_REQUESTS = 600;
/**
 * The highest arrival rate at which every stated latency requirement still holds (DistServe's
 * goodput), by bisection over simulated open loops; without latency requirements, the highest rate
 * the deployment keeps up with.
 */
function goodput(r, facts, costs, maxRunning, req, keys) {
    const wl = r.workload;
    if (wl.inputTokens === undefined || wl.outputTokens === undefined)
        return null;
    // Upper end: the closed-loop saturation rate at the engine's running cap, with headroom.
    const satResult = simulateLoad({ ...r, workload: { ...wl, requestRate: undefined, benchmark: null, concurrency: maxRunning * r.layout.dp } }, facts, costs, maxRunning, 'plan');
    if (!satResult || !('outcome' in satResult))
        return null;
    const sat = satResult;
    let hi = sat.servedRate * 1.2;
    let lo = 0;
    const at = (rate) => {
        const f = simulateLoad(r, facts, costs, maxRunning, { rate, requests: GOODPUT_REQUESTS });
        return f && 'outcome' in f ? f : null;
    };
    const top = at(hi);
    if (top && meets(top, req, keys))
        return hi;
    for (let i = 0; i < GOODPUT_STEPS; i++) {
        const mid = (lo + hi) / 2;
        const f = at(mid);
        if (f && meets(f, req, keys))
            lo = mid;
        else
            hi = mid;
    }
    return lo > 0 ? lo : 0;
}

;// CONCATENATED MODULE: ./src/core/figures.ts
// Rounding and wording of figures in checks and metrics (SI units in, report units out).

/** Rounds to `digits` decimals; bounds round outward ('down' for floors, 'up' for ceilings) so a shown bound is never tighter than the true one. */
const round = (v, digits = 3, direction = 'nearest') => {
    if (v === null || !Number.isFinite(v))
        return null;
    const f = 10 ** digits;
    const op = direction === 'down' ? Math.floor : direction === 'up' ? Math.ceil : Math.round;
    return op(v * f) / f;
};
const gib = (bytes, direction = 'nearest') => (bytes === null ? null : round(bytes / GIB, 3, direction));
const fmtGiB = (bytes) => `${(bytes / GIB).toFixed(2)} GiB`;
const fmtMs = (s) => (s >= 10 ? `${s.toFixed(2)} s` : `${(s * 1000).toPrecision(4)} ms`);
const fmtRate = (t) => (t >= 1e4 ? `${(t / 1000).toFixed(1)} tokens/ms` : `${t.toPrecision(4)} tokens/s`);

;// CONCATENATED MODULE: ./src/core/layout.ts
function divisors(n) {
    const out = [];
    for (let d = 1; d * d <= n; d++) {
        if (n % d === 0) {
            out.push(d);
            if (d * d !== n)
                out.push(n / d);
        }
    }
    return out.sort((a, b) => a - b);
}
/** Tensor-parallel sizes that split the heads (and the KV heads, or replicate them evenly). */
function tpFits(model, tp) {
    const heads = model.heads;
    if (heads !== undefined && heads % tp !== 0)
        return false;
    const kv = model.attention === 'mla' || model.mla ? undefined : model.kv_heads;
    if (kv !== undefined && kv % tp !== 0 && tp % kv !== 0)
        return false;
    return true;
}
/** Valid (tp, pp, dp) splits of `gpus` devices for this model, tp within a node first. */
function validLayouts(model, gpus, gpusPerNode, limit = 8) {
    if (gpus > 1 << 20)
        return [];
    const out = [];
    for (const tp of divisors(gpus).reverse()) {
        if (tp > gpusPerNode || !tpFits(model, tp))
            continue;
        for (const pp of divisors(gpus / tp)) {
            if (model.layers !== undefined && pp > model.layers)
                continue;
            out.push(`tp=${tp} pp=${pp} dp=${gpus / tp / pp}`);
            if (out.length >= limit)
                return out;
        }
    }
    return out;
}
function layoutFindings(model, layout, hw) {
    const out = [];
    const { tp, pp, dp, cp, ep, etp } = layout;
    // World size.
    if (hw.gpus === undefined) {
        out.push({ id: 'layout.world_size', status: 'unverified', title: 'World size', path: 'hardware.gpus', missing: ['hardware.gpus'],
            detail: `tp*pp*dp*cp = ${layout.worldSize}; hardware.gpus is not given` });
    }
    else if (layout.worldSize !== hw.gpus) {
        const valid = validLayouts(model, hw.gpus, hw.gpusPerNode);
        out.push({ id: 'layout.world_size', status: 'fail', title: 'World size', path: 'parallelism', value: layout.worldSize, limit: hw.gpus,
            detail: `tp*pp*dp*cp = ${tp}*${pp}*${dp}*${cp} = ${layout.worldSize} devices, but hardware.gpus is ${hw.gpus}` +
                (valid.length > 0 ? `; valid layouts for ${hw.gpus} devices: ${valid.join('; ')}` : '') });
    }
    else {
        out.push({ id: 'layout.world_size', status: 'pass', title: 'World size', path: 'parallelism', value: layout.worldSize, limit: hw.gpus,
            detail: `tp*pp*dp*cp = ${tp}*${pp}*${dp}*${cp} = ${layout.worldSize} = hardware.gpus` +
                (model.moe && ep > 1 ? `; ep=${ep} regroups the same ranks for the MoE layers, it adds no devices` : '') });
    }
    // MoE regrouping (contract: ep*etp must divide tp*dp*cp; the quotient is expert data parallelism).
    if (model.moe) {
        const block = tp * dp * cp;
        if (block % (ep * etp) !== 0) {
            out.push({ id: 'layout.moe_regroup', status: 'fail', title: 'Expert-parallel regrouping', path: 'parallelism.ep', value: ep * etp, limit: block,
                detail: `ep*etp = ${ep}*${etp} = ${ep * etp} must divide tp*dp*cp = ${block} (the ranks of one stage)` });
        }
        else {
            out.push({ id: 'layout.moe_regroup', status: 'pass', title: 'Expert-parallel regrouping', path: 'parallelism.ep', value: ep * etp, limit: block,
                detail: `ep*etp = ${ep * etp} divides tp*dp*cp = ${block}: expert data parallelism ${block / (ep * etp)}` });
        }
        const experts = model.moe.experts;
        if (experts === undefined) {
            out.push({ id: 'layout.experts_divisible', status: 'unverified', title: 'Experts over EP', path: 'model.moe', missing: ['model.moe.experts'],
                detail: 'the number of experts is not given' });
        }
        else {
            const total = experts + (model.moe.redundant_experts ?? 0);
            out.push(total % ep === 0
                ? { id: 'layout.experts_divisible', status: 'pass', title: 'Experts over EP', path: 'parallelism.ep', value: total, limit: ep,
                    detail: `${total} experts over ep=${ep}: ${total / ep} per device` }
                : { id: 'layout.experts_divisible', status: 'fail', title: 'Experts over EP', path: 'parallelism.ep', value: total, limit: ep,
                    detail: `${total} experts (routed + redundant) do not divide by ep=${ep}` });
        }
    }
    else if (ep > 1) {
        out.push({ id: 'layout.moe_regroup', status: 'fail', title: 'Expert-parallel regrouping', path: 'parallelism.ep', value: ep,
            detail: `ep=${ep} on a model without experts (model.moe is not set)` });
    }
    // Layers over pipeline stages.
    const layers = model.layers;
    const explicit = layout.layersPerStage;
    if (layers === undefined) {
        out.push({ id: 'layout.layers_divisible', status: pp > 1 ? 'unverified' : 'pass', title: 'Layers over stages', path: 'parallelism.pp',
            missing: pp > 1 ? ['model.layers'] : undefined, detail: pp > 1 ? 'the number of layers is not given' : 'one stage holds every layer' });
    }
    else if (explicit) {
        const sum = explicit.reduce((a, b) => a + b, 0);
        const ok = explicit.length === pp && sum === layers;
        out.push({ id: 'layout.layers_divisible', status: ok ? 'pass' : 'fail', title: 'Layers over stages', path: 'parallelism.layers_per_stage',
            value: sum, limit: layers,
            detail: ok ? `layers_per_stage [${explicit.join(', ')}] covers ${layers} layers in ${pp} stages`
                : `layers_per_stage [${explicit.join(', ')}] has ${explicit.length} entries summing to ${sum}; needs ${pp} entries summing to ${layers}` });
    }
    else if (pp > layers) {
        out.push({ id: 'layout.layers_divisible', status: 'fail', title: 'Layers over stages', path: 'parallelism.pp', value: pp, limit: layers,
            detail: `pp=${pp} stages for ${layers} layers: a stage would be empty` });
    }
    else if (layers % pp !== 0) {
        out.push({ id: 'layout.layers_divisible', status: 'warn', title: 'Layers over stages', path: 'parallelism.pp', value: layers, limit: pp,
            detail: `${layers} layers do not divide by pp=${pp}: stages get ${Math.floor(layers / pp)} or ${Math.ceil(layers / pp)} layers (the slowest stage paces the pipeline)` });
    }
    else {
        out.push({ id: 'layout.layers_divisible', status: 'pass', title: 'Layers over stages', path: 'parallelism.pp', value: layers, limit: pp,
            detail: `${layers} layers over pp=${pp}: ${layers / pp} per stage` });
    }
    // Heads over tensor parallelism.
    if (model.heads === undefined) {
        out.push({ id: 'layout.heads_divisible', status: tp > 1 ? 'unverified' : 'pass', title: 'Heads over TP', path: 'parallelism.tp',
            missing: tp > 1 ? ['model.heads'] : undefined, detail: tp > 1 ? 'the number of attention heads is not given' : 'tp=1' });
    }
    else if (model.heads % tp !== 0) {
        const ok = divisors(model.heads).filter((d) => d <= (hw.gpusPerNode ?? 8) && tpFits(model, d));
        out.push({ id: 'layout.heads_divisible', status: 'fail', title: 'Heads over TP', path: 'parallelism.tp', value: model.heads, limit: tp,
            detail: `${model.heads} attention heads do not divide by tp=${tp}; tensor-parallel sizes that work: ${ok.join(', ')}` });
    }
    else {
        out.push({ id: 'layout.heads_divisible', status: 'pass', title: 'Heads over TP', path: 'parallelism.tp', value: model.heads, limit: tp,
            detail: `${model.heads} heads over tp=${tp}: ${model.heads / tp} per device` });
    }
    // KV heads over tensor parallelism.
    const isMla = model.attention === 'mla' || model.mla !== undefined;
    if (isMla) {
        out.push({ id: 'layout.kv_heads', status: 'pass', title: 'KV heads over TP', path: 'parallelism.tp',
            detail: tp > 1 ? `MLA keeps one latent KV vector per token: the cache is replicated on all ${tp} tp ranks` : 'MLA, tp=1' });
    }
    else if (model.kv_heads !== undefined) {
        const kv = model.kv_heads;
        if (kv % tp === 0) {
            out.push({ id: 'layout.kv_heads', status: 'pass', title: 'KV heads over TP', path: 'parallelism.tp', value: kv, limit: tp,
                detail: `${kv} KV heads over tp=${tp}: ${kv / tp} per device` });
        }
        else if (tp % kv === 0) {
            out.push({ id: 'layout.kv_heads', status: 'pass', title: 'KV heads over TP', path: 'parallelism.tp', value: kv, limit: tp,
                detail: `tp=${tp} exceeds the ${kv} KV heads: each KV head (and its cache) is replicated on ${tp / kv} ranks` });
        }
        else {
            out.push({ id: 'layout.kv_heads', status: 'fail', title: 'KV heads over TP', path: 'parallelism.tp', value: kv, limit: tp,
                detail: `${kv} KV heads cannot be split or evenly replicated over tp=${tp}` });
        }
    }
    // TP across nodes: every layer's all-reduces would cross the slower inter-node link.
    if (tp > hw.gpusPerNode) {
        out.push({ id: 'layout.tp_within_node', status: 'warn', title: 'TP within a node', path: 'parallelism.tp', value: tp, limit: hw.gpusPerNode,
            detail: `tp=${tp} spans nodes of ${hw.gpusPerNode} devices: each layer's all-reduce crosses the inter-node network` });
    }
    if (hw.gpus !== undefined && hw.gpus > hw.gpusPerNode && hw.gpus % hw.gpusPerNode !== 0) {
        out.push({ id: 'layout.nodes', status: 'warn', title: 'Whole nodes', path: 'hardware.gpus', value: hw.gpus, limit: hw.gpusPerNode,
            detail: `${hw.gpus} devices do not fill whole nodes of ${hw.gpusPerNode}` });
    }
    if (pp > 1 && layout.microbatches < pp) {
        out.push({ id: 'layout.microbatches', status: 'warn', title: 'Pipeline fill', path: 'parallelism.microbatches', value: layout.microbatches, limit: pp,
            detail: `${layout.microbatches} microbatches for ${pp} stages: stages idle ${(100 * (1 - layout.microbatches / pp)).toFixed(0)}% of each decode step` });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/core/modelFacts.ts
// From a plan's model fields to the figures every formula needs: parameter counts
// by how they shard, KV bytes per token, attention FLOPs per query-key pair.
//
// Two completions of the same facts:
//  - 'estimate': every field the formulas need must be given (or have a documented
//    default); otherwise the result is null and the missing keys are named.
//  - 'bound': unknown fields take the value that makes the deployment cheapest
//    while staying consistent with what is given (unknown parameters sit in the
//    least-read, least-computed part; unknown top-k is 1; unknown KV is free).
//    Formulas fed with these facts give a floor on time and memory that the
//    given facts already guarantee (docs/formulas.md, "bounds from partial facts").


const memo = new WeakMap();
function memoOf(model) {
    let m = memo.get(model);
    if (!m)
        memo.set(model, (m = {}));
    return m;
}
/** Parameters of the model computed from its shape alone, or null when the shape is incomplete. */
function paramsFromShape(model) {
    const m = memoOf(model);
    if (m.shapeParams === undefined) {
        const r = deriveFacts({ ...model, params: undefined }, 'estimate');
        m.shapeParams = r.facts ? r.facts.totalParams : null;
    }
    return m.shapeParams;
}
function deriveModelFacts(model, mode, options = {}) {
    const m = memoOf(model);
    const key = options.mtpLoaded && (model.mtp_layers ?? 0) > 0 ? `${mode}Mtp` : mode;
    return (m[key] ??= deriveFacts(model, mode, key !== mode));
}
/** Bytes per stored weight: 4-bit formats carry one scale per quant_group_size values (16-bit for int4, 8-bit for fp4). */
function weightBytes(dtype, groupSize) {
    if (groupSize === undefined)
        return DTYPE_BYTES[dtype];
    if (dtype === 'int4')
        return 0.5 + 2 / groupSize;
    if (dtype === 'fp4')
        return 0.5 + 1 / groupSize;
    return DTYPE_BYTES[dtype];
}
function deriveFacts(model, mode, mtpLoaded = false) {
    const missing = [];
    const assumptions = [];
    const need = (value, key) => {
        if (value === undefined)
            missing.push(key);
        return value;
    };
    const weightDtype = model.weight_dtype ?? DEFAULT_WEIGHT_DTYPE;
    if (model.weight_dtype === undefined)
        assumptions.push(`model.weight_dtype not given: ${DEFAULT_WEIGHT_DTYPE} assumed`);
    const dtypes = {
        attention: model.weight_dtypes?.attention ?? weightDtype,
        mlp: model.weight_dtypes?.mlp ?? weightDtype,
        experts: model.weight_dtypes?.experts ?? weightDtype,
        embeddings: model.weight_dtypes?.embeddings ?? weightDtype,
        kv: model.kv_cache_dtype ?? defaultKvDtype(weightDtype),
    };
    const group = model.quant_group_size;
    const bytes = {
        attention: weightBytes(dtypes.attention, group),
        mlp: weightBytes(dtypes.mlp, group),
        experts: weightBytes(dtypes.experts, group),
        embeddings: weightBytes(dtypes.embeddings, group),
        kv: DTYPE_BYTES[dtypes.kv],
    };
    const isMoe = model.moe !== undefined;
    const isMla = model.attention === 'mla' || model.mla !== undefined;
    const layers = need(model.layers, 'model.layers');
    const hidden = need(model.hidden_size, 'model.hidden_size');
    const heads = need(model.heads, 'model.heads');
    let kvHeads;
    if (isMla)
        kvHeads = heads;
    else if (model.kv_heads !== undefined)
        kvHeads = model.kv_heads;
    else if (model.attention === 'mqa')
        kvHeads = 1;
    else if (model.attention === 'gqa')
        kvHeads = need(undefined, 'model.kv_heads');
    else if (heads !== undefined) {
        kvHeads = heads;
        assumptions.push('model.kv_heads not given: multi-head attention assumed (kv_heads = heads)');
    }
    else
        missing.push('model.kv_heads');
    let headDim = model.head_dim;
    if (headDim === undefined && hidden !== undefined && heads !== undefined)
        headDim = hidden / heads;
    else if (headDim === undefined && !isMla)
        missing.push('model.head_dim');
    const vocab = need(model.vocab_size, 'model.vocab_size');
    // Attention parameters and costs per layer.
    let attnSharded;
    let attnKv;
    let attnReplicated;
    let pairPrefill;
    let pairDecode;
    let kvBytes;
    if (isMla) {
        const kvLora = need(model.mla?.kv_lora_rank, 'model.mla.kv_lora_rank');
        const rope = need(model.mla?.qk_rope_head_dim, 'model.mla.qk_rope_head_dim');
        const nope = model.mla?.qk_nope_head_dim ?? headDim;
        const vDim = model.mla?.v_head_dim ?? headDim;
        const qLora = model.mla?.q_lora_rank;
        if (hidden !== undefined && heads !== undefined && kvLora !== undefined && rope !== undefined && nope !== undefined && vDim !== undefined) {
            const qHead = nope + rope;
            // DeepSeek-V2 paper (arXiv:2405.04434) sec. 2.1: q = W_UQ(W_DQ h), [k_nope; v] = W_UKV(c_kv), k_rope from W_KR h.
            const qProj = qLora !== undefined ? qLora * heads * qHead : hidden * heads * qHead;
            attnSharded = qProj + kvLora * heads * (nope + vDim) + heads * vDim * hidden;
            attnReplicated = (qLora !== undefined ? hidden * qLora + qLora : 0) + hidden * (kvLora + rope) + kvLora + 2 * hidden;
            attnKv = 0;
            pairPrefill = 2 * heads * (qHead + vDim);
            // Absorbed decode: scores over the latent (kv_lora + rope) and values in the latent (kv_lora).
            pairDecode = 2 * heads * (kvLora + rope + kvLora);
            // Sparse MLA kernels keep an fp8 latent in their own layout, scales and a 16-bit rotary part included.
            kvBytes = model.sparse_attention !== undefined && dtypes.kv === 'fp8' ? sparseMlaFp8Bytes(kvLora, rope) : (kvLora + rope) * bytes.kv;
        }
    }
    else if (hidden !== undefined && heads !== undefined && kvHeads !== undefined && headDim !== undefined) {
        // An output gate (Qwen3-Next, Qwen3.5) widens the q projection to queries plus one gate per query value.
        attnSharded = (model.attention_output_gate ? 3 : 2) * hidden * heads * headDim;
        attnKv = 2 * hidden * kvHeads * headDim;
        attnReplicated = 2 * hidden;
        pairPrefill = 4 * heads * headDim;
        pairDecode = pairPrefill;
        kvBytes = 2 * kvHeads * headDim * bytes.kv;
    }
    const gated = model.mlp !== 'plain';
    const mlpMatrices = gated ? 3 : 2;
    const experts = isMoe ? model.moe?.experts : undefined;
    const topK = isMoe ? model.moe?.top_k : undefined;
    const shared = model.moe?.shared_experts ?? 0;
    const redundant = model.moe?.redundant_experts ?? 0;
    const denseLayersGiven = isMoe ? (model.moe?.dense_layers ?? 0) : layers;
    const expertWidth = model.moe?.expert_ffn_hidden_size;
    const sharedWidth = model.moe?.shared_expert_ffn_hidden_size ?? expertWidth;
    const ffn = model.ffn_hidden_size;
    let denseMlp;
    let expert;
    let sharedParams;
    let router;
    if (hidden !== undefined) {
        if (ffn !== undefined)
            denseMlp = mlpMatrices * hidden * ffn;
        if (isMoe) {
            if (expertWidth !== undefined)
                expert = mlpMatrices * hidden * expertWidth;
            if (shared === 0)
                sharedParams = 0;
            else if (sharedWidth !== undefined)
                sharedParams = shared * mlpMatrices * hidden * sharedWidth;
            if (experts !== undefined)
                router = hidden * experts;
        }
    }
    if (isMoe) {
        need(experts, 'model.moe.experts');
        need(topK, 'model.moe.top_k');
        need(expertWidth, 'model.moe.expert_ffn_hidden_size');
        if ((denseLayersGiven ?? 0) > 0 && ffn === undefined)
            missing.push('model.ffn_hidden_size');
    }
    else if (ffn === undefined) {
        missing.push('model.ffn_hidden_size');
    }
    const tied = model.tied_embeddings ?? false;
    const embedding = hidden !== undefined && vocab !== undefined ? hidden * vocab : undefined;
    const linearPart = linearAttentionPart(model, hidden, layers, mode, missing, assumptions);
    const indexer = indexerPart(model, hidden, mode, missing);
    if (indexer !== null && attnReplicated !== undefined)
        attnReplicated += indexer.params;
    const slidingWindow = model.sliding_window ?? null;
    // Windowed layers are among those that are not linear.
    const slidingLayers = slidingWindow === null ? 0
        : layers === undefined ? (model.sliding_window_layers ?? 0)
            : Math.max(0, Math.min(model.sliding_window_layers ?? layers, layers - linearPart.layers));
    const extra = {
        windowKind: model.sliding_window_kind ?? 'sliding',
        linearLayers: linearPart.layers,
        linear: linearPart.facts,
        indexer,
        interleavedDense: model.moe?.interleaved === true,
        mtpLayers: mtpLoaded ? (model.mtp_layers ?? 0) : 0,
        mtpExtra: hidden !== undefined ? mtpExtraParams(hidden) : 0,
    };
    const uniq = [...new Set(missing)];
    if (mode === 'estimate') {
        // A dense model whose MLP width alone is missing: the given total pins it down.
        if (uniq.length === 1 && uniq[0] === 'model.ffn_hidden_size' && !isMoe && model.params !== undefined) {
            const linearParams = linearPart.facts ? (linearPart.facts.sharded + linearPart.facts.replicated) * linearPart.layers : 0;
            const rest = (attnSharded + attnKv + attnReplicated) * (layers - linearPart.layers) + linearParams + embedding * (tied ? 1 : 2);
            if (model.params > rest) {
                denseMlp = (model.params - rest) / layers;
                assumptions.push('model.ffn_hidden_size not given: MLP size taken from model.params less attention and embeddings');
                uniq.length = 0;
            }
        }
        if (uniq.length > 0)
            return { facts: null, missing: uniq, assumptions };
        const facts = assemble({
            layers: layers, layersVirtual: false, denseLayers: denseLayersGiven ?? layers, isMoe, hidden: hidden, heads: heads,
            kvHeads: kvHeads, attnSharded: attnSharded, attnKv: attnKv, attnReplicated: attnReplicated,
            denseMlp: denseMlp ?? 0, sharedExperts: sharedParams ?? 0, router: router ?? 0, expert: expert ?? 0,
            expertWidth: isMoe ? (expertWidth ?? 0) : 0, experts: experts ?? 0, topK: topK ?? 0, redundantExperts: redundant, embedding: embedding,
            lmHead: embedding, tied, attnPairFlopsPrefill: pairPrefill, attnPairFlopsDecode: pairDecode,
            kvBytesPerTokenLayer: kvBytes, kvShardable: !isMla, slidingWindow, slidingLayers, dtypes, bytes, ...extra,
        });
        return { facts, missing: [], assumptions };
    }
    // Bound mode: fill what is unknown with the cheapest consistent value.
    const L = layers ?? 1;
    const knownAttnPerLayer = (attnSharded ?? 0) + (attnKv ?? 0) + (attnReplicated ?? 0);
    const linearParams = linearPart.facts ? linearPart.facts.sharded + linearPart.facts.replicated : 0;
    const knownEmb = (embedding ?? 0) * (tied ? 1 : 2);
    const denseL = isMoe ? Math.min(model.moe?.dense_layers ?? 0, L) : L;
    const moeL = L - denseL;
    const E = experts ?? 0;
    const knownDense = denseMlp !== undefined ? denseMlp * denseL : undefined;
    const knownMoe = expert !== undefined && experts !== undefined
        ? (expert * (E + 0) + (sharedParams ?? 0) + (router ?? 0)) * moeL
        : undefined;
    let facts = null;
    const base = {
        layers: L, layersVirtual: layers === undefined, denseLayers: denseL, isMoe, hidden: hidden ?? 0, heads: heads ?? 0,
        kvHeads: kvHeads ?? 0, attnSharded: attnSharded ?? 0, attnKv: attnKv ?? 0, attnReplicated: attnReplicated ?? 0,
        denseMlp: denseMlp ?? 0, sharedExperts: sharedParams ?? 0, router: router ?? 0, expert: expert ?? 0,
        expertWidth: 0, experts: E, topK: topK ?? 1, redundantExperts: redundant, embedding: embedding ?? 0, lmHead: embedding ?? 0, tied,
        attnPairFlopsPrefill: pairPrefill ?? 0, attnPairFlopsDecode: pairDecode ?? 0, kvBytesPerTokenLayer: kvBytes ?? 0,
        kvShardable: !isMla, slidingWindow, slidingLayers, dtypes, bytes, ...extra,
    };
    const knownTotal = knownAttnPerLayer * (L - linearPart.layers) + linearParams * linearPart.layers + knownEmb + (knownDense ?? 0) + (knownMoe ?? 0);
    const remainder = model.params !== undefined ? model.params - knownTotal : 0;
    const mlpKnown = isMoe ? knownMoe !== undefined && (denseL === 0 || knownDense !== undefined) : knownDense !== undefined;
    const shapeComplete = attnSharded !== undefined && embedding !== undefined && mlpKnown;
    if (shapeComplete || remainder <= 0) {
        // Either the shape says it all, or the given total adds nothing to it.
        if (knownTotal > 0)
            facts = assemble(base);
    }
    else if (isMoe && moeL > 0) {
        // Unknown parameters sit in routed experts: the part a token touches least.
        // Unknown expert count: as many as can be, each read by few tokens.
        const Ev = E > 0 ? E : 1e9;
        facts = assemble({ ...base, experts: Ev, expert: base.expert + remainder / moeL / Ev });
    }
    else {
        facts = assemble({ ...base, denseMlp: base.denseMlp + remainder / Math.max(denseL, 1) });
    }
    return { facts, missing: uniq, assumptions };
}
function assemble(f) {
    const attn = f.attnSharded + f.attnKv + f.attnReplicated;
    const linear = f.linear ? f.linear.sharded + f.linear.replicated : 0;
    // Attention parameters of the whole stack, each layer by its kind.
    const attentionStack = attn * (f.layers - f.linearLayers) + linear * f.linearLayers;
    const moeLayers = f.layers - f.denseLayers;
    const totalParams = attentionStack +
        f.denseMlp * f.denseLayers +
        (f.expert * f.experts + f.sharedExperts + f.router) * moeLayers +
        f.embedding * (f.tied ? 1 : 2);
    const perTokenExperts = f.isMoe ? f.expert * f.topK + f.sharedExperts + f.router : 0;
    const activeLayerParamsPerToken = attentionStack + f.denseMlp * f.denseLayers + perTokenExperts * moeLayers;
    return { ...f, totalParams, activeLayerParamsPerToken };
}
/** Linear-attention layers of a hybrid model: their count and (when the shape is known) one layer's facts. */
function linearAttentionPart(model, hidden, layers, mode, missing, assumptions) {
    const spec = model.linear_attention;
    if (spec === undefined)
        return { layers: 0, facts: null };
    const count = Math.min(spec.layers ?? 0, layers ?? 0);
    const keys = ['layers', 'key_heads', 'value_heads', 'key_head_dim', 'value_head_dim'];
    const absent = keys.filter((k) => spec[k] === undefined);
    if (mode === 'estimate')
        for (const k of absent)
            missing.push(`model.linear_attention.${k}`);
    const convKernel = spec.conv_kernel ?? 4;
    if (spec.conv_kernel === undefined && mode === 'estimate')
        assumptions.push('model.linear_attention.conv_kernel not given: 4 assumed (Qwen3-Next, Qwen3.5)');
    const stateDtype = spec.state_dtype ?? DEFAULT_STATE_DTYPE;
    if (spec.state_dtype === undefined && mode === 'estimate')
        assumptions.push(`model.linear_attention.state_dtype not given: ${DEFAULT_STATE_DTYPE} assumed (SGLang's default state dtype)`);
    // A bound takes an unknown shape as a free layer: no state, no parameters.
    if (absent.length > 0 || hidden === undefined)
        return { layers: count, facts: null };
    const facts = linearAttentionFacts({ key_heads: spec.key_heads, value_heads: spec.value_heads, key_head_dim: spec.key_head_dim, value_head_dim: spec.value_head_dim, conv_kernel: convKernel }, hidden, DTYPE_BYTES[stateDtype]);
    return { layers: count, facts };
}
/** The sparse-attention indexer; a bound takes unknown figures as free and top-k as 1 (the cheapest). */
function indexerPart(model, hidden, mode, missing) {
    const spec = model.sparse_attention;
    if (spec === undefined)
        return null;
    const keys = ['index_heads', 'index_head_dim', 'index_topk'];
    const absent = keys.filter((k) => spec[k] === undefined);
    if (mode === 'estimate')
        for (const k of absent)
            missing.push(`model.sparse_attention.${k}`);
    if (hidden === undefined || absent.length > 0) {
        return mode === 'bound' ? { params: 0, bytesPerToken: 0, pairFlops: 0, topK: spec.index_topk ?? 1 } : null;
    }
    const queryInput = model.mla?.q_lora_rank ?? hidden;
    return indexerFacts({ index_heads: spec.index_heads, index_head_dim: spec.index_head_dim, index_topk: spec.index_topk }, hidden, queryInput);
}

;// CONCATENATED MODULE: ./src/core/engines.ts
/**
 * vLLM V1: chunked prefill always on; the scheduler first gives each running sequence its decode
 * token, then fills max_num_batched_tokens with prompt chunks (mixed batches); its budget and
 * max_num_seqs defaults by device are in engine-memory.ts. Piecewise CUDA graphs cover passes up to
 * 512 tokens (compilation_config max capture size).
 */
const VLLM = {
    id: 'vllm',
    policy: 'mixed',
    defaultMaxRunning: 1024,
    decodeGraphMaxBatch: 512,
    prefillGraphMaxTokens: 512,
    reservesWholeSequence: false,
    requestOverhead: 0.02,
    stepOverhead: 0,
    launchLatency: 70e-6,
    outputLagSteps: 0,
};
/**
 * SGLang: prefill first (a waiting prompt's extend pass runs before the next decode step; mixed
 * chunks are off by default); chunked_prefill_size by device memory is in engine-memory.ts. Decode replays CUDA graphs
 * up to cuda_graph_max_bs (512 for TP >= 4 or >= 80 GB devices); prefill runs eagerly. The overlap
 * ("zero-overhead") scheduler, on by default, returns a step's tokens while the next step runs.
 * max_running_requests follows the KV pool (no fixed default below it).
 */
const SGLANG = {
    id: 'sglang',
    policy: 'prefill-first',
    defaultMaxRunning: 4096,
    decodeGraphMaxBatch: 512,
    prefillGraphMaxTokens: 0,
    reservesWholeSequence: false,
    requestOverhead: 0.02,
    stepOverhead: 0,
    launchLatency: 70e-6,
    outputLagSteps: 1,
};
/**
 * TensorRT-LLM (PyTorch backend, trtllm-serve): in-flight batching puts context and generation
 * requests in the same iteration within max_num_tokens (8192) and max_batch_size (2048)
 * (tensorrt_llm/llmapi/llm_args.py defaults); CUDA graphs for generation-only iterations; the
 * default capacity scheduler (GUARANTEED_NO_EVICT) admits a request only when its whole
 * input + output fits in the KV cache. The overlap scheduler (on by default) returns a step's tokens
 * one iteration later.
 */
const TRTLLM = {
    id: 'trtllm',
    policy: 'mixed',
    defaultMaxRunning: 2048,
    decodeGraphMaxBatch: Infinity,
    prefillGraphMaxTokens: 0,
    reservesWholeSequence: true,
    requestOverhead: 0.02,
    stepOverhead: 0,
    launchLatency: 70e-6,
    outputLagSteps: 1,
};
const PROFILES = { vllm: VLLM, sglang: SGLANG, trtllm: TRTLLM };
function engineProfile(id) {
    return PROFILES[id ?? 'vllm'];
}
/** The family of a hardware preset id or device name; 'other' when neither says. */
function hardwareFamily(preset, name) {
    const id = `${preset ?? ''} ${name ?? ''}`.toLowerCase();
    if (/b300|gb300|blackwell ultra/.test(id))
        return 'blackwell-ultra';
    if (/b200|gb200|blackwell/.test(id))
        return 'blackwell';
    if (/h100|h200|h800|h20\b|h20-|hopper/.test(id))
        return 'hopper';
    if (/a100|a800|ampere/.test(id))
        return 'ampere';
    return 'other';
}
const CALIBRATION = {
    vllm: {
        blackwell: { compute: 0.25, memory: 0.8, launchLatency: 50e-6, requestOverhead: 0.035, attentionEfficiency: 0.5, expertEfficiency: 0.6 },
        'blackwell-ultra': { compute: 0.25, memory: 0.9, launchLatency: 50e-6, requestOverhead: 0.005, attentionEfficiency: 0.5 },
        hopper: { compute: 0.55, memory: 0.65, launchLatency: 50e-6, requestOverhead: 0.01, attentionEfficiency: 0.5, expertEfficiency: 0.2 },
    },
    sglang: {
        blackwell: { compute: 0.25, memory: 0.65, launchLatency: 100e-6, requestOverhead: 0.035, attentionEfficiency: 0.7, expertEfficiency: 0.45 },
        'blackwell-ultra': { compute: 0.25, memory: 0.9, requestOverhead: 0.05, attentionEfficiency: 0.3, expertEfficiency: 0.45 },
        hopper: { compute: 0.8, launchLatency: 150e-6, requestOverhead: 0, stepOverhead: 500e-6, attentionEfficiency: 0.3, expertEfficiency: 0.2 },
    },
    trtllm: {
        blackwell: { compute: 0.45, memory: 0.85, launchLatency: 50e-6, attentionEfficiency: 0.3, expertEfficiency: 0.3 },
        hopper: { compute: 0.8, memory: 0.55, launchLatency: 100e-6, requestOverhead: 0, attentionEfficiency: 0.3, expertEfficiency: 0.2 },
    },
};
function engineCalibration(engine, family) {
    return CALIBRATION[engine][family] ?? {};
}

;// CONCATENATED MODULE: ./src/core/resolve.ts
// Applies the core's defaults to a loaded plan's hardware, layout and workload,
// keeping a record of every default taken so the report can show it.



function resolvePlan(plan, origins) {
    const assumptions = [];
    const assume = (name, value, source = 'default') => {
        assumptions.push({ name, value, source });
    };
    const p = plan.parallelism;
    const tp = p.tp ?? 1;
    const pp = p.pp ?? 1;
    const dp = p.dp ?? 1;
    const cp = p.cp ?? 1;
    const ep = p.ep ?? 1;
    // Contract: etp defaults to tp when ep is 1 (experts sharded like dense layers), else 1.
    const etp = p.etp ?? (ep === 1 ? tp : 1);
    if (p.etp === undefined && plan.model.moe !== undefined)
        assume('parallelism.etp', String(etp));
    const microbatches = p.microbatches ?? pp;
    if (p.microbatches === undefined && pp > 1)
        assume('parallelism.microbatches', `${microbatches} (= pp)`);
    const layout = {
        tp, pp, dp, cp, ep, etp, microbatches,
        layersPerStage: p.layers_per_stage ?? null,
        worldSize: tp * pp * dp * cp,
        edp: (tp * dp * cp) / (ep * etp),
    };
    const h = plan.hardware;
    const engine = plan.deployment?.engine ?? 'vllm';
    const engineId = engine;
    const profile = engineProfile(engine);
    if (plan.deployment?.engine === undefined)
        assume('deployment.engine', "vllm (its scheduler and memory accounting)");
    const family = hardwareFamily(h.preset, h.name);
    const cal = engineCalibration(engineId, family);
    const calibrated = `calibrated: ${engineId} on ${family}`;
    const eff = {
        compute: h.efficiency?.compute ?? cal.compute ?? DEFAULT_EFFICIENCY.compute,
        memory: h.efficiency?.memory ?? cal.memory ?? DEFAULT_EFFICIENCY.memory,
        network: h.efficiency?.network ?? DEFAULT_EFFICIENCY.network,
    };
    for (const k of ['compute', 'memory', 'network']) {
        const path = `hardware.efficiency.${k}`;
        const own = h.efficiency?.[k] !== undefined;
        const fromCal = !own && k !== 'network' && cal[k] !== undefined;
        assume(path, String(eff[k]), own ? (origins[path] ?? 'plan') : fromCal ? calibrated : 'default');
    }
    const gpusPerNode = h.gpus_per_node ?? Math.min(8, h.gpus ?? 8);
    if (h.gpus_per_node === undefined)
        assume('hardware.gpus_per_node', String(gpusPerNode));
    const hardware = {
        gpus: h.gpus,
        gpusPerNode,
        memory: h.memory,
        peak16: h.peak_tflops,
        peakFp8: h.peak_tflops_fp8,
        peakFp4: h.peak_tflops_fp4,
        peakInt8: h.peak_tflops_int8,
        memoryBandwidth: h.memory_bandwidth,
        intraBandwidth: h.intra_node_bandwidth,
        interBandwidth: h.inter_node_bandwidth,
        intraLatency: h.intra_node_latency ?? DEFAULT_INTRA_NODE_LATENCY_S,
        interLatency: h.inter_node_latency ?? DEFAULT_INTER_NODE_LATENCY_S,
        kernelLatency: h.kernel_latency ?? cal.kernelLatency ?? DEFAULT_KERNEL_LATENCY_S,
        launchLatency: h.launch_latency ?? cal.launchLatency ?? profile.launchLatency,
        requestOverhead: cal.requestOverhead ?? profile.requestOverhead,
        stepOverhead: cal.stepOverhead ?? profile.stepOverhead,
        attentionEfficiency: cal.attentionEfficiency ?? 1,
        expertEfficiency: cal.expertEfficiency ?? 1,
        efficiency: eff,
        device: h.memory === undefined ? null : {
            capacity: h.memory,
            name: (h.name ?? h.preset ?? '').toLowerCase(),
            switchedFabric: (h.intra_node_bandwidth ?? 0) >= SWITCHED_FABRIC_BYTES_PER_S,
            fp4Math: h.peak_tflops_fp4 !== undefined,
        },
    };
    if (h.intra_node_latency === undefined)
        assume('hardware.intra_node_latency', `${DEFAULT_INTRA_NODE_LATENCY_S * 1e6} µs per collective`);
    assume('request overhead', `${(cal.requestOverhead ?? profile.requestOverhead) * 1000} ms per request before its first token (HTTP, tokenisation, scheduling; ${engineId}; estimates only)`);
    if (h.kernel_latency === undefined)
        assume('hardware.kernel_latency', `${DEFAULT_KERNEL_LATENCY_S * 1e6} µs per kernel (estimates only)`);
    if (h.launch_latency === undefined)
        assume('hardware.launch_latency', `${(cal.launchLatency ?? profile.launchLatency) * 1e6} µs host time per kernel of an eager pass (${engineId}: passes its CUDA graphs do not cover); an eager pass takes max(GPU time, launches)`);
    if (h.inter_node_latency === undefined)
        assume('hardware.inter_node_latency', `${DEFAULT_INTER_NODE_LATENCY_S * 1e6} µs per collective`);
    const w = plan.workload;
    const label = ENGINE_LABEL[engine];
    const defaults = engineDefaults(engine, hardware.device, tp, pp);
    const flag = ENGINE_MEMORY_FLAG[engine];
    let memoryFraction;
    if (w.memory_fraction !== undefined)
        memoryFraction = w.memory_fraction;
    else if (w.memory_reserve !== undefined)
        memoryFraction = 1 - w.memory_reserve;
    else {
        memoryFraction = defaults.memoryFraction;
        assume('workload.memory_fraction', `${memoryFraction} (${label}'s ${flag} default${engine === 'sglang' ? ' for this device and tp' : ''})`);
    }
    const reserve = 1 - memoryFraction;
    // Without an engine the chunk stays the project's default (vLLM's on a >= 70 GiB GPU); with one, its own default for the device.
    const chunkDefault = plan.deployment?.engine === undefined ? DEFAULT_MAX_BATCHED_TOKENS : defaults.maxBatchedTokens;
    const maxBatchedTokens = w.max_batched_tokens ?? chunkDefault;
    if (w.max_batched_tokens === undefined)
        assume('workload.max_batched_tokens', `${maxBatchedTokens}${plan.deployment?.engine === undefined ? '' : ` (${defaults.source})`}`);
    const maxRunningSequences = w.max_running_sequences ?? null;
    // The engine's own cap on running requests per replica: vLLM max_num_seqs (its device default),
    // SGLang none below its KV pool, TensorRT-LLM max_batch_size 2048.
    const engineCap = engine === 'vllm' ? defaults.profiledSequences : profile.defaultMaxRunning;
    const maxRunningCap = maxRunningSequences !== null ? Math.max(1, Math.floor(maxRunningSequences / dp)) : engineCap;
    // vLLM's profiling pass samples max_num_seqs sequences: the plan's cap per replica, else the device default.
    const profiledSequences = engine === 'vllm'
        ? (maxRunningSequences !== null ? Math.max(1, Math.ceil(maxRunningSequences / dp)) : defaults.profiledSequences)
        : 0;
    const runtimeOverhead = w.runtime_overhead ?? null;
    if (w.runtime_overhead === undefined) {
        assume('workload.runtime_overhead', `${label}'s: ${engine === 'vllm' ? '0.25 GiB outside PyTorch' : '0.6 GiB of CUDA context'} + communication buffers when devices talk (about 1.8 GiB + 0.03 GiB per rank on NVLink-switch fabrics)` +
            (engine === 'vllm' ? '' : ' + 1 GiB of CUDA graphs'));
    }
    let speculative = null;
    if (w.speculative !== undefined) {
        const tokens = w.speculative.tokens ?? 1;
        speculative = {
            method: w.speculative.method ?? 'draft',
            tokens,
            acceptance: w.speculative.acceptance_length ?? 1,
        };
        if (w.speculative.acceptance_length === undefined)
            assume('workload.speculative.acceptance_length', '1 (no token accepted beyond the verified one)');
    }
    const workload = {
        profile,
        concurrency: w.concurrency,
        requestRate: w.request_rate,
        arrival: w.arrival ?? 'poisson',
        burstiness: w.arrival === 'gamma' || w.burstiness !== undefined ? (w.burstiness ?? 1) : 1,
        maxRunningCap,
        recvInterval: w.scheduler_recv_interval ?? 1,
        inputTokens: w.input_tokens,
        outputTokens: w.output_tokens,
        maxInputTokens: w.max_input_tokens ?? w.input_tokens,
        maxOutputTokens: w.max_output_tokens ?? w.output_tokens,
        engine,
        memoryFraction,
        memoryFractionGiven: w.memory_fraction !== undefined || w.memory_reserve !== undefined,
        reserve,
        prefixHitRate: w.prefix_cache_hit_rate ?? 0,
        speculative,
        maxBatchedTokens,
        profiledSequences,
        runtimeOverhead,
        maxRunningSequences,
        cudaGraphs: w.cuda_graphs ?? true,
        benchmark: w.benchmark === undefined ? null : {
            requests: w.benchmark.requests ?? Math.max(1, w.concurrency ?? 1),
            inputRangeRatio: w.benchmark.input_range_ratio ?? 1,
            outputRangeRatio: w.benchmark.output_range_ratio ?? 1,
        },
    };
    if (w.benchmark !== undefined) {
        if (w.benchmark.requests === undefined)
            assume('workload.benchmark.requests', 'concurrency (one wave)');
        assume('benchmark run', 'simulated step by step: all of concurrency sent at once, prefill before decode in chunks of max_batched_tokens; TTFT, TPOT and throughput are the run\'s means (steady state in details)', 'method');
    }
    return { layout, hardware, workload, assumptions };
}

;// CONCATENATED MODULE: ./src/core/summary.ts

const ms = (s) => (s === null ? null : round(s * 1000, 4));
/** A floor in ms, rounded down so it never sits above the true floor. */
const msFloor = (s) => (s === null ? null : round(s * 1000, 4, 'down'));
function buildMetrics(r, c, memTotal, memFloor, est, capacity) {
    const maxOf = (pick) => (c.memEst ? Math.max(...c.memEst.map(pick)) : null);
    return {
        world_size: r.layout.worldSize,
        weights_per_gpu_gib: gib(maxOf((s) => s.weights)),
        kv_cache_per_gpu_gib: gib(maxOf((s) => s.kv)),
        activations_per_gpu_gib: gib(maxOf((s) => s.activations)),
        memory_per_gpu_gib: gib(memTotal),
        ttft_ms: ms(c.ttft),
        ttft_idle_ms: ms(c.ttftIdle),
        tpot_ms: ms(c.tpot),
        decode_step_ms: ms(c.step),
        throughput_tokens_per_s: round(c.throughput, 1),
        throughput_upper_bound_tokens_per_s: round(c.throughputBound, 1, 'up'),
        kv_cache_capacity_tokens: c.kvCapacity,
        // Extensions.
        weights_per_gpu_lower_bound_gib: gib(c.weightsFloor, 'down'),
        memory_per_gpu_lower_bound_gib: gib(memFloor, 'down'),
        memory_utilization: memTotal !== null && capacity ? round(memTotal / capacity, 4) : null,
        ttft_lower_bound_ms: msFloor(c.ttftFloor),
        tpot_lower_bound_ms: msFloor(c.tpotFloor),
        decode_step_lower_bound_ms: msFloor(c.stepFloor),
        max_concurrency_at_max_context: c.maxConcurrencyAtMaxContext,
        max_running_sequences: c.maxRunning,
        ttft_p50_ms: ms(c.load?.outcome.ttft.p50 ?? null),
        ttft_p90_ms: ms(c.load?.outcome.ttft.p90 ?? null),
        ttft_p99_ms: ms(c.load?.outcome.ttft.p99 ?? null),
        tpot_p50_ms: ms(c.load?.outcome.tpot?.p50 ?? null),
        tpot_p90_ms: ms(c.load?.outcome.tpot?.p90 ?? null),
        tpot_p99_ms: ms(c.load?.outcome.tpot?.p99 ?? null),
        e2e_p99_ms: ms(c.load?.outcome.e2e.p99 ?? null),
        max_request_rate: round(c.maxRequestRate, 3),
        request_rate_upper_bound: round(c.requestRateBound, 3, 'up'),
        compute_utilization: round(c.computeUtilization, 4),
        pipeline_bubble_fraction: round(c.bubble, 4),
        total_params: est ? Math.round(est.totalParams) : null,
        active_params_per_token: est ? Math.round(est.activeLayerParamsPerToken + est.lmHead) : null,
    };
}
function buildDetails(r, c, capacity, modelAssumptions, hasBound) {
    const stages = c.stagesEst ?? c.stagesBound ?? [];
    const devices = stages.map((s, i) => {
        const m = c.memEst?.[i] ?? null;
        return {
            stage: s.index,
            layers: s.layers,
            weights_gib: gib(m?.weights ?? null),
            kv_cache_gib: gib(m?.kv ?? null),
            activations_gib: gib(m?.activations ?? null),
            overhead_gib: gib(m?.overhead ?? null),
            total_gib: gib(m?.total ?? null),
            total_floor_gib: gib(c.weightsFloor, 'down') ?? 0,
            capacity_gib: capacity !== undefined ? gib(capacity) : null,
            usable_gib: gib(m?.usable ?? null),
            kv_pool_gib: m?.pool !== null && m?.pool !== undefined ? gib(Math.max(0, m.pool)) : null,
        };
    });
    const assumptions = [
        ...r.assumptions,
        ...modelAssumptions.map((a) => ({ name: a.split(':')[0], value: a.slice(a.indexOf(':') + 1).trim(), source: 'default' })),
    ];
    if (c.raisedFraction) {
        assumptions.push({ name: 'workload.memory_fraction', value: `${c.raisedFraction.to}: the engine's default ${c.raisedFraction.from} leaves one request of the longest length no room, and a deployment this tight sets its memory flag higher`, source: 'default' });
    }
    if (hasBound) {
        assumptions.push({ name: 'physical bound', value: 'every efficiency at 1, no collective latency, communication overlapped; unknown model fields at their cheapest consistent value', source: 'method' });
    }
    return {
        devices,
        times: {
            ttft_ms: { estimate: ms(c.ttft), bound: msFloor(c.ttftFloor), unit: 'ms' },
            tpot_ms: { estimate: ms(c.tpot), bound: msFloor(c.tpotFloor), unit: 'ms' },
            decode_step_ms: { estimate: ms(c.step), bound: msFloor(c.stepFloor), unit: 'ms' },
            throughput_tokens_per_s: { estimate: round(c.throughput, 1), bound: round(c.throughputBound, 1, 'up'), unit: 'tokens/s' },
            decode_bound_by: c.boundBy,
            pipeline_bubble_fraction: round(c.bubble, 4),
            ...(c.load ? {
                load: {
                    kind: c.load.kind,
                    requests_per_replica: c.load.outcome.requests,
                    measured_per_replica: c.load.outcome.measured,
                    wall_time_s: round(c.load.outcome.wallTime, 4),
                    scheduler_steps: c.load.outcome.steps,
                    mean_decode_batch: round(c.load.outcome.meanBatch, 2),
                    peak_running_sequences: c.load.outcome.peakRunning,
                    busy_fraction: round(c.load.outcome.busyFraction, 4),
                    served_requests_per_s: round(c.load.servedRate, 4),
                    saturated: c.load.saturated,
                    truncated: c.load.outcome.truncated,
                },
            } : {}),
        },
        assumptions,
    };
}

;// CONCATENATED MODULE: ./src/core/utilization.ts


/**
 * A compute-utilization claim is checked two ways: against the FLOPs that the claimed
 * throughput itself implies (a contradiction between claims), and against our estimate.
 */
function computeUtilizationCheck(plan, r, bound, c, claimed, missing) {
    const base = { id: 'claims.compute_utilization', title: 'Claimed compute utilization', path: 'claims.compute_utilization', value: claimed, unit: 'fraction' };
    const wl = r.workload;
    const hw = r.hardware;
    const gpus = hw.gpus ?? r.layout.worldSize;
    const tput = plan.claims.throughput;
    if (tput !== undefined && bound && hw.peak16) {
        // Cheapest reading of what is not given: no prompt to prefill, endless output.
        const input = wl.inputTokens ?? 0;
        const computed = input - Math.floor(input * wl.prefixHitRate);
        const output = wl.outputTokens;
        const decodeFlops = modelFlops(bound, 1, 0, 0, 1, true);
        const perOutput = output === undefined
            ? decodeFlops
            : (modelFlops(bound, computed, 0, 0, computed > 0 ? 1 : 0, false) + Math.max(0, output - 1) * decodeFlops) / output;
        const implied = (tput * perOutput) / (gpus * hw.peak16);
        if (implied > claimed) {
            return { ...base, status: 'fail', limit: round(implied, 4),
                detail: `contradicts claims.throughput: ${(tput / 1000).toFixed(1)} tokens/ms needs at least ${(implied * 100).toFixed(0)}% of the ${gpus} devices' 16-bit peak (≥ ${(perOutput / 1e9).toFixed(2)} GFLOP per output token${computed > 0 ? ', prefill included' : ''}), not ${(claimed * 100).toFixed(0)}%` };
        }
    }
    if (c.computeUtilization === null) {
        return { ...base, status: 'unverified', limit: null, missing, detail: `cannot estimate without ${missing.join(', ')}` };
    }
    const est = c.computeUtilization;
    const off = Math.abs(claimed - est) > 0.5 * est;
    return { ...base, status: off ? 'warn' : 'pass', limit: round(est, 4),
        detail: `claimed ${(claimed * 100).toFixed(1)}%, estimate ${(est * 100).toFixed(1)}% of the 16-bit peak over the closed loop` };
}

;// CONCATENATED MODULE: ./src/core/verdict.ts
/** A plan's verdict from its checks (contract: fail > warn/unverified > pass; error when it did not load). */
function planVerdict(checks, loaded) {
    if (!loaded)
        return 'error';
    if (checks.some((c) => c.status === 'fail'))
        return 'fail';
    if (checks.some((c) => c.status === 'warn' || c.status === 'unverified'))
        return 'warn';
    return 'pass';
}
const SEVERITY = { pass: 0, warn: 1, fail: 2, error: 3 };
/** The run's verdict: the worst plan's. An empty run passes. */
function combineReports(plans) {
    let verdict = 'pass';
    for (const p of plans)
        if (SEVERITY[p.verdict] > SEVERITY[verdict])
            verdict = p.verdict;
    return { version: 1, verdict, plans };
}

;// CONCATENATED MODULE: ./src/core/plan-ranges.ts
// The ranges of one plan's estimates (ranges.ts applied to its figures): which track record applies
// (engine, GPU family, load), and the range of each estimated time and rate.


/** The plan's engine, GPU family and load band, as the track record is kept. */
function rangeContext(plan, r, c, idle = false) {
    const wl = r.workload;
    const running = c.load ? c.load.outcome.meanBatch * r.layout.dp : (wl.concurrency ?? 1);
    return {
        engine: wl.engine,
        family: hardwareFamily(plan.hardware.preset, plan.hardware.name),
        band: idle ? '1-4' : concurrencyBand(Math.max(1, Math.round(wl.concurrency ?? running))),
        engineDefaulted: plan.deployment?.engine === undefined,
    };
}
/** KV capacity follows the engine's accounting closely (validation: median error 1%); its range is a flat +-10%. */
const KV_CAPACITY_SPREAD = 0.1;
function planRanges(plan, r, c, metrics) {
    const ctx = rangeContext(plan, r, c);
    const ttft = residualsFor('ttft', ctx);
    const ttftIdle = residualsFor('ttft', rangeContext(plan, r, c, true));
    const tpot = residualsFor('tpot', ctx);
    const ranges = {};
    const put = (key, res, kind, boundKey) => {
        const v = metrics[key];
        if (v === null || v === undefined || !(v > 0))
            return;
        const bound = boundKey ? (metrics[boundKey] ?? null) : null;
        const [lo, hi] = rangeOf(v, res, kind, bound);
        ranges[key] = [plan_ranges_round(lo), plan_ranges_round(hi)];
    };
    put('ttft_ms', ttft, 'time', 'ttft_lower_bound_ms');
    put('ttft_idle_ms', ttftIdle, 'time', 'ttft_lower_bound_ms');
    put('tpot_ms', tpot, 'time', 'tpot_lower_bound_ms');
    put('decode_step_ms', tpot, 'time', 'decode_step_lower_bound_ms');
    put('throughput_tokens_per_s', tpot, 'rate', 'throughput_upper_bound_tokens_per_s');
    for (const p of ['p50', 'p90', 'p99']) {
        put(`ttft_${p}_ms`, ttft, 'time', 'ttft_lower_bound_ms');
        put(`tpot_${p}_ms`, tpot, 'time', 'tpot_lower_bound_ms');
    }
    put('e2e_p99_ms', tpot, 'time', null);
    put('max_request_rate', tpot, 'rate', 'request_rate_upper_bound');
    const kv = metrics.kv_cache_capacity_tokens;
    if (kv !== null && kv !== undefined && kv > 0)
        ranges.kv_cache_capacity_tokens = [Math.floor(kv * (1 - KV_CAPACITY_SPREAD)), Math.ceil(kv * (1 + KV_CAPACITY_SPREAD))];
    return { ranges, ttft, ttftIdle, tpot, why: [...new Set([...ttft.why, ...tpot.why])] };
}
const plan_ranges_round = (v) => (v >= 100 ? Math.round(v * 10) / 10 : Math.round(v * 1000) / 1000);

;// CONCATENATED MODULE: ./src/core/verify.ts
// Computes every check of a loaded plan. Orchestration only: each formula lives in its own
// module (layout, memory, performance, estimates, compare, balance, utilization, summary).















/** Line of a key, or of its nearest ancestor that the file sets. */
function lineOf(lines, path) {
    let p = path;
    while (p) {
        const l = lines[p];
        if (l !== undefined)
            return l;
        const dot = p.lastIndexOf('.');
        p = dot > 0 ? p.slice(0, dot) : undefined;
    }
    return undefined;
}
function verify_verifyLoadedPlan(loaded, options = {}) {
    const { plan, lines } = loaded;
    const r = resolvePlan(plan, loaded.origins);
    // The checkpoint's MTP modules are loaded only when speculative decoding runs them.
    const factsOptions = { mtpLoaded: plan.workload.speculative?.method === 'mtp' };
    const estR = deriveModelFacts(plan.model, 'estimate', factsOptions);
    const boundR = deriveModelFacts(plan.model, 'bound', factsOptions);
    const est = estR.facts;
    const bound = boundR.facts;
    const { layout, hardware: hw, workload: wl } = r;
    const checks = [];
    const add = (c) => {
        const line = lineOf(lines, c.path);
        checks.push(line === undefined ? c : { ...c, line });
    };
    for (const f of layoutFindings(plan.model, layout, hw))
        add(f);
    // What the config.json reader or an importer could not map with certainty.
    for (const w of loaded.warnings ?? []) {
        const imported = w.path?.startsWith('deployment') ?? false;
        // A hardware alias that could mean several parts says which one it was read as.
        const alias = w.path === 'hardware.preset';
        add({ id: imported ? 'deployment.import' : alias ? 'hardware.preset' : 'model.hf_config', status: 'warn',
            title: imported ? 'Imported deployment' : alias ? 'Hardware preset' : 'Hugging Face config',
            path: w.path ?? 'model.hf_config', detail: w.message });
    }
    // Stated total against the shape.
    const shapeParams = plan.model.params !== undefined ? paramsFromShape(plan.model) : null;
    if (plan.model.params !== undefined && shapeParams !== null) {
        const ratio = shapeParams / plan.model.params;
        const ok = Math.abs(ratio - 1) <= 0.05;
        add({ id: 'model.params', status: ok ? 'pass' : 'warn', title: 'Parameters vs shape', path: 'model.params',
            value: plan.model.params, limit: round(shapeParams, 0), unit: 'parameters',
            detail: `model.params ${(plan.model.params / 1e9).toFixed(2)}B; the shape gives ${(shapeParams / 1e9).toFixed(2)}B` +
                (ok ? '' : ' (off by more than 5%: the figures below use the shape)') });
    }
    const c = compute(loaded, r, est, bound);
    const modelMissing = estR.missing;
    const tMissing = timeMissing(r, plan);
    const wlNeed = (keys) => keys.filter(([, v]) => v === undefined).map(([k]) => k);
    const memMissing = [...modelMissing, ...wlNeed([['workload.concurrency', wl.concurrency], ['workload.input_tokens', wl.maxInputTokens], ['workload.output_tokens', wl.maxOutputTokens]])];
    const idleMissing = [...modelMissing, ...tMissing, ...wlNeed([['workload.input_tokens', wl.inputTokens]])];
    const loadKey = wl.concurrency ?? wl.requestRate;
    const loopMissing = [...idleMissing, ...wlNeed([['workload.concurrency', loadKey], ['workload.output_tokens', wl.outputTokens]])];
    // TTFT under load needs the load; a plan that states none is judged on the idle figure.
    const ttftMissing = loadKey === undefined ? idleMissing : loopMissing;
    // Stage balance: the slowest stage paces the pipeline (embeddings and LM head sit on the ends).
    if (layout.pp > 1 && c.stageDecode) {
        const times = c.stageDecode;
        const mean = times.reduce((a, b) => a + b, 0) / times.length;
        const slowest = Math.max(...times);
        const ratio = slowest / mean;
        const at = times.indexOf(slowest);
        add({ id: 'layout.stage_balance', status: ratio > 1.05 ? 'warn' : 'pass', title: 'Stage balance', path: 'parallelism.layers_per_stage',
            value: round(ratio, 3), limit: 1.05, unit: 'ratio',
            detail: `slowest stage (${at}) takes ${ratio.toFixed(2)}x the mean decode time per stage` +
                (ratio > 1.05 ? '; move layers off it with layers_per_stage' : '') });
    }
    // Expert balance: in a decode step the busiest EP rank paces every MoE layer.
    const moeFacts = est ?? bound;
    if (plan.model.moe && layout.ep > 1 && moeFacts && moeFacts.topK > 0 && wl.concurrency !== undefined) {
        const tokensPerStep = wl.concurrency / layout.microbatches / Math.max(layout.edp, 1);
        const pairs = tokensPerStep * moeFacts.topK;
        const imbalance = expectedExpertImbalance(pairs, layout.ep);
        const warn = imbalance > 1.25;
        add({ id: 'layout.expert_balance', status: warn ? 'warn' : 'pass', title: 'Expert balance', path: 'parallelism.ep',
            value: round(imbalance, 3), limit: 1.25, unit: 'ratio',
            detail: `${Math.round(pairs)} token-expert picks per decode step over ep=${layout.ep}: the busiest rank expects ${imbalance.toFixed(2)}x the mean load even with uniform routing` +
                (warn ? '; real routing is more skewed: consider redundant experts (moe.redundant_experts) or a smaller ep' : '') });
    }
    // Memory, as the plan's engine counts it.
    const worst = c.memEst ? c.memEst.reduce((a, st) => (st.total > a.total ? st : a), c.memEst[0]) : null;
    const memTotal = worst?.total ?? null;
    const memFloor = c.weightsFloor !== null ? c.weightsFloor + c.kvFloor : null;
    const capacity = hw.memory;
    const engine = ENGINE_LABEL[wl.engine];
    const maxContext = wl.maxInputTokens !== undefined && wl.maxOutputTokens !== undefined ? wl.maxInputTokens + wl.maxOutputTokens : null;
    const maxConcurrency = c.maxConcurrencyAtMaxContext;
    const given = plan.workload;
    if (given.memory_fraction !== undefined && given.memory_reserve !== undefined && Math.abs(given.memory_reserve - (1 - given.memory_fraction)) > 1e-9) {
        add({ id: 'workload.memory_fraction', status: 'warn', title: 'Memory fraction', path: 'workload.memory_fraction', value: given.memory_fraction, limit: round(1 - given.memory_reserve, 6), unit: 'fraction',
            detail: `memory_fraction ${given.memory_fraction} and memory_reserve ${given.memory_reserve} disagree (the reserve is 1 - memory_fraction in ${engine}'s meaning); memory_fraction is used` });
    }
    // The tightest device: the one whose pool has the least room beyond one sequence of the longest context.
    const tight = c.memEst && c.memEst[0].pool !== null
        ? c.memEst.reduce((a, st) => (st.pool - st.kvOne < a.pool - a.kvOne ? st : a), c.memEst[0]) : null;
    if (capacity === undefined) {
        add({ id: 'memory.fits', status: 'unverified', title: 'Memory fits', path: 'hardware.memory', missing: ['hardware.memory'], detail: 'device memory is not given' });
    }
    else if (tight && tight.usable !== null) {
        const need = tight.weights + tight.activations + tight.overhead + tight.kvOne;
        const fits = need <= tight.usable * (1 + 1e-9);
        const flag = ENGINE_MEMORY_FLAG[wl.engine];
        const raised = c.raisedFraction;
        const raisedNote = raised
            ? `; ${engine}'s default ${flag} ${raised.from} leaves it no room, so the figures assume ${flag} ${raised.to}: state workload.memory_fraction`
            : '';
        const share = `${fmtGiB(tight.weights)} weights, ${fmtGiB(tight.activations)} activations, ${fmtGiB(tight.overhead)} runtime and buffers, ${fmtGiB(tight.kvOne)} KV of one sequence`;
        add({ id: 'memory.fits', status: fits ? (raised ? 'warn' : 'pass') : 'fail', title: 'Memory fits', path: raised ? 'workload.memory_fraction' : 'hardware.memory', value: gib(need), limit: gib(tight.usable), unit: 'GiB',
            detail: `one request of the longest stated length (${maxContext} tokens) needs ${fmtGiB(need)} on the most loaded device (stage ${tight.stage}: ${share}) of the ${fmtGiB(tight.usable)} ${engine} may use (${tight.rule})` +
                (fits && c.kvCapacity !== null ? `; its KV cache holds ${c.kvCapacity} tokens per replica` + (maxConcurrency !== null ? `, ${maxConcurrency} sequences of ${maxContext} tokens at once` : '') : '') +
                (fits ? '' : `: not even one request of this length can run`) + raisedNote });
    }
    else if (c.floorCheck && c.floorCheck.need > c.floorCheck.limit) {
        add({ id: 'memory.fits', status: 'fail', title: 'Memory fits', path: 'hardware.memory', value: gib(c.floorCheck.need), limit: gib(c.floorCheck.limit), unit: 'GiB',
            detail: `even the lower bound ${fmtGiB(c.floorCheck.need)} (weights shard${c.kvFloor > 0 ? ' + KV of one sequence of the longest length' : ''}) exceeds the ${fmtGiB(c.floorCheck.limit)} ${engine} could give weights and KV cache at most` });
    }
    else {
        const limit = c.floorCheck ? c.floorCheck.limit : capacity;
        add({ id: 'memory.fits', status: 'unverified', title: 'Memory fits', path: 'hardware.memory', value: gib(memFloor), limit: gib(limit), unit: 'GiB',
            missing: memMissing, detail: `cannot estimate without ${memMissing.join(', ')}` + (memFloor !== null ? `; the lower bound ${fmtGiB(memFloor)} fits` : '') });
    }
    // What the engine can hold: concurrency sequences at their mean context against its KV cache.
    const budget = c.kvBudget;
    if (budget && wl.concurrency !== undefined && wl.inputTokens !== undefined && wl.outputTokens !== undefined && c.maxRunning !== null) {
        const perReplica = Math.ceil(wl.concurrency / layout.dp);
        const context = meanContext(wl.inputTokens, wl.outputTokens);
        const byKv = maxRunningSequences({ ...budget, engineMax: null }, context, perReplica);
        const heldTokens = budget.heldTokens(budget.sharedTokens) + perReplica * (budget.heldTokens(context) - budget.heldTokens(budget.sharedTokens));
        const where = layout.dp > 1 ? ' per replica' : '';
        const sharedNote = budget.sharedTokens > 0 ? ` (a ${budget.sharedTokens}-token prompt prefix held once)` : '';
        const capNote = budget.engineMax !== null && budget.engineMax < perReplica ? `; the engine's own cap (workload.max_running_sequences) lets ${budget.engineMax}${where} run, the rest queue` : '';
        if (byKv >= perReplica) {
            add({ id: 'memory.kv_capacity', status: 'pass', title: 'KV-cache capacity', path: 'workload.concurrency', value: Math.round(heldTokens), limit: budget.capacityTokens, unit: 'tokens',
                detail: `${perReplica} sequences${where} at a mean context of ${context} tokens hold ${Math.round(heldTokens)} of the ${budget.capacityTokens} tokens of KV cache${where}${sharedNote}${capNote}` });
        }
        else {
            add({ id: 'memory.kv_capacity', status: 'warn', title: 'KV-cache capacity', path: 'workload.concurrency', value: Math.round(heldTokens), limit: budget.capacityTokens, unit: 'tokens',
                detail: `${perReplica} sequences${where} at a mean context of ${context} tokens need ${Math.round(heldTokens)} tokens of KV cache, more than the ${budget.capacityTokens}${where}${sharedNote}: ` +
                    `${engine} runs ${c.maxRunning} of the ${wl.concurrency} at once and queues the rest (their TTFT grows)${capNote}` });
        }
    }
    else if (wl.concurrency !== undefined) {
        const missing = [...memMissing, ...(capacity === undefined ? ['hardware.memory'] : [])];
        add({ id: 'memory.kv_capacity', status: 'unverified', title: 'KV-cache capacity', path: 'workload.concurrency', ...(missing.length > 0 ? { missing } : {}),
            detail: missing.length > 0 ? `cannot size the KV cache without ${missing.join(', ')}` : 'cannot size the KV cache from what the plan gives' });
    }
    // Requirements.
    const req = plan.requirements;
    const judge = (id, title, path, value, unit, scale, j, missing) => {
        add({ id, title, path, status: j.status, value: round(value * scale, 4), limit: j.limit === null ? null : round(j.limit * scale, 4), unit, detail: j.detail,
            ...(j.status === 'unverified' && missing.length > 0 ? { missing } : {}) });
    };
    const limiter = { memory: 'HBM bandwidth (each decode step reads the weights shard and KV cache)', compute: 'peak compute', communication: 'interconnect bandwidth' };
    const why = c.boundDecodeBy ? `at that bound the decode step is limited by ${limiter[c.boundDecodeBy]}` : undefined;
    // The estimator's track record for this plan's engine, GPU family and load: requirements inside a
    // figure's range are at risk (ranges.ts).
    const ctx = rangeContext(plan, r, c);
    const ttftRisk = { residuals: residualsFor('ttft', c.load ? ctx : rangeContext(plan, r, c, true)), kind: 'time' };
    const tpotRisk = { residuals: residualsFor('tpot', ctx), kind: 'time' };
    const rateRisk = { residuals: tpotRisk.residuals, kind: 'rate' };
    const rateFig = { estimate: c.throughput, bound: c.throughputBound, show: fmtRate, missing: loopMissing, risk: rateRisk, ...(why ? { why } : {}) };
    const ttftFig = { estimate: c.ttft, bound: c.ttftFloor, show: fmtMs, missing: ttftMissing, risk: ttftRisk };
    const tpotFig = { estimate: c.tpot, bound: c.tpotFloor, show: fmtMs, missing: loopMissing, risk: tpotRisk, ...(why ? { why } : {}) };
    if (req.throughput !== undefined)
        judge('requirements.throughput', 'Required throughput', 'requirements.throughput', req.throughput, 'tokens/s', 1, judgeRequirement(req.throughput, 'higher-is-better', rateFig), loopMissing);
    if (req.ttft !== undefined)
        judge('requirements.ttft', 'Required TTFT', 'requirements.ttft', req.ttft, 'ms', 1000, judgeRequirement(req.ttft, 'lower-is-better', ttftFig), ttftMissing);
    if (req.tpot !== undefined)
        judge('requirements.tpot', 'Required TPOT', 'requirements.tpot', req.tpot, 'ms', 1000, judgeRequirement(req.tpot, 'lower-is-better', tpotFig), loopMissing);
    // Percentiles over requests, from the simulated load; every request's TTFT is at least the idle
    // floor and its TPOT at least one sequence's step, so those floors bound every percentile too.
    const out = c.load?.outcome ?? null;
    const e2eFloor = c.ttftFloor !== null && c.tpotFloor !== null && wl.outputTokens !== undefined ? c.ttftFloor + (wl.outputTokens - 1) * c.tpotFloor : null;
    const percentiles = [
        ['ttft_p50', 'Required median TTFT', out?.ttft.p50 ?? null, c.ttftFloor, ttftRisk],
        ['ttft_p90', 'Required p90 TTFT', out?.ttft.p90 ?? null, c.ttftFloor, ttftRisk],
        ['ttft_p99', 'Required p99 TTFT', out?.ttft.p99 ?? null, c.ttftFloor, ttftRisk],
        ['tpot_p50', 'Required median TPOT', out?.tpot?.p50 ?? null, c.tpotFloor, tpotRisk],
        ['tpot_p90', 'Required p90 TPOT', out?.tpot?.p90 ?? null, c.tpotFloor, tpotRisk],
        ['tpot_p99', 'Required p99 TPOT', out?.tpot?.p99 ?? null, c.tpotFloor, tpotRisk],
        ['e2e_p99', 'Required p99 end-to-end latency', out?.e2e.p99 ?? null, e2eFloor, tpotRisk],
    ];
    for (const [key, title, estimate, floor, risk] of percentiles) {
        const required = req[key];
        if (required === undefined)
            continue;
        judge(`requirements.${key}`, title, `requirements.${key}`, required, 'ms', 1000, judgeRequirement(required, 'lower-is-better', { estimate, bound: floor, show: fmtMs, missing: loopMissing, risk }), loopMissing);
    }
    if (req.request_rate !== undefined) {
        const fmtRps = (v) => `${v.toPrecision(3)} requests/s`;
        const j = judgeRequirement(req.request_rate, 'higher-is-better', { estimate: c.maxRequestRate, bound: c.requestRateBound, show: fmtRps, missing: loopMissing, risk: rateRisk,
            why: 'each request costs at least its prompt\'s and its output\'s FLOPs on the busiest device and its KV reads' });
        judge('requirements.request_rate', 'Required request rate (goodput)', 'requirements.request_rate', req.request_rate, 'requests/s', 1, { ...j, detail: `${j.detail}${c.maxRequestRate !== null ? '; goodput: the highest arrival rate at which every stated latency requirement holds' : ''}` }, loopMissing);
    }
    if (c.loadSkipped) {
        add({ id: 'load.simulation', status: 'warn', title: 'Load simulation', path: loadKey === wl.requestRate ? 'workload.request_rate' : 'workload.concurrency', detail: c.loadSkipped });
    }
    // An open loop that arrives faster than the deployment serves: queues grow without end.
    if (c.load && c.load.kind === 'open' && wl.requestRate !== undefined) {
        const served = c.load.servedRate;
        add({ id: 'load.saturation', status: c.load.saturated ? 'warn' : 'pass', title: 'Arrival rate vs service rate', path: 'workload.request_rate',
            value: round(wl.requestRate, 4), limit: round(served, 4), unit: 'requests/s',
            detail: c.load.saturated
                ? `${wl.requestRate.toPrecision(3)} requests/s arrive but the deployment completes ${served.toPrecision(3)}/s: queues grow for as long as the rate lasts; throughput is the saturation rate and TTFT grows with the run's length`
                : `the deployment keeps up: ${served.toPrecision(3)} requests/s served` });
    }
    if (req.max_memory_utilization !== undefined) {
        const u = req.max_memory_utilization;
        const util = memTotal !== null && capacity !== undefined ? memTotal / capacity : null;
        const floorUtil = memFloor !== null && capacity !== undefined ? memFloor / capacity : null;
        const j = judgeRequirement(u, 'lower-is-better', { estimate: util, bound: floorUtil, show: (v) => `${(v * 100).toFixed(1)}%`, missing: capacity === undefined ? ['hardware.memory'] : memMissing });
        judge('requirements.max_memory_utilization', 'Memory utilization', 'requirements.max_memory_utilization', u, 'fraction', 1, j, memMissing);
    }
    // Claims.
    const cl = plan.claims;
    const memFig = (estimate, floor) => ({ estimate, bound: floor, show: fmtGiB, missing: memMissing });
    if (cl.memory_per_gpu !== undefined)
        judge('claims.memory_per_gpu', 'Claimed memory per GPU', 'claims.memory_per_gpu', cl.memory_per_gpu, 'GiB', 1 / GIB, judgeMemoryClaim(cl.memory_per_gpu, memFig(memTotal, memFloor)), memMissing);
    if (cl.weights_per_gpu !== undefined) {
        const w = c.memEst ? Math.max(...c.memEst.map((s) => s.weights)) : null;
        judge('claims.weights_per_gpu', 'Claimed weights per GPU', 'claims.weights_per_gpu', cl.weights_per_gpu, 'GiB', 1 / GIB, judgeMemoryClaim(cl.weights_per_gpu, { ...memFig(w, c.weightsFloor), missing: modelMissing }), modelMissing);
    }
    if (cl.kv_cache_per_gpu !== undefined) {
        const kv = c.memEst ? Math.max(...c.memEst.map((s) => s.kv)) : null;
        judge('claims.kv_cache_per_gpu', 'Claimed KV cache per GPU', 'claims.kv_cache_per_gpu', cl.kv_cache_per_gpu, 'GiB', 1 / GIB, judgeMemoryClaim(cl.kv_cache_per_gpu, memFig(kv, est ? c.kvFloor : null)), memMissing);
    }
    if (cl.throughput !== undefined)
        judge('claims.throughput', 'Claimed throughput', 'claims.throughput', cl.throughput, 'tokens/s', 1, judgeClaim(cl.throughput, 'higher-is-better', rateFig), loopMissing);
    if (cl.ttft !== undefined)
        judge('claims.ttft', 'Claimed TTFT', 'claims.ttft', cl.ttft, 'ms', 1000, judgeClaim(cl.ttft, 'lower-is-better', ttftFig), ttftMissing);
    if (cl.tpot !== undefined)
        judge('claims.tpot', 'Claimed TPOT', 'claims.tpot', cl.tpot, 'ms', 1000, judgeClaim(cl.tpot, 'lower-is-better', tpotFig), loopMissing);
    if (cl.memory_utilization !== undefined && capacity !== undefined) {
        const j = judgeMemoryClaim(cl.memory_utilization * capacity, memFig(memTotal, memFloor));
        judge('claims.memory_utilization', 'Claimed memory utilization', 'claims.memory_utilization', cl.memory_utilization, 'fraction', 1, { ...j, limit: j.limit === null ? null : j.limit / capacity }, memMissing);
    }
    if (cl.kv_cache_capacity_tokens !== undefined) {
        const j = judgeClaim(cl.kv_cache_capacity_tokens, 'higher-is-better', { estimate: c.kvCapacity, bound: null, show: (v) => `${Math.round(v)} tokens`, missing: [...modelMissing, ...(capacity === undefined ? ['hardware.memory'] : [])] });
        judge('claims.kv_cache_capacity_tokens', 'Claimed KV-cache capacity', 'claims.kv_cache_capacity_tokens', cl.kv_cache_capacity_tokens, 'tokens', 1, j, modelMissing);
    }
    if (cl.compute_utilization !== undefined)
        add(computeUtilizationCheck(plan, r, bound, c, cl.compute_utilization, loopMissing));
    const metrics = buildMetrics(r, c, memTotal, memFloor, est, capacity);
    const pr = planRanges(plan, r, c, metrics);
    metrics.range_coverage = RANGE_COVERAGE;
    const report = { file: loaded.file, name: plan.name, verdict: planVerdict(checks, true), checks, metrics, errors: [], ranges: pr.ranges };
    if (options.details !== false) {
        report.details = buildDetails(r, c, capacity, estR.assumptions, boundR.facts !== null);
        // Why the ranges are wider than validated, where they are.
        for (const why of pr.why)
            report.details.assumptions.push({ name: 'ranges', value: why, source: 'method' });
    }
    return report;
}

;// CONCATENATED MODULE: ./src/core/index.ts
// The verification core's public face: pure functions, no I/O, no GitHub.






/** Loads, validates and verifies one plan file; a file that is not a valid plan gets verdict `error`. */
function verifyPlanText(file, text, readReference) {
    const result = load_loadPlan(file, text, readReference);
    if (!result.ok) {
        return { file, name: file, verdict: 'error', checks: [], metrics: null, errors: result.errors };
    }
    return verify_verifyLoadedPlan(result.loaded);
}

;// CONCATENATED MODULE: ./node_modules/markdown-table/index.js
// To do: next major: remove.
/**
 * @typedef {Options} MarkdownTableOptions
 *   Configuration.
 */

/**
 * @typedef Options
 *   Configuration.
 * @property {boolean | null | undefined} [alignDelimiters=true]
 *   Whether to align the delimiters (default: `true`);
 *   they are aligned by default:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   Pass `false` to make them staggered:
 *
 *   ```markdown
 *   | Alpha | B |
 *   | - | - |
 *   | C | Delta |
 *   ```
 * @property {ReadonlyArray<string | null | undefined> | string | null | undefined} [align]
 *   How to align columns (default: `''`);
 *   one style for all columns or styles for their respective columns;
 *   each style is either `'l'` (left), `'r'` (right), or `'c'` (center);
 *   other values are treated as `''`, which doesn’t place the colon in the
 *   alignment row but does align left;
 *   *only the lowercased first character is used, so `Right` is fine.*
 * @property {boolean | null | undefined} [delimiterEnd=true]
 *   Whether to end each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B
 *   | ----- | -----
 *   | C     | Delta
 *   ```
 * @property {boolean | null | undefined} [fillRows=true]
 *   Whether to fill rows with empty cells up to the most cells in a row
 *   (default: `true`).
 *
 *   When `true`, all rows have as many cells as the longest row:
 *
 *   ```markdown
 *   | Alpha | B    |   |
 *   | ----- | ---- | - |
 *   | C     |      |   |
 *   | D     | Echo | F |
 *   ```
 *
 *   When `false`, rows keep their cells,
 *   and the delimiter row has as many cells as the header row:
 *
 *   ```markdown
 *   | Alpha | B    |
 *   | ----- | ---- |
 *   | C     |
 *   | D     | Echo | F |
 *   ```
 * @property {boolean | null | undefined} [delimiterStart=true]
 *   Whether to begin each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are starting delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no starting delimiters:
 *
 *   ```markdown
 *   Alpha | B     |
 *   ----- | ----- |
 *   C     | Delta |
 *   ```
 * @property {boolean | null | undefined} [padding=true]
 *   Whether to add a space of padding between delimiters and cells
 *   (default: `true`).
 *
 *   When `true`, there is padding:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there is no padding:
 *
 *   ```markdown
 *   |Alpha|B    |
 *   |-----|-----|
 *   |C    |Delta|
 *   ```
 * @property {((value: string) => number) | null | undefined} [stringLength]
 *   Function to detect the length of table cell content (optional);
 *   this is used when aligning the delimiters (`|`) between table cells;
 *   full-width characters and emoji mess up delimiter alignment when viewing
 *   the markdown source;
 *   to fix this, you can pass this function,
 *   which receives the cell content and returns its “visible” size;
 *   note that what is and isn’t visible depends on where the text is displayed.
 *
 *   Without such a function, the following:
 *
 *   ```js
 *   markdownTable([
 *     ['Alpha', 'Bravo'],
 *     ['中文', 'Charlie'],
 *     ['👩‍❤️‍👩', 'Delta']
 *   ])
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo |
 *   | - | - |
 *   | 中文 | Charlie |
 *   | 👩‍❤️‍👩 | Delta |
 *   ```
 *
 *   With [`string-width`](https://github.com/sindresorhus/string-width):
 *
 *   ```js
 *   import stringWidth from 'string-width'
 *
 *   markdownTable(
 *     [
 *       ['Alpha', 'Bravo'],
 *       ['中文', 'Charlie'],
 *       ['👩‍❤️‍👩', 'Delta']
 *     ],
 *     {stringLength: stringWidth}
 *   )
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo   |
 *   | ----- | ------- |
 *   | 中文  | Charlie |
 *   | 👩‍❤️‍👩    | Delta   |
 *   ```
 */

/**
 * Get the length of a cell.
 *
 * @param {string} value
 *   Cell value.
 * @returns {number}
 *   Cell size.
 */
function defaultStringLength(value) {
  return value.length
}

/**
 * Generate a markdown
 * ([GFM](https://docs.github.com/en/github/writing-on-github/working-with-advanced-formatting/organizing-information-with-tables))
 * table.
 *
 * @param {ReadonlyArray<ReadonlyArray<string | null | undefined>>} table
 *   Table data (matrix of strings).
 * @param {Readonly<Options> | null | undefined} [options]
 *   Configuration (optional).
 * @returns {string}
 *   Result.
 */
function markdownTable(table, options) {
  const settings = options || {}
  // To do: next major: change to spread.
  // eslint-disable-next-line unicorn/prefer-spread -- `align` can be a string.
  const align = (settings.align || []).concat()
  const stringLength = settings.stringLength || defaultStringLength
  /** @type {Array<number>} Character codes as symbols for alignment per column. */
  const alignments = []
  /** @type {Array<Array<string>>} Cells per row. */
  const cellMatrix = []
  /** @type {Array<Array<number>>} Sizes of each cell per row. */
  const sizeMatrix = []
  /** @type {Array<number>} */
  const longestCellByColumn = []
  let mostCellsPerRow = 0
  let rowIndex = -1

  // This is a superfluous loop if we don’t align delimiters, but otherwise we’d
  // do superfluous work when aligning, so optimize for aligning.
  while (++rowIndex < table.length) {
    /** @type {Array<string>} */
    const row = []
    /** @type {Array<number>} */
    const sizes = []
    let columnIndex = -1

    if (table[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table[rowIndex].length
    }

    while (++columnIndex < table[rowIndex].length) {
      const cell = serialize(table[rowIndex][columnIndex])

      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell)
        sizes[columnIndex] = size

        if (
          longestCellByColumn[columnIndex] === undefined ||
          size > longestCellByColumn[columnIndex]
        ) {
          longestCellByColumn[columnIndex] = size
        }
      }

      row.push(cell)
    }

    cellMatrix[rowIndex] = row
    sizeMatrix[rowIndex] = sizes
  }

  // Figure out which alignments to use.
  let columnIndex = -1

  if (typeof align === 'object' && 'length' in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex])
    }
  } else {
    const code = toAlignment(align)

    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code
    }
  }

  // Inject the alignment row.
  columnIndex = -1
  /** @type {Array<string>} */
  const row = []
  /** @type {Array<number>} */
  const sizes = []

  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex]
    let before = ''
    let after = ''

    if (code === 99 /* `c` */) {
      before = ':'
      after = ':'
    } else if (code === 108 /* `l` */) {
      before = ':'
    } else if (code === 114 /* `r` */) {
      after = ':'
    }

    // There *must* be at least one hyphen-minus in each alignment cell.
    let size =
      settings.alignDelimiters === false
        ? 1
        : Math.max(
            1,
            longestCellByColumn[columnIndex] - before.length - after.length
          )

    const cell = before + '-'.repeat(size) + after

    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length

      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size
      }

      sizes[columnIndex] = size
    }

    row[columnIndex] = cell
  }

  // Inject the alignment row.
  cellMatrix.splice(1, 0, row)
  sizeMatrix.splice(1, 0, sizes)

  rowIndex = -1
  /** @type {Array<string>} */
  const lines = []

  while (++rowIndex < cellMatrix.length) {
    const row = cellMatrix[rowIndex]
    const sizes = sizeMatrix[rowIndex]
    const cellsInRow =
      settings.fillRows === false
        ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length)
        : mostCellsPerRow
    columnIndex = -1
    /** @type {Array<string>} */
    const line = []

    while (++columnIndex < cellsInRow) {
      const cell = row[columnIndex] || ''
      let before = ''
      let after = ''

      if (settings.alignDelimiters !== false) {
        const size =
          longestCellByColumn[columnIndex] - (sizes[columnIndex] || 0)
        const code = alignments[columnIndex]

        if (code === 114 /* `r` */) {
          before = ' '.repeat(size)
        } else if (code === 99 /* `c` */) {
          const half = size / 2

          if (size % 2) {
            before = ' '.repeat(half + 0.5)
            after = ' '.repeat(half - 0.5)
          } else {
            before = ' '.repeat(half)
            after = before
          }
        } else {
          after = ' '.repeat(size)
        }
      }

      if (settings.delimiterStart !== false && !columnIndex) {
        line.push('|')
      }

      if (
        settings.padding !== false &&
        // Don’t add the opening space if we’re not aligning and the cell is
        // empty: there will be a closing space.
        !(settings.alignDelimiters === false && cell === '') &&
        (settings.delimiterStart !== false || columnIndex)
      ) {
        line.push(' ')
      }

      if (settings.alignDelimiters !== false) {
        line.push(before)
      }

      line.push(cell)

      if (settings.alignDelimiters !== false) {
        line.push(after)
      }

      if (settings.padding !== false) {
        line.push(' ')
      }

      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push('|')
      }
    }

    lines.push(
      settings.delimiterEnd === false
        ? line.join('').replace(/ +$/, '')
        : line.join('')
    )
  }

  return lines.join('\n')
}

/**
 * Serialize a cell value.
 *
 * @param {string | null | undefined} [value]
 *   Value to serialize.
 * @returns {string}
 *   Result.
 */
function serialize(value) {
  return value === null || value === undefined ? '' : String(value)
}

/**
 * Get the alignment character code from a value.
 *
 * @param {string | null | undefined} value
 *   Value.
 * @returns {number}
 *   Alignment.
 */
function toAlignment(value) {
  const code = typeof value === 'string' ? value.codePointAt(0) : 0

  return code === 67 /* `C` */ || code === 99 /* `c` */
    ? 99 /* `c` */
    : code === 76 /* `L` */ || code === 108 /* `l` */
      ? 108 /* `l` */
      : code === 82 /* `R` */ || code === 114 /* `r` */
        ? 114 /* `r` */
        : 0
}

;// CONCATENATED MODULE: ./src/suggest/candidate.ts
/** Bytes-per-value order, for "make it fp8" only where that shrinks a component. */
const WIDER_THAN_FP8 = new Set(['fp32', 'bf16', 'fp16']);
function isWiderThanFp8(dtype) {
    return dtype === undefined || WIDER_THAN_FP8.has(dtype);
}
function parallelismFor(base, layout) {
    const p = { tp: layout.tp, pp: layout.pp, dp: layout.dp, cp: layout.cp, ep: layout.ep };
    if (base.model.moe && layout.etp !== undefined)
        p.etp = layout.etp;
    // A hand-made stage split or microbatch count only means something for the plan's own pp.
    const basePp = base.parallelism.pp ?? 1;
    if (layout.pp === basePp) {
        if (base.parallelism.layers_per_stage !== undefined)
            p.layers_per_stage = base.parallelism.layers_per_stage;
        if (base.parallelism.microbatches !== undefined)
            p.microbatches = base.parallelism.microbatches;
    }
    return p;
}
function fp8Weights(model) {
    const w = model.weight_dtypes;
    const narrowed = w === undefined ? undefined : Object.fromEntries(Object.entries(w).map(([k, v]) => [k, isWiderThanFp8(v) ? 'fp8' : v]));
    // The KV cache keeps its own dtype: the default would follow the weights (16-bit stays 16-bit).
    const kv = model.kv_cache_dtype ?? (isWiderThanFp8(model.weight_dtype) ? (model.weight_dtype ?? 'bf16') : undefined);
    return {
        ...model,
        weight_dtype: 'fp8',
        ...(narrowed !== undefined ? { weight_dtypes: narrowed } : {}),
        ...(kv !== undefined ? { kv_cache_dtype: kv } : {}),
    };
}
function workloadFor(base, v) {
    const w = { ...base };
    if (v.concurrency !== undefined)
        w.concurrency = v.concurrency;
    if (v.max_input_tokens !== undefined) {
        w.max_input_tokens = v.max_input_tokens;
        if (w.input_tokens !== undefined && w.input_tokens > v.max_input_tokens)
            w.input_tokens = v.max_input_tokens;
    }
    return w;
}
/**
 * The plan with the variation applied. Claims are left out: they state what the author's own
 * layout achieves, not what another layout would. Lines are dropped: they would point at keys
 * the candidate changed.
 */
function buildCandidatePlan(base, v) {
    const plan = base.plan;
    let model = plan.model;
    if (v.weight_dtype === 'fp8')
        model = fp8Weights(model);
    if (v.kv_cache_dtype === 'fp8')
        model = { ...model, kv_cache_dtype: 'fp8' };
    const candidate = {
        ...plan,
        model,
        hardware: { ...plan.hardware, gpus: v.gpus },
        parallelism: parallelismFor(plan, v.layout),
        workload: workloadFor(plan.workload, v),
        claims: {},
    };
    return { file: base.file, plan: candidate, lines: {}, origins: base.origins };
}
/** The plan's own layout, as the engine-rule vocabulary writes it (etp made explicit for MoE). */
function planLayout(plan) {
    const p = plan.parallelism;
    const tp = p.tp ?? 1;
    const ep = p.ep ?? 1;
    const layout = { tp, pp: p.pp ?? 1, dp: p.dp ?? 1, cp: p.cp ?? 1, ep };
    if (plan.model.moe)
        layout.etp = p.etp ?? (ep === 1 ? tp : 1);
    return layout;
}
function layoutText(l) {
    const parts = [`tp=${l.tp}`, `pp=${l.pp}`, `dp=${l.dp}`];
    if (l.cp > 1)
        parts.push(`cp=${l.cp}`);
    if (l.ep > 1 || l.etp !== undefined)
        parts.push(`ep=${l.ep}`);
    if (l.etp !== undefined)
        parts.push(`etp=${l.etp}`);
    return parts.join(' ');
}

;// CONCATENATED MODULE: ./src/report/format.ts
// Number formatting for reports: each unit at a precision a reader can compare at a glance.
// Null is "not computable", never 0 (contract: a figure that cannot be computed is null).
const NOT_COMPUTABLE = 'not computable';
/** U+2212, the typographic minus: a hyphen reads as a dash in prose. */
const MINUS = '\u2212';
/** Digits after the point so that small figures keep 3 significant digits, large ones stay short. */
function decimalsFor(magnitude) {
    if (magnitude < 10)
        return 2;
    if (magnitude < 100)
        return 1;
    return 0;
}
/** Thousands separators without locale dependence: 1234567 -> "1,234,567". */
function formatCount(n) {
    if (!Number.isFinite(n))
        return String(n);
    const rounded = Math.round(n);
    const digits = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return rounded < 0 ? `${MINUS}${digits}` : digits;
}
/** A plain number with up to `maxDecimals`, trailing zeros dropped (0.90 -> 0.9). */
function format_formatNumber(n, maxDecimals = 2) {
    if (!Number.isFinite(n))
        return String(n);
    if (Math.abs(n) >= 1000)
        return formatCount(n);
    const text = n.toFixed(maxDecimals).replace(/\.?0+$/, '');
    return text.startsWith('-') ? `${MINUS}${text.slice(1)}` : text;
}
/** GiB with 2 decimals under 10 GiB, 1 decimal above (18.9 GiB, 4.66 GiB). */
function formatGiB(gib) {
    const abs = Math.abs(gib);
    const text = abs < 10 ? abs.toFixed(2) : abs.toFixed(1);
    return `${gib < 0 ? MINUS : ''}${abs >= 1000 ? formatCount(abs) : text} GiB`;
}
/** Milliseconds below one second (41.2 ms), seconds above (1.23 s), minutes past ten minutes. */
function formatMs(ms) {
    const abs = Math.abs(ms);
    const sign = ms < 0 ? MINUS : '';
    if (abs < 1000)
        return `${sign}${abs.toFixed(decimalsFor(abs))} ms`;
    const s = abs / 1000;
    if (s < 600)
        return `${sign}${s.toFixed(decimalsFor(s))} s`;
    const min = s / 60;
    return `${sign}${min >= 1000 ? formatCount(min) : min.toFixed(decimalsFor(min))} min`;
}
/** Token rates with k/M suffixes at 3 significant digits (850 tokens/s, 12.3k tokens/s, 1.23M tokens/s). */
function formatTokensPerS(rate) {
    const abs = Math.abs(rate);
    const sign = rate < 0 ? MINUS : '';
    if (abs < 1000)
        return `${sign}${abs.toFixed(abs < 10 ? 2 : abs < 100 ? 1 : 0)} tokens/s`;
    if (abs < 1e6) {
        const k = abs / 1000;
        return `${sign}${k.toFixed(decimalsFor(k))}k tokens/s`;
    }
    const m = abs / 1e6;
    return `${sign}${m >= 1000 ? formatCount(m) : m.toFixed(decimalsFor(m))}M tokens/s`;
}
/** A fraction as a percentage (0.9 -> 90%, 0.123 -> 12.3%). */
function formatPercent(fraction) {
    const pct = Math.abs(fraction * 100);
    const text = pct >= 10 ? pct.toFixed(pct >= 100 ? 0 : 1) : pct.toFixed(2);
    return `${fraction < 0 ? MINUS : ''}${text.replace(/\.?0+$/, '')}%`;
}
const FORMATTERS = {
    gib: formatGiB,
    ms: formatMs,
    s: (s) => formatMs(s * 1000),
    'tokens/s': formatTokensPerS,
    'tokens/ms': (r) => formatTokensPerS(r * 1000),
    fraction: formatPercent,
    ratio: formatPercent,
    '%': (p) => formatPercent(p / 100),
    bytes: (b) => formatGiB(b / 2 ** 30),
};
/** Any check figure in its unit; unknown units get a plain number followed by the unit. */
function formatQuantity(value, unit) {
    if (value === null || value === undefined || !Number.isFinite(value))
        return NOT_COMPUTABLE;
    const formatter = unit ? FORMATTERS[unit.toLowerCase()] : undefined;
    if (formatter)
        return formatter(value);
    const number = Number.isInteger(value) ? formatCount(value) : format_formatNumber(value);
    return unit ? `${number} ${unit}` : number;
}
/** A signed difference in the same unit: +3.70 GiB, −5.00 ms; ±0 when it rounds to nothing. */
function formatDelta(current, base, unit) {
    const delta = current - base;
    const magnitude = formatQuantity(Math.abs(delta), unit);
    if (/^[0.]+(\s|%|$)/.test(magnitude) || delta === 0)
        return '\u00B10';
    return `${delta > 0 ? '+' : MINUS}${magnitude}`;
}
/**
 * A figure with its change from the base branch, e.g. "18.9 GiB (+3.70 GiB)".
 * `base` undefined: no comparison asked; null: the base could not compute it.
 */
function formatWithDelta(current, unit, base) {
    const text = formatQuantity(current, unit);
    if (base === undefined)
        return text;
    const hasCurrent = current !== null && current !== undefined && Number.isFinite(current);
    const hasBase = base !== null && Number.isFinite(base);
    if (hasCurrent && hasBase)
        return `${text} (${formatDelta(current, base, unit)})`;
    if (hasCurrent)
        return `${text} (was ${NOT_COMPUTABLE})`;
    if (hasBase)
        return `${text} (was ${formatQuantity(base, unit)})`;
    return text;
}

;// CONCATENATED MODULE: ./src/suggest/words.ts
// Figures of candidates in words, shared by the text and markdown renderers: an estimate as is,
// a bound marked with ≤ / ≥ so that it never reads as a prediction.


const OBJECTIVE_TEXT = {
    'throughput-per-gpu': 'throughput per device (higher first)',
    ttft: 'time to first token (lower first)',
    tpot: 'time per output token (lower first)',
    gpus: 'fewest devices',
};
const STATUS_TEXT = { pass: 'passes', possible: 'not ruled out (unverified)', fail: 'fails' };
/** An estimate, else its bound with the side it bounds ("≤ 46.1k tokens/s"), else "not computable". */
function estimateOrBound(estimate, bound, unit, boundSide) {
    if (estimate !== null)
        return formatQuantity(estimate, unit);
    if (bound !== null)
        return `${boundSide} ${formatQuantity(bound, unit)}`;
    return NOT_COMPUTABLE;
}
function figureTexts(c) {
    const f = c.figures;
    const gpus = c.variation.gpus;
    const perGpuBound = f.throughput_upper_bound_tokens_per_s === null ? null : f.throughput_upper_bound_tokens_per_s / gpus;
    return {
        throughput: estimateOrBound(f.throughput_tokens_per_s, f.throughput_upper_bound_tokens_per_s, 'tokens/s', '≤'),
        perGpu: estimateOrBound(f.throughput_per_gpu_tokens_per_s, perGpuBound, 'tokens/s', '≤'),
        ttft: estimateOrBound(f.ttft_ms, f.ttft_lower_bound_ms, 'ms', '≥'),
        tpot: estimateOrBound(f.tpot_ms, f.tpot_lower_bound_ms, 'ms', '≥'),
        memory: estimateOrBound(f.memory_per_gpu_gib, f.memory_per_gpu_lower_bound_gib, 'GiB', '≥'),
    };
}
const SHORT_ID = {
    'memory.fits': 'memory',
    'requirements.throughput': 'throughput',
    'requirements.ttft': 'TTFT',
    'requirements.tpot': 'TPOT',
    'requirements.max_memory_utilization': 'memory use',
};
/** "throughput +12% · TTFT +80% · memory +41%" (margins as headroom; "(bound)" when only the bound is known). */
function marginText(reqs) {
    if (reqs.length === 0)
        return 'no requirements';
    return reqs
        .map((r) => {
        const name = SHORT_ID[r.id] ?? r.id;
        if (r.margin === null)
            return `${name} ${r.status === 'unverified' ? 'unverified' : NOT_COMPUTABLE}`;
        const sign = r.margin >= 0 ? '+' : '';
        return `${name} ${sign}${formatPercent(r.margin)}${r.basis === 'bound' ? ' (bound)' : ''}`;
    })
        .join(' · ');
}
/** What a variation changes, for humans: "16 devices, tp=8 pp=1 dp=2, fp8 weights". */
function variationText(v) {
    const parts = [`${v.gpus} device${v.gpus === 1 ? '' : 's'}`, layoutText(v.layout)];
    if (v.weight_dtype)
        parts.push(`${v.weight_dtype} weights`);
    if (v.kv_cache_dtype)
        parts.push(`${v.kv_cache_dtype} KV cache`);
    if (v.concurrency !== undefined)
        parts.push(`concurrency ${v.concurrency}`);
    if (v.max_input_tokens !== undefined)
        parts.push(`max input ${v.max_input_tokens} tokens`);
    return parts.join(', ');
}
function requiredText(id, value, unit) {
    return `${SHORT_ID[id] ?? id} ${id === 'requirements.throughput' ? '≥' : '≤'} ${formatQuantity(value, unit)}`;
}

;// CONCATENATED MODULE: ./src/report/escape.ts
// Neutralising text that comes from a plan (names, paths, messages quoting plan text) before it
// goes into GitHub markdown: it must not break a table, inject HTML, format, link, or ping anyone.
// markdown-table escapes nothing, so every cell goes through escapeCell first.
const ZERO_WIDTH_SPACE = '\u200B';
const HTML_ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/**
 * Plan text for inline markdown (a paragraph, list item or heading): HTML is entity-encoded,
 * markdown punctuation backslash-escaped, @mentions and #123 references broken with a
 * zero-width space, and newlines turned into <br> so text cannot start a new block.
 */
function escape_escapeMarkdown(text) {
    return text
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
        .replace(/[&<>"]/g, (c) => HTML_ENTITIES[c] ?? c)
        .replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`)
        .replace(/@(?=[A-Za-z0-9_-])/g, `@${ZERO_WIDTH_SPACE}`)
        .replace(/#(?=\d)/g, `#${ZERO_WIDTH_SPACE}`)
        .replace(/\b(https?|ftp|www)(?=[.:])/gi, (s) => `${s}${ZERO_WIDTH_SPACE}`)
        .replace(/\r\n?|\n/g, '<br>');
}
/** Plan text for a table cell: as escapeMarkdown (which already escapes `|` and newlines). */
function escapeCell(text) {
    return escape_escapeMarkdown(text).trim() || ' ';
}
/** Text that goes into a Mermaid string: only characters that cannot end the string or inject. */
function mermaidLabel(text) {
    return text.replace(/[^A-Za-z0-9 .,:/+\-()]/g, '').slice(0, 60);
}
/**
 * Plan text for a terminal: control characters (ANSI escape sequences, carriage returns that
 * overwrite a line) are shown as \xNN instead of being sent to the terminal.
 */
function escapeTerminal(text) {
    return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

;// CONCATENATED MODULE: ./src/report/alternatives.ts
// Markdown for `suggest`: the short, folded "Alternatives" section the action adds to its comment
// for failing or warning plans, and the full report of `suggest --format markdown`.
// Plan text goes through escape.ts; the layouts and figures are ours.





const table = (rows) => markdownTable(rows, { alignDelimiters: false });
const code = (text) => `\`${text}\``;
function layoutsTable(cands, plan) {
    const rows = [['#', 'Devices', 'Layout', 'Throughput', 'Per device', 'TTFT', 'TPOT', 'Memory / device', 'Margins']];
    const row = (label, c) => {
        const f = figureTexts(c);
        // the layout is ours (sizes and '='): a code span needs no escaping
        return [label, String(c.variation.gpus), code(layoutText(c.variation.layout)), ...[f.throughput, f.perGpu, f.ttft, f.tpot, f.memory, marginText(c.requirements)].map(escapeCell)];
    };
    cands.forEach((c, i) => rows.push(row(String(i + 1), c)));
    rows.push(row('plan', plan));
    return table(rows);
}
function impossibleLines(r) {
    const unmet = r.unmet.map((u) => `- **${escape_escapeMarkdown(requiredText(u.id, u.required, u.unit))}** is met by no layout of ${r.plan_gpus} devices on the estimates: the best is ${formatQuantity(u.best_estimate, u.unit)} (${code(layoutText(u.best_layout))}); the physical bound does not rule it out.`);
    return [...unmet, ...r.impossible.map((i) => {
            const reach = i.smallest_gpus !== null
                ? ` The smallest device count whose bound reaches it: **${i.smallest_gpus}** (${code(layoutText(i.smallest_layout))}, bound ${formatQuantity(i.smallest_bound, i.unit)}).`
                : ` No device count up to ${i.scanned_up_to} reaches it.`;
            return `- **${escape_escapeMarkdown(requiredText(i.id, i.required, i.unit))}** is out of reach on ${r.plan_gpus} devices: the best physical bound of any layout is ${formatQuantity(i.best_bound, i.unit)} (${code(layoutText(i.best_layout))}), set by ${escape_escapeMarkdown(i.reason)}.${reach}`;
        })];
}
const OUTCOME = { found: '✅ passes', possible: '❔ not ruled out', none: '❌ no', 'not-applicable': '—' };
function whatIfTable(r) {
    const rows = [['Change', 'Outcome', 'Figures', 'Detail']];
    for (const a of r.what_if) {
        const figures = a.candidate ? (() => {
            const f = figureTexts(a.candidate);
            return `${f.throughput} · TTFT ${f.ttft} · TPOT ${f.tpot} · ${f.memory}/device`;
        })() : '';
        rows.push([escapeCell(a.change), OUTCOME[a.outcome], escapeCell(figures), escapeCell(a.detail)]);
    }
    return table(rows);
}
function planLine(r) {
    const f = figureTexts(r.plan);
    return `The plan as written (${escape_escapeMarkdown(variationText(r.plan.variation))}) ${STATUS_TEXT[r.plan.status]}: throughput ${f.throughput}, TTFT ${f.ttft}, TPOT ${f.tpot}, memory ${f.memory} per device; margins ${escape_escapeMarkdown(marginText(r.plan.requirements))}.`;
}
function topHeading(r) {
    if (r.top.length === 0)
        return `No layout of 1 to ${r.search.gpus_to} devices passes.`;
    const status = r.top[0].status;
    if (status === 'pass')
        return `Best layouts that pass, by ${OBJECTIVE_TEXT[r.objective]}:`;
    if (status === 'possible')
        return 'No layout passes on the estimates; these are the best the physical bounds leave open (unverified):';
    return `No layout of 1 to ${r.search.gpus_to} devices passes; the closest (smallest shortfall on their worst requirement):`;
}
/** The folded "Alternatives" section for one plan's report in a pull-request comment. */
function renderAlternativesMarkdown(r, options = {}) {
    const top = options.top ?? 3;
    const parts = [planLine(r), ...impossibleLines(r)];
    parts.push(topHeading(r));
    if (r.top.length > 0)
        parts.push(layoutsTable(r.top.slice(0, top), r.plan));
    const helpful = r.what_if.filter((a) => a.outcome === 'found' || a.outcome === 'possible');
    if (helpful.length > 0) {
        parts.push('What would make it pass:');
        parts.push(helpful.map((a) => `- ${a.outcome === 'found' ? '✅' : '❔'} ${code(a.change.replace(/`/g, "'"))}: ${escapeMarkdown(a.detail)}`).join('\n'));
    }
    return `<details>\n<summary>Alternatives</summary>\n\n${parts.join('\n\n')}\n\n</details>\n`;
}
/** `suggest --format markdown`: the whole search result. */
function renderSuggestMarkdown(r) {
    const title = `### Suggestions for ${escape_escapeMarkdown(r.name)}${r.name !== r.file ? ` (${escape_escapeMarkdown(r.file)})` : ''}`;
    const parts = [
        title,
        `Plan verdict: **${r.plan_verdict}**. Searched ${r.search.gpu_counts} device counts (${r.search.gpus_from}–${r.search.gpus_to}), ${r.search.layouts} layouts: ${r.search.passing} pass, ${r.search.possible} not ruled out.`,
        planLine(r),
        ...impossibleLines(r),
        topHeading(r),
    ];
    if (r.top.length > 0)
        parts.push(layoutsTable(r.top, r.plan));
    parts.push('#### What would make it pass', whatIfTable(r));
    for (const n of r.notes)
        parts.push(`> ${escape_escapeMarkdown(n)}`);
    return `${parts.join('\n\n')}\n`;
}

;// CONCATENATED MODULE: ./src/report/json.ts
/** The contract puts the ranges inside the metrics ("Version 1.1 / How sure"). */
function orderedPlan(plan) {
    const { file, name, verdict, checks, metrics, errors, details, ranges, ...extensions } = plan;
    const withRanges = metrics && ranges ? { ...metrics, ranges } : metrics;
    return { file, name, verdict, checks, metrics: withRanges, errors, ...(details ? { details } : {}), ...extensions };
}
/** Non-finite numbers have no JSON form; the contract's "could not compute" is null. */
const finiteOrNull = (_key, value) => typeof value === 'number' && !Number.isFinite(value) ? null : value;
function renderJson(report) {
    const ordered = { version: report.version, verdict: report.verdict, plans: report.plans.map(orderedPlan) };
    return `${JSON.stringify(ordered, finiteOrNull, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/report/summary.ts
const VERDICT_EMOJI = { pass: '✅', warn: '⚠️', fail: '❌', error: '🛑' };
const STATUS_EMOJI = { pass: '✅', warn: '⚠️', fail: '❌', unverified: '❔' };
/** Order in which checks are listed: what needs attention first. */
const STATUS_ORDER = { fail: 0, warn: 1, unverified: 2, pass: 3 };
const VERDICT_ORDER = ['error', 'fail', 'warn', 'pass'];
/** Checks that need attention (fail, warn, unverified) first, each group in the core's order. */
function checksByUrgency(checks) {
    const sorted = checks
        .map((check, index) => ({ check, index }))
        .sort((a, b) => STATUS_ORDER[a.check.status] - STATUS_ORDER[b.check.status] || a.index - b.index)
        .map((entry) => entry.check);
    return { attention: sorted.filter((c) => c.status !== 'pass'), passing: sorted.filter((c) => c.status === 'pass') };
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** "2 failed, 1 warning, 3 unverified, 10 passed" (zeros left out). */
function checkCounts(checks) {
    const count = (status) => checks.filter((c) => c.status === status).length;
    const parts = [
        [count('fail'), 'failed'],
        [count('warn'), count('warn') === 1 ? 'warning' : 'warnings'],
        [count('unverified'), 'unverified'],
        [count('pass'), 'passed'],
    ];
    const text = parts.filter(([n]) => n > 0).map(([n, word]) => `${n} ${word}`).join(', ');
    return text ? `checks: ${text}` : 'no checks';
}
/** "3 plans: 1 fail, 1 warn, 1 pass" (zeros left out). */
function planCounts(plans) {
    const parts = VERDICT_ORDER.map((v) => [plans.filter((p) => p.verdict === v).length, v])
        .filter(([n]) => n > 0)
        .map(([n, v]) => `${n} ${v}`);
    return `${plural(plans.length, 'plan')}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}
/** The unit of a metric, from the suffix of its contract name (memory_per_gpu_gib -> GiB). */
function metricUnit(key) {
    if (key.endsWith('_gib'))
        return 'GiB';
    if (key.endsWith('_ms'))
        return 'ms';
    if (key.endsWith('_tokens_per_s'))
        return 'tokens/s';
    if (key.endsWith('_tokens'))
        return 'tokens';
    if (key.endsWith('_fraction') || key.endsWith('_utilization'))
        return 'fraction';
    return undefined;
}
/** Keys missing for a check that its detail does not already name (the core often lists them in the text). */
function unnamedMissing(check) {
    return (check.missing ?? []).filter((key) => !check.detail.includes(key));
}

;// CONCATENATED MODULE: ./src/report/text.ts



const STATUS_LABEL = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', unverified: 'UNVERIFIED', error: 'ERROR' };
function checkLine(check) {
    const hasValue = check.value !== undefined;
    const hasLimit = check.limit !== undefined;
    let figures = '';
    if (hasValue && hasLimit) {
        const value = formatQuantity(check.value, check.unit);
        const limit = formatQuantity(check.limit, check.unit);
        figures = ` (${value} vs ${limit})`;
    }
    else if (hasValue)
        figures = ` (${formatQuantity(check.value, check.unit)})`;
    const unnamed = unnamedMissing(check);
    const missing = unnamed.length ? ` [missing: ${unnamed.join(', ')}]` : '';
    const where = check.line !== undefined ? ` [line ${check.line}]` : '';
    return `  ${STATUS_LABEL[check.status]} ${check.id}: ${check.detail}${figures}${missing}${where}`;
}
/** `file:line: path: message`; the parts that are unknown are left out. */
function errorLine(file, error) {
    const location = error.line !== undefined ? `${file}:${error.line}` : file;
    // Loader messages already lead with their key; do not say it twice.
    const path = error.path && !error.message.startsWith(`${error.path}`) && !error.message.startsWith(`${error.path.split('.')[0]}.`) ? `${error.path}: ` : '';
    return `${location}: ${path}${error.message}`;
}
function keyMetrics(plan) {
    const m = plan.metrics;
    if (!m)
        return '';
    const figures = [
        ['memory/GPU', formatQuantity(m.memory_per_gpu_gib, 'GiB')],
        ['TTFT', formatQuantity(m.ttft_ms, 'ms')],
        ['TPOT', formatQuantity(m.tpot_ms, 'ms')],
        ['decode step', formatQuantity(m.decode_step_ms, 'ms')],
        ['throughput', formatQuantity(m.throughput_tokens_per_s, 'tokens/s')],
        ['KV cache capacity', formatQuantity(m.kv_cache_capacity_tokens, 'tokens')],
    ];
    return `  ${figures.map(([k, v]) => `${k} ${v}`).join(' · ')}`;
}
function renderPlanText(plan) {
    const lines = [`${STATUS_LABEL[plan.verdict]} ${plan.file}${plan.name !== plan.file ? ` (${plan.name})` : ''} — ${checkCounts(plan.checks)}`];
    for (const error of plan.errors)
        lines.push(errorLine(plan.file, error));
    const { attention, passing } = checksByUrgency(plan.checks);
    for (const check of [...attention, ...passing])
        lines.push(checkLine(check));
    const metrics = keyMetrics(plan);
    if (metrics)
        lines.push(metrics);
    return lines.map(escapeTerminal).join('\n');
}
function renderText(report) {
    const sections = report.plans.map(renderPlanText);
    sections.push(`${STATUS_LABEL[report.verdict]}: ${planCounts(report.plans)}`);
    return `${sections.join('\n\n')}\n`;
}

;// CONCATENATED MODULE: ./src/report/memory-chart.ts
const round2 = (n) => Math.round(n * 100) / 100;
/** The chart, or '' when there is nothing to draw. Totals that are not computable show the weights floor. */
function renderMemoryChart(devices) {
    if (devices.length === 0)
        return '';
    const bars = devices.map((d) => round2(d.total_gib ?? d.total_floor_gib));
    const usable = devices.map((d) => d.usable_gib);
    const hasLine = usable.every((u) => u !== null && Number.isFinite(u));
    const top = Math.max(...bars, ...(hasLine ? usable : [])) || 1;
    const axisMax = Math.ceil((top * 1.1) / 10) * 10;
    const lines = [
        '```mermaid',
        'xychart-beta',
        `  title "Memory per device vs usable capacity (GiB)"`,
        `  x-axis [${devices.map((d) => `"stage ${d.stage}"`).join(', ')}]`,
        `  y-axis "GiB" 0 --> ${axisMax}`,
        `  bar [${bars.join(', ')}]`,
    ];
    if (hasLine)
        lines.push(`  line [${usable.map(round2).join(', ')}]`);
    lines.push('```');
    const partial = devices.some((d) => d.total_gib === null);
    const legend = `Bars: memory of each stage's most loaded device${partial ? ' (the weights floor where the total is not computable)' : ''}${hasLine ? '; line: usable capacity (capacity less the reserve)' : ''}.`;
    return `${lines.join('\n')}\n\n${legend}`;
}

;// CONCATENATED MODULE: ./src/report/markdown.ts
// The markdown report: what the GitHub Action posts as a pull-request comment and job summary.
// Everything that comes from a plan goes through escape.ts; numbers through format.ts.





const markdown_table = (rows) => markdownTable(rows, { alignDelimiters: false });
/** An identifier we generate (check ids, metric names) in a code span; anything odd is escaped instead. */
const markdown_code = (id) => (/^[A-Za-z0-9_.\-]+$/.test(id) ? `\`${id}\`` : escape_escapeMarkdown(id));
function verdictText(verdict, base) {
    if (base && base.verdict !== verdict)
        return `${base.verdict} → ${verdict}`;
    return verdict;
}
/** The first line of a report: emoji, verdict, counts. */
function verdictLine(report, title) {
    const single = report.plans.length === 1 ? report.plans[0] : undefined;
    const counts = single ? `1 plan, ${checkCounts(single.checks)}` : planCounts(report.plans);
    return `${VERDICT_EMOJI[report.verdict]} **${escape_escapeMarkdown(title)}: ${report.verdict}** — ${counts}`;
}
function summaryTable(plans, bases) {
    const metric = (p, key, unit, base) => {
        const text = formatWithDelta(p.metrics?.[key], unit, base ? (base.metrics?.[key] ?? null) : undefined);
        // memory that is not computable still has a floor when the core reports one (extension metric)
        const floor = key === 'memory_per_gpu_gib' ? p.metrics?.memory_per_gpu_lower_bound_gib : undefined;
        const withFloor = p.metrics?.[key] == null && typeof floor === 'number' && floor > 0 ? `${text} (≥ ${formatQuantity(floor, unit)})` : text;
        return escapeCell(withFloor);
    };
    const rows = plans.map((p) => {
        const base = bases?.[p.file];
        const name = `${escapeCell(p.name)}${p.name !== p.file ? `<br>${escapeCell(p.file)}` : ''}${base === null ? ' (new)' : ''}`;
        return [
            name,
            `${VERDICT_EMOJI[p.verdict]} ${verdictText(p.verdict, base)}`,
            metric(p, 'memory_per_gpu_gib', 'GiB', base),
            metric(p, 'ttft_ms', 'ms', base),
            metric(p, 'tpot_ms', 'ms', base),
            metric(p, 'throughput_tokens_per_s', 'tokens/s', base),
        ];
    });
    return markdown_table([['Plan', 'Verdict', 'Memory / GPU', 'TTFT', 'TPOT', 'Throughput'], ...rows]);
}
function checkRow(check, base) {
    const before = base?.checks.find((c) => c.id === check.id && c.unit === check.unit);
    const status = before && before.status !== check.status ? `${before.status} → ${check.status}` : check.status;
    const baseValue = base ? (before ? (before.value ?? null) : undefined) : undefined;
    const value = check.value === undefined ? '' : formatWithDelta(check.value, check.unit, baseValue);
    const limit = check.limit === undefined ? '' : formatQuantity(check.limit, check.unit);
    const where = check.line !== undefined ? ` (line ${check.line})` : '';
    const unnamed = unnamedMissing(check);
    const missing = unnamed.length ? ` Missing: ${unnamed.join(', ')}.` : '';
    return [
        `${STATUS_EMOJI[check.status]} ${status}`,
        `${escapeCell(check.title)}<br>${markdown_code(check.id)}`,
        escapeCell(value),
        escapeCell(limit),
        escapeCell(`${check.detail}${where}${missing}`),
    ];
}
function checksTable(checks, base) {
    return markdown_table([['Status', 'Check', 'Value', 'Limit', 'Detail'], ...checks.map((c) => checkRow(c, base))]);
}
function errorsList(plan) {
    return plan.errors
        .map((e) => {
        const where = [e.line !== undefined ? `line ${e.line}` : '', e.path ? escape_escapeMarkdown(e.path) : ''].filter(Boolean).join(', ');
        return `- ${where ? `**${where}**: ` : ''}${escape_escapeMarkdown(e.message)}`;
    })
        .join('\n');
}
/** Devices from the details, or one row for the most loaded device from the metrics. */
function memoryDevices(plan) {
    if (plan.details)
        return plan.details.devices;
    const m = plan.metrics;
    if (!m)
        return [];
    return [{
            stage: 0, layers: 0, weights_gib: m.weights_per_gpu_gib, kv_cache_gib: m.kv_cache_per_gpu_gib,
            activations_gib: m.activations_per_gpu_gib, overhead_gib: null, total_gib: m.memory_per_gpu_gib,
            total_floor_gib: m.weights_per_gpu_gib ?? 0, capacity_gib: null, usable_gib: null,
        }];
}
function memorySection(plan, base, h) {
    const devices = memoryDevices(plan);
    if (devices.length === 0)
        return '';
    const baseDevices = base ? memoryDevices(base) : undefined;
    const cell = (d, key) => {
        const before = baseDevices ? (baseDevices.find((b) => b.stage === d.stage)?.[key] ?? null) : undefined;
        return escapeCell(formatWithDelta(d[key], 'GiB', before));
    };
    // a total that is not computable still has a floor (its weights): say so
    const total = (d) => d.total_gib === null && d.total_floor_gib > 0 ? escapeCell(`${NOT_COMPUTABLE} (≥ ${formatQuantity(d.total_floor_gib, 'GiB')})`) : cell(d, 'total_gib');
    const rows = devices.map((d) => [
        plan.details ? `${d.stage} (${d.layers} layers)` : 'most loaded',
        cell(d, 'weights_gib'), cell(d, 'kv_cache_gib'), cell(d, 'activations_gib'), cell(d, 'overhead_gib'),
        total(d), cell(d, 'usable_gib'), cell(d, 'capacity_gib'),
    ]);
    const header = ['Stage', 'Weights', 'KV cache', 'Activations', 'Overhead', 'Total', 'Usable', 'Capacity'];
    const chart = plan.details ? renderMemoryChart(devices) : '';
    return [`${h} Memory per device`, markdown_table([header, ...rows]), chart].filter(Boolean).join('\n\n');
}
const TIME_ROWS = [
    ['ttft_ms', 'TTFT (time to first token)', 'floor'],
    ['tpot_ms', 'TPOT (time per output token)', 'floor'],
    ['decode_step_ms', 'Decode step', 'floor'],
    ['throughput_tokens_per_s', 'Throughput (output, whole deployment)', 'ceiling'],
];
function timeFigures(plan) {
    if (plan.details)
        return plan.details.times;
    const m = plan.metrics;
    if (!m)
        return null;
    const fig = (estimate, unit, bound = null) => ({ estimate, bound, unit });
    return {
        ttft_ms: fig(m.ttft_ms, 'ms'),
        tpot_ms: fig(m.tpot_ms, 'ms'),
        decode_step_ms: fig(m.decode_step_ms, 'ms'),
        throughput_tokens_per_s: fig(m.throughput_tokens_per_s, 'tokens/s', m.throughput_upper_bound_tokens_per_s),
    };
}
function timesSection(plan, base, h) {
    const figures = timeFigures(plan);
    if (!figures)
        return '';
    const baseFigures = base ? timeFigures(base) : undefined;
    const rows = TIME_ROWS.map(([key, label, kind]) => {
        const f = figures[key];
        const before = baseFigures === undefined ? undefined : (baseFigures?.[key].estimate ?? null);
        const bound = f.bound === null ? NOT_COMPUTABLE : `${kind === 'floor' ? '≥' : '≤'} ${formatQuantity(f.bound, f.unit)}`;
        return [label, escapeCell(formatWithDelta(f.estimate, f.unit, before)), escapeCell(bound)];
    });
    const notes = [];
    const times = plan.details?.times;
    if (times?.decode_bound_by)
        notes.push(`The decode step is bound by ${times.decode_bound_by}.`);
    if (times && times.pipeline_bubble_fraction !== null)
        notes.push(`Pipeline bubble: ${formatQuantity(times.pipeline_bubble_fraction, 'fraction')}.`);
    notes.push('Physical bound: the same formula with every efficiency at 1 (a floor for times, a ceiling for rates).');
    return [`${h} Time estimates`, markdown_table([['Figure', 'Estimate', 'Physical bound'], ...rows]), notes.join(' ')].join('\n\n');
}
function metricsSection(metrics, base) {
    const rows = Object.entries(metrics).map(([key, value]) => {
        const before = base ? (base.metrics?.[key] ?? null) : undefined;
        return [markdown_code(key), escapeCell(formatWithDelta(value, metricUnit(key), before))];
    });
    return `<details><summary>All metrics</summary>\n\n${markdown_table([['Metric', 'Value'], ...rows])}\n\n</details>`;
}
function assumptionsSection(plan) {
    const assumptions = plan.details?.assumptions ?? [];
    if (assumptions.length === 0)
        return '';
    const items = assumptions.map((a) => `- ${escape_escapeMarkdown(a.name)}: ${escape_escapeMarkdown(a.value)} (${escape_escapeMarkdown(a.source)})`);
    return `<details><summary>Assumptions (${assumptions.length})</summary>\n\n${items.join('\n')}\n\n</details>`;
}
/** One plan's section: verdict, problems first with their numbers, then memory, times, assumptions. */
function renderPlanMarkdown(plan, opts = {}) {
    const level = Math.min(Math.max(opts.headingLevel ?? 3, 1), 5);
    const h = '#'.repeat(level);
    const sub = '#'.repeat(level + 1);
    const base = opts.base;
    const parts = [];
    const newTag = base === null ? ' (new plan)' : '';
    parts.push(`${h} ${VERDICT_EMOJI[plan.verdict]} ${escape_escapeMarkdown(plan.name)}: ${verdictText(plan.verdict, base)}${newTag}`);
    parts.push(`File: ${escape_escapeMarkdown(plan.file)} · ${checkCounts(plan.checks)}`);
    if (plan.errors.length > 0)
        parts.push(`**${plan.verdict === 'error' ? 'Not a valid plan' : 'Errors'}**\n\n${errorsList(plan)}`);
    const { attention, passing } = checksByUrgency(plan.checks);
    if (attention.length > 0)
        parts.push(checksTable(attention, base));
    if (passing.length > 0) {
        parts.push(`<details><summary>${STATUS_EMOJI.pass} ${passing.length} passing check${passing.length === 1 ? '' : 's'}</summary>\n\n${checksTable(passing, base)}\n\n</details>`);
    }
    if (plan.verdict !== 'error') {
        parts.push(memorySection(plan, base, sub));
        parts.push(timesSection(plan, base, sub));
        if (plan.metrics)
            parts.push(metricsSection(plan.metrics, base));
        parts.push(assumptionsSection(plan));
    }
    return parts.filter(Boolean).join('\n\n');
}
/** The whole report: verdict line first, a summary table when there are several plans, then each plan. */
function renderReportMarkdown(report, opts = {}) {
    const parts = [verdictLine(report, opts.title ?? 'Parallel plan check')];
    if (report.plans.length === 0)
        parts.push('No plan files found.');
    if (report.plans.length > 1)
        parts.push(summaryTable(report.plans, opts.bases));
    for (const plan of report.plans) {
        const base = opts.bases ? opts.bases[plan.file] : undefined;
        parts.push(renderPlanMarkdown(plan, { base, headingLevel: 3 }));
    }
    return `${parts.join('\n\n')}\n`;
}

;// CONCATENATED MODULE: ./src/report/index.ts
// Renderers of a verification Report: pure functions from Report to text.






;// CONCATENATED MODULE: ./src/suggest/bound-reason.ts
// Says which physical resource sets a candidate's bound (HBM bandwidth, peak compute or the
// interconnect), by asking the core's own time functions in their bound mode: no second model.




function slowestResource(perStage) {
    if (perStage.length === 0)
        return null;
    const stage = perStage.reduce((a, c) => (c.total > a.total ? c : a), perStage[0]);
    const comm = stage.comm.transfer + stage.comm.latency;
    const resource = comm > Math.max(stage.compute, stage.memory) ? 'communication' : stage.compute > stage.memory ? 'compute' : 'memory';
    return { resource, stage };
}
const tb = (bytesPerS) => `${(bytesPerS / 1e12).toFixed(2)} TB/s`;
const gb = (bytes) => `${(bytes / 1e9).toFixed(2)} GB`;
function decodeWords(resource, stage, hbm, peak) {
    switch (resource) {
        case 'memory':
            return hbm !== undefined
                ? `HBM bandwidth: each decode step the slowest device reads at least ${gb(stage.memory * hbm)} (its weight shard and KV cache) at ${tb(hbm)}`
                : 'HBM bandwidth';
        case 'compute':
            return peak !== undefined
                ? `peak compute: each decode step the slowest device does at least ${(stage.flops / 1e12).toFixed(2)} TFLOP at ${(peak / 1e12).toFixed(0)} TFLOP/s`
                : 'peak compute';
        case 'communication':
            return 'interconnect bandwidth: the collectives of each decode step';
    }
}
/**
 * Why a requirement's bound is what it is, in words, for the layout of `loaded`; null when the
 * core cannot compute the bound either.
 */
function boundReason(loaded, requirementId) {
    const plan = loaded.plan;
    if (requirementId === 'memory.fits' || requirementId === 'requirements.max_memory_utilization') {
        return 'device memory: the shard of the weights (and KV cache) a device must hold, at the given dtypes';
    }
    const r = resolvePlan(plan, loaded.origins);
    const facts = deriveModelFacts(plan.model, 'bound').facts;
    if (!facts)
        return null;
    const stages = buildStages(facts, r.layout.pp, r.layout.layersPerStage);
    if (!stages)
        return null;
    const wl = r.workload;
    const hbm = r.hardware.memoryBandwidth;
    const peak = r.hardware.peak16;
    if (requirementId === 'requirements.ttft') {
        const pre = prefill(facts, r.layout, r.hardware, wl, stages, wl.inputTokens ?? 1, BOUND_MODE);
        const s = pre ? slowestResource(pre.perStage) : null;
        if (!s)
            return null;
        if (s.resource === 'compute' && peak !== undefined)
            return `peak compute: the prompt's ${((pre.modelFlops) / 1e12).toFixed(2)} TFLOP over ${r.layout.tp * r.layout.cp} devices of a stage at ${(peak / 1e12).toFixed(0)} TFLOP/s, stage after stage`;
        return s.resource === 'memory' ? 'HBM bandwidth: reading the weights for the prompt, stage after stage' : 'interconnect bandwidth during prefill';
    }
    if (wl.concurrency === undefined)
        return null;
    const context = (wl.inputTokens ?? 1) + (wl.outputTokens ?? 0) / 2;
    const dec = decodeStep(facts, r.layout, r.hardware, wl, stages, wl.concurrency, context, BOUND_MODE);
    const s = dec ? slowestResource(dec.perStage) : null;
    if (!s)
        return null;
    return decodeWords(s.resource, s.stage, hbm, peak);
}

;// CONCATENATED MODULE: ./src/suggest/rules.ts
/** Context parallelism pays for itself only on long sequences; below this it is not searched unless asked. */
const CP_MIN_CONTEXT = 32_768;
const isMla = (model) => model.attention === 'mla' || model.mla !== undefined;
/** Whether cp > 1 may be searched at all for this plan. */
function cpAllowed(options) {
    return options.allowCp || (options.maxContext !== undefined && options.maxContext >= CP_MIN_CONTEXT);
}
/** Tensor-parallel sizes the attention can be split into (heads, KV heads, node size). */
function tpViolation(model, tp, options) {
    if (tp > 1 && model.heads !== undefined) {
        if (tp > model.heads)
            return `tp=${tp} exceeds the ${model.heads} attention heads`;
        if (model.heads % tp !== 0)
            return `${model.heads} attention heads do not divide by tp=${tp}`;
    }
    const kv = isMla(model) ? undefined : model.kv_heads;
    if (kv !== undefined && kv % tp !== 0 && tp % kv !== 0)
        return `${kv} KV heads neither divide by nor divide tp=${tp}`;
    // vLLM shards the MLP's intermediate dimension over tp and refuses a width that does not divide
    if (model.ffn_hidden_size !== undefined && model.ffn_hidden_size % tp !== 0)
        return `the MLP width ${model.ffn_hidden_size} does not divide by tp=${tp}`;
    if (!options.allowCrossNodeTp && tp > options.gpusPerNode)
        return `tp=${tp} spans nodes of ${options.gpusPerNode} devices`;
    return null;
}
/** Pipeline sizes: every stage needs a layer; an unknown layer count allows no split. */
function ppViolation(model, pp) {
    if (pp === 1)
        return null;
    if (model.layers === undefined)
        return `pp=${pp} with an unknown number of layers`;
    if (pp > model.layers)
        return `pp=${pp} exceeds the ${model.layers} layers`;
    return null;
}
/** Experts the ep ranks share: routed experts plus redundant replicas. */
function expertSlots(model) {
    const experts = model.moe?.experts;
    return experts === undefined ? undefined : experts + (model.moe?.redundant_experts ?? 0);
}
/**
 * Expert layouts engines run. Dense models: ep = 1 (no etp). MoE models, with B = tp*dp*cp the
 * ranks of one pipeline stage:
 *  - ep = 1: experts sharded like the dense layers (etp = tp, vLLM without expert parallelism)
 *    or over every rank of the stage (etp = B);
 *  - ep > 1: ep divides experts (+ redundant) and ep*etp = B: the experts span every rank of the
 *    stage (vLLM's EP = TP x DP, SGLang's ep x moe-tp = tp, TensorRT-LLM's moe_ep x moe_tp).
 * The contract also allows ep*etp to be a proper divisor of B (expert data parallelism, a
 * training layout): serving engines do not launch it, so it is not searched.
 */
function expertViolation(model, layout) {
    const { tp, dp, cp, ep, etp } = layout;
    if (!model.moe) {
        if (ep !== 1)
            return `ep=${ep} on a dense model`;
        if (etp !== undefined && etp !== tp)
            return `etp=${etp} on a dense model`;
        return null;
    }
    const block = tp * dp * cp;
    const e = etp ?? (ep === 1 ? tp : 1);
    const width = model.moe.expert_ffn_hidden_size;
    if (width !== undefined && width % e !== 0)
        return `the expert width ${width} does not divide by etp=${e}`;
    if (ep === 1)
        return e === tp || e === block ? null : `ep=1 with etp=${e}: experts go with tp (${tp}) or every rank of the stage (${block})`;
    const slots = expertSlots(model);
    if (slots === undefined)
        return `ep=${ep} with an unknown number of experts`;
    if (slots % ep !== 0)
        return `${slots} experts do not divide by ep=${ep}`;
    if (ep * e !== block)
        return `ep*etp = ${ep * e} must equal tp*dp*cp = ${block}`;
    return null;
}
/** The first engine rule a layout breaks on `gpus` devices, or null when an engine can run it. */
function layoutViolation(model, layout, gpus, options) {
    const { tp, pp, dp, cp } = layout;
    for (const [name, v] of Object.entries(layout)) {
        if (v !== undefined && (!Number.isInteger(v) || v < 1))
            return `${name}=${v} is not a positive whole number`;
    }
    if (tp * pp * dp * cp !== gpus)
        return `tp*pp*dp*cp = ${tp * pp * dp * cp} is not ${gpus}`;
    if (cp > 1 && !cpAllowed(options))
        return `cp=${cp} for contexts under ${CP_MIN_CONTEXT} tokens`;
    return tpViolation(model, tp, options) ?? ppViolation(model, pp) ?? expertViolation(model, layout);
}

;// CONCATENATED MODULE: ./src/suggest/enumerate.ts

function enumerate_divisors(n) {
    const small = [];
    const large = [];
    for (let d = 1; d * d <= n; d++) {
        if (n % d === 0) {
            small.push(d);
            if (d * d !== n)
                large.push(n / d);
        }
    }
    return [...small, ...large.reverse()];
}
/** Expert layouts for one (tp, dp, cp): see expertViolation in rules.ts for the rules. */
function expertChoices(model, tp, block) {
    if (!model.moe)
        return [{ ep: 1 }];
    const width = model.moe.expert_ffn_hidden_size;
    const splits = (etp) => width === undefined || width % etp === 0;
    const out = [];
    if (splits(tp))
        out.push({ ep: 1, etp: tp });
    if (block !== tp && splits(block))
        out.push({ ep: 1, etp: block });
    const slots = expertSlots(model);
    if (slots === undefined)
        return out;
    for (const ep of enumerate_divisors(block)) {
        if (ep > 1 && slots % ep === 0 && splits(block / ep))
            out.push({ ep, etp: block / ep });
    }
    return out;
}
/** All layouts of `gpus` devices that pass the engine rules (same set as filtering every tuple with layoutViolation). */
function enumerateLayouts(model, gpus, options) {
    const out = [];
    const withCp = cpAllowed(options);
    for (const tp of enumerate_divisors(gpus)) {
        if (tpViolation(model, tp, options) !== null)
            continue;
        for (const pp of enumerate_divisors(gpus / tp)) {
            if (ppViolation(model, pp) !== null)
                continue;
            const rest = gpus / tp / pp;
            for (const cp of withCp ? enumerate_divisors(rest) : [1]) {
                const dp = rest / cp;
                for (const expert of expertChoices(model, tp, tp * dp * cp))
                    out.push({ tp, pp, dp, cp, ...expert });
            }
        }
    }
    return out;
}
/**
 * Device counts to search up to `max`: every count that fits in one node, then whole nodes only
 * (a deployment that leaves part of a node idle pays for it anyway), unless `anyCount`.
 */
function gpuCounts(from, max, nodeSize, anyCount) {
    const out = [];
    for (let n = Math.max(1, from); n <= max; n++) {
        if (anyCount || n <= nodeSize || n % nodeSize === 0)
            out.push(n);
        else
            n = Math.ceil(n / nodeSize) * nodeSize - 1; // jump to the next whole node
    }
    return out;
}

;// CONCATENATED MODULE: ./src/suggest/evaluate.ts
// Runs the real verifier on a candidate and reads off what `suggest` needs: status, figures,
// margins on each requirement and the objective's score.


/** Requirements where more is better; the rest (times, memory) are better lower. */
const HIGHER_IS_BETTER = new Set(['requirements.throughput']);
/** Which bound metric stands in for each requirement's estimate when the estimate is not computable. */
const BOUND_METRIC = {
    'requirements.throughput': 'throughput_upper_bound_tokens_per_s',
    'requirements.ttft': 'ttft_lower_bound_ms',
    'requirements.tpot': 'tpot_lower_bound_ms',
    'memory.fits': 'memory_per_gpu_lower_bound_gib',
};
const ESTIMATE_METRIC = {
    'requirements.throughput': 'throughput_tokens_per_s',
    'requirements.ttft': 'ttft_ms',
    'requirements.tpot': 'tpot_ms',
    'memory.fits': 'memory_per_gpu_gib',
    'requirements.max_memory_utilization': 'memory_utilization',
};
const isJudged = (c) => c.id === 'memory.fits' || c.id.startsWith('requirements.');
function margin(check, metrics) {
    // memory.fits holds the need in `value` and the usable memory in `limit`; requirements the reverse.
    const isMemory = check.id === 'memory.fits';
    const required = (isMemory ? check.limit : check.value) ?? null;
    const estimateKey = ESTIMATE_METRIC[check.id];
    const boundKey = BOUND_METRIC[check.id];
    const estimate = estimateKey ? (metrics?.[estimateKey] ?? null) : null;
    const bound = boundKey ? (metrics?.[boundKey] ?? null) : null;
    let achieved = estimate;
    let basis = estimate !== null ? 'estimate' : null;
    if (achieved === null && bound !== null) {
        achieved = bound;
        basis = 'bound';
    }
    if (achieved === null && !isMemory && check.limit != null) {
        achieved = check.limit;
        basis = 'bound';
    }
    let m = null;
    if (required !== null && required !== 0 && achieved !== null) {
        m = HIGHER_IS_BETTER.has(check.id) ? (achieved - required) / required : (required - achieved) / required;
    }
    return { id: check.id, status: check.status, required, achieved, unit: check.unit ?? '', margin: m, basis };
}
function figures(m, gpus) {
    const get = (k) => m?.[k] ?? null;
    const tput = get('throughput_tokens_per_s');
    return {
        throughput_tokens_per_s: tput,
        throughput_upper_bound_tokens_per_s: get('throughput_upper_bound_tokens_per_s'),
        throughput_per_gpu_tokens_per_s: tput === null ? null : Math.round((tput / gpus) * 10) / 10,
        ttft_ms: get('ttft_ms'),
        ttft_lower_bound_ms: get('ttft_lower_bound_ms'),
        tpot_ms: get('tpot_ms'),
        tpot_lower_bound_ms: get('tpot_lower_bound_ms'),
        memory_per_gpu_gib: get('memory_per_gpu_gib'),
        memory_per_gpu_lower_bound_gib: get('memory_per_gpu_lower_bound_gib'),
        kv_cache_capacity_tokens: get('kv_cache_capacity_tokens'),
    };
}
/** The objective's value for ranking: estimate where there is one, else the physical bound. */
function score(objective, f, gpus) {
    const pick = (estimate, bound) => estimate !== null ? { score: estimate, basis: 'estimate' } : bound !== null ? { score: bound, basis: 'bound' } : { score: null, basis: null };
    switch (objective) {
        case 'throughput-per-gpu': {
            const r = pick(f.throughput_tokens_per_s, f.throughput_upper_bound_tokens_per_s);
            return r.score === null ? r : { score: r.score / gpus, basis: r.basis };
        }
        case 'ttft': return pick(f.ttft_ms, f.ttft_lower_bound_ms);
        case 'tpot': return pick(f.tpot_ms, f.tpot_lower_bound_ms);
        case 'gpus': return { score: gpus, basis: 'estimate' };
    }
}
/**
 * Status of a verified candidate. Warnings (stage balance, part-filled nodes) do not stop a
 * layout passing; an unverified check does: it says the plan lacks what would prove it.
 */
function statusOf(report) {
    if (report.verdict === 'error' || report.checks.some((c) => c.status === 'fail'))
        return 'fail';
    if (report.checks.some((c) => c.status === 'unverified'))
        return 'possible';
    // memory.fits warns only when its figures assume a memory flag the plan does not state (the engine's
    // default leaves one request no room): that candidate needs the flag raised, so it is not proven.
    const met = (c) => c.status === 'pass' || (c.status === 'warn' && c.id !== 'memory.fits');
    return report.checks.filter(isJudged).every(met) ? 'pass' : 'possible';
}
function candidateFromReport(variation, report, objective) {
    const f = figures(report.metrics, variation.gpus);
    const s = score(objective, f, variation.gpus);
    const unverifiedChecks = report.checks.filter((c) => c.status === 'unverified');
    return {
        variation,
        status: statusOf(report),
        figures: f,
        requirements: report.checks.filter(isJudged).map((c) => margin(c, report.metrics)),
        failing: report.checks.filter((c) => c.status === 'fail').map((c) => c.id),
        unverified: unverifiedChecks.map((c) => c.id),
        missing: [...new Set(unverifiedChecks.flatMap((c) => c.missing ?? []))],
        score: s.score,
        scoreBasis: s.basis,
    };
}
/** Builds the candidate plan, verifies it with the core, and summarises the report. */
function evaluate(base, variation, objective) {
    const report = verify_verifyLoadedPlan(buildCandidatePlan(base, variation), { details: false });
    return { candidate: candidateFromReport(variation, report, objective), report };
}

;// CONCATENATED MODULE: ./src/suggest/rank.ts
const rank_STATUS_ORDER = { pass: 0, possible: 1, fail: 2 };
/** Higher is better for throughput per device; lower for times and device counts. */
function higherIsBetter(objective) {
    return objective === 'throughput-per-gpu';
}
const layoutKey = (l) => [l.tp * l.pp * l.cp, l.tp, l.pp, l.cp, l.ep, l.etp ?? 0];
function compareLayouts(a, b) {
    const ka = layoutKey(a);
    const kb = layoutKey(b);
    for (let i = 0; i < ka.length; i++)
        if (ka[i] !== kb[i])
            return ka[i] - kb[i];
    return 0;
}
function throughputPerGpu(c) {
    const t = c.figures.throughput_tokens_per_s ?? c.figures.throughput_upper_bound_tokens_per_s;
    return t === null ? -Infinity : t / c.variation.gpus;
}
function compareCandidates(objective) {
    const sign = higherIsBetter(objective) ? -1 : 1;
    return (a, b) => {
        const s = rank_STATUS_ORDER[a.status] - rank_STATUS_ORDER[b.status];
        if (s !== 0)
            return s;
        // an estimate outranks a bound: the bound only says "not ruled out"
        const basis = (a.scoreBasis === 'estimate' ? 0 : 1) - (b.scoreBasis === 'estimate' ? 0 : 1);
        if (basis !== 0)
            return basis;
        if (a.score !== b.score) {
            if (a.score === null)
                return 1;
            if (b.score === null)
                return -1;
            return sign * (a.score - b.score);
        }
        if (a.variation.gpus !== b.variation.gpus)
            return a.variation.gpus - b.variation.gpus;
        const t = throughputPerGpu(b) - throughputPerGpu(a);
        if (t !== 0 && Number.isFinite(t))
            return t;
        return compareLayouts(a.variation.layout, b.variation.layout);
    };
}
function best(candidates, objective) {
    let top = null;
    const cmp = compareCandidates(objective);
    for (const c of candidates)
        if (top === null || cmp(c, top) < 0)
            top = c;
    return top;
}
/** A candidate's worst known requirement margin (how far its tightest requirement falls short); -Infinity when none is known. */
function worstMargin(c) {
    let worst = Infinity;
    for (const r of c.requirements)
        if (r.margin !== null)
            worst = Math.min(worst, r.margin);
    return worst === Infinity ? -Infinity : worst;
}
/** For when nothing passes: the candidates closest to passing first (smallest shortfall on their worst requirement). */
function compareByShortfall(objective) {
    const byObjective = compareCandidates(objective);
    return (a, b) => {
        const fa = a.failing.length === 0 ? 0 : 1;
        const fb = b.failing.length === 0 ? 0 : 1;
        if (fa !== fb)
            return fa - fb;
        const d = worstMargin(b) - worstMargin(a);
        return d !== 0 && !Number.isNaN(d) ? d : byObjective(a, b);
    };
}

;// CONCATENATED MODULE: ./src/suggest/search.ts





/** Without --max-gpus, "more devices" looks this many times past the plan's count. */
const DEFAULT_GROWTH = 16;
/** ... but never past this many devices. */
const DEFAULT_SCAN_CAP = 8192;
/** The ranked search verifies every layout of every count up to here (about a minute at this size). */
const MAX_SEARCH_GPUS = 16_384;
class LayoutSearch {
    base;
    options;
    planGpus;
    /** node size used to pick whole-node device counts */
    nodeSize;
    cache = new Map();
    single = new Map();
    layoutsSeen = 0;
    verified = 0;
    constructor(base, options) {
        this.base = base;
        this.options = options;
        const p = base.plan;
        const l = planLayout(p);
        this.planGpus = p.hardware.gpus ?? l.tp * l.pp * l.dp * l.cp;
        this.nodeSize = p.hardware.gpus_per_node ?? 8;
    }
    ruleOptions(gpus, variant) {
        const hw = this.base.plan.hardware;
        const w = this.base.plan.workload;
        const maxIn = variant.max_input_tokens ?? w.max_input_tokens ?? w.input_tokens;
        const maxOut = w.max_output_tokens ?? w.output_tokens;
        const planCp = (this.base.plan.parallelism.cp ?? 1) > 1;
        return {
            // the core's default when the plan gives no node size
            gpusPerNode: hw.gpus_per_node ?? Math.min(8, gpus),
            allowCrossNodeTp: this.options.allowCrossNodeTp,
            allowCp: this.options.allowCp || planCp,
            maxContext: maxIn !== undefined && maxOut !== undefined ? maxIn + maxOut : undefined,
        };
    }
    variantKey(gpus, variant) {
        return `${gpus}|${variant.weight_dtype ?? ''}|${variant.kv_cache_dtype ?? ''}|${variant.concurrency ?? ''}|${variant.max_input_tokens ?? ''}`;
    }
    /** One layout under a variant, verified once (cached). */
    one(gpus, layout, variant = {}) {
        const key = `${this.variantKey(gpus, variant)}|${layoutText(layout)}`;
        let c = this.single.get(key);
        if (!c) {
            this.verified++;
            c = evaluate(this.base, { gpus, layout, ...variant }, this.options.objective).candidate;
            this.single.set(key, c);
        }
        return c;
    }
    /** Every allowed layout of `gpus` devices under a variant, verified (cached). */
    at(gpus, variant = {}) {
        const key = this.variantKey(gpus, variant);
        const hit = this.cache.get(key);
        if (hit)
            return hit;
        const layouts = enumerateLayouts(this.base.plan.model, gpus, this.ruleOptions(gpus, variant));
        this.layoutsSeen += layouts.length;
        const out = layouts.map((layout) => this.one(gpus, layout, variant));
        this.cache.set(key, out);
        return out;
    }
    counts(from, to) {
        const counts = gpuCounts(from, to, this.nodeSize, this.options.anyGpuCount);
        if (this.planGpus >= from && this.planGpus <= to && !counts.includes(this.planGpus)) {
            counts.push(this.planGpus);
            counts.sort((a, b) => a - b);
        }
        return counts;
    }
    /** How far "more devices" looks. */
    scanLimit() {
        return this.options.maxGpus ?? Math.max(this.planGpus, Math.min(DEFAULT_SCAN_CAP, this.planGpus * DEFAULT_GROWTH));
    }
    bestAt(gpus, variant = {}) {
        return best(this.at(gpus, variant), this.options.objective);
    }
}
function found(c) {
    return c === null ? 'none' : c.status === 'pass' ? 'found' : c.status === 'possible' ? 'possible' : 'none';
}
const describe = (c) => `${c.variation.gpus} devices, ${layoutText(c.variation.layout)}`;
/**
 * First element of `items` that satisfies `ok`, by galloping (1st, 2nd, 3rd, 5th, 9th, ...) and
 * then bisecting the last gap: O(log n) probes. Exact when, past the first success, every later
 * item succeeds too (more devices never lower the best bound or turn a pass into a failure),
 * which holds for the figures here up to the rounding of layouts to divisors.
 */
function gallopFirst(items, ok) {
    // items[lo..hi]: items[hi] passed with `found`; everything before lo failed
    const bisect = (lo, hi, found) => {
        let best = { item: items[hi], result: found };
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            const m = ok(items[mid]);
            if (m !== null) {
                hi = mid;
                best = { item: items[mid], result: m };
            }
            else
                lo = mid + 1;
        }
        return best;
    };
    let lastBad = -1;
    let step = 1;
    for (let i = 0; i < items.length; i += step, step = i >= 2 ? step * 2 : step) {
        const r = ok(items[i]);
        if (r !== null)
            return bisect(lastBad + 1, i, r);
        lastBad = i;
    }
    const last = items.length - 1;
    if (lastBad < last) {
        const r = ok(items[last]);
        if (r !== null)
            return bisect(lastBad + 1, last, r);
    }
    return null;
}
/** Smallest device count with a passing layout (else one the bounds allow): exhaustive up to the searched range, galloping past it. */
function gpuAxis(s, searchedTo) {
    const limit = Math.max(searchedTo, s.scanLimit());
    const within = s.counts(1, searchedTo);
    const beyond = s.counts(searchedTo + 1, limit);
    const firstWith = (want) => {
        const pick = (n) => {
            const top = s.bestAt(n);
            return top !== null && top.status === want ? top : want === 'possible' && top?.status === 'pass' ? top : null;
        };
        for (const n of within) {
            const c = pick(n);
            if (c)
                return c;
        }
        return gallopFirst(beyond, pick)?.result ?? null;
    };
    const top = firstWith('pass');
    if (top) {
        const n = top.variation.gpus;
        const detail = n === s.planGpus ? `${n} devices is already the smallest count that passes`
            : n < s.planGpus ? `${n} devices suffice (${describe(top)})` : `${n} devices are the fewest that pass (${describe(top)})`;
        return { axis: 'gpus', change: `hardware.gpus: ${n}`, outcome: 'found', candidate: top, detail };
    }
    const possible = firstWith('possible');
    if (possible) {
        return { axis: 'gpus', change: `hardware.gpus: ${possible.variation.gpus}`, outcome: 'possible', candidate: possible,
            detail: `no count up to ${limit} devices passes on the estimates; ${describe(possible)} is the smallest the bounds do not rule out (unverified: ${possible.missing.join(', ') || possible.unverified.join(', ')})` };
    }
    return { axis: 'gpus', change: 'hardware.gpus', outcome: 'none', candidate: null, detail: `no device count from 1 to ${limit} passes` };
}
function sameGpusAxis(s, axis, change, variant) {
    const top = s.bestAt(s.planGpus, variant);
    const outcome = found(top);
    const detail = outcome === 'found' ? `passes with ${describe(top)}`
        : outcome === 'possible' ? `not ruled out by the bounds with ${describe(top)}, but unverified (${top.missing.join(', ') || top.unverified.join(', ')})`
            : `no layout of ${s.planGpus} devices passes`;
    return { axis, change, outcome, candidate: outcome === 'none' ? null : top, detail };
}
/** Layouts tried when concurrency or context change: the plan's own and the best-ranked ones of its device count. */
const PROBE_LAYOUTS = 16;
function probeLayouts(s) {
    const ranked = s.at(s.planGpus).slice().sort(compareCandidates(s.options.objective)).slice(0, PROBE_LAYOUTS);
    const own = planLayout(s.base.plan);
    const layouts = ranked.map((c) => c.variation.layout);
    return layouts.some((l) => layoutText(l) === layoutText(own)) ? layouts : [own, ...layouts];
}
/**
 * Largest value in [lo, hi] for which some layout of the plan's devices passes (else is possible).
 * Lowering concurrency or context helps memory, TTFT and TPOT but hurts throughput, so the values
 * that pass form an interval: probe down from hi by halving until one passes, then bisect
 * between it and the last value that did not.
 */
function largestPassing(s, lo, hi, variantFor) {
    if (hi < lo)
        return null;
    const layouts = probeLayouts(s);
    for (const want of ['pass', 'possible']) {
        const ok = (v) => {
            const top = best(layouts.map((l) => s.one(s.planGpus, l, variantFor(v))), s.options.objective);
            return top !== null && (top.status === 'pass' || (want === 'possible' && top.status === 'possible')) ? top : null;
        };
        let bad = hi + 1;
        let v = hi;
        let good = null;
        for (;;) {
            good = ok(v);
            if (good || v === lo)
                break;
            bad = v;
            v = Math.max(lo, Math.floor(v / 2));
        }
        if (!good)
            continue;
        let a = v;
        let b = bad - 1;
        while (a < b) {
            const mid = Math.floor((a + b + 1) / 2);
            const c = ok(mid);
            if (c) {
                a = mid;
                good = c;
            }
            else
                b = mid - 1;
        }
        return { value: a, candidate: good };
    }
    return null;
}
function concurrencyAxis(s) {
    const c0 = s.base.plan.workload.concurrency;
    if (c0 === undefined || c0 <= 1)
        return { axis: 'concurrency', change: 'workload.concurrency', outcome: 'not-applicable', candidate: null, detail: c0 === undefined ? 'the plan gives no concurrency' : 'concurrency is already 1' };
    const r = largestPassing(s, 1, c0 - 1, (v) => ({ concurrency: v }));
    if (!r)
        return { axis: 'concurrency', change: 'workload.concurrency', outcome: 'none', candidate: null, detail: `no concurrency below ${c0} passes on ${s.planGpus} devices` };
    return { axis: 'concurrency', change: `workload.concurrency: ${r.value}`, outcome: found(r.candidate), candidate: r.candidate,
        detail: `${r.candidate.status === 'pass' ? 'passes' : 'is not ruled out by the bounds'} at ${r.value} sequences in flight (of ${c0}) with ${describe(r.candidate)}` };
}
function contextAxis(s) {
    const w = s.base.plan.workload;
    const maxIn = w.max_input_tokens ?? w.input_tokens;
    if (maxIn === undefined)
        return { axis: 'max-context', change: 'workload.max_input_tokens', outcome: 'not-applicable', candidate: null, detail: 'the plan gives no context length' };
    // A shorter max context still has to hold the typical prompt.
    const lo = Math.max(1, w.input_tokens ?? 1);
    if (lo > maxIn - 1)
        return { axis: 'max-context', change: 'workload.max_input_tokens', outcome: 'not-applicable', candidate: null, detail: 'the max context is already the typical prompt' };
    const r = largestPassing(s, lo, maxIn - 1, (v) => ({ max_input_tokens: v }));
    if (!r)
        return { axis: 'max-context', change: 'workload.max_input_tokens', outcome: 'none', candidate: null, detail: `no max input from ${lo} to ${maxIn - 1} tokens passes on ${s.planGpus} devices` };
    return { axis: 'max-context', change: `workload.max_input_tokens: ${r.value}`, outcome: found(r.candidate), candidate: r.candidate,
        detail: `${r.candidate.status === 'pass' ? 'passes' : 'is not ruled out by the bounds'} with prompts of at most ${r.value} tokens (of ${maxIn}) on ${describe(r.candidate)}` };
}
function whatIf(s, planPasses, searchedTo) {
    const model = s.base.plan.model;
    const out = [gpuAxis(s, searchedTo), sameGpusAxis(s, 'layout', `parallelism on ${s.planGpus} devices`, {})];
    if (planPasses) {
        // nothing to fix: only fewer devices or a better layout are worth saying
        const skip = (axis, change) => ({ axis, change, outcome: 'not-applicable', candidate: null, detail: 'the plan already passes' });
        return [...out, skip('fp8-weights', 'model.weight_dtype: fp8'), skip('fp8-kv-cache', 'model.kv_cache_dtype: fp8'),
            skip('concurrency', 'workload.concurrency'), skip('max-context', 'workload.max_input_tokens')];
    }
    const weights = [model.weight_dtype, ...Object.values(model.weight_dtypes ?? {})];
    if (weights.some((d) => isWiderThanFp8(d)))
        out.push(sameGpusAxis(s, 'fp8-weights', 'model.weight_dtype: fp8', { weight_dtype: 'fp8' }));
    else
        out.push({ axis: 'fp8-weights', change: 'model.weight_dtype: fp8', outcome: 'not-applicable', candidate: null, detail: 'the weights are already 8-bit or narrower' });
    const kv = model.kv_cache_dtype ?? (isWiderThanFp8(model.weight_dtype) ? model.weight_dtype : 'bf16');
    if (isWiderThanFp8(kv))
        out.push(sameGpusAxis(s, 'fp8-kv-cache', 'model.kv_cache_dtype: fp8', { kv_cache_dtype: 'fp8' }));
    else
        out.push({ axis: 'fp8-kv-cache', change: 'model.kv_cache_dtype: fp8', outcome: 'not-applicable', candidate: null, detail: 'the KV cache is already 8-bit' });
    out.push(concurrencyAxis(s), contextAxis(s));
    return out;
}
/** For each requirement: the best bound any layout reaches, per device count. */
function bestBound(cands, id) {
    let top = null;
    const higher = id === 'requirements.throughput';
    for (const c of cands) {
        const f = c.figures;
        const v = id === 'requirements.throughput' ? f.throughput_upper_bound_tokens_per_s
            : id === 'requirements.ttft' ? f.ttft_lower_bound_ms
                : id === 'requirements.tpot' ? f.tpot_lower_bound_ms
                    : id === 'memory.fits' ? f.memory_per_gpu_lower_bound_gib : null;
        if (v === null)
            continue;
        if (top === null || (higher ? v > top.value : v < top.value))
            top = { value: v, candidate: c };
    }
    return top;
}
const search_meets = (id, bound, required) => (id === 'requirements.throughput' ? bound >= required : bound <= required);
function impossibilities(s, plan) {
    const out = [];
    const here = s.at(s.planGpus);
    for (const req of plan.requirements) {
        if (req.required === null)
            continue;
        const b = bestBound(here, req.id);
        if (b === null || search_meets(req.id, b.value, req.required))
            continue;
        const limit = s.scanLimit();
        const required = req.required;
        const smallest = gallopFirst(s.counts(s.planGpus + 1, limit), (n) => {
            const bn = bestBound(s.at(n), req.id);
            return bn !== null && search_meets(req.id, bn.value, required) ? bn : null;
        })?.result ?? null;
        const reason = boundReason(buildCandidatePlan(s.base, b.candidate.variation), req.id) ?? 'the physical bound (every efficiency at 1)';
        out.push({
            id: req.id, required: req.required, unit: req.unit, best_bound: b.value, best_layout: b.candidate.variation.layout, reason,
            smallest_gpus: smallest?.candidate.variation.gpus ?? null,
            smallest_layout: smallest?.candidate.variation.layout ?? null,
            smallest_bound: smallest?.value ?? null,
            scanned_up_to: limit,
        });
    }
    return out;
}
/** Requirements that every layout of the plan's devices misses on its estimate, with the best estimate. */
function shortfalls(s, plan, impossible) {
    const out = [];
    const here = s.at(s.planGpus);
    for (const req of plan.requirements) {
        if (req.required === null || impossible.some((i) => i.id === req.id))
            continue;
        let top = null;
        for (const c of here) {
            const m = c.requirements.find((r) => r.id === req.id);
            if (!m || m.basis !== 'estimate' || m.margin === null || m.achieved === null)
                continue;
            if (top === null || m.margin > top.margin)
                top = { value: m.achieved, candidate: c, margin: m.margin };
        }
        if (top !== null && top.margin < 0) {
            out.push({ id: req.id, required: req.required, unit: req.unit, best_estimate: top.value, best_layout: top.candidate.variation.layout });
        }
    }
    return out;
}
function search_suggest(base, options, planVerdict) {
    const s = new LayoutSearch(base, options);
    const wanted = Math.max(s.planGpus, options.maxGpus ?? s.planGpus);
    const to = Math.min(wanted, MAX_SEARCH_GPUS);
    const counts = s.counts(1, to);
    const all = counts.flatMap((n) => s.at(n));
    const passing = all.filter((c) => c.status === 'pass');
    const possible = all.filter((c) => c.status === 'possible');
    // nothing passes or stays open: show the layouts closest to passing instead
    const ranked = passing.length > 0 || possible.length > 0
        ? (passing.length > 0 ? passing : possible).slice().sort(compareCandidates(options.objective))
        : all.slice().sort(compareByShortfall(options.objective));
    const plan = evaluate(base, { gpus: s.planGpus, layout: planLayout(base.plan) }, options.objective).candidate;
    const impossible = impossibilities(s, plan);
    const unmet = shortfalls(s, plan, impossible);
    const what = whatIf(s, plan.status === 'pass', to);
    const notes = [];
    if (to < wanted)
        notes.push(`the ranked search stops at ${MAX_SEARCH_GPUS} devices (asked: ${wanted})`);
    if (passing.length === 0 && possible.length === 0 && ranked.length > 0)
        notes.push('no layout passes; the list shows the layouts closest to passing (smallest shortfall on their worst requirement)');
    if (passing.length === 0 && possible.length > 0)
        notes.push('no layout passes on the estimates; the list shows layouts the physical bounds do not rule out, ranked by their bounds');
    return {
        file: base.file,
        name: base.plan.name,
        objective: options.objective,
        plan_gpus: s.planGpus,
        plan_verdict: planVerdict,
        plan,
        top: ranked.slice(0, options.top),
        search: { gpus_from: 1, gpus_to: to, gpu_counts: counts.length, layouts: all.length, verified: s.verified, passing: passing.length, possible: possible.length },
        what_if: what,
        impossible,
        unmet,
        notes,
    };
}

;// CONCATENATED MODULE: ./src/suggest/render-text.ts
// `suggest --format text`: the search result for a terminal.




function pad(rows) {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
    return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd());
}
function candidateLine(c) {
    const f = figureTexts(c);
    return `throughput ${f.throughput} (${f.perGpu} per device) · TTFT ${f.ttft} · TPOT ${f.tpot} · memory/device ${f.memory}`;
}
function renderSuggestText(r) {
    const out = [];
    out.push(`${r.file}${r.name !== r.file ? ` (${r.name})` : ''}: plan verdict ${r.plan_verdict.toUpperCase()}`);
    out.push(`Searched ${r.search.gpu_counts} device count${r.search.gpu_counts === 1 ? '' : 's'} (${r.search.gpus_from}-${r.search.gpus_to}), ${r.search.layouts} layouts: ${r.search.passing} pass, ${r.search.possible} not ruled out. Objective: ${OBJECTIVE_TEXT[r.objective]}.`);
    out.push('');
    out.push(`The plan's own layout (${variationText(r.plan.variation)}) ${STATUS_TEXT[r.plan.status]}${r.plan.failing.length ? `: ${r.plan.failing.join(', ')}` : ''}`);
    out.push(`  ${candidateLine(r.plan)}`);
    out.push(`  margins: ${marginText(r.plan.requirements)}`);
    if (r.impossible.length > 0) {
        out.push('');
        out.push(`Out of reach on ${r.plan_gpus} devices, whatever the layout:`);
        for (const i of r.impossible) {
            out.push(`  ${requiredText(i.id, i.required, i.unit)}: the best physical bound of any layout is ${formatQuantity(i.best_bound, i.unit)} (${layoutText(i.best_layout)})`);
            out.push(`    bound set by ${i.reason}`);
            out.push(i.smallest_gpus !== null
                ? `    smallest device count whose bound reaches it: ${i.smallest_gpus} (${layoutText(i.smallest_layout)}, bound ${formatQuantity(i.smallest_bound, i.unit)})`
                : `    no device count up to ${i.scanned_up_to} reaches it (try --max-gpus)`);
        }
    }
    if (r.unmet.length > 0) {
        out.push('');
        out.push(`Not met by any layout of ${r.plan_gpus} devices on the estimates (the physical bounds allow it):`);
        for (const u of r.unmet)
            out.push(`  ${requiredText(u.id, u.required, u.unit)}: the best estimate is ${formatQuantity(u.best_estimate, u.unit)} (${layoutText(u.best_layout)})`);
    }
    out.push('');
    if (r.top.length === 0)
        out.push('No layout in the search.');
    else {
        const status = r.top[0].status;
        const label = status === 'pass' ? 'Best layouts that pass'
            : status === 'possible' ? 'No layout passes on the estimates; best layouts the bounds leave open'
                : 'No layout passes; the closest (smallest shortfall on their worst requirement)';
        out.push(`${label}:`);
        const rows = [['#', 'devices', 'layout', 'throughput', 'per device', 'TTFT', 'TPOT', 'memory/device', 'margins']];
        const row = (label, c) => {
            const f = figureTexts(c);
            return [label, String(c.variation.gpus), layoutText(c.variation.layout), f.throughput, f.perGpu, f.ttft, f.tpot, f.memory, marginText(c.requirements)];
        };
        r.top.forEach((c, i) => rows.push(row(String(i + 1), c)));
        // the plan's own figures under the same columns, to compare at a glance
        rows.push(row('plan', r.plan));
        for (const line of pad(rows))
            out.push(`  ${line}`);
    }
    out.push('');
    out.push('What would make it pass:');
    for (const a of r.what_if) {
        const mark = a.outcome === 'found' ? 'yes' : a.outcome === 'possible' ? 'maybe' : a.outcome === 'none' ? 'no' : 'n/a';
        out.push(`  ${a.axis.padEnd(13)}${mark.padEnd(6)}${a.change}: ${a.detail}`);
        if (a.candidate)
            out.push(`  ${' '.repeat(19)}${candidateLine(a.candidate)}`);
    }
    for (const n of r.notes)
        out.push(`Note: ${n}`);
    return `${out.map(escapeTerminal).join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/suggest/types.ts
const OBJECTIVES = ['throughput-per-gpu', 'ttft', 'tpot', 'gpus'];

;// CONCATENATED MODULE: ./src/suggest/index.ts









/** What the CLI uses when no option is given (and what the action's Alternatives section should use). */
const DEFAULT_SUGGEST_OPTIONS = {
    objective: 'throughput-per-gpu',
    top: 5,
    allowCrossNodeTp: false,
    allowCp: false,
    anyGpuCount: false,
};
/** Loads a plan from its text and searches it; null when the text is not a valid plan (verify reports why). */
function suggestPlanText(file, text, readReference, options = DEFAULT_SUGGEST_OPTIONS) {
    const loaded = loadPlan(file, text, readReference);
    if (!loaded.ok)
        return null;
    return suggest(loaded.loaded, options, verifyLoadedPlan(loaded.loaded).verdict);
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/io/read-text.ts
// Reading a text file with a size limit and strict UTF-8: the limit is checked before reading
// and again while reading (the file may grow in between); bad bytes are an error, not U+FFFD.

function describeFsError(err) {
    const code = err?.code;
    switch (code) {
        case 'ENOENT': return 'no such file';
        case 'EACCES':
        case 'EPERM': return 'permission denied';
        case 'EISDIR': return 'is a folder, not a file';
        case 'ELOOP': return 'too many levels of symbolic links';
        default: return `cannot be read (${code ?? String(err)})`;
    }
}
/** Offset of the first byte that is not valid UTF-8, found by bisection (only on the error path). */
function firstInvalidUtf8Offset(bytes) {
    let good = 0;
    let bad = bytes.length;
    while (bad - good > 1) {
        const mid = (good + bad) >>> 1;
        try {
            // stream: a character cut at the end of the prefix is not an error
            new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
            good = mid;
        }
        catch {
            bad = mid;
        }
    }
    return good;
}
function lineAt(bytes, offset) {
    let line = 1;
    for (let i = 0; i < offset; i++)
        if (bytes[i] === 0x0a)
            line++;
    return line;
}
/** Decodes UTF-8 strictly; a leading byte-order mark is dropped. */
function decodeUtf8(bytes) {
    try {
        return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    }
    catch {
        const offset = firstInvalidUtf8Offset(bytes);
        return { ok: false, message: `not valid UTF-8 text (first bad byte at offset ${offset})`, line: lineAt(bytes, offset) };
    }
}
function limitMessage(size, maxBytes) {
    return `the file is ${size > maxBytes ? `over ${maxBytes}` : size} bytes; the limit is ${maxBytes} bytes (${maxBytes / 2 ** 20} MiB)`;
}
/** Reads at most maxBytes of a regular file as UTF-8 text. */
function readTextFile(path, maxBytes) {
    let fd;
    try {
        fd = (0,external_node_fs_namespaceObject.openSync)(path, 'r');
    }
    catch (err) {
        return { ok: false, message: describeFsError(err) };
    }
    try {
        const stat = (0,external_node_fs_namespaceObject.fstatSync)(fd);
        if (stat.isDirectory())
            return { ok: false, message: 'is a folder, not a file' };
        if (!stat.isFile())
            return { ok: false, message: 'is not a regular file' };
        if (stat.size > maxBytes)
            return { ok: false, message: limitMessage(stat.size, maxBytes) };
        // room for one byte more than fstat saw tells a file that grew after fstat (past the limit, or not)
        const buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
        let length = 0;
        for (;;) {
            const n = (0,external_node_fs_namespaceObject.readSync)(fd, buffer, length, buffer.length - length, null);
            if (n === 0)
                break;
            length += n;
            if (length > maxBytes)
                return { ok: false, message: limitMessage(length, maxBytes) };
            if (length === buffer.length)
                return { ok: false, message: 'the file changed while it was read' };
        }
        return decodeUtf8(buffer.subarray(0, length));
    }
    catch (err) {
        return { ok: false, message: describeFsError(err) };
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}

;// CONCATENATED MODULE: ./src/io/repository.ts
// The repository a plan belongs to: the boundary that files it refers to must stay inside.


/** Nearest folder at or above `start` that holds `.git` (a folder, or a file in worktrees and submodules); else `fallback`. */
function findRepositoryRoot(start, fallback) {
    let dir = (0,external_node_path_namespaceObject.resolve)(start);
    for (;;) {
        if ((0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.resolve)(dir, '.git')))
            return dir;
        const parent = (0,external_node_path_namespaceObject.dirname)(dir);
        if (parent === dir)
            return (0,external_node_path_namespaceObject.resolve)(fallback);
        dir = parent;
    }
}
/** Whether `path` is `root` or lies below it (both absolute, already normalised). */
function isInside(root, path) {
    const rel = (0,external_node_path_namespaceObject.relative)(root, path);
    return rel === '' || (!rel.startsWith('..') && !(0,external_node_path_namespaceObject.isAbsolute)(rel));
}

;// CONCATENATED MODULE: ./src/io/read-reference.ts
// ReadReference for the core: reads a file a plan names (model.hf_config), relative to the
// plan's folder, and refuses anything that would leave the plan's repository: absolute paths,
// `..` escapes, and symbolic links whose real path lies outside.




/** Referenced files (a Hugging Face config.json is a few KiB) may be at most this large. */
const MAX_REFERENCE_BYTES = 4 * 1024 * 1024;
function createReadReference(options) {
    return (planFile, ref) => {
        if (ref.length === 0)
            return { error: 'the path is empty' };
        if (ref.includes('\u0000'))
            return { error: 'the path contains a NUL byte' };
        if ((0,external_node_path_namespaceObject.isAbsolute)(ref) || external_node_path_namespaceObject.win32.isAbsolute(ref)) {
            return { error: `'${ref}' is an absolute path; give it relative to the plan's folder` };
        }
        const planDir = (0,external_node_path_namespaceObject.dirname)((0,external_node_path_namespaceObject.resolve)(options.cwd, planFile));
        const root = findRepositoryRoot(planDir, options.cwd);
        const target = (0,external_node_path_namespaceObject.resolve)(planDir, ref);
        if (!isInside(root, target))
            return { error: `'${ref}' leaves the repository; it must stay inside it` };
        let realTarget;
        let realRoot;
        try {
            realRoot = (0,external_node_fs_namespaceObject.realpathSync)(root);
            realTarget = (0,external_node_fs_namespaceObject.realpathSync)(target);
        }
        catch (err) {
            const code = err.code;
            return { error: code === 'ENOENT' ? `'${ref}' does not exist (looked for it next to the plan)` : `'${ref}' cannot be read (${code ?? String(err)})` };
        }
        if (!isInside(realRoot, realTarget))
            return { error: `'${ref}' is a symbolic link that leaves the repository` };
        const read = readTextFile(realTarget, MAX_REFERENCE_BYTES);
        if (!read.ok)
            return { error: `'${ref}': ${read.message}` };
        return { text: read.text };
    };
}

;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
var external_fs_namespaceObject_0 = /*#__PURE__*/__nccwpck_require__.t(external_fs_namespaceObject, 2);
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: external "url"
const external_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");
;// CONCATENATED MODULE: external "module"
const external_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");
;// CONCATENATED MODULE: ./node_modules/fdir/dist/index.mjs




//#region rolldown:runtime
var __require = /* @__PURE__ */ (0,external_module_namespaceObject.createRequire)(import.meta.url);

//#endregion
//#region src/utils.ts
function cleanPath(path) {
	let normalized = (0,external_path_namespaceObject.normalize)(path);
	if (normalized.length > 1 && normalized[normalized.length - 1] === external_path_namespaceObject.sep) normalized = normalized.substring(0, normalized.length - 1);
	return normalized;
}
const SLASHES_REGEX = /[\\/]/g;
function convertSlashes(path, separator) {
	return path.replace(SLASHES_REGEX, separator);
}
const WINDOWS_ROOT_DIR_REGEX = /^[a-z]:[\\/]$/i;
function isRootDirectory(path) {
	return path === "/" || WINDOWS_ROOT_DIR_REGEX.test(path);
}
function normalizePath(path, options) {
	const { resolvePaths, normalizePath: normalizePath$1, pathSeparator } = options;
	const pathNeedsCleaning = process.platform === "win32" && path.includes("/") || path.startsWith(".");
	if (resolvePaths) path = (0,external_path_namespaceObject.resolve)(path);
	if (normalizePath$1 || pathNeedsCleaning) path = cleanPath(path);
	if (path === ".") return "";
	const needsSeperator = path[path.length - 1] !== pathSeparator;
	return convertSlashes(needsSeperator ? path + pathSeparator : path, pathSeparator);
}

//#endregion
//#region src/api/functions/join-path.ts
function joinPathWithBasePath(filename, directoryPath) {
	return directoryPath + filename;
}
function joinPathWithRelativePath(root, options) {
	return function(filename, directoryPath) {
		const sameRoot = directoryPath.startsWith(root);
		if (sameRoot) return directoryPath.slice(root.length) + filename;
		else return convertSlashes((0,external_path_namespaceObject.relative)(root, directoryPath), options.pathSeparator) + options.pathSeparator + filename;
	};
}
function joinPath(filename) {
	return filename;
}
function joinDirectoryPath(filename, directoryPath, separator) {
	return directoryPath + filename + separator;
}
function build$7(root, options) {
	const { relativePaths, includeBasePath } = options;
	return relativePaths && root ? joinPathWithRelativePath(root, options) : includeBasePath ? joinPathWithBasePath : joinPath;
}

//#endregion
//#region src/api/functions/push-directory.ts
function pushDirectoryWithRelativePath(root) {
	return function(directoryPath, paths) {
		paths.push(directoryPath.substring(root.length) || ".");
	};
}
function pushDirectoryFilterWithRelativePath(root) {
	return function(directoryPath, paths, filters) {
		const relativePath = directoryPath.substring(root.length) || ".";
		if (filters.every((filter) => filter(relativePath, true))) paths.push(relativePath);
	};
}
const pushDirectory = (directoryPath, paths) => {
	paths.push(directoryPath || ".");
};
const pushDirectoryFilter = (directoryPath, paths, filters) => {
	const path = directoryPath || ".";
	if (filters.every((filter) => filter(path, true))) paths.push(path);
};
const empty$2 = () => {};
function build$6(root, options) {
	const { includeDirs, filters, relativePaths } = options;
	if (!includeDirs) return empty$2;
	if (relativePaths) return filters && filters.length ? pushDirectoryFilterWithRelativePath(root) : pushDirectoryWithRelativePath(root);
	return filters && filters.length ? pushDirectoryFilter : pushDirectory;
}

//#endregion
//#region src/api/functions/push-file.ts
const pushFileFilterAndCount = (filename, _paths, counts, filters) => {
	if (filters.every((filter) => filter(filename, false))) counts.files++;
};
const pushFileFilter = (filename, paths, _counts, filters) => {
	if (filters.every((filter) => filter(filename, false))) paths.push(filename);
};
const pushFileCount = (_filename, _paths, counts, _filters) => {
	counts.files++;
};
const pushFile = (filename, paths) => {
	paths.push(filename);
};
const empty$1 = () => {};
function build$5(options) {
	const { excludeFiles, filters, onlyCounts } = options;
	if (excludeFiles) return empty$1;
	if (filters && filters.length) return onlyCounts ? pushFileFilterAndCount : pushFileFilter;
	else if (onlyCounts) return pushFileCount;
	else return pushFile;
}

//#endregion
//#region src/api/functions/get-array.ts
const getArray = (paths) => {
	return paths;
};
const getArrayGroup = () => {
	return [""].slice(0, 0);
};
function build$4(options) {
	return options.group ? getArrayGroup : getArray;
}

//#endregion
//#region src/api/functions/group-files.ts
const groupFiles = (groups, directory, files) => {
	groups.push({
		directory,
		files,
		dir: directory
	});
};
const empty = () => {};
function build$3(options) {
	return options.group ? groupFiles : empty;
}

//#endregion
//#region src/api/functions/resolve-symlink.ts
const resolveSymlinksAsync = function(path, state, callback$1) {
	const { queue, fs, options: { suppressErrors } } = state;
	queue.enqueue();
	fs.realpath(path, (error, resolvedPath) => {
		if (error) return queue.dequeue(suppressErrors ? null : error, state);
		fs.stat(resolvedPath, (error$1, stat) => {
			if (error$1) return queue.dequeue(suppressErrors ? null : error$1, state);
			if (stat.isDirectory() && isRecursive(path, resolvedPath, state)) return queue.dequeue(null, state);
			callback$1(stat, resolvedPath);
			queue.dequeue(null, state);
		});
	});
};
const resolveSymlinks = function(path, state, callback$1) {
	const { queue, fs, options: { suppressErrors } } = state;
	queue.enqueue();
	try {
		const resolvedPath = fs.realpathSync(path);
		const stat = fs.statSync(resolvedPath);
		if (stat.isDirectory() && isRecursive(path, resolvedPath, state)) return;
		callback$1(stat, resolvedPath);
	} catch (e) {
		if (!suppressErrors) throw e;
	}
};
function build$2(options, isSynchronous) {
	if (!options.resolveSymlinks || options.excludeSymlinks) return null;
	return isSynchronous ? resolveSymlinks : resolveSymlinksAsync;
}
function isRecursive(path, resolved, state) {
	if (state.options.useRealPaths) return isRecursiveUsingRealPaths(resolved, state);
	let parent = (0,external_path_namespaceObject.dirname)(path);
	let depth = 1;
	while (parent !== state.root && depth < 2) {
		const resolvedPath = state.symlinks.get(parent);
		const isSameRoot = !!resolvedPath && (resolvedPath === resolved || resolvedPath.startsWith(resolved) || resolved.startsWith(resolvedPath));
		if (isSameRoot) depth++;
		else parent = (0,external_path_namespaceObject.dirname)(parent);
	}
	state.symlinks.set(path, resolved);
	return depth > 1;
}
function isRecursiveUsingRealPaths(resolved, state) {
	return state.visited.includes(resolved + state.options.pathSeparator);
}

//#endregion
//#region src/api/functions/invoke-callback.ts
const onlyCountsSync = (state) => {
	return state.counts;
};
const groupsSync = (state) => {
	return state.groups;
};
const defaultSync = (state) => {
	return state.paths;
};
const limitFilesSync = (state) => {
	return state.paths.slice(0, state.options.maxFiles);
};
const onlyCountsAsync = (state, error, callback$1) => {
	report(error, callback$1, state.counts, state.options.suppressErrors);
	return null;
};
const defaultAsync = (state, error, callback$1) => {
	report(error, callback$1, state.paths, state.options.suppressErrors);
	return null;
};
const limitFilesAsync = (state, error, callback$1) => {
	report(error, callback$1, state.paths.slice(0, state.options.maxFiles), state.options.suppressErrors);
	return null;
};
const groupsAsync = (state, error, callback$1) => {
	report(error, callback$1, state.groups, state.options.suppressErrors);
	return null;
};
function report(error, callback$1, output, suppressErrors) {
	if (error && !suppressErrors) callback$1(error, output);
	else callback$1(null, output);
}
function build$1(options, isSynchronous) {
	const { onlyCounts, group, maxFiles } = options;
	if (onlyCounts) return isSynchronous ? onlyCountsSync : onlyCountsAsync;
	else if (group) return isSynchronous ? groupsSync : groupsAsync;
	else if (maxFiles) return isSynchronous ? limitFilesSync : limitFilesAsync;
	else return isSynchronous ? defaultSync : defaultAsync;
}

//#endregion
//#region src/api/functions/walk-directory.ts
const readdirOpts = { withFileTypes: true };
const walkAsync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
	state.queue.enqueue();
	if (currentDepth < 0) return state.queue.dequeue(null, state);
	const { fs } = state;
	state.visited.push(crawlPath);
	state.counts.directories++;
	fs.readdir(crawlPath || ".", readdirOpts, (error, entries = []) => {
		callback$1(entries, directoryPath, currentDepth);
		state.queue.dequeue(state.options.suppressErrors ? null : error, state);
	});
};
const walkSync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
	const { fs } = state;
	if (currentDepth < 0) return;
	state.visited.push(crawlPath);
	state.counts.directories++;
	let entries = [];
	try {
		entries = fs.readdirSync(crawlPath || ".", readdirOpts);
	} catch (e) {
		if (!state.options.suppressErrors) throw e;
	}
	callback$1(entries, directoryPath, currentDepth);
};
function dist_build(isSynchronous) {
	return isSynchronous ? walkSync : walkAsync;
}

//#endregion
//#region src/api/queue.ts
/**
* This is a custom stateless queue to track concurrent async fs calls.
* It increments a counter whenever a call is queued and decrements it
* as soon as it completes. When the counter hits 0, it calls onQueueEmpty.
*/
var Queue = class {
	count = 0;
	constructor(onQueueEmpty) {
		this.onQueueEmpty = onQueueEmpty;
	}
	enqueue() {
		this.count++;
		return this.count;
	}
	dequeue(error, output) {
		if (this.onQueueEmpty && (--this.count <= 0 || error)) {
			this.onQueueEmpty(error, output);
			if (error) {
				output.controller.abort();
				this.onQueueEmpty = void 0;
			}
		}
	}
};

//#endregion
//#region src/api/counter.ts
var Counter = class {
	_files = 0;
	_directories = 0;
	set files(num) {
		this._files = num;
	}
	get files() {
		return this._files;
	}
	set directories(num) {
		this._directories = num;
	}
	get directories() {
		return this._directories;
	}
	/**
	* @deprecated use `directories` instead
	*/
	/* c8 ignore next 3 */
	get dirs() {
		return this._directories;
	}
};

//#endregion
//#region src/api/aborter.ts
/**
* AbortController is not supported on Node 14 so we use this until we can drop
* support for Node 14.
*/
var Aborter = class {
	aborted = false;
	abort() {
		this.aborted = true;
	}
};

//#endregion
//#region src/api/walker.ts
var Walker = class {
	root;
	isSynchronous;
	state;
	joinPath;
	pushDirectory;
	pushFile;
	getArray;
	groupFiles;
	resolveSymlink;
	walkDirectory;
	callbackInvoker;
	constructor(root, options, callback$1) {
		this.isSynchronous = !callback$1;
		this.callbackInvoker = build$1(options, this.isSynchronous);
		this.root = normalizePath(root, options);
		this.state = {
			root: isRootDirectory(this.root) ? this.root : this.root.slice(0, -1),
			paths: [""].slice(0, 0),
			groups: [],
			counts: new Counter(),
			options,
			queue: new Queue((error, state) => this.callbackInvoker(state, error, callback$1)),
			symlinks: /* @__PURE__ */ new Map(),
			visited: [""].slice(0, 0),
			controller: new Aborter(),
			fs: options.fs || external_fs_namespaceObject_0
		};
		this.joinPath = build$7(this.root, options);
		this.pushDirectory = build$6(this.root, options);
		this.pushFile = build$5(options);
		this.getArray = build$4(options);
		this.groupFiles = build$3(options);
		this.resolveSymlink = build$2(options, this.isSynchronous);
		this.walkDirectory = dist_build(this.isSynchronous);
	}
	start() {
		this.pushDirectory(this.root, this.state.paths, this.state.options.filters);
		this.walkDirectory(this.state, this.root, this.root, this.state.options.maxDepth, this.walk);
		return this.isSynchronous ? this.callbackInvoker(this.state, null) : null;
	}
	walk = (entries, directoryPath, depth) => {
		const { paths, options: { filters, resolveSymlinks: resolveSymlinks$1, excludeSymlinks, exclude, maxFiles, signal, useRealPaths, pathSeparator }, controller } = this.state;
		if (controller.aborted || signal && signal.aborted || maxFiles && paths.length > maxFiles) return;
		const files = this.getArray(this.state.paths);
		for (let i = 0; i < entries.length; ++i) {
			const entry = entries[i];
			if (entry.isFile() || entry.isSymbolicLink() && !resolveSymlinks$1 && !excludeSymlinks) {
				const filename = this.joinPath(entry.name, directoryPath);
				this.pushFile(filename, files, this.state.counts, filters);
			} else if (entry.isDirectory()) {
				let path = joinDirectoryPath(entry.name, directoryPath, this.state.options.pathSeparator);
				if (exclude && exclude(entry.name, path)) continue;
				this.pushDirectory(path, paths, filters);
				this.walkDirectory(this.state, path, path, depth - 1, this.walk);
			} else if (this.resolveSymlink && entry.isSymbolicLink()) {
				let path = joinPathWithBasePath(entry.name, directoryPath);
				this.resolveSymlink(path, this.state, (stat, resolvedPath) => {
					if (stat.isDirectory()) {
						resolvedPath = normalizePath(resolvedPath, this.state.options);
						if (exclude && exclude(entry.name, useRealPaths ? resolvedPath : path + pathSeparator)) return;
						this.walkDirectory(this.state, resolvedPath, useRealPaths ? resolvedPath : path + pathSeparator, depth - 1, this.walk);
					} else {
						resolvedPath = useRealPaths ? resolvedPath : path;
						const filename = (0,external_path_namespaceObject.basename)(resolvedPath);
						const directoryPath$1 = normalizePath((0,external_path_namespaceObject.dirname)(resolvedPath), this.state.options);
						resolvedPath = this.joinPath(filename, directoryPath$1);
						this.pushFile(resolvedPath, files, this.state.counts, filters);
					}
				});
			}
		}
		this.groupFiles(this.state.groups, directoryPath, files);
	};
};

//#endregion
//#region src/api/async.ts
function promise(root, options) {
	return new Promise((resolve$1, reject) => {
		callback(root, options, (err, output) => {
			if (err) return reject(err);
			resolve$1(output);
		});
	});
}
function callback(root, options, callback$1) {
	let walker = new Walker(root, options, callback$1);
	walker.start();
}

//#endregion
//#region src/api/sync.ts
function sync(root, options) {
	const walker = new Walker(root, options);
	return walker.start();
}

//#endregion
//#region src/builder/api-builder.ts
var APIBuilder = class {
	constructor(root, options) {
		this.root = root;
		this.options = options;
	}
	withPromise() {
		return promise(this.root, this.options);
	}
	withCallback(cb) {
		callback(this.root, this.options, cb);
	}
	sync() {
		return sync(this.root, this.options);
	}
};

//#endregion
//#region src/builder/index.ts
let pm = null;
/* c8 ignore next 6 */
try {
	__require.resolve("picomatch");
	pm = __require("picomatch");
} catch {}
var Builder = class {
	globCache = {};
	options = {
		maxDepth: Infinity,
		suppressErrors: true,
		pathSeparator: external_path_namespaceObject.sep,
		filters: []
	};
	globFunction;
	constructor(options) {
		this.options = {
			...this.options,
			...options
		};
		this.globFunction = this.options.globFunction;
	}
	group() {
		this.options.group = true;
		return this;
	}
	withPathSeparator(separator) {
		this.options.pathSeparator = separator;
		return this;
	}
	withBasePath() {
		this.options.includeBasePath = true;
		return this;
	}
	withRelativePaths() {
		this.options.relativePaths = true;
		return this;
	}
	withDirs() {
		this.options.includeDirs = true;
		return this;
	}
	withMaxDepth(depth) {
		this.options.maxDepth = depth;
		return this;
	}
	withMaxFiles(limit) {
		this.options.maxFiles = limit;
		return this;
	}
	withFullPaths() {
		this.options.resolvePaths = true;
		this.options.includeBasePath = true;
		return this;
	}
	withErrors() {
		this.options.suppressErrors = false;
		return this;
	}
	withSymlinks({ resolvePaths = true } = {}) {
		this.options.resolveSymlinks = true;
		this.options.useRealPaths = resolvePaths;
		return this.withFullPaths();
	}
	withAbortSignal(signal) {
		this.options.signal = signal;
		return this;
	}
	normalize() {
		this.options.normalizePath = true;
		return this;
	}
	filter(predicate) {
		this.options.filters.push(predicate);
		return this;
	}
	onlyDirs() {
		this.options.excludeFiles = true;
		this.options.includeDirs = true;
		return this;
	}
	exclude(predicate) {
		this.options.exclude = predicate;
		return this;
	}
	onlyCounts() {
		this.options.onlyCounts = true;
		return this;
	}
	crawl(root) {
		return new APIBuilder(root || ".", this.options);
	}
	withGlobFunction(fn) {
		this.globFunction = fn;
		return this;
	}
	/**
	* @deprecated Pass options using the constructor instead:
	* ```ts
	* new fdir(options).crawl("/path/to/root");
	* ```
	* This method will be removed in v7.0
	*/
	/* c8 ignore next 4 */
	crawlWithOptions(root, options) {
		this.options = {
			...this.options,
			...options
		};
		return new APIBuilder(root || ".", this.options);
	}
	glob(...patterns) {
		if (this.globFunction) return this.globWithOptions(patterns);
		return this.globWithOptions(patterns, ...[{ dot: true }]);
	}
	globWithOptions(patterns, ...options) {
		const globFn = this.globFunction || pm;
		/* c8 ignore next 5 */
		if (!globFn) throw new Error("Please specify a glob function to use glob matching.");
		var isMatch = this.globCache[patterns.join("\0")];
		if (!isMatch) {
			isMatch = globFn(patterns, ...options);
			this.globCache[patterns.join("\0")] = isMatch;
		}
		this.options.filters.push((path) => isMatch(path));
		return this;
	}
};

//#endregion

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __nccwpck_require__(4006);
;// CONCATENATED MODULE: ./node_modules/tinyglobby/dist/index.mjs





//#region src/utils.ts
const isReadonlyArray = Array.isArray;
const BACKSLASHES = /\\/g;
const DRIVE_RELATIVE_PATH = /^[A-Za-z]:$/;
const isWin = process.platform === "win32";
const ONLY_PARENT_DIRECTORIES = /^(\/?\.\.)+$/;
function getPartialMatcher(patterns, options = {}) {
	const patternsCount = patterns.length;
	const patternsParts = Array(patternsCount);
	const matchers = Array(patternsCount);
	let i, j;
	for (i = 0; i < patternsCount; i++) {
		const parts = splitPattern(patterns[i]);
		patternsParts[i] = parts;
		const partsCount = parts.length;
		const partMatchers = Array(partsCount);
		for (j = 0; j < partsCount; j++) partMatchers[j] = picomatch(parts[j], options);
		matchers[i] = partMatchers;
	}
	return (input) => {
		const inputParts = input.split("/");
		if (inputParts[0] === ".." && ONLY_PARENT_DIRECTORIES.test(input)) return true;
		for (i = 0; i < patternsCount; i++) {
			const patternParts = patternsParts[i];
			const matcher = matchers[i];
			const inputPatternCount = inputParts.length;
			const minParts = Math.min(inputPatternCount, patternParts.length);
			j = 0;
			while (j < minParts) {
				const part = patternParts[j];
				if (part.includes("/")) return true;
				if (!matcher[j](inputParts[j])) break;
				if (!options.noglobstar && part === "**") return true;
				j++;
			}
			if (j === inputPatternCount) return true;
		}
		return false;
	};
}
/* node:coverage ignore next 2 */
const WIN32_ROOT_DIR = /^[A-Z]:\/$/i;
const isRoot = isWin ? (p) => WIN32_ROOT_DIR.test(p) : (p) => p === "/";
function buildFormat(cwd, root, absolute) {
	if (cwd === root || root.startsWith(`${cwd}/`)) {
		if (absolute) {
			const start = cwd.length + +!isRoot(cwd);
			return (p, isDir) => p.slice(start, isDir ? -1 : void 0) || ".";
		}
		const prefix = root.slice(cwd.length + 1);
		if (prefix) return (p, isDir) => {
			if (p === ".") return prefix;
			const result = `${prefix}/${p}`;
			return isDir ? result.slice(0, -1) : result;
		};
		return (p, isDir) => isDir && p !== "." ? p.slice(0, -1) : p;
	}
	if (absolute) return (p) => external_path_namespaceObject.posix.relative(cwd, p) || ".";
	return (p) => external_path_namespaceObject.posix.relative(cwd, `${root}/${p}`) || ".";
}
function buildRelative(cwd, root) {
	if (root.startsWith(`${cwd}/`)) {
		const prefix = root.slice(cwd.length + 1);
		return (p) => `${prefix}/${p}`;
	}
	return (p) => {
		const result = external_path_namespaceObject.posix.relative(cwd, `${root}/${p}`);
		return p[p.length - 1] === "/" && result !== "" ? `${result}/` : result || ".";
	};
}
function ensureNonDriveRelativePath(path) {
	return path.replace(DRIVE_RELATIVE_PATH, (match) => `${match}/`);
}
const splitPatternOptions = { parts: true };
function splitPattern(path) {
	var _result$parts;
	const result = picomatch.scan(path, splitPatternOptions);
	return ((_result$parts = result.parts) === null || _result$parts === void 0 ? void 0 : _result$parts.length) ? result.parts : [path];
}
const ESCAPED_WIN32_BACKSLASHES = /\\(?![()[\]{}!+@])/g;
function convertPosixPathToPattern(path) {
	return escapePosixPath(path);
}
function convertWin32PathToPattern(path) {
	return escapeWin32Path(path).replace(ESCAPED_WIN32_BACKSLASHES, "/");
}
/**
* Converts a path to a pattern depending on the platform.
* Identical to {@link escapePath} on POSIX systems.
* @see {@link https://superchupu.dev/tinyglobby/documentation#convertPathToPattern}
*/
/* node:coverage ignore next 3 */
const convertPathToPattern = (/* unused pure expression or super */ null && (isWin ? convertWin32PathToPattern : convertPosixPathToPattern));
const POSIX_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}*?|]|^!|[!+@](?=\()|\\(?![()[\]{}!*+?@|]))/g;
const WIN32_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}]|^!|[!+@](?=\())/g;
const escapePosixPath = (path) => path.replace(POSIX_UNESCAPED_GLOB_SYMBOLS, "\\$&");
const escapeWin32Path = (path) => path.replace(WIN32_UNESCAPED_GLOB_SYMBOLS, "\\$&");
/**
* Escapes a path's special characters depending on the platform.
* @see {@link https://superchupu.dev/tinyglobby/documentation#escapePath}
*/
/* node:coverage ignore next */
const escapePath = isWin ? escapeWin32Path : escapePosixPath;
/**
* Checks if a pattern has dynamic parts.
*
* Has a few minor differences with [`fast-glob`](https://github.com/mrmlnc/fast-glob) for better accuracy:
*
* - Doesn't necessarily return `false` on patterns that include `\`.
* - Returns `true` if the pattern includes parentheses, regardless of them representing one single pattern or not.
* - Returns `true` for unfinished glob extensions i.e. `(h`, `+(h`.
* - Returns `true` for unfinished brace expansions as long as they include `,` or `..`.
*
* @see {@link https://superchupu.dev/tinyglobby/documentation#isDynamicPattern}
*/
function isDynamicPattern(pattern, options) {
	if ((options === null || options === void 0 ? void 0 : options.caseSensitiveMatch) === false) return true;
	const scan = picomatch.scan(pattern);
	return scan.isGlob || scan.negated;
}
function log(...tasks) {
	console.log(`[tinyglobby ${(/* @__PURE__ */ new Date()).toLocaleTimeString("es")}]`, ...tasks);
}
function ensureStringArray(value) {
	return typeof value === "string" ? [value] : value !== null && value !== void 0 ? value : [];
}
//#endregion
//#region src/patterns.ts
const PARENT_DIRECTORY = /^(\/?\.\.)+/;
const ESCAPING_BACKSLASHES = /\\(?=[()[\]{}!*+?@|])/g;
function normalizePattern(pattern, opts, props, isIgnore) {
	var _PARENT_DIRECTORY$exe;
	const cwd = opts.cwd;
	let result = pattern;
	if (pattern[pattern.length - 1] === "/") result = pattern.slice(0, -1);
	if (result[result.length - 1] !== "*" && opts.expandDirectories) result += "/**";
	const escapedCwd = escapePath(cwd);
	result = (0,external_path_namespaceObject.isAbsolute)(result.replace(ESCAPING_BACKSLASHES, "")) ? external_path_namespaceObject.posix.relative(escapedCwd, result) : external_path_namespaceObject.posix.normalize(result);
	const parentDir = (_PARENT_DIRECTORY$exe = PARENT_DIRECTORY.exec(result)) === null || _PARENT_DIRECTORY$exe === void 0 ? void 0 : _PARENT_DIRECTORY$exe[0];
	const parts = splitPattern(result);
	if (parentDir) {
		const n = (parentDir.length + 1) / 3;
		let i = 0;
		const cwdParts = escapedCwd.split("/");
		while (i < n && parts[i + n] === cwdParts[cwdParts.length + i - n]) {
			result = result.slice(0, (n - i - 1) * 3) + result.slice((n - i) * 3 + parts[i + n].length + 1) || ".";
			i++;
		}
		const potentialRoot = external_path_namespaceObject.posix.join(cwd, parentDir.slice(i * 3));
		if (potentialRoot[0] !== "." && props.root.length > potentialRoot.length) {
			props.root = ensureNonDriveRelativePath(potentialRoot);
			props.depthOffset = -n + i;
		}
	}
	if (!isIgnore && props.depthOffset >= 0) {
		var _props$commonPath;
		(_props$commonPath = props.commonPath) !== null && _props$commonPath !== void 0 || (props.commonPath = parts);
		const newCommonPath = [];
		const length = Math.min(props.commonPath.length, parts.length);
		for (let i = 0; i < length; i++) {
			const part = parts[i];
			if (part === "**" && !parts[i + 1]) {
				newCommonPath.pop();
				break;
			}
			if (i === parts.length - 1 || part !== props.commonPath[i] || isDynamicPattern(part)) break;
			newCommonPath.push(part);
		}
		props.depthOffset = newCommonPath.length;
		props.commonPath = newCommonPath;
		props.root = ensureNonDriveRelativePath(newCommonPath.length > 0 ? external_path_namespaceObject.posix.join(cwd, ...newCommonPath) : cwd);
	}
	return result;
}
function processPatterns(options, patterns, props) {
	const matchPatterns = [];
	const ignorePatterns = [];
	for (const pattern of options.ignore) {
		if (!pattern) continue;
		if (pattern[0] !== "!" || pattern[1] === "(") ignorePatterns.push(normalizePattern(pattern, options, props, true));
	}
	for (const pattern of patterns) {
		if (!pattern) continue;
		if (pattern[0] !== "!" || pattern[1] === "(") matchPatterns.push(normalizePattern(pattern, options, props, false));
		else if (pattern[1] !== "!" || pattern[2] === "(") ignorePatterns.push(normalizePattern(pattern.slice(1), options, props, true));
	}
	return {
		match: matchPatterns,
		ignore: ignorePatterns
	};
}
//#endregion
//#region src/crawler.ts
function buildCrawler(options, patterns) {
	const cwd = options.cwd;
	const props = {
		root: cwd,
		depthOffset: 0
	};
	const processed = processPatterns(options, patterns, props);
	if (options.debug) log("internal processing patterns:", processed);
	const { absolute, caseSensitiveMatch, debug, dot, followSymbolicLinks, onlyDirectories } = options;
	const root = props.root.replace(BACKSLASHES, "");
	const matchOptions = {
		dot,
		nobrace: options.braceExpansion === false,
		nocase: !caseSensitiveMatch,
		noextglob: options.extglob === false,
		noglobstar: options.globstar === false,
		posix: true
	};
	const matcher = picomatch(processed.match, matchOptions);
	const ignore = picomatch(processed.ignore, matchOptions);
	const partialMatcher = getPartialMatcher(processed.match, matchOptions);
	const format = buildFormat(cwd, root, absolute);
	const excludeFormatter = absolute ? format : buildFormat(cwd, root, true);
	const excludePredicate = (_, p) => {
		const relativePath = excludeFormatter(p, true);
		return relativePath !== "." && !partialMatcher(relativePath) || ignore(relativePath);
	};
	let maxDepth;
	if (options.deep !== void 0) maxDepth = Math.round(options.deep - props.depthOffset);
	const crawler = new Builder({
		filters: [debug ? (p, isDirectory) => {
			const path = format(p, isDirectory);
			const matches = matcher(path) && !ignore(path);
			if (matches) log(`matched ${path}`);
			return matches;
		} : (p, isDirectory) => {
			const path = format(p, isDirectory);
			return matcher(path) && !ignore(path);
		}],
		exclude: debug ? (_, p) => {
			const skipped = excludePredicate(_, p);
			log(`${skipped ? "skipped" : "crawling"} ${p}`);
			return skipped;
		} : excludePredicate,
		fs: options.fs,
		pathSeparator: "/",
		relativePaths: !absolute,
		resolvePaths: absolute,
		includeBasePath: absolute,
		resolveSymlinks: followSymbolicLinks,
		excludeSymlinks: !followSymbolicLinks,
		excludeFiles: onlyDirectories,
		includeDirs: onlyDirectories || !options.onlyFiles,
		maxDepth,
		signal: options.signal
	}).crawl(root);
	if (options.debug) log("internal properties:", {
		...props,
		root
	});
	return [crawler, cwd !== root && !absolute && buildRelative(cwd, root)];
}
//#endregion
//#region src/index.ts
function formatPaths(paths, mapper) {
	if (mapper) for (let i = paths.length - 1; i >= 0; i--) paths[i] = mapper(paths[i]);
	return paths;
}
const defaultOptions = {
	caseSensitiveMatch: true,
	debug: !!process.env.TINYGLOBBY_DEBUG,
	expandDirectories: true,
	followSymbolicLinks: true,
	onlyFiles: true
};
function getOptions(options) {
	const opts = Object.assign({}, options);
	for (const key in defaultOptions) if (opts[key] === void 0) Object.assign(opts, { [key]: defaultOptions[key] });
	opts.cwd = (opts.cwd instanceof URL ? (0,external_url_namespaceObject.fileURLToPath)(opts.cwd) : (0,external_path_namespaceObject.resolve)(opts.cwd || process.cwd())).replace(BACKSLASHES, "/");
	opts.ignore = ensureStringArray(opts.ignore);
	opts.fs && (opts.fs = {
		readdir: opts.fs.readdir || external_fs_namespaceObject.readdir,
		readdirSync: opts.fs.readdirSync || external_fs_namespaceObject.readdirSync,
		realpath: opts.fs.realpath || external_fs_namespaceObject.realpath,
		realpathSync: opts.fs.realpathSync || external_fs_namespaceObject.realpathSync,
		stat: opts.fs.stat || external_fs_namespaceObject.stat,
		statSync: opts.fs.statSync || external_fs_namespaceObject.statSync
	});
	if (opts.debug) log("globbing with options:", opts);
	return opts;
}
function getCrawler(globInput, inputOptions = {}) {
	var _ref;
	if (globInput && (inputOptions === null || inputOptions === void 0 ? void 0 : inputOptions.patterns)) throw new Error("Cannot pass patterns as both an argument and an option");
	const isModern = isReadonlyArray(globInput) || typeof globInput === "string";
	const patterns = ensureStringArray((_ref = isModern ? globInput : globInput.patterns) !== null && _ref !== void 0 ? _ref : "**/*");
	const options = getOptions(isModern ? inputOptions : globInput);
	return patterns.length > 0 ? buildCrawler(options, patterns) : [];
}
async function glob(globInput, options) {
	const [crawler, relative] = getCrawler(globInput, options);
	return crawler ? formatPaths(await crawler.withPromise(), relative) : [];
}
function globSync(globInput, options) {
	const [crawler, relative] = getCrawler(globInput, options);
	return crawler ? formatPaths(crawler.sync(), relative) : [];
}
//#endregion


;// CONCATENATED MODULE: ./src/io/find-plans.ts
// Which files to verify, from the command line's arguments: files as given, folders searched
// for the contract's default globs, glob patterns expanded. Paths are reported relative to the
// current folder with forward slashes, as the contract's JSON shows them.



/** The contract's default patterns (plan-format.md, "Files"). */
const DEFAULT_PLAN_GLOBS = ['**/*.plan.yaml', '**/*.plan.yml', '**/*.plan.json'];
const IGNORED = ['**/node_modules/**', '**/.git/**'];
function displayPath(cwd, absolute) {
    const rel = (0,external_node_path_namespaceObject.relative)(cwd, absolute);
    const shown = rel === '' || rel.startsWith('..') || (0,external_node_path_namespaceObject.isAbsolute)(rel) ? absolute : rel;
    return shown.split(external_node_path_namespaceObject.sep).join('/');
}
function globIn(cwd, patterns) {
    return globSync([...patterns], { cwd, absolute: true, dot: true, onlyFiles: true, followSymbolicLinks: false, ignore: [...IGNORED] });
}
function findPlanFiles(inputs, cwd) {
    const found = new Map();
    const problems = [];
    const add = (absolute) => {
        if (!found.has(absolute))
            found.set(absolute, displayPath(cwd, absolute));
    };
    for (const input of inputs.length > 0 ? inputs : ['.']) {
        const absolute = (0,external_node_path_namespaceObject.resolve)(cwd, input);
        let isDirectory;
        try {
            isDirectory = (0,external_node_fs_namespaceObject.statSync)(absolute).isDirectory();
        }
        catch {
            isDirectory = undefined;
        }
        if (isDirectory === true) {
            const files = globIn(absolute, DEFAULT_PLAN_GLOBS);
            if (files.length === 0)
                problems.push(`${input}: no plan files (${DEFAULT_PLAN_GLOBS.join(', ')}) in this folder`);
            files.forEach(add);
        }
        else if (isDirectory === false) {
            add(absolute); // a file named explicitly is verified whatever its name
        }
        else if (isDynamicPattern(input)) {
            const files = globIn(cwd, [input]);
            if (files.length === 0)
                problems.push(`${input}: the pattern matches no files`);
            files.forEach(add);
        }
        else {
            add(absolute); // missing: reported as that file's error, so every named file gets a report
        }
    }
    const files = [...found.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { files, problems };
}

;// CONCATENATED MODULE: ./src/io/verify-files.ts
// Verifies plan files from disk: every file gets a PlanReport, whatever happens to the others.





function errorReport(file, message, line) {
    return { file, name: file, verdict: 'error', checks: [], metrics: null, errors: [line === undefined ? { message } : { message, line }] };
}
function verifyPlanFile(file, cwd) {
    const read = readTextFile((0,external_node_path_namespaceObject.resolve)(cwd, file), MAX_PLAN_BYTES);
    if (!read.ok)
        return errorReport(file, read.message, read.line);
    try {
        return verifyPlanText(file, read.text, createReadReference({ cwd }));
    }
    catch (err) {
        // a bug in the verifier must not hide the other plans' results, nor print a stack trace
        return errorReport(file, `internal error while verifying this plan: ${err instanceof Error ? err.message : String(err)}`);
    }
}
function verifyPlanFiles(files, cwd) {
    return combineReports(files.map((file) => verifyPlanFile(file, cwd)));
}

;// CONCATENATED MODULE: ./src/io/verify-command.ts
// `parallel-plan-check verify [files, folders or globs ...]`: verifies plans and prints a report.




/** Exit codes of the contract. */
const EXIT_OK = 0;
const EXIT_FAIL = 1;
const EXIT_USAGE = 2;
const RENDERERS = {
    text: renderText,
    markdown: (report) => renderReportMarkdown(report),
    json: renderJson,
};
const verifyOptions = {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
};
const verifyUsage = `Usage: parallel-plan-check verify [files, folders or globs ...] [options]

Verifies LLM deployment plans. With no path, searches the current folder. Folders are
searched for **/*.plan.yaml, **/*.plan.yml and **/*.plan.json (node_modules and .git skipped).

Options:
  -f, --format text|markdown|json   report format (default: text)
  -o, --output FILE                 write the report to FILE instead of standard output
  -h, --help                        show this help

Exit status: 0 every plan passes or warns, 1 some plan fails,
2 a usage error or a file that is not a valid plan.
`;
/** 2 wins over 1: a file that is not a plan means the run could not check everything. */
function exitCodeFor(report, usageProblems) {
    if (usageProblems > 0 || report.plans.some((p) => p.verdict === 'error'))
        return EXIT_USAGE;
    if (report.plans.some((p) => p.verdict === 'fail'))
        return EXIT_FAIL;
    return EXIT_OK;
}
function runVerify(values, positionals, io) {
    const format = typeof values.format === 'string' ? values.format.toLowerCase() : 'text';
    const render = RENDERERS[format];
    if (!render) {
        io.stderr(`parallel-plan-check: unknown format '${format}'; use one of: ${Object.keys(RENDERERS).join(', ')}\n`);
        return EXIT_USAGE;
    }
    const found = findPlanFiles(positionals, io.cwd);
    for (const problem of found.problems)
        io.stderr(`parallel-plan-check: ${problem}\n`);
    const report = verifyPlanFiles(found.files, io.cwd);
    const text = render(report);
    if (typeof values.output === 'string') {
        try {
            io.writeFile((0,external_node_path_namespaceObject.resolve)(io.cwd, values.output), text);
        }
        catch (err) {
            const code = err.code ?? String(err);
            io.stderr(`parallel-plan-check: cannot write ${values.output} (${code})\n`);
            return EXIT_USAGE;
        }
    }
    else {
        io.stdout(text);
    }
    return exitCodeFor(report, found.problems.length);
}

;// CONCATENATED MODULE: ./src/io/suggest-command.ts
// `parallel-plan-check suggest <plan>`: searches every valid layout for the plan's model,
// workload and hardware and says what would make it pass (docs/suggest.md).









const DEFAULT_TOP = DEFAULT_SUGGEST_OPTIONS.top;
/** The search enumerates every count up to --max-gpus: past this it would take minutes. */
const MAX_GPUS_LIMIT = MAX_SEARCH_GPUS;
const suggest_command_RENDERERS = {
    text: renderSuggestText,
    markdown: (r) => renderSuggestMarkdown(r),
    json: (r) => `${JSON.stringify({ version: 1, suggest: r }, null, 2)}\n`,
};
const suggestOptions = {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    objective: { type: 'string' },
    top: { type: 'string' },
    'max-gpus': { type: 'string' },
    'allow-cross-node-tp': { type: 'boolean' },
    'allow-cp': { type: 'boolean' },
    'any-gpu-count': { type: 'boolean' },
};
const suggestUsage = `Usage: parallel-plan-check suggest <plan> [options]

Searches every parallel layout (tp, pp, dp, ep, etp, cp) that serving engines can run, for
1 up to the plan's device count, verifies each one, ranks those that meet the plan's
requirements, and says what would make a failing plan pass: more or fewer devices, another
layout, fp8 weights or KV cache, lower concurrency, a shorter max context.

Options:
  -f, --format text|markdown|json   output format (default: text)
  -o, --output FILE                 write to FILE instead of standard output
      --objective NAME              throughput-per-gpu (default) | ttft | tpot | gpus
      --top N                       layouts to show (default: ${DEFAULT_TOP})
      --max-gpus N                  search device counts up to N (default: the plan's count;
                                    "more devices" looks up to 16x the plan's count)
      --allow-cross-node-tp         let tensor parallelism span nodes
      --allow-cp                    search context parallelism for short contexts too
      --any-gpu-count               past one node, search every count, not only whole nodes
  -h, --help                        show this help

Exit status: 0 some layout passes, 1 none does, 2 a usage error or a file that is not a valid plan.
`;
function positiveInt(name, value, max) {
    if (value === undefined)
        return undefined;
    const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < 1 || n > max)
        return `--${name} must be a whole number from 1 to ${max}, not '${String(value)}'`;
    return n;
}
function runSuggest(values, positionals, io) {
    const usage = (message) => {
        io.stderr(`parallel-plan-check suggest: ${message}\nTry 'parallel-plan-check suggest --help'.\n`);
        return EXIT_USAGE;
    };
    const format = typeof values.format === 'string' ? values.format : 'text';
    const render = suggest_command_RENDERERS[format];
    if (!render)
        return usage(`unknown format '${format}'; use one of: ${Object.keys(suggest_command_RENDERERS).join(', ')}`);
    const objective = (typeof values.objective === 'string' ? values.objective : 'throughput-per-gpu');
    if (!OBJECTIVES.includes(objective))
        return usage(`unknown objective '${String(values.objective)}'; use one of: ${OBJECTIVES.join(', ')}`);
    const top = positiveInt('top', values.top, 1000) ?? DEFAULT_TOP;
    if (typeof top === 'string')
        return usage(top);
    const maxGpus = positiveInt('max-gpus', values['max-gpus'], MAX_GPUS_LIMIT);
    if (typeof maxGpus === 'string')
        return usage(maxGpus);
    if (positionals.length !== 1)
        return usage(positionals.length === 0 ? 'give one plan file' : `give one plan file, not ${positionals.length}`);
    const file = positionals[0];
    const read = readTextFile((0,external_node_path_namespaceObject.resolve)(io.cwd, file), MAX_PLAN_BYTES);
    if (!read.ok) {
        io.stderr(`${errorLine(file, read.line === undefined ? { message: read.message } : { message: read.message, line: read.line })}\n`);
        return EXIT_USAGE;
    }
    const loaded = load_loadPlan(file, read.text, createReadReference({ cwd: io.cwd }));
    if (!loaded.ok) {
        for (const error of loaded.errors)
            io.stderr(`${errorLine(file, error)}\n`);
        return EXIT_USAGE;
    }
    const verdict = verify_verifyLoadedPlan(loaded.loaded).verdict;
    const result = search_suggest(loaded.loaded, {
        objective, top, ...(maxGpus !== undefined ? { maxGpus } : {}),
        allowCrossNodeTp: values['allow-cross-node-tp'] === true,
        allowCp: values['allow-cp'] === true,
        anyGpuCount: values['any-gpu-count'] === true,
    }, verdict);
    const text = render(result);
    if (typeof values.output === 'string') {
        try {
            io.writeFile((0,external_node_path_namespaceObject.resolve)(io.cwd, values.output), text);
        }
        catch (err) {
            return usage(`cannot write ${values.output} (${err.code ?? String(err)})`);
        }
    }
    else
        io.stdout(text);
    return result.top.some((c) => c.status === 'pass') ? EXIT_OK : EXIT_FAIL;
}

;// CONCATENATED MODULE: ./src/io/commands.ts
// The subcommands, in one table: a new one (e.g. `suggest`) is one more entry.



const COMMANDS = {
    verify: { summary: 'verify plan files and report what they achieve', usage: verifyUsage, options: verifyOptions, run: runVerify },
    suggest: { summary: 'search every valid layout and say what would make a plan pass', usage: suggestUsage, options: suggestOptions, run: runSuggest },
};
function generalUsage() {
    const commands = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`).join('\n');
    return `Usage: parallel-plan-check <command> [options]

Commands:
${commands}

Options:
  -h, --help       show help (also: parallel-plan-check <command> --help)
  -V, --version    show the version
`;
}
/** Runs one command line; returns the exit code. Bad input never throws. */
function runCli(argv, io, version) {
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
            io.stderr(`parallel-plan-check: ${line.message}\n${line.showUsage ? `\n${generalUsage()}` : "Try 'parallel-plan-check --help'.\n"}`);
            return EXIT_USAGE;
        case 'command': {
            const command = COMMANDS[line.command];
            if (!command)
                return EXIT_USAGE;
            return command.run(line.values, line.positionals, io);
        }
    }
}

;// CONCATENATED MODULE: ./src/io/console.ts
// What a command may do to the outside world; tests pass their own.

function processIo() {
    return {
        cwd: process.cwd(),
        stdout: (text) => void process.stdout.write(text),
        stderr: (text) => void process.stderr.write(text),
        writeFile: (path, text) => (0,external_node_fs_namespaceObject.writeFileSync)(path, text, 'utf8'),
    };
}

;// CONCATENATED MODULE: ./src/cli.ts
// The command line: parallel-plan-check verify [files, folders or globs ...] (see src/io/commands.ts).



const io = processIo();
// a closed pipe (`... | head`) is not an error worth a stack trace
process.stdout.on('error', (err) => {
    if (err.code === 'EPIPE')
        process.exit(process.exitCode ?? 0);
});
try {
    process.exitCode = runCli(process.argv.slice(2), io, package_namespaceObject.rE);
}
catch (err) {
    io.stderr(`parallel-plan-check: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
}

