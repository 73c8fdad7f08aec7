/**
 * Markdown output escapes on its own: a PMO's template writes `{{name}}` and gets text that cannot break
 * the table it sits in or turn into markup, as `{{name}}` in an HTML template gets HTML-escaped text.
 *
 * Handlebars has one escaping function for all its instances, HTML's. So each escaped mustache of a Markdown
 * template is rewritten, before compiling, into an unescaped call of `md-escape` on the same value:
 * `{{money budget}}` becomes `{{{md-escape (money budget)}}}`. Triple-stash `{{{x}}}` stays raw, as in HTML.
 */
import type Handlebars from 'handlebars';

type AST = ReturnType<typeof Handlebars.parse>;
type Node = { type: string; loc?: unknown } & Record<string, unknown>;

export const MD_ESCAPE_HELPER = 'md-escape';

const SPECIAL = /[\\`*_[\]<>|~&#]/g;
const ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/**
 * Text as Markdown shows it literally: backslash-escapes for inline markup and the table pipe, entities for
 * what could open HTML, and line breaks as `<br>` (a table row is one line; a paragraph keeps its breaks).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(SPECIAL, (c) => ENTITY[c] ?? `\\${c}`)
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** Rewrites the escaped mustaches of a parsed template in place (see above); `helpers` are the known names. */
export function escapeMustachesAsMarkdown(program: AST, helpers: ReadonlySet<string>): AST {
  walk(program as unknown as Node, helpers);
  return program;
}

function walk(node: Node, helpers: ReadonlySet<string>): void {
  if (node.type === 'Program') {
    const body = node.body as Node[];
    body.forEach((statement, i) => {
      if (statement.type === 'MustacheStatement' && statement.escaped) body[i] = escaped(statement, helpers);
      else walk(statement, helpers);
    });
  }
  for (const key of ['program', 'inverse'] as const) {
    const child = node[key] as Node | undefined;
    if (child) walk(child, helpers);
  }
}

function escaped(mustache: Node, helpers: ReadonlySet<string>): Node {
  const path = mustache.path as Node;
  const params = (mustache.params as Node[]) ?? [];
  const callsHelper = params.length > 0 || Boolean(mustache.hash) || (path.type === 'PathExpression' && helpers.has(path.original as string));
  // A sub-expression is always a helper call; a plain value is passed as it is.
  const value = callsHelper ? { type: 'SubExpression', path, params, hash: mustache.hash, loc: mustache.loc } : path;
  return {
    ...mustache,
    escaped: false,
    path: { type: 'PathExpression', data: false, depth: 0, parts: [MD_ESCAPE_HELPER], original: MD_ESCAPE_HELPER, loc: mustache.loc },
    params: [value],
    hash: undefined,
  } as Node;
}
