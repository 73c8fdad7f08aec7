import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A directory's entries as last read, and its modification time then (a new or removed entry changes it). */
export interface DirListing {
  mtimeMs: number;
  names: string[];
}

/**
 * Whether a repo-relative path names an existing entry in the working tree: one directory listing per
 * directory, however many records point into it. Listings given from an earlier run are reused while the
 * directory's mtime is unchanged (a stat instead of a read: a warm check has a thousand record folders).
 */
export function fileExists(root: string, known: Record<string, DirListing> = {}): ((path: string) => boolean) & { listings: Record<string, DirListing> } {
  const listings: Record<string, DirListing> = {};
  const lookup = new Map<string, Set<string>>();
  const exists = (path: string) => {
    const dir = dirname(path);
    let names = lookup.get(dir);
    if (!names) {
      const listing = list(join(root, dir), known[dir]);
      if (listing) listings[dir] = listing;
      lookup.set(dir, (names = new Set(listing?.names ?? [])));
    }
    return names.has(path.slice(dir === '.' ? 0 : dir.length + 1));
  };
  return Object.assign(exists, { listings });
}

function list(dir: string, known: DirListing | undefined): DirListing | undefined {
  try {
    const mtimeMs = statSync(dir).mtimeMs;
    if (known && known.mtimeMs === mtimeMs) return known;
    return { mtimeMs, names: readdirSync(dir) };
  } catch {
    return undefined; // no such directory (or not one): nothing in it exists
  }
}
