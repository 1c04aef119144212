// The REST client: @actions/github's Octokit plus plugin-retry (5xx with back-off) and
// plugin-throttling (primary and secondary rate limits, honouring retry-after). The toolkit's
// proxy-aware request options are kept (`...defaults.request`): passing `request` alone drops them.
import { getOctokit } from '@actions/github';
import { defaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import { guardFetch, requestTimeoutFromEnv } from './fetch-guard.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  token: string;
  baseUrl?: string;
  /** one unit of back-off in ms (plugins' retryAfterBaseValue); 1000 in production */
  retryBaseMs: number;
  /** spacing of write requests in ms; GitHub asks for one second between content writes */
  writeIntervalMs: number;
  log: (message: string) => void;
  /** longest wait for one response before the attempt fails and is retried; default from the environment or 30 s */
  requestTimeoutMs?: number;
}

/** Where the REST API is when GITHUB_API_URL does not say (github.com). */
const DEFAULT_API_URL = 'https://api.github.com';

/** Retries per request, for rate limits and for server errors alike. */
const MAX_RETRIES = 3;
/**
 * The longest wait for a rate limit, in seconds: a secondary limit asks for a minute or so, but a
 * spent primary limit resets within the hour, and three such waits per request would hold the job
 * for hours. Past this the request fails, and the run reports what it could not do.
 */
export const MAX_RATE_LIMIT_WAIT_S = 120;

/**
 * Test hooks, read from the environment so the bundled action can be driven fast against a
 * local stand-in server: PARALLEL_PLAN_CHECK_RETRY_BASE_MS and PARALLEL_PLAN_CHECK_WRITE_INTERVAL_MS.
 */
export function timingFromEnv(env: NodeJS.ProcessEnv): { retryBaseMs: number; writeIntervalMs: number } {
  const read = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return env[name] !== undefined && env[name] !== '' && Number.isFinite(value) && value >= 0 ? value : fallback;
  };
  return {
    retryBaseMs: read('PARALLEL_PLAN_CHECK_RETRY_BASE_MS', 1000),
    writeIntervalMs: read('PARALLEL_PLAN_CHECK_WRITE_INTERVAL_MS', 1000),
  };
}

export function createClient(options: ClientOptions): GitHubClient {
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    const where = `GitHub ${kind} rate limit on ${request.method} ${request.url}`;
    if (retryAfter > MAX_RATE_LIMIT_WAIT_S) {
      options.log(`${where}: it resets in ${retryAfter} s, longer than the ${MAX_RATE_LIMIT_WAIT_S} s this action waits; giving up`);
      return false;
    }
    const retrying = retryCount < MAX_RETRIES;
    options.log(`${where}: ${retrying ? `retrying after ${retryAfter} s` : 'giving up'}`);
    return retrying;
  };
  return getOctokit(
    options.token,
    {
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      request: {
        ...defaults.request,
        fetch: guardFetch(defaults.request?.fetch ?? globalThis.fetch, {
          timeoutMs: options.requestTimeoutMs ?? requestTimeoutFromEnv(process.env),
          log: options.log,
          origin: new URL(options.baseUrl ?? DEFAULT_API_URL).origin,
        }),
      },
      // 429 joins plugin-retry's default list: rate limits are plugin-throttling's, which waits the
      // retry-after or reset GitHub gives (plugin-retry would try again after 1, 4 and 9 s).
      retry: { retryAfterBaseValue: options.retryBaseMs, retries: MAX_RETRIES, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
      throttle: {
        retryAfterBaseValue: options.retryBaseMs,
        fallbackSecondaryRateRetryAfter: 60,
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
        // Our own write queues, so their spacing can be set: the plugin's shared ones wait 1 s
        // between writes and 3 s between writes that notify people (comments), as GitHub asks.
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.writeIntervalMs }),
        notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 3 * options.writeIntervalMs }),
      },
    },
    retry,
    throttling,
  );
}

/** The HTTP status of an Octokit request error, if it is one. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * The line a run that stopped ends with. A 401 is the token itself (expired, revoked, mistyped in
 * the workflow): Octokit's "Bad credentials" alone does not say which setting to fix.
 */
export function stopMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (httpStatus(error) === 401) {
    return `GitHub refused the token (401: ${message}): check the github-token input (a personal or app token may be expired or revoked; the default is \${{ github.token }}). Nothing was verified.`;
  }
  return message;
}

/** A write refused because the token may not write (fork pull requests get a read-only token). */
export function isPermissionDenied(error: unknown): boolean {
  const status = httpStatus(error);
  if (status !== 403 && status !== 404) return false;
  const message = String((error as { message?: unknown }).message ?? '');
  return status === 403 ? !/rate limit/i.test(message) : /Resource not accessible/i.test(message);
}
