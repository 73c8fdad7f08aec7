/**
 * The unified diff `--dry-run` prints, git's format (`--- a/path`, `+++ b/path`, hunks with 3 lines of
 * context). jsdiff (the `diff` package) computes it: a well-kept, widely used implementation of Myers' diff
 * with correct hunk headers and "\ No newline at end of file" handling, which a hand-rolled differ gets wrong
 * at the edges.
 */
import { FILE_HEADERS_ONLY, createTwoFilesPatch } from 'diff';

/** `before` undefined: a new file (`--- /dev/null`). Empty when nothing changes. */
export function unifiedDiff(path: string, before: string | undefined, after: string): string {
  if (before === after) return '';
  return createTwoFilesPatch(before === undefined ? '/dev/null' : `a/${path}`, `b/${path}`, before ?? '', after, undefined, undefined, {
    headerOptions: FILE_HEADERS_ONLY,
  });
}
