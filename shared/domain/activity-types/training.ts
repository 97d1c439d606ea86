// Document-fraud training given by an officer (fact sheet: >14,000 people trained a year).
import { type ActivityTypeDef } from '../catalogue-types.ts';
import { L, OTHER, PEOPLE, notesField, option } from './common.ts';

export const training: ActivityTypeDef = {
  id: 'training',
  version: 1,
  label: L('Document-fraud training', 'Formation sur la fraude documentaire'),
  description: L(
    'Training in detecting fraudulent documents, given to airline staff, host-government officials or Canadian immigration staff.',
    'Formation sur la détection des documents frauduleux donnée au personnel des compagnies aériennes, aux fonctionnaires du gouvernement hôte ou au personnel d’immigration du Canada.',
  ),
  unit: L('people trained', 'personnes formées'),
  countField: 'peopleTrained',
  fields: [
    {
      name: 'audience',
      kind: 'select',
      label: L('Audience', 'Public cible'),
      required: true,
      sensitive: false,
      options: [
        option('airline-staff', 'Airline staff', 'Personnel des compagnies aériennes'),
        option(
          'host-government',
          'Host-government officials',
          'Fonctionnaires du gouvernement hôte',
        ),
        option(
          'canadian-immigration',
          'Canadian immigration staff',
          'Personnel d’immigration du Canada',
        ),
        OTHER,
      ],
    },
    {
      name: 'organization',
      kind: 'text',
      label: L('Organization', 'Organisation'),
      help: L(
        'Airline, agency or office trained, e.g. the host country’s immigration service.',
        'Compagnie aérienne, organisme ou bureau formé, p. ex. le service d’immigration du pays hôte.',
      ),
      required: false,
      sensitive: false,
      maxLength: 200,
    },
    {
      name: 'location',
      kind: 'text',
      label: L('Location', 'Lieu'),
      help: L(
        'Where the session took place, e.g. an airport.',
        'Lieu de la séance, p. ex. un aéroport.',
      ),
      required: false,
      sensitive: false,
      maxLength: 200,
    },
    {
      name: 'peopleTrained',
      kind: 'integer',
      label: L('People trained', 'Personnes formées'),
      required: true,
      sensitive: false,
      counts: true,
      unit: PEOPLE,
      min: 1,
      max: 2000,
    },
    {
      name: 'durationHours',
      kind: 'integer',
      label: L('Duration', 'Durée'),
      help: L('Rounded to the nearest hour.', 'Arrondie à l’heure près.'),
      required: false,
      sensitive: false,
      unit: L('hours', 'heures'),
      min: 1,
      max: 80,
    },
    {
      name: 'topics',
      kind: 'multiselect',
      label: L('Topics', 'Sujets abordés'),
      required: false,
      sensitive: false,
      options: [
        option('document-examination', 'Document examination', 'Examen des documents'),
        option('security-features', 'Security features', 'Éléments de sécurité'),
        option('impostors', 'Impostor detection', 'Détection des imposteurs'),
        option(
          'canadian-documents',
          'Canadian documents and visas',
          'Documents et visas canadiens',
        ),
        option('fraud-trends', 'Fraud trends', 'Tendances de la fraude'),
        option('passenger-assessment', 'Passenger assessment', 'Évaluation des passagers'),
        OTHER,
      ],
    },
    notesField(false),
  ],
};
