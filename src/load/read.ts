/** Reading a file: bytes → text, with the encoding problems a PM's editor can cause turned into findings. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawFinding } from '../findings.js';
import type { FileKind } from './discover.js';

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
  return decodeSource(path, kind, readFileSync(join(root, path)));
}

/** The content hash of a file, without decoding it: all a warm check needs of an unchanged file. */
export function hashFile(root: string, path: string): string {
  return hashBytes(readFileSync(join(root, path)));
}

/** git's blob id (sha1 of `blob <size>\0` and the bytes): a file staged unchanged is known to the cache by it. */
export const hashBytes = (bytes: Uint8Array) => createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');

export function decodeSource(path: string, kind: FileKind, bytes: Uint8Array): Source {
  const hash = hashBytes(bytes);
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
