/**
 * Serves a built site (default `dist/`) on 127.0.0.1 at a random port, under
 * an optional base path. For offline tests its network can be cut (open
 * connections dropped, new ones refused) and the build it serves swapped, to
 * stand for a new deploy. With `compress` it gzips text responses on the fly,
 * as a real host does (the benchmark uses it; tests measure raw bytes).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import sirv from 'sirv';

export interface StaticServer {
  /** e.g. "http://127.0.0.1:43121" */
  origin: string;
  /** origin + base, always ending in "/" */
  url: string;
  /** Request paths answered so far, in order. */
  served: string[];
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
  const server: Server = createServer((req, res) => {
    if (down) {
      req.socket.destroy();
      return;
    }
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const url = req.url ?? '/';
    served.push(url);
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${base}`,
    served,
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
