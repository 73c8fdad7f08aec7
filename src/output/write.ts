/** The only writer of stdout: waits for the data to drain, and treats a closed pipe (`| head`) as done. */

let guarded = false;

/**
 * A reader that stops early (`pmo check | head`) closes the pipe; Node then emits EPIPE on stdout, possibly
 * after the write's callback. One listener, for the life of the process, makes that the quiet end it is.
 */
function guardStdout(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

export function writeStdout(text: string): Promise<void> {
  guardStdout();
  return new Promise((resolve, reject) => {
    if (text === '') return resolve();
    process.stdout.write(text, (error) => {
      if (error && (error as NodeJS.ErrnoException).code !== 'EPIPE') reject(error);
      else resolve();
    });
  });
}

export function writeStderr(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}
