// Neutralising text that comes from a plan (names, paths, messages quoting plan text) before it
// goes into GitHub markdown: it must not break a table, inject HTML, format, link, or ping anyone.
// markdown-table escapes nothing, so every cell goes through escapeCell first.

const ZERO_WIDTH_SPACE = '\u200B';

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Plan text for inline markdown (a paragraph, list item or heading): HTML is entity-encoded,
 * markdown punctuation backslash-escaped, @mentions and #123 references broken with a
 * zero-width space, and newlines turned into <br> so text cannot start a new block.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/[&<>"]/g, (c) => HTML_ENTITIES[c] ?? c)
    .replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`)
    .replace(/@(?=[A-Za-z0-9_-])/g, `@${ZERO_WIDTH_SPACE}`)
    .replace(/#(?=\d)/g, `#${ZERO_WIDTH_SPACE}`)
    .replace(/\b(https?|ftp|www)(?=[.:])/gi, (s) => `${s}${ZERO_WIDTH_SPACE}`)
    .replace(/\r\n?|\n/g, '<br>');
}

/**
 * Plan text inside an HTML element such as <summary>, where markdown is not parsed (a backslash
 * would show): entities only, mentions and references broken, one line.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[\u0000-\u001F\u007F]/g, ' ')
    .replace(/[&<>"]/g, (c) => HTML_ENTITIES[c] ?? c)
    .replace(/@(?=[A-Za-z0-9_-])/g, `@${ZERO_WIDTH_SPACE}`)
    .replace(/#(?=\d)/g, `#${ZERO_WIDTH_SPACE}`)
    .replace(/\b(https?|ftp|www)(?=[.:])/gi, (s) => `${s}${ZERO_WIDTH_SPACE}`);
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
 * Plan text for a terminal: control characters (ANSI escape sequences, carriage returns that
 * overwrite a line) are shown as \xNN instead of being sent to the terminal.
 */
export function escapeTerminal(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
