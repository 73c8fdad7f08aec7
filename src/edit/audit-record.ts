/**
 * `pmo audit record`: today's findings of `pmo check`, frozen into a new audit file, so that the PMO does not
 * type them. Each keeps what identifies it across runs (the fingerprint of the SARIF and GitLab formats), which
 * is how a later check tells a finding that recurs after its action was verified effective.
 */
import { join } from 'node:path';
import { idsIn } from '../layout.js';
import { UsageError } from '../errors.js';
import type { Finding } from '../findings.js';
import { fingerprints } from '../output/fingerprint.js';
import { didYouMean } from '../model/suggest.js';
import type { FileChange } from './changes.js';
import { AUDITS } from './audit-edits.js';
import type { Plain } from './render.js';
import { encodeText } from './source.js';
import { assertKnown, assertNoNewErrors, type Workspace } from './workspace.js';
import { YamlEdit } from './yaml-edit.js';

export interface RecordRequest {
  id: string;
  date: string;
  auditor: string;
  /** 'all', or the project ids audited. */
  scope: 'all' | string[];
  title?: string;
  /** Every finding of the check, in its order (the fingerprints count identical findings in it). */
  findings: readonly Finding[];
}

/** The findings an audit freezes: errors and warnings not waived, of the projects in scope, not the audits' own. */
export function auditable(findings: readonly Finding[], scope: 'all' | string[]): Array<{ finding: Finding; fingerprint: string }> {
  const ids = fingerprints(findings);
  const inScope = (f: Finding) => (scope === 'all' ? true : f.project !== undefined && scope.includes(f.project));
  return findings
    .map((finding, i) => ({ finding, fingerprint: ids[i]! }))
    .filter(({ finding: f }) => !f.waived && f.severity !== 'info' && !f.file.startsWith(`${AUDITS}/`) && inScope(f));
}

export function planRecord(ws: Workspace, request: RecordRequest, projects: readonly string[]): { change: FileChange; count: number } {
  const path = `${AUDITS}/${request.id}.yaml`;
  if (idsIn(ws.root, AUDITS).includes(request.id)) throw new UsageError(`audit ${request.id} exists already (${path}); give the new one another --id`);
  assertKnown(ws, 'person', request.auditor, '--auditor');
  if (request.scope !== 'all') for (const p of request.scope) if (!projects.includes(p)) throw new UsageError(`--scope ${p}: there is no project '${p}'${didYouMean(p, projects)}`);
  const frozen = auditable(request.findings, request.scope);
  const head = [
    `# Audit ${request.id}: recorded by pmo audit record on ${request.date} from the findings of pmo check.`,
    '# Add findings by hand (id, message, severity, project), and actions with pmo audit action (docs/audits.md).',
    '',
  ].join('\n');
  const edit = new YamlEdit(`${head}\nid: ${request.id}\n`, '\n', path);
  edit.set(['date'], request.date);
  edit.set(['auditor'], request.auditor);
  if (request.title) edit.set(['title'], request.title);
  edit.set(['scope'], request.scope === 'all' ? 'all' : [...request.scope]);
  frozen.forEach(({ finding: f, fingerprint }, i) => edit.append(['findings'], entry(f, fingerprint, `F${i + 1}`)));
  if (frozen.length === 0) edit.set(['findings'], []);
  const text = edit.result();
  assertNoNewErrors(ws, 'audit', path, undefined, edit.data, text);
  return { change: { path, abs: join(ws.root, path), after: encodeText(text, false) }, count: frozen.length };
}

function entry(f: Finding, fingerprint: string, id: string): Record<string, Plain> {
  return {
    id,
    rule: f.rule,
    ...(f.project ? { project: f.project } : {}),
    file: f.file,
    ...(f.item ? { item: f.item } : {}),
    message: f.message,
    severity: f.severity,
    fingerprint,
  };
}
