/**
 * `pmo completion bash|zsh`: a completion script written from the program's own definitions (its commands,
 * their flags and the flags' choices), so it never falls behind a new flag. Ids (projects, people, goals,
 * milestones...) are not in the script: it asks `pmo __complete <kind>` for them when Tab is pressed, so they
 * are the repository's as it is then.
 */
import type { Command, Option } from 'commander';
import type { IdKind } from '../completion-ids.js';

/** Which ids a flag's value is. A flag not listed takes free text (or its choices, when it has some). */
const FLAG_IDS: Record<string, IdKind> = {
  '--manager': 'people', '--sponsor': 'people', '--by': 'people', '--decided-by': 'people', '--owner': 'people',
  '--requested-by': 'people', '--escalate-to': 'people', '--add-member': 'people',
  '--goal': 'goals', '--phase': 'phases', '--department': 'departments', '--project': 'projects',
  '--milestone': 'milestones', '--close-risk': 'risks', '--close-issue': 'issues', '--escalate-issue': 'issues',
  '--resolve-issue': 'issues', '--change': 'changes', '--accept': 'deliverables',
};

/** Commands whose first argument is a project id (and `report project <id>`). */
const PROJECT_ARGUMENT = new Set(['update', 'close', 'gate', 'log']);

interface CommandSpec {
  name: string;
  flags: string[];
  subcommands: string[];
}

function flagsOf(command: Command): string[] {
  const options = command.options as readonly (Option & { hidden?: boolean })[];
  return options.filter((o) => !o.hidden).flatMap((o) => [o.long, o.short].filter((f): f is string => Boolean(f))).concat('--help');
}

function specs(program: Command): CommandSpec[] {
  return program.commands
    .filter((c) => !(c as Command & { _hidden?: boolean })._hidden)
    .map((c) => ({ name: c.name(), flags: flagsOf(c), subcommands: c.commands.map((s) => s.name()) }));
}

/** Choices of every flag that has them (formats, RAG ratings...), whichever command defines it. */
function choices(program: Command): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of program.commands) {
    for (const o of c.options as readonly (Option & { argChoices?: string[]; parseArg?: { choices?: readonly string[] } })[]) {
      const values = o.argChoices ?? o.parseArg?.choices;
      if (!values) continue;
      for (const flag of [o.long, o.short]) if (flag) out.set(`${c.name()} ${flag}`, [...values]);
    }
  }
  return out;
}

const quote = (words: readonly string[]) => words.join(' ');

/** The bash function; zsh runs the same one through bashcompinit. */
export function bashScript(program: Command): string {
  const commands = specs(program);
  const flagCases = commands.map((c) => `    ${c.name}) flags="${quote(c.flags)}"; subs="${quote(c.subcommands)}" ;;`).join('\n');
  const idCases = Object.entries(FLAG_IDS).map(([flag, kind]) => `    ${flag}) ids=${kind} ;;`).join('\n');
  const choiceCases = [...choices(program)].map(([key, values]) => `    "${key}") COMPREPLY=($(compgen -W "${quote(values)}" -- "$cur")); return ;;`).join('\n');
  return `# pmo completion for bash: eval "$(pmo completion bash)" (in ~/.bashrc)
# Commands and flags as this pmo defines them; ids read from the repository when Tab is pressed.
_pmo() {
  local cur prev cmd flags subs ids project i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd="\${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${quote(commands.map((c) => c.name))} --help --version" -- "$cur"))
    return
  fi
  # The project a command is about: its first word that is not a flag (report project <id>: the second).
  project=""
  for ((i = 2; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in -*) continue ;; esac
    if [ "$cmd" = report ] && [ "\${COMP_WORDS[i]}" = project ]; then continue; fi
    project="\${COMP_WORDS[i]}"; break
  done
  case "$cmd $prev" in
${choiceCases}
  esac
  ids=""
  case "$prev" in
${idCases}
  esac
  if [ -n "$ids" ]; then
    COMPREPLY=($(compgen -W "$(pmo __complete "$ids" "$project" 2>/dev/null)" -- "$cur"))
    return
  fi
  case "$cmd" in
${flagCases}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$flags" -- "$cur"))
    return
  fi
  if [ -n "$subs" ] && [ "$COMP_CWORD" -eq 2 ]; then
    COMPREPLY=($(compgen -W "$subs" -- "$cur"))
    return
  fi
  case "$cmd" in
    ${[...PROJECT_ARGUMENT].join('|')}) [ "$COMP_CWORD" -eq 2 ] && COMPREPLY=($(compgen -W "$(pmo __complete projects 2>/dev/null)" -- "$cur")) ;;
    report)
      if [ "$COMP_CWORD" -eq 2 ]; then COMPREPLY=($(compgen -W "weekly audit project resources intake trends" -- "$cur"))
      elif [ "\${COMP_WORDS[2]}" = project ] && [ "$COMP_CWORD" -eq 3 ]; then COMPREPLY=($(compgen -W "$(pmo __complete projects 2>/dev/null)" -- "$cur")); fi ;;
    list) [ "$COMP_CWORD" -eq 2 ] && COMPREPLY=($(compgen -W "people goals projects" -- "$cur")) ;;
    completion) [ "$COMP_CWORD" -eq 2 ] && COMPREPLY=($(compgen -W "bash zsh" -- "$cur")) ;;
  esac
}
complete -o default -F _pmo pmo
`;
}

export function zshScript(program: Command): string {
  return `# pmo completion for zsh: eval "$(pmo completion zsh)" (in ~/.zshrc, after compinit)
autoload -U +X bashcompinit && bashcompinit
${bashScript(program).split('\n').slice(2).join('\n')}`;
}
