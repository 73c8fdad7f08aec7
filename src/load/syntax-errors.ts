/**
 * Which of the `yaml` package's errors a file with broken YAML is told about. The package recovers from an
 * error and goes on, and reports what its recovery trips over too: one line indented a space too far gives
 * seven errors on the lines after it, none of them the PM's. So a PM is told of the first error, where it is,
 * then only of errors independent of it: those still there, the same, once the line of each error before them
 * is commented out (the mistake taken away, as the PM would fix it). Duplicate keys are read from the tree,
 * which a syntax error leaves unreliable after it: only those found the same once the errors' lines are out
 * are kept.
 */
import { isCollection, isScalar, parseAllDocuments, visit, type Document } from 'yaml';
import { duplicateKeyErrors } from './yaml-structure.js';

export interface YamlErrorLike {
  code: string;
  message: string;
  pos: [number, number];
}

/** No file needs more: a PM fixes the first few and checks again. */
const MOST = 20;

/**
 * Each error kept costs a parse of the whole text: past this size (no PMO file comes near it; a hostile one of
 * megabytes with an error on every line does) the first errors are told as the parser found them.
 */
const REFINED_UP_TO = 256 * 1024;

/**
 * `errors`: every error of `text` (the duplicate keys of `doc` included), as errorsOf finds them. Each error
 * kept is where the PM's mistake is (whereItOpened).
 */
export function independentErrors(text: string, errors: readonly YamlErrorLike[], doc: Document.Parsed | undefined, options: object): YamlErrorLike[] {
  const byPosition = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  if (byPosition.every((e) => e.code === 'DUPLICATE_KEY')) return byPosition;
  if (text.length > REFINED_UP_TO) return byPosition.slice(0, MOST);
  const kept: YamlErrorLike[] = [];
  let masked = text;
  let left = byPosition;
  while (left.length > 0 && kept.length < MOST) {
    // The next syntax error leads; a duplicate key before it is in the sound part of the file.
    const lead = left.find((e) => e.code !== 'DUPLICATE_KEY');
    if (!lead) {
      kept.push(...left);
      break;
    }
    const mistake = whereItOpened(lead, doc);
    kept.push(...left.filter((e) => e.code === 'DUPLICATE_KEY' && e.pos[0] < lead.pos[0]), mistake);
    masked = commentOut(masked, mistake.pos[0]);
    const still = new Set(errorsOf(masked, options).map(keyOf));
    // "Unexpected ... in YAML stream": the document ended at an error before, and the rest is read as debris.
    left = left.filter((e) => e.pos[0] > lead.pos[0] && still.has(keyOf(e)) && !/in YAML stream/.test(e.message));
  }
  return kept.slice(0, MOST).sort((a, b) => a.pos[0] - b.pos[0]);
}

/** Every error the `yaml` package and the duplicate-key check find in a text. */
export function errorsOf(text: string, options: object): YamlErrorLike[] {
  const docs = withoutStacks(() => parseAllDocuments(text, options));
  const list = Array.isArray(docs) ? docs : [];
  return [...list.flatMap((d) => d.errors), ...(list[0] ? duplicateKeyErrors(list[0]) : [])];
}

/**
 * `parse` with errors made without stack traces: the `yaml` package makes an Error for each problem it meets,
 * and capturing each one's stack was most of the time of a hostile file with an error on every line.
 */
export function withoutStacks<T>(parse: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

const keyOf = (e: YamlErrorLike) => `${e.code}\0${e.pos[0]}\0${e.message}`;

/** The text with the line holding `offset` made a comment, every other offset where it was. */
function commentOut(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  const stop = end < 0 ? text.length : end;
  if (stop <= start) return text;
  return `${text.slice(0, start)}#${' '.repeat(stop - start - 1)}${text.slice(stop)}`;
}

/**
 * Where the PM's mistake is, for the errors the package reports where it gave up: a quote left open is
 * reported at the end of the file, a flow list or map left open ([ or { without its ]) on the line after it.
 * Both point back at where the quote or the bracket opened.
 */
function whereItOpened(error: YamlErrorLike, doc: Document.Parsed | undefined): YamlErrorLike {
  const unclosedQuote = error.code === 'MISSING_CHAR' && /quote/i.test(error.message);
  const unclosedFlow = error.code === 'BAD_INDENT' && /end with a [\]}]/.test(error.message);
  if (!doc || (!unclosedQuote && !unclosedFlow)) return error;
  let opened: number | undefined;
  visit(doc, {
    Node(_key, node) {
      const range = node.range;
      if (!range || range[0] >= error.pos[0] || range[1] < error.pos[0]) return;
      const quoted = unclosedQuote && isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
      const flow = unclosedFlow && isCollection(node) && node.flow;
      if (quoted || flow) opened = range[0];
    },
  });
  return opened === undefined ? error : { ...error, pos: [opened, opened + 1] };
}
