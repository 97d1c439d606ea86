// A small HTTP proxy in front of the test WebDAV server for the faults Apache cannot make on
// demand: an answer of 5xx or 507, a connection dropped before the answer or half way through
// an upload, a slow answer. It counts every request, so a test can prove there was no retry
// storm. Listens on 127.0.0.1 only.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

export type Fault =
  | { kind: 'status'; status: number }
  /** Closes the connection without an answer. */
  | { kind: 'drop' }
  /** Passes half of the request body on to the server, then cuts both connections. */
  | { kind: 'drop-mid' }
  | { kind: 'delay'; ms: number };

export interface SeenRequest {
  method: string;
  path: string;
  /** The status the client got; undefined when the connection was dropped. */
  status?: number;
}

export type FaultRule = (request: { method: string; path: string; index: number }) => Fault | null;

export interface FaultProxy {
  readonly url: string;
  readonly requests: SeenRequest[];
  /** Decides a fault (or none) for each request from now on. */
  setRule(rule: FaultRule | null): void;
  close(): Promise<void>;
}

export async function startFaultProxy(target: { port: number }): Promise<FaultProxy> {
  const requests: SeenRequest[] = [];
  let rule: FaultRule | null = null;

  const forward = (
    req: IncomingMessage,
    seen: SeenRequest,
    onResponse: (r: IncomingMessage) => void,
  ) =>
    httpRequest(
      {
        host: '127.0.0.1',
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      onResponse,
    ).on('error', () => {
      seen.status = undefined;
      req.socket.destroy();
    });

  const server: Server = createServer((req, res) => {
    const seen: SeenRequest = { method: req.method ?? '', path: req.url ?? '' };
    requests.push(seen);
    const fault = rule?.({ method: seen.method, path: seen.path, index: requests.length - 1 });
    if (fault?.kind === 'status') {
      req.resume();
      seen.status = fault.status;
      res.writeHead(fault.status, { 'content-type': 'text/plain' }).end('injected fault');
      return;
    }
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    const pass = () => {
      const upstream = forward(req, seen, (answer) => {
        seen.status = answer.statusCode;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      if (fault?.kind === 'drop-mid') {
        const total = Number(req.headers['content-length'] ?? 0);
        let sent = 0;
        req.on('data', (chunk: Buffer) => {
          const room = Math.max(0, Math.floor(total / 2) - sent);
          if (room > 0) upstream.write(chunk.subarray(0, room));
          sent += chunk.length;
          if (sent >= total / 2) {
            upstream.destroy();
            req.socket.destroy();
          }
        });
        return;
      }
      req.pipe(upstream);
    };
    if (fault?.kind === 'delay') setTimeout(pass, fault.ms);
    else pass();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/dav/`,
    requests,
    setRule(next) {
      rule = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
