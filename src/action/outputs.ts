// The step's outputs: the verdict, plans counted by verdict, and the paths of the markdown and
// JSON reports written under the runner's temp folder, in a folder of this step's own: two steps of
// one job (check-name gpu-plans and tpu-plans) share RUNNER_TEMP, and a fixed path would let the
// second overwrite the report the first step's outputs point at.
import * as core from '@actions/core';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../core/index.js';
import { countVerdicts } from './result.js';
import type { ScopeGaps } from './run-scope.js';

export async function writeReportFiles(markdown: string, json: string, runnerTemp: string | undefined): Promise<{ markdownPath: string; jsonPath: string }> {
  const parent = join(runnerTemp || tmpdir(), 'parallel-plan-check');
  await mkdir(parent, { recursive: true });
  const folder = await mkdtemp(join(parent, 'step-'));
  const markdownPath = join(folder, 'report.md');
  const jsonPath = join(folder, 'report.json');
  await writeFile(markdownPath, markdown);
  await writeFile(jsonPath, json);
  return { markdownPath, jsonPath };
}

/**
 * `report.verdict` is already error when plans went unverified (run-scope.ts). The counts are
 * disjoint: a plan never verified (over the cap, a read refused or failed) is in plans-unverified,
 * not in plans-errored, which counts files that are not valid plans.
 */
export function setOutputs(report: Report, paths: { markdownPath: string; jsonPath: string }, gaps: ScopeGaps = { files: [], doubts: [] }): void {
  const unverified = new Set(gaps.files);
  const counts = countVerdicts(report.plans.filter((p) => !unverified.has(p.file)));
  core.setOutput('verdict', report.verdict);
  core.setOutput('plans-passed', counts.pass);
  core.setOutput('plans-warned', counts.warn);
  core.setOutput('plans-failed', counts.fail);
  core.setOutput('plans-errored', counts.error);
  core.setOutput('plans-unverified', unverified.size);
  core.setOutput('report-markdown', paths.markdownPath);
  core.setOutput('report-json', paths.jsonPath);
}
