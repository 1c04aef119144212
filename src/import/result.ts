// What every importer returns: plan fields (contract names, SI units), where each came from, and warnings.
// Pure: no file system. A collector builds the nested fields and their origins together.

/** Nested plan-shaped values, e.g. { parallelism: { tp: 4 }, workload: { concurrency: 256 } }. */
export type ImportedFields = Record<string, Record<string, unknown>>;

/** The context length an engine was started with; split into input and output when merged (see merge.ts). */
export interface ContextLimit {
  tokens: number;
  origin: string;
}

export interface ImportResult {
  fields: ImportedFields;
  /** dotted plan path -> "file:line" */
  origins: Record<string, string>;
  warnings: string[];
  /** the engine's maximum sequence length (prompt + output), from --max-model-len and its kin */
  context?: ContextLimit;
}

/** Something the user wrote and where: the text and its 1-based line. */
export interface Located<T> {
  value: T;
  line: number;
}

/** A line of the file being imported, or the origin string of a line in another file. */
export type Where = number | string;

/** Accumulates fields with origins; the first value set for a path wins unless `override` is asked for. */
export class FieldCollector {
  readonly fields: ImportedFields = {};
  readonly origins: Record<string, string> = {};
  readonly warnings: string[] = [];
  context?: ContextLimit;

  constructor(readonly file: string) {}

  /** "file:line" for a line of this file; a string is already an origin (a line of another file). */
  origin(where: Where): string {
    if (typeof where === 'string') return where;
    return where > 0 ? `${this.file}:${where}` : this.file;
  }

  set(path: string, value: unknown, line: Where, override = true): void {
    const [section, key] = path.split('.') as [string, string];
    const sec = (this.fields[section] ??= {});
    if (!override && key in sec) return;
    sec[key] = value;
    this.origins[path] = this.origin(line);
  }

  has(path: string): boolean {
    const [section, key] = path.split('.') as [string, string];
    return this.fields[section] !== undefined && key in (this.fields[section] as object);
  }

  get(path: string): unknown {
    const [section, key] = path.split('.') as [string, string];
    return this.fields[section]?.[key];
  }

  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  result(): ImportResult {
    return {
      fields: this.fields,
      origins: this.origins,
      warnings: this.warnings,
      ...(this.context ? { context: this.context } : {}),
    };
  }
}

/** An importer that could not read its input at all (a Helm template, no engine found...). */
export interface ImportError {
  error: string;
  line?: number;
}
