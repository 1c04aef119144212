// A value read from a file a plan names (config.json, an engine script, a manifest) in a message. The
// file may be one an earlier step of the job wrote (a credentials JSON, an .env), so such values are
// never quoted into a report: a value is named only when it is one of the reader's own list, or a
// short number (neither is a secret), else it is described by its length.

/** A short plain number (-1, 0.95, 1024): worth showing why a flag was refused, and no secret. */
const SHORT_NUMBER = /^[-+]?\d{1,5}(\.\d{1,4})?$/;

/** `"value"` when `known` holds it or it is a short number, `(none)` when empty, else `(a value of N characters, not shown)`. */
export function readValue(value: string, known: ReadonlySet<string> | readonly string[] = []): string {
  if (value === '') return '(none)';
  const list: ReadonlySet<string> = known instanceof Set ? known : new Set(known as readonly string[]);
  return list.has(value) || SHORT_NUMBER.test(value) ? `"${value}"` : `(a value of ${value.length} characters, not shown)`;
}
