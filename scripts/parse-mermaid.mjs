// Parses Mermaid charts with the mermaid package's own parser (Mermaid 12, what GitHub draws
// comment charts with), so a chart the report emits is known to be drawable, not merely
// regex-shaped. Reads a JSON array of chart texts on standard input, prints a JSON array of
// { ok, type } or { ok: false, error } in the same order.
//
// Mermaid lives in .ci/render (npm ci --prefix .ci/render): it needs Node 22.12, the package
// supports Node 20. Mermaid sanitises labels with DOMPurify, which needs a DOM: happy-dom's.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const RENDER_MODULES = join(dirname(fileURLToPath(import.meta.url)), '..', '.ci', 'render', 'node_modules');

if (!existsSync(join(RENDER_MODULES, 'mermaid')) || !existsSync(join(RENDER_MODULES, 'happy-dom'))) {
  console.error('parse-mermaid: Mermaid is not installed: run npm ci --prefix .ci/render');
  process.exit(2);
}

const { Window } = await import(pathToFileURL(join(RENDER_MODULES, 'happy-dom', 'lib', 'index.js')).href);
const window = new Window();
// DOMPurify reads the global window when it is first imported
Object.assign(globalThis, { window, document: window.document });
const { default: mermaid } = await import(pathToFileURL(join(RENDER_MODULES, 'mermaid', 'dist', 'mermaid.core.mjs')).href);

let input = '';
for await (const chunk of process.stdin) input += chunk;
const charts = JSON.parse(input);
const results = [];
for (const chart of charts) {
  try {
    const parsed = await mermaid.parse(chart);
    results.push({ ok: true, type: parsed.diagramType });
  } catch (error) {
    results.push({ ok: false, error: String(error?.message ?? error).slice(0, 500) });
  }
}
process.stdout.write(JSON.stringify(results));
await window.happyDOM?.close?.();
process.exit(0);
