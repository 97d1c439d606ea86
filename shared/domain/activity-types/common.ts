// Small builders shared by the activity-type definitions, so each definition reads as data.
import { type FieldDef, type FieldOption, type Localized } from '../catalogue-types.ts';

export function L(en: string, fr: string): Localized {
  return { en, fr };
}

export function option(value: string, en: string, fr: string): FieldOption {
  return { value, label: { en, fr } };
}

export const OTHER = option('other', 'Other', 'Autre');

export const PEOPLE = L('people', 'personnes');

/** Free-text notes. Sensitive where the activity is about an identified traveller. */
export function notesField(sensitive: boolean): FieldDef {
  return {
    name: 'notes',
    kind: 'longtext',
    label: L('Notes', 'Remarques'),
    help: sensitive
      ? L(
          'Only what HQ needs to know about the case: this is personal information.',
          'Seulement ce que l’administration centrale doit savoir sur le cas : ce sont des renseignements personnels.',
        )
      : L(
          'Do not enter personal information here.',
          'N’inscrivez aucun renseignement personnel ici.',
        ),
    required: false,
    sensitive,
    maxLength: 4000,
  };
}

export const TRAVELLER_NAME: FieldDef = {
  name: 'travellerName',
  kind: 'text',
  label: L('Traveller’s name', 'Nom du voyageur'),
  help: L(
    'Principal traveller, as written in the document.',
    'Voyageur principal, tel que le nom figure dans le document.',
  ),
  required: false,
  sensitive: true,
  maxLength: 200,
};

export const FILE_NUMBER: FieldDef = {
  name: 'fileNumber',
  kind: 'text',
  label: L('File number', 'Numéro de dossier'),
  help: L('The case’s file number in Canada.', 'Le numéro du dossier au Canada.'),
  required: false,
  sensitive: true,
  uppercase: true,
  maxLength: 50,
};
