// The most plans one run verifies. Each plan costs a contents read and a check run (a write);
// GitHub allows about 80 content writes a minute and 500 an hour per repository (secondary
// limits), so a run over this cap would spend its hour waiting or be refused. Fail closed: the
// plans over the cap are named as not verified and the job fails, it never passes them.

export const MAX_PLANS_PER_RUN = 500;

/** The cap, lowered by PARALLEL_PLAN_CHECK_MAX_PLANS (a test hook, like the timing ones); never raised. */
export function maxPlansFromEnv(env: NodeJS.ProcessEnv): number {
  const value = Number(env.PARALLEL_PLAN_CHECK_MAX_PLANS);
  return Number.isInteger(value) && value >= 1 && value < MAX_PLANS_PER_RUN ? value : MAX_PLANS_PER_RUN;
}

export interface LimitedPlans<T> {
  plans: T[];
  /** paths of the plans over the cap, not verified */
  skipped: string[];
  /** the note for the report and the failure line, or null when under the cap */
  message: string | null;
}

/** The first `limit` plans by path; the rest are reported, never silently dropped. */
export function limitPlans<T extends { path: string }>(plans: readonly T[], limit = MAX_PLANS_PER_RUN): LimitedPlans<T> {
  if (plans.length <= limit) return { plans: [...plans], skipped: [], message: null };
  const sorted = [...plans].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const skipped = sorted.slice(limit).map((p) => p.path);
  const shown = skipped.slice(0, 20).join(', ') + (skipped.length > 20 ? `, and ${skipped.length - 20} more` : '');
  return {
    plans: sorted.slice(0, limit),
    skipped,
    message: `This run has ${plans.length} plan files, more than the ${limit} one run verifies: ${skipped.length} were NOT verified (${shown}). Split them over several jobs with the \`plans\` input.`,
  };
}
