/**
 * Running pmo for a case: in a long-lived child process (pmo-child.mjs: fast), or as `node bin/pmo.js`, the
 * way a user runs it (the real thing, for a sample). Either way in a process of its own, so a hang is killed
 * at the time limit and a crash is seen as one, and with HOME, TMPDIR and the working directory in the case's
 * own folders, so that a write anywhere but the repository shows.
 */
import { fork, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./pmo-child.mjs', import.meta.url));
export const BIN = fileURLToPath(new URL('../../../bin/pmo.js', import.meta.url));

/** A child process is replaced after this many commands: module caches grow, and a fresh one is cheap. */
const COMMANDS_PER_CHILD = 300;

const envFor = (dirs) => {
  const env = { ...process.env, HOME: dirs.home, TMPDIR: dirs.tmp, XDG_CACHE_HOME: dirs.home, NO_COLOR: '1' };
  // Inside a git hook or a test runner's git, GIT_DIR and friends would point pmo's git at another repository.
  for (const key of Object.keys(env)) if (key.startsWith('GIT_') || key === 'FORCE_COLOR' || key.startsWith('VITEST') || key === 'NODE_OPTIONS') delete env[key];
  return env;
};

export class PmoRunner {
  #sandbox;
  #child;
  #ready;
  #used = 0;
  #next = 0;

  /** `sandbox`: { home, tmp, cwd }, the folders of the whole run that must stay empty. */
  constructor(sandbox) {
    this.#sandbox = sandbox;
  }

  /** Runs `pmo <argv>` in the child; { code, stdout, stderr, ms, timedOut, crashed }. */
  async run(argv, timeoutMs) {
    await this.#start();
    const child = this.#child;
    const id = this.#next++;
    this.#used++;
    const started = Date.now();
    return new Promise((resolve) => {
      const finish = (result) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve({ ms: Date.now() - started, ...result });
      };
      const onMessage = (message) => message.id === id && finish({ code: message.code, stdout: message.stdout, stderr: message.stderr });
      const onExit = (code, signal) => {
        this.#child = undefined;
        finish({ code: -1, stdout: '', stderr: `the pmo process died (exit ${code}, signal ${signal})`, crashed: true });
      };
      const timer = setTimeout(() => {
        this.stop();
        finish({ code: -1, stdout: '', stderr: '', timedOut: true });
      }, timeoutMs);
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send({ id, argv });
    });
  }

  async #start() {
    if (this.#child && this.#used < COMMANDS_PER_CHILD) return;
    this.stop();
    const dirs = this.#sandbox;
    const child = fork(CHILD, [], { cwd: dirs.cwd, env: envFor(dirs), stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
    // What the child prints outside a command (a worker thread's crash) is kept for the report.
    child.stderr.setEncoding('utf8').on('data', (text) => (child.stray = (child.stray ?? '') + text));
    this.#child = child;
    this.#used = 0;
    this.#ready = new Promise((resolve, reject) => {
      child.once('message', (m) => (m.ready ? resolve() : reject(new Error('pmo child did not start'))));
      child.once('exit', () => reject(new Error(`pmo child exited at start: ${child.stray ?? ''}`)));
    });
    await this.#ready;
  }

  stop() {
    this.#child?.kill('SIGKILL');
    this.#child = undefined;
  }
}

/** `node bin/pmo.js <argv>`: a user's run, in its own process, killed at the time limit. */
export function runCli(argv, sandbox, timeoutMs) {
  const dirs = sandbox;
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd: dirs.cwd, env: envFor(dirs), stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ms: Date.now() - started, code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut });
    });
  });
}
