#!/usr/bin/env node
// Seeded generator of a synthetic PMO repository, per the format contract (docs/format.md, FORMAT.md).
//
//   node bench/generate.mjs --projects N --out DIR [--seed S] [--violations 0.1] [--today YYYY-MM-DD]
//                           [--git] [--rules] [--manifest FILE] [--force] [--quiet]
//
// The output is a pure function of (projects, seed, violations, today, rules): the same arguments give
// byte-identical files. `--today` is the date the portfolio is "as of" (newest status updates, open
// milestones in the future, open issues escalated in time...). It defaults to the Monday of the current
// UTC week, so the corpus stays the same for a week and a clean project stays clean for any check run
// in that week (all date margins are at least 7 days).
//
// A `--violations` share of the projects (exactly round(share * N), chosen by the seed) gets 1-3
// injected problems, each of a different kind:
//   unknown-field   a typo in a key (mitigaton, forcast, sumary, milestne)
//   out-of-range    impact 7, probability 6, progress 140, priority 0
//   unknown-person  a person id that is not in people.yaml (a typo of a real one)
//   missing-record  a record path in `records:` whose file is not written
//   impossible-date 2026-02-30, 2026-04-31, ...
//   bad-enum        status: opne, overall: gren, acceptance status: pendng ...
// Everything else is meant to be valid and free of findings. `--manifest FILE` writes the list of
// injections (file, 1-based line, kind, path, detail) as JSON.
//
// No dependencies: strings are built directly and written with fs.writeFileSync.

import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Bump when the output for the same arguments changes (run.mjs also hashes this file). */
export const GENERATOR_VERSION = 2;

export const VIOLATION_KINDS = [
  'unknown-field', 'out-of-range', 'unknown-person', 'missing-record', 'impossible-date', 'bad-enum',
];

// ---------------------------------------------------------------------------------------------
// PRNG and small helpers

function mulberry32(a) {
  return function next() {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash32(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

class Rng {
  constructor(key) {
    this.next = mulberry32(hash32(String(key)));
  }
  int(a, b) {
    return a + Math.floor(this.next() * (b - a + 1));
  }
  pick(arr) {
    return arr[Math.floor(this.next() * arr.length)];
  }
  chance(p) {
    return this.next() < p;
  }
  /** k distinct elements, in random order. */
  sample(arr, k) {
    const a = arr.slice();
    const n = Math.min(k, a.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (a.length - i));
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a.slice(0, n);
  }
  /** weighted pick: pairs [value, weight] */
  weighted(pairs) {
    let total = 0;
    for (const p of pairs) total += p[1];
    let x = this.next() * total;
    for (const p of pairs) {
      x -= p[1];
      if (x < 0) return p[0];
    }
    return pairs[pairs.length - 1][0];
  }
}

const DAY_MS = 86400000;
const dateCache = new Map();
/** day number (days since 1970-01-01) -> YYYY-MM-DD */
function fd(d) {
  let s = dateCache.get(d);
  if (s === undefined) {
    s = new Date(d * DAY_MS).toISOString().slice(0, 10);
    dateCache.set(d, s);
  }
  return s;
}
function parseDay(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new Error(`not a date: ${s}`);
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  if (fd(ms / DAY_MS) !== s) throw new Error(`not a real date: ${s}`);
  return ms / DAY_MS;
}
/** Monday of the current UTC week, as YYYY-MM-DD. */
export function defaultToday(now = Date.now()) {
  const d = Math.floor(now / DAY_MS);
  const weekday = (d + 3) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  return fd(d - weekday);
}

const pid = (i) => 'p' + String(i).padStart(5, '0');
const rid = (i) => 'req-' + String(i).padStart(4, '0');
const round = (x, step) => Math.round(x / step) * step;
const clamp = (x, a, b) => (x < a ? a : x > b ? b : x);

// ---------------------------------------------------------------------------------------------
// Vocabulary. Every string is a safe plain YAML scalar in block and flow context (no ", " or ": ",
// no " #", no brackets or braces, no leading indicator characters).

const FIRST = [
  'Jane', 'Ben', 'Amira', 'Lucas', 'Mei', 'Oliver', 'Sofia', 'Noah', 'Priya', 'Tomas', 'Hannah', 'Kenji',
  'Fatima', 'Marco', 'Elena', 'David', 'Aisha', 'Jonas', 'Chloe', 'Rafael', 'Ingrid', 'Samuel', 'Leila',
  'Victor', 'Nora', 'Arjun', 'Clara', 'Mateo', 'Yuki', 'Omar', 'Greta', 'Felix', 'Zara', 'Henrik', 'Lina',
  'Pedro', 'Anna', 'Kwame', 'Sara', 'Daniel', 'Maya', 'Erik', 'Julia', 'Tariq', 'Eva', 'Liam', 'Rosa',
  'Adam', 'Ines', 'Hugo', 'Lea', 'Ivan', 'Alice', 'Ravi', 'Marta', 'Paul', 'Nadia', 'Simon', 'Olga', 'Tao',
];
const LAST = [
  'Doe', 'Kim', 'Smith', 'Garcia', 'Chen', 'Muller', 'Rossi', 'Novak', 'Patel', 'Silva', 'Jensen', 'Tanaka',
  'Haddad', 'Bianchi', 'Popescu', 'Cohen', 'Okafor', 'Berg', 'Dubois', 'Santos', 'Larsen', 'Mensah',
  'Karimi', 'Moreau', 'Fischer', 'Sharma', 'Weber', 'Lopez', 'Sato', 'Nasser', 'Hansen', 'Wagner', 'Ali',
  'Lindqvist', 'Costa', 'Novotny', 'Ibrahim', 'Nilsson', 'Schmidt', 'Martin', 'Kowalski', 'Yilmaz',
  'Oliveira', 'Ferrari', 'Andersen', 'Ivanova', 'Horvat', 'Baker', 'Murphy', 'Brennan', 'Ortiz', 'Reyes',
  'Nakamura', 'Fontaine', 'Varga', 'Quinn', 'Hughes', 'Ward', 'Keller', 'Vogel', 'Engel', 'Frey',
];
const ROLE_SKILLS = {
  'Project manager': ['PMP', 'PRINCE2', 'Scrum', 'MSP', 'Budgeting', 'Stakeholder management', 'Risk management'],
  Director: ['Portfolio management', 'Budgeting', 'Negotiation', 'Governance'],
  'Business analyst': ['BPMN', 'Requirements', 'SQL', 'Workshops', 'UML'],
  Engineer: ['Java', 'TypeScript', 'Python', 'SAP ABAP', 'Kubernetes', 'AWS', 'Azure', 'Networking', 'Linux'],
  Architect: ['TOGAF', 'Integration', 'Cloud architecture', 'Security', 'Data modelling'],
  'Test lead': ['ISTQB', 'Test automation', 'Performance testing', 'Selenium'],
  Designer: ['UX research', 'Figma', 'Accessibility', 'Service design'],
  'Change manager': ['Prosci ADKAR', 'Training', 'Communications'],
  'Data analyst': ['SQL', 'Power BI', 'Python', 'Data quality', 'Statistics'],
};
const ROLE_WEIGHTS = [
  ['Project manager', 32], ['Director', 7], ['Business analyst', 11], ['Engineer', 22], ['Architect', 8],
  ['Test lead', 8], ['Designer', 5], ['Change manager', 4], ['Data analyst', 6],
];
const ROLE_RATE = {
  'Project manager': 105, Director: 150, 'Business analyst': 85, Engineer: 90, Architect: 125,
  'Test lead': 80, Designer: 85, 'Change manager': 90, 'Data analyst': 80, Executive: 200,
};
const TRAININGS = [
  'Risk management', 'Agile foundations', 'Earned value management', 'Data protection', 'Leadership basics',
  'Negotiation skills', 'Information security awareness', 'Budget control', 'Facilitation',
];
const EXECUTIVES = [
  ['Chief financial officer', 'Budgeting'], ['Chief information officer', 'IT strategy'],
  ['Chief operating officer', 'Operations'],
];

const CODENAMES = [
  'Apollo', 'Hermes', 'Atlas', 'Orion', 'Zephyr', 'Nova', 'Phoenix', 'Titan', 'Vega', 'Lyra', 'Polaris',
  'Aurora', 'Mercury', 'Juno', 'Athena', 'Helios', 'Cobalt', 'Falcon', 'Summit', 'Horizon', 'Beacon',
  'Compass', 'Keystone', 'Meridian', 'Pioneer', 'Quartz', 'Sapphire', 'Everest', 'Kestrel', 'Osprey',
  'Harbor', 'Granite', 'Cedar', 'Maple', 'Aspen', 'Sierra', 'Tundra', 'Delta', 'Vertex', 'Nimbus', 'Cirrus',
  'Lighthouse', 'Bridge', 'Catalyst', 'Evergreen', 'Northstar', 'Redwood', 'Skyline', 'Tidal', 'Wavelength',
];
// [system, department, vendor]
const SYSTEMS = [
  ['CRM', 'Sales', 'Salesfield Ltd'], ['ERP', 'Finance', 'Nordic ERP AB'], ['data warehouse', 'IT', 'Datamover GmbH'],
  ['payroll', 'HR', 'PayCore Services'], ['customer portal', 'Sales', 'Webcraft Studio'],
  ['mobile app', 'Marketing', 'Appworks Ltd'], ['billing platform', 'Finance', 'Invoicely Inc'],
  ['HR system', 'HR', 'Peoplesoft Partners'], ['warehouse management', 'Operations', 'Logisys BV'],
  ['e-commerce site', 'Sales', 'Shopforge'], ['identity platform', 'IT', 'Keyguard Security'],
  ['network', 'IT', 'Netlink Telecom'], ['data centre', 'IT', 'Coolrack Facilities'],
  ['intranet', 'HR', 'Webcraft Studio'], ['procurement system', 'Finance', 'Buyright Software'],
  ['reporting suite', 'Finance', 'Insightful Analytics'], ['call centre', 'Operations', 'Voicebridge'],
  ['document management', 'Operations', 'Archiva GmbH'], ['treasury system', 'Finance', 'Cashline Systems'],
  ['supply chain planning', 'Operations', 'Logisys BV'], ['marketing automation', 'Marketing', 'Campaignly'],
  ['field service', 'Operations', 'Fieldforce Inc'], ['pricing engine', 'Sales', 'Pricewise'],
  ['learning platform', 'HR', 'Edutrack'],
];
const ACTIONS = [
  'migration', 'upgrade', 'rollout', 'replacement', 'consolidation', 'redesign', 'implementation',
  'modernisation', 'expansion', 'integration',
];
const BUSINESS_CASE = [
  'Retire the legacy {sys} and cut licence costs by {pct}% a year',
  'Reduce manual processing effort in {dept} by {pct}% through automation',
  'Meet the new regulatory reporting deadline and avoid penalties',
  'Increase customer retention by {pct}% with a faster {sys}',
  'Consolidate {n} regional {sys} instances into one supported platform',
  'Lower operating costs by {pct}% and improve service availability',
  'Replace an unsupported {sys} before vendor support ends',
  'Give {dept} real-time data for decisions instead of monthly reports',
];
const MILESTONE_SEQ = [
  'Charter approved', 'Requirements signed off', 'Solution design approved', 'Vendor contract signed',
  'Build complete', 'Integration tested', 'System test passed', 'User acceptance complete',
  'Data migrated', 'Go-live', 'Hypercare closed', 'Handover to operations',
];
const DELIVERABLES = [
  'Requirements specification', 'Solution design document', 'Configured {sys}', 'Data migration scripts',
  'Test report', 'Training materials', 'Operations runbook', 'Migrated {sys}', 'Integration interfaces',
  'Security assessment', 'User guides', 'Cutover plan',
];
const RISKS = [
  ['Key supplier may miss delivery dates', 'Weekly supplier review; penalty clause agreed in the contract'],
  ['Data quality in the legacy {sys} is worse than assumed', 'Profile the data early and budget a cleansing sprint'],
  ['Subject matter experts unavailable during year-end close', 'Book expert time with line managers now'],
  ['Integration with the {sys} is more complex than estimated', 'Prototype the two riskiest interfaces first'],
  ['Budget cut in the next planning round', 'Phase the scope so that a reduced release still delivers value'],
  ['Regulatory change affects scope', 'Track the consultation with legal; keep the design configurable'],
  ['Security review delays go-live', 'Engage the security team at design time; book the review slot'],
  ['Licence costs rise at renewal', 'Negotiate a multi-year price cap before signature'],
  ['Test environment capacity is insufficient', 'Reserve extra capacity; stagger test cycles'],
  ['Resistance to change in {dept} teams', 'Appoint change champions and run early demos'],
  ['Vendor API rate limits slow the migration', 'Negotiate a temporary quota raise; batch overnight'],
  ['Key developer leaves the project', 'Pair programming and documented handover notes'],
  ['Performance of the new {sys} below target under peak load', 'Load test at twice the expected peak'],
  ['Cutover window too short', 'Rehearse the cutover twice and automate the checklist'],
  ['Scope creep from additional requests', 'Route every request through change control'],
  ['Dependency on another project slips', 'Agree interface dates and review them weekly'],
  ['Exchange rate movement raises vendor costs', 'Hedge the contract value with treasury'],
  ['Insufficient user adoption after go-live', 'Train super users and track adoption weekly'],
];
const ISSUES = [
  'Test environment unavailable', 'Vendor invoice disputed', 'Interface specification incomplete',
  'Late delivery of hardware', 'Critical defect in the release candidate', 'Key tester on sick leave',
  'Licence keys not received', 'Firewall change request pending', 'Data extract fails validation',
  'Meeting room capacity for training', 'Steering committee date moved', 'Access rights missing for contractors',
];
const ASSUMPTIONS = [
  'Legacy {sys} frozen from October', 'Business users available two days a week', 'Budget for hardware approved',
  'Vendor provides a dedicated support engineer', 'No change to the regulatory deadline',
  'Current data model is documented', 'Single sign-on available before testing', 'Training rooms free in spring',
  'Cloud region approved by security', 'Head count stays stable during the project',
];
const DEPENDENCIES = [
  'SSO rollout', 'Network upgrade', 'Master data clean-up', 'New data centre capacity', 'API gateway release',
  'Finance chart of accounts update', 'HR org structure change', 'Email platform migration',
];
const CHANGES = [
  'Add marketing module', 'Extend pilot to a second site', 'Drop legacy report conversion',
  'Add mobile access', 'Include archive data from 2015', 'Replace manual approval with workflow',
  'Add French and German language packs', 'Defer analytics dashboards to phase two',
  'Increase test coverage for payments', 'Add accessibility audit',
];
const STAKEHOLDERS = [
  'Sales leadership', 'Finance controllers', 'Works council', 'IT operations', 'Customer service team',
  'Regional managers', 'Internal audit', 'Legal and compliance', 'Key account customers', 'Procurement',
  'Information security', 'Executive board', 'Warehouse staff', 'Marketing team',
];
const COMMS = ['weekly', 'biweekly', 'monthly', 'quarterly'];
const LEVELS = ['low', 'medium', 'high'];
const KPIS = [
  ['Defects open', 10, false], ['User adoption percent', 80, true], ['Uptime percent', 99, true],
  ['Tickets per week', 50, false], ['Process cycle time days', 5, false], ['Training completion percent', 90, true],
  ['Customer satisfaction score', 8, true], ['Cost per transaction', 2, false], ['Report run time minutes', 15, false],
];
const SUMMARY = {
  green: [
    'On track; sprint goals met', 'Build progressing to plan', 'All milestones on schedule',
    'Testing ahead of plan', 'Vendor delivered on time', 'Steering committee approved the design',
    'Data migration rehearsal succeeded', 'Team fully staffed; no blockers', 'Budget and schedule on plan',
  ],
  amber: [
    'Minor slip on integration work; recovery plan agreed', 'Two testers on leave; overtime approved',
    'Vendor deliverable one week late', 'Cost pressure from licence renewal', 'Open defects above target',
    'Scope questions awaiting sponsor decision',
  ],
  red: [
    'Critical defect blocks user acceptance', 'Supplier missed the delivery date', 'Budget overrun forecast',
  ],
};
const NEXT = [
  'Finish migration batch', 'Re-baseline with sponsor', 'Run cutover rehearsal', 'Close open defects',
  'Prepare steering committee pack', 'Sign off test plan', 'Onboard vendor team', 'Update risk register',
  'Complete security review', 'Plan training sessions', 'Review budget forecast', 'Confirm go-live date',
  'Hold design workshop', 'Agree interface contracts', 'Publish release notes', 'Chase open invoices',
];
const LESSONS = [
  ['Book vendor capacity before the peak season', 'procurement'],
  ['Involve operations from the design phase', 'stakeholders'],
  ['Automate regression tests before the first release', 'testing'],
  ['Freeze scope before the build starts', 'scope'],
  ['Keep a contingency of at least ten percent', 'planning'],
  ['Run cutover rehearsals with the real data volume', 'testing'],
  ['Agree acceptance criteria with each deliverable', 'quality'],
  ['Secure subject matter experts with their managers early', 'resourcing'],
  ['Send a short weekly note to all stakeholders', 'communication'],
  ['Review vendor invoices against milestones', 'vendor management'],
];
const GOALS = [
  'Grow recurring revenue 20%', 'Retire legacy platforms by 2028', 'Cut operating costs 10%',
  'Reach 95% customer satisfaction', 'Meet all regulatory deadlines', 'Move 80% of workloads to the cloud',
  'Halve manual data entry', 'Open two new markets', 'Improve employee engagement', 'Reduce carbon footprint 30%',
];
const REQUEST_NAMES = [
  'data warehouse', 'self-service portal', 'chatbot pilot', 'contract repository', 'fleet telematics',
  'expense app', 'supplier portal', 'predictive maintenance', 'customer data platform', 'e-invoicing',
];
const DEPARTMENTS = ['IT', 'Finance', 'Operations', 'Sales', 'HR', 'Marketing'];
const PHASES = [['initiation', 8], ['planning', 12], ['execution', 38], ['closing', 9], ['closed', 33]];
const IMPOSSIBLE_MD = ['02-30', '02-31', '04-31', '06-31', '09-31', '11-31'];
const ENUM_TYPOS = { open: 'opne', closed: 'closd', green: 'gren', amber: 'ambre', red: 'rde', pending: 'pendng', accepted: 'acepted' };

function fill(tpl, r, sys, dept) {
  return tpl
    .replace('{sys}', sys)
    .replace('{dept}', dept)
    .replace('{pct}', String(r.int(5, 40)))
    .replace('{n}', String(r.int(3, 9)));
}

// ---------------------------------------------------------------------------------------------
// People: with capacity tracking so that active projects do not over-allocate anyone.

function buildPeople(ctx) {
  const r = new Rng(`${ctx.seed}:people`);
  const n = Math.max(20, Math.round(ctx.projects / 5));
  const used = new Set();
  const people = [];
  for (let i = 0; i < n; i++) {
    const first = r.pick(FIRST);
    const last = r.pick(LAST);
    let base = (first[0] + last).toLowerCase();
    let idv = base;
    for (let k = 2; used.has(idv); k++) idv = base + k;
    used.add(idv);
    let role;
    if (i < EXECUTIVES.length) role = EXECUTIVES[i][0];
    else if (i < 8) role = i < 6 ? 'Director' : 'Project manager'; // small corpora still get sponsors and PMs
    else role = r.weighted(ROLE_WEIGHTS);
    const exec = i < EXECUTIVES.length;
    const capacity = exec ? 20 : r.weighted([[100, 70], [80, 15], [60, 8], [50, 7]]);
    const skillPool = exec ? ['Governance', 'Budgeting', 'Strategy', EXECUTIVES[i][1]] : ROLE_SKILLS[role];
    const skills = r.sample(skillPool, r.int(2, Math.min(4, skillPool.length)));
    const trainings = [];
    const nt = r.int(0, 2);
    for (let t = 0; t < nt; t++) trainings.push([r.pick(TRAININGS), ctx.today - r.int(30, 1200)]);
    const rate = round((ROLE_RATE[exec ? 'Executive' : role] || 90) * (0.85 + r.next() * 0.3), 5);
    people.push({ id: idv, name: `${first} ${last}`, role, capacity, rate, skills, trainings, exec });
  }
  const ids = people.map((p) => p.id);
  const byRole = (pred) => {
    const out = [];
    people.forEach((p, i) => pred(p) && out.push(i));
    return out;
  };
  return {
    list: people,
    ids,
    idSet: new Set(ids),
    load: new Int32Array(n),
    cap: Int32Array.from(people.map((p) => p.capacity)),
    pms: byRole((p) => p.role === 'Project manager'),
    sponsors: byRole((p) => p.role === 'Director' || p.exec),
    staff: byRole((p) => !p.exec && p.role !== 'Director' && p.role !== 'Project manager'),
    cfo: 0,
    unallocatedManagers: 0,
  };
}

function peopleYaml(ctx) {
  const out = ['# People available to projects: capacity is a percent of a full-time week.', 'people:'];
  for (const p of ctx.people.list) {
    out.push(`  - id: ${p.id}`, `    name: ${p.name}`, `    role: ${p.role}`, `    capacity: ${p.capacity}`,
      `    rate: ${p.rate}`, `    skills: [${p.skills.join(', ')}]`);
    if (p.trainings.length) {
      out.push('    trainings:');
      for (const [name, d] of p.trainings) out.push(`      - { name: ${name}, date: ${fd(d)} }`);
    }
  }
  return out.join('\n') + '\n';
}

/** Pick a person from pool (indices) with at least 5 points of headroom; reserve the allocation. */
function reserve(r, P, pool, want, exclude, track) {
  if (!track) {
    for (let t = 0; t < 20; t++) {
      const p = r.pick(pool);
      if (!exclude.has(p)) return [p, want];
    }
    return null;
  }
  for (let t = 0; t < 16; t++) {
    const p = r.pick(pool);
    if (exclude.has(p)) continue;
    const room = P.cap[p] - P.load[p];
    if (room >= 5) {
      const a = Math.min(want, room - (room % 5));
      P.load[p] += a;
      return [p, a];
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// One project

function buildProject(ctx, i, inject) {
  const r = new Rng(`${ctx.seed}:project:${i}`);
  const P = ctx.people;
  const T = ctx.today;
  const id = pid(i);
  const rec = `records/${id}`;
  const phase = ctx.phase[i];
  const phaseIdx = ['initiation', 'planning', 'execution', 'closing', 'closed'].indexOf(phase);
  const active = phase !== 'closed';
  const [sys, dept, vendorName] = r.pick(SYSTEMS);
  const name = `${r.pick(CODENAMES)} ${sys} ${r.pick(ACTIONS)}`;

  // Candidate lines for injected violations (only collected when this project gets some).
  const C = inject ? { 'unknown-field': [], 'out-of-range': [], 'unknown-person': [], 'impossible-date': [], 'bad-enum': [], 'missing-record': [] } : null;
  const L = [];
  const cand = (kind, p, detail, apply) => C[kind].push({ idx: L.length - 1, path: p, detail, apply });
  const keyTypo = (from, to) => (line) => line.replace(`${from}:`, `${to}:`);
  const setValue = (key, v) => (line) => line.replace(new RegExp(`(${key}: )[^,}]*`), `$1${v}`);
  const badDate = (line, rr) => line.replace(/(\d{4})-\d{2}-\d{2}/, (m, y) => `${y}-${rr.pick(IMPOSSIBLE_MD)}`);

  // ---- dates and schedule
  const nStatus = r.int(8, 12);
  let start, baselineEnd, lastStatus;
  if (phase === 'closed') {
    baselineEnd = T - r.int(30, 700);
    start = baselineEnd - r.int(150, 540);
    lastStatus = 0; // set after milestones
  } else if (phase === 'closing') {
    baselineEnd = T - r.int(5, 40);
    start = baselineEnd - r.int(180, 540);
  } else if (phase === 'execution') {
    start = T - r.int(100, 520);
    baselineEnd = T + r.int(40, 400);
  } else {
    start = T - nStatus * 7 - r.int(0, phase === 'planning' ? 60 : 10);
    baselineEnd = T + r.int(200, 520);
  }
  const nMil = r.int(5, 7);
  const names = r.sample(MILESTONE_SEQ.map((_, k) => k), nMil).sort((a, b) => a - b).map((k) => MILESTONE_SEQ[k]);
  const span = baselineEnd - start;
  const milestones = [];
  let wsum = 0;
  for (let k = 0; k < nMil; k++) {
    const base = k === nMil - 1 ? baselineEnd : start + Math.round((span * (k + 1)) / (nMil + 0.5)) + r.int(-5, 5);
    const weight = r.pick([5, 10, 10, 15, 15, 20, 25]);
    wsum += weight;
    const m = { id: `M${k + 1}`, name: names[k], baseline: base, weight };
    if (phase === 'closed' || phase === 'closing' || base <= T - 3) {
      m.forecast = base + r.int(-2, 6);
      m.actual = Math.min(m.forecast + r.int(-3, 4), T - 1);
      if (phase === 'closed') m.actual = Math.min(m.actual, T - 20);
      m.progress = 100;
    } else {
      m.forecast = Math.max(base + r.int(0, 8), T + 7);
      m.progress = 0;
    }
    milestones.push(m);
  }
  // keep done milestones in order, and open milestones after them
  for (let k = 1; k < nMil; k++) {
    const a = milestones[k - 1];
    const b = milestones[k];
    if (b.actual !== undefined && a.actual !== undefined && b.actual < a.actual) b.actual = a.actual;
  }
  const open = milestones.filter((m) => m.actual === undefined);
  if (open.length) {
    open[0].progress = phase === 'execution' ? r.int(3, 16) * 5 : r.int(0, 6) * 5;
    for (let k = 1; k < open.length; k++) open[k].progress = phase === 'execution' && k === 1 ? r.int(0, 4) * 5 : 0;
  }
  const forecastEnd = open.length ? open[open.length - 1].forecast : milestones[nMil - 1].actual;
  const actualEnd = phase === 'closed' ? milestones[nMil - 1].actual : undefined;
  if (phase === 'closed') lastStatus = actualEnd + r.int(0, 5);
  else lastStatus = T;
  const dates = [];
  for (let k = nStatus - 1; k >= 0; k--) dates.push(lastStatus - 7 * k);
  if (start > dates[0]) start = dates[0] - r.int(0, 10);
  const earned = milestones.reduce((s, m) => s + m.weight * m.progress, 0) / (wsum * 100);

  // ---- people
  const track = active;
  const exclude = new Set();
  const mgr = ctx.managers[i];
  exclude.add(mgr[0]);
  let sponsorIdx = r.pick(P.sponsors);
  if (sponsorIdx === mgr[0]) sponsorIdx = P.sponsors[(P.sponsors.indexOf(sponsorIdx) + 1) % P.sponsors.length];
  const manager = P.ids[mgr[0]];
  const sponsor = P.ids[sponsorIdx];
  const team = mgr[1] ? [[mgr[0], 'Project manager', mgr[1]]] : [];
  const nTeam = phase === 'initiation' ? r.int(1, 2) : phase === 'planning' ? r.int(2, 3) : r.int(2, 4);
  for (let k = 0; k < nTeam; k++) {
    const got = reserve(r, P, P.staff, r.pick([5, 5, 5, 10]), exclude, track);
    if (!got) continue;
    exclude.add(got[0]);
    team.push([got[0], P.list[got[0]].role, got[1]]);
  }
  const teamIds = [manager, ...team.filter((t) => t[0] !== mgr[0]).map((t) => P.ids[t[0]])];
  const member = () => r.pick(teamIds);

  // ---- header
  L.push(`id: ${id}`);
  L.push(`name: ${name}`);
  L.push(`manager: ${manager}`);
  L.push(`sponsor: ${sponsor}`);
  L.push(`phase: ${phase}`);
  const priority = r.int(1, 5);
  L.push(`priority: ${priority}`);
  if (C) cand('out-of-range', 'priority', 'priority: 0', setValue('priority', 0));
  L.push(`goals: [${r.sample(ctx.goalIds, r.int(1, 2)).join(', ')}]`);
  L.push(`department: ${dept}`);
  L.push(`business_case: ${fill(r.pick(BUSINESS_CASE), r, sys, dept)}`);

  L.push('dates:');
  L.push(`  start: ${fd(start)}`);
  L.push(`  baseline_end: ${fd(baselineEnd)}`);
  L.push(`  forecast_end: ${fd(forecastEnd)}`);
  if (actualEnd !== undefined) L.push(`  actual_end: ${fd(actualEnd)}`);

  if (phaseIdx >= 1) {
    L.push('approvals:');
    const charterOn = start + r.int(3, 20);
    L.push(`  charter: { by: ${sponsor}, on: ${fd(Math.min(charterOn, T - 1))} }`);
    if (phaseIdx >= 2) L.push(`  baseline: { by: ${sponsor}, on: ${fd(Math.min(start + r.int(25, 60), T - 1))} }`);
  }

  // ---- budget
  const bac = round(40000 + r.next() * r.next() * 3000000, 1000);
  let forecast = ctx.overBudget.includes(i) ? round(bac * 1.6, 1000) : round(bac * (0.96 + r.next() * 0.11), 1000);
  // Spent to date stays within the approved budget (cost-over-baseline is a rule): the overrun is forecast.
  // ... and leaves the work still to do a TCPI within the PMO's 1.1 (tcpi-achievable is a rule; a larger approved
  // budget, with approved changes, only lowers it): AC <= BAC x (1 - (1 - earned) / 1.1).
  const tcpiRoom = Math.floor((bac * (1 - (1 - earned) / 1.1)) / 500) * 500;
  const actual = Math.min(bac, phase === 'closed' ? forecast : Math.min(tcpiRoom, round(Math.max(earned, 0.01) * bac * (0.95 + r.next() * 0.1), 500)));
  const spent = phaseIdx >= 2 ? actual : round(bac * (0.005 + r.next() * 0.02), 500);
  // A PM never forecasts less than is already spent (forecast-below-actual is a rule).
  forecast = Math.max(forecast, spent);
  L.push('budget:');
  L.push(`  baseline: ${bac}`);
  L.push(`  actual: ${spent}`);
  L.push(`  forecast: ${forecast}`);
  if (phaseIdx >= 2) L.push(`  approved_by: ${P.ids[P.cfo]}`);

  // ---- milestones
  L.push('milestones:');
  milestones.forEach((m, k) => {
    L.push(`  - id: ${m.id}`);
    L.push(`    name: ${m.name}`);
    L.push(`    baseline: ${fd(m.baseline)}`);
    if (C) cand('impossible-date', `milestones[${k}].baseline`, 'impossible baseline date', badDate);
    L.push(`    forecast: ${fd(m.forecast)}`);
    if (C) cand('unknown-field', `milestones[${k}].forcast`, 'key typo forecast -> forcast', keyTypo('forecast', 'forcast'));
    if (m.actual !== undefined) L.push(`    actual: ${fd(m.actual)}`);
    else {
      L.push(`    progress: ${m.progress}`);
      if (C) cand('out-of-range', `milestones[${k}].progress`, 'progress: 140', setValue('progress', 140));
    }
    L.push(`    weight: ${m.weight}`);
  });

  // ---- deliverables
  const records = []; // [name, path | path[]]
  const files = []; // [relpath, content]
  const recFile = (file, title, d) => {
    const p = `${rec}/${file}`;
    files.push([p, `# ${title}\n\nProject: ${name} (${id})\nDate: ${fd(d)}\n`]);
    return p;
  };
  const nDel = r.int(4, 6);
  let anyAccepted = false;
  const acceptancePath = `${rec}/acceptance.md`;
  L.push('deliverables:');
  // DELIVERABLES is in lifecycle order: keep that order so early milestones get early deliverables
  const delNames = r.sample(DELIVERABLES.map((_, k) => k), nDel).sort((a, b) => a - b).map((k) => DELIVERABLES[k]);
  for (let k = 0; k < nDel; k++) {
    const m = milestones[Math.min(nMil - 1, Math.floor(((k + 0.5) * nMil) / nDel))];
    L.push(`  - id: D${k + 1}`);
    L.push(`    name: ${delNames[k].replace('{sys}', sys)}`);
    L.push(`    milestone: ${m.id}`);
    if (C) cand('unknown-field', `deliverables[${k}].milestne`, 'key typo milestone -> milestne', keyTypo('milestone', 'milestne'));
    if (m.actual !== undefined) {
      anyAccepted = true;
      L.push(`    acceptance: { status: accepted, by: ${sponsor}, date: ${fd(Math.min(m.actual + r.int(0, 5), T - 1))}, record: ${acceptancePath} }`);
      if (C) cand('bad-enum', `deliverables[${k}].acceptance.status`, 'acceptance status acepted', (l) => l.replace('status: accepted', 'status: acepted'));
    } else {
      L.push('    acceptance: { status: pending }');
      if (C) cand('bad-enum', `deliverables[${k}].acceptance.status`, 'acceptance status pendng', (l) => l.replace('status: pending', 'status: pendng'));
    }
  }

  // ---- risks
  const nRisk = r.int(4, 7);
  L.push('risks:');
  const riskPicks = r.sample(RISKS, nRisk);
  for (let k = 0; k < nRisk; k++) {
    const [title, mitigation] = riskPicks[k];
    const closed = !active || r.chance(0.2);
    L.push(`  - id: R${k + 1}`);
    L.push(`    title: ${fill(title, r, sys, dept)}`);
    L.push(`    probability: ${r.int(1, 5)}`);
    if (C) cand('out-of-range', `risks[${k}].probability`, 'probability: 6', setValue('probability', 6));
    L.push(`    impact: ${r.int(1, 5)}`);
    if (C) cand('out-of-range', `risks[${k}].impact`, 'impact: 7', setValue('impact', 7));
    L.push(`    owner: ${member()}`);
    if (C) cand('unknown-person', `risks[${k}].owner`, 'owner', null);
    L.push(`    mitigation: ${mitigation}`);
    if (C) cand('unknown-field', `risks[${k}].mitigaton`, 'key typo mitigation -> mitigaton', keyTypo('mitigation', 'mitigaton'));
    L.push(`    status: ${closed ? 'closed' : 'open'}`);
    if (C) cand('bad-enum', `risks[${k}].status`, closed ? 'status closd' : 'status opne', (l) => l.replace(/status: (\w+)/, (_, v) => `status: ${ENUM_TYPOS[v]}`));
    if (!closed) {
      L.push(`    review_by: ${fd(T + r.int(10, 90))}`);
      if (C) cand('impossible-date', `risks[${k}].review_by`, 'impossible review_by date', badDate);
    }
  }

  // ---- issues
  const nIss = r.int(1, 3);
  L.push('issues:');
  for (let k = 0; k < nIss; k++) {
    const closed = !active || r.chance(0.4);
    const raised = closed ? Math.max(start + 10, lastStatus - r.int(10, 120)) : T - r.int(0, 40);
    const escalated = !closed && raised < T - 7;
    L.push(`  - { id: I${k + 1}, title: ${r.pick(ISSUES)}, owner: ${member()}, raised: ${fd(raised)}, status: ${closed ? 'closed' : 'open'}, escalated: ${escalated} }`);
    if (C) {
      cand('unknown-person', `issues[${k}].owner`, 'owner', null);
      cand('impossible-date', `issues[${k}].raised`, 'impossible raised date', badDate);
      cand('bad-enum', `issues[${k}].status`, 'issue status typo', (l) => l.replace(/status: (\w+)/, (_, v) => `status: ${ENUM_TYPOS[v]}`));
    }
  }

  // ---- assumptions, dependencies
  const needs = [];
  L.push('assumptions:');
  r.sample(ASSUMPTIONS, r.int(1, 3)).forEach((a, k) => L.push(`  - { id: A${k + 1}, title: ${fill(a, r, sys, dept)} }`));
  if (ctx.projects > 1 && r.chance(0.8)) {
    L.push('dependencies:');
    const nd = r.int(1, 2);
    for (let k = 0; k < nd; k++) {
      let other = r.int(1, ctx.projects - 1);
      if (other >= i) other++;
      const needed = active ? Math.max(T + r.int(10, 200), start + 30) : Math.min(baselineEnd - r.int(20, 100), T - 30);
      // A running project needs nothing before its provider ends (dependency-late is a rule): fixed up once
      // every project's end is known (see alignDependencies).
      if (phase !== 'closed') needs.push({ line: L.length, other, needed });
      L.push(`  - { id: DEP${k + 1}, title: ${r.pick(DEPENDENCIES)}, project: ${pid(other)}, needed_by: ${fd(needed)} }`);
    }
  }

  // ---- changes (approved ones raise the approved budget, the BAC: none lists a baseline under rebaselines)
  let approvedCost = 0;
  if (phaseIdx >= 2 || r.chance(0.3)) {
    L.push('changes:');
    const nc = r.int(1, 3);
    for (let k = 0; k < nc; k++) {
      const status = !active || phase === 'closing' ? r.pick(['approved', 'rejected']) : r.pick(['proposed', 'approved', 'approved', 'rejected']);
      const raised = status === 'proposed' ? T - r.int(0, 20) : Math.min(start + r.int(20, Math.max(21, lastStatus - start - 20)), T - 15);
      const costImpact = round(bac * r.next() * 0.04, 500);
      if (status === 'approved') approvedCost += costImpact;
      L.push(`  - id: CR${k + 1}`);
      L.push(`    title: ${r.pick(CHANGES)}`);
      L.push(`    cost_impact: ${costImpact}`);
      L.push(`    schedule_impact_days: ${r.int(0, 10)}`);
      L.push(`    status: ${status}`);
      L.push(`    raised: ${fd(raised)}`);
      if (status !== 'proposed') {
        L.push(`    decided_by: ${sponsor}`);
        L.push(`    decided_on: ${fd(Math.min(raised + r.int(3, 14), T - 1))}`);
      }
    }
  }

  // ---- team
  if (team.length) L.push('team:');
  const teamTo = actualEnd !== undefined ? actualEnd : forecastEnd;
  team.forEach(([p, role, alloc], k) => {
    L.push(`  - { person: ${P.ids[p]}, role: ${role}, allocation: ${alloc}, from: ${fd(start)}, to: ${fd(teamTo)} }`);
    if (C && P.ids[p] !== manager) cand('unknown-person', `team[${k}].person`, 'person', null);
  });

  // ---- stakeholders, vendors, revenue, kpis
  L.push('stakeholders:');
  for (const s of r.sample(STAKEHOLDERS, r.int(2, 4))) {
    L.push(`  - { name: ${s}, interest: ${r.pick(LEVELS)}, influence: ${r.pick(LEVELS)}, communication: ${r.pick(COMMS)} }`);
  }
  if (phaseIdx >= 1 && r.chance(0.75)) {
    L.push('vendors:');
    const value = round(bac * (0.1 + r.next() * 0.4), 1000);
    const paid = phase === 'closed' ? value : round(value * earned, 1000);
    const contract = recFile(`contract-${vendorName.split(' ')[0].toLowerCase()}.md`, `Contract with ${vendorName}`, start + 10);
    L.push(`  - { name: ${vendorName}, contract: ${contract}, value: ${value}, paid: ${paid} }`);
  }
  if (phaseIdx >= 2 && r.chance(0.6)) {
    L.push('revenue:');
    const nb = r.int(1, 3);
    for (let k = 0; k < nb; k++) {
      const due = start + Math.round(((forecastEnd - start) * (k + 1)) / nb) + r.int(-10, 10);
      let line = `  - { id: B${k + 1}, amount: ${round(bac * (0.1 + r.next() * 0.3), 1000)}, due: ${fd(due)}`;
      if (due <= T) {
        const inv = Math.min(due + r.int(0, 5), T);
        line += `, invoiced: ${fd(inv)}`;
        if (inv < T - 20 || phase === 'closed') line += `, received: ${fd(Math.min(inv + r.int(5, 20), T))}`;
      }
      L.push(line + ' }');
    }
  }
  L.push('kpis:');
  for (const [kname, target, hib] of r.sample(KPIS, r.int(2, 3))) {
    // KPIs are judged from closing on (kpi-off-target): by then they meet their targets; before, they progress.
    const spread = phaseIdx >= 3 ? (hib ? 1 + r.next() * 0.1 : 0.8 + r.next() * 0.2) : hib ? 0.85 + r.next() * 0.25 : 0.7 + r.next() * 0.4;
    const act = Math.round(target * spread * 10) / 10;
    L.push(`  - { name: ${kname}, target: ${target}, actual: ${act}, higher_is_better: ${hib} }`);
  }

  // ---- records
  if (phaseIdx >= 1 || r.chance(0.5)) records.push(['charter', recFile('charter.md', 'Project charter', start + 5)]);
  if (phaseIdx >= 2) {
    records.push(['scope_of_work', recFile('sow.md', 'Scope of work', start + 20)]);
    records.push(['communication_plan', recFile('comms.md', 'Communication plan', start + 25)]);
  }
  if (phaseIdx >= 1) {
    const nm = r.int(1, 3);
    const mins = [];
    for (let k = nm - 1; k >= 0; k--) {
      const d = dates[dates.length - 1 - k * 2] ?? lastStatus;
      mins.push(recFile(`minutes-${fd(d)}.md`, 'Steering committee minutes', d));
    }
    records.push(['minutes', mins]);
  }
  if (anyAccepted || phaseIdx >= 3) records.push(['acceptance', recFile('acceptance.md', 'Acceptance certificate', Math.min(forecastEnd, T - 1))]);
  if (phase === 'closed') records.push(['final_report', recFile('final-report.md', 'Final report', actualEnd + 3)]);
  if (records.length) {
    L.push('records:');
    for (const [rn, v] of records) {
      if (Array.isArray(v)) {
        L.push(`  ${rn}: [${v.join(', ')}]`);
        if (C) cand('missing-record', `records.${rn}`, v[0], null);
      } else {
        L.push(`  ${rn}: ${v}`);
        if (C && rn !== 'acceptance') cand('missing-record', `records.${rn}`, v, null);
      }
    }
  }

  // ---- status updates (newest last)
  L.push('status:');
  const slip = forecastEnd - baselineEnd;
  const approvedBudget = bac + approvedCost;
  const costVar = (forecast - approvedBudget) / approvedBudget;
  // Earned value as pmo computes it (DOMAIN.md): a PM does not report green below the PMO's 0.9 indices.
  const plannedShare = linearPlannedShare(milestones, start, T) / wsum;
  const spentActual = phaseIdx >= 2 ? actual : round(bac * 0.01, 500);
  const behind = phaseIdx >= 2 && ((plannedShare > 0 && earned / plannedShare < 0.9) || (spentActual > 0 && (earned * approvedBudget) / spentActual < 0.9));
  dates.forEach((d, k) => {
    const newest = k === dates.length - 1;
    const sched = slip > 5 ? 'amber' : r.weighted([['green', 85], ['amber', 15]]);
    const cost = costVar > 0.05 ? 'amber' : r.weighted([['green', 85], ['amber', 15]]);
    const scope = r.weighted([['green', 94], ['amber', 6]]);
    let overall = sched === 'amber' || cost === 'amber' || scope === 'amber' || (newest && behind) ? 'amber' : 'green';
    if (!newest && r.chance(0.03)) overall = 'red';
    L.push(`  - date: ${fd(d)}`);
    if (C) cand('impossible-date', `status[${k}].date`, 'impossible status date', badDate);
    L.push(`    by: ${manager}`);
    if (C) cand('unknown-person', `status[${k}].by`, 'by', null);
    L.push(`    overall: ${overall}`);
    if (C) cand('bad-enum', `status[${k}].overall`, `overall ${ENUM_TYPOS[overall]}`, (l) => l.replace(/overall: (\w+)/, (_, v) => `overall: ${ENUM_TYPOS[v]}`));
    L.push(`    schedule: ${sched}`);
    L.push(`    cost: ${cost}`);
    L.push(`    scope: ${scope}`);
    const summary = phase === 'closed' && newest ? 'Project closed; handover to operations complete' : r.pick(SUMMARY[overall]);
    L.push(`    summary: ${summary}`);
    if (C) cand('unknown-field', `status[${k}].sumary`, 'key typo summary -> sumary', keyTypo('summary', 'sumary'));
    L.push(`    next: [${r.sample(NEXT, r.int(1, 3)).join(', ')}]`);
  });

  // ---- lessons
  if (phaseIdx >= 3) {
    L.push('lessons:');
    for (const [title, area] of r.sample(LESSONS, phase === 'closed' ? r.int(2, 4) : r.int(1, 2))) {
      L.push(`  - { title: ${title}, area: ${area} }`);
    }
  }

  // ---- injected violations
  const injected = [];
  if (C) {
    const ri = new Rng(`${ctx.seed}:inject:${i}`);
    const kinds = ri.sample(VIOLATION_KINDS.filter((k) => C[k].length), ri.int(1, 3));
    const touched = new Set();
    for (const kind of kinds) {
      const choices = C[kind].filter((c) => !touched.has(c.idx));
      if (!choices.length) continue;
      const c = ri.pick(choices);
      touched.add(c.idx);
      let detail = c.detail;
      if (kind === 'unknown-person') {
        const m = /(owner|person|by): ([a-z0-9-]+)/.exec(L[c.idx]);
        const bad = typoId(m[2], P.idSet);
        L[c.idx] = L[c.idx].replace(`${m[1]}: ${m[2]}`, `${m[1]}: ${bad}`);
        detail = `${m[1]} ${bad} (not in people.yaml; typo of ${m[2]})`;
      } else if (kind === 'missing-record') {
        const k = files.findIndex((f) => f[0] === c.detail);
        files.splice(k, 1);
        detail = `${c.detail} is referenced but not written`;
      } else {
        L[c.idx] = c.apply(L[c.idx], ri);
        if (kind === 'impossible-date') detail = `${c.detail}: ${/\d{4}-\d{2}-\d{2}/.exec(L[c.idx])[0]}`;
      }
      injected.push({ project: id, file: `projects/${id}.yaml`, line: c.idx + 1, kind, path: c.path, detail });
    }
  }

  return { id, lines: L, files, injected, needs, end: actualEnd ?? forecastEnd };
}

function typoId(idv, set) {
  let s = idv;
  if (idv.length >= 4) {
    const k = 1 + (idv.length >> 1) - 1;
    s = idv.slice(0, k) + idv[k + 1] + idv[k] + idv.slice(k + 2);
  }
  while (s === idv || set.has(s)) s += 'x';
  return s;
}

// ---------------------------------------------------------------------------------------------
// Portfolio-level files

function pmoYaml(ctx) {
  return `# Synthetic PMO portfolio generated by bench/generate.mjs
# projects: ${ctx.projects}, seed: ${ctx.seedText}, violations: ${ctx.violations}, as of: ${fd(ctx.today)}
version: 1
organization: Northwind Holdings
pmo_type: controlling
currency: EUR
lifecycle: [initiation, planning, execution, closing, closed]
gates:
  planning:  [charter-approved, sponsor-assigned]
  execution: [baseline-set, risks-identified, budget-approved]
  closing:   [deliverables-accepted]
  closed:    [lessons-recorded, final-report-filed]
thresholds:
  status_max_age_days: 7
  budget_variance_pct: 10
  schedule_slip_days: 14
  risk_high_exposure: 15
  allocation_max_pct: 100
  evm_min_index: 0.9
  issue_escalation_days: 14
  change_decision_days: 30
  invoice_payment_days: 45
  waiver_warning_days: 14
rules:
  status-fresh: error
  milestone-overdue: warn
locked: [records-present]
${ctx.rules ? 'rulesets: [rules/*.yaml]\n' : ''}intake:
  weights: { value: 3, alignment: 3, urgency: 2, risk: -1 }
records:
  planning:  [charter]
  execution: [scope_of_work, communication_plan]
  closed:    [acceptance, final_report]
schema:
  project:
    required: [department]
    properties:
      department: { enum: [${DEPARTMENTS.join(', ')}] }
      business_case: { type: string, minLength: 20 }
`;
}

function goalsYaml(ctx) {
  return 'goals:\n' + GOALS.map((t, k) => `  - { id: G${k + 1}, title: ${t} }`).join('\n') + '\n';
}

function waiversYaml(ctx) {
  const r = new Rng(`${ctx.seed}:waivers`);
  const out = ['waivers:'];
  for (const i of ctx.overBudget) {
    out.push('  - rule: budget-variance', `    project: ${pid(i)}`,
      '    reason: Overrun accepted by the steering committee; re-baseline at the next portfolio review',
      `    approved_by: ${ctx.people.ids[r.pick(ctx.people.sponsors)]}`, `    expires: ${fd(ctx.today + r.int(30, 365))}`);
  }
  return out.length > 1 ? out.join('\n') + '\n' : 'waivers: []\n';
}

function requestYaml(ctx, k) {
  const r = new Rng(`${ctx.seed}:request:${k}`);
  const P = ctx.people;
  return [
    `id: ${rid(k)}`,
    `name: ${r.pick(CODENAMES)} ${r.pick(REQUEST_NAMES)}`,
    `requested_by: ${P.ids[r.pick(P.sponsors)]}`,
    `goals: [${r.sample(ctx.goalIds, r.int(1, 2)).join(', ')}]`,
    `estimate: { cost: ${round(50000 + r.next() * 900000, 5000)}, months: ${r.int(3, 18)} }`,
    `scores: { value: ${r.int(1, 5)}, alignment: ${r.int(1, 5)}, risk: ${r.int(1, 5)}, urgency: ${r.int(1, 5)} }`,
  ].join('\n') + '\n';
}

const RULES_YAML = `rules:
  high-risk-has-mitigation:
    description: Every high-exposure open risk has an owner and a mitigation.
    severity: error
    each: risk
    when: risk.status == "open" && risk.probability * risk.impact >= thresholds.risk_high_exposure
    assert: has(risk.owner) && has(risk.mitigation) && risk.mitigation != ""
    message: "risk {{risk.id}} has exposure {{risk.probability * risk.impact}} but no owner or mitigation"
    phases: [planning, execution]
    tests:
      invalid: [{ risk: { id: R1, status: open, probability: 5, impact: 4 } }]
      valid:   [{ risk: { id: R2, status: open, probability: 5, impact: 4, owner: jdoe, mitigation: Plan B } }]
  change-has-cost:
    description: An approved change states its cost impact.
    severity: warn
    each: change
    when: change.status == "approved"
    assert: has(change.cost_impact)
    message: "change {{change.id}} is approved without a cost impact"
    tests:
      invalid: [{ change: { id: CR1, title: X, status: approved } }]
      valid:   [{ change: { id: CR1, title: X, status: approved, cost_impact: 1000 } }]
`;

// ---------------------------------------------------------------------------------------------

export function generate(opts) {
  const t0 = Date.now();
  const projects = opts.projects;
  if (!Number.isInteger(projects) || projects < 1) throw new Error('--projects must be a positive integer');
  const violations = opts.violations ?? 0.1;
  if (!(violations >= 0 && violations <= 1)) throw new Error('--violations must be between 0 and 1');
  const seedText = String(opts.seed ?? 1);
  const todayText = opts.today ?? defaultToday();
  const out = path.resolve(opts.out);
  const ctx = {
    projects, violations, seedText, seed: seedText, today: parseDay(todayText), rules: !!opts.rules,
    goalIds: GOALS.map((_, k) => `G${k + 1}`),
  };
  ctx.people = buildPeople(ctx);

  prepareOut(out, !!opts.force);
  const w = (rel, text) => fs.writeFileSync(path.join(out, rel), text);
  fs.mkdirSync(path.join(out, 'projects'), { recursive: true });
  fs.mkdirSync(path.join(out, 'requests'), { recursive: true });
  fs.mkdirSync(path.join(out, 'records'), { recursive: true });

  // phases and managers first, so that managers get their allocation before team members fill capacity
  ctx.phase = [null];
  ctx.managers = [null];
  for (let i = 1; i <= projects; i++) ctx.phase.push(new Rng(`${seedText}:phase:${i}`).weighted(PHASES));
  for (let i = 1; i <= projects; i++) {
    const r = new Rng(`${seedText}:manager:${i}`);
    const track = ctx.phase[i] !== 'closed';
    let mgr = reserve(r, ctx.people, ctx.people.pms, r.pick([5, 5, 10, 10, 15]), new Set(), track);
    if (!mgr) {
      // every project manager is fully booked: the manager leads without a team allocation of their own
      mgr = [r.pick(ctx.people.pms), 0];
      ctx.people.unallocatedManagers++;
    }
    ctx.managers.push(mgr);
  }

  // which projects get violations: exactly round(share * N), by the seed
  const nBad = Math.round(violations * projects);
  const order = new Rng(`${seedText}:violations`).sample(Array.from({ length: projects }, (_, k) => k + 1), nBad);
  const bad = new Set(order);
  // About 1% of the clean projects run well over budget, accepted by the steering committee: waivers.yaml
  // waives their budget-variance findings (a waiver of a project with schema errors would hide nothing).
  ctx.overBudget = Array.from({ length: projects }, (_, k) => k + 1).filter((k) => !bad.has(k) && k % 97 === 13);

  const manifest = [];
  let yamlFiles = 0;
  let yamlBytes = 0;
  let yamlLines = 0;
  let recordFiles = 0;
  const countYaml = (text) => {
    yamlFiles++;
    yamlBytes += Buffer.byteLength(text);
    let n = 0;
    for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) n++;
    yamlLines += n;
  };
  const built = [null];
  for (let i = 1; i <= projects; i++) built.push(buildProject(ctx, i, bad.has(i)));
  alignDependencies(built);
  for (let i = 1; i <= projects; i++) {
    const p = built[i];
    p.text = p.lines.join('\n') + '\n';
    w(`projects/${p.id}.yaml`, p.text);
    countYaml(p.text);
    if (p.files.length) {
      fs.mkdirSync(path.join(out, 'records', p.id));
      for (const [rel, text] of p.files) w(rel, text);
      recordFiles += p.files.length;
    }
    for (const m of p.injected) manifest.push(m);
  }
  for (const [rel, text] of [
    ['pmo.yaml', pmoYaml(ctx)], ['people.yaml', peopleYaml(ctx)], ['goals.yaml', goalsYaml(ctx)],
    ['waivers.yaml', waiversYaml(ctx)],
  ]) {
    w(rel, text);
    countYaml(text);
  }
  const nReq = Math.max(1, Math.round(projects / 20));
  for (let k = 1; k <= nReq; k++) {
    const text = requestYaml(ctx, k);
    w(`requests/${rid(k)}.yaml`, text);
    countYaml(text);
  }
  if (ctx.rules) {
    fs.mkdirSync(path.join(out, 'rules'), { recursive: true });
    w('rules/governance.yaml', RULES_YAML);
  }
  if (opts.manifest) {
    fs.mkdirSync(path.dirname(path.resolve(opts.manifest)), { recursive: true });
    fs.writeFileSync(opts.manifest, JSON.stringify({ projects, seed: seedText, violations, today: todayText, injected: manifest }, null, 1) + '\n');
  }
  if (opts.git) gitCommit(out, todayText);
  return {
    out, projects, people: ctx.people.list.length, requests: nReq, badProjects: nBad, injected: manifest.length,
    yamlFiles, yamlBytes, yamlLines, recordFiles, unallocatedManagers: ctx.people.unallocatedManagers, today: todayText,
    ms: Date.now() - t0,
  };
}

const MARKER = '# Synthetic PMO portfolio generated by bench/generate.mjs';

function prepareOut(out, force) {
  if (!fs.existsSync(out)) return fs.mkdirSync(out, { recursive: true });
  const entries = fs.readdirSync(out);
  if (!entries.length) return;
  const pmo = path.join(out, 'pmo.yaml');
  const generated = fs.existsSync(pmo) && fs.readFileSync(pmo, 'utf8').startsWith(MARKER);
  if (!force || !generated) {
    throw new Error(`${out} is not empty${generated ? ' (pass --force to replace the generated corpus)' : ' and was not made by this generator'}`);
  }
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
}

function gitCommit(out, today) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('GIT_')) delete env[k];
  const stamp = `${today}T12:00:00Z`;
  Object.assign(env, { GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_DATE: stamp, GIT_CONFIG_NOSYSTEM: '1' });
  const cfg = ['-c', 'user.name=pmo bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false',
    '-c', 'init.defaultBranch=main', '-c', 'core.autocrlf=false'];
  for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '--no-verify', '-m', 'Synthetic PMO portfolio']]) {
    const res = spawnSync('git', [...cfg, ...args], { cwd: out, env, stdio: ['ignore', 'ignore', 'pipe'] });
    if (res.status !== 0) throw new Error(`git ${args[0]} failed: ${res.stderr}`);
  }
}

// ---------------------------------------------------------------------------------------------
// CLI

function parseArgs(argv) {
  const o = {};
  const bool = new Set(['git', 'rules', 'force', 'quiet', 'help']);
  for (let k = 0; k < argv.length; k++) {
    let a = argv[k];
    if (!a.startsWith('--')) throw new Error(`unexpected argument: ${a}`);
    a = a.slice(2);
    let v;
    const eq = a.indexOf('=');
    if (eq >= 0) [a, v] = [a.slice(0, eq), a.slice(eq + 1)];
    if (bool.has(a)) {
      o[a] = v === undefined ? true : v !== 'false';
      continue;
    }
    if (v === undefined) v = argv[++k];
    if (v === undefined) throw new Error(`--${a} needs a value`);
    o[a] = v;
  }
  return o;
}

const USAGE = `usage: node bench/generate.mjs --projects N --out DIR [--seed S] [--violations 0.1]
       [--today YYYY-MM-DD] [--git] [--rules] [--manifest FILE] [--force] [--quiet]`;

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const a = parseArgs(process.argv.slice(2));
    if (a.help) {
      console.log(USAGE);
      process.exit(0);
    }
    if (!a.projects || !a.out) throw new Error('--projects and --out are required');
    const known = new Set(['projects', 'out', 'seed', 'violations', 'today', 'git', 'rules', 'manifest', 'force', 'quiet']);
    for (const k of Object.keys(a)) if (!known.has(k)) throw new Error(`unknown option --${k}`);
    const s = generate({
      projects: Number(a.projects), out: a.out, seed: a.seed ?? '1',
      violations: a.violations === undefined ? 0.1 : Number(a.violations), today: a.today, git: a.git,
      rules: a.rules, manifest: a.manifest, force: a.force,
    });
    if (!a.quiet) {
      console.error(`generated ${s.projects} projects (${s.badProjects} with ${s.injected} injected problems), ` +
        `${s.people} people, ${s.requests} requests as of ${s.today} in ${s.out}: ` +
        `${s.yamlFiles} YAML files, ${(s.yamlBytes / 1e6).toFixed(1)} MB, ${s.yamlLines} lines, ` +
        `${s.recordFiles} record files; ${s.ms} ms` + (s.unallocatedManagers ? `; ${s.unallocatedManagers} managers without a team allocation (people fully booked)` : ''));
    }
  } catch (e) {
    console.error(`generate.mjs: ${e.message}\n${USAGE}`);
    process.exit(2);
  }
}

/**
 * The planned weight on day `day` (DOMAIN.md's linear PV): each milestone's weight accrues linearly from the
 * previous baseline (the start for the first) to its own baseline. Days are day numbers.
 */
function linearPlannedShare(milestones, start, day) {
  let from = start;
  let planned = 0;
  for (const m of [...milestones].sort((a, b) => a.baseline - b.baseline)) {
    const share = day >= m.baseline ? 1 : day <= from || from >= m.baseline ? 0 : (day - from) / (m.baseline - from);
    planned += m.weight * share;
    from = m.baseline;
  }
  return planned;
}

/** Moves each running project's needed_by to no earlier than its provider's end (the actual, else forecast end). */
function alignDependencies(built) {
  for (const p of built) {
    if (!p) continue;
    for (const { line, other, needed } of p.needs) {
      const end = built[other].end;
      if (end > needed) p.lines[line] = p.lines[line].replace(/needed_by: \S+ \}$/, `needed_by: ${fd(end)} }`);
    }
  }
}
