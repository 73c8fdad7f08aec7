/**
 * The context one file's built-in rules see (see runBuiltins in run.ts), its methods on prototypes, none made
 * per file. The rules' call sites keep, in V8's feedback, the functions they call, and a minor collection keeps
 * alive whatever those point at. With closures made per file (report, the `today` getter, measure), each file's
 * context, measures and parsed data stayed alive through them across scavenges, and went to the old generation:
 * at 5,000 projects a cold check's workers promoted ~230 MB against ~110 MB, and collected for ~1.1 s against
 * ~0.6 s.
 */
import type { RawFinding } from '../findings.js';
import type { FileKind } from '../load/discover.js';
import type { Config } from '../model/config.js';
import { earlierHorizon } from '../model/dates.js';
import type { Project } from '../model/schemas/project.js';
import { ProjectMeasures, type MeasureBasis } from '../metrics/measures.js';
import { toFinding } from './context.js';
import { phaseAtLeast } from './phase.js';
import type { FileRule, Report, RuleContext } from './types.js';

export class FileContext implements RuleContext {
  /** The rule running, whose reports are being made findings. */
  running: FileRule;
  /** Whether it asked for the day, and until when it said its findings hold. */
  readToday = false;
  until: string | null | undefined;
  /** Its reports, when they are kept (keepReports). */
  reports: Report[] | undefined;
  private measured: ProjectMeasures | undefined;

  constructor(
    readonly config: Config,
    private readonly day: string,
    private readonly file: string,
    private readonly kind: FileKind,
    private readonly findings: RawFinding[],
    private readonly keepReports: boolean,
    first: FileRule,
  ) {
    this.running = first;
  }

  /** The next rule runs: nothing of the last one's is carried over. */
  start(rule: FileRule): void {
    this.running = rule;
    this.readToday = false;
    this.until = undefined;
    this.reports = undefined;
  }

  get today(): string {
    this.readToday = true;
    return this.day;
  }

  get thresholds(): Config['thresholds'] {
    return this.config.thresholds;
  }

  phaseAtLeast(phase: unknown, name: string): boolean {
    return phaseAtLeast(this.config, phase, name);
  }

  /** The project's measures, kept while the file's rules run: each rule reads them, none recomputes them. */
  measure(project: Project): ProjectMeasures {
    if (this.measured?.project !== project) this.measured = new ProjectMeasures(project, new ContextDay(this));
    return this.measured;
  }

  report(report: Report): void {
    this.findings.push(toFinding(this.running, this.config, this.file, this.kind, report));
    if (this.keepReports) (this.reports ??= []).push(report);
  }

  sameFindingsUntil(day: string | null): void {
    this.until = earlierHorizon(this.until, day);
  }
}

/** The measures' basis: the day read through the context, so that a measure that reads it counts as the rule reading it. */
class ContextDay implements MeasureBasis {
  constructor(private readonly ctx: FileContext) {}

  get config(): Config {
    return this.ctx.config;
  }

  today(): string {
    return this.ctx.today;
  }
}
