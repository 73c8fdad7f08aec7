/**
 * Whether to colour a stream, by the conventions users expect: NO_COLOR (no-color.org) wins, then
 * FORCE_COLOR, then --color/--no-color, then whether the stream is a terminal. chalk alone ignores NO_COLOR.
 */
import { Chalk, type ChalkInstance } from 'chalk';

export function wantsColor(stream: { isTTY?: boolean }, flag?: boolean, env = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (flag !== undefined) return flag;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

export function makeChalk(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}
