import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPlanFiles } from '../src/io/find-plans.js';
import { createReadReference, MAX_REFERENCE_BYTES } from '../src/io/read-reference.js';
import { decodeUtf8, readTextFile } from '../src/io/read-text.js';
import { findRepositoryRoot } from '../src/io/repository.js';
import { verifyPlanFiles } from '../src/io/verify-files.js';

let outside: string; // a folder outside the repository
let repo: string; // <outside>/repo, holds .git
beforeAll(() => {
  outside = mkdtempSync(join(tmpdir(), 'ppc-io-'));
  repo = join(outside, 'repo');
  mkdirSync(join(repo, '.git'), { recursive: true });
  mkdirSync(join(repo, 'plans', 'sub'), { recursive: true });
  mkdirSync(join(repo, 'models'), { recursive: true });
  mkdirSync(join(repo, 'node_modules', 'dep'), { recursive: true });
  writeFileSync(join(repo, 'models', 'config.json'), '{"num_hidden_layers": 32}');
  writeFileSync(join(repo, 'plans', 'config.json'), '{"hidden_size": 4096}');
  writeFileSync(join(outside, 'secret.json'), '{"token": "x"}');
  symlinkSync(join(outside, 'secret.json'), join(repo, 'plans', 'escape.json'));
  symlinkSync(join(repo, 'models', 'config.json'), join(repo, 'plans', 'inside-link.json'));
  writeFileSync(join(repo, 'plans', 'big.json'), Buffer.alloc(MAX_REFERENCE_BYTES + 1, 0x20));
  writeFileSync(join(repo, 'plans', 'a.plan.yaml'), 'version: 1\n');
  writeFileSync(join(repo, 'plans', 'sub', 'b.plan.json'), '{}');
  writeFileSync(join(repo, 'plans', 'c.plan.yml'), 'version: 1\n');
  writeFileSync(join(repo, 'plans', 'notes.yaml'), 'x: 1\n');
  writeFileSync(join(repo, 'node_modules', 'dep', 'd.plan.yaml'), 'version: 1\n');
});
afterAll(() => rmSync(outside, { recursive: true, force: true }));

describe('reading plan text', () => {
  it('refuses a file over the limit before decoding it', () => {
    const result = readTextFile(join(repo, 'plans', 'big.json'), 1024);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('the limit is 1024 bytes');
  });

  it('reports a file that is not UTF-8 with the line of the first bad byte, without throwing', () => {
    // line 3 holds 0xFF, a byte that never occurs in UTF-8 (RFC 3629, section 1)
    const bytes = Buffer.concat([Buffer.from('version: 1\nname: é\nx: '), Buffer.from([0xff]), Buffer.from('\n')]);
    const result = decodeUtf8(bytes);
    expect(result).toMatchObject({ ok: false, line: 3 });
    if (!result.ok) expect(result.message).toContain('offset 23'); // 0-based: 11 + 9 bytes ("é" is 2) + 3
  });

  it('drops a byte-order mark and decodes multi-byte characters', () => {
    expect(decodeUtf8(Buffer.from('\uFEFFname: Grüße'))).toEqual({ ok: true, text: 'name: Grüße' });
  });

  it('explains a missing file and a folder', () => {
    expect(readTextFile(join(repo, 'nope.yaml'), 100)).toEqual({ ok: false, message: 'no such file' });
    expect(readTextFile(join(repo, 'plans'), 100)).toMatchObject({ ok: false });
  });
});

describe('files a plan refers to (model.hf_config)', () => {
  const read = () => createReadReference({ cwd: repo });
  const plan = 'plans/a.plan.yaml';

  it('finds the repository by its .git folder', () => {
    expect(findRepositoryRoot(join(repo, 'plans', 'sub'), outside)).toBe(repo);
  });

  it('reads a file next to the plan and one elsewhere in the repository', () => {
    expect(read()(plan, './config.json')).toEqual({ text: '{"hidden_size": 4096}' });
    expect(read()(plan, '../models/config.json')).toEqual({ text: '{"num_hidden_layers": 32}' });
  });

  it('refuses a symbolic link even to a file inside the repository: files are read as the commit has them', () => {
    // a commit can hold a link to .git/config (the checkout's credential) or to a file an earlier step wrote
    expect(read()(plan, 'inside-link.json')).toEqual({ error: "'inside-link.json' is a symbolic link; links are not followed" });
  });

  it('rejects absolute paths, escapes with .., and symbolic links that leave the repository', () => {
    expect(read()(plan, join(repo, 'models', 'config.json'))).toHaveProperty('error', expect.stringContaining('absolute'));
    expect(read()(plan, 'C:\\config.json')).toHaveProperty('error', expect.stringContaining('absolute'));
    expect(read()(plan, '../../secret.json')).toHaveProperty('error', expect.stringContaining('leaves the repository'));
    expect(read()(plan, 'escape.json')).toHaveProperty('error', expect.stringContaining('symbolic link'));
  });

  it("reads a file whose name starts with two dots: '..cfg.json' at the root is inside the repository", () => {
    // it was refused as "leaves the repository" (the check read any relative path starting with '..' as an escape)
    writeFileSync(join(repo, '..cfg.json'), '{"hidden_size": 2048}');
    mkdirSync(join(repo, '...'), { recursive: true });
    writeFileSync(join(repo, '...', 'config.json'), '{"hidden_size": 1024}');
    expect(read()('root.plan.yaml', '..cfg.json')).toEqual({ text: '{"hidden_size": 2048}' });
    expect(read()('root.plan.yaml', '.../config.json')).toEqual({ text: '{"hidden_size": 1024}' });
    expect(read()('root.plan.yaml', '../cfg.json')).toHaveProperty('error', expect.stringContaining('leaves the repository'));
    // and a plan so named is shown by its relative path, not the runner's absolute one
    writeFileSync(join(outside, '..draft.plan.yaml'), 'version: 1\n');
    expect(findPlanFiles(['..draft.plan.yaml'], outside).files).toEqual(['..draft.plan.yaml']);
  });

  it('rejects files over 4 MiB and reports missing ones', () => {
    expect(read()(plan, 'big.json')).toHaveProperty('error', expect.stringContaining('limit'));
    expect(read()(plan, 'missing.json')).toHaveProperty('error', expect.stringContaining('does not exist'));
  });
});

describe('finding plan files', () => {
  it('searches folders for the default globs, skipping node_modules', () => {
    const found = findPlanFiles([], repo);
    expect(found).toEqual({ files: ['plans/a.plan.yaml', 'plans/c.plan.yml', 'plans/sub/b.plan.json'], problems: [] });
  });

  it('takes files as named, expands globs, and removes duplicates', () => {
    const found = findPlanFiles(['plans/notes.yaml', 'plans/*.plan.yaml', 'plans/a.plan.yaml'], repo);
    expect(found.files).toEqual(['plans/a.plan.yaml', 'plans/notes.yaml']);
  });

  it('reports a glob that matches nothing, and keeps a missing file for its own error', () => {
    const found = findPlanFiles(['plans/*.nothing', 'missing.plan.yaml'], repo);
    expect(found.problems).toEqual(['plans/*.nothing: the pattern matches no files']);
    expect(found.files).toEqual(['missing.plan.yaml']);
  });
});

describe('verifying files', () => {
  it('gives every file a report; one bad file does not stop the others', () => {
    writeFileSync(join(repo, 'plans', 'binary.plan.yaml'), Buffer.from([0x76, 0x0a, 0xc3, 0x28]));
    const report = verifyPlanFiles(['missing.plan.yaml', 'plans/binary.plan.yaml', 'plans/a.plan.yaml'], repo);
    expect(report.plans.map((p) => p.file)).toEqual(['missing.plan.yaml', 'plans/binary.plan.yaml', 'plans/a.plan.yaml']);
    expect(report.plans[0]).toMatchObject({ verdict: 'error', errors: [{ message: 'no such file' }] });
    expect(report.plans[1]).toMatchObject({ verdict: 'error', errors: [{ line: 2 }] });
    expect(report.verdict).toBe('error');
  });
});
