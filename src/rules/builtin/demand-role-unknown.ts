import { roleKey } from '../../metrics/capacity.js';
import { isRecord } from '../../model/labels.js';
import { suggest } from '../../model/suggest.js';
import type { PortfolioRule } from '../types.js';

/** What the rule reads: the roles people.yaml gives, and each demand line's role of a request. */
type Extract = { roles: string[] } | { demand: string[] };

const rule: PortfolioRule<Extract> = {
  id: 'demand-role-unknown',
  description: "A request's demand names roles someone has: in people.yaml, or in pmo.yaml's capacity.roles.",
  category: 'resource',
  governance: false,
  thresholds: [],
  messages: {
    unknown: "nobody has the role '{{role}}' (people.yaml, pmo.yaml's capacity.roles){{hint}}: the capacity report would show it with no supply, and intake --capacity could never fit the request",
  },
  scope: 'portfolio',

  extract(kind, data) {
    if (!isRecord(data)) return undefined;
    const lines = (key: string) => (Array.isArray(data[key]) ? (data[key] as unknown[]) : []);
    if (kind === 'people') return { roles: lines('people').flatMap((p) => (isRecord(p) && typeof p.role === 'string' ? [p.role] : [])) };
    if (kind !== 'request') return undefined;
    const demand = lines('demand').map((line) => (isRecord(line) && typeof line.role === 'string' ? line.role : ''));
    return demand.length > 0 ? { demand } : undefined;
  },

  check(files, ctx) {
    const roles = [...files.flatMap((f) => ('roles' in f.facts ? f.facts.roles : [])), ...Object.keys(ctx.config.capacityRoles)];
    const known = new Set(roles.map(roleKey));
    for (const f of files) {
      if (!('demand' in f.facts)) continue;
      f.facts.demand.forEach((role, i) => {
        if (role === '' || known.has(roleKey(role))) return;
        const hint = suggest(role.trim(), roles);
        ctx.report({ file: f.path, messageId: 'unknown', data: { role: role.trim(), hint: hint ? `; did you mean '${hint}'?` : '' }, path: ['demand', i, 'role'], item: role.trim() });
      });
    }
  },
};

export default rule;
