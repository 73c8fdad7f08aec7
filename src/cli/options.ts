/** Option parsers shared by commands: each turns bad input into a UsageError that says what is expected. */
import { InvalidArgumentError } from 'commander';
import { DATE, isRealDate } from '../model/dates.js';

export function parseDate(value: string): string {
  if (!DATE.test(value) || !isRealDate(value)) throw new InvalidArgumentError(`expected a real date written YYYY-MM-DD, got '${value}'`);
  return value;
}

export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`expected a whole number, 0 or more, got '${value}'`);
  return Number(value);
}

export function oneOfChoices<T extends string>(choices: readonly T[]) {
  return (value: string): T => {
    if (!choices.includes(value as T)) throw new InvalidArgumentError(`expected one of ${choices.join(', ')}, got '${value}'`);
    return value as T;
  };
}
