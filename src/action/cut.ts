// The last-resort cuts of text sent to GitHub (a comment, a check run's summary, an annotation, the
// job summary): a cut by UTF-16 length may fall inside an emoji, leaving half of a surrogate pair
// that GitHub may refuse with the whole request.

/** The first `length` UTF-16 units of `text`, one fewer when the cut would split a surrogate pair. */
export function cutWhole(text: string, length: number): string {
  const n = Math.max(0, Math.floor(length));
  if (text.length <= n) return text;
  const last = text.charCodeAt(n - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? n - 1 : n);
}
