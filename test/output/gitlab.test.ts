/** `pmo check --format gitlab`: GitLab Code Quality issues whose fingerprints follow the finding, not its line. */
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { writeFiles } from '../helpers/repo.js';
import { APOLLO, TODAY, findingsRepo } from './portfolio.js';

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end: number } };
}

function issuesOf(dir: string): Issue[] {
  const run = pmo(['check', '--today', TODAY, '--format', 'gitlab'], { cwd: dir });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

const byRule = (issues: Issue[]) => Object.fromEntries(issues.map((i) => [`${i.check_name} ${i.description.slice(0, 12)}`, i.fingerprint]));

describe('pmo check --format gitlab', () => {
  it('is an array of Code Quality issues; errors are major, warnings minor, infos info; waived findings are left out', () => {
    const issues = issuesOf(findingsRepo());
    expect(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin])).toEqual([
      ['schema/unknown-field', 'minor', 'projects/apollo.yaml', 5],
      ['ref/unknown-person', 'major', 'projects/apollo.yaml', 7],
      ['risk-has-owner', 'major', 'projects/apollo.yaml', 31],
      ['risk-review-soon', 'minor', 'projects/apollo.yaml', 31],
      ['risk-review-soon', 'minor', 'projects/apollo.yaml', 32],
      ['waiver/expiring', 'info', 'waivers.yaml', 2],
    ]);
    expect(issues[1]).toEqual({
      description: "sponsor 'asmyth' is not in people.yaml; did you mean 'asmith'?",
      check_name: 'ref/unknown-person',
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      severity: 'major',
      location: { path: 'projects/apollo.yaml', lines: { begin: 7, end: 7 } },
    });
  });

  it('fingerprints are stable from run to run (the second one from the cache) and distinct', () => {
    const dir = findingsRepo();
    const first = issuesOf(dir).map((i) => i.fingerprint);
    expect(issuesOf(dir).map((i) => i.fingerprint)).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  it('survive lines added above the finding, and change when the finding does', () => {
    const dir = findingsRepo();
    const before = byRule(issuesOf(dir));
    writeFiles(dir, { 'projects/apollo.yaml': `# moved down by a comment and a blank line\n\n${APOLLO}` });
    const shifted = issuesOf(dir);
    expect(shifted.find((i) => i.check_name === 'risk-has-owner')!.location.lines.begin).toBe(33);
    expect(byRule(shifted)).toEqual(before);

    writeFiles(dir, { 'projects/apollo.yaml': APOLLO.replace('Key engineer leaves', 'Key engineer retires') });
    const after = byRule(issuesOf(dir));
    const changed = Object.keys(before).filter((key) => after[key] !== before[key]);
    // R1's title is in the messages of both rules on R1; nothing else changed.
    expect(changed).toEqual(['risk-has-owner risk R1 "Key', 'risk-review-soon risk R1 <&"\'']);
  });

  it('keep a finding whose message counts the days since a date the same from one day to the next', () => {
    const dir = findingsRepo();
    const on = (today: string) => JSON.parse(pmo(['check', '--today', today, '--format', 'gitlab'], { cwd: dir }).stdout) as Issue[];
    const stale = (issues: Issue[]) => issues.find((i) => i.check_name === 'status-fresh')!;
    const [monday, tuesday] = [stale(on('2027-02-01')), stale(on('2027-02-02'))];
    expect(monday.description).toMatch(/\(\d+ days ago\)/);
    expect(tuesday.description).not.toBe(monday.description);
    expect(tuesday.fingerprint).toBe(monday.fingerprint);
  });

  it('tells identical findings apart, in file order', () => {
    const dir = findingsRepo({ 'projects/apollo.yaml': 'id: apollo\nmilestones:\n\t- id: M1\n\t- id: M2\n' });
    const tabs = issuesOf(dir).filter((i) => i.check_name === 'yaml/tab-indent');
    expect(tabs.map((i) => i.location.lines.begin)).toEqual([3, 4]);
    expect(tabs[0]!.description).toBe(tabs[1]!.description);
    expect(tabs[0]!.fingerprint).not.toBe(tabs[1]!.fingerprint);
    // The first keeps its fingerprint when the second goes.
    writeFiles(dir, { 'projects/apollo.yaml': 'id: apollo\nmilestones:\n\t- id: M1\n' });
    expect(issuesOf(dir).find((i) => i.check_name === 'yaml/tab-indent')!.fingerprint).toBe(tabs[0]!.fingerprint);
  });
});
