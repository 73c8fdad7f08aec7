import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Whether a repo-relative path is an existing file in the working tree: one directory listing per
 * directory, however many records point into it.
 */
export function fileExists(root: string): (path: string) => boolean {
  const listings = new Map<string, Map<string, boolean>>();
  return (path) => {
    const dir = dirname(path);
    let listing = listings.get(dir);
    if (!listing) {
      listing = new Map();
      try {
        for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) listing.set(entry.name, entry.isFile() || entry.isSymbolicLink());
      } catch {
        // no such directory (or not a directory): nothing in it exists
      }
      listings.set(dir, listing);
    }
    return listing.get(path.slice(dir === '.' ? 0 : dir.length + 1)) === true;
  };
}
