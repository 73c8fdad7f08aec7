/**
 * Markdown for a pull-request comment or a CI job summary: a headline with the totals, then one GFM table row a
 * finding, the most severe first, each rule linked to its documentation. Waived findings are listed apart, in a
 * collapsed <details>. Every cell is escaped so that data from the YAML (a `|`, a newline, HTML) stays text.
 */
import { SEVERITY_RANK, type Finding } from '../../findings.js';
import { showControls } from '../controls.js';
import { SEVERITY_WORD, plural, totalsLine } from '../totals.js';
import type { FormatContext, Formatter } from './types.js';

/**
 * Table text: line breaks become <br>; characters that Markdown or HTML would read (a `|` ends the cell, `<`
 * starts a tag, `[` a link, a backslash escapes what follows) become character references; control
 * characters are shown as \uXXXX, as the stylish format does.
 */
function cell(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => showControls(line).replace(/[\\`*_[\]<>|~&]/g, (c) => `&#${c.charCodeAt(0)};`))
    .join('<br>');
}

function ruleLink(id: string, ctx: FormatContext): string {
  const { helpUri } = ctx.rule(id);
  return helpUri ? `[${cell(id)}](${encodeURI(helpUri).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})` : cell(id);
}

const where = (f: Finding) => cell(`${f.file}:${f.line}`);

export const markdown: Formatter = (findings, ctx) => {
  const open = findings.filter((f) => !f.waived);
  const waived = findings.filter((f) => f.waived);
  const out = [open.length ? `### pmo check: ${totalsLine(findings)}` : `### pmo check: No problems found in ${plural(ctx.files.length, 'file')}`, ''];
  if (open.length) {
    // A stable sort: within a severity, check's order (file, line, column, rule) stands.
    const sorted = [...open].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
    out.push('| severity | file:line | rule | message |', '|---|---|---|---|');
    for (const f of sorted) out.push(`| ${SEVERITY_WORD[f.severity]} | ${where(f)} | ${ruleLink(f.rule, ctx)} | ${cell(f.message)} |`);
    out.push('');
  }
  if (waived.length) {
    out.push(`<details><summary>${plural(waived.length, 'waived finding')}</summary>`, '');
    out.push('| file:line | rule | message | waiver |', '|---|---|---|---|');
    for (const f of waived) {
      const w = f.waived!;
      out.push(`| ${where(f)} | ${ruleLink(f.rule, ctx)} | ${cell(f.message)} | ${cell(`until ${w.expires}, approved by ${w.approved_by}: ${w.reason}`)} |`);
    }
    out.push('', '</details>', '');
  }
  return out.join('\n');
};
