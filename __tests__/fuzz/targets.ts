// One fuzz target per parser that reads what a pull request brings: plans (YAML and JSON),
// Hugging Face config.json, shell scripts, Kubernetes manifests and engine configs, plus a
// "growth" target that repeats a short random piece up to a size limit to catch work that grows
// faster than the input. Each target generates inputs (fast-check, so a failure shrinks to a small
// case) and checks what must hold for every input: nothing throws, nothing reports an internal
// error, an error message has the expected shape and quotes no content it must not, and each
// input is handled within a time budget (checked by the runner, __tests__/fuzz.test.ts).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PLAN_WORK_BUDGET, verifyPlanText, withWorkBudget } from '../../src/core/index.js';
import { importDeployment, type ImportError, type ImportResult } from '../../src/import/index.js';
import { parseHfConfig } from '../../src/plan/hfConfig.js';
import { arbitraryDocument, arbitraryMutatedPlan } from '../fixtures/hostile/arbitraries.js';

const fixture = (path: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)), 'utf8');

export interface FuzzTarget<T> {
  name: string;
  /** inputs per CI run (npm run fuzz multiplies it) */
  ciRuns: number;
  input: fc.Arbitrary<T>;
  /** throws (an expect) when the input breaks a rule; returns a short description for the log */
  check(input: T): void;
}

/** Random edits of a real file: characters inserted, deleted or replaced, from a punctuation-heavy alphabet. */
function mutated(texts: readonly string[], alphabet: string): fc.Arbitrary<string> {
  const edit = fc.record({
    at: fc.nat(),
    remove: fc.nat({ max: 8 }),
    insert: fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 8 }),
  });
  return fc.tuple(fc.constantFrom(...texts), fc.array(edit, { minLength: 1, maxLength: 12 })).map(([text, edits]) => {
    let out = text;
    for (const e of edits) {
      const at = e.at % (out.length + 1);
      out = out.slice(0, at) + e.insert + out.slice(at + e.remove);
    }
    return out;
  });
}

/** Text from pieces that matter to a parser, in any order. */
function soup(pieces: readonly string[], maxLength = 60): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...pieces), { maxLength }).map((p) => p.join(''));
}

function expectTrue(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** An importer's result: an object with fields or an error; an internal error is a bug. */
function checkImport(result: ImportResult | ImportError, what: string): void {
  expectTrue(typeof result === 'object' && result !== null, `${what}: no result`);
  if ('error' in result) {
    expectTrue(typeof result.error === 'string' && result.error.length > 0, `${what}: an empty error`);
    expectTrue(!/internal error/.test(result.error), `${what}: ${result.error}`);
  } else {
    expectTrue(typeof result.fields === 'object' && Array.isArray(result.warnings), `${what}: malformed result`);
  }
}

/** Runs an importer as the loader does: under the per-plan work budget (stopping there is an answer too). */
function importBudgeted(file: string, text: string, engine?: 'vllm' | 'sglang' | 'trtllm'): ImportResult | ImportError {
  return withWorkBudget(
    { units: PLAN_WORK_BUDGET },
    () => importDeployment(file, text, engine ? { engine } : {}, () => ({ error: 'not in the fuzz input' })),
    () => ({ error: 'too complex' }),
  );
}

const YAML_PUNCTUATION = ':-?[]{},&*!|>\'"%@`#\n \t\\';
const ENGINE_KEYS = [
  'tensor_parallel_size',
  'tensor-parallel-size',
  'pipeline_parallel_size',
  'data_parallel_size',
  'tp',
  'pp',
  'dp',
  'tp_size',
  'ep_size',
  'max_model_len',
  'max-num-seqs',
  'max_num_batched_tokens',
  'dtype',
  'kv_cache_dtype',
  'quantization',
  'model',
  'gpu_memory_utilization',
  'enable_expert_parallel',
  'enable-dp-attention',
  'kv_cache_config',
  'free_gpu_memory_fraction',
  'max_batch_size',
  'config',
];
const NASTY = [
  '0',
  '-1',
  '1e308',
  '.nan',
  '.inf',
  '8',
  '2.5',
  'fp8',
  'auto',
  '""',
  '~',
  '[]',
  '{}',
  '$(nproc)',
  '${TP}',
  '*a',
  '&a 1',
  '!!binary x',
  '1_000',
  "'8'",
];

const plan: FuzzTarget<{ file: string; text: string }> = {
  name: 'plans (YAML and JSON)',
  ciRuns: 300,
  input: fc.oneof(
    arbitraryDocument,
    arbitraryMutatedPlan,
    mutated([fixture('plans/contract-example.plan.yaml'), fixture('plans/json-plan.plan.json')], YAML_PUNCTUATION).map((text) => ({
      file: 'm.plan.yaml',
      text,
    })),
  ),
  check({ file, text }) {
    const report = verifyPlanText(file, text, () => ({ error: 'not in the fuzz input' }));
    expectTrue(['pass', 'warn', 'fail', 'error'].includes(report.verdict), `verdict ${String(report.verdict)}`);
    for (const e of report.errors) expectTrue(!/internal error/.test(e.message), e.message);
  },
};

const CONFIGS = ['llama-3.1-8b', 'deepseek-v3', 'qwen3-32b', 'mixtral-8x7b', 'gpt-oss-120b'].map((m) => fixture(`hf/${m}.config.json`));
/** The only shapes a config.json error may take: a position and a kind from a fixed list, never the text. */
const JSON_ERROR = /^config\.json(?: is not valid JSON(?: \(line \d+, column \d+\))?: [A-Za-z\\ ,()?\]}]+|: the top level is not a JSON object)$/;

/** A config.json whose quantization exclusions are random regexes and globs (they run on a backtracking engine). */
const quantizationConfig = fc
  .record({
    regexes: fc.array(
      soup(['(', ')', '(.*)', '.*', '*', '+', '?', '|', '{2,}', 'a', '.', 'x', '$', '^', '\\d', '\\1', '[a.]', 'layers', '_proj', 'model'], 12),
      { maxLength: 6 },
    ),
    globs: fc.array(soup(['*', '?', 'a', '.', 'x', 'model', 'layers', '*a', '[', ']', '_proj'], 24), { maxLength: 6 }),
    method: fc.constantFrom('compressed-tensors', 'modelopt'),
  })
  .map(({ regexes, globs, method }) =>
    JSON.stringify({
      model_type: 'deepseek_v3',
      num_hidden_layers: 4,
      hidden_size: 256,
      num_attention_heads: 4,
      quantization_config:
        method === 'modelopt'
          ? { quant_method: 'modelopt', quant_algo: 'FP8', exclude_modules: globs }
          : {
              quant_method: 'compressed-tensors',
              config_groups: { g: { targets: ['Linear'], weights: { num_bits: 4, type: 'int' } } },
              ignore: regexes.map((r) => `re:${r}`),
            },
    }),
  );

const configJson: FuzzTarget<string> = {
  name: 'config.json',
  ciRuns: 300,
  input: fc.oneof(
    quantizationConfig,
    mutated(CONFIGS, '{}[]:,"\\ \n0123456789.eE+-NaInfity'),
    fc.json({ maxDepth: 4 }),
    soup(['{', '}', '[', ']', ',', ':', '"a"', '"num_hidden_layers"', '32', '-', 'NaN', 'Infinity', '-Infinity', ' ', '\n', '"\\u00', 'null', 'true', '1e999']),
  ),
  check(text) {
    const result = withWorkBudget(
      { units: PLAN_WORK_BUDGET },
      () => parseHfConfig(text),
      () => ({ error: 'too complex' }),
    );
    if ('error' in result) {
      expectTrue(result.error === 'too complex' || JSON_ERROR.test(result.error), `unexpected error shape: ${result.error}`);
    } else {
      expectTrue(typeof result.spec === 'object' && Array.isArray(result.warnings), 'malformed result');
    }
  },
};

const SHELL_PIECES = [
  'vllm serve m',
  'python -m sglang.launch_server',
  'trtllm-serve m',
  ' --tensor-parallel-size ',
  ' --tp ',
  '8',
  '$',
  '$(',
  '$((',
  '))',
  ')',
  '(',
  '${',
  '}',
  '${TP:-4}',
  '"',
  "'",
  '\\',
  '\n',
  '\\\n',
  ';',
  '&&',
  '||',
  '|',
  '&',
  ' ',
  '=',
  'TP=',
  'export ',
  '$TP',
  '#',
  '1+2',
  '*',
  '/0',
  '`',
  '--config ',
  'c.yaml',
];

const shell: FuzzTarget<string> = {
  name: 'shell scripts',
  ciRuns: 300,
  input: fc.oneof(soup(SHELL_PIECES, 80), mutated([fixture('import/serve-vllm.sh')], '$(){}"\'\\;&|#= \n')),
  check(text) {
    checkImport(importBudgeted('serve.sh', text, 'vllm'), 'serve.sh');
  },
};

const MANIFESTS = ['vllm-deployment.yaml', 'vllm-lws.yaml', 'sglang-lws.yaml', 'trtllm-lws.yaml', 'kserve-llmisvc.yaml', 'dynamo-dgd.yaml'].map((f) =>
  fixture(`import/${f}`),
);
const generatedManifest = fc
  .record({
    command: fc.array(
      fc.oneof(
        fc.constantFrom('sh', '-c', 'vllm', 'serve', 'm', '--tensor-parallel-size', '$(TP)', '8', 'python3', '-m', 'sglang.launch_server', '--tp', '$(A)$(A)'),
        soup(SHELL_PIECES, 12),
      ),
      { maxLength: 6 },
    ),
    env: fc.array(fc.tuple(fc.constantFrom('TP', 'A', 'B', 'X'), soup(['$(A)', '$(TP)', '8', 'x', '$$', '$('], 4)), { maxLength: 4 }),
    gpus: fc.constantFrom('8', '0', '-1', '"1e9"', 'x', '~'),
  })
  .map(
    ({ command, env, gpus }) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: m\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n      - name: c\n        env:\n${env.map(([n, v]) => `        - name: ${n}\n          value: ${JSON.stringify(v)}`).join('\n') || '        []'}\n        command: ${JSON.stringify(command)}\n        resources:\n          limits:\n            nvidia.com/gpu: ${gpus}\n`,
  );

const kubernetes: FuzzTarget<string> = {
  name: 'Kubernetes manifests',
  ciRuns: 200,
  input: fc.oneof(generatedManifest, mutated(MANIFESTS, `${YAML_PUNCTUATION}$()`)),
  check(text) {
    checkImport(importBudgeted('deploy.yaml', text), 'deploy.yaml');
  },
};

const generatedConfig = fc
  .array(fc.tuple(fc.constantFrom(...ENGINE_KEYS), fc.constantFrom(...NASTY)), { maxLength: 12 })
  .map((pairs) => pairs.map(([k, v]) => `${k}: ${v}`).join('\n'));

const engineConfig: FuzzTarget<{ text: string; engine: 'vllm' | 'sglang' | 'trtllm' }> = {
  name: 'engine configs',
  ciRuns: 200,
  input: fc.record({
    text: fc.oneof(
      generatedConfig,
      mutated([fixture('import/vllm-config.yaml')], YAML_PUNCTUATION),
      soup([...ENGINE_KEYS.map((k) => `${k}: `), ...NASTY, '\n', '  ', '- ', ': ']),
    ),
    engine: fc.constantFrom('vllm' as const, 'sglang' as const, 'trtllm' as const),
  }),
  check({ text, engine }) {
    checkImport(importBudgeted('config.yaml', text, engine), 'config.yaml');
  },
};

/**
 * The importers' fixtures with words replaced by, or run into, a canary no message may show (over 32
 * characters, with markup): a flag the importer does not know, a dotted key, a manifest's name or a
 * config key must reach a warning only as keyLabel shows a key (an importer attack found five that did).
 */
const ECHO_CANARY = 'zqxEchoCanaryAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const ECHO_FIXTURES = [
  'serve-vllm.sh',
  'sglang-pd.sh',
  'vllm-config.yaml',
  'vllm-deployment.yaml',
  'vllm-lws.yaml',
  'sglang-lws.yaml',
  'trtllm-lws.yaml',
  'trtllm-disagg.yaml',
  'kserve-llmisvc.yaml',
  'kserve-pd.yaml',
  'llmd-pd.yaml',
  'dynamo-dgd.yaml',
  'dynamo-dgdr.yaml',
  'aiconfigurator-exp.yaml',
  'helm-template.yaml',
].map((file) => ({ file, text: fixture(`import/${file}`) }));

const noEcho: FuzzTarget<{ file: string; text: string; engine: 'vllm' | 'sglang' | 'trtllm' | undefined }> = {
  name: 'imported words are never echoed',
  ciRuns: 200,
  input: fc
    .tuple(
      fc.constantFrom(...ECHO_FIXTURES),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom('replace', 'append', 'prefix', 'markup')), { minLength: 1, maxLength: 4 }),
      fc.constantFrom(undefined, 'vllm' as const, 'sglang' as const, 'trtllm' as const),
    )
    .map(([{ file, text }, edits, engine]) => {
      const words = [...text.matchAll(/[A-Za-z_][\w.-]*/g)];
      const chosen = [...new Map(edits.map(([n, how]) => [n % words.length, how])).entries()].sort((a, b) => b[0] - a[0]);
      let out = text;
      for (const [i, how] of chosen) {
        const w = words[i] as RegExpMatchArray;
        const word = w[0];
        const by = how === 'replace' ? ECHO_CANARY : how === 'append' ? word + ECHO_CANARY : how === 'prefix' ? ECHO_CANARY + word : `${word}${ECHO_CANARY}<i>`;
        out = out.slice(0, w.index) + by + out.slice((w.index as number) + word.length);
      }
      return { file, text: out, engine };
    }),
  check({ file, text, engine }) {
    const others = (path: string) => {
      const hit = ECHO_FIXTURES.find((f) => path.endsWith(f.file));
      return hit ? { text: hit.text } : { error: 'not in the fuzz input' };
    };
    const r = withWorkBudget(
      { units: PLAN_WORK_BUDGET },
      () => importDeployment(file, text, engine ? { engine } : {}, others),
      () => ({ error: 'too complex' }),
    );
    const said =
      'error' in r
        ? [r.error]
        : [...r.warnings, ...Object.values(r.unread ?? {}), ...Object.keys(r.moot ?? {}), ...Object.values(r.defaulted ?? {}), ...Object.values(r.origins)];
    for (const message of said) expectTrue(!/zqxEchoCanary/i.test(message), `${file}: a file's word in a message: ${message}`);
  },
};

/** Growth: a short random piece repeated up to `bytes`, fed to one parser; the runner holds it to a time budget. */
export function growthTarget(
  bytes: number,
): FuzzTarget<{ parser: 'plan' | 'config.json' | 'shell' | 'kubernetes' | 'engine config'; unit: string; prefix: string }> {
  return {
    name: `growth: a random piece repeated to ${Math.round(bytes / 1024)} KiB`,
    ciRuns: 12,
    input: fc.record({
      parser: fc.constantFrom('plan' as const, 'config.json' as const, 'shell' as const, 'kubernetes' as const, 'engine config' as const),
      unit: fc.string({ unit: fc.constantFrom(...'$(){}[]"\'\\:,-?&*!|>#% \n\taA1'), minLength: 1, maxLength: 6 }),
      prefix: fc.constantFrom('', 'version: 1\n', 'vllm serve m ', '{"a":', 'k: ', 'a: &a [1]\nb: '),
    }),
    check({ parser, unit, prefix }) {
      const text = prefix + unit.repeat(Math.max(1, Math.floor((bytes - prefix.length) / unit.length)));
      if (parser === 'plan') plan.check({ file: 'g.plan.yaml', text });
      else if (parser === 'config.json') configJson.check(text);
      else if (parser === 'shell') shell.check(text);
      else if (parser === 'kubernetes')
        kubernetes.check(
          `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    command: ["sh", "-c", ${JSON.stringify(text)}]\n`,
        );
      else engineConfig.check({ text, engine: 'vllm' });
    },
  };
}

export const FUZZ_TARGETS: readonly FuzzTarget<never>[] = [plan, configJson, shell, kubernetes, engineConfig, noEcho] as unknown as FuzzTarget<never>[];
