/** RawFinding anchors → line/column, reading positions only for the files that have findings. */
import type { Finding, RawFinding } from '../findings.js';
import { lineStarts, resolveAnchor, toPosition, type PositionIndex } from './position.js';

export interface LocatableFile {
  text: string;
  /** Builds (or returns the cached) position index of the file; called only when a path anchor needs it. */
  positions: () => PositionIndex;
}

export function locateFindings(raw: readonly RawFinding[], fileOf: (path: string) => LocatableFile | undefined): Finding[] {
  const byFile = new Map<string, RawFinding[]>();
  for (const finding of raw) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const located: Finding[] = [];
  for (const [path, findings] of byFile) {
    const file = fileOf(path);
    const starts = lineStarts(file?.text ?? '');
    let index: PositionIndex | undefined;
    for (const { at, ...rest } of findings) {
      if ('path' in at && file) index ??= file.positions();
      const position = toPosition(starts, resolveAnchor(at, index));
      located.push({
        file: rest.file,
        ...position,
        rule: rest.rule,
        severity: rest.severity,
        message: rest.message,
        ...(rest.project ? { project: rest.project } : {}),
        ...(rest.item ? { item: rest.item } : {}),
      });
    }
  }
  return located;
}
