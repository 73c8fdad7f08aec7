/**
 * Where anchors point in a file's text, by the fast parser alone: a new day's judging threads place the few
 * findings that point somewhere new (a risk whose review fell due this morning), and load neither the `yaml`
 * package nor zod for it. Undefined where the fast parser or its events cannot vouch for the positions: the
 * check then places those findings itself (see describe in check.ts).
 */
import { fastPathAllows, parseFast } from './fast-parse.js';
import { positionsFromEvents } from './fast-positions.js';
import { placeSpans, spansFor, type PathAnchor, type Spans } from './position.js';

export function fastSpans(text: string, anchors: readonly PathAnchor[]): Spans | undefined {
  const events = fastPathAllows(text) ? parseFast(text, true)?.events : undefined;
  const index = events && positionsFromEvents(text, events);
  return index && placeSpans(spansFor(index, anchors), text);
}
