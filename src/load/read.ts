/** Reading a file: bytes → text, with the encoding problems a PM's editor can cause turned into findings. */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawFinding } from '../findings.js';
import type { FileKind } from './discover.js';
import { ConfigError } from '../errors.js';

export interface Source {
  path: string;
  kind: FileKind;
  /** Decoded text, UTF-8 BOM removed (accepted), line ends as in the file (CRLF is accepted). */
  text: string;
  /** Content hash of the bytes, git's blob id: the cache key, which the git index knows without reading. */
  hash: string;
  /** Set when the bytes are not valid UTF-8. */
  encodingFinding?: RawFinding;
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

export function readSource(root: string, path: string, kind: FileKind): Source {
  return decodeSource(path, kind, readRegularFile(root, path));
}

/** The content hash of a file, without decoding it: all a warm check needs of an unchanged file. */
export function hashFile(root: string, path: string): string {
  return hashBytes(readRegularFile(root, path));
}

/** No PMO file is this large: a larger one is a mistake or an attack, and reading it would exhaust memory. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * A file's bytes, read only when it is a regular file of at most MAX_FILE_BYTES: a pmo.yaml that is a link to
 * /dev/zero, or a FIFO named like a project, would otherwise hang pmo or fill its memory. Opened without
 * blocking (a FIFO blocks its reader until a writer comes), then judged by the open file's own stat.
 */
export function readRegularFile(root: string, path: string): Buffer {
  const fd = openSync(join(root, path), constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new ConfigError(`${path} is not a regular file (a device, a pipe or a socket): pmo reads only files; replace it with one`);
    if (stat.size > MAX_FILE_BYTES) throw new ConfigError(`${path} is ${stat.size} bytes, more than pmo reads (${MAX_FILE_BYTES / 1024 / 1024} MiB): no PMO file is that large`);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** git's blob id (sha1 of `blob <size>\0` and the bytes): a file staged unchanged is known to the cache by it. */
export const hashBytes = (bytes: Uint8Array) => createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');

/** A file's text from its bytes; `blob`, when git gave the bytes by their blob id, is their hash, not worked out again. */
export function decodeSource(path: string, kind: FileKind, bytes: Uint8Array, blob?: string): Source {
  const hash = blob ?? hashBytes(bytes);
  try {
    return { path, kind, text: strict.decode(bytes), hash };
  } catch {
    const text = lenient.decode(bytes);
    const offset = Math.max(0, text.indexOf('\uFFFD'));
    return {
      path,
      kind,
      text,
      hash,
      encodingFinding: {
        rule: 'yaml/encoding',
        severity: 'error',
        message: 'this file is not valid UTF-8 (the first bad byte is here); save it with UTF-8 encoding',
        file: path,
        at: { offset, endOffset: offset + 1 },
      },
    };
  }
}
