// Meetings and briefings with partners, including joint work under the joint CBSA–RCMP
// border strategy. Notes here are about meetings, not people.
import { type ActivityTypeDef } from '../catalogue-types.ts';
import { L, OTHER, notesField, option } from './common.ts';

export const liaison: ActivityTypeDef = {
  id: 'liaison',
  version: 1,
  label: L('Liaison and information sharing', 'Liaison et échange d’information'),
  description: L(
    'Meetings and briefings with host authorities, airlines, the RCMP and allied liaison officers, including joint activities under the joint CBSA–RCMP border strategy.',
    'Réunions et séances d’information avec les autorités du pays hôte, les compagnies aériennes, la GRC et les agents de liaison de pays alliés, y compris les activités conjointes menées dans le cadre de la stratégie frontalière conjointe ASFC-GRC.',
  ),
  unit: L('meetings', 'réunions'),
  countField: 'meetings',
  fields: [
    {
      name: 'counterpart',
      kind: 'select',
      label: L('Counterpart', 'Interlocuteur'),
      required: true,
      sensitive: false,
      options: [
        option('host-authorities', 'Host authorities', 'Autorités du pays hôte'),
        option('airline', 'Airline', 'Compagnie aérienne'),
        option('rcmp', 'RCMP', 'GRC'),
        option('allied-lo', 'Allied liaison officer', 'Agent de liaison d’un pays allié'),
        option('canadian-mission', 'Canadian mission staff', 'Personnel de la mission canadienne'),
        OTHER,
      ],
    },
    {
      name: 'format',
      kind: 'select',
      label: L('Format', 'Forme'),
      required: false,
      sensitive: false,
      options: [
        option('meeting', 'Meeting', 'Réunion'),
        option('briefing', 'Briefing', 'Séance d’information'),
        option('joint-operation', 'Joint operation', 'Opération conjointe'),
        option('information-exchange', 'Information exchange', 'Échange d’information'),
        option('conference', 'Conference or workshop', 'Conférence ou atelier'),
      ],
    },
    {
      name: 'jointActivity',
      kind: 'boolean',
      label: L('Joint CBSA–RCMP activity', 'Activité conjointe ASFC-GRC'),
      help: L(
        'Carried out under the joint CBSA–RCMP border strategy.',
        'Menée dans le cadre de la stratégie frontalière conjointe ASFC-GRC.',
      ),
      required: true,
      sensitive: false,
      defaultValue: false,
    },
    {
      name: 'meetings',
      kind: 'integer',
      label: L('Meetings and briefings', 'Réunions et séances d’information'),
      required: true,
      sensitive: false,
      counts: true,
      unit: L('meetings', 'réunions'),
      min: 1,
      max: 100,
      defaultValue: 1,
    },
    {
      name: 'subject',
      kind: 'text',
      label: L('Subject', 'Sujet'),
      help: L(
        'Do not enter personal information here.',
        'N’inscrivez aucun renseignement personnel ici.',
      ),
      required: true,
      sensitive: false,
      maxLength: 200,
    },
    notesField(false),
  ],
};
