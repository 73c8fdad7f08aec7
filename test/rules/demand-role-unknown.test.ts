/**
 * demand-role-unknown: a request's demand line whose role nobody has is a finding on that line's role, worded
 * with the closest role someone has; people.yaml's roles and pmo.yaml's capacity.roles count, whatever their case.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { makePortfolio } from '../helpers/repo.js';

const REQUEST = (roles: string[]) => `id: atlas
name: Atlas data warehouse
requested_by: asmith
goals: [G1]
estimate: { cost: 300000, months: 9 }
scores: { value: 4, alignment: 5, risk: 2, urgency: 3 }
demand:
${roles.map((role) => `  - { role: ${role}, allocation: 50, from: 2027-01-04, to: 2027-06-30 }`).join('\n')}
`;

async function findings(files: Record<string, string>) {
  const dir = makePortfolio(files);
  return (await check({ cwd: dir, today: '2026-11-20', cache: false })).findings.filter((f) => f.rule === 'demand-role-unknown');
}

describe('demand-role-unknown', () => {
  it('points at the role of each line nobody has, and names the closest role someone has', async () => {
    // people.yaml (test/helpers/repo.ts): Project manager, Sponsor, Engineer.
    const found = await findings({ 'requests/atlas.yaml': REQUEST(['Enginer', 'ENGINEER', 'Astronaut']) });
    expect(found.map((f) => [f.line, f.column, f.severity, f.message])).toEqual([
      // Line 8 is the first demand line: `  - { role: ` is 12 characters, so the role starts at column 13.
      [8, 13, 'warn', "nobody has the role 'Enginer' (people.yaml, pmo.yaml's capacity.roles); did you mean 'Engineer'?: the capacity report would show it with no supply, and intake --capacity could never fit the request"],
      [10, 13, 'warn', "nobody has the role 'Astronaut' (people.yaml, pmo.yaml's capacity.roles): the capacity report would show it with no supply, and intake --capacity could never fit the request"],
    ]);
  });

  it("counts pmo.yaml's capacity.roles, whatever their case", async () => {
    const config = 'version: 1\norganization: Test Co\npmo_type: controlling\ncapacity:\n  roles: { astronaut: 1 }\n';
    expect(await findings({ 'pmo.yaml': config, 'requests/atlas.yaml': REQUEST(['Astronaut', ' engineer']) })).toEqual([]);
  });
});
