/**
 * Helper calls in templates, judged before a template runs (src/output/reports/helper-calls.ts): every call of
 * a built-in helper gets the values it needs. A mustache that names a helper and gives it nothing (`{{date}}`
 * meant as the field `date`) called the helper and printed "n/a" where the value should be.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { HELPER_USAGE, helperCallErrors } from '../../../src/output/reports/helper-calls.js';
import { registerHelpers } from '../../../src/output/reports/helpers.js';
import { pmo } from '../../helpers/cli.js';
import { makePortfolio } from '../../helpers/repo.js';

const TEMPLATES = fileURLToPath(new URL('../../../templates/', import.meta.url));
const templates = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? templates(join(dir, e.name)) : e.name.endsWith('.hbs') ? [join(dir, e.name)] : []));

describe('helper calls in templates', () => {
  it('every built-in template gives each helper what it needs', () => {
    const offences = templates(TEMPLATES).flatMap((file) =>
      helperCallErrors(Handlebars.parse(readFileSync(file, 'utf8'))).map((e) => `${relative(TEMPLATES, file)}:${e.line} ${e.message}`),
    );
    expect(offences).toEqual([]);
  });

  it('knows every helper the reports register', () => {
    const hb = Handlebars.create();
    registerHelpers(hb, 'html');
    const ours = Object.keys(hb.helpers).filter((name) => !['helperMissing', 'blockHelperMissing', 'each', 'if', 'unless', 'with', 'log', 'lookup'].includes(name));
    expect(ours.filter((name) => !(name in HELPER_USAGE)).sort()).toEqual(['and', 'or']); // any number of values
  });

  it('finds a field written like a helper, and a helper given too little, at their lines', () => {
    const errors = helperCallErrors(Handlebars.parse('{{#each rows}}\n<td>{{date}}</td><td>{{date this.date}}</td>\n{{pluralize n}}{{/each}}'));
    expect(errors).toEqual([
      { line: 2, message: "{{date}} needs a value: {{date value}} or {{date value \"long\"}} (for the field 'date', write {{this.date}})" },
      { line: 3, message: '{{pluralize}} needs 2 values: {{pluralize count "word"}}' },
    ]);
  });

  it("stops a PMO's template that calls a helper wrongly: exit 2, its file and line, no JavaScript error", () => {
    const dir = makePortfolio();
    mkdirSync(join(dir, 'templates'));
    writeFileSync(join(dir, 'templates/weekly.md.hbs'), '# Weekly\n\n{{money}}\n');
    const run = pmo(['report', 'weekly', '-C', dir, '--today', '2026-11-20']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('templates/weekly.md.hbs:3: {{money}} needs a value: {{money value}} or {{money value compact=true}}');
    expect(run.stderr).not.toContain('Cannot read properties');
  });
});
