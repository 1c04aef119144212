// The action's inputs (action.yml), read and validated in one place so a bad value is one
// clear error before any work starts.

export type FailOn = 'fail' | 'warn' | 'never';
export type CommentMode = 'always' | 'on-change' | 'never';

export interface ActionInputs {
  token: string;
  /** plan globs; a leading `!` excludes */
  plans: string[];
  failOn: FailOn;
  comment: CommentMode;
  checkName: string;
  /** add an "Alternatives" section (layouts that would pass) for failing and warning plans */
  alternatives: boolean;
  /** percent: a figure that moved less than this against the base is not reported as a change */
  minChange: number;
}

/** The contract's default plan globs (../shared/plan-format.md, "Files"). */
export const DEFAULT_PLAN_GLOBS: readonly string[] = ['**/*.plan.yaml', '**/*.plan.yml', '**/*.plan.json'];
export const DEFAULT_CHECK_NAME = 'parallel-plan-check';

export const DEFAULT_MIN_CHANGE = 1;

export class InputError extends Error {}

/** "2", "2.5" or "2.5%": a percent from 0 to 100. */
function percentInput(name: string, value: string, fallback: number): number {
  if (value === '') return fallback;
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(value);
  const n = match ? Number(match[1]) : NaN;
  if (!Number.isFinite(n) || n > 100) throw new InputError(`input '${name}' must be a percent from 0 to 100 (e.g. 2 or 2.5%); got '${value.slice(0, 40)}'`);
  return n;
}

/** Reads an input as GitHub passes it (trimmed; empty = not given). */
export type GetInput = (name: string) => string;

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], fallback: T): T {
  if (value === '') return fallback;
  const normalised = value.trim().toLowerCase();
  const match = allowed.find((a) => a === normalised);
  if (!match) throw new InputError(`input '${name}' must be one of ${allowed.join(', ')}; got '${value}'`);
  return match;
}

/**
 * Splits a list of globs given one per line or separated by commas. A comma inside braces
 * belongs to the glob (`**\/*.{yaml,yml}`), so it does not split.
 */
export function splitGlobs(text: string): string[] {
  const globs: string[] = [];
  let current = '';
  let depth = 0;
  for (const char of text) {
    if (char === '{') depth++;
    if (char === '}' && depth > 0) depth--;
    if (char === '\n' || char === '\r' || (char === ',' && depth === 0)) {
      globs.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  globs.push(current);
  return globs.map((g) => g.trim()).filter((g) => g !== '' && !g.startsWith('#'));
}

/**
 * Why a glob can never match, or null. Globs match repository-relative paths ("plans/a.plan.yaml"):
 * one starting with `/` (a drive, a UNC prefix) or holding a `..` segment names nothing inside the repository, and would
 * otherwise find 0 plans and pass.
 */
export function globProblem(glob: string): string | null {
  const pattern = glob.startsWith('!') ? glob.slice(1) : glob;
  // a lone backslash is picomatch's escape (\#drafts/*.plan.yaml matches a folder named #drafts): only
  // a UNC prefix (two backslashes) or a drive (C:/, C: and a backslash) is a path outside the repository
  if (pattern.startsWith('/') || pattern.startsWith('\\\\') || /^[a-z]:[\\/]/i.test(pattern)) return 'is an absolute path';
  if (pattern.split(/[\\/]/).includes('..')) return "has a '..' segment";
  return null;
}

export function parseInputs(getInput: GetInput): ActionInputs {
  const token = getInput('github-token');
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression the user writes in the workflow, not a template
  if (token === '') throw new InputError("input 'github-token' is empty: pass ${{ github.token }} or a token with the permissions the README lists");
  const plansText = getInput('plans');
  const plans = plansText === '' ? [...DEFAULT_PLAN_GLOBS] : splitGlobs(plansText);
  if (plans.length === 0 || plans.every((g) => g.startsWith('!'))) {
    throw new InputError(`input 'plans' must hold at least one glob that includes files; got '${plansText}'`);
  }
  for (const glob of plans) {
    const problem = globProblem(glob);
    if (problem) {
      throw new InputError(
        `input 'plans': '${glob.slice(0, 200)}' ${problem}, so it can never match: globs are relative to the repository root (e.g. deploy/**/*.plan.yaml)`,
      );
    }
  }
  const checkName = getInput('check-name').trim() || DEFAULT_CHECK_NAME;
  if (/[\r\n]/.test(checkName) || checkName.length > 100) {
    throw new InputError("input 'check-name' must be one line of at most 100 characters");
  }
  return {
    token,
    plans,
    failOn: oneOf('fail-on', getInput('fail-on'), ['fail', 'warn', 'never'] as const, 'fail'),
    comment: oneOf('comment', getInput('comment'), ['always', 'on-change', 'never'] as const, 'always'),
    checkName,
    alternatives: oneOf('alternatives', getInput('alternatives'), ['true', 'false'] as const, 'true') === 'true',
    minChange: percentInput('min-change', getInput('min-change'), DEFAULT_MIN_CHANGE),
  };
}
