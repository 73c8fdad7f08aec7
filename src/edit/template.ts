/**
 * Templates of new files (`pmo new`): the repository's templates/<kind>.yaml.hbs, else the built-in one.
 * Handlebars, with every value handed over already written as YAML (quoted where needed), so a template
 * author writes `name: {{name}}` and a name with a colon in it still makes valid YAML.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TemplateError } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';

export type TemplateKind = 'project' | 'request';

export interface Template {
  text: string;
  /** How messages name it: the repo path, or "the built-in template". */
  source: string;
  builtIn: boolean;
}

export const builtInTemplatePath = (kind: TemplateKind) => fileURLToPath(new URL(`templates/${kind}.yaml.hbs`, PACKAGE_ROOT));

export function templateFor(root: string, kind: TemplateKind): Template {
  const own = join(root, 'templates', `${kind}.yaml.hbs`);
  if (existsSync(own)) return { text: readFileSync(own, 'utf8'), source: `templates/${kind}.yaml.hbs`, builtIn: false };
  return { text: readFileSync(builtInTemplatePath(kind), 'utf8'), source: `the built-in ${kind} template`, builtIn: true };
}

/** Renders a template; values are YAML text (undefined: not given). */
export async function renderTemplate(template: Template, values: Record<string, string | undefined>): Promise<string> {
  // Loaded when used: only pmo new needs a template engine.
  const { default: Handlebars } = await import('handlebars');
  try {
    return Handlebars.compile(template.text, { noEscape: true })(values);
  } catch (error) {
    throw new TemplateError(`${template.source} cannot be rendered: ${(error as Error).message}`);
  }
}
