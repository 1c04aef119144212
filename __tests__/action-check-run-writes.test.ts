// Check-run writes per run (src/action/check-runs.ts): each plan's first 50 annotations come with
// its check run; the updates that carry the rest are one budget for the whole run, so 500 plans
// with over 100 findings each make about 550 writes, not 1,500. What is not posted is counted in
// the check run's summary.
import { describe, expect, it } from 'vitest';
import { annotationBudget, createCheckRun, MAX_ANNOTATION_UPDATES_PER_RUN, SUMMARY_LIMIT } from '../src/action/check-runs.js';
import type { GitHubClient } from '../src/action/octokit.js';
import type { PlanReport } from '../src/core/index.js';

function noisy(file: string, errors: number): PlanReport {
  return {
    file,
    name: file,
    verdict: 'error',
    checks: [],
    metrics: null,
    errors: Array.from({ length: errors }, (_, i) => ({ message: `e${i}`, line: i + 1 })),
  };
}

function recordingClient() {
  const writes: { kind: 'create' | 'update'; annotations: number; summary: string }[] = [];
  const client = {
    rest: {
      checks: {
        create: async (p: { output: { annotations: unknown[]; summary: string } }) => {
          writes.push({ kind: 'create', annotations: p.output.annotations.length, summary: p.output.summary });
          return { data: { id: writes.length } };
        },
        update: async (p: { output: { annotations: unknown[]; summary: string } }) => {
          writes.push({ kind: 'update', annotations: p.output.annotations.length, summary: p.output.summary });
          return { data: {} };
        },
      },
    },
  } as unknown as GitHubClient;
  return { client, writes };
}

const input = (plan: PlanReport) => ({
  owner: 'o',
  repo: 'r',
  headSha: 'a'.repeat(40),
  checkName: 'ppc',
  plan,
  failOn: 'fail' as const,
  summary: 'report',
  detailsUrl: null,
});

describe('check-run annotation writes', () => {
  it('bounds the updates for all plans together and counts what was not posted in the summary', async () => {
    const { client, writes } = recordingClient();
    const budget = annotationBudget();
    const plans = Array.from({ length: 100 }, (_, i) => noisy(`p${i}.plan.yaml`, 120));
    for (const plan of plans) await createCheckRun(client, input(plan), budget);
    expect(writes.filter((w) => w.kind === 'create')).toHaveLength(100);
    expect(writes.filter((w) => w.kind === 'update')).toHaveLength(MAX_ANNOTATION_UPDATES_PER_RUN);
    expect(writes.length).toBe(100 + MAX_ANNOTATION_UPDATES_PER_RUN);
    const posted = writes.reduce((n, w) => n + w.annotations, 0);
    expect(budget.omitted).toBe(100 * 120 - posted);
    // the first plans got all of theirs; the last one 50 of 120, and its summary says so
    const last = writes[writes.length - 1]!;
    expect(last.annotations).toBe(50);
    expect(last.summary).toMatch(/^report\n\n70 more annotations not posted on this check run: one run makes at most 50 annotation updates/);
    expect(last.summary.length).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(writes[0]!.summary).toBe('report');
  });

  it('a plan alone (no shared budget) still posts every annotation', async () => {
    const { client, writes } = recordingClient();
    await createCheckRun(client, input(noisy('a.plan.yaml', 120)));
    expect(writes.map((w) => w.annotations)).toEqual([50, 50, 20]);
  });
});
