// What the sticky comment last said, kept in the comment itself (a hidden, base64-encoded line),
// so that `comment: on-change` edits it only when something meaningful moved since: a verdict, a
// check's status, or a key figure by at least `min-change` percent. Numbers that wobble below the
// threshold leave the comment (and the reviewers' notifications) alone.
import type { Report } from '../core/index.js';
import { KEY_METRICS, significantChange } from '../report/changes.js';

export interface PlanState {
  verdict: string;
  /** check id -> status */
  checks: Record<string, string>;
  /** key metric -> value (null: not computable) */
  metrics: Record<string, number | null>;
}

export interface CommentState {
  v: 1;
  plans: Record<string, PlanState>;
}

const PATTERN = /<!-- parallel-plan-check:state ([A-Za-z0-9+/=]{0,60000}) -->/;

/** The key facts of a report, as the comment records them. */
export function reportState(report: Report): CommentState {
  const plans: Record<string, PlanState> = {};
  for (const p of report.plans) {
    const metrics: Record<string, number | null> = {};
    for (const key of KEY_METRICS) {
      const v = p.metrics?.[key];
      if (v !== undefined) metrics[key] = typeof v === 'number' && Number.isFinite(v) ? v : null;
    }
    plans[p.file] = { verdict: p.verdict, checks: Object.fromEntries(p.checks.map((c) => [c.id, c.status])), metrics };
  }
  return { v: 1, plans };
}

/** The hidden line that records a state (base64: file names cannot end the HTML comment). */
export function stateLine(state: CommentState): string {
  return `<!-- parallel-plan-check:state ${Buffer.from(JSON.stringify(state), 'utf8').toString('base64')} -->`;
}

/** The state a comment body recorded, or null (an older comment, or one edited by hand). */
export function readState(body: string): CommentState | null {
  const encoded = PATTERN.exec(body)?.[1];
  if (!encoded) return null;
  try {
    const parsed = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as unknown;
    if (parsed === null || typeof parsed !== 'object' || (parsed as CommentState).v !== 1) return null;
    const plans = (parsed as CommentState).plans;
    return plans !== null && typeof plans === 'object' ? (parsed as CommentState) : null;
  } catch {
    return null;
  }
}

const sameKeys = (a: object, b: object): boolean => {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
};

/** Whether `current` says something `previous` did not: plans, verdicts, checks, or a key figure moved by min-change. */
export function stateChanged(previous: CommentState, current: CommentState, minChange: number): boolean {
  if (!sameKeys(previous.plans, current.plans)) return true;
  for (const [file, now] of Object.entries(current.plans)) {
    const before = previous.plans[file]!;
    if (before.verdict !== now.verdict || !sameKeys(before.checks ?? {}, now.checks)) return true;
    if (Object.entries(now.checks).some(([id, status]) => before.checks[id] !== status)) return true;
    for (const [key, value] of Object.entries(now.metrics)) {
      const was = before.metrics?.[key] ?? null;
      if ((value === null) !== (was === null)) return true;
      if (significantChange(key, value, was, minChange) !== null) return true;
    }
  }
  return false;
}
