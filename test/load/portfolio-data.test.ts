/**
 * What the reports can use of each file (src/load/portfolio-data.ts): a file whose data they cannot use is left
 * out, saying why, never taken for a file that is not there.
 */
import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../../src/load/discover.js';
import { readPortfolioData } from '../../src/load/portfolio-data.js';

const file = (path: string, kind: SourceFile['kind']): SourceFile => ({ path, kind });

describe('the portfolio data of the reports', () => {
  it('leaves out, saying so, a project or request with no data and no finding that says why; an empty people.yaml is nothing to report', () => {
    const files = [file('projects/a.yaml', 'project'), file('projects/b.yaml', 'project'), file('requests/r.yaml', 'request'), file('people.yaml', 'people')];
    // b and r read as no data (null: an empty document), though the check found nothing: a severity turned
    // down in pmo.yaml, or a read that failed after the check.
    const data = readPortfolioData(files, (f) => (f.path === 'projects/a.yaml' ? { id: 'a', name: 'Alpha' } : null), []);
    expect(data.projects.map((p) => p.path)).toEqual(['projects/a.yaml']);
    expect(data.requests).toEqual([]);
    expect(data.people).toEqual([]);
    expect(data.leftOut).toEqual([
      { file: 'projects/b.yaml', reason: 'no data pmo could read: run pmo check projects/b.yaml' },
      { file: 'requests/r.yaml', reason: 'no data pmo could read: run pmo check requests/r.yaml' },
    ]);
    // The broken project still counts for its manager and goals, as far as it can be read: here, its id.
    expect(data.brokenProjects.map((p) => p.id)).toEqual(['b']);
  });
});
