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
import { runFileRules, type Standing } from '../../src/rules/run.js';
import { generatedPortfolio, type Generated } from '../helpers/generated.js';

const TODAY = '2026-11-16';
/** Each week for two years from a year before the portfolio's date: reviews lapse, milestones and billing fall due. */
const WEEKS = Array.from({ length: 105 }, (_, i) => addDays('2025-11-16', 7 * i));
/** The rules that say how long their findings hold. */
const HORIZON_RULES = ['milestone-overdue', 'risk-review-overdue', 'status-fresh', 'issue-escalation', 'change-awaiting-decision', 'revenue-billing-overdue', 'revenue-invoice-unpaid'];

let generated: Generated;
let config: Config;
let projects: Array<[string, unknown]>;

beforeAll(() => {
  generated = generatedPortfolio({ projects: 120, today: TODAY });
  config = configFrom(generated.configData);
  projects = generated.projects.map(([path, text]) => [path, parseYaml(text, path).data]);
}, 60_000);

afterAll(() => generated.remove());

/** What a trend reads of a finding: all of it but the numbers in its words. */
const identities = (findings: readonly RawFinding[]) => {
  const prints = fingerprints(findings);
  return findings.map((f, i) => ({ rule: f.rule, severity: f.severity, at: f.at, item: f.item, project: f.project, print: prints[i] }));
};

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
        if (standing.all && standing.all.from < day && (standing.all.until === null || day < standing.all.until)) wholeFiles++;
        const given = runFileRules('project', file, data, config, day, [], undefined, standing);
        const judged = runFileRules('project', file, data, config, day);
        expect(identities(given), `${file} on ${day}`).toEqual(identities(judged));
        for (const rule of HORIZON_RULES) {
          const ofRule = given.filter((f) => f.rule === rule);
          // Kept: the very findings of the week before (not found again), and some to keep.
          if (before && ofRule.length > 0 && ofRule.every((f) => before!.includes(f))) kept.set(rule, kept.get(rule)! + 1);
          if (before && byRule(before, rule) !== byRule(judged, rule)) changed.set(rule, changed.get(rule)! + 1);
        }
        before = given;
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

  it('keep nothing for a rule that read the day and said nothing, nor outside a history run', () => {
    const active = projects.find(([, data]) => (data as { phase?: string }).phase === 'execution')!;
    const standing: Standing = { dayless: new Map(), held: new Map() };
    runFileRules('project', active[0], active[1], config, TODAY, [], undefined, standing);
    // evm-green-but-behind reads SPI (planned value moves with the day) and says no horizon.
    expect([...standing.held!.keys()]).not.toContain('evm-green-but-behind');
    expect([...standing.held!.keys()]).toContain('status-fresh');
    const plain: Standing = { dayless: new Map() };
    runFileRules('project', active[0], active[1], config, TODAY, [], undefined, plain);
    expect(plain.held).toBeUndefined();
    expect(plain.all).toBeUndefined();
  });
});
