/**
 * Serves a built site (default `dist/`) on 127.0.0.1 at a random port, under
 * an optional base path. For offline tests its network can be cut (open
 * connections dropped, new ones refused) and the build it serves swapped, to
 * stand for a new deploy. With `compress` it gzips text responses on the fly,
 * as a real host does (the benchmark uses it; tests measure raw bytes).
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import compression from 'compression';
import sirv from 'sirv';

export interface StaticServer {
  /** e.g. "http://127.0.0.1:43121" */
  origin: string;
  /** origin + base, always ending in "/" */
  url: string;
  /** Request paths answered so far, in order. */
  served: string[];
  /** The same requests, with their headers. */
  requests: { url: string; headers: IncomingHttpHeaders }[];
  /** Bytes sent so far on every connection, headers included. */
  bytesSent: () => number;
  /**
   * Leaves unanswered the requests `match` picks after the first `after` of
   * them, until `release()` (which drops the ones held).
   */
  hold: (after: number, match: (req: IncomingMessage) => boolean) => void;
  release: () => void;
  /** Cuts the network: drops every connection and refuses new ones. */
  cut: () => void;
  /** Serves another build from now on. */
  serveDir: (dir: string) => void;
  close: () => Promise<void>;
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const files = (dir: string) => sirv(dir, { dev: false, etag: true, extensions: ['html'] });

/**
 * `headers` are sent with every response, e.g. the `/*` block of `_headers`,
 * as a host that reads that file would.
 */
export async function serve(
  dir = 'dist',
  base = '/',
  headers: Record<string, string> = {},
  options: { compress?: boolean } = {},
): Promise<StaticServer> {
  let handler = files(dir);
  // compression() is Express middleware; it only uses what node:http provides.
  const gzip = options.compress ? (compression() as unknown as Middleware) : undefined;
  let down = false;
  const served: string[] = [];
  const requests: StaticServer['requests'] = [];
  let holding:
    { after: number; seen: number; match: (req: IncomingMessage) => boolean } | undefined;
  const held: Socket[] = [];
  const sockets = new Set<Socket>();
  let closedBytes = 0;
  const server: Server = createServer((req, res) => {
    if (down) {
      req.socket.destroy();
      return;
    }
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const url = req.url ?? '/';
    served.push(url);
    requests.push({ url, headers: req.headers });
    if (holding?.match(req) && holding.seen++ >= holding.after) {
      held.push(req.socket);
      return;
    }
    if (!url.startsWith(base)) {
      res.statusCode = 404;
      res.end('outside base');
      return;
    }
    req.url = `/${url.slice(base.length)}`;
    const send = () =>
      handler(req, res, () => {
        res.statusCode = 404;
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end('<!doctype html><title>404</title><h1>Not found</h1>');
      });
    if (gzip) gzip(req, res, send);
    else send();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      closedBytes += socket.bytesWritten;
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${base}`,
    served,
    requests,
    bytesSent: () => [...sockets].reduce((sum, s) => sum + s.bytesWritten, closedBytes),
    hold: (after, match) => {
      holding = { after, seen: 0, match };
    },
    release: () => {
      holding = undefined;
      for (const socket of held.splice(0)) socket.destroy();
    },
    cut: () => {
      down = true;
      server.closeAllConnections();
    },
    serveDir: (next) => {
      handler = files(next);
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
