// `suggest --time-limit`: a search the limit stops says so in every format and counts only what it
// searched (its exit status is the contract's 1 where nothing found passes: the output says it stopped). The limits here are tiny so
// that the tests are fast; how fast the search is belongs to `npm run bench`.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_LIMIT_S } from '../src/io/suggest-command.js';
import { runInProcess } from './cli-helpers.js';

const run = runInProcess;

// cheap to verify, a few hundred device counts to screen, and no layout meets its TPOT
const SLOW = '__tests__/fixtures/plans/slow-search.plan.yaml';
const PASSING = '__tests__/fixtures/cli/llama-8b.plan.yaml';

describe('suggest --time-limit', () => {
  it('text: the search stops, says so, counts only the device counts it searched, and exits 1 (the contract has no status for a stopped search)', () => {
    const r = run('suggest', SLOW, '--time-limit', '0.001');
    expect(r.code).toBe(1); // the contract's statuses: its output says it stopped
    expect(r.stdout).toMatch(/The search stopped at its time limit \(0\.001 s\) while screening the layouts of each device count: it is not complete\./);
    expect(r.stdout).toMatch(/Searched \d+ of 519 device counts \(1-4096\) before the time limit/);
    expect(r.stdout).toMatch(/not finished: the layout screen, .*what would make it pass\./);
    expect(r.stdout).toMatch(/--time-limit/);
    expect(r.stdout).not.toMatch(/No layout in the search|No layout passes/);
  });

  it('json: search.stopped gives the reason, the limit and the parts not finished', () => {
    const r = run('suggest', SLOW, '--time-limit', '0.001', '-f', 'json');
    expect(r.code).toBe(1); // the contract's statuses: its output says it stopped
    const search = JSON.parse(r.stdout).suggest.search;
    expect(search.stopped).toMatchObject({ reason: 'time-limit', limit_s: 0.001, during: 'layouts' });
    expect(search.stopped.not_finished).toEqual(['layouts', 'ranking', 'disaggregated', 'bounds', 'what-if']);
    expect(search.gpu_counts + search.stopped.gpu_counts_left).toBe(519);
    expect(search.stopped.gpu_counts_left).toBeGreaterThan(0);
  });

  it('markdown: a quoted line says the search stopped before the plan line', () => {
    const r = run('suggest', SLOW, '--time-limit', '0.001', '-f', 'markdown');
    expect(r.code).toBe(1); // the contract's statuses: its output says it stopped
    expect(r.stdout).toMatch(/before the time limit/);
    expect(r.stdout).toMatch(/^> ⏱️ The search stopped at its time limit \(0\.001 s\)/m);
    expect(r.stdout).toMatch(/#### What would make it pass\n\nNot finished before the time limit\./);
  });

  it('a plan that passes as written exits 0 though the search stopped, and still says it stopped', () => {
    const r = run('suggest', PASSING, '--max-gpus', '64', '--time-limit', '0.001', '-f', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).suggest.search.stopped.reason).toBe('time-limit');
  });

  it('a search that ends within the limit carries no stopped field (the default limit, and 0 for none)', () => {
    for (const extra of [[], ['--time-limit', '0']]) {
      const r = run('suggest', PASSING, '--max-gpus', '2', '-f', 'json', ...extra);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).suggest.search.stopped).toBeUndefined();
    }
  });

  it('a limit that is no number of seconds is a usage error; the help gives the default and the exit statuses', () => {
    for (const bad of ['-1', 'soon', '1e3', '86401']) expect(run('suggest', PASSING, '--time-limit', bad).code).toBe(2);
    const help = run('suggest', '--help').stdout;
    expect(help).toContain(`(default: ${DEFAULT_TIME_LIMIT_S}; 0: no limit)`);
    expect(help).toMatch(/1 none\s+does among the layouts searched \(the output says when the time limit stopped the search\)/);
    expect(help).not.toMatch(/\b3 the time limit/);
  });
});
