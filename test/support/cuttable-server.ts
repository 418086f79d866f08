/**
 * A static server for offline tests: like `serve()`, but its network can be
 * cut (every open connection dropped, every new one refused) and the build it
 * serves can be swapped, to stand for a new deploy.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface CuttableServer {
  origin: string;
  url: string;
  /** Paths requested while the network was up, in order. */
  served: string[];
  cut: () => void;
  serveDir: (dir: string) => void;
  close: () => Promise<void>;
}

export async function serveCuttable(dir: string, base = '/'): Promise<CuttableServer> {
  let handler = sirv(dir, { dev: true, etag: true, extensions: ['html'] });
  let down = false;
  const served: string[] = [];
  const server: Server = createServer((req, res) => {
    if (down) {
      req.socket.destroy();
      return;
    }
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
  server.keepAliveTimeout = 500;
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
    // dev: true makes sirv read the folder on each request, so a swap takes effect at once.
    serveDir: (next) => {
      handler = sirv(next, { dev: true, etag: true, extensions: ['html'] });
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
