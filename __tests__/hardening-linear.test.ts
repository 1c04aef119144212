// Issue 16, part 2: linear time on every input within the limits. Each input that once stalled a
// check (config.json of blanks, a serve.sh of `$(`, engine configs of many keys and aliases, a
// manifest's script, plans) is parsed at its size limit far from a stall (the 1 s target is measured
// by `npm run bench`, scripts/bench/hostile.mjs), and quadrupling the input at most about quadruples
// the time (a quadratic parser would take 16 times as long).
//
// Time is measured as this process's CPU time, the best of two runs after a warm-up: the machines
// that run this suite are shared, and their wall clock says more about the neighbours than the code.
import { describe, expect, it } from 'vitest';
import { cpuMs } from '../scripts/bench/hostile.mjs';
import { loadPlan, verifyPlanText } from '../src/core/index.js';
import { importDeployment } from '../src/import/index.js';
import { parseHfConfig } from '../src/plan/hfConfig.js';
import { exclusionRegexMatcher, globMatcher } from '../src/plan/hfQuantization.js';
import { slowInputs, type SlowInput } from './fixtures/hostile/slow-inputs.js';

const noReferences = () => ({ error: 'none' });
/** CPU time no input at its limit may take: 4x the bench's 1 s target, so a slower shared runner still passes and a stall still fails. */
const STALL_MS = 4000;

/** The parser alone, as the loader calls it. */
function parse(input: SlowInput): unknown {
  switch (input.parser) {
    case 'config.json':
      return parseHfConfig(input.text);
    case 'plan':
      return verifyPlanText(input.file, input.text, noReferences, Infinity);
    default:
      return importDeployment(input.file, input.text, { engine: 'vllm' }, () => ({ error: 'none' }));
  }
}

describe('each slow input at its size limit', () => {
  for (const input of slowInputs()) {
    it(`${input.name}: parsed far from a stall, verified or refused as a plan within its budget`, () => {
      // the parser alone, without a budget (so this measures the parser, not the budget's stop)
      // far from a stall (a quadratic parser took 68 s on a 592 KB config; quadrupling is checked below):
      // the 1 s target itself is a speed, measured by `npm run bench` (scripts/bench/hostile.mjs)
      if (!/double/.test(input.name)) expect(cpuMs(() => parse(input))).toBeLessThanOrEqual(STALL_MS);
      // and the whole plan that reads it, under the per-plan work budget: verified or refused
      const report = verifyPlanText(`${input.file}.plan.yaml`, input.plan, (_plan, ref) =>
        input.file.endsWith(ref) ? { text: input.text } : { error: 'none' },
      );
      expect(['pass', 'warn', 'fail', 'error']).toContain(report.verdict);
      expect(
        cpuMs(
          () => verifyPlanText(`${input.file}.plan.yaml`, input.plan, (_plan, ref) => (input.file.endsWith(ref) ? { text: input.text } : { error: 'none' })),
          1,
        ),
      ).toBeLessThanOrEqual(2000);
    });
  }

  it('the variables that double stop at the work budget with a "too complex" error', () => {
    for (const input of slowInputs().filter((i) => /double/.test(i.name))) {
      const report = verifyPlanText(`${input.file}.plan.yaml`, input.plan, () => ({ text: input.text }));
      expect(report.errors[0]?.message, input.name).toMatch(/too complex to verify/);
    }
  });

  it('the scan of unchanged plans for reads of changed files (a load of each): at most 1 s a plan of 1 MiB (and a work budget for all: hardening-action)', () => {
    const big = (i: number) => `version: 1\ndeployment:\n  from: x.yaml\nk: [${'1, '.repeat(5000)}1]\ndescription: "${'x'.repeat(1024 * 1024 - 20_000 - i)}"\n`;
    const plans = Array.from({ length: 4 }, (_, i) => ({ path: `p${i}.plan.yaml`, text: big(i) }));
    const load = () => plans.map((p) => loadPlan(p.path, p.text, noReferences));
    expect(load()).toHaveLength(4);
    expect(cpuMs(load, 1)).toBeLessThanOrEqual(4 * 1000);
  });
});

describe('quadrupling an input at most about quadruples the time', () => {
  const pairs: [string, (n: number) => unknown][] = [
    ['shell $(', (n) => importDeployment('a.sh', `vllm serve m ${'$('.repeat(n)}`, {}, noReferences)],
    ['shell ${', (n) => importDeployment('a.sh', `vllm serve m ${'${'.repeat(n)}`, {}, noReferences)],
    ['config.json blanks', (n) => parseHfConfig(`{"a":${' '.repeat(n)}}x`)],
    ['config.json keys', (n) => parseHfConfig(`{${Array.from({ length: n / 16 }, (_, i) => `"k${i}": ${i}`).join(', ')}}`)],
    [
      'engine config keys',
      (n) => importDeployment('c.yaml', Array.from({ length: n / 64 }, (_, i) => `k${i}: 1`).join('\n'), { engine: 'vllm' }, noReferences),
    ],
    ['plan keys', (n) => verifyPlanText('p.plan.yaml', `version: 1\n${Array.from({ length: n / 256 }, (_, i) => `k${i}: 1`).join('\n')}`, noReferences)],
  ];
  for (const [name, run] of pairs) {
    it(name, () => {
      const n = 1 << 20;
      const small = cpuMs(() => run(n / 4), 3);
      const large = cpuMs(() => run(n), 3);
      // linear: about 4 (up to about 8 where big objects cost the garbage collector more: a CI run read
      // 8.02 for config.json keys); quadratic:
      // about 16. Below 10 ms the clock's grain decides, so a floor.
      expect(large / Math.max(small, 10), `${small.toFixed(1)} ms, then ${large.toFixed(1)} ms`).toBeLessThan(10);
    });
  }
});

describe('quantization exclusions in config.json are matched without runaway backtracking', () => {
  it('matches the usual patterns as Python re.match does (from the start), and refuses what RE2 cannot run', () => {
    const cases: [string, string, boolean][] = [
      ['.*lm_head', 'lm_head', true],
      ['.*lm_head', 'model.lm_head', true],
      ['lm_head', 'model.lm_head', false], // re.match anchors at the start only
      ['model\\.layers\\.\\d+\\.mlp\\.gate$', 'model.layers.3.mlp.gate', true],
      ['model\\.layers\\.\\d+\\.mlp\\.gate$', 'model.layers.3.mlp.gate_proj', false],
      ['.*\\.mlp\\.(gate|shared_expert_gate)$', 'model.layers.0.mlp.shared_expert_gate', true],
      ['.*(q|k|v)_proj', 'model.layers.0.self_attn.k_proj', true],
      ['(ab)+c', 'ababc', true],
      ['model\\.layers\\.\\d{1,3}\\.mlp\\.gate', 'model.layers.12.mlp.gate', true],
    ];
    for (const [pattern, name, matches] of cases) expect(exclusionRegexMatcher(pattern)?.(name), `${pattern} on ${name}`).toBe(matches);
    // and counted repeats that RE2 would expand into a program of thousands of steps a character
    // ((?:.?){1000} x 22: 69 ms a match; a code review); \\d{1,3} is what real exclusions count
    for (const refused of [
      '(x)\\1',
      '(?=a)a',
      '(?<=a)b',
      '((a{100}){100}){100}',
      'a'.repeat(300),
      '(unclosed',
      '(?:.?){1000}'.repeat(22),
      `${'.{0,40}'.repeat(36)}Z`,
    ])
      expect(exclusionRegexMatcher(refused), refused).toBeUndefined();
  });

  it('reads at most 1,000 regex exclusions of one config.json, and says so', () => {
    const config = (patterns: number) =>
      parseHfConfig(
        JSON.stringify({
          model_type: 'llama',
          num_hidden_layers: 2,
          hidden_size: 64,
          num_attention_heads: 2,
          torch_dtype: 'bfloat16',
          quantization_config: {
            quant_method: 'compressed-tensors',
            config_groups: { g: { targets: ['Linear'], weights: { num_bits: 8, type: 'float' } } },
            ignore: Array.from({ length: patterns }, () => 're:x'),
          },
        }),
      );
    expect(JSON.stringify(config(1000))).not.toMatch(/the first 1000 are read/);
    expect(JSON.stringify(config(1001))).toMatch(/1001 \\"re:\\" patterns; the first 1000 are read and the rest ignored/);
  });

  it('runs shapes that backtrack for hours on a backtracking engine in milliseconds (before: .?.?… x40 hung the action)', () => {
    const name = `model.layers.10.self_attn.q_proj.${'a'.repeat(60)}`;
    for (const shape of [`${'.?'.repeat(127)}Z`, `${'.{0,4}'.repeat(4)}Z`, '(.*)*x', '(a|.)*$z', '(a+)+$', '.*.*.*.*x']) {
      const match = exclusionRegexMatcher(shape);
      expect(match, shape).toBeDefined();
      expect(
        cpuMs(() => match!(name), 1),
        shape,
      ).toBeLessThan(200);
    }
  });

  it('matches fnmatch globs as a regex would, in name x pattern steps', () => {
    const asRegex = (glob: string) =>
      new RegExp(
        `^${glob
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
      );
    const names = ['model.layers.1.self_attn.q_proj', 'lm_head', 'model.layers.10.mlp.experts.0.w1', '', 'a*b'];
    const globs = [
      '*',
      '',
      'lm_head',
      'model.layers.*.self_attn*',
      '*.mlp.*',
      'model.layers.?.self_attn.*',
      '*experts*w?',
      'a*b',
      '**a',
      'lm_hea?',
      'x*',
      '*q_proj',
      '?',
    ];
    for (const glob of globs) for (const name of names) expect(globMatcher(glob)(name), `${glob} on ${name}`).toBe(asRegex(glob).test(name));
    const stars = `${'*a'.repeat(20)}x`;
    expect(cpuMs(() => globMatcher(stars)('a'.repeat(60)), 1)).toBeLessThan(100);
  });
});
