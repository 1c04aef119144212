// A local stand-in for the GitHub REST API, for end-to-end runs of the bundled action. It serves
// only the operations the action calls and REJECTS what GitHub would reject: an unknown route, a
// wrong method, a missing User-Agent, a missing or wrong token, parameters or a body that do not match the operation's
// published OpenAPI schema (extracted into ../../fixtures/github-openapi by
// scripts/extract-openapi.mjs). It keeps state (files per commit, pull request files, comments,
// check runs) so tests assert on the final state, and can inject faults (502, rate limits, 403).
//
// ajv validates the schemas: GitHub's description is JSON Schema (OpenAPI 3.0 dialect), and ajv is
// the maintained, widely used validator for it (no hand-rolled subset that could accept what GitHub refuses).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/github-openapi/operations.json', import.meta.url), 'utf8'));

/** GitHub's limit on a comment body (the published schema does not state it; the API answers 422). */
const COMMENT_BODY_LIMIT = 65_536;
/** GitHub lists at most this many files of a pull request; the rest are left out, with no error. */
const PULL_FILES_LIMIT = 3000;
const BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

function compileRoutes() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  // RFC 3339 date-time, as GitHub's schema uses for timestamps.
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  ajv.addFormat('int64', { type: 'number', validate: (n) => Number.isSafeInteger(n) });
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
  return fixture.operations.map((op) => {
    const names = [];
    const pattern = op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}|\{(\w+)\}/g, (_m, a, b) => {
      const name = a ?? b;
      names.push(name);
      return name === 'path' ? '(.+)' : '([^/]+)';
    });
    const params = Object.fromEntries(op.parameters.map((p) => [`${p.in}:${p.name}`, { ...p, validate: ajv.compile(p.schema) }]));
    return {
      ...op,
      regex: new RegExp(`^${pattern}$`),
      names,
      params,
      validateBody: op.requestBody ? ajv.compile(op.requestBody.schema) : null,
    };
  });
}

/**
 * GraphQL is one endpoint, outside the REST description: the stand-in answers the one query the
 * action sends (the token's login, `viewer { login }`) and refuses any other, as a schema would.
 */
const GRAPHQL_ROUTE = {
  operationId: 'graphql',
  method: 'POST',
  path: '/graphql',
  regex: /^\/graphql$/,
  names: [],
  params: {},
  requestBody: { required: true },
  validateBody: new Ajv({ strict: false }).compile({
    type: 'object',
    required: ['query'],
    properties: { query: { type: 'string' }, variables: { type: 'object' }, operationName: { type: 'string' } },
  }),
};
const VIEWER_LOGIN_QUERY = /^\s*(query\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/;

const ROUTES = [...compileRoutes(), GRAPHQL_ROUTE];

/** Turns a path or query string value into the type its schema wants, as GitHub's router does. */
function coerce(value, schema) {
  if (schema.type === 'integer' || schema.type === 'number') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (schema.type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

export function createState({ owner = 'octo-org', repo = 'plans-repo', token = 'ghs_standInToken0123456789' } = {}) {
  return {
    owner,
    repo,
    token,
    /** sha -> Map(path -> file text, or { symlink: target } for a symbolic link) */
    commits: new Map(),
    /** commits whose tree listing GitHub cuts short (truncated: true, half the entries) */
    truncatedTrees: new Set(),
    /** pull number -> { files: [{ filename, status, previous_filename? }], headSha? (the listed files' URLs name it, as GitHub's do) } */
    pulls: new Map(),
    comments: [],
    checkRuns: [],
    nextId: 1000,
    /** who the token posts as: the author of the comments it creates, and GraphQL's viewer */
    identity: BOT,
    /** the token may only read (fork pull requests) */
    readOnly: false,
    /** injected answers: { operationId, status, headers?, body?, times, pathIncludes? (only requests whose path holds it) } */
    faults: [],
    /** hold the first `parties` requests of an operation until all arrived: { operationId, parties } */
    barriers: [],
    /** called with (operationId, params) before each accepted request is answered: a test's way to change state mid-run */
    beforeHandle: null,
    /** every request: { method, path, operationId, status, at } */
    requests: [],
    /** requests refused because GitHub would refuse them: { method, path, reason } */
    rejected: [],
  };
}

function send(res, status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

function paginate(res, url, items, baseUrl) {
  const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30) || 30);
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n) => {
    const next = new URL(url.pathname + url.search, baseUrl);
    next.searchParams.set('page', String(n));
    next.searchParams.set('per_page', String(perPage));
    return next.toString();
  };
  const links = [];
  if (page < last) links.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
  if (page > 1) links.push(`<${link(1)}>; rel="first"`, `<${link(page - 1)}>; rel="prev"`);
  send(res, 200, items.slice((page - 1) * perPage, page * perPage), links.length ? { link: links.join(', ') } : {});
}

function fileEntry(path, text) {
  const bytes = Buffer.from(text, 'utf8');
  return { type: 'file', encoding: 'base64', size: bytes.length, name: path.split('/').pop(), path, sha: `blob-${path}`, content: bytes.toString('base64') };
}

const isLink = (value) => typeof value === 'object' && value !== null && !Buffer.isBuffer(value) && 'symlink' in value;

/** A link's target as a repository path (relative to the link's folder), or null when it leaves the repository. */
function linkTarget(path, target) {
  const parts = path.split('/').slice(0, -1);
  for (const part of target.split('/')) {
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

/**
 * The contents API's answer for a path, as GitHub gives it: a link to a file of the repository is
 * answered with that file (its own path and content); any other link is described as a symlink.
 */
function contentEntry(files, path) {
  const value = files.get(path);
  if (!isLink(value)) return fileEntry(path, value);
  const target = linkTarget(path, value.symlink);
  const resolved = target === null ? undefined : files.get(target);
  if (resolved !== undefined && !isLink(resolved)) return fileEntry(target, resolved);
  return { type: 'symlink', target: value.symlink, size: value.symlink.length, name: path.split('/').pop(), path, sha: `blob-${path}` };
}

function handlers(state, baseUrl) {
  const comment = (c) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    body: c.body,
    user: c.user,
    issue_url: `${baseUrl}/repos/${state.owner}/${state.repo}/issues/${c.issue_number}`,
    html_url: `https://github.example/${state.owner}/${state.repo}/pull/${c.issue_number}#issuecomment-${c.id}`,
    created_at: c.created_at,
    updated_at: c.updated_at,
  });
  const tooLong = (req, res) => {
    state.rejected.push({ method: req.method, path: req.url, reason: `comment body over ${COMMENT_BODY_LIMIT} characters` });
    send(res, 422, {
      message: 'Validation Failed',
      errors: [{ resource: 'IssueComment', code: 'unprocessable', field: 'data', message: 'Body is too long (maximum is 65536 characters)' }],
    });
  };
  // GitHub's URLs of a listed file name the pull request's head commit as it is now
  const fileUrls = (filename, sha) => {
    const path = filename.split('/').map(encodeURIComponent).join('/');
    return {
      blob_url: `https://github.example/${state.owner}/${state.repo}/blob/${sha}/${path}`,
      raw_url: `https://github.example/${state.owner}/${state.repo}/raw/${sha}/${path}`,
      contents_url: `${baseUrl}/repos/${state.owner}/${state.repo}/contents/${path}?ref=${sha}`,
    };
  };
  const denied = (res) =>
    send(res, 403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' });
  return {
    'pulls/list-files': ({ res, url, params }) => {
      const pull = state.pulls.get(params.pull_number);
      if (!pull) return send(res, 404, { message: 'Not Found' });
      const listed = pull.files.slice(0, PULL_FILES_LIMIT);
      paginate(
        res,
        url,
        listed.map((f) => ({ sha: 'f'.repeat(40), additions: 1, deletions: 0, changes: 1, ...(pull.headSha ? fileUrls(f.filename, pull.headSha) : {}), ...f })),
        baseUrl,
      );
    },
    'repos/get-content': ({ res, url, params }) => {
      const ref = url.searchParams.get('ref');
      const files = state.commits.get(ref);
      if (!files) return send(res, 404, { message: 'No commit found for the ref' });
      const path = params.path.replace(/^\/+|\/+$/g, '');
      if (files.has(path)) return send(res, 200, contentEntry(files, path));
      const inside = [...files.keys()].filter((p) => p.startsWith(`${path}/`));
      if (inside.length > 0)
        return send(
          res,
          200,
          inside.map((p) => ({ ...contentEntry(files, p), content: undefined })),
        );
      send(res, 404, { message: 'Not Found' });
    },
    'git/get-tree': ({ res, params }) => {
      const files = state.commits.get(params.tree_sha);
      if (!files) return send(res, 404, { message: 'Not Found' });
      const tree = [...files.entries()].map(([path, value]) =>
        isLink(value)
          ? { path, mode: '120000', type: 'blob', sha: `blob-${path}`, size: value.symlink.length }
          : { path, mode: '100644', type: 'blob', sha: `blob-${path}`, size: Buffer.byteLength(value) },
      );
      const truncated = state.truncatedTrees.has(params.tree_sha);
      send(res, 200, { sha: params.tree_sha, url: `${baseUrl}/tree`, tree: truncated ? tree.slice(0, Math.ceil(tree.length / 2)) : tree, truncated });
    },
    'issues/list-comments': ({ res, url, params }) => {
      paginate(res, url, state.comments.filter((c) => c.issue_number === params.issue_number).map(comment), baseUrl);
    },
    'issues/create-comment': ({ req, res, params, body }) => {
      if (state.readOnly) return denied(res);
      if (body.body.length > COMMENT_BODY_LIMIT) return tooLong(req, res);
      const now = new Date().toISOString();
      const c = { id: state.nextId++, issue_number: params.issue_number, body: body.body, user: state.identity, created_at: now, updated_at: now };
      state.comments.push(c);
      send(res, 201, comment(c));
    },
    'issues/update-comment': ({ req, res, params, body }) => {
      if (state.readOnly) return denied(res);
      const c = state.comments.find((x) => x.id === params.comment_id);
      if (!c) return send(res, 404, { message: 'Not Found' });
      if (body.body.length > COMMENT_BODY_LIMIT) return tooLong(req, res);
      c.body = body.body;
      c.updated_at = new Date().toISOString();
      send(res, 200, comment(c));
    },
    'issues/delete-comment': ({ res, params }) => {
      if (state.readOnly) return denied(res);
      const index = state.comments.findIndex((x) => x.id === params.comment_id);
      if (index < 0) return send(res, 404, { message: 'Not Found' });
      state.comments.splice(index, 1);
      res.writeHead(204).end();
    },
    graphql: ({ req, res, body }) => {
      if (!VIEWER_LOGIN_QUERY.test(body.query)) return reject(state, req, res, 400, `unsupported GraphQL query: ${body.query.slice(0, 80)}`);
      send(res, 200, { data: { viewer: { login: state.identity.login } } });
    },
    'checks/create': ({ res, body }) => {
      if (state.readOnly) return denied(res);
      const run = { id: state.nextId++, ...body, output: { ...body.output, annotations: [...(body.output?.annotations ?? [])] }, requests: 1 };
      state.checkRuns.push(run);
      send(res, 201, { id: run.id, name: run.name, head_sha: run.head_sha, status: run.status, conclusion: run.conclusion ?? null });
    },
    'checks/update': ({ res, params, body }) => {
      if (state.readOnly) return denied(res);
      const run = state.checkRuns.find((r) => r.id === params.check_run_id);
      if (!run) return send(res, 404, { message: 'Not Found' });
      const annotations = [...run.output.annotations, ...(body.output?.annotations ?? [])];
      Object.assign(run, body, { output: { ...run.output, ...body.output, annotations }, requests: run.requests + 1 });
      send(res, 200, { id: run.id, name: run.name, head_sha: run.head_sha, status: run.status, conclusion: run.conclusion ?? null });
    },
  };
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function reject(state, req, res, status, reason, body) {
  state.rejected.push({ method: req.method, path: req.url, reason });
  send(res, status, body ?? { message: reason });
}

/** Starts the stand-in on 127.0.0.1 (a free port); `url` is what GITHUB_API_URL should be. */
export async function startStandIn(state = createState()) {
  const barrierWaits = new Map();
  let baseUrl = '';
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, baseUrl);
      const record = { method: req.method, path: url.pathname + url.search, operationId: null, status: 0, at: Date.now() };
      state.requests.push(record);
      res.on('finish', () => (record.status = res.statusCode));

      const candidates = ROUTES.map((route) => ({ route, match: url.pathname.match(route.regex) })).filter((c) => c.match);
      if (candidates.length === 0)
        return reject(state, req, res, 404, 'unknown route', { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
      const hit = candidates.find((c) => c.route.method === req.method);
      if (!hit) return reject(state, req, res, 404, `wrong method ${req.method} for ${candidates[0].route.operationId}`, { message: 'Not Found' });
      const { route, match } = hit;
      record.operationId = route.operationId;

      // GitHub refuses requests without a User-Agent (403).
      if (!req.headers['user-agent'])
        return reject(state, req, res, 403, 'missing User-Agent header', {
          message: 'Request forbidden by administrative rules. Please make sure your request has a User-Agent header.',
        });
      const auth = req.headers.authorization ?? '';
      if (auth !== `token ${state.token}` && auth !== `Bearer ${state.token}`) {
        return reject(state, req, res, 401, 'missing or wrong authorization header', {
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest',
        });
      }

      const params = {};
      for (const [index, name] of route.names.entries()) {
        const spec = route.params[`path:${name}`];
        const value = coerce(decodeURIComponent(match[index + 1]), spec?.schema ?? {});
        if (spec && !spec.validate(value)) return reject(state, req, res, 404, `path parameter ${name}=${value} does not match its schema`);
        params[name] = value;
      }
      for (const [key, spec] of Object.entries(route.params)) {
        if (!key.startsWith('query:')) continue;
        const raw = url.searchParams.get(spec.name);
        if (raw === null) {
          if (spec.required) return reject(state, req, res, 422, `query parameter ${spec.name} is required`);
          continue;
        }
        if (!spec.validate(coerce(raw, spec.schema))) return reject(state, req, res, 422, `query parameter ${spec.name}=${raw} does not match its schema`);
      }

      const text = await readBody(req);
      let body;
      if (route.validateBody) {
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          return reject(state, req, res, 400, 'body is not JSON', { message: 'Problems parsing JSON' });
        }
        if (body === undefined && route.requestBody.required) return reject(state, req, res, 422, 'request body is required', { message: 'Invalid request.' });
        if (body !== undefined && !route.validateBody(body)) {
          const detail = route.validateBody.errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
          return reject(state, req, res, 422, `body does not match the schema of ${route.operationId}: ${detail}`, {
            message: `Invalid request.\n\n${detail}`,
          });
        }
      } else if (text !== '' && req.method !== 'GET' && req.method !== 'DELETE') {
        return reject(state, req, res, 400, 'unexpected body');
      }

      const barrier = state.barriers.find((b) => b.operationId === route.operationId && b.parties > 0);
      if (barrier) {
        barrier.parties--;
        const waiting = barrierWaits.get(barrier) ?? [];
        barrierWaits.set(barrier, waiting);
        if (barrier.parties > 0) {
          await new Promise((resolve) => {
            waiting.push(resolve);
            setTimeout(resolve, barrier.timeoutMs ?? 5000);
          });
        } else {
          for (const release of waiting) release();
        }
      }

      state.beforeHandle?.(route.operationId, params);
      const path = decodeURIComponent(url.pathname);
      const fault = state.faults.find((f) => f.operationId === route.operationId && f.times > 0 && (!f.pathIncludes || path.includes(f.pathIncludes)));
      if (fault) {
        fault.times--;
        return send(res, fault.status, fault.body ?? { message: 'Server Error' }, fault.headers ?? {});
      }
      handlers(state, baseUrl)[route.operationId]({ req, res, url, params, body });
    } catch (error) {
      send(res, 500, { message: `stand-in failure: ${error.message}` });
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${server.address().port}`;
  return {
    url: baseUrl,
    state,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** Sets the files of a commit (path -> text). */
export function addCommit(state, sha, files) {
  state.commits.set(sha, new Map(Object.entries(files)));
}
