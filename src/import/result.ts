// What every importer returns: plan fields (contract names, SI units), where each came from, and warnings.
// Pure: no file system. A collector builds the nested fields and their origins together.
import { quote } from '../plan/source.js';

/** Warnings one imported file may add to a report; the rest are counted. */
export const MAX_IMPORT_WARNINGS = 50;
/** Longest warning, in characters (it quotes the imported file). */
export const MAX_WARNING_LENGTH = 400;

/** Nested plan-shaped values, e.g. { parallelism: { tp: 4 }, workload: { concurrency: 256 } }. */
export type ImportedFields = Record<string, Record<string, unknown>>;

/** The context length an engine was started with; split into input and output when merged (see merge.ts). */
export interface ContextLimit {
  tokens: number;
  origin: string;
}

/**
 * An engine started without a context flag that then serves the model's longest sequence (vLLM's
 * max_model_len defaults to it): the figure is known only once the model is (merge.ts applyModelContext).
 */
export interface ModelContext {
  /** where the engine was started */
  origin: string;
  /** the engine's name and its context flag, for messages */
  engine: string;
  flag: string;
}

export interface ImportResult {
  fields: ImportedFields;
  /** dotted plan path -> "file:line" */
  origins: Record<string, string>;
  warnings: string[];
  /** the engine's maximum sequence length (prompt + output), from --max-model-len and its kin */
  context?: ContextLimit;
  /** no context flag: the engine's context is the model's longest sequence */
  modelContext?: ModelContext;
  /** expert-parallel plan paths (parallelism.ep) -> the flag that set them, which a model without experts ignores */
  expertFlags?: Record<string, string>;
  /** plan paths the file sets but that could not be read (a layout flag of $TP unset) -> why, with file:line */
  unread?: Record<string, string>;
  /**
   * plan paths (workload.memory_fraction, disaggregation.<pool>.memory_fraction) whose flag the engine's
   * command, read whole, does not give: the engine's default is what runs -> where the command is (file:line)
   */
  defaulted?: Record<string, string>;
  /**
   * warnings that hold only while the plan gives none of these paths (a model that matches no preset,
   * where the plan names its own): warning text -> the plan paths that make it moot
   */
  moot?: Record<string, string[]>;
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
  readonly unread: Record<string, string> = {};
  readonly moot: Record<string, string[]> = {};
  readonly defaulted: Record<string, string> = {};
  context?: ContextLimit;
  modelContext?: ModelContext;
  readonly expertFlags: Record<string, string> = {};

  constructor(readonly file: string) {}

  /** "file:line" for a line of this file; a string is already an origin (a line of another file). */
  origin(where: Where): string {
    if (typeof where === 'string') return where;
    return where > 0 ? `${this.file}:${where}` : this.file;
  }

  /** Sets a field; deeper paths (disaggregation.prefill.parallelism.tp) build their sections. */
  set(path: string, value: unknown, line: Where, override = true): void {
    const parts = path.split('.');
    const key = parts.pop() as string;
    const section = parts[0] as string;
    this.fields[section] ??= {};
    let sec: Record<string, unknown> = this.fields[section];
    for (const part of parts.slice(1)) {
      const next = sec[part];
      if (next !== null && typeof next === 'object' && !Array.isArray(next)) {
        sec = next as Record<string, unknown>;
      } else {
        const created: Record<string, unknown> = {};
        sec[part] = created;
        sec = created;
      }
    }
    if (!override && key in sec) return;
    sec[key] = value;
    this.origins[path] = this.origin(line);
  }

  /** A path the file sets but that could not be read, and why (quoted like a warning: it names the file's flag). */
  markUnread(path: string, why: string): void {
    this.unread[path] = quote(why, MAX_WARNING_LENGTH);
  }

  has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  get(path: string): unknown {
    let cur: unknown = this.fields;
    for (const part of path.split('.')) {
      if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, part)) return undefined;
      cur = (cur as Record<string, unknown>)[part];
    }
    return cur;
  }

  private readonly warned = new Set<string>();
  private warningsLeftOut = 0;

  /**
   * A warning, once. Warnings quote what the imported file says (a flag's value, an unresolved
   * variable): each is cut and its control characters shown as '?', and past MAX_IMPORT_WARNINGS
   * they are only counted, so a crafted file cannot flood the report.
   */
  warn(message: string, unlessPlanGives?: readonly string[]): void {
    const text = quote(message, MAX_WARNING_LENGTH);
    // the plan is not known here: deployment.ts drops the warning when the plan gives one of these
    if (unlessPlanGives !== undefined && unlessPlanGives.length > 0) this.moot[text] = [...unlessPlanGives];
    if (this.warned.has(text)) return;
    this.warned.add(text);
    if (this.warnings.length < MAX_IMPORT_WARNINGS) this.warnings.push(text);
    else this.warningsLeftOut++;
  }

  result(): ImportResult {
    const more = this.warningsLeftOut > 0 ? [`${this.file}: ... and ${this.warningsLeftOut} more warnings`] : [];
    return {
      fields: this.fields,
      origins: this.origins,
      warnings: [...this.warnings, ...more],
      ...(this.context ? { context: this.context } : {}),
      ...(this.modelContext ? { modelContext: this.modelContext } : {}),
      ...(Object.keys(this.expertFlags).length > 0 ? { expertFlags: this.expertFlags } : {}),
      ...(Object.keys(this.unread).length > 0 ? { unread: this.unread } : {}),
      ...(Object.keys(this.moot).length > 0 ? { moot: this.moot } : {}),
      ...(Object.keys(this.defaulted).length > 0 ? { defaulted: this.defaulted } : {}),
    };
  }
}

/** An importer that could not read its input at all (a Helm template, no engine found...). */
export interface ImportError {
  error: string;
  line?: number;
}
