// Types of server.mjs (plain JavaScript so that `npm run demo` and the bench run it without a build).
export interface ChangedFile {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previous_filename?: string;
}
export interface StoredComment {
  id: number;
  issue_number: number;
  body: string;
  user: { login: string; type: string; id?: number };
  created_at: string;
  updated_at: string;
}
export interface StoredAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title?: string;
  message: string;
}
export interface StoredCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status?: string;
  conclusion?: string;
  details_url?: string;
  output: { title: string; summary: string; text?: string; annotations: StoredAnnotation[] };
  /** create + updates */
  requests: number;
}
export interface Fault {
  operationId: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  times: number;
  /** only requests whose (decoded) path holds this text */
  pathIncludes?: string;
}
export interface StandInState {
  owner: string;
  repo: string;
  token: string;
  /** path -> text (a Buffer for bytes), or a symbolic link */
  commits: Map<string, Map<string, string | Buffer | { symlink: string }>>;
  /** commits whose tree listing comes back truncated */
  truncatedTrees: Set<string>;
  /** headSha: the pull request's head now; the listed files' URLs (contents_url, blob_url, raw_url) name it, as GitHub's do */
  pulls: Map<number, { files: ChangedFile[]; headSha?: string }>;
  comments: StoredComment[];
  checkRuns: StoredCheckRun[];
  nextId: number;
  /** who the token posts as (default github-actions[bot]): author of created comments, GraphQL's viewer */
  identity: { login: string; id?: number; type: string };
  readOnly: boolean;
  faults: Fault[];
  barriers: { operationId: string; parties: number; timeoutMs?: number }[];
  beforeHandle: ((operationId: string, params: Record<string, string | number>) => void) | null;
  requests: { method: string; path: string; operationId: string | null; status: number; at: number }[];
  rejected: { method: string; path: string; reason: string }[];
}
export interface StandIn {
  url: string;
  state: StandInState;
  close(): Promise<void>;
}
export function createState(options?: { owner?: string; repo?: string; token?: string }): StandInState;
export function startStandIn(state?: StandInState): Promise<StandIn>;
export function addCommit(state: StandInState, sha: string, files: Record<string, string | Buffer | { symlink: string }>): void;
