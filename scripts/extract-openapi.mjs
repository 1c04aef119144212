// Extracts, from GitHub's published OpenAPI description (the @octokit/openapi package), the
// parameter and request-body schemas of ONLY the operations the action calls, into a small
// committed fixture that the e2e stand-in server validates every request against.
//
// @octokit/openapi is ~385 MB installed: never a project dependency. Fetch it outside the repo:
//   mkdir -p /tmp/oa && cd /tmp/oa && npm pack @octokit/openapi && tar xzf octokit-openapi-*.tgz
//   node scripts/extract-openapi.mjs /tmp/oa/package
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The operations the action calls (operationId as GitHub names them). */
const OPERATIONS = [
  'pulls/list-files',
  'repos/get-content',
  'git/get-tree',
  'issues/list-comments',
  'issues/create-comment',
  'issues/update-comment',
  'issues/delete-comment',
  'checks/create',
  'checks/update',
];

const OUTPUT = 'fixtures/github-openapi/operations.json';
const SCHEMA_NOISE = new Set(['description', 'example', 'examples', 'externalDocs', 'title']);

/** Drops prose from a schema (keeps property NAMES such as `title` or `description`). */
function clean(schema) {
  if (Array.isArray(schema)) return schema.map(clean);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (SCHEMA_NOISE.has(key) && typeof value !== 'object') continue;
    if (key === 'examples' || key === 'example') continue;
    if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, clean(s)]));
    } else {
      out[key] = clean(value);
    }
  }
  return out;
}

const packageDir = process.argv[2];
if (!packageDir) {
  console.error('usage: node scripts/extract-openapi.mjs <path to an unpacked @octokit/openapi package>');
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const spec = JSON.parse(readFileSync(join(packageDir, 'generated', 'api.github.com.deref.json'), 'utf8'));

const found = {};
for (const [path, item] of Object.entries(spec.paths)) {
  for (const [method, op] of Object.entries(item)) {
    if (!OPERATIONS.includes(op?.operationId)) continue;
    const body = op.requestBody?.content?.['application/json']?.schema;
    found[op.operationId] = {
      method: method.toUpperCase(),
      path,
      parameters: (op.parameters ?? []).map((p) => ({
        name: p.name,
        in: p.in,
        required: p.required === true,
        schema: clean(p.schema ?? {}),
      })),
      requestBody: body ? { required: op.requestBody.required === true, schema: clean(body) } : null,
      responses: Object.keys(op.responses ?? {}),
    };
  }
}
const missing = OPERATIONS.filter((id) => !found[id]);
if (missing.length > 0) throw new Error(`operations not in the spec: ${missing.join(', ')}`);

const fixture = {
  source: `${pkg.name}@${pkg.version}`,
  spec: 'generated/api.github.com.deref.json',
  openapi: spec.openapi,
  info_version: spec.info?.version,
  github_plan: spec.info?.['x-github-plan'],
  operations: OPERATIONS.map((id) => ({ operationId: id, ...found[id] })),
};
const outPath = new URL(`../__tests__/${OUTPUT}`, import.meta.url);
writeFileSync(outPath, `${JSON.stringify(fixture, null, 2)}\n`);
console.log(`wrote __tests__/${OUTPUT}: ${OPERATIONS.length} operations from ${fixture.source}`);
