/**
 * Serves a built site (default `dist/`) on 127.0.0.1 at a random port, under
 * an optional base path. For offline tests its network can be cut (open
 * connections dropped, new ones refused) and the build it serves swapped, to
 * stand for a new deploy.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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

const files = (dir: string) => sirv(dir, { dev: false, etag: true, extensions: ['html'] });

/**
 * `headers` are sent with every response, e.g. the `/*` block of `_headers`,
 * as a host that reads that file would.
 */
export async function serve(
  dir = 'dist',
  base = '/',
  headers: Record<string, string> = {},
): Promise<StaticServer> {
  let handler = files(dir);
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
    handler(req, res, () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end('<!doctype html><title>404</title><h1>Not found</h1>');
    });
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
