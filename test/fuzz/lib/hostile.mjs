/**
 * The hostile list: every construct the mutations know, each once, on the files where it hurts most, named.
 * Random cases meet these by chance; this list meets each of them on every long run.
 */
import { FOLDER_LINKS, FILE_LINKS } from './links.mjs';
import { ALIAS_SNIPPETS, BAD_UTF8, EMPTY_FILES, KEYS, MARKERS, TAGS } from './mutations.mjs';
import { PROTO_NAMES } from './trees.mjs';

const PROJECT = 'projects/crm-migration.yaml';
/** A line inside the milestones list (its fourth item's map), and one at the top level. */
const NESTED = 34;
const TOP = 12;

const each = (list, make) => list.map((_, i) => make(i));

/** Cases as the generator makes them, with a name: { name, file, mutations, fs?, reports }. */
export function hostileCases() {
  const one = (name, file, mutations, extra = {}) => ({ name, file, mutations, reports: true, ...extra });
  return [
    ...each(ALIAS_SNIPPETS, (i) => one(`alias snippet ${i}: ${ALIAS_SNIPPETS[i][0]}`, PROJECT, [{ kind: 'aliases', at: TOP, snippet: i }])),
    ...each(ALIAS_SNIPPETS, (i) => one(`alias snippet ${i} nested`, PROJECT, [{ kind: 'aliases', at: NESTED, snippet: i }])),
    one('aliases in pmo.yaml', 'pmo.yaml', [{ kind: 'aliases', at: 20, snippet: 0 }]),
    one('an alias into its own node', PROJECT, [{ kind: 'alias-node', from: 10, to: 12 }]),
    ...['pmo.yaml', 'people.yaml', PROJECT, 'rules/governance.yaml', 'waivers.yaml'].flatMap((file) =>
      each(PROTO_NAMES, (i) => one(`${PROTO_NAMES[i]} key in ${file}`, file, [{ kind: 'proto-key', at: i % 2 ? TOP : NESTED, name: i, tree: { polluted: true, id: 'x' }, style: 'block' }])),
    ),
    ...each(PROTO_NAMES, (i) => one(`${PROTO_NAMES[i]} as a value`, PROJECT, [{ kind: 'proto-value', at: 2, name: i }])),
    ...each(PROTO_NAMES, (i) => one(`${PROTO_NAMES[i]} as a list item's value`, PROJECT, [{ kind: 'proto-value', at: NESTED, name: i }])),
    ...each(KEYS, (i) => one(`non-string key ${KEYS[i]}`, PROJECT, [{ kind: 'non-string-key', at: NESTED, key: i }])),
    ...each(TAGS, (i) => one(`tag ${TAGS[i]}`, PROJECT, [{ kind: 'tag', at: 20, tag: i }])),
    ...['flow-seq', 'flow-map', 'block-map', 'block-seq'].flatMap((form) =>
      [false, true].map((unclosed) => one(`deep ${form}${unclosed ? ' unclosed' : ''}`, PROJECT, [{ kind: 'deep', depth: 200_000, form, unclosed }])),
    ),
    one('20,000 copies of a list item', PROJECT, [{ kind: 'huge-list', pick: 3, size: 20_000, scalars: false }]),
    one('a list of 20,000 numbers', PROJECT, [{ kind: 'huge-list', pick: 0, size: 20_000, scalars: true }]),
    one('20,000 people', 'people.yaml', [{ kind: 'huge-list', pick: 0, size: 20_000, scalars: false }]),
    ...['ascii', 'unicode', 'quoted'].map((chars) => one(`a 1,000,000-character line (${chars})`, PROJECT, [{ kind: 'long-line', at: TOP, length: 1_000_000, chars, append: false }])),
    ...each(BAD_UTF8, (i) => one(`invalid UTF-8 ${BAD_UTF8[i].map((b) => b.toString(16)).join(' ')}`, PROJECT, [{ kind: 'invalid-utf8', offset: 300, seq: i }])),
    one('invalid UTF-8 in pmo.yaml', 'pmo.yaml', [{ kind: 'invalid-utf8', offset: 300, seq: 0 }]),
    ...['start', 'double', 'middle'].map((where) => one(`BOM ${where}`, PROJECT, [{ kind: 'bom', where, offset: 200 }])),
    ...['crlf', 'cr', 'mixed'].map((mode) => one(`line ends ${mode}`, PROJECT, [{ kind: 'line-ends', mode }])),
    one('tabs for indentation', PROJECT, [{ kind: 'tabs', at: NESTED, count: 3, inside: false }]),
    one('tabs after indentation', PROJECT, [{ kind: 'tabs', at: NESTED, count: 3, inside: true }]),
    one('a merge conflict', PROJECT, [{ kind: 'conflict', at: 20, count: 3 }]),
    ...each(MARKERS, (i) => one(`a lone ${MARKERS[i].slice(0, 7)}`, PROJECT, [{ kind: 'conflict', at: 20, count: 1, lone: i }])),
    one('a merge conflict in pmo.yaml', 'pmo.yaml', [{ kind: 'conflict', at: 20, count: 3 }]),
    ...['---', '...', '--- |', '%YAML 1.2', 'copy'].map((form) => one(`multi-document ${form}`, PROJECT, [{ kind: 'multi-document', at: 20, form }])),
    ...['pmo.yaml', 'people.yaml', PROJECT, 'rules/governance.yaml'].flatMap((file) =>
      each(EMPTY_FILES, (i) => one(`${file} is ${JSON.stringify(EMPTY_FILES[i])}`, file, [{ kind: 'whole-file', tree: null, style: 'block', empty: i }])),
    ),
    ...['pmo.yaml', 'people.yaml', PROJECT, 'rules/governance.yaml', 'requests/treasury-system.yaml'].flatMap((file) =>
      FILE_LINKS.map((to) => one(`${file} is a link: ${to}`, file, [], { fs: { kind: 'link', to } })),
    ),
    ...FOLDER_LINKS.map((folder) => one(`${folder} is a link outside`, PROJECT, [], { fs: { kind: 'folder-link', folder } })),
  ];
}
