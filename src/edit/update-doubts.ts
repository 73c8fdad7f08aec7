/**
 * What `pmo update` asks about before it writes: edits the file may well take but that are likely a
 * mistake. Each says what is odd and how to go on; `--force` (or a yes at a terminal) writes it anyway.
 */
import { measureProject } from '../metrics/measures.js';
import { riskExposure } from '../metrics/risk.js';
import type { Config } from '../model/config.js';
import { isRecord } from '../model/labels.js';
import type { Project } from '../model/schemas/project.js';
import type { UpdateRequest } from './update.js';
import type { Doubt } from './doubt.js';

/** `project`: the file's data as read, before the edit. `risk`: the id the new risk gets. */
export function doubtsAbout(request: UpdateRequest, project: unknown, config: Config, risk?: string): Doubt[] {
  if (!isRecord(project)) return [];
  const doubts: Doubt[] = [];
  const state = measureProject(project as unknown as Project, config, request.today).state;
  const finished = state === 'closed' || state === 'cancelled';
  if (request.status && finished) {
    doubts.push({ what: `${request.project} is ${state}: a status update is owed only by a running project, and no report of running projects shows it`, howToGoOn: 'give --force to record it anyway' });
  }
  const from = config.lifecycle.indexOf(String(project.phase));
  if (request.phase !== undefined && from >= 0 && config.lifecycle.indexOf(request.phase) < from) {
    doubts.push({ what: `${request.project} would move back from ${String(project.phase)} to ${request.phase}, against the lifecycle's order`, howToGoOn: 'if it really goes back (a re-plan), give --force' });
  }
  if (request.addRisk && !request.addRisk.mitigation && !finished) {
    const exposure = riskExposure(request.addRisk);
    const limit = config.thresholds.risk_high_exposure;
    if (exposure >= limit) {
      const { probability, impact } = request.addRisk;
      doubts.push({
        what: `risk ${risk ?? ''} has exposure ${exposure} (${probability} x ${impact}, threshold ${limit}) and no mitigation, which pmo check reports (risk-high-exposure-mitigation)`,
        howToGoOn: 'give --mitigation "<text>", or --force to add it without one for now',
      });
    }
  }
  return doubts;
}
