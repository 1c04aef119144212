import { describe, expect, test } from 'vitest';
import { loadPlan, MAX_PLAN_BYTES } from '../src/plan/load.js';
import { errorsOf, loadedOf, noReferences } from './loader-helpers.js';

// Each input must give errors (with the file named or a line), never a throw or a hang.
function mustFail(text: string, file = 'hostile.plan.yaml', limitMs = 5_000) {
  const started = Date.now();
  let result: ReturnType<typeof loadPlan> | undefined;
  expect(() => {
    result = loadPlan(file, text, noReferences);
  }).not.toThrow();
  expect(Date.now() - started).toBeLessThan(limitMs);
  return errorsOf(result as ReturnType<typeof loadPlan>);
}

describe('hostile plans', () => {
  test('MAX_PLAN_BYTES is 1 MiB', () => {
    expect(MAX_PLAN_BYTES).toBe(1_048_576);
  });

  test('a 2 MB file is refused before parsing', () => {
    const big = `version: 1\ndescription: "${'x'.repeat(2_000_000)}"\n`;
    const [error] = mustFail(big);
    expect(error?.message).toMatch(/at most 1048576 bytes/);
  });

  test('multi-byte characters count as bytes', () => {
    const text = `version: 1\ndescription: "${'é'.repeat(600_000)}"\n`; // 1.2 MB in UTF-8, 600k characters
    // 27 ASCII bytes around it + 600,000 x 2 bytes (U+00E9 is 2 bytes in UTF-8)
    expect(mustFail(text)[0]?.message).toMatch(/the file is 1200027 bytes; a plan may be at most 1048576 bytes/);
    const emoji = `version: 1\ndescription: "${'😀'.repeat(300_000)}"\n`; // 4 bytes each: 1.2 MB
    expect(mustFail(emoji)[0]?.message).toMatch(/the file is 1200027 bytes/);
  });

  test("a credential in a known key's value is not quoted into the error, an ordinary value is", () => {
    const token = `ghp_${'A1b2C3d4'.repeat(4)}Z9y8`;
    for (const text of [`version: "${token}"\n`, `version: 1\nmodel:\n  preset: "see ${token}"\n`]) {
      const [error] = mustFail(text);
      expect(error?.message).not.toContain(token.slice(4, 20));
      expect(error?.message).toMatch(/characters shaped like a credential, not shown/);
    }
    // a path with hf_ inside a word, or a short hf_ name, is still shown
    expect(mustFail('version: "configs/hf_config_for_llama.json"\n')[0]?.message).toContain('configs/hf_config_for_llama.json');
  });

  test("a credential whose body holds '-' or '_' is not quoted either (Slack, OpenAI project, Anthropic, Google keys)", () => {
    // each was quoted whole: the word-start rule asked for 16 letters and digits in a row after the prefix
    // built from parts, as the ghp_ one above: no secret scanner reads these as real keys
    const tail = 'AbCdEfGh'.repeat(3);
    for (const token of [
      `xoxb-1234567890-1234567890123-${tail}`,
      `sk-proj-Ab_cd${tail}0123456789`,
      `sk-ant-api03-${tail}0123456789`,
      `AIza${'SyD-9t'}${tail}-a7e`,
    ]) {
      const message = mustFail(`version: "${token}"\n`)[0]?.message;
      expect(message, token).not.toContain(token.slice(-12));
      expect(message, token).toMatch(/characters shaped like a credential, not shown/);
    }
    // a model name with sk- at a word's start and no upper-case letter stays shown
    expect(mustFail('version: "models/sk-llama-3-8b-instruct"\n')[0]?.message).toContain('models/sk-llama-3-8b-instruct');
  });

  test('a long string inside the limit is an error for its field, not a crash', () => {
    const text = `version: 1\nname: "${'n'.repeat(500_000)}"\n`;
    const [error] = mustFail(text);
    expect(error).toMatchObject({ path: 'name', line: 2 });
    expect(error?.message).toMatch(/at most 200 characters long, got 500000/);
  });

  test('a long unknown key is quoted short, with no suggestion search blow-up', () => {
    const [error] = mustFail(`version: 1\n${'k'.repeat(100_000)}: 1\n`);
    expect(error?.message.length).toBeLessThan(200);
    expect(error?.line).toBe(2);
  });

  test('binary (NUL bytes)', () => {
    const [error] = mustFail('version: 1\nname: a\u0000\u0001\u0002\n');
    expect(error).toMatchObject({ line: 2 });
    expect(error?.message).toMatch(/NUL bytes/);
  });

  test('random bytes do not throw', () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 50; i++) {
      const text = Array.from({ length: 300 }, () => String.fromCharCode(next() % 256)).join('');
      expect(() => loadPlan('r.plan.yaml', text, noReferences)).not.toThrow();
    }
  });

  test('a YAML alias bomb ("billion laughs")', () => {
    const lines = ['version: 1', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    lines.push('model:', '  layers: *a9');
    const errors = mustFail(lines.join('\n'));
    expect(errors.some((e) => /aliases/.test(e.message))).toBe(true);
  });

  test('a few aliases are fine', () => {
    const text = 'version: 1\nworkload:\n  input_tokens: &n 1024\n  max_input_tokens: *n\n';
    expect(loadedOf(loadPlan('a.plan.yaml', text, noReferences)).plan.workload.max_input_tokens).toBe(1024);
  });

  test('nesting deeper than 32', () => {
    const flow = `version: 1\nmodel: ${'['.repeat(40)}1${']'.repeat(40)}\n`;
    expect(mustFail(flow)[0]?.message).toMatch(/nested deeper than 32/);
    let block = 'version: 1\nx:\n';
    for (let i = 1; i <= 40; i++) block += `${'  '.repeat(i)}k${i}:\n`;
    expect(mustFail(block)[0]?.message).toMatch(/nested deeper than 32/);
  });

  test('extreme nesting (100k brackets) is an error, not a stack overflow', () => {
    const errors = mustFail(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(errors.length).toBeGreaterThan(0);
  });

  test('inputs that crash the YAML parser itself are refused before parsing', () => {
    // measured: yaml 2.9 dies with a fatal (uncatchable) out-of-memory on 200k "- " levels
    for (const text of [`${'- '.repeat(200_000)}x`, `${'{a: '.repeat(100_000)}1${'}'.repeat(100_000)}`, '? '.repeat(100_000)]) {
      const errors = mustFail(text);
      expect(errors[0]).toMatchObject({ line: 1 });
      expect(errors[0]?.message).toMatch(/nested deeper than 32/);
    }
  });

  test('the depth pre-check is not fooled by brackets in quotes or comments, nor trips on real plans', () => {
    const text = `version: 1\nname: "${'['.repeat(100)}"\ndescription: '${'{'.repeat(100)}' # ${'['.repeat(100)}\n`;
    expect(loadedOf(loadPlan('q.plan.yaml', text, noReferences)).plan.name).toBe('['.repeat(100));
  });

  test('__proto__, constructor and prototype are unknown keys; Object.prototype stays clean', () => {
    const text = [
      'version: 1',
      '__proto__:',
      '  polluted: yes',
      'model:',
      '  __proto__: { polluted: yes }',
      '  constructor: { prototype: { polluted: yes } }',
      'hardware:',
      '  prototype: 1',
      '',
    ].join('\n');
    const errors = mustFail(text);
    expect(errors.map((e) => [e.path, e.line])).toEqual([
      ['__proto__', 2],
      ['model.__proto__', 5],
      ['model.constructor', 6],
      ['hardware.prototype', 8],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  test('__proto__ in JSON', () => {
    const errors = mustFail('{"version": 1, "claims": {"__proto__": {"polluted": true}}}', 'x.plan.json');
    expect(errors[0]?.path).toBe('claims.__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('NaN, Infinity, 2^60 and 1e308 where counts belong', () => {
    const text = [
      'version: 1',
      'hardware:',
      '  gpus: .nan',
      '  gpus_per_node: 1152921504606846976', // 2^60
      'parallelism:',
      '  tp: .inf',
      '  pp: 1e308',
      '  dp: -.inf',
      '',
    ].join('\n');
    const errors = mustFail(text);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 6, 7, 8]);
    for (const e of errors) expect(e.message).toMatch(/must be a whole number from 1 to \d+/);
  });

  test('thousands of bad list entries give a bounded error list', () => {
    const text = `version: 1\nparallelism:\n  layers_per_stage: [${Array(20_000).fill('0').join(', ')}]\n`;
    expect(mustFail(text).length).toBeLessThanOrEqual(101);
  });

  test('thousands of unknown keys are summarised after 100 errors', () => {
    const keys = Array.from({ length: 5_000 }, (_, i) => `  junk${i}: 1`).join('\n');
    const errors = mustFail(`version: 1\nmodel:\n${keys}\n`);
    expect(errors).toHaveLength(101);
    expect(errors[100]?.message).toMatch(/and 4900 more errors/);
  });

  test("thousands of keys load in bounded time (the parser's own duplicate check is quadratic)", () => {
    const text = `version: 1\nmodel:\n${Array.from({ length: 6_600 }, (_, i) => `  junk${i}: 1`).join('\n')}\n  junk7: 2\n`;
    // the YAML parser's duplicate-key check alone took 52 s on 40,000 keys
    const errors = mustFail(text, 'many.plan.yaml', 20_000);
    expect(errors[0]?.path).toBe('model.junk0');
    expect(errors.some((e) => e.path === 'model.junk7' && /duplicate key/.test(e.message))).toBe(false); // capped at 100
  });

  test('more lines and values than a plan could need are refused before parsing (the parser costs about a microsecond each)', () => {
    const text = `version: 1\nmodel:\n${Array.from({ length: 40_000 }, (_, i) => `  junk${i}: 1`).join('\n')}\n`;
    const errors = mustFail(text, 'many.plan.yaml', 1_000);
    // three a line (the line and its two words): the count passes 20,000 on line 6,668
    expect(errors).toEqual([{ message: 'the file has more than 20000 lines and values; a plan needs a few dozen', line: 6_668 }]);
    const flow = `{"version": 1, "x": [${'1,'.repeat(30_000)}1]}`;
    expect(mustFail(flow, 'many.plan.json', 1_000)[0]?.message).toMatch(/more than 20000 lines and values/);
  });

  test('a non-string text does not throw', () => {
    expect(() => loadPlan('x.plan.yaml', undefined as unknown as string, noReferences)).not.toThrow();
  });
});

describe('hostile power and price', () => {
  const plan = (hw: string) => `version: 1\nmodel: {preset: llama-3.1-8b}\nhardware: {preset: h100-sxm, gpus: 1, ${hw}}\n`;

  test('a power below 1 W per accelerator is refused (1e-9 W read 2.4e12 tokens/J), naming key and line', () => {
    for (const p of ['1e-9 W', '0.001 W', '0.0005 kW']) {
      const [error] = mustFail(plan(`power: "${p}"`));
      expect(error?.path).toBe('hardware.power');
      expect(error?.line).toBe(3);
      expect(error?.message).toMatch(/from 1 W to 1000000 W/);
    }
    expect(loadedOf(loadPlan('ok.plan.yaml', plan('power: "1 W"'), noReferences)).plan.hardware.power).toBe(1);
  });

  test('a negative, huge or string cost_per_hour is refused, naming key and line', () => {
    for (const c of ['-2.5', '1e300', '"3.50 USD"', '.nan']) {
      const [error] = mustFail(plan(`cost_per_hour: ${c}`));
      expect(error?.path).toBe('hardware.cost_per_hour');
      expect(error?.line).toBe(3);
    }
  });
});
