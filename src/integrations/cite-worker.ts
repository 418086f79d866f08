/**
 * The worker thread `cite.ts` starts when a build starts: formats every
 * source's citations (`src/lib/citations-ahead.ts`) on another core, posts the
 * memo tables on its port, then raises the flag the build may be waiting on.
 * Bundled by `cite.ts` with esbuild, since Node cannot run the atlas's
 * TypeScript imports as they are written.
 */
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { formatAhead, type SiteAddress } from '../lib/citations-ahead';

const { root, address, flag, port } = workerData as {
  root: string;
  address: SiteAddress;
  flag: Int32Array;
  port: MessagePort;
};
try {
  port.postMessage({ tables: formatAhead(root, address) });
} catch (error) {
  port.postMessage({
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
} finally {
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}
