/**
 * `pmo close`: the closing checklist (deliverables accepted, lessons learned, the final report, the actual
 * end date), then the gates to the lifecycle's last phase, judged on the project as closing leaves it. The
 * phase is set only when every item and the gates pass; otherwise nothing is written.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import type { GateReadiness } from '../gate.js';
import { isRecord } from '../model/labels.js';
import type { FileChange } from './changes.js';
import { addLesson, list, setActualEnd, setPhase, setRecord } from './project-edits.js';
import { encodeText } from './source.js';
import { judgeGate, openProject } from './update.js';
import { assertNoNewErrors, type Workspace } from './workspace.js';

export interface CloseRequest {
  project: string;
  today: string;
  actualEnd?: string;
  lessons: string[];
  finalReport?: string;
}

export interface ChecklistItem {
  name: string;
  ok: boolean;
  /** What the item found, or what closing records. */
  detail: string;
  /** For a failing item: how to fix it. */
  fix?: string;
}

export interface ClosePlan {
  target: string;
  items: ChecklistItem[];
  gate?: GateReadiness;
  /** Set when the project may be closed: the file as closing leaves it. */
  change?: FileChange;
}

/** What the project lacks that flags (or answers) can give: the checklist's missing inputs. */
export function missingInputs(ws: Workspace, project: unknown, request: CloseRequest): Array<'lessons' | 'finalReport' | 'actualEnd'> {
  const data = isRecord(project) ? project : {};
  const needed = (rule: string) => ws.config.rules[rule] !== 'off';
  const missing: Array<'lessons' | 'finalReport' | 'actualEnd'> = [];
  if (needed('lessons-recorded') && list(data, 'lessons').length === 0 && request.lessons.length === 0) missing.push('lessons');
  if (needed('final-report-filed') && !reportOf(data) && !request.finalReport) missing.push('finalReport');
  if (needed('closed-actual-end') && !dateOf(data, 'actual_end') && !request.actualEnd) missing.push('actualEnd');
  return missing;
}

/** `opened`: the project as read before the PM was asked for what is missing (see planUpdate). */
export async function planClose(ws: Workspace, request: CloseRequest, opened = openProject(ws, request.project)): Promise<ClosePlan> {
  const { lifecycle } = ws.config;
  const target = lifecycle[lifecycle.length - 1]!;
  const { file, edit } = opened;
  const before = structuredClone(edit.data);
  const data = isRecord(edit.data) ? edit.data : {};
  if (data.phase === target) throw new UsageError(`${request.project} is already ${target}`);
  const needed = (rule: string) => ws.config.rules[rule] !== 'off';
  const items: ChecklistItem[] = [];

  if (needed('deliverables-accepted') || needed('acceptance-evidence')) {
    const open = list(data, 'deliverables').filter(isRecord).filter((d) => {
      const acceptance = isRecord(d.acceptance) ? d.acceptance : {};
      return acceptance.status !== 'accepted' || (needed('acceptance-evidence') && (!acceptance.by || !acceptance.date || !acceptance.record));
    });
    const count = list(data, 'deliverables').length;
    items.push(
      open.length === 0
        ? { name: 'deliverables accepted', ok: true, detail: count === 0 ? 'the project lists no deliverables' : `all ${count} accepted` }
        : {
            name: 'deliverables accepted',
            ok: false,
            detail: open.map((d) => `${String(d.id)} is ${isRecord(d.acceptance) && d.acceptance.status === 'accepted' ? 'accepted without by, date and record' : String((isRecord(d.acceptance) && d.acceptance.status) || 'pending')}`).join('; '),
            fix: `pmo update ${request.project} --accept ${String(open[0]!.id)} --by <person> --record <path>`,
          },
    );
  }
  if (needed('lessons-recorded')) {
    for (const lesson of request.lessons) addLesson(edit, lesson);
    const count = list(edit.data, 'lessons').length;
    items.push({ name: 'lessons learned', ok: count > 0, detail: count > 0 ? `${count} recorded${request.lessons.length ? ` (${request.lessons.length} now)` : ''}` : 'none recorded', fix: '--lesson "<what the next project should know>"' });
  }
  if (needed('final-report-filed')) {
    if (request.finalReport) {
      if (!existsSync(join(ws.root, request.finalReport))) throw new UsageError(`--final-report ${request.finalReport}: no such file in the repository; write the report first`);
      setRecord(edit, 'final_report', request.finalReport);
    }
    const report = reportOf(edit.data);
    items.push({ name: 'final report', ok: Boolean(report), detail: report ? `${report}${request.finalReport ? ' (recorded now)' : ''}` : 'no final_report record', fix: '--final-report <path>' });
  }
  if (needed('closed-actual-end')) {
    if (request.actualEnd) {
      const start = isRecord(data.dates) ? data.dates.start : undefined;
      if (request.actualEnd > request.today) throw new UsageError(`--actual-end ${request.actualEnd} is in the future (today is ${request.today})`);
      if (typeof start === 'string' && request.actualEnd < start) throw new UsageError(`--actual-end ${request.actualEnd} is before the project's start, ${start}`);
      if (dateOf(data, 'actual_end') && dateOf(data, 'actual_end') !== request.actualEnd) {
        throw new UsageError(`${request.project} already records its actual end, ${dateOf(data, 'actual_end')}; change it by hand if it is wrong`);
      }
      if (!dateOf(data, 'actual_end')) setActualEnd(edit, request.actualEnd);
    }
    const end = dateOf(edit.data, 'actual_end');
    items.push({ name: 'actual end', ok: Boolean(end), detail: end ? `${end}${request.actualEnd ? ' (recorded now)' : ''}` : 'not recorded', fix: '--actual-end <YYYY-MM-DD>' });
  }

  if (items.some((item) => !item.ok)) return { target, items };
  const gate = await judgeGate(ws, request.project, target, edit.data, request.today);
  if (!gate.ready) return { target, items, gate };
  setPhase(edit, target);
  const text = edit.result();
  assertNoNewErrors(ws, 'project', file.path, before, edit.data, text);
  return { target, items, gate, change: { path: file.path, abs: file.abs, before: file.bytes, after: encodeText(text, file.bom) } };
}

function reportOf(data: unknown): string | undefined {
  const records = isRecord(data) && isRecord(data.records) ? data.records : {};
  const paths = records.final_report;
  const first = Array.isArray(paths) ? paths[0] : paths;
  return typeof first === 'string' && first !== '' ? first : undefined;
}

function dateOf(data: unknown, key: string): string | undefined {
  const dates = isRecord(data) && isRecord(data.dates) ? data.dates : {};
  return typeof dates[key] === 'string' ? (dates[key] as string) : undefined;
}
