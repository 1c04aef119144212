// `npm run screenshots`: the pull-request comment as GitHub shows it, for three scenarios (the seed
// plan; a passing plan whose figures changed; two failing plans). Each comment is the real one: the
// bundled action (dist/index.js) runs against the local GitHub stand-in and posts it. The markdown
// is rendered as GitHub renders it (marked with GitHub-flavoured markdown, github-markdown-css,
// Mermaid 12 for the charts) in a page that headless Chromium screenshots into docs/screenshots/.
//
// Needs: `npm run package` (dist/), `npm ci --prefix .ci/render` (Mermaid 12, marked, the CSS:
// kept out of the root package, Mermaid 12 needs Node 22.12), and Debian's `chromium` (apt-get
// install chromium fonts-noto-color-emoji) or CHROMIUM=/path/to/chrome. Not run in CI: pictures
// are for people.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { addCommit, createState, startStandIn } from '../__tests__/e2e/stand-in/server.mjs';
import { ACTION_BUNDLE, REPO_ROOT, runPullRequest } from '../__tests__/e2e/stand-in/run-action.mjs';

const RENDER_MODULES = join(REPO_ROOT, '.ci', 'render', 'node_modules');
if (!existsSync(join(RENDER_MODULES, 'marked')) || !existsSync(join(RENDER_MODULES, 'mermaid'))) {
  console.error('The renderer is not installed: run npm ci --prefix .ci/render');
  process.exit(2);
}
const { marked } = await import(pathToFileURL(join(RENDER_MODULES, 'marked', 'lib', 'marked.esm.js')).href);

const OUT = join(REPO_ROOT, 'docs', 'screenshots');
const HEAD_SHA = 'c0ffee'.padEnd(40, '1');
const BASE_SHA = 'ba5e00'.padEnd(40, '2');
const WIDTH = 900;

const example = (name) => readFileSync(join(REPO_ROOT, 'examples', name), 'utf8');

/** A passing plan that states what it pays per GPU-hour, so the comment shows cost too. */
const priced = (concurrency) =>
  example('llama-3.1-8b-1xh100.plan.yaml')
    .replace(/(\n {2}gpus: 1\n)/, '$1  cost_per_hour: 2.99        # what this team pays per GPU-hour (USD)\n')
    .replace(/concurrency: \d+/, `concurrency: ${concurrency}`);

/** A second failing plan: Llama-3.1-70B in bf16 on two H100s, asked for a TPOT it cannot reach. */
const tightSeventy = `version: 1
name: llama-3.1-70b-2xh100-chat
description: 70B chat on one pair of H100s, 64 users at once.

model:
  preset: llama-3.1-70b

hardware:
  preset: h100-sxm
  gpus: 2

parallelism:
  tp: 2

workload:
  concurrency: 64
  input_tokens: 2048
  output_tokens: 512
  max_input_tokens: 4096
  max_output_tokens: 1024

requirements:
  ttft: 1 s
  tpot: 25 ms
  throughput: 3000 tokens/s
`;

const SCENARIOS = [
  {
    name: 'seed',
    title: 'The seed plan, added in a pull request',
    head: { 'plans/seed.plan.yaml': example('seed.plan.yaml') },
    base: {},
    files: [{ filename: 'plans/seed.plan.yaml', status: 'added' }],
  },
  {
    name: 'changed-passing-plan',
    title: 'A passing plan whose concurrency went from 32 to 40',
    head: {
      'plans/llama-3.1-8b-1xh100.plan.yaml': priced(40),
      'plans/mixtral-8x7b-2xa100-tp2.plan.yaml': `# reviewed\n${example('mixtral-8x7b-2xa100-tp2.plan.yaml')}`,
    },
    base: { 'plans/llama-3.1-8b-1xh100.plan.yaml': priced(32), 'plans/mixtral-8x7b-2xa100-tp2.plan.yaml': example('mixtral-8x7b-2xa100-tp2.plan.yaml') },
    files: [
      { filename: 'plans/llama-3.1-8b-1xh100.plan.yaml', status: 'modified' },
      { filename: 'plans/mixtral-8x7b-2xa100-tp2.plan.yaml', status: 'modified' },
    ],
  },
  {
    name: 'two-failing-plans',
    title: 'Two failing plans in one pull request',
    head: { 'plans/seed.plan.yaml': example('seed.plan.yaml'), 'plans/llama-3.1-70b-2xh100-chat.plan.yaml': tightSeventy },
    base: {},
    files: [
      { filename: 'plans/seed.plan.yaml', status: 'added' },
      { filename: 'plans/llama-3.1-70b-2xh100-chat.plan.yaml', status: 'added' },
    ],
  },
];

/** The comment the bundled action posts for one scenario. */
async function commentFor(scenario) {
  const state = createState({ owner: 'acme', repo: 'inference-plans' });
  addCommit(state, HEAD_SHA, scenario.head);
  addCommit(state, BASE_SHA, scenario.base);
  state.pulls.set(7, { files: scenario.files });
  const server = await startStandIn(state);
  try {
    const result = await runPullRequest(server.url, state, { number: 7, headSha: HEAD_SHA, baseSha: BASE_SHA, changedFiles: scenario.files.length });
    rmSync(dirname(result.workspace), { recursive: true, force: true });
    if (state.rejected.length > 0) throw new Error(`the stand-in rejected ${state.rejected.length} requests`);
    const comment = state.comments[0];
    if (!comment) throw new Error(`no comment posted (exit ${result.exitCode}): ${result.stdout.slice(-500)}`);
    return comment.body;
  } finally {
    await server.close();
  }
}

/** A page that looks like a GitHub comment: the header bar, github-markdown-css, Mermaid drawing ```mermaid blocks. */
function page(markdown, title) {
  const css = pathToFileURL(join(RENDER_MODULES, 'github-markdown-css', 'github-markdown-light.css')).href;
  const mermaid = pathToFileURL(join(RENDER_MODULES, 'mermaid', 'dist', 'mermaid.min.js')).href;
  const html = marked.parse(markdown, { gfm: true });
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${title}</title>
<link rel="stylesheet" href="${css}">
<style>
  body { margin: 0; padding: 16px; background: #fff; width: ${WIDTH - 32}px; }
  .comment { border: 1px solid #d0d7de; border-radius: 6px; }
  .header { background: #f6f8fa; border-bottom: 1px solid #d0d7de; border-radius: 6px 6px 0 0; padding: 8px 16px;
    font: 14px -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #59636e; }
  .header b { color: #1f2328; }
  .markdown-body { padding: 16px; font-size: 14px; }
  pre.mermaid { background: none; text-align: center; }
</style></head>
<body><div class="comment"><div class="header"><b>github-actions</b> bot commented</div>
<article class="markdown-body">${html}</article></div>
<script src="${mermaid}"></script>
<script>
  for (const code of document.querySelectorAll('pre > code.language-mermaid')) {
    const block = document.createElement('pre');
    block.className = 'mermaid';
    block.textContent = code.textContent;
    code.parentElement.replaceWith(block);
  }
  mermaid.initialize({ startOnLoad: false, theme: 'default', securityLevel: 'strict' });
  mermaid.run().finally(() => {
    const meta = document.createElement('meta');
    meta.name = 'page-height';
    meta.content = String(Math.ceil(document.documentElement.getBoundingClientRect().height));
    document.head.appendChild(meta);
  });
</script></body></html>`;
}

const CHROMIUM = process.env.CHROMIUM || ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--force-device-scale-factor=1', '--virtual-time-budget=20000'];

/** Two passes: one to learn the rendered page's height, one to take the picture at that height. */
function screenshot(htmlFile, pngFile) {
  const url = pathToFileURL(htmlFile).href;
  const dom = execFileSync(CHROMIUM, [...FLAGS, `--window-size=${WIDTH},1000`, '--dump-dom', url], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 64 * 2 ** 20,
  });
  const height = Number(/<meta name="page-height" content="(\d+)">/.exec(dom)?.[1]);
  if (!Number.isFinite(height) || height <= 0) throw new Error(`the page did not finish rendering: ${htmlFile}`);
  execFileSync(CHROMIUM, [...FLAGS, `--window-size=${WIDTH},${height + 32}`, `--screenshot=${pngFile}`, url], { stdio: 'ignore' });
}

if (!existsSync(ACTION_BUNDLE)) {
  console.error(`${ACTION_BUNDLE} is missing: run 'npm run package' first.`);
  process.exit(2);
}
if (!CHROMIUM) {
  console.error('No Chromium found: apt-get install chromium fonts-noto-color-emoji, or set CHROMIUM.');
  process.exit(2);
}
mkdirSync(OUT, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'ppc-screenshots-'));
try {
  for (const scenario of SCENARIOS) {
    const body = await commentFor(scenario);
    writeFileSync(join(OUT, `${scenario.name}.md`), body);
    const html = join(work, `${scenario.name}.html`);
    writeFileSync(html, page(body, scenario.title));
    screenshot(html, join(OUT, `${scenario.name}.png`));
    console.log(`docs/screenshots/${scenario.name}.png: ${scenario.title}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
