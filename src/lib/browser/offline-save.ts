/**
 * "Save the atlas for offline use": stores every page of the chosen
 * languages, the whole search index and the data in the saved cache, from
 * the list the build writes (`offline-files.json`: URL, size, content hash).
 *
 * Beside the files, in the same cache: the record of what is saved
 * (`SAVED_RECORD`: build, languages, complete or not, when), which every page's
 * status reads, and each saved file's hash (`SAVED_HASHES`), which only a save
 * reads. A save after a new build fetches only the files whose hash changed,
 * and a save cancelled or cut by a reload resumes where its hashes stop: both
 * are written when the save stops, and every `RECORD_MS` while it runs (a
 * reload loses at most that much of the work).
 */
import {
  filesFor,
  SAVE_HEADER,
  SAVE_MANIFEST,
  SAVED_CACHE,
  SAVED_HASHES,
  SAVED_RECORD,
  type SaveFile,
  type SaveLang,
  type SaveManifest,
} from '../offline/precache';
import { absolute, readHashes, type SavedHashes, type SavedRecord } from './offline-record';

export type { SavedHashes, SavedRecord };

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
/**
 * How often the record and the hashes are written while a save runs. By
 * time, not by files: the hashes name every file saved (7.2 MB of JSON for the
 * 124,634 files of an English save at 5,000 sources), so writing them every
 * 20 files made a save's cost grow with the square of its size.
 */
const RECORD_MS = 2000;

const putJson = (cache: Cache, base: string, name: string, value: unknown): Promise<void> =>
  cache.put(
    absolute(base, name),
    new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' } }),
  );

/** Writes the hashes, then the record: a record never says more than the hashes hold. */
async function writeRecord(
  cache: Cache,
  base: string,
  record: SavedRecord,
  hashes: SavedHashes,
): Promise<void> {
  await putJson(cache, base, SAVED_HASHES, hashes);
  await putJson(cache, base, SAVED_RECORD, record);
}

/** Asks the browser to keep the saved atlas when space runs low; true if it agrees. */
export async function askPersistence(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

/** What a save of `langs` still has to fetch, given the hashes of what is stored. */
export function plan(
  manifest: SaveManifest,
  langs: readonly SaveLang[],
  stored: SavedHashes = {},
): { wanted: SaveFile[]; todo: SaveFile[]; stale: string[] } {
  const wanted = filesFor(manifest, langs);
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
  const previous = await readHashes(base);
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
    complete: false,
    date: new Date().toISOString(),
  };
  // Files of a previous build keep their old hash until replaced.
  const hashes: SavedHashes = { ...previous };
  await writeRecord(cache, base, record, hashes);

  let next = 0;
  let recorded = performance.now();
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
      hashes[url] = hash;
      progress.files += 1;
      progress.bytes += bytes;
      onProgress({ ...progress });
      if (performance.now() - recorded >= RECORD_MS) {
        recorded = performance.now();
        await writeRecord(cache, base, record, hashes);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: PARALLEL }, worker));
  } finally {
    record.date = new Date().toISOString();
    await writeRecord(cache, base, record, hashes);
  }
  for (const url of stale) {
    await cache.delete(absolute(base, url));
    delete hashes[url];
  }
  record.complete = true;
  record.date = new Date().toISOString();
  await writeRecord(cache, base, record, hashes);
  return record;
}

export async function removeSaved(): Promise<void> {
  await caches.delete(SAVED_CACHE);
}
