/**
 * The worker thread `cite.ts` starts when a build starts.
 *
 * First it formats every source's citations (`src/lib/citations-ahead.ts`)
 * on another core: it posts the sources' ids, opens them as a list shared
 * with the main thread (`src/lib/two-ended.ts`) and takes them from the
 * front, while the main thread, if the pages reach their first citation
 * before the worker is done, takes them from the back. When none is left it
 * posts its memo tables, then raises the flag the build may be waiting on.
 *
 * Then it waits for the list of citation files the build renders
 * (`src/pages/cite/files.json.ts`), writes the files while the pages render
 * (formatting their BibTeX and RIS as it goes: the pages need none), and
 * answers with the files it wrote (each with its size and hash, for the save
 * manifest), or why it could not. Bundled by `cite.ts` with esbuild, since
 * Node cannot run the atlas's TypeScript imports as they are written.
 */
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { citedSources, formatShare } from '../lib/citations-ahead';
import { writeCiteFiles, type CiteList } from '../lib/cite-files';
import { loadCollection } from '../lib/content/validate';
import { exportTables } from '../lib/memo';
import { openTasks } from '../lib/two-ended';

const { root, flag, cells, port, files } = workerData as {
  root: string;
  flag: Int32Array;
  cells: Int32Array;
  port: MessagePort;
  files: MessagePort;
};

const message = (error: unknown) =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

try {
  const sources = citedSources(loadCollection(root, 'sources', []));
  const ids = [...sources.keys()];
  openTasks(cells, ids.length);
  port.postMessage({ ids });
  const formatted = formatShare(sources, ids, cells, 'front');
  port.postMessage({ tables: exportTables(), formatted });
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

// `on`, not `once`: with `once`, a worker done formatting before the list came
// (a build of 22 sources) exited without waiting for it.
files.on('message', (request: WriteRequest) => {
  files.removeAllListeners('message');
  const started = performance.now();
  try {
    const written = writeCiteFiles(request.out, JSON.parse(request.list) as CiteList);
    files.postMessage({ written, ms: Math.round(performance.now() - started) });
  } catch (error) {
    files.postMessage({ error: message(error) });
  }
});
