/**
 * Positions kept beside a day-bound file's data (src/load/kept-positions.ts): read back through the kept data,
 * every node of every file points where the file's own position index and lines say, key and value, line and
 * column; data the index does not hold whole keeps nothing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PathAnchor } from '../../src/load/position-index.js';
import { keepPositions, keptSpans } from '../../src/load/kept-positions.js';
import { parseYaml } from '../../src/load/parse-yaml.js';
import { positionsOf, spansFor } from '../../src/load/position-index.js';
import { lineStarts, placeSpans } from '../../src/load/position.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '.git' || name === '.pmo' ? [] : yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Every node's path in the data, root first: as key and as value. */
function anchorsOf(value: unknown, path: Array<string | number> = []): PathAnchor[] {
  const here: PathAnchor[] = [{ path, on: 'value' }, { path, on: 'key' }];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => anchorsOf(item, [...path, i]))];
  if (typeof value === 'object' && value !== null) return [...here, ...Object.entries(value).flatMap(([key, item]) => anchorsOf(item, [...path, key]))];
  return here;
}

describe('kept positions', () => {
  it("place every node of the example's and the fixtures' files as the file's own index does", () => {
    const root = new URL('../../', import.meta.url).pathname;
    let kept = 0;
    for (const file of [...yamlFiles(join(root, 'examples')), ...yamlFiles(join(root, 'test/fixtures'))]) {
      const text = readFileSync(file, 'utf8');
      const parsed = parseYaml(text, file);
      if (parsed.data === undefined || parsed.findings.length > 0) continue;
      const index = positionsOf(text, parsed);
      // Through JSON, as the cache keeps the data
      const data = JSON.parse(JSON.stringify(parsed.data)) as unknown;
      const positions = keepPositions(data, index, lineStarts(text));
      if (!positions) continue;
      kept++;
      const anchors = anchorsOf(data);
      expect(keptSpans(data, JSON.parse(JSON.stringify(positions)), anchors), file).toEqual(placeSpans(spansFor(index, anchors), text));
    }
    expect(kept).toBeGreaterThan(20);
  });

  it('place one anchor alone as among all (the rest of the data stepped over), and a missing field on its parent', () => {
    const root = new URL('../../', import.meta.url).pathname;
    for (const file of yamlFiles(join(root, 'examples/acme/projects'))) {
      const text = readFileSync(file, 'utf8');
      const parsed = parseYaml(text, file);
      const data = JSON.parse(JSON.stringify(parsed.data)) as unknown;
      const index = positionsOf(text, parsed);
      const positions = keepPositions(data, index, lineStarts(text))!;
      const alone = (anchor: PathAnchor) => keptSpans(data, positions, [anchor]);
      for (const anchor of anchorsOf(data)) expect(alone(anchor), `${file} ${JSON.stringify(anchor)}`).toEqual(placeSpans(spansFor(index, [anchor]), text));
      const missing: PathAnchor = { path: ['risks', 0, 'no_such_field'], on: 'value' };
      expect(Object.values(alone(missing)!)[0]!.slice(0, 2), file).toEqual(index[JSON.stringify(['risks', 0])]!.slice(0, 2));
    }
  });

  it('place nothing from positions not as they were kept (the check reads the file instead)', () => {
    const text = 'id: a\nname: A\n';
    const parsed = parseYaml(text, 'a.yaml');
    const positions = keepPositions(parsed.data, positionsOf(text, parsed), lineStarts(text))!;
    const anchors: PathAnchor[] = [{ path: ['name'], on: 'value' }];
    expect(keptSpans(parsed.data, positions, anchors)).toEqual({ '["name"]': [12, 13, 2, 7, 2, 8] }); // "id: a\n" is 6 characters, "name: " 6 more: A at 12, line 2 column 7
    for (const damaged of [positions.replace(';', ''), positions.replace(/\d+/, 'x'), `${positions};1`, 42]) expect(keptSpans(parsed.data, damaged as string, anchors), String(damaged)).toBeUndefined();
  });

  it('are smaller than the file', () => {
    const text = readFileSync(new URL('../../examples/acme/projects/crm-migration.yaml', import.meta.url), 'utf8');
    const parsed = parseYaml(text, 'crm-migration.yaml');
    const positions = keepPositions(parsed.data, positionsOf(text, parsed), lineStarts(text))!;
    // 6,972 characters of YAML: ~3,700 of positions (~4,700 for the bench's 7,500-character projects)
    expect(JSON.stringify(positions).length).toBeLessThan(text.length * 0.6);
  });

  it('place the nodes of a mapping whose keys JavaScript orders otherwise than the file (integer keys)', () => {
    const text = 'id: a\nbudget_by_year:\n  2027: 10\n  2026: 20\n  later: 5\n';
    const parsed = parseYaml(text, 'years.yaml');
    const data = JSON.parse(JSON.stringify(parsed.data)) as unknown;
    // JavaScript (and so JSON) puts 2026 and 2027 first, in numeric order: not the file's
    expect(Object.keys((data as { budget_by_year: object }).budget_by_year)).toEqual(['2026', '2027', 'later']);
    const index = positionsOf(text, parsed);
    const positions = keepPositions(data, index, lineStarts(text))!;
    const anchors = anchorsOf(data);
    expect(keptSpans(data, positions, anchors)).toEqual(placeSpans(spansFor(index, anchors), text));
  });

  it('keep nothing for data the index does not hold whole (a value that came through a merge key)', () => {
    const text = 'base: &b\n  owner: ana\nrisk:\n  <<: *b\n  title: Late\n';
    const parsed = parseYaml(text, 'merge.yaml');
    expect((parsed.data as { risk: { owner: string } }).risk.owner).toBe('ana');
    expect(keepPositions(parsed.data, positionsOf(text, parsed), lineStarts(text))).toBeUndefined();
  });
});
