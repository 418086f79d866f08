/**
 * The content hash of a saved file, as the save manifest gives it
 * (`offline-files.json`) and the reader's save compares it: the first 16 hex
 * digits of its SHA-256. Build-only (Node's crypto).
 */
import { createHash } from 'node:crypto';

/** What the save manifest knows of a file: its path under the output folder, its size in bytes and its hash. */
export type KnownFile = readonly [path: string, bytes: number, hash: string];

export const contentHash = (bytes: Buffer | string): string =>
  createHash('sha256').update(bytes).digest('hex').slice(0, 16);
