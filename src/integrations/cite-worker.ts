/**
 * The worker thread `cite.ts` starts when a build starts: formats every
 * source's citations (`src/lib/citations-ahead.ts`) on another core, posting
 * the memo tables' new entries on its port as it goes. Bundled by `cite.ts`
 * with esbuild, since Node cannot run the atlas's TypeScript imports as they
 * are written.
 */
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { formatAhead, type SiteAddress } from '../lib/citations-ahead';

const { root, address, port } = workerData as {
  root: string;
  address: SiteAddress;
  port: MessagePort;
};
try {
  formatAhead(root, address, (tables) => port.postMessage({ tables }));
} catch (error) {
  port.postMessage({
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
}
