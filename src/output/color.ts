/**
 * Colour, by the conventions users expect: NO_COLOR (no-color.org) wins, then FORCE_COLOR, then
 * --color/--no-color, then whether the stream is a terminal. chalk alone ignores NO_COLOR. Without colour,
 * chalk is not even loaded (a machine-format run should not pay for it).
 */
export interface Palette {
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

export function wantsColor(stream: { isTTY?: boolean }, flag?: boolean, env = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (flag !== undefined) return flag;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

const same = (text: string) => text;
export const PLAIN: Palette = { red: same, yellow: same, blue: same, green: same, dim: same, bold: same, underline: same };

export async function palette(color: boolean): Promise<Palette> {
  if (!color) return PLAIN;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return {
    red: (t) => chalk.red(t), yellow: (t) => chalk.yellow(t), blue: (t) => chalk.blue(t), green: (t) => chalk.green(t),
    dim: (t) => chalk.dim(t), bold: (t) => chalk.bold(t), underline: (t) => chalk.underline(t),
  };
}
