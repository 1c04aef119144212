// The action re-verifies an unchanged plan when a pull request changes any file its verification
// reads: its deployment.from, its model.hf_config, a file an imported file names (an engine's
// --config), however deep; a removal or a rename of one too.
import { describe, expect, it } from 'vitest';
import { plansImportingChangedFiles } from '../src/action/imported-plans.js';
import type { FileSource } from '../src/action/file-source.js';
import { readTouchesChanged } from '../src/import/watch.js';

const PLAN = 'version: 1\nmodel: {preset: llama-3.1-8b}\nhardware: {preset: h100-sxm, gpus: 1}\n';

function source(files: Record<string, string>, log: string[] = []): FileSource {
  return {
    label: 'memory',
    read: async (path) => {
      log.push(path);
      return path in files ? { text: files[path] as string } : { missing: true };
    },
  };
}

const FILES: Record<string, string> = {
  'plans/decode.plan.yaml': 'version: 1\ndeployment:\n  from: ../k8s/decode.yaml\n  engine: vllm\n',
  'plans/both.plan.yaml': 'version: 1\ndeployment:\n  from: [../k8s/prefill.yaml, ./aic.yaml]\n',
  'plans/plain.plan.yaml': PLAN,
  'plans/broken.plan.yaml': 'version: 1\ndeployment: [unclosed\n',
  'plans/hf.plan.yaml': 'version: 1\nmodel: {hf_config: ../models/llama/config.json}\nhardware: {preset: h100-sxm, gpus: 1}\n',
  'plans/serve.plan.yaml':
    'version: 1\nmodel: {preset: llama-3.1-8b}\nhardware: {preset: h100-sxm, gpus: 8}\ndeployment:\n  engine: vllm\n  from: ../run/serve.sh\n',
  'run/serve.sh': 'vllm serve meta-llama/Llama-3.1-8B --config conf/engine.yaml\n',
  'run/conf/engine.yaml': 'tensor-parallel-size: 8\n',
  'models/llama/config.json': '{}',
};
const ALL = Object.keys(FILES).filter((p) => p.endsWith('.plan.yaml'));

async function affected(changed: string[], files = FILES): Promise<string[]> {
  const found = await plansImportingChangedFiles(changed, [], ALL, source(files), Infinity);
  expect(found.unsearched).toBeNull();
  return found.plans.map((p) => p.path);
}

describe('plans that read changed files', () => {
  it('finds every plan importing a changed file (deployment.from, resolved against its folder), and none for unrelated changes', async () => {
    expect(await affected(['k8s/decode.yaml'])).toEqual(['plans/decode.plan.yaml']);
    expect(await affected(['plans/aic.yaml', 'k8s/decode.yaml'])).toEqual(['plans/both.plan.yaml', 'plans/decode.plan.yaml']);
    expect(await affected(['README.md'])).toEqual([]);
  });

  it('a changed model.hf_config', async () => {
    expect(await affected(['models/llama/config.json'])).toEqual(['plans/hf.plan.yaml']);
  });

  it('a changed file that an imported file names (an engine --config, relative to the script)', async () => {
    expect(await affected(['run/conf/engine.yaml'])).toEqual(['plans/serve.plan.yaml']);
    expect(await affected(['run/serve.sh'])).toEqual(['plans/serve.plan.yaml']);
  });

  it('a read file removed, or renamed away (the old name is listed), though it no longer exists at the head', async () => {
    const { 'run/conf/engine.yaml': _gone, ...head } = FILES;
    expect(await affected(['run/conf/engine.yaml'], head)).toEqual(['plans/serve.plan.yaml']);
  });

  it('a folder above a read file that changed (a folder replaced by a link or a file)', async () => {
    expect(await affected(['run/conf'])).toEqual(['plans/serve.plan.yaml']);
    expect(await affected(['models'])).toEqual(['plans/hf.plan.yaml']);
  });

  it('reads each referenced file once, however many plans read it', async () => {
    const files = { ...FILES, 'plans/hf2.plan.yaml': FILES['plans/hf.plan.yaml'] as string };
    const log: string[] = [];
    const found = await plansImportingChangedFiles(['models/llama/config.json'], [], [...ALL, 'plans/hf2.plan.yaml'], source(files, log), Infinity);
    expect(found.plans.map((p) => p.path)).toEqual(['plans/hf.plan.yaml', 'plans/hf2.plan.yaml']);
    expect(log.filter((p) => p === 'models/llama/config.json')).toHaveLength(1);
  });
});

describe('a path read, against the changed paths', () => {
  const changed = new Set(['a/b', 'c.json']);
  it('matches the path itself or a folder above it, never a sibling or a longer name', () => {
    expect(readTouchesChanged(['c.json'], changed)).toBe(true);
    expect(readTouchesChanged(['a/b/c/d.yaml'], changed)).toBe(true);
    expect(readTouchesChanged(['a/bc/d.yaml', 'c.json5', 'x/c.json'], changed)).toBe(false);
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
