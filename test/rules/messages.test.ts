/** Rule messages: placeholders filled from a report's data, and "1 days" read as "1 day". */
import { describe, expect, it } from 'vitest';
import { fillMessage } from '../../src/rules/types.js';

describe('filling a rule message', () => {
  it('fills every placeholder, spaces inside the braces or not, the same template again and again', () => {
    const template = "milestone '{{name}}' is {{ days }} days late (forecast {{forecast}})";
    expect(fillMessage(template, { name: 'Go-live', days: 12, forecast: '2026-12-01' })).toBe("milestone 'Go-live' is 12 days late (forecast 2026-12-01)");
    expect(fillMessage(template, { name: 'Design', days: 3, forecast: '2026-11-30' })).toBe("milestone 'Design' is 3 days late (forecast 2026-11-30)");
  });

  it('leaves a placeholder it has no value for as written, and does not take one from the prototype', () => {
    expect(fillMessage('owner {{owner}}: {{constructor}}', {})).toBe('owner {{owner}}: {{constructor}}');
  });

  it('says 1 day, 1 week, 1 month, 1 year, but keeps 11 days, 2.1 days and R1 owners', () => {
    expect(fillMessage('{{n}} days ago', { n: 1 })).toBe('1 day ago');
    expect(fillMessage('{{n}} weeks, {{m}} months, {{y}} years', { n: 1, m: 1, y: 1 })).toBe('1 week, 1 month, 1 year');
    expect(fillMessage('{{n}} days ago', { n: 11 })).toBe('11 days ago');
    expect(fillMessage('{{n}} days ago', { n: 2.1 })).toBe('2.1 days ago');
    expect(fillMessage('risk R1 owners left', {})).toBe('risk R1 owners left');
  });

  it('returns a template without placeholders as it is', () => {
    expect(fillMessage('no status update yet')).toBe('no status update yet');
  });
});
