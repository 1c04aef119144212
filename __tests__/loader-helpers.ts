// Shared by the loader tests: fixtures, a reference reader, and finding a line by its text.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LoadResult, PlanError, ReadReference } from '../src/core/types.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/plans/', import.meta.url));

export function fixture(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

/** Reads references from the fixtures folder; unknown names give an error like the CLI's. */
export const readFixtureReference: ReadReference = (_plan, ref) => {
  try {
    return { text: fixture(ref.replace(/^\.\//, '')) };
  } catch {
    return { error: `no such file: ${ref}` };
  }
};

export const noReferences: ReadReference = (_plan, ref) => ({ error: `not found: ${ref}` });

/** The 1-based line of the first line of `text` that matches `pattern` (the test's own reading of the file). */
export function lineOf(text: string, pattern: RegExp): number {
  const index = text.split('\n').findIndex((l) => pattern.test(l));
  if (index < 0) throw new Error(`fixture has no line matching ${pattern}`);
  return index + 1;
}

export function errorsOf(result: LoadResult): PlanError[] {
  if (result.ok) throw new Error('expected the plan to fail to load');
  return result.errors;
}

export function loadedOf(result: LoadResult) {
  if (!result.ok) throw new Error(`expected the plan to load: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.loaded;
}
