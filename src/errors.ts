/**
 * The errors that stop pmo from doing its job. Bad user data is never one of these: it is a finding.
 * Each carries the process exit code the CLI's single catch maps it to.
 */
export class PmoError extends Error {
  readonly exitCode: number = 2;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A bad flag, argument or combination of them. */
export class UsageError extends PmoError {}

/** No pmo.yaml, or a pmo.yaml pmo cannot work with. */
export class ConfigError extends PmoError {}

/** git is missing, or the repository is not in the state the command needs. */
export class GitError extends PmoError {}

/** A report template failed to compile or render. */
export class TemplateError extends PmoError {}

/** pmo will not make an edit: the file has YAML errors, changed while pmo worked, or the edit would break it. */
export class EditError extends PmoError {}

/** A phase change a gate refuses (a directive PMO, or `pmo close`): the data says no, as findings do. */
export class GateRefusal extends PmoError {
  override readonly exitCode: number = 1;
}
