import Handlebars from 'handlebars';
import { marked, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeMustachesAsMarkdown, MD_ESCAPE_HELPER } from '../../../src/output/reports/markdown.js';

/** Renders a Markdown template the way reports do: escaped mustaches become md-escape calls. */
function render(source: string, context: unknown, helpers: Record<string, Handlebars.HelperDelegate> = {}): string {
  const hb = Handlebars.create();
  hb.registerHelper(MD_ESCAPE_HELPER, (v: unknown) => (v instanceof hb.SafeString ? v.toString() : v == null ? '' : escapeMarkdown(String(v))));
  hb.registerHelper(helpers);
  return hb.compile(escapeMustachesAsMarkdown(hb.parse(source), new Set(Object.keys(hb.helpers))))(context);
}

const tableOf = (markdown: string) => marked.lexer(markdown).find((t) => t.type === 'table') as Tokens.Table;

describe('Markdown escaping of templates', () => {
  it('keeps a hostile value inside its table cell, shown as written', () => {
    const name = 'Pipes | and *stars* and <script>alert(1)</script>\nsecond line';
    const md = render('| Name | Phase |\n|---|---|\n| {{name}} | {{phase}} |\n', { name, phase: 'execution' });
    const table = tableOf(md);
    expect(table.header.map((h) => h.text)).toEqual(['Name', 'Phase']);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]).toHaveLength(2);
    expect(table.rows[0]![1]!.text).toBe('execution');
    const html = marked.parse(md) as string;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<em>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<br>second line');
  });

  it('escapes what helpers return, and leaves triple-stash and SafeString output raw', () => {
    const md = render('{{shout name}} {{{raw}}} {{safe}}', { name: 'a|b', raw: '**bold**' }, {
      shout: (v: string) => v.toUpperCase(),
      safe: () => new Handlebars.SafeString('<br>'),
    });
    expect(md).toBe('A\\|B **bold** <br>');
  });

  it('escapes inside blocks, each loops and else branches, and passes null as empty', () => {
    const md = render('{{#each items}}[{{this}}]{{/each}}{{#if no}}x{{else}}{{y}}{{/if}}{{missing}}', { items: ['_a_', '`b`'], y: '#1' });
    expect(md).toBe('[\\_a\\_][\\`b\\`]\\#1');
  });

  it('calls a helper named alone ({{today}}) rather than looking it up as a value', () => {
    expect(render('{{today}}', {}, { today: () => '2026-11-20' })).toBe('2026-11-20');
  });
});
