/**
 * Where anchors point in a file's text, by the fast parser alone: a new day's judging threads place the few
 * findings that point somewhere new (a risk whose review fell due this morning), and load neither the `yaml`
 * package nor zod for it. Undefined where the fast parser or its events cannot vouch for the positions: the
 * check then places those findings itself (see describe in check.ts).
 */
import { fastPathAllows, parseFast } from './fast-parse.js';
import { positionsFromEvents, type ParseEvents } from './fast-positions.js';
import { placeSpans, spansFor, type PathAnchor, type PositionIndex, type Spans } from './position.js';

export function fastSpans(text: string, anchors: readonly PathAnchor[]): Spans | undefined {
  try {
    const index = fastPositions(text);
    return index && placeSpans(spansFor(index, anchors), text);
  } catch {
    // A text the walk of its events cannot take (nested too deep for the stack: a hostile file) is not vouched for.
    return undefined;
  }
}

/**
 * Every node's offsets by the fast parser's events: those of its parse when given, else of a parse now (where the
 * fast path allows the text). Undefined where they cannot vouch (see fast-positions.ts).
 */
export function fastPositions(text: string, events?: ParseEvents): PositionIndex | undefined {
  const recorded = events ?? (fastPathAllows(text) ? parseFast(text, true)?.events : undefined);
  return recorded && positionsFromEvents(text, recorded);
}
