/**
 * Everything that can be said about one file from its own content and pmo.yaml: the schema, and the
 * integrity that needs no other file (ids, lists, date order, the lifecycle). Pure, and so cacheable by
 * (content hash, config fingerprint).
 */
import type { z } from 'zod';
import type { DataPath, RawFinding } from '../findings.js';
import type { FileKind } from '../load/discover.js';
import type { Config } from './config.js';
import type { Schemas } from './config-compile.js';
import { issuesToFindings } from './issues.js';
import { isRecord, labelPath, valueAt } from './labels.js';
import { goalsSchema, peopleSchema, waiversSchema } from './schemas/people.js';
import { ITEM_LISTS, ITEM_NOUN } from './nouns.js';
import { rulesetSchema } from './schemas/ruleset.js';
import { auditSchema } from './schemas/audit.js';
import { auditChecks } from './audit-checks.js';
import { didYouMean } from './suggest.js';
import { costRefs } from './cost-refs.js';
import { demandChecks } from './demand-checks.js';
import { idOfFile } from '../layout.js';

const CUSTOM_FIELD_HINT = "remove it, or declare it under schema.project.properties in pmo.yaml if the PMO wants it";

/** Kinds whose file must say something: an empty one is a finding. The lists may be empty. */
const MUST_HAVE_CONTENT = new Set<FileKind>(['project', 'request', 'audit']);

/**
 * How files are held to their schema: zod's plain parsers, not the ones it compiles (new Function) for each
 * object schema on first use: the compiling costs a pre-commit check ~10 ms, and measured, it did not pay for
 * itself even over the 2,500 files a thread parses in a cold check at 5,000 projects. Same issues either way
 * (test/e2e/corpus.test.ts). With the input in each issue, for the message ("got 7").
 */
export const SCHEMA_PARSE = { reportInput: true, jitless: true } as const;

/**
 * The file's findings. `issues`: the schema's issues when the caller has them already (a history run puts
 * them together a top-level field at a time: see history/sections.ts).
 */
export function validateFile(
  kind: FileKind,
  file: string,
  data: unknown,
  config: Config,
  schemas: Schemas,
  issues?: readonly z.core.$ZodIssue[],
): RawFinding[] {
  if (data === null || data === undefined) {
    if (!MUST_HAVE_CONTENT.has(kind)) return [];
    return [
      {
        rule: 'yaml/empty',
        severity: 'error',
        message: `this ${kind} file is empty; fill it in (see docs/format.md) or delete it`,
        file,
        at: { offset: 0, endOffset: 0 },
      },
    ];
  }
  const schema = schemaFor(kind, schemas);
  if (!schema) return [];
  const project = kind === 'project' && isRecord(data) && typeof data.id === 'string' ? data.id : undefined;
  const found = issues ?? schema.safeParse(data, SCHEMA_PARSE).error?.issues ?? [];
  const findings =
    found.length === 0
      ? []
      : issuesToFindings(found, {
        file,
        schema,
        data,
        project,
        unknownFieldHint: kind === 'project' || kind === 'request' ? CUSTOM_FIELD_HINT.replace('project', kind) : 'remove it',
      });
  if (!isRecord(data)) return findings;

  const withProject = (finding: RawFinding): RawFinding => (project ? { ...finding, project } : finding);
  if (kind === 'project' || kind === 'request' || kind === 'audit') findings.push(...idMatchesFileName(file, data).map(withProject));
  if (kind === 'audit') findings.push(...auditChecks(file, data));
  if (kind === 'project') {
    for (const list of ITEM_LISTS) findings.push(...uniqueIds(file, data, [list]).map(withProject));
    findings.push(...phaseInLifecycle(file, data, config).map(withProject));
    findings.push(...milestoneRefs(file, data).map(withProject));
    findings.push(...dateOrder(file, data).map(withProject));
    findings.push(...costRefs(file, data, config).map(withProject));
  }
  if (kind === 'request') findings.push(...demandChecks(file, data));
  if (kind === 'people') findings.push(...uniqueIds(file, data, ['people']));
  if (kind === 'goals') findings.push(...uniqueIds(file, data, ['goals']));
  return findings;
}

function schemaFor(kind: FileKind, schemas: Schemas): z.ZodType | undefined {
  switch (kind) {
    case 'project':
      return schemas.project;
    case 'request':
      return schemas.request;
    case 'people':
      return peopleSchema;
    case 'goals':
      return goalsSchema;
    case 'waivers':
      return waiversSchema;
    case 'ruleset':
      return rulesetSchema;
    case 'audit':
      return auditSchema;
    case 'config':
      return undefined; // compiled separately: pmo.yaml shapes how everything else is read
  }
}

const at = (path: DataPath, on: 'key' | 'value' = 'value') => ({ path, on });

function idMatchesFileName(file: string, data: Record<string, unknown>): RawFinding[] {
  const expected = idOfFile(file);
  if (typeof data.id !== 'string' || data.id === expected) return [];
  return [
    {
      rule: 'schema/id-mismatch',
      severity: 'error',
      message: `id '${data.id}' does not match the file name '${file.replace(/^.*\//, '')}': the id is the file name, so rename the file or fix the id`,
      file,
      at: at(['id']),
    },
  ];
}

function uniqueIds(file: string, data: Record<string, unknown>, path: DataPath): RawFinding[] {
  const list = data[path[0] as string];
  if (!Array.isArray(list)) return [];
  const firstSeen = new Map<string, number>();
  const findings: RawFinding[] = [];
  list.forEach((item, index) => {
    if (!isRecord(item) || typeof item.id !== 'string') return;
    const first = firstSeen.get(item.id);
    if (first === undefined) {
      firstSeen.set(item.id, index);
      return;
    }
    const noun = ITEM_NOUN[String(path[0])] ?? 'item';
    findings.push({
      rule: 'schema/duplicate-id',
      severity: 'error',
      message: `${noun} id '${item.id}' is used again (first by ${noun} #${first + 1}); ids must be unique in ${String(path[0])}`,
      file,
      at: at([...path, index, 'id']),
      item: item.id,
    });
  });
  return findings;
}

function phaseInLifecycle(file: string, data: Record<string, unknown>, config: Config): RawFinding[] {
  if (typeof data.phase !== 'string' || config.lifecycle.includes(data.phase)) return [];
  return [
    {
      rule: 'ref/unknown-phase',
      severity: 'error',
      message: `phase '${data.phase}' is not in the lifecycle (${config.lifecycle.join(', ')})${didYouMean(data.phase, config.lifecycle)}`,
      file,
      at: at(['phase']),
    },
  ];
}

function milestoneRefs(file: string, data: Record<string, unknown>): RawFinding[] {
  const milestones = new Set(
    (Array.isArray(data.milestones) ? data.milestones : []).flatMap((m) => (isRecord(m) && typeof m.id === 'string' ? [m.id] : [])),
  );
  const deliverables = Array.isArray(data.deliverables) ? data.deliverables : [];
  return deliverables.flatMap((deliverable, index) => {
    if (!isRecord(deliverable) || typeof deliverable.milestone !== 'string' || milestones.has(deliverable.milestone)) return [];
    const path = ['deliverables', index, 'milestone'];
    const label = labelPath(path, data);
    return [
      {
        rule: 'ref/unknown-milestone',
        severity: 'error' as const,
        message: `${label.item}: milestone '${deliverable.milestone}' is not in this project's milestones${didYouMean(deliverable.milestone, milestones)}`,
        file,
        at: at(path),
        ...(label.itemId ? { item: label.itemId } : {}),
      },
    ];
  });
}

/** Pairs of dates where the first must not be after the second. */
const ORDERED_DATES: ReadonlyArray<{ list?: string; from: string; to: string }> = [
  { from: 'dates.start', to: 'dates.baseline_end' },
  { from: 'dates.start', to: 'dates.forecast_end' },
  { from: 'dates.start', to: 'dates.actual_end' },
  { list: 'team', from: 'from', to: 'to' },
  { list: 'changes', from: 'raised', to: 'decided_on' },
  { list: 'issues', from: 'raised', to: 'resolved' },
  { list: 'revenue', from: 'invoiced', to: 'received' },
];

function dateOrder(file: string, data: Record<string, unknown>): RawFinding[] {
  const findings: RawFinding[] = [];
  const check = (base: DataPath, from: string, to: string) => {
    const a = getDate(data, [...base, ...from.split('.')]);
    const b = getDate(data, [...base, ...to.split('.')]);
    if (!a || !b || a <= b) return;
    const path = [...base, ...to.split('.')];
    const label = labelPath(path, data);
    findings.push({
      rule: 'dates/order',
      severity: 'error',
      message: `${label.item ? `${label.item}: ` : ''}${to} ${b} is before ${from} ${a}`,
      file,
      at: at(path),
      ...(label.itemId ? { item: label.itemId } : {}),
    });
  };
  for (const pair of ORDERED_DATES) {
    if (!pair.list) check([], pair.from, pair.to);
    else {
      const items = data[pair.list];
      if (Array.isArray(items)) items.forEach((_, i) => check([pair.list!, i], pair.from, pair.to));
    }
  }
  const updates = Array.isArray(data.status) ? data.status : [];
  for (let i = 1; i < updates.length; i++) {
    const previous = getDate(data, ['status', i - 1, 'date']);
    const current = getDate(data, ['status', i, 'date']);
    if (previous && current && current < previous) {
      findings.push({
        rule: 'dates/order',
        severity: 'error',
        message: `status update ${current} comes after the update of ${previous}: keep status updates in date order, newest last`,
        file,
        at: at(['status', i, 'date']),
      });
    }
  }
  return findings;
}

function getDate(data: unknown, path: DataPath): string | undefined {
  const value = valueAt(data, path);
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}
