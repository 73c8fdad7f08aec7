import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';

/** A directory's entries as last read, and its modification time then (a new or removed entry changes it). */
export interface DirListing {
  mtimeMs: number;
  ctimeMs: number;
  names: string[];
}

/**
 * Whether a repo-relative path names an existing entry in the working tree: one directory listing per
 * directory, however many records point into it. Listings given from an earlier run are reused while the
 * directory's mtime is unchanged (a stat instead of a read: a warm check has a thousand record folders).
 */
export function fileExists(root: string, known: Record<string, DirListing> = {}): ((path: string) => boolean) & { listings: Record<string, DirListing> } {
  const listings: Record<string, DirListing> = {};
  const realRoot = realpath(root);
  // A record reached through a link that leaves the repository is no record of it (nor a way to probe for
  // files outside it). Real paths are worked out a folder at a time from the root, with one lstat each: only
  // a link costs a realpath.
  const realOf = new Map<string, string | undefined>([['.', realRoot]]);
  const realDir = (dir: string): string | undefined => {
    if (realOf.has(dir)) return realOf.get(dir);
    const parent = realDir(dirname(dir));
    const real = parent === undefined ? undefined : isLink(join(root, dir)) ? realpath(join(root, dir)) : join(parent, basename(dir));
    realOf.set(dir, real);
    return real;
  };
  const within = (real: string | undefined) => real !== undefined && realRoot !== undefined && liesWithin(realRoot, real);
  const linkInside = (abs: string) => within(realpath(abs));
  const lookup = new Map<string, Set<string>>();
  const exists = (path: string) => {
    const dir = dirname(path);
    let names = lookup.get(dir);
    if (!names) {
      const listing = within(realDir(dir)) ? list(join(root, dir), known[dir], linkInside) : undefined;
      if (listing) listings[dir] = listing;
      lookup.set(dir, (names = new Set(listing?.names ?? [])));
    }
    return names.has(path.slice(dir === '.' ? 0 : dir.length + 1));
  };
  return Object.assign(exists, { listings });
}

function isFileAt(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Whether `path` is `root` or below it (both already resolved: links followed). */
export function liesWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Whether `abs` lies inside `root` once every link on its way is resolved (both sides). A path not created yet
 * counts by its nearest existing folder: where a write would land.
 */
export function resolvesWithin(root: string, abs: string): boolean {
  return liesWithin(realpathSync(root), resolvedPath(abs));
}

/** The real path of `abs`; for a file not created yet, its nearest existing folder's real path and the rest. */
export function resolvedPath(abs: string): string {
  if (existsSync(abs)) return realpathSync(abs);
  const parent = dirname(abs);
  return parent === abs ? abs : join(resolvedPath(parent), basename(abs));
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function realpath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

function list(dir: string, known: DirListing | undefined, linkInside: (path: string) => boolean): DirListing | undefined {
  try {
    const { mtimeMs, ctimeMs } = statSync(dir);
    // Trusted only while unchanged, and never when touched in the last seconds (a coarse clock may hide a change).
    if (known && known.mtimeMs === mtimeMs && known.ctimeMs === ctimeMs && Date.now() - ctimeMs > 2000) return known;
    // Files, and links to them: a record path naming a directory does not name a record.
    const names = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() || (entry.isSymbolicLink() && isFileAt(join(dir, entry.name)) && linkInside(join(dir, entry.name))))
      .map((entry) => entry.name);
    return { mtimeMs, ctimeMs, names };
  } catch {
    return undefined; // no such directory (or not one): nothing in it exists
  }
}
