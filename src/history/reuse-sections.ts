/**
 * The data of an earlier version of a file, parsed only where it differs from the version at hand: a week's
 * edit changes a field or two of a project (a status update appended, a forecast moved), so the top-level
 * fields whose text is the same are taken from the data already parsed, and in a list (status updates,
 * risks, milestones) so are the items whose text is the same. What comes out is what parsing the whole
 * earlier text gives (the split is sections.ts's; anything it does not split is parsed whole).
 */
import { parseFast } from '../load/parse-yaml.js';
import { isRecord } from '../model/labels.js';
import { splitItems, splitSections } from './sections.js';

/** The earlier text's data; undefined when it does not parse. `now`: the later version, its text and data. */
export function dataOfEarlier(text: string, now: { text: string; data: unknown }): unknown {
  const earlier = splitSections(text);
  const later = splitSections(now.text);
  if (!earlier || !later || !isRecord(now.data)) return whole(text);
  const laterText = new Map(later);
  const out: Record<string, unknown> = {};
  for (const [key, section] of earlier) {
    const same = laterText.get(key) === section;
    const value = same ? now.data[key] : sectionValue(key, section, laterText.get(key), now.data[key]);
    if (value === FAILED) return whole(text);
    out[key] = value;
  }
  return out;
}

const FAILED = Symbol('failed');

const whole = (text: string): unknown => parseFast(text)?.data;

/** A field's value: item by item when both versions write it as a block list, reusing the items alike. */
function sectionValue(key: string, section: string, laterSection: string | undefined, laterValue: unknown): unknown {
  const items = splitItems(key, section);
  const laterItems = laterSection === undefined ? undefined : splitItems(key, laterSection);
  if (!items || !laterItems || !Array.isArray(laterValue) || laterItems.length !== laterValue.length) return parsed(section, key);
  const known = new Map(laterItems.map((item, i) => [item, laterValue[i]]));
  const values: unknown[] = [];
  for (const item of items) {
    if (known.has(item)) values.push(known.get(item));
    else {
      const value = parsed(`${key}:\n${item}`, key);
      if (value === FAILED || !Array.isArray(value) || value.length !== 1) return FAILED;
      values.push(value[0]);
    }
  }
  return values;
}

function parsed(text: string, key: string): unknown {
  const result = parseFast(text);
  return result && isRecord(result.data) && Object.hasOwn(result.data, key) ? result.data[key] : FAILED;
}
