/**
 * "Save the atlas for offline use": stores every page of the chosen
 * languages, the whole search index and the data in the saved cache, from
 * the list the build writes (`offline-files.json`: URL, size, content hash).
 *
 * The record of what is saved (`SAVED_RECORD`, in the same cache) holds each
 * file's hash, so a save after a new build fetches only the files whose
 * hash changed, and a save cancelled or cut by a reload resumes where its
 * record stops (it is written every few files).
 */
import {
  filesFor,
  SAVE_HEADER,
  SAVE_MANIFEST,
  SAVED_CACHE,
  SAVED_RECORD,
  type SaveFile,
  type SaveLang,
  type SaveManifest,
} from '../offline/precache';
import { absolute, readRecord, type SavedRecord } from './offline-record';

export type { SavedRecord };

export interface SaveProgress {
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
}

export class NoSpaceError extends Error {
  constructor(
    readonly needed: number,
    readonly free: number,
  ) {
    super(`needs ${needed} bytes, ${free} free`);
  }
}

const PARALLEL = 4;
const RECORD_EVERY = 20;

async function writeRecord(cache: Cache, base: string, record: SavedRecord): Promise<void> {
  await cache.put(
    absolute(base, SAVED_RECORD),
    new Response(JSON.stringify(record), { headers: { 'content-type': 'application/json' } }),
  );
}

/** Asks the browser to keep the saved atlas when space runs low; true if it agrees. */
export async function askPersistence(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

/** What a save of `langs` still has to fetch, given what is stored. */
export function plan(
  manifest: SaveManifest,
  langs: readonly SaveLang[],
  record: SavedRecord | undefined,
): { wanted: SaveFile[]; todo: SaveFile[]; stale: string[] } {
  const wanted = filesFor(manifest, langs);
  const stored = record?.files ?? {};
  const todo = wanted.filter(([url, , hash]) => stored[url] !== hash);
  const keep = new Set(wanted.map(([url]) => url));
  const stale = Object.keys(stored).filter((url) => !keep.has(url));
  return { wanted, todo, stale };
}

/**
 * Saves `langs`. Rejects with an `AbortError` when `signal` aborts, with
 * `NoSpaceError` before fetching anything if the files would not fit, and
 * with the network's error if a file cannot be fetched; in each case what
 * was stored stays recorded, for a resume.
 */
export async function saveAtlas(
  base: string,
  langs: readonly SaveLang[],
  signal: AbortSignal,
  onProgress: (progress: SaveProgress) => void,
): Promise<SavedRecord> {
  const response = await fetch(`${base}${SAVE_MANIFEST}`, { cache: 'no-store', signal });
  if (!response.ok) throw new Error(`${response.status} for ${SAVE_MANIFEST}`);
  const manifest = (await response.json()) as SaveManifest;
  const previous = await readRecord(base);
  const { todo, stale } = plan(manifest, langs, previous);
  const totalBytes = todo.reduce((s, f) => s + f[1], 0);
  const progress: SaveProgress = { files: 0, totalFiles: todo.length, bytes: 0, totalBytes };
  onProgress({ ...progress });

  const estimate = await navigator.storage?.estimate?.();
  if (estimate?.quota !== undefined && estimate.usage !== undefined) {
    const free = estimate.quota - estimate.usage;
    if (free < totalBytes) throw new NoSpaceError(totalBytes, free);
  }

  const cache = await caches.open(SAVED_CACHE);
  const record: SavedRecord = {
    version: manifest.version,
    langs: [...langs],
    // Files of a previous build stay recorded with their old hash until replaced.
    files: { ...previous?.files },
    complete: false,
    date: new Date().toISOString(),
  };
  await writeRecord(cache, base, record);

  let next = 0;
  let sinceRecord = 0;
  const worker = async () => {
    for (let file = todo[next++]; file; file = todo[next++]) {
      signal.throwIfAborted();
      const [url, bytes, hash] = file;
      const res = await fetch(absolute(base, url), {
        headers: { [SAVE_HEADER]: '1' },
        cache: 'no-store',
        signal,
      });
      if (!res.ok) throw new Error(`${res.status} for ${url}`);
      await cache.put(absolute(base, url), res);
      record.files[url] = hash;
      progress.files += 1;
      progress.bytes += bytes;
      onProgress({ ...progress });
      if (++sinceRecord >= RECORD_EVERY) {
        sinceRecord = 0;
        await writeRecord(cache, base, record);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: PARALLEL }, worker));
  } finally {
    record.date = new Date().toISOString();
    await writeRecord(cache, base, record);
  }
  for (const url of stale) {
    await cache.delete(absolute(base, url));
    delete record.files[url];
  }
  record.complete = true;
  record.date = new Date().toISOString();
  await writeRecord(cache, base, record);
  return record;
}

export async function removeSaved(): Promise<void> {
  await caches.delete(SAVED_CACHE);
}
