import { daysBetween } from '../../model/dates.js';
import type { Project } from '../../model/schemas/project.js';
import type { ChangeRule, RuleContext } from '../types.js';
import { money } from '../util.js';

type Change = NonNullable<Project['changes']>[number];

/** The approved change requests of a project that list `name` (a baseline field, or a milestone id) under rebaselines. */
const approving = (project: Project, name: string): Change[] =>
  (project.changes ?? []).filter((c) => c.status === 'approved' && (c.rebaselines ?? []).includes(name));

/**
 * The change requests approved in this change that name `name` (approved and naming it now, not before), and
 * those that named it before: an approval moves a baseline once, in the change that approves it (it is then
 * in the baseline); reusing it for a later move would make it a blank cheque.
 */
function approvals(before: Project, after: Project, name: string): { added: Change[]; earlier: Change[] } {
  const earlier = approving(before, name);
  const ids = new Set(earlier.map((c) => c.id));
  return { added: approving(after, name).filter((c) => !ids.has(c.id)), earlier };
}

/** A baseline with an amount: how far it moved, and how far the changes approved in this change let it move. */
interface Measured {
  what: string;
  name: string;
  impact: 'cost_impact' | 'schedule_impact_days';
  from: number | string;
  to: number | string;
  delta: number;
  show: (amount: number) => string;
  path: Array<string | number>;
}

const rule: ChangeRule = {
  id: 'rebaseline-approved',
  description: "A baseline (end date, budget, a milestone's date) moves only with an approved change request that names it, and only by what it approves.",
  category: 'baseline',
  governance: true,
  thresholds: [],
  messages: {
    moved: "{{what}} moved from {{from}} to {{to}} without an approved change request naming it: add one, with '{{name}}' under its rebaselines",
    reused: "{{what}} moved from {{from}} to {{to}}, but no change request naming it was approved in this change ({{changes}} approved an earlier move, already in the baseline): add one, with '{{name}}' under its rebaselines",
    exceeds: '{{what}} moved by {{delta}} ({{from}} to {{to}}), but the change requests approved for it ({{changes}}) allow {{allowed}}: {{unapproved}} moved without approval; raise a change request for the rest, or move it back',
    unmoved: "{{changes}} {{verb}} approved with '{{name}}' under rebaselines ({{allowed}}), but {{what}} did not move: move it, or take '{{name}}' off the change's rebaselines so its impact counts on top of the baseline",
  },
  scope: 'change',
  check(before, after, ctx) {
    const budget = (p: Project) => p.budget?.baseline;
    const [b0, b1] = [budget(before), budget(after)];
    if (b0 != null && b1 != null) {
      judge(before, after, ctx, {
        what: 'the baseline budget', name: 'budget.baseline', impact: 'cost_impact', from: b0, to: b1, delta: b1 - b0, show: money,
        path: ['budget', 'baseline'],
      });
    } else if (b0 != null) {
      moved(before, after, ctx, 'the baseline budget', 'budget.baseline', b0, b1, after.budget ? ['budget', 'baseline'] : ['budget']);
    }
    const [e0, e1] = [before.dates.baseline_end, after.dates.baseline_end];
    if (e0 && e1) {
      const days = (n: number) => `${n} day${Math.abs(n) === 1 ? '' : 's'}`;
      judge(before, after, ctx, {
        what: 'the baseline end', name: 'dates.baseline_end', impact: 'schedule_impact_days', from: e0, to: e1, delta: daysBetween(e0, e1), show: days,
        path: ['dates', 'baseline_end'],
      });
    } else if (e0) {
      moved(before, after, ctx, 'the baseline end', 'dates.baseline_end', e0, e1, ['dates', 'baseline_end']);
    }
    const was = new Map((before.milestones ?? []).map((m) => [m.id, m.baseline]));
    (after.milestones ?? []).forEach((m, i) => {
      if (was.has(m.id)) moved(before, after, ctx, `milestone ${m.id}'s baseline`, m.id, was.get(m.id), m.baseline, ['milestones', i, 'baseline'], m.id);
    });
  },
};

/** A baseline without an amount (a milestone's date, or one removed): a change approved for it in this change approves the move. */
function moved(before: Project, after: Project, ctx: RuleContext, what: string, name: string, from: unknown, to: unknown, path: Array<string | number>, item?: string): void {
  if (from === undefined || from === null || from === to) return;
  const { added, earlier } = approvals(before, after, name);
  if (added.length > 0) return;
  const data = { what, name, from: String(from), to: to === undefined || to === null ? 'nothing' : String(to), changes: earlier.map((c) => c.id).join(', ') };
  ctx.report({ messageId: earlier.length > 0 ? 'reused' : 'moved', data, path, ...(item ? { item } : {}) });
}

/**
 * The budget or end date: the changes approved in this change that name it allow the move their impacts add
 * up to. A change that gives no impact approves any move; a move
 * short of the allowance is the PM's caution, not a finding; a move past it, or none at all while a new
 * approval names it, is.
 */
function judge(before: Project, after: Project, ctx: RuleContext, b: Measured): void {
  const { added } = approvals(before, after, b.name);
  if (added.length === 0) return moved(before, after, ctx, b.what, b.name, b.from, b.to, b.path);
  if (added.some((c) => c[b.impact] == null)) return;
  const allowed = added.reduce((sum, c) => sum + c[b.impact]!, 0);
  const changes = added.map((c) => c.id).join(', ');
  if (b.delta === 0) {
    if (allowed === 0) return;
    ctx.report({ messageId: 'unmoved', data: { what: b.what, name: b.name, changes, verb: added.length === 1 ? 'was' : 'were', allowed: signed(b.show, allowed) }, path: b.path });
    return;
  }
  const unapproved = excess(b.delta, allowed);
  if (unapproved === 0) return;
  ctx.report({
    messageId: 'exceeds',
    data: { what: b.what, delta: signed(b.show, b.delta), from: display(b.from, b.show), to: display(b.to, b.show), changes, allowed: signed(b.show, allowed), unapproved: signed(b.show, unapproved) },
    path: b.path,
  });
}

/** How far a move goes past what was approved in its direction (0 when within it). */
function excess(delta: number, allowed: number): number {
  if (delta > 0) return Math.max(0, delta - Math.max(0, allowed));
  return Math.min(0, delta - Math.min(0, allowed));
}

const signed = (show: (n: number) => string, n: number) => `${n > 0 ? '+' : n < 0 ? '-' : ''}${show(Math.abs(n))}`;
const display = (value: number | string, show: (n: number) => string) => (typeof value === 'number' ? show(value) : value);

export default rule;
