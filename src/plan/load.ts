// STUB, to be replaced by the loader: parses and validates a plan file.
import type { LoadResult, ReadReference } from '../core/types.js';

export function loadPlan(file: string, text: string, readReference: ReadReference): LoadResult {
  void text;
  void readReference;
  return { ok: false, errors: [{ message: `${file}: the loader is not written yet` }] };
}
