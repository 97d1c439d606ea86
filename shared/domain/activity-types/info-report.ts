// A report on a priority information requirement. The body may be Protected A or B, so it is
// sensitive; the title must stay unclassified so lists and summaries can show it.
import { type ActivityTypeDef } from '../catalogue-types.ts';
import { L, option } from './common.ts';

export const infoReport: ActivityTypeDef = {
  id: 'info-report',
  version: 1,
  label: L('Information report', 'Rapport d’information'),
  description: L(
    'A report on a priority information requirement; it may be Protected A or B.',
    'Rapport sur un besoin d’information prioritaire; il peut être Protégé A ou B.',
  ),
  unit: L('reports', 'rapports'),
  countField: 'reports',
  fields: [
    {
      name: 'priority',
      kind: 'text',
      label: L('Priority information requirement', 'Besoin d’information prioritaire'),
      help: L(
        'The requirement this report answers, e.g. its reference.',
        'Le besoin auquel répond ce rapport, p. ex. sa référence.',
      ),
      required: true,
      sensitive: false,
      maxLength: 200,
    },
    {
      name: 'classification',
      kind: 'select',
      label: L('Security level', 'Niveau de sécurité'),
      required: true,
      sensitive: false,
      options: [
        option('unclassified', 'Unclassified', 'Non classifié'),
        option('protected-a', 'Protected A', 'Protégé A'),
        option('protected-b', 'Protected B', 'Protégé B'),
      ],
    },
    {
      name: 'title',
      kind: 'text',
      label: L('Title', 'Titre'),
      help: L(
        'Keep the title free of personal or protected information.',
        'Le titre ne doit contenir aucun renseignement personnel ou protégé.',
      ),
      required: true,
      sensitive: false,
      maxLength: 200,
    },
    {
      name: 'body',
      kind: 'longtext',
      label: L('Report', 'Texte du rapport'),
      required: true,
      sensitive: true,
      maxLength: 20000,
    },
    {
      name: 'reports',
      kind: 'integer',
      label: L('Reports', 'Rapports'),
      required: true,
      sensitive: false,
      counts: true,
      unit: L('reports', 'rapports'),
      min: 1,
      max: 50,
      defaultValue: 1,
    },
  ],
};
