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
