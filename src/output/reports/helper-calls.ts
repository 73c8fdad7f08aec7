/**
 * Helper calls checked before a template runs: a helper given fewer values than it needs (`{{money}}`,
 * `{{pluralize n}}`) would print "n/a" or leak a JavaScript error at render time, without a line. Found in
 * the template's syntax tree, every call is judged, in branches that this model's data never takes too.
 */
import Handlebars from 'handlebars';

/** The values each built-in helper needs, and how to call it. */
export const HELPER_USAGE: Record<string, { min: number; usage: string }> = {
  date: { min: 1, usage: '{{date value}} or {{date value "long"}}' },
  money: { min: 1, usage: '{{money value}} or {{money value compact=true}}' },
  percent: { min: 1, usage: '{{percent value}} or {{percent value 1}}' },
  number: { min: 1, usage: '{{number value}}, {{number value 2}} or {{number value unit="day"}}' },
  pluralize: { min: 2, usage: '{{pluralize count "word"}}' },
  rag: { min: 1, usage: '{{rag status}}' },
  sort: { min: 2, usage: '{{#each (sort list "field")}}' },
  limit: { min: 2, usage: '{{#each (limit list 10)}}' },
  join: { min: 1, usage: '{{join list}} or {{join list ", "}}' },
  default: { min: 2, usage: '{{default value "fallback"}}' },
  sparkline: { min: 1, usage: '{{sparkline values}}' },
  chart: { min: 2, usage: '{{chart "name" data}}' },
  eq: { min: 2, usage: '(eq a b)' },
  ne: { min: 2, usage: '(ne a b)' },
  gt: { min: 2, usage: '(gt a b)' },
  gte: { min: 2, usage: '(gte a b)' },
  lt: { min: 2, usage: '(lt a b)' },
  lte: { min: 2, usage: '(lte a b)' },
  not: { min: 1, usage: '(not value)' },
};

/** Each call of a known helper with too few values: the helper, the line, and how to call it. */
export function helperCallErrors(ast: hbs.AST.Program): Array<{ line: number; message: string }> {
  const errors: Array<{ line: number; message: string }> = [];
  const judge = (path: hbs.AST.Expression, params: hbs.AST.Expression[], hash: hbs.AST.Hash | undefined, line: number) => {
    if (path.type !== 'PathExpression') return;
    const name = (path as hbs.AST.PathExpression).original;
    const usage = Object.hasOwn(HELPER_USAGE, name) ? HELPER_USAGE[name] : undefined;
    if (!usage || params.length >= usage.min) return;
    // `{{date}}` alone, with nothing else, may be meant as a field named after a helper: say that too.
    const field = params.length === 0 && !hash ? ` (for the field '${name}', write {{this.${name}}})` : '';
    errors.push({ line, message: `{{${name}}} needs ${usage.min === 1 ? 'a value' : `${usage.min} values`}: ${usage.usage}${field}` });
  };
  class Finder extends Handlebars.Visitor {
    override MustacheStatement(node: hbs.AST.MustacheStatement): void {
      judge(node.path, node.params, node.hash, node.loc.start.line);
      super.MustacheStatement(node);
    }
    override SubExpression(node: hbs.AST.SubExpression): void {
      judge(node.path, node.params, node.hash, node.loc.start.line);
      super.SubExpression(node);
    }
    override BlockStatement(node: hbs.AST.BlockStatement): void {
      judge(node.path, node.params, node.hash, node.loc.start.line);
      super.BlockStatement(node);
    }
  }
  new Finder().accept(ast);
  return errors;
}
