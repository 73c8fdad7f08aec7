/**
 * The finding ids of the loader, the schemas, pmo.yaml, gates and waivers: docs/checks.md's table, as data,
 * for formats that describe the rules they report (SARIF's rule table). test/output/rule-info.test.ts holds
 * this list and that table together, row for row.
 */
export interface CheckIdRow {
  /** `gate/<phase>` stands for every phase's gate. */
  ids: string[];
  /** What a finding means. */
  means: string;
  /** What to do about it. */
  todo: string;
}

export const CHECK_IDS: readonly CheckIdRow[] = [
  { ids: ['yaml/syntax'], means: 'the file is not valid YAML: the first syntax error, at its line (a quote or a `[`/`{` left open: where it opened), then only the errors independent of it (still there once the lines of the errors before them are commented out), never the parser\'s stumbles after a mistake', todo: 'fix the YAML at the position shown' },
  { ids: ['yaml/duplicate-key'], means: 'a key appears twice in the same map (the later one would silently win); the message names the key and the line of its first occurrence', todo: 'keep one of them' },
  { ids: ['yaml/merge-conflict'], means: 'a git merge-conflict marker (`<<<<<<<`, `=======`, `>>>>>>>`) is in the file', todo: 'finish the merge: keep the lines you want, delete the markers' },
  { ids: ['yaml/tab-indent'], means: 'a tab is used for indentation', todo: 'indent with spaces' },
  { ids: ['yaml/multi-document'], means: 'the file holds several YAML documents (`---`)', todo: 'one document per file: split it' },
  { ids: ['yaml/empty'], means: 'a project or request file has no content', todo: 'fill it in or delete it' },
  { ids: ['yaml/encoding'], means: 'the file is not valid UTF-8', todo: 'save it as UTF-8' },
  { ids: ['yaml/alias-limit'], means: 'aliases expand to more than 100 nodes ("billion laughs")', todo: 'write the values out' },
  { ids: ['yaml/merge-key'], means: 'a merge key (`<<`) whose value is not a map, an alias to a map, or a list of those (`<<: 5`, `<<: null`)', todo: 'write the fields out, or point it at an anchored map' },
  { ids: ['yaml/too-deep'], means: 'the YAML nests thousands of levels deep (`[[[[...`): more than the parser can follow', todo: 'remove the nesting' },
  { ids: ['yaml/complex-key'], means: 'a key that is a list or a map (`? [a, b]`): keys must be strings', todo: 'write a plain name' },
  { ids: ['yaml/alias-cycle'], means: 'an alias inside the node its own anchor names (`x: &r {a: *r}`): the value would contain itself', todo: 'point the alias at an anchor defined outside that node' },
  { ids: ['yaml/too-large'], means: 'a people.yaml, goals.yaml, waivers.yaml, project or request larger than 64 MiB, more than any PMO file: it is not read, and reports leave it out', todo: 'find what grew it (a pasted export, a generated list) and cut it down' },
  { ids: ['yaml/not-a-file'], means: 'a people.yaml, goals.yaml, waivers.yaml, project or request that is not a file (a folder, a device, a pipe, a link to nothing): it is not read, and reports leave it out', todo: 'replace it with a file, or remove it' },
  { ids: ['schema/unknown-field'], means: 'a field the format does not know, usually a typo; the message suggests the intended name', todo: 'fix the name, or declare the field in pmo.yaml `schema:`' },
  { ids: ['schema/required'], means: "a required field is missing (including fields pmo.yaml's `schema:` requires)", todo: 'add it' },
  { ids: ['schema/invalid-value'], means: 'a value of the wrong type, out of range, or not one of the allowed values', todo: 'use a value the message describes' },
  { ids: ['schema/invalid-date'], means: 'a `YYYY-MM-DD` date that does not exist (`2026-02-30`)', todo: 'fix the date' },
  { ids: ['schema/id-mismatch'], means: "a project's, request's or audit's `id` differs from its file name", todo: 'rename the file or fix the id' },
  { ids: ['schema/duplicate-file'], means: 'one project (or request) id in two files, `x.yaml` and `x.yml`; the `.yml` one is not read', todo: 'keep one file' },
  { ids: ['schema/duplicate-id'], means: 'two items of one list share an id (two risks `R1`; two actions of one audit)', todo: 'give each item its own id' },
  { ids: ['schema/action-state'], means: "an audit action's state lacks what backs it: done without its `done` date, verified without its `verification`, dropped without a `reason`", todo: 'add the missing field, or set the state it is really in' },
  { ids: ['schema/demand-effort'], means: "a request's demand line gives its effort neither or both ways (`fte` and `allocation`)", todo: 'give fte (full-time people) or allocation (percent of one person)' },
  { ids: ['ref/unknown-person'], means: 'a person id (manager, sponsor, owner, team member, approver...) is not in people.yaml', todo: 'add the person or fix the id' },
  { ids: ['ref/unknown-goal'], means: 'a goal id is not in goals.yaml', todo: 'add the goal or fix the id' },
  { ids: ['ref/unknown-milestone'], means: 'a deliverable names a milestone the project does not have', todo: 'fix the milestone id' },
  { ids: ['ref/unknown-cost-category'], means: "a logged cost's category is neither a built-in one (labour, vendor, licences, travel, other) nor one of pmo.yaml's `cost_categories`", todo: 'use one of them, or add it to cost_categories' },
  { ids: ['ref/unknown-vendor'], means: "a logged cost names a vendor the project's `vendors` do not list", todo: 'add the vendor or fix the name' },
  { ids: ['ref/unknown-project'], means: 'a dependency names a project that has no file in projects/', todo: 'fix the project id' },
  { ids: ['ref/unknown-phase'], means: "`phase` is not in pmo.yaml's lifecycle", todo: "use one of the lifecycle's phases" },
  { ids: ['ref/missing-record'], means: 'a record path names no file (a missing one, or a folder); web addresses (`http(s)://`) are accepted as records kept elsewhere', todo: 'add the record or fix the path' },
  { ids: ['ref/unreadable-record'], means: "a record path in a folder pmo may not list (its permissions): whether the record is there cannot be known", todo: 'give pmo read access to the folder, or fix the path' },
  { ids: ['ref/record-outside-repo'], means: 'a record path is absolute or climbs out with `..`', todo: 'use a path relative to the repository root' },
  { ids: ['dates/order'], means: 'dates out of order (a project that ends before it starts, status updates not newest last)', todo: 'fix the dates' },
  { ids: ['dates/future'], means: 'an actual date (something that happened) is after today', todo: 'use the forecast field for plans' },
  { ids: ['config/unknown-rule'], means: "pmo.yaml's `rules:` or `locked:` names a rule that does not exist (a typo switches nothing)", todo: 'fix the id (the message suggests one)' },
  { ids: ['config/unknown-phase'], means: "pmo.yaml's `records:` or a custom rule's `phases:` names a phase not in the lifecycle", todo: 'fix the phase' },
  { ids: ['config/lifecycle'], means: 'the lifecycle lacks `planning`, `execution` or `closing`, which built-in rules are written against: those rules never run', todo: 'name the phases after them, or turn those rules off (or this warning: `config/lifecycle: off`)' },
  { ids: ['gate/unknown-phase', 'gate/unknown-criterion'], means: 'a gate names a phase not in the lifecycle, or a criterion that is no rule', todo: 'fix the name' },
  { ids: ['gate/criterion-off'], means: 'a gate criterion is turned off in `rules:` (or is an opt-in rule `rules:` does not turn on), so it always passes', todo: 'turn the rule (back) on, or drop it from the gate' },
  { ids: ['gate/<phase>'], means: "the project is in or past `<phase>` and fails one of its gate's criteria", todo: "fix what the criterion's own finding says" },
  { ids: ['waiver/expired'], means: 'a waiver in waivers.yaml has passed its `expires` date; its findings are shown again', todo: 'renew it (a new approval and date) or remove it' },
  { ids: ['waiver/locked'], means: 'a waiver names a rule pmo.yaml lists under `locked`, or a `yaml/` or `schema/` id (errors in the data, not exceptions): it hides nothing', todo: "fix the findings; locked rules are the PMO's hard lines" },
  { ids: ['waiver/unused'], means: 'a waiver matches no finding (fixed, or written for the wrong rule, project or item)', todo: 'remove it, or correct it' },
  { ids: ['waiver/expiring'], means: 'a waiver expires within `waiver_warning_days` (it still applies until the end of its `expires` day)', todo: 'renew it or get the findings fixed' },
];
