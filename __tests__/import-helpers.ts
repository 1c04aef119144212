// Shared by the importer tests: fixtures, a reader over an in-memory folder, and result unwrapping.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ImportError, type ImportResult, importDeployment, type ImportOptions } from '../src/import/index.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/import/', import.meta.url));

export function importFixture(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

/** The 1-based line of the first line of `text` matching `pattern` (the test's own reading of the file). */
export function lineOf(text: string, pattern: RegExp, after = 0): number {
  const index = text.split('\n').findIndex((l, i) => i >= after && pattern.test(l));
  if (index < 0) throw new Error(`no line matches ${pattern}`);
  return index + 1;
}

export function ok(result: ImportResult | ImportError): ImportResult {
  if ('error' in result) throw new Error(`expected an import, got: ${result.error}`);
  return result;
}

export function failed(result: ImportResult | ImportError): ImportError {
  if (!('error' in result)) throw new Error('expected the import to fail');
  return result;
}

/** Imports `text` as `file`, with other files given in memory (engine --config files). */
export function importText(file: string, text: string, options: ImportOptions = {}, files: Record<string, string> = {}): ImportResult | ImportError {
  return importDeployment(file, text, options, (path) => (Object.hasOwn(files, path) ? { text: files[path] as string } : { error: `no such file: ${path}` }));
}

/** Imports a fixture by name. */
export function importFixtureFile(name: string, options: ImportOptions = {}): ImportResult | ImportError {
  return importDeployment(name, importFixture(name), options, (path) => {
    try {
      return { text: importFixture(path) };
    } catch {
      return { error: `no such file: ${path}` };
    }
  });
}
