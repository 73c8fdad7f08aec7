import type { Palette } from '../color.js';
import type { Finding } from '../../findings.js';

export interface FormatContext {
  /** Files that were checked (for the summary line). */
  files: string[];
  /** Colours for human formats; machine formats ignore it. */
  paint: Palette;
  /** Human formats list waived findings too (they always count them); machine formats always include them. */
  showWaived: boolean;
}

/** Every formatter has this one signature: pure, findings in, text out. */
export type Formatter = (findings: readonly Finding[], ctx: FormatContext) => string;
