/**
 * Arbitrary YAML trees: JavaScript values of the shapes YAML can hold, with the keys and scalars that have
 * broken parsers and schema code before (prototype names, YAML 1.1 booleans, numbers in odd notations,
 * strings that look like dates, anchors or comments). Written out by the `yaml` package in one of several
 * styles, so the same tree reaches the parser as block, flow and quoted text.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';

/** Names that an object lookup finds on Object.prototype, or that set it: ids, keys and values all. */
export const PROTO_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'];

/** Field names of the PMO format: trees built of them get past "unknown field" into the schemas and rules. */
export const FIELD_NAMES = [
  'id', 'name', 'manager', 'sponsor', 'phase', 'priority', 'goals', 'dates', 'start', 'baseline_end', 'forecast_end', 'budget',
  'baseline', 'actual', 'forecast', 'approved_by', 'milestones', 'risks', 'probability', 'impact', 'owner', 'status', 'team',
  'person', 'allocation', 'records', 'date', 'by', 'overall', 'summary', 'changes', 'cost_impact', 'decided_by', 'issues',
  'deliverables', 'milestone', 'currency', 'department', 'progress', 'weight', 'people', 'capacity', 'rules', 'thresholds',
];

const ODD_STRINGS = [
  '', ' ', 'null', '~', 'yes', 'no', 'on', 'off', 'NaN', '.nan', '.inf', '-.inf', '0x1F', '0o17', '1e400', '-0', '2026-02-30',
  '2026-13-45', '0000-00-00', '9999-12-31', '2026-11-20T25:61:00Z', '*alias', '&anchor', '!tag', '# not a comment', '- item',
  ': colon', '{a: 1}', '[1, 2]', '<<', '---', '...', '%YAML 1.2', '"', "'", '\\', '\t', '\r\n', '\u0000', '\u2028', '\uFEFF',
  '\u202E', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'é'.normalize('NFD'), '../../etc/passwd', '/dev/zero', 'http://', '{{risk.id}}', '${x}', "has('x')",
];

const scalar = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_STRINGS, ...PROTO_NAMES, ...FIELD_NAMES) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, Infinity, -Infinity, NaN, -0, 0.1) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

const key = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FIELD_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTO_NAMES, ...ODD_STRINGS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);

/** A value: a scalar, or a list or map of values, at most `depth` levels deep. */
export const yamlTree = (depth = 4) =>
  fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small', maxDepth: depth, withCrossShrink: true }, tie('scalar'), tie('list'), tie('map')),
    scalar,
    list: fc.array(tie('node'), { maxLength: 6 }),
    map: fc.array(fc.tuple(key, tie('node')), { maxLength: 6 }).map(entriesToMap),
  })).node;

/** A map built of entries, `__proto__` included as an own key (an object literal would set the prototype). */
function entriesToMap(entries) {
  const map = {};
  for (const [k, v] of entries) Object.defineProperty(map, k, { value: v, enumerable: true, writable: true, configurable: true });
  return map;
}

/** The ways a tree is written out: the `yaml` package's options, by name (kept in a case's note). */
export const STYLES = {
  block: {},
  flow: { collectionStyle: 'flow' },
  quoted: { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' },
  single: { defaultStringType: 'QUOTE_SINGLE' },
  json: { collectionStyle: 'flow', defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'QUOTE_DOUBLE' },
};

export const style = fc.constantFrom(...Object.keys(STYLES));

/** A tree as YAML text in a style; `indent` spaces before every line (for a value under a key). */
export function treeText(tree, styleName, indent = 0) {
  const text = stringify(tree, { ...STYLES[styleName], lineWidth: 0, aliasDuplicateObjects: false });
  const pad = ' '.repeat(indent);
  return text.replace(/\n$/, '').split('\n').map((line) => pad + line).join('\n');
}
