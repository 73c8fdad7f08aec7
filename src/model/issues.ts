/** zod issues → findings a PM can act on, anchored at the offending node. */
import type { z } from 'zod';
import type { DataPath, RawFinding } from '../findings.js';
import { explainBadDate } from './dates.js';
import { labelPath, show, subject } from './labels.js';
import { didYouMean } from './suggest.js';
import { knownKeys, recordKeyDescription, schemaAt, unwrap } from './zod-walk.js';

export interface IssueContext {
  file: string;
  schema: z.ZodType;
  data: unknown;
  project?: string;
  /** Said after an unknown field that has no close match, e.g. where to declare custom fields. */
  unknownFieldHint: string;
}

/** A "field" with spaces in its name is nearly always text after a comma inside `{ ... }`. */
const FLOW_COMMA_HINT = "a comma inside { ... } ends the value before it: put the whole text in quotes";

type Issue = z.core.$ZodIssue & { input?: unknown };

export function issuesToFindings(issues: readonly Issue[], ctx: IssueContext, prefix: DataPath = []): RawFinding[] {
  return issues.flatMap((issue) => issueToFindings(issue, ctx, prefix));
}

function issueToFindings(issue: Issue, ctx: IssueContext, prefix: DataPath): RawFinding[] {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  const label = labelPath(path, ctx.data);
  const finding = (rule: string, message: string, on: 'key' | 'value' = 'value', at = path): RawFinding => ({
    rule,
    severity: rule === 'schema/unknown-field' ? 'warn' : 'error',
    message,
    file: ctx.file,
    at: { path: at, on },
    ...(ctx.project ? { project: ctx.project } : {}),
    ...(label.itemId ? { item: label.itemId } : {}),
  });

  // Whatever zod calls it (wrong type, not in the enum, not the literal), a value that is not there is missing.
  if (issue.input === undefined && issue.code !== 'unrecognized_keys' && issue.code !== 'invalid_key') {
    return [missingField(path, ctx, finding)];
  }
  switch (issue.code) {
    case 'invalid_key': {
      const key = String(path.at(-1));
      const keySchema = schemaAt(ctx.schema, path.slice(0, -1), ctx.data);
      const keyDescription = keySchema ? recordKeyDescription(keySchema) : undefined;
      const parent = labelPath(path.slice(0, -1), ctx.data);
      const where = parent.item || parent.field ? ` in ${subject(parent)}` : '';
      return [finding('schema/invalid-value', `name '${key}'${where} must be ${keyDescription ?? 'a valid name'}`, 'key')];
    }
    case 'unrecognized_keys': {
      const known = knownKeys(schemaAt(ctx.schema, path, ctx.data));
      return issue.keys.map((key) => {
        const where = label.item || label.field ? ` in ${subject(label)}` : '';
        const hint = didYouMean(key, known) || `; ${/\s/.test(key) ? FLOW_COMMA_HINT : ctx.unknownFieldHint}`;
        return finding('schema/unknown-field', `unknown field '${key}'${where}${hint}`, 'key', [...path, key]);
      });
    }
    case 'invalid_union': {
      const fitting = issue.errors.find((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (fitting) return issuesToFindings(fitting as Issue[], ctx, path);
      break;
    }
    case 'custom': {
      const rule = (issue.params as { rule?: string } | undefined)?.rule;
      if (rule === 'schema/invalid-date') {
        return [finding(rule, `${subject(label)} ${explainBadDate(String(issue.input))}`)];
      }
      if (rule === 'schema/required') return [missingField(path, ctx, finding)];
      break;
    }
  }
  return [finding('schema/invalid-value', `${subject(label)} must be ${expectation(ctx, path, issue)}, got ${show(issue.input)}`)];
}

function missingField(
  path: DataPath,
  ctx: IssueContext,
  finding: (rule: string, message: string) => RawFinding,
): RawFinding {
  const parent = labelPath(path.slice(0, -1), ctx.data);
  const owner = parent.item || parent.field ? `${subject(parent)}: ` : '';
  return finding('schema/required', `${owner}missing required field '${String(path.at(-1))}'`);
}

const TYPE_WORDS: Record<string, string> = {
  object: 'a map', array: 'a list', string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false',
};

function expectation(ctx: IssueContext, path: DataPath, issue: Issue): string {
  const schema = schemaAt(ctx.schema, path, ctx.data);
  const description = schema ? unwrap(schema).description : undefined;
  if (description) return description;
  if (issue.code === 'invalid_type') return TYPE_WORDS[issue.expected] ?? `a ${issue.expected}`;
  return issue.message.replace(/^Invalid input: expected /i, '').replace(/^Too \w+: expected \w+ to be /i, '');
}
