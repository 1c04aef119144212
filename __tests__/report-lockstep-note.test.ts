// A steady closed loop of equal requests is read as a fixed-length sweep whose clients stay in step
// (their prompts arrive together, as one wave; whether they queue is the engine's): where a plan
// judges a TTFT, the text report and the comment say so beside the figures (before: only in the
// JSON's assumptions, while a 5% spread of lengths moved the TTFT 3 to 6 times and flipped a
// verdict; a new user's review).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyLoadedPlan } from '../src/core/verify.js';
import { renderPlanMarkdown } from '../src/report/markdown.js';
import { renderPlanText } from '../src/report/text.js';
import { load } from './core-helpers.js';

const example = readFileSync('examples/llama-3.1-8b-1xh100.plan.yaml', 'utf8');
const report = (yaml: string) => verifyLoadedPlan(load(yaml, 'llama.plan.yaml'));
const NOTE =
  /TTFT under load assumes every request has 1024 prompt and 256 output tokens: the clients stay in step and their prompts arrive together, as one wave \(a fixed-length sweep\)/;

describe('the lockstep assumption beside a judged TTFT', () => {
  it('is said in the text and the markdown of a steady loop with a TTFT requirement', () => {
    const r = report(example);
    expect(renderPlanText(r)).toMatch(NOTE);
    expect(renderPlanMarkdown(r)).toMatch(NOTE);
  });
  it('is not said for a declared run of mixed lengths, nor where no TTFT is judged', () => {
    const run = report(
      example.replace('  concurrency: 32', '  concurrency: 32\n  benchmark: {requests: 320, input_range_ratio: 0.8, output_range_ratio: 0.8}'),
    );
    expect(renderPlanText(run)).not.toMatch(/TTFT under load assumes/);
    const noTtft = report(example.replace(/^ {2}ttft: .*$/m, ''));
    expect(renderPlanText(noTtft)).not.toMatch(/TTFT under load assumes/);
    expect(renderPlanMarkdown(noTtft)).not.toMatch(/TTFT under load assumes/);
  });
});
