// The comment, annotations, check-run fields and job result, from hand-made reports
// (src/action/comment-body.ts, annotations.ts, check-runs.ts, result.ts, sticky-comment.ts, job-summary.ts).
import { describe, expect, it } from 'vitest';
import type { Check, PlanReport, Report, Verdict } from '../src/core/index.js';
import { combineReports } from '../src/core/index.js';
import { commentDigest, commentMarker, composeComment, dropDetails, COMMENT_LIMIT } from '../src/action/comment-body.js';
import { readState, reportState, stateChanged } from '../src/action/comment-state.js';
import { checkRunAnnotations, planAnnotations, workflowAnnotations, SHOWN_PER_LEVEL } from '../src/action/annotations.js';
import { checkRunName, checkRunTitle, conclusionFor, fitSummary } from '../src/action/check-runs.js';
import { cutWhole } from '../src/action/cut.js';
import { renderPlan } from '../src/action/render.js';
import { notVerifiedReport } from '../src/action/verify-files.js';
import { countVerdicts, failureReason, verdictFails } from '../src/action/result.js';
import { ourComments } from '../src/action/sticky-comment.js';
import { fitJobSummary } from '../src/action/job-summary.js';

function check(id: string, status: Check['status'], line?: number): Check {
  return { id, status, title: id, detail: `${id} detail`, ...(line ? { line, path: id } : {}), value: 1, limit: 2, unit: 'ms' };
}

function plan(file: string, verdict: Verdict, checks: Check[] = [], extra: Partial<PlanReport> = {}): PlanReport {
  return { file, name: file.replace(/\..*$/, ''), verdict, checks, metrics: null, errors: [], ...extra };
}

const ctx = (report: Report, bases: Record<string, PlanReport | null> = {}) => ({
  checkName: 'parallel-plan-check',
  report,
  bases,
  notes: [],
  headSha: 'abcdef0123456789',
  runUrl: 'https://github.example/o/r/actions/runs/1',
});

describe('composeComment', () => {
  it('starts with the hidden marker for its check name, then a digest of the report', () => {
    const report = combineReports([plan('a.plan.yaml', 'pass', [check('memory.fits', 'pass')])]);
    const { body, digest } = composeComment(ctx(report));
    const lines = body.split('\n');
    expect(lines[0]).toBe(commentMarker('parallel-plan-check'));
    expect(commentDigest(body)).toBe(digest);
  });

  it('keeps a hostile check name from closing the marker', () => {
    const marker = commentMarker('x --> <img src=x>');
    expect(marker.indexOf('-->')).toBe(marker.length - 3);
  });

  it('gives the same digest for the same report on another commit, a new one when the report changes', () => {
    const report = combineReports([plan('a.plan.yaml', 'pass', [check('memory.fits', 'pass')])]);
    const one = composeComment(ctx(report));
    const other = composeComment({ ...ctx(report), headSha: '9999999999' });
    expect(other.digest).toBe(one.digest);
    expect(other.body).not.toBe(one.body);
    const changed = composeComment(ctx(combineReports([plan('a.plan.yaml', 'fail', [check('memory.fits', 'fail')])])));
    expect(changed.digest).not.toBe(one.digest);
  });

  it("says, in the headline, that a plan's verdict got worse than on the base branch, before any table", () => {
    const head = plan('a.plan.yaml', 'fail', [check('claims.ttft', 'fail', 4)]);
    const base = plan('a.plan.yaml', 'pass', [check('claims.ttft', 'pass', 4)]);
    const { body } = composeComment({ ...ctx(combineReports([head]), { 'a.plan.yaml': base }), baseRef: 'main' });
    const visible = body.split('\n').filter((l) => !l.startsWith('<!--'));
    expect(visible.slice(0, 3).join('\n')).toMatch(/❌ \*\*a\*\* fails: .*verdict pass → fail/);
    expect(body.indexOf('verdict pass → fail')).toBeLessThan(body.indexOf('| Status |'));
  });

  it('names the base and head commits in its footer and says it edits itself', () => {
    const report = combineReports([plan('a.plan.yaml', 'pass', [check('memory.fits', 'pass')])]);
    const { body } = composeComment({ ...ctx(report), baseSha: '1234567890abcdef', baseRef: 'main' });
    expect(body).toContain('parallel-plan-check · base 1234567 (main) → head abcdef0');
    expect(composeComment({ ...ctx(report), checkName: 'plans-h100' }).body).toContain('parallel-plan-check · plans-h100 · head abcdef0');
    expect(body).toContain('this comment is edited in place on every push');
    const onChange = composeComment({ ...ctx(report), baseSha: '1234567890abcdef', mode: 'on-change', minChange: 2 });
    expect(onChange.body).toContain('edited in place when a verdict, a check or a figure moves by 2% or more');
  });

  it('records the figures it shows, so on-change edits only when something moved by min-change', () => {
    const at = (tpot: number, status: Check['status'] = 'pass') =>
      combineReports([
        plan('a.plan.yaml', 'pass', [check('requirements.tpot', status)], {
          metrics: { tpot_ms: tpot, ttft_ms: null } as unknown as PlanReport['metrics'],
        }),
      ]);
    const { body } = composeComment(ctx(at(30)));
    const recorded = readState(body)!;
    expect(recorded).toEqual(reportState(at(30)));
    expect(stateChanged(recorded, reportState(at(30.2)), 1)).toBe(false); // 0.7%: below min-change
    expect(stateChanged(recorded, reportState(at(31)), 1)).toBe(true); // 3.3%
    expect(stateChanged(recorded, reportState(at(31)), 5)).toBe(false);
    expect(stateChanged(recorded, reportState(at(30, 'warn')), 5)).toBe(true); // a check's status moved
    expect(readState('an older comment without a state')).toBeNull();
    // a hundred plans would crowd the report out of the comment: then nothing is recorded
    const many = combineReports(
      Array.from({ length: 100 }, (_, i) =>
        plan(`plans/a-long-folder-name/plan-number-${i}.plan.yaml`, 'pass', [check('requirements.tpot', 'pass')], {
          metrics: { tpot_ms: 30 + i, ttft_ms: 100, throughput_tokens_per_s: 1000 + i, memory_per_gpu_gib: 50 } as unknown as PlanReport['metrics'],
        }),
      ),
    );
    expect(readState(composeComment(ctx(many)).body)).toBeNull();
  });

  it('records its notes too: on-change edits a comment whose figures stand still when why the job fails changed', () => {
    const report = combineReports([plan('a.plan.yaml', 'pass', [check('requirements.tpot', 'pass')])]);
    const moved = ['GitHub listed the changed files of commit 1234567, not of abcdef0: the job fails.'];
    // the comment of a passing run; the next run's plans are the same, but a note now fails the job
    const recorded = readState(composeComment(ctx(report)).body)!;
    expect(stateChanged(recorded, reportState(report, moved), 1)).toBe(true);
    const withNote = readState(composeComment({ ...ctx(report), notes: moved }).body)!;
    expect(stateChanged(withNote, reportState(report, moved), 1)).toBe(false);
    expect(stateChanged(withNote, reportState(report), 1)).toBe(true);
  });

  it('drops folded sections whole, nested ones included', () => {
    const md = 'a\n<details><summary>x</summary>\nb\n<details>\nc\n</details>\nd\n</details>\ne';
    expect(dropDetails(md)).toBe('a\ne');
  });

  it('stays within the limit: drops passing plans first, then details, and points to the job summary', () => {
    const many = (n: number, verdict: Verdict) =>
      Array.from({ length: n }, (_, i) =>
        plan(
          `p${i}-${verdict}.plan.yaml`,
          verdict,
          Array.from({ length: 20 }, (_, k) => check(`check.n${k}`, verdict === 'fail' && k === 0 ? 'fail' : 'pass')),
        ),
      );
    const report = combineReports([...many(1, 'fail'), ...many(40, 'pass')]);
    const full = composeComment(ctx(report), 10 * COMMENT_LIMIT);
    expect(full.shortened).toBe(false);
    const limit = Math.floor(full.body.length / 3);
    const short = composeComment(ctx(report), limit);
    expect(short.shortened).toBe(true);
    expect(short.body.length).toBeLessThanOrEqual(limit);
    expect(short.body).toContain('p0-fail.plan.yaml');
    expect(short.body).toContain('check.n0');
    expect(short.body).toContain('[the job summary](https://github.example/o/r/actions/runs/1)');
    expect(short.digest).toBe(full.digest);
    // a tiny limit still yields a body within it
    expect(composeComment(ctx(report), 2000).body.length).toBeLessThanOrEqual(2000);
  });

  it('keeps the verdict and the footer when the notes alone would fill the comment (thousands of removed or re-verified plans)', () => {
    const report = combineReports([plan('prod.plan.yaml', 'fail', [check('requirements.tpot', 'fail')])]);
    const names = Array.from({ length: 3000 }, (_, i) => `plans/${'deep/'.repeat(8)}removed-${i}.plan.yaml`);
    const notes = [`Removed by this pull request, not verified: ${names.join(', ')}.`, 'GitHub listed the changed files of another commit, so the job fails.'];
    const { body } = composeComment({ ...ctx(report), notes });
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body).toContain('**prod**');
    expect(body).toContain('❌ **parallel-plan-check: fail**');
    expect(body).toContain('this comment is edited in place');
    // every note is still there, the long one cut with a pointer to the job summary
    expect(body).toContain('GitHub listed the changed files of another commit');
    expect(body).toMatch(/Removed by this pull request.*… \(cut: the job summary has all of it\)/);
  });

  it('escapes plan text in call-outs and notes', () => {
    const hostile = plan('x.plan.yaml', 'fail', [], { name: '@team <img src=x onerror=alert(1)>' });
    const { body } = composeComment({
      ...ctx(combineReports([hostile]), { 'x.plan.yaml': plan('x.plan.yaml', 'pass') }),
      notes: ['Removed: <script>.plan.yaml @everyone'],
    });
    expect(body).not.toContain('<img');
    expect(body).not.toContain('<script>');
    expect(body).not.toMatch(/@team|@everyone/);
  });
});

describe('annotations', () => {
  const report = combineReports([
    plan('a.plan.yaml', 'error', [], { errors: [{ message: 'unknown key', path: 'model.layerz', line: 5 }] }),
    plan('b.plan.yaml', 'fail', [
      check('claims.throughput', 'fail', 44),
      check('requirements.ttft', 'warn', 38),
      check('memory.fits', 'unverified', 18),
      check('layout.world_size', 'pass', 3),
    ]),
  ]);

  it('annotates load errors, failing, warning and unverified checks, never passing ones, on their lines', () => {
    const list = planAnnotations(report.plans[1]!);
    expect(list.map((a) => [a.level, a.line])).toEqual([
      ['error', 44],
      ['warning', 38],
      ['warning', 18],
    ]);
    expect(planAnnotations(report.plans[0]!)).toEqual([
      { level: 'error', file: 'a.plan.yaml', line: 5, title: 'Invalid plan: model.layerz', message: 'unknown key' },
    ]);
  });

  it('caps each level at what GitHub shows and counts the rest in the last one', () => {
    const noisy = combineReports([
      plan(
        'n.plan.yaml',
        'fail',
        Array.from({ length: 25 }, (_, i) => check(`c${i}`, 'fail', i + 1)),
      ),
    ]);
    const emitted = workflowAnnotations(noisy).filter((a) => a.level === 'error');
    // 10 shown per step, one kept for the job's failure line: 8 checks and a count of the other 17
    expect(SHOWN_PER_LEVEL).toBe(10);
    expect(emitted).toHaveLength(9);
    expect(emitted.slice(0, 8).map((a) => a.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(emitted[8]!.title).toBe('17 more errors');
    const warnings = workflowAnnotations(
      combineReports([
        plan(
          'w.plan.yaml',
          'warn',
          Array.from({ length: 12 }, (_, i) => check(`w${i}`, 'warn', i + 1)),
        ),
      ]),
    );
    expect(warnings).toHaveLength(10);
    expect(warnings[9]!.title).toBe('3 more warnings');
  });

  it("puts every plan's most important annotation before any plan's second", () => {
    const two = combineReports([
      plan('a.plan.yaml', 'fail', [check('x', 'fail', 1), check('y', 'fail', 2)]),
      plan('b.plan.yaml', 'fail', [check('z', 'fail', 9)]),
    ]);
    expect(workflowAnnotations(two).map((a) => `${a.file}:${a.line}`)).toEqual(['a.plan.yaml:1', 'b.plan.yaml:9', 'a.plan.yaml:2']);
  });

  it('gives check-run annotations the levels and required lines of the checks API', () => {
    const list = checkRunAnnotations(plan('c.plan.yaml', 'fail', [check('a', 'fail'), check('b', 'warn', 7), check('c', 'unverified', 8)]));
    expect(list.map((a) => [a.annotation_level, a.start_line, a.end_line])).toEqual([
      ['failure', 1, 1],
      ['warning', 7, 7],
      ['notice', 8, 8],
    ]);
  });
});

describe('job result and check runs', () => {
  it('fails per fail-on', () => {
    expect(['pass', 'warn', 'fail', 'error'].map((v) => verdictFails(v as Verdict, 'fail'))).toEqual([false, false, true, true]);
    expect(['pass', 'warn', 'fail', 'error'].map((v) => verdictFails(v as Verdict, 'warn'))).toEqual([false, true, true, true]);
    expect(['pass', 'warn', 'fail', 'error'].map((v) => verdictFails(v as Verdict, 'never'))).toEqual([false, false, false, false]);
  });

  it('says in one line which plans failed', () => {
    const report = combineReports([plan('a.plan.yaml', 'fail'), plan('b.plan.yaml', 'error'), plan('c.plan.yaml', 'warn'), plan('d.plan.yaml', 'pass')]);
    expect(failureReason(report, 'fail')).toBe('parallel-plan-check: 1 of 4 plans failed (a.plan.yaml); 1 could not be read as a plan (b.plan.yaml).');
    expect(failureReason(report, 'never')).toBeNull();
    expect(failureReason(report, 'warn')).toContain("1 warned, and fail-on is 'warn' (c.plan.yaml)");
    expect(countVerdicts(report.plans)).toEqual({ pass: 1, warn: 1, fail: 1, error: 1 });
  });

  it('a plan the run could not verify (a budget spent) is not called invalid: not in the job line, the check-run title or its summary', () => {
    const refused = notVerifiedReport('b.plan.yaml', 'b.plan.yaml is not verified (read budget spent): too many reads');
    const report = combineReports([plan('a.plan.yaml', 'fail'), refused]);
    const unverified = new Set(['b.plan.yaml']);
    // the caller says b.plan.yaml on a line of its own: not counted a second time as unreadable
    expect(failureReason(report, 'fail', unverified)).toBe('parallel-plan-check: 1 of 2 plans failed (a.plan.yaml).');
    expect(failureReason(combineReports([refused]), 'fail', unverified)).toBeNull();
    expect(checkRunTitle(refused, true)).toBe('Not verified: 1 error');
    expect(checkRunTitle(refused)).toBe('Not a valid plan: 1 error');
    expect(renderPlan(refused, undefined, 3, undefined, true)).toContain('**Not verified**');
    expect(renderPlan(refused, undefined, 3, undefined, true)).not.toContain('Not a valid plan');
  });

  it('concludes a check run as the job would judge its plan', () => {
    expect(conclusionFor(plan('a', 'pass'), 'fail')).toBe('success');
    expect(conclusionFor(plan('a', 'warn'), 'fail')).toBe('neutral');
    expect(conclusionFor(plan('a', 'warn'), 'warn')).toBe('failure');
    expect(conclusionFor(plan('a', 'fail'), 'never')).toBe('neutral');
    expect(checkRunName('ppc', 'deploy/a.plan.yaml')).toBe('ppc / deploy/a.plan.yaml');
  });

  it('fails the check run of a plan never verified whatever fail-on says, as the job fails (neutral passes a required check)', () => {
    const refused = notVerifiedReport('b.plan.yaml', 'b.plan.yaml is not verified (read budget spent): too many reads');
    for (const failOn of ['fail', 'warn', 'never'] as const) expect(conclusionFor(refused, failOn, true)).toBe('failure');
    // an invalid plan still follows fail-on, as the job does
    expect(conclusionFor(plan('a', 'error'), 'never')).toBe('neutral');
  });

  it('titles the annotations of a plan never verified "Not verified", not "Invalid plan"', () => {
    const refused = notVerifiedReport('b.plan.yaml', 'b.plan.yaml is not verified (read budget spent): too many reads');
    const report = combineReports([refused, plan('c.plan.yaml', 'error', [], { errors: [{ message: 'unknown key', path: 'model.x', line: 2 }] })]);
    const titles = workflowAnnotations(report, undefined, new Set(['b.plan.yaml'])).map((a) => `${a.file}: ${a.title}`);
    expect(titles).toContain('b.plan.yaml: Not verified');
    expect(titles).toContain('c.plan.yaml: Invalid plan: model.x');
    expect(checkRunAnnotations(refused, true).map((a) => a.title)).toEqual(['Not verified']);
    expect(workflowAnnotations(report).map((a) => a.title)).toContain('Invalid plan');
  });

  it('counts warnings in the check-run title in words (1 warning, 2 warnings)', () => {
    expect(checkRunTitle(plan('a', 'warn', [check('x', 'warn'), check('y', 'pass')]))).toBe('warn: 0 failed, 1 warning, 0 unverified, 1 passed');
    expect(checkRunTitle(plan('a', 'warn', [check('x', 'warn'), check('y', 'warn')]))).toBe('warn: 0 failed, 2 warnings, 0 unverified, 0 passed');
  });

  it('fits a summary to the checks API limit, without details first', () => {
    const details = `<details><summary>x</summary>\n\n${'y'.repeat(500)}\n\n</details>\n`;
    const text = `head\n${details}tail`;
    expect(fitSummary(text, 'see summary', 10_000)).toBe(text);
    const fitted = fitSummary(text, 'see summary', 100);
    expect(fitted).toContain('head');
    expect(fitted).toContain('tail');
    expect(fitted).not.toContain('<details>');
    expect(fitSummary('z\n'.repeat(1000), 'see summary', 100).length).toBeLessThanOrEqual(100);
  });

  it('never cuts an emoji in half at the last resort (a lone surrogate GitHub may refuse with the request)', () => {
    const wellFormed = (t: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(t);
    expect(cutWhole('ab😀', 3)).toBe('ab');
    expect(cutWhole('ab😀', 4)).toBe('ab😀');
    expect(cutWhole('ab', 5)).toBe('ab');
    // one line of emoji, no line break to cut at: each length lands a cut on either half of a pair
    for (const limit of [60, 61]) {
      const fitted = fitSummary(`${'😀'.repeat(200)}`, 'see summary', limit);
      expect(wellFormed(fitted)).toBe(true);
      expect(fitted.length).toBeLessThanOrEqual(limit);
    }
  });

  it('shortens a job summary over its byte limit', () => {
    const report = combineReports([plan('a.plan.yaml', 'fail', [check('x', 'fail', 1)])]);
    const big = `intro\n<details>${'é'.repeat(600)}</details>\n`;
    const fitted = fitJobSummary(big, report, 1000);
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(1000);
    expect(fitted).toContain('Shortened');
    expect(fitJobSummary('small', report, 1000)).toBe('small');
  });

  it("a compact job summary keeps the notes its verdict line points at ('see the notes'), each cut to its share", () => {
    const report = { ...combineReports([plan('a.plan.yaml', 'pass')]), verdict: 'error' as const };
    const unverified = { sentence: 'plans may have gone unverified (see the notes)', files: new Set<string>() };
    const notes = ['The head moved while plans were read: plans/b.plan.yaml may be unverified.', `long ${'z'.repeat(20_000)}`];
    const fitted = fitJobSummary(`${'x\n'.repeat(40_000)}`, report, 30_000, unverified, notes);
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(30_000);
    expect(fitted).toContain('see the notes');
    expect(fitted).toContain('> The head moved while plans were read: plans/b.plan.yaml may be unverified.');
    expect(fitted).toContain('(cut: the `report-markdown` output file has all of it)');
    expect(fitted).not.toContain('z'.repeat(10_000));
    expect(fitted).toContain('Shortened');
  });
});

describe('ourComments', () => {
  it("keeps only the token's own comments that start with the marker, oldest first", () => {
    const marker = commentMarker('ppc');
    const bot = (login: string) => ({ login, type: 'Bot' });
    const found = ourComments(
      [
        { id: 30, body: `${marker}\nnew`, user: bot('github-actions[bot]') },
        { id: 10, body: `quoting ${marker}`, user: { login: 'mallory', type: 'User' } },
        { id: 20, body: `${marker}\nold`, user: bot('GitHub-Actions[bot]') },
        { id: 25, body: `${commentMarker('other')}`, user: bot('github-actions[bot]') },
        { id: 26, body: null, user: bot('github-actions[bot]') },
        { id: 27, body: `> ${marker}`, user: bot('github-actions[bot]') },
        { id: 15, body: `${marker}\nfake pass`, user: bot('copycat[bot]') },
        { id: 16, body: `${marker}\nno user` },
      ],
      marker,
      'github-actions[bot]',
    );
    expect(found.map((c) => c.id)).toEqual([20, 30]);
    expect(ourComments([{ id: 1, body: marker, user: bot('github-actions[bot]') }], marker, null)).toEqual([]);
  });
});
