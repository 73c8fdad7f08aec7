/**
 * One truth per number, held by the code's own shape: every measure of a project is derived in
 * src/metrics/measures.ts (or the metric modules it and the portfolio rules share), and the views and rules
 * only read it. This test fails when a view or a rule starts computing a measure of its own: it reads their
 * sources and looks for the readings only the measures may make.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { registerHelpers } from '../../src/output/reports/helpers.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}
const source = (path: string) => ({ path: relative(SRC, path).replace(/\\/g, '/'), text: readFileSync(path, 'utf8') });

/** The views: the report model, the formatters, `pmo status`, trends and gates. */
const VIEWS = [...files(join(SRC, 'output')), join(SRC, 'history/trend-point.ts'), join(SRC, 'cli/commands/status.ts'), join(SRC, 'gate.ts')].map(source);
const RULES = files(join(SRC, 'rules/builtin')).map(source);

/**
 * Day counts a view may make because they are not measures of a project: how far a date moved between two
 * versions of a file (the one-pager's --against and --history), and how long a waiver has left.
 */
const DELTAS = new Set(['output/reports/model/index.ts', 'output/reports/model/project-against.ts', 'output/reports/model/governance.ts']);

describe('one truth per number', () => {
  it('no view reads a project the way only the measures may: no rule readings, no ages or slips of its own', () => {
    const offences = VIEWS.flatMap(({ path, text }) => [
      ...(/from '[./]*rules\/util\.js'/.test(text) ? [`${path}: imports rules/util (status, approvals, open risks are measures)`] : []),
      ...(/\bdaysBetween\(/.test(text) && !DELTAS.has(path) ? [`${path}: counts days itself (ages and slips are measures)`] : []),
      ...(/(?<![.\w])(?:earnedValueOf|evmInputs|billingRows|overdueMilestones|milestonesDue|allocationSpans)\(/.test(text) ? [`${path}: computes a project measure itself`] : []),
    ]);
    expect(offences).toEqual([]);
  });

  it('no rule computes a measure the measures give: the approved budget and end, EVM, overdue, billing', () => {
    const offences = RULES.flatMap(({ path, text }) => [
      ...(/from '[./]*metrics\/(?:evm|schedule|revenue|risk)\.js'/.test(text) ? [`${path}: reads a metric module directly instead of ctx.measure()`] : []),
      ...(/\bcost_impact\b|\bschedule_impact_days\b/.test(text) && !path.endsWith('rebaseline-approved.ts') ? [`${path}: sums change impacts (the approved budget and end are measures)`] : []),
    ]);
    expect(offences).toEqual([]);
  });

  it('templates cannot compute: no helper does arithmetic', () => {
    const hb = Handlebars.create();
    registerHelpers(hb, 'md');
    const arithmetic = Object.keys(hb.helpers).filter((name) => /^(add|sub|subtract|minus|plus|mul|multiply|times|div|divide|sum|avg|mean|math|calc)$/i.test(name));
    expect(arithmetic).toEqual([]);
  });
});
