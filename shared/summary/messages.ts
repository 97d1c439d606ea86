// The words of summaries: each measure's name, the counters beside them, and the CSV
// notice, in English and French. Merged into i18next under 'summary.' like the domain's
// validation messages ({{param}} interpolation).
import { type CounterId } from './measures.ts';

const en = {
  summary: {
    counters: {
      peopleTrained: 'People trained',
      trainingSessions: 'Training sessions',
      personsIntercepted: 'Persons intercepted',
      travellersFacilitated: 'Travellers facilitated',
      removalsAssisted: 'Removals assisted',
      personsScreened: 'Persons screened',
      personsCleared: 'Persons cleared',
      personsReferred: 'Persons referred',
      liaisonMeetings: 'Liaison meetings and briefings',
      jointActivities: 'Joint activities with the RCMP',
      infoReports: 'Information reports',
      entries: 'Entries counted',
      notCounted: 'Entries not counted (unknown type or newer version)',
      nilReports: 'Nil reports (nothing to report this month)',
    },
    csv: {
      sensitiveIncluded:
        'This file includes sensitive fields (personal or protected information). Handle it accordingly.',
    },
  },
} as const;

type CsvMessageName = keyof typeof en.summary.csv;

export interface SummaryMessages {
  readonly summary: {
    readonly counters: Readonly<Record<CounterId, string>>;
    readonly csv: Readonly<Record<CsvMessageName, string>>;
  };
}

// Canadian French usage: "GRC" for the RCMP, typographic apostrophe.
const fr: SummaryMessages = {
  summary: {
    counters: {
      peopleTrained: 'Personnes formées',
      trainingSessions: 'Séances de formation',
      personsIntercepted: 'Personnes interceptées',
      travellersFacilitated: 'Voyageurs aidés (facilitation)',
      removalsAssisted: 'Renvois appuyés',
      personsScreened: 'Personnes contrôlées',
      personsCleared: 'Personnes autorisées',
      personsReferred: 'Personnes dirigées vers un examen',
      liaisonMeetings: 'Réunions et séances d’information de liaison',
      jointActivities: 'Activités conjointes avec la GRC',
      infoReports: 'Rapports d’information',
      entries: 'Entrées comptées',
      notCounted: 'Entrées non comptées (type inconnu ou version plus récente)',
      nilReports: 'Déclarations « rien à signaler » du mois',
    },
    csv: {
      sensitiveIncluded:
        'Ce fichier contient des champs sensibles (renseignements personnels ou protégés). Traitez-le en conséquence.',
    },
  },
};

const enTyped: SummaryMessages = en;

/** i18next resources for summaries, per language. */
export const summaryMessages: { readonly en: SummaryMessages; readonly fr: SummaryMessages } = {
  en: enTyped,
  fr,
};
