/**
 * `.vscode/settings.json`'s `yaml.schemas`, merged in place: the rest of the file (other settings, comments,
 * formatting) is kept byte for byte, so `pmo schema --vscode` can run on a file the PM has edited by hand.
 */
import { UsageError } from '../errors.js';
import { blankComments, strictJson, stringEnd } from './jsonc.js';

export const SETTINGS_FILE = '.vscode/settings.json';
const KEY = 'yaml.schemas';

export type SchemaMapping = Record<string, string[]>;

/**
 * The settings text with `mapping` merged into `yaml.schemas` (entries for other schemas are kept; ours are
 * replaced). The same text when nothing changes. Refuses (UsageError) rather than lose anything.
 */
export function mergeYamlSchemas(text: string | undefined, mapping: SchemaMapping): string {
  if (text === undefined || text.trim() === '') return `${JSON.stringify({ [KEY]: mapping }, null, 4)}\n`;
  const strict = strictJson(text);
  let settings: unknown;
  try {
    settings = JSON.parse(strict);
  } catch (error) {
    throw refusal(`is not valid JSON (${withLine((error as Error).message, text)}; comments and trailing commas are fine)`, mapping);
  }
  if (!isPlainObject(settings)) throw refusal('does not hold a JSON object', mapping);
  const existing = settings[KEY];
  if (existing !== undefined && !isPlainObject(existing)) throw refusal(`has a "${KEY}" that is not an object`, mapping);
  const merged = { ...existing, ...mapping };
  if (JSON.stringify(merged) === JSON.stringify(existing)) return text;

  const members = topLevelMembers(strict);
  const unit = indentUnit(text, members[0]?.keyStart);
  const member = members.find((m) => m.key === KEY);
  if (member) {
    // A comment inside the old value would be lost with it.
    if (text.slice(member.valueStart, member.valueEnd) !== strict.slice(member.valueStart, member.valueEnd)) {
      throw refusal(`has comments inside "${KEY}", which rewriting it would lose`, mapping);
    }
    const value = serialize(merged, unit, lineIndent(text, member.keyStart));
    return text.slice(0, member.valueStart) + value + text.slice(member.valueEnd);
  }
  const close = strict.lastIndexOf('}');
  const last = lastNonSpace(strict, close);
  const added = `${unit}${JSON.stringify(KEY)}: ${serialize(merged, unit, unit)}`;
  if (strict[last] === '{') return `${text.slice(0, last + 1)}\n${added}\n${text.slice(close)}`;
  // A comma after the last member (unless it has a trailing one), then the new member on its own line.
  const trailingComma = blankComments(text).slice(last + 1, close).includes(',');
  return `${text.slice(0, last + 1)}${trailingComma ? '' : ','}${text.slice(last + 1, close).trimEnd()}\n${added}\n${text.slice(close)}`;
}

interface Member {
  key: string;
  keyStart: number;
  valueStart: number;
  valueEnd: number;
}

/** The members of the top-level object of strict JSON text, with where their keys and values are. */
function topLevelMembers(strict: string): Member[] {
  const members: Member[] = [];
  let depth = 0;
  let current: Partial<Member> | undefined;
  const finish = (end: number) => {
    if (current?.valueStart !== undefined) members.push({ ...current, valueEnd: lastNonSpace(strict, end) + 1 } as Member);
    current = undefined;
  };
  for (let i = 0; i < strict.length; i++) {
    const char = strict[i]!;
    if (char === '"') {
      const end = stringEnd(strict, i);
      if (depth === 1 && !current) current = { key: JSON.parse(strict.slice(i, end)) as string, keyStart: i };
      i = end - 1;
    } else if (char === ':' && depth === 1 && current && current.valueStart === undefined) {
      current.valueStart = i + 1 + (/^\s*/.exec(strict.slice(i + 1))?.[0].length ?? 0);
    } else if (char === '{' || char === '[') {
      depth += 1;
    } else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth === 0) finish(i);
    } else if (char === ',' && depth === 1) {
      finish(i);
    }
  }
  return members;
}

/** The file's indentation step, from its first member's line (VS Code's default, four spaces, if none). */
function indentUnit(text: string, firstKey: number | undefined): string {
  const indent = firstKey === undefined ? '' : lineIndent(text, firstKey);
  return indent === '' ? '    ' : indent;
}

function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

function serialize(value: unknown, unit: string, indent: string): string {
  return JSON.stringify(value, null, unit).replace(/\n/g, `\n${indent}`);
}

function lastNonSpace(text: string, before: number): number {
  let i = before - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i -= 1;
  return i;
}

/** JSON.parse says "at position 9"; a PM's editor shows lines and columns. */
function withLine(message: string, text: string): string {
  return message.replace(/at position (\d+)/, (_, offset: string) => {
    const before = text.slice(0, Number(offset)).split('\n');
    return `at line ${before.length}, column ${before.at(-1)!.length + 1}`;
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refusal(problem: string, mapping: SchemaMapping): UsageError {
  return new UsageError(
    `${SETTINGS_FILE} ${problem}, so pmo left it alone.\n` +
      `Add this to it by hand, or fix it and run pmo schema --vscode again:\n${JSON.stringify({ [KEY]: mapping }, null, 4)}`,
  );
}
