/**
 * Astro integration for the citations.
 *
 * When a build starts, it bundles `cite-worker.ts` and starts it in a worker
 * thread, which formats every source's citations on the machine's other core
 * while Astro loads content and bundles the site; the pages take its memo
 * tables at their first citation (`src/lib/memo.ts`), and compute in place
 * whatever it did not fill.
 *
 * The worker also writes the citation files under `cite/` (BibTeX, RIS and
 * CSL-JSON for each source, the library and each subset, and each source's
 * findings' records): thousands of files. The build renders their list early
 * (`src/pages/cite/files.json.ts`, handed over through `CITE_WRITER`), and the
 * worker writes them, formatting their BibTeX and RIS, while the main thread
 * renders the pages.
 * When the site is built, this removes the list; the service worker's
 * integration, which lists every file of the site, waits for
 * `filesWritten()`: the files, with the sizes and hashes the worker took as it
 * wrote them, or the build's failure if it could not write them.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { build } from 'esbuild';
import { CITE_LIST, CITE_WRITER, type CiteWriter } from '../lib/cite-files';
import { citedSources, formatShare } from '../lib/citations-ahead';
import { validatedContent } from '../lib/content/validate';
import { AHEAD, exportTables, type MemoHandover, type MemoTables } from '../lib/memo';
import { twoEndedCells } from '../lib/two-ended';
import type { KnownFile } from '../lib/offline/hash';

/** How long the first page waits for the worker before formatting in place. */
const WAIT_MS = 10 * 60_000;

/** Bundles the worker into the project's cache folder, named by its content. */
async function bundleWorker(root: string): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./cite-worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error('atlas:cite: esbuild wrote no worker');
  // In node_modules, so the worker's imports resolve to the project's packages.
  const dir = join(root, 'node_modules/.cache/atlas');
  mkdirSync(dir, { recursive: true });
  const file = join(
    dir,
    `cite-worker-${createHash('sha256').update(code).digest('hex').slice(0, 12)}.mjs`,
  );
  writeFileSync(file, code);
  return file;
}

/** What the worker posts on its port: its sources' ids, then its tables (and how many sources it formatted) or its error. */
interface AheadMessage {
  ids?: string[];
  tables?: MemoTables;
  formatted?: number;
  error?: string;
}

/** Two threads' memo tables as one. */
function merged(a: MemoTables, b: MemoTables): MemoTables {
  const out: MemoTables = { ...a };
  for (const [name, entries] of Object.entries(b)) out[name] = [...(out[name] ?? []), ...entries];
  return out;
}

/** What the worker answers once it has written the citation files. */
type Written = { written: KnownFile[]; ms: number; error?: undefined } | { error: string };

/**
 * Starts the worker, and leaves on `globalThis` the handover the memo tables
 * take and the writer the list of citation files is handed to.
 */
async function startAhead(root: string, contentDir: string, logger: AstroIntegrationLogger) {
  const script = await bundleWorker(root);
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const cells = twoEndedCells();
  const { port1, port2 } = new MessageChannel();
  const files = new MessageChannel();
  const started = performance.now();
  const worker = new Worker(script, {
    workerData: {
      root: join(root, contentDir),
      flag,
      cells,
      port: port2,
      files: files.port2,
    },
    transferList: [port2, files.port2],
  });
  // A build that fails before the pages leaves no worker holding the process open.
  worker.unref();

  /** The worker's messages, in turn: its sources' ids, then its tables or its error. */
  const next = () => receiveMessageOnPort(port1)?.message as AheadMessage | undefined;

  /**
   * Formats sources from the back of the worker's list on this thread, until
   * the two meet; returns how many and the tables made. Without the
   * handover, so that this copy of the memo tables neither waits for the
   * worker nor counts what it makes as made in place.
   */
  const help = (ids: readonly string[]) => {
    const global = globalThis as { [AHEAD]?: MemoHandover };
    const held = global[AHEAD];
    delete global[AHEAD];
    try {
      const sources = citedSources(
        validatedContent(contentDir).entries.filter((e) => e.collection === 'sources'),
      );
      return { count: formatShare(sources, ids, cells, 'back'), made: exportTables() };
    } finally {
      if (held) global[AHEAD] = held;
    }
  };

  let taken = false;
  let tables: MemoTables | undefined;
  const handover: MemoHandover = {
    misses: 0,
    take() {
      if (taken) return tables;
      taken = true;
      const waitStart = performance.now();
      let helped = { count: 0, made: {} as MemoTables };
      let message = next();
      if (message?.ids) {
        // Still formatting: take sources from the back rather than wait.
        if (Atomics.load(flag, 0) === 0) helped = help(message.ids);
        message = next();
      }
      // The worker raises the flag after posting, even when it fails.
      if (!message && Atomics.wait(flag, 0, 0, WAIT_MS) === 'timed-out') {
        logger.warn(`the citations worker took over ${WAIT_MS / 60_000} min: formatting in place`);
        return undefined;
      }
      message ??= next();
      if (message?.ids) message = next();
      if (message?.error) logger.warn(`the citations worker failed: ${message.error}`);
      tables = merged(message?.tables ?? {}, helped.made);
      const count = Object.values(tables).reduce((n, entries) => n + entries.length, 0);
      logger.info(
        `${count} citations formatted ahead in ${Math.round(performance.now() - started)} ms, ${message?.formatted ?? 0} sources' by the worker and ${helped.count} by the main thread (the pages waited ${Math.round(performance.now() - waitStart)} ms)`,
      );
      return tables;
    },
  };
  /** Where the site is written, once Astro's config is final. */
  let out: string | undefined;
  let written: Promise<Written> | undefined;
  const writer: CiteWriter = {
    write(list) {
      if (written) throw new Error('atlas:cite: the list of citation files was rendered twice');
      if (!out) throw new Error('atlas:cite: the list of citation files came before the config');
      written = new Promise((resolve) => {
        files.port1.once('message', resolve);
        // A worker that stops before it answers (a crash, out of memory) fails the build, not hangs it.
        worker.once('exit', (code) => resolve({ error: `the worker stopped (exit code ${code})` }));
      });
      files.port1.postMessage({ out, list });
    },
  };
  const global = globalThis as { [AHEAD]?: MemoHandover; [CITE_WRITER]?: CiteWriter };
  global[AHEAD] = handover;
  global[CITE_WRITER] = writer;
  return {
    handover,
    /** Tells the worker where the site is written. */
    writeTo: (dir: string) => {
      out = dir;
    },
    /** The worker's answer, or undefined if the list was never handed over. */
    written: () => written,
    stop: () => {
      port1.close();
      files.port1.close();
      delete global[AHEAD];
      delete global[CITE_WRITER];
      return worker.terminate();
    },
  };
}

/**
 * The integration, and a promise of its files (with their sizes and hashes),
 * which rejects if writing them failed.
 */
export type CiteIntegration = AstroIntegration & {
  filesWritten: () => Promise<readonly KnownFile[]>;
};

export function citeIntegration(contentDir = 'content'): CiteIntegration {
  let ahead: Awaited<ReturnType<typeof startAhead>> | undefined;
  let written: Promise<readonly KnownFile[]> = Promise.resolve([]);
  return {
    name: 'atlas:cite',
    filesWritten: () => written,
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command !== 'build') return;
        ahead = await startAhead(fileURLToPath(config.root), contentDir, logger);
      },
      'astro:config:done': ({ config }) => {
        ahead?.writeTo(fileURLToPath(config.outDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!ahead) return;
        const worker = ahead;
        ahead = undefined;
        rmSync(join(fileURLToPath(dir), CITE_LIST));
        logger.info(`${worker.handover.misses} citations formatted in place (not ahead)`);
        const answer = worker.written();
        if (!answer) {
          await worker.stop();
          throw new Error(`atlas:cite: the build rendered no ${CITE_LIST} for the worker to write`);
        }
        const waiting = performance.now();
        written = answer
          .then((result) => {
            if (result.error !== undefined) {
              throw new Error(
                `atlas:cite: the worker could not write the citation files: ${result.error}`,
              );
            }
            logger.info(
              `${result.written.length} citation files written by the worker in ${result.ms} ms, beside the pages (the build waited ${Math.round(performance.now() - waiting)} ms for the last)`,
            );
            return result.written;
          })
          .finally(() => worker.stop());
        // Its failure fails the build where it is awaited, not as an unhandled rejection.
        written.catch(() => undefined);
      },
    },
  };
}
