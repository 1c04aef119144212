// Neutralising text that comes from a plan (names, paths, messages quoting plan text) before it
// goes into GitHub markdown: it must not break a table, inject HTML, format, link, or ping anyone.
// markdown-table escapes nothing, so every cell goes through escapeCell first.

const ZERO_WIDTH_SPACE = '\u200B';

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Control characters (but tab and line breaks), the bidirectional controls, which can make text
 * read differently than it is (a file name that shows ".yaml" last but ends otherwise), the
 * characters that show as nothing (zero-width space, word joiner and invisible operators, byte-order
 * mark, soft hyphen, Mongolian vowel separator, and the rest of Unicode's default-ignorable
 * characters: Hangul fillers, variation selectors, tag characters U+E0000-E0FFF, which render as
 * nothing and can carry a whole hidden sentence: two names that look the same), and lone surrogates.
 * Zero-width joiners and the emoji presentation selectors (U+FE0E, U+FE0F) are left: emoji sequences
 * and several scripts need them.
 */
export const INVISIBLE_CHARACTERS =
  '\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B\\u200E\\u200F\\u2028\\u2029\\u202A-\\u202E\\u2060-\\u206F\\u3164\\uFE00-\\uFE0D\\uFEFF\\uFFA0\\uFFF9-\\uFFFB\\u{1BCA0}-\\u{1BCA3}\\u{1D173}-\\u{1D17A}\\u{E0000}-\\u{E0FFF}\\uD800-\\uDFFF';

const INVISIBLE = new RegExp(`[${INVISIBLE_CHARACTERS}]`, 'gu');

const HIDDEN_CHARACTERS = new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F${INVISIBLE_CHARACTERS}]`, 'gu');

/** A hidden character shown as its escape: \x1b, \u202e, \u{e0041} (past U+FFFF). */
export function showEscaped(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  if (code > 0xffff) return `\\u{${code.toString(16)}}`;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A run of 7 to 64 hex digits with a digit and a letter: GitHub links it to a commit when one matches. */
const COMMIT_LIKE = /\b(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{7,64}\b/gi;

/**
 * What GFM's autolink extension (GitHub's) turns into a link: any `://` (it reads the scheme back from
 * the colon, so `1https://` and `_https://` link as `https://` does) and any `www.` (after `_`, `~` or
 * `(` too). `\b` misses both after a digit or `_`, so these break whatever precedes them. Emails (bare,
 * `mailto:`, `xmpp:`) need a domain right after their `@`, which the mention rule breaks.
 */
const AUTOLINK = /:\/\/|www\./gi;

function breakAutolink(s: string): string {
  return s === '://' ? `:${ZERO_WIDTH_SPACE}//` : `${s.slice(0, 3)}${ZERO_WIDTH_SPACE}.`;
}

/**
 * Plan text for inline markdown (a paragraph, list item or heading): hidden characters shown
 * escaped, HTML entity-encoded, markdown punctuation backslash-escaped, `$` (which opens math)
 * entity-encoded, @mentions (and emails), #123 and GH-123 references, commit-like hex and
 * autolinks (`://`, `www.`) broken with a zero-width space, and newlines turned into <br> so text
 * cannot start a new block.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(HIDDEN_CHARACTERS, showEscaped)
    .replace(/[&<>"]/g, (c) => HTML_ENTITIES[c] ?? c)
    .replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`)
    .replace(/@(?=[A-Za-z0-9_\\-])/g, `@${ZERO_WIDTH_SPACE}`) // a backslash: `_` or `-` escaped above
    .replace(/#(?=\d)/g, `#${ZERO_WIDTH_SPACE}`)
    .replace(/\bGH-(?=\d)/gi, (s) => `${s}${ZERO_WIDTH_SPACE}`)
    .replace(/\$/g, '&#36;') // after the # rule, which would break this entity
    .replace(COMMIT_LIKE, (hex) => `${hex.slice(0, 6)}${ZERO_WIDTH_SPACE}${hex.slice(6)}`)
    .replace(AUTOLINK, breakAutolink)
    .replace(/\r\n?|\n/g, '<br>');
}

/**
 * One line of plan text for inline markdown (a note quoting file names): as escapeMarkdown, but a line
 * break shows as `\n` (`\r`), as check-run names show it. Such a line holds no intended line break, and
 * a <br> would let what follows it read as a line of its own (`prod.plan.yaml<br>z` beside a ✅).
 */
export function escapeLine(text: string): string {
  return escapeMarkdown(text.replace(/\r/g, '\\r').replace(/\n/g, '\\n'));
}

/** A plan's name or a file path for inline markdown or a table cell: escapeLine, trimmed as escapeCell is. */
export function escapeName(text: string): string {
  return escapeLine(text).trim() || ' ';
}

/**
 * Plan text inside an HTML element such as <summary>, where markdown is not parsed (a backslash
 * would show): hidden characters shown escaped, entities, `$`, mentions, references and
 * commit-like hex broken as escapeMarkdown does, one line.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[\t\r\n]+/g, ' ')
    .replace(HIDDEN_CHARACTERS, showEscaped)
    .replace(/[&<>"]/g, (c) => HTML_ENTITIES[c] ?? c)
    .replace(/@(?=[A-Za-z0-9_-])/g, `@${ZERO_WIDTH_SPACE}`)
    .replace(/#(?=\d)/g, `#${ZERO_WIDTH_SPACE}`)
    .replace(/\bGH-(?=\d)/gi, (s) => `${s}${ZERO_WIDTH_SPACE}`)
    .replace(/\$/g, '&#36;') // after the # rule, which would break this entity
    .replace(COMMIT_LIKE, (hex) => `${hex.slice(0, 6)}${ZERO_WIDTH_SPACE}${hex.slice(6)}`)
    .replace(AUTOLINK, breakAutolink);
}

/**
 * Our own markdown with its `$` (dollar figures) as entities, so two on one line never open math;
 * code spans and fenced blocks (a Mermaid chart) are left as they are, where an entity would show.
 */
export function withoutMath(markdown: string): string {
  return markdown
    .split(/(```[\s\S]*?```|`[^`\n]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\$/g, '&#36;')))
    .join('');
}

/** Plan text for a table cell: as escapeMarkdown (which already escapes `|` and newlines). */
export function escapeCell(text: string): string {
  return escapeMarkdown(text).trim() || ' ';
}

/** Text that goes into a Mermaid string: only characters that cannot end the string or inject. */
export function mermaidLabel(text: string): string {
  return text.replace(/[^A-Za-z0-9 .,:/+\-()]/g, '').slice(0, 60);
}

/**
 * Plan text for a terminal, one line of it: control characters (ANSI escape sequences, carriage
 * returns that overwrite a line, line feeds: run in a GitHub Actions step, a line that data starts
 * would be read as a workflow command, `::add-mask::`, `::stop-commands::`) are shown as \xNN, and bidirectional controls (which reorder what the
 * terminal shows), characters that show as nothing and lone surrogates as \uNNNN, instead of
 * being sent to the terminal.
 */
export function escapeTerminal(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are shown as \xNN
      .replace(/[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
      .replace(INVISIBLE, (c) => {
        const code = c.codePointAt(0) ?? 0;
        return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
      })
  );
}
