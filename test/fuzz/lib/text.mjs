/**
 * Files as byte strings: each byte one character (latin1), so that a mutation can cut a multi-byte character
 * in half or insert bytes that are not UTF-8, and lines are still lines. Text is added as its UTF-8 bytes.
 */
import { parseDocument, isMap, isPair, isScalar, isSeq, visit } from 'yaml';

export const bytesOf = (buffer) => buffer.toString('latin1');
export const bufferOf = (bytes) => Buffer.from(bytes, 'latin1');
export const utf8 = (text) => Buffer.from(text, 'utf8').toString('latin1');
const decoded = (bytes) => Buffer.from(bytes, 'latin1').toString('utf8');

export const linesOf = (bytes) => bytes.split('\n');
export const joined = (lines) => lines.join('\n');

/** `at` (any natural number) as an index into `n` places. */
export const place = (at, n) => (n <= 0 ? 0 : at % n);

export const indentOf = (line = '') => /^[ \t]*(?:- )?/.exec(line)[0].replace(/-/g, ' ').length;

/** Inserts lines at line `at`, indented like the line they go before (as a field of the same map). */
export function insertLines(bytes, at, newLines) {
  const lines = linesOf(bytes);
  const i = place(at, lines.length + 1);
  const pad = ' '.repeat(indentOf(lines[i] ?? lines[i - 1]));
  lines.splice(i, 0, ...newLines.map((l) => pad + utf8(l)));
  return joined(lines);
}

/**
 * Edits the file as a YAML document (the `yaml` package's, which keeps comments and layout): `edit` gets the
 * document and the places a value can be put. A file that no longer parses is left as it is: the mutation
 * falls through to the text mutations after it.
 */
export function editDocument(bytes, edit) {
  const doc = parseDocument(decoded(bytes), { uniqueKeys: false, maxAliasCount: -1 });
  if (doc.errors.length > 0) return bytes;
  try {
    edit(doc, placesIn(doc));
    return utf8(doc.toString({ lineWidth: 0 }));
  } catch {
    return bytes; // a document the package cannot write back (an alias it cannot place): no mutation
  }
}

/** The value slots of a document (a pair's value, a list's item), the maps, the lists, the scalars and the scalar values of pairs, in document order. */
function placesIn(doc) {
  const slots = [];
  const maps = [];
  const seqs = [];
  const scalars = [];
  const values = [];
  visit(doc, {
    Pair(_, pair) {
      if (!isPair(pair)) return;
      slots.push({ get: () => pair.value, set: (node) => (pair.value = node) });
      if (isScalar(pair.value)) values.push(pair.value);
    },
    Map(_, map) {
      maps.push(map);
    },
    Seq(_, seq) {
      seqs.push(seq);
      seq.items.forEach((_item, i) => slots.push({ get: () => seq.items[i], set: (node) => (seq.items[i] = node) }));
    },
    Scalar(_, scalar) {
      if (isScalar(scalar)) scalars.push(scalar);
    },
  });
  return { slots, maps, seqs, scalars, values };
}

export { isMap, isSeq };
