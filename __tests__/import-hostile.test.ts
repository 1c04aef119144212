// Importers meet files from pull requests: they must never throw, never run anything, and stay bounded.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyPlanText } from '../src/core/index.js';
import { importText } from './import-helpers.js';
import { scratchFolder } from './scratch.js';

describe('hostile imported files', () => {
  it('never throws on arbitrary text, as a script or as YAML', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom('a.sh', 'a.yaml'), (text, file) => {
        const r = importText(file, text, { engine: 'vllm' });
        expect(typeof r).toBe('object');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on shell-like noise around an engine command', () => {
    const piece = fc.constantFrom('$', '$(', '$((', '))', '${', '}', '"', "'", '\\', '\n', ';', '&&', '|', ' ', '--tp', '8', '=', '$X', '#');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const r = importText('a.sh', `vllm serve m ${pieces.join('')}`);
        expect(typeof r).toBe('object');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const r = importText('bomb.yaml', lines.join('\n'), { engine: 'vllm' });
    expect('error' in r ? r.error : '').toMatch(/alias|values/);
  });

  it('does not run command substitutions: it says so, without quoting them (the file may hold anything)', () => {
    const r = importText('a.sh', 'vllm serve m --tensor-parallel-size $(nvidia-smi -L | wc -l)');
    expect('error' in r).toBe(false);
    if (!('error' in r))
      expect(r.warnings.join('\n')).toMatch(
        /could not resolve a command substitution \$\(…\) of 24 characters \(not run, not shown\) in --tensor-parallel-size/,
      );
  });

  it('refuses a YAML file with a line break other readers see and this one does not (before: read as one comment line)', () => {
    for (const [hidden, name] of [
      ['\r', 'carriage return'],
      ['\u0085', 'next-line'],
      ['\u2029', 'paragraph separator'],
    ]) {
      const r = importText('engine.yaml', `tensor_parallel_size: 2\n# comment${hidden}tensor_parallel_size: 8\n`, { engine: 'vllm' });
      expect('error' in r ? r.error : '', name).toMatch(new RegExp(`${name}.*PyYAML`));
      expect('error' in r ? r.line : 0, name).toBe(2);
    }
  });

  it('imports a file many plans name once a run: the next plan reuses what it read (before: 6 s a plan for 16 files of 1 MiB)', () => {
    let text = 'kind: ConfigMap\ndata:\n';
    for (let k = 0; text.length < 512 * 1024; k++) text += `  k${k}: v${k}\n`;
    const plan = (name: string) =>
      `version: 1\nname: ${name}\nmodel: {preset: llama-3.1-8b}\nhardware: {preset: h100-sxm, gpus: 1}\ndeployment: {from: ../shared/config.yaml}\n`;
    const read = () => ({ text });
    const cpu = <T>(work: () => T) => {
      const before = process.cpuUsage();
      const out = work();
      const used = process.cpuUsage(before);
      return { out, ms: (used.user + used.system) / 1000 };
    };
    const first = cpu(() => verifyPlanText('a/p.plan.yaml', plan('p'), read));
    const again = cpu(() => verifyPlanText('b/q.plan.yaml', plan('q'), read));
    expect(JSON.stringify(again.out.errors)).toBe(JSON.stringify(first.out.errors));
    expect(first.out.errors[0]?.message).toMatch(/not a manifest, aiconfigurator or SLA file/);
    expect(again.ms, `${first.ms.toFixed(1)} ms, then ${again.ms.toFixed(1)} ms`).toBeLessThan(first.ms / 3);
  });

  it('refuses files over the size limit', () => {
    const r = importText('big.yaml', `a: "${'x'.repeat(1024 * 1024 + 10)}"`, { engine: 'vllm' });
    expect('error' in r ? r.error : '').toMatch(/larger than/);
  });
});

describe('a run of many plans importing alias-heavy files stays in memory', () => {
  it('12 plans x 16 files of 180,000 values each verify in a 400 MB heap (before: a tree cache kept them all, 215 MB a plan, out of memory)', () => {
    const dir = scratchFolder('ppc-alias-imports-');
    const row = `a: &a [${Array(200).fill(1).join(',')}]\n`;
    for (let p = 0; p < 12; p++) {
      const from: string[] = [];
      for (let f = 0; f < 16; f++) {
        writeFileSync(join(dir, `d${p}_${f}.yaml`), `# ${p} ${f}\n${row}b: [${Array(900).fill('*a').join(',')}]\n`);
        from.push(`./d${p}_${f}.yaml`);
      }
      // max_input_tokens: the imported configs give no --max-model-len, which vLLM reads as the model's longest sequence (a warning)
      writeFileSync(
        join(dir, `p${p}.plan.yaml`),
        `version: 1\nmodel: {preset: llama-3.1-8b}\nhardware: {preset: h100-sxm, gpus: 1}\ndeployment: {engine: vllm, from: [${from.join(', ')}]}\nworkload: {concurrency: 4, input_tokens: 1024, output_tokens: 256, max_input_tokens: 1024}\n`,
      );
    }
    const run = spawnSync(process.execPath, ['--max-old-space-size=400', join(process.cwd(), 'dist', 'cli.js'), 'verify', '.'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stderr).not.toMatch(/heap out of memory/);
    expect(run.stdout).toMatch(/12 plans: 12 pass/);
  });
});
