/**
 * What is saved for offline use, read from the saved cache's record, and the
 * words to say it: small, for the header's status on every page (the save
 * itself is in `offline-save.ts`, loaded only where its control is).
 */
import { SAVE_SUMMARY, SAVED_CACHE, SAVED_HASHES, SAVED_RECORD } from '../offline/precache';
import type { SaveLang, SaveSummary } from '../offline/precache';

export interface SavedRecord {
  /** The build the files come from (`SaveManifest.version`). */
  version: string;
  langs: SaveLang[];
  /** Every file of `langs` in `version` is stored. */
  complete: boolean;
  /** When the save last finished or stopped (ISO 8601). */
  date: string;
}

export const absolute = (base: string, url: string) => `${location.origin}${base}${url}`;

export async function loadSummary(base: string): Promise<SaveSummary> {
  const response = await fetch(`${base}${SAVE_SUMMARY}`);
  if (!response.ok) throw new Error(`${response.status} for ${SAVE_SUMMARY}`);
  return (await response.json()) as SaveSummary;
}

/** URL (relative to the base) → content hash of the stored copy (`SAVED_HASHES`). */
export type SavedHashes = Record<string, string>;

async function readSaved<T>(base: string, name: string): Promise<T | undefined> {
  if (!('caches' in window) || !(await caches.has(SAVED_CACHE))) return undefined;
  const cache = await caches.open(SAVED_CACHE);
  const response = await cache.match(absolute(base, name));
  return response ? ((await response.json()) as T) : undefined;
}

export const readRecord = (base: string) => readSaved<SavedRecord>(base, SAVED_RECORD);
export const readHashes = (base: string) => readSaved<SavedHashes>(base, SAVED_HASHES);

export function langList(
  langs: readonly SaveLang[],
  strings: Record<string, string>,
  locale: string,
): string {
  const names = langs.map((l) => strings[`save.lang.${l}`] ?? l);
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
}

export function savedDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}
