// The action re-verifies plans whose imported files a pull request changes.
import { describe, expect, it } from 'vitest';
import { importedPaths, plansImporting } from '../src/import/watch.js';

describe('plans that import changed files', () => {
  const plans = [
    { path: 'plans/decode.plan.yaml', text: 'version: 1\ndeployment:\n  from: ../k8s/decode.yaml\n  engine: vllm\n' },
    { path: 'plans/both.plan.yaml', text: 'version: 1\ndeployment:\n  from: [../k8s/prefill.yaml, ./aic.yaml]\n' },
    { path: 'plans/plain.plan.yaml', text: 'version: 1\nmodel: {preset: llama-3.1-8b}\n' },
    { path: 'broken.plan.yaml', text: 'version: 1\ndeployment: [unclosed\n' },
  ];

  it('resolves deployment.from against the plan folder', () => {
    expect(importedPaths('plans/both.plan.yaml', plans[1]!.text)).toEqual(['k8s/prefill.yaml', 'plans/aic.yaml']);
  });

  it('finds every plan importing a changed file, and none for unrelated changes', () => {
    expect(plansImporting(['k8s/decode.yaml'], plans)).toEqual(['plans/decode.plan.yaml']);
    expect(plansImporting(['plans/aic.yaml', 'k8s/decode.yaml'], plans)).toEqual(['plans/both.plan.yaml', 'plans/decode.plan.yaml']);
    expect(plansImporting(['README.md'], plans)).toEqual([]);
  });
});

describe('relative paths', () => {
  it('joins a reference to the folder of the file that names it, keeping climbs above it', async () => {
    const { relativeTo } = await import('../src/import/index.js');
    expect(relativeTo('plans/a.plan.yaml', '../k8s/d.yaml')).toBe('k8s/d.yaml');
    expect(relativeTo('../k8s/d.yaml', 'conf/v.yaml')).toBe('../k8s/conf/v.yaml');
    expect(relativeTo('../x.yaml', '../y.yaml')).toBe('../../y.yaml');
    expect(relativeTo('a/b/c.yaml', './../d/./e.yaml')).toBe('a/d/e.yaml');
  });
});
