/**
 * The built-in templates, read as Handlebars reads them: a mustache that names a helper and gives it nothing
 * (`{{date}}` meant as the field `date`) calls the helper and prints "n/a" where the value should be. Fields
 * that share a helper's name are written `{{date this.date}}` or `{{this.date}}`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { registerHelpers } from '../../../src/output/reports/helpers.js';

const TEMPLATES = fileURLToPath(new URL('../../../templates/', import.meta.url));
const templates = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? templates(join(dir, e.name)) : e.name.endsWith('.hbs') ? [join(dir, e.name)] : []));

/** `{{helper}}` with no parameters and no hash, where `helper` is a registered helper: the places to fix. */
function bareHelpers(source: string, helpers: ReadonlySet<string>): Array<{ name: string; line: number }> {
  const found: Array<{ name: string; line: number }> = [];
  class Finder extends Handlebars.Visitor {
    override MustacheStatement(node: hbs.AST.MustacheStatement): void {
      const path = node.path as hbs.AST.PathExpression;
      if (path.type === 'PathExpression' && helpers.has(path.original) && node.params.length === 0 && !node.hash) found.push({ name: path.original, line: node.loc.start.line });
      super.MustacheStatement(node);
    }
  }
  new Finder().accept(Handlebars.parse(source));
  return found;
}

describe('template lint', () => {
  const hb = Handlebars.create();
  registerHelpers(hb, 'md');
  const helpers = new Set(Object.keys(hb.helpers));

  it('no built-in template calls a helper with nothing where it means a field of the same name', () => {
    const offences = templates(TEMPLATES).flatMap((file) =>
      bareHelpers(readFileSync(file, 'utf8'), helpers).map((f) => `${relative(TEMPLATES, file)}:${f.line} {{${f.name}}}`),
    );
    expect(offences).toEqual([]);
  });

  it('finds the mistake it is for', () => {
    expect(bareHelpers('{{#each rows}}<td>{{date}}</td><td>{{date this.date}}</td>{{/each}}', helpers)).toEqual([{ name: 'date', line: 1 }]);
  });
});
