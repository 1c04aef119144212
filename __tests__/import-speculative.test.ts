// Speculative decoding as each engine is told it (vLLM --speculative-config, SGLang --speculative-algorithm
// and its step flags, TensorRT-LLM speculative_config), read into workload.speculative: the method and the
// proposals per step; the acceptance is measured, not configured, so a warning asks the plan for it.
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../src/core/index.js';
import { importFixture, importText, ok } from './import-helpers.js';

const fields = (script: string, files: Record<string, string> = {}) => ok(importText('serve.sh', script, {}, files));
const acceptanceWarning =
  /speculative decoding is read as workload\.speculative \(method \w+\); how many proposals are accepted is not in the command: give workload\.speculative\.acceptance_length/;

describe('speculative decoding flags', () => {
  it("vLLM: --speculative-config's method and num_speculative_tokens (JSON)", () => {
    const eagle = fields(`vllm serve Qwen/Qwen3-32B --speculative-config '{"method": "eagle3", "model": "some/drafter", "num_speculative_tokens": 3}'`);
    expect(eagle.fields.workload?.speculative).toEqual({ method: 'eagle', tokens: 3 });
    expect(eagle.origins['workload.speculative.method']).toBe('serve.sh:1');
    expect(eagle.warnings.join('\n')).toMatch(acceptanceWarning);
    expect(eagle.warnings.join('\n')).not.toContain('drafter');
    const mtp = fields(`vllm serve deepseek-ai/DeepSeek-R1 --speculative-config '{"method":"deepseek_mtp","num_speculative_tokens":1}'`);
    expect(mtp.fields.workload?.speculative).toEqual({ method: 'mtp', tokens: 1 });
  });

  it('vLLM: speculative-config in a --config file', () => {
    const r = fields('vllm serve m --config c.yaml', { 'c.yaml': 'speculative-config:\n  method: ngram\n  num_speculative_tokens: 4\n' });
    expect(r.fields.workload?.speculative).toEqual({ method: 'ngram', tokens: 4 });
    expect(r.origins['workload.speculative.tokens']).toBe('c.yaml:3');
  });

  it("SGLang: EAGLE without a draft model runs the checkpoint's MTP layers; the proposals are the draft tokens less the verified one", () => {
    const flags = '--speculative-algorithm EAGLE --speculative-num-steps 3 --speculative-eagle-topk 1 --speculative-num-draft-tokens 4';
    const mtp = fields(`python -m sglang.launch_server --model-path deepseek-ai/DeepSeek-R1 --tp 8 ${flags}`);
    expect(mtp.fields.workload?.speculative).toEqual({ method: 'mtp', tokens: 3 });
    expect(mtp.warnings.join('\n')).toMatch(acceptanceWarning);
    const eagle = fields(`python -m sglang.launch_server --model-path Qwen/Qwen3-32B ${flags} --speculative-draft-model-path some/head`);
    expect(eagle.fields.workload?.speculative).toEqual({ method: 'eagle', tokens: 3 });
    const steps = fields('python -m sglang.launch_server --model-path Qwen/Qwen3-32B --speculative-algorithm NEXTN --speculative-num-steps 2');
    expect(steps.fields.workload?.speculative).toEqual({ method: 'mtp', tokens: 2 });
  });

  it('TensorRT-LLM: speculative_config decoding_type MTP with num_nextn_predict_layers, in the options file and in a disaggregated config', () => {
    const r = fields('trtllm-serve m --tp_size 8 --extra_llm_api_options extra.yaml', {
      'extra.yaml': 'speculative_config:\n  decoding_type: MTP\n  num_nextn_predict_layers: 3\n',
    });
    expect(r.fields.workload?.speculative).toEqual({ method: 'mtp', tokens: 3 });
    const disagg = importFixture('trtllm-disagg.yaml').replace(
      /^generation_servers:\n/m,
      'generation_servers:\n  speculative_config:\n    decoding_type: MTP\n    num_nextn_predict_layers: 3\n',
    );
    const pools = ok(importText('disagg.yaml', disagg));
    expect(pools.fields.workload?.speculative).toEqual({ method: 'mtp', tokens: 3 });
  });

  it('warns, instead of dropping it silently, when the method is one the plan format cannot say', () => {
    const r = fields(`vllm serve Qwen/Qwen3-32B --speculative-config '{"method": "medusa", "num_speculative_tokens": 3}'`);
    expect(r.fields.workload?.speculative).toBeUndefined();
    expect(r.warnings.join('\n')).toMatch(
      /serve\.sh:1: speculative decoding "medusa" is not one the plan format models .* it is not imported: set workload\.speculative/,
    );
  });

  it("fills the plan's own workload.speculative field by field: its acceptance_length and the command's method and tokens", () => {
    const files: Record<string, string> = {
      'serve.sh': `vllm serve Qwen/Qwen3-32B -tp 2 --speculative-config '{"method":"eagle3","num_speculative_tokens":3}'`,
    };
    const read = (_p: string, ref: string) => (Object.hasOwn(files, ref) ? { text: files[ref] as string } : { error: 'no such file' });
    const r = loadPlan('p.plan.yaml', 'version: 1\ndeployment: {from: serve.sh}\nworkload:\n  speculative: {acceptance_length: 2.2}\n', read);
    if (!r.ok) throw new Error(r.errors[0]?.message);
    expect(r.loaded.plan.workload.speculative).toEqual({ method: 'eagle', tokens: 3, acceptance_length: 2.2 });
    expect(r.loaded.origins['workload.speculative.tokens']).toBe('serve.sh:1');
    expect(r.loaded.origins['workload.speculative.acceptance_length']).toBeUndefined();
    const tooMany = loadPlan('p.plan.yaml', 'version: 1\ndeployment: {from: serve.sh}\nworkload:\n  speculative: {acceptance_length: 5}\n', read);
    if (!tooMany.ok) throw new Error(tooMany.errors[0]?.message);
    expect(tooMany.loaded.warnings?.map((w) => w.message).join('\n')).toMatch(
      /acceptance_length 5 is more than the tokens \+ 1 = 4 a step can accept with the 3 proposals of serve\.sh:1/,
    );
  });
});
