import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  idOfFile
} from "./chunk-SQVBLHBJ.js";
import {
  isRecord
} from "./chunk-GDLKBVT7.js";
import {
  isoWeek,
  weekIndex
} from "./chunk-3MDRI6XN.js";

// dist/rules/builtin/allocation-over-capacity.js
var rule = {
  id: "allocation-over-capacity",
  description: "No person is allocated beyond their capacity in any week, summed across every project.",
  category: "resource",
  governance: true,
  thresholds: ["allocation_max_pct"],
  messages: {
    over: "{{person}} is allocated {{load}}% against a capacity of {{capacity}}% in {{weeks}}: {{projects}}"
  },
  scope: "portfolio",
  extract(kind, data) {
    if (kind === "people") {
      const people = isRecord(data) && Array.isArray(data.people) ? data.people : [];
      return { capacities: Object.fromEntries(people.flatMap((p) => p.capacity != null ? [[p.id, p.capacity]] : [])) };
    }
    if (kind !== "project")
      return void 0;
    const project = data;
    const end = project.dates.actual_end ?? project.dates.forecast_end ?? project.dates.baseline_end;
    const allocations = (project.team ?? []).flatMap((member, index) => {
      const from = member.from ?? project.dates.start;
      const to = member.to ?? end;
      return to && member.allocation > 0 ? [[member.person, member.allocation, weekIndex(from), weekIndex(to), index]] : [];
    });
    return allocations.length > 0 ? { phase: project.phase, allocations } : void 0;
  },
  check(files, ctx) {
    const capacities = {};
    for (const f of files)
      if ("capacities" in f.facts)
        Object.assign(capacities, f.facts.capacities);
    const lastPhase = ctx.config.lifecycle[ctx.config.lifecycle.length - 1];
    const thisWeek = weekIndex(ctx.today);
    const byPerson = /* @__PURE__ */ new Map();
    for (const f of files) {
      if (!("allocations" in f.facts) || f.facts.phase === lastPhase)
        continue;
      for (const allocation of f.facts.allocations) {
        if (allocation[3] < thisWeek)
          continue;
        const list = byPerson.get(allocation[0]) ?? [];
        list.push({ file: f.path, allocation });
        byPerson.set(allocation[0], list);
      }
    }
    for (const [person, list] of byPerson) {
      const capacity = capacities[person] ?? ctx.thresholds.allocation_max_pct;
      for (const [weeks, load] of overloadedRanges(list, thisWeek, capacity)) {
        const projects = load.parts.map(({ file, allocation }) => `${idOfFile(file)} ${allocation[1]}%`).join(", ");
        for (const { file, allocation } of load.parts) {
          ctx.report({
            file,
            messageId: "over",
            data: { person, load: load.percent, capacity, weeks, projects },
            path: ["team", allocation[4], "allocation"]
          });
        }
      }
    }
  }
};
function overloadedRanges(list, fromWeek, capacity) {
  const events = list.flatMap((part) => [
    { week: Math.max(part.allocation[2], fromWeek), part, starts: true },
    { week: part.allocation[3] + 1, part, starts: false }
  ]);
  events.sort((a, b) => a.week - b.week);
  const active = /* @__PURE__ */ new Set();
  let percent = 0;
  const ranges = [];
  for (let i = 0; i < events.length; ) {
    const week = events[i].week;
    for (; i < events.length && events[i].week === week; i++) {
      const { part, starts } = events[i];
      if (starts)
        active.add(part);
      else
        active.delete(part);
      percent += (starts ? 1 : -1) * part.allocation[1];
    }
    const until = (events[i]?.week ?? week) - 1;
    if (percent <= capacity || until < week)
      continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === week - 1 && last[2].parts.length === active.size && last[2].parts.every((p) => active.has(p)))
      last[1] = until;
    else
      ranges.push([week, until, { percent, parts: [...active] }]);
  }
  return ranges.map(([from, to, load]) => [from === to ? `week ${isoWeek(from)}` : `weeks ${isoWeek(from)} to ${isoWeek(to)}`, load]);
}
var allocation_over_capacity_default = rule;

export {
  allocation_over_capacity_default
};
