// Reading the files plans reference (model.hf_config, deployment.from) for every plan of a run at
// one commit. Plans of one repository import the same manifests and configs, so each file is read
// once and shared, and all the files together may hold at most MAX_REFERENCED_BYTES_PER_RUN: past
// it a plan's next file is not read, and that plan fails closed with an error that says why (a
// pull request can name the same 4 MiB files from hundreds of plans; the heap is finite).
import type { FileSource, ReadResult } from './file-source.js';
import type { RunBudget } from './read-budget.js';

/** Largest referenced file read (a Hugging Face config.json is a few KiB). */
export const MAX_REFERENCE_BYTES = 4 * 1024 * 1024;
/** Distinct referenced files one run holds, in bytes: sixteen files at the largest size. */
export const MAX_REFERENCED_BYTES_PER_RUN = 64 * 1024 * 1024;

/** `refused`: a budget ran out (not the file's fault); the plan that asked is not verified. */
export type ReferenceRead = { text: string } | { error: string; refused?: true };
export type ReadReferenceFile = (path: string) => Promise<ReferenceRead>;

/** Bytes of referenced files a run may still hold; shared by the head's and the base's reads (refused: files not read). */
export type ByteBudget = RunBudget;

export function byteBudget(total = MAX_REFERENCED_BYTES_PER_RUN): ByteBudget {
  return { total, left: total, refused: 0 };
}

/** Why the job fails when files were left unread, else null. */
export function byteBudgetFailure(budget: ByteBudget): string | null {
  if (budget.refused === 0) return null;
  return `The files the plans of this run reference came to more than ${mebibytes(budget.total)} together, the most one run reads: ${budget.refused} were not read, and the plans that needed them are not verified (errors), so the job fails.`;
}

function describeRead(path: string, result: ReadResult): ReferenceRead {
  if ('missing' in result) return { error: `${path} does not exist at this commit` };
  return result;
}

function mebibytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
}

/**
 * A reader of referenced files from `source`, each read once (concurrent asks share the read),
 * within `budget`. `optional` (the base's, read after every head): a refusal is not counted, as
 * dropping a comparison fails nothing.
 */
export function sharedReferenceReads(source: FileSource, budget: ByteBudget, optional = false): ReadReferenceFile {
  const reads = new Map<string, Promise<ReferenceRead>>();
  const readOnce = async (path: string): Promise<ReferenceRead> => {
    const overBudget: ReferenceRead = {
      refused: true,
      error: `${path} was not read: the files the plans of this run reference came to more than ${mebibytes(budget.total)} together, the most one run reads (each file counted once)`,
    };
    if (budget.left <= 0) {
      if (!optional) budget.refused++;
      return overBudget;
    }
    const read = describeRead(path, await source.read(path, MAX_REFERENCE_BYTES));
    if (!('text' in read)) return read;
    const bytes = Buffer.byteLength(read.text, 'utf8');
    if (bytes > budget.left) {
      budget.left = 0;
      if (!optional) budget.refused++;
      return overBudget;
    }
    budget.left -= bytes;
    return read;
  };
  return (path) => {
    let read = reads.get(path);
    if (!read) {
      read = readOnce(path);
      reads.set(path, read);
    }
    return read;
  };
}
