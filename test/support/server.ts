/** Serves a built site (default `dist/`) on 127.0.0.1 at a random port, under an optional base path. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  /** e.g. "http://127.0.0.1:43121" */
  origin: string;
  /** origin + base, always ending in "/" */
  url: string;
  close: () => Promise<void>;
}

/**
 * `headers` are sent with every response, e.g. the `/*` block of `_headers`,
 * as a host that reads that file would.
 */
export async function serve(
  dir = 'dist',
  base = '/',
  headers: Record<string, string> = {},
): Promise<StaticServer> {
  const handler = sirv(dir, { dev: false, etag: true, extensions: ['html'] });
  const server: Server = createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const url = req.url ?? '/';
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
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
