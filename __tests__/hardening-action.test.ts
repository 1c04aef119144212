// Issue 16 in the action's own modules: log lines carry no workflow command, the token never
// leaves the API's origin, budgets stop what runs long (saying so), and a scan cut short fails
// the job instead of passing plans it did not see.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ALTERNATIVES_TIME_BUDGET_MS, alternativesMarkdown } from '../src/action/alternatives.js';
import { guardFetch } from '../src/action/fetch-guard.js';
import type { FileSource } from '../src/action/file-source.js';
import { plansImportingChangedFiles, SCAN_WORK_BUDGET } from '../src/action/imported-plans.js';
import { escapeLogData } from '../src/action/log.js';
import { createClient } from '../src/action/octokit.js';
import { checkDeadline, chargeWork, verifyPlanText, withWorkBudget, type PlanReport } from '../src/core/index.js';
import { VALID_PLAN } from './fixtures/hostile/cases.js';
import { planPathOf, slowInputs } from './fixtures/hostile/slow-inputs.js';

describe('log lines carry no workflow commands', () => {
  it('escapes data as @actions/core escapes command data, and shows other controls escaped', () => {
    expect(escapeLogData('plans/x\n::add-mask::secret.plan.yaml')).toBe('plans/x%0A::add-mask::secret.plan.yaml');
    expect(escapeLogData('a\r\n::warning file=x::owned')).toBe('a%0D%0A::warning file=x::owned');
    expect(escapeLogData('100%0A')).toBe('100%250A'); // an escape already in the data cannot decode to a line break
    expect(escapeLogData('tab\there, esc\u001b[2J, bidi \u202Elmay.exe')).toBe('tab\\x09here, esc\\x1b[2J, bidi \\u202elmay.exe');
    // no escaped text holds a line break, so no line of it can start with ::
    for (const hostile of ['\n::error::x', '\r::set-output name=a::b', '\u2028::x', 'x\n##[group]y']) {
      expect(escapeLogData(hostile)).not.toMatch(/[\r\n\u2028]/);
    }
  });
});

describe('the token never leaves the API origin', () => {
  let servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    servers = [];
  });

  async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; hits: string[] }> {
    const hits: string[] = [];
    const server = createServer((req, res) => {
      hits.push(`${req.method} ${req.url} auth=${req.headers.authorization ?? ''}`);
      handler!(req, res);
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
  }

  it('guardFetch refuses another origin before sending anything', async () => {
    let sent = 0;
    const fetch = guardFetch(
      async () => {
        sent++;
        return new Response('{}');
      },
      { timeoutMs: 1000, log: () => {}, origin: 'https://api.github.com' },
    );
    await expect(fetch('https://evil.example/repos/o/r/pulls/1/files?page=2')).rejects.toThrow(/refused a request to https:\/\/evil\.example/);
    await expect(fetch('http://api.github.com/x')).rejects.toThrow(/refused/); // another scheme is another origin
    expect(sent).toBe(0);
    await fetch('https://api.github.com/repos/o/r');
    expect(sent).toBe(1);
  });

  it('a pagination link to another host is not followed: the listing fails, the other host hears nothing', async () => {
    const elsewhere = await listen((_req, res) => res.end('[]'));
    const api = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', link: `<${elsewhere.url}/repos/o/r/pulls/1/files?page=2>; rel="next"` });
      res.end(JSON.stringify([{ filename: 'a.plan.yaml', status: 'added' }]));
    });
    const client = createClient({ token: 'ghs_secretToken', baseUrl: api.url, retryBaseMs: 1, writeIntervalMs: 0, log: () => {} });
    await expect(client.paginate(client.rest.pulls.listFiles, { owner: 'o', repo: 'r', pull_number: 1, per_page: 100 })).rejects.toThrow(/refused a request/);
    expect(api.hits[0]).toContain('auth=token ghs_secretToken');
    expect(elsewhere.hits).toEqual([]);
  });
});

describe('the per-plan work budget', () => {
  const read = () => ({ error: 'none' });

  it('stops a plan past its budget with a "too complex" error, and the next plan is verified as usual', () => {
    const big = `${VALID_PLAN}\ndescription: "${'x'.repeat(5000)}"\n`;
    const stopped = verifyPlanText('big.plan.yaml', big, read, 1000);
    expect(stopped.verdict).toBe('error');
    expect(stopped.errors[0]?.message).toMatch(/^big\.plan\.yaml: too complex to verify: .*work budget of 1,000 units/);
    expect(verifyPlanText('ok.plan.yaml', VALID_PLAN, read).verdict).not.toBe('error');
  });

  it('stops a script whose variables double at every line (2^40 characters) within the default budget, quickly', () => {
    const script = `X=aaaaaaaaaaaaaaaa\n${Array.from({ length: 40 }, () => 'X=$X$X').join('\n')}\nvllm serve m --tensor-parallel-size $X\n`;
    const plan = `${VALID_PLAN}\ndeployment:\n  engine: vllm\n  from: serve.sh\n`;
    const started = Date.now();
    const report = verifyPlanText('p.plan.yaml', plan, (_p, ref) => (ref === 'serve.sh' ? { text: script } : { error: 'none' }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(report.verdict).toBe('error');
    expect(report.errors[0]?.message).toMatch(/too complex to verify/);
  });

  it('nested budgets: the inner one handles its own exhaustion, the outer deadline passes through', () => {
    const inner = withWorkBudget(
      { units: 10 },
      () => {
        chargeWork(11);
        return 'done';
      },
      () => 'inner stopped',
    );
    expect(inner).toBe('inner stopped');
    const outer = withWorkBudget(
      { deadline: Date.now() - 1 },
      () =>
        withWorkBudget(
          { units: 1e9 },
          () => {
            checkDeadline();
            return 'done';
          },
          () => 'wrong budget',
        ),
      () => 'outer stopped',
    );
    expect(outer).toBe('outer stopped');
    expect(() => chargeWork(1e12)).not.toThrow(); // outside any budget: free
  });
});

describe('alternatives have a total time budget and say where they stopped', () => {
  it('stops on time for plans of a million devices', () => {
    const read = () => ({ error: 'none' });
    const plans: PlanReport[] = [];
    const inputs = new Map();
    for (let i = 0; i < 12; i++) {
      const text = `version: 1\nname: big-${i}\nmodel:\n  preset: llama-3.1-70b\nhardware:\n  preset: h100-sxm\n  gpus: 1048576\nparallelism:\n  tp: 16\n  pp: 2\n  dp: 32768\nworkload:\n  concurrency: ${1000 + i}\n  input_tokens: 1024\n  output_tokens: 256\nrequirements:\n  ttft: 1 ms\n  tpot: 0.1 ms\n`;
      const report = verifyPlanText(`plans/big-${i}.plan.yaml`, text, read);
      expect(report.verdict).toBe('fail');
      plans.push(report);
      inputs.set(report.file, { text, readReference: read });
    }
    const logged: string[] = [];
    const started = Date.now();
    const sections = alternativesMarkdown(plans, inputs, (l) => logged.push(l), 1000);
    const took = Date.now() - started;
    expect(took).toBeLessThan(1000 + 1500); // the budget, and at most one layout's verification past it
    // every plan not searched says so in its own section
    expect(sections['plans/big-9.plan.yaml']).toMatch(/Alternatives stopped after 1 s/);
    const markdown = Object.values(sections).join('\n');
    expect(markdown).toMatch(/Alternatives stopped after 1 s, this section's time budget: not searched for plans\/big-0\.plan\.yaml/);
    expect(logged.some((l) => l.startsWith('Alternatives stopped after 1 s'))).toBe(true);
    // the command reads as a code span, not as escaped backticks
    expect(markdown).toContain('Run `parallel-plan-check suggest <plan>` for them.');
    expect(ALTERNATIVES_TIME_BUDGET_MS).toBe(10_000);
  });
});

describe('the import scan fails closed when cut short', () => {
  const source = (files: Record<string, string>): FileSource => ({
    label: 'memory',
    read: async (path) => (path in files ? { text: files[path] as string } : { missing: true }),
  });

  it('names a cut-short scan as a reason to fail; a complete scan has none', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 5; i++) files[`p${i}.plan.yaml`] = i === 4 ? 'version: 1\ndeployment:\n  from: k8s/x.yaml\n' : 'version: 1\n';
    const all = Object.keys(files);
    const cut = await plansImportingChangedFiles(['k8s/x.yaml'], [], all, source(files), 3);
    expect(cut.plans).toEqual([]); // p4 was never read
    expect(cut.unsearched).toMatch(/^Only 3 of 5 unchanged plans were searched .* so the job fails/);
    const whole = await plansImportingChangedFiles(['k8s/x.yaml'], [], all, source(files), Infinity);
    expect(whole.plans).toEqual([{ path: 'p4.plan.yaml', basePath: 'p4.plan.yaml' }]);
    expect(whole.unsearched).toBeNull();
  });

  it('a plan it could not read (GitHub still failing, or the read budget spent) fails it closed; the run goes on', async () => {
    const files: Record<string, string> = { 'p0.plan.yaml': 'version: 1\n', 'p2.plan.yaml': 'version: 1\ndeployment:\n  from: k8s/x.yaml\n' };
    const flaky: FileSource = {
      label: 'memory',
      read: async (path) => {
        if (path === 'p1.plan.yaml') throw Object.assign(new Error('Bad gateway'), { status: 502 });
        if (path === 'p3.plan.yaml') return { error: 'p3.plan.yaml was not read: budget', refused: true };
        return path in files ? { text: files[path] as string } : { missing: true };
      },
    };
    const result = await plansImportingChangedFiles(['k8s/x.yaml'], [], ['p0.plan.yaml', 'p1.plan.yaml', 'p2.plan.yaml', 'p3.plan.yaml'], flaky, Infinity);
    expect(result.plans).toEqual([{ path: 'p2.plan.yaml', basePath: 'p2.plan.yaml' }]);
    expect(result.unsearched).toMatch(/^2 unchanged plans could not be read for the search \(p1\.plan\.yaml, p3\.plan\.yaml\).* so the job fails/);
  });

  it('a plan whose named file was refused (the read budget spent) fails the search closed as well', async () => {
    const files: Record<string, string> = { 'p0.plan.yaml': 'version: 1\nmodel:\n  hf_config: cfg/config.json\n' };
    const refusing: FileSource = {
      label: 'memory',
      read: async (path) => {
        if (path === 'cfg/config.json') return { error: 'cfg/config.json was not read: budget', refused: true };
        return path in files ? { text: files[path] as string } : { missing: true };
      },
    };
    const result = await plansImportingChangedFiles(['k8s/x.yaml'], [], ['p0.plan.yaml'], refusing, Infinity);
    expect(result.plans).toEqual([]);
    expect(result.unsearched).toMatch(/^1 unchanged plans could not be read for the search \(p0\.plan\.yaml\).* so the job fails/);
  });

  it('past its work budget the scan fails closed too', async () => {
    const big = `version: 1\ndeployment:\n  from: k8s/x.yaml\ndescription: "${'x'.repeat(1_000_000)}"\n`;
    const files = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`p${i}.plan.yaml`, big]));
    const result = await plansImportingChangedFiles(['k8s/x.yaml'], [], Object.keys(files), source(files), Infinity, 3_000_000);
    expect(result.plans).toEqual([]);
    expect(result.unsearched).toMatch(/stopped at its work budget \(3,000,000 units.* so the job fails/);
    expect(SCAN_WORK_BUDGET).toBe(64_000_000);
  });

  it('past its limit of files read (the files the plans name) the scan fails closed too', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 3; i++) {
      files[`p${i}.plan.yaml`] = `${VALID_PLAN}\ndeployment:\n  engine: vllm\n  from: k8s/x${i}.yaml\n`;
      files[`k8s/x${i}.yaml`] = 'tensor-parallel-size: 1\n';
    }
    const plans = Object.keys(files).filter((p) => p.endsWith('.plan.yaml'));
    const cut = await plansImportingChangedFiles(['k8s/other.yaml'], [], plans, source(files), 10, SCAN_WORK_BUDGET, 2);
    expect(cut.unsearched).toMatch(/read 2 of the files they name, its limit .* so the job fails/);
    const whole = await plansImportingChangedFiles(['k8s/other.yaml'], [], plans, source(files), 10, SCAN_WORK_BUDGET, 3);
    expect(whole).toEqual({ plans: [], notes: [], unsearched: null });
  });

  it("a plan whose load runs past a plan's work budget is verified, since what it reads is not known in full", async () => {
    const double = slowInputs().find((i) => i.file === 'slow/double.sh')!;
    const files = { [planPathOf(double)]: double.plan, [double.file]: double.text, 'plain.plan.yaml': VALID_PLAN };
    const result = await plansImportingChangedFiles(['README.md'], [], [planPathOf(double), 'plain.plan.yaml'], source(files), Infinity);
    expect(result.plans).toEqual([{ path: planPathOf(double), basePath: planPathOf(double) }]);
    expect(result.notes.join(' ')).toMatch(/ran past a plan's work budget/);
    expect(result.unsearched).toBeNull();
  });
});
