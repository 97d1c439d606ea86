// The words behind validation issues. Validation returns i18n keys ('validation.min') with
// params, never sentences, so each person reads the message in their own language; the app
// merges these resources into i18next (default '.' key separator, {{param}} interpolation).

const en = {
  validation: {
    required: 'This field is required.',
    type: 'This value is not valid.',
    integer: 'Enter a whole number.',
    min: 'Enter {{min}} or more.',
    max: 'Enter {{max}} or less.',
    maxLength: 'Use {{max}} characters or fewer.',
    option: 'Choose one of the options listed.',
    date: 'Enter a real date as YYYY-MM-DD.',
    pattern: 'Use the format shown, for example {{example}}.',
    dateInFuture: 'The date cannot be later than {{max}}.',
    dateTooEarly: 'The date cannot be earlier than {{min}}.',
    unknownType: 'Unknown activity type.',
    unknownField: 'This field is not part of this activity type.',
    outcomesExceedScreened:
      'Persons cleared plus persons referred ({{total}}) cannot exceed persons screened ({{screened}}).',
    birthAfterActivity: 'The date of birth cannot be after the date of the activity.',
  },
} as const;

type ValidationMessageName = keyof typeof en.validation;
export type ValidationKey = `validation.${ValidationMessageName}`;

export interface DomainMessages {
  readonly validation: Readonly<Record<ValidationMessageName, string>>;
}

// Canadian French usage: non-breaking space before a colon only, typographic apostrophe.
const fr: DomainMessages = {
  validation: {
    required: 'Ce champ est obligatoire.',
    type: 'Cette valeur n’est pas valide.',
    integer: 'Entrez un nombre entier.',
    min: 'Entrez une valeur égale ou supérieure à {{min}}.',
    max: 'Entrez une valeur égale ou inférieure à {{max}}.',
    maxLength: 'Utilisez au plus {{max}} caractères.',
    option: 'Choisissez l’une des options proposées.',
    date: 'Entrez une date valide au format AAAA-MM-JJ.',
    pattern: 'Respectez le format indiqué, par exemple {{example}}.',
    dateInFuture: 'La date ne peut pas être postérieure au {{max}}.',
    dateTooEarly: 'La date ne peut pas être antérieure au {{min}}.',
    unknownType: 'Type d’activité inconnu.',
    unknownField: 'Ce champ ne fait pas partie de ce type d’activité.',
    outcomesExceedScreened:
      'Le nombre de personnes autorisées et de personnes dirigées vers un examen ({{total}}) ne peut pas dépasser le nombre de personnes contrôlées ({{screened}}).',
    birthAfterActivity:
      'La date de naissance ne peut pas être postérieure à la date de l’activité.',
  },
};

/** i18next resources for the domain's messages, per language. */
export const domainMessages: { readonly en: DomainMessages; readonly fr: DomainMessages } = {
  en,
  fr,
};

export const VALIDATION_KEYS: readonly ValidationKey[] = (
  Object.keys(en.validation) as ValidationMessageName[]
).map((name) => `validation.${name}` as const);

export function isValidationKey(key: string): key is ValidationKey {
  return (VALIDATION_KEYS as readonly string[]).includes(key);
}
