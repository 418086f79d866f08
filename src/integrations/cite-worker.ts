/**
 * The worker thread `cite.ts` starts when a build starts. First it formats
 * every source's citations (`src/lib/citations-ahead.ts`) on another core,
 * posts the memo tables on its port, then raises the flag the build may be
 * waiting on. Then it waits for the list of citation files the build renders
 * (`src/pages/cite/files.json.ts`), writes them from its own tables while the
 * pages render, and answers with how many it wrote, or why it could not.
 * Bundled by `cite.ts` with esbuild, since Node cannot run the atlas's
 * TypeScript imports as they are written.
 */
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { formatAhead, type SiteAddress } from '../lib/citations-ahead';
import { writeCiteFiles, type CiteFile } from '../lib/cite-files';

const { root, address, flag, port, files } = workerData as {
  root: string;
  address: SiteAddress;
  flag: Int32Array;
  port: MessagePort;
  files: MessagePort;
};

const message = (error: unknown) =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

try {
  port.postMessage({ tables: formatAhead(root, address) });
} catch (error) {
  port.postMessage({ error: message(error) });
} finally {
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

/** What the build sends once its list is rendered: the output folder and the list, as JSON. */
interface WriteRequest {
  out: string;
  list: string;
}

files.once('message', ({ out, list }: WriteRequest) => {
  const started = performance.now();
  try {
    const count = writeCiteFiles(out, JSON.parse(list) as CiteFile[]);
    files.postMessage({ count, ms: Math.round(performance.now() - started) });
  } catch (error) {
    files.postMessage({ error: message(error) });
  }
});
