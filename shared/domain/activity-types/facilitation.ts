// A genuine traveller in need helped to return to Canada, above all in a crisis
// (fact sheet: 3,181 travellers in FY 2010–2011).
import { type ActivityTypeDef } from '../catalogue-types.ts';
import { FILE_NUMBER, L, OTHER, TRAVELLER_NAME, notesField, option } from './common.ts';

export const facilitation: ActivityTypeDef = {
  id: 'facilitation',
  version: 1,
  label: L('Facilitation', 'Facilitation'),
  description: L(
    'A genuine traveller in need, helped to return to Canada, especially during a crisis.',
    'Voyageur légitime en difficulté, aidé à revenir au Canada, surtout en situation de crise.',
  ),
  unit: L('persons', 'personnes'),
  countField: 'persons',
  fields: [
    {
      name: 'reason',
      kind: 'select',
      label: L('Reason', 'Motif'),
      required: true,
      sensitive: false,
      options: [
        option('lost-documents', 'Lost or stolen documents', 'Documents perdus ou volés'),
        option('crisis', 'Crisis or disaster', 'Crise ou catastrophe'),
        option('medical', 'Medical', 'Raisons médicales'),
        OTHER,
      ],
    },
    {
      name: 'persons',
      kind: 'integer',
      label: L('Persons', 'Personnes'),
      help: L(
        'Travellers helped, e.g. a whole family.',
        'Voyageurs aidés, p. ex. une famille entière.',
      ),
      required: true,
      sensitive: false,
      counts: true,
      unit: L('persons', 'personnes'),
      min: 1,
      max: 500,
      defaultValue: 1,
    },
    {
      name: 'travellerStatus',
      kind: 'select',
      label: L('Status in Canada', 'Statut au Canada'),
      required: false,
      sensitive: false,
      options: [
        option('citizen', 'Canadian citizen', 'Citoyen canadien'),
        option('permanent-resident', 'Permanent resident', 'Résident permanent'),
        OTHER,
      ],
    },
    TRAVELLER_NAME,
    FILE_NUMBER,
    {
      name: 'destination',
      kind: 'text',
      label: L('Destination in Canada', 'Destination au Canada'),
      help: L('City or port of entry, e.g. Montréal.', 'Ville ou point d’entrée, p. ex. Montréal.'),
      required: false,
      sensitive: false,
      maxLength: 100,
    },
    notesField(true),
  ],
};
