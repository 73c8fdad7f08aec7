/**
 * A history run keeps a day rule's findings until the day the rule said they may change
 * (RuleContext.sameFindingsUntil), words aside: a trend counts findings and never words them. What it gives
 * each week must be, but for the numbers in the words, what every rule run that week gives: the same rules,
 * severities, places and items, and the same fingerprints (which leave numbers out, output/fingerprint.ts).
 */
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

  it('keep nothing for a rule that read the day and said nothing, nor outside a history run', () => {
    // A week on which a green project is behind (SPI below the limit): evm-green-but-behind's finding.
    const [file, data, day] = projects
      .flatMap(([file, data]) => WEEKS.map((day) => [file, data, day] as const))
      .find(([file, data, day]) => runFileRules('project', file, data, config, day).some((f) => f.rule === 'evm-green-but-behind'))!;
    const standing: Standing = { dayless: new Map(), held: new Map() };
    runFileRules('project', file, data, config, day, [], undefined, standing);
    // Its words hold the SPI, which moves each day: it said no horizon.
    expect([...standing.held!.keys()]).not.toContain('evm-green-but-behind');
    expect(standing.dayless.has('evm-green-but-behind')).toBe(false);
    expect([...standing.held!.keys()]).toContain('status-fresh');
    const active = [file, data] as const;
    const plain: Standing = { dayless: new Map() };
    runFileRules('project', active[0], active[1], config, TODAY, [], undefined, plain);
    expect(plain.held).toBeUndefined();
    expect(plain.all).toBeUndefined();
  });
});
