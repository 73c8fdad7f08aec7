import type { ChalkInstance } from 'chalk';
import type { Finding } from '../../findings.js';

export interface FormatContext {
  /** Files that were checked (for the summary line). */
  files: string[];
  /** Colours for human formats; machine formats ignore it. */
  chalk: ChalkInstance;
}

/** Every formatter has this one signature: pure, findings in, text out. */
export type Formatter = (findings: readonly Finding[], ctx: FormatContext) => string;
