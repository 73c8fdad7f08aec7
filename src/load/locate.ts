/** RawFinding anchors → line/column, from the spans the cache or a parse gave each file. */
import type { Finding, RawFinding } from '../findings.js';
import { anchorKey, lineStarts, toPosition, type Spans } from './position.js';

export interface LocatableFile {
  text: string;
  spans: Spans;
}

export function locateFindings(raw: readonly RawFinding[], fileOf: (path: string) => LocatableFile | undefined): Finding[] {
  const byFile = new Map<string, RawFinding[]>();
  for (const finding of raw) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const located: Finding[] = [];
  for (const [path, findings] of byFile) {
    const file = fileOf(path);
    const starts = lineStarts(file?.text ?? '');
    for (const { at, ...rest } of findings) {
      const offsets = 'offset' in at ? ([at.offset, at.endOffset] as [number, number]) : (file?.spans[anchorKey(at)] ?? [0, 0]);
      located.push({
        file: rest.file,
        ...toPosition(starts, offsets),
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
