/**
 * The mutations: each one a plain JSON description (kept in a failing case's note, replayed from it) and the
 * function that applies it to a file's bytes. Positions are natural numbers taken modulo what the file has,
 * so a description applies to any file and shrinks towards its start.
 */
import fc from 'fast-check';
import { PROTO_NAMES, style, treeText, yamlTree } from './trees.mjs';
import { bytesOf, editDocument, indentOf, insertLines, joined, linesOf, place, utf8 } from './text.mjs';

const at = fc.nat({ max: 400 });

// ---- lines ------------------------------------------------------------------------------------------------

function deleteLines(bytes, m) {
  const lines = linesOf(bytes);
  lines.splice(place(m.at, lines.length), m.count);
  return joined(lines);
}

function duplicateLines(bytes, m) {
  const lines = linesOf(bytes);
  const i = place(m.at, lines.length);
  const block = lines.slice(i, i + m.count);
  lines.splice(i, 0, ...Array.from({ length: m.times }, () => block).flat());
  return joined(lines);
}

function reindent(bytes, m) {
  const lines = linesOf(bytes);
  const i = place(m.at, lines.length);
  for (let j = i; j < Math.min(lines.length, i + m.count); j++) {
    lines[j] = m.delta > 0 ? ' '.repeat(m.delta) + lines[j] : lines[j].replace(new RegExp(`^ {0,${-m.delta}}`), '');
  }
  return joined(lines);
}

/** Leading spaces become tabs (one tab for two spaces), or a tab goes right after the indentation. */
function tabs(bytes, m) {
  const lines = linesOf(bytes);
  const i = place(m.at, lines.length);
  for (let j = i; j < Math.min(lines.length, i + m.count); j++) {
    lines[j] = m.inside ? lines[j].replace(/^( *)/, '$1\t') : lines[j].replace(/^( +)/, (s) => '\t'.repeat(Math.ceil(s.length / 2)));
  }
  return joined(lines);
}

export const MARKERS = ['<<<<<<< HEAD', '=======', '>>>>>>> feature/other-branch', '||||||| merged common ancestors'];

/** Lines as a merge conflict leaves them: ours, theirs (the same lines, re-indented by the other side), markers. */
function conflict(bytes, m) {
  const lines = linesOf(bytes);
  const i = place(m.at, lines.length);
  if (m.lone !== undefined) {
    lines.splice(i, 0, MARKERS[m.lone]);
    return joined(lines);
  }
  const ours = lines.slice(i, i + m.count);
  const theirs = ours.map((l) => `  ${l}`);
  lines.splice(i, ours.length, MARKERS[0], ...ours, MARKERS[1], ...theirs, MARKERS[2]);
  return joined(lines);
}

function longLine(bytes, m) {
  const unit = { ascii: 'a', unicode: 'é€𝔘', quoted: '"\\\'' }[m.chars];
  const text = unit.repeat(Math.ceil(m.length / unit.length)).slice(0, m.length);
  if (m.append) {
    const lines = linesOf(bytes);
    const i = place(m.at, lines.length);
    lines[i] += utf8(text);
    return joined(lines);
  }
  return insertLines(bytes, m.at, [`long_${m.chars}: ${m.chars === 'quoted' ? JSON.stringify(text) : text}`]);
}

const mutateLines = {
  'delete-lines': { apply: deleteLines, arb: fc.record({ at, count: fc.integer({ min: 1, max: 6 }) }) },
  'duplicate-lines': { apply: duplicateLines, arb: fc.record({ at, count: fc.integer({ min: 1, max: 6 }), times: fc.integer({ min: 1, max: 3 }) }) },
  reindent: { apply: reindent, arb: fc.record({ at, count: fc.integer({ min: 1, max: 4 }), delta: fc.integer({ min: -4, max: 4 }).filter((d) => d !== 0) }) },
  tabs: { apply: tabs, arb: fc.record({ at, count: fc.integer({ min: 1, max: 4 }), inside: fc.boolean() }) },
  conflict: { apply: conflict, arb: fc.record({ at, count: fc.integer({ min: 1, max: 5 }), lone: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }) }, { requiredKeys: ['at', 'count'] }) },
  'long-line': {
    apply: longLine,
    arb: fc.record({ at, length: fc.constantFrom(5000, 100_000, 1_000_000), chars: fc.constantFrom('ascii', 'unicode', 'quoted'), append: fc.boolean() }),
  },
};

// ---- bytes ------------------------------------------------------------------------------------------------

export const BAD_UTF8 = [[0xff], [0xc3], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xe2, 0x82], [0xfe, 0xff]];

const insertBytes = (bytes, offset, inserted, replace = false) => {
  const i = place(offset, bytes.length + 1);
  return bytes.slice(0, i) + String.fromCharCode(...inserted) + bytes.slice(replace ? i + inserted.length : i);
};

const mutateBytes = {
  'random-bytes': {
    apply: (bytes, m) => insertBytes(bytes, m.offset, m.bytes, m.replace),
    arb: fc.record({ offset: fc.nat({ max: 20_000 }), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 16 }), replace: fc.boolean() }),
  },
  'invalid-utf8': { apply: (bytes, m) => insertBytes(bytes, m.offset, BAD_UTF8[m.seq]), arb: fc.record({ offset: fc.nat({ max: 20_000 }), seq: fc.nat({ max: BAD_UTF8.length - 1 }) }) },
  truncate: { apply: (bytes, m) => bytes.slice(0, place(m.offset, bytes.length + 1)), arb: fc.record({ offset: fc.nat({ max: 20_000 }) }) },
  bom: {
    apply: (bytes, m) => (m.where === 'middle' ? insertBytes(bytes, m.offset, [0xef, 0xbb, 0xbf]) : '\xef\xbb\xbf'.repeat(m.where === 'double' ? 2 : 1) + bytes),
    arb: fc.record({ where: fc.constantFrom('start', 'double', 'middle'), offset: fc.nat({ max: 20_000 }) }),
  },
  'line-ends': {
    apply: (bytes, m) => (m.mode === 'crlf' ? bytes.replace(/\r?\n/g, '\r\n') : m.mode === 'cr' ? bytes.replace(/\r?\n/g, '\r') : linesOf(bytes).map((l, i) => (i % 2 ? `${l}\r` : l)).join('\n')),
    arb: fc.record({ mode: fc.constantFrom('crlf', 'cr', 'mixed') }),
  },
};

// ---- YAML constructs ----------------------------------------------------------------------------------------

/** Anchors and aliases that have broken YAML loaders: cycles, merges of what is not a map, expansions. */
export const ALIAS_SNIPPETS = [
  ['loop: &self [*self]'],
  ['loop: &self {a: *self}'],
  ['loop: &self', '  a: *self'],
  ['ghost: *no_such_anchor'],
  ['merged: {<<: 5}'],
  ['merged: {<<: null}'],
  ['merged: {<<: [1, 2]}'],
  ['merged: {<<: "text"}'],
  ['scalar: &s 5', 'merged: {<<: *s}'],
  ['list: &l [1]', 'merged:', '  <<: *l'],
  ['<<: {id: other, phase: closed}'],
  ['base: &m {a: 1}', 'merged: {<<: [*m, *m, 7]}'],
  ['first: &a 1', 'second: &a [2]', 'third: *a'],
  ['key: &k id', '*k : aliased-key'],
  ['forward: *later', 'later_value: &later 1'],
  ['lol1: &l1 [x, x, x, x, x, x, x, x, x, x]', 'lol2: &l2 [*l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1]', 'lol3: &l3 [*l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2]', 'lol4: [*l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3]'],
  ['anchored: &empty', 'use: *empty'],
  ['? &k [a, b]', ': complex', 'again: *k'],
];

export const KEYS = ['1', '-1', '1.5', 'true', 'null', '~', '2026-01-01', '0x1F', '.inf', '""', '[a, b]', '{a: 1}', '? [x]', '!!binary aGk=', '? ', '!!int 3', '12345678901234567890'];

export const TAGS = ['!!binary aGVsbG8=', '!!js/function "function () {}"', '!custom x', '!!set {a, b}', '!!omap [a: 1]', '!!timestamp 2026-01-01', '!!int "x"', '!!float abc', '!!map [1]', '!!str', '!<tag:yaml.org,2002:int> 5', '!!null x', '!!pairs [a: 1]', '!!bool maybe', '!!seq {a: 1}'];

/** A line's value replaced: `key: old` becomes `key: <replacement>`; the first `key:` at or after `at`. */
function replaceValue(bytes, at, replacement) {
  const lines = linesOf(bytes);
  for (let k = 0; k < lines.length; k++) {
    const i = place(at + k, lines.length);
    const match = /^(\s*(?:- )?[\w-]+:)( .*)?$/.exec(lines[i]);
    if (match) {
      lines[i] = `${match[1]} ${utf8(replacement)}`;
      return joined(lines);
    }
  }
  return bytes;
}

const DEEP_OPEN = { 'flow-seq': ['[', ']'], 'flow-map': ['{a: ', '}'] };

function deep(bytes, m) {
  if (m.form in DEEP_OPEN) {
    const [open, close] = DEEP_OPEN[m.form];
    return `${bytes.replace(/\n?$/, '\n')}deep: ${open.repeat(m.depth)}${m.unclosed ? '' : close.repeat(m.depth)}\n`;
  }
  // Block nesting: each level two spaces deeper, so a depth of d is d² bytes; kept to ~2 MB.
  const depth = Math.min(m.depth, 1000);
  const lines = Array.from({ length: depth }, (_, i) => `${' '.repeat(i * 2)}${m.form === 'block-seq' ? '- ' : 'a:'}`);
  return `${bytes.replace(/\n?$/, '\n')}deep:\n${lines.map((l) => `  ${l}`).join('\n')} leaf\n`;
}

/** A list item (with the lines under it) repeated: 20,000 risks with one id, or a list of 50,000 scalars. */
function hugeList(bytes, m) {
  const lines = linesOf(bytes);
  const items = lines.map((l, i) => [l, i]).filter(([l]) => /^\s*- /.test(l));
  if (items.length === 0 || m.scalars) return `${bytes.replace(/\n?$/, '\n')}huge: [${Array.from({ length: m.size }, (_, i) => i).join(', ')}]\n`;
  const [first, i] = items[place(m.pick, items.length)];
  const indent = indentOf(first) - 2;
  let end = i + 1;
  while (end < lines.length && lines[end].trim() !== '' && indentOf(lines[end]) > indent && !/^\s*- /.test(lines[end].slice(0, indent + 2))) end++;
  const copies = Array.from({ length: m.size }, () => lines.slice(i, end)).flat();
  return joined(lines.slice(0, i).concat(copies, lines.slice(i)));
}

function multiDocument(bytes, m) {
  if (m.form === 'copy') return `${bytes.replace(/\n?$/, '\n')}---\n${bytes}`;
  const lines = linesOf(bytes);
  lines.splice(place(m.at, lines.length + 1), 0, m.form);
  return joined(lines);
}

export const EMPTY_FILES = ['', '\n', '# only a comment\n', '~\n', 'null\n', '[]\n', '"a string"\n', '42\n', '---\n', '--- |\n  text\n', '...\n', '- a\n- b\n', '%YAML 1.2\n---\n'];

const mutateYaml = {
  aliases: { apply: (bytes, m) => insertLines(bytes, m.at, ALIAS_SNIPPETS[m.snippet]), arb: fc.record({ at, snippet: fc.nat({ max: ALIAS_SNIPPETS.length - 1 }) }) },
  'proto-key': {
    apply: (bytes, m) => insertLines(bytes, m.at, [`${PROTO_NAMES[m.name]}:`, ...treeText(m.tree, m.style, 2).split('\n')]),
    arb: fc.record({ at, name: fc.nat({ max: PROTO_NAMES.length - 1 }), tree: yamlTree(2), style }),
  },
  'proto-value': { apply: (bytes, m) => replaceValue(bytes, m.at, PROTO_NAMES[m.name]), arb: fc.record({ at, name: fc.nat({ max: PROTO_NAMES.length - 1 }) }) },
  'non-string-key': { apply: (bytes, m) => insertLines(bytes, m.at, [`${KEYS[m.key]}: value`]), arb: fc.record({ at, key: fc.nat({ max: KEYS.length - 1 }) }) },
  tag: { apply: (bytes, m) => replaceValue(bytes, m.at, TAGS[m.tag]), arb: fc.record({ at, tag: fc.nat({ max: TAGS.length - 1 }) }) },
  deep: {
    apply: deep,
    arb: fc.record({ depth: fc.constantFrom(64, 500, 2000, 20_000, 200_000), form: fc.constantFrom('flow-seq', 'flow-map', 'block-map', 'block-seq'), unclosed: fc.boolean() }),
  },
  'huge-list': { apply: hugeList, arb: fc.record({ pick: at, size: fc.constantFrom(1000, 5000, 20_000), scalars: fc.boolean() }) },
  'multi-document': { apply: multiDocument, arb: fc.record({ at, form: fc.constantFrom('---', '...', '--- |', '%YAML 1.2', 'copy') }) },
  'whole-file': {
    apply: (bytes, m) => (m.empty !== undefined ? EMPTY_FILES[m.empty] : utf8(`${treeText(m.tree, m.style)}\n`)),
    arb: fc.record({ tree: yamlTree(4), style, empty: fc.option(fc.nat({ max: EMPTY_FILES.length - 1 }), { nil: undefined }) }, { requiredKeys: ['tree', 'style'] }),
  },
};

// ---- the document's own values -----------------------------------------------------------------------------

const EXTREME = [0, -1, 1e308, -1e308, 5e-324, 2 ** 53 + 2, 0.5, 100.0001, -0.0, 1e21, 'x', '', '2026-02-29', '0001-01-01', '9999-12-31', '2026-11-20', '1970-01-01', 'é'.repeat(300), ' padded ', 'NaN'];

/**
 * Values of the type a scalar already has, at its extremes: a document that keeps its schema more often, so the
 * rules, the PMO's CEL rules and the reports meet them (dates a millennium away, money of 1e308, zero budgets).
 */
const SAME_TYPE = {
  number: [0, -0.0, 1e308, 5e-324, 2 ** 53 + 2, 1, 100, 1e15],
  date: ['0001-01-01', '9999-12-31', '2026-11-20', '2000-02-29', '1970-01-01', '2026-11-21', '2100-01-01'],
  text: ['', '__proto__', 'constructor', 'x'.repeat(5000), '𝔘\u202E\u0000', 'toString', '{{risk.id}}'],
};

function sameType(scalar, pick) {
  const value = scalar.value;
  const kind = typeof value === 'number' ? 'number' : /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? 'date' : typeof value === 'string' ? 'text' : undefined;
  if (kind) scalar.value = SAME_TYPE[kind][pick % SAME_TYPE[kind].length];
}

const mutateDocument = {
  'same-type': {
    apply: (bytes, m) => editDocument(bytes, (_doc, { values }) => values.length && sameType(values[place(m.pick, values.length)], m.value)),
    arb: fc.record({ pick: fc.nat({ max: 2000 }), value: fc.nat({ max: 20 }) }),
  },
  'tree-value': {
    apply: (bytes, m) => editDocument(bytes, (doc, { slots }) => slots.length && slots[place(m.pick, slots.length)].set(doc.createNode(m.tree))),
    arb: fc.record({ pick: at, tree: yamlTree(3) }),
  },
  'tree-field': {
    apply: (bytes, m) => editDocument(bytes, (doc, { maps }) => maps.length && maps[place(m.pick, maps.length)].set(doc.createNode(m.key), doc.createNode(m.tree))),
    arb: fc.record({ pick: at, key: fc.oneof(fc.constantFrom('notes', 'x_extra', ...PROTO_NAMES), fc.string({ maxLength: 8 })), tree: yamlTree(3) }),
  },
  'scalar-extreme': {
    apply: (bytes, m) => editDocument(bytes, (_doc, { scalars }) => scalars.length && (scalars[place(m.pick, scalars.length)].value = EXTREME[m.value])),
    arb: fc.record({ pick: at, value: fc.nat({ max: EXTREME.length - 1 }) }),
  },
  'alias-node': {
    // An anchor on one value and an alias to it in another place: inside its own node, that is a cycle.
    apply: (bytes, m) =>
      editDocument(bytes, (doc, { slots }) => {
        if (slots.length < 2) return;
        const target = slots[place(m.from, slots.length)].get();
        if (!target || typeof target !== 'object') return;
        target.anchor ??= `a${m.from}`;
        slots[place(m.to, slots.length)].set(doc.createAlias(target, target.anchor));
      }),
    arb: fc.record({ from: at, to: at }),
  },
};

/** Every content mutation by kind, in the order a case applies them: the document's values, YAML, lines, bytes. */
export const CONTENT_MUTATIONS = { ...mutateDocument, ...mutateYaml, ...mutateLines, ...mutateBytes };

const ORDER = Object.keys(CONTENT_MUTATIONS);

/** The mutations that keep a file's schema most often: weighted up, so that cases reach the rules and reports. */
const WEIGHTS = { 'same-type': 6, 'tree-field': 2 };

/** One content mutation, described. */
export const contentMutation = fc.oneof(...ORDER.map((kind) => ({ weight: WEIGHTS[kind] ?? 1, arbitrary: CONTENT_MUTATIONS[kind].arb.map((params) => ({ kind, ...params })) })));

/** Applies content mutations to a file's bytes (a Buffer), in the fixed order, and gives the new bytes. */
export function applyContent(buffer, mutations) {
  const sorted = [...mutations].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  return sorted.reduce((bytes, m) => CONTENT_MUTATIONS[m.kind].apply(bytes, m), bytesOf(buffer));
}
