// An invalid plan (verdict error) is named in the reports as a valid one is: by its `name:` when the
// YAML parsed and gives a plain string, else by its file.
import { describe, expect, it } from 'vitest';
import { verifyPlanText } from '../src/core/index.js';
import { combineReports } from '../src/core/verdict.js';
import { renderJson } from '../src/report/json.js';
import { renderText } from '../src/report/text.js';

const none = () => ({ error: 'none' });
const invalid = (name: string) => `version: 1\nname: ${name}\nmodel: {preset: llama-3.1-8b}\nhardware: {preset: h100-sxm, gpus: 1}\nparallelism: {tp: 0}\n`;

describe('the name of a plan with errors', () => {
  it("is its name: when the YAML parsed and gives one (JSON and text), as a valid plan's is", () => {
    const report = verifyPlanText('plans/a.plan.yaml', invalid('llama-8b-tp0'), none);
    expect(report.verdict).toBe('error');
    expect(report.name).toBe('llama-8b-tp0');
    const json = JSON.parse(renderJson(combineReports([report])));
    expect(json.plans[0].name).toBe('llama-8b-tp0');
    expect(json.plans[0].file).toBe('plans/a.plan.yaml');
    expect(renderText(combineReports([report]))).toContain('ERROR plans/a.plan.yaml (llama-8b-tp0)');
  });
  it('is the file when the name is not a plain string, is blank, or the YAML did not parse', () => {
    expect(verifyPlanText('b.plan.yaml', invalid('{x: 1}'), none).name).toBe('b.plan.yaml');
    expect(verifyPlanText('b.plan.yaml', invalid('"  "'), none).name).toBe('b.plan.yaml');
    expect(verifyPlanText('b.plan.yaml', invalid(`"${'n'.repeat(201)}"`), none).name).toBe('b.plan.yaml');
    expect(verifyPlanText('b.plan.yaml', 'name: [unclosed\n', none).name).toBe('b.plan.yaml');
  });
  it('reaches the terminal with its control characters escaped, as a valid name does', () => {
    const report = verifyPlanText('c.plan.yaml', invalid('"evil\\e[31mred"'), none);
    expect(report.name).toBe('evil\u001b[31mred');
    expect(renderText(combineReports([report]))).not.toContain('\u001b');
  });
});
