import { extractPeople, requiredOfWhom, roleStandings, trainingPath, type TrainingExtract } from '../training-facts.js';
import type { PortfolioRule } from '../types.js';

const rule: PortfolioRule<TrainingExtract> = {
  id: 'training-required',
  description: 'Everyone holds the trainings pmo.yaml requires of their role (and of everyone), within their validity.',
  category: 'competence',
  governance: false,
  thresholds: [],
  messages: {
    missing: '{{person}} has no record of {{training}}, which pmo.yaml requires of {{whom}}',
    expired: "{{person}}'s {{training}} of {{date}} expired on {{expires}} (valid {{months}} months; required of {{whom}})",
    undated: "{{person}}'s {{training}} has no date, so it cannot be shown to be within its {{months}} months of validity",
  },
  scope: 'portfolio',

  extract(kind, data) {
    return kind === 'people' ? extractPeople(data) : undefined;
  },

  check(files, ctx) {
    for (const { person, standing } of roleStandings(files, ctx)) {
      const { state } = standing;
      if (state !== 'missing' && state !== 'expired' && state !== 'undated') continue;
      ctx.report({
        file: person.file,
        messageId: state,
        data: {
          person: person.id,
          training: standing.training.name,
          whom: requiredOfWhom(standing, person.role),
          date: standing.held?.date ?? '',
          expires: standing.expires ?? '',
          months: standing.training.validMonths ?? '',
        },
        path: trainingPath(person, standing),
        item: person.id,
      });
    }
  },
};

export default rule;
