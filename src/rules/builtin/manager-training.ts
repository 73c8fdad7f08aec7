import { budgetInReporting, managerCondition, requiredOfManager, trainingStanding } from '../../metrics/trainings.js';
import { extractPeopleAndManaged, noted, peopleOf, type TrainingExtract } from '../training-facts.js';
import type { PortfolioRule } from '../types.js';

const rule: PortfolioRule<TrainingExtract> = {
  id: 'manager-training',
  description: "A project's manager holds, within its validity, every training pmo.yaml requires of the manager of a project of its phase and budget.",
  category: 'competence',
  governance: true,
  thresholds: [],
  messages: {
    missing: 'manager {{manager}} has no record of {{training}}, which pmo.yaml requires of the manager of a project {{condition}}',
    expired: "manager {{manager}}'s {{training}} expired on {{expires}}; pmo.yaml requires it of the manager of a project {{condition}}",
    undated: "manager {{manager}}'s {{training}} has no date, so it cannot be shown valid; pmo.yaml requires it of the manager of a project {{condition}}",
  },
  scope: 'portfolio',

  extract: extractPeopleAndManaged,

  check(files, ctx) {
    const { trainings, lifecycle } = ctx.config;
    if (!trainings.required.some((t) => t.managers !== null)) return;
    const people = new Map(peopleOf(files).map((p) => [p.id, p]));
    const closed = lifecycle[lifecycle.length - 1];
    for (const f of files) {
      if (!('project' in f.facts)) continue;
      const p = f.facts.project;
      // An unknown manager is the reference check's finding; a finished project needs no manager any more.
      const manager = people.get(p.manager);
      if (!manager || p.finished || p.phase === closed) continue;
      const budget = budgetInReporting(p.budget, p.currency, ctx.config);
      for (const training of requiredOfManager(trainings, ctx.config, { phase: p.phase, budget })) {
        const standing = noted(ctx, trainingStanding(manager.held, training, ctx.today, trainings.warningDays));
        if (standing.state !== 'missing' && standing.state !== 'expired' && standing.state !== 'undated') continue;
        ctx.report({
          file: f.path,
          messageId: standing.state,
          data: { manager: p.manager, training: training.name, expires: standing.expires ?? '', condition: managerCondition(training, ctx.config.currency) },
          path: ['manager'],
        });
      }
    }
  },
};

export default rule;
