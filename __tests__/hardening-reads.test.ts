// Issue 16, part 1: nothing but plan text reaches a report. Files are read as the commit has them
// (no symbolic link followed, .git never read, FIFOs refused before any read), and a file that is
// not a plan gets errors with a line, a column and a kind, never its content.
import { linkSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentsApiSource, workspaceSource } from '../src/action/file-source.js';
import type { GitHubClient } from '../src/action/octokit.js';
import { resolveReference, verifyFile } from '../src/action/verify-files.js';
import { verifyPlanText } from '../src/core/index.js';
import { createReadReference } from '../src/io/read-reference.js';
import { readTextFile } from '../src/io/read-text.js';
import { readRepositoryFile, repositoryPathProblem } from '../src/io/repo-file.js';
import { verifyPlanFiles } from '../src/io/verify-files.js';
import { parseHfConfig } from '../src/plan/hfConfig.js';
import { readExpansion } from '../src/plan/read-value.js';
import { keyLabel, quote } from '../src/plan/source.js';
import { findJsonSyntaxError, lineColumn } from '../src/plan/syntax-errors.js';
import { renderJson, renderReportMarkdown, renderText } from '../src/report/index.js';
import { combineReports } from '../src/core/verdict.js';
import { importText } from './import-helpers.js';
import { DOT_ENV, DOT_ENV_YAML, GIT_CONFIG, leakedSecret, NPMRC, secretCheckout } from './fixtures/hostile/secrets.js';

const noReferences = () => ({ error: 'none' });

/** The secret checkout, with a plain plan, a link to .git and a linked folder. */
function checkout(): string {
  const root = secretCheckout('ppc-reads-');
  writeFileSync(join(root, 'plans', 'ok.plan.yaml'), 'version: 1\n');
  symlinkSync('../.git', join(root, 'plans', 'dotgit'));
  mkdirSync(join(root, 'real'));
  writeFileSync(join(root, 'real', 'inside.plan.yaml'), 'version: 1\n');
  symlinkSync('real', join(root, 'linked'));
  return root;
}

describe('the workspace is read as the commit has it', () => {
  const root = checkout();

  it('refuses a symbolic link, naming the file, and never follows it', async () => {
    const source = workspaceSource(root);
    expect(await source.read('plans/git-config.plan.yaml', 1 << 20)).toEqual({
      error: 'plans/git-config.plan.yaml is a symbolic link; links are not followed',
    });
    expect(await source.read('plans/dotenv.plan.yaml', 1 << 20)).toEqual({ error: 'plans/dotenv.plan.yaml is a symbolic link; links are not followed' });
    // a folder on the way that is a link counts too
    expect(await source.read('linked/inside.plan.yaml', 1 << 20)).toEqual({
      error: 'linked/inside.plan.yaml lies under linked, a symbolic link; links are not followed',
    });
    expect(await source.read('plans/dotgit/config', 1 << 20)).toHaveProperty('error', expect.stringContaining('symbolic link'));
    expect(await source.read('real/inside.plan.yaml', 1 << 20)).toEqual({ text: 'version: 1\n' });
  });

  it('refuses a hard link (git makes none: an earlier step did), naming the file (before: read, whatever it named)', async () => {
    const outside = secretCheckout('ppc-hard-');
    writeFileSync(join(outside, 'secret.yaml'), DOT_ENV_YAML);
    linkSync(join(outside, 'secret.yaml'), join(root, 'plans', 'hard.plan.yaml'));
    const read = await workspaceSource(root).read('plans/hard.plan.yaml', 1 << 20);
    expect(read).toEqual({ error: 'plans/hard.plan.yaml is a hard link (the file has other names); git checkouts make none, so it is not read' });
    expect(leakedSecret(JSON.stringify(read))).toBeNull();
  });

  it('never reads .git, whatever the case of its name', async () => {
    const source = workspaceSource(root);
    for (const path of ['.git/config', 'x/.git/config', '.GIT/config']) {
      expect(await source.read(path, 1 << 20)).toEqual({ error: `${path} is inside .git, which is never read` });
    }
    expect(resolveReference('plans/a.plan.yaml', '../.git/config')).toEqual({ error: "'../.git/config' is inside .git, which is never read" });
    expect(repositoryPathProblem('a/../../b')).toBe('leaves the repository');
  });

  it('never reads .git under a name Windows takes for it (trailing dots and spaces, 8.3 names, NTFS streams)', () => {
    for (const path of [
      '.git./config',
      '.git /config',
      '.git. . /config',
      'GIT~1/config',
      'x/git~2/config',
      '.git::$INDEX_ALLOCATION/config',
      '.git:$I30:$INDEX_ALLOCATION/config',
    ]) {
      expect(repositoryPathProblem(path), path).toBe('is inside .git, which is never read');
      expect(resolveReference('a.plan.yaml', path), path).toEqual({ error: `'${path}' is inside .git, which is never read` });
    }
    // names that only look alike are files like any other
    for (const path of ['.github/x.yaml', 'git/x.yaml', '.gitignore', 'a.git/x', 'git~x/y']) expect(repositoryPathProblem(path), path).toBeNull();
  });

  it('refuses a FIFO before reading it (an open would block until a writer comes)', async () => {
    const started = Date.now();
    expect(await workspaceSource(root).read('plans/fifo.plan.yaml', 1 << 20)).toEqual({
      error: 'plans/fifo.plan.yaml is a FIFO (named pipe), not a regular file',
    });
    expect(readTextFile(join(root, 'plans', 'fifo.plan.yaml'), 1 << 20)).toEqual({ ok: false, message: 'is a FIFO (named pipe), not a regular file' });
    expect(readRepositoryFile(root, 'plans', 1 << 20)).toEqual({ ok: false, message: 'is a folder, not a regular file' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('the CLI refuses the same links and the FIFO, and the secrets stay out of every format', () => {
    const report = verifyPlanFiles(['plans/git-config.plan.yaml', 'plans/dotenv.plan.yaml', 'plans/fifo.plan.yaml', 'plans/ok.plan.yaml'], root);
    const byFile = Object.fromEntries(report.plans.map((p) => [p.file, p]));
    expect(byFile['plans/git-config.plan.yaml']?.errors[0]?.message).toBe('is a symbolic link; links are not followed');
    expect(byFile['plans/dotenv.plan.yaml']?.errors[0]?.message).toBe('is a symbolic link; links are not followed');
    expect(byFile['plans/fifo.plan.yaml']?.errors[0]?.message).toBe('is a FIFO (named pipe), not a regular file');
    for (const text of [renderText(report), renderReportMarkdown(report), renderJson(report)]) expect(leakedSecret(text)).toBeNull();
  });

  it('the CLI refuses references to .git and through links', () => {
    const read = createReadReference({ cwd: root });
    expect(read('plans/ok.plan.yaml', '../.git/config')).toEqual({ error: "'../.git/config' is inside .git, which is never read" });
    expect(read('plans/ok.plan.yaml', 'dotgit/config')).toEqual({ error: "'dotgit/config' lies under plans/dotgit, a symbolic link; links are not followed" });
    expect(read('plans/ok.plan.yaml', '../.env')).toEqual({ text: DOT_ENV }); // a regular file of the checkout: read, never quoted (below)
  });
});

// On Linux and macOS a backslash is a character of a file's name, not a separator: a pull request may
// add `deploy\prod.plan.yaml` next to `deploy/prod.plan.yaml`, and each must be read as itself.
describe.skipIf(process.platform === 'win32')('a backslash in a file name is part of the name', () => {
  const PASSING = 'version: 1\nname: the-other-file\n';
  const FAILING = 'version: 1\nname: own-content\nbogus: 1\n';
  const root = secretCheckout('ppc-backslash-');
  mkdirSync(join(root, 'deploy'), { recursive: true });
  writeFileSync(join(root, 'deploy\\prod.plan.yaml'), FAILING);
  writeFileSync(join(root, 'deploy', 'prod.plan.yaml'), PASSING);
  mkdirSync(join(root, 'sub'), { recursive: true });
  writeFileSync(join(root, 'sub', 'c.json'), '{}');

  it('the workspace reads the file of that name, never another', async () => {
    expect(readRepositoryFile(root, 'deploy\\prod.plan.yaml', 1 << 20)).toEqual({ ok: true, text: FAILING });
    expect(await workspaceSource(root).read('deploy\\prod.plan.yaml', 1 << 20)).toEqual({ text: FAILING });
    expect(await workspaceSource(root).read('sub\\c.json', 1 << 20)).toEqual({ missing: true });
  });

  it('the CLI verifies the file it was given', () => {
    const report = verifyPlanFiles(['deploy\\prod.plan.yaml'], root);
    expect(report.plans[0]?.verdict).toBe('error');
    expect(JSON.stringify(report.plans[0]?.errors)).toContain('bogus');
  });

  it('still refuses .. and .git written with backslashes, in references as in paths', () => {
    for (const path of ['..\\x.json', 'a\\..\\..\\x.json']) expect(repositoryPathProblem(path)).toBe('leaves the repository');
    expect(repositoryPathProblem('.git\\config')).toBe('is inside .git, which is never read');
    expect(readRepositoryFile(root, '.git\\config', 1 << 20)).toMatchObject({ ok: false, message: 'is inside .git, which is never read' });
    const read = createReadReference({ cwd: root });
    expect(read('deploy/a.plan.yaml', '..\\..\\secret.json')).toHaveProperty('error', expect.stringContaining('leaves the repository'));
    expect(read('deploy/a.plan.yaml', '..\\.git\\config')).toHaveProperty('error', expect.stringContaining('.git'));
    // a reference written with Windows separators names the folder, as the action reads it (resolveReference)
    expect(read('deploy/a.plan.yaml', '..\\sub\\c.json')).toEqual({ text: '{}' });
    expect(resolveReference('deploy/a.plan.yaml', '..\\sub\\c.json')).toEqual({ path: 'sub/c.json' });
  });
});

describe('the contents API: a symbolic link is refused too', () => {
  const client = (data: unknown) => ({ rest: { repos: { getContent: async () => ({ data }) } } }) as unknown as GitHubClient;

  it('refuses what GitHub describes as a link, and a link GitHub resolved to another file', async () => {
    const link = contentsApiSource(client({ type: 'symlink', target: '../.git/config', path: 'p.plan.yaml', size: 14 }), 'o', 'r', 'a'.repeat(40));
    expect(await link.read('p.plan.yaml', 1000)).toEqual({ error: 'p.plan.yaml is a symbolic link; links are not followed' });
    const content = Buffer.from('version: 1\n').toString('base64');
    const resolved = contentsApiSource(client({ type: 'file', path: 'other/file.yaml', size: 11, encoding: 'base64', content }), 'o', 'r', 'a'.repeat(40));
    expect(await resolved.read('p.plan.yaml', 1000)).toEqual({
      error: 'p.plan.yaml is a symbolic link (to another file of the repository); links are not followed',
    });
    const plain = contentsApiSource(client({ type: 'file', path: 'p.plan.yaml', size: 11, encoding: 'base64', content }), 'o', 'r', 'a'.repeat(40));
    expect(await plain.read('p.plan.yaml', 1000)).toEqual({ text: 'version: 1\n' });
    expect(await plain.read('.git/config', 1000)).toEqual({ error: '.git/config is inside .git, which is never read' });
  });
});

describe('errors quote no file content', () => {
  const contents: Record<string, string> = {
    '.git/config': GIT_CONFIG,
    '.env': DOT_ENV,
    '.env in YAML form': DOT_ENV_YAML,
    '.npmrc': NPMRC,
    'an unknown tag': `version: 1\nname: !${'secretTagValue'.repeat(3)} x\n`,
    'a bad block scalar header': 'version: 1\ndescription: |secretHeaderValue123\n  x\n',
    'an unresolved alias': 'version: 1\nname: *secretAnchorName123\n',
  };

  for (const [what, text] of Object.entries(contents)) {
    it(`${what}, read as a plan`, () => {
      const report = verifyPlanText('plans/x.plan.yaml', text, noReferences);
      expect(report.verdict).not.toBe('pass');
      const all = JSON.stringify(report);
      expect(leakedSecret(all)).toBeNull();
      expect(all).not.toMatch(/secret(Tag|Header|Anchor)/);
    });
  }

  it('a syntax error says line, column and kind', () => {
    const report = verifyPlanText('x.plan.yaml', GIT_CONFIG, noReferences);
    expect(report.errors[0]).toMatchObject({ line: 2, message: 'YAML/JSON syntax error at line 2, column 2: an unexpected character or token' });
    // the parser's own message here quotes the header ("Block scalar header includes extra characters: |x")
    const header = verifyPlanText('x.plan.yaml', 'version: 1\ndescription: |x\n  y\n', noReferences);
    expect(header.errors[0]?.message).toBe('YAML/JSON syntax error at line 2, column 15: an unexpected character or token');
  });

  it('a file that is one string is described, not quoted', () => {
    const report = verifyPlanText('x.plan.yaml', DOT_ENV, noReferences);
    expect(report.errors[0]?.message).toBe(
      `the file: must be a map of keys (version, name, description, model, ...), got a string of ${DOT_ENV.trim().length} characters (not shown)`,
    );
  });

  it('an unknown key is shown only when it is a plain, short name', () => {
    expect(keyLabel('gpu')).toBe("'gpu'");
    expect(keyLabel('max_input_tokens')).toBe("'max_input_tokens'");
    expect(keyLabel('OPENAI_API_KEY')).toBe("'OPENAI_API_KEY'");
    expect(keyLabel('sk-leakCanaryEnv0123456789abcdefABCDEFGH')).toBe('(a key of 40 characters, not shown)');
    expect(keyLabel('ghp_abcdefghijklmnop')).toBe('(a key of 20 characters, not shown)');
    expect(keyLabel('key1234')).toBe('(a key of 7 characters, not shown)');
    expect(keyLabel('a b')).toBe('(a key of 3 characters, not shown)');
    const report = verifyPlanText('x.plan.yaml', DOT_ENV_YAML, noReferences);
    // the key, then at most the keys the plan format knows at the top level: nothing else of the file
    const message = report.errors.map((e) => e.message).find((m) => m.startsWith('OPENAI_API_KEY: '));
    expect(message).toMatch(/^OPENAI_API_KEY: unknown key 'OPENAI_API_KEY'( \(known keys here: [a-z_, ]+\))?$/);
  });

  it('values of fields a plan defines are quoted cut and escaped', () => {
    expect(quote('a\u202Eb\nc', 60)).toBe('a?b?c');
    expect(quote('x'.repeat(100))).toBe(`${'x'.repeat(60)}...`);
    const report = verifyPlanText('x.plan.yaml', 'version: 1\nhardware:\n  gpus: "eight\u202Egpus"\n', noReferences);
    expect(report.errors.some((e) => e.message.includes('got the string "eight?gpus"'))).toBe(true);
  });

  it("a config.json that is not JSON gets line, column and kind, never JSON.parse's quote of it", () => {
    const result = parseHfConfig(DOT_ENV);
    expect(result).toEqual({ error: 'config.json is not valid JSON (line 1, column 1): an unexpected character where a value should be' });
    expect(parseHfConfig('{\n  "a": 1,\n  "b": "x\ny"\n}')).toEqual({
      error: 'config.json is not valid JSON (line 3, column 10): a control character (such as a line break) inside a string',
    });
    expect(parseHfConfig('{"a": NaN, "b": [Infinity, -Infinity], "c": "NaN"}')).not.toHaveProperty('error');
  });

  it('an engine config or script that is an .env or .git/config quotes nothing of it', () => {
    for (const text of [GIT_CONFIG, DOT_ENV, DOT_ENV_YAML, NPMRC]) {
      for (const file of ['c.yaml', 'serve.sh']) {
        const result = importText(file, text, { engine: 'vllm' });
        expect(leakedSecret(JSON.stringify(result)), `${file}: ${JSON.stringify(result)}`).toBeNull();
      }
    }
  });

  // A file an earlier step wrote (a credentials JSON, an .env-like script) may be named by a plan: the
  // warnings about values the readers do not know describe them, never quote them.
  const CANARY = 'canaryVALUE0123456789abcdef';
  const quotesCanary = (text: string) => new RegExp(CANARY.slice(0, 12), 'i').test(text);

  it('config.json values the reader does not know (model_type, dtypes, quantization) are described, not quoted', () => {
    const base = { hidden_size: 4096, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: 8, intermediate_size: 14336, vocab_size: 128256 };
    const configs = [
      { ...base, model_type: CANARY, torch_dtype: CANARY, mamba_ssm_dtype: CANARY, quantization_config: { quant_method: CANARY } },
      { ...base, model_type: 'llama', dtype: CANARY, quantization_config: { quant_method: 'modelopt', quant_algo: CANARY } },
      { ...base, model_type: 'llama', torch_dtype: 'bfloat16', num_key_value_heads: CANARY, [`${CANARY}_layers`]: 1 },
      {
        ...base,
        model_type: 'llama',
        torch_dtype: 'bfloat16',
        quantization_config: {
          quant_method: 'compressed-tensors',
          config_groups: { a: { weights: { num_bits: 4, type: 'int', group_size: CANARY } }, b: { weights: { num_bits: 8, type: 'int' } } },
        },
      },
      {
        ...base,
        model_type: 'llama',
        torch_dtype: 'bfloat16',
        quantization_config: { quant_method: 'compressed-tensors', ignore: [`re:${CANARY}(`], config_groups: { a: { weights: { num_bits: 4, type: 'int' } } } },
      },
    ];
    for (const config of configs) {
      const result = parseHfConfig(JSON.stringify(config));
      if ('error' in result) throw new Error(result.error);
      expect(result.warnings.length, JSON.stringify(config)).toBeGreaterThan(0);
      expect(result.warnings.join('\n'), JSON.stringify(result.warnings)).not.toSatisfy(quotesCanary);
    }
    // a value the reader knows is still named
    const known = parseHfConfig(JSON.stringify({ ...base, model_type: 'granite', torch_dtype: 'bfloat16' }));
    expect('warnings' in known && known.warnings.join('\n')).toMatch(/model_type "granite" is not one this reader was checked against/);
  });

  it('engine arguments and sizing-tool values the importer does not know are described, not quoted', () => {
    const script = `vllm serve ${CANARY} --kv-cache-dtype ${CANARY} --dtype ${CANARY} --tensor-parallel-size ${CANARY} --gpu-memory-utilization ${CANARY}\n`;
    const quantized = `vllm serve ${CANARY} --quantization ${CANARY}\n`;
    const fourBit = 'vllm serve meta-llama/Llama-3.1-8B-Instruct-AWQ-INT4-canaryVALUE0123\n';
    const sizing = `isl: 1000\nosl: 100\ntotal_gpus: 8\nsystem_name: ${CANARY}\nmodel_name: ${CANARY}\ngemm_quant_mode: ${CANARY}\nexps: [${CANARY}]\n`;
    for (const [file, text] of [
      ['serve.sh', script],
      ['q.sh', quantized],
      ['m.sh', fourBit],
      ['exp.yaml', sizing],
      ['exp2.yaml', sizing.replace(/exps: .*\n/, '')],
    ] as const) {
      const result = importText(file, text, { engine: 'vllm' });
      const said = 'error' in result ? [result.error] : result.warnings;
      expect(said.length, file).toBeGreaterThan(0);
      expect(said.join('\n'), `${file}: ${JSON.stringify(said)}`).not.toSatisfy(quotesCanary);
    }
  });

  it('names an imported file gives (kinds, workloads, containers, services, variables, config paths) are described unless plain', () => {
    const manifest = (name: string, extra = '') =>
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        `metadata: {name: ${name}}`,
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        `        - name: ${name}`,
        `          env: [{name: ${name}, valueFrom: {secretKeyRef: {name: s, key: k}}}]`,
        `          command: ["vllm", "serve", "m", "--tensor-parallel-size", "$(${name})"${extra}]`,
      ].join('\n');
    const cases: [string, string, Record<string, string>][] = [
      ['kinds.yaml', `apiVersion: v1\nkind: ${CANARY}\n`, {}],
      ['deploy.yaml', manifest(CANARY), {}],
      ['two.yaml', `${manifest(CANARY)}\n---\n${manifest(`${CANARY}x`)}`, {}],
      ['nocmd.yaml', manifest(CANARY).replace('"vllm", "serve"', '"python", "app.py"'), {}],
      ['config.yaml', manifest('decode', `, "--config", "${CANARY}.yaml"`), {}],
      ['config-bad.yaml', manifest('decode', `, "--config", "${CANARY}.yaml"`), { [`${CANARY}.yaml`]: 'a: [' }],
      ['serve.sh', `vllm serve m --config ${CANARY}/engine.yaml\n`, {}],
      [
        'dynamo.yaml',
        [
          'apiVersion: nvidia.com/v1alpha1',
          'kind: DynamoGraphDeployment',
          'metadata: {name: g}',
          'spec:',
          '  services:',
          `    ${CANARY}prefill:`,
          '      resources: {limits: {gpu: "1"}}',
          '      extraPodSpec: {mainContainer: {command: [python3, -m, dynamo.sglang], args: ["--model-path", "m", "--disaggregation-mode", "prefill"]}}',
          `    ${CANARY}decode:`,
          '      resources: {limits: {gpu: "2"}}',
          '      extraPodSpec: {mainContainer: {command: [python3, -m, dynamo.sglang], args: ["--model-path", "m", "--disaggregation-mode", "decode", "--tp", "1"]}}',
        ].join('\n'),
        {},
      ],
    ];
    for (const [file, text, files] of cases) {
      for (const engine of ['vllm', 'sglang', 'trtllm'] as const) {
        const result = importText(file, text, { engine }, files);
        const said = 'error' in result ? [result.error] : result.warnings;
        expect(said.join('\n'), `${file} (${engine}): ${JSON.stringify(said)}`).not.toSatisfy(quotesCanary);
      }
    }
    // plain names are still named
    const plain = importText('deploy.yaml', manifest('decode', ', "--config", "engine.yaml"'), { engine: 'sglang' });
    const warnings = 'error' in plain ? [plain.error] : plain.warnings;
    expect(warnings.join('\n')).toMatch(/Deployment 'decode' runs vLLM/);
    expect(warnings.join('\n')).toMatch(/--config engine\.yaml: .*engine\.yaml/);
    expect(importText('kinds.yaml', 'apiVersion: v1\nkind: ConfigMap\n')).toEqual({ error: expect.stringMatching(/found: 'ConfigMap'/) });
  });

  it("hf_config naming the checkout's .env: an error without its content, in every format", async () => {
    const root = checkout();
    const plan = 'version: 1\nmodel:\n  hf_config: ../.env\nhardware:\n  preset: h100\n';
    writeFileSync(join(root, 'plans', 'ref.plan.yaml'), plan);
    const cli = verifyPlanFiles(['plans/ref.plan.yaml'], root);
    const action = await verifyFile('plans/ref.plan.yaml', workspaceSource(root));
    for (const report of [cli, combineReports([action!])]) {
      expect(report.plans[0]?.verdict).toBe('error');
      for (const text of [renderText(report), renderReportMarkdown(report), renderJson(report)]) expect(leakedSecret(text)).toBeNull();
    }
  });
});

describe('the JSON error finder', () => {
  it('finds the first error, with the kind', () => {
    expect(findJsonSyntaxError('{"a": 1}')).toBeNull();
    expect(findJsonSyntaxError('[1, 2,]')).toEqual({ offset: 6, kind: 'an unexpected character where a value should be' });
    expect(findJsonSyntaxError('{"a": 1,}')).toEqual({ offset: 8, kind: 'an object key must be a string in double quotes (a trailing comma?)' });
    expect(findJsonSyntaxError('{"a" 1}')).toEqual({ offset: 5, kind: 'a missing colon after an object key' });
    expect(findJsonSyntaxError('[1 2]')).toEqual({ offset: 3, kind: 'a missing comma or closing ]' });
    expect(findJsonSyntaxError('{"a": "b')).toEqual({ offset: 8, kind: 'a string that is never closed' });
    expect(findJsonSyntaxError('{} x')).toEqual({ offset: 3, kind: 'more text after the end of the JSON value' });
    expect(findJsonSyntaxError('[NaN]')).not.toBeNull();
    expect(findJsonSyntaxError('[NaN, -Infinity]', true)).toBeNull();
    // agrees with JSON.parse on what is JSON
    for (const text of ['', ' ', '[', '{"a":[1,{"b":null}]}', '"\\u00e9"', '"\\x"', '-', '01', '1e5', '[true,false]', '{"a":1}}']) {
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      expect(findJsonSyntaxError(text) === null, text).toBe(parses);
    }
  });

  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd\r\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\r\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\ncd\r\nef', 7)).toEqual({ line: 3, column: 1 });
  });
});

describe("an unresolved variable with the importer's note on why", () => {
  it('names a plain variable with the note, and hides a name that is not plain while keeping the note', () => {
    const note = '(set in the pod by valueFrom, not in the manifest; a default applies only if that leaves it unset or empty)';
    expect(readExpansion(`GPU_UTIL ${note}`)).toBe(`GPU_UTIL ${note}`);
    expect(readExpansion('UTIL (argv without a shell: not expanded)')).toBe('UTIL (argv without a shell: not expanded)');
    const long = `X${'A'.repeat(200)}`;
    expect(readExpansion(`${long} ${note}`)).toBe(`a variable (a name of ${long.length} characters, not shown) ${note}`);
    // a note the importer does not write is file text: the whole is described, not shown
    expect(readExpansion('GPU_UTIL (ghp_secret)')).toMatch(/^an expansion of \d+ characters \(not shown\)$/);
  });
});
