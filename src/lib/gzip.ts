/**
 * Bytes over the wire, measured one way: gzip at zlib's default level 6,
 * what most servers use. Node-only (node:zlib); the build's geo catalogue,
 * the tests and the benchmark all measure with it.
 */
import { gzipSync } from 'node:zlib';

/** Gzip size, in bytes, of a text (as UTF-8) or of a file's bytes. */
export function gzipSize(data: string | Uint8Array): number {
  return gzipSync(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, { level: 6 }).length;
}
