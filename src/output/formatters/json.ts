import type { Formatter } from './types.js';

/** The findings array, exactly the documented fields, in the stable order check produced. */
export const json: Formatter = (findings) => `${JSON.stringify(findings, null, 2)}\n`;
