/**
 * Questions for a PM at a terminal (node:readline/promises). pmo asks only when it talks to a person: stdin
 * and stderr both terminals. Anywhere else (CI, a script, a pipe) a missing value is a usage error that names
 * the flag to give, so nothing ever waits for an answer no one can type.
 */
import { createInterface, type Interface } from 'node:readline/promises';
import { PmoError, UsageError } from '../errors.js';

export const canAsk = (): boolean => Boolean(process.stdin.isTTY && process.stderr.isTTY);

export interface AskOptions {
  /** Shown in brackets and taken on an empty answer. */
  default?: string;
  /** Accepted answers, each also by its number in the list (1 for the first); anything else is asked again. */
  choices?: readonly string[];
  /** An empty answer is accepted (returned as ''). */
  optional?: boolean;
  /** Says what is wrong with an answer, or undefined when it is fine. */
  check?: (answer: string) => string | undefined;
}

/** The PM pressed Ctrl+C or ended the input (Ctrl+D) at a question: nothing was written. */
export class Interrupted extends PmoError {
  override readonly exitCode: number = 130;
}

export class Prompter {
  private rl: Interface | undefined;
  /** Lines typed (or pasted) ahead of their question: each answers the next question asked. */
  private lines: string[] = [];
  private waiting: { resolve: (line: string) => void; reject: (error: Error) => void } | undefined;
  private ended: Error | undefined;

  private open(): Interface {
    if (this.rl) return this.rl;
    // Prompts go to stderr: stdout carries what the command prints (a --dry-run diff) and may be piped.
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    rl.on('line', (line) => {
      if (this.waiting) {
        const { resolve } = this.waiting;
        this.waiting = undefined;
        resolve(line);
      } else this.lines.push(line);
    });
    const end = (error: Error) => {
      this.ended ??= error;
      this.waiting?.reject(error);
      this.waiting = undefined;
    };
    rl.on('SIGINT', () => {
      end(new Interrupted('interrupted; nothing was written'));
      rl.close();
    });
    rl.on('close', () => end(new Interrupted('the input ended before every question was answered; nothing was written')));
    return (this.rl = rl);
  }

  private nextLine(prompt: string): Promise<string> {
    const rl = this.open();
    const queued = this.lines.shift();
    rl.setPrompt(prompt);
    rl.prompt();
    if (queued !== undefined) {
      process.stderr.write(`${queued}\n`);
      return Promise.resolve(queued);
    }
    if (this.ended) return Promise.reject(this.ended);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  async ask(question: string, options: AskOptions = {}): Promise<string> {
    const hint = options.choices ? ` (${options.choices.join('/')})` : '';
    const fallback = options.default !== undefined && options.default !== '' ? ` [${options.default}]` : '';
    for (;;) {
      const answer = byNumber((await this.nextLine(`${question}${hint}${fallback}: `)).trim(), options.choices) || options.default || '';
      const problem =
        answer === '' && !options.optional ? 'an answer is needed'
        : answer !== '' && options.choices && !options.choices.includes(answer) ? `one of ${options.choices.join(', ')}, please`
        : answer !== '' ? options.check?.(answer) : undefined;
      if (!problem) return answer;
      process.stderr.write(`  ${problem}\n`);
    }
  }

  async confirm(question: string, byDefault: boolean): Promise<boolean> {
    const answer = await this.ask(question, { choices: ['y', 'n'], default: byDefault ? 'y' : 'n' });
    return answer === 'y';
  }

  close(): void {
    this.rl?.close();
    this.rl = undefined;
  }
}

/** A choice typed as its number in the list (as a numbered list shows it): the choice; anything else as typed. */
function byNumber(answer: string, choices: readonly string[] | undefined): string {
  if (!choices || choices.includes(answer) || !/^[1-9]\d*$/.test(answer)) return answer;
  return choices[Number(answer) - 1] ?? answer;
}

/** Runs `ask` with a prompter when a person is there to answer; undefined otherwise. */
export async function whenAsking<T>(ask: (prompter: Prompter) => Promise<T>): Promise<T | undefined> {
  if (!canAsk()) return undefined;
  const prompter = new Prompter();
  try {
    return await ask(prompter);
  } finally {
    prompter.close();
  }
}

/** The error for values a command needs and cannot ask for: each flag to give, with what it takes. */
export function missingFlags(what: string, flags: readonly string[]): UsageError {
  return new UsageError(`${what} needs ${flags.length === 1 ? 'this flag' : 'these flags'} (pmo asks for them only at a terminal):\n${flags.map((f) => `  ${f}`).join('\n')}`);
}
