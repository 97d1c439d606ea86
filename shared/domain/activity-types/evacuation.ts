// Screening evacuees' identity and documents in a crisis before they leave for Canada or a
// safe third country. Counted three ways: screened, cleared, referred.
import { type ActivityTypeDef, type FieldIssue } from '../catalogue-types.ts';
import { L, PEOPLE, notesField, option } from './common.ts';

export const evacuation: ActivityTypeDef = {
  id: 'evacuation',
  version: 1,
  label: L('Evacuation screening', 'Contrôle lors d’une évacuation'),
  description: L(
    'Screening of evacuees’ identity and documents during a crisis, before they leave for Canada or a safe third country.',
    'Contrôle de l’identité et des documents des personnes évacuées lors d’une crise, avant leur départ vers le Canada ou un tiers pays sûr.',
  ),
  unit: L('persons screened', 'personnes contrôlées'),
  countField: 'screened',
  fields: [
    {
      name: 'crisis',
      kind: 'text',
      label: L('Crisis', 'Crise'),
      help: L('e.g. Haiti earthquake', 'p. ex. séisme en Haïti'),
      required: true,
      sensitive: false,
      maxLength: 200,
    },
    {
      name: 'location',
      kind: 'text',
      label: L('Screening location', 'Lieu du contrôle'),
      help: L('Airport, port or border crossing.', 'Aéroport, port ou poste frontalier.'),
      required: false,
      sensitive: false,
      maxLength: 200,
    },
    {
      name: 'screened',
      kind: 'integer',
      label: L('Persons screened', 'Personnes contrôlées'),
      required: true,
      sensitive: false,
      counts: true,
      unit: PEOPLE,
      min: 1,
      max: 10000,
    },
    {
      name: 'cleared',
      kind: 'integer',
      label: L('Persons cleared', 'Personnes autorisées'),
      help: L('Cleared to board.', 'Autorisées à embarquer.'),
      required: true,
      sensitive: false,
      counts: true,
      unit: PEOPLE,
      min: 0,
      max: 10000,
    },
    {
      name: 'referred',
      kind: 'integer',
      label: L('Persons referred', 'Personnes dirigées vers un examen'),
      help: L(
        'Referred for further examination of identity, documents or admissibility.',
        'Dirigées vers un examen approfondi de l’identité, des documents ou de l’admissibilité.',
      ),
      required: true,
      sensitive: false,
      counts: true,
      unit: PEOPLE,
      min: 0,
      max: 10000,
      defaultValue: 0,
    },
    {
      name: 'destination',
      kind: 'select',
      label: L('Destination', 'Destination'),
      required: true,
      sensitive: false,
      options: [
        option('canada', 'Canada', 'Canada'),
        option('safe-third-country', 'Safe third country', 'Tiers pays sûr'),
      ],
    },
    {
      name: 'transport',
      kind: 'select',
      label: L('Evacuated by', 'Moyen d’évacuation'),
      required: false,
      sensitive: false,
      options: [
        option('air', 'Air', 'Voie aérienne'),
        option('sea', 'Sea', 'Voie maritime'),
        option('land', 'Land', 'Voie terrestre'),
      ],
    },
    notesField(false),
  ],
  refine: (data): FieldIssue[] => {
    const { screened, cleared, referred } = data;
    if (
      typeof screened !== 'number' ||
      typeof cleared !== 'number' ||
      typeof referred !== 'number'
    ) {
      return [];
    }
    const total = cleared + referred;
    if (total <= screened) return [];
    return [
      { field: 'referred', key: 'validation.outcomesExceedScreened', params: { total, screened } },
    ];
  },
};
