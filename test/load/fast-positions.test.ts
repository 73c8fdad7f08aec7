/**
 * Positions from the fast parser's events (src/load/fast-positions.ts) against the `yaml` package's, node by node:
 * where the events give an index it must be the one `indexPositions` reads from a `yaml` Document, key and value
 * offsets of every node; where they cannot vouch, they give none and the `yaml` package is asked.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { positionsFromEvents } from '../../src/load/fast-positions.js';
import { fastPathAllows, parseFast, parseForPositions } from '../../src/load/parse-yaml.js';
import { indexPositions, positionsOf } from '../../src/load/position-index.js';
import type { PositionIndex } from '../../src/load/position.js';
import { generatedPortfolio, type Generated } from '../helpers/generated.js';

/** The events' index of a text, or undefined when they decline it. */
function fromEvents(text: string): PositionIndex | undefined {
  const events = fastPathAllows(text) ? parseFast(text, true)?.events : undefined;
  return events && positionsFromEvents(text, events);
}

const fromYaml = (text: string) => indexPositions(parseForPositions(text));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '.git' || name === '.pmo' ? [] : yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

let generated: Generated;
beforeAll(() => {
  generated = generatedPortfolio({ projects: 300, today: '2026-11-20' });
});
afterAll(() => generated.remove());

describe('positions from the fast parser', () => {
  it('equal the yaml package\'s for every node of the generated corpus, the example and the fixtures', () => {
    const root = new URL('../../', import.meta.url).pathname;
    const files = [...yamlFiles(generated.repo), ...yamlFiles(join(root, 'examples')), ...yamlFiles(join(root, 'test/fixtures'))];
    let indexed = 0;
    let nodes = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const index = fromEvents(text);
      if (!index) continue;
      indexed++;
      nodes += Object.keys(index).length;
      expect({ file, index }).toEqual({ file, index: fromYaml(text) });
    }
    // They vouch for nearly every file pmo meets (the generator writes no empty values, tags or merge keys).
    expect(indexed).toBeGreaterThan(files.length * 0.95);
    expect(nodes).toBeGreaterThan(100_000);
  });

  // Each is read by the events (and must equal the yaml package), or declined (and the yaml package reads it).
  const handled: Record<string, string> = {
    'a block literal': 'a: |\n  line1\n  line2\nb: 1\n',
    'a block literal last': 'a:\n  s: |\n    x\n\n    y\n\n  t: 2\n',
    'a folded block, stripped, with blank lines after': 'a: >-\n  line1\n  line2\n\nb: 1\n',
    'a plain scalar over two lines': 'a: this is\n  continued here\nb: 2\n',
    'a quoted scalar over two lines': 'a: "this is\n  continued"\nb: 2\n',
    'a list in a list': 'a:\n  - - x\n    - y\n  - z\n',
    'maps in a list': 'a:\n  - x: 1\n    y: 2\n  - x: 3\n',
    'a list at its key\'s indentation': 'a:\n- 1\n- 2\nb: 3\n',
    'CRLF line ends': 'a: 1\r\nb:\r\n  - x\r\n  - y\r\nc: z\r\n',
    'no final line break': 'a: 1\nb:\n  c: 2',
    'trailing spaces': 'a: 1   \nb: two words   \n',
    'flow collections in flow collections': 'a: { b: [1, 2, { c: d }], e: {} }\nf: []\n',
    'a flow list over lines': 'a: [1,\n  2,\n  3]\nb: 1\n',
    'quoted keys': '"a b": 1\n\'c\': 2\n',
    'comments everywhere': '# head\n\na:\n  # c1\n  - 1 # one\n  # c2\n  - 2\n# end\nb: { x: 1 }   # flow\n',
    'a comment after the last value': 'a:\n  b: 1 # note\n\n# trailing\n',
    'escapes in quotes': 'a: "x\\"y: z"\nb: \'it\'\'s\'\n',
    'colons inside values': 'url: http://x.y/z\nt: "10:30"\n',
    'JSON style': '{"a": [1, 2], "b": {"c": null}}\n',
    'an indented root': '  a: 1\n  b: 2\n',
  };
  const declined: Record<string, string> = {
    'an empty value': 'a:\nb: 1\n',
    'an empty value last': 'a: 1\nb:\n',
    'an empty value before a comment': 'a: # nothing\nb: 1\n',
    'an empty list item': 'a:\n  -\n  - 2\n',
    'a merge key': 'a: 1\nb:\n  <<: { x: 1 }\n  y: 2\n',
    'a tag': 'a: !!str 12\nb: 1\n',
    'a kept block scalar': 'a: |+\n  x\n\n\nb: 1\n',
    'a pair in a flow list': 'a: [b: 1, c]\n',
    'number keys out of order': 'b: 1\n2: x\n',
    'a scalar document': 'just a scalar\n',
  };

  it.each(Object.entries(handled))('reads %s exactly', (_name, text) => {
    expect(fromEvents(text)).toEqual(fromYaml(text));
  });

  it.each(Object.entries(declined))('declines %s, which the yaml package then reads', (_name, text) => {
    expect(fromEvents(text)).toBeUndefined();
    expect(positionsOf(text)).toEqual(fromYaml(text));
  });
});
