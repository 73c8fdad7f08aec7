/**
 * JSON with comments and trailing commas (VS Code's settings.json), read without a parser library: both
 * are blanked out with spaces, so the result is strict JSON whose offsets are the original text's.
 */

/** `//` and `/* *\/` comments become spaces (their line breaks stay). */
export function blankComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const char = text[i]!;
    if (char === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\r\n]/g, ' ');
      i = stop;
    } else {
      out += char;
      i += 1;
    }
  }
  return out;
}

/** Whitespace, then the end of an object or array: the comma before it is a trailing one. */
const CLOSES = /\s*[}\]]/y;

/** Strict JSON with the offsets of `text`: comments and trailing commas blanked. */
export function strictJson(text: string): string {
  const blanked = blankComments(text);
  let out = '';
  for (let i = 0; i < blanked.length; ) {
    const char = blanked[i]!;
    if (char === '"') {
      const end = stringEnd(blanked, i);
      out += blanked.slice(i, end);
      i = end;
      continue;
    }
    CLOSES.lastIndex = i + 1;
    out += char === ',' && CLOSES.test(blanked) ? ' ' : char;
    i += 1;
  }
  return out;
}

/** The offset just past the string that starts at `start` (a `"`). */
export function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return Math.min(i + 1, text.length);
}
