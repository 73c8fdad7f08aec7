/**
 * A pmo process that runs many commands: the built CLI's main() called once per message, its stdout and
 * stderr captured. Loading the CLI costs ~0.2 s of a ~0.4 s run; a fuzz run of thousands of cases pays it once.
 * The parent kills this process when a command does not finish in time (a hang) and starts another.
 */
const { main } = await import('../../../dist/main.js');

/** Replaces a stream's write with one that collects the text, for the length of one command. */
function capture(stream) {
  const chunks = [];
  const original = stream.write;
  stream.write = (chunk, encoding, callback) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (done) process.nextTick(done);
    return true;
  };
  return () => {
    stream.write = original;
    return chunks.join('');
  };
}

process.on('message', async ({ id, argv }) => {
  const stdout = capture(process.stdout);
  const stderr = capture(process.stderr);
  let code;
  try {
    code = await main(['node', 'pmo', ...argv]);
  } catch (error) {
    // main() maps every error to an exit code: one that escapes it is a crash.
    process.stderr.write(`uncaught: ${error?.stack ?? error}\n`);
    code = -1;
  }
  process.exitCode = 0;
  const out = stdout();
  const err = stderr();
  process.send({ id, code, stdout: out, stderr: err });
});

process.send({ ready: true });
