/**
 * Waivers (waivers.yaml): approved, expiring exceptions. A waiver hides the findings of one rule in the
 * matching projects (an id or a glob such as "*"), optionally for one item, until it expires; hidden
 * findings stay in the result, marked `waived`. The waivers themselves are checked: expired (error), for a
 * locked rule (error), matching nothing (warn), expiring soon (info). Pure.
 */
import { picomatch } from '../load/discover.js';
import type { RawFinding } from '../findings.js';
import type { Config } from '../model/config.js';
import { daysBetween } from '../model/dates.js';
import type { WaiverFact } from '../model/references.js';

export const WAIVERS_FILE = 'waivers.yaml';

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

export function applyWaivers(findings: readonly RawFinding[], waivers: readonly WaiverFact[], config: Config, today: string): RawFinding[] {
  const locked = new Set(config.locked);
  const own: RawFinding[] = [];
  const report = (waiver: WaiverFact, rule: string, severity: RawFinding['severity'], message: string, field = 'expires') =>
    own.push({ rule, severity, message, file: WAIVERS_FILE, at: { path: ['waivers', waiver.index, field] } });

  const active = waivers.filter((waiver) => {
    const days = daysBetween(today, waiver.expires);
    if (days < 0) {
      report(waiver, 'waiver/expired', 'error',
        `the waiver of ${waiver.rule} for ${waiver.project} expired on ${waiver.expires} (${plural(-days, 'day')} ago): its findings are shown again; renew it with a new approval or remove it`);
      return false;
    }
    if (/^(yaml|schema)\//.test(waiver.rule)) {
      report(waiver, 'waiver/locked', 'error', `${waiver.rule} findings are errors in the data, not exceptions to a rule: fix them; a waiver cannot hide them`, 'rule');
      return false;
    }
    if (locked.has(waiver.rule)) {
      report(waiver, 'waiver/locked', 'error', `${waiver.rule} is locked in pmo.yaml: no waiver can hide its findings; fix them or ask the PMO`, 'rule');
      return false;
    }
    if (days <= config.thresholds.waiver_warning_days) {
      report(waiver, 'waiver/expiring', 'info',
        `the waiver of ${waiver.rule} for ${waiver.project} expires on ${waiver.expires} (${days === 0 ? 'today' : `in ${plural(days, 'day')}`}); renew it or get the findings fixed`);
    }
    return true;
  });

  const globbed = (pattern: string) => (/[*?[\]{}!]/.test(pattern) ? picomatch()(pattern) : (id: string) => id === pattern);
  const matchers = active.map((waiver) => ({ waiver, project: globbed(waiver.project), used: false }));
  // By rule, in file order (the first that matches wins): a finding is compared with its rule's waivers only.
  // Every finding against every waiver took 10 s for 20,000 waivers with an unknown field each (fuzz case s190219-p1353).
  const byRule = new Map<string, typeof matchers>();
  for (const m of matchers) {
    const list = byRule.get(m.waiver.rule);
    if (list) list.push(m);
    else byRule.set(m.waiver.rule, [m]);
  }
  const result = findings.map((finding) => {
    const match = byRule.get(finding.rule)?.find(
      (m) => finding.project !== undefined && m.project(finding.project) && (m.waiver.item === undefined || m.waiver.item === finding.item),
    );
    if (!match) return finding;
    match.used = true;
    const { reason, approved_by, expires } = match.waiver;
    return { ...finding, waived: { reason, approved_by, expires } };
  });

  for (const { waiver, used } of matchers) {
    if (used) continue;
    const item = waiver.item ? ` item ${waiver.item}` : '';
    report(waiver, 'waiver/unused', 'warn',
      `the waiver of ${waiver.rule} for ${waiver.project}${item} hides nothing: the finding is fixed or the waiver does not match it; remove it`, 'rule');
  }
  return [...result, ...own];
}
