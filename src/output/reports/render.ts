/**
 * Templates → text. The built-in templates live in the package's templates/; a PMO overrides any of them, or
 * adds a report kind, with a file of the same name in its repo's templates/. Partials come from
 * templates/partials/ (both formats) and templates/partials/<format>/ (one format), the repo's again winning.
 *
 * Each render runs in a Handlebars instance of its own, with prototype access off (the default, said out
 * loud), and every error names the template file and, where Handlebars knows it, the line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { helperCallErrors } from './helper-calls.js';
import { TemplateError } from '../../errors.js';
import { PACKAGE_ROOT } from '../../paths.js';
import { registerHelpers, type TemplateFormat } from './helpers.js';
import { escapeMustachesAsMarkdown } from './markdown.js';

export const BUILTIN_TEMPLATES = fileURLToPath(new URL('templates/', PACKAGE_ROOT));

export interface TemplateFile {
  /** Where it was read, for messages (repo-relative for the PMO's own, `(built-in)` marked otherwise). */
  label: string;
  source: string;
}

/** The template of a report kind in a format: the repo's own first, then the built-in one. */
export function findTemplate(root: string, kind: string, format: TemplateFormat): TemplateFile | undefined {
  const name = `${kind}.${format}.hbs`;
  for (const [dir, label] of [[join(root, 'templates'), `templates/${name}`], [BUILTIN_TEMPLATES, `${name} (built-in)`]] as const) {
    const path = join(dir, name);
    if (existsSync(path)) return { label, source: readFileSync(path, 'utf8') };
  }
  return undefined;
}

/** Report kinds a repo's templates/ adds to the built-in ones (`board.md.hbs` → board). */
export function templateKinds(root: string): string[] {
  const kinds = new Set<string>();
  for (const dir of [join(root, 'templates'), BUILTIN_TEMPLATES]) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)) {
      const match = /^([a-z0-9][a-z0-9-]*)\.(md|html)\.hbs$/.exec(file);
      if (match) kinds.add(match[1]!);
    }
  }
  return [...kinds].sort();
}

function partials(root: string, format: TemplateFormat): Map<string, TemplateFile> {
  const found = new Map<string, TemplateFile>();
  const sources = [
    [join(BUILTIN_TEMPLATES, 'partials'), 'partials', '(built-in)'],
    [join(BUILTIN_TEMPLATES, 'partials', format), `partials/${format}`, '(built-in)'],
    [join(root, 'templates', 'partials'), 'templates/partials', ''],
    [join(root, 'templates', 'partials', format), `templates/partials/${format}`, ''],
  ] as const;
  for (const [dir, shown, mark] of sources) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.hbs')) continue;
      found.set(file.slice(0, -4), { label: `${shown}/${file}${mark ? ` ${mark}` : ''}`, source: readFileSync(join(dir, file), 'utf8') });
    }
  }
  return found;
}

export function renderTemplate(root: string, template: TemplateFile, format: TemplateFormat, model: unknown): string {
  const hb = Handlebars.create();
  registerHelpers(hb, format);
  const helpers = new Set(Object.keys(hb.helpers));
  const compile = (file: TemplateFile) => {
    let ast;
    try {
      ast = hb.parse(file.source);
    } catch (error) {
      throw templateError(file, error);
    }
    const wrong = helperCallErrors(ast)[0];
    if (wrong) throw new TemplateError(`template ${file.label}:${wrong.line}: ${wrong.message}\nFix the template (or remove it to use the built-in one).`);
    const compiled = hb.compile(format === 'md' ? escapeMustachesAsMarkdown(ast, helpers) : ast);
    // Errors thrown while it runs (a missing partial, a helper given the wrong thing) name this file.
    return (context: unknown, options?: Handlebars.RuntimeOptions) => {
      try {
        return compiled(context, options);
      } catch (error) {
        throw error instanceof TemplateError ? error : templateError(file, error);
      }
    };
  };
  for (const [name, file] of partials(root, format)) hb.registerPartial(name, compile(file));
  return compile(template)(model, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}

function templateError(file: TemplateFile, error: unknown): TemplateError {
  const e = error as { message?: string; lineNumber?: number; column?: number };
  const message = String(e?.message ?? error);
  const line = e?.lineNumber ?? Number(/on line (\d+)/.exec(message)?.[1] ?? NaN);
  const where = Number.isFinite(line) ? `${file.label}:${line}` : file.label;
  const first = message.split('\n')[0]!.replace(/^Parse error on line \d+:?\s*/, 'syntax error');
  const detail = /^Parse error/.test(message) ? `${first}\n${message.split('\n').slice(1).join('\n')}` : first;
  return new TemplateError(`template ${where}: ${detail}\nFix the template (or remove it to use the built-in one).`);
}
