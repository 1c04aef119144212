// A deployment whose layout flag cannot be read ($TP unset): no layout is imported (docs/importers.md,
// "Command lines"), and the figures that depend on it are unverified, never computed at a default TP 1.
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../src/core/index.js';
import { verifyLoadedPlan } from '../src/core/verify.js';
import type { ReadReference } from '../src/core/types.js';

const deployment = (args: string) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: qwen}',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: vllm',
    '          command: ["/bin/sh", "-c"]',
    `          args: ["vllm serve Qwen/Qwen3-32B ${args} --max-num-seqs 32"]`,
    '          resources: {limits: {nvidia.com/gpu: 4}}',
  ].join('\n');
const files: Record<string, string> = {
  'deploy.yaml': deployment('--tensor-parallel-size $TP'),
  'pools.sh': [
    'python -m sglang.launch_server --model-path deepseek-ai/DeepSeek-R1 --disaggregation-mode prefill --tp $TP',
    'python -m sglang.launch_server --model-path deepseek-ai/DeepSeek-R1 --disaggregation-mode decode --tp 8',
  ].join('\n'),
};
const read: ReadReference = (_plan, ref) => (Object.hasOwn(files, ref) ? { text: files[ref] as string } : { error: `no such file: ${ref}` });
const plan = (extra = '', from = 'deploy.yaml') =>
  `version: 1\ndeployment: {from: ${from}}\nhardware: {preset: h100-sxm}\nworkload: {input_tokens: 1000, output_tokens: 500, concurrency: 32}\n${extra}`;

function verify(text: string) {
  const r = loadPlan('p.plan.yaml', text, read);
  if (!r.ok) throw new Error(r.errors[0]?.message);
  return { loaded: r.loaded, report: verifyLoadedPlan(r.loaded) };
}

describe('a layout flag that cannot be read', () => {
  it('leaves the layout and every figure that depends on it unverified, saying why, instead of computing TP 1', () => {
    const { report } = verify(plan());
    const world = report.checks.find((c) => c.id === 'layout.world_size');
    expect(world?.status).toBe('unverified');
    expect(world?.missing).toEqual(['parallelism.tp']);
    expect(world?.detail).toMatch(/deploy\.yaml:10: --tensor-parallel-size could not be read/);
    // nothing about the layout or the memory, TTFT and TPOT it decides passes or fails at tp=1
    for (const id of ['memory.fits', 'memory.kv_capacity']) expect(report.checks.find((c) => c.id === id)?.status, id).toBe('unverified');
    expect(report.checks.some((c) => /tp=1\b/.test(c.detail) && c.status !== 'unverified')).toBe(false);
    expect(report.checks.filter((c) => c.id.startsWith('layout.')).map((c) => c.status)).toEqual(['unverified']);
    expect(report.metrics?.tpot_ms ?? null).toBeNull();
    expect(report.metrics?.kv_cache_capacity_tokens ?? null).toBeNull();
  });

  it('is read again once the plan gives the layout itself', () => {
    const { report } = verify(plan('parallelism: {tp: 4}\n'));
    expect(report.checks.find((c) => c.id === 'layout.world_size')?.status).toBe('pass');
    expect(report.checks.find((c) => c.id === 'memory.fits')?.status).toBe('pass');
  });

  it("leaves a disaggregated pool's figures unverified when its layout flag cannot be read", () => {
    const { report } = verify(plan('', 'pools.sh').replace('hardware: {preset: h100-sxm}', 'hardware: {preset: h200}'));
    const world = report.checks.find((c) => c.id === 'prefill.layout.world_size');
    expect(world?.status).toBe('unverified');
    expect(world?.missing).toEqual(['disaggregation.prefill.parallelism.tp']);
    expect(report.checks.find((c) => c.id === 'prefill.memory.fits')?.status).toBe('unverified');
    expect(report.checks.find((c) => c.id === 'decode.layout.world_size')?.status).toBe('pass');
  });
});
