// Help with the removal of a person ordered removed from Canada
// (fact sheet: 9,837 removals in FY 2010–2011).
import { type ActivityTypeDef } from '../catalogue-types.ts';
import { FILE_NUMBER, L, notesField, option } from './common.ts';

export const removal: ActivityTypeDef = {
  id: 'removal',
  version: 1,
  label: L('Removal assistance', 'Aide au renvoi'),
  description: L(
    'Help with the removal of a person ordered removed from Canada: travel documents, transit, escorts.',
    'Aide au renvoi d’une personne frappée d’une mesure de renvoi du Canada : titres de voyage, transit, escortes.',
  ),
  unit: L('removals', 'renvois'),
  countField: 'removals',
  fields: [
    {
      name: 'removals',
      kind: 'integer',
      label: L('Removals', 'Renvois'),
      help: L('Persons removed with this assistance.', 'Personnes renvoyées grâce à cette aide.'),
      required: true,
      sensitive: false,
      counts: true,
      unit: L('removals', 'renvois'),
      min: 1,
      max: 500,
      defaultValue: 1,
    },
    {
      name: 'assistance',
      kind: 'multiselect',
      label: L('Assistance given', 'Aide apportée'),
      required: true,
      sensitive: false,
      options: [
        option('travel-document', 'Travel document', 'Titre de voyage'),
        option('transit', 'Transit', 'Transit'),
        option('escort', 'Escort support', 'Soutien à l’escorte'),
        option(
          'host-liaison',
          'Liaison with host authorities',
          'Liaison avec les autorités du pays hôte',
        ),
      ],
    },
    {
      name: 'escorted',
      kind: 'boolean',
      label: L('Escorted removal', 'Renvoi sous escorte'),
      help: L(
        'The person travelled with escort officers.',
        'La personne a voyagé accompagnée d’agents d’escorte.',
      ),
      required: true,
      sensitive: false,
      defaultValue: false,
    },
    {
      name: 'destinationCountry',
      kind: 'text',
      label: L('Destination country', 'Pays de destination'),
      help: L('Three-letter ISO country code.', 'Code de pays ISO à trois lettres.'),
      required: true,
      sensitive: false,
      uppercase: true,
      pattern: '[A-Z]{3}',
      example: 'HTI',
      maxLength: 3,
    },
    FILE_NUMBER,
    notesField(true),
  ],
};
