/** The only writer of stdout: waits for the data to drain, and treats a closed pipe (`| head`) as done. */
export function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (text === '') return resolve();
    const onError = (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? resolve() : reject(error));
    process.stdout.once('error', onError);
    process.stdout.write(text, (error) => {
      process.stdout.off('error', onError);
      if (error && (error as NodeJS.ErrnoException).code !== 'EPIPE') reject(error);
      else resolve();
    });
  });
}

export function writeStderr(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}
