/** RawFinding anchors → line/column, from the spans the cache or a parse gave each file. */
import { groupByFile, type Finding, type RawFinding } from '../findings.js';
import { anchorKey, lineStarts, offsetKey, toPosition, type Position, type Spans } from './position.js';

export interface LocatableFile {
  /** Read only when a span lacks its line and column. */
  text: () => string;
  spans: Spans;
}

export function locateFindings(raw: readonly RawFinding[], fileOf: (path: string) => LocatableFile | undefined): Finding[] {
  const byFile = groupByFile(raw);
  const located: Finding[] = [];
  for (const [path, findings] of byFile) {
    const file = fileOf(path);
    let starts: number[] | undefined;
    const position = (span: Spans[string]): Position =>
      span.length === 6
        ? { line: span[2], column: span[3], endLine: span[4], endColumn: span[5] }
        : toPosition(span[0] === 0 && span[1] === 0 ? [0] : (starts ??= lineStarts(file?.text() ?? '')), [span[0], span[1]]);
    for (const { at, ...rest } of findings) {
      const span = 'offset' in at ? (file?.spans[offsetKey(at.offset, at.endOffset)] ?? [at.offset, at.endOffset]) : (file?.spans[anchorKey(at)] ?? [0, 0]);
      located.push({
        file: rest.file,
        ...position(span),
        rule: rest.rule,
        severity: rest.severity,
        message: rest.message,
        ...(rest.project ? { project: rest.project } : {}),
        ...(rest.item ? { item: rest.item } : {}),
        ...(rest.waived ? { waived: rest.waived } : {}),
      });
    }
  }
  return located;
}
