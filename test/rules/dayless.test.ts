/**
 * A history run judges each version of a project on every period it lives through. The built-in rules that
 * did not read the day are not run again on the next (runFileRules' `dayless`): what it gives must be what
 * running every rule gives, on every day, for every kind of project.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawFinding } from '../../src/findings.js';
import { parseYaml } from '../../src/load/parse-yaml.js';
import { configFrom, type Config } from '../../src/model/config.js';
import { readsTheDay, runFileRules } from '../../src/rules/run.js';
import { generatedPortfolio, type Generated } from '../helpers/generated.js';

const TODAY = '2026-11-16';
/** From a year before the portfolio's date to a year after: due dates pass, reviews lapse, projects close. */
const DAYS = ['2025-11-16', '2026-05-01', '2026-11-16', '2026-11-17', '2027-02-01', '2027-11-16'];

let generated: Generated;
let config: Config;
let projects: Array<[string, unknown]>;

beforeAll(() => {
  generated = generatedPortfolio({ projects: 120, today: TODAY });
  config = configFrom(generated.configData);
  projects = generated.projects.map(([path, text]) => [path, parseYaml(text, path).data]);
}, 60_000);

afterAll(() => generated.remove());

describe('rules that did not read the day', () => {
  it('give on each day, from what they found before, what every rule run that day gives', () => {
    let skipped = 0;
    let dayBound = 0;
    for (const [file, data] of projects) {
      const dayless = new Map<string, RawFinding[]>();
      for (const day of DAYS) {
        const known = dayless.size;
        expect(runFileRules('project', file, data, config, day, [], undefined, { dayless }), `${file} on ${day}`).toEqual(runFileRules('project', file, data, config, day));
        if (known > 0) skipped++;
      }
      if (!dayless.has('status-fresh')) dayBound++;
    }
    // Both kinds met: rules kept from the day before, and projects whose rules look at the date.
    expect(skipped).toBeGreaterThan(100);
    expect(dayBound).toBeGreaterThan(10);
  });

  it('leaves a closed project whose billing is settled day-blind: no rule reads the date for it', () => {
    const closed = {
      id: 'done', name: 'Done', manager: 'jdoe', phase: 'closed',
      dates: { start: '2025-01-06', baseline_end: '2025-12-19', actual_end: '2025-12-19' },
      revenue: [{ id: 'B1', amount: 1000, due: '2025-06-30', invoiced: '2025-06-30', received: '2025-07-20' }],
    };
    const dayless = new Map<string, RawFinding[]>();
    runFileRules('project', 'projects/done.yaml', closed, config, '2026-11-16', [], undefined, { dayless });
    expect(readsTheDay('project', config, [], dayless)).toBe(false);
  });

  it('keeps a rule that looked at the date out of the memo', () => {
    const open = projects.find(([, data]) => (data as { phase?: string }).phase === 'execution')!;
    const dayless = new Map<string, RawFinding[]>();
    runFileRules('project', open[0], open[1], config, '2026-11-16', [], undefined, { dayless });
    expect(dayless.has('status-fresh')).toBe(false);
    expect(dayless.has('risk-has-owner')).toBe(true);
    // TCPI is of the BAC, EV and AC, which no day moves (the cost side of earned value).
    expect(dayless.has('tcpi-achievable')).toBe(true);
  });
});
