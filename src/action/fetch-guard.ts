// The fetch under the REST client, with two guards the client lacks: a time limit per request
// (a response that never comes would hang the job until GitHub kills it after 6 hours), and a log
// line for every failed attempt (server error, reset connection, timeout), so the job log says
// what happened even when a retry then succeeds. Retrying itself stays with plugin-retry: a
// timeout or a network failure reaches it as a status-500 RequestError, which it retries.

/** How long one request may wait for GitHub's answer; PARALLEL_PLAN_CHECK_REQUEST_TIMEOUT_MS overrides it (tests). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export function requestTimeoutFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.PARALLEL_PLAN_CHECK_REQUEST_TIMEOUT_MS;
  const value = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(value) && value > 0 ? value : DEFAULT_REQUEST_TIMEOUT_MS;
}

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

function describe(input: string | URL | Request, init: RequestInit | undefined): string {
  const url = urlOf(input);
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // keep the raw text
  }
  return `${init?.method ?? 'GET'} ${path}`;
}

function reason(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } } | null;
  if (e?.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
  const code = e?.cause?.code ?? e?.cause?.message;
  return code ? `${e?.message ?? 'failed'} (${code})` : (e?.message ?? String(error));
}

function urlOf(input: string | URL | Request): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

/**
 * `origin`: the API's origin. A request anywhere else is refused before it is sent, so the token
 * in its Authorization header never leaves for another host: Octokit follows the `link` header of
 * a paginated answer, which names the next page's full URL.
 */
export function guardFetch(base: Fetch, options: { timeoutMs: number; log: (message: string) => void; origin?: string }): Fetch {
  return async (input, init) => {
    if (options.origin !== undefined) {
      let origin: string | undefined;
      try {
        origin = new URL(urlOf(input)).origin;
      } catch {
        origin = undefined;
      }
      if (origin !== options.origin) {
        throw new Error(
          `refused a request to ${origin ?? 'an unreadable URL'}: the API is at ${options.origin}, and the token is sent nowhere else (a pagination link pointed away?)`,
        );
      }
    }
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const what = describe(input, init);
    try {
      const response = await base(input, { ...init, signal });
      if (response.status >= 500) options.log(`GitHub answered ${response.status} to ${what}; retrying with back-off.`);
      return response;
    } catch (error) {
      options.log(`GitHub request ${what} failed: ${reason(error, options.timeoutMs)}; retrying with back-off.`);
      throw error;
    }
  };
}
