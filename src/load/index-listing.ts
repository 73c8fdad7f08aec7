/**
 * Record existence from git's index, as `git ls-files --stage -z` lists it. Its own module because worker
 * threads use it too (they get the listing, one string, and cannot be given a function), and they must not
 * load git.ts.
 */

/**
 * Which record files exist, in terms a worker thread can be given: git's listing of its index (`git ls-files
 * --stage -z`), a past commit's every path, else the work tree; and paths the tree has (true) or lacks (false)
 * besides (the tree before a change: what it deleted was there, what it added was not).
 */
export interface Presence {
  listing?: string;
  paths?: string[];
  except?: Map<string, boolean>;
}

/**
 * Whether the listing has a (merged) file at a path. A narrow check asks for a few record paths, which a
 * search of the listing answers; past a few dozen questions a set of every path is made once.
 */
export function presence(listing: string): (path: string) => boolean {
  let asked = 0;
  let all: Set<string> | undefined;
  return (path) => {
    if (++asked > 64) return (all ??= mergedPaths(listing)).has(path);
    const at = listing.indexOf(`\t${path}\0`);
    return at >= 0 && listing.charCodeAt(at - 1) === 0x30; // a merged entry (stage 0)
  };
}

/** `<mode> SP <object> SP <stage> TAB <path> NUL` per entry; only merged ones (stage 0) count as files. */
function mergedPaths(listing: string): Set<string> {
  const paths = new Set<string>();
  for (let at = 0; at < listing.length; ) {
    const tab = listing.indexOf('\t', at);
    const end = listing.indexOf('\0', tab);
    if (tab < 0 || end < 0) break;
    if (listing.charCodeAt(tab - 1) === 0x30) paths.add(listing.slice(tab + 1, end));
    at = end + 1;
  }
  return paths;
}
