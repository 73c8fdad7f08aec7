/**
 * The `pmo` commands the documentation quotes, as a reader would copy them: from fenced blocks (a `$ ` line in
 * a console block, with the output shown under it; a line of a shell or CI script that runs pmo) and from
 * inline code in the prose (`pmo check --staged`). A quote with a placeholder (`<id>`, `...`, `…`) is a synopsis,
 * not a command: it is kept, marked, so that the test can count what it does not run.
 */
import { readFileSync } from 'node:fs';

export interface DocCommand {
  /** The file, repo-relative, and the line the command starts on (1-based). */
  file: string;
  line: number;
  /** The shell line to run (continuations joined), from `pmo` or `npx pmo` on. */
  command: string;
  /** The output the docs show under it (console blocks only), as lines; undefined when none is shown. */
  output?: string[];
  /** The line its fenced block starts on: the commands of one block are one session, run in order. */
  block?: number;
  /** Why it cannot run as written: a placeholder. */
  synopsis?: string;
}

/** `pmo` or `npx pmo` where a command starts: the line's start, after `$ `, `&& `, `; ` or `| `. */
const PMO_AT = /(?:^|&&\s*|;\s*|\|\s*)((?:npx\s+)?pmo(?:\s|$).*)$/;
/** `<id>`, `[paths]`, `...`: words a reader replaces, so the quote is a synopsis. */
const PLACEHOLDER = /<[a-z][a-z0-9 _|.-]*>|\[[a-z][a-z.]*\]|\.\.\.|…/i;

export function docCommands(file: string, text: string = readFileSync(file, 'utf8')): DocCommand[] {
  const lines = text.split('\n');
  const found: DocCommand[] = [];
  let fence: { lang: string; start: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = /^\s*(```+|~~~+)\s*([\w-]*)/.exec(line);
    if (marker) {
      fence = fence ? undefined : { lang: marker[2]!.toLowerCase(), start: i };
      continue;
    }
    if (fence) {
      const block = fence.lang === 'console' ? consoleCommand(lines, i) : scriptCommand(lines, i);
      if (block) {
        found.push(mark({ file, line: i + 1, block: fence.start + 1, ...block.command }));
        i = block.next - 1;
      }
      continue;
    }
    for (const span of line.matchAll(/`([^`]+)`/g)) {
      const quoted = span[1]!.trim();
      if (/^(npx\s+)?pmo\s+[a-z]/.test(quoted)) found.push(mark({ file, line: i + 1, command: quoted }));
    }
  }
  return found;
}

/** A `$ pmo ...` line of a console block and the output under it (up to the next `$ ` line or the block's end). */
function consoleCommand(lines: string[], i: number): { command: Omit<DocCommand, 'file' | 'line'>; next: number } | undefined {
  const prompt = /^\$ (.*)$/.exec(lines[i]!);
  const match = prompt && PMO_AT.exec(prompt[1]!);
  if (!match) return undefined;
  const { command, next: afterCommand } = joinContinuations(lines, i, match[1]!);
  let next = afterCommand;
  const output: string[] = [];
  while (next < lines.length && !/^\s*(```|~~~)/.test(lines[next]!) && !lines[next]!.startsWith('$ ')) output.push(lines[next++]!);
  return { command: { command, output: output.length > 0 ? output : undefined }, next };
}

/** A line of a shell block or a CI script that runs pmo (indented in YAML, or after `npm install &&`). */
function scriptCommand(lines: string[], i: number): { command: Omit<DocCommand, 'file' | 'line'>; next: number } | undefined {
  const match = PMO_AT.exec(lines[i]!.trim());
  if (!match) return undefined;
  const { command, next } = joinContinuations(lines, i, match[1]!);
  return { command: { command }, next };
}

/** A command whose line ends in `\` goes on: the next lines joined, as the shell reads them. */
function joinContinuations(lines: string[], i: number, first: string): { command: string; next: number } {
  let command = first;
  let next = i + 1;
  while (/\\\s*$/.test(command) && next < lines.length) command = `${command.replace(/\\\s*$/, '')} ${lines[next++]!.trim()}`;
  return { command: command.trim(), next };
}

function mark(command: DocCommand): DocCommand {
  // A comment is the shell's to ignore, and may hold an ellipsis of its own ("# ... and the templates").
  const code = command.command.replace(/\s+#\s.*$/, '');
  const placeholder = PLACEHOLDER.exec(code);
  return placeholder ? { ...command, synopsis: `a placeholder: ${placeholder[0]}` } : command;
}
