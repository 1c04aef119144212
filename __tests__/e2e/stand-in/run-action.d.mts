// Types of run-action.mjs.
export const REPO_ROOT: string;
export const ACTION_BUNDLE: string;
export const BUNDLE_NODE: string;
export function pullRequestPayload(options: {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  baseSha: string;
  changedFiles: number;
  action?: string;
  fork?: boolean;
}): Record<string, unknown>;
export function pushPayload(options: { owner: string; repo: string; after: string }): Record<string, unknown>;
export function parseOutputFile(text: string): Record<string, string>;
export interface ActionRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  startedAt: number;
  wallMs: number;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
}
export function runAction(options: {
  apiUrl: string;
  token: string;
  owner: string;
  repo: string;
  eventName: string;
  payload: unknown;
  inputs?: Record<string, string>;
  workspace?: string;
  checkedOut?: string;
  files?: Record<string, string>;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<ActionRun>;
export function runPullRequest(
  apiUrl: string,
  state: { token: string; owner: string; repo: string },
  pull: { number: number; headSha: string; baseSha: string; changedFiles: number; action?: string; fork?: boolean },
  options?: {
    inputs?: Record<string, string>;
    workspace?: string;
    checkedOut?: string;
    files?: Record<string, string>;
    env?: Record<string, string>;
    timeoutMs?: number;
  },
): Promise<ActionRun>;
export interface WorkflowAnnotation {
  level: 'error' | 'warning' | 'notice';
  file?: string;
  line?: string;
  title?: string;
  message: string;
}
export function annotationsIn(stdout: string): WorkflowAnnotation[];
