// Faults that the stand-in GitHub server cannot answer with a status code: a connection reset
// mid-request, an answer that comes too late, and a change of state between two requests (a
// comment deleted after the action listed it). A small HTTP proxy in front of the stand-in; the
// action is pointed at the proxy. Each rule fires on requests that match it, `times` times.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';

export interface ProxyRule {
  /** matches "METHOD /path" (path without the query) */
  match: RegExp;
  /** how many matching requests it acts on */
  times: number;
  /** reset: drop the connection without answering; delay: answer after `ms`; before: run `run` then forward */
  action: { kind: 'reset' } | { kind: 'delay'; ms: number } | { kind: 'before'; run: () => void };
}

export interface FaultProxy {
  url: string;
  rules: ProxyRule[];
  /** what the proxy did: "reset POST /repos/..." */
  events: string[];
  close(): Promise<void>;
}

function forward(target: URL, req: IncomingMessage, body: Buffer, res: ServerResponse): void {
  const upstream = httpRequest(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => res.destroy());
  upstream.end(body);
}

export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const rules: ProxyRule[] = [];
  const events: string[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const key = `${req.method} ${new URL(req.url ?? '/', 'http://x').pathname}`;
    const rule = rules.find((r) => r.times > 0 && r.match.test(key));
    if (!rule) return forward(target, req, body, res);
    rule.times--;
    events.push(`${rule.action.kind} ${key}`);
    switch (rule.action.kind) {
      case 'reset':
        req.socket.destroy();
        return;
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, (rule.action as { ms: number }).ms));
        if (res.destroyed || req.socket.destroyed) return; // the client gave up meanwhile
        return forward(target, req, body, res);
      case 'before':
        rule.action.run();
        return forward(target, req, body, res);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    rules,
    events,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
