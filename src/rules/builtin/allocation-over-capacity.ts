import { allocationSpans, dateOfDay, dayNumber, loadSegments, NAMED_PARTS, peakFinder, type Span } from '../../metrics/load.js';
import { isRecord } from '../../model/labels.js';
import type { Project } from '../../model/schemas/project.js';
import type { Person } from '../../model/schemas/people.js';
import type { PortfolioFile, PortfolioRule } from '../types.js';
import { idOfFile } from '../../layout.js';

type Extract = { phase?: string; spans: Span[] } | { capacities: Record<string, number> };
type Part = { file: string; span: Span };

const rule: PortfolioRule<Extract> = {
  id: 'allocation-over-capacity',
  description: 'No person is allocated beyond their capacity on any working day, summed across every project.',
  category: 'resource',
  governance: true,
  thresholds: ['allocation_max_pct'],
  messages: {
    over: '{{person}} is allocated {{load}}% against a capacity of {{capacity}}% {{when}}: {{projects}}',
  },
  scope: 'portfolio',

  extract(kind, data) {
    if (kind === 'people') {
      const people = (isRecord(data) && Array.isArray(data.people) ? data.people : []) as Person[];
      return { capacities: Object.fromEntries(people.flatMap((p) => (p.capacity != null ? [[p.id, p.capacity]] : []))) };
    }
    if (kind !== 'project') return undefined;
    const project = data as Project;
    const spans = allocationSpans(project);
    return spans.length > 0 ? { phase: project.phase, spans } : undefined;
  },

  check(files, ctx) {
    const capacities: Record<string, number> = {};
    for (const f of files) if ('capacities' in f.facts) Object.assign(capacities, f.facts.capacities);
    const lastPhase = ctx.config.lifecycle[ctx.config.lifecycle.length - 1];
    const byPerson = new Map<string, Part[]>();
    for (const f of files as ReadonlyArray<PortfolioFile<Extract>>) {
      if (!('spans' in f.facts) || f.facts.phase === lastPhase) continue;
      for (const span of f.facts.spans) {
        const list = byPerson.get(span[0]) ?? [];
        list.push({ file: f.path, span });
        byPerson.set(span[0], list);
      }
    }
    // Days gone by cannot be re-planned: only today and later count.
    const today = dayNumber(ctx.today);
    let over = false;
    for (const [person, list] of byPerson) {
      const capacity = capacities[person] ?? ctx.thresholds.allocation_max_pct;
      const { segments, within } = loadSegments(list.map((part) => ({ part, percent: part.span[1], from: part.span[2], to: part.span[3] })), today);
      const peakOf = peakFinder(segments);
      // One finding per allocation, at the worst stretch it is part of: linear in the allocations, however
      // many projects share a person.
      list.forEach(({ file, span }, i) => {
        const range = within[i];
        const peak = range && peakOf(range);
        if (!peak || peak.percent <= capacity) return;
        const projects = listed(peak.first.map((part) => `${idOfFile(part.file)} ${part.span[1]}%`), peak.count);
        over = true;
        ctx.report({
          file,
          messageId: 'over',
          data: { person, load: peak.percent, capacity, when: stretch(peak.from, peak.to), projects },
          path: ['team', span[4], 'allocation'],
        });
      });
    }
    // A day's load does not depend on the day it is judged from, and a later day judges fewer days to come: no
    // one over capacity from today on is no one over capacity from any later day on. A stretch found, though,
    // is worded from today (its first day), so it is judged again tomorrow.
    if (!over) ctx.holdsUntil(null);
  },
};

/** The first projects by name, then how many more (see NAMED_PARTS). */
const listed = (names: string[], count: number) => (count <= NAMED_PARTS ? names.join(', ') : `${names.join(', ')} and ${count - names.length} more`);

/** The working days of a stretch, in words: on a day, from one day to another, or from a day on. */
function stretch(from: number, to: number | null): string {
  if (to === null) return `from ${dateOfDay(from)} on`;
  return from === to ? `on ${dateOfDay(from)}` : `from ${dateOfDay(from)} to ${dateOfDay(to)}`;
}

export default rule;
