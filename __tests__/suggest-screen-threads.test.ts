// The helper threads' bookkeeping (src/suggest/screen-threads.ts); the threads themselves run only
// from the bundles (__tests__/e2e/screen-threads.test.ts): sources under vitest stay on one thread.
import { describe, expect, it } from 'vitest';
import { verifyLoadedPlan } from '../src/core/verify.js';
import { LayoutSearch, suggest } from '../src/suggest/index.js';
import { answersJob, cpuQuotaOf, screenCounts, WAIT_FACTOR, WAIT_FLOOR_MS, waitLimit } from '../src/suggest/screen-threads.js';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadPlan } from '../src/plan/load.js';

function loadExample(name: string) {
  const file = join('examples', name);
  const r = loadPlan(file, readFileSync(file, 'utf8'), (from, ref) => ({ text: readFileSync(join(dirname(from), ref), 'utf8') }));
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.loaded;
}

describe('answers from helpers', () => {
  const job = { id: 7, counts: [64, 32, 16, 8] };
  it('takes an answer to this job about one of its device counts', () => {
    expect(answersJob({ job: 7, index: 0 }, job)).toBe(true);
    expect(answersJob({ job: 7, index: 3 }, job)).toBe(true);
  });
  it('ignores a late answer to an earlier job (given up on mid-way), whatever its index', () => {
    expect(answersJob({ job: 6, index: 0 }, job)).toBe(false);
    expect(answersJob({ job: 8, index: 1 }, job)).toBe(false);
  });
  it('ignores an index outside the job: it would count as settled and end the wait early', () => {
    expect(answersJob({ job: 7, index: 4 }, job)).toBe(false);
    expect(answersJob({ job: 7, index: -1 }, job)).toBe(false);
    expect(answersJob({ job: 7, index: 1.5 }, job)).toBe(false);
  });
});

describe('how long the caller waits for a count a helper holds', () => {
  it('is a multiple of the longest count the caller screened itself, never under the floor', () => {
    expect(waitLimit(0)).toBe(WAIT_FLOOR_MS);
    expect(waitLimit(100)).toBe(WAIT_FLOOR_MS);
    expect(waitLimit(2_000)).toBe(WAIT_FACTOR * 2_000);
  });
});

describe("a container's CPU quota", () => {
  it('reads cgroup v2 cpu.max and v1 cfs quota and period; no quota reads as none', () => {
    expect(cpuQuotaOf('100000 100000', null, null)).toBe(1);
    expect(cpuQuotaOf('250000 100000', null, null)).toBe(2.5);
    expect(cpuQuotaOf('max 100000', null, null)).toBeNull();
    expect(cpuQuotaOf(null, '50000', '100000')).toBe(0.5);
    expect(cpuQuotaOf(null, '-1', '100000')).toBeNull();
    expect(cpuQuotaOf(null, null, null)).toBeNull();
    expect(cpuQuotaOf('garbage', null, null)).toBeNull();
  });
});

describe('under a TypeScript loader', () => {
  it('screens nothing ahead: the search makes every count itself, on one thread, with the same result', () => {
    const loaded = loadExample('deepseek-r1-disagg-gb200.plan.yaml');
    const s = new LayoutSearch(loaded, { objective: 'throughput-per-gpu', top: 5, allowCrossNodeTp: false, allowCp: false, anyGpuCount: false });
    const counts = s.counts(1, s.planGpus);
    screenCounts(s, counts);
    expect(counts.some((n) => s.has(n))).toBe(false);
    expect(s.verified).toBe(0);
    // and suggest, which calls it, still lists what it finds
    const result = suggest(loaded, s.options, verifyLoadedPlan(loaded).verdict);
    expect(result.search.layouts).toBeGreaterThan(400);
  });
});
