// Characters that some YAML readers take as a line break and others do not. YAML 1.1 readers
// (PyYAML, which most deployment tooling uses) break lines at a lone carriage return, U+0085,
// U+2028 and U+2029; the parser here (YAML 1.2) breaks only at \n and \r\n. In a plan, that lets
// `concurrency: 32 # chat<CR>concurrency: 4096` read 32 here and 4096 elsewhere, and GitHub's diff
// shows one comment line: the plan verified would not be the plan deployed. Such a file is refused.

const NAMES: Record<string, string> = {
  '\r': 'a carriage return (U+000D) not followed by a line feed',
  '\u0085': 'a next-line character (U+0085)',
  '\u2028': 'a line separator (U+2028)',
  '\u2029': 'a paragraph separator (U+2029)',
};

/** The first character other YAML readers would break a line at and this one would not: its line (1-based, as this parser counts) and its name. */
export function ambiguousLineBreak(text: string): { line: number; name: string } | undefined {
  const found = /\r(?!\n)|[\u0085\u2028\u2029]/.exec(text);
  if (found === null) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < found.index; i = text.indexOf('\n', i + 1)) line++;
  return { line, name: NAMES[found[0]]! };
}

/** The error for such a file, naming the character and why it is refused. */
export function ambiguousLineBreakMessage(name: string): string {
  return `the file contains ${name}, which YAML 1.1 readers such as PyYAML take as a line break and this one does not: the file could read as another plan elsewhere. Save it with \\n (or \\r\\n) line endings only`;
}
