// The longest sequence a model serves (model.max_context): config.json's max_position_embeddings,
// stretched as vLLM stretches max_model_len's ceiling by a RoPE scaling. A plan asking for a longer
// context fails `model.context`: vLLM and SGLang refuse it at start-up (a new user's p15: Llama 3.1
// 8B at 250,000 + 2,000 tokens passed every check).
import { describe, expect, it } from 'vitest';
import { verifyPlanText } from '../src/core/index.js';
import { parseHfConfig } from '../src/plan/hfConfig.js';

const noReferences = () => ({ error: 'none' });
const plan = (model: string, maxInput: number, maxOutput = 2000) => `
version: 1
model:
${model}
hardware: {preset: h200, gpus: 1}
deployment: {engine: vllm}
workload: {concurrency: 1, input_tokens: 1000, output_tokens: 200, max_input_tokens: ${maxInput}, max_output_tokens: ${maxOutput}}
`;
const context = (text: string) => verifyPlanText('p.plan.yaml', text, noReferences).checks?.find((c) => c.id === 'model.context');

describe('model.context', () => {
  it("fails a context longer than the model's 131,072 tokens (Llama 3.1 8B), naming both and the line", () => {
    const check = context(plan('  preset: llama-3.1-8b', 250_000));
    expect(check?.status).toBe('fail');
    expect(check?.value).toBe(252_000);
    expect(check?.limit).toBe(131_072);
    expect(check?.line).toBe(7);
    expect(check?.detail).toMatch(/252000 tokens \(max_input_tokens \+ max_output_tokens\), is longer than the 131072 the model serves/);
  });

  it('says nothing at or under the limit (129,072 + 2,000 = 131,072)', () => {
    expect(context(plan('  preset: llama-3.1-8b', 129_072))).toBeUndefined();
  });

  it("the multimodal presets carry their text model's window: Kimi-K2.5 and Qwen3.5 262,144, Llama 4 Scout 10,485,760, Maverick 1,048,576", () => {
    expect(context(plan('  preset: kimi-k2.5', 262_144 - 2000 + 1))?.limit).toBe(262_144);
    expect(context(plan('  preset: kimi-k2.5', 262_144 - 2000))).toBeUndefined();
    expect(context(plan('  preset: qwen3.5-397b-a17b', 300_000))?.limit).toBe(262_144);
    expect(context(plan('  preset: llama-4-scout', 10_485_760))?.limit).toBe(10_485_760);
    expect(context(plan('  preset: llama-4-maverick', 1_048_576))?.limit).toBe(1_048_576);
    expect(context(plan('  preset: llama-4-maverick', 1_046_576))).toBeUndefined();
  });

  it('a deployment that extends the window states it: Qwen3-32B at 100,000 tokens fails at 40,960, passes with max_context 131072 (YaRN x4)', () => {
    expect(context(plan('  preset: qwen3-32b', 98_000))?.limit).toBe(40_960);
    expect(context(plan('  preset: qwen3-32b\n  max_context: 131072', 98_000))).toBeUndefined();
  });
});

describe("config.json's longest sequence, as vLLM derives it", () => {
  const config = (extra: Record<string, unknown>) =>
    parseHfConfig(
      JSON.stringify({
        model_type: 'qwen3',
        hidden_size: 5120,
        num_hidden_layers: 64,
        num_attention_heads: 64,
        num_key_value_heads: 8,
        head_dim: 128,
        ...extra,
      }),
    );
  const longest = (extra: Record<string, unknown>) => {
    const r = config(extra);
    return 'spec' in r ? r.spec.max_context : undefined;
  };
  it('max_position_embeddings as it is, without a scaling or with one that already states the long window', () => {
    expect(longest({ max_position_embeddings: 40960 })).toBe(40_960);
    expect(longest({ max_position_embeddings: 131072, rope_scaling: { rope_type: 'llama3', factor: 8, original_max_position_embeddings: 8192 } })).toBe(
      131_072,
    );
  });
  it("yarn stretches the original window by its factor (Qwen3's model card: 32,768 x 4 = 131,072); linear and dynamic stretch max_position_embeddings", () => {
    expect(longest({ max_position_embeddings: 40960, rope_scaling: { rope_type: 'yarn', factor: 4, original_max_position_embeddings: 32768 } })).toBe(131_072);
    expect(longest({ max_position_embeddings: 4096, rope_scaling: { type: 'linear', factor: 2 } })).toBe(8192);
  });
  it("reads newer configs' rope_parameters alike, and leaves Gemma 3's already-scaled window as it is", () => {
    expect(longest({ max_position_embeddings: 40960, rope_parameters: { rope_type: 'yarn', factor: 4, original_max_position_embeddings: 32768 } })).toBe(
      131_072,
    );
    expect(longest({ max_position_embeddings: 40960, rope_parameters: { rope_type: 'default', rope_theta: 1e6 } })).toBe(40_960);
    expect(longest({ model_type: 'gemma3_text', max_position_embeddings: 131072, rope_scaling: { rope_type: 'linear', factor: 8 } })).toBe(131_072);
  });
  it('none without max_position_embeddings', () => {
    expect(longest({})).toBeUndefined();
  });
  it("none past the plan's 2^32 tokens, with a warning (an attacker review: a RoPE factor of 1e300 carried Infinity tokens into vLLM's default context)", () => {
    for (const extra of [{ max_position_embeddings: 131072, rope_scaling: { type: 'linear', factor: 1e300 } }, { max_position_embeddings: 2 ** 33 }]) {
      const r = config(extra);
      expect('spec' in r ? r.spec.max_context : 'error').toBeUndefined();
      expect('spec' in r ? r.warnings.join('\n') : '').toMatch(/gives more than 4294967296 tokens; the model's longest sequence is not read/);
    }
  });
});

describe('an imported command that stretches the window states it (Qwen3 with YaRN: --rope-scaling, --max-model-len 131072)', () => {
  const serve = (flags: string) => `vllm serve Qwen/Qwen3-32B --tensor-parallel-size 2 ${flags}\n`;
  const verifyImport = (script: string) =>
    verifyPlanText(
      'p.plan.yaml',
      `version: 1
hardware: {preset: h100-sxm, gpus: 2}
deployment: {from: ./serve.sh}
workload: {concurrency: 4, input_tokens: 1000, output_tokens: 200, max_input_tokens: 100000, max_output_tokens: 4000}
`,
      () => ({ text: script }),
    );
  it("passes model.context at the command's 131,072; fails at the config's 40,960 without the scaling", () => {
    const yarn = verifyImport(serve(`--rope-scaling '{"rope_type":"yarn","factor":4.0,"original_max_position_embeddings":32768}' --max-model-len 131072`));
    expect(yarn.checks?.find((c) => c.id === 'model.context')).toBeUndefined();
    const plain = verifyImport(serve('--max-model-len 131072'));
    expect(plain.checks?.find((c) => c.id === 'model.context')?.limit).toBe(40_960);
  });
});

describe('a range ratio of 0 under vLLM (whose bench reads 0 as fixed lengths; this format as the widest spread)', () => {
  const withRatio = (engine: string, ratio: number) =>
    verifyPlanText(
      'p.plan.yaml',
      `version: 1
model: {preset: llama-3.1-8b}
hardware: {preset: h100, gpus: 1}
deployment: {engine: ${engine}}
workload: {concurrency: 8, input_tokens: 1000, output_tokens: 200, benchmark: {requests: 80, input_range_ratio: ${ratio}}}
`,
      noReferences,
    ).checks?.find((c) => c.id === 'workload.benchmark');
  it('warns under vLLM, naming the key and the convention', () => {
    const c = withRatio('vllm', 0);
    expect(c?.status).toBe('warn');
    expect(c?.path).toBe('workload.benchmark.input_range_ratio');
    expect(c?.detail).toMatch(/vLLM's bench --random-range-ratio 0 means fixed lengths: for those, write 1/);
  });
  it('says nothing under SGLang (its own convention) or for another ratio', () => {
    expect(withRatio('sglang', 0)).toBeUndefined();
    expect(withRatio('vllm', 0.8)).toBeUndefined();
  });
});
