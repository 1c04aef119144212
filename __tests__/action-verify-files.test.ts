// Reading plans and their references from a source (src/action/verify-files.ts, workspace.ts).
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapLimited, resolveReference, verifyFile } from '../src/action/verify-files.js';
import { workspaceSource, type FileSource } from '../src/action/file-source.js';
import { checkedOutSha } from '../src/action/workspace.js';
import { scratchFolder } from './scratch.js';

describe('resolveReference', () => {
  it('resolves relative to the plan folder', () => {
    expect(resolveReference('plans/a.plan.yaml', './config.json')).toEqual({ path: 'plans/config.json' });
    expect(resolveReference('plans/deep/a.plan.yaml', '../../configs/c.json')).toEqual({ path: 'configs/c.json' });
    expect(resolveReference('a.plan.yaml', 'c.json')).toEqual({ path: 'c.json' });
  });

  it('refuses paths that leave the repository, absolute paths and URLs', () => {
    for (const ref of ['../c.json', '../../etc/passwd', '/etc/passwd', 'https://example.com/c.json', 'C:\\x.json', '']) {
      expect(resolveReference('a.plan.yaml', ref)).toHaveProperty('error');
    }
  });
});

describe('verifyFile', () => {
  const memory = (files: Record<string, string>, reads: string[] = []): FileSource => ({
    label: 'memory',
    async read(path) {
      reads.push(path);
      return path in files ? { text: files[path] as string } : { missing: true };
    },
  });

  it('returns null for a file missing at the commit and an error report for an unreadable one', async () => {
    expect(await verifyFile('x.plan.yaml', memory({}))).toBeNull();
    const failing: FileSource = { label: 'x', read: async () => ({ error: 'x.plan.yaml is not valid UTF-8 text' }) };
    const report = await verifyFile('x.plan.yaml', failing);
    expect(report).toMatchObject({ verdict: 'error', errors: [{ message: 'x.plan.yaml is not valid UTF-8 text' }] });
  });

  it('fetches the hf_config a plan names, from the same source, once', async () => {
    const reads: string[] = [];
    const plan = 'version: 1\nmodel:\n  hf_config: ../configs/m.json\n';
    await verifyFile('plans/a.plan.yaml', memory({ 'plans/a.plan.yaml': plan, 'configs/m.json': '{}' }, reads));
    expect(reads).toEqual(['plans/a.plan.yaml', 'configs/m.json']);
  });
});

describe('workspaceSource', () => {
  it('reads files inside the checkout, refuses a symlink leading out of it', async () => {
    const root = scratchFolder('ppc-ws-');
    const outside = scratchFolder('ppc-out-');
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    writeFileSync(join(root, 'a.plan.yaml'), 'version: 1\n');
    symlinkSync(join(outside, 'secret.txt'), join(root, 'link.json'));
    const source = workspaceSource(root);
    expect(await source.read('a.plan.yaml', 1000)).toEqual({ text: 'version: 1\n' });
    expect(await source.read('link.json', 1000)).toEqual({ error: 'link.json is a symbolic link; links are not followed' });
    expect(await source.read('none.yaml', 1000)).toEqual({ missing: true });
    expect(await source.read('a.plan.yaml', 3)).toHaveProperty('error');
  });

  it('refuses text that is not UTF-8', async () => {
    const root = scratchFolder('ppc-ws-');
    writeFileSync(join(root, 'latin1.plan.yaml'), Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9]));
    expect(await workspaceSource(root).read('latin1.plan.yaml', 1000)).toEqual({
      error: 'latin1.plan.yaml: not valid UTF-8 text (first bad byte at offset 6)',
    });
  });
});

describe('checkedOutSha', () => {
  it('reads a detached HEAD, a branch ref, a packed ref, and nothing without .git', async () => {
    const sha = 'a'.repeat(40);
    const detached = scratchFolder('ppc-git-');
    mkdirSync(join(detached, '.git'));
    writeFileSync(join(detached, '.git', 'HEAD'), `${sha}\n`);
    expect(await checkedOutSha(detached)).toBe(sha);

    const branch = scratchFolder('ppc-git-');
    mkdirSync(join(branch, '.git', 'refs', 'heads'), { recursive: true });
    writeFileSync(join(branch, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(join(branch, '.git', 'refs', 'heads', 'main'), `${'b'.repeat(40)}\n`);
    expect(await checkedOutSha(branch)).toBe('b'.repeat(40));

    const packed = scratchFolder('ppc-git-');
    mkdirSync(join(packed, '.git'));
    writeFileSync(join(packed, '.git', 'HEAD'), 'ref: refs/heads/dev\n');
    writeFileSync(join(packed, '.git', 'packed-refs'), `# pack-refs with: peeled\n${'c'.repeat(40)} refs/heads/dev\n`);
    expect(await checkedOutSha(packed)).toBe('c'.repeat(40));

    expect(await checkedOutSha(scratchFolder('ppc-none-'))).toBeNull();
  });
});

describe('mapLimited', () => {
  it('keeps the order of results and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapLimited([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });
});
