// Cheap upper bounds on a YAML/JSON text's nesting depth and number of values, checked BEFORE
// parsing, in one linear pass:
// - depth: the YAML parser recurses per level, and some deep inputs ("- - - - ..." 200k times)
//   crash the whole process with a fatal out-of-memory error that no try/catch can stop;
// - values: the parser spends about a microsecond and a few hundred bytes per value or syntax
//   error, so a 1 MiB file of 200,000 one-line keys (or of 500,000 quotes, each an error) costs
//   seconds before any check of ours could run. Counted: every line, every word, every quoted
//   scalar, flow bracket and comma, stray closing bracket and compact "- " or "? ".
// The bounds may overcount (brackets inside plain scalars count, every line and word of a block
// scalar counts); they must not undercount flow brackets, block indentation or compact "- - x"
// sequences.

export interface ShapeLimits {
  /** deepest nesting estimate allowed */
  depth: number;
  /** most values (lines, words, quoted scalars, flow items, compact indicators) allowed */
  values: number;
}

/** Where an estimate first passed its limit (and which), or undefined when none did. */
export function shapeProblem(text: string, limits: ShapeLimits): { line: number; limit: 'depth' | 'values' } | undefined {
  let values = 0;
  const deep = scan(text, limits.depth, () => ++values > limits.values);
  if (deep) return { line: deep.line, limit: deep.byCount ? 'values' : 'depth' };
  return undefined;
}

/** Where the depth estimate first passed `limit`, or undefined when it never did. */
export function deeperThan(text: string, limit: number): { line: number } | undefined {
  const found = scan(text, limit, () => false);
  return found ? { line: found.line } : undefined;
}

/** The scan: `count` is called once per value; true from it stops the scan there. */
function scan(text: string, limit: number, count: () => boolean): { line: number; byCount: boolean } | undefined {
  const indents: number[] = [];
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
    // every line counts, blank or not (the parser spends time on each)
    if (count()) return { line, byCount: true };
    let compact = 0;
    if (!blank && flow === 0) {
      while (indents.length > 0 && (indents[indents.length - 1] as number) > col) indents.pop();
      if (indents.length === 0 || (indents[indents.length - 1] as number) < col) indents.push(col);
      // "- - - x", "? - x", "- key: value": each indicator opens a level
      while (i < n && (text[i] === '-' || text[i] === '?') && (i + 1 >= n || text[i + 1] === ' ' || text[i + 1] === '\n')) {
        compact++;
        i++;
        while (i < n && text[i] === ' ') i++;
        if (count()) return { line, byCount: true };
        if (indents.length + compact + flow > limit) return { line, byCount: false };
      }
    }
    // the rest of the line: flow brackets outside quotes and comments
    let previous = ' ';
    while (i < n && text[i] !== '\n') {
      const ch = text[i] as string;
      const tokenStart = previous === ' ' || previous === '\t' || previous === '[' || previous === '{' || previous === ',' || previous === ':';
      if (ch === '#' && (previous === ' ' || previous === '\t')) {
        while (i < n && text[i] !== '\n') i++;
        break;
      }
      // every word counts: one line can hold thousands of tokens (or of parse errors)
      if (ch !== ' ' && ch !== '\t' && (previous === ' ' || previous === '\t') && count()) return { line, byCount: true };
      // a quote right after a closing one starts another scalar for the parser (or an error): counted too
      if ((ch === '"' || ch === "'") && (tokenStart || previous === '"' || previous === "'")) {
        if (count()) return { line, byCount: true };
        // skip the quoted scalar, which may span lines
        i++;
        while (i < n && text[i] !== ch) {
          if (ch === '"' && text[i] === '\\') i++;
          if (text[i] === '\n') line++;
          i++;
        }
        previous = ch;
        i++;
        continue;
      }
      if (ch === '[' || ch === '{') {
        flow++;
        if (count()) return { line, byCount: true };
        if (indents.length + compact + flow > limit) return { line, byCount: false };
      } else if (ch === ']' || ch === '}') {
        // a stray closing bracket is a parse error each: counted, so a file of them is refused early
        if (flow > 0) flow--;
        else if (count()) return { line, byCount: true };
      } else if (ch === ',' && flow > 0 && count()) return { line, byCount: true };
      previous = ch;
      i++;
    }
    if (indents.length + compact + flow > limit) return { line, byCount: false };
    if (i < n) {
      i++; // the newline
      line++;
    }
  }
  return undefined;
}
