import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// dist/rules/docs.js
import { readFileSync } from "node:fs";
function ruleDoc(id) {
  return readFileSync(new URL(`./builtin/${id}.md`, import.meta.url), "utf8");
}
function renderRulesDoc(rules, docOf = ruleDoc) {
  const sorted = [...rules].sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
  const out = [
    "# Built-in rules",
    "",
    "<!-- Generated from src/rules/builtin/*.md by `npm run docs`; test/rules/docs.test.ts fails when it is out of date. -->",
    "",
    "Severity by PMO type: a **governance** rule is an error under a controlling or directive PMO; an **advisory**",
    "rule is a warning under a controlling PMO and an error under a directive one. Under a supportive PMO every rule",
    "is a warning. pmo.yaml's `rules:` overrides any of them (`error`, `warn`, `info` or `off`).",
    "",
    "| rule | category | kind | thresholds | what it checks |",
    "|---|---|---|---|---|",
    ...sorted.map((r) => `| [\`${r.id}\`](#${r.id}) | ${r.category} | ${r.governance ? "governance" : "advisory"} | ${r.thresholds.map((t) => `\`${t}\``).join(", ") || "\u2014"} | ${r.description} |`),
    ""
  ];
  for (const rule of sorted) {
    const body = docOf(rule.id).trim().split("\n").slice(1).join("\n").trim().replace(/^## /gm, "#### ");
    const thresholds = rule.thresholds.map((t) => `\`${t}\``).join(", ") || "none";
    const kind = rule.governance ? "governance (error under a controlling PMO)" : "advisory (warning under a controlling PMO)";
    out.push(`## ${rule.id}`, "", rule.description, "", `Category: ${rule.category} \xB7 ${kind} \xB7 thresholds: ${thresholds}`, "", body, "");
  }
  return `${out.join("\n").trimEnd()}
`;
}

export {
  ruleDoc,
  renderRulesDoc
};
