/**
 * A likely mistake in an edit (see update-doubts.ts), said two ways: before writing, with how to go on; after
 * --force wrote it anyway, without the advice to give --force. Apart from update-doubts.ts, which loads the
 * measures: the command modules that word doubts are loaded on every pmo run.
 */
/** A likely mistake: what is odd, and how to go on (which a PM who gave --force has no use for). */
export interface Doubt {
  what: string;
  howToGoOn: string;
}

/** A doubt as said before writing: what is odd and how to go on. */
export const askedDoubt = (d: Doubt): string => `${d.what}; ${d.howToGoOn}`;

/** A doubt as said when --force wrote the edit anyway. */
export const forcedDoubt = (d: Doubt): string => `${d.what} (written anyway: --force)`;
