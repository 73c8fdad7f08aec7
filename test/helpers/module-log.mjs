// Preloaded into a pmo process (NODE_OPTIONS=--import=...): writes the URL of every module it loads to the file
// PMO_MODULE_LOG names, one a line, through a module loader hook (node:module's register), which sees every
// module of the ES module graph, dynamic imports included. test/e2e/warm-modules.test.ts reads it.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
    import { appendFileSync } from 'node:fs';
    export async function load(url, context, next) {
      if (process.env.PMO_MODULE_LOG) appendFileSync(process.env.PMO_MODULE_LOG, url + '\\n');
      return next(url, context);
    }
  `)}`,
);
