// Reading a text file with a size limit and strict UTF-8: the limit is checked before reading
// and again while reading (the file may grow in between); bad bytes are an error, not U+FFFD.
// Links and anything but a regular file are refused before a byte is read (repo-file.ts).
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type Stats } from 'node:fs';

export type TextResult = { ok: true; text: string } | { ok: false; message: string; line?: number };

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return `cannot be read (${code ?? String(err)})`;
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

/** `exact`: the size fstat gave; else only that the file grew past the limit while it was read. */
function limitMessage(size: number, maxBytes: number, exact = false): string {
  return `the file is ${exact || size <= maxBytes ? size : `over ${maxBytes}`} bytes; the limit is ${maxBytes} bytes (${maxBytes / 2 ** 20} MiB)`;
}

/**
 * Reads at most maxBytes from an open regular file of `size` bytes (as fstat saw it) as UTF-8
 * text. The limit is checked again while reading: the file may have grown in between.
 */
export function readOpenFile(fd: number, size: number, maxBytes: number): TextResult {
  try {
    if (size > maxBytes) return { ok: false, message: limitMessage(size, maxBytes, true) };
    // room for one byte more than fstat saw tells a file that grew after fstat (past the limit, or not)
    const buffer = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
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
  }
}

/** What a file system entry is, for an error message. */
export function describeEntry(info: Stats): string {
  if (info.isSymbolicLink()) return 'a symbolic link';
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

export function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** Flags for opening what lstat found to be a regular file: a link swapped in meanwhile fails, a FIFO does not block. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * Opens and reads a regular file that lstat has just seen (`seen`); refuses anything else. Shared
 * by the repository reader and the CLI's reader of a plan path given on the command line.
 */
export function readSeenRegularFile(path: string, seen: Stats, maxBytes: number): TextResult {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    const code = errnoCode(error);
    return { ok: false, message: code === 'ELOOP' ? 'is a symbolic link; links are not followed' : `cannot be read (${code ?? 'unknown error'})` };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.ino !== seen.ino || info.dev !== seen.dev) return { ok: false, message: 'changed while it was read' };
    return readOpenFile(fd, info.size, maxBytes);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads at most maxBytes of a regular file as UTF-8 text. The path's last component is lstat-ed
 * first: a symbolic link is refused (never followed), and a FIFO, socket or device is refused
 * before it is opened (opening a FIFO blocks until a writer comes).
 */
export function readTextFile(path: string, maxBytes: number): TextResult {
  let info: Stats;
  try {
    info = lstatSync(path);
  } catch (err) {
    return { ok: false, message: describeFsError(err) };
  }
  if (info.isSymbolicLink()) return { ok: false, message: 'is a symbolic link; links are not followed' };
  if (info.isDirectory()) return { ok: false, message: 'is a folder, not a file' };
  if (!info.isFile()) return { ok: false, message: `is ${describeEntry(info)}, not a regular file` };
  return readSeenRegularFile(path, info, maxBytes);
}
