import { existsSync, lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, sep } from 'node:path';

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
export function fileExists(
  root: string,
  known: Record<string, DirListing> = {},
): ((path: string) => boolean) & { listings: Record<string, DirListing>; unreadable: (path: string) => string | undefined } {
  const listings: Record<string, DirListing> = {};
  /** Folders pmo may not list (their permissions): what is in them is unknown, not missing. */
  const denied = new Set<string>();
  const realRoot = realpath(root);
  // A record reached through a link that leaves the repository is no record of it (nor a way to probe for
  // files outside it). Folders are judged one at a time from the root, with one lstat each (which also tells
  // whether a folder changed since its listing): a folder in a folder inside is inside, and only a link costs
  // a realpath. A path with '.' or '..' in it is resolved whole.
  const insideOf = new Map<string, boolean>([['.', realRoot !== undefined]]);
  const ownStats = new Map<string, Stats | undefined>();
  const inside = (dir: string): boolean => {
    const known = insideOf.get(dir);
    if (known !== undefined) return known;
    const odd = dir.split('/').some((step) => step === '..' || step === '.' || step === '');
    const own = odd || !inside(dirname(dir)) ? undefined : lstatOf(join(root, dir));
    ownStats.set(dir, own);
    const answer = odd ? within(realpath(join(root, dir))) : own !== undefined && (!own.isSymbolicLink() || within(realpath(join(root, dir))));
    insideOf.set(dir, answer);
    return answer;
  };
  /** A folder's own stat (its target's, for a link), as its listing is judged by. */
  const statOf = (dir: string) => {
    const own = dir === '.' ? undefined : ownStats.get(dir);
    return own && !own.isSymbolicLink() ? own : statSync(join(root, dir));
  };
  const within = (real: string | undefined) => real !== undefined && realRoot !== undefined && liesWithin(realRoot, real);
  const linkInside = (abs: string) => within(realpath(abs));
  const lookup = new Map<string, Set<string>>();
  const exists = (path: string) => {
    const dir = dirname(path);
    let names = lookup.get(dir);
    if (!names) {
      const listing = inside(dir) ? list(join(root, dir), () => statOf(dir), known[dir], linkInside) : undefined;
      if (listing === DENIED) denied.add(dir);
      else if (listing) listings[dir] = listing;
      lookup.set(dir, (names = new Set(listing && listing !== DENIED ? listing.names : [])));
    }
    return names.has(path.slice(dir === '.' ? 0 : dir.length + 1));
  };
  /** The folder of a path that exists() could not look into, if that is why it said no. */
  const unreadable = (path: string) => (exists(path) || !denied.has(dirname(path)) ? undefined : dirname(path));
  return Object.assign(exists, { listings, unreadable });
}

function isFileAt(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Whether `path` is `root` or below it. Both must be absolute and resolved (links followed, as realpath gives
 * them), hence normalized: then a prefix says it (path.relative cost a warm check ~6 ms over 2,000 folders).
 */
export function liesWithin(root: string, path: string): boolean {
  if (!isAbsolute(root) || !isAbsolute(path)) return false;
  const prefix = root.endsWith(sep) ? root : root + sep;
  return path === root || path.startsWith(prefix);
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

function lstatOf(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function realpath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/** A folder pmo may not list: its permissions say no. */
const DENIED = 'denied';

function list(dir: string, stat: () => Stats, known: DirListing | undefined, linkInside: (path: string) => boolean): DirListing | typeof DENIED | undefined {
  try {
    const { mtimeMs, ctimeMs } = stat();
    // Trusted only while unchanged, and never when touched in the last seconds (a coarse clock may hide a change).
    if (known && known.mtimeMs === mtimeMs && known.ctimeMs === ctimeMs && Date.now() - ctimeMs > 2000) return known;
    // Files, and links to them: a record path naming a directory does not name a record.
    const names = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() || (entry.isSymbolicLink() && isFileAt(join(dir, entry.name)) && linkInside(join(dir, entry.name))))
      .map((entry) => entry.name);
    return { mtimeMs, ctimeMs, names };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // No such directory (or not one): nothing in it exists. One pmo may not read: nobody can say.
    return code === 'EACCES' || code === 'EPERM' ? DENIED : undefined;
  }
}
