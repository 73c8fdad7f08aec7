import { addDays } from '../../model/dates.js';
import { allStandings, extractPeopleAndManaged, trainingPath, type TrainingExtract } from '../training-facts.js';
import type { PortfolioRule } from '../types.js';

const rule: PortfolioRule<TrainingExtract> = {
  id: 'training-expiring',
  description: 'A required training that expires within `trainings.warning_days` of pmo.yaml is announced, so its refresher can be booked.',
  category: 'competence',
  governance: false,
  notice: true,
  thresholds: [],
  messages: {
    expiring: "{{person}}'s {{training}} of {{date}} expires on {{expires}}, in {{days}} days: book the refresher",
  },
  scope: 'portfolio',

  extract: extractPeopleAndManaged,

  check(files, ctx) {
    if (ctx.config.trainings.required.length === 0) return;
    for (const { person, standing } of allStandings(files, ctx)) {
      if (standing.state !== 'expiring') continue;
      // Worded with the days left: another finding tomorrow.
      ctx.holdsUntil(addDays(ctx.today, 1));
      ctx.report({
        file: person.file,
        messageId: 'expiring',
        data: { person: person.id, training: standing.training.name, date: standing.held!.date!, expires: standing.expires!, days: standing.daysLeft! },
        path: trainingPath(person, standing),
        item: person.id,
      });
    }
  },
};

export default rule;
