import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { combineReports } from '../src/core/verdict.js';
import { boundedNotes } from '../src/action/comment-body.js';
import { escapeCell, escapeLine, escapeMarkdown, escapeName, escapeTerminal } from '../src/report/escape.js';
import { importedSection } from '../src/report/imported.js';
import { renderReportMarkdown } from '../src/report/markdown.js';
import { renderText } from '../src/report/text.js';
import { llama70bReport, twoStageReport } from './fixtures/reports/plans.js';

const HOSTILE = 'evil | col `code` <img src=x onerror=alert(1)> &amp; [link](https://evil.example) *b* _i_ @octocat #123\n# Heading\n<!-- marker -->';

/** Pipes that end a table cell: those not preceded by an odd number of backslashes. */
function cellSeparators(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== '|') continue;
    let slashes = 0;
    for (let j = i - 1; j >= 0 && line[j] === '\\'; j--) slashes++;
    if (slashes % 2 === 0) count++;
  }
  return count;
}

function hostileReport() {
  const plan = llama70bReport({ name: HOSTILE, file: 'plans/@team #1 |x|.plan.yaml' });
  plan.checks = plan.checks.map((c) => ({ ...c, detail: `${c.detail} quoting ${HOSTILE}` }));
  plan.errors = [{ message: HOSTILE, path: 'model.`x`', line: 3 }];
  plan.details!.assumptions.push({ name: HOSTILE, value: HOSTILE, source: 'plan' });
  return combineReports([plan, twoStageReport()]);
}

describe('names and file paths', () => {
  it('show a line break as \\n, not <br>: a name cannot put a line of its own beside a verdict', () => {
    expect(escapeName('prod.plan.yaml\nz')).toBe('prod.plan.yaml\\\\nz');
    expect(escapeName('a\r\nb')).toBe('a\\\\r\\\\nb');
    const plan = llama70bReport({ name: 'prod.plan.yaml\nz', file: 'nl/prod.plan.yaml\nz.plan.yaml' });
    const md = renderReportMarkdown(combineReports([plan, twoStageReport()]));
    expect(md).not.toMatch(/prod\.plan\.yaml<br>z/);
    expect(md).toContain('File: nl/prod.plan.yaml\\\\nz.plan.yaml');
  });
});

describe('one-line texts that quote names: notes, import origins', () => {
  it('show a line break as \\n, not <br>', () => {
    const note = boundedNotes(['Removed by this pull request, not verified: prod.plan.yaml\n✅ z.plan.yaml.']);
    expect(note).not.toContain('<br>');
    expect(note).toContain('prod.plan.yaml\\\\n✅ z.plan.yaml');
    const imported = importedSection({ 'model.layers': 'serve.sh\nz:3' });
    expect(imported).toContain('serve.sh\\\\nz:3');
    expect(escapeLine('a\r\nb')).toBe('a\\\\r\\\\nb');
  });
});

describe('escaping text that comes from a plan', () => {
  const md = renderReportMarkdown(hostileReport());

  it('keeps every table row at its column count', () => {
    const tableLines = md.split('\n').filter((l) => l.startsWith('|'));
    expect(tableLines.length).toBeGreaterThan(10);
    // group consecutive rows by their header and compare with it
    let expected = 0;
    for (const [i, line] of tableLines.entries()) {
      const next = tableLines[i + 1];
      if (next !== undefined && /^\|( -+ \|)+$/.test(next)) expected = cellSeparators(line);
      expect(cellSeparators(line), line).toBe(expected);
    }
  });

  it('lets no HTML, link, emphasis, heading or comment through', () => {
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<!--');
    expect(md).not.toContain('](https://');
    expect(md).not.toMatch(/^#+ Heading/m);
    expect(md).not.toMatch(/(^|[^\\])\*b\*/);
    expect(md).not.toMatch(/(^|[^\\])`code`/);
    expect(md).toContain('&lt;img');
  });

  it('breaks @mentions and #123 references', () => {
    expect(md).not.toMatch(/@octocat/);
    expect(md).toContain('@\u200Boctocat');
    expect(md).not.toMatch(/#123/);
    expect(md).toContain('#\u200B123');
    expect(md).not.toMatch(/@team/);
  });

  it('escapes each markdown character', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('x\ny')).toBe('x<br>y');
    expect(escapeMarkdown('a & <b>')).toBe('a &amp; &lt;b&gt;');
    expect(escapeMarkdown('[x]')).toBe('\\[x\\]');
    expect(escapeMarkdown('# title')).toBe('\\# title');
    expect(escapeMarkdown('a\\|b')).toBe('a\\\\\\|b');
  });

  it('keeps terminal control sequences out of the text report', () => {
    const plan = llama70bReport({ name: 'x\u001b[2J\u001b]0;owned\u0007' });
    const text = renderText(combineReports([plan]));
    expect(text).not.toContain('\u001b');
    expect(text).toContain('\\x1b[2J');
    expect(escapeTerminal('a\rb')).toBe('a\\x0db');
  });
});

describe('references, commits, math and hidden characters (issue 16)', () => {
  it('breaks GH-123 and #123 references and commit-like hex so GitHub links none of them', () => {
    expect(escapeMarkdown('see GH-42 and gh-7')).toBe('see GH-\u200B42 and gh-\u200B7');
    const sha = '0123456789abcdef0123456789abcdef01234567';
    expect(escapeMarkdown(`fixed in ${sha}`)).toBe(`fixed in 012345\u200B6789abcdef0123456789abcdef01234567`);
    expect(escapeMarkdown('short deadbee1 and plain 12345678 and word abcdefab')).toBe('short deadbe\u200Be1 and plain 12345678 and word abcdefab');
  });

  it('turns $ into an entity, so no $...$ or $$...$$ becomes math, and keeps # references broken', () => {
    expect(escapeMarkdown('costs $5 and $x^2$ or $$\\int$$')).toBe('costs &#36;5 and &#36;x^2&#36; or &#36;&#36;\\\\int&#36;&#36;');
    expect(escapeMarkdown('$#1')).toBe('&#36;\\#\u200B1');
    expect(escapeMarkdown('a $ b')).not.toContain('$');
  });

  it('shows control and bidirectional characters escaped, in markdown and on a terminal', () => {
    // U+202E RIGHT-TO-LEFT OVERRIDE makes "evil\u202Elmay.exe" display as "evilexe.yaml"
    expect(escapeMarkdown('evil\u202Elmay.exe')).toBe('evil\\\\u202elmay.exe');
    expect(escapeMarkdown('a\u001b[31mb')).toBe('a\\\\x1b\\[31mb');
    expect(escapeMarkdown('a\u2066b\u2069c\u200Fd')).toBe('a\\\\u2066b\\\\u2069c\\\\u200fd');
    expect(escapeTerminal('evil\u202Elmay.exe')).toBe('evil\\u202elmay.exe');
    expect(escapeTerminal('x\u2067y')).toBe('x\\u2067y');
    const plan = llama70bReport({ name: 'plan\u202Eeman' });
    expect(renderText(combineReports([plan]))).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(renderReportMarkdown(combineReports([plan]))).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});

/** cmark-gfm with GitHub's extensions, where it is installed: the hrefs a comment would get. */
function renderedLinks(markdown: string): string[] | null {
  const run = spawnSync('cmark-gfm', ['-e', 'autolink', '-e', 'table', '-e', 'strikethrough', '-e', 'tagfilter'], { input: markdown, encoding: 'utf8' });
  if (run.error || run.status !== 0) return null;
  return [...run.stdout.matchAll(/href="([^"]*)"/g)].map((m) => m[1] as string);
}

describe("links GitHub's autolink extension would make", () => {
  // GFM links http://, https:// and ftp:// whatever precedes the scheme (a digit, `_`), www. after
  // `_`, `~` or `(`, and emails, bare or after mailto: or xmpp:
  const HOSTILE_LINKS = [
    'Login_https://evil.example/verify',
    'v2_www.evil.example',
    'prod-1https://evil.example/x',
    'HTTPS://evil.example',
    'x~www.evil.example (www.evil.example WWW.evil.example',
    'ftp://evil.example ssh://evil.example',
    'a@b.co mailto:a@b.co xmpp:a@b.co/x',
    'a@_evil.co b@-evil.co',
  ];

  it('breaks every :// and every www., whatever precedes them', () => {
    expect(escapeMarkdown('Login_https://evil.example/verify')).toBe('Login\\_https:\u200B//evil.example/verify');
    expect(escapeMarkdown('v2_www.evil.example')).toBe('v2\\_www\u200B.evil.example');
    expect(escapeMarkdown('prod-1https://evil.example/x')).toBe('prod-1https:\u200B//evil.example/x');
    for (const text of HOSTILE_LINKS) {
      expect(escapeMarkdown(text)).not.toContain('://');
      expect(escapeMarkdown(text)).not.toMatch(/www\./i);
    }
  });

  it("breaks an email's @, also before a character markdown escapes", () => {
    expect(escapeMarkdown('a@b.co')).toBe('a@\u200Bb.co');
    expect(escapeMarkdown('a@_evil.co')).toBe('a@\u200B\\_evil.co');
  });

  it.skipIf(renderedLinks('x') === null)('cmark-gfm renders none of them as a link, in a paragraph or a table cell', () => {
    for (const text of HOSTILE_LINKS) {
      expect(renderedLinks(escapeMarkdown(text)), text).toEqual([]);
      expect(renderedLinks(`| a |\n| - |\n| ${escapeCell(text)} |\n`), text).toEqual([]);
    }
    // the check itself sees links
    expect(renderedLinks(HOSTILE_LINKS[0] as string)).toEqual(['https://evil.example/verify']);
  });
});

describe('escapeHtml (text inside <summary>, where markdown is not parsed)', () => {
  it('encodes HTML, breaks mentions, references and links, and keeps one line, without backslashes', async () => {
    const { escapeHtml } = await import('../src/report/escape.js');
    const out = escapeHtml('@everyone <img src=x> [click](https://evil.example) #1\nnext *x*');
    expect(out).toBe('@\u200Beveryone &lt;img src=x&gt; [click](https:\u200B//evil.example) #\u200B1 next *x*');
    expect(out).not.toContain('](https://');
    expect(escapeHtml('evil\u202Elmay $x$ GH-1 0123456789abcdef')).toBe('evil\\u202elmay &#36;x&#36; GH-\u200B1 012345\u200B6789abcdef');
  });
});

describe('withoutMath (our own dollar figures)', () => {
  it('entity-encodes every $ outside code, so "$0.88 ... $0.40" on one line is not math', async () => {
    const { withoutMath } = await import('../src/report/escape.js');
    expect(withoutMath('cost $0.88, bound $0.40')).toBe('cost &#36;0.88, bound &#36;0.40');
    expect(withoutMath('run `a $b` then\n```mermaid\nx $y\n```\n$1')).toBe('run `a $b` then\n```mermaid\nx $y\n```\n&#36;1');
  });
});
