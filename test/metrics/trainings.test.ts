import { describe, expect, it } from 'vitest';
import { addMonths } from '../../src/model/dates.js';
import { trainingPolicy } from '../../src/model/training-policy.js';
import { requiredOfManager, requiredOfPerson, trainingCompliancePct, trainingStanding, type HeldTraining } from '../../src/metrics/trainings.js';

const policy = trainingPolicy({
  warning_days: 30,
  required: [
    { name: 'Code of conduct', valid_months: 12 },
    { name: 'Risk management', valid_months: 24, roles: ['Project manager'] },
    { name: 'Certified PM', managers: { budget: 1_000_000 } },
    { name: 'EVM', valid_months: 36, managers: { phase: 'execution', budget: 500_000 } },
  ],
});
const [conduct, risk, certified, evm] = policy.required as [never, never, never, never];
const held = (...entries: Array<[string, string | null]>): HeldTraining[] => entries.map(([name, date], index) => ({ name, date, index }));

describe('addMonths', () => {
  it('keeps the day, or takes the month’s last when it has none', () => {
    expect(addMonths('2025-04-02', 24)).toBe('2027-04-02');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
  });
});

describe('trainingStanding', () => {
  it('is missing without an entry of the name, valid for good without valid_months', () => {
    expect(trainingStanding(held(), conduct, '2026-11-20', 30).state).toBe('missing');
    expect(trainingStanding(held(['certified pm', null]), certified, '2026-11-20', 30)).toMatchObject({ state: 'valid', expires: null });
  });

  it('counts from the latest dated entry: expired from date + months on, expiring within the warning days', () => {
    // 2025-11-20 + 12 months = 2026-11-20: expired on the day itself.
    expect(trainingStanding(held(['Code of conduct', '2025-11-20']), conduct, '2026-11-20', 30)).toMatchObject({ state: 'expired', expires: '2026-11-20', daysLeft: 0 });
    // 2025-12-20 + 12 = 2026-12-20: 30 days left, the last day announced.
    expect(trainingStanding(held(['Code of conduct', '2025-12-20']), conduct, '2026-11-20', 30)).toMatchObject({ state: 'expiring', daysLeft: 30 });
    expect(trainingStanding(held(['Code of conduct', '2025-12-21']), conduct, '2026-11-20', 30)).toMatchObject({ state: 'valid', daysLeft: 31 });
    const two = held(['Code of conduct', '2024-01-01'], ['CODE OF CONDUCT', '2026-06-01'], ['Code of conduct', '2025-01-01']);
    expect(trainingStanding(two, conduct, '2026-11-20', 30)).toMatchObject({ state: 'valid', held: { index: 1 }, expires: '2027-06-01' });
  });

  it('cannot vouch for an undated entry of a training that expires', () => {
    expect(trainingStanding(held(['Risk management', null]), risk, '2026-11-20', 30).state).toBe('undated');
  });
});

describe('who must hold what', () => {
  it('requires a role’s trainings of that role, in any case, and everyone’s of all', () => {
    expect(requiredOfPerson(policy, 'project MANAGER').map((t) => t.name)).toEqual(['Code of conduct', 'Risk management']);
    expect(requiredOfPerson(policy, undefined).map((t) => t.name)).toEqual(['Code of conduct']);
  });

  it('requires a manager’s trainings of the projects that meet every condition given', () => {
    const config = { lifecycle: ['initiation', 'planning', 'execution', 'closing', 'closed'] };
    const names = (phase: string, budget: number | null) => requiredOfManager(policy, config, { phase, budget }).map((t) => t.name);
    expect(names('execution', 1_000_000)).toEqual(['Certified PM', 'EVM']);
    expect(names('planning', 1_000_000)).toEqual(['Certified PM']);
    expect(names('closing', 499_999)).toEqual([]);
    expect(names('closing', null)).toEqual([]);
    expect(evm).toBeDefined();
  });

  it('gives the share held valid, expiring ones included', () => {
    expect(trainingCompliancePct([{ state: 'valid' }, { state: 'expiring' }, { state: 'missing' }])).toBe(66.7);
    expect(trainingCompliancePct([])).toBeNull();
  });
});
