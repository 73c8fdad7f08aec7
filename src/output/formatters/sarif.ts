/**
 * SARIF 2.1.0 (OASIS), what GitHub code scanning and other SAST dashboards read: one run, the rules that
 * appear in the findings described in tool.driver.rules, one result a finding. Waived findings are results
 * with an accepted external suppression (the waiver lives in waivers.yaml), so dashboards show them as such.
 */
import type { Severity } from '../../findings.js';
import { HOMEPAGE, VERSION } from '../../version.js';
import { fingerprints } from '../fingerprint.js';
import type { Formatter } from './types.js';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warn: 'warning', info: 'note' };

/** A repo-relative path as a URI reference: each segment percent-encoded (`#`, `?`, `%`, spaces). */
const uriOf = (path: string) => path.split('/').map(encodeURIComponent).join('/');

export const sarif: Formatter = (findings, ctx) => {
  const ruleIds = [...new Set(findings.map((f) => f.rule))];
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => {
    const info = ctx.rule(id);
    return {
      id,
      shortDescription: { text: info.description },
      help: { text: info.help },
      ...(info.helpUri ? { helpUri: info.helpUri } : {}),
    };
  });
  const ids = fingerprints(findings);
  const results = findings.map((f, i) => ({
    ruleId: f.rule,
    ruleIndex: ruleIndex.get(f.rule)!,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uriOf(f.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    // v2: the message's numbers left out (v1 left out counts of days only); a new name, so that a code scanning
    // service does not take every finding for a new one under the old name.
    partialFingerprints: { 'pmoFinding/v2': ids[i]! },
    ...(f.waived
      ? {
          suppressions: [
            {
              kind: 'external',
              status: 'accepted',
              justification: f.waived.reason,
              properties: { approvedBy: f.waived.approved_by, expires: f.waived.expires },
            },
          ],
        }
      : {}),
  }));
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'pmo', version: VERSION, semanticVersion: VERSION, informationUri: HOMEPAGE, rules } },
        // pmo counts columns in UTF-16 code units, as SARIF does by default: said explicitly for readers.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
