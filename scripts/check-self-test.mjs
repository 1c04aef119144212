// The self-test workflow's last step (.github/workflows/self-test.yml): the action ran from this
// checkout on examples/; its step outputs must agree with the JSON report it wrote. On a push or a
// manual run every example is verified, and examples/seed.plan.yaml must fail; on a pull request
// only the examples it changes are, so the counts and verdict are checked, not which plans.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const VERDICT_RANK = { pass: 0, warn: 1, fail: 2, error: 3 };
export const SEED = 'examples/seed.plan.yaml';

/**
 * What is wrong with one run, as sentences (empty when nothing is).
 * outputs: the step outputs (verdict, plans-passed, ...); report: the parsed report-json;
 * examples: the example plan paths in the repository.
 */
export function selfTestProblems({ event, outputs, report, examples }) {
  const problems = [];
  const plans = report?.plans;
  if (!Array.isArray(plans)) return ['the JSON report has no plans list'];
  const count = (verdict) => plans.filter((p) => p.verdict === verdict).length;
  for (const verdict of ['pass', 'warn', 'fail', 'error']) {
    const name = verdict === 'pass' ? 'plans-passed' : verdict === 'warn' ? 'plans-warned' : verdict === 'fail' ? 'plans-failed' : 'plans-errored';
    if (outputs[name] !== String(count(verdict))) problems.push(`output ${name} is '${outputs[name]}', the report has ${count(verdict)}`);
  }
  const worst = plans.reduce((w, p) => (VERDICT_RANK[p.verdict] > VERDICT_RANK[w] ? p.verdict : w), 'pass');
  if (outputs.verdict !== worst) problems.push(`output verdict is '${outputs.verdict}', the worst plan in the report is '${worst}'`);
  if (report.verdict !== worst) problems.push(`the report's verdict is '${report.verdict}', its worst plan is '${worst}'`);
  const outside = plans.filter((p) => !examples.includes(p.file)).map((p) => p.file);
  if (outside.length > 0) problems.push(`plans outside examples/ were verified: ${outside.join(', ')}`);
  const errored = plans.filter((p) => p.verdict === 'error').map((p) => p.file);
  if (errored.length > 0) problems.push(`examples that are not valid plans: ${errored.join(', ')}`);
  if (event !== 'pull_request' && event !== 'pull_request_target') {
    const missing = examples.filter((file) => !plans.some((p) => p.file === file));
    if (missing.length > 0) problems.push(`examples not verified: ${missing.join(', ')}`);
    const seed = plans.find((p) => p.file === SEED);
    if (seed && seed.verdict !== 'fail') problems.push(`${SEED} is '${seed.verdict}': it must fail (its claimed throughput is impossible)`);
  }
  return problems;
}

function main() {
  const env = process.env;
  const outputs = {
    verdict: env.VERDICT,
    'plans-passed': env.PLANS_PASSED,
    'plans-warned': env.PLANS_WARNED,
    'plans-failed': env.PLANS_FAILED,
    'plans-errored': env.PLANS_ERRORED,
  };
  for (const path of [env.REPORT_JSON, env.REPORT_MARKDOWN]) {
    if (!path || !existsSync(path)) {
      console.error(`self-test: the report file '${path}' named by the action's outputs does not exist`);
      process.exit(1);
    }
  }
  const report = JSON.parse(readFileSync(env.REPORT_JSON, 'utf8'));
  const examples = readdirSync('examples')
    .filter((name) => name.endsWith('.plan.yaml'))
    .map((name) => `examples/${name}`);
  const problems = selfTestProblems({ event: env.EVENT_NAME, outputs, report, examples });
  for (const p of problems) console.error(`::error::self-test: ${p}`);
  console.log(`self-test (${env.EVENT_NAME}): verdict ${outputs.verdict}, ${report.plans.length} plans verified, ${problems.length} problems`);
  if (problems.length > 0) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
