/**
 * The fast parser (js-yaml): the data of the common, clean file, ~8x faster than the `yaml` package, and its
 * events, from which positions are read (fast-positions.ts). A module of its own, without the `yaml` package:
 * a new day's judging threads parse the few files whose new findings point somewhere new, and load only this.
 * parse-yaml.ts decides when it may be used and falls back to the `yaml` package.
 */
import jsYaml from 'js-yaml';
import { recordEvents, type ParseEvents } from './fast-positions.js';

// js-yaml exports its built-in types at run time; @types/js-yaml does not declare them.
const builtin = (jsYaml as unknown as { types: Record<'null' | 'bool' | 'merge', jsYaml.Type> }).types;

/** Numbers exactly as the YAML 1.2 core schema (and so the `yaml` package) reads them; js-yaml's own also take 0b101. */
const CORE_INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const CORE_FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const coreInt = new jsYaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (text: string) => CORE_INT.test(text),
  construct: (text: string) =>
    text.startsWith('0o') ? parseInt(text.slice(2), 8) : text.startsWith('0x') ? parseInt(text.slice(2), 16) : parseInt(text, 10),
});
const coreFloat = new jsYaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (text: string) => CORE_FLOAT.test(text) && !CORE_INT.test(text),
  construct: (text: string) => {
    const lower = text.toLowerCase();
    if (lower.endsWith('.nan')) return NaN;
    if (lower.endsWith('.inf')) return lower.startsWith('-') ? -Infinity : Infinity;
    return parseFloat(text);
  },
});
const FAST_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({ implicit: [builtin.null, builtin.bool, coreInt, coreFloat, builtin.merge] });

/** Text the fast path must not take: anchors/aliases (expansion cap), several documents, merge conflicts, tabs. */
const NEEDS_FULL_PARSE = /(?:^|[\s[{,])[&*][^\s,[\]{}]|^(?:---|\.\.\.)(?:\s|$)|^(?:<{7}|={7}|>{7})(?: |$)|^ *\t/m;

/** Nor explicit keys (`? [a, b]`: js-yaml would make the list the text 'a,b'); looked for only where a '?' is. */
const EXPLICIT_KEY = /^[ -]*\?(?:\s|$)/m;

/** Whether the fast parser reads this text as the full one would (see NEEDS_FULL_PARSE). */
export const fastPathAllows = (text: string): boolean =>
  text.trim() !== '' && !(mayNeedFullParse(text) && NEEDS_FULL_PARSE.test(text)) && !(text.includes('?') && EXPLICIT_KEY.test(text));

/**
 * Whether the text has any of what NEEDS_FULL_PARSE looks for (a `&` or `*`, a tab, a line of `---`, `...` or a
 * conflict marker): the regex can match at any character, the string searches are native scans. On the bench's
 * projects (7.5 KB each, none with any) the searches took 2.5 ms a thousand files where the regex took 20 ms.
 */
const FULL_PARSE_SIGNS = ['&', '*', '\t', '---', '...', '<<<<<<<', '=======', '>>>>>>>'];
const mayNeedFullParse = (text: string) => FULL_PARSE_SIGNS.some((sign) => text.includes(sign));

/**
 * The data of text the fast path allows, by the fast parser; `withEvents`: with its events too (they cost it ~5%,
 * and spare a file with findings a second parse). Undefined when it finds the text broken.
 */
export function parseFast(text: string, withEvents = false): { data: unknown; events?: ParseEvents } | undefined {
  const recorder = withEvents ? recordEvents() : undefined;
  try {
    // @types/js-yaml does not declare the listener option js-yaml has.
    const data = jsYaml.load(text, { schema: FAST_SCHEMA, listener: recorder?.listener } as jsYaml.LoadOptions);
    return recorder ? { data, events: recorder.events } : { data };
  } catch {
    return undefined;
  }
}

