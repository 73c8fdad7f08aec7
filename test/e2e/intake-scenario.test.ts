/** `pmo report intake --budget`: the example's three requests fitted to a budget, worked out by hand. */
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';

const EXAMPLE = new URL('../../examples/acme', import.meta.url).pathname;
const intake = (...args: string[]) => pmo(['report', 'intake', '-C', EXAMPLE, '--today', '2026-11-20', ...args]);

describe('pmo report intake --budget', () => {
  it('proposes the set with the best total score that fits, and says what kept each other one out', () => {
    // ai-service-desk 27 for 280,000; treasury-system 27 for 190,000; fleet-electrification 18 for 520,000.
    // Within 500,000: the first two (54 for 470,000); fleet alone is over it.
    const run = intake('--budget', '500,000', '-f', 'json');
    expect(run.stderr).toBe('');
    const { scenario } = JSON.parse(run.stdout);
    expect(scenario.chosen.map((r: { id: string }) => r.id)).toEqual(['ai-service-desk', 'treasury-system']);
    expect([scenario.method, scenario.total_score, scenario.total_cost]).toEqual(['exact', 54, 470000]);
    expect(scenario.left_out).toEqual([{ id: 'fleet-electrification', name: 'Electric delivery van pilot (city zones)', score: 18, cost: 520000, reason: 'its cost 520000 alone is over the budget 500000', constraint: 'budget' }]);
    // Within 700,000: 280,000 + 190,000 leave 230,000, not enough for fleet; fleet with either other scores 45 < 54
    const wider = JSON.parse(intake('--budget', '700000', '-f', 'json').stdout).scenario;
    expect(wider.left_out.map((r: { reason: string }) => r.reason)).toEqual(['its cost 520000 does not fit the 230000 left once the set with the highest total score is in']);
    expect(intake('--budget', '500000').stdout).toContain('## Within a budget of €500,000');
  });

  it('refuses a budget that is no amount, and --budget on another report: exit 2', () => {
    expect(intake('--budget', 'lots').code).toBe(2);
    const weekly = pmo(['report', 'weekly', '-C', EXAMPLE, '--budget', '5']);
    expect([weekly.code, weekly.stderr]).toEqual([2, 'pmo: --budget is for the intake scenario: pmo report intake --budget <amount>\n']);
  });
});
