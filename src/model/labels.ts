/** Names for places in a file that a PM recognises: `risk R1`, `team member bkim`, `dates.start`. */
import type { DataPath } from '../findings.js';
import { ITEM_NOUN } from './nouns.js';

export interface Label {
  /** The item the path is inside, e.g. `risk R1`; empty at the top level. */
  item: string;
  /** The item's id when it has one (for the finding's `item` field). */
  itemId?: string;
  /** The field inside the item, dotted, e.g. `acceptance.status`; empty for the item itself. */
  field: string;
}

export function labelPath(path: DataPath, data: unknown): Label {
  let itemAt = -1;
  for (let i = path.length - 1; i >= 0; i--) {
    if (typeof path[i] === 'number') {
      itemAt = i;
      break;
    }
  }
  if (itemAt < 0) return { item: '', field: path.join('.') };

  const item = valueAt(data, path.slice(0, itemAt + 1));
  const listName = String(path[itemAt - 1] ?? 'item');
  const noun = ITEM_NOUN[listName] ?? `${listName} item`;
  const identity = identify(item);
  return {
    item: identity ? `${noun} ${identity}` : `${noun} #${(path[itemAt] as number) + 1}`,
    itemId: isRecord(item) && typeof item.id === 'string' ? item.id : undefined,
    field: path.slice(itemAt + 1).join('.'),
  };
}

/** `risk R1: impact` / `dates.start` / `risk R1`: the subject of a message. */
export function subject(label: Label): string {
  if (label.item && label.field) return `${label.item}: ${label.field}`;
  return label.item || label.field || 'the file';
}

function identify(item: unknown): string | undefined {
  if (typeof item === 'string') return JSON.stringify(item.length > 40 ? `${item.slice(0, 37)}...` : item);
  if (!isRecord(item)) return undefined;
  for (const key of ['id', 'person']) if (typeof item[key] === 'string') return item[key] as string;
  for (const key of ['name', 'title']) if (typeof item[key] === 'string') return JSON.stringify(item[key]);
  return typeof item.date === 'string' ? item.date : undefined;
}

export function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const segment of path) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as a message shows it: `7`, `"opne"`, `a list`. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}
