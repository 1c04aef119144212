// vLLM's text-only deployment of a multimodal model: --language-model-only, or --limit-mm-per-prompt at 0
// for every modality (vLLM PRs #22299 and #32605), skips the vision tower: model.vision.loaded: false.
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../src/core/index.js';
import { verifyLoadedPlan } from '../src/core/verify.js';
import type { ReadReference } from '../src/core/types.js';
import { importText, ok } from './import-helpers.js';

const SCOUT = 'vllm serve meta-llama/Llama-4-Scout-17B-16E-Instruct --tensor-parallel-size 4 --max-model-len 8192';
const files: Record<string, string> = {
  'plain.sh': SCOUT,
  'only.sh': `${SCOUT} --language-model-only`,
  // the flag is a switch: the model after it stays the model
  'only-first.sh': 'vllm serve --language-model-only meta-llama/Llama-4-Scout-17B-16E-Instruct --tensor-parallel-size 4 --max-model-len 8192',
  'json.sh': `${SCOUT} --limit-mm-per-prompt '{"image":0,"video":0}'`,
  'json-count.sh': `${SCOUT} --limit-mm-per-prompt '{"image":{"count":0},"video":0}'`,
  'pairs.sh': `${SCOUT} --limit-mm-per-prompt image=0,video=0`,
  'dotted.sh': `${SCOUT} --limit-mm-per-prompt.image 0 --limit-mm-per-prompt.video 0`,
  'image-only.sh': `${SCOUT} --limit-mm-per-prompt '{"image":0}'`,
  'some.sh': `${SCOUT} --limit-mm-per-prompt '{"image":2,"video":0}'`,
  'audio.sh': `${SCOUT} --limit-mm-per-prompt '{"audio":0}'`,
  'sglang.sh': 'python -m sglang.launch_server --model-path meta-llama/Llama-4-Scout-17B-16E-Instruct --tp 4 --language-model-only',
};
const read: ReadReference = (_plan, ref) => (Object.hasOwn(files, ref) ? { text: files[ref] as string } : { error: `no such file: ${ref}` });

function load(from: string) {
  const r = loadPlan(
    'p.plan.yaml',
    `version: 1\ndeployment: {from: ${from}}\nhardware: {preset: h100-sxm, gpus: 4}\nworkload: {concurrency: 1, input_tokens: 4096, output_tokens: 4096}\n`,
    read,
  );
  if (!r.ok) throw new Error(r.errors[0]?.message);
  return r.loaded;
}
const loaded = (from: string) => load(from).plan.model.vision?.loaded;

describe('vLLM text-only flags', () => {
  it('--language-model-only: the tower is not loaded, and the weights are the smaller by its TP4 share', () => {
    expect(loaded('plain.sh')).toBeUndefined();
    expect(loaded('only.sh')).toBe(false);
    const imported = ok(importText('serve.sh', files['only.sh']!));
    expect(imported.fields.model?.vision).toEqual({ loaded: false });
    expect(imported.origins['model.vision.loaded']).toBe('serve.sh:1');
    expect(load('only-first.sh').plan.model.preset).toBe(load('plain.sh').plan.model.preset);
    expect(loaded('only-first.sh')).toBe(false);
    const w = (from: string) => verifyLoadedPlan(load(from)).metrics!.weights_per_gpu_gib!;
    expect(w('plain.sh') - w('only.sh')).toBeCloseTo((871_932_416 * 2) / 4 / 1024 ** 3, 2);
  });

  it('--limit-mm-per-prompt 0 for every modality, as JSON, key=value pairs or one flag a modality', () => {
    for (const from of ['json.sh', 'json-count.sh', 'pairs.sh', 'dotted.sh']) expect([from, loaded(from)]).toEqual([from, false]);
  });

  it('image alone at 0: not loaded, with a word on models that also take video', () => {
    const image = load('image-only.sh');
    expect(image.plan.model.vision?.loaded).toBe(false);
    expect((image.warnings ?? []).map((x) => x.message).join('\n')).toMatch(/no video limit.*Qwen3\.5/);
  });

  it('a modality above 0, no image limit, or another engine: the tower stays', () => {
    expect(loaded('some.sh')).toBeUndefined();
    expect(loaded('audio.sh')).toBeUndefined();
    expect(loaded('sglang.sh')).toBeUndefined();
  });
});
