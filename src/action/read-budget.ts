// Each file read through GitHub's contents API is one request out of the token's hourly limit
// (GITHUB_TOKEN: 1,000 an hour per repository), and a plan names its own references: one pull
// request of plans importing 16 distinct files each once spent the whole hour on reads, head and
// base, and every later request (the comment, the check runs) waited for the limit to reset. So a
// run reads at most MAX_CONTENT_READS_PER_RUN files that way; past it a read is refused with an
// error naming the file (its plan fails closed) and the job fails. The workspace has no such
// limit: a checkout of the head commit reads files locally.
import type { FileSource } from './file-source.js';

export const MAX_CONTENT_READS_PER_RUN = 600;

/** The budget, lowered by PARALLEL_PLAN_CHECK_MAX_READS (a test hook, like the plan cap's); never raised. */
export function maxReadsFromEnv(env: NodeJS.ProcessEnv): number {
  const value = Number(env.PARALLEL_PLAN_CHECK_MAX_READS);
  return Number.isInteger(value) && value >= 1 && value < MAX_CONTENT_READS_PER_RUN ? value : MAX_CONTENT_READS_PER_RUN;
}

/** What a run may still spend of something (reads, bytes), shared by every commit it reads. */
export interface RunBudget {
  readonly total: number;
  left: number;
  /** asks refused after the budget ran out */
  refused: number;
}

/** Reads left to a run through the contents API. */
export type ReadBudget = RunBudget;

export function readBudget(total = MAX_CONTENT_READS_PER_RUN): ReadBudget {
  return { total, left: total, refused: 0 };
}

/**
 * `source`, each read spending one of the budget's; past it, an error naming the file and no
 * request. `optional` reads (the base versions, read after every head: a comparison, not a
 * verdict) are refused the same way but not counted as refused: dropping them fails nothing.
 */
export function budgetedSource(source: FileSource, budget: ReadBudget, optional = false): FileSource {
  return {
    label: source.label,
    async read(path, maxBytes) {
      if (budget.left <= 0) {
        if (!optional) budget.refused++;
        return {
          error: `${path} was not read: this run used its ${budget.total} reads through GitHub's contents API (each one request out of the token's hourly limit). Check out the head commit (actions/checkout) so files are read from the workspace, which has no such limit`,
          refused: true,
        };
      }
      budget.left--;
      return source.read(path, maxBytes);
    },
  };
}

/** Why the job fails when reads were refused, else null. */
export function readBudgetFailure(budget: ReadBudget): string | null {
  if (budget.refused === 0) return null;
  return `This run used its ${budget.total} reads through GitHub's contents API and ${budget.refused} more were refused: the plans that needed them are not verified (errors), and a search for plans importing a changed file may have stopped short, so the job fails. Check out the pull request's head (actions/checkout) so files are read from the workspace, which has no such limit.`;
}
