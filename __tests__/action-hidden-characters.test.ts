// Characters that hide, or make a file name read as another (a right-to-left override, zero-width
// spaces and joiners, a byte-order mark, a soft hyphen, a lone surrogate), wherever a file name
// or plan text goes: markdown, the terminal, the log, annotations, the failure line and check-run
// names. Before: the zero-width ones went raw into the markdown, the log and the terminal, and
// every one of them raw into the annotations, the job's failure line and check-run names.
import { describe, expect, it } from 'vitest';
import { checkRunAnnotations, workflowAnnotationCommand } from '../src/action/annotations.js';
import { checkRunName } from '../src/action/check-runs.js';
import { escapeLogData, showHidden } from '../src/action/log.js';
import type { PlanReport } from '../src/core/index.js';
import { escapeHtml, escapeMarkdown, escapeTerminal } from '../src/report/escape.js';

const ZERO_WIDTH = ['\u00AD', '\u180E', '\u200B', '\u2060', '\u2061', '\u2064', '\uFEFF'];
const HIDDEN = [...ZERO_WIDTH, '\u202E', '\u2066', '\u200E', '\u2028', '\u0085', '\ud800'];
const RAW = /[\u00AD\u180E\u200B\u2060-\u2064\uFEFF\u202A-\u202E\u2066-\u2069\u200E\u200F\u2028\u2029\u0080-\u009F\ud800-\udfff]/u;

describe('zero-width characters, soft hyphens and lone surrogates are shown escaped', () => {
  it('in markdown, on a terminal and in the log', () => {
    for (const c of HIDDEN) {
      const name = `plans/a${c}b.plan.yaml`;
      const code = c.charCodeAt(0).toString(16).padStart(4, '0');
      for (const escapeText of [escapeMarkdown, escapeTerminal, escapeLogData]) {
        const shown = escapeText(name);
        expect(shown, `${escapeText.name} U+${code}`).not.toMatch(RAW);
        expect(shown, `${escapeText.name} U+${code}`).toMatch(new RegExp(`u${code}|x${code.slice(2)}`));
      }
    }
    // the zero-width space escapeMarkdown itself puts after @ still breaks the mention
    expect(escapeMarkdown('@octocat a\u200Bb')).toBe('@\u200Boctocat a\\\\u200bb');
    // a pair (an emoji) is no lone surrogate
    expect(escapeTerminal('\u{1F600}')).toBe('\u{1F600}');
  });
});

describe('file names in what the job shows', () => {
  const file = 'plans/prod\u202Elmay.txt\u200B.plan.yaml';
  const plan: PlanReport = {
    file,
    name: 'x',
    verdict: 'error',
    checks: [],
    metrics: null,
    errors: [{ message: `${file} could not be verified`, line: 3 }],
  };

  it('check-run names and their annotations show them escaped; the annotation path stays the file GitHub knows', () => {
    expect(checkRunName('ppc', file)).toBe('ppc / plans/prod\\u202elmay.txt\\u200b.plan.yaml');
    // and a name stays one line (before: p/a<LF>::error::x.plan.yaml made a check run named on two lines)
    expect(checkRunName('ppc', 'p/a\n::error::x\r.plan.yaml')).toBe('ppc / p/a\\n::error::x\\r.plan.yaml');
    const [annotation] = checkRunAnnotations(plan);
    expect(annotation?.message).not.toMatch(RAW);
    expect(annotation?.path).toBe(file);
  });

  it('workflow annotations: message and title escaped, the file property as it is (GitHub matches it to the diff)', () => {
    const command = workflowAnnotationCommand({ level: 'error', file, title: `about ${file}`, message: `2 more errors in ${file}` });
    expect(command.message).toBe('2 more errors in plans/prod\\u202elmay.txt\\u200b.plan.yaml');
    expect(command.properties.title).not.toMatch(RAW);
    expect(command.properties.file).toBe(file);
  });

  it('showHidden keeps line breaks (the toolkit escapes them in a command) and shows the rest', () => {
    expect(showHidden('a\u202Eb\nc\u00ADd')).toBe('a\\u202eb\nc\\xadd');
  });
});

describe('the rest of the characters that show as nothing (default-ignorable) are shown escaped', () => {
  // Before: tag characters (U+E0000-E007F, "ASCII smuggling": a whole sentence that renders as
  // nothing), Hangul fillers, variation selectors and the other default-ignorables went raw into the
  // comment, the terminal, the log and check-run names: plans/a.plan.yaml and plans/a<U+E0041>.plan.yaml read alike.
  const INVISIBLE = [
    '\u{E0041}',
    '\u{E0001}',
    '\u{E0100}',
    '\u3164',
    '\u115F',
    '\uFFA0',
    '\u034F',
    '\u180B',
    '\uFE00',
    '\u206A',
    '\u{1D173}',
    '\u{1BCA0}',
    '\uFFF9',
  ];
  it('in markdown, HTML, on a terminal, in the log and in check-run names', () => {
    for (const c of INVISIBLE) {
      const code = (c.codePointAt(0) as number).toString(16);
      const name = `plans/a${c}.plan.yaml`;
      for (const shown of [escapeMarkdown(name), escapeHtml(name), escapeTerminal(name), escapeLogData(name), showHidden(name), checkRunName('ppc', name)]) {
        expect(shown, `U+${code}`).not.toContain(c);
        expect(shown, `U+${code}`).toContain(code.length > 4 ? `u{${code}}` : `u${code.padStart(4, '0')}`);
      }
    }
  });
  it('keeps emoji whole: a pair, ZWJ sequences and the emoji presentation selector', () => {
    for (const emoji of ['\u{1F600}', '\u2764\uFE0F', '\u{1F469}\u200D\u{1F4BB}']) {
      expect(escapeMarkdown(emoji)).toBe(emoji);
      expect(escapeTerminal(emoji)).toBe(emoji);
      expect(showHidden(emoji)).toBe(emoji);
    }
  });
});
