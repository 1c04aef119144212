// Importers meet files from pull requests: they must never throw, never run anything, and stay bounded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cpuMs } from '../scripts/bench/hostile.mjs';
import { parseYamlFile } from '../src/import/yaml-tree.js';
import { importText } from './import-helpers.js';

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

  it('parses a file many plans import once a run: the second plan reuses the tree (before: 6 s a plan for 16 files of 1 MiB)', () => {
    let text = 'kind: ConfigMap\ndata:\n';
    for (let k = 0; text.length < 512 * 1024; k++) text += `  k${k}: v${k}\n`;
    const before = process.cpuUsage();
    parseYamlFile(text);
    const used = process.cpuUsage(before);
    const first = (used.user + used.system) / 1000;
    const again = cpuMs(() => parseYamlFile(text), 1);
    expect(parseYamlFile(text)).toBe(parseYamlFile(text.slice(0)));
    expect(parseYamlFile(`${text}# other\n`)).not.toBe(parseYamlFile(text));
    expect(again, `${first.toFixed(1)} ms, then ${again.toFixed(1)} ms`).toBeLessThan(first / 5);
  });

  it('refuses files over the size limit', () => {
    const r = importText('big.yaml', `a: "${'x'.repeat(1024 * 1024 + 10)}"`, { engine: 'vllm' });
    expect('error' in r ? r.error : '').toMatch(/larger than/);
  });
});
