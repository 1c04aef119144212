// The plan key `deployment:` in the loader: validation, errors at the plan's line, several files.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../src/core/index.js';
import type { ReadReference } from '../src/core/types.js';
import { planJsonSchema } from '../src/plan/schema.js';
import { importFixture } from './import-helpers.js';

const files: Record<string, string> = {
  'k8s/serve.sh': 'vllm serve meta-llama/Llama-3.1-8B-Instruct --tensor-parallel-size 2 --max-num-seqs 32',
  'sizing/sla.yaml': 'isl: 1000\nosl: 200\nttft: 300\nitl: 20\n',
  'k8s/later.sh': 'vllm serve m --tensor-parallel-size 4',
  'k8s/trt.sh': 'trtllm-serve meta-llama/Llama-3.1-8B-Instruct --tp_size 2',
};
const read: ReadReference = (_plan, ref) => {
  if (Object.hasOwn(files, ref)) return { text: files[ref] as string };
  try {
    return { text: importFixture(ref) };
  } catch {
    return { error: `no such file: ${ref}` };
  }
};

const load = (text: string) => loadPlan('p.plan.yaml', text, read);

describe('deployment: in a plan', () => {
  it('imports several files in order, the plan and then later files winning', () => {
    const r = load('version: 1\ndeployment:\n  from: [k8s/serve.sh, sizing/sla.yaml]\nworkload: {concurrency: 16}\n');
    if (!r.ok) throw new Error(r.errors[0]?.message);
    const { plan, origins } = r.loaded;
    expect(plan.parallelism.tp).toBe(2);
    expect(plan.workload).toMatchObject({ concurrency: 16, input_tokens: 1000, output_tokens: 200 });
    expect(plan.requirements.tpot).toBeCloseTo(0.02, 12);
    expect(plan.model.layers).toBe(32); // from the llama-3.1-8b preset the served model names
    expect(origins['parallelism.tp']).toBe('k8s/serve.sh:1');
    expect(origins['requirements.tpot']).toBe('sizing/sla.yaml:4');
    expect(plan.deployment?.from).toEqual(['k8s/serve.sh', 'sizing/sla.yaml']);
    const later = load('version: 1\ndeployment:\n  from: [k8s/serve.sh, k8s/later.sh]\n');
    if (!later.ok) throw new Error(later.errors[0]?.message);
    expect(later.loaded.plan.parallelism.tp).toBe(4);
  });

  it("the engine's batch cap is the load only when the plan states none: beside the plan's open loop it stays the engine's cap, not a cap on the clients", () => {
    const closed = load('version: 1\ndeployment:\n  from: k8s/serve.sh\n');
    if (!closed.ok) throw new Error(closed.errors[0]?.message);
    expect(closed.loaded.plan.workload).toMatchObject({ concurrency: 32, max_running_sequences: 32 });
    const open = load('version: 1\ndeployment:\n  from: k8s/serve.sh\nworkload: {request_rate: 50/s}\n');
    if (!open.ok) throw new Error(open.errors[0]?.message);
    expect(open.loaded.plan.workload.concurrency).toBeUndefined();
    expect(open.loaded.plan.workload.max_running_sequences).toBe(32);
    expect(open.loaded.origins['workload.concurrency']).toBeUndefined();
  });

  it("takes the engine that ran from the import when the plan names none; the plan's own engine wins", () => {
    const r = load('version: 1\ndeployment:\n  from: k8s/trt.sh\n');
    if (!r.ok) throw new Error(r.errors[0]?.message);
    expect(r.loaded.plan.deployment?.engine).toBe('trtllm');
    expect(r.loaded.origins['deployment.engine']).toBe('k8s/trt.sh:1');
    const own = load('version: 1\ndeployment:\n  from: k8s/serve.sh\n  engine: sglang\n');
    if (!own.ok) throw new Error(own.errors[0]?.message);
    expect(own.loaded.plan.deployment?.engine).toBe('sglang');
  });

  it("accepts deployment.engine without from: it selects the engine's memory accounting", () => {
    const r = load('version: 1\ndeployment:\n  engine: sglang\n');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.loaded.plan.deployment).toEqual({ engine: 'sglang' });
  });

  it('reports a file it cannot read, or cannot import, at the line of deployment.from', () => {
    const missing = load('version: 1\ndeployment:\n  from: k8s/nope.yaml\n');
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.errors[0]).toMatchObject({ path: 'deployment.from', line: 3 });
    const helm = load('version: 1\ndeployment:\n  engine: vllm\n  from: helm-template.yaml\n');
    expect(helm.ok).toBe(false);
    if (!helm.ok) expect(helm.errors[0]?.message).toMatch(/helm-template.yaml:4: .*helm template/);
  });

  it('refuses a plan that imports itself (read as an engine config it would import nothing and pass)', () => {
    const text = 'version: 1\nmodel: {preset: llama-3.1-8b}\nhardware: {preset: h100-sxm, gpus: 1}\ndeployment:\n  engine: vllm\n  from: ./p.plan.yaml\n';
    const self: ReadReference = (_plan, ref) => (ref === './p.plan.yaml' ? { text } : { error: 'no such file' });
    const r = loadPlan('deploy/p.plan.yaml', text, self);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: 'deployment.from', line: 6 });
    if (!r.ok) expect(r.errors[0]?.message).toMatch(/is this plan itself/);
    // another plan of the same folder is no self-reference
    const other = loadPlan('deploy/q.plan.yaml', text.replace('version: 1\n', 'version: 1\nname: q\n'), self);
    if (!other.ok) expect(other.errors[0]?.message).not.toMatch(/is this plan itself|own text/);
  });

  it('refuses the plan itself by another spelling: Windows separators, or .. through its own folder', () => {
    // both read the plan itself (readers take '\\' for '/'; the CLI gives the plan relative to its own
    // folder, deploy/, so '../deploy/p.plan.yaml' stays inside the repository) and passed with nothing imported
    const text = 'version: 1\nmodel: {preset: llama-3.1-8b}\nhardware: {preset: h100-sxm, gpus: 1}\ndeployment:\n  engine: vllm\n  from: FROM\n';
    for (const from of ['.\\p.plan.yaml', '../deploy/p.plan.yaml']) {
      const plan = text.replace('FROM', `'${from}'`);
      const r = loadPlan('p.plan.yaml', plan, () => ({ text: plan }));
      expect(r.ok, from).toBe(false);
      if (!r.ok) expect(r.errors[0], from).toMatchObject({ path: 'deployment.from', line: 6, message: expect.stringMatching(/holds this plan's own text/) });
    }
  });

  it('validates the key like any other', () => {
    const bad = load('version: 1\ndeployment:\n  from: []\n  engine: vlm\n  contaner: x\n');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      const text = bad.errors.map((e) => e.message).join('\n');
      expect(text).toMatch(/deployment.from: must list 1 to 16 strings/);
      expect(text).toMatch(/deployment.engine: must be one of vllm, sglang, trtllm/);
      expect(text).toMatch(/did you mean 'container'/);
    }
    const alias = load('version: 1\ndeployment: {from: k8s/trt.sh, engine: TensorRT-LLM}\n');
    if (!alias.ok) throw new Error(alias.errors[0]?.message);
    expect(alias.loaded.plan.deployment?.engine).toBe('trtllm');
    expect(alias.loaded.warnings ?? []).toEqual([]);
    const wrong = load('version: 1\ndeployment: {from: k8s/serve.sh, engine: sglang}\n');
    if (!wrong.ok) throw new Error(wrong.errors[0]?.message);
    expect(wrong.loaded.warnings?.map((w) => w.message).join('\n')).toMatch(/says engine sglang but the script runs vllm/);
  });

  it('is in the JSON Schema, one file or a list', () => {
    const validate = new Ajv2020({ strict: true }).compile(planJsonSchema());
    expect(validate({ version: 1, deployment: { from: 'k8s/a.yaml', engine: 'vllm' } })).toBe(true);
    expect(validate({ version: 1, deployment: { from: ['a.yaml', 'b.sh'] } })).toBe(true);
    expect(validate({ version: 1, deployment: { from: [] } })).toBe(false);
    expect(validate({ version: 1, deployment: { from: 'a.yaml', engine: 'tgi' } })).toBe(false);
  });
});
