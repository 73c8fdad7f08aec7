/**
 * `pmo status --changes`: "Since last week" as terminal lines, one a move, grouped as the weekly groups them
 * (the weekly's own words are in templates/partials/md/since.hbs). Formatting only: the moves come made.
 */
import type { WeeklyModel } from './reports/model/index.js';
import type { Palette } from './color.js';

type SinceView = NonNullable<WeeklyModel['since']>;
type Changes = Extract<SinceView, { available: true }>['changes'];

const money = (n: number) => Math.round(n).toLocaleString('en-US');
const signed = (n: number) => (n > 0 ? `+${money(n)}` : `-${money(-n)}`);
const days = (n: number) => `${Math.abs(n)} day${Math.abs(n) === 1 ? '' : 's'}`;
const who = (p: { project: string }) => p.project;

/** Each group: its heading and how one move reads. */
const GROUPS: Array<[keyof Changes, string, (item: never) => string]> = [
  ['rag_moves', 'Overall status moved', (m: Changes['rag_moves'][number]) => `${who(m)}: ${m.from ?? 'none'} -> ${m.to ?? 'none'}${m.direction === 'worse' || m.direction === 'better' ? ` (${m.direction})` : ''}`],
  ['newly_red', 'Newly red', (m: Changes['newly_red'][number]) => who(m)],
  ['phase_changes', 'Phase changes', (m: Changes['phase_changes'][number]) => `${who(m)}: ${m.from} -> ${m.to}`],
  ['milestones_moved', 'Milestones moved', (m: Changes['milestones_moved'][number]) => `${who(m)} ${m.milestone}: ${m.from} -> ${m.to} (${m.days > 0 ? `slipped ${days(m.days)}` : `${days(m.days)} earlier`})`],
  ['milestones_met', 'Milestones met', (m: Changes['milestones_met'][number]) => `${who(m)} ${m.milestone} ${m.name}, on ${m.on}`],
  ['forecast_moves', 'Forecast cost moved', (m: Changes['forecast_moves'][number]) => `${who(m)}: ${money(m.from)} -> ${money(m.to)} (${signed(m.change)})`],
  ['end_moves', 'Forecast end moved', (m: Changes['end_moves'][number]) => `${who(m)}: ${m.from} -> ${m.to} (${m.days > 0 ? `${days(m.days)} later` : `${days(m.days)} earlier`})`],
  ['new_high_risks', 'New high-exposure risks', (m: Changes['new_high_risks'][number]) => `${who(m)} ${m.risk} ${m.title} (exposure ${m.exposure})`],
  ['risks_closed', 'Risks closed', (m: Changes['risks_closed'][number]) => `${who(m)} ${m.risk} ${m.title}`],
  ['changes_raised', 'Change requests raised', (m: Changes['changes_raised'][number]) => `${who(m)} ${m.change} ${m.title}`],
  ['changes_decided', 'Change requests decided', (m: Changes['changes_decided'][number]) => `${who(m)} ${m.change} ${m.title}: ${m.decision}`],
  ['new_projects', 'New projects', (m: Changes['new_projects'][number]) => `${who(m)} (${m.phase})`],
  ['unreadable', 'Not compared (the earlier version does not read as a project)', (m: Changes['unreadable'][number]) => who(m)],
  ['no_update', 'No update this week', (m: Changes['no_update'][number]) => `${who(m)} (${m.manager.name ?? m.manager.id}): ${m.last_update ? `last update ${m.last_update}` : 'none yet'}`],
];

export function sinceText(since: SinceView, chalk: Palette): string {
  if (!since.available) return `Since last week: not available (${since.reason})\n`;
  const lines = [chalk.bold(`Since ${since.day} (commit ${since.commit_short}, ${since.date})`)];
  if (!since.changed) lines.push('  nothing moved in the project files');
  for (const [key, heading, line] of GROUPS) {
    const items = since.changes[key] as never[];
    if (items.length === 0) continue;
    lines.push(`  ${heading}:`, ...items.map((item) => `    ${line(item)}`));
  }
  return `${lines.join('\n')}\n`;
}
