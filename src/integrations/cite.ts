/**
 * Astro integration for the citations.
 *
 * When a build starts, it bundles `cite-worker.ts` and starts it in a worker
 * thread, which formats every source's citations on the machine's other core
 * while Astro loads content and bundles the site; the pages take its memo
 * tables at their first citation (`src/lib/memo.ts`), and compute in place
 * whatever it did not fill.
 *
 * When the site is built, it writes the citation files under `cite/`
 * (BibTeX, RIS and CSL-JSON for each source, the library, each subset and
 * each finding) from the list the build rendered, then removes the list. They
 * are most of the site's files: they are written while Pagefind indexes the
 * pages (which it does without them), and the service worker's integration,
 * which lists every file of the site, waits for `filesWritten()`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { build } from 'esbuild';
import { CITE_LIST, writeCiteFiles, type CiteFile } from '../lib/cite-files';
import type { SiteAddress } from '../lib/citations-ahead';
import { AHEAD, type MemoHandover, type MemoTables } from '../lib/memo';

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

/** Starts the worker and leaves the handover the memo tables take. */
async function startAhead(
  root: string,
  contentDir: string,
  address: SiteAddress,
  logger: AstroIntegrationLogger,
): Promise<{ handover: MemoHandover; stop: () => Promise<number> }> {
  const script = await bundleWorker(root);
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const started = performance.now();
  const worker = new Worker(script, {
    workerData: { root: join(root, contentDir), address, flag, port: port2 },
    transferList: [port2],
  });
  // A build that fails before the pages leaves no worker holding the process open.
  worker.unref();
  let taken = false;
  let tables: MemoTables | undefined;
  const handover: MemoHandover = {
    misses: 0,
    take() {
      if (taken) return tables;
      taken = true;
      const waitStart = performance.now();
      // The worker raises the flag after posting, even when it fails.
      if (Atomics.wait(flag, 0, 0, WAIT_MS) === 'timed-out') {
        logger.warn(`the citations worker took over ${WAIT_MS / 60_000} min: formatting in place`);
        return undefined;
      }
      const message = receiveMessageOnPort(port1)?.message as
        { tables?: MemoTables; error?: string } | undefined;
      if (message?.error) logger.warn(`the citations worker failed: ${message.error}`);
      tables = message?.tables;
      const count = Object.values(tables ?? {}).reduce((n, entries) => n + entries.length, 0);
      logger.info(
        `${count} citations formatted ahead in a worker in ${Math.round(performance.now() - started)} ms (the pages waited ${Math.round(performance.now() - waitStart)} ms)`,
      );
      return tables;
    },
  };
  (globalThis as { [AHEAD]?: MemoHandover })[AHEAD] = handover;
  return {
    handover,
    stop: () => {
      port1.close();
      delete (globalThis as { [AHEAD]?: MemoHandover })[AHEAD];
      return worker.terminate();
    },
  };
}

/** The integration, and a promise of its files, which rejects if writing them failed. */
export type CiteIntegration = AstroIntegration & { filesWritten: () => Promise<void> };

export function citeIntegration(contentDir = 'content'): CiteIntegration {
  let ahead: Awaited<ReturnType<typeof startAhead>> | undefined;
  let written: Promise<void> = Promise.resolve();
  return {
    name: 'atlas:cite',
    filesWritten: () => written,
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command !== 'build') return;
        ahead = await startAhead(
          fileURLToPath(config.root),
          contentDir,
          { site: config.site ?? '', base: config.base },
          logger,
        );
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const list = join(out, CITE_LIST);
        const files = JSON.parse(readFileSync(list, 'utf8')) as CiteFile[];
        rmSync(list);
        const start = performance.now();
        written = writeCiteFiles(out, files).then((count) =>
          logger.info(
            `${count} citation files (${files.length} records or sets, 3 formats) in ${Math.round(performance.now() - start)} ms`,
          ),
        );
        // Its failure fails the build where it is awaited, not as an unhandled rejection.
        written.catch(() => undefined);
        if (ahead) {
          logger.info(`${ahead.handover.misses} citations formatted in place (not ahead)`);
          await ahead.stop();
          ahead = undefined;
        }
      },
    },
  };
}
