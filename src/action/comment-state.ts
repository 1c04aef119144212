// What the sticky comment last said, kept in the comment itself (a hidden, base64-encoded line),
// so that `comment: on-change` edits it only when something meaningful moved since: a verdict, a
// check's status, or a key figure by at least `min-change` percent. Numbers that wobble below the
// threshold leave the comment (and the reviewers' notifications) alone.
import { createHash } from 'node:crypto';
import type { Report } from '../core/index.js';
import { KEY_METRICS, significantChange } from '../report/changes.js';

export interface PlanState {
  verdict: string;
  /** digest of every check's id and status */
  checks: string;
  /** key metric -> value, four significant digits (null: not computable) */
  metrics: Record<string, number | null>;
}

export interface CommentState {
  v: 1;
  plans: Record<string, PlanState>;
  /** digest of the run's notes ('' when none): a note can fail the job while every plan stands still */
  notes: string;
}

/** How a state is written: metric names once, each plan as [verdict, checks digest, values in that order]. */
interface Recorded {
  v: 1;
  keys: string[];
  plans: Record<string, [string, string, (number | null)[]]>;
  /** the notes' digest, when there are notes */
  n?: string;
}

/** Past this many characters the state is not recorded (the comment's room is for the report); on-change then compares digests. */
export const STATE_LIMIT = 8_000;

const PATTERN = /<!-- parallel-plan-check:state ([A-Za-z0-9+/=]{1,20000}) -->/;

const checksDigest = (pairs: string[]): string => createHash('sha256').update(pairs.sort().join('\n')).digest('hex').slice(0, 10);

/** The key facts of a report and the run's notes, as the comment records them. */
export function reportState(report: Report, notes: readonly string[] = []): CommentState {
  // keyed by file path: a plan file named __proto__ is a plan like any other (no prototype to set or read)
  const plans: Record<string, PlanState> = Object.create(null);
  for (const p of report.plans) {
    const metrics: Record<string, number | null> = {};
    for (const key of KEY_METRICS) {
      const v = p.metrics?.[key];
      if (v !== undefined) metrics[key] = typeof v === 'number' && Number.isFinite(v) ? Number(v.toPrecision(4)) : null;
    }
    plans[p.file] = { verdict: p.verdict, checks: checksDigest(p.checks.map((c) => `${c.id}:${c.status}`)), metrics };
  }
  return { v: 1, plans, notes: notes.length === 0 ? '' : createHash('sha256').update(notes.join('\n')).digest('hex').slice(0, 16) };
}

/** The hidden line that records a state (base64: file names cannot end the HTML comment); '' when it is too large to keep. */
export function stateLine(state: CommentState): string {
  const keys = [...new Set(Object.values(state.plans).flatMap((p) => Object.keys(p.metrics)))];
  const plans: Recorded['plans'] = Object.create(null);
  for (const [file, p] of Object.entries(state.plans)) plans[file] = [p.verdict, p.checks, keys.map((k) => p.metrics[k] ?? null)];
  const recorded: Recorded = { v: 1, keys, plans, ...(state.notes ? { n: state.notes } : {}) };
  const encoded = Buffer.from(JSON.stringify(recorded), 'utf8').toString('base64');
  return encoded.length > STATE_LIMIT ? '' : `<!-- parallel-plan-check:state ${encoded} -->`;
}

/** The state a comment body recorded, or null (an older comment, a large one, or one edited by hand). */
export function readState(body: string): CommentState | null {
  const encoded = PATTERN.exec(body)?.[1];
  if (!encoded) return null;
  try {
    const r = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as Recorded;
    if (r === null || typeof r !== 'object' || r.v !== 1 || !Array.isArray(r.keys) || r.plans === null || typeof r.plans !== 'object') return null;
    const plans: Record<string, PlanState> = Object.create(null);
    for (const [file, entry] of Object.entries(r.plans)) {
      if (!Array.isArray(entry) || !Array.isArray(entry[2])) return null;
      const [verdict, checks, values] = entry;
      plans[file] = {
        verdict: String(verdict),
        checks: String(checks),
        metrics: Object.fromEntries(r.keys.map((k, i) => [k, typeof values[i] === 'number' ? values[i] : null])),
      };
    }
    return { v: 1, plans, notes: typeof r.n === 'string' ? r.n : '' };
  } catch {
    return null;
  }
}

const sameKeys = (a: object, b: object): boolean => {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
};

/** Whether `current` says something `previous` did not: notes (why the job fails), plans, verdicts, checks, or a key figure moved by min-change. */
export function stateChanged(previous: CommentState, current: CommentState, minChange: number): boolean {
  if (previous.notes !== current.notes || !sameKeys(previous.plans, current.plans)) return true;
  for (const [file, now] of Object.entries(current.plans)) {
    const before = previous.plans[file]!;
    if (before.verdict !== now.verdict || before.checks !== now.checks) return true;
    for (const [key, value] of Object.entries(now.metrics)) {
      const was = before.metrics?.[key] ?? null;
      if ((value === null) !== (was === null)) return true;
      if (significantChange(key, value, was, minChange) !== null) return true;
    }
  }
  return false;
}
