/** `pmo check --format markdown`: a GFM table that stays a table whatever the messages hold (read by marked). */
import { readFileSync } from 'node:fs';
import { marked, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { TODAY, cleanRepo, findingsRepo } from './portfolio.js';

const VERSION = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
const DOCS = `https://github.com/pmo-cli/pmo/blob/v${VERSION}/docs`;

function markdownOf(dir: string): string {
  const run = pmo(['check', '--today', TODAY, '--format', 'markdown'], { cwd: dir });
  expect(run.stderr).toBe('');
  return run.stdout;
}

const tables = (md: string) => marked.lexer(md).filter((t): t is Tokens.Table => t.type === 'table');
/** A cell as a reader sees it: its inline tokens rendered, then the HTML taken away. */
const plain = (cell: Tokens.TableCell) =>
  marked.parseInline(cell.text, { async: false }).replace(/<br>/g, '\n').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('pmo check --format markdown', () => {
  it('heads the table with the totals and lists the findings, the most severe first, each in four cells', () => {
    const md = markdownOf(findingsRepo());
    expect(md.split('\n')[0]).toBe('### pmo check: 6 problems (2 errors, 3 warnings, 1 info) in 2 files, 1 waived');
    const [findings] = tables(md);
    expect(findings!.header.map((h) => h.text)).toEqual(['severity', 'file:line', 'rule', 'message']);
    expect(findings!.rows.map((row) => row.length)).toEqual([4, 4, 4, 4, 4, 4]);
    expect(findings!.rows.map((row) => [row[0]!.text, row[1]!.text])).toEqual([
      ['error', 'projects/apollo.yaml:7'],
      ['error', 'projects/apollo.yaml:31'],
      ['warning', 'projects/apollo.yaml:5'],
      ['warning', 'projects/apollo.yaml:31'],
      ['warning', 'projects/apollo.yaml:32'],
      ['info', 'waivers.yaml:2'],
    ]);
  });

  it('keeps hostile text as text: a |, a line break, a script tag, a control character', () => {
    const [findings] = tables(markdownOf(findingsRepo()));
    const r2 = findings!.rows[4]!;
    expect(plain(r2[3]!)).toBe(`risk R2 <&"'> Supplier | <script>alert(1)</script> \\u0007late\nagain is next reviewed in 10 days`);
    expect(marked.parseInline(r2[3]!.text, { async: false })).not.toContain('<script>');
  });

  it('links rule ids to their documentation; the PMO’s own rules have none', () => {
    const [findings] = tables(markdownOf(findingsRepo()));
    const links = findings!.rows.map((row) => row[2]!.tokens[0]);
    expect(links[1]).toMatchObject({ type: 'link', href: `${DOCS}/rules.md#risk-has-owner`, text: 'risk-has-owner' });
    expect(links[0]).toMatchObject({ type: 'link', href: `${DOCS}/checks.md`, text: 'ref/unknown-person' });
    expect(links[3]).toMatchObject({ type: 'text', text: 'risk-review-soon' });
  });

  it('lists waived findings in a collapsed section, with the waiver', () => {
    const md = markdownOf(findingsRepo());
    expect(md).toContain('<details><summary>1 waived finding</summary>');
    const waived = tables(md)[1]!;
    expect(waived.header.map((h) => h.text)).toEqual(['file:line', 'rule', 'message', 'waiver']);
    expect(waived.rows).toHaveLength(1);
    expect(plain(waived.rows[0]![3]!)).toBe('until 2026-12-01, approved by asmith: Steering committee accepted the overrun & more');
  });

  it('says so when there is nothing to report', () => {
    expect(markdownOf(cleanRepo())).toBe('### pmo check: No problems found in 4 files\n');
  });
});
