/**
 * A history run keeps a day rule's findings until the day the rule said they may change
 * (RuleContext.sameFindingsUntil), words aside: a trend counts findings and never words them. What it gives
 * each week must be, but for the numbers in the words, what every rule run that week gives: the same rules,
 * severities, places and items, and the same fingerprints (which leave numbers out, output/fingerprint.ts).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawFinding } from '../../src/findings.js';
import { parseYaml } from '../../src/load/parse-yaml.js';
import { configFrom, type Config } from '../../src/model/config.js';
import { addDays } from '../../src/model/dates.js';
import { fingerprints } from '../../src/output/fingerprint.js';
import { heldOn, runFileRules, standingFindings, type HeldReports, type Standing } from '../../src/rules/run.js';
import { generatedPortfolio, type Generated } from '../helpers/generated.js';

const TODAY = '2026-11-16';
/** Each week for two years from a year before the portfolio's date: reviews lapse, milestones and billing fall due. */
const WEEKS = Array.from({ length: 105 }, (_, i) => addDays('2025-11-16', 7 * i));
/** The rules that say how long their findings hold. */
const HORIZON_RULES = [
  'milestone-overdue', 'risk-review-overdue', 'status-fresh', 'issue-escalation', 'change-awaiting-decision', 'revenue-billing-overdue', 'revenue-invoice-unpaid',
  'cost-month-logged', 'evm-green-but-behind',
];

let generated: Generated;
let config: Config;
let projects: Array<[string, unknown]>;

beforeAll(() => {
  generated = generatedPortfolio({ projects: 120, today: TODAY });
  // cost-month-logged is opt-in: on here, to be held to its horizon too.
  const data = generated.configData as { rules?: Record<string, string> };
  config = configFrom({ ...data, rules: { ...data.rules, 'cost-month-logged': 'warn' } });
  projects = generated.projects.map(([path, text]) => [path, parseYaml(text, path).data]);
}, 60_000);

afterAll(() => generated.remove());

/** What a trend reads of a finding: all of it but the numbers in its words. */
const identities = (findings: readonly RawFinding[]) => {
  const prints = fingerprints(findings);
  return findings.map((f, i) => ({ rule: f.rule, severity: f.severity, at: f.at, item: f.item, project: f.project, print: prints[i] }));
};

const holds = (held: { from: string; until: string | null }, day: string) => held.from < day && (held.until === null || day < held.until);

const byRule = (findings: readonly RawFinding[], rule: string) => JSON.stringify(identities(findings.filter((f) => f.rule === rule)));

describe('rules that said how long their findings hold', () => {
  it('give each week, from what they found before, what every rule run that week gives, numbers in the words aside', () => {
    const kept = new Map(HORIZON_RULES.map((rule) => [rule, 0]));
    const changed = new Map(HORIZON_RULES.map((rule) => [rule, 0]));
    let wholeFiles = 0;
    for (const [file, data] of projects) {
      const standing: Standing = { dayless: new Map(), held: new Map() };
      let before: RawFinding[] | undefined;
      for (const day of WEEKS) {
        if (standing.all && holds(standing.all, day)) wholeFiles++;
        // Kept: judged an earlier week, and not run again this one.
        for (const rule of HORIZON_RULES) if (standing.held!.get(rule) && holds(standing.held!.get(rule)!, day)) kept.set(rule, kept.get(rule)! + 1);
        const given = runFileRules('project', file, data, config, day, [], undefined, standing);
        const judged = runFileRules('project', file, data, config, day);
        expect(identities(given), `${file} on ${day}`).toEqual(identities(judged));
        for (const rule of HORIZON_RULES) if (before && byRule(before, rule) !== byRule(judged, rule)) changed.set(rule, changed.get(rule)! + 1);
        before = judged;
      }
    }
    // Each rule's findings were kept across weeks, and each met a week where they changed with the file unchanged
    // (a horizon passed): a horizon said too late would have kept the week before's and failed above.
    for (const rule of HORIZON_RULES) {
      expect(kept.get(rule), `${rule} kept`).toBeGreaterThan(0);
      expect(changed.get(rule), `${rule} changed`).toBeGreaterThan(0);
    }
    expect(wholeFiles).toBeGreaterThan(500);
  });

  it('worded again from their reports on a later day, give to the word what every rule run that day gives', () => {
    let worded = 0;
    let unread = 0;
    // Seven weeks after the portfolio's date: reviews, milestones and updates overdue by then, worded in days.
    const judgedOn = addDays(TODAY, 49);
    for (const [file, data] of projects) {
      // Judged on a day as a check that keeps what a new day needs; then each later day of the next month.
      const standing: Standing = { dayless: new Map(), held: new Map(), reports: true };
      runFileRules('project', file, data, config, judgedOn, [], undefined, standing);
      const kept: HeldReports[] = [...standing.held!].map(([rule, { from, until, reports }]) => ({ rule, from, until, reports: reports! }));
      for (let days = 1; days <= 30; days++) {
        const day = addDays(judgedOn, days);
        const again: Standing = { dayless: standing.dayless, held: heldOn('project', file, config, kept, day) };
        const judged = runFileRules('project', file, data, config, day);
        expect(runFileRules('project', file, data, config, day, [], undefined, again), `${file} on ${day}`).toEqual(judged);
        const stands = standingFindings('project', config, again, day);
        if (stands) expect(stands, `${file} on ${day}, without its data`).toEqual(judged);
        worded += [...again.held!.values()].reduce((n, held) => n + held.findings.length, 0);
        if (stands) unread++;
      }
    }
    // Both met often: held findings worded again, and files whose every rule stood (their data never read).
    expect(worded).toBeGreaterThan(1000);
    expect(unread).toBeGreaterThan(500);
  });

  it('hold an SPI in the words until it is shown as another value', () => {
    // Every week on which a green project is behind (evm-green-but-behind's finding, its SPI in the words).
    let held = 0;
    for (const [file, data] of projects) {
      for (const day of WEEKS) {
        const standing: Standing = { dayless: new Map(), held: new Map(), reports: true };
        const findings = runFileRules('project', file, data, config, day, [], undefined, standing).filter((f) => f.rule === 'evm-green-but-behind');
        const kept = standing.held!.get('evm-green-but-behind');
        if (findings.length === 0 || !kept) continue;
        // The same words on each day before the horizon, and other words on it (or none, past the last baseline).
        const words = (on: string) => runFileRules('project', file, data, config, on).filter((f) => f.rule === 'evm-green-but-behind').map((f) => f.message);
        const last = kept.until === null ? addDays(day, 60) : addDays(kept.until, -1);
        for (let on = addDays(day, 1); on <= last; on = addDays(on, 1)) expect(words(on), `${file} from ${day} to ${on}`).toEqual(words(day));
        if (kept.until !== null) expect(words(kept.until), `${file} on ${kept.until}`).not.toEqual(words(day));
        held++;
      }
    }
    expect(held).toBeGreaterThan(20);
  });

  it('keep nothing for a rule that read the day and said nothing, nor outside a history run', () => {
    // An audit whose action is overdue (due on the 19th): audit-action-overdue counts its days, and says no horizon.
    const [file, text] = ruleFixture('audit-action-overdue/flags/audits/2026-q3.yaml');
    const audit = parseYaml(text, file).data;
    const standing: Standing = { dayless: new Map(), held: new Map() };
    const found = runFileRules('audit', file, audit, config, '2026-11-25', [], undefined, standing);
    expect(found.map((f) => f.rule)).toContain('audit-action-overdue');
    expect([...standing.held!.keys()]).not.toContain('audit-action-overdue');
    expect(standing.dayless.has('audit-action-overdue')).toBe(false);
    expect(standing.all).toBeUndefined();
    const [active, data] = projects[0]!;
    const plain: Standing = { dayless: new Map() };
    runFileRules('project', active, data, config, TODAY, [], undefined, plain);
    expect(plain.held).toBeUndefined();
    expect(plain.all).toBeUndefined();
  });
});

/**
 * Rules whose horizons the generated portfolio does not meet (no holds, no KPI due dates), judged from the
 * horizons they said on each day of three months against every rule run that day, to the word.
 */
describe('a hold review and KPIs due', () => {
  it.each([
    // Reviewed by 2026-12-15: overdue the day after.
    ['hold-review-due', 'hold-review-due/on-hold.yaml', ['2026-12-16']],
    // Off target, due 2026-10-31, 2026-11-20 and 2026-11-21.
    ['kpi-off-target', 'kpi-off-target/off-target.yaml', ['2026-10-31', '2026-11-20', '2026-11-21']],
  ])('%s holds its findings until its date', (rule, fixture, changesOn) => {
    const [file, text] = ruleFixture(fixture);
    const data = parseYaml(text, file).data;
    const standing: Standing = { dayless: new Map(), held: new Map(), reports: true };
    const changed: string[] = [];
    let kept = 0;
    let before: string | undefined;
    for (let day = '2026-10-15'; day <= '2027-01-15'; day = addDays(day, 1)) {
      const mine = standing.held!.get(rule);
      if (mine && holds(mine, day)) kept++;
      const given = runFileRules('project', file, data, config, day, [], undefined, standing);
      const judged = runFileRules('project', file, data, config, day);
      // Its own to the word (its words count no days); the other rules' numbers aside, as a history run keeps them.
      const words = JSON.stringify(given.filter((f) => f.rule === rule));
      expect(words, `${file} on ${day}`).toBe(JSON.stringify(judged.filter((f) => f.rule === rule)));
      expect(identities(given), `${file} on ${day}`).toEqual(identities(judged));
      if (before !== undefined && words !== before) changed.push(day);
      before = words;
    }
    // Found from those days on, and held on the days between.
    expect(changed).toEqual(changesOn);
    // Three months, but for the days judged (the first, and those it changed on).
    expect(kept).toBe(93 - 1 - changesOn.length);
  });
});

/** A rule fixture's path and text. */
function ruleFixture(path: string): [string, string] {
  const at = new URL(`./fixtures/${path}`, import.meta.url);
  return [path.split('/').slice(-2).join('/'), readFileSync(at, 'utf8')];
}
