// Reading a text file with a size limit and strict UTF-8: the limit is checked before reading
// and again while reading (the file may grow in between); bad bytes are an error, not U+FFFD.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export type TextResult = { ok: true; text: string } | { ok: false; message: string; line?: number };

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a folder, not a file';
    case 'ELOOP': return 'too many levels of symbolic links';
    default: return `cannot be read (${code ?? String(err)})`;
  }
}

/** Offset of the first byte that is not valid UTF-8, found by bisection (only on the error path). */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    try {
      // stream: a character cut at the end of the prefix is not an error
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      good = mid;
    } catch {
      bad = mid;
    }
  }
  return good;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Decodes UTF-8 strictly; a leading byte-order mark is dropped. */
export function decodeUtf8(bytes: Uint8Array): TextResult {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    return { ok: false, message: `not valid UTF-8 text (first bad byte at offset ${offset})`, line: lineAt(bytes, offset) };
  }
}

function limitMessage(size: number, maxBytes: number): string {
  return `the file is ${size > maxBytes ? `over ${maxBytes}` : size} bytes; the limit is ${maxBytes} bytes (${maxBytes / 2 ** 20} MiB)`;
}

/** Reads at most maxBytes of a regular file as UTF-8 text. */
export function readTextFile(path: string, maxBytes: number): TextResult {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    return { ok: false, message: describeFsError(err) };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, message: 'is a folder, not a file' };
    if (!stat.isFile()) return { ok: false, message: 'is not a regular file' };
    if (stat.size > maxBytes) return { ok: false, message: limitMessage(stat.size, maxBytes) };
    // room for one byte more than fstat saw tells a file that grew after fstat (past the limit, or not)
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes) return { ok: false, message: limitMessage(length, maxBytes) };
      if (length === buffer.length) return { ok: false, message: 'the file changed while it was read' };
    }
    return decodeUtf8(buffer.subarray(0, length));
  } catch (err) {
    return { ok: false, message: describeFsError(err) };
  } finally {
    closeSync(fd);
  }
}
