/** An earlier version's data, parsed only where it differs, is what parsing it whole gives. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFast } from '../../src/load/parse-yaml.js';
import { dataOfEarlier } from '../../src/history/reuse-sections.js';
import { PROJECT } from '../helpers/repo.js';

const ACME = fileURLToPath(new URL('../../examples/acme/projects/', import.meta.url));

/** Edits a week makes, each turning the later version back into an earlier one. */
const EDITS: Array<[string, (text: string) => string]> = [
  ['a status update appended later', (t) => t.replace(/\nstatus:\n/, '\nstatus:\n  - { date: 2026-01-02, by: jdoe, overall: red }\n')],
  ['a forecast moved', (t) => t.replace(/forecast: (\d{4})-/, (_, y: string) => `forecast: ${Number(y) - 1}-`)],
  ['a field added', (t) => `${t}\nnotes: moved later\n`],
  ['a field removed', (t) => t.replace(/^priority: .*\n/m, '')],
  ['an item reworded', (t) => t.replace(/title: /, 'title: Earlier ')],
  ['a comment changed', (t) => t.replace(/\n/, '\n# was here\n')],
  ['a list written in flow style', (t) => t.replace(/^goals: .*$/m, 'goals:\n  - G9')],
];

describe('dataOfEarlier', () => {
  const files = [['helper', PROJECT], ...readdirSync(ACME).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(ACME + f, 'utf8')])];
  for (const [name, later] of files) {
    it(`gives the whole parse's data for each edit of ${name}`, () => {
      const now = { text: later!, data: parseFast(later!)?.data };
      for (const [edit, apply] of EDITS) {
        const earlier = apply(later!);
        expect(dataOfEarlier(earlier, now), `${name}: ${edit}`).toEqual(parseFast(earlier)?.data);
      }
    });
  }

  it('gives undefined for text that does not parse', () => {
    expect(dataOfEarlier('id: [x\n', { text: PROJECT, data: parseFast(PROJECT)!.data })).toBeUndefined();
  });
});
