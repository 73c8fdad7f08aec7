/** The rule catalog formats describe rules from: docs/checks.md and the code cannot drift apart. */
import { readFileSync } from 'node:fs';
import { marked, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../src/output/check-ids.js';
import { DOCS_URL, catalogOf, ruleCatalog } from '../../src/output/rule-info.js';
import { BUILTIN_RULES } from '../../src/rules/builtin/index.js';

const CHECKS_MD = readFileSync(new URL('../../docs/checks.md', import.meta.url), 'utf8');

/** docs/checks.md's table as a Markdown reader sees it: its rows, each as ids, meaning and what to do. */
function docRows() {
  const [table] = marked.lexer(CHECKS_MD).filter((t): t is Tokens.Table => t.type === 'table');
  expect(table!.header.map((h) => h.text)).toEqual(['id', 'severity', 'what it means', 'what to do']);
  return table!.rows.map(([ids, , means, todo]) => ({ ids: [...ids!.text.matchAll(/`([^`]+)`/g)].map((m) => m[1]), means: means!.text, todo: todo!.text }));
}

describe('the rule catalog', () => {
  it('has every row of docs/checks.md’s table, and nothing else: same ids, same words', () => {
    expect(CHECK_IDS).toEqual(docRows());
  });

  it('describes every built-in rule by its description and its doc’s "How to fix it"', async () => {
    const rule = await ruleCatalog({ rulesets: [] });
    for (const { id, description } of BUILTIN_RULES) {
      const info = rule(id);
      expect(info.description).toBe(description);
      expect(info.help, id).toMatch(/^[A-Z`].{20,}[.)]$/s);
      expect(info.help).not.toContain('##');
      expect(info.helpUri).toBe(`${DOCS_URL}/rules.md#${id}`);
    }
  });

  it('describes docs/checks.md’s ids as sentences, gates by phase, the PMO’s own rules, and any other id', () => {
    const rule = catalogOf([{ file: 'rules/team.yaml', data: { rules: { 'risk-review-soon': { description: 'Risks are reviewed monthly.' } } } }], []);
    expect(rule('yaml/tab-indent')).toEqual({
      id: 'yaml/tab-indent', description: 'A tab is used for indentation.', help: 'Indent with spaces.', helpUri: `${DOCS_URL}/checks.md`,
    });
    expect(rule('gate/planning')).toMatchObject({ id: 'gate/planning', description: "The project is in or past `planning` and fails one of its gate's criteria." });
    expect(rule('gate/unknown-phase').description).toMatch(/^A gate names a phase not in the lifecycle/);
    expect(rule('risk-review-soon')).toEqual({
      id: 'risk-review-soon', description: 'Risks are reviewed monthly.', help: expect.stringContaining('defined in rules/team.yaml'),
    });
    expect(rule('no-such-rule')).toMatchObject({ id: 'no-such-rule', helpUri: `${DOCS_URL}/checks.md` });
  });

  it('links to the docs of the running version at the address package.json gives', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(DOCS_URL).toBe(`${pkg.homepage.replace(/#readme$/, '')}/blob/v${pkg.version}/docs`);
  });
});
