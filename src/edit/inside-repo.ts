/**
 * Every file pmo writes or edits lies inside the repository, links resolved: a project id or a path that
 * climbs out (`../../victim`), or a file that is a link to somewhere outside, is refused before anything
 * is read for editing or written.
 */
import { realpathSync } from 'node:fs';
import { liesWithin, resolvedPath } from '../load/exists.js';
import { EditError } from '../errors.js';

/** Throws unless `abs`, with every link on its way resolved, lies inside `root` (also resolved). */
export function assertInsideRepo(root: string, abs: string, shown: string): void {
  const real = resolvedPath(abs);
  const realRoot = realpathSync(root);
  // The root itself is no file to write.
  if (real === realRoot || !liesWithin(realRoot, real)) {
    throw new EditError(`${shown} resolves to ${real}, outside the repository; pmo writes only inside it, so nothing was written`);
  }
}
