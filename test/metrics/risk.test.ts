import { describe, expect, it } from 'vitest';
import { openIssues, riskExposure, topRisks } from '../../src/metrics/risk.js';
import issueEscalation from '../../src/rules/builtin/issue-escalation.js';
import { project, runProjectRule } from './rule-context.js';

const TODAY = '2026-11-20';

describe('riskExposure', () => {
  it('is probability x impact', () => {
    expect(riskExposure({ probability: 3, impact: 5 })).toBe(15);
    expect(riskExposure({ probability: 5, impact: 5 })).toBe(25);
  });
});

describe('topRisks', () => {
  const projects = [
    project('hermes', {
      risks: [
        { id: 'R1', title: 'SSO slips', probability: 4, impact: 4, status: 'open' }, // 16, no owner
        { id: 'R2', title: 'Budget cut', probability: 3, impact: 5, owner: 'asmith', mitigation: 'Phase it' }, // 15, no status: open
      ],
    }),
    project('apollo', {
      risks: [
        { id: 'R1', title: 'Vendor rate limits', probability: 4, impact: 4, owner: 'jdoe', mitigation: 'Quota', status: 'open' }, // 16
        { id: 'R2', title: 'Old and done', probability: 5, impact: 5, status: 'closed' }, // 25 but closed
        { id: 'R3', title: 'Minor', probability: 2, impact: 3 }, // 6
      ],
    }),
  ];

  it('lists open risks by exposure, then project id, then risk id', () => {
    // 16 apollo R1 and 16 hermes R1 tie: apollo first; then 15 hermes R2; then 6 apollo R3
    expect(topRisks(projects)).toEqual([
      { project: 'apollo', id: 'R1', title: 'Vendor rate limits', probability: 4, impact: 4, exposure: 16, owner: 'jdoe', mitigation: 'Quota', status: 'open' },
      { project: 'hermes', id: 'R1', title: 'SSO slips', probability: 4, impact: 4, exposure: 16, owner: null, mitigation: null, status: 'open' },
      { project: 'hermes', id: 'R2', title: 'Budget cut', probability: 3, impact: 5, exposure: 15, owner: 'asmith', mitigation: 'Phase it', status: 'open' },
      { project: 'apollo', id: 'R3', title: 'Minor', probability: 2, impact: 3, exposure: 6, owner: null, mitigation: null, status: 'open' },
    ]);
  });

  it('keeps the first `limit`, and can include closed risks', () => {
    expect(topRisks(projects, { limit: 2 }).map((r) => `${r.project}/${r.id}`)).toEqual(['apollo/R1', 'hermes/R1']);
    // the closed 25 now leads
    expect(topRisks(projects, { limit: 2, includeClosed: true }).map((r) => `${r.project}/${r.id} ${r.status}`)).toEqual([
      'apollo/R2 closed',
      'apollo/R1 open',
    ]);
  });
});

describe('openIssues', () => {
  const projects = [
    project('hermes', {
      issues: [
        { id: 'I1', title: 'Same day as apollo I1', raised: '2026-11-02' }, // 18 days
        { id: 'I2', title: 'Oldest', raised: '2026-10-01', owner: 'bkim' }, // 31 days to 11-01, + 19 = 50
      ],
    }),
    project('apollo', {
      issues: [
        { id: 'I1', title: 'Test env down', owner: 'bkim', raised: '2026-11-02', status: 'open', escalated: true }, // 18 days
        { id: 'I2', title: 'Resolved, status not updated', raised: '2026-09-01', resolved: '2026-09-03', status: 'open' }, // not open
        { id: 'I3', title: 'Closed', raised: '2026-08-01', status: 'closed' }, // not open
        { id: 'I4', title: 'Undated' }, // open, cannot be aged: last
      ],
    }),
  ];

  it('lists open issues oldest first, undated last, ties by project then id', () => {
    expect(openIssues(projects, TODAY)).toEqual([
      { project: 'hermes', id: 'I2', title: 'Oldest', owner: 'bkim', raised: '2026-10-01', age_days: 50, escalated: false },
      { project: 'apollo', id: 'I1', title: 'Test env down', owner: 'bkim', raised: '2026-11-02', age_days: 18, escalated: true },
      { project: 'hermes', id: 'I1', title: 'Same day as apollo I1', owner: null, raised: '2026-11-02', age_days: 18, escalated: false },
      { project: 'apollo', id: 'I4', title: 'Undated', owner: null, raised: null, age_days: null, escalated: false },
    ]);
  });

  it('reads "open" as issue-escalation does: the rule flags exactly the open, unescalated ones older than 14 days', () => {
    // hermes I2 (50 days) and hermes I1 (18 days); apollo I1 is escalated, apollo I4 cannot be aged
    const flagged = runProjectRule(issueEscalation, projects, TODAY).map((r) => `${r.project}/${r.item}`).sort();
    const expected = openIssues(projects, TODAY)
      .filter((i) => !i.escalated && i.age_days !== null && i.age_days > 14)
      .map((i) => `${i.project}/${i.id}`)
      .sort();
    expect(flagged).toEqual(['hermes/I1', 'hermes/I2']);
    expect(expected).toEqual(flagged);
  });
});
