import { isRecord } from '../../model/labels.js';
import { addDays, daysBetween } from '../../model/dates.js';
import type { PortfolioRule } from '../types.js';
import { idOfFile } from '../../layout.js';

type Extract =
  | { project: { phase?: string; start?: string; cancelled: boolean; held: boolean } }
  | { audit: { date: string; scope: 'all' | string[] } };

const rule: PortfolioRule<Extract> = {
  id: 'audit-due',
  description: 'Every active project is audited at least every `audit_every_days` (when pmo.yaml sets it).',
  category: 'audit',
  governance: true,
  thresholds: ['audit_every_days'],
  messages: {
    since: 'project {{id}} was last audited on {{last}} ({{days}} days ago); pmo.yaml asks for an audit every {{every}} days',
    never: 'project {{id}} has not been audited since it started on {{start}} ({{days}} days ago); pmo.yaml asks for an audit every {{every}} days',
  },
  scope: 'portfolio',

  extract(kind, data) {
    if (!isRecord(data)) return undefined;
    if (kind === 'audit' && typeof data.date === 'string') return { audit: { date: data.date, scope: data.scope as 'all' | string[] } };
    if (kind !== 'project') return undefined;
    const dates = isRecord(data.dates) ? data.dates : {};
    const holds = Array.isArray(data.holds) ? data.holds : [];
    const last = holds[holds.length - 1];
    return {
      project: {
        ...(typeof data.phase === 'string' ? { phase: data.phase } : {}),
        ...(typeof dates.start === 'string' ? { start: dates.start } : {}),
        cancelled: isRecord(data.cancelled),
        held: isRecord(last) && !last.until,
      },
    };
  },

  check(files, ctx) {
    const every = ctx.thresholds.audit_every_days;
    if (!every) return;
    const audits = files.flatMap((f) => ('audit' in f.facts ? [f.facts.audit] : []));
    const closed = ctx.config.lifecycle[ctx.config.lifecycle.length - 1];
    // What is judged changes on an audit's day to come (it becomes the last audit of its projects).
    const coming = audits.map((a) => a.date).filter((date) => date > ctx.today).sort()[0];
    if (coming) ctx.holdsUntil(coming);
    for (const f of files) {
      if (!('project' in f.facts)) continue;
      const p = f.facts.project;
      // Running projects only (measures' "active"): held, cancelled and closed ones are not audited.
      if (p.cancelled || p.held || p.phase === closed || !p.start) continue;
      if (p.start > ctx.today) {
        ctx.holdsUntil(p.start);
        continue;
      }
      const id = idOfFile(f.path);
      const last = audits.filter((a) => a.date <= ctx.today && (a.scope === 'all' || a.scope.includes(id))).map((a) => a.date).sort().pop();
      const days = daysBetween(last ?? p.start, ctx.today);
      if (days <= every) {
        // Due the day after its last `every` days run out.
        ctx.holdsUntil(addDays(last ?? p.start, every + 1));
        continue;
      }
      // Worded with the days since: another finding tomorrow.
      ctx.holdsUntil(addDays(ctx.today, 1));
      ctx.report({
        file: f.path,
        messageId: last ? 'since' : 'never',
        data: { id, last: last ?? '', start: p.start, days, every },
        path: ['id'],
      });
    }
  },
};

export default rule;
