// An improperly documented traveller en route to Canada identified and stopped or referred
// (fact sheet: about 6,500 a year). Names, dates of birth and document numbers are the most
// sensitive values in the product.
import { type ActivityTypeDef, type FieldIssue } from '../catalogue-types.ts';
import { isIsoDate } from '../dates.ts';
import { L, OTHER, TRAVELLER_NAME, notesField, option } from './common.ts';

export const interdiction: ActivityTypeDef = {
  id: 'interdiction',
  version: 1,
  label: L('Interdiction or intervention', 'Interception ou intervention'),
  description: L(
    'An improperly documented traveller en route to Canada, identified and stopped or referred.',
    'Voyageur irrégulièrement documenté en route vers le Canada, repéré puis intercepté ou dirigé vers les autorités.',
  ),
  unit: L('persons', 'personnes'),
  countField: 'persons',
  fields: [
    {
      name: 'airport',
      kind: 'text',
      label: L('Airport', 'Aéroport'),
      help: L(
        'Three-letter IATA code of the airport.',
        'Code IATA de l’aéroport, en trois lettres.',
      ),
      required: true,
      sensitive: false,
      uppercase: true,
      pattern: '[A-Z]{3}',
      example: 'BOG',
      maxLength: 3,
    },
    {
      name: 'carrier',
      kind: 'text',
      label: L('Carrier', 'Transporteur'),
      help: L('Airline name or code, e.g. AC.', 'Nom ou code de la compagnie aérienne, p. ex. AC.'),
      required: true,
      sensitive: false,
      maxLength: 100,
    },
    {
      name: 'flightNumber',
      kind: 'text',
      label: L('Flight number', 'Numéro de vol'),
      required: false,
      sensitive: false,
      uppercase: true,
      pattern: '[A-Z0-9]{2}[A-Z]? ?[0-9]{1,4}[A-Z]?',
      example: 'AC 897',
      maxLength: 10,
    },
    {
      name: 'documentType',
      kind: 'select',
      label: L('Document presented', 'Document présenté'),
      required: true,
      sensitive: false,
      options: [
        option('passport', 'Passport', 'Passeport'),
        option('visa', 'Canadian visa', 'Visa canadien'),
        option('pr-card', 'Permanent resident card', 'Carte de résident permanent'),
        option(
          'travel-document',
          'Refugee or other travel document',
          'Titre de voyage (réfugié ou autre)',
        ),
        option('national-id', 'National identity card', 'Carte d’identité nationale'),
        option('none', 'None', 'Aucun'),
        OTHER,
      ],
    },
    {
      name: 'fraudType',
      kind: 'select',
      label: L('Kind of fraud or irregularity', 'Type de fraude ou d’irrégularité'),
      required: true,
      sensitive: false,
      options: [
        option('counterfeit', 'Counterfeit', 'Document contrefait'),
        option('altered', 'Altered', 'Document falsifié'),
        option('impostor', 'Impostor', 'Imposteur'),
        option(
          'fraudulently-obtained',
          'Genuine, fraudulently obtained',
          'Authentique, obtenu frauduleusement',
        ),
        option('no-visa', 'No required visa', 'Visa requis absent'),
        option('no-document', 'No document', 'Aucun document'),
        OTHER,
      ],
    },
    {
      name: 'documentCountry',
      kind: 'text',
      label: L('Issuing state', 'État de délivrance'),
      help: L(
        'Code of the issuing state as printed in the machine-readable zone, e.g. HTI (D for Germany).',
        'Code de l’État de délivrance tel qu’il figure dans la zone de lecture automatique, p. ex. HTI (D pour l’Allemagne).',
      ),
      required: false,
      sensitive: false,
      uppercase: true,
      pattern: '[A-Z]{1,3}',
      example: 'HTI',
      maxLength: 3,
    },
    {
      name: 'persons',
      kind: 'integer',
      label: L('Persons', 'Personnes'),
      help: L(
        'Travellers covered by this entry, e.g. a family travelling together.',
        'Voyageurs visés par cette entrée, p. ex. une famille qui voyage ensemble.',
      ),
      required: true,
      sensitive: false,
      counts: true,
      unit: L('persons', 'personnes'),
      min: 1,
      max: 100,
      defaultValue: 1,
    },
    {
      name: 'outcome',
      kind: 'select',
      label: L('Outcome', 'Résultat'),
      required: true,
      sensitive: false,
      options: [
        option('boarding-denied', 'Boarding denied', 'Embarquement refusé'),
        option('offloaded', 'Offloaded', 'Débarqué'),
        option(
          'referred-host',
          'Referred to host authorities',
          'Dirigé vers les autorités du pays hôte',
        ),
        option(
          'allowed-poe-advised',
          'Allowed to travel, port of entry advised',
          'Autorisé à voyager, point d’entrée avisé',
        ),
        option('allowed-after-check', 'Allowed after check', 'Autorisé après vérification'),
        OTHER,
      ],
    },
    TRAVELLER_NAME,
    {
      name: 'dateOfBirth',
      kind: 'date',
      label: L('Date of birth', 'Date de naissance'),
      required: false,
      sensitive: true,
    },
    {
      name: 'documentNumber',
      kind: 'text',
      label: L('Document number', 'Numéro du document'),
      required: false,
      sensitive: true,
      uppercase: true,
      maxLength: 30,
    },
    notesField(true),
  ],
  refine: (data, { occurredOn }): FieldIssue[] => {
    const born = data['dateOfBirth'];
    if (occurredOn === undefined || !isIsoDate(born) || born <= occurredOn) return [];
    return [{ field: 'dateOfBirth', key: 'validation.birthAfterActivity' }];
  },
};
