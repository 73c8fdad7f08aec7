/** pmo report people, and the scorecards' pain points against the previous quarter in a real git repository. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { commitAt, gitAt } from '../helpers/history.js';
import { makePortfolio, PROJECT } from '../helpers/repo.js';

const ACME = fileURLToPath(new URL('../../examples/acme', import.meta.url));
const TODAY = ['--today', '2026-11-20'];

/** apollo with `count` extra open risks that have no owner (each one risk-has-owner finding). */
function withOwnerlessRisks(count: number, status: string): string {
  const risks = Array.from({ length: count }, (_, i) => `  - { id: R${i + 2}, title: Risk ${i + 2}, probability: 1, impact: 1, mitigation: Watch it, status: open }\n`).join('');
  return PROJECT.replace('team:\n', `${risks}team:\n`).replace('date: 2026-11-13', `date: ${status}`);
}

type Group = { key: string; pain_points: { rules: Array<{ rule: string; findings: number; previous: number | null; change: number | null }> } };
type Model = { scorecards: { compared_with: { quarter: string; date: string } | null; segments: Array<{ segment: string; groups: Group[] }> } };
const sponsorGroup = (model: Model) => model.scorecards.segments.find((s) => s.segment === 'sponsor')!.groups.find((g) => g.key === 'asmith')!;

describe('pain points, quarter on quarter', () => {
  it('counts each of the group’s top rules at the end of the previous quarter, from the commit git held then', () => {
    const dir = makePortfolio();
    gitAt(dir, undefined, 'init', '-q', '-b', 'main');
    commitAt(dir, '2026-09-20T12:00:00+00:00', 'Q3: one ownerless risk', { 'projects/apollo.yaml': withOwnerlessRisks(1, '2026-09-18') });
    commitAt(dir, '2026-11-18T12:00:00+00:00', 'Q4: three', { 'projects/apollo.yaml': withOwnerlessRisks(3, '2026-11-13') });
    for (const kind of ['audit', 'people']) {
      const run = pmo(['report', kind, ...TODAY, '-f', 'json'], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      const model = JSON.parse(run.stdout) as Model;
      expect(model.scorecards.compared_with).toMatchObject({ quarter: '2026-Q3', date: '2026-09-30' });
      expect(sponsorGroup(model).pain_points.rules).toContainEqual({ rule: 'risk-has-owner', findings: 3, previous: 1, change: 2 });
    }
  });

  it('says there is nothing to compare with outside git', () => {
    const model = JSON.parse(pmo(['report', 'audit', ...TODAY, '-f', 'json'], { cwd: makePortfolio() }).stdout) as Model;
    expect(model.scorecards.compared_with).toBeNull();
    expect(sponsorGroup(model).pain_points.rules.every((r) => r.previous === null && r.change === null)).toBe(true);
  });
});

describe('pmo report people', () => {
  it('renders Markdown, HTML and CSV of the example', () => {
    const md = pmo(['report', 'people', '-C', ACME, ...TODAY]);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('| Paola Rossi (prossi) | Project manager | Finance |');
    expect(md.stdout).toContain('Risk management on 2026-12-10');
    expect(md.stdout).toContain('## Scorecards');
    const html = pmo(['report', 'people', '-C', ACME, ...TODAY, '-f', 'html']);
    expect(html.stdout).toContain('<h2>Scorecards</h2>');
    const csv = pmo(['report', 'people', '-C', ACME, ...TODAY, '-f', 'csv']).stdout.split('\r\n');
    expect(csv[0]!.startsWith('id,name,role,department,manages,projects,capacity,peak_load,over_weeks,trainings_valid')).toBe(true);
    expect(csv.find((line) => line.startsWith('prossi,'))).toContain(',Risk management,');
  });
});
