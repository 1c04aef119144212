// A cheap upper bound on a YAML/JSON text's nesting depth, checked BEFORE parsing:
// the YAML parser recurses per level, and some deep inputs ("- - - - ..." 200k times)
// crash the whole process with a fatal out-of-memory error that no try/catch can stop.
// The bound may overcount (brackets inside plain scalars count); it must not undercount
// flow brackets, block indentation or compact "- - x" sequences.

/** Where the estimate first passed `limit`, or undefined when it never did. */
export function deeperThan(text: string, limit: number): { line: number } | undefined {
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
    let compact = 0;
    if (!blank && flow === 0) {
      while (indents.length > 0 && (indents[indents.length - 1] as number) > col) indents.pop();
      if (indents.length === 0 || (indents[indents.length - 1] as number) < col) indents.push(col);
      // "- - - x", "? - x", "- key: value": each indicator opens a level
      while (i < n && (text[i] === '-' || text[i] === '?') && (i + 1 >= n || text[i + 1] === ' ' || text[i + 1] === '\n')) {
        compact++;
        i++;
        while (i < n && text[i] === ' ') i++;
        if (indents.length + compact + flow > limit) return { line };
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
      if ((ch === '"' || ch === "'") && tokenStart) {
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
        if (indents.length + compact + flow > limit) return { line };
      } else if ((ch === ']' || ch === '}') && flow > 0) flow--;
      previous = ch;
      i++;
    }
    if (indents.length + compact + flow > limit) return { line };
    if (i < n) {
      i++; // the newline
      line++;
    }
  }
  return undefined;
}
