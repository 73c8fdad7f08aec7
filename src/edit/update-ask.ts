/**
 * `pmo update` at a terminal: what the flags left open is asked for, and with no flags at all the PM picks
 * what to record from a menu. `--editor` instead prefills a status update in the PM's editor.
 */
import { UsageError } from '../errors.js';
import { parseYamlFully } from '../load/parse-yaml.js';
import { locateFindings } from '../load/locate.js';
import { DATE, isRealDate } from '../model/dates.js';
import { isRecord } from '../model/labels.js';
import { RAG } from '../model/schemas/common.js';
import { didYouMean } from '../model/suggest.js';
import { editText } from './editor.js';
import { list, type StatusInput } from './project-edits.js';
import type { Prompter } from './prompt.js';
import type { UpdateRequest } from './update.js';

const isDate = (answer: string) => (DATE.test(answer) && isRealDate(answer) ? undefined : 'a real date written YYYY-MM-DD, please');
const isScore = (answer: string) => (/^[1-5]$/.test(answer) ? undefined : 'a whole number from 1 to 5, please');
const isPercent = (answer: string) => (/^\d+(\.\d+)?$/.test(answer) && Number(answer) <= 100 ? undefined : 'a number from 0 to 100, please');

const CHOICES = [
  ['status', 'a weekly status update'],
  ['milestone', "a milestone's forecast, actual date or progress"],
  ['add-risk', 'a new risk'],
  ['close-risk', 'close a risk'],
  ['add-issue', 'a new issue'],
  ['close-issue', 'close an issue'],
  ['change', 'a change request decision'],
  ['accept', "a deliverable's acceptance"],
  ['phase', 'the phase'],
] as const;

/** The menu: the PM picks one thing to record, then its values. */
export async function askWhatToUpdate(ask: Prompter, request: UpdateRequest, project: unknown, lifecycle: readonly string[]): Promise<void> {
  process.stderr.write(`What do you want to record for ${request.project}?\n${CHOICES.map(([, label], i) => `  ${i + 1}) ${label}`).join('\n')}\n`);
  const numbers = CHOICES.map((_, i) => String(i + 1));
  const choice = CHOICES[Number(await ask.ask('Choose', { choices: numbers, default: '1' })) - 1]![0];
  const ids = (key: string) => list(project, key).flatMap((item) => (isRecord(item) && typeof item.id === 'string' ? [item.id] : []));
  const pick = async (noun: string, key: string) => {
    const known = ids(key);
    if (known.length === 0) throw new UsageError(`${request.project} has no ${key}`);
    return ask.ask(noun, { choices: known });
  };
  switch (choice) {
    case 'status':
      request.status = { date: request.date, overall: '' };
      return askStatus(ask, request, project);
    case 'milestone': {
      const id = await pick('Milestone', 'milestones');
      const forecast = await ask.ask('Forecast date (empty: unchanged)', { optional: true, check: isDate });
      const actual = await ask.ask('Actual date, when it is done (empty: not done)', { optional: true, check: isDate });
      const progress = await ask.ask('Progress percent (empty: unchanged)', { optional: true, check: isPercent });
      request.milestone = { id, ...(forecast ? { forecast } : {}), ...(actual ? { actual } : {}), ...(progress ? { progress: Number(progress) } : {}) };
      if (!forecast && !actual && !progress) throw new UsageError('nothing to update');
      return;
    }
    case 'add-risk':
      request.addRisk = { title: await ask.ask('Risk title'), probability: 0, impact: 0 };
      return askRisk(ask, request);
    case 'close-risk':
      request.closeRisk = await pick('Risk to close', 'risks');
      return;
    case 'add-issue':
      request.addIssue = { title: await ask.ask('Issue title') };
      request.addIssue.owner = (await ask.ask('Owner (a person id, empty: none)', { optional: true })) || undefined;
      return;
    case 'close-issue':
      request.closeIssue = await pick('Issue to close', 'issues');
      return;
    case 'change': {
      const id = await pick('Change request', 'changes');
      const decision = (await ask.ask('Decision', { choices: ['approved', 'rejected'] })) as 'approved' | 'rejected';
      request.change = { id, decision };
      request.decidedBy ??= (await ask.ask('Decided by (a person id)', { optional: true })) || undefined;
      return;
    }
    case 'accept': {
      const id = await pick('Deliverable', 'deliverables');
      request.decidedBy ??= (await ask.ask('Accepted by (a person id)', { optional: true })) || undefined;
      request.accept = { id, record: (await ask.ask('Acceptance record (a path in the repo, empty: none)', { optional: true })) || undefined };
      return;
    }
    case 'phase':
      request.phase = await ask.ask('New phase', { choices: lifecycle });
      return;
  }
}

/** A status update's missing values; ratings default to the last update's. */
export async function askStatus(ask: Prompter, request: UpdateRequest, project: unknown): Promise<void> {
  const status = request.status!;
  const last = list(project, 'status').at(-1);
  const previous = (key: string) => (isRecord(last) && typeof last[key] === 'string' ? (last[key] as string) : undefined);
  if (!status.overall) status.overall = await ask.ask('Overall', { choices: RAG, default: previous('overall') });
  for (const key of ['schedule', 'cost', 'scope'] as const) {
    status[key] ??= (await ask.ask(key[0]!.toUpperCase() + key.slice(1), { choices: RAG, default: previous(key), optional: true })) || undefined;
  }
  status.summary ??= (await ask.ask('Summary (one or two sentences)', { optional: true })) || undefined;
  if (!status.next || status.next.length === 0) {
    const next: string[] = [];
    for (let item; (item = await ask.ask(`Next step ${next.length + 1} (empty to finish)`, { optional: true })); ) next.push(item);
    status.next = next;
  }
}

/** A new risk's scores, asked for when the flags did not give them. */
export async function askRisk(ask: Prompter, request: UpdateRequest): Promise<void> {
  const risk = request.addRisk!;
  if (!risk.probability) risk.probability = Number(await ask.ask('Probability, 1 (rare) to 5 (almost certain)', { check: isScore }));
  if (!risk.impact) risk.impact = Number(await ask.ask('Impact, 1 (minor) to 5 (severe)', { check: isScore }));
  risk.owner ??= (await ask.ask('Owner (a person id, empty: none)', { optional: true })) || undefined;
  risk.mitigation ??= (await ask.ask('Mitigation (empty: none yet)', { optional: true })) || undefined;
}

const STATUS_KEYS = ['date', 'by', 'overall', 'schedule', 'cost', 'scope', 'summary', 'next'];

/** `--editor`: a status update prefilled from the last one, edited in $EDITOR; undefined when cancelled. */
export function editStatus(request: UpdateRequest, project: unknown): StatusInput | undefined {
  const last = list(project, 'status').at(-1);
  const previous = (key: string) => (isRecord(last) && typeof last[key] === 'string' ? (last[key] as string) : '');
  const name = isRecord(project) && typeof project.name === 'string' ? ` (${project.name})` : '';
  const was = isRecord(last) ? `# The last update, ${String(last.date)}, said: ${['overall', 'schedule', 'cost', 'scope'].filter((k) => previous(k)).map((k) => `${k} ${previous(k)}`).join(', ')}.\n` : '';
  const initial = [
    `# Status update for ${request.project}${name}, to be appended to its file.`,
    '# Fill it in, save and close the editor. Leave it unchanged (or empty it) to cancel.',
    '# Ratings are green, amber or red; an empty line is left out.',
    was.trimEnd(),
    `date: ${request.date}`,
    `by: ${request.by ?? previous('by')}`,
    `overall: ${previous('overall')}`,
    `schedule: ${previous('schedule')}`,
    `cost: ${previous('cost')}`,
    `scope: ${previous('scope')}`,
    'summary: ',
    'next:',
    '  - ',
    '',
  ].filter((line, i) => line !== '' || i > 3).join('\n');
  const edited = editText(initial, `${request.project}-status.yaml`);
  if (!edited) return undefined;
  const parsed = parseYamlFully(edited.text, edited.file);
  const keep = `; your text is kept in ${edited.file}`;
  if (parsed.findings.length > 0) {
    const where = locateFindings(parsed.findings, () => ({ text: () => edited.text, spans: {} })).map((f) => `  ${f.file}:${f.line}:${f.column}  ${f.message}`);
    throw new UsageError(`the update has YAML errors, so nothing was recorded${keep}:\n${where.join('\n')}`);
  }
  const data = parsed.data;
  if (!isRecord(data)) throw new UsageError(`the update must be a map of fields (date, overall, summary...)${keep}`);
  for (const key of Object.keys(data)) {
    if (!STATUS_KEYS.includes(key)) throw new UsageError(`unknown field '${key}' in the update${didYouMean(key, STATUS_KEYS)}${keep}`);
  }
  const text = (key: string) => (data[key] === null || data[key] === undefined || data[key] === '' ? undefined : String(data[key]));
  const next = Array.isArray(data.next) ? data.next.filter((item) => item !== null && item !== '').map(String) : text('next') ? [text('next')!] : [];
  if (!text('overall')) throw new UsageError(`the update needs overall: green, amber or red${keep}`);
  edited.discard();
  return {
    date: text('date') ?? request.date,
    ...(text('by') ? { by: text('by') } : {}),
    overall: text('overall')!,
    ...(text('schedule') ? { schedule: text('schedule') } : {}),
    ...(text('cost') ? { cost: text('cost') } : {}),
    ...(text('scope') ? { scope: text('scope') } : {}),
    ...(text('summary') ? { summary: text('summary') } : {}),
    ...(next.length > 0 ? { next } : {}),
  };
}
